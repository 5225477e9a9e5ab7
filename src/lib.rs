//! The bilateral-map widget: a Yew app over the corpus embedded at build time.
//!
//! This crate only renders and handles events; parsing and geometry live in
//! `bilateral-core`. `main.rs` mounts [`App`]; `tests/web.rs` mounts it in a
//! real browser.

pub mod corpus;

use yew::prelude::*;

/// The whole widget.
#[function_component(App)]
pub fn app() -> Html {
    let body = match corpus::embedded() {
        Ok(bundle) => html! {
            <>
                <p class="bm-status" data-testid="corpus-status">
                    { format!("{} articles in the corpus", bundle.articles.len()) }
                </p>
                <ul class="bm-articles">
                    { for bundle.articles.iter().map(|a| html! {
                        <li key={a.id.clone()} data-article-id={a.id.clone()}>
                            <code>{ &a.id }</code>
                            { format!(" · {} bytes", a.text.len()) }
                        </li>
                    }) }
                </ul>
            </>
        },
        Err(e) => html! {
            <p class="bm-error" role="alert">{ e.to_string() }</p>
        },
    };
    html! {
        <section class="bm-widget" data-testid="widget" aria-label="Kazakhstan–Kyrgyzstan bilateral projects">
            <h2 class="bm-title">{ "Kazakhstan – Kyrgyzstan: bilateral projects" }</h2>
            { body }
        </section>
    }
}
