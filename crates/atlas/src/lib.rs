//! The library behind the `atlas` command (`main.rs`) and the editor's desk
//! (`crates/desk`), which rebuilds the map preview with [`dist`] and imports
//! articles with [`add`]. Each module's header says what it does.

pub mod add;
pub mod basemap;
pub mod dist;
pub mod eval;
pub mod export;
pub mod fallback;
pub mod places;
pub mod synth;
