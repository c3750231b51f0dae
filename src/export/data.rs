//! Everything the report prints, already in words and numbers, built once from the session.
//! For a consolidation, each source has a short label ("W1") explained once at the start;
//! an element carries labels only where it came from a source the section does not name.

use std::collections::BTreeMap;

use serde::Serialize;

use super::board::{BoardData, board_data};
use super::sections::{self, Block, Figures, Place};
use crate::agenda::{figures, timing};
use crate::i18n::{self, Lang, R, fill};
use crate::results::Due;
use crate::session::Session;

/// Everything the template prints, already in words.
#[derive(Debug, Serialize)]
pub struct ReportData {
    /// The report's language, and the language of the session's own texts (for hyphenation).
    pub lang: &'static str,
    pub content_lang: &'static str,
    pub labels: BTreeMap<&'static str, &'static str>,
    pub kind: String,
    pub title: String,
    /// The title as the title page sets it: broken after a dash or colon where it is long.
    pub title_lines: Vec<String>,
    /// The series, unless it is the title already.
    pub series: String,
    /// Said on the title page when the session's texts are in another language than the
    /// report's words ("Inhalte in englischer Sprache"); empty otherwise.
    pub content_note: String,
    pub facts: Vec<(String, String)>,
    /// For a consolidation: each source's label and name.
    pub legend: Vec<(String, String)>,
    pub introduction: Vec<Block>,
    pub agenda: Vec<DayData>,
    pub boards: Vec<BoardData>,
    /// Photos of each board, in the order of `boards`.
    pub board_photos: Vec<Vec<PhotoData>>,
    pub results: Vec<String>,
    pub actions: Vec<ActionData>,
    /// When every task is due alike, said once instead of in every row.
    pub actions_due: Option<String>,
    pub results_photos: Vec<PhotoData>,
    pub next: Option<NextData>,
    pub notes: Vec<Block>,
    pub reflection: ReflectionData,
    /// Photos that belong to nothing in particular.
    pub photos: Vec<PhotoData>,
    /// Photos that could not be printed, each with its reason (filled in by the PDF export).
    pub photos_left_out: Vec<String>,
    /// For a consolidation: where its sources disagree, one sentence each.
    pub conflicts: Vec<String>,
    pub imprint: Vec<(String, String)>,
}

#[derive(Debug, Serialize)]
pub struct DayData {
    pub heading: String,
    pub items: Vec<ItemData>,
    pub total: String,
    pub photos: Vec<PhotoData>,
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
    /// The speaking round held in the item, in one line ("" without one).
    pub round: String,
    /// What came out of the item ("" without).
    pub outcome: String,
}

#[derive(Debug, Serialize)]
pub struct ActionData {
    pub title: String,
    pub owner: String,
    pub due: String,
    pub status: String,
}

#[derive(Debug, Serialize)]
pub struct NextData {
    pub when: String,
    pub place: String,
    pub note: Vec<Block>,
}

#[derive(Debug, Serialize)]
pub struct ReflectionData {
    pub count: usize,
    pub figures: Figures,
    pub comments: Vec<String>,
    pub dissent: Vec<String>,
    pub summary: Vec<Block>,
    pub photos: Vec<PhotoData>,
}

#[derive(Debug, Serialize)]
pub struct PhotoData {
    /// Path inside the report's virtual file system.
    pub file: String,
    pub caption: String,
    /// Said instead of the picture, by a screen reader.
    pub alt: String,
    #[serde(skip)]
    pub source: String,
}

impl ReportData {
    /// Every list of photos in the report, in the report's order.
    pub fn photo_lists(&mut self) -> Vec<&mut Vec<PhotoData>> {
        let mut lists: Vec<&mut Vec<PhotoData>> =
            self.agenda.iter_mut().map(|d| &mut d.photos).collect();
        lists.extend(self.board_photos.iter_mut());
        lists.push(&mut self.results_photos);
        lists.push(&mut self.reflection.photos);
        lists.push(&mut self.photos);
        lists
    }
}

/// The labels of the sources an element came from, as printed after it (" [W1]"); empty
/// outside a consolidation, and for what every source had (the legend says so once, instead
/// of "[W1, W2]" on every line).
fn labels_of(session: &Session, id: uuid::Uuid) -> String {
    session
        .provenance
        .as_ref()
        .filter(|p| p.sessions_of(id).len() < p.sources.len())
        .map(|p| p.labels_of(id))
        .filter(|l| !l.is_empty())
        .map(|l| format!(" [{l}]"))
        .unwrap_or_default()
}

/// Builds the report's data. `now` dates the report and times items still running.
pub fn report_data(session: &Session, lang: Lang, now: jiff::Timestamp) -> ReportData {
    let meta = &session.meta;
    let source_of = |id: uuid::Uuid| labels_of(session, id);
    let printed: Vec<&crate::board::Board> = session
        .boards
        .iter()
        .filter(|b| !b.cards.is_empty())
        .collect();
    let printed_ids: Vec<_> = printed.iter().map(|b| b.id).collect();
    let mut placed = photos_by_place(session, lang, &printed_ids);
    let mut take = |place: Place| placed.remove(&format!("{place:?}")).unwrap_or_default();
    let agenda = agenda_data(session, lang, now, &mut take);
    let mut boards: Vec<BoardData> = printed
        .iter()
        .enumerate()
        .map(|(n, board)| {
            let too_many = |n: usize| {
                let count = i18n::count(i64::try_from(n).unwrap_or(i64::MAX), lang);
                fill(R::BoardNotDrawn.get(lang), &[&count])
            };
            let untyped = |n: usize| match n {
                1 => R::CardPictureOnly.get(lang).to_owned(),
                n => fill(
                    R::CardsPictureOnly.get(lang),
                    &[&i18n::count(n as i64, lang)],
                ),
            };
            let mut data = board_data(board, n == 0, &source_of, &too_many, &untyped);
            data.alt = board_alt(board, data.numbered, lang);
            data.lists_heading = fill(R::CardsOfBoard.get(lang), &[&board.title]);
            data
        })
        .collect();
    super::board::fit_lists(&mut boards, &|listed, total| {
        let count = |n: usize| i18n::count(i64::try_from(n).unwrap_or(i64::MAX), lang);
        fill(R::ListCut.get(lang), &[&count(listed), &count(total)])
    });
    let board_photos = (0..boards.len()).map(|n| take(Place::Board(n))).collect();
    let (actions, actions_due) = actions_data(session, lang);
    let reflection = reflection_data(session, lang, take(Place::Reflection));
    let results_photos = take(Place::Results);
    let photos = take(Place::End);
    let kind = match &session.provenance {
        Some(p) => fill(R::ConsolidatedOf.get(lang), &[&p.sources.len().to_string()]),
        None => R::Documentation.get(lang).to_owned(),
    };
    ReportData {
        lang: lang.code(),
        content_lang: Lang::of_content(&meta.language).code(),
        labels: labels(lang),
        kind,
        title: meta.title.clone(),
        title_lines: title_lines(&meta.title),
        content_note: content_note(session, lang),
        series: if meta.series.trim() == meta.title.trim() {
            String::new()
        } else {
            meta.series.clone()
        },
        facts: facts(session, lang),
        legend: legend(session, lang),
        introduction: sections::blocks(&meta.introduction),
        agenda,
        boards,
        board_photos,
        results: session
            .results
            .iter()
            .map(|x| format!("{}{}", x.text, source_of(x.id.uuid())))
            .collect(),
        actions,
        actions_due,
        results_photos,
        next: session.next_meeting.as_ref().map(|n| NextData {
            when: i18n::date_range(&n.dates, lang),
            place: n.place.clone(),
            note: sections::blocks(&n.note),
        }),
        notes: sections::blocks(&session.notes),
        reflection,
        photos,
        photos_left_out: Vec::new(),
        conflicts: i18n::shown_conflicts(session)
            .into_iter()
            .map(|c| i18n::conflict_line(c, session, lang))
            .collect(),
        imprint: imprint(session, lang, now),
    }
}

/// The title page's facts: dates, place, organiser, moderators, participants.
fn facts(session: &Session, lang: Lang) -> Vec<(String, String)> {
    let r = |key: R| key.get(lang);
    let meta = &session.meta;
    let participants = participants_line(session, lang);
    [
        (R::Dates, i18n::date_range(&meta.dates, lang)),
        (R::Place, meta.location.clone()),
        (R::Organiser, meta.organiser.clone()),
        (R::Moderators, meta.moderators.join(", ")),
        (R::Participants, participants),
    ]
    .into_iter()
    .filter(|(_, value)| !value.trim().is_empty())
    .map(|(label, value)| (r(label).to_owned(), value))
    .collect()
}

/// A long title broken where a reader pauses: after a dash or a colon that has a good part
/// of the title on each side ("… in Kommunen –" / "2. Workshop der Modellkommunen").
fn title_lines(title: &str) -> Vec<String> {
    const LONG: usize = 40;
    let title = title.trim();
    let length = title.chars().count();
    if length <= LONG {
        return vec![title.to_owned()];
    }
    let breaks = [" \u{2013} ", " \u{2014} ", " - ", ": "];
    let best = breaks
        .iter()
        .flat_map(|mark| {
            title
                .match_indices(mark)
                .map(move |(at, m)| (at, m.len(), *mark))
        })
        .filter(|(at, _, _)| {
            let before = title[..*at].chars().count();
            before >= length / 4 && length - before >= length / 4
        })
        .min_by_key(|(at, _, _)| title[..*at].chars().count().abs_diff(length / 2));
    match best {
        Some((at, len, mark)) => {
            // The dash or colon stays at the end of the first line.
            let keep = mark.trim_end().len();
            vec![
                title[..at + keep].trim().to_owned(),
                title[at + len..].trim().to_owned(),
            ]
        }
        None => vec![title.to_owned()],
    }
}

/// The alt text of a board's picture: its cards' texts (the first forty, shortened), or,
/// when the picture shows numbers, where the texts are.
fn board_alt(board: &crate::board::Board, numbered: bool, lang: Lang) -> String {
    const LISTED: usize = 40;
    let count = board.cards.len().to_string();
    if numbered {
        return fill(R::BoardAltNumbered.get(lang), &[&board.title, &count]);
    }
    let texts: Vec<String> = board
        .cards
        .iter()
        .take(LISTED)
        .map(|c| crate::session::limits::label(&c.text))
        .collect();
    let mut alt = fill(
        R::BoardAlt.get(lang),
        &[&board.title, &count, &texts.join("; ")],
    );
    if board.cards.len() > LISTED {
        let more = (board.cards.len() - LISTED).to_string();
        alt.push_str(&fill(R::BoardAltMore.get(lang), &[&more]));
    }
    alt
}

/// The content's language named in the report's, when the two differ.
fn content_note(session: &Session, lang: Lang) -> String {
    let content = Lang::of_content(&session.meta.language);
    if content == lang {
        return String::new();
    }
    match content {
        Lang::De => R::ContentInGerman.get(lang).to_owned(),
        Lang::En => R::ContentInEnglish.get(lang).to_owned(),
    }
}

/// "10 Personen aus 7 Organisationen: …", as a reader counts them; empty without any.
fn participants_line(session: &Session, lang: Lang) -> String {
    let people = session.meta.participants.len();
    let organisations = session.organisations();
    let names = organisations.join(", ");
    let people_text = people.to_string();
    match (people, organisations.len()) {
        (0, _) => String::new(),
        (1, 0) => R::OnePerson.get(lang).to_owned(),
        (1, _) => fill(R::OnePersonFrom.get(lang), &[&names]),
        (_, 0) => fill(R::People.get(lang), &[&people_text]),
        (_, 1) => fill(
            R::PeopleFromOneOrganisation.get(lang),
            &[&people_text, &names],
        ),
        (_, n) => fill(
            R::PeopleFromOrganisations.get(lang),
            &[&people_text, &n.to_string(), &names],
        ),
    }
}

/// A consolidation's sources, each told apart from the others, and what carries no label.
fn legend(session: &Session, lang: Lang) -> Vec<(String, String)> {
    let Some(provenance) = &session.provenance else {
        return Vec::new();
    };
    let mut legend = i18n::source_legend(provenance, lang);
    if provenance.sources.len() > 1 {
        legend.push((String::new(), R::UnlabelledFromAll.get(lang).to_owned()));
    }
    legend
}

/// Every photo with its caption, credit and alt text, by the place it stands in the report.
fn photos_by_place(
    session: &Session,
    lang: Lang,
    printed_ids: &[crate::ids::BoardId],
) -> BTreeMap<String, Vec<PhotoData>> {
    let mut placed: BTreeMap<String, Vec<PhotoData>> = BTreeMap::new();
    for (n, photo) in session.photos.iter().enumerate() {
        let place = sections::place_of(session, printed_ids, photo.link);
        let belongs = belongs_to(session, photo.link);
        let mut caption = photo.caption.trim().to_owned();
        if !photo.photographer.is_empty() {
            let by = fill(R::PhotoBy.get(lang), &[&photo.photographer]);
            caption = if caption.is_empty() {
                by
            } else {
                format!("{caption} \u{2013} {by}")
            };
        }
        caption.push_str(&labels_of(session, photo.id.uuid()));
        // What the photo shows beyond its caption: what it belongs to. Never a file name.
        let about =
            (!belongs.trim().is_empty()).then(|| fill(R::PhotoAbout.get(lang), &[belongs.trim()]));
        let alt = match (photo.caption.trim(), about) {
            ("", Some(about)) => about,
            ("", None) => R::PhotoUndescribed.get(lang).to_owned(),
            (caption, Some(about)) if caption.split_whitespace().count() <= 4 => {
                format!("{caption}. {about}")
            }
            (caption, _) => caption.to_owned(),
        };
        placed
            .entry(format!("{place:?}"))
            .or_default()
            .push(PhotoData {
                file: format!("/photos/{n}.jpg"),
                caption,
                alt,
                source: photo.path.clone(),
            });
    }
    placed
}

/// The tasks' rows, and the due date said once when every task has the same.
fn actions_data(session: &Session, lang: Lang) -> (Vec<ActionData>, Option<String>) {
    let dues: Vec<Due> = session.action_items.iter().map(|a| a.due).collect();
    let same_due = dues.windows(2).all(|w| w[0] == w[1]) && dues.len() > 1;
    let actions = session
        .action_items
        .iter()
        .map(|a| ActionData {
            title: format!("{}{}", a.title, labels_of(session, a.id.uuid())),
            owner: a.owner.clone(),
            due: if same_due {
                String::new()
            } else {
                i18n::due_text(a.due, lang)
            },
            status: i18n::status_with_sources(a, session, lang),
        })
        .collect();
    let actions_due = same_due
        .then(|| dues.first().copied())
        .flatten()
        .map(|due| match due {
            Due::NextMeeting => R::AllDueNextMeeting.get(lang).to_owned(),
            Due::On(date) => fill(R::AllDueOn.get(lang), &[&i18n::long_date(date, lang)]),
            Due::Open => R::AllDueOpen.get(lang).to_owned(),
        });
    (actions, actions_due)
}

/// The imprint: publisher, text and photo credits, the report's date.
fn imprint(session: &Session, lang: Lang, now: jiff::Timestamp) -> Vec<(String, String)> {
    let meta = &session.meta;
    // Everyone credited for photos, and every photographer of a photo in the report.
    let mut photographers: Vec<&str> = Vec::new();
    let named = meta.credits.photos.iter().map(String::as_str);
    for name in named.chain(session.photos.iter().map(|p| p.photographer.as_str())) {
        let name = name.trim();
        if !name.is_empty() && !photographers.contains(&name) {
            photographers.push(name);
        }
    }
    [
        (R::Publisher, meta.publisher.clone()),
        (R::TextBy, meta.credits.text.join(", ")),
        (R::PhotosBy, photographers.join(", ")),
        (
            R::ReportDate,
            i18n::long_date(now.to_zoned(jiff::tz::TimeZone::UTC).date(), lang),
        ),
    ]
    .into_iter()
    .filter(|(_, value)| !value.trim().is_empty())
    .map(|(label, value)| (label.get(lang).to_owned(), value))
    .collect()
}

/// What a photo belongs to, in words (for its alt text).
fn belongs_to(session: &Session, link: Option<crate::photos::PhotoLink>) -> String {
    use crate::photos::PhotoLink;
    match link {
        Some(PhotoLink::AgendaItem(id)) => session.agenda.item(id).map(|i| i.title.clone()),
        Some(PhotoLink::Board(id)) => session.board(id).map(|b| {
            if b.question.is_empty() {
                b.title.clone()
            } else {
                format!("{}: {}", b.title, b.question)
            }
        }),
        Some(PhotoLink::Cluster(id)) => session
            .boards
            .iter()
            .find_map(|b| b.cluster(id))
            .map(|c| c.title.clone()),
        None => None,
    }
    .unwrap_or_default()
}

fn agenda_data(
    session: &Session,
    lang: Lang,
    now: jiff::Timestamp,
    take: &mut dyn FnMut(Place) -> Vec<PhotoData>,
) -> Vec<DayData> {
    let r = |key: R| key.get(lang);
    // A consolidation's days are headed by their workshop and numbered within it.
    let mut day_of_source: BTreeMap<String, usize> = BTreeMap::new();
    let mut days = Vec::new();
    for (index, day) in session.agenda.days.iter().enumerate() {
        let slots = timing::day_slots(day);
        let totals = figures::day(day, now);
        let items = day
            .items
            .iter()
            .zip(&slots)
            .map(|(item, slot)| {
                let (held, diff, over) = match figures::held(item, now) {
                    Some(held) => (
                        fill(r(R::Minutes), &[&held.minutes.to_string()]),
                        i18n::signed(held.diff()),
                        held.is_over(),
                    ),
                    None => (String::new(), String::new(), false),
                };
                ItemData {
                    time: format!(
                        "{}\u{2013}{}",
                        timing::format_minutes(slot.start_min),
                        timing::format_minutes(slot.end_min)
                    ),
                    title: item.title.clone(),
                    method: i18n::method_text(item.method, lang).to_owned(),
                    planned: fill(r(R::Minutes), &[&item.planned_minutes.to_string()]),
                    held,
                    diff,
                    over,
                    outcome: item.outcome.trim().to_owned(),
                    round: item.round.as_ref().map_or(String::new(), |round| {
                        let t = round.totals(now);
                        let secs = t.total.as_secs();
                        let line = fill(
                            r(R::RoundLine),
                            &[
                                &t.speakers.to_string(),
                                &(secs / 60).to_string(),
                                &(secs % 60).to_string(),
                            ],
                        );
                        match t.overran {
                            0 => line,
                            1 => format!("{line}{}", r(R::RoundOverranOne)),
                            n => format!("{line}{}", fill(r(R::RoundOverran), &[&n.to_string()])),
                        }
                    }),
                }
            })
            .collect();
        let date = day
            .date
            .map(|d| i18n::long_date(d, lang))
            .unwrap_or_default();
        let total = if totals.items_held > 0 {
            fill(
                r(R::PlannedAndHeldMinutes),
                &[
                    &totals.planned_minutes.to_string(),
                    &totals.held_minutes.to_string(),
                ],
            )
        } else {
            fill(r(R::PlannedMinutes), &[&totals.planned_minutes.to_string()])
        };
        let heading = match labels_of(session, day.id.uuid()).trim() {
            "" => fill(r(R::DayHeading), &[&(index + 1).to_string(), &date]),
            label => {
                let label = label.trim_matches(['[', ']']).to_owned();
                let number = day_of_source.entry(label.clone()).or_default();
                *number += 1;
                fill(
                    r(R::SourceDayHeading),
                    &[&label, &number.to_string(), &date],
                )
            }
        };
        days.push(DayData {
            heading,
            items,
            total,
            photos: take(Place::Day(index)),
        });
    }
    days
}

fn reflection_data(session: &Session, lang: Lang, photos: Vec<PhotoData>) -> ReflectionData {
    let reflection = &session.reflection;
    let statements: Vec<String> = reflection
        .dissent
        .iter()
        .map(|d| crate::text::normalise(&d.statement))
        .collect();
    // A comment that is a dissent already is printed there, not twice.
    let comments = sections::once_each(
        reflection
            .entries
            .iter()
            .filter(|e| !e.comment.trim().is_empty())
            .filter(|e| {
                let comment = crate::text::normalise(&e.comment);
                !statements
                    .iter()
                    .any(|s| !s.is_empty() && comment.contains(s.as_str()))
            })
            .map(|e| {
                let text = if reflection.is_anonymous || e.who.is_empty() {
                    e.comment.clone()
                } else {
                    format!("{}: {}", e.who, e.comment)
                };
                let label = labels_of(session, e.id.uuid());
                (text, label.trim().trim_matches(['[', ']']).to_owned())
            }),
    );
    let dissent = reflection
        .dissent
        .iter()
        .map(|x| {
            let who = if reflection.is_anonymous || x.who.trim().is_empty() {
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
                format!(" \u{2013} {}", x.response)
            };
            format!("{who}{}{about}{response}", x.statement)
        })
        .collect();
    ReflectionData {
        count: reflection.entries.len(),
        figures: sections::figures(session, lang),
        comments,
        dissent,
        summary: sections::blocks(&reflection.summary),
        photos,
    }
}

fn labels(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    [
        ("page", R::Page),
        ("card_picture", R::CardPictureAlt),
        ("of", R::Of),
        ("sources", R::Sources),
        ("introduction", R::Introduction),
        ("contents", R::Contents),
        ("agenda", R::Agenda),
        ("time", R::PlannedTime),
        ("item", R::Item),
        ("method", R::Method),
        ("planned", R::Planned),
        ("held", R::Held),
        ("outcome", R::Outcome),
        ("boards", R::Boards),
        ("unclustered", R::OtherCards),
        ("results", R::ResultsAndNextSteps),
        ("decisions", R::ResultsAndDecisions),
        ("actions", R::NextTasks),
        ("task", R::Task),
        ("owner", R::Owner),
        ("due", R::Due),
        ("status", R::Status),
        ("next", R::NextMeeting),
        ("notes", R::Notes),
        ("reflection", R::Reflection),
        ("comments", R::Comments),
        ("dissent", R::Dissent),
        ("summary", R::Summary),
        ("photos", R::Photos),
        ("photos_left_out", R::PhotosLeftOut),
        ("imprint", R::Imprint),
        ("conflicts", R::Conflicts),
        ("conflicts_intro", R::ConflictsIntro),
        ("dots", R::DotsLegend),
    ]
    .into_iter()
    .map(|(name, key)| (name, key.get(lang)))
    .collect()
}
