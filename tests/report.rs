//! The report as an editor reads it: page breaks (no heading at a page's foot), names never
//! hyphenated, the title page with the workshop's date, and Markdown and CSV that travel.

#[allow(dead_code)]
mod common;
#[path = "common/pdf.rs"]
mod pdf;

use std::path::Path;

use moderato::board::{Board, Card, Cluster};
use moderato::export;
use moderato::i18n::Lang;
use moderato::ids::{BoardId, CardId, ClusterId};
use moderato::session::Session;
use moderato::storage;

use common::EXAMPLE;

fn now() -> jiff::Timestamp {
    "2026-12-02T12:00:00Z".parse().unwrap()
}

/// The lines of a page, top to bottom: each line's words and its largest word size, without
/// the footer.
fn lines(page: &pdf::Page) -> Vec<(f64, Vec<String>, f64)> {
    let mut lines: Vec<(f64, Vec<String>, f64)> = Vec::new();
    for ((word, size), (_, y)) in page.words.iter().zip(&page.at) {
        // The footer: 8 pt at the page's foot.
        if *y < 60.0 && *size < 8.5 {
            continue;
        }
        match lines.iter_mut().find(|(ly, _, _)| (ly - y).abs() < 2.0) {
            Some((_, words, largest)) => {
                words.push(word.clone());
                *largest = largest.max(*size);
            }
            None => lines.push((*y, vec![word.clone()], *size)),
        }
    }
    lines.sort_by(|a, b| b.0.total_cmp(&a.0));
    lines
}

/// Headings are set in 10.5, 12.5 and 17 pt; text in 10 pt and less.
fn is_heading(size: f64) -> bool {
    [10.5, 12.5, 17.0].iter().any(|h| (size - h).abs() < 0.05)
}

/// The example with boards of four clusters each, `clusters` in all, each card with a long
/// author, so that the lists under the pictures run over pages and the breaks fall at
/// different places.
fn with_many_clusters(clusters: usize, shift: usize) -> Session {
    let mut session = storage::load(Path::new(EXAMPLE)).unwrap();
    let mut boards = Vec::new();
    for c in 0..clusters {
        if c % 4 == 0 {
            boards.push(Board {
                id: BoardId::generate(),
                title: format!("Ideenspeicher {}", c / 4 + 1),
                // A question of `shift` lines moves the lists down by as many.
                question: "Welche Ideen haben wir für unsere Kommune? ".repeat(shift * 2),
                ..Board::default()
            });
        }
        let board = boards.last_mut().unwrap();
        let mut cluster = Cluster {
            id: ClusterId::generate(),
            title: format!("Themenfeld {c}"),
            ..Cluster::default()
        };
        for k in 0..(4 + (c * 7) % 5) {
            let card = Card {
                id: CardId::generate(),
                text: format!("Vorschlag {k}.{c}"),
                author: "Stadt Nordheim, Amt für Bürgerbeteiligung, Verwaltungsmodernisierung \
                         und Digitalisierung der Kreisverwaltung"
                    .into(),
                x: 0.1 + 0.2 * (c % 4) as f32,
                y: 0.1 + 0.1 * k as f32,
                ..Card::default()
            };
            cluster.cards.push(card.id);
            board.cards.push(card);
        }
        board.clusters.push(cluster);
    }
    for board in boards.into_iter().rev() {
        session.boards.insert(0, board);
    }
    let data = export::report_data(&session, Lang::De, now());
    assert!(!data.boards[0].numbered, "a picture with lists below it");
    session
}

#[test]
fn no_heading_stands_at_a_page_s_foot_with_less_than_two_lines_under_it() {
    let mut checked = 0;
    let example = || storage::load(Path::new(EXAMPLE)).unwrap();
    let mut cases = vec![(example(), Lang::De), (example(), Lang::En)];
    cases.extend((0..8).map(|shift| (with_many_clusters(8, shift), Lang::De)));
    for (session, lang) in cases {
        let report = export::pdf(&session, Some(Path::new(EXAMPLE)), lang, now()).unwrap();
        let pages = pdf::read(&report.bytes);
        for (n, page) in pages.iter().enumerate().skip(1) {
            let lines = lines(page);
            let Some(last) = lines.iter().rposition(|(_, _, size)| is_heading(*size)) else {
                continue;
            };
            let under = lines.len() - last - 1;
            // The heading's section ends on this page when the next page begins with a
            // heading (or there is none).
            let next_starts_with_heading =
                pages.get(n + 1).map(lines_of_start).is_none_or(is_heading);
            assert!(
                under >= 2
                    || (under == 1 && next_starts_with_heading)
                    || under == 0 && next_starts_with_heading,
                "page {}: {:?} has {under} line(s) under it",
                n + 1,
                lines[last].1.join(" ")
            );
            checked += 1;
        }
    }
    assert!(checked > 20, "{checked} pages with headings checked");
}

fn lines_of_start(page: &pdf::Page) -> f64 {
    lines(page).first().map_or(17.0, |(_, _, size)| *size)
}

#[test]
fn names_of_places_people_and_organisations_are_never_hyphenated() {
    let mut session = storage::load(Path::new(EXAMPLE)).unwrap();
    session.meta.location = "Verwaltungsfachhochschule Hannoversch Münden-Süderbrarup".into();
    session.meta.organiser =
        "Landesarbeitsgemeinschaft Bürgerbeteiligung Mecklenburg-Vorpommern".into();
    for participant in &mut session.meta.participants {
        participant.organisation = format!("{} Kreisverwaltung", participant.organisation);
    }
    for action in &mut session.action_items {
        action.owner = "Stabsstelle Bürgerschaftsengagement".into();
    }
    for photo in &mut session.photos {
        photo.photographer = "Konstantin Schwarzenberger-Kalinowski".into();
    }
    let names: Vec<String> = [
        &session.meta.location,
        &session.meta.organiser,
        "Stabsstelle Bürgerschaftsengagement",
        "Konstantin Schwarzenberger-Kalinowski",
        "Kreisverwaltung",
    ]
    .iter()
    .flat_map(|n| n.split([' ', '-']).map(str::to_owned).collect::<Vec<_>>())
    .filter(|w| w.chars().count() >= 5)
    .collect();
    for lang in [Lang::De, Lang::En] {
        let report = export::pdf(&session, Some(Path::new(EXAMPLE)), lang, now()).unwrap();
        let pages = pdf::read(&report.bytes);
        for (n, page) in pages.iter().enumerate() {
            for (word, _) in &page.words {
                let Some(front) = word.strip_suffix('-') else {
                    continue;
                };
                let front = front.rsplit(['-', ' ', '(']).next().unwrap_or(front);
                for name in &names {
                    assert!(
                        !(name.starts_with(front) && front.len() < name.len() && front.len() > 1),
                        "page {}: the name {name:?} is broken after {front:?}",
                        n + 1
                    );
                }
            }
        }
    }
}

#[test]
fn the_title_page_shows_the_workshop_s_date_and_the_imprint_when_the_report_was_made() {
    let session = storage::load(Path::new(EXAMPLE)).unwrap();
    let report = export::pdf(&session, Some(Path::new(EXAMPLE)), Lang::De, now()).unwrap();
    let pages = pdf::read(&report.bytes);
    let title_page: Vec<&str> = pages[0].words.iter().map(|(w, _)| w.as_str()).collect();
    let text = title_page.join(" ");
    assert!(text.contains("23.–24.11.2017"), "{text}");
    assert!(!text.contains("Stand"), "{text}");
    assert!(text.contains("Erstellt am: 02.12.2026"), "{text}");
    assert!(text.contains("10 Personen aus 7 Organisationen"), "{text}");
    // The title breaks after its dash, not inside its second part.
    let lines = lines(&pages[0]);
    let title: Vec<String> = lines
        .iter()
        .filter(|(_, _, size)| *size > 18.0)
        .map(|(_, words, _)| words.join(" "))
        .collect();
    assert_eq!(
        title,
        [
            "Open Government in Kommunen –",
            "2. Workshop der Modellkommunen"
        ]
    );
    // An English report of German content says so on its title page.
    let english = export::pdf(&session, None, Lang::En, now()).unwrap();
    let first: Vec<String> = pdf::read(&english.bytes)[0]
        .words
        .iter()
        .map(|(w, _)| w.clone())
        .collect();
    assert!(first.join(" ").contains("Contents in German"), "{first:?}");
}

#[test]
fn the_cards_table_opens_in_a_german_spreadsheet_row_by_row() {
    let session = storage::load(Path::new(EXAMPLE)).unwrap();
    let cards = export::cards_csv(&session, Lang::De);
    assert!(cards.starts_with('\u{feff}'), "a byte-order mark");
    let rows: Vec<&str> = cards.trim_start_matches('\u{feff}').split("\r\n").collect();
    let header = rows[0].split(';').count();
    assert!(header >= 8, "{}", rows[0]);
    let mut in_quotes = false;
    let mut cells = 1;
    let mut rows_read = 0;
    for c in cards.trim_start_matches('\u{feff}').chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            ';' if !in_quotes => cells += 1,
            '\n' if !in_quotes => {
                assert_eq!(cells, header, "row {rows_read} has {cells} cells");
                cells = 1;
                rows_read += 1;
            }
            _ => {}
        }
    }
    let total: usize = session.boards.iter().map(|b| b.cards.len()).sum();
    assert!(
        rows_read > total,
        "{rows_read} rows for {total} cards and the clusters"
    );
}

#[test]
fn the_markdown_folder_travels_with_its_photos() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bericht.md");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_moderato"))
        .args(["export-md", EXAMPLE, "--out"])
        .arg(&out)
        .env("MODERATO_CACHE_DIR", dir.path().join("cache"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Moved elsewhere together, the links still resolve.
    let moved = dir.path().join("weitergegeben");
    std::fs::create_dir_all(&moved).unwrap();
    std::fs::rename(&out, moved.join("bericht.md")).unwrap();
    std::fs::rename(
        dir.path().join("bericht-fotos"),
        moved.join("bericht-fotos"),
    )
    .unwrap();
    let markdown = std::fs::read_to_string(moved.join("bericht.md")).unwrap();
    let links: Vec<&str> = markdown
        .match_indices("](<")
        .filter(|(at, _)| markdown[..*at].rfind("![") > markdown[..*at].rfind('\n'))
        .map(|(at, _)| {
            let rest = &markdown[at + 3..];
            &rest[..rest.find(">)").unwrap()]
        })
        .collect();
    assert_eq!(links.len(), 3, "every photo of the example: {links:?}");
    for link in links {
        assert!(link.starts_with("bericht-fotos/"), "{link}");
        let bytes = std::fs::read(moved.join(link)).unwrap_or_else(|e| panic!("{link}: {e}"));
        let image = image::load_from_memory(&bytes).unwrap();
        assert!(
            image.width().max(image.height()) <= 1000,
            "{link} at print size"
        );
    }
    assert!(
        !markdown.contains("<img") && !markdown.contains("<table"),
        "no HTML"
    );
}

#[test]
fn a_report_of_more_cards_than_it_holds_lists_the_first_and_says_where_the_rest_are() {
    let mut session = Session::create("Viele Karten");
    session.boards.push(moderato::board::cards::grid_of_cards(
        export::board::MAX_LISTED_CARDS + 1_000,
    ));
    session
        .boards
        .push(moderato::board::cards::grid_of_cards(5));
    let data = export::report_data(&session, Lang::De, now());
    let listed = |b: &export::board::BoardData| {
        b.loose.len() + b.clusters.iter().map(|c| c.cards.len()).sum::<usize>()
    };
    assert_eq!(listed(&data.boards[0]), export::board::MAX_LISTED_CARDS);
    let note = data.boards[0].cut.as_deref().unwrap();
    assert!(note.contains("20.000 der 21.000 Karten"), "{note}");
    assert!(note.contains("CSV"), "{note}");
    // The room is used up: the next board is named, its cards are in the tables.
    assert_eq!(listed(&data.boards[1]), 0);
    assert!(data.boards[1].cut.is_some());

    // A board too large for a picture prints every card, one line each.
    let mut session = Session::create("Große Wand");
    session
        .boards
        .push(moderato::board::cards::grid_of_cards(1_000));
    let report = export::pdf(&session, None, Lang::De, now()).unwrap();
    let words: Vec<String> = pdf::read(&report.bytes)
        .iter()
        .flat_map(|p| p.words.iter().map(|(w, _)| w.clone()))
        .collect();
    let text = words.join(" ");
    for n in [0, 499, 999] {
        assert!(text.contains(&format!("Karte {n}:")), "card {n} listed");
    }
}

#[test]
fn the_report_is_pdf_ua_and_asks_viewers_to_show_its_title() {
    let session = storage::load(Path::new(EXAMPLE)).unwrap();
    let bytes = export::pdf(&session, None, Lang::De, now()).unwrap().bytes;
    let raw = String::from_utf8_lossy(&bytes);
    assert!(
        raw.contains("/DisplayDocTitle true"),
        "viewers show the title, not the file name"
    );
    assert!(raw.contains("pdfuaid:part>1"), "declared PDF/UA-1");
}
