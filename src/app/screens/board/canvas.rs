//! The board canvas: pan, zoom, cards, clusters, selection, dragging, in-place editing and
//! dots. It changes nothing itself: a drag is shown from the view state and reported when
//! the cards are dropped, like every other change. Public so the frame benchmark can draw
//! it headless.

use std::collections::BTreeSet;

use egui::{
    Align2, Color32, CornerRadius, FontId, Key, Pos2, Rect, Response, Sense, Shape, Stroke,
    StrokeKind, Ui, Vec2, vec2,
};

use super::paint::{self, paper};
use crate::board::edit::VoteTarget;
use crate::board::layout::{self, CARD_W, UnitRect, WALL_H, WALL_W, card_rect, cluster_rect};
use crate::board::{Board, Card};
use crate::ids::{CardId, ClusterId};

/// The wall in units.
const WALL: UnitRect = UnitRect {
    min: (0.0, 0.0),
    max: (WALL_W, WALL_H),
};

/// What the board screen remembers between frames (not saved with the session).
#[derive(Clone, Debug)]
pub struct BoardUiState {
    /// Screen offset of the wall's top-left corner from the canvas' top-left, in points.
    pub offset: Vec2,
    /// Points per wall unit.
    pub zoom: f32,
    /// Fit the view to the cards on the next frame.
    pub needs_fit: bool,
    /// Keep fitting when the canvas changes size, until the user pans or zooms.
    follows_size: bool,
    fitted_size: Vec2,
    pub selection: BTreeSet<CardId>,
    pub selected_cluster: Option<ClusterId>,
    /// The card being edited in place, and its text while typing.
    pub editing: Option<(CardId, String)>,
    rubber_band: Option<Pos2>,
    gesture: Gesture,
    /// How far the selected cards have been dragged so far, in wall units.
    drag_units: Vec2,
    /// Clicking a card gives it a dot (right click takes one away).
    pub is_voting: bool,
    /// Highlight this author's (organisation's) cards.
    pub highlight_author: Option<String>,
    /// Suggested groups waiting for the moderator's yes or no.
    pub suggestions: Vec<Vec<CardId>>,
    /// How the last content suggestion was made (shown beside it).
    pub suggested_by: Option<crate::board::grouping::Method>,
    /// The "looser / tighter" slider of content suggestions, `-1.0..=1.0`.
    pub tightness: f32,
    /// The smallest card text "Fit all" allows, in points: a board with more cards scrolls
    /// rather than shrink its text below what a room can read (more with larger text).
    pub min_text_px: f32,
}

/// Card text at "Fit all" is at least this high, at the normal text size.
pub const MIN_TEXT_PX: f32 = 11.0;

impl Default for BoardUiState {
    fn default() -> Self {
        Self {
            offset: vec2(20.0, 20.0),
            zoom: 0.7,
            needs_fit: true,
            follows_size: true,
            fitted_size: Vec2::ZERO,
            selection: BTreeSet::new(),
            selected_cluster: None,
            editing: None,
            rubber_band: None,
            gesture: Gesture::None,
            drag_units: Vec2::ZERO,
            is_voting: false,
            highlight_author: None,
            suggestions: Vec::new(),
            suggested_by: None,
            tightness: 0.0,
            min_text_px: MIN_TEXT_PX,
        }
    }
}

/// What a primary-button drag on the canvas does, decided where it started.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Gesture {
    #[default]
    None,
    MoveCards,
    Pan,
    RubberBand,
}

/// The canvas' requests for this frame.
#[derive(Debug, Default)]
pub struct CanvasOutput {
    /// Dots given (`true`) or taken (`false`).
    pub votes: Vec<(VoteTarget, bool)>,
    /// The selected cards were dragged by this offset in wall units and dropped.
    pub dropped: Option<(BTreeSet<CardId>, Vec2)>,
    /// A card's text was edited in place.
    pub edited: Option<(CardId, String)>,
}

impl BoardUiState {
    fn to_screen(&self, origin: Pos2, units: (f32, f32)) -> Pos2 {
        origin + self.offset + vec2(units.0, units.1) * self.zoom
    }

    fn to_units(&self, origin: Pos2, screen: Pos2) -> (f32, f32) {
        let v = (screen - origin - self.offset) / self.zoom;
        (v.x, v.y)
    }

    fn unit_rect_to_screen(&self, origin: Pos2, r: &UnitRect) -> Rect {
        Rect::from_min_max(self.to_screen(origin, r.min), self.to_screen(origin, r.max))
    }

    /// Sets the view by hand; it no longer follows the canvas size.
    pub fn set_view(&mut self, zoom: f32, offset: Vec2) {
        self.zoom = zoom.clamp(0.05, 4.0);
        self.offset = offset;
        self.needs_fit = false;
        self.follows_size = false;
    }

    /// Zooms by `factor` keeping the point under `anchor` where it is.
    pub fn zoom_at(&mut self, origin: Pos2, anchor: Pos2, factor: f32) {
        let before = self.to_units(origin, anchor);
        self.zoom = (self.zoom * factor).clamp(0.05, 4.0);
        let after = self.to_screen(origin, before);
        self.offset += anchor - after;
    }

    /// Shows every card (or the whole wall) in `canvas`.
    pub fn fit(&mut self, canvas: Rect, board: &Board) {
        let wall = UnitRect {
            min: (0.0, 0.0),
            max: (WALL_W, WALL_H),
        };
        let area = match (layout::bounds(board), board.axes.is_some()) {
            (Some(b), true) => b.union(&wall),
            (Some(b), false) => b,
            (None, _) => wall,
        };
        let area = layout::wall_labels(board)
            .iter()
            .fold(area, |area, label| area.union(&label.rect))
            .expand(15.0);
        let size = vec2(area.max.0 - area.min.0, area.max.1 - area.min.1);
        let all = (canvas.width() / size.x).min(canvas.height() / size.y);
        // Not so far out that card text becomes unreadable: then the board scrolls.
        let smallest = board
            .cards
            .iter()
            .map(|c| crate::board::text_fit::fit(&c.text, c.shape).size)
            .fold(f32::INFINITY, f32::min);
        let readable = if smallest.is_finite() {
            self.min_text_px / smallest
        } else {
            0.0
        };
        self.zoom = all.max(readable).clamp(0.05, 4.0);
        let content = size * self.zoom;
        // Centred when it all fits; from the top left when it does not.
        let centre_gap = ((canvas.size() - content) / 2.0).max(Vec2::ZERO);
        self.offset = centre_gap - vec2(area.min.0, area.min.1) * self.zoom;
        self.needs_fit = false;
    }
}

/// Draws the board into the rest of `ui` and handles the pointer and keys on it.
pub fn canvas_ui(ui: &mut Ui, board: &Board, state: &mut BoardUiState) -> CanvasOutput {
    let mut output = CanvasOutput::default();
    let size = vec2(ui.available_width(), ui.available_height().max(300.0));
    let (canvas, background) = ui.allocate_exact_size(size, Sense::click_and_drag());
    let origin = canvas.min;
    // Larger text (the projector theme) asks for larger card text too.
    let body = egui::TextStyle::Body.resolve(ui.style()).size;
    let normal = egui::TextStyle::Body.resolve(&egui::Style::default()).size;
    let min_text_px = MIN_TEXT_PX * (body / normal).max(1.0);
    if min_text_px != state.min_text_px {
        state.min_text_px = min_text_px;
        state.needs_fit |= state.follows_size;
    }
    if state.needs_fit || (state.follows_size && state.fitted_size != canvas.size()) {
        state.fit(canvas, board);
        state.fitted_size = canvas.size();
    }
    let painter = ui.painter_at(canvas);
    let pointer = ui
        .input(|i| i.pointer.hover_pos())
        .filter(|p| canvas.contains(*p));

    // Pan and zoom: wheel pans, Ctrl+wheel or pinch zooms.
    if let Some(pointer) = pointer {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        if zoom != 1.0 {
            state.zoom_at(origin, pointer, zoom);
            state.follows_size = false;
        } else if scroll != Vec2::ZERO {
            state.offset += scroll;
            state.follows_size = false;
        }
    }

    // The wall, its axes and quadrant labels.
    let to_screen = |units: (f32, f32)| state.to_screen(origin, units);
    paint::wall(
        &painter,
        canvas,
        state.unit_rect_to_screen(origin, &WALL),
        board,
        &to_screen,
        state.zoom,
    );
    let ink = paint::INK;

    // Clusters behind their cards.
    let mut collapsed_cards: BTreeSet<CardId> = BTreeSet::new();
    let mut cluster_titles: Vec<(Rect, ClusterId)> = Vec::new();
    for cluster in &board.clusters {
        let Some(r) = cluster_rect(board, cluster) else {
            continue;
        };
        let mut rect = state.unit_rect_to_screen(origin, &r);
        if cluster.is_collapsed {
            collapsed_cards.extend(cluster.cards.iter().copied());
            rect =
                Rect::from_min_size(rect.min, vec2(CARD_W * 1.4 * state.zoom, 40.0 * state.zoom));
        }
        if !rect.intersects(canvas) {
            continue;
        }
        let colour = paper(cluster.colour);
        let is_selected = state.selected_cluster == Some(cluster.id);
        painter.rect_filled(rect, CornerRadius::same(8), colour.gamma_multiply(0.45));
        let stroke = if is_selected {
            Stroke::new(3.0, Color32::from_rgb(30, 90, 200))
        } else {
            Stroke::new(1.0, colour.gamma_multiply(0.9))
        };
        painter.rect_stroke(rect, CornerRadius::same(8), stroke, StrokeKind::Inside);
        // The title sits in the band the outline keeps above its cards, cut at the outline's
        // edge (and before the dots): it never covers a card.
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
        let dots_room = if cluster.votes > 0 {
            30.0 * state.zoom
        } else {
            0.0
        };
        let title_clip = Rect::from_min_max(title_rect.min, title_rect.max - vec2(dots_room, 0.0))
            .intersect(canvas);
        painter.with_clip_rect(title_clip).text(
            title_rect.left_center() + vec2(10.0 * state.zoom, 0.0),
            Align2::LEFT_CENTER,
            &title,
            FontId::proportional((layout::CLUSTER_TITLE_SIZE * state.zoom).max(6.0)),
            ink,
        );
        if cluster.votes > 0 {
            paint::dots(
                &painter,
                title_rect.right_center() - vec2(16.0 * state.zoom, 0.0),
                cluster.votes,
                state.zoom,
            );
        }
        accessible(
            ui,
            ui.scope_id().with(("cluster", cluster.id)),
            title_rect,
            &title,
        );
        cluster_titles.push((title_rect, cluster.id));
    }

    // Suggestions: dashed outlines around the proposed groups.
    for group in &state.suggestions {
        let rects: Vec<Rect> = group
            .iter()
            .filter_map(|id| board.card(*id))
            .map(|c| state.unit_rect_to_screen(origin, &card_rect(c)))
            .collect();
        if let Some(r) = rects.into_iter().reduce(|a, b| a.union(b)) {
            let r = r.expand(6.0);
            let dashes = Shape::dashed_line(
                &[
                    r.left_top(),
                    r.right_top(),
                    r.right_bottom(),
                    r.left_bottom(),
                    r.left_top(),
                ],
                Stroke::new(2.0, Color32::from_rgb(30, 90, 200)),
                8.0,
                5.0,
            );
            painter.extend(dashes);
        }
    }

    // Cards. One response serves the whole canvas and cards are hit-tested by hand: a widget
    // per card would cost thousands of interactions a frame. Off-screen cards cost a
    // rectangle test and nothing more.
    let highlight = state.highlight_author.clone();
    let mut visible: Vec<(Rect, CardId)> = Vec::new();
    for card in &board.cards {
        if collapsed_cards.contains(&card.id) {
            continue;
        }
        let is_selected = state.selection.contains(&card.id);
        let mut rect = state.unit_rect_to_screen(origin, &card_rect(card));
        if is_selected && state.gesture == Gesture::MoveCards {
            rect = rect.translate(state.drag_units * state.zoom);
        }
        if !rect.intersects(canvas) {
            continue;
        }
        let is_dimmed = highlight
            .as_ref()
            .is_some_and(|author| &card.author != author);
        paint::card(&painter, rect, card, is_selected, is_dimmed, state.zoom);
        accessible(ui, ui.scope_id().with(("card", card.id)), rect, &card.text);
        visible.push((rect, card.id));
    }
    // The card drawn last is on top.
    let card_at = |pos: Pos2| {
        visible
            .iter()
            .rev()
            .find(|(rect, _)| rect.contains(pos))
            .map(|(_, id)| *id)
    };
    let cluster_at = |pos: Pos2| {
        cluster_titles
            .iter()
            .rev()
            .find(|(rect, _)| rect.contains(pos))
            .map(|(_, id)| *id)
    };

    let press = background.interact_pointer_pos();
    let modifiers = ui.input(|i| i.modifiers);
    if background.drag_started_by(egui::PointerButton::Primary) {
        let start = ui.input(|i| i.pointer.press_origin()).or(press);
        state.gesture = match start.and_then(card_at) {
            Some(id) if !state.is_voting => {
                if !state.selection.contains(&id) {
                    state.selection = BTreeSet::from([id]);
                }
                state.drag_units = Vec2::ZERO;
                Gesture::MoveCards
            }
            _ if modifiers.shift => {
                state.rubber_band = start;
                Gesture::RubberBand
            }
            _ => Gesture::Pan,
        };
    }
    if background.dragged_by(egui::PointerButton::Middle) {
        state.offset += background.drag_delta();
        state.follows_size = false;
    }
    if background.dragged_by(egui::PointerButton::Primary) {
        match state.gesture {
            Gesture::MoveCards => {
                state.drag_units += background.drag_delta() / state.zoom;
            }
            Gesture::Pan => {
                state.offset += background.drag_delta();
                state.follows_size = false;
            }
            Gesture::RubberBand | Gesture::None => {}
        }
    }
    if background.drag_stopped() && state.gesture == Gesture::MoveCards {
        if state.drag_units != Vec2::ZERO {
            output.dropped = Some((state.selection.clone(), state.drag_units));
        }
        state.drag_units = Vec2::ZERO;
        state.gesture = Gesture::None;
    }
    if background.clicked()
        && let Some(pos) = press
    {
        if let Some(id) = card_at(pos) {
            if state.is_voting {
                output.votes.push((VoteTarget::Card(id), true));
            } else if modifiers.shift || modifiers.command {
                if !state.selection.remove(&id) {
                    state.selection.insert(id);
                }
            } else {
                state.selection = BTreeSet::from([id]);
            }
            state.selected_cluster = None;
        } else if let Some(id) = cluster_at(pos) {
            if state.is_voting {
                output.votes.push((VoteTarget::Cluster(id), true));
            } else {
                state.selected_cluster = Some(id);
            }
        } else {
            state.selection.clear();
            state.selected_cluster = None;
            state.editing = None;
        }
    }
    if background.secondary_clicked()
        && state.is_voting
        && let Some(pos) = press
    {
        if let Some(id) = card_at(pos) {
            output.votes.push((VoteTarget::Card(id), false));
        } else if let Some(id) = cluster_at(pos) {
            output.votes.push((VoteTarget::Cluster(id), false));
        }
    }
    if background.double_clicked()
        && !state.is_voting
        && let Some(id) = press.and_then(card_at)
        && let Some(card) = board.card(id)
    {
        state.editing = Some((id, card.text.clone()));
    }
    if let Some(id) = pointer.and_then(card_at)
        && state.gesture == Gesture::None
        && let Some(card) = board.card(id)
    {
        hover_ui(&background, card, board.axes.is_some());
    }

    // Rubber band.
    if let Some(start) = state.rubber_band {
        if let Some(now) = ui.input(|i| i.pointer.interact_pos()) {
            let band = Rect::from_two_pos(start, now);
            painter.rect(
                band,
                CornerRadius::ZERO,
                Color32::from_rgba_unmultiplied(30, 90, 200, 30),
                Stroke::new(1.0, Color32::from_rgb(30, 90, 200)),
                StrokeKind::Inside,
            );
            if background.drag_stopped() || !ui.input(|i| i.pointer.primary_down()) {
                let a = state.to_units(origin, band.min);
                let b = state.to_units(origin, band.max);
                let hits = layout::cards_in(board, &UnitRect { min: a, max: b });
                state.selection.extend(hits);
                state.rubber_band = None;
                state.gesture = Gesture::None;
            }
        } else {
            state.rubber_band = None;
        }
    }
    if !ui.input(|i| i.pointer.any_down()) && state.gesture != Gesture::RubberBand {
        state.gesture = Gesture::None;
        state.drag_units = Vec2::ZERO;
    }

    // In-place editing.
    if let Some((id, mut text)) = state.editing.take()
        && let Some(card) = board.card(id)
    {
        let rect = state.unit_rect_to_screen(origin, &card_rect(card));
        let edit_id = ui.scope_id().with(("edit", id));
        let response = ui.put(
            rect.expand(4.0),
            egui::TextEdit::multiline(&mut text)
                .id(edit_id)
                .char_limit(crate::session::limits::CARD_TEXT)
                .font(FontId::proportional(
                    (crate::board::text_fit::fit(&card.text, card.shape).size * state.zoom)
                        .max(12.0),
                ))
                .desired_width(rect.width()),
        );
        let response = response.on_hover_text("Enter \u{2713} \u{b7} Shift+Enter \u{21b5}");
        if !response.has_focus() && !response.lost_focus() {
            response.request_focus();
        }
        let enter = ui.input(|i| i.key_pressed(Key::Enter) && !i.modifiers.shift);
        // Enter, Escape or a click elsewhere: the text is kept (Ctrl+Z takes it back).
        if enter || response.lost_focus() {
            let text = text.trim_end_matches('\n').to_owned();
            if text != card.text {
                output.edited = Some((id, text));
            }
        } else {
            state.editing = Some((id, text));
        }
    }
    output
}

/// An entry in the accessibility tree for something painted by hand (a card, a cluster
/// title), so screen readers and UI tests find it; costs nothing when AccessKit is off.
fn accessible(ui: &Ui, id: egui::Id, rect: Rect, label: &str) {
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_role(egui::accesskit::Role::Button);
        node.set_label(label.to_owned());
        node.set_bounds(egui::accesskit::Rect {
            x0: rect.min.x.into(),
            y0: rect.min.y.into(),
            x1: rect.max.x.into(),
            y1: rect.max.y.into(),
        });
        node.add_action(egui::accesskit::Action::Click);
    });
}

fn hover_ui(response: &Response, card: &Card, has_axes: bool) {
    response.clone().on_hover_ui_at_pointer(|ui| {
        ui.label(&card.text);
        if !card.author.is_empty() {
            ui.label(egui::RichText::new(&card.author).weak());
        }
        if has_axes {
            let (along, up) = layout::axis_values(card);
            ui.label(
                egui::RichText::new(format!("\u{2192} {along:.0} %   \u{2191} {up:.0} %"))
                    .monospace(),
            );
        }
        if card.votes > 0 {
            ui.label(format!("\u{25cf} {}", card.votes));
        }
    });
}
