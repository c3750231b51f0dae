//! The reflection round: dimensions, scale, entries, dissent, and its statistics. No GUI
//! code here.

pub mod edit;
pub mod figures;
mod model;
pub mod stats;
pub mod target;

pub use model::{Dimension, Dissent, REPEATED_RATING, Reflection, ReflectionEntry, Scale};
