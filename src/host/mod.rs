//! Everything the embedding page sees: its settings ([`config`]), the URL
//! hash ([`deeplink`], [`url`]) and the events the widget sends it
//! ([`events`]). The element API's commands arrive through [`remote`]; the
//! `#[wasm_bindgen]` handle is [`crate::embed`].

pub mod config;
pub mod deeplink;
pub mod events;
pub mod remote;
pub mod url;
