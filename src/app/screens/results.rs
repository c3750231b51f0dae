//! Results & next steps: results and decisions, action items, next meeting, notes, credits.

use egui::{ComboBox, RichText, Ui};

use crate::app::widgets::{
    date_edit_ui, date_list_edit_ui, labelled_text_ui, multiline_ui, name_list_edit_ui,
    text_edit_ui,
};
use crate::i18n::{Lang, T};
use crate::model::{
    ActionItem, ActionItemId, ActionStatus, Decision, Due, Method, NextMeeting, ResultId, Session,
    SourceLink,
};

pub(super) fn results_ui(session: &mut Session, lang: Lang, ui: &mut Ui) {
    let tr = |key: T| key.get(lang);

    section_heading(ui, tr(T::ResultsDecisions));
    decisions_ui(&mut session.results, lang, ui);
    ui.add_space(12.0);
    section_heading(ui, tr(T::ActionItems));
    let sources = source_options(session, lang);
    action_items_ui(&mut session.action_items, &sources, lang, ui);
    ui.add_space(12.0);
    section_heading(ui, tr(T::NextMeeting));
    next_meeting_ui(&mut session.next_meeting, lang, ui);
    ui.add_space(12.0);
    let notes = section_heading(ui, tr(T::Notes));
    multiline_ui(ui, &mut session.notes, notes, 4);
    ui.add_space(12.0);
    section_heading(ui, tr(T::Credits));
    credits_ui(session, lang, ui);
}

/// A section heading; returns its id so a field below can be labelled by it.
fn section_heading(ui: &mut Ui, text: &str) -> egui::Id {
    let id = ui.label(RichText::new(text).heading().size(18.0)).id;
    ui.separator();
    id
}

fn decisions_ui(results: &mut Vec<Decision>, lang: Lang, ui: &mut Ui) {
    let tr = |key: T| key.get(lang);
    let mut remove = None;
    let label = ui.label(RichText::new(tr(T::Result)).weak());
    if results.is_empty() {
        ui.label(RichText::new(tr(T::Nothing)).weak());
    }
    for (index, result) in results.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            ui.label(format!("{}.", index + 1));
            text_edit_ui(ui, &mut result.text, label.id, ui.available_width() - 90.0);
            if ui.small_button(tr(T::Remove)).clicked() {
                remove = Some(index);
            }
        });
    }
    if let Some(index) = remove {
        results.remove(index);
    }
    if ui.button(format!("+ {}", tr(T::AddResult))).clicked() {
        results.push(Decision {
            id: ResultId::generate(),
            ..Decision::default()
        });
    }
}

fn action_items_ui(
    items: &mut Vec<ActionItem>,
    sources: &[(SourceLink, String)],
    lang: Lang,
    ui: &mut Ui,
) {
    let tr = |key: T| key.get(lang);
    let mut remove = None;
    // The task takes what the other columns leave (owner, due, status, from, remove).
    let task_width = (ui.available_width() - 830.0).clamp(200.0, 560.0);
    egui::Grid::new("action-items")
        .num_columns(5)
        .striped(true)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            let task = ui.strong(tr(T::Task)).id;
            let owner = ui.strong(tr(T::Owner)).id;
            let due = ui.strong(tr(T::Due)).id;
            let status = ui.strong(tr(T::Status)).id;
            let source = ui.strong(tr(T::Source)).id;
            ui.label("");
            ui.end_row();
            for (index, item) in items.iter_mut().enumerate() {
                let title = text_edit_ui(ui, &mut item.title, task, task_width);
                if !item.title.is_empty() && !title.has_focus() {
                    title.on_hover_text(item.title.as_str());
                }
                text_edit_ui(ui, &mut item.owner, owner, 180.0);
                due_ui(ui, item.id, &mut item.due, due, lang);
                status_ui(ui, item.id, &mut item.status, status, lang);
                source_ui(
                    ui,
                    ("action-source", item.id),
                    &mut item.source,
                    sources,
                    source,
                    lang,
                );
                if ui.small_button(tr(T::Remove)).clicked() {
                    remove = Some(index);
                }
                ui.end_row();
            }
        });
    if items.is_empty() {
        ui.label(RichText::new(tr(T::Nothing)).weak());
    }
    if let Some(index) = remove {
        items.remove(index);
    }
    if ui.button(format!("+ {}", tr(T::AddActionItem))).clicked() {
        items.push(ActionItem {
            id: ActionItemId::generate(),
            ..ActionItem::default()
        });
    }
}

fn due_ui(ui: &mut Ui, id: ActionItemId, due: &mut Due, label_id: egui::Id, lang: Lang) {
    let tr = |key: T| key.get(lang);
    let kind_text = |due: &Due| match due {
        Due::Open => tr(T::DueOpen),
        Due::On(_) => tr(T::DueOnDate),
        Due::NextMeeting => tr(T::DueNextMeeting),
    };
    ui.horizontal(|ui| {
        ComboBox::from_id_salt(("due", id))
            .selected_text(kind_text(due))
            .show_ui(ui, |ui| {
                let today = jiff::Zoned::now().date();
                let date = match due {
                    Due::On(date) => *date,
                    _ => today,
                };
                for option in [Due::Open, Due::On(date), Due::NextMeeting] {
                    let selected = std::mem::discriminant(due) == std::mem::discriminant(&option);
                    if ui.selectable_label(selected, kind_text(&option)).clicked() && !selected {
                        *due = option;
                    }
                }
            })
            .response
            .labelled_by(label_id);
        if let Due::On(date) = due {
            date_edit_ui(ui, ("due-date", id), label_id, date, tr(T::InvalidDate));
        }
    });
}

fn status_ui(
    ui: &mut Ui,
    id: ActionItemId,
    status: &mut ActionStatus,
    label_id: egui::Id,
    lang: Lang,
) {
    ComboBox::from_id_salt(("status", id))
        .selected_text(status_text(*status, lang))
        .show_ui(ui, |ui| {
            for option in ActionStatus::ALL {
                ui.selectable_value(status, option, status_text(option, lang));
            }
        })
        .response
        .labelled_by(label_id);
}

/// The status in words.
pub(crate) fn status_text(status: ActionStatus, lang: Lang) -> &'static str {
    match status {
        ActionStatus::Open => T::StatusOpen,
        ActionStatus::InProgress => T::StatusInProgress,
        ActionStatus::Done => T::StatusDone,
        ActionStatus::Dropped => T::StatusDropped,
    }
    .get(lang)
}

fn next_meeting_ui(next: &mut Option<NextMeeting>, lang: Lang, ui: &mut Ui) {
    let tr = |key: T| key.get(lang);
    let mut is_planned = next.is_some();
    if ui
        .checkbox(&mut is_planned, tr(T::NextMeetingPlanned))
        .changed()
    {
        *next = is_planned.then(NextMeeting::default);
    }
    let Some(meeting) = next else {
        return;
    };
    ui.horizontal(|ui| {
        let label = ui.label(tr(T::Dates));
        date_list_edit_ui(ui, "next-meeting-date", label.id, &mut meeting.dates, lang);
    });
    labelled_text_ui(ui, tr(T::Place), &mut meeting.place);
    labelled_text_ui(ui, tr(T::Note), &mut meeting.note);
}

fn credits_ui(session: &mut Session, lang: Lang, ui: &mut Ui) {
    let tr = |key: T| key.get(lang);
    let credits = &mut session.meta.credits;
    egui::Grid::new("credits").num_columns(2).show(ui, |ui| {
        let label = ui.label(tr(T::CreditsText));
        name_list_edit_ui(ui, "credits-text", label.id, &mut credits.text)
            .on_hover_text(tr(T::CommaSeparated));
        ui.end_row();
        let label = ui.label(tr(T::CreditsPhotos));
        name_list_edit_ui(ui, "credits-photos", label.id, &mut credits.photos)
            .on_hover_text(tr(T::CommaSeparated));
        ui.end_row();
    });
}

/// Everything a result or action item can come from, with a name to show.
fn source_options(session: &Session, lang: Lang) -> Vec<(SourceLink, String)> {
    let mut options = Vec::new();
    for item in session
        .agenda
        .items()
        .filter(|item| item.method != Method::Break)
    {
        options.push((
            SourceLink::AgendaItem(item.id),
            format!("{}: {}", T::Agenda.get(lang), item.title),
        ));
    }
    for board in &session.boards {
        options.push((
            SourceLink::Board(board.id),
            format!("{}: {}", T::Board.get(lang), board.title),
        ));
        for cluster in &board.clusters {
            options.push((
                SourceLink::Cluster(cluster.id),
                format!(
                    "{}: {} \u{203a} {}",
                    T::Board.get(lang),
                    board.title,
                    cluster.title
                ),
            ));
        }
    }
    options
}

/// Picks where something came from; shows a dash for nothing.
fn source_ui(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    source: &mut Option<SourceLink>,
    options: &[(SourceLink, String)],
    label_id: egui::Id,
    lang: Lang,
) {
    let none = T::NoSource.get(lang);
    let current = source
        .and_then(|link| options.iter().find(|(option, _)| *option == link))
        .map_or(none, |(_, name)| name.as_str());
    // Shortened by hand: a combo box grows with its text and would push the row off screen.
    let short: String = if current.chars().count() > 30 {
        current
            .chars()
            .take(29)
            .chain(std::iter::once('\u{2026}'))
            .collect()
    } else {
        current.to_owned()
    };
    ComboBox::from_id_salt(id_salt)
        .width(210.0)
        .selected_text(short)
        .show_ui(ui, |ui| {
            ui.selectable_value(source, None, none);
            for (link, name) in options {
                ui.selectable_value(source, Some(*link), name);
            }
        })
        .response
        .labelled_by(label_id)
        .on_hover_text(current);
}
