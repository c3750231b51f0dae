//! Session folders at a glance, for the session browser.

use std::fs;
use std::path::{Path, PathBuf};

use super::{SESSION_FILE, StorageError, load};

/// A line about a session for lists and the browser: title, dates, counts.
#[derive(Debug)]
pub struct SessionListing {
    pub folder: PathBuf,
    pub outcome: Result<crate::session::summary::Summary, StorageError>,
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
            outcome: load(&folder).map(|session| {
                crate::session::summary::Summary::of(&session, crate::clock::Clock::System.now())
            }),
            folder,
        })
        .collect()
}
