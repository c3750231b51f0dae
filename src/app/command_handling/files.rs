//! Sessions on disk: opening (and what opening asks), the example, saving, autosave and
//! its recovery or removal, the unsaved work kept when the window closes, the browser's
//! list. Every disk access starts here, as a job on the disk lane or a worker.

use std::path::PathBuf;

use crate::app::ModeratoApp;
use crate::app::work::open::{find_unsaved_recovery, read_session};
use crate::app::work::{JobKind, Output};
use crate::i18n::Describe as _;
use crate::session::Session;
use crate::session::edit::Edit;
use crate::storage::{self, SessionLock};

impl ModeratoApp {
    /// Writes the autosave now that it is due (on the disk lane, after any save).
    pub(super) fn autosave(&mut self) {
        if self.work.is_running(JobKind::Autosave) {
            return;
        }
        let (session, state) = self.doc.snapshot();
        let folder = self.doc.autosave_folder(&self.unsaved_root());
        self.work
            .spawn(JobKind::Autosave, move |_| Output::Autosaved {
                state,
                result: storage::write_autosave(&folder, &session),
            });
    }

    /// The moderator recovers an autosave: one undoable edit, also in a read-only view (it
    /// is what the moderator had typed in this window before).
    pub(super) fn recover(&mut self, session: Session) {
        self.doc.recover(Edit::Replace(Box::new(session)));
    }

    /// The moderator does not want an autosave: it is removed on the disk lane.
    pub(super) fn discard_autosave(&mut self, folder: PathBuf) {
        self.work.spawn(JobKind::Discard, move |_| {
            Output::Discarded(storage::discard_autosave(&folder))
        });
    }

    /// At start without a session: the newest autosave of a never-saved one, to offer.
    pub(super) fn look_for_unsaved_work(&mut self) {
        let root = self.unsaved_root();
        self.work.spawn(JobKind::Open, move |_| {
            Output::UnsavedRecovery(find_unsaved_recovery(&root))
        });
    }

    /// The moderator opens a session another window has open, knowing the risk.
    pub(super) fn open_despite_lock(&mut self) {
        if let Some(waiting) = self.shell.waiting.take() {
            self.adopt(
                waiting.session,
                waiting.folder,
                None,
                waiting.recovery,
                waiting.saved_at,
                waiting.read_only,
            );
        }
    }

    /// Before closing or switching sessions: unsaved changes go to the autosave, written
    /// now, so nothing is lost.
    pub(in crate::app) fn keep_unsaved_work_now(&mut self) {
        if self.shell.discard_on_exit {
            let folder = self.doc.autosave_folder(&self.unsaved_root());
            let _ = storage::discard_autosave(&folder);
            return;
        }
        for (_, result) in self.work.finish() {
            if let Ok(Output::Saved {
                state,
                folder,
                lock,
                result: Ok(()),
            }) = result
            {
                let now = self.options.clock.now();
                self.doc.saved_as(state, folder, lock, now);
            }
        }
        if !self.doc.is_dirty() {
            return;
        }
        if self.doc.folder().is_none() && self.doc.session().meta.title.trim().is_empty() {
            return;
        }
        let folder = self.doc.autosave_folder(&self.unsaved_root());
        if let Err(e) = storage::write_autosave(&folder, self.doc.session()) {
            eprintln!("moderato: {}", e.describe(self.lang()));
        }
    }

    /// Starts reading a session; it becomes the current one when it arrives.
    pub(in crate::app) fn open(&mut self, path: PathBuf, read_only: bool) {
        let folder = storage::SessionPaths::resolve(&path).folder;
        if self.doc.folder() == Some(folder.as_path()) {
            // Opening the session that is already open here: our own lock must not warn.
            self.doc.release_lock();
        }
        self.work.spawn(JobKind::Open, move |_| Output::Opened {
            read_only,
            result: Box::new(read_session(&path)),
        });
    }

    pub(super) fn list_sessions(&mut self) {
        let folders = self.browse_folders();
        self.shell.browser = None;
        self.work.spawn(JobKind::List, move |_| {
            Output::Listed(
                folders
                    .into_iter()
                    .map(|folder| {
                        let rows = storage::list_sessions(&folder);
                        (folder, rows)
                    })
                    .collect(),
            )
        });
    }

    /// Writes the built-in example into the sessions folder (once) and opens that copy.
    pub(in crate::app) fn open_example(&mut self) {
        let dir = self.sessions_dir();
        self.work.spawn(JobKind::Open, move |_| {
            let result =
                storage::places::write_example(&dir).and_then(|folder| read_session(&folder));
            Output::Opened {
                read_only: false,
                result: Box::new(result),
            }
        });
    }

    /// Saves the session as it is now; editing goes on while it is written.
    pub(super) fn save(&mut self, folder: PathBuf) {
        let (session, state) = self.doc.snapshot();
        let is_new_folder = self.doc.folder() != Some(folder.as_path());
        let unsaved_autosave = self.unsaved_root().join(session.id.to_string());
        self.work.spawn(JobKind::Save, move |_| {
            let result = storage::save(&folder, &session);
            if result.is_ok() {
                // The autosave has nothing the saved file lacks now; nor has a never-saved
                // session's scratch autosave.
                let _ = storage::discard_autosave(&folder);
                let _ = storage::discard_autosave(&unsaved_autosave);
            }
            let lock = (result.is_ok() && is_new_folder)
                .then(|| SessionLock::acquire(&folder).ok())
                .flatten();
            Output::Saved {
                state,
                folder,
                lock,
                result,
            }
        });
    }
}
