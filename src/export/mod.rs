//! Exports: the PDF report (typst), Markdown, and CSV tables. No egui here.
//!
//! The report's words come from [`ReportData`], built once from the session and handed to
//! the typst template as JSON through `sys.inputs`: session text is data, never markup.

mod csv;
mod markdown;
mod pdf;

use std::path::Path;

use serde::Serialize;

use crate::agenda::timing::{self, ItemState, ItemTimer};
use crate::board::layout::{self, UnitRect, WALL_H, WALL_W};
use crate::model::{ActionStatus, Due, PhotoLink, Session};
use crate::reflection::stats::{self, Verdict};

pub use csv::{action_items_csv, cards_csv, reflection_csv};
pub use markdown::markdown;
pub use pdf::{ExportError, pdf};

/// The language of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportLang {
    De,
    En,
}

impl ReportLang {
    /// The session's own language, German when it says `de`.
    pub fn of(session: &Session) -> Self {
        if session.meta.language.to_ascii_lowercase().starts_with("de") {
            Self::De
        } else {
            Self::En
        }
    }

    /// From a command line value.
    pub fn parse(text: &str) -> Option<Self> {
        match text.to_ascii_lowercase().as_str() {
            "de" => Some(Self::De),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    fn pick(self, de: &'static str, en: &'static str) -> &'static str {
        match self {
            Self::De => de,
            Self::En => en,
        }
    }
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
pub fn report_data(session: &Session, lang: ReportLang, now: jiff::Timestamp) -> ReportData {
    let l = |de, en| lang.pick(de, en);
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
    let dates: Vec<String> = meta.dates.iter().map(|d| date_text(*d, lang)).collect();
    let mut facts = Vec::new();
    let mut fact = |label: &str, value: String| {
        if !value.trim().is_empty() {
            facts.push((label.to_owned(), value));
        }
    };
    fact(l("Termine", "Dates"), dates.join(", "));
    fact(l("Ort", "Place"), meta.location.clone());
    fact(l("Veranstalter", "Organiser"), meta.organiser.clone());
    fact(l("Moderation", "Moderators"), meta.moderators.join(", "));
    fact(
        l("Teilnehmende", "Participants"),
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
                        method: method_word(item.method, lang).to_owned(),
                        planned: format!("{} min", item.planned_minutes),
                        held,
                        diff,
                        over,
                    }
                })
                .collect();
            let date = day.date.map(|d| date_text(d, lang)).unwrap_or_default();
            let total = if held_total > 0 {
                format!(
                    "{} {planned_total} min, {} {held_total} min",
                    l("Geplant", "Planned"),
                    l("gehalten", "held")
                )
            } else {
                format!("{} {planned_total} min", l("Geplant", "Planned"))
            };
            DayData {
                heading: format!("{} {} – {date}", l("Tag", "Day"), index + 1),
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
            due: match a.due {
                Due::Open => l("offen", "open").to_owned(),
                Due::On(date) => date_text(date, lang),
                Due::NextMeeting => l("bis zum nächsten Treffen", "by the next meeting").to_owned(),
            },
            status: match a.status {
                ActionStatus::Open => l("offen", "open"),
                ActionStatus::InProgress => l("in Arbeit", "in progress"),
                ActionStatus::Done => l("erledigt", "done"),
                ActionStatus::Dropped => l("verworfen", "dropped"),
            }
            .to_owned(),
        })
        .collect();
    let next = session.next_meeting.as_ref().map(|n| {
        let dates: Vec<String> = n.dates.iter().map(|d| date_text(*d, lang)).collect();
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
                line: format!(
                    "{} {}, {} % {} (n = {})",
                    l("Mittel", "Mean"),
                    s.mean.map_or_else(|| "–".to_owned(), |m| format!("{m:.1}")),
                    (s.positive_share * 100.0).round(),
                    l("positiv", "positive"),
                    s.count
                ),
                verdict: match s.verdict {
                    Verdict::NoRatings => l("keine Bewertungen", "no ratings"),
                    Verdict::MostlyPositive => l("überwiegend positiv", "mostly positive"),
                    Verdict::MostlyNegative => l("überwiegend negativ", "mostly negative"),
                    Verdict::Split => l("geteilt", "split"),
                    Verdict::Mixed => l("gemischt", "mixed"),
                }
                .to_owned(),
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
                caption.push_str(&format!(" – {}: {}", l("Foto", "Photo"), p.photographer));
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
        credits.push(format!("Text: {}", meta.credits.text.join(", ")));
    }
    if !meta.credits.photos.is_empty() {
        credits.push(format!(
            "{}: {}",
            l("Fotografie", "Photography"),
            meta.credits.photos.join(", ")
        ));
    }
    let sources = session
        .provenance
        .as_ref()
        .map(|p| {
            p.sources
                .iter()
                .map(|s| {
                    let dates: Vec<String> = s.dates.iter().map(|d| date_text(*d, lang)).collect();
                    format!("{} ({})", s.title, dates.join(", "))
                })
                .collect()
        })
        .unwrap_or_default();

    ReportData {
        lang: lang.pick("de", "en"),
        labels: labels(lang),
        kind: if session.provenance.is_some() {
            l("Konsolidierte Dokumentation", "Consolidated documentation")
        } else {
            l("Dokumentation", "Documentation")
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

fn labels(lang: ReportLang) -> Labels {
    let l = |de, en| lang.pick(de, en);
    Labels {
        page: l("Seite", "Page"),
        of: l("von", "of"),
        sources: l(
            "Quellen dieser Konsolidierung",
            "Sources of this consolidation",
        ),
        agenda: l("Ablauf: geplant und gehalten", "Agenda: planned and held"),
        time: l("Zeit", "Time"),
        item: l("Punkt", "Item"),
        method: l("Methode", "Method"),
        planned: l("geplant", "planned"),
        held: l("gehalten", "held"),
        boards: l("Pinnwände", "Boards"),
        unclustered: l("Weitere Karten", "Other cards"),
        results: l("Ergebnisse und nächste Schritte", "Results and next steps"),
        decisions: l("Ergebnisse und Beschlüsse", "Results and decisions"),
        actions: l("Nächste Aufgaben", "Next tasks"),
        task: l("Aufgabe", "Task"),
        owner: l("Zuständig", "Owner"),
        due: l("Fällig", "Due"),
        status: l("Status", "Status"),
        next: l("Nächstes Treffen", "Next meeting"),
        notes: l("Notizen", "Notes"),
        reflection: l("Bilanz des Workshops", "The workshop in review"),
        comments: l("Stimmen", "Comments"),
        dissent: l("Abweichende Stimmen", "Dissent"),
        summary: l("Zusammenfassung", "Summary"),
        photos: l("Fotos", "Photos"),
    }
}

fn method_word(method: crate::model::Method, lang: ReportLang) -> &'static str {
    use crate::model::Method;
    let l = |de, en| lang.pick(de, en);
    match method {
        Method::Input => l("Input", "Input"),
        Method::Discussion => l("Diskussion", "Discussion"),
        Method::GroupWork => l("Gruppenarbeit", "Group work"),
        Method::Positioning => l("Verortung", "Positioning"),
        Method::Clustering => l("Clustern", "Clustering"),
        Method::Voting => l("Punktabfrage", "Dot voting"),
        Method::Reflection => l("Reflexion", "Reflection"),
        Method::Break => l("Pause", "Break"),
        Method::Other => l("Sonstiges", "Other"),
    }
}

/// A date as people write it: 23.11.2017 in German, 2017-11-23 in English.
pub fn date_text(date: jiff::civil::Date, lang: ReportLang) -> String {
    match lang {
        ReportLang::De => date.strftime("%d.%m.%Y").to_string(),
        ReportLang::En => date.to_string(),
    }
}

/// A photo downscaled for print (at most 200 dpi on a 16 cm wide figure), upright, as JPEG.
pub fn print_photo(folder: &Path, relative: &str) -> Option<Vec<u8>> {
    let bytes = std::fs::read(folder.join(relative)).ok()?;
    let image = crate::photos::import::decode(&bytes, relative).ok()?;
    let small = image.thumbnail(1260, 1260).to_rgb8();
    let mut out = Vec::new();
    let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 82);
    encoder.encode_image(&small).ok()?;
    Some(out)
}
