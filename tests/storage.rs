//! Storage on real files: round trips, byte-identical saves, every load error, atomicity,
//! backups, autosave recovery and the lock between two instances.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{EXAMPLE, example_copy};
use moderato::ids::{ActionItemId, PhotoId};
use moderato::photos::Photo;
use moderato::results::ActionItem;
use moderato::session::{SCHEMA_VERSION, Session};
use moderato::storage::{
    self, AUTOSAVE_FILE, BACKUP_FILE, LockError, SESSION_FILE, SessionLock, StorageError,
};

fn write_session_text(dir: &Path, text: &str) -> PathBuf {
    let folder = dir.join("broken");
    fs::create_dir_all(&folder).unwrap();
    fs::write(folder.join(SESSION_FILE), text).unwrap();
    folder
}

#[test]
fn round_trip_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let original = storage::load(Path::new(EXAMPLE)).unwrap();
    let folder = dir.path().join("copy");
    storage::save(&folder, &original).unwrap();
    assert_eq!(storage::load(&folder).unwrap(), original);
    assert!(
        folder.join("photos").is_dir(),
        "a saved session has its photos folder"
    );
}

#[test]
fn saving_an_unchanged_session_gives_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let folder = example_copy(dir.path());
    let before = fs::read(folder.join(SESSION_FILE)).unwrap();
    let session = storage::load(&folder).unwrap();
    storage::save(&folder, &session).unwrap();
    assert_eq!(fs::read(folder.join(SESSION_FILE)).unwrap(), before);
    // The text form itself is deterministic, not only the skip of an unchanged write.
    assert_eq!(storage::to_ron(&session).as_bytes(), before.as_slice());
}

#[test]
fn a_syntax_error_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let folder = write_session_text(
        dir.path(),
        "Session(\n    schema_version: 1,\n    meta: Metadata(title: \"Titel\"),\n    notes: 42,\n)\n",
    );
    let error = storage::load(&folder).unwrap_err();
    let StorageError::Syntax {
        line,
        column,
        ref path,
        ..
    } = error
    else {
        panic!("expected a syntax error, got {error:?}");
    };
    assert_eq!(path, &folder.join(SESSION_FILE));
    assert_eq!(line, 4, "{error}");
    assert!(column > 1, "{error}");
    let message = error.to_string();
    assert!(message.contains("session.ron, line 4, column"), "{message}");
}

#[test]
fn a_misspelt_field_is_an_error_not_silently_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let folder = write_session_text(
        dir.path(),
        "Session(\n    schema_version: 1,\n    meta: Metadata(titel: \"Tippfehler\"),\n)\n",
    );
    let message = storage::load(&folder).unwrap_err().to_string();
    assert!(message.contains("line 3"), "{message}");
    assert!(message.contains("titel"), "{message}");
}

#[test]
fn a_cut_off_file_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(Path::new(EXAMPLE).join(SESSION_FILE)).unwrap();
    let folder = write_session_text(dir.path(), &text[..text.len() / 2]);
    let message = storage::load(&folder).unwrap_err().to_string();
    assert!(message.contains("line"), "{message}");
}

#[test]
fn a_file_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let newer = SCHEMA_VERSION + 1;
    let text = format!(
        "Session(schema_version: {newer}, id: \"01900000-0000-7000-8000-000000000001\", \
         hologram_wall: Some(Wall(depth: 3)), meta: Metadata(title: \"Zukunft\"))\n"
    );
    let folder = write_session_text(dir.path(), &text);
    let error = storage::load(&folder).unwrap_err();
    assert!(
        matches!(error, StorageError::TooNew { found, .. } if found == newer),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.contains("newer version of Moderato"), "{message}");
    assert!(message.contains("not changed"), "{message}");
    assert_eq!(fs::read_to_string(folder.join(SESSION_FILE)).unwrap(), text);
}

#[test]
fn the_version_1_fixture_loads_with_defaults_for_what_it_omits() {
    let session = storage::load(Path::new("tests/fixtures/schema-v1")).unwrap();
    assert_eq!(session.schema_version, SCHEMA_VERSION);
    assert_eq!(session.meta.title, "Bürgerwerkstatt Straßenraum");
    assert_eq!(session.meta.participants[0].name, "Jürgen Öztürk");
    assert_eq!(session.agenda.planned_minutes(), 35);
    assert_eq!(session.boards[0].cards[0].votes, 3);
    assert!(session.reflection.entries.is_empty());
    assert_eq!(session.next_meeting.unwrap().place, "Köln");
}

#[test]
fn the_version_3_fixture_loads_whole() {
    // The example as version 3 wrote it: the same session, read by this build unchanged.
    let session = storage::load(Path::new("tests/fixtures/schema-v3")).unwrap();
    assert_eq!(session.schema_version, SCHEMA_VERSION);
    let example = storage::load(Path::new("sessions/open-government-2017")).unwrap();
    assert_eq!(session, example);
}

#[test]
fn the_version_2_fixture_loads_whole() {
    // The example as version 2 wrote it, with its timing log and speaking round.
    let session = storage::load(Path::new("tests/fixtures/schema-v2")).unwrap();
    assert_eq!(session.schema_version, SCHEMA_VERSION);
    assert_eq!(session.agenda.days.len(), 2);
    assert!(
        session
            .agenda
            .days
            .iter()
            .all(|d| d.previous_runs.is_empty())
    );
    assert!(session.agenda.items().any(|i| i.round.is_some()));
    assert!(session.provenance.is_none());
}

#[test]
fn photo_paths_outside_the_folder_are_refused_on_load() {
    let dir = tempfile::tempdir().unwrap();
    for (index, bad) in ["/etc/passwd", "../nachbar/foto.jpg", "photos/../../x.jpg"]
        .iter()
        .enumerate()
    {
        let mut session = Session::create("Fotos");
        session.photos.push(Photo {
            id: PhotoId::generate(),
            path: (*bad).into(),
            ..Photo::default()
        });
        let folder = dir.path().join(format!("s{index}"));
        fs::create_dir_all(&folder).unwrap();
        fs::write(folder.join(SESSION_FILE), storage::to_ron(&session)).unwrap();
        let error = storage::load(&folder).unwrap_err();
        assert!(
            matches!(error, StorageError::Invalid { .. }),
            "{bad}: {error:?}"
        );
        assert!(
            error.to_string().contains(bad),
            "the message names the path: {error}"
        );
    }
}

#[test]
fn a_folder_without_a_session_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let error = storage::load(dir.path()).unwrap_err();
    assert!(
        matches!(error, StorageError::NotASession { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("not a Moderato session"));
}

#[test]
fn a_failing_write_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join(SESSION_FILE);
    fs::write(&target, "old and good").unwrap();
    let result = storage::atomic_write(&target, |file| {
        use std::io::Write as _;
        file.write_all(b"half of the new")?;
        Err(std::io::Error::new(
            std::io::ErrorKind::StorageFull,
            "No space left on device",
        ))
    });
    let error = result.unwrap_err().to_string();
    assert!(error.contains("the disk is full"), "{error}");
    assert!(error.contains("session.ron"), "{error}");
    assert_eq!(fs::read_to_string(&target).unwrap(), "old and good");
    let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "the temporary file is removed");
}

#[test]
fn each_save_keeps_the_previous_version_as_backup() {
    let dir = tempfile::tempdir().unwrap();
    let folder = example_copy(dir.path());
    let first = fs::read(folder.join(SESSION_FILE)).unwrap();
    let mut session = storage::load(&folder).unwrap();
    session.action_items.push(ActionItem {
        id: ActionItemId::generate(),
        title: "Fotoprotokoll verschicken".into(),
        ..ActionItem::default()
    });
    storage::save(&folder, &session).unwrap();
    assert_eq!(fs::read(folder.join(BACKUP_FILE)).unwrap(), first);
    assert_eq!(storage::load(&folder).unwrap(), session);
}

#[test]
fn autosave_is_offered_when_newer_and_different_and_not_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let folder = example_copy(dir.path());
    assert!(
        storage::find_recovery(&folder).is_none(),
        "no autosave, nothing to recover"
    );

    let saved = storage::load(&folder).unwrap();
    storage::write_autosave(&folder, &saved).unwrap();
    assert!(
        storage::find_recovery(&folder).is_none(),
        "identical autosave offers nothing"
    );

    let mut changed = saved.clone();
    changed.notes.push_str("\nNachtrag nach dem Absturz");
    storage::write_autosave(&folder, &changed).unwrap();
    let recovery = storage::find_recovery(&folder).expect("newer, different autosave");
    assert_eq!(recovery.session, changed);
    assert_eq!(
        storage::load(&folder).unwrap(),
        saved,
        "session.ron is untouched"
    );

    storage::discard_autosave(&folder).unwrap();
    assert!(!folder.join(AUTOSAVE_FILE).exists());
    assert!(storage::find_recovery(&folder).is_none());
}

#[test]
fn a_second_instance_cannot_take_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let folder = example_copy(dir.path());
    let first = SessionLock::acquire(&folder).unwrap();
    let second = SessionLock::acquire(&folder).unwrap_err();
    assert!(
        matches!(second, LockError::HeldElsewhere { .. }),
        "{second:?}"
    );
    assert!(
        second
            .to_string()
            .contains("open in another Moderato window")
    );
    drop(first);
    assert!(
        SessionLock::acquire(&folder).is_ok(),
        "released with its holder"
    );
}

#[test]
fn the_session_browser_lists_folders_with_their_titles() {
    let dir = tempfile::tempdir().unwrap();
    example_copy(dir.path());
    write_session_text(dir.path(), "kaputt(");
    fs::create_dir_all(dir.path().join("not-a-session")).unwrap();
    let rows = storage::list_sessions(dir.path());
    assert_eq!(rows.len(), 2);
    let titles: Vec<_> = rows
        .iter()
        .map(|row| {
            row.outcome
                .as_ref()
                .map(|s| s.title.clone())
                .unwrap_or_default()
        })
        .collect();
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("Open Government in Kommunen"))
    );
    assert!(
        rows.iter().any(|row| row.outcome.is_err()),
        "the broken one is listed as unreadable"
    );
}

/// Helper for the kill test: saves the session in `MODERATO_SAVE_FOREVER` until killed.
#[test]
#[ignore = "helper, started and killed by killing_a_process_mid_save_never_breaks_the_file"]
fn helper_save_forever() {
    let Ok(folder) = std::env::var("MODERATO_SAVE_FOREVER") else {
        return;
    };
    let folder = PathBuf::from(folder);
    let mut session = storage::load(&folder).unwrap();
    for round in 0.. {
        // Vary the size so the file grows and shrinks between saves.
        session.notes = format!("Durchlauf {round}: {}", "Änderung ".repeat(round % 3000));
        storage::save(&folder, &session).unwrap();
    }
}

#[test]
fn killing_a_process_mid_save_never_breaks_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = example_copy(dir.path());
    let mut rounds_with_saves = 0;
    for round in 0..16u64 {
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--ignored",
                "--exact",
                "helper_save_forever",
                "--test-threads=1",
            ])
            .env("MODERATO_SAVE_FOREVER", &folder)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(60 + (round * 37) % 140));
        child.kill().unwrap();
        child.wait().unwrap();
        let session = storage::load(&folder)
            .unwrap_or_else(|e| panic!("round {round}: the session file broke: {e}"));
        if session.notes.starts_with("Durchlauf") {
            rounds_with_saves += 1;
        }
    }
    assert!(
        rounds_with_saves > 0,
        "the helper never got to save; the test proved nothing"
    );
}

#[cfg(unix)]
#[test]
fn a_saved_file_keeps_its_permissions_and_new_files_are_readable() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("neu");
    storage::save(&folder, &Session::create("Neu")).unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode(&folder.join(SESSION_FILE)),
        0o644,
        "not the temp file's private 0600"
    );
    fs::set_permissions(folder.join(SESSION_FILE), fs::Permissions::from_mode(0o640)).unwrap();
    let mut session = storage::load(&folder).unwrap();
    session.notes = "geändert".into();
    storage::save(&folder, &session).unwrap();
    assert_eq!(mode(&folder.join(SESSION_FILE)), 0o640);
}
