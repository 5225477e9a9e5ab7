//! The linked corpus: articles, the gazetteer, and for each gazetteer entry the
//! sentences that cite it.
//!
//! [`Corpus::load`] runs the whole pipeline over a folder of articles and a
//! gazetteer file: read ([`crate::text::source`]), parse ([`crate::text::article`]), match
//! ([`crate::evidence::mention`]) and group the mentions into [`Citation`]s, one per
//! (feature, sentence), keeping the first mention's span. An entry without a
//! citation is not a [`Feature`]: the map shows only what the articles support.
//! Every bad article file is reported, not just the first.

use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

pub use crate::evidence::citation::{Citation, Feature};
use crate::evidence::decisions::{DecisionError, Decisions};
use crate::evidence::event::{self, Event};
use crate::evidence::gazetteer::{Entry, Gazetteer, GazetteerError};
use crate::evidence::mention::Matcher;
use crate::text::article::{self, Article, ArticleError};
use crate::text::source::{self, SourceError};
use crate::text::span::Span;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub gazetteer: Gazetteer,
    /// Cited entries only, in gazetteer order.
    pub features: Vec<Feature>,
    /// Articles that report one event ([`crate::evidence::event`]).
    pub events: Vec<Event>,
    /// What applying the editor's decisions reported without failing
    /// ([`crate::evidence::decisions`]): rejects that changed nothing.
    #[serde(skip)]
    pub decision_warnings: Vec<String>,
    /// Proposals the editor rejected, by sighting: (article, sentence,
    /// proposal id); [`crate::evidence::proposals::propose`] leaves them out.
    #[serde(skip)]
    pub rejected_proposals: Vec<(usize, usize, String)>,
}

/// Why the corpus could not be built. Shown one problem per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorpusError {
    /// The articles folder cannot be listed or holds no articles.
    Folder(SourceError),
    Gazetteer(GazetteerError),
    /// Every article file that could not be read or parsed.
    Files(Vec<FileError>),
    /// The editor's decisions file, or a decision that names nothing real.
    Decisions(DecisionError),
}

/// One article file's problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    #[error(transparent)]
    Source(#[from] SourceError),
    #[error(transparent)]
    Article(#[from] ArticleError),
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorpusError::Folder(e) => write!(f, "{e}"),
            CorpusError::Gazetteer(e) => write!(f, "{e}"),
            CorpusError::Decisions(e) => write!(f, "{e}"),
            CorpusError::Files(errors) => {
                for (i, e) in errors.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{e}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for CorpusError {}

impl Corpus {
    /// Reads `articles_dir/*.txt` and `gazetteer_path`, and links them.
    /// The gazetteer is checked first; then every article file is read and
    /// parsed, and all their problems are returned together.
    pub fn load(articles_dir: &Path, gazetteer_path: &Path) -> Result<Corpus, CorpusError> {
        Corpus::load_decided(articles_dir, gazetteer_path, None)
    }

    /// [`Corpus::load`], then the editor's decisions from `decisions_path`
    /// (a missing file is none) applied to the engine's links.
    pub fn load_decided(
        articles_dir: &Path,
        gazetteer_path: &Path,
        decisions_path: Option<&Path>,
    ) -> Result<Corpus, CorpusError> {
        let decisions = match decisions_path {
            Some(path) => Decisions::load(path).map_err(CorpusError::Decisions)?,
            None => Decisions::none(),
        };
        let (articles, gazetteer) = Corpus::read(articles_dir, gazetteer_path)?;
        Corpus::link_decided(articles, gazetteer, &decisions).map_err(CorpusError::Decisions)
    }

    /// The gazetteer, then every article parsed, not yet linked (for a caller
    /// that links them more than once, as the desk checks a decision).
    pub fn read(
        articles_dir: &Path,
        gazetteer_path: &Path,
    ) -> Result<(Vec<Article>, Gazetteer), CorpusError> {
        let gazetteer = Gazetteer::load(gazetteer_path).map_err(CorpusError::Gazetteer)?;
        let files = source::read_all(articles_dir).map_err(CorpusError::Folder)?;
        let mut articles = Vec::with_capacity(files.len());
        let mut errors = Vec::new();
        for file in files {
            match file
                .map_err(FileError::from)
                .and_then(|f| Ok(article::parse(&f)?))
            {
                Ok(a) => articles.push(a),
                Err(e) => errors.push(e),
            }
        }
        if !errors.is_empty() {
            return Err(CorpusError::Files(errors));
        }
        Ok((articles, gazetteer))
    }

    /// Finds every entry's citations in already parsed articles.
    pub fn link(articles: Vec<Article>, gazetteer: Gazetteer) -> Corpus {
        Corpus::link_decided(articles, gazetteer, &Decisions::none())
            .expect("no decisions, nothing to fail")
    }

    /// [`Corpus::link`], with the editor's decisions applied to the
    /// engine's citations before features and events are made of them.
    pub fn link_decided(
        articles: Vec<Article>,
        gazetteer: Gazetteer,
        decisions: &Decisions,
    ) -> Result<Corpus, DecisionError> {
        let matcher = Matcher::new(&gazetteer);
        let mut citations: Vec<Vec<Citation>> = vec![Vec::new(); gazetteer.entries.len()];
        let mut meetings = Vec::with_capacity(articles.len());
        for (article_index, article) in articles.iter().enumerate() {
            // One scan per article, for its mentions and its meetings.
            let found = matcher.scan(article);
            meetings.push(event::meetings_named(&found, &gazetteer));
            for mention in matcher.mentions(&found) {
                let list = &mut citations[mention.entry];
                let cite = Citation {
                    article: article_index,
                    sentence: mention.sentence,
                    first: mention.first,
                    last: mention.last,
                    mention: mention.span,
                    role: mention.role,
                };
                match list.last_mut() {
                    Some(c) if c.article == article_index && c.sentence == mention.sentence => {
                        if cite.role < c.role {
                            *c = cite; // a venue outranks a passing mention
                        }
                    }
                    _ => list.push(cite),
                }
            }
        }
        let decision_warnings = decisions.apply(&articles, &gazetteer, &mut citations)?;
        let rejected_proposals = decisions.rejected_proposals(&articles)?;
        let features: Vec<Feature> = citations
            .into_iter()
            .enumerate()
            .filter(|(_, c)| !c.is_empty())
            .map(|(entry, citations)| Feature { entry, citations })
            .collect();
        let events = event::group(&articles, &features, &meetings);
        Ok(Corpus {
            articles,
            gazetteer,
            features,
            events,
            decision_warnings,
            rejected_proposals,
        })
    }

    pub fn entry(&self, feature: &Feature) -> &Entry {
        &self.gazetteer.entries[feature.entry]
    }

    /// The cited sentences, verbatim: one byte range of the article file.
    /// From the article's sentences, or, where its text was moved to a
    /// shard, from its excerpts (the same offsets).
    pub fn quote_span(&self, citation: &Citation) -> Span {
        let article = &self.articles[citation.article];
        match article.sentences.get(citation.first..=citation.last) {
            Some([first, .., last]) => Span::new(first.span.start, last.span.end),
            Some([only]) => only.span,
            _ => article
                .excerpts
                .iter()
                .find(|e| (e.first, e.last) == (citation.first, citation.last))
                .map_or(citation.mention, |e| e.span()),
        }
    }

    /// The cited sentences, verbatim.
    pub fn quote(&self, citation: &Citation) -> &str {
        self.articles[citation.article].slice(self.quote_span(citation))
    }

    /// The cited feature with this gazetteer id.
    pub fn feature(&self, id: &str) -> Option<&Feature> {
        self.feature_index(id).map(|i| &self.features[i])
    }

    /// Where the cited feature with this gazetteer id is in `features`.
    pub fn feature_index(&self, id: &str) -> Option<usize> {
        self.features.iter().position(|f| self.entry(f).id == id)
    }

    /// Every cited mention in `article`, by sentence: `(span, feature index)`
    /// in text order (a tie keeps feature order). The reader links these.
    /// `sentences` is the article's sentence count (its text may be in a
    /// shard); a citation past it is left out.
    pub fn mentions_by_sentence(
        &self,
        article: usize,
        sentences: usize,
    ) -> Vec<Vec<(Span, usize)>> {
        let mut by_sentence = vec![Vec::new(); sentences];
        for (fi, f) in self.features.iter().enumerate() {
            for c in f.citations.iter().filter(|c| c.article == article) {
                if let Some(list) = by_sentence.get_mut(c.sentence) {
                    list.push((c.mention, fi));
                }
            }
        }
        for list in &mut by_sentence {
            let order =
                crate::text::compact::order_by_key(list.iter().map(|(s, _)| s.start as u64));
            *list = order.into_iter().map(|k| list[k]).collect();
        }
        by_sentence
    }

    /// The other articles that report the same event as `article`.
    pub fn same_event(&self, article: usize) -> &[usize] {
        self.events
            .iter()
            .find(|e| e.articles.contains(&article))
            .map_or(&[], |e| e.articles.as_slice())
    }

    /// The ids of the features an article's citations support, in feature order.
    pub fn features_cited_by(&self, article: usize) -> Vec<&str> {
        self.features
            .iter()
            .filter(|f| f.citations.iter().any(|c| c.article == article))
            .map(|f| self.entry(f).id.as_str())
            .collect()
    }

    /// The ids of the features an article links ([`Citation::links`]).
    pub fn features_linked_by(&self, article: usize) -> Vec<&str> {
        self.features
            .iter()
            .filter(|f| {
                f.citations
                    .iter()
                    .any(|c| c.article == article && c.links())
            })
            .map(|f| self.entry(f).id.as_str())
            .collect()
    }
}

/// A corpus of one article with `text`, linked to a gazetteer holding only
/// Osh (a GeoNames point): the unit tests' smallest real corpus.
#[cfg(any(test, feature = "fixtures"))]
pub fn osh_corpus(text: &str) -> Corpus {
    let gazetteer = Gazetteer::parse(
        Path::new("g.toml"),
        "[[entry]]\nid = \"osh\"\nkind = \"place\"\ncategory = \"city\"\n\
         name = { ru = \"Ош\", kk = \"Ош\", en = \"Osh\" }\n\
         point = { lat = 40.52828, lon = 72.79850 }\nprovenance = \"GeoNames\"\n",
    )
    .expect("the fixture gazetteer is valid");
    let article =
        article::parse_text("a", Path::new("a.txt"), text).expect("the fixture article parses");
    Corpus::link(vec![article], gazetteer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::article::parse_text;

    fn shipped(text: &str) -> Corpus {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/gazetteer.toml");
        let gazetteer = Gazetteer::load(&root).expect("the shipped gazetteer is valid");
        let article = parse_text("t", Path::new("t.txt"), text).expect("the text parses");
        Corpus::link(vec![article], gazetteer)
    }

    #[test]
    fn mentions_by_sentence_are_in_text_order() {
        let text = "Встреча прошла в Бишкеке.\n\nВ Караколе прошла встреча, затем в Бишкеке.";
        let corpus = shipped(text);
        let by_sentence = corpus.mentions_by_sentence(0, corpus.articles[0].sentences.len());
        assert_eq!(by_sentence.len(), corpus.articles[0].sentences.len());
        let named: Vec<Vec<(&str, &str)>> = by_sentence
            .iter()
            .map(|list| {
                list.iter()
                    .map(|&(span, fi)| {
                        (
                            corpus.entry(&corpus.features[fi]).id.as_str(),
                            span.of(text),
                        )
                    })
                    .collect()
            })
            .collect();
        assert_eq!(
            named,
            vec![
                vec![("bishkek", "Бишкеке")],
                vec![("karakol", "Караколе"), ("bishkek", "Бишкеке")],
            ]
        );
        let second = text.rfind("Бишкеке").unwrap();
        assert_eq!(by_sentence[1][1].0.start, second);
    }
}
