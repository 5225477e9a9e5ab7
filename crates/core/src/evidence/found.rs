//! What the matcher finds in one article before any decision: tokens, their
//! stems, every phrase occurrence (of entries and terms), grouped by sentence.
//! The guards ([`crate::evidence::guard`]), roles ([`crate::evidence::role`]) and cue rules
//! ([`crate::evidence::cue`]) read it; [`crate::evidence::mention`] builds it and decides.

use crate::text::article::Article;
use crate::text::words::Tokens;

/// What a phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// Index into [`Gazetteer::entries`].
    Entry(usize),
    /// Index into [`Gazetteer::terms`].
    Term(usize),
}

/// A phrase found in an article: `len` tokens from token `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub target: Target,
    pub start: usize,
    pub len: usize,
    /// Every word is an inflection of its stem, not only an adjective of it.
    pub strict: bool,
    pub(crate) phrase: usize,
}

impl Occurrence {
    pub fn end(&self) -> usize {
        self.start + self.len
    }
}

/// Everything found in one article, for the steps after matching.
pub struct Found<'a> {
    pub article: &'a Article,
    pub tokens: Tokens,
    /// Per token: the stems it is an inflection of.
    pub strict: Vec<Vec<usize>>,
    /// Per token: the byte length of its longest strict stem (0 if none).
    pub stem_end: Vec<usize>,
    pub occurrences: Vec<Occurrence>,
    /// Per sentence: indices into `occurrences` lying wholly inside it and not
    /// blocked by [`crate::evidence::guard::blocked`].
    pub by_sentence: Vec<Vec<usize>>,
    /// Per sentence: its token range.
    pub sentence_tokens: Vec<std::ops::Range<usize>>,
    /// Per token: the terms with a strict occurrence starting or ending there.
    pub(crate) terms_at: Vec<Vec<usize>>,
}

impl Found<'_> {
    /// Is `target` in sentence `s` (any occurrence, loose ones included)?
    pub fn in_sentence(&self, s: usize, target: Target) -> Option<&Occurrence> {
        self.by_sentence[s]
            .iter()
            .map(|&i| &self.occurrences[i])
            .find(|o| o.target == target)
    }

    /// A strict occurrence of term `t` in sentence `s`.
    pub fn term_in(&self, s: usize, t: Option<usize>) -> Option<&Occurrence> {
        let t = t?;
        self.by_sentence[s]
            .iter()
            .map(|&i| &self.occurrences[i])
            .find(|o| o.strict && o.target == Target::Term(t))
    }

    /// Does token `k` start an occurrence of term `t`, or end one?
    pub fn term_at(&self, k: usize, t: Option<usize>) -> bool {
        let Some(t) = t else { return false };
        self.terms_at.get(k).is_some_and(|ts| ts.contains(&t))
    }
}

/// A mention before overlaps are settled: token range inside its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub(crate) entry: usize,
    pub(crate) sentence: usize,
    pub(crate) first: usize,
    pub(crate) last: usize,
    pub(crate) start: usize,
    pub(crate) len: usize,
    /// Made by a rule's cue (`cue.rs`), not by a name or alias.
    pub(crate) by_rule: bool,
}
