//! Agenda: days with timeboxed items, the computed schedule, the live timer (pinned above)
//! and the speaking round.

mod live;
pub mod speaking;

use egui::{ComboBox, Id, RichText, Stroke, Ui};
use jiff::civil::Time;

use crate::agenda::edit::{AgendaEdit, ItemText};
use crate::agenda::figures;
use crate::agenda::live::LiveAction;
use crate::agenda::timing::{self, DayBudget, ItemState, ItemTimer, format_minutes};
use crate::agenda::{AgendaDay, AgendaItem, Method};
use crate::app::command::{Command, Cx, Screen};
use crate::app::keys::Keyed;
use crate::app::widgets::{
    TextField, date_field, focus_when_shown, icon_button_ui, parsed_field, scaled, text_width,
};
use crate::i18n::{T, fill, method_text};
use crate::ids::{AgendaDayId, AgendaItemId};

/// What is dragged when an item is reordered.
#[derive(Clone, Copy, Debug)]
struct DraggedItem(AgendaItemId);

pub(in crate::app) fn agenda_ui(
    ui: &mut Ui,
    cx: &mut Cx,
    round: &mut speaking::SpeakingPanel,
    is_projector_open: bool,
) {
    live::live_ui(ui, cx, is_projector_open);
    ui.add_space(6.0);
    super::scrolled(ui, Screen::Agenda, |ui| {
        speaking::speaking_ui(ui, cx, round);
        ui.add_space(10.0);
        ui.add_enabled_ui(!cx.is_read_only, |ui| days_ui(ui, cx));
    });
}

fn days_ui(ui: &mut Ui, cx: &mut Cx) {
    let days = &cx.session.agenda.days;
    if days.is_empty() {
        ui.label(cx.tr(T::NoAgenda));
    }
    let mut edits = Vec::new();
    for (index, day) in days.iter().enumerate() {
        ui.add_space(6.0);
        day_header_ui(ui, cx, day, index, &mut edits);
        items_ui(ui, cx, day, &mut edits);
        ui.add_space(6.0);
    }
    if ui.button(format!("+ {}", cx.tr(T::AddDay))).clicked() {
        let next_date = days
            .last()
            .and_then(|d| d.date)
            .and_then(|d| d.tomorrow().ok());
        edits.push(AgendaEdit::AddDay(AgendaDay {
            id: AgendaDayId::generate(),
            date: next_date,
            start_time: Some(Time::constant(9, 0, 0, 0)),
            end_time: Some(Time::constant(17, 0, 0, 0)),
            ..AgendaDay::default()
        }));
    }
    for edit in edits {
        cx.edit(edit);
    }
}

fn time_text(time: &Option<Time>) -> String {
    time.map(|t| t.strftime("%H:%M").to_string())
        .unwrap_or_default()
}

fn parse_time(text: &str) -> Option<Option<Time>> {
    let text = text.trim();
    if text.is_empty() {
        return Some(None);
    }
    let (h, m) = text
        .split_once(':')
        .or_else(|| text.split_once('.'))
        .unwrap_or((text, "0"));
    let time = Time::new(h.trim().parse().ok()?, m.trim().parse().ok()?, 0, 0).ok()?;
    Some(Some(time))
}

fn day_header_ui(ui: &mut Ui, cx: &Cx, day: &AgendaDay, index: usize, edits: &mut Vec<AgendaEdit>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("{} {}", cx.tr(T::Day), index + 1))
                .strong()
                .size(scaled(ui, 17.0)),
        );
        let date_label = ui.label(cx.tr(T::Date));
        let today = cx.now.to_zoned(jiff::tz::TimeZone::system()).date();
        let field = date_field(
            ui,
            ("day-date", day.id),
            date_label.id,
            (day.date, today),
            true,
            cx.lang,
        );
        if let Some(date) = field.changed {
            edits.push(AgendaEdit::SetDate(day.id, date));
        }
        for (key, salt, time, is_start) in [
            (T::StartTime, "day-start", day.start_time, true),
            (T::EndTime, "day-end", day.end_time, false),
        ] {
            let label = ui.label(cx.tr(key));
            let field = parsed_field(
                ui,
                (salt, day.id),
                label.id,
                cx.tr(T::InvalidTime),
                &time,
                60.0,
                time_text,
                parse_time,
            );
            if let Some(time) = field.changed {
                edits.push(if is_start {
                    AgendaEdit::SetStartTime(day.id, time)
                } else {
                    AgendaEdit::SetEndTime(day.id, time)
                });
            }
        }
        let budget = DayBudget::of(day);
        let planned = hours_minutes(budget.planned_minutes);
        let text = match budget.available_minutes {
            Some(available) => fill(
                cx.tr(T::PlannedOfAvailable),
                &[&planned, &hours_minutes(available)],
            ),
            None => fill(cx.tr(T::PlannedOnly), &[&planned]),
        };
        let colour = if budget.is_overbooked() {
            ui.visuals().error_fg_color
        } else {
            ui.visuals().weak_text_color()
        };
        let label = ui.label(RichText::new(text).color(colour));
        if budget.is_overbooked() {
            label.on_hover_text(cx.tr(T::Overbooked));
        }
        if day.items.is_empty() && ui.small_button(cx.tr(T::RemoveDay)).clicked() {
            edits.push(AgendaEdit::RemoveDay(day.id));
        }
    });
}

fn hours_minutes(minutes: i64) -> String {
    if minutes.abs() >= 60 {
        format!("{} h {:02} min", minutes / 60, (minutes % 60).abs())
    } else {
        format!("{minutes} min")
    }
}

/// The widths of the agenda's columns, the same for the headers and every row, so they line
/// up whatever the text size. Where the window is narrow for its text (a projector's 1280×720
/// with the projector theme), the title keeps its room: the time column shows the start only
/// and the moderator's notes are left out (they are not for the audience either).
#[derive(Clone, Copy)]
struct Columns {
    handle: f32,
    time: f32,
    title: f32,
    method: f32,
    minutes: f32,
    responsible: f32,
    /// 0 where the notes are left out.
    notes: f32,
    status: f32,
    /// Start times only ("10:15", not "10:15–10:35").
    is_narrow: bool,
}

impl Columns {
    fn of(ui: &Ui, lang: crate::i18n::Lang) -> Self {
        let s = |points| scaled(ui, points);
        // The method column holds the longest method name of the UI language, with the
        // combo box's arrow and padding.
        // The combo box writes its text in the body or the button font, whichever is larger.
        let font = [egui::TextStyle::Body, egui::TextStyle::Button]
            .map(|style| style.resolve(ui.style()))
            .into_iter()
            .max_by(|a, b| a.size.total_cmp(&b.size))
            .unwrap_or_default();
        let longest = Method::ALL
            .iter()
            .map(|m| {
                ui.painter()
                    .layout_no_wrap(
                        method_text(*m, lang).to_owned(),
                        font.clone(),
                        egui::Color32::WHITE,
                    )
                    .size()
                    .x
            })
            .fold(0.0f32, f32::max);
        let method = longest
            + ui.spacing().icon_width
            + 4.0 * ui.spacing().button_padding.x
            + 2.0 * ui.spacing().item_spacing.x
            + 4.0;
        let mut columns = Self {
            handle: s(18.0),
            time: s(96.0),
            title: 0.0,
            method,
            minutes: s(50.0),
            responsible: 0.0,
            notes: 0.0,
            // A three-digit overrun ("104 min (+14)") whole.
            status: text_width(ui, "888 min (+88)", egui::TextStyle::Body).ceil() + 6.0,
            is_narrow: false,
        };
        // The five row buttons as wide as their icons draw, and the gaps between the cells.
        let gap = ui.spacing().item_spacing.x;
        let buttons: f32 = ["\u{25b2}", "\u{25bc}", "\u{25b6}", "\u{270e}", "\u{2715}"]
            .iter()
            .map(|icon| {
                text_width(ui, icon, egui::TextStyle::Button)
                    + 2.0 * ui.spacing().button_padding.x
                    + gap
            })
            .sum::<f32>()
            + ui.spacing().scroll.bar_width
            + 4.0;
        // What is in view: the screen scrolls sideways too, where its content is wider.
        let width = ui.available_width().min(ui.clip_rect().width());
        let fixed = |c: &Self, cells: f32| {
            c.handle + c.time + c.method + c.minutes + c.status + buttons + cells * gap
        };
        // Title, responsible and notes share what the other columns and the buttons leave,
        // 5 : 2 : 3, so a row fits the window also with the projector theme's text.
        let room = (width - fixed(&columns, 9.0)).max(0.0);
        if room >= s(240.0) + s(110.0) + s(120.0) {
            // With room to spare, the status says "interrupted (12 min)" whole.
            let room = if room >= s(240.0) + s(110.0) + s(120.0) + s(40.0) {
                columns.status += s(40.0);
                room - s(40.0)
            } else {
                room
            };
            columns.title = (room * 0.5).clamp(s(240.0), s(420.0));
            columns.responsible = (room * 0.2).clamp(s(110.0), s(160.0));
            columns.notes = (room * 0.3).clamp(s(120.0), s(260.0));
            return columns;
        }
        columns.is_narrow = true;
        columns.time = s(52.0);
        let room = (width - fixed(&columns, 8.0)).max(0.0);
        let responsible_header = text_width(ui, T::Responsible.get(lang), egui::TextStyle::Body);
        // As wide as its header, which must not be cut; the title takes the rest.
        columns.responsible = responsible_header.max(90.0) + 4.0;
        columns.title = (room - columns.responsible).max(160.0);
        columns
    }
}

/// A cell of exactly `width`, its content left-aligned and vertically centred.
fn cell<R>(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui) -> R) -> R {
    let size = egui::vec2(width, ui.spacing().interact_size.y);
    let layout = egui::Layout::left_to_right(egui::Align::Center);
    ui.allocate_ui_with_layout(size, layout, |ui| {
        ui.set_min_width(width);
        ui.set_max_width(width);
        add(ui)
    })
    .inner
}

/// The field ids of an item's title: given the focus after "+ Add item".
fn title_id(item: AgendaItemId) -> Id {
    Id::unique(("agenda-title", item))
}

/// The field id of an item's outcome: given the focus when its ✎ opens it.
fn outcome_id(item: AgendaItemId) -> Id {
    Id::unique(("agenda-outcome", item))
}

fn items_ui(ui: &mut Ui, cx: &mut Cx, day: &AgendaDay, edits: &mut Vec<AgendaEdit>) {
    let now = cx.now;
    let slots = timing::day_slots(day);
    // Column headers label the fields below them (for screen readers and tests).
    let columns = Columns::of(ui, cx.lang);
    let headers = ui
        .horizontal(|ui| {
            ui.add_space(columns.handle + ui.spacing().item_spacing.x);
            let header = [
                (T::Time, columns.time),
                (T::Title, columns.title),
                // Minutes right after the title: Tab goes from one to the other; the method
                // is a choice, reachable but not in the way of a fast typist.
                (T::Minutes, columns.minutes),
                (T::Method, columns.method),
                (T::Responsible, columns.responsible),
                (T::NotesShort, columns.notes),
            ];
            let ids = header.map(|(key, width)| {
                if width <= 0.0 {
                    return Id::NULL;
                }
                cell(ui, width, |ui| {
                    let text = RichText::new(cx.tr(key)).weak();
                    let label = ui.add(egui::Label::new(text).truncate());
                    label.id
                })
            });
            let [_, title, minutes, method, responsible, notes] = ids;
            [title, method, minutes, responsible, notes]
        })
        .inner;
    for (index, item) in day.items.iter().enumerate() {
        let slot = slots.get(index);
        let timer = ItemTimer::of(item, now);
        let row = ui.horizontal(|ui| {
            item_row_ui(
                ui,
                cx,
                (day, index, item),
                slot,
                &timer,
                (columns, headers),
                edits,
            );
        });
        if shows_outcome(ui, item, &timer) {
            outcome_ui(ui, cx, item, columns, edits);
        }
        // Dropping on the upper half of a row puts the item before it, on the lower half after.
        let rect = row.response.rect;
        if let Some(pointer) = ui.ctx().pointer_interact_pos()
            && rect.contains(pointer)
        {
            let before = pointer.y < rect.center().y;
            let target = if before { index } else { index + 1 };
            if row.response.dnd_hover_payload::<DraggedItem>().is_some() {
                let y = if before { rect.top() } else { rect.bottom() };
                let stroke = Stroke::new(2.0, ui.visuals().selection.stroke.color);
                ui.painter().hline(rect.x_range(), y, stroke);
            }
            if let Some(dragged) = row.response.dnd_release_payload::<DraggedItem>() {
                edits.push(AgendaEdit::MoveItem {
                    item: dragged.0,
                    day: day.id,
                    index: target,
                });
            }
        }
    }
    ui.horizontal(|ui| {
        ui.add_space(24.0);
        let add = |title: String, method, minutes| AgendaItem {
            id: AgendaItemId::generate(),
            title,
            method,
            planned_minutes: minutes,
            ..AgendaItem::default()
        };
        let mut new = None;
        if ui.button(format!("+ {}", cx.tr(T::AddItem))).clicked() {
            new = Some(add(String::new(), Method::default(), 30));
        }
        if ui.button(format!("+ {}", cx.tr(T::AddBreak))).clicked() {
            new = Some(add(cx.tr(T::MethodBreak).to_owned(), Method::Break, 15));
        }
        if let Some(item) = new {
            // Type straight away: the new row's title takes the focus.
            focus_when_shown(ui.ctx(), title_id(item.id));
            edits.push(AgendaEdit::AddItem(day.id, item));
        }
    });
}

fn item_row_ui(
    ui: &mut Ui,
    cx: &mut Cx,
    (day, index, item): (&AgendaDay, usize, &AgendaItem),
    slot: Option<&timing::Slot>,
    timer: &ItemTimer,
    (columns, labels): (Columns, [Id; 5]),
    edits: &mut Vec<AgendaEdit>,
) {
    let [
        title_label,
        method_label,
        minutes_label,
        responsible_label,
        notes_label,
    ] = labels;
    let handle_id = Id::unique(("agenda-drag", item.id));
    cell(ui, columns.handle, |ui| {
        ui.dnd_drag_source(handle_id, DraggedItem(item.id), |ui| {
            ui.label(RichText::new("\u{2630}").weak())
                .on_hover_text(cx.tr(T::DragToReorder));
        });
    });
    cell(ui, columns.time, |ui| {
        time_ui(ui, slot, timer, columns.is_narrow);
    });
    let text = |field: ItemText, text: String| AgendaEdit::SetText(item.id, field, text);
    let title = cell(ui, columns.title, |ui| {
        TextField::new(&item.title, title_label)
            .absolute_width(columns.title)
            .id(title_id(item.id))
            .show(ui)
    });
    if !title.response.has_focus() && !item.title.is_empty() {
        title.response.clone().on_hover_text(&item.title);
    }
    edits.extend(title.changed.map(|t| text(ItemText::Title, t)));
    let minutes = cell(ui, columns.minutes, |ui| {
        parsed_field(
            ui,
            ("agenda-minutes", item.id),
            minutes_label,
            cx.tr(T::WholeMinutes),
            &item.planned_minutes,
            50.0,
            ToString::to_string,
            |text| {
                let max = crate::session::limits::MAX_PLANNED_MINUTES;
                text.trim().parse().ok().filter(|m: &u32| *m <= max)
            },
        )
    });
    if let Some(value) = minutes.changed {
        edits.push(AgendaEdit::SetMinutes(item.id, value));
    }
    cell(ui, columns.method, |ui| {
        method_combo_ui(ui, cx, item, (method_label, columns.method), edits);
    });
    let responsible = cell(ui, columns.responsible, |ui| {
        TextField::new(&item.responsible, responsible_label)
            .absolute_width(columns.responsible)
            .show(ui)
    });
    edits.extend(responsible.changed.map(|t| text(ItemText::Responsible, t)));
    if columns.notes > 0.0 {
        let notes = cell(ui, columns.notes, |ui| {
            TextField::new(&item.notes, notes_label)
                .absolute_width(columns.notes)
                .show(ui)
        });
        if !notes.response.has_focus() && !item.notes.is_empty() {
            notes.response.clone().on_hover_text(&item.notes);
        }
        edits.extend(notes.changed.map(|t| text(ItemText::Notes, t)));
    }
    cell(ui, columns.status, |ui| {
        status_ui(ui, cx, timer, item.planned_minutes);
    });
    let keys_move = title.response.has_focus() || minutes.response.has_focus();
    row_buttons_ui(ui, cx, (day, index, item), timer, keys_move, edits);
}

/// Whether the item was asked to show its outcome line (its ✎ button).
fn outcome_asked_id(item: AgendaItemId) -> Id {
    Id::unique(("agenda-outcome-asked", item))
}

/// An item's outcome line shows while the item runs, once it has an outcome, or when its ✎
/// button asked for it; held items without one keep to a single row.
fn shows_outcome(ui: &Ui, item: &AgendaItem, timer: &ItemTimer) -> bool {
    timer.is_current()
        || !item.outcome.trim().is_empty()
        || ui.data(|d| {
            d.get_temp::<bool>(outcome_asked_id(item.id))
                .unwrap_or(false)
        })
}

/// What came out of an item, on a line under its row: written during the item or afterwards,
/// printed in the report and shown in Review.
fn outcome_ui(
    ui: &mut Ui,
    cx: &Cx,
    item: &AgendaItem,
    columns: Columns,
    edits: &mut Vec<AgendaEdit>,
) {
    ui.horizontal(|ui| {
        let gap = ui.spacing().item_spacing.x;
        ui.add_space(columns.handle + columns.time + 2.0 * gap);
        let label = ui.label(RichText::new(cx.tr(T::Outcome)).weak());
        let cells = if columns.notes > 0.0 { 4.0 } else { 3.0 };
        let width = columns.title
            + columns.minutes
            + columns.method
            + columns.responsible
            + columns.notes
            + cells * gap
            - label.rect.width();
        let field = TextField::new(&item.outcome, label.id)
            .absolute_width(width.max(120.0))
            .limit(crate::session::limits::LONG_TEXT)
            .id(outcome_id(item.id))
            .show(ui);
        if !field.response.has_focus() && !item.outcome.is_empty() {
            field.response.clone().on_hover_text(&item.outcome);
        }
        edits.extend(
            field
                .changed
                .map(|text| AgendaEdit::SetText(item.id, ItemText::Outcome, text)),
        );
    });
}

/// The row's buttons: up, down, start, outcome, remove; Alt+↑ / Alt+↓ move the item too while its
/// title or minutes field has the focus (`keys_move`).
fn row_buttons_ui(
    ui: &mut Ui,
    cx: &mut Cx,
    (day, index, item): (&AgendaDay, usize, &AgendaItem),
    timer: &ItemTimer,
    keys_move: bool,
    edits: &mut Vec<AgendaEdit>,
) {
    let mut up = icon_button_ui(ui, "\u{25b2}", cx.tr(T::MoveUp)).clicked();
    let mut down = icon_button_ui(ui, "\u{25bc}", cx.tr(T::MoveDown)).clicked();
    // Disabled rather than hidden for the current item, so the columns stay aligned.
    let can_start = !timer.is_current();
    let start = ui
        .add_enabled_ui(can_start, |ui| {
            icon_button_ui(ui, "\u{25b6}", cx.tr(T::StartThisItem))
        })
        .inner;
    if start.clicked() {
        cx.command(Command::Live(LiveAction::Start(item.id)));
    }
    // ✎ opens the outcome line and puts the cursor in it (or closes an empty one).
    let asked = outcome_asked_id(item.id);
    if icon_button_ui(ui, "\u{270e}", cx.tr(T::WriteOutcome)).clicked() {
        let is_open = ui.data(|d| d.get_temp::<bool>(asked).unwrap_or(false));
        ui.data_mut(|d| d.insert_temp(asked, !is_open));
        if !is_open {
            focus_when_shown(ui.ctx(), outcome_id(item.id));
        }
    }
    if icon_button_ui(ui, "\u{2715}", cx.tr(T::Remove)).clicked() {
        edits.push(AgendaEdit::RemoveItem(item.id));
    }
    if keys_move {
        // Alt+↑, Alt+↓ in the table's order.
        match ui.input_mut(|i| Keyed::MoveItem.consume(i)) {
            Some(0) => up = true,
            Some(_) => down = true,
            None => {}
        }
    }
    if up && index > 0 {
        edits.push(AgendaEdit::MoveItem {
            item: item.id,
            day: day.id,
            index: index - 1,
        });
    }
    if down && index + 1 < day.items.len() {
        edits.push(AgendaEdit::MoveItem {
            item: item.id,
            day: day.id,
            index: index + 2,
        });
    }
}

/// An item's planned start and end, strong while it is the current one.
fn time_ui(ui: &mut Ui, slot: Option<&timing::Slot>, timer: &ItemTimer, start_only: bool) {
    let time = slot.map(|s| {
        if start_only {
            format_minutes(s.start_min)
        } else {
            format!(
                "{}\u{2013}{}",
                format_minutes(s.start_min),
                format_minutes(s.end_min)
            )
        }
    });
    let colour = if timer.is_current() {
        ui.visuals().strong_text_color()
    } else {
        ui.visuals().weak_text_color()
    };
    ui.label(
        RichText::new(time.unwrap_or_default())
            .monospace()
            .color(colour),
    );
}

fn method_combo_ui(
    ui: &mut Ui,
    cx: &Cx,
    item: &AgendaItem,
    (label_id, width): (Id, f32),
    edits: &mut Vec<AgendaEdit>,
) {
    let mut method = item.method;
    // The combo box's arrow comes on top of its width.
    let width = width - ui.spacing().icon_width - 2.0 * ui.spacing().button_padding.x;
    ComboBox::from_id_salt(("agenda-method", item.id))
        .width(width)
        .selected_text(method_text(method, cx.lang))
        .show_ui(ui, |ui| {
            for option in Method::ALL {
                ui.selectable_value(&mut method, option, method_text(option, cx.lang));
            }
        })
        .response
        .labelled_by(label_id);
    if method != item.method {
        edits.push(AgendaEdit::SetMethod(item.id, method));
    }
}

/// What happened to an item: running, done with its actual minutes, skipped.
fn status_ui(ui: &mut Ui, cx: &Cx, timer: &ItemTimer, planned_minutes: u32) {
    let (text, colour) = match timer.state {
        ItemState::Pending => (String::new(), ui.visuals().weak_text_color()),
        ItemState::Running => (
            cx.tr(T::Running).to_owned(),
            ui.visuals().strong_text_color(),
        ),
        ItemState::Paused => (cx.tr(T::Paused).to_owned(), ui.visuals().warn_fg_color),
        ItemState::Skipped => (cx.tr(T::Skipped).to_owned(), ui.visuals().weak_text_color()),
        ItemState::Interrupted => {
            let minutes = figures::minutes(timer.elapsed);
            let text = fill(cx.tr(T::InterruptedAfter), &[&minutes.to_string()]);
            (text, ui.visuals().warn_fg_color)
        }
        ItemState::Done => {
            let held = figures::Held::of(timer, planned_minutes);
            let (actual, over) = (held.minutes, held.diff());
            let text = if held.is_over() {
                format!("{actual} {} (+{over})", cx.tr(T::Minutes))
            } else {
                format!("{actual} {}", cx.tr(T::Minutes))
            };
            let colour = if held.is_over() {
                ui.visuals().warn_fg_color
            } else {
                ui.visuals().weak_text_color()
            };
            (text, colour)
        }
    };
    // Within its column: a long status ("interrupted (12 min)") is cut, never pushing the
    // row's buttons aside; egui shows the whole of it on hover.
    ui.add(egui::Label::new(RichText::new(text).color(colour)).truncate());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_with_a_colon_or_a_dot() {
        assert_eq!(parse_time("9:30"), Some(Some(Time::constant(9, 30, 0, 0))));
        assert_eq!(parse_time("09.30"), Some(Some(Time::constant(9, 30, 0, 0))));
        assert_eq!(parse_time(""), Some(None));
        assert_eq!(parse_time("25:00"), None);
    }
}
