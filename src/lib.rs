//! Moderato: moderate Metaplan-style workshops on one laptop, offline.
//!
//! Each feature has its folder with its model, its logic and its edits, none of them using
//! the GUI: `session`, `agenda`, `board`, `reflection`, `photos`, `results`, plus
//! `consolidate`, `storage` and `export`. `app` is the GUI and `cli` the command line, two
//! front ends over the same functions.

pub mod agenda;
pub mod app;
pub mod board;
pub mod cli;
pub mod clock;
pub mod consolidate;
pub mod export;
pub mod fields;
pub mod i18n;
pub mod ids;
pub mod jobs;
pub mod origin;
pub mod phones;
pub mod photos;
pub mod pinboard;
pub mod reflection;
pub mod results;
pub mod session;
pub mod storage;
pub mod text;
