//! The bilateral-map widget: a Yew app over the corpus embedded at build time.
//!
//! This crate only renders and handles events; parsing, linking and geometry
//! live in `bilateral-core`. `main.rs` mounts [`App`]; `tests/web.rs` mounts it
//! in a real browser.

pub mod corpus;

use bilateral_core::Corpus;
use bilateral_core::lang::Lang;
use yew::prelude::*;

/// The UI language: the host page's `<html lang>`, else English.
pub fn page_lang() -> Lang {
    gloo::utils::document()
        .document_element()
        .map(|root| root.get_attribute("lang").unwrap_or_default())
        .and_then(|code| Lang::from_code(code.split('-').next().unwrap_or_default()))
        .unwrap_or(Lang::En)
}

/// The whole widget.
#[function_component(App)]
pub fn app() -> Html {
    let lang = page_lang();
    let body = match corpus::embedded() {
        Ok(bundle) => corpus_view(&bundle.corpus, lang),
        Err(e) => html! { <p class="bm-error" role="alert">{ e.to_string() }</p> },
    };
    html! {
        <section class="bm-widget" data-testid="widget" lang={lang.code()}
            aria-label="Kazakhstan – Kyrgyzstan bilateral projects">
            <h2 class="bm-title">{ "Kazakhstan – Kyrgyzstan: bilateral projects" }</h2>
            { body }
        </section>
    }
}

fn corpus_view(corpus: &Corpus, lang: Lang) -> Html {
    html! {
        <>
            <p class="bm-status" data-testid="corpus-status">
                { format!("{} features cited in {} articles", corpus.features.len(), corpus.articles.len()) }
            </p>
            <ul class="bm-features">
                { for corpus.features.iter().map(|f| {
                    let entry = corpus.entry(f);
                    let first = &f.citations[0];
                    let source = &corpus.articles[first.article];
                    html! {
                        <li key={entry.id.clone()} data-feature-id={entry.id.clone()}>
                            <strong>{ entry.name.get(lang) }</strong>
                            { format!(" · {} · {} citations", entry.category.key(), f.citations.len()) }
                            <blockquote lang={source.lang.code()}>{ corpus.quote(first) }</blockquote>
                        </li>
                    }
                }) }
            </ul>
            <ul class="bm-articles">
                { for corpus.articles.iter().map(|a| html! {
                    <li key={a.id.clone()} data-article-id={a.id.clone()} lang={a.lang.code()}>
                        { &a.title }
                        { format!(" · {} · {}", a.date.map_or_else(|| "date unknown".to_string(), |d| d.to_string()), a.lang) }
                    </li>
                }) }
            </ul>
        </>
    }
}
