//! Two sessions side by side, row by row, differences marked: agenda items held against held,
//! clusters with their dots, every card (only on one side, in another cluster, placed elsewhere
//! on the axes, rewritten, other dots), reflection means, action items and the next meeting.
//! One grid, so that rows stay aligned when a title wraps; "differences only" hides the rest.

use std::path::{Path, PathBuf};

use egui::RichText;

use crate::app::command::Cx;
use crate::i18n::{self, T, fill};
use crate::session::Session;
use crate::session::compare::{Difference, Part, Row, Value, compare};

/// The session Review compares with: where it was read from, and what the window shows.
pub struct Comparison {
    session: Box<Session>,
    folder: PathBuf,
    differences_only: bool,
}

impl Comparison {
    pub fn new(session: Session, folder: PathBuf) -> Self {
        Self {
            session: Box::new(session),
            folder,
            differences_only: false,
        }
    }
}

/// The comparison window; returns whether it stays open.
pub(super) fn compare_window_ui(ctx: &egui::Context, cx: &Cx, comparison: &mut Comparison) -> bool {
    let mut is_open = true;
    egui::Window::new(cx.tr(T::Comparison))
        .open(&mut is_open)
        .default_width(900.0)
        .default_height(600.0)
        // Below the menu and the tabs, which stay reachable.
        .default_pos(egui::pos2(60.0, 130.0))
        .show(ctx, |ui| {
            let other: &Session = &comparison.session;
            let rows = compare(cx.session, other, cx.now);
            let changed = rows.iter().filter(|r| r.differs()).count();
            ui.horizontal(|ui| {
                ui.label(i18n::plural(
                    changed as u64,
                    T::OneDifference,
                    T::Differences,
                    cx.lang,
                ));
                ui.checkbox(&mut comparison.differences_only, cx.tr(T::DifferencesOnly));
            });
            if changed == 0 && comparison.differences_only {
                ui.label(RichText::new(cx.tr(T::NoDifferences)).weak());
            }
            let shown: Vec<&Row> = rows
                .iter()
                .filter(|r| r.differs() || !comparison.differences_only)
                .collect();
            egui::ScrollArea::vertical().show(ui, |ui| {
                egui::Grid::new("comparison")
                    .num_columns(4)
                    .striped(true)
                    .show(ui, |ui| {
                        ui.label("");
                        header_ui(ui, cx, cx.session, cx.folder, T::ThisSession);
                        header_ui(ui, cx, other, Some(&comparison.folder), T::ComparedWith);
                        ui.label("");
                        ui.end_row();
                        rows_ui(ui, cx, &shown);
                    });
            });
        });
    is_open
}

/// A column's head: which side, the session's title, its dates and its folder.
fn header_ui(ui: &mut egui::Ui, cx: &Cx, session: &Session, folder: Option<&Path>, which: T) {
    ui.vertical(|ui| {
        ui.set_max_width(260.0);
        ui.label(RichText::new(cx.tr(which)).weak().small());
        ui.add(egui::Label::new(RichText::new(&session.meta.title).strong()).wrap());
        if !session.meta.dates.is_empty() {
            ui.label(i18n::date_range(&session.meta.dates, cx.lang));
        }
        if let Some(folder) = folder {
            let name = folder.file_name().map_or_else(
                || folder.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            ui.add(
                egui::Label::new(RichText::new(fill(cx.tr(T::InFolder), &[&name])).small()).wrap(),
            )
            .on_hover_text(folder.display().to_string());
        }
    });
}

fn rows_ui(ui: &mut egui::Ui, cx: &Cx, rows: &[&Row]) {
    let mut part = None;
    let mut board = None;
    for row in rows {
        if part != Some(row.part) {
            part = Some(row.part);
            board = None;
            ui.label(RichText::new(cx.tr(part_title(row.part))).strong());
            ui.end_row();
        }
        if row.part == Part::Cards && board != Some(&row.board) {
            board = Some(&row.board);
            ui.label(RichText::new(&row.board).italics());
            ui.end_row();
        }
        ui.scope(|ui| {
            ui.set_max_width(320.0);
            let what = match (&row.what, &row.right) {
                (what, Value::Card { text, .. }) if what.trim().is_empty() => text.clone(),
                (what, _) => what.clone(),
            };
            ui.add(egui::Label::new(what).wrap());
        });
        let shows_text =
            row.how.contains(&Difference::Text) || row.how.contains(&Difference::Outcome);
        ui.scope(|ui| {
            ui.set_max_width(260.0);
            let with_text = row.how.contains(&Difference::Outcome);
            ui.add(egui::Label::new(value_text(&row.left, with_text, cx)).wrap());
        });
        ui.scope(|ui| {
            ui.set_max_width(260.0);
            ui.add(egui::Label::new(value_text(&row.right, shows_text, cx)).wrap());
        });
        if row.differs() {
            let words: Vec<&str> = row.how.iter().map(|d| cx.tr(difference_word(*d))).collect();
            ui.label(
                RichText::new(format!("\u{2260} {}", words.join(", ")))
                    .color(ui.visuals().warn_fg_color)
                    .strong(),
            );
        } else {
            ui.label("");
        }
        ui.end_row();
    }
}

fn part_title(part: Part) -> T {
    match part {
        Part::Agenda => T::AgendaAndTimes,
        Part::Clusters => T::Clusters,
        Part::Cards => T::Cards,
        Part::Reflection => T::Reflection,
        Part::ActionItems => T::ActionItems,
        Part::NextMeeting => T::NextMeeting,
    }
}

fn difference_word(difference: Difference) -> T {
    match difference {
        Difference::Added => T::OnlyThere,
        Difference::Removed => T::OnlyHere,
        Difference::Value => T::Changed,
        Difference::Moved => T::OtherCluster,
        Difference::Placed => T::PlacedElsewhere,
        Difference::Text => T::TextChanged,
        Difference::Dots => T::OtherDots,
        Difference::Outcome => T::OtherOutcome,
    }
}

/// A side's value; a card's text only where it was rewritten (the row names the card).
fn value_text(value: &Value, with_text: bool, cx: &Cx) -> String {
    match value {
        Value::Missing => "\u{2013}".to_owned(),
        Value::Held {
            planned,
            held,
            outcome,
        } => {
            let time = match held {
                Some(held) => {
                    let diff = held - i64::from(*planned);
                    format!("{held} / {planned} min ({})", i18n::signed(diff))
                }
                None => format!("{planned} min"),
            };
            match (with_text, outcome.is_empty()) {
                (false, _) => time,
                (true, true) => format!("{time} \u{b7} {}", cx.tr(T::NoOutcome)),
                (true, false) => format!("{time} \u{b7} {}", fill(cx.tr(T::Quoted), &[outcome])),
            }
        }
        Value::Dots(dots) => format!("\u{25cf} {dots}"),
        Value::Mean(mean, n) => mean.map_or_else(
            || "\u{2013}".to_owned(),
            |m| format!("{} (n = {n})", i18n::decimal(m, 1, cx.lang)),
        ),
        Value::Status(status) => i18n::status_text(*status, cx.lang).to_owned(),
        Value::Text(text) => text.clone(),
        Value::Card {
            text,
            cluster,
            dots,
        } => {
            let mut parts = Vec::new();
            if with_text {
                parts.push(fill(cx.tr(T::Quoted), &[text.trim()]));
            }
            parts.push(match cluster {
                Some(title) => fill(cx.tr(T::InCluster), &[title.as_str()]),
                None => cx.tr(T::NoCluster).to_owned(),
            });
            if *dots > 0 {
                parts.push(format!("\u{25cf} {dots}"));
            }
            parts.join(" \u{b7} ")
        }
    }
}
