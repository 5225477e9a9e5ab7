//! The corpus bundle the page fetched beside the wasm (`corpus-HASH.bin`,
//! written by `atlas dist`; see `www/bilateral-map.js`), decoded once per
//! page, and [`Static`], the reference components hold it by. The wasm holds
//! no corpus data: adding an article changes the index file, not the code.

use std::sync::OnceLock;

use bilateral_core::{Bundle, BundleError};

static BUNDLE: OnceLock<Result<Bundle, BundleError>> = OnceLock::new();

/// Decodes the fetched index, on the first call; every later call (every
/// other embed on the page) gets that first result.
pub fn install(bytes: &[u8]) -> Result<&'static Bundle, &'static BundleError> {
    BUNDLE.get_or_init(|| Bundle::decode(bytes)).as_ref()
}

/// The installed bundle, if [`install`] ran.
pub fn installed() -> Option<Result<&'static Bundle, &'static BundleError>> {
    BUNDLE.get().map(Result::as_ref)
}

/// The seed corpus as `build.rs` bundles it (`$OUT_DIR/corpus.bin`), for
/// tests: the distributable's wasm never includes it.
#[cfg(test)]
pub fn embedded() -> Result<&'static Bundle, &'static BundleError> {
    install(include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin")))
}

/// A `'static` reference compared by address. Props holding the embedded
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
