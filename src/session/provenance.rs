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
}

/// Whether some clusters, action items or results of different sessions are one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MergeDecision {
    pub kind: MergeKind,
    /// Ids of the elements in their source sessions, sorted.
    pub members: Vec<Uuid>,
    pub state: DecisionState,
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
}
