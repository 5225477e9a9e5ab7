//! The widget's wasm entry: exports `mount`, which `www/bilateral-map.js`
//! (the `<bilateral-map>` custom element) calls once per element with the
//! node inside its shadow root, the element itself, its `config` object and
//! the corpus index and basemap it fetched (each bytes, or why the fetch failed)
//! and its `fetchData`, which fetches the article texts when a reader opens one.
//! A corpus file that did not load or cannot be read is thrown back to the
//! element, which keeps its static fallback and says so (`bilateral-map:error`).

use bilateral_map::embed::{self, Embed};
use wasm_bindgen::prelude::*;

/// Mounts the widget over the fetched corpus index and basemap; throws the
/// reason (naming the file) when either is missing or cannot be read, and
/// the element then keeps its static fallback.
#[wasm_bindgen]
pub fn mount(
    root: web_sys::Element,
    host: web_sys::Element,
    config: JsValue,
    index: JsValue,
    basemap: JsValue,
    fetch_data: js_sys::Function,
) -> Result<Embed, JsError> {
    let bundle = embed::bundle(&index, &basemap, fetch_data).map_err(|e| JsError::new(&e))?;
    Ok(embed::mount(root, &host, config, Ok(bundle)))
}

fn main() {}
