//! `use_viewport`: the map's view as one reducer. Fitting, refitting on
//! resize, revealing a selected feature, and every gesture's pan and zoom are
//! [`ViewAction`]s computed from the current view inside the reducer, so
//! listeners that outlive a render never need a copy of it. The maths is
//! `bilateral_core::viewport` ([`Viewport::reveal`], `MapData::initial_view`).

use std::rc::Rc;

use bilateral_core::geo::LatLon;
use bilateral_core::map::MapData;
use bilateral_core::viewport::{ScreenPoint, SvgPoint, Viewport};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::Element;
use yew::prelude::*;

use crate::corpus::Static;
use crate::hooks::dom::{has_sheet, svg_rect};

/// A change to the view. Sizes are the map element's, in CSS pixels, as
/// measured when the gesture happened.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ViewAction {
    /// The element has this size now. Until the reader moves the map, the
    /// view is fitted anew (the page's CSS may arrive after the first layout)
    /// keeping `keep` — the selected feature, with whether a bottom sheet
    /// covers the map — in sight; afterwards centre and scale are kept.
    Resize {
        width: f64,
        height: f64,
        keep: Option<(SvgPoint, bool)>,
    },
    /// Bring `point` into sight (above the bottom sheet when `sheet`).
    Reveal {
        point: SvgPoint,
        sheet: bool,
        width: f64,
        height: f64,
    },
    PanBy {
        dx: f64,
        dy: f64,
        width: f64,
        height: f64,
    },
    ZoomAt {
        anchor: ScreenPoint,
        factor: f64,
        width: f64,
        height: f64,
    },
    /// Zoom around the centre.
    Zoom {
        factor: f64,
        width: f64,
        height: f64,
    },
    /// Back to the fitted view of everything.
    Reset { width: f64, height: f64 },
}

/// The view, and the fitted view it started from while untouched.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    pub view: Viewport,
    fitted: Option<Viewport>,
    map: Static<MapData>,
    host: Option<(LatLon, f64)>,
}

impl Reducible for ViewState {
    type Action = ViewAction;

    fn reduce(self: Rc<Self>, action: ViewAction) -> Rc<Self> {
        let mut fitted = self.fitted;
        let v = self.view;
        let view = match action {
            ViewAction::Resize {
                width,
                height,
                keep,
            } => {
                let untouched = fitted.is_none_or(|f| f == v);
                if untouched {
                    let mut fit = self.map.initial_view(width, height, self.host);
                    if let Some((p, sheet)) = keep {
                        fit = fit.reveal(p, sheet).unwrap_or(fit);
                    }
                    fitted = Some(fit);
                    fit
                } else {
                    v.resized(width, height)
                }
            }
            ViewAction::Reveal {
                point,
                sheet,
                width,
                height,
            } => {
                let v = v.resized(width, height);
                v.reveal(point, sheet).unwrap_or(v)
            }
            ViewAction::PanBy {
                dx,
                dy,
                width,
                height,
            } => v.resized(width, height).pan_by(dx, dy),
            ViewAction::ZoomAt {
                anchor,
                factor,
                width,
                height,
            } => v.resized(width, height).zoom_at(anchor, factor),
            ViewAction::Zoom {
                factor,
                width,
                height,
            } => v.resized(width, height).zoom(factor),
            ViewAction::Reset { width, height } => self.map.initial_view(width, height, None),
        };
        if view == v && fitted == self.fitted {
            return self;
        }
        Rc::new(ViewState {
            view,
            fitted,
            ..(*self).clone()
        })
    }
}

/// The map's view, starting fitted to a nominal 960×600 until the element
/// reports its size.
#[hook]
pub fn use_viewport(
    map: Static<MapData>,
    host: Option<(LatLon, f64)>,
) -> UseReducerHandle<ViewState> {
    use_reducer(move || ViewState {
        view: map.initial_view(960.0, 600.0, host),
        fitted: None,
        map,
        host,
    })
}

/// Keeps the view fitted to the <svg>'s real size (a `ResizeObserver`) and
/// brings a newly selected feature into view: above the bottom sheet on
/// narrow layouts, anywhere visible on wide ones.
#[hook]
pub fn use_fit(
    svg: NodeRef,
    view: UseReducerHandle<ViewState>,
    map: Static<MapData>,
    selected: Option<usize>,
) {
    // The selection as of the last render, for the observer's callback.
    let selected_now = use_mut_ref(|| None::<usize>);
    *selected_now.borrow_mut() = selected;
    {
        let (svg, view) = (svg.clone(), view.clone());
        use_effect_with((), move |_| {
            let on_resize = {
                let svg = svg.clone();
                Closure::<dyn FnMut()>::new(move || {
                    let Some(r) = svg_rect(&svg) else { return };
                    let keep = selected_now
                        .borrow()
                        .and_then(|i| map.marks[i].anchor())
                        .map(|p| (p, has_sheet(&svg)));
                    view.dispatch(ViewAction::Resize {
                        width: r.width,
                        height: r.height,
                        keep,
                    });
                })
            };
            let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(el)) = (&observer, svg.cast::<Element>()) {
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
    use_effect_with(selected, move |selected| {
        if let (Some(i), Some(r)) = (*selected, svg_rect(&svg))
            && let Some(point) = map.marks[i].anchor()
        {
            view.dispatch(ViewAction::Reveal {
                point,
                sheet: has_sheet(&svg),
                width: r.width,
                height: r.height,
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start() -> Rc<ViewState> {
        let bundle = crate::corpus::embedded().expect("the embedded bundle decodes");
        let map = Static(&bundle.map);
        Rc::new(ViewState {
            view: map.initial_view(960.0, 600.0, None),
            fitted: None,
            map,
            host: None,
        })
    }

    fn resize(w: f64, h: f64) -> ViewAction {
        ViewAction::Resize {
            width: w,
            height: h,
            keep: None,
        }
    }

    #[test]
    fn an_untouched_view_is_refitted_on_resize() {
        let s = start().reduce(resize(400.0, 300.0));
        assert_eq!(s.view, s.map.initial_view(400.0, 300.0, None));
        let s = s.reduce(resize(800.0, 500.0));
        assert_eq!(
            s.view,
            s.map.initial_view(800.0, 500.0, None),
            "still untouched"
        );
    }

    #[test]
    fn a_moved_view_keeps_centre_and_scale_on_resize() {
        let s = start().reduce(resize(400.0, 300.0));
        let s = s.reduce(ViewAction::PanBy {
            dx: 50.0,
            dy: 0.0,
            width: 400.0,
            height: 300.0,
        });
        let moved = s.view;
        let s = s.reduce(resize(800.0, 500.0));
        assert_eq!((s.view.center, s.view.scale), (moved.center, moved.scale));
        assert_eq!((s.view.width, s.view.height), (800.0, 500.0));
    }

    #[test]
    fn zoom_and_reset() {
        let s = start().reduce(resize(400.0, 300.0));
        let fit = s.view;
        let s = s.reduce(ViewAction::Zoom {
            factor: 1.6,
            width: 400.0,
            height: 300.0,
        });
        assert!((s.view.scale / fit.scale - 1.6).abs() < 1e-9);
        let s = s.reduce(ViewAction::ZoomAt {
            anchor: ScreenPoint { x: 0.0, y: 0.0 },
            factor: 1000.0,
            width: 400.0,
            height: 300.0,
        });
        assert_eq!(s.view.scale, fit.max_scale, "the zoom range holds");
        let s = s.reduce(ViewAction::Reset {
            width: 400.0,
            height: 300.0,
        });
        assert_eq!(s.view, fit);
    }

    #[test]
    fn reveal_brings_a_point_into_sight_or_changes_nothing() {
        let s = start().reduce(resize(400.0, 300.0));
        let here = s.view.center;
        let same = s.clone().reduce(ViewAction::Reveal {
            point: here,
            sheet: false,
            width: 400.0,
            height: 300.0,
        });
        assert!(Rc::ptr_eq(&s, &same), "the centre is in sight");
        // A point near the fitted view's corner, out of sight once zoomed in.
        let far = s.view.screen_to_svg(ScreenPoint { x: 40.0, y: 40.0 });
        let s = s.reduce(ViewAction::Zoom {
            factor: 4.0,
            width: 400.0,
            height: 300.0,
        });
        assert!(
            s.view.svg_to_screen(far).x < 0.0,
            "zoomed in, the corner is out of sight"
        );
        let s = s.reduce(ViewAction::Reveal {
            point: far,
            sheet: false,
            width: 400.0,
            height: 300.0,
        });
        let at = s.view.svg_to_screen(far);
        assert!(at.x > 30.0 && at.x < 370.0, "{at:?}");
    }
}
