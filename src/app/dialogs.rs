//! Modal questions (typed path, errors, recovery, lock conflict) and the session browser.

use std::path::PathBuf;

use egui::RichText;

use super::{Command, Modal, ModeratoApp, PathPurpose};
use crate::i18n::{Describe as _, T};
use crate::storage;

impl ModeratoApp {
    pub(super) fn modal_ui(&mut self, ctx: &egui::Context) {
        let Some(mut modal) = self.modal.take() else {
            return;
        };
        let lang = self.lang();
        let tr = |key: T| key.get(lang);
        let mut is_open = true;
        egui::Modal::new(egui::Id::unique("moderato-modal")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            match &mut modal {
                Modal::TypedPath {
                    purpose,
                    text,
                    no_dialog,
                } => {
                    let (title, help) = match purpose {
                        PathPurpose::Open => (T::OpenSessionTitle, T::PathHelpOpen),
                        PathPurpose::Save => (T::SaveSessionTitle, T::PathHelpSave),
                        PathPurpose::Consolidate => (T::ConsolidateTitle, T::PathHelpConsolidate),
                        PathPurpose::Compare => (T::CompareTitle, T::PathHelpOpen),
                        PathPurpose::AttachPhoto => (T::AttachPhotos, T::PathHelpPhoto),
                        PathPurpose::Export(_) => (T::ExportTitle, T::PathHelpExport),
                    };
                    ui.heading(tr(title));
                    if *no_dialog {
                        ui.label(tr(T::NoFileDialog));
                    }
                    let label = ui.label(tr(help));
                    let response = ui.add(
                        egui::TextEdit::singleline(text)
                            .desired_width(f32::INFINITY)
                            .hint_text("sessions/…"),
                    );
                    let response = response.labelled_by(label.id);
                    if !response.has_focus() && !response.lost_focus() {
                        response.request_focus();
                    }
                    let submitted =
                        response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        let ok = ui.button(tr(T::Ok)).clicked();
                        if (ok || submitted) && !text.trim().is_empty() {
                            let path = PathBuf::from(text.trim());
                            self.commands.push(match purpose {
                                PathPurpose::Open => Command::Open(path),
                                PathPurpose::Save => Command::SaveAs(path),
                                PathPurpose::Consolidate => Command::ConsolidateInto(path),
                                PathPurpose::Compare => Command::Compare(path),
                                PathPurpose::AttachPhoto => Command::AttachPhotos(vec![path]),
                                PathPurpose::Export(kind) => Command::Export(*kind, path),
                            });
                            is_open = false;
                        }
                        if ui.button(tr(T::Cancel)).clicked() {
                            is_open = false;
                        }
                    });
                }
                Modal::Error(message) => {
                    ui.heading(tr(T::ErrorTitle));
                    ui.add_space(4.0);
                    ui.label(message.as_str());
                    ui.add_space(8.0);
                    if ui.button(tr(T::Ok)).clicked() {
                        is_open = false;
                    }
                }
                Modal::Recover { folder, recovery } => {
                    ui.heading(tr(T::RecoverTitle));
                    ui.label(tr(T::RecoverText));
                    let when = recovery
                        .written
                        .and_then(|t| jiff::Timestamp::try_from(t).ok())
                        .map(|t| {
                            t.to_zoned(jiff::tz::TimeZone::system())
                                .strftime("%Y-%m-%d %H:%M:%S")
                                .to_string()
                        })
                        .unwrap_or_default();
                    ui.label(RichText::new(when).strong());
                    ui.label(folder.display().to_string());
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(tr(T::Recover)).clicked() {
                            self.doc.replace(recovery.session.clone());
                            is_open = false;
                        }
                        if ui.button(tr(T::Discard)).clicked() {
                            if let Err(e) = storage::discard_autosave(folder) {
                                self.status = Some(e.describe(lang));
                            }
                            is_open = false;
                        }
                    });
                }
                Modal::Exported(path) => {
                    ui.heading(tr(T::Exported));
                    ui.label(path.display().to_string());
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(tr(T::OpenIt)).clicked() {
                            self.commands.push(Command::OpenWithSystem(path.clone()));
                            is_open = false;
                        }
                        if let Some(parent) = path.parent()
                            && ui.button(tr(T::OpenFolder)).clicked()
                        {
                            self.commands
                                .push(Command::OpenWithSystem(parent.to_owned()));
                            is_open = false;
                        }
                        if ui.button(tr(T::Close)).clicked() {
                            is_open = false;
                        }
                    });
                }
                Modal::LockConflict {
                    folder,
                    session,
                    message,
                } => {
                    ui.heading(tr(T::LockTitle));
                    ui.label(message.as_str());
                    ui.label(folder.display().to_string());
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(tr(T::OpenAnyway)).clicked() {
                            let session = std::mem::take(session.as_mut());
                            is_open = false;
                            self.adopt(session, folder.clone(), None);
                        }
                        if ui.button(tr(T::Cancel)).clicked() {
                            is_open = false;
                        }
                    });
                }
            }
        });
        // `adopt` may have put up the next question (recovery); keep that one.
        if is_open && self.modal.is_none() {
            self.modal = Some(modal);
        }
    }

    pub(super) fn browser_ui(&mut self, ctx: &egui::Context) {
        let Some(rows) = &self.browser else {
            return;
        };
        let lang = self.lang();
        let tr = |key: T| key.get(lang);
        let mut is_open = true;
        let mut chosen = None;
        let mut refresh = false;
        let mut selected = self.browser_selected.clone();
        let mut consolidate = false;
        egui::Window::new(tr(T::BrowseSessions))
            .open(&mut is_open)
            .default_width(720.0)
            .pivot(egui::Align2::CENTER_TOP)
            .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 90.0))
            .collapsible(false)
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    ui.label(tr(T::SessionsIn));
                    ui.monospace(self.options.sessions_dir.display().to_string());
                    if ui.button(tr(T::Refresh)).clicked() {
                        refresh = true;
                    }
                });
                ui.label(RichText::new(tr(T::DoubleClickToOpen)).weak());
                ui.separator();
                if rows.is_empty() {
                    ui.label(tr(T::NoSessionsFound));
                }
                egui::Grid::new("session-browser")
                    .striped(true)
                    .num_columns(4)
                    .show(ui, |ui| {
                        ui.label("");
                        ui.strong(tr(T::Title));
                        ui.strong(tr(T::Dates));
                        ui.strong(tr(T::Contents));
                        ui.end_row();
                        for row in rows {
                            let folder_name = row
                                .folder
                                .file_name()
                                .map(|n| n.to_string_lossy().into_owned())
                                .unwrap_or_default();
                            // Tick sessions to consolidate them.
                            let mut is_ticked = selected.contains(&row.folder);
                            let tick = ui.checkbox(&mut is_ticked, "");
                            let name = format!("{}: {folder_name}", tr(T::ConsolidateSelected));
                            tick.widget_info(|| {
                                egui::WidgetInfo::selected(
                                    egui::Role::CheckBox,
                                    row.outcome.is_ok(),
                                    is_ticked,
                                    &name,
                                )
                            });
                            if is_ticked && row.outcome.is_ok() {
                                selected.insert(row.folder.clone());
                            } else {
                                selected.remove(&row.folder);
                            }
                            match &row.outcome {
                                Ok(summary) => {
                                    let title = if summary.title.is_empty() {
                                        folder_name.clone()
                                    } else {
                                        summary.title.clone()
                                    };
                                    ui.horizontal(|ui| {
                                        let response = ui
                                            .selectable_label(false, title)
                                            .on_hover_text(row.folder.display().to_string());
                                        let open = ui.small_button(tr(T::OpenShort));
                                        let name =
                                            format!("{}: {}", tr(T::OpenShort), summary.title);
                                        open.widget_info(|| {
                                            egui::WidgetInfo::labeled(
                                                egui::Role::Button,
                                                true,
                                                &name,
                                            )
                                        });
                                        if response.double_clicked() || open.clicked() {
                                            chosen = Some(row.folder.clone());
                                        }
                                    });
                                    ui.label(summary.date_range());
                                    ui.label(
                                        tr(T::CountsLine)
                                            .replacen("{}", &summary.cards.to_string(), 1)
                                            .replacen("{}", &summary.action_items.to_string(), 1)
                                            .replacen("{}", &summary.photos.to_string(), 1),
                                    );
                                }
                                Err(error) => {
                                    let message = error.describe(lang);
                                    ui.label(folder_name).on_hover_text(&message);
                                    ui.label(
                                        RichText::new(tr(T::Unreadable))
                                            .color(ui.visuals().error_fg_color),
                                    );
                                    ui.label(RichText::new(message).small());
                                }
                            }
                            ui.end_row();
                        }
                    });
                ui.add_space(6.0);
                let label = format!("{} ({})", tr(T::ConsolidateSelected), selected.len());
                if ui
                    .add_enabled(selected.len() >= 2, egui::Button::new(label))
                    .clicked()
                {
                    consolidate = true;
                }
            });
        self.browser_selected = selected;
        if consolidate {
            self.commands.push(Command::ChooseConsolidationFolder);
        }
        if let Some(folder) = chosen {
            // Looking back at a saved session: read-only until switched.
            self.commands.push(Command::OpenReadOnly(folder));
        } else if refresh {
            self.browser = Some(storage::list_sessions(&self.options.sessions_dir));
        } else if !is_open {
            self.browser = None;
        }
    }
}

impl ModeratoApp {
    /// The shortcut overlay (F1 or ?).
    pub(super) fn help_ui(&mut self, ctx: &egui::Context) {
        if !self.is_help_open {
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
                egui::Grid::new("shortcuts")
                    .num_columns(2)
                    .spacing([24.0, 6.0])
                    .show(ui, |ui| {
                        for line in T::HelpLines.get(lang).lines() {
                            let (keys, what) = line.split_once('\t').unwrap_or((line, ""));
                            ui.label(RichText::new(keys).monospace().strong());
                            ui.label(what);
                            ui.end_row();
                        }
                    });
            });
        if !is_open || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.is_help_open = false;
        }
    }
}

impl ModeratoApp {
    /// The current session beside another one: counts, boards, reflection, action items.
    pub(super) fn compare_ui(&mut self, ctx: &egui::Context) {
        let Some(other) = &self.compare else {
            return;
        };
        let lang = self.lang();
        let tr = |key: T| key.get(lang);
        let mut is_open = true;
        egui::Window::new(tr(T::Comparison))
            .open(&mut is_open)
            .default_width(900.0)
            .default_height(600.0)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    ui.columns(2, |columns| {
                        for (ui, session) in
                            columns.iter_mut().zip([&self.doc.session, other.as_ref()])
                        {
                            comparison_column_ui(ui, session, lang);
                        }
                    });
                });
            });
        if !is_open {
            self.compare = None;
        }
    }
}

fn comparison_column_ui(
    ui: &mut egui::Ui,
    session: &crate::model::Session,
    lang: crate::i18n::Lang,
) {
    let tr = |key: T| key.get(lang);
    let summary = crate::session::summary::Summary::of(session);
    ui.heading(&session.meta.title);
    ui.label(summary.date_range());
    ui.label(crate::i18n::fill(
        tr(T::HeldTotal),
        &[
            &summary.actual_minutes.to_string(),
            &summary.planned_minutes.to_string(),
            &summary.items_over_time.to_string(),
        ],
    ));
    ui.add_space(6.0);
    ui.strong(tr(T::Board));
    for board in &session.boards {
        ui.label(RichText::new(&board.title).italics());
        for row in crate::board::edit::ranking(board).iter().take(6) {
            ui.label(format!("\u{25cf} {}  {}", row.votes, row.title));
        }
    }
    ui.add_space(6.0);
    ui.strong(tr(T::Reflection));
    for dimension in crate::reflection::breakdown::reflection_breakdown(session) {
        let mean = dimension
            .mean
            .map_or_else(|| "\u{2013}".to_owned(), |m| format!("{m:.1}"));
        ui.label(format!(
            "{}: {mean} (n = {})",
            dimension.name, dimension.count
        ));
    }
    ui.add_space(6.0);
    ui.strong(tr(T::ActionItems));
    for item in &session.action_items {
        ui.label(format!("\u{2022} {} \u{2013} {}", item.title, item.owner));
    }
}

impl ModeratoApp {
    /// A photo shown large, with previous / next; its texture is dropped when it closes.
    pub(super) fn preview_ui(&mut self, ctx: &egui::Context) {
        let Some((id, picture)) = self.photos.as_ref().and_then(|w| w.preview.as_ref()) else {
            return;
        };
        let lang = self.lang();
        let tr = |key: T| key.get(lang);
        let photos = &self.doc.session.photos;
        let Some(index) = photos.iter().position(|p| p.id == *id) else {
            self.commands.push(Command::ClosePreview);
            return;
        };
        let photo = &photos[index];
        let mut is_open = true;
        let mut go_to = None;
        let title = if photo.caption.is_empty() {
            photo.path.clone()
        } else {
            photo.caption.clone()
        };
        egui::Window::new(title)
            .id(egui::Id::unique("photo-preview"))
            .open(&mut is_open)
            .default_size([900.0, 680.0])
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(
                            index > 0,
                            egui::Button::new(format!("\u{2190} {}", tr(T::Previous))),
                        )
                        .clicked()
                    {
                        go_to = Some(index - 1);
                    }
                    if ui
                        .add_enabled(
                            index + 1 < photos.len(),
                            egui::Button::new(format!("{} \u{2192}", tr(T::NextPhoto))),
                        )
                        .clicked()
                    {
                        go_to = Some(index + 1);
                    }
                    ui.label(RichText::new(format!("{} / {}", index + 1, photos.len())).weak());
                    if !photo.photographer.is_empty() {
                        ui.label(
                            RichText::new(format!(
                                "{}: {}",
                                tr(T::Photographer),
                                photo.photographer
                            ))
                            .weak(),
                        );
                    }
                });
                match picture {
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
                        ui.horizontal(|ui| {
                            ui.spinner();
                            ui.label(tr(T::Loading));
                        });
                    }
                }
            });
        if !is_open {
            self.commands.push(Command::ClosePreview);
        } else if let Some(next) = go_to {
            self.commands.push(Command::PreviewPhoto(photos[next].id));
        }
    }
}
