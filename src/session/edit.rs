//! Every change to a session is an [`Edit`]: a named value, applied in one place (the app's
//! document) and recorded as one undo step. Each feature defines its own edits in its
//! folder; the session's details, participants and merge decisions are here.

use jiff::civil::Date;

use super::limits::{LONG_TEXT, SHORT_TEXT};
use super::{DecisionState, Participant, Session};
use crate::agenda::edit::AgendaEdit;
use crate::board::edit::BoardEdit;
use crate::fields::{set, set_text};
use crate::ids::ParticipantId;
use crate::photos::edit::PhotoEdit;
use crate::reflection::edit::ReflectionEdit;
use crate::results::edit::ResultsEdit;

/// A text field of the session's details.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MetaText {
    Title,
    Series,
    Organiser,
    Location,
    Language,
    Publisher,
    Introduction,
}

/// A text field of a participant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParticipantText {
    Name,
    Organisation,
    Role,
}

/// A change to the session's details, participants or merge decisions.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionEdit {
    SetText(MetaText, String),
    SetDates(Vec<Date>),
    SetModerators(Vec<String>),
    SetCreditsText(Vec<String>),
    SetCreditsPhotos(Vec<String>),
    AddParticipant(Participant),
    RemoveParticipant(ParticipantId),
    SetParticipantText(ParticipantId, ParticipantText, String),
    /// The facilitator's decision on merge proposals of a consolidation (several at once for
    /// "merge all like this"): one undo step.
    SetDecisions(Vec<usize>, DecisionState),
}

impl SessionEdit {
    /// Applies the edit; returns whether anything changed.
    pub fn apply(self, session: &mut Session) -> bool {
        let meta = &mut session.meta;
        match self {
            SessionEdit::SetText(field, text) => {
                let (slot, limit) = match field {
                    MetaText::Title => (&mut meta.title, SHORT_TEXT),
                    MetaText::Series => (&mut meta.series, SHORT_TEXT),
                    MetaText::Organiser => (&mut meta.organiser, SHORT_TEXT),
                    MetaText::Location => (&mut meta.location, SHORT_TEXT),
                    MetaText::Language => (&mut meta.language, SHORT_TEXT),
                    MetaText::Publisher => (&mut meta.publisher, SHORT_TEXT),
                    MetaText::Introduction => (&mut meta.introduction, LONG_TEXT),
                };
                set_text(Some(slot), text, limit)
            }
            SessionEdit::SetDates(dates) => set(Some(&mut meta.dates), dates),
            SessionEdit::SetModerators(names) => set(Some(&mut meta.moderators), names),
            SessionEdit::SetCreditsText(names) => set(Some(&mut meta.credits.text), names),
            SessionEdit::SetCreditsPhotos(names) => set(Some(&mut meta.credits.photos), names),
            SessionEdit::AddParticipant(participant) => {
                meta.participants.push(participant);
                true
            }
            SessionEdit::RemoveParticipant(id) => {
                let before = meta.participants.len();
                meta.participants.retain(|p| p.id != id);
                meta.participants.len() != before
            }
            SessionEdit::SetParticipantText(id, field, text) => {
                let Some(participant) = meta.participants.iter_mut().find(|p| p.id == id) else {
                    return false;
                };
                let slot = match field {
                    ParticipantText::Name => &mut participant.name,
                    ParticipantText::Organisation => &mut participant.organisation,
                    ParticipantText::Role => &mut participant.role,
                };
                set_text(Some(slot), text, SHORT_TEXT)
            }
            SessionEdit::SetDecisions(indices, state) => {
                let Some(provenance) = session.provenance.as_mut() else {
                    return false;
                };
                let mut changed = false;
                for index in indices {
                    if let Some(decision) = provenance.decisions.get_mut(index)
                        && decision.state != state
                    {
                        decision.state = state;
                        changed = true;
                    }
                }
                changed
            }
        }
    }
}

/// Any change to a session.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Session(SessionEdit),
    Agenda(AgendaEdit),
    Board(BoardEdit),
    Reflection(ReflectionEdit),
    Photos(PhotoEdit),
    Results(ResultsEdit),
    /// The whole session at once (recovering an autosave, applying merge decisions).
    Replace(Box<Session>),
}

macro_rules! edit_from {
    ($($variant:ident($type:ty)),*) => {$(
        impl From<$type> for Edit {
            fn from(edit: $type) -> Self {
                Edit::$variant(edit)
            }
        }
    )*};
}
edit_from!(
    Session(SessionEdit),
    Agenda(AgendaEdit),
    Board(BoardEdit),
    Reflection(ReflectionEdit),
    Photos(PhotoEdit),
    Results(ResultsEdit)
);

/// Identifies the field an edit types into: edits with the same key in a row, while the
/// field keeps the focus, are one undo step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypingKey(String);

impl Edit {
    /// Applies the edit; returns whether anything changed.
    pub fn apply(self, session: &mut Session) -> bool {
        match self {
            Edit::Session(edit) => edit.apply(session),
            Edit::Agenda(edit) => edit.apply(session),
            Edit::Board(edit) => edit.apply(session),
            Edit::Reflection(edit) => edit.apply(session),
            Edit::Photos(edit) => edit.apply(session),
            Edit::Results(edit) => edit.apply(session),
            Edit::Replace(new) => {
                let changed = *new != *session;
                *session = *new;
                changed
            }
        }
    }

    /// The field this edit types into, if it is typing (text, or a number typed digit by
    /// digit).
    pub fn typing_key(&self) -> Option<TypingKey> {
        use crate::agenda::edit::AgendaEdit as A;
        use crate::board::edit::BoardEdit as B;
        use crate::photos::edit::PhotoEdit as P;
        use crate::reflection::edit::ReflectionEdit as F;
        use crate::results::edit::ResultsEdit as R;
        let key = match self {
            Edit::Session(SessionEdit::SetText(field, _)) => format!("meta {field:?}"),
            Edit::Session(SessionEdit::SetDates(_)) => "meta dates".to_owned(),
            Edit::Session(SessionEdit::SetModerators(_)) => "meta moderators".to_owned(),
            Edit::Session(SessionEdit::SetCreditsText(_)) => "credits text".to_owned(),
            Edit::Session(SessionEdit::SetCreditsPhotos(_)) => "credits photos".to_owned(),
            Edit::Session(SessionEdit::SetParticipantText(id, field, _)) => {
                format!("participant {id} {field:?}")
            }
            Edit::Agenda(A::SetText(id, field, _)) => format!("item {id} {field:?}"),
            Edit::Agenda(A::SetMinutes(id, _)) => format!("item {id} minutes"),
            Edit::Agenda(A::SetDate(id, _)) => format!("day {id} date"),
            Edit::Agenda(A::SetStartTime(id, _)) => format!("day {id} start"),
            Edit::Agenda(A::SetEndTime(id, _)) => format!("day {id} end"),
            Edit::Board(B::SetText(id, field, _)) => format!("board {id} {field:?}"),
            Edit::Board(B::SetAxisText(id, field, _)) => format!("board {id} axis {field:?}"),
            Edit::Board(B::SetDotsPerPerson(id, _)) => format!("board {id} dots"),
            Edit::Board(B::SetCardText(board, card, _)) => format!("card {board} {card} text"),
            Edit::Board(B::SetCardAuthor(board, card, _)) => {
                format!("card {board} {card} author")
            }
            Edit::Board(B::SetClusterTitle(board, cluster, _)) => {
                format!("cluster {board} {cluster} title")
            }
            Edit::Reflection(F::RenameDimension(id, _)) => format!("dimension {id}"),
            Edit::Reflection(F::SetEntryText(id, field, _)) => format!("entry {id} {field:?}"),
            Edit::Reflection(F::SetRating {
                entry, dimension, ..
            }) => format!("rating {entry} {dimension}"),
            Edit::Reflection(F::SetDissentText(index, field, _)) => {
                format!("dissent {index} {field:?}")
            }
            Edit::Reflection(F::SetSummary(_)) => "reflection summary".to_owned(),
            Edit::Photos(P::SetText(id, field, _)) => format!("photo {id} {field:?}"),
            Edit::Results(R::SetResultText(id, _)) => format!("result {id}"),
            Edit::Results(R::SetActionText(id, field, _)) => format!("action {id} {field:?}"),
            Edit::Results(R::SetDue(id, _)) => format!("action {id} due"),
            Edit::Results(R::SetNextMeetingDates(_)) => "next meeting dates".to_owned(),
            Edit::Results(R::SetNextMeetingText(field, _)) => format!("next meeting {field:?}"),
            Edit::Results(R::SetNotes(_)) => "notes".to_owned(),
            _ => return None,
        };
        Some(TypingKey(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_report_whether_they_changed_anything() {
        let mut s = Session::create("Werkstatt");
        let rename = |title: &str| Edit::from(SessionEdit::SetText(MetaText::Title, title.into()));
        assert!(!rename("Werkstatt").apply(&mut s));
        assert!(rename("Zukunftswerkstatt").apply(&mut s));
        assert_eq!(s.meta.title, "Zukunftswerkstatt");
        assert_eq!(
            rename("a").typing_key(),
            rename("b").typing_key(),
            "one field, one typing key"
        );
    }

    #[test]
    fn participants_come_and_go() {
        let mut s = Session::create("Werkstatt");
        let id = ParticipantId::generate();
        assert!(
            SessionEdit::AddParticipant(Participant {
                id,
                name: "Ayşe".into(),
                ..Participant::default()
            })
            .apply(&mut s)
        );
        assert!(
            SessionEdit::SetParticipantText(id, ParticipantText::Organisation, "Nordheim".into())
                .apply(&mut s)
        );
        assert_eq!(s.organisations(), ["Nordheim"]);
        assert!(SessionEdit::RemoveParticipant(id).apply(&mut s));
        assert!(s.meta.participants.is_empty());
    }
}
