//! Photos of flipcharts and walls: what a session records of them, and the checked import
//! of picture files. No GUI code here.

pub mod check;
pub mod edit;
mod guard;
pub mod import;
mod model;
pub mod print;

pub use guard::{MAX_DECODED_BYTES, MAX_SIDE, PhotoError};
pub use model::{Photo, PhotoLink, PhotoPathProblem, check_photo_path};
