//! Fast typing: bursts of keys within one frame reach their fields, never shortcuts.

use super::*;

/// Keys as a fast typist's burst lands in one frame: each key's press and release.
fn burst_keys(harness: &Harness<'static, ModeratoApp>, keys: &[Key]) {
    for key in keys {
        for pressed in [true, false] {
            harness.event(egui::Event::Key {
                key: *key,
                physical_key: None,
                pressed,
                repeat: false,
                modifiers: egui::Modifiers::NONE,
            });
        }
    }
}

/// Typed text as one burst: the text and the key presses egui gets for its letters (which
/// would be shortcuts if they reached the app).
fn burst_text(harness: &Harness<'static, ModeratoApp>, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    let keys: Vec<Key> = text
        .chars()
        .filter_map(|c| Key::from_name(&c.to_ascii_uppercase().to_string()))
        .collect();
    burst_keys(harness, &keys);
}

/// No single-key shortcut acted: the projector is closed, the help is closed and no timer
/// started.
fn assert_no_shortcut_acted(harness: &Harness<'static, ModeratoApp>) {
    assert!(
        !harness.state().is_projector_open(),
        "P opened the projector"
    );
    let started = harness
        .state()
        .session()
        .agenda
        .items()
        .filter(|i| !i.timing.is_empty())
        .count();
    assert_eq!(started, 0, "N or Space started a timer");
}

#[test]
fn burst_typing_keeps_text_and_fires_no_shortcut() {
    let dir = tempfile::tempdir().unwrap();
    let folder = pending_agenda_session(dir.path());
    let mut harness = app_with_clock(dir.path(), folder, Clock::System);
    let notes = harness.get_all_by_label("Notes").next().unwrap();
    notes.click();
    harness.run();
    // "Kaffee und Kuchen Pn", then Escape, all in one frame.
    burst_text(&harness, "Kaffee und Kuchen Pn");
    burst_keys(&harness, &[Key::Escape]);
    harness.run();
    assert_eq!(
        harness.state().session().agenda.days[0].items[0].notes,
        "Kaffee und Kuchen Pn"
    );
    assert_no_shortcut_acted(&harness);
    // After the Escape, a single key is a shortcut again.
    harness.key_press(Key::P);
    harness.run();
    assert!(harness.state().is_projector_open());
}

#[test]
fn a_burst_ended_by_a_click_elsewhere_keeps_every_character() {
    let dir = tempfile::tempdir().unwrap();
    let folder = pending_agenda_session(dir.path());
    let mut harness = app_with_clock(dir.path(), folder, Clock::System);
    let elsewhere = harness.get_by_label("+ Add day").rect().center() + egui::vec2(300.0, 0.0);
    harness
        .get_all_by_label("Responsible")
        .next()
        .unwrap()
        .click();
    harness.run();
    burst_text(&harness, "Jörg Weißenbach n p");
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: elsewhere,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run();
    assert_eq!(
        harness.state().session().agenda.days[0].items[0].responsible,
        "Jörg Weißenbach n p"
    );
    assert_no_shortcut_acted(&harness);
}

#[test]
fn bursts_into_numbers_dates_and_multiline_notes_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let folder = pending_agenda_session(dir.path());
    let mut harness = app_with_clock(dir.path(), folder, Clock::System);
    // Minutes: select the 10 and type over it, then Tab on in the same frame.
    harness.get_all_by_label("min").next().unwrap().click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.run();
    burst_text(&harness, "45");
    burst_keys(&harness, &[Key::Tab]);
    harness.run();
    assert_eq!(
        harness.state().session().agenda.days[0].items[0].planned_minutes,
        45
    );
    // A date in the German spelling, ended by Enter.
    harness.get_by_label("Date").click();
    harness.run();
    burst_text(&harness, "24.11.2017");
    burst_keys(&harness, &[Key::Enter]);
    harness.run();
    assert_eq!(
        harness.state().session().agenda.days[0].date,
        Some(jiff::civil::date(2017, 11, 24))
    );
    // Notes of several lines on the results screen, ended by Escape.
    harness.get_by_label("Results & next steps").click();
    harness.run();
    harness
        .get_by_label("Notes (e.g. communication channels)")
        .click();
    harness.run();
    burst_text(&harness, "Mailingliste p");
    burst_keys(&harness, &[Key::Enter]);
    burst_text(&harness, "Treffen n");
    burst_keys(&harness, &[Key::Escape]);
    harness.run();
    assert_eq!(harness.state().session().notes, "Mailingliste p\nTreffen n");
    assert_no_shortcut_acted(&harness);
}

#[test]
fn quick_card_entry_takes_a_burst_of_cards_and_escape() {
    let dir = tempfile::tempdir().unwrap();
    let folder = empty_board_session(dir.path());
    let mut harness = app_with_clock(dir.path(), folder, Clock::System);
    harness.get_by_label("Board").click();
    harness.run();
    harness.get_by_label("New card").click();
    harness.run();
    // Two cards and the start of a third, all in one frame.
    burst_text(&harness, "Parkbänke");
    burst_keys(&harness, &[Key::Enter]);
    burst_text(&harness, "Nachtbus P");
    burst_keys(&harness, &[Key::Enter]);
    burst_text(&harness, "Spielplatz");
    burst_keys(&harness, &[Key::Escape]);
    harness.run();
    let texts: Vec<String> = harness.state().session().boards[0]
        .cards
        .iter()
        .map(|c| c.text.clone())
        .collect();
    assert_eq!(texts, ["Parkbänke", "Nachtbus P"]);
    assert_eq!(
        harness.get_by_label("New card").value().as_deref(),
        Some("Spielplatz"),
        "the card not yet entered stays in its field"
    );
    assert_no_shortcut_acted(&harness);
}

#[test]
fn a_reflection_row_typed_in_one_burst_keeps_its_name_ratings_and_comment() {
    use moderato::session::Session;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("bilanz");
    storage::save(&folder, &Session::create("Bilanz")).unwrap();
    let mut harness = app_with_clock(dir.path(), folder, Clock::System);
    harness.get_by_label("Reflection").click();
    harness.run();
    harness.get_by_label("+ Entry").click();
    harness.run();
    // Name, Tab, four ratings with Tab, a comment, Enter: one burst.
    burst_text(&harness, "Stadt Nordheim");
    for rating in ["5", "4", "2", "3"] {
        burst_keys(&harness, &[Key::Tab]);
        burst_text(&harness, rating);
    }
    burst_keys(&harness, &[Key::Tab]);
    burst_text(&harness, "Passt. N");
    burst_keys(&harness, &[Key::Enter]);
    harness.run();
    let reflection = harness.state().session().reflection.clone();
    let entry = &reflection.entries[0];
    assert_eq!(entry.who, "Stadt Nordheim");
    assert_eq!(entry.comment, "Passt. N");
    let ratings: Vec<i32> = reflection
        .dimensions
        .iter()
        .map(|d| entry.ratings.get(&d.id).copied().unwrap_or_default())
        .collect();
    assert_eq!(ratings, [5, 4, 2, 3]);
    assert_eq!(
        reflection.entries.len(),
        2,
        "Enter in the comment adds the next row"
    );
    assert_no_shortcut_acted(&harness);
}
