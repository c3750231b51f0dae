//! A small calendar beside date fields, in the UI language (egui_extras' picker speaks
//! English only).

use egui::{Id, PopupCloseBehavior, RichText, Ui};
use jiff::civil::Date;

use super::icon_button_ui;
use crate::i18n::{Lang, T};

/// A calendar button; returns the day picked in its popup.
pub fn calendar_button_ui(
    ui: &mut Ui,
    key: Id,
    date: Option<Date>,
    today: Date,
    lang: Lang,
) -> Option<Date> {
    let button = icon_button_ui(ui, "\u{25a6}", T::PickDate.get(lang));
    let month_key = key.with("calendar-month");
    if button.clicked() {
        let shown = first_of_month(date.unwrap_or(today));
        ui.data_mut(|d| d.insert_temp(month_key, shown));
    }
    let mut picked = None;
    egui::Popup::from_toggle_button_response(&button)
        .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let mut month: Date = ui
                .data(|d| d.get_temp(month_key))
                .unwrap_or_else(|| first_of_month(date.unwrap_or(today)));
            ui.horizontal(|ui| {
                if icon_button_ui(ui, "\u{25c0}", T::PreviousMonth.get(lang)).clicked() {
                    month = first_of_month(month.yesterday().unwrap_or(month));
                }
                let name = T::MonthNames
                    .get(lang)
                    .split(' ')
                    .nth(usize::try_from(month.month() - 1).unwrap_or(0))
                    .unwrap_or_default();
                ui.label(RichText::new(format!("{name} {}", month.year())).strong());
                if icon_button_ui(ui, "\u{25b6}", T::NextMonth.get(lang)).clicked() {
                    month = month.last_of_month().tomorrow().unwrap_or(month);
                }
            });
            ui.data_mut(|d| d.insert_temp(month_key, month));
            egui::Grid::new(("calendar-days", month_key))
                .num_columns(7)
                .spacing([2.0, 2.0])
                .show(ui, |ui| {
                    for name in T::WeekdayNames.get(lang).split(' ') {
                        ui.label(RichText::new(name).weak().small());
                    }
                    ui.end_row();
                    // Weeks start on Monday.
                    let lead = month.weekday().to_monday_zero_offset();
                    for _ in 0..lead {
                        ui.label("");
                    }
                    let mut column = lead;
                    let mut day = month;
                    while day.month() == month.month() {
                        let text = RichText::new(format!("{:>2}", day.day())).monospace();
                        let text = if day == today { text.strong() } else { text };
                        if ui.selectable_label(Some(day) == date, text).clicked() {
                            picked = Some(day);
                            ui.close();
                        }
                        column += 1;
                        if column == 7 {
                            ui.end_row();
                            column = 0;
                        }
                        match day.tomorrow() {
                            Ok(next) => day = next,
                            Err(_) => break,
                        }
                    }
                });
        });
    picked
}

fn first_of_month(date: Date) -> Date {
    date.first_of_month()
}
