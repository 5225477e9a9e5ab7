//! Small text primitives shared by the parser and the matcher: byte spans into
//! an article's original text, lines with their numbers, and character classes.
//!
//! Every offset in this crate is a byte offset into the file exactly as it was
//! read (BOM and CRLF included), so a citation's span can be cut out of the
//! source text verbatim.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` in an article's original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "a span cannot end before it starts");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers. Panics only if the span was not made for `text`.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// This span with leading and trailing white space of `text` removed.
    pub fn trim(self, text: &str) -> Span {
        let s = self.of(text);
        let start = self.start + (s.len() - s.trim_start().len());
        let end = self.end - (s.len() - s.trim_end().len());
        Span::new(start, end.max(start))
    }
}

/// One line of a file: its 1-based number and its span without the line end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub number: usize,
    pub span: Span,
}

/// Splits `text` from byte `from` into lines, dropping `\n` and a `\r` before it.
pub fn lines(text: &str, from: usize) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = from;
    let mut number = 1 + text[..from].matches('\n').count();
    while start <= text.len() {
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let content_end = if text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        out.push(Line {
            number,
            span: Span::new(start, content_end),
        });
        if end == text.len() {
            break;
        }
        start = end + 1;
        number += 1;
    }
    out
}

/// The 1-based line number of byte `offset`.
pub fn line_of(text: &str, offset: usize) -> usize {
    1 + text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// Letters specific to Kazakh Cyrillic (absent from Russian).
pub fn is_kazakh_letter(c: char) -> bool {
    matches!(
        c,
        'ә' | 'ғ'
            | 'қ'
            | 'ң'
            | 'ө'
            | 'ұ'
            | 'ү'
            | 'һ'
            | 'і'
            | 'Ә'
            | 'Ғ'
            | 'Қ'
            | 'Ң'
            | 'Ө'
            | 'Ұ'
            | 'Ү'
            | 'Һ'
            | 'І'
    )
}

pub fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

/// Quotes and brackets that may close a sentence after its full stop.
pub fn is_closing(c: char) -> bool {
    matches!(c, '»' | '"' | '”' | '“' | ')' | '’' | '\'' | ']')
}

/// Characters that may open a sentence before its first letter.
pub fn is_opening(c: char) -> bool {
    matches!(
        c,
        '«' | '"' | '“' | '„' | '(' | '—' | '–' | '-' | '‘' | '\'' | '['
    )
}

pub fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_drop_crlf_and_keep_offsets() {
        let text = "a\r\nbb\n\nc";
        let got: Vec<(usize, &str)> = lines(text, 0)
            .iter()
            .map(|l| (l.number, l.span.of(text)))
            .collect();
        assert_eq!(got, [(1, "a"), (2, "bb"), (3, ""), (4, "c")]);
    }

    #[test]
    fn trim_keeps_offsets_into_the_original() {
        let text = "  Ош  ";
        let span = Span::new(0, text.len()).trim(text);
        assert_eq!(span.of(text), "Ош");
        assert_eq!(span, Span::new(2, 6));
    }

    #[test]
    fn line_of_counts_newlines_before() {
        assert_eq!(line_of("a\nb\nc", 4), 3);
        assert_eq!(line_of("a", 0), 1);
    }
}
