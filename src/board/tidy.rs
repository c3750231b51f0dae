//! Tidying a board: no card on another, no card inside the outline of a cluster it does not
//! belong to, none on a label of the wall; every card kept in its quadrant and near its
//! neighbours. And gathering a new cluster's cards into a compact group near their centre.
//! No GUI code here.
//!
//! Clusters are tidied inside first, then each cluster and each loose card is a block that
//! moves as a whole to the nearest free place: blocks never overlap, so neither do cards.

use rustc_hash::FxHashMap;

use super::layout::{self, GAP, UnitRect, WALL_H, WALL_W};
use crate::board::Board;
use crate::ids::{CardId, ClusterId};

/// New positions (wall coordinates) for the cards that move.
pub type Moves = Vec<(CardId, f32, f32)>;

/// A spatial index of placed rectangles, in cells of this many units.
const CELL: f32 = 256.0;

/// Rectangles spanning more cells than this (a cluster whose card lies walls away) are kept
/// out of the grid and compared one by one: enumerating their cells would cost millions.
const MAX_CELLS: i64 = 256;

#[derive(Default)]
struct Placed {
    rects: Vec<UnitRect>,
    cells: FxHashMap<(i32, i32), Vec<usize>>,
    large: Vec<usize>,
}

impl Placed {
    fn span(r: &UnitRect) -> (i32, i32, i32, i32) {
        let cell = |v: f32| (v / CELL).floor() as i32;
        (cell(r.min.0), cell(r.max.0), cell(r.min.1), cell(r.max.1))
    }

    fn cell_count(r: &UnitRect) -> i64 {
        let (x0, x1, y0, y1) = Self::span(r);
        (i64::from(x1) - i64::from(x0) + 1) * (i64::from(y1) - i64::from(y0) + 1)
    }

    fn cells_of(r: &UnitRect) -> impl Iterator<Item = (i32, i32)> {
        let (x0, x1, y0, y1) = Self::span(r);
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    fn insert(&mut self, r: UnitRect) {
        let index = self.rects.len();
        self.rects.push(r);
        if Self::cell_count(&r) > MAX_CELLS {
            self.large.push(index);
            return;
        }
        for cell in Self::cells_of(&r) {
            self.cells.entry(cell).or_default().push(index);
        }
    }

    fn is_free(&self, r: &UnitRect) -> bool {
        if Self::cell_count(r) > MAX_CELLS {
            return self.rects.iter().all(|placed| !placed.intersects(r));
        }
        self.large.iter().all(|i| !self.rects[*i].intersects(r))
            && Self::cells_of(r).all(|cell| {
                self.cells
                    .get(&cell)
                    .is_none_or(|list| list.iter().all(|i| !self.rects[*i].intersects(r)))
            })
    }
}

/// Which quarter of the wall a point lies in (only boards with axes have quadrants).
fn quadrant(board: &Board, p: (f32, f32)) -> Option<(bool, bool)> {
    board
        .axes
        .as_ref()
        .map(|_| (p.0 >= WALL_W / 2.0, p.1 >= WALL_H / 2.0))
}

fn centre(r: &UnitRect) -> (f32, f32) {
    ((r.min.0 + r.max.0) / 2.0, (r.min.1 + r.max.1) / 2.0)
}

fn shifted(r: &UnitRect, (dx, dy): (f32, f32)) -> UnitRect {
    UnitRect {
        min: (r.min.0 + dx, r.min.1 + dy),
        max: (r.max.0 + dx, r.max.1 + dy),
    }
}

/// Offsets to try, nearest first: rings growing with their radius (computed once).
fn offsets() -> impl Iterator<Item = (f32, f32)> {
    static OFFSETS: std::sync::OnceLock<Vec<(f32, f32)>> = std::sync::OnceLock::new();
    OFFSETS.get_or_init(rings).iter().copied()
}

fn rings() -> Vec<(f32, f32)> {
    let mut rings = vec![(0.0, 0.0)];
    let mut radius: f32 = 0.0;
    while radius < 6_000.0 {
        radius += (radius / 10.0).max(10.0);
        let points = ((radius * 8.0) / 12.0).clamp(8.0, 96.0) as usize;
        let mut ring: Vec<(f32, f32)> = (0..points)
            .map(|i| {
                let angle = i as f32 / points as f32 * std::f32::consts::TAU;
                (radius * angle.cos(), radius * angle.sin())
            })
            .collect();
        // Straight moves first: a card slid sideways keeps its row.
        ring.sort_by(|a, b| {
            let skew = |p: &(f32, f32)| p.0.abs().min(p.1.abs());
            skew(a).total_cmp(&skew(b))
        });
        rings.extend(ring);
    }
    rings
}

/// Whether a rectangle lies on the wall, give or take `slack` units.
fn on_wall(r: &UnitRect, slack: f32) -> bool {
    r.min.0 >= -slack && r.min.1 >= -slack && r.max.0 <= WALL_W + slack && r.max.1 <= WALL_H + slack
}

/// What a block must keep clear of, and how far it may hang over the wall's edge.
struct Room<'a> {
    placed: &'a Placed,
    /// The wall's labels.
    labels: Option<&'a Placed>,
    slack: f32,
}

impl Room<'_> {
    fn is_free(&self, r: &UnitRect) -> bool {
        self.placed.is_free(r) && self.labels.is_none_or(|labels| labels.is_free(r))
    }

    /// Free, and on the wall if its centre is.
    fn is_fine(&self, r: &UnitRect) -> bool {
        let (cx, cy) = centre(r);
        let centred_on_wall = (0.0..=WALL_W).contains(&cx) && (0.0..=WALL_H).contains(&cy);
        self.is_free(r) && (!centred_on_wall || on_wall(r, self.slack))
    }
}

/// The nearest offset at which `rect` is free: keeping its quadrant and, if it was on the
/// wall, staying on it; else keeping its quadrant; else anywhere.
fn nearest_free(board: &Board, room: &Room, rect: &UnitRect) -> (f32, f32) {
    // A card that overlaps nothing (and does not hang over the wall's edge) stays where
    // the moderator put it.
    if room.is_fine(rect) {
        return (0.0, 0.0);
    }
    let home = quadrant(board, centre(rect));
    let (cx, cy) = centre(rect);
    let was_on_wall = (0.0..=WALL_W).contains(&cx) && (0.0..=WALL_H).contains(&cy);
    let mut same_quadrant = None;
    let mut anywhere = None;
    for offset in offsets() {
        let candidate = shifted(rect, offset);
        if !room.is_free(&candidate) {
            continue;
        }
        if quadrant(board, centre(&candidate)) == home {
            if !was_on_wall || on_wall(&candidate, room.slack) {
                return offset;
            }
            same_quadrant.get_or_insert(offset);
        }
        anywhere.get_or_insert(offset);
    }
    same_quadrant.or(anywhere).unwrap_or((0.0, 0.0))
}

/// A block that moves as a whole: a cluster's cards or one loose card.
struct Block {
    cards: Vec<CardId>,
    rect: UnitRect,
    is_cluster: bool,
    /// Placed first and never moved (a cluster just gathered).
    is_fixed: bool,
}

/// Moves that remove every overlap on a board (see the module's description).
pub fn tidy(board: &Board) -> Moves {
    // On a positioning board a card's place is its answer: nothing moves, the drawing
    // shows a card beside any card it covers (`placement`).
    if board.axes.is_some() {
        return Moves::new();
    }
    arrange(board, None)
}

/// Gathers a cluster's cards into a compact group near their centre (when its outline holds
/// other cards or its cards overlap) and moves other cards out of its way.
pub fn gather(board: &Board, cluster: ClusterId) -> Moves {
    arrange(board, Some(cluster))
}

fn arrange(board: &Board, gathered: Option<ClusterId>) -> Moves {
    let mut positions: FxHashMap<CardId, (f32, f32)> = board
        .cards
        .iter()
        .map(|c| (c.id, layout::centre(c)))
        .collect();
    let mut labels = Placed::default();
    for label in layout::wall_labels(board) {
        labels.insert(label.rect.expand(GAP / 2.0));
    }
    let (clusters, loose) = blocks(board, gathered, &labels, &mut positions);
    let mut placed = Placed::default();
    // Clusters before loose cards; within each, blocks that are fine where they are go
    // first, so they stay; then the others look for a place, nearest first.
    for blocks in [&clusters, &loose] {
        let mut waiting = Vec::new();
        for block in blocks {
            if block.is_fixed || block.room(&placed, &labels).is_fine(&block.rect) {
                placed.insert(block.rect);
            } else {
                waiting.push(block);
            }
        }
        for block in waiting {
            let offset = nearest_free(board, &block.room(&placed, &labels), &block.rect);
            placed.insert(shifted(&block.rect, offset));
            for id in &block.cards {
                let p = positions.get_mut(id).expect("a card");
                *p = (p.0 + offset.0, p.1 + offset.1);
            }
        }
    }
    board
        .cards
        .iter()
        .filter_map(|card| {
            let (x, y) = positions[&card.id];
            let (x, y) = (x / WALL_W, y / WALL_H);
            let moved = (x - card.x).abs() > 1e-6 || (y - card.y).abs() > 1e-6;
            moved.then_some((card.id, x, y))
        })
        .collect()
}

/// A card's rectangle at the position given.
fn rect_at(board: &Board, id: &CardId, positions: &FxHashMap<CardId, (f32, f32)>) -> UnitRect {
    let card = board.card(*id).expect("a card of the board");
    let (w, h) = layout::card_size(card);
    let (x, y) = positions[id];
    UnitRect {
        min: (x - w / 2.0, y - h / 2.0),
        max: (x + w / 2.0, y + h / 2.0),
    }
}

/// The blocks that move as one: each cluster (its cards first set apart inside it, or
/// gathered into a grid), in the order they are placed (the gathered one, then by size),
/// and the loose cards from the top.
fn blocks(
    board: &Board,
    gathered: Option<ClusterId>,
    labels: &Placed,
    positions: &mut FxHashMap<CardId, (f32, f32)>,
) -> (Vec<Block>, Vec<Block>) {
    let mut clusters = Vec::new();
    let mut clustered = rustc_hash::FxHashSet::default();
    for cluster in &board.clusters {
        let members: Vec<CardId> = cluster
            .cards
            .iter()
            .copied()
            .filter(|id| board.card(*id).is_some() && clustered.insert(*id))
            .collect();
        if members.is_empty() {
            continue;
        }
        let is_gathered = gathered == Some(cluster.id);
        if is_gathered && needs_gathering(board, &members) {
            grid(board, &members, positions);
        } else {
            apart_inside(board, &members, labels, positions);
        }
        let outline = layout::outline_of(members.iter().map(|id| rect_at(board, id, positions)))
            .expect("a cluster with cards");
        clusters.push(Block {
            cards: members,
            rect: outline.expand(GAP / 2.0),
            is_cluster: true,
            is_fixed: is_gathered,
        });
    }
    let mut loose: Vec<Block> = board
        .cards
        .iter()
        .filter(|card| !clustered.contains(&card.id))
        .map(|card| Block {
            cards: vec![card.id],
            rect: rect_at(board, &card.id, positions).expand(GAP / 2.0),
            is_cluster: false,
            is_fixed: false,
        })
        .collect();
    clusters.sort_by(|a, b| {
        b.is_fixed
            .cmp(&a.is_fixed)
            .then_with(|| area(&b.rect).total_cmp(&area(&a.rect)))
    });
    loose.sort_by(|a, b| {
        (a.rect.min.1, a.rect.min.0)
            .partial_cmp(&(b.rect.min.1, b.rect.min.0))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    (clusters, loose)
}

/// A cluster's cards set apart from one another, from the top, each as little as it needs.
fn apart_inside(
    board: &Board,
    members: &[CardId],
    labels: &Placed,
    positions: &mut FxHashMap<CardId, (f32, f32)>,
) {
    let mut inside = Placed::default();
    let mut order = members.to_vec();
    order.sort_by(|a, b| {
        let (pa, pb) = (positions[a], positions[b]);
        (pa.1, pa.0)
            .partial_cmp(&(pb.1, pb.0))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    for id in order {
        let rect = rect_at(board, &id, positions).expand(GAP / 2.0);
        let room = Room {
            placed: &inside,
            labels: Some(labels),
            slack: CARD_SLACK,
        };
        let (dx, dy) = nearest_free(board, &room, &rect);
        let p = positions.get_mut(&id).expect("a member");
        *p = (p.0 + dx, p.1 + dy);
        inside.insert(shifted(&rect, (dx, dy)));
    }
}

/// How far a card's block (its rectangle and half a gap) may reach over the wall's edge.
const CARD_SLACK: f32 = GAP / 2.0 + 0.5;

impl Block {
    fn room<'a>(&self, placed: &'a Placed, labels: &'a Placed) -> Room<'a> {
        Room {
            placed,
            labels: Some(labels),
            // A cluster's outline has its title band and a margin above and around its cards.
            slack: if self.is_cluster {
                layout::CLUSTER_TITLE_BAND + 20.0
            } else {
                CARD_SLACK
            },
        }
    }
}

fn area(r: &UnitRect) -> f32 {
    (r.max.0 - r.min.0) * (r.max.1 - r.min.1)
}

/// Whether a cluster's cards overlap or their outline holds a card that is not theirs.
fn needs_gathering(board: &Board, members: &[CardId]) -> bool {
    let rects: Vec<UnitRect> = members
        .iter()
        .filter_map(|id| board.card(*id))
        .map(layout::card_rect)
        .collect();
    let overlap = rects
        .iter()
        .enumerate()
        .any(|(i, a)| rects[i + 1..].iter().any(|b| a.intersects(b)));
    let Some(outline) = layout::outline(members.iter().filter_map(|id| board.card(*id))) else {
        return false;
    };
    let strangers = board
        .cards
        .iter()
        .filter(|c| !members.contains(&c.id))
        .any(|c| outline.intersects(&layout::card_rect(c)));
    overlap || strangers
}

/// Puts a cluster's cards into a compact grid around their centre, in their reading order.
fn grid(board: &Board, members: &[CardId], positions: &mut FxHashMap<CardId, (f32, f32)>) {
    let mut order: Vec<CardId> = members.to_vec();
    order.sort_by(|a, b| {
        let (pa, pb) = (positions[a], positions[b]);
        (pa.1, pa.0)
            .partial_cmp(&(pb.1, pb.0))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let n = order.len();
    let centre = order.iter().fold((0.0, 0.0), |acc, id| {
        let p = positions[id];
        (acc.0 + p.0 / n as f32, acc.1 + p.1 / n as f32)
    });
    let columns = (n as f32).sqrt().ceil().max(1.0) as usize;
    let rows = n.div_ceil(columns);
    let (cell_w, cell_h) = order
        .iter()
        .filter_map(|id| board.card(*id))
        .map(layout::card_size)
        .fold((0.0f32, 0.0f32), |acc, (w, h)| (acc.0.max(w), acc.1.max(h)));
    let (cell_w, cell_h) = (cell_w + GAP, cell_h + GAP);
    let left = centre.0 - cell_w * columns as f32 / 2.0 + cell_w / 2.0;
    let top = centre.1 - cell_h * rows as f32 / 2.0 + cell_h / 2.0;
    for (i, id) in order.iter().enumerate() {
        let (col, row) = (i % columns, i / columns);
        positions.insert(*id, (left + col as f32 * cell_w, top + row as f32 * cell_h));
    }
}

/// Whether any two cards of a board overlap (for tests and the example's check).
pub fn overlapping(board: &Board) -> Vec<(CardId, CardId)> {
    let rects: Vec<(CardId, UnitRect)> = board
        .cards
        .iter()
        .map(|c| (c.id, layout::card_rect(c)))
        .collect();
    let mut pairs = Vec::new();
    for (i, (a, ra)) in rects.iter().enumerate() {
        for (b, rb) in &rects[i + 1..] {
            if ra.intersects(rb) {
                pairs.push((*a, *b));
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rectangle_walls_wide_stays_out_of_the_grid_and_still_blocks() {
        let rect = |x0: f32, y0: f32, x1: f32, y1: f32| UnitRect {
            min: (x0, y0),
            max: (x1, y1),
        };
        let mut placed = Placed::default();
        // A cluster whose one card lies a hundred walls away (repaired from a hostile file).
        placed.insert(rect(0.0, 0.0, 160_000.0, 100_000.0));
        placed.insert(rect(-500.0, -500.0, -300.0, -400.0));
        assert!(placed.cells.len() <= 2, "{} cells", placed.cells.len());
        assert_eq!(placed.large, vec![0]);
        assert!(!placed.is_free(&rect(50_000.0, 50_000.0, 50_200.0, 50_100.0)));
        assert!(!placed.is_free(&rect(-450.0, -450.0, -420.0, -420.0)));
        assert!(placed.is_free(&rect(-2_000.0, -2_000.0, -1_800.0, -1_900.0)));
        assert!(
            !placed.is_free(&rect(-1e6, -1e6, 1e6, 1e6)),
            "a huge query is checked too"
        );
    }
    use crate::board::{Axes, AxisLabels, Card, Cluster};

    fn card(text: &str, x: f32, y: f32) -> Card {
        Card {
            id: CardId::generate(),
            text: text.into(),
            x,
            y,
            ..Card::default()
        }
    }

    fn apply(board: &mut Board, moves: Moves) {
        for (id, x, y) in moves {
            let card = board.cards.iter_mut().find(|c| c.id == id).unwrap();
            (card.x, card.y) = (x, y);
        }
    }

    fn axes() -> Option<Axes> {
        Some(Axes {
            x: AxisLabels {
                low: "informieren".into(),
                high: "gestalten".into(),
            },
            y: AxisLabels {
                low: "Projekt".into(),
                high: "Kultur".into(),
            },
            quadrants: Some(["A".into(), "B".into(), "C".into(), "D".into()]),
        })
    }

    /// A crowded board: cards piled in each quadrant, a cluster, a stray card inside it.
    fn crowded() -> Board {
        let mut cards = Vec::new();
        for i in 0..24 {
            let (qx, qy) = ((i % 2) as f32 * 0.5, ((i / 2) % 2) as f32 * 0.5);
            let jitter = (i as f32 * 0.37).fract() * 0.05;
            cards.push(card(
                &format!("Karte {i} mit etwas Text"),
                qx + 0.2 + jitter,
                qy + 0.2 + jitter,
            ));
        }
        let cluster = Cluster {
            id: ClusterId::generate(),
            title: "Verkehr".into(),
            cards: vec![cards[0].id, cards[4].id],
            ..Cluster::default()
        };
        Board {
            id: crate::ids::BoardId::generate(),
            axes: axes(),
            cards,
            clusters: vec![cluster],
            ..Board::default()
        }
    }

    #[test]
    fn on_a_positioning_board_tidying_moves_nothing() {
        let board = crowded();
        assert!(!overlapping(&board).is_empty());
        assert_eq!(tidy(&board), Moves::new(), "a card's place is its answer");
    }

    #[test]
    fn tidying_removes_every_overlap_and_keeps_quadrants() {
        // A free board (on a positioning board nothing moves, see above).
        let mut board = Board {
            axes: None,
            ..crowded()
        };
        assert!(!overlapping(&board).is_empty());
        let before: Vec<_> = board
            .cards
            .iter()
            .map(|c| quadrant(&board, layout::centre(c)))
            .collect();
        let moves = tidy(&board);
        apply(&mut board, moves);
        assert_eq!(overlapping(&board), vec![]);
        let after: Vec<_> = board
            .cards
            .iter()
            .map(|c| quadrant(&board, layout::centre(c)))
            .collect();
        assert_eq!(before, after, "every card keeps its quadrant");
        // No card inside a cluster it does not belong to, none on a label.
        let cluster = &board.clusters[0];
        let outline = layout::cluster_rect(&board, cluster).unwrap();
        for c in board
            .cards
            .iter()
            .filter(|c| !cluster.cards.contains(&c.id))
        {
            assert!(
                !outline.intersects(&layout::card_rect(c)),
                "{} in the cluster",
                c.text
            );
        }
        for label in layout::wall_labels(&board) {
            for c in &board.cards {
                assert!(
                    !label.rect.intersects(&layout::card_rect(c)),
                    "{} on {}",
                    c.text,
                    label.text
                );
            }
        }
        let again = tidy(&board);
        let moved: Vec<_> = again
            .iter()
            .map(|(id, x, y)| {
                let c = board.card(*id).unwrap();
                (c.text.clone(), c.x, c.y, *x, *y)
            })
            .collect();
        assert!(again.is_empty(), "a tidy board stays as it is: {moved:?}");
    }

    #[test]
    fn a_far_flung_group_is_gathered_near_its_centre() {
        let mut board = Board {
            id: crate::ids::BoardId::generate(),
            cards: vec![
                card("Radwege", 0.1, 0.1),
                card("Bänke", 0.5, 0.5),
                card("Busse", 0.9, 0.9),
                card("Zwischen", 0.5, 0.3),
            ],
            ..Board::default()
        };
        let members = vec![board.cards[0].id, board.cards[2].id];
        let id = ClusterId::generate();
        board.clusters.push(Cluster {
            id,
            title: "Verkehr".into(),
            cards: members.clone(),
            ..Cluster::default()
        });
        let moves = gather(&board, id);
        apply(&mut board, moves);
        let outline = layout::cluster_rect(&board, &board.clusters[0]).unwrap();
        for c in &board.cards {
            let inside = outline.intersects(&layout::card_rect(c));
            assert_eq!(inside, members.contains(&c.id), "{}", c.text);
        }
        // Compact: the two cards sit side by side near where they were on average.
        let (a, b) = (
            layout::centre(&board.cards[0]),
            layout::centre(&board.cards[2]),
        );
        assert!((a.0 - b.0).abs() < 300.0 && (a.1 - b.1).abs() < 1.0);
        assert!(((a.0 + b.0) / 2.0 - WALL_W / 2.0).abs() < 200.0);
        assert_eq!(overlapping(&board), vec![]);
    }

    #[test]
    fn a_compact_group_stays_where_it_is() {
        let mut board = Board {
            id: crate::ids::BoardId::generate(),
            cards: vec![card("Radwege", 0.2, 0.3), card("Busse", 0.35, 0.3)],
            ..Board::default()
        };
        let id = ClusterId::generate();
        board.clusters.push(Cluster {
            id,
            cards: board.cards.iter().map(|c| c.id).collect(),
            ..Cluster::default()
        });
        assert_eq!(gather(&board, id), vec![]);
    }
}
