//! The speaking round panel: the setup (item, speakers, time per speaker, shuffle, the
//! round's length), and while a round runs the speaker with a countdown that warns at 20 % and
//! 5 % and then counts the overtime, with next (Enter), back, skip, pause, a late arrival and
//! stop. Used on the agenda and the reflection screen; `round_indicator_ui` is the compact line
//! every other screen shows while a round runs.

use egui::{FontId, RichText, TextEdit, Ui};
use jiff::{SignedDuration, Timestamp};

use crate::agenda::edit::AgendaEdit;
use crate::agenda::speaking::{self, RoundAction, RoundLog, RoundSetup, Turn};
use crate::agenda::timing::{Urgency, format_clock};
use crate::agenda::{Agenda, AgendaItem};
use crate::app::command::{Command, Cx};
use crate::app::keys::Keyed;
use crate::app::theme::countdown_colour;
use crate::app::widgets::{parsed_field, scaled};
use crate::i18n::{T, fill};
use crate::ids::AgendaItemId;

/// What the panel remembers: the setup of the next round and a late arrival being typed.
#[derive(Default)]
pub struct SpeakingPanel {
    pub setup: RoundSetup,
    /// The item the next round belongs to (the live item or a Blitzlicht item by default).
    pub item: Option<AgendaItemId>,
    pub late_arrival: String,
}

/// The clock of a turn: the time left, or the overtime as "+0:12".
pub fn turn_clock(turn: &Turn) -> String {
    if turn.remaining < SignedDuration::ZERO {
        format!("+{}", format_clock(-turn.remaining))
    } else {
        format_clock(turn.remaining)
    }
}

/// Wall-clock time of day, as the room's clock shows it.
fn clock_time(t: Timestamp) -> String {
    t.to_zoned(jiff::tz::TimeZone::system())
        .strftime("%H:%M")
        .to_string()
}

/// "10 speakers, 6 min 20 s" in the UI language.
pub fn round_summary(round: &RoundLog, now: Timestamp, cx: &Cx) -> String {
    let totals = round.totals(now);
    let total = totals.total.as_secs();
    fill(
        cx.tr(T::RoundSummary),
        &[
            &totals.speakers.to_string(),
            &(total / 60).to_string(),
            &(total % 60).to_string(),
            &totals.overran.to_string(),
        ],
    )
}

fn default_item(agenda: &Agenda, now: Timestamp) -> Option<&AgendaItem> {
    let live = crate::agenda::timing::current(agenda, now)
        .and_then(|at| agenda.days.get(at.day)?.items.get(at.item));
    live.or_else(|| {
        agenda.items().find(|i| {
            let t = i.title.to_lowercase();
            t.contains("blitzlicht") || t.contains("round") || t.contains("runde")
        })
    })
    .or_else(|| agenda.items().next())
}

pub fn speaking_ui(ui: &mut Ui, cx: &mut Cx, panel: &mut SpeakingPanel) {
    let now = cx.now;
    let running = speaking::running(&cx.session.agenda, now).map(|(i, r, t)| (i.id, r.clone(), t));
    egui::CollapsingHeader::new(RichText::new(cx.tr(T::SpeakingRound)).strong())
        .id_salt("speaking-round")
        .default_open(running.is_some())
        .open(running.is_some().then_some(true))
        .show(ui, |ui| match running {
            Some((item, round, turn)) => running_ui(ui, cx, panel, item, &round, &turn),
            None => setup_ui(ui, cx, panel),
        });
}

fn running_ui(
    ui: &mut Ui,
    cx: &mut Cx,
    panel: &mut SpeakingPanel,
    item: AgendaItemId,
    round: &RoundLog,
    turn: &Turn,
) {
    let colour = countdown_colour(ui, turn.urgency);
    if let Some(title) = cx
        .session
        .agenda
        .items()
        .find(|i| i.id == item)
        .map(|i| &i.title)
    {
        ui.label(RichText::new(title).weak());
    }
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("{}/{}", turn.number, turn.total)).weak());
        ui.label(RichText::new(&turn.speaker).strong().size(scaled(ui, 20.0)));
        ui.label(
            RichText::new(turn_clock(turn))
                .font(FontId::monospace(scaled(ui, 32.0)))
                .color(colour),
        );
        if turn.is_paused {
            ui.label(RichText::new(cx.tr(T::Paused)).strong());
        } else if turn.urgency == Urgency::TimeUp {
            ui.label(RichText::new(cx.tr(T::TurnOver)).color(colour).strong());
        }
    });
    ui.horizontal_wrapped(|ui| {
        if let Some(next) = &turn.next {
            ui.label(format!("{}: {next}", cx.tr(T::NextUp)));
            ui.label(RichText::new("\u{b7}").weak());
        }
        ui.label(fill(
            cx.tr(T::RoundEndsAround),
            &[&clock_time(turn.projected_end)],
        ));
    });
    let mut action = round_controls_ui(ui, cx, turn);
    if let Some(added) = late_arrival_ui(ui, cx, panel) {
        action = Some(added);
    }
    finished_turns_ui(ui, cx, round);
    if let Some(action) = action {
        cx.command(Command::Round(action));
    }
}

/// Next, previous, skip, pause or resume, stop.
fn round_controls_ui(ui: &mut Ui, cx: &Cx, turn: &Turn) -> Option<RoundAction> {
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(cx.tr(T::NextSpeaker))
            .on_hover_text(Keyed::NextSpeaker.hint(ui.ctx(), cx.lang))
            .clicked()
        {
            action = Some(RoundAction::Next);
        }
        if ui
            .add_enabled(
                turn.number > 1,
                egui::Button::new(cx.tr(T::PreviousSpeaker)),
            )
            .clicked()
        {
            action = Some(RoundAction::Back);
        }
        if ui.button(cx.tr(T::SkipSpeaker)).clicked() {
            action = Some(RoundAction::Skip);
        }
        let (label, pause) = if turn.is_paused {
            (T::ResumeRound, RoundAction::Resume)
        } else {
            (T::PauseRound, RoundAction::Pause)
        };
        if ui.button(cx.tr(label)).clicked() {
            action = Some(pause);
        }
        if ui.button(cx.tr(T::StopRound)).clicked() {
            action = Some(RoundAction::Stop);
        }
    });
    action
}

/// A late arrival joins the running round (and the next one).
fn late_arrival_ui(ui: &mut Ui, cx: &Cx, panel: &mut SpeakingPanel) -> Option<RoundAction> {
    let mut action = None;
    ui.horizontal(|ui| {
        let label = ui.label(cx.tr(T::LateArrival));
        let field = ui.add(
            TextEdit::singleline(&mut panel.late_arrival)
                .desired_width(160.0)
                .char_limit(200),
        );
        let field = field.labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button(cx.tr(T::AddToRound)).clicked() || entered)
            && !panel.late_arrival.trim().is_empty()
        {
            let name = std::mem::take(&mut panel.late_arrival);
            // The next round starts with everyone who was there.
            if !panel.setup.speakers().iter().any(|s| s == name.trim()) {
                if !panel.setup.speakers_text.ends_with('\n')
                    && !panel.setup.speakers_text.is_empty()
                {
                    panel.setup.speakers_text.push('\n');
                }
                panel.setup.speakers_text.push_str(name.trim());
            }
            action = Some(RoundAction::Add(name));
        }
    });
    action
}

/// The turns already taken, overruns in red.
fn finished_turns_ui(ui: &mut Ui, cx: &Cx, round: &RoundLog) {
    let done = round.state(cx.now).done;
    if !done.is_empty() {
        ui.horizontal_wrapped(|ui| {
            for t in &done {
                let text = if t.skipped {
                    format!("{} ({})", t.speaker, cx.tr(T::Passed))
                } else {
                    format!("{} {}", t.speaker, format_clock(t.spoken))
                };
                let over = t.overtime(round.turn()) > SignedDuration::ZERO;
                let text = RichText::new(text);
                ui.label(if over {
                    text.color(countdown_colour(ui, Urgency::TimeUp))
                } else {
                    text.weak()
                });
            }
        });
    }
}

fn setup_ui(ui: &mut Ui, cx: &mut Cx, panel: &mut SpeakingPanel) {
    let now = cx.now;
    let agenda = &cx.session.agenda;
    let chosen = panel
        .item
        .and_then(|id| agenda.items().find(|i| i.id == id))
        .or_else(|| default_item(agenda, now));
    let chosen_id = chosen.map(|i| i.id);
    ui.horizontal(|ui| {
        let label = ui.label(cx.tr(T::RoundForItem));
        egui::ComboBox::from_id_salt("round-item")
            .selected_text(chosen.map_or("\u{2013}", |i| i.title.as_str()))
            .width(240.0)
            .show_ui(ui, |ui| {
                for item in agenda.items() {
                    if ui
                        .selectable_label(Some(item.id) == chosen_id, &item.title)
                        .clicked()
                    {
                        panel.item = Some(item.id);
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    if let Some(round) = chosen.and_then(|i| i.round.as_ref()) {
        let summary = round_summary(round, now, cx);
        ui.label(RichText::new(fill(cx.tr(T::LastRound), &[&summary])).weak());
    }
    let participants: Vec<String> = cx
        .session
        .meta
        .participants
        .iter()
        .map(|p| p.name.clone())
        .collect();
    let setup = &mut panel.setup;
    ui.horizontal(|ui| {
        let label = ui.label(cx.tr(T::SecondsPerSpeaker));
        let field = parsed_field(
            ui,
            "turn-secs",
            label.id,
            cx.tr(T::WholeSeconds),
            &setup.turn_secs,
            50.0,
            ToString::to_string,
            |text| {
                text.trim()
                    .parse()
                    .ok()
                    .filter(|secs: &u32| (1..=speaking::MAX_TURN_SECS).contains(secs))
            },
        );
        if let Some(secs) = field.changed {
            setup.turn_secs = secs;
        }
        if ui.button(cx.tr(T::TakeParticipants)).clicked() {
            setup.speakers_text = participants.join("\n");
        }
        if ui.button(cx.tr(T::Shuffle)).clicked() {
            setup.shuffle(now.as_nanosecond() as u64);
        }
    });
    let label = ui.label(cx.tr(T::SpeakersOnePerLine));
    ui.add(
        TextEdit::multiline(&mut setup.speakers_text)
            .desired_rows(4)
            .desired_width(360.0),
    )
    .labelled_by(label.id);
    let count = setup.speakers().len();
    let planned = setup.planned().as_secs();
    let length = if planned % 60 == 0 {
        format!("{} min", planned / 60)
    } else {
        format!("{} min {} s", planned / 60, planned % 60)
    };
    ui.label(format!("{count} \u{d7} {} s = {length}", setup.turn_secs));
    // A round longer than its agenda item's timebox is said before it starts.
    if let Some(item) = chosen
        && item.planned_minutes > 0
        && planned > i64::from(item.planned_minutes) * 60
    {
        let warning = fill(
            cx.tr(T::RoundLongerThanItem),
            &[&item.planned_minutes.to_string()],
        );
        ui.label(RichText::new(warning).color(ui.visuals().warn_fg_color));
    }
    let can_start = count > 0 && chosen_id.is_some() && !cx.is_read_only;
    let start = ui.add_enabled(can_start, egui::Button::new(cx.tr(T::StartRound)));
    if start.clicked()
        && let (Some(item), Some(log)) = (chosen_id, setup.start(now))
    {
        panel.item = Some(item);
        cx.edit(AgendaEdit::StartRound(item, log));
    }
}

/// The compact line every screen shows while a round runs: speaker, clock, next (Enter).
pub fn round_indicator_ui(ui: &mut Ui, cx: &mut Cx) {
    let Some((_, _, turn)) = speaking::running(&cx.session.agenda, cx.now) else {
        return;
    };
    let colour = countdown_colour(ui, turn.urgency);
    ui.horizontal(|ui| {
        ui.label(RichText::new(cx.tr(T::RoundShort)).weak());
        ui.label(
            RichText::new(format!("{} ({}/{})", turn.speaker, turn.number, turn.total)).strong(),
        );
        ui.label(
            RichText::new(turn_clock(&turn))
                .monospace()
                .strong()
                .color(colour),
        );
        if ui
            .small_button(cx.tr(T::NextSpeaker))
            .on_hover_text(Keyed::NextSpeaker.hint(ui.ctx(), cx.lang))
            .clicked()
        {
            cx.command(Command::Round(RoundAction::Next));
        }
    });
}
