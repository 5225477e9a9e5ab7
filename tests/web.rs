//! Browser tests: mount the widget in a real Chromium via `wasm-pack test --headless --chrome`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn mount() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    yew::Renderer::<bilateral_map::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn attribute_values(root: &web_sys::Element, selector: &str, attribute: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        .filter_map(|e| e.get_attribute(attribute))
        .collect()
}

#[wasm_bindgen_test]
async fn the_widget_lists_the_embedded_articles() {
    let root = mount().await;
    let ids = attribute_values(&root, "[data-article-id]", "data-article-id");
    assert_eq!(ids.len(), 5, "the seed corpus has five files");
    assert_eq!(ids[0], "000_e351f906387beb49");
}

#[wasm_bindgen_test]
async fn the_widget_lists_cited_features_with_their_quotes() {
    let root = mount().await;
    let ids = attribute_values(&root, "[data-feature-id]", "data-feature-id");
    for id in [
        "almaty-issyk-kul-road",
        "border-crossings",
        "enu-branch-osh",
    ] {
        assert!(ids.iter().any(|i| i == id), "{id} missing from {ids:?}");
    }
    let enu = root
        .query_selector("[data-feature-id=enu-branch-osh] blockquote")
        .unwrap()
        .unwrap();
    assert_eq!(enu.get_attribute("lang").as_deref(), Some("kk"));
    assert!(
        enu.text_content()
            .unwrap()
            .contains("Еуразия ұлттық университетінің филиалы")
    );
}
