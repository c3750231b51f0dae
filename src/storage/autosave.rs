//! Autosave between explicit saves, and recovery after a crash.
//!
//! Autosave writes `session.autosave.ron` beside `session.ron` (atomically, like a save) and
//! never touches `session.ron` itself: the user decides what is saved. A clean save removes the
//! autosave. If one is left when a session is opened, and it holds something other than the
//! saved file, the app offers to recover it.

use std::fs;
use std::io::Write as _;
use std::path::Path;
use std::time::SystemTime;

use super::{AUTOSAVE_FILE, IoAction, SESSION_FILE, StorageError, atomic_write, from_ron, to_ron};
use crate::session::Session;

/// An autosave that holds changes the saved file does not have.
#[derive(Clone, Debug)]
pub struct Recovery {
    pub session: Session,
    pub written: Option<SystemTime>,
}

/// Writes the autosave for a session folder (created if needed).
pub fn write_autosave(folder: &Path, session: &Session) -> Result<(), StorageError> {
    fs::create_dir_all(folder).map_err(|e| StorageError::io(IoAction::CreateFolder, folder, e))?;
    let text = to_ron(session);
    atomic_write(&folder.join(AUTOSAVE_FILE), |file| {
        file.write_all(text.as_bytes())
    })
}

/// Removes the autosave of a folder, if there is one.
pub fn discard_autosave(folder: &Path) -> Result<(), StorageError> {
    let path = folder.join(AUTOSAVE_FILE);
    match fs::remove_file(&path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(StorageError::io(IoAction::Remove, &path, e)),
    }
}

/// The autosave of a folder, if it is at least as new as the saved file and differs from it.
///
/// An unreadable autosave is not offered (the saved file stays the truth) but is left on disk
/// for a human to look at.
pub fn find_recovery(folder: &Path) -> Option<Recovery> {
    let read = |path: &Path| {
        super::files::read_regular(path, super::MAX_SESSION_BYTES)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
    };
    let autosave_path = folder.join(AUTOSAVE_FILE);
    let autosave_text = read(&autosave_path)?;
    let written = fs::metadata(&autosave_path).and_then(|m| m.modified()).ok();
    let session_path = folder.join(SESSION_FILE);
    if let Some(saved_text) = read(&session_path) {
        if saved_text == autosave_text {
            return None;
        }
        let saved_at = fs::metadata(&session_path).and_then(|m| m.modified()).ok();
        if let (Some(saved_at), Some(written)) = (saved_at, written)
            && saved_at > written
        {
            return None;
        }
    }
    let session = from_ron(&autosave_text, &autosave_path).ok()?;
    Some(Recovery { session, written })
}
