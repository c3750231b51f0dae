//! The target ("Zielscheibe"): one sector per dimension, nearer the centre is better; a
//! click in a sector rates the marked entry.

use egui::{Align2, Color32, FontId, RichText, Sense, Stroke, Ui, vec2};

use super::ReflectionUiState;
use crate::app::command::Cx;
use crate::app::widgets::scaled;
use crate::i18n::T;
use crate::reflection::edit::ReflectionEdit;
use crate::reflection::target::{self as geometry, Rings};

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

/// Where the target is drawn: its centre, radius and rings.
struct Geometry {
    centre: egui::Pos2,
    radius: f32,
    rings: Rings,
    /// How many sectors (dimensions).
    n: usize,
}

impl Geometry {
    fn sector(&self) -> f32 {
        std::f32::consts::TAU / self.n as f32
    }

    /// The sector and rating at a point, if it lies on the target.
    fn at(&self, pos: egui::Pos2) -> Option<(usize, i32)> {
        let offset = pos - self.centre;
        (offset.length() <= self.radius * 1.02).then(|| {
            (
                geometry::sector_at(offset.y.atan2(offset.x), self.n),
                self.rings.rating_at(offset.length() / self.radius),
            )
        })
    }
}

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
    let target = Geometry {
        centre: rect.center(),
        radius: side / 2.0 - 30.0,
        rings: Rings {
            min: reflection.scale.min,
            max: reflection.scale.max,
        },
        n,
    };
    let painter = ui.painter_at(rect);
    rings_ui(ui, &painter, cx, &target);
    dots_ui(ui, &painter, cx, state, &target);
    aim_ui(ui, &painter, cx, state, &target, &response);
    // A click in a sector rates the selected entry on that dimension.
    if response.clicked()
        && let Some(selected) = state.selected
        && let Some((index, rating)) = response.interact_pointer_pos().and_then(|p| target.at(p))
    {
        edits.push(ReflectionEdit::SetRating {
            entry: selected,
            dimension: reflection.dimensions[index].id,
            value: Some(rating),
        });
    }
    legend_ui(ui, cx, state);
}

/// One ring per rating, the best in the middle (the lines are the rings' edges), and one
/// sector per dimension with its name.
fn rings_ui(ui: &Ui, painter: &egui::Painter, cx: &Cx, target: &Geometry) {
    let ink = ui.visuals().text_color();
    let Geometry {
        centre,
        radius,
        rings,
        n,
    } = target;
    for ring in 0..rings.count() {
        let (_, outer) = rings.band(ring);
        painter.circle_stroke(
            *centre,
            radius * outer,
            Stroke::new(1.0, ink.gamma_multiply(0.35)),
        );
    }
    for (i, dimension) in cx.session.reflection.dimensions.iter().enumerate() {
        let a = geometry::sector_start(i, *n);
        painter.line_segment(
            [*centre, *centre + vec2(a.cos(), a.sin()) * *radius],
            Stroke::new(1.0, ink.gamma_multiply(0.5)),
        );
        let mid = a + target.sector() / 2.0;
        let label_at = *centre + vec2(mid.cos(), mid.sin()) * (radius + 16.0);
        painter.text(
            label_at,
            Align2::CENTER_CENTER,
            &dimension.name,
            FontId::proportional(scaled(ui, 13.0)),
            ink,
        );
    }
}

/// Each dot inside its sector and ring; equal ratings spread along the ring. A dot tells,
/// on hover, whose it is (or "#n" for an anonymous entry) and what it says.
fn dots_ui(
    ui: &Ui,
    painter: &egui::Painter,
    cx: &Cx,
    state: &ReflectionUiState,
    target: &Geometry,
) {
    let reflection = &cx.session.reflection;
    let ink = ui.visuals().text_color();
    for dot in geometry::dots(reflection, target.radius, 5.0) {
        let Some(entry) = reflection.entries.get(dot.number - 1) else {
            continue;
        };
        let colour = DOT_COLOURS[(dot.number - 1) % DOT_COLOURS.len()];
        let (x, y) = dot.offset(target.radius);
        let at = target.centre + vec2(x, y);
        let is_selected = state.selected == Some(entry.id);
        let size = if is_selected {
            dot.size * 1.4
        } else {
            dot.size
        };
        painter.circle_filled(at, size, colour);
        if is_selected {
            painter.circle_stroke(at, size + 2.0, Stroke::new(2.0, ink));
        }
        let who = if entry.who.trim().is_empty() {
            format!("#{}", dot.number)
        } else {
            entry.who.clone()
        };
        let dimension = &reflection.dimensions[dot.dimension].name;
        let label = format!("{who}: {dimension} {}", dot.rating);
        let hit = egui::Rect::from_center_size(at, vec2(2.0 * dot.size, 2.0 * dot.size));
        let id = ui.scope_id().with(("target-dot", entry.id, dot.dimension));
        let dot_response = ui.interact(hit, id, Sense::hover());
        dot_response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
        dot_response.on_hover_text(label);
    }
}

/// Under the mouse, the rating a click would set, before the click.
fn aim_ui(
    ui: &Ui,
    painter: &egui::Painter,
    cx: &Cx,
    state: &ReflectionUiState,
    target: &Geometry,
    response: &egui::Response,
) {
    let ink = ui.visuals().text_color();
    let Some(pos) = response.hover_pos() else {
        return;
    };
    let (Some(_), Some((index, rating))) = (state.selected, target.at(pos)) else {
        return;
    };
    let rings = &target.rings;
    let (inner, outer) = rings.band(rings.ring(rating));
    let mid = (inner + outer) / 2.0 * target.radius;
    let a = geometry::sector_start(index, target.n) + target.sector() / 2.0;
    painter.circle_stroke(
        target.centre + vec2(a.cos(), a.sin()) * mid,
        7.0,
        Stroke::new(2.0, ink.gamma_multiply(0.6)),
    );
    painter.text(
        pos + vec2(12.0, -12.0),
        Align2::LEFT_BOTTOM,
        format!("{} {rating}", cx.session.reflection.dimensions[index].name),
        FontId::proportional(scaled(ui, 13.0)),
        ink,
    );
}

/// Whose colour is whose, without hovering each dot; and what a click does.
fn legend_ui(ui: &mut Ui, cx: &Cx, state: &ReflectionUiState) {
    ui.horizontal_wrapped(|ui| {
        for (e, entry) in cx.session.reflection.entries.iter().enumerate() {
            let colour = DOT_COLOURS[e % DOT_COLOURS.len()];
            let who = if entry.who.trim().is_empty() {
                format!("#{}", e + 1)
            } else {
                entry.who.clone()
            };
            ui.label(RichText::new("\u{25cf}").color(colour));
            ui.label(RichText::new(who).small());
        }
    });
    let hint = if state.selected.is_some() {
        T::TargetHelp
    } else {
        T::TargetSelectFirst
    };
    ui.label(RichText::new(cx.tr(hint)).weak().small());
}
