//! What a click needs, apart from what the map needs first.
//!
//! Measured on a corpus of 1,000 real-sized articles (`atlas synth`), the
//! widget's index was 303 KB gzipped, and the map's first view used a
//! tenth of it: the panel's quotes were 127 KB of it, the search words
//! 86 KB, the articles' titles, addresses and outlets 31 KB (the README's
//! *Speed, measured* has the table). So `atlas dist` moves those
//! ([`Index::take_details`]), with the same-event links the panel and the
//! reader draw, into one [`Details`] file, `details-HASH.bin`, named in the
//! index. The index keeps what the map draws at once: the features and
//! their citations (counts, roles, the timeline's dates), the cited
//! entries' names, the articles' ids, dates and languages. The widget
//! fetches the details when a feature is opened, the search is focused,
//! a deep link opens the panel or the reader, or a reader's pointer or focus
//! first enters the widget (its intent, as a hovered citation fetches its
//! text shard), once per page for every embed; [`Details::decode`] checks
//! that the file belongs to the index before the panel trusts it.

use serde::{Deserialize, Serialize};

use crate::bundle::files::{Bundle, Index};
use crate::bundle::format::{BundleError, FORMAT_VERSION, decode_versioned};
use crate::evidence::corpus::Corpus;
use crate::evidence::event::Event;
use crate::reader::search::SearchIndex;
use crate::text::article::Excerpt;

/// What the panel and the reader show of one article beyond the index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleDetails {
    pub title: String,
    pub url: Option<String>,
    pub source: Option<String>,
    /// The cited sentences, verbatim (see [`crate::bundle::shard`]).
    pub excerpts: Vec<Excerpt>,
}

/// The details file: every article's [`ArticleDetails`] in corpus order,
/// the same-event links and the search index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Details {
    pub format_version: u32,
    pub articles: Vec<ArticleDetails>,
    pub events: Vec<Event>,
    pub search: SearchIndex,
}

impl Index {
    /// Moves the titles, addresses, outlets, excerpts, events and search
    /// words out of the index, leaving it what the map draws first.
    pub fn take_details(&mut self) -> Details {
        let articles = self
            .corpus
            .articles
            .iter_mut()
            .map(|a| ArticleDetails {
                title: std::mem::take(&mut a.title),
                url: a.url.take(),
                source: a.source.take(),
                excerpts: std::mem::take(&mut a.excerpts),
            })
            .collect();
        Details {
            format_version: FORMAT_VERSION,
            articles,
            events: std::mem::take(&mut self.corpus.events),
            search: std::mem::take(&mut self.search),
        }
    }
}

impl Details {
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("Details hold only strings and numbers")
    }

    /// Decodes the details of `corpus` and checks that they are its own:
    /// one entry per article, every citation's sentences quoted, every
    /// event and search hit naming an article, a sentence or an entry that
    /// is there.
    pub fn decode(bytes: &[u8], corpus: &Corpus) -> Result<Details, BundleError> {
        let d: Details = decode_versioned(bytes)?;
        let foreign = |why: String| Err(BundleError::Foreign(why));
        let n = corpus.articles.len();
        if d.articles.len() != n {
            return foreign(format!(
                "it has {} articles, the index {n}",
                d.articles.len()
            ));
        }
        for c in corpus.features.iter().flat_map(|f| &f.citations) {
            let quoted = d.articles[c.article]
                .excerpts
                .iter()
                .any(|e| (e.first, e.last) == (c.first, c.last));
            if !quoted {
                return foreign(format!(
                    "article {} has no quote of its sentences {}..={}",
                    c.article, c.first, c.last
                ));
            }
        }
        if d.events.iter().flat_map(|e| &e.articles).any(|&a| a >= n) {
            return foreign("an event names an article the index does not have".into());
        }
        let entries = corpus.gazetteer.entries.len();
        let bad_hit = d.search.postings.iter().any(|p| {
            p.entries.iter().any(|&e| e as usize >= entries)
                || p.sentences.iter().any(|&(a, _)| a as usize >= n)
        });
        if bad_hit || d.search.words.len() != d.search.postings.len() {
            return foreign("its search words name what the index does not have".into());
        }
        Ok(d)
    }
}

impl Bundle {
    /// This bundle with its details back in: what the panel, the reader
    /// and the search read.
    pub fn with_details(mut self, details: Details) -> Bundle {
        let whole = &mut self;
        for (a, d) in whole.corpus.articles.iter_mut().zip(details.articles) {
            a.title = d.title;
            a.url = d.url;
            a.source = d.source;
            a.excerpts = d.excerpts;
        }
        whole.corpus.events = details.events;
        whole.search = details.search;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::fixtures::osh_bundle;

    fn bundle() -> Bundle {
        osh_bundle("Встреча в Оше.\n\nВстреча прошла в Оше. Потом в Оше ещё раз.").for_widget()
    }

    /// The fixture's widget index with its texts in shards, as `atlas dist` has it.
    fn index() -> Index {
        let (mut index, _) = bundle().split();
        index.corpus.take_texts();
        index
    }

    #[test]
    fn the_details_come_out_and_go_back_in_unchanged() {
        let whole = index();
        let mut slim = whole.clone();
        let details = slim.take_details();
        assert!(
            slim.corpus
                .articles
                .iter()
                .all(|a| a.title.is_empty() && a.excerpts.is_empty())
        );
        assert!(slim.search.words.is_empty() && slim.corpus.events.is_empty());
        assert!(!details.search.words.is_empty());
        assert_eq!(details.articles[0].title, "Встреча в Оше.");
        assert_eq!(
            details.articles[0].excerpts.len(),
            3,
            "the title line and two sentences name Osh"
        );
        let decoded = Details::decode(&details.encode(), &slim.corpus).expect("its own details");
        assert_eq!(decoded, details);
        let basemap = bundle().split().1;
        let joined = Bundle::join(slim, basemap.clone()).expect("one build");
        let expected = Bundle::join(whole, basemap).expect("one build");
        assert_eq!(joined.with_details(decoded), expected);
    }

    #[test]
    fn details_of_another_index_are_refused() {
        let mut slim = index();
        let mut details = slim.take_details();
        details.articles.pop();
        let e = Details::decode(&details.encode(), &slim.corpus).unwrap_err();
        assert!(
            matches!(e, BundleError::Foreign(ref why) if why.contains("articles")),
            "{e}"
        );

        let mut details = index().take_details();
        for a in &mut details.articles {
            a.excerpts.clear();
        }
        let e = Details::decode(&details.encode(), &slim.corpus).unwrap_err();
        assert!(
            matches!(e, BundleError::Foreign(ref why) if why.contains("no quote")),
            "{e}"
        );
    }

    #[test]
    fn damaged_or_old_details_are_errors() {
        let mut slim = index();
        let bytes = slim.take_details().encode();
        let e = Details::decode(&bytes[..bytes.len() / 2], &slim.corpus).unwrap_err();
        assert!(matches!(e, BundleError::Damaged(_)), "{e}");
        let mut old = bytes.clone();
        old[0] = old[0].wrapping_sub(1);
        let e = Details::decode(&old, &slim.corpus).unwrap_err();
        assert!(matches!(e, BundleError::WrongVersion { .. }), "{e}");
    }
}
