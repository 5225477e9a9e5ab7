//! A state border as a line, and the point of it nearest a place: where a
//! border crossing is drawn when its villages have no published coordinates
//! but a place near it has (`atlas border-point`, whose output goes into the
//! gazetteer with the derivation in its provenance).
//!
//! The line comes from the shipped basemap (`corpus/basemap.json`): both
//! outlines are drawn from one TopoJSON arc of world-atlas 2.0.2
//! (Natural Earth 1:10m) and simplified once by `atlas basemap`, so the
//! border they share is the runs of one country's ring whose vertices are
//! also vertices of the other's. The nearest point is found per segment in a
//! local equirectangular plane (x = lon · cos φ₀, y = lat, φ₀ the place's
//! latitude): within a few tens of kilometres, where a crossing lies from
//! its reference place, its error is far below the basemap's own
//! simplification.

use std::collections::HashSet;

use crate::geo::basemap::Basemap;
use crate::geo::coords::{LatLon, LonLat};

/// At most this many of one outline's vertices in a row may be missing from
/// the other's within one stretch of border: simplified separately, the two
/// keep slightly different points (on the shipped basemap, gaps of 1 and 2
/// vertices split the Kazakh–Kyrgyz border in four).
pub const MAX_GAP: usize = 4;

/// The border between countries `a` and `b` (ISO 3166-1 numeric ids, as in
/// the basemap): each stretch of `a`'s rings between vertices it shares with
/// `b`, no more than [`MAX_GAP`] apart, in `a`'s ring order (a stretch that
/// crosses a ring's first point comes out as two lines). Empty when either
/// is missing or they share no segment.
pub fn shared(basemap: &Basemap, a: &str, b: &str) -> Vec<Vec<LonLat>> {
    let country = |id: &str| basemap.countries.iter().find(|c| c.id == id);
    let (Some(a), Some(b)) = (country(a), country(b)) else {
        return Vec::new();
    };
    let key = |p: &LonLat| (p.lon.to_bits(), p.lat.to_bits());
    let theirs: HashSet<(u64, u64)> = b.rings.iter().flatten().map(key).collect();
    let mut lines = Vec::new();
    for ring in &a.rings {
        let at: Vec<usize> = (0..ring.len())
            .filter(|&i| theirs.contains(&key(&ring[i])))
            .collect();
        let mut first = 0;
        for k in 1..=at.len() {
            if k == at.len() || at[k] - at[k - 1] > MAX_GAP {
                if k - first > 1 {
                    lines.push(ring[at[first]..=at[k - 1]].to_vec());
                }
                first = k;
            }
        }
    }
    lines
}

/// The point of `lines` nearest `place`, or `None` without a segment.
pub fn nearest(lines: &[Vec<LonLat>], place: LatLon) -> Option<LatLon> {
    let k = place.lat.to_radians().cos();
    let plane = |p: LonLat| (p.lon * k, p.lat);
    let (px, py) = (place.lon * k, place.lat);
    let mut best: Option<(f64, f64, f64)> = None;
    for line in lines {
        for pair in line.windows(2) {
            let ((ax, ay), (bx, by)) = (plane(pair[0]), plane(pair[1]));
            let (dx, dy) = (bx - ax, by - ay);
            let len = dx * dx + dy * dy;
            let t = if len == 0.0 {
                0.0
            } else {
                (((px - ax) * dx + (py - ay) * dy) / len).clamp(0.0, 1.0)
            };
            let (x, y) = (ax + t * dx, ay + t * dy);
            let d = (x - px).powi(2) + (y - py).powi(2);
            if best.is_none_or(|(bd, ..)| d < bd) {
                best = Some((d, x, y));
            }
        }
    }
    best.map(|(_, x, y)| LatLon::new(y, x / k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::basemap::Country;
    use crate::text::names::Names;

    fn country(id: &str, ring: &[[f64; 2]]) -> Country {
        Country {
            id: id.into(),
            name: Names {
                ru: id.into(),
                kk: id.into(),
                en: id.into(),
            },
            emphasis: true,
            label: LonLat::new(0.0, 0.0),
            rings: vec![ring.iter().map(|&p| LonLat::from(p)).collect()],
        }
    }

    /// Two unit squares side by side share the edge x = 1.
    fn squares() -> Basemap {
        Basemap {
            attribution: String::new(),
            countries: vec![
                country("a", &[[0., 0.], [1., 0.], [1., 1.], [0., 1.], [0., 0.]]),
                country("b", &[[1., 0.], [2., 0.], [2., 1.], [1., 1.], [1., 0.]]),
            ],
            lakes: Vec::new(),
            rivers: Vec::new(),
        }
    }

    #[test]
    fn the_shared_edge_is_the_border() {
        let lines = shared(&squares(), "a", "b");
        assert_eq!(lines, vec![vec![LonLat::new(1., 0.), LonLat::new(1., 1.)]]);
        assert!(shared(&squares(), "a", "c").is_empty());
    }

    #[test]
    fn the_nearest_point_is_the_foot_of_the_perpendicular_or_an_end() {
        let lines = shared(&squares(), "a", "b");
        let p = nearest(&lines, LatLon::new(0.5, 0.2)).unwrap();
        assert!(
            (p.lat - 0.5).abs() < 1e-9 && (p.lon - 1.0).abs() < 1e-9,
            "{p:?}"
        );
        let p = nearest(&lines, LatLon::new(3.0, 0.5)).unwrap();
        assert!(
            (p.lat - 1.0).abs() < 1e-9 && (p.lon - 1.0).abs() < 1e-9,
            "{p:?}"
        );
        assert_eq!(nearest(&[], LatLon::new(0., 0.)), None);
    }

    #[test]
    fn a_short_gap_of_unshared_vertices_stays_inside_the_line() {
        // a keeps one vertex of the edge that b's simplification dropped.
        let mut map = squares();
        map.countries[0] = country(
            "a",
            &[
                [0., 0.],
                [1., 0.],
                [1.001, 0.5],
                [1., 1.],
                [0., 1.],
                [0., 0.],
            ],
        );
        let lines = shared(&map, "a", "b");
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert_eq!(lines[0].len(), 3, "{lines:?}");
    }

    /// On the shipped basemap, Kazakhstan and Kyrgyzstan share one line
    /// from near the Chinese tripoint (≈ 80.2° E) to the Uzbek one (≈ 71° E).
    #[test]
    fn kazakhstan_and_kyrgyzstan_share_one_line_across_the_north_of_kyrgyzstan() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/basemap.json");
        let map = Basemap::load(&path).unwrap();
        let lines = shared(&map, "398", "417");
        assert_eq!(lines.len(), 1, "{}", lines.len());
        let lons: Vec<f64> = lines[0].iter().map(|p| p.lon).collect();
        let (lo, hi) = lons
            .iter()
            .fold((f64::MAX, f64::MIN), |(a, b), &x| (a.min(x), b.max(x)));
        assert!(lo < 71.5 && hi > 80.0, "{lo} {hi}");
        // Kant (Chüy, GeoNames 1528193) lies some 10 to 20 km south of it.
        let kant = LatLon::new(42.89106, 74.85077);
        let p = nearest(&lines, kant).unwrap();
        let km = crate::geo::projection::distance_m(kant, p) / 1000.0;
        assert!(p.lat > kant.lat && (5.0..30.0).contains(&km), "{p:?} {km}");
    }
}
