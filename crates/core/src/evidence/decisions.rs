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

use std::fmt;
use std::path::Path;

use serde::Deserialize;

use crate::evidence::citation::Citation;
use crate::evidence::gazetteer::Gazetteer;
use crate::evidence::role::Role;
use crate::text::article::{Article, Date};
use crate::text::source::DisplayPath;
use crate::text::span::{Span, line_of};

/// What the editor said of a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
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

/// The decisions file: its path (for messages) and its decisions, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decisions {
    pub path: DisplayPath,
    pub decisions: Vec<Decision>,
}

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
    decision: Vec<toml::Spanned<RawDecision>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDecision {
    article: String,
    feature: String,
    sentence: String,
    verdict: Verdict,
    words: Option<String>,
    note: Option<String>,
    date: String,
}

impl Decisions {
    /// No decisions (the engine's links as they are).
    pub fn none() -> Decisions {
        Decisions {
            path: DisplayPath(Default::default()),
            decisions: Vec::new(),
        }
    }

    /// Reads a decisions file; a missing file is no decisions.
    pub fn load(path: &Path) -> Result<Decisions, DecisionError> {
        match std::fs::read_to_string(path) {
            Ok(text) => Decisions::parse(path, &text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Decisions {
                path: DisplayPath(path.to_path_buf()),
                decisions: Vec::new(),
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
            let r = spanned.into_inner();
            let date = Date::parse(&r.date)
                .ok_or_else(|| at(line, format!("date `{}` is not YYYY-MM-DD", r.date)))?;
            for (key, value) in [
                ("article", &r.article),
                ("feature", &r.feature),
                ("sentence", &r.sentence),
            ] {
                if value.trim().is_empty() {
                    return Err(at(line, format!("`{key}` is empty")));
                }
            }
            if let Some(other) = decisions.iter().find(|d| {
                (&d.article, &d.feature, &d.sentence) == (&r.article, &r.feature, &r.sentence)
            }) {
                let problem = format!(
                    "a second decision on `{}` in this sentence of `{}` (the first is at line {})",
                    r.feature, r.article, other.line
                );
                return Err(at(line, problem));
            }
            decisions.push(Decision {
                article: r.article,
                feature: r.feature,
                sentence: r.sentence,
                verdict: r.verdict,
                words: r.words,
                note: r.note,
                date,
                line,
            });
        }
        Ok(Decisions {
            path: DisplayPath(path.to_path_buf()),
            decisions,
        })
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
        let mut warnings = Vec::new();
        let mut decided: Vec<(usize, usize, usize, usize)> = Vec::new();
        for d in &self.decisions {
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
