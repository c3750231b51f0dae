//! Applies [`Command`]s: undo, screens, file dialogs, and the disk work they start as jobs.
//! The one place that starts IO.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::command::{Command, PathPurpose};
use super::shell::Modal;
use super::work::{JobKind, Output};
use super::{Document, ModeratoApp, Screen};
use crate::agenda::edit::AgendaEdit;
use crate::export::Kind as ExportKind;
use crate::i18n::T;
use crate::model::Session;
use crate::photos::import;
use crate::storage::{self, SessionLock};

/// A dialog that answers faster than this never showed: there is no desktop portal.
const NO_DIALOG_THRESHOLD: Duration = Duration::from_millis(300);

impl ModeratoApp {
    pub(super) fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::NewSession => {
                self.shell.modal = Some(Modal::NewSession {
                    title: String::new(),
                });
            }
            Command::CreateSession(title) => {
                self.keep_unsaved_work_now();
                self.doc = Document::new_unsaved(Session::create(&title));
                self.photos.clear();
                self.screens.session_changed();
                self.shell.screen = Screen::Agenda;
            }
            Command::ChoosePath(purpose) => self.ask_for_path(ctx, purpose),
            Command::TypePath(purpose) => self.type_path(purpose, false),
            Command::Open(path) => {
                self.keep_unsaved_work_now();
                self.open(path, false);
            }
            Command::OpenReadOnly(path) => {
                self.keep_unsaved_work_now();
                self.open(path, true);
            }
            Command::Save => match self.doc.folder().map(Path::to_owned) {
                Some(folder) => self.save(folder),
                None => self.ask_for_path(ctx, PathPurpose::Save),
            },
            Command::SaveAs(folder) => self.save(folder),
            Command::Undo => {
                self.doc.undo();
            }
            Command::Redo => {
                self.doc.redo();
            }
            Command::Show(screen) => self.shell.screen = screen,
            Command::SetLanguage(lang) => self.prefs.language = Some(lang),
            Command::SetTheme(theme) => self.prefs.theme = theme,
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
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Live(action) => {
                let now = self.options.clock.now();
                match self.day_to_confirm(action, now) {
                    Some(date) => self.shell.modal = Some(Modal::RunDayNow { action, date }),
                    None => self.apply(AgendaEdit::Live(action, now).into()),
                }
            }
            Command::LiveConfirmed(action) => {
                let edit = AgendaEdit::Live(action, self.options.clock.now());
                self.apply(edit.into());
            }
            Command::SetReadOnly(is_read_only) => self.doc.set_read_only(is_read_only),
            Command::Compare(path) => {
                self.work.spawn(JobKind::Compare, move |_| {
                    Output::Compared(Box::new(storage::load(&path)))
                });
            }
            Command::CloseComparison => self.screens.review.compare = None,
            Command::ConsolidateInto(out) => {
                let inputs: Vec<PathBuf> = self.shell.browser_selected.iter().cloned().collect();
                self.shell.is_browser_open = false;
                self.shell.browser = None;
                // An existing consolidation in `out` is updated: the app's way of --force.
                self.work.spawn(JobKind::Consolidate, move |progress| {
                    let result = crate::consolidate::run::run(&inputs, &out, true, progress);
                    Output::Consolidated(Box::new(result))
                });
            }
            Command::Reconsolidate => self.reconsolidate(),
            Command::AttachPhotos(files) => self.attach(files),
            Command::PreviewPhoto(id) => {
                let folder = self.doc.folder().map(Path::to_owned);
                let photo = self.doc.session().photos.iter().find(|p| p.id == id);
                if let (Some(folder), Some(photo)) = (folder, photo) {
                    self.photos.show_preview(&mut self.work, photo, &folder);
                }
            }
            Command::ClosePreview => self.photos.preview = None,
            Command::Export(kind, target) => self.export(kind, target),
            Command::OpenWithSystem(path) => {
                if let Err(e) = open_with_system(&path) {
                    let reason = crate::i18n::io_reason(&e, self.lang());
                    self.shell.status = Some(format!("{}: {reason}", path.display()));
                }
            }
            Command::ToggleProjector => {
                self.shell.projector.is_open = !self.shell.projector.is_open;
            }
            Command::ToggleHelp => self.shell.is_help_open = !self.shell.is_help_open,
            Command::Round(action) => {
                let now = self.options.clock.now();
                let agenda = &self.doc.session().agenda;
                let edit =
                    crate::agenda::speaking::running(agenda, now).and_then(|(item, round, _)| {
                        Some(crate::agenda::edit::AgendaEdit::Round(
                            item.id,
                            round.event(action, now)?,
                        ))
                    });
                if let Some(edit) = edit {
                    self.apply(edit.into());
                }
            }
            Command::CancelJob(id) => self.work.cancel(id),
            Command::SuggestGroups {
                board,
                cards,
                tightness,
            } => {
                let cache = self.screens.board.meanings.clone();
                self.work.spawn(JobKind::Suggest, move |progress| {
                    let texts: Vec<crate::board::grouping::CardText<'_, _>> = cards
                        .iter()
                        .map(|(id, text)| crate::board::grouping::CardText { key: *id, text })
                        .collect();
                    let suggestion = crate::board::grouping::suggest_by_meaning(
                        &texts,
                        tightness,
                        &cache,
                        &mut |done, total| progress.set(done as u64, total as u64),
                    );
                    Output::Suggested { board, suggestion }
                });
            }
        }
    }

    /// The date of a day that is not today, when `action` would take up its first item:
    /// the moderator is asked once whether to run that day now.
    fn day_to_confirm(
        &self,
        action: crate::agenda::live::LiveAction,
        now: jiff::Timestamp,
    ) -> Option<jiff::civil::Date> {
        let agenda = &self.doc.session().agenda;
        let item = crate::agenda::live::would_start(agenda, action, now)?;
        let day = agenda
            .days
            .iter()
            .find(|d| d.items.iter().any(|i| i.id == item))?;
        let date = day.date?;
        let today = now.to_zoned(jiff::tz::TimeZone::system()).date();
        let is_new = crate::agenda::timing::first_start(day).is_none();
        (date != today && is_new && !self.doc.is_read_only()).then_some(date)
    }

    fn list_sessions(&mut self) {
        let folders = self.browse_folders();
        self.shell.browser = None;
        self.work.spawn(JobKind::List, move |_| {
            Output::Listed(
                folders
                    .into_iter()
                    .map(|folder| {
                        let rows = storage::list_sessions(&folder);
                        (folder, rows)
                    })
                    .collect(),
            )
        });
    }

    /// Writes the built-in example into the sessions folder (once) and opens that copy.
    pub(super) fn open_example(&mut self) {
        let dir = self.sessions_dir();
        self.work.spawn(JobKind::Open, move |_| {
            let result = storage::places::write_example(&dir)
                .and_then(|folder| super::work::read_session(&folder));
            Output::Opened {
                read_only: false,
                result: Box::new(result),
            }
        });
    }

    /// Saves the session as it is now; editing goes on while it is written.
    fn save(&mut self, folder: PathBuf) {
        let (session, state) = self.doc.snapshot();
        let is_new_folder = self.doc.folder() != Some(folder.as_path());
        let unsaved_autosave = self.unsaved_root().join(session.id.to_string());
        self.work.spawn(JobKind::Save, move |_| {
            let result = storage::save(&folder, &session);
            if result.is_ok() {
                // The autosave has nothing the saved file lacks now; nor has a never-saved
                // session's scratch autosave.
                let _ = storage::discard_autosave(&folder);
                let _ = storage::discard_autosave(&unsaved_autosave);
            }
            let lock = (result.is_ok() && is_new_folder)
                .then(|| SessionLock::acquire(&folder).ok())
                .flatten();
            Output::Saved {
                state,
                folder,
                lock,
                result,
            }
        });
    }

    fn attach(&mut self, files: Vec<PathBuf>) {
        if self.doc.is_read_only() {
            self.shell.status = Some(self.tr(T::ReadOnlyRefused).to_owned());
            return;
        }
        let Some(folder) = self.doc.folder().map(Path::to_owned) else {
            self.shell
                .show_error(self.tr(T::SaveBeforePhotos).to_owned());
            return;
        };
        // One job per file, on the workers side by side: each photo appears in the gallery
        // with its thumbnail as soon as it is checked and copied (decoded once, at thumbnail
        // size), and each is one undoable step.
        for file in files {
            let folder = folder.clone();
            self.work.spawn(JobKind::Attach, move |_| {
                let side = super::photo_cache::THUMB_SIDE;
                match import::import_with_thumbnail(&folder, &file, side) {
                    Ok((photo, rgba)) => {
                        let size = [rgba.width() as usize, rgba.height() as usize];
                        let image = egui::ColorImage::from_rgba_unmultiplied(size, rgba.as_raw());
                        Output::Attached {
                            photos: vec![(photo, image)],
                            problems: Vec::new(),
                        }
                    }
                    Err(problem) => Output::Attached {
                        photos: Vec::new(),
                        problems: vec![problem],
                    },
                }
            });
        }
    }

    /// Runs the open consolidation again from its sources with the decisions made so far;
    /// the result is one undoable edit.
    fn reconsolidate(&mut self) {
        let Some(provenance) = self.doc.session().provenance.clone() else {
            return;
        };
        let Some(folder) = self.doc.folder().map(Path::to_owned) else {
            return;
        };
        self.work.spawn(JobKind::Reconsolidate, move |_| {
            let result = crate::consolidate::run::reconsolidate(&folder, &provenance);
            Output::Reconsolidated(Box::new(result))
        });
    }

    /// Writes an export as a job (a PDF takes a moment to lay out).
    fn export(&mut self, kind: ExportKind, target: PathBuf) {
        let session = self.doc.session().clone();
        let folder = self.doc.folder().map(Path::to_owned);
        let lang = self.report_lang();
        let now = self.options.clock.now();
        self.work.spawn(JobKind::Export, move |_| {
            let result =
                crate::export::write(kind, &session, folder.as_deref(), &target, lang, now);
            Output::Exported(result, target)
        });
    }

    fn type_path(&mut self, purpose: PathPurpose, no_dialog: bool) {
        let text = match purpose {
            PathPurpose::Open
            | PathPurpose::Compare
            | PathPurpose::AttachPhoto
            | PathPurpose::BrowseFolder => String::new(),
            PathPurpose::SessionsFolder => self.sessions_dir().display().to_string(),
            PathPurpose::Export(kind) => self.suggested_export_path(kind).display().to_string(),
            PathPurpose::Consolidate => self
                .sessions_dir()
                .join("konsolidierung")
                .display()
                .to_string(),
            PathPurpose::Save => self
                .doc
                .folder()
                .map(Path::to_owned)
                .unwrap_or_else(|| self.sessions_dir().join(self.suggested_folder_name()))
                .display()
                .to_string(),
        };
        self.shell.modal = Some(Modal::TypedPath {
            purpose,
            text,
            no_dialog,
        });
    }

    /// A folder name from the title: lower case, umlauts spelled out, dashes.
    fn suggested_folder_name(&self) -> String {
        let mut name = String::new();
        for c in self.doc.session().meta.title.to_lowercase().chars() {
            match c {
                'ä' => name.push_str("ae"),
                'ö' => name.push_str("oe"),
                'ü' => name.push_str("ue"),
                'ß' => name.push_str("ss"),
                c if c.is_alphanumeric() => name.push(c),
                _ if !name.ends_with('-') && !name.is_empty() => name.push('-'),
                _ => {}
            }
        }
        let name = name.trim_end_matches('-');
        if name.is_empty() {
            "session".to_owned()
        } else {
            name.to_owned()
        }
    }

    /// Beside the session folder, named after the title.
    fn suggested_export_path(&self, kind: ExportKind) -> PathBuf {
        let base = self
            .doc
            .folder()
            .and_then(Path::parent)
            .map(Path::to_owned)
            .unwrap_or_else(|| self.sessions_dir());
        let name = self.suggested_folder_name();
        match kind {
            ExportKind::Pdf => base.join(format!("{name}.pdf")),
            ExportKind::Markdown => base.join(format!("{name}.md")),
            ExportKind::Csv => base.join(format!("{name}-tabellen")),
        }
    }

    /// Opens the native dialog on its own thread so the UI keeps drawing; where there is
    /// none, asks for a typed path.
    fn ask_for_path(&mut self, ctx: &egui::Context, purpose: PathPurpose) {
        if !self.options.native_dialogs {
            self.type_path(purpose, true);
            return;
        }
        let start_dir = self.sessions_dir();
        let suggested_name = match purpose {
            PathPurpose::Export(kind) => self
                .suggested_export_path(kind)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            _ => String::new(),
        };
        let (sender, receiver) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let started = Instant::now();
            let paths = native_dialog(purpose, &start_dir, &suggested_name);
            let _ = sender.send((paths, started.elapsed()));
            ctx.request_repaint();
        });
        self.shell.dialog = Some((purpose, receiver));
    }

    /// A native dialog's answer, when it has come.
    pub(super) fn poll_dialog(&mut self) {
        let Some((purpose, receiver)) = &self.shell.dialog else {
            return;
        };
        let purpose = *purpose;
        let answer = match receiver.try_recv() {
            Ok(answer) => answer,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => (Vec::new(), Duration::ZERO),
        };
        self.shell.dialog = None;
        let (mut paths, elapsed) = answer;
        if paths.is_empty() {
            if elapsed < NO_DIALOG_THRESHOLD {
                self.type_path(purpose, true);
            }
            return; // Otherwise the user cancelled.
        }
        let command = match purpose {
            PathPurpose::AttachPhoto => Command::AttachPhotos(paths),
            _ => super::shell::path_command(purpose, paths.remove(0)),
        };
        self.intents.commands.push(command);
    }
}

fn native_dialog(purpose: PathPurpose, start_dir: &Path, suggested_name: &str) -> Vec<PathBuf> {
    let dialog = rfd::FileDialog::new()
        .set_directory(start_dir)
        .set_title("Moderato");
    match purpose {
        PathPurpose::Open
        | PathPurpose::Compare
        | PathPurpose::Save
        | PathPurpose::Consolidate
        | PathPurpose::BrowseFolder
        | PathPurpose::SessionsFolder
        | PathPurpose::Export(ExportKind::Csv) => dialog.pick_folder().into_iter().collect(),
        PathPurpose::AttachPhoto => dialog
            .add_filter("JPEG, PNG", &["jpg", "jpeg", "png", "JPG", "JPEG", "PNG"])
            .pick_files()
            .unwrap_or_default(),
        PathPurpose::Export(_) => dialog
            .set_file_name(suggested_name)
            .save_file()
            .into_iter()
            .collect(),
    }
}

/// Opens a file or folder with the desktop's program for it.
fn open_with_system(path: &Path) -> std::io::Result<()> {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    command.arg(path).spawn().map(|_| ())
}
