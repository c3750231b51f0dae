//! Two sessions side by side.

use egui::RichText;

use crate::app::command::Cx;
use crate::i18n::{self, T, fill};
use crate::model::Session;

/// The comparison window; returns whether it stays open.
pub(super) fn compare_window_ui(ctx: &egui::Context, cx: &Cx, other: &Session) -> bool {
    let mut is_open = true;
    egui::Window::new(cx.tr(T::Comparison))
        .open(&mut is_open)
        .default_width(900.0)
        .default_height(600.0)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.columns(2, |columns| {
                    for (ui, session) in columns.iter_mut().zip([cx.session, other]) {
                        column_ui(ui, cx, session);
                    }
                });
            });
        });
    is_open
}

fn column_ui(ui: &mut egui::Ui, cx: &Cx, session: &Session) {
    let summary = crate::session::summary::Summary::of(session);
    ui.heading(&session.meta.title);
    ui.label(summary.date_range());
    ui.label(fill(
        cx.tr(T::HeldTotal),
        &[
            &summary.actual_minutes.to_string(),
            &summary.planned_minutes.to_string(),
            &summary.items_over_time.to_string(),
        ],
    ));
    ui.add_space(6.0);
    ui.strong(cx.tr(T::Board));
    for board in &session.boards {
        ui.label(RichText::new(&board.title).italics());
        for row in crate::board::votes::ranking(board).iter().take(6) {
            ui.label(format!("\u{25cf} {}  {}", row.votes, row.title));
        }
    }
    ui.add_space(6.0);
    ui.strong(cx.tr(T::Reflection));
    for dimension in crate::reflection::breakdown::reflection_breakdown(session) {
        let mean = dimension
            .mean
            .map_or_else(|| "\u{2013}".to_owned(), |m| i18n::decimal(m, 1, cx.lang));
        ui.label(format!(
            "{}: {mean} (n = {})",
            dimension.name, dimension.count
        ));
    }
    ui.add_space(6.0);
    ui.strong(cx.tr(T::ActionItems));
    for item in &session.action_items {
        ui.label(format!("\u{2022} {} \u{2013} {}", item.title, item.owner));
    }
}
