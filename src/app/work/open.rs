//! Opening a session: read on a worker (with its lock, an autosave to offer and the file's
//! time), then adopted here. A session another window holds waits in the shell until the
//! moderator decides; an autosave newer than the file is offered before editing starts.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::Opened;
use crate::app::ModeratoApp;
use crate::app::shell::{Modal, Waiting};
use crate::i18n::Describe as _;
use crate::session::Session;
use crate::storage::{self, LockError, Recovery, SessionLock, StorageError};

impl ModeratoApp {
    /// A session arrived from disk: adopted, or held back while the moderator is asked about
    /// a lock another window holds.
    pub(in crate::app) fn opened(&mut self, opened: Opened, read_only: bool) {
        let Opened {
            session,
            folder,
            lock,
            recovery,
            saved_at,
            repairs,
        } = opened;
        if !repairs.is_empty() {
            let lang = self.lang();
            let mut lines = vec![crate::i18n::M::RepairsIntro.get(lang).to_owned()];
            lines.extend(crate::i18n::repair_lines(&repairs, 12, lang));
            self.shell.pending_warning = Some(lines.join("\n"));
        }
        match lock {
            Ok(lock) => self.adopt(session, folder, Some(lock), recovery, saved_at, read_only),
            Err(e @ LockError::HeldElsewhere { .. }) => {
                self.shell.modal = Some(Modal::LockConflict {
                    folder: folder.clone(),
                    message: e.describe(self.lang()),
                });
                self.shell.waiting = Some(Waiting {
                    session,
                    folder,
                    recovery,
                    saved_at,
                    read_only,
                });
            }
            // A read-only folder cannot hold a lock file; the session still opens.
            Err(LockError::Io { .. }) => {
                self.adopt(session, folder, None, recovery, saved_at, read_only);
            }
        }
    }

    /// Makes a loaded session the current one and offers a newer autosave.
    pub(in crate::app) fn adopt(
        &mut self,
        session: Session,
        folder: PathBuf,
        lock: Option<SessionLock>,
        recovery: Option<Recovery>,
        saved_at: Option<Timestamp>,
        read_only: bool,
    ) {
        self.prefs.remember(&folder);
        self.doc = crate::app::Document::opened(session, folder.clone(), lock, saved_at);
        self.doc.set_read_only(read_only);
        self.photos.clear();
        self.screens.session_changed();
        // Phones were open for the previous session; they are out with it.
        self.phones = crate::app::phones::Phones::default();
        self.shell.browser = None;
        self.shell.is_browser_open = false;
        if let Some(recovery) = recovery {
            self.shell.modal = Some(Modal::Recover {
                folder,
                recovery: Box::new(recovery),
            });
        } else if let Some(warning) = self.shell.pending_warning.take() {
            self.shell.show_error(warning);
        }
    }
}

/// Reads a session folder with what opening it needs: the lock, an autosave to offer, the
/// file's time. Runs on a worker.
pub fn read_session(path: &Path) -> Result<Opened, StorageError> {
    let storage::Loaded { session, repairs } = storage::load_reporting(path)?;
    let folder = storage::SessionPaths::resolve(path).folder;
    let saved_at = std::fs::metadata(folder.join(storage::SESSION_FILE))
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| Timestamp::try_from(t).ok());
    Ok(Opened {
        lock: SessionLock::acquire(&folder),
        recovery: storage::find_recovery(&folder),
        session,
        folder,
        saved_at,
        repairs,
    })
}

/// At start without a session: the newest autosave of a never-saved session. Runs on a
/// worker.
pub fn find_unsaved_recovery(root: &Path) -> Option<(PathBuf, Box<Recovery>)> {
    let entries = std::fs::read_dir(root).ok()?;
    entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter_map(|folder| storage::find_recovery(&folder).map(|r| (folder, Box::new(r))))
        .max_by_key(|(_, recovery)| recovery.written)
}
