//! The live panel: the current item's countdown, drift, projected end and the controls.
//! Pinned above the agenda, so it stays in view while the days scroll. Where the window is low
//! for its text (a projector's 1280×720 with the projector theme), it is one compact band and
//! the rarer controls sit in a menu, so the agenda keeps most of the height.

use egui::{FontId, RichText, Ui};
use jiff::Timestamp;

use crate::agenda::live::LiveAction;
use crate::agenda::timing::{self, ItemState, ItemTimer, Urgency, format_clock};
use crate::app::command::{Command, Cx};
use crate::app::keys::Keyed;
use crate::app::theme::countdown_colour;
use crate::app::widgets::{parsed_field, scaled};
use crate::i18n::{T, fill};

pub(super) fn live_ui(ui: &mut Ui, cx: &mut Cx, is_projector_open: bool) {
    let now = cx.now;
    let agenda = &cx.session.agenda;
    let current = timing::current(agenda, now);
    let current_item = current.and_then(|at| agenda.days.get(at.day)?.items.get(at.item));
    let next_item = timing::next_pending(agenda, current, now)
        .and_then(|at| agenda.days.get(at.day)?.items.get(at.item));
    let mut command = None;
    let fill_colour = ui.visuals().faint_bg_color;
    if is_compact(ui) {
        egui::Frame::group(ui.style())
            .fill(fill_colour)
            .inner_margin(6.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_wrapped(|ui| {
                    match current_item {
                        Some(item) => compact_countdown_ui(ui, cx, item, now),
                        None => {
                            ui.label(RichText::new(cx.tr(T::NoItemRunning)).weak());
                            if let Some(next) = next_item {
                                ui.label(
                                    RichText::new(format!("{} {}", cx.tr(T::NextUp), next.title))
                                        .weak(),
                                );
                            }
                        }
                    }
                    ui.separator();
                    progress_ui(ui, cx, now);
                });
                ui.add_enabled_ui(!cx.is_read_only, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        command = controls_ui(ui, cx, current_item, now, is_projector_open, true);
                    });
                });
            });
        if let Some(command) = command {
            cx.command(command);
        }
        return;
    }
    egui::Frame::group(ui.style())
        .fill(fill_colour)
        .inner_margin(12.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.vertical(|ui| {
                    ui.set_min_width(300.0);
                    match current_item {
                        Some(item) => countdown_ui(ui, cx, item, now),
                        None => {
                            ui.label(RichText::new(cx.tr(T::NoItemRunning)).weak());
                            ui.label(RichText::new(cx.tr(T::PressSpaceToStart)).weak().small());
                        }
                    }
                });
                ui.separator();
                ui.vertical(|ui| {
                    if let Some(next) = next_item {
                        ui.label(RichText::new(cx.tr(T::NextUp)).weak());
                        ui.label(format!(
                            "{} ({} {})",
                            next.title,
                            next.planned_minutes,
                            cx.tr(T::Minutes)
                        ));
                    }
                    progress_ui(ui, cx, now);
                });
            });
            ui.add_space(6.0);
            ui.add_enabled_ui(!cx.is_read_only, |ui| {
                ui.horizontal_wrapped(|ui| {
                    command = controls_ui(ui, cx, current_item, now, is_projector_open, false);
                });
            });
        });
    if let Some(command) = command {
        cx.command(command);
    }
}

/// Whether the window is low for its text: fewer than about 30 lines of body text fit.
fn is_compact(ui: &Ui) -> bool {
    ui.available_height() < scaled(ui, 600.0)
}

/// The current item's remaining time ("+3:00" once over), its colour and its state's word.
fn countdown(
    ui: &Ui,
    cx: &Cx,
    item: &crate::agenda::AgendaItem,
    now: Timestamp,
) -> (String, egui::Color32, &'static str) {
    let timer = ItemTimer::of(item, now);
    let urgency = timer.urgency();
    let remaining = timer.remaining();
    let clock = if urgency == Urgency::TimeUp {
        format!("+{}", format_clock(-remaining))
    } else {
        format_clock(remaining)
    };
    let colour = countdown_colour(ui, urgency);
    let state = match (timer.state, urgency) {
        (ItemState::Paused, _) => cx.tr(T::Paused),
        (_, Urgency::TimeUp) => cx.tr(T::TimesUp),
        (_, Urgency::Critical) => cx.tr(T::AlmostOver),
        (_, Urgency::Warning) => cx.tr(T::TimeRunningOut),
        _ => cx.tr(T::Running),
    };
    (clock, colour, state)
}

fn countdown_ui(ui: &mut Ui, cx: &Cx, item: &crate::agenda::AgendaItem, now: Timestamp) {
    let (clock, colour, state) = countdown(ui, cx, item, now);
    ui.label(RichText::new(cx.tr(T::Now)).weak());
    ui.label(RichText::new(&item.title).strong().size(scaled(ui, 20.0)));
    ui.label(
        RichText::new(clock)
            .font(FontId::monospace(scaled(ui, 52.0)))
            .color(colour),
    );
    ui.label(RichText::new(state).color(colour).strong());
}

/// The countdown in one line: the item's title, the time left, its state.
fn compact_countdown_ui(ui: &mut Ui, cx: &Cx, item: &crate::agenda::AgendaItem, now: Timestamp) {
    let (clock, colour, state) = countdown(ui, cx, item, now);
    ui.label(
        RichText::new(clock)
            .font(FontId::monospace(scaled(ui, 26.0)))
            .color(colour),
    );
    ui.label(RichText::new(state).color(colour).strong());
    ui.scope(|ui| {
        ui.set_max_width(ui.available_width().min(scaled(ui, 360.0)));
        ui.add(egui::Label::new(RichText::new(&item.title).strong()).truncate())
            .on_hover_text(&item.title);
    });
}

fn progress_ui(ui: &mut Ui, cx: &Cx, now: Timestamp) {
    let Some(progress) = timing::progress(&cx.session.agenda, now, &jiff::tz::TimeZone::system())
    else {
        return;
    };
    let minutes = progress.drift.as_secs() / 60;
    let (text, colour) = match minutes {
        m if m > 0 => (
            fill(cx.tr(T::MinutesBehind), &[&m.to_string()]),
            ui.visuals().warn_fg_color,
        ),
        m if m < 0 => (
            fill(cx.tr(T::MinutesAhead), &[&(-m).to_string()]),
            ui.visuals().text_color(),
        ),
        _ => (cx.tr(T::OnTime).to_owned(), ui.visuals().text_color()),
    };
    ui.label(RichText::new(text).color(colour).strong());
    let local = |t: Timestamp| {
        t.to_zoned(jiff::tz::TimeZone::system())
            .strftime("%H:%M")
            .to_string()
    };
    ui.label(fill(
        cx.tr(T::ProjectedEnd),
        &[&local(progress.projected_end), &local(progress.planned_end)],
    ));
    if progress.runs_short()
        && let Some(end) = progress.day_end
    {
        ui.label(
            RichText::new(fill(cx.tr(T::DayRunsShort), &[&local(end)]))
                .color(ui.visuals().error_fg_color)
                .strong(),
        );
    }
}

fn controls_ui(
    ui: &mut Ui,
    cx: &Cx,
    current_item: Option<&crate::agenda::AgendaItem>,
    now: Timestamp,
    is_projector_open: bool,
    is_compact: bool,
) -> Option<Command> {
    let mut command = None;
    let toggle_label = match current_item.map(|item| ItemTimer::of(item, now).state) {
        Some(ItemState::Running) => T::Pause,
        Some(ItemState::Paused) => T::Resume,
        _ => T::Start,
    };
    let buttons = [
        (toggle_label, LiveAction::Toggle, Some(Keyed::StartPause)),
        (T::Next, LiveAction::Next, Some(Keyed::NextItem)),
        (T::Back, LiveAction::Back, None),
        (T::SkipNext, LiveAction::Skip, None),
        (T::PlusOne, LiveAction::Extend(60), Some(Keyed::MinuteMore)),
        (T::PlusFive, LiveAction::Extend(300), None),
        (
            T::MinusOne,
            LiveAction::Extend(-60),
            Some(Keyed::MinuteLess),
        ),
        (T::Restart, LiveAction::Restart, None),
    ];
    let button_ui = |ui: &mut Ui, (key, action, shortcut): (T, LiveAction, Option<Keyed>)| {
        let button = ui.button(cx.tr(key));
        let button = match (shortcut, key) {
            (_, T::Restart) => button.on_hover_text(cx.tr(T::RestartHelp)),
            (Some(keyed), _) => button.on_hover_text(keyed.hint(ui.ctx(), cx.lang)),
            (None, _) => button,
        };
        button.clicked().then_some(Command::Live(action))
    };
    if is_compact {
        // The three a moderator needs in the room; the rest one click away.
        let [
            toggle,
            next,
            back,
            skip,
            plus_one,
            plus_five,
            minus_one,
            restart,
        ] = buttons;
        for button in [toggle, next, plus_one] {
            command = button_ui(ui, button).or(command.take());
        }
        ui.menu_button(format!("{} \u{25be}", cx.tr(T::MoreControls)), |ui| {
            for button in [back, skip, plus_five, minus_one, restart] {
                command = button_ui(ui, button).or(command.take());
            }
            ui.separator();
            ui.horizontal(|ui| {
                command = extend_ui(ui, cx).or(command.take());
            });
            ui.separator();
            command = projector_and_help_ui(ui, cx, is_projector_open).or(command.take());
        });
        return command;
    }
    for button in buttons {
        command = button_ui(ui, button).or(command.take());
    }
    command = extend_ui(ui, cx).or(command.take());
    ui.separator();
    projector_and_help_ui(ui, cx, is_projector_open).or(command.take())
}

/// "Extend by [10] Extend".
fn extend_ui(ui: &mut Ui, cx: &Cx) -> Option<Command> {
    let mut command = None;
    let label = ui.label(cx.tr(T::ExtendBy));
    let id = egui::Id::unique("extend-minutes");
    let minutes: u32 = ui.data(|d| d.get_temp(id)).unwrap_or(10);
    let field = parsed_field(
        ui,
        "extend-minutes-field",
        label.id,
        "",
        &minutes,
        40.0,
        ToString::to_string,
        |text| text.trim().parse().ok().filter(|m: &u32| *m <= 24 * 60),
    );
    let minutes = field.changed.unwrap_or(minutes);
    ui.data_mut(|d| d.insert_temp(id, minutes));
    if ui.button(cx.tr(T::Extend)).clicked() {
        let secs = i32::try_from(minutes.saturating_mul(60)).unwrap_or(i32::MAX);
        command = Some(Command::Live(LiveAction::Extend(secs)));
    }
    command
}

fn projector_and_help_ui(ui: &mut Ui, cx: &Cx, is_projector_open: bool) -> Option<Command> {
    let mut command = None;
    let projector = if is_projector_open {
        T::CloseProjector
    } else {
        T::ProjectorView
    };
    if ui
        .button(cx.tr(projector))
        .on_hover_text(Keyed::Projector.hint(ui.ctx(), cx.lang))
        .clicked()
    {
        command = Some(Command::ToggleProjector);
    }
    if ui
        .button(cx.tr(T::Shortcuts))
        .on_hover_text(Keyed::Help.hint(ui.ctx(), cx.lang))
        .clicked()
    {
        command = Some(Command::ToggleHelp);
    }
    command
}
