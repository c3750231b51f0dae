//! Every change to results, action items, the next meeting and the notes, as a named edit.

use jiff::civil::Date;

use super::{ActionItem, ActionStatus, Decision, Due, NextMeeting, SourceLink};
use crate::fields::{set, set_text};
use crate::ids::{ActionItemId, ResultId};
use crate::session::Session;
use crate::session::limits::{LONG_TEXT, SHORT_TEXT};

/// A text field of an action item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActionText {
    Title,
    Owner,
}

/// A text field of the next meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MeetingText {
    Place,
    Note,
}

/// A change to what the workshop leaves behind.
#[derive(Clone, Debug, PartialEq)]
pub enum ResultsEdit {
    AddResult(Decision),
    RemoveResult(ResultId),
    SetResultText(ResultId, String),
    SetResultSource(ResultId, Option<SourceLink>),
    AddAction(ActionItem),
    RemoveAction(ActionItemId),
    SetActionText(ActionItemId, ActionText, String),
    SetDue(ActionItemId, Due),
    SetStatus(ActionItemId, ActionStatus),
    SetActionSource(ActionItemId, Option<SourceLink>),
    /// A next meeting planned (empty) or none.
    SetNextMeetingPlanned(bool),
    SetNextMeetingDates(Vec<Date>),
    SetNextMeetingText(MeetingText, String),
    SetNotes(String),
}

fn result(s: &mut Session, id: ResultId) -> Option<&mut Decision> {
    s.results.iter_mut().find(|r| r.id == id)
}

fn action(s: &mut Session, id: ActionItemId) -> Option<&mut ActionItem> {
    s.action_items.iter_mut().find(|a| a.id == id)
}

impl ResultsEdit {
    /// Applies the edit; returns whether anything changed.
    pub fn apply(self, session: &mut Session) -> bool {
        match self {
            ResultsEdit::AddResult(decision) => {
                session.results.push(decision);
                true
            }
            ResultsEdit::RemoveResult(id) => {
                let before = session.results.len();
                session.results.retain(|r| r.id != id);
                session.results.len() != before
            }
            ResultsEdit::SetResultText(id, text) => {
                set_text(result(session, id).map(|r| &mut r.text), text, LONG_TEXT)
            }
            ResultsEdit::SetResultSource(id, source) => {
                set(result(session, id).map(|r| &mut r.source), source)
            }
            ResultsEdit::AddAction(item) => {
                session.action_items.push(item);
                true
            }
            ResultsEdit::RemoveAction(id) => {
                let before = session.action_items.len();
                session.action_items.retain(|a| a.id != id);
                session.action_items.len() != before
            }
            ResultsEdit::SetActionText(id, field, text) => {
                let Some(item) = action(session, id) else {
                    return false;
                };
                let slot = match field {
                    ActionText::Title => &mut item.title,
                    ActionText::Owner => &mut item.owner,
                };
                set_text(Some(slot), text, SHORT_TEXT)
            }
            ResultsEdit::SetDue(id, due) => set(action(session, id).map(|a| &mut a.due), due),
            ResultsEdit::SetStatus(id, status) => {
                set(action(session, id).map(|a| &mut a.status), status)
            }
            ResultsEdit::SetActionSource(id, source) => {
                set(action(session, id).map(|a| &mut a.source), source)
            }
            ResultsEdit::SetNextMeetingPlanned(planned) => {
                if planned == session.next_meeting.is_some() {
                    return false;
                }
                session.next_meeting = planned.then(NextMeeting::default);
                true
            }
            ResultsEdit::SetNextMeetingDates(dates) => {
                set(session.next_meeting.as_mut().map(|n| &mut n.dates), dates)
            }
            ResultsEdit::SetNextMeetingText(field, text) => {
                let Some(next) = session.next_meeting.as_mut() else {
                    return false;
                };
                let (slot, limit) = match field {
                    MeetingText::Place => (&mut next.place, SHORT_TEXT),
                    MeetingText::Note => (&mut next.note, LONG_TEXT),
                };
                set_text(Some(slot), text, limit)
            }
            ResultsEdit::SetNotes(text) => set_text(Some(&mut session.notes), text, LONG_TEXT),
        }
    }
}
