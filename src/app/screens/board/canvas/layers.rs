//! Painting the canvas in layers: clusters behind their cards, the suggested groups, then
//! the cards. One response serves the whole canvas and cards are hit-tested by hand (a
//! widget per card would cost thousands of interactions a frame); off-screen cards cost a
//! rectangle test and nothing more.
//!
//! On a positioning board a card's place is its answer, so nothing is drawn that would seem
//! to hold cards it does not: a cluster is a coloured stripe on its own cards and a chip in
//! a legend along the top of the canvas (title and dots, clickable like a title), and a
//! suggestion is a dashed frame around each of its cards.

use std::collections::BTreeSet;

use egui::{
    Align2, Color32, CornerRadius, FontId, Pos2, Rect, Shape, Stroke, StrokeKind, Ui, vec2,
};

use super::super::paint::{self, paper};
use super::{BoardUiState, Gesture, accessible};
use crate::board::layout::{self, CARD_W, card_rect, cluster_rect};
use crate::board::{Board, Cluster};
use crate::ids::{CardId, ClusterId};

/// Where the canvas paints.
pub(super) struct View<'a> {
    pub ui: &'a Ui,
    pub painter: &'a egui::Painter,
    pub canvas: Rect,
    pub origin: Pos2,
}

/// What was drawn where, for hit-testing.
#[derive(Default)]
pub(super) struct Drawn {
    /// Visible cards in drawing order (the last on top).
    pub cards: Vec<(Rect, CardId)>,
    /// Clickable cluster titles (or legend chips).
    pub clusters: Vec<(Rect, ClusterId)>,
}

impl Drawn {
    /// The card under a point (the one drawn last is on top).
    pub fn card_at(&self, pos: Pos2) -> Option<CardId> {
        self.cards
            .iter()
            .rev()
            .find(|(rect, _)| rect.contains(pos))
            .map(|(_, id)| *id)
    }

    /// The cluster whose title is under a point.
    pub fn cluster_at(&self, pos: Pos2) -> Option<ClusterId> {
        self.clusters
            .iter()
            .rev()
            .find(|(rect, _)| rect.contains(pos))
            .map(|(_, id)| *id)
    }
}

/// Paints clusters, suggestions and cards.
pub(super) fn draw(view: &View<'_>, board: &Board, state: &BoardUiState) -> Drawn {
    let mut drawn = Drawn::default();
    let on_axes = board.axes.is_some();
    let collapsed = if on_axes {
        BTreeSet::new()
    } else {
        outlines(view, board, state, &mut drawn)
    };
    suggestions(view, board, state, on_axes);
    cards(view, board, state, &collapsed, &mut drawn);
    if on_axes {
        legend(view, board, state, &mut drawn);
    }
    drawn
}

/// A free board's clusters: outlines behind their cards with the title (and the cluster's
/// own dots) in the band above them. Returns the cards of collapsed clusters (not drawn).
fn outlines(
    view: &View<'_>,
    board: &Board,
    state: &BoardUiState,
    drawn: &mut Drawn,
) -> BTreeSet<CardId> {
    let mut collapsed = BTreeSet::new();
    for cluster in &board.clusters {
        let Some(r) = cluster_rect(board, cluster) else {
            continue;
        };
        let mut rect = state.unit_rect_to_screen(view.origin, &r);
        if cluster.is_collapsed {
            collapsed.extend(cluster.cards.iter().copied());
            rect =
                Rect::from_min_size(rect.min, vec2(CARD_W * 1.4 * state.zoom, 40.0 * state.zoom));
        }
        if !rect.intersects(view.canvas) {
            continue;
        }
        let colour = paper(cluster.colour);
        let is_selected = state.selected_cluster == Some(cluster.id);
        view.painter
            .rect_filled(rect, CornerRadius::same(8), colour.gamma_multiply(0.45));
        let stroke = if is_selected {
            Stroke::new(3.0, Color32::from_rgb(30, 90, 200))
        } else {
            Stroke::new(1.0, colour.gamma_multiply(0.9))
        };
        view.painter
            .rect_stroke(rect, CornerRadius::same(8), stroke, StrokeKind::Inside);
        let title_rect = Rect::from_min_size(
            rect.min,
            vec2(rect.width(), layout::CLUSTER_TITLE_BAND * state.zoom),
        );
        let mut title = cluster.title.clone();
        if cluster.is_collapsed {
            title = format!("{title} ({})", cluster.cards.len());
        } else if layout::titled_by_heading(board, cluster) {
            // Its heading card says it already.
            title.clear();
        }
        title_ui(view, cluster, &title, title_rect, state.zoom);
        drawn.clusters.push((title_rect, cluster.id));
    }
    collapsed
}

/// A cluster's title in the band above its cards, cut at the outline's edge (and before its
/// dots): it never covers a card.
fn title_ui(view: &View<'_>, cluster: &Cluster, title: &str, band: Rect, zoom: f32) {
    let dots_room = if cluster.votes > 0 { 30.0 * zoom } else { 0.0 };
    let clip = Rect::from_min_max(band.min, band.max - vec2(dots_room, 0.0)).intersect(view.canvas);
    view.painter.with_clip_rect(clip).text(
        band.left_center() + vec2(10.0 * zoom, 0.0),
        Align2::LEFT_CENTER,
        title,
        FontId::proportional((layout::CLUSTER_TITLE_SIZE * zoom).max(6.0)),
        paint::INK,
    );
    if cluster.votes > 0 {
        paint::dots(
            view.painter,
            band.right_center() - vec2(16.0 * zoom, 0.0),
            cluster.votes,
            zoom,
        );
    }
    accessible(
        view.ui,
        view.ui.scope_id().with(("cluster", cluster.id)),
        band,
        title,
    );
}

/// Suggested groups: a dashed outline around each group on a free board, a dashed frame
/// around each of its cards on a positioning board.
fn suggestions(view: &View<'_>, board: &Board, state: &BoardUiState, on_axes: bool) {
    let stroke = Stroke::new(2.0, Color32::from_rgb(30, 90, 200));
    let dashed = |r: Rect| {
        Shape::dashed_line(
            &[
                r.left_top(),
                r.right_top(),
                r.right_bottom(),
                r.left_bottom(),
                r.left_top(),
            ],
            stroke,
            8.0,
            5.0,
        )
    };
    for group in &state.suggestions {
        let rects: Vec<Rect> = group
            .iter()
            .filter_map(|id| board.card(*id))
            .map(|c| state.unit_rect_to_screen(view.origin, &card_rect(c)))
            .collect();
        if on_axes {
            for r in rects {
                view.painter.extend(dashed(r.expand(4.0)));
            }
        } else if let Some(r) = rects.into_iter().reduce(|a, b| a.union(b)) {
            view.painter.extend(dashed(r.expand(6.0)));
        }
    }
}

/// The cards, each at its place (dragged ones where the drag has them); on a positioning
/// board each clustered card carries its cluster's colour as a stripe.
fn cards(
    view: &View<'_>,
    board: &Board,
    state: &BoardUiState,
    collapsed: &BTreeSet<CardId>,
    drawn: &mut Drawn,
) {
    let stripes: std::collections::HashMap<CardId, Color32> = if board.axes.is_some() {
        board
            .clusters
            .iter()
            .flat_map(|c| c.cards.iter().map(move |id| (*id, stripe(c))))
            .collect()
    } else {
        std::collections::HashMap::new()
    };
    for card in &board.cards {
        if collapsed.contains(&card.id) {
            continue;
        }
        let is_selected = state.selection.contains(&card.id);
        let mut rect = state.unit_rect_to_screen(view.origin, &card_rect(card));
        if is_selected && state.gesture == Gesture::MoveCards {
            rect = rect.translate(state.drag_units * state.zoom);
        }
        if !rect.intersects(view.canvas) {
            continue;
        }
        let is_dimmed = state
            .highlight_author
            .as_ref()
            .is_some_and(|author| &card.author != author);
        paint::card(view.painter, rect, card, is_selected, is_dimmed, state.zoom);
        if let Some(&texture) = state.pictures.get(&card.id) {
            paint::picture(view.painter, rect, card, texture, is_dimmed);
        }
        if let Some(colour) = stripes.get(&card.id) {
            let band =
                Rect::from_min_size(rect.min, vec2((6.0 * state.zoom).max(3.0), rect.height()));
            view.painter.rect_filled(band, CornerRadius::ZERO, *colour);
        }
        let name = if card.text.trim().is_empty() {
            state.untyped_card
        } else {
            &card.text
        };
        accessible(
            view.ui,
            view.ui.scope_id().with(("card", card.id)),
            rect,
            name,
        );
        drawn.cards.push((rect, card.id));
    }
}

/// A cluster's stripe colour: its paper, darker, so it shows on a card of the same colour.
fn stripe(cluster: &Cluster) -> Color32 {
    paper(cluster.colour).gamma_multiply(0.55).to_opaque()
}

/// A positioning board's clusters as chips along the canvas' top: stripe colour, title and
/// the cluster's dots; a chip is clicked like a title (selects, or takes a dot).
fn legend(view: &View<'_>, board: &Board, state: &BoardUiState, drawn: &mut Drawn) {
    let font = FontId::proportional(13.0);
    let mut x = view.canvas.left() + 8.0;
    let y = view.canvas.top() + 6.0;
    for cluster in &board.clusters {
        let dots = board.cluster_votes(cluster);
        let text = if dots > 0 {
            format!("{}  \u{25cf} {dots}", cluster.title)
        } else {
            cluster.title.clone()
        };
        let galley = view
            .painter
            .layout_no_wrap(text.clone(), font.clone(), paint::INK);
        let size = vec2(galley.size().x + 26.0, galley.size().y + 8.0);
        let rect = Rect::from_min_size(egui::pos2(x, y), size);
        let is_selected = state.selected_cluster == Some(cluster.id);
        view.painter.rect(
            rect,
            CornerRadius::same(4),
            Color32::from_rgba_unmultiplied(255, 255, 255, 220),
            if is_selected {
                Stroke::new(2.0, Color32::from_rgb(30, 90, 200))
            } else {
                Stroke::new(1.0, Color32::from_gray(150))
            },
            StrokeKind::Inside,
        );
        let swatch = Rect::from_min_size(rect.min + vec2(6.0, 5.0), vec2(10.0, size.y - 10.0));
        view.painter
            .rect_filled(swatch, CornerRadius::same(2), stripe(cluster));
        view.painter
            .galley(rect.min + vec2(20.0, 4.0), galley, paint::INK);
        accessible(
            view.ui,
            view.ui.scope_id().with(("cluster", cluster.id)),
            rect,
            &cluster.title,
        );
        drawn.clusters.push((rect, cluster.id));
        x = rect.right() + 6.0;
    }
}
