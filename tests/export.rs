//! Exports on real sessions: the PDF's text read back, Markdown and CSV.

use std::path::Path;

use moderato::export;
use moderato::i18n::Lang;
use moderato::model::*;
use moderato::storage;

const EXAMPLE: &str = "sessions/open-government-2017";

/// The PDF's text with hyphenation undone and white space collapsed (justified lines put
/// extra spaces between words).
fn pdf_text(bytes: &[u8]) -> String {
    let raw = pdf_extract::extract_text_from_mem(bytes).expect("the PDF can be read back");
    let joined = raw.replace("\u{ad}\n", "").replace('\u{ad}', "");
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn now() -> jiff::Timestamp {
    "2026-11-26T12:00:00Z".parse().unwrap()
}

#[test]
fn the_example_report_has_every_section_umlauts_and_page_numbers() {
    let session = storage::load(Path::new(EXAMPLE)).unwrap();
    let bytes = export::pdf(&session, Some(Path::new(EXAMPLE)), Lang::De, now())
        .unwrap()
        .bytes;
    assert!(bytes.starts_with(b"%PDF-"));
    let text = pdf_text(&bytes);
    for expected in [
        "Open Government in Kommunen",
        "Ablauf: geplant und gehalten",
        "Verortungsaufgabe 1",
        "Pinnwände",
        "Informieren und veröffentlichen",
        "Ergebnisse und Beschlüsse",
        "Nächste Aufgaben",
        "bis zum nächsten Treffen",
        "Nächstes Treffen",
        "Berlin",
        "Bilanz des Workshops",
        "überwiegend positiv",
        "Abweichende Stimmen",
        "Fotos",
        "Kalinowski",
        "Text: Neutzner",
        "Seite 2 von",
        "Öffentlichkeitsarbeit",
    ] {
        assert!(
            text.contains(expected),
            "the report shows \u{201c}{expected}\u{201d}"
        );
    }
    // Same session, same bytes: the report does not print the date it was made.
    let again = export::pdf(&session, Some(Path::new(EXAMPLE)), Lang::De, now())
        .unwrap()
        .bytes;
    assert_eq!(bytes.len(), again.len());
}

#[test]
fn markup_characters_print_as_written_and_a_bare_session_exports_in_english() {
    let mut session = Session::create("Test & Co: #1 *nicht fett*");
    session.meta.language = "en".into();
    let tricky = "Kosten: 5 $ pro #Kopf, *wirklich* ] [x](y) \\ `code`";
    let mut board = Board {
        id: BoardId::generate(),
        title: "Ideen".into(),
        ..Board::default()
    };
    moderato::board::cards::add_card(
        &mut board,
        tricky,
        "Jürgen Öztürk",
        CardColour::Yellow,
        CardShape::Card,
    );
    session.boards.push(board);
    let bytes = export::pdf(&session, None, Lang::En, now()).unwrap().bytes;
    let text = pdf_text(&bytes);
    assert!(text.contains("Test & Co: #1 *nicht fett*"), "{text}");
    assert!(
        text.contains("5 $ pro #Kopf, *wirklich* ] [x](y)"),
        "{text}"
    );
    assert!(text.contains("Jürgen Öztürk"));
    assert!(text.contains("Page 2 of"), "{text}");

    // No board, no photos, no agenda: still a valid report.
    let bare = Session::create("Leer");
    let text = pdf_text(&export::pdf(&bare, None, Lang::De, now()).unwrap().bytes);
    assert!(text.contains("Leer"));
    assert!(!text.contains("Pinnwände"));
}

#[test]
fn markdown_and_csv_keep_the_data_and_escape_it() {
    let session = storage::load(Path::new(EXAMPLE)).unwrap();
    let md = export::markdown(&session, Lang::De, now());
    assert!(md.starts_with("# Open Government in Kommunen"));
    assert!(md.contains("| Aufgabe | Zuständig | Fällig | Status |"));
    assert!(md.contains("Informieren und veröffentlichen"));
    let actions = export::action_items_csv(&session);
    assert_eq!(actions.lines().count(), 1 + session.action_items.len());
    assert!(actions.starts_with("title,owner,due,status\r\n"));
    assert!(
        actions.contains("\"Hochschule Kehl, Hochschule Harz\""),
        "a comma is quoted"
    );
    let cards = export::cards_csv(&session);
    let cards_total: usize = session.boards.iter().map(|b| b.cards.len()).sum();
    assert_eq!(cards.lines().count(), 1 + cards_total);
    let line = cards
        .lines()
        .find(|l| l.contains(",Open-Data-Portal im Aufbau,Stadt Nordheim,Yellow,"))
        .expect("the card's row");
    assert!(
        line.ends_with(",Informieren und veröffentlichen,4"),
        "{line}"
    );
    let reflection = export::reflection_csv(&session);
    assert!(reflection.starts_with("who,Inhalt,Struktur,Methoden,Moderation,comment"));
    assert!(reflection.contains("Stadt Ostfelden,4,3,2,4,"));
}

#[test]
fn the_command_line_writes_pdf_markdown_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_moderato"))
            .args(args)
            .output()
            .unwrap()
    };
    let md = dir.path().join("bericht.md");
    let output = run(&[
        "export-md",
        EXAMPLE,
        "--out",
        &md.display().to_string(),
        "--lang",
        "en",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        std::fs::read_to_string(&md)
            .unwrap()
            .contains("| Task | Owner | Due | Status |")
    );
    let csv = dir.path().join("tabellen");
    assert!(
        run(&["export-csv", EXAMPLE, "--out", &csv.display().to_string()])
            .status
            .success()
    );
    for name in ["action-items.csv", "cards.csv", "reflection.csv"] {
        assert!(csv.join(name).is_file(), "{name}");
    }
    let bad = run(&["export-pdf", EXAMPLE, "--out", "x.pdf", "--lang", "fr"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("de or en"));
}
