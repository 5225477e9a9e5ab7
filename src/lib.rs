//! The bilateral-map widget: a Yew app over the corpus embedded at build time.
//!
//! This crate only renders and handles events; parsing, linking, projection
//! and viewport maths live in `bilateral-core`. State is one reducer
//! ([`AppState`], [`Action`]) in the style of Yew's `function_todomvc`:
//! the UI language, the selected feature and the open citation. The selection
//! lives in the URL hash ([`deeplink`]) so links reopen a view and the
//! browser's back and forward buttons step through it.

pub mod config;
pub mod corpus;
pub mod deeplink;
pub mod embed;
pub mod i18n;
pub mod map;
pub mod panel;
pub mod reader;

use std::rc::Rc;

use bilateral_core::gazetteer::Category;
use bilateral_core::lang::Lang;
use bilateral_core::map::Mark;
use bilateral_core::{Bundle, Corpus};
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::config::{Config, Height, RawConfig, Theme};
use crate::deeplink::DeepLink;
use crate::embed::{Command, Remote};
use crate::map::{MapView, symbol};
use crate::panel::Panel;
use crate::reader::Reader;
use bilateral_core::compact::decimal;

/// A `'static` reference compared by address. Props holding the embedded
/// corpus or map compare in O(1) instead of walking thousands of features on
/// every render.
pub struct Static<T: 'static>(pub &'static T);

impl<T> Clone for Static<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Static<T> {}

impl<T> std::fmt::Debug for Static<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Static({:p})", self.0)
    }
}

impl<T> PartialEq for Static<T> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl<T> std::ops::Deref for Static<T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.0
    }
}

/// The UI language of the host page: `<html lang>`, else English.
pub fn page_lang() -> Lang {
    gloo::utils::document()
        .document_element()
        .map(|root| root.get_attribute("lang").unwrap_or_default())
        .and_then(|code| Lang::from_code(code.split('-').next().unwrap_or_default()))
        .unwrap_or(Lang::En)
}

/// What is open. Feature and citation are indices into the embedded corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    /// Set when the reader picked a language, so links carry it.
    pub lang_chosen: bool,
    pub selected: Option<usize>,
    /// Index into the selected feature's citations: the reader is open.
    pub cite: Option<usize>,
}

pub enum Action {
    SetLang(Lang),
    Select(usize),
    OpenCitation(usize),
    /// Close the reader, keep the feature.
    Back,
    /// Close the reader, or else the panel.
    Escape,
    /// Close both.
    Deselect,
    /// Take the state a URL hash describes.
    Link(DeepLink),
}

impl AppState {
    pub fn from_link(corpus: &Corpus, link: &DeepLink, page: Lang) -> AppState {
        let selected = link
            .feature
            .as_deref()
            .and_then(|id| corpus.feature_index(id));
        let cite = selected
            .and(link.cite)
            .filter(|&c| selected.is_some_and(|s| c < corpus.features[s].citations.len()));
        AppState {
            lang: link.lang.unwrap_or(page),
            lang_chosen: link.lang.is_some(),
            selected,
            cite,
        }
    }

    pub fn link(&self, corpus: &Corpus) -> DeepLink {
        DeepLink {
            feature: self
                .selected
                .map(|s| corpus.entry(&corpus.features[s]).id.clone()),
            cite: self.cite,
            lang: self.lang_chosen.then_some(self.lang),
        }
    }
}

/// A reducer state bound to the corpus it indexes.
#[derive(Debug, Clone, PartialEq)]
struct Store {
    corpus: Static<Corpus>,
    state: AppState,
}

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = self.state.clone();
        match action {
            Action::SetLang(lang) => {
                s.lang = lang;
                s.lang_chosen = true;
            }
            Action::Select(i) if i < self.corpus.features.len() => {
                s.selected = Some(i);
                s.cite = None;
            }
            Action::Select(_) => return self,
            Action::OpenCitation(c) => {
                if s.selected
                    .is_some_and(|f| c < self.corpus.features[f].citations.len())
                {
                    s.cite = Some(c);
                }
            }
            Action::Back => s.cite = None,
            Action::Deselect => {
                s.cite = None;
                s.selected = None;
            }
            Action::Escape => {
                if s.cite.is_some() {
                    s.cite = None;
                } else {
                    s.selected = None;
                }
            }
            Action::Link(link) => {
                let page_lang = s.lang;
                s = AppState::from_link(&self.corpus, &link, page_lang);
                if link.lang.is_none() && self.state.lang_chosen {
                    s.lang = self.state.lang;
                }
            }
        }
        if s == self.state {
            self
        } else {
            Rc::new(Store {
                corpus: self.corpus,
                state: s,
            })
        }
    }
}

fn current_hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// The `detail` of the widget's events: ids, never whole objects.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventDetail {
    pub feature: Option<String>,
    pub cite: Option<usize>,
    pub article: Option<String>,
    pub sentence: Option<usize>,
}

/// Dispatches a bubbling, composed `CustomEvent` named `name` from `el`.
fn dispatch(el: &web_sys::Element, name: &str, detail: &EventDetail) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    // A plain object built field by field: smaller in the wasm than serde.
    let object = js_sys::Object::new();
    let set = |key: &str, value: wasm_bindgen::JsValue| {
        let _ = js_sys::Reflect::set(&object, &key.into(), &value);
    };
    let text = |v: &Option<String>| v.as_deref().map_or(wasm_bindgen::JsValue::NULL, Into::into);
    let number = |v: Option<usize>| v.map_or(wasm_bindgen::JsValue::NULL, |n| (n as f64).into());
    set("feature", text(&detail.feature));
    set("cite", number(detail.cite));
    set("article", text(&detail.article));
    set("sentence", number(detail.sentence));
    init.set_detail(&object);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = el.dispatch_event(&event);
    }
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

/// Pushes `hash` as a new history entry unless the URL already has it.
fn push_hash(hash: &str) {
    if current_hash() == hash || (hash.is_empty() && current_hash() == "#") {
        return;
    }
    let location = gloo::utils::window().location();
    let url = format!(
        "{}{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        hash
    );
    if let Ok(history) = gloo::utils::window().history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// `use_effect_with`, except on the first render: it runs only when `deps`
/// change after mounting (the reader acted, or the host sent a command).
#[hook]
fn use_effect_after_first<D, F>(deps: D, f: F)
where
    D: PartialEq + 'static,
    F: FnOnce(&D) + 'static,
{
    let mounted = use_mut_ref(|| false);
    use_effect_with(deps, move |deps| {
        if std::mem::replace(&mut *mounted.borrow_mut(), true) {
            f(deps);
        }
    });
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

#[derive(Properties, PartialEq)]
struct LangSwitchProps {
    lang: Lang,
    onchange: Callback<Lang>,
}

#[function_component(LangSwitch)]
fn lang_switch(props: &LangSwitchProps) -> Html {
    let text = i18n::text(props.lang);
    html! {
        <div class="bm-langs" role="group" aria-label={text.language}>
            { for Lang::ALL.into_iter().map(|l| {
                let onclick = props.onchange.reform(move |_: MouseEvent| l);
                html! {
                    <button type="button" lang={l.code()} aria-pressed={(l == props.lang).to_string()}
                        title={i18n::lang_name(l)} {onclick}>{ l.code().to_ascii_uppercase() }</button>
                }
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct LegendProps {
    corpus: Static<Corpus>,
    lang: Lang,
    marks: Vec<Mark>,
    onselect: Callback<usize>,
}

/// The categories on the map, the line styles, and the features that have
/// citations but no place on the map (listed so they can still be opened).
#[function_component(Legend)]
fn legend(props: &LegendProps) -> Html {
    let corpus = props.corpus;
    let lang = props.lang;
    let text = i18n::text(lang);
    let categories: Vec<Category> = Category::ALL
        .into_iter()
        .filter(|c| {
            corpus
                .features
                .iter()
                .any(|f| corpus.entry(f).category == *c)
        })
        .collect();
    let unlocated: Vec<usize> = (0..corpus.features.len())
        .filter(|&i| matches!(props.marks.get(i), Some(Mark::Unlocated)))
        .collect();
    html! {
        <div class="bm-legend" aria-label={text.legend} role="group">
            <ul class="bm-legend-items">
                { for categories.into_iter().map(|c| html! {
                    <li class={format!("bm-cat-{}", c.key())}>
                        <svg viewBox="-10 -10 20 20" aria-hidden="true"><path class="bm-symbol" d={symbol(c)} /></svg>
                        { i18n::category(lang, c) }
                    </li>
                }) }
                <li class="bm-legend-approx">
                    <svg viewBox="-10 -10 20 20" aria-hidden="true"><circle class="bm-symbol" r="6" /></svg>
                    { i18n::precision(lang, bilateral_core::gazetteer::Precision::Approximate) }
                </li>
                <li class="bm-legend-route">
                    <svg viewBox="0 -5 24 10" aria-hidden="true"><path d="M1 0H23" /></svg>
                    { i18n::precision(lang, bilateral_core::gazetteer::Precision::Schematic) }
                </li>
                if corpus.features.iter().any(bilateral_core::Feature::hosted_meetings) {
                    <li class="bm-legend-venue">
                        <svg viewBox="-10 -10 20 20" aria-hidden="true"><circle class="bm-venue-ring" r="8" /><circle class="bm-symbol" r="3.5" /></svg>
                        { text.venue }
                    </li>
                }
            </ul>
            if !unlocated.is_empty() {
                <p class="bm-unlocated">
                    <strong>{ text.not_on_map }{ ": " }</strong>
                    { for unlocated.into_iter().map(|i| {
                        let onclick = props.onselect.reform(move |_: MouseEvent| i);
                        let entry = corpus.entry(&corpus.features[i]);
                        html! {
                            <button type="button" class="bm-link" data-unlocated={entry.id.clone()} {onclick}>
                                { entry.name.get(lang) }
                            </button>
                        }
                    }) }
                </p>
            }
        </div>
    }
}
