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
    /// Per day: minutes planned and held, items over time.
    pub days: Vec<DaySummary>,
    /// Per board: its dots (on cards and on clusters) and each cluster's dots.
    pub board_dots: Vec<BoardDots>,
    /// Per reflection dimension: the pooled figures and, for a consolidation, each
    /// source's own.
    pub reflection: Vec<DimensionSummary>,
    /// For a consolidation: its sources, with their labels.
    pub sources: Vec<SourceSummary>,
    /// For a consolidation: where its sources disagree, each with every source's value and
    /// what the result kept.
    pub conflicts: Vec<crate::session::Conflict>,
}

/// A source of a consolidation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SourceSummary {
    pub id: crate::ids::SessionId,
    pub label: String,
    pub title: String,
    pub dates: Vec<Date>,
    pub location: String,
    pub folder: String,
}

/// One agenda day in figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DaySummary {
    pub date: Option<Date>,
    pub planned_minutes: i64,
    pub held_minutes: i64,
    pub items_over_time: usize,
}

/// A board's dots: on its cards and clusters together, and per cluster (the cluster's own
/// dots and its cards').
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BoardDots {
    pub board: String,
    pub dots: u64,
    pub clusters: Vec<ClusterDots>,
}

/// A cluster's dots.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClusterDots {
    pub cluster: String,
    pub dots: u64,
}

/// One reflection dimension in figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DimensionSummary {
    pub dimension: String,
    pub n: usize,
    pub mean: Option<f64>,
    pub positive_share: f64,
    /// Each source's own figures ("W1", …); empty outside a consolidation.
    pub sources: Vec<SourceDimension>,
}

/// One source's figures on a dimension.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SourceDimension {
    pub source: String,
    pub n: usize,
    pub mean: Option<f64>,
    pub positive_share: f64,
}

/// Dates and place of the next meeting.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NextMeetingSummary {
    pub dates: Vec<Date>,
    pub place: String,
}

impl Summary {
    /// Counts everything in a session; `now` times items still running (finished items do
    /// not depend on it).
    pub fn of(session: &Session, now: jiff::Timestamp) -> Self {
        let held = crate::agenda::figures::agenda(&session.agenda, now);
        Self {
            schema_version: session.schema_version,
            title: session.meta.title.clone(),
            dates: session.meta.dates.clone(),
            location: session.meta.location.clone(),
            participants: session.meta.participants.len(),
            organisations: session.organisations().len(),
            agenda_items: session.agenda.items().count(),
            planned_minutes: session.agenda.planned_minutes(),
            actual_minutes: u32::try_from(held.held_minutes.max(0)).unwrap_or(u32::MAX),
            items_over_time: held.items_over_time,
            boards: session.boards.len(),
            cards: session.boards.iter().map(|b| b.cards.len()).sum(),
            clusters: session.boards.iter().map(|b| b.clusters.len()).sum(),
            votes: session.boards.iter().map(|b| b.num_votes()).sum(),
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
            days: session
                .agenda
                .days
                .iter()
                .map(|day| {
                    let totals = crate::agenda::figures::day(day, now);
                    DaySummary {
                        date: day.date,
                        planned_minutes: totals.planned_minutes,
                        held_minutes: totals.held_minutes,
                        items_over_time: totals.items_over_time,
                    }
                })
                .collect(),
            board_dots: session.boards.iter().map(board_dots).collect(),
            reflection: reflection(session),
            sources: session
                .provenance
                .iter()
                .flat_map(|p| {
                    p.sources.iter().map(move |s| SourceSummary {
                        id: s.id,
                        label: p.label(s.id).unwrap_or_default(),
                        title: s.title.clone(),
                        dates: s.dates.clone(),
                        location: s.location.clone(),
                        folder: s.path.clone(),
                    })
                })
                .collect(),
            conflicts: session
                .provenance
                .as_ref()
                .map(|p| p.conflicts.clone())
                .unwrap_or_default(),
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

fn board_dots(board: &crate::board::Board) -> BoardDots {
    BoardDots {
        board: board.title.clone(),
        dots: board.num_votes(),
        clusters: board
            .clusters
            .iter()
            .map(|cluster| ClusterDots {
                cluster: cluster.title.clone(),
                dots: board.cluster_votes(cluster),
            })
            .collect(),
    }
}

fn reflection(session: &Session) -> Vec<DimensionSummary> {
    let figures = crate::reflection::figures::figures(session);
    figures
        .pooled
        .iter()
        .enumerate()
        .map(|(i, pooled)| DimensionSummary {
            dimension: pooled.name.clone(),
            n: pooled.count,
            mean: pooled.mean,
            positive_share: pooled.positive_share,
            sources: figures
                .by_source
                .iter()
                .filter_map(|source| {
                    let own = source.dimensions.get(i)?;
                    Some(SourceDimension {
                        source: source.label.clone(),
                        n: own.count,
                        mean: own.mean,
                        positive_share: own.positive_share,
                    })
                })
                .collect(),
        })
        .collect()
}
