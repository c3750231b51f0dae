//! Interaction tests: the real app, headless, driven through its labels like a user would.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::example_copy;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use moderato::app::{ModeratoApp, Preferences, Screen, StartupOptions};
use moderato::i18n::Lang;
use moderato::storage;

/// A temp sessions folder holding a copy of the example session.
fn sessions_with_example() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let folder = example_copy(dir.path());
    (dir, folder)
}

fn app_on(dir: &Path, open: Option<PathBuf>, lang: Lang) -> Harness<'static, ModeratoApp> {
    let options = StartupOptions {
        open,
        sessions_dir: dir.to_owned(),
        native_dialogs: false,
    };
    let prefs = Preferences {
        language: Some(lang),
        ..Preferences::default()
    };
    let mut harness = Harness::builder()
        .with_size([1400.0, 1000.0])
        .build_eframe(move |cc| ModeratoApp::with_preferences(&cc.egui_ctx, options, prefs));
    harness.run();
    harness
}

#[test]
fn every_screen_is_reached_by_its_label() {
    let (dir, folder) = sessions_with_example();
    let mut harness = app_on(dir.path(), Some(folder), Lang::En);
    let screens = [
        (
            "Agenda",
            Screen::Agenda,
            "Verortungsaufgabe 1: Wo steht unsere Kommune?",
        ),
        ("Board", Screen::Board, "Prinzipien von Offenheit"),
        ("Reflection", Screen::Reflection, "Dissent"),
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
        harness.run();
        assert_eq!(harness.state().screen(), screen, "after clicking {label}");
        assert!(
            harness.query_by_label_contains(shown).is_some(),
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
        harness.run();
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

    // Start on a new, empty session: no example in this sessions folder.
    let empty = tempfile::tempdir().unwrap();
    let mut harness = app_on(empty.path(), None, Lang::En);
    assert!(
        harness.state().error_message().is_some(),
        "the missing example is reported"
    );
    harness.get_by_label("OK").click();
    harness.run();

    for (path, should_open) in [(broken.clone(), false), (folder.clone(), true)] {
        harness.get_by_label("File").click();
        harness.run();
        harness.get_by_label("Type a path…").click();
        harness.run();
        let field = harness.get_by_label("A session folder or its session.ron:");
        field.type_text(&path.display().to_string());
        harness.run();
        harness.key_press(Key::Enter);
        harness.run();
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
            assert!(
                harness.state().document().folder().is_none(),
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
    harness.run();
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
    harness.run();
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
    harness.run();
    let suggested = dir.path().join("zukunftswerkstatt-muehlental");
    let field = harness.get_by_label("Folder to save the session in (created if needed):");
    assert_eq!(
        field.value().as_deref(),
        Some(suggested.display().to_string().as_str())
    );
    harness.get_by_label("OK").click();
    harness.run();
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
