//! `atlas synth`: a generated corpus of any size, for `make bench-scale`,
//! whose texts are as costly to ship as real ones.
//!
//! Copies of the seed's sentences compress to almost nothing (an earlier
//! version of this generator cost 34 B gzipped per article in the index,
//! against 752 B for real articles), so each language's sentences are
//! instead walked as a word bigram chain (a first-order Markov chain over
//! the seed's words, the classic "travesty" generator: Hayes, *Scientific
//! American*, 1983): every sentence is new, and gzip finds only the short
//! repeats it finds in real prose. Article `i` takes the language, the
//! sentence count and the paragraph lengths of a seed article drawn by a
//! fixed linear congruential generator (as the criterion bench does), a
//! title from the same chain, a unique url and one of seven outlets; its
//! second paragraph names two gazetteer entries by their Russian names,
//! taken in turn over every located entry, so the features spread over the
//! whole gazetteer. The articles are dated evenly over 2021–2025. The
//! pipeline links the generated texts like any other: nothing here decides
//! what is cited.

use std::collections::BTreeMap;
use std::path::Path;

use bilateral_core::article::{self, Article};
use bilateral_core::compact::Lcg;
use bilateral_core::gazetteer::Gazetteer;
use bilateral_core::lang::Lang;
use bilateral_core::load_dir;

/// One step in `JUMP` draws any word of the language; the others follow
/// the chain.
const JUMP: usize = 2;

/// One language's seed prose: its words' successors, its sentence
/// starters, and its articles' shapes (sentences per paragraph).
#[derive(Default)]
struct Chain {
    next: BTreeMap<String, Vec<String>>,
    starts: Vec<String>,
    /// Every word as often as it occurs.
    all: Vec<String>,
    lengths: Vec<usize>,
    shapes: Vec<Vec<usize>>,
}

impl Chain {
    fn learn(&mut self, a: &Article) {
        let shape: Vec<usize> = a
            .paragraphs
            .iter()
            .map(|p| p.sentence_count)
            .filter(|&n| n > 0)
            .collect();
        for i in 0..a.sentences.len() {
            let words: Vec<&str> = a.sentence_text(i).split_whitespace().collect();
            if words.len() < 3 {
                continue;
            }
            self.starts.push(words[0].to_string());
            self.lengths.push(words.len());
            self.all.extend(words.iter().map(|w| w.to_string()));
            for w in words.windows(2) {
                self.next
                    .entry(w[0].to_string())
                    .or_default()
                    .push(w[1].to_string());
            }
        }
        if !shape.is_empty() {
            self.shapes.push(shape);
        }
    }

    /// A new sentence of about a seed sentence's length, ending at a full stop.
    fn sentence(&self, lcg: &mut Lcg) -> String {
        let len = self.lengths[lcg.below(self.lengths.len())];
        format!("{}.", self.words(lcg, len))
    }

    /// Up to `len` words walked from a sentence starter, without the
    /// punctuation at their end.
    fn words(&self, lcg: &mut Lcg, len: usize) -> String {
        let mut word = self.starts[lcg.below(self.starts.len())].clone();
        let mut out = word.clone();
        for _ in 1..len {
            // Half the steps jump to any word of the language: the seed
            // alone is too small a chain for runs gzip cannot find.
            let next = match self.next.get(&word) {
                Some(next) if lcg.below(JUMP) != 0 => next,
                _ => &self.all,
            };
            word = next[lcg.below(next.len())].clone();
            out.push(' ');
            out.push_str(&word);
        }
        out.trim_end_matches([',', ';', ':', '—', '–', '-', '.', '!', '?', ' ', '»', '"'])
            .to_string()
    }
}

/// Writes `count` articles `synth-NNNNN.txt` to `out` (created if missing).
pub fn write(seed_dir: &Path, gazetteer: &Path, count: usize, out: &Path) -> Result<usize, String> {
    let gazetteer = Gazetteer::load(gazetteer).map_err(|e| e.to_string())?;
    let files = load_dir(seed_dir).map_err(|e| e.to_string())?;
    let mut chains: BTreeMap<Lang, Chain> = BTreeMap::new();
    let mut langs = Vec::new();
    for file in &files {
        let a: Article = article::parse(file).map_err(|e| e.to_string())?;
        chains.entry(a.lang).or_default().learn(&a);
        langs.push(a.lang);
    }
    chains.retain(|_, c| !c.starts.is_empty() && !c.shapes.is_empty());
    langs.retain(|l| chains.contains_key(l));
    let names: Vec<&str> = gazetteer
        .entries
        .iter()
        .filter(|e| e.geometry.is_some())
        .map(|e| e.name.ru.as_str())
        .collect();
    if langs.is_empty() || names.is_empty() {
        return Err("no seed sentences or no located gazetteer entries".into());
    }
    std::fs::create_dir_all(out).map_err(|e| format!("{}: cannot create: {e}", out.display()))?;
    let mut lcg = Lcg::new();
    for i in 0..count {
        let lang = langs[lcg.below(langs.len())];
        let chain = &chains[&lang];
        let day = date(i * 1826 / count.max(1));
        let title_len = 6 + lcg.below(7);
        let title = chain.words(&mut lcg, title_len);
        let mut text = format!(
            "---\ndate: {day}\ntitle: {title}\nlang: {}\nurl: https://news{}.example/{}/{:08x}-{i:05}\nsource: Outlet {}\n---\n\n",
            lang.code(),
            i % 7,
            day.replace('-', "/"),
            lcg.below(1 << 30),
            i % 7 + 1
        );
        let shape = &chain.shapes[lcg.below(chain.shapes.len())];
        for (p, &n) in shape.iter().enumerate() {
            let mut para: Vec<String> = (0..n).map(|_| chain.sentence(&mut lcg)).collect();
            if p == 1 || (shape.len() == 1 && p == 0) {
                for k in 0..2 {
                    let name = names[(2 * i + k) % names.len()];
                    para.push(format!("На встрече обсуждали объект «{name}»."));
                }
            }
            text.push_str(&para.join(" "));
            text.push_str("\n\n");
        }
        let path = out.join(format!("synth-{i:05}.txt"));
        std::fs::write(&path, text)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    }
    Ok(count)
}

/// 2021-01-01 plus `days`, as YYYY-MM-DD (a Gregorian calendar walk).
fn date(days: usize) -> String {
    let (mut year, mut day) = (2021usize, days);
    loop {
        let len = if is_leap(year) { 366 } else { 365 };
        if day < len {
            break;
        }
        day -= len;
        year += 1;
    }
    let months = [
        31,
        if is_leap(year) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let mut month = 0;
    while day >= months[month] {
        day -= months[month];
        month += 1;
    }
    format!("{year:04}-{:02}-{:02}", month + 1, day + 1)
}

fn is_leap(y: usize) -> bool {
    (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_walk_the_calendar() {
        // Expected values from Python's datetime.date(2021, 1, 1) + timedelta(days=n).
        assert_eq!(date(0), "2021-01-01");
        assert_eq!(date(7), "2021-01-08");
        assert_eq!(date(365), "2022-01-01");
        assert_eq!(date(1154), "2024-02-29");
        assert_eq!(date(1155), "2024-03-01");
        assert_eq!(date(1825), "2025-12-31");
    }
}
