//! The whole story of a session, read-only, in sections a table of contents jumps to: the
//! agenda per day with start times, planned and held and the outcome notes; results and
//! action items in full; the boards with clusters, cards and dots; the reflection per
//! dimension with its comments and the dissent; the photos; the next meeting and notes. Each
//! section links to the screen where it is edited.

use egui::{Align, RichText, Ui};

use crate::agenda::{figures, timing};
use crate::app::Screen;
use crate::app::command::{Command, Cx};
use crate::app::photo_cache::{PhotoCache, Thumb};
use crate::i18n::{self, T, fill};
use crate::results::SourceLink;
use crate::session::Session;

/// The sections, in order, as the table of contents lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Overview,
    Agenda,
    Results,
    Boards,
    Reflection,
    Photos,
    NextMeeting,
    Details,
}

impl Section {
    pub const ALL: [Section; 8] = [
        Section::Overview,
        Section::Details,
        Section::Agenda,
        Section::Results,
        Section::Boards,
        Section::Reflection,
        Section::Photos,
        Section::NextMeeting,
    ];

    pub fn title(self) -> T {
        match self {
            Section::Overview => T::AtAGlance,
            Section::Agenda => T::AgendaAndTimes,
            Section::Results => T::ResultsAndActions,
            Section::Boards => T::BoardsAndClusters,
            Section::Reflection => T::ReflectionAndDissent,
            Section::Photos => T::PhotosOfTheDay,
            Section::NextMeeting => T::NextMeetingAndNotes,
            Section::Details => T::DetailsAndParticipants,
        }
    }

    /// The screen where this section is edited.
    fn screen(self) -> Option<Screen> {
        match self {
            Section::Agenda => Some(Screen::Agenda),
            Section::Results | Section::NextMeeting => Some(Screen::Results),
            Section::Boards => Some(Screen::Board),
            Section::Reflection => Some(Screen::Reflection),
            Section::Photos => Some(Screen::Photos),
            Section::Overview | Section::Details => None,
        }
    }
}

/// A section's heading with a link to where it is edited; scrolls into view when asked.
pub fn heading(ui: &mut Ui, cx: &mut Cx, section: Section, jump: &mut Option<Section>) {
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        let response = ui.label(
            RichText::new(cx.tr(section.title()))
                .heading()
                .size(crate::app::widgets::scaled(ui, 18.0)),
        );
        if *jump == Some(section) {
            response.scroll_to_me(Some(Align::TOP));
            *jump = None;
        }
        if let Some(screen) = section.screen()
            && ui
                .small_button(fill(cx.tr(T::EditIn), &[cx.tr(screen.label())]))
                .clicked()
        {
            cx.command(Command::Show(screen));
        }
    });
    ui.separator();
}

fn wrapped(ui: &mut Ui, text: impl Into<egui::WidgetText>) {
    ui.add(egui::Label::new(text).wrap());
}

pub fn agenda_ui(ui: &mut Ui, cx: &Cx) {
    let session = cx.session;
    if session.agenda.days.is_empty() {
        ui.label(RichText::new(cx.tr(T::NoAgenda)).weak());
        return;
    }
    for (n, day) in session.agenda.days.iter().enumerate() {
        let date = day
            .date
            .map(|d| i18n::long_date(d, cx.lang))
            .unwrap_or_else(|| fill(cx.tr(T::ReviewDay), &[&(n + 1).to_string()]));
        // A consolidation's day from some of its sources says which.
        let from = session
            .provenance
            .as_ref()
            .and_then(|p| p.partial_labels(day.id.uuid()))
            .map(|labels| format!("{labels} \u{b7} "))
            .unwrap_or_default();
        ui.label(RichText::new(format!("{from}{date}")).strong());
        previous_runs_ui(ui, cx, day);
        let slots = timing::day_slots(day);
        egui::Grid::new(("review-agenda", n))
            .striped(true)
            .num_columns(5)
            .show(ui, |ui| {
                ui.strong(cx.tr(T::Time));
                ui.strong(cx.tr(T::Item));
                ui.strong(cx.tr(T::Planned));
                ui.strong(cx.tr(T::Held));
                ui.strong("\u{b1}");
                ui.end_row();
                for (item, slot) in day.items.iter().zip(&slots) {
                    ui.label(format!(
                        "{}\u{2013}{}",
                        timing::format_minutes(slot.start_min),
                        timing::format_minutes(slot.end_min)
                    ));
                    ui.vertical(|ui| {
                        ui.set_max_width(520.0);
                        wrapped(ui, RichText::new(&item.title));
                        if !item.outcome.trim().is_empty() {
                            wrapped(ui, RichText::new(&item.outcome).weak());
                        }
                        if !item.notes.trim().is_empty() {
                            let notes = format!("{}: {}", cx.tr(T::NotesShort), item.notes.trim());
                            wrapped(ui, RichText::new(notes).weak().italics());
                        }
                        if let Some(round) = &item.round {
                            let line = crate::app::screens::agenda::speaking::round_summary(
                                round, cx.now, cx,
                            );
                            wrapped(
                                ui,
                                RichText::new(format!(
                                    "{}: {line}",
                                    cx.tr(T::RoundShort).trim_end_matches(':')
                                ))
                                .weak(),
                            );
                        }
                    });
                    ui.label(format!("{} min", item.planned_minutes));
                    if let Some(held) = figures::held(item, cx.now) {
                        let diff = held.diff();
                        ui.label(format!("{} min", held.minutes));
                        let text = RichText::new(i18n::signed(diff));
                        ui.label(if held.is_over() {
                            text.color(ui.visuals().warn_fg_color)
                        } else {
                            text
                        });
                    } else {
                        ui.label("");
                        ui.label("");
                    }
                    ui.end_row();
                }
            });
        ui.add_space(6.0);
    }
}

/// Earlier runs of a day (a rehearsal, the workshop it was copied from), kept when a new
/// run began: when each began and how many items it held.
fn previous_runs_ui(ui: &mut Ui, cx: &Cx, day: &crate::agenda::AgendaDay) {
    for run in &day.previous_runs {
        let began = run
            .started
            .map(|t| {
                let local = t.to_zoned(jiff::tz::TimeZone::system());
                format!(
                    "{} {}",
                    i18n::date(local.date(), cx.lang),
                    local.strftime("%H:%M")
                )
            })
            .unwrap_or_default();
        let held = run
            .items
            .iter()
            .filter(|i| {
                i.timing
                    .iter()
                    .any(|e| matches!(e, crate::agenda::TimingEvent::Ended(_)))
            })
            .count();
        let held = i18n::plural(held as u64, T::OneItemHeld, T::ItemsHeld, cx.lang);
        wrapped(
            ui,
            RichText::new(fill(cx.tr(T::PreviousRun), &[&began, &held])).weak(),
        );
    }
}

fn source_text(session: &Session, source: Option<SourceLink>) -> String {
    let Some(source) = source else {
        return String::new();
    };
    match source {
        SourceLink::AgendaItem(id) => session
            .agenda
            .items()
            .find(|i| i.id == id)
            .map(|i| i.title.clone()),
        SourceLink::Board(id) => session.board(id).map(|b| b.title.clone()),
        SourceLink::Cluster(id) => session
            .boards
            .iter()
            .flat_map(|b| &b.clusters)
            .find(|c| c.id == id)
            .map(|c| c.title.clone()),
    }
    .unwrap_or_default()
}

pub fn results_ui(ui: &mut Ui, cx: &Cx) {
    let session = cx.session;
    ui.label(RichText::new(cx.tr(T::ResultsDecisions)).strong());
    if session.results.is_empty() {
        ui.label(RichText::new("\u{2013}").weak());
    }
    for result in &session.results {
        let source = source_text(session, result.source);
        ui.horizontal_wrapped(|ui| {
            ui.label("\u{2022}");
            wrapped(ui, &result.text);
            if !source.is_empty() {
                ui.label(RichText::new(format!("({source})")).weak());
            }
        });
    }
    ui.add_space(6.0);
    ui.label(RichText::new(cx.tr(T::ActionItems)).strong());
    if session.action_items.is_empty() {
        ui.label(RichText::new("\u{2013}").weak());
        return;
    }
    // The task and its source wrap within shares of what is in view.
    let room = ui.available_width();
    let (task_width, source_width) = ((room * 0.3).min(420.0), (room * 0.18).min(260.0));
    let short = |ui: &mut Ui, share: f32, text: String| {
        ui.scope(|ui| {
            ui.set_max_width((room * share).min(260.0));
            wrapped(ui, text);
        });
    };
    egui::Grid::new("review-actions")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for key in [T::Task, T::Owner, T::Due, T::Status, T::Source] {
                ui.strong(cx.tr(key));
            }
            ui.end_row();
            for item in &session.action_items {
                ui.scope(|ui| {
                    ui.set_max_width(task_width);
                    wrapped(ui, &item.title);
                });
                short(ui, 0.2, item.owner.clone());
                short(ui, 0.14, i18n::due_text(item.due, cx.lang));
                short(ui, 0.12, i18n::status_with_sources(item, session, cx.lang));
                ui.scope(|ui| {
                    ui.set_max_width(source_width);
                    wrapped(ui, RichText::new(source_text(session, item.source)).weak());
                });
                ui.end_row();
            }
        });
}

pub fn boards_ui(ui: &mut Ui, cx: &Cx) {
    let session = cx.session;
    if session.boards.is_empty() {
        ui.label(RichText::new(cx.tr(T::NoBoards)).weak());
    }
    for board in &session.boards {
        // A large board's card list stays folded until asked for: laying out ten thousand
        // cards in every frame would cost more than the rest of the screen.
        egui::CollapsingHeader::new(RichText::new(&board.title).strong())
            .id_salt(("review-board", board.id))
            .default_open(board.cards.len() <= LARGE_BOARD)
            .show(ui, |ui| board_story_ui(ui, cx, board));
        ui.add_space(6.0);
    }
}

/// Boards with more cards than this are folded in Review at first.
const LARGE_BOARD: usize = 300;

fn board_story_ui(ui: &mut Ui, cx: &Cx, board: &crate::board::Board) {
    {
        if !board.question.trim().is_empty() {
            wrapped(ui, RichText::new(&board.question).italics());
        }
        let mut in_cluster = std::collections::BTreeSet::new();
        for cluster in &board.clusters {
            let dots = board.cluster_votes(cluster);
            ui.label(RichText::new(format!("{}  \u{25cf} {dots}", cluster.title)).strong());
            ui.indent(("review-cluster", cluster.id), |ui| {
                for card in cluster.cards.iter().filter_map(|id| board.card(*id)) {
                    in_cluster.insert(card.id);
                    card_line(ui, card);
                }
            });
        }
        let free: Vec<_> = board
            .cards
            .iter()
            .filter(|c| !in_cluster.contains(&c.id) && !c.text.trim().is_empty())
            .collect();
        if !free.is_empty() {
            ui.label(RichText::new(cx.tr(T::CardsWithoutCluster)).weak());
            ui.indent(("review-free", board.id), |ui| {
                for card in free {
                    card_line(ui, card);
                }
            });
        }
    }
}

fn card_line(ui: &mut Ui, card: &crate::board::Card) {
    let dots = if card.votes > 0 {
        format!("  \u{25cf} {}", card.votes)
    } else {
        String::new()
    };
    let author = if card.author.trim().is_empty() {
        String::new()
    } else {
        format!(" ({})", card.author)
    };
    wrapped(ui, format!("\u{2022} {}{author}{dots}", card.text));
}

pub fn reflection_ui(ui: &mut Ui, cx: &Cx) {
    let session = cx.session;
    let reflection = &session.reflection;
    if reflection.dimensions.is_empty() {
        ui.label(RichText::new(cx.tr(T::NoDimensions)).weak());
    }
    if !reflection.dimensions.is_empty() {
        super::reflection_grid_ui(ui, cx);
        scale_and_verdicts_ui(ui, cx);
    }
    let comments: Vec<_> = reflection
        .entries
        .iter()
        .filter(|e| !e.comment.trim().is_empty())
        .collect();
    if !comments.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new(cx.tr(T::ReflectionComments)).strong());
        for entry in comments {
            let who = if entry.who.trim().is_empty() {
                String::new()
            } else {
                format!(" \u{2013} {}", entry.who)
            };
            wrapped(ui, format!("\u{201e}{}\u{201c}{who}", entry.comment));
        }
    }
    if !reflection.dissent.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new(cx.tr(T::Dissent)).strong());
        for dissent in &reflection.dissent {
            let who = if dissent.who.trim().is_empty() {
                String::new()
            } else {
                format!("{}: ", dissent.who)
            };
            wrapped(ui, format!("{who}{}", dissent.statement));
            if !dissent.response.trim().is_empty() {
                ui.indent(("dissent-response", &dissent.statement), |ui| {
                    wrapped(ui, RichText::new(&dissent.response).weak());
                });
            }
        }
    }
}

/// The scale the ratings were given on, and each dimension's verdict, as the report says them.
fn scale_and_verdicts_ui(ui: &mut Ui, cx: &Cx) {
    let reflection = &cx.session.reflection;
    let scale = &reflection.scale;
    let end = |value: i32, label: &str| {
        if label.trim().is_empty() {
            value.to_string()
        } else {
            format!("{value} ({})", label.trim())
        }
    };
    let line = format!(
        "{} {} {} {}",
        cx.tr(T::ScaleFrom),
        end(scale.min, &scale.low_label),
        cx.tr(T::ScaleTo),
        end(scale.max, &scale.high_label)
    );
    wrapped(ui, RichText::new(line).weak());
    for dimension in crate::reflection::stats::stats(reflection) {
        let verdict = i18n::verdict_text(dimension.verdict, cx.lang);
        wrapped(ui, format!("{}: {verdict}", dimension.name));
    }
}

/// Who publishes the report, who wrote and photographed, and its introduction.
pub fn publication_ui(ui: &mut Ui, cx: &Cx) {
    let meta = &cx.session.meta;
    let lines = [
        (T::Publisher, meta.publisher.trim().to_owned()),
        (T::CreditsText, meta.credits.text.join(", ")),
        (T::CreditsPhotos, meta.credits.photos.join(", ")),
    ];
    for (key, value) in lines.iter().filter(|(_, v)| !v.trim().is_empty()) {
        wrapped(ui, format!("{}: {value}", cx.tr(*key)));
    }
    if !meta.introduction.trim().is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new(cx.tr(T::Introduction)).strong());
        wrapped(ui, meta.introduction.trim());
    }
}

pub fn photos_ui(ui: &mut Ui, cx: &Cx, cache: &mut PhotoCache) {
    let session = cx.session;
    if session.photos.is_empty() {
        ui.label(RichText::new(cx.tr(T::NoPhotos)).weak());
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for (n, photo) in session.photos.iter().enumerate() {
            if let Some(folder) = cx.folder {
                cache.want_thumbnail(photo, folder);
            }
            ui.vertical(|ui| {
                ui.set_width(170.0);
                let size = egui::vec2(160.0, 120.0);
                match cache.thumbs.get(&(photo.id, photo.path.clone())) {
                    Some(Thumb::Ready(texture)) => {
                        ui.add(egui::Image::new(texture).max_size(size).corner_radius(2));
                    }
                    _ => {
                        ui.allocate_exact_size(size, egui::Sense::hover());
                    }
                }
                // What the photo shows and who took it; never its file's name.
                let shows = photo.link.map(|link| photo_link_text(session, link, cx));
                let caption = match (photo.caption.trim(), &shows) {
                    ("", Some(shows)) => shows.clone(),
                    ("", None) => fill(cx.tr(T::PhotoNumber), &[&(n + 1).to_string()]),
                    (caption, _) => caption.to_owned(),
                };
                wrapped(ui, RichText::new(caption).small());
                if let Some(shows) = shows.filter(|_| !photo.caption.trim().is_empty()) {
                    wrapped(ui, RichText::new(shows).small().weak());
                }
                let by = photo.photographer.trim();
                if !by.is_empty() {
                    let line = format!("{}: {by}", cx.tr(T::Photographer));
                    wrapped(ui, RichText::new(line).small().weak());
                }
            });
        }
    });
}

/// What a photo belongs to, in words ("Board: Fotoprotokoll Wand 1").
fn photo_link_text(session: &Session, link: crate::photos::PhotoLink, cx: &Cx) -> String {
    use crate::photos::PhotoLink;
    let (kind, source) = match link {
        PhotoLink::AgendaItem(id) => (T::Agenda, SourceLink::AgendaItem(id)),
        PhotoLink::Board(id) => (T::Board, SourceLink::Board(id)),
        PhotoLink::Cluster(id) => (T::Board, SourceLink::Cluster(id)),
    };
    format!("{}: {}", cx.tr(kind), source_text(session, Some(source)))
}

pub fn next_meeting_ui(ui: &mut Ui, cx: &Cx) {
    let session = cx.session;
    match &session.next_meeting {
        Some(next) if !next.dates.is_empty() || !next.place.trim().is_empty() => {
            let dates: Vec<String> = next
                .dates
                .iter()
                .map(|d| i18n::long_date(*d, cx.lang))
                .collect();
            ui.label(
                RichText::new(format!("{} \u{2013} {}", dates.join(", "), next.place)).strong(),
            );
            if !next.note.trim().is_empty() {
                wrapped(ui, &next.note);
            }
        }
        _ => {
            ui.label(RichText::new(cx.tr(T::NoNextMeeting)).weak());
        }
    }
    if !session.notes.trim().is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new(cx.tr(T::Notes)).strong());
        wrapped(ui, &session.notes);
    }
}
