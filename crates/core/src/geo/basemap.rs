//! The offline basemap: country outlines, lakes and rivers.
//!
//! Data: Natural Earth 1:10m (public domain; "Made with Natural Earth"),
//! countries from the npm package `world-atlas@2.0.2`, lakes and rivers from
//! the Central Asia extracts in `data/natural-earth/`. `atlas basemap` clips
//! and simplifies them once into `corpus/basemap.json` (a [`Basemap`], rings as
//! `[lon, lat]` pairs like GeoJSON); the widget's `build.rs` projects that file
//! into SVG path strings ([`svg_path`]) so the browser never parses geometry.

use serde::{Deserialize, Serialize};

use crate::geo::coords::LonLat;
use crate::geo::projection::LambertConformalConic;
use crate::geo::viewport::lat_lon_to_svg;
use crate::text::names::Names;

/// A ring or line, longitude first (serialised as `[lon, lat]` pairs).
pub type Coords = Vec<LonLat>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Basemap {
    /// Credit line for the data.
    pub attribution: String,
    pub countries: Vec<Country>,
    pub lakes: Vec<Water>,
    pub rivers: Vec<Water>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Country {
    /// ISO 3166-1 numeric.
    pub id: String,
    pub name: Names,
    /// Kazakhstan and Kyrgyzstan are drawn stronger and labelled.
    pub emphasis: bool,
    /// Where the label goes: a point inside the largest part.
    pub label: LonLat,
    /// Outer rings and holes alike; drawn with the even-odd fill rule.
    pub rings: Vec<Coords>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Water {
    pub name: Names,
    /// Where a label goes.
    pub label: LonLat,
    /// Rings for a lake, lines for a river.
    pub parts: Vec<Coords>,
}

impl Basemap {
    /// Reads a basemap file written by `atlas basemap`; the error names the file.
    pub fn load(path: &std::path::Path) -> Result<Basemap, BasemapError> {
        let file = || crate::text::source::DisplayPath(path.to_path_buf());
        let text = std::fs::read_to_string(path).map_err(|e| BasemapError::Unreadable {
            path: file(),
            message: e.to_string(),
        })?;
        serde_json::from_str(&text).map_err(|e| BasemapError::NotABasemap {
            path: file(),
            line: e.line(),
            message: e.to_string(),
        })
    }
}

/// Why the basemap file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BasemapError {
    #[error("{path}: cannot read: {message}")]
    Unreadable {
        path: crate::text::source::DisplayPath,
        message: String,
    },
    #[error("{path}:{line}: not a basemap: {message} (rebuild it with `atlas basemap`)")]
    NotABasemap {
        path: crate::text::source::DisplayPath,
        line: usize,
        message: String,
    },
}

/// An SVG path `d` for rings or lines in SVG units (km), with one decimal
/// ([`crate::geo::path`]): absolute `M` for each part's start, relative `l`
/// steps after it, `z` to close rings. Steps that round to nothing are skipped.
pub fn svg_path(lcc: &LambertConformalConic, parts: &[Coords], closed: bool) -> String {
    let parts: Vec<crate::geo::path::Part> = parts
        .iter()
        .map(|part| {
            let points = part
                .iter()
                .map(|q| lat_lon_to_svg(lcc, q.lat_lon()))
                .collect();
            (points, closed)
        })
        .collect();
    crate::geo::path::write(&parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ring_becomes_a_closed_relative_path() {
        let lcc = LambertConformalConic::central_asia();
        // A ring around the projection origin (45°N 72°E).
        let ring: Coords = [[72.0, 45.0], [72.1, 45.0], [72.1, 45.1], [72.0, 45.0]]
            .map(LonLat::from)
            .to_vec();
        let d = svg_path(&lcc, &[ring], true);
        assert!(d.starts_with("M0 0l7.9 "), "{d}");
        assert!(d.ends_with('z'), "{d}");
        assert_eq!(d.matches('l').count(), 3, "{d}");
    }

    #[test]
    fn lines_stay_open() {
        let lcc = LambertConformalConic::central_asia();
        let line = vec![LonLat::new(72.0, 45.0), LonLat::new(73.0, 45.0)];
        let d = svg_path(&lcc, &[line], false);
        assert!(!d.contains('z'), "{d}");
    }
}
