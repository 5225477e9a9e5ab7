//! Words that look like a place but are not one: what the matcher must drop.
//!
//! - **Datelines** at the start of a paragraph: `ASTANA –`, `АСТАНА. KAZINFORM –`,
//!   `BISHKEK, January 7. /TASS/.`, `НҰР-СҰЛТАН, 27 ақпан – Sputnik.`,
//!   `Baku, Azerbaijan, Aug. 18`, and a headline label `Бішкек:`. A dateline
//!   says where the copy was filed, not where anything happened. The run must be
//!   in capitals (or the paragraph a short line of its own), so that a headline
//!   such as «Алматы – Ыстықкөл автожолы» is still read.
//! - **Domain names** (`Tengrinews.kz`, `Astana-news.kz`, `BAQ.KZ-тің`): every
//!   word of a run of letters with a `.` between Latin letters is part of an
//!   address, never a place.
//! - **Outlet names**: a place name followed by a media word (the `media`
//!   term: *Times*, *Herald*, *news*, *жаңалықтары*) is a publication.
//! - **Same name, other thing**: a town or lake followed by a region word
//!   (`admin`: облысы, района, region, district) or next to a river word
//!   (`river`: реки, өзені, river) is the region or the river.
//! - **Case**: a place is written with a capital; `кант` in lower case is a word.
//! - **Common words**: a place of the places layer whose name is also an
//!   ordinary word ([`crate::evidence::places`]) needs a settlement word beside it
//!   (`settlement`: город, с., ауылы, village).
//!
//! The term names are those of `corpus/gazetteer.toml`; a gazetteer without
//! one of them simply does not apply that guard.

use crate::evidence::found::{Found, Occurrence, Target};
use crate::evidence::gazetteer::{Entry, Gazetteer};

/// The gazetteer terms the grammar of roles and guards is written in.
#[derive(Debug, Clone, Copy, Default)]
pub struct Grammar {
    pub event: Option<usize>,
    pub settlement: Option<usize>,
    /// Opening a thing (`opening`): an event held at the thing itself.
    pub opening: Option<usize>,
    pub district: Option<usize>,
    pub admin: Option<usize>,
    pub river: Option<usize>,
    pub media: Option<usize>,
    pub kazakhstan: Option<usize>,
    pub kyrgyzstan: Option<usize>,
}

impl Grammar {
    pub fn of(g: &Gazetteer) -> Grammar {
        Grammar {
            event: g.term("event"),
            settlement: g.term("settlement"),
            opening: g.term("opening"),
            district: g.term("district"),
            admin: g.term("admin"),
            river: g.term("river"),
            media: g.term("media"),
            kazakhstan: g.term("kazakhstan"),
            kyrgyzstan: g.term("kyrgyzstan"),
        }
    }
}

/// Per token: is it part of a dateline or an address?
pub fn blocked(found: &Found, gazetteer: &Gazetteer) -> Vec<bool> {
    let text = &found.article.text;
    let mut out = vec![false; found.tokens.len()];
    // Only a token beside a '.', '@' or ':' can be part of an address; look
    // at those runs alone.
    let mut k = 0;
    while k < found.tokens.len() {
        let t = &found.tokens[k];
        let joined = |at: usize| text[..at].ends_with(['.', '@', ':', '/', '-']);
        let next_joined = found.tokens.get(k + 1).is_some_and(|n| {
            let gap = &text[t.span.end..n.span.start];
            !gap.is_empty()
                && gap
                    .chars()
                    .all(|c| matches!(c, '.' | '@' | ':' | '/' | '-'))
        });
        if next_joined || joined(t.span.start) {
            out[k] = in_address(text, t.span.start, t.span.end);
        }
        k += 1;
    }
    let places: Vec<&Occurrence> = found
        .occurrences
        .iter()
        .filter(|o| match o.target {
            Target::Entry(e) => {
                let e = &gazetteer.entries[e];
                e.kind == crate::evidence::gazetteer::EntryKind::Place && !e.is_area()
            }
            Target::Term(_) => false,
        })
        .collect();
    for p in &found.article.paragraphs {
        let first = found
            .tokens
            .partition_point(|t| t.span.start < p.span.start);
        let Some(o) = places.iter().find(|o| o.start == first) else {
            continue;
        };
        let run_end = found.tokens[o.end() - 1].span.end;
        if run_end > p.span.end {
            continue; // the paragraph holds no word; the place opens the next one
        }
        let paragraph = p.span.of(text);
        let lead = &text[p.span.start..found.tokens[first].span.start];
        if lead.chars().any(char::is_alphanumeric) || lead.len() > 3 {
            continue;
        }
        let run = &text[found.tokens[first].span.start..run_end];
        let after = &text[run_end..p.span.end];
        if is_dateline(run, after, paragraph.len()) {
            for b in &mut out[o.start..o.end()] {
                *b = true;
            }
        }
    }
    out
}

/// Is the text between `start` and `end` inside a web address?
fn in_address(text: &str, start: usize, end: usize) -> bool {
    let is_word =
        |c: char| !c.is_whitespace() && !matches!(c, '«' | '»' | '"' | '“' | '”' | '(' | ')' | ',');
    let before = text[..start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word(c))
        .last()
        .map_or(start, |(i, _)| i);
    let after = text[end..]
        .char_indices()
        .find(|&(_, c)| !is_word(c))
        .map_or(text.len(), |(i, _)| end + i);
    let run: Vec<char> = text[before..after].chars().collect();
    run.windows(3)
        .any(|w| w[1] == '.' && w[0].is_ascii_alphanumeric() && w[2].is_ascii_alphabetic())
        || run.contains(&'@')
        || text[before..after].contains("://")
}

/// Does a paragraph that opens with the place `run`, followed by `after`, open
/// with a dateline? `len` is the paragraph's length in bytes.
fn is_dateline(run: &str, after: &str, len: usize) -> bool {
    let capitals = run
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let rest = after.trim_start();
    let mut chars = rest.chars();
    let Some(mark) = chars.next() else {
        return false;
    };
    let next_word: String = chars
        .as_str()
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    match mark {
        ':' => !after.starts_with(char::is_whitespace),
        '–' | '—' | '(' => capitals,
        '-' => capitals && after.starts_with(char::is_whitespace),
        '.' => {
            capitals
                && next_word.chars().count() >= 2
                && next_word
                    .chars()
                    .all(|c| c.is_uppercase() || c.is_ascii_digit())
        }
        ',' => {
            // A date follows within a few words: "January 7", "27 ақпан", "Aug. 18".
            let head: String = chars.as_str().chars().take(30).collect();
            let dated = head.chars().any(|c| c.is_ascii_digit());
            dated && (capitals || len <= 40)
        }
        _ => false,
    }
}

/// Should this occurrence of an entry's name count? The region, river and
/// outlet checks apply to every entry (`Кордай ауданы` is the district, not
/// the crossing); case and common words to places only.
pub fn keeps_name(found: &Found, grammar: &Grammar, entry: &Entry, o: &Occurrence) -> bool {
    keeps_common_name(found, grammar, entry, o) && {
        let common = entry.place_info().is_some_and(|p| p.common);
        let next = o.end();
        let prev = o.start.checked_sub(1);
        !common
            || found.term_at(next, grammar.settlement)
            || prev.is_some_and(|p| found.term_at(p, grammar.settlement))
    }
}

/// [`keeps_name`] without its common-word check: the name passes the case,
/// region, river and outlet checks (a caller that has other evidence that
/// an ordinary word names the town uses this).
pub fn keeps_common_name(found: &Found, grammar: &Grammar, entry: &Entry, o: &Occurrence) -> bool {
    let text = &found.article.text;
    let first = &found.tokens[o.start];
    let place = entry.kind == crate::evidence::gazetteer::EntryKind::Place;
    if place && !text[first.span.start..].starts_with(char::is_uppercase) {
        return false;
    }
    let next = o.end();
    let prev = o.start.checked_sub(1);
    let region_or_outlet = found.term_at(next, grammar.admin) || found.term_at(next, grammar.media);
    let river =
        found.term_at(next, grammar.river) || prev.is_some_and(|p| found.term_at(p, grammar.river));
    !(region_or_outlet || river)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        let text = "сообщает Tengrinews.kz и Astana-news.kz, BAQ.KZ-тің арнасы, г.Алматы";
        let at = |w: &str| {
            let s = text.find(w).unwrap();
            in_address(text, s, s + w.len())
        };
        assert!(at("Tengrinews"));
        assert!(at("Astana"));
        assert!(at("BAQ"));
        assert!(!at("сообщает"));
        assert!(!at("Алматы"), "a Cyrillic abbreviation is not an address");
    }

    #[test]
    fn datelines() {
        assert!(is_dateline("ASTANA", " – The officials met.", 200));
        assert!(is_dateline(
            "BISHKEK",
            " (TCA) — Freight traffic grew.",
            200
        ));
        assert!(is_dateline("АСТАНА", ". KAZINFORM – Сегодня", 200));
        assert!(is_dateline("BISHKEK", ", January 7. /TASS/. The", 200));
        assert!(is_dateline("НҰР-СҰЛТАН", ", 27 ақпан – Sputnik.", 200));
        assert!(is_dateline("Baku", ", Azerbaijan, Aug. 18", 25));
        assert!(is_dateline("Бішкек", ": Қазақ-қырғыз шекарасында", 60));
        assert!(!is_dateline(
            "Алматы",
            " - Ыстықкөл автожолының қысқа бағыты",
            60
        ));
        assert!(!is_dateline(
            "Бишкек",
            ", Алматы и Ташкент договорились в 2024 году",
            200
        ));
        assert!(!is_dateline("Astana", " hosted the summit.", 200));
    }
}
