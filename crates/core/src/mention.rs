//! Finding gazetteer entries in article sentences, in Russian, Kazakh and English.
//!
//! Method:
//! 1. The text is cut into word tokens (runs of letters and digits; hyphens,
//!    quotes and dashes separate words) and each is normalised: lower case,
//!    `ё` → `е`. The normalised tokens are joined with single spaces.
//! 2. Each word of each match phrase (names and aliases) is reduced to a stem
//!    by removing one Russian nominal ending (`Астана` → `астан`,
//!    `трансграничный` → `трансграничн`); Kazakh aliases are written as stems.
//! 3. One Aho-Corasick automaton (the `aho-corasick` crate) finds every stem
//!    at the start of a token, in one pass over the whole article.
//! 4. A hit counts only if the rest of its token is an inflection: a chain of
//!    up to three Russian endings or Kazakh suffixes (`Бишкек|е`,
//!    `Алмат|ы|да`, `Қорда|й|дағы`, `Ыстықкөл|ге`) or, in Latin script, an
//!    English plural. So `Ош` finds `Оше` and `Ошта`, never `Ошибка`, and no
//!    stem is found inside another word.
//! 5. A phrase is its stems on consecutive tokens of one sentence. A phrase
//!    written `A + B` also needs `B` somewhere in the same sentence (the ENU
//!    branch is "…университетінің филиалы" *and* "Ош").
//! 6. Where phrases of different entries overlap, the longest wins: the city
//!    `Алматы` inside «автодорога Алматы – Иссык-Куль» cites the road only.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::gazetteer::Gazetteer;
use crate::text::Span;

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

/// The most suffixes an inflection may chain.
const MAX_SUFFIXES: usize = 3;

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
        match (c.is_alphanumeric(), start) {
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

/// Lower case, `ё` → `е`.
pub fn normalize(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

fn is_latin(word: &str) -> bool {
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
    if budget == 0 {
        return false;
    }
    STEM_ENDINGS
        .iter()
        .chain(KAZAKH_SUFFIXES)
        .chain(RUSSIAN_INFLECTIONS)
        .any(|s| rest.strip_prefix(s).is_some_and(|r| chain(r, budget - 1)))
}

/// One match phrase of a gazetteer entry, as stem ids.
#[derive(Debug, Clone)]
struct Phrase {
    entry: usize,
    words: Vec<usize>,
    context: Vec<Vec<usize>>,
}

/// A gazetteer entry found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Index into [`Gazetteer::entries`].
    pub entry: usize,
    /// Index into [`Article::sentences`].
    pub sentence: usize,
    /// The matched words in the article's original text.
    pub span: Span,
}

/// The compiled form of a gazetteer's phrases: build once, run on every article.
pub struct Matcher {
    automaton: AhoCorasick,
    stems: Vec<String>,
    phrases: Vec<Phrase>,
    by_first_word: HashMap<usize, Vec<usize>>,
}

impl Matcher {
    pub fn new(gazetteer: &Gazetteer) -> Matcher {
        let mut stems: Vec<String> = Vec::new();
        let mut stem_ids: HashMap<String, usize> = HashMap::new();
        let mut intern = |words: &str| -> Vec<usize> {
            tokenize(words)
                .iter()
                .map(|t| {
                    let s = stem(&t.norm);
                    *stem_ids.entry(s.clone()).or_insert_with(|| {
                        stems.push(s);
                        stems.len() - 1
                    })
                })
                .collect()
        };
        let mut phrases = Vec::new();
        for (entry_index, entry) in gazetteer.entries.iter().enumerate() {
            for text in entry.phrases() {
                let mut parts = text.split('+');
                let words = intern(parts.next().unwrap_or_default());
                if words.is_empty() {
                    continue;
                }
                let context = parts.map(&mut intern).filter(|c| !c.is_empty()).collect();
                phrases.push(Phrase {
                    entry: entry_index,
                    words,
                    context,
                });
            }
        }
        let mut by_first_word: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, p) in phrases.iter().enumerate() {
            by_first_word.entry(p.words[0]).or_default().push(i);
        }
        let patterns: Vec<String> = stems.iter().map(|s| format!(" {s}")).collect();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("stems are short strings, well within the automaton's limits");
        Matcher {
            automaton,
            stems,
            phrases,
            by_first_word,
        }
    }

    /// For each token, the stems it is an inflected form of.
    fn token_stems(&self, tokens: &[Token]) -> Vec<Vec<usize>> {
        let mut joined = String::with_capacity(tokens.iter().map(|t| t.norm.len() + 1).sum());
        let mut starts = Vec::with_capacity(tokens.len());
        for t in tokens {
            joined.push(' ');
            starts.push(joined.len());
            joined.push_str(&t.norm);
        }
        let mut hits = vec![Vec::new(); tokens.len()];
        for m in self.automaton.find_overlapping_iter(&joined) {
            let word_start = m.start() + 1;
            let Ok(t) = starts.binary_search(&word_start) else {
                continue;
            };
            let stem_len = m.end() - word_start;
            let token = &tokens[t];
            if stem_len > token.norm.len() {
                continue; // the stem ran past this token into the next
            }
            let rest = &token.norm[stem_len..];
            let stem_id = m.pattern().as_usize();
            if is_inflection(rest, is_latin(&self.stems[stem_id])) {
                hits[t].push(stem_id);
            }
        }
        hits
    }

    /// Every mention in `article`, in sentence order.
    pub fn find(&self, article: &Article) -> Vec<Mention> {
        let tokens = tokenize(&article.text);
        let hits = self.token_stems(&tokens);
        let mut out = Vec::new();
        let mut t = 0;
        for (sentence_index, sentence) in article.sentences.iter().enumerate() {
            while t < tokens.len() && tokens[t].span.start < sentence.span.start {
                t += 1;
            }
            let first = t;
            while t < tokens.len() && tokens[t].span.end <= sentence.span.end {
                t += 1;
            }
            let range = first..t;
            out.extend(self.in_sentence(&tokens, &hits, range, sentence_index));
        }
        out
    }

    fn in_sentence(
        &self,
        tokens: &[Token],
        hits: &[Vec<usize>],
        range: std::ops::Range<usize>,
        sentence: usize,
    ) -> Vec<Mention> {
        let occurs_at = |words: &[usize], at: usize| {
            at + words.len() <= range.end
                && words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| hits[at + k].contains(w))
        };
        let occurs = |words: &[usize]| range.clone().any(|at| occurs_at(words, at));
        // (entry, first token, token count)
        let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
        for at in range.clone() {
            for stem_id in &hits[at] {
                for &p in self.by_first_word.get(stem_id).into_iter().flatten() {
                    let phrase = &self.phrases[p];
                    if occurs_at(&phrase.words, at) && phrase.context.iter().all(|c| occurs(c)) {
                        candidates.push((phrase.entry, at, phrase.words.len()));
                    }
                }
            }
        }
        // Longest first; then earliest. Equal ranges of different entries both stand.
        candidates.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)).then(a.0.cmp(&b.0)));
        candidates.dedup();
        let mut taken: Vec<(usize, usize, usize)> = Vec::new();
        for c in candidates {
            let overlaps = taken.iter().any(|&(_, s, n)| {
                let same_range = s == c.1 && n == c.2;
                !same_range && c.1 < s + n && s < c.1 + c.2
            });
            if !overlaps {
                taken.push(c);
            }
        }
        taken.sort_by_key(|&(e, s, _)| (s, e));
        taken
            .into_iter()
            .map(|(entry, s, n)| Mention {
                entry,
                sentence,
                span: Span::new(tokens[s].span.start, tokens[s + n - 1].span.end),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse_text;
    use std::path::Path;

    /// The project's own gazetteer, as the widget uses it.
    fn gazetteer() -> Gazetteer {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/gazetteer.toml");
        Gazetteer::load(&path).expect("the shipped gazetteer is valid")
    }

    /// The ids of the entries found in `sentence`, and the text each mention covers.
    fn found(sentence: &str) -> Vec<(String, String)> {
        let g = gazetteer();
        let article = parse_text("t", Path::new("t.txt"), sentence).unwrap();
        Matcher::new(&g)
            .find(&article)
            .into_iter()
            .map(|m| {
                (
                    g.entries[m.entry].id.clone(),
                    m.span.of(&article.text).to_string(),
                )
            })
            .collect()
    }

    fn ids(sentence: &str) -> Vec<String> {
        found(sentence).into_iter().map(|(id, _)| id).collect()
    }

    mod russian_cases {
        use super::*;

        #[test]
        fn prepositional_oshe() {
            assert_eq!(
                found("Филиал университета открылся в Оше в августе."),
                [("osh".to_string(), "Оше".to_string())]
            );
        }

        #[test]
        fn prepositional_bishkeke() {
            assert_eq!(
                found(
                    "В Бишкеке глава МИД РК был принят Президентом Кыргызской Республики Садыром Жапаровым."
                ),
                [("bishkek".to_string(), "Бишкеке".to_string())]
            );
        }

        #[test]
        fn prepositional_astane_and_accusative_astanu() {
            assert_eq!(
                ids(
                    "Президент, отмечая успешность прошедшего в прошлом году в Астане шестого заседания, выразил уверенность."
                ),
                ["astana"]
            );
            assert_eq!(
                ids(
                    "Соглашения достигнуты в рамках визитов Президента Кыргызской Республики в Астану и Президента Казахстана в Бишкек."
                ),
                ["astana", "bishkek"]
            );
        }

        #[test]
        fn genitive_kordaya() {
            assert_eq!(
                found("Очередь грузовиков у Кордая растянулась на несколько километров."),
                [("kordai-ak-zhol".to_string(), "Кордая".to_string())]
            );
        }

        #[test]
        fn the_road_phrase_wins_over_its_cities() {
            assert_eq!(
                found(
                    "Он отметил работу по перспективному проекту строительства автодороги «Алматы – Иссык-Куль» при поддержке Азиатского Банка Развития."
                ),
                [(
                    "almaty-issyk-kul-road".to_string(),
                    "автодороги «Алматы – Иссык-Куль".to_string()
                )]
            );
        }

        #[test]
        fn checkpoints_in_general_cite_the_group() {
            assert_eq!(
                ids(
                    "Также он отметил проводимую работу по реконструкции ряда пунктов пропуска на кыргызско-казахстанской государственной границе."
                ),
                ["border-crossings"]
            );
        }

        #[test]
        fn adjective_phrase_in_genitive() {
            assert_eq!(
                ids(
                    "Запуск совместных проектов, в том числе по созданию трансграничного индустриального торгово-логистического комплекса."
                ),
                ["trade-logistics-complex"]
            );
        }
    }

    mod kazakh_suffixes {
        use super::*;

        #[test]
        fn locative_almatyda() {
            assert_eq!(
                found("Алматыда өткен кездесуде үкімет басшылары сауда мәселелерін талқылады."),
                [("almaty".to_string(), "Алматыда".to_string())]
            );
        }

        #[test]
        fn locative_oshta() {
            assert_eq!(ids("Ошта жаңа оқу ғимараты ашылды."), ["osh"]);
        }

        #[test]
        fn locative_adjective_qordaydagy_and_the_checkpoint_group() {
            assert_eq!(
                found("Қордайдағы өткізу пункті толық жаңартылды."),
                [
                    ("kordai-ak-zhol".to_string(), "Қордайдағы".to_string()),
                    ("border-crossings".to_string(), "өткізу пункті".to_string())
                ]
            );
        }

        #[test]
        fn dative_ystyqkolge() {
            assert_eq!(
                found("Туристер Алматыдан Ыстықкөлге жаңа жолмен барады."),
                [
                    ("almaty".to_string(), "Алматыдан".to_string()),
                    ("issyk-kul".to_string(), "Ыстықкөлге".to_string())
                ]
            );
        }

        #[test]
        fn the_road_in_kazakh() {
            assert_eq!(
                ids(
                    "Алматы – Ыстықкөл жолының құрылысы Азия даму банкінің қолдауымен жүргізіледі."
                ),
                ["almaty-issyk-kul-road"]
            );
        }

        #[test]
        fn the_enu_branch_needs_osh_in_the_sentence() {
            let with_osh = "Министрлер Ош мемлекеттік университеті базасында Л.Н.Гумилев атындағы Еуразия ұлттық университетінің филиалы ашылғанын мәлімдеді.";
            assert_eq!(ids(with_osh), ["osh", "enu-branch-osh"]);
            let without = "Л.Н.Гумилев атындағы Еуразия ұлттық университетінің филиалы Астанада жаңа бағдарлама ашты.";
            assert_eq!(ids(without), ["astana"]);
        }
    }

    mod english {
        use super::*;

        #[test]
        fn cities_and_the_road() {
            assert_eq!(
                ids("The presidents met in Bishkek and discussed the Almaty – Issyk-Kul road."),
                ["bishkek", "almaty-issyk-kul-road"]
            );
        }

        #[test]
        fn the_enu_branch_and_plural_checkpoints() {
            assert_eq!(
                ids("A branch of the Eurasian National University opened in Osh."),
                ["enu-branch-osh", "osh"]
            );
            assert_eq!(
                ids("Both sides will rebuild the border checkpoints at Kordai."),
                ["border-crossings", "kordai-ak-zhol"]
            );
        }
    }

    mod not_a_place {
        use super::*;

        #[test]
        fn words_that_start_with_a_place_name() {
            for sentence in [
                "Ошибка в расчётах была исправлена вовремя.",
                "Участники были ошеломлены результатами.",
                "Алматинская область граничит с Кыргызстаном.",
                "Астанинский суд рассмотрел дело.",
                "Бишкекчане вышли на субботник.",
                "Кордайский район славится садами.",
                "Ошақ басында әңгіме жалғасты.",
                "Oshkosh trucks were sold at the fair.",
                "Bishkekers celebrated the holiday.",
                "Хантау ауылында жиын өтті.",
            ] {
                assert_eq!(ids(sentence), Vec::<String>::new(), "{sentence}");
            }
        }

        #[test]
        fn place_names_inside_other_words() {
            for sentence in [
                "Министр Ермек Кошербаев посетил с официальным визитом Кыргызстан.",
                "Хорошо подготовленные переговоры прошли быстро.",
                "Кошелёк нашли на вокзале.",
                "Josh Bishop wrote about trade.",
                "Проект «Жасастана» запущен.",
                "Пропускная способность выросла.",
            ] {
                assert_eq!(ids(sentence), Vec::<String>::new(), "{sentence}");
            }
        }

        #[test]
        fn a_guarded_alias_needs_its_context() {
            // "Карасу" is a common name; only a checkpoint sentence cites the crossing.
            assert_eq!(
                ids("Село Карасу известно своими родниками."),
                Vec::<String>::new()
            );
            assert_eq!(
                ids("Через пункт пропуска Карасу прошли тысячи грузовиков."),
                ["border-crossings", "karasu-ak-tilek"]
            );
        }
    }

    mod pieces {
        use super::*;

        #[test]
        fn stems() {
            assert_eq!(stem("Астана"), "астан");
            assert_eq!(stem("трансграничный"), "трансграничн");
            assert_eq!(stem("Ош"), "ош");
            assert_eq!(stem("Ыстықкөл"), "ыстықкөл");
            assert_eq!(stem("Osh"), "osh");
        }

        #[test]
        fn inflections() {
            assert!(is_inflection("дағы", false));
            assert!(is_inflection("ыда", false));
            assert!(!is_inflection("ибка", false));
            assert!(!is_inflection("кош", true));
            assert!(is_inflection("s", true));
        }

        #[test]
        fn tokens_keep_original_offsets() {
            let text = "«Алматы – Иссык-Куль»";
            let t = tokenize(text);
            let words: Vec<&str> = t.iter().map(|t| t.span.of(text)).collect();
            assert_eq!(words, ["Алматы", "Иссык", "Куль"]);
            assert_eq!(t[2].norm, "куль");
        }
    }
}
