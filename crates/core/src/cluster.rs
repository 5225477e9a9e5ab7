//! Dense symbols: point features whose symbols would overlap at the current
//! zoom are drawn as one cluster symbol with a count.
//!
//! Greedy grid clustering, as Leaflet.markercluster and Mapbox's supercluster
//! do it: points are taken in priority order; each joins the first existing
//! cluster whose seed lies within `radius` (looked up in the 3×3 cells of a
//! grid of `radius`-sized cells around it), else it seeds a new cluster. A
//! cluster is drawn at its members' mean. Distances are in SVG units
//! (`radius` = the overlap distance in pixels × SVG units per pixel), so the
//! clusters change with the zoom only, never while panning. O(n) for `n`
//! points of roughly even density.

use std::collections::HashMap;

use crate::viewport::SvgPoint;

/// Features drawn as one symbol; `members` in the order they were given.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub members: Vec<usize>,
    pub at: SvgPoint,
}

/// The clusters of two or more of `points` (`(feature, where)`, in
/// priority order) whose seeds are within `radius` of each other. Points
/// that overlap nothing are not returned.
pub fn clusters(points: &[(usize, SvgPoint)], radius: f64) -> Vec<Cluster> {
    if radius <= 0.0 || !radius.is_finite() {
        return Vec::new();
    }
    let cell = |p: SvgPoint| ((p.x / radius).floor() as i64, (p.y / radius).floor() as i64);
    // Seeds by grid cell: indices into `groups`.
    let mut seeds: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    let mut groups: Vec<(SvgPoint, Vec<(usize, SvgPoint)>)> = Vec::new();
    for &(feature, p) in points {
        let (cx, cy) = cell(p);
        let near = (-1..=1)
            .flat_map(|dx| (-1..=1).map(move |dy| (cx + dx, cy + dy)))
            .filter_map(|c| seeds.get(&c))
            .flatten()
            .copied()
            .filter(|&g| {
                let s = groups[g].0;
                (s.x - p.x).hypot(s.y - p.y) <= radius
            })
            .min();
        match near {
            Some(g) => groups[g].1.push((feature, p)),
            None => {
                seeds.entry((cx, cy)).or_default().push(groups.len());
                groups.push((p, vec![(feature, p)]));
            }
        }
    }
    groups
        .into_iter()
        .filter(|(_, members)| members.len() > 1)
        .map(|(_, members)| {
            let n = members.len() as f64;
            let (sx, sy) = members
                .iter()
                .fold((0.0, 0.0), |(x, y), (_, p)| (x + p.x, y + p.y));
            Cluster {
                at: SvgPoint {
                    x: sx / n,
                    y: sy / n,
                },
                members: members.into_iter().map(|(f, _)| f).collect(),
            }
        })
        .collect()
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
        let c = clusters(&points, 6.0);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].members, vec![0, 1, 3]);
        assert!((c[0].at.x - (-1.0 / 3.0)).abs() < 1e-9 && (c[0].at.y - 7.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn points_across_a_cell_border_still_meet() {
        // 9.9 and 10.1 fall in cells 0 and 1 of a 10-unit grid.
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
    fn a_point_joins_the_first_seed_in_priority_order() {
        // 1 is within reach of both seeds 0 and 2; it was given after 0.
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
