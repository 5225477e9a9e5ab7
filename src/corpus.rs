//! The corpus and basemap the page fetched beside the wasm (`corpus-HASH.bin`
//! and `basemap-HASH.bin`, written by `atlas dist`; see
//! `www/bilateral-map.js`), decoded and joined once per page, and [`Static`],
//! the reference components hold them by. The wasm holds no corpus data:
//! adding an article changes the index file, not the code. The articles'
//! texts are fetched later, shard by shard ([`crate::texts`]), and what a
//! click needs on first use ([`crate::details`]).

use std::sync::OnceLock;

use bilateral_core::shard::TextShards;
use bilateral_core::{BasemapLayer, Bundle, Corpus, Index};
use wasm_bindgen::{JsCast, JsValue};

/// What [`install`] keeps: the joined bundle, where its article texts are
/// and the name of its details file (empty: the bundle holds them).
struct Installed {
    bundle: Bundle,
    texts: TextShards,
    details: String,
    /// The index's and the basemap's names and bytes, while the details
    /// are to come.
    bytes: Option<File2>,
}

type File = (String, Vec<u8>);
type File2 = (File, File);

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
/// its file. The bytes are kept when the index names a details file: the
/// bundle with its details is decoded from them again ([`rejoin`]), which
/// costs the wasm no second decoder and no deep copy.
pub fn install(
    index: (&str, &[u8]),
    basemap: (&str, &[u8]),
) -> Result<&'static Bundle, &'static String> {
    INSTALLED
        .get_or_init(|| {
            let (bundle, texts, details) = join(index, basemap)?;
            let bytes = (!details.is_empty()).then(|| {
                (
                    (index.0.into(), index.1.into()),
                    (basemap.0.into(), basemap.1.into()),
                )
            });
            Ok(Installed {
                bundle,
                texts,
                details,
                bytes,
            })
        })
        .as_ref()
        .map(|i| &i.bundle)
}

/// The bundle of the two files, where its texts are and its details' file.
fn join(
    index: (&str, &[u8]),
    basemap: (&str, &[u8]),
) -> Result<(Bundle, TextShards, String), String> {
    let unreadable = |(name, _): (&str, &[u8]), e| format!("{name} cannot be read: {e}");
    let mut i = Index::decode(index.1).map_err(|e| unreadable(index, e))?;
    let b = BasemapLayer::decode(basemap.1).map_err(|e| unreadable(basemap, e))?;
    let texts = std::mem::take(&mut i.texts);
    let details = std::mem::take(&mut i.details);
    let bundle = Bundle::join(i, b)
        .ok_or_else(|| format!("{} and {} are from different builds", index.0, basemap.0))?;
    Ok((bundle, texts, details))
}

/// A second copy of the installed bundle, decoded from the same files, for
/// its details to be joined to.
pub fn rejoin() -> Option<Bundle> {
    let Some(Ok(Installed {
        bytes: Some((index, basemap)),
        ..
    })) = INSTALLED.get()
    else {
        return None;
    };
    let (index, basemap) = (
        (index.0.as_str(), &index.1[..]),
        (basemap.0.as_str(), &basemap.1[..]),
    );
    join(index, basemap).ok().map(|(bundle, _, _)| bundle)
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

/// Whether `bundle` is the installed bundle itself.
pub fn is_installed(bundle: &Bundle) -> bool {
    matches!(INSTALLED.get(), Some(Ok(i)) if std::ptr::eq(&i.bundle, bundle))
}

/// The installed bundle and the name of the file its details are in, if
/// they are not in the bundle itself ([`crate::details`]).
pub fn details_file() -> Option<(&'static Bundle, &'static str)> {
    match INSTALLED.get()? {
        Ok(i) if !i.details.is_empty() => Some((&i.bundle, i.details.as_str())),
        _ => None,
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
