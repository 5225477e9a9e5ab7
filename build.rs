//! Builds the linked corpus from `corpus/` with `bilateral-core`, projects it and
//! the basemap (`corpus/basemap.json`) to SVG, and writes the compact bundle to
//! `$OUT_DIR/corpus.bin` for the widget's tests (native and `wasm-pack test`).
//! The distributable's wasm does not include it: `atlas dist` writes the same
//! bundle beside the wasm as `corpus-HASH.bin`. A corpus error fails the
//! build with the same lines `atlas check` prints.

use std::path::Path;

use bilateral_core::basemap::Basemap;
use bilateral_core::{Bundle, Corpus};

fn main() {
    println!("cargo::rerun-if-changed=corpus");
    // Cargo runs build scripts in the package root, so these relative paths
    // name files exactly as `atlas check` run from the repository root does.
    // The editor's decisions (corpus/decisions.toml) apply here as in
    // `atlas check`, `atlas export` and `atlas dist`.
    let corpus = match Corpus::load_decided(
        Path::new("corpus/articles"),
        Path::new("corpus/gazetteer.toml"),
        Some(Path::new("corpus/decisions.toml")),
    ) {
        Ok(corpus) => corpus,
        Err(e) => {
            for line in e.to_string().lines() {
                eprintln!("error: {line}");
            }
            std::process::exit(1);
        }
    };
    let basemap = match Basemap::load(Path::new("corpus/basemap.json")) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let bytes = Bundle::new(corpus, &basemap).for_widget().encode();
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.bin");
    std::fs::write(&out, bytes).expect("OUT_DIR is writable");
}
