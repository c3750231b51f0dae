//! What a workshop leaves behind: results, action items, the next meeting.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::ids::{ActionItemId, AgendaItemId, BoardId, ClusterId, ResultId};

/// A result or decision the group reached.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Decision {
    pub id: ResultId,
    pub text: String,
    pub source: Option<SourceLink>,
}

/// A task someone takes on after the workshop.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ActionItem {
    pub id: ActionItemId,
    pub title: String,
    pub owner: String,
    pub due: Due,
    pub status: ActionStatus,
    pub source: Option<SourceLink>,
}

/// When an action item is due.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Due {
    #[default]
    Open,
    On(Date),
    NextMeeting,
}

/// Where an action item stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionStatus {
    #[default]
    Open,
    InProgress,
    Done,
    Dropped,
}

impl ActionStatus {
    /// Every status, in picker order.
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Open,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];
}

/// Where in the session something came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceLink {
    AgendaItem(AgendaItemId),
    Board(BoardId),
    Cluster(ClusterId),
}

/// The next meeting of the group.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NextMeeting {
    pub dates: Vec<Date>,
    pub place: String,
    pub note: String,
}
