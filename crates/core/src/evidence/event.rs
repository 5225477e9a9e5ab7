//! The same event reported by several articles (a Russian and a Kazakh
//! report of one summit), grouped at build time.
//!
//! Two articles report the same event when both are dated, at most
//! [`DAYS`] days apart, and either name the same meeting (a gazetteer term
//! whose name starts with [`MEETING`], e.g. `meeting-supreme-council`:
//! «Высший межгосударственный совет», «Жоғары мемлекетаралық кеңес»,
//! "Supreme Interstate Council", matched by stem like every phrase) or
//! link at least [`SHARED`] features in common (one shared town or project
//! alone is too common a coincidence in a busy week). Groups are the
//! connected parts of that relation (union–find), so three reports of one
//! summit form one group, but a group never spans more than [`DAYS`] days
//! in all: a busy month of reports sharing towns two by two does not chain
//! into one "event" (`make bench-scale`'s 10,000 articles did, into one of
//! thousands). An undated article is never grouped: its date is
//! not guessed.

use serde::{Deserialize, Serialize};

use crate::evidence::citation::Feature;
use crate::evidence::found::{Found, Target};
use crate::evidence::gazetteer::Gazetteer;
use crate::text::article::{Article, Date};

/// How many days apart two reports of one event may be dated.
pub const DAYS: i64 = 2;
/// How many linked features two reports must share without a named meeting.
pub const SHARED: usize = 2;
/// The prefix of the gazetteer terms that name a meeting.
pub const MEETING: &str = "meeting-";

/// Articles (indices into the corpus's) that report one event, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub articles: Vec<usize>,
}

/// The meeting terms (see the module header) an article names, from its scan.
pub fn meetings_named(found: &Found, gazetteer: &Gazetteer) -> Vec<usize> {
    if found.article.date.is_none() {
        return Vec::new();
    }
    let mut ts: Vec<usize> = found
        .occurrences
        .iter()
        .filter_map(|o| match o.target {
            Target::Term(t) if o.strict && gazetteer.terms[t].name.starts_with(MEETING) => Some(t),
            _ => None,
        })
        .collect();
    ts.sort_unstable();
    ts.dedup();
    ts
}

/// The groups of two or more articles that report one event; `named` is
/// each article's [`meetings_named`].
pub fn group(articles: &[Article], features: &[Feature], named: &[Vec<usize>]) -> Vec<Event> {
    let mut linked: Vec<Vec<usize>> = vec![Vec::new(); articles.len()];
    for (fi, f) in features.iter().enumerate() {
        for c in f.citations.iter().filter(|c| c.links()) {
            if linked[c.article].last() != Some(&fi) {
                linked[c.article].push(fi);
            }
        }
    }
    let days: Vec<Option<i64>> = articles.iter().map(|a| a.date.map(day_number)).collect();
    // The articles of each day, in order: a pair is looked at only within
    // DAYS days, in the same (a, b) order as a loop over all pairs.
    let mut by_day: std::collections::HashMap<i64, Vec<usize>> = Default::default();
    for (i, d) in days.iter().enumerate() {
        if let Some(d) = d {
            by_day.entry(*d).or_default().push(i);
        }
    }
    let mut parent: Vec<usize> = (0..articles.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // Each group's first and last day, at its root.
    let mut span: Vec<(i64, i64)> = days.iter().map(|d| d.map_or((0, 0), |d| (d, d))).collect();
    for a in 0..articles.len() {
        let Some(da) = days[a] else { continue };
        let mut near: Vec<usize> = (da - DAYS..=da + DAYS)
            .filter_map(|d| by_day.get(&d))
            .flatten()
            .copied()
            .filter(|&b| b > a)
            .collect();
        near.sort_unstable();
        for b in near {
            let meeting = named[a].iter().any(|t| named[b].contains(t));
            let shared = linked[a].iter().filter(|f| linked[b].contains(f)).count();
            if meeting || shared >= SHARED {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                // No chains: a group spans at most DAYS days in all.
                let merged = (span[ra].0.min(span[rb].0), span[ra].1.max(span[rb].1));
                if ra != rb && merged.1 - merged.0 <= DAYS {
                    parent[ra.max(rb)] = ra.min(rb);
                    span[ra.min(rb)] = merged;
                }
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); articles.len()];
    for a in 0..articles.len() {
        let r = root(&mut parent, a);
        groups[r].push(a);
    }
    groups
        .into_iter()
        .filter(|g| g.len() > 1)
        .map(|articles| Event { articles })
        .collect()
}

/// Days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's
/// `days_from_civil`, <https://howardhinnant.github.io/date_algorithms.html>).
pub fn day_number(d: Date) -> i64 {
    let (m, day) = (i64::from(d.month), i64::from(d.day));
    let y = i64::from(d.year) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::evidence::corpus::Corpus;
    use crate::text::article::parse_text;
    use std::path::Path;

    #[test]
    fn day_numbers_match_the_calendar() {
        // From Python: (date(y, m, d) - date(1970, 1, 1)).days
        let d = |year, month, day| day_number(Date { year, month, day });
        assert_eq!(d(1970, 1, 1), 0);
        assert_eq!(d(2000, 3, 1), 11_017);
        assert_eq!(d(2024, 2, 29), 19_782);
        assert_eq!(d(2025, 8, 22), 20_322);
    }

    const GAZETTEER: &str = "[term.event]\nru = [\"встреч*\", \"=прошла\"]\nkk = []\nen = []\n\n[term.meeting-council]\nru = [\"Высший межгосударственный совет\"]\n\
        kk = [\"Жоғары мемлекетаралық кеңес\"]\nen = [\"Supreme Interstate Council\"]\n\n\
        [[entry]]\nid = \"osh\"\nkind = \"place\"\ncategory = \"city\"\n\
        name = { ru = \"Ош\", kk = \"Ош\", en = \"Osh\" }\n\
        point = { lat = 40.5, lon = 72.8 }\nprovenance = \"GeoNames\"\n\n\
        [[entry]]\nid = \"naryn\"\nkind = \"place\"\ncategory = \"city\"\n\
        name = { ru = \"Нарын\", kk = \"Нарын\", en = \"Naryn\" }\n\
        point = { lat = 41.4, lon = 76.0 }\nprovenance = \"GeoNames\"\n";

    /// Articles of `(date or "", body)` over a gazetteer of Osh, Naryn and one meeting.
    pub(crate) fn corpus(texts: &[(&str, &str)]) -> Corpus {
        let gazetteer = Gazetteer::parse(Path::new("g.toml"), GAZETTEER).unwrap();
        let articles = texts
            .iter()
            .enumerate()
            .map(|(i, (date, body))| {
                let text = if date.is_empty() {
                    body.to_string()
                } else {
                    format!("---\ndate: {date}\n---\n\n{body}")
                };
                parse_text(&format!("a{i}"), Path::new("a.txt"), &text).unwrap()
            })
            .collect();
        Corpus::link(articles, gazetteer)
    }

    #[test]
    fn one_meeting_in_two_languages_is_one_event() {
        let c = corpus(&[
            (
                "2025-08-22",
                "Состоялось заседание Высшего межгосударственного совета.",
            ),
            (
                "2025-08-23",
                "Жоғары мемлекетаралық кеңесінің отырысы өтті.",
            ),
            ("2025-08-22", "Погода в Бишкеке хорошая."),
        ]);
        assert_eq!(
            c.events,
            vec![Event {
                articles: vec![0, 1]
            }]
        );
    }

    #[test]
    fn not_the_same_event() {
        // The same meeting named three days apart; one shared town; undated.
        let c = corpus(&[
            (
                "2025-08-22",
                "Состоялось заседание Высшего межгосударственного совета.",
            ),
            (
                "2025-08-25",
                "Состоялось заседание Высшего межгосударственного совета.",
            ),
            ("2025-08-22", "Встреча прошла в Оше."),
            (
                "2025-08-22",
                "Встреча прошла в Оше. Встреча прошла в Нарыне.",
            ),
        ]);
        assert!(c.events.is_empty(), "{:?}", c.events);
        let undated = corpus(&[
            (
                "2025-08-22",
                "Встреча прошла в Оше. Встреча прошла в Нарыне.",
            ),
            ("", "Встреча прошла в Оше. Встреча прошла в Нарыне."),
        ]);
        assert_eq!(undated.articles[1].date, None);
        assert!(undated.events.is_empty());
    }

    #[test]
    fn reports_two_days_apart_two_by_two_do_not_chain() {
        let text = "Встреча прошла в Оше. Встреча прошла в Нарыне.";
        let c = corpus(&[
            ("2025-08-20", text),
            ("2025-08-22", text),
            ("2025-08-24", text),
            ("2025-08-26", text),
        ]);
        assert_eq!(
            c.events,
            vec![
                Event {
                    articles: vec![0, 1]
                },
                Event {
                    articles: vec![2, 3]
                }
            ]
        );
    }

    #[test]
    fn two_shared_features_in_two_days_are_one_event() {
        let c = corpus(&[
            (
                "2025-08-22",
                "Встреча прошла в Оше. Встреча прошла в Нарыне.",
            ),
            (
                "2025-08-24",
                "Встреча прошла в Оше. Встреча прошла в Нарыне.",
            ),
        ]);
        assert_eq!(
            c.events,
            vec![Event {
                articles: vec![0, 1]
            }]
        );
    }
}
