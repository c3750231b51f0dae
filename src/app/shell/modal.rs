//! Modal questions and messages: a typed path, an error, a recovery offer, a lock conflict,
//! a finished export, closing with unsaved changes, a new session's title, and running a
//! day that is not today. One at a time. Each answer is a command; nothing here does IO or
//! changes the session.

use std::path::PathBuf;

use egui::{RichText, Ui};
use jiff::Timestamp;

use crate::agenda::live::LiveAction;
use crate::agenda::runs::DayQuestion;
use crate::app::ModeratoApp;
use crate::app::command::{Command, PathPurpose};
use crate::i18n::{Lang, T, fill};
use crate::ids::AgendaDayId;
use crate::storage::Recovery;

/// A modal question or message.
pub enum Modal {
    TypedPath {
        purpose: PathPurpose,
        text: String,
        no_dialog: bool,
        /// Why the path typed last did not do (shown under the field, which keeps the text).
        problem: Option<String>,
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
    /// A control would take up an item of a day that is not today's: run it now, or
    /// continue or begin anew a run recorded on another date.
    RunDay {
        action: LiveAction,
        day: AgendaDayId,
        question: DayQuestion,
    },
}

/// What the moderator answered: the commands to run, and whether the modal is done.
#[derive(Default)]
struct Answer {
    commands: Vec<Command>,
    is_done: bool,
    /// The report language chosen in an export's path dialog.
    report_lang: Option<Lang>,
    /// The session waiting behind a lock conflict is not wanted.
    drop_waiting: bool,
}

impl Answer {
    fn done(commands: Vec<Command>) -> Self {
        Self {
            commands,
            is_done: true,
            ..Self::default()
        }
    }
}

impl ModeratoApp {
    pub(in crate::app) fn modal_ui(&mut self, ctx: &egui::Context) {
        let Some(mut modal) = self.shell.modal.take() else {
            return;
        };
        let lang = self.lang();
        let report_lang = self.report_lang();
        let title = self.display_title();
        let mut answer = Answer::default();
        egui::Modal::new(egui::Id::unique("moderato-modal")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            answer = match &mut modal {
                Modal::TypedPath {
                    purpose,
                    text,
                    no_dialog,
                    problem,
                } => typed_path_ui(
                    ui,
                    *purpose,
                    text,
                    *no_dialog,
                    problem.as_deref(),
                    lang,
                    report_lang,
                ),
                Modal::Error(message) => message_ui(ui, T::ErrorTitle, message, lang),
                Modal::Recover { folder, recovery } => recover_ui(ui, folder, recovery, lang),
                Modal::Exported(path, left_out) => exported_ui(ui, path, left_out, lang),
                Modal::ConfirmClose => confirm_close_ui(ui, &title, lang),
                Modal::NewSession { title } => new_session_ui(ui, title, lang),
                Modal::RunDay {
                    action,
                    day,
                    question,
                } => run_day_ui(ui, *action, *day, *question, lang),
                Modal::LockConflict { folder, message } => {
                    lock_conflict_ui(ui, folder, message, lang)
                }
            };
        });
        if answer.report_lang.is_some() {
            self.shell.report_lang = answer.report_lang;
        }
        if answer.drop_waiting {
            self.shell.waiting = None;
        }
        self.intents.commands.extend(answer.commands);
        // An answer may have put up the next question already; keep that one.
        if !answer.is_done && self.shell.modal.is_none() {
            self.shell.modal = Some(modal);
        } else if answer.is_done
            && self.shell.modal.is_none()
            && let Some(warning) = self.shell.pending_warning.take()
        {
            self.shell.modal = Some(Modal::Error(warning));
        }
    }
}

/// A field that has the keyboard focus while the modal shows; says whether Enter ended it.
fn focused_field(
    ui: &mut Ui,
    text: &mut String,
    label: egui::Id,
    hint: &str,
    limit: usize,
) -> bool {
    let response = ui
        .add(
            egui::TextEdit::singleline(text)
                .desired_width(f32::INFINITY)
                .hint_text(hint)
                .char_limit(limit),
        )
        .labelled_by(label);
    if !response.has_focus() && !response.lost_focus() {
        response.request_focus();
    }
    response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
}

fn typed_path_ui(
    ui: &mut Ui,
    purpose: PathPurpose,
    text: &mut String,
    no_dialog: bool,
    problem: Option<&str>,
    lang: Lang,
    report_lang: Lang,
) -> Answer {
    let tr = |key: T| key.get(lang);
    let (title, help) = match purpose {
        PathPurpose::Open => (T::OpenSessionTitle, T::PathHelpOpen),
        PathPurpose::Save => (T::SaveSessionTitle, T::PathHelpSave),
        PathPurpose::Consolidate => (T::ConsolidateTitle, T::PathHelpConsolidate),
        PathPurpose::Compare => (T::CompareTitle, T::PathHelpOpen),
        PathPurpose::AttachPhoto => (T::AttachPhotos, T::PathHelpPhoto),
        PathPurpose::PhotoBoard => (T::PhotoBoardTitle, T::PathHelpPhotoBoard),
        PathPurpose::Export(_) => (T::ExportTitle, T::PathHelpExport),
        PathPurpose::BrowseFolder => (T::AddFolder, T::PathHelpFolder),
        PathPurpose::SessionsFolder => (T::SessionsFolder, T::PathHelpFolder),
    };
    let mut answer = Answer::default();
    ui.heading(tr(title));
    if no_dialog {
        ui.label(tr(T::NoFileDialog));
    }
    let label = ui.label(tr(help));
    let submitted = focused_field(ui, text, label.id, "sessions/…", 4096);
    if let Some(problem) = problem {
        ui.label(RichText::new(problem).color(ui.visuals().error_fg_color));
    }
    if let PathPurpose::Export(_) = purpose {
        // The session's language unless the moderator chooses another.
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.label(tr(T::ReportLanguage));
            for option in [Lang::De, Lang::En] {
                if ui.radio(report_lang == option, option.name()).clicked() {
                    answer.report_lang = Some(option);
                }
            }
        });
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let ok = ui.button(tr(T::Ok)).clicked();
        if (ok || submitted) && !text.trim().is_empty() {
            let path = PathBuf::from(text.trim());
            answer.commands.push(path_command(purpose, path));
            answer.is_done = true;
        }
        if ui.button(tr(T::Cancel)).clicked() {
            answer.is_done = true;
        }
    });
    answer
}

fn message_ui(ui: &mut Ui, title: T, message: &str, lang: Lang) -> Answer {
    ui.heading(title.get(lang));
    ui.add_space(4.0);
    ui.label(message);
    ui.add_space(8.0);
    let is_done = ui.button(T::Ok.get(lang)).clicked();
    Answer {
        is_done,
        ..Answer::default()
    }
}

fn recover_ui(ui: &mut Ui, folder: &std::path::Path, recovery: &Recovery, lang: Lang) -> Answer {
    let tr = |key: T| key.get(lang);
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
    ui.label(fill(tr(T::RecoverText), &[&when]));
    ui.label(RichText::new(folder.display().to_string()).weak());
    ui.add_space(8.0);
    let mut answer = Answer::default();
    ui.horizontal(|ui| {
        if ui.button(tr(T::Recover)).clicked() {
            let session = Box::new(recovery.session.clone());
            answer = Answer::done(vec![Command::Recover(session)]);
        }
        if ui.button(tr(T::Discard)).clicked() {
            answer = Answer::done(vec![Command::DiscardAutosave(folder.to_owned())]);
        }
    });
    answer
}

fn exported_ui(ui: &mut Ui, path: &std::path::Path, left_out: &[String], lang: Lang) -> Answer {
    let tr = |key: T| key.get(lang);
    ui.heading(tr(T::Exported));
    ui.label(path.display().to_string());
    if !left_out.is_empty() {
        ui.add_space(8.0);
        ui.label(RichText::new(tr(T::PhotosLeftOut)).strong());
        for line in left_out {
            ui.label(format!("\u{2022} {line}"));
        }
    }
    ui.add_space(8.0);
    let mut answer = Answer::default();
    ui.horizontal(|ui| {
        if ui.button(tr(T::OpenIt)).clicked() {
            answer = Answer::done(vec![Command::OpenWithSystem(path.to_owned())]);
        }
        if let Some(parent) = path.parent()
            && ui.button(tr(T::OpenFolder)).clicked()
        {
            answer = Answer::done(vec![Command::OpenWithSystem(parent.to_owned())]);
        }
        if ui.button(tr(T::Close)).clicked() {
            answer.is_done = true;
        }
    });
    answer
}

fn confirm_close_ui(ui: &mut Ui, title: &str, lang: Lang) -> Answer {
    let tr = |key: T| key.get(lang);
    ui.heading(tr(T::CloseTitle));
    ui.label(fill(tr(T::CloseText), &[title]));
    ui.add_space(8.0);
    let mut answer = Answer::default();
    ui.horizontal(|ui| {
        if ui.button(tr(T::Save)).clicked() {
            answer = Answer::done(vec![Command::SaveAndClose]);
        }
        if ui.button(tr(T::DontSave)).clicked() {
            answer = Answer::done(vec![Command::CloseWithoutSaving]);
        }
        if ui.button(tr(T::Cancel)).clicked() {
            answer.is_done = true;
        }
    });
    answer
}

fn new_session_ui(ui: &mut Ui, title: &mut String, lang: Lang) -> Answer {
    let tr = |key: T| key.get(lang);
    ui.heading(tr(T::NewSession));
    let label = ui.label(tr(T::NewSessionTitle));
    let limit = crate::session::limits::SHORT_TEXT;
    let submitted = focused_field(ui, title, label.id, "", limit);
    ui.add_space(8.0);
    let mut answer = Answer::default();
    ui.horizontal(|ui| {
        if ui.button(tr(T::Create)).clicked() || submitted {
            answer = Answer::done(vec![Command::CreateSession(title.trim().to_owned())]);
        }
        if ui.button(tr(T::Cancel)).clicked() {
            answer.is_done = true;
        }
    });
    answer
}

fn run_day_ui(
    ui: &mut Ui,
    action: LiveAction,
    day: AgendaDayId,
    question: DayQuestion,
    lang: Lang,
) -> Answer {
    let tr = |key: T| key.get(lang);
    let mut answer = Answer::default();
    match question {
        DayQuestion::NeverRan { planned } => {
            ui.heading(tr(T::RunDayTitle));
            let planned = crate::i18n::date(planned, lang);
            ui.label(fill(tr(T::RunDayText), &[&planned]));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(tr(T::RunDayNow)).clicked() {
                    answer = Answer::done(vec![Command::LiveConfirmed(action)]);
                }
                if ui.button(tr(T::Cancel)).clicked() {
                    answer.is_done = true;
                }
            });
        }
        DayQuestion::RanBefore { last, held } => {
            ui.heading(tr(T::HeldDayTitle));
            let last = crate::i18n::date(last, lang);
            let held = crate::i18n::plural(held as u64, T::OneItemHeld, T::ItemsHeld, lang);
            ui.add(egui::Label::new(fill(tr(T::HeldDayText), &[&last, &held])).wrap());
            ui.add_space(8.0);
            ui.horizontal_wrapped(|ui| {
                if ui.button(tr(T::BeginNewRun)).clicked() {
                    answer = Answer::done(vec![Command::NewRun(day, action)]);
                }
                if ui.button(tr(T::ContinueRun)).clicked() {
                    answer = Answer::done(vec![Command::ContinueRun(day, action)]);
                }
                if ui.button(tr(T::Cancel)).clicked() {
                    answer.is_done = true;
                }
            });
        }
    }
    answer
}

fn lock_conflict_ui(ui: &mut Ui, folder: &std::path::Path, message: &str, lang: Lang) -> Answer {
    let tr = |key: T| key.get(lang);
    ui.heading(tr(T::LockTitle));
    ui.label(message);
    ui.label(folder.display().to_string());
    ui.add_space(8.0);
    let mut answer = Answer::default();
    ui.horizontal(|ui| {
        if ui.button(tr(T::OpenAnyway)).clicked() {
            answer = Answer::done(vec![Command::OpenDespiteLock]);
        }
        if ui.button(tr(T::Cancel)).clicked() {
            answer = Answer {
                is_done: true,
                drop_waiting: true,
                ..Answer::default()
            };
        }
    });
    answer
}

/// The command a typed path answers.
pub fn path_command(purpose: PathPurpose, path: PathBuf) -> Command {
    match purpose {
        PathPurpose::Open => Command::Open(path),
        PathPurpose::Save => Command::SaveAs(path),
        PathPurpose::Consolidate => Command::ConsolidateInto(path),
        PathPurpose::Compare => Command::Compare(path),
        PathPurpose::AttachPhoto => Command::AttachPhotos(vec![path]),
        PathPurpose::PhotoBoard => Command::DetectPhotoBoard(path, None),
        PathPurpose::Export(kind) => Command::Export(kind, path),
        PathPurpose::BrowseFolder => Command::AddBrowseFolder(path),
        PathPurpose::SessionsFolder => Command::SetSessionsFolder(path),
    }
}
