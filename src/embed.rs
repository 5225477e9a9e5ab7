//! The embedding API behind `<bilateral-map>`: mount one widget on an element,
//! and steer it from the host page.
//!
//! `www/bilateral-map.js` defines the custom element. For each element it
//! attaches an open shadow root, waits for the wasm module (loaded once per
//! page) and the widget stylesheet, then calls the exported `mount` of the
//! binary (`src/main.rs`, or `src/bin/bench.rs` with synthetic features),
//! which calls [`mount`] here. The returned [`Embed`] carries the element's
//! methods: `selectFeature(id)`, `setLanguage(code)` and `destroy()`.
//!
//! Settings are read from the element's attributes and, when the page set
//! one, from its `config` JS object (converted with serde-wasm-bindgen; its
//! keys win over attributes). Instances share nothing but the decoded corpus,
//! except the URL hash: only the page's first element that does not say
//! `use-hash` takes it by default (document order, not mount order), so two
//! widgets never fight over one address.

use std::cell::Cell;

use bilateral_core::Bundle;
use bilateral_core::lang::Lang;
use wasm_bindgen::prelude::*;
use yew::AppHandle;

use crate::components::widget::{App, AppProps};
use crate::corpus::Static;
use crate::host::config::RawConfig;
pub use crate::host::remote::{Command, Remote};

thread_local! {
    /// Whether a mounted widget already follows the URL hash.
    static HASH_TAKEN: Cell<bool> = const { Cell::new(false) };
}

/// A mounted widget, as the page's JavaScript holds it.
#[wasm_bindgen]
pub struct Embed {
    app: Option<AppHandle<App>>,
    remote: Remote,
    bundle: Option<&'static Bundle>,
    owns_hash: bool,
}

#[wasm_bindgen]
impl Embed {
    /// Selects the cited feature `id` (as in `data-feature-id`, the events and
    /// the URL hash); `null` clears the selection. Returns whether the id names
    /// a feature of the corpus.
    #[wasm_bindgen(js_name = selectFeature)]
    pub fn select_feature(&self, id: Option<String>) -> bool {
        let known = id
            .as_deref()
            .is_none_or(|id| self.bundle.is_some_and(|b| b.corpus.feature(id).is_some()));
        if known {
            self.remote.send(Command::Select(id));
        } else {
            gloo::console::error!(format!(
                "bilateral-map: selectFeature: no cited feature has the id `{}`",
                id.unwrap_or_default()
            ));
        }
        known
    }

    /// Switches the UI language: `ru`, `kk` or `en`. Returns whether the code
    /// is one of them.
    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(&self, code: &str) -> bool {
        match Lang::from_code(code) {
            Some(lang) => {
                self.remote.send(Command::SetLang(lang));
                true
            }
            None => {
                gloo::console::error!(format!(
                    "bilateral-map: setLanguage: `{code}` is not one of ru, kk, en"
                ));
                false
            }
        }
    }

    /// Unmounts the widget (the element left the page).
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        if std::mem::take(&mut self.owns_hash) {
            HASH_TAKEN.with(|t| t.set(false));
        }
    }
}

/// The corpus index and the basemap as the element fetched them
/// ([`crate::corpus::fetched`]), decoded and joined once per page. `loader` is the
/// element's `fetchData(name)`, which fetches the article text shards later.
pub fn bundle(
    index: &JsValue,
    basemap: &JsValue,
    loader: js_sys::Function,
) -> Result<&'static Bundle, String> {
    crate::texts::set_loader(loader);
    let (i, b) = (
        crate::corpus::fetched(index)?,
        crate::corpus::fetched(basemap)?,
    );
    crate::corpus::install((&i.0, &i.1), (&b.0, &b.1)).map_err(String::clone)
}

impl Embed {
    /// Whether this widget follows the URL hash.
    pub fn follows_hash(&self) -> bool {
        self.owns_hash
    }
}

/// Whether `host` is the page's first `<bilateral-map>` that does not say
/// `use-hash="false"`, the one that follows the hash by default: decided by
/// document order, since elements load as the reader nears them, in any
/// order. A host that is no such element (tests mount on a `div`) may.
fn first_on_page(host: &web_sys::Element) -> bool {
    const FOLLOWER: &str = r#"bilateral-map:not([use-hash="false"])"#;
    if !host.tag_name().eq_ignore_ascii_case("bilateral-map") {
        return true;
    }
    let first = host
        .owner_document()
        .and_then(|d| d.query_selector(FOLLOWER).ok().flatten());
    first.is_none_or(|f| &f == host)
}

/// Mounts the widget over `bundle` on `root` (a node inside `host`'s shadow
/// root), configured by `host`'s attributes and the JS object `config`.
pub fn mount(
    root: web_sys::Element,
    host: &web_sys::Element,
    config: JsValue,
    bundle: Result<&'static Bundle, String>,
) -> Embed {
    let mut raw = RawConfig::from_attributes(host).and_then(|attributes| {
        let object = RawConfig::from_js(config)?;
        Ok(attributes.overlaid_with(object))
    });
    let owns_hash = match &mut raw {
        Ok(raw) => {
            let taken = HASH_TAKEN.with(Cell::get);
            let owns = *raw.use_hash.get_or_insert(!taken && first_on_page(host)) && !taken;
            HASH_TAKEN.with(|t| t.set(taken || owns));
            owns
        }
        Err(_) => false,
    };
    let remote = Remote::default();
    let props = AppProps {
        config: raw,
        remote: remote.clone(),
        bundle: Some(bundle.clone().map(Static)),
    };
    let app = yew::Renderer::<App>::with_root_and_props(root, props).render();
    Embed {
        app: Some(app),
        remote,
        bundle: bundle.ok(),
        owns_hash,
    }
}
