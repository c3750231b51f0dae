//! The app's background work, all through one [`JobRunner`]: opening, saving, autosave,
//! listing sessions, comparing, consolidating, exporting, attaching photos and decoding
//! pictures. Results come back here and become edits, modals or textures; a job that fails
//! unexpectedly says so instead of leaving a spinner turning.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use jiff::Timestamp;

use super::shell::Modal;
use super::{ModeratoApp, Screen};
use crate::consolidate::run::{ConsolidateError, Outcome};
use crate::export::ExportError;
use crate::i18n::{Describe as _, T};
use crate::jobs::{JobFailure, JobId, JobRunner, Lane, Progress};
use crate::model::{Photo, PhotoId, Session};
use crate::photos::import::PhotoError;
use crate::session::edit::Edit;
use crate::storage::{self, LockError, Recovery, SessionListing, SessionLock, StorageError};

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
    Attach,
    Picture,
    Suggest,
}

/// A session read from disk, ready to be adopted.
pub struct Opened {
    pub session: Session,
    pub folder: PathBuf,
    pub lock: Result<SessionLock, LockError>,
    pub recovery: Option<Recovery>,
    pub saved_at: Option<Timestamp>,
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
    /// Each folder the browser lists, with its sessions.
    Listed(Vec<(PathBuf, Vec<SessionListing>)>),
    Compared(Box<Result<Session, StorageError>>),
    Consolidated(Box<Result<Outcome, ConsolidateError>>),
    Reconsolidated(Box<Result<Session, ConsolidateError>>),
    Exported(Result<crate::export::Written, ExportError>, PathBuf),
    Attached {
        /// With their thumbnails, decoded in the same pass.
        photos: Vec<(Photo, egui::ColorImage)>,
        problems: Vec<PhotoError>,
    },
    Suggested {
        board: crate::model::BoardId,
        suggestion: crate::board::grouping::Suggestion<crate::model::CardId>,
    },
    Picture {
        id: PhotoId,
        path: String,
        side: u32,
        result: Result<egui::ColorImage, PhotoError>,
    },
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
            JobKind::Save | JobKind::Autosave => Lane::Disk,
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

    fn poll(&mut self) -> Vec<(JobKind, Result<Output, JobFailure>)> {
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

impl ModeratoApp {
    /// Collects finished jobs and acts on them.
    pub(super) fn poll_jobs(&mut self, ctx: &egui::Context) {
        for (kind, result) in self.work.poll() {
            match result {
                Ok(output) => self.finished(ctx, output),
                Err(failure) => {
                    if kind == JobKind::Autosave {
                        self.shell.status = Some(failure.describe(self.lang()));
                    } else {
                        self.shell.show_error(failure.describe(self.lang()));
                    }
                }
            }
        }
        // At start without a session: offer the newest autosave of a never-saved one.
        if self.shell.offer_unsaved_recovery && !self.work.is_running(JobKind::Open) {
            self.shell.offer_unsaved_recovery = false;
            if self.doc.folder().is_none() {
                let root = self.unsaved_root();
                self.work.spawn(JobKind::Open, move |_| {
                    Output::UnsavedRecovery(find_unsaved_recovery(&root))
                });
            }
        }
    }

    fn finished(&mut self, ctx: &egui::Context, output: Output) {
        let lang = self.lang();
        match output {
            Output::Opened { read_only, result } => match *result {
                Ok(opened) => self.opened(opened, read_only),
                Err(e) => self.shell.show_error(e.describe(lang)),
            },
            Output::UnsavedRecovery(found) => {
                if let Some((folder, recovery)) = found
                    && self.doc.folder().is_none()
                    && self.shell.modal.is_none()
                {
                    self.shell.modal = Some(Modal::Recover { folder, recovery });
                }
            }
            Output::Saved {
                state,
                folder,
                lock,
                result,
            } => match result {
                Ok(()) => {
                    self.prefs.remember(&folder);
                    self.doc.saved_as(state, folder, lock);
                    self.shell.status = Some(self.tr(T::Saved).to_owned());
                    if self.shell.close_after_save && !self.doc.is_dirty() {
                        self.shell.may_close = true;
                        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                    }
                }
                Err(e) => {
                    let message = e.describe(lang);
                    let nothing_changed = self.tr(T::NothingChanged);
                    self.shell
                        .show_error(format!("{message}\n\n{nothing_changed}"));
                }
            },
            Output::Autosaved { state, result } => match result {
                Ok(()) => self.doc.autosaved_as(state),
                Err(e) => self.shell.status = Some(e.describe(lang)),
            },
            Output::Listed(rows) => self.shell.browser = Some(rows),
            Output::Compared(result) => match *result {
                Ok(session) => self.screens.review.compare = Some(Box::new(session)),
                Err(e) => self.shell.show_error(e.describe(lang)),
            },
            Output::Consolidated(result) => {
                self.shell.browser_selected.clear();
                match *result {
                    Ok(outcome) => {
                        let warnings: Vec<String> =
                            outcome.warnings.iter().map(|w| w.describe(lang)).collect();
                        self.open(outcome.out, false);
                        self.shell.screen = Screen::Review;
                        self.shell.status = Some(self.tr(T::Consolidated).to_owned());
                        if !warnings.is_empty() {
                            self.shell.pending_warning = Some(warnings.join("\n"));
                        }
                    }
                    Err(e) => self.shell.show_error(e.describe(lang)),
                }
            }
            Output::Reconsolidated(result) => match *result {
                Ok(session) => {
                    let said = applied_decisions(self.doc.session(), lang);
                    self.apply(Edit::Replace(Box::new(session)));
                    self.shell.status = Some(said);
                }
                Err(e) => self.shell.show_error(e.describe(lang)),
            },
            Output::Exported(result, target) => match result {
                Ok(written) => {
                    let left_out = written.left_out.iter().map(|e| e.describe(lang)).collect();
                    self.shell.modal = Some(Modal::Exported(target, left_out));
                }
                Err(e) => self.shell.show_error(e.describe(lang)),
            },
            Output::Suggested { board, suggestion } => {
                let taken = self
                    .doc
                    .session()
                    .board(board)
                    .map(|b| {
                        b.clusters
                            .iter()
                            .flat_map(|c| c.cards.iter().copied())
                            .collect()
                    })
                    .unwrap_or_default();
                let state = self.screens.board.boards.entry(board).or_default();
                state.suggestions =
                    crate::board::grouping::without_taken(suggestion.groups, &taken);
                state.suggested_by = Some(suggestion.method);
                if state.suggestions.is_empty() {
                    self.shell.status = Some(self.tr(T::NoGroupsFound).to_owned());
                }
            }
            Output::Attached { photos, problems } => {
                if let Some((last, _)) = photos.last() {
                    self.screens.photos.selected = Some(last.id);
                }
                let photos: Vec<Photo> = photos
                    .into_iter()
                    .map(|(photo, thumbnail)| {
                        self.photos.thumbnail_ready(ctx, &photo, thumbnail);
                        photo
                    })
                    .collect();
                if !photos.is_empty() {
                    let edit = crate::photos::edit::PhotoEdit::attach(self.doc.session(), photos);
                    self.apply(edit.into());
                }
                if !problems.is_empty() {
                    let lines: Vec<String> = problems.iter().map(|p| p.describe(lang)).collect();
                    let heading = self.tr(T::NotAttached);
                    // Files of one attach arrive one by one: one list under one heading.
                    match &mut self.shell.modal {
                        Some(Modal::Error(shown)) if shown.starts_with(heading) => {
                            shown.push('\n');
                            shown.push_str(&lines.join("\n"));
                        }
                        _ => self
                            .shell
                            .show_error(format!("{heading}\n\n{}", lines.join("\n"))),
                    }
                }
            }
            Output::Picture {
                id,
                path,
                side,
                result,
            } => self.photos.arrived(ctx, id, path, side, result, lang),
        }
    }

    /// Runs once per frame before drawing: dropped files, the timers' signals and repaints,
    /// autosave.
    pub(super) fn tick(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.intents
                .commands
                .push(super::Command::AttachPhotos(dropped));
        }
        let now = self.options.clock.now();
        let agenda = &self.doc.session().agenda;
        let current = crate::agenda::timing::current(agenda, now)
            .and_then(|at| agenda.days.get(at.day)?.items.get(at.item));
        let timer = current.map(|item| (item.id, crate::agenda::timing::ItemTimer::of(item, now)));
        // The end of a timebox is signalled once per item.
        if let Some((id, timer)) = timer
            && timer.urgency() == crate::agenda::timing::Urgency::TimeUp
            && self.shell.signalled_item != Some(id)
        {
            self.shell.signalled_item = Some(id);
            super::sound::play_signal();
        }
        // The end of a turn is signalled once per turn (a turn begun again counts anew).
        let round = crate::agenda::speaking::running(agenda, now);
        if let Some((item, log, _)) = round
            && let Some(key) = log.signal_key(now)
            && self.shell.signalled_turn != Some((item.id, key))
        {
            self.shell.signalled_turn = Some((item.id, key));
            super::sound::play_signal();
        }
        let timer_wait = timer.and_then(|(_, timer)| timer.until_next_second());
        let speaking_wait =
            round.map(|(_, _, turn)| crate::agenda::speaking::until_next_second(&turn));
        if let Some(wait) = timer_wait.into_iter().chain(speaking_wait).min() {
            ctx.request_repaint_after(wait);
        }
        self.autosave_when_due(ctx);
    }

    fn autosave_when_due(&mut self, ctx: &egui::Context) {
        if !self.doc.needs_autosave() || self.work.is_running(JobKind::Autosave) {
            return;
        }
        // A never-saved session without a title is not worth keeping yet.
        if self.doc.folder().is_none() && self.doc.session().meta.title.trim().is_empty() {
            return;
        }
        let wait = self.shell.last_edit_time + super::AUTOSAVE_DELAY_SECS - ctx.input(|i| i.time);
        if wait > 0.0 {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
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

    /// Before closing or switching sessions: unsaved changes go to the autosave, written
    /// now, so nothing is lost.
    pub(super) fn keep_unsaved_work_now(&mut self) {
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
                self.doc.saved_as(state, folder, lock);
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
    pub(super) fn open(&mut self, path: PathBuf, read_only: bool) {
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

    fn opened(&mut self, opened: Opened, read_only: bool) {
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
                    folder,
                    session: Box::new(session),
                    message: e.describe(self.lang()),
                    recovery: recovery.map(Box::new),
                    saved_at,
                });
            }
            // A read-only folder cannot hold a lock file; the session still opens.
            Err(LockError::Io { .. }) => {
                self.adopt(session, folder, None, recovery, saved_at, read_only);
            }
        }
    }

    /// Makes a loaded session the current one and offers a newer autosave.
    pub(super) fn adopt(
        &mut self,
        session: Session,
        folder: PathBuf,
        lock: Option<SessionLock>,
        recovery: Option<Recovery>,
        saved_at: Option<Timestamp>,
        read_only: bool,
    ) {
        self.prefs.remember(&folder);
        self.doc = super::Document::opened(session, folder.clone(), lock, saved_at);
        self.doc.set_read_only(read_only);
        self.photos.clear();
        self.screens.session_changed();
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
pub(super) fn read_session(path: &std::path::Path) -> Result<Opened, StorageError> {
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
pub(super) fn find_unsaved_recovery(root: &std::path::Path) -> Option<(PathBuf, Box<Recovery>)> {
    let entries = std::fs::read_dir(root).ok()?;
    entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter_map(|folder| storage::find_recovery(&folder).map(|r| (folder, Box::new(r))))
        .max_by_key(|(_, recovery)| recovery.written)
}

/// What applying the merge decisions does, in words ("3 clusters merged, 1 kept apart"), from
/// the session before they are applied.
fn applied_decisions(session: &Session, lang: crate::i18n::Lang) -> String {
    use crate::i18n::plural;
    use crate::model::{DecisionState, MergeKind};
    let chosen = crate::consolidate::facilitator_decisions(session);
    let decisions: Vec<&crate::model::MergeDecision> = session
        .provenance
        .iter()
        .flat_map(|p| p.decisions.iter().enumerate())
        .filter(|(i, _)| chosen.contains(i))
        .map(|(_, d)| d)
        .collect();
    let count = |kind: Option<MergeKind>, state: DecisionState| {
        decisions
            .iter()
            .filter(|d| d.state == state && kind.is_none_or(|k| d.kind == k))
            .count() as u64
    };
    let mut parts = Vec::new();
    for (kind, one, many) in [
        (
            MergeKind::Cluster,
            T::AppliedClusterMerged,
            T::AppliedClustersMerged,
        ),
        (
            MergeKind::ActionItem,
            T::AppliedItemMerged,
            T::AppliedItemsMerged,
        ),
        (
            MergeKind::Result,
            T::AppliedResultMerged,
            T::AppliedResultsMerged,
        ),
    ] {
        let n = count(Some(kind), DecisionState::Accepted);
        if n > 0 {
            parts.push(plural(n, one, many, lang));
        }
    }
    let apart = count(None, DecisionState::Rejected);
    if apart > 0 {
        parts.push(plural(
            apart,
            T::AppliedKeptApart,
            T::AppliedKeptApart,
            lang,
        ));
    }
    if parts.is_empty() {
        T::AppliedNothing.get(lang).to_owned()
    } else {
        parts.join(", ")
    }
}
