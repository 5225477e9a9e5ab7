//! When the corpus talks about each feature: the articles' dates as a
//! histogram of citations per calendar month ([`Histogram`]), a reader's
//! date range over it ([`Period`]), and a feature's first and last dated
//! mention ([`first_last`]).
//!
//! Dates are the articles' own (`Article::date`, from the header line or
//! front matter); an article without one is never given a date: it is
//! counted apart, and a [`Period`] says whether undated citations are shown.
//! Months are counted from year 0 (`year × 12 + month − 1`), so a range of
//! months is a range of integers.

use crate::evidence::citation::Citation;
use crate::evidence::corpus::Corpus;
use crate::text::article::Date;

/// A calendar month, as months since January of year 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month(pub u32);

impl Month {
    pub fn of(date: Date) -> Month {
        Month(u32::from(date.year) * 12 + u32::from(date.month) - 1)
    }

    pub fn year(self) -> u16 {
        (self.0 / 12) as u16
    }

    /// 1 to 12.
    pub fn month(self) -> u8 {
        (self.0 % 12) as u8 + 1
    }

    pub fn first_day(self) -> Date {
        Date {
            year: self.year(),
            month: self.month(),
            day: 1,
        }
    }

    pub fn last_day(self) -> Date {
        Date {
            year: self.year(),
            month: self.month(),
            day: Date::days_in(u32::from(self.year()), u32::from(self.month())).unwrap_or(28),
        }
    }
}

/// The citations a reader asked to see: articles dated `since..=until`
/// (either end open), and undated ones when `undated` is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub since: Option<Date>,
    pub until: Option<Date>,
    pub undated: bool,
}

impl Default for Period {
    fn default() -> Period {
        Period::ALL
    }
}

impl Period {
    /// Every citation, dated or not.
    pub const ALL: Period = Period {
        since: None,
        until: None,
        undated: true,
    };

    pub fn is_all(&self) -> bool {
        *self == Period::ALL
    }

    /// Whether an article of this date is in the period.
    pub fn holds(&self, date: Option<Date>) -> bool {
        match date {
            None => self.undated,
            Some(d) => self.since.is_none_or(|s| d >= s) && self.until.is_none_or(|u| d <= u),
        }
    }

    pub fn cites(&self, corpus: &Corpus, c: &Citation) -> bool {
        self.holds(corpus.articles[c.article].date)
    }

    /// How many of the feature's citations are in the period.
    pub fn count(&self, corpus: &Corpus, feature: usize) -> usize {
        let citations = &corpus.features[feature].citations;
        if self.is_all() {
            return citations.len();
        }
        citations.iter().filter(|c| self.cites(corpus, c)).count()
    }
}

/// Citations per month from the first dated month to the last, and the
/// articles with citations but no date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Histogram {
    /// The month of `counts[0]`; `None` when no cited article is dated.
    pub first: Option<Month>,
    pub counts: Vec<u32>,
    /// Cited articles without a date.
    pub undated: usize,
}

impl Histogram {
    pub fn of(corpus: &Corpus) -> Histogram {
        let mut months: Vec<Month> = Vec::new();
        let mut cited = vec![false; corpus.articles.len()];
        for c in corpus.features.iter().flat_map(|f| &f.citations) {
            cited[c.article] = true;
            if let Some(d) = corpus.articles[c.article].date {
                months.push(Month::of(d));
            }
        }
        let undated = (0..cited.len())
            .filter(|&a| cited[a] && corpus.articles[a].date.is_none())
            .count();
        let (Some(&lo), Some(&hi)) = (months.iter().min(), months.iter().max()) else {
            return Histogram {
                first: None,
                counts: Vec::new(),
                undated,
            };
        };
        let mut counts = vec![0u32; (hi.0 - lo.0) as usize + 1];
        for m in months {
            counts[(m.0 - lo.0) as usize] += 1;
        }
        Histogram {
            first: Some(lo),
            counts,
            undated,
        }
    }

    /// The month of bar `i`.
    pub fn month(&self, i: usize) -> Option<Month> {
        self.first
            .filter(|_| i < self.counts.len())
            .map(|m| Month(m.0 + i as u32))
    }

    /// The bar a date falls in, clamped to the histogram.
    pub fn bar(&self, date: Date) -> usize {
        let (Some(first), Some(last)) = (self.first, self.counts.len().checked_sub(1)) else {
            return 0;
        };
        (Month::of(date).0.saturating_sub(first.0) as usize).min(last)
    }
}

/// A feature's first and last dated citation (its undated ones say nothing
/// about when).
pub fn first_last(corpus: &Corpus, feature: usize) -> Option<(Date, Date)> {
    let dates = corpus.features[feature]
        .citations
        .iter()
        .filter_map(|c| corpus.articles[c.article].date);
    dates.fold(None, |acc, d| match acc {
        None => Some((d, d)),
        Some((lo, hi)) => Some((lo.min(d), hi.max(d))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn months_know_their_days() {
        let m = Month::of(date("2024-02-10"));
        assert_eq!((m.year(), m.month()), (2024, 2));
        assert_eq!(m.first_day(), date("2024-02-01"));
        assert_eq!(m.last_day(), date("2024-02-29"));
        assert_eq!(Month(m.0 + 11).last_day(), date("2025-01-31"));
    }

    #[test]
    fn a_period_holds_its_ends_and_undated_only_when_asked() {
        let p = Period {
            since: Some(date("2024-01-01")),
            until: Some(date("2024-12-31")),
            undated: false,
        };
        assert!(p.holds(Some(date("2024-01-01"))));
        assert!(p.holds(Some(date("2024-12-31"))));
        assert!(!p.holds(Some(date("2025-01-01"))));
        assert!(!p.holds(Some(date("2023-12-31"))));
        assert!(!p.holds(None));
        assert!(Period { undated: true, ..p }.holds(None));
        assert!(Period::ALL.holds(None) && Period::ALL.is_all());
    }

    #[test]
    fn citations_by_month_with_the_undated_apart() {
        let c = crate::evidence::event::tests::corpus(&[
            (
                "2025-08-22",
                "Встреча прошла в Оше. Встреча прошла в Нарыне.",
            ),
            ("2025-06-01", "Встреча прошла в Оше."),
            ("", "Встреча прошла в Нарыне."),
            ("2025-07-09", "Погода хорошая."),
        ]);
        let h = Histogram::of(&c);
        // June: 1 (Osh), July: none cited, August: 2 (Osh, Naryn).
        assert_eq!(h.first, Some(Month::of(date("2025-06-01"))));
        assert_eq!(h.counts, vec![1, 0, 2]);
        assert_eq!(h.undated, 1);
        assert_eq!(h.month(2).map(Month::first_day), Some(date("2025-08-01")));
        assert_eq!(h.month(3), None);
        assert_eq!(h.bar(date("2024-01-01")), 0);
        assert_eq!(h.bar(date("2026-01-01")), 2);
        let osh = c.feature_index("osh").unwrap();
        let naryn = c.feature_index("naryn").unwrap();
        assert_eq!(
            first_last(&c, osh),
            Some((date("2025-06-01"), date("2025-08-22")))
        );
        assert_eq!(
            first_last(&c, naryn),
            Some((date("2025-08-22"), date("2025-08-22")))
        );
        let summer = Period {
            since: Some(date("2025-06-01")),
            until: Some(date("2025-06-30")),
            undated: false,
        };
        assert_eq!((summer.count(&c, osh), summer.count(&c, naryn)), (1, 0));
        let with_undated = Period {
            undated: true,
            ..summer
        };
        assert_eq!(with_undated.count(&c, naryn), 1);
        assert_eq!(Period::ALL.count(&c, naryn), 2);
    }

    #[test]
    fn no_dated_article_no_bars() {
        let c = crate::evidence::event::tests::corpus(&[("", "Встреча прошла в Оше.")]);
        let h = Histogram::of(&c);
        assert_eq!((h.first, h.counts.len(), h.undated), (None, 0, 1));
        assert_eq!(h.bar(date("2025-01-01")), 0);
        assert_eq!(first_last(&c, 0), None);
    }
}
