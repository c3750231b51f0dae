//! A digital board from a photo of a pinboard: find the Metaplan board in a photo, straighten
//! it, and outline every card with its colour and shape — offline and in pure Rust.
//!
//! * [`detect`] — the detector ([`detect::detect`], [`detect::straighten`],
//!   [`detect::crop_card`], [`detect::propose_columns`]).
//! * [`crops`] — each card's straightened picture, kept in the session's `photos/cards/`.
//! * [`import`] — from a detection to a board of the session: cards at their places, with
//!   their colours, shapes and crops, and the columns under a header as proposed clusters.
//! * [`synthetic`] — a deterministic generator of pinboard photos with exact ground truth
//!   (the tests and `cargo bench --bench photo_board`).
//! * [`eval`] — matching found cards to the truth and the benchmark figures.
//! * [`geom`] — homographies and polygon helpers shared by all three.
//! * [`paper`] — the six paper colours and four shapes.
//!
//! Text recognition is not part of it: [`detect::TextProposer`] is the place where an
//! optional stage could later propose a text for each crop.

pub mod crops;
pub mod detect;
pub mod eval;
pub mod geom;
pub mod import;
pub mod paper;
pub mod synthetic;

pub use detect::{
    ColumnProposal, DetectError, Detection, FoundCard, TextProposer, crop_card, detect,
    propose_columns, straighten,
};
pub use paper::{PaperColour, PaperShape};
