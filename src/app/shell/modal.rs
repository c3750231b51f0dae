//! Modal questions and messages: a typed path, an error, a recovery offer, a lock conflict,
//! a finished export. One at a time.

use std::path::PathBuf;

use egui::RichText;
use jiff::Timestamp;

use crate::agenda::live::LiveAction;
use crate::app::ModeratoApp;
use crate::app::command::{Command, PathPurpose};
use crate::i18n::{Lang, T};
use crate::storage::Recovery;

/// A modal question or message.
pub enum Modal {
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
    /// Another window has the session open; the session waits in the shell meanwhile.
    LockConflict {
        folder: PathBuf,
        message: String,
    },
    /// An export is written; offer to open it.
    /// The file written, and photos the report left out (in words).
    Exported(PathBuf, Vec<String>),
    /// Closing the window with unsaved changes: save, don't save, or stay.
    ConfirmClose,
    /// A new session, with its title.
    NewSession {
        title: String,
    },
    /// The first item of a day that is not today is about to start.
    RunDayNow {
        action: LiveAction,
        date: jiff::civil::Date,
    },
}

impl ModeratoApp {
    pub(in crate::app) fn modal_ui(&mut self, ctx: &egui::Context) {
        let Some(mut modal) = self.shell.modal.take() else {
            return;
        };
        let lang = self.lang();
        let tr = |key: T| key.get(lang);
        let mut is_open = true;
        let report_lang = self.report_lang();
        let mut chosen_lang = None;
        egui::Modal::new(egui::Id::unique("moderato-modal")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            match &mut modal {
                Modal::TypedPath {
                    purpose,
                    text,
                    no_dialog,
                } => {
                    let (title, help) = match purpose {
                        PathPurpose::Open => (T::OpenSessionTitle, T::PathHelpOpen),
                        PathPurpose::Save => (T::SaveSessionTitle, T::PathHelpSave),
                        PathPurpose::Consolidate => (T::ConsolidateTitle, T::PathHelpConsolidate),
                        PathPurpose::Compare => (T::CompareTitle, T::PathHelpOpen),
                        PathPurpose::AttachPhoto => (T::AttachPhotos, T::PathHelpPhoto),
                        PathPurpose::Export(_) => (T::ExportTitle, T::PathHelpExport),
                        PathPurpose::BrowseFolder => (T::AddFolder, T::PathHelpFolder),
                        PathPurpose::SessionsFolder => (T::SessionsFolder, T::PathHelpFolder),
                    };
                    ui.heading(tr(title));
                    if *no_dialog {
                        ui.label(tr(T::NoFileDialog));
                    }
                    let label = ui.label(tr(help));
                    let response = ui.add(
                        egui::TextEdit::singleline(text)
                            .desired_width(f32::INFINITY)
                            .hint_text("sessions/…"),
                    );
                    let response = response.labelled_by(label.id);
                    if !response.has_focus() && !response.lost_focus() {
                        response.request_focus();
                    }
                    let submitted =
                        response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if let PathPurpose::Export(_) = purpose {
                        // The session's language unless the moderator chooses another.
                        ui.add_space(4.0);
                        ui.horizontal(|ui| {
                            ui.label(tr(T::ReportLanguage));
                            for option in [Lang::De, Lang::En] {
                                if ui.radio(report_lang == option, option.name()).clicked() {
                                    chosen_lang = Some(option);
                                }
                            }
                        });
                    }
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        let ok = ui.button(tr(T::Ok)).clicked();
                        if (ok || submitted) && !text.trim().is_empty() {
                            let path = PathBuf::from(text.trim());
                            self.intents.commands.push(path_command(*purpose, path));
                            is_open = false;
                        }
                        if ui.button(tr(T::Cancel)).clicked() {
                            is_open = false;
                        }
                    });
                }
                Modal::Error(message) => {
                    ui.heading(tr(T::ErrorTitle));
                    ui.add_space(4.0);
                    ui.label(message.as_str());
                    ui.add_space(8.0);
                    if ui.button(tr(T::Ok)).clicked() {
                        is_open = false;
                    }
                }
                Modal::Recover { folder, recovery } => {
                    ui.heading(tr(T::RecoverTitle));
                    let when = recovery
                        .written
                        .and_then(|t| Timestamp::try_from(t).ok())
                        .map(|t| {
                            t.to_zoned(jiff::tz::TimeZone::system())
                                .strftime("%Y-%m-%d %H:%M:%S")
                                .to_string()
                        })
                        .unwrap_or_default();
                    ui.label(crate::i18n::fill(tr(T::RecoverText), &[&when]));
                    ui.label(RichText::new(folder.display().to_string()).weak());
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(tr(T::Recover)).clicked() {
                            let session = Box::new(recovery.session.clone());
                            self.intents.commands.push(Command::Recover(session));
                            is_open = false;
                        }
                        if ui.button(tr(T::Discard)).clicked() {
                            let folder = folder.clone();
                            self.intents.commands.push(Command::DiscardAutosave(folder));
                            is_open = false;
                        }
                    });
                }
                Modal::Exported(path, left_out) => {
                    ui.heading(tr(T::Exported));
                    ui.label(path.display().to_string());
                    if !left_out.is_empty() {
                        ui.add_space(8.0);
                        ui.label(egui::RichText::new(tr(T::PhotosLeftOut)).strong());
                        for line in left_out.iter() {
                            ui.label(format!("\u{2022} {line}"));
                        }
                    }
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(tr(T::OpenIt)).clicked() {
                            self.intents
                                .commands
                                .push(Command::OpenWithSystem(path.clone()));
                            is_open = false;
                        }
                        if let Some(parent) = path.parent()
                            && ui.button(tr(T::OpenFolder)).clicked()
                        {
                            self.intents
                                .commands
                                .push(Command::OpenWithSystem(parent.to_owned()));
                            is_open = false;
                        }
                        if ui.button(tr(T::Close)).clicked() {
                            is_open = false;
                        }
                    });
                }
                Modal::ConfirmClose => {
                    ui.heading(tr(T::CloseTitle));
                    let title = self.display_title();
                    ui.label(crate::i18n::fill(tr(T::CloseText), &[&title]));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(tr(T::Save)).clicked() {
                            self.shell.close_after_save = true;
                            self.intents.commands.push(Command::Save);
                            is_open = false;
                        }
                        if ui.button(tr(T::DontSave)).clicked() {
                            self.intents.commands.push(Command::CloseWithoutSaving);
                            is_open = false;
                        }
                        if ui.button(tr(T::Cancel)).clicked() {
                            is_open = false;
                        }
                    });
                }
                Modal::NewSession { title } => {
                    ui.heading(tr(T::NewSession));
                    let label = ui.label(tr(T::NewSessionTitle));
                    let response = ui
                        .add(
                            egui::TextEdit::singleline(title)
                                .desired_width(f32::INFINITY)
                                .char_limit(crate::session::limits::SHORT_TEXT),
                        )
                        .labelled_by(label.id);
                    if !response.has_focus() && !response.lost_focus() {
                        response.request_focus();
                    }
                    let submitted =
                        response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(tr(T::Create)).clicked() || submitted {
                            self.intents
                                .commands
                                .push(Command::CreateSession(title.trim().to_owned()));
                            is_open = false;
                        }
                        if ui.button(tr(T::Cancel)).clicked() {
                            is_open = false;
                        }
                    });
                }
                Modal::RunDayNow { action, date } => {
                    ui.heading(tr(T::RunDayTitle));
                    let planned = crate::i18n::date(*date, lang);
                    ui.label(crate::i18n::fill(tr(T::RunDayText), &[&planned]));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(tr(T::RunDayNow)).clicked() {
                            self.intents.commands.push(Command::LiveConfirmed(*action));
                            is_open = false;
                        }
                        if ui.button(tr(T::Cancel)).clicked() {
                            is_open = false;
                        }
                    });
                }
                Modal::LockConflict { folder, message } => {
                    ui.heading(tr(T::LockTitle));
                    ui.label(message.as_str());
                    ui.label(folder.display().to_string());
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(tr(T::OpenAnyway)).clicked() {
                            self.intents.commands.push(Command::OpenDespiteLock);
                            is_open = false;
                        }
                        if ui.button(tr(T::Cancel)).clicked() {
                            self.shell.waiting = None;
                            is_open = false;
                        }
                    });
                }
            }
        });
        if chosen_lang.is_some() {
            self.shell.report_lang = chosen_lang;
        }
        // `adopt` may have put up the next question (recovery); keep that one.
        if is_open && self.shell.modal.is_none() {
            self.shell.modal = Some(modal);
        } else if !is_open
            && self.shell.modal.is_none()
            && let Some(warning) = self.shell.pending_warning.take()
        {
            self.shell.modal = Some(Modal::Error(warning));
        }
    }
}

/// The command a typed path answers.
pub fn path_command(purpose: PathPurpose, path: PathBuf) -> Command {
    match purpose {
        PathPurpose::Open => Command::Open(path),
        PathPurpose::Save => Command::SaveAs(path),
        PathPurpose::Consolidate => Command::ConsolidateInto(path),
        PathPurpose::Compare => Command::Compare(path),
        PathPurpose::AttachPhoto => Command::AttachPhotos(vec![path]),
        PathPurpose::Export(kind) => Command::Export(kind, path),
        PathPurpose::BrowseFolder => Command::AddBrowseFolder(path),
        PathPurpose::SessionsFolder => Command::SetSessionsFolder(path),
    }
}
