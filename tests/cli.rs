//! The real `moderato` binary on real files.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const EXAMPLE: &str = "sessions/open-government-2017";

fn moderato(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_moderato"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn broken_session(dir: &Path, text: &str) -> String {
    fs::write(dir.join("session.ron"), text).unwrap();
    dir.display().to_string()
}

#[test]
fn check_accepts_the_example_and_prints_a_summary() {
    let output = moderato(&["check", EXAMPLE]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("valid session"), "{text}");
    assert!(text.contains("Open Government in Kommunen"), "{text}");
    assert!(text.contains("2017-11-23 – 2017-11-24"), "{text}");
    assert!(
        text.contains("Next meeting: 2018-06-21, 2018-06-22 in Berlin"),
        "{text}"
    );
}

#[test]
fn check_also_takes_the_session_file_itself() {
    let output = moderato(&["check", &format!("{EXAMPLE}/session.ron")]);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn summary_json_has_every_key_with_the_right_type() {
    let output = moderato(&["summary", EXAMPLE, "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let counts = [
        "schema_version",
        "participants",
        "organisations",
        "agenda_items",
        "planned_minutes",
        "actual_minutes",
        "items_over_time",
        "boards",
        "cards",
        "clusters",
        "votes",
        "reflection_entries",
        "reflection_dimensions",
        "photos",
        "results",
        "action_items",
    ];
    for key in counts {
        assert!(json[key].is_u64(), "{key} is a number: {}", json[key]);
    }
    assert_eq!(
        json["dates"],
        serde_json::json!(["2017-11-23", "2017-11-24"])
    );
    assert!(json["title"].as_str().unwrap().contains("Modellkommunen"));
    assert!(json["location"].is_string());
    assert_eq!(json["next_meeting"]["place"], "Berlin");
    assert_eq!(
        json["next_meeting"]["dates"],
        serde_json::json!(["2018-06-21", "2018-06-22"])
    );
    assert_eq!(json["reflection_dimensions"], 4);
    assert_eq!(json["action_items"], 6);
    assert_eq!(json["boards"], 2);
    // The example's timing log: the days ran long, ten items over their plan.
    assert_eq!(json["actual_minutes"], 840);
    assert_eq!(json["items_over_time"], 10);
}

#[test]
fn summary_json_gives_null_without_a_next_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let folder = broken_session(
        dir.path(),
        "Session(schema_version: 1, id: \"01900000-0000-7000-8000-000000000001\", meta: Metadata(title: \"Kurz\"))",
    );
    let output = moderato(&["summary", &folder, "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert!(json["next_meeting"].is_null());
    assert_eq!(json["cards"], 0);
}

#[test]
fn check_fails_clearly_on_a_syntax_error() {
    let dir = tempfile::tempdir().unwrap();
    let folder = broken_session(
        dir.path(),
        "Session(\n    schema_version: 1,\n    notes: \"offen\n",
    );
    let output = moderato(&["check", &folder]);
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(message.contains("session.ron, line"), "{message}");
    assert!(message.contains("column"), "{message}");
    assert!(stdout(&output).is_empty());
}

#[test]
fn check_refuses_a_newer_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = broken_session(dir.path(), "Session(schema_version: 99, future: true)");
    let output = moderato(&["summary", &folder, "--json"]);
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(message.contains("newer version of Moderato"), "{message}");
    assert!(message.contains("file format 99"), "{message}");
}

#[test]
fn check_names_a_missing_or_unreadable_session() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gibt-es-nicht");
    let output = moderato(&["check", &missing.display().to_string()]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("gibt-es-nicht"),
        "{}",
        stderr(&output)
    );

    let output = moderato(&["check", &dir.path().display().to_string()]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("not a Moderato session"),
        "{}",
        stderr(&output)
    );

    let folder = broken_session(dir.path(), "");
    fs::write(Path::new(&folder).join("session.ron"), [0xff, 0xfe, 0x00]).unwrap();
    let output = moderato(&["check", &folder]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("not UTF-8"), "{}", stderr(&output));
}

#[test]
fn check_refuses_photo_paths_outside_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = broken_session(
        dir.path(),
        "Session(schema_version: 1, id: \"01900000-0000-7000-8000-000000000001\", \
         photos: [Photo(id: \"01900000-0000-7000-8000-000000000002\", path: \"../../geheim.jpg\")])",
    );
    let output = moderato(&["check", &folder]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("../../geheim.jpg"),
        "{}",
        stderr(&output)
    );
}

/// A session as the app creates it: a title and nothing else.
fn fresh_session(dir: &Path) -> String {
    let session = moderato::session::Session::create("Frisch");
    moderato::storage::save(dir, &session).unwrap();
    dir.display().to_string()
}

#[test]
fn import_cards_and_suggest_json_on_a_fresh_session() {
    let dir = tempfile::tempdir().unwrap();
    let session = fresh_session(dir.path());
    // The dev set without its topics: one card per line.
    let texts: String = include_str!("fixtures/cards-open-government.tsv")
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .map(|(_, text)| format!("{text}\n"))
        .collect();
    let file = dir.path().join("karten.txt");
    fs::write(&file, &texts).unwrap();
    let output = moderato(&[
        "import-cards",
        &session,
        "--board",
        "Ideen",
        &file.display().to_string(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let saved = moderato::storage::load(dir.path()).unwrap();
    let board = &saved.boards[0];
    assert_eq!(board.title, "Ideen");
    assert_eq!(board.cards.len(), 63);
    assert_eq!(
        board.cards[0].text,
        "Ratsbeschlüsse vollständig online veröffentlichen"
    );

    let before = fs::read(dir.path().join("session.ron")).unwrap();
    let output = moderato(&["suggest", &session, "--board", "Ideen", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let expected_method = if cfg!(feature = "embedding") {
        "embedding"
    } else {
        "lexical"
    };
    assert_eq!(json["method"], expected_method);
    let groups = json["groups"].as_array().unwrap();
    assert!(groups.len() >= 3, "{json}");
    let ids: Vec<String> = board.cards.iter().map(|c| c.id.to_string()).collect();
    let mut seen = std::collections::BTreeSet::new();
    for group in groups {
        let group = group.as_array().unwrap();
        assert!(group.len() >= 2, "only groups of two or more: {json}");
        for id in group {
            let id = id.as_str().unwrap();
            assert!(ids.iter().any(|c| c == id), "{id} is a card of the board");
            assert!(seen.insert(id.to_owned()), "{id} is in one group only");
        }
    }
    assert_eq!(
        fs::read(dir.path().join("session.ron")).unwrap(),
        before,
        "suggest changes nothing"
    );
}

#[test]
fn import_cards_names_every_bad_line_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let session = fresh_session(dir.path());
    let before = fs::read(dir.path().join("session.ron")).unwrap();
    let file = dir.path().join("karten.csv");
    fs::write(
        &file,
        "text;colour;topic\nGut;gelb;A\n;blau;A\nAuch gut;lila;B\n",
    )
    .unwrap();
    let output = moderato(&[
        "import-cards",
        &session,
        "--board",
        "Ideen",
        &file.display().to_string(),
    ]);
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(err.contains("Line 3: the card has no text"), "{err}");
    assert!(
        err.contains("Line 4: \"lila\" is not a card colour"),
        "{err}"
    );
    assert!(err.contains("Nothing imported"), "{err}");
    assert_eq!(fs::read(dir.path().join("session.ron")).unwrap(), before);

    // Fixed, the same file imports, its topics as clusters.
    fs::write(
        &file,
        "text;colour;topic\nGut;gelb;A\nNoch eins;blau;A\nAuch gut;grün;B\n",
    )
    .unwrap();
    let output = moderato(&[
        "import-cards",
        &session,
        "--board",
        "Ideen",
        &file.display().to_string(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let saved = moderato::storage::load(dir.path()).unwrap();
    let board = &saved.boards[0];
    assert_eq!(board.cards.len(), 3);
    let titles: Vec<&str> = board.clusters.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["A", "B"]);
    let output = moderato(&["suggest", &session, "--board", "Nope"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("It has: \"Ideen\""),
        "{}",
        stderr(&output)
    );
}
