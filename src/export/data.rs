//! Everything the report prints, already in words and numbers, built once from the session.

use serde::Serialize;

use super::board::{BoardData, board_data};
use crate::agenda::timing::{self, ItemState, ItemTimer};
use crate::i18n::{self, Lang, R, fill};
use crate::model::{PhotoLink, Session};
use crate::reflection::stats;

/// Everything the template prints, already in words.
#[derive(Debug, Serialize)]
pub struct ReportData {
    pub lang: &'static str,
    pub labels: Labels,
    pub kind: String,
    pub title: String,
    pub series: String,
    pub facts: Vec<(String, String)>,
    pub sources: Vec<String>,
    pub agenda: Vec<DayData>,
    pub boards: Vec<BoardData>,
    pub results: Vec<String>,
    pub actions: Vec<ActionData>,
    pub next: Option<String>,
    pub notes: String,
    pub reflection: ReflectionData,
    pub photos: Vec<PhotoData>,
    /// Photos that could not be printed, each with its reason (filled in by the PDF export).
    pub photos_left_out: Vec<String>,
    pub credits: String,
}

#[derive(Debug, Serialize)]
pub struct Labels {
    pub page: &'static str,
    pub of: &'static str,
    pub sources: &'static str,
    pub agenda: &'static str,
    pub time: &'static str,
    pub item: &'static str,
    pub method: &'static str,
    pub planned: &'static str,
    pub held: &'static str,
    pub boards: &'static str,
    pub unclustered: &'static str,
    pub results: &'static str,
    pub decisions: &'static str,
    pub actions: &'static str,
    pub task: &'static str,
    pub owner: &'static str,
    pub due: &'static str,
    pub status: &'static str,
    pub next: &'static str,
    pub notes: &'static str,
    pub reflection: &'static str,
    pub comments: &'static str,
    pub dissent: &'static str,
    pub summary: &'static str,
    pub photos: &'static str,
    pub photos_left_out: &'static str,
}

#[derive(Debug, Serialize)]
pub struct DayData {
    pub heading: String,
    pub items: Vec<ItemData>,
    pub total: String,
}

#[derive(Debug, Serialize)]
pub struct ItemData {
    pub time: String,
    pub title: String,
    pub method: String,
    pub planned: String,
    pub held: String,
    pub diff: String,
    pub over: bool,
}

#[derive(Debug, Serialize)]
pub struct ActionData {
    pub title: String,
    pub owner: String,
    pub due: String,
    pub status: String,
}

#[derive(Debug, Serialize)]
pub struct ReflectionData {
    pub count: usize,
    pub dimensions: Vec<DimensionData>,
    pub comments: Vec<String>,
    pub dissent: Vec<String>,
    pub summary: String,
}

#[derive(Debug, Serialize)]
pub struct DimensionData {
    pub name: String,
    /// Value, count, share of the largest count (for the bar's length).
    pub bars: Vec<(String, usize, f32)>,
    pub line: String,
    pub verdict: String,
}

#[derive(Debug, Serialize)]
pub struct PhotoData {
    /// Path inside the report's virtual file system.
    pub file: String,
    pub caption: String,
    #[serde(skip)]
    pub source: String,
}

/// Builds the report's data. `now` only matters for items still running.
pub fn report_data(session: &Session, lang: Lang, now: jiff::Timestamp) -> ReportData {
    let r = |key: R| key.get(lang);
    let meta = &session.meta;
    let source_of = |id: uuid::Uuid| -> String {
        let Some(provenance) = &session.provenance else {
            return String::new();
        };
        let Some(origin) = provenance.origins.get(&id) else {
            return String::new();
        };
        provenance
            .sources
            .iter()
            .find(|s| s.id == *origin)
            .map(|s| format!(" ({})", s.title))
            .unwrap_or_default()
    };
    let dates: Vec<String> = meta.dates.iter().map(|d| i18n::date(*d, lang)).collect();
    let mut facts = Vec::new();
    let mut fact = |label: &str, value: String| {
        if !value.trim().is_empty() {
            facts.push((label.to_owned(), value));
        }
    };
    fact(r(R::Dates), dates.join(", "));
    fact(r(R::Place), meta.location.clone());
    fact(r(R::Organiser), meta.organiser.clone());
    fact(r(R::Moderators), meta.moderators.join(", "));
    fact(
        r(R::Participants),
        format!(
            "{} ({})",
            meta.participants.len(),
            session.organisations().join(", ")
        ),
    );

    let agenda = session
        .agenda
        .days
        .iter()
        .enumerate()
        .map(|(index, day)| {
            let slots = timing::day_slots(day);
            let mut planned_total = 0;
            let mut held_total = 0;
            let items = day
                .items
                .iter()
                .zip(&slots)
                .map(|(item, slot)| {
                    let timer = ItemTimer::of(item, now);
                    planned_total += i64::from(item.planned_minutes);
                    let (held, diff, over) = if timer.state == ItemState::Done {
                        let actual = (timer.elapsed.as_secs() + 30) / 60;
                        held_total += actual;
                        let diff = actual - i64::from(item.planned_minutes);
                        (format!("{actual} min"), format!("{diff:+}"), diff > 0)
                    } else {
                        (String::new(), String::new(), false)
                    };
                    ItemData {
                        time: format!(
                            "{}–{}",
                            timing::format_minutes(slot.start_min),
                            timing::format_minutes(slot.end_min)
                        ),
                        title: format!("{}{}", item.title, source_of(item.id.uuid())),
                        method: i18n::method_text(item.method, lang).to_owned(),
                        planned: format!("{} min", item.planned_minutes),
                        held,
                        diff,
                        over,
                    }
                })
                .collect();
            let date = day.date.map(|d| i18n::date(d, lang)).unwrap_or_default();
            let total = if held_total > 0 {
                fill(
                    r(R::PlannedAndHeldMinutes),
                    &[&planned_total.to_string(), &held_total.to_string()],
                )
            } else {
                fill(r(R::PlannedMinutes), &[&planned_total.to_string()])
            };
            DayData {
                heading: fill(r(R::DayHeading), &[&(index + 1).to_string(), &date]),
                items,
                total,
            }
        })
        .collect();

    let boards = session
        .boards
        .iter()
        .filter(|b| !b.cards.is_empty())
        .enumerate()
        .map(|(n, board)| {
            let too_many = |n: usize| {
                let count = i18n::count(i64::try_from(n).unwrap_or(i64::MAX), lang);
                fill(r(R::BoardNotDrawn), &[&count])
            };
            board_data(board, n == 0, &source_of, &too_many)
        })
        .collect();

    let results = session
        .results
        .iter()
        .map(|r| format!("{}{}", r.text, source_of(r.id.uuid())))
        .collect();
    let actions = session
        .action_items
        .iter()
        .map(|a| ActionData {
            title: format!("{}{}", a.title, source_of(a.id.uuid())),
            owner: a.owner.clone(),
            due: i18n::due_text(a.due, lang),
            status: i18n::status_text(a.status, lang).to_owned(),
        })
        .collect();
    let next = session.next_meeting.as_ref().map(|n| {
        let dates: Vec<String> = n.dates.iter().map(|d| i18n::date(*d, lang)).collect();
        let mut text = format!("{}, {}", dates.join(" / "), n.place);
        if !n.note.is_empty() {
            text.push_str(&format!(" – {}", n.note));
        }
        text
    });

    let reflection = &session.reflection;
    let stats = stats::stats(reflection);
    let dimensions = stats
        .iter()
        .map(|s| {
            let most = s
                .distribution
                .iter()
                .map(|(_, n)| *n)
                .max()
                .unwrap_or(0)
                .max(1);
            DimensionData {
                name: s.name.clone(),
                bars: s
                    .distribution
                    .iter()
                    .map(|(v, n)| (v.to_string(), *n, *n as f32 / most as f32))
                    .collect(),
                line: fill(
                    r(R::MeanLine),
                    &[
                        &s.mean
                            .map_or_else(|| "–".to_owned(), |m| i18n::decimal(m, 1, lang)),
                        &(s.positive_share * 100.0).round().to_string(),
                        &s.count.to_string(),
                    ],
                ),
                verdict: i18n::verdict_text(s.verdict, lang).to_owned(),
            }
        })
        .collect();
    let comments = reflection
        .entries
        .iter()
        .filter(|e| !e.comment.trim().is_empty())
        .map(|e| {
            if reflection.is_anonymous || e.who.is_empty() {
                e.comment.clone()
            } else {
                format!("{}: {}", e.who, e.comment)
            }
        })
        .collect();
    let dissent = reflection
        .dissent
        .iter()
        .map(|x| {
            let who = if reflection.is_anonymous {
                String::new()
            } else {
                format!("{}: ", x.who)
            };
            let about = x
                .agenda_item
                .and_then(|id| session.agenda.item(id))
                .map(|i| format!(" ({})", i.title))
                .unwrap_or_default();
            let response = if x.response.is_empty() {
                String::new()
            } else {
                format!(" – {}", x.response)
            };
            format!("{who}{}{about}{response}", x.statement)
        })
        .collect();

    let photos = session
        .photos
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let belongs = match p.link {
                Some(PhotoLink::AgendaItem(id)) => session.agenda.item(id).map(|i| i.title.clone()),
                Some(PhotoLink::Board(id)) => session.board(id).map(|b| b.title.clone()),
                Some(PhotoLink::Cluster(id)) => session
                    .boards
                    .iter()
                    .find_map(|b| b.cluster(id))
                    .map(|c| c.title.clone()),
                None => None,
            };
            let mut caption = p.caption.clone();
            if let Some(belongs) = belongs {
                caption.push_str(&format!(" ({belongs})"));
            }
            if !p.photographer.is_empty() {
                caption.push_str(&format!(" – {}", fill(r(R::PhotoBy), &[&p.photographer])));
            }
            caption.push_str(&source_of(p.id.uuid()));
            PhotoData {
                file: format!("/photos/{n}.jpg"),
                caption,
                source: p.path.clone(),
            }
        })
        .collect();

    let mut credits = Vec::new();
    if !meta.credits.text.is_empty() {
        credits.push(fill(r(R::CreditsText), &[&meta.credits.text.join(", ")]));
    }
    if !meta.credits.photos.is_empty() {
        credits.push(fill(
            r(R::CreditsPhotos),
            &[&meta.credits.photos.join(", ")],
        ));
    }
    let sources = session
        .provenance
        .as_ref()
        .map(|p| {
            p.sources
                .iter()
                .map(|s| {
                    let dates: Vec<String> = s.dates.iter().map(|d| i18n::date(*d, lang)).collect();
                    format!("{} ({})", s.title, dates.join(", "))
                })
                .collect()
        })
        .unwrap_or_default();

    ReportData {
        lang: lang.code(),
        labels: labels(lang),
        kind: if session.provenance.is_some() {
            r(R::ConsolidatedDocumentation)
        } else {
            r(R::Documentation)
        }
        .to_owned(),
        title: meta.title.clone(),
        series: meta.series.clone(),
        facts,
        sources,
        agenda,
        boards,
        results,
        actions,
        next,
        notes: session.notes.clone(),
        reflection: ReflectionData {
            count: reflection.entries.len(),
            dimensions,
            comments,
            dissent,
            summary: reflection.summary.clone(),
        },
        photos,
        photos_left_out: Vec::new(),
        credits: credits.join(" | "),
    }
}

fn labels(lang: Lang) -> Labels {
    let r = |key: R| key.get(lang);
    Labels {
        page: r(R::Page),
        of: r(R::Of),
        sources: r(R::Sources),
        agenda: r(R::Agenda),
        time: r(R::Time),
        item: r(R::Item),
        method: r(R::Method),
        planned: r(R::Planned),
        held: r(R::Held),
        boards: r(R::Boards),
        unclustered: r(R::OtherCards),
        results: r(R::ResultsAndNextSteps),
        decisions: r(R::ResultsAndDecisions),
        actions: r(R::NextTasks),
        task: r(R::Task),
        owner: r(R::Owner),
        due: r(R::Due),
        status: r(R::Status),
        next: r(R::NextMeeting),
        notes: r(R::Notes),
        reflection: r(R::Reflection),
        comments: r(R::Comments),
        dissent: r(R::Dissent),
        summary: r(R::Summary),
        photos: r(R::Photos),
        photos_left_out: r(R::PhotosLeftOut),
    }
}
