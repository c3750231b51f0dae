//! Photos: attach (file dialog, dropped files, typed path), a gallery of thumbnails made off
//! the UI thread, details per photo, and a large preview with previous / next.

use egui::{RichText, Ui, vec2};

use crate::app::command::{Command, Cx, PathPurpose};
use crate::app::photo_cache::{PhotoCache, Thumb};
use crate::app::widgets::TextField;
use crate::i18n::T;
use crate::ids::PhotoId;
use crate::photos::edit::{PhotoEdit, PhotoText};
use crate::photos::{Photo, PhotoLink};

/// The selected photo of the gallery.
#[derive(Clone, Copy, Debug, Default)]
pub struct PhotosUiState {
    pub selected: Option<PhotoId>,
}

pub(in crate::app) fn photos_ui(
    ui: &mut Ui,
    cx: &mut Cx,
    state: &mut PhotosUiState,
    cache: &mut PhotoCache,
    is_attaching: bool,
) {
    ui.horizontal(|ui| {
        ui.add_enabled_ui(!cx.is_read_only, |ui| {
            if ui.button(format!("+ {}", cx.tr(T::AttachPhotos))).clicked() {
                cx.command(Command::ChoosePath(PathPurpose::AttachPhoto));
            }
            if ui.button(cx.tr(T::OpenPath)).clicked() {
                cx.command(Command::TypePath(PathPurpose::AttachPhoto));
            }
        });
        ui.label(RichText::new(cx.tr(T::DropPhotosHere)).weak());
        if is_attaching {
            ui.spinner();
            ui.label(cx.tr(T::Attaching));
        }
    });
    let Some(folder) = cx.folder else {
        ui.label(RichText::new(cx.tr(T::SaveBeforePhotos)).weak());
        return;
    };
    let photos = &cx.session.photos;
    if photos.is_empty() {
        ui.label(cx.tr(T::NoPhotos));
        return;
    }
    for photo in photos {
        cache.want_thumbnail(photo, folder);
    }
    let mut open_preview = None;
    ui.horizontal_wrapped(|ui| {
        for (n, photo) in photos.iter().enumerate() {
            let caption = caption_of(photo, n, cx);
            let is_selected = state.selected == Some(photo.id);
            let response = gallery_item_ui(ui, photo, &caption, is_selected, cache);
            if response.clicked() {
                state.selected = Some(photo.id);
            }
            if response.double_clicked() {
                open_preview = Some(photo.id);
            }
        }
    });
    if let Some(id) = open_preview {
        cx.command(Command::PreviewPhoto(id));
    }
    ui.add_space(10.0);
    if let Some(id) = state.selected
        && let Some(photo) = cx.session.photos.iter().find(|p| p.id == id)
    {
        details_ui(ui, cx, photo);
    }
}

/// A photo's caption, or for one without "Photo n" (never its file's name).
fn caption_of(photo: &Photo, n: usize, cx: &Cx) -> String {
    if photo.caption.trim().is_empty() {
        crate::i18n::fill(cx.tr(T::PhotoNumber), &[&(n + 1).to_string()])
    } else {
        photo.caption.clone()
    }
}

fn gallery_item_ui(
    ui: &mut Ui,
    photo: &Photo,
    caption: &str,
    is_selected: bool,
    cache: &PhotoCache,
) -> egui::Response {
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
                match cache.thumbs.get(&(photo.id, photo.path.clone())) {
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
                ui.label(RichText::new(caption).small());
            });
        })
        .response
        .interact(egui::Sense::click());
    let name = caption.to_owned();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    response
}

fn details_ui(ui: &mut Ui, cx: &mut Cx, photo: &Photo) {
    let session = cx.session;
    let mut links: Vec<(PhotoLink, String)> = session
        .agenda
        .items()
        .map(|i| {
            (
                PhotoLink::AgendaItem(i.id),
                format!("{}: {}", cx.tr(T::Agenda), i.title),
            )
        })
        .collect();
    for board in &session.boards {
        links.push((
            PhotoLink::Board(board.id),
            format!("{}: {}", cx.tr(T::Board), board.title),
        ));
        for cluster in &board.clusters {
            links.push((
                PhotoLink::Cluster(cluster.id),
                format!(
                    "{}: {} \u{203a} {}",
                    cx.tr(T::Board),
                    board.title,
                    cluster.title
                ),
            ));
        }
    }
    let mut edits = Vec::new();
    ui.label(RichText::new(&photo.path).monospace().weak());
    // A photo of a pinboard becomes a board: the same review as from the board screen, the
    // photo linked to the new board instead of copied again.
    if let Some(folder) = cx.folder {
        let button = ui.add_enabled(
            !cx.is_read_only,
            egui::Button::new(cx.tr(T::PhotoBoardButton)),
        );
        if button
            .on_hover_text(cx.tr(T::PhotoBoardButtonHelp))
            .clicked()
        {
            let path = folder.join(&photo.path);
            cx.command(Command::DetectPhotoBoard(path, Some(photo.id)));
        }
    }
    ui.add_enabled_ui(!cx.is_read_only, |ui| {
        egui::Grid::new("photo-details")
            .num_columns(2)
            .show(ui, |ui| {
                let label = ui.label(cx.tr(T::Caption));
                let field = TextField::new(&photo.caption, label.id)
                    .width(480.0)
                    .show(ui);
                if let Some(text) = field.changed {
                    edits.push(PhotoEdit::SetText(photo.id, PhotoText::Caption, text));
                }
                ui.end_row();
                let label = ui.label(cx.tr(T::Photographer));
                let field = TextField::new(&photo.photographer, label.id)
                    .width(240.0)
                    .show(ui);
                if let Some(text) = field.changed {
                    edits.push(PhotoEdit::SetText(photo.id, PhotoText::Photographer, text));
                }
                ui.end_row();
                ui.label(cx.tr(T::TakenAt));
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
                let label = ui.label(cx.tr(T::BelongsTo));
                let current = photo
                    .link
                    .and_then(|l| links.iter().find(|(o, _)| *o == l))
                    .map_or("\u{2013}", |(_, n)| n.as_str());
                let mut link = photo.link;
                egui::ComboBox::from_id_salt("photo-link")
                    .width(480.0)
                    .selected_text(current)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut link, None, "\u{2013}");
                        for (option, name) in &links {
                            ui.selectable_value(&mut link, Some(*option), name);
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if link != photo.link {
                    edits.push(PhotoEdit::SetLink(photo.id, link));
                }
                ui.end_row();
            });
    });
    ui.horizontal(|ui| {
        if ui.button(cx.tr(T::ShowLarge)).clicked() {
            cx.command(Command::PreviewPhoto(photo.id));
        }
        let remove = ui.add_enabled(
            !cx.is_read_only,
            egui::Button::new(cx.tr(T::RemoveFromSession)),
        );
        if remove
            .on_hover_text(cx.tr(T::RemoveFromSessionHelp))
            .clicked()
        {
            edits.push(PhotoEdit::Remove(photo.id));
        }
    });
    for edit in edits {
        cx.edit(edit);
    }
}
