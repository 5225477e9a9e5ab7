//! `use_gestures`: pointer, pinch, wheel, touch and keys on the map, turned
//! into [`ViewAction`]s.
//!
//! Wheel zoom is cooperative (as in MapLibre's cooperativeGestures): the page
//! scrolls as usual unless Ctrl/⌘ is held or the map has focus (after a click
//! or Tab); otherwise a hint says how to zoom. Touch is cooperative too: one
//! finger scrolls the page (`touch-action: pan-x pan-y` in widget.css) and a
//! hint says to use two; two fingers pan and pinch-zoom the map (their
//! `touchmove` is cancelled so the page stays put). Mouse and pen drag: the
//! <svg> is moved by a composited CSS transform during the drag and the view
//! is panned once on release. Every listener is a gloo `EventListener`,
//! dropped with the effect that made it.

use std::rc::Rc;

use bilateral_core::viewport::ScreenPoint;
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, PointerEvent, WheelEvent};
use yew::prelude::*;

use crate::hooks::dom::{active_element, show_offset, stage_rect, svg_rect};
use crate::hooks::viewport::{ViewAction, ViewState};

/// Pixels a keyboard arrow moves the map.
const KEY_STEP: f64 = 80.0;
/// Pointer travel (px) beyond which a press is a drag, not a click.
const DRAG_THRESHOLD: f64 = 4.0;
/// One zoom step of the buttons and keys.
const ZOOM_STEP: f64 = 1.6;

/// Which gesture hint is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// The wheel scrolled the page: hold Ctrl to zoom.
    Wheel,
    /// One finger scrolled the page: use two to move the map.
    Touch,
}

/// Pointer bookkeeping that must not trigger renders.
#[derive(Default)]
struct Gesture {
    /// Pointers down, in client coordinates.
    pointers: Pointers,
    travelled: f64,
    /// Two fingers' distance and midpoint (client pixels) at the last move:
    /// the change in one zooms, in the other pans.
    pinch: Option<(f64, ScreenPoint)>,
    /// A drag not yet applied to the view, in pixels.
    offset: (f64, f64),
    /// The press became a drag: its click must not select a feature.
    suppress_click: bool,
}

/// The pointers down, by id, in the order they went down (two or three at
/// most: a list, not a hash map).
#[derive(Default)]
struct Pointers(Vec<(i32, ScreenPoint)>);

impl Pointers {
    fn get(&self, id: i32) -> Option<ScreenPoint> {
        self.0.iter().find(|(i, _)| *i == id).map(|&(_, p)| p)
    }

    fn insert(&mut self, id: i32, at: ScreenPoint) {
        match self.0.iter_mut().find(|(i, _)| *i == id) {
            Some(slot) => slot.1 = at,
            None => self.0.push((id, at)),
        }
    }

    fn remove(&mut self, id: i32) {
        self.0.retain(|(i, _)| *i != id);
    }

    fn clear(&mut self) {
        self.0.clear();
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    /// The distance between the first two pointers down and their midpoint.
    fn two_fingers(&self) -> Option<(f64, ScreenPoint)> {
        let [(_, a), (_, b), ..] = self.0[..] else {
            return None;
        };
        let distance = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt().max(1.0);
        let mid = ScreenPoint {
            x: (a.x + b.x) / 2.0,
            y: (a.y + b.y) / 2.0,
        };
        Some((distance, mid))
    }
}

/// The map's event handlers, for its markup.
pub struct Gestures {
    pub onpointerdown: Callback<PointerEvent>,
    pub onpointermove: Callback<PointerEvent>,
    pub onpointerup: Callback<PointerEvent>,
    pub onkeydown: Callback<KeyboardEvent>,
    pub zoom_in: Callback<MouseEvent>,
    pub zoom_out: Callback<MouseEvent>,
    pub reset: Callback<MouseEvent>,
}

#[hook]
pub fn use_gestures(
    svg: NodeRef,
    view: UseReducerHandle<ViewState>,
    hint: UseStateHandle<Option<Hint>>,
) -> Gestures {
    let gesture = use_mut_ref(Gesture::default);
    use_touch_guard(svg.clone());
    use_wheel(svg.clone(), view.clone(), hint.clone());
    use_click_guard(svg.clone(), gesture.clone());
    let (onpointerdown, onpointermove, onpointerup) =
        pointer_handlers(&svg, &view, &hint, &gesture);
    // Buttons and keys act on the element's current size (else the view's).
    let act = {
        let (view, svg) = (view.clone(), svg.clone());
        Rc::new(move |make: &dyn Fn(f64, f64) -> ViewAction| {
            let (w, h) =
                svg_rect(&svg).map_or((view.view.width, view.view.height), |r| (r.width, r.height));
            view.dispatch(make(w, h));
        })
    };
    let button = |make: fn(f64, f64) -> ViewAction| {
        let act = act.clone();
        Callback::from(move |_: MouseEvent| act(&make))
    };
    let onkeydown = {
        let act = act.clone();
        Callback::from(move |e: KeyboardEvent| {
            // Keys typed on a focused feature still pan, but Enter/Space belong to it.
            let key = e.key();
            if key_action(&key, 0.0, 0.0).is_some() {
                e.prevent_default();
                act(&|w, h| key_action(&key, w, h).expect("a map key, checked above"));
            }
        })
    };
    Gestures {
        onpointerdown,
        onpointermove,
        onpointerup,
        onkeydown,
        zoom_in: button(|width, height| ViewAction::Zoom {
            factor: ZOOM_STEP,
            width,
            height,
        }),
        zoom_out: button(|width, height| ViewAction::Zoom {
            factor: 1.0 / ZOOM_STEP,
            width,
            height,
        }),
        reset: button(|width, height| ViewAction::Reset { width, height }),
    }
}

/// What a key does to a view of `width`×`height`, if anything.
fn key_action(key: &str, width: f64, height: f64) -> Option<ViewAction> {
    let pan = |dx: f64, dy: f64| ViewAction::PanBy {
        dx,
        dy,
        width,
        height,
    };
    let zoom = |factor: f64| ViewAction::Zoom {
        factor,
        width,
        height,
    };
    Some(match key {
        "ArrowLeft" => pan(KEY_STEP, 0.0),
        "ArrowRight" => pan(-KEY_STEP, 0.0),
        "ArrowUp" => pan(0.0, KEY_STEP),
        "ArrowDown" => pan(0.0, -KEY_STEP),
        "+" | "=" => zoom(ZOOM_STEP),
        "-" | "_" => zoom(1.0 / ZOOM_STEP),
        "0" => ViewAction::Reset { width, height },
        _ => return None,
    })
}

/// Two fingers on the map move the map, not the page: cancel their
/// touchmove (a non-passive listener may); one finger is left to scroll.
#[hook]
fn use_touch_guard(svg: NodeRef) {
    use_effect_with((), move |_| {
        let listener = svg.cast::<Element>().map(|el| {
            EventListener::new_with_options(
                &el,
                "touchmove",
                EventListenerOptions::enable_prevent_default(),
                |event| {
                    if let Some(t) = event.dyn_ref::<web_sys::TouchEvent>()
                        && t.touches().length() >= 2
                    {
                        event.prevent_default();
                    }
                },
            )
        });
        move || drop(listener)
    });
}

/// The cooperative wheel (see the module header); a non-passive listener, to
/// be allowed to prevent the page's scroll.
#[hook]
fn use_wheel(svg: NodeRef, view: UseReducerHandle<ViewState>, hint: UseStateHandle<Option<Hint>>) {
    use_effect_with((), move |_| {
        let listener = svg.cast::<Element>().map(|el| {
            let el2 = el.clone();
            EventListener::new_with_options(
                &el,
                "wheel",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let Some(event) = event.dyn_ref::<WheelEvent>() else {
                        return;
                    };
                    // Focus inside the map (the SVG, a feature, a zoom button).
                    let map_box = el2.parent_element().unwrap_or_else(|| el2.clone());
                    let focused = active_element(&el2).is_some_and(|a| map_box.contains(Some(&a)));
                    if !(event.ctrl_key() || event.meta_key() || focused) {
                        hint.set(Some(Hint::Wheel));
                        return;
                    }
                    event.prevent_default();
                    hint.set(None);
                    let r = el2.get_bounding_client_rect();
                    view.dispatch(ViewAction::ZoomAt {
                        anchor: ScreenPoint {
                            x: event.client_x() as f64 - r.left(),
                            y: event.client_y() as f64 - r.top(),
                        },
                        factor: (-event.delta_y() * 0.0015).exp(),
                        width: r.width(),
                        height: r.height(),
                    });
                },
            )
        });
        move || drop(listener)
    });
}

/// A click that ends a drag must not select a feature: stop it in the
/// capture phase, before it reaches the feature's handler.
#[hook]
fn use_click_guard(svg: NodeRef, gesture: Rc<std::cell::RefCell<Gesture>>) {
    use_effect_with((), move |_| {
        let listener = svg.cast::<Element>().map(|el| {
            let options = EventListenerOptions {
                phase: EventListenerPhase::Capture,
                passive: false,
            };
            EventListener::new_with_options(&el, "click", options, move |e| {
                if gesture.borrow().suppress_click {
                    e.stop_propagation();
                    e.prevent_default();
                }
            })
        });
        move || drop(listener)
    });
}

type PointerHandlers = (
    Callback<PointerEvent>,
    Callback<PointerEvent>,
    Callback<PointerEvent>,
);

/// Press, move and release: drag (mouse, pen), pinch (two fingers), and the
/// touch hint (one finger).
fn pointer_handlers(
    svg: &NodeRef,
    view: &UseReducerHandle<ViewState>,
    hint: &UseStateHandle<Option<Hint>>,
    gesture: &Rc<std::cell::RefCell<Gesture>>,
) -> PointerHandlers {
    // Applies a pending drag offset to the view and clears the CSS transform.
    let commit = {
        let (gesture, svg, view) = (gesture.clone(), svg.clone(), view.clone());
        Rc::new(move || {
            let offset = std::mem::take(&mut gesture.borrow_mut().offset);
            if offset == (0.0, 0.0) {
                return;
            }
            show_offset(&svg, (0.0, 0.0));
            if let Some(r) = stage_rect(&svg) {
                view.dispatch(ViewAction::PanBy {
                    dx: offset.0,
                    dy: offset.1,
                    width: r.width,
                    height: r.height,
                });
            }
        })
    };
    let down = {
        let (gesture, commit) = (gesture.clone(), commit.clone());
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 && e.pointer_type() == "mouse" {
                return;
            }
            commit();
            let mut g = gesture.borrow_mut();
            // A primary pointer starts a new gesture: forget any pointer whose
            // end we never saw (a touch the page's scroll took over).
            if e.is_primary() {
                g.pointers.clear();
            }
            if g.pointers.is_empty() {
                g.travelled = 0.0;
                g.suppress_click = false;
            }
            let at = ScreenPoint {
                x: e.client_x() as f64,
                y: e.client_y() as f64,
            };
            g.pointers.insert(e.pointer_id(), at);
            // A second finger: the pinch starts from where both are now.
            g.pinch = g.pointers.two_fingers();
            // No pointer capture yet: a captured press would send its click to
            // the <svg> instead of the feature under the pointer.
        })
    };
    let moved = {
        let (gesture, svg, view, hint) = (gesture.clone(), svg.clone(), view.clone(), hint.clone());
        Callback::from(move |e: PointerEvent| {
            on_move(&e, &mut gesture.borrow_mut(), &svg, &view, &hint)
        })
    };
    let up = {
        let (gesture, commit) = (gesture.clone(), commit);
        Callback::from(move |e: PointerEvent| {
            {
                let mut g = gesture.borrow_mut();
                g.pointers.remove(e.pointer_id());
                g.pinch = None;
            }
            commit();
        })
    };
    (down, moved, up)
}

/// A pointer moved: pinch with two, hint with one finger, drag otherwise.
fn on_move(
    e: &PointerEvent,
    g: &mut Gesture,
    svg: &NodeRef,
    view: &UseReducerHandle<ViewState>,
    hint: &UseStateHandle<Option<Hint>>,
) {
    let Some(last) = g.pointers.get(e.pointer_id()) else {
        return;
    };
    let now = ScreenPoint {
        x: e.client_x() as f64,
        y: e.client_y() as f64,
    };
    g.pointers.insert(e.pointer_id(), now);
    if g.pointers.len() >= 2 {
        // Pinch: zoom by the change in distance, around the midpoint.
        let (Some(r), Some((distance, mid))) = (stage_rect(svg), g.pointers.two_fingers()) else {
            return;
        };
        let anchor = ScreenPoint {
            x: mid.x - r.left,
            y: mid.y - r.top,
        };
        let (factor, (dx, dy)) = g.pinch.map_or((1.0, (0.0, 0.0)), |(d, m)| {
            (distance / d, (mid.x - m.x, mid.y - m.y))
        });
        g.pinch = Some((distance, mid));
        g.travelled += DRAG_THRESHOLD;
        let (width, height) = (r.width, r.height);
        view.dispatch(ViewAction::ZoomAt {
            anchor,
            factor,
            width,
            height,
        });
        view.dispatch(ViewAction::PanBy {
            dx,
            dy,
            width,
            height,
        });
        if hint.is_some() {
            hint.set(None);
        }
    } else if e.pointer_type() == "touch" {
        // One finger: the page scrolls (the browser takes the gesture and
        // sends pointercancel); say how to move the map instead.
        g.travelled += (now.x - last.x).abs() + (now.y - last.y).abs();
        if g.travelled > DRAG_THRESHOLD && **hint != Some(Hint::Touch) {
            hint.set(Some(Hint::Touch));
        }
        return;
    } else {
        let (dx, dy) = (now.x - last.x, now.y - last.y);
        g.travelled += dx.abs() + dy.abs();
        g.offset = (g.offset.0 + dx, g.offset.1 + dy);
        show_offset(svg, g.offset);
    }
    if g.travelled > DRAG_THRESHOLD && !g.suppress_click {
        // Now it is a drag: keep receiving moves outside the map.
        g.suppress_click = true;
        if let Some(el) = svg.cast::<Element>() {
            let _ = el.set_pointer_capture(e.pointer_id());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(x: f64, y: f64) -> ScreenPoint {
        ScreenPoint { x, y }
    }

    #[test]
    fn pointers_keep_the_order_they_went_down() {
        let mut p = Pointers::default();
        assert_eq!(p.two_fingers(), None);
        p.insert(7, at(0.0, 0.0));
        assert_eq!(p.two_fingers(), None);
        p.insert(3, at(30.0, 40.0));
        p.insert(9, at(500.0, 500.0));
        assert_eq!(p.two_fingers(), Some((50.0, at(15.0, 20.0))));
        p.insert(7, at(6.0, 8.0)); // a move updates, it does not add
        assert_eq!(p.len(), 3);
        assert_eq!(p.get(7), Some(at(6.0, 8.0)));
        p.remove(3);
        assert_eq!(p.get(3), None);
        assert_eq!(p.two_fingers().map(|(d, _)| d.round()), Some(697.0));
        p.clear();
        assert!(p.is_empty());
    }
}
