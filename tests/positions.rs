//! A position is data: on a positioning board nothing moves a card but the moderator. Tidying,
//! consolidating and printing keep every card's recorded place, on random boards with
//! overlaps, clusters and cards at the edges; and the printed report shows every card (or
//! its marker) within 2 % of the axis' length of its place, read back from the PDF.

#[allow(dead_code)]
#[path = "common/pdf.rs"]
mod pdf;

use moderato::board::{Axes, AxisLabels, Board, Card, CardColour, Cluster, layout, placement};
use moderato::consolidate::{Input, consolidate};
use moderato::export;
use moderato::i18n::Lang;
use moderato::ids::{BoardId, CardId, ClusterId};
use moderato::session::Session;
use moderato::storage;

fn axes() -> Option<Axes> {
    Some(Axes {
        x: AxisLabels {
            low: "informieren".into(),
            high: "gemeinsam gestalten".into(),
        },
        y: AxisLabels {
            low: "Einzelprojekt".into(),
            high: "Verwaltungskultur".into(),
        },
        quadrants: Some([
            "Kultur des Informierens".into(),
            "Offene Verwaltung".into(),
            "Einzelne Angebote".into(),
            "Beteiligungsprojekte".into(),
        ]),
    })
}

/// A positioning board with `count` cards at random places, some piled up, some at the
/// wall's very edges, a few in clusters.
fn random_board(rng: &mut fastrand::Rng, count: usize) -> Board {
    let mut board = Board {
        id: BoardId::generate(),
        title: "Verortung".into(),
        axes: axes(),
        ..Board::default()
    };
    for i in 0..count {
        let (x, y) = match rng.u8(0..10) {
            0 => (0.0, rng.f32()),
            1 => (1.0, rng.f32()),
            2 => (rng.f32(), 0.0),
            3 => (rng.f32(), 1.0),
            4 if i > 0 => {
                let other: &Card = &board.cards[rng.usize(0..i)];
                ((other.x + rng.f32() * 0.01).min(1.0), other.y)
            }
            _ => (rng.f32(), rng.f32()),
        };
        board.cards.push(Card {
            id: CardId::generate(),
            text: format!("Vorhaben {i} der Kommune"),
            x,
            y,
            colour: CardColour::ALL[i % 6],
            votes: u32::from(i % 5 == 0),
            ..Card::default()
        });
    }
    for chunk in board.cards.chunks(7).take(3) {
        board.clusters.push(Cluster {
            id: ClusterId::generate(),
            title: format!("Gruppe {}", chunk[0].text),
            cards: chunk.iter().map(|c| c.id).collect(),
            ..Cluster::default()
        });
    }
    board
}

fn quadrant(card: &Card) -> (bool, bool) {
    (card.x >= 0.5, card.y >= 0.5)
}

fn on_wall(card: &Card) -> bool {
    (0.0..=1.0).contains(&card.x) && (0.0..=1.0).contains(&card.y)
}

#[test]
fn tidying_consolidating_and_printing_never_move_a_card() {
    let mut rng = fastrand::Rng::with_seed(22);
    for round in 0..40 {
        let board = random_board(&mut rng, 10 + round * 3);
        // Tidying moves nothing on a positioning board.
        assert!(moderato::board::tidy::tidy(&board).is_empty());
        // The drawing: every card at its place, or its marker there.
        if let Some(placed) = placement::place(&board) {
            for (spot, card) in placed.iter().zip(&board.cards) {
                let (x, y) = layout::centre(card);
                assert!((spot.point.0 - x).abs() < 1e-3 && (spot.point.1 - y).abs() < 1e-3);
                if !spot.is_displaced {
                    let r = &spot.rect;
                    let centre = ((r.min.0 + r.max.0) / 2.0, (r.min.1 + r.max.1) / 2.0);
                    assert!((centre.0 - x).abs() < 1e-3 && (centre.1 - y).abs() < 1e-3);
                }
            }
        }
        // Consolidated with a copy in which some cards were moved: every card of the
        // result stands where one of the sources put it.
        let mut first = Session::create("Werkstatt A");
        first.boards.push(board.clone());
        let mut second = first.clone();
        second.meta.title = "Werkstatt B".into();
        for card in second.boards[0].cards.iter_mut().step_by(4) {
            card.x = (card.x + 0.3) % 1.0;
        }
        let places: Vec<(f32, f32)> = [&first, &second]
            .iter()
            .flat_map(|s| s.boards[0].cards.iter().map(|c| (c.x, c.y)))
            .collect();
        let result = consolidate(
            &[Input::new("a", first.clone()), Input::new("b", second)],
            &[],
        )
        .session;
        for card in &result.boards[0].cards {
            assert!(on_wall(card), "{card:?}");
            assert!(
                places.contains(&(card.x, card.y)),
                "{} moved to ({}, {})",
                card.text,
                card.x,
                card.y
            );
        }
        for card in &first.boards[0].cards {
            assert!(
                result.boards[0]
                    .cards
                    .iter()
                    .any(|c| c.text == card.text && quadrant(c) == quadrant(card)),
                "{} lost its quadrant",
                card.text
            );
        }
    }
}

/// The wall's rectangle on the board's page (PDF coordinates), and the page.
fn wall_on_page<'a>(pages: &'a [pdf::Page], title: &str) -> (&'a pdf::Page, [f64; 4]) {
    let wall_colour = [221.0 / 255.0, 208.0 / 255.0, 179.0 / 255.0];
    pages
        .iter()
        .filter(|p| p.words.iter().any(|(w, _)| title.starts_with(w.as_str())))
        .find_map(|p| {
            let wall = p.fills.iter().find(|(colour, _)| {
                colour
                    .iter()
                    .zip(&wall_colour)
                    .all(|(a, b)| (a - b).abs() < 0.01)
            })?;
            Some((p, wall.1))
        })
        .unwrap_or_else(|| panic!("no page with the wall of {title}"))
}

/// Every card of a positioning board, read back from the PDF: a card-sized rectangle of its
/// colour, or a marker with its number, lies within 2 % of the axes' length of its place.
fn check_print(session: &Session) {
    let now = jiff::Timestamp::from_second(1_800_000_000).unwrap();
    let report = export::pdf(session, None, Lang::De, now).expect("a report");
    // To look at the pages: MODERATO_KEEP_PDF=folder keeps each report there.
    if let Some(dir) = std::env::var_os("MODERATO_KEEP_PDF") {
        let name = format!(
            "{}.pdf",
            moderato::text::slug(&session.meta.title, "report")
        );
        std::fs::write(std::path::Path::new(&dir).join(name), &report.bytes).unwrap();
    }
    let pages = pdf::read(&report.bytes);
    let data = export::report_data(session, Lang::De, now);
    for (board, printed) in session.boards.iter().zip(&data.boards) {
        if board.axes.is_none() {
            continue;
        }
        let picture = printed.picture.as_ref().expect("a picture");
        let (page, wall) = wall_on_page(&pages, &board.title);
        let (width, height) = (wall[2] - wall[0], wall[3] - wall[1]);
        for (n, card) in board.cards.iter().enumerate() {
            let expected = (
                wall[0] + f64::from(card.x) * width,
                wall[3] - f64::from(card.y) * height,
            );
            let near = |b: &[f64; 4]| {
                let centre = ((b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0);
                (centre.0 - expected.0).abs() <= 0.02 * width
                    && (centre.1 - expected.1).abs() <= 0.02 * height
            };
            let [r, g, b] = card.colour.rgb();
            let colour = [r, g, b].map(|v| f64::from(v) / 255.0);
            let size = picture
                .cards
                .get(n)
                .map(|c| (f64::from(c.w), f64::from(c.h)));
            let as_card = page.fills.iter().any(|(c, b)| {
                c.iter().zip(&colour).all(|(x, y)| (x - y).abs() < 0.01)
                    && size.is_some_and(|(w, h)| {
                        ((b[2] - b[0]) - w).abs() < 1.0 && ((b[3] - b[1]) - h).abs() < 1.0
                    })
                    && near(b)
            });
            // A marker: the card's number (or a range "4–9" holding it) at its place.
            // The picture lists the cards in the board's order, each with its number.
            let number = picture.cards.get(n).and_then(|c| c.number).unwrap_or(n + 1);
            let holds = |word: &str| {
                word.split([',', ' '])
                    .any(|part| part == number.to_string())
                    || word.split_once('\u{2013}').is_some_and(|(a, b)| {
                        let (a, b) = (a.parse::<usize>(), b.parse::<usize>());
                        matches!((a, b), (Ok(a), Ok(b)) if (a..=b).contains(&number))
                    })
            };
            let as_marker = page.words.iter().zip(&page.at).any(|((w, _), at)| {
                holds(w)
                    && (at.0 - expected.0).abs() <= 0.02 * width + 12.0
                    && (at.1 - expected.1).abs() <= 0.02 * height + 6.0
            });
            // Drawn beside its place: a dot at the place (and the picture's leader from it).
            let beside = picture
                .cards
                .iter()
                .any(|c| c.number == Some(number) && c.leader.is_some());
            // (The reader's box of a round path is wider than the dot itself.)
            let as_dot = beside
                && page.fills.iter().any(|(c, b)| {
                    c.iter().all(|v| *v < 0.3)
                        && b[2] - b[0] < 16.0
                        && b[3] - b[1] < 16.0
                        && near(b)
                });
            assert!(
                as_card || as_marker || as_dot,
                "{}: card {} ({:?}) is not drawn at its place {expected:?}: {:?}",
                board.title,
                n + 1,
                card.text,
                picture.cards.get(n),
            );
        }
    }
}

#[test]
fn the_example_prints_every_card_at_its_place() {
    let session = storage::load(std::path::Path::new("sessions/open-government-2017")).unwrap();
    check_print(&session);
}

#[test]
fn sixty_overlapping_cards_print_at_their_places() {
    let mut rng = fastrand::Rng::with_seed(60);
    let mut session = Session::create("Verortung mit Gedränge");
    session.meta.language = "de".into();
    let mut board = random_board(&mut rng, 0);
    // Sixty cards in three piles, each card a little off the last.
    for i in 0..60 {
        let (px, py) = [(0.25, 0.3), (0.7, 0.35), (0.5, 0.75)][i % 3];
        board.cards.push(Card {
            id: CardId::generate(),
            text: format!("Idee {i}"),
            x: px + (i / 3) as f32 * 0.004,
            y: py + (i / 3) as f32 * 0.003,
            colour: CardColour::ALL[i % 6],
            ..Card::default()
        });
    }
    session.boards.push(board);
    check_print(&session);
}

#[test]
fn a_consolidation_of_two_copies_prints_every_card_at_its_place() {
    let example = storage::load(std::path::Path::new("sessions/open-government-2017")).unwrap();
    let mut copy = example.clone();
    copy.meta.title = "Kopie".into();
    for card in copy.boards[0].cards.iter_mut().step_by(3) {
        card.y = (card.y + 0.05).min(1.0);
    }
    let result = consolidate(&[Input::new("a", example), Input::new("b", copy)], &[]).session;
    check_print(&result);
}
