//! A deterministic generator of synthetic pinboard photos with exact ground truth.
//!
//! From a `u64` seed it lays out 15–45 Metaplan cards on a kraft, cork or white board,
//! paints them in board space (shadows, paper edges, marker scribbles, pins), photographs
//! the board with a tilted pinhole camera in a room (wall, floor, legs or frame), adds uneven
//! light and sensor noise, and optionally encodes the result as JPEG. The same seed always
//! gives the same photo and truth, so benchmarks on a fixed seed list are reproducible.

mod cards;
mod layout;
mod noise;
mod scene;
mod texture;

pub use layout::BoardKind;

use crate::pinboard::eval::{GroundTruth, TruthCard, TruthColumn};
use crate::pinboard::geom::Homography;
use fastrand::Rng;
use image::RgbImage;

/// The seeds of the fixed benchmark set: 1 to 30.
pub const BENCHMARK_SEEDS: std::ops::RangeInclusive<u64> = 1..=30;

/// Size and encoding of generated photos.
#[derive(Clone, Copy, Debug)]
pub struct SynthOptions {
    /// Photo width in pixels (at least 64).
    pub width: u32,
    /// Photo height in pixels (at least 48).
    pub height: u32,
    /// JPEG quality for [`generate_jpeg`], 1–100.
    pub jpeg_quality: u8,
}

impl Default for SynthOptions {
    /// A 12-megapixel phone photo at JPEG quality 85.
    fn default() -> Self {
        Self {
            width: 4000,
            height: 3000,
            jpeg_quality: 85,
        }
    }
}

/// A generated photo with its ground truth.
#[derive(Clone, Debug)]
pub struct SyntheticPhoto {
    /// The photo (before JPEG encoding).
    pub photo: RgbImage,
    /// Exact board corners and cards.
    pub truth: GroundTruth,
    /// The board surface, for reports.
    pub kind: BoardKind,
}

/// Generates the photo for `seed` at the default 4000×3000 size.
pub fn generate(seed: u64) -> SyntheticPhoto {
    generate_with(seed, &SynthOptions::default())
}

/// Generates the photo for `seed` at the given size. The layout depends only on the seed;
/// the size only changes the resolution.
pub fn generate_with(seed: u64, opts: &SynthOptions) -> SyntheticPhoto {
    let (w, h) = (opts.width.max(64), opts.height.max(48));
    let mut rng = Rng::with_seed(seed);
    let layout = layout::make_layout(&mut rng);
    let size = layout.size;
    let cam = scene::make_camera(&mut rng, size, w, h);
    // Board raster at a bit under the photo's resolution: the camera's bilinear resampling
    // then softens it like a real lens would.
    let corners = [
        [0.0, 0.0],
        [size[0], 0.0],
        [size[0], size[1]],
        [0.0, size[1]],
    ];
    let photo_corners = cam.apply_quad(&corners).unwrap_or(corners);
    let longest = (0..4)
        .map(|i| {
            crate::pinboard::geom::dist(photo_corners[i], photo_corners[(i + 1) % 4]) / size[i % 2]
        })
        .fold(1.0f32, f32::max);
    let ppc = (longest * 0.85).clamp(1.0, 40.0);
    let mut canvas = texture::Canvas::new(
        (size[0] * ppc).ceil() as usize,
        (size[1] * ppc).ceil() as usize,
        ppc,
    );
    texture::paint_surface(&mut canvas, layout.kind, &mut rng);
    let shadow = cards::ShadowStyle::random(&mut rng);
    for card in &layout.cards {
        cards::paint_card(&mut canvas, card, shadow, &mut rng);
    }
    let room = scene::Room::random(&mut rng, layout.kind, &cam, size, w);
    let photo = scene::render(&canvas, &room, &cam, size, w, h, &mut rng);
    let truth = truth_of(&layout, &cam, room.frame_width());
    SyntheticPhoto {
        photo,
        truth,
        kind: layout.kind,
    }
}

/// Ground truth in photo pixels from the layout and the camera. The board is the physical
/// board's outline, including its frame (`frame` cm wide) where it has one.
fn truth_of(layout: &layout::Layout, cam: &Homography, frame: f32) -> GroundTruth {
    let [sw, sh] = layout.size;
    let outline = [
        [-frame, -frame],
        [sw + frame, -frame],
        [sw + frame, sh + frame],
        [-frame, sh + frame],
    ];
    let board = cam.apply_quad(&outline).unwrap_or(outline);
    let size = [sw + 2.0 * frame, sh + 2.0 * frame];
    let cards = layout
        .cards
        .iter()
        .map(|c| TruthCard {
            corners: cam.apply_quad(&c.corners(0.0)).unwrap_or([[0.0; 2]; 4]),
            centre_on_board: [
                (c.centre[0] + frame) / size[0],
                (c.centre[1] + frame) / size[1],
            ],
            colour: c.colour,
            shape: c.shape,
        })
        .collect();
    let columns = layout
        .columns
        .iter()
        .map(|(header, members)| TruthColumn {
            header: *header,
            members: members.clone(),
        })
        .collect();
    GroundTruth {
        board,
        board_size_cm: size,
        cards,
        columns,
    }
}

/// Encodes a photo as baseline JPEG at `quality` (1–100).
pub fn encode_jpeg(photo: &RgbImage, quality: u8) -> Result<Vec<u8>, image::ImageError> {
    let mut out = Vec::new();
    let encoder =
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality.clamp(1, 100));
    photo.write_with_encoder(encoder)?;
    Ok(out)
}

/// Generates the photo for `seed` and returns it as JPEG bytes with its ground truth.
pub fn generate_jpeg(
    seed: u64,
    opts: &SynthOptions,
) -> Result<(Vec<u8>, GroundTruth), image::ImageError> {
    let s = generate_with(seed, opts);
    Ok((encode_jpeg(&s.photo, opts.jpeg_quality)?, s.truth))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> SynthOptions {
        SynthOptions {
            width: 800,
            height: 600,
            jpeg_quality: 85,
        }
    }

    #[test]
    fn generator_is_deterministic() {
        let a = generate_with(7, &small());
        let b = generate_with(7, &small());
        assert_eq!(a.photo.as_raw(), b.photo.as_raw());
        assert_eq!(a.truth.cards.len(), b.truth.cards.len());
    }

    #[test]
    fn truth_is_consistent() {
        for seed in 1..=6 {
            let s = generate_with(seed, &small());
            let t = &s.truth;
            assert!(
                (15..=46).contains(&t.cards.len()),
                "seed {seed}: {} cards",
                t.cards.len()
            );
            let inv = Homography::unit_square_to(&t.board)
                .unwrap()
                .inverse()
                .unwrap();
            for c in &t.cards {
                let [u, v] = c.centre_on_board;
                assert!((0.0..=1.0).contains(&u) && (0.0..=1.0).contains(&v));
                // The projected corners' centre maps back onto the stated board position.
                let centre = inv
                    .apply(crate::pinboard::geom::quad_centre(&c.corners))
                    .unwrap();
                assert!((centre[0] - u).abs() < 0.01 && (centre[1] - v).abs() < 0.01);
            }
            for p in &t.board {
                assert!(
                    p[0] > 0.0 && p[1] > 0.0 && p[0] < 800.0 && p[1] < 600.0,
                    "seed {seed}: {p:?}"
                );
            }
            for col in &t.columns {
                assert!(col.header < t.cards.len());
                assert!(
                    col.members
                        .iter()
                        .all(|&m| m < t.cards.len() && m != col.header)
                );
            }
        }
    }
}
