//! The pan/zoom benchmark page (`bench.html`): the real widget over the
//! fetched corpus plus a synthetic layer of features, 5,000 by default
//! (`?n=…` changes it). Each synthetic feature is a point spread over the
//! region by a fixed linear congruential generator, with one category of each
//! kind in turn and one citation of a real sentence, so panel and labels work
//! as for real features. Measured by `scripts/bench-ui.mjs`.

use bilateral_core::Feature;
use bilateral_core::gazetteer::{Aliases, Category, Entry, EntryKind, Names, Origin, Precision};
use bilateral_core::geo::{Geometry, LatLon};
use bilateral_core::map::Mark;
use bilateral_core::projection::LambertConformalConic;
use bilateral_core::viewport::lat_lon_to_svg;
use bilateral_map::embed::{self, Embed};
use wasm_bindgen::prelude::*;

fn synthetic(real: &bilateral_core::Bundle, n: usize) -> &'static bilateral_core::Bundle {
    let mut bundle = real.clone();
    let lcc = LambertConformalConic::central_asia();
    let citation = bundle.corpus.features[0].citations[0];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    for k in 0..n {
        let p = LatLon::new(39.0 + next() * 13.0, 50.0 + next() * 35.0);
        let entry = Entry {
            id: format!("synthetic-{k}"),
            kind: EntryKind::Project,
            category: Category::ALL[k % Category::ALL.len()],
            name: Names {
                ru: format!("Объект {k}"),
                kk: format!("Нысан {k}"),
                en: format!("Feature {k}"),
            },
            name_ky: None,
            aliases: Aliases::default(),
            geometry: Some(Geometry::Point(p)),
            precision: Precision::Exact,
            provenance: "synthetic benchmark feature".into(),
            location_note: None,
            members: Vec::new(),
            rules: Vec::new(),
            context: Vec::new(),
            origin: Origin::Curated,
            country: None,
            status: bilateral_core::gazetteer::Status::Curated,
            line: 0,
        };
        bundle.corpus.gazetteer.entries.push(entry);
        bundle.corpus.features.push(Feature {
            entry: bundle.corpus.gazetteer.entries.len() - 1,
            citations: vec![citation],
        });
        bundle
            .map
            .marks
            .push(Mark::Points(vec![lat_lon_to_svg(&lcc, p)]));
    }
    Box::leak(Box::new(bundle))
}

/// Mounts the widget over the fetched corpus plus the synthetic features;
/// `www/bilateral-map.js` calls it as it calls the real one.
#[wasm_bindgen]
pub fn mount(
    root: web_sys::Element,
    host: web_sys::Element,
    config: JsValue,
    index: JsValue,
    basemap: JsValue,
    fetch_data: js_sys::Function,
) -> Embed {
    let n = gloo::utils::window()
        .location()
        .search()
        .ok()
        .and_then(|q| q.strip_prefix("?n=").and_then(|v| v.parse().ok()))
        .unwrap_or(5000);
    let bundle = embed::bundle(&index, &basemap, fetch_data).map(|real| synthetic(real, n));
    embed::mount(root, &host, config, bundle)
}

fn main() {}
