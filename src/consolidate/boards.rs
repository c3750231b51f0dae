//! The boards of a consolidation: boards with the same title become one; on it, cards with
//! the same text become one card that keeps every author and source, and clusters merge by
//! the plan (equal titles by rule, similar ones by the facilitator's decision).
//!
//! On a positioning board a card's place is its answer: cards merge only when they say the
//! same at the same place, so no answer is moved or lost. Dots are counted once per card:
//! the same card copied into two sessions keeps its dots once (the most any copy has),
//! while the same words written on two walls add up. Where copies of one card or cluster
//! disagree, the difference is recorded as a conflict.

use std::collections::{BTreeMap, HashMap};

use uuid::Uuid;

use super::conflicts::{Recorder, Versions};
use super::merge::{Mergeable, derived_id, plan_merges};
use super::{Input, Moved, Sources};
use crate::board::{Board, Card, CardShape, Cluster, layout};
use crate::ids::{BoardId, CardId, ClusterId, SessionId};
use crate::session::limits;
use crate::session::{ConflictField, ConflictKind, Kept, MergeDecision, MergeKind, Value};
use crate::text::normalise;

/// Cards on a positioning board are one answer only this close (a share of the wall).
const SAME_PLACE: f32 = 0.02;

/// Dots per original element: the most any copy of it has.
#[derive(Default)]
struct Dots(HashMap<Uuid, HashMap<Uuid, u32>>);

impl Dots {
    fn add(&mut self, kept: Uuid, original: Uuid, votes: u32) {
        let best = self.0.entry(kept).or_default().entry(original).or_default();
        *best = (*best).max(votes);
    }

    /// The dots of a kept element; a total beyond what one card may hold is kept as such
    /// here, and the result refused as a whole with a message (never cut silently).
    fn total(&self, kept: Uuid) -> u32 {
        let total = self.0.get(&kept).map_or(0, |by_original| {
            crate::board::dots_total(0, by_original.values().copied())
        });
        u32::try_from(total).unwrap_or(u32::MAX)
    }
}

/// A card as one source has it, for telling copies apart.
#[derive(Clone, PartialEq)]
struct CardSeen {
    text: String,
    /// Along and up the axes in percent, on a positioning board.
    position: Option<(f32, f32)>,
    votes: u32,
    colour: crate::board::CardColour,
    author: String,
}

/// A board being merged, and what its sources said about it.
struct Merging {
    boards: Vec<Board>,
    dots: Dots,
    /// Of those dots, the ones given from phones, counted the same way.
    phone_dots: Dots,
    /// Kept cards by board and normalised text (several on a positioning board).
    same_text: BTreeMap<(usize, String, bool), Vec<CardId>>,
    cards: Versions<CardSeen>,
    /// Each merged board's question and axes, as each source has them.
    settings: Versions<(String, Option<crate::board::Axes>)>,
}

/// Merges the boards of the inputs (in their order); the decisions on clusters are planned
/// with the earlier ones.
pub(super) fn merge_boards(
    inputs: &[&Input],
    previous: &[MergeDecision],
    originals: &HashMap<Uuid, Uuid>,
    sources: &mut Sources,
    moved: &mut Moved,
    recorder: &mut Recorder<'_>,
) -> (Vec<Board>, Vec<MergeDecision>) {
    let original = |id: Uuid| originals.get(&id).copied().unwrap_or(id);
    let mut merging = Merging {
        boards: Vec::new(),
        dots: Dots::default(),
        phone_dots: Dots::default(),
        same_text: BTreeMap::new(),
        cards: Versions::default(),
        settings: Versions::default(),
    };
    let mut all_clusters: Vec<Mergeable> = Vec::new();
    let mut cluster_source: BTreeMap<Uuid, (usize, Cluster, SessionId)> = BTreeMap::new();
    for input in inputs {
        let session = input.session.id;
        for board in &input.session.boards {
            let index = merging.board_for(board, session);
            sources.note(board.id.uuid(), session);
            moved.boards.insert(board.id, merging.boards[index].id);
            for card in &board.cards {
                merging.card(
                    index,
                    card,
                    original(card.id.uuid()),
                    session,
                    (sources, moved),
                );
            }
            for cluster in &board.clusters {
                sources.note(cluster.id.uuid(), session);
                all_clusters.push((cluster.id.uuid(), index, cluster.title.clone()));
                cluster_source.insert(cluster.id.uuid(), (index, cluster.clone(), session));
            }
        }
    }
    let Merging {
        mut boards,
        dots,
        phone_dots,
        cards,
        settings,
        ..
    } = merging;
    for board in &mut boards {
        for card in &mut board.cards {
            card.votes = dots.total(card.id.uuid());
            card.phone_votes = phone_dots.total(card.id.uuid()).min(card.votes);
        }
    }
    record_card_conflicts(&cards, recorder);
    record_board_conflicts(&settings, &boards, recorder);
    // The board is the scope: clusters only merge within one board.
    let (groups, decisions) = plan_merges(MergeKind::Cluster, &all_clusters, previous);
    let names = |id: &Uuid| {
        cluster_source
            .get(id)
            .map(|(_, c, s)| (c.title.clone(), *s))
    };
    let decisions = super::merge::named(decisions, &names);
    let placed = ClusterPlan {
        groups: &groups,
        cluster_source: &cluster_source,
        original: &original,
    };
    placed.build(&mut boards, sources, moved, recorder);
    (boards, decisions)
}

impl Merging {
    /// The merged board for a source's board (one per title), noting what the source says
    /// about its question and axes.
    fn board_for(&mut self, board: &Board, session: SessionId) -> usize {
        let key = normalise(&board.title);
        let index = match self.boards.iter().position(|b| normalise(&b.title) == key) {
            Some(index) => index,
            None => {
                self.boards.push(Board {
                    id: BoardId(derived_id([board.id.uuid()], "board")),
                    title: board.title.clone(),
                    question: board.question.clone(),
                    agenda_item: board.agenda_item,
                    axes: board.axes.clone(),
                    dots_per_person: board.dots_per_person,
                    ..Board::default()
                });
                self.boards.len() - 1
            }
        };
        let merged = self.boards[index].id.uuid();
        let said = (board.question.trim().to_owned(), board.axes.clone());
        self.settings
            .file(merged, merged, said, session, |a, b| a == b);
        index
    }

    /// A source's card: merged into a kept card that says the same (at the same place, on
    /// a positioning board), or kept as a card of its own.
    fn card(
        &mut self,
        index: usize,
        card: &Card,
        original: Uuid,
        session: SessionId,
        (sources, moved): (&mut Sources, &mut Moved),
    ) {
        let on_axes = self.boards[index].axes.is_some();
        let text = normalise(&card.text);
        let heading = card.shape == CardShape::Heading;
        let key = (index, text.clone(), heading);
        let kept = (!text.is_empty())
            .then(|| self.same_text.get(&key))
            .flatten()
            .and_then(|candidates| {
                candidates.iter().copied().find(|id| {
                    !on_axes
                        || self.boards[index].card(*id).is_some_and(|c| {
                            (c.x - card.x).abs() <= SAME_PLACE && (c.y - card.y).abs() <= SAME_PLACE
                        })
                })
            });
        let kept_id = match kept {
            Some(kept) => {
                moved.cards.insert(card.id, kept);
                sources.also(kept.uuid(), session);
                if let Some(merged) = self.boards[index].cards.iter_mut().find(|c| c.id == kept) {
                    add_author(merged, &card.author);
                }
                kept
            }
            None => {
                if !text.is_empty() {
                    self.same_text.entry(key).or_default().push(card.id);
                }
                self.boards[index].cards.push(card.clone());
                sources.note(card.id.uuid(), session);
                card.id
            }
        };
        self.dots.add(kept_id.uuid(), original, card.votes);
        self.phone_dots
            .add(kept_id.uuid(), original, card.phone_votes);
        let seen = CardSeen {
            text: card.text.trim().to_owned(),
            position: on_axes.then(|| layout::axis_values(card)),
            votes: card.votes,
            colour: card.colour,
            author: card.author.trim().to_owned(),
        };
        self.cards
            .file(original, kept_id.uuid(), seen, session, |_, _| false);
    }
}

/// What copies of one card disagree about, and what was kept.
fn record_card_conflicts(cards: &Versions<CardSeen>, recorder: &mut Recorder<'_>) {
    for shared in cards.shared() {
        let Some(first) = shared.first() else {
            continue;
        };
        let what = (ConflictKind::Card, first.content.text.as_str());
        recorder.field(what, shared, ConflictField::Text, Kept::Both, |c| {
            Value::Text(c.text.clone())
        });
        recorder.field(what, shared, ConflictField::Position, Kept::Both, |c| {
            c.position
                .map_or(Value::Missing, |(x, y)| Value::Position(x, y))
        });
        recorder.field(what, shared, ConflictField::Dots, Kept::Most, |c| {
            Value::Number(i64::from(c.votes))
        });
        recorder.field(what, shared, ConflictField::Colour, Kept::First, |c| {
            Value::Colour(c.colour)
        });
        recorder.field(what, shared, ConflictField::Author, Kept::Joined, |c| {
            Value::Text(c.author.clone())
        });
    }
}

/// Boards of one title whose sources ask another question or use other axes.
fn record_board_conflicts(
    settings: &Versions<(String, Option<crate::board::Axes>)>,
    boards: &[Board],
    recorder: &mut Recorder<'_>,
) {
    for shared in settings.shared() {
        let Some(first) = shared.first() else {
            continue;
        };
        let title = boards
            .iter()
            .find(|b| b.id.uuid() == first.id)
            .map(|b| b.title.clone())
            .unwrap_or_default();
        let what = (ConflictKind::Board, title.as_str());
        recorder.field(what, shared, ConflictField::Question, Kept::First, |s| {
            Value::Text(s.0.clone())
        });
        recorder.field(what, shared, ConflictField::Axes, Kept::First, |s| {
            Value::Text(s.1.as_ref().map_or(String::new(), |a| {
                format!(
                    "{} \u{2194} {}, {} \u{2195} {}",
                    a.x.low, a.x.high, a.y.low, a.y.high
                )
            }))
        });
    }
}

/// The clusters of the merged boards, as the plan groups them.
struct ClusterPlan<'a> {
    groups: &'a [Vec<Uuid>],
    cluster_source: &'a BTreeMap<Uuid, (usize, Cluster, SessionId)>,
    original: &'a dyn Fn(Uuid) -> Uuid,
}

impl ClusterPlan<'_> {
    fn build(
        &self,
        boards: &mut [Board],
        sources: &mut Sources,
        moved: &mut Moved,
        recorder: &mut Recorder<'_>,
    ) {
        let mut seen: Versions<(String, u32)> = Versions::default();
        for group in self.groups {
            let members: Vec<&(usize, Cluster, SessionId)> = group
                .iter()
                .filter_map(|id| self.cluster_source.get(id))
                .collect();
            let Some(&(board_index, ref first, _)) = members.first().copied() else {
                continue;
            };
            let id = if members.len() == 1 {
                first.id
            } else {
                ClusterId(derived_id(group.iter().copied(), "cluster"))
            };
            let mut cards = Vec::new();
            let mut cluster_dots = Dots::default();
            let mut cluster_phone_dots = Dots::default();
            for (_, cluster, session) in &members {
                moved.clusters.insert(cluster.id, id);
                if cluster.id != id {
                    sources.also(id.uuid(), *session);
                }
                let original = (self.original)(cluster.id.uuid());
                cluster_dots.add(id.uuid(), original, cluster.votes);
                cluster_phone_dots.add(id.uuid(), original, cluster.phone_votes);
                let said = (cluster.title.trim().to_owned(), cluster.votes);
                seen.file(original, id.uuid(), said, *session, |_, _| false);
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
            if let Some(board) = boards.get_mut(board_index) {
                board.clusters.push(Cluster {
                    id,
                    title: first.title.clone(),
                    colour: first.colour,
                    cards,
                    votes: cluster_dots.total(id.uuid()),
                    phone_votes: cluster_phone_dots
                        .total(id.uuid())
                        .min(cluster_dots.total(id.uuid())),
                    ..Cluster::default()
                });
            }
        }
        for shared in seen.shared() {
            let Some(first) = shared.first() else {
                continue;
            };
            let what = (ConflictKind::Cluster, first.content.0.as_str());
            // Titles that ended in one cluster were merged by rule or by decision.
            if shared.iter().any(|v| v.id != first.id) {
                recorder.field(what, shared, ConflictField::Title, Kept::Both, |c| {
                    Value::Text(c.0.clone())
                });
            }
            recorder.field(what, shared, ConflictField::Dots, Kept::Most, |c| {
                Value::Number(i64::from(c.1))
            });
        }
        // A card in two merged clusters stays in the first.
        for board in boards {
            let mut placed = std::collections::HashSet::new();
            for cluster in &mut board.clusters {
                cluster.cards.retain(|card| placed.insert(*card));
            }
            board.clusters.retain(|c| !c.cards.is_empty());
        }
    }
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
