//! Two sessions side by side, row by row, differences marked: agenda items held against held,
//! clusters with their dots, reflection means with the difference, action items and the next
//! meeting. One grid, so that rows stay aligned when a title wraps.

use egui::RichText;

use crate::app::command::Cx;
use crate::i18n::{self, T};
use crate::session::Session;
use crate::session::compare::{Part, Value, compare};

/// The comparison window; returns whether it stays open.
pub(super) fn compare_window_ui(ctx: &egui::Context, cx: &Cx, other: &Session) -> bool {
    let mut is_open = true;
    egui::Window::new(cx.tr(T::Comparison))
        .open(&mut is_open)
        .default_width(900.0)
        .default_height(600.0)
        // Below the menu and the tabs, which stay reachable.
        .default_pos(egui::pos2(60.0, 130.0))
        .show(ctx, |ui| {
            let rows = compare(cx.session, other, cx.now);
            let changed = rows.iter().filter(|r| r.differs).count();
            ui.label(i18n::plural(
                changed as u64,
                T::OneDifference,
                T::Differences,
                cx.lang,
            ));
            egui::ScrollArea::vertical().show(ui, |ui| {
                egui::Grid::new("comparison")
                    .num_columns(4)
                    .striped(true)
                    .show(ui, |ui| {
                        ui.label("");
                        for (session, which) in
                            [(cx.session, T::ThisSession), (other, T::ComparedWith)]
                        {
                            ui.vertical(|ui| {
                                ui.set_max_width(260.0);
                                ui.label(RichText::new(cx.tr(which)).weak().small());
                                ui.add(
                                    egui::Label::new(RichText::new(&session.meta.title).strong())
                                        .wrap(),
                                );
                            });
                        }
                        ui.label("");
                        ui.end_row();
                        let mut part = None;
                        for row in &rows {
                            if part != Some(row.part) {
                                part = Some(row.part);
                                ui.label(RichText::new(cx.tr(part_title(row.part))).strong());
                                ui.end_row();
                            }
                            ui.scope(|ui| {
                                ui.set_max_width(320.0);
                                ui.add(egui::Label::new(&row.what).wrap());
                            });
                            ui.label(value_text(&row.left, cx));
                            ui.label(value_text(&row.right, cx));
                            if row.differs {
                                ui.label(
                                    RichText::new(format!("\u{2260} {}", cx.tr(T::Changed)))
                                        .color(ui.visuals().warn_fg_color)
                                        .strong(),
                                );
                            } else {
                                ui.label("");
                            }
                            ui.end_row();
                        }
                    });
            });
        });
    is_open
}

fn part_title(part: Part) -> T {
    match part {
        Part::Agenda => T::AgendaAndTimes,
        Part::Clusters => T::Clusters,
        Part::Reflection => T::Reflection,
        Part::ActionItems => T::ActionItems,
        Part::NextMeeting => T::NextMeeting,
    }
}

fn value_text(value: &Value, cx: &Cx) -> String {
    match value {
        Value::Missing => "\u{2013}".to_owned(),
        Value::Held { planned, held } => match held {
            Some(held) => {
                let diff = held - i64::from(*planned);
                format!("{held} / {planned} min ({})", i18n::signed(diff))
            }
            None => format!("{planned} min"),
        },
        Value::Dots(dots) => format!("\u{25cf} {dots}"),
        Value::Mean(mean, n) => mean.map_or_else(
            || "\u{2013}".to_owned(),
            |m| format!("{} (n = {n})", i18n::decimal(m, 1, cx.lang)),
        ),
        Value::Status(status) => i18n::status_text(*status, cx.lang).to_owned(),
        Value::Text(text) => text.clone(),
    }
}
