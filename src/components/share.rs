//! Cite and share, in the reader: copy the permalink (the deep link to the
//! feature and this citation) or a reference (`bilateral_core::ui::reference`),
//! with a visible confirmation. Through the Clipboard API where the page
//! has it (a secure context); otherwise the text is shown selected in a
//! box, `document.execCommand("copy")` is tried, and the reader is told to
//! copy it by hand if that did not work. Reached through `Reflect`, so no
//! further web-sys bindings are linked.

use bilateral_core::lang::Lang;
use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::i18n;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub lang: Lang,
    /// `#feature=…&cite=…`, appended to the page's address without its hash.
    pub hash: String,
    pub reference: String,
}

/// What the last press did.
#[derive(Clone, PartialEq)]
enum Copied {
    Done,
    /// No clipboard: this text is in the box, selected.
    ByHand(String),
}

#[function_component(Share)]
pub fn share(props: &ShareProps) -> Html {
    let text = i18n::text(props.lang);
    let copied = use_state(|| None::<Copied>);
    let manual = use_node_ref();
    {
        // Select the box's text, and try the old copy command on it.
        let (manual, copied) = (manual.clone(), copied.clone());
        use_effect_with((*copied).clone(), move |state| {
            if let (Some(Copied::ByHand(_)), Some(el)) = (state, manual.get()) {
                let _ = call(&el, "select", &[]);
                let doc = gloo::utils::document();
                if call(&doc, "execCommand", &["copy".into()]).as_bool() == Some(true) {
                    copied.set(Some(Copied::Done));
                }
            }
        });
    }
    let copy = |what: String| {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| copy_text(what.clone(), copied.clone()))
    };
    let page = gloo::utils::window().location().href().unwrap_or_default();
    let link = format!(
        "{}{}",
        page.split('#').next().unwrap_or_default(),
        props.hash
    );
    html! {
        <div class="bm-share" lang={props.lang.code()}>
            <button type="button" class="bm-share-button" data-testid="copy-link" onclick={copy(link)}>{ text.copy_link }</button>
            <button type="button" class="bm-share-button" data-testid="copy-reference" onclick={copy(props.reference.clone())}>{ text.copy_reference }</button>
            <p class="bm-share-status" role="status" data-testid="copy-status">
                { match &*copied {
                    Some(Copied::Done) => text.copied,
                    Some(Copied::ByHand(_)) => text.copy_by_hand,
                    None => "",
                } }
            </p>
            if let Some(Copied::ByHand(t)) = &*copied {
                <textarea class="bm-share-text" readonly=true ref={manual} aria-label={text.copy_by_hand} value={t.clone()} />
            }
        </div>
    }
}

/// Writes `text` to the clipboard, then says so in `copied`; without a
/// Clipboard API, or when it refuses, hands it over to be copied by hand.
fn copy_text(text: String, copied: UseStateHandle<Option<Copied>>) {
    let navigator =
        Reflect::get(&gloo::utils::window(), &"navigator".into()).unwrap_or(JsValue::UNDEFINED);
    let clipboard = Reflect::get(&navigator, &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
    if clipboard.is_undefined() || clipboard.is_null() {
        copied.set(Some(Copied::ByHand(text)));
        return;
    }
    let promise = call(&clipboard, "writeText", &[text.as_str().into()]);
    let Ok(promise) = promise.dyn_into::<Promise>() else {
        copied.set(Some(Copied::ByHand(text)));
        return;
    };
    let done = {
        let copied = copied.clone();
        Closure::once(move |_: JsValue| copied.set(Some(Copied::Done)))
    };
    let failed = Closure::once(move |_: JsValue| copied.set(Some(Copied::ByHand(text))));
    let _ = promise.then2(&done, &failed);
    // Each is called at most once, by the promise.
    done.forget();
    failed.forget();
}

/// `target.name(args…)`, or `undefined` when there is no such method.
fn call(target: &JsValue, name: &str, args: &[JsValue]) -> JsValue {
    Reflect::get(target, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.apply(target, &args.iter().collect()).ok())
        .unwrap_or(JsValue::UNDEFINED)
}
