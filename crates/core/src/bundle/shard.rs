//! Article texts apart from the index: the map needs every citation at once,
//! the reader needs one article's whole text only when it opens.
//!
//! `atlas dist` takes each article's text, paragraphs and sentences out of
//! the widget's [`Index`](crate::Index) ([`Corpus::take_texts`]), leaving in
//! their place the [`Excerpt`]s the panel quotes (the cited sentences,
//! verbatim, at their offsets in the text), and writes the texts in
//! [`TextShard`]s of [`PER_SHARD`] consecutive articles, each a postcard file
//! `texts-HASH.bin` named in the index's [`TextShards`]. The widget fetches a
//! shard when a reader opens one of its articles (or a citation of one is
//! hovered or focused), and checks on decode that the shard is the one the
//! index names and that every citation of its articles falls inside its
//! text, so a damaged or foreign file is an error in the reader, never a
//! panic. Sixteen articles of the seed's size are about 15 KB gzipped: one
//! request for a reader, few enough files for a year of coverage.

use serde::{Deserialize, Serialize};

use crate::bundle::format::{BundleError, FORMAT_VERSION, decode_versioned};
use crate::evidence::corpus::Corpus;
use crate::text::article::{Excerpt, Paragraph, Sentence};
use crate::text::span::Span;

/// Articles per text shard.
pub const PER_SHARD: usize = 16;

/// What the reader needs of one article beyond the index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleText {
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
}

/// One shard file: the texts of articles `first..first + texts.len()`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextShard {
    pub format_version: u32,
    pub first: usize,
    pub texts: Vec<ArticleText>,
}

/// Where an index's article texts are: shard `k` (file `names[k]`) holds
/// articles `k * per_shard ..`. No names: the texts are in the index itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextShards {
    pub per_shard: usize,
    pub names: Vec<String>,
}

impl TextShards {
    /// The shard holding `article`, and the article's place in it.
    pub fn locate(&self, article: usize) -> Option<(usize, usize)> {
        let per = self.per_shard.max(1);
        let shard = article / per;
        (shard < self.names.len()).then_some((shard, article % per))
    }
}

impl Corpus {
    /// Moves every article's text, paragraphs and sentences out, in article
    /// order, leaving the excerpts its citations quote.
    pub fn take_texts(&mut self) -> Vec<ArticleText> {
        let mut cited: Vec<Vec<(usize, usize)>> = vec![Vec::new(); self.articles.len()];
        for c in self.features.iter().flat_map(|f| &f.citations) {
            cited[c.article].push((c.first, c.last));
        }
        let mut texts = Vec::with_capacity(self.articles.len());
        for (article, mut runs) in self.articles.iter_mut().zip(cited) {
            runs.sort_unstable();
            runs.dedup();
            article.excerpts = runs
                .into_iter()
                .map(|(first, last)| {
                    let span = Span::new(
                        article.sentences[first].span.start,
                        article.sentences[last].span.end,
                    );
                    Excerpt {
                        first,
                        last,
                        start: span.start,
                        text: span.of(&article.text).to_string(),
                    }
                })
                .collect();
            texts.push(ArticleText {
                text: std::mem::take(&mut article.text),
                paragraphs: std::mem::take(&mut article.paragraphs),
                sentences: std::mem::take(&mut article.sentences),
            });
        }
        texts
    }
}

/// `texts` (in article order) cut into shards of `per_shard`.
pub fn shards(texts: Vec<ArticleText>, per_shard: usize) -> Vec<TextShard> {
    let mut out: Vec<TextShard> = Vec::new();
    for (i, text) in texts.into_iter().enumerate() {
        if i % per_shard.max(1) == 0 {
            out.push(TextShard {
                format_version: FORMAT_VERSION,
                first: i,
                texts: Vec::new(),
            });
        }
        out.last_mut().expect("pushed above").texts.push(text);
    }
    out
}

impl TextShard {
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a TextShard holds only strings and numbers")
    }

    /// Decodes shard number `shard` of `corpus`'s texts and checks that it is
    /// that shard and that every citation of its articles fits its text.
    pub fn decode(
        bytes: &[u8],
        corpus: &Corpus,
        shards: &TextShards,
        shard: usize,
    ) -> Result<TextShard, BundleError> {
        let decoded: TextShard = decode_versioned(bytes)?;
        let first = shard * shards.per_shard.max(1);
        let count = shards
            .per_shard
            .max(1)
            .min(corpus.articles.len().saturating_sub(first));
        if decoded.first != first || decoded.texts.len() != count {
            return Err(BundleError::Foreign(format!(
                "it holds articles {}..{}, the index expects {first}..{}",
                decoded.first,
                decoded.first + decoded.texts.len(),
                first + count
            )));
        }
        for (k, text) in decoded.texts.iter().enumerate() {
            text.check(corpus, first + k)
                .map_err(|e| BundleError::Foreign(format!("article {}: {e}", first + k)))?;
        }
        Ok(decoded)
    }
}

impl ArticleText {
    /// Whether the reader can show this text for article `article` of
    /// `corpus` without slicing outside it: sentences and paragraphs inside
    /// the text, every citation's sentences present and its mention inside
    /// its sentence.
    fn check(&self, corpus: &Corpus, article: usize) -> Result<(), String> {
        let fits = |s: Span| {
            s.start <= s.end
                && self.text.is_char_boundary(s.start)
                && self.text.is_char_boundary(s.end)
                && s.end <= self.text.len()
        };
        if let Some(s) = self
            .sentences
            .iter()
            .find(|s| !fits(s.span) || s.paragraph >= self.paragraphs.len())
        {
            return Err(format!(
                "a sentence at bytes {}..{} does not fit the text",
                s.span.start, s.span.end
            ));
        }
        if self
            .paragraphs
            .iter()
            .any(|p| p.first_sentence + p.sentence_count > self.sentences.len())
        {
            return Err("a paragraph lists sentences it does not have".into());
        }
        for c in corpus.features.iter().flat_map(|f| &f.citations) {
            if c.article != article {
                continue;
            }
            let inside = self
                .sentences
                .get(c.sentence)
                .is_some_and(|s| s.span.start <= c.mention.start && c.mention.end <= s.span.end);
            if !inside || c.last >= self.sentences.len() {
                return Err(format!(
                    "a citation's sentence {} is not in the text",
                    c.sentence
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::fixtures::osh_bundle;

    fn corpus() -> Corpus {
        osh_bundle("Первая фраза.\n\nВстреча прошла в Оше. Потом в Оше ещё раз.").corpus
    }

    #[test]
    fn texts_leave_excerpts_with_the_same_offsets() {
        let full = corpus();
        let mut slim = full.clone();
        let texts = slim.take_texts();
        assert_eq!(texts.len(), 1);
        assert_eq!(texts[0].text, full.articles[0].text);
        assert!(slim.articles[0].text.is_empty() && slim.articles[0].sentences.is_empty());
        let citations = &full.features[0].citations;
        assert_eq!(citations.len(), 2);
        for c in citations {
            assert_eq!(slim.quote_span(c), full.quote_span(c));
            assert_eq!(slim.quote(c), full.quote(c));
            assert_eq!(slim.articles[0].slice(c.mention), "Оше");
        }
        assert_eq!(slim.articles[0].excerpts.len(), 2);
        assert_eq!(slim.articles[0].excerpts[0].text, "Встреча прошла в Оше.");
    }

    /// The fixture corpus without its texts, its one shard, and the names.
    fn one_shard() -> (Corpus, TextShard, TextShards) {
        let mut slim = corpus();
        let shard = shards(slim.take_texts(), PER_SHARD).remove(0);
        let names = TextShards {
            per_shard: PER_SHARD,
            names: vec!["texts-x.bin".into()],
        };
        (slim, shard, names)
    }

    #[test]
    fn a_shard_round_trips_and_is_located() {
        let (slim, shard, names) = one_shard();
        assert_eq!(names.locate(0), Some((0, 0)));
        assert_eq!(names.locate(PER_SHARD), None);
        let back = TextShard::decode(&shard.encode(), &slim, &names, 0).unwrap();
        assert_eq!(back, shard);
    }

    #[test]
    fn a_damaged_foreign_or_old_shard_is_an_error() {
        let (slim, shard, names) = one_shard();
        let bytes = shard.encode();
        let cut = TextShard::decode(&bytes[..bytes.len() / 2], &slim, &names, 0);
        assert!(matches!(cut, Err(BundleError::Damaged(_))), "{cut:?}");
        let mut old = shard.clone();
        old.format_version = FORMAT_VERSION - 1;
        assert_eq!(
            TextShard::decode(&old.encode(), &slim, &names, 0),
            Err(BundleError::WrongVersion {
                found: FORMAT_VERSION - 1,
                expected: FORMAT_VERSION
            })
        );
        let mut other = shard.clone();
        other.first = 16;
        assert!(matches!(
            TextShard::decode(&other.encode(), &slim, &names, 0),
            Err(BundleError::Foreign(_))
        ));
        let mut short = shard;
        short.texts[0].text.truncate(10);
        let e = TextShard::decode(&short.encode(), &slim, &names, 0).unwrap_err();
        assert!(e.to_string().contains("article 0"), "{e}");
    }
}
