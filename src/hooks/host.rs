//! `use_host`: the widget's effects towards the page — events for the host
//! (`bilateral-map:select`, `bilateral-map:cite`), the host's height setting,
//! the URL hash both ways, and commands from the element API.

use bilateral_core::Corpus;
use bilateral_core::compact::decimal;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::hooks::use_effect_after_first;
use crate::host::config::Height;
use crate::host::deeplink::DeepLink;
use crate::host::events::{EventDetail, dispatch};
use crate::host::remote::{Command, Remote};
use crate::host::url::{current_hash, push_hash};
use crate::state::{Action, Store};

/// The element whose box the widget fills: the shadow host when the widget
/// lives in a shadow root, else the mount node.
fn frame(section: &web_sys::Element) -> Option<web_sys::HtmlElement> {
    let root = section.get_root_node();
    let el = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.host(),
        None => section.parent_element()?,
    };
    el.dyn_into().ok()
}

#[hook]
pub fn use_host(
    section: NodeRef,
    store: UseReducerHandle<Store>,
    corpus: &'static Corpus,
    height: Option<Height>,
    use_hash: bool,
    remote: Remote,
) {
    let state = store.state.clone();
    // State → events for the host page: `bilateral-map:select` when a feature
    // is selected (or the selection cleared) and `bilateral-map:cite` when a
    // citation opens; both bubble and cross shadow roots (`composed`).
    // The initial state is the host's own choice: no event for it.
    {
        let section = section.clone();
        let ids = (state.selected, state.cite);
        use_effect_after_first(ids, move |&(selected, cite)| {
            if let Some(el) = section.cast::<web_sys::Element>() {
                let feature = selected.map(|s| corpus.entry(&corpus.features[s]).id.clone());
                let (name, detail) = match (cite, selected) {
                    (Some(c), Some(s)) => {
                        let citation = corpus.features[s].citations[c];
                        let detail = EventDetail {
                            feature,
                            cite: Some(c),
                            article: Some(corpus.articles[citation.article].id.clone()),
                            sentence: Some(citation.sentence),
                        };
                        ("bilateral-map:cite", detail)
                    }
                    _ => (
                        "bilateral-map:select",
                        EventDetail {
                            feature,
                            ..EventDetail::default()
                        },
                    ),
                };
                dispatch(&el, name, &detail);
            }
        });
    }

    // The host's height setting, on the element the widget fills: the
    // <bilateral-map> element (shadow host) or the mount node's parent.
    // Through the CSSOM: a strict CSP blocks style attributes.
    {
        let section = section.clone();
        use_effect_with(height, move |height| {
            if let (Some(height), Some(frame)) = (
                height,
                section.cast::<web_sys::Element>().and_then(|s| frame(&s)),
            ) {
                let style = frame.style();
                let (h, ratio) = match height {
                    Height::Length(len) => (len.clone(), "auto".to_string()),
                    Height::AspectRatio(w, h) => (
                        "auto".to_string(),
                        format!("{} / {}", decimal(*w, 4), decimal(*h, 4)),
                    ),
                };
                let _ = style.set_property("height", &h);
                let _ = style.set_property("aspect-ratio", &ratio);
            }
        });
    }

    // State → URL hash (a new history entry per change), unless the host said
    // no. Not for the initial state: the address the page loaded with (maybe
    // the host's own `#comments`) stays as it was until the reader acts.
    {
        let hash = state.link(corpus).format();
        use_effect_after_first(hash, move |hash| {
            if use_hash {
                push_hash(hash)
            }
        });
    }
    // URL hash → state, for back/forward and pasted links.
    {
        let store = store.clone();
        use_effect_with((), move |_| {
            if !use_hash {
                return Box::new(|| ()) as Box<dyn FnOnce()>;
            }
            let on_pop = {
                let store = store.clone();
                move |_: &Event| store.dispatch(Action::Link(DeepLink::parse(&current_hash())))
            };
            let window = gloo::utils::window();
            let pop = EventListener::new(&window, "popstate", on_pop.clone());
            let hash = EventListener::new(&window, "hashchange", on_pop);
            Box::new(move || drop((pop, hash)))
        });
    }

    // Commands from the host page (`selectFeature`, `setLanguage`).
    {
        let (store, remote) = (store.clone(), remote.clone());
        use_effect_with((), move |_| {
            remote.listen(Callback::from(move |command| match command {
                Command::Select(None) => store.dispatch(Action::Deselect),
                Command::Select(Some(id)) => {
                    if let Some(i) = corpus.feature_index(&id) {
                        store.dispatch(Action::Select(i));
                    }
                }
                Command::SetLang(lang) => store.dispatch(Action::SetLang(lang)),
            }));
            move || remote.stop()
        });
    }
}
