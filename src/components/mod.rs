//! The widget's views: small components with `XxxProps` and `on<verb>`
//! callbacks carrying ids.

pub mod citation;
pub mod download;
pub mod lang_switch;
pub mod legend;
pub mod map;
pub mod panel;
pub mod reader;
pub mod search;
pub mod share;
pub mod symbol;
pub mod timeline;
pub mod widget;
