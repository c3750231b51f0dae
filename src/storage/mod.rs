//! Sessions on disk: a folder with `session.ron` and `photos/` beside it.
//!
//! Saving is atomic (temp file, fsync, rename, fsync of the folder) and keeps the previous
//! version as `session.ron.bak`. Loading reports errors in plain words with file, line and
//! column, refuses files from a newer Moderato, and checks that photo paths stay inside the
//! folder. No GUI code here.

mod autosave;
mod error;
pub mod files;
mod inside;
mod listing;
mod lock;
pub mod places;

use std::fs::{self, File};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::session::Repair;
use crate::session::{SCHEMA_VERSION, Session};

pub use autosave::{Recovery, discard_autosave, find_recovery, write_autosave};
pub use error::{Expected, IoAction, StorageError, SyntaxProblem};
pub use files::FileProblem;
pub use inside::{
    FileError, MAX_FILE_BYTES, check_photos_folder, open_inside, read_inside, resolve_inside,
};
pub use listing::{SessionListing, list_sessions};
pub use lock::{LOCK_FILE, LockError, SessionLock, WAIT_FOR_WRITER};

use error::line_column;

/// The session file inside a session folder.
pub const SESSION_FILE: &str = "session.ron";
/// The previous version, kept by every save.
pub const BACKUP_FILE: &str = "session.ron.bak";
/// Where autosave writes between explicit saves.
pub const AUTOSAVE_FILE: &str = "session.autosave.ron";
/// Photos live here, relative to the session folder.
pub const PHOTOS_DIR: &str = "photos";

/// The folder and file of a session, from a path naming either.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionPaths {
    pub folder: PathBuf,
}

impl SessionPaths {
    /// Accepts a session folder or the `session.ron` inside it (or any `.ron` file: its folder
    /// is taken as the session folder).
    pub fn resolve(path: &Path) -> Self {
        let is_file = path.extension().is_some_and(|ext| ext == "ron") || path.is_file();
        let folder = if is_file {
            path.parent().map(Path::to_owned).unwrap_or_default()
        } else {
            path.to_owned()
        };
        Self { folder }
    }

    /// The session folder for a change: the folder itself or its `session.ron`, but never
    /// another file (its folder's `session.ron` would be written instead of what was read).
    pub fn for_change(path: &Path) -> Result<Self, StorageError> {
        let names_other_file = path.file_name().is_some_and(|n| n != SESSION_FILE)
            && (path.is_file() || path.extension().is_some_and(|ext| ext == "ron"));
        if names_other_file {
            return Err(StorageError::NotSessionFile {
                path: path.to_owned(),
            });
        }
        Ok(Self::resolve(path))
    }

    pub fn session_file(&self) -> PathBuf {
        self.folder.join(SESSION_FILE)
    }

    pub fn backup_file(&self) -> PathBuf {
        self.folder.join(BACKUP_FILE)
    }

    pub fn autosave_file(&self) -> PathBuf {
        self.folder.join(AUTOSAVE_FILE)
    }
}

/// The session as pretty, deterministic RON: the same session always gives the same bytes.
pub fn to_ron(session: &Session) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(true)
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    let mut text = ron::ser::to_string_pretty(session, config)
        .expect("a session has only string keys, numbers and strings, so it always serialises");
    text.push('\n');
    text
}

/// The largest session file read: far more than 100,000 cards with long texts need.
pub const MAX_SESSION_BYTES: u64 = 256 * 1024 * 1024;

/// A session as loaded, with what loading put right (see [`Session::repair`]).
#[derive(Debug)]
pub struct Loaded {
    pub session: Session,
    pub repairs: Vec<Repair>,
}

/// Parses a session from RON text; `path` only names the file in messages.
pub fn from_ron(text: &str, path: &Path) -> Result<Session, StorageError> {
    from_ron_reporting(text, path).map(|loaded| loaded.session)
}

/// Parses a session from RON text, refusing what would break later and putting right what
/// can be put right; `path` only names the file in messages.
pub fn from_ron_reporting(text: &str, path: &Path) -> Result<Loaded, StorageError> {
    // Some editors on Windows start a file with a byte-order mark; it means nothing here.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let version = probe_schema_version(text, path)?;
    if version > SCHEMA_VERSION {
        return Err(StorageError::TooNew {
            path: path.to_owned(),
            found: version,
        });
    }
    // Older versions are migrated here, one step per version, each with a fixture in
    // tests/fixtures. Version 1 is the first format, so there is nothing to migrate yet.
    let mut session: Session = ron::from_str(text).map_err(|e| syntax_error(path, &e))?;
    session.schema_version = SCHEMA_VERSION;
    let mut problems = session.problems();
    if !problems.is_empty() {
        for problem in &mut problems {
            problem.line = problem.id.and_then(|id| line_of(text, &id.to_string()));
        }
        return Err(StorageError::Invalid {
            path: path.to_owned(),
            problems,
        });
    }
    let repairs = session.repair();
    Ok(Loaded { session, repairs })
}

/// The line on which `needle` first occurs (an element's id: where it is defined).
fn line_of(text: &str, needle: &str) -> Option<usize> {
    let at = text.find(needle)?;
    Some(
        text.as_bytes()[..at]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1,
    )
}

/// Reads only the `schema_version`, so a newer file is refused before its unknown fields are
/// reported as errors.
fn probe_schema_version(text: &str, path: &Path) -> Result<u32, StorageError> {
    #[derive(Deserialize)]
    #[serde(rename = "Session")]
    struct Probe {
        #[serde(default)]
        schema_version: u32,
    }
    // Unknown fields are fine here: only the version matters.
    match ron::from_str::<Probe>(text) {
        Ok(probe) => Ok(probe.schema_version),
        Err(e) => Err(syntax_error(path, &e)),
    }
}

fn syntax_error(path: &Path, error: &ron::error::SpannedError) -> StorageError {
    StorageError::Syntax {
        path: path.to_owned(),
        line: error.span.start.line,
        column: error.span.start.col,
        problem: SyntaxProblem::of(&error.code),
    }
}

/// Loads a session from its folder (or its `session.ron`).
pub fn load(path: &Path) -> Result<Session, StorageError> {
    load_reporting(path).map(|loaded| loaded.session)
}

/// Loads a session from its folder (or its `session.ron`), with what loading put right.
pub fn load_reporting(path: &Path) -> Result<Loaded, StorageError> {
    if !path.exists() {
        return Err(StorageError::Missing {
            path: path.to_owned(),
        });
    }
    let paths = SessionPaths::resolve(path);
    let file = if path.is_file() {
        path.to_owned()
    } else {
        paths.session_file()
    };
    let bytes = files::read_regular(&file, MAX_SESSION_BYTES).map_err(|problem| match problem {
        FileProblem::Missing if path.is_dir() => StorageError::NotASession {
            path: path.to_owned(),
        },
        FileProblem::Missing => StorageError::Missing { path: file.clone() },
        FileProblem::TooLarge { bytes } => StorageError::TooLarge {
            path: file.clone(),
            bytes,
        },
        FileProblem::Unreadable(e) => StorageError::io(IoAction::Read, &file, e),
        _ => StorageError::NotAFile { path: file.clone() },
    })?;
    from_bytes_reporting(&bytes, &file)
}

/// Parses a session from the bytes of a file (which must be UTF-8 text), like
/// [`from_ron_reporting`]; `path` only names the file in messages.
pub fn from_bytes_reporting(bytes: &[u8], path: &Path) -> Result<Loaded, StorageError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(bytes, e.valid_up_to());
        StorageError::Syntax {
            path: path.to_owned(),
            line,
            column,
            problem: SyntaxProblem::NotText,
        }
    })?;
    from_ron_reporting(text, path)
}

/// Saves a session into its folder, atomically, keeping the previous file as a backup.
///
/// Creates the folder and its `photos/` if needed. If saving fails, the previous
/// `session.ron` is left as it was.
pub fn save(folder: &Path, session: &Session) -> Result<(), StorageError> {
    let paths = SessionPaths {
        folder: folder.to_owned(),
    };
    fs::create_dir_all(folder).map_err(|e| StorageError::io(IoAction::CreateFolder, folder, e))?;
    let photos = folder.join(PHOTOS_DIR);
    fs::create_dir_all(&photos)
        .map_err(|e| StorageError::io(IoAction::CreateFolder, &photos, e))?;
    let text = to_ron(session);
    let target = paths.session_file();
    let old = existing(&target)?;
    // Skip the write when nothing changed: the file and its backup stay as they are.
    if old.as_deref() == Some(text.as_bytes()) {
        return Ok(());
    }
    if let Some(old) = old {
        // Copy, not rename: there is never a moment without a session file.
        atomic_write(&paths.backup_file(), |file| file.write_all(&old))?;
    }
    atomic_write(&target, |file| file.write_all(text.as_bytes()))
}

/// The saved session file's bytes, if there is one; refuses what must not be replaced: a
/// pipe, a device or a folder, and a file its owner made write-protected.
fn existing(target: &Path) -> Result<Option<Vec<u8>>, StorageError> {
    let metadata = match fs::symlink_metadata(target) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StorageError::io(IoAction::Read, target, e)),
    };
    if metadata.file_type().is_symlink() || !metadata.is_file() {
        return Err(StorageError::NotAFile {
            path: target.to_owned(),
        });
    }
    if metadata.permissions().readonly() {
        return Err(StorageError::WriteProtected {
            path: target.to_owned(),
        });
    }
    files::read_regular(target, MAX_SESSION_BYTES)
        .map(Some)
        .map_err(|problem| match problem {
            FileProblem::Unreadable(e) => StorageError::io(IoAction::Read, target, e),
            _ => StorageError::NotAFile {
                path: target.to_owned(),
            },
        })
}

/// Writes a file atomically: into a temp file beside it, fsync, rename over the target,
/// fsync of the folder. Whatever `write` does, the target is either the old or the new file.
pub fn atomic_write(
    target: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), StorageError> {
    let folder = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".moderato-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(|e| StorageError::io(IoAction::CreateTemp, folder, e))?;
    write(temp.as_file_mut()).map_err(|e| StorageError::io(IoAction::Write, target, e))?;
    // Temporary files are private (0600); the saved file keeps the old file's permissions,
    // or gets the usual ones for a new file.
    let permissions = match fs::metadata(target) {
        Ok(metadata) => Some(metadata.permissions()),
        Err(_) => default_permissions(),
    };
    if let Some(permissions) = permissions {
        temp.as_file()
            .set_permissions(permissions)
            .map_err(|e| StorageError::io(IoAction::Write, target, e))?;
    }
    temp.as_file()
        .sync_all()
        .map_err(|e| StorageError::io(IoAction::Write, target, e))?;
    temp.persist(target)
        .map_err(|e| StorageError::io(IoAction::Replace, target, e.error))?;
    sync_folder(folder).map_err(|e| StorageError::io(IoAction::SyncFolder, folder, e))
}

#[cfg(unix)]
fn default_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt as _;
    Some(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<fs::Permissions> {
    None
}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> io::Result<()> {
    File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> io::Result<()> {
    // Windows cannot open a directory as a file; its rename is durable enough.
    Ok(())
}
