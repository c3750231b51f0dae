//! The board: cards typed, dragged, grouped and voted; the rubber band.

use super::*;

#[test]
fn cards_typed_dragged_grouped_and_voted_each_step_undoable() {
    use moderato::board::layout::card_rect;
    let dir = tempfile::tempdir().unwrap();
    let folder = empty_board_session(dir.path());
    let mut harness = app_with_clock(dir.path(), folder, Clock::System);
    harness.get_by_label("Board").click();
    harness.run();
    let cards = |h: &Harness<'_, ModeratoApp>| h.state().session().boards[0].cards.clone();

    // Three cards, typed one after the other with Enter; the field keeps the focus.
    harness.get_by_label("New card").click();
    harness.run();
    for text in ["Mehr Bäume", "Radwege", "Sitzbänke am Fluss"] {
        harness.get_by_label("New card").type_text(text);
        harness.key_press(Key::Enter);
        harness.run();
    }
    let typed = cards(&harness);
    assert_eq!(
        typed.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(),
        ["Mehr Bäume", "Radwege", "Sitzbänke am Fluss"]
    );
    assert!(
        !card_rect(&typed[0]).intersects(&card_rect(&typed[1])),
        "no card on top of another"
    );
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(cards(&harness).len(), 2, "each card is its own undo step");
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(cards(&harness).len(), 3);

    // Drag one card.
    let from = harness
        .get_by_role_and_label(egui::Role::Button, "Radwege")
        .rect()
        .center();
    let before = cards(&harness)[1].clone();
    harness.drag_at(from);
    harness.step();
    for step in 1..=5 {
        harness.hover_at(from + egui::vec2(30.0 * step as f32, 20.0 * step as f32));
        harness.step();
    }
    harness.drop_at(from + egui::vec2(150.0, 100.0));
    harness.run();
    let moved = cards(&harness)[1].clone();
    assert!(
        moved.x > before.x && moved.y > before.y,
        "{before:?} -> {moved:?}"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        (cards(&harness)[1].x, cards(&harness)[1].y),
        (before.x, before.y),
        "the drag is one undo step"
    );

    // Select two with Shift and group them.
    harness
        .get_by_role_and_label(egui::Role::Button, "Mehr Bäume")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(egui::Role::Button, "Sitzbänke am Fluss")
        .click_modifiers(egui::Modifiers::SHIFT);
    harness.run();
    harness.get_by_label("Group").click();
    harness.run();
    let board = &harness.state().session().boards[0];
    assert_eq!(board.clusters.len(), 1);
    assert_eq!(board.clusters[0].cards.len(), 2);
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        harness.state().session().boards[0].clusters.is_empty(),
        "grouping undone"
    );

    // Dots: two people with two dots each, so the fifth click gives nothing.
    harness.get_by_label("Dot voting").click();
    harness.run();
    for _ in 0..5 {
        harness
            .get_by_role_and_label(egui::Role::Button, "Radwege")
            .click();
        harness.run();
    }
    assert_eq!(cards(&harness)[1].votes, 4);
    assert!(harness.query_by_label("0 dots left").is_some());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(cards(&harness)[1].votes, 3, "each dot is its own undo step");
}

#[test]
fn a_shift_drag_on_the_wall_selects_cards_with_a_rubber_band() {
    let dir = tempfile::tempdir().unwrap();
    let folder = empty_board_session(dir.path());
    let mut harness = app_with_clock(dir.path(), folder, Clock::System);
    harness.get_by_label("Board").click();
    harness.run();
    harness.get_by_label("New card").click();
    harness.run();
    for text in ["Bänke", "Bäume", "Brunnen"] {
        harness.get_by_label("New card").type_text(text);
        harness.key_press(Key::Enter);
        harness.run();
    }
    harness.key_press(Key::Escape);
    harness.run();
    let card = |h: &Harness<'_, ModeratoApp>, text: &str| {
        h.get_by_role_and_label(egui::Role::Button, text).rect()
    };
    // Around the three new cards, wherever free space put them: from below their left
    // end to above their right end.
    let around = ["Bänke", "Bäume", "Brunnen"]
        .iter()
        .map(|text| card(&harness, text))
        .reduce(|a, b| a.union(b))
        .unwrap();
    let from = around.left_bottom() + egui::vec2(-6.0, 12.0);
    let to = around.right_top() + egui::vec2(6.0, -6.0);
    // Shift is held through the whole drag.
    harness.event(egui::Event::ModifiersChanged(egui::Modifiers::SHIFT));
    harness.hover_at(from);
    harness.step();
    harness.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::SHIFT,
    });
    harness.step();
    for step in 1..=6 {
        harness.hover_at(from + (to - from) * (step as f32 / 6.0));
        harness.step();
    }
    harness.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::SHIFT,
    });
    harness.step();
    harness.event(egui::Event::ModifiersChanged(egui::Modifiers::NONE));
    harness.run();
    let before: Vec<(f32, f32)> = harness.state().session().boards[0]
        .cards
        .iter()
        .map(|c| (c.x, c.y))
        .collect();
    harness.get_by_label("Group").click();
    harness.run();
    let board = &harness.state().session().boards[0];
    assert_eq!(
        board.clusters.len(),
        1,
        "the band selected cards, so they could be grouped"
    );
    assert_eq!(board.clusters[0].cards.len(), 3);
    let after: Vec<(f32, f32)> = board.cards.iter().map(|c| (c.x, c.y)).collect();
    assert_eq!(before, after, "a rubber band moves nothing");
}

/// On the example's positioning board, accepting a suggested group moves no card, and
/// nothing drawn for the group seems to hold a card that is not in it.
#[test]
fn accepting_a_suggestion_on_the_example_moves_no_card() {
    let (dir, example) = sessions_with_example();
    let mut harness = app_with_clock(dir.path(), example, Clock::System);
    harness.get_by_label("Board").click();
    settle(&mut harness);
    let board_id = harness.state().session().boards[0].id;
    assert!(harness.state().session().boards[0].axes.is_some());
    let before: Vec<(f32, f32)> = harness.state().session().boards[0]
        .cards
        .iter()
        .map(|c| (c.x, c.y))
        .collect();
    harness.get_by_label("By content").click();
    settle(&mut harness);
    harness
        .query_all_by_label("Accept")
        .next()
        .expect("a suggestion on the example")
        .click();
    harness.run();
    let board = harness
        .state()
        .session()
        .board(board_id)
        .expect("the board")
        .clone();
    let after: Vec<(f32, f32)> = board.cards.iter().map(|c| (c.x, c.y)).collect();
    assert_eq!(before, after, "no card moved");
    let cluster = board.clusters.last().expect("the accepted group");
    let chip = harness
        .query_all_by_label(&cluster.title)
        .map(|n| n.rect())
        .find(|r| r.width() < 500.0)
        .expect("the group's chip in the legend");
    for card in board
        .cards
        .iter()
        .filter(|c| !cluster.cards.contains(&c.id))
    {
        for node in harness.query_all_by_label(&card.text) {
            assert!(
                !chip.intersects(node.rect()),
                "{} lies under the group {}",
                card.text,
                cluster.title
            );
        }
    }
}

/// At a projector's 1280×720 with the projector theme, "Fit all" cannot show the example's
/// positioning board at a readable size: the toolbar says that the rest is a drag away instead
/// of cutting cards off silently. In a large window it all fits and nothing is said.
#[test]
fn fit_all_says_when_the_board_is_larger_than_the_window() {
    for (size, theme, is_cut) in [
        ([1280.0, 720.0], moderato::app::Theme::Projector, true),
        ([1500.0, 1000.0], moderato::app::Theme::Light, false),
    ] {
        let (dir, folder) = sessions_with_example();
        let mut harness = start(
            dir.path(),
            Setup {
                size,
                theme,
                ..Setup::on(folder)
            },
        );
        harness.state_mut().show(Screen::Board);
        harness.run();
        harness.get_by_label("Fit all").click();
        harness.run();
        assert_eq!(
            harness
                .query_by_label("(larger than the window: drag)")
                .is_some(),
            is_cut,
            "{size:?}"
        );
    }
}
