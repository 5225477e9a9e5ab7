//! The corpus's features named in a text outside the corpus: the host page's
//! own article, which an embed with `link-text` links to the map (issue 12,
//! the two-way link).
//!
//! The matcher's method ([`crate::evidence::mention`], steps 1–5), light enough for the
//! widget:
//! - each word of each name and alias is kept as the matcher keeps it (its
//!   tokenizer and `phrase_word`), at build time ([`HostNames::build`], in
//!   `Bundle::for_widget` while the aliases are still there): its stem
//!   ([`crate::text::words::stem`]: «Алматы» → `алмат`), or the word itself where
//!   the alias says `=word` (whole) or `word*` (any ending);
//! - a word of the text names a stem when it starts with it and the rest is an
//!   inflection ([`crate::text::words::is_inflection`]: «Оше», «Ошта», never
//!   «ошибка»); a Russian adjective («Ошского») is not a name, as for the
//!   matcher;
//! - a phrase is its words on consecutive words of the text; an alias written
//!   `A + B` also needs `B` in the same sentence (cut by the splitter's main
//!   rule, [`sentences`]);
//!   what is linked is `A`;
//! - a name word written with a capital needs a capital in the text (the
//!   matcher's guard against a place name in lower case, [`crate::evidence::guard`]);
//! - the longest phrase wins where two start at one word; none overlap.
//!
//! Text is lowered and cut into words without `char`'s Unicode tables (the
//! letters of [`crate::reader::search`]), since the widget runs [`HostNames::find`].
//! Not done here (the matcher does them with data the widget does not carry):
//! project rules over type cues and windows, datelines and outlet names.

use serde::{Deserialize, Serialize};

use crate::evidence::corpus::Corpus;
use crate::evidence::mention::{WordMode, phrase_word};
use crate::reader::search::word_spans;
use crate::text::span::Span;
use crate::text::words::lower;
use crate::text::words::{Token, is_inflection, is_latin, tokenize};

/// Every feature's names and aliases as the matcher's stems.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HostNames {
    /// Longest first.
    pub phrases: Vec<HostPhrase>,
}

/// One name or alias of one feature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HostPhrase {
    /// Index into the gazetteer's entries (not the features: an embed for
    /// one story, `Bundle::scoped`, keeps the entries and narrows the
    /// features).
    pub entry: u32,
    /// The words of `A`: stems, `=word` whole, `word*` any ending.
    pub words: Vec<String>,
    /// Bit k: word k of `A` is a proper noun (written with a capital, and
    /// not only because it starts a longer name).
    pub capitals: u32,
    /// The words of `B` where the alias is `A + B`, else empty.
    pub also: Vec<String>,
}

/// A word of a text: where it is, lowered (`ё` → `е`), and whether it starts
/// with a capital.
struct Word {
    span: Span,
    norm: String,
    capital: bool,
}

fn words_of(text: &str) -> Vec<Word> {
    word_spans(text)
        .into_iter()
        .map(|span| {
            let raw = span.of(text);
            Word {
                span,
                norm: raw
                    .chars()
                    .map(|c| match lower(c) {
                        'ё' => 'е',
                        l => l,
                    })
                    .collect(),
                capital: raw.chars().next().is_some_and(|c| lower(c) != c),
            }
        })
        .collect()
}

/// A phrase word as the matcher keeps it ([`crate::evidence::mention`]'s
/// `phrase_word`), its mode written into the string: `=word`, `word*`, or
/// the stem.
fn kept(phrase: &str, t: (&Token, &str)) -> String {
    match phrase_word(phrase, t) {
        (w, WordMode::Exact) => format!("={w}"),
        (w, WordMode::Prefix) => format!("{w}*"),
        (w, WordMode::Stem) => w,
    }
}

/// Does the text word `token` name the kept phrase word `word`?
fn names(word: &str, token: &str) -> bool {
    if let Some(whole) = word.strip_prefix('=') {
        return token == whole;
    }
    if let Some(prefix) = word.strip_suffix('*') {
        return token.starts_with(prefix);
    }
    token
        .strip_prefix(word)
        .is_some_and(|rest| is_inflection(rest, is_latin(word)))
}

/// The text cut into sentences by the splitter's main rule
/// ([`crate::text::sentence`], whose abbreviation lists need `char`'s Unicode
/// tables): a sentence ends at `.`, `!`, `?` or `…` after a word of three
/// letters or more (not an initial, not «им.» or «г.») when, past white space
/// and any quote, the next word starts with a capital or a digit.
fn sentences(text: &str, words: &[Word]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for pair in words.windows(2) {
        let (w, next) = (&pair[0], &pair[1]);
        let between = &text[w.span.end..next.span.start];
        let ends = between
            .trim_start_matches(crate::text::span::is_closing)
            .starts_with(crate::text::span::is_terminal)
            && between.contains(char::is_whitespace)
            && w.norm.chars().count() >= 3
            && (next.capital || next.norm.starts_with(|c: char| c.is_ascii_digit()));
        if ends {
            out.push(Span::new(start, next.span.start));
            start = next.span.start;
        }
    }
    out.push(Span::new(start, text.len()));
    out
}

impl HostNames {
    /// The names and aliases of the corpus's features (run at build time: it
    /// stems with the matcher's Unicode-aware `normalize`).
    pub fn build(corpus: &Corpus) -> HostNames {
        let mut phrases: Vec<HostPhrase> = Vec::new();
        for f in &corpus.features {
            for phrase in corpus.entry(f).phrases() {
                let mut parts = phrase.split('+');
                let a = parts.next().unwrap_or_default();
                let ws = tokenize(a);
                let capital =
                    |t: &Token| t.span.of(a).chars().next().is_some_and(|c| lower(c) != c);
                let p = HostPhrase {
                    entry: f.entry as u32,
                    words: ws.words().map(|t| kept(a, t)).collect(),
                    capitals: ws
                        .iter()
                        .enumerate()
                        // A name's first word is capitalised as the start of
                        // the name («Автодорога …»), not as a proper noun,
                        // unless it is the whole name («Алматы»).
                        .filter(|(k, t)| capital(t) && *k < 32 && (*k > 0 || ws.len() == 1))
                        .fold(0, |bits, (k, _)| bits | 1 << k),
                    also: parts
                        .next()
                        .map(|b| tokenize(b).words().map(|t| kept(b, t)).collect())
                        .unwrap_or_default(),
                };
                if !p.words.is_empty() && !phrases.contains(&p) {
                    phrases.push(p);
                }
            }
        }
        let order = crate::text::compact::order_by_key(
            phrases.iter().map(|p| u64::MAX - p.words.len() as u64),
        );
        HostNames {
            phrases: order.into_iter().map(|k| phrases[k].clone()).collect(),
        }
    }

    /// Where `text` names a feature of `corpus`: (the words of the name, the
    /// feature's index), in text order, never overlapping. Names of entries
    /// that are not features of `corpus` are not looked for.
    pub fn find(&self, text: &str, corpus: &Corpus) -> Vec<(Span, usize)> {
        let mut feature_of = vec![None; corpus.gazetteer.entries.len()];
        for (fi, f) in corpus.features.iter().enumerate() {
            if let Some(slot) = feature_of.get_mut(f.entry) {
                *slot = Some(fi);
            }
        }
        let shown = |p: &HostPhrase| feature_of.get(p.entry as usize).copied().flatten();
        let words = words_of(text);
        let sentences = sentences(text, &words);
        let sentence_of = |at: usize| {
            sentences
                .iter()
                .find(|s| s.start <= at && at < s.end)
                .copied()
                .unwrap_or(Span::new(0, text.len()))
        };
        let at = |i: usize, p: &[String]| {
            p.len() <= words.len() - i && p.iter().zip(&words[i..]).all(|(w, t)| names(w, &t.norm))
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let hit = self.phrases.iter().find_map(|p| {
                let fi = shown(p)?;
                let named = at(i, &p.words)
                    && (0..p.words.len().min(32))
                        .all(|k| p.capitals & (1 << k) == 0 || words[i + k].capital)
                    && (p.also.is_empty() || {
                        let s = sentence_of(words[i].span.start);
                        (0..words.len())
                            .filter(|&j| {
                                s.start <= words[j].span.start && words[j].span.end <= s.end
                            })
                            .any(|j| at(j, &p.also))
                    });
                named.then_some((p, fi))
            });
            match hit {
                Some((p, fi)) => {
                    let last = &words[i + p.words.len() - 1];
                    out.push((Span::new(words[i].span.start, last.span.end), fi));
                    i += p.words.len();
                }
                None => i += 1,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(names: &HostNames, corpus: &Corpus, text: &str) -> Vec<(String, usize)> {
        names
            .find(text, corpus)
            .into_iter()
            .map(|(s, f)| (s.of(text).to_string(), f))
            .collect()
    }

    #[test]
    fn names_inflected_in_a_text_outside_the_corpus() {
        let c = crate::evidence::event::tests::corpus(&[(
            "2025-08-22",
            "Встреча прошла в Оше. Встреча прошла в Нарыне.",
        )]);
        let names = HostNames::build(&c);
        let (osh, naryn) = (
            c.feature_index("osh").unwrap(),
            c.feature_index("naryn").unwrap(),
        );
        // «Оше», «Оша» are Osh inflected; «ошибка» is not (its rest is no
        // inflection); «Нарынскую» is an adjective, not a name; "Naryn"
        // is the English name.
        let text =
            "Делегация из Оша посетила Naryn, а потом «Нарынскую» выставку; ошибка. Встреча в Оше.";
        assert_eq!(
            found(&names, &c, text),
            vec![
                ("Оша".to_string(), osh),
                ("Naryn".to_string(), naryn),
                ("Оше".to_string(), osh)
            ]
        );
        // A place name in lower case is not the place.
        assert!(found(&names, &c, "наш ош").is_empty());
        assert!(names.find("", &c).is_empty());
    }

    #[test]
    fn a_narrowed_corpus_finds_its_own_features_at_their_own_indices() {
        let mut c = crate::evidence::event::tests::corpus(&[(
            "2025-08-22",
            "Встреча прошла в Оше. Встреча прошла в Нарыне.",
        )]);
        let names = HostNames::build(&c);
        // As `Bundle::scoped` does: the entries stay, the features narrow.
        let osh = c.feature_index("osh").unwrap();
        c.features.remove(osh);
        let naryn = c.feature_index("naryn").unwrap();
        assert_eq!(naryn, 0);
        assert_eq!(
            found(&names, &c, "Делегация из Оша посетила Нарын."),
            vec![("Нарын".to_string(), naryn)]
        );
    }
}
