//! The target ("Zielscheibe"): one sector per dimension, nearer the centre is better; a
//! click in a sector rates the marked entry.

use egui::{Align2, Color32, FontId, RichText, Sense, Stroke, Ui, vec2};

use super::ReflectionUiState;
use crate::app::command::Cx;
use crate::app::widgets::scaled;
use crate::i18n::T;
use crate::reflection::edit::ReflectionEdit;
use crate::reflection::stats::{rating_at, target_radius};

/// Colours for the dots of the target, one per entry.
const DOT_COLOURS: [Color32; 8] = [
    Color32::from_rgb(200, 40, 40),
    Color32::from_rgb(30, 100, 200),
    Color32::from_rgb(40, 150, 60),
    Color32::from_rgb(200, 120, 0),
    Color32::from_rgb(130, 60, 170),
    Color32::from_rgb(0, 140, 150),
    Color32::from_rgb(170, 90, 60),
    Color32::from_rgb(90, 90, 90),
];

pub(super) fn target_ui(
    ui: &mut Ui,
    cx: &Cx,
    state: &ReflectionUiState,
    edits: &mut Vec<ReflectionEdit>,
) {
    let reflection = &cx.session.reflection;
    let n = reflection.dimensions.len();
    ui.label(RichText::new(cx.tr(T::Target)).strong());
    let side = ui.available_width().clamp(240.0, 380.0);
    let (rect, response) = ui.allocate_exact_size(vec2(side, side), Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, cx.tr(T::Target)));
    if n == 0 {
        return;
    }
    let painter = ui.painter_at(rect);
    let centre = rect.center();
    let radius = side / 2.0 - 30.0;
    let (min, max) = (reflection.scale.min, reflection.scale.max);
    let ink = ui.visuals().text_color();
    let steps = (i64::from(max) - i64::from(min)).clamp(1, 40) as u32;
    for step in 0..=steps {
        let r = radius * step as f32 / steps as f32;
        painter.circle_stroke(
            centre,
            r.max(2.0),
            Stroke::new(1.0, ink.gamma_multiply(0.35)),
        );
    }
    let sector = std::f32::consts::TAU / n as f32;
    let angle_of = |i: usize| -std::f32::consts::FRAC_PI_2 + sector * i as f32;
    for (i, dimension) in reflection.dimensions.iter().enumerate() {
        let a = angle_of(i);
        painter.line_segment(
            [centre, centre + vec2(a.cos(), a.sin()) * radius],
            Stroke::new(1.0, ink.gamma_multiply(0.5)),
        );
        let mid = a + sector / 2.0;
        let label_at = centre + vec2(mid.cos(), mid.sin()) * (radius + 16.0);
        painter.text(
            label_at,
            Align2::CENTER_CENTER,
            &dimension.name,
            FontId::proportional(scaled(ui, 13.0)),
            ink,
        );
    }
    let entries = reflection.entries.len().max(1);
    for (e, entry) in reflection.entries.iter().enumerate() {
        let colour = DOT_COLOURS[e % DOT_COLOURS.len()];
        for (i, dimension) in reflection.dimensions.iter().enumerate() {
            let Some(rating) = entry.ratings.get(&dimension.id) else {
                continue;
            };
            // Spread the entries across the sector so dots with the same rating don't hide each other.
            let a = angle_of(i) + sector * (e as f32 + 0.5) / entries as f32;
            let r = radius * target_radius(*rating, min, max).max(0.06);
            let at = centre + vec2(a.cos(), a.sin()) * r;
            let is_selected = state.selected == Some(entry.id);
            painter.circle_filled(at, if is_selected { 7.0 } else { 5.0 }, colour);
            if is_selected {
                painter.circle_stroke(at, 9.0, Stroke::new(2.0, ink));
            }
        }
    }
    // A click in a sector rates the selected entry on that dimension.
    if response.clicked()
        && let Some(pos) = response.interact_pointer_pos()
        && let Some(selected) = state.selected
    {
        let offset = pos - centre;
        let distance = offset.length() / radius;
        if distance <= 1.05 {
            let mut angle = offset.y.atan2(offset.x) + std::f32::consts::FRAC_PI_2;
            if angle < 0.0 {
                angle += std::f32::consts::TAU;
            }
            let index = ((angle / sector) as usize).min(n - 1);
            let dimension = reflection.dimensions[index].id;
            edits.push(ReflectionEdit::SetRating {
                entry: selected,
                dimension,
                value: Some(rating_at(distance, min, max)),
            });
        }
    }
    let hint = if state.selected.is_some() {
        T::TargetHelp
    } else {
        T::TargetSelectFirst
    };
    ui.label(RichText::new(cx.tr(hint)).weak().small());
}
