//! `bilateral-core`: everything bilateral-map knows that is not the web page.
//!
//! It reads the corpus of news articles ([`source`], [`article`]), finds the
//! gazetteer's places and projects in their sentences ([`gazetteer`],
//! [`mention`]), links each feature to the sentences that cite it ([`corpus`]),
//! and packs the result into one compact binary [`bundle`] at build time. It has no web
//! dependencies, so all of it is tested natively with `cargo test`.

pub mod article;
pub mod basemap;
pub mod boilerplate;
pub mod bundle;
pub mod candidates;
pub mod cluster;
pub mod compact;
pub mod corpus;
pub mod cue;
pub mod data;
pub mod event;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
pub mod found;
pub mod fragment;
pub mod gazetteer;
pub mod geo;
pub mod guard;
pub mod host_names;
pub mod labels;
pub mod lang;
pub mod map;
pub mod mention;
pub mod names;
pub mod places;
pub mod projection;
pub mod role;
pub mod rule;
pub mod scope;
pub mod search;
pub mod sentence;
pub mod shard;
pub mod source;
pub mod text;
pub mod timeline;
pub mod ui;
pub mod viewport;
pub mod words;

pub use bundle::{BasemapLayer, Bundle, BundleError, Index};
pub use corpus::{Citation, Corpus, CorpusError, Feature, FileError};
pub use source::{SourceError, SourceFile, load_dir};
