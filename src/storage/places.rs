//! Where sessions live on this computer: the user's documents folder (`~/Documents/Moderato`
//! or the platform's equivalent), the data folder for the scratch autosave of a session that
//! was never saved, and the example session, which is built into the program and written
//! out as a copy the user owns.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::{IoAction, SESSION_FILE, StorageError, atomic_write};

/// The folder name of the example session.
pub const EXAMPLE_FOLDER: &str = "open-government-2017";

/// The example session's files, relative to its folder.
const EXAMPLE_FILES: [(&str, &[u8]); 4] = [
    (
        SESSION_FILE,
        include_bytes!("../../sessions/open-government-2017/session.ron"),
    ),
    (
        "photos/verortung-achsenwand.png",
        include_bytes!("../../sessions/open-government-2017/photos/verortung-achsenwand.png"),
    ),
    (
        "photos/naechste-schritte-flipchart.png",
        include_bytes!(
            "../../sessions/open-government-2017/photos/naechste-schritte-flipchart.png"
        ),
    ),
    (
        "photos/bilanz-zielscheibe.png",
        include_bytes!("../../sessions/open-government-2017/photos/bilanz-zielscheibe.png"),
    ),
];

/// Where new sessions go by default: `Moderato` in the user's documents folder (in the home
/// folder when the system names no documents folder).
pub fn default_sessions_dir() -> PathBuf {
    let dirs = directories::UserDirs::new();
    let base = dirs
        .as_ref()
        .and_then(|d| d.document_dir().map(Path::to_owned))
        .or_else(|| dirs.as_ref().map(|d| d.home_dir().to_owned()))
        .unwrap_or_else(|| PathBuf::from("."));
    base.join("Moderato")
}

/// Where the autosave of a session that was never saved goes: the platform's data folder.
pub fn default_scratch_dir() -> PathBuf {
    directories::ProjectDirs::from("org", "Moderato", "Moderato").map_or_else(
        || default_sessions_dir().join(".unsaved"),
        |d| d.data_dir().join("unsaved"),
    )
}

/// Writes the built-in example session into `dir` (unless a session is already there) and
/// returns its folder. The copy is the user's to edit; the program's own stays as it is.
pub fn write_example(dir: &Path) -> Result<PathBuf, StorageError> {
    let folder = dir.join(EXAMPLE_FOLDER);
    if folder.join(SESSION_FILE).is_file() {
        return Ok(folder);
    }
    for (relative, bytes) in EXAMPLE_FILES {
        let path = folder.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| StorageError::io(IoAction::CreateFolder, parent, e))?;
        }
        // The session file last, so a half-written copy is no session.
        if relative != SESSION_FILE {
            atomic_write(&path, |file| file.write_all(bytes))?;
        }
    }
    let (_, session) = EXAMPLE_FILES[0];
    atomic_write(&folder.join(SESSION_FILE), |file| file.write_all(session))?;
    Ok(folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_is_written_out_once_and_opens() {
        let dir = tempfile::tempdir().unwrap();
        let folder = write_example(dir.path()).unwrap();
        let session = super::super::load(&folder).unwrap();
        assert!(session.meta.title.starts_with("Open Government"));
        for photo in &session.photos {
            assert!(folder.join(&photo.path).is_file(), "{}", photo.path);
        }
        // An edited copy is never overwritten by the built-in one.
        fs::write(folder.join("notiz.txt"), "meins").unwrap();
        let mut changed = session.clone();
        changed.notes = "Eigene Notiz".into();
        super::super::save(&folder, &changed).unwrap();
        write_example(dir.path()).unwrap();
        assert_eq!(super::super::load(&folder).unwrap().notes, "Eigene Notiz");
    }
}
