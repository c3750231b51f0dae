//! The cards' pictures: each found card cut out of the photo, straightened, and kept in the
//! session's `photos/cards/`, so a board made from a photo is complete before a word is
//! typed — the board and the report show a card's picture until its text is there.

use std::path::Path;

use image::RgbImage;

use super::detect::{Detection, crop_card};
use crate::photos::PhotoError;
use crate::photos::import::{safe_stem, short_hash, write_into_photos};
use crate::storage::PHOTOS_DIR;

/// The folder of card pictures inside `photos/`.
pub const CARDS_DIR: &str = "cards";
/// The longer side of a card's picture, in pixels: a marker's handwriting stays legible when
/// it is shown large for typing, and a board of 40 cards costs about 1 MB.
pub const CROP_SIDE: u32 = 480;
/// JPEG quality of a card's picture.
const QUALITY: u8 = 85;

/// A card's picture as JPEG bytes; a round card's corners (the board behind it) take the
/// colour of its paper.
pub fn crop_jpeg(photo: &RgbImage, card: &super::FoundCard) -> Result<Vec<u8>, image::ImageError> {
    let mut crop = crop_card(photo, card, CROP_SIDE);
    if matches!(
        card.shape,
        super::PaperShape::Oval | super::PaperShape::Circle
    ) {
        paper_corners(&mut crop);
    }
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, QUALITY).encode_image(&crop)?;
    Ok(bytes)
}

/// Where a pixel lies against the ellipse that fills the picture: below 1 inside.
fn ellipse_at(image: &RgbImage, x: u32, y: u32) -> f32 {
    let (a, b) = (image.width() as f32 / 2.0, image.height() as f32 / 2.0);
    let (dx, dy) = ((x as f32 + 0.5 - a) / a, (y as f32 + 0.5 - b) / b);
    dx * dx + dy * dy
}

/// Paints what lies outside the ellipse in the paper's colour, taken from a ring just
/// inside the edge (its brighter half: the paper, not the ink).
fn paper_corners(image: &mut RgbImage) {
    let mut ring: Vec<[u8; 3]> = image
        .enumerate_pixels()
        .filter(|(x, y, _)| (0.55..0.8).contains(&ellipse_at(image, *x, *y)))
        .map(|(_, _, p)| p.0)
        .collect();
    if ring.is_empty() {
        return;
    }
    ring.sort_by_key(|p| p.iter().map(|&v| u32::from(v)).sum::<u32>());
    let paper = &ring[ring.len() / 2..];
    let n = paper.len() as u32;
    let mean = [0, 1, 2].map(|i| (paper.iter().map(|p| u32::from(p[i])).sum::<u32>() / n) as u8);
    for y in 0..image.height() {
        for x in 0..image.width() {
            if ellipse_at(image, x, y) > 1.0 {
                image.put_pixel(x, y, image::Rgb(mean));
            }
        }
    }
}

/// Writes every card's picture into `folder/photos/cards/`, named after the photo
/// (`wand-1-07-1a2b3c4d.jpg`), and returns their paths relative to the session folder, in
/// the detection's order. `go_on` hears the share done and stops the work when it says no
/// (then `None`). Pictures written before a failure stay: they are named by their content,
/// so the next try finds them.
pub fn write_crops(
    folder: &Path,
    photo_name: &str,
    photo: &RgbImage,
    detection: &Detection,
    go_on: &mut dyn FnMut(f32) -> bool,
) -> Result<Option<Vec<String>>, PhotoError> {
    let stem = safe_stem(photo_name);
    let total = detection.cards.len().max(1) as f32;
    let mut paths = Vec::with_capacity(detection.cards.len());
    for (n, card) in detection.cards.iter().enumerate() {
        if !go_on(n as f32 / total) {
            return Ok(None);
        }
        let bytes = crop_jpeg(photo, card).map_err(|_| PhotoError::Damaged(photo_name.into()))?;
        let relative = format!(
            "{PHOTOS_DIR}/{CARDS_DIR}/{stem}-{:02}-{:08x}.jpg",
            n + 1,
            short_hash(&bytes)
        );
        write_into_photos(folder, &relative, &bytes)?;
        paths.push(relative);
    }
    Ok(Some(paths))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pinboard::{FoundCard, PaperColour, PaperShape};

    fn detection() -> Detection {
        let card = |x0: f32, colour| FoundCard {
            corners: [[x0, 10.0], [x0 + 60.0, 10.0], [x0 + 60.0, 50.0], [x0, 50.0]],
            colour,
            shape: PaperShape::Rectangle,
            centre_on_board: [0.5, 0.5],
            size_on_board: [0.1, 0.1],
        };
        Detection {
            board: [[0.0, 0.0], [200.0, 0.0], [200.0, 100.0], [0.0, 100.0]],
            cards: vec![
                card(10.0, PaperColour::Yellow),
                card(100.0, PaperColour::Blue),
            ],
        }
    }

    fn photo() -> RgbImage {
        // Yellow on the left half, blue on the right: each crop shows its own card.
        RgbImage::from_fn(200, 100, |x, _| {
            image::Rgb(if x < 90 {
                [250, 220, 60]
            } else {
                [60, 120, 230]
            })
        })
    }

    #[test]
    fn each_card_gets_its_own_picture_inside_the_session() {
        let dir = tempfile::tempdir().unwrap();
        let paths = write_crops(
            dir.path(),
            "Wand 1.jpg",
            &photo(),
            &detection(),
            &mut |_| true,
        )
        .unwrap()
        .unwrap();
        assert_eq!(paths.len(), 2);
        assert!(paths[0].starts_with("photos/cards/Wand-1-01-"), "{paths:?}");
        for (path, blue) in paths.iter().zip([false, true]) {
            let bytes = std::fs::read(dir.path().join(path)).unwrap();
            let image = image::load_from_memory(&bytes).unwrap().to_rgb8();
            assert_eq!(image.width(), CROP_SIDE.min(480));
            let centre = image.get_pixel(image.width() / 2, image.height() / 2).0;
            assert_eq!(centre[2] > centre[0], blue, "{path}: {centre:?}");
            assert_eq!(crate::photos::check_photo_path(path), Ok(()));
        }
        // Cancelled: nothing more is written and no list comes back.
        let mut calls = 0;
        let stopped = write_crops(dir.path(), "b.jpg", &photo(), &detection(), &mut |_| {
            calls += 1;
            calls < 2
        })
        .unwrap();
        assert_eq!(stopped, None);
    }

    #[test]
    fn a_round_cards_corners_take_its_papers_colour() {
        // A pink disc on brown board: the picture's corners are pink, not brown.
        let photo = RgbImage::from_fn(100, 100, |x, y| {
            let (dx, dy) = (x as f32 - 50.0, y as f32 - 50.0);
            image::Rgb(if dx * dx + dy * dy < 40.0 * 40.0 {
                [240, 170, 190]
            } else {
                [120, 80, 50]
            })
        });
        let card = FoundCard {
            corners: [[10.0, 10.0], [90.0, 10.0], [90.0, 90.0], [10.0, 90.0]],
            colour: PaperColour::Pink,
            shape: PaperShape::Circle,
            centre_on_board: [0.5, 0.5],
            size_on_board: [0.1, 0.1],
        };
        let bytes = crop_jpeg(&photo, &card).unwrap();
        let image = image::load_from_memory(&bytes).unwrap().to_rgb8();
        let corner = image.get_pixel(2, 2).0;
        assert!(corner[0] > 200 && corner[2] > 150, "{corner:?}");
        let rectangle = FoundCard {
            shape: PaperShape::Rectangle,
            ..card
        };
        let bytes = crop_jpeg(&photo, &rectangle).unwrap();
        let image = image::load_from_memory(&bytes).unwrap().to_rgb8();
        assert!(
            image.get_pixel(2, 2).0[0] < 160,
            "a rectangle is cut as it is"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_cards_folder_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("photos")).unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("photos/cards")).unwrap();
        let result = write_crops(dir.path(), "a.jpg", &photo(), &detection(), &mut |_| true);
        assert!(matches!(result, Err(PhotoError::PhotosFolderNotReal)));
        assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
    }
}
