//! Review: the session at a glance.

use std::path::Path;

use egui::{RichText, Ui};

use crate::app::messages::fill;
use crate::app::widgets::{date_list_edit_ui, name_list_edit_ui, text_edit_ui};
use crate::i18n::{Lang, T};
use crate::model::{Participant, ParticipantId, Session};
use crate::summary::Summary;

pub(super) fn review_ui(session: &mut Session, folder: Option<&Path>, lang: Lang, ui: &mut Ui) {
    let tr = |key: T| key.get(lang);
    ui.label(RichText::new(tr(T::SessionDetails2)).heading().size(18.0));
    ui.separator();
    details_ui(session, lang, ui);
    ui.add_space(12.0);
    ui.label(RichText::new(tr(T::Participants)).heading().size(18.0));
    ui.separator();
    participants_ui(&mut session.meta.participants, lang, ui);
    ui.add_space(12.0);
    ui.label(RichText::new(tr(T::AtAGlance)).heading().size(18.0));
    ui.separator();
    glance_ui(session, folder, lang, ui);
}

/// Title, series, organiser, place, dates, language and moderators, all editable.
fn details_ui(session: &mut Session, lang: Lang, ui: &mut Ui) {
    let tr = |key: T| key.get(lang);
    let meta = &mut session.meta;
    let width = ui.available_width().min(640.0);
    egui::Grid::new("session-details")
        .num_columns(2)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for (key, value) in [
                (T::Title, &mut meta.title),
                (T::Series, &mut meta.series),
                (T::Organiser, &mut meta.organiser),
                (T::Location, &mut meta.location),
            ] {
                let label = ui.label(tr(key));
                text_edit_ui(ui, value, label.id, width);
                ui.end_row();
            }
            let label = ui.label(tr(T::Dates));
            date_list_edit_ui(ui, "session-date", label.id, &mut meta.dates, lang);
            ui.end_row();
            let label = ui.label(tr(T::Moderators));
            name_list_edit_ui(ui, "moderators", label.id, &mut meta.moderators)
                .on_hover_text(tr(T::CommaSeparated));
            ui.end_row();
            let label = ui.label(tr(T::ContentLanguage));
            text_edit_ui(ui, &mut meta.language, label.id, 80.0);
            ui.end_row();
        });
}

fn participants_ui(participants: &mut Vec<Participant>, lang: Lang, ui: &mut Ui) {
    let tr = |key: T| key.get(lang);
    let mut remove = None;
    egui::Grid::new("participants")
        .num_columns(4)
        .striped(true)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            let name = ui.strong(tr(T::Name)).id;
            let organisation = ui.strong(tr(T::Organisation)).id;
            let role = ui.strong(tr(T::Role)).id;
            ui.label("");
            ui.end_row();
            for (index, participant) in participants.iter_mut().enumerate() {
                text_edit_ui(ui, &mut participant.name, name, 220.0);
                text_edit_ui(ui, &mut participant.organisation, organisation, 220.0);
                text_edit_ui(ui, &mut participant.role, role, 220.0);
                if ui.small_button(tr(T::Remove)).clicked() {
                    remove = Some(index);
                }
                ui.end_row();
            }
        });
    if let Some(index) = remove {
        participants.remove(index);
    }
    if ui.button(format!("+ {}", tr(T::AddParticipant))).clicked() {
        participants.push(Participant {
            id: ParticipantId::generate(),
            ..Participant::default()
        });
    }
}

/// Counts of everything in the session.
fn glance_ui(session: &Session, folder: Option<&Path>, lang: Lang, ui: &mut Ui) {
    let tr = |key: T| key.get(lang);
    let s = Summary::of(session);
    let next_meeting = match &s.next_meeting {
        Some(next) => {
            let dates: Vec<String> = next.dates.iter().map(ToString::to_string).collect();
            fill(tr(T::ReviewNextMeeting), &[&dates.join(", "), &next.place])
        }
        None => tr(T::NoNextMeeting).to_owned(),
    };
    let rows = [
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
