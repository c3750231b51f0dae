//! Moderato: moderate Metaplan-style workshops on one laptop, offline.
//!
//! The domain (`model`, `storage`, `summary`) knows nothing of egui; `app` is the GUI and
//! `cli` the command line, two front ends over the same functions.

pub mod app;
pub mod board_edit;
pub mod board_layout;
pub mod cli;
pub mod clock;
pub mod consolidate;
pub mod export;
pub mod grouping;
pub mod i18n;
pub mod model;
pub mod photo_import;
pub mod reflection_stats;
pub mod storage;
pub mod summary;
pub mod timing;
