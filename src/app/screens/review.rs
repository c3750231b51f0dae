//! Review: the session at a glance.

use std::path::Path;

use egui::{RichText, Ui};

use crate::i18n::{Lang, T};
use crate::model::Session;
use crate::summary::Summary;

pub(super) fn review_ui(session: &Session, folder: Option<&Path>, lang: Lang, ui: &mut Ui) {
    let tr = |key: T| key.get(lang);
    let summary = Summary::of(session);
    let meta = &session.meta;
    egui::Grid::new("review").num_columns(2).spacing([16.0, 6.0]).show(ui, |ui| {
        let row = |ui: &mut Ui, key: T, value: String| {
            ui.label(RichText::new(tr(key)).weak());
            ui.label(value);
            ui.end_row();
        };
        row(ui, T::Title, meta.title.clone());
        row(ui, T::Series, meta.series.clone());
        row(ui, T::Organiser, meta.organiser.clone());
        row(ui, T::Dates, summary.date_range());
        row(ui, T::Location, meta.location.clone());
        row(ui, T::Moderators, meta.moderators.join(", "));
        row(ui, T::Participants, summary.participants.to_string());
        row(ui, T::Organisations, session.organisations().join(", "));
        if let Some(folder) = folder {
            row(ui, T::Folder, folder.display().to_string());
        }
    });
    ui.add_space(10.0);
    ui.strong(tr(T::Summary));
    for line in summary.lines().iter().skip(1) {
        ui.label(line);
    }
}
