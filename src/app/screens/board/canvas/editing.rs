//! A card's text edited in place, on the card: Enter keeps it, Shift+Enter breaks the line,
//! Escape or a click elsewhere keeps it too (Ctrl+Z takes it back).

use egui::{FontId, Key, Pos2, Ui};

use super::{BoardUiState, CanvasOutput};
use crate::board::Board;
use crate::board::layout::card_rect;

pub(super) fn in_place_ui(
    ui: &mut Ui,
    board: &Board,
    state: &mut BoardUiState,
    origin: Pos2,
    output: &mut CanvasOutput,
) {
    let Some((id, mut text)) = state.editing.take() else {
        return;
    };
    let Some(card) = board.card(id) else {
        return;
    };
    let rect = state.unit_rect_to_screen(origin, &card_rect(card));
    let edit_id = ui.scope_id().with(("edit", id));
    let response = ui.put(
        rect.expand(4.0),
        egui::TextEdit::multiline(&mut text)
            .id(edit_id)
            .char_limit(crate::session::limits::CARD_TEXT)
            .font(FontId::proportional(
                (crate::board::text_fit::fit(&card.text, card.shape).size * state.zoom).max(12.0),
            ))
            .desired_width(rect.width()),
    );
    let shift = if ui.ctx().os() == egui::os::OperatingSystem::Mac {
        "\u{21e7}"
    } else {
        "Shift+"
    };
    let response = response.on_hover_text(format!("Enter \u{2713} \u{b7} {shift}Enter \u{21b5}"));
    if !response.has_focus() && !response.lost_focus() {
        response.request_focus();
    }
    let enter = ui.input(|i| i.key_pressed(Key::Enter) && !i.modifiers.shift);
    if enter || response.lost_focus() {
        let text = text.trim_end_matches('\n').to_owned();
        if text != card.text {
            output.edited = Some((id, text));
        }
    } else {
        state.editing = Some((id, text));
    }
}
