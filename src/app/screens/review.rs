//! Review: the session at a glance.

use std::path::Path;

use egui::{RichText, Ui};

use crate::agenda::timing::{ItemState, ItemTimer};
use crate::app::widgets::{date_list_edit_ui, name_list_edit_ui, text_edit_ui};
use crate::app::{Command, ModeratoApp};
use crate::i18n::fill;
use crate::i18n::{Lang, T};
use crate::model::{DecisionState, MergeKind, Participant, ParticipantId, Session};
use crate::session::summary::Summary;

pub(super) fn review_ui(app: &mut ModeratoApp, ui: &mut Ui) {
    let lang = app.lang();
    let tr = |key: T| key.get(lang);
    let folder = app.doc.folder().map(Path::to_owned);
    ui.horizontal(|ui| {
        if ui.button(tr(T::CompareWith)).clicked() {
            app.commands.push(Command::ChooseCompare);
        }
        if app.compare.is_some() && ui.button(tr(T::CloseComparison)).clicked() {
            app.compare = None;
        }
        ui.separator();
        for (key, kind) in [
            (T::ExportPdf, crate::app::ExportKind::Pdf),
            (T::ExportMarkdown, crate::app::ExportKind::Markdown),
            (T::ExportCsv, crate::app::ExportKind::Csv),
        ] {
            if ui.button(tr(key)).clicked() {
                app.commands.push(Command::ChooseExport(kind));
            }
        }
    });
    ui.add_space(6.0);
    if app.doc.session.provenance.is_some() {
        consolidation_ui(app, ui, lang);
        ui.add_space(12.0);
    }
    let now = app.options.clock.now();
    let session = &mut app.doc.session;
    overview_ui(session, now, lang, ui);
    ui.add_space(12.0);
    review_details_ui(session, folder.as_deref(), lang, ui);
}

/// The sources of a consolidation and the merges waiting for a decision.
fn consolidation_ui(app: &mut ModeratoApp, ui: &mut Ui, lang: Lang) {
    let tr = |key: T| key.get(lang);
    ui.label(RichText::new(tr(T::Consolidation)).heading().size(18.0));
    ui.separator();
    let Some(provenance) = app.doc.session.provenance.as_mut() else {
        return;
    };
    ui.label(RichText::new(tr(T::Sources)).strong());
    for source in &provenance.sources {
        let dates: Vec<String> = source.dates.iter().map(ToString::to_string).collect();
        ui.label(format!(
            "\u{2022} {} ({}) \u{2013} {}",
            source.title,
            dates.join(", "),
            source.path
        ));
    }
    let mut titles: std::collections::BTreeMap<uuid::Uuid, String> =
        std::collections::BTreeMap::new();
    // Names of the merged elements, from the sessions' current content.
    let session = &app.doc.session;
    for board in &session.boards {
        for cluster in &board.clusters {
            titles.insert(cluster.id.uuid(), cluster.title.clone());
        }
    }
    for item in &session.action_items {
        titles.insert(item.id.uuid(), item.title.clone());
    }
    for result in &session.results {
        titles.insert(result.id.uuid(), result.text.clone());
    }
    let Some(provenance) = app.doc.session.provenance.as_mut() else {
        return;
    };
    let proposed: Vec<usize> = provenance
        .decisions
        .iter()
        .enumerate()
        .filter(|(_, d)| d.state == DecisionState::Proposed)
        .map(|(i, _)| i)
        .collect();
    ui.add_space(6.0);
    ui.label(RichText::new(fill(tr(T::MergeProposals), &[&proposed.len().to_string()])).strong());
    for index in proposed {
        let decision = &mut provenance.decisions[index];
        let kind = match decision.kind {
            MergeKind::Cluster => tr(T::Clusters),
            MergeKind::ActionItem => tr(T::ActionItems),
            MergeKind::Result => tr(T::ResultsDecisions),
        };
        let names: Vec<String> = decision
            .members
            .iter()
            .map(|id| {
                titles
                    .get(id)
                    .cloned()
                    .unwrap_or_else(|| tr(T::FromAnotherSource).to_owned())
            })
            .collect();
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(kind).weak());
            ui.label(names.join("  \u{2194}  "));
            if ui.button(tr(T::Merge)).clicked() {
                decision.state = DecisionState::Accepted;
            }
            if ui.button(tr(T::KeepApart)).clicked() {
                decision.state = DecisionState::Rejected;
            }
        });
    }
    let decided = provenance
        .decisions
        .iter()
        .any(|d| d.state != DecisionState::Proposed);
    if decided
        && ui
            .button(tr(T::ApplyDecisions))
            .on_hover_text(tr(T::ApplyDecisionsHelp))
            .clicked()
    {
        app.commands.push(Command::Reconsolidate);
    }
}

/// Planned against held, boards by votes, and the reflection per dimension.
fn overview_ui(session: &Session, now: jiff::Timestamp, lang: Lang, ui: &mut Ui) {
    let tr = |key: T| key.get(lang);
    ui.label(RichText::new(tr(T::PlannedAndHeld)).heading().size(18.0));
    ui.separator();
    let held: Vec<_> = session
        .agenda
        .items()
        .map(|item| (item, ItemTimer::of(item, now)))
        .filter(|(_, t)| t.state == ItemState::Done)
        .collect();
    if held.is_empty() {
        ui.label(RichText::new(tr(T::NothingHeldYet)).weak());
    } else {
        egui::Grid::new("planned-held")
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                ui.strong(tr(T::Title));
                ui.strong(tr(T::Planned));
                ui.strong(tr(T::Held));
                ui.strong("\u{00b1}");
                ui.end_row();
                for (item, timer) in &held {
                    let actual = (timer.elapsed.as_secs() + 30) / 60;
                    let diff = actual - i64::from(item.planned_minutes);
                    ui.label(&item.title);
                    ui.label(format!("{} min", item.planned_minutes));
                    ui.label(format!("{actual} min"));
                    let text = RichText::new(format!("{diff:+}"));
                    ui.label(if diff > 0 {
                        text.color(ui.visuals().warn_fg_color)
                    } else {
                        text.weak()
                    });
                    ui.end_row();
                }
            });
        let (minutes, over) = crate::agenda::timing::held(&session.agenda, now);
        ui.label(fill(
            tr(T::HeldTotal),
            &[
                &minutes.to_string(),
                &session.agenda.planned_minutes().to_string(),
                &over.to_string(),
            ],
        ));
    }
    ui.add_space(12.0);
    ui.label(RichText::new(tr(T::Board)).heading().size(18.0));
    ui.separator();
    for board in &session.boards {
        ui.label(RichText::new(&board.title).strong());
        for row in crate::board::edit::ranking(board).iter().take(5) {
            ui.label(format!("\u{25cf} {}  {}", row.votes, row.title));
        }
    }
    ui.add_space(12.0);
    ui.label(RichText::new(tr(T::Reflection)).heading().size(18.0));
    ui.separator();
    egui::Grid::new("reflection-breakdown")
        .striped(true)
        .show(ui, |ui| {
            let breakdown = crate::reflection::breakdown::reflection_breakdown(session);
            let per_source = breakdown.first().is_some_and(|b| b.per_source.len() > 1);
            ui.strong("");
            ui.strong(tr(T::Mean));
            if per_source {
                for (title, _, _) in &breakdown[0].per_source {
                    ui.strong(title);
                }
            }
            ui.end_row();
            for dimension in &breakdown {
                let mean = |m: Option<f64>, n: usize| {
                    m.map_or_else(|| "\u{2013}".to_owned(), |m| format!("{m:.1} (n = {n})"))
                };
                ui.label(&dimension.name);
                ui.label(mean(dimension.mean, dimension.count));
                if per_source {
                    for (_, m, n) in &dimension.per_source {
                        ui.label(mean(*m, *n));
                    }
                }
                ui.end_row();
            }
        });
}

fn review_details_ui(session: &mut Session, folder: Option<&Path>, lang: Lang, ui: &mut Ui) {
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
