//! The open session with its undo history and save state. Knows nothing of egui, so its
//! rules are tested as plain code.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::model::Session;
use crate::storage::{self, SessionLock, StorageError};

/// How many edits undo remembers. A session is a few hundred KB at most, so this is cheap.
const MAX_UNDO: usize = 200;

/// The session being edited, where it lives, and what is saved of it.
pub struct Document {
    /// The live session; screens edit it directly, [`Document::commit`] turns changes into edits.
    pub session: Session,
    /// The session folder; `None` until the first save of a new session.
    folder: Option<PathBuf>,
    /// The state after the last committed edit.
    baseline: Session,
    /// What is on disk in `session.ron`.
    saved: Option<Session>,
    undo: Vec<Session>,
    redo: Vec<Session>,
    saved_at: Option<Timestamp>,
    /// Bumped on every committed edit, undo and redo; autosave compares it.
    revision: u64,
    autosaved_revision: u64,
    _lock: Option<SessionLock>,
}

impl Document {
    /// A session that is not on disk yet.
    pub fn new_unsaved(session: Session) -> Self {
        Self::build(session, None, None, None)
    }

    /// A session just loaded from `folder`.
    pub fn opened(session: Session, folder: PathBuf, lock: Option<SessionLock>) -> Self {
        let saved_at = std::fs::metadata(folder.join(storage::SESSION_FILE))
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| Timestamp::try_from(t).ok());
        let mut doc = Self::build(session.clone(), Some(folder), Some(session), lock);
        doc.saved_at = saved_at;
        doc
    }

    fn build(
        session: Session,
        folder: Option<PathBuf>,
        saved: Option<Session>,
        lock: Option<SessionLock>,
    ) -> Self {
        Self {
            baseline: session.clone(),
            session,
            folder,
            saved,
            undo: Vec::new(),
            redo: Vec::new(),
            saved_at: None,
            revision: 0,
            autosaved_revision: 0,
            _lock: lock,
        }
    }

    /// Lets go of the session folder's lock (before opening the same folder again).
    pub fn release_lock(&mut self) {
        self._lock = None;
    }

    /// The session as of the last committed edit.
    pub fn baseline(&self) -> &Session {
        &self.baseline
    }

    pub fn folder(&self) -> Option<&Path> {
        self.folder.as_deref()
    }

    /// Where autosave writes: the session folder, or a folder per unsaved session.
    pub fn autosave_folder(&self, unsaved_root: &Path) -> PathBuf {
        match &self.folder {
            Some(folder) => folder.clone(),
            None => unsaved_root.join(self.session.id.to_string()),
        }
    }

    /// Whether the live session differs from the saved file.
    pub fn is_dirty(&self) -> bool {
        self.saved.as_ref() != Some(&self.session)
    }

    pub fn saved_at(&self) -> Option<Timestamp> {
        self.saved_at
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty() || self.session != self.baseline
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Turns whatever changed since the last commit into one undoable edit.
    /// Returns whether there was a change.
    pub fn commit(&mut self) -> bool {
        if self.session == self.baseline {
            return false;
        }
        let before = std::mem::replace(&mut self.baseline, self.session.clone());
        self.undo.push(before);
        if self.undo.len() > MAX_UNDO {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.revision += 1;
        true
    }

    /// Undoes the last edit (committing a pending one first, so that is what is undone).
    pub fn undo(&mut self) -> bool {
        self.commit();
        let Some(previous) = self.undo.pop() else {
            return false;
        };
        let current = std::mem::replace(&mut self.session, previous);
        self.redo.push(current);
        self.baseline = self.session.clone();
        self.revision += 1;
        true
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self) -> bool {
        self.commit();
        let Some(next) = self.redo.pop() else {
            return false;
        };
        let current = std::mem::replace(&mut self.session, next);
        self.undo.push(current);
        self.baseline = self.session.clone();
        self.revision += 1;
        true
    }

    /// Replaces the whole session as one undoable edit (e.g. recovering an autosave).
    pub fn replace(&mut self, session: Session) {
        self.commit();
        self.session = session;
        self.commit();
    }

    /// Saves to the session folder, or to `folder` when given (save as).
    pub fn save(&mut self, folder: Option<&Path>) -> Result<(), StorageError> {
        self.commit();
        let target = match (folder, self.folder.as_deref()) {
            (Some(folder), _) | (None, Some(folder)) => folder.to_owned(),
            (None, None) => {
                return Err(StorageError::NotASession {
                    path: PathBuf::from("(new session)"),
                });
            }
        };
        storage::save(&target, &self.session)?;
        if self.folder.as_deref() != Some(target.as_path()) {
            self._lock = SessionLock::acquire(&target).ok();
        }
        // The autosave has nothing the saved file lacks now.
        let _ = storage::discard_autosave(&target);
        self.folder = Some(target);
        self.saved = Some(self.session.clone());
        self.saved_at = Some(Timestamp::now());
        self.autosaved_revision = self.revision;
        Ok(())
    }

    /// Whether there is something autosave has not written yet.
    pub fn needs_autosave(&self) -> bool {
        self.is_dirty()
            && (self.revision != self.autosaved_revision || self.session != self.baseline)
    }

    /// Writes the autosave file; the saved `session.ron` is untouched.
    pub fn autosave(&mut self, unsaved_root: &Path) -> Result<(), StorageError> {
        storage::write_autosave(&self.autosave_folder(unsaved_root), &self.session)?;
        self.autosaved_revision = self.revision;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionItem, ActionItemId};

    fn add_item(doc: &mut Document, title: &str) {
        doc.session.action_items.push(ActionItem {
            id: ActionItemId::generate(),
            title: title.into(),
            ..ActionItem::default()
        });
    }

    #[test]
    fn each_commit_is_one_undo_step() {
        let mut doc = Document::new_unsaved(Session::create("Werkstatt"));
        add_item(&mut doc, "Protokoll");
        assert!(doc.commit());
        assert!(!doc.commit(), "no change, no new edit");
        add_item(&mut doc, "Fotos");
        doc.commit();
        assert!(doc.undo());
        assert_eq!(doc.session.action_items.len(), 1);
        assert!(doc.undo());
        assert!(doc.session.action_items.is_empty());
        assert!(!doc.undo());
        assert!(doc.redo());
        assert!(doc.redo());
        assert_eq!(doc.session.action_items.len(), 2);
        assert!(!doc.redo());
    }

    #[test]
    fn undo_takes_a_pending_change_first_and_a_new_edit_clears_redo() {
        let mut doc = Document::new_unsaved(Session::create("Werkstatt"));
        add_item(&mut doc, "Protokoll");
        assert!(doc.undo(), "the uncommitted change is undone");
        assert!(doc.session.action_items.is_empty());
        add_item(&mut doc, "Fotos");
        doc.commit();
        assert!(!doc.can_redo());
    }

    #[test]
    fn saving_clears_dirty_and_undo_back_makes_it_dirty_again() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("werkstatt");
        let mut doc = Document::new_unsaved(Session::create("Werkstatt"));
        assert!(doc.is_dirty());
        doc.save(Some(&folder)).unwrap();
        assert!(!doc.is_dirty());
        add_item(&mut doc, "Protokoll");
        assert!(doc.is_dirty());
        doc.undo();
        assert!(!doc.is_dirty(), "back at the saved state");
    }
}
