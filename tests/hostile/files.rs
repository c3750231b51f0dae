//! Files that are not what they seem: a lock, a `photos/` or a cache folder that is a link; a
//! session file, a photo or an input that is a named pipe or a device; a write-protected
//! session file; a file named in place of a session folder.

use std::fs;
use std::os::unix::fs::{PermissionsExt as _, symlink};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use super::{assert_refused, common, jpeg, text};

/// Runs `moderato` and fails the test if it has not finished within `limit` (a command that
/// waits for a pipe's writer would wait for ever).
pub fn moderato_within(args: &[&str], limit: Duration) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_moderato"))
        .args(args)
        .env("LANG", "en_GB.UTF-8")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("`moderato {}` still ran after {limit:?}", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn fifo(path: &Path) {
    rustix::fs::mkfifoat(
        rustix::fs::CWD,
        path,
        rustix::fs::Mode::from_raw_mode(0o600),
    )
    .unwrap();
}

const LIMIT: Duration = Duration::from_secs(30);

#[test]
fn a_lock_file_that_is_a_link_never_writes_into_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let folder = common::example_copy(dir.path());
    let precious = dir.path().join("Diplomarbeit.txt");
    fs::write(&precious, "Kapitel 1").unwrap();
    symlink(&precious, folder.join(".moderato.lock")).unwrap();
    let photo = dir.path().join("wand.jpg");
    fs::write(&photo, jpeg()).unwrap();
    let cards = dir.path().join("karten.txt");
    fs::write(&cards, "Eine Karte\n").unwrap();
    let session = folder.display().to_string();
    for args in [
        vec!["attach", &session, photo.to_str().unwrap()],
        vec![
            "import-cards",
            &session,
            "--board",
            "Neu",
            cards.to_str().unwrap(),
        ],
    ] {
        let output = moderato_within(&args, LIMIT);
        assert_refused(&output, &[".moderato.lock"]);
    }
    assert_eq!(fs::read_to_string(&precious).unwrap(), "Kapitel 1");
    let session = moderato::storage::load(&folder).unwrap();
    assert_eq!(session.photos.len(), 3, "nothing attached without the lock");
}

#[test]
fn a_photos_folder_that_is_a_link_receives_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let folder = common::example_copy(dir.path());
    let elsewhere = dir.path().join("anderswo");
    fs::create_dir_all(&elsewhere).unwrap();
    fs::remove_dir_all(folder.join("photos")).unwrap();
    symlink(&elsewhere, folder.join("photos")).unwrap();
    let photo = dir.path().join("wand.jpg");
    fs::write(&photo, jpeg()).unwrap();
    let before = fs::read(folder.join("session.ron")).unwrap();
    let output = moderato_within(
        &["attach", folder.to_str().unwrap(), photo.to_str().unwrap()],
        LIMIT,
    );
    assert_refused(&output, &["photos"]);
    assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
    assert_eq!(fs::read(folder.join("session.ron")).unwrap(), before);
}

#[test]
fn a_report_writes_nothing_into_the_session_folder_nor_through_a_link_there() {
    let dir = tempfile::tempdir().unwrap();
    let folder = common::example_copy(dir.path());
    let elsewhere = dir.path().join("anderswo");
    fs::create_dir_all(&elsewhere).unwrap();
    symlink(&elsewhere, folder.join(".moderato")).unwrap();
    let listing = |folder: &Path| {
        let mut names: Vec<String> = walk(folder);
        names.sort();
        names
    };
    let before = listing(&folder);
    let cache = dir.path().join("cache");
    let pdf = dir.path().join("bericht.pdf");
    let output = Command::new(env!("CARGO_BIN_EXE_moderato"))
        .args(["export-pdf", folder.to_str().unwrap(), "--out"])
        .arg(&pdf)
        .env("LANG", "en_GB.UTF-8")
        .env("MODERATO_CACHE_DIR", &cache)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(listing(&folder), before, "the session folder is as it was");
    assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
    assert_eq!(
        fs::read_dir(cache.join("print")).unwrap().count(),
        3,
        "print copies of the three photos are kept in the cache folder"
    );
}

/// Every file and folder below `folder`, relative, without following links.
fn walk(folder: &Path) -> Vec<String> {
    let mut names = Vec::new();
    let mut pending = vec![folder.to_owned()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let entry = entry.unwrap();
            let path = entry.path();
            names.push(path.strip_prefix(folder).unwrap().display().to_string());
            if entry.file_type().unwrap().is_dir() {
                pending.push(path);
            }
        }
    }
    names
}

#[test]
fn pipes_and_devices_are_refused_at_once_wherever_a_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    // A session file that is a pipe.
    let piped = dir.path().join("pipe-session");
    fs::create_dir_all(&piped).unwrap();
    fifo(&piped.join("session.ron"));
    let piped = piped.display().to_string();
    let other = common::example_copy(&dir.path().join("b"));
    let out = dir.path().join("ergebnis").display().to_string();
    let pdf = dir.path().join("a.pdf").display().to_string();
    for args in [
        vec!["check", piped.as_str()],
        vec!["export-pdf", &piped, "--out", &pdf],
        vec![
            "consolidate",
            &piped,
            other.to_str().unwrap(),
            "--out",
            &out,
        ],
    ] {
        let output = moderato_within(&args, LIMIT);
        assert_refused(&output, &["not a plain file"]);
    }

    // A photo that is a pipe: named, left out, the rest goes on.
    let folder = common::example_copy(dir.path());
    let photo = folder.join("photos/bilanz-zielscheibe.png");
    fs::remove_file(&photo).unwrap();
    fifo(&photo);
    let session = folder.display().to_string();
    let output = moderato_within(&["check", &session], LIMIT);
    assert!(output.status.success());
    assert!(
        text(&output.stderr).contains("bilanz-zielscheibe.png"),
        "{}",
        text(&output.stderr)
    );
    let output = moderato_within(&["export-pdf", &session, "--out", &pdf], LIMIT);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("bilanz-zielscheibe.png"));

    // Inputs that are a pipe or a device that never ends.
    let input = dir.path().join("karten-pipe.txt");
    fifo(&input);
    for source in [input.to_str().unwrap(), "/dev/zero"] {
        let output = moderato_within(&["import-cards", &session, "--board", "Neu", source], LIMIT);
        assert_refused(&output, &["not a plain file"]);
        let output = moderato_within(&["attach", &session, source], LIMIT);
        assert_refused(&output, &["not a file"]);
    }
    let session = moderato::storage::load(&folder).unwrap();
    assert_eq!(session.photos.len(), 3);
    assert!(session.boards.iter().all(|b| b.title != "Neu"));
}

#[test]
fn a_write_protected_session_file_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let folder = common::example_copy(dir.path());
    let file = folder.join("session.ron");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read(&file).unwrap();
    let photo = dir.path().join("wand.jpg");
    fs::write(&photo, jpeg()).unwrap();
    let output = moderato_within(
        &["attach", folder.to_str().unwrap(), photo.to_str().unwrap()],
        LIMIT,
    );
    assert_refused(&output, &["write-protected", "nothing was saved"]);
    assert_eq!(fs::read(&file).unwrap(), before);
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o444
    );
    // The library refuses the same way (the app saves through it).
    let session = moderato::storage::load(&folder).unwrap();
    let error = moderato::storage::save(&folder, &session).unwrap_err();
    assert!(matches!(
        error,
        moderato::storage::StorageError::WriteProtected { .. }
    ));
}

#[test]
fn a_command_given_another_file_than_session_ron_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let folder = common::example_copy(dir.path());
    let other = folder.join("andere.ron");
    fs::copy(folder.join("session.ron"), &other).unwrap();
    let before = fs::read(folder.join("session.ron")).unwrap();
    let photo = dir.path().join("wand.jpg");
    fs::write(&photo, jpeg()).unwrap();
    let output = moderato_within(
        &["attach", other.to_str().unwrap(), photo.to_str().unwrap()],
        LIMIT,
    );
    assert_refused(&output, &["andere.ron", "session.ron"]);
    assert_eq!(fs::read(folder.join("session.ron")).unwrap(), before);
    assert_eq!(fs::read_dir(folder.join("photos")).unwrap().count(), 3);
}
