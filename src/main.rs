//! Mounts the widget on the element `#bilateral-map`, configured by its attributes.

use bilateral_map::config::RawConfig;
use bilateral_map::{App, AppProps};

fn main() {
    let root = gloo::utils::document()
        .get_element_by_id("bilateral-map")
        .unwrap_or_else(|| gloo::utils::body().into());
    let config = RawConfig::from_attributes(&root);
    yew::Renderer::<App>::with_root_and_props(root, AppProps { config }).render();
}
