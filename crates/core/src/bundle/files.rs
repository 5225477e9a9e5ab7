//! The compact binary form of the linked corpus and the projected basemap.
//!
//! `atlas dist` builds the [`Corpus`] with this crate and writes the widget's
//! [`Bundle`] as two postcard files (a compact, serde-based format:
//! <https://postcard.jamesmunns.com>) beside the wasm: the [`Index`] (the
//! corpus, the features' marks and the view that fits them), which changes
//! with every article, and the [`BasemapLayer`] (countries, lakes, rivers),
//! which does not, so a browser keeps it cached when articles are added. The
//! widget fetches both and joins them once per page. Both sides use these
//! types, so they cannot drift apart; each file starts with its format
//! version, checked before the rest is trusted. (`build.rs` writes the whole
//! bundle in one file for the widget's tests.)

use serde::{Deserialize, Serialize};

use crate::bundle::format::{BundleError, FORMAT_VERSION, decode_versioned};
use crate::bundle::map::{MapData, Mark, Shape};
use crate::bundle::shard::TextShards;
use crate::evidence::corpus::Corpus;
use crate::evidence::gazetteer::ShowProposals;
use crate::geo::basemap::Basemap;
use crate::geo::viewport::SvgRect;
use crate::reader::host_names::HostNames;
use crate::reader::search::SearchIndex;

/// Everything the widget knows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub format_version: u32,
    pub corpus: Corpus,
    /// The basemap and the features, projected to SVG.
    pub map: MapData,
    /// Names, aliases and cited sentences by folded word; built for the
    /// widget ([`Bundle::for_widget`]), empty before.
    pub search: SearchIndex,
    /// The features' names and aliases as the matcher's stems, for a text
    /// outside the corpus; built with the search.
    pub host_names: HostNames,
}

/// The corpus file: what changes when an article is added.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub format_version: u32,
    pub corpus: Corpus,
    /// Parallel to the corpus's features.
    pub marks: Vec<Mark>,
    pub fit: SvgRect,
    /// Where the articles' texts are, when not in `corpus` itself.
    pub texts: TextShards,
    pub search: SearchIndex,
    pub host_names: HostNames,
    /// The file holding what a click needs ([`crate::bundle::details`]);
    /// empty when the index carries it itself.
    pub details: String,
}

/// The basemap file: the same for every corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BasemapLayer {
    pub format_version: u32,
    pub attribution: String,
    pub countries: Vec<Shape>,
    pub lakes: Vec<Shape>,
    pub rivers: Vec<Shape>,
    pub bounds: SvgRect,
}

impl Index {
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("an Index holds only strings, numbers and vectors")
    }

    pub fn decode(bytes: &[u8]) -> Result<Index, BundleError> {
        decode_versioned(bytes)
    }
}

impl BasemapLayer {
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a BasemapLayer holds only strings and numbers")
    }

    pub fn decode(bytes: &[u8]) -> Result<BasemapLayer, BundleError> {
        decode_versioned(bytes)
    }
}

impl Bundle {
    /// The two files `atlas dist` writes.
    pub fn split(self) -> (Index, BasemapLayer) {
        let m = self.map;
        let index = Index {
            format_version: FORMAT_VERSION,
            corpus: self.corpus,
            marks: m.marks,
            fit: m.fit,
            texts: TextShards::default(),
            search: self.search,
            host_names: self.host_names,
            details: String::new(),
        };
        let basemap = BasemapLayer {
            format_version: FORMAT_VERSION,
            attribution: m.attribution,
            countries: m.countries,
            lakes: m.lakes,
            rivers: m.rivers,
            bounds: m.bounds,
        };
        (index, basemap)
    }

    /// The bundle again from its two files; `None` when the index's marks
    /// do not match its features (files from two different builds).
    pub fn join(index: Index, basemap: BasemapLayer) -> Option<Bundle> {
        if index.marks.len() != index.corpus.features.len() {
            return None;
        }
        Some(Bundle {
            format_version: FORMAT_VERSION,
            corpus: index.corpus,
            map: MapData {
                attribution: basemap.attribution,
                countries: basemap.countries,
                lakes: basemap.lakes,
                rivers: basemap.rivers,
                marks: index.marks,
                bounds: basemap.bounds,
                fit: index.fit,
            },
            search: index.search,
            host_names: index.host_names,
        })
    }

    /// The corpus as the widget and the static fallback draw it: with its
    /// proposals ([`crate::evidence::proposals::adopt`]) unless the corpus
    /// says `proposals = "hidden"`.
    pub fn new(corpus: Corpus, basemap: &Basemap) -> Bundle {
        let corpus = match corpus.gazetteer.proposals {
            ShowProposals::Shown => crate::evidence::proposals::adopt(corpus),
            ShowProposals::Hidden => corpus,
        };
        let map = MapData::build(basemap, &corpus);
        Bundle {
            format_version: FORMAT_VERSION,
            corpus,
            map,
            search: SearchIndex::default(),
            host_names: HostNames::default(),
        }
    }

    /// The bundle without what the widget never shows: the gazetteer entries
    /// no article cites (the places layer alone has hundreds), each kept
    /// entry's aliases, rules and context (used only for matching, already
    /// done) and coordinate provenance (in `corpus/gazetteer.toml` and `atlas
    /// export`), the terms, and the articles' parse warnings (`atlas check`
    /// prints them). Keeps the index small; `atlas dist` splits this into the widget's files.
    pub fn for_widget(mut self) -> Bundle {
        let mut entries = Vec::with_capacity(self.corpus.features.len());
        for (index, feature) in self.corpus.features.iter_mut().enumerate() {
            let mut entry = self.corpus.gazetteer.entries[feature.entry].clone();
            entry.provenance.clear();
            entry.rules.clear();
            entry.context.clear();
            entries.push(entry);
            feature.entry = index;
        }
        self.corpus.gazetteer.entries = entries;
        // Searched by their aliases too, which then stay out of the widget.
        self.search = SearchIndex::build(&self.corpus);
        self.host_names = HostNames::build(&self.corpus);
        for entry in &mut self.corpus.gazetteer.entries {
            entry.aliases = Default::default();
        }
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
        decode_versioned(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::fixtures::osh_bundle;

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
        // Smaller but for the search index and the names for the host's
        // text, which only the widget carries.
        assert!(!slim.search.words.is_empty());
        assert!(!slim.host_names.phrases.is_empty());
        let mut unsearched = slim.clone();
        unsearched.search = Default::default();
        unsearched.host_names = Default::default();
        assert!(unsearched.encode().len() < full.encode().len());
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
    fn splits_into_index_and_basemap_and_joins_again() {
        let bundle = sample();
        let (index, basemap) = bundle.clone().split();
        let (index, basemap) = (
            Index::decode(&index.encode()).unwrap(),
            BasemapLayer::decode(&basemap.encode()).unwrap(),
        );
        assert_eq!(index.corpus, bundle.corpus);
        assert_eq!(basemap.countries, bundle.map.countries);
        assert_eq!(Bundle::join(index.clone(), basemap.clone()), Some(bundle));
        let mut other = index;
        other.marks.push(Mark::Unlocated);
        assert_eq!(Bundle::join(other, basemap), None);
    }

    #[test]
    fn a_bad_index_or_basemap_file_is_an_error() {
        let (index, basemap) = sample().split();
        let (i, b) = (index.encode(), basemap.encode());
        assert!(matches!(
            Index::decode(&i[..i.len() / 2]),
            Err(BundleError::Damaged(_))
        ));
        assert!(matches!(
            BasemapLayer::decode(&b[..b.len() - 1]),
            Err(BundleError::Damaged(_))
        ));
        // One file read as the other.
        assert!(Index::decode(&b).is_err());
        let mut old = sample().split().0;
        old.format_version = FORMAT_VERSION - 1;
        assert_eq!(
            Index::decode(&old.encode()).unwrap_err(),
            BundleError::WrongVersion {
                found: FORMAT_VERSION - 1,
                expected: FORMAT_VERSION
            }
        );
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
