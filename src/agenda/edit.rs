//! Every change to the agenda, as a named edit. The app applies each as one undo step.

use jiff::Timestamp;
use jiff::civil::{Date, Time};

use super::live::{self, LiveAction};
use super::runs;
use super::{AgendaDay, AgendaItem, Method};
use crate::fields::{set, set_text};
use crate::ids::{AgendaDayId, AgendaItemId};
use crate::session::Session;
use crate::session::limits::{self, LONG_TEXT, SHORT_TEXT};
use crate::session::references::Gone;

/// A text field of an agenda item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemText {
    Title,
    Responsible,
    Notes,
    Outcome,
}

/// A change to the agenda.
#[derive(Clone, Debug, PartialEq)]
pub enum AgendaEdit {
    AddDay(AgendaDay),
    /// Removes a day with its items (and every reference to them).
    RemoveDay(AgendaDayId),
    SetDate(AgendaDayId, Option<Date>),
    SetStartTime(AgendaDayId, Option<Time>),
    SetEndTime(AgendaDayId, Option<Time>),
    /// Adds an item at the end of a day.
    AddItem(AgendaDayId, AgendaItem),
    RemoveItem(AgendaItemId),
    /// Moves an item to a day, before the item now at `index` (at the end past the last).
    MoveItem {
        item: AgendaItemId,
        day: AgendaDayId,
        index: usize,
    },
    SetText(AgendaItemId, ItemText, String),
    SetMethod(AgendaItemId, Method),
    SetMinutes(AgendaItemId, u32),
    /// A live control (start, pause, next …) at a moment.
    Live(LiveAction, Timestamp),
    /// A day whose recorded run is not from today begins a new run (the record is kept as
    /// its previous run), then the control acts: one step.
    NewRun(AgendaDayId, LiveAction, Timestamp),
    /// A day whose recorded run is not from today is continued: what was left running on an
    /// earlier date is closed (see `runs::stale_closings`), then the control acts.
    ContinueRun {
        day: AgendaDayId,
        closings: Vec<(AgendaItemId, super::TimingEvent)>,
        action: LiveAction,
        at: Timestamp,
    },
    /// A speaking round starts in this item (replacing an earlier one of the item).
    StartRound(AgendaItemId, super::speaking::RoundLog),
    /// Something happened in the item's speaking round.
    Round(AgendaItemId, super::speaking::RoundEvent),
}

impl AgendaEdit {
    /// Applies the edit; returns whether anything changed.
    pub fn apply(self, session: &mut Session) -> bool {
        let agenda = &mut session.agenda;
        match self {
            AgendaEdit::AddDay(day) => {
                agenda.days.push(day);
                true
            }
            AgendaEdit::RemoveDay(id) => {
                let Some(index) = agenda.days.iter().position(|d| d.id == id) else {
                    return false;
                };
                let day = agenda.days.remove(index);
                for item in &day.items {
                    session.forget(Gone::AgendaItem(item.id));
                }
                true
            }
            AgendaEdit::SetDate(id, date) => set(day_mut(session, id).map(|d| &mut d.date), date),
            AgendaEdit::SetStartTime(id, time) => {
                set(day_mut(session, id).map(|d| &mut d.start_time), time)
            }
            AgendaEdit::SetEndTime(id, time) => {
                set(day_mut(session, id).map(|d| &mut d.end_time), time)
            }
            AgendaEdit::AddItem(day, item) => match day_mut(session, day) {
                Some(day) => {
                    day.items.push(item);
                    true
                }
                None => false,
            },
            AgendaEdit::RemoveItem(id) => {
                let removed = agenda.days.iter_mut().any(|day| {
                    let before = day.items.len();
                    day.items.retain(|item| item.id != id);
                    day.items.len() != before
                });
                if removed {
                    session.forget(Gone::AgendaItem(id));
                }
                removed
            }
            AgendaEdit::MoveItem { item, day, index } => move_item(session, item, day, index),
            AgendaEdit::SetText(id, field, text) => {
                let Some(item) = item_mut(session, id) else {
                    return false;
                };
                let (slot, limit) = match field {
                    ItemText::Title => (&mut item.title, SHORT_TEXT),
                    ItemText::Responsible => (&mut item.responsible, SHORT_TEXT),
                    ItemText::Notes => (&mut item.notes, LONG_TEXT),
                    ItemText::Outcome => (&mut item.outcome, LONG_TEXT),
                };
                set_text(Some(slot), text, limit)
            }
            AgendaEdit::SetMethod(id, method) => {
                set(item_mut(session, id).map(|i| &mut i.method), method)
            }
            AgendaEdit::SetMinutes(id, minutes) => set(
                item_mut(session, id).map(|i| &mut i.planned_minutes),
                minutes.min(limits::MAX_PLANNED_MINUTES),
            ),
            AgendaEdit::Live(action, at) => live_action(agenda, action, at),
            AgendaEdit::NewRun(day, action, at) => {
                let began = agenda
                    .days
                    .iter_mut()
                    .find(|d| d.id == day)
                    .is_some_and(runs::begin_new_run);
                live_action(agenda, action, at) || began
            }
            AgendaEdit::ContinueRun {
                day,
                closings,
                action,
                at,
            } => {
                let closed = agenda
                    .days
                    .iter_mut()
                    .find(|d| d.id == day)
                    .is_some_and(|d| runs::close(d, &closings));
                live_action(agenda, action, at) || closed
            }
            AgendaEdit::StartRound(id, log) => match item_mut(session, id) {
                Some(item) => {
                    item.round = Some(log);
                    true
                }
                None => false,
            },
            AgendaEdit::Round(id, event) => {
                let round = item_mut(session, id).and_then(|item| item.round.as_mut());
                match round {
                    Some(round)
                        if round.events.len() < crate::session::limits::MAX_TIMING_EVENTS =>
                    {
                        round.events.push(event);
                        true
                    }
                    _ => false,
                }
            }
        }
    }
}

/// A live control; returns whether it wrote anything into a log.
fn live_action(agenda: &mut super::Agenda, action: LiveAction, at: Timestamp) -> bool {
    let before: usize = agenda.items().map(|i| i.timing.len()).sum();
    live::apply(agenda, action, at);
    agenda.items().map(|i| i.timing.len()).sum::<usize>() != before
}

fn day_mut(session: &mut Session, id: AgendaDayId) -> Option<&mut AgendaDay> {
    session.agenda.days.iter_mut().find(|d| d.id == id)
}

fn item_mut(session: &mut Session, id: AgendaItemId) -> Option<&mut AgendaItem> {
    session
        .agenda
        .days
        .iter_mut()
        .flat_map(|d| d.items.iter_mut())
        .find(|i| i.id == id)
}

fn move_item(session: &mut Session, id: AgendaItemId, to_day: AgendaDayId, index: usize) -> bool {
    let days = &mut session.agenda.days;
    let Some(from_day) = days.iter().position(|d| d.items.iter().any(|i| i.id == id)) else {
        return false;
    };
    let Some(to) = days.iter().position(|d| d.id == to_day) else {
        return false;
    };
    let Some(from) = days[from_day].items.iter().position(|i| i.id == id) else {
        return false;
    };
    let mut index = index;
    if from_day == to && from < index {
        index -= 1;
    }
    if from_day == to && from == index {
        return false;
    }
    let item = days[from_day].items.remove(from);
    let target = &mut days[to].items;
    let index = index.min(target.len());
    target.insert(index, item);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::{AgendaDay, AgendaItem};
    use crate::board::Board;
    use crate::ids::{ActionItemId, AgendaDayId, AgendaItemId, BoardId, PhotoId, ResultId};
    use crate::photos::{Photo, PhotoLink};
    use crate::reflection::Dissent;
    use crate::results::{ActionItem, Decision, SourceLink};
    use crate::session::Session;

    fn session() -> (Session, AgendaDayId, Vec<AgendaItemId>) {
        let mut s = Session::create("Werkstatt");
        let day = AgendaDayId::generate();
        let ids: Vec<AgendaItemId> = (0..3).map(|_| AgendaItemId::generate()).collect();
        s.agenda.days.push(AgendaDay {
            id: day,
            items: ids
                .iter()
                .enumerate()
                .map(|(n, id)| AgendaItem {
                    id: *id,
                    title: format!("Punkt {n}"),
                    planned_minutes: 10,
                    ..AgendaItem::default()
                })
                .collect(),
            ..AgendaDay::default()
        });
        (s, day, ids)
    }

    fn titles(s: &Session) -> Vec<&str> {
        s.agenda.items().map(|i| i.title.as_str()).collect()
    }

    #[test]
    fn moves_count_positions_before_the_move() {
        let (mut s, day, ids) = session();
        assert!(
            AgendaEdit::MoveItem {
                item: ids[0],
                day,
                index: 3
            }
            .apply(&mut s)
        );
        assert_eq!(titles(&s), ["Punkt 1", "Punkt 2", "Punkt 0"]);
        assert!(
            AgendaEdit::MoveItem {
                item: ids[0],
                day,
                index: 0
            }
            .apply(&mut s)
        );
        assert_eq!(titles(&s), ["Punkt 0", "Punkt 1", "Punkt 2"]);
        assert!(
            !AgendaEdit::MoveItem {
                item: ids[1],
                day,
                index: 1
            }
            .apply(&mut s),
            "in place: no change"
        );
    }

    #[test]
    fn deleting_an_item_cleans_every_reference_to_it() {
        let (mut s, _, ids) = session();
        let gone = ids[1];
        let board = BoardId::generate();
        s.boards.push(Board {
            id: board,
            agenda_item: Some(gone),
            ..Board::default()
        });
        s.reflection.dissent.push(Dissent {
            statement: "Zu schnell".into(),
            agenda_item: Some(gone),
            ..Dissent::default()
        });
        s.photos.push(Photo {
            id: PhotoId::generate(),
            path: "photos/a.jpg".into(),
            link: Some(PhotoLink::AgendaItem(gone)),
            ..Photo::default()
        });
        s.action_items.push(ActionItem {
            id: ActionItemId::generate(),
            source: Some(SourceLink::AgendaItem(gone)),
            ..ActionItem::default()
        });
        s.results.push(Decision {
            id: ResultId::generate(),
            source: Some(SourceLink::AgendaItem(gone)),
            ..Decision::default()
        });
        assert!(AgendaEdit::RemoveItem(gone).apply(&mut s));
        assert_eq!(titles(&s), ["Punkt 0", "Punkt 2"]);
        assert_eq!(s.boards[0].agenda_item, None);
        assert_eq!(s.reflection.dissent[0].agenda_item, None);
        assert_eq!(s.photos[0].link, None);
        assert_eq!(s.action_items[0].source, None);
        assert_eq!(s.results[0].source, None);
    }

    #[test]
    fn deleting_a_day_cleans_the_references_to_its_items() {
        let (mut s, day, ids) = session();
        s.boards.push(Board {
            id: BoardId::generate(),
            agenda_item: Some(ids[2]),
            ..Board::default()
        });
        assert!(AgendaEdit::RemoveDay(day).apply(&mut s));
        assert!(s.agenda.days.is_empty());
        assert_eq!(s.boards[0].agenda_item, None);
    }

    #[test]
    fn setting_the_same_value_is_no_change() {
        let (mut s, _, ids) = session();
        assert!(!AgendaEdit::SetMinutes(ids[0], 10).apply(&mut s));
        assert!(AgendaEdit::SetMinutes(ids[0], 95).apply(&mut s));
        assert!(AgendaEdit::SetText(ids[0], ItemText::Notes, "Kaffee".into()).apply(&mut s));
        assert_eq!(s.agenda.days[0].items[0].notes, "Kaffee");
    }
}
