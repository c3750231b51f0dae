//! The desktop app (eframe). Screens draw and emit [`Command`]s; `command_handling` applies
//! them after the frame is drawn. The domain modules never see egui.

pub mod board_view;
mod command_handling;
mod dialogs;
mod document;
mod photo_worker;
mod prefs;
mod projector;
mod screens;
mod sound;
mod theme;
mod top_bar;
mod widgets;

use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;

pub use document::Document;
pub use prefs::{Preferences, Theme};

use crate::clock::Clock;
use crate::i18n::{Describe as _, Lang, T};
use crate::model::Session;
use crate::storage::{Recovery, SessionListing};

/// Seconds after the last change before autosave writes.
const AUTOSAVE_DELAY_SECS: f64 = 3.0;

/// The workspace screens, in navigation order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Screen {
    #[default]
    Agenda,
    Board,
    Reflection,
    Photos,
    Results,
    Review,
}

impl Screen {
    pub const ALL: [Screen; 6] = [
        Screen::Agenda,
        Screen::Board,
        Screen::Reflection,
        Screen::Photos,
        Screen::Results,
        Screen::Review,
    ];

    pub fn label(self) -> T {
        match self {
            Screen::Agenda => T::Agenda,
            Screen::Board => T::Board,
            Screen::Reflection => T::Reflection,
            Screen::Photos => T::Photos,
            Screen::Results => T::Results,
            Screen::Review => T::Review,
        }
    }
}

/// Something the user asked for that is more than editing a field.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    NewSession,
    /// Ask for a session with the file dialog (or the typed path where there is none).
    ChooseSessionToOpen,
    /// Ask for a typed path to open.
    TypePathToOpen,
    Open(PathBuf),
    Save,
    ChooseSaveFolder,
    TypePathToSave,
    SaveAs(PathBuf),
    Undo,
    Redo,
    Show(Screen),
    SetLanguage(Lang),
    SetTheme(Theme),
    ToggleBrowser,
    Quit,
    /// A live timer control, applied at the clock's "now".
    Live(LiveAction),
    ToggleProjector,
    ToggleHelp,
    /// Next speaker of the speaking round.
    NextSpeaker,
    /// Open a session to look at, with editing switched off.
    OpenReadOnly(PathBuf),
    SetReadOnly(bool),
    /// Ask for a session to compare the current one with.
    ChooseCompare,
    Compare(PathBuf),
    /// Ask where to write a consolidation of the sessions ticked in the browser.
    ChooseConsolidationFolder,
    ConsolidateInto(PathBuf),
    /// Run the current consolidation again from its sources, with its decisions.
    Reconsolidate,
    /// Ask for photo files (file dialog, or a typed path where there is none).
    ChooseAttachPhotos,
    TypePathToAttach,
    AttachPhotos(Vec<PathBuf>),
    PreviewPhoto(crate::model::PhotoId),
    ClosePreview,
    /// Ask where to write an export.
    ChooseExport(ExportKind),
    Export(ExportKind, PathBuf),
    /// Open a file or folder with the system's program for it.
    OpenWithSystem(PathBuf),
}

/// The live agenda controls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LiveAction {
    /// Start, pause or resume (Space).
    Toggle,
    Next,
    Back,
    Skip,
    /// Seconds to add (negative: take away).
    Extend(i32),
    /// Start this item now.
    Start(crate::model::AgendaItemId),
}

/// How the app starts.
#[derive(Clone, Debug)]
pub struct StartupOptions {
    /// A session to open; else the last one, else the example.
    pub open: Option<PathBuf>,
    /// The folder the session browser lists and new sessions are saved in.
    pub sessions_dir: PathBuf,
    /// Use the system's file dialogs. Tests turn this off.
    pub native_dialogs: bool,
    /// Where "now" comes from; tests pass a manual clock.
    pub clock: Clock,
}

impl StartupOptions {
    /// `sessions/` in the working directory, as the README's commands run it; else the
    /// source tree's, so a binary started elsewhere still finds the example.
    pub fn from_working_dir(open: Option<PathBuf>) -> Self {
        let cwd = std::env::current_dir().unwrap_or_default();
        let mut sessions_dir = cwd.join("sessions");
        let built_in = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
        if !sessions_dir.is_dir() && built_in.is_dir() {
            sessions_dir = built_in;
        }
        Self {
            open,
            sessions_dir,
            native_dialogs: true,
            clock: Clock::System,
        }
    }

    fn example_session(&self) -> PathBuf {
        self.sessions_dir.join("open-government-2017")
    }
}

/// A modal question or message. One at a time.
enum Modal {
    TypedPath {
        purpose: PathPurpose,
        text: String,
        no_dialog: bool,
    },
    Error(String),
    Recover {
        folder: PathBuf,
        recovery: Box<Recovery>,
    },
    LockConflict {
        folder: PathBuf,
        session: Box<Session>,
        message: String,
    },
    /// An export is written; offer to open it.
    Exported(PathBuf),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PathPurpose {
    Open,
    Save,
    Consolidate,
    Compare,
    AttachPhoto,
    Export(ExportKind),
}

/// What an export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    Pdf,
    Markdown,
    Csv,
}

/// A finished consolidation: its folder and what could not be copied, or why it failed.
type ConsolidationOutcome = Result<(PathBuf, Vec<String>), String>;

/// What a native file dialog answered, from its thread.
struct DialogAnswer {
    purpose: PathPurpose,
    /// Empty when the dialog was cancelled (or never showed).
    paths: Vec<PathBuf>,
    elapsed: std::time::Duration,
}

/// The Moderato app.
pub struct ModeratoApp {
    prefs: Preferences,
    doc: Document,
    screen: Screen,
    options: StartupOptions,
    commands: Vec<Command>,
    modal: Option<Modal>,
    /// The session browser's rows while it is open.
    browser: Option<Vec<SessionListing>>,
    dialog: Option<Receiver<DialogAnswer>>,
    /// egui time of the last committed edit, for autosave.
    last_edit_time: f64,
    applied_theme: Option<Theme>,
    /// A short message in the status line, such as "Saved".
    status: Option<String>,
    /// The window title last sent, so it is sent only when it changes.
    window_title: String,
    /// The second window with the big countdown.
    projector: projector::ProjectorState,
    /// The speaking round (Blitzlicht): its setup, and the round while it runs.
    speaking: crate::agenda::speaking::SpeakingRound,
    is_help_open: bool,
    /// The item whose time's-up signal was given.
    signalled_item: Option<crate::model::AgendaItemId>,
    /// View, selection and suggestions per board.
    board_states: std::collections::BTreeMap<crate::model::BoardId, board_view::BoardUiState>,
    /// Which board the board screen shows.
    board_index: usize,
    card_entry: screens::CardEntry,
    /// Commit the pending change even though a text field has the focus (quick card entry
    /// keeps its field focused, yet each card is its own undo step).
    commit_requested: bool,
    reflection_ui: screens::ReflectionUiState,
    photos_ui: screens::PhotosUiState,
    /// Decodes thumbnails and checks attached photos off the UI thread; started on first use.
    photos: Option<photo_worker::PhotoWorker>,
    /// An export running on its own thread: the file written, or what went wrong.
    export_job: Option<Receiver<Result<PathBuf, String>>>,

    /// Edits are switched off (sessions opened from the browser start so).
    is_read_only: bool,
    /// The session shown beside the current one on the review screen.
    compare: Option<Box<Session>>,
    /// Sessions ticked in the browser for a consolidation.
    browser_selected: std::collections::BTreeSet<PathBuf>,
    /// A consolidation running on its own thread: the result folder, or what went wrong.
    consolidation_job: Option<Receiver<ConsolidationOutcome>>,
    /// Counts frames when `MODERATO_FRAME_LOG` is set, to measure repaints.
    frame_log: Option<FrameLog>,
}

/// Prints how many frames were painted in each 5-second window.
struct FrameLog {
    window_start: std::time::Instant,
    frames: u32,
}

impl FrameLog {
    fn tick(&mut self) {
        self.frames += 1;
        let elapsed = self.window_start.elapsed();
        if elapsed >= std::time::Duration::from_secs(5) {
            let fps = f64::from(self.frames) / elapsed.as_secs_f64();
            eprintln!(
                "moderato: {} frames in {:.1} s = {fps:.2} frames/s",
                self.frames,
                elapsed.as_secs_f64()
            );
            self.frames = 0;
            self.window_start = std::time::Instant::now();
        }
    }
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
        let mut app = Self {
            prefs,
            doc: Document::new_unsaved(Session::create("")),
            screen: Screen::default(),
            commands: Vec::new(),
            modal: None,
            browser: None,
            dialog: None,
            last_edit_time: 0.0,
            applied_theme: None,
            status: None,
            window_title: String::new(),
            projector: projector::ProjectorState::default(),
            speaking: crate::agenda::speaking::SpeakingRound::default(),
            is_help_open: false,
            signalled_item: None,
            board_states: std::collections::BTreeMap::new(),
            board_index: 0,
            card_entry: screens::CardEntry::default(),
            commit_requested: false,
            reflection_ui: screens::ReflectionUiState::default(),
            photos_ui: screens::PhotosUiState::default(),
            photos: None,
            export_job: None,
            is_read_only: false,
            compare: None,
            browser_selected: std::collections::BTreeSet::new(),
            consolidation_job: None,
            frame_log: std::env::var_os("MODERATO_FRAME_LOG").map(|_| FrameLog {
                window_start: std::time::Instant::now(),
                frames: 0,
            }),
            options,
        };
        let start = app
            .options
            .open
            .clone()
            .or_else(|| {
                app.prefs
                    .last_session()
                    .map(Path::to_owned)
                    .filter(|p| p.exists())
            })
            .unwrap_or_else(|| app.options.example_session());
        app.open(&start);
        if app.doc.folder().is_none() && app.modal.is_none() {
            app.offer_unsaved_recovery();
        }
        app
    }

    /// The session being edited.
    pub fn session(&self) -> &Session {
        &self.doc.session
    }

    /// The document with its save state.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    pub fn preferences(&self) -> &Preferences {
        &self.prefs
    }

    /// The message of the open error dialog, if one is shown.
    pub fn error_message(&self) -> Option<&str> {
        match &self.modal {
            Some(Modal::Error(message)) => Some(message),
            _ => None,
        }
    }

    fn lang(&self) -> Lang {
        self.prefs.lang()
    }

    fn tr(&self, key: T) -> &'static str {
        key.get(self.lang())
    }

    fn unsaved_root(&self) -> PathBuf {
        self.options.sessions_dir.join(".unsaved")
    }

    /// Runs once per frame before drawing: file dialog answers and autosave.
    fn tick(&mut self, ctx: &egui::Context) {
        self.poll_dialog();
        self.poll_consolidation();
        self.poll_photos(ctx);
        self.poll_export();
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.commands.push(Command::AttachPhotos(dropped));
        }
        // A running countdown repaints when its seconds change, and not in between.
        let now = self.options.clock.now();
        let current = crate::agenda::timing::current(&self.doc.session.agenda, now)
            .and_then(|at| self.doc.session.agenda.days.get(at.day)?.items.get(at.item));
        let timer = current.map(|item| (item.id, crate::agenda::timing::ItemTimer::of(item, now)));
        // The end of a timebox is signalled once per item (sound only with the `sound` feature).
        if let Some((id, timer)) = timer
            && timer.urgency() == crate::agenda::timing::Urgency::TimeUp
            && self.signalled_item != Some(id)
        {
            self.signalled_item = Some(id);
            sound::play_signal();
        }
        let timer_wait = timer.and_then(|(_, timer)| timer.until_next_second());
        let speaking_wait = self.speaking.until_next_second(now);
        if let Some(wait) = timer_wait.into_iter().chain(speaking_wait).min() {
            ctx.request_repaint_after(wait);
        }
        let now = ctx.input(|i| i.time);
        if self.doc.needs_autosave() {
            let wait = self.last_edit_time + AUTOSAVE_DELAY_SECS - now;
            if wait <= 0.0 {
                if let Err(e) = self.doc.autosave(&self.unsaved_root()) {
                    self.status = Some(e.describe(self.lang()));
                }
            } else {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
            }
        }
    }

    /// After the screens drew: turn edits into undo steps and apply commands.
    fn end_frame(&mut self, ctx: &egui::Context) {
        let is_editing_text = ctx.text_edit_focused();
        let is_dragging = ctx.dragged_id().is_some();
        if self.is_read_only && self.doc.session != *self.doc.baseline() {
            // Read-only: whatever slipped through (a dragged card) goes back.
            self.doc.session = self.doc.baseline().clone();
        }
        let may_commit = std::mem::take(&mut self.commit_requested) || !is_editing_text;
        if may_commit && !is_dragging && self.doc.commit() {
            self.last_edit_time = ctx.input(|i| i.time);
            self.status = None;
        }
        if self.doc.session != *self.doc.baseline() {
            // A field is being typed in: autosave still counts from the latest keystroke.
            self.last_edit_time = ctx.input(|i| i.time);
        }
        for command in std::mem::take(&mut self.commands) {
            self.run(ctx, command);
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let shortcut = |modifiers, key| KeyboardShortcut::new(modifiers, key);
        let typing = ctx.text_edit_focused();
        ctx.input_mut(|input| {
            if input.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::S)) {
                self.commands.push(Command::Save);
            }
            if input.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::O)) {
                self.commands.push(Command::ChooseSessionToOpen);
            }
            if input.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::N)) {
                self.commands.push(Command::NewSession);
            }
            // While typing, the text field's own undo handles Ctrl+Z.
            if typing {
                return;
            }
            if input.consume_shortcut(&shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z))
                || input.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::Y))
            {
                self.commands.push(Command::Redo);
            }
            if input.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::Z)) {
                self.commands.push(Command::Undo);
            }
            // Live timer keys, without modifiers, whatever screen is shown.
            let keys = [
                (Key::Space, Command::Live(LiveAction::Toggle)),
                (Key::N, Command::Live(LiveAction::Next)),
                (Key::Plus, Command::Live(LiveAction::Extend(60))),
                (Key::Equals, Command::Live(LiveAction::Extend(60))),
                (Key::Minus, Command::Live(LiveAction::Extend(-60))),
                (Key::P, Command::ToggleProjector),
                (Key::F1, Command::ToggleHelp),
                (Key::Questionmark, Command::ToggleHelp),
                (Key::Enter, Command::NextSpeaker),
            ];
            for (key, command) in keys {
                if key == Key::Enter && !self.speaking.is_running() {
                    continue;
                }
                // On the board, + and − zoom.
                let is_zoom_key = matches!(key, Key::Plus | Key::Equals | Key::Minus);
                if is_zoom_key && self.screen == Screen::Board {
                    continue;
                }
                if input.consume_key(Modifiers::NONE, key)
                    || (key == Key::Questionmark && input.consume_key(Modifiers::SHIFT, key))
                {
                    self.commands.push(command);
                }
            }
        });
    }

    /// Applies a live control at the clock's "now", as one undoable edit.
    fn live(&mut self, action: LiveAction) {
        use crate::agenda::live;
        use crate::agenda::timing::position_of;
        self.doc.commit();
        let now = self.options.clock.now();
        let agenda = &mut self.doc.session.agenda;
        match action {
            LiveAction::Toggle => live::toggle(agenda, now),
            LiveAction::Next => live::next(agenda, now),
            LiveAction::Back => live::back(agenda, now),
            LiveAction::Skip => live::skip(agenda, now),
            LiveAction::Extend(secs) => live::extend(agenda, secs, now),
            LiveAction::Start(id) => {
                if let Some(at) = position_of(agenda, id) {
                    live::start(agenda, at, now);
                }
            }
        }
        self.doc.commit();
    }

    /// The clock the app reads "now" from.
    pub fn clock(&self) -> &Clock {
        &self.options.clock
    }

    /// The photo worker, started on first use.
    fn photo_worker(&mut self, ctx: &egui::Context) -> &mut photo_worker::PhotoWorker {
        self.photos
            .get_or_insert_with(|| photo_worker::PhotoWorker::start(ctx))
    }

    /// The photo worker, if started.
    fn photos(&self) -> Option<&photo_worker::PhotoWorker> {
        self.photos.as_ref()
    }

    /// Whether photo work (thumbnails, attaching) is under way.
    pub fn is_photo_work_pending(&self) -> bool {
        self.photos
            .as_ref()
            .is_some_and(photo_worker::PhotoWorker::is_busy)
    }

    /// Attached photos arrive here and join the session as one undoable edit.
    fn poll_photos(&mut self, ctx: &egui::Context) {
        let Some(worker) = &mut self.photos else {
            return;
        };
        let Some((photos, problems)) = worker.poll(ctx, &self.doc.session.photos) else {
            return;
        };
        self.doc.commit();
        let photographer = self
            .doc
            .session
            .meta
            .credits
            .photos
            .first()
            .cloned()
            .unwrap_or_default();
        for mut photo in photos {
            if self.doc.session.photos.iter().any(|p| p.path == photo.path) {
                continue; // The same picture again.
            }
            photo.photographer.clone_from(&photographer);
            self.photos_ui.selected = Some(photo.id);
            self.doc.session.photos.push(photo);
        }
        self.doc.commit();
        if !problems.is_empty() {
            self.modal = Some(Modal::Error(format!(
                "{}\n\n{}",
                T::NotAttached.get(self.lang()),
                problems.join("\n")
            )));
        }
    }

    /// Whether edits are switched off.
    pub fn is_read_only(&self) -> bool {
        self.is_read_only
    }

    /// Whether the projector window is open.
    pub fn is_projector_open(&self) -> bool {
        self.projector.is_open
    }
}

impl eframe::App for ModeratoApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if self.applied_theme != Some(self.prefs.theme) {
            theme::apply(ctx, self.prefs.theme);
            self.applied_theme = Some(self.prefs.theme);
        }
        self.tick(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.shortcuts(&ctx);
        self.title_ui(&ctx);
        top_bar::top_bar_ui(self, ui);
        egui::CentralPanel::default().show(ui, |ui| {
            // The board pans and zooms itself; every other screen scrolls.
            if self.screen == Screen::Board {
                screens::board_screen_ui(self, ui);
            } else {
                egui::ScrollArea::vertical()
                    .auto_shrink(false)
                    .show(ui, |ui| {
                        if self.is_read_only {
                            ui.disable();
                        }
                        screens::screen_ui(self, ui);
                    });
            }
        });
        self.browser_ui(&ctx);
        self.help_ui(&ctx);
        self.compare_ui(&ctx);
        self.preview_ui(&ctx);
        projector::projector_ui(self, &ctx);
        self.modal_ui(&ctx);
        self.end_frame(&ctx);
        if let Some(log) = &mut self.frame_log {
            log.tick();
        }
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
        // Closing with unsaved changes: keep them in the autosave so the next start offers them.
        if self.doc.is_dirty()
            && let Err(e) = self.doc.autosave(&self.unsaved_root())
        {
            eprintln!("moderato: could not keep the unsaved changes: {e}");
        }
    }
}

impl ModeratoApp {
    fn title_ui(&mut self, ctx: &egui::Context) {
        let title = self.display_title();
        let marker = if self.doc.is_dirty() { " \u{2022}" } else { "" };
        let full = format!("{title}{marker} \u{2013} Moderato");
        if full != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(full.clone()));
            self.window_title = full;
        }
    }

    fn display_title(&self) -> String {
        let title = self.doc.session.meta.title.trim();
        if title.is_empty() {
            self.tr(T::Untitled).to_owned()
        } else {
            title.to_owned()
        }
    }
}
