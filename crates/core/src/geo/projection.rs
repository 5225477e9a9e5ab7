//! Lambert conformal conic projection (two standard parallels, WGS 84 ellipsoid).
//!
//! Formulas: J. P. Snyder, *Map Projections: A Working Manual*, USGS
//! Professional Paper 1395 (1987), pp. 107–109, equations 15-1 (ρ), 15-2/15-3
//! (x, y), 15-7a (t), 15-8/15-9/15-10 (n, F, m), and the inverse 15-11 with
//! the iteration 7-9 for φ; the same as EPSG Guidance Note 7-2, §3.1.1.1
//! (EPSG method 9802). Conformal conics keep shapes right in mid-latitude
//! regions wide from east to west, which is why national atlases of
//! Kazakhstan and Central Asia use them.
//!
//! Geographic points are [`LatLon`] (degrees); projected points are
//! [`Projected`] (metres east and north of the origin). Screen and SVG
//! coordinates are other types, in [`crate::geo::viewport`].

use serde::{Deserialize, Serialize};

use crate::geo::coords::LatLon;

/// A point on the projection plane, in metres east (`x`) and north (`y`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Projected {
    pub x: f64,
    pub y: f64,
}

/// WGS 84 semi-major axis (m) and flattening.
const A: f64 = 6_378_137.0;
const F: f64 = 1.0 / 298.257_223_563;

/// A Lambert conformal conic projection with fixed parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LambertConformalConic {
    e: f64,
    n: f64,
    big_f: f64,
    rho0: f64,
    lon0: f64,
}

impl LambertConformalConic {
    /// Standard parallels `lat1`, `lat2`, origin latitude `lat0` and central
    /// meridian `lon0`, all in degrees.
    pub fn new(lat1: f64, lat2: f64, lat0: f64, lon0: f64) -> LambertConformalConic {
        let e = (2.0 * F - F * F).sqrt();
        let (p1, p2, p0) = (lat1.to_radians(), lat2.to_radians(), lat0.to_radians());
        let m = |phi: f64| phi.cos() / (1.0 - (e * phi.sin()).powi(2)).sqrt();
        let t = |phi: f64| {
            let es = e * phi.sin();
            (std::f64::consts::FRAC_PI_4 - phi / 2.0).tan()
                / ((1.0 - es) / (1.0 + es)).powf(e / 2.0)
        };
        let n = if (lat1 - lat2).abs() < 1e-10 {
            p1.sin()
        } else {
            (m(p1).ln() - m(p2).ln()) / (t(p1).ln() - t(p2).ln())
        };
        let big_f = m(p1) / (n * t(p1).powf(n));
        let rho0 = A * big_f * t(p0).powf(n);
        LambertConformalConic {
            e,
            n,
            big_f,
            rho0,
            lon0: lon0.to_radians(),
        }
    }

    /// The projection used for Kazakhstan–Kyrgyzstan maps: standard parallels
    /// 40°N and 50°N (the band from Osh to Astana), origin 45°N 72°E.
    pub fn central_asia() -> LambertConformalConic {
        LambertConformalConic::new(40.0, 50.0, 45.0, 72.0)
    }

    fn t(&self, phi: f64) -> f64 {
        let es = self.e * phi.sin();
        (std::f64::consts::FRAC_PI_4 - phi / 2.0).tan()
            / ((1.0 - es) / (1.0 + es)).powf(self.e / 2.0)
    }

    /// Geographic → projected (Snyder 15-1, 15-2, 15-3, 15-7a).
    pub fn project(&self, p: LatLon) -> Projected {
        let phi = p.lat.to_radians();
        let rho = A * self.big_f * self.t(phi).powf(self.n);
        let theta = self.n * (p.lon.to_radians() - self.lon0);
        Projected {
            x: rho * theta.sin(),
            y: self.rho0 - rho * theta.cos(),
        }
    }

    /// Projected → geographic (Snyder 15-11 and the iteration 7-9).
    pub fn unproject(&self, p: Projected) -> LatLon {
        let dy = self.rho0 - p.y;
        let rho = self.n.signum() * (p.x * p.x + dy * dy).sqrt();
        let theta = (self.n.signum() * p.x).atan2(self.n.signum() * dy);
        let t = (rho / (A * self.big_f)).powf(1.0 / self.n);
        let mut phi = std::f64::consts::FRAC_PI_2 - 2.0 * t.atan();
        for _ in 0..15 {
            let es = self.e * phi.sin();
            let next = std::f64::consts::FRAC_PI_2
                - 2.0 * (t * ((1.0 - es) / (1.0 + es)).powf(self.e / 2.0)).atan();
            let done = (next - phi).abs() < 1e-12;
            phi = next;
            if done {
                break;
            }
        }
        LatLon::new(phi.to_degrees(), (theta / self.n + self.lon0).to_degrees())
    }
}

/// Great-circle distance in metres (haversine on the mean Earth radius), used
/// to measure round-trip errors.
pub fn distance_m(a: LatLon, b: LatLon) -> f64 {
    const R: f64 = 6_371_008.8;
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let dp = p2 - p1;
    let dl = (b.lon - a.lon).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * R * h.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    const CITIES: [(&str, f64, f64); 6] = [
        ("Almaty", 43.25249, 76.91150),
        ("Bishkek", 42.87, 74.59),
        ("Osh", 40.52828, 72.79850),
        ("Astana", 51.18010, 71.44598),
        ("Khan Tengri", 42.2108, 80.1750),
        ("Aktau", 43.65, 51.17),
    ];

    mod round_trip {
        use super::*;

        #[test]
        fn real_cities_come_back_within_a_millimetre() {
            let lcc = LambertConformalConic::central_asia();
            for (name, lat, lon) in CITIES {
                let p = LatLon::new(lat, lon);
                let back = lcc.unproject(lcc.project(p));
                let err = distance_m(p, back);
                assert!(err < 0.001, "{name}: {err} m");
            }
        }
    }

    mod geometry {
        use super::*;

        #[test]
        fn origin_maps_to_zero() {
            let lcc = LambertConformalConic::central_asia();
            let o = lcc.project(LatLon::new(45.0, 72.0));
            assert!(o.x.abs() < 1e-6 && o.y.abs() < 1e-6, "{o:?}");
        }

        #[test]
        fn east_is_right_and_north_is_up() {
            let lcc = LambertConformalConic::central_asia();
            let almaty = lcc.project(LatLon::new(43.25249, 76.91150));
            let bishkek = lcc.project(LatLon::new(42.87, 74.59));
            let astana = lcc.project(LatLon::new(51.18010, 71.44598));
            assert!(almaty.x > bishkek.x);
            assert!(astana.y > almaty.y);
        }

        #[test]
        fn scale_is_true_on_the_standard_parallels() {
            // Along a standard parallel the scale factor is exactly 1, so a short
            // east–west step measures as its arc on the ellipsoid's parallel,
            // N·cos φ·Δλ with N = a / √(1 − e² sin² φ) (Snyder eq. 4-20).
            let lcc = LambertConformalConic::central_asia();
            let e2 = 2.0 * F - F * F;
            for lat in [40.0_f64, 50.0] {
                let (a, b) = (LatLon::new(lat, 72.0), LatLon::new(lat, 72.01));
                let (pa, pb) = (lcc.project(a), lcc.project(b));
                let planar = ((pa.x - pb.x).powi(2) + (pa.y - pb.y).powi(2)).sqrt();
                let phi = lat.to_radians();
                let n = A / (1.0 - e2 * phi.sin().powi(2)).sqrt();
                let arc = n * phi.cos() * 0.01_f64.to_radians();
                assert!(
                    (planar / arc - 1.0).abs() < 1e-6,
                    "{lat}: {planar} vs {arc}"
                );
            }
        }

        #[test]
        fn almaty_to_bishkek_is_about_200_km() {
            let lcc = LambertConformalConic::central_asia();
            let a = lcc.project(LatLon::new(43.25249, 76.91150));
            let b = lcc.project(LatLon::new(42.87, 74.59));
            let km = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt() / 1000.0;
            assert!((185.0..205.0).contains(&km), "{km}");
        }
    }
}
