//! Exports on real sessions: the PDF's text read back, Markdown and CSV.

use std::path::Path;

use moderato::board::{Board, CardColour, CardShape};
use moderato::export;
use moderato::i18n::Lang;
use moderato::ids::BoardId;
use moderato::session::Session;
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
    // Same session and date, same bytes.
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
    // Every task is due by the next meeting: said once, not in a column.
    assert!(md.contains("Alle Aufgaben sind bis zum nächsten Treffen fällig."));
    assert!(md.contains("| Aufgabe | Zuständig | Status |"));
    assert!(md.contains("Informieren und veröffentlichen"));
    // What the PDF says in words: summary, notes with their link, photos with credit.
    assert!(md.contains("### Zusammenfassung"));
    assert!(md.contains("[www.verwaltung-innovativ.de](<https://www.verwaltung-innovativ.de>)"));
    // Without its folder the Markdown links no photo; `export-md` writes them beside it
    // (see `the_markdown_folder_travels_with_its_photos`).
    assert!(!md.contains("!["), "no image link without the photos");
    assert!(md.contains("Foto:\u{a0}Kalinowski"));
    // CSV as a German spreadsheet opens it by double-click: a byte-order mark, `;` between
    // cells, the words a reader uses, due dates in a date column of their own.
    let actions = export::action_items_csv(&session, Lang::De);
    assert_eq!(actions.lines().count(), 1 + session.action_items.len());
    assert!(actions.starts_with("\u{feff}Aufgabe;Zuständig;Fällig am;Fällig;Status\r\n"));
    assert!(
        actions.contains(";;bis zum nächsten Treffen;in Arbeit\r\n"),
        "{actions}"
    );
    assert!(!actions.contains("InProgress") && !actions.contains("next meeting"));
    assert!(
        actions.contains(";Hochschule Kehl, Hochschule Harz;"),
        "a comma needs no quotes between semicolons"
    );
    let cards = export::cards_csv(&session, Lang::De);
    let cards_total: usize = session.boards.iter().map(|b| b.cards.len()).sum();
    let clusters_total: usize = session.boards.iter().map(|b| b.clusters.len()).sum();
    assert_eq!(cards.lines().count(), 1 + cards_total + clusters_total);
    let line = cards
        .lines()
        .find(|l| l.contains(";Karte;Open-Data-Portal im Aufbau;Stadt Nordheim;Gelb;"))
        .expect("the card's row");
    assert!(
        line.ends_with(";Informieren und veröffentlichen;4"),
        "{line}"
    );
    // Every dot is in the table, the clusters' own too: the column adds up to the board's.
    let dots: u64 = cards
        .lines()
        .skip(1)
        .filter_map(|l| l.rsplit(';').next()?.parse::<u64>().ok())
        .sum();
    let votes: u64 = session.boards.iter().map(|b| b.num_votes()).sum();
    assert_eq!(dots, votes);
    let reflection = export::reflection_csv(&session, Lang::De);
    assert!(reflection.starts_with("\u{feff}Wer;Inhalt;Struktur;Methoden;Moderation;Kommentar"));
    assert!(reflection.contains("Stadt Ostfelden;4;3;2;4;"));
    // English keeps commas and quotes what contains one.
    let english = export::action_items_csv(&session, Lang::En);
    assert!(english.contains("\"Hochschule Kehl, Hochschule Harz\""));
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
            .contains("| Task | Owner | Status |")
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

/// The text of each page, hyphenation undone, white space collapsed.
fn pdf_pages(bytes: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(bytes)
        .expect("the PDF can be read back")
        .iter()
        .map(|raw| {
            let joined = raw
                .replace("-\n", "")
                .replace("\u{ad}\n", "")
                .replace('\u{ad}', "");
            joined.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

fn first_page_with(pages: &[String], text: &str) -> usize {
    pages
        .iter()
        .position(|p| p.contains(text))
        .unwrap_or_else(|| panic!("no page shows {text:?}"))
}

#[test]
fn the_reflection_shares_one_scale_names_its_ends_and_writes_german_numbers() {
    let session = storage::load(Path::new(EXAMPLE)).unwrap();
    let data = export::report_data(&session, Lang::De, now());
    let figures = &data.reflection.figures;
    let most = figures
        .dimensions
        .iter()
        .flat_map(|d| d.bars.iter().map(|(_, n)| *n))
        .max()
        .unwrap();
    assert_eq!(
        figures.most, most,
        "every panel is drawn on the largest count"
    );
    assert!(
        figures.scale.contains("1 (nicht gelungen)") && figures.scale.contains("5 (sehr gelungen)")
    );
    let text = pdf_text(&export::pdf(&session, None, Lang::De, now()).unwrap().bytes);
    assert!(text.contains("Mittel 4,4"), "a decimal comma");
    assert!(!text.contains("Mittel 4.4"));
    assert_eq!(
        text.matches("über der Mitte der Skala").count(),
        1,
        "explained once"
    );
    assert!(text.contains("sehr gelungen"));
}

#[test]
fn each_photo_stands_with_its_section_and_nothing_is_printed_twice() {
    let session = storage::load(Path::new(EXAMPLE)).unwrap();
    let report = export::pdf(&session, Some(Path::new(EXAMPLE)), Lang::De, now()).unwrap();
    let pages = pdf_pages(&report.bytes);
    // The table of contents names every section; the sections themselves come after it.
    let contents = first_page_with(&pages, "Inhalt");
    let near = |caption: &str, section: &str| {
        let photo = first_page_with(&pages, caption);
        let heading = contents + 1 + first_page_with(&pages[contents + 1..], section);
        assert!(
            photo == heading || photo == heading + 1,
            "{caption:?} on page {} but {section:?} on page {}",
            photo + 1,
            heading + 1
        );
    };
    near(
        "Verortungswand nach der ersten Runde",
        "Verortung: Open Government in unserer Kommune",
    );
    near("Zielscheibe der Abschlussreflexion", "Bilanz des Workshops");
    near("Flipchart: Nächste Schritte", "Nächste Aufgaben");
    let text = pages.join(" ");
    for once in [
        "Zukunftskongress",
        "punktuelle Konsultationen",
        "Verortungsaufgaben des ersten Workshops",
        // (the reader sees a compound's parts as runs of their own: they keep it whole)
        "verwaltung-innovativ",
    ] {
        assert_eq!(text.matches(once).count(), 1, "{once:?} is printed once");
    }
    // Every image has a text for those who cannot see it (tagged PDF, /Alt).
    let doc = pdf_extract::Document::load_mem(&report.bytes).unwrap();
    let images = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| {
            s.dict.get(b"Subtype").and_then(|v| v.as_name()).ok() == Some(b"Image".as_slice())
        })
        .count();
    let alts = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Alt").is_ok())
        .count();
    assert!(images >= session.photos.len(), "{images} images");
    assert!(
        alts >= session.photos.len(),
        "{alts} alt texts for {} photos",
        session.photos.len()
    );
    assert!(report.left_out.is_empty());
}

#[test]
fn a_consolidation_of_two_copies_prints_each_card_once_without_doubled_dots() {
    use moderato::consolidate::{Input, consolidate};
    let single = storage::load(Path::new(EXAMPLE)).unwrap();
    let mut copy = single.clone();
    copy.meta.title = "Open Government in Kommunen – 3. Workshop der Modellkommunen".into();
    copy.meta.dates = vec![
        jiff::civil::date(2018, 6, 21),
        jiff::civil::date(2018, 6, 22),
    ];
    let both = consolidate(
        &[
            Input::new(EXAMPLE, single.clone()),
            Input::new(EXAMPLE, copy),
        ],
        &[],
    )
    .session;
    let one = export::report_data(&single, Lang::De, now());
    let data = export::report_data(&both, Lang::De, now());
    for (merged, original) in data.boards.iter().zip(&one.boards) {
        let count = |b: &moderato::export::board::BoardData| {
            b.clusters.iter().map(|c| c.cards.len()).sum::<usize>() + b.loose.len()
        };
        assert_eq!(
            count(merged),
            count(original),
            "{}: each card once",
            merged.title
        );
        let dots: Vec<u64> = merged.clusters.iter().map(|c| c.votes).collect();
        let single_dots: Vec<u64> = original.clusters.iter().map(|c| c.votes).collect();
        assert_eq!(dots, single_dots, "{}: dots not doubled", merged.title);
    }
    let single_pages = pdf_pages(&export::pdf(&single, None, Lang::De, now()).unwrap().bytes);
    let raw = pdf_extract::extract_text_from_mem(
        &export::pdf(&both, None, Lang::De, now()).unwrap().bytes,
    )
    .unwrap();
    for line in raw.lines() {
        assert!(
            line.matches("[W").count() <= 1,
            "one source label per line: {line}"
        );
    }
    let pages = raw.matches('\u{c}').count().max(1);
    let both_pages = pdf_pages(&export::pdf(&both, None, Lang::De, now()).unwrap().bytes).len();
    assert!(
        both_pages * 2 <= single_pages.len() * 3,
        "{both_pages} pages for two copies of a {}-page report ({pages})",
        single_pages.len()
    );
    let text = pdf_text(&export::pdf(&both, None, Lang::De, now()).unwrap().bytes);
    assert!(
        text.contains("W1") && text.contains("W2"),
        "the sources' legend"
    );
    assert_eq!(
        text.matches("Die Ziele des Workshops wurden erreicht")
            .count(),
        1
    );
}

/// An item's outcome written in the app is printed under its item in the PDF and listed with
/// its item in the Markdown.
#[test]
fn an_items_outcome_is_printed_with_its_item() {
    let mut session = storage::load(Path::new(EXAMPLE)).unwrap();
    let item = &mut session.agenda.days[0].items[3];
    item.outcome = "Fünf Kommunen verorten sich bei „Kultur des Informierens“".into();
    let title = item.title.clone();
    let text = pdf_text(
        &export::pdf(&session, Some(Path::new(EXAMPLE)), Lang::De, now())
            .unwrap()
            .bytes,
    );
    // Under its item, before the next one ("Ergebnis" set apart in italics).
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle}: {text}"))
    };
    let outcome = at("Fünf Kommunen verorten sich bei „Kultur des Informierens“");
    assert!(at(&title) < outcome && outcome < at("Kaffeepause"));
    assert!(text[at(&title)..outcome].contains("Ergebnis"));
    let md = export::markdown(&session, Lang::De, now());
    assert!(md.contains(&format!(
        "- **Ergebnis** ({title}): Fünf Kommunen verorten sich bei „Kultur des Informierens“"
    )));
}
