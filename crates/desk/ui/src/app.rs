//! The desk's frame: the header (pages, language), the notice line and the
//! open page. The state lives in one reducer ([`crate::state`]), shared with
//! the pages by context; the page follows the address's `#…`.

use bilateral_core::lang::Lang;
use gloo::events::EventListener;
use yew::prelude::*;

use crate::state::{Action, Desk, DeskState, Route};
use crate::words::words;

fn current_route() -> Route {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    Route::from_hash(&hash)
}

#[function_component(App)]
pub fn app() -> Html {
    let desk = use_reducer(|| DeskState {
        route: current_route(),
        lang: Lang::Ru,
        saves: 0,
        notice: None,
    });
    {
        let desk = desk.clone();
        use_effect_with((), move |()| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                desk.dispatch(Action::Go(current_route()));
            });
            move || drop(listener)
        });
    }
    let lang = desk.lang;
    {
        use_effect_with(lang, move |lang| {
            if let Some(html) = gloo::utils::document().document_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
        });
    }
    let w = words(lang);
    let page = match &desk.route {
        Route::List => html! { <crate::list::ArticleList /> },
        Route::Article(id) => html! { <crate::article::ArticlePage id={id.clone()} /> },
        Route::Add => html! { <crate::form::AddArticle /> },
    };
    let notice = desk.notice.as_ref().map(|n| {
        let class = if n.ok { "notice ok" } else { "notice refused" };
        html! { <p class={class} role="status">{ &n.text }</p> }
    });
    html! {
        <ContextProvider<Desk> context={desk.clone()}>
            <header class="top">
                <h1><a href="#/">{ w.desk }</a></h1>
                <nav aria-label={w.desk}>
                    <a href="#/" aria-current={(desk.route == Route::List).then_some("page")}>{ w.articles }</a>
                    <a href="#/add" aria-current={(desk.route == Route::Add).then_some("page")}>{ w.add_article }</a>
                </nav>
                <LangSwitch />
            </header>
            <div aria-live="polite">{ for notice }</div>
            <main>{ page }</main>
        </ContextProvider<Desk>>
    }
}

/// Three buttons: the desk's language.
#[function_component(LangSwitch)]
fn lang_switch() -> Html {
    let desk = use_context::<Desk>().expect("the desk's context");
    let buttons = [Lang::Ru, Lang::Kk, Lang::En].map(|l| {
        let desk = desk.clone();
        let pressed = desk.lang == l;
        let onclick = Callback::from(move |_| desk.dispatch(Action::Lang(l)));
        html! {
            <button type="button" lang={l.code()} aria-pressed={pressed.to_string()} {onclick}>
                { bilateral_core::ui::lang_name(l) }
            </button>
        }
    });
    html! { <div class="langs" role="group" aria-label={words(desk.lang).interface_language}>{ for buttons }</div> }
}
