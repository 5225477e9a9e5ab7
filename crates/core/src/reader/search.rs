//! Search over the features' names and aliases in all three languages and
//! over the cited sentences, across spellings, scripts and inflection.
//!
//! Every word is **folded** ([`fold`]) to one Latin skeleton: lower case and
//! `ё` → `е` as the matcher does (`crate::text::words::normalize`, here without
//! the Unicode tables: the widget runs this), Kazakh letters
//! to their nearest Russian ones (`қ` → `к`, `ө` → `о`, `і` → `и`, …), Cyrillic
//! to Latin by a plain scheme (`ж` → `zh`, `х` → `kh`, `ы` and `й` → `y`, soft
//! and hard signs dropped; the scheme's choices follow the BGN/PCGN
//! romanisation where it is simple), and doubled letters made single. So
//! «Ыстықкөл» and «ыстыкколь» are `ystykol`, «Иссык-Куль» and "Issyk-Kul"
//! `isyk kul`, «Қордай», «Кордай» and "Korday" `korday`.
//!
//! A query word matches an indexed word that starts with it (typing) or that
//! it starts with, when what is left is at most [`INFLECTION`] letters and the
//! word has at least [`MIN_STEM`] (inflection: «Ыстықкөлге», «Иссык-Куля»);
//! this is the matcher's stem-and-suffix idea on folded words. Every query
//! word must match in one name set or one sentence.
//!
//! The index ([`SearchIndex`]) is built at build time (`Bundle::for_widget`,
//! while the aliases are still there): the sorted folded words, each with
//! the gazetteer entries and the cited sentences (article, sentence) that
//! hold it. Postings name entries and sentences, not features, so an embed
//! narrowed to one story (`Bundle::scoped`) searches its own features.

use serde::{Deserialize, Serialize};

use crate::evidence::corpus::Corpus;
use crate::text::span::Span;
use crate::text::words::lower;

/// The most letters of a query word left over after an indexed word (an
/// inflection, in folded letters: «-ге», «-ского», «-дағы»).
pub const INFLECTION: usize = 6;
/// An indexed word shorter than this matches a longer query word only whole.
pub const MIN_STEM: usize = 4;

/// A letter or digit of the scripts the corpus is in: ASCII and the
/// Cyrillic block (Russian, Kazakh), without `char`'s Unicode tables, which
/// would add ~18 KB gzipped to the widget (measured); anything else
/// (quotes, dashes, other scripts) separates words.
pub(crate) fn is_letter(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}')
}

/// One Latin skeleton for a word in any of the corpus's scripts.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().map(lower) {
        let s: &str = match c {
            'а' | 'ә' => "a",
            'б' => "b",
            'в' => "v",
            'г' | 'ғ' => "g",
            'д' => "d",
            'е' | 'ё' | 'э' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' | 'і' => "i",
            'й' | 'ы' => "y",
            'к' | 'қ' => "k",
            'л' => "l",
            'м' => "m",
            'н' | 'ң' => "n",
            'о' | 'ө' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' | 'ұ' | 'ү' => "u",
            'ф' => "f",
            'х' | 'һ' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' | 'щ' => "sh",
            'ю' => "yu",
            'я' => "ya",
            'ъ' | 'ь' => "",
            _ => {
                if !out.ends_with(c) {
                    out.push(c);
                }
                continue;
            }
        };
        for l in s.chars() {
            if !out.ends_with(l) {
                out.push(l);
            }
        }
    }
    out
}

/// The byte spans of a text's words (runs of [`is_letter`]), in order.
pub(crate) fn word_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (is_letter(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Span::new(s, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The words of a text with their byte spans, folded, in order.
pub fn words(text: &str) -> Vec<(Span, String)> {
    word_spans(text)
        .into_iter()
        .map(|span| (span, fold(span.of(text))))
        .filter(|(_, w)| !w.is_empty())
        .collect()
}

/// The folded words of a text, in order.
pub fn folded_words(text: &str) -> Vec<String> {
    words(text).into_iter().map(|(_, w)| w).collect()
}

/// `items` in the order of `key`, each once.
fn sorted_unique<T: Copy + PartialEq>(items: &[T], key: impl Fn(&T) -> u64) -> Vec<T> {
    let mut out: Vec<T> = crate::text::compact::order_by_key(items.iter().map(key))
        .into_iter()
        .map(|k| items[k])
        .collect();
    out.dedup();
    out
}

/// Does the indexed word `word` answer the query word `query` (both folded)?
pub fn matches(word: &str, query: &str) -> bool {
    word.starts_with(query)
        || (query.starts_with(word)
            && word.chars().count() >= MIN_STEM
            && query.len() - word.len() <= INFLECTION)
}

/// Where a folded word occurs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Postings {
    /// Gazetteer entries with the word in a name or alias.
    pub entries: Vec<u32>,
    /// Cited sentences holding it: (article, sentence).
    pub sentences: Vec<(u32, u32)>,
}

/// A word's place while the index is built: an entry, or a sentence.
type Hit = Result<u32, (u32, u32)>;

/// Folded words, sorted, with their postings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchIndex {
    pub words: Vec<String>,
    pub postings: Vec<Postings>,
}

/// What a query found: features (indices into the corpus's) and citations
/// (feature, index in its citations), each in corpus order, one citation
/// per sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    pub features: Vec<usize>,
    pub citations: Vec<(usize, usize)>,
}

impl SearchIndex {
    /// The index of a corpus's features' names and aliases and its cited sentences.
    pub fn build(corpus: &Corpus) -> SearchIndex {
        let mut pairs: Vec<(String, Hit)> = Vec::new();
        for f in &corpus.features {
            let entry = corpus.entry(f);
            for phrase in entry.phrases() {
                for w in folded_words(phrase) {
                    pairs.push((w, Ok(f.entry as u32)));
                }
            }
            for c in &f.citations {
                for w in folded_words(corpus.quote(c)) {
                    pairs.push((w, Err((c.article as u32, c.first as u32))));
                }
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut index = SearchIndex::default();
        for (w, hit) in pairs {
            if index.words.last() != Some(&w) {
                index.words.push(w);
                index.postings.push(Postings::default());
            }
            let p = index.postings.last_mut().expect("pushed above");
            match hit {
                Ok(e) => p.entries.push(e),
                Err(s) => p.sentences.push(s),
            }
        }
        index
    }

    /// The postings of every indexed word that answers `query` (folded).
    fn answering(&self, query: &str) -> Postings {
        let mut out = Postings::default();
        let mut add = |i: usize| {
            out.entries.extend(&self.postings[i].entries);
            out.sentences.extend(&self.postings[i].sentences);
        };
        let start = self.words.partition_point(|w| w.as_str() < query);
        for i in start..self.words.len() {
            if !self.words[i].starts_with(query) {
                break;
            }
            add(i);
        }
        // Shorter words the query inflects.
        for (cut, _) in query.char_indices().skip(MIN_STEM) {
            if query.len() - cut <= INFLECTION
                && let Ok(i) = self
                    .words
                    .binary_search_by(|w| w.as_str().cmp(&query[..cut]))
            {
                add(i);
            }
        }
        // Sorted by the one index sort the widget already has
        // (`compact::order_by_key`): a `sort_unstable` per element type
        // would link two more quicksorts.
        out.entries = sorted_unique(&out.entries, |&e| u64::from(e));
        out.sentences = sorted_unique(&out.sentences, |&(a, s)| {
            (u64::from(a) << 32) | u64::from(s)
        });
        out
    }

    /// The features and citations of `corpus` where every word of `query` occurs.
    pub fn search(&self, corpus: &Corpus, query: &str) -> Found {
        let words = folded_words(query);
        let Some((first, rest)) = words.split_first() else {
            return Found::default();
        };
        let mut hits = self.answering(first);
        for w in rest {
            let more = self.answering(w);
            hits.entries
                .retain(|e| more.entries.binary_search(e).is_ok());
            hits.sentences
                .retain(|s| more.sentences.binary_search(s).is_ok());
        }
        let mut found = Found::default();
        // A sentence citing two features is listed once, at the first.
        let mut listed = vec![false; hits.sentences.len()];
        for (fi, f) in corpus.features.iter().enumerate() {
            if hits.entries.binary_search(&(f.entry as u32)).is_ok() {
                found.features.push(fi);
            }
            for (ci, c) in f.citations.iter().enumerate() {
                let key = (c.article as u32, c.first as u32);
                if let Ok(k) = hits.sentences.binary_search(&key)
                    && !listed[k]
                {
                    listed[k] = true;
                    found.citations.push((fi, ci));
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_and_scripts_fold_together() {
        assert_eq!(fold("Ыстықкөл"), fold("ыстыкколь"));
        assert_eq!(fold("Ыстықкөл"), "ystykol");
        assert_eq!(folded_words("Иссык-Куль"), folded_words("Issyk-Kul"));
        assert_eq!(folded_words("Иссык-Куль"), ["isyk", "kul"]);
        assert_eq!(fold("Қордай"), "korday");
        assert_eq!(fold("Кордай"), "korday");
        assert_eq!(fold("Korday"), "korday");
        assert_eq!(fold("Шёлковый"), fold("шелковый"));
        assert_eq!(fold("Жоғары"), "zhogary");
        assert_eq!(fold("ӘҒҚҢӨҰҮҺІ"), fold("әғқңөұүһі"));
        assert_eq!(
            folded_words("«Алматы – Иссык-Куль»"),
            ["almaty", "isyk", "kul"]
        );
    }

    #[test]
    fn lower_agrees_with_std_on_the_corpus_scripts() {
        for c in ('A'..='Z')
            .chain('\u{0400}'..='\u{04FF}')
            .filter(|&c| is_letter(c))
        {
            let std: Vec<char> = c.to_lowercase().collect();
            if std.len() == 1 && c != '\u{04C0}' {
                assert_eq!(lower(c), std[0], "{c} U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn inflected_and_partial_words_match_but_not_others() {
        assert!(matches(&fold("Ыстықкөл"), &fold("Ыстықкөлге")));
        assert!(matches(&fold("Ыстықкөл"), &fold("ысты")));
        assert!(matches(&fold("Иссык"), &fold("Иссыкского")));
        assert!(
            !matches(&fold("Ош"), &fold("Ошибка")),
            "a short word only whole"
        );
        assert!(!matches(&fold("Алматы"), &fold("Астана")));
        assert!(
            !matches(&fold("Нарын"), &fold("Нарынкольский")),
            "more than an inflection"
        );
    }

    #[test]
    fn the_index_finds_names_and_sentences() {
        let c = crate::evidence::event::tests::corpus(&[
            (
                "2025-08-22",
                "Встреча прошла в Оше. Встреча прошла в Нарыне.",
            ),
            (
                "2025-06-01",
                "Переговоры прошли в Нарыне. Встреча прошла в Оше.",
            ),
        ]);
        let index = SearchIndex::build(&c);
        let naryn = c.feature_index("naryn").unwrap();
        let osh = c.feature_index("osh").unwrap();
        // The Latin name finds the feature; a Cyrillic inflected form too.
        assert_eq!(index.search(&c, "naryn").features, vec![naryn]);
        assert_eq!(index.search(&c, "Нарыне").features, vec![naryn]);
        // Sentence hits: both words in one sentence.
        let found = index.search(&c, "переговоры нарын");
        assert_eq!(found.citations.len(), 1);
        let (fi, ci) = found.citations[0];
        assert_eq!(fi, naryn);
        assert_eq!(
            c.quote(&c.features[fi].citations[ci]),
            "Переговоры прошли в Нарыне."
        );
        assert!(index.search(&c, "переговоры ош").citations.is_empty());
        assert_eq!(index.search(&c, "osh").features, vec![osh]);
        assert_eq!(index.search(&c, "  ").features, Vec::<usize>::new());
        assert!(index.search(&c, "Бишкек").citations.is_empty());
    }

    #[test]
    fn a_sentence_citing_two_features_is_found_once() {
        let c = crate::evidence::event::tests::corpus(&[(
            "2025-08-22",
            "Встреча прошла в Оше и Нарыне.",
        )]);
        let index = SearchIndex::build(&c);
        assert_eq!(c.features.len(), 2);
        assert_eq!(index.search(&c, "встреча").citations.len(), 1);
    }
}
