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
    /// The report as Markdown, one file.
    Markdown,
    /// CSV tables, a folder.
    Csv,
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
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !parent.is_dir() {
        return Err(ExportError::FolderMissing(parent.to_owned()));
    }
    let mut left_out = Vec::new();
    let files: Vec<(PathBuf, Vec<u8>)> = match kind {
        Kind::Pdf => {
            let report = pdf(session, folder, lang, now)?;
            left_out = report.left_out;
            vec![(target.to_owned(), report.bytes)]
        }
        Kind::Markdown => vec![(target.to_owned(), markdown(session, lang, now).into_bytes())],
        Kind::Csv => {
            std::fs::create_dir_all(target).map_err(|e| {
                ExportError::Write(StorageError::io(IoAction::CreateFolder, target, e))
            })?;
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
