//! The whole widget: [`App`] checks the host's settings and picks the
//! bundle; [`Widget`] holds the state, the host-facing effects and the layout.

use bilateral_core::lang::Lang;
use bilateral_core::map::MapData;
use bilateral_core::{Bundle, Corpus};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::lang_switch::LangSwitch;
use crate::components::legend::Legend;
use crate::components::map::MapView;
use crate::components::panel::Panel;
use crate::components::reader::Reader;
use crate::components::search::Search;
use crate::components::timeline::Timeline;
use crate::corpus::{self, Static};
use crate::details::Quotes;
use crate::hooks::host::use_host;
use crate::host::config::{Config, RawConfig, Theme};
use crate::host::deeplink::DeepLink;
use crate::host::remote::Remote;
use crate::host::url::current_hash;
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

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The host's settings as read from attributes or a JS object, or why
    /// they could not be read; none given means all defaults.
    #[prop_or(Ok(RawConfig::default()))]
    pub config: Result<RawConfig, Vec<String>>,
    /// Commands from the host page ([`embed`]).
    #[prop_or_default]
    pub remote: Remote,
    /// The corpus and map to show, or why they could not be loaded;
    /// `None`: the bundle [`corpus::install`] decoded.
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

/// The whole widget over the corpus, configured by the host.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // The installed bundle, with its details once they have arrived.
    let details = crate::hooks::details::use_details();
    let source = props
        .bundle
        .clone()
        .unwrap_or_else(|| match corpus::installed() {
            Some(bundle) => bundle.map(Static).map_err(|e| e.to_string()),
            None => Err("no corpus index was loaded".to_string()),
        });
    let source = match (source, details) {
        (Ok(b), crate::details::Status::Ready(whole)) if corpus::is_installed(b.0) => {
            Ok(Static(whole))
        }
        (source, _) => source,
    };
    let checked = props.config.clone().and_then(|raw| {
        let bundle = source.clone().map_err(|e| vec![e])?;
        Config::validate(&raw, &bundle.corpus).map(|c| (bundle.0, c))
    });
    let scope = checked
        .as_ref()
        .map(|(_, c)| c.scope.clone())
        .unwrap_or_default();
    // Built once per mount (and once more with the details): the bundle
    // with only what the scope shows.
    let narrowed = use_memo((scope.clone(), source.clone().ok()), |(scope, bundle)| {
        let bundle = (*bundle)?;
        (!scope.is_whole()).then(|| Static(&*Box::leak(Box::new(bundle.scoped(scope)))))
    });
    // An embed for one story shows the whole corpus one click away.
    let whole = use_state(|| false);
    let story = scope.narrows_articles().then(|| StoryToggle {
        whole: *whole,
        onswitch: {
            let whole = whole.clone();
            Callback::from(move |_| whole.set(!*whole))
        },
    });
    match checked {
        Ok((bundle, config)) => {
            let shown = match *narrowed {
                Some(story) if !*whole => story,
                _ => Static(bundle),
            };
            let key = if *whole { "whole" } else { "scoped" };
            html! { <Widget key={key} bundle={shown} config={config} remote={props.remote.clone()} story={story} /> }
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

/// The switch of an embed for one story between its articles and the
/// whole corpus.
#[derive(Clone, PartialEq)]
pub struct StoryToggle {
    /// The whole corpus is showing.
    pub whole: bool,
    pub onswitch: Callback<()>,
}

/// The widget over any bundle: [`App`] gives it the fetched one; the
/// benchmark page (`src/bin/bench.rs`) a bundle with synthetic features.
#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub bundle: Static<Bundle>,
    #[prop_or_default]
    pub config: Config,
    #[prop_or_default]
    pub remote: Remote,
    /// Set for an embed for one story (`articles`, `since`, `until`).
    #[prop_or_default]
    pub story: Option<StoryToggle>,
}

#[function_component(Widget)]
pub fn widget(props: &WidgetProps) -> Html {
    let corpus: &'static Corpus = &props.bundle.0.corpus;
    let map: &'static MapData = &props.bundle.0.map;
    let config = props.config.clone();
    let use_hash = config.use_hash;
    let store = use_reducer(|| initial_store(corpus, &config));
    let state = store.state.clone();

    let section = use_node_ref();
    use_host(
        section.clone(),
        store.clone(),
        corpus,
        config.height.clone(),
        use_hash,
        props.remote.clone(),
    );

    let lang = state.lang;
    let text = i18n::text(lang);
    let histogram = use_memo(Static(corpus), |c| {
        bilateral_core::timeline::Histogram::of(c)
    });
    // Stable across renders, so memoized feature symbols skip re-rendering.
    let onselect = {
        let store = store.clone();
        use_callback((), move |i: usize, _| store.dispatch(Action::Select(i)))
    };
    let onkeydown = escape_closes(store.clone(), corpus, state.selected);
    let host_text = crate::hooks::host_text::use_host_text(
        config.link_text.clone(),
        props.bundle.0,
        lang,
        onselect.clone(),
        section.clone(),
    );

    let quotes = use_quotes(section.clone(), state.selected.is_some());
    let side = side_view(&store, corpus, &state, &host_text.counts, &quotes);

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
            data-testid="widget" lang={lang.code()} aria-label={bilateral_core::ui::title(lang)} {onkeydown}
            onpointerover={|_| crate::details::request()} onfocusin={|_| crate::details::request()}>
            <header class="bm-head">
                <div>
                    <h2 class="bm-title">{ bilateral_core::ui::title(lang) }</h2>
                    <p class="bm-subtitle">{ text.subtitle }</p>
                    if let Some(story) = &props.story {
                        <button type="button" class="bm-story" data-testid="story-toggle"
                            aria-pressed={story.whole.to_string()}
                            onclick={story.onswitch.reform(|_: MouseEvent| ())}>
                            { if story.whole { text.only_story } else { text.whole_corpus } }
                        </button>
                    }
                </div>
                <Search corpus={Static(corpus)} index={Static(&props.bundle.0.search)} lang={lang} onfeature={onselect.clone()} quotes={quotes.clone()}
                    oncite={open_citation(&store, corpus, state.period)} />
                <LangSwitch lang={lang} onchange={{
                    let store = store.clone();
                    Callback::from(move |l| store.dispatch(Action::SetLang(l)))
                }} />
            </header>
            <div class="bm-body">
                <div class="bm-stage">
                    <MapView corpus={Static(corpus)} map={Static(map)} lang={lang} selected={state.selected} onselect={onselect.clone()} view={config.view} period={state.period}
                        onlight={host_text.light.clone()} />
                    if let Some(side) = side {
                        <aside class="bm-side" aria-live="polite">{ side }</aside>
                    }
                </div>
                <div class="bm-foot">
                    <Timeline histogram={histogram} period={state.period} lang={lang} onchange={{
                        let store = store.clone();
                        Callback::from(move |p| store.dispatch(Action::SetPeriod(p)))
                    }} />
                    <Legend corpus={Static(corpus)} lang={lang} marks={map.marks.clone()} onselect={onselect} period={state.period} />
                    <crate::components::download::Download corpus={Static(corpus)} lang={lang} quotes={quotes} />
                    <p class="bm-attribution">
                        { &map.attribution }{ " Places: GeoNames (CC BY 4.0)." }
                    </p>
                </div>
            </div>
        </section>
    }
}

/// Whether the quotes are here ([`crate::details`]): asked for as soon as
/// a feature is open (a click, a deep link, the host's command); when they
/// cannot be had, the reason goes to the console and to a
/// `bilateral-map:error` event on the widget.
#[hook]
fn use_quotes(section: NodeRef, open: bool) -> Quotes {
    let quotes = crate::hooks::details::use_details().quotes();
    use_effect_with(open, |&open| {
        if open {
            crate::details::request();
        }
    });
    use_effect_with(quotes.clone(), move |quotes| {
        if let (Quotes::Failed(why), Some(el)) = (quotes, section.cast::<web_sys::Element>()) {
            gloo::console::error!(format!("bilateral-map: {why}"));
            crate::host::events::dispatch_error(&el, why);
        }
    });
    quotes
}

/// The panel of the selected feature, or the reader at its open citation
/// (the panel, saying so, until the quotes are here).
fn side_view(
    store: &UseReducerHandle<Store>,
    corpus: &'static Corpus,
    state: &AppState,
    host_counts: &[u32],
    quotes: &Quotes,
) -> Option<Html> {
    let lang = state.lang;
    state.selected.map(|f| match state.cite {
        Some(c) if *quotes == Quotes::Here => {
            let citation = corpus.features[f].citations[c];
            let (store_b, store_f) = (store.clone(), store.clone());
            let hash = crate::host::deeplink::DeepLink {
                feature: Some(corpus.entry(&corpus.features[f]).id.clone()),
                cite: Some(c),
                lang: None,
                period: state.period,
            }
            .format();
            let article = &corpus.articles[citation.article];
            let reference = bilateral_core::ui::reference(lang, article, corpus.quote(&citation));
            let same_event = same_event_targets(corpus, f, citation.article);
            let onevent = open_citation(store, corpus, state.period);
            html! {
                <Reader corpus={Static(corpus)} lang={lang} article={citation.article} sentence={citation.sentence}
                    first={citation.first} last={citation.last} hash={hash} reference={reference}
                    same_event={same_event} onevent={onevent}
                    onback={Callback::from(move |_| store_b.dispatch(Action::Back))}
                    onfeature={Callback::from(move |i| store_f.dispatch(Action::Select(i)))} />
            }
        }
        _ => {
            let (store_c, store_o) = (store.clone(), store.clone());
            html! {
                <Panel corpus={Static(corpus)} lang={lang} feature={f} period={state.period} quotes={quotes.clone()}
                    host_mentions={host_counts.get(f).copied().unwrap_or(0)}
                    onclose={Callback::from(move |_| store_c.dispatch(Action::Escape))}
                    oncite={Callback::from(move |c| store_o.dispatch(Action::OpenCitation(c)))} />
            }
        }
    })
}

/// Opens feature `fi` at its citation `ci` (a same-event link, a search
/// result), keeping the reader's period.
fn open_citation(
    store: &UseReducerHandle<Store>,
    corpus: &'static Corpus,
    period: bilateral_core::timeline::Period,
) -> Callback<(usize, usize)> {
    let store = store.clone();
    Callback::from(move |(fi, ci): (usize, usize)| {
        store.dispatch(Action::Link(DeepLink {
            feature: Some(corpus.entry(&corpus.features[fi]).id.clone()),
            cite: Some(ci),
            lang: None,
            period,
        }))
    })
}

/// For each other report of the event `article` reports: its language and
/// the citation to open it at, of `feature` where it cites it, else its
/// first citation of any feature.
fn same_event_targets(
    corpus: &Corpus,
    feature: usize,
    article: usize,
) -> Vec<(Lang, usize, usize)> {
    let first_in = |fi: usize, a: usize| {
        corpus.features[fi]
            .citations
            .iter()
            .position(|c| c.article == a)
    };
    corpus
        .same_event(article)
        .iter()
        .filter(|&&a| a != article)
        .filter_map(|&a| {
            let target = first_in(feature, a).map(|ci| (feature, ci)).or_else(|| {
                (0..corpus.features.len()).find_map(|fi| first_in(fi, a).map(|ci| (fi, ci)))
            })?;
            Some((corpus.articles[a].lang, target.0, target.1))
        })
        .collect()
}

/// The state the widget opens with: a link in the URL wins over the host's
/// initial settings.
fn initial_store(corpus: &'static Corpus, config: &Config) -> Store {
    let from_url = if config.use_hash {
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
            period: from_url.period,
        }
    };
    let mut state = AppState::from_link(corpus, &initial, config.lang.unwrap_or_else(page_lang));
    state.lang_chosen = initial.lang.is_some();
    Store {
        corpus: Static(corpus),
        state,
    }
}

/// Escape closes the reader, then the panel, and gives focus back to the
/// feature the panel belonged to.
fn escape_closes(
    store: UseReducerHandle<Store>,
    corpus: &'static Corpus,
    selected: Option<usize>,
) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        if e.key() != "Escape" || selected.is_none() {
            return;
        }
        e.prevent_default();
        let closing_panel = store.state.cite.is_none();
        store.dispatch(Action::Escape);
        if closing_panel {
            let id = selected.map(|s| corpus.entry(&corpus.features[s]).id.clone());
            if let (Some(id), Some(target)) = (id, e.current_target())
                && let Some(root) = target.dyn_ref::<web_sys::Element>()
                && let Ok(Some(el)) = root.query_selector(&format!("[data-feature-id=\"{id}\"]"))
                && let Some(el) = el.dyn_ref::<web_sys::SvgElement>()
            {
                let _ = el.focus();
            }
        }
    })
}
