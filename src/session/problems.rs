//! What makes a session unsafe to work with, as typed values; `i18n` puts them into words.
//! A session with a problem is refused on load: each would break a later step (an export that
//! allocates per scale value, a sum that wraps, a board that cannot place a card).

use std::collections::BTreeSet;

use uuid::Uuid;

use super::Session;
use super::limits::{self, CARD_TEXT, LONG_TEXT, SHORT_TEXT};
use crate::agenda::TimingEvent;
use crate::photos::{PhotoPathProblem, check_photo_path};

/// A kind of element, for messages that name one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Element {
    Session,
    Participant,
    AgendaDay,
    AgendaItem,
    Board,
    Card,
    Cluster,
    Dimension,
    ReflectionEntry,
    /// The reflection round as a whole (its scale, summary).
    Reflection,
    Dissent,
    TimingEvent,
    Photo,
    Result,
    ActionItem,
    NextMeeting,
}

/// A number of an element that has a limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberField {
    Votes,
    DotsPerPerson,
    PlannedMinutes,
    Extension,
    Position,
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// No id (a hand-written file that left it out).
    NoId,
    /// The id is used by another element too.
    RepeatedId(Uuid),
    /// A photo path that does not stay inside the session folder.
    PhotoPath(PhotoPathProblem),
    /// A text longer than the limit, in characters.
    TextTooLong { chars: usize, limit: usize },
    /// `NaN` or an infinity.
    NotFinite(NumberField),
    /// A number beyond its limit (in absolute value).
    TooLarge {
        field: NumberField,
        value: i64,
        limit: i64,
    },
    /// A scale whose lowest value is not below its highest.
    ScaleEmpty { min: i32, max: i32 },
    /// A scale with more steps than anyone can rate on.
    ScaleTooLong { min: i32, max: i32 },
    /// More elements of the problem's kind than Moderato handles (in one list).
    TooMany { count: usize, limit: usize },
}

/// Something wrong with a loaded session, with the element it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub element: Element,
    /// The element's title or text, shortened.
    pub label: String,
    pub kind: ProblemKind,
    /// The line in the file, when the file is at hand (see `storage`).
    pub line: Option<usize>,
    /// The element's id, to find its line.
    pub id: Option<Uuid>,
}

/// Collects problems while walking a session.
struct Finder {
    problems: Vec<Problem>,
    seen: BTreeSet<Uuid>,
}

impl Finder {
    fn push(&mut self, element: Element, label: &str, id: Option<Uuid>, kind: ProblemKind) {
        // A hostile file can hold millions of bad elements; a few name the problem.
        if self.problems.len() < 50 {
            self.problems.push(Problem {
                element,
                label: limits::label(label),
                kind,
                line: None,
                id: id.filter(|id| !id.is_nil()),
            });
        }
    }

    fn id(&mut self, element: Element, label: &str, id: Uuid) {
        if id.is_nil() {
            self.push(element, label, None, ProblemKind::NoId);
        } else if !self.seen.insert(id) {
            self.push(element, label, None, ProblemKind::RepeatedId(id));
        }
    }

    fn texts<'a>(
        &mut self,
        element: Element,
        label: &str,
        id: Uuid,
        limit: usize,
        texts: impl IntoIterator<Item = &'a str>,
    ) {
        for text in texts {
            if let Some(chars) = limits::exceeds(text, limit) {
                self.push(
                    element,
                    label,
                    Some(id),
                    ProblemKind::TextTooLong { chars, limit },
                );
            }
        }
    }

    fn number(&mut self, element: Element, label: &str, id: Uuid, field: NumberField, value: i64) {
        let limit = match field {
            NumberField::Votes => i64::from(limits::MAX_VOTES),
            NumberField::DotsPerPerson => i64::from(limits::MAX_DOTS_PER_PERSON),
            NumberField::PlannedMinutes => i64::from(limits::MAX_PLANNED_MINUTES),
            NumberField::Extension => i64::from(limits::MAX_EXTENSION_SECONDS),
            NumberField::Position => i64::MAX,
        };
        if value.abs() > limit {
            self.push(
                element,
                label,
                Some(id),
                ProblemKind::TooLarge {
                    field,
                    value,
                    limit,
                },
            );
        }
    }

    /// `count` elements of kind `element` in one list, in `label` (the list's owner).
    fn count(&mut self, element: Element, label: &str, count: usize, limit: usize) {
        if count > limit {
            self.push(element, label, None, ProblemKind::TooMany { count, limit });
        }
    }
}

impl Session {
    /// Problems that make the session unsafe to work with. Empty for every session the app
    /// and the command line create.
    pub fn problems(&self) -> Vec<Problem> {
        let mut f = Finder {
            problems: Vec::new(),
            seen: BTreeSet::new(),
        };
        self.meta_problems(&mut f);
        self.agenda_problems(&mut f);
        self.board_problems(&mut f);
        self.reflection_problems(&mut f);
        self.outcome_problems(&mut f);
        f.problems
    }

    fn meta_problems(&self, f: &mut Finder) {
        let meta = &self.meta;
        let (id, title) = (self.id.uuid(), meta.title.as_str());
        f.id(Element::Session, title, id);
        let short = [&meta.title, &meta.series, &meta.organiser, &meta.location]
            .into_iter()
            .chain([&meta.language, &meta.publisher])
            .chain(&meta.moderators)
            .chain(&meta.credits.text)
            .chain(&meta.credits.photos);
        f.texts(
            Element::Session,
            title,
            id,
            SHORT_TEXT,
            short.map(String::as_str),
        );
        f.texts(
            Element::Session,
            title,
            id,
            LONG_TEXT,
            [self.notes.as_str(), &meta.introduction],
        );
        f.count(
            Element::Participant,
            title,
            meta.participants.len(),
            limits::MAX_ELEMENTS,
        );
        for p in &meta.participants {
            let id = p.id.uuid();
            f.id(Element::Participant, &p.name, id);
            let texts = [p.name.as_str(), &p.organisation, &p.role];
            f.texts(Element::Participant, &p.name, id, SHORT_TEXT, texts);
        }
    }

    fn agenda_problems(&self, f: &mut Finder) {
        let items = self.agenda.items().count();
        f.count(Element::AgendaItem, "", items, limits::MAX_ELEMENTS);
        for day in &self.agenda.days {
            let date = day.date.map(|d| d.to_string()).unwrap_or_default();
            f.id(Element::AgendaDay, &date, day.id.uuid());
            for item in &day.items {
                let (id, title) = (item.id.uuid(), item.title.as_str());
                f.id(Element::AgendaItem, title, id);
                let short = [title, &item.responsible];
                f.texts(Element::AgendaItem, title, id, SHORT_TEXT, short);
                let long = [item.notes.as_str(), &item.outcome];
                f.texts(Element::AgendaItem, title, id, LONG_TEXT, long);
                let minutes = i64::from(item.planned_minutes);
                f.number(
                    Element::AgendaItem,
                    title,
                    id,
                    NumberField::PlannedMinutes,
                    minutes,
                );
                let events = item.timing.len();
                f.count(
                    Element::TimingEvent,
                    title,
                    events,
                    limits::MAX_TIMING_EVENTS,
                );
                if let Some(round) = &item.round {
                    // Replayed every frame while it runs: bounded like the timing log.
                    let events = round.events.len();
                    f.count(
                        Element::TimingEvent,
                        title,
                        events,
                        limits::MAX_TIMING_EVENTS,
                    );
                    let names = round.speakers.iter().map(String::as_str);
                    f.texts(Element::AgendaItem, title, id, SHORT_TEXT, names);
                }
                for event in &item.timing {
                    if let TimingEvent::Extended(_, seconds) = event {
                        let seconds = i64::from(*seconds);
                        f.number(
                            Element::AgendaItem,
                            title,
                            id,
                            NumberField::Extension,
                            seconds,
                        );
                    }
                }
            }
        }
    }

    fn board_problems(&self, f: &mut Finder) {
        f.count(Element::Board, "", self.boards.len(), limits::MAX_ELEMENTS);
        for board in &self.boards {
            let (id, title) = (board.id.uuid(), board.title.as_str());
            f.id(Element::Board, title, id);
            let short = [title, &board.question];
            f.texts(Element::Board, title, id, SHORT_TEXT, short);
            if let Some(axes) = &board.axes {
                let labels = [&axes.x.low, &axes.x.high, &axes.y.low, &axes.y.high];
                let quadrants = axes.quadrants.iter().flatten();
                let all = labels.into_iter().chain(quadrants).map(String::as_str);
                f.texts(Element::Board, title, id, SHORT_TEXT, all);
            }
            let dots = i64::from(board.dots_per_person);
            f.number(Element::Board, title, id, NumberField::DotsPerPerson, dots);
            f.count(
                Element::Card,
                title,
                board.cards.len(),
                limits::MAX_ELEMENTS,
            );
            for card in &board.cards {
                let (id, text) = (card.id.uuid(), card.text.as_str());
                f.id(Element::Card, text, id);
                f.texts(Element::Card, text, id, CARD_TEXT, [text]);
                f.texts(Element::Card, text, id, SHORT_TEXT, [card.author.as_str()]);
                if !card.x.is_finite() || !card.y.is_finite() {
                    let field = NumberField::Position;
                    f.push(Element::Card, text, Some(id), ProblemKind::NotFinite(field));
                }
                let votes = i64::from(card.votes);
                f.number(Element::Card, text, id, NumberField::Votes, votes);
                if let Some(picture) = &card.picture {
                    f.texts(Element::Card, text, id, SHORT_TEXT, [picture.as_str()]);
                    if let Err(why) = check_photo_path(picture) {
                        f.push(
                            Element::Card,
                            picture,
                            Some(id),
                            ProblemKind::PhotoPath(why),
                        );
                    }
                }
            }
            f.count(
                Element::Cluster,
                title,
                board.clusters.len(),
                limits::MAX_ELEMENTS,
            );
            for cluster in &board.clusters {
                let (id, title) = (cluster.id.uuid(), cluster.title.as_str());
                f.id(Element::Cluster, title, id);
                f.texts(Element::Cluster, title, id, CARD_TEXT, [title]);
                let votes = i64::from(cluster.votes);
                f.number(Element::Cluster, title, id, NumberField::Votes, votes);
            }
        }
    }

    fn reflection_problems(&self, f: &mut Finder) {
        let reflection = &self.reflection;
        let id = self.id.uuid();
        let scale = &reflection.scale;
        if scale.min >= scale.max {
            let kind = ProblemKind::ScaleEmpty {
                min: scale.min,
                max: scale.max,
            };
            f.push(Element::Reflection, "", None, kind);
        } else if !limits::scale_is_valid(scale.min, scale.max) {
            let kind = ProblemKind::ScaleTooLong {
                min: scale.min,
                max: scale.max,
            };
            f.push(Element::Reflection, "", None, kind);
        }
        let short = [scale.low_label.as_str(), &scale.high_label];
        f.texts(Element::Reflection, "", id, SHORT_TEXT, short);
        let summary = [reflection.summary.as_str()];
        f.texts(Element::Reflection, "", id, LONG_TEXT, summary);
        let dimensions = reflection.dimensions.len();
        f.count(Element::Dimension, "", dimensions, limits::MAX_ELEMENTS);
        for dimension in &reflection.dimensions {
            let (id, name) = (dimension.id.uuid(), dimension.name.as_str());
            f.id(Element::Dimension, name, id);
            f.texts(Element::Dimension, name, id, SHORT_TEXT, [name]);
        }
        let entries = reflection.entries.len();
        f.count(Element::ReflectionEntry, "", entries, limits::MAX_ELEMENTS);
        for entry in &reflection.entries {
            let (id, who) = (entry.id.uuid(), entry.who.as_str());
            f.id(Element::ReflectionEntry, who, id);
            f.texts(Element::ReflectionEntry, who, id, SHORT_TEXT, [who]);
            let comment = [entry.comment.as_str()];
            f.texts(Element::ReflectionEntry, who, id, LONG_TEXT, comment);
        }
        let dissent = reflection.dissent.len();
        f.count(Element::Dissent, "", dissent, limits::MAX_ELEMENTS);
        for d in &reflection.dissent {
            f.texts(Element::Dissent, &d.who, id, SHORT_TEXT, [d.who.as_str()]);
            let long = [d.statement.as_str(), &d.response];
            f.texts(Element::Dissent, &d.statement, id, LONG_TEXT, long);
        }
    }

    fn outcome_problems(&self, f: &mut Finder) {
        f.count(Element::Photo, "", self.photos.len(), limits::MAX_ELEMENTS);
        for photo in &self.photos {
            let (id, path) = (photo.id.uuid(), photo.path.as_str());
            f.id(Element::Photo, path, id);
            let short = [path, &photo.caption, &photo.photographer];
            f.texts(Element::Photo, path, id, SHORT_TEXT, short);
            if let Err(why) = check_photo_path(path) {
                f.push(Element::Photo, path, Some(id), ProblemKind::PhotoPath(why));
            }
        }
        f.count(
            Element::Result,
            "",
            self.results.len(),
            limits::MAX_ELEMENTS,
        );
        for result in &self.results {
            let (id, text) = (result.id.uuid(), result.text.as_str());
            f.id(Element::Result, text, id);
            f.texts(Element::Result, text, id, LONG_TEXT, [text]);
        }
        let actions = self.action_items.len();
        f.count(Element::ActionItem, "", actions, limits::MAX_ELEMENTS);
        for item in &self.action_items {
            let (id, title) = (item.id.uuid(), item.title.as_str());
            f.id(Element::ActionItem, title, id);
            let short = [title, &item.owner];
            f.texts(Element::ActionItem, title, id, SHORT_TEXT, short);
        }
        if let Some(next) = &self.next_meeting {
            let id = self.id.uuid();
            f.texts(
                Element::NextMeeting,
                "",
                id,
                SHORT_TEXT,
                [next.place.as_str()],
            );
            f.texts(
                Element::NextMeeting,
                "",
                id,
                LONG_TEXT,
                [next.note.as_str()],
            );
        }
    }
}
