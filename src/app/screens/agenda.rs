//! Agenda: days with timeboxed items, the computed schedule, the live timer and the speaking
//! round.

use egui::{Color32, ComboBox, FontId, Id, RichText, Stroke, TextEdit, Ui};
use jiff::civil::Time;
use jiff::{SignedDuration, Timestamp};

use crate::agenda::timing::{
    self, DayBudget, ItemState, ItemTimer, Urgency, format_clock, format_minutes,
};
use crate::app::projector::urgency_colour;
use crate::app::widgets::{icon_button_ui, parsed_edit_ui, text_edit_ui};
use crate::app::{Command, LiveAction, ModeratoApp};
use crate::i18n::fill;
use crate::i18n::{Lang, T};
use crate::model::{Agenda, AgendaDay, AgendaDayId, AgendaItem, AgendaItemId, Method};

/// What is dragged when an item is reordered.
#[derive(Clone, Copy, Debug)]
struct DraggedItem {
    day: usize,
    index: usize,
}

/// A move requested by drag, button or keyboard, applied after the days are drawn.
#[derive(Clone, Copy, Debug)]
struct Move {
    from: DraggedItem,
    to: DraggedItem,
}

pub(super) fn agenda_ui(app: &mut ModeratoApp, ui: &mut Ui) {
    let lang = app.lang();
    let now = app.options.clock.now();
    live_ui(app, ui, now);
    ui.add_space(10.0);
    speaking_ui(app, ui, now);
    ui.add_space(10.0);
    let mut commands = Vec::new();
    days_ui(&mut app.doc.session.agenda, lang, now, ui, &mut commands);
    app.commands.extend(commands);
}

/// The live timer: the current item's countdown, drift, projected end and the controls.
fn live_ui(app: &mut ModeratoApp, ui: &mut Ui, now: Timestamp) {
    let lang = app.lang();
    let tr = |key: T| key.get(lang);
    let agenda = &app.doc.session.agenda;
    let current = timing::current(agenda, now);
    let current_item = current.and_then(|at| agenda.days.get(at.day)?.items.get(at.item));
    let next_item = timing::next_pending(agenda, current, now)
        .and_then(|at| agenda.days.get(at.day)?.items.get(at.item));
    let mut command = None;
    let fill_colour = ui.visuals().faint_bg_color;
    egui::Frame::group(ui.style())
        .fill(fill_colour)
        .inner_margin(12.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.vertical(|ui| {
                    ui.set_min_width(300.0);
                    match current_item {
                        Some(item) => {
                            let timer = ItemTimer::of(item, now);
                            let urgency = timer.urgency();
                            ui.label(RichText::new(tr(T::Now)).weak());
                            ui.label(RichText::new(&item.title).strong().size(20.0));
                            let remaining = timer.remaining();
                            let clock = if urgency == Urgency::TimeUp {
                                format!("+{}", format_clock(-remaining))
                            } else {
                                format_clock(remaining)
                            };
                            let colour = countdown_colour(ui, urgency);
                            ui.label(
                                RichText::new(clock)
                                    .font(FontId::monospace(52.0))
                                    .color(colour),
                            );
                            let state = match (timer.state, urgency) {
                                (ItemState::Paused, _) => tr(T::Paused),
                                (_, Urgency::TimeUp) => tr(T::TimesUp),
                                (_, Urgency::Critical) => tr(T::AlmostOver),
                                (_, Urgency::Warning) => tr(T::TimeRunningOut),
                                _ => tr(T::Running),
                            };
                            ui.label(RichText::new(state).color(colour).strong());
                        }
                        None => {
                            ui.label(RichText::new(tr(T::NoItemRunning)).weak());
                            ui.label(RichText::new(tr(T::PressSpaceToStart)).weak().small());
                        }
                    }
                });
                ui.separator();
                ui.vertical(|ui| {
                    if let Some(next) = next_item {
                        ui.label(RichText::new(tr(T::NextUp)).weak());
                        ui.label(RichText::new(format!(
                            "{} ({} {})",
                            next.title,
                            next.planned_minutes,
                            tr(T::Minutes)
                        )));
                    }
                    if let Some(progress) =
                        timing::progress(agenda, now, &jiff::tz::TimeZone::system())
                    {
                        let minutes = progress.drift.as_secs() / 60;
                        let (text, colour) = match minutes {
                            m if m > 0 => (
                                fill(tr(T::MinutesBehind), &[&m.to_string()]),
                                ui.visuals().warn_fg_color,
                            ),
                            m if m < 0 => (
                                fill(tr(T::MinutesAhead), &[&(-m).to_string()]),
                                ui.visuals().text_color(),
                            ),
                            _ => (tr(T::OnTime).to_owned(), ui.visuals().text_color()),
                        };
                        ui.label(RichText::new(text).color(colour).strong());
                        let local = |t: Timestamp| {
                            t.to_zoned(jiff::tz::TimeZone::system())
                                .strftime("%H:%M")
                                .to_string()
                        };
                        ui.label(fill(
                            tr(T::ProjectedEnd),
                            &[&local(progress.projected_end), &local(progress.planned_end)],
                        ));
                        if progress.runs_short()
                            && let Some(end) = progress.day_end
                        {
                            ui.label(
                                RichText::new(fill(tr(T::DayRunsShort), &[&local(end)]))
                                    .color(ui.visuals().error_fg_color)
                                    .strong(),
                            );
                        }
                    }
                });
            });
            ui.add_space(6.0);
            ui.horizontal_wrapped(|ui| {
                let toggle_label = match current_item.map(|item| ItemTimer::of(item, now).state) {
                    Some(ItemState::Running) => T::Pause,
                    Some(ItemState::Paused) => T::Resume,
                    _ => T::Start,
                };
                let buttons = [
                    (toggle_label, LiveAction::Toggle, "Space"),
                    (T::Next, LiveAction::Next, "N"),
                    (T::Back, LiveAction::Back, ""),
                    (T::SkipNext, LiveAction::Skip, ""),
                    (T::PlusOne, LiveAction::Extend(60), "+"),
                    (T::PlusFive, LiveAction::Extend(300), ""),
                    (T::MinusOne, LiveAction::Extend(-60), "\u{2212}"),
                ];
                for (key, action, shortcut) in buttons {
                    let button = ui.button(tr(key));
                    let button = if shortcut.is_empty() {
                        button
                    } else {
                        button.on_hover_text(shortcut)
                    };
                    if button.clicked() {
                        command = Some(Command::Live(action));
                    }
                }
                let label = ui.label(tr(T::ExtendBy));
                let id = ui.make_persistent_id("extend-minutes");
                let mut minutes: u32 = ui.data(|d| d.get_temp(id)).unwrap_or(10);
                parsed_edit_ui(
                    ui,
                    "extend-minutes-field",
                    (label.id, tr(T::WholeMinutes)),
                    &mut minutes,
                    40.0,
                    ToString::to_string,
                    |text| text.trim().parse().ok(),
                );
                ui.data_mut(|d| d.insert_temp(id, minutes));
                if ui.button(tr(T::Extend)).clicked() {
                    let secs = i32::try_from(minutes.saturating_mul(60)).unwrap_or(i32::MAX);
                    command = Some(Command::Live(LiveAction::Extend(secs)));
                }
                ui.separator();
                let projector = if app.projector.is_open {
                    T::CloseProjector
                } else {
                    T::ProjectorView
                };
                if ui.button(tr(projector)).on_hover_text("P").clicked() {
                    command = Some(Command::ToggleProjector);
                }
                if ui.button(tr(T::Shortcuts)).on_hover_text("F1").clicked() {
                    command = Some(Command::ToggleHelp);
                }
            });
        });
    app.commands.extend(command);
}

/// Countdown colours that read on the current theme's background.
fn countdown_colour(ui: &Ui, urgency: Urgency) -> Color32 {
    if ui.visuals().dark_mode {
        return urgency_colour(urgency);
    }
    match urgency {
        Urgency::Calm => ui.visuals().strong_text_color(),
        Urgency::Warning => Color32::from_rgb(170, 110, 0),
        Urgency::Critical => Color32::from_rgb(210, 80, 0),
        Urgency::TimeUp => Color32::from_rgb(200, 20, 20),
    }
}

/// The speaking round: speakers, time per speaker, start, next (Enter), stop.
pub(super) fn speaking_ui(app: &mut ModeratoApp, ui: &mut Ui, now: Timestamp) {
    let lang = app.lang();
    let tr = |key: T| key.get(lang);
    if app.speaking.take_signal(now) {
        crate::app::sound::play_signal();
    }
    let participants: Vec<String> = app
        .doc
        .session
        .meta
        .participants
        .iter()
        .map(|p| p.name.clone())
        .collect();
    let round = &mut app.speaking;
    egui::CollapsingHeader::new(RichText::new(tr(T::SpeakingRound)).strong())
        .id_salt("speaking-round")
        .default_open(round.is_running())
        .show(ui, |ui| {
            if let Some(turn) = round.turn(now) {
                let urgency = if turn.remaining <= SignedDuration::ZERO {
                    Urgency::TimeUp
                } else {
                    Urgency::Calm
                };
                let colour = countdown_colour(ui, urgency);
                ui.horizontal(|ui| {
                    ui.label(RichText::new(format!("{}/{}", turn.number, turn.total)).weak());
                    ui.label(RichText::new(&turn.speaker).strong().size(20.0));
                    let clock = format_clock(turn.remaining.max(SignedDuration::ZERO));
                    ui.label(
                        RichText::new(clock)
                            .font(FontId::monospace(32.0))
                            .color(colour),
                    );
                    if urgency == Urgency::TimeUp {
                        ui.label(RichText::new(tr(T::TurnOver)).color(colour).strong());
                    }
                });
                if let Some(next) = &turn.next {
                    ui.label(format!("{}: {next}", tr(T::NextUp)));
                }
                ui.horizontal(|ui| {
                    if ui
                        .button(tr(T::NextSpeaker))
                        .on_hover_text("Enter")
                        .clicked()
                    {
                        round.next(now);
                    }
                    if ui.button(tr(T::StopRound)).clicked() {
                        round.stop();
                    }
                });
                return;
            }
            ui.horizontal(|ui| {
                let label = ui.label(tr(T::SecondsPerSpeaker));
                parsed_edit_ui(
                    ui,
                    "turn-secs",
                    (label.id, tr(T::WholeSeconds)),
                    &mut round.turn_secs,
                    50.0,
                    ToString::to_string,
                    |text| text.trim().parse().ok().filter(|&secs: &u32| secs > 0),
                );
                if ui.button(tr(T::TakeParticipants)).clicked() {
                    round.speakers_text = participants.join("\n");
                }
            });
            let label = ui.label(tr(T::SpeakersOnePerLine));
            ui.add(
                TextEdit::multiline(&mut round.speakers_text)
                    .desired_rows(4)
                    .desired_width(360.0),
            )
            .labelled_by(label.id);
            let count = round.speakers().len();
            let start = ui.add_enabled(count > 0, egui::Button::new(tr(T::StartRound)));
            if start.clicked() {
                round.start(now);
            }
        });
}

fn days_ui(
    agenda: &mut Agenda,
    lang: Lang,
    now: Timestamp,
    ui: &mut Ui,
    commands: &mut Vec<Command>,
) {
    let tr = |key: T| key.get(lang);
    let mut requested_move = None;
    let mut remove_day = None;
    let day_count = agenda.days.len();
    if day_count == 0 {
        ui.label(tr(T::NoAgenda));
    }
    for day_index in 0..day_count {
        let Some(day) = agenda.days.get_mut(day_index) else {
            continue;
        };
        ui.add_space(6.0);
        day_header_ui(ui, day, day_index, lang, &mut remove_day);
        items_ui(ui, day, day_index, lang, now, &mut requested_move, commands);
        ui.add_space(6.0);
    }
    if ui.button(format!("+ {}", tr(T::AddDay))).clicked() {
        let next_date = agenda
            .days
            .last()
            .and_then(|d| d.date)
            .and_then(|d| d.tomorrow().ok());
        agenda.days.push(AgendaDay {
            id: AgendaDayId::generate(),
            date: next_date,
            start_time: Some(Time::constant(9, 0, 0, 0)),
            end_time: Some(Time::constant(17, 0, 0, 0)),
            items: Vec::new(),
        });
    }
    if let Some(index) = remove_day {
        agenda.days.remove(index);
    }
    if let Some(Move { from, to }) = requested_move {
        move_item(agenda, from, to);
    }
}

/// Moves an item; `to.index` counts positions before the move.
fn move_item(agenda: &mut Agenda, from: DraggedItem, to: DraggedItem) {
    let Some(source) = agenda.days.get_mut(from.day) else {
        return;
    };
    if from.index >= source.items.len() {
        return;
    }
    let item = source.items.remove(from.index);
    let Some(target) = agenda.days.get_mut(to.day) else {
        agenda.days[from.day].items.insert(from.index, item);
        return;
    };
    let mut index = to.index;
    if from.day == to.day && from.index < to.index {
        index -= 1;
    }
    let index = index.min(target.items.len());
    target.items.insert(index, item);
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
    let (h, m) = text.split_once(':').unwrap_or((text, "0"));
    let time = Time::new(h.trim().parse().ok()?, m.trim().parse().ok()?, 0, 0).ok()?;
    Some(Some(time))
}

fn day_header_ui(
    ui: &mut Ui,
    day: &mut AgendaDay,
    index: usize,
    lang: Lang,
    remove: &mut Option<usize>,
) {
    let tr = |key: T| key.get(lang);
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("{} {}", tr(T::Day), index + 1))
                .strong()
                .size(17.0),
        );
        let date_label = ui.label(tr(T::Date));
        parsed_edit_ui(
            ui,
            ("day-date", day.id),
            (date_label.id, tr(T::InvalidDate)),
            &mut day.date,
            100.0,
            |d| d.map(|d| d.to_string()).unwrap_or_default(),
            |text| {
                if text.trim().is_empty() {
                    Some(None)
                } else {
                    text.trim().parse().ok().map(Some)
                }
            },
        );
        for (key, salt, time) in [
            (T::StartTime, "day-start", &mut day.start_time),
            (T::EndTime, "day-end", &mut day.end_time),
        ] {
            let label = ui.label(tr(key));
            let hint = (label.id, tr(T::InvalidTime));
            parsed_edit_ui(ui, (salt, day.id), hint, time, 60.0, time_text, parse_time);
        }
        let budget = DayBudget::of(day);
        let planned = hours_minutes(budget.planned_minutes);
        let text = match budget.available_minutes {
            Some(available) => fill(
                tr(T::PlannedOfAvailable),
                &[&planned, &hours_minutes(available)],
            ),
            None => fill(tr(T::PlannedOnly), &[&planned]),
        };
        let colour = if budget.is_overbooked() {
            ui.visuals().error_fg_color
        } else {
            ui.visuals().weak_text_color()
        };
        let label = ui.label(RichText::new(text).color(colour));
        if budget.is_overbooked() {
            label.on_hover_text(tr(T::Overbooked));
        }
        if day.items.is_empty() && ui.small_button(tr(T::RemoveDay)).clicked() {
            *remove = Some(index);
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

const TITLE_WIDTH: f32 = 330.0;

#[allow(clippy::too_many_lines)]
fn items_ui(
    ui: &mut Ui,
    day: &mut AgendaDay,
    day_index: usize,
    lang: Lang,
    now: Timestamp,
    requested_move: &mut Option<Move>,
    commands: &mut Vec<Command>,
) {
    let tr = |key: T| key.get(lang);
    let slots = timing::day_slots(day);
    let item_count = day.items.len();
    // Column headers label the fields below them (for screen readers and tests).
    let headers = ui
        .horizontal(|ui| {
            ui.add_space(24.0);
            let columns = [
                (T::Time, 96.0),
                (T::Title, TITLE_WIDTH),
                (T::Method, 140.0),
                (T::Minutes, 54.0),
                (T::Responsible, 140.0),
                (T::NotesShort, 170.0),
            ];
            let ids = columns.map(|(key, width)| {
                let label = egui::Label::new(RichText::new(tr(key)).weak());
                ui.add_sized([width, 18.0], label).id
            });
            let [_, title, method, minutes, responsible, notes] = ids;
            [title, method, minutes, responsible, notes]
        })
        .inner;
    let [
        title_label,
        method_label,
        minutes_label,
        responsible_label,
        notes_label,
    ] = headers;
    let mut remove = None;
    for (index, item) in day.items.iter_mut().enumerate() {
        let slot = slots.get(index);
        let timer = ItemTimer::of(item, now);
        let row = ui.horizontal(|ui| {
            let handle_id = Id::unique(("agenda-drag", item.id));
            ui.dnd_drag_source(
                handle_id,
                DraggedItem {
                    day: day_index,
                    index,
                },
                |ui| {
                    ui.label(RichText::new("\u{2630}").weak())
                        .on_hover_text(tr(T::DragToReorder));
                },
            );
            let time = slot.map(|s| {
                format!(
                    "{}\u{2013}{}",
                    format_minutes(s.start_min),
                    format_minutes(s.end_min)
                )
            });
            let time_colour = if timer.is_current() {
                ui.visuals().strong_text_color()
            } else {
                ui.visuals().weak_text_color()
            };
            ui.add_sized(
                [96.0, 18.0],
                egui::Label::new(
                    RichText::new(time.unwrap_or_default())
                        .monospace()
                        .color(time_colour),
                ),
            );
            let height = ui.spacing().interact_size.y;
            let title_id = Id::unique(("agenda-title", item.id));
            let title = ui
                .add_sized(
                    [TITLE_WIDTH, height],
                    TextEdit::singleline(&mut item.title).id(title_id),
                )
                .labelled_by(title_label);
            method_combo_ui(ui, item, method_label, lang);
            let minutes = parsed_edit_ui(
                ui,
                ("agenda-minutes", item.id),
                (minutes_label, tr(T::WholeMinutes)),
                &mut item.planned_minutes,
                54.0,
                ToString::to_string,
                |text| text.trim().parse().ok(),
            );
            text_edit_ui(ui, &mut item.responsible, responsible_label, 140.0);
            text_edit_ui(ui, &mut item.notes, notes_label, 170.0);
            status_ui(ui, &timer, item.planned_minutes, lang);
            let mut up = icon_button_ui(ui, "\u{25b2}", tr(T::MoveUp)).clicked();
            let mut down = icon_button_ui(ui, "\u{25bc}", tr(T::MoveDown)).clicked();
            // Disabled rather than hidden for the current item, so the columns stay aligned.
            let can_start = !timer.is_current();
            let start = ui
                .add_enabled_ui(can_start, |ui| {
                    icon_button_ui(ui, "\u{25b6}", tr(T::StartThisItem))
                })
                .inner;
            if start.clicked() {
                commands.push(Command::Live(LiveAction::Start(item.id)));
            }
            if icon_button_ui(ui, "\u{2715}", tr(T::Remove)).clicked() {
                remove = Some(index);
            }
            // Alt+↑ / Alt+↓ move the item whose title or minutes field has the focus.
            if title.has_focus() || minutes.has_focus() {
                ui.input_mut(|i| {
                    up |= i.consume_key(egui::Modifiers::ALT, egui::Key::ArrowUp);
                    down |= i.consume_key(egui::Modifiers::ALT, egui::Key::ArrowDown);
                });
            }
            let within_day = |to| {
                let at = |index| DraggedItem {
                    day: day_index,
                    index,
                };
                Some(Move {
                    from: at(index),
                    to: at(to),
                })
            };
            if up && index > 0 {
                *requested_move = within_day(index - 1);
            }
            if down && index + 1 < item_count {
                *requested_move = within_day(index + 2);
            }
        });
        // Dropping on the upper half of a row puts the item before it, on the lower half after.
        let rect = row.response.rect;
        if let Some(pointer) = ui.ctx().pointer_interact_pos()
            && rect.contains(pointer)
        {
            let before = pointer.y < rect.center().y;
            let target = DraggedItem {
                day: day_index,
                index: if before { index } else { index + 1 },
            };
            if row.response.dnd_hover_payload::<DraggedItem>().is_some() {
                let y = if before { rect.top() } else { rect.bottom() };
                let stroke = Stroke::new(2.0, ui.visuals().selection.stroke.color);
                ui.painter().hline(rect.x_range(), y, stroke);
            }
            if let Some(dragged) = row.response.dnd_release_payload::<DraggedItem>() {
                *requested_move = Some(Move {
                    from: *dragged,
                    to: target,
                });
            }
        }
    }
    if let Some(index) = remove {
        day.items.remove(index);
    }
    ui.horizontal(|ui| {
        ui.add_space(24.0);
        if ui.button(format!("+ {}", tr(T::AddItem))).clicked() {
            day.items.push(AgendaItem {
                id: AgendaItemId::generate(),
                planned_minutes: 30,
                ..AgendaItem::default()
            });
        }
        if ui.button(format!("+ {}", tr(T::AddBreak))).clicked() {
            day.items.push(AgendaItem {
                id: AgendaItemId::generate(),
                title: tr(T::MethodBreak).to_owned(),
                method: Method::Break,
                planned_minutes: 15,
                ..AgendaItem::default()
            });
        }
    });
}

fn method_combo_ui(ui: &mut Ui, item: &mut AgendaItem, label_id: Id, lang: Lang) {
    ComboBox::from_id_salt(("agenda-method", item.id))
        .width(140.0)
        .selected_text(method_text(item.method, lang))
        .show_ui(ui, |ui| {
            for method in Method::ALL {
                ui.selectable_value(&mut item.method, method, method_text(method, lang));
            }
        })
        .response
        .labelled_by(label_id);
}

/// What happened to an item: running, done with its actual minutes, skipped.
fn status_ui(ui: &mut Ui, timer: &ItemTimer, planned_minutes: u32, lang: Lang) {
    let tr = |key: T| key.get(lang);
    let width = 100.0;
    let (text, colour) = match timer.state {
        ItemState::Pending => (String::new(), ui.visuals().weak_text_color()),
        ItemState::Running => (tr(T::Running).to_owned(), ui.visuals().strong_text_color()),
        ItemState::Paused => (tr(T::Paused).to_owned(), ui.visuals().warn_fg_color),
        ItemState::Skipped => (tr(T::Skipped).to_owned(), ui.visuals().weak_text_color()),
        ItemState::Done => {
            let actual = (timer.elapsed.as_secs() + 30) / 60;
            let over = actual - i64::from(planned_minutes);
            let text = if over > 0 {
                format!("{actual} {} (+{over})", tr(T::Minutes))
            } else {
                format!("{actual} {}", tr(T::Minutes))
            };
            let colour = if over > 0 {
                ui.visuals().warn_fg_color
            } else {
                ui.visuals().weak_text_color()
            };
            (text, colour)
        }
    };
    ui.add_sized(
        [width, 18.0],
        egui::Label::new(RichText::new(text).color(colour)),
    );
}

/// The method in words.
pub(crate) fn method_text(method: Method, lang: Lang) -> &'static str {
    match method {
        Method::Input => T::MethodInput,
        Method::Discussion => T::MethodDiscussion,
        Method::GroupWork => T::MethodGroupWork,
        Method::Positioning => T::MethodPositioning,
        Method::Clustering => T::MethodClustering,
        Method::Voting => T::MethodVoting,
        Method::Reflection => T::MethodReflection,
        Method::Break => T::MethodBreak,
        Method::Other => T::MethodOther,
    }
    .get(lang)
}
