//! The desktop app (eframe). Screens draw and emit [`Command`]s; `command_handling` applies
//! them after the frame is drawn. The domain modules never see egui.

mod command_handling;
mod dialogs;
mod document;
mod messages;
mod prefs;
mod screens;
mod theme;
mod top_bar;
mod widgets;

use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;

pub use document::Document;
pub use prefs::{Preferences, Theme};

use crate::i18n::{Lang, T};
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
}

impl StartupOptions {
    /// `sessions/` in the working directory, as the README's commands run it.
    pub fn from_working_dir(open: Option<PathBuf>) -> Self {
        let cwd = std::env::current_dir().unwrap_or_default();
        Self {
            open,
            sessions_dir: cwd.join("sessions"),
            native_dialogs: true,
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
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PathPurpose {
    Open,
    Save,
}

/// What a native file dialog answered, from its thread.
struct DialogAnswer {
    purpose: PathPurpose,
    path: Option<PathBuf>,
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
        let now = ctx.input(|i| i.time);
        if self.doc.needs_autosave() {
            let wait = self.last_edit_time + AUTOSAVE_DELAY_SECS - now;
            if wait <= 0.0 {
                if let Err(e) = self.doc.autosave(&self.unsaved_root()) {
                    self.status = Some(messages::storage_error(&e, self.lang()));
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
        if !is_editing_text && !is_dragging && self.doc.commit() {
            self.last_edit_time = ctx.input(|i| i.time);
            self.status = None;
        }
        if self.doc.session != *self.doc_baseline_probe() {
            // A field is being typed in: autosave still counts from the latest keystroke.
            self.last_edit_time = ctx.input(|i| i.time);
        }
        for command in std::mem::take(&mut self.commands) {
            self.run(ctx, command);
        }
    }

    /// The session as of the last committed edit (typing in progress is not in it).
    fn doc_baseline_probe(&self) -> &Session {
        self.doc.baseline()
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
        });
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
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| {
                    screens::screen_ui(self, ui);
                });
        });
        self.browser_ui(&ctx);
        self.modal_ui(&ctx);
        self.end_frame(&ctx);
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
