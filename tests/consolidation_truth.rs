//! A consolidation tells the truth about its sources, on the command line and in every
//! export: a session consolidated with an edited copy of itself keeps both versions of what
//! changed, names every difference, gives each source its own figures, and tells sources
//! of the same title apart.

#[allow(dead_code)]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use jiff::civil::date;
use moderato::board::Card;
use moderato::ids::CardId;
use moderato::results::ActionStatus;
use moderato::session::Session;
use moderato::storage;
use serde_json::Value;

fn moderato(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_moderato"))
        .args(args)
        .env("LANG", "de_DE.UTF-8")
        .output()
        .expect("the binary runs")
}

fn ok(args: &[&str]) -> String {
    let output = moderato(args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

fn summary(folder: &Path) -> Value {
    serde_json::from_str(&ok(&["summary", &folder.display().to_string(), "--json"])).expect("JSON")
}

fn edit(folder: &Path, change: impl FnOnce(&mut Session)) {
    let mut session = storage::load(folder).unwrap();
    change(&mut session);
    storage::save(folder, &session).unwrap();
}

/// The example (W1) and a copy of it in `w2-kopie` (W2) in which one rating, one task's
/// status and one card's text were changed and three cards added.
fn original_and_edited_copy(dir: &Path) -> (PathBuf, PathBuf) {
    let original = common::example_copy(dir);
    let copy = dir.join("w2-kopie");
    common::copy_dir(&original, &copy);
    std::fs::remove_file(copy.join(".moderato.lock")).ok();
    edit(&copy, |s| {
        let dimension = s.reflection.dimensions[2].id;
        let entry = &mut s.reflection.entries[0];
        let before = entry.ratings[&dimension];
        entry
            .ratings
            .insert(dimension, if before > 1 { before - 1 } else { 5 });
        s.action_items[0].status = ActionStatus::Done;
        let board = &mut s.boards[0];
        board.cards[0].text = format!("{} (überarbeitet)", board.cards[0].text);
        for (n, text) in ["Neu eins", "Neu zwei", "Neu drei"].iter().enumerate() {
            board.cards.push(Card {
                id: CardId::generate(),
                text: (*text).into(),
                x: 0.1 + n as f32 * 0.1,
                y: 0.1,
                ..Card::default()
            });
        }
    });
    (original, copy)
}

fn conflicts_of(summary: &Value) -> &Vec<Value> {
    summary["conflicts"]
        .as_array()
        .expect("a list of conflicts")
}

/// The conflict about a field, with its values by source label.
fn conflict<'a>(summary: &'a Value, field: &str) -> Option<&'a Value> {
    // Plain fields serialise as their name, a rating as {"Rating": dimension}.
    conflicts_of(summary)
        .iter()
        .find(|c| c["field"] == field || c["field"].get(field).is_some())
}

fn label_of(summary: &Value, source: &Value) -> String {
    summary["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| &s["id"] == source)
        .map(|s| s["label"].as_str().unwrap().to_owned())
        .unwrap()
}

#[test]
fn an_edited_copy_keeps_every_changed_value_with_its_source() {
    let dir = tempfile::tempdir().unwrap();
    let (original, copy) = original_and_edited_copy(dir.path());
    let out = dir.path().join("alle");
    let said = ok(&[
        "consolidate",
        &original.display().to_string(),
        &copy.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    // The two sources share title and dates: the folder tells them apart.
    assert!(said.contains("W1: ") && said.contains("W2: "), "{said}");
    assert!(said.contains("w2-kopie"), "{said}");
    assert!(said.contains("Unterschiede zwischen den Quellen"), "{said}");

    let whole = summary(&out);
    let (w1, w2) = (summary(&original), summary(&copy));
    assert_eq!(
        whole["sources"][0]["folder"]
            .as_str()
            .map(|f| f.ends_with("open-government-2017")),
        Some(true)
    );

    // The changed rating: both values, each with its source.
    let rating = conflict(&whole, "Rating").expect("the rating's conflict");
    let values: Vec<(String, Value)> = rating["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (label_of(&whole, &v["source"]), v["value"]["Rating"].clone()))
        .collect();
    assert_eq!(values.len(), 2);
    assert_ne!(values[0].1, values[1].1, "{values:?}");
    assert_eq!(rating["kept"], "Both");

    // The task's status: open in W1, done in W2, and the rule that decided.
    let status = conflict(&whole, "Status").expect("the status's conflict");
    let statuses: Vec<(String, Value)> = status["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (label_of(&whole, &v["source"]), v["value"]["Status"].clone()))
        .collect();
    assert!(
        statuses.contains(&("W2".to_owned(), Value::from("Done"))),
        "{statuses:?}"
    );
    assert!(
        statuses.iter().any(|(l, s)| l == "W1" && s != "Done"),
        "{statuses:?}"
    );
    assert_eq!(status["kept"], "DoneOnlyWhenAll");

    // The card's text: both versions stay on the board.
    let text = conflict(&whole, "Text").expect("the card text's conflict");
    assert_eq!(text["kind"], "Card");
    assert_eq!(text["kept"], "Both");

    // Each source's figures are its own.
    for (d, dimension) in whole["reflection"].as_array().unwrap().iter().enumerate() {
        let sources = dimension["sources"].as_array().unwrap();
        for (label, own) in [("W1", &w1), ("W2", &w2)] {
            let per_source = sources.iter().find(|s| s["source"] == label).unwrap();
            assert_eq!(
                per_source["mean"], own["reflection"][d]["mean"],
                "{label} {dimension}"
            );
            assert_eq!(
                per_source["n"], own["reflection"][d]["n"],
                "{label} {dimension}"
            );
        }
    }
    // The same agenda once, not once per source.
    assert_eq!(
        whole["days"].as_array().unwrap().len(),
        w1["days"].as_array().unwrap().len()
    );
    // Every card of both: the original's, its changed text, the three new ones.
    assert_eq!(whole["cards"], w1["cards"].as_u64().unwrap() + 4);
}

#[test]
fn csv_and_markdown_of_the_copy_say_where_each_row_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let (original, copy) = original_and_edited_copy(dir.path());
    let out = dir.path().join("alle");
    ok(&[
        "consolidate",
        &original.display().to_string(),
        &copy.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    let tables = dir.path().join("tabellen");
    ok(&[
        "export-csv",
        &out.display().to_string(),
        "--out",
        &tables.display().to_string(),
    ]);
    let cards = std::fs::read_to_string(tables.join("cards.csv")).unwrap();
    let row = |text: &str| {
        cards
            .lines()
            .find(|l| l.contains(text))
            .unwrap_or_else(|| panic!("no row with {text}:\n{cards}"))
            .to_owned()
    };
    assert!(
        row("(überarbeitet)").ends_with(";W2"),
        "{}",
        row("(überarbeitet)")
    );
    assert!(row("Neu zwei").ends_with(";W2"));
    let actions = std::fs::read_to_string(tables.join("action-items.csv")).unwrap();
    assert!(actions.contains("Status je Quelle"), "{actions}");
    assert!(actions.contains("erledigt in W2"), "{actions}");

    let md = dir.path().join("bericht.md");
    ok(&[
        "export-md",
        &out.display().to_string(),
        "--out",
        &md.display().to_string(),
    ]);
    let md = std::fs::read_to_string(md).unwrap();
    assert!(md.contains("## Unterschiede zwischen den Quellen"), "{md}");
    assert!(md.contains("erledigt in W2"));
    let changed = md
        .lines()
        .find(|l| l.contains("(überarbeitet)"))
        .expect("the changed card is listed");
    assert!(
        changed.contains("\\[W2\\]"),
        "the changed card carries its label: {changed}"
    );
}

#[test]
fn the_pdf_prints_each_sources_own_figures_and_every_difference() {
    let dir = tempfile::tempdir().unwrap();
    let (original, copy) = original_and_edited_copy(dir.path());
    let out = dir.path().join("alle");
    ok(&[
        "consolidate",
        &original.display().to_string(),
        &copy.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    let pdf_of = |folder: &Path, name: &str| {
        let file = dir.path().join(name);
        ok(&[
            "export-pdf",
            &folder.display().to_string(),
            "--out",
            &file.display().to_string(),
        ]);
        let bytes = std::fs::read(file).unwrap();
        let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
        text.replace("-\n", "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let whole = pdf_of(&out, "alle.pdf");
    let copy_alone = pdf_of(&copy, "kopie.pdf");
    assert!(whole.contains("Unterschiede zwischen den Quellen"));
    assert!(whole.contains("erledigt in W2"), "the status by source");
    // W2's line beside each dimension is what W2's own report prints.
    // "Mittel 3,9 · 57 % positiv · n = 7", each as the copy's own report prints it.
    let means: Vec<&str> = copy_alone
        .match_indices("Mittel ")
        .filter_map(|(at, _)| {
            let rest = &copy_alone[at..];
            let n = rest.find(" n = ")? + " n = ".len();
            let digits = rest[n..].chars().take_while(char::is_ascii_digit).count();
            Some(&rest[..n + digits])
        })
        .collect();
    assert!(!means.is_empty(), "the copy's report has its figures");
    for line in means {
        assert!(
            whole.contains(&format!("W2: {line}")),
            "W2: {line}\n{whole}"
        );
    }
}

#[test]
fn sessions_made_from_one_template_share_their_agenda_once_and_keep_all_content() {
    let dir = tempfile::tempdir().unwrap();
    let mut template = Session::create("Bürgerwerkstatt");
    template.meta.series = "Werkstätten".into();
    template.agenda.days.push(moderato::agenda::AgendaDay {
        id: moderato::ids::AgendaDayId::generate(),
        items: vec![moderato::agenda::AgendaItem {
            id: moderato::ids::AgendaItemId::generate(),
            title: "Ideen sammeln".into(),
            planned_minutes: 45,
            ..Default::default()
        }],
        ..Default::default()
    });
    template.boards.push(moderato::board::Board {
        id: moderato::ids::BoardId::generate(),
        title: "Ideen".into(),
        ..Default::default()
    });
    let make = |name: &str, day: i8, cards: &[&str]| {
        let mut s = template.clone();
        s.meta.dates = vec![date(2018, 3, day)];
        for text in cards {
            s.boards[0].cards.push(Card {
                id: CardId::generate(),
                text: (*text).into(),
                ..Card::default()
            });
        }
        let folder = dir.path().join(name);
        storage::save(&folder, &s).unwrap();
        folder
    };
    let a = make("nord", 10, &["Radwege", "Bänke"]);
    let b = make("sued", 20, &["Spielplatz"]);
    let out = dir.path().join("beide");
    ok(&[
        "consolidate",
        &a.display().to_string(),
        &b.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    let whole = summary(&out);
    assert_eq!(
        whole["days"].as_array().unwrap().len(),
        1,
        "the template's day once"
    );
    assert_eq!(whole["cards"], 3);
    assert_eq!(whole["reflection_dimensions"], 4);
    assert!(conflicts_of(&whole).is_empty(), "{:?}", whole["conflicts"]);
}

#[test]
fn three_sources_two_of_one_title_are_told_apart() {
    let dir = tempfile::tempdir().unwrap();
    let make = |folder: &str, title: &str, place: &str| {
        let mut s = Session::create(title);
        s.meta.dates = vec![date(2018, 1, 10)];
        s.meta.location = place.into();
        s.meta.language = "de".into();
        let path = dir.path().join(folder);
        storage::save(&path, &s).unwrap();
        path
    };
    let a = make("a", "Workshop Nord", "Berlin");
    let b = make("b", "Workshop Nord", "Hamburg");
    let c = make("c", "Workshop Süd", "Berlin");
    let out = dir.path().join("alle");
    let said = ok(&[
        "consolidate",
        &a.display().to_string(),
        &b.display().to_string(),
        &c.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert!(said.contains("Workshop Nord, 10.01.2018, Berlin"), "{said}");
    assert!(
        said.contains("Workshop Nord, 10.01.2018, Hamburg"),
        "{said}"
    );
    assert!(said.contains("Workshop Süd, 10.01.2018"), "{said}");
    let md = dir.path().join("alle.md");
    ok(&[
        "export-md",
        &out.display().to_string(),
        "--out",
        &md.display().to_string(),
    ]);
    let md = std::fs::read_to_string(md).unwrap();
    assert!(md.contains("Workshop Nord, 10.01.2018, Hamburg"), "{md}");
}
