//! `bilateral-core`: everything bilateral-map knows that is not the web page.
//!
//! It reads the corpus of news articles ([`source`]) and packs what the widget
//! needs into one compact binary [`bundle`] at build time. It has no web
//! dependencies, so all of it is tested natively with `cargo test`.

pub mod article;
pub mod boilerplate;
pub mod bundle;
pub mod gazetteer;
pub mod geo;
pub mod lang;
pub mod mention;
pub mod sentence;
pub mod source;
pub mod text;

pub use bundle::{Bundle, BundleArticle, BundleError};
pub use source::{SourceError, SourceFile, load_dir};
