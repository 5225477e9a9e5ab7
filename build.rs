//! Reads `corpus/` with `bilateral-core` and writes the compact bundle that
//! `src/corpus.rs` embeds. A corpus error fails the build with the same
//! message `atlas check` prints.

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=corpus");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = match bilateral_core::load_dir(&root.join("corpus/articles")) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let bytes = bilateral_core::Bundle::from_sources(&files).encode();
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.bin");
    std::fs::write(&out, bytes).expect("OUT_DIR is writable");
}
