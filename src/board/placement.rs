//! Where the cards of a positioning board are drawn when they overlap. A card's place on a
//! positioning board is its answer, so the data never moves: the drawing resolves the
//! overlap. A card that fits where it was put is drawn there; a card that would cover
//! another is drawn beside its place, with a marker at its true point and a thin leader
//! line from the marker to the card, so a reader can still read off every position. When a
//! board is too crowded even for that, every card becomes a numbered marker at its true
//! point and its text goes into the list beside the board.

use super::layout::{self, UnitRect, WALL_H, WALL_W};
use super::model::Board;
use super::occupied::Occupied;
use crate::ids::CardId;

/// The radius of a marker at a card's true point, in wall units.
pub const MARKER_RADIUS: f32 = 16.0;

/// How far from its point a displaced card may be drawn, in card heights.
const MAX_REACH: f32 = 6.0;

/// More cards than this share (in quarters) drawn beside their place, and the board is
/// drawn as markers instead: a web of leader lines reads worse than a numbered list.
const MOST_DISPLACED_QUARTERS: usize = 1;

/// Where one card is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub id: CardId,
    /// The card's recorded place (its centre), in wall units.
    pub point: (f32, f32),
    /// The rectangle it is drawn in, in wall units.
    pub rect: UnitRect,
    /// Drawn beside its place: a marker sits at `point` and a leader line joins them.
    pub is_displaced: bool,
}

/// The drawing of a positioning board with each card its own size: every card placed, or
/// `None` when the board is too crowded to draw the cards beside their points (then as
/// numbered markers, see [`place_markers`]).
pub fn place(board: &Board) -> Option<Vec<Placed>> {
    place_sized(board, &|card| layout::card_size(card), true)
}

/// The drawing of a crowded positioning board: a numbered marker of `size` (wall units) for
/// every card, at its place or beside it; markers that find no room beside stay on their
/// place.
pub fn place_markers(board: &Board, size: (f32, f32)) -> Vec<Placed> {
    place_sized(board, &|_| size, false).unwrap_or_default()
}

fn place_sized(
    board: &Board,
    size_of: &dyn Fn(&crate::board::Card) -> (f32, f32),
    may_give_up: bool,
) -> Option<Vec<Placed>> {
    // The wall's labels are kept free: a card drawn beside its place never covers them.
    let mut grid = Occupied::of(
        layout::wall_labels(board)
            .into_iter()
            .map(|l| l.rect.expand(layout::GAP / 2.0)),
    );
    let mut placed: Vec<Placed> = Vec::with_capacity(board.cards.len());
    let mut displaced: Vec<usize> = Vec::new();
    // First every card that fits where it was put, in the board's order.
    for card in &board.cards {
        let point = layout::centre(card);
        let (w, h) = size_of(card);
        let rect = UnitRect {
            min: (point.0 - w / 2.0, point.1 - h / 2.0),
            max: (point.0 + w / 2.0, point.1 + h / 2.0),
        };
        let is_free = !grid.hits(&rect);
        if is_free {
            grid.add(rect);
        } else {
            displaced.push(placed.len());
        }
        placed.push(Placed {
            id: card.id,
            point,
            rect,
            is_displaced: !is_free,
        });
    }
    if may_give_up
        && displaced.len() > 6
        && displaced.len() * 4 > board.cards.len() * MOST_DISPLACED_QUARTERS
    {
        return None;
    }
    // Their markers are obstacles too: no card is drawn over a point it does not mark.
    for &i in &displaced {
        grid.add(marker_rect(placed[i].point));
    }
    for &i in &displaced {
        match free_near(&grid, &placed[i].rect) {
            Some(rect) => {
                grid.add(rect);
                placed[i].rect = rect;
            }
            None if may_give_up => return None,
            // No room even beside: the marker stays on its place, over the others.
            None => placed[i].is_displaced = false,
        }
    }
    Some(placed)
}

/// A marker's square, in wall units.
pub fn marker_rect(point: (f32, f32)) -> UnitRect {
    UnitRect {
        min: (point.0 - MARKER_RADIUS, point.1 - MARKER_RADIUS),
        max: (point.0 + MARKER_RADIUS, point.1 + MARKER_RADIUS),
    }
}

fn centre(rect: &UnitRect) -> (f32, f32) {
    (
        (rect.min.0 + rect.max.0) / 2.0,
        (rect.min.1 + rect.max.1) / 2.0,
    )
}

/// The nearest free place for a card's rectangle around where it is, in rings of widening
/// reach, not farther than `MAX_REACH` card heights and not off the wall's surroundings.
fn free_near(grid: &Occupied, rect: &UnitRect) -> Option<UnitRect> {
    let (w, h) = (rect.max.0 - rect.min.0, rect.max.1 - rect.min.1);
    let (cx, cy) = centre(rect);
    let step = h.max(1.0) * 0.5;
    let rings = (MAX_REACH * 2.0) as usize;
    // On the wall, or just beside it: never far into the page.
    let around = UnitRect {
        min: (-WALL_W * 0.03, -WALL_H * 0.03),
        max: (WALL_W * 1.03, WALL_H * 1.03),
    };
    for ring in 1..=rings {
        let reach = step * ring as f32;
        let count = 8 * ring;
        for k in 0..count {
            let angle = std::f32::consts::TAU * k as f32 / count as f32;
            // Wider than high: reach further sideways, where cards are long.
            let (x, y) = (
                cx + reach * angle.cos() * (w / h.max(1.0)).max(1.0),
                cy + reach * angle.sin(),
            );
            let candidate = UnitRect {
                min: (x - w / 2.0, y - h / 2.0),
                max: (x + w / 2.0, y + h / 2.0),
            };
            let inside = candidate.min.0 >= around.min.0
                && candidate.min.1 >= around.min.1
                && candidate.max.0 <= around.max.0
                && candidate.max.1 <= around.max.1;
            if inside && !grid.hits(&candidate) {
                return Some(candidate);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::board::{Axes, Card};
    use crate::ids::BoardId;

    fn board(points: &[(f32, f32)]) -> Board {
        Board {
            id: BoardId::generate(),
            axes: Some(Axes::default()),
            cards: points
                .iter()
                .enumerate()
                .map(|(n, &(x, y))| Card {
                    id: CardId::generate(),
                    text: format!("Karte {n}"),
                    x,
                    y,
                    ..Card::default()
                })
                .collect(),
            ..Board::default()
        }
    }

    #[test]
    fn cards_that_fit_stay_and_the_others_are_drawn_beside_their_point() {
        let b = board(&[(0.2, 0.2), (0.8, 0.8), (0.21, 0.2), (0.2, 0.21)]);
        let placed = place(&b).expect("room enough");
        assert!(!placed[0].is_displaced && !placed[1].is_displaced);
        assert!(placed[2].is_displaced && placed[3].is_displaced);
        for p in &placed {
            let card = b.card(p.id).unwrap();
            let (x, y) = layout::centre(card);
            assert!((p.point.0 - x).abs() < 1e-3 && (p.point.1 - y).abs() < 1e-3);
        }
        // No two drawn cards overlap, and no card drawn beside its place covers a marker
        // (markers are drawn over the cards that stayed).
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!a.rect.intersects(&b.rect), "{a:?} {b:?}");
            }
            if a.is_displaced {
                for m in placed.iter().filter(|m| m.is_displaced) {
                    assert!(!a.rect.intersects(&marker_rect(m.point)));
                }
            }
        }
    }

    #[test]
    fn a_board_too_crowded_to_draw_beside_gives_up() {
        let points: Vec<(f32, f32)> = (0..400).map(|_| (0.5, 0.5)).collect();
        assert!(place(&board(&points)).is_none());
        let piles: Vec<(f32, f32)> = (0..40).map(|i| (0.3 + (i % 2) as f32 * 0.4, 0.5)).collect();
        assert!(
            place(&board(&piles)).is_none(),
            "most cards would stand beside"
        );
    }
}
