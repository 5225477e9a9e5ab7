//! The URL hash that names what is open:
//! `#feature=<id>&cite=<n>&lang=<ru|kk|en>&since=<YYYY-MM-DD>&until=<YYYY-MM-DD>&undated=0`.
//!
//! `cite` is the index of a citation in the feature's list; `since`,
//! `until` and `undated` are the timeline's period
//! (`bilateral_core::timeline::Period`), `undated=0` hiding the citations of
//! undated articles. Unknown keys are
//! kept out; a malformed value is ignored rather than breaking the page, so
//! a hand-edited or truncated link still opens what it can.

use bilateral_core::article::Date;
use bilateral_core::lang::Lang;
use bilateral_core::timeline::Period;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeepLink {
    pub feature: Option<String>,
    pub cite: Option<usize>,
    pub lang: Option<Lang>,
    pub period: Period,
}

impl DeepLink {
    /// Parses a hash with or without its leading `#`.
    pub fn parse(hash: &str) -> DeepLink {
        let mut link = DeepLink::default();
        for pair in hash.trim_start_matches('#').split('&') {
            let Some((key, value)) = pair.split_once('=') else {
                continue;
            };
            let value = percent_decode(value);
            match key {
                "feature" if is_id(&value) => link.feature = Some(value),
                "cite" => link.cite = value.parse().ok(),
                "lang" => link.lang = Lang::from_code(&value),
                "since" => link.period.since = Date::parse(&value),
                "until" => link.period.until = Date::parse(&value),
                "undated" => link.period.undated = value != "0",
                _ => {}
            }
        }
        if link.feature.is_none() {
            link.cite = None;
        }
        if let (Some(s), Some(u)) = (link.period.since, link.period.until)
            && s > u
        {
            (link.period.since, link.period.until) = (Some(u), Some(s));
        }
        link
    }

    /// The hash for this state, `""` when nothing is open and no language is set.
    pub fn format(&self) -> String {
        let mut parts = Vec::new();
        if let Some(f) = &self.feature {
            parts.push(format!("feature={f}"));
            if let Some(c) = self.cite {
                parts.push(format!("cite={c}"));
            }
        }
        if let Some(l) = self.lang {
            parts.push(format!("lang={}", l.code()));
        }
        if let Some(d) = self.period.since {
            parts.push(format!("since={d}"));
        }
        if let Some(d) = self.period.until {
            parts.push(format!("until={d}"));
        }
        if !self.period.undated {
            parts.push("undated=0".into());
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("#{}", parts.join("&"))
        }
    }
}

/// Gazetteer ids are lower-case ASCII, digits and hyphens.
fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let link = DeepLink {
            feature: Some("almaty-issyk-kul-road".into()),
            cite: Some(3),
            lang: Some(Lang::Kk),
            period: Period::ALL,
        };
        assert_eq!(
            link.format(),
            "#feature=almaty-issyk-kul-road&cite=3&lang=kk"
        );
        assert_eq!(DeepLink::parse(&link.format()), link);
    }

    #[test]
    fn a_period_round_trips_and_reversed_ends_are_put_in_order() {
        let link = DeepLink {
            period: Period {
                since: Date::parse("2024-01-01"),
                until: Date::parse("2024-12-31"),
                undated: false,
            },
            ..DeepLink::default()
        };
        assert_eq!(
            link.format(),
            "#since=2024-01-01&until=2024-12-31&undated=0"
        );
        assert_eq!(DeepLink::parse(&link.format()), link);
        let reversed = DeepLink::parse("#since=2024-12-31&until=2024-01-01&undated=0");
        assert_eq!(reversed, link);
        let bad = DeepLink::parse("#since=2024-13-01&until=yesterday");
        assert_eq!(bad.period, Period::ALL);
    }

    #[test]
    fn bad_values_are_dropped() {
        let link = DeepLink::parse("#feature=<script>&cite=x&lang=de&junk");
        assert_eq!(link, DeepLink::default());
        assert_eq!(DeepLink::parse("cite=2"), DeepLink::default());
    }
}
