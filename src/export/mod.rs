//! Exports: the PDF report (typst), Markdown, and CSV tables. No egui here.
//!
//! The report's words come from [`ReportData`], built once from the session and handed to
//! the typst template as JSON through `sys.inputs`: session text is data, never markup.

mod csv;
mod markdown;
mod pdf;

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::agenda::timing::{self, ItemState, ItemTimer};
use crate::board::layout::{self, UnitRect, WALL_H, WALL_W};
use crate::i18n::{self, Lang, R, fill};
use crate::model::{PhotoLink, Session};
use crate::reflection::stats;
use crate::storage::{IoAction, StorageError};

pub use csv::{CSV_FILES, action_items_csv, cards_csv, reflection_csv};
pub use markdown::markdown;
pub use pdf::{ExportError, pdf};

/// What an export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The PDF report, one file.
    Pdf,
    /// The report as Markdown, one file.
    Markdown,
    /// CSV tables, a folder.
    Csv,
}

/// Writes an export to `target` (a file; for CSV a folder), atomically. Returns the files
/// written and their sizes. The app and the command line both call this.
pub fn write(
    kind: Kind,
    session: &Session,
    folder: Option<&Path>,
    target: &Path,
    lang: Lang,
    now: jiff::Timestamp,
) -> Result<Vec<(PathBuf, usize)>, ExportError> {
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !parent.is_dir() {
        return Err(ExportError::FolderMissing(parent.to_owned()));
    }
    let files: Vec<(PathBuf, Vec<u8>)> = match kind {
        Kind::Pdf => vec![(target.to_owned(), pdf(session, folder, lang, now)?)],
        Kind::Markdown => vec![(target.to_owned(), markdown(session, lang, now).into_bytes())],
        Kind::Csv => {
            std::fs::create_dir_all(target).map_err(|e| {
                ExportError::Write(StorageError::io(IoAction::CreateFolder, target, e))
            })?;
            let [actions, cards, reflection] = CSV_FILES;
            vec![
                (target.join(actions), action_items_csv(session).into_bytes()),
                (target.join(cards), cards_csv(session).into_bytes()),
                (
                    target.join(reflection),
                    reflection_csv(session).into_bytes(),
                ),
            ]
        }
    };
    let mut written = Vec::new();
    for (file, bytes) in files {
        crate::storage::atomic_write(&file, |f| std::io::Write::write_all(f, &bytes))
            .map_err(ExportError::Write)?;
        written.push((file, bytes.len()));
    }
    Ok(written)
}

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
    pub credits: String,
}

#[derive(Debug, Serialize)]
pub struct Labels {
    page: &'static str,
    of: &'static str,
    sources: &'static str,
    agenda: &'static str,
    time: &'static str,
    item: &'static str,
    method: &'static str,
    planned: &'static str,
    held: &'static str,
    boards: &'static str,
    unclustered: &'static str,
    results: &'static str,
    decisions: &'static str,
    actions: &'static str,
    task: &'static str,
    owner: &'static str,
    due: &'static str,
    status: &'static str,
    next: &'static str,
    notes: &'static str,
    reflection: &'static str,
    comments: &'static str,
    dissent: &'static str,
    summary: &'static str,
    photos: &'static str,
}

#[derive(Debug, Serialize)]
pub struct DayData {
    heading: String,
    items: Vec<ItemData>,
    total: String,
}

#[derive(Debug, Serialize)]
pub struct ItemData {
    time: String,
    title: String,
    method: String,
    planned: String,
    held: String,
    diff: String,
    over: bool,
}

#[derive(Debug, Serialize)]
pub struct BoardData {
    title: String,
    question: String,
    height: f32,
    axes: Option<AxesData>,
    cards: Vec<CardData>,
    outlines: Vec<OutlineData>,
    clusters: Vec<ClusterData>,
    loose: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct AxesData {
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
    low_x: String,
    high_x: String,
    low_y: String,
    high_y: String,
    /// Top left, top right, bottom left, bottom right; empty without quadrant labels.
    quadrants: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct CardData {
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    fill: String,
    text: String,
    heading: bool,
    votes: u32,
}

#[derive(Debug, Serialize)]
pub struct OutlineData {
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    fill: String,
    title: String,
}

#[derive(Debug, Serialize)]
pub struct ClusterData {
    title: String,
    votes: u32,
    cards: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct ActionData {
    title: String,
    owner: String,
    due: String,
    status: String,
}

#[derive(Debug, Serialize)]
pub struct ReflectionData {
    count: usize,
    dimensions: Vec<DimensionData>,
    comments: Vec<String>,
    dissent: Vec<String>,
    summary: String,
}

#[derive(Debug, Serialize)]
pub struct DimensionData {
    name: String,
    /// Value, count, share of the largest count (for the bar's length).
    bars: Vec<(String, usize, f32)>,
    line: String,
    verdict: String,
}

#[derive(Debug, Serialize)]
pub struct PhotoData {
    /// Path inside the report's virtual file system.
    pub file: String,
    caption: String,
    #[serde(skip)]
    pub source: String,
}

fn hex(colour: crate::model::CardColour) -> String {
    let [r, g, b] = colour.rgb();
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Builds the report's data. `now` only matters for items still running.
#[allow(clippy::too_many_lines)]
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
        .map(|board| board_data(board, &source_of))
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
        credits: credits.join(" | "),
    }
}

fn board_data(board: &crate::model::Board, source_of: &dyn Fn(uuid::Uuid) -> String) -> BoardData {
    // The drawing shows the wall (when there are axes) and every card, scaled into 0..100 %.
    let wall = UnitRect {
        min: (0.0, 0.0),
        max: (WALL_W, WALL_H),
    };
    let mut area = layout::bounds(board).unwrap_or(wall);
    if board.axes.is_some() {
        area = area.union(&wall);
    }
    let area = area.expand(30.0);
    let (w, h) = (area.max.0 - area.min.0, area.max.1 - area.min.1);
    let pct = |r: &UnitRect| {
        (
            (r.min.0 - area.min.0) / w * 100.0,
            (r.min.1 - area.min.1) / h * 100.0,
            (r.max.0 - r.min.0) / w * 100.0,
            (r.max.1 - r.min.1) / h * 100.0,
        )
    };
    // Keep cards their shape: the picture's height follows the area's proportions.
    let height = (16.5 * h / w).clamp(6.0, 20.0);
    let cards = board
        .cards
        .iter()
        .map(|c| {
            let (x, y, cw, ch) = pct(&layout::card_rect(c));
            CardData {
                x,
                y,
                w: cw,
                h: ch,
                fill: hex(c.colour),
                text: c.text.clone(),
                heading: c.shape == crate::model::CardShape::Heading,
                votes: c.votes,
            }
        })
        .collect();
    let outlines = board
        .clusters
        .iter()
        .filter_map(|cluster| {
            let r = layout::cluster_rect(board, cluster)?;
            let (x, y, cw, ch) = pct(&r);
            Some(OutlineData {
                x,
                y,
                w: cw,
                h: ch,
                fill: hex(cluster.colour),
                title: cluster.title.clone(),
            })
        })
        .collect();
    let axes = board.axes.as_ref().map(|a| {
        let (x0, y0, ww, wh) = pct(&wall);
        AxesData {
            x0,
            y0,
            x1: x0 + ww,
            y1: y0 + wh,
            low_x: a.x.low.clone(),
            high_x: a.x.high.clone(),
            low_y: a.y.low.clone(),
            high_y: a.y.high.clone(),
            quadrants: a.quadrants.clone().map(Vec::from).unwrap_or_default(),
        }
    });
    let card_line = |c: &crate::model::Card| {
        let mut line = c.text.clone();
        if !c.author.is_empty() {
            line.push_str(&format!(" – {}", c.author));
        }
        if c.votes > 0 {
            line.push_str(&format!(" (● {})", c.votes));
        }
        line.push_str(&source_of(c.id.uuid()));
        line
    };
    let clustered: std::collections::BTreeSet<_> = board
        .clusters
        .iter()
        .flat_map(|c| c.cards.iter().copied())
        .collect();
    let clusters = board
        .clusters
        .iter()
        .map(|cluster| ClusterData {
            title: cluster.title.clone(),
            votes: board.cluster_votes(cluster),
            cards: cluster
                .cards
                .iter()
                .filter_map(|id| board.card(*id))
                .filter(|c| c.shape == crate::model::CardShape::Card)
                .map(card_line)
                .collect(),
        })
        .collect();
    let loose = board
        .cards
        .iter()
        .filter(|c| !clustered.contains(&c.id))
        .map(card_line)
        .collect();
    BoardData {
        title: board.title.clone(),
        question: board.question.clone(),
        height,
        axes,
        cards,
        outlines,
        clusters,
        loose,
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
    }
}

/// A photo downscaled for print (at most 200 dpi on a 16 cm wide figure), upright, as JPEG.
///
/// The file is read only if it lies inside the session folder.
pub fn print_photo(folder: &Path, relative: &str) -> Option<Vec<u8>> {
    let bytes = crate::storage::read_inside(folder, relative).ok()?;
    let image = crate::photos::import::decode(&bytes, relative).ok()?;
    let small = image.thumbnail(1260, 1260).to_rgb8();
    let mut out = Vec::new();
    let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 82);
    encoder.encode_image(&small).ok()?;
    Some(out)
}
