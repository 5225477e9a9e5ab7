//! Everything the widget draws, already projected into SVG units at build time.
//!
//! [`MapData::build`] projects the basemap (Lambert conformal conic,
//! [`crate::geo::projection`]) into SVG path strings and each cited feature into
//! points or a path, so the browser only sets attributes.

use serde::{Deserialize, Serialize};

use crate::evidence::corpus::Corpus;
use crate::geo::basemap::{Basemap, svg_path};
use crate::geo::coords::{Geometry, LatLon, LonLat};
use crate::geo::frame::{self, Frame};
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
    /// A route: its path, a point along it for the symbol and label, and
    /// the box around its whole line (for the first view's frame).
    Route {
        d: String,
        anchor: SvgPoint,
        extent: SvgRect,
    },
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
    /// The box around every drawn feature (the static fallback shows it
    /// all; the widget's first view frames where most of them are).
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

    /// The box around everything drawn for the feature, if it is drawn.
    pub fn extent(&self) -> Option<SvgRect> {
        match self {
            Mark::Points(ps) => SvgRect::around(ps.iter().copied()),
            Mark::Route { extent, .. } => Some(*extent),
            Mark::Unlocated => None,
        }
    }
}

/// A frame is never smaller than this across (km): about a city and its
/// surroundings.
pub const MIN_FRAME_KM: f64 = 120.0;

/// The first view keeps clear of the zoom buttons' column on the right:
/// its distance from the edge and its width (`ui::Controls::MAP`), px.
pub const CONTROLS_PX: f64 =
    crate::reader::ui::Controls::MAP.edge + crate::reader::ui::Controls::MAP.size;

/// The deepest zoom, relative to the fitted view.
pub const MAX_ZOOM: f64 = 12.0;

impl MapData {
    /// The padding around the first view's frame: 8 % of the map's smaller
    /// side, 16–48 px.
    fn padding(width: f64, height: f64) -> f64 {
        crate::text::compact::clamp(width.min(height) * 0.08, 16.0, 48.0)
    }

    /// Where most features are, for a `width`×`height` map
    /// ([`crate::geo::frame`]), and which features lie outside (indices into
    /// the features); `None` when nothing is drawn.
    pub fn frame(&self, width: f64, height: f64) -> Option<Frame> {
        let p = Self::padding(width, height);
        let aspect = (width - CONTROLS_PX - 2.0 * p).max(1.0) / (height - 2.0 * p).max(1.0);
        let boxes: Vec<(usize, SvgRect)> = self
            .marks
            .iter()
            .enumerate()
            .filter_map(|(i, m)| Some((i, m.extent()?)))
            .collect();
        frame::frame(&boxes, aspect, MIN_FRAME_KM)
    }

    /// The first view of a `width`×`height` map: the [`Self::frame`] fitted
    /// with its padding left of the zoom buttons ([`CONTROLS_PX`]), or the
    /// host's centre and zoom (relative to that frame, within the zoom
    /// range). It may zoom out until the whole of
    /// [`Self::fit`] shows at half size, and in [`MAX_ZOOM`] times.
    pub fn initial_view(&self, width: f64, height: f64, host: Option<(LatLon, f64)>) -> Viewport {
        let padding = Self::padding(width, height);
        let rect = self
            .frame(width, height)
            .map_or(self.fit, |f| f.rect.at_least(MIN_FRAME_KM, MIN_FRAME_KM));
        // Fitted left of the zoom buttons' column, then widened back.
        let inner = (width - CONTROLS_PX).max(1.0);
        let whole = Viewport::fit(self.fit, self.bounds, inner, height, padding, MAX_ZOOM);
        let framed = Viewport::fit(rect, self.bounds, inner, height, padding, MAX_ZOOM);
        let fitted = Viewport {
            min_scale: whole.min_scale.min(framed.min_scale),
            width,
            center: SvgPoint {
                x: framed.center.x + (width - inner) / 2.0 / framed.scale,
                y: framed.center.y,
            },
            ..framed
        };
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
                        extent: SvgRect::around(line.iter().copied())
                            .unwrap_or(frame::point(line[0])),
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
