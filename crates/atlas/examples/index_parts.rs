//! What the widget's index carries, part by part, for a folder of articles:
//! `cargo run --release -p atlas --example index_parts -- DIR` prints each
//! part's postcard bytes, raw and gzipped (-9), as `atlas dist` would ship
//! them before the details ([`bilateral_core::details`]) were split off:
//! the measurement that decided the split (README, *A corpus that grows,
//! measured*).

use std::io::Write;
use std::path::Path;

use bilateral_core::{Bundle, Corpus};

fn gzipped(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).expect("in memory");
    e.finish().expect("in memory").len()
}

fn row<T: serde::Serialize>(what: &str, part: &T) {
    let bytes = postcard::to_allocvec(part).expect("serializable");
    println!("| {what} | {} | {} |", bytes.len(), gzipped(&bytes));
}

fn main() -> Result<(), String> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: index_parts ARTICLES_DIR")?;
    let corpus = Corpus::load_decided(Path::new(&dir), Path::new("corpus/gazetteer.toml"), None)
        .map_err(|e| e.to_string())?;
    let basemap = bilateral_core::basemap::Basemap::load(Path::new("corpus/basemap.json"))
        .map_err(|e| e.to_string())?;
    let (mut index, _) = Bundle::new(corpus, &basemap).for_widget().split();
    index.corpus.take_texts();
    let c = &index.corpus;
    println!(
        "{} articles, {} features",
        c.articles.len(),
        c.features.len()
    );
    println!("| part | raw | gzipped |\n|---|---|---|");
    row("the whole index, texts in shards", &index);
    row(
        "excerpts (the quotes)",
        &c.articles.iter().map(|a| &a.excerpts).collect::<Vec<_>>(),
    );
    row(
        "titles",
        &c.articles.iter().map(|a| &a.title).collect::<Vec<_>>(),
    );
    row(
        "addresses and outlets",
        &c.articles
            .iter()
            .map(|a| (&a.url, &a.source))
            .collect::<Vec<_>>(),
    );
    row("ids", &c.articles.iter().map(|a| &a.id).collect::<Vec<_>>());
    row(
        "dates, languages",
        &c.articles
            .iter()
            .map(|a| (&a.date, &a.lang))
            .collect::<Vec<_>>(),
    );
    row("features and their citations", &c.features);
    row("cited gazetteer entries", &c.gazetteer);
    row("same-event links", &c.events);
    row("marks (the features' SVG)", &index.marks);
    row("search words", &index.search);
    row("host-text names", &index.host_names);
    Ok(())
}
