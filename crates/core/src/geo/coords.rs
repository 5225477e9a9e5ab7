//! Geographic coordinates (WGS 84 degrees), kept apart from screen and SVG
//! coordinates, which live in their own types in the projection code.
//!
//! Axis order is explicit: [`LatLon::new`] takes latitude first, as gazetteers
//! and the notes write them; GeoJSON output uses [`LatLon::lon_lat`].

use serde::{Deserialize, Serialize};

/// A point on the Earth, in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

impl LatLon {
    pub const fn new(lat: f64, lon: f64) -> LatLon {
        LatLon { lat, lon }
    }

    /// `[lon, lat]`, the GeoJSON order.
    pub fn lon_lat(self) -> [f64; 2] {
        [self.lon, self.lat]
    }

    /// Both numbers finite and within ±90° latitude, ±180° longitude.
    pub fn is_valid(self) -> bool {
        self.lat.is_finite()
            && self.lon.is_finite()
            && (-90.0..=90.0).contains(&self.lat)
            && (-180.0..=180.0).contains(&self.lon)
    }
}

/// A point written longitude first, as GeoJSON and TopoJSON write it: the
/// basemap's rings. Serialised as the pair `[lon, lat]`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(from = "[f64; 2]", into = "[f64; 2]")]
pub struct LonLat {
    pub lon: f64,
    pub lat: f64,
}

impl LonLat {
    pub const fn new(lon: f64, lat: f64) -> LonLat {
        LonLat { lon, lat }
    }

    pub fn lat_lon(self) -> LatLon {
        LatLon::new(self.lat, self.lon)
    }
}

impl From<[f64; 2]> for LonLat {
    fn from([lon, lat]: [f64; 2]) -> LonLat {
        LonLat { lon, lat }
    }
}

impl From<LonLat> for [f64; 2] {
    fn from(p: LonLat) -> [f64; 2] {
        [p.lon, p.lat]
    }
}

/// Where a gazetteer entry is drawn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Geometry {
    Point(LatLon),
    /// A route through these points, in order.
    Line(Vec<LatLon>),
    /// Several points drawn as one feature (a group, such as the border crossings).
    MultiPoint(Vec<LatLon>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validity() {
        assert!(LatLon::new(40.52828, 72.79850).is_valid()); // Osh
        assert!(!LatLon::new(91.0, 72.0).is_valid());
        assert!(!LatLon::new(40.0, f64::NAN).is_valid());
    }

    #[test]
    fn lon_lat_pairs_round_trip_as_arrays() {
        let almaty = LonLat::new(76.9115, 43.25249);
        assert_eq!(
            serde_json::to_string(&almaty).unwrap(),
            "[76.9115,43.25249]"
        );
        assert_eq!(
            serde_json::from_str::<LonLat>("[76.9115,43.25249]").unwrap(),
            almaty
        );
        assert_eq!(almaty.lat_lon(), LatLon::new(43.25249, 76.9115));
    }

    #[test]
    fn geojson_order_is_lon_lat() {
        assert_eq!(
            LatLon::new(43.25249, 76.91150).lon_lat(),
            [76.91150, 43.25249]
        );
    }
}
