//! The reader room: what a reader does with the linked corpus. [`search`]
//! over names and cited sentences across scripts and spellings,
//! [`host_names`] (the corpus's names in the host page's own text), the
//! [`timeline`]'s months and periods, the [`fragment`] link to a sentence on
//! the publisher's page, the [`data`] download (GeoJSON, CSV), the [`dates`]
//! in the reader's language, and the [`ui`] words and colours the widget
//! and the static fallback share. It reads
//! [`crate::evidence`], [`crate::text`] and [`crate::geo`], nothing above.

pub mod data;
pub mod dates;
pub mod fragment;
pub mod host_names;
pub mod search;
pub mod timeline;
pub mod ui;
