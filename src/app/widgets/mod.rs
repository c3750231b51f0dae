//! Labelled input widgets over values of the session. A field shows the session's value and
//! reports a change; the screen turns it into an edit, so every keystroke reaches the session
//! in the frame it was typed. Every input has an accessible name, so screen readers and the
//! UI tests find it by its label.

mod calendar;

use egui::{Id, Response, TextEdit, Ui};
use jiff::civil::Date;

use crate::i18n::{Lang, T};
use crate::session::limits;

/// A width in points for the normal text size, grown with the theme's text (the projector
/// theme's text is half again as large): fields keep fitting their text.
pub fn scaled(ui: &Ui, points: f32) -> f32 {
    let body = ui
        .style()
        .text_styles
        .get(&egui::TextStyle::Body)
        .map_or(12.5, |font| font.size);
    points * (body / 12.5).max(1.0)
}

/// How wide `text` draws on one line in `style`: columns sized to what they must hold.
pub fn text_width(ui: &Ui, text: &str, style: egui::TextStyle) -> f32 {
    ui.painter()
        .layout_no_wrap(
            text.to_owned(),
            style.resolve(ui.style()),
            egui::Color32::WHITE,
        )
        .size()
        .x
}

/// A field's response and, when the user changed it, the new value.
pub struct Field<V> {
    pub response: Response,
    pub changed: Option<V>,
    /// The field holds text that does not parse (kept as typed, shown red).
    pub is_invalid: bool,
}

/// What was typed into a field and does not parse, and why: the session keeps the field's old
/// value, so the save status must not simply say "Saved".
#[derive(Clone, Debug, PartialEq)]
pub struct UnreadText {
    pub typed: String,
    pub why: String,
}

fn unread_key() -> Id {
    Id::unique("moderato-unread-fields")
}

/// Every field whose typed text is not in the session, in the order they were noted. A field
/// stays noted until it reads again, also while its screen is not shown.
pub fn unread_fields(ctx: &egui::Context) -> Vec<UnreadText> {
    ctx.data(|d| d.get_temp::<Vec<(Id, UnreadText)>>(unread_key()))
        .unwrap_or_default()
        .into_iter()
        .map(|(_, text)| text)
        .collect()
}

/// Forgets the noted fields and what was typed into them (another session was opened).
pub fn forget_unread_fields(ctx: &egui::Context) {
    ctx.data_mut(|d| {
        for (id, _) in d
            .get_temp::<Vec<(Id, UnreadText)>>(unread_key())
            .unwrap_or_default()
        {
            d.remove::<String>(id);
        }
        d.remove::<Vec<(Id, UnreadText)>>(unread_key());
    });
}

fn note_unread(ctx: &egui::Context, id: Id, unread: Option<UnreadText>) {
    ctx.data_mut(|d| {
        let list = d.get_temp_mut_or_default::<Vec<(Id, UnreadText)>>(unread_key());
        let at = list.iter().position(|(i, _)| *i == id);
        match (at, unread) {
            (Some(at), Some(unread)) => list[at].1 = unread,
            (None, Some(unread)) => list.push((id, unread)),
            (Some(at), None) => {
                list.remove(at);
            }
            (None, None) => {}
        }
    });
}

/// A field's problem below it, over what lies there rather than pushing the row's other
/// columns aside; shown while the field has the focus or the pointer.
fn problem_below(ui: &Ui, response: &Response, problem: &str) {
    if !(response.has_focus() || response.hovered()) {
        return;
    }
    egui::Area::new(response.id.with("problem"))
        .order(egui::Order::Tooltip)
        .fixed_pos(response.rect.left_bottom() + egui::vec2(0.0, 2.0))
        .interactable(false)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(320.0);
                ui.label(
                    egui::RichText::new(problem)
                        .small()
                        .color(ui.visuals().error_fg_color),
                );
            });
        });
}

/// Where a newly added row's first field takes the focus: its id is noted here and the
/// field asks for the focus when it is drawn.
pub fn focus_when_shown(ctx: &egui::Context, id: Id) {
    ctx.data_mut(|d| d.insert_temp(Id::unique("moderato-focus-next"), Some(id)));
}

fn take_focus_if_asked(ui: &Ui, response: &Response) {
    let key = Id::unique("moderato-focus-next");
    let wanted: Option<Id> = ui.data(|d| d.get_temp(key)).flatten();
    if wanted == Some(response.id) {
        response.request_focus();
        ui.data_mut(|d| d.remove::<Option<Id>>(key));
    }
}

/// A single-line (or multi-line) text field.
pub struct TextField<'a> {
    value: &'a str,
    label_id: Id,
    width: f32,
    id: Option<Id>,
    rows: Option<usize>,
    /// `width` is in points as given, not scaled with the text size.
    is_absolute: bool,
    /// The most characters (see `session::limits`); by default a line or several paragraphs.
    limit: Option<usize>,
}

impl<'a> TextField<'a> {
    pub fn new(value: &'a str, label_id: Id) -> Self {
        Self {
            value,
            label_id,
            width: 200.0,
            id: None,
            rows: None,
            is_absolute: false,
            limit: None,
        }
    }

    /// At most `limit` characters (a card's text); typing and pasting stop there.
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Takes exactly `width` at the normal text size (more with larger text), also inside a
    /// `Grid`, whose cells would otherwise shrink it.
    pub fn width(mut self, width: f32) -> Self {
        self.width = width;
        self
    }

    /// Takes exactly `width` points (a width measured from the room there is).
    pub fn absolute_width(mut self, width: f32) -> Self {
        self.width = width;
        self.is_absolute = true;
        self
    }

    /// A fixed id, so the field can be given the focus by [`focus_when_shown`].
    pub fn id(mut self, id: Id) -> Self {
        self.id = Some(id);
        self
    }

    /// Several lines, as wide as there is room.
    pub fn multiline(mut self, rows: usize) -> Self {
        self.rows = Some(rows);
        self
    }

    pub fn show(self, ui: &mut Ui) -> Field<String> {
        let mut text = self.value.to_owned();
        let limit = self.limit.unwrap_or(match self.rows {
            Some(_) => limits::LONG_TEXT,
            None => limits::SHORT_TEXT,
        });
        let mut edit = match self.rows {
            Some(rows) => TextEdit::multiline(&mut text)
                .desired_rows(rows)
                .desired_width(f32::INFINITY),
            None => TextEdit::singleline(&mut text),
        }
        .char_limit(limit);
        if let Some(id) = self.id {
            edit = edit.id(id);
        }
        let response = match self.rows {
            Some(_) => ui.add(edit),
            None => {
                let height = ui.spacing().interact_size.y;
                let width = if self.is_absolute {
                    self.width
                } else {
                    scaled(ui, self.width)
                };
                ui.add_sized([width, height], edit)
            }
        }
        .labelled_by(self.label_id);
        take_focus_if_asked(ui, &response);
        let changed = (response.changed() && text != self.value).then_some(text);
        Field {
            response,
            changed,
            is_invalid: false,
        }
    }
}

/// A text field whose text parses into a value. While the text does not parse, it is kept as
/// typed (also after the field is left), shown red, and `invalid_hint` says why on hover; the
/// value changes only to text that parses.
#[expect(
    clippy::too_many_arguments,
    reason = "a field with its id, label, hint, value, width and both directions of the text"
)]
pub fn parsed_field<V: PartialEq>(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    label_id: Id,
    invalid_hint: &str,
    value: &V,
    width: f32,
    format: impl Fn(&V) -> String,
    parse: impl Fn(&str) -> Option<V>,
) -> Field<V> {
    let id = ui.make_persistent_id(id_salt);
    let buffer: Option<String> = ui.data(|d| d.get_temp(id));
    let mut text = buffer.unwrap_or_else(|| format(value));
    let parsed = parse(&text);
    let mut edit = TextEdit::singleline(&mut text)
        .id(id)
        .desired_width(scaled(ui, width));
    if parsed.is_none() {
        edit = edit.text_color(ui.visuals().error_fg_color);
    }
    let response = ui.add(edit).labelled_by(label_id);
    take_focus_if_asked(ui, &response);
    select_all_when_tabbed_into(ui, &response, id, &text);
    let mut changed = None;
    let now_parsed = parse(&text);
    if response.changed()
        && let Some(new_value) = now_parsed
        && new_value != *value
    {
        changed = Some(new_value);
    }
    let is_valid = parse(&text).is_some();
    note_unread(
        ui.ctx(),
        id,
        (!is_valid).then(|| UnreadText {
            typed: text.trim().to_owned(),
            why: invalid_hint.to_owned(),
        }),
    );
    if response.has_focus() || !is_valid {
        ui.data_mut(|d| d.insert_temp(id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    if !is_valid && !invalid_hint.is_empty() {
        problem_below(ui, &response, invalid_hint);
    }
    Field {
        response,
        changed,
        is_invalid: !is_valid,
    }
}

/// A number or a date reached with Tab is selected whole, so typing replaces it (typing
/// "45" into "30" gave "3045"). A click still puts the cursor where it points.
fn select_all_when_tabbed_into(ui: &Ui, response: &egui::Response, id: Id, text: &str) {
    if !response.gained_focus() || ui.input(|i| i.pointer.any_down() || i.pointer.any_released()) {
        return;
    }
    if let Some(mut state) = egui::text_edit::TextEditState::load(ui.ctx(), id) {
        let all = egui::text::CCursorRange::two(
            egui::text::CCursor::new(0),
            egui::text::CCursor::new(text.chars().count()),
        );
        state.cursor.set_char_range(Some(all));
        state.store(ui.ctx(), id);
    }
}

/// Why a typed date is not a date, when it is a day that does not exist: "There is no
/// 31 February 2026", "There is no month 13". `None` when the text is not of a date's shape.
pub fn date_problem(text: &str, lang: Lang) -> Option<String> {
    let numbers: Vec<&str> = text.trim().split(['.', '-']).map(str::trim).collect();
    let [a, b, c] = numbers.as_slice() else {
        return None;
    };
    let iso = a.len() == 4;
    let (day, month, year) = if iso { (c, b, a) } else { (a, b, c) };
    let (day, month, year): (u8, u8, i32) =
        (day.parse().ok()?, month.parse().ok()?, year.parse().ok()?);
    let year = if year < 100 { 2000 + year } else { year };
    const DE: [&str; 12] = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    if !(1..=12).contains(&month) {
        return Some(match lang {
            Lang::De => format!("Es gibt keinen Monat {month}."),
            Lang::En => format!("There is no month {month}."),
        });
    }
    let name = usize::from(month - 1);
    let exists = i16::try_from(year)
        .ok()
        .and_then(|y| Date::new(y, month as i8, day as i8).ok())
        .is_some();
    (!exists && day >= 1).then(|| match lang {
        Lang::De => format!("Den {day}. {} {year} gibt es nicht.", DE[name]),
        Lang::En => format!("There is no {day} {} {year}.", EN[name]),
    })
}

/// Reads a date as people type it: `23.11.2017` or `2017-11-23` (also `23.11.17`).
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Ok(date) = text.parse::<Date>() {
        return Some(date);
    }
    let mut parts = text.split('.').map(str::trim);
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some_and(|rest| !rest.is_empty()) {
        return None;
    }
    let short = year.len() <= 2;
    let mut year: i16 = year.parse().ok()?;
    if short {
        year += 2000;
    }
    Date::new(year, month.parse().ok()?, day.parse().ok()?).ok()
}

/// A date in the UI language's way.
pub fn date_text(date: Date, lang: Lang) -> String {
    match lang {
        Lang::De => date.strftime("%d.%m.%Y").to_string(),
        Lang::En => date.to_string(),
    }
}

/// A date field that takes both spellings, shows the whole date, offers a calendar and says
/// inline when it cannot read what was typed. `None` is an empty field (when `optional`).
pub fn date_field(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt + Copy,
    label_id: Id,
    (date, today): (Option<Date>, Date),
    optional: bool,
    lang: Lang,
) -> Field<Option<Date>> {
    let mut field = parsed_field(
        ui,
        id_salt,
        label_id,
        "",
        &date,
        96.0,
        |d| d.map(|d| date_text(d, lang)).unwrap_or_default(),
        |text| {
            if text.trim().is_empty() {
                optional.then_some(None)
            } else {
                parse_date(text).map(Some)
            }
        },
    );
    let id = ui.make_persistent_id(id_salt);
    if field.is_invalid {
        // Said where it happens, not only on hover: a date that cannot be read is not dropped,
        // and a day that does not exist is named ("there is no 31 February").
        let typed: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
        let problem =
            date_problem(&typed, lang).unwrap_or_else(|| T::InvalidDate.get(lang).to_owned());
        problem_below(ui, &field.response, &problem);
        note_unread(
            ui.ctx(),
            id,
            Some(UnreadText {
                typed: typed.trim().to_owned(),
                why: problem,
            }),
        );
    }
    if let Some(picked) = calendar::calendar_button_ui(ui, id, date, today, lang)
        && Some(picked) != date
    {
        // The typed text gives way to the picked day.
        ui.data_mut(|d| d.remove::<String>(id));
        field.changed = Some(Some(picked));
    }
    field
}

/// A list of names edited as one comma-separated line.
pub fn name_list_field(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    label_id: Id,
    names: &[String],
) -> Field<Vec<String>> {
    let names = names.to_vec();
    parsed_field(
        ui,
        id_salt,
        label_id,
        "",
        &names,
        360.0,
        |names| names.join(", "),
        |text| {
            Some(
                text.split(',')
                    .map(str::trim)
                    .filter(|name| !name.is_empty())
                    .map(str::to_owned)
                    .collect(),
            )
        },
    )
}

/// A row of dates with a remove button each and "+ Add date", which proposes the day after
/// the last one (or `today`). Returns the new list when it changed.
pub fn date_list_field(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt + Copy,
    label_id: Id,
    dates: &[Date],
    today: Date,
    lang: Lang,
) -> Option<Vec<Date>> {
    let tr = |key: T| key.get(lang);
    let mut new = None;
    ui.horizontal_wrapped(|ui| {
        for (index, date) in dates.iter().enumerate() {
            let field = date_field(
                ui,
                (id_salt, index),
                label_id,
                (Some(*date), today),
                false,
                lang,
            );
            if let Some(Some(changed)) = field.changed {
                let mut list = dates.to_vec();
                list[index] = changed;
                new = Some(list);
            }
            if icon_button_ui(ui, "\u{2715}", tr(T::Remove)).clicked() {
                let mut list = dates.to_vec();
                list.remove(index);
                new = Some(list);
            }
        }
        if ui.button(format!("+ {}", tr(T::AddDate))).clicked() {
            let next_day = dates.last().and_then(|d| d.tomorrow().ok());
            let mut list = dates.to_vec();
            list.push(next_day.unwrap_or(today));
            new = Some(list);
        }
    });
    new
}

/// A small button showing a symbol (▲, ✕, …) that screen readers and tests know by `label`,
/// which is also its tooltip.
pub fn icon_button_ui(ui: &mut Ui, icon: &str, label: &str) -> Response {
    let response = ui.small_button(icon).on_hover_text(label);
    let label = label.to_owned();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    response
}

/// A heading for a section; returns its id so a field below can be labelled by it.
pub fn section_heading(ui: &mut Ui, text: &str) -> Id {
    let id = ui
        .label(egui::RichText::new(text).heading().size(scaled(ui, 18.0)))
        .id;
    ui.separator();
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_both_ways() {
        let d = jiff::civil::date(2017, 11, 23);
        assert_eq!(parse_date("23.11.2017"), Some(d));
        assert_eq!(parse_date(" 2017-11-23 "), Some(d));
        assert_eq!(parse_date("23.11.17"), Some(d));
        assert_eq!(parse_date("31.02.2017"), None);
        assert_eq!(
            date_problem("31.02.2026", Lang::En).as_deref(),
            Some("There is no 31 February 2026.")
        );
        assert_eq!(
            date_problem("2026-02-30", Lang::De).as_deref(),
            Some("Den 30. Februar 2026 gibt es nicht.")
        );
        assert_eq!(
            date_problem("12.13.2026", Lang::De).as_deref(),
            Some("Es gibt keinen Monat 13.")
        );
        assert_eq!(date_problem("nächsten Freitag", Lang::De), None);
        assert_eq!(
            date_problem("29.02.2024", Lang::De),
            None,
            "a leap day exists"
        );
        assert_eq!(parse_date("2017-1"), None);
    }
}
