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
                    holder: holder.to_owned(),
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
