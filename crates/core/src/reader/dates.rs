//! Dates as the widget shows them, in the widget's language rather than the
//! browser's locale: [`date`] for a day (article dates, the panel's first
//! and last, the fallback), [`month`] for the timeline's bars and handles,
//! and [`field`]/[`parse_field`] for the timeline's typed date fields.
//!
//! The forms are CLDR 48's (as ICU 78.2 formats them, e.g. Node's
//! `Intl.DateTimeFormat`): Russian `dateStyle: short` (`01.02.2024`), Kazakh
//! `dateStyle: medium` (`2024 ж. 01 ақп.`), British English `dateStyle:
//! medium` (`1 Feb 2024`, with CLDR's `Sept`); months with their year as
//! `{month: long, year: numeric}` (`февраль 2024 г.`, `2024 ж. ақпан`,
//! `February 2024`). A typed field reads `ДД.ММ.ГГГГ` in Russian and
//! Kazakh, the numeric form both languages write, and ISO `YYYY-MM-DD` in
//! English, where `01/02/2024` means two different days on either side of
//! the Atlantic; both forms are read in every language.

use crate::text::article::Date;
use crate::text::lang::Lang;

const KK_SHORT: [&str; 12] = [
    "қаң.", "ақп.", "нау.", "сәу.", "мам.", "мау.", "шіл.", "там.", "қыр.", "қаз.", "қар.", "жел.",
];
const EN_SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec",
];
const RU_LONG: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];
const KK_LONG: [&str; 12] = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];
const EN_LONG: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn index(month: u8) -> usize {
    usize::from(month.clamp(1, 12) - 1)
}

/// A day in `lang`: `22.08.2025`, `2025 ж. 22 там.`, `22 Aug 2025`.
pub fn date(lang: Lang, d: Date) -> String {
    let m = index(d.month);
    match lang {
        Lang::Ru => format!("{:02}.{:02}.{}", d.day, d.month, d.year),
        Lang::Kk => format!("{} ж. {:02} {}", d.year, d.day, KK_SHORT[m]),
        Lang::En => format!("{} {} {}", d.day, EN_SHORT[m], d.year),
    }
}

/// A month with its year in `lang`: `август 2025 г.`, `2025 ж. тамыз`,
/// `August 2025`.
pub fn month(lang: Lang, year: u16, month: u8) -> String {
    let m = index(month);
    match lang {
        Lang::Ru => format!("{} {year} г.", RU_LONG[m]),
        Lang::Kk => format!("{year} ж. {}", KK_LONG[m]),
        Lang::En => format!("{} {year}", EN_LONG[m]),
    }
}

/// How a typed date field writes its day in `lang`: `22.08.2025`, or
/// `2025-08-22` in English.
pub fn field(lang: Lang, d: Date) -> String {
    match lang {
        Lang::Ru | Lang::Kk => format!("{:02}.{:02}.{}", d.day, d.month, d.year),
        Lang::En => d.to_string(),
    }
}

/// The hint a typed date field shows for its form in `lang`.
pub fn field_hint(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "ДД.ММ.ГГГГ",
        Lang::Kk => "КК.АА.ЖЖЖЖ",
        Lang::En => "YYYY-MM-DD",
    }
}

/// Reads a typed day, `D.M.YYYY` or `YYYY-MM-DD` (spaces around it
/// ignored), checking that the day exists.
pub fn parse_field(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Some(d) = Date::parse(s) {
        return Some(d);
    }
    let mut parts = s.split('.');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    let ok = parts.next().is_none()
        && (1..=2).contains(&day.len())
        && (1..=2).contains(&month.len())
        && year.len() == 4;
    ok.then(|| Date::parse(&format!("{year}-{month:0>2}-{day:0>2}")))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn days_are_written_as_cldr_writes_them() {
        // Expected values: Node 20's Intl.DateTimeFormat (ICU 78.2, CLDR 48).
        let d = day("2024-02-01");
        assert_eq!(date(Lang::Ru, d), "01.02.2024");
        assert_eq!(date(Lang::Kk, d), "2024 ж. 01 ақп.");
        assert_eq!(date(Lang::En, d), "1 Feb 2024");
        let d = day("2025-09-22");
        assert_eq!(date(Lang::Ru, d), "22.09.2025");
        assert_eq!(date(Lang::Kk, d), "2025 ж. 22 қыр.");
        assert_eq!(date(Lang::En, d), "22 Sept 2025");
        assert_eq!(date(Lang::Kk, day("2025-05-22")), "2025 ж. 22 мам.");
        assert_eq!(date(Lang::Kk, day("2025-06-22")), "2025 ж. 22 мау.");
    }

    #[test]
    fn months_are_written_with_their_year() {
        assert_eq!(month(Lang::Ru, 2024, 2), "февраль 2024 г.");
        assert_eq!(month(Lang::Kk, 2025, 9), "2025 ж. қыркүйек");
        assert_eq!(month(Lang::En, 2025, 12), "December 2025");
    }

    #[test]
    fn fields_read_back_what_they_write_and_refuse_days_that_do_not_exist() {
        for lang in [Lang::Ru, Lang::Kk, Lang::En] {
            for s in ["2024-02-29", "2025-12-31", "2025-01-01"] {
                assert_eq!(
                    parse_field(&field(lang, day(s))),
                    Some(day(s)),
                    "{lang:?} {s}"
                );
            }
        }
        assert_eq!(field(Lang::Ru, day("2024-02-01")), "01.02.2024");
        assert_eq!(field(Lang::En, day("2024-02-01")), "2024-02-01");
        assert_eq!(parse_field(" 1.2.2024 "), Some(day("2024-02-01")));
        assert_eq!(parse_field("2024-02-01"), Some(day("2024-02-01")));
        for bad in [
            "29.02.2025",
            "32.01.2024",
            "01.13.2024",
            "1.2.24",
            "01/02/2024",
            "",
            "1.2.2024.5",
        ] {
            assert_eq!(parse_field(bad), None, "{bad}");
        }
    }
}
