//! The shell around the screens: the top bar (menus, title, save state, undo/redo, tabs),
//! the window title, modal questions, the session browser and the small windows.

mod browser;
mod modal;
mod windows;

use std::collections::BTreeSet;
use std::path::PathBuf;

use egui::RichText;

pub use modal::{Modal, path_command};

use super::command::{Command, PathPurpose, Screen};
use super::keys::Keyed;
use super::{ModeratoApp, Theme};
use crate::export::Kind as ExportKind;
use crate::i18n::{Lang, T, fill};
use crate::storage::SessionListing;

/// The paths a native dialog chose (empty when cancelled) and how long it took.
pub type DialogAnswer = std::sync::mpsc::Receiver<(Vec<PathBuf>, std::time::Duration)>;

/// The shell's state between frames.
#[derive(Default)]
pub struct Shell {
    pub screen: Screen,
    pub modal: Option<Modal>,
    /// A session another window has open, read and waiting for the moderator's answer.
    pub waiting: Option<Waiting>,
    /// A warning to show once the session it is about has opened.
    pub pending_warning: Option<String>,
    /// A short message in the status line, such as "Saved".
    pub status: Option<String>,
    /// What to say with "Saved" when the save under way is done ("1 cluster merged").
    pub said_after_save: Option<String>,
    /// The session browser's rows while it is open (`Some(empty)` while they load).
    pub browser: Option<Vec<(PathBuf, Vec<SessionListing>)>>,
    pub is_browser_open: bool,
    /// Sessions ticked in the browser for a consolidation.
    pub browser_selected: BTreeSet<PathBuf>,
    pub is_help_open: bool,
    pub projector: super::projector::ProjectorState,
    /// The window title last sent, so it is sent only when it changes.
    pub window_title: String,
    pub applied_theme: Option<Theme>,
    /// egui time of the last edit, for autosave.
    pub last_edit_time: f64,
    /// egui time of this frame.
    pub frame_time: f64,
    /// egui time of the last key that no text field took (for telling bursts of typing
    /// from shortcuts).
    pub last_loose_key: Option<f64>,
    /// The widget that had the keyboard focus at the end of the last frame.
    pub last_focus: Option<egui::Id>,
    /// The item whose time's-up signal was given.
    pub signalled_item: Option<crate::ids::AgendaItemId>,
    /// The speaking turn whose end was signalled (item, turn number, log length).
    pub signalled_turn: Option<(crate::ids::AgendaItemId, (usize, usize))>,
    /// Look for a never-saved session's autosave once the start session is known.
    pub offer_unsaved_recovery: bool,
    /// Close the window once the save asked for on closing is done.
    pub close_after_save: bool,
    /// The moderator decided about unsaved changes: the window may close.
    pub may_close: bool,
    /// The language of exports, when the moderator chose one (else the session's).
    pub report_lang: Option<Lang>,
    /// "Don't save": the unsaved changes are not kept on closing.
    pub discard_on_exit: bool,
    /// The title in the top bar is being edited.
    pub is_editing_title: bool,
    /// A native file dialog running on its own thread: what it is for, and its answer.
    pub dialog: Option<(PathPurpose, DialogAnswer)>,
    frame_log: Option<FrameLog>,
}

/// A session that another window has open, read and waiting for the moderator's answer.
pub struct Waiting {
    pub session: crate::session::Session,
    pub folder: PathBuf,
    pub recovery: Option<crate::storage::Recovery>,
    pub saved_at: Option<jiff::Timestamp>,
    pub read_only: bool,
}

impl Shell {
    /// Shows a message in the error dialog (after the one shown now, if any).
    pub fn show_error(&mut self, message: String) {
        match &mut self.modal {
            Some(Modal::Error(shown)) => {
                shown.push_str("\n\n");
                shown.push_str(&message);
            }
            Some(_) => self.pending_warning = Some(message),
            None => self.modal = Some(Modal::Error(message)),
        }
    }

    /// The message of the open error dialog, if one is shown.
    pub fn error_message(&self) -> Option<&str> {
        match &self.modal {
            Some(Modal::Error(message)) => Some(message),
            _ => None,
        }
    }

    /// Counts frames when `MODERATO_FRAME_LOG` is set, to measure repaints.
    pub fn count_frame(&mut self) {
        if self.frame_log.is_none() && std::env::var_os("MODERATO_FRAME_LOG").is_some() {
            self.frame_log = Some(FrameLog {
                window_start: std::time::Instant::now(),
                frames: 0,
            });
        }
        if let Some(log) = &mut self.frame_log {
            log.tick();
        }
    }
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
    pub(super) fn title_ui(&mut self, ctx: &egui::Context) {
        let title = self.display_title();
        let marker = if self.doc.is_dirty() { " \u{2022}" } else { "" };
        let full = format!("{title}{marker} \u{2013} Moderato");
        if full != self.shell.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(full.clone()));
            self.shell.window_title = full;
        }
    }
}

pub(super) fn top_bar_ui(app: &mut ModeratoApp, ui: &mut egui::Ui) {
    let lang = app.lang();
    let tr = |key: T| key.get(lang);
    egui::Panel::top("top-bar").show(ui, |ui| {
        // Wrapped rather than a menu bar: with the projector theme's large text the row may
        // not fit, and then it takes a second line instead of cutting buttons off.
        ui.horizontal_wrapped(|ui| {
            ui.menu_button(tr(T::File), |ui| file_menu_ui(app, ui));
            ui.menu_button(tr(T::View), |ui| view_menu_ui(app, ui));
            ui.separator();
            let commands = &mut app.intents.commands;
            let undo = ui.add_enabled(app.doc.can_undo(), egui::Button::new(tr(T::Undo)));
            if undo
                .on_hover_text(Keyed::Undo.hint(ui.ctx(), lang))
                .clicked()
            {
                commands.push(Command::Undo);
            }
            let redo = ui.add_enabled(app.doc.can_redo(), egui::Button::new(tr(T::Redo)));
            if redo
                .on_hover_text(Keyed::Redo.all_hints(ui.ctx(), lang))
                .clicked()
            {
                commands.push(Command::Redo);
            }
            if ui
                .button(tr(T::Save))
                .on_hover_text(Keyed::Save.hint(ui.ctx(), lang))
                .clicked()
            {
                commands.push(Command::Save);
            }
            // Read-only is an explicit state with an explicit way out.
            let is_read_only = app.doc.is_read_only();
            let toggle = ui.selectable_label(is_read_only, tr(T::ReadOnly));
            if toggle.on_hover_text(tr(T::ReadOnlyHelp)).clicked() {
                commands.push(Command::SetReadOnly(!is_read_only));
            }
            let phones = if app.phones.is_open() {
                format!("{} \u{25cf} {}", tr(T::Phones), app.phones.connected())
            } else {
                tr(T::Phones).to_owned()
            };
            let toggle = ui.selectable_label(app.phones.is_window_open, phones);
            if toggle.on_hover_text(tr(T::PhonesTitle)).clicked() {
                app.phones.is_window_open = !app.phones.is_window_open;
            }
            ui.separator();
            title_ui(app, ui);
            let (state, is_warning) = save_state_text(app, ui.ctx());
            let colour = if is_warning {
                ui.visuals().warn_fg_color
            } else {
                ui.visuals().weak_text_color()
            };
            // Kept whole: it moves to the next line rather than breaking in the middle.
            ui.add(
                egui::Label::new(RichText::new(state).color(colour))
                    .wrap_mode(egui::TextWrapMode::Extend),
            );
            jobs_ui(app, ui);
            if let Some(status) = &app.shell.status {
                ui.label(RichText::new(status).weak());
            }
        });
        ui.add_space(2.0);
        ui.horizontal_wrapped(|ui| {
            for screen in Screen::ALL {
                let selected = app.shell.screen == screen;
                // Slightly larger than body text, in every theme (the projector's is large).
                let size = ui.text_style_height(&egui::TextStyle::Body) * 1.15;
                let text = RichText::new(tr(screen.label())).size(size);
                if ui.selectable_label(selected, text).clicked() && !selected {
                    app.intents.commands.push(Command::Show(screen));
                }
            }
        });
        ui.add_space(2.0);
    });
}

/// The session's title; a click edits it in place.
fn title_ui(app: &mut ModeratoApp, ui: &mut egui::Ui) {
    let lang = app.lang();
    if app.shell.is_editing_title && !app.doc.is_read_only() {
        let label = ui.label(T::Title.get(lang));
        let field = super::widgets::TextField::new(&app.doc.session().meta.title, label.id)
            .width(320.0)
            .id(egui::Id::unique("top-bar-title"))
            .show(ui);
        if let Some(text) = field.changed {
            let edit = crate::session::edit::SessionEdit::SetText(
                crate::session::edit::MetaText::Title,
                text,
            );
            app.intents.edits.push(edit.into());
        }
        // Enter, Escape or a click elsewhere ends the editing; the title is kept as typed.
        if field.response.lost_focus() {
            app.shell.is_editing_title = false;
        }
        return;
    }
    let title = ui
        .add(egui::Button::new(RichText::new(app.display_title()).strong()).frame(false))
        .on_hover_text(T::EditTitle.get(lang));
    if title.clicked() && !app.doc.is_read_only() {
        app.shell.is_editing_title = true;
        super::widgets::focus_when_shown(ui.ctx(), egui::Id::unique("top-bar-title"));
    }
}

/// A spinner with what runs, its progress and a way to stop it.
fn jobs_ui(app: &mut ModeratoApp, ui: &mut egui::Ui) {
    use super::work::JobKind;
    let lang = app.lang();
    let shown = [
        (JobKind::Consolidate, T::Consolidating),
        (JobKind::Reconsolidate, T::Consolidating),
        (JobKind::Export, T::Exporting),
        (JobKind::Attach, T::Attaching),
        (JobKind::Suggest, T::Suggesting),
        (JobKind::Open, T::Opening),
        (JobKind::Save, T::Saving),
    ];
    for (kind, words) in shown {
        let Some((id, fraction)) = app.work.running(kind) else {
            continue;
        };
        ui.spinner();
        let text = match fraction {
            Some(f) => format!("{} {:.0} %", words.get(lang), f * 100.0),
            None => words.get(lang).to_owned(),
        };
        ui.label(RichText::new(text).weak());
        if matches!(kind, JobKind::Consolidate | JobKind::Export)
            && ui.small_button(T::Cancel.get(lang)).clicked()
        {
            app.intents.commands.push(Command::CancelJob(id));
        }
        break;
    }
}

fn file_menu_ui(app: &mut ModeratoApp, ui: &mut egui::Ui) {
    let lang = app.lang();
    let tr = |key: T| key.get(lang);
    let mut command = None;
    if ui
        .button(tr(T::NewSession))
        .on_hover_text(Keyed::NewSession.hint(ui.ctx(), lang))
        .clicked()
    {
        command = Some(Command::NewSession);
    }
    if ui
        .button(tr(T::Open))
        .on_hover_text(Keyed::Open.hint(ui.ctx(), lang))
        .clicked()
    {
        command = Some(Command::ChoosePath(PathPurpose::Open));
    }
    if ui.button(tr(T::OpenPath)).clicked() {
        command = Some(Command::TypePath(PathPurpose::Open));
    }
    ui.menu_button(tr(T::RecentSessions), |ui| {
        if app.prefs.recent.is_empty() {
            ui.label(tr(T::NoRecent));
        }
        for folder in &app.prefs.recent {
            let name = folder
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            if ui
                .button(name)
                .on_hover_text(folder.display().to_string())
                .clicked()
            {
                command = Some(Command::Open(folder.clone()));
            }
        }
    });
    if ui.button(tr(T::BrowseSessions)).clicked() {
        command = Some(Command::ToggleBrowser);
    }
    if ui.button(tr(T::SessionsFolderMenu)).clicked() {
        command = Some(Command::ChoosePath(PathPurpose::SessionsFolder));
    }
    ui.separator();
    if ui.button(tr(T::Save)).clicked() {
        command = Some(Command::Save);
    }
    if ui.button(tr(T::SaveAs)).clicked() {
        command = Some(Command::ChoosePath(PathPurpose::Save));
    }
    ui.separator();
    ui.label(RichText::new(tr(T::Export)).weak());
    // A German session gets a German report unless the moderator says otherwise.
    let report_lang = app.report_lang();
    ui.horizontal(|ui| {
        ui.label(tr(T::ReportLanguage));
        for option in [Lang::De, Lang::En] {
            if ui.radio(report_lang == option, option.name()).clicked() {
                app.shell.report_lang = Some(option);
            }
        }
    });
    for (key, kind) in [
        (T::ExportPdf, ExportKind::Pdf),
        (T::ExportMarkdown, ExportKind::Markdown),
        (T::ExportCsv, ExportKind::Csv),
    ] {
        if ui.button(tr(key)).clicked() {
            command = Some(Command::ChoosePath(PathPurpose::Export(kind)));
        }
    }
    ui.separator();
    if ui.button(tr(T::Quit)).clicked() {
        command = Some(Command::Quit);
    }
    if let Some(command) = command {
        app.intents.commands.push(command);
        ui.close();
    }
}

fn view_menu_ui(app: &mut ModeratoApp, ui: &mut egui::Ui) {
    let lang = app.lang();
    let tr = |key: T| key.get(lang);
    ui.label(RichText::new(tr(T::Language)).weak());
    for option in [Lang::De, Lang::En] {
        if ui.radio(lang == option, option.name()).clicked() {
            app.intents.commands.push(Command::SetLanguage(option));
        }
    }
    ui.separator();
    ui.label(RichText::new(tr(T::Theme)).weak());
    for (theme, key) in [
        (Theme::Light, T::ThemeLight),
        (Theme::Dark, T::ThemeDark),
        (Theme::Projector, T::ThemeProjector),
    ] {
        if ui.radio(app.prefs.theme == theme, tr(key)).clicked() {
            app.intents.commands.push(Command::SetTheme(theme));
        }
    }
}

/// "saved 5 s ago", "unsaved changes", …, and whether it is a warning. Asks for exactly the
/// repaints the text needs to stay true, no more.
/// A field holding typed text that cannot be read adds that it is not saved, as a warning.
fn save_state_text(app: &ModeratoApp, ctx: &egui::Context) -> (String, bool) {
    let lang = app.lang();
    let (text, is_warning) = document_state_text(app, ctx);
    let unread = crate::app::widgets::unread_fields(ctx);
    let not_saved = match unread.as_slice() {
        [] => return (text, is_warning),
        [one] => fill(T::OneTypedNotSaved.get(lang), &[&one.typed]),
        more => fill(T::TypedNotSavedCount.get(lang), &[&more.len().to_string()]),
    };
    if text.is_empty() {
        (not_saved, true)
    } else {
        (format!("{text} \u{b7} {not_saved}"), true)
    }
}

fn document_state_text(app: &ModeratoApp, ctx: &egui::Context) -> (String, bool) {
    let lang = app.lang();
    if app.doc.is_dirty() {
        let key = if app.doc.folder().is_none() {
            T::NotSavedYet
        } else {
            T::UnsavedChanges
        };
        return (key.get(lang).to_owned(), true);
    }
    let Some(saved_at) = app.doc.saved_at() else {
        return (String::new(), false);
    };
    let secs = app
        .options
        .clock
        .now()
        .duration_since(saved_at)
        .as_secs()
        .max(0);
    // Coarse steps, so an idle window repaints every 10 s at most (then every minute).
    let text = if secs < 10 {
        ctx.request_repaint_after(std::time::Duration::from_secs(10 - secs.unsigned_abs()));
        T::SavedJustNow.get(lang).to_owned()
    } else if secs < 60 {
        ctx.request_repaint_after(std::time::Duration::from_secs(
            10 - secs.unsigned_abs() % 10,
        ));
        let tens = secs / 10 * 10;
        fill(T::SavedSecondsAgo.get(lang), &[&tens.to_string()])
    } else if secs < 3600 {
        ctx.request_repaint_after(std::time::Duration::from_secs(
            60 - secs.unsigned_abs() % 60,
        ));
        fill(T::SavedMinutesAgo.get(lang), &[&(secs / 60).to_string()])
    } else {
        let local = saved_at.to_zoned(jiff::tz::TimeZone::system());
        let when = local.strftime("%Y-%m-%d %H:%M").to_string();
        fill(T::SavedAt.get(lang), &[&when])
    };
    (text, false)
}
