//! The board as a moderator reads it: card text readable at "Fit all", new cards placed on
//! free space, "Tidy up" as one undo step, accepted suggestions gathered and named.

#[path = "common/app.rs"]
mod app;
mod common;

use app::{Setup, sessions_with_example, settle, start};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use moderato::app::{ModeratoApp, Theme};
use moderato::board::{Axes, AxisLabels, Board, Card, Cluster};
use moderato::board::{layout, text_fit, tidy};
use moderato::ids::{BoardId, CardId, ClusterId};
use moderato::session::Session;
use moderato::storage;

/// The app on a laptop's 1280 × 800 window.
fn app_sized(
    dir: &std::path::Path,
    folder: std::path::PathBuf,
    theme: Theme,
) -> Harness<'static, ModeratoApp> {
    let setup = Setup {
        size: [1280.0, 800.0],
        theme,
        ..Setup::on(folder)
    };
    start(dir, setup)
}

fn board_screen(harness: &mut Harness<'static, ModeratoApp>) {
    harness.get_by_label("Board").click();
    settle(harness);
}

/// Card text in points on screen, for the cards in view (a card's drawn width tells the
/// zoom), and how many cards are in view.
fn smallest_text_px(harness: &Harness<'static, ModeratoApp>, board: &Board) -> (f32, usize) {
    let sizes: Vec<f32> = board
        .cards
        .iter()
        .filter_map(|card| {
            let rect = harness
                .query_by_role_and_label(egui::Role::Button, &card.text)?
                .rect();
            let fit = text_fit::fit(&card.text, card.shape);
            Some(fit.size * rect.width() / fit.width)
        })
        .collect();
    (
        sizes.iter().copied().fold(f32::INFINITY, f32::min),
        sizes.len(),
    )
}

#[test]
fn card_text_is_readable_at_fit_all_and_larger_on_the_projector() {
    let (dir, folder) = sessions_with_example();
    let board = storage::load(&folder).unwrap().boards[0].clone();
    let mut harness = app_sized(dir.path(), folder.clone(), Theme::Light);
    board_screen(&mut harness);
    let (normal, shown) = smallest_text_px(&harness, &board);
    assert_eq!(shown, board.cards.len(), "the example board fits whole");
    assert!(
        normal >= 11.0 - 0.01,
        "card text at Fit all is {normal:.1} px"
    );
    drop(harness);
    let mut projector = app_sized(dir.path(), folder, Theme::Projector);
    board_screen(&mut projector);
    // The room's back row needs larger text: the board scrolls rather than shrink it.
    let (large, shown) = smallest_text_px(&projector, &board);
    assert!(shown > 0);
    assert!(
        large > normal * 1.3,
        "the projector shows {large:.1} px, normal {normal:.1} px"
    );
}

/// A board with axes, a cluster of three cards and a few loose cards piled up.
fn crowded_session(dir: &std::path::Path) -> std::path::PathBuf {
    crowded_board_session(dir, true)
}

/// The same board with or without its axes.
fn crowded_board_session(dir: &std::path::Path, with_axes: bool) -> std::path::PathBuf {
    let mut session = Session::create("Werkstatt Bahnhofsviertel");
    let card = |text: &str, x: f32, y: f32| Card {
        id: CardId::generate(),
        text: text.into(),
        x,
        y,
        ..Card::default()
    };
    let cards = vec![
        card("Sichere Radwege", 0.2, 0.2),
        card("Radwege ausbauen", 0.22, 0.22),
        card("Radwege beleuchten", 0.24, 0.24),
        card("Mehr Bänke", 0.7, 0.7),
        card("Bänke im Schatten", 0.71, 0.71),
        card("Spielplatz am Bahnhof", 0.3, 0.8),
    ];
    let cluster = Cluster {
        id: ClusterId::generate(),
        title: "Verkehr".into(),
        cards: vec![cards[0].id, cards[1].id],
        ..Cluster::default()
    };
    session.boards.push(Board {
        id: BoardId::generate(),
        title: "Ideen".into(),
        axes: Some(Axes {
            x: AxisLabels {
                low: "klein".into(),
                high: "groß".into(),
            },
            y: AxisLabels {
                low: "bald".into(),
                high: "später".into(),
            },
            quadrants: Some([
                "Schnell gemacht".into(),
                "Großprojekte".into(),
                "Kleinigkeiten".into(),
                "Langfristig".into(),
            ]),
        }),
        cards,
        clusters: vec![cluster],
        ..Board::default()
    });
    if !with_axes {
        session.boards[0].axes = None;
    }
    let folder = dir.join("bahnhof");
    storage::save(&folder, &session).unwrap();
    folder
}

#[test]
fn tidy_up_moves_cards_apart_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    // A free board: on a positioning board nothing moves (see below).
    let folder = crowded_board_session(dir.path(), false);
    let mut harness = app_sized(dir.path(), folder, Theme::Light);
    board_screen(&mut harness);
    let before = harness.state().session().boards[0].clone();
    assert!(!tidy::overlapping(&before).is_empty());
    harness.get_by_label("Tidy up").click();
    harness.run();
    let after = &harness.state().session().boards[0];
    assert_eq!(tidy::overlapping(after), vec![]);
    let outline = layout::cluster_rect(after, &after.clusters[0]).unwrap();
    for card in after
        .cards
        .iter()
        .filter(|c| !after.clusters[0].cards.contains(&c.id))
    {
        assert!(
            !outline.intersects(&layout::card_rect(card)),
            "{} in Verkehr",
            card.text
        );
    }
    assert!(
        harness.query_by_label_contains("cards moved").is_some(),
        "it says what it did"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().session().boards[0], before, "one undo step");
}

#[test]
fn on_a_positioning_board_tidy_up_moves_nothing_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let folder = crowded_session(dir.path());
    let mut harness = app_sized(dir.path(), folder, Theme::Light);
    board_screen(&mut harness);
    let before = harness.state().session().boards[0].clone();
    harness.get_by_label("Tidy up").click();
    harness.run();
    assert_eq!(harness.state().session().boards[0], before);
    assert!(
        harness
            .query_by_label_contains("its place is its answer")
            .is_some()
    );
}

#[test]
fn new_cards_land_on_free_space_and_a_suggestion_is_gathered_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let folder = crowded_session(dir.path());
    let mut harness = app_sized(dir.path(), folder, Theme::Light);
    board_screen(&mut harness);
    harness.get_by_label("Tidy up").click();
    harness.run();
    harness.get_by_label("New card").click();
    harness.run();
    for text in [
        "Wochenmarkt",
        "Stadtteilfest",
        "Trinkbrunnen",
        "Schattenbäume",
    ] {
        harness.get_by_label("New card").type_text(text);
        harness.key_press(Key::Enter);
        harness.run();
    }
    harness.key_press(Key::Escape);
    harness.run();
    let board = harness.state().session().boards[0].clone();
    assert_eq!(board.cards.len(), 10);
    let new: Vec<_> = board.cards[6..].iter().map(|c| c.id).collect();
    assert!(
        tidy::overlapping(&board)
            .iter()
            .all(|(a, b)| !new.contains(a) && !new.contains(b)),
        "no new card on another"
    );
    for card in &board.cards[6..] {
        assert!(
            (0.0..=1.0).contains(&card.x) && (0.0..=1.0).contains(&card.y),
            "{} landed off the wall",
            card.text
        );
    }
    let outline = layout::cluster_rect(&board, &board.clusters[0]).unwrap();
    let labels = layout::wall_labels(&board);
    for card in &board.cards[6..] {
        let rect = layout::card_rect(card);
        assert!(
            !outline.intersects(&rect),
            "{} landed in Verkehr",
            card.text
        );
        for label in &labels {
            assert!(
                !label.rect.intersects(&rect),
                "{} on {}",
                card.text,
                label.text
            );
        }
    }

    harness.get_by_label("By content").click();
    settle(&mut harness);
    let before: Vec<(f32, f32)> = harness.state().session().boards[0]
        .cards
        .iter()
        .map(|c| (c.x, c.y))
        .collect();
    let accept = harness
        .query_all_by_label("Accept")
        .next()
        .expect("a suggestion");
    accept.click();
    harness.run();
    let board = &harness.state().session().boards[0];
    assert_eq!(board.clusters.len(), 2, "{:?}", board.clusters);
    let gathered = &board.clusters[1];
    assert_ne!(gathered.title, "Cluster 2", "named by what its cards share");
    // A positioning board: a card's place is its answer, so grouping moves nothing (on a
    // board without axes the cards are gathered; see board::tidy's tests).
    let after: Vec<(f32, f32)> = board.cards.iter().map(|c| (c.x, c.y)).collect();
    assert_eq!(before, after);
    // Nothing drawn seems to hold cards that are not in the group: the cluster is a chip in
    // the legend, and no card lies under it.
    let title = gathered.title.clone();
    let chip = harness
        .query_all_by_label(&title)
        .map(|n| n.rect())
        .find(|r| r.width() < 400.0)
        .expect("the cluster's chip");
    for card in &board.cards {
        if let Some(node) = harness.query_all_by_label(&card.text).next() {
            assert!(
                !chip.contains(node.rect().center()),
                "{} under the chip of {title}",
                card.text
            );
        }
    }
}

/// Suggesting by content runs on a worker thread: the screen keeps drawing and says what runs,
/// the groups arrive with the method named, and accepting one makes a cluster.
#[test]
fn suggestions_by_content_arrive_from_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("karten");
    let mut session = Session::create("Karten");
    let cards = moderato::board::import::parse(include_str!("fixtures/cards-open-government.tsv"))
        .unwrap()
        .into_iter()
        .map(|mut c| {
            c.topic.clear();
            c
        })
        .collect::<Vec<_>>();
    let (_, edits) = moderato::board::import::edits(&session.boards, "Ideen", &cards);
    for edit in edits {
        assert!(edit.apply(&mut session));
    }
    storage::save(&folder, &session).unwrap();
    let mut harness = app_sized(dir.path(), folder, Theme::Light);
    board_screen(&mut harness);
    harness.get_by_label("By content").click();
    harness.step();
    harness.step();
    assert!(harness.state().is_busy(), "the work runs off the UI thread");
    assert!(
        harness
            .query_by_label_contains("Suggesting groups")
            .is_some(),
        "the status line says what runs"
    );
    settle(&mut harness);
    let expected = if cfg!(feature = "embedding") {
        "Grouped by meaning"
    } else {
        "Grouped by shared words"
    };
    assert!(harness.query_by_label_contains(expected).is_some());
    let suggested = harness.query_all_by_label("Accept").count();
    assert!(suggested >= 3, "{suggested} suggestions");
    harness.query_all_by_label("Accept").next().unwrap().click();
    harness.run();
    assert_eq!(harness.state().session().boards[0].clusters.len(), 1);
    assert_eq!(harness.query_all_by_label("Accept").count(), suggested - 1);
}
