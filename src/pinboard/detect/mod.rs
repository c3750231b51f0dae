//! The pinboard photo detector: board corners, straightening, cards with colour and shape.
//!
//! Pipeline (see [`detect`]): a box-filtered copy of about 1000 px finds the board
//! (background flooded in from the photo's border, largest remaining region, four fitted
//! sides); the board is straightened from the full-resolution photo into an image of about
//! 1600 px; cards are segmented there against a smooth model of the board's own colour,
//! split along their dark paper edges, fitted with minimum-area rectangles and classified;
//! finally the rectangles are mapped back into photo pixels.
//!
//! Text recognition is not done here. A later stage can run on [`crop_card`] images through
//! an implementation of [`TextProposer`].

mod background;
mod board;
mod classify;
mod columns;
mod lines;
mod raster;
mod scale;
mod segment;
mod split;

pub use board::board_aspect;
pub use columns::propose_columns;

use crate::pinboard::geom::{Homography, Pt, order_quad, quad_centre};
use crate::pinboard::paper::{PaperColour, PaperShape};
use image::RgbImage;
use std::borrow::Cow;

/// The long side of the straightened board the cards are segmented on. About 10 px per cm
/// on a 150 cm board: enough for a 1–2 px paper edge, cheap to process.
const WORK_LONG_SIDE: f32 = 1600.0;
/// The long side of the copy the board is straightened from.
const MID_LONG_SIDE: f32 = 2000.0;
/// The long side of the copy the board is searched on.
const BOARD_SEARCH_SIDE: f32 = 1000.0;

/// A card found in the photo.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundCard {
    /// Corners in photo pixels, clockwise from top left (for ovals and circles the corners
    /// of the enclosing rectangle).
    pub corners: [Pt; 4],
    /// Paper colour.
    pub colour: PaperColour,
    /// Outline.
    pub shape: PaperShape,
    /// Centre on the straightened board, 0..1 on both axes, (0, 0) at the board's top left.
    pub centre_on_board: Pt,
    /// Width and height on the straightened board as fractions of the board's width and
    /// height (the card's own axes, about upright): the digital card's relative size.
    pub size_on_board: Pt,
}

/// The result of [`detect`].
#[derive(Clone, Debug, PartialEq)]
pub struct Detection {
    /// Board corners in photo pixels, clockwise from top left. The whole photo when no
    /// board stood out from the background.
    pub board: [Pt; 4],
    /// The cards, in no particular order.
    pub cards: Vec<FoundCard>,
}

/// A proposed cluster: a header card and the cards standing in a column under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnProposal {
    /// Index of the header card in the card list.
    pub header: usize,
    /// Indices of the cards under it, top to bottom.
    pub members: Vec<usize>,
}

/// Why [`detect`] gave no result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DetectError {
    /// The photo is smaller than 32×32 pixels.
    TooSmall,
    /// The progress callback asked to stop.
    Cancelled,
    /// The board's corners give no usable perspective transform (degenerate quadrilateral).
    Degenerate,
}

impl std::fmt::Display for DetectError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DetectError::TooSmall => "the photo is too small to find cards in",
            DetectError::Cancelled => "card detection was cancelled",
            DetectError::Degenerate => "the board's corners do not form a usable quadrilateral",
        })
    }
}

impl std::error::Error for DetectError {}

/// A future text-recognition stage: proposes the text written on a card from its
/// straightened crop ([`crop_card`]). Implementations must work offline; `None` means
/// "no confident reading", and the moderator types the text instead. Not implemented yet.
pub trait TextProposer {
    /// The text on the card, if it can be read with confidence.
    fn propose(&self, crop: &RgbImage) -> Option<String>;
}

fn report(progress: &mut dyn FnMut(f32) -> bool, f: f32) -> Result<(), DetectError> {
    if progress(f) {
        Ok(())
    } else {
        Err(DetectError::Cancelled)
    }
}

/// Finds the board and the cards on it.
///
/// `progress` is called with the fraction done (0..1) between stages; returning `false`
/// cancels with [`DetectError::Cancelled`]. Never panics; photos under 32×32 pixels give
/// [`DetectError::TooSmall`], photos without a visible board are treated as all board.
pub fn detect(
    photo: &RgbImage,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<Detection, DetectError> {
    let (pw, ph) = (photo.width() as f32, photo.height() as f32);
    if photo.width() < 32 || photo.height() < 32 {
        return Err(DetectError::TooSmall);
    }
    report(progress, 0.0)?;
    // A copy of about 2000 px to straighten from (no copy for small photos), and one of
    // about 1000 px to find the board in.
    let k_mid = (pw.max(ph) / MID_LONG_SIDE).round().max(1.0);
    let mid: Cow<'_, RgbImage> = if k_mid > 1.0 {
        Cow::Owned(raster::downscale_u8(photo, k_mid as usize))
    } else {
        Cow::Borrowed(photo)
    };
    let k_small = (mid.width().max(mid.height()) as f32 / BOARD_SEARCH_SIDE)
        .round()
        .max(1.0);
    let small = raster::downscale(&mid, k_small as usize);
    report(progress, 0.15)?;
    let (mw, mh) = (mid.width() as f32, mid.height() as f32);
    let whole = [[0.0, 0.0], [mw, 0.0], [mw, mh], [0.0, mh]];
    let board_mid = board::find_board(&small).map_or(whole, |q| {
        order_quad(q.map(|p| [p[0] * k_small, p[1] * k_small]))
    });
    let board = board_mid.map(|p| [p[0] * k_mid, p[1] * k_mid]);
    report(progress, 0.3)?;
    let (straight, to_mid) = straighten_for_work(&mid, &board_mid)?;
    drop(mid);
    let to_photo = to_mid.then(&Homography::scale(f64::from(k_mid), f64::from(k_mid)));
    report(progress, 0.5)?;
    let scale = segment::Scale::of(&straight);
    let seg = segment::segment(&straight, scale);
    report(progress, 0.85)?;
    let found = classify::cards(&straight, &seg, scale);
    let (sw, sh) = (straight.w as f32, straight.h as f32);
    let cards = found
        .into_iter()
        .filter_map(|c| {
            let corners = order_quad(to_photo.apply_quad(&c.quad)?);
            let centre = quad_centre(&c.quad);
            let size = [
                (crate::pinboard::geom::dist(c.quad[0], c.quad[1]) / sw).min(1.0),
                (crate::pinboard::geom::dist(c.quad[1], c.quad[2]) / sh).min(1.0),
            ];
            Some(FoundCard {
                corners,
                colour: c.colour,
                shape: c.shape,
                centre_on_board: [centre[0] / sw, centre[1] / sh],
                size_on_board: size,
            })
        })
        .collect();
    report(progress, 1.0)?;
    Ok(Detection { board, cards })
}

/// The straightened board at working resolution, and the map from its pixels to the photo.
fn straighten_for_work(
    photo: &RgbImage,
    board: &[Pt; 4],
) -> Result<(raster::Rgbf, Homography), DetectError> {
    let (pw, ph) = (photo.width() as f32, photo.height() as f32);
    let aspect = board_aspect(board, pw, ph);
    let longest = (0..4)
        .map(|i| crate::pinboard::geom::dist(board[i], board[(i + 1) % 4]))
        .fold(0.0, f32::max);
    // Never much finer than the photo itself.
    let long = WORK_LONG_SIDE.min(longest * 2.0).max(32.0);
    let (w, h) = if aspect >= 1.0 {
        (long, long / aspect)
    } else {
        (long * aspect, long)
    };
    let (w, h) = (w.round().max(8.0), h.round().max(8.0));
    let unit = Homography::unit_square_to(board).ok_or(DetectError::Degenerate)?;
    let to_photo = Homography::scale(1.0 / f64::from(w), 1.0 / f64::from(h)).then(&unit);
    // Average 2×2 samples when the photo is much finer than the working image.
    let taps = if longest > long * 1.4 { 2 } else { 1 };
    Ok((
        raster::warp(photo, &to_photo, w as usize, h as usize, taps),
        to_photo,
    ))
}

/// The board straightened into an image `out_width` pixels wide (clamped to 16..=8192),
/// with the height from the board's estimated aspect ratio.
pub fn straighten(photo: &RgbImage, board_corners: &[Pt; 4], out_width: u32) -> RgbImage {
    let (pw, ph) = (photo.width() as f32, photo.height() as f32);
    let aspect = board_aspect(board_corners, pw.max(1.0), ph.max(1.0));
    let w = out_width.clamp(16, 8192);
    let h = ((w as f32 / aspect).round() as u32).clamp(16, 8192);
    warp_quad(photo, board_corners, w, h)
}

/// The quadrilateral `quad` of the photo warped into a `w × h` rectangle (black if the
/// quadrilateral is degenerate), by imageproc's projective warp with bilinear sampling.
fn warp_quad(photo: &RgbImage, quad: &[Pt; 4], w: u32, h: u32) -> RgbImage {
    use imageproc::geometric_transformations::{Interpolation, Projection, warp_into};
    let mut out = RgbImage::new(w, h);
    let Some(unit) = Homography::unit_square_to(quad) else {
        return out;
    };
    // Output pixel (x, y), its centre at (x + ½, y + ½), to the photo's pixel whose centre
    // is there: imageproc samples at pixel indices, this module at pixel centres.
    let shift = |d: f64| Homography {
        m: [[1.0, 0.0, d], [0.0, 1.0, d], [0.0, 0.0, 1.0]],
    };
    let to_photo = shift(0.5)
        .then(&Homography::scale(1.0 / f64::from(w), 1.0 / f64::from(h)))
        .then(&unit)
        .then(&shift(-0.5));
    let m = to_photo.m;
    let matrix = [0, 1, 2].map(|r| [0, 1, 2].map(|c| m[r][c] as f32));
    let Some(projection) = Projection::from_matrix(matrix.concat().try_into().unwrap_or([0.0; 9]))
    else {
        return out;
    };
    // `warp_into` takes the map from the photo to the output.
    warp_into(
        photo,
        &projection.invert(),
        Interpolation::Bilinear,
        image::Rgb([0, 0, 0]),
        &mut out,
    );
    out
}

/// The card's picture: its quadrilateral warped upright into an image whose longer side is
/// `max_side` pixels (clamped to 8..=4096), proportioned like the card's sides in the photo.
pub fn crop_card(photo: &RgbImage, card: &FoundCard, max_side: u32) -> RgbImage {
    let q = &card.corners;
    let wd =
        (crate::pinboard::geom::dist(q[0], q[1]) + crate::pinboard::geom::dist(q[3], q[2])) / 2.0;
    let ht =
        (crate::pinboard::geom::dist(q[0], q[3]) + crate::pinboard::geom::dist(q[1], q[2])) / 2.0;
    let m = max_side.clamp(8, 4096) as f32;
    let s = m / wd.max(ht).max(1.0);
    let (w, h) = (
        (wd * s).round().clamp(1.0, m) as u32,
        (ht * s).round().clamp(1.0, m) as u32,
    );
    warp_quad(photo, q, w, h)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(img: &RgbImage) -> Result<Detection, DetectError> {
        detect(img, &mut |_| true)
    }

    #[test]
    fn degenerate_images_do_not_panic() {
        assert_eq!(run(&RgbImage::new(1, 1)), Err(DetectError::TooSmall));
        assert_eq!(run(&RgbImage::new(0, 0)), Err(DetectError::TooSmall));
        assert_eq!(run(&RgbImage::new(31, 500)), Err(DetectError::TooSmall));
        let black = RgbImage::new(64, 48);
        let white = RgbImage::from_pixel(640, 480, image::Rgb([255, 255, 255]));
        let mut rng = 12345u64;
        let noise = RgbImage::from_fn(300, 200, |_, _| {
            rng = rng
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let v = (rng >> 33) as u32;
            image::Rgb([v as u8, (v >> 8) as u8, (v >> 16) as u8])
        });
        let stripes = RgbImage::from_fn(500, 40, |x, _| {
            image::Rgb(if x % 2 == 0 { [0, 0, 0] } else { [255, 200, 0] })
        });
        for img in [black, white, noise, stripes] {
            let det = run(&img).expect("a plain image is not an error");
            assert!(
                det.board
                    .iter()
                    .all(|p| p[0].is_finite() && p[1].is_finite())
            );
            for c in &det.cards {
                assert!(
                    c.corners
                        .iter()
                        .all(|p| p[0].is_finite() && p[1].is_finite())
                );
            }
        }
    }

    #[test]
    fn cancel_stops_detection() {
        let img = RgbImage::from_pixel(200, 150, image::Rgb([120, 90, 60]));
        assert_eq!(detect(&img, &mut |_| false), Err(DetectError::Cancelled));
        let mut calls = 0;
        assert_eq!(
            detect(&img, &mut |f| {
                calls += 1;
                f < 0.4
            }),
            Err(DetectError::Cancelled)
        );
        assert!(calls >= 2);
    }

    #[test]
    fn straighten_and_crop_have_requested_sizes() {
        let img = RgbImage::from_fn(400, 300, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        });
        let board = [[50.0, 40.0], [350.0, 50.0], [340.0, 260.0], [60.0, 250.0]];
        let s = straighten(&img, &board, 300);
        assert_eq!(s.width(), 300);
        assert!(s.height() > 150 && s.height() < 300);
        let card = FoundCard {
            corners: [
                [100.0, 100.0],
                [200.0, 100.0],
                [200.0, 150.0],
                [100.0, 150.0],
            ],
            colour: PaperColour::Yellow,
            shape: PaperShape::Rectangle,
            centre_on_board: [0.5, 0.5],
            size_on_board: [0.3, 0.2],
        };
        let c = crop_card(&img, &card, 64);
        assert_eq!((c.width(), c.height()), (64, 32));
        // The crop shows the photo's pixels at the card's place.
        let p = c.get_pixel(0, 0);
        assert!((i32::from(p[0]) - 100).abs() <= 2 && (i32::from(p[1]) - 100).abs() <= 2);
        // Degenerate corners give an image, not a panic.
        let flat = FoundCard {
            corners: [[5.0, 5.0]; 4],
            ..card
        };
        let _ = crop_card(&img, &flat, 50);
        let _ = straighten(&img, &[[0.0, 0.0]; 4], 100);
    }

    #[test]
    fn columns_are_proposed_under_headers() {
        let card = |x: f32, y: f32, shape, colour| FoundCard {
            corners: [[0.0; 2]; 4],
            colour,
            shape,
            centre_on_board: [x, y],
            size_on_board: if shape == PaperShape::Header {
                [0.28, 0.07]
            } else {
                [0.18, 0.07]
            },
        };
        let cards = vec![
            card(0.2, 0.1, PaperShape::Header, PaperColour::White),
            card(0.2, 0.2, PaperShape::Rectangle, PaperColour::Yellow),
            card(0.21, 0.3, PaperShape::Rectangle, PaperColour::Yellow),
            card(0.6, 0.1, PaperShape::Rectangle, PaperColour::Pink),
            card(0.6, 0.2, PaperShape::Rectangle, PaperColour::Green),
            card(0.6, 0.3, PaperShape::Rectangle, PaperColour::Green),
            card(0.9, 0.8, PaperShape::Rectangle, PaperColour::Blue),
        ];
        let mut p = propose_columns(&cards);
        p.sort_by_key(|c| c.header);
        assert_eq!(
            p,
            vec![
                ColumnProposal {
                    header: 0,
                    members: vec![1, 2]
                },
                ColumnProposal {
                    header: 3,
                    members: vec![4, 5]
                }
            ]
        );
    }
}
