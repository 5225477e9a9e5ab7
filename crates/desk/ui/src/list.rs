//! The article list: every article with its date, language, source, what
//! the engine found in it and where it stands with the editor; a title
//! search and a review-state filter; a page of 50 at a time (the desk
//! pages on the server, so a year of coverage stays fast).

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::api::{self, Listing};
use crate::state::{Desk, Route};
use crate::words::{state_name, words};

#[function_component(ArticleList)]
pub fn article_list() -> Html {
    let desk = use_context::<Desk>().expect("the desk's context");
    let w = words(desk.lang);
    let query = use_state(String::new);
    let state = use_state(String::new);
    let page = use_state(|| 1usize);
    let listing = use_state(|| None::<Result<Listing, String>>);
    {
        let listing = listing.clone();
        let key = ((*query).clone(), (*state).clone(), *page, desk.saves);
        use_effect_with(key, move |(q, s, p, _)| {
            let (q, s, p) = (q.clone(), s.clone(), *p);
            wasm_bindgen_futures::spawn_local(async move {
                listing.set(Some(api::articles(&q, &s, p).await));
            });
        });
    }
    let on_search = {
        let (query, page) = (query.clone(), page.clone());
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
            page.set(1);
        })
    };
    let on_state = {
        let (state, page) = (state.clone(), page.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            state.set(select.value());
            page.set(1);
        })
    };
    let options = ["", "unreviewed", "reviewed", "changed"].map(|s| {
        let label = if s.is_empty() {
            w.any_state
        } else {
            state_name(desk.lang, s)
        };
        html! { <option value={s} selected={*state == s}>{ label }</option> }
    });
    let body = match &*listing {
        None => html! { <p>{ w.loading }</p> },
        Some(Err(e)) => html! { <p class="notice refused">{ e }</p> },
        Some(Ok(l)) => html! { <Table listing={l.clone()} page={page.clone()} /> },
    };
    html! {
        <section class="list">
            <h2>{ w.articles }</h2>
            <form class="filters" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label>{ w.search_titles }
                    <input type="search" value={(*query).clone()} oninput={on_search} />
                </label>
                <label>{ w.state }
                    <select onchange={on_state}>{ for options }</select>
                </label>
            </form>
            { body }
            <crate::preview::Preview />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TableProps {
    listing: Listing,
    page: UseStateHandle<usize>,
}

#[function_component(Table)]
fn table(props: &TableProps) -> Html {
    let desk = use_context::<Desk>().expect("the desk's context");
    let w = words(desk.lang);
    let l = &props.listing;
    let rows = l.articles.iter().map(|r| {
        let href = Route::Article(r.id.clone()).hash();
        html! {
            <tr>
                <td class="title"><a {href} lang={r.lang.clone()}>{ &r.title }</a></td>
                <td class="date">{ r.date.clone().unwrap_or_default() }</td>
                <td>{ &r.lang }</td>
                <td>{ r.source.clone().unwrap_or_default() }</td>
                <td class="n">{ r.links }</td>
                <td class="n">{ r.proposals }</td>
                <td class="n">{ r.candidates }</td>
                <td><span class={classes!("state", r.state.clone())}>{ state_name(desk.lang, &r.state) }</span></td>
            </tr>
        }
    });
    let pages = l.total.div_ceil(l.per_page.max(1)).max(1);
    let turn = |to: usize| {
        let page = props.page.clone();
        Callback::from(move |_| page.set(to))
    };
    html! {
        <>
            <div class="scroll">
                <table>
                    <thead><tr>
                        <th scope="col">{ w.title }</th><th scope="col">{ w.date }</th>
                        <th scope="col">{ w.language }</th><th scope="col">{ w.source }</th>
                        <th scope="col">{ w.links }</th><th scope="col">{ w.proposals }</th>
                        <th scope="col">{ w.candidates }</th><th scope="col">{ w.state }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <nav class="pager" aria-label={w.articles}>
                <button type="button" disabled={l.page <= 1} onclick={turn(l.page.saturating_sub(1))}>{ w.previous }</button>
                <span>{ format!("{} {} {} · {}", l.page, w.of, pages, l.total) }</span>
                <button type="button" disabled={l.page >= pages} onclick={turn(l.page + 1)}>{ w.next }</button>
            </nav>
        </>
    }
}
