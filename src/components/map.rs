//! The SVG map: basemap, feature symbols, labels, and pan/zoom by pointer,
//! pinch, wheel, keyboard and buttons.
//!
//! Geometry was projected at build time (`bilateral_core::map`); here only the
//! `viewBox` and one CSS variable change while panning and zooming. `--u` is
//! the size of one screen pixel in SVG units: symbols and labels are drawn in
//! pixels inside `transform: translate(…) scale(var(--u))`, so they keep their
//! size at every zoom and the layers holding them never re-render.
//!
//! Wheel zoom is cooperative (as in MapLibre's cooperativeGestures): the page
//! scrolls as usual unless Ctrl/⌘ is held or the map has focus (after a click
//! or Tab); otherwise a hint says how to zoom. Touch is cooperative too: one
//! finger scrolls the page (`touch-action: pan-x pan-y` in widget.css) and a
//! hint says to use two; two fingers pan and pinch-zoom the map (their
//! `touchmove` is cancelled so the page stays put). Mouse and pen drag as usual.

use std::collections::HashMap;
use std::rc::Rc;

use bilateral_core::compact::{decimal, order_by_key};
use bilateral_core::gazetteer::{Category, EntryKind, Precision};
use bilateral_core::geo::LatLon;
use bilateral_core::labels::{self, LabelBox, LabelRequest, LabelStyle, Position};
use bilateral_core::lang::Lang;
use bilateral_core::map::{MapData, Mark};
use bilateral_core::viewport::{ScreenPoint, SvgPoint, Viewport};
use bilateral_core::{Corpus, Feature};
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, KeyboardEvent, PointerEvent, WheelEvent};
use yew::prelude::*;

use crate::corpus::Static;

use crate::i18n;

/// Pixels a keyboard arrow moves the map.
const KEY_STEP: f64 = 80.0;
/// Pointer travel (px) beyond which a press is a drag, not a click.
const DRAG_THRESHOLD: f64 = 4.0;

#[derive(Properties, PartialEq)]
pub struct MapProps {
    /// The host's initial view: centre and zoom relative to the fitted view.
    #[prop_or_default]
    pub view: Option<(LatLon, f64)>,
    pub corpus: Static<Corpus>,
    pub map: Static<MapData>,
    pub lang: Lang,
    pub selected: Option<usize>,
    pub onselect: Callback<usize>,
}

/// Which gesture hint is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hint {
    /// The wheel scrolled the page: hold Ctrl to zoom.
    Wheel,
    /// One finger scrolled the page: use two to move the map.
    Touch,
}

/// Pointer bookkeeping that must not trigger renders.
#[derive(Default)]
struct Gesture {
    /// Pointers down, in client coordinates.
    pointers: HashMap<i32, ScreenPoint>,
    travelled: f64,
    /// Two fingers' distance and midpoint (client pixels) at the last move:
    /// the change in one zooms, in the other pans.
    pinch: Option<(f64, ScreenPoint)>,
    /// A drag not yet applied to the view: the <svg> is moved by this many
    /// pixels with a CSS transform (composited, no re-render) until release.
    offset: (f64, f64),
}

/// Writes the pending drag offset onto the <svg> element's style.
fn show_offset(svg: &NodeRef, (dx, dy): (f64, f64)) {
    if let Some(el) = svg.cast::<web_sys::SvgElement>() {
        let value = if dx == 0.0 && dy == 0.0 {
            String::new()
        } else {
            format!("translate({}px,{}px)", decimal(dx, 1), decimal(dy, 1))
        };
        let _ = el.style().set_property("transform", &value);
    }
}

/// Whether the panel is a bottom sheet over the map (narrow widget, see
/// widget.css) rather than a side panel.
fn has_sheet(svg: &NodeRef) -> bool {
    svg.cast::<Element>()
        .and_then(|el| el.closest(".bm-widget").ok().flatten())
        .is_some_and(|widget| widget.client_width() < 900)
}

/// The distance between the first two pointers down and their midpoint,
/// in client pixels.
fn two_fingers(pointers: &HashMap<i32, ScreenPoint>) -> Option<(f64, ScreenPoint)> {
    let mut pts = pointers.values();
    let (a, b) = (*pts.next()?, *pts.next()?);
    let distance = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt().max(1.0);
    let mid = ScreenPoint {
        x: (a.x + b.x) / 2.0,
        y: (a.y + b.y) / 2.0,
    };
    Some((distance, mid))
}

/// An element's left, top, width and height in client pixels; `None` while it
/// has no size (not laid out yet).
fn client_box(el: &Element) -> Option<(f64, f64, f64, f64)> {
    let r = el.get_bounding_client_rect();
    (r.width() > 0.0 && r.height() > 0.0).then(|| (r.left(), r.top(), r.width(), r.height()))
}

/// The map box: the <svg>'s parent, which does not move during a drag.
fn stage_box(svg: &NodeRef) -> Option<(f64, f64, f64, f64)> {
    client_box(&svg.cast::<Element>()?.parent_element()?)
}

/// The <svg>'s own box.
fn element_size(node: &NodeRef) -> Option<(f64, f64, f64, f64)> {
    client_box(&node.cast::<Element>()?)
}

/// The focused element as seen from `el`'s tree: inside a shadow root the
/// document only knows the host, so ask the shadow root.
fn active_element(el: &Element) -> Option<Element> {
    match el.get_root_node().dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => gloo::utils::document().active_element(),
    }
}

#[function_component(MapView)]
pub fn map_view(props: &MapProps) -> Html {
    let text = i18n::text(props.lang);
    let svg_ref = use_node_ref();
    let host_view = props.view;
    let view = use_state(|| props.map.initial_view(960.0, 600.0, props.view));
    let gesture = use_mut_ref(Gesture::default);
    let hint = use_state(|| None::<Hint>);
    let suppress_click = use_mut_ref(|| false);
    // The latest view, for listeners that outlive a render.
    let latest = use_mut_ref(|| *view);
    *latest.borrow_mut() = *view;

    // The selection as of the last render, for the resize observer below.
    let selected_now = use_mut_ref(|| None::<usize>);
    *selected_now.borrow_mut() = props.selected;

    // Fit to the real element size after mounting; afterwards keep centre and
    // scale when the element changes size (the side panel opening, rotation).
    {
        let (view, svg_ref, map, latest, selected_now) = (
            view.clone(),
            svg_ref.clone(),
            props.map,
            latest.clone(),
            selected_now.clone(),
        );
        // The view this callback last fitted: while nothing else has changed
        // it (no pan, zoom or selection yet), a resize fits anew, since the
        // page's CSS may arrive after the first layout.
        let fitted = use_mut_ref(|| None::<Viewport>);
        use_effect_with((), move |_| {
            let on_resize = {
                let svg_ref = svg_ref.clone();
                Closure::<dyn FnMut()>::new(move || {
                    let Some((_, _, w, h)) = element_size(&svg_ref) else {
                        return;
                    };
                    let untouched = fitted.borrow().is_none_or(|f| f == *latest.borrow());
                    let next = if untouched {
                        // A feature the host selected stays in sight (above
                        // the bottom sheet) in the refitted view too.
                        let mut fit = map.initial_view(w, h, host_view);
                        if let Some(i) = *selected_now.borrow()
                            && let Some(p) = anchor_of(&map.marks[i])
                        {
                            fit = fit.reveal(p, has_sheet(&svg_ref)).unwrap_or(fit);
                        }
                        *fitted.borrow_mut() = Some(fit);
                        fit
                    } else {
                        latest.borrow().resized(w, h)
                    };
                    *latest.borrow_mut() = next;
                    view.set(next);
                })
            };
            let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(el)) = (&observer, svg_ref.cast::<Element>()) {
                o.observe(&el);
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(on_resize);
            }
        });
    }

    // Bring a newly selected feature into view: above the bottom sheet on
    // narrow layouts, anywhere visible on wide ones.
    {
        let (view, svg_ref, latest, map) =
            (view.clone(), svg_ref.clone(), latest.clone(), props.map);
        use_effect_with(props.selected, move |selected| {
            if let (Some(i), Some((_, _, w, h))) = (*selected, element_size(&svg_ref))
                && let Some(p) = anchor_of(&map.marks[i])
            {
                let v = latest.borrow().resized(w, h);
                if let Some(next) = v.reveal(p, has_sheet(&svg_ref)) {
                    *latest.borrow_mut() = next;
                    view.set(next);
                }
            }
        });
    }

    // The name and citation count of the feature under the pointer or focus.
    let hovered = use_state(|| None::<usize>);
    let onhover = {
        let hovered = hovered.clone();
        use_callback((), move |i: Option<usize>, _| hovered.set(i))
    };

    // Two fingers on the map move the map, not the page: cancel their
    // touchmove (a non-passive listener may); one finger is left to scroll.
    {
        let svg_ref = svg_ref.clone();
        use_effect_with((), move |_| {
            let listener = svg_ref.cast::<Element>().map(|el| {
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

    // Wheel: needs a non-passive listener to be allowed to prevent scrolling.
    {
        let (view, svg_ref, hint, latest) =
            (view.clone(), svg_ref.clone(), hint.clone(), latest.clone());
        use_effect_with((), move |_| {
            let target = svg_ref.cast::<Element>();
            let listener = target.map(|el| {
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
                        let focused =
                            active_element(&el2).is_some_and(|a| map_box.contains(Some(&a)));
                        if !(event.ctrl_key() || event.meta_key() || focused) {
                            hint.set(Some(Hint::Wheel));
                            return;
                        }
                        event.prevent_default();
                        hint.set(None);
                        let r = el2.get_bounding_client_rect();
                        let anchor = ScreenPoint {
                            x: event.client_x() as f64 - r.left(),
                            y: event.client_y() as f64 - r.top(),
                        };
                        let factor = (-event.delta_y() * 0.0015).exp();
                        let next = latest
                            .borrow()
                            .resized(r.width(), r.height())
                            .zoom_at(anchor, factor);
                        *latest.borrow_mut() = next;
                        view.set(next);
                    },
                )
            });
            move || drop(listener)
        });
    }

    // Applies a pending drag offset to the view and clears the CSS transform.
    let commit = {
        let (gesture, svg_ref, view, latest) = (
            gesture.clone(),
            svg_ref.clone(),
            view.clone(),
            latest.clone(),
        );
        Rc::new(move || {
            let offset = std::mem::take(&mut gesture.borrow_mut().offset);
            if offset == (0.0, 0.0) {
                return;
            }
            show_offset(&svg_ref, (0.0, 0.0));
            let Some((_, _, w, h)) = stage_box(&svg_ref) else {
                return;
            };
            let next = latest.borrow().resized(w, h).pan_by(offset.0, offset.1);
            *latest.borrow_mut() = next;
            view.set(next);
        })
    };

    let onpointerdown = {
        let (gesture, suppress_click, commit) =
            (gesture.clone(), suppress_click.clone(), commit.clone());
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
                *suppress_click.borrow_mut() = false;
            }
            g.pointers.insert(
                e.pointer_id(),
                ScreenPoint {
                    x: e.client_x() as f64,
                    y: e.client_y() as f64,
                },
            );
            // A second finger: the pinch starts from where both are now.
            g.pinch = two_fingers(&g.pointers);
            // No pointer capture yet: a captured press would send its click to
            // the <svg> instead of the feature under the pointer.
        })
    };

    let onpointermove = {
        let (gesture, svg_ref, view, latest, suppress_click, hint) = (
            gesture.clone(),
            svg_ref.clone(),
            view.clone(),
            latest.clone(),
            suppress_click.clone(),
            hint.clone(),
        );
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            let Some(&last) = g.pointers.get(&e.pointer_id()) else {
                return;
            };
            let now = ScreenPoint {
                x: e.client_x() as f64,
                y: e.client_y() as f64,
            };
            g.pointers.insert(e.pointer_id(), now);
            if g.pointers.len() >= 2 {
                // Pinch: zoom by the change in distance, around the midpoint.
                let Some((left, top, w, h)) = stage_box(&svg_ref) else {
                    return;
                };
                let Some((distance, mid)) = two_fingers(&g.pointers) else {
                    return;
                };
                let anchor = ScreenPoint {
                    x: mid.x - left,
                    y: mid.y - top,
                };
                let (factor, (dx, dy)) = g.pinch.map_or((1.0, (0.0, 0.0)), |(d, m)| {
                    (distance / d, (mid.x - m.x, mid.y - m.y))
                });
                g.pinch = Some((distance, mid));
                g.travelled += DRAG_THRESHOLD;
                let next = latest
                    .borrow()
                    .resized(w, h)
                    .zoom_at(anchor, factor)
                    .pan_by(dx, dy);
                *latest.borrow_mut() = next;
                view.set(next);
                if hint.is_some() {
                    hint.set(None);
                }
            } else if e.pointer_type() == "touch" {
                // One finger: the page scrolls (the browser takes the gesture
                // and sends pointercancel); say how to move the map instead.
                g.travelled += (now.x - last.x).abs() + (now.y - last.y).abs();
                if g.travelled > DRAG_THRESHOLD && *hint != Some(Hint::Touch) {
                    hint.set(Some(Hint::Touch));
                }
                return;
            } else {
                let (dx, dy) = (now.x - last.x, now.y - last.y);
                g.travelled += dx.abs() + dy.abs();
                g.offset = (g.offset.0 + dx, g.offset.1 + dy);
                show_offset(&svg_ref, g.offset);
            }
            if g.travelled > DRAG_THRESHOLD && !*suppress_click.borrow() {
                // Now it is a drag: keep receiving moves outside the map.
                *suppress_click.borrow_mut() = true;
                if let Some(el) = svg_ref.cast::<Element>() {
                    let _ = el.set_pointer_capture(e.pointer_id());
                }
            }
        })
    };

    let onpointerup = {
        let (gesture, commit) = (gesture.clone(), commit.clone());
        Callback::from(move |e: PointerEvent| {
            {
                let mut g = gesture.borrow_mut();
                g.pointers.remove(&e.pointer_id());
                g.pinch = None;
            }
            commit();
        })
    };

    let apply = {
        let (view, latest, svg_ref) = (view.clone(), latest.clone(), svg_ref.clone());
        Rc::new(move |f: &dyn Fn(Viewport) -> Viewport| {
            let (w, h) = element_size(&svg_ref)
                .map_or((latest.borrow().width, latest.borrow().height), |s| {
                    (s.2, s.3)
                });
            let next = f(latest.borrow().resized(w, h));
            *latest.borrow_mut() = next;
            view.set(next);
        })
    };
    let zoom_in = {
        let apply = apply.clone();
        Callback::from(move |_: MouseEvent| apply(&|v| v.zoom(1.6)))
    };
    let zoom_out = {
        let apply = apply.clone();
        Callback::from(move |_: MouseEvent| apply(&|v| v.zoom(1.0 / 1.6)))
    };
    let reset = {
        let (apply, map) = (apply.clone(), props.map);
        Callback::from(move |_: MouseEvent| apply(&|v| map.initial_view(v.width, v.height, None)))
    };
    let onkeydown = {
        let (apply, map) = (apply.clone(), props.map);
        Callback::from(move |e: KeyboardEvent| {
            // Keys typed on a focused feature still pan, but Enter/Space belong to it.
            let op: Option<Box<dyn Fn(Viewport) -> Viewport>> = match e.key().as_str() {
                "ArrowLeft" => Some(Box::new(|v: Viewport| v.pan_by(KEY_STEP, 0.0))),
                "ArrowRight" => Some(Box::new(|v: Viewport| v.pan_by(-KEY_STEP, 0.0))),
                "ArrowUp" => Some(Box::new(|v: Viewport| v.pan_by(0.0, KEY_STEP))),
                "ArrowDown" => Some(Box::new(|v: Viewport| v.pan_by(0.0, -KEY_STEP))),
                "+" | "=" => Some(Box::new(|v: Viewport| v.zoom(1.6))),
                "-" | "_" => Some(Box::new(|v: Viewport| v.zoom(1.0 / 1.6))),
                "0" => Some(Box::new(move |v: Viewport| {
                    map.initial_view(v.width, v.height, None)
                })),
                _ => None,
            };
            if let Some(op) = op {
                e.prevent_default();
                apply(&*op);
            }
        })
    };
    // A click that ends a drag must not select a feature: stop it in the
    // capture phase, before it reaches the feature's handler.
    {
        let (svg_ref, suppress_click) = (svg_ref.clone(), suppress_click.clone());
        use_effect_with((), move |_| {
            let listener = svg_ref.cast::<Element>().map(|el| {
                let options = EventListenerOptions {
                    phase: EventListenerPhase::Capture,
                    passive: false,
                };
                EventListener::new_with_options(&el, "click", options, move |e| {
                    if *suppress_click.borrow() {
                        e.stop_propagation();
                        e.prevent_default();
                    }
                })
            });
            move || drop(listener)
        });
    }

    let v = *view;
    // `--u` (SVG units per screen pixel) is set through the CSSOM, which a
    // strict CSP allows, not through a `style` attribute, which it blocks.
    {
        let (svg_ref, scale) = (svg_ref.clone(), v.scale);
        use_effect_with((scale * 1e9) as i64, move |_| {
            if let Some(el) = svg_ref.cast::<web_sys::SvgElement>() {
                let _ = el.style().set_property("--u", &decimal(1.0 / scale, 6));
            }
        });
    }
    // Labels are placed in SVG units, so they travel with the map by
    // themselves; placement is redone when the scale or the element's size
    // changes, or the view has moved by a quarter of a screen.
    let step = (v.width.min(v.height) / 4.0).max(1.0);
    let label_key = (
        (v.scale * 1e9) as i64,
        (v.center.x * v.scale / step).round() as i64,
        (v.center.y * v.scale / step).round() as i64,
        v.width as i64,
        v.height as i64,
    );
    let label_view = *use_memo(label_key, move |_| v);
    html! {
        <div class="bm-map" onkeydown={onkeydown}>
            <svg ref={svg_ref} class="bm-svg" viewBox={v.view_box()}
                role="application" aria-label={text.map_label} tabindex="0"
                aria-describedby="bm-keys"
                {onpointerdown} onpointermove={onpointermove.clone()}
                onpointerup={onpointerup.clone()} onpointercancel={onpointerup}>
                <Basemap map={props.map} lang={props.lang} />
                <Features corpus={props.corpus} map={props.map} lang={props.lang}
                    selected={props.selected} onselect={props.onselect.clone()} onhover={onhover} />
                <Labels corpus={props.corpus} map={props.map} lang={props.lang} view={label_view} selected={props.selected}
                    onselect={props.onselect.clone()} />
            </svg>
            <p id="bm-keys" class="bm-visually-hidden">{ text.keyboard_hint }</p>
            <div class="bm-controls">
                <button type="button" onclick={zoom_in} aria-label={text.zoom_in} title={text.zoom_in}>{ "+" }</button>
                <button type="button" onclick={zoom_out} aria-label={text.zoom_out} title={text.zoom_out}>{ "−" }</button>
                <button type="button" onclick={reset} aria-label={text.reset} title={text.reset}>{ "⤢" }</button>
            </div>
            { tooltip(props, &v, *hovered) }
            if let Some(h) = *hint {
                <div class="bm-hint" role="status">{ match h { Hint::Wheel => text.wheel_hint, Hint::Touch => text.touch_hint } }</div>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct BasemapProps {
    map: Static<MapData>,
    lang: Lang,
}

/// Countries, lakes, rivers and the two countries' names. Re-renders only
/// when the language changes.
#[function_component(Basemap)]
fn basemap(props: &BasemapProps) -> Html {
    let m = props.map;
    html! {
        <g class="bm-basemap" aria-hidden="true">
            { for m.countries.iter().map(|c| html! {
                <path class={classes!("bm-country", c.emphasis.then_some("bm-country--focus"))} d={c.d.clone()} />
            }) }
            { for m.rivers.iter().map(|r| html! { <path class="bm-river" d={r.d.clone()} /> }) }
            { for m.lakes.iter().map(|l| html! { <path class="bm-lake" d={l.d.clone()} /> }) }
            { for m.countries.iter().filter(|c| c.emphasis).map(|c| pinned(c.label, html! {
                <text class="bm-country-label" text-anchor="middle">{ c.name.get(props.lang) }</text>
            })) }
            { for m.lakes.iter().take(3).map(|l| pinned(l.label, html! {
                <text class="bm-water-label" text-anchor="middle" y="4">{ l.name.get(props.lang) }</text>
            })) }
        </g>
    }
}

/// `content`, drawn in screen pixels, placed at the SVG point `p`: the outer
/// `<g>`'s `transform` attribute moves it there, and the inner
/// `<g class="bm-px">` is scaled by the stylesheet (`scale(var(--u))`). No
/// `style` attributes: a strict Content-Security-Policy (`style-src 'self'`)
/// blocks them.
fn pinned(p: SvgPoint, content: Html) -> Html {
    let at = format!("translate({} {})", decimal(p.x, 1), decimal(p.y, 1));
    html! { <g transform={at}><g class="bm-px">{ content }</g></g> }
}

/// The symbol of a category, drawn in pixels around (0, 0).
pub fn symbol(category: Category) -> &'static str {
    match category {
        Category::Transport => "M-7 0L-3.5 -6.5H3.5L7 0L3.5 6.5H-3.5z",
        Category::BorderCrossing => "M0 -8L8 0L0 8L-8 0z",
        Category::Education => "M0 -8L8 6H-8z",
        Category::EnergyWater => "M0 -8C5 -2 6 2 6 3A6 6 0 0 1 -6 3C-6 2 -5 -2 0 -8z",
        Category::TradeLogistics => "M-7 -5h14v10h-14z",
        Category::Tourism => "M-8 6L-2 -6L1 0L3 -3L8 6z",
        Category::Culture => {
            "M0 -8L2.4 -2.5L8 -2.5L3.5 1.2L5 7L0 3.6L-5 7L-3.5 1.2L-8 -2.5L-2.4 -2.5z"
        }
        Category::MeetingVenue => "M-6 0A6 6 0 1 0 6 0A6 6 0 1 0 -6 0z",
        Category::City => "M-4 0A4 4 0 1 0 4 0A4 4 0 1 0 -4 0z",
    }
}

#[derive(Properties, PartialEq)]
struct FeaturesProps {
    corpus: Static<Corpus>,
    map: Static<MapData>,
    lang: Lang,
    selected: Option<usize>,
    onselect: Callback<usize>,
    onhover: Callback<Option<usize>>,
}

/// One focusable `<g data-feature-id>` per drawn feature; each is its own
/// component, so a selection re-renders two features, not all of them.
#[function_component(Features)]
fn features(props: &FeaturesProps) -> Html {
    // Routes at the bottom, then places (cities, lakes), then projects on top:
    // a project drawn at a city (the ENU branch in Osh) stays clickable, and the
    // city can still be opened by its label.
    let order = order_by_key((0..props.corpus.features.len()).map(|i| {
        let route = matches!(props.map.marks[i], Mark::Route { .. });
        let place = props.corpus.entry(&props.corpus.features[i]).kind == EntryKind::Place;
        u64::from(!route) * 2 + u64::from(!place)
    }));
    html! {
        <g class="bm-features">
            { for order.into_iter().filter(|&i| !matches!(props.map.marks[i], Mark::Unlocated)).map(|i| html! {
                <FeatureMark key={i} corpus={props.corpus} map={props.map} lang={props.lang} index={i}
                    selected={props.selected == Some(i)} onselect={props.onselect.clone()}
                    onhover={props.onhover.clone()} />
            }) }
        </g>
    }
}

#[derive(Properties, PartialEq)]
struct FeatureMarkProps {
    corpus: Static<Corpus>,
    map: Static<MapData>,
    lang: Lang,
    index: usize,
    selected: bool,
    onselect: Callback<usize>,
    onhover: Callback<Option<usize>>,
}

#[function_component(FeatureMark)]
fn feature_mark(props: &FeatureMarkProps) -> Html {
    let index = props.index;
    let feature: &Feature = &props.corpus.features[index];
    let entry = props.corpus.entry(feature);
    let name = entry.name.get(props.lang);
    let venue = feature.hosted_meetings();
    let label = format!(
        "{name}: {}{}",
        i18n::citations(props.lang, feature.citations.len()),
        if venue {
            format!(" · {}", i18n::text(props.lang).venue)
        } else {
            String::new()
        }
    );
    let select = props.onselect.reform(move |_: MouseEvent| index);
    let onkeydown = {
        let onselect = props.onselect.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                e.stop_propagation();
                onselect.emit(index);
            }
        })
    };
    let class = classes!(
        "bm-feature",
        format!("bm-cat-{}", entry.category.key()),
        (entry.precision != Precision::Exact).then_some("bm-feature--approx"),
        props.selected.then_some("bm-feature--selected"),
        venue.then_some("bm-feature--venue"),
    );
    let d = symbol(entry.category);
    let symbol_at = |p: SvgPoint| {
        pinned(
            p,
            html! {
                <>
                    if venue {
                        <circle class="bm-venue-ring" r="8.5" />
                    }
                    <path class="bm-symbol-halo" d={d} />
                    <path class="bm-symbol" d={d} />
                </>
            },
        )
    };
    let body = match &props.map.marks[index] {
        Mark::Unlocated => return html! {},
        Mark::Points(points) => html! { { for points.iter().map(|p| symbol_at(*p)) } },
        Mark::Route { d: route, anchor } => html! {
            <>
                <path class="bm-route-casing" d={route.clone()} />
                <path class="bm-route" d={route.clone()} />
                { symbol_at(*anchor) }
            </>
        },
    };
    let enter = props.onhover.reform(move |_: PointerEvent| Some(index));
    let leave = props.onhover.reform(|_: PointerEvent| None);
    let focus = props.onhover.reform(move |_: FocusEvent| Some(index));
    let blur = props.onhover.reform(|_: FocusEvent| None);
    html! {
        <g class={class} data-feature-id={entry.id.clone()}
            tabindex="0" role="button" aria-label={label}
            aria-pressed={props.selected.to_string()}
            onclick={select} {onkeydown} onpointerenter={enter} onpointerleave={leave}
            onfocus={focus} onblur={blur}>
            { body }
        </g>
    }
}

/// Where a feature's symbol is, if it is drawn.
fn anchor_of(mark: &Mark) -> Option<SvgPoint> {
    match mark {
        Mark::Points(ps) => ps.first().copied(),
        Mark::Route { anchor, .. } => Some(*anchor),
        Mark::Unlocated => None,
    }
}

/// "Name · 3 citations" next to the hovered or focused feature.
fn tooltip(props: &MapProps, v: &Viewport, hovered: Option<usize>) -> Html {
    let Some(i) = hovered else { return html! {} };
    let Some(p) = anchor_of(&props.map.marks[i]) else {
        return html! {};
    };
    let f = &props.corpus.features[i];
    let s = v.svg_to_screen(p);
    html! {
        <Tooltip left={s.x.clamp(8.0, (v.width - 8.0).max(8.0)).round() as i32} top={(s.y - 12.0).round() as i32}
            flip={s.x > v.width * 0.6} name={props.corpus.entry(f).name.get(props.lang).to_string()}
            count={i18n::citations(props.lang, f.citations.len())} />
    }
}

#[derive(Properties, PartialEq)]
struct TooltipProps {
    left: i32,
    top: i32,
    /// Shown to the left of the point (near the right edge).
    flip: bool,
    name: String,
    count: String,
}

/// Positioned through the CSSOM (allowed by a strict CSP), not a style attribute.
#[function_component(Tooltip)]
fn tooltip_view(props: &TooltipProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(
            (props.left, props.top, props.flip),
            move |&(left, top, flip)| {
                if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                    let style = el.style();
                    let _ = style.set_property("left", &format!("{left}px"));
                    let _ = style.set_property("top", &format!("{top}px"));
                    let x = if flip { "-100%" } else { "0" };
                    let _ = style.set_property("transform", &format!("translate({x},-100%)"));
                }
            },
        );
    }
    html! {
        <div ref={node} class="bm-tooltip" role="tooltip" data-testid="tooltip">
            <strong>{ &props.name }</strong>
            <span>{ &props.count }</span>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct LabelsProps {
    corpus: Static<Corpus>,
    map: Static<MapData>,
    lang: Lang,
    view: Viewport,
    selected: Option<usize>,
    onselect: Callback<usize>,
}

/// Feature names placed where they do not collide: each label tries right,
/// left, above and below its symbol in screen space, most-cited first (the
/// selected feature before all), and is left out if every place overlaps
/// another label or symbol or runs off the map.
#[function_component(Labels)]
fn labels(props: &LabelsProps) -> Html {
    let placed = place_labels(props);
    html! {
        <g class="bm-labels" aria-hidden="true">
            { for placed.into_iter().map(|(i, p, text, anchor, dx, dy, selected)| {
                // Labels are a second, larger target for the pointer; keyboard
                // users reach the same feature through its symbol.
                let onclick = props.onselect.reform(move |_: MouseEvent| i);
                pinned(p, html! {
                    <text class={classes!("bm-label", selected.then_some("bm-label--selected"))}
                        x={dx.to_string()} y={dy.to_string()} text-anchor={anchor} {onclick}>{ text }</text>
                })
            }) }
        </g>
    }
}

type Placed = (usize, SvgPoint, String, &'static str, f64, f64, bool);

fn place_labels(props: &LabelsProps) -> Vec<Placed> {
    let v = props.view;
    let candidates: Vec<(usize, SvgPoint)> = props
        .corpus
        .features
        .iter()
        .enumerate()
        .filter_map(|(i, _)| match &props.map.marks[i] {
            Mark::Points(ps) if ps.len() == 1 => Some((i, ps[0])),
            Mark::Route { anchor, .. } => Some((i, *anchor)),
            _ => None,
        })
        .collect();
    // The selected feature first, then the most cited.
    let order = order_by_key(candidates.iter().map(|&(i, _)| {
        let cited = props.corpus.features[i].citations.len() as u64;
        (u64::from(props.selected != Some(i)) << 32)
            | (u32::MAX as u64 - cited.min(u32::MAX as u64))
    }));
    let candidates: Vec<(usize, SvgPoint)> = order.into_iter().map(|k| candidates[k]).collect();
    // Every on-screen symbol's box is taken first, so labels never cover symbols.
    let on_screen = |s: ScreenPoint| {
        s.x > -50.0 && s.y > -50.0 && s.x < v.width + 50.0 && s.y < v.height + 50.0
    };
    let candidates: Vec<(usize, SvgPoint, ScreenPoint)> = candidates
        .into_iter()
        .map(|(i, p)| (i, p, v.svg_to_screen(p)))
        .filter(|&(_, _, s)| on_screen(s))
        .collect();
    // The zoom buttons' corner (see .bm-controls in widget.css).
    let corner = LabelBox {
        left: v.width - 60.0,
        top: 0.0,
        right: v.width,
        bottom: 160.0,
    };
    let style = LabelStyle::WIDGET;
    let names: Vec<&str> = candidates
        .iter()
        .map(|&(i, _, _)| {
            props
                .corpus
                .entry(&props.corpus.features[i])
                .name
                .get(props.lang)
        })
        .collect();
    let requests: Vec<LabelRequest> = candidates
        .iter()
        .zip(&names)
        .map(|(&(i, _, s), name)| LabelRequest {
            id: i,
            x: s.x,
            y: s.y,
            width: style.text_width(name, props.selected == Some(i)),
        })
        .collect();
    let bounds = LabelBox {
        left: 0.0,
        top: 0.0,
        right: v.width,
        bottom: v.height,
    };
    labels::place(&requests, &[corner], bounds, &style, &Position::ALL)
        .into_iter()
        .filter_map(|l| {
            let k = candidates.iter().position(|c| c.0 == l.id)?;
            let (i, p, _) = candidates[k];
            let selected = props.selected == Some(i);
            Some((
                i,
                p,
                names[k].to_string(),
                l.position.text_anchor(),
                l.dx,
                l.dy,
                selected,
            ))
        })
        .collect()
}
