//! The article reader: the whole article with the cited sentence highlighted
//! and scrolled into view; mentions of features are links to the map.

use bilateral_core::Corpus;
use bilateral_core::article::ParagraphKind;
use bilateral_core::lang::Lang;
use bilateral_core::text::Span;
use yew::prelude::*;

use crate::corpus::Static;

use crate::components::citation::article_meta;
use crate::host::deeplink::DeepLink;
use crate::i18n;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub corpus: Static<Corpus>,
    pub lang: Lang,
    pub article: usize,
    /// The sentence to scroll to: the one holding the mention.
    pub sentence: usize,
    /// The cited sentences to highlight, `first..=last` (a rule's window).
    pub first: usize,
    pub last: usize,
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
            // Scroll the panel, never the host page: centre the cited sentence
            // inside the nearest scrolling `.bm-side`.
            if let Some(el) = cited_ref.cast::<web_sys::Element>()
                && let Ok(Some(side)) = el.closest(".bm-side")
            {
                let (s, e) = (
                    side.get_bounding_client_rect(),
                    el.get_bounding_client_rect(),
                );
                let offset = e.top() - s.top() - (s.height() - e.height()) / 2.0;
                side.set_scroll_top(side.scroll_top() + offset.round() as i32);
            }
        });
    }
    // Every feature mention in this article, by sentence, in text order.
    // Computed once per article, not on every render.
    let mentions = use_memo((corpus, props.article), |&(corpus, article)| {
        corpus.mentions_by_sentence(article)
    });
    let back = props.onback.reform(|_: MouseEvent| ());
    let sentence_html = |si: usize| -> Html {
        let span = article.sentences[si].span;
        let mut parts: Vec<Html> = Vec::new();
        let mut at = span.start;
        for &(m, fi) in &mentions[si] {
            if m.start < at {
                continue; // overlapping mentions: the first one is linked
            }
            parts.push(html! { { Span::new(at, m.start).of(&article.text) } });
            let onfeature = props.onfeature.reform(move |e: MouseEvent| {
                e.prevent_default();
                fi
            });
            let entry = corpus.entry(&corpus.features[fi]);
            let href = DeepLink {
                feature: Some(entry.id.clone()),
                ..DeepLink::default()
            }
            .format();
            parts.push(html! {
                <a class="bm-mention" href={href} data-mention={entry.id.clone()}
                    title={entry.name.get(props.lang).to_string()} onclick={onfeature}>{ m.of(&article.text) }</a>
            });
            at = m.end;
        }
        parts.push(html! { { Span::new(at, span.end).of(&article.text) } });
        let cited = (props.first..=props.last).contains(&si);
        let main = si == props.sentence;
        html! {
            <>
                <span class={classes!("bm-sentence", cited.then_some("bm-sentence--cited"))}
                    data-testid={main.then_some("cited-sentence")}
                    ref={if main { cited_ref.clone() } else { NodeRef::default() }}>
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
                    <a href={url.clone()} target="_blank" rel="noopener noreferrer">{ bilateral_core::ui::source(props.lang) }{ " ↗" }</a>
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
