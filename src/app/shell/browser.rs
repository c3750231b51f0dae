//! The session browser: the sessions in the sessions folder with title, dates and counts;
//! open one (read-only) or tick several to consolidate them.

use egui::RichText;

use crate::app::ModeratoApp;
use crate::app::command::{Command, PathPurpose};
use crate::i18n::{Describe as _, T, fill};

impl ModeratoApp {
    pub(in crate::app) fn browser_ui(&mut self, ctx: &egui::Context) {
        if !self.shell.is_browser_open {
            return;
        }
        let lang = self.lang();
        let tr = |key: T| key.get(lang);
        let mut is_open = true;
        let mut chosen = None;
        let mut refresh = false;
        let mut selected = self.shell.browser_selected.clone();
        let mut consolidate = false;
        let groups = self.shell.browser.as_deref();
        let mut add_folder = false;
        egui::Window::new(tr(T::BrowseSessions))
            .open(&mut is_open)
            .default_width(760.0)
            .default_height(520.0)
            .pivot(egui::Align2::CENTER_TOP)
            .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 90.0))
            .collapsible(false)
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(tr(T::DoubleClickToOpen)).weak());
                    if ui.button(tr(T::Refresh)).clicked() {
                        refresh = true;
                    }
                    if ui.button(format!("+ {}", tr(T::AddFolder))).clicked() {
                        add_folder = true;
                    }
                });
                ui.separator();
                let Some(groups) = groups else {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(tr(T::Loading));
                    });
                    return;
                };
                egui::ScrollArea::vertical()
                    .max_height(ui.available_height() - 40.0)
                    .show(ui, |ui| {
                        for (index, (folder, rows)) in groups.iter().enumerate() {
                            ui.label(
                                RichText::new(fill(
                                    tr(T::SessionsInFolder),
                                    &[&folder.display().to_string()],
                                ))
                                .strong(),
                            );
                            if rows.is_empty() {
                                ui.label(RichText::new(tr(T::NoSessionsFound)).weak());
                            } else {
                                let picked = rows_ui(ui, lang, index, rows, &mut selected);
                                if picked.is_some() {
                                    chosen = picked;
                                }
                            }
                            ui.add_space(8.0);
                        }
                    });
                ui.separator();
                ui.horizontal(|ui| {
                    let label = format!("{} ({})", tr(T::ConsolidateSelected), selected.len());
                    let button = ui.add_enabled(selected.len() >= 2, egui::Button::new(label));
                    if button.clicked() {
                        consolidate = true;
                    }
                    if selected.len() < 2 {
                        ui.label(RichText::new(tr(T::TickTwoToConsolidate)).weak());
                    }
                });
            });
        self.shell.browser_selected = selected;
        if add_folder {
            self.intents
                .commands
                .push(Command::ChoosePath(PathPurpose::BrowseFolder));
        }
        if consolidate {
            self.intents
                .commands
                .push(Command::TypePath(PathPurpose::Consolidate));
        }
        if let Some((folder, true)) = chosen {
            self.intents.commands.push(Command::Compare(folder));
            self.intents
                .commands
                .push(Command::Show(crate::app::Screen::Review));
        } else if let Some((folder, _)) = chosen {
            // Looking back at a saved session: read-only until switched.
            self.intents.commands.push(Command::OpenReadOnly(folder));
        } else if refresh {
            self.intents.commands.push(Command::RefreshBrowser);
        } else if !is_open {
            self.intents.commands.push(Command::ToggleBrowser);
        }
    }
}

/// The sessions of one folder: tick to consolidate, click Open (or double-click) to look at
/// one. Returns the folder chosen to open.
fn rows_ui(
    ui: &mut egui::Ui,
    lang: crate::i18n::Lang,
    group: usize,
    rows: &[crate::storage::SessionListing],
    selected: &mut std::collections::BTreeSet<std::path::PathBuf>,
) -> Option<(std::path::PathBuf, bool)> {
    let tr = |key: T| key.get(lang);
    let mut chosen = None;
    egui::Grid::new(("session-browser", group))
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
                            let name = format!("{}: {}", tr(T::OpenShort), summary.title);
                            open.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::Button, true, &name)
                            });
                            if response.double_clicked() || open.clicked() {
                                chosen = Some((row.folder.clone(), false));
                            }
                            // Compare the open session with this one (Review).
                            let compare = ui.small_button(tr(T::CompareShort));
                            let name = format!("{}: {}", tr(T::CompareShort), summary.title);
                            compare.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::Button, true, &name)
                            });
                            if compare.clicked() {
                                chosen = Some((row.folder.clone(), true));
                            }
                        });
                        ui.label(summary.date_range());
                        ui.label(fill(
                            tr(T::CountsLine),
                            &[
                                &summary.cards.to_string(),
                                &summary.action_items.to_string(),
                                &summary.photos.to_string(),
                            ],
                        ));
                    }
                    Err(error) => {
                        let message = error.describe(lang);
                        ui.label(folder_name).on_hover_text(&message);
                        ui.label(
                            RichText::new(tr(T::Unreadable)).color(ui.visuals().error_fg_color),
                        );
                        ui.label(RichText::new(message).small());
                    }
                }
                ui.end_row();
            }
        });
    chosen
}
