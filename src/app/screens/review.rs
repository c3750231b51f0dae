//! Review: the session at a glance.

use std::path::Path;

use egui::{RichText, Ui};

use crate::app::messages::fill;
use crate::i18n::{Lang, T};
use crate::model::Session;
use crate::summary::Summary;

pub(super) fn review_ui(session: &Session, folder: Option<&Path>, lang: Lang, ui: &mut Ui) {
    let tr = |key: T| key.get(lang);
    let s = Summary::of(session);
    let meta = &session.meta;
    let next_meeting = match &s.next_meeting {
        Some(next) => {
            let dates: Vec<String> = next.dates.iter().map(ToString::to_string).collect();
            fill(tr(T::ReviewNextMeeting), &[&dates.join(", "), &next.place])
        }
        None => tr(T::NoNextMeeting).to_owned(),
    };
    let rows = [
        (T::Title, meta.title.clone()),
        (T::Series, meta.series.clone()),
        (T::Organiser, meta.organiser.clone()),
        (T::Dates, s.date_range()),
        (T::Location, meta.location.clone()),
        (T::Moderators, meta.moderators.join(", ")),
        (T::Participants, s.participants.to_string()),
        (T::Organisations, session.organisations().join(", ")),
        (
            T::Agenda,
            fill(
                tr(T::ReviewAgenda),
                &[&s.agenda_items.to_string(), &s.planned_minutes.to_string()],
            ),
        ),
        (
            T::Board,
            fill(
                tr(T::ReviewBoards),
                &[
                    &s.boards.to_string(),
                    &s.cards.to_string(),
                    &s.clusters.to_string(),
                    &s.votes.to_string(),
                ],
            ),
        ),
        (
            T::Reflection,
            fill(
                tr(T::ReviewReflection),
                &[
                    &s.reflection_entries.to_string(),
                    &s.reflection_dimensions.to_string(),
                ],
            ),
        ),
        (T::Photos, s.photos.to_string()),
        (T::ResultsDecisions, s.results.to_string()),
        (T::ActionItems, s.action_items.to_string()),
        (T::NextMeeting, next_meeting),
        (
            T::Folder,
            folder.map(|f| f.display().to_string()).unwrap_or_default(),
        ),
    ];
    egui::Grid::new("review")
        .num_columns(2)
        .spacing([16.0, 6.0])
        .striped(true)
        .show(ui, |ui| {
            for (key, value) in rows {
                ui.label(RichText::new(tr(key)).weak());
                ui.label(value);
                ui.end_row();
            }
        });
}
