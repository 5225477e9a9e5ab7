//! Parsing one corpus file into an [`Article`]: metadata, paragraphs and sentences.
//!
//! Accepted shapes (all seen in the seed corpus or promised to newsrooms):
//! - a header line ` date YYYY-MM-DD <title…>` (the scraper's format; a Kazakh
//!   one runs its title into the first sentence, so the line is also body text);
//! - a front-matter block between `---` lines with `title`, `date`, `url`,
//!   `lang`, `source` (any other key is an error naming its line);
//! - a short title line followed by a blank line, then the body;
//! - a bare body.
//!
//! Site boilerplate is removed by the patterns in [`crate::text::boilerplate`]. A date
//! comes from the header, the front matter or a `/YYYY-MM-DD/` part of the
//! source URL, and is never invented. The language is the front matter's, or is
//! detected from the letters ([`crate::text::lang`]). Sentences come from
//! [`crate::text::sentence`]. Every span is a byte range of the original file.

use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::text::boilerplate::{self, LineKind};
use crate::text::lang::{self, Lang};
use crate::text::sentence;
use crate::text::source::{DisplayPath, SourceFile};
use crate::text::span::{Line, Span, is_terminal, lines};

/// The largest article file accepted, in bytes. News articles are a few KB;
/// anything near this is a scrape gone wrong, and it would bloat the widget.
pub const MAX_ARTICLE_BYTES: usize = 1 << 20;

/// The keys a front-matter block may hold.
pub const FRONT_MATTER_KEYS: &[&str] = &["title", "date", "url", "lang", "source"];

/// A calendar date, as printed `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses exactly `YYYY-MM-DD`, checking the day exists.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let days = Date::days_in(year, month)?;
        (1..=u32::from(days)).contains(&day).then_some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }
}

impl Date {
    /// The days in a month of the Gregorian calendar; `None` for no month.
    pub fn days_in(year: u32, month: u32) -> Option<u8> {
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        Some(match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Where an article's title came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TitleSource {
    /// The ` date YYYY-MM-DD <title>` header line.
    Header,
    FrontMatter,
    /// A short first line followed by a blank line.
    FirstLine,
    /// No title in the file: the first sentence stands in for it.
    FirstSentence,
}

/// Whether a paragraph is the title line or body text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ParagraphKind {
    Title,
    Body,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub kind: ParagraphKind,
    pub span: Span,
    /// Indices into [`Article::sentences`]: `first..first + count`.
    pub first_sentence: usize,
    pub sentence_count: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
}

/// Something odd about an article that did not stop it from being read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

/// One parsed article. Spans index [`Article::text`], the file's text unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub text: String,
    pub title: String,
    pub title_source: TitleSource,
    pub date: Option<Date>,
    pub url: Option<String>,
    /// The publication named in front matter (`source:`), if any.
    pub source: Option<String>,
    pub lang: Lang,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub warnings: Vec<Warning>,
    /// The cited sentences alone, when `text`, `paragraphs` and `sentences`
    /// were moved to a text shard (the widget's index; see
    /// [`crate::bundle::shard`]). Empty otherwise.
    pub excerpts: Vec<Excerpt>,
}

/// The cited sentences `first..=last` of an article, verbatim, starting at
/// byte `start` of its text: what the index keeps of an article so the panel
/// can quote it before the article's text is loaded. Offsets are the text's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Excerpt {
    pub first: usize,
    pub last: usize,
    pub start: usize,
    pub text: String,
}

impl Excerpt {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.start + self.text.len())
    }
}

impl Article {
    pub fn sentence_text(&self, index: usize) -> &str {
        self.sentences[index].span.of(&self.text)
    }

    /// The text of `span`: from the article's text when it is here, else
    /// from the excerpt holding it; empty when neither has it (never panics
    /// on a span that does not fit).
    pub fn slice(&self, span: Span) -> &str {
        if !self.text.is_empty() {
            return self.text.get(span.start..span.end).unwrap_or_default();
        }
        self.excerpts
            .iter()
            .find(|e| e.start <= span.start && span.end <= e.start + e.text.len())
            .and_then(|e| e.text.get(span.start - e.start..span.end - e.start))
            .unwrap_or_default()
    }
}

/// Why a file could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}: {problem}")]
pub struct ArticleError {
    pub path: DisplayPath,
    pub line: usize,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("the file is empty")]
    Empty,
    #[error("the file holds only white space")]
    WhitespaceOnly,
    #[error("the file is {size} bytes, more than the {max} bytes one article may have")]
    TooLarge { size: usize, max: usize },
    #[error("the front matter opened here is never closed with a `---` line")]
    UnclosedFrontMatter,
    #[error("front-matter line is not `key: value`")]
    FrontMatterSyntax,
    #[error("unknown front-matter key `{0}` (known keys: title, date, url, lang, source)")]
    UnknownKey(String),
    #[error("front-matter key `{0}` is given twice")]
    RepeatedKey(String),
    #[error("`{0}` is not a date of the form YYYY-MM-DD")]
    BadDate(String),
    #[error("url `{0}` is not an http or https address")]
    BadUrl(String),
    #[error("lang `{0}` is not one of ru, kk, en")]
    BadLang(String),
    #[error("the article has a title but no body text")]
    NoBody,
}

#[derive(Default)]
struct Meta {
    title: Option<(String, TitleSource)>,
    date: Option<Date>,
    url: Option<String>,
    source: Option<String>,
    lang: Option<Lang>,
}

/// Parses a [`SourceFile`] into an [`Article`].
pub fn parse(file: &SourceFile) -> Result<Article, ArticleError> {
    parse_text(&file.id, &file.path, &file.text)
}

/// Parses `text` (the contents of `path`) into an [`Article`] with id `id`.
pub fn parse_text(id: &str, path: &Path, text: &str) -> Result<Article, ArticleError> {
    let fail = |line: usize, problem: Problem| ArticleError {
        path: DisplayPath(path.to_path_buf()),
        line,
        problem,
    };
    if text.len() > MAX_ARTICLE_BYTES {
        return Err(fail(
            1,
            Problem::TooLarge {
                size: text.len(),
                max: MAX_ARTICLE_BYTES,
            },
        ));
    }
    let from = if text.starts_with('\u{feff}') { 3 } else { 0 };
    if text[from..].is_empty() {
        return Err(fail(1, Problem::Empty));
    }
    if text[from..].trim().is_empty() {
        return Err(fail(1, Problem::WhitespaceOnly));
    }

    let all = lines(text, from);
    let mut meta = Meta::default();
    let mut warnings = Vec::new();
    let mut rest: &[Line] = &all;
    let mut title_span = None;

    if all[0].span.of(text).trim_end() == "---" {
        rest = front_matter(text, &all, &mut meta).map_err(|(line, p)| fail(line, p))?;
    } else if let Some((date, title)) = date_header(text, all[0]) {
        meta.date = Some(date);
        let shown = boilerplate::strip_attribution(title.of(text));
        meta.title = Some((shown.to_string(), TitleSource::Header));
        title_span = Some(title);
        rest = &all[1..];
    } else if let Some(title) = title_line(text, &all) {
        meta.title = Some((title.of(text).to_string(), TitleSource::FirstLine));
        title_span = Some(title);
        rest = &all[1..];
    }

    let mut body_lines = body(text, rest, &mut meta, &mut warnings);
    if body_lines.iter().all(|l| l.span.of(text).trim().is_empty())
        && let Some((_, TitleSource::FirstLine)) = meta.title
    {
        // A lone first line is the article itself, not a headline over nothing.
        meta.title = None;
        title_span = None;
        body_lines.insert(0, all[0]);
        if boilerplate::has_markup(all[0].span.of(text)) {
            warnings.insert(0, markup_warning(all[0].number));
        }
    }
    let mut paragraphs = Vec::new();
    if let Some(span) = title_span {
        paragraphs.push((ParagraphKind::Title, span));
    }
    paragraphs.extend(
        join_paragraphs(text, &body_lines)
            .into_iter()
            .map(|s| (ParagraphKind::Body, s)),
    );
    if !paragraphs.iter().any(|(k, _)| *k == ParagraphKind::Body) {
        let line = rest.first().map_or(all[0].number, |l| l.number);
        return Err(fail(line, Problem::NoBody));
    }

    let mut article_paragraphs = Vec::with_capacity(paragraphs.len());
    let mut sentences = Vec::new();
    for (index, (kind, span)) in paragraphs.into_iter().enumerate() {
        let first = sentences.len();
        sentences.extend(sentence::split(text, span).into_iter().map(|s| Sentence {
            span: s,
            paragraph: index,
        }));
        article_paragraphs.push(Paragraph {
            kind,
            span,
            first_sentence: first,
            sentence_count: sentences.len() - first,
        });
    }

    let body_text = article_paragraphs
        .iter()
        .map(|p| p.span.of(text))
        .collect::<Vec<_>>();
    let lang = meta
        .lang
        .unwrap_or_else(|| lang::detect(body_text.iter().copied()));
    if meta.date.is_none() {
        meta.date = meta.url.as_deref().and_then(date_in_url);
    }
    let (title, title_source) = meta.title.unwrap_or_else(|| {
        let first = sentences
            .iter()
            .find(|s| article_paragraphs[s.paragraph].kind == ParagraphKind::Body)
            .expect("a body paragraph was checked above and has a sentence");
        (first.span.of(text).to_string(), TitleSource::FirstSentence)
    });

    Ok(Article {
        id: id.to_string(),
        text: text.to_string(),
        title,
        title_source,
        date: meta.date,
        url: meta.url,
        source: meta.source,
        lang,
        paragraphs: article_paragraphs,
        sentences,
        warnings,
        excerpts: Vec::new(),
    })
}

/// ` date 2025-08-22 Title…`: the date and the title's span.
fn date_header(text: &str, line: Line) -> Option<(Date, Span)> {
    let s = line.span.of(text);
    let after = s.trim_start().strip_prefix("date ")?;
    let date = Date::parse(after.get(..10)?)?;
    let title_start = line.span.start + (s.len() - after.len()) + 10;
    let title = Span::new(title_start, line.span.end).trim(text);
    (!title.is_empty()).then_some((date, title))
}

/// A short first line with no final full stop, then a blank line: a headline.
fn title_line(text: &str, all: &[Line]) -> Option<Span> {
    let first = all[0].span.trim(text);
    let s = first.of(text);
    let blank_after = all
        .get(1)
        .is_some_and(|l| l.span.of(text).trim().is_empty());
    let ends_sentence = s.chars().last().is_some_and(is_terminal);
    let one_sentence = sentence::split(text, first).len() == 1;
    let headline = !s.is_empty() && !ends_sentence && one_sentence && s.chars().count() <= 200;
    (blank_after && headline).then_some(first)
}

/// Reads the `---` block at the top; returns the lines after it.
fn front_matter<'l>(
    text: &str,
    all: &'l [Line],
    meta: &mut Meta,
) -> Result<&'l [Line], (usize, Problem)> {
    let close = all[1..]
        .iter()
        .position(|l| l.span.of(text).trim_end() == "---")
        .ok_or((all[0].number, Problem::UnclosedFrontMatter))?
        + 1;
    let mut seen: Vec<&str> = Vec::new();
    for line in &all[1..close] {
        let raw = line.span.of(text);
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            continue;
        }
        let (key, value) = raw
            .split_once(':')
            .ok_or((line.number, Problem::FrontMatterSyntax))?;
        let key = key.trim();
        let value = value.trim().trim_matches('"');
        if seen.contains(&key) {
            return Err((line.number, Problem::RepeatedKey(key.to_string())));
        }
        seen.push(key);
        match key {
            "title" => meta.title = Some((value.to_string(), TitleSource::FrontMatter)),
            "date" => {
                meta.date =
                    Some(Date::parse(value).ok_or((line.number, Problem::BadDate(value.into())))?)
            }
            "url" => {
                meta.url =
                    Some(checked_url(value).ok_or((line.number, Problem::BadUrl(value.into())))?)
            }
            "lang" => {
                meta.lang = Some(
                    Lang::from_code(value).ok_or((line.number, Problem::BadLang(value.into())))?,
                )
            }
            "source" => meta.source = Some(value.to_string()),
            other => return Err((line.number, Problem::UnknownKey(other.to_string()))),
        }
    }
    Ok(&all[close + 1..])
}

/// An http(s) URL with no white space or control characters, or `None`.
pub fn checked_url(s: &str) -> Option<String> {
    let lower = s.to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://") || lower.starts_with("http://");
    let clean = !s
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<');
    (scheme_ok && clean && s.len() > 8).then(|| s.to_string())
}

/// `/2024-02-01/` in a URL path.
fn date_in_url(url: &str) -> Option<Date> {
    url.split('/').find_map(Date::parse)
}

/// Keeps the body lines, dropping boilerplate; takes the source URL from a link line.
fn body(text: &str, rest: &[Line], meta: &mut Meta, warnings: &mut Vec<Warning>) -> Vec<Line> {
    let mut kept = Vec::with_capacity(rest.len());
    let mut in_trailer = false;
    for &line in rest {
        let s = line.span.of(text);
        match boilerplate::classify(s) {
            LineKind::SourceLink(url) => {
                match checked_url(url) {
                    Some(url) if meta.url.is_none() => meta.url = Some(url),
                    Some(_) => {}
                    None => warnings.push(Warning {
                        line: line.number,
                        message: format!(
                            "source link `{url}` is not an http or https address; ignored"
                        ),
                    }),
                }
                in_trailer = true;
            }
            LineKind::TrailerStart => in_trailer = true,
            LineKind::Boilerplate => {}
            LineKind::Text if in_trailer => {
                if !s.trim().is_empty() && !boilerplate::is_trailer_sign_off(s) {
                    warnings.push(Warning {
                        line: line.number,
                        message: "line after the source link treated as site boilerplate".into(),
                    });
                }
            }
            LineKind::Text => {
                if boilerplate::has_markup(s) {
                    warnings.push(markup_warning(line.number));
                }
                kept.push(line);
            }
        }
    }
    kept
}

fn markup_warning(line: usize) -> Warning {
    Warning {
        line,
        message: "HTML markup in the text is kept as plain text".into(),
    }
}

/// Groups body lines into paragraphs. A blank line always separates paragraphs;
/// a single newline does too when the line before ends a sentence, or the next
/// starts with a speech dash; otherwise it is a hard wrap inside a paragraph.
fn join_paragraphs(text: &str, body: &[Line]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    for line in body {
        let span = line.span.trim(text);
        if span.is_empty() {
            out.extend(current.take());
            continue;
        }
        current = Some(match current {
            None => span,
            Some(open) => {
                let prev = open.of(text).chars().last().unwrap_or('.');
                let next = span.of(text).chars().next().unwrap_or('—');
                let sentence_done =
                    is_terminal(prev) || matches!(prev, '»' | '"' | '”' | ':' | ';');
                if sentence_done || matches!(next, '—' | '–') {
                    out.push(open);
                    span
                } else {
                    Span::new(open.start, span.end)
                }
            }
        });
    }
    out.extend(current);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Article, ArticleError> {
        parse_text("t", Path::new("corpus/t.txt"), text)
    }

    fn sentences(a: &Article) -> Vec<&str> {
        (0..a.sentences.len()).map(|i| a.sentence_text(i)).collect()
    }

    mod shapes {
        use super::*;

        #[test]
        fn date_header_gives_date_and_title() {
            let a = parse_str(" date 2025-08-22 Президенты провели переговоры\n\nПрезиденты встретились в Бишкеке.").unwrap();
            assert_eq!(a.date.unwrap().to_string(), "2025-08-22");
            assert_eq!(a.title, "Президенты провели переговоры");
            assert_eq!(a.title_source, TitleSource::Header);
            assert_eq!(a.paragraphs[0].kind, ParagraphKind::Title);
            assert_eq!(
                sentences(&a),
                [
                    "Президенты провели переговоры",
                    "Президенты встретились в Бишкеке."
                ]
            );
        }

        #[test]
        fn kazakh_header_drops_the_attribution_from_the_title_but_keeps_the_sentence() {
            let line = " date 2025-08-22 Қазақстан мен Қырғызстан Жоғары мемлекетаралық кеңесінің отырысы өтті, деп хабарлайды BAQ.KZ Ақордаға сілтеме жасап.\nМемлекет басшысы алғыс айтты.";
            let a = parse_str(line).unwrap();
            assert_eq!(
                a.title,
                "Қазақстан мен Қырғызстан Жоғары мемлекетаралық кеңесінің отырысы өтті"
            );
            assert_eq!(a.lang, Lang::Kk);
            assert!(sentences(&a)[0].ends_with("сілтеме жасап."));
        }

        #[test]
        fn title_line_then_blank_line() {
            let a = parse_str(
                "Председатель встретился с Премьер-министром\n\n\nТекст статьи о встрече.",
            )
            .unwrap();
            assert_eq!(a.title, "Председатель встретился с Премьер-министром");
            assert_eq!(a.title_source, TitleSource::FirstLine);
            assert_eq!(a.date, None);
        }

        #[test]
        fn bare_body_has_first_sentence_as_title_and_unknown_date() {
            let a = parse_str("Стороны обсудили потенциал. Внимание уделено торговле.").unwrap();
            assert_eq!(a.title, "Стороны обсудили потенциал.");
            assert_eq!(a.title_source, TitleSource::FirstSentence);
            assert_eq!(a.date, None);
            assert_eq!(a.lang, Lang::Ru);
        }

        #[test]
        fn front_matter_sets_every_field() {
            let a = parse_str("---\ntitle: Road to Issyk-Kul\ndate: 2025-09-01\nurl: https://example.org/a\nlang: en\nsource: Example News\n---\nThe road will link Almaty and Cholpon-Ata.").unwrap();
            assert_eq!(a.title, "Road to Issyk-Kul");
            assert_eq!(a.date.unwrap().to_string(), "2025-09-01");
            assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
            assert_eq!(a.source.as_deref(), Some("Example News"));
            assert_eq!(a.lang, Lang::En);
            assert_eq!(
                sentences(&a),
                ["The road will link Almaty and Cholpon-Ata."]
            );
        }

        #[test]
        fn a_lone_first_line_is_body_not_a_headline() {
            let a = parse_str(
                "Встреча прошла в Оше <b>вчера</b>\n\nСсылка на новость: https://a.kg/x\n",
            )
            .unwrap();
            assert_eq!(a.title_source, TitleSource::FirstSentence);
            assert_eq!(sentences(&a), ["Встреча прошла в Оше <b>вчера</b>"]);
        }

        #[test]
        fn a_first_line_of_two_sentences_is_not_a_headline() {
            let a = parse_str("Стороны встретились. Обсуждали торговлю\n\nВторой абзац.").unwrap();
            assert_eq!(a.title_source, TitleSource::FirstSentence);
            assert_eq!(a.paragraphs.len(), 2);
        }

        #[test]
        fn hard_wrapped_lines_join_into_one_sentence() {
            let a = parse_str(
                "Он передал приветствия от имени Президента\nКасым-Жомарта Токаева.\nВторой абзац.",
            )
            .unwrap();
            assert_eq!(a.paragraphs.len(), 2);
            assert_eq!(
                sentences(&a)[0],
                "Он передал приветствия от имени Президента\nКасым-Жомарта Токаева."
            );
        }
    }

    mod dates {
        use super::*;

        #[test]
        fn a_url_can_carry_the_date() {
            let a =
                parse_str("Текст.\n\nСсылка на новость: https://kant.kg/2024-02-01/predsedatel/\n")
                    .unwrap();
            assert_eq!(
                a.url.as_deref(),
                Some("https://kant.kg/2024-02-01/predsedatel/")
            );
            assert_eq!(a.date.unwrap().to_string(), "2024-02-01");
        }

        #[test]
        fn impossible_dates_are_refused() {
            for bad in [
                "2025-02-30",
                "2025-13-01",
                "2025-1-01",
                "20250101xx",
                "2024-02-3x",
            ] {
                assert_eq!(Date::parse(bad), None, "{bad}");
            }
            assert!(Date::parse("2024-02-29").is_some());
        }

        #[test]
        fn a_bad_front_matter_date_names_its_line() {
            let err = parse_str("---\ntitle: x\ndate: 22.08.2025\n---\nТекст.").unwrap_err();
            assert_eq!(
                err.to_string(),
                "corpus/t.txt:3: `22.08.2025` is not a date of the form YYYY-MM-DD"
            );
        }
    }

    mod bad_input {
        use super::*;

        #[test]
        fn empty_file() {
            assert_eq!(
                parse_str("").unwrap_err().to_string(),
                "corpus/t.txt:1: the file is empty"
            );
        }

        #[test]
        fn whitespace_only() {
            assert_eq!(
                parse_str(" \n\t\r\n ").unwrap_err().problem,
                Problem::WhitespaceOnly
            );
        }

        #[test]
        fn a_bom_is_skipped_and_offsets_stay_in_the_original() {
            let text = "\u{feff}Текст про Ош.";
            let a = parse_str(text).unwrap();
            assert_eq!(a.sentences[0].span.start, 3);
            assert_eq!(a.sentence_text(0), "Текст про Ош.");
        }

        #[test]
        fn crlf_line_ends() {
            let a =
                parse_str(" date 2025-08-22 Заголовок\r\n\r\nПервый абзац.\r\nВторой абзац.\r\n")
                    .unwrap();
            assert_eq!(a.title, "Заголовок");
            assert_eq!(
                sentences(&a),
                ["Заголовок", "Первый абзац.", "Второй абзац."]
            );
        }

        #[test]
        fn a_20_mb_file_is_refused_with_its_size() {
            let big = "Текст. ".repeat(20 * 1024 * 1024 / 13);
            let err = parse_str(&big).unwrap_err();
            assert!(matches!(err.problem, Problem::TooLarge { .. }));
            assert!(
                err.to_string().contains("more than the 1048576 bytes"),
                "{err}"
            );
        }

        #[test]
        fn html_is_kept_as_text_with_a_warning_and_javascript_urls_are_not_links() {
            let a = parse_str("Текст <script>alert(1)</script> статьи.\n\nСсылка на новость: javascript:alert(1)\n").unwrap();
            assert_eq!(a.url, None);
            assert_eq!(sentences(&a), ["Текст <script>alert(1)</script> статьи."]);
            let lines: Vec<usize> = a.warnings.iter().map(|w| w.line).collect();
            assert_eq!(lines, [1, 3]);
        }

        #[test]
        fn a_javascript_url_in_front_matter_is_an_error() {
            let err = parse_str("---\nurl: javascript:alert(1)\n---\nТекст.").unwrap_err();
            assert_eq!(err.line, 2);
            assert_eq!(err.problem, Problem::BadUrl("javascript:alert(1)".into()));
        }

        #[test]
        fn unknown_front_matter_key() {
            let err = parse_str("---\ntitle: x\nauthor: Someone\n---\nТекст.").unwrap_err();
            assert_eq!(
                err.to_string(),
                "corpus/t.txt:3: unknown front-matter key `author` (known keys: title, date, url, lang, source)"
            );
        }

        #[test]
        fn unclosed_front_matter() {
            let err = parse_str("---\ntitle: x\nТекст.").unwrap_err();
            assert_eq!((err.line, err.problem), (1, Problem::UnclosedFrontMatter));
        }

        #[test]
        fn title_without_body() {
            let err = parse_str("---\ntitle: Only a title\n---\n\n").unwrap_err();
            assert_eq!(err.problem, Problem::NoBody);
        }
    }
}
