//! The article reader: the whole article with the cited sentence highlighted
//! and scrolled into view; mentions of features are links to the map. The
//! text comes from its shard ([`crate::hooks::texts`]): until it arrives the
//! reader shows the cited sentences from the index and says it is loading;
//! if it cannot be had, it says so, the reason goes to the console and to a
//! `bilateral-map:error` event, and the map and panel go on working.

use bilateral_core::Corpus;
use bilateral_core::article::{ParagraphKind, Sentence};
use bilateral_core::lang::Lang;
use bilateral_core::text::Span;
use yew::prelude::*;

use crate::corpus::Static;

use crate::components::citation::article_meta;
use crate::components::share::Share;
use crate::hooks::texts::{self, Body, use_article_text};
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
    /// The deep link to this citation (`#feature=…&cite=…`) and its
    /// reference, for [`Share`].
    pub hash: String,
    pub reference: String,
    /// The other reports of this article's event: language, and the
    /// feature and citation to open each at.
    #[prop_or_default]
    pub same_event: Vec<(Lang, usize, usize)>,
    #[prop_or_default]
    pub onevent: Callback<(usize, usize)>,
    pub onback: Callback<()>,
    /// Selects a feature (by index) named in the text.
    pub onfeature: Callback<usize>,
}

#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let corpus = props.corpus;
    let article = &corpus.articles[props.article];
    let text = i18n::text(props.lang);
    let fetched = use_article_text(corpus, props.article);
    let body = texts::body(&corpus, props.article, fetched.as_ref());
    let sentences = match &body {
        Body::Ready { sentences, .. } => sentences.len(),
        _ => 0,
    };
    let cited_ref = use_node_ref();
    let section_ref = use_node_ref();
    {
        let section_ref = section_ref.clone();
        let failed = match &body {
            Body::Failed(why) => Some(why.to_string()),
            _ => None,
        };
        use_effect_with(failed, move |failed| {
            if let (Some(why), Some(el)) = (failed, section_ref.cast::<web_sys::Element>()) {
                gloo::console::error!(format!("bilateral-map: {why}"));
                crate::host::events::dispatch_error(&el, why);
            }
        });
    }
    {
        let cited_ref = cited_ref.clone();
        use_effect_with((props.article, props.sentence, sentences), move |_| {
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
    let mentions = use_memo(
        (corpus, props.article, sentences),
        |&(corpus, article, n)| corpus.mentions_by_sentence(article, n),
    );
    let back = props.onback.reform(|_: MouseEvent| ());
    let ready = matches!(body, Body::Ready { .. });
    let content = match body {
        Body::Ready {
            text: full,
            paragraphs,
            sentences,
        } => {
            let view = TextView {
                props,
                full,
                sentences,
                mentions: &mentions,
                cited_ref: &cited_ref,
            };
            html! {
                <div class="bm-reader-text">
                    { for paragraphs.iter().map(|p| {
                        let range = p.first_sentence..p.first_sentence + p.sentence_count;
                        let html: Html = range.map(|si| view.sentence(si)).collect();
                        match p.kind {
                            ParagraphKind::Title => html! { <p class="bm-lead">{ html }</p> },
                            ParagraphKind::Body => html! { <p>{ html }</p> },
                        }
                    }) }
                </div>
            }
        }
        Body::Loading => html! {
            <div class="bm-reader-text" aria-busy="true">
                { excerpt(props) }
                <p class="bm-reader-status" role="status" lang={props.lang.code()}
                    data-testid="article-loading">{ text.loading_article }</p>
            </div>
        },
        Body::Failed(_) => html! {
            <div class="bm-reader-text">
                { excerpt(props) }
                <p class="bm-reader-status bm-reader-status--error" role="alert" data-testid="article-error"
                    lang={props.lang.code()}>{ text.article_unavailable }</p>
            </div>
        },
    };
    html! {
        <section class="bm-reader" data-testid="article" lang={article.lang.code()} aria-labelledby="bm-reader-title" ref={section_ref}>
            <button type="button" class="bm-back" onclick={back} lang={props.lang.code()}>{ text.back }</button>
            <h3 id="bm-reader-title" class="bm-reader-title">{ &article.title }</h3>
            <p class="bm-source-meta" lang={props.lang.code()}>
                { article_meta(props.lang, article) }
                if let Some(url) = &article.url {
                    { " · " }
                    <a href={url.clone()} target="_blank" rel="noopener noreferrer">{ bilateral_core::ui::source(props.lang) }{ " ↗" }</a>
                }
            </p>
            { same_event(props) }
            <Share lang={props.lang} hash={props.hash.clone()} reference={props.reference.clone()} />
            { content }
            if ready {
                <p class="bm-reader-note" lang={props.lang.code()}>{ text.mentions_in_text }</p>
            }
        </section>
    }
}

/// The other reports of this article's event, each in its own language.
fn same_event(props: &ReaderProps) -> Html {
    if props.same_event.is_empty() {
        return Html::default();
    }
    let corpus = props.corpus;
    let text = i18n::text(props.lang);
    html! {
        <p class="bm-same-event" data-testid="same-event" lang={props.lang.code()}>
            { text.same_event }{ " " }
            { for props.same_event.iter().enumerate().map(|(k, &(l, fi, ci))| {
                let onclick = props.onevent.reform(move |e: MouseEvent| {
                    e.prevent_default();
                    (fi, ci)
                });
                let href = DeepLink {
                    feature: Some(corpus.entry(&corpus.features[fi]).id.clone()),
                    cite: Some(ci),
                    ..DeepLink::default()
                }
                .format();
                html! {
                    <>
                        if k > 0 { { " · " } }
                        <a href={href} {onclick} lang={l.code()}>{ i18n::lang_name(l) }</a>
                    </>
                }
            }) }
        </p>
    }
}

/// The cited sentences from the index, while the whole text is not here.
fn excerpt(props: &ReaderProps) -> Html {
    let article = &props.corpus.articles[props.article];
    let quoted = article
        .excerpts
        .iter()
        .find(|e| (e.first, e.last) == (props.first, props.last));
    match quoted {
        Some(e) => html! {
            <p><span class="bm-sentence bm-sentence--cited" data-testid="cited-excerpt">{ &e.text }</span></p>
        },
        None => html! {},
    }
}

/// One article's loaded text, drawn sentence by sentence.
struct TextView<'a> {
    props: &'a ReaderProps,
    full: &'a str,
    sentences: &'a [Sentence],
    mentions: &'a [Vec<(Span, usize)>],
    cited_ref: &'a NodeRef,
}

impl TextView<'_> {
    /// Sentence `si` with its feature mentions as links to the map. Spans
    /// were checked against the text when its shard was decoded; `get` keeps
    /// a slip from ever panicking.
    fn sentence(&self, si: usize) -> Html {
        let (props, corpus) = (self.props, self.props.corpus);
        let slice = |a: usize, b: usize| self.full.get(a..b).unwrap_or_default().to_string();
        let span = self.sentences[si].span;
        let mut parts: Vec<Html> = Vec::new();
        let mut at = span.start;
        for &(m, fi) in self.mentions.get(si).map_or(&[][..], Vec::as_slice) {
            if m.start < at || m.end > span.end {
                continue; // overlapping mentions: the first one is linked
            }
            parts.push(html! { { slice(at, m.start) } });
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
                    title={entry.name.get(props.lang).to_string()} onclick={onfeature}>{ slice(m.start, m.end) }</a>
            });
            at = m.end;
        }
        parts.push(html! { { slice(at, span.end) } });
        let cited = (props.first..=props.last).contains(&si);
        let main = si == props.sentence;
        html! {
            <>
                <span class={classes!("bm-sentence", cited.then_some("bm-sentence--cited"))}
                    data-testid={main.then_some("cited-sentence")}
                    ref={if main { self.cited_ref.clone() } else { NodeRef::default() }}>
                    { for parts }
                </span>
                { " " }
            </>
        }
    }
}
