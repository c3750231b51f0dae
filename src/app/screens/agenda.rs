//! Agenda: days and timeboxed items (read-only until the live agenda lands).

use egui::{RichText, Ui};

use super::read_only_note;
use crate::i18n::{Lang, T};
use crate::model::{Method, Session};

pub(super) fn agenda_ui(session: &Session, lang: Lang, ui: &mut Ui) {
    let tr = |key: T| key.get(lang);
    read_only_note(ui, lang);
    if session.agenda.days.is_empty() {
        ui.label(tr(T::NoAgenda));
        return;
    }
    // One grid for all days, so the columns line up from day to day.
    egui::Grid::new("agenda")
        .striped(true)
        .num_columns(4)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for (index, day) in session.agenda.days.iter().enumerate() {
                let date = day.date.map(|d| d.to_string()).unwrap_or_default();
                let start = day
                    .start_time
                    .map(|t| t.strftime("%H:%M").to_string())
                    .unwrap_or_default();
                ui.label(RichText::new(format!("{} {}", tr(T::Day), index + 1)).strong());
                ui.label(RichText::new(format!("{date}  {start}")).strong());
                ui.end_row();
                for item in &day.items {
                    ui.label(format!("{} {}", item.planned_minutes, tr(T::Minutes)));
                    ui.label(&item.title);
                    ui.label(RichText::new(method_text(item.method, lang)).weak());
                    ui.label(&item.responsible);
                    ui.end_row();
                }
            }
        });
    ui.add_space(8.0);
    ui.label(format!(
        "{}: {} {}",
        tr(T::PlannedTotal),
        session.agenda.planned_minutes(),
        tr(T::Minutes)
    ));
}

/// The method in words.
pub(crate) fn method_text(method: Method, lang: Lang) -> &'static str {
    match method {
        Method::Input => T::MethodInput,
        Method::Discussion => T::MethodDiscussion,
        Method::GroupWork => T::MethodGroupWork,
        Method::Positioning => T::MethodPositioning,
        Method::Clustering => T::MethodClustering,
        Method::Voting => T::MethodVoting,
        Method::Reflection => T::MethodReflection,
        Method::Break => T::MethodBreak,
        Method::Other => T::MethodOther,
    }
    .get(lang)
}
