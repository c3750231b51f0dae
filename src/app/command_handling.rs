//! Applies [`Command`]s: file dialogs, opening, saving, undo. The only place that does IO.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{Command, DialogAnswer, Document, ExportKind, Modal, ModeratoApp, PathPurpose};
use crate::i18n::{Describe as _, T};
use crate::model::Session;
use crate::storage::{self, LockError, SessionLock, SessionPaths};

/// A dialog that answers faster than this never showed: there is no desktop portal.
const NO_DIALOG_THRESHOLD: Duration = Duration::from_millis(300);

impl ModeratoApp {
    pub(super) fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::NewSession => {
                self.doc.commit();
                self.keep_unsaved_work();
                self.doc = Document::new_unsaved(Session::create(""));
                self.screen = super::Screen::Results;
            }
            Command::ChooseSessionToOpen => self.ask_for_path(ctx, PathPurpose::Open),
            Command::TypePathToOpen => self.type_path(PathPurpose::Open, false),
            Command::Open(path) => {
                self.doc.commit();
                self.keep_unsaved_work();
                self.open(&path);
            }
            Command::Save => {
                if self.doc.folder().is_some() {
                    self.save(None);
                } else {
                    self.ask_for_path(ctx, PathPurpose::Save);
                }
            }
            Command::ChooseSaveFolder => self.ask_for_path(ctx, PathPurpose::Save),
            Command::TypePathToSave => self.type_path(PathPurpose::Save, false),
            Command::SaveAs(folder) => self.save(Some(&folder)),
            Command::Undo => {
                self.doc.undo();
            }
            Command::Redo => {
                self.doc.redo();
            }
            Command::Show(screen) => self.screen = screen,
            Command::SetLanguage(lang) => self.prefs.language = Some(lang),
            Command::SetTheme(theme) => self.prefs.theme = theme,
            Command::ToggleBrowser => {
                self.browser = match self.browser {
                    Some(_) => None,
                    None => Some(storage::list_sessions(&self.options.sessions_dir)),
                };
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Live(action) => {
                if !self.is_read_only {
                    self.live(action);
                }
            }
            Command::OpenReadOnly(path) => {
                if let Some(worker) = &mut self.photos {
                    worker.clear();
                }
                self.doc.commit();
                self.keep_unsaved_work();
                self.open(&path);
                self.is_read_only = true;
            }
            Command::SetReadOnly(is_read_only) => self.is_read_only = is_read_only,
            Command::ChooseCompare => self.ask_for_path(ctx, PathPurpose::Compare),
            Command::Compare(path) => match storage::load(&path) {
                Ok(session) => self.compare = Some(Box::new(session)),
                Err(e) => self.modal = Some(Modal::Error(e.describe(self.lang()))),
            },
            Command::ChooseConsolidationFolder => self.type_path(PathPurpose::Consolidate, false),
            Command::ConsolidateInto(out) => {
                let inputs: Vec<PathBuf> = self.browser_selected.iter().cloned().collect();
                self.start_consolidation(ctx, inputs, out);
            }
            Command::Reconsolidate => self.reconsolidate(),
            Command::ChooseAttachPhotos => self.ask_for_path(ctx, PathPurpose::AttachPhoto),
            Command::TypePathToAttach => self.type_path(PathPurpose::AttachPhoto, false),
            Command::AttachPhotos(files) => match self.doc.folder().map(Path::to_owned) {
                Some(folder) if !self.is_read_only => self.photo_worker(ctx).attach(folder, files),
                Some(_) => {}
                None => self.modal = Some(Modal::Error(self.tr(T::SaveBeforePhotos).to_owned())),
            },
            Command::PreviewPhoto(id) => {
                let folder = self.doc.folder().map(Path::to_owned);
                let photo = self.doc.session.photos.iter().find(|p| p.id == id).cloned();
                if let (Some(folder), Some(photo)) = (folder, photo) {
                    self.photo_worker(ctx).show_preview(&photo, &folder);
                }
            }
            Command::ChooseExport(kind) => self.ask_for_path(ctx, PathPurpose::Export(kind)),
            Command::Export(kind, target) => self.start_export(ctx, kind, target),
            Command::OpenWithSystem(path) => {
                if let Err(e) = open_with_system(&path) {
                    self.status = Some(format!("{}: {e}", path.display()));
                }
            }
            Command::ClosePreview => {
                if let Some(worker) = &mut self.photos {
                    worker.preview = None;
                }
            }
            Command::ToggleProjector => self.projector.is_open = !self.projector.is_open,
            Command::ToggleHelp => self.is_help_open = !self.is_help_open,
            Command::NextSpeaker => {
                let now = self.options.clock.now();
                self.speaking.next(now);
            }
        }
    }

    /// Before switching sessions: unsaved changes go to the autosave, so nothing is lost.
    fn keep_unsaved_work(&mut self) {
        if self.doc.is_dirty()
            && !self.doc.session.meta.title.is_empty()
            && let Err(e) = self.doc.autosave(&self.unsaved_root())
        {
            self.status = Some(e.describe(self.lang()));
        }
    }

    /// Opens a session folder; on failure shows why and keeps the current session.
    pub(super) fn open(&mut self, path: &Path) {
        let folder = SessionPaths::resolve(path).folder;
        let session = match storage::load(path) {
            Ok(session) => session,
            Err(e) => {
                self.modal = Some(Modal::Error(e.describe(self.lang())));
                return;
            }
        };
        if self.doc.folder() == Some(folder.as_path()) {
            // Opening the session that is already open here: our own lock must not warn.
            self.doc.release_lock();
        }
        match SessionLock::acquire(&folder) {
            Ok(lock) => self.adopt(session, folder, Some(lock)),
            Err(e @ LockError::HeldElsewhere { .. }) => {
                self.modal = Some(Modal::LockConflict {
                    folder,
                    session: Box::new(session),
                    message: e.describe(self.lang()),
                });
            }
            // A read-only folder cannot hold a lock file; the session still opens.
            Err(LockError::Io { .. }) => self.adopt(session, folder, None),
        }
    }

    /// Makes a loaded session the current one and offers a newer autosave.
    pub(super) fn adopt(&mut self, session: Session, folder: PathBuf, lock: Option<SessionLock>) {
        self.prefs.remember(&folder);
        self.doc = Document::opened(session, folder.clone(), lock);
        self.browser = None;
        if let Some(recovery) = storage::find_recovery(&folder) {
            self.modal = Some(Modal::Recover {
                folder,
                recovery: Box::new(recovery),
            });
        }
    }

    /// At start without a session: offer the newest autosave of a never-saved session.
    pub(super) fn offer_unsaved_recovery(&mut self) {
        let Ok(entries) = std::fs::read_dir(self.unsaved_root()) else {
            return;
        };
        let newest = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter_map(|folder| storage::find_recovery(&folder).map(|r| (folder, r)))
            .max_by_key(|(_, recovery)| recovery.written);
        if let Some((folder, recovery)) = newest {
            self.modal = Some(Modal::Recover {
                folder,
                recovery: Box::new(recovery),
            });
        }
    }

    fn save(&mut self, folder: Option<&Path>) {
        match self.doc.save(folder) {
            Ok(()) => {
                if let Some(folder) = self.doc.folder().map(Path::to_owned) {
                    self.prefs.remember(&folder);
                }
                // A session saved for the first time leaves its unsaved autosave behind.
                let _ = storage::discard_autosave(
                    &self.unsaved_root().join(self.doc.session.id.to_string()),
                );
                self.status = Some(self.tr(T::Saved).to_owned());
            }
            Err(e) => {
                let message = e.describe(self.lang());
                let nothing_changed = self.tr(T::NothingChanged);
                self.modal = Some(Modal::Error(format!("{message}\n\n{nothing_changed}")));
            }
        }
    }

    fn type_path(&mut self, purpose: PathPurpose, no_dialog: bool) {
        let text = match purpose {
            PathPurpose::Open | PathPurpose::Compare | PathPurpose::AttachPhoto => String::new(),
            PathPurpose::Export(kind) => self.suggested_export_path(kind).display().to_string(),
            PathPurpose::Consolidate => self
                .options
                .sessions_dir
                .join("konsolidierung")
                .display()
                .to_string(),
            PathPurpose::Save => self
                .doc
                .folder()
                .map(Path::to_owned)
                .unwrap_or_else(|| self.options.sessions_dir.join(self.suggested_folder_name()))
                .display()
                .to_string(),
        };
        self.modal = Some(Modal::TypedPath {
            purpose,
            text,
            no_dialog,
        });
    }

    /// A folder name from the title: lower case, umlauts spelled out, dashes.
    fn suggested_folder_name(&self) -> String {
        let mut name = String::new();
        for c in self.doc.session.meta.title.to_lowercase().chars() {
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

    /// Opens the native dialog on its own thread so the UI keeps drawing.
    fn ask_for_path(&mut self, ctx: &egui::Context, purpose: PathPurpose) {
        if !self.options.native_dialogs {
            self.type_path(purpose, true);
            return;
        }
        let (sender, receiver) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        let start_dir = self.options.sessions_dir.clone();
        let suggested_name = match purpose {
            PathPurpose::Export(kind) => self
                .suggested_export_path(kind)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            _ => String::new(),
        };
        std::thread::spawn(move || {
            let started = Instant::now();
            let dialog = rfd::FileDialog::new().set_directory(&start_dir);
            let paths = match purpose {
                PathPurpose::Open | PathPurpose::Compare => {
                    dialog.pick_folder().into_iter().collect()
                }
                PathPurpose::Save | PathPurpose::Consolidate => dialog
                    .set_title("Moderato")
                    .pick_folder()
                    .into_iter()
                    .collect(),
                PathPurpose::AttachPhoto => dialog
                    .add_filter("JPEG, PNG", &["jpg", "jpeg", "png", "JPG", "JPEG", "PNG"])
                    .pick_files()
                    .unwrap_or_default(),
                PathPurpose::Export(ExportKind::Csv) => dialog.pick_folder().into_iter().collect(),
                PathPurpose::Export(_) => dialog
                    .set_file_name(&suggested_name)
                    .save_file()
                    .into_iter()
                    .collect(),
            };
            let _ = sender.send(DialogAnswer {
                purpose,
                paths,
                elapsed: started.elapsed(),
            });
            ctx.request_repaint();
        });
        self.dialog = Some(receiver);
    }

    pub(super) fn poll_dialog(&mut self) {
        let Some(receiver) = &self.dialog else {
            return;
        };
        let Ok(answer) = receiver.try_recv() else {
            return;
        };
        self.dialog = None;
        if answer.paths.is_empty() {
            if answer.elapsed < NO_DIALOG_THRESHOLD {
                self.type_path(answer.purpose, true);
            }
            return; // Otherwise the user cancelled.
        }
        let mut paths = answer.paths;
        let first = paths.remove(0);
        self.commands.push(match answer.purpose {
            PathPurpose::Open => Command::Open(first),
            PathPurpose::Save => Command::SaveAs(first),
            PathPurpose::Consolidate => Command::ConsolidateInto(first),
            PathPurpose::Compare => Command::Compare(first),
            PathPurpose::AttachPhoto => {
                paths.insert(0, first);
                Command::AttachPhotos(paths)
            }
            PathPurpose::Export(kind) => Command::Export(kind, first),
        });
    }
}

impl ModeratoApp {
    /// Reads the inputs, consolidates and writes the result on a worker thread; an existing
    /// consolidation in `out` is updated and keeps its decisions.
    fn start_consolidation(&mut self, ctx: &egui::Context, inputs: Vec<PathBuf>, out: PathBuf) {
        let lang = self.lang();
        let (sender, receiver) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let result = run_consolidation(&inputs, &out, lang);
            let _ = sender.send(result.map(|warnings| (out, warnings)));
            ctx.request_repaint();
        });
        self.consolidation_job = Some(receiver);
        self.browser = None;
        self.status = Some(T::Consolidating.get(lang).to_owned());
    }

    pub(super) fn poll_consolidation(&mut self) {
        let Some(receiver) = &self.consolidation_job else {
            return;
        };
        let Ok(result) = receiver.try_recv() else {
            return;
        };
        self.consolidation_job = None;
        self.browser_selected.clear();
        match result {
            Ok((out, warnings)) => {
                self.open(&out);
                self.screen = super::Screen::Review;
                self.status = Some(self.tr(T::Consolidated).to_owned());
                if !warnings.is_empty() && self.modal.is_none() {
                    self.modal = Some(Modal::Error(warnings.join("\n")));
                }
            }
            Err(message) => {
                self.status = None;
                self.modal = Some(Modal::Error(message));
            }
        }
    }

    /// Runs the open consolidation again from its sources with the decisions made so far; one
    /// undoable edit.
    fn reconsolidate(&mut self) {
        let Some(provenance) = self.doc.session.provenance.clone() else {
            return;
        };
        let Some(folder) = self.doc.folder().map(Path::to_owned) else {
            return;
        };
        match crate::consolidate::run::reconsolidate(&folder, &provenance) {
            Ok(session) => self.doc.replace(session),
            Err(e) => self.modal = Some(Modal::Error(e.describe(self.lang()))),
        }
    }
}

/// The consolidation itself, for the worker thread: the same function and checks as on the
/// command line. Returns what could not be done in full (photos that could not be copied).
fn run_consolidation(
    inputs: &[PathBuf],
    out: &Path,
    lang: crate::i18n::Lang,
) -> Result<Vec<String>, String> {
    let progress = crate::jobs::Progress::default();
    // An existing consolidation in `out` is updated: the app's way of saying --force.
    crate::consolidate::run::run(inputs, out, true, &progress)
        .map(|outcome| outcome.warnings.iter().map(|w| w.describe(lang)).collect())
        .map_err(|e| e.describe(lang))
}

impl ModeratoApp {
    /// Beside the session folder, named after the title.
    fn suggested_export_path(&self, kind: ExportKind) -> PathBuf {
        let base = self
            .doc
            .folder()
            .and_then(Path::parent)
            .map(Path::to_owned)
            .unwrap_or_else(|| self.options.sessions_dir.clone());
        let name = self.suggested_folder_name();
        match kind {
            ExportKind::Pdf => base.join(format!("{name}.pdf")),
            ExportKind::Markdown => base.join(format!("{name}.md")),
            ExportKind::Csv => base.join(format!("{name}-tabellen")),
        }
    }

    /// Writes an export on a worker thread (a PDF takes a moment to lay out).
    fn start_export(&mut self, ctx: &egui::Context, kind: ExportKind, target: PathBuf) {
        use crate::export;
        let session = self.doc.session.clone();
        let folder = self.doc.folder().map(Path::to_owned);
        let lang = self.lang();
        let now = self.options.clock.now();
        let (sender, receiver) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let write = |path: &Path, bytes: &[u8]| {
                storage::atomic_write(path, |f| std::io::Write::write_all(f, bytes))
                    .map_err(|e| e.describe(lang))
            };
            let result = match kind {
                ExportKind::Pdf => export::pdf(&session, folder.as_deref(), lang, now)
                    .map_err(|e| e.describe(lang))
                    .and_then(|bytes| write(&target, &bytes)),
                ExportKind::Markdown => {
                    write(&target, export::markdown(&session, lang, now).as_bytes())
                }
                ExportKind::Csv => std::fs::create_dir_all(&target)
                    .map_err(|e| {
                        storage::StorageError::io(storage::IoAction::CreateFolder, &target, e)
                            .describe(lang)
                    })
                    .and_then(|()| {
                        write(
                            &target.join("action-items.csv"),
                            export::action_items_csv(&session).as_bytes(),
                        )?;
                        write(
                            &target.join("cards.csv"),
                            export::cards_csv(&session).as_bytes(),
                        )?;
                        write(
                            &target.join("reflection.csv"),
                            export::reflection_csv(&session).as_bytes(),
                        )
                    }),
            };
            let _ = sender.send(result.map(|()| target));
            ctx.request_repaint();
        });
        self.export_job = Some(receiver);
        self.status = Some(self.tr(T::Exporting).to_owned());
    }

    pub(super) fn poll_export(&mut self) {
        let Some(receiver) = &self.export_job else {
            return;
        };
        let Ok(result) = receiver.try_recv() else {
            return;
        };
        self.export_job = None;
        self.status = None;
        self.modal = Some(match result {
            Ok(path) => Modal::Exported(path),
            Err(message) => Modal::Error(message),
        });
    }

    /// Whether an export is being written.
    pub fn is_exporting(&self) -> bool {
        self.export_job.is_some()
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
