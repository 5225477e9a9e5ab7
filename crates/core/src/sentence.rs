//! Sentence segmentation for Russian, Kazakh and English news text.
//!
//! A rule-based splitter in the spirit of Unicode UAX #29 sentence boundaries,
//! tuned for news copy: a sentence ends at `.`, `!`, `?` or `…` (with any closing
//! quotes after it) when the next sentence visibly starts (a capital letter, a
//! digit, an opening quote or a speech dash after white space). It does not end
//! after initials (`Л.Н.Гумилев`, `Л. Н. Гумилев`), after abbreviations that are
//! followed by lower case (`млрд. долларов`, `т.б.`), after `им.`/`г.` before a
//! name, or inside numbers (`1.4`, `$1,4`). Paragraphs that a source ran together
//! without a newline (`взаимодействия.Стороны`) are split at the full stop.
//! Every sentence is a [`Span`] of the original text.

use crate::text::{Span, is_closing, is_opening, is_terminal};

/// Abbreviations after which a capitalised word usually continues the sentence
/// (a title or a name follows): `им. Абая`, `ул. Ленина`, `г. Алматы`.
const BEFORE_NAMES: &[&str] = &[
    "им", "ул", "пр", "пос", "с", "г", "акад", "проф", "ген", "св", "mr", "mrs", "ms", "dr", "st",
    "prof", "gen", "көш", "ауд",
];

/// Splits the paragraph `para` of `text` into trimmed sentence spans.
pub fn split(text: &str, para: Span) -> Vec<Span> {
    let s = para.of(text);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0usize; // byte offset in `s`
    let mut i = 0usize;
    while i < chars.len() {
        let c = chars[i].1;
        if !is_terminal(c) {
            i += 1;
            continue;
        }
        // Take the whole run of terminal marks and closing quotes.
        let mut j = i + 1;
        while j < chars.len() && (is_terminal(chars[j].1) || is_closing(chars[j].1)) {
            j += 1;
        }
        let end = chars.get(j).map_or(s.len(), |&(b, _)| b);
        if ends_here(&chars, i, j, c) {
            push(&mut out, text, para.start + start, para.start + end);
            start = end;
        }
        i = j;
    }
    push(&mut out, text, para.start + start, para.end);
    out
}

fn push(out: &mut Vec<Span>, text: &str, start: usize, end: usize) {
    let span = Span::new(start, end).trim(text);
    if !span.is_empty() {
        out.push(span);
    }
}

/// Does the sentence end after the terminal run `chars[i..j]`, whose first mark is `mark`?
fn ends_here(chars: &[(usize, char)], i: usize, j: usize, mark: char) -> bool {
    let Some(&(_, next)) = chars.get(j) else {
        return false; // the paragraph's end closes the last sentence anyway
    };
    let word = word_before(chars, i);
    if !next.is_whitespace() {
        // Run-together paragraphs: "взаимодействия.Стороны". Only a full stop right
        // after a lower-case word and before a capitalised word counts, so initials
        // (Л.Н.Гумилев), domains (BAQ.KZ) and numbers (1.4) stay whole.
        return mark == '.'
            && j == i + 1
            && word.chars().count() >= 2
            && word.chars().all(|c| c.is_lowercase())
            && next.is_uppercase()
            && chars.get(j + 1).is_some_and(|&(_, c)| c.is_lowercase());
    }
    let mut k = j;
    while k < chars.len() && chars[k].1.is_whitespace() {
        k += 1;
    }
    let Some(&(_, first)) = chars.get(k) else {
        return false;
    };
    let starts_sentence = first.is_uppercase() || first.is_ascii_digit() || is_opening(first);
    if !starts_sentence {
        return false;
    }
    if mark != '.' || j != i + 1 {
        return true;
    }
    // A single capital letter before the stop is an initial: "Л. Н. Гумилев".
    let mut letters = word.chars();
    if let (Some(only), None) = (letters.next(), letters.next())
        && only.is_uppercase()
    {
        return false;
    }
    let lower = word.to_lowercase();
    if BEFORE_NAMES.contains(&lower.as_str()) && first.is_uppercase() {
        // "2024 г. Президент…" ends a sentence; "в г. Алматы" does not.
        return lower == "г" && digit_before_word(chars, i);
    }
    true
}

/// The run of letters that ends right before `chars[i]`.
fn word_before(chars: &[(usize, char)], i: usize) -> String {
    let mut k = i;
    while k > 0 && chars[k - 1].1.is_alphabetic() {
        k -= 1;
    }
    chars[k..i].iter().map(|&(_, c)| c).collect()
}

fn digit_before_word(chars: &[(usize, char)], i: usize) -> bool {
    let word_chars = chars[..i]
        .iter()
        .rev()
        .take_while(|&&(_, c)| c.is_alphabetic())
        .count();
    chars[..i - word_chars]
        .iter()
        .rev()
        .find(|&&(_, c)| !c.is_whitespace())
        .is_some_and(|&(_, c)| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| s.of(text))
            .collect()
    }

    #[test]
    fn initials_do_not_end_a_sentence() {
        let text = "Ош мемлекеттік университеті базасында Л.Н.Гумилев атындағы \
                    Еуразия ұлттық университетінің филиалы ашылды. Келесі сөйлем.";
        assert_eq!(sentences(text).len(), 2);
        assert_eq!(
            sentences("Университет им. Л. Н. Гумилева открыл филиал. Далее."),
            ["Университет им. Л. Н. Гумилева открыл филиал.", "Далее."]
        );
    }

    #[test]
    fn abbreviations_before_lower_case_do_not_end_a_sentence() {
        assert_eq!(
            sentences("Объем составил 2 млрд. долларов, т.е. больше. Рост продолжится."),
            [
                "Объем составил 2 млрд. долларов, т.е. больше.",
                "Рост продолжится."
            ]
        );
        assert_eq!(
            sentences("Жол, көпір т.б. нысандар салынады. Жоба басталды."),
            ["Жол, көпір т.б. нысандар салынады.", "Жоба басталды."]
        );
    }

    #[test]
    fn a_city_after_g_continues_but_a_year_ends() {
        assert_eq!(
            sentences(
                "Встреча прошла в г. Алматы. Стороны подписали протокол в 2024 г. Далее работа."
            ),
            [
                "Встреча прошла в г. Алматы.",
                "Стороны подписали протокол в 2024 г.",
                "Далее работа."
            ]
        );
    }

    #[test]
    fn decimals_stay_whole() {
        assert_eq!(
            sentences("Товарооборот составил $1,4 млрд. Также 1.5 процента роста."),
            [
                "Товарооборот составил $1,4 млрд.",
                "Также 1.5 процента роста."
            ]
        );
    }

    #[test]
    fn guillemets_and_speech_dashes() {
        let text = "«Эта работа важна. Мы продолжим» - сказал Садыр Жапаров. \
                    — Наша цель ясна, — подчеркнул он. «Да!» Так и есть.";
        assert_eq!(
            sentences(text),
            [
                "«Эта работа важна.",
                "Мы продолжим» - сказал Садыр Жапаров.",
                "— Наша цель ясна, — подчеркнул он.",
                "«Да!»",
                "Так и есть."
            ]
        );
    }

    #[test]
    fn run_together_paragraphs_split_at_the_stop() {
        assert_eq!(
            sentences("Главы обсудили вопросы взаимодействия.Стороны подписали протокол."),
            [
                "Главы обсудили вопросы взаимодействия.",
                "Стороны подписали протокол."
            ]
        );
        assert_eq!(
            sentences("деп хабарлайды BAQ.KZ Ақордаға сілтеме жасап."),
            ["деп хабарлайды BAQ.KZ Ақордаға сілтеме жасап."]
        );
    }

    #[test]
    fn english_titles_and_questions() {
        assert_eq!(
            sentences("Dr. Smith visited Osh. Was it useful? Yes… It was."),
            [
                "Dr. Smith visited Osh.",
                "Was it useful?",
                "Yes…",
                "It was."
            ]
        );
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "xx Первое.  Второе. yy";
        let para = Span::new(3, text.len() - 3);
        let got = split(text, para);
        assert_eq!(
            got.iter().map(|s| s.of(text)).collect::<Vec<_>>(),
            ["Первое.", "Второе."]
        );
        assert_eq!(got[0].start, 3);
    }
}
