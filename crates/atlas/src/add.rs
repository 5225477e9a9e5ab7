//! `atlas add FILE…`: articles into the corpus from saved web pages and from
//! RSS or Atom feed files (issue 19), each written as a front-matter `.txt`
//! file that `atlas check` reads.
//!
//! - **A saved page**: the article's text is what `dom_smoothie` (a port of
//!   Mozilla's Readability, Firefox's reader view) finds, in its formatted
//!   mode (a blank line between blocks), so menus, sidebars and footers stay
//!   out; its title, date (`article:published_time`, JSON-LD), language
//!   (`<html lang>`) and site name from the same; its address from `<link
//!   rel="canonical">`, else `og:url`.
//! - **A feed**: each entry by `feed-rs`: title, link, date (published, else
//!   updated), and the text of its content (else its summary) by
//!   `dom_query`'s formatted text.
//!
//! A language the page does not declare is told from the letters
//! ([`bilateral_core::lang::detect`]). An article whose URL is already in
//! the corpus, or whose text is identical to one there, is skipped and named;
//! what could not be found (no date, no address, only a feed's summary) is
//! said for each file written. The file's id is 16 hex digits of FNV-1a over
//! the URL (or, without one, the text). An input that is an `http(s)://`
//! address is fetched first (when the machine is online).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use bilateral_core::article::{self, Date};
use bilateral_core::decisions::text_digest;
use bilateral_core::lang::{self, Lang};
use bilateral_core::source;

/// An article read from a page or a feed entry, before it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    pub title: String,
    pub date: Option<Date>,
    pub url: Option<String>,
    pub lang: Lang,
    pub source: Option<String>,
    /// Paragraphs separated by a blank line.
    pub body: String,
    /// What could not be found, for the report.
    pub missing: Vec<&'static str>,
}

/// What `atlas add` did with one article.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Written {
        path: PathBuf,
        missing: Vec<&'static str>,
    },
    Skipped {
        title: String,
        why: String,
    },
    /// An input that gave no article: the file and why.
    Failed {
        why: String,
    },
}

/// Is this file a feed (RSS, RDF or Atom) rather than a page?
pub fn is_feed(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(2000)
        .collect::<String>()
        .to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<?xml")
        && (head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf"))
        || head.starts_with("<rss")
        || head.starts_with("<feed")
}

/// The article of a saved page.
pub fn from_html(html: &str) -> Result<Extracted, String> {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    // One parse of the page: its address is read, then Readability works on it.
    let doc = dom_query::Document::from(html);
    let url = page_url(&doc);
    let mut readability = dom_smoothie::Readability::with_document(doc, url.as_deref(), Some(cfg))
        .map_err(|e| format!("the page cannot be read: {e}"))?;
    let found = readability
        .parse()
        .map_err(|e| format!("no article text found in the page: {e}"))?;
    let body = paragraphs(&found.text_content);
    if !reads_as_text(&body) {
        return Err(format!(
            "no article text found in the page (Readability found «{}»: no sentence of {MIN_LETTERS} letters or more)",
            body.chars().take(60).collect::<String>().replace('\n', " ")
        ));
    }
    let date = found.published_time.as_deref().and_then(date_of);
    Ok(described(
        clean_line(&found.title),
        date,
        url,
        found.lang.as_deref(),
        found.site_name.map(|s| clean_line(&s)),
        body,
    ))
}

/// Every entry of a feed.
pub fn from_feed(bytes: &[u8]) -> Result<Vec<Extracted>, String> {
    let feed =
        feed_rs::parser::parse(bytes).map_err(|e| format!("the feed cannot be read: {e}"))?;
    let source = feed.title.as_ref().map(|t| clean_line(&t.content));
    let feed_lang = feed.language.clone();
    let mut out = Vec::new();
    for entry in feed.entries {
        let html = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .map(|b| (b, false))
            .or_else(|| entry.summary.as_ref().map(|s| (s.content.clone(), true)));
        let Some((html, summary_only)) = html else {
            continue;
        };
        let text = dom_query::Document::fragment(html.as_str()).formatted_text();
        let body = paragraphs(&text);
        if !reads_as_text(&body) {
            continue;
        }
        let title = entry
            .title
            .as_ref()
            .map(|t| clean_line(&t.content))
            .unwrap_or_default();
        let date = entry
            .published
            .or(entry.updated)
            .and_then(|d| Date::parse(&d.date_naive().to_string()));
        let url = entry.links.first().map(|l| l.href.clone());
        let lang_code = entry.language.clone().or_else(|| feed_lang.clone());
        let mut e = described(title, date, url, lang_code.as_deref(), source.clone(), body);
        if summary_only {
            e.missing
                .push("the entry's full text (only its summary is in the feed)");
        }
        out.push(e);
    }
    if out.is_empty() {
        return Err("the feed has no entry with text".into());
    }
    Ok(out)
}

/// The fewest letters an article's text has: a page whose "article" is a
/// menu («Home News») is refused, not written.
const MIN_LETTERS: usize = 60;

/// Does the text hold a sentence: a full stop (or `!`, `?`, `…`) and
/// [`MIN_LETTERS`] letters?
fn reads_as_text(body: &str) -> bool {
    body.contains(['.', '!', '?', '…'])
        && body.chars().filter(|c| c.is_alphabetic()).count() >= MIN_LETTERS
}

/// Does this look like an HTML page (a tag of a page's skeleton early on)?
fn is_html(text: &str) -> bool {
    let head = text
        .chars()
        .take(4000)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "<html",
        "<body",
        "<head",
        "<!doctype html",
        "<article",
        "<p>",
        "<p ",
    ]
    .iter()
    .any(|t| head.contains(t))
}

/// An article the editor typed or pasted (the desk's "Add article" form):
/// its paragraphs a blank line apart, the rest as given; a language not
/// given is told from the letters.
pub fn from_parts(
    title: String,
    date: Option<Date>,
    url: Option<String>,
    lang_code: Option<&str>,
    source: Option<String>,
    body: &str,
) -> Extracted {
    described(title, date, url, lang_code, source, paragraphs(body))
}

/// An [`Extracted`] with its language settled and what is missing listed.
fn described(
    title: String,
    date: Option<Date>,
    url: Option<String>,
    lang_code: Option<&str>,
    source: Option<String>,
    body: String,
) -> Extracted {
    let mut missing = Vec::new();
    let declared = lang_code
        .and_then(|c| c.split(['-', '_']).next())
        .and_then(Lang::from_code);
    let lang = declared.unwrap_or_else(|| {
        missing.push("a declared language (told from the letters)");
        lang::detect([body.as_str()])
    });
    if title.is_empty() {
        missing.push("a title");
    }
    if date.is_none() {
        missing.push("a date");
    }
    let url = url.and_then(|u| article::checked_url(&u));
    if url.is_none() {
        missing.push("an http(s) address");
    }
    if source.is_none() {
        missing.push("the site's name");
    }
    Extracted {
        title,
        date,
        url,
        lang,
        source,
        body,
        missing,
    }
}

/// The page's own address: `<link rel="canonical">`, else `og:url`.
fn page_url(doc: &dom_query::Document) -> Option<String> {
    let canonical = doc.select("link[rel=canonical]").attr("href");
    let og = || doc.select("meta[property='og:url']").attr("content");
    canonical
        .or_else(og)
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty())
}

/// `2025-08-22T10:00:00+06:00` → 2025-08-22.
fn date_of(s: &str) -> Option<Date> {
    Date::parse(s.trim().get(..10)?)
}

/// One line: white space runs made one space.
fn clean_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text as paragraphs: each block's lines joined, blocks a blank line apart.
fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The file an article becomes: front matter, then its paragraphs.
pub fn file_text(e: &Extracted) -> String {
    let mut s = String::from("---\n");
    let quoted = |v: &str| v.replace('"', "'");
    if !e.title.is_empty() {
        let _ = writeln!(s, "title: \"{}\"", quoted(&e.title));
    }
    if let Some(d) = e.date {
        let _ = writeln!(s, "date: {d}");
    }
    if let Some(u) = &e.url {
        let _ = writeln!(s, "url: {u}");
    }
    let _ = writeln!(s, "lang: {}", e.lang.code());
    if let Some(src) = &e.source {
        let _ = writeln!(s, "source: \"{}\"", quoted(src));
    }
    s.push_str("---\n");
    s.push_str(&e.body);
    s.push('\n');
    s
}

/// The articles of one input: a file or an `http(s)://` address (fetched),
/// a feed's entries or a page's article. A fetched page without an address
/// of its own (`<link rel=canonical>`, `og:url`) keeps the one it was
/// fetched from.
pub fn read_input(path: &Path) -> Result<Vec<Extracted>, String> {
    let name = path.to_string_lossy();
    let address =
        (name.starts_with("http://") || name.starts_with("https://")).then(|| name.to_string());
    let bytes = match &address {
        Some(url) => fetch(url),
        None => std::fs::read(path).map_err(|e| format!("cannot read: {e}")),
    }
    .map_err(|e| format!("{name}: {e}"))?;
    let text = String::from_utf8_lossy(&bytes);
    let found = if is_feed(&text) {
        from_feed(&bytes)
    } else if is_html(&text) {
        from_html(&text).map(|mut e| {
            if e.url.is_none() && address.is_some() {
                e.url = address.as_deref().and_then(article::checked_url);
                e.missing.retain(|m| !m.contains("address"));
            }
            vec![e]
        })
    } else {
        Err("neither an HTML page nor an RSS or Atom feed (a plain text goes into the articles folder as it is, with front matter)".into())
    };
    found.map_err(|e| format!("{name}: {e}"))
}

/// The bytes at `url` (ureq: a blocking HTTP client; 30 s, redirects
/// followed, a status other than 2xx an error, at most 16 MB).
fn fetch(url: &str) -> Result<Vec<u8>, String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(std::time::Duration::from_secs(30)))
        .user_agent("bilateral-map atlas add")
        .build()
        .into();
    let mut response = agent
        .get(url)
        .call()
        .map_err(|e| format!("cannot fetch: {e}"))?;
    response
        .body_mut()
        .with_config()
        .limit(16 << 20)
        .read_to_vec()
        .map_err(|e| format!("cannot read the answer: {e}"))
}

/// Writes each article into `out` unless the corpus there has its URL or
/// its text; returns what happened to each, in order (an input that gives
/// no article is a [`Outcome::Failed`], and the others still go in).
pub fn add(inputs: &[PathBuf], out: &Path) -> Result<Vec<Outcome>, String> {
    let mut known = Known::read(out)?;
    let mut outcomes = Vec::new();
    for input in inputs {
        match read_input(input) {
            Ok(found) => {
                for e in found {
                    outcomes.push(known.put(e, out, &input.display().to_string())?);
                }
            }
            Err(why) => outcomes.push(Outcome::Failed { why }),
        }
    }
    Ok(outcomes)
}

/// Writes one article into `out` as [`add`] does (the desk's "Add article"
/// form: a pasted text or an uploaded page).
pub fn add_one(e: Extracted, out: &Path) -> Result<Outcome, String> {
    Known::read(out)?.put(e, out, "the new article")
}

/// The articles already in a folder: (id, URL, text compared for identity).
struct Known(Vec<(String, Option<String>, String)>);

impl Known {
    fn read(out: &Path) -> Result<Known, String> {
        let mut known = Vec::new();
        if out.exists() {
            for file in source::read_all(out).into_iter().flatten().flatten() {
                if let Ok(a) = article::parse(&file) {
                    let body = body_key(
                        &a.paragraphs
                            .iter()
                            .map(|p| a.slice(p.span))
                            .collect::<Vec<_>>()
                            .join("\n\n"),
                    );
                    known.push((a.id.clone(), a.url.clone(), body));
                }
            }
        } else {
            std::fs::create_dir_all(out)
                .map_err(|e| format!("{}: cannot create: {e}", out.display()))?;
        }
        Ok(Known(known))
    }

    /// Writes `e` unless its URL or text is known; `input` names where it
    /// came from in an error.
    fn put(&mut self, e: Extracted, out: &Path, input: &str) -> Result<Outcome, String> {
        let body = body_key(&format!("{}\n\n{}", e.title, e.body));
        let known = &self.0;
        let same_url = e
            .url
            .as_ref()
            .and_then(|u| known.iter().find(|k| k.1.as_ref() == Some(u)));
        let same_text = known
            .iter()
            .find(|k| k.2 == body || k.2 == body_key(&e.body));
        if let Some((id, ..)) = same_url.or(same_text) {
            let why = if same_url.is_some() {
                "its URL"
            } else {
                "its text"
            };
            return Ok(Outcome::Skipped {
                title: e.title.clone(),
                why: format!("{why} is already in the corpus, as `{id}`"),
            });
        }
        let id = text_digest(e.url.as_deref().unwrap_or(&e.body));
        let path = out.join(format!("{id}.txt"));
        let text = file_text(&e);
        // What is written must be what `atlas check` accepts.
        article::parse_text(&id, &path, &text).map_err(|err| format!("{input}: {err}"))?;
        std::fs::write(&path, &text)
            .map_err(|err| format!("{}: cannot write: {err}", path.display()))?;
        self.0.push((id, e.url.clone(), body));
        Ok(Outcome::Written {
            path,
            missing: e.missing,
        })
    }
}

/// A text compared for identity: its words, in lower case.
fn body_key(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}
