//! Boards (pin walls): cards, axes and clusters; their geometry, edits, dot voting and
//! cluster suggestions. No GUI code here.

pub mod cards;
pub mod edit;
pub mod embedding;
pub mod grouping;
pub mod import;
pub mod layout;
mod model;
pub mod occupied;
pub mod placement;
pub mod spots;
pub mod text_fit;
pub mod tidy;
pub mod votes;

pub use model::{Axes, AxisLabels, Board, Card, CardColour, CardShape, Cluster, dots_total};
