//! The reflection round (read-only until the reflection screen lands).

use egui::{RichText, Ui};

use super::read_only_note;
use crate::i18n::{Lang, T};
use crate::model::Session;

pub(super) fn reflection_ui(session: &Session, lang: Lang, ui: &mut Ui) {
    let tr = |key: T| key.get(lang);
    let reflection = &session.reflection;
    read_only_note(ui, lang);
    egui::Grid::new("reflection").striped(true).show(ui, |ui| {
        ui.strong(if reflection.is_anonymous {
            tr(T::Anonymous)
        } else {
            ""
        });
        for dimension in &reflection.dimensions {
            ui.strong(&dimension.name);
        }
        ui.end_row();
        for entry in &reflection.entries {
            ui.label(&entry.who);
            for dimension in &reflection.dimensions {
                let rating = entry.ratings.get(&dimension.id);
                ui.label(
                    rating
                        .map(ToString::to_string)
                        .unwrap_or_else(|| "\u{2013}".into()),
                );
            }
            ui.label(RichText::new(&entry.comment).weak());
            ui.end_row();
        }
    });
    if !reflection.dissent.is_empty() {
        ui.add_space(8.0);
        ui.strong(tr(T::Dissent));
        for dissent in &reflection.dissent {
            ui.label(format!("{}: {}", dissent.who, dissent.statement));
            if !dissent.response.is_empty() {
                ui.label(RichText::new(format!("\u{21b3} {}", dissent.response)).weak());
            }
        }
    }
    if !reflection.summary.is_empty() {
        ui.add_space(8.0);
        ui.strong(tr(T::Summary));
        ui.label(&reflection.summary);
    }
}
