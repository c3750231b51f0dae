//! The speaking round panel: speakers, time per speaker, start, next (Enter), stop. Used on
//! the agenda and the reflection screen.

use egui::{FontId, RichText, TextEdit, Ui};
use jiff::SignedDuration;

use super::live::countdown_colour;
use crate::agenda::speaking::SpeakingRound;
use crate::agenda::timing::{Urgency, format_clock};
use crate::app::command::Cx;
use crate::app::widgets::{parsed_field, scaled};
use crate::i18n::T;

pub fn speaking_ui(ui: &mut Ui, cx: &mut Cx, round: &mut SpeakingRound) {
    let now = cx.now;
    let participants: Vec<String> = cx
        .session
        .meta
        .participants
        .iter()
        .map(|p| p.name.clone())
        .collect();
    egui::CollapsingHeader::new(RichText::new(cx.tr(T::SpeakingRound)).strong())
        .id_salt("speaking-round")
        .default_open(round.is_running())
        .show(ui, |ui| {
            if let Some(turn) = round.turn(now) {
                let urgency = if turn.remaining <= SignedDuration::ZERO {
                    Urgency::TimeUp
                } else {
                    Urgency::Calm
                };
                let colour = countdown_colour(ui, urgency);
                ui.horizontal(|ui| {
                    ui.label(RichText::new(format!("{}/{}", turn.number, turn.total)).weak());
                    ui.label(RichText::new(&turn.speaker).strong().size(scaled(ui, 20.0)));
                    let clock = format_clock(turn.remaining.max(SignedDuration::ZERO));
                    ui.label(
                        RichText::new(clock)
                            .font(FontId::monospace(scaled(ui, 32.0)))
                            .color(colour),
                    );
                    if urgency == Urgency::TimeUp {
                        ui.label(RichText::new(cx.tr(T::TurnOver)).color(colour).strong());
                    }
                });
                if let Some(next) = &turn.next {
                    ui.label(format!("{}: {next}", cx.tr(T::NextUp)));
                }
                ui.horizontal(|ui| {
                    if ui
                        .button(cx.tr(T::NextSpeaker))
                        .on_hover_text("Enter")
                        .clicked()
                    {
                        round.next(now);
                    }
                    if ui.button(cx.tr(T::StopRound)).clicked() {
                        round.stop();
                    }
                });
                return;
            }
            ui.horizontal(|ui| {
                let label = ui.label(cx.tr(T::SecondsPerSpeaker));
                let field = parsed_field(
                    ui,
                    "turn-secs",
                    label.id,
                    cx.tr(T::WholeSeconds),
                    &round.turn_secs,
                    50.0,
                    ToString::to_string,
                    |text| {
                        text.trim()
                            .parse()
                            .ok()
                            .filter(|secs: &u32| (1..=3600).contains(secs))
                    },
                );
                if let Some(secs) = field.changed {
                    round.turn_secs = secs;
                }
                if ui.button(cx.tr(T::TakeParticipants)).clicked() {
                    round.speakers_text = participants.join("\n");
                }
            });
            let label = ui.label(cx.tr(T::SpeakersOnePerLine));
            ui.add(
                TextEdit::multiline(&mut round.speakers_text)
                    .desired_rows(4)
                    .desired_width(360.0),
            )
            .labelled_by(label.id);
            let count = round.speakers().len();
            let start = ui.add_enabled(count > 0, egui::Button::new(cx.tr(T::StartRound)));
            if start.clicked() {
                round.start(now);
            }
        });
}
