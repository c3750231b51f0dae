//! The app's background work, all through one [`JobRunner`]: opening, saving, autosave,
//! listing sessions, comparing, consolidating, exporting, attaching photos, decoding pictures
//! and suggesting groups. Jobs are started in `command_handling.rs` only; their results come
//! back here (`results.rs`) and become edits, modals or textures; a job that fails
//! unexpectedly says so instead of leaving a spinner turning. Opening a session is a flow of
//! its own (`open.rs`): read, lock, offer the autosave, adopt.

pub mod open;
mod results;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::consolidate::run::{ConsolidateError, Outcome};
use crate::export::ExportError;
use crate::ids::PhotoId;
use crate::jobs::{JobFailure, JobId, JobRunner, Lane, Progress};
use crate::photos::{Photo, PhotoError};
use crate::session::Session;
use crate::storage::{LockError, Recovery, SessionListing, SessionLock, StorageError};

/// What a job is, for the status line and for "is it still running?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JobKind {
    Open,
    Save,
    Autosave,
    List,
    Compare,
    Consolidate,
    Reconsolidate,
    Export,
    /// Removing an autosave the moderator did not want.
    Discard,
    Attach,
    Picture,
    Suggest,
    /// Finding a board in a photo, and copying that photo into the session.
    PhotoBoard,
}

/// A session read from disk, ready to be adopted.
pub struct Opened {
    pub session: Session,
    pub folder: PathBuf,
    pub lock: Result<SessionLock, LockError>,
    pub recovery: Option<Recovery>,
    pub saved_at: Option<jiff::Timestamp>,
    /// What loading put right (the file changes only when saved).
    pub repairs: Vec<crate::session::Repair>,
}

/// What a job hands back.
pub enum Output {
    Opened {
        read_only: bool,
        result: Box<Result<Opened, StorageError>>,
    },
    UnsavedRecovery(Option<(PathBuf, Box<Recovery>)>),
    Saved {
        state: u64,
        folder: PathBuf,
        lock: Option<SessionLock>,
        result: Result<(), StorageError>,
    },
    Autosaved {
        state: u64,
        result: Result<(), StorageError>,
    },
    Discarded(Result<(), StorageError>),
    /// Each folder the browser lists, with its sessions.
    Listed(Vec<(PathBuf, Vec<SessionListing>)>),
    Compared(Box<Result<Session, StorageError>>, PathBuf),
    Consolidated(Box<Result<Outcome, ConsolidateError>>),
    Reconsolidated(Box<Result<Session, ConsolidateError>>),
    Exported(
        Result<crate::export::Written, ExportError>,
        PathBuf,
        crate::export::Kind,
    ),
    Attached {
        /// With their thumbnails, decoded in the same pass.
        photos: Vec<(Photo, egui::ColorImage)>,
        problems: Vec<PhotoError>,
    },
    Suggested {
        board: crate::ids::BoardId,
        suggestion: crate::board::grouping::Suggestion<crate::ids::CardId>,
    },
    Picture {
        id: Option<PhotoId>,
        path: String,
        side: u32,
        result: Result<egui::ColorImage, PhotoError>,
    },
    /// A photo's board and cards, with the photo scaled down to look at and its full size.
    PhotoBoardFound(Result<(crate::pinboard::Detection, egui::ColorImage, [f32; 2]), String>),
    /// The photo of a board from a photo, copied into the session.
    PhotoBoardPhoto(Result<(Photo, Vec<String>), PhotoError>),
}

/// The runner and what runs.
pub struct Work {
    runner: JobRunner<Output>,
    running: BTreeMap<JobId, JobKind>,
}

impl Work {
    pub fn new(ctx: &egui::Context) -> Self {
        let ctx = ctx.clone();
        Self {
            runner: JobRunner::new(Arc::new(move || ctx.request_repaint())),
            running: BTreeMap::new(),
        }
    }

    /// Starts a job.
    pub fn spawn(
        &mut self,
        kind: JobKind,
        work: impl FnOnce(&Progress) -> Output + Send + 'static,
    ) -> JobId {
        let lane = match kind {
            JobKind::Save | JobKind::Autosave | JobKind::Discard => Lane::Disk,
            _ => Lane::Work,
        };
        let id = self.runner.spawn(lane, work);
        self.running.insert(id, kind);
        id
    }

    pub fn is_busy(&self) -> bool {
        self.runner.is_busy()
    }

    pub fn is_running(&self, kind: JobKind) -> bool {
        self.running.values().any(|k| *k == kind)
    }

    /// The first running job of a kind, with its progress.
    pub fn running(&self, kind: JobKind) -> Option<(JobId, Option<f32>)> {
        self.running
            .iter()
            .find(|(_, k)| **k == kind)
            .map(|(id, _)| (*id, self.runner.progress(*id).and_then(Progress::fraction)))
    }

    pub fn cancel(&self, id: JobId) {
        self.runner.cancel(id);
    }

    pub(super) fn poll(&mut self) -> Vec<(JobKind, Result<Output, JobFailure>)> {
        self.runner
            .poll()
            .into_iter()
            .filter_map(|(id, result)| Some((self.running.remove(&id)?, result)))
            .collect()
    }

    /// Waits for the disk jobs before the app closes.
    pub fn finish(&mut self) -> Vec<(JobKind, Result<Output, JobFailure>)> {
        let finished = self.runner.wait_idle(std::time::Duration::from_secs(10));
        finished
            .into_iter()
            .filter_map(|(id, result)| Some((self.running.remove(&id)?, result)))
            .collect()
    }
}
