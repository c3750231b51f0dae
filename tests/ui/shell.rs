//! The shell: every screen by its label, undo and redo, languages, opening and saving,
//! autosave and recovery, the lock, new sessions, exports.

use super::*;

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
fn an_export_to_a_folder_that_does_not_exist_keeps_the_dialog_and_the_typed_path() {
    let (dir, folder) = sessions_with_example();
    let mut harness = app_with_clock(dir.path(), folder, Clock::System);
    harness.get_by_label("Review").click();
    harness.run();
    harness.get_by_label("Markdown…").click();
    harness.run();
    let typed = dir.path().join("gibt-es-nicht").join("bericht.md");
    let field = "File (for CSV: folder) to export to:";
    harness.get_by_label(field).focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness
        .get_by_label(field)
        .type_text(&typed.display().to_string());
    harness.get_by_label("OK").click();
    for _ in 0..500 {
        harness.step();
        if !harness.state().is_exporting() && harness.query_by_label(field).is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
    assert_eq!(
        harness.get_by_label(field).value().as_deref(),
        Some(typed.display().to_string().as_str()),
        "the dialog is there again with what was typed"
    );
    assert!(
        harness
            .query_by_label_contains("does not exist. Please choose a folder that exists.")
            .is_some()
    );
    assert!(
        !typed.parent().unwrap().exists(),
        "no folder made on the way"
    );
}
