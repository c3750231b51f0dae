//! Every change to a board, as a named edit: cards, clusters, dots, the board's settings.
//! No GUI code here.

use std::collections::BTreeSet;

use super::cards::{delete_cards, dissolve, duplicate_cards, group, nudge, update_membership};
use super::votes;
use crate::board::{Axes, Board, Card, CardColour, CardShape, Cluster};
use crate::fields::{set, set_text};
use crate::ids::{AgendaItemId, BoardId, CardId, ClusterId};
use crate::session::Session;
use crate::session::limits::{self, CARD_TEXT, SHORT_TEXT};
use crate::session::references::Gone;

/// A text field of a board.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoardText {
    Title,
    Question,
}

/// A label of a board's axes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AxisText {
    XLow,
    XHigh,
    YLow,
    YHigh,
    /// Top left, top right, bottom left, bottom right.
    Quadrant(usize),
}

pub use super::votes::VoteTarget;

/// A change to the boards.
#[derive(Clone, Debug, PartialEq)]
pub enum BoardEdit {
    AddBoard(Board),
    /// Removes a board (and every reference to it and its clusters).
    RemoveBoard(BoardId),
    SetText(BoardId, BoardText, String),
    SetAgendaItem(BoardId, Option<AgendaItemId>),
    /// Axes on or off (with default labels when on).
    SetAxes(BoardId, Option<Axes>),
    SetAxisText(BoardId, AxisText, String),
    SetDotsPerPerson(BoardId, u32),
    /// Adds a card where it says (see [`BoardEdit::add_card`] for a free place).
    AddCard(BoardId, Card),
    DeleteCards(BoardId, BTreeSet<CardId>),
    /// Copies cards: each original with the id of its copy.
    DuplicateCards(BoardId, Vec<(CardId, CardId)>),
    /// Moves cards by an offset in wall units; after a drag (`regroup`), a card dropped on
    /// another cluster joins it and one dropped outside its own leaves.
    MoveCards {
        board: BoardId,
        cards: BTreeSet<CardId>,
        dx: f32,
        dy: f32,
        regroup: bool,
    },
    SetCardText(BoardId, CardId, String),
    SetCardAuthor(BoardId, CardId, String),
    SetCardShape(BoardId, CardId, CardShape),
    SetCardColour(BoardId, BTreeSet<CardId>, CardColour),
    /// Groups cards into a new cluster (taking them out of any other).
    Group {
        board: BoardId,
        cluster: ClusterId,
        cards: BTreeSet<CardId>,
        fallback_title: String,
    },
    /// Groups cards where they are, moving none (cards read off a photo hang where they
    /// hung).
    GroupInPlace {
        board: BoardId,
        cluster: ClusterId,
        cards: BTreeSet<CardId>,
        fallback_title: String,
    },
    Dissolve(BoardId, ClusterId),
    /// Puts cards into an existing cluster (taking them out of any other).
    JoinCluster {
        board: BoardId,
        cluster: ClusterId,
        cards: BTreeSet<CardId>,
    },
    /// Moves cards apart: none on another, none in a cluster it does not belong to, none on
    /// a label; each keeps its quadrant (see `tidy`).
    Tidy(BoardId),
    SetClusterTitle(BoardId, ClusterId, String),
    SetClusterColour(BoardId, ClusterId, CardColour),
    SetClusterCollapsed(BoardId, ClusterId, bool),
    /// A dot more (within the budget) or less.
    Vote {
        board: BoardId,
        target: VoteTarget,
        add: bool,
    },
    /// A dot from a participant's phone, or one taken back: the server held that phone's
    /// budget, so the board-wide count of the laptop does not apply; counted as a phone dot.
    PhoneDot {
        board: BoardId,
        target: VoteTarget,
        add: bool,
    },
}

/// Puts cards at new positions (wall coordinates).
fn place(board: &mut Board, moves: super::tidy::Moves) {
    let index: rustc_hash::FxHashMap<CardId, usize> = board
        .cards
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id, i))
        .collect();
    for (id, x, y) in moves {
        if let Some(card) = index.get(&id).map(|i| &mut board.cards[*i]) {
            card.x = limits::clamp_position(x);
            card.y = limits::clamp_position(y);
        }
    }
}

impl BoardEdit {
    /// A new card in free space on a board: near `near` (where the moderator is looking,
    /// in wall coordinates) when given.
    pub fn add_card(
        board: &Board,
        id: CardId,
        text: &str,
        author: &str,
        look: (CardColour, CardShape),
        near: Option<(f32, f32)>,
    ) -> Self {
        BoardEdit::AddCard(
            board.id,
            super::cards::new_card(board, id, text, author, look, near),
        )
    }

    /// Applies the edit; returns whether anything changed.
    pub fn apply(self, session: &mut Session) -> bool {
        match self {
            edit @ (BoardEdit::AddBoard(_)
            | BoardEdit::RemoveBoard(_)
            | BoardEdit::SetText(..)
            | BoardEdit::SetAgendaItem(..)
            | BoardEdit::SetAxes(..)
            | BoardEdit::SetAxisText(..)
            | BoardEdit::SetDotsPerPerson(..)) => edit.apply_to_board(session),
            edit @ (BoardEdit::AddCard(..)
            | BoardEdit::DeleteCards(..)
            | BoardEdit::DuplicateCards(..)
            | BoardEdit::MoveCards { .. }
            | BoardEdit::SetCardText(..)
            | BoardEdit::SetCardAuthor(..)
            | BoardEdit::SetCardShape(..)
            | BoardEdit::SetCardColour(..)) => edit.apply_to_cards(session),
            edit => edit.apply_to_clusters(session),
        }
    }

    /// Boards and their settings.
    fn apply_to_board(self, session: &mut Session) -> bool {
        match self {
            BoardEdit::AddBoard(board) => {
                session.boards.push(board);
                true
            }
            BoardEdit::RemoveBoard(id) => {
                let Some(index) = session.boards.iter().position(|b| b.id == id) else {
                    return false;
                };
                let board = session.boards.remove(index);
                session.forget(Gone::Board(id));
                for cluster in &board.clusters {
                    session.forget(Gone::Cluster(cluster.id));
                }
                true
            }
            BoardEdit::SetText(id, field, text) => {
                let Some(board) = board(session, id) else {
                    return false;
                };
                let slot = match field {
                    BoardText::Title => &mut board.title,
                    BoardText::Question => &mut board.question,
                };
                set_text(Some(slot), text, SHORT_TEXT)
            }
            BoardEdit::SetAgendaItem(id, item) => {
                set(board(session, id).map(|b| &mut b.agenda_item), item)
            }
            BoardEdit::SetAxes(id, axes) => set(board(session, id).map(|b| &mut b.axes), axes),
            BoardEdit::SetAxisText(id, which, text) => {
                let Some(axes) = board(session, id).and_then(|b| b.axes.as_mut()) else {
                    return false;
                };
                let slot = match which {
                    AxisText::XLow => Some(&mut axes.x.low),
                    AxisText::XHigh => Some(&mut axes.x.high),
                    AxisText::YLow => Some(&mut axes.y.low),
                    AxisText::YHigh => Some(&mut axes.y.high),
                    AxisText::Quadrant(n) => axes
                        .quadrants
                        .get_or_insert_with(Default::default)
                        .get_mut(n),
                };
                set_text(slot, text, SHORT_TEXT)
            }
            BoardEdit::SetDotsPerPerson(id, dots) => {
                let dots = dots.min(limits::MAX_DOTS_PER_PERSON);
                set(board(session, id).map(|b| &mut b.dots_per_person), dots)
            }
            _ => false,
        }
    }

    /// Cards: added, deleted, copied, moved, their texts and looks.
    fn apply_to_cards(self, session: &mut Session) -> bool {
        match self {
            BoardEdit::AddCard(id, mut card) => match board(session, id) {
                Some(board) => {
                    card.text = limits::clip(card.text, CARD_TEXT);
                    card.author = limits::clip(card.author, SHORT_TEXT);
                    card.x = limits::clamp_position(card.x);
                    card.y = limits::clamp_position(card.y);
                    card.votes = card.votes.min(limits::MAX_VOTES);
                    board.cards.push(card);
                    true
                }
                None => false,
            },
            BoardEdit::DeleteCards(id, cards) => with_clusters_kept(session, id, |board| {
                let before = board.cards.len();
                delete_cards(board, &cards);
                board.cards.len() != before
            }),
            BoardEdit::DuplicateCards(id, pairs) => {
                board(session, id).is_some_and(|board| duplicate_cards(board, &pairs) > 0)
            }
            BoardEdit::MoveCards {
                board: id,
                cards,
                dx,
                dy,
                regroup,
            } => {
                if !dx.is_finite() || !dy.is_finite() {
                    return false;
                }
                with_clusters_kept(session, id, |board| {
                    nudge(board, &cards, dx, dy);
                    if regroup {
                        let dropped: Vec<CardId> = cards.iter().copied().collect();
                        update_membership(board, &dropped);
                    }
                    (dx != 0.0 || dy != 0.0) && !cards.is_empty()
                })
            }
            BoardEdit::SetCardText(id, card, text) => set_text(
                card_mut(session, id, card).map(|c| &mut c.text),
                text,
                CARD_TEXT,
            ),
            BoardEdit::SetCardAuthor(id, card, author) => {
                let author = limits::clip(author, SHORT_TEXT);
                set(card_mut(session, id, card).map(|c| &mut c.author), author)
            }
            BoardEdit::SetCardShape(id, card, shape) => {
                set(card_mut(session, id, card).map(|c| &mut c.shape), shape)
            }
            BoardEdit::SetCardColour(id, cards, colour) => {
                let Some(board) = board(session, id) else {
                    return false;
                };
                let mut changed = false;
                for card in board.cards.iter_mut().filter(|c| cards.contains(&c.id)) {
                    changed |= set(Some(&mut card.colour), colour);
                }
                changed
            }
            _ => false,
        }
    }

    /// Clusters, tidying and dots.
    fn apply_to_clusters(self, session: &mut Session) -> bool {
        let participants = session.meta.participants.len();
        match self {
            BoardEdit::Group {
                board: id,
                cluster,
                cards,
                fallback_title,
            } => with_clusters_kept(session, id, |board| {
                let grouped = group(board, cluster, &cards, &fallback_title).is_some();
                // Cards gathered from across the board do not leave an outline that swallows
                // the cards between them. On a positioning board a card's place is its
                // answer: there nothing moves, the outline is drawn where the cards are.
                if grouped && board.axes.is_none() {
                    place(board, super::tidy::gather(board, cluster));
                }
                grouped
            }),
            BoardEdit::GroupInPlace {
                board: id,
                cluster,
                cards,
                fallback_title,
            } => with_clusters_kept(session, id, |board| {
                group(board, cluster, &cards, &fallback_title).is_some()
            }),
            BoardEdit::Tidy(id) => board(session, id).is_some_and(|board| {
                let moves = super::tidy::tidy(board);
                let changed = !moves.is_empty();
                place(board, moves);
                changed
            }),
            BoardEdit::JoinCluster {
                board: id,
                cluster,
                cards,
            } => with_clusters_kept(session, id, |board| {
                if board.cluster(cluster).is_none() {
                    return false;
                }
                let cards: Vec<CardId> = cards
                    .into_iter()
                    .filter(|c| board.card(*c).is_some())
                    .collect();
                for other in board.clusters.iter_mut().filter(|c| c.id != cluster) {
                    other.cards.retain(|c| !cards.contains(c));
                }
                board
                    .clusters
                    .retain(|c| !c.cards.is_empty() || c.id == cluster);
                let Some(target) = board.clusters.iter_mut().find(|c| c.id == cluster) else {
                    return false;
                };
                let before = target.cards.len();
                for card in cards {
                    if !target.cards.contains(&card) {
                        target.cards.push(card);
                    }
                }
                target.cards.len() != before
            }),
            BoardEdit::Dissolve(id, cluster) => with_clusters_kept(session, id, |board| {
                let before = board.clusters.len();
                dissolve(board, cluster);
                board.clusters.len() != before
            }),
            BoardEdit::SetClusterTitle(id, cluster, title) => set(
                cluster_mut(session, id, cluster).map(|c| &mut c.title),
                title,
            ),
            BoardEdit::SetClusterColour(id, cluster, colour) => set(
                cluster_mut(session, id, cluster).map(|c| &mut c.colour),
                colour,
            ),
            BoardEdit::SetClusterCollapsed(id, cluster, is_collapsed) => set(
                cluster_mut(session, id, cluster).map(|c| &mut c.is_collapsed),
                is_collapsed,
            ),
            BoardEdit::Vote {
                board: id,
                target,
                add,
            } => board(session, id).is_some_and(|board| match (target, add) {
                (VoteTarget::Card(card), true) => votes::vote_card(board, card, participants),
                (VoteTarget::Cluster(cluster), true) => {
                    votes::vote_cluster(board, cluster, participants)
                }
                (VoteTarget::Card(card), false) => votes::unvote_card(board, card),
                (VoteTarget::Cluster(cluster), false) => votes::unvote_cluster(board, cluster),
            }),
            BoardEdit::PhoneDot {
                board: id,
                target,
                add,
            } => board(session, id).is_some_and(|board| votes::phone_dot(board, target, add)),
            _ => false,
        }
    }
}

/// Changes a board; clusters the change left empty (and so removed) are forgotten
/// everywhere they were named (photo links, sources of results). Returns what `change`
/// says about whether anything changed.
fn with_clusters_kept(
    session: &mut Session,
    id: BoardId,
    change: impl FnOnce(&mut Board) -> bool,
) -> bool {
    let Some(board) = board(session, id) else {
        return false;
    };
    let before: Vec<ClusterId> = board.clusters.iter().map(|c| c.id).collect();
    let changed = change(board);
    let gone: Vec<ClusterId> = before
        .into_iter()
        .filter(|c| board.cluster(*c).is_none())
        .collect();
    for cluster in gone {
        session.forget(Gone::Cluster(cluster));
    }
    changed
}

fn board(session: &mut Session, id: BoardId) -> Option<&mut Board> {
    session.boards.iter_mut().find(|b| b.id == id)
}

fn card_mut(session: &mut Session, board_id: BoardId, card: CardId) -> Option<&mut Card> {
    board(session, board_id)?
        .cards
        .iter_mut()
        .find(|c| c.id == card)
}

fn cluster_mut(
    session: &mut Session,
    board_id: BoardId,
    cluster: ClusterId,
) -> Option<&mut Cluster> {
    board(session, board_id)?
        .clusters
        .iter_mut()
        .find(|c| c.id == cluster)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::board::cards::{add_card, group};

    fn board() -> Board {
        let mut b = Board {
            id: BoardId::generate(),
            ..Board::default()
        };
        for text in ["Offene Daten", "Transparenz", "Beteiligung"] {
            add_card(
                &mut b,
                text,
                "Stadt Nordheim",
                CardColour::Yellow,
                CardShape::Card,
            );
        }
        b
    }

    #[test]
    fn grouping_gathers_cards_but_never_moves_them_on_a_positioning_board() {
        use crate::board::Axes;
        use crate::session::Session;
        for has_axes in [false, true] {
            let mut s = Session::create("Werkstatt");
            let mut b = board();
            // The first and the last card far apart, the middle one between them.
            b.cards[0].x = 0.05;
            b.cards[2].x = 0.95;
            b.cards[1].x = 0.5;
            for card in &mut b.cards {
                card.y = 0.5;
            }
            if has_axes {
                b.axes = Some(Axes::default());
            }
            let ids: BTreeSet<CardId> = [b.cards[0].id, b.cards[2].id].into();
            let (board_id, before) = (b.id, b.cards.clone());
            s.boards.push(b);
            let edit = BoardEdit::Group {
                board: board_id,
                cluster: ClusterId::generate(),
                cards: ids,
                fallback_title: "Daten".into(),
            };
            assert!(edit.apply(&mut s));
            let moved = s.boards[0]
                .cards
                .iter()
                .zip(&before)
                .any(|(a, b)| (a.x - b.x).abs() > 1e-6 || (a.y - b.y).abs() > 1e-6);
            assert_eq!(moved, !has_axes, "axes: {has_axes}");
        }
    }

    #[test]
    fn removing_a_board_or_a_cluster_cleans_every_reference_to_it() {
        use crate::ids::{ActionItemId, PhotoId};
        use crate::photos::{Photo, PhotoLink};
        use crate::results::{ActionItem, SourceLink};
        use crate::session::Session;
        let mut s = Session::create("Werkstatt");
        let mut b = board();
        let ids: BTreeSet<CardId> = [b.cards[0].id, b.cards[1].id].into();
        let cluster = group(&mut b, ClusterId::generate(), &ids, "Daten").unwrap();
        let board_id = b.id;
        s.boards.push(b);
        let photo = |link| Photo {
            id: PhotoId::generate(),
            path: "photos/a.jpg".into(),
            link: Some(link),
            ..Photo::default()
        };
        s.photos.push(photo(PhotoLink::Cluster(cluster)));
        s.photos.push(photo(PhotoLink::Board(board_id)));
        s.action_items.push(ActionItem {
            id: ActionItemId::generate(),
            source: Some(SourceLink::Cluster(cluster)),
            ..ActionItem::default()
        });
        // Deleting a cluster's cards takes the cluster, and its references, with them.
        assert!(BoardEdit::DeleteCards(board_id, ids).apply(&mut s));
        assert!(s.boards[0].clusters.is_empty());
        assert_eq!(s.photos[0].link, None);
        assert_eq!(s.action_items[0].source, None);
        assert_eq!(s.photos[1].link, Some(PhotoLink::Board(board_id)));
        assert!(BoardEdit::RemoveBoard(board_id).apply(&mut s));
        assert!(s.boards.is_empty());
        assert_eq!(
            s.photos[1].link, None,
            "no photo links to a board that is gone"
        );
    }

    #[test]
    fn dissolving_a_cluster_keeps_its_cards_and_drops_links_to_it() {
        use crate::ids::ResultId;
        use crate::results::{Decision, SourceLink};
        use crate::session::Session;
        let mut s = Session::create("Werkstatt");
        let mut b = board();
        let ids: BTreeSet<CardId> = [b.cards[0].id, b.cards[1].id].into();
        let cluster = group(&mut b, ClusterId::generate(), &ids, "Daten").unwrap();
        let board_id = b.id;
        s.boards.push(b);
        s.results.push(Decision {
            id: ResultId::generate(),
            source: Some(SourceLink::Cluster(cluster)),
            ..Decision::default()
        });
        assert!(BoardEdit::Dissolve(board_id, cluster).apply(&mut s));
        assert_eq!(s.boards[0].cards.len(), 3);
        assert_eq!(s.results[0].source, None);
    }
}
