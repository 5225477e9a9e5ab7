//! Paths cut to a rectangle, for a picture that shows part of the basemap:
//! the static fallback's SVG (`atlas`'s `fallback`) draws only what lies in
//! its frame, not the whole of Russia and China around it.
//!
//! Rings are clipped by Sutherland and Hodgman's reentrant polygon clipping
//! against the rectangle's four sides in turn (I. E. Sutherland, G. W.
//! Hodgman, "Reentrant polygon clipping", *Communications of the ACM* 17(1),
//! 1974): exact for the filled area inside; where a ring leaves and
//! re-enters, the result runs along the rectangle's side, so clip to a
//! rectangle a little larger than the picture and that seam is never seen.
//! Lines are clipped segment by segment with Liang and Barsky's parametric
//! test (Y.-D. Liang, B. A. Barsky, "A new concept and method for line
//! clipping", *ACM Transactions on Graphics* 3(1), 1984), consecutive
//! visible pieces joined into one run. [`clip_path`] reads a path of this
//! crate's own form back ([`crate::geo::path`]) and writes the cut one in
//! it, so clipping runs at build time on the shapes the bundle carries.

use crate::geo::path::{Part, parse, write};
use crate::geo::viewport::{SvgPoint, SvgRect};

/// The path `d` cut to `r`: rings clipped, lines cut into their visible
/// runs, parts wholly outside dropped. A `d` this crate did not write is
/// returned as it is.
pub fn clip_path(d: &str, r: SvgRect) -> String {
    let Some(parts) = parse(d) else {
        return d.to_string();
    };
    let mut out: Vec<Part> = Vec::new();
    for (points, closed) in parts {
        if closed {
            let ring = clip_ring(&points, r);
            if ring.len() >= 3 {
                out.push((ring, true));
            }
        } else {
            out.extend(clip_line(&points, r).into_iter().map(|run| (run, false)));
        }
    }
    write(&out)
}

/// Whether a point is on the inner side of one side of a rectangle.
type Inside = fn(SvgPoint, SvgRect) -> bool;
/// Where a segment crosses that side.
type Cross = fn(SvgPoint, SvgPoint, SvgRect) -> SvgPoint;

/// A ring cut to `r` (Sutherland–Hodgman); empty when nothing of it is inside.
pub fn clip_ring(ring: &[SvgPoint], r: SvgRect) -> Vec<SvgPoint> {
    let mut points: Vec<SvgPoint> = ring.to_vec();
    if points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
    // Each side: is a point inside it, and where does a segment cross it.
    let sides: [(Inside, Cross); 4] = [
        (|p, r| p.x >= r.min.x, |a, b, r| at_x(a, b, r.min.x)),
        (|p, r| p.x <= r.max.x, |a, b, r| at_x(a, b, r.max.x)),
        (|p, r| p.y >= r.min.y, |a, b, r| at_y(a, b, r.min.y)),
        (|p, r| p.y <= r.max.y, |a, b, r| at_y(a, b, r.max.y)),
    ];
    for (inside, cross) in sides {
        let Some(&last) = points.last() else {
            break;
        };
        let mut out = Vec::with_capacity(points.len());
        let mut prev = last;
        for &p in &points {
            match (inside(prev, r), inside(p, r)) {
                (true, true) => out.push(p),
                (true, false) => out.push(cross(prev, p, r)),
                (false, true) => {
                    out.push(cross(prev, p, r));
                    out.push(p);
                }
                (false, false) => {}
            }
            prev = p;
        }
        points = out;
    }
    points
}

/// Where segment `a`–`b` meets the vertical line at `x`.
fn at_x(a: SvgPoint, b: SvgPoint, x: f64) -> SvgPoint {
    let t = (x - a.x) / (b.x - a.x);
    SvgPoint::new(x, a.y + t * (b.y - a.y))
}

/// Where segment `a`–`b` meets the horizontal line at `y`.
fn at_y(a: SvgPoint, b: SvgPoint, y: f64) -> SvgPoint {
    let t = (y - a.y) / (b.y - a.y);
    SvgPoint::new(a.x + t * (b.x - a.x), y)
}

/// A line's runs inside `r` (Liang–Barsky on each segment).
pub fn clip_line(line: &[SvgPoint], r: SvgRect) -> Vec<Vec<SvgPoint>> {
    let mut runs: Vec<Vec<SvgPoint>> = Vec::new();
    let mut open = false;
    for w in line.windows(2) {
        match segment(w[0], w[1], r) {
            Some((a, b)) => {
                if !open {
                    runs.push(vec![a]);
                }
                runs.last_mut().expect("pushed above").push(b);
                // The run goes on only if the segment reached its own end.
                open = b == w[1];
            }
            None => open = false,
        }
    }
    runs
}

/// The part of segment `a`–`b` inside `r`, if any (Liang–Barsky).
fn segment(a: SvgPoint, b: SvgPoint, r: SvgRect) -> Option<(SvgPoint, SvgPoint)> {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.x - r.min.x),
        (dx, r.max.x - a.x),
        (-dy, a.y - r.min.y),
        (dy, r.max.y - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    if t0 > t1 {
        return None;
    }
    let at = |t: f64| SvgPoint::new(a.x + t * dx, a.y + t * dy);
    Some((
        if t0 == 0.0 { a } else { at(t0) },
        if t1 == 1.0 { b } else { at(t1) },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x0: f64, y0: f64, x1: f64, y1: f64) -> SvgRect {
        SvgRect::around([SvgPoint::new(x0, y0), SvgPoint::new(x1, y1)]).unwrap()
    }

    fn pts(v: &[(f64, f64)]) -> Vec<SvgPoint> {
        v.iter().map(|&(x, y)| SvgPoint::new(x, y)).collect()
    }

    /// Twice the signed area (the shoelace formula).
    fn area(ring: &[SvgPoint]) -> f64 {
        let n = ring.len();
        (0..n)
            .map(|i| ring[i].x * ring[(i + 1) % n].y - ring[(i + 1) % n].x * ring[i].y)
            .sum::<f64>()
            / 2.0
    }

    #[test]
    fn a_ring_inside_is_kept_and_one_outside_is_dropped() {
        let r = rect(0.0, 0.0, 100.0, 100.0);
        let inside = pts(&[(10.0, 10.0), (20.0, 10.0), (20.0, 20.0)]);
        assert_eq!(clip_ring(&inside, r), inside);
        assert!(clip_ring(&pts(&[(200.0, 10.0), (300.0, 10.0), (300.0, 90.0)]), r).is_empty());
        assert_eq!(clip_path("M200 10l100 0l0 80z", r), "");
    }

    #[test]
    fn a_ring_across_the_edge_keeps_exactly_its_inside_area() {
        // A 100×100 square from (50, 50): a quarter of it lies in the rectangle.
        let r = rect(0.0, 0.0, 100.0, 100.0);
        let square = pts(&[(50.0, 50.0), (150.0, 50.0), (150.0, 150.0), (50.0, 150.0)]);
        let cut = clip_ring(&square, r);
        assert!((area(&cut).abs() - 2500.0).abs() < 1e-9, "{}", area(&cut));
        assert!(
            cut.iter()
                .all(|p| p.x >= 0.0 && p.x <= 100.0 && p.y >= 0.0 && p.y <= 100.0)
        );
        // A triangle whose corners are all outside and which holds the whole
        // rectangle (its sides are x = ±(500 - y / 2), beyond 450 in it).
        let big = pts(&[(-1000.0, -1000.0), (1000.0, -1000.0), (0.0, 1000.0)]);
        let cut = clip_ring(&big, r);
        assert!((area(&cut).abs() - 10_000.0).abs() < 1e-6, "{}", area(&cut));
    }

    #[test]
    fn a_line_is_cut_into_its_visible_runs() {
        let r = rect(0.0, 0.0, 100.0, 100.0);
        // In, out, and back in: two runs, each ending on the side it crossed.
        let line = pts(&[
            (10.0, 50.0),
            (150.0, 50.0),
            (150.0, 80.0),
            (50.0, 80.0),
            (40.0, 90.0),
        ]);
        let runs = clip_line(&line, r);
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[0], pts(&[(10.0, 50.0), (100.0, 50.0)]));
        assert_eq!(runs[1], pts(&[(100.0, 80.0), (50.0, 80.0), (40.0, 90.0)]));
        // A segment with both ends outside still shows what crosses.
        let across = clip_line(&pts(&[(-50.0, 50.0), (150.0, 50.0)]), r);
        assert_eq!(across, vec![pts(&[(0.0, 50.0), (100.0, 50.0)])]);
        assert!(clip_line(&pts(&[(-50.0, -50.0), (-10.0, 200.0)]), r).is_empty());
    }
}
