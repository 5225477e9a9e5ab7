//! A citation as the panel and the reader show it: the cited sentences with
//! the mention in `<mark>` (a verbatim span of the article, by its offsets,
//! from the index's excerpts: the article's text may not be loaded yet),
//! and an article's meta line, defined once in `bilateral_core::ui`.

use bilateral_core::text::Span;
use bilateral_core::{Citation, Corpus};
use yew::prelude::*;

/// "2025-08-22 · Русский · kant.kg" for an article (one definition, in the
/// core, for the panel, the reader and the fallback).
pub use bilateral_core::ui::article_meta;

/// The cited sentences with the mention in `<mark>`.
pub fn highlighted(corpus: &Corpus, c: &Citation) -> Html {
    let article = &corpus.articles[c.article];
    let sentence = corpus.quote_span(c);
    let mention: Span = c.mention;
    html! {
        <>
            { article.slice(Span::new(sentence.start, mention.start)) }
            <mark>{ article.slice(mention) }</mark>
            { article.slice(Span::new(mention.end, sentence.end)) }
        </>
    }
}
