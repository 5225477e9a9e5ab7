//! `atlas eval MANIFEST`: how well the engine reads real articles it was not
//! written for, measured against a reader's labels.
//!
//! The manifest (format: `shared/eval/README.md`) names articles by id, each
//! with the features a careful reader expects (`expect`) and those that must
//! not be linked (`must_not`), under short English keys. `eval/keys.toml` maps
//! keys to gazetteer ids (`[keys]`, `key = "id"`); a key that is itself an id
//! maps to it; any other key is a miss, never a pass. The article texts are
//! read from `--articles` (`ID.txt`, matched without regard to case): they are
//! third-party texts, kept out of the repository.
//!
//! An article *links* a feature when it has a citation of it that is not a
//! town merely mentioned in passing ([`bilateral_core::Citation::links`]),
//! and it links a proposal ([`bilateral_core::proposals`]) when one of the
//! proposal's sightings is in it. A manifest's `new` feature (one the
//! gazetteer lacks) is a hit only through a proposal or a curated entry, and
//! strictly: `eval/keys.toml` maps its key to the one id it must be, a
//! proposal's `proposed-KIND-ANCHOR` (the kind and the place the manifest's
//! `where` gives) or a curated entry's id. A proposal that no key expects
//! is a wrong link, like any other unexpected project.
//! - hit: an expected feature linked; miss: an expected feature not linked;
//! - wrong: a linked feature listed in `must_not`, or linked while neither
//!   expected nor a place (a town or lake named in passing is reported as
//!   "also", for a reader to judge, and not counted);
//! - recall = hits / expected, precision = hits / (hits + wrong).
//!
//! A manifest article with no text in the folder is reported and left out of
//! the figures (its count is printed).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;
use std::path::Path;

use bilateral_core::Corpus;
use bilateral_core::gazetteer::EntryKind;
use bilateral_core::mention::Matcher;
use bilateral_core::proposals::{Proposal, propose};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Manifest {
    pub articles: BTreeMap<String, Labelled>,
}

#[derive(Deserialize)]
pub struct Labelled {
    pub lang: String,
    #[serde(default)]
    pub expect: Vec<Expected>,
    #[serde(default)]
    pub must_not: Vec<Forbidden>,
}

#[derive(Deserialize)]
pub struct Expected {
    pub feature: String,
    #[serde(default)]
    pub what: String,
    /// A feature the gazetteer lacked when the manifest was written.
    #[serde(default)]
    pub new: bool,
}

#[derive(Deserialize)]
pub struct Forbidden {
    pub feature: String,
    #[serde(default)]
    pub why: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Keys {
    #[serde(default)]
    pub keys: HashMap<String, String>,
}

/// The open world's figures: `new` features found (through a proposal or a
/// curated entry), and proposals made in the manifest's articles that a key
/// expects.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Open {
    pub new_expected: usize,
    pub new_hits: usize,
    pub proposed: usize,
    pub proposed_expected: usize,
}

/// Hits, expected and wrong links, summed.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Tally {
    pub hits: usize,
    pub expected: usize,
    pub wrong: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.hits += other.hits;
        self.expected += other.expected;
        self.wrong += other.wrong;
    }

    pub fn recall(&self) -> f64 {
        ratio(self.hits, self.expected)
    }

    pub fn precision(&self) -> f64 {
        ratio(self.hits, self.hits + self.wrong)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// The report `atlas eval` prints, and the overall tally.
pub fn report(manifest: &Manifest, keys: &Keys, corpus: &Corpus) -> (String, Tally) {
    let mut out = String::new();
    let ids: HashMap<String, usize> = corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.to_lowercase(), i))
        .collect();
    let map = |key: &str| -> Option<String> {
        keys.keys
            .get(key)
            .cloned()
            .or_else(|| corpus.gazetteer.get(key).map(|e| e.id.clone()))
    };
    let proposals = propose(corpus, &Matcher::new(&corpus.gazetteer));
    let mut total = Tally::default();
    let mut open = Open::default();
    let mut by_lang: BTreeMap<String, Tally> = BTreeMap::new();
    let mut missing = Vec::new();
    for (name, labels) in &manifest.articles {
        let Some(&index) = ids.get(&name.to_lowercase()) else {
            missing.push(name.as_str());
            continue;
        };
        let (text, tally) = one(name, labels, index, corpus, &proposals, &map);
        for e in labels.expect.iter().filter(|e| e.new) {
            open.new_expected += 1;
            let found = map(&e.feature).is_some_and(|id| {
                corpus.features_linked_by(index).contains(&id.as_str())
                    || proposals
                        .iter()
                        .any(|p| p.id == id && p.sightings.iter().any(|s| s.article == index))
            });
            open.new_hits += usize::from(found);
        }
        for p in proposals
            .iter()
            .filter(|p| p.sightings.iter().any(|s| s.article == index))
        {
            open.proposed += 1;
            let expected = labels
                .expect
                .iter()
                .any(|e| map(&e.feature).as_deref() == Some(&p.id));
            open.proposed_expected += usize::from(expected);
        }
        out.push_str(&text);
        total.add(tally);
        by_lang.entry(labels.lang.clone()).or_default().add(tally);
    }
    if !missing.is_empty() {
        let _ = writeln!(
            out,
            "no text for {} article(s), left out: {}",
            missing.len(),
            missing.join(", ")
        );
    }
    for (lang, t) in &by_lang {
        let _ = writeln!(
            out,
            "{lang}: recall {:.2} ({}/{}), precision {:.2}, wrong {}",
            t.recall(),
            t.hits,
            t.expected,
            t.precision(),
            t.wrong
        );
    }
    if open.new_expected > 0 || open.proposed > 0 {
        let _ = writeln!(
            out,
            "new features found: {}/{}; proposals expected by a key: {}/{}",
            open.new_hits, open.new_expected, open.proposed_expected, open.proposed
        );
    }
    let _ = writeln!(
        out,
        "recall {:.2}, precision {:.2}, wrong {}",
        total.recall(),
        total.precision(),
        total.wrong
    );
    (out, total)
}

/// One article's lines and tally.
fn one(
    name: &str,
    labels: &Labelled,
    index: usize,
    corpus: &Corpus,
    proposals: &[Proposal],
    map: &dyn Fn(&str) -> Option<String>,
) -> (String, Tally) {
    let mut out = String::new();
    let mut linked = corpus.features_linked_by(index);
    linked.extend(
        proposals
            .iter()
            .filter(|p| p.sightings.iter().any(|s| s.article == index))
            .map(|p| p.id.as_str()),
    );
    let expected: Vec<(Option<String>, &Expected)> =
        labels.expect.iter().map(|e| (map(&e.feature), e)).collect();
    let mut tally = Tally {
        expected: expected.len(),
        ..Tally::default()
    };
    let mut lines = Vec::new();
    for (id, e) in &expected {
        match id {
            Some(id) if linked.contains(&id.as_str()) => tally.hits += 1,
            Some(id) => lines.push(format!("  miss: {} ({id}): {}", e.feature, e.what)),
            None => lines.push(format!(
                "  miss: {} (no gazetteer id): {}",
                e.feature, e.what
            )),
        }
    }
    let forbidden: Vec<(Option<String>, &Forbidden)> = labels
        .must_not
        .iter()
        .map(|f| (map(&f.feature), f))
        .collect();
    for &id in &linked {
        if let Some((_, f)) = forbidden.iter().find(|(m, _)| m.as_deref() == Some(id)) {
            tally.wrong += 1;
            lines.push(format!("  wrong: {id} (must not: {})", f.why));
        } else if !expected.iter().any(|(m, _)| m.as_deref() == Some(id)) {
            let place = corpus
                .gazetteer
                .get(id)
                .is_some_and(|e| e.kind == EntryKind::Place);
            if place {
                lines.push(format!("  also: {id}"));
            } else {
                tally.wrong += 1;
                lines.push(format!("  wrong: {id} (not expected)"));
            }
        }
    }
    let _ = writeln!(
        out,
        "{name} {}  hits {}/{}  wrong {}",
        labels.lang, tally.hits, tally.expected, tally.wrong
    );
    for l in lines {
        let _ = writeln!(out, "{l}");
    }
    (out, tally)
}

/// Reads the manifest and the keys file; errors name the file.
pub fn load(manifest: &Path, keys: &Path) -> Result<(Manifest, Keys), String> {
    let text = std::fs::read_to_string(manifest)
        .map_err(|e| format!("{}: cannot read: {e}", manifest.display()))?;
    let manifest: Manifest = serde_json::from_str(&text)
        .map_err(|e| format!("{}:{}: {}", manifest.display(), e.line(), e))?;
    let keys = if keys.exists() {
        let text = std::fs::read_to_string(keys)
            .map_err(|e| format!("{}: cannot read: {e}", keys.display()))?;
        toml::from_str(&text).map_err(|e| format!("{}: {}", keys.display(), e.message()))?
    } else {
        Keys::default()
    };
    Ok((manifest, keys))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios() {
        let t = Tally {
            hits: 3,
            expected: 4,
            wrong: 1,
        };
        assert_eq!(t.recall(), 0.75);
        assert_eq!(t.precision(), 0.75);
        assert_eq!(Tally::default().precision(), 1.0);
    }

    fn corpus(text: &str) -> Corpus {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let g = bilateral_core::gazetteer::Gazetteer::load(&root.join("corpus/gazetteer.toml"))
            .expect("the shipped gazetteer is valid");
        let a = bilateral_core::article::parse_text("x1", Path::new("x1.txt"), text)
            .expect("the text parses");
        Corpus::link(vec![a], g)
    }

    fn manifest(json: &str) -> Manifest {
        serde_json::from_str(json).expect("a valid manifest")
    }

    /// A `new` feature is found only through the proposal its key names.
    #[test]
    fn a_new_feature_is_a_hit_through_its_proposal_only() {
        let c = corpus(
            "Officials discussed the modernization of the Bishkek heat and power plant with Kazakh coal.",
        );
        let m = manifest(
            r#"{"articles": {"X1": {"lang": "en", "expect": [{"feature": "bishkek-chp", "new": true}]}}}"#,
        );
        let mut keys = Keys::default();
        let (_, unmapped) = report(&m, &keys, &c);
        assert_eq!(
            (unmapped.hits, unmapped.wrong),
            (0, 1),
            "no key: a miss, and the proposal is wrong"
        );
        keys.keys
            .insert("bishkek-chp".into(), "proposed-chp-bishkek".into());
        let (text, mapped) = report(&m, &keys, &c);
        assert_eq!(
            (mapped.hits, mapped.expected, mapped.wrong),
            (1, 1, 0),
            "{text}"
        );
        assert!(
            text.contains("new features found: 1/1; proposals expected by a key: 1/1"),
            "{text}"
        );
        keys.keys
            .insert("bishkek-chp".into(), "proposed-chp-osh".into());
        assert_eq!(
            report(&m, &keys, &c).1.hits,
            0,
            "another proposal id is a miss"
        );
    }
}
