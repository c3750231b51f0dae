//! Several sessions become one result. Every element keeps its id and remembers the session
//! it came from; boards with the same title become one board; clusters, action items and
//! results with equal titles (after normalisation) merge by rule, similar ones are proposed
//! to the facilitator, whose decisions are kept for the next run. The same inputs always give
//! the same output. No GUI code and no IO here: the caller reads the inputs and writes the result.

mod agenda;
mod boards;
mod conflicts;
mod ids;
mod merge;
mod meta;
mod outcomes;
pub mod place;
mod reflection;
pub mod run;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use uuid::Uuid;

use crate::ids::{AgendaItemId, BoardId, CardId, ClusterId, SessionId};
use crate::photos::PhotoLink;
use crate::results::SourceLink;
use crate::session::{MergeDecision, Provenance, SCHEMA_VERSION, Session, SourceSession};

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

pub use merge::similar;

use ids::with_unique_ids;
use merge::derived_id;

/// Where the boards, clusters and cards of the inputs went in the result.
#[derive(Default)]
struct Moved {
    boards: HashMap<BoardId, BoardId>,
    clusters: HashMap<ClusterId, ClusterId>,
    /// A card merged into another with the same text.
    cards: HashMap<CardId, CardId>,
    /// An agenda item of a day shown once for several sources: the item it is shown as.
    items: HashMap<AgendaItemId, AgendaItemId>,
}

impl Moved {
    fn board(&self, id: BoardId) -> BoardId {
        self.boards.get(&id).copied().unwrap_or(id)
    }

    fn cluster(&self, id: ClusterId) -> ClusterId {
        self.clusters.get(&id).copied().unwrap_or(id)
    }

    fn card(&self, id: CardId) -> CardId {
        self.cards.get(&id).copied().unwrap_or(id)
    }

    fn item(&self, id: AgendaItemId) -> AgendaItemId {
        self.items.get(&id).copied().unwrap_or(id)
    }

    fn photo_link(&self, link: PhotoLink) -> PhotoLink {
        match link {
            PhotoLink::AgendaItem(id) => PhotoLink::AgendaItem(self.item(id)),
            PhotoLink::Board(id) => PhotoLink::Board(self.board(id)),
            PhotoLink::Cluster(id) => PhotoLink::Cluster(self.cluster(id)),
        }
    }

    fn source(&self, link: SourceLink) -> SourceLink {
        match link {
            SourceLink::AgendaItem(id) => SourceLink::AgendaItem(self.item(id)),
            SourceLink::Board(id) => SourceLink::Board(self.board(id)),
            SourceLink::Cluster(id) => SourceLink::Cluster(self.cluster(id)),
        }
    }
}

/// Which session each element came from, and which further sessions had it too.
#[derive(Default)]
struct Sources {
    origins: BTreeMap<Uuid, SessionId>,
    also: BTreeMap<Uuid, Vec<SessionId>>,
}

impl Sources {
    fn note(&mut self, id: Uuid, from: SessionId) {
        self.origins.insert(id, from);
    }

    fn also(&mut self, id: Uuid, from: SessionId) {
        if self.origins.get(&id) == Some(&from) {
            return;
        }
        let list = self.also.entry(id).or_default();
        if !list.contains(&from) {
            list.push(from);
        }
    }

    fn origin(&self, id: Uuid) -> Option<SessionId> {
        self.origins.get(&id).copied()
    }
}

/// The distinct non-empty values, trimmed, in their first order.
fn distinct(values: Vec<&str>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    values
        .into_iter()
        .map(str::trim)
        .filter(|v| !v.is_empty() && seen.insert(v.to_owned()))
        .map(str::to_owned)
        .collect()
}

/// Consolidates sessions. `previous` holds the decisions of an earlier run (or is empty).
pub fn consolidate(inputs: &[Input], previous: &[MergeDecision]) -> Consolidation {
    // In a stable order (first date, title, id, folder), copies' shared ids renewed.
    let (owned, originals) = with_unique_ids(inputs);
    let inputs: Vec<&Input> = owned.iter().collect();
    let order: Vec<SessionId> = inputs.iter().map(|i| i.session.id).collect();
    let mut recorder = conflicts::Recorder {
        order: &order,
        conflicts: Vec::new(),
    };
    let mut sources = Sources::default();
    let mut moved = Moved::default();
    // "W1, W2": the short labels of sources, by their place in the sorted inputs.
    let labels = |from: &[usize]| {
        from.iter()
            .map(|n| format!("W{}", n + 1))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let meta = meta::merged_meta(&inputs, &mut sources);
    let agenda = agenda::merge_agenda(
        &inputs,
        &originals,
        &mut sources,
        &mut recorder,
        &mut moved.items,
    );
    let (boards, mut decisions) = boards::merge_boards(
        &inputs,
        previous,
        &originals,
        &mut sources,
        &mut moved,
        &mut recorder,
    );
    let reflection =
        reflection::merge_reflection(&inputs, &originals, &mut sources, &mut recorder, &labels);
    let (mut photos, copies) =
        outcomes::merge_photos(&inputs, &originals, &mut sources, &mut recorder);
    let (mut results, result_decisions) =
        outcomes::merge_results(&inputs, previous, &originals, &mut sources, &mut recorder);
    let (mut action_items, action_decisions) =
        outcomes::merge_actions(&inputs, previous, &mut sources, &mut recorder);
    decisions.extend(result_decisions);
    decisions.extend(action_decisions);
    let next_meeting = outcomes::next_meeting(&inputs, &mut recorder);
    let mut notes = Vec::new();
    for (n, input) in inputs.iter().enumerate() {
        outcomes::gather_text(&mut notes, &input.session.notes, n);
    }
    let notes = outcomes::labelled_texts(&notes, &labels);
    for photo in &mut photos {
        photo.link = photo.link.map(|link| moved.photo_link(link));
    }
    for result in &mut results {
        result.source = result.source.map(|link| moved.source(link));
    }
    for item in &mut action_items {
        item.source = item.source.map(|link| moved.source(link));
    }
    let mut boards = boards;
    for board in &mut boards {
        board.agenda_item = board.agenda_item.map(|id| moved.item(id));
    }
    let mut reflection = reflection;
    for dissent in &mut reflection.dissent {
        dissent.agenda_item = dissent.agenda_item.map(|id| moved.item(id));
    }
    let conflicts = recorder.conflicts;
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
            sources: inputs.iter().map(|i| source_session(i)).collect(),
            origins: sources.origins,
            also: sources.also,
            decisions,
            conflicts,
        }),
    };
    Consolidation {
        session,
        photos: copies,
    }
}

/// What a consolidation remembers of a source.
fn source_session(input: &Input) -> SourceSession {
    SourceSession {
        id: input.session.id,
        title: input.session.meta.title.clone(),
        dates: input.session.meta.dates.clone(),
        path: input.folder.clone(),
        absolute: input.absolute.clone(),
        location: input.session.meta.location.clone(),
    }
}

/// The titles of a session's clusters, action items and results, by id.
pub fn titles_by_id(session: &Session) -> std::collections::BTreeMap<uuid::Uuid, String> {
    let mut titles = std::collections::BTreeMap::new();
    for board in &session.boards {
        for cluster in &board.clusters {
            titles.insert(cluster.id.uuid(), cluster.title.clone());
        }
    }
    for item in &session.action_items {
        titles.insert(item.id.uuid(), item.title.clone());
    }
    for result in &session.results {
        titles.insert(result.id.uuid(), result.text.clone());
    }
    titles
}

/// The merge decisions that are the facilitator's to make or change: proposals, merges kept
/// apart, and merges chosen but not yet applied (their elements still carry two titles).
/// Merges by equal title, and merges already applied, are recorded as accepted as well.
pub fn facilitator_decisions(session: &Session) -> Vec<usize> {
    let Some(provenance) = &session.provenance else {
        return Vec::new();
    };
    let titles = titles_by_id(session);
    provenance
        .decisions
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            d.state != crate::session::DecisionState::Accepted
                || d.members
                    .iter()
                    .filter_map(|id| titles.get(id))
                    .collect::<std::collections::BTreeSet<_>>()
                    .len()
                    >= 2
        })
        .map(|(i, _)| i)
        .collect()
}
