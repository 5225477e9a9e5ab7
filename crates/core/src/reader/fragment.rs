//! Links to the cited sentence on the publisher's own page: the article's
//! URL with a text fragment, `#:~:text=start,end`, as the URL Fragment Text
//! Directives spec defines it (WICG, <https://wicg.github.io/scroll-to-text-fragment/>;
//! browsers scroll to and highlight the first match).
//!
//! A quote of more than [`EDGE_WORDS`] × 2 words becomes `textStart,textEnd`
//! (its first and last [`EDGE_WORDS`] words), so a long sentence still
//! matches when the page splits it across elements; a shorter one is
//! `textStart` alone. Each term is percent-encoded as UTF-8, every byte but
//! ASCII letters, digits and `.`, `_`, `~`: the spec's syntax characters `-`,
//! `,` and `&` must be encoded inside a term, and the rest is encoded so
//! the link survives any page's URL handling. Only `http` and `https` URLs
//! get one; any fragment the URL already has is replaced.

/// Words taken from each end of a long quote.
pub const EDGE_WORDS: usize = 4;

/// `url` pointing at `quote` on its page, or `None` when the URL is not
/// http(s) or the quote has no words.
pub fn text_fragment(url: &str, quote: &str) -> Option<String> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return None;
    }
    let words: Vec<&str> = quote.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    let base = url.split('#').next().unwrap_or(url);
    let directive = if words.len() > 2 * EDGE_WORDS {
        format!(
            "{},{}",
            encode(&words[..EDGE_WORDS].join(" ")),
            encode(&words[words.len() - EDGE_WORDS..].join(" "))
        )
    } else {
        encode(&words.join(" "))
    };
    Some(format!("{base}#:~:text={directive}"))
}

/// Percent-encodes every byte of `text` but ASCII alphanumerics and `._~`.
fn encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len() * 3);
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || b"._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_quote_is_the_whole_start_term() {
        assert_eq!(
            text_fragment("https://kaz.kg/news/1", "Road talks went well.").as_deref(),
            Some("https://kaz.kg/news/1#:~:text=Road%20talks%20went%20well.")
        );
    }

    #[test]
    fn the_syntax_characters_are_encoded_inside_a_term() {
        // `-`, `,` and `&` would otherwise split or end the directive.
        assert_eq!(
            text_fragment("http://x.kz/a", "Almaty-Issyk-Kul, roads & bridges").as_deref(),
            Some("http://x.kz/a#:~:text=Almaty%2DIssyk%2DKul%2C%20roads%20%26%20bridges")
        );
    }

    #[test]
    fn a_long_quote_is_its_first_and_last_words_and_cyrillic_is_utf8() {
        let quote =
            "Стороны обсудили строительство автодороги «Алматы – Иссык-Куль» при поддержке банка.";
        let url = text_fragment("https://24.kg/x?id=3#top", quote).unwrap();
        // "Стороны" is D0 A1 D1 82 D0 BE D1 80 D0 BE D0 BD D1 8B in UTF-8.
        assert!(
            url.starts_with(
                "https://24.kg/x?id=3#:~:text=%D0%A1%D1%82%D0%BE%D1%80%D0%BE%D0%BD%D1%8B%20"
            ),
            "{url}"
        );
        let directive = url.split_once("#:~:text=").unwrap().1;
        let terms: Vec<&str> = directive.split(',').collect();
        assert_eq!(terms.len(), 2, "{directive}");
        // The hyphen of «Иссык-Куль» stays inside the end term, encoded.
        assert!(
            terms[1].contains("%2D") && terms[1].ends_with("%D0%B1%D0%B0%D0%BD%D0%BA%D0%B0."),
            "{directive}"
        );
        assert!(!directive.contains(['-', '&', ' ', '«']));
    }

    #[test]
    fn only_http_urls_and_quotes_with_words() {
        assert_eq!(text_fragment("javascript:alert(1)", "Road."), None);
        assert_eq!(text_fragment("ftp://x.kz/a", "Road."), None);
        assert_eq!(text_fragment("https://x.kz/a", "  \n "), None);
        assert!(text_fragment("HTTPS://X.KZ/a", "Road.").is_some());
    }
}
