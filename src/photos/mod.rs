//! Photos of flipcharts and walls: what a session records of them, and the checked import
//! of picture files. No GUI code here.

pub mod check;
pub mod edit;
pub mod import;
mod model;
pub mod print;

pub use model::{Photo, PhotoLink, PhotoPathProblem, check_photo_path};
