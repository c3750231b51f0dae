//! The session: the document a moderator owns, its metadata and participants, and where a
//! consolidation's elements came from. The features' own parts (agenda, boards, reflection,
//! photos, results) live in their folders. No GUI code here.

pub mod compare;
pub mod edit;
pub mod limits;
mod problems;
mod provenance;
pub mod references;
mod remap;
mod repair;
pub mod summary;

use std::collections::BTreeSet;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use problems::{Element, NumberField, Problem, ProblemKind};
pub use provenance::{
    Conflict, ConflictField, ConflictKind, DecisionState, Kept, MemberName, MergeDecision,
    MergeKind, Provenance, SourceSession, SourceValue, Value,
};
pub use repair::{Repair, RepairKind};

use crate::agenda::Agenda;
use crate::board::Board;
use crate::ids::{ActionItemId, BoardId, DimensionId, ParticipantId, SessionId};
use crate::photos::Photo;
use crate::reflection::Reflection;
use crate::results::{ActionItem, Decision, NextMeeting};

/// The schema version this build writes. Files with a higher version are refused; every
/// older version still opens. Version 2 added the speaking round on an agenda item, the
/// publisher and introduction of the report, and the further sources of a consolidated
/// element (`Provenance::also`): fields a version-1 program would reject as unknown.
/// Version 3 added a day's previous runs, a consolidation's conflicts between its sources,
/// the names in its merge decisions and its sources' places.
/// Version 4 added what came from participants' phones (a card's `source`, its and a
/// cluster's `phone_votes`), the card shapes `Oval` and `Circle`, and a card's picture cut
/// from a photographed pinboard.
pub const SCHEMA_VERSION: u32 = 4;

/// One workshop session: the document a moderator owns and saves.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Session {
    pub schema_version: u32,
    pub id: SessionId,
    pub meta: Metadata,
    pub agenda: Agenda,
    pub boards: Vec<Board>,
    pub reflection: Reflection,
    pub photos: Vec<Photo>,
    pub results: Vec<Decision>,
    pub action_items: Vec<ActionItem>,
    pub next_meeting: Option<NextMeeting>,
    /// Free notes, e.g. the communication channels agreed on.
    pub notes: String,
    /// Set when this session was consolidated from others.
    pub provenance: Option<Provenance>,
}

impl Session {
    /// A new, empty session with a fresh id and the default reflection dimensions.
    pub fn create(title: &str) -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            id: SessionId::generate(),
            meta: Metadata {
                title: title.to_owned(),
                ..Metadata::default()
            },
            reflection: Reflection::with_default_dimensions([
                DimensionId::generate(),
                DimensionId::generate(),
                DimensionId::generate(),
                DimensionId::generate(),
            ]),
            ..Self::default()
        }
    }

    /// The board with this id, if any.
    pub fn board(&self, id: BoardId) -> Option<&Board> {
        self.boards.iter().find(|board| board.id == id)
    }

    /// The action item with this id, if any.
    pub fn action_item(&self, id: ActionItemId) -> Option<&ActionItem> {
        self.action_items.iter().find(|item| item.id == id)
    }

    /// Distinct organisations of the participants, sorted.
    pub fn organisations(&self) -> Vec<&str> {
        let set: BTreeSet<&str> = self
            .meta
            .participants
            .iter()
            .map(|p| p.organisation.trim())
            .filter(|o| !o.is_empty())
            .collect();
        set.into_iter().collect()
    }

    /// Every element id in the session (the session's own first), in a fixed order.
    pub fn element_ids(&self) -> Vec<Uuid> {
        let mut ids = vec![self.id.uuid()];
        ids.extend(self.meta.participants.iter().map(|p| p.id.uuid()));
        for day in &self.agenda.days {
            ids.push(day.id.uuid());
            ids.extend(day.items.iter().map(|i| i.id.uuid()));
        }
        for board in &self.boards {
            ids.push(board.id.uuid());
            ids.extend(board.cards.iter().map(|c| c.id.uuid()));
            ids.extend(board.clusters.iter().map(|c| c.id.uuid()));
        }
        ids.extend(self.reflection.dimensions.iter().map(|d| d.id.uuid()));
        ids.extend(self.reflection.entries.iter().map(|e| e.id.uuid()));
        ids.extend(self.photos.iter().map(|p| p.id.uuid()));
        ids.extend(self.results.iter().map(|r| r.id.uuid()));
        ids.extend(self.action_items.iter().map(|a| a.id.uuid()));
        ids
    }
}

/// Who, what, when and where.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Metadata {
    pub title: String,
    /// The series or project this workshop belongs to.
    pub series: String,
    pub organiser: String,
    pub location: String,
    pub dates: Vec<Date>,
    /// Language of the session's content, e.g. `de`.
    pub language: String,
    pub moderators: Vec<String>,
    pub participants: Vec<Participant>,
    pub credits: Credits,
    /// Who publishes the documentation (the imprint's publisher).
    pub publisher: String,
    /// An introduction printed before the documentation, in paragraphs.
    pub introduction: String,
}

/// A participant of the workshop.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Participant {
    pub id: ParticipantId,
    pub name: String,
    /// E.g. the municipality the participant represents.
    pub organisation: String,
    pub role: String,
}

/// Who wrote the documentation and took the photos.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Credits {
    pub text: Vec<String>,
    pub photos: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_invents_no_ids() {
        let a = Session::default();
        let b = Session::default();
        assert_eq!(a, b);
        assert!(a.id.is_nil());
    }

    #[test]
    fn create_gives_distinct_ids_and_four_dimensions() {
        let a = Session::create("A");
        let b = Session::create("B");
        assert_ne!(a.id, b.id);
        assert_eq!(a.reflection.dimensions.len(), 4);
        assert!(a.problems().is_empty(), "{:?}", a.problems());
    }

    #[test]
    fn problems_name_missing_and_repeated_ids() {
        let mut s = Session::create("Werkstatt");
        let id = ActionItemId::generate();
        for title in ["Protokoll", "Fotos"] {
            s.action_items.push(ActionItem {
                id,
                title: title.into(),
                ..ActionItem::default()
            });
        }
        s.results.push(Decision {
            text: "Ohne Id".into(),
            ..Decision::default()
        });
        let problems = s.problems();
        assert_eq!(problems.len(), 2, "{problems:?}");
        let words: Vec<String> = problems
            .iter()
            .map(|p| crate::i18n::Describe::describe(p, crate::i18n::Lang::En))
            .collect();
        assert!(
            words
                .iter()
                .any(|p| p.contains("Fotos") && p.contains("repeats"))
        );
        assert!(
            words
                .iter()
                .any(|p| p.contains("Ohne Id") && p.contains("no id"))
        );
    }

    #[test]
    fn organisations_are_distinct_and_sorted() {
        let mut s = Session::create("x");
        for org in ["Wuppertal", "Brandenburg", "", "Wuppertal"] {
            s.meta.participants.push(Participant {
                id: ParticipantId::generate(),
                organisation: org.into(),
                ..Participant::default()
            });
        }
        assert_eq!(s.organisations(), vec!["Brandenburg", "Wuppertal"]);
    }
}
