//! `atlas basemap`: builds `corpus/basemap.json` from Natural Earth data.
//!
//! Countries come from world-atlas's TopoJSON (decoded with the `topojson`
//! crate), lakes and rivers from GeoJSON extracts; `data/basemap.toml` names
//! what to keep. Each geometry is clipped to the region's box
//! (`geo::BooleanOps`), simplified with Ramer–Douglas–Peucker
//! (`geo::Simplify`), rounded to 0.001° (about 100 m), and written as a
//! `bilateral_core::basemap::Basemap`.

use std::path::{Path, PathBuf};

use bilateral_core::basemap::{Basemap, Coords, Country, Water};
use bilateral_core::gazetteer::Names;
use bilateral_core::geo::LonLat;
use geo::{
    Area, BooleanOps, Coord, InteriorPoint, LineString, MultiLineString, MultiPolygon, Polygon,
    Rect, Simplify,
};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    countries_file: PathBuf,
    lakes_file: PathBuf,
    rivers_file: PathBuf,
    bbox: BBox,
    tolerance: f64,
    context_tolerance: f64,
    min_ring_area: f64,
    country: Vec<CountryConfig>,
    lake: Vec<WaterConfig>,
    river: Vec<WaterConfig>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(deny_unknown_fields)]
struct BBox {
    lon_min: f64,
    lat_min: f64,
    lon_max: f64,
    lat_max: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryConfig {
    id: String,
    name: Names,
    #[serde(default)]
    emphasis: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WaterConfig {
    source_name: String,
    name: Names,
}

/// Builds the basemap described by the config file at `config_path`; paths in
/// the config are relative to the current directory (the repository root).
pub fn build(config_path: &Path) -> Result<Basemap, String> {
    let read = |p: &Path| {
        std::fs::read_to_string(p).map_err(|e| format!("{}: cannot read: {e}", p.display()))
    };
    let config: Config = toml::from_str(&read(config_path)?)
        .map_err(|e| format!("{}: {e}", config_path.display()))?;
    let clip_box = Rect::new(
        Coord {
            x: config.bbox.lon_min,
            y: config.bbox.lat_min,
        },
        Coord {
            x: config.bbox.lon_max,
            y: config.bbox.lat_max,
        },
    )
    .to_polygon();

    let countries = countries(&config, &clip_box)?;
    let lakes = lakes(&config, &clip_box)?;
    let rivers = rivers(&config, &clip_box)?;

    Ok(Basemap {
        attribution: "Made with Natural Earth (public domain): countries via world-atlas 2.0.2, lakes and rivers 1:10m."
            .to_string(),
        countries,
        lakes,
        rivers,
    })
}

/// The configured countries from the TopoJSON, clipped and simplified.
fn countries(config: &Config, clip_box: &Polygon) -> Result<Vec<Country>, String> {
    let read = |p: &Path| {
        std::fs::read_to_string(p).map_err(|e| format!("{}: cannot read: {e}", p.display()))
    };
    let topo_text = read(&config.countries_file)?;
    let topo: topojson::Topology = serde_json::from_str(&topo_text)
        .map_err(|e| format!("{}: not TopoJSON: {e}", config.countries_file.display()))?;
    let countries_fc = topojson::to_geojson(&topo, "countries")
        .map_err(|e| format!("{}: {e}", config.countries_file.display()))?;

    let mut countries = Vec::new();
    for wanted in &config.country {
        let feature = countries_fc
            .features
            .iter()
            .find(|f| f.id.as_ref().is_some_and(|id| id_text(id) == wanted.id))
            .ok_or_else(|| {
                format!(
                    "{}: no country with id {}",
                    config.countries_file.display(),
                    wanted.id
                )
            })?;
        let shape = multipolygon(feature)
            .ok_or_else(|| format!("country {} has no polygon geometry", wanted.id))?;
        let tolerance = if wanted.emphasis {
            config.tolerance
        } else {
            config.context_tolerance
        };
        let clipped = shape.intersection(&MultiPolygon(vec![clip_box.clone()]));
        let simplified = drop_small(clipped.simplify(tolerance), config.min_ring_area);
        let Some(label) = label_point(&simplified) else {
            continue; // nothing of it left inside the box
        };
        // Holes in a country are other territories (Baikonur's lease inside
        // Kazakhstan); the basemap shows land there, so only outer rings stay.
        let outer = MultiPolygon(
            simplified
                .0
                .into_iter()
                .map(|p| Polygon::new(p.exterior().clone(), vec![]))
                .collect(),
        );
        countries.push(Country {
            id: wanted.id.clone(),
            name: wanted.name.clone(),
            emphasis: wanted.emphasis,
            label,
            rings: rings(&outer),
        });
    }

    Ok(countries)
}

/// The configured lakes, clipped and simplified.
fn lakes(config: &Config, clip_box: &Polygon) -> Result<Vec<Water>, String> {
    let lakes_fc = read_geojson(&config.lakes_file)?;
    let mut lakes = Vec::new();
    for wanted in &config.lake {
        let shape = by_name(&lakes_fc, &wanted.source_name)
            .filter_map(multipolygon)
            .fold(MultiPolygon(Vec::new()), |acc, m| {
                MultiPolygon([acc.0, m.0].concat())
            });
        if shape.0.is_empty() {
            return Err(format!(
                "{}: no lake named {:?}",
                config.lakes_file.display(),
                wanted.source_name
            ));
        }
        let clipped = shape.intersection(&MultiPolygon(vec![clip_box.clone()]));
        let simplified = drop_small(clipped.simplify(config.tolerance), config.min_ring_area);
        let Some(label) = label_point(&simplified) else {
            continue;
        };
        lakes.push(Water {
            name: wanted.name.clone(),
            label,
            parts: rings(&simplified),
        });
    }

    Ok(lakes)
}

/// The configured rivers, clipped to the box and simplified.
fn rivers(config: &Config, clip_box: &Polygon) -> Result<Vec<Water>, String> {
    let rivers_fc = read_geojson(&config.rivers_file)?;
    let mut rivers = Vec::new();
    for wanted in &config.river {
        let lines: Vec<LineString> = by_name(&rivers_fc, &wanted.source_name)
            .flat_map(linestrings)
            .collect();
        if lines.is_empty() {
            return Err(format!(
                "{}: no river named {:?}",
                config.rivers_file.display(),
                wanted.source_name
            ));
        }
        let clipped = clip_box
            .clip(&MultiLineString(lines), false)
            .simplify(config.tolerance);
        let parts: Vec<Coords> = clipped
            .0
            .iter()
            .filter(|l| l.0.len() >= 2)
            .map(round_line)
            .collect();
        let Some(mid) = parts.iter().max_by_key(|p| p.len()).map(|p| p[p.len() / 2]) else {
            continue;
        };
        rivers.push(Water {
            name: wanted.name.clone(),
            label: mid,
            parts,
        });
    }

    Ok(rivers)
}

fn id_text(id: &geojson::feature::Id) -> String {
    match id {
        geojson::feature::Id::String(s) => s.clone(),
        geojson::feature::Id::Number(n) => n.to_string(),
    }
}

fn read_geojson(path: &Path) -> Result<geojson::FeatureCollection, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    text.parse::<geojson::GeoJson>()
        .map_err(|e| format!("{}: not GeoJSON: {e}", path.display()))
        .and_then(|g| {
            geojson::FeatureCollection::try_from(g).map_err(|e| format!("{}: {e}", path.display()))
        })
}

fn by_name<'a>(
    fc: &'a geojson::FeatureCollection,
    name: &'a str,
) -> impl Iterator<Item = &'a geojson::Feature> {
    fc.features
        .iter()
        .filter(move |f| f.property("name").and_then(|v| v.as_str()) == Some(name))
}

fn multipolygon(feature: &geojson::Feature) -> Option<MultiPolygon> {
    let geometry = feature.geometry.as_ref()?;
    let g: geo::Geometry = geometry.value.clone().try_into().ok()?;
    match g {
        geo::Geometry::Polygon(p) => Some(MultiPolygon(vec![p])),
        geo::Geometry::MultiPolygon(m) => Some(m),
        _ => None,
    }
}

fn linestrings(feature: &geojson::Feature) -> Vec<LineString> {
    let Some(geometry) = feature.geometry.as_ref() else {
        return Vec::new();
    };
    match geo::Geometry::try_from(geometry.value.clone()) {
        Ok(geo::Geometry::LineString(l)) => vec![l],
        Ok(geo::Geometry::MultiLineString(m)) => m.0,
        _ => Vec::new(),
    }
}

fn drop_small(m: MultiPolygon, min_area: f64) -> MultiPolygon {
    MultiPolygon(
        m.0.into_iter()
            .filter(|p| p.unsigned_area() >= min_area)
            .map(|p| {
                let (exterior, interiors) = p.into_inner();
                let holes = interiors
                    .into_iter()
                    .filter(|r| Polygon::new(r.clone(), vec![]).unsigned_area() >= min_area);
                Polygon::new(exterior, holes.collect())
            })
            .collect(),
    )
}

fn label_point(m: &MultiPolygon) -> Option<LonLat> {
    let largest =
        m.0.iter()
            .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))?;
    let p = largest.interior_point()?;
    Some(LonLat::new(round3(p.x()), round3(p.y())))
}

fn rings(m: &MultiPolygon) -> Vec<Coords> {
    m.0.iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
        .map(round_line)
        .filter(|r| r.len() >= 4)
        .collect()
}

fn round_line(l: &LineString) -> Coords {
    let mut out: Coords = Vec::with_capacity(l.0.len());
    for c in &l.0 {
        let p = LonLat::new(round3(c.x), round3(c.y));
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    out
}

fn round3(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}
