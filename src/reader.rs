//! The article reader: the whole article with the cited sentence highlighted
//! and scrolled into view; mentions of features are links to the map.

use std::collections::BTreeMap;

use bilateral_core::Corpus;
use bilateral_core::article::ParagraphKind;
use bilateral_core::lang::Lang;
use bilateral_core::text::Span;
use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use crate::i18n;
use crate::panel::article_meta;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub corpus: &'static Corpus,
    pub lang: Lang,
    pub article: usize,
    /// The sentence to highlight.
    pub sentence: usize,
    pub onback: Callback<()>,
    /// Selects a feature (by index) named in the text.
    pub onfeature: Callback<usize>,
}

#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let corpus = props.corpus;
    let article = &corpus.articles[props.article];
    let text = i18n::text(props.lang);
    let cited_ref = use_node_ref();
    {
        let cited_ref = cited_ref.clone();
        use_effect_with((props.article, props.sentence), move |_| {
            if let Some(el) = cited_ref.cast::<web_sys::Element>() {
                let options = ScrollIntoViewOptions::new();
                options.set_block(ScrollLogicalPosition::Center);
                options.set_behavior(ScrollBehavior::Instant);
                el.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }
    // Every feature mention in this article, by sentence: (span, feature index).
    let mut mentions: BTreeMap<usize, Vec<(Span, usize)>> = BTreeMap::new();
    for (fi, f) in corpus.features.iter().enumerate() {
        for c in f.citations.iter().filter(|c| c.article == props.article) {
            mentions
                .entry(c.sentence)
                .or_default()
                .push((c.mention, fi));
        }
    }
    let back = props.onback.reform(|_: MouseEvent| ());
    let sentence_html = |si: usize| -> Html {
        let span = article.sentences[si].span;
        let mut parts: Vec<Html> = Vec::new();
        let mut at = span.start;
        let mut list = mentions.get(&si).cloned().unwrap_or_default();
        list.sort_by_key(|(s, _)| s.start);
        for (m, fi) in list {
            if m.start < at {
                continue; // overlapping mentions: the first one is linked
            }
            parts.push(html! { { Span::new(at, m.start).of(&article.text) } });
            let onfeature = props.onfeature.reform(move |_: MouseEvent| fi);
            let name = corpus
                .entry(&corpus.features[fi])
                .name
                .get(props.lang)
                .to_string();
            parts.push(html! {
                <button type="button" class="bm-mention" data-mention={corpus.entry(&corpus.features[fi]).id.clone()}
                    title={name} onclick={onfeature}>{ m.of(&article.text) }</button>
            });
            at = m.end;
        }
        parts.push(html! { { Span::new(at, span.end).of(&article.text) } });
        let cited = si == props.sentence;
        html! {
            <>
                <span class={classes!("bm-sentence", cited.then_some("bm-sentence--cited"))}
                    data-testid={cited.then_some("cited-sentence")}
                    ref={if cited { cited_ref.clone() } else { NodeRef::default() }}>
                    { for parts }
                </span>
                { " " }
            </>
        }
    };
    html! {
        <section class="bm-reader" data-testid="article" lang={article.lang.code()} aria-labelledby="bm-reader-title">
            <button type="button" class="bm-back" onclick={back} lang={props.lang.code()}>{ text.back }</button>
            <h3 id="bm-reader-title" class="bm-reader-title">{ &article.title }</h3>
            <p class="bm-source-meta" lang={props.lang.code()}>
                { article_meta(props.lang, article) }
                if let Some(url) = &article.url {
                    { " · " }
                    <a href={url.clone()} target="_blank" rel="noopener noreferrer">{ text.source }{ " ↗" }</a>
                }
            </p>
            <div class="bm-reader-text">
                { for article.paragraphs.iter().map(|p| {
                    let sentences = p.first_sentence..p.first_sentence + p.sentence_count;
                    match p.kind {
                        ParagraphKind::Title => html! { <p class="bm-lead">{ for sentences.map(sentence_html) }</p> },
                        ParagraphKind::Body => html! { <p>{ for sentences.map(sentence_html) }</p> },
                    }
                }) }
            </div>
            <p class="bm-reader-note" lang={props.lang.code()}>{ text.mentions_in_text }</p>
        </section>
    }
}
