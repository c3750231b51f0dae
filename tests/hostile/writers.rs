//! Two writers at once, and a consolidation killed at any moment.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use super::{common, jpeg, text};

fn spawn(args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_moderato"))
        .args(args)
        .env("LANG", "en_GB.UTF-8")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn two_writers_at_once_lose_nothing() {
    const ROUNDS: usize = 8;
    let dir = tempfile::tempdir().unwrap();
    let folder = common::example_copy(dir.path());
    let session = folder.display().to_string();
    let mut said_done = 0;
    for round in 0..ROUNDS {
        let photo = dir.path().join(format!("foto-{round}.jpg"));
        fs::write(&photo, jpeg()).unwrap();
        let cards = dir.path().join(format!("karten-{round}.txt"));
        fs::write(&cards, format!("Karte aus Runde {round}\n")).unwrap();
        let attach = spawn(&["attach", &session, photo.to_str().unwrap()]);
        let import = spawn(&[
            "import-cards",
            &session,
            "--board",
            "Parallel",
            cards.to_str().unwrap(),
        ]);
        for child in [attach, import] {
            let output = child.wait_with_output().unwrap();
            assert!(output.status.success(), "{}", text(&output.stderr));
            said_done += 1;
        }
    }
    let session = moderato::storage::load(&folder).unwrap();
    assert_eq!(said_done, 2 * ROUNDS);
    assert_eq!(
        session.photos.len(),
        3 + ROUNDS,
        "every photo said attached is"
    );
    let board = session
        .boards
        .iter()
        .find(|b| b.title == "Parallel")
        .unwrap();
    assert_eq!(board.cards.len(), ROUNDS, "every card said imported is");
}

#[test]
fn a_writer_refuses_in_plain_words_while_another_holds_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let folder = common::example_copy(dir.path());
    // The window that has the session open holds its lock.
    let _open = moderato::storage::SessionLock::acquire(&folder).unwrap();
    let photo = dir.path().join("foto.jpg");
    fs::write(&photo, jpeg()).unwrap();
    let started = std::time::Instant::now();
    let output = spawn(&["attach", folder.to_str().unwrap(), photo.to_str().unwrap()])
        .wait_with_output()
        .unwrap();
    assert!(!output.status.success());
    let said = text(&output.stderr);
    assert!(said.contains("is being changed by"), "{said}");
    assert!(said.contains(&std::process::id().to_string()), "{said}");
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(moderato::storage::load(&folder).unwrap().photos.len(), 3);
}

fn consolidation_in_place(out: &Path) -> bool {
    moderato::storage::load(out).is_ok_and(|s| s.provenance.is_some())
}

fn debris(parent: &Path) -> Vec<String> {
    fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".moderato-"))
        .collect()
}

#[test]
fn a_consolidation_killed_at_any_moment_leaves_a_result_and_its_debris_is_cleared() {
    const KILLS: u64 = 24;
    let dir = tempfile::tempdir().unwrap();
    let a = common::example_copy(&dir.path().join("a"));
    let b = common::example_copy(&dir.path().join("b"));
    let parent = dir.path().join("ergebnisse");
    let out = parent.join("gesamt");
    let args = |force: bool| {
        let mut args = vec![
            "consolidate".to_owned(),
            a.display().to_string(),
            b.display().to_string(),
            "--out".to_owned(),
            out.display().to_string(),
        ];
        if force {
            args.push("--force".to_owned());
        }
        args
    };
    let first = args(false);
    let first: Vec<&str> = first.iter().map(String::as_str).collect();
    let output = spawn(&first).wait_with_output().unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    fs::write(out.join("meine-notizen.txt"), "Notizen der Moderatorin").unwrap();
    let forced = args(true);
    let forced: Vec<&str> = forced.iter().map(String::as_str).collect();
    // How long a whole run takes here, so the kills spread over all of it.
    let started = std::time::Instant::now();
    let output = spawn(&forced).wait_with_output().unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    let whole = started.elapsed().as_micros() as u64;
    let mut left_debris = 0;
    for kill in 0..KILLS {
        let mut child = spawn(&forced);
        std::thread::sleep(Duration::from_micros(whole * kill / KILLS));
        let _ = child.kill();
        let _ = child.wait();
        assert!(
            consolidation_in_place(&out),
            "kill {kill}: no result at the output"
        );
        assert_eq!(
            fs::read_to_string(out.join("meine-notizen.txt")).unwrap(),
            "Notizen der Moderatorin",
            "kill {kill}: the moderator's notes are gone"
        );
        left_debris += usize::from(!debris(&parent).is_empty());
    }
    eprintln!("{left_debris} of {KILLS} kills left work folders");
    let output = spawn(&forced).wait_with_output().unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(consolidation_in_place(&out));
    assert_eq!(
        debris(&parent),
        Vec::<String>::new(),
        "the next run clears it"
    );
}
