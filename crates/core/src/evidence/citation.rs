//! What the engine found for one gazetteer entry: the [`Citation`]s, each a
//! sentence (or a short run of sentences) with the mention's byte span and
//! its role, grouped into a [`Feature`]. [`crate::evidence::corpus`] builds
//! them; everything above reads them.

use serde::{Deserialize, Serialize};

use crate::evidence::mention::Role;
use crate::text::span::Span;

/// One sentence (or a short run of sentences) that supports a feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// Index into [`Corpus::articles`].
    pub article: usize,
    /// Index into that article's sentences: the one holding the mention.
    pub sentence: usize,
    /// The sentences cited, `first..=last`: more than one where a project rule
    /// read its anchors in a neighbouring sentence.
    pub first: usize,
    pub last: usize,
    /// The mention inside the sentence, as bytes of the article's original text.
    pub mention: Span,
    /// Venue or mentioned for a town; subject for everything else.
    pub role: Role,
}

impl Citation {
    /// Does this citation link its article to the feature? A town merely
    /// mentioned in passing is shown, but is not evidence of anything there.
    pub fn links(&self) -> bool {
        self.role != Role::Mentioned
    }
}

/// A gazetteer entry that the corpus cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feature {
    /// Index into the gazetteer's entries.
    pub entry: usize,
    pub citations: Vec<Citation>,
}

impl Feature {
    /// Did an article say a meeting took place here (a town's venue citation)?
    pub fn hosted_meetings(&self) -> bool {
        self.citations.iter().any(|c| c.role == Role::Venue)
    }
}
