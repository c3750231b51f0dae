//! Asking for a path: the system's file dialog on its own thread, or a typed path where
//! there is none (no desktop portal) or when asked for; the paths suggested for a new
//! session, a consolidation and exports.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::app::ModeratoApp;
use crate::app::command::{Command, PathPurpose};
use crate::app::shell::Modal;
use crate::export::Kind as ExportKind;

/// A dialog that answers faster than this never showed: there is no desktop portal.
const NO_DIALOG_THRESHOLD: Duration = Duration::from_millis(300);

impl ModeratoApp {
    pub(super) fn type_path(&mut self, purpose: PathPurpose, no_dialog: bool) {
        let text = match purpose {
            PathPurpose::Open
            | PathPurpose::Compare
            | PathPurpose::AttachPhoto
            | PathPurpose::PhotoBoard
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
            problem: None,
        });
    }

    /// A folder name from the title: lower case, umlauts spelled out, dashes.
    fn suggested_folder_name(&self) -> String {
        crate::text::slug(&self.doc.session().meta.title, "session")
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
    pub(super) fn ask_for_path(&mut self, ctx: &egui::Context, purpose: PathPurpose) {
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
    pub(in crate::app) fn poll_dialog(&mut self) {
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
            PathPurpose::PhotoBoard => Command::DetectPhotoBoard(paths.remove(0), None),
            _ => crate::app::shell::path_command(purpose, paths.remove(0)),
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
        PathPurpose::PhotoBoard => dialog
            .add_filter("JPEG, PNG", &["jpg", "jpeg", "png", "JPG", "JPEG", "PNG"])
            .pick_file()
            .into_iter()
            .collect(),
        PathPurpose::Export(_) => dialog
            .set_file_name(suggested_name)
            .save_file()
            .into_iter()
            .collect(),
    }
}
