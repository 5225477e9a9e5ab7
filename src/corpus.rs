//! The corpus bundle embedded at build time (see `build.rs`), decoded once,
//! and [`Static`], the reference components hold it by.

use std::sync::OnceLock;

use bilateral_core::{Bundle, BundleError};

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The embedded corpus, decoded on first use and kept for the page's lifetime.
pub fn embedded() -> Result<&'static Bundle, &'static BundleError> {
    static BUNDLE: OnceLock<Result<Bundle, BundleError>> = OnceLock::new();
    BUNDLE.get_or_init(|| Bundle::decode(BYTES)).as_ref()
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
