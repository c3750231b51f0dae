//! What runs once per frame before drawing: dropped files become an attach, the timers'
//! signals sound once, the repaint is timed to the next second a clock shows, and an
//! autosave is asked for when it is due.

use std::path::PathBuf;

use super::work::JobKind;
use super::{Command, ModeratoApp};

impl ModeratoApp {
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
            self.intents.commands.push(Command::AttachPhotos(dropped));
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
        self.intents.commands.push(Command::Autosave);
    }
}
