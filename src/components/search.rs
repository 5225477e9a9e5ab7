//! One search field over the features' names and aliases in ru, kk and en
//! and over the cited sentences (`bilateral_core::search`, its index built at
//! build time). Results list the features first, then the sentences with the
//! matching words marked; choosing one opens the feature, or the reader at
//! that sentence. Escape clears the field; ArrowDown moves into the results.

use bilateral_core::Corpus;
use bilateral_core::lang::Lang;
use bilateral_core::search::{SearchIndex, folded_words, matches, words as words_of};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::corpus::Static;
use crate::details::Quotes;
use crate::i18n;

/// Sentences listed at most; the count says how many there are.
pub const MAX_SENTENCES: usize = 20;

#[derive(Properties, PartialEq)]
pub struct SearchProps {
    pub corpus: Static<Corpus>,
    /// The corpus's search index ([`bilateral_core::Bundle::search`]).
    pub index: Static<SearchIndex>,
    pub lang: Lang,
    pub onfeature: Callback<usize>,
    /// A feature and the index of one of its citations.
    pub oncite: Callback<(usize, usize)>,
    /// Whether the search words and quotes are here yet ([`crate::details`]).
    #[prop_or(Quotes::Here)]
    pub quotes: Quotes,
}

#[function_component(Search)]
pub fn search(props: &SearchProps) -> Html {
    let corpus = props.corpus;
    let text = i18n::text(props.lang);
    let query = use_state(String::new);
    let results = use_node_ref();
    let found = use_memo((corpus, props.index, (*query).clone()), |(c, index, q)| {
        index.search(c, q)
    });
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let onkeydown = {
        let (query, results) = (query.clone(), results.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" if !query.is_empty() => {
                e.stop_propagation();
                query.set(String::new());
            }
            "ArrowDown" => {
                if let Some(b) = results
                    .cast::<web_sys::Element>()
                    .and_then(|r| r.query_selector("button").ok().flatten())
                    .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    e.prevent_default();
                    let _ = b.focus();
                }
            }
            _ => {}
        })
    };
    let choose = |then: Box<dyn Fn()>| {
        let query = query.clone();
        Callback::from(move |_: MouseEvent| {
            query.set(String::new());
            then();
        })
    };
    let words = folded_words(&query);
    // Not a `role="search"` landmark: two embeds on a page would make two
    // landmarks of one name (axe's landmark-unique).
    html! {
        <div class="bm-search">
            <input type="search" class="bm-search-input" data-testid="search" value={(*query).clone()}
                aria-label={text.search} placeholder={text.search_placeholder}
                aria-controls={(!words.is_empty()).then_some("bm-search-results")} {oninput} {onkeydown} />
            if !words.is_empty() && props.quotes != Quotes::Here {
                <div id="bm-search-results" class="bm-search-results" data-testid="search-results">
                    if let Quotes::Failed(_) = props.quotes {
                        <p class="bm-search-note bm-reader-status--error" role="alert" data-testid="quotes-error">{ text.quotes_unavailable }</p>
                    } else {
                        <p class="bm-search-note" role="status" aria-busy="true" data-testid="quotes-loading">{ text.loading_search }</p>
                    }
                </div>
            } else if !words.is_empty() {
                <div id="bm-search-results" ref={results} class="bm-search-results" data-testid="search-results">
                    <p class="bm-search-count" role="status">
                        { i18n::found(props.lang, found.features.len(), found.citations.len()) }
                    </p>
                    <ul>
                        { for found.features.iter().map(|&fi| {
                            let entry = corpus.entry(&corpus.features[fi]);
                            let on = props.onfeature.clone();
                            html! {
                                <li><button type="button" class="bm-search-feature" data-testid="search-feature"
                                    data-feature-id={entry.id.clone()} onclick={choose(Box::new(move || on.emit(fi)))}>
                                    { entry.name.get(props.lang) }
                                    <span class="bm-search-kind">{ i18n::category(props.lang, entry.category) }</span>
                                </button></li>
                            }
                        }) }
                        { for found.citations.iter().take(MAX_SENTENCES).map(|&(fi, ci)| {
                            let c = &corpus.features[fi].citations[ci];
                            let article = &corpus.articles[c.article];
                            let on = props.oncite.clone();
                            html! {
                                <li><button type="button" class="bm-search-sentence" data-testid="search-sentence"
                                    data-article-id={article.id.clone()} onclick={choose(Box::new(move || on.emit((fi, ci))))}>
                                    <q lang={article.lang.code()}>{ marked(corpus.quote(c), &words) }</q>
                                    <span class="bm-search-kind">{ corpus.entry(&corpus.features[fi]).name.get(props.lang) }</span>
                                </button></li>
                            }
                        }) }
                    </ul>
                </div>
            }
        </div>
    }
}

/// The sentence with every word that answers a query word in `<mark>`.
fn marked(sentence: &str, words: &[String]) -> Html {
    let mut parts = Vec::new();
    let mut at = 0;
    for (span, w) in words_of(sentence) {
        if words.iter().any(|q| matches(&w, q)) {
            parts.push(html! { { &sentence[at..span.start] } });
            parts.push(html! { <mark>{ span.of(sentence) }</mark> });
            at = span.end;
        }
    }
    parts.push(html! { { &sentence[at..] } });
    parts.into_iter().collect::<Html>()
}
