//! SVG and screen coordinates, and the pan/zoom state that links them.
//!
//! Three spaces, three types (after Leaflet's LatLng / Point split):
//! - [`crate::geo::coords::LatLon`]: degrees on the Earth;
//! - [`SvgPoint`]: SVG user units, one unit = 1 km of the projection plane,
//!   x east and y *south* (SVG's y axis points down) — see [`to_svg`];
//! - [`ScreenPoint`]: CSS pixels from the map element's top-left corner.
//!
//! A [`Viewport`] is a centre in SVG units plus a scale in pixels per unit;
//! the SVG `viewBox` follows from it and the element's size, so panning and
//! zooming change one attribute and never re-project geometry.

use serde::{Deserialize, Serialize};

use crate::geo::coords::LatLon;
use crate::geo::projection::{LambertConformalConic, Projected};
use crate::text::compact::decimal;

/// A point in SVG user units (km east, km south of the projection origin).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SvgPoint {
    pub x: f64,
    pub y: f64,
}

impl SvgPoint {
    pub const fn new(x: f64, y: f64) -> SvgPoint {
        SvgPoint { x, y }
    }
}

/// A point in CSS pixels relative to the map element.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScreenPoint {
    pub x: f64,
    pub y: f64,
}

/// An axis-aligned rectangle in SVG units.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SvgRect {
    pub min: SvgPoint,
    pub max: SvgPoint,
}

impl SvgRect {
    /// The smallest rectangle holding all `points`, or `None` if there are none.
    pub fn around(points: impl IntoIterator<Item = SvgPoint>) -> Option<SvgRect> {
        let mut it = points.into_iter();
        let first = it.next()?;
        Some(it.fold(
            SvgRect {
                min: first,
                max: first,
            },
            |r, p| SvgRect {
                min: SvgPoint {
                    x: r.min.x.min(p.x),
                    y: r.min.y.min(p.y),
                },
                max: SvgPoint {
                    x: r.max.x.max(p.x),
                    y: r.max.y.max(p.y),
                },
            },
        ))
    }

    /// This rectangle grown about its centre to at least `width` × `height`.
    pub fn at_least(self, width: f64, height: f64) -> SvgRect {
        if self.width() >= width && self.height() >= height {
            return self;
        }
        let c = self.center();
        let (hw, hh) = (
            self.width().max(width) / 2.0,
            self.height().max(height) / 2.0,
        );
        SvgRect {
            min: SvgPoint {
                x: c.x - hw,
                y: c.y - hh,
            },
            max: SvgPoint {
                x: c.x + hw,
                y: c.y + hh,
            },
        }
    }

    pub fn width(&self) -> f64 {
        self.max.x - self.min.x
    }

    pub fn height(&self) -> f64 {
        self.max.y - self.min.y
    }

    pub fn center(&self) -> SvgPoint {
        SvgPoint {
            x: (self.min.x + self.max.x) / 2.0,
            y: (self.min.y + self.max.y) / 2.0,
        }
    }
}

/// Projected metres → SVG units (km, y down).
pub fn to_svg(p: Projected) -> SvgPoint {
    SvgPoint {
        x: p.x / 1000.0,
        y: -p.y / 1000.0,
    }
}

/// Geographic → SVG units with the map's projection.
pub fn lat_lon_to_svg(lcc: &LambertConformalConic, p: LatLon) -> SvgPoint {
    to_svg(lcc.project(p))
}

/// What part of the map is shown, and how large.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// The SVG point at the centre of the element.
    pub center: SvgPoint,
    /// Pixels per SVG unit (per km).
    pub scale: f64,
    /// The element's size in CSS pixels.
    pub width: f64,
    pub height: f64,
    /// The allowed scale range.
    pub min_scale: f64,
    pub max_scale: f64,
    /// The centre is kept inside this rectangle.
    pub bounds: SvgRect,
}

impl Viewport {
    /// A view of `width`×`height` pixels showing all of `fit` with `padding`
    /// pixels around it; zoom may go from half that scale out to `max_zoom`
    /// times in.
    pub fn fit(
        fit: SvgRect,
        bounds: SvgRect,
        width: f64,
        height: f64,
        padding: f64,
        max_zoom: f64,
    ) -> Viewport {
        let (w, h) = (
            (width - 2.0 * padding).max(1.0),
            (height - 2.0 * padding).max(1.0),
        );
        let scale = (w / fit.width().max(1e-9)).min(h / fit.height().max(1e-9));
        Viewport {
            center: fit.center(),
            scale,
            width,
            height,
            min_scale: scale / 2.0,
            max_scale: scale * max_zoom,
            bounds,
        }
    }

    pub fn screen_to_svg(&self, p: ScreenPoint) -> SvgPoint {
        SvgPoint {
            x: self.center.x + (p.x - self.width / 2.0) / self.scale,
            y: self.center.y + (p.y - self.height / 2.0) / self.scale,
        }
    }

    pub fn svg_to_screen(&self, p: SvgPoint) -> ScreenPoint {
        ScreenPoint {
            x: (p.x - self.center.x) * self.scale + self.width / 2.0,
            y: (p.y - self.center.y) * self.scale + self.height / 2.0,
        }
    }

    /// The SVG `viewBox` attribute for this view.
    pub fn view_box(&self) -> String {
        let (w, h) = (self.width / self.scale, self.height / self.scale);
        let (x, y) = (self.center.x - w / 2.0, self.center.y - h / 2.0);
        [x, y, w, h].map(|v| decimal(v, 2)).join(" ")
    }

    /// Moves the map by a drag of `dx`, `dy` pixels.
    pub fn pan_by(self, dx: f64, dy: f64) -> Viewport {
        let center = SvgPoint {
            x: self.center.x - dx / self.scale,
            y: self.center.y - dy / self.scale,
        };
        Viewport { center, ..self }.clamped()
    }

    /// Zooms by `factor` keeping the SVG point under `anchor` where it is.
    pub fn zoom_at(self, anchor: ScreenPoint, factor: f64) -> Viewport {
        let before = self.screen_to_svg(anchor);
        let scale =
            crate::text::compact::clamp(self.scale * factor, self.min_scale, self.max_scale);
        let mut next = Viewport { scale, ..self };
        let after = next.screen_to_svg(anchor);
        next.center.x += before.x - after.x;
        next.center.y += before.y - after.y;
        next.clamped()
    }

    /// Zooms around the element's centre.
    pub fn zoom(self, factor: f64) -> Viewport {
        self.zoom_at(
            ScreenPoint {
                x: self.width / 2.0,
                y: self.height / 2.0,
            },
            factor,
        )
    }

    /// The same view on an element of another size.
    pub fn resized(self, width: f64, height: f64) -> Viewport {
        Viewport {
            width,
            height,
            ..self
        }
    }

    /// This view panned so that `p` is in sight, or `None` when it already is.
    /// With a bottom sheet over the map (a narrow widget) "in sight" means
    /// the band from 6 % to 34 % of the height, and `p` goes to 20 %; else
    /// anywhere 30 px inside the edges, and `p` goes to the centre.
    pub fn reveal(self, p: SvgPoint, sheet: bool) -> Option<Viewport> {
        let (w, h) = (self.width, self.height);
        let s = self.svg_to_screen(p);
        let (top, bottom) = if sheet {
            (0.06 * h, 0.34 * h)
        } else {
            (30.0, h - 30.0)
        };
        let visible = s.x > 30.0 && s.x < w - 30.0 && s.y > top && s.y < bottom;
        let target_y = if sheet { 0.2 * h } else { h / 2.0 };
        (!visible).then(|| self.pan_by(w / 2.0 - s.x, target_y - s.y))
    }

    fn clamped(self) -> Viewport {
        let b = self.bounds;
        Viewport {
            center: SvgPoint {
                x: crate::text::compact::clamp(self.center.x, b.min.x, b.max.x),
                y: crate::text::compact::clamp(self.center.y, b.min.y, b.max.y),
            },
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    mod reveal {
        use super::*;

        fn view() -> Viewport {
            let r = SvgRect {
                min: SvgPoint {
                    x: -500.0,
                    y: -500.0,
                },
                max: SvgPoint { x: 500.0, y: 500.0 },
            };
            Viewport::fit(r, r, 800.0, 600.0, 0.0, 12.0)
        }

        #[test]
        fn a_point_in_sight_stays_put() {
            assert_eq!(view().reveal(SvgPoint { x: 0.0, y: 0.0 }, false), None);
        }

        #[test]
        fn a_point_out_of_sight_comes_to_the_centre() {
            let v = view().zoom(4.0);
            let p = SvgPoint { x: 400.0, y: 300.0 };
            let next = v.reveal(p, false).expect("moved");
            let s = next.svg_to_screen(p);
            assert!(
                (s.x - 400.0).abs() < 1e-6 && (s.y - 300.0).abs() < 1e-6,
                "{s:?}"
            );
        }

        #[test]
        fn above_a_bottom_sheet() {
            // The centre of the map is under the sheet: move it up to 20 %.
            let v = view();
            let p = SvgPoint { x: 0.0, y: 0.0 };
            let next = v.reveal(p, true).expect("the sheet covers the centre");
            assert!((next.svg_to_screen(p).y - 120.0).abs() < 1e-6);
        }
    }

    fn rect(x0: f64, y0: f64, x1: f64, y1: f64) -> SvgRect {
        SvgRect {
            min: SvgPoint { x: x0, y: y0 },
            max: SvgPoint { x: x1, y: y1 },
        }
    }

    fn view() -> Viewport {
        Viewport::fit(
            rect(0.0, 0.0, 1000.0, 500.0),
            rect(-500.0, -500.0, 1500.0, 1000.0),
            800.0,
            400.0,
            0.0,
            8.0,
        )
    }

    #[test]
    fn fit_shows_the_whole_rectangle() {
        let v = view();
        assert_eq!(v.scale, 0.8);
        assert_eq!(v.view_box(), "0 0 1000 500");
    }

    #[test]
    fn screen_and_svg_round_trip() {
        let v = view().zoom(2.0).pan_by(13.0, -7.0);
        let p = ScreenPoint { x: 123.0, y: 321.0 };
        let back = v.svg_to_screen(v.screen_to_svg(p));
        assert!((back.x - p.x).abs() < 1e-9 && (back.y - p.y).abs() < 1e-9);
    }

    #[test]
    fn zoom_keeps_the_point_under_the_pointer() {
        let v = view();
        let anchor = ScreenPoint { x: 600.0, y: 100.0 };
        let under = v.screen_to_svg(anchor);
        let z = v.zoom_at(anchor, 3.0);
        let still = z.screen_to_svg(anchor);
        assert!((under.x - still.x).abs() < 1e-9 && (under.y - still.y).abs() < 1e-9);
        assert!((z.scale - 2.4).abs() < 1e-12);
    }

    #[test]
    fn zoom_is_clamped() {
        let v = view();
        assert_eq!(v.zoom(1000.0).scale, v.max_scale);
        assert_eq!(v.zoom(0.0001).scale, v.min_scale);
    }

    #[test]
    fn dragging_right_moves_the_map_right() {
        let v = view();
        let moved = v.pan_by(80.0, 0.0);
        assert_eq!(moved.center.x, v.center.x - 100.0);
    }

    #[test]
    fn the_centre_stays_inside_the_bounds() {
        let v = view().pan_by(1e9, -1e9);
        assert_eq!(
            v.center,
            SvgPoint {
                x: -500.0,
                y: 1000.0
            }
        );
    }

    #[test]
    fn svg_y_points_south() {
        let lcc = LambertConformalConic::central_asia();
        let astana = lat_lon_to_svg(&lcc, LatLon::new(51.18010, 71.44598));
        let osh = lat_lon_to_svg(&lcc, LatLon::new(40.52828, 72.79850));
        assert!(astana.y < osh.y);
    }
}
