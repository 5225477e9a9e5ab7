//! The bilateral-map widget: a Yew app over the corpus `atlas dist` writes beside it at build time.
//!
//! This crate only renders and handles events; parsing, linking, projection,
//! label placement and viewport maths live in `bilateral-core`. The rooms:
//! [`state`] (the one reducer), [`host`] (what the embedding page sees),
//! [`hooks`], [`components`] (the views), [`embed`] (the `#[wasm_bindgen]`
//! mount and element handle), [`i18n`] and [`corpus`] (the fetched bundle).

pub mod components;
pub mod corpus;
pub mod embed;
pub mod hooks;
pub mod host;
pub mod i18n;
pub mod state;

pub use components::widget::{App, AppProps, Widget, WidgetProps, page_lang};
pub use components::{map, panel, reader};
pub use corpus::Static;
pub use host::{config, deeplink};
pub use state::{Action, AppState};
