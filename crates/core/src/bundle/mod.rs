//! The bundle room: what ships to the browser. [`map`] projects the basemap
//! and each cited feature into SVG, [`files`] packs the corpus, the map, the
//! search index and the host names into the widget's [`Bundle`] and splits it
//! into the index and basemap files, [`details`] moves what only a click
//! needs (quotes, titles, search words, same-event links) to a file of its
//! own, [`shard`] moves the article texts into
//! shard files fetched on demand, [`scope`] narrows a bundle to a story,
//! [`layout`] is what the widget's map lays out at one view (clusters, edge
//! buttons, labels), and
//! [`format`] is the versioned frame every file starts with. The top floor:
//! it reads every room below.

pub mod details;
pub mod files;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
pub mod format;
pub mod layout;
pub mod map;
pub mod scope;
pub mod shard;

pub use files::{BasemapLayer, Bundle, Index};
pub use format::{BundleError, FORMAT_VERSION};
