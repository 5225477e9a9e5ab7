//! The widget's events for the host page (`bilateral-map:select`,
//! `bilateral-map:cite`, and `bilateral-map:error` when an article's text
//! cannot be had): bubbling, `composed` CustomEvents whose `detail` holds ids
//! only (or the error's reason), as a plain object.

/// The `detail` of the widget's events: ids, never whole objects.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct EventDetail {
    pub feature: Option<String>,
    pub cite: Option<usize>,
    pub article: Option<String>,
    pub sentence: Option<usize>,
}

/// Dispatches a bubbling, composed `CustomEvent` named `name` from `el`.
pub fn dispatch(el: &web_sys::Element, name: &str, detail: &EventDetail) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    // serde-wasm-bindgen, with a missing id as `null` (not `undefined`), so
    // the detail has the same four keys every time.
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    if let Ok(object) = serde::Serialize::serialize(detail, &serializer) {
        init.set_detail(&object);
    }
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = el.dispatch_event(&event);
    }
}

/// Dispatches `bilateral-map:error` from `el` with `{reason}` as its detail,
/// as the element's script does when the map cannot start.
pub fn dispatch_error(el: &web_sys::Element, reason: &str) {
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"reason".into(), &reason.into());
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("bilateral-map:error", &init)
    {
        let _ = el.dispatch_event(&event);
    }
}
