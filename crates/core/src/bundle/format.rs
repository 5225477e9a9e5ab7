//! The files' common frame: every postcard file the widget reads (the index,
//! the basemap, each text shard, `build.rs`'s whole bundle) starts with
//! [`FORMAT_VERSION`], checked by [`decode_versioned`] before the rest is
//! trusted, and fails with a [`BundleError`] that says which way it is wrong.

/// Bumped whenever the layout of [`Bundle`] or anything inside it changes.
pub const FORMAT_VERSION: u32 = 13;

/// A bundle, index or basemap file could not be read back.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum BundleError {
    #[error("the file is damaged ({0})")]
    Damaged(String),
    #[error("the file has format {found}; this build reads format {expected}")]
    WrongVersion { found: u32, expected: u32 },
    #[error("the file does not belong to this corpus index ({0})")]
    Foreign(String),
}

/// Reads a postcard file whose first field is its format version.
pub(crate) fn decode_versioned<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
) -> Result<T, BundleError> {
    let (version, _) =
        postcard::take_from_bytes::<u32>(bytes).map_err(|e| BundleError::Damaged(e.to_string()))?;
    if version != FORMAT_VERSION {
        return Err(BundleError::WrongVersion {
            found: version,
            expected: FORMAT_VERSION,
        });
    }
    postcard::from_bytes(bytes).map_err(|e| BundleError::Damaged(e.to_string()))
}
