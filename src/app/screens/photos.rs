//! Photos: attach (file dialog, dropped files, typed path), a gallery of thumbnails made off
//! the UI thread, details per photo, and a large preview with previous / next.

use egui::{RichText, Ui, vec2};

use crate::app::photo_worker::Thumb;
use crate::app::widgets::text_edit_ui;
use crate::app::{Command, ModeratoApp};
use crate::i18n::{Lang, T};
use crate::model::{PhotoId, PhotoLink, Session};

/// The selected photo of the gallery.
#[derive(Clone, Copy, Debug, Default)]
pub struct PhotosUiState {
    pub selected: Option<PhotoId>,
}

pub(crate) fn photos_ui(app: &mut ModeratoApp, ui: &mut Ui) {
    let lang = app.lang();
    let tr = |key: T| key.get(lang);
    let folder = app.doc.folder().map(std::path::Path::to_owned);
    ui.horizontal(|ui| {
        if ui.button(format!("+ {}", tr(T::AttachPhotos))).clicked() {
            app.commands.push(Command::ChooseAttachPhotos);
        }
        if ui.button(tr(T::OpenPath)).clicked() {
            app.commands.push(Command::TypePathToAttach);
        }
        ui.label(RichText::new(tr(T::DropPhotosHere)).weak());
        if app.photos().is_some_and(|w| w.is_attaching) {
            ui.spinner();
            ui.label(tr(T::Attaching));
        }
    });
    let Some(folder) = folder else {
        ui.label(RichText::new(tr(T::SaveBeforePhotos)).weak());
        return;
    };
    if app.doc.session.photos.is_empty() {
        ui.label(tr(T::NoPhotos));
        return;
    }
    let ctx = ui.ctx().clone();
    // Fields, not a method, so the worker and the session can be borrowed side by side.
    let worker = app
        .photos
        .get_or_insert_with(|| crate::app::photo_worker::PhotoWorker::start(&ctx));
    for photo in &app.doc.session.photos {
        worker.want_thumbnail(photo, &folder);
    }
    let mut open_preview = None;
    ui.horizontal_wrapped(|ui| {
        for photo in &app.doc.session.photos {
            let is_selected = app.photos_ui.selected == Some(photo.id);
            let frame = egui::Frame::group(ui.style()).fill(if is_selected {
                ui.visuals().selection.bg_fill
            } else {
                ui.visuals().faint_bg_color
            });
            let response = frame
                .show(ui, |ui| {
                    ui.set_width(170.0);
                    ui.vertical_centered(|ui| {
                        let size = vec2(160.0, 120.0);
                        match worker.thumbs.get(&(photo.id, photo.path.clone())) {
                            Some(Thumb::Ready(texture)) => {
                                ui.add(egui::Image::new(texture).max_size(size).corner_radius(2));
                            }
                            Some(Thumb::Failed(message)) => {
                                let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
                                ui.painter()
                                    .rect_filled(rect, 2, ui.visuals().extreme_bg_color);
                                ui.put(
                                    rect.shrink(6.0),
                                    egui::Label::new(
                                        RichText::new(format!("\u{26a0} {message}"))
                                            .small()
                                            .color(ui.visuals().error_fg_color),
                                    )
                                    .wrap(),
                                );
                            }
                            _ => {
                                let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
                                ui.put(rect, egui::Spinner::new());
                            }
                        }
                        let caption = if photo.caption.is_empty() {
                            photo.path.clone()
                        } else {
                            photo.caption.clone()
                        };
                        ui.label(RichText::new(caption).small());
                    });
                })
                .response
                .interact(egui::Sense::click());
            let name = if photo.caption.is_empty() {
                photo.path.clone()
            } else {
                photo.caption.clone()
            };
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            if response.clicked() {
                app.photos_ui.selected = Some(photo.id);
            }
            if response.double_clicked() {
                open_preview = Some(photo.id);
            }
        }
    });
    if let Some(id) = open_preview
        && let Some(photo) = app.doc.session.photos.iter().find(|p| p.id == id)
    {
        worker.show_preview(photo, &folder);
    }
    ui.add_space(10.0);
    if let Some(id) = app.photos_ui.selected {
        details_ui(ui, &mut app.doc.session, id, lang, &mut app.commands);
    }
}

fn details_ui(
    ui: &mut Ui,
    session: &mut Session,
    id: PhotoId,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let tr = |key: T| key.get(lang);
    let mut links: Vec<(PhotoLink, String)> = session
        .agenda
        .items()
        .map(|i| {
            (
                PhotoLink::AgendaItem(i.id),
                format!("{}: {}", tr(T::Agenda), i.title),
            )
        })
        .collect();
    for board in &session.boards {
        links.push((
            PhotoLink::Board(board.id),
            format!("{}: {}", tr(T::Board), board.title),
        ));
        for cluster in &board.clusters {
            links.push((
                PhotoLink::Cluster(cluster.id),
                format!(
                    "{}: {} \u{203a} {}",
                    tr(T::Board),
                    board.title,
                    cluster.title
                ),
            ));
        }
    }
    let Some(index) = session.photos.iter().position(|p| p.id == id) else {
        return;
    };
    let mut remove = false;
    let photo = &mut session.photos[index];
    ui.label(RichText::new(&photo.path).monospace().weak());
    egui::Grid::new("photo-details")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label(tr(T::Caption));
            text_edit_ui(ui, &mut photo.caption, label.id, 480.0);
            ui.end_row();
            let label = ui.label(tr(T::Photographer));
            text_edit_ui(ui, &mut photo.photographer, label.id, 240.0);
            ui.end_row();
            ui.label(tr(T::TakenAt));
            let taken = photo.taken_at.map_or_else(
                || "\u{2013}".to_owned(),
                |t| {
                    t.to_zoned(jiff::tz::TimeZone::system())
                        .strftime("%Y-%m-%d %H:%M")
                        .to_string()
                },
            );
            ui.label(taken);
            ui.end_row();
            let label = ui.label(tr(T::BelongsTo));
            let current = photo
                .link
                .and_then(|l| links.iter().find(|(o, _)| *o == l))
                .map_or("\u{2013}", |(_, n)| n.as_str());
            egui::ComboBox::from_id_salt("photo-link")
                .width(480.0)
                .selected_text(current)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut photo.link, None, "\u{2013}");
                    for (link, name) in &links {
                        ui.selectable_value(&mut photo.link, Some(*link), name);
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
        });
    ui.horizontal(|ui| {
        if ui.button(tr(T::ShowLarge)).clicked() {
            commands.push(Command::PreviewPhoto(id));
        }
        remove = ui
            .button(tr(T::RemoveFromSession))
            .on_hover_text(tr(T::RemoveFromSessionHelp))
            .clicked();
    });
    if remove {
        session.photos.remove(index);
    }
}
