//! The corpus and basemap the page fetched beside the wasm (`corpus-HASH.bin`
//! and `basemap-HASH.bin`, written by `atlas dist`; see
//! `www/bilateral-map.js`), decoded and joined once per page, and [`Static`],
//! the reference components hold them by. The wasm holds no corpus data:
//! adding an article changes the index file, not the code. The articles'
//! texts are fetched later, shard by shard ([`crate::texts`]).

use std::sync::OnceLock;

use bilateral_core::shard::TextShards;
use bilateral_core::{BasemapLayer, Bundle, Corpus, Index};
use wasm_bindgen::{JsCast, JsValue};

/// What [`install`] keeps: the joined bundle and where its article texts are.
struct Installed {
    bundle: Bundle,
    texts: TextShards,
}

static INSTALLED: OnceLock<Result<Installed, String>> = OnceLock::new();

/// A data file as the element hands it over: a `[name, bytes]` pair (a
/// `Uint8Array`), or the text of why its fetch failed.
pub fn fetched(v: &JsValue) -> Result<(String, Vec<u8>), String> {
    let pair = v.dyn_ref::<js_sys::Array>().ok_or_else(|| {
        v.as_string()
            .unwrap_or_else(|| "a corpus file was not loaded".to_string())
    })?;
    let name = pair.get(0).as_string().unwrap_or_default();
    let bytes = pair
        .get(1)
        .dyn_into::<js_sys::Uint8Array>()
        .map_err(|_| format!("{name} was not handed over as bytes"))?;
    Ok((name, bytes.to_vec()))
}

/// Decodes and joins the fetched files, on the first call; every later call
/// (every other embed on the page) gets that first result. Each error names
/// its file.
pub fn install(
    index: (&str, &[u8]),
    basemap: (&str, &[u8]),
) -> Result<&'static Bundle, &'static String> {
    INSTALLED
        .get_or_init(|| {
            let unreadable = |(name, _): (&str, &[u8]), e| format!("{name} cannot be read: {e}");
            let mut i = Index::decode(index.1).map_err(|e| unreadable(index, e))?;
            let b = BasemapLayer::decode(basemap.1).map_err(|e| unreadable(basemap, e))?;
            let texts = std::mem::take(&mut i.texts);
            let bundle = Bundle::join(i, b).ok_or_else(|| {
                format!("{} and {} are from different builds", index.0, basemap.0)
            })?;
            Ok(Installed { bundle, texts })
        })
        .as_ref()
        .map(|i| &i.bundle)
}

/// The installed bundle, if [`install`] ran.
pub fn installed() -> Option<Result<&'static Bundle, &'static String>> {
    INSTALLED.get().map(|r| r.as_ref().map(|i| &i.bundle))
}

/// The whole corpus and where its article texts are, once installed.
pub fn texts() -> Option<(&'static Corpus, &'static TextShards)> {
    match INSTALLED.get()? {
        Ok(i) => Some((&i.bundle.corpus, &i.texts)),
        Err(_) => None,
    }
}

/// Installs a whole bundle (`build.rs`'s `$OUT_DIR/corpus.bin`, for tests:
/// the distributable's wasm never includes it) through the same two files.
pub fn install_whole(bytes: &[u8]) -> Result<&'static Bundle, &'static String> {
    match Bundle::decode(bytes) {
        Ok(bundle) => {
            let (index, basemap) = bundle.split();
            install(("index", &index.encode()), ("basemap", &basemap.encode()))
        }
        Err(e) => Err(Box::leak(Box::new(e.to_string()))),
    }
}

/// The seed corpus, for the crate's own tests.
#[cfg(test)]
pub fn embedded() -> Result<&'static Bundle, &'static String> {
    install_whole(include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin")))
}

/// A `'static` reference compared by address. Props holding the
/// corpus or map compare in O(1) instead of walking thousands of features on
/// every render.
pub struct Static<T: 'static>(pub &'static T);

impl<T> Clone for Static<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Static<T> {}

impl<T> std::fmt::Debug for Static<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Static({:p})", self.0)
    }
}

impl<T> PartialEq for Static<T> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl<T> std::ops::Deref for Static<T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.0
    }
}
