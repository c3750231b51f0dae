//! Where the cards go on the board: columns under headers, or scattered positioning boards.
//! All lengths are in centimetres on the board, origin at its top-left corner.

use crate::pinboard::geom::{Pt, clip_convex, polygon_area};
use crate::pinboard::paper::{PaperColour, PaperShape};
use fastrand::Rng;

/// The surface the cards are pinned or stuck to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoardKind {
    /// Brown kraft paper pinned over a pinboard.
    Kraft,
    /// A cork board.
    Cork,
    /// A white board (cards held by magnets or tape).
    White,
}

impl BoardKind {
    /// Lower-case name for reports.
    pub fn name(self) -> &'static str {
        match self {
            BoardKind::Kraft => "kraft",
            BoardKind::Cork => "cork",
            BoardKind::White => "white",
        }
    }
}

/// One card as laid out on the board.
#[derive(Clone, Debug)]
pub(crate) struct CardSpec {
    /// Centre in cm from the board's top-left corner.
    pub centre: Pt,
    /// Full width and height in cm before rotation.
    pub size: Pt,
    /// Rotation in radians (clockwise on screen).
    pub angle: f32,
    pub colour: PaperColour,
    pub shape: PaperShape,
    /// Whether a pin head sits near the top of the card.
    pub pin: bool,
}

impl CardSpec {
    /// The corners of the rotated bounding rectangle, clockwise from top left, inflated by
    /// `grow` cm on every side.
    pub fn corners(&self, grow: f32) -> [Pt; 4] {
        let (a, b) = (self.size[0] / 2.0 + grow, self.size[1] / 2.0 + grow);
        let (s, c) = self.angle.sin_cos();
        let at = |u: f32, v: f32| {
            [
                self.centre[0] + u * c - v * s,
                self.centre[1] + u * s + v * c,
            ]
        };
        [at(-a, -b), at(a, -b), at(a, b), at(-a, b)]
    }
}

/// A whole board: its kind, size and cards in drawing order, plus the true columns
/// (header index, member indices) for boards laid out in columns.
#[derive(Clone, Debug)]
pub(crate) struct Layout {
    pub kind: BoardKind,
    pub size: Pt,
    pub cards: Vec<CardSpec>,
    pub columns: Vec<(usize, Vec<usize>)>,
}

/// A pastel colour other than `not`.
fn other_colour(rng: &mut Rng, not: Option<PaperColour>) -> PaperColour {
    loop {
        let c = PaperColour::ALL[rng.usize(0..6)];
        if Some(c) != not {
            return c;
        }
    }
}

fn uniform(rng: &mut Rng, lo: f32, hi: f32) -> f32 {
    lo + (hi - lo) * rng.f32()
}

/// A small rotation: mostly within ±3°, never beyond ±8°.
fn tilt(rng: &mut Rng) -> f32 {
    let deg = (rng.f32() + rng.f32() + rng.f32() - 1.5) * 5.0;
    deg.clamp(-8.0, 8.0).to_radians()
}

/// Nominal size in cm for a shape (with a few percent of cutting tolerance).
fn size_for(rng: &mut Rng, shape: PaperShape) -> Pt {
    let k = uniform(rng, 0.96, 1.04);
    match shape {
        PaperShape::Rectangle => [21.0 * k, 10.0 * k],
        PaperShape::Oval => [19.5 * k, 11.5 * k],
        PaperShape::Circle => {
            let d = if rng.bool() { 10.0 } else { 14.0 };
            [d * k, d * k]
        }
        PaperShape::Header => [uniform(rng, 30.0, 42.0), uniform(rng, 8.5, 10.0)],
    }
}

/// Picks the board kind and size, then lays the cards out in columns or scattered.
pub(crate) fn make_layout(rng: &mut Rng) -> Layout {
    let kind = [BoardKind::Kraft, BoardKind::Cork, BoardKind::White][rng.usize(0..3)];
    let size = match kind {
        BoardKind::White => [[150.0, 100.0], [180.0, 120.0], [120.0, 90.0]][rng.usize(0..3)],
        _ => {
            if rng.bool() {
                [116.0, 145.0]
            } else {
                [145.0, 116.0]
            }
        }
    };
    let mut layout = Layout {
        kind,
        size,
        cards: Vec::new(),
        columns: Vec::new(),
    };
    if rng.f32() < 0.5 {
        columns(rng, &mut layout);
    } else {
        scattered(rng, &mut layout);
    }
    layout
}

/// Columns of cards under a header: a header strip, or a card of another shape or colour.
fn columns(rng: &mut Rng, layout: &mut Layout) {
    let [bw, bh] = layout.size;
    let max_cols = (((bw - 4.0) / 28.0).floor() as usize).clamp(2, 6);
    let n_cols = rng.usize(max_cols.saturating_sub(1).max(2)..=max_cols);
    let pitch = (bw - 4.0) / n_cols as f32;
    let target = rng.usize(15..=45);
    let per_col = (target / n_cols).max(3);
    for c in 0..n_cols {
        let x = 2.0 + pitch * (c as f32 + 0.5) + uniform(rng, -1.5, 1.5);
        let col_colour = other_colour(rng, None);
        let header_shape = if rng.f32() < 0.65 {
            PaperShape::Header
        } else {
            [PaperShape::Circle, PaperShape::Oval, PaperShape::Rectangle][rng.usize(0..3)]
        };
        let header_colour = if header_shape == PaperShape::Header {
            other_colour(rng, None)
        } else {
            other_colour(rng, Some(col_colour))
        };
        let mut hsize = size_for(rng, header_shape);
        if header_shape == PaperShape::Header {
            hsize[0] = hsize[0].min(pitch - 2.0).max(26.0);
        }
        let top = uniform(rng, 3.0, 7.0);
        let header = CardSpec {
            centre: [x, top + hsize[1] / 2.0],
            size: hsize,
            angle: tilt(rng) * 0.5,
            colour: header_colour,
            shape: header_shape,
            pin: rng.f32() < 0.3,
        };
        let mut y = top + hsize[1] + uniform(rng, 1.5, 4.0);
        let header_index = layout.cards.len();
        layout.cards.push(header);
        let mut members = Vec::new();
        let count = rng.usize(per_col.saturating_sub(2).max(2)..=per_col + 1);
        for _ in 0..count {
            let shape = match rng.usize(0..20) {
                0 | 1 => PaperShape::Oval,
                2 => PaperShape::Circle,
                _ => PaperShape::Rectangle,
            };
            let colour = if rng.f32() < 0.88 {
                col_colour
            } else {
                other_colour(rng, Some(header_colour))
            };
            let size = size_for(rng, shape);
            if y + size[1] > bh - 3.0 {
                break;
            }
            members.push(layout.cards.len());
            layout.cards.push(CardSpec {
                centre: [x + uniform(rng, -1.5, 1.5), y + size[1] / 2.0],
                size,
                angle: tilt(rng),
                colour,
                shape,
                pin: rng.f32() < 0.3,
            });
            // Mostly a clear gap; one gap in eight touches or overlaps the card above, as
            // happens on crowded boards (a few per photo).
            let gap = match rng.usize(0..40) {
                0 | 1 => uniform(rng, -1.2, -0.3),
                2..=4 => uniform(rng, 0.0, 0.4),
                _ => uniform(rng, 0.8, 3.0),
            };
            y += size[1] + gap;
        }
        layout.columns.push((header_index, members));
    }
}

/// Whether `q` overlaps any placed card except `skip`, with `grow` cm of clearance.
fn collides(cards: &[CardSpec], q: &[Pt; 4], skip: Option<usize>, grow: f32) -> bool {
    cards
        .iter()
        .enumerate()
        .any(|(i, c)| Some(i) != skip && polygon_area(&clip_convex(q, &c.corners(grow))) > 0.0)
}

/// Cards spread over the board (a positioning exercise), a few of them touching or
/// slightly overlapping a neighbour.
fn scattered(rng: &mut Rng, layout: &mut Layout) {
    let [bw, bh] = layout.size;
    let capacity = (bw * bh * 0.42 / 230.0) as usize;
    let target = rng.usize(15..=45).min(capacity.max(15));
    let mut touching_left = rng.usize(2..=4);
    let mut misses = 0;
    while layout.cards.len() < target && misses < 40 {
        let shape = match rng.usize(0..20) {
            0..=10 => PaperShape::Rectangle,
            11..=14 => PaperShape::Oval,
            15..=17 => PaperShape::Circle,
            _ => PaperShape::Header,
        };
        let size = size_for(rng, shape);
        let mut card = CardSpec {
            centre: [0.0, 0.0],
            size,
            angle: tilt(rng),
            colour: other_colour(rng, None),
            shape,
            pin: rng.f32() < 0.3,
        };
        let margin = size[0].max(size[1]) / 2.0 + 3.0;
        let neighbour = (touching_left > 0 && !layout.cards.is_empty() && rng.f32() < 0.25)
            .then(|| rng.usize(0..layout.cards.len()));
        let mut placed = false;
        for _ in 0..200 {
            card.centre = match neighbour.and_then(|n| layout.cards.get(n)) {
                Some(n) => beside(rng, n, &card),
                None => [
                    uniform(rng, margin, bw - margin),
                    uniform(rng, margin, bh - margin),
                ],
            };
            let inside = card
                .corners(0.0)
                .iter()
                .all(|p| p[0] > 2.0 && p[1] > 2.0 && p[0] < bw - 2.0 && p[1] < bh - 2.0);
            let grow = if neighbour.is_some() { -0.05 } else { 0.6 };
            if inside && !collides(&layout.cards, &card.corners(grow), neighbour, grow.max(0.0)) {
                placed = true;
                break;
            }
        }
        if placed {
            if neighbour.is_some() {
                touching_left -= 1;
            }
            layout.cards.push(card);
            misses = 0;
        } else {
            misses += 1;
        }
    }
}

/// A centre for `card` right of or below `n`, touching it or overlapping it by up to 1.2 cm.
fn beside(rng: &mut Rng, n: &CardSpec, card: &CardSpec) -> Pt {
    let overlap = uniform(rng, -0.3, 1.2);
    if rng.bool() {
        let dx = (n.size[0] + card.size[0]) / 2.0 - overlap;
        [n.centre[0] + dx, n.centre[1] + uniform(rng, -3.0, 3.0)]
    } else {
        let dy = (n.size[1] + card.size[1]) / 2.0 - overlap;
        [n.centre[0] + uniform(rng, -4.0, 4.0), n.centre[1] + dy]
    }
}
