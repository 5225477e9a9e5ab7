//! The editor's decisions (issue 19): `corpus/decisions.toml`, one
//! `[[decision]]` per link an editor has judged, applied after the engine.
//!
//! ```toml
//! [[decision]]
//! article = "003_5045aca5878c5269"    # the article's id (its file name)
//! feature = "bishkek"                 # a gazetteer id
//! sentence = "Переговоры прошли в Бишкеке."   # a quote of the sentence
//! verdict = "reject"                  # reject | accept
//! words = "в Бишкеке"                 # optional: the words to cite
//! note = "the talks, not a project"   # optional
//! date = "2026-12-03"
//! ```
//!
//! `sentence` is verbatim text of the article, the whole sentence or any
//! part of it that occurs in one sentence only (so a decision survives the
//! splitter's changes elsewhere, and reads as what the editor saw).
//! **reject** takes the feature's citation of that sentence away (a feature
//! left with none is no longer a feature); **accept** keeps it, and where the
//! engine does not link the sentence to the feature, adds the link, citing
//! `words` (which must occur in the sentence) or, without them, the sentence.
//! Decisions are data, diffed in git: nothing is silently dropped. A decision
//! whose article, feature or sentence does not exist, an unknown verdict or
//! key, a bad date, or two decisions on one link, is an error naming the
//! file and line; a reject of a link the engine no longer makes is reported
//! as a warning (it changes nothing).
//!
//! `[[reviewed]]` marks an article an editor has reviewed, with a digest of
//! the file's text then (64-bit FNV-1a, 16 hex digits): the desk tells
//! unreviewed, reviewed and changed-since-review apart ([`ReviewState`]).
//! [`Decisions::render`] writes the whole file back (the desk saves through
//! it: a fixed header, then every decision and review), and reading what it
//! wrote gives the same decisions.

use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::evidence::citation::Citation;
use crate::evidence::gazetteer::Gazetteer;
use crate::evidence::role::Role;
use crate::text::article::{Article, Date};
use crate::text::source::DisplayPath;
use crate::text::span::{Span, line_of};

/// What the editor said of a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The link is right (and is added where the engine missed it).
    Accept,
    /// The sentence does not support the feature.
    Reject,
}

/// One decision, as read from its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub article: String,
    pub feature: String,
    pub sentence: String,
    pub verdict: Verdict,
    pub words: Option<String>,
    pub note: Option<String>,
    pub date: Date,
    /// Line of its `[[decision]]` in the file.
    pub line: usize,
}

/// An article marked reviewed, and a digest of the text that was reviewed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub article: String,
    pub date: Date,
    /// [`text_digest`] of the article file's text when it was reviewed.
    pub text: String,
    pub line: usize,
}

/// Where an article stands with the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewState {
    Unreviewed,
    Reviewed,
    /// Reviewed, and its file has changed since.
    Changed,
}

/// The decisions file: its path (for messages), its decisions and reviews.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decisions {
    pub path: DisplayPath,
    pub decisions: Vec<Decision>,
    pub reviewed: Vec<Review>,
}

/// 64-bit FNV-1a of a text, as 16 hex digits.
pub fn text_digest(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The head of every decisions file the desk writes (and of the shipped one).
pub const HEADER: &str = "\
# bilateral-map: the editor's decisions on what the engine linked.
#
# Applied after the engine by `atlas check`, `atlas export`, `atlas dist` and
# build.rs (crates/core/src/evidence/decisions.rs); `atlas eval` measures the
# engine alone and ignores them. One [[decision]] per link:
#
#   article   the article's id (its file name without .txt)
#   feature   a gazetteer id (not an area)
#   sentence  a verbatim quote of the sentence, whole or any part of it that
#             occurs in that one sentence only
#   verdict   \"reject\": the sentence does not support the feature (its
#             citation goes); \"accept\": it does (the link is added where the
#             engine missed it)
#   words     optional: the words of the sentence to cite (an added link)
#   note      optional: why
#   date      YYYY-MM-DD
#
# [[reviewed]] marks an article reviewed: article, date, and text, a digest
# of the file then (a changed file shows as changed since review).
#
# A decision or review whose article, feature or sentence does not exist, or
# two decisions on one link, stop the build with this file's line. The
# editor's desk rewrites this file: write reasons in `note`, not comments.
";

/// A decisions file's problem, at a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionError {
    pub path: DisplayPath,
    pub line: usize,
    pub problem: String,
}

impl fmt::Display for DecisionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path, self.line, self.problem)
    }
}

impl std::error::Error for DecisionError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    decision: Vec<toml::Spanned<WrittenDecision>>,
    #[serde(default)]
    reviewed: Vec<toml::Spanned<RawReview>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReview {
    article: String,
    date: String,
    text: String,
}

/// A decision as written (in the file, or sent and read back by the desk's
/// page), before its date and fields are checked ([`Decision::from_written`]).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WrittenDecision {
    pub article: String,
    pub feature: String,
    pub sentence: String,
    pub verdict: Verdict,
    pub words: Option<String>,
    pub note: Option<String>,
    pub date: String,
}

impl Decision {
    /// The decision as written ([`Decision::from_written`] gives it back).
    pub fn written(&self) -> WrittenDecision {
        WrittenDecision {
            article: self.article.clone(),
            feature: self.feature.clone(),
            sentence: self.sentence.clone(),
            verdict: self.verdict,
            words: self.words.clone(),
            note: self.note.clone(),
            date: self.date.to_string(),
        }
    }

    /// Checks a written decision: its date, and that no name is empty (empty
    /// `words` and `note` are left out); `line` is where it stands.
    pub fn from_written(w: WrittenDecision, line: usize) -> Result<Decision, String> {
        let date =
            Date::parse(&w.date).ok_or_else(|| format!("date `{}` is not YYYY-MM-DD", w.date))?;
        for (key, value) in [
            ("article", &w.article),
            ("feature", &w.feature),
            ("sentence", &w.sentence),
        ] {
            if value.trim().is_empty() {
                return Err(format!("`{key}` is empty"));
            }
        }
        Ok(Decision {
            article: w.article,
            feature: w.feature,
            sentence: w.sentence,
            verdict: w.verdict,
            words: w.words.filter(|s| !s.trim().is_empty()),
            note: w.note.filter(|s| !s.trim().is_empty()),
            date,
            line,
        })
    }
}

impl Decisions {
    /// No decisions (the engine's links as they are).
    pub fn none() -> Decisions {
        Decisions {
            path: DisplayPath(Default::default()),
            decisions: Vec::new(),
            reviewed: Vec::new(),
        }
    }

    /// Reads a decisions file; a missing file is no decisions.
    pub fn load(path: &Path) -> Result<Decisions, DecisionError> {
        match std::fs::read_to_string(path) {
            Ok(text) => Decisions::parse(path, &text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Decisions {
                path: DisplayPath(path.to_path_buf()),
                ..Decisions::none()
            }),
            Err(e) => Err(DecisionError {
                path: DisplayPath(path.to_path_buf()),
                line: 1,
                problem: format!("cannot read the decisions: {e}"),
            }),
        }
    }

    /// Parses decisions text: its syntax, keys, verdicts, dates and that no
    /// link is decided twice. Whether each names a real article, feature and
    /// sentence is checked by [`Decisions::apply`].
    pub fn parse(path: &Path, text: &str) -> Result<Decisions, DecisionError> {
        let at = |line: usize, problem: String| DecisionError {
            path: DisplayPath(path.to_path_buf()),
            line,
            problem,
        };
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |s| line_of(text, s.start));
            at(line, e.message().trim().to_string())
        })?;
        let mut decisions: Vec<Decision> = Vec::with_capacity(raw.decision.len());
        for spanned in raw.decision {
            let line = line_of(text, spanned.span().start);
            let r = Decision::from_written(spanned.into_inner(), line).map_err(|p| at(line, p))?;
            if let Some(other) = decisions.iter().find(|d| {
                (&d.article, &d.feature, &d.sentence) == (&r.article, &r.feature, &r.sentence)
            }) {
                let problem = format!(
                    "a second decision on `{}` in this sentence of `{}` (the first is at line {})",
                    r.feature, r.article, other.line
                );
                return Err(at(line, problem));
            }
            decisions.push(r);
        }
        let mut reviewed: Vec<Review> = Vec::with_capacity(raw.reviewed.len());
        for spanned in raw.reviewed {
            let line = line_of(text, spanned.span().start);
            let r = spanned.into_inner();
            let date = Date::parse(&r.date)
                .ok_or_else(|| at(line, format!("date `{}` is not YYYY-MM-DD", r.date)))?;
            if let Some(other) = reviewed.iter().find(|v| v.article == r.article) {
                let problem = format!(
                    "`{}` is marked reviewed twice (the first is at line {})",
                    r.article, other.line
                );
                return Err(at(line, problem));
            }
            reviewed.push(Review {
                article: r.article,
                date,
                text: r.text,
                line,
            });
        }
        Ok(Decisions {
            path: DisplayPath(path.to_path_buf()),
            decisions,
            reviewed,
        })
    }

    /// Unreviewed, reviewed, or reviewed and changed since.
    pub fn review_state(&self, article: &Article) -> ReviewState {
        match self.reviewed.iter().find(|r| r.article == article.id) {
            None => ReviewState::Unreviewed,
            Some(r) if r.text == text_digest(&article.text) => ReviewState::Reviewed,
            Some(_) => ReviewState::Changed,
        }
    }

    /// Adds a decision, in place of one on the same link (article, feature
    /// and quote).
    pub fn record(&mut self, decision: Decision) {
        let same = |d: &Decision| {
            (&d.article, &d.feature, &d.sentence)
                == (&decision.article, &decision.feature, &decision.sentence)
        };
        match self.decisions.iter_mut().find(|d| same(d)) {
            Some(d) => *d = decision,
            None => self.decisions.push(decision),
        }
    }

    /// Marks `article` reviewed on `date`, as its text stands now.
    pub fn mark_reviewed(&mut self, article: &Article, date: Date) {
        let review = Review {
            article: article.id.clone(),
            date,
            text: text_digest(&article.text),
            line: 0,
        };
        match self.reviewed.iter_mut().find(|r| r.article == article.id) {
            Some(r) => *r = review,
            None => self.reviewed.push(review),
        }
    }

    /// The whole file: [`HEADER`], every decision, every review.
    pub fn render(&self) -> String {
        let q = toml_string;
        let mut out = String::from(HEADER);
        for d in &self.decisions {
            out.push_str("\n[[decision]]\n");
            out.push_str(&format!(
                "article = {}\nfeature = {}\n",
                q(&d.article),
                q(&d.feature)
            ));
            out.push_str(&format!("sentence = {}\n", q(&d.sentence)));
            let verdict = match d.verdict {
                Verdict::Accept => "accept",
                Verdict::Reject => "reject",
            };
            out.push_str(&format!("verdict = \"{verdict}\"\n"));
            if let Some(w) = &d.words {
                out.push_str(&format!("words = {}\n", q(w)));
            }
            if let Some(n) = &d.note {
                out.push_str(&format!("note = {}\n", q(n)));
            }
            out.push_str(&format!("date = \"{}\"\n", d.date));
        }
        for r in &self.reviewed {
            out.push_str("\n[[reviewed]]\n");
            out.push_str(&format!(
                "article = {}\ndate = \"{}\"\ntext = {}\n",
                q(&r.article),
                r.date,
                q(&r.text)
            ));
        }
        out
    }

    /// Applies the decisions to the engine's citations, one list per
    /// gazetteer entry (as [`crate::evidence::corpus::Corpus::link`] builds
    /// them). Returns the warnings (rejects that changed nothing).
    pub fn apply(
        &self,
        articles: &[Article],
        gazetteer: &Gazetteer,
        citations: &mut [Vec<Citation>],
    ) -> Result<Vec<String>, DecisionError> {
        for r in &self.reviewed {
            if !articles.iter().any(|a| a.id == r.article) {
                return Err(DecisionError {
                    path: self.path.clone(),
                    line: r.line,
                    problem: format!("no article `{}` in the corpus (marked reviewed)", r.article),
                });
            }
        }
        let mut warnings = Vec::new();
        let mut decided: Vec<(usize, usize, usize, usize)> = Vec::new();
        for d in self.decisions.iter().filter(|d| !d.on_proposal()) {
            let at = |problem: String| DecisionError {
                path: self.path.clone(),
                line: d.line,
                problem,
            };
            let (index, article) = articles
                .iter()
                .enumerate()
                .find(|(_, a)| a.id == d.article)
                .ok_or_else(|| at(format!("no article `{}` in the corpus", d.article)))?;
            let entry = gazetteer
                .entries
                .iter()
                .position(|e| e.id == d.feature)
                .filter(|&e| !gazetteer.entries[e].is_area())
                .ok_or_else(|| at(format!("no gazetteer entry `{}` to link", d.feature)))?;
            let sentence = sentence_of(article, &d.sentence).map_err(at)?;
            if let Some(&(.., first)) = decided
                .iter()
                .find(|&&(a, e, s, _)| (a, e, s) == (index, entry, sentence))
            {
                let problem = format!(
                    "a second decision on `{}` in this sentence of `{}` (the first is at line {first})",
                    d.feature, d.article
                );
                return Err(at(problem));
            }
            decided.push((index, entry, sentence, d.line));
            let list = &mut citations[entry];
            let cites = |c: &Citation| c.article == index && (c.first..=c.last).contains(&sentence);
            match d.verdict {
                Verdict::Reject => {
                    let before = list.len();
                    list.retain(|c| !cites(c));
                    if list.len() == before {
                        warnings.push(format!(
                            "{}:{}: rejects `{}` in a sentence of `{}` that the engine does not link to it",
                            self.path, d.line, d.feature, d.article
                        ));
                    }
                }
                Verdict::Accept if !list.iter().any(cites) => {
                    let span = article.sentences[sentence].span;
                    let mention = match &d.words {
                        Some(words) => words_in(article, span, words).map_err(at)?,
                        None => span,
                    };
                    let role = if gazetteer.entries[entry].is_settlement() {
                        Role::Venue
                    } else {
                        Role::Subject
                    };
                    let cite = Citation {
                        article: index,
                        sentence,
                        first: sentence,
                        last: sentence,
                        mention,
                        role,
                    };
                    let at = list.partition_point(|c| (c.article, c.sentence) < (index, sentence));
                    list.insert(at, cite);
                }
                Verdict::Accept => {
                    if let Some(words) = &d.words {
                        words_in(article, article.sentences[sentence].span, words).map_err(at)?;
                    }
                }
            }
        }
        Ok(warnings)
    }
}

impl Decision {
    /// Is this a decision on a proposal (`proposed-…`), not on a gazetteer
    /// entry?
    pub fn on_proposal(&self) -> bool {
        self.feature.starts_with(PROPOSED)
    }
}

/// How every proposal's id starts ([`crate::evidence::proposals`]).
pub const PROPOSED: &str = "proposed-";

impl Decisions {
    /// The proposals rejected, as (article, sentence, proposal id): a
    /// proposal is rejected sighting by sighting, like a link, and one left
    /// with no sighting is not proposed. It is accepted only into the
    /// gazetteer (the desk's Accept), so an `accept` of one is an error, as
    /// is an article or sentence that does not exist. A reject of a proposal
    /// the engine no longer makes changes nothing.
    pub fn rejected_proposals(
        &self,
        articles: &[Article],
    ) -> Result<Vec<(usize, usize, String)>, DecisionError> {
        let mut out = Vec::new();
        for d in self.decisions.iter().filter(|d| d.on_proposal()) {
            let at = |problem: String| DecisionError {
                path: self.path.clone(),
                line: d.line,
                problem,
            };
            if d.verdict == Verdict::Accept {
                return Err(at(format!(
                    "`{}` is a proposal: accept it into the gazetteer (the desk's Accept), not by a decision",
                    d.feature
                )));
            }
            let (index, article) = articles
                .iter()
                .enumerate()
                .find(|(_, a)| a.id == d.article)
                .ok_or_else(|| at(format!("no article `{}` in the corpus", d.article)))?;
            let sentence = sentence_of(article, &d.sentence).map_err(at)?;
            out.push((index, sentence, d.feature.clone()));
        }
        Ok(out)
    }
}

/// A TOML basic string: quoted, with `\\`, `"` and control characters escaped
/// (the core's `toml` reads only; this is all the writing the file needs).
pub(crate) fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The one sentence of `article` whose text holds `quote`.
fn sentence_of(article: &Article, quote: &str) -> Result<usize, String> {
    let quote = quote.trim();
    let holding: Vec<usize> = (0..article.sentences.len())
        .filter(|&s| article.sentence_text(s).contains(quote))
        .collect();
    match holding.as_slice() {
        [one] => Ok(*one),
        [] => Err(format!(
            "no sentence of `{}` holds «{}» (the article changed, or the quote is not verbatim)",
            article.id,
            short(quote)
        )),
        many => Err(format!(
            "«{}» is in {} sentences of `{}` ({}): quote more of the one meant",
            short(quote),
            many.len(),
            article.id,
            many.iter()
                .map(|s| (s + 1).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Where `words` stand in the sentence `span` of `article`.
fn words_in(article: &Article, span: Span, words: &str) -> Result<Span, String> {
    let words = words.trim();
    let at = article
        .slice(span)
        .find(words)
        .filter(|_| !words.is_empty())
        .ok_or_else(|| format!("the sentence does not hold the words «{}»", short(words)))?;
    Ok(Span::new(span.start + at, span.start + at + words.len()))
}

/// A quote cut to 60 characters for a message.
fn short(s: &str) -> String {
    match s.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}
