//! Dense symbols: point features whose symbols would overlap at the current
//! zoom are drawn as one cluster symbol with a count.
//!
//! Greedy distance clustering, as Leaflet.markercluster and Mapbox's
//! supercluster do it: each point joins the first existing cluster whose
//! seed lies within `radius`, else it seeds a new cluster; points are taken
//! from west to east, and the seeds within reach are found by a sweep over
//! x. A cluster is drawn at its members' mean. Distances are in SVG units
//! (`radius` = the overlap distance in pixels × SVG units per pixel), so the
//! clusters change with the zoom only, never while panning. O(n log n) for
//! the sort, then O(n·k) with `k` the seeds within `radius` in x.

use crate::geo::viewport::SvgPoint;

/// Features drawn as one symbol; `members` in the order they were given.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub members: Vec<usize>,
    pub at: SvgPoint,
}

/// The clusters of two or more of `points` (`(feature, where)`) whose seeds
/// are within `radius` of each other, members in the order given. Points
/// that overlap nothing are not returned.
pub fn clusters(points: &[(usize, SvgPoint)], radius: f64) -> Vec<Cluster> {
    if radius <= 0.0 || !radius.is_finite() {
        return Vec::new();
    }
    // A sweep from west to east: seeds are made in increasing x, so those
    // within reach of a point are the ones from the first with
    // `x >= p.x - radius` on. No hashing (smaller in the wasm than a grid
    // in a `HashMap`).
    let order = crate::text::compact::order_by_key(points.iter().map(|(_, p)| sortable(p.x)));
    let mut groups: Vec<(SvgPoint, Vec<(usize, SvgPoint)>)> = Vec::new();
    let mut from = 0;
    for k in order {
        let p = points[k].1;
        while from < groups.len() && groups[from].0.x < p.x - radius {
            from += 1;
        }
        let near = (from..groups.len()).find(|&g| {
            let s = groups[g].0;
            (s.x - p.x).hypot(s.y - p.y) <= radius
        });
        match near {
            Some(g) => groups[g].1.push((k, p)),
            None => groups.push((p, vec![(k, p)])),
        }
    }
    groups
        .into_iter()
        .filter(|(_, members)| members.len() > 1)
        .map(|(_, mut members)| {
            let n = members.len() as f64;
            let (sx, sy) = members
                .iter()
                .fold((0.0, 0.0), |(x, y), (_, p)| (x + p.x, y + p.y));
            // Members in the order they were given.
            members.sort_unstable_by_key(|&(k, _)| k);
            Cluster {
                at: SvgPoint {
                    x: sx / n,
                    y: sy / n,
                },
                members: members.into_iter().map(|(k, _)| points[k].0).collect(),
            }
        })
        .collect()
}

/// `x` as a key that sorts like the number (IEEE 754 bits, sign-folded).
pub fn sortable(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64) -> SvgPoint {
        SvgPoint { x, y }
    }

    #[test]
    fn close_points_form_one_cluster_at_their_mean_and_far_ones_stay_alone() {
        let points = [
            (0, p(0.0, 0.0)),
            (1, p(3.0, 4.0)),
            (2, p(100.0, 0.0)),
            (3, p(-4.0, 3.0)),
        ];
        // (-4, 3) seeds first (westernmost); (0, 0) is 5 from it and joins;
        // (3, 4) is 7.07 from it and seeds its own, alone; (100, 0) is far.
        let c = clusters(&points, 6.0);
        assert_eq!(
            c,
            vec![Cluster {
                members: vec![0, 3],
                at: p(-2.0, 1.5)
            }]
        );
    }

    #[test]
    fn points_just_within_reach_meet() {
        // 0.28 apart, within a reach of 10.
        let c = clusters(&[(7, p(9.9, 9.9)), (8, p(10.1, 10.1))], 10.0);
        assert_eq!(
            c,
            vec![Cluster {
                members: vec![7, 8],
                at: p(10.0, 10.0)
            }]
        );
    }

    #[test]
    fn zooming_in_separates_them() {
        let points = [(0, p(0.0, 0.0)), (1, p(5.0, 0.0))];
        assert_eq!(clusters(&points, 6.0).len(), 1);
        // Twice the zoom: the same pixel radius is half the SVG distance.
        assert!(clusters(&points, 3.0).is_empty());
        assert!(clusters(&points, 0.0).is_empty());
    }

    #[test]
    fn a_point_joins_the_westernmost_seed_in_reach() {
        // 1 is within reach of both 0 and 2; 0 is west of it and seeds first.
        let points = [(0, p(0.0, 0.0)), (2, p(12.0, 0.0)), (1, p(6.0, 0.0))];
        let c = clusters(&points, 6.0);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].members, vec![0, 1]);
    }

    #[test]
    fn five_thousand_spread_points_each_land_in_one_cluster_at_most() {
        let mut state: u64 = 1;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        let points: Vec<(usize, SvgPoint)> = (0..5000)
            .map(|i| (i, p(next() * 1000.0, next() * 600.0)))
            .collect();
        let c = clusters(&points, 8.0);
        let clustered: usize = c.iter().map(|c| c.members.len()).sum();
        assert!(clustered > 1000 && clustered <= 5000, "{clustered}");
        let mut seen: Vec<usize> = c.iter().flat_map(|c| c.members.clone()).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), clustered, "a feature is in one cluster at most");
    }
}
