//! The reader's article text: at hand when the corpus carries it (the
//! widget's tests), else fetched from its shard ([`crate::texts`]), the
//! component rendering again when it arrives.

use bilateral_core::Corpus;
use bilateral_core::article::{Paragraph, Sentence};
use yew::prelude::*;

use crate::corpus::Static;
use crate::texts::{self, Text};

/// What the reader shows of an article's text.
pub enum Body<'a> {
    Loading,
    Ready {
        text: &'a str,
        paragraphs: &'a [Paragraph],
        sentences: &'a [Sentence],
    },
    Failed(&'a str),
}

/// Article `article`'s text, or the shard's state when it is not in `corpus`.
#[hook]
pub fn use_article_text(corpus: Static<Corpus>, article: usize) -> Option<Text> {
    let update = use_force_update();
    let inline = !corpus.articles[article].text.is_empty();
    use_effect_with((article, inline), move |&(article, inline)| {
        if !inline {
            texts::notify(article, Callback::from(move |()| update.force_update()));
        }
    });
    (!inline).then(|| texts::status(article))
}

/// The body of `article` from its corpus entry or its fetched text.
pub fn body<'a>(corpus: &'a Corpus, article: usize, fetched: Option<&'a Text>) -> Body<'a> {
    let a = &corpus.articles[article];
    match fetched {
        None => Body::Ready {
            text: &a.text,
            paragraphs: &a.paragraphs,
            sentences: &a.sentences,
        },
        Some(Text::Loading) => Body::Loading,
        Some(Text::Failed(why)) => Body::Failed(why),
        Some(t) => match t.article() {
            Some(t) => Body::Ready {
                text: &t.text,
                paragraphs: &t.paragraphs,
                sentences: &t.sentences,
            },
            None => Body::Failed("the text file has no such article"),
        },
    }
}
