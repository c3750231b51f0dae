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
use pdf_extract::{
    ColorSpace, MediaBox, OutputDev, OutputError, Path as PdfPath, PathOp, Transform,
};

#[derive(Debug, Default)]
struct Page {
    /// Each word with its size in points.
    words: Vec<(String, f64)>,
    /// Filled shapes: colour (0..1 RGB) and bounding box (x0, y0, x1, y1) in points.
    fills: Vec<([f64; 3], [f64; 4])>,
}

/// Collects words and filled shapes per page.
#[derive(Default)]
struct Reader {
    pages: Vec<Page>,
    word: String,
    word_size: f64,
    /// Where the next character would follow on from the last one.
    next_x: Option<(f64, f64)>,
}

impl Reader {
    fn end(&mut self) {
        if !self.word.trim().is_empty() {
            let word = std::mem::take(&mut self.word);
            let size = self.word_size;
            if let Some(page) = self.pages.last_mut() {
                page.words.push((word.trim().to_owned(), size));
            }
        }
        self.word.clear();
        self.word_size = f64::INFINITY;
    }
}

fn scale(t: &Transform) -> f64 {
    (t.m11 * t.m22 - t.m12 * t.m21).abs().sqrt()
}

impl OutputDev for Reader {
    fn begin_page(
        &mut self,
        _: u32,
        _: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.pages.push(Page::default());
        self.word_size = f64::INFINITY;
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        self.end();
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        let size = font_size * scale(trm);
        let (x, y) = (trm.m31, trm.m32);
        // A jump away from where the last character ended starts a new word.
        let continues = self
            .next_x
            .is_some_and(|(nx, ny)| (x - nx).abs() < size * 0.3 && (y - ny).abs() < size * 0.3);
        if !continues {
            self.end();
        }
        if char.trim().is_empty() {
            self.end();
        } else {
            self.word.push_str(char);
            self.word_size = self.word_size.min(size);
        }
        self.next_x = Some((x + (width * font_size + spacing) * scale(trm), y));
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        self.end();
        Ok(())
    }
    fn fill(
        &mut self,
        ctm: &Transform,
        _: &ColorSpace,
        color: &[f64],
        path: &PdfPath,
    ) -> Result<(), OutputError> {
        let mut points = Vec::new();
        for op in &path.ops {
            match *op {
                PathOp::MoveTo(x, y) | PathOp::LineTo(x, y) => points.push((x, y)),
                PathOp::CurveTo(_, _, _, _, x, y) => points.push((x, y)),
                PathOp::Rect(x, y, w, h) => points.extend([(x, y), (x + w, y + h)]),
                PathOp::Close => {}
            }
        }
        let points: Vec<(f64, f64)> = points
            .into_iter()
            .map(|(x, y)| {
                (
                    x * ctm.m11 + y * ctm.m21 + ctm.m31,
                    x * ctm.m12 + y * ctm.m22 + ctm.m32,
                )
            })
            .collect();
        if points.is_empty() || color.len() < 3 {
            return Ok(());
        }
        let bbox = points
            .iter()
            .fold([f64::MAX, f64::MAX, f64::MIN, f64::MIN], |b, p| {
                [b[0].min(p.0), b[1].min(p.1), b[2].max(p.0), b[3].max(p.1)]
            });
        if let Some(page) = self.pages.last_mut() {
            page.fills.push(([color[0], color[1], color[2]], bbox));
        }
        Ok(())
    }
}

fn read(pdf: &[u8]) -> Vec<Page> {
    let doc = pdf_extract::Document::load_mem(pdf).expect("a PDF");
    let mut reader = Reader::default();
    pdf_extract::output_doc(&doc, &mut reader).expect("readable pages");
    reader.end();
    reader.pages
}

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
