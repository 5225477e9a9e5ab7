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

/// A word of an article, with its normalised form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub norm: String,
}

/// Cuts `text` into word tokens: maximal runs of letters and digits.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Token {
                    span: Span::new(s, i),
                    norm: normalize(&text[s..i]),
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// `char::is_alphanumeric`, answered without the Unicode tables for ASCII
/// and the Cyrillic letters (U+0400–U+0481, U+048A–U+04FF), which are most of
/// what this corpus holds (the tables were a seventh of the link time).
pub fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}' => true,
        _ if c.is_ascii() => false,
        _ => c.is_alphanumeric(),
    }
}

/// Lower case, `ё` → `е`. ASCII and the Russian alphabet are lowered directly,
/// the rest (Kazakh letters, other scripts) through `char::to_lowercase`.
pub fn normalize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            'Ё' | 'ё' => out.push('е'),
            // А..Я → а..я, and Ѐ..Џ → ѐ..џ (fixed offsets in the Cyrillic block).
            '\u{0410}'..='\u{042F}' => out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
            '\u{0400}'..='\u{040F}' => out.push(char::from_u32(c as u32 + 0x50).unwrap_or(c)),
            _ if c.is_ascii() || ('\u{0430}'..='\u{045F}').contains(&c) => out.push(c),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
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
        for c in (0u32..0x0600).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
            let s = c.to_string();
            assert_eq!(normalize(&s), reference(&s), "{c:?}");
        }
    }
}
