//! The widget's events for the host page (`bilateral-map:select`,
//! `bilateral-map:cite`): bubbling, `composed` CustomEvents whose `detail`
//! holds ids only.

/// The `detail` of the widget's events: ids, never whole objects.
#[derive(Debug, Clone, Default, PartialEq)]
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
