//! The widget's wasm entry: exports `mount`, which `www/bilateral-map.js`
//! (the `<bilateral-map>` custom element) calls once per element with the
//! node inside its shadow root, the element itself and its `config` object.

use bilateral_map::embed::{self, Embed};
use wasm_bindgen::prelude::*;

/// Mounts the widget over the embedded corpus.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, host: web_sys::Element, config: JsValue) -> Embed {
    let bundle = bilateral_map::corpus::embedded().map_err(|e| e.to_string());
    embed::mount(root, &host, config, bundle)
}

fn main() {}
