//! Why an export failed, and those reasons in words.

use crate::i18n::{Describe, Lang, M, fill};

/// Why no export came out.
#[derive(Debug)]
pub enum ExportError {
    /// typst could not lay the report out (a fault in the template).
    Layout(String),
    /// typst could not make the PDF.
    Pdf(String),
    /// The folder to write into does not exist.
    FolderMissing(std::path::PathBuf),
    /// Writing the file failed.
    Write(crate::storage::StorageError),
    /// The target lies in a session folder (perhaps the one being exported): an export
    /// never writes there.
    InsideSession(std::path::PathBuf),
    /// The target exists and is not a plain file (a device, a pipe, a link, a folder).
    NotAFile(std::path::PathBuf),
}

impl std::error::Error for ExportError {}

/// In English, for logs, tests and `?` in scripts.
impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl Describe for ExportError {
    fn describe(&self, lang: Lang) -> String {
        let say = |key: M, values: &[&str]| fill(key.get(lang), values);
        match self {
            ExportError::Layout(detail) => say(M::ExportLayout, &[detail]),
            ExportError::Pdf(detail) => say(M::ExportPdf, &[detail]),
            ExportError::FolderMissing(path) => {
                say(M::ExportFolderMissing, &[&path.display().to_string()])
            }
            ExportError::Write(e) => e.describe(lang),
            ExportError::InsideSession(path) => {
                say(M::ExportInsideSession, &[&path.display().to_string()])
            }
            ExportError::NotAFile(path) => say(M::ExportNotAFile, &[&path.display().to_string()]),
        }
    }
}
