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
//! Nor does it end
//! - where the next word, past any quote or bracket, is in lower case
//!   («в 2019 г. «зелёный коридор» заработал», "i.e. almost");
//! - after an abbreviation that stands before a number (`ст. 12`, `No. 5`, `п. 3`);
//! - after an abbreviation that stands before a name (`оз. Иссык-Куль`, `проф.`);
//! - after a two-letter initial (`Дж. Смит`) or a dotted abbreviation before
//!   an initial (`д.э.н. А. Б. Иванов`);
//! - after the number of a numbered line or heading (`1. Открытие`, `II.`,
//!   `§ 3.`, `2.1.`).
//!
//! Peers' published test cases for Russian segmentation (e.g. the `razdel`
//! project's) keep these whole. Every sentence is a [`Span`] of the original text.

use crate::text::span::{Span, is_closing, is_opening, is_terminal};

/// Abbreviations after which a capitalised word usually continues the sentence
/// (a title or a name follows): `им. Абая`, `ул. Ленина`, `г. Алматы`.
const BEFORE_NAMES: &[&str] = &[
    "им", "ул", "пр", "пос", "с", "г", "акад", "проф", "ген", "св", "оз", "р", "обл", "пер", "мкр",
    "mr", "mrs", "ms", "dr", "st", "prof", "gen", "mt", "lt", "col", "sen", "rep", "көш", "ауд",
    "ауыл", "obl",
];

/// Abbreviations that stand before a number: `ст. 12`, `п. 3`, `No. 5`, `art. 4`.
const BEFORE_NUMBERS: &[&str] = &[
    "ст", "п", "пп", "ч", "гл", "рис", "табл", "стр", "д", "кв", "no", "nos", "art", "p", "pp",
    "sec", "para", "vol", "fig", "бап", "б", "т", "ж",
];

/// Splits the paragraph `para` of `text` into trimmed sentence spans.
///
/// Works on byte offsets into the paragraph: it looks for the next terminal
/// mark byte by byte and decodes characters only around it (no per-character
/// buffer of the whole paragraph).
pub fn split(text: &str, para: Span) -> Vec<Span> {
    let s = para.of(text);
    let mut out = Vec::new();
    let mut start = 0usize; // byte offset in `s`
    let mut from = 0usize;
    while let Some(i) = next_terminal(s, from) {
        let mark = char_at(s, i).expect("a terminal mark starts at i");
        // Take the whole run of terminal marks and closing quotes.
        let j = i
            + mark.len_utf8()
            + s[i + mark.len_utf8()..]
                .chars()
                .take_while(|&c| is_terminal(c) || is_closing(c))
                .map(char::len_utf8)
                .sum::<usize>();
        if ends_here(s, i, j, mark) {
            push(&mut out, text, para.start + start, para.start + j);
            start = j;
        }
        from = j;
    }
    push(&mut out, text, para.start + start, para.end);
    out
}

/// The byte offset of the first terminal mark (`.`, `!`, `?`, `…`) at or
/// after `from`.
fn next_terminal(s: &str, from: usize) -> Option<usize> {
    const ELLIPSIS: &[u8] = "…".as_bytes();
    let bytes = s.as_bytes();
    bytes[from..]
        .iter()
        .enumerate()
        .find(|&(k, &b)| {
            matches!(b, b'.' | b'!' | b'?')
                || (b == ELLIPSIS[0] && bytes[from + k..].starts_with(ELLIPSIS))
        })
        .map(|(k, _)| from + k)
}

fn char_at(s: &str, at: usize) -> Option<char> {
    s.get(at..)?.chars().next()
}

fn push(out: &mut Vec<Span>, text: &str, start: usize, end: usize) {
    let span = Span::new(start, end).trim(text);
    if !span.is_empty() {
        out.push(span);
    }
}

/// Does the sentence end after the terminal run `s[i..j]`, whose first mark is `mark`?
fn ends_here(s: &str, i: usize, j: usize, mark: char) -> bool {
    let Some(next) = char_at(s, j) else {
        return false; // the paragraph's end closes the last sentence anyway
    };
    let word = word_before(s, i);
    let single_stop = mark == '.' && j == i + 1;
    if !next.is_whitespace() {
        // Run-together paragraphs: "взаимодействия.Стороны". Only a full stop right
        // after a lower-case word and before a capitalised word counts, so initials
        // (Л.Н.Гумилев), domains (BAQ.KZ) and numbers (1.4) stay whole.
        return single_stop
            && word.chars().count() >= 2
            && word.chars().all(|c| c.is_lowercase())
            && next.is_uppercase()
            && char_at(s, j + next.len_utf8()).is_some_and(|c| c.is_lowercase());
    }
    let k = j + s[j..]
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(char::len_utf8)
        .sum::<usize>();
    let Some(first) = char_at(s, k) else {
        return false;
    };
    // The first letter or digit of what follows, past quotes, brackets and dashes.
    let visible = s[k..].chars().find(|c| c.is_alphanumeric());
    let starts_sentence = (first.is_uppercase() || first.is_ascii_digit() || is_opening(first))
        && visible.is_some_and(|c| !c.is_lowercase());
    if !starts_sentence {
        return false;
    }
    if !single_stop {
        return true;
    }
    !continues_after_stop(s, i, k, word, first)
}

/// After a full stop at `s[i]` that is followed, from `s[k]` on, by what
/// looks like a new sentence starting with `first`: does the sentence go on
/// all the same (an abbreviation, an initial, a heading's number)?
fn continues_after_stop(s: &str, i: usize, k: usize, word: &str, first: char) -> bool {
    let mut letters = word.chars();
    let (one, two, more) = (letters.next(), letters.next(), letters.next());
    // A single capital letter before the stop is an initial: "Л. Н. Гумилев".
    if one.is_some_and(char::is_uppercase) && two.is_none() {
        return true;
    }
    // A two-letter initial before a name: "Дж. Смит".
    if one.is_some_and(char::is_uppercase)
        && two.is_some_and(char::is_lowercase)
        && more.is_none()
        && first.is_uppercase()
        && (initial_at(s, k) || name_after(s, k))
    {
        return true;
    }
    let lower = word.to_lowercase();
    if BEFORE_NUMBERS.contains(&lower.as_str()) && first.is_ascii_digit() {
        return true;
    }
    if BEFORE_NAMES.contains(&lower.as_str()) && first.is_uppercase() {
        // "2024 г. Президент…" ends a sentence; "в г. Алматы" does not.
        return !(lower == "г" && digit_before_word(s, i));
    }
    // A dotted abbreviation before an initial: "д.э.н. А. Б. Иванов".
    if dotted_before(s, i) && initial_at(s, k) {
        return true;
    }
    heading_number(s, i)
}

/// A single capital letter and a full stop at `s[k]`: an initial.
fn initial_at(s: &str, k: usize) -> bool {
    let mut after = s[k..].chars();
    after.next().is_some_and(char::is_uppercase) && after.next() == Some('.')
}

/// A capitalised word of two letters or more at `s[k]`.
fn name_after(s: &str, k: usize) -> bool {
    s[k..].chars().take_while(|c| c.is_alphabetic()).count() >= 2
}

/// Is the word before the stop at `s[i]` a dotted abbreviation (`д.э.н`, `т.е`)?
fn dotted_before(s: &str, i: usize) -> bool {
    let run = s[..i]
        .chars()
        .rev()
        .take_while(|&c| c.is_alphabetic() || c == '.')
        .map(char::len_utf8)
        .sum::<usize>();
    let word = &s[i - run..i];
    word.contains('.') && word.chars().all(|c| c == '.' || c.is_lowercase())
}

/// Is the text from the line's start to the stop at `s[i]` only the number
/// of a numbered line or heading: `1`, `2.1`, `II`, `§ 3`?
fn heading_number(s: &str, i: usize) -> bool {
    let line_start = s[..i].rfind('\n').map_or(0, |n| n + 1);
    let head = s[line_start..i].trim().trim_start_matches('§').trim();
    let arabic = !head.is_empty()
        && head.chars().all(|c| c.is_ascii_digit() || c == '.')
        && head.starts_with(|c: char| c.is_ascii_digit());
    let roman = !head.is_empty() && head.len() <= 6 && head.chars().all(|c| "IVXLC".contains(c));
    arabic || roman
}

/// The run of letters that ends right before `s[i]`.
fn word_before(s: &str, i: usize) -> &str {
    let run = s[..i]
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum::<usize>();
    &s[i - run..i]
}

fn digit_before_word(s: &str, i: usize) -> bool {
    let word = word_before(s, i);
    s[..i - word.len()]
        .chars()
        .rev()
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| c.is_ascii_digit())
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

    /// Issue 9, point 5: abbreviations, initials and numbered lines that used
    /// to cut a sentence, in Russian and in their Kazakh and English counterparts.
    mod kept_whole {
        use super::*;

        fn whole(text: &str) {
            assert_eq!(sentences(text), [text], "{text}");
        }

        #[test]
        fn a_year_abbreviation_before_a_quote() {
            whole("В 2019 г. «зелёный коридор» заработал на Кордае.");
            whole("2019 ж. «жасыл дәліз» Қордайда іске қосылды.");
            whole("In 2019 the so-called \"green corridor\" opened at Kordai.");
        }

        #[test]
        fn that_is_and_so_called() {
            assert_eq!(
                sentences("Поток вырос, т. е. почти вдвое. Далее."),
                ["Поток вырос, т. е. почти вдвое.", "Далее."]
            );
            whole("Заработало т.н. единое окно для грузов.");
            whole("Ағын өсті, яғни т.с.с. нысандар екі есе көбейді.");
            whole("Traffic grew, i.e. almost twice, and so did trade.");
        }

        #[test]
        fn an_abbreviation_before_a_number() {
            whole("Пункт закрыт согласно ст. 12 соглашения.");
            whole("Келісімнің 12 бап. 3 тармағына сәйкес пункт жабылды.");
            whole("The crossing closed under Art. 12 of the agreement.");
            whole("Checkpoint No. 5 reopened on Monday.");
        }

        #[test]
        fn an_abbreviation_before_a_name() {
            whole("Встреча прошла у оз. Иссык-Куль в июле.");
            whole("Кездесу Ыстықкөл ауд. Балықшы қаласында өтті.");
            whole("The climbers met at Mt. Khan Tengri base camp.");
        }

        #[test]
        fn titles_and_initials() {
            whole("Доклад сделал проф. Дж. Смит из Лондона.");
            whole("Выступил д.э.н. А. Б. Иванов.");
            whole("Баяндаманы проф. Дж. Смит жасады.");
            whole("Баяндаманы э.ғ.д. А. Б. Иванов жасады.");
            whole("The report was given by Prof. J. Smith of London.");
            whole("The speaker was Dr. A. B. Ivanov.");
        }

        #[test]
        fn numbered_lines_and_headings() {
            for text in [
                "1. Открытие пунктов пропуска.",
                "II. Сотрудничество в сфере энергетики",
                "§ 3. Порядок пропуска лиц",
                "2.1. Сроки строительства дороги",
                "1. Өткізу пункттерін ашу.",
                "II. Энергетикадағы ынтымақтастық",
                "1. Opening of the checkpoints.",
                "§ 3. Procedure for crossing",
            ] {
                whole(text);
            }
        }

        #[test]
        fn sentences_still_end_where_they_should() {
            assert_eq!(
                sentences("Подписан протокол и т.д. Новое заседание пройдет в Оше."),
                ["Подписан протокол и т.д.", "Новое заседание пройдет в Оше."]
            );
            assert_eq!(
                sentences("Стороны подписали протокол в 2024 г. Далее работа."),
                ["Стороны подписали протокол в 2024 г.", "Далее работа."]
            );
            assert_eq!(
                sentences("Делегация прибыла в США. Переговоры начались."),
                ["Делегация прибыла в США.", "Переговоры начались."]
            );
        }
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
