//! The desktop app (eframe). Screens draw and describe intent as edits and commands; the app
//! applies edits to the document (one undo step each) and runs commands after the frame is
//! drawn. Disk work and anything slow runs as a background job. The domain never sees egui.

mod command;
mod command_handling;
mod document;
mod input;
pub mod keys;
pub mod phones;
pub mod photo_board;
mod photo_cache;
mod prefs;
mod projector;
mod screens;
mod shell;
mod sound;
mod theme;
mod tick;
mod widgets;
mod work;

use std::path::{Path, PathBuf};

pub use command::{Command, Cx, Intents, PathPurpose, Screen};
pub use document::{Document, Refused};
pub use prefs::{Preferences, Theme};
pub use screens::board::canvas::{BoardUiState, canvas_ui};

use crate::clock::Clock;
use crate::i18n::{Lang, T};
use crate::session::Session;
use crate::storage;
use screens::agenda::speaking::SpeakingPanel;

/// Seconds after the last change before autosave writes.
const AUTOSAVE_DELAY_SECS: f64 = 3.0;

/// What the app opens first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StartWith {
    /// The session opened last, else the example.
    LastSession,
    /// A session folder (or its `session.ron`).
    Session(PathBuf),
    /// The built-in example, as a copy in the sessions folder.
    Example,
}

/// How the app starts.
#[derive(Clone, Debug)]
pub struct StartupOptions {
    pub start: StartWith,
    /// The folder new sessions go to (unless the preferences name another) and the browser
    /// lists first.
    pub sessions_dir: PathBuf,
    /// Where the autosave of a session that was never saved goes.
    pub scratch_dir: PathBuf,
    /// Use the system's file dialogs. Tests turn this off.
    pub native_dialogs: bool,
    /// Where "now" comes from; tests pass a manual clock.
    pub clock: Clock,
}

impl StartupOptions {
    /// The user's folders: `Moderato` in the documents folder, the scratch autosave in the
    /// platform's data folder.
    pub fn for_user(start: StartWith) -> Self {
        Self {
            start,
            sessions_dir: storage::places::default_sessions_dir(),
            scratch_dir: storage::places::default_scratch_dir(),
            native_dialogs: true,
            clock: Clock::System,
        }
    }

    /// Everything inside one folder, no file dialogs (for tests).
    pub fn in_folder(dir: &Path) -> Self {
        Self {
            start: StartWith::LastSession,
            sessions_dir: dir.to_owned(),
            scratch_dir: dir.join(".unsaved"),
            native_dialogs: false,
            clock: Clock::System,
        }
    }
}

/// The Moderato app.
pub struct ModeratoApp {
    prefs: Preferences,
    options: StartupOptions,
    doc: Document,
    shell: shell::Shell,
    screens: screens::Screens,
    work: work::Work,
    photos: photo_cache::PhotoCache,
    /// The setup of the next speaking round (Blitzlicht); a running round lives in the
    /// session, on its agenda item.
    speaking: SpeakingPanel,
    /// Participants' phones in the room: the server while open and what they sent.
    phones: phones::Phones,
    /// The "Board from photo" dialog, while open.
    photo_board: Option<photo_board::PhotoBoard>,
    intents: Intents,
}

impl ModeratoApp {
    /// Creates the app, restoring preferences and opening the start session.
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartupOptions) -> Self {
        let prefs: Preferences = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, prefs::STORAGE_KEY))
            .unwrap_or_default();
        Self::with_preferences(&cc.egui_ctx, options, prefs)
    }

    /// Creates the app with given preferences (tests use this to fix the language).
    pub fn with_preferences(
        ctx: &egui::Context,
        options: StartupOptions,
        prefs: Preferences,
    ) -> Self {
        theme::install_fonts(ctx);
        input::install(ctx);
        let mut app = Self {
            prefs,
            doc: Document::new_unsaved(Session::create("")),
            shell: shell::Shell::default(),
            screens: screens::Screens::default(),
            work: work::Work::new(ctx),
            photos: photo_cache::PhotoCache::default(),
            speaking: SpeakingPanel::default(),
            phones: phones::Phones::default(),
            photo_board: None,
            intents: Intents::default(),
            options,
        };
        let last = app
            .prefs
            .last_session()
            .map(Path::to_owned)
            .filter(|p| p.exists());
        match (app.options.start.clone(), last) {
            (StartWith::Session(path), _) | (StartWith::LastSession, Some(path)) => {
                app.open(path, false);
            }
            (StartWith::Example | StartWith::LastSession, _) => app.open_example(),
        }
        app.shell.offer_unsaved_recovery = true;
        app
    }

    /// The session being edited.
    pub fn session(&self) -> &Session {
        self.doc.session()
    }

    /// The document with its save state.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    pub fn screen(&self) -> Screen {
        self.shell.screen
    }

    /// Shows a screen (for benchmarks; people click its tab).
    pub fn show(&mut self, screen: Screen) {
        self.shell.screen = screen;
    }

    pub fn preferences(&self) -> &Preferences {
        &self.prefs
    }

    /// The message of the open error dialog, if one is shown.
    pub fn error_message(&self) -> Option<&str> {
        self.shell.error_message()
    }

    /// The status line's message, if one is shown.
    pub fn status(&self) -> Option<&str> {
        self.shell.status.as_deref()
    }

    /// Whether edits are switched off.
    pub fn is_read_only(&self) -> bool {
        self.doc.is_read_only()
    }

    /// Whether the projector window is open.
    pub fn is_projector_open(&self) -> bool {
        self.shell.projector.is_open
    }

    /// Phones in the room (tests open the server on loopback and read the inbox).
    pub fn phones(&mut self) -> &mut phones::Phones {
        &mut self.phones
    }

    /// The "Board from photo" dialog, while open (tests read its review).
    pub fn photo_board(&self) -> Option<&photo_board::PhotoBoard> {
        self.photo_board.as_ref()
    }

    /// Cards from phones waiting for the moderator.
    pub fn phone_inbox(&self) -> &[crate::phones::session::InboxCard] {
        &self.screens.board.inbox
    }

    /// The clock the app reads "now" from.
    pub fn clock(&self) -> &Clock {
        &self.options.clock
    }

    /// Whether background work (opening, saving, photos, exports …) is under way.
    pub fn is_busy(&self) -> bool {
        self.work.is_busy()
    }

    /// Whether photo work (thumbnails, attaching) is under way.
    pub fn is_photo_work_pending(&self) -> bool {
        self.work.is_busy()
    }

    /// Whether an export is being written.
    pub fn is_exporting(&self) -> bool {
        self.work.is_running(work::JobKind::Export)
    }

    /// The language of exports: the moderator's choice, else the session's own language.
    pub(crate) fn report_lang(&self) -> Lang {
        self.shell
            .report_lang
            .unwrap_or_else(|| Lang::of_content(&self.doc.session().meta.language))
    }

    fn lang(&self) -> Lang {
        self.prefs.lang()
    }

    fn tr(&self, key: T) -> &'static str {
        key.get(self.lang())
    }

    fn unsaved_root(&self) -> PathBuf {
        self.options.scratch_dir.clone()
    }

    /// The folder new sessions go to: the one chosen in the preferences, else the default.
    fn sessions_dir(&self) -> PathBuf {
        self.prefs
            .sessions_dir
            .clone()
            .unwrap_or_else(|| self.options.sessions_dir.clone())
    }

    /// The folders the session browser lists: the sessions folder, those the user added, and
    /// every folder a session was opened or saved in.
    fn browse_folders(&self) -> Vec<PathBuf> {
        let mut folders = vec![self.sessions_dir()];
        let parents = self.prefs.recent.iter().filter_map(|p| p.parent());
        for folder in self
            .prefs
            .browse_folders
            .iter()
            .map(PathBuf::as_path)
            .chain(parents)
        {
            if !folders.iter().any(|f| f == folder) {
                folders.push(folder.to_owned());
            }
        }
        folders
    }

    fn display_title(&self) -> String {
        let title = self.doc.session().meta.title.trim();
        if title.is_empty() {
            self.tr(T::Untitled).to_owned()
        } else {
            title.to_owned()
        }
    }

    /// Closing the window with unsaved changes asks first: save, don't save, or stay.
    fn confirm_close(&mut self, ctx: &egui::Context) {
        let wants_to_close = ctx.input(|i| i.viewport().close_requested());
        if wants_to_close && self.doc.is_dirty() && !self.shell.may_close {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.shell.modal = Some(shell::Modal::ConfirmClose);
        }
    }

    /// Applies an edit as one undo step; says so in the status line when read-only refuses
    /// it. Autosave counts from the latest edit.
    fn apply(&mut self, edit: crate::session::edit::Edit) {
        match self.doc.apply(edit) {
            Ok(true) => {
                self.shell.last_edit_time = self.shell.frame_time;
                self.shell.status = None;
            }
            Ok(false) => {}
            Err(Refused::ReadOnly) => {
                self.shell.status = Some(self.tr(T::ReadOnlyRefused).to_owned());
            }
        }
    }

    /// After the screens drew: apply the frame's edits, then its commands.
    fn end_frame(&mut self, ctx: &egui::Context) {
        let intents = std::mem::take(&mut self.intents);
        for edit in intents.edits {
            self.apply(edit);
        }
        // Typing into one field is one undo step; leaving it ends the step.
        let focus = ctx.memory(|m| m.focused());
        if focus != self.shell.last_focus || !ctx.text_edit_focused() {
            self.doc.end_typing();
        }
        self.shell.last_focus = focus;
        for command in intents.commands {
            self.run(ctx, command);
        }
        // Pictures the screens asked for, as jobs.
        self.start_picture_jobs();
    }
}

impl eframe::App for ModeratoApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.shell.frame_time = ctx.input(|i| i.time);
        if self.shell.applied_theme != Some(self.prefs.theme) {
            theme::apply(ctx, self.prefs.theme);
            self.shell.applied_theme = Some(self.prefs.theme);
        }
        self.confirm_close(ctx);
        self.poll_dialog();
        self.poll_jobs(ctx);
        self.poll_phones();
        self.tick(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.shortcuts(&ctx);
        self.title_ui(&ctx);
        shell::top_bar_ui(self, ui);
        egui::CentralPanel::default().show(ui, |ui| screens::screen_ui(self, ui));
        self.browser_ui(&ctx);
        self.help_ui(&ctx);
        self.preview_ui(&ctx);
        self.phones_ui(&ctx);
        self.photo_board_ui(&ctx);
        projector::projector_ui(self, &ctx);
        self.modal_ui(&ctx);
        self.end_frame(&ctx);
        self.shell.count_frame();
    }

    /// Scroll offsets and open windows from another session would confuse more than help;
    /// only the window size and place are kept (by eframe, apart from this memory).
    fn persist_egui_memory(&self) -> bool {
        false
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, prefs::STORAGE_KEY, &self.prefs);
    }

    fn on_exit(&mut self) {
        self.keep_unsaved_work_now();
    }
}
