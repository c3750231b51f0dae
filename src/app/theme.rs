//! Fonts and the three themes.

use crate::agenda::timing::Urgency;
use egui::{Color32, FontData, FontDefinitions, FontFamily, Stroke, TextStyle};

use super::prefs::Theme;

/// DejaVu Sans covers umlauts, ß and typographic quotes; egui's own fonts stay as fallback
/// for symbols and emoji.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    let faces: [(&str, &'static [u8]); 2] = [
        (
            "DejaVuSans",
            include_bytes!("../../assets/fonts/DejaVuSans.ttf"),
        ),
        (
            "DejaVuSansMono",
            include_bytes!("../../assets/fonts/DejaVuSansMono.ttf"),
        ),
    ];
    for (name, bytes) in faces {
        fonts
            .font_data
            .insert(name.to_owned(), FontData::from_static(bytes).into());
    }
    if let Some(list) = fonts.families.get_mut(&FontFamily::Proportional) {
        list.insert(0, "DejaVuSans".to_owned());
    }
    if let Some(list) = fonts.families.get_mut(&FontFamily::Monospace) {
        list.insert(0, "DejaVuSansMono".to_owned());
    }
    ctx.set_fonts(fonts);
}

/// Applies a theme to the whole context.
pub fn apply(ctx: &egui::Context, theme: Theme) {
    let light = egui::Style {
        visuals: egui::Visuals::light(),
        ..egui::Style::default()
    };
    let dark = egui::Style {
        visuals: egui::Visuals::dark(),
        ..egui::Style::default()
    };
    match theme {
        Theme::Light | Theme::Dark => {
            ctx.set_style_of(egui::Theme::Light, light);
            ctx.set_style_of(egui::Theme::Dark, dark);
        }
        Theme::Projector => {
            let projector = projector_style();
            ctx.set_style_of(egui::Theme::Light, projector.clone());
            ctx.set_style_of(egui::Theme::Dark, projector);
        }
    }
    ctx.set_theme(match theme {
        Theme::Light => egui::Theme::Light,
        Theme::Dark | Theme::Projector => egui::Theme::Dark,
    });
}

/// Black background, white text, yellow accents, text half again as large: readable from the
/// back of a seminar room.
fn projector_style() -> egui::Style {
    let mut style = egui::Style {
        visuals: egui::Visuals::dark(),
        ..egui::Style::default()
    };
    for (text_style, font) in &mut style.text_styles {
        font.size = match text_style {
            TextStyle::Heading => 34.0,
            TextStyle::Small => 16.0,
            _ => font.size * 1.5,
        };
    }
    // Whole points, so that rows and separators sit on the pixel grid.
    let spacing = &mut style.spacing;
    spacing.interact_size.y = (spacing.interact_size.y * 1.4).round();
    spacing.item_spacing = (spacing.item_spacing * 1.3).round();
    // Checkboxes and radio buttons as large as the text beside them, easy to hit.
    spacing.icon_width = (spacing.icon_width * 1.5).round();
    spacing.icon_width_inner = (spacing.icon_width_inner * 1.5).round();
    spacing.icon_spacing = (spacing.icon_spacing * 1.5).round();
    let visuals = &mut style.visuals;
    visuals.override_text_color = Some(Color32::WHITE);
    visuals.panel_fill = Color32::BLACK;
    visuals.window_fill = Color32::from_gray(10);
    visuals.extreme_bg_color = Color32::from_gray(20);
    visuals.faint_bg_color = Color32::from_gray(24);
    visuals.hyperlink_color = Color32::from_rgb(255, 220, 0);
    visuals.selection.bg_fill = Color32::from_rgb(120, 100, 0);
    visuals.selection.stroke = Stroke::new(2.0, Color32::from_rgb(255, 220, 0));
    for widget in [
        &mut visuals.widgets.inactive,
        &mut visuals.widgets.hovered,
        &mut visuals.widgets.active,
        &mut visuals.widgets.open,
        &mut visuals.widgets.noninteractive,
    ] {
        widget.fg_stroke = Stroke::new(2.0, Color32::WHITE);
    }
    visuals.widgets.noninteractive.bg_stroke = Stroke::new(1.5, Color32::from_gray(160));
    visuals.widgets.inactive.bg_stroke = Stroke::new(1.5, Color32::from_gray(200));
    visuals.widgets.hovered.bg_stroke = Stroke::new(2.5, Color32::from_rgb(255, 220, 0));
    style
}

/// The colour of a countdown at an urgency, on a dark background.
pub fn urgency_colour(urgency: Urgency) -> Color32 {
    match urgency {
        Urgency::Calm => Color32::from_rgb(235, 235, 235),
        Urgency::Warning => Color32::from_rgb(255, 200, 40),
        Urgency::Critical => Color32::from_rgb(255, 120, 40),
        Urgency::TimeUp => Color32::from_rgb(255, 70, 70),
    }
}

/// Countdown colours that read on the current theme's background.
pub fn countdown_colour(ui: &egui::Ui, urgency: Urgency) -> Color32 {
    if ui.visuals().dark_mode {
        return urgency_colour(urgency);
    }
    match urgency {
        Urgency::Calm => ui.visuals().strong_text_color(),
        Urgency::Warning => Color32::from_rgb(170, 110, 0),
        Urgency::Critical => Color32::from_rgb(210, 80, 0),
        Urgency::TimeUp => Color32::from_rgb(200, 20, 20),
    }
}
