//! One file per workspace screen.

mod agenda;
mod board;
mod photos;
mod reflection;
mod results;
mod review;

pub(crate) use board::{CardEntry, board_screen_ui};
pub(crate) use reflection::ReflectionUiState;

use super::{ModeratoApp, Screen};
use crate::i18n::T;

pub(super) fn screen_ui(app: &mut ModeratoApp, ui: &mut egui::Ui) {
    // The selected tab names the screen; a heading repeating it would be noise.
    let lang = app.lang();
    match app.screen {
        Screen::Agenda => agenda::agenda_ui(app, ui),
        Screen::Board => board_screen_ui(app, ui),
                Screen::Reflection => reflection::reflection_ui(app, ui),
        Screen::Photos => {
            let folder = app.doc.folder().map(std::path::Path::to_owned);
            photos::photos_ui(&app.doc.session, folder.as_deref(), lang, ui);
        }
        Screen::Results => results::results_ui(&mut app.doc.session, lang, ui),
        Screen::Review => review::review_ui(app, ui),
    }
}

/// The note on screens that only show the session so far.
fn read_only_note(ui: &mut egui::Ui, lang: crate::i18n::Lang) {
    ui.label(
        egui::RichText::new(T::ReadOnlyOverview.get(lang))
            .weak()
            .italics(),
    );
    ui.add_space(8.0);
}
