//! Dot voting: the budget per person, dots on cards and clusters, and the ranking.

use crate::board::Board;
use crate::ids::{CardId, ClusterId};
use crate::session::limits::MAX_VOTES;

/// What a dot is given to or taken from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoteTarget {
    Card(CardId),
    Cluster(ClusterId),
}

/// How many dots may still be given: `None` when there is no limit.
pub fn dots_left(board: &Board, participants: usize) -> Option<u32> {
    if board.dots_per_person == 0 || participants == 0 {
        return None;
    }
    let budget = board
        .dots_per_person
        .saturating_mul(u32::try_from(participants).unwrap_or(u32::MAX));
    let left = u64::from(budget).saturating_sub(board.num_votes());
    Some(u32::try_from(left).unwrap_or(u32::MAX))
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
        .is_some_and(|c| add_dot(&mut c.votes))
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
        .is_some_and(|c| add_dot(&mut c.votes))
}

/// One more dot, up to the most one card or cluster can hold.
fn add_dot(votes: &mut u32) -> bool {
    if *votes >= MAX_VOTES {
        return false;
    }
    *votes += 1;
    true
}

/// Takes a dot away from a card; returns whether it had one.
pub fn unvote_card(board: &mut Board, id: CardId) -> bool {
    match board.cards.iter_mut().find(|c| c.id == id) {
        Some(card) if card.votes > 0 => {
            card.votes -= 1;
            card.phone_votes = card.phone_votes.min(card.votes);
            true
        }
        _ => false,
    }
}

/// Takes a dot away from a cluster; returns whether it had one.
pub fn unvote_cluster(board: &mut Board, id: ClusterId) -> bool {
    match board.clusters.iter_mut().find(|c| c.id == id) {
        Some(cluster) if cluster.votes > 0 => {
            cluster.votes -= 1;
            cluster.phone_votes = cluster.phone_votes.min(cluster.votes);
            true
        }
        _ => false,
    }
}

/// A dot from a phone on a card or cluster (`add`), or one a phone takes back: only a phone
/// dot can be taken back this way. Returns whether anything changed.
pub fn phone_dot(board: &mut Board, target: VoteTarget, add: bool) -> bool {
    let counts = match target {
        VoteTarget::Card(id) => board
            .cards
            .iter_mut()
            .find(|c| c.id == id)
            .map(|c| (&mut c.votes, &mut c.phone_votes)),
        VoteTarget::Cluster(id) => board
            .clusters
            .iter_mut()
            .find(|c| c.id == id)
            .map(|c| (&mut c.votes, &mut c.phone_votes)),
    };
    let Some((votes, phone_votes)) = counts else {
        return false;
    };
    if add {
        if !add_dot(votes) {
            return false;
        }
        *phone_votes = phone_votes.saturating_add(1).min(*votes);
        true
    } else if *phone_votes > 0 && *votes > 0 {
        *phone_votes -= 1;
        *votes -= 1;
        true
    } else {
        false
    }
}

/// One line of the ranking: a card or a cluster with its dots (a cluster counts its own dots
/// and its cards').
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    pub title: String,
    pub votes: u64,
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
        votes: u64::from(c.votes),
        is_cluster: false,
    }));
    rows.retain(|r| r.votes > 0);
    rows.sort_by(|a, b| b.votes.cmp(&a.votes).then_with(|| a.title.cmp(&b.title)));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::board::{CardColour, CardShape, cards::add_card};
    use crate::ids::BoardId;

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
}
