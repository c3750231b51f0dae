//! Sessions on disk: a folder with `session.ron` and `photos/` beside it.
//!
//! Saving is atomic (temp file, fsync, rename, fsync of the folder) and keeps the previous
//! version as `session.ron.bak`. Loading reports errors in plain words with file, line and
//! column, refuses files from a newer Moderato, and checks that photo paths stay inside the
//! folder. No egui here.

mod autosave;
mod lock;

use std::fs::{self, File};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::{SCHEMA_VERSION, Session};

pub use autosave::{Recovery, discard_autosave, find_recovery, write_autosave};
pub use lock::{LockError, SessionLock};

/// The session file inside a session folder.
pub const SESSION_FILE: &str = "session.ron";
/// The previous version, kept by every save.
pub const BACKUP_FILE: &str = "session.ron.bak";
/// Where autosave writes between explicit saves.
pub const AUTOSAVE_FILE: &str = "session.autosave.ron";
/// Photos live here, relative to the session folder.
pub const PHOTOS_DIR: &str = "photos";

/// What went wrong reading or writing a session, in words a moderator understands.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("Could not {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },

    #[error("{} is not a Moderato session: it has no {SESSION_FILE}.", path.display())]
    NotASession { path: PathBuf },

    #[error("There is nothing at {}: no such folder or file.", path.display())]
    Missing { path: PathBuf },

    #[error("{}, line {line}, column {column}: {message}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    #[error(
        "{} was written by a newer version of Moderato (file format {found}; this version reads up to {SCHEMA_VERSION}). \
         Please update Moderato to open it. The file was not changed.",
        path.display()
    )]
    TooNew { path: PathBuf, found: u32 },

    #[error("{} cannot be opened safely:\n{}", path.display(), problems.join("\n"))]
    Invalid {
        path: PathBuf,
        problems: Vec<String>,
    },

    #[error("The new session has no folder yet.")]
    NoFolder,
}

impl StorageError {
    fn io(action: &'static str, path: &Path, source: io::Error) -> Self {
        Self::Io {
            action,
            path: path.to_owned(),
            source,
        }
    }
}

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

/// Parses a session from RON text; `path` only names the file in messages.
pub fn from_ron(text: &str, path: &Path) -> Result<Session, StorageError> {
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
    let problems = session.problems();
    if problems.is_empty() {
        Ok(session)
    } else {
        Err(StorageError::Invalid {
            path: path.to_owned(),
            problems,
        })
    }
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
        message: plain_ron_message(&error.code),
    }
}

/// RON's messages are written for programmers; most read fine, a few get plainer words.
fn plain_ron_message(code: &ron::Error) -> String {
    match code {
        ron::Error::Eof => "the file ends too early (is it cut off?)".to_owned(),
        ron::Error::Io(message) => format!("could not be read: {message}"),
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => text,
            }
        }
    }
}

/// Loads a session from its folder (or its `session.ron`).
pub fn load(path: &Path) -> Result<Session, StorageError> {
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
    let text = match fs::read(&file) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|e| StorageError::Syntax {
            path: file.clone(),
            line: 1,
            column: 1,
            message: format!(
                "the file is not UTF-8 text (first bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        })?,
        Err(e) if e.kind() == io::ErrorKind::NotFound && path.is_dir() => {
            return Err(StorageError::NotASession {
                path: path.to_owned(),
            });
        }
        Err(e) => return Err(StorageError::io("read", &file, e)),
    };
    from_ron(&text, &file)
}

/// Saves a session into its folder, atomically, keeping the previous file as a backup.
///
/// Creates the folder and its `photos/` if needed. If saving fails, the previous
/// `session.ron` is left as it was.
pub fn save(folder: &Path, session: &Session) -> Result<(), StorageError> {
    let paths = SessionPaths {
        folder: folder.to_owned(),
    };
    fs::create_dir_all(folder).map_err(|e| StorageError::io("create the folder", folder, e))?;
    let photos = folder.join(PHOTOS_DIR);
    fs::create_dir_all(&photos).map_err(|e| StorageError::io("create the folder", &photos, e))?;
    let text = to_ron(session);
    let target = paths.session_file();
    // Skip the write when nothing changed: the file and its backup stay as they are.
    if fs::read(&target).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(());
    }
    if target.exists() {
        // Copy, not rename: there is never a moment without a session file.
        let old = fs::read(&target).map_err(|e| StorageError::io("read", &target, e))?;
        atomic_write(&paths.backup_file(), |file| file.write_all(&old))?;
    }
    atomic_write(&target, |file| file.write_all(text.as_bytes()))
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
        .map_err(|e| StorageError::io("create a temporary file in", folder, e))?;
    write(temp.as_file_mut()).map_err(|e| StorageError::io("write", target, e))?;
    // Temporary files are private (0600); the saved file keeps the old file's permissions,
    // or gets the usual ones for a new file.
    let permissions = match fs::metadata(target) {
        Ok(metadata) => Some(metadata.permissions()),
        Err(_) => default_permissions(),
    };
    if let Some(permissions) = permissions {
        temp.as_file()
            .set_permissions(permissions)
            .map_err(|e| StorageError::io("write", target, e))?;
    }
    temp.as_file()
        .sync_all()
        .map_err(|e| StorageError::io("write", target, e))?;
    temp.persist(target)
        .map_err(|e| StorageError::io("replace", target, e.error))?;
    sync_folder(folder).map_err(|e| StorageError::io("sync the folder", folder, e))
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

/// A line about a session for lists and the browser: title, dates, counts.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionListing {
    pub folder: PathBuf,
    pub outcome: Result<crate::session::summary::Summary, String>,
}

/// Lists the session folders directly inside `dir`, sorted by folder name.
pub fn list_sessions(dir: &Path) -> Vec<SessionListing> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut folders: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.join(SESSION_FILE).is_file())
        .collect();
    folders.sort();
    folders
        .into_iter()
        .map(|folder| SessionListing {
            outcome: load(&folder)
                .map(|session| crate::session::summary::Summary::of(&session))
                .map_err(|e| e.to_string()),
            folder,
        })
        .collect()
}

/// Writes a consolidated session into `out` and copies its photos there. A photo missing from
/// its source folder is reported (one sentence each) and not copied; the rest is written.
pub fn write_consolidation(
    out: &Path,
    consolidation: &crate::consolidate::Consolidation,
) -> Result<Vec<String>, StorageError> {
    save(out, &consolidation.session)?;
    let mut warnings = Vec::new();
    for copy in &consolidation.photos {
        let from = Path::new(&copy.from_folder).join(&copy.from_path);
        let to = out.join(&copy.to_path);
        if crate::model::check_photo_path(&copy.to_path).is_err() {
            warnings.push(format!(
                "Skipped a photo with an unsafe name: {}",
                copy.to_path
            ));
            continue;
        }
        let bytes = match fs::read(&from) {
            Ok(bytes) => bytes,
            Err(e) => {
                warnings.push(format!("Photo {} could not be copied: {e}", from.display()));
                continue;
            }
        };
        if fs::read(&to).is_ok_and(|existing| existing == bytes) {
            continue;
        }
        atomic_write(&to, |file| file.write_all(&bytes))?;
    }
    Ok(warnings)
}
