//! Recognising site boilerplate in scraped news text, one line at a time.
//!
//! Each pattern below was seen in a real scrape (the seed corpus) or is its
//! counterpart on Kazakh and English sites; each has a test. A source-link
//! line (`Ссылка на новость: <url>`) gives the article's URL, and everything
//! after it is the site's trailer (read counters, «Еще из этой рубрики», typo
//! notices), not the article.

/// What a line of a scraped article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind<'a> {
    /// `Ссылка на новость: https://…`: the URL; the trailer starts here.
    SourceLink(&'a str),
    /// A line that opens the site's trailer (related links, read counter).
    TrailerStart,
    /// A line that is never article text (photo credit, typo notice).
    Boilerplate,
    Text,
}

/// Labels that introduce the article's own URL.
const SOURCE_LABELS: &[&str] = &[
    "ссылка на новость",
    "источник",
    "дереккөз",
    "түпнұсқа",
    "source",
    "original article",
];

/// Line openings after which the rest of the file is the site's, not the article's.
const TRAILER_OPENINGS: &[&str] = &[
    "новость прочитана",
    "еще из этой рубрики",
    "ещё из этой рубрики",
    "читайте также",
    "осы айдардан",
    "тағы оқыңыз",
    "related news",
    "read more",
];

/// Lines that are never article text wherever they stand.
const BOILERPLATE_OPENINGS: &[&str] = &[
    "фото:",
    "фото -",
    "фото –",
    "сурет:",
    "photo:",
    "заметили опечатку",
    "қате байқасаңыз",
    "found a typo",
];

/// Sign-offs that close a site's trailer ("Спасибо!" after the typo notice).
const TRAILER_SIGN_OFFS: &[&str] = &["спасибо!", "рахмет!", "thank you!", "thanks!"];

/// Is this trailer line one of the site's own sign-offs, not lost article text?
pub fn is_trailer_sign_off(line: &str) -> bool {
    TRAILER_SIGN_OFFS.contains(&line.trim().to_lowercase().as_str())
}

/// How much of a line's start [`classify`] lower-cases and compares with its
/// labels and openings: the longest is 19 characters, and a label's colon
/// must fall inside the head too (a test keeps 16 characters of room).
/// Lower-casing Cyrillic goes through a table per character, so the head is
/// kept short: a paragraph is one line, and thousands of bytes.
const HEAD_CHARS: usize = 40;

/// Classifies one line (without its line end).
pub fn classify(line: &str) -> LineKind<'_> {
    let trimmed = line.trim();
    // Every label and opening is a prefix of a few words: lower-case the
    // line's start only (a paragraph is one line, and thousands of bytes).
    let head = trimmed
        .char_indices()
        .nth(HEAD_CHARS)
        .map_or(trimmed, |(at, _)| &trimmed[..at]);
    let lower = head.to_lowercase();
    for label in SOURCE_LABELS {
        // The labels hold no colon, so the first colon of the line is the label's.
        if let Some(rest) = lower.strip_prefix(label)
            && rest.trim_start().starts_with(':')
            && let Some((_, value)) = trimmed.split_once(':')
            && let value = value.trim()
            && !value.is_empty()
            && !value.contains(' ')
        {
            return LineKind::SourceLink(value);
        }
    }
    if TRAILER_OPENINGS.iter().any(|p| lower.starts_with(p)) {
        return LineKind::TrailerStart;
    }
    if BOILERPLATE_OPENINGS.iter().any(|p| lower.starts_with(p)) && trimmed.chars().count() < 120 {
        return LineKind::Boilerplate;
    }
    LineKind::Text
}

/// Drops a news agency's attribution from a headline that runs into its lead:
/// "…отырысы өтті, деп хабарлайды BAQ.KZ …" → "…отырысы өтті".
pub fn strip_attribution(title: &str) -> &str {
    const MARKERS: &[&str] = &[
        ", деп хабарлайды",
        ", деп жазады",
        ", сообщает",
        ", передает",
        ", передаёт",
        ", reports",
    ];
    let cut = MARKERS.iter().filter_map(|m| title.find(m)).min();
    match cut {
        Some(at) if at > 0 => title[..at].trim_end(),
        _ => title,
    }
}

/// Does the line hold something that looks like an HTML tag?
pub fn has_markup(line: &str) -> bool {
    let bytes = line.as_bytes();
    bytes
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
        && line.contains('>')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_and_opening_fits_in_the_head_with_room_for_its_colon() {
        for p in SOURCE_LABELS
            .iter()
            .chain(TRAILER_OPENINGS)
            .chain(BOILERPLATE_OPENINGS)
        {
            assert!(p.chars().count() + 16 <= HEAD_CHARS, "{p}");
        }
    }

    #[test]
    fn a_label_with_spaces_before_its_colon_is_still_a_label() {
        assert_eq!(
            classify("Ссылка на новость   : https://example.kz/a"),
            LineKind::SourceLink("https://example.kz/a")
        );
    }

    #[test]
    fn source_link_line_gives_the_url() {
        assert_eq!(
            classify("Ссылка на новость: https://kant.kg/2024-02-01/predsedatel/"),
            LineKind::SourceLink("https://kant.kg/2024-02-01/predsedatel/")
        );
        assert_eq!(
            classify("Дереккөз: https://baq.kz/x"),
            LineKind::SourceLink("https://baq.kz/x")
        );
        assert_eq!(
            classify("Source: https://a.org/b"),
            LineKind::SourceLink("https://a.org/b")
        );
    }

    #[test]
    fn a_sentence_starting_with_a_label_word_is_text() {
        assert_eq!(
            classify("Источник в правительстве сообщил: проект одобрен."),
            LineKind::Text
        );
    }

    #[test]
    fn read_counter_opens_the_trailer() {
        assert_eq!(
            classify("Новость прочитана 113 раз(a)."),
            LineKind::TrailerStart
        );
    }

    #[test]
    fn more_from_this_section_opens_the_trailer() {
        assert_eq!(classify("Еще из этой рубрики:"), LineKind::TrailerStart);
        assert_eq!(classify("Read more:"), LineKind::TrailerStart);
    }

    #[test]
    fn typo_notice_is_boilerplate() {
        assert_eq!(
            classify("Заметили опечатку в тексте. Выделите ее мышкой и нажмите Ctrl + Enter."),
            LineKind::Boilerplate
        );
    }

    #[test]
    fn photo_credit_is_boilerplate() {
        assert_eq!(
            classify("Фото: Пресс-служба Правительства РК"),
            LineKind::Boilerplate
        );
        assert_eq!(classify("Photo: Akorda"), LineKind::Boilerplate);
    }

    #[test]
    fn thanks_closes_the_trailer() {
        assert!(is_trailer_sign_off("Спасибо!"));
        assert!(!is_trailer_sign_off("Спасибо за внимание к проекту."));
    }

    #[test]
    fn attribution_is_cut_from_a_headline() {
        assert_eq!(
            strip_attribution(
                "Кеңестің отырысы өтті, деп хабарлайды BAQ.KZ Ақордаға сілтеме жасап."
            ),
            "Кеңестің отырысы өтті"
        );
        assert_eq!(
            strip_attribution("Переговоры прошли, сообщает Кабар"),
            "Переговоры прошли"
        );
        assert_eq!(strip_attribution("Без атрибуции"), "Без атрибуции");
    }

    #[test]
    fn markup_is_detected() {
        assert!(has_markup("a <b>bold</b> word"));
        assert!(!has_markup("x < y and y > z"));
    }
}
