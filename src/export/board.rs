//! A board as the report draws it: the wall, cards and cluster outlines in percent of the
//! picture, and the lists of clusters and cards below it.

use serde::Serialize;

use crate::board::layout::{self, UnitRect, WALL_H, WALL_W};

#[derive(Debug, Serialize)]
pub struct BoardData {
    pub title: String,
    pub question: String,
    /// Why the board is not drawn (too many cards), in words.
    pub not_drawn: Option<String>,
    pub height: f32,
    pub axes: Option<AxesData>,
    pub cards: Vec<CardData>,
    pub outlines: Vec<OutlineData>,
    pub clusters: Vec<ClusterData>,
    pub loose: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct AxesData {
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
    pub low_x: String,
    pub high_x: String,
    pub low_y: String,
    pub high_y: String,
    /// Top left, top right, bottom left, bottom right; empty without quadrant labels.
    pub quadrants: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct CardData {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub fill: String,
    pub text: String,
    pub heading: bool,
    pub votes: u32,
}

#[derive(Debug, Serialize)]
pub struct OutlineData {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub fill: String,
    pub title: String,
}

#[derive(Debug, Serialize)]
pub struct ClusterData {
    pub title: String,
    pub votes: u32,
    pub cards: Vec<String>,
}

fn hex(colour: crate::model::CardColour) -> String {
    let [r, g, b] = colour.rgb();
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// More cards than a picture across the page can show legibly: such a board is listed only.
pub const MAX_DRAWN_CARDS: usize = 300;

pub(super) fn board_data(
    board: &crate::model::Board,
    source_of: &dyn Fn(uuid::Uuid) -> String,
    too_many: &dyn Fn(usize) -> String,
) -> BoardData {
    // Looked up by id once: a cluster's cards are found without scanning the board each time.
    let by_id: std::collections::HashMap<_, _> = board.cards.iter().map(|c| (c.id, c)).collect();
    let members = |cluster: &crate::model::Cluster| {
        cluster
            .cards
            .iter()
            .filter_map(|id| by_id.get(id).copied())
            .collect::<Vec<_>>()
    };
    let is_drawn = board.cards.len() <= MAX_DRAWN_CARDS;
    // The drawing shows the wall (when there are axes) and every card, scaled into 0..100 %.
    let wall = UnitRect {
        min: (0.0, 0.0),
        max: (WALL_W, WALL_H),
    };
    let mut area = layout::bounds(board).unwrap_or(wall);
    if board.axes.is_some() {
        area = area.union(&wall);
    }
    let area = area.expand(30.0);
    let (w, h) = (area.max.0 - area.min.0, area.max.1 - area.min.1);
    let pct = |r: &UnitRect| {
        (
            (r.min.0 - area.min.0) / w * 100.0,
            (r.min.1 - area.min.1) / h * 100.0,
            (r.max.0 - r.min.0) / w * 100.0,
            (r.max.1 - r.min.1) / h * 100.0,
        )
    };
    // Keep cards their shape: the picture's height follows the area's proportions.
    let height = (16.5 * h / w).clamp(6.0, 20.0);
    let drawn = if is_drawn { &board.cards[..] } else { &[] };
    let cards = drawn
        .iter()
        .map(|c| {
            let (x, y, cw, ch) = pct(&layout::card_rect(c));
            CardData {
                x,
                y,
                w: cw,
                h: ch,
                fill: hex(c.colour),
                text: c.text.clone(),
                heading: c.shape == crate::model::CardShape::Heading,
                votes: c.votes,
            }
        })
        .collect();
    let outlines = board
        .clusters
        .iter()
        .filter(|_| is_drawn)
        .filter_map(|cluster| {
            let r = layout::outline(members(cluster).into_iter())?;
            let (x, y, cw, ch) = pct(&r);
            Some(OutlineData {
                x,
                y,
                w: cw,
                h: ch,
                fill: hex(cluster.colour),
                title: cluster.title.clone(),
            })
        })
        .collect();
    let axes = board.axes.as_ref().map(|a| {
        let (x0, y0, ww, wh) = pct(&wall);
        AxesData {
            x0,
            y0,
            x1: x0 + ww,
            y1: y0 + wh,
            low_x: a.x.low.clone(),
            high_x: a.x.high.clone(),
            low_y: a.y.low.clone(),
            high_y: a.y.high.clone(),
            quadrants: a.quadrants.clone().map(Vec::from).unwrap_or_default(),
        }
    });
    let card_line = |c: &crate::model::Card| {
        let mut line = c.text.clone();
        if !c.author.is_empty() {
            line.push_str(&format!(" – {}", c.author));
        }
        if c.votes > 0 {
            line.push_str(&format!(" (● {})", c.votes));
        }
        line.push_str(&source_of(c.id.uuid()));
        line
    };
    let clustered: std::collections::BTreeSet<_> = board
        .clusters
        .iter()
        .flat_map(|c| c.cards.iter().copied())
        .collect();
    let clusters = board
        .clusters
        .iter()
        .map(|cluster| {
            let cards = members(cluster);
            ClusterData {
                title: cluster.title.clone(),
                votes: cards
                    .iter()
                    .map(|c| c.votes)
                    .fold(cluster.votes, u32::saturating_add),
                cards: cards
                    .into_iter()
                    .filter(|c| c.shape == crate::model::CardShape::Card)
                    .map(card_line)
                    .collect(),
            }
        })
        .collect();
    let loose = board
        .cards
        .iter()
        .filter(|c| !clustered.contains(&c.id))
        .map(card_line)
        .collect();
    BoardData {
        title: board.title.clone(),
        question: board.question.clone(),
        not_drawn: (!is_drawn).then(|| too_many(board.cards.len())),
        height,
        axes,
        cards,
        outlines,
        clusters,
        loose,
    }
}
