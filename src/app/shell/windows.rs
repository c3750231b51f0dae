//! Small windows over the screens: the shortcut overlay and the large photo preview.

use egui::RichText;

use crate::app::ModeratoApp;
use crate::app::command::Command;
use crate::i18n::{T, fill};

impl ModeratoApp {
    /// The shortcut overlay (F1 or ?).
    pub(in crate::app) fn help_ui(&mut self, ctx: &egui::Context) {
        if !self.shell.is_help_open {
            return;
        }
        let lang = self.lang();
        let mut is_open = true;
        egui::Window::new(T::HelpTitle.get(lang))
            .open(&mut is_open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                help_table_ui(ui, lang);
            });
        if !is_open || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.shell.is_help_open = false;
        }
    }

    /// A photo shown large, with previous / next; its texture is dropped when it closes.
    pub(in crate::app) fn preview_ui(&mut self, ctx: &egui::Context) {
        let Some(preview) = &self.photos.preview else {
            return;
        };
        let lang = self.lang();
        let tr = |key: T| key.get(lang);
        let photos = &self.doc.session().photos;
        let Some(index) = photos.iter().position(|p| p.id == preview.id) else {
            self.intents.commands.push(Command::ClosePreview);
            return;
        };
        let photo = &photos[index];
        let mut is_open = true;
        let mut go_to = None;
        // Named by its caption, else by its place in the photos; never by its file's name.
        let title = if photo.caption.trim().is_empty() {
            fill(tr(T::PhotoNumber), &[&(index + 1).to_string()])
        } else {
            photo.caption.clone()
        };
        egui::Window::new(title)
            .id(egui::Id::unique("photo-preview"))
            .open(&mut is_open)
            .default_size([900.0, 680.0])
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    let previous = egui::Button::new(format!("\u{2190} {}", tr(T::Previous)));
                    if ui.add_enabled(index > 0, previous).clicked() {
                        go_to = Some(index - 1);
                    }
                    let next = egui::Button::new(format!("{} \u{2192}", tr(T::NextPhoto)));
                    if ui.add_enabled(index + 1 < photos.len(), next).clicked() {
                        go_to = Some(index + 1);
                    }
                    ui.label(RichText::new(format!("{} / {}", index + 1, photos.len())).weak());
                    if !photo.photographer.is_empty() {
                        let credit = fill(tr(T::PhotoCredit), &[&photo.photographer]);
                        ui.label(RichText::new(credit).weak());
                    }
                });
                match &preview.picture {
                    Some(Ok(texture)) => {
                        ui.add(egui::Image::new(texture).shrink_to_fit());
                    }
                    Some(Err(message)) => {
                        ui.label(
                            RichText::new(format!("\u{26a0} {message}"))
                                .color(ui.visuals().error_fg_color),
                        );
                    }
                    None => {
                        // At once: the thumbnail enlarged, the spinner over it, until the
                        // large picture is decoded.
                        ui.horizontal(|ui| {
                            ui.spinner();
                            ui.label(tr(T::Loading));
                        });
                        if let Some(thumbnail) = self.photos.thumbnail(photo) {
                            let size = thumbnail.size_vec2();
                            let room = ui.available_size();
                            let scale = (room.x / size.x).min(room.y / size.y).max(0.1);
                            ui.add(
                                egui::Image::new(thumbnail)
                                    .fit_to_exact_size(size * scale)
                                    .tint(egui::Color32::from_gray(200)),
                            );
                        }
                    }
                }
            });
        // Once this photo is there, its neighbours are decoded ahead.
        if preview.picture.is_some()
            && let Some(folder) = self.doc.folder()
        {
            let neighbours: Vec<_> = [index.checked_sub(1), Some(index + 1)]
                .into_iter()
                .flatten()
                .filter_map(|n| photos.get(n))
                .collect();
            self.photos.preload(&neighbours, folder);
        }
        if !is_open {
            self.intents.commands.push(Command::ClosePreview);
        } else if let Some(next) = go_to {
            self.intents
                .commands
                .push(Command::PreviewPhoto(photos[next].id));
        }
    }
}

/// The keys, from the one table of keyed actions, grouped by where they act.
fn help_table_ui(ui: &mut egui::Ui, lang: crate::i18n::Lang) {
    use crate::app::keys::{Keyed, Scope};
    let groups = [
        (
            T::HelpTimer,
            &[
                Scope::Live,
                Scope::Round,
                Scope::Projector,
                Scope::AgendaTitle,
            ][..],
        ),
        (T::HelpBoard, &[Scope::Board][..]),
        (T::HelpGeneral, &[Scope::Anywhere, Scope::NoTyping][..]),
    ];
    let ctx = ui.ctx().clone();
    egui::Grid::new("shortcuts")
        .num_columns(2)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            for (heading, scopes) in groups {
                ui.label(RichText::new(heading.get(lang)).strong());
                ui.end_row();
                for keyed in Keyed::ALL.iter().filter(|k| scopes.contains(&k.scope())) {
                    ui.label(
                        RichText::new(keyed.all_hints(&ctx, lang))
                            .monospace()
                            .strong(),
                    );
                    ui.label(keyed.what().get(lang));
                    ui.end_row();
                }
            }
        });
    ui.add_space(6.0);
    ui.add(egui::Label::new(RichText::new(T::HelpSingleKeys.get(lang)).weak()).wrap());
}
