//! The top bar: menus, session title, save state, undo/redo, and the screen tabs.

use egui::RichText;

use super::{Command, ExportKind, ModeratoApp, Screen, Theme};
use crate::i18n::{Lang, T};

pub(super) fn top_bar_ui(app: &mut ModeratoApp, ui: &mut egui::Ui) {
    let lang = app.lang();
    let tr = |key: T| key.get(lang);
    egui::Panel::top("top-bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(tr(T::File), |ui| file_menu_ui(app, ui));
            ui.menu_button(tr(T::View), |ui| view_menu_ui(app, ui));
            ui.separator();
            let undo = ui.add_enabled(app.doc.can_undo(), egui::Button::new(tr(T::Undo)));
            if undo.on_hover_text("Ctrl+Z").clicked() {
                app.commands.push(Command::Undo);
            }
            let redo = ui.add_enabled(app.doc.can_redo(), egui::Button::new(tr(T::Redo)));
            if redo.on_hover_text("Ctrl+Shift+Z / Ctrl+Y").clicked() {
                app.commands.push(Command::Redo);
            }
            if ui.button(tr(T::Save)).on_hover_text("Ctrl+S").clicked() {
                app.commands.push(Command::Save);
            }
            // Read-only is an explicit state with an explicit way out.
            let toggle = ui.selectable_label(app.is_read_only, tr(T::ReadOnly));
            if toggle.on_hover_text(tr(T::ReadOnlyHelp)).clicked() {
                app.commands.push(Command::SetReadOnly(!app.is_read_only));
            }
            ui.separator();
            ui.label(RichText::new(app.display_title()).strong());
            let (state, is_warning) = save_state_text(app, ui.ctx());
            let colour = if is_warning {
                ui.visuals().warn_fg_color
            } else {
                ui.visuals().weak_text_color()
            };
            ui.label(RichText::new(state).color(colour));
            if app.is_exporting() || app.consolidation_job.is_some() {
                ui.spinner();
            }
            if let Some(status) = &app.status {
                ui.label(RichText::new(status).weak());
            }
        });
        ui.add_space(2.0);
        ui.horizontal_wrapped(|ui| {
            for screen in Screen::ALL {
                let selected = app.screen == screen;
                // Slightly larger than body text, in every theme (the projector's is large).
                let size = ui.text_style_height(&egui::TextStyle::Body) * 1.15;
                let text = RichText::new(tr(screen.label())).size(size);
                if ui.selectable_label(selected, text).clicked() && !selected {
                    app.commands.push(Command::Show(screen));
                }
            }
        });
        ui.add_space(2.0);
    });
}

fn file_menu_ui(app: &mut ModeratoApp, ui: &mut egui::Ui) {
    let lang = app.lang();
    let tr = |key: T| key.get(lang);
    let mut command = None;
    if ui
        .button(tr(T::NewSession))
        .on_hover_text("Ctrl+N")
        .clicked()
    {
        command = Some(Command::NewSession);
    }
    if ui.button(tr(T::Open)).on_hover_text("Ctrl+O").clicked() {
        command = Some(Command::ChooseSessionToOpen);
    }
    if ui.button(tr(T::OpenPath)).clicked() {
        command = Some(Command::TypePathToOpen);
    }
    ui.menu_button(tr(T::RecentSessions), |ui| {
        if app.prefs.recent.is_empty() {
            ui.label(tr(T::NoRecent));
        }
        for folder in &app.prefs.recent {
            let name = folder
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            if ui
                .button(name)
                .on_hover_text(folder.display().to_string())
                .clicked()
            {
                command = Some(Command::Open(folder.clone()));
            }
        }
    });
    if ui.button(tr(T::BrowseSessions)).clicked() {
        command = Some(Command::ToggleBrowser);
    }
    ui.separator();
    if ui.button(tr(T::Save)).clicked() {
        command = Some(Command::Save);
    }
    if ui.button(tr(T::SaveAs)).clicked() {
        command = Some(Command::ChooseSaveFolder);
    }
    ui.separator();
    ui.label(RichText::new(tr(T::Export)).weak());
    for (key, kind) in [
        (T::ExportPdf, ExportKind::Pdf),
        (T::ExportMarkdown, ExportKind::Markdown),
        (T::ExportCsv, ExportKind::Csv),
    ] {
        if ui.button(tr(key)).clicked() {
            command = Some(Command::ChooseExport(kind));
        }
    }
    ui.separator();
    if ui.button(tr(T::Quit)).clicked() {
        command = Some(Command::Quit);
    }
    if let Some(command) = command {
        app.commands.push(command);
        ui.close();
    }
}

fn view_menu_ui(app: &mut ModeratoApp, ui: &mut egui::Ui) {
    let lang = app.lang();
    let tr = |key: T| key.get(lang);
    ui.label(RichText::new(tr(T::Language)).weak());
    for option in [Lang::De, Lang::En] {
        if ui.radio(lang == option, option.name()).clicked() {
            app.commands.push(Command::SetLanguage(option));
        }
    }
    ui.separator();
    ui.label(RichText::new(tr(T::Theme)).weak());
    for (theme, key) in [
        (Theme::Light, T::ThemeLight),
        (Theme::Dark, T::ThemeDark),
        (Theme::Projector, T::ThemeProjector),
    ] {
        if ui.radio(app.prefs.theme == theme, tr(key)).clicked() {
            app.commands.push(Command::SetTheme(theme));
        }
    }
}

/// "saved 5 s ago", "unsaved changes", …, and whether it is a warning. Asks for exactly the
/// repaints the text needs to stay true, no more.
fn save_state_text(app: &ModeratoApp, ctx: &egui::Context) -> (String, bool) {
    let lang = app.lang();
    if app.doc.is_dirty() {
        let key = if app.doc.folder().is_none() {
            T::NotSavedYet
        } else {
            T::UnsavedChanges
        };
        return (key.get(lang).to_owned(), true);
    }
    let Some(saved_at) = app.doc.saved_at() else {
        return (String::new(), false);
    };
    let secs = jiff::Timestamp::now()
        .duration_since(saved_at)
        .as_secs()
        .max(0);
    // Coarse steps, so an idle window repaints every 10 s at most (then every minute).
    let text = if secs < 10 {
        ctx.request_repaint_after(std::time::Duration::from_secs(10 - secs.unsigned_abs()));
        T::SavedJustNow.get(lang).to_owned()
    } else if secs < 60 {
        ctx.request_repaint_after(std::time::Duration::from_secs(
            10 - secs.unsigned_abs() % 10,
        ));
        let tens = secs / 10 * 10;
        crate::i18n::fill(T::SavedSecondsAgo.get(lang), &[&tens.to_string()])
    } else if secs < 3600 {
        ctx.request_repaint_after(std::time::Duration::from_secs(
            60 - secs.unsigned_abs() % 60,
        ));
        crate::i18n::fill(T::SavedMinutesAgo.get(lang), &[&(secs / 60).to_string()])
    } else {
        let local = saved_at.to_zoned(jiff::tz::TimeZone::system());
        let when = local.strftime("%Y-%m-%d %H:%M").to_string();
        crate::i18n::fill(T::SavedAt.get(lang), &[&when])
    };
    (text, false)
}
