//! What a workshop leaves behind: results and decisions, action items, the next meeting.
//! No GUI code here.

pub mod edit;
mod model;

pub use model::{ActionItem, ActionStatus, Decision, Due, NextMeeting, SourceLink};
