//! The bilateral-map widget: a Yew app over the corpus `atlas dist` writes beside it at build time.
//!
//! This crate only renders and handles events; parsing, linking, projection,
//! label placement and viewport maths live in `bilateral-core`. The rooms:
//! [`state`] (the one reducer), [`host`] (what the embedding page sees),
//! [`hooks`], [`components`] (the views), [`embed`] (the `#[wasm_bindgen]`
//! mount and element handle), [`i18n`], [`corpus`] (the fetched bundle) and
//! [`texts`] (article texts, fetched when a reader opens one).

pub mod components;
pub mod corpus;
pub mod details;
pub mod embed;
pub mod hooks;
pub mod host;
pub mod i18n;
pub mod state;
pub mod texts;

pub use components::widget::{App, AppProps, Widget, WidgetProps, page_lang};
pub use components::{map, panel, reader};
pub use corpus::Static;
pub use host::{config, deeplink};
pub use state::{Action, AppState};

/// Talc instead of Rust's default dlmalloc in the browser: smaller code and
/// faster, as its WebAssembly benchmarks show (README, "Code size").
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
