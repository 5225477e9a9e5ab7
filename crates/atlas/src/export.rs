//! GeoJSON export (RFC 7946): one Feature per cited gazetteer entry, the
//! shape `bilateral_core::data` documents (the widget's "Get the data"
//! writes the same, for the features it shows). The engine's proposals are
//! in it whatever the corpus's `proposals` setting, marked
//! `"status": "proposed"`: an editor reviews them from here.

use bilateral_core::Corpus;

pub fn feature_collection(corpus: Corpus) -> String {
    let corpus = &bilateral_core::proposals::adopt(corpus);
    let all: Vec<usize> = (0..corpus.features.len()).collect();
    bilateral_core::data::geojson(corpus, &all)
}
