//! "Board from photo…": a generated photo of a pinboard read off the UI thread, one card
//! clicked out, one missed card drawn, the cards created on a new board as one undo step,
//! the photo attached to it, each card with its picture; then the cards typed from their
//! pictures, a fast typist's burst included.

use super::*;
use moderato::app::photo_board::Stage;
use moderato::photos::PhotoLink;
use moderato::pinboard::synthetic::{SynthOptions, generate_jpeg};

#[test]
fn a_board_from_a_photo_reviewed_then_created_in_one_step() {
    let (dir, folder) = sessions_with_example();
    let (jpeg, truth) = generate_jpeg(
        2,
        &SynthOptions {
            width: 3000,
            height: 2250,
            jpeg_quality: 85,
        },
    )
    .unwrap();
    let photo = dir.path().join("wand-1.jpg");
    fs::write(&photo, jpeg).unwrap();
    let mut harness = start(
        dir.path(),
        Setup {
            size: [1500.0, 1100.0],
            ..Setup::on(folder.clone())
        },
    );
    let boards_before = harness.state().session().boards.len();
    let photos_before = harness.state().session().photos.len();
    harness.get_by_label("Board").click();
    settle(&mut harness);
    harness.get_by_label("Board from photo…").click();
    settle(&mut harness);
    harness
        .get_by_label("Path of a photo of a pinboard (JPEG or PNG):")
        .type_text(&photo.display().to_string());
    harness.key_press(Key::Enter);
    // Reading a 7-megapixel photo unoptimised takes a while: wait for the review (a safety
    // net of five minutes, not a timing assertion), then let the frame settle.
    for _ in 0..30_000 {
        let ready = harness
            .state()
            .photo_board()
            .is_some_and(|d| !matches!(d.stage, Stage::Detecting));
        if ready {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    settle(&mut harness);
    let (found, size, centre_of_first) = {
        let dialog = harness.state().photo_board().expect("the dialog is open");
        let Stage::Ready(review) = &dialog.stage else {
            panic!("the photo was read");
        };
        let first = moderato::pinboard::geom::quad_centre(&review.detection.cards[0].corners);
        (review.detection.cards.len(), review.photo_size, first)
    };
    assert!(
        found as f32 >= truth.cards.len() as f32 * 0.8,
        "{found} of {} cards found",
        truth.cards.len()
    );
    let picture = harness
        .get_by_role_and_label(egui::Role::Image, "Photo of the board")
        .rect();
    let scale = picture.width() / size[0];
    let on_screen = |p: [f32; 2]| picture.min + egui::vec2(p[0] * scale, p[1] * scale);

    // Click the first card out.
    let at = on_screen(centre_of_first);
    harness.hover_at(at);
    harness.step();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.step();
    }
    harness.run();
    // Draw a card that was missed, in the photo's top left corner (off the board).
    let from = on_screen([size[0] * 0.01, size[1] * 0.01]);
    harness.drag_at(from);
    harness.step();
    for step in 1..=4 {
        harness.hover_at(from + egui::vec2(12.0 * step as f32, 9.0 * step as f32));
        harness.step();
    }
    harness.drop_at(from + egui::vec2(48.0, 36.0));
    harness.run();
    {
        let dialog = harness.state().photo_board().unwrap();
        let Stage::Ready(review) = &dialog.stage else {
            panic!("still under review");
        };
        assert_eq!(review.removed.len(), 1, "one card clicked out");
        assert_eq!(review.detection.cards.len(), found + 1, "one card drawn");
    }

    harness.get_by_label("Create cards").click();
    wait_for_cards(&mut harness);
    assert!(
        harness.state().photo_board().is_none(),
        "the dialog closes: {:?}",
        harness.state().error_message()
    );
    let session = harness.state().session();
    assert_eq!(session.boards.len(), boards_before + 1);
    let board = session.boards.last().unwrap();
    assert_eq!(board.title, "wand 1");
    assert_eq!(board.cards.len(), found, "found, one out, one drawn");
    // Every card, the drawn one too, has its picture in the session's photos/cards/.
    for card in &board.cards {
        let picture = card.picture.as_deref().expect("each card has its picture");
        assert!(picture.starts_with("photos/cards/"), "{picture}");
        let bytes = fs::read(folder.join(picture)).unwrap();
        image::load_from_memory(&bytes).expect("a picture that decodes");
    }
    let attached = session.photos.last().unwrap();
    assert_eq!(attached.link, Some(PhotoLink::Board(board.id)));
    assert_eq!(harness.state().screen(), Screen::Board);
    // Typed as the wall reads: column by column, then the loose cards row by row.
    let order = moderato::board::cards::reading_order(board);
    type_cards_from_their_pictures(&mut harness, &order);
    // Typing again is undone card by card; then the board itself goes.
    for _ in 0..3 {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
        harness.run();
    }

    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    let session = harness.state().session();
    assert_eq!(
        session.boards.len(),
        boards_before,
        "one undo takes the board back"
    );
    assert_eq!(session.photos.len(), photos_before, "and the photo with it");
}

/// Waits for "Create cards" to finish (the photo decoded again and every card cut out,
/// unoptimised: a safety net of five minutes, not a timing assertion).
fn wait_for_cards(harness: &mut Harness<'static, ModeratoApp>) {
    for _ in 0..30_000 {
        if harness.state().photo_board().is_none() || harness.state().error_message().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    settle(harness);
}

/// "Type cards": the first card's text typed and kept with Enter, the second's typed in the
/// same frame as that Enter (a fast typist), the third's begun, then Escape: all three texts
/// stay, each its own undo step, and the other cards still show their pictures.
fn type_cards_from_their_pictures(
    harness: &mut Harness<'static, ModeratoApp>,
    order: &[moderato::ids::CardId],
) {
    let untyped = order.len();
    harness
        .get_by_label(&format!("Type cards ({untyped})"))
        .click();
    harness.run();
    assert!(harness.query_by_label("Text of the card").is_some());
    harness
        .get_by_role_and_label(egui::Role::Image, "Card without text (still to type)")
        .rect();
    // One frame's input: the text, Enter, and the next card's text right after it.
    let enter = |pressed| egui::Event::Key {
        key: Key::Enter,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    };
    harness.input_mut().events.extend([
        egui::Event::Text("Bürgerhaushalt".into()),
        enter(true),
        enter(false),
        egui::Event::Text("Ratsinfo offen".into()),
    ]);
    harness.step();
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    harness.event(egui::Event::Text("Straßen".into()));
    harness.step();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness.query_by_label("Text of the card").is_none(),
        "Escape ends the typing"
    );
    let board = harness_board(harness);
    let text = |i: usize| board.card(order[i]).unwrap().text.clone();
    assert_eq!(
        [text(0), text(1), text(2)],
        ["Bürgerhaushalt", "Ratsinfo offen", "Straßen"]
    );
    assert!(
        order
            .iter()
            .skip(3)
            .all(|id| board.card(*id).unwrap().text.is_empty())
    );
    assert_eq!(
        harness.state().status(),
        Some(format!("3 cards typed; {} still without text.", untyped - 3).as_str())
    );
    let left = format!("Type cards ({})", untyped - 3);
    assert!(harness.query_by_label(&left).is_some(), "{left}");
}

fn harness_board(harness: &Harness<'static, ModeratoApp>) -> moderato::board::Board {
    harness.state().session().boards.last().unwrap().clone()
}

#[test]
fn an_attached_photo_becomes_a_board_and_is_linked_not_copied() {
    let (dir, folder) = sessions_with_example();
    let (jpeg, _) = generate_jpeg(
        9,
        &SynthOptions {
            width: 2400,
            height: 1800,
            jpeg_quality: 85,
        },
    )
    .unwrap();
    let photo = dir.path().join("wand-2.jpg");
    fs::write(&photo, jpeg).unwrap();
    let mut harness = start(dir.path(), Setup::on(folder.clone()));
    harness.get_by_label("Photos").click();
    settle(&mut harness);
    harness.get_by_label("Type a path…").click();
    harness.run();
    harness
        .get_by_label("Path of a photo (JPEG or PNG) or of a folder of photos:")
        .type_text(&photo.display().to_string());
    harness.key_press(Key::Enter);
    settle(&mut harness);
    let photos_before = harness.state().session().photos.clone();
    let attached = photos_before.last().unwrap().clone();
    let boards_before = harness.state().session().boards.len();

    harness.get_by_label("Board from photo…").click();
    for _ in 0..30_000 {
        let ready = harness
            .state()
            .photo_board()
            .is_some_and(|d| !matches!(d.stage, Stage::Detecting));
        if ready {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    settle(&mut harness);
    harness.get_by_label("Create cards").click();
    wait_for_cards(&mut harness);
    let session = harness.state().session();
    assert_eq!(session.boards.len(), boards_before + 1);
    let board = session.boards.last().unwrap();
    assert!(!board.cards.is_empty());
    assert_eq!(
        session.photos.len(),
        photos_before.len(),
        "not copied again"
    );
    let linked = session.photos.iter().find(|p| p.id == attached.id).unwrap();
    assert_eq!(linked.link, Some(PhotoLink::Board(board.id)));
}
