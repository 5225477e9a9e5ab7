//! Small bundles for unit tests: one gazetteer entry (Osh, GeoNames point)
//! and one article ([`crate::evidence::corpus::osh_corpus`]), over an empty
//! basemap.

use crate::bundle::files::Bundle;
use crate::evidence::corpus::osh_corpus;
use crate::geo::basemap::Basemap;

/// A bundle of one article with `text`, linked to a gazetteer holding only Osh.
pub fn osh_bundle(text: &str) -> Bundle {
    let basemap = Basemap {
        attribution: "Made with Natural Earth".into(),
        countries: Vec::new(),
        lakes: Vec::new(),
        rivers: Vec::new(),
    };
    Bundle::new(osh_corpus(text), &basemap)
}
