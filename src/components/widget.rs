//! The whole widget: [`App`] checks the host's settings and picks the
//! bundle; [`Widget`] holds the state, the host-facing effects and the layout.

use bilateral_core::compact::decimal;
use bilateral_core::gazetteer::Category;
use bilateral_core::lang::Lang;
use bilateral_core::{Bundle, Corpus};
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::lang_switch::LangSwitch;
use crate::components::legend::Legend;
use crate::components::map::MapView;
use crate::components::panel::Panel;
use crate::components::reader::Reader;
use crate::corpus::{self, Static};
use crate::hooks::use_effect_after_first;
use crate::host::config::{Config, Height, RawConfig, Theme};
use crate::host::deeplink::DeepLink;
use crate::host::events::{EventDetail, dispatch};
use crate::host::remote::{Command, Remote};
use crate::host::url::{current_hash, push_hash};
use crate::i18n;
use crate::state::{Action, AppState, Store};

/// The UI language of the host page: `<html lang>`, else English.
pub fn page_lang() -> Lang {
    gloo::utils::document()
        .document_element()
        .map(|root| root.get_attribute("lang").unwrap_or_default())
        .and_then(|code| Lang::from_code(code.split('-').next().unwrap_or_default()))
        .unwrap_or(Lang::En)
}

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

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The host's settings as read from attributes or a JS object, or why
    /// they could not be read; none given means all defaults.
    #[prop_or(Ok(RawConfig::default()))]
    pub config: Result<RawConfig, Vec<String>>,
    /// Commands from the host page ([`embed`]).
    #[prop_or_default]
    pub remote: Remote,
    /// The corpus and map to show, or why they could not be decoded;
    /// `None`: the embedded bundle.
    #[prop_or_default]
    pub bundle: Option<Result<Static<Bundle>, String>>,
}

impl Default for AppProps {
    fn default() -> AppProps {
        AppProps {
            config: Ok(RawConfig::default()),
            remote: Remote::default(),
            bundle: None,
        }
    }
}

/// The whole widget over the embedded corpus, configured by the host.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let source = props
        .bundle
        .clone()
        .unwrap_or_else(|| corpus::embedded().map(Static).map_err(|e| e.to_string()));
    let checked = props.config.clone().and_then(|raw| {
        let bundle = source.clone().map_err(|e| vec![e])?;
        Config::validate(&raw, &bundle.corpus).map(|c| (bundle.0, c))
    });
    let categories = checked
        .as_ref()
        .ok()
        .and_then(|(_, c)| c.categories.clone());
    // Built once per mount: the bundle with only the categories asked for.
    let narrowed = use_memo(categories, |categories| {
        let list = categories.as_ref()?;
        let bundle = source.ok()?;
        Some(Static(&*Box::leak(Box::new(filtered(bundle.0, list)))))
    });
    match checked {
        Ok((bundle, config)) => {
            let bundle = narrowed.unwrap_or(Static(bundle));
            html! { <Widget bundle={bundle.0} config={config} remote={props.remote.clone()} /> }
        }
        Err(problems) => {
            for p in &problems {
                gloo::console::error!(format!("bilateral-map: {p}"));
            }
            html! {
                <section class="bm-widget bm-widget--error" data-testid="widget" role="alert">
                    <p class="bm-error">{ "bilateral-map cannot start:" }</p>
                    <ul class="bm-error-list">{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                </section>
            }
        }
    }
}

/// The bundle with only the features of `categories`.
fn filtered(bundle: &Bundle, categories: &[Category]) -> Bundle {
    let mut out = bundle.clone();
    let keep: Vec<bool> = bundle
        .corpus
        .features
        .iter()
        .map(|f| categories.contains(&bundle.corpus.entry(f).category))
        .collect();
    let mut k = keep.iter();
    out.corpus
        .features
        .retain(|_| *k.next().expect("one flag per feature"));
    let mut k = keep.iter();
    out.map
        .marks
        .retain(|_| *k.next().expect("one flag per mark"));
    out
}

/// The widget over any bundle: [`App`] gives it the embedded one; the
/// benchmark page (`src/bin/bench.rs`) a bundle with synthetic features.
#[derive(Properties)]
pub struct WidgetProps {
    pub bundle: &'static Bundle,
    #[prop_or_default]
    pub config: Config,
    #[prop_or_default]
    pub remote: Remote,
}

impl PartialEq for WidgetProps {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.bundle, other.bundle)
            && self.config == other.config
            && self.remote == other.remote
    }
}

#[function_component(Widget)]
pub fn widget(props: &WidgetProps) -> Html {
    let corpus: &'static Corpus = &props.bundle.corpus;
    let map = &props.bundle.map;
    let config = props.config.clone();
    let use_hash = config.use_hash;
    let store = use_reducer(|| {
        // A link in the URL wins over the host's initial settings.
        let from_url = if use_hash {
            DeepLink::parse(&current_hash())
        } else {
            DeepLink::default()
        };
        let initial = if from_url.feature.is_some() {
            from_url
        } else {
            DeepLink {
                feature: config.feature.clone(),
                cite: None,
                lang: from_url.lang,
            }
        };
        let mut state =
            AppState::from_link(corpus, &initial, config.lang.unwrap_or_else(page_lang));
        state.lang_chosen = initial.lang.is_some();
        Store {
            corpus: Static(corpus),
            state,
        }
    });
    let state = store.state.clone();

    // State → events for the host page: `bilateral-map:select` when a feature
    // is selected (or the selection cleared) and `bilateral-map:cite` when a
    // citation opens; both bubble and cross shadow roots (`composed`).
    // The initial state is the host's own choice: no event for it.
    let section = use_node_ref();
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
        use_effect_with(config.height.clone(), move |height| {
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
        let (store, remote) = (store.clone(), props.remote.clone());
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

    let lang = state.lang;
    let text = i18n::text(lang);
    // Stable across renders, so memoized feature symbols skip re-rendering.
    let onselect = {
        let store = store.clone();
        use_callback((), move |i: usize, _| store.dispatch(Action::Select(i)))
    };
    let onkeydown = {
        let (store, selected) = (store.clone(), state.selected);
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && selected.is_some() {
                e.prevent_default();
                let closing_panel = store.state.cite.is_none();
                store.dispatch(Action::Escape);
                if closing_panel {
                    // Give focus back to the feature the panel belonged to.
                    let id = selected.map(|s| corpus.entry(&corpus.features[s]).id.clone());
                    if let (Some(id), Some(target)) = (id, e.current_target())
                        && let Some(root) = target.dyn_ref::<web_sys::Element>()
                        && let Ok(Some(el)) =
                            root.query_selector(&format!("[data-feature-id=\"{id}\"]"))
                        && let Some(el) = el.dyn_ref::<web_sys::SvgElement>()
                    {
                        let _ = el.focus();
                    }
                }
            }
        })
    };

    let side = state.selected.map(|f| match state.cite {
        Some(c) => {
            let citation = corpus.features[f].citations[c];
            let (store_b, store_f) = (store.clone(), store.clone());
            html! {
                <Reader corpus={Static(corpus)} lang={lang} article={citation.article} sentence={citation.sentence}
                    first={citation.first} last={citation.last}
                    onback={Callback::from(move |_| store_b.dispatch(Action::Back))}
                    onfeature={Callback::from(move |i| store_f.dispatch(Action::Select(i)))} />
            }
        }
        None => {
            let (store_c, store_o) = (store.clone(), store.clone());
            html! {
                <Panel corpus={Static(corpus)} lang={lang} feature={f}
                    onclose={Callback::from(move |_| store_c.dispatch(Action::Escape))}
                    oncite={Callback::from(move |c| store_o.dispatch(Action::OpenCitation(c)))} />
            }
        }
    });

    html! {
        <section ref={section} class={classes!(
                "bm-widget",
                side.is_some().then_some("bm-widget--open"),
                match config.theme {
                    Theme::Light => Some("bm-theme-light"),
                    Theme::Dark => Some("bm-theme-dark"),
                    Theme::Auto => None,
                },
            )}
            data-testid="widget" lang={lang.code()} aria-label={text.title} {onkeydown}>
            <header class="bm-head">
                <div>
                    <h2 class="bm-title">{ text.title }</h2>
                    <p class="bm-subtitle">{ text.subtitle }</p>
                </div>
                <LangSwitch lang={lang} onchange={{
                    let store = store.clone();
                    Callback::from(move |l| store.dispatch(Action::SetLang(l)))
                }} />
            </header>
            <div class="bm-body">
                <div class="bm-stage">
                    <MapView corpus={Static(corpus)} map={Static(map)} lang={lang} selected={state.selected} onselect={onselect.clone()} view={config.view} />
                    if let Some(side) = side {
                        <aside class="bm-side" aria-live="polite">{ side }</aside>
                    }
                </div>
                <div class="bm-foot">
                    <Legend corpus={Static(corpus)} lang={lang} marks={map.marks.clone()} onselect={onselect} />
                    <p class="bm-attribution">
                        { &map.attribution }{ " Places: GeoNames (CC BY 4.0)." }
                    </p>
                </div>
            </div>
        </section>
    }
}
