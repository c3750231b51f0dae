//! A short, countable overview of a session: for `moderato check`, `summary --json` and the
//! session browser. No GUI code here.

use jiff::civil::Date;
use serde::Serialize;

use crate::session::Session;

/// Counts and key facts of a session. Serialises to the `summary --json` object.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub schema_version: u32,
    pub title: String,
    pub dates: Vec<Date>,
    pub location: String,
    pub participants: usize,
    pub organisations: usize,
    pub agenda_items: usize,
    pub planned_minutes: u32,
    /// Minutes actually spent on the items that were held (from the timing log).
    pub actual_minutes: u32,
    /// Held items that took longer than planned.
    pub items_over_time: usize,
    pub boards: usize,
    pub cards: usize,
    pub clusters: usize,
    pub votes: u64,
    pub reflection_entries: usize,
    pub reflection_dimensions: usize,
    pub photos: usize,
    pub results: usize,
    pub action_items: usize,
    pub next_meeting: Option<NextMeetingSummary>,
}

/// Dates and place of the next meeting.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NextMeetingSummary {
    pub dates: Vec<Date>,
    pub place: String,
}

impl Summary {
    /// Counts everything in a session.
    pub fn of(session: &Session) -> Self {
        // Only finished items count, and their time does not depend on "now".
        let (actual_minutes, items_over_time) =
            crate::agenda::timing::held(&session.agenda, jiff::Timestamp::now());
        Self {
            schema_version: session.schema_version,
            title: session.meta.title.clone(),
            dates: session.meta.dates.clone(),
            location: session.meta.location.clone(),
            participants: session.meta.participants.len(),
            organisations: session.organisations().len(),
            agenda_items: session.agenda.items().count(),
            planned_minutes: session.agenda.planned_minutes(),
            actual_minutes,
            items_over_time,
            boards: session.boards.len(),
            cards: session.boards.iter().map(|b| b.cards.len()).sum(),
            clusters: session.boards.iter().map(|b| b.clusters.len()).sum(),
            votes: session
                .boards
                .iter()
                .map(|b| u64::from(b.num_votes()))
                .sum(),
            reflection_entries: session.reflection.entries.len(),
            reflection_dimensions: session.reflection.dimensions.len(),
            photos: session.photos.len(),
            results: session.results.len(),
            action_items: session.action_items.len(),
            next_meeting: session
                .next_meeting
                .as_ref()
                .map(|next| NextMeetingSummary {
                    dates: next.dates.clone(),
                    place: next.place.clone(),
                }),
        }
    }

    /// The dates as a short range, e.g. `2017-11-23 – 2017-11-24`.
    pub fn date_range(&self) -> String {
        match (self.dates.first(), self.dates.last()) {
            (Some(first), Some(last)) if first != last => format!("{first} \u{2013} {last}"),
            (Some(first), _) => first.to_string(),
            _ => String::new(),
        }
    }
}
