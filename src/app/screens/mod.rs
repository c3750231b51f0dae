//! One file per workspace screen.

mod agenda;
mod board;
mod photos;
mod reflection;
mod results;
mod review;

pub(crate) use board::{CardEntry, board_screen_ui};
pub(crate) use photos::PhotosUiState;
pub(crate) use reflection::ReflectionUiState;

use super::{ModeratoApp, Screen};

pub(super) fn screen_ui(app: &mut ModeratoApp, ui: &mut egui::Ui) {
    // The selected tab names the screen; a heading repeating it would be noise.
    let lang = app.lang();
    match app.screen {
        Screen::Agenda => agenda::agenda_ui(app, ui),
        Screen::Board => board_screen_ui(app, ui),
        Screen::Reflection => reflection::reflection_ui(app, ui),
        Screen::Photos => photos::photos_ui(app, ui),
        Screen::Results => results::results_ui(&mut app.doc.session, lang, ui),
        Screen::Review => review::review_ui(app, ui),
    }
}
