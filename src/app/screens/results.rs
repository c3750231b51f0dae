//! Results & next steps: results and decisions, action items, next meeting, notes, credits.

use egui::{ComboBox, Id, RichText, Ui};

use crate::agenda::Method;
use crate::app::command::Cx;
use crate::app::widgets::{
    TextField, date_field, date_list_field, focus_when_shown, name_list_field, scaled,
    section_heading,
};
use crate::i18n::{T, status_text};
use crate::ids::{ActionItemId, ResultId};
use crate::results::edit::{ActionText, MeetingText, ResultsEdit};
use crate::results::{ActionItem, ActionStatus, Decision, Due, SourceLink};
use crate::session::Session;
use crate::session::edit::{MetaText, SessionEdit};

pub(in crate::app) fn results_ui(ui: &mut Ui, cx: &mut Cx) {
    ui.add_enabled_ui(!cx.is_read_only, |ui| {
        section_heading(ui, cx.tr(T::ResultsDecisions));
        decisions_ui(ui, cx);
        ui.add_space(12.0);
        section_heading(ui, cx.tr(T::ActionItems));
        action_items_ui(ui, cx);
        ui.add_space(12.0);
        section_heading(ui, cx.tr(T::NextMeeting));
        next_meeting_ui(ui, cx);
        ui.add_space(12.0);
        let notes = section_heading(ui, cx.tr(T::Notes));
        let field = TextField::new(&cx.session.notes, notes)
            .multiline(4)
            .show(ui);
        if let Some(text) = field.changed {
            cx.edit(ResultsEdit::SetNotes(text));
        }
        ui.add_space(12.0);
        section_heading(ui, cx.tr(T::Credits));
        credits_ui(ui, cx);
    });
}

fn result_field_id(id: ResultId) -> Id {
    Id::unique(("result-text", id))
}

fn action_title_id(id: ActionItemId) -> Id {
    Id::unique(("action-title", id))
}

fn decisions_ui(ui: &mut Ui, cx: &mut Cx) {
    let label = ui.label(RichText::new(cx.tr(T::Result)).weak());
    if cx.session.results.is_empty() {
        ui.label(RichText::new(cx.tr(T::Nothing)).weak());
    }
    let mut edits = Vec::new();
    for (index, result) in cx.session.results.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.label(format!("{}.", index + 1));
            let field = TextField::new(&result.text, label.id)
                .absolute_width(ui.available_width() - scaled(ui, 110.0))
                .id(result_field_id(result.id))
                .show(ui);
            // A result longer than the field (the projector's large text) reads whole on hover.
            if !result.text.is_empty() && !field.response.has_focus() {
                field.response.clone().on_hover_text(result.text.as_str());
            }
            if let Some(text) = field.changed {
                edits.push(ResultsEdit::SetResultText(result.id, text));
            }
            if ui.small_button(cx.tr(T::Remove)).clicked() {
                edits.push(ResultsEdit::RemoveResult(result.id));
            }
        });
    }
    if ui.button(format!("+ {}", cx.tr(T::AddResult))).clicked() {
        let id = ResultId::generate();
        focus_when_shown(ui.ctx(), result_field_id(id));
        edits.push(ResultsEdit::AddResult(Decision {
            id,
            ..Decision::default()
        }));
    }
    for edit in edits {
        cx.edit(edit);
    }
}

fn action_items_ui(ui: &mut Ui, cx: &mut Cx) {
    let sources = source_options(cx.session, cx);
    let mut edits = Vec::new();
    // The task takes what the other columns leave (owner, due, status, from, remove). Where
    // that is too little to read a task (large text, a narrow window), each task gets a line
    // of its own with its other fields, labelled, below it.
    let rest = scaled(ui, 700.0);
    if ui.available_width() - rest < scaled(ui, 260.0) {
        let width = ui.available_width() - scaled(ui, 12.0);
        for item in &cx.session.action_items {
            ui.group(|ui| {
                let task = ui.label(RichText::new(cx.tr(T::Task)).weak().small()).id;
                action_title_ui(ui, item, task, width, &mut edits);
                ui.horizontal_wrapped(|ui| {
                    action_fields_ui(ui, cx, item, None, &sources, &mut edits);
                });
            });
        }
    } else {
        let task_width = (ui.available_width() - rest).clamp(160.0, scaled(ui, 560.0));
        egui::Grid::new("action-items")
            .num_columns(5)
            .striped(true)
            .spacing([10.0, 6.0])
            .show(ui, |ui| {
                let task = ui.strong(cx.tr(T::Task)).id;
                let ids =
                    [T::Owner, T::Due, T::Status, T::Source].map(|key| ui.strong(cx.tr(key)).id);
                ui.label("");
                ui.end_row();
                for item in &cx.session.action_items {
                    action_title_ui(ui, item, task, task_width, &mut edits);
                    action_fields_ui(ui, cx, item, Some(ids), &sources, &mut edits);
                    ui.end_row();
                }
            });
    }
    if cx.session.action_items.is_empty() {
        ui.label(RichText::new(cx.tr(T::Nothing)).weak());
    }
    if ui
        .button(format!("+ {}", cx.tr(T::AddActionItem)))
        .clicked()
    {
        let id = ActionItemId::generate();
        focus_when_shown(ui.ctx(), action_title_id(id));
        edits.push(ResultsEdit::AddAction(ActionItem {
            id,
            ..ActionItem::default()
        }));
    }
    for edit in edits {
        cx.edit(edit);
    }
}

fn action_title_ui(
    ui: &mut Ui,
    item: &ActionItem,
    label: Id,
    width: f32,
    edits: &mut Vec<ResultsEdit>,
) {
    let title = TextField::new(&item.title, label)
        .absolute_width(width)
        .id(action_title_id(item.id))
        .show(ui);
    if !item.title.is_empty() && !title.response.has_focus() {
        title.response.clone().on_hover_text(item.title.as_str());
    }
    if let Some(text) = title.changed {
        edits.push(ResultsEdit::SetActionText(item.id, ActionText::Title, text));
    }
}

/// Owner, due, status, source and remove of an action item, labelled by the column headings
/// `[owner, due, status, source]`, or by a small label before each field.
fn action_fields_ui(
    ui: &mut Ui,
    cx: &Cx,
    item: &ActionItem,
    headings: Option<[Id; 4]>,
    sources: &[(SourceLink, String)],
    edits: &mut Vec<ResultsEdit>,
) {
    let label = |ui: &mut Ui, n: usize, key: T| match headings {
        Some(ids) => ids[n],
        None => ui.label(RichText::new(cx.tr(key)).weak().small()).id,
    };
    let owner = label(ui, 0, T::Owner);
    let field = TextField::new(&item.owner, owner).width(140.0).show(ui);
    if let Some(text) = field.changed {
        edits.push(ResultsEdit::SetActionText(item.id, ActionText::Owner, text));
    }
    let due = label(ui, 1, T::Due);
    if let Some(value) = due_ui(ui, cx, item, due) {
        edits.push(ResultsEdit::SetDue(item.id, value));
    }
    let status = label(ui, 2, T::Status);
    if let Some(value) = status_ui(ui, cx, item, status) {
        edits.push(ResultsEdit::SetStatus(item.id, value));
    }
    let source = label(ui, 3, T::Source);
    let picked = source_ui(
        ui,
        ("action-source", item.id),
        item.source,
        sources,
        source,
        cx,
    );
    if let Some(value) = picked {
        edits.push(ResultsEdit::SetActionSource(item.id, value));
    }
    if ui.small_button(cx.tr(T::Remove)).clicked() {
        edits.push(ResultsEdit::RemoveAction(item.id));
    }
}

fn due_ui(ui: &mut Ui, cx: &Cx, item: &ActionItem, label_id: Id) -> Option<Due> {
    let kind_text = |due: &Due| match due {
        Due::Open => cx.tr(T::DueOpen),
        Due::On(_) => cx.tr(T::DueOnDate),
        Due::NextMeeting => cx.tr(T::DueNextMeeting),
    };
    let mut changed = None;
    ui.horizontal(|ui| {
        ComboBox::from_id_salt(("due", item.id))
            .selected_text(kind_text(&item.due))
            .show_ui(ui, |ui| {
                let date = match item.due {
                    Due::On(date) => date,
                    _ => cx.now.to_zoned(jiff::tz::TimeZone::system()).date(),
                };
                for option in [Due::Open, Due::On(date), Due::NextMeeting] {
                    let selected =
                        std::mem::discriminant(&item.due) == std::mem::discriminant(&option);
                    if ui.selectable_label(selected, kind_text(&option)).clicked() && !selected {
                        changed = Some(option);
                    }
                }
            })
            .response
            .labelled_by(label_id);
        if let Due::On(date) = item.due {
            let today = cx.now.to_zoned(jiff::tz::TimeZone::system()).date();
            let field = date_field(
                ui,
                ("due-date", item.id),
                label_id,
                (Some(date), today),
                false,
                cx.lang,
            );
            if let Some(Some(date)) = field.changed {
                changed = Some(Due::On(date));
            }
        }
    });
    changed
}

fn status_ui(ui: &mut Ui, cx: &Cx, item: &ActionItem, label_id: Id) -> Option<ActionStatus> {
    let mut status = item.status;
    ComboBox::from_id_salt(("status", item.id))
        .selected_text(status_text(status, cx.lang))
        .show_ui(ui, |ui| {
            for option in ActionStatus::ALL {
                ui.selectable_value(&mut status, option, status_text(option, cx.lang));
            }
        })
        .response
        .labelled_by(label_id);
    (status != item.status).then_some(status)
}

fn next_meeting_ui(ui: &mut Ui, cx: &mut Cx) {
    let mut is_planned = cx.session.next_meeting.is_some();
    if ui
        .checkbox(&mut is_planned, cx.tr(T::NextMeetingPlanned))
        .changed()
    {
        cx.edit(ResultsEdit::SetNextMeetingPlanned(is_planned));
    }
    let Some(meeting) = &cx.session.next_meeting else {
        return;
    };
    let mut edits = Vec::new();
    ui.horizontal(|ui| {
        let label = ui.label(cx.tr(T::Dates));
        let today = cx.now.to_zoned(jiff::tz::TimeZone::system()).date();
        let dates = date_list_field(
            ui,
            "next-meeting-date",
            label.id,
            &meeting.dates,
            today,
            cx.lang,
        );
        if let Some(dates) = dates {
            edits.push(ResultsEdit::SetNextMeetingDates(dates));
        }
    });
    for (key, field, value) in [
        (T::Place, MeetingText::Place, &meeting.place),
        (T::Note, MeetingText::Note, &meeting.note),
    ] {
        ui.horizontal(|ui| {
            let label = ui.label(cx.tr(key));
            let width = ui.available_width().min(480.0);
            let text = TextField::new(value, label.id)
                .absolute_width(width)
                .show(ui);
            if let Some(text) = text.changed {
                edits.push(ResultsEdit::SetNextMeetingText(field, text));
            }
        });
    }
    for edit in edits {
        cx.edit(edit);
    }
}

fn credits_ui(ui: &mut Ui, cx: &mut Cx) {
    let meta = &cx.session.meta;
    let credits = &meta.credits;
    let mut edits = Vec::new();
    egui::Grid::new("credits").num_columns(2).show(ui, |ui| {
        let label = ui.label(cx.tr(T::Publisher));
        let field = TextField::new(&meta.publisher, label.id)
            .width(360.0)
            .show(ui);
        edits.extend(
            field
                .changed
                .map(|t| SessionEdit::SetText(MetaText::Publisher, t)),
        );
        ui.end_row();
        let label = ui.label(cx.tr(T::CreditsText));
        let field = name_list_field(ui, "credits-text", label.id, &credits.text);
        field.response.on_hover_text(cx.tr(T::CommaSeparated));
        edits.extend(field.changed.map(SessionEdit::SetCreditsText));
        ui.end_row();
        let label = ui.label(cx.tr(T::CreditsPhotos));
        let field = name_list_field(ui, "credits-photos", label.id, &credits.photos);
        field.response.on_hover_text(cx.tr(T::CommaSeparated));
        edits.extend(field.changed.map(SessionEdit::SetCreditsPhotos));
        ui.end_row();
    });
    let label = ui.label(cx.tr(T::Introduction));
    let field = TextField::new(&meta.introduction, label.id)
        .multiline(4)
        .show(ui);
    field.response.on_hover_text(cx.tr(T::IntroductionHelp));
    edits.extend(
        field
            .changed
            .map(|t| SessionEdit::SetText(MetaText::Introduction, t)),
    );
    for edit in edits {
        cx.edit(edit);
    }
}

/// Everything a result or action item can come from, with a name to show.
fn source_options(session: &Session, cx: &Cx) -> Vec<(SourceLink, String)> {
    let mut options = Vec::new();
    for item in session
        .agenda
        .items()
        .filter(|item| item.method != Method::Break)
    {
        options.push((
            SourceLink::AgendaItem(item.id),
            format!("{}: {}", cx.tr(T::Agenda), item.title),
        ));
    }
    for board in &session.boards {
        options.push((
            SourceLink::Board(board.id),
            format!("{}: {}", cx.tr(T::Board), board.title),
        ));
        for cluster in &board.clusters {
            options.push((
                SourceLink::Cluster(cluster.id),
                format!(
                    "{}: {} \u{203a} {}",
                    cx.tr(T::Board),
                    board.title,
                    cluster.title
                ),
            ));
        }
    }
    options
}

/// Picks where something came from; shows a dash for nothing. Returns the new choice.
fn source_ui(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    source: Option<SourceLink>,
    options: &[(SourceLink, String)],
    label_id: Id,
    cx: &Cx,
) -> Option<Option<SourceLink>> {
    let none = cx.tr(T::NoSource);
    let current = source
        .and_then(|link| options.iter().find(|(option, _)| *option == link))
        .map_or(none, |(_, name)| name.as_str());
    // Shortened by hand: a combo box grows with its text and would push the row off screen.
    let short: String = if current.chars().count() > 22 {
        current
            .chars()
            .take(21)
            .chain(std::iter::once('\u{2026}'))
            .collect()
    } else {
        current.to_owned()
    };
    let mut picked = source;
    ComboBox::from_id_salt(id_salt)
        .width(scaled(ui, 160.0))
        .selected_text(short)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut picked, None, none);
            for (link, name) in options {
                ui.selectable_value(&mut picked, Some(*link), name);
            }
        })
        .response
        .labelled_by(label_id)
        .on_hover_text(current);
    (picked != source).then_some(picked)
}
