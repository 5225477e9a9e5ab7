//! Everything the widget draws, already projected into SVG units at build time.
//!
//! [`MapData::build`] projects the basemap (Lambert conformal conic,
//! [`crate::geo::projection`]) into SVG path strings and each cited feature into
//! points or a path, so the browser only sets attributes.

use serde::{Deserialize, Serialize};

use crate::evidence::corpus::Corpus;
use crate::geo::basemap::{Basemap, svg_path};
use crate::geo::coords::{Geometry, LatLon, LonLat};
use crate::geo::projection::LambertConformalConic;
use crate::geo::viewport::{SvgPoint, SvgRect, Viewport, lat_lon_to_svg};
use crate::text::names::Names;

/// A named basemap shape as an SVG path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shape {
    pub name: Names,
    pub emphasis: bool,
    pub label: SvgPoint,
    pub d: String,
}

/// Where a feature is drawn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Mark {
    /// One or more symbols (a group has one per member).
    Points(Vec<SvgPoint>),
    /// A route: its path, and a point along it for the symbol and label.
    Route { d: String, anchor: SvgPoint },
    /// No coordinates: listed, not drawn.
    Unlocated,
}

/// The point along `line` (sampled at tenths of its length) farthest from
/// every point in `others`, so a route's symbol does not sit on another one.
pub fn clear_spot(line: &[SvgPoint], others: &[SvgPoint]) -> SvgPoint {
    let seg_len = |a: SvgPoint, b: SvgPoint| ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
    let total: f64 = line.windows(2).map(|w| seg_len(w[0], w[1])).sum();
    let at = |fraction: f64| {
        let mut left = total * fraction;
        for w in line.windows(2) {
            let l = seg_len(w[0], w[1]);
            if left <= l && l > 0.0 {
                let t = left / l;
                return SvgPoint {
                    x: w[0].x + t * (w[1].x - w[0].x),
                    y: w[0].y + t * (w[1].y - w[0].y),
                };
            }
            left -= l;
        }
        line[line.len() - 1]
    };
    let clearance = |p: SvgPoint| {
        others
            .iter()
            .map(|o| seg_len(p, *o))
            .fold(f64::INFINITY, f64::min)
    };
    (1..10)
        .map(|k| at(k as f64 / 10.0))
        .max_by(|a, b| clearance(*a).total_cmp(&clearance(*b)))
        .unwrap_or(line[0])
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapData {
    pub attribution: String,
    pub countries: Vec<Shape>,
    pub lakes: Vec<Shape>,
    pub rivers: Vec<Shape>,
    /// Parallel to [`Corpus::features`].
    pub marks: Vec<Mark>,
    /// The basemap's extent: the view's centre stays inside it.
    pub bounds: SvgRect,
    /// What the initial view shows: every drawn feature.
    pub fit: SvgRect,
}

impl Mark {
    /// Where the feature's symbol is, if it is drawn.
    pub fn anchor(&self) -> Option<SvgPoint> {
        match self {
            Mark::Points(ps) => ps.first().copied(),
            Mark::Route { anchor, .. } => Some(*anchor),
            Mark::Unlocated => None,
        }
    }
}

/// The deepest zoom, relative to the fitted view.
pub const MAX_ZOOM: f64 = 12.0;

impl MapData {
    /// The first view of a `width`×`height` map: every feature fitted with a
    /// padding of 8 % of the smaller side (16–48 px), or the host's centre and
    /// zoom (relative to that fit, within the zoom range).
    pub fn initial_view(&self, width: f64, height: f64, host: Option<(LatLon, f64)>) -> Viewport {
        let padding = crate::text::compact::clamp(width.min(height) * 0.08, 16.0, 48.0);
        let fitted = Viewport::fit(self.fit, self.bounds, width, height, padding, MAX_ZOOM);
        match host {
            None => fitted,
            Some((centre, zoom)) => {
                let lcc = LambertConformalConic::central_asia();
                let scale = crate::text::compact::clamp(
                    fitted.scale * zoom,
                    fitted.min_scale,
                    fitted.max_scale,
                );
                Viewport {
                    center: lat_lon_to_svg(&lcc, centre),
                    scale,
                    ..fitted
                }
            }
        }
    }

    /// Projects the basemap and every cited feature.
    pub fn build(basemap: &Basemap, corpus: &Corpus) -> MapData {
        let lcc = LambertConformalConic::central_asia();
        let to_svg = |p: LonLat| lat_lon_to_svg(&lcc, p.lat_lon());
        let countries = basemap
            .countries
            .iter()
            .map(|c| Shape {
                name: c.name.clone(),
                emphasis: c.emphasis,
                label: to_svg(c.label),
                d: svg_path(&lcc, &c.rings, true),
            })
            .collect();
        let water = |list: &[crate::geo::basemap::Water], closed: bool| -> Vec<Shape> {
            list.iter()
                .map(|w| Shape {
                    name: w.name.clone(),
                    emphasis: false,
                    label: to_svg(w.label),
                    d: svg_path(&lcc, &w.parts, closed),
                })
                .collect()
        };
        let marks: Vec<Mark> = corpus
            .features
            .iter()
            .map(|f| match &corpus.entry(f).geometry {
                None => Mark::Unlocated,
                Some(Geometry::Point(p)) => Mark::Points(vec![lat_lon_to_svg(&lcc, *p)]),
                Some(Geometry::MultiPoint(ps)) => {
                    Mark::Points(ps.iter().map(|p| lat_lon_to_svg(&lcc, *p)).collect())
                }
                Some(Geometry::Line(ps)) => {
                    let coords: Vec<LonLat> =
                        ps.iter().map(|p| LonLat::new(p.lon, p.lat)).collect();
                    let line: Vec<SvgPoint> = ps.iter().map(|p| lat_lon_to_svg(&lcc, *p)).collect();
                    Mark::Route {
                        d: svg_path(&lcc, &[coords], false),
                        // Placed after all point symbols are known, below.
                        anchor: line[0],
                    }
                }
            })
            .collect();
        let points: Vec<SvgPoint> = marks
            .iter()
            .flat_map(|m| match m {
                Mark::Points(ps) => ps.clone(),
                _ => Vec::new(),
            })
            .collect();
        let mut marks = marks;
        for (mark, f) in marks.iter_mut().zip(&corpus.features) {
            if let (Mark::Route { anchor, .. }, Some(Geometry::Line(ps))) =
                (mark, &corpus.entry(f).geometry)
            {
                let line: Vec<SvgPoint> = ps.iter().map(|p| lat_lon_to_svg(&lcc, *p)).collect();
                *anchor = clear_spot(&line, &points);
            }
        }
        let all_basemap = basemap
            .countries
            .iter()
            .flat_map(|c| c.rings.iter().flatten())
            .map(|&c| to_svg(c));
        let bounds = SvgRect::around(all_basemap).unwrap_or(SvgRect {
            min: SvgPoint {
                x: -2000.0,
                y: -1000.0,
            },
            max: SvgPoint {
                x: 2000.0,
                y: 1000.0,
            },
        });
        let fit = fit_of(corpus, &marks, bounds);
        MapData {
            attribution: basemap.attribution.clone(),
            countries,
            lakes: water(&basemap.lakes, true),
            rivers: water(&basemap.rivers, false),
            marks,
            bounds,
            fit,
        }
    }
}

/// What the first view shows: every point symbol and every route's whole
/// line (`marks` parallel to `corpus.features`); `bounds` if nothing is drawn.
pub fn fit_of(corpus: &Corpus, marks: &[Mark], bounds: SvgRect) -> SvgRect {
    let lcc = LambertConformalConic::central_asia();
    let drawn = marks.iter().flat_map(|m| match m {
        Mark::Points(ps) => ps.clone(),
        Mark::Route { .. } | Mark::Unlocated => Vec::new(),
    });
    let route_points = corpus
        .features
        .iter()
        .filter_map(|f| match &corpus.entry(f).geometry {
            Some(Geometry::Line(ps)) => Some(ps.clone()),
            _ => None,
        })
        .flatten()
        .map(|p| lat_lon_to_svg(&lcc, p));
    SvgRect::around(drawn.chain(route_points)).unwrap_or(bounds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_route_symbol_avoids_other_symbols() {
        let line = [SvgPoint { x: 0.0, y: 0.0 }, SvgPoint { x: 100.0, y: 0.0 }];
        let others = [SvgPoint { x: 50.0, y: 1.0 }, SvgPoint { x: 90.0, y: 0.0 }];
        let spot = clear_spot(&line, &others);
        assert_eq!(spot, SvgPoint { x: 10.0, y: 0.0 });
    }
}
