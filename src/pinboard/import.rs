//! From a detection to edits of a session: the board (new, or the one with that title) gets
//! one card per paper card, at its place on the straightened board, in its colour and shape;
//! the columns under a header card become clusters. The texts stay empty for the moderator
//! to type (no offline handwriting model can be shipped); the photo itself goes with the
//! board, so the report shows it beside the digital board.

use crate::board::edit::BoardEdit;
use crate::board::{Board, Card, CardColour, CardShape};
use crate::ids::{BoardId, CardId, ClusterId};

use super::detect::{ColumnProposal, Detection};
use super::paper::{PaperColour, PaperShape};

/// The card colour of a paper colour (Metaplan's six are Moderato's six).
pub fn colour(paper: PaperColour) -> CardColour {
    match paper {
        PaperColour::White => CardColour::White,
        PaperColour::Yellow => CardColour::Yellow,
        PaperColour::Orange => CardColour::Orange,
        PaperColour::Pink => CardColour::Pink,
        PaperColour::Green => CardColour::Green,
        PaperColour::Blue => CardColour::Blue,
    }
}

/// The card shape of a paper shape: a header strip is a heading.
pub fn shape(paper: PaperShape) -> CardShape {
    match paper {
        PaperShape::Rectangle => CardShape::Card,
        PaperShape::Oval => CardShape::Oval,
        PaperShape::Circle => CardShape::Circle,
        PaperShape::Header => CardShape::Heading,
    }
}

/// What an import will do: the board it fills and the edits, in order.
#[derive(Clone, Debug)]
pub struct Plan {
    pub board: BoardId,
    pub edits: Vec<BoardEdit>,
    /// The new cards' ids, in the detection's order.
    pub cards: Vec<CardId>,
    pub clusters: usize,
}

/// What is found in a photo and goes on a board: the detection, its columns, and each card's
/// picture (paths in `photos/`, in the detection's order; empty for none).
pub struct Found<'a> {
    pub detection: &'a Detection,
    pub columns: &'a [ColumnProposal],
    pub pictures: &'a [String],
}

/// The edits that put a detection on the board titled `title` (a new board when there is
/// none). `column_title` names a column whose header has no text yet ("Spalte 2").
pub fn plan(
    boards: &[Board],
    title: &str,
    found: &Found<'_>,
    column_title: &dyn Fn(usize) -> String,
) -> Plan {
    let Found {
        detection,
        columns,
        pictures,
    } = *found;
    let mut edits = Vec::new();
    let board = match boards.iter().find(|b| b.title.trim() == title.trim()) {
        Some(board) => board.id,
        None => {
            let board = Board {
                id: BoardId::generate(),
                title: title.trim().to_owned(),
                ..Board::default()
            };
            edits.push(BoardEdit::AddBoard(board.clone()));
            board.id
        }
    };
    let cards: Vec<CardId> = detection.cards.iter().map(|_| CardId::generate()).collect();
    for (n, (found, id)) in detection.cards.iter().zip(&cards).enumerate() {
        let [x, y] = found.centre_on_board;
        let card = Card {
            id: *id,
            colour: colour(found.colour),
            shape: shape(found.shape),
            // The centre where it hung; a card at the very edge stays on the wall.
            x: if x.is_finite() {
                x.clamp(0.0, 1.0)
            } else {
                0.5
            },
            y: if y.is_finite() {
                y.clamp(0.0, 1.0)
            } else {
                0.5
            },
            picture: pictures.get(n).cloned(),
            ..Card::default()
        };
        edits.push(BoardEdit::AddCard(board, card));
    }
    let mut clusters = 0;
    for (n, column) in columns.iter().enumerate() {
        let members: std::collections::BTreeSet<CardId> = std::iter::once(column.header)
            .chain(column.members.iter().copied())
            .filter_map(|index| cards.get(index).copied())
            .collect();
        if members.len() < 2 {
            continue;
        }
        clusters += 1;
        edits.push(BoardEdit::GroupInPlace {
            board,
            cluster: ClusterId::generate(),
            cards: members,
            fallback_title: column_title(n + 1),
        });
    }
    Plan {
        board,
        edits,
        cards,
        clusters,
    }
}

/// The board's corners moved (the moderator dragged one): each card keeps its place in the
/// photo, and its centre on the board is read again through the new corners. Returns false
/// (and changes nothing) when the new corners make no usable board.
pub fn move_board(detection: &mut Detection, corners: [[f32; 2]; 4]) -> bool {
    use super::geom::Homography;
    let (Some(old), Some(new)) = (
        Homography::unit_square_to(&detection.board),
        Homography::unit_square_to(&corners).and_then(|h| h.inverse()),
    ) else {
        return false;
    };
    let mut centres = Vec::with_capacity(detection.cards.len());
    for card in &detection.cards {
        let Some(centre) = old.apply(card.centre_on_board).and_then(|p| new.apply(p)) else {
            return false;
        };
        centres.push(centre);
    }
    for (card, centre) in detection.cards.iter_mut().zip(centres) {
        card.centre_on_board = centre;
    }
    detection.board = corners;
    true
}

/// A card the moderator drew on the photo (its corners in photo pixels, clockwise from the
/// top left), with its centre on the board; `None` when the board's corners are unusable.
pub fn drawn_card(
    detection: &Detection,
    corners: [[f32; 2]; 4],
    colour: PaperColour,
    shape: PaperShape,
) -> Option<super::detect::FoundCard> {
    use super::geom::{Homography, dist, quad_centre};
    let to_board = Homography::unit_square_to(&detection.board)?.inverse()?;
    let centre = to_board.apply(quad_centre(&corners))?;
    let on_board = to_board.apply_quad(&corners)?;
    Some(super::detect::FoundCard {
        corners,
        colour,
        shape,
        centre_on_board: centre,
        size_on_board: [
            dist(on_board[0], on_board[1]),
            dist(on_board[1], on_board[2]),
        ],
    })
}

/// `{"board": [[x,y],…4], "cards": [{"corners": [[x,y],…4], "colour": "yellow", "shape":
/// "rectangle"}, …]}` in photo pixels, board corners clockwise from the top left. Written by
/// hand: a fixed shape whose only strings are the fixed colour and shape names.
pub fn to_json(detection: &Detection) -> String {
    let quad = |q: &[[f32; 2]; 4]| {
        let finite = |v: f32| if v.is_finite() { v } else { 0.0 };
        let points: Vec<String> = q
            .iter()
            .map(|p| format!("[{:.1},{:.1}]", finite(p[0]), finite(p[1])))
            .collect();
        format!("[{}]", points.join(","))
    };
    let cards: Vec<String> = detection
        .cards
        .iter()
        .map(|c| {
            format!(
                "{{\"corners\": {}, \"colour\": \"{}\", \"shape\": \"{}\"}}",
                quad(&c.corners),
                c.colour.name(),
                c.shape.name()
            )
        })
        .collect();
    format!(
        "{{\"board\": {}, \"cards\": [{}]}}",
        quad(&detection.board),
        cards.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pinboard::detect::FoundCard;
    use crate::session::Session;

    fn found(x: f32, y: f32, colour: PaperColour, shape: PaperShape) -> FoundCard {
        FoundCard {
            corners: [[0.0, 0.0], [10.0, 0.0], [10.0, 5.0], [0.0, 5.0]],
            colour,
            shape,
            centre_on_board: [x, y],
            size_on_board: [0.1, 0.05],
        }
    }

    #[test]
    fn cards_hang_where_they_hung_with_colour_shape_and_their_column() {
        let detection = Detection {
            board: [[0.0, 0.0], [100.0, 0.0], [100.0, 80.0], [0.0, 80.0]],
            cards: vec![
                found(0.2, 0.1, PaperColour::Blue, PaperShape::Header),
                found(0.2, 0.3, PaperColour::Yellow, PaperShape::Rectangle),
                found(0.2, 0.5, PaperColour::Yellow, PaperShape::Oval),
                found(f32::NAN, 1.7, PaperColour::Pink, PaperShape::Circle),
            ],
        };
        let columns = [ColumnProposal {
            header: 0,
            members: vec![1, 2],
        }];
        let mut session = Session::create("Fotoprotokoll");
        let pictures = ["photos/cards/w-01.jpg".to_owned()];
        let found = Found {
            detection: &detection,
            columns: &columns,
            pictures: &pictures,
        };
        let plan = plan(&session.boards, "Wand 1", &found, &|n| {
            format!("Spalte {n}")
        });
        for edit in plan.edits {
            assert!(edit.apply(&mut session));
        }
        let board = session.board(plan.board).unwrap();
        assert_eq!(board.title, "Wand 1");
        assert_eq!(board.cards.len(), 4);
        let card = |i: usize| board.card(plan.cards[i]).unwrap();
        assert_eq!((card(1).x, card(1).y), (0.2, 0.3));
        assert_eq!(card(0).shape, CardShape::Heading);
        assert_eq!(
            (card(2).colour, card(2).shape),
            (CardColour::Yellow, CardShape::Oval)
        );
        assert_eq!((card(3).x, card(3).y), (0.5, 1.0), "kept on the wall");
        assert_eq!(card(0).picture.as_deref(), Some("photos/cards/w-01.jpg"));
        assert_eq!(card(1).picture, None, "no picture was made for it");
        assert_eq!(board.clusters.len(), 1);
        assert_eq!(board.clusters[0].cards.len(), 3);
    }

    #[test]
    fn moving_a_corner_keeps_each_card_where_it_is_in_the_photo() {
        let square = [[0.0, 0.0], [100.0, 0.0], [100.0, 100.0], [0.0, 100.0]];
        let mut detection = Detection {
            board: square,
            cards: vec![found(0.5, 0.5, PaperColour::Yellow, PaperShape::Rectangle)],
        };
        // The board found too wide: its right edge was at 50, not 100.
        let narrower = [[0.0, 0.0], [50.0, 0.0], [50.0, 100.0], [0.0, 100.0]];
        assert!(move_board(&mut detection, narrower));
        let [x, y] = detection.cards[0].centre_on_board;
        assert!((x - 1.0).abs() < 1e-4 && (y - 0.5).abs() < 1e-4, "{x} {y}");
        let degenerate = [[0.0, 0.0], [0.0, 0.0], [0.0, 0.0], [0.0, 0.0]];
        assert!(!move_board(&mut detection, degenerate));
        assert_eq!(detection.board, narrower, "unchanged");
        let drawn = drawn_card(
            &detection,
            [[10.0, 20.0], [20.0, 20.0], [20.0, 30.0], [10.0, 30.0]],
            PaperColour::Pink,
            PaperShape::Rectangle,
        )
        .unwrap();
        assert!((drawn.centre_on_board[0] - 0.3).abs() < 1e-4);
        assert!((drawn.centre_on_board[1] - 0.25).abs() < 1e-4);
    }

    #[test]
    fn json_has_the_documented_shape() {
        let detection = Detection {
            board: [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, f32::INFINITY]],
            cards: vec![found(0.5, 0.5, PaperColour::Green, PaperShape::Rectangle)],
        };
        let json: serde_json::Value = serde_json::from_str(&to_json(&detection)).unwrap();
        assert_eq!(json["board"][3], serde_json::json!([7.0, 0.0]));
        assert_eq!(json["cards"][0]["colour"], "green");
        assert_eq!(json["cards"][0]["shape"], "rectangle");
        assert_eq!(json["cards"][0]["corners"].as_array().unwrap().len(), 4);
    }
}
