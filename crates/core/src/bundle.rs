//! The compact binary form of the linked corpus that the widget embeds.
//!
//! The widget's `build.rs` builds the [`Corpus`] with this crate, encodes a
//! [`Bundle`] with postcard (a compact, serde-based format:
//! <https://postcard.jamesmunns.com>), and the widget decodes it once at
//! start-up. Both sides use these types, so they cannot drift apart.

use serde::{Deserialize, Serialize};

use crate::basemap::Basemap;
use crate::corpus::Corpus;
use crate::map::MapData;

/// Bumped whenever the layout of [`Bundle`] or anything inside it changes.
pub const FORMAT_VERSION: u32 = 4;

/// Everything the widget knows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub format_version: u32,
    pub corpus: Corpus,
    /// The basemap and the features, projected to SVG.
    pub map: MapData,
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
    pub fn new(corpus: Corpus, basemap: &Basemap) -> Bundle {
        let map = MapData::build(basemap, &corpus);
        Bundle {
            format_version: FORMAT_VERSION,
            corpus,
            map,
        }
    }

    /// The bundle without what the widget never shows: the gazetteer entries
    /// no article cites (the places layer alone has hundreds), each kept
    /// entry's aliases, rules and context (used only for matching, already
    /// done) and coordinate provenance (in `corpus/gazetteer.toml` and `atlas
    /// export`), the terms, and the articles' parse warnings (`atlas check`
    /// prints them). Keeps the wasm small; the widget's `build.rs` embeds this.
    pub fn for_widget(mut self) -> Bundle {
        let mut entries = Vec::with_capacity(self.corpus.features.len());
        for (index, feature) in self.corpus.features.iter_mut().enumerate() {
            let mut entry = self.corpus.gazetteer.entries[feature.entry].clone();
            entry.aliases = Default::default();
            entry.provenance.clear();
            entry.rules.clear();
            entry.context.clear();
            entries.push(entry);
            feature.entry = index;
        }
        self.corpus.gazetteer.entries = entries;
        self.corpus.gazetteer.terms.clear();
        for article in &mut self.corpus.articles {
            article.warnings.clear();
        }
        self
    }

    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a Bundle holds only strings, numbers and vectors")
    }

    pub fn decode(bytes: &[u8]) -> Result<Bundle, BundleError> {
        // The version comes first, so it can be checked before the rest is trusted.
        let (version, _) = postcard::take_from_bytes::<u32>(bytes)
            .map_err(|e| BundleError::Damaged(e.to_string()))?;
        if version != FORMAT_VERSION {
            return Err(BundleError::WrongVersion {
                found: version,
                expected: FORMAT_VERSION,
            });
        }
        postcard::from_bytes(bytes).map_err(|e| BundleError::Damaged(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::osh_bundle;

    fn sample() -> Bundle {
        osh_bundle("Ош мемлекеттік университеті.")
    }

    #[test]
    fn round_trips() {
        let bundle = sample();
        assert_eq!(bundle.corpus.features.len(), 1);
        assert_eq!(Bundle::decode(&bundle.encode()).unwrap(), bundle);
    }

    #[test]
    fn the_widget_bundle_keeps_names_notes_and_citations() {
        let full = sample();
        let slim = full.clone().for_widget();
        assert!(slim.encode().len() < full.encode().len());
        let (a, b) = (&full.corpus, &slim.corpus);
        assert_eq!(
            a.features.iter().map(|f| &f.citations).collect::<Vec<_>>(),
            b.features.iter().map(|f| &f.citations).collect::<Vec<_>>()
        );
        assert_eq!(b.gazetteer.entries.len(), b.features.len());
        for (fa, fb) in a.features.iter().zip(&b.features) {
            assert_eq!(a.entry(fa).id, b.entry(fb).id);
        }
        assert_eq!(a.articles[0].text, b.articles[0].text);
        for (x, y) in a.gazetteer.entries.iter().zip(&b.gazetteer.entries) {
            assert_eq!(
                (&x.id, &x.name, &x.location_note),
                (&y.id, &y.name, &y.location_note)
            );
            assert!(y.provenance.is_empty());
        }
        assert_eq!(full.map, slim.map);
    }

    #[test]
    fn truncated_bytes_are_reported_not_panicked() {
        let bytes = sample().encode();
        for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
            assert!(
                matches!(Bundle::decode(&bytes[..cut]), Err(BundleError::Damaged(_))),
                "{cut}"
            );
        }
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
