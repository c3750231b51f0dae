//! Warns when two running Moderato instances open the same session.
//!
//! The lock is an OS file lock on `.moderato.lock` in the session folder, so it disappears with
//! the process that held it, also after a crash: there are no stale locks to clean up.

use std::fs::{File, TryLockError};
use std::io::{Read as _, Seek as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::StorageError;

/// The lock file inside a session folder.
pub const LOCK_FILE: &str = ".moderato.lock";

/// How long a change on disk waits for another writer of the same session (a command adding
/// photos, a window saving) before it refuses.
pub const WAIT_FOR_WRITER: Duration = Duration::from_secs(5);

/// Held while a session is open in this process.
#[derive(Debug)]
pub struct SessionLock {
    _file: File,
    folder: PathBuf,
}

/// Why a session could not be locked.
#[derive(Debug)]
pub enum LockError {
    /// Another process holds it (its process id, if it wrote one).
    HeldElsewhere { holder: String },
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl std::error::Error for LockError {}

impl SessionLock {
    /// Takes the lock of a session folder; fails if another process holds it.
    pub fn acquire(folder: &Path) -> Result<Self, LockError> {
        let path = folder.join(LOCK_FILE);
        let io_error = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        std::fs::create_dir_all(folder).map_err(io_error)?;
        // Never through a symlink, never anything but a plain file: opening a folder someone
        // sent must not write into a file of the user's elsewhere.
        let mut file = super::files::open_own(&path).map_err(io_error)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = holder.trim();
                return Err(LockError::HeldElsewhere {
                    holder: holder.to_owned(),
                });
            }
            Err(TryLockError::Error(e)) => return Err(io_error(e)),
        }
        // Who holds it, for the other instance's message. Failing to write this is harmless.
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = write!(file, "{}", std::process::id());
        // No other Moderato writes here now: working files from before are a crashed save's.
        remove_stale_temps(folder, SystemTime::now());
        Ok(Self {
            _file: file,
            folder: folder.to_owned(),
        })
    }

    /// The folder this lock guards.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Takes the lock for a change on disk: waits up to `wait` for another writer (a command
    /// adding photos, a window saving) to finish; refuses with the holder's process after.
    pub fn acquire_for_change(folder: &Path, wait: Duration) -> Result<Self, StorageError> {
        let started = std::time::Instant::now();
        loop {
            match Self::acquire(folder) {
                Ok(lock) => return Ok(lock),
                Err(LockError::HeldElsewhere { holder }) if started.elapsed() >= wait => {
                    return Err(StorageError::Busy {
                        path: folder.to_owned(),
                        holder,
                    });
                }
                Err(LockError::HeldElsewhere { .. }) => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(LockError::Io { path, source }) => {
                    return Err(StorageError::io(super::IoAction::Write, &path, source));
                }
            }
        }
    }
}

/// Removes the working files of saves (`.moderato-*.tmp`, see `atomic_write`) older than
/// `before` from a session folder and its `photos/`: a save killed at its fsync or rename
/// leaves one behind. Quietly, and only files of that naming: nothing a person made.
fn remove_stale_temps(folder: &Path, before: SystemTime) {
    for dir in [folder.to_owned(), folder.join(super::PHOTOS_DIR)] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let is_temp = name.starts_with(".moderato-") && name.ends_with(".tmp");
            // Not followed: a link of that name is removed itself, never its target.
            let is_old = entry
                .metadata()
                .ok()
                .filter(std::fs::Metadata::is_file)
                .and_then(|m| m.modified().ok())
                .is_some_and(|modified| modified < before);
            if is_temp && is_old {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn taking_the_lock_removes_a_crashed_saves_working_files_only() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path();
        std::fs::create_dir_all(folder.join("photos")).unwrap();
        let old = SystemTime::now() - Duration::from_secs(5);
        let stale = [".moderato-a1B2c3.tmp", "photos/.moderato-x.tmp"];
        let kept = ["notizen.tmp", ".moderato-liste.txt", "session.ron"];
        for name in stale.iter().chain(&kept) {
            let file = File::create(folder.join(name)).unwrap();
            file.set_modified(old).unwrap();
        }
        let _lock = SessionLock::acquire(folder).unwrap();
        for name in stale {
            assert!(!folder.join(name).exists(), "{name} should be gone");
        }
        for name in kept {
            assert!(folder.join(name).exists(), "{name} should stay");
        }
    }

    #[test]
    fn a_working_file_newer_than_the_lock_stays() {
        let dir = tempfile::tempdir().unwrap();
        let name = dir.path().join(".moderato-neu.tmp");
        File::create(&name).unwrap();
        remove_stale_temps(dir.path(), SystemTime::now() - Duration::from_secs(60));
        assert!(name.exists());
    }
}
