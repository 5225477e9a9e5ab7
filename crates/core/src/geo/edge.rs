//! Edge markers: the features left outside the first view's frame
//! ([`crate::geo::frame`]) are pointed to from the map's edge, with an arrow,
//! a name and a distance, as long as they are out of sight (Datawrapper's
//! locator maps mark what lies outside their frame the same way).
//!
//! Layout, in screen pixels: each distant place is put where the ray from
//! the view's centre towards it leaves the map (inset by a margin), as a
//! pill of [`HEIGHT`] px; places within [`crate::geo::frame::GROUP_KM`] of
//! each other share one pill. Pills on the top and bottom edges use the whole
//! width but the zoom buttons' corner; pills on the left and right edges keep
//! out of the top and bottom rows, so no two edges meet in a corner. On each
//! edge the pills are then pushed apart along it (one sweep each way, the
//! usual 1-D packing); an edge too short for all of its pills lets them
//! overlap rather than hide one.

use crate::geo::cluster::sortable;
use crate::geo::frame::GROUP_KM;
use crate::geo::labels::LabelBox;
use crate::geo::viewport::{ScreenPoint, SvgPoint, Viewport};
use crate::text::compact::order_by_key;

/// A pill's height, px.
pub const HEIGHT: f64 = 24.0;
/// Kept clear between a pill and the map's edge, and between pills, px.
pub const MARGIN: f64 = 6.0;
/// The arrow and the pill's inner padding, px (widget.css's too).
pub const CHROME: f64 = 30.0;
/// The widest pill, px (widget.css's `max-width`; a longer name is cut
/// with an ellipsis, and said whole to a screen reader).
pub const MAX_WIDTH: f64 = 240.0;

/// The eight compass directions, as a reader says where something lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compass {
    N,
    NE,
    E,
    SE,
    S,
    SW,
    W,
    NW,
}

impl Compass {
    /// The direction of a screen-space offset (y down), by comparisons
    /// against tan 22.5° (no `atan2`: its code would cost the wasm).
    pub fn of(dx: f64, dy: f64) -> Compass {
        const TAN_22_5: f64 = 0.414_213_562_373_095;
        let (ax, ay) = (dx.abs(), dy.abs());
        let (east, south) = (dx >= 0.0, dy > 0.0);
        if ay <= TAN_22_5 * ax {
            if east { Compass::E } else { Compass::W }
        } else if ax <= TAN_22_5 * ay {
            if south { Compass::S } else { Compass::N }
        } else {
            match (east, south) {
                (true, false) => Compass::NE,
                (true, true) => Compass::SE,
                (false, true) => Compass::SW,
                (false, false) => Compass::NW,
            }
        }
    }

    /// The arrow's angle, degrees clockwise from east (CSS `rotate`).
    pub fn angle(self) -> f64 {
        match self {
            Compass::E => 0.0,
            Compass::SE => 45.0,
            Compass::S => 90.0,
            Compass::SW => 135.0,
            Compass::W => 180.0,
            Compass::NW => -135.0,
            Compass::N => -90.0,
            Compass::NE => -45.0,
        }
    }
}

/// A distant place as the caller knows it: the features there (the first
/// names the pill), where it is, and how wide its pill's text is in px.
#[derive(Debug, Clone, PartialEq)]
pub struct Distant {
    pub features: Vec<usize>,
    pub at: SvgPoint,
    pub text_width: f64,
}

/// A pill placed at the map's edge.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeMarker {
    /// Indices into the list given to [`layout`].
    pub place: usize,
    pub rect: LabelBox,
    /// The arrow's angle, degrees clockwise from east (CSS `rotate`): the
    /// compass point's, so the arrow and the words agree.
    pub angle: f64,
    pub compass: Compass,
    /// From the view's centre, km (SVG units are km of the projection plane).
    pub km: f64,
}

/// Groups distant features by place: each feature joins the first group
/// whose first point is within [`GROUP_KM`]; `texts` gives each group's pill
/// text width from its features.
pub fn places(points: &[(usize, SvgPoint)], text_width: impl Fn(&[usize]) -> f64) -> Vec<Distant> {
    let mut groups: Vec<(Vec<usize>, SvgPoint)> = Vec::new();
    for &(i, p) in points {
        let near = |q: &SvgPoint| (q.x - p.x).hypot(q.y - p.y) <= GROUP_KM;
        match groups.iter_mut().find(|g| near(&g.1)) {
            Some(g) => g.0.push(i),
            None => groups.push((vec![i], p)),
        }
    }
    groups
        .into_iter()
        .map(|(features, at)| Distant {
            text_width: text_width(&features),
            features,
            at,
        })
        .collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Top,
    Bottom,
    Left,
    Right,
}

/// Lays out a pill for every place in `places` out of sight in `view`;
/// `corner` is the zoom buttons' box, kept clear.
pub fn layout(view: &Viewport, places: &[Distant], corner: LabelBox) -> Vec<EdgeMarker> {
    let (w, h) = (view.width, view.height);
    let c = ScreenPoint {
        x: w / 2.0,
        y: h / 2.0,
    };
    let mut placed: Vec<(Side, EdgeMarker)> = Vec::new();
    for (k, d) in places.iter().enumerate() {
        let s = view.svg_to_screen(d.at);
        if s.x >= 0.0 && s.x <= w && s.y >= 0.0 && s.y <= h {
            continue;
        }
        let (dx, dy) = (s.x - c.x, s.y - c.y);
        let width = (d.text_width + CHROME).min(MAX_WIDTH).min(w / 2.0);
        let (hx, hy) = (
            w / 2.0 - MARGIN - width / 2.0,
            h / 2.0 - MARGIN - HEIGHT / 2.0,
        );
        let t = (hx.max(0.0) / dx.abs().max(1e-9)).min(hy.max(0.0) / dy.abs().max(1e-9));
        let side = if hx / dx.abs().max(1e-9) < hy / dy.abs().max(1e-9) {
            if dx < 0.0 { Side::Left } else { Side::Right }
        } else if dy < 0.0 {
            Side::Top
        } else {
            Side::Bottom
        };
        let (x, y) = (c.x + t * dx, c.y + t * dy);
        let rect = LabelBox {
            left: x - width / 2.0,
            top: y - HEIGHT / 2.0,
            right: x + width / 2.0,
            bottom: y + HEIGHT / 2.0,
        };
        let km = (d.at.x - view.center.x).hypot(d.at.y - view.center.y);
        let compass = Compass::of(dx, dy);
        let marker = EdgeMarker {
            place: k,
            rect,
            angle: compass.angle(),
            compass,
            km,
        };
        placed.push((side, marker));
    }
    for side in [Side::Top, Side::Bottom, Side::Left, Side::Right] {
        let (lo, hi) = match side {
            Side::Top => (MARGIN, corner.left - MARGIN),
            Side::Bottom => (MARGIN, w - MARGIN),
            Side::Left => (2.0 * MARGIN + HEIGHT, h - 2.0 * MARGIN - HEIGHT),
            Side::Right => (
                (2.0 * MARGIN + HEIGHT).max(corner.bottom + MARGIN),
                h - 2.0 * MARGIN - HEIGHT,
            ),
        };
        let along = matches!(side, Side::Top | Side::Bottom);
        let mut row: Vec<&mut EdgeMarker> = placed
            .iter_mut()
            .filter(|(s, _)| *s == side)
            .map(|(_, m)| m)
            .collect();
        pack(&mut row, along, lo, hi);
    }
    placed.into_iter().map(|(_, m)| m).collect()
}

/// Pushes the pills of one edge apart along it, within `lo..hi` (x when
/// `along` the top or bottom, else y).
fn pack(row: &mut [&mut EdgeMarker], along: bool, lo: f64, hi: f64) {
    let get = |m: &EdgeMarker| {
        if along {
            (m.rect.left, m.rect.right)
        } else {
            (m.rect.top, m.rect.bottom)
        }
    };
    let set = |m: &mut EdgeMarker, start: f64| {
        let shift = start - get(m).0;
        if along {
            m.rect.left += shift;
            m.rect.right += shift;
        } else {
            m.rect.top += shift;
            m.rect.bottom += shift;
        }
    };
    // In order along the edge (one shared sort, `order_by_key`).
    let order = order_by_key(row.iter().map(|m| sortable(get(m).0)));
    let mut next = lo;
    for &k in &order {
        let a = get(row[k]).0;
        set(row[k], a.max(next));
        next = get(row[k]).1 + MARGIN;
    }
    let mut limit = hi;
    for &k in order.iter().rev() {
        let (a, b) = get(row[k]);
        if b > limit {
            set(row[k], a - (b - limit));
        }
        limit = get(row[k]).0 - MARGIN;
    }
    for &k in &order {
        if get(row[k]).0 < lo {
            set(row[k], lo);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::viewport::SvgRect;

    fn view(width: f64, height: f64) -> Viewport {
        let r = SvgRect {
            min: SvgPoint { x: 0.0, y: 0.0 },
            max: SvgPoint { x: 400.0, y: 200.0 },
        };
        let bounds = SvgRect {
            min: SvgPoint {
                x: -3000.0,
                y: -3000.0,
            },
            max: SvgPoint {
                x: 3000.0,
                y: 3000.0,
            },
        };
        Viewport::fit(r, bounds, width, height, 0.0, 12.0)
    }

    fn corner(width: f64) -> LabelBox {
        LabelBox {
            left: width - 44.0,
            top: 0.0,
            right: width,
            bottom: 120.0,
        }
    }

    fn place(x: f64, y: f64) -> Distant {
        Distant {
            features: vec![0],
            at: SvgPoint { x, y },
            text_width: 60.0,
        }
    }

    fn inside(r: &LabelBox, w: f64, h: f64) -> bool {
        r.left >= MARGIN - 1e-9
            && r.top >= MARGIN - 1e-9
            && r.right <= w - MARGIN + 1e-9
            && r.bottom <= h - MARGIN + 1e-9
    }

    #[test]
    fn a_place_in_sight_gets_no_marker() {
        let v = view(800.0, 400.0);
        assert!(layout(&v, &[place(100.0, 100.0)], corner(800.0)).is_empty());
    }

    #[test]
    fn a_place_to_the_north_is_marked_at_the_top_pointing_up() {
        let v = view(800.0, 400.0);
        let m = layout(&v, &[place(200.0, -900.0)], corner(800.0));
        assert_eq!(m.len(), 1);
        let m = &m[0];
        assert_eq!(m.compass, Compass::N);
        assert!((m.angle + 90.0).abs() < 1e-9, "{}", m.angle);
        assert!((m.rect.top - MARGIN).abs() < 1e-9, "{:?}", m.rect);
        assert!((m.km - 1000.0).abs() < 1e-9);
    }

    #[test]
    fn compass_points() {
        assert_eq!(Compass::of(1.0, 0.0), Compass::E);
        assert_eq!(Compass::of(1.0, -1.0), Compass::NE);
        assert_eq!(Compass::of(-1.0, 1.0), Compass::SW);
        assert_eq!(Compass::of(0.0, 1.0), Compass::S);
        assert_eq!(Compass::of(-1.0, -0.2), Compass::W);
    }

    #[test]
    fn pills_on_one_edge_do_not_overlap_and_stay_inside() {
        for (w, h) in [(360.0, 420.0), (768.0, 480.0), (1280.0, 560.0)] {
            let v = view(w, h);
            let places: Vec<Distant> = (0..3)
                .map(|k| place(150.0 + 20.0 * k as f64, -1500.0))
                .chain((0..4).map(|k| place(-2000.0, 60.0 + 30.0 * k as f64)))
                .collect();
            let ms = layout(&v, &places, corner(w));
            assert_eq!(ms.len(), 7);
            for (a, m) in ms.iter().enumerate() {
                assert!(inside(&m.rect, w, h), "{w}: {:?}", m.rect);
                assert!(!m.rect.overlaps(&corner(w)), "{w}: {:?}", m.rect);
                for n in &ms[a + 1..] {
                    assert!(!m.rect.overlaps(&n.rect), "{w}: {:?} {:?}", m.rect, n.rect);
                }
            }
        }
    }

    #[test]
    fn nearby_features_share_a_place() {
        let pts = [
            (3, SvgPoint { x: 0.0, y: -900.0 }),
            (4, SvgPoint { x: 10.0, y: -890.0 }),
            (5, SvgPoint { x: 500.0, y: 900.0 }),
        ];
        let ps = places(&pts, |f| 10.0 * f.len() as f64);
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].features, vec![3, 4]);
        assert_eq!(ps[0].text_width, 20.0);
        assert_eq!(ps[1].features, vec![5]);
    }
}
