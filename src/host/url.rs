//! The page's URL hash: reading it, and pushing a new history entry.

pub fn current_hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// Pushes `hash` as a new history entry unless the URL already has it.
pub fn push_hash(hash: &str) {
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
