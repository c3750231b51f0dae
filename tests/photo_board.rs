//! A board from a photo of a pinboard, on the command line: `detect-cards` on a generated
//! photo with known truth, `import-photo` into a session, and damaged or forged photos
//! refused with the checks of attaching.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use moderato::board::CardShape;
use moderato::photos::PhotoLink;
use moderato::pinboard::eval::{GroundTruth, match_cards};
use moderato::pinboard::synthetic::{SynthOptions, generate_jpeg};
use moderato::storage;

/// Seed 2: a kraft-paper board with columns under header strips (one of the fixed 30).
const SEED: u64 = 2;

fn moderato(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_moderato"))
        .args(args)
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap()
}

/// A generated 12-megapixel photo of a pinboard, written to `dir`, with its truth.
fn photo(dir: &Path) -> (std::path::PathBuf, GroundTruth) {
    let (jpeg, truth) = generate_jpeg(SEED, &SynthOptions::default()).unwrap();
    let path = dir.join("pinnwand.jpg");
    std::fs::write(&path, jpeg).unwrap();
    (path, truth)
}

#[test]
fn detect_cards_prints_the_board_and_each_card_in_photo_pixels() {
    let dir = tempfile::tempdir().unwrap();
    let (path, truth) = photo(dir.path());
    let output = moderato(&["detect-cards".as_ref(), path.as_os_str(), "--json".as_ref()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let point =
        |v: &serde_json::Value| [v[0].as_f64().unwrap() as f32, v[1].as_f64().unwrap() as f32];
    let board: Vec<[f32; 2]> = json["board"]
        .as_array()
        .unwrap()
        .iter()
        .map(point)
        .collect();
    // Each board corner within 2 % of the photo's width of the true one, clockwise from the
    // top left.
    for (found, true_corner) in board.iter().zip(&truth.board) {
        let distance = (found[0] - true_corner[0]).hypot(found[1] - true_corner[1]);
        assert!(distance < 80.0, "{found:?} vs {true_corner:?}");
    }
    let cards = json["cards"].as_array().unwrap();
    let quads: Vec<[[f32; 2]; 4]> = cards
        .iter()
        .map(|c| {
            let corners: Vec<[f32; 2]> =
                c["corners"].as_array().unwrap().iter().map(point).collect();
            [corners[0], corners[1], corners[2], corners[3]]
        })
        .collect();
    let matches = match_cards(&truth.cards, &quads, 0.5);
    let precision = matches.len() as f32 / quads.len() as f32;
    let recall = matches.len() as f32 / truth.cards.len() as f32;
    assert!(
        precision >= 0.95 && recall >= 0.9,
        "precision {precision}, recall {recall}"
    );
    let colours_right = matches
        .iter()
        .filter(|m| cards[m.found]["colour"] == truth.cards[m.truth].colour.name())
        .count();
    assert!(
        colours_right * 100 >= matches.len() * 95,
        "{colours_right} of {}",
        matches.len()
    );
}

#[test]
fn import_photo_makes_a_board_with_the_cards_where_they_hung() {
    let dir = tempfile::tempdir().unwrap();
    let folder = common::example_copy(dir.path());
    let (path, truth) = photo(dir.path());
    let output = moderato(&[
        "import-photo".as_ref(),
        folder.as_os_str(),
        "--board".as_ref(),
        "Fotoprotokoll Wand 1".as_ref(),
        path.as_os_str(),
    ]);
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        said.contains("on the board \"Fotoprotokoll Wand 1\""),
        "{said}"
    );
    let session = storage::load(&folder).unwrap();
    let board = session
        .boards
        .iter()
        .find(|b| b.title == "Fotoprotokoll Wand 1")
        .expect("a new board");
    let found = board.cards.len() as f32;
    let count = truth.cards.len() as f32;
    assert!(
        (found - count).abs() <= count * 0.1,
        "{found} cards for {count}"
    );
    // Every true card has a digital card within 3 % of the board's size of its centre.
    let near = truth
        .cards
        .iter()
        .filter(|t| {
            board.cards.iter().any(|c| {
                (c.x - t.centre_on_board[0]).abs() < 0.03
                    && (c.y - t.centre_on_board[1]).abs() < 0.03
            })
        })
        .count();
    assert!(
        near as f32 >= count * 0.9,
        "{near} of {count} where they hung"
    );
    if !truth.columns.is_empty() {
        assert!(
            !board.clusters.is_empty(),
            "columns under a header become clusters"
        );
        assert!(board.cards.iter().any(|c| c.shape == CardShape::Heading));
    }
    let attached = session.photos.last().unwrap();
    assert_eq!(attached.link, Some(PhotoLink::Board(board.id)));
    assert!(
        folder.join(&attached.path).is_file(),
        "the photo copied into the session"
    );
    cards_show_their_pictures_until_typed(&folder, board);
}

/// Each card has its picture, cut from the photo where the card hung (its paper's colour
/// is the picture's), and the report prints the pictures in place of the missing texts and
/// says in the lists that the cards are not typed yet.
fn cards_show_their_pictures_until_typed(folder: &Path, board: &moderato::board::Board) {
    // The paper around the handwriting: the mean of each picture's brighter pixels. Light in
    // a photo shifts every colour, so each picture is compared with the pictures of the
    // other colours: it is nearest to those of its own card's colour.
    let means: Vec<(moderato::board::CardColour, [f32; 3])> = board
        .cards
        .iter()
        .map(|card| {
            let picture = card.picture.as_deref().expect("every card has its picture");
            assert!(picture.starts_with("photos/cards/"), "{picture}");
            let image = image::open(folder.join(picture)).unwrap().to_rgb8();
            let paper = image
                .pixels()
                .filter(|p| p.0.iter().map(|&v| u32::from(v)).sum::<u32>() > 300);
            let (mut sum, mut n) = ([0f32; 3], 0f32);
            for p in paper {
                for (s, v) in sum.iter_mut().zip(p.0) {
                    *s += f32::from(v);
                }
                n += 1.0;
            }
            (card.colour, sum.map(|s| s / n.max(1.0)))
        })
        .collect();
    let centre = |colour| {
        let of: Vec<_> = means.iter().filter(|(c, _)| *c == colour).collect();
        let n = of.len().max(1) as f32;
        [0, 1, 2].map(|i| of.iter().map(|(_, m)| m[i]).sum::<f32>() / n)
    };
    let colours: std::collections::BTreeSet<_> = means.iter().map(|(c, _)| *c).collect();
    let centres: Vec<_> = colours.iter().map(|c| (*c, centre(*c))).collect();
    let right_colour = means
        .iter()
        .filter(|(colour, mean)| {
            let d = |m: &[f32; 3]| (0..3).map(|i| (mean[i] - m[i]).powi(2)).sum::<f32>();
            let nearest = centres.iter().min_by(|a, b| d(&a.1).total_cmp(&d(&b.1)));
            nearest.is_some_and(|(c, _)| c == colour)
        })
        .count();
    assert!(
        right_colour * 10 >= board.cards.len() * 9,
        "{right_colour} of {} pictures show their card's paper",
        board.cards.len()
    );
    let pdf = folder.parent().unwrap().join("bericht.pdf");
    let output = moderato(&[
        "export-pdf".as_ref(),
        folder.as_os_str(),
        "--out".as_ref(),
        pdf.as_os_str(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let bytes = std::fs::read(&pdf).unwrap();
    let images = bytes
        .windows(b"/Subtype/Image".len())
        .filter(|w| *w == b"/Subtype/Image")
        .count();
    assert!(
        images > board.cards.len(),
        "{images} pictures in the report for {} cards and the photo",
        board.cards.len()
    );
    let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("Karten ohne abgeschriebenen Text (auf der Pinnwand als Foto)"),
        "the lists say which cards are still to type"
    );
}

#[test]
fn damaged_and_forged_photos_are_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let folder = common::example_copy(dir.path());
    let before = std::fs::read(folder.join("session.ron")).unwrap();
    // A JPEG cut off after its first kilobytes, and a PNG whose header claims 60000×60000.
    let (jpeg, _) = generate_jpeg(
        SEED,
        &SynthOptions {
            width: 800,
            height: 600,
            jpeg_quality: 85,
        },
    )
    .unwrap();
    let cut = dir.path().join("cut.jpg");
    std::fs::write(&cut, &jpeg[..jpeg.len() / 3]).unwrap();
    let mut png = Vec::new();
    png.extend_from_slice(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    png.extend_from_slice(&60_000u32.to_be_bytes());
    png.extend_from_slice(&60_000u32.to_be_bytes());
    png.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    let forged = dir.path().join("forged.png");
    std::fs::write(&forged, png).unwrap();
    for photo in [&cut, &forged] {
        for args in [
            vec!["detect-cards".as_ref(), photo.as_os_str()],
            vec![
                "import-photo".as_ref(),
                folder.as_os_str(),
                "--board".as_ref(),
                "Wand".as_ref(),
                photo.as_os_str(),
            ],
        ] {
            let output = moderato(&args);
            assert!(!output.status.success());
            let said = String::from_utf8_lossy(&output.stderr);
            assert!(said.starts_with("moderato: "), "{said}");
            assert!(!said.contains("panicked"), "{said}");
        }
    }
    assert_eq!(std::fs::read(folder.join("session.ron")).unwrap(), before);
}
