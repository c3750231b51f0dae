//! Warns when two running Moderato instances open the same session.
//!
//! The lock is an OS file lock on `.moderato.lock` in the session folder, so it disappears with
//! the process that held it, also after a crash: there are no stale locks to clean up.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read as _, Seek as _, Write as _};
use std::path::{Path, PathBuf};

/// The lock file inside a session folder.
pub const LOCK_FILE: &str = ".moderato.lock";

/// Held while a session is open in this process.
#[derive(Debug)]
pub struct SessionLock {
    _file: File,
    folder: PathBuf,
}

/// Why a session could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "This session is open in another Moderato window (process {holder}). \
         Saving here could overwrite the changes made there."
    )]
    HeldElsewhere { holder: String },
    #[error("Could not lock {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl SessionLock {
    /// Takes the lock of a session folder; fails if another process holds it.
    pub fn acquire(folder: &Path) -> Result<Self, LockError> {
        let path = folder.join(LOCK_FILE);
        let io_error = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        std::fs::create_dir_all(folder).map_err(io_error)?;
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io_error)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = holder.trim();
                return Err(LockError::HeldElsewhere {
                    holder: if holder.is_empty() {
                        "unknown".into()
                    } else {
                        holder.into()
                    },
                });
            }
            Err(TryLockError::Error(e)) => return Err(io_error(e)),
        }
        // Who holds it, for the other instance's message. Failing to write this is harmless.
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = write!(file, "{}", std::process::id());
        Ok(Self {
            _file: file,
            folder: folder.to_owned(),
        })
    }

    /// The folder this lock guards.
    pub fn folder(&self) -> &Path {
        &self.folder
    }
}
