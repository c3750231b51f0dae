//! Interaction tests: the real app, headless, driven through its labels like a user would.

#[path = "common/app.rs"]
mod app;
mod common;

use std::fs;
use std::path::{Path, PathBuf};

use app::{Setup, sessions_with_example, settle, start};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use moderato::app::{ModeratoApp, Screen, StartWith};
use moderato::clock::Clock;
use moderato::i18n::Lang;
use moderato::storage;

fn app_on(dir: &Path, open: Option<PathBuf>, lang: Lang) -> Harness<'static, ModeratoApp> {
    let setup = Setup {
        start: open.map_or(StartWith::LastSession, StartWith::Session),
        lang,
        size: [1400.0, 1000.0],
        ..Setup::on(PathBuf::new())
    };
    start(dir, setup)
}

fn app_with_clock(dir: &Path, folder: PathBuf, clock: Clock) -> Harness<'static, ModeratoApp> {
    start(
        dir,
        Setup {
            clock,
            ..Setup::on(folder)
        },
    )
}

#[test]
fn every_screen_is_reached_by_its_label() {
    let (dir, folder) = sessions_with_example();
    let mut harness = app_on(dir.path(), Some(folder), Lang::En);
    let screens = [
        ("Agenda", Screen::Agenda, "Add day"),
        ("Board", Screen::Board, "New card"),
        ("Reflection", Screen::Reflection, "mostly positive"),
        (
            "Photos",
            Screen::Photos,
            "Verortungswand nach der ersten Runde",
        ),
        ("Results & next steps", Screen::Results, "Action items"),
        ("Review", Screen::Review, "At a glance"),
    ];
    for (label, screen, shown) in screens {
        harness.get_by_label(label).click();
        settle(&mut harness);
        assert_eq!(harness.state().screen(), screen, "after clicking {label}");
        assert!(
            harness.query_all_by_label_contains(shown).next().is_some(),
            "{label} shows \u{201c}{shown}\u{201d}"
        );
    }
}

#[test]
fn add_an_action_item_undo_redo_save_and_find_it_after_reopening() {
    let (dir, folder) = sessions_with_example();
    let before = storage::load(&folder).unwrap().action_items.len();
    {
        let mut harness = app_on(dir.path(), Some(folder.clone()), Lang::En);
        harness.get_by_label("Results & next steps").click();
        harness.run();
        harness.get_by_label("+ Add action item").click();
        harness.run();
        assert_eq!(harness.state().session().action_items.len(), before + 1);

        let task = harness.get_all_by_label("Task").last().unwrap();
        task.click();
        harness.run();
        harness
            .get_all_by_label("Task")
            .last()
            .unwrap()
            .type_text("Fotoprotokoll an alle Modellkommunen");
        harness.run();
        harness.key_press(Key::Enter);
        harness.run();
        let title = |h: &Harness<'_, ModeratoApp>| {
            h.state()
                .session()
                .action_items
                .last()
                .map(|a| a.title.clone())
                .unwrap_or_default()
        };
        assert_eq!(title(&harness), "Fotoprotokoll an alle Modellkommunen");
        assert!(harness.state().document().is_dirty());

        // Typing the title was one edit, adding the row another.
        harness.get_by_label("Undo").click();
        harness.run();
        assert_eq!(harness.state().session().action_items.len(), before + 1);
        assert_eq!(title(&harness), "");
        harness.get_by_label("Undo").click();
        harness.run();
        assert_eq!(harness.state().session().action_items.len(), before);
        assert!(
            !harness.state().document().is_dirty(),
            "back at the saved state"
        );

        harness.get_by_label("Redo").click();
        harness.run();
        harness.get_by_label("Redo").click();
        harness.run();
        assert_eq!(title(&harness), "Fotoprotokoll an alle Modellkommunen");

        harness.get_by_label("Save").click();
        settle(&mut harness);
        assert!(!harness.state().document().is_dirty());
        assert!(harness.query_by_label("saved just now").is_some());
    }
    let text = fs::read_to_string(folder.join("session.ron")).unwrap();
    assert!(text.contains("Fotoprotokoll an alle Modellkommunen"));

    let mut harness = app_on(dir.path(), Some(folder), Lang::En);
    harness.get_by_label("Results & next steps").click();
    harness.run();
    assert_eq!(harness.state().session().action_items.len(), before + 1);
    assert!(
        harness
            .query_all_by_value("Fotoprotokoll an alle Modellkommunen")
            .next()
            .is_some()
    );
}

#[test]
fn keyboard_undo_and_redo() {
    let (dir, folder) = sessions_with_example();
    let mut harness = app_on(dir.path(), Some(folder), Lang::En);
    harness.get_by_label("Results & next steps").click();
    harness.run();
    harness.get_by_label("+ Add result").click();
    harness.run();
    let count = harness.state().session().results.len();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().session().results.len(), count - 1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(harness.state().session().results.len(), count);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(harness.state().session().results.len(), count);
}

#[test]
fn the_ui_switches_to_german_at_run_time() {
    let (dir, folder) = sessions_with_example();
    let mut harness = app_on(dir.path(), Some(folder), Lang::En);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Deutsch").click();
    harness.run();
    assert_eq!(harness.state().preferences().language, Some(Lang::De));
    for label in [
        "Ergebnisse & nächste Schritte",
        "Pinnwand",
        "Rückblick",
        "Rückgängig",
        "Datei",
        "Ansicht",
    ] {
        assert!(harness.query_by_label(label).is_some(), "{label} is shown");
    }
    assert!(harness.query_by_label("Results & next steps").is_none());
}

#[test]
fn opening_a_typed_path_and_a_broken_one() {
    let (dir, folder) = sessions_with_example();
    let broken = dir.path().join("kaputt");
    fs::create_dir_all(&broken).unwrap();
    fs::write(
        broken.join("session.ron"),
        "Session(\n  schema_version: 1,\n  notes: 7,\n)",
    )
    .unwrap();

    // With no session yet, the built-in example opens, as a copy in the sessions folder.
    let empty = tempfile::tempdir().unwrap();
    let mut harness = app_on(empty.path(), None, Lang::En);
    let example_copy = empty.path().join("open-government-2017");
    assert_eq!(
        harness.state().document().folder(),
        Some(example_copy.as_path())
    );
    assert!(
        example_copy
            .join("photos/verortung-achsenwand.png")
            .is_file()
    );

    for (path, should_open) in [(broken.clone(), false), (folder.clone(), true)] {
        harness.get_by_label("File").click();
        harness.run();
        harness.get_by_label("Type a path…").click();
        harness.run();
        let field = harness.get_by_label("A session folder or its session.ron:");
        field.type_text(&path.display().to_string());
        harness.run();
        harness.key_press(Key::Enter);
        settle(&mut harness);
        if should_open {
            assert_eq!(harness.state().document().folder(), Some(folder.as_path()));
            assert!(
                harness
                    .state()
                    .session()
                    .meta
                    .title
                    .starts_with("Open Government")
            );
        } else {
            let message = harness
                .state()
                .error_message()
                .expect("an error is shown")
                .to_owned();
            assert!(message.contains("line 3"), "{message}");
            assert_eq!(
                harness.state().document().folder(),
                Some(example_copy.as_path()),
                "the current session stays"
            );
            harness.get_by_label("OK").click();
            harness.run();
        }
    }
}

#[test]
fn a_newer_autosave_is_offered_and_recovered() {
    let (dir, folder) = sessions_with_example();
    let mut changed = storage::load(&folder).unwrap();
    changed
        .notes
        .push_str("\nNachtrag: Raum für Juni reservieren");
    // Make sure the autosave is newer than the copied session file.
    std::thread::sleep(std::time::Duration::from_millis(20));
    storage::write_autosave(&folder, &changed).unwrap();

    let mut harness = app_on(dir.path(), Some(folder.clone()), Lang::En);
    assert!(harness.query_by_label("Unsaved changes found").is_some());
    harness.get_by_label("Recover").click();
    harness.run();
    assert!(
        harness
            .state()
            .session()
            .notes
            .ends_with("Raum für Juni reservieren")
    );
    assert!(
        harness.state().document().is_dirty(),
        "recovered, not yet saved"
    );
    harness.get_by_label("Undo").click();
    harness.run();
    assert!(
        !harness.state().document().is_dirty(),
        "recovery is one undoable edit"
    );
}

#[test]
fn a_session_open_elsewhere_warns_before_opening() {
    let (dir, folder) = sessions_with_example();
    let _other_window = storage::SessionLock::acquire(&folder).unwrap();
    let mut harness = app_on(dir.path(), Some(folder.clone()), Lang::En);
    assert!(harness.query_by_label("Session is already open").is_some());
    assert!(
        harness.state().document().folder().is_none(),
        "not opened without asking"
    );
    harness.get_by_label("Open anyway").click();
    settle(&mut harness);
    assert_eq!(harness.state().document().folder(), Some(folder.as_path()));
}

#[test]
fn autosave_writes_beside_the_session_after_a_pause_and_leaves_the_file_alone() {
    let (dir, folder) = sessions_with_example();
    let saved = fs::read(folder.join("session.ron")).unwrap();
    let mut harness = app_on(dir.path(), Some(folder.clone()), Lang::En);
    harness.get_by_label("Results & next steps").click();
    harness.run();
    harness.get_by_label("+ Add result").click();
    harness.run();
    let autosave = folder.join(storage::AUTOSAVE_FILE);
    assert!(
        !autosave.exists(),
        "not at once: autosave waits for a pause"
    );
    // Each step is a quarter of a second of app time.
    harness.run_steps(16);
    settle(&mut harness);
    let recovered = storage::find_recovery(&folder).expect("an autosave with the change");
    assert_eq!(
        recovered.session.results.len(),
        harness.state().session().results.len()
    );
    assert_eq!(
        fs::read(folder.join("session.ron")).unwrap(),
        saved,
        "session.ron untouched"
    );

    harness.get_by_label("Save").click();
    settle(&mut harness);
    assert!(!autosave.exists(), "a save makes the autosave redundant");
}

#[test]
fn a_new_session_gets_a_title_and_is_saved_where_the_user_types() {
    let (dir, folder) = sessions_with_example();
    let mut harness = app_on(dir.path(), Some(folder), Lang::En);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("New session").click();
    harness.run();
    // The New dialog asks for a title; without one the session is "Untitled".
    harness.get_by_label("Create").click();
    harness.run();
    assert!(harness.state().document().folder().is_none());
    assert!(harness.query_by_label("Untitled session").is_some());

    harness.get_by_label("Review").click();
    harness.run();
    harness.get_by_label("Title").click();
    harness.run();
    harness
        .get_by_label("Title")
        .type_text("Zukunftswerkstatt Mühlental");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().session().meta.title,
        "Zukunftswerkstatt Mühlental"
    );

    // No file dialog in tests: Save asks for a typed folder, suggesting one from the title.
    harness.get_by_label("Save").click();
    settle(&mut harness);
    let suggested = dir.path().join("zukunftswerkstatt-muehlental");
    let field = harness.get_by_label("Folder to save the session in (created if needed):");
    assert_eq!(
        field.value().as_deref(),
        Some(suggested.display().to_string().as_str())
    );
    harness.get_by_label("OK").click();
    settle(&mut harness);
    assert_eq!(
        harness.state().document().folder(),
        Some(suggested.as_path())
    );
    assert!(!harness.state().document().is_dirty());
    let saved = storage::load(&suggested).unwrap();
    assert_eq!(saved.meta.title, "Zukunftswerkstatt Mühlental");
    assert_eq!(
        saved.reflection.dimensions.len(),
        4,
        "new sessions start with the four dimensions"
    );
}

/// A session with one day of three pending items, 10 + 20 + 15 minutes, starting now.
fn pending_agenda_session(dir: &Path) -> PathBuf {
    use moderato::agenda::{AgendaDay, AgendaItem};
    use moderato::ids::{AgendaDayId, AgendaItemId};
    use moderato::session::Session;
    let mut session = Session::create("Zeitplan-Test");
    let items = [
        ("Begrüßung", 10),
        ("Diskussion über Öffnungszeiten", 20),
        ("Abschluss", 15),
    ]
    .into_iter()
    .map(|(title, planned_minutes)| AgendaItem {
        id: AgendaItemId::generate(),
        title: title.into(),
        planned_minutes,
        ..AgendaItem::default()
    })
    .collect();
    session.agenda.days.push(AgendaDay {
        id: AgendaDayId::generate(),
        items,
        ..AgendaDay::default()
    });
    let folder = dir.join("zeitplan");
    storage::save(&folder, &session).unwrap();
    folder
}

#[test]
fn a_running_item_warns_then_counts_overtime_with_a_mock_clock() {
    let dir = tempfile::tempdir().unwrap();
    let folder = pending_agenda_session(dir.path());
    let clock = Clock::manual("2026-11-26T09:00:00Z".parse().unwrap());
    let mut harness = app_with_clock(dir.path(), folder, clock.clone());
    harness.get_by_label("Start").click();
    harness.run();
    let first = &harness.state().session().agenda.days[0].items[0];
    assert!(matches!(
        first.timing.as_slice(),
        [moderato::agenda::TimingEvent::Started(_)]
    ));
    assert!(
        harness.query_by_label("10:00").is_some(),
        "the full timebox is shown"
    );

    clock.advance(jiff::SignedDuration::from_secs(8 * 60 + 5));
    harness.run();
    assert!(harness.query_by_label("1:55").is_some());
    assert!(
        harness.query_by_label("time is running out").is_some(),
        "under 20 % left"
    );

    clock.advance(jiff::SignedDuration::from_secs(2 * 60 + 30));
    harness.run();
    assert!(harness.query_by_label("Time's up").is_some());
    assert!(
        harness.query_by_label("+0:35").is_some(),
        "overtime keeps counting"
    );

    // Space pauses: the countdown stands still.
    harness.key_press(Key::Space);
    harness.run();
    clock.advance(jiff::SignedDuration::from_mins(5));
    harness.run();
    assert!(harness.query_by_label("+0:35").is_some());
    assert!(harness.query_all_by_label("paused").next().is_some());

    // N ends it and starts the next one.
    harness.key_press(Key::N);
    harness.run();
    assert!(harness.query_by_label("20:00").is_some());
    let totals = moderato::agenda::figures::agenda(&harness.state().session().agenda, clock.now());
    assert_eq!(
        (totals.held_minutes, totals.items_over_time),
        (11, 1),
        "10:35 held, over its 10 minutes"
    );
}

#[test]
fn reorder_items_and_type_a_duration() {
    let dir = tempfile::tempdir().unwrap();
    let folder = pending_agenda_session(dir.path());
    let mut harness = app_with_clock(dir.path(), folder, Clock::System);
    let titles = |h: &Harness<'_, ModeratoApp>| -> Vec<String> {
        h.state().session().agenda.days[0]
            .items
            .iter()
            .map(|i| i.title.clone())
            .collect()
    };
    // Move the last item up with its button.
    harness.get_all_by_label("Move up").last().unwrap().click();
    harness.run();
    assert_eq!(
        titles(&harness),
        ["Begrüßung", "Abschluss", "Diskussion über Öffnungszeiten"]
    );
    // And the first one down with Alt+↓ from its title field.
    harness.get_all_by_label("Title").next().unwrap().click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::ALT, Key::ArrowDown);
    harness.run();
    assert_eq!(
        titles(&harness),
        ["Abschluss", "Begrüßung", "Diskussion über Öffnungszeiten"]
    );
    harness.key_press(Key::Escape);
    harness.run();

    // Type 95 minutes: any length, no slider.
    let minutes = harness.get_all_by_label("min").last().unwrap();
    minutes.click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness
        .get_all_by_label("min")
        .last()
        .unwrap()
        .type_text("95");
    harness.key_press(Key::Enter);
    harness.run();
    let day = &harness.state().session().agenda.days[0];
    assert_eq!(day.items[2].planned_minutes, 95);
    assert_eq!(
        moderato::agenda::timing::DayBudget::of(day).planned_minutes,
        15 + 10 + 95
    );
    // The computed times follow: 09:00 start, so the last item runs 09:25–11:00.
    assert!(harness.query_by_label("09:25\u{2013}11:00").is_some());
}

#[test]
fn the_projector_view_shows_the_countdown_and_the_next_item() {
    let dir = tempfile::tempdir().unwrap();
    let folder = pending_agenda_session(dir.path());
    let clock = Clock::manual("2026-11-26T09:00:00Z".parse().unwrap());
    let mut harness = app_with_clock(dir.path(), folder, clock.clone());
    harness.key_press(Key::Space);
    harness.run();
    clock.advance(jiff::SignedDuration::from_secs(90));
    harness.key_press(Key::P);
    harness.run();
    assert!(harness.state().is_projector_open());
    // Headless, the second window is embedded; its countdown is the second "8:30".
    assert_eq!(harness.query_all_by_label("8:30").count(), 2);
    assert!(
        harness
            .query_by_label("Next up: Diskussion über Öffnungszeiten")
            .is_some()
    );
    harness.key_press(Key::P);
    harness.run();
    assert!(!harness.state().is_projector_open());
}

#[test]
fn a_speaking_round_gives_equal_turns_and_enter_moves_on() {
    let (dir, folder) = sessions_with_example();
    let clock = Clock::manual("2026-11-26T09:00:00Z".parse().unwrap());
    let mut harness = app_with_clock(dir.path(), folder, clock.clone());
    harness.get_by_label_contains("Speaking round").click();
    harness.run();
    harness.get_by_label("Use the participants").click();
    harness.run();
    harness.get_by_label("Start the round").click();
    harness.run();
    assert!(harness.query_by_label("Katrin Müller").is_some());
    assert!(
        harness.query_by_label("1:00").is_some(),
        "60 s per speaker by default"
    );
    clock.advance(jiff::SignedDuration::from_secs(61));
    harness.run();
    assert!(harness.query_by_label("Time is up").is_some());
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.query_by_label("Jörg Weißenbach").is_some());
    assert!(
        harness.query_by_label("1:00").is_some(),
        "the next speaker gets the same time"
    );
}

#[test]
fn a_running_timer_repaints_at_the_next_second_and_an_idle_app_does_not_tick() {
    let dir = tempfile::tempdir().unwrap();
    let folder = pending_agenda_session(dir.path());
    let clock = Clock::manual("2026-11-26T09:00:00Z".parse().unwrap());
    let mut harness = app_with_clock(dir.path(), folder, clock.clone());
    let delay = |h: &Harness<'_, ModeratoApp>| {
        h.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay
    };
    assert!(
        delay(&harness) >= std::time::Duration::from_secs(1),
        "idle: {:?}",
        delay(&harness)
    );

    harness.key_press(Key::Space);
    harness.run();
    clock.advance(jiff::SignedDuration::from_millis(300));
    harness.step();
    assert_eq!(
        delay(&harness),
        std::time::Duration::from_millis(700),
        "exactly at the next second"
    );

    harness.key_press(Key::Space); // Pause.
    harness.run();
    assert!(
        delay(&harness) >= std::time::Duration::from_secs(1),
        "paused: {:?}",
        delay(&harness)
    );
}

/// A session with two participants and an empty board allowing two dots each.
fn empty_board_session(dir: &Path) -> PathBuf {
    use moderato::board::Board;
    use moderato::ids::{BoardId, ParticipantId};
    use moderato::session::{Participant, Session};
    let mut session = Session::create("Ideenwerkstatt Mühlental");
    for name in ["Jürgen", "Ayşe"] {
        session.meta.participants.push(Participant {
            id: ParticipantId::generate(),
            name: name.into(),
            ..Participant::default()
        });
    }
    session.boards.push(Board {
        id: BoardId::generate(),
        title: "Ideen".into(),
        dots_per_person: 2,
        ..Board::default()
    });
    let folder = dir.join("ideen");
    storage::save(&folder, &session).unwrap();
    folder
}

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
fn sessions_ticked_in_the_browser_are_consolidated_and_reviewed() {
    let (dir, example) = sessions_with_example();
    // A second session: a copy of the example with another title and id.
    let mut other = storage::load(&example).unwrap();
    other.id = moderato::ids::SessionId::generate();
    other.meta.title = "Open Government in Kommunen – 3. Workshop".into();
    // Its own photos (a copied session's photos would be the same photos, kept once).
    for photo in &mut other.photos {
        photo.id = moderato::ids::PhotoId::generate();
    }
    storage::save(&dir.path().join("workshop-3"), &other).unwrap();
    let mut harness = app_with_clock(dir.path(), example.clone(), Clock::System);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Browse sessions").click();
    settle(&mut harness);
    for name in ["open-government-2017", "workshop-3"] {
        harness
            .get_by_label(&format!("Consolidate selected: {name}"))
            .click();
        harness.run();
    }
    harness.get_by_label("Consolidate selected (2)").click();
    harness.run();
    let out = dir.path().join("konsolidierung");
    let field = harness.get_by_label(
        "Folder for the result (an existing result is updated; its decisions are kept):",
    );
    assert_eq!(
        field.value().as_deref(),
        Some(out.display().to_string().as_str())
    );
    harness.get_by_label("OK").click();
    harness.run();
    // The work runs on a thread; give it a moment.
    for _ in 0..200 {
        if harness.state().document().folder() == Some(out.as_path()) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run();
    assert_eq!(
        harness.state().document().folder(),
        Some(out.as_path()),
        "{:?}",
        harness.state().error_message()
    );
    // workshop-3 was saved without its photo files: that is said, and the rest is there.
    let warning = harness
        .state()
        .error_message()
        .expect("the missing photos are named")
        .to_owned();
    assert!(
        warning.contains("workshop-3/photos/verortung-achsenwand.png"),
        "{warning}"
    );
    harness.get_by_label("OK").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Review);
    let provenance = harness
        .state()
        .session()
        .provenance
        .clone()
        .expect("a consolidation");
    assert_eq!(provenance.sources.len(), 2);
    assert!(harness.query_by_label("Sources").is_some());
    assert!(
        harness
            .query_all_by_label("Agenda and times")
            .next()
            .is_some()
    );
    // The inputs were not written to.
    assert_eq!(
        storage::load(&example).unwrap().meta.title,
        "Open Government in Kommunen – 2. Workshop der Modellkommunen"
    );
}

#[test]
fn a_session_opened_from_the_browser_is_read_only_until_switched() {
    let (dir, example) = sessions_with_example();
    // Start on another session, then open the example from the browser.
    let mut other = storage::load(&example).unwrap();
    other.meta.title = "Andere Sitzung".into();
    let other_folder = dir.path().join("andere");
    storage::save(&other_folder, &other).unwrap();
    let mut harness = app_on(dir.path(), Some(other_folder), Lang::En);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Browse sessions").click();
    settle(&mut harness);
    harness
        .get_by_label("Open: Open Government in Kommunen – 2. Workshop der Modellkommunen")
        .click();
    settle(&mut harness);
    assert_eq!(harness.state().document().folder(), Some(example.as_path()));
    assert!(harness.state().is_read_only());
    harness.get_by_label("Results & next steps").click();
    harness.run();
    let before = harness.state().session().action_items.len();
    harness.get_by_label("+ Add action item").click();
    harness.run();
    assert_eq!(
        harness.state().session().action_items.len(),
        before,
        "read-only: no edit"
    );
    harness.key_press(Key::Space);
    harness.run();
    assert!(
        !harness.state().document().is_dirty(),
        "no timer started either"
    );

    harness.get_by_label("Read-only").click();
    harness.run();
    assert!(!harness.state().is_read_only());
    harness.get_by_label("+ Add action item").click();
    harness.run();
    assert_eq!(harness.state().session().action_items.len(), before + 1);
}

#[test]
fn two_sessions_side_by_side() {
    let (dir, example) = sessions_with_example();
    let mut other = storage::load(&example).unwrap();
    other.meta.title = "Zweite Werkstatt".into();
    other.action_items.truncate(1);
    let other_folder = dir.path().join("zweite");
    storage::save(&other_folder, &other).unwrap();
    let harness = compared_with(dir.path(), example, &other_folder);
    assert!(harness.query_by_label("Comparison").is_some());
    assert!(harness.query_by_label("Zweite Werkstatt").is_some());
    let titles = harness
        .query_all_by_label("Open Government in Kommunen – 2. Workshop der Modellkommunen")
        .count();
    assert!(
        titles >= 2,
        "the current session heads the left column as well as the top bar"
    );
}

#[test]
fn a_reflection_round_is_typed_row_by_row_and_rated_on_the_target() {
    use moderato::session::Session;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("bilanz");
    storage::save(&folder, &Session::create("Bilanz")).unwrap();
    let mut harness = app_with_clock(dir.path(), folder, Clock::System);
    harness.get_by_label("Reflection").click();
    harness.run();
    harness.get_by_label("+ Entry").click();
    harness.run();
    // The new row's name field has the focus: type straight away.
    harness
        .get_all_by_label("Who")
        .last()
        .unwrap()
        .type_text("Stadt Nordheim");
    harness.run();
    for (dimension, rating) in [("Inhalt", "5"), ("Struktur", "4"), ("Methoden", "2")] {
        harness
            .get_all_by_role_and_label(egui::Role::TextInput, dimension)
            .last()
            .unwrap()
            .click();
        harness.run();
        harness
            .get_all_by_role_and_label(egui::Role::TextInput, dimension)
            .last()
            .unwrap()
            .type_text(rating);
        harness.run();
    }
    // A value outside the scale is not taken.
    harness
        .get_all_by_role_and_label(egui::Role::TextInput, "Moderation")
        .last()
        .unwrap()
        .click();
    harness.run();
    harness
        .get_all_by_role_and_label(egui::Role::TextInput, "Moderation")
        .last()
        .unwrap()
        .type_text("9");
    harness.run();
    harness.get_all_by_label("Comment").last().unwrap().click();
    harness.run();
    harness
        .get_all_by_label("Comment")
        .last()
        .unwrap()
        .type_text("Gute Struktur");
    harness.key_press(Key::Enter);
    harness.run();
    let reflection = harness.state().session().reflection.clone();
    assert_eq!(
        reflection.entries.len(),
        2,
        "Enter in the last comment adds the next row"
    );
    let first = &reflection.entries[0];
    assert_eq!(first.who, "Stadt Nordheim");
    let by_name = |name: &str| {
        reflection
            .dimensions
            .iter()
            .find(|d| d.name == name)
            .unwrap()
            .id
    };
    assert_eq!(first.ratings.get(&by_name("Inhalt")), Some(&5));
    assert_eq!(first.ratings.get(&by_name("Methoden")), Some(&2));
    assert_eq!(
        first.ratings.get(&by_name("Moderation")),
        None,
        "9 is outside 1–5"
    );
    assert!(
        harness.query_by_label("split").is_some()
            || harness
                .query_all_by_label("mostly positive")
                .next()
                .is_some()
    );

    // The new, second row is marked; a click near the centre of the first sector (Inhalt,
    // at twelve o'clock to three) rates it best.
    let target = harness
        .get_by_role_and_label(egui::Role::Image, "Target")
        .rect();
    let centre = target.center();
    let radius = target.width() / 2.0 - 30.0;
    let angle = std::f32::consts::FRAC_PI_4 * 0.5 - std::f32::consts::FRAC_PI_2;
    let at = centre + egui::vec2(angle.cos(), angle.sin()) * radius * 0.05;
    harness.hover_at(at);
    harness.drag_at(at);
    harness.drop_at(at);
    harness.run();
    let second = &harness.state().session().reflection.entries[1];
    assert_eq!(
        second.ratings.get(&by_name("Inhalt")),
        Some(&5),
        "{:?}",
        second.ratings
    );
}

#[test]
fn photos_are_attached_checked_and_shown_as_thumbnails() {
    use moderato::session::Session;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("fotos");
    let mut session = Session::create("Fotoprotokoll");
    session.meta.credits.photos.push("Kalinowski".into());
    session.photos.push(moderato::photos::Photo {
        id: moderato::ids::PhotoId::generate(),
        path: "photos/verschwunden.jpg".into(),
        caption: "Verschwunden".into(),
        ..Default::default()
    });
    storage::save(&folder, &session).unwrap();
    let picture = dir.path().join("Pinnwand.png");
    image::RgbaImage::from_pixel(64, 48, image::Rgba([250, 220, 120, 255]))
        .save(&picture)
        .unwrap();
    let not_a_picture = dir.path().join("notiz.jpg");
    fs::write(&not_a_picture, "kein Bild").unwrap();

    let mut harness = app_with_clock(dir.path(), folder.clone(), Clock::System);
    harness.get_by_label("Photos").click();
    settle(&mut harness);
    for file in [&picture, &not_a_picture] {
        harness.get_by_label("Type a path…").click();
        harness.run();
        harness
            .get_by_label("Path of a photo (JPEG or PNG):")
            .type_text(&file.display().to_string());
        harness.key_press(Key::Enter);
        settle(&mut harness);
    }
    let message = harness
        .state()
        .error_message()
        .expect("the bad file is named")
        .to_owned();
    assert!(
        message.contains("notiz.jpg") && message.contains("not a JPEG or PNG"),
        "{message}"
    );
    harness.get_by_label("OK").click();
    harness.run();
    let photos = harness.state().session().photos.clone();
    assert_eq!(photos.len(), 2, "the good one is attached, the bad one not");
    let attached = &photos[1];
    assert!(
        folder.join(&attached.path).is_file(),
        "copied into the session folder"
    );
    assert_eq!(attached.photographer, "Kalinowski");
    assert!(picture.is_file(), "the original stays");
    // The missing one shows a placeholder that names the file.
    assert!(
        harness
            .query_by_label_contains("verschwunden.jpg is missing")
            .is_some()
    );
    // The attached one, large, with a way to the previous one.
    harness.get_by_label("Show large").click();
    settle(&mut harness);
    assert!(harness.query_by_label("2 / 2").is_some());
    harness.get_by_label("\u{2190} Previous").click();
    settle(&mut harness);
    assert!(harness.query_by_label("1 / 2").is_some());
}

#[test]
fn the_pdf_report_is_exported_off_the_ui_thread_and_offered_to_open() {
    let (dir, folder) = sessions_with_example();
    let mut harness = app_with_clock(dir.path(), folder, Clock::System);
    harness.get_by_label("Review").click();
    harness.run();
    harness.get_by_label("PDF report…").click();
    harness.run();
    let target = dir
        .path()
        .join("open-government-in-kommunen-2-workshop-der-modellkommunen.pdf");
    let field = harness.get_by_label("File (for CSV: folder) to export to:");
    assert_eq!(
        field.value().as_deref(),
        Some(target.display().to_string().as_str())
    );
    harness.get_by_label("OK").click();
    // Two frames: one takes the click, the next starts the export; a spinner turns meanwhile.
    harness.step();
    harness.step();
    assert!(
        harness.state().is_exporting(),
        "the export runs on its own thread"
    );
    for _ in 0..1500 {
        if !harness.state().is_exporting() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run();
    assert!(
        harness.query_by_label("Export written").is_some(),
        "{:?}",
        harness.state().error_message()
    );
    assert!(harness.query_by_label("Open folder").is_some());
    let pdf = fs::read(&target).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // The English app writes the German session's report in German.
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    assert!(
        text.contains("Ablauf: geplant und gehalten"),
        "German headings"
    );
    assert!(!text.contains("Agenda: planned and held"));
}

#[test]
fn the_report_language_can_be_chosen_where_the_export_is_asked_for() {
    let (dir, folder) = sessions_with_example();
    let mut harness = app_with_clock(dir.path(), folder, Clock::System);
    harness.get_by_label("Review").click();
    harness.run();
    harness.get_by_label("PDF report…").click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    let target = dir.path().join("report-en.pdf");
    harness
        .get_by_label("File (for CSV: folder) to export to:")
        .focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("File (for CSV: folder) to export to:")
        .type_text(&target.display().to_string());
    harness.get_by_label("OK").click();
    harness.step();
    harness.step();
    for _ in 0..1500 {
        if !harness.state().is_exporting() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run();
    let text = pdf_extract::extract_text_from_mem(&fs::read(&target).unwrap()).unwrap();
    assert!(
        text.contains("Agenda: planned and held"),
        "English headings as chosen"
    );
}

#[test]
fn agenda_items_are_reordered_by_dragging_their_handle() {
    let dir = tempfile::tempdir().unwrap();
    let folder = pending_agenda_session(dir.path());
    let mut harness = app_with_clock(dir.path(), folder, Clock::System);
    let titles = |h: &Harness<'_, ModeratoApp>| -> Vec<String> {
        h.state().session().agenda.days[0]
            .items
            .iter()
            .map(|i| i.title.clone())
            .collect()
    };
    let handles: Vec<egui::Rect> = harness
        .get_all_by_label("\u{2630}")
        .map(|n| n.rect())
        .collect();
    assert_eq!(handles.len(), 3);
    // Drag the last item's handle onto the upper half of the first row.
    let from = handles[2].center();
    let to = handles[0].center() - egui::vec2(0.0, 4.0);
    harness.hover_at(from);
    harness.step();
    harness.drag_at(from);
    harness.step();
    for step in 1..=6 {
        harness.hover_at(from + (to - from) * (step as f32 / 6.0));
        harness.step();
    }
    harness.drop_at(to);
    harness.run();
    assert_eq!(
        titles(&harness),
        ["Abschluss", "Begrüßung", "Diskussion über Öffnungszeiten"]
    );
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
    let (first, last) = (card(&harness, "Bänke"), card(&harness, "Brunnen"));
    // From below the first row's left end to above the right end of its last card.
    let from = first.left_bottom() + egui::vec2(-6.0, 12.0);
    let to = last.right_top() + egui::vec2(6.0, -6.0);
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

/// The speaking round warns before a turn ends, counts the overtime on the laptop and the
/// projector, records who spoke how long on its agenda item, and survives a restart.
#[test]
fn speaking_round_warns_and_counts_overtime() {
    use moderato::agenda::speaking::RoundAction;
    use moderato::agenda::timing::Urgency;
    let (dir, folder) = sessions_with_example();
    let clock = Clock::manual("2026-11-26T09:00:00Z".parse().unwrap());
    let mut harness = app_with_clock(dir.path(), folder.clone(), clock.clone());
    harness.get_by_label_contains("Speaking round").click();
    harness.run();
    harness.get_by_label("Use the participants").click();
    harness.run();
    let speakers = harness.state().session().meta.participants.len();
    assert!(
        harness
            .query_by_label(&format!("{speakers} × 60 s = {speakers} min"))
            .is_some(),
        "the round's length before it starts"
    );
    harness.get_by_label("Start the round").click();
    harness.run();
    let round = |h: &Harness<'static, ModeratoApp>| {
        let agenda = &h.state().session().agenda;
        let item = agenda
            .items()
            .find(|i| i.round.is_some())
            .expect("a round is recorded");
        (item.title.clone(), item.round.clone().unwrap())
    };
    let (title, _) = round(&harness);
    assert!(
        title.starts_with("Blitzlicht"),
        "the Blitzlicht item by default: {title}"
    );
    let now = || clock.now();
    let urgency = |h: &Harness<'static, ModeratoApp>| {
        round(h).1.state(now()).current.expect("running").urgency
    };
    assert_eq!(urgency(&harness), Urgency::Calm);
    clock.advance(jiff::SignedDuration::from_secs(48));
    harness.run();
    assert_eq!(urgency(&harness), Urgency::Warning, "20 % left");
    assert!(harness.query_by_label("0:12").is_some());
    clock.advance(jiff::SignedDuration::from_secs(9));
    harness.run();
    assert_eq!(urgency(&harness), Urgency::Critical, "5 % left");
    harness.key_press(Key::P);
    harness.run();
    clock.advance(jiff::SignedDuration::from_secs(15));
    harness.run();
    assert_eq!(
        harness.query_all_by_label("+0:12").count(),
        2,
        "the overtime on the laptop and on the projector"
    );
    harness.key_press(Key::P);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let (_, log) = round(&harness);
    let state = log.state(now());
    assert_eq!(state.done[0].spoken.as_secs(), 72);
    assert_eq!(state.done[0].overtime(log.turn()).as_secs(), 12);
    assert_eq!(state.current.as_ref().unwrap().number, 2);

    // Pause, back to the previous speaker, skip, a late arrival.
    harness.get_by_label("Pause the round").click();
    harness.run();
    assert!(round(&harness).1.state(now()).current.unwrap().is_paused);
    harness.get_by_label("Resume the round").click();
    harness.run();
    harness.get_by_label("Previous speaker").click();
    harness.run();
    assert_eq!(round(&harness).1.state(now()).current.unwrap().number, 1);
    harness.get_by_label("Skip speaker").click();
    harness.run();
    harness.get_by_label("Late arrival:").click();
    harness
        .get_by_label("Late arrival:")
        .type_text("Zoë Nachzügler");
    harness.run();
    harness.get_by_label("Add to the round").click();
    harness.run();
    let turn = round(&harness).1.state(now()).current.unwrap();
    assert_eq!(turn.total, speakers + 1);

    // On another screen, a compact line and Enter for the next speaker.
    harness.get_by_label("Board").click();
    harness.run();
    assert!(harness.query_by_label_contains(&turn.speaker).is_some());
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        round(&harness).1.state(now()).current.unwrap().number,
        turn.number + 1
    );

    // Saved and opened again, the round goes on where it was.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    settle(&mut harness);
    drop(harness);
    let harness = app_with_clock(dir.path(), folder, clock.clone());
    let again = round(&harness).1.state(now());
    assert_eq!(again.current.unwrap().number, turn.number + 1);
    assert!(round(&harness).1.event(RoundAction::Next, now()).is_some());
}

/// Ten entries that all give the best rating on four dimensions: forty dots, each inside its
/// sector and its ring, none on another, each telling whose it is on hover.
#[test]
fn target_dots_stay_visible() {
    use moderato::ids::{DimensionId, ReflectionEntryId};
    use moderato::reflection::target::{Rings, sector_at};
    use moderato::reflection::{Dimension, ReflectionEntry};
    use moderato::session::Session;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("ziel");
    let mut session = Session::create("Zielscheibe");
    let names = ["Inhalt", "Methoden", "Moderation", "Ergebnis"];
    session.reflection.dimensions = names
        .iter()
        .map(|n| Dimension {
            id: DimensionId::generate(),
            name: (*n).to_owned(),
        })
        .collect();
    for i in 0..10 {
        let rating = if i == 9 { 3 } else { 5 };
        session.reflection.entries.push(ReflectionEntry {
            id: ReflectionEntryId::generate(),
            who: if i % 2 == 0 {
                format!("Person {i}")
            } else {
                String::new()
            },
            ratings: session
                .reflection
                .dimensions
                .iter()
                .map(|d| (d.id, rating))
                .collect(),
            comment: String::new(),
        });
    }
    storage::save(&folder, &session).unwrap();
    let mut harness = start(dir.path(), Setup::on(folder));
    harness.get_by_label("Reflection").click();
    settle(&mut harness);
    let target = harness
        .get_by_role_and_label(egui::Role::Image, "Target")
        .rect();
    let centre = target.center();
    let radius = target.width() / 2.0 - 30.0;
    let dots: Vec<(String, egui::Rect)> = harness
        .query_all_by_role(egui::Role::Image)
        .filter_map(|node| {
            let label = node.accesskit_node().label()?;
            label.contains(": ").then(|| (label, node.rect()))
        })
        .collect();
    assert_eq!(dots.len(), 40, "every rating is a dot");
    let rings = Rings { min: 1, max: 5 };
    for (label, rect) in &dots {
        let offset = rect.center() - centre;
        let dimension = names
            .iter()
            .position(|n| label.contains(&format!(": {n} ")))
            .unwrap();
        assert_eq!(sector_at(offset.y.atan2(offset.x), 4), dimension, "{label}");
        let rating: i32 = label.rsplit(' ').next().unwrap().parse().unwrap();
        assert_eq!(
            rings.rating_at(offset.length() / radius),
            rating,
            "{label} sits in its ring"
        );
    }
    for (i, (a, ra)) in dots.iter().enumerate() {
        for (b, rb) in &dots[i + 1..] {
            let apart = (ra.center() - rb.center()).length();
            assert!(
                apart >= (ra.width() + rb.width()) / 2.0,
                "{a} and {b} overlap ({apart} px)"
            );
        }
    }
    assert!(
        dots.iter().any(|(l, _)| l == "#2: Inhalt 5"),
        "anonymous entries by number"
    );
    assert!(dots.iter().any(|(l, _)| l == "Person 0: Inhalt 5"));
    let (label, rect) = dots.iter().find(|(l, _)| l == "#2: Inhalt 5").unwrap();
    harness.hover_at(rect.center());
    harness.run();
    assert!(
        harness.query_all_by_label(label).count() >= 2,
        "the hover tells whose dot it is"
    );
}

/// From Review alone: who does what by when, what people said, the dissent, what is on the
/// boards; the table of contents jumps to a section.
#[test]
fn review_tells_the_whole_story() {
    let (dir, example) = sessions_with_example();
    let session = storage::load(&example).unwrap();
    let mut harness = app_with_clock(dir.path(), example, Clock::System);
    harness.get_by_label("Review").click();
    settle(&mut harness);
    let action = session
        .action_items
        .iter()
        .find(|a| !a.owner.is_empty())
        .expect("an action item with an owner");
    assert!(harness.query_by_label_contains(&action.title).is_some());
    assert!(
        harness.query_all_by_label(&action.owner).next().is_some(),
        "its owner"
    );
    let comment = session
        .reflection
        .entries
        .iter()
        .find(|e| !e.comment.is_empty())
        .expect("a reflection comment");
    assert!(harness.query_by_label_contains(&comment.comment).is_some());
    let dissent = &session.reflection.dissent[0];
    assert!(
        harness
            .query_by_label_contains(&dissent.statement)
            .is_some()
    );
    let (board, cluster) = session
        .boards
        .iter()
        .find_map(|b| b.clusters.first().map(|c| (b, c)))
        .expect("a cluster");
    for card in cluster.cards.iter().filter_map(|id| board.card(*id)) {
        assert!(
            harness.query_by_label_contains(&card.text).is_some(),
            "{} of {}",
            card.text,
            cluster.title
        );
    }
    // The contents jump to a section further down.
    let heading = |harness: &Harness<'static, ModeratoApp>| {
        harness
            .query_all_by_label("Results and action items")
            .filter(|n| n.accesskit_node().role() == egui::accesskit::Role::Label)
            .map(|n| n.rect())
            .next()
            .expect("the section heading")
    };
    let before = heading(&harness);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Results and action items")
        .click();
    harness.run();
    let after = heading(&harness);
    assert!(
        after.min.y < 200.0,
        "scrolled to the top: {before:?} -> {after:?}"
    );
    assert!(
        before.min.y > after.min.y + 300.0,
        "{before:?} -> {after:?}"
    );
}

/// The app on `example`, with Review comparing it with `other` (typed as a path).
fn compared_with(dir: &Path, example: PathBuf, other: &Path) -> Harness<'static, ModeratoApp> {
    let mut harness = app_with_clock(dir, example, Clock::System);
    harness.get_by_label("Review").click();
    harness.run();
    harness.get_by_label("Compare with…").click();
    harness.run();
    harness
        .get_by_label("A session folder or its session.ron:")
        .type_text(&other.display().to_string());
    harness.key_press(Key::Enter);
    settle(&mut harness);
    harness
}

/// A copy of the example whose one cluster gained dots and one action item is done: exactly
/// these two rows are marked.
#[test]
fn compare_marks_differences() {
    use moderato::results::ActionStatus;
    let (dir, example) = sessions_with_example();
    let mut other = storage::load(&example).unwrap();
    let board = other
        .boards
        .iter_mut()
        .find(|b| !b.clusters.is_empty())
        .unwrap();
    board.clusters[0].votes += 3;
    let cluster_title = board.clusters[0].title.clone();
    let item = other
        .action_items
        .iter_mut()
        .find(|a| a.status != ActionStatus::Done)
        .unwrap();
    item.status = ActionStatus::Done;
    let item_title = item.title.clone();
    let other_folder = dir.path().join("kopie");
    storage::save(&other_folder, &other).unwrap();
    let harness = compared_with(dir.path(), example, &other_folder);
    assert!(harness.query_by_label("2 differences").is_some());
    let marks: Vec<egui::Rect> = harness
        .query_all_by_label("≠ differs")
        .map(|n| n.rect())
        .collect();
    assert_eq!(marks.len(), 2);
    // Each mark sits on the row of what changed.
    for title in [&cluster_title, &item_title] {
        let row = harness
            .query_all_by_label(title)
            .map(|n| n.rect())
            .find(|r| {
                marks
                    .iter()
                    .any(|m| (m.center().y - r.center().y).abs() < r.height())
            })
            .unwrap_or_else(|| panic!("{title} is marked"));
        assert!(row.width() > 0.0);
    }
}

/// A file dropped on the window, as the platform hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Several photos dropped at once are attached each on its own (each appears when it is
/// ready, each is one undo step), and the refused ones are listed under one heading.
#[test]
fn dropped_photos_arrive_one_by_one_and_refusals_are_listed_once() {
    use moderato::session::Session;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("fotos");
    storage::save(&folder, &Session::create("Fotoprotokoll")).unwrap();
    let mut files = Vec::new();
    for n in 0..4u8 {
        let path = dir.path().join(format!("wand-{n}.png"));
        image::RgbaImage::from_pixel(64, 48, image::Rgba([250, 220, 40 * n, 255]))
            .save(&path)
            .unwrap();
        files.push(path);
    }
    for name in ["notiz.jpg", "leer.png"] {
        let path = dir.path().join(name);
        fs::write(&path, if name == "leer.png" { "" } else { "kein Bild" }).unwrap();
        files.push(path);
    }
    let mut harness = app_with_clock(dir.path(), folder, Clock::System);
    harness.get_by_label("Photos").click();
    settle(&mut harness);
    for file in &files {
        let handle: egui::DroppedFileHandle = std::sync::Arc::new(Dropped(file.clone()));
        harness.input_mut().dropped_files.push(handle);
    }
    settle(&mut harness);
    assert_eq!(harness.state().session().photos.len(), 4);
    let message = harness
        .state()
        .error_message()
        .expect("the refused files are named")
        .to_owned();
    assert!(
        message.contains("notiz.jpg") && message.contains("leer.png"),
        "{message}"
    );
    assert_eq!(message.matches("not attached").count(), 1, "{message}");
    harness.get_by_label("OK").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().session().photos.len(),
        3,
        "each photo is one undo step"
    );
}
