//! Browser tests: mount the widget in a real Chromium via `wasm-pack test --headless --chrome`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    yew::Renderer::<bilateral_map::App>::with_root(root.clone()).render();
    root
}

#[wasm_bindgen_test]
async fn the_widget_lists_the_embedded_articles() {
    let root = mount();
    yew::scheduler::flush().await;
    let items = root.query_selector_all("[data-article-id]").unwrap();
    assert_eq!(items.length(), 5, "the seed corpus has five files");
    let first = root.query_selector("[data-article-id]").unwrap().unwrap();
    assert_eq!(
        first.get_attribute("data-article-id").as_deref(),
        Some("000_e351f906387beb49")
    );
    let status = root
        .query_selector("[data-testid=corpus-status]")
        .unwrap()
        .unwrap();
    assert_eq!(status.text_content().unwrap(), "5 articles in the corpus");
}
