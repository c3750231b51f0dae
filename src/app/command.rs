//! What screens ask for: edits of the session and commands for the shell. Screens draw and
//! describe intent; the app applies both after the frame is drawn.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::agenda::live::LiveAction;
use crate::export::Kind as ExportKind;
use crate::i18n::{Lang, T, Text};
use crate::ids::PhotoId;
use crate::session::Session;
use crate::session::edit::Edit;

/// The workspace screens, in navigation order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Screen {
    #[default]
    Agenda,
    Board,
    Reflection,
    Photos,
    Results,
    Review,
}

impl Screen {
    pub const ALL: [Screen; 6] = [
        Screen::Agenda,
        Screen::Board,
        Screen::Reflection,
        Screen::Photos,
        Screen::Results,
        Screen::Review,
    ];

    pub fn label(self) -> T {
        match self {
            Screen::Agenda => T::Agenda,
            Screen::Board => T::Board,
            Screen::Reflection => T::Reflection,
            Screen::Photos => T::Photos,
            Screen::Results => T::Results,
            Screen::Review => T::Review,
        }
    }
}

/// What a path is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    Save,
    Consolidate,
    Compare,
    AttachPhoto,
    /// A photo of a pinboard to make a board from.
    PhotoBoard,
    Export(ExportKind),
    /// A folder the session browser lists too.
    BrowseFolder,
    /// The folder new sessions go to.
    SessionsFolder,
}

/// Something the user asked for that is more than an edit of the session.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Ask for a new session's title.
    NewSession,
    /// Start a new session with this title.
    CreateSession(String),
    /// Ask for a path with the file dialog (or typed, where there is none).
    ChoosePath(PathPurpose),
    /// Ask for a typed path.
    TypePath(PathPurpose),
    Open(PathBuf),
    /// Open a session to look at, with editing switched off.
    OpenReadOnly(PathBuf),
    /// Open the session another window holds, after the moderator was warned.
    OpenDespiteLock,
    Save,
    SaveAs(PathBuf),
    /// Write the autosave now (it is due).
    Autosave,
    /// Take over an autosave's session as one undoable edit.
    Recover(Box<Session>),
    /// Remove the autosave of this folder.
    DiscardAutosave(PathBuf),
    /// At start: look for the autosave of a never-saved session.
    LookForUnsavedWork,
    /// Close the window and keep nothing of the unsaved changes.
    CloseWithoutSaving,
    /// Save, then close the window.
    SaveAndClose,
    Undo,
    Redo,
    Show(Screen),
    SetLanguage(Lang),
    SetTheme(super::Theme),
    ToggleBrowser,
    RefreshBrowser,
    /// List this folder in the session browser too.
    AddBrowseFolder(PathBuf),
    /// New sessions go to this folder.
    SetSessionsFolder(PathBuf),
    Quit,
    /// A live timer control, applied at the clock's "now".
    Live(LiveAction),
    /// A live control the moderator confirmed (running a day that is not today).
    LiveConfirmed(LiveAction),
    /// A day recorded on another date begins a new run (its record kept), then the control.
    NewRun(crate::ids::AgendaDayId, LiveAction),
    /// A day recorded on another date continues its run, then the control.
    ContinueRun(crate::ids::AgendaDayId, LiveAction),
    ToggleProjector,
    ToggleHelp,
    /// Next speaker, back, pause … in the running speaking round.
    Round(crate::agenda::speaking::RoundAction),
    SetReadOnly(bool),
    Compare(PathBuf),
    CloseComparison,
    ConsolidateInto(PathBuf),
    /// Run the current consolidation again from its sources, with its decisions.
    Reconsolidate,
    AttachPhotos(Vec<PathBuf>),
    /// Find the board and cards in a photo (an attached one: its id), off the UI thread.
    DetectPhotoBoard(PathBuf, Option<crate::ids::PhotoId>),
    /// Make the reviewed cards (one undo step), the photo attached to the board.
    CreatePhotoBoard,
    ClosePhotoBoard,
    PreviewPhoto(PhotoId),
    ClosePreview,
    Export(ExportKind, PathBuf),
    /// Open a file or folder with the system's program for it.
    OpenWithSystem(PathBuf),
    /// Say something in the status line ("3 cards moved").
    Say(String),
    /// Stop a running background job.
    CancelJob(crate::jobs::JobId),
    /// Suggest groups of these cards (id, text) by meaning, off the UI thread.
    SuggestGroups {
        board: crate::ids::BoardId,
        cards: Vec<(crate::ids::CardId, String)>,
        tightness: f32,
    },
}

/// The edits and commands of one frame, in the order they were asked for.
#[derive(Debug, Default)]
pub struct Intents {
    pub edits: Vec<Edit>,
    pub commands: Vec<Command>,
}

/// What a screen gets to draw and to ask for things.
pub struct Cx<'a> {
    pub session: &'a Session,
    pub lang: Lang,
    pub now: Timestamp,
    pub is_read_only: bool,
    pub folder: Option<&'a Path>,
    pub intents: &'a mut Intents,
}

impl Cx<'_> {
    /// Asks for an edit of the session.
    pub fn edit(&mut self, edit: impl Into<Edit>) {
        self.intents.edits.push(edit.into());
    }

    /// Asks for a command.
    pub fn command(&mut self, command: Command) {
        self.intents.commands.push(command);
    }

    /// A text in the UI language.
    pub fn tr(&self, key: impl Text) -> &'static str {
        key.get(self.lang)
    }
}
