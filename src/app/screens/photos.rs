//! Photo attachments (read-only until the photo screen lands).

use std::path::Path;

use egui::{RichText, Ui};

use super::read_only_note;
use crate::i18n::{Lang, T};
use crate::model::Session;

pub(super) fn photos_ui(session: &Session, folder: Option<&Path>, lang: Lang, ui: &mut Ui) {
    let tr = |key: T| key.get(lang);
    read_only_note(ui, lang);
    if session.photos.is_empty() {
        ui.label(tr(T::NoPhotos));
        return;
    }
    egui::Grid::new("photos")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            for photo in &session.photos {
                let exists = folder.is_some_and(|folder| folder.join(&photo.path).is_file());
                ui.monospace(&photo.path);
                ui.label(&photo.caption);
                let mut who = photo.photographer.clone();
                if !exists {
                    who = format!("{who} \u{2013} {}", tr(T::MissingPhoto));
                }
                ui.label(RichText::new(who).weak());
                ui.end_row();
            }
        });
}
