//! The reflection round: dimensions and scale, fast entry of ratings, the target
//! ("Zielscheibe"), a live summary per dimension, and recorded dissent.

mod target;

use egui::{Id, RichText, Ui};

use crate::app::command::Cx;
use crate::app::widgets::{TextField, focus_when_shown, icon_button_ui, parsed_field, scaled};
use crate::i18n::{self, T, fill, verdict_text};
use crate::ids::{AgendaItemId, DimensionId, ReflectionEntryId};
use crate::reflection::edit::{DissentText, EntryText, ReflectionEdit, scale_is_valid};
use crate::reflection::stats;
use crate::reflection::{Dimension, Dissent, ReflectionEntry};

/// What the reflection screen remembers between frames.
#[derive(Clone, Debug, Default)]
pub struct ReflectionUiState {
    /// The entry that clicks on the target rate.
    pub selected: Option<ReflectionEntryId>,
}

pub(in crate::app) fn reflection_ui(ui: &mut Ui, cx: &mut Cx, state: &mut ReflectionUiState) {
    let mut edits = Vec::new();
    ui.add_enabled_ui(!cx.is_read_only, |ui| {
        settings_ui(ui, cx, &mut edits);
        ui.add_space(10.0);
        // The target beside the entries where there is room, else below them.
        let entries_width = scaled(ui, 150.0 + 220.0 + 80.0)
            + scaled(ui, 48.0) * cx.session.reflection.dimensions.len() as f32;
        if ui.available_width() >= entries_width + scaled(ui, 320.0) {
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| entries_ui(ui, cx, state, &mut edits));
                ui.add_space(16.0);
                ui.vertical(|ui| target::target_ui(ui, cx, state, &mut edits));
            });
        } else {
            entries_ui(ui, cx, state, &mut edits);
            ui.add_space(10.0);
            target::target_ui(ui, cx, state, &mut edits);
        }
    });
    ui.add_space(10.0);
    ui.label(
        RichText::new(cx.tr(T::Summary))
            .heading()
            .size(scaled(ui, 18.0)),
    );
    ui.separator();
    summary_ui(ui, cx);
    ui.add_space(10.0);
    ui.add_enabled_ui(!cx.is_read_only, |ui| {
        ui.label(
            RichText::new(cx.tr(T::Dissent))
                .heading()
                .size(scaled(ui, 18.0)),
        );
        ui.separator();
        dissent_ui(ui, cx, &mut edits);
        ui.add_space(10.0);
        let label = ui.label(RichText::new(cx.tr(T::ModeratorsSummary)).strong());
        let field = TextField::new(&cx.session.reflection.summary, label.id)
            .multiline(3)
            .show(ui);
        if let Some(text) = field.changed {
            edits.push(ReflectionEdit::SetSummary(text));
        }
    });
    for edit in edits {
        cx.edit(edit);
    }
}

fn settings_ui(ui: &mut Ui, cx: &Cx, edits: &mut Vec<ReflectionEdit>) {
    let reflection = &cx.session.reflection;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(cx.tr(T::Dimensions));
        for dimension in &reflection.dimensions {
            let field = TextField::new(&dimension.name, label.id)
                .width(110.0)
                .id(egui::Id::unique(("dimension-name", dimension.id)))
                .show(ui);
            if let Some(name) = field.changed {
                edits.push(ReflectionEdit::RenameDimension(dimension.id, name));
            }
            let remove = format!("{}: {}", cx.tr(T::Remove), dimension.name);
            if icon_button_ui(ui, "\u{2715}", &remove).clicked() {
                edits.push(ReflectionEdit::RemoveDimension(dimension.id));
            }
        }
        if ui.button(format!("+ {}", cx.tr(T::AddDimension))).clicked() {
            let id = DimensionId::generate();
            focus_when_shown(ui.ctx(), egui::Id::unique(("dimension-name", id)));
            edits.push(ReflectionEdit::AddDimension(Dimension {
                id,
                name: String::new(),
            }));
        }
    });
    ui.horizontal_wrapped(|ui| {
        let scale = &reflection.scale;
        let label = ui.label(cx.tr(T::ScaleFrom));
        let from = parsed_field(
            ui,
            "scale-min",
            label.id,
            cx.tr(T::ScaleLimits),
            &scale.min,
            40.0,
            ToString::to_string,
            |t| {
                t.trim()
                    .parse()
                    .ok()
                    .filter(|min| scale_is_valid(*min, scale.max))
            },
        );
        if let Some(min) = from.changed {
            edits.push(ReflectionEdit::SetScale {
                min,
                max: scale.max,
            });
        }
        let label = ui.label(cx.tr(T::ScaleTo));
        let to = parsed_field(
            ui,
            "scale-max",
            label.id,
            cx.tr(T::ScaleLimits),
            &scale.max,
            40.0,
            ToString::to_string,
            |t| {
                t.trim()
                    .parse()
                    .ok()
                    .filter(|max| scale_is_valid(scale.min, *max))
            },
        );
        if let Some(max) = to.changed {
            edits.push(ReflectionEdit::SetScale {
                min: scale.min,
                max,
            });
        }
        let label = ui.label(cx.tr(T::BestIsHigh));
        ui.label(RichText::new(format!("({})", cx.tr(T::BestIsHighHint))).weak())
            .labelled_by(label.id);
        let mut is_anonymous = reflection.is_anonymous;
        let anonymous = ui
            .checkbox(&mut is_anonymous, cx.tr(T::AnonymousMode))
            .on_hover_text(cx.tr(T::AnonymousHelp));
        if anonymous.changed() {
            edits.push(ReflectionEdit::SetAnonymous(is_anonymous));
        }
    });
}

fn who_id(entry: ReflectionEntryId) -> Id {
    Id::unique(("reflection-who", entry))
}

fn entries_ui(
    ui: &mut Ui,
    cx: &Cx,
    state: &mut ReflectionUiState,
    edits: &mut Vec<ReflectionEdit>,
) {
    let reflection = &cx.session.reflection;
    let (min, max) = (reflection.scale.min, reflection.scale.max);
    let count = reflection.entries.len();
    let mut add_after_enter = false;
    egui::Grid::new("reflection-entries")
        .striped(true)
        .num_columns(reflection.dimensions.len() + 3)
        .show(ui, |ui| {
            let who_label = ui.strong(cx.tr(T::Who)).id;
            let dimension_labels: Vec<Id> = reflection
                .dimensions
                .iter()
                .map(|d| ui.strong(&d.name).id)
                .collect();
            let comment_label = ui.strong(cx.tr(T::Comment)).id;
            ui.label("");
            ui.end_row();
            for (index, entry) in reflection.entries.iter().enumerate() {
                if reflection.is_anonymous {
                    ui.label(RichText::new(format!("#{}", index + 1)).weak());
                } else {
                    let who = TextField::new(&entry.who, who_label)
                        .width(150.0)
                        .id(who_id(entry.id))
                        .show(ui);
                    if who.response.has_focus() {
                        state.selected = Some(entry.id);
                    }
                    if let Some(text) = who.changed {
                        edits.push(ReflectionEdit::SetEntryText(entry.id, EntryText::Who, text));
                    }
                }
                for (dimension, label) in reflection.dimensions.iter().zip(&dimension_labels) {
                    let rating = entry.ratings.get(&dimension.id).copied();
                    let field = parsed_field(
                        ui,
                        ("rating", entry.id, dimension.id),
                        *label,
                        "",
                        &rating,
                        36.0,
                        |r| r.map(|r| r.to_string()).unwrap_or_default(),
                        |text| {
                            let text = text.trim();
                            if text.is_empty() {
                                return Some(None);
                            }
                            let value: i32 = text.parse().ok()?;
                            (min..=max).contains(&value).then_some(Some(value))
                        },
                    );
                    let response = field.response.on_hover_text(cx.tr(T::RatingInScale));
                    if response.has_focus() {
                        state.selected = Some(entry.id);
                    }
                    if let Some(value) = field.changed {
                        edits.push(ReflectionEdit::SetRating {
                            entry: entry.id,
                            dimension: dimension.id,
                            value,
                        });
                    }
                }
                let comment = TextField::new(&entry.comment, comment_label)
                    .width(220.0)
                    .show(ui);
                if let Some(text) = comment.changed {
                    edits.push(ReflectionEdit::SetEntryText(
                        entry.id,
                        EntryText::Comment,
                        text,
                    ));
                }
                if comment.response.lost_focus()
                    && ui.input(|i| i.key_pressed(egui::Key::Enter))
                    && index + 1 == count
                {
                    add_after_enter = true;
                }
                ui.horizontal(|ui| {
                    let is_selected = state.selected == Some(entry.id);
                    let target = ui
                        .selectable_label(is_selected, "\u{25ce}")
                        .on_hover_text(cx.tr(T::RateOnTarget));
                    if target.clicked() {
                        state.selected = Some(entry.id);
                    }
                    if icon_button_ui(ui, "\u{2715}", cx.tr(T::Remove)).clicked() {
                        edits.push(ReflectionEdit::RemoveEntry(entry.id));
                    }
                });
                ui.end_row();
            }
        });
    let add = ui
        .button(format!("+ {}", cx.tr(T::AddEntry)))
        .on_hover_text(cx.tr(T::AddEntryHelp))
        .clicked();
    if add || add_after_enter {
        let entry = ReflectionEntry {
            id: ReflectionEntryId::generate(),
            ..ReflectionEntry::default()
        };
        // Type straight away: the new row's name takes the focus.
        focus_when_shown(ui.ctx(), who_id(entry.id));
        state.selected = Some(entry.id);
        edits.push(ReflectionEdit::AddEntry(entry));
    }
}

fn summary_ui(ui: &mut Ui, cx: &Cx) {
    let stats = stats::stats(&cx.session.reflection);
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
                // Each bar with its count above it, each value named below, as in the report.
                let highest = dimension
                    .distribution
                    .iter()
                    .map(|(_, n)| *n)
                    .max()
                    .unwrap_or(0);
                let signed = dimension.distribution.iter().any(|(value, _)| *value < 0);
                egui_plot::Plot::new(("reflection-plot", dimension.id))
                    .height(120.0)
                    .width(220.0)
                    .allow_zoom(false)
                    .allow_drag(false)
                    .allow_scroll(false)
                    .show_axes([false, false])
                    .show_grid(false)
                    .show_x(false)
                    .show_y(false)
                    .include_y(-(highest as f64 * 0.2 + 0.4))
                    .include_y(highest as f64 * 1.3 + 0.5)
                    .show(ui, |plot| {
                        plot.bar_chart(egui_plot::BarChart::new(dimension.name.clone(), bars));
                        for (value, count) in &dimension.distribution {
                            let at = egui_plot::PlotPoint::new(
                                f64::from(*value),
                                *count as f64 + highest as f64 * 0.12 + 0.2,
                            );
                            plot.text(egui_plot::Text::new(
                                format!("{}-{value}", dimension.name),
                                at,
                                RichText::new(count.to_string()).strong(),
                            ));
                            // The rating under its bar (+2 on a scale around zero).
                            let rating = if signed && *value > 0 {
                                format!("+{value}")
                            } else {
                                value.to_string()
                            };
                            let below = egui_plot::PlotPoint::new(
                                f64::from(*value),
                                -(highest as f64 * 0.1 + 0.2),
                            );
                            plot.text(egui_plot::Text::new(
                                format!("{}-rating-{value}", dimension.name),
                                below,
                                RichText::new(rating).weak(),
                            ));
                        }
                    });
                let mean = dimension
                    .mean
                    .map_or_else(|| "\u{2013}".to_owned(), |m| i18n::decimal(m, 1, cx.lang));
                ui.label(fill(
                    cx.tr(T::MeanShare),
                    &[
                        &mean,
                        &format!("{:.0}", dimension.positive_share * 100.0),
                        &dimension.count.to_string(),
                    ],
                ));
                ui.label(RichText::new(verdict_text(dimension.verdict, cx.lang)).strong());
            });
        }
    });
}

fn dissent_ui(ui: &mut Ui, cx: &Cx, edits: &mut Vec<ReflectionEdit>) {
    let agenda_items: Vec<(AgendaItemId, &str)> = cx
        .session
        .agenda
        .items()
        .map(|i| (i.id, i.title.as_str()))
        .collect();
    for (index, item) in cx.session.reflection.dissent.iter().enumerate() {
        ui.group(|ui| {
            egui::Grid::new(("dissent", index))
                .num_columns(2)
                .show(ui, |ui| {
                    for (key, field, value) in [
                        (T::Who, DissentText::Who, &item.who),
                        (T::Statement, DissentText::Statement, &item.statement),
                        (T::Response, DissentText::Response, &item.response),
                    ] {
                        let label = ui.label(cx.tr(key));
                        let mut text = TextField::new(value, label.id).width(520.0);
                        if field == DissentText::Who {
                            text = text.id(egui::Id::unique(("dissent-who", index)));
                        }
                        let text = text.show(ui);
                        if let Some(text) = text.changed {
                            edits.push(ReflectionEdit::SetDissentText(index, field, text));
                        }
                        ui.end_row();
                    }
                    let label = ui.label(cx.tr(T::AgendaItem));
                    let current = item
                        .agenda_item
                        .and_then(|id| agenda_items.iter().find(|(i, _)| *i == id))
                        .map_or("\u{2013}", |(_, t)| t);
                    let mut chosen = item.agenda_item;
                    egui::ComboBox::from_id_salt(("dissent-item", index))
                        .width(520.0)
                        .selected_text(current)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut chosen, None, "\u{2013}");
                            for (id, title) in &agenda_items {
                                ui.selectable_value(&mut chosen, Some(*id), *title);
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    if chosen != item.agenda_item {
                        edits.push(ReflectionEdit::SetDissentItem(index, chosen));
                    }
                    ui.end_row();
                });
            if ui.small_button(cx.tr(T::Remove)).clicked() {
                edits.push(ReflectionEdit::RemoveDissent(index));
            }
        });
    }
    if ui.button(format!("+ {}", cx.tr(T::AddDissent))).clicked() {
        let index = cx.session.reflection.dissent.len();
        focus_when_shown(ui.ctx(), egui::Id::unique(("dissent-who", index)));
        edits.push(ReflectionEdit::AddDissent(Dissent::default()));
    }
}
