//! The agenda: days, timeboxed items and what actually happened.

use jiff::Timestamp;
use jiff::civil::{Date, Time};
use serde::{Deserialize, Serialize};

use crate::ids::{AgendaDayId, AgendaItemId};

/// The workshop's plan, one entry per day.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Agenda {
    pub days: Vec<AgendaDay>,
}

impl Agenda {
    /// All items of all days, in order.
    pub fn items(&self) -> impl Iterator<Item = &AgendaItem> {
        self.days.iter().flat_map(|day| day.items.iter())
    }

    /// The item with this id, if any.
    pub fn item(&self, id: AgendaItemId) -> Option<&AgendaItem> {
        self.items().find(|item| item.id == id)
    }

    /// Sum of the planned minutes of every item, breaks included.
    pub fn planned_minutes(&self) -> u32 {
        self.items()
            .fold(0u32, |sum, item| sum.saturating_add(item.planned_minutes))
    }
}

/// One workshop day.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AgendaDay {
    pub id: AgendaDayId,
    pub date: Option<Date>,
    pub start_time: Option<Time>,
    /// When the day has to end; the live view warns when the schedule runs past it.
    pub end_time: Option<Time>,
    pub items: Vec<AgendaItem>,
    /// Earlier runs of this day, kept when a new run began (a rehearsal, the workshop
    /// this one was copied from).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub previous_runs: Vec<DayRun>,
}

/// A run of a day kept after a new run began: each item's log as it was.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DayRun {
    /// When the run began: its earliest recorded start.
    pub started: Option<Timestamp>,
    pub items: Vec<ItemRun>,
}

/// One item's record in a previous run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ItemRun {
    pub item: AgendaItemId,
    pub timing: Vec<TimingEvent>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub round: Option<super::speaking::RoundLog>,
}

/// One timeboxed item of the agenda.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AgendaItem {
    pub id: AgendaItemId,
    pub title: String,
    pub method: Method,
    pub planned_minutes: u32,
    pub responsible: String,
    pub notes: String,
    /// What came out of this item, written during or after the workshop.
    pub outcome: String,
    /// What happened, in wall-clock time, in the order it happened.
    pub timing: Vec<TimingEvent>,
    /// The speaking round held in this item (Blitzlicht), as it happened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub round: Option<super::speaking::RoundLog>,
}

/// How an agenda item is worked on.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Method {
    Input,
    #[default]
    Discussion,
    GroupWork,
    Positioning,
    Clustering,
    Voting,
    Reflection,
    Break,
    Other,
}

impl Method {
    /// Every method, in the order a picker lists them.
    pub const ALL: [Method; 9] = [
        Method::Input,
        Method::Discussion,
        Method::GroupWork,
        Method::Positioning,
        Method::Clustering,
        Method::Voting,
        Method::Reflection,
        Method::Break,
        Method::Other,
    ];
}

/// One entry of an item's timing log.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimingEvent {
    Started(Timestamp),
    Paused(Timestamp),
    Resumed(Timestamp),
    Ended(Timestamp),
    /// The timebox grew (or, negative, shrank) by this many seconds.
    Extended(Timestamp, i32),
    /// The item was left out.
    Skipped(Timestamp),
    /// Another item was taken up before this one ended: its clock stops, its time is kept,
    /// and it waits to be taken up again.
    Interrupted(Timestamp),
    /// The clock starts again from zero; extensions are dropped.
    Restarted(Timestamp),
}

impl TimingEvent {
    /// When it happened.
    pub fn at(self) -> Timestamp {
        match self {
            TimingEvent::Started(t)
            | TimingEvent::Paused(t)
            | TimingEvent::Resumed(t)
            | TimingEvent::Ended(t)
            | TimingEvent::Extended(t, _)
            | TimingEvent::Skipped(t)
            | TimingEvent::Interrupted(t)
            | TimingEvent::Restarted(t) => t,
        }
    }

    /// The same event at another time.
    pub fn at_time(self, t: Timestamp) -> Self {
        match self {
            TimingEvent::Started(_) => TimingEvent::Started(t),
            TimingEvent::Paused(_) => TimingEvent::Paused(t),
            TimingEvent::Resumed(_) => TimingEvent::Resumed(t),
            TimingEvent::Ended(_) => TimingEvent::Ended(t),
            TimingEvent::Extended(_, seconds) => TimingEvent::Extended(t, seconds),
            TimingEvent::Skipped(_) => TimingEvent::Skipped(t),
            TimingEvent::Interrupted(_) => TimingEvent::Interrupted(t),
            TimingEvent::Restarted(_) => TimingEvent::Restarted(t),
        }
    }
}
