//! Words: cutting text into tokens, normalising them, and the stems and
//! inflections the matcher compares them by (Russian endings, Kazakh suffix
//! chains, English plurals). See [`crate::evidence::mention`] for how they are used.

use std::collections::HashMap;

use crate::text::span::Span;

/// Russian nominal endings removed from a phrase word to get its stem, longest first.
const STEM_ENDINGS: &[&str] = &[
    "ого", "его", "ому", "ему", "ыми", "ими", "ами", "ями", "ой", "ей", "ий", "ый", "ая", "яя",
    "ое", "ее", "ые", "ие", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев", "ью", "а", "я", "о",
    "е", "ы", "и", "у", "ю", "ь", "й",
];

/// Kazakh case, possessive, plural and derivational suffixes (all harmony variants).
const KAZAKH_SUFFIXES: &[&str] = &[
    "да",
    "де",
    "та",
    "те",
    "нда",
    "нде",
    "дан",
    "ден",
    "тан",
    "тен",
    "нан",
    "нен",
    "ға",
    "ге",
    "қа",
    "ке",
    "на",
    "не",
    "ды",
    "ді",
    "ты",
    "ті",
    "ны",
    "ні",
    "н",
    "дың",
    "дің",
    "тың",
    "тің",
    "ның",
    "нің",
    "мен",
    "бен",
    "пен",
    "дағы",
    "дегі",
    "тағы",
    "тегі",
    "ндағы",
    "ндегі",
    "лық",
    "лік",
    "дық",
    "дік",
    "тық",
    "тік",
    "сы",
    "сі",
    "і",
    "лар",
    "лер",
    "дар",
    "дер",
    "тар",
    "тер",
];

/// Extra Russian case endings allowed after a stem (besides [`STEM_ENDINGS`]).
const RUSSIAN_INFLECTIONS: &[&str] = &["ою", "ею", "ию", "ия", "ии"];

const ENGLISH_INFLECTIONS: &[&str] = &["s", "es"];

/// The most suffixes an inflection may chain: four, as a Kazakh stem written
/// bare loses its last vowel to the Russian stemmer («қойма» → «қойм»), and
/// «қойм|а|лар|ы|ның» (plural, possessive, genitive) is then four.
const MAX_SUFFIXES: usize = 4;

/// A word of a text: where it stands in the text, and where its normal form
/// stands in [`Tokens::joined`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    norm: Span,
}

/// The words of a text ([`tokenize`]): their spans, and their normal forms
/// in one string, each after a space (" алматы иссык куль"): one allocation
/// for a text, not one per word, and the string the matcher's automaton
/// reads as it is. Indexes like the slice of its tokens.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tokens {
    joined: String,
    list: Vec<Token>,
}

impl Tokens {
    /// The normal form of token `k` (lower case, `ё` → `е`; see [`normalize`]).
    pub fn norm(&self, k: usize) -> &str {
        self.list[k].norm.of(&self.joined)
    }

    /// Every normal form, each after a space.
    pub fn joined(&self) -> &str {
        &self.joined
    }

    /// The token whose normal form starts at byte `at` of [`Tokens::joined`].
    pub fn at_norm(&self, at: usize) -> Option<usize> {
        self.list.binary_search_by_key(&at, |t| t.norm.start).ok()
    }

    /// Each token with its normal form.
    pub fn words(&self) -> impl Iterator<Item = (&Token, &str)> {
        self.list.iter().map(|t| (t, t.norm.of(&self.joined)))
    }
}

impl std::ops::Deref for Tokens {
    type Target = [Token];
    fn deref(&self) -> &[Token] {
        &self.list
    }
}

/// Cuts `text` into word tokens: maximal runs of letters and digits.
pub fn tokenize(text: &str) -> Tokens {
    // Words of the corpus's languages average well over six bytes with
    // their space (Cyrillic letters are two): one reservation, seldom grown.
    let mut list = Vec::with_capacity(text.len() / 6 + 1);
    // Lower case keeps a letter's length but for a few outside Cyrillic
    // and ASCII; with a space per word, this is seldom grown either.
    let mut joined = String::with_capacity(text.len() + text.len() / 4 + 1);
    // The word being read: where it starts in the text and in `joined`
    // (its normal form built in the same pass as `normalize` would).
    let mut word: Option<(usize, usize)> = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if is_word_char(c) {
            if word.is_none() {
                joined.push(' ');
                word = Some((i, joined.len()));
            }
            match one_lower(c) {
                Some(l) => joined.push(l),
                None => joined.extend(c.to_lowercase()),
            }
        } else if let Some((s, n)) = word.take() {
            list.push(Token {
                span: Span::new(s, i),
                norm: Span::new(n, joined.len()),
            });
        }
    }
    Tokens { joined, list }
}

/// `char::is_alphanumeric`, answered without the Unicode tables for ASCII
/// and the Cyrillic letters (U+0400–U+0481, U+048A–U+04FF), which are most of
/// what this corpus holds (the tables were a seventh of the link time).
pub fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}' => true,
        _ if c.is_ascii() => false,
        // No-break space, «», dashes, quotes, the ellipsis: never letters.
        '\u{00A0}' | '\u{00AB}' | '\u{00BB}' | '\u{2000}'..='\u{206F}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// Lower case, `ё` → `е`. ASCII and the Russian alphabet are lowered directly,
/// the rest (Kazakh letters, other scripts) through `char::to_lowercase`.
pub fn normalize(word: &str) -> String {
    // Most words are lower case already: copy them whole.
    let Some((at, _)) = word.char_indices().find(|&(_, c)| one_lower(c) != Some(c)) else {
        return word.to_owned();
    };
    let mut out = String::with_capacity(word.len());
    out.push_str(&word[..at]);
    for c in word[at..].chars() {
        match one_lower(c) {
            Some(l) => out.push(l),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// `c` lower-cased (`ё` → `е`) where that is one char found without
/// Unicode's tables (ASCII, the Cyrillic block but the palochka); `None`
/// where `char::to_lowercase` must say.
fn one_lower(c: char) -> Option<char> {
    match c {
        'Ё' | 'ё' => Some('е'),
        _ if c.is_ascii() || ('\u{0400}'..='\u{04FF}').contains(&c) && c != '\u{04C0}' => {
            Some(lower(c))
        }
        _ => None,
    }
}

/// Lower case for ASCII and the Cyrillic block, by its fixed offsets
/// (U+0410–042F +0x20, U+0400–040F +0x50; in U+0460–0481, U+048A–04BF and
/// U+04D0–04FF, where Kazakh's letters are, capitals at even code points,
/// in U+04C1–04CE at odd ones; tested against `char::to_lowercase`).
pub(crate) fn lower(c: char) -> char {
    let u = c as u32;
    let to = match u {
        0x41..=0x5A | 0x410..=0x42F => u + 0x20,
        0x400..=0x40F => u + 0x50,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x4FF if u.is_multiple_of(2) => u + 1,
        0x4C1..=0x4CE if !u.is_multiple_of(2) => u + 1,
        _ => u,
    };
    char::from_u32(to).unwrap_or(c)
}

pub fn is_latin(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_alphanumeric())
}

/// The stem a phrase word is matched by (see the module header, step 2).
pub fn stem(word: &str) -> String {
    let w = normalize(word);
    if is_latin(&w) {
        return w;
    }
    let n = w.chars().count();
    for ending in STEM_ENDINGS {
        if w.ends_with(ending) && n - ending.chars().count() >= 2 {
            return w[..w.len() - ending.len()].to_string();
        }
    }
    w
}

/// Is `rest` (what follows a stem inside a token) an inflection?
pub fn is_inflection(rest: &str, latin: bool) -> bool {
    if rest.is_empty() {
        return true;
    }
    if latin {
        return ENGLISH_INFLECTIONS.contains(&rest);
    }
    chain(rest, MAX_SUFFIXES)
}

fn chain(rest: &str, budget: usize) -> bool {
    if rest.is_empty() {
        return true;
    }
    // Suffixes of at most five letters, two bytes each.
    if budget == 0 || rest.len() > budget * 10 {
        return false;
    }
    let first = rest.chars().next().unwrap_or(' ');
    suffixes_starting_with(first)
        .iter()
        .any(|s| rest.strip_prefix(s).is_some_and(|r| chain(r, budget - 1)))
}

/// The endings and suffixes of [`chain`], by their first letter (built once).
fn suffixes_starting_with(c: char) -> &'static [&'static str] {
    use std::sync::OnceLock;
    static BY_FIRST: OnceLock<HashMap<char, Vec<&'static str>>> = OnceLock::new();
    let map = BY_FIRST.get_or_init(|| {
        let mut map: HashMap<char, Vec<&'static str>> = HashMap::new();
        for s in STEM_ENDINGS
            .iter()
            .chain(KAZAKH_SUFFIXES)
            .chain(RUSSIAN_INFLECTIONS)
        {
            let first = s.chars().next().expect("no empty suffix");
            let list = map.entry(first).or_default();
            if !list.contains(s) {
                list.push(s);
            }
        }
        map
    });
    map.get(&c).map_or(&[], Vec::as_slice)
}

/// Russian adjective-forming pieces before an ending: `Ош|ск|ого`, `Алмат|инск|ая`.
const ADJECTIVE_INFIXES: &[&str] = &["инск", "ийск", "йск", "ск"];

/// Is `rest` a Russian adjective of the stem (`ского`, `инская`)? Loose hits only.
pub fn is_adjective(rest: &str) -> bool {
    ADJECTIVE_INFIXES.iter().any(|infix| {
        rest.strip_prefix(infix)
            .is_some_and(|r| !r.is_empty() && chain(r, 2))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_paths_agree_with_the_unicode_tables() {
        let reference = |w: &str| -> String {
            w.chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c == 'ё' { 'е' } else { c })
                .collect()
        };
        for c in (0u32..0x0600)
            .chain(0x2000..0x2100)
            .filter_map(char::from_u32)
        {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
            let s = c.to_string();
            assert_eq!(normalize(&s), reference(&s), "{c:?}");
            // A word's normal form is the same built by `tokenize`.
            if c.is_alphanumeric() {
                let w = format!("{c}Ёж{c}");
                assert_eq!(tokenize(&w).norm(0), normalize(&w), "{c:?}");
            }
        }
    }
}
