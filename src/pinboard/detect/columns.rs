//! Cluster proposals: cards standing in a column under a header card.

use super::{ColumnProposal, FoundCard};
use crate::pinboard::paper::PaperShape;

/// Horizontal extent `[left, right]` and vertical extent `[top, bottom]` on the board (0..1).
fn extent(c: &FoundCard) -> ([f32; 2], [f32; 2]) {
    let [cx, cy] = c.centre_on_board;
    let [w, h] = c.size_on_board;
    ([cx - w / 2.0, cx + w / 2.0], [cy - h / 2.0, cy + h / 2.0])
}

/// The card directly under `a`, if any: horizontally overlapping by at least half the
/// narrower card, its top within a short gap (or a slight overlap) of `a`'s bottom.
fn below(cards: &[FoundCard], a: usize) -> Option<usize> {
    let ca = cards.get(a)?;
    let (ax, ay) = extent(ca);
    cards
        .iter()
        .enumerate()
        .filter(|&(b, _)| b != a)
        .filter_map(|(b, cb)| {
            let (bx, by) = extent(cb);
            let overlap = ax[1].min(bx[1]) - ax[0].max(bx[0]);
            let narrower = (ax[1] - ax[0]).min(bx[1] - bx[0]);
            let gap = by[0] - ay[1];
            let below = cb.centre_on_board[1] > ca.centre_on_board[1];
            let limit = 0.6 * (by[1] - by[0]).max(ay[1] - ay[0]);
            (below && overlap > 0.5 * narrower && gap < limit && gap > -0.5 * (by[1] - by[0]))
                .then_some((b, gap))
        })
        .min_by(|x, y| x.1.total_cmp(&y.1))
        .map(|(b, _)| b)
}

/// Proposes a cluster for every column of cards standing under a header: a card of
/// [`PaperShape::Header`] shape, or a top card whose colour or shape differs from the
/// colour or shape most of the column's cards share. Indices refer to `cards`; members are
/// ordered top to bottom. Nothing here is final: the moderator confirms or edits proposals.
pub fn propose_columns(cards: &[FoundCard]) -> Vec<ColumnProposal> {
    let n = cards.len();
    // Link each card to the nearest card below it; a card may have only one parent.
    let mut child: Vec<Option<usize>> = (0..n).map(|a| below(cards, a)).collect();
    let mut has_parent = vec![false; n];
    for link in child.iter_mut() {
        if let Some(b) = *link {
            match has_parent.get_mut(b) {
                Some(taken) if !*taken => *taken = true,
                _ => *link = None,
            }
        }
    }
    let mut out = Vec::new();
    for top in (0..n).filter(|&i| !has_parent[i]) {
        let mut chain = vec![top];
        let mut cur = top;
        while let Some(next) = child.get(cur).copied().flatten() {
            if chain.contains(&next) {
                break;
            }
            chain.push(next);
            cur = next;
        }
        // A header strip further down starts a column of its own.
        let mut start = 0;
        for k in 1..=chain.len() {
            let split = k == chain.len()
                || cards
                    .get(chain[k])
                    .is_some_and(|c| c.shape == PaperShape::Header);
            if split {
                if let Some(p) = column_of(cards, &chain[start..k]) {
                    out.push(p);
                }
                start = k;
            }
        }
    }
    out
}

/// A proposal for a chain of cards if its top card qualifies as a header.
fn column_of(cards: &[FoundCard], chain: &[usize]) -> Option<ColumnProposal> {
    let (&head, members) = chain.split_first()?;
    if members.is_empty() {
        return None;
    }
    let h = cards.get(head)?;
    let colours: Vec<_> = members
        .iter()
        .filter_map(|&m| cards.get(m))
        .map(|c| c.colour)
        .collect();
    let shapes: Vec<_> = members
        .iter()
        .filter_map(|&m| cards.get(m))
        .map(|c| c.shape)
        .collect();
    let colour_differs = most_common(&colours).is_some_and(|c| c != h.colour);
    let shape_differs = most_common(&shapes).is_some_and(|s| s != h.shape);
    (h.shape == PaperShape::Header || colour_differs || shape_differs).then(|| ColumnProposal {
        header: head,
        members: members.to_vec(),
    })
}

/// The most frequent value (the first of equally frequent ones).
fn most_common<T: Copy + PartialEq>(v: &[T]) -> Option<T> {
    v.iter()
        .max_by_key(|x| v.iter().filter(|y| y == x).count())
        .copied()
}
