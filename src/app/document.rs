//! The open session with its undo history and save state. Every change arrives as an
//! [`Edit`], is refused in read-only mode before it is applied, and is one undo step (typing
//! into one field is one step however many keystrokes it takes). Knows nothing of egui and
//! does no IO, so its rules are tested as plain code.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::session::Session;
use crate::session::edit::{Edit, TypingKey};
use crate::storage::SessionLock;

/// How many edits undo remembers. Each is a snapshot of the session before it.
const MAX_UNDO: usize = 200;

/// Identifies one state of the session, so that "is this what was saved?" needs no
/// comparison of whole sessions.
type StateId = u64;

/// Why an edit was not applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// The session is open read-only.
    ReadOnly,
}

/// The session being edited, where it lives, and what is saved of it.
pub struct Document {
    session: Session,
    state: StateId,
    next_state: StateId,
    /// The session folder; `None` until the first save of a new session.
    folder: Option<PathBuf>,
    /// The state that is in `session.ron`.
    saved: Option<StateId>,
    /// The state the autosave file holds.
    autosaved: Option<StateId>,
    undo: Vec<(Session, StateId)>,
    redo: Vec<(Session, StateId)>,
    /// The field being typed into: its edits join the last undo step.
    typing: Option<TypingKey>,
    saved_at: Option<Timestamp>,
    is_read_only: bool,
    lock: Option<SessionLock>,
}

impl Document {
    /// A session that is not on disk yet.
    pub fn new_unsaved(session: Session) -> Self {
        Self {
            session,
            state: 1,
            next_state: 2,
            folder: None,
            saved: None,
            autosaved: None,
            undo: Vec::new(),
            redo: Vec::new(),
            typing: None,
            saved_at: None,
            is_read_only: false,
            lock: None,
        }
    }

    /// A session just loaded from `folder` (saved at `saved_at`, the file's time).
    pub fn opened(
        session: Session,
        folder: PathBuf,
        lock: Option<SessionLock>,
        saved_at: Option<Timestamp>,
    ) -> Self {
        let mut doc = Self::new_unsaved(session);
        doc.folder = Some(folder);
        doc.saved = Some(doc.state);
        doc.autosaved = Some(doc.state);
        doc.saved_at = saved_at;
        doc.lock = lock;
        doc
    }

    /// The session as it is now.
    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn folder(&self) -> Option<&Path> {
        self.folder.as_deref()
    }

    /// Lets go of the session folder's lock (before opening the same folder again).
    pub fn release_lock(&mut self) {
        self.lock = None;
    }

    pub fn is_read_only(&self) -> bool {
        self.is_read_only
    }

    pub fn set_read_only(&mut self, is_read_only: bool) {
        self.is_read_only = is_read_only;
        self.end_typing();
    }

    /// Applies an edit as one undo step; edits typing into the field typed into last join
    /// its step. Returns whether the session changed.
    pub fn apply(&mut self, edit: Edit) -> Result<bool, Refused> {
        if self.is_read_only {
            return Err(Refused::ReadOnly);
        }
        Ok(self.record(edit))
    }

    /// Takes over what an autosave kept (the moderator's own typing from before a crash) as
    /// one undo step, also while the session is read-only: recovering is not editing.
    /// Returns whether the session changed.
    pub fn recover(&mut self, edit: Edit) -> bool {
        self.end_typing();
        self.record(edit)
    }

    fn record(&mut self, edit: Edit) -> bool {
        let key = edit.typing_key();
        let joins_step = key.is_some() && key == self.typing && !self.undo.is_empty();
        if joins_step {
            let changed = edit.apply(&mut self.session);
            if changed {
                self.state = self.new_state();
            }
            return changed;
        }
        let before = self.session.clone();
        if !edit.apply(&mut self.session) {
            return false;
        }
        self.undo.push((before, self.state));
        if self.undo.len() > MAX_UNDO {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.state = self.new_state();
        self.typing = key;
        true
    }

    /// Whether edits are typing into a field right now (its undo step is open).
    pub fn is_typing(&self) -> bool {
        self.typing.is_some()
    }

    /// The field typed into lost the focus: the next edit starts a new undo step.
    pub fn end_typing(&mut self) {
        self.typing = None;
    }

    fn new_state(&mut self) -> StateId {
        self.next_state += 1;
        self.next_state
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty() && !self.is_read_only
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty() && !self.is_read_only
    }

    /// Undoes the last edit.
    pub fn undo(&mut self) -> bool {
        if self.is_read_only {
            return false;
        }
        let Some((previous, state)) = self.undo.pop() else {
            return false;
        };
        let current = std::mem::replace(&mut self.session, previous);
        self.redo.push((current, self.state));
        self.state = state;
        self.typing = None;
        true
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self) -> bool {
        if self.is_read_only {
            return false;
        }
        let Some((next, state)) = self.redo.pop() else {
            return false;
        };
        let current = std::mem::replace(&mut self.session, next);
        self.undo.push((current, self.state));
        self.state = state;
        self.typing = None;
        true
    }

    /// Whether the session differs from what is in `session.ron`.
    pub fn is_dirty(&self) -> bool {
        self.saved != Some(self.state)
    }

    pub fn saved_at(&self) -> Option<Timestamp> {
        self.saved_at
    }

    /// What to write when saving: the session, and the state to report back with
    /// [`Document::saved_as`] once it is on disk.
    pub fn snapshot(&self) -> (Session, StateId) {
        (self.session.clone(), self.state)
    }

    /// A save of `state` into `folder` succeeded (maybe while editing went on).
    pub fn saved_as(
        &mut self,
        state: StateId,
        folder: PathBuf,
        lock: Option<SessionLock>,
        now: Timestamp,
    ) {
        if self.folder.as_deref() != Some(folder.as_path()) {
            self.lock = lock;
        }
        self.folder = Some(folder);
        self.saved = Some(state);
        self.autosaved = Some(state);
        self.saved_at = Some(now);
    }

    /// Whether there is something the autosave file does not hold yet.
    pub fn needs_autosave(&self) -> bool {
        self.is_dirty() && self.autosaved != Some(self.state)
    }

    /// An autosave of `state` was written.
    pub fn autosaved_as(&mut self, state: StateId) {
        self.autosaved = Some(state);
    }

    /// Where autosave writes: the session folder, or a folder per unsaved session.
    pub fn autosave_folder(&self, unsaved_root: &Path) -> PathBuf {
        match &self.folder {
            Some(folder) => folder.clone(),
            None => unsaved_root.join(self.session.id.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::ActionItemId;
    use crate::results::ActionItem;
    use crate::results::edit::{ActionText, ResultsEdit};
    use crate::session::edit::{MetaText, SessionEdit};

    fn add_item(doc: &mut Document, title: &str) -> ActionItemId {
        let id = ActionItemId::generate();
        doc.apply(
            ResultsEdit::AddAction(ActionItem {
                id,
                title: title.into(),
                ..ActionItem::default()
            })
            .into(),
        )
        .unwrap();
        id
    }

    #[test]
    fn each_edit_is_one_undo_step() {
        let mut doc = Document::new_unsaved(Session::create("Werkstatt"));
        add_item(&mut doc, "Protokoll");
        add_item(&mut doc, "Fotos");
        assert!(doc.undo());
        assert_eq!(doc.session().action_items.len(), 1);
        assert!(doc.undo());
        assert!(doc.session().action_items.is_empty());
        assert!(!doc.undo());
        assert!(doc.redo());
        assert!(doc.redo());
        assert_eq!(doc.session().action_items.len(), 2);
        assert!(!doc.redo());
    }

    #[test]
    fn typing_into_one_field_is_one_step_until_the_field_is_left() {
        let mut doc = Document::new_unsaved(Session::create(""));
        let id = add_item(&mut doc, "");
        for text in ["F", "Fo", "Fot", "Foto"] {
            let edit = ResultsEdit::SetActionText(id, ActionText::Title, text.into());
            doc.apply(edit.into()).unwrap();
        }
        doc.end_typing();
        let edit = ResultsEdit::SetActionText(id, ActionText::Title, "Fotos".into());
        doc.apply(edit.into()).unwrap();
        assert!(doc.undo());
        assert_eq!(doc.session().action_items[0].title, "Foto");
        assert!(doc.undo());
        assert_eq!(
            doc.session().action_items[0].title,
            "",
            "the typing was one step"
        );
    }

    #[test]
    fn a_new_edit_clears_redo_and_no_change_is_no_step() {
        let mut doc = Document::new_unsaved(Session::create("Werkstatt"));
        add_item(&mut doc, "Protokoll");
        doc.undo();
        add_item(&mut doc, "Fotos");
        assert!(!doc.can_redo());
        let same = SessionEdit::SetText(MetaText::Title, "Werkstatt".into());
        assert_eq!(doc.apply(same.into()), Ok(false));
        assert!(doc.undo());
        assert!(!doc.can_undo(), "the unchanged title added no step");
    }

    #[test]
    fn read_only_refuses_before_applying() {
        let mut doc = Document::new_unsaved(Session::create("Werkstatt"));
        doc.set_read_only(true);
        let edit = SessionEdit::SetText(MetaText::Title, "Anders".into());
        assert_eq!(doc.apply(edit.into()), Err(Refused::ReadOnly));
        assert_eq!(doc.session().meta.title, "Werkstatt");
        assert!(!doc.can_undo());
    }

    #[test]
    fn saving_clears_dirty_and_undo_back_makes_it_clean_again() {
        let mut doc = Document::new_unsaved(Session::create("Werkstatt"));
        assert!(doc.is_dirty());
        let (_, state) = doc.snapshot();
        doc.saved_as(
            state,
            PathBuf::from("werkstatt"),
            None,
            Timestamp::UNIX_EPOCH,
        );
        assert!(!doc.is_dirty());
        add_item(&mut doc, "Protokoll");
        assert!(doc.is_dirty());
        assert!(doc.needs_autosave());
        doc.undo();
        assert!(!doc.is_dirty(), "back at the saved state");
    }

    #[test]
    fn a_save_of_an_older_state_leaves_later_edits_unsaved() {
        let mut doc = Document::new_unsaved(Session::create("Werkstatt"));
        let (_, state) = doc.snapshot();
        add_item(&mut doc, "Während des Speicherns");
        doc.saved_as(
            state,
            PathBuf::from("werkstatt"),
            None,
            Timestamp::UNIX_EPOCH,
        );
        assert!(doc.is_dirty());
    }
}
