//! The reflection round: dimensions and scale, fast entry of ratings, the target
//! ("Zielscheibe"), a live summary per dimension, and recorded dissent.

use egui::{Align2, Color32, FontId, Id, RichText, Sense, Stroke, TextEdit, Ui, vec2};

use crate::app::ModeratoApp;
use crate::app::widgets::{icon_button_ui, parsed_edit_ui, text_edit_ui};
use crate::i18n::fill;
use crate::i18n::{Lang, T};
use crate::model::{Dimension, DimensionId, Dissent, ReflectionEntry, ReflectionEntryId, Session};
use crate::reflection::stats::{self, Verdict, rating_at, target_radius};

/// What the reflection screen remembers between frames.
#[derive(Clone, Debug, Default)]
pub struct ReflectionUiState {
    /// The entry that clicks on the target rate.
    pub selected: Option<ReflectionEntryId>,
    /// Give this entry's name field the focus next frame (after Enter added it).
    focus_who: Option<ReflectionEntryId>,
}

pub(crate) fn reflection_ui(app: &mut ModeratoApp, ui: &mut Ui) {
    let lang = app.lang();
    let tr = |key: T| key.get(lang);
    // The reflection round is often a speaking round: the same timer as on the agenda.
    let now = app.options.clock.now();
    super::agenda::speaking_ui(app, ui, now);
    ui.add_space(6.0);
    let agenda_items: Vec<(crate::model::AgendaItemId, String)> = app
        .doc
        .session
        .agenda
        .items()
        .map(|i| (i.id, i.title.clone()))
        .collect();
    let state = &mut app.reflection_ui;
    let session = &mut app.doc.session;
    settings_ui(session, lang, ui);
    ui.add_space(10.0);
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| entries_ui(ui, session, state, lang));
        ui.add_space(16.0);
        ui.vertical(|ui| target_ui(ui, session, state, lang));
    });
    ui.add_space(10.0);
    ui.label(RichText::new(tr(T::Summary)).heading().size(18.0));
    ui.separator();
    summary_ui(ui, session, lang);
    ui.add_space(10.0);
    ui.label(RichText::new(tr(T::Dissent)).heading().size(18.0));
    ui.separator();
    dissent_ui(ui, &mut session.reflection.dissent, &agenda_items, lang);
    ui.add_space(10.0);
    let label = ui.label(RichText::new(tr(T::ModeratorsSummary)).strong());
    ui.add(
        TextEdit::multiline(&mut session.reflection.summary)
            .desired_rows(3)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
}

fn settings_ui(session: &mut Session, lang: Lang, ui: &mut Ui) {
    let tr = |key: T| key.get(lang);
    let reflection = &mut session.reflection;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr(T::Dimensions));
        let mut remove = None;
        for (index, dimension) in reflection.dimensions.iter_mut().enumerate() {
            text_edit_ui(ui, &mut dimension.name, label.id, 110.0);
            if icon_button_ui(
                ui,
                "\u{2715}",
                &format!("{}: {}", tr(T::Remove), dimension.name),
            )
            .clicked()
            {
                remove = Some(index);
            }
        }
        if let Some(index) = remove {
            reflection.dimensions.remove(index);
        }
        if ui.button(format!("+ {}", tr(T::AddDimension))).clicked() {
            reflection.dimensions.push(Dimension {
                id: DimensionId::generate(),
                name: String::new(),
            });
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr(T::ScaleFrom));
        parsed_edit_ui(
            ui,
            "scale-min",
            (label.id, tr(T::WholeNumberPlain)),
            &mut reflection.scale.min,
            40.0,
            ToString::to_string,
            |t| t.trim().parse().ok(),
        );
        let label = ui.label(tr(T::ScaleTo));
        parsed_edit_ui(
            ui,
            "scale-max",
            (label.id, tr(T::WholeNumberPlain)),
            &mut reflection.scale.max,
            40.0,
            ToString::to_string,
            |t| t.trim().parse().ok(),
        );
        let label = ui.label(tr(T::BestIsHigh));
        ui.label(RichText::new(format!("({})", tr(T::BestIsHighHint))).weak())
            .labelled_by(label.id);
        ui.checkbox(&mut reflection.is_anonymous, tr(T::AnonymousMode))
            .on_hover_text(tr(T::AnonymousHelp));
    });
}

fn entries_ui(ui: &mut Ui, session: &mut Session, state: &mut ReflectionUiState, lang: Lang) {
    let tr = |key: T| key.get(lang);
    let reflection = &mut session.reflection;
    let (min, max) = (reflection.scale.min, reflection.scale.max);
    let dimensions: Vec<(DimensionId, String)> = reflection
        .dimensions
        .iter()
        .map(|d| (d.id, d.name.clone()))
        .collect();
    let is_anonymous = reflection.is_anonymous;
    let mut remove = None;
    let mut add_after_enter = false;
    let count = reflection.entries.len();
    egui::Grid::new("reflection-entries")
        .striped(true)
        .num_columns(dimensions.len() + 3)
        .show(ui, |ui| {
            let who_label = ui.strong(tr(T::Who)).id;
            let mut dimension_labels = Vec::new();
            for (_, name) in &dimensions {
                dimension_labels.push(ui.strong(name).id);
            }
            let comment_label = ui.strong(tr(T::Comment)).id;
            ui.label("");
            ui.end_row();
            for (index, entry) in reflection.entries.iter_mut().enumerate() {
                let who_id = Id::unique(("reflection-who", entry.id));
                if is_anonymous {
                    ui.label(RichText::new(format!("#{}", index + 1)).weak());
                } else {
                    let who = ui
                        .add_sized(
                            [150.0, 20.0],
                            TextEdit::singleline(&mut entry.who).id(who_id),
                        )
                        .labelled_by(who_label);
                    if state.focus_who == Some(entry.id) {
                        who.request_focus();
                        state.focus_who = None;
                    }
                    if who.has_focus() {
                        state.selected = Some(entry.id);
                    }
                }
                for ((dimension, _), label) in dimensions.iter().zip(&dimension_labels) {
                    let mut rating = entry.ratings.get(dimension).copied();
                    let response = parsed_edit_ui(
                        ui,
                        ("rating", entry.id, *dimension),
                        (*label, tr(T::RatingInScale)),
                        &mut rating,
                        36.0,
                        |r| r.map(|r| r.to_string()).unwrap_or_default(),
                        |text| {
                            let text = text.trim();
                            if text.is_empty() {
                                return Some(None);
                            }
                            let value: i32 = text.parse().ok()?;
                            (min.min(max)..=max.max(min))
                                .contains(&value)
                                .then_some(Some(value))
                        },
                    );
                    if response.has_focus() {
                        state.selected = Some(entry.id);
                    }
                    match rating {
                        Some(value) => entry.ratings.insert(*dimension, value),
                        None => entry.ratings.remove(dimension),
                    };
                }
                let comment = ui
                    .add_sized([220.0, 20.0], TextEdit::singleline(&mut entry.comment))
                    .labelled_by(comment_label);
                if comment.lost_focus()
                    && ui.input(|i| i.key_pressed(egui::Key::Enter))
                    && index + 1 == count
                {
                    add_after_enter = true;
                }
                ui.horizontal(|ui| {
                    let is_selected = state.selected == Some(entry.id);
                    let target = ui
                        .selectable_label(is_selected, "\u{25ce}")
                        .on_hover_text(tr(T::RateOnTarget));
                    if target.clicked() {
                        state.selected = Some(entry.id);
                    }
                    if icon_button_ui(ui, "\u{2715}", tr(T::Remove)).clicked() {
                        remove = Some(index);
                    }
                });
                ui.end_row();
            }
        });
    if let Some(index) = remove {
        reflection.entries.remove(index);
    }
    let add = ui
        .button(format!("+ {}", tr(T::AddEntry)))
        .on_hover_text(tr(T::AddEntryHelp))
        .clicked();
    if add || add_after_enter {
        let entry = ReflectionEntry {
            id: ReflectionEntryId::generate(),
            ..ReflectionEntry::default()
        };
        state.focus_who = Some(entry.id);
        state.selected = Some(entry.id);
        reflection.entries.push(entry);
    }
}

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

fn target_ui(ui: &mut Ui, session: &mut Session, state: &mut ReflectionUiState, lang: Lang) {
    let tr = |key: T| key.get(lang);
    let reflection = &mut session.reflection;
    let n = reflection.dimensions.len();
    ui.label(RichText::new(tr(T::Target)).strong());
    let side = ui.available_width().clamp(240.0, 380.0);
    let (rect, response) = ui.allocate_exact_size(vec2(side, side), Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, tr(T::Target)));
    if n == 0 {
        return;
    }
    let painter = ui.painter_at(rect);
    let centre = rect.center();
    let radius = side / 2.0 - 30.0;
    let (min, max) = (reflection.scale.min, reflection.scale.max);
    let ink = ui.visuals().text_color();
    let steps = (max - min).unsigned_abs().max(1);
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
            FontId::proportional(13.0),
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
            let value = rating_at(distance, min, max);
            if let Some(entry) = reflection.entries.iter_mut().find(|e| e.id == selected) {
                entry.ratings.insert(dimension, value);
            }
        }
    }
    let hint = if state.selected.is_some() {
        T::TargetHelp
    } else {
        T::TargetSelectFirst
    };
    ui.label(RichText::new(tr(hint)).weak().small());
}

fn summary_ui(ui: &mut Ui, session: &Session, lang: Lang) {
    let tr = |key: T| key.get(lang);
    let stats = stats::stats(&session.reflection);
    ui.horizontal_wrapped(|ui| {
        for dimension in &stats {
            ui.vertical(|ui| {
                ui.set_width(230.0);
                ui.label(RichText::new(&dimension.name).strong());
                let bars: Vec<egui_plot::Bar> = dimension
                    .distribution
                    .iter()
                    .map(|(value, count)| {
                        egui_plot::Bar::new(f64::from(*value), *count as f64).width(0.7)
                    })
                    .collect();
                egui_plot::Plot::new(("reflection-plot", dimension.id))
                    .height(110.0)
                    .width(220.0)
                    .allow_zoom(false)
                    .allow_drag(false)
                    .allow_scroll(false)
                    .show_axes([true, false])
                    .show_grid(false)
                    .include_y(0.0)
                    .show(ui, |plot| {
                        plot.bar_chart(egui_plot::BarChart::new(dimension.name.clone(), bars))
                    });
                let mean = dimension
                    .mean
                    .map_or_else(|| "\u{2013}".to_owned(), |m| format!("{m:.1}"));
                ui.label(fill(
                    tr(T::MeanShare),
                    &[
                        &mean,
                        &format!("{:.0}", dimension.positive_share * 100.0),
                        &dimension.count.to_string(),
                    ],
                ));
                let verdict = match dimension.verdict {
                    Verdict::NoRatings => T::VerdictNone,
                    Verdict::MostlyPositive => T::VerdictPositive,
                    Verdict::MostlyNegative => T::VerdictNegative,
                    Verdict::Split => T::VerdictSplit,
                    Verdict::Mixed => T::VerdictMixed,
                };
                ui.label(RichText::new(tr(verdict)).strong());
            });
        }
    });
}

fn dissent_ui(
    ui: &mut Ui,
    dissent: &mut Vec<Dissent>,
    agenda_items: &[(crate::model::AgendaItemId, String)],
    lang: Lang,
) {
    let tr = |key: T| key.get(lang);
    let mut remove = None;
    for (index, item) in dissent.iter_mut().enumerate() {
        ui.group(|ui| {
            egui::Grid::new(("dissent", index))
                .num_columns(2)
                .show(ui, |ui| {
                    for (key, value) in [
                        (T::Who, &mut item.who),
                        (T::Statement, &mut item.statement),
                        (T::Response, &mut item.response),
                    ] {
                        let label = ui.label(tr(key));
                        text_edit_ui(ui, value, label.id, 520.0);
                        ui.end_row();
                    }
                    let label = ui.label(tr(T::AgendaItem));
                    let current = item
                        .agenda_item
                        .and_then(|id| agenda_items.iter().find(|(i, _)| *i == id))
                        .map_or("\u{2013}", |(_, t)| t.as_str());
                    egui::ComboBox::from_id_salt(("dissent-item", index))
                        .width(520.0)
                        .selected_text(current)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut item.agenda_item, None, "\u{2013}");
                            for (id, title) in agenda_items {
                                ui.selectable_value(&mut item.agenda_item, Some(*id), title);
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                });
            if ui.small_button(tr(T::Remove)).clicked() {
                remove = Some(index);
            }
        });
    }
    if let Some(index) = remove {
        dissent.remove(index);
    }
    if ui.button(format!("+ {}", tr(T::AddDissent))).clicked() {
        dissent.push(Dissent::default());
    }
}
