//! Mounts the widget on the element `#bilateral-map` of the page.

fn main() {
    let root = gloo::utils::document()
        .get_element_by_id("bilateral-map")
        .unwrap_or_else(|| gloo::utils::body().into());
    yew::Renderer::<bilateral_map::App>::with_root(root).render();
}
