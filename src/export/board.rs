//! A board as the report prints it: on a page of its own (landscape when the board is
//! wide), cropped to its cards, every card with its text laid out as on screen (see
//! `board::text_fit`) at 7 pt or more, none clipped, none on another (the board is tidied
//! for print), cluster titles inside the picture. A board too dense for 7 pt gets numbered
//! markers and its numbered card texts below. The lists of clusters and cards follow.
//! Every length here is in points; the template only places what it is given.

use serde::Serialize;

use crate::board::layout::{self, UnitRect, WALL_H, WALL_W};
use crate::board::text_fit;
use crate::board::{Board, CardShape};

/// A4 in points, and the margins of a board's page (the template uses the same).
const PAGE_LONG: f32 = 841.89;
const PAGE_SHORT: f32 = 595.28;
/// A board's page margins in points: 1.5 cm at the sides and the bottom (the footer sits
/// there), 1.2 cm at the top.
const MARGIN_X: f32 = 42.52;
const MARGIN_TOP: f32 = 34.02;
const MARGIN_BOTTOM: f32 = 42.52;
/// Room above the picture for the board's heading and question, and for the section's
/// heading above the first board.
const HEADING_ROOM: f32 = 64.0;
const SECTION_ROOM: f32 = 40.0;
/// The smallest text on a board's picture.
pub const MIN_PRINT_PT: f32 = 7.0;
/// More cards than even markers can show: such a board is listed only.
pub const MAX_DRAWN_CARDS: usize = 300;
/// Space around the cards in the picture, in wall units.
const CROP_MARGIN: f32 = 12.0;

#[derive(Debug, Serialize)]
pub struct BoardData {
    pub title: String,
    pub question: String,
    /// Why the board is not drawn (too many cards), in words.
    pub not_drawn: Option<String>,
    /// The board's page is turned sideways.
    pub landscape: bool,
    pub picture: Option<Picture>,
    /// The cards are numbered markers on the picture; their texts are in the lists.
    pub numbered: bool,
    pub clusters: Vec<ClusterData>,
    pub loose: Vec<ListCard>,
}

/// The picture of the wall, in points from its top left.
#[derive(Debug, Serialize)]
pub struct Picture {
    pub w: f32,
    pub h: f32,
    pub wall: Option<RectData>,
    pub axes: Option<AxesData>,
    pub labels: Vec<LabelData>,
    pub outlines: Vec<OutlineData>,
    pub cards: Vec<CardData>,
}

#[derive(Debug, Serialize)]
pub struct RectData {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

#[derive(Debug, Serialize)]
pub struct AxesData {
    /// The wall's corners: the axes run along its left and bottom edges.
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    pub quadrants: bool,
}

#[derive(Debug, Serialize)]
pub struct LabelData {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub text: String,
    pub size: f32,
    pub right: bool,
    pub faint: bool,
}

#[derive(Debug, Serialize)]
pub struct CardData {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub fill: String,
    /// The lines as laid out for the card (empty with markers).
    pub lines: Vec<String>,
    pub size: f32,
    pub pad: f32,
    pub leading: f32,
    pub heading: bool,
    pub votes: u32,
    pub badge: f32,
    /// The marker's number, when the board is numbered.
    pub number: Option<usize>,
}

#[derive(Debug, Serialize)]
pub struct OutlineData {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub fill: String,
    pub title: String,
    pub size: f32,
}

#[derive(Debug, Serialize)]
pub struct ClusterData {
    pub title: String,
    pub votes: u32,
    pub cards: Vec<ListCard>,
}

/// A card in the lists below the picture.
#[derive(Debug, Serialize)]
pub struct ListCard {
    pub number: Option<usize>,
    pub text: String,
}

fn hex(colour: crate::board::CardColour) -> String {
    let [r, g, b] = colour.rgb();
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The board as it is printed: tidied, so no card lies on another.
fn for_print(board: &Board) -> Board {
    let mut tidy = board.clone();
    let moves = crate::board::tidy::tidy(board);
    for (id, x, y) in moves {
        if let Some(card) = tidy.cards.iter_mut().find(|c| c.id == id) {
            (card.x, card.y) = (x, y);
        }
    }
    tidy
}

/// The part of the wall the picture shows: the cards, their clusters, and the wall with its
/// labels when the board has axes.
fn area(board: &Board) -> Option<UnitRect> {
    let mut area = layout::bounds(board)?;
    for cluster in &board.clusters {
        if let Some(r) = layout::cluster_rect(board, cluster) {
            area = area.union(&r);
        }
    }
    if board.axes.is_some() {
        let wall = UnitRect {
            min: (0.0, 0.0),
            max: (WALL_W, WALL_H),
        };
        area = area.union(&wall);
        for label in layout::wall_labels(board) {
            area = area.union(&label.rect);
        }
    }
    Some(area.expand(CROP_MARGIN))
}

/// The orientation and scale (points per wall unit) that show an area largest, within
/// `height_share` of the page's height below the heading.
fn page_fit(area: &UnitRect, height_share: f32, is_first: bool) -> (bool, f32) {
    let above = HEADING_ROOM + if is_first { SECTION_ROOM } else { 0.0 };
    let (aw, ah) = (area.max.0 - area.min.0, area.max.1 - area.min.1);
    let scale = |w: f32, h: f32| {
        let height = h - MARGIN_TOP - MARGIN_BOTTOM - above;
        ((w - 2.0 * MARGIN_X) / aw).min(height * height_share / ah)
    };
    let portrait = scale(PAGE_SHORT, PAGE_LONG);
    let landscape = scale(PAGE_LONG, PAGE_SHORT);
    if landscape > portrait {
        (true, landscape)
    } else {
        (false, portrait)
    }
}

pub(super) fn board_data(
    board: &Board,
    is_first: bool,
    source_of: &dyn Fn(uuid::Uuid) -> String,
    too_many: &dyn Fn(usize) -> String,
) -> BoardData {
    let is_drawn = board.cards.len() <= MAX_DRAWN_CARDS;
    let board = if is_drawn {
        for_print(board)
    } else {
        board.clone()
    };
    let smallest = board
        .cards
        .iter()
        .map(|c| text_fit::fit(&c.text, c.shape).size)
        .fold(f32::INFINITY, f32::min);
    let mut landscape = false;
    let mut numbered = false;
    let mut picture = None;
    if is_drawn && let Some(area) = area(&board) {
        let (turned, mut scale) = page_fit(&area, 1.0, is_first);
        landscape = turned;
        if smallest * scale < MIN_PRINT_PT {
            // Too dense for readable text: markers, and the picture leaves room below it
            // for the numbered texts.
            numbered = true;
            (landscape, scale) = page_fit(&area, 0.5, is_first);
        }
        picture = Some(picture_of(&board, &area, scale, numbered));
    }
    let numbers: std::collections::HashMap<_, _> = board
        .cards
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id, i + 1))
        .collect();
    let list_card = |c: &crate::board::Card| {
        let mut text = c.text.clone();
        if !c.author.is_empty() {
            text.push_str(&format!(" – {}", c.author));
        }
        if c.votes > 0 {
            text.push_str(&format!(" (● {})", c.votes));
        }
        text.push_str(&source_of(c.id.uuid()));
        ListCard {
            number: numbered.then(|| numbers[&c.id]),
            text,
        }
    };
    // Looked up by id once: a cluster's cards are found without scanning the board each time.
    let by_id: std::collections::HashMap<_, _> = board.cards.iter().map(|c| (c.id, c)).collect();
    let clustered: std::collections::HashSet<_> = board
        .clusters
        .iter()
        .flat_map(|c| c.cards.iter().copied())
        .collect();
    let clusters = board
        .clusters
        .iter()
        .map(|cluster| {
            let cards: Vec<_> = cluster
                .cards
                .iter()
                .filter_map(|id| by_id.get(id).copied())
                .collect();
            ClusterData {
                title: cluster.title.clone(),
                votes: crate::board::dots_total(cluster.votes, cards.iter().map(|c| c.votes)),
                cards: cards
                    .into_iter()
                    .filter(|c| numbered || c.shape == CardShape::Card)
                    .map(list_card)
                    .collect(),
            }
        })
        .collect();
    let loose = board
        .cards
        .iter()
        .filter(|c| !clustered.contains(&c.id))
        .map(list_card)
        .collect();
    BoardData {
        title: board.title.clone(),
        question: board.question.clone(),
        not_drawn: (!is_drawn).then(|| too_many(board.cards.len())),
        landscape,
        picture,
        numbered,
        clusters,
        loose,
    }
}

/// The wall's labels at their print size (at least 7 pt, so larger than the wall's scale on
/// a dense board): those at the bottom of the wall grow upwards, and a label that would
/// cover another moves past it.
fn print_labels(board: &Board, rect: &dyn Fn(&UnitRect) -> RectData) -> Vec<LabelData> {
    let mut placed: Vec<UnitRect> = Vec::new();
    let mut labels = Vec::new();
    for l in layout::wall_labels(board) {
        let r = rect(&l.rect);
        let scale = r.h / (l.rect.max.1 - l.rect.min.1);
        let size = (layout::LABEL_SIZE * scale).max(MIN_PRINT_PT);
        let (w, h) = (text_fit::width_em(&l.text) * size, size * 1.4);
        let x = if l.is_right { r.x + r.w - w } else { r.x };
        let grows_up = l.rect.min.1 > WALL_H / 2.0 && l.rect.max.1 <= WALL_H;
        let mut y = if grows_up { r.y + r.h - h } else { r.y };
        let step = if grows_up { -h } else { h };
        let at = |y: f32| UnitRect {
            min: (x, y),
            max: (x + w, y + h),
        };
        for _ in 0..8 {
            if !placed.iter().any(|p| p.intersects(&at(y))) {
                break;
            }
            y += step;
        }
        placed.push(at(y));
        labels.push(LabelData {
            x,
            y,
            w,
            text: l.text,
            size,
            right: l.is_right,
            faint: l.is_quadrant,
        });
    }
    labels
}

fn picture_of(board: &Board, area: &UnitRect, scale: f32, numbered: bool) -> Picture {
    let rect = |r: &UnitRect| RectData {
        x: (r.min.0 - area.min.0) * scale,
        y: (r.min.1 - area.min.1) * scale,
        w: (r.max.0 - r.min.0) * scale,
        h: (r.max.1 - r.min.1) * scale,
    };
    let wall = UnitRect {
        min: (0.0, 0.0),
        max: (WALL_W, WALL_H),
    };
    let axes = board.axes.as_ref().map(|a| {
        let w = rect(&wall);
        AxesData {
            x0: w.x,
            y0: w.y,
            x1: w.x + w.w,
            y1: w.y + w.h,
            quadrants: a.quadrants.is_some(),
        }
    });
    let labels = print_labels(board, &rect);
    let outlines = board
        .clusters
        .iter()
        .filter_map(|cluster| {
            let outline = layout::cluster_rect(board, cluster)?;
            // A long title gets smaller to fit the outline, down to the smallest print size.
            let room = outline.max.0 - outline.min.0 - layout::CLUSTER_TITLE_SIZE;
            let fitting = room / text_fit::width_em(&cluster.title).max(0.1);
            let size = fitting.min(layout::CLUSTER_TITLE_SIZE) * scale;
            let r = rect(&outline);
            Some(OutlineData {
                x: r.x,
                y: r.y,
                w: r.w,
                h: r.h,
                fill: hex(cluster.colour),
                title: if layout::titled_by_heading(board, cluster) {
                    String::new()
                } else {
                    cluster.title.clone()
                },
                size: size.max(MIN_PRINT_PT),
            })
        })
        .collect();
    let cards = board
        .cards
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let r = rect(&layout::card_rect(c));
            let fit = text_fit::fit(&c.text, c.shape);
            CardData {
                x: r.x,
                y: r.y,
                w: r.w,
                h: r.h,
                fill: hex(c.colour),
                lines: if numbered {
                    Vec::new()
                } else {
                    fit.lines.clone()
                },
                size: fit.size * scale,
                pad: text_fit::PAD * scale,
                // Baselines `LINE_HEIGHT` apart: typst's leading is the gap below a line's
                // cap height.
                leading: (text_fit::LINE_HEIGHT - 0.73) * fit.size * scale,
                heading: c.shape == CardShape::Heading,
                votes: c.votes,
                badge: (text_fit::PAD * 0.9 * scale).max(5.5),
                number: numbered.then_some(i + 1),
            }
        })
        .collect();
    Picture {
        w: (area.max.0 - area.min.0) * scale,
        h: (area.max.1 - area.min.1) * scale,
        wall: board.axes.as_ref().map(|_| rect(&wall)),
        axes,
        labels,
        outlines,
        cards,
    }
}
