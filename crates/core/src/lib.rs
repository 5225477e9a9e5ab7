//! `bilateral-core`: everything bilateral-map knows that is not the web page.
//!
//! Its rooms, by stage, each reading only the rooms before it:
//! - [`text`]: article files read and cut into paragraphs, sentences and
//!   words, every offset a byte of the original file;
//! - [`geo`]: coordinates, projection, viewport, basemap, labels, clusters;
//! - [`evidence`]: the gazetteer, the places layer and the matcher, which link
//!   each feature to the sentences that cite it (the [`Corpus`]);
//! - [`reader`]: search, the host page's names, the timeline, links to the
//!   sentence at the source, the data download, the shared UI words;
//! - [`bundle`]: the compact binary files the widget fetches.
//!
//! It has no web dependencies, so all of it is tested natively with
//! `cargo test`.
//!
//! The modules are also re-exported at the top (`bilateral_core::mention`,
//! `bilateral_core::lang`…): the crate's public paths from before it had
//! rooms, which the widget, `atlas` and the tests use.

pub mod bundle;
pub mod evidence;
pub mod geo;
pub mod reader;
pub mod text;

#[cfg(any(test, feature = "fixtures"))]
pub use bundle::fixtures;
pub use bundle::{BasemapLayer, Bundle, BundleError, Index, details, layout, map, scope, shard};
pub use evidence::citation::{Citation, Feature};
pub use evidence::corpus::{Corpus, CorpusError, FileError};
pub use evidence::{
    candidates, corpus, cue, decisions, event, found, gazetteer, guard, mention, places, proposals,
    role, rule,
};
pub use geo::{basemap, cluster, edge, frame, labels, path, projection, viewport};
pub use reader::{data, dates, fragment, host_names, search, timeline, ui};
pub use text::source::{SourceError, SourceFile, load_dir};
pub use text::{article, boilerplate, compact, lang, names, sentence, source, words};
