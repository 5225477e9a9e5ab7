//! Small questions the gesture and fit hooks ask the DOM: element boxes,
//! focus inside a shadow root, the bottom-sheet layout, the drag offset; and
//! the keys that press an SVG button ([`press_keys`]).

use bilateral_core::compact::decimal;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::NodeRef;

/// An element's box in client pixels: left and top edges, width and height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClientRect {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

/// `el`'s box; `None` while it has no size (not laid out yet).
pub fn client_rect(el: &Element) -> Option<ClientRect> {
    let r = el.get_bounding_client_rect();
    (r.width() > 0.0 && r.height() > 0.0).then(|| ClientRect {
        left: r.left(),
        top: r.top(),
        width: r.width(),
        height: r.height(),
    })
}

/// The <svg>'s own box.
pub fn svg_rect(svg: &NodeRef) -> Option<ClientRect> {
    client_rect(&svg.cast::<Element>()?)
}

/// The map box: the <svg>'s parent, which does not move during a drag.
pub fn stage_rect(svg: &NodeRef) -> Option<ClientRect> {
    client_rect(&svg.cast::<Element>()?.parent_element()?)
}

/// The focused element as seen from `el`'s tree: inside a shadow root the
/// document only knows the host, so ask the shadow root.
pub fn active_element(el: &Element) -> Option<Element> {
    match el.get_root_node().dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => gloo::utils::document().active_element(),
    }
}

/// The widget width below which the panel is a bottom sheet over the map:
/// the same constant `atlas dist` writes into widget.css's container query.
pub const SHEET_BELOW: i32 = bilateral_core::ui::SIDE_PANEL_FROM_PX;

/// Whether the panel is a bottom sheet over the map rather than a side panel.
pub fn has_sheet(svg: &NodeRef) -> bool {
    svg.cast::<Element>()
        .and_then(|el| el.closest(".bm-widget").ok().flatten())
        .is_some_and(|widget| widget.client_width() < SHEET_BELOW)
}

/// Writes the pending drag offset onto the <svg> element's style (through
/// the CSSOM: a strict CSP blocks style attributes).
pub fn show_offset(svg: &NodeRef, (dx, dy): (f64, f64)) {
    if let Some(el) = svg.cast::<web_sys::SvgElement>() {
        let value = if dx == 0.0 && dy == 0.0 {
            String::new()
        } else {
            format!("translate({}px,{}px)", decimal(dx, 1), decimal(dy, 1))
        };
        let _ = el.style().set_property("transform", &value);
    }
}

/// A keydown handler that makes an SVG `role="button"` answer Enter and
/// Space as a `<button>` does: it emits `value` on `callback` and keeps the
/// key from the map's own shortcuts.
pub fn press_keys<T: Clone + 'static>(
    callback: &yew::Callback<T>,
    value: T,
) -> yew::Callback<web_sys::KeyboardEvent> {
    let callback = callback.clone();
    yew::Callback::from(move |e: web_sys::KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            e.prevent_default();
            e.stop_propagation();
            callback.emit(value.clone());
        }
    })
}
