//! Small bundles for unit tests: one gazetteer entry (Osh, GeoNames point)
//! and one article, over an empty basemap.

use std::path::Path;

use crate::bundle::files::Bundle;
use crate::evidence::corpus::Corpus;
use crate::evidence::gazetteer::Gazetteer;
use crate::geo::basemap::Basemap;
use crate::text::article::parse_text;

/// A bundle of one article with `text`, linked to a gazetteer holding only Osh.
pub fn osh_bundle(text: &str) -> Bundle {
    let gazetteer = Gazetteer::parse(
        Path::new("g.toml"),
        "[[entry]]\nid = \"osh\"\nkind = \"place\"\ncategory = \"city\"\n\
         name = { ru = \"Ош\", kk = \"Ош\", en = \"Osh\" }\n\
         point = { lat = 40.52828, lon = 72.79850 }\nprovenance = \"GeoNames\"\n",
    )
    .expect("the fixture gazetteer is valid");
    let article = parse_text("a", Path::new("a.txt"), text).expect("the fixture article parses");
    let basemap = Basemap {
        attribution: "Made with Natural Earth".into(),
        countries: Vec::new(),
        lakes: Vec::new(),
        rivers: Vec::new(),
    };
    Bundle::new(Corpus::link(vec![article], gazetteer), &basemap)
}
