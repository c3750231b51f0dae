//! Board geometry shared by the screen, the exports and the tests: card sizes, free space for
//! new cards, positions along the axes, cluster outlines. No GUI code here.
//!
//! Card positions are stored in wall coordinates: 0..1 across the wall's width and height,
//! (0, 0) top left; cards may lie outside that range on a free pinboard. Geometry is done in
//! "wall units", the wall being `WALL_W` × `WALL_H` units, so cards keep their shape.

use super::text_fit;
use crate::board::{Board, Card, Cluster};
use crate::ids::CardId;

/// The wall in units.
pub const WALL_W: f32 = 1600.0;
pub const WALL_H: f32 = 1000.0;
/// A card in units, before its text needs more height.
pub use super::text_fit::{CARD_H, CARD_W};
/// Space kept between a new card and its neighbours.
pub const GAP: f32 = 12.0;

/// An axis-aligned rectangle in wall units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UnitRect {
    pub min: (f32, f32),
    pub max: (f32, f32),
}

impl UnitRect {
    pub fn intersects(&self, other: &UnitRect) -> bool {
        self.min.0 < other.max.0
            && other.min.0 < self.max.0
            && self.min.1 < other.max.1
            && other.min.1 < self.max.1
    }

    pub fn contains(&self, p: (f32, f32)) -> bool {
        (self.min.0..=self.max.0).contains(&p.0) && (self.min.1..=self.max.1).contains(&p.1)
    }

    pub fn expand(&self, by: f32) -> UnitRect {
        UnitRect {
            min: (self.min.0 - by, self.min.1 - by),
            max: (self.max.0 + by, self.max.1 + by),
        }
    }

    pub fn union(&self, other: &UnitRect) -> UnitRect {
        UnitRect {
            min: (self.min.0.min(other.min.0), self.min.1.min(other.min.1)),
            max: (self.max.0.max(other.max.0), self.max.1.max(other.max.1)),
        }
    }
}

/// A card's centre in units.
pub fn centre(card: &Card) -> (f32, f32) {
    (card.x * WALL_W, card.y * WALL_H)
}

/// Converts units back to wall coordinates.
pub fn to_wall(units: (f32, f32)) -> (f32, f32) {
    (units.0 / WALL_W, units.1 / WALL_H)
}

/// The size of a card in units: its shape's, taller when its text needs it.
pub fn card_size(card: &Card) -> (f32, f32) {
    let fit = text_fit::fit(&card.text, card.shape);
    (fit.width, fit.height)
}

/// Text size of the labels on the wall (axes, quadrants), in units.
pub const LABEL_SIZE: f32 = 22.0;
/// Space between the wall's edge and a label on it, in units.
const LABEL_PAD: f32 = 16.0;

/// Where a label sits on (or beside) the wall, and how it is aligned there.
#[derive(Clone, Debug, PartialEq)]
pub struct WallLabel {
    pub text: String,
    pub rect: UnitRect,
    /// Right-aligned at `rect.max.0` (else left-aligned at `rect.min.0`).
    pub is_right: bool,
    /// A quadrant's name: drawn fainter.
    pub is_quadrant: bool,
}

/// The labels of a board's axes and quadrants, in units: below the wall for the horizontal
/// axis, above it for the top of the vertical one, and in the wall's corners for the
/// quadrants and the bottom of the vertical axis. Cards are never placed on those inside.
pub fn wall_labels(board: &Board) -> Vec<WallLabel> {
    let Some(axes) = &board.axes else {
        return Vec::new();
    };
    let h = LABEL_SIZE * 1.5;
    let label = |text: &str, x: f32, y: f32, is_right: bool, is_quadrant: bool| {
        let w = text_fit::width_em(text) * LABEL_SIZE;
        let (min_x, max_x) = if is_right { (x - w, x) } else { (x, x + w) };
        WallLabel {
            text: text.to_owned(),
            rect: UnitRect {
                min: (min_x, y),
                max: (max_x, y + h),
            },
            is_right,
            is_quadrant,
        }
    };
    let (left, right) = (LABEL_PAD, WALL_W - LABEL_PAD);
    let (top, bottom) = (LABEL_PAD, WALL_H - LABEL_PAD - h);
    let mut labels = vec![
        label(&axes.x.low, 0.0, WALL_H + 6.0, false, false),
        label(&axes.x.high, WALL_W, WALL_H + 6.0, true, false),
        label(&axes.y.high, 0.0, -h - 6.0, false, false),
        label(&axes.y.low, left, bottom, false, false),
    ];
    if let Some([tl, tr, bl, br]) = &axes.quadrants {
        labels.extend([
            label(tl, left, top, false, true),
            label(tr, right, top, true, true),
            label(bl, left, bottom - h, false, true),
            label(br, right, bottom, true, true),
        ]);
    }
    labels.retain(|l| !l.text.trim().is_empty());
    labels
}

/// What a new or moved card must keep clear of on a board: other cards, the outlines of
/// clusters (for a card not in them) and the labels on the wall.
pub fn obstacles(board: &Board, except: &dyn Fn(&Card) -> bool) -> Vec<UnitRect> {
    let mut taken: Vec<UnitRect> = board
        .cards
        .iter()
        .filter(|c| !except(c))
        .map(|c| card_rect(c).expand(GAP / 2.0))
        .collect();
    taken.extend(
        board
            .clusters
            .iter()
            .filter(|cluster| {
                !cluster
                    .cards
                    .iter()
                    .any(|id| board.card(*id).is_some_and(except))
            })
            .filter_map(|cluster| cluster_rect(board, cluster)),
    );
    taken.extend(
        wall_labels(board)
            .into_iter()
            .map(|l| l.rect.expand(GAP / 2.0)),
    );
    taken
}

/// A card's outline in units.
pub fn card_rect(card: &Card) -> UnitRect {
    let (cx, cy) = centre(card);
    let (w, h) = card_size(card);
    UnitRect {
        min: (cx - w / 2.0, cy - h / 2.0),
        max: (cx + w / 2.0, cy + h / 2.0),
    }
}

/// A card's position along the axes, in percent: 0 at the low end, 100 at the high end
/// (the vertical axis grows upwards).
pub fn axis_values(card: &Card) -> (f32, f32) {
    (
        (card.x * 100.0).clamp(-100.0, 200.0),
        ((1.0 - card.y) * 100.0).clamp(-100.0, 200.0),
    )
}

/// The outline of a cluster around its cards, in units; `None` without cards.
pub fn cluster_rect(board: &Board, cluster: &Cluster) -> Option<UnitRect> {
    outline(cluster.cards.iter().filter_map(|id| board.card(*id)))
}

/// The outline around some cards, with room for a title above them.
pub fn outline<'a>(cards: impl Iterator<Item = &'a Card>) -> Option<UnitRect> {
    outline_of(cards.map(card_rect))
}

/// Whether a cluster is named by one of its heading cards: its title need not be drawn
/// again above it.
pub fn titled_by_heading(board: &Board, cluster: &Cluster) -> bool {
    cluster
        .cards
        .iter()
        .filter_map(|id| board.card(*id))
        .any(|c| {
            c.shape == crate::board::CardShape::Heading && c.text.trim() == cluster.title.trim()
        })
}

/// The band above a cluster's cards that holds its title, and the title's size, in units.
pub const CLUSTER_TITLE_BAND: f32 = 40.0;
pub const CLUSTER_TITLE_SIZE: f32 = 22.0;

/// The outline around some card rectangles, with room for a title above them.
pub fn outline_of(rects: impl Iterator<Item = UnitRect>) -> Option<UnitRect> {
    rects.reduce(|a, b| a.union(&b)).map(|r| UnitRect {
        min: (r.min.0 - 14.0, r.min.1 - CLUSTER_TITLE_BAND),
        max: (r.max.0 + 14.0, r.max.1 + 14.0),
    })
}

/// The bounds of all cards (for "fit all"), in units.
pub fn bounds(board: &Board) -> Option<UnitRect> {
    board.cards.iter().map(card_rect).reduce(|a, b| a.union(&b))
}

/// Cards whose outline meets a rectangle (rubber-band selection).
pub fn cards_in(board: &Board, rect: &UnitRect) -> Vec<CardId> {
    board
        .cards
        .iter()
        .filter(|c| card_rect(c).intersects(rect))
        .map(|c| c.id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::board::Card;
    use crate::board::spots::free_spot;
    use crate::ids::{BoardId, CardId};

    fn board_with(n: usize) -> Board {
        let mut board = Board {
            id: BoardId::generate(),
            ..Board::default()
        };
        for _ in 0..n {
            let (x, y) = free_spot(&board, None, (CARD_W, CARD_H));
            board.cards.push(Card {
                id: CardId::generate(),
                x,
                y,
                ..Card::default()
            });
        }
        board
    }

    #[test]
    fn new_cards_never_land_on_each_other() {
        let board = board_with(40);
        for (i, a) in board.cards.iter().enumerate() {
            for b in &board.cards[i + 1..] {
                assert!(
                    !card_rect(a).intersects(&card_rect(b)),
                    "{a:?} overlaps {b:?}"
                );
            }
        }
        // The first row is filled before the second starts.
        assert!(board.cards[1].y == board.cards[0].y && board.cards[1].x > board.cards[0].x);
    }

    #[test]
    fn a_card_placed_by_hand_is_avoided() {
        let mut board = board_with(0);
        let (x, y) = free_spot(&board, None, (CARD_W, CARD_H));
        board.cards.push(Card {
            id: CardId::generate(),
            x,
            y,
            ..Card::default()
        });
        let next = free_spot(&board, None, (CARD_W, CARD_H));
        assert_ne!(next, (x, y));
    }

    #[test]
    fn axis_values_grow_right_and_up() {
        let card = Card {
            x: 0.25,
            y: 0.1,
            ..Card::default()
        };
        let (along, up) = axis_values(&card);
        assert!((along - 25.0).abs() < 1e-4 && (up - 90.0).abs() < 1e-4);
    }
}
