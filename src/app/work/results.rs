//! What finished jobs become: the document saved or adopted, modals, edits, textures.

use crate::app::screens::review::Comparison;
use crate::app::shell::Modal;
use crate::app::{Command, ModeratoApp, Screen};
use crate::i18n::{Describe as _, Lang, T, fill};
use crate::jobs::JobFailure;
use crate::photos::{Photo, PhotoError};
use crate::session::Session;
use crate::session::edit::Edit;
use crate::storage::StorageError;

use super::{JobKind, Output};

impl ModeratoApp {
    /// Collects finished jobs and acts on them.
    pub(in crate::app) fn poll_jobs(&mut self, ctx: &egui::Context) {
        for (kind, result) in self.work.poll() {
            match result {
                Ok(output) => self.finished(ctx, output),
                Err(failure) => self.job_failed(kind, &failure),
            }
        }
        // At start without a session: offer the newest autosave of a never-saved one.
        if self.shell.offer_unsaved_recovery && !self.work.is_running(JobKind::Open) {
            self.shell.offer_unsaved_recovery = false;
            if self.doc.folder().is_none() {
                self.intents.commands.push(Command::LookForUnsavedWork);
            }
        }
    }

    fn job_failed(&mut self, kind: JobKind, failure: &JobFailure) {
        if matches!(kind, JobKind::Autosave | JobKind::Discard) {
            self.shell.status = Some(failure.describe(self.lang()));
        } else {
            self.shell.show_error(failure.describe(self.lang()));
        }
    }

    fn finished(&mut self, ctx: &egui::Context, output: Output) {
        let lang = self.lang();
        match output {
            Output::Opened { read_only, result } => match *result {
                Ok(opened) => {
                    // What was typed into the last session's fields is not this one's.
                    crate::app::widgets::forget_unread_fields(ctx);
                    self.opened(opened, read_only);
                }
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
            } => self.saved(ctx, state, folder, lock, result),
            Output::Autosaved { state, result } => match result {
                Ok(()) => self.doc.autosaved_as(state),
                Err(e) => self.shell.status = Some(e.describe(lang)),
            },
            Output::Discarded(result) => {
                if let Err(e) = result {
                    self.shell.status = Some(e.describe(lang));
                }
            }
            Output::Listed(rows) => self.shell.browser = Some(rows),
            Output::Compared(result, folder) => match *result {
                Ok(session) => {
                    self.screens.review.compare = Some(Comparison::new(session, folder));
                }
                Err(e) => self.shell.show_error(e.describe(lang)),
            },
            Output::Consolidated(result) => self.consolidated(*result, lang),
            Output::Reconsolidated(result) => match *result {
                Ok(session) => {
                    // The decisions' result is saved at once, and the status line says so
                    // once it is (or the error dialog says why not).
                    let said = applied_decisions(self.doc.session(), lang);
                    self.apply(Edit::Replace(Box::new(session)));
                    self.shell.status = Some(format!("{said} \u{b7} {}", self.tr(T::Saving)));
                    self.shell.said_after_save = Some(said);
                    self.intents.commands.push(Command::Save);
                }
                Err(e) => self.shell.show_error(e.describe(lang)),
            },
            Output::Exported(result, target, kind) => match result {
                Ok(written) => {
                    let left_out = written.left_out.iter().map(|e| e.describe(lang)).collect();
                    self.shell.modal = Some(Modal::Exported(target, left_out));
                }
                // A folder that does not exist: the path dialog again, with what was typed.
                Err(e @ crate::export::ExportError::FolderMissing(_)) => {
                    self.shell.modal = Some(Modal::TypedPath {
                        purpose: crate::app::PathPurpose::Export(kind),
                        text: target.display().to_string(),
                        no_dialog: false,
                        problem: Some(e.describe(lang)),
                    });
                }
                Err(e) => self.shell.show_error(e.describe(lang)),
            },
            Output::Suggested { board, suggestion } => self.suggested(board, suggestion),
            Output::PhotoBoardFound(result) => self.photo_board_found(ctx, result),
            Output::PhotoBoardPhoto(result) => self.photo_board_photo(result),
            Output::Attached { photos, problems } => self.attached(ctx, photos, &problems),
            Output::Picture {
                id,
                path,
                side,
                result,
            } => self.photos.arrived(ctx, id, path, side, result, lang),
        }
    }

    fn saved(
        &mut self,
        ctx: &egui::Context,
        state: u64,
        folder: std::path::PathBuf,
        lock: Option<crate::storage::SessionLock>,
        result: Result<(), StorageError>,
    ) {
        match result {
            Ok(()) => {
                self.prefs.remember(&folder);
                let now = self.options.clock.now();
                self.doc.saved_as(state, folder, lock, now);
                let saved = saved_text(ctx, self.lang());
                self.shell.status = Some(match self.shell.said_after_save.take() {
                    Some(said) => format!("{said} \u{b7} {saved}"),
                    None => saved,
                });
                if self.shell.close_after_save && !self.doc.is_dirty() {
                    self.shell.may_close = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            Err(e) => {
                self.shell.said_after_save = None;
                let message = e.describe(self.lang());
                let nothing_changed = self.tr(T::NothingChanged);
                self.shell
                    .show_error(format!("{message}\n\n{nothing_changed}"));
            }
        }
    }

    fn consolidated(
        &mut self,
        result: Result<crate::consolidate::run::Outcome, crate::consolidate::run::ConsolidateError>,
        lang: Lang,
    ) {
        self.shell.browser_selected.clear();
        match result {
            Ok(outcome) => {
                let warnings: Vec<String> =
                    outcome.warnings.iter().map(|w| w.describe(lang)).collect();
                self.intents.commands.push(Command::Open(outcome.out));
                self.shell.screen = Screen::Review;
                self.shell.status = Some(self.tr(T::Consolidated).to_owned());
                if !warnings.is_empty() {
                    self.shell.pending_warning = Some(warnings.join("\n"));
                }
            }
            Err(e) => self.shell.show_error(e.describe(lang)),
        }
    }

    fn suggested(
        &mut self,
        board: crate::ids::BoardId,
        suggestion: crate::board::grouping::Suggestion<crate::ids::CardId>,
    ) {
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
        state.suggestions = crate::board::grouping::without_taken(suggestion.groups, &taken);
        state.suggested_by = Some(suggestion.method);
        if state.suggestions.is_empty() {
            self.shell.status = Some(self.tr(T::NoGroupsFound).to_owned());
        }
    }

    fn attached(
        &mut self,
        ctx: &egui::Context,
        photos: Vec<(Photo, egui::ColorImage)>,
        problems: &[PhotoError],
    ) {
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
        if problems.is_empty() {
            return;
        }
        let lang = self.lang();
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

/// What applying the merge decisions does, in words ("3 clusters merged, 1 kept apart"), from
/// the session before they are applied.
fn applied_decisions(session: &Session, lang: Lang) -> String {
    use crate::i18n::plural;
    use crate::session::{DecisionState, MergeKind};
    let chosen = crate::consolidate::facilitator_decisions(session);
    let decisions: Vec<&crate::session::MergeDecision> = session
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

impl ModeratoApp {
    fn photo_board_found(
        &mut self,
        ctx: &egui::Context,
        result: Result<(crate::pinboard::Detection, egui::ColorImage, [f32; 2]), String>,
    ) {
        use crate::app::photo_board::{Review, Stage};
        let Some(dialog) = self.photo_board.as_mut() else {
            return; // Closed meanwhile.
        };
        dialog.stage = match result {
            Ok((detection, picture, size)) => {
                let texture =
                    ctx.load_texture("photo-board", picture, egui::TextureOptions::LINEAR);
                Stage::Ready(Box::new(Review::new(detection, texture, size)))
            }
            Err(message) => Stage::Failed(message),
        };
    }

    /// The photo and the cards' pictures are in the session: the reviewed cards go on the
    /// board, and the photo with it, as one undoable step.
    pub(in crate::app) fn photo_board_photo(
        &mut self,
        result: Result<(Photo, Vec<String>), PhotoError>,
    ) {
        let lang = self.lang();
        let (photo, pictures) = match result {
            Ok(made) => made,
            Err(e) => {
                if let Some(dialog) = self.photo_board.as_mut() {
                    dialog.creating = false;
                }
                self.shell.show_error(e.describe(lang));
                return;
            }
        };
        let Some(dialog) = self.photo_board.take() else {
            return;
        };
        let Some(kept) = dialog.kept() else {
            return;
        };
        let mut session = self.doc.session().clone();
        let title = dialog
            .fill
            .and_then(|id| session.board(id))
            .map_or_else(|| dialog.title.trim().to_owned(), |b| b.title.clone());
        let columns = crate::pinboard::propose_columns(&kept.cards);
        let found = crate::pinboard::import::Found {
            detection: &kept,
            columns: &columns,
            pictures: &pictures,
        };
        let plan = crate::pinboard::import::plan(&session.boards, &title, &found, &|n| {
            crate::i18n::fill(T::PhotoBoardColumn.get(lang), &[&n.to_string()])
        });
        for edit in plan.edits {
            edit.apply(&mut session);
        }
        let link = Some(crate::photos::PhotoLink::Board(plan.board));
        if session.photos.iter().any(|p| p.id == photo.id) {
            crate::photos::edit::PhotoEdit::SetLink(photo.id, link).apply(&mut session);
        } else {
            let photo = Photo { link, ..photo };
            crate::photos::edit::PhotoEdit::attach(&session, vec![photo]).apply(&mut session);
        }
        self.apply(crate::session::edit::Edit::Replace(Box::new(session)));
        self.screens.board.selected = Some(plan.board);
        self.shell.screen = crate::app::Screen::Board;
        let made = plan.cards.len().to_string();
        self.shell.status = Some(crate::i18n::fill(
            T::PhotoBoardMade.get(lang),
            &[&made, &title],
        ));
    }
}

/// "Saved", or, while a field holds typed text that cannot be read, that this text was not
/// saved and why: the file keeps the field's old value.
fn saved_text(ctx: &egui::Context, lang: Lang) -> String {
    let unread = crate::app::widgets::unread_fields(ctx);
    if unread.is_empty() {
        return T::Saved.get(lang).to_owned();
    }
    let each: Vec<String> = unread
        .iter()
        .map(|u| {
            let why = if u.why.is_empty() {
                T::CannotBeRead.get(lang)
            } else {
                u.why.trim_end_matches('.')
            };
            fill(T::TypedNotSaved.get(lang), &[&u.typed, why])
        })
        .collect();
    format!(
        "{} \u{b7} {}",
        T::SavedExcept.get(lang),
        each.join(" \u{b7} ")
    )
}
