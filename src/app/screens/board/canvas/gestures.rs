//! The pointer on the canvas: pan and zoom, dragging cards, clicks that select or give
//! dots, double-clicks that edit, and the rubber band.

use std::collections::BTreeSet;

use egui::{Color32, CornerRadius, Pos2, Rect, Response, Stroke, StrokeKind, Ui, Vec2};

use super::layers::Drawn;
use super::{BoardUiState, CanvasOutput, Gesture};
use crate::board::Board;
use crate::board::edit::VoteTarget;
use crate::board::layout::{self, UnitRect};

/// Wheel pans, Ctrl+wheel or pinch zooms.
pub(super) fn pan_and_zoom(ui: &Ui, state: &mut BoardUiState, origin: Pos2, pointer: Option<Pos2>) {
    let Some(pointer) = pointer else {
        return;
    };
    let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
    if zoom != 1.0 {
        state.zoom_at(origin, pointer, zoom);
        state.follows_size = false;
    } else if scroll != Vec2::ZERO {
        state.offset += scroll;
        state.follows_size = false;
    }
}

/// Drags, clicks and double-clicks on the canvas.
pub(super) fn pointer(
    ui: &Ui,
    background: &Response,
    board: &Board,
    state: &mut BoardUiState,
    drawn: &Drawn,
    output: &mut CanvasOutput,
) {
    drag(ui, background, state, drawn, output);
    let press = background.interact_pointer_pos();
    let modifiers = ui.input(|i| i.modifiers);
    if background.clicked()
        && let Some(pos) = press
    {
        click(state, drawn, pos, modifiers, output);
    }
    if background.secondary_clicked()
        && state.is_voting
        && let Some(pos) = press
    {
        if let Some(id) = drawn.card_at(pos) {
            output.votes.push((VoteTarget::Card(id), false));
        } else if let Some(id) = drawn.cluster_at(pos) {
            output.votes.push((VoteTarget::Cluster(id), false));
        }
    }
    if background.double_clicked()
        && !state.is_voting
        && let Some(id) = press.and_then(|p| drawn.card_at(p))
        && let Some(card) = board.card(id)
    {
        state.editing = Some((id, card.text.clone()));
    }
}

/// A primary drag moves the selected cards (started on a card), draws a rubber band (with
/// Shift) or pans; the middle button always pans.
fn drag(
    ui: &Ui,
    background: &Response,
    state: &mut BoardUiState,
    drawn: &Drawn,
    output: &mut CanvasOutput,
) {
    let press = background.interact_pointer_pos();
    if background.drag_started_by(egui::PointerButton::Primary) {
        let start = ui.input(|i| i.pointer.press_origin()).or(press);
        let shift = ui.input(|i| i.modifiers.shift);
        state.gesture = match start.and_then(|p| drawn.card_at(p)) {
            Some(id) if !state.is_voting => {
                if !state.selection.contains(&id) {
                    state.selection = BTreeSet::from([id]);
                }
                state.drag_units = Vec2::ZERO;
                Gesture::MoveCards
            }
            _ if shift => {
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
            Gesture::MoveCards => state.drag_units += background.drag_delta() / state.zoom,
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
}

/// A click selects a card (Shift or Ctrl adds to the selection) or a cluster, or gives a
/// dot while voting; a click on the wall clears the selection.
fn click(
    state: &mut BoardUiState,
    drawn: &Drawn,
    pos: Pos2,
    modifiers: egui::Modifiers,
    output: &mut CanvasOutput,
) {
    if let Some(id) = drawn.card_at(pos) {
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
    } else if let Some(id) = drawn.cluster_at(pos) {
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

/// The rubber band of a Shift-drag on the wall: drawn while dragging, selecting the cards
/// inside when released.
pub(super) fn rubber_band(
    ui: &Ui,
    painter: &egui::Painter,
    background: &Response,
    board: &Board,
    state: &mut BoardUiState,
    origin: Pos2,
) {
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
}
