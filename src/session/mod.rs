//! The session: the document a moderator owns, its metadata and participants, and where a
//! consolidation's elements came from. The features' own parts (agenda, boards, reflection,
//! photos, results) live in their folders. No egui here.

mod ids;
mod provenance;
pub mod summary;

use std::collections::BTreeSet;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use ids::{
    ActionItemId, AgendaDayId, AgendaItemId, BoardId, CardId, ClusterId, DimensionId,
    ParticipantId, PhotoId, ReflectionEntryId, ResultId, SessionId,
};
pub use provenance::{DecisionState, MergeDecision, MergeKind, Provenance, SourceSession};

use crate::agenda::Agenda;
use crate::board::Board;
use crate::photos::{Photo, PhotoPathProblem, check_photo_path};
use crate::reflection::Reflection;
use crate::results::{ActionItem, Decision, NextMeeting};

/// The schema version this build writes. Files with a higher version are refused.
pub const SCHEMA_VERSION: u32 = 1;

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

    /// Problems that make the session unsafe to work with: missing or repeated ids, photo
    /// paths outside the session folder. Each is one sentence in plain words.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut seen = BTreeSet::new();
        let mut check_id = |kind: &str, label: &str, id: Uuid| {
            if id.is_nil() {
                problems.push(format!("{kind} \u{201c}{label}\u{201d} has no id."));
            } else if !seen.insert(id) {
                problems.push(format!(
                    "{kind} \u{201c}{label}\u{201d} repeats the id {id}."
                ));
            }
        };
        check_id("The session", &self.meta.title, self.id.uuid());
        for p in &self.meta.participants {
            check_id("Participant", &p.name, p.id.uuid());
        }
        for day in &self.agenda.days {
            check_id(
                "Agenda day",
                &day.date.map(|d| d.to_string()).unwrap_or_default(),
                day.id.uuid(),
            );
            for item in &day.items {
                check_id("Agenda item", &item.title, item.id.uuid());
            }
        }
        for board in &self.boards {
            check_id("Board", &board.title, board.id.uuid());
            for card in &board.cards {
                check_id("Card", &card.text, card.id.uuid());
            }
            for cluster in &board.clusters {
                check_id("Cluster", &cluster.title, cluster.id.uuid());
            }
        }
        for dim in &self.reflection.dimensions {
            check_id("Reflection dimension", &dim.name, dim.id.uuid());
        }
        for entry in &self.reflection.entries {
            check_id("Reflection entry", &entry.who, entry.id.uuid());
        }
        for photo in &self.photos {
            check_id("Photo", &photo.path, photo.id.uuid());
        }
        for result in &self.results {
            check_id("Result", &result.text, result.id.uuid());
        }
        for item in &self.action_items {
            check_id("Action item", &item.title, item.id.uuid());
        }
        for photo in &self.photos {
            if let Err(problem) = check_photo_path(&photo.path) {
                let why = match problem {
                    PhotoPathProblem::Empty => "has an empty path",
                    PhotoPathProblem::Absolute => {
                        "has an absolute path; photo paths must be relative to the session folder"
                    }
                    PhotoPathProblem::LeavesFolder => {
                        "points outside the session folder (\u{201c}..\u{201d})"
                    }
                };
                problems.push(format!("Photo \u{201c}{}\u{201d} {why}.", photo.path));
            }
        }
        problems
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
        assert!(
            problems
                .iter()
                .any(|p| p.contains("Fotos") && p.contains("repeats"))
        );
        assert!(
            problems
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
