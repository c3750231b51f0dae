//! What makes a session unsafe to work with, as typed values; `i18n` puts them into words.

use std::collections::BTreeSet;

use uuid::Uuid;

use super::Session;
use crate::photos::{PhotoPathProblem, check_photo_path};

/// A kind of element, for messages that name one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Element {
    Session,
    Participant,
    AgendaDay,
    AgendaItem,
    Board,
    Card,
    Cluster,
    Dimension,
    ReflectionEntry,
    Photo,
    Result,
    ActionItem,
}

/// Something wrong with a loaded session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// An element without an id (a hand-written file that left it out).
    NoId { element: Element, label: String },
    /// Two elements share an id.
    RepeatedId {
        element: Element,
        label: String,
        id: Uuid,
    },
    /// A photo path that does not stay inside the session folder.
    PhotoPath { path: String, why: PhotoPathProblem },
}

impl Session {
    /// Problems that make the session unsafe to work with: missing or repeated ids, photo
    /// paths outside the session folder.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut seen = BTreeSet::new();
        let mut check_id = |element: Element, label: &str, id: Uuid| {
            if id.is_nil() {
                problems.push(Problem::NoId {
                    element,
                    label: label.to_owned(),
                });
            } else if !seen.insert(id) {
                problems.push(Problem::RepeatedId {
                    element,
                    label: label.to_owned(),
                    id,
                });
            }
        };
        check_id(Element::Session, &self.meta.title, self.id.uuid());
        for p in &self.meta.participants {
            check_id(Element::Participant, &p.name, p.id.uuid());
        }
        for day in &self.agenda.days {
            let date = day.date.map(|d| d.to_string()).unwrap_or_default();
            check_id(Element::AgendaDay, &date, day.id.uuid());
            for item in &day.items {
                check_id(Element::AgendaItem, &item.title, item.id.uuid());
            }
        }
        for board in &self.boards {
            check_id(Element::Board, &board.title, board.id.uuid());
            for card in &board.cards {
                check_id(Element::Card, &card.text, card.id.uuid());
            }
            for cluster in &board.clusters {
                check_id(Element::Cluster, &cluster.title, cluster.id.uuid());
            }
        }
        for dimension in &self.reflection.dimensions {
            check_id(Element::Dimension, &dimension.name, dimension.id.uuid());
        }
        for entry in &self.reflection.entries {
            check_id(Element::ReflectionEntry, &entry.who, entry.id.uuid());
        }
        for photo in &self.photos {
            check_id(Element::Photo, &photo.path, photo.id.uuid());
        }
        for result in &self.results {
            check_id(Element::Result, &result.text, result.id.uuid());
        }
        for item in &self.action_items {
            check_id(Element::ActionItem, &item.title, item.id.uuid());
        }
        for photo in &self.photos {
            if let Err(why) = check_photo_path(&photo.path) {
                problems.push(Problem::PhotoPath {
                    path: photo.path.clone(),
                    why,
                });
            }
        }
        problems
    }
}
