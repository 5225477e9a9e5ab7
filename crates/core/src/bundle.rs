//! The compact binary form of the corpus that the widget embeds.
//!
//! `build.rs` of the widget reads the corpus with this crate, encodes a
//! [`Bundle`] with postcard (a compact, serde-based format:
//! <https://postcard.jamesmunns.com>) and the widget decodes it once at
//! start-up. Both sides use these types, so they cannot drift apart.

use serde::{Deserialize, Serialize};

use crate::source::SourceFile;

/// Bumped whenever the layout of [`Bundle`] changes.
pub const FORMAT_VERSION: u32 = 1;

/// Everything the widget knows about the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    pub format_version: u32,
    pub articles: Vec<BundleArticle>,
}

/// One article as the widget carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleArticle {
    pub id: String,
    /// The article's text exactly as in its file, so citations can point into it.
    pub text: String,
}

/// The embedded bundle could not be read back.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum BundleError {
    #[error("corpus bundle is damaged: {0}")]
    Damaged(String),
    #[error("corpus bundle has format {found}, this build reads format {expected}")]
    WrongVersion { found: u32, expected: u32 },
}

impl Bundle {
    /// Builds the bundle from the files read by [`crate::source::load_dir`].
    pub fn from_sources(files: &[SourceFile]) -> Bundle {
        Bundle {
            format_version: FORMAT_VERSION,
            articles: files
                .iter()
                .map(|f| BundleArticle {
                    id: f.id.clone(),
                    text: f.text.clone(),
                })
                .collect(),
        }
    }

    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a Bundle only holds strings and integers")
    }

    pub fn decode(bytes: &[u8]) -> Result<Bundle, BundleError> {
        let bundle: Bundle =
            postcard::from_bytes(bytes).map_err(|e| BundleError::Damaged(e.to_string()))?;
        if bundle.format_version != FORMAT_VERSION {
            return Err(BundleError::WrongVersion {
                found: bundle.format_version,
                expected: FORMAT_VERSION,
            });
        }
        Ok(bundle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn sample() -> Bundle {
        Bundle::from_sources(&[SourceFile {
            id: "osh".into(),
            path: PathBuf::from("osh.txt"),
            text: "Ош мемлекеттік университеті".into(),
        }])
    }

    #[test]
    fn round_trips() {
        let bundle = sample();
        assert_eq!(Bundle::decode(&bundle.encode()).unwrap(), bundle);
    }

    #[test]
    fn truncated_bytes_are_reported_not_panicked() {
        let bytes = sample().encode();
        let err = Bundle::decode(&bytes[..bytes.len() - 3]).unwrap_err();
        assert!(matches!(err, BundleError::Damaged(_)));
    }

    #[test]
    fn another_format_version_is_refused() {
        let mut bundle = sample();
        bundle.format_version = FORMAT_VERSION + 1;
        let err = Bundle::decode(&bundle.encode()).unwrap_err();
        assert_eq!(
            err,
            BundleError::WrongVersion {
                found: FORMAT_VERSION + 1,
                expected: FORMAT_VERSION
            }
        );
    }
}
