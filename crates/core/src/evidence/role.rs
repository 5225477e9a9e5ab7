//! The role of a town in a sentence: a meeting venue, or named in passing.
//!
//! A town is a *venue* where the sentence says something happened there: it
//! holds a word of the gazetteer's `event` term (held, met, signed, opened,
//! visit, өтті, кездесу, состоялось, переговоры…) and names the town in a
//! construction of place or destination:
//! - Russian: `в`/`во` before it, possibly with a settlement word between
//!   (`в Оше`, `в городе Чолпон-Ата`, `в Астану` with a visit);
//! - Kazakh: a locative or dative suffix on it or on the settlement word after
//!   it (`Алматыда`, `Нұр-Сұлтанға`, `Тараз қаласында`, `Ош қаласындағы`);
//! - English: `in`, `at` or `to` before it, or `in the city of`.
//!
//! Everything else is *mentioned*: «коллегой из Астаны», "freight now bypasses
//! Bishkek", «жители Алматы, Бишкека и Тараза», a headline's «Астана, Бишкек и
//! Ташкент договорились» (a metonym for governments). The prepositions and
//! suffixes are grammar, kept here; the event words are data, in the gazetteer.

use serde::{Deserialize, Serialize};

use crate::evidence::found::Found;
use crate::evidence::guard::Grammar;

/// How a sentence speaks of what it mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// A project, a crossing, a lake: the sentence is about it.
    Subject,
    /// A town where the sentence says something happened: held, signed, met,
    /// opened in X; X-та өтті; «в X состоялось».
    Venue,
    /// A town named in passing.
    Mentioned,
}

const RUSSIAN_PLACE: &[&str] = &["в", "во"];
const ENGLISH_PLACE: &[&str] = &["in", "at", "to"];
/// Kazakh locative, locative-adjectival and dative suffixes, at a word's end.
const KAZAKH_PLACE: &[&str] = &[
    "да",
    "де",
    "та",
    "те",
    "нда",
    "нде",
    "дағы",
    "дегі",
    "тағы",
    "тегі",
    "ндағы",
    "ндегі",
    "ға",
    "ге",
    "қа",
    "ке",
    "на",
    "не",
];

/// The role of the town mentioned by tokens `start..start + len` of sentence `s`.
pub fn of(found: &Found, grammar: &Grammar, s: usize, start: usize, len: usize) -> Role {
    if found.term_in(s, grammar.event).is_some() && placed(found, grammar, s, start, len) {
        Role::Venue
    } else {
        Role::Mentioned
    }
}

/// Is the town named in a construction of place or destination?
fn placed(found: &Found, grammar: &Grammar, s: usize, start: usize, len: usize) -> bool {
    let range = &found.sentence_tokens[s];
    let norm = |k: usize| found.tokens.norm(k);
    let settlement = |k: usize| found.term_at(k, grammar.settlement);
    // The word before, skipping one settlement word ("в городе Оше") or
    // "the city of" ("in the city of Osh").
    let mut before = start.checked_sub(1).filter(|&k| k >= range.start);
    if let Some(k) = before {
        if settlement(k) {
            before = k.checked_sub(1).filter(|&k| k >= range.start);
        } else if norm(k) == "of" && k >= range.start + 2 && settlement(k - 1) {
            // "in the city of Osh": skip "city of" and an article.
            let mut j = k - 2;
            if norm(j) == "the" && j > range.start {
                j -= 1;
            }
            before = Some(j);
        }
    }
    if before.is_some_and(|k| RUSSIAN_PLACE.contains(&norm(k)) || ENGLISH_PLACE.contains(&norm(k)))
    {
        return true;
    }
    let last = start + len - 1;
    let suffixed = |k: usize| {
        let rest = inflection(found, k);
        KAZAKH_PLACE.iter().any(|suf| rest.ends_with(suf))
    };
    suffixed(last) || (last + 1 < range.end && settlement(last + 1) && suffixed(last + 1))
}

/// The inflection after the stem of token `k`: `ыда` of `Алматыда`, `` of `Астана`.
fn inflection<'f>(found: &'f Found, k: usize) -> &'f str {
    let word = found.tokens.norm(k);
    &word[found.stem_end[k].min(word.len())..]
}
