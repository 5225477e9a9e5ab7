//! The geometry room, in three coordinate spaces kept apart: geographic
//! degrees ([`coords`]: `LatLon`, `LonLat`, `Geometry`), the Lambert conformal
//! conic [`projection`] onto the plane, and SVG and screen coordinates with
//! the pan/zoom state ([`viewport`]). On top of them: the offline [`basemap`]
//! from Natural Earth and the state [`border`] read from it, the map [`labels`]' placement, the dense symbols'
//! [`cluster`]s the first view's [`frame`]
//! and the [`edge`] markers pointing to what lies outside it; the SVG
//! [`path`]s the basemap is written in. Nothing here reads an article.

pub mod basemap;
pub mod border;
pub mod cluster;
pub mod coords;
pub mod edge;
pub mod frame;
pub mod labels;
pub mod path;
pub mod projection;
pub mod viewport;

pub use coords::{Geometry, LatLon, LonLat};
