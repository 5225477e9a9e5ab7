//! Browser tests: the widget's components in a real Chromium, via
//! `wasm-pack test --headless --chrome`. Expected texts are quoted from the
//! seed articles in `corpus/articles/`.
#![cfg(target_arch = "wasm32")]

use bilateral_core::lang::Lang;
use bilateral_map::Static;
use bilateral_map::deeplink::DeepLink;
use bilateral_map::details::Quotes;
use bilateral_map::panel::{Panel, PanelProps};
use bilateral_map::reader::{Reader, ReaderProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

/// The seed corpus as `build.rs` bundles it, installed as the element's
/// fetched index would be (the distributable's wasm does not include it).
fn seed() -> Result<&'static bilateral_core::Bundle, &'static String> {
    bilateral_map::corpus::install_whole(include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin")))
}

fn root() -> Element {
    seed().expect("the bundle decodes");
    let root = gloo::utils::document().create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    root
}

fn corpus() -> &'static bilateral_core::Corpus {
    &seed().expect("the bundle decodes").corpus
}

fn feature_index(id: &str) -> usize {
    corpus()
        .feature_index(id)
        .unwrap_or_else(|| panic!("{id} not cited"))
}

/// The whole widget on `root` with the host's `config`, rendered.
async fn render_app(root: &Element, config: Result<bilateral_map::config::RawConfig, Vec<String>>) {
    yew::Renderer::<bilateral_map::App>::with_root_and_props(
        root.clone(),
        bilateral_map::AppProps {
            config,
            ..bilateral_map::AppProps::default()
        },
    )
    .render();
    yew::scheduler::flush().await;
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

mod hash {
    use super::*;

    #[wasm_bindgen_test]
    fn parses_a_full_link() {
        let link = DeepLink::parse("#feature=almaty-issyk-kul-road&cite=3&lang=kk");
        assert_eq!(link.feature.as_deref(), Some("almaty-issyk-kul-road"));
        assert_eq!(link.cite, Some(3));
        assert_eq!(link.lang, Some(Lang::Kk));
        assert_eq!(
            link.format(),
            "#feature=almaty-issyk-kul-road&cite=3&lang=kk"
        );
    }

    #[wasm_bindgen_test]
    fn drops_what_it_cannot_trust() {
        assert_eq!(
            DeepLink::parse("#feature=%3Cimg%3E&cite=1"),
            DeepLink::default()
        );
        assert_eq!(DeepLink::parse("#cite=1&lang=fr"), DeepLink::default());
        assert_eq!(DeepLink::parse("").format(), "");
    }
}

/// A panel's props over `corpus`, with callbacks that do nothing and every period.
fn panel_props(corpus: &'static bilateral_core::Corpus, lang: Lang, feature: usize) -> PanelProps {
    PanelProps {
        corpus: Static(corpus),
        lang,
        feature,
        onclose: Callback::noop(),
        oncite: Callback::noop(),
        period: bilateral_core::timeline::Period::ALL,
        host_mentions: 0,
        quotes: Quotes::Here,
    }
}

mod panel {
    use super::*;

    #[wasm_bindgen_test]
    async fn says_its_quotes_are_on_their_way_or_could_not_be_had_in_its_language() {
        let feature = feature_index("almaty-issyk-kul-road");
        for (lang, quotes, says) in [
            (Lang::Ru, Quotes::Loading, "Загружаем цитаты…"),
            (Lang::Kk, Quotes::Loading, "Дәйексөздер жүктелуде…"),
            (
                Lang::En,
                Quotes::Failed("details-x.bin could not be loaded (HTTP 404)".into()),
                "The quotes could not be loaded; try reloading the page.",
            ),
        ] {
            let root = root();
            let failed = matches!(quotes, Quotes::Failed(_));
            let props = PanelProps {
                quotes,
                ..panel_props(corpus(), lang, feature)
            };
            yew::Renderer::<Panel>::with_root_and_props(root.clone(), props).render();
            yew::scheduler::flush().await;
            // The feature is there at once: its name and its count.
            assert!(
                !one(&root, ".bm-panel-title")
                    .text_content()
                    .unwrap()
                    .is_empty()
            );
            assert!(!one(&root, ".bm-count").text_content().unwrap().is_empty());
            let (id, role) = if failed {
                ("quotes-error", "alert")
            } else {
                ("quotes-loading", "status")
            };
            let note = one(&root, &format!("[data-testid={id}]"));
            assert_eq!(note.text_content().unwrap(), says);
            assert_eq!(note.get_attribute("role").as_deref(), Some(role));
            assert!(all(&root, "[data-testid=citation]").is_empty());
            root.remove();
        }
    }

    #[wasm_bindgen_test]
    async fn shows_the_kazakh_citation_of_the_enu_branch_with_its_mention_marked() {
        let root = root();
        let props = panel_props(corpus(), Lang::Ru, feature_index("enu-branch-osh"));
        yew::Renderer::<Panel>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        assert_eq!(
            one(&root, ".bm-panel-title").text_content().unwrap(),
            "Филиал ЕНУ им. Л.Н. Гумилева в Оше"
        );
        // One citation in the seed's Kazakh article (articles a newsroom adds
        // come after it).
        let citations = all(
            &one(
                &root,
                ".bm-source[data-article-id=\"002_bd4ca793529f8b37\"]",
            ),
            "[data-testid=citation]",
        );
        assert_eq!(citations.len(), 1);
        let quote = one(&citations[0], "q");
        assert_eq!(quote.get_attribute("lang").as_deref(), Some("kk"));
        assert!(
            quote
                .text_content()
                .unwrap()
                .starts_with("Қазақстанның Ғылым және жоғары білім министрі")
        );
        // The branch rule marks the cue with the university's full name.
        assert_eq!(
            one(&quote, "mark").text_content().unwrap(),
            "Гумилев атындағы Еуразия ұлттық университетінің филиалы"
        );
        assert_eq!(
            one(&root, ".bm-source")
                .get_attribute("data-article-id")
                .as_deref(),
            Some("002_bd4ca793529f8b37")
        );
        assert!(
            one(&root, ".bm-location")
                .text_content()
                .unwrap()
                .contains("Место приблизительное")
        );
    }

    /// The seed corpus with the ENU branch also cited by the Russian report
    /// of the same summit (000, grouped with the Kazakh 002) and by an
    /// undated article (003), each through one of its own cited sentences.
    fn branch_cited_by_the_summit_s_two_reports() -> &'static bilateral_core::Corpus {
        let mut corpus = corpus().clone();
        let branch = feature_index("enu-branch-osh");
        for id in ["000_e351f906387beb49", "003_5045aca5878c5269"] {
            let c = corpus
                .features
                .iter()
                .flat_map(|f| &f.citations)
                .find(|c| corpus.articles[c.article].id == id)
                .copied()
                .expect("the seed article has a citation");
            corpus.features[branch].citations.push(c);
        }
        corpus.features[branch]
            .citations
            .sort_by_key(|c| (c.article, c.mention.start));
        Box::leak(Box::new(corpus))
    }

    #[wasm_bindgen_test]
    async fn reports_of_one_event_stand_side_by_side_each_in_its_language() {
        let root = root();
        let corpus = branch_cited_by_the_summit_s_two_reports();
        let props = panel_props(corpus, Lang::Kk, feature_index("enu-branch-osh"));
        yew::Renderer::<Panel>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        let events = all(&root, "[data-testid=event-side-by-side]");
        assert_eq!(events.len(), 1);
        let event = &events[0];
        assert_eq!(event.get_attribute("role").as_deref(), Some("group"));
        assert_eq!(
            event.get_attribute("aria-label").as_deref(),
            Some("Бір оқиға, әр тілдегі мақалаларда")
        );
        let side: Vec<String> = all(event, ".bm-source")
            .iter()
            .map(|s| s.get_attribute("data-article-id").unwrap())
            .collect();
        assert_eq!(side, ["000_e351f906387beb49", "002_bd4ca793529f8b37"]);
        let langs: Vec<String> = all(event, "q")
            .iter()
            .map(|q| q.get_attribute("lang").unwrap())
            .collect();
        assert_eq!(langs, ["ru", "kk"]);
        // The undated article is in no event: it stands alone, after them.
        let all_sources: Vec<String> = all(&root, ".bm-source")
            .iter()
            .map(|s| s.get_attribute("data-article-id").unwrap())
            .collect();
        assert_eq!(
            all_sources,
            [
                "000_e351f906387beb49",
                "002_bd4ca793529f8b37",
                "003_5045aca5878c5269"
            ]
        );
        assert!(all(event, "[data-article-id=\"003_5045aca5878c5269\"]").is_empty());
    }

    #[wasm_bindgen_test]
    async fn a_citation_click_reports_its_index() {
        let root = root();
        let clicked = std::rc::Rc::new(std::cell::Cell::new(None));
        let seen = clicked.clone();
        let props = PanelProps {
            oncite: Callback::from(move |i| seen.set(Some(i))),
            ..panel_props(corpus(), Lang::En, feature_index("bishkek"))
        };
        yew::Renderer::<Panel>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        let citations = all(&root, "[data-testid=citation]");
        assert!(citations.len() >= 2, "Bishkek is cited in two articles");
        citations[1].dyn_ref::<HtmlElement>().unwrap().click();
        assert_eq!(clicked.get(), Some(1));
        // "N citations in M articles", M the articles listed (two in the seed).
        let mut articles: Vec<String> = all(&root, ".bm-source")
            .iter()
            .map(|e| e.get_attribute("data-article-id").unwrap())
            .collect();
        articles.sort();
        articles.dedup();
        assert!(articles.len() >= 2, "{articles:?}");
        let count = one(&root, ".bm-count").text_content().unwrap();
        assert!(
            count.ends_with(&format!("citations in {} articles", articles.len())),
            "{count}"
        );
    }
}

mod paging {
    use super::*;

    /// The seed corpus with the road cited by `n` more copies of its first article.
    fn widely_cited(n: usize) -> &'static bilateral_core::Corpus {
        let mut corpus = corpus().clone();
        let road = feature_index("almaty-issyk-kul-road");
        let first = corpus.features[road].citations[0];
        for k in 0..n {
            let mut copy = corpus.articles[first.article].clone();
            copy.id = format!("copy-{k}");
            corpus.articles.push(copy);
            let mut c = first;
            c.article = corpus.articles.len() - 1;
            corpus.features[road].citations.push(c);
        }
        Box::leak(Box::new(corpus))
    }

    #[wasm_bindgen_test]
    async fn a_feature_cited_by_many_articles_shows_them_a_page_at_a_time() {
        let root = root();
        let corpus = widely_cited(45);
        let feature = feature_index("almaty-issyk-kul-road");
        let total = {
            let mut a: Vec<usize> = corpus.features[feature]
                .citations
                .iter()
                .map(|c| c.article)
                .collect();
            a.sort_unstable();
            a.dedup();
            a.len()
        };
        assert!(total > 2 * bilateral_map::panel::PAGE, "{total}");
        let props = panel_props(corpus, Lang::En, feature);
        yew::Renderer::<Panel>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        let page = bilateral_map::panel::PAGE;
        assert_eq!(all(&root, ".bm-source").len(), page);
        let more = one(&root, "[data-testid=more-articles]");
        assert_eq!(
            more.text_content().unwrap(),
            format!("{page} more articles ({} left)", total - page)
        );
        more.dyn_ref::<HtmlElement>().unwrap().click();
        yew::scheduler::flush().await;
        assert_eq!(all(&root, ".bm-source").len(), 2 * page);
        one(&root, "[data-testid=more-articles]")
            .dyn_ref::<HtmlElement>()
            .unwrap()
            .click();
        yew::scheduler::flush().await;
        assert_eq!(all(&root, ".bm-source").len(), total);
        assert!(all(&root, "[data-testid=more-articles]").is_empty());
    }
}

mod reader {
    use super::*;

    /// The reader opened at the first citation of `feature`, in `lang`.
    async fn mount_reader(feature: &str, lang: Lang) -> Element {
        let c = corpus();
        let citation = c.features[feature_index(feature)].citations[0];
        let root = root();
        let props = ReaderProps {
            corpus: Static(c),
            lang,
            article: citation.article,
            sentence: citation.sentence,
            first: citation.first,
            last: citation.last,
            hash: format!("#feature={feature}&cite=0"),
            reference: "a reference".into(),
            same_event: Vec::new(),
            onevent: Callback::noop(),
            onback: Callback::noop(),
            onfeature: Callback::noop(),
        };
        yew::Renderer::<Reader>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        root
    }

    #[wasm_bindgen_test]
    async fn highlights_the_cited_sentence_and_links_mentions() {
        let root = mount_reader("almaty-issyk-kul-road", Lang::Kk).await;
        let article = one(&root, "[data-testid=article]");
        assert_eq!(article.get_attribute("lang").as_deref(), Some("ru"));
        let cited = all(&root, "[data-testid=cited-sentence]");
        assert_eq!(cited.len(), 1);
        let text = cited[0].text_content().unwrap();
        assert!(
            text.starts_with(
                "Также он отметил проводимую работу по реконструкции ряда пунктов пропуска"
            ),
            "{text}"
        );
        let mentions: Vec<String> = all(&cited[0], "[data-mention]")
            .iter()
            .map(|m| m.get_attribute("data-mention").unwrap())
            .collect();
        assert_eq!(mentions, ["border-crossings", "almaty-issyk-kul-road"]);
        assert!(
            one(&root, ".bm-source-meta")
                .text_content()
                .unwrap()
                // The widget's Kazakh date (CLDR's medium form), not ISO.
                .starts_with("2025 ж. 22 там. · ")
        );
        assert_eq!(
            one(&root, ".bm-back").text_content().unwrap(),
            "← Нысанға оралу"
        );
    }

    #[wasm_bindgen_test]
    async fn an_undated_article_says_so() {
        let root = mount_reader("trade-logistics-complex", Lang::En).await;
        assert!(
            one(&root, ".bm-source-meta")
                .text_content()
                .unwrap()
                .starts_with("date unknown")
        );
    }
}

mod app {
    use super::*;

    #[wasm_bindgen_test]
    async fn selecting_a_feature_opens_its_panel_and_a_citation_opens_the_reader() {
        let root = root();
        yew::Renderer::<bilateral_map::App>::with_root(root.clone()).render();
        yew::scheduler::flush().await;
        // Drawn on their own; the ENU branch, at Osh's point, in a cluster with it.
        for id in ["almaty-issyk-kul-road", "border-crossings"] {
            one(&root, &format!(".bm-map [data-feature-id={id}]"));
        }
        assert_eq!(
            one(&root, "[data-testid=cluster]")
                .get_attribute("data-members")
                .as_deref(),
            Some("enu-branch-osh osh")
        );
        let road = one(&root, "[data-feature-id=almaty-issyk-kul-road]");
        road.dispatch_event(&web_sys::MouseEvent::new("click").unwrap())
            .unwrap();
        yew::scheduler::flush().await;
        assert!(
            root.query_selector("[data-testid=panel]")
                .unwrap()
                .is_some()
        );
        one(&root, "[data-testid=citation]")
            .dyn_ref::<HtmlElement>()
            .unwrap()
            .click();
        yew::scheduler::flush().await;
        assert!(
            root.query_selector("[data-testid=article]")
                .unwrap()
                .is_some()
        );
        assert_eq!(
            gloo::utils::window().location().hash().unwrap(),
            "#feature=almaty-issyk-kul-road&cite=0"
        );
        // Leave the page's hash as the other tests expect it.
        let _ = gloo::utils::window()
            .history()
            .unwrap()
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#"));
    }
}

mod config {
    use super::*;
    use bilateral_map::config::{Config, RawConfig, Theme};

    #[wasm_bindgen_test]
    fn a_story_s_bad_articles_and_dates_are_named() {
        let raw = RawConfig {
            articles: Some(vec!["no-such-article".into()]),
            since: Some("2025-13-01".into()),
            until: Some("2024-01-01".into()),
            ..RawConfig::default()
        };
        let errors = Config::validate(&raw, corpus()).unwrap_err();
        assert_eq!(
            errors,
            [
                "articles: no article has the id `no-such-article`",
                "since: `2025-13-01` is not a date YYYY-MM-DD",
            ]
        );
        let backwards = RawConfig {
            since: Some("2025-01-01".into()),
            until: Some("2024-01-01".into()),
            ..RawConfig::default()
        };
        assert_eq!(
            Config::validate(&backwards, corpus()).unwrap_err(),
            ["since: 2025-01-01 is after until: 2024-01-01"]
        );
    }

    #[wasm_bindgen_test]
    fn every_bad_value_is_named_with_its_key() {
        let raw = RawConfig {
            lang: Some("de".into()),
            feature: Some("nowhere".into()),
            view: Some("43,77".into()),
            categories: Some(vec!["sport".into()]),
            height: Some("tall".into()),
            theme: Some("blue".into()),
            use_hash: None,
            ..RawConfig::default()
        };
        let errors = Config::validate(&raw, corpus()).unwrap_err();
        assert_eq!(errors.len(), 6, "{errors:?}");
        assert_eq!(errors[0], "lang: `de` is not one of ru, kk, en");
        assert_eq!(errors[1], "feature: no cited feature has the id `nowhere`");
        assert!(errors[5].starts_with("theme: `blue`"), "{errors:?}");
    }

    #[wasm_bindgen_test]
    fn attributes_and_js_objects_are_read() {
        let el = gloo::utils::document()
            .create_element("bilateral-map")
            .unwrap();
        for (k, v) in [
            ("lang", "kk"),
            ("data-feature", "enu-branch-osh"),
            ("theme", "dark"),
            ("use-hash", "false"),
            ("link-text", "article .body"),
        ] {
            el.set_attribute(k, v).unwrap();
        }
        let config = Config::validate(&RawConfig::from_attributes(&el).unwrap(), corpus()).unwrap();
        assert_eq!(config.lang, Some(Lang::Kk));
        assert_eq!(config.feature.as_deref(), Some("enu-branch-osh"));
        assert_eq!(config.theme, Theme::Dark);
        assert!(!config.use_hash);
        assert_eq!(config.link_text.as_deref(), Some("article .body"));

        let js = js_sys::JSON::parse(
            r#"{"lang":"en","categories":["transport"],"useHash":false,"linkText":"main p"}"#,
        )
        .unwrap();
        let raw = RawConfig::from_js(js).unwrap();
        assert_eq!(raw.link_text.as_deref(), Some("main p"));
        let wrong = js_sys::JSON::parse(r#"{"linkText":true}"#).unwrap();
        assert_eq!(
            RawConfig::from_js(wrong).unwrap_err(),
            ["config: `linkText` must be a string"]
        );
        assert_eq!(
            raw.categories.as_deref(),
            Some(&["transport".to_string()][..])
        );
        let unknown = js_sys::JSON::parse(r#"{"colour":"red"}"#).unwrap();
        let err = RawConfig::from_js(unknown).unwrap_err();
        assert!(err[0].contains("colour"), "{err:?}");
    }

    #[wasm_bindgen_test]
    fn loading_is_lazy_or_eager() {
        let el = gloo::utils::document()
            .create_element("bilateral-map")
            .unwrap();
        for ok in ["lazy", "eager"] {
            el.set_attribute("loading", ok).unwrap();
            assert!(RawConfig::from_attributes(&el).is_ok(), "{ok}");
            let js = js_sys::JSON::parse(&format!(r#"{{"loading":"{ok}"}}"#)).unwrap();
            assert!(RawConfig::from_js(js).is_ok(), "{ok}");
        }
        el.set_attribute("loading", "soon").unwrap();
        assert_eq!(
            RawConfig::from_attributes(&el).unwrap_err(),
            ["loading: `soon` is not lazy or eager"]
        );
        let js = js_sys::JSON::parse(r#"{"loading":"later"}"#).unwrap();
        assert_eq!(
            RawConfig::from_js(js).unwrap_err(),
            ["config: `loading` is `later`, not lazy or eager"]
        );
    }

    #[wasm_bindgen_test]
    async fn a_configured_widget_opens_in_kazakh_on_its_feature_and_leaves_the_url_alone() {
        let before = gloo::utils::window().location().hash().unwrap();
        let root = root();
        let config = Ok(RawConfig {
            lang: Some("kk".into()),
            feature: Some("enu-branch-osh".into()),
            categories: Some(vec!["education".into(), "city".into()]),
            use_hash: Some(false),
            theme: Some("dark".into()),
            height: Some("420px".into()),
            view: Some("40.5,72.8,4".into()),
            ..RawConfig::default()
        });
        render_app(&root, config).await;
        assert_eq!(
            one(&root, "[data-testid=widget]")
                .get_attribute("lang")
                .as_deref(),
            Some("kk")
        );
        assert_eq!(
            one(&root, ".bm-panel-title").text_content().unwrap(),
            "Л.Н. Гумилев атындағы ЕҰУ-дың Ош филиалы"
        );
        let ids: Vec<String> = all(&root, "[data-feature-id]")
            .iter()
            .map(|e| e.get_attribute("data-feature-id").unwrap())
            .collect();
        assert_eq!(ids, ["osh", "enu-branch-osh"]);
        assert_eq!(gloo::utils::window().location().hash().unwrap(), before);
        let widget = one(&root, "[data-testid=widget]");
        assert!(widget.class_list().contains("bm-theme-dark"));
        // The height goes on the box the widget fills (here the mount node).
        let frame_style = root.dyn_ref::<HtmlElement>().unwrap().style();
        assert_eq!(frame_style.get_property_value("height").unwrap(), "420px");
        let svg = one(&root, ".bm-svg");
        let width: f64 = svg
            .get_attribute("viewBox")
            .unwrap()
            .split(' ')
            .nth(2)
            .unwrap()
            .parse()
            .unwrap();
        let all = seed().unwrap().map.fit.width();
        assert!(
            width < all,
            "zoomed in on Osh: viewBox width {width} < the fitted extent {all}"
        );
    }

    #[wasm_bindgen_test]
    async fn a_bad_config_shows_why_instead_of_a_blank_box() {
        let root = root();
        let config = Ok(RawConfig {
            theme: Some("blue".into()),
            ..RawConfig::default()
        });
        render_app(&root, config).await;
        let alert = one(&root, "[role=alert]");
        assert!(
            alert
                .text_content()
                .unwrap()
                .contains("theme: `blue` is not light, dark or auto")
        );
    }
}

mod events {
    use super::*;
    use bilateral_map::config::RawConfig;
    use std::cell::RefCell;
    use std::rc::Rc;

    fn field(detail: &wasm_bindgen::JsValue, key: &str) -> wasm_bindgen::JsValue {
        js_sys::Reflect::get(detail, &key.into()).unwrap()
    }

    #[wasm_bindgen_test]
    async fn selecting_and_citing_tell_the_host_page() {
        let root = root();
        let seen: Rc<RefCell<Vec<(String, wasm_bindgen::JsValue)>>> = Rc::default();
        let listeners: Vec<gloo::events::EventListener> =
            ["bilateral-map:select", "bilateral-map:cite"]
                .into_iter()
                .map(|name| {
                    let seen = seen.clone();
                    gloo::events::EventListener::new(&root, name, move |e| {
                        let e = e.dyn_ref::<web_sys::CustomEvent>().expect("a CustomEvent");
                        assert!(e.bubbles() && e.composed());
                        seen.borrow_mut().push((e.type_(), e.detail()));
                    })
                })
                .collect();
        let config = Ok(RawConfig {
            use_hash: Some(false),
            ..RawConfig::default()
        });
        render_app(&root, config).await;
        assert!(seen.borrow().is_empty(), "no event for the initial state");

        one(&root, "[data-feature-id=almaty-issyk-kul-road]")
            .dispatch_event(&web_sys::MouseEvent::new("click").unwrap())
            .unwrap();
        yew::scheduler::flush().await;
        one(&root, "[data-testid=citation]")
            .dyn_ref::<HtmlElement>()
            .unwrap()
            .click();
        yew::scheduler::flush().await;

        let seen = seen.borrow();
        assert_eq!(seen.len(), 2);
        assert_eq!(seen[0].0, "bilateral-map:select");
        assert_eq!(
            field(&seen[0].1, "feature").as_string().as_deref(),
            Some("almaty-issyk-kul-road")
        );
        assert_eq!(seen[1].0, "bilateral-map:cite");
        assert_eq!(
            field(&seen[1].1, "article").as_string().as_deref(),
            Some("000_e351f906387beb49")
        );
        assert_eq!(field(&seen[1].1, "cite").as_f64(), Some(0.0));
        drop(listeners);
    }
}

mod embed {
    use super::*;
    use bilateral_map::embed::mount;
    use wasm_bindgen::JsValue;

    /// A host element with an open shadow root and a mount node inside it.
    fn host(attributes: &[(&str, &str)]) -> (Element, Element) {
        element("div", attributes)
    }

    /// A `tag` element with `attributes` in the page, and a mount point in
    /// its shadow root.
    fn element(tag: &str, attributes: &[(&str, &str)]) -> (Element, Element) {
        let doc = gloo::utils::document();
        let host = doc.create_element(tag).unwrap();
        for (k, v) in attributes {
            host.set_attribute(k, v).unwrap();
        }
        gloo::utils::body().append_child(&host).unwrap();
        let shadow = host
            .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .unwrap();
        let point = doc.create_element("div").unwrap();
        shadow.append_child(&point).unwrap();
        (host, point)
    }

    fn bundle() -> Result<&'static bilateral_core::Bundle, String> {
        seed().map_err(String::clone)
    }

    #[wasm_bindgen_test]
    async fn the_api_selects_features_and_sets_the_language_even_before_the_first_render() {
        let (host, point) = host(&[("lang", "ru"), ("use-hash", "false")]);
        let mut embed = mount(point.clone(), &host, JsValue::NULL, bundle());
        // Queued: the widget has not rendered yet.
        assert!(embed.select_feature(Some("osh".into())));
        assert!(embed.set_language("kk"));
        assert!(!embed.select_feature(Some("atlantis".into())));
        assert!(!embed.set_language("de"));
        yew::scheduler::flush().await;
        assert_eq!(one(&point, ".bm-panel-title").text_content().unwrap(), "Ош");
        assert_eq!(
            one(&point, "[data-testid=widget]")
                .get_attribute("lang")
                .as_deref(),
            Some("kk")
        );
        // Live: clearing the selection closes the panel.
        assert!(embed.select_feature(None));
        yew::scheduler::flush().await;
        assert!(point.query_selector(".bm-panel-title").unwrap().is_none());
        embed.destroy();
        yew::scheduler::flush().await;
        assert!(point.query_selector(".bm-widget").unwrap().is_none());
    }

    #[wasm_bindgen_test]
    async fn the_first_element_in_document_order_follows_the_hash_whatever_mounts_first() {
        let element = || element("bilateral-map", &[]);
        let (first, second) = (element(), element());
        // The second element, scrolled to first, mounts first: it leaves the
        // hash to the first, which still takes it when it mounts.
        let mut later = mount(second.1.clone(), &second.0, JsValue::NULL, bundle());
        assert!(!later.follows_hash());
        let mut earlier = mount(first.1.clone(), &first.0, JsValue::NULL, bundle());
        assert!(earlier.follows_hash());
        yew::scheduler::flush().await;
        for (embed, (host, _)) in [(&mut later, &second), (&mut earlier, &first)] {
            embed.destroy();
            host.remove();
        }
        yew::scheduler::flush().await;
    }

    #[wasm_bindgen_test]
    async fn a_js_config_object_wins_over_attributes() {
        let (host, point) = host(&[("lang", "ru"), ("feature", "osh"), ("use-hash", "false")]);
        let config = js_sys::JSON::parse(r#"{"lang":"en"}"#).unwrap();
        let mut embed = mount(point.clone(), &host, config, bundle());
        yew::scheduler::flush().await;
        assert_eq!(
            one(&point, "[data-testid=widget]")
                .get_attribute("lang")
                .as_deref(),
            Some("en")
        );
        assert_eq!(
            one(&point, ".bm-panel-title").text_content().unwrap(),
            "Osh"
        );
        embed.destroy();
    }

    #[wasm_bindgen_test]
    async fn only_the_first_of_two_widgets_follows_the_url_hash() {
        let before = gloo::utils::window().location().hash().unwrap();
        let (h1, p1) = host(&[]);
        let (h2, p2) = host(&[]);
        let mut first = mount(p1.clone(), &h1, JsValue::NULL, bundle());
        let mut second = mount(p2.clone(), &h2, JsValue::NULL, bundle());
        yew::scheduler::flush().await;
        second.select_feature(Some("astana".into()));
        yew::scheduler::flush().await;
        assert_eq!(gloo::utils::window().location().hash().unwrap(), before);
        first.select_feature(Some("osh".into()));
        yew::scheduler::flush().await;
        assert_eq!(
            gloo::utils::window().location().hash().unwrap(),
            "#feature=osh"
        );
        first.destroy();
        second.destroy();
        let _ = gloo::utils::window()
            .history()
            .unwrap()
            .replace_state_with_url(
                &JsValue::NULL,
                "",
                Some(&format!(
                    "{}{before}",
                    gloo::utils::window().location().pathname().unwrap()
                )),
            );
    }
}

/// A feature the engine proposed (issue 18): the seed corpus with the ENU
/// branch's entry marked proposed, as `bilateral_core::proposals::adopt`
/// marks its entries (the seed itself proposes nothing).
mod proposed {
    use super::*;
    use bilateral_core::gazetteer::Status;
    use bilateral_map::map::features::{Features, FeaturesProps};

    fn with_one_proposed() -> &'static bilateral_core::Corpus {
        let mut corpus = corpus().clone();
        let entry = corpus.features[feature_index("enu-branch-osh")].entry;
        corpus.gazetteer.entries[entry].status = Status::Proposed;
        Box::leak(Box::new(corpus))
    }

    #[wasm_bindgen_test]
    async fn the_panel_says_it_is_not_yet_reviewed_and_curated_ones_do_not() {
        let corpus = with_one_proposed();
        for (lang, text) in [
            (
                Lang::Ru,
                "Предложено по тексту статей, редакция ещё не проверила",
            ),
            (
                Lang::Kk,
                "Мақалалар мәтіні бойынша ұсынылған, редакция әлі тексерген жоқ",
            ),
            (
                Lang::En,
                "Proposed from the articles' text, not yet reviewed by the editors",
            ),
        ] {
            let root = root();
            let props = panel_props(corpus, lang, feature_index("enu-branch-osh"));
            yew::Renderer::<Panel>::with_root_and_props(root.clone(), props).render();
            yew::scheduler::flush().await;
            assert_eq!(
                one(&root, "[data-testid=proposed]").text_content().unwrap(),
                text
            );
        }
        let root = root();
        let props = panel_props(corpus, Lang::Ru, feature_index("almaty-issyk-kul-road"));
        yew::Renderer::<Panel>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        assert!(all(&root, "[data-testid=proposed]").is_empty());
    }

    #[wasm_bindgen_test]
    async fn its_symbol_and_the_legend_set_it_apart() {
        let bundle = seed().unwrap();
        let map_root = root();
        let props = FeaturesProps {
            corpus: Static(with_one_proposed()),
            map: Static(&bundle.map),
            lang: Lang::En,
            selected: None,
            onselect: Callback::noop(),
            onhover: Callback::noop(),
            clustering: Default::default(),
            period: bilateral_core::timeline::Period::ALL,
        };
        yew::Renderer::<Features>::with_root_and_props(map_root.clone(), props).render();
        yew::scheduler::flush().await;
        let proposed: Vec<String> = all(&map_root, ".bm-feature--proposed")
            .iter()
            .filter_map(|e| e.get_attribute("data-feature-id"))
            .collect();
        assert_eq!(proposed, ["enu-branch-osh"]);
        let label = one(&map_root, ".bm-feature--proposed")
            .get_attribute("aria-label")
            .unwrap();
        assert!(label.ends_with(" · Proposed from the text"), "{label}");
        // The legend names the symbol only when a proposal is shown.
        for (corpus, shown) in [(with_one_proposed(), 1), (corpus(), 0)] {
            let root = root();
            let props = bilateral_map::components::legend::LegendProps {
                corpus: Static(corpus),
                lang: Lang::En,
                marks: bundle.map.marks.clone(),
                onselect: Callback::noop(),
                period: bilateral_core::timeline::Period::ALL,
            };
            yew::Renderer::<bilateral_map::components::legend::Legend>::with_root_and_props(
                root.clone(),
                props,
            )
            .render();
            yew::scheduler::flush().await;
            let items = all(&root, ".bm-legend-proposed");
            assert_eq!(items.len(), shown);
            if shown == 1 {
                assert_eq!(items[0].text_content().unwrap(), "Proposed from the text");
            }
        }
    }
}
