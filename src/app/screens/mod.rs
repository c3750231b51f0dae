//! One folder or file per workspace screen. Each draws from the session it is given and
//! describes changes as edits; each keeps its own scroll position.

pub mod agenda;
pub mod board;
pub mod photos;
pub mod reflection;
pub mod results;
pub mod review;

use super::ModeratoApp;
use super::command::{Cx, Screen};

/// What the screens remember between frames (not saved with the session).
#[derive(Default)]
pub struct Screens {
    pub board: board::BoardScreen,
    pub reflection: reflection::ReflectionUiState,
    pub photos: photos::PhotosUiState,
    pub review: review::ReviewState,
}

impl Screens {
    /// Another session was opened or created: selections and comparisons end; the quick
    /// entry's author and colour stay.
    pub fn session_changed(&mut self) {
        let entry = std::mem::take(&mut self.board.entry);
        *self = Self::default();
        self.board.entry = entry;
    }
}

/// Draws the current screen.
pub(super) fn screen_ui(app: &mut ModeratoApp, ui: &mut egui::Ui) {
    let screen = app.shell.screen;
    let lang = app.lang();
    let mut cx = Cx {
        session: app.doc.session(),
        lang,
        now: app.options.clock.now(),
        is_read_only: app.doc.is_read_only(),
        folder: app.doc.folder(),
        intents: &mut app.intents,
    };
    // While a round runs, every screen without the full panel shows who speaks.
    if !matches!(screen, Screen::Agenda | Screen::Reflection) {
        agenda::speaking::round_indicator_ui(ui, &mut cx);
    }
    match screen {
        Screen::Agenda => {
            let is_projector_open = app.shell.projector.is_open;
            agenda::agenda_ui(ui, &mut cx, &mut app.speaking, is_projector_open);
        }
        // The board pans and zooms itself.
        Screen::Board => {
            board::board_screen_ui(ui, &mut cx, &mut app.screens.board, &mut app.photos);
        }
        Screen::Reflection => {
            scrolled(ui, screen, |ui| {
                agenda::speaking::speaking_ui(ui, &mut cx, &mut app.speaking);
                ui.add_space(6.0);
                reflection::reflection_ui(ui, &mut cx, &mut app.screens.reflection);
            });
        }
        Screen::Photos => scrolled(ui, screen, |ui| {
            let is_attaching = app.work.is_running(crate::app::work::JobKind::Attach);
            photos::photos_ui(
                ui,
                &mut cx,
                &mut app.screens.photos,
                &mut app.photos,
                is_attaching,
            );
        }),
        Screen::Results => scrolled(ui, screen, |ui| results::results_ui(ui, &mut cx)),
        // The review has its own table of contents and scroll area.
        Screen::Review => review::review_ui(ui, &mut cx, &mut app.screens.review, &mut app.photos),
    }
}

/// A screen's content in its own scroll area, so switching tabs never carries an offset
/// over. It scrolls sideways too when large text (the projector theme) makes a row wider
/// than the window, so nothing is ever cut off.
pub fn scrolled(ui: &mut egui::Ui, screen: Screen, content: impl FnOnce(&mut egui::Ui)) {
    egui::ScrollArea::both()
        .id_salt(("screen-scroll", screen))
        .auto_shrink(false)
        .show(ui, content);
}
