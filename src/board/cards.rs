//! What happens to cards: placing, deleting and duplicating them, grouping them into
//! clusters, moving them in and out of clusters. The edits in `edit` are built from these.
//! No GUI code here.

use std::collections::BTreeSet;

use crate::board::layout::{self, CARD_H, CARD_W, GAP, WALL_H, WALL_W};
use crate::board::{Board, Card, CardColour, CardShape, Cluster};
use crate::ids::{CardId, ClusterId};
use crate::session::limits;

/// The cards as a person reads the wall: cluster by cluster from the left (each from its
/// top), then the loose cards row by row (a card's height to a row) from the top left.
/// Typing the cards of a photographed board follows this order.
pub fn reading_order(board: &Board) -> Vec<CardId> {
    let by_top = |a: &&Card, b: &&Card| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x));
    let cards_of = |cluster: &Cluster| -> Vec<&Card> {
        cluster
            .cards
            .iter()
            .filter_map(|id| board.card(*id))
            .collect()
    };
    let left = |cluster: &Cluster| {
        cards_of(cluster)
            .iter()
            .map(|c| c.x)
            .fold(f32::INFINITY, f32::min)
    };
    let mut clusters: Vec<&Cluster> = board.clusters.iter().collect();
    clusters.sort_by(|a, b| left(a).total_cmp(&left(b)));
    let mut seen = BTreeSet::new();
    let mut order = Vec::with_capacity(board.cards.len());
    for cluster in clusters {
        let mut cards = cards_of(cluster);
        cards.sort_by(by_top);
        order.extend(
            cards
                .into_iter()
                .map(|c| c.id)
                .filter(|id| seen.insert(*id)),
        );
    }
    let mut loose: Vec<&Card> = board
        .cards
        .iter()
        .filter(|c| !seen.contains(&c.id))
        .collect();
    let row = |c: &Card| (c.y * WALL_H / CARD_H).floor();
    loose.sort_by(|a, b| row(a).total_cmp(&row(b)).then(a.x.total_cmp(&b.x)));
    order.extend(loose.into_iter().map(|c| c.id));
    order
}

/// A new card at the first free place of a board for its size: on no other card, in no
/// cluster's outline, on no label of the wall.
pub fn new_card(
    board: &Board,
    id: CardId,
    text: &str,
    author: &str,
    (colour, shape): (CardColour, CardShape),
    near: Option<(f32, f32)>,
) -> Card {
    let mut card = Card {
        id,
        text: text.trim().to_owned(),
        author: author.trim().to_owned(),
        colour,
        shape,
        ..Card::default()
    };
    (card.x, card.y) = super::spots::free_spot(board, near, layout::card_size(&card));
    card
}

/// Adds a card at the first free place and returns its id.
pub fn add_card(
    board: &mut Board,
    text: &str,
    author: &str,
    colour: CardColour,
    shape: CardShape,
) -> CardId {
    let id = CardId::generate();
    let card = new_card(board, id, text, author, (colour, shape), None);
    board.cards.push(card);
    id
}

/// Removes cards, and removes them from their clusters; empty clusters go too.
pub fn delete_cards(board: &mut Board, ids: &BTreeSet<CardId>) {
    board.cards.retain(|c| !ids.contains(&c.id));
    for cluster in &mut board.clusters {
        cluster.cards.retain(|c| !ids.contains(c));
    }
    board.clusters.retain(|c| !c.cards.is_empty());
}

/// Copies cards (without their dots) just below and to the right, each original under the
/// id given with it; returns how many were copied.
pub fn duplicate_cards(board: &mut Board, pairs: &[(CardId, CardId)]) -> usize {
    let copies: Vec<Card> = pairs
        .iter()
        .filter_map(|(original, copy)| {
            let c = board.card(*original)?;
            Some(Card {
                id: *copy,
                x: c.x + (GAP * 2.0) / WALL_W,
                y: c.y + (GAP * 2.0) / WALL_H,
                votes: 0,
                ..c.clone()
            })
        })
        .collect();
    let count = copies.len();
    board.cards.extend(copies);
    count
}

/// Groups cards into a new cluster (taking them out of any other), named after a heading
/// card among them if there is one. Returns the cluster's id.
pub fn group(
    board: &mut Board,
    id: ClusterId,
    ids: &BTreeSet<CardId>,
    fallback_title: &str,
) -> Option<ClusterId> {
    let members: Vec<CardId> = board
        .cards
        .iter()
        .filter(|c| ids.contains(&c.id))
        .map(|c| c.id)
        .collect();
    if members.is_empty() {
        return None;
    }
    for cluster in &mut board.clusters {
        cluster.cards.retain(|c| !ids.contains(c));
    }
    board.clusters.retain(|c| !c.cards.is_empty());
    let heading = board
        .cards
        .iter()
        .find(|c| ids.contains(&c.id) && c.shape == CardShape::Heading);
    // A heading with no text yet (read off a photo) does not name the cluster.
    let title = heading
        .map(|h| h.text.trim())
        .filter(|text| !text.is_empty())
        .map_or_else(|| fallback_title.to_owned(), str::to_owned);
    let colour = heading
        .or_else(|| board.card(members[0]))
        .map(|c| c.colour)
        .unwrap_or_default();
    board.clusters.push(Cluster {
        id,
        title,
        colour,
        cards: members,
        ..Cluster::default()
    });
    Some(id)
}

/// Dissolves a cluster; its cards stay where they are.
pub fn dissolve(board: &mut Board, id: ClusterId) {
    board.clusters.retain(|c| c.id != id);
}

/// After cards were dragged: a card dropped inside another cluster's outline joins it; a card
/// dropped outside its own cluster leaves it.
pub fn update_membership(board: &mut Board, dropped: &[CardId]) {
    for &card_id in dropped {
        let Some(card) = board.card(card_id) else {
            continue;
        };
        let centre = layout::centre(card);
        let own = board.cluster_of(card_id).map(|c| c.id);
        // Outlines are computed without the dropped card, so it cannot drag its cluster along.
        let mut target = None;
        for cluster in &board.clusters {
            let others = Cluster {
                cards: cluster
                    .cards
                    .iter()
                    .copied()
                    .filter(|c| *c != card_id)
                    .collect(),
                ..cluster.clone()
            };
            if let Some(rect) = layout::cluster_rect(board, &others)
                && rect.contains(centre)
            {
                target = Some(cluster.id);
                break;
            }
        }
        if target == own {
            continue;
        }
        for cluster in &mut board.clusters {
            cluster.cards.retain(|c| *c != card_id);
            if Some(cluster.id) == target {
                cluster.cards.push(card_id);
            }
        }
        board.clusters.retain(|c| !c.cards.is_empty());
    }
}

/// Moves cards by an offset in wall units.
pub fn nudge(board: &mut Board, ids: &BTreeSet<CardId>, dx: f32, dy: f32) {
    for card in board.cards.iter_mut().filter(|c| ids.contains(&c.id)) {
        card.x = limits::clamp_position(card.x + dx / WALL_W);
        card.y = limits::clamp_position(card.y + dy / WALL_H);
    }
}

/// A spread of cards for tests and benchmarks: `n` cards in rows across and below the wall.
pub fn grid_of_cards(n: usize) -> Board {
    let mut board = Board {
        id: crate::ids::BoardId::generate(),
        title: "Benchmark".into(),
        ..Board::default()
    };
    let per_row = 40;
    for i in 0..n {
        let (col, row) = ((i % per_row) as f32, (i / per_row) as f32);
        board.cards.push(Card {
            id: CardId::generate(),
            text: format!("Karte {i}: Beteiligung früh ansetzen"),
            colour: CardColour::ALL[i % CardColour::ALL.len()],
            x: (CARD_W / 2.0 + col * (CARD_W + GAP)) / WALL_W,
            y: (CARD_H / 2.0 + row * (CARD_H + GAP)) / WALL_H,
            ..Card::default()
        });
    }
    board
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::BoardId;

    #[test]
    fn the_wall_reads_column_by_column_then_row_by_row() {
        let card = |x: f32, y: f32| Card {
            id: CardId::generate(),
            x,
            y,
            ..Card::default()
        };
        // A column on the right (listed first), one on the left, and three loose cards: two
        // in one row (slightly uneven), one below.
        let right = [card(0.7, 0.5), card(0.7, 0.2)];
        let left = [card(0.2, 0.6), card(0.2, 0.3)];
        let loose = [card(0.5, 0.91), card(0.4, 0.85), card(0.3, 0.88)];
        let mut b = Board::default();
        b.cards
            .extend(right.iter().chain(&left).chain(&loose).cloned());
        for column in [&right, &left] {
            b.clusters.push(Cluster {
                id: ClusterId::generate(),
                cards: column.iter().map(|c| c.id).collect(),
                ..Cluster::default()
            });
        }
        let ids = |cards: &[&Card]| cards.iter().map(|c| c.id).collect::<Vec<_>>();
        assert_eq!(
            reading_order(&b),
            ids(&[
                &left[1], &left[0], &right[1], &right[0], &loose[2], &loose[1], &loose[0]
            ])
        );
    }

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
    fn grouping_takes_a_heading_as_title_and_regrouping_moves_cards() {
        let mut b = board();
        let heading = add_card(
            &mut b,
            "Offenheit",
            "",
            CardColour::Pink,
            CardShape::Heading,
        );
        let ids: BTreeSet<CardId> = [b.cards[0].id, b.cards[1].id, heading].into();
        let cluster = group(&mut b, ClusterId::generate(), &ids, "Cluster").unwrap();
        assert_eq!(b.cluster(cluster).unwrap().title, "Offenheit");
        assert_eq!(b.cluster(cluster).unwrap().colour, CardColour::Pink);
        let regroup: BTreeSet<CardId> = [b.cards[1].id, b.cards[2].id].into();
        let second = group(&mut b, ClusterId::generate(), &regroup, "Neu").unwrap();
        assert_eq!(
            b.cluster(cluster).unwrap().cards.len(),
            2,
            "card 1 moved over"
        );
        assert_eq!(b.cluster(second).unwrap().title, "Neu");
        dissolve(&mut b, second);
        assert_eq!(b.clusters.len(), 1);
        assert_eq!(b.cards.len(), 4, "dissolving keeps the cards");
    }

    #[test]
    fn deleting_cards_cleans_up_clusters() {
        let mut b = board();
        let ids: BTreeSet<CardId> = [b.cards[0].id, b.cards[1].id].into();
        group(&mut b, ClusterId::generate(), &ids, "Daten");
        delete_cards(&mut b, &ids);
        assert_eq!(b.cards.len(), 1);
        assert!(b.clusters.is_empty());
    }

    #[test]
    fn a_card_dragged_out_leaves_and_one_dragged_in_joins() {
        let mut b = board();
        let (a, c) = (b.cards[0].id, b.cards[2].id);
        let members: BTreeSet<CardId> = [a, b.cards[1].id].into();
        let cluster = group(&mut b, ClusterId::generate(), &members, "Daten").unwrap();
        // Drag the third card onto the cluster.
        let target = layout::centre(b.card(a).unwrap());
        let card = b.cards.iter_mut().find(|x| x.id == c).unwrap();
        (card.x, card.y) = layout::to_wall((target.0 + 5.0, target.1 + 5.0));
        update_membership(&mut b, &[c]);
        assert!(b.cluster(cluster).unwrap().cards.contains(&c));
        // And the first far away.
        nudge(&mut b, &[a].into(), 900.0, 700.0);
        update_membership(&mut b, &[a]);
        assert!(!b.cluster(cluster).unwrap().cards.contains(&a));
    }

    #[test]
    fn duplicates_get_new_ids_and_no_dots() {
        let mut b = board();
        b.cards[0].votes = 3;
        let copy_id = CardId::generate();
        let original = b.cards[0].id;
        let copies = duplicate_cards(&mut b, &[(original, copy_id)]);
        assert_eq!(copies, 1);
        let copy = b.card(copy_id).unwrap();
        assert_eq!((copy.text.as_str(), copy.votes), ("Offene Daten", 0));
    }
}
