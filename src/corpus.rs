//! The corpus bundle embedded at build time (see `build.rs`), decoded once.

use std::sync::OnceLock;

use bilateral_core::{Bundle, BundleError};

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The embedded corpus, decoded on first use and kept for the page's lifetime.
pub fn embedded() -> Result<&'static Bundle, &'static BundleError> {
    static BUNDLE: OnceLock<Result<Bundle, BundleError>> = OnceLock::new();
    BUNDLE.get_or_init(|| Bundle::decode(BYTES)).as_ref()
}
