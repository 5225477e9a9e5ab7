//! The URL hash that names what is open: `#feature=<id>&cite=<n>&lang=<ru|kk|en>`.
//!
//! `cite` is the index of a citation in the feature's list. Unknown keys are
//! kept out; a malformed value is ignored rather than breaking the page, so
//! a hand-edited or truncated link still opens what it can.

use bilateral_core::lang::Lang;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeepLink {
    pub feature: Option<String>,
    pub cite: Option<usize>,
    pub lang: Option<Lang>,
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
                _ => {}
            }
        }
        if link.feature.is_none() {
            link.cite = None;
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
        };
        assert_eq!(
            link.format(),
            "#feature=almaty-issyk-kul-road&cite=3&lang=kk"
        );
        assert_eq!(DeepLink::parse(&link.format()), link);
    }

    #[test]
    fn bad_values_are_dropped() {
        let link = DeepLink::parse("#feature=<script>&cite=x&lang=de&junk");
        assert_eq!(link, DeepLink::default());
        assert_eq!(DeepLink::parse("cite=2"), DeepLink::default());
    }
}
