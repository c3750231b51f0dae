//! A board as the report prints it: on a page of its own (landscape when the board is
//! wide), cropped to its cards, every card with its text laid out as on screen (see
//! `board::text_fit`) at 7 pt or more, none clipped, none on another, cluster titles inside
//! the picture. A board too dense for 7 pt gets numbered markers and its numbered card
//! texts below. The lists of clusters and cards follow. Every length here is in points; the
//! template only places what it is given.
//!
//! A free board is tidied for print. A positioning board is not: a card's place is its
//! answer, so every card is drawn at its recorded place, or, where it would cover another,
//! beside it with a marker at its place and a leader line (`board::placement`); too crowded
//! for that, every card is a numbered marker at its place. Clusters there are a coloured
//! stripe on their cards and a line in the legend below the picture, never an outline that
//! would seem to hold cards that are not in it.

use std::collections::HashMap;

use serde::Serialize;

use crate::board::layout::{self, UnitRect, WALL_H, WALL_W};
use crate::board::placement;
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
/// A numbered marker's side on a crowded positioning board, in points.
const MARKER_PT: f32 = 14.0;
/// More cards than even markers can show: such a board is listed only.
pub const MAX_DRAWN_CARDS: usize = 300;
/// The most cards the lists of one report hold, and the most characters of their texts: a
/// report of a session at the limits of what it may hold (100,000 cards of 2,000 characters)
/// would run to tens of thousands of pages; the tables (CSV) hold every card.
pub const MAX_LISTED_CARDS: usize = 20_000;
pub const MAX_LISTED_CHARS: usize = 1_500_000;

/// Cuts the boards' lists to the report's room (`MAX_LISTED_CARDS`, `MAX_LISTED_CHARS`), in
/// the order of the report; each board cut gets `cut(listed, total)` as its note.
pub fn fit_lists(boards: &mut [BoardData], cut: &dyn Fn(usize, usize) -> String) {
    let (mut cards, mut chars) = (0usize, 0usize);
    for board in boards {
        let total: usize =
            board.clusters.iter().map(|c| c.cards.len()).sum::<usize>() + board.loose.len();
        let mut listed = 0;
        let mut room = |list: &mut Vec<ListCard>| {
            let keep = list
                .iter()
                .take_while(|card| {
                    cards += 1;
                    chars = chars.saturating_add(card.text.len());
                    cards <= MAX_LISTED_CARDS && chars <= MAX_LISTED_CHARS
                })
                .count();
            list.truncate(keep);
            listed += keep;
        };
        for cluster in &mut board.clusters {
            room(&mut cluster.cards);
        }
        room(&mut board.loose);
        if listed < total {
            board.clusters.retain(|c| !c.cards.is_empty());
            board.cut = Some(cut(listed, total));
        }
    }
}
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
    /// The lists stand in three columns below the picture on its page turned sideways.
    pub lists_below: bool,
    pub clusters: Vec<ClusterData>,
    pub loose: Vec<ListCard>,
    /// What a screen reader says for the picture: its cards, or where their list is.
    pub alt: String,
    /// Above the lists when they follow the picture's page upright.
    pub lists_heading: String,
    /// When the report's room for listed cards ran out: how many of this board's cards are
    /// listed, and where all of them are.
    pub cut: Option<String>,
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
    /// A positioning board's clusters: colour, title and dots, below the picture.
    pub legend: Vec<LegendData>,
}

/// A cluster of a positioning board, as its legend line says it.
#[derive(Debug, Serialize)]
pub struct LegendData {
    pub fill: String,
    pub title: String,
    pub votes: u64,
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
    /// The corner radius in points (half the shorter side for a round card).
    pub radius: f32,
    pub votes: u64,
    pub badge: f32,
    /// The marker's number, when the board is numbered.
    pub number: Option<usize>,
    /// Drawn beside its place: the marker at its place and the leader line's ends.
    pub leader: Option<[f32; 4]>,
    /// The colour of its cluster on a positioning board.
    pub stripe: Option<String>,
    /// A numbered marker standing for the card (a crowded positioning board).
    pub is_marker: bool,
    /// A card read off a photo and not typed yet: its picture, drawn in place of the text.
    /// The path in the session while the data is made; the report's file once the picture
    /// is read (or none when it cannot be).
    pub picture: Option<String>,
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
    /// The cluster's own dots (its cards carry theirs).
    pub votes: u64,
}

#[derive(Debug, Serialize)]
pub struct ClusterData {
    pub title: String,
    pub votes: u64,
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

/// The board as it is printed: a free board tidied, so no card lies on another; a
/// positioning board as it is (see the module's text).
fn for_print(board: &Board) -> Board {
    if board.axes.is_some() {
        return board.clone();
    }
    let mut tidy = board.clone();
    let moves = crate::board::tidy::tidy(board);
    for (id, x, y) in moves {
        if let Some(card) = tidy.cards.iter_mut().find(|c| c.id == id) {
            (card.x, card.y) = (x, y);
        }
    }
    tidy
}

/// The part of the wall the picture shows: the cards (where they are drawn), their
/// clusters, and the wall with its labels when the board has axes.
fn area(board: &Board, placed: Option<&[placement::Placed]>) -> Option<UnitRect> {
    let mut area = layout::bounds(board)?;
    for spot in placed.into_iter().flatten() {
        area = area.union(&spot.rect);
    }
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
/// The least share of its size the picture keeps when the lists join it on its page.
const MIN_PICTURE_SHARE: f32 = 0.7;

/// The height a page leaves for a board's picture and lists (below its heading).
fn page_room(landscape: bool, is_first: bool) -> f32 {
    let above = HEADING_ROOM + if is_first { SECTION_ROOM } else { 0.0 };
    let height = if landscape { PAGE_SHORT } else { PAGE_LONG };
    height - MARGIN_TOP - MARGIN_BOTTOM - above
}

/// About how high a board's lists are in three columns of 8 pt on a sideways page: a line
/// per heading and per card (more for a long card), 11 pt a line, a gap per heading.
fn lists_height(board: &Board) -> f32 {
    const CHARS_PER_LINE: usize = 52;
    let clusters = board.clusters.len() + 1;
    let card_lines: usize = board
        .cards
        .iter()
        .map(|c| (c.text.chars().count() + c.author.chars().count() + 12).div_ceil(CHARS_PER_LINE))
        .sum();
    let lines = (clusters + card_lines).div_ceil(3) + 2;
    lines as f32 * 11.0 + clusters as f32 * 4.0 + 24.0
}

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
    untyped: &dyn Fn(usize) -> String,
) -> BoardData {
    let is_drawn = board.cards.len() <= MAX_DRAWN_CARDS;
    let board = if is_drawn {
        for_print(board)
    } else {
        board.clone()
    };
    let mut landscape = false;
    let mut numbered = false;
    let mut lists_below = false;
    let mut picture = None;
    let mut picture_frame = None;
    // A positioning board's cards drawn at their places, or beside them (or `None`: too
    // crowded, markers only).
    let placed = (is_drawn && board.axes.is_some()).then(|| placement::place(&board));
    if is_drawn && let Some(area) = area(&board, placed.as_ref().and_then(Option::as_deref)) {
        let smallest = board
            .cards
            .iter()
            .map(|c| text_fit::fit(&c.text, c.shape).size)
            .fold(f32::INFINITY, f32::min);
        let (turned, mut scale) = page_fit(&area, 1.0, is_first);
        landscape = turned;
        if smallest * scale < MIN_PRINT_PT || matches!(placed, Some(None)) {
            // Too dense for readable text: markers, and the picture leaves room below it
            // for the numbered texts.
            numbered = true;
            (landscape, scale) = page_fit(&area, 0.5, is_first);
        } else if landscape {
            // A page turned sideways carries the board's lists in three columns below the
            // picture when a smaller picture still prints every card legibly.
            let room = page_room(true, is_first) - lists_height(&board);
            let smaller = scale.min(room / (area.max.1 - area.min.1));
            if smaller >= scale * MIN_PICTURE_SHARE && smallest * smaller >= MIN_PRINT_PT {
                scale = smaller;
                lists_below = true;
            }
        }
        let placed = placed.flatten().filter(|_| !numbered);
        let frame = Frame { area, scale };
        picture = Some(picture_of(&board, &frame, numbered, placed.as_deref()));
        picture_frame = Some(frame);
    }
    let markers_only = numbered && board.axes.is_some();
    let numbers = numbering(&board, markers_only);
    if let (Some(picture), Some(frame)) = (&mut picture, &picture_frame)
        && markers_only
    {
        picture.cards = markers_of(&board, &numbers, frame);
    }
    let (clusters, loose) = lists(&board, numbered, &numbers, source_of, untyped);
    BoardData {
        title: board.title.clone(),
        question: board.question.clone(),
        not_drawn: (!is_drawn).then(|| too_many(board.cards.len())),
        landscape,
        picture,
        numbered,
        lists_below,
        clusters,
        loose,
        alt: String::new(),
        lists_heading: String::new(),
        cut: None,
    }
}

/// The lists below the picture: each cluster with its cards, then the other cards.
fn lists(
    board: &Board,
    numbered: bool,
    numbers: &std::collections::HashMap<crate::ids::CardId, usize>,
    source_of: &dyn Fn(uuid::Uuid) -> String,
    untyped: &dyn Fn(usize) -> String,
) -> (Vec<ClusterData>, Vec<ListCard>) {
    // Cards read off a photo and not typed yet are counted in one line per list, not listed
    // one by one as empty lines (a numbered board lists each: its numbers refer to them).
    let is_untyped =
        |c: &&crate::board::Card| !numbered && c.text.trim().is_empty() && c.picture.is_some();
    let untyped_line = |cards: &[&crate::board::Card]| {
        let n = cards.iter().filter(|c| is_untyped(c)).count();
        (n > 0).then(|| ListCard {
            number: None,
            text: untyped(n),
        })
    };
    let list_card = |c: &crate::board::Card| {
        let mut text = if c.text.trim().is_empty() && c.picture.is_some() {
            untyped(1)
        } else {
            c.text.clone()
        };
        if !c.author.is_empty() {
            text.push_str(&format!(" \u{2013} {}", c.author));
        }
        if c.votes > 0 {
            text.push_str(&format!(" (\u{25cf} {})", c.votes));
        }
        text.push_str(&source_of(c.id.uuid()));
        ListCard {
            number: numbered.then(|| numbers.get(&c.id).copied().unwrap_or_default()),
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
            let listed: Vec<_> = cards
                .iter()
                .filter(|c| numbered || c.shape == CardShape::Card)
                .copied()
                .collect();
            ClusterData {
                title: cluster.title.clone(),
                votes: crate::board::dots_total(cluster.votes, cards.iter().map(|c| c.votes)),
                cards: listed
                    .iter()
                    .filter(|c| !is_untyped(c))
                    .map(|c| list_card(c))
                    .chain(untyped_line(&listed))
                    .collect(),
            }
        })
        .collect();
    let loose_cards: Vec<_> = board
        .cards
        .iter()
        .filter(|c| !clustered.contains(&c.id))
        .collect();
    let mut loose: Vec<ListCard> = loose_cards
        .iter()
        .filter(|c| !is_untyped(c))
        .map(|c| list_card(c))
        .collect();
    // Numbered by place, the list reads in the numbers' order.
    loose.sort_by_key(|c| c.number);
    loose.extend(untyped_line(&loose_cards));
    (clusters, loose)
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

/// The part of the wall a picture shows, and its scale (points per wall unit).
struct Frame {
    area: UnitRect,
    scale: f32,
}

impl Frame {
    fn rect(&self, r: &UnitRect) -> RectData {
        RectData {
            x: (r.min.0 - self.area.min.0) * self.scale,
            y: (r.min.1 - self.area.min.1) * self.scale,
            w: (r.max.0 - r.min.0) * self.scale,
            h: (r.max.1 - r.min.1) * self.scale,
        }
    }

    fn point(&self, p: (f32, f32)) -> (f32, f32) {
        (
            (p.0 - self.area.min.0) * self.scale,
            (p.1 - self.area.min.1) * self.scale,
        )
    }
}

fn picture_of(
    board: &Board,
    frame: &Frame,
    numbered: bool,
    placed: Option<&[placement::Placed]>,
) -> Picture {
    let wall = UnitRect {
        min: (0.0, 0.0),
        max: (WALL_W, WALL_H),
    };
    let axes = board.axes.as_ref().map(|a| {
        let w = frame.rect(&wall);
        AxesData {
            x0: w.x,
            y0: w.y,
            x1: w.x + w.w,
            y1: w.y + w.h,
            quadrants: a.quadrants.is_some(),
        }
    });
    let on_axes = board.axes.is_some();
    let markers_only = on_axes && numbered;
    Picture {
        w: (frame.area.max.0 - frame.area.min.0) * frame.scale,
        h: (frame.area.max.1 - frame.area.min.1) * frame.scale,
        wall: board.axes.as_ref().map(|_| frame.rect(&wall)),
        axes,
        labels: print_labels(board, &|r| frame.rect(r)),
        outlines: if on_axes {
            Vec::new()
        } else {
            outlines_of(board, frame)
        },
        cards: if markers_only {
            Vec::new()
        } else {
            cards_of(board, frame, numbered, placed)
        },
        legend: if on_axes {
            board
                .clusters
                .iter()
                .map(|c| LegendData {
                    fill: hex(c.colour),
                    title: c.title.clone(),
                    votes: board.cluster_votes(c),
                })
                .collect()
        } else {
            Vec::new()
        },
    }
}

/// A free board's clusters: an outline around their cards with the title in it.
fn outlines_of(board: &Board, frame: &Frame) -> Vec<OutlineData> {
    board
        .clusters
        .iter()
        .filter_map(|cluster| {
            let outline = layout::cluster_rect(board, cluster)?;
            // A long title gets smaller to fit the outline, down to the smallest print size.
            let room = outline.max.0 - outline.min.0 - layout::CLUSTER_TITLE_SIZE;
            let fitting = room / text_fit::width_em(&cluster.title).max(0.1);
            let size = fitting.min(layout::CLUSTER_TITLE_SIZE) * frame.scale;
            let r = frame.rect(&outline);
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
                votes: u64::from(cluster.votes),
            })
        })
        .collect()
}

/// Every card where it is drawn: at its place, or beside it with its marker and leader.
fn cards_of(
    board: &Board,
    frame: &Frame,
    numbered: bool,
    placed: Option<&[placement::Placed]>,
) -> Vec<CardData> {
    let stripe_of: std::collections::HashMap<_, _> = if board.axes.is_some() {
        board
            .clusters
            .iter()
            .flat_map(|c| c.cards.iter().map(move |id| (*id, hex(c.colour))))
            .collect()
    } else {
        std::collections::HashMap::new()
    };
    board
        .cards
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let spot = placed.and_then(|p| p.get(i)).filter(|p| p.id == c.id);
            let r = match spot {
                Some(p) => frame.rect(&p.rect),
                None => frame.rect(&layout::card_rect(c)),
            };
            let leader = spot.filter(|p| p.is_displaced).map(|p| {
                let (x, y) = frame.point(p.point);
                // From the marker to the nearest point of the card's edge.
                let (ex, ey) = (x.clamp(r.x, r.x + r.w), y.clamp(r.y, r.y + r.h));
                [x, y, ex, ey]
            });
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
                size: fit.size * frame.scale,
                pad: text_fit::PAD * frame.scale,
                // Baselines `LINE_HEIGHT` apart: typst's leading is the gap below a line's
                // cap height.
                leading: (text_fit::LINE_HEIGHT - 0.73) * fit.size * frame.scale,
                heading: c.shape == CardShape::Heading,
                radius: match c.shape {
                    CardShape::Heading => 5.0,
                    shape if shape.is_round() => r.w.min(r.h) / 2.0,
                    _ => 1.0,
                },
                votes: u64::from(c.votes),
                badge: (text_fit::PAD * 0.9 * frame.scale).max(5.5),
                number: (numbered || leader.is_some()).then_some(i + 1),
                leader,
                stripe: stripe_of.get(&c.id).cloned(),
                is_marker: false,
                picture: c
                    .picture
                    .clone()
                    .filter(|_| !numbered && c.text.trim().is_empty()),
            }
        })
        .collect()
}

/// The cards' numbers on a picture and in its lists: in the board's order, or for a board
/// of markers, place by place (cards at one place numbered in a row, "4\u{2013}9"), from the
/// top left.
fn numbering(board: &Board, by_place: bool) -> HashMap<crate::ids::CardId, usize> {
    if !by_place {
        return board
            .cards
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id, i + 1))
            .collect();
    }
    let mut numbers = HashMap::new();
    let mut next = 1;
    for group in places(board) {
        for index in group.1 {
            numbers.insert(board.cards[index].id, next);
            next += 1;
        }
    }
    numbers
}

/// The cards of a positioning board grouped by place (within 2 % of the wall of the first),
/// places from the top left, row by row: the numbers of a pile follow one another.
fn places(board: &Board) -> Vec<((f32, f32), Vec<usize>)> {
    let near = 0.02 * WALL_W.min(WALL_H);
    let mut groups: Vec<((f32, f32), Vec<usize>)> = Vec::new();
    for (i, card) in board.cards.iter().enumerate() {
        let at = layout::centre(card);
        match groups
            .iter_mut()
            .find(|(p, _)| (p.0 - at.0).abs() < near && (p.1 - at.1).abs() < near)
        {
            Some((_, members)) => members.push(i),
            None => groups.push((at, vec![i])),
        }
    }
    groups.sort_by(|a, b| {
        let row = |p: (f32, f32)| (p.1 / (near * 2.0)).floor();
        (row(a.0), a.0.0)
            .partial_cmp(&(row(b.0), b.0.0))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    groups
}

/// A crowded positioning board: a numbered marker for every card, at its place or beside it
/// with a dot at its place and a leader line (see `board::placement`).
fn markers_of(
    board: &Board,
    numbers: &HashMap<crate::ids::CardId, usize>,
    frame: &Frame,
) -> Vec<CardData> {
    let side = MARKER_PT / frame.scale;
    let placed = placement::place_markers(board, (side, side));
    placed
        .iter()
        .map(|spot| {
            let r = frame.rect(&spot.rect);
            let leader = spot.is_displaced.then(|| {
                let (x, y) = frame.point(spot.point);
                let (ex, ey) = (x.clamp(r.x, r.x + r.w), y.clamp(r.y, r.y + r.h));
                [x, y, ex, ey]
            });
            CardData {
                x: r.x,
                y: r.y,
                w: r.w,
                h: r.h,
                fill: "#ffffff".to_owned(),
                lines: Vec::new(),
                size: MIN_PRINT_PT,
                pad: 0.0,
                leading: 0.0,
                heading: false,
                radius: 1.0,
                votes: 0,
                badge: 0.0,
                number: numbers.get(&spot.id).copied(),
                leader,
                stripe: None,
                is_marker: true,
                picture: None,
            }
        })
        .collect()
}
