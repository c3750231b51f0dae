//! The projector view: a second window with a very large countdown, the current and the next
//! item, readable from the back of a room. Black background, white text, whatever the theme.

use egui::{
    Align, Color32, FontId, Layout, RichText, ViewportBuilder, ViewportClass, ViewportCommand,
    ViewportId,
};

use super::ModeratoApp;
use super::keys::Keyed;
use crate::agenda::timing::{self, ItemTimer, Urgency, format_clock};
use crate::i18n::T;

/// Whether the projector window is open, and fullscreen.
#[derive(Clone, Copy, Debug, Default)]
pub struct ProjectorState {
    pub is_open: bool,
    pub is_fullscreen: bool,
}

pub(super) fn projector_ui(app: &mut ModeratoApp, ctx: &egui::Context) {
    if !app.shell.projector.is_open {
        return;
    }
    let lang = app.lang();
    let tr = |key: T| key.get(lang);
    let builder = ViewportBuilder::default()
        .with_title(format!("{} \u{2013} Moderato", tr(T::ProjectorView)))
        .with_inner_size([960.0, 600.0]);
    let id = ViewportId::from_hash_of("moderato-projector");
    let mut commands = Vec::new();
    let mut state = app.shell.projector;
    ctx.show_viewport_immediate(id, builder, |ui, class| {
        let close_requested = ui.input(|i| i.viewport().close_requested());
        if close_requested {
            state.is_open = false;
        }
        // Single keys act only when no text field has the focus, here as in the main window,
        // and only in a window of its own: embedded in the main window (where the platform
        // has one window only), keys typed there are the main window's, which acts on the
        // timer's keys on the Agenda screen only.
        let is_typing = ui.ctx().text_edit_focused();
        let is_own_window = class != ViewportClass::EmbeddedWindow;
        ui.input_mut(|input| {
            if is_typing || !is_own_window {
                return;
            }
            if Keyed::Fullscreen.consume(input).is_some() {
                state.is_fullscreen = !state.is_fullscreen;
                input.events.clear();
            }
            if input.consume_key(egui::Modifiers::NONE, egui::Key::Escape) {
                state.is_fullscreen = false;
            }
            for keyed in [Keyed::StartPause, Keyed::NextItem] {
                if let Some(index) = keyed.consume(input) {
                    commands.extend(keyed.command(index));
                }
            }
        });
        if class != ViewportClass::EmbeddedWindow {
            ui.send_viewport_cmd_to(id, ViewportCommand::Fullscreen(state.is_fullscreen));
        }
        let frame = egui::Frame::new().fill(Color32::BLACK).inner_margin(24.0);
        egui::CentralPanel::default().frame(frame).show(ui, |ui| {
            big_view_ui(app, ui, &mut state);
        });
    });
    app.shell.projector = state;
    app.intents.commands.extend(commands);
}

fn big_view_ui(app: &mut ModeratoApp, ui: &mut egui::Ui, state: &mut ProjectorState) {
    let lang = app.lang();
    let tr = |key: T| key.get(lang);
    let now = app.options.clock.now();
    let height = ui.available_height().max(200.0);
    let white = Color32::WHITE;
    let grey = Color32::from_gray(170);
    ui.with_layout(Layout::top_down(Align::Center), |ui| {
        let round = crate::agenda::speaking::running(&app.doc.session().agenda, now);
        if let Some((_, _, turn)) = round {
            let urgency = turn.urgency;
            ui.label(
                RichText::new(tr(T::SpeakingRound))
                    .color(grey)
                    .size(height * 0.05),
            );
            ui.label(
                RichText::new(&turn.speaker)
                    .color(white)
                    .size(height * 0.09),
            );
            if turn.is_paused {
                ui.label(RichText::new(tr(T::Paused)).color(grey).size(height * 0.05));
            }
            let clock = crate::app::screens::agenda::speaking::turn_clock(&turn);
            ui.label(
                RichText::new(clock)
                    .font(FontId::monospace(height * 0.32))
                    .color(super::theme::urgency_colour(urgency)),
            );
            if let Some(next) = &turn.next {
                ui.label(
                    RichText::new(format!("{}: {next}", tr(T::NextUp)))
                        .color(grey)
                        .size(height * 0.05),
                );
            }
            return;
        }
        let agenda = &app.doc.session().agenda;
        let current = timing::current(agenda, now);
        let item = current.and_then(|at| agenda.days.get(at.day)?.items.get(at.item));
        let Some(item) = item else {
            ui.add_space(height * 0.3);
            ui.label(
                RichText::new(app.display_title())
                    .color(white)
                    .size(height * 0.07),
            );
            return;
        };
        let timer = ItemTimer::of(item, now);
        let urgency = timer.urgency();
        ui.label(RichText::new(&item.title).color(white).size(height * 0.07));
        let remaining = timer.remaining();
        let clock = if urgency == Urgency::TimeUp {
            format!("+{}", format_clock(-remaining))
        } else {
            format_clock(remaining)
        };
        ui.label(
            RichText::new(clock)
                .font(FontId::monospace(height * 0.34))
                .color(super::theme::urgency_colour(urgency)),
        );
        let status = match (timer.state, urgency) {
            (timing::ItemState::Paused, _) => tr(T::Paused),
            (_, Urgency::TimeUp) => tr(T::TimesUp),
            _ => "",
        };
        if !status.is_empty() {
            ui.label(
                RichText::new(status)
                    .color(super::theme::urgency_colour(urgency))
                    .size(height * 0.06),
            );
        }
        if let Some(next) = timing::next_pending(agenda, current, now)
            .and_then(|at| agenda.days.get(at.day)?.items.get(at.item))
        {
            ui.label(
                RichText::new(format!("{}: {}", tr(T::NextUp), next.title))
                    .color(grey)
                    .size(height * 0.05),
            );
        }
    });
    let area = ui.max_rect();
    app.phones_projector_ui(ui, area);
    /// Seconds the controls stay after the mouse last moved.
    const CONTROLS_SHOWN_FOR: f32 = 3.0;
    // The window's controls only while the moderator moves the mouse over it: the audience
    // sees the clock, not buttons.
    let still = ui.input(|i| i.pointer.time_since_last_movement());
    let is_pointing = ui.input(|i| i.pointer.has_pointer()) && still < CONTROLS_SHOWN_FOR;
    if is_pointing {
        // A frame when they are due to go, even if nothing else happens by then.
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs_f32(
                (CONTROLS_SHOWN_FOR - still).max(0.0) + 0.05,
            ));
    } else {
        if ui.input(|i| i.pointer.has_pointer()) {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(500));
        }
        return;
    }
    ui.with_layout(Layout::bottom_up(Align::Max), |ui| {
        let label = if state.is_fullscreen {
            T::LeaveFullscreen
        } else {
            T::Fullscreen
        };
        if ui.button(format!("{} (F11)", tr(label))).clicked() {
            state.is_fullscreen = !state.is_fullscreen;
        }
    });
}
