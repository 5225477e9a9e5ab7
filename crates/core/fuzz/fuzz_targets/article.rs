//! Any bytes through the whole article pipeline: decode as a corpus file,
//! parse, find mentions with the shipped gazetteer. It must never panic, and
//! every sentence and mention span must lie on character boundaries inside
//! the text.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use bilateral_core::article;
use bilateral_core::gazetteer::Gazetteer;
use bilateral_core::mention::Matcher;
use bilateral_core::source::decode;
use libfuzzer_sys::fuzz_target;

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let text = include_str!("../../../../corpus/gazetteer.toml");
        let places = include_str!("../../../../corpus/places.tsv");
        Gazetteer::parse_with(Path::new("gazetteer.toml"), text, |_| {
            Ok((PathBuf::from("places.tsv"), places.to_string()))
        })
        .expect("valid")
    })
}

fn matcher() -> &'static Matcher<'static> {
    static MATCHER: OnceLock<Matcher<'static>> = OnceLock::new();
    MATCHER.get_or_init(|| Matcher::new(gazetteer()))
}

fuzz_target!(|data: &[u8]| {
    let Ok(file) = decode(Path::new("fuzz.txt"), data.to_vec()) else {
        return;
    };
    let Ok(article) = article::parse(&file) else {
        return;
    };
    for s in &article.sentences {
        assert!(article.text.get(s.span.start..s.span.end).is_some());
    }
    for m in matcher().find(&article) {
        assert!(article.text.get(m.span.start..m.span.end).is_some());
        assert!(article.sentences[m.sentence].span.contains(m.span));
        assert!(m.first <= m.sentence && m.sentence <= m.last && m.last < article.sentences.len());
    }
});
