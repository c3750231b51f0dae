//! The boards of a consolidation: boards with the same title become one; on it, cards with
//! the same text become one card that keeps every author and source, and clusters merge by
//! the plan (equal titles by rule, similar ones by the facilitator's decision).
//!
//! Dots are counted once per card: the same card copied into two sessions (a folder copied
//! for the second day) keeps its dots once, while the same words written on two walls add
//! up.

use std::collections::{BTreeMap, HashMap};

use uuid::Uuid;

use super::merge::{Mergeable, derived_id, plan_merges};
use super::{Input, Moved, Sources};
use crate::board::{Board, Card, CardShape, Cluster};
use crate::ids::{BoardId, CardId, ClusterId};
use crate::session::limits;
use crate::session::{MergeDecision, MergeKind};
use crate::text::normalise;

/// Dots per original element: the most any copy of it has.
#[derive(Default)]
struct Dots(HashMap<Uuid, HashMap<Uuid, u32>>);

impl Dots {
    fn add(&mut self, kept: Uuid, original: Uuid, votes: u32) {
        let best = self.0.entry(kept).or_default().entry(original).or_default();
        *best = (*best).max(votes);
    }

    fn total(&self, kept: Uuid) -> u32 {
        self.0
            .get(&kept)
            .map_or(0, |by_original| {
                by_original.values().fold(0u32, |a, b| a.saturating_add(*b))
            })
            .min(limits::MAX_VOTES)
    }
}

/// Merges the boards of the inputs (in their order); the decisions on clusters are planned
/// with the earlier ones.
pub(super) fn merge_boards(
    inputs: &[&Input],
    previous: &[MergeDecision],
    originals: &HashMap<Uuid, Uuid>,
    sources: &mut Sources,
    moved: &mut Moved,
) -> (Vec<Board>, Vec<MergeDecision>) {
    let original = |id: Uuid| originals.get(&id).copied().unwrap_or(id);
    let mut boards: Vec<Board> = Vec::new();
    let mut dots = Dots::default();
    // The kept card for a board and a text.
    let mut same_text: BTreeMap<(usize, String, bool), CardId> = BTreeMap::new();
    let mut all_clusters: Vec<Mergeable> = Vec::new();
    let mut cluster_source: BTreeMap<Uuid, (usize, Cluster)> = BTreeMap::new();
    for input in inputs {
        let session = input.session.id;
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
            sources.note(board.id.uuid(), session);
            moved.boards.insert(board.id, boards[index].id);
            for card in &board.cards {
                let text = normalise(&card.text);
                let heading = card.shape == CardShape::Heading;
                let kept = (!text.is_empty())
                    .then(|| same_text.get(&(index, text.clone(), heading)).copied())
                    .flatten();
                match kept {
                    Some(kept) => {
                        moved.cards.insert(card.id, kept);
                        sources.also(kept.uuid(), session);
                        let merged = boards[index]
                            .cards
                            .iter_mut()
                            .find(|c| c.id == kept)
                            .expect("the kept card is on its board");
                        add_author(merged, &card.author);
                        dots.add(kept.uuid(), original(card.id.uuid()), card.votes);
                    }
                    None => {
                        if !text.is_empty() {
                            same_text.insert((index, text, heading), card.id);
                        }
                        boards[index].cards.push(card.clone());
                        sources.note(card.id.uuid(), session);
                        dots.add(card.id.uuid(), original(card.id.uuid()), card.votes);
                    }
                }
            }
            for cluster in &board.clusters {
                sources.note(cluster.id.uuid(), session);
                all_clusters.push((cluster.id.uuid(), index, cluster.title.clone()));
                cluster_source.insert(cluster.id.uuid(), (index, cluster.clone()));
            }
        }
    }
    for board in &mut boards {
        for card in &mut board.cards {
            card.votes = dots.total(card.id.uuid());
        }
    }
    // The board is the scope: clusters only merge within one board.
    let (groups, decisions) = plan_merges(MergeKind::Cluster, &all_clusters, previous);
    for group in groups {
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
        let mut cluster_dots = Dots::default();
        for (_, cluster) in &members {
            moved.clusters.insert(cluster.id, id);
            if cluster.id != id
                && let Some(from) = sources.origin(cluster.id.uuid())
            {
                sources.also(id.uuid(), from);
            }
            cluster_dots.add(id.uuid(), original(cluster.id.uuid()), cluster.votes);
            for card in &cluster.cards {
                let card = moved.card(*card);
                if !cards.contains(&card) {
                    cards.push(card);
                }
            }
        }
        if id != first.id
            && let Some(from) = sources.origin(first.id.uuid())
        {
            sources.note(id.uuid(), from);
        }
        boards[board_index].clusters.push(Cluster {
            id,
            title: first.title.clone(),
            colour: first.colour,
            cards,
            votes: cluster_dots.total(id.uuid()),
            is_collapsed: false,
        });
    }
    // A card in two merged clusters stays in the first.
    for board in &mut boards {
        let mut placed = std::collections::HashSet::new();
        for cluster in &mut board.clusters {
            cluster.cards.retain(|card| placed.insert(*card));
        }
        board.clusters.retain(|c| !c.cards.is_empty());
    }
    (boards, decisions)
}

/// Adds an author to a merged card: "Stadt Nordheim, Landkreis Südtal".
fn add_author(card: &mut Card, author: &str) {
    let author = author.trim();
    if author.is_empty() || card.author.split(", ").any(|a| a == author) {
        return;
    }
    let joined = if card.author.trim().is_empty() {
        author.to_owned()
    } else {
        format!("{}, {author}", card.author)
    };
    card.author = limits::clip(joined, limits::SHORT_TEXT);
}
