//! Applies [`Command`]s: undo, screens, file dialogs, and the disk work they start as jobs.
//! The one place that starts IO: every job is spawned from here (`files.rs` for sessions on
//! disk, `jobs.rs` for the rest), and screens and dialogs only ask for it.

mod dialogs;
mod files;
mod jobs;

use super::command::{Command, PathPurpose};
use super::shell::Modal;
use super::{ModeratoApp, Screen};
use crate::agenda::edit::AgendaEdit;
use crate::session::Session;

impl ModeratoApp {
    pub(super) fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::ChoosePath(purpose) => self.ask_for_path(ctx, purpose),
            Command::TypePath(purpose) => self.type_path(purpose, false),
            Command::Undo => {
                self.doc.undo();
            }
            Command::Redo => {
                self.doc.redo();
            }
            Command::Show(screen) => self.shell.screen = screen,
            Command::SetLanguage(lang) => self.prefs.language = Some(lang),
            Command::SetTheme(theme) => self.prefs.theme = theme,
            Command::SetReadOnly(is_read_only) => self.doc.set_read_only(is_read_only),
            Command::ToggleProjector => {
                self.shell.projector.is_open = !self.shell.projector.is_open;
            }
            Command::ToggleHelp => self.shell.is_help_open = !self.shell.is_help_open,
            Command::Say(text) => self.shell.status = Some(text),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::CloseWithoutSaving => {
                self.shell.discard_on_exit = true;
                self.shell.may_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::SaveAndClose => {
                self.shell.close_after_save = true;
                self.intents.commands.push(Command::Save);
            }
            Command::Live(_)
            | Command::LiveConfirmed(_)
            | Command::NewRun(..)
            | Command::ContinueRun(..)
            | Command::Round(_) => {
                self.live(command);
            }
            command => self.session_command(command),
        }
    }

    /// Commands about sessions on disk and the work beside the window.
    fn session_command(&mut self, command: Command) {
        match command {
            Command::NewSession => {
                self.shell.modal = Some(Modal::NewSession {
                    title: String::new(),
                });
            }
            Command::CreateSession(title) => self.create_session(&title),
            Command::Open(path) => {
                self.keep_unsaved_work_now();
                self.open(path, false);
            }
            Command::OpenReadOnly(path) => {
                self.keep_unsaved_work_now();
                self.open(path, true);
            }
            Command::OpenDespiteLock => self.open_despite_lock(),
            Command::Save => match self.doc.folder().map(std::path::Path::to_owned) {
                Some(folder) => self.save(folder),
                None => self
                    .intents
                    .commands
                    .push(Command::ChoosePath(PathPurpose::Save)),
            },
            Command::SaveAs(folder) => self.save(folder),
            Command::Autosave => self.autosave(),
            Command::Recover(session) => self.recover(*session),
            Command::DiscardAutosave(folder) => self.discard_autosave(folder),
            Command::LookForUnsavedWork => self.look_for_unsaved_work(),
            Command::ToggleBrowser => {
                self.shell.is_browser_open = !self.shell.is_browser_open;
                if self.shell.is_browser_open {
                    self.list_sessions();
                } else {
                    self.shell.browser = None;
                }
            }
            Command::RefreshBrowser => self.list_sessions(),
            Command::AddBrowseFolder(folder) => {
                if !self.prefs.browse_folders.contains(&folder) {
                    self.prefs.browse_folders.push(folder);
                }
                self.shell.is_browser_open = true;
                self.list_sessions();
            }
            Command::SetSessionsFolder(folder) => self.prefs.sessions_dir = Some(folder),
            command => self.job_command(command),
        }
    }

    /// Commands that start work beside the window.
    fn job_command(&mut self, command: Command) {
        match command {
            Command::Compare(path) => self.compare(path),
            Command::CloseComparison => self.screens.review.compare = None,
            Command::ConsolidateInto(out) => self.consolidate_into(out),
            Command::Reconsolidate => self.reconsolidate(),
            Command::AttachPhotos(files) => self.attach(files),
            Command::PreviewPhoto(id) => self.preview(id),
            Command::ClosePreview => self.photos.close_preview(),
            Command::Export(kind, target) => self.export(kind, target),
            Command::OpenWithSystem(path) => {
                if let Err(e) = jobs::open_with_system(&path) {
                    let reason = crate::i18n::io_reason(&e, self.lang());
                    self.shell.status = Some(format!("{}: {reason}", path.display()));
                }
            }
            Command::CancelJob(id) => self.work.cancel(id),
            Command::SuggestGroups {
                board,
                cards,
                tightness,
            } => self.suggest_groups(board, cards, tightness),
            Command::DetectPhotoBoard(path, photo) => self.detect_photo_board(path, photo),
            Command::CreatePhotoBoard => self.create_photo_board(),
            Command::ClosePhotoBoard => self.photo_board = None,
            _ => {}
        }
    }

    /// The live timer and the speaking round, at the clock's "now".
    fn live(&mut self, command: Command) {
        let now = self.options.clock.now();
        match command {
            Command::Live(action) => {
                let agenda = &self.doc.session().agenda;
                let tz = jiff::tz::TimeZone::system();
                match crate::agenda::runs::question(agenda, action, now, &tz) {
                    Some((day, question)) if !self.doc.is_read_only() => {
                        self.shell.modal = Some(Modal::RunDay {
                            action,
                            day,
                            question,
                        });
                    }
                    _ => self.apply(AgendaEdit::Live(action, now).into()),
                }
            }
            Command::LiveConfirmed(action) => self.apply(AgendaEdit::Live(action, now).into()),
            Command::NewRun(day, action) => self.apply(AgendaEdit::NewRun(day, action, now).into()),
            Command::ContinueRun(day, action) => {
                let tz = jiff::tz::TimeZone::system();
                let closings = self
                    .doc
                    .session()
                    .agenda
                    .days
                    .iter()
                    .find(|d| d.id == day)
                    .map(|d| crate::agenda::runs::stale_closings(d, now, &tz))
                    .unwrap_or_default();
                let edit = AgendaEdit::ContinueRun {
                    day,
                    closings,
                    action,
                    at: now,
                };
                self.apply(edit.into());
            }
            Command::Round(action) => {
                let agenda = &self.doc.session().agenda;
                let edit =
                    crate::agenda::speaking::running(agenda, now).and_then(|(item, round, _)| {
                        Some(AgendaEdit::Round(item.id, round.event(action, now)?))
                    });
                if let Some(edit) = edit {
                    self.apply(edit.into());
                }
            }
            _ => {}
        }
    }

    fn create_session(&mut self, title: &str) {
        self.keep_unsaved_work_now();
        self.doc = super::Document::new_unsaved(Session::create(title));
        self.photos.clear();
        self.screens.session_changed();
        // Phones were open for the previous session; they are out with it.
        self.phones = crate::app::phones::Phones::default();
        self.shell.screen = Screen::Agenda;
    }
}
