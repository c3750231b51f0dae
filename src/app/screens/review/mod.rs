//! Review: the session at a glance, its details and participants, a consolidation's sources
//! and merge proposals, exports, and a comparison with another session.

mod compare;
mod story;

pub use compare::Comparison;

use egui::{RichText, Ui};

use crate::app::command::{Command, Cx, PathPurpose};
use crate::app::widgets::{
    TextField, date_list_field, focus_when_shown, name_list_field, section_heading,
};
use crate::export::Kind as ExportKind;
use crate::i18n::{self, T, fill};
use crate::ids::ParticipantId;
use crate::session::edit::{MetaText, ParticipantText, SessionEdit};
use crate::session::summary::Summary;
use crate::session::{DecisionState, MergeKind, Participant};

/// What the review screen remembers: the session it is compared with, and a section the
/// table of contents asked to scroll to.
#[derive(Default)]
pub struct ReviewState {
    pub compare: Option<Comparison>,
    jump: Option<story::Section>,
}

pub(in crate::app) fn review_ui(
    ui: &mut Ui,
    cx: &mut Cx,
    state: &mut ReviewState,
    photos: &mut crate::app::photo_cache::PhotoCache,
) {
    egui::Panel::left(egui::Id::unique("review-contents"))
        .resizable(false)
        .default_size(190.0)
        .show(ui, |ui| {
            ui.label(RichText::new(cx.tr(T::Contents)).strong());
            for section in story::Section::ALL {
                if ui
                    .add(egui::Button::new(cx.tr(section.title())).frame(false))
                    .clicked()
                {
                    state.jump = Some(section);
                }
            }
        });
    egui::ScrollArea::both()
        .id_salt("review-scroll")
        .auto_shrink(false)
        .show(ui, |ui| {
            // Text wraps at what is in view; only a table wider than that scrolls sideways.
            let in_view = ui.clip_rect().width() - ui.spacing().scroll.bar_width - 8.0;
            ui.set_max_width(in_view.max(300.0));
            story_ui(ui, cx, state, photos);
        });
    if let Some(comparison) = &mut state.compare
        && !compare::compare_window_ui(ui.ctx(), cx, comparison)
    {
        cx.command(Command::CloseComparison);
    }
}

fn story_ui(
    ui: &mut Ui,
    cx: &mut Cx,
    state: &mut ReviewState,
    photos: &mut crate::app::photo_cache::PhotoCache,
) {
    use story::Section;
    ui.horizontal(|ui| {
        if ui.button(cx.tr(T::CompareWith)).clicked() {
            cx.command(Command::ChoosePath(PathPurpose::Compare));
        }
        if state.compare.is_some() && ui.button(cx.tr(T::CloseComparison)).clicked() {
            cx.command(Command::CloseComparison);
        }
        ui.separator();
        for (key, kind) in [
            (T::ExportPdf, ExportKind::Pdf),
            (T::ExportMarkdown, ExportKind::Markdown),
            (T::ExportCsv, ExportKind::Csv),
        ] {
            if ui.button(cx.tr(key)).clicked() {
                cx.command(Command::ChoosePath(PathPurpose::Export(kind)));
            }
        }
    });
    ui.add_space(6.0);
    if cx.session.provenance.is_some() {
        ui.add_enabled_ui(!cx.is_read_only, |ui| consolidation_ui(ui, cx));
        ui.add_space(12.0);
    }
    let jump = &mut state.jump;
    // Each section within what is in view, whatever a wide table before it did to the width
    // (a Ui grows to hold its widest child, and later text would wrap out of view).
    let in_view = ui.max_rect().width();
    let within = |ui: &mut Ui, add: &mut dyn FnMut(&mut Ui)| {
        ui.scope(|ui| {
            ui.set_max_width(in_view);
            add(ui);
        });
    };
    story::heading(ui, cx, Section::Overview, jump);
    within(ui, &mut |ui| {
        glance_ui(ui, cx);
        ui.add_space(8.0);
        overview_ui(ui, cx);
    });
    story::heading(ui, cx, Section::Details, jump);
    within(ui, &mut |ui| {
        ui.add_enabled_ui(!cx.is_read_only, |ui| details_ui(ui, cx));
    });
    story::heading(ui, cx, Section::Agenda, jump);
    within(ui, &mut |ui| story::agenda_ui(ui, cx));
    story::heading(ui, cx, Section::Results, jump);
    within(ui, &mut |ui| story::results_ui(ui, cx));
    story::heading(ui, cx, Section::Boards, jump);
    within(ui, &mut |ui| story::boards_ui(ui, cx));
    story::heading(ui, cx, Section::Reflection, jump);
    within(ui, &mut |ui| story::reflection_ui(ui, cx));
    story::heading(ui, cx, Section::Photos, jump);
    within(ui, &mut |ui| story::photos_ui(ui, cx, photos));
    story::heading(ui, cx, Section::NextMeeting, jump);
    within(ui, &mut |ui| {
        story::next_meeting_ui(ui, cx);
        ui.add_space(8.0);
        story::publication_ui(ui, cx);
    });
}

/// The sources of a consolidation, where they differ, and the merges waiting for a
/// decision.
fn consolidation_ui(ui: &mut Ui, cx: &mut Cx) {
    section_heading(ui, cx.tr(T::Consolidation));
    let session = cx.session;
    let Some(provenance) = &session.provenance else {
        return;
    };
    ui.label(RichText::new(cx.tr(T::Sources)).strong());
    for (label, text) in i18n::source_legend(provenance, cx.lang) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(label).strong());
            ui.add(egui::Label::new(text).wrap());
        });
    }
    conflicts_ui(ui, cx);
    let rows = proposal_rows(cx);
    let open = provenance
        .decisions
        .iter()
        .filter(|d| d.state == DecisionState::Proposed)
        .count();
    ui.add_space(6.0);
    ui.label(
        RichText::new(i18n::plural(
            open as u64,
            T::OneOpenProposal,
            T::OpenProposals,
            cx.lang,
        ))
        .strong(),
    );
    let mut edits = Vec::new();
    let all_open: Vec<usize> = provenance
        .decisions
        .iter()
        .enumerate()
        .filter(|(_, d)| d.state == DecisionState::Proposed)
        .map(|(i, _)| i)
        .collect();
    if all_open.len() > 1 {
        ui.horizontal(|ui| {
            if ui.button(cx.tr(T::MergeAll)).clicked() {
                edits.push(SessionEdit::SetDecisions(
                    all_open.clone(),
                    DecisionState::Accepted,
                ));
            }
            if ui.button(cx.tr(T::KeepAllApart)).clicked() {
                edits.push(SessionEdit::SetDecisions(
                    all_open.clone(),
                    DecisionState::Rejected,
                ));
            }
        });
    }
    egui::ScrollArea::vertical()
        .id_salt("merge-proposals")
        .max_height(360.0)
        .show(ui, |ui| {
            for row in &rows {
                proposal_row_ui(ui, cx, row, &mut edits);
            }
        });
    let decided = provenance
        .decisions
        .iter()
        .any(|d| d.state != DecisionState::Proposed);
    if decided
        && ui
            .button(cx.tr(T::ApplyDecisions))
            .on_hover_text(cx.tr(T::ApplyDecisionsHelp))
            .clicked()
    {
        cx.command(Command::Reconsolidate);
    }
    for edit in edits {
        cx.edit(edit);
    }
}

/// Where the sources differ, one sentence each.
fn conflicts_ui(ui: &mut Ui, cx: &Cx) {
    let conflicts = i18n::shown_conflicts(cx.session);
    if conflicts.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(
        RichText::new(fill(
            cx.tr(T::ConflictsHeading),
            &[&conflicts.len().to_string()],
        ))
        .strong(),
    );
    ui.add(egui::Label::new(RichText::new(cx.tr(T::ConflictsHelp)).weak()).wrap());
    egui::ScrollArea::vertical()
        .id_salt("source-conflicts")
        .max_height(240.0)
        .show(ui, |ui| {
            for conflict in conflicts {
                let line = i18n::conflict_line(conflict, cx.session, cx.lang);
                ui.add(egui::Label::new(format!("\u{2022} {line}")).wrap());
            }
        });
}

/// A row of merge proposals: the same pair of names (a series of 50 workshops proposes the
/// same pair many times) is one row, decided together.
struct ProposalRow {
    label: String,
    kind: MergeKind,
    indices: Vec<usize>,
}

/// The proposals the facilitator decides, each side named with its source:
/// „Zielbilder“ (W1) ↔ „Zielbilder 2030“ (W3).
fn proposal_rows(cx: &Cx) -> Vec<ProposalRow> {
    let session = cx.session;
    let Some(provenance) = &session.provenance else {
        return Vec::new();
    };
    // Older files carry no names: then the session's current titles.
    let titles = crate::consolidate::titles_by_id(session);
    let shown = crate::consolidate::facilitator_decisions(session);
    let mut rows: Vec<ProposalRow> = Vec::new();
    for (index, decision) in provenance.decisions.iter().enumerate() {
        if !shown.contains(&index) {
            continue;
        }
        let mut names: Vec<String> = decision
            .members
            .iter()
            .map(|id| match decision.names.iter().find(|n| n.id == *id) {
                Some(name) => {
                    let label = provenance.label(name.source).unwrap_or_default();
                    format!("\u{201e}{}\u{201c} ({label})", name.title)
                }
                None => titles
                    .get(id)
                    .map(|t| format!("\u{201e}{t}\u{201c}"))
                    .unwrap_or_else(|| cx.tr(T::FromAnotherSource).to_owned()),
            })
            .collect();
        names.dedup();
        let label = names.join("  \u{2194}  ");
        match rows
            .iter_mut()
            .find(|r| r.label == label && r.kind == decision.kind)
        {
            Some(row) => row.indices.push(index),
            None => rows.push(ProposalRow {
                label,
                kind: decision.kind,
                indices: vec![index],
            }),
        }
    }
    rows
}

/// One row of proposals with its choice; a decided row stays in place showing the choice.
fn proposal_row_ui(ui: &mut Ui, cx: &Cx, row: &ProposalRow, edits: &mut Vec<SessionEdit>) {
    let Some(provenance) = &cx.session.provenance else {
        return;
    };
    let kind_text = match row.kind {
        MergeKind::Cluster => cx.tr(T::Clusters),
        MergeKind::ActionItem => cx.tr(T::ActionItems),
        MergeKind::Result => cx.tr(T::ResultsDecisions),
    };
    let times = if row.indices.len() > 1 {
        format!("  (\u{d7}{})", row.indices.len())
    } else {
        String::new()
    };
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(kind_text).weak());
        ui.label(format!("{}{times}", row.label));
    });
    let Some(state) = row
        .indices
        .first()
        .and_then(|i| provenance.decisions.get(*i))
        .map(|d| d.state)
    else {
        return;
    };
    let set = |state: DecisionState| SessionEdit::SetDecisions(row.indices.clone(), state);
    ui.horizontal(|ui| match state {
        DecisionState::Proposed => {
            let merge = if row.indices.len() > 1 {
                T::MergeAllLikeThis
            } else {
                T::Merge
            };
            if ui.button(cx.tr(merge)).clicked() {
                edits.push(set(DecisionState::Accepted));
            }
            if ui.button(cx.tr(T::KeepApart)).clicked() {
                edits.push(set(DecisionState::Rejected));
            }
        }
        decided => {
            let (said, other, other_state) = if decided == DecisionState::Accepted {
                (T::DecidedMerge, T::KeepApart, DecisionState::Rejected)
            } else {
                (T::DecidedApart, T::Merge, DecisionState::Accepted)
            };
            ui.label(RichText::new(cx.tr(said)).strong());
            if ui.small_button(cx.tr(other)).clicked() {
                edits.push(set(other_state));
            }
            if ui.small_button(cx.tr(T::UndoDecision)).clicked() {
                edits.push(set(DecisionState::Proposed));
            }
        }
    });
}

/// The agenda's totals: minutes planned and held, items over time.
fn overview_ui(ui: &mut Ui, cx: &Cx) {
    let session = cx.session;
    let totals = crate::agenda::figures::agenda(&session.agenda, cx.now);
    let (minutes, over) = (totals.held_minutes, totals.items_over_time);
    if totals.items_held == 0 {
        ui.label(RichText::new(cx.tr(T::NothingHeldYet)).weak());
        return;
    }
    ui.label(fill(
        cx.tr(T::HeldTotal),
        &[
            &minutes.to_string(),
            &session.agenda.planned_minutes().to_string(),
            &over.to_string(),
        ],
    ));
}

/// The reflection's means per dimension, with a column per source for a consolidation.
pub(super) fn reflection_grid_ui(ui: &mut Ui, cx: &Cx) {
    let session = cx.session;
    egui::Grid::new("reflection-breakdown")
        .striped(true)
        .show(ui, |ui| {
            let figures = crate::reflection::figures::figures(session);
            let per_source = figures.is_pooled();
            ui.strong("");
            ui.strong(if per_source {
                fill(cx.tr(T::MeanOfAll), &[&figures.pooled_sources().join(", ")])
            } else {
                cx.tr(T::Mean).to_owned()
            });
            if per_source {
                for source in &figures.by_source {
                    ui.strong(&source.label);
                }
            }
            ui.end_row();
            let mean = |m: Option<f64>, n: usize| {
                m.map_or_else(
                    || "\u{2013}".to_owned(),
                    |m| format!("{} (n = {n})", i18n::decimal(m, 1, cx.lang)),
                )
            };
            for (i, pooled) in figures.pooled.iter().enumerate() {
                ui.label(&pooled.name);
                ui.label(mean(pooled.mean, pooled.count));
                if per_source {
                    for source in &figures.by_source {
                        let own = source.dimensions.get(i);
                        ui.label(own.map_or_else(String::new, |d| mean(d.mean, d.count)));
                    }
                }
                ui.end_row();
            }
        });
}

fn details_ui(ui: &mut Ui, cx: &mut Cx) {
    let meta = &cx.session.meta;
    let mut edits = Vec::new();
    let width = ui.available_width().min(640.0);
    egui::Grid::new("session-details")
        .num_columns(2)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for (key, field, value) in [
                (T::Title, MetaText::Title, &meta.title),
                (T::Series, MetaText::Series, &meta.series),
                (T::Organiser, MetaText::Organiser, &meta.organiser),
                (T::Location, MetaText::Location, &meta.location),
            ] {
                let label = ui.label(cx.tr(key));
                let text = TextField::new(value, label.id)
                    .absolute_width(width)
                    .show(ui);
                edits.extend(text.changed.map(|t| SessionEdit::SetText(field, t)));
                ui.end_row();
            }
            let label = ui.label(cx.tr(T::Dates));
            let today = cx.now.to_zoned(jiff::tz::TimeZone::system()).date();
            let dates = date_list_field(ui, "session-date", label.id, &meta.dates, today, cx.lang);
            edits.extend(dates.map(SessionEdit::SetDates));
            ui.end_row();
            let label = ui.label(cx.tr(T::Moderators));
            let names = name_list_field(ui, "moderators", label.id, &meta.moderators);
            names.response.on_hover_text(cx.tr(T::CommaSeparated));
            edits.extend(names.changed.map(SessionEdit::SetModerators));
            ui.end_row();
            let label = ui.label(cx.tr(T::ContentLanguage));
            let text = TextField::new(&meta.language, label.id)
                .width(80.0)
                .show(ui);
            edits.extend(
                text.changed
                    .map(|t| SessionEdit::SetText(MetaText::Language, t)),
            );
            ui.end_row();
        });
    ui.add_space(12.0);
    section_heading(ui, cx.tr(T::Participants));
    // Three fields and "Remove" share the width in view (fields of a fixed width overflowed it
    // with the projector theme's text).
    let remove = crate::app::widgets::text_width(ui, cx.tr(T::Remove), egui::TextStyle::Button)
        + 2.0 * ui.spacing().button_padding.x;
    let field_width = ((ui.available_width() - remove - 4.0 * 10.0 - 8.0) / 3.0)
        .clamp(120.0, crate::app::widgets::scaled(ui, 220.0))
        .floor();
    egui::Grid::new("participants")
        .num_columns(4)
        .striped(true)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            let name = ui.strong(cx.tr(T::Name)).id;
            let organisation = ui.strong(cx.tr(T::Organisation)).id;
            let role = ui.strong(cx.tr(T::Role)).id;
            ui.label("");
            ui.end_row();
            for participant in &meta.participants {
                for (n, (label, field, value)) in [
                    (name, ParticipantText::Name, &participant.name),
                    (
                        organisation,
                        ParticipantText::Organisation,
                        &participant.organisation,
                    ),
                    (role, ParticipantText::Role, &participant.role),
                ]
                .into_iter()
                .enumerate()
                {
                    let mut text = TextField::new(value, label).absolute_width(field_width);
                    if n == 0 {
                        text = text.id(participant_id(participant.id));
                    }
                    let text = text.show(ui);
                    edits.extend(
                        text.changed
                            .map(|t| SessionEdit::SetParticipantText(participant.id, field, t)),
                    );
                }
                if ui.small_button(cx.tr(T::Remove)).clicked() {
                    edits.push(SessionEdit::RemoveParticipant(participant.id));
                }
                ui.end_row();
            }
        });
    if ui
        .button(format!("+ {}", cx.tr(T::AddParticipant)))
        .clicked()
    {
        let id = ParticipantId::generate();
        focus_when_shown(ui.ctx(), participant_id(id));
        edits.push(SessionEdit::AddParticipant(Participant {
            id,
            ..Participant::default()
        }));
    }
    for edit in edits {
        cx.edit(edit);
    }
}

/// A participant's name field: given the focus after "+ Add participant".
fn participant_id(id: ParticipantId) -> egui::Id {
    egui::Id::unique(("participant-name", id))
}

/// Counts of everything in the session.
fn glance_ui(ui: &mut Ui, cx: &Cx) {
    let session = cx.session;
    let s = Summary::of(session, cx.now);
    let next_meeting = match &s.next_meeting {
        Some(next) => {
            let dates: Vec<String> = next.dates.iter().map(|d| i18n::date(*d, cx.lang)).collect();
            fill(
                cx.tr(T::ReviewNextMeeting),
                &[&dates.join(", "), &next.place],
            )
        }
        None => cx.tr(T::NoNextMeeting).to_owned(),
    };
    let rows = [
        (T::Participants, s.participants.to_string()),
        (T::Organisations, session.organisations().join(", ")),
        (
            T::Agenda,
            fill(
                cx.tr(T::ReviewAgenda),
                &[&s.agenda_items.to_string(), &s.planned_minutes.to_string()],
            ),
        ),
        (
            T::Board,
            fill(
                cx.tr(T::ReviewBoards),
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
                cx.tr(T::ReviewReflection),
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
            cx.folder
                .map(|f| f.display().to_string())
                .unwrap_or_default(),
        ),
    ];
    egui::Grid::new("review")
        .num_columns(2)
        .spacing([16.0, 6.0])
        .striped(true)
        .show(ui, |ui| {
            for (key, value) in rows {
                ui.label(RichText::new(cx.tr(key)).weak());
                // Wrapped within the section's width (Review scrolls sideways too).
                ui.add(egui::Label::new(value).wrap());
                ui.end_row();
            }
        });
}
