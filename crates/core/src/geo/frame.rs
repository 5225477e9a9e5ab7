//! The first view's frame: where most of the features are, and which ones lie
//! outside it (the distant ones, which the widget marks at the map's edge).
//!
//! A locator map frames the area of interest and points to what lies beyond
//! it (Datawrapper's locator maps, with their insets and edge markers), rather
//! than zooming out until one far venue fits. The rule here ([`frame`]):
//! from the box around every drawn feature, peel groups of features off its
//! sides (a group: the feature nearest that edge and every one within
//! [`GROUP_KM`] of it along that axis, so the venues of one city go
//! together), keeping at least [`SHARE`] of the features, where what is
//! left out lies far from the frame that is left ([`FAR`]) and leaving it
//! out lets the view zoom in ([`MIN_GAIN`]). The zoom is
//! measured for the view's own aspect ratio, so a wide desktop map and a tall
//! phone map may frame differently.

use crate::geo::cluster::sortable;
use crate::geo::viewport::{SvgPoint, SvgRect};
use crate::text::compact::order_by_key;

/// The least share of the drawn features the frame holds.
pub const SHARE: f64 = 0.75;
/// Leaving features out must zoom the view in at least this many times.
pub const MIN_GAIN: f64 = 1.05;
/// What is left out lies farther from the frame than this share of the
/// frame's longer side.
pub const FAR: f64 = 0.75;
/// Features this close (km, along the axis being cut) leave together.
pub const GROUP_KM: f64 = 50.0;

/// The frame and the features outside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// What the first view fits (before its padding).
    pub rect: SvgRect,
    /// Indices (into the boxes given) of the features outside the frame.
    pub distant: Vec<usize>,
}

/// The scale (pixels per unit, up to a constant) at which `r`, grown to at
/// least `min_side` each way, fits a view of width/height `aspect`.
fn zoom_of(r: SvgRect, aspect: f64, min_side: f64) -> f64 {
    let r = r.at_least(min_side, min_side);
    (aspect / r.width().max(1e-9)).min(1.0 / r.height().max(1e-9))
}

/// The box around the boxes marked kept.
fn around(boxes: &[(usize, SvgRect)], keep: &[bool]) -> Option<SvgRect> {
    SvgRect::around(
        boxes
            .iter()
            .zip(keep)
            .filter(|(_, k)| **k)
            .flat_map(|((_, b), _)| [b.min, b.max]),
    )
}

/// How far in from `side` (0 left, 1 right, 2 top, 3 bottom) a box reaches:
/// the distance from that edge of `frame` to the box's far part.
fn depth(side: usize, frame: SvgRect, b: SvgRect) -> f64 {
    match side {
        0 => b.max.x - frame.min.x,
        1 => frame.max.x - b.min.x,
        2 => b.max.y - frame.min.y,
        _ => frame.max.y - b.min.y,
    }
}

/// The outermost [`GROUPS`] groups from `side`, each as the features (indices
/// into `boxes`) dropped with it and all before it: the feature whose far
/// part is nearest that edge and every other within [`GROUP_KM`] of it.
fn peels(boxes: &[(usize, SvgRect)], frame: SvgRect, side: usize) -> Vec<Vec<usize>> {
    let depths: Vec<f64> = boxes.iter().map(|(_, b)| depth(side, frame, *b)).collect();
    // One shared sort instantiation (`order_by_key`), not another in the wasm.
    let order: Vec<(usize, f64)> = order_by_key(depths.iter().map(|&d| sortable(d)))
        .into_iter()
        .map(|k| (k, depths[k]))
        .collect();
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut taken = 0;
    while out.len() < GROUPS && taken < order.len() {
        let first = order[taken].1;
        while taken < order.len() && order[taken].1 <= first + GROUP_KM {
            taken += 1;
        }
        out.push(order[..taken].iter().map(|o| o.0).collect());
    }
    out
}

/// At most this many groups are peeled from each side.
pub const GROUPS: usize = 3;

/// The gap between two boxes (0 when they touch or overlap).
fn gap(a: SvgRect, b: SvgRect) -> f64 {
    let dx = (b.min.x - a.max.x).max(a.min.x - b.max.x).max(0.0);
    let dy = (b.min.y - a.max.y).max(a.min.y - b.max.y).max(0.0);
    dx.hypot(dy)
}

/// The frame of the features' `boxes` (each an index the caller knows it by,
/// and its extent in SVG units: a point is a box of no size) for a view of
/// width/height `aspect`; a frame is never smaller than `min_side` units
/// across. `None` when there is nothing to frame.
///
/// Every way of peeling up to [`GROUPS`] groups from each side is tried (at
/// most 4⁴ frames). A way is allowed when it leaves at least [`SHARE`] of the
/// features, when what it peels from each side lies farther from the frame
/// that is left than [`FAR`] times that frame's longer side, and when the
/// view then zooms in at least [`MIN_GAIN`] times; of those, the one that
/// zooms in most wins (the fewest groups on a tie), and with none allowed
/// every feature is framed.
pub fn frame(boxes: &[(usize, SvgRect)], aspect: f64, min_side: f64) -> Option<Frame> {
    let n = boxes.len();
    let least = ((SHARE * n as f64).ceil() as usize).max(1);
    let all = vec![true; n];
    let whole = around(boxes, &all)?;
    let base = zoom_of(whole, aspect, min_side);
    let sides: Vec<Vec<Vec<usize>>> = (0..4).map(|s| peels(boxes, whole, s)).collect();
    let mut best = (MIN_GAIN, usize::MAX, all.clone(), whole);
    let mut found = false;
    let counts = |s: usize| 0..=sides[s].len();
    for a in counts(0) {
        for b in counts(1) {
            for c in counts(2) {
                for d in counts(3) {
                    let ways = [(0, a), (1, b), (2, c), (3, d)];
                    let groups = a + b + c + d;
                    if groups == 0 {
                        continue;
                    }
                    let mut keep = all.clone();
                    for (s, k) in ways {
                        if k > 0 {
                            sides[s][k - 1].iter().for_each(|&i| keep[i] = false);
                        }
                    }
                    if keep.iter().filter(|k| **k).count() < least {
                        continue;
                    }
                    let Some(r) = around(boxes, &keep) else {
                        continue;
                    };
                    let grown = r.at_least(min_side, min_side);
                    let reach = FAR * grown.width().max(grown.height());
                    let far = ways.iter().filter(|w| w.1 > 0).all(|&(s, k)| {
                        let peeled = sides[s][k - 1].iter().map(|&i| boxes[i].1);
                        peeled.map(|b| gap(b, r)).fold(f64::INFINITY, f64::min) >= reach
                    });
                    let gain = zoom_of(r, aspect, min_side) / base;
                    let better =
                        gain > best.0 + 1e-9 || ((gain - best.0).abs() <= 1e-9 && groups < best.1);
                    if far && gain >= MIN_GAIN && better {
                        best = (gain, groups, keep, r);
                        found = true;
                    }
                }
            }
        }
    }
    let (keep, rect) = if found {
        (best.2, best.3)
    } else {
        (all, whole)
    };
    let distant = boxes
        .iter()
        .zip(&keep)
        .filter(|(_, k)| !**k)
        .map(|((i, _), _)| *i)
        .collect();
    Some(Frame { rect, distant })
}

/// A box of no size at `p`.
pub fn point(p: SvgPoint) -> SvgRect {
    SvgRect { min: p, max: p }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(x: f64, y: f64) -> SvgRect {
        point(SvgPoint { x, y })
    }

    /// A border region about 300 × 100 km: eight features.
    fn region() -> Vec<(usize, SvgRect)> {
        [
            (0.0, 0.0),
            (40.0, 20.0),
            (90.0, 60.0),
            (150.0, 10.0),
            (200.0, 90.0),
            (250.0, 40.0),
            (300.0, 100.0),
            (120.0, 50.0),
        ]
        .iter()
        .enumerate()
        .map(|(i, &(x, y))| (i, at(x, y)))
        .collect()
    }

    #[test]
    fn a_compact_set_is_framed_whole() {
        let f = frame(&region(), 2.0, 100.0).unwrap();
        assert!(f.distant.is_empty());
        assert_eq!(
            f.rect,
            SvgRect::around(region().iter().map(|b| b.1.min)).unwrap()
        );
    }

    #[test]
    fn a_far_venue_is_left_outside_and_named() {
        let mut boxes = region();
        boxes.push((8, at(-100.0, -900.0)));
        let f = frame(&boxes, 2.0, 100.0).unwrap();
        assert_eq!(f.distant, vec![8]);
        assert_eq!(f.rect.min, SvgPoint { x: 0.0, y: 0.0 });
    }

    #[test]
    fn the_venues_of_one_far_city_leave_together() {
        let mut boxes = region();
        boxes.push((8, at(-100.0, -900.0)));
        boxes.push((9, at(-70.0, -880.0)));
        let f = frame(&boxes, 2.0, 100.0).unwrap();
        assert_eq!(f.distant, vec![8, 9]);
    }

    #[test]
    fn venues_on_opposite_sides_leave_together() {
        // Either alone zooms in 1.75×; both together 7×, which wins.
        let mut boxes = region();
        boxes.push((8, at(-900.0, 50.0)));
        boxes.push((9, at(1200.0, 50.0)));
        let f = frame(&boxes, 2.0, 100.0).unwrap();
        assert_eq!(f.distant, vec![8, 9]);
    }

    #[test]
    fn at_least_the_share_stays_inside() {
        // Three far venues in three directions, 11 features: at most two may
        // leave (9 = ⌈0.75 × 11⌉ stay).
        let mut boxes = region();
        boxes.push((8, at(-1500.0, 0.0)));
        boxes.push((9, at(1800.0, 0.0)));
        boxes.push((10, at(150.0, -1500.0)));
        let f = frame(&boxes, 2.0, 100.0).unwrap();
        assert_eq!(f.distant.len(), 2, "{f:?}");
        // With more features at home, all three leave.
        let mut more = boxes.clone();
        more.extend((11..15).map(|i| (i, at(100.0 + i as f64, 40.0))));
        assert_eq!(frame(&more, 2.0, 100.0).unwrap().distant, vec![8, 9, 10]);
    }

    #[test]
    fn a_group_near_the_rest_is_kept() {
        // The far venue leaves; the region's east end (50 km beyond the
        // rest, and gaining 1.5×) stays.
        let mut boxes = region();
        boxes.push((8, at(150.0, -1200.0)));
        let f = frame(&boxes, 2.0, 100.0).unwrap();
        assert_eq!(f.distant, vec![8]);
        assert_eq!(f.rect.max.x, 300.0);
    }

    #[test]
    fn a_route_counts_by_its_whole_extent() {
        // A 600 km road is one feature: it stays whole in the frame, while a
        // point as far beyond its end is left out.
        let mut boxes = region();
        boxes.push((
            8,
            SvgRect {
                min: SvgPoint { x: 0.0, y: 0.0 },
                max: SvgPoint { x: 600.0, y: 30.0 },
            },
        ));
        boxes.push((9, at(0.0, -1200.0)));
        let f = frame(&boxes, 2.0, 100.0).unwrap();
        assert_eq!(f.distant, vec![9]);
        assert_eq!(f.rect.max.x, 600.0);
    }

    #[test]
    fn nothing_to_frame() {
        assert_eq!(frame(&[], 2.0, 100.0), None);
    }

    #[test]
    fn a_tall_view_keeps_what_a_wide_one_drops() {
        // A venue 400 km south: a tall phone map has room for it, a wide
        // desktop map zooms in four times as far without it.
        let mut boxes = region();
        boxes.push((8, at(150.0, 500.0)));
        assert_eq!(
            frame(&boxes, 0.6, 100.0).unwrap().distant,
            Vec::<usize>::new()
        );
        assert_eq!(frame(&boxes, 2.5, 100.0).unwrap().distant, vec![8]);
    }
}
