//! Ground truth, matching of found cards to true cards, and the benchmark figures.

use crate::pinboard::detect::{ColumnProposal, Detection};
use crate::pinboard::geom::{Pt, convex_iou};
use crate::pinboard::paper::{PaperColour, PaperShape};

/// One true card.
#[derive(Clone, Debug, PartialEq)]
pub struct TruthCard {
    /// Corners in photo pixels, clockwise from top left (for ovals and circles: the projected
    /// corners of the card's rotated bounding rectangle).
    pub corners: [Pt; 4],
    /// Centre on the straightened board, 0..1 on both axes, (0, 0) at the board's top left.
    pub centre_on_board: Pt,
    /// Paper colour.
    pub colour: PaperColour,
    /// Outline.
    pub shape: PaperShape,
}

/// A true column: a header card and the cards standing under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TruthColumn {
    /// Index of the header card.
    pub header: usize,
    /// Indices of the member cards, top to bottom.
    pub members: Vec<usize>,
}

/// Everything known about a generated photo.
#[derive(Clone, Debug, PartialEq)]
pub struct GroundTruth {
    /// Board corners in photo pixels, clockwise from top left.
    pub board: [Pt; 4],
    /// Physical board size (width, height) in cm; gives the aspect for centre errors.
    pub board_size_cm: Pt,
    /// All cards.
    pub cards: Vec<TruthCard>,
    /// Columns under headers (empty for scattered boards).
    pub columns: Vec<TruthColumn>,
}

/// A found card paired with a true card.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Match {
    /// Index into the truth.
    pub truth: usize,
    /// Index into the detection.
    pub found: usize,
    /// Intersection over union of their quadrilaterals in photo pixels.
    pub iou: f32,
}

/// Greedy one-to-one matching by descending IoU, keeping pairs with IoU ≥ `min_iou`.
/// (With cards that barely overlap each other, greedy and Hungarian matching agree.)
pub fn match_cards(truth: &[TruthCard], found: &[[Pt; 4]], min_iou: f32) -> Vec<Match> {
    let mut pairs = Vec::new();
    for (ti, t) in truth.iter().enumerate() {
        for (fi, f) in found.iter().enumerate() {
            let iou = convex_iou(&t.corners, f);
            if iou >= min_iou {
                pairs.push(Match {
                    truth: ti,
                    found: fi,
                    iou,
                });
            }
        }
    }
    pairs.sort_by(|a, b| b.iou.total_cmp(&a.iou));
    let (mut t_used, mut f_used) = (vec![false; truth.len()], vec![false; found.len()]);
    let mut out = Vec::new();
    for p in pairs {
        let (Some(tu), Some(fu)) = (t_used.get(p.truth).copied(), f_used.get(p.found).copied())
        else {
            continue;
        };
        if !tu && !fu {
            t_used[p.truth] = true;
            f_used[p.found] = true;
            out.push(p);
        }
    }
    out
}

/// The figures for one photo (or, summed, for a set).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Score {
    /// Number of true cards.
    pub truth: usize,
    /// Number of found cards.
    pub found: usize,
    /// Matched pairs at IoU ≥ 0.5.
    pub matched: usize,
    /// Sum of IoU over the matched pairs.
    pub iou_sum: f32,
    /// Centre error of each matched pair after straightening, as a fraction of board width.
    pub centre_errors: Vec<f32>,
    /// Matched pairs with the right colour.
    pub colour_right: usize,
    /// Matched pairs with the right shape.
    pub shape_right: usize,
    /// Colour confusion counts, `[truth][found]` in [`PaperColour::ALL`] order.
    pub colour_confusion: [[usize; 6]; 6],
    /// Shape confusion counts, `[truth][found]` in [`PaperShape::ALL`] order.
    pub shape_confusion: [[usize; 4]; 4],
    /// True columns.
    pub columns: usize,
    /// True columns whose header was proposed with at least 80 % of the members (Jaccard).
    pub columns_found: usize,
}

impl Score {
    /// Matched / found (1 when nothing was found).
    pub fn precision(&self) -> f32 {
        if self.found == 0 {
            1.0
        } else {
            self.matched as f32 / self.found as f32
        }
    }
    /// Matched / truth (1 when there was nothing to find).
    pub fn recall(&self) -> f32 {
        if self.truth == 0 {
            1.0
        } else {
            self.matched as f32 / self.truth as f32
        }
    }
    /// Mean centre error as a fraction of the board width.
    pub fn mean_centre_error(&self) -> f32 {
        if self.centre_errors.is_empty() {
            0.0
        } else {
            self.centre_errors.iter().sum::<f32>() / self.centre_errors.len() as f32
        }
    }
    /// Largest centre error as a fraction of the board width.
    pub fn max_centre_error(&self) -> f32 {
        self.centre_errors.iter().copied().fold(0.0, f32::max)
    }
    /// Share of matched cards with the right colour.
    pub fn colour_accuracy(&self) -> f32 {
        if self.matched == 0 {
            1.0
        } else {
            self.colour_right as f32 / self.matched as f32
        }
    }
    /// Share of matched cards with the right shape.
    pub fn shape_accuracy(&self) -> f32 {
        if self.matched == 0 {
            1.0
        } else {
            self.shape_right as f32 / self.matched as f32
        }
    }
    /// Adds another photo's figures into this total.
    pub fn add(&mut self, o: &Score) {
        self.truth += o.truth;
        self.found += o.found;
        self.matched += o.matched;
        self.iou_sum += o.iou_sum;
        self.centre_errors.extend_from_slice(&o.centre_errors);
        self.colour_right += o.colour_right;
        self.shape_right += o.shape_right;
        for i in 0..6 {
            for j in 0..6 {
                self.colour_confusion[i][j] += o.colour_confusion[i][j];
            }
        }
        for i in 0..4 {
            for j in 0..4 {
                self.shape_confusion[i][j] += o.shape_confusion[i][j];
            }
        }
        self.columns += o.columns;
        self.columns_found += o.columns_found;
    }
}

fn colour_index(c: PaperColour) -> usize {
    PaperColour::ALL.iter().position(|&x| x == c).unwrap_or(0)
}

fn shape_index(s: PaperShape) -> usize {
    PaperShape::ALL.iter().position(|&x| x == s).unwrap_or(0)
}

/// Scores one detection (and its column proposals) against the truth.
pub fn score(truth: &GroundTruth, det: &Detection, proposals: &[ColumnProposal]) -> Score {
    let quads: Vec<[Pt; 4]> = det.cards.iter().map(|c| c.corners).collect();
    let matches = match_cards(&truth.cards, &quads, 0.5);
    let aspect = truth.board_size_cm[1] / truth.board_size_cm[0].max(1e-3);
    let mut s = Score {
        truth: truth.cards.len(),
        found: det.cards.len(),
        matched: matches.len(),
        ..Score::default()
    };
    for m in &matches {
        let (Some(t), Some(f)) = (truth.cards.get(m.truth), det.cards.get(m.found)) else {
            continue;
        };
        s.iou_sum += m.iou;
        let dx = t.centre_on_board[0] - f.centre_on_board[0];
        let dy = (t.centre_on_board[1] - f.centre_on_board[1]) * aspect;
        s.centre_errors.push(dx.hypot(dy));
        s.colour_right += usize::from(t.colour == f.colour);
        s.shape_right += usize::from(t.shape == f.shape);
        s.colour_confusion[colour_index(t.colour)][colour_index(f.colour)] += 1;
        s.shape_confusion[shape_index(t.shape)][shape_index(f.shape)] += 1;
    }
    s.columns = truth.columns.len();
    s.columns_found = truth
        .columns
        .iter()
        .filter(|c| column_found(c, &matches, proposals))
        .count();
    s
}

/// Whether a proposal has the column's (matched) header and ≥ 80 % Jaccard overlap of members.
fn column_found(col: &TruthColumn, matches: &[Match], proposals: &[ColumnProposal]) -> bool {
    let found_of = |t: usize| matches.iter().find(|m| m.truth == t).map(|m| m.found);
    let Some(header) = found_of(col.header) else {
        return false;
    };
    let want: Vec<usize> = col.members.iter().filter_map(|&m| found_of(m)).collect();
    proposals.iter().filter(|p| p.header == header).any(|p| {
        let inter = p.members.iter().filter(|m| want.contains(m)).count();
        let union = p.members.len() + want.len() - inter;
        union == 0 || inter as f32 / union as f32 >= 0.8
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pinboard::detect::FoundCard;

    fn card(x: f32, y: f32) -> TruthCard {
        TruthCard {
            corners: [[x, y], [x + 20.0, y], [x + 20.0, y + 10.0], [x, y + 10.0]],
            centre_on_board: [x / 100.0, y / 100.0],
            colour: PaperColour::Yellow,
            shape: PaperShape::Rectangle,
        }
    }

    #[test]
    fn matching_and_figures() {
        let truth = GroundTruth {
            board: [[0.0, 0.0], [100.0, 0.0], [100.0, 100.0], [0.0, 100.0]],
            board_size_cm: [100.0, 100.0],
            cards: vec![card(0.0, 0.0), card(50.0, 50.0)],
            columns: vec![],
        };
        let found = |x: f32, y: f32, colour| FoundCard {
            corners: card(x, y).corners,
            colour,
            shape: PaperShape::Rectangle,
            centre_on_board: [x / 100.0, y / 100.0],
            size_on_board: [0.2, 0.1],
        };
        let det = Detection {
            board: truth.board,
            cards: vec![
                found(1.0, 0.0, PaperColour::Yellow),
                found(80.0, 80.0, PaperColour::Blue),
                found(50.0, 51.0, PaperColour::Blue),
            ],
        };
        let s = score(&truth, &det, &[]);
        assert_eq!(s.matched, 2);
        assert!((s.precision() - 2.0 / 3.0).abs() < 1e-6);
        assert!((s.recall() - 1.0).abs() < 1e-6);
        assert!((s.colour_accuracy() - 0.5).abs() < 1e-6);
        assert!((s.max_centre_error() - 0.01).abs() < 1e-5);
    }
}
