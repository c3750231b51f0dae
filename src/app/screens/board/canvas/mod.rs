//! The board canvas: pan, zoom, cards, clusters, selection, dragging, in-place editing and
//! dots. It changes nothing itself: a drag is shown from the view state and reported when
//! the cards are dropped, like every other change. Public so the frame benchmark can draw
//! it headless. Painting is in `layers.rs`, the pointer in `gestures.rs`, editing a card's
//! text in place in `editing.rs`.

mod editing;
mod gestures;
mod layers;

use std::collections::BTreeSet;

use egui::{Pos2, Rect, Response, Sense, Ui, Vec2, vec2};

use super::paint;
use crate::board::edit::VoteTarget;
use crate::board::layout::{self, UnitRect, WALL_H, WALL_W};
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
    /// The name screen readers and tests hear for a card with no text yet (one read off a
    /// photo), in the UI language.
    pub untyped_card: &'static str,
    /// Screen offset of the wall's top-left corner from the canvas' top-left, in points.
    pub offset: Vec2,
    /// Points per wall unit.
    pub zoom: f32,
    /// Fit the view to the cards on the next frame.
    pub needs_fit: bool,
    /// The last fit could not show every card at a readable size: the rest is a drag away.
    pub fit_left_out: bool,
    /// Keep fitting when the canvas changes size, until the user pans or zooms.
    pub(super) follows_size: bool,
    fitted_size: Vec2,
    pub selection: BTreeSet<CardId>,
    pub selected_cluster: Option<ClusterId>,
    /// The card being edited in place, and its text while typing.
    pub editing: Option<(CardId, String)>,
    pub(super) rubber_band: Option<Pos2>,
    pub(super) gesture: Gesture,
    /// How far the selected cards have been dragged so far, in wall units.
    pub(super) drag_units: Vec2,
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
    /// The middle of what the canvas shows, in wall coordinates: where new cards go.
    pub view_centre: Option<(f32, f32)>,
    /// The pictures of cards without text (read off a photo) that are decoded, with their
    /// sizes: drawn in place of the text.
    pub pictures: std::collections::HashMap<CardId, (egui::TextureId, Vec2)>,
}

/// The height of the cluster legend along a positioning board's top edge (chips of 13-point
/// text, their margins).
const LEGEND_BAND: f32 = 36.0;

/// Card text at "Fit all" is at least this high, at the normal text size.
pub const MIN_TEXT_PX: f32 = 11.0;

impl Default for BoardUiState {
    fn default() -> Self {
        Self {
            untyped_card: "",
            offset: vec2(20.0, 20.0),
            zoom: 0.7,
            needs_fit: true,
            fit_left_out: false,
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
            view_centre: None,
            pictures: std::collections::HashMap::new(),
        }
    }
}

/// What a primary-button drag on the canvas does, decided where it started.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum Gesture {
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
    pub(super) fn to_screen(&self, origin: Pos2, units: (f32, f32)) -> Pos2 {
        origin + self.offset + vec2(units.0, units.1) * self.zoom
    }

    pub(super) fn to_units(&self, origin: Pos2, screen: Pos2) -> (f32, f32) {
        let v = (screen - origin - self.offset) / self.zoom;
        (v.x, v.y)
    }

    pub(super) fn unit_rect_to_screen(&self, origin: Pos2, r: &UnitRect) -> Rect {
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
        let drawn = layout::wall_labels(board)
            .iter()
            .fold(area, |area, label| area.union(&label.rect));
        let area = drawn.expand(15.0);
        let size = vec2(area.max.0 - area.min.0, area.max.1 - area.min.1);
        // A positioning board's cluster legend runs along the top of the canvas: the board
        // fits below it, so the legend never covers an axis label.
        let legend = if board.axes.is_some() && !board.clusters.is_empty() {
            LEGEND_BAND
        } else {
            0.0
        };
        let canvas = Rect::from_min_max(canvas.min + vec2(0.0, legend), canvas.max);
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
        // Left out: what is drawn (not the margin around it) does not fit at this zoom.
        let drawn = vec2(drawn.max.0 - drawn.min.0, drawn.max.1 - drawn.min.1) * self.zoom;
        self.fit_left_out = drawn.x > canvas.width() + 0.5 || drawn.y > canvas.height() + 0.5;
        let content = size * self.zoom;
        // Centred when it all fits; from the top left when it does not.
        let centre_gap = ((canvas.size() - content) / 2.0).max(Vec2::ZERO);
        self.offset = centre_gap + vec2(0.0, legend) - vec2(area.min.0, area.min.1) * self.zoom;
        self.needs_fit = false;
    }
}

/// Draws the board into the rest of `ui` and handles the pointer and keys on it.
pub fn canvas_ui(ui: &mut Ui, board: &Board, state: &mut BoardUiState) -> CanvasOutput {
    let mut output = CanvasOutput::default();
    let size = vec2(ui.available_width(), ui.available_height().max(300.0));
    let (canvas, background) = ui.allocate_exact_size(size, Sense::click_and_drag());
    let origin = canvas.min;
    state.follow_text_size(ui, canvas, board);
    state.view_centre = Some(layout::to_wall(state.to_units(origin, canvas.center())));
    let painter = ui.painter_at(canvas);
    let pointer = ui
        .input(|i| i.pointer.hover_pos())
        .filter(|p| canvas.contains(*p));
    gestures::pan_and_zoom(ui, state, origin, pointer);
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
    let view = layers::View {
        ui,
        painter: &painter,
        canvas,
        origin,
    };
    // Clusters behind their cards (on a positioning board: a legend of chips), then the
    // suggestions, then the cards.
    let drawn = layers::draw(&view, board, state);
    gestures::pointer(ui, &background, board, state, &drawn, &mut output);
    if let Some(id) = pointer.and_then(|p| drawn.card_at(p))
        && state.gesture == Gesture::None
        && let Some(card) = board.card(id)
    {
        hover_ui(&background, card, board.axes.is_some());
    }
    gestures::rubber_band(ui, &painter, &background, board, state, origin);
    editing::in_place_ui(ui, board, state, origin, &mut output);
    output
}

impl BoardUiState {
    /// Larger text (the projector theme) asks for larger card text too; a view that follows
    /// the canvas refits when it changes size.
    fn follow_text_size(&mut self, ui: &Ui, canvas: Rect, board: &Board) {
        let body = egui::TextStyle::Body.resolve(ui.style()).size;
        let normal = egui::TextStyle::Body.resolve(&egui::Style::default()).size;
        let min_text_px = MIN_TEXT_PX * (body / normal).max(1.0);
        if min_text_px != self.min_text_px {
            self.min_text_px = min_text_px;
            self.needs_fit |= self.follows_size;
        }
        if self.needs_fit || (self.follows_size && self.fitted_size != canvas.size()) {
            self.fit(canvas, board);
            self.fitted_size = canvas.size();
        }
    }
}

/// An entry in the accessibility tree for something painted by hand (a card, a cluster
/// title), so screen readers and UI tests find it; costs nothing when AccessKit is off.
pub(super) fn accessible(ui: &Ui, id: egui::Id, rect: Rect, label: &str) {
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
