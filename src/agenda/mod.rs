//! The agenda: days with timeboxed items, the schedule computed from them, the live timer
//! read from each item's timing log, and the speaking round. No GUI code here.

pub mod edit;
pub mod figures;
pub mod live;
mod model;
pub mod runs;
pub mod speaking;
pub mod timing;

pub use model::{Agenda, AgendaDay, AgendaItem, DayRun, ItemRun, Method, TimingEvent};
