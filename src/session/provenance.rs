//! Where the elements of a consolidated session came from, and the facilitator's merge
//! decisions.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::ids::SessionId;

/// Where the elements of a consolidated session came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Provenance {
    pub sources: Vec<SourceSession>,
    /// Element id (any kind) to the session it came from.
    pub origins: BTreeMap<Uuid, SessionId>,
    /// Elements that more sessions had (the same card on two walls, a result two workshops
    /// reached): the further sessions, besides the one in `origins`.
    pub also: BTreeMap<Uuid, Vec<SessionId>>,
    /// The facilitator's merge decisions, kept so that consolidating again (with a session
    /// more) does not ask twice.
    pub decisions: Vec<MergeDecision>,
    /// Where sources that share an element disagree about it, with each source's value and
    /// what the consolidation kept: nothing is dropped or overridden without being said.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
}

impl Provenance {
    /// Every session an element came from, in the order of `sources`.
    pub fn sessions_of(&self, id: Uuid) -> Vec<SessionId> {
        let mut found: Vec<SessionId> = self.origins.get(&id).copied().into_iter().collect();
        found.extend(self.also.get(&id).into_iter().flatten().copied());
        self.sources
            .iter()
            .map(|s| s.id)
            .filter(|s| found.contains(s))
            .collect()
    }

    /// The short label of a source ("W1", "W2", …), by its place in `sources`.
    pub fn label(&self, session: SessionId) -> Option<String> {
        let index = self.sources.iter().position(|s| s.id == session)?;
        Some(format!("W{}", index + 1))
    }

    /// The labels of every session an element came from, joined: "W1, W2".
    pub fn labels_of(&self, id: Uuid) -> String {
        self.sessions_of(id)
            .into_iter()
            .filter_map(|s| self.label(s))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The labels of the sessions an element came from when that is fewer than all of
    /// them ("W2"); `None` for what every source had (the legend says so once).
    pub fn partial_labels(&self, id: Uuid) -> Option<String> {
        let from = self.sessions_of(id);
        (!from.is_empty() && from.len() < self.sources.len()).then(|| self.labels_of(id))
    }

    /// The conflicts about one element and field.
    pub fn conflict(&self, element: Uuid, field: &ConflictField) -> Option<&Conflict> {
        self.conflicts
            .iter()
            .find(|c| c.element == element && &c.field == field)
    }
}

/// Whether some clusters, action items or results of different sessions are one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MergeDecision {
    pub kind: MergeKind,
    /// Ids of the elements in their source sessions, sorted.
    pub members: Vec<Uuid>,
    pub state: DecisionState,
    /// Each member's title and the session it came from, as consolidated, so both sides of
    /// a proposal can be named ("Zielbilder" (W1) ↔ "Zielbilder 2030" (W3)).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<MemberName>,
}

/// A member of a merge decision, named.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MemberName {
    pub id: Uuid,
    pub title: String,
    pub source: SessionId,
}

/// Sources that share an element (a copy, a template) but disagree about one of its fields.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Conflict {
    pub kind: ConflictKind,
    /// The element in the result (for versions kept side by side: the first one).
    pub element: Uuid,
    /// What the element is called in the first source: a title, a card's text, a name.
    pub name: String,
    pub field: ConflictField,
    /// Each source's value, in the order of the sources.
    pub values: Vec<SourceValue>,
    pub kept: Kept,
}

/// One source's value in a conflict.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SourceValue {
    pub source: SessionId,
    pub value: Value,
}

/// A value as a source has it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum Value {
    #[default]
    Missing,
    Text(String),
    Number(i64),
    /// A rating; `None` where that source's entry has none.
    Rating(Option<i32>),
    /// Along and up the axes, in percent.
    Position(f32, f32),
    Status(crate::results::ActionStatus),
    Colour(crate::board::CardColour),
    Due(crate::results::Due),
    Dates(Vec<Date>),
}

/// What kind of element sources disagree about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ConflictKind {
    #[default]
    Card,
    Cluster,
    Board,
    ReflectionEntry,
    Scale,
    ActionItem,
    Result,
    AgendaDay,
    Photo,
    NextMeeting,
}

/// Which field sources disagree about.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConflictField {
    #[default]
    Text,
    Title,
    Position,
    Dots,
    Author,
    Colour,
    Question,
    Axes,
    /// A rating on the dimension of this name.
    Rating(String),
    Comment,
    Who,
    Status,
    Owner,
    Due,
    Caption,
    Photographer,
    /// A day's items and times.
    Schedule,
    Dates,
    Place,
    Scale,
}

/// What the consolidation kept where sources disagree.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kept {
    /// Every version, each with its source.
    #[default]
    Both,
    /// The first source's value.
    First,
    /// The newest source's value.
    Last,
    /// The most dots any copy had (the same dots are not counted twice).
    Most,
    /// The earliest date.
    Earliest,
    /// Done (or dropped) only when every source says so.
    DoneOnlyWhenAll,
    /// Every value, joined.
    Joined,
}

/// What a merge decision is about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MergeKind {
    #[default]
    Cluster,
    ActionItem,
    Result,
}

/// Proposed, confirmed or turned down.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DecisionState {
    /// Similar titles: waiting for the facilitator.
    #[default]
    Proposed,
    Accepted,
    Rejected,
}

/// A session that went into a consolidation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SourceSession {
    pub id: SessionId,
    pub title: String,
    pub dates: Vec<Date>,
    /// Folder the session was read from, relative to the consolidation's folder (older
    /// files: as given at consolidation time).
    pub path: String,
    /// The same folder's absolute path, tried when the relative one no longer leads there.
    pub absolute: String,
    /// Where the session took place, to tell sources with the same title apart.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub location: String,
}
