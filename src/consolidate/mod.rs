//! Several sessions become one result. Every element keeps its id and remembers the session
//! it came from; boards with the same title become one board; clusters, action items and
//! results with equal titles (after normalisation) merge by rule, similar ones are proposed
//! to the facilitator, whose decisions are kept for the next run. The same inputs always give
//! the same output. No GUI code and no IO here: the caller reads the inputs and writes the result.

mod ids;
mod merge;
pub mod run;

use std::collections::{BTreeMap, BTreeSet};

use uuid::Uuid;

use crate::model::{
    ActionItem, ActionStatus, Agenda, Board, BoardId, Card, Cluster, ClusterId, Credits, Decision,
    Dimension, DimensionId, Due, MergeDecision, MergeKind, Metadata, Participant, Photo, PhotoLink,
    Provenance, Reflection, ReflectionEntry, SCHEMA_VERSION, Session, SessionId, SourceLink,
    SourceSession,
};

/// One input: the session and where it came from.
#[derive(Clone, Debug)]
pub struct Input {
    /// The source folder as the consolidation remembers it (relative to the result's folder
    /// when written by [`run::run`]).
    pub folder: String,
    /// The source folder's absolute path: where photos are copied from, and where the source
    /// is looked for when the relative path no longer leads to it.
    pub absolute: String,
    pub session: Session,
}

impl Input {
    /// An input known by one path.
    pub fn new(folder: impl Into<String>, session: Session) -> Self {
        let folder = folder.into();
        Self {
            absolute: folder.clone(),
            folder,
            session,
        }
    }
}

/// A photo to copy into the result's folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhotoCopy {
    /// Folder of the source session (absolute), and the photo's path inside it.
    pub from_folder: String,
    pub from_path: String,
    /// Path inside the result's folder.
    pub to_path: String,
}

/// The consolidated session and the photos to copy.
#[derive(Clone, Debug)]
pub struct Consolidation {
    pub session: Session,
    pub photos: Vec<PhotoCopy>,
}

pub use merge::{normalise, similar};

use ids::with_unique_ids;
use merge::{Mergeable, derived_id, plan_merges};

/// Where boards and clusters of the inputs went in the result.
#[derive(Default)]
struct Moved {
    boards: std::collections::HashMap<BoardId, BoardId>,
    clusters: std::collections::HashMap<ClusterId, ClusterId>,
}

impl Moved {
    fn board(&self, id: BoardId) -> BoardId {
        self.boards.get(&id).copied().unwrap_or(id)
    }

    fn cluster(&self, id: ClusterId) -> ClusterId {
        self.clusters.get(&id).copied().unwrap_or(id)
    }

    fn photo_link(&self, link: PhotoLink) -> PhotoLink {
        match link {
            PhotoLink::Board(id) => PhotoLink::Board(self.board(id)),
            PhotoLink::Cluster(id) => PhotoLink::Cluster(self.cluster(id)),
            other => other,
        }
    }

    fn source(&self, link: SourceLink) -> SourceLink {
        match link {
            SourceLink::Board(id) => SourceLink::Board(self.board(id)),
            SourceLink::Cluster(id) => SourceLink::Cluster(self.cluster(id)),
            other => other,
        }
    }
}

/// Consolidates sessions. `previous` holds the decisions of an earlier run (or is empty).
pub fn consolidate(inputs: &[Input], previous: &[MergeDecision]) -> Consolidation {
    let owned = with_unique_ids(inputs);
    let mut inputs: Vec<&Input> = owned.iter().collect();
    inputs.sort_by(|a, b| {
        (
            a.session.meta.dates.first(),
            &a.session.meta.title,
            a.session.id,
        )
            .cmp(&(
                b.session.meta.dates.first(),
                &b.session.meta.title,
                b.session.id,
            ))
    });
    let mut origins: BTreeMap<Uuid, SessionId> = BTreeMap::new();
    let mut note = |id: Uuid, from: SessionId| {
        origins.insert(id, from);
    };

    // Metadata: everything joined, nothing invented.
    let mut meta = Metadata::default();
    let distinct = |values: Vec<&str>| -> Vec<String> {
        let mut seen = BTreeSet::new();
        values
            .into_iter()
            .map(str::trim)
            .filter(|v| !v.is_empty() && seen.insert(v.to_owned()))
            .map(str::to_owned)
            .collect()
    };
    let titles = distinct(
        inputs
            .iter()
            .map(|i| i.session.meta.title.as_str())
            .collect(),
    );
    let series = distinct(
        inputs
            .iter()
            .map(|i| i.session.meta.series.as_str())
            .collect(),
    );
    meta.title = match series.first() {
        Some(series) if !series.is_empty() => format!("{series} \u{2013} Konsolidierung"),
        _ => format!("Konsolidierung: {}", titles.join(" / ")),
    };
    meta.series = series.join(" / ");
    meta.organiser = distinct(
        inputs
            .iter()
            .map(|i| i.session.meta.organiser.as_str())
            .collect(),
    )
    .join(" / ");
    meta.location = distinct(
        inputs
            .iter()
            .map(|i| i.session.meta.location.as_str())
            .collect(),
    )
    .join(", ");
    meta.language = inputs
        .first()
        .map(|i| i.session.meta.language.clone())
        .unwrap_or_default();
    let mut dates: BTreeSet<jiff::civil::Date> = BTreeSet::new();
    let mut participants: Vec<Participant> = Vec::new();
    let mut seen_people: BTreeSet<(String, String)> = BTreeSet::new();
    let mut credits = Credits::default();
    for input in &inputs {
        let s = &input.session;
        dates.extend(s.meta.dates.iter().copied());
        for p in &s.meta.participants {
            if seen_people.insert((normalise(&p.name), normalise(&p.organisation))) {
                participants.push(p.clone());
                note(p.id.uuid(), s.id);
            }
        }
        credits.text.extend(s.meta.credits.text.iter().cloned());
        credits.photos.extend(s.meta.credits.photos.iter().cloned());
    }
    meta.dates = dates.into_iter().collect();
    meta.participants = participants;
    meta.moderators = distinct(
        inputs
            .iter()
            .flat_map(|i| i.session.meta.moderators.iter().map(String::as_str))
            .collect(),
    );
    meta.credits = Credits {
        text: distinct(credits.text.iter().map(String::as_str).collect()),
        photos: distinct(credits.photos.iter().map(String::as_str).collect()),
    };

    // Agenda: the days of every session, in order.
    let mut agenda = Agenda::default();
    for input in &inputs {
        for day in &input.session.agenda.days {
            note(day.id.uuid(), input.session.id);
            for item in &day.items {
                note(item.id.uuid(), input.session.id);
            }
            agenda.days.push(day.clone());
        }
    }

    // Boards: same title, one board. Clusters merge by the plan.
    let mut boards: Vec<Board> = Vec::new();
    let mut all_clusters: Vec<Mergeable> = Vec::new();
    let mut cluster_source: BTreeMap<Uuid, (usize, Cluster)> = BTreeMap::new();
    // Links to boards and clusters follow them into the merged ones.
    let mut moved = Moved::default();
    for input in &inputs {
        for board in &input.session.boards {
            let key = normalise(&board.title);
            let index = match boards.iter().position(|b| normalise(&b.title) == key) {
                Some(index) => index,
                None => {
                    boards.push(Board {
                        id: BoardId(derived_id([board.id.uuid()], "board")),
                        title: board.title.clone(),
                        question: board.question.clone(),
                        agenda_item: board.agenda_item,
                        axes: board.axes.clone(),
                        dots_per_person: board.dots_per_person,
                        ..Board::default()
                    });
                    boards.len() - 1
                }
            };
            note(board.id.uuid(), input.session.id);
            moved.boards.insert(board.id, boards[index].id);
            for card in &board.cards {
                boards[index].cards.push(Card { ..card.clone() });
                note(card.id.uuid(), input.session.id);
            }
            for cluster in &board.clusters {
                note(cluster.id.uuid(), input.session.id);
                all_clusters.push((cluster.id.uuid(), index, cluster.title.clone()));
                cluster_source.insert(cluster.id.uuid(), (index, cluster.clone()));
            }
        }
    }
    // The board is the scope: clusters only merge within one board.
    let (cluster_groups, mut decisions) = plan_merges(MergeKind::Cluster, &all_clusters, previous);
    for group in cluster_groups {
        let members: Vec<&(usize, Cluster)> = group
            .iter()
            .filter_map(|id| cluster_source.get(id))
            .collect();
        let Some((board_index, first)) = members.first().map(|(b, c)| (*b, c)) else {
            continue;
        };
        let id = if members.len() == 1 {
            first.id
        } else {
            ClusterId(derived_id(group.iter().copied(), "cluster"))
        };
        let mut cards = Vec::new();
        for (_, cluster) in &members {
            moved.clusters.insert(cluster.id, id);
            for card in &cluster.cards {
                if !cards.contains(card) {
                    cards.push(*card);
                }
            }
        }
        boards[board_index].clusters.push(Cluster {
            id,
            title: first.title.clone(),
            colour: first.colour,
            cards,
            votes: members
                .iter()
                .map(|(_, c)| c.votes)
                .fold(0, u32::saturating_add)
                .min(crate::session::limits::MAX_VOTES),
            is_collapsed: false,
        });
    }

    // Reflection: dimensions by name; entries keep their session through provenance.
    let mut reflection = Reflection::default();
    let mut dimension_ids: BTreeMap<String, DimensionId> = BTreeMap::new();
    for input in &inputs {
        let r = &input.session.reflection;
        if reflection.dimensions.is_empty() {
            reflection.scale = r.scale.clone();
        }
        reflection.is_anonymous |= r.is_anonymous;
        for dimension in &r.dimensions {
            dimension_ids
                .entry(normalise(&dimension.name))
                .or_insert_with(|| {
                    reflection.dimensions.push(Dimension {
                        id: dimension.id,
                        name: dimension.name.clone(),
                    });
                    dimension.id
                });
        }
        for entry in &r.entries {
            let ratings = entry
                .ratings
                .iter()
                .filter_map(|(dim, value)| {
                    let name = r.dimensions.iter().find(|d| d.id == *dim)?.name.as_str();
                    Some((*dimension_ids.get(&normalise(name))?, *value))
                })
                .collect();
            reflection.entries.push(ReflectionEntry {
                ratings,
                ..entry.clone()
            });
            note(entry.id.uuid(), input.session.id);
        }
        reflection.dissent.extend(r.dissent.iter().cloned());
        if !r.summary.trim().is_empty() {
            if !reflection.summary.is_empty() {
                reflection.summary.push_str("\n\n");
            }
            reflection.summary.push_str(&format!(
                "{}: {}",
                input.session.meta.title,
                r.summary.trim()
            ));
        }
    }

    // Photos: copied into photos/<n>-<name>, with their credits.
    let mut photos: Vec<Photo> = Vec::new();
    let mut copies = Vec::new();
    for (n, input) in inputs.iter().enumerate() {
        for photo in &input.session.photos {
            let name = photo.path.rsplit(['/', '\\']).next().unwrap_or(&photo.path);
            let to_path = format!("photos/{}-{name}", n + 1);
            copies.push(PhotoCopy {
                from_folder: input.absolute.clone(),
                from_path: photo.path.clone(),
                to_path: to_path.clone(),
            });
            photos.push(Photo {
                path: to_path,
                ..photo.clone()
            });
            note(photo.id.uuid(), input.session.id);
        }
    }

    // Results and action items: equal titles merge, similar ones are proposed.
    let mut results_in: Vec<Decision> = Vec::new();
    let mut actions_in: Vec<ActionItem> = Vec::new();
    for input in &inputs {
        for result in &input.session.results {
            results_in.push(result.clone());
            note(result.id.uuid(), input.session.id);
        }
        for item in &input.session.action_items {
            actions_in.push(item.clone());
            note(item.id.uuid(), input.session.id);
        }
    }
    let result_keys: Vec<Mergeable> = results_in
        .iter()
        .map(|r| (r.id.uuid(), 0, r.text.clone()))
        .collect();
    let (result_groups, result_decisions) = plan_merges(MergeKind::Result, &result_keys, previous);
    decisions.extend(result_decisions);
    let mut results: Vec<Decision> = result_groups
        .iter()
        .filter_map(|group| {
            let first = results_in.iter().find(|r| group.contains(&r.id.uuid()))?;
            Some(first.clone())
        })
        .collect();
    let action_keys: Vec<Mergeable> = actions_in
        .iter()
        .map(|a| (a.id.uuid(), 0, a.title.clone()))
        .collect();
    let (action_groups, action_decisions) =
        plan_merges(MergeKind::ActionItem, &action_keys, previous);
    decisions.extend(action_decisions);
    let mut action_items: Vec<ActionItem> = action_groups
        .iter()
        .filter_map(|group| {
            let members: Vec<&ActionItem> = actions_in
                .iter()
                .filter(|a| group.contains(&a.id.uuid()))
                .collect();
            let first = *members.first()?;
            let owners: Vec<&str> = members.iter().map(|a| a.owner.as_str()).collect();
            Some(ActionItem {
                owner: distinct(owners).join(", "),
                // The earliest date wins; "by the next meeting" over "open".
                due: members
                    .iter()
                    .map(|a| a.due)
                    .min_by_key(|due| match due {
                        Due::On(date) => (0, Some(*date)),
                        Due::NextMeeting => (1, None),
                        Due::Open => (2, None),
                    })
                    .unwrap_or_default(),
                // Done only when every copy is done.
                status: members
                    .iter()
                    .map(|a| a.status)
                    .min_by_key(|s| match s {
                        ActionStatus::Open => 0,
                        ActionStatus::InProgress => 1,
                        ActionStatus::Done => 2,
                        ActionStatus::Dropped => 3,
                    })
                    .unwrap_or_default(),
                ..first.clone()
            })
        })
        .collect();

    let next_meeting = inputs
        .iter()
        .rev()
        .find_map(|i| i.session.next_meeting.clone());
    let notes = inputs
        .iter()
        .filter(|i| !i.session.notes.trim().is_empty())
        .map(|i| format!("{}:\n{}", i.session.meta.title, i.session.notes.trim()))
        .collect::<Vec<_>>()
        .join("\n\n");
    let sources = inputs
        .iter()
        .map(|i| SourceSession {
            id: i.session.id,
            title: i.session.meta.title.clone(),
            dates: i.session.meta.dates.clone(),
            path: i.folder.clone(),
            absolute: i.absolute.clone(),
        })
        .collect();
    for photo in &mut photos {
        photo.link = photo.link.map(|link| moved.photo_link(link));
    }
    for result in &mut results {
        result.source = result.source.map(|link| moved.source(link));
    }
    for item in &mut action_items {
        item.source = item.source.map(|link| moved.source(link));
    }
    let session = Session {
        schema_version: SCHEMA_VERSION,
        id: SessionId(derived_id(
            inputs.iter().map(|i| i.session.id.uuid()),
            "consolidation",
        )),
        meta,
        agenda,
        boards,
        reflection,
        photos,
        results,
        action_items,
        next_meeting,
        notes,
        provenance: Some(Provenance {
            sources,
            origins,
            decisions,
        }),
    };
    Consolidation {
        session,
        photos: copies,
    }
}
