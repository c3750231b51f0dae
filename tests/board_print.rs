//! The boards in the exported PDF, read back from the PDF itself: every card's words on the
//! board's page(s), no word of a board's page below 7 pt, no two card rectangles on top of
//! each other. For the example session and for a generated board of 120 cards.

use std::collections::HashMap;
use std::path::Path;

use moderato::board::text_fit;
use moderato::board::{Board, Card, CardColour, Cluster};
use moderato::export;
use moderato::i18n::Lang;
use moderato::ids::{BoardId, CardId, ClusterId};
use moderato::session::Session;
use moderato::storage;
#[allow(dead_code)]
#[path = "common/pdf.rs"]
mod pdf;

use pdf::{Page, read};

/// The pages a board occupies: from the one with its title to the next one with another
/// board's title or a new section.
fn board_pages<'a>(pages: &'a [Page], board: &Board) -> Vec<&'a Page> {
    let title: Vec<&str> = board.title.split_whitespace().collect();
    let has_title = |page: &Page| {
        page.words
            .windows(title.len())
            .any(|w| w.iter().map(|(t, _)| t.as_str()).eq(title.iter().copied()))
    };
    let start = pages
        .iter()
        .position(|p| has_title(p) && !p.fills.is_empty())
        .unwrap_or_else(|| panic!("no page with the board {}", board.title));
    let mut found = vec![&pages[start]];
    // Continuation pages: lists of this board, until a page with a picture or a heading
    // of the next section (recognised by its fills or by nothing of this board).
    for page in &pages[start + 1..] {
        let mine = board.cards.iter().any(|c| {
            page.words
                .iter()
                .any(|(w, _)| c.text.starts_with(w.as_str()) && w.len() > 4)
        });
        if !mine || page.fills.iter().any(|(_, b)| b[2] - b[0] > 300.0) {
            break;
        }
        found.push(page);
    }
    found
}

fn card_colours() -> Vec<[f64; 3]> {
    CardColour::ALL
        .iter()
        .map(|c| {
            let [r, g, b] = c.rgb();
            [
                f64::from(r) / 255.0,
                f64::from(g) / 255.0,
                f64::from(b) / 255.0,
            ]
        })
        .collect()
}

fn check_boards(session: &Session, folder: Option<&Path>) {
    let now = jiff::Timestamp::from_second(1_800_000_000).unwrap();
    let report = export::pdf(session, folder, Lang::De, now).expect("a report");
    let pages = read(&report.bytes);
    let data = export::report_data(session, Lang::De, now);
    let colours = card_colours();
    for (board, printed) in session.boards.iter().zip(&data.boards) {
        let picture = printed.picture.as_ref().expect("a picture");
        let on_pages = board_pages(&pages, board);
        // Every card's words, as laid out on the card, are there.
        let words: HashMap<&str, f64> = on_pages
            .iter()
            .flat_map(|p| p.words.iter().map(|(w, s)| (w.as_str(), *s)))
            .collect();
        for card in &board.cards {
            // On the picture as laid out for the card; in the numbered list as written.
            let lines = if printed.numbered {
                vec![card.text.clone()]
            } else {
                text_fit::fit(&card.text, card.shape).lines.clone()
            };
            for line in &lines {
                // A PDF keeps a hyphen's glyph apart from its word; compare the parts.
                for part in line.split([' ', '-']).filter(|p| !p.is_empty()) {
                    let found = words.keys().any(|w| w.split('-').any(|w| w == part));
                    assert!(
                        found,
                        "{}: {part:?} of {:?} is not on its page",
                        board.title, card.text
                    );
                }
            }
        }
        // No word on the picture's page is smaller than 7 pt.
        let (smallest, size) = on_pages[0]
            .words
            .iter()
            .map(|(w, s)| (w.clone(), *s))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap();
        assert!(
            size >= 6.95,
            "{}: {smallest:?} is {size:.2} pt",
            board.title
        );
        // Card rectangles: as many as cards, none on another.
        let sizes: Vec<(f64, f64)> = picture
            .cards
            .iter()
            .map(|c| (f64::from(c.w), f64::from(c.h)))
            .collect();
        let rects: Vec<[f64; 4]> = on_pages[0]
            .fills
            .iter()
            .filter(|(colour, _)| {
                colours
                    .iter()
                    .any(|c| c.iter().zip(colour).all(|(a, b)| (a - b).abs() < 0.01))
            })
            .map(|(_, b)| *b)
            .filter(|b| {
                sizes.iter().any(|(w, h)| {
                    ((b[2] - b[0]) - w).abs() < 1.0 && ((b[3] - b[1]) - h).abs() < 1.0
                })
            })
            .collect();
        assert_eq!(
            rects.len(),
            board.cards.len(),
            "{}: card rectangles",
            board.title
        );
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                let apart = a[2] <= b[0] + 0.5
                    || b[2] <= a[0] + 0.5
                    || a[3] <= b[1] + 0.5
                    || b[3] <= a[1] + 0.5;
                assert!(apart, "{}: cards at {a:?} and {b:?} overlap", board.title);
            }
        }
    }
}

#[test]
fn the_example_boards_print_whole_readable_and_apart() {
    let folder = Path::new("sessions/open-government-2017");
    let session = storage::load(folder).unwrap();
    check_boards(&session, Some(folder));
}

#[test]
fn a_board_of_120_cards_prints_whole_readable_and_apart() {
    let mut session = Session::create("Werkstatt mit vielen Karten");
    session.meta.language = "de".into();
    let mut rng = fastrand::Rng::with_seed(120);
    let topics = [
        "Radwege",
        "Bürgerhaushalt",
        "Transparenz",
        "Beteiligung",
        "Ortsteile",
        "Jugendbeirat",
        "Open Data",
        "Ratsinformationssystem",
        "Spielplätze",
        "Busverbindungen",
    ];
    let mut board = Board {
        id: BoardId::generate(),
        title: "Ideensammlung".into(),
        ..Board::default()
    };
    for i in 0..120 {
        board.cards.push(Card {
            id: CardId::generate(),
            text: format!(
                "{} und {} stärken",
                topics[i % 10],
                topics[(i * 7 + 3) % 10]
            ),
            // Piled up as a busy wall is: overlapping, some on each other.
            x: rng.f32(),
            y: rng.f32(),
            colour: CardColour::ALL[i % 6],
            votes: (i % 7 == 0) as u32 * 3,
            ..Card::default()
        });
    }
    let members = board.cards[..5].iter().map(|c| c.id).collect();
    board.clusters.push(Cluster {
        id: ClusterId::generate(),
        title: "Mobilität".into(),
        cards: members,
        ..Cluster::default()
    });
    session.boards.push(board);
    check_boards(&session, None);
}
