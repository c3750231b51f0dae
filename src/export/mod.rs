//! Exports: the PDF report (typst), Markdown, and CSV tables. No GUI code here.
//!
//! The report's words come from [`ReportData`], built once from the session and handed to
//! the typst template as JSON through `sys.inputs`: session text is data, never markup.

pub mod board;
mod csv;
mod data;
mod error;
mod markdown;
mod pdf;
mod sections;

use std::path::{Path, PathBuf};

use crate::i18n::Lang;
use crate::photos::PhotoError;
use crate::session::Session;
use crate::storage::{IoAction, StorageError};

pub use csv::{CSV_FILES, action_items_csv, cards_csv, reflection_csv};
pub use data::{ReportData, report_data};
pub use error::ExportError;
pub use markdown::markdown;
pub use pdf::{Report, pdf};
pub use sections::{Block, Part, blocks};

/// What an export wrote.
#[derive(Debug, Default)]
pub struct Written {
    /// Each file with its size in bytes.
    pub files: Vec<(PathBuf, usize)>,
    /// Photos the report left out, with the reason.
    pub left_out: Vec<PhotoError>,
}

/// What an export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The PDF report, one file.
    Pdf,
    /// The report as Markdown: the file, and its photos in a folder beside it.
    Markdown,
    /// CSV tables, a folder.
    Csv,
}

/// Where an export may go: into an existing folder that is no session's (nor inside one),
/// under a new name or over a plain file. An export never writes onto its own input, into
/// a session folder or its photos, or onto a device, a pipe or a link.
fn check_target(kind: Kind, target: &Path) -> Result<(), ExportError> {
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !parent.is_dir() {
        return Err(ExportError::FolderMissing(parent.to_owned()));
    }
    let parent = std::fs::canonicalize(parent)
        .map_err(|e| ExportError::Write(StorageError::io(IoAction::Read, parent, e)))?;
    // The folder written into and every folder around it: none may hold a session.
    let mut place = Some(parent.as_path());
    if kind == Kind::Csv && target.is_dir() {
        let folder = std::fs::canonicalize(target)
            .map_err(|e| ExportError::Write(StorageError::io(IoAction::Read, target, e)))?;
        if folder.join(crate::storage::SESSION_FILE).exists() {
            return Err(ExportError::InsideSession(target.to_owned()));
        }
    }
    while let Some(folder) = place {
        if folder.join(crate::storage::SESSION_FILE).exists() {
            return Err(ExportError::InsideSession(target.to_owned()));
        }
        place = folder.parent();
    }
    match kind {
        Kind::Csv => match std::fs::symlink_metadata(target) {
            Ok(m) if !m.is_dir() => Err(ExportError::NotAFile(target.to_owned())),
            _ => Ok(()),
        },
        _ => check_file(target),
    }
}

/// A file an export writes: a new name, or a plain file (never a link, a device, a pipe).
fn check_file(target: &Path) -> Result<(), ExportError> {
    match std::fs::symlink_metadata(target) {
        Ok(m) if !m.is_file() => Err(ExportError::NotAFile(target.to_owned())),
        _ => Ok(()),
    }
}

/// Writes an export to `target` (a file; for CSV a folder), atomically. Returns the files
/// written and their sizes. The app and the command line both call this.
pub fn write(
    kind: Kind,
    session: &Session,
    folder: Option<&Path>,
    target: &Path,
    lang: Lang,
    now: jiff::Timestamp,
) -> Result<Written, ExportError> {
    check_target(kind, target)?;
    let mut left_out = Vec::new();
    let files: Vec<(PathBuf, Vec<u8>)> = match kind {
        Kind::Pdf => {
            let report = pdf(session, folder, lang, now)?;
            left_out = report.left_out;
            vec![(target.to_owned(), report.bytes)]
        }
        Kind::Markdown => match folder {
            Some(folder) => {
                let (files, refused) =
                    markdown::markdown_with_photos(session, folder, target, lang, now);
                if let Some((first, _)) = files.get(1) {
                    let dir = first.parent().unwrap_or(target);
                    std::fs::create_dir_all(dir).map_err(|e| {
                        ExportError::Write(StorageError::io(IoAction::CreateFolder, dir, e))
                    })?;
                    check_target(Kind::Csv, dir)?;
                }
                for (file, _) in &files {
                    check_file(file)?;
                }
                left_out = refused;
                files
            }
            None => vec![(target.to_owned(), markdown(session, lang, now).into_bytes())],
        },
        Kind::Csv => {
            std::fs::create_dir_all(target).map_err(|e| {
                ExportError::Write(StorageError::io(IoAction::CreateFolder, target, e))
            })?;
            for name in CSV_FILES {
                check_file(&target.join(name))?;
            }
            let [actions, cards, reflection] = CSV_FILES;
            vec![
                (
                    target.join(actions),
                    action_items_csv(session, lang).into_bytes(),
                ),
                (target.join(cards), cards_csv(session, lang).into_bytes()),
                (
                    target.join(reflection),
                    reflection_csv(session, lang).into_bytes(),
                ),
            ]
        }
    };
    let mut written = Vec::new();
    for (file, bytes) in files {
        crate::storage::atomic_write(&file, |f| std::io::Write::write_all(f, &bytes))
            .map_err(ExportError::Write)?;
        written.push((file, bytes.len()));
    }
    Ok(Written {
        files: written,
        left_out,
    })
}
