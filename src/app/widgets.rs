//! Small labelled input widgets. Every input has an accessible name, so screen readers and
//! the UI tests find it by its label.

use egui::{Id, Response, TextEdit, Ui};
use jiff::civil::Date;

/// A single-line text field labelled by `label_id`. Takes exactly `width`, also inside a
/// `Grid`, whose cells would otherwise shrink it.
pub fn text_edit_ui(ui: &mut Ui, value: &mut String, label_id: Id, width: f32) -> Response {
    let height = ui.spacing().interact_size.y;
    ui.add_sized([width, height], TextEdit::singleline(value))
        .labelled_by(label_id)
}

/// A multi-line text field, labelled by a heading or label above it.
pub fn multiline_ui(ui: &mut Ui, value: &mut String, label_id: Id, rows: usize) -> Response {
    let edit = TextEdit::multiline(value)
        .desired_rows(rows)
        .desired_width(f32::INFINITY);
    ui.add(edit).labelled_by(label_id)
}

/// A label beside a single-line text field.
pub fn labelled_text_ui(ui: &mut Ui, label: &str, value: &mut String) -> Response {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        text_edit_ui(ui, value, label.id, ui.available_width().min(480.0))
    })
    .inner
}

/// A text field whose text parses into a value. While it has focus, the typed text is kept
/// as typed; the value changes only when the text parses. Invalid text gets a red frame and
/// `invalid_hint` as tooltip.
pub fn parsed_edit_ui<V>(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    (label_id, invalid_hint): (Id, &str),
    value: &mut V,
    width: f32,
    format: impl Fn(&V) -> String,
    parse: impl Fn(&str) -> Option<V>,
) -> Response {
    let id = ui.make_persistent_id(id_salt);
    let buffer: Option<String> = ui.data(|d| d.get_temp(id));
    let mut text = buffer.unwrap_or_else(|| format(value));
    let parsed = parse(&text);
    let mut edit = TextEdit::singleline(&mut text).id(id).desired_width(width);
    if parsed.is_none() {
        edit = edit.text_color(ui.visuals().error_fg_color);
    }
    let response = ui.add(edit).labelled_by(label_id);
    if response.has_focus() {
        if response.changed()
            && let Some(new_value) = parse(&text)
        {
            *value = new_value;
        }
        ui.data_mut(|d| d.insert_temp(id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    if parsed.is_none() {
        response.on_hover_text(invalid_hint)
    } else {
        response
    }
}

/// An ISO date field (YYYY-MM-DD).
pub fn date_edit_ui(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    label_id: Id,
    date: &mut Date,
    invalid_hint: &str,
) -> Response {
    parsed_edit_ui(
        ui,
        id_salt,
        (label_id, invalid_hint),
        date,
        100.0,
        ToString::to_string,
        |text| text.trim().parse::<Date>().ok(),
    )
}

/// A list of names edited as one comma-separated line.
pub fn name_list_edit_ui(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    label_id: Id,
    names: &mut Vec<String>,
) -> Response {
    parsed_edit_ui(
        ui,
        id_salt,
        (label_id, ""),
        names,
        ui.available_width().min(480.0),
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
/// the last one (or today).
pub fn date_list_edit_ui(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt + Copy,
    label_id: Id,
    dates: &mut Vec<Date>,
    lang: crate::i18n::Lang,
) {
    use crate::i18n::T;
    let tr = |key: T| key.get(lang);
    ui.horizontal_wrapped(|ui| {
        let mut remove = None;
        for (index, date) in dates.iter_mut().enumerate() {
            date_edit_ui(ui, (id_salt, index), label_id, date, tr(T::InvalidDate));
            let button = icon_button_ui(ui, "\u{2715}", tr(T::Remove));
            if button.clicked() {
                remove = Some(index);
            }
        }
        if let Some(index) = remove {
            dates.remove(index);
        }
        if ui.button(format!("+ {}", tr(T::AddDate))).clicked() {
            let next_day = dates.last().and_then(|d| d.tomorrow().ok());
            dates.push(next_day.unwrap_or_else(|| jiff::Zoned::now().date()));
        }
    });
}

/// A small button showing a symbol (▲, ✕, …) that screen readers and tests know by `label`,
/// which is also its tooltip.
pub fn icon_button_ui(ui: &mut Ui, icon: &str, label: &str) -> Response {
    let response = ui.small_button(icon).on_hover_text(label);
    let label = label.to_owned();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    response
}
