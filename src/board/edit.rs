//! Editing a board: adding, deleting and duplicating cards, grouping into clusters, moving
//! cards in and out of clusters, dot voting within a budget. No egui here.

use std::collections::BTreeSet;

use crate::board::layout::{self, CARD_H, CARD_W, GAP, WALL_H, WALL_W};
use crate::model::{Board, Card, CardColour, CardId, CardShape, Cluster, ClusterId};

/// Adds a card at the first free place and returns its id.
pub fn add_card(
    board: &mut Board,
    text: &str,
    author: &str,
    colour: CardColour,
    shape: CardShape,
) -> CardId {
    let (x, y) = layout::free_spot(board, None);
    let id = CardId::generate();
    board.cards.push(Card {
        id,
        text: text.trim().to_owned(),
        author: author.trim().to_owned(),
        colour,
        shape,
        x,
        y,
        votes: 0,
    });
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

/// Copies cards (without their dots) just below and to the right; returns the new ids.
pub fn duplicate_cards(board: &mut Board, ids: &BTreeSet<CardId>) -> BTreeSet<CardId> {
    let copies: Vec<Card> = board
        .cards
        .iter()
        .filter(|c| ids.contains(&c.id))
        .map(|c| Card {
            id: CardId::generate(),
            x: c.x + (GAP * 2.0) / WALL_W,
            y: c.y + (GAP * 2.0) / WALL_H,
            votes: 0,
            ..c.clone()
        })
        .collect();
    let new_ids = copies.iter().map(|c| c.id).collect();
    board.cards.extend(copies);
    new_ids
}

/// Groups cards into a new cluster (taking them out of any other), named after a heading
/// card among them if there is one. Returns the cluster's id.
pub fn group(board: &mut Board, ids: &BTreeSet<CardId>, fallback_title: &str) -> Option<ClusterId> {
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
    let title = heading.map_or_else(|| fallback_title.to_owned(), |h| h.text.clone());
    let colour = heading
        .or_else(|| board.card(members[0]))
        .map(|c| c.colour)
        .unwrap_or_default();
    let id = ClusterId::generate();
    board.clusters.push(Cluster {
        id,
        title,
        colour,
        cards: members,
        votes: 0,
        is_collapsed: false,
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
        card.x += dx / WALL_W;
        card.y += dy / WALL_H;
    }
}

/// How many dots may still be given: `None` when there is no limit.
pub fn dots_left(board: &Board, participants: usize) -> Option<u32> {
    if board.dots_per_person == 0 || participants == 0 {
        return None;
    }
    let budget = board
        .dots_per_person
        .saturating_mul(u32::try_from(participants).unwrap_or(u32::MAX));
    Some(budget.saturating_sub(board.num_votes()))
}

/// Adds a dot to a card if the budget allows; returns whether it did.
pub fn vote_card(board: &mut Board, id: CardId, participants: usize) -> bool {
    if dots_left(board, participants) == Some(0) {
        return false;
    }
    board
        .cards
        .iter_mut()
        .find(|c| c.id == id)
        .map(|c| c.votes += 1)
        .is_some()
}

/// Adds a dot to a cluster if the budget allows; returns whether it did.
pub fn vote_cluster(board: &mut Board, id: ClusterId, participants: usize) -> bool {
    if dots_left(board, participants) == Some(0) {
        return false;
    }
    board
        .clusters
        .iter_mut()
        .find(|c| c.id == id)
        .map(|c| c.votes += 1)
        .is_some()
}

/// Takes a dot away from a card.
pub fn unvote_card(board: &mut Board, id: CardId) {
    if let Some(card) = board.cards.iter_mut().find(|c| c.id == id) {
        card.votes = card.votes.saturating_sub(1);
    }
}

/// Takes a dot away from a cluster.
pub fn unvote_cluster(board: &mut Board, id: ClusterId) {
    if let Some(cluster) = board.clusters.iter_mut().find(|c| c.id == id) {
        cluster.votes = cluster.votes.saturating_sub(1);
    }
}

/// One line of the ranking: a card or a cluster with its dots (a cluster counts its own dots
/// and its cards').
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    pub title: String,
    pub votes: u32,
    pub is_cluster: bool,
}

/// Clusters and unclustered cards with dots, most dots first.
pub fn ranking(board: &Board) -> Vec<Ranked> {
    let mut rows: Vec<Ranked> = board
        .clusters
        .iter()
        .map(|cluster| Ranked {
            title: cluster.title.clone(),
            votes: board.cluster_votes(cluster),
            is_cluster: true,
        })
        .collect();
    rows.extend(board.cards.iter().filter(|c| c.votes > 0).map(|c| Ranked {
        title: c.text.clone(),
        votes: c.votes,
        is_cluster: false,
    }));
    rows.retain(|r| r.votes > 0);
    rows.sort_by(|a, b| b.votes.cmp(&a.votes).then_with(|| a.title.cmp(&b.title)));
    rows
}

/// A spread of cards for tests and benchmarks: `n` cards in rows across and below the wall.
pub fn grid_of_cards(n: usize) -> Board {
    let mut board = Board {
        id: crate::model::BoardId::generate(),
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
    use crate::model::BoardId;

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
        let cluster = group(&mut b, &ids, "Cluster").unwrap();
        assert_eq!(b.cluster(cluster).unwrap().title, "Offenheit");
        assert_eq!(b.cluster(cluster).unwrap().colour, CardColour::Pink);
        let regroup: BTreeSet<CardId> = [b.cards[1].id, b.cards[2].id].into();
        let second = group(&mut b, &regroup, "Neu").unwrap();
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
        group(&mut b, &ids, "Daten");
        delete_cards(&mut b, &ids);
        assert_eq!(b.cards.len(), 1);
        assert!(b.clusters.is_empty());
    }

    #[test]
    fn a_card_dragged_out_leaves_and_one_dragged_in_joins() {
        let mut b = board();
        let (a, c) = (b.cards[0].id, b.cards[2].id);
        let members: BTreeSet<CardId> = [a, b.cards[1].id].into();
        let cluster = group(&mut b, &members, "Daten").unwrap();
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
    fn dots_respect_the_budget_and_rank() {
        let mut b = board();
        b.dots_per_person = 1;
        let (x, y) = (b.cards[0].id, b.cards[1].id);
        assert!(vote_card(&mut b, x, 2));
        assert!(vote_card(&mut b, y, 2));
        assert!(!vote_card(&mut b, y, 2), "two people, one dot each");
        assert_eq!(dots_left(&b, 2), Some(0));
        unvote_card(&mut b, x);
        assert!(vote_card(&mut b, y, 2));
        let ranking = ranking(&b);
        assert_eq!(ranking[0].title, "Transparenz");
        assert_eq!(ranking[0].votes, 2);
        b.dots_per_person = 0;
        assert_eq!(dots_left(&b, 2), None, "no limit");
    }

    #[test]
    fn duplicates_get_new_ids_and_no_dots() {
        let mut b = board();
        b.cards[0].votes = 3;
        let first: BTreeSet<CardId> = [b.cards[0].id].into();
        let copies = duplicate_cards(&mut b, &first);
        assert_eq!(copies.len(), 1);
        let copy = b.card(*copies.iter().next().unwrap()).unwrap();
        assert_eq!((copy.text.as_str(), copy.votes), ("Offene Daten", 0));
    }
}
