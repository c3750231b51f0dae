//! From labelled regions to cards: the outline quadrilateral, the shape and the colour.

use super::raster::{Rgbf, chroma, chroma_dist, lum};
use super::segment::{Scale, Segmentation};
use crate::pinboard::geom::{Pt, convex_hull, min_area_rect, polygon_area};
use crate::pinboard::paper::{PaperColour, PaperShape};

/// A card found on the straightened board (coordinates in straightened pixels).
#[derive(Clone, Debug)]
pub(crate) struct BoardCard {
    pub quad: [Pt; 4],
    pub colour: PaperColour,
    pub shape: PaperShape,
}

/// Chromaticities `(r, g)` of the six papers under neutral light.
const PROTOTYPES: [(PaperColour, [f32; 2]); 6] = [
    (PaperColour::White, [0.335, 0.333]),
    (PaperColour::Yellow, [0.412, 0.386]),
    (PaperColour::Orange, [0.494, 0.340]),
    (PaperColour::Pink, [0.403, 0.275]),
    (PaperColour::Green, [0.309, 0.409]),
    (PaperColour::Blue, [0.252, 0.338]),
];

/// The nearest paper colour to a (lighting-normalised) colour.
pub(crate) fn nearest_colour(p: [f32; 3]) -> PaperColour {
    let c = chroma(p);
    PROTOTYPES
        .iter()
        .min_by(|a, b| chroma_dist(a.1, c).total_cmp(&chroma_dist(b.1, c)))
        .map_or(PaperColour::White, |p| p.0)
}

/// Per-region pixel lists gathered in one pass.
struct Regions {
    /// Outline corner points per label (pixel corners of boundary pixels).
    outline: Vec<Vec<Pt>>,
    /// All pixel indices per label.
    pixels: Vec<Vec<usize>>,
    /// Seed (interior) pixel indices per label, for colour sampling.
    inner: Vec<Vec<usize>>,
}

fn gather(seg: &Segmentation, w: usize, h: usize) -> Regions {
    let n = seg.count + 1;
    let mut r = Regions {
        outline: vec![Vec::new(); n],
        pixels: vec![Vec::new(); n],
        inner: vec![Vec::new(); n],
    };
    for (i, &l) in seg.labels.iter().enumerate() {
        if l == 0 {
            continue;
        }
        let l = l as usize;
        if let Some(p) = r.pixels.get_mut(l) {
            p.push(i);
        }
        if seg.seeds.get(i) == Some(&(l as u32))
            && let Some(p) = r.inner.get_mut(l)
        {
            p.push(i);
        }
        let edge = super::raster::neighbours(i, w, h, false).count() < 4
            || super::raster::neighbours(i, w, h, false)
                .any(|j| seg.labels.get(j) != Some(&(l as u32)));
        if edge && let Some(o) = r.outline.get_mut(l) {
            let (x, y) = ((i % w) as f32, (i / w) as f32);
            o.extend([[x, y], [x + 1.0, y], [x + 1.0, y + 1.0], [x, y + 1.0]]);
        }
    }
    r
}

/// Share of the region's pixels inside each corner zone of its rectangle (a square of a
/// fifth of the short side at each corner). Near zero for ellipses, near one for cards
/// with corners — even when a neighbour hides one corner.
fn corner_fill(quad: &[Pt; 4], pixels: &[usize], w: usize) -> [f32; 4] {
    let (o, ax, ay) = (
        quad[0],
        [quad[1][0] - quad[0][0], quad[1][1] - quad[0][1]],
        [quad[3][0] - quad[0][0], quad[3][1] - quad[0][1]],
    );
    let (lx, ly) = (ax[0].hypot(ax[1]).max(1e-3), ay[0].hypot(ay[1]).max(1e-3));
    let z = 0.2 * lx.min(ly);
    let (zx, zy) = (z / lx, z / ly);
    let mut hits = [0.0f32; 4];
    for &i in pixels {
        let (x, y) = ((i % w) as f32 + 0.5 - o[0], (i / w) as f32 + 0.5 - o[1]);
        let u = (x * ax[0] + y * ax[1]) / (lx * lx);
        let v = (x * ay[0] + y * ay[1]) / (ly * ly);
        let k = match (u < zx, u > 1.0 - zx, v < zy, v > 1.0 - zy) {
            (true, _, true, _) => 0,
            (_, true, true, _) => 1,
            (_, true, _, true) => 2,
            (true, _, _, true) => 3,
            _ => continue,
        };
        hits[k] += 1.0;
    }
    let zone = (z * z).max(1.0);
    hits.map(|hcount| (hcount / zone).min(1.0))
}

/// Mean colour of the brighter interior pixels (marker ink, pins and shadows excluded),
/// divided by the local light level so that a card in a dark corner reads like one in
/// the middle.
fn paper_colour(
    img: &Rgbf,
    bg: &Rgbf,
    inner: &[usize],
    all: &[usize],
    reference_lum: f32,
) -> [f32; 3] {
    let src = if inner.len() >= 20 { inner } else { all };
    let mut lums: Vec<f32> = src
        .iter()
        .filter_map(|&i| img.px.get(i))
        .map(|&p| lum(p))
        .collect();
    lums.sort_by(f32::total_cmp);
    let cut = lums.get(lums.len() * 3 / 10).copied().unwrap_or(0.0);
    let (mut acc, mut n) = ([0.0f32; 3], 0.0f32);
    for &i in src {
        let (Some(&p), Some(&b)) = (img.px.get(i), bg.px.get(i)) else {
            continue;
        };
        if lum(p) >= cut {
            let light = lum(b) / reference_lum.max(1.0);
            acc = [0, 1, 2].map(|k| acc[k] + p[k] / light.max(0.2));
            n += 1.0;
        }
    }
    acc.map(|v| v / n.max(1.0))
}

/// One candidate before the board-wide header decision.
struct Candidate {
    quad: [Pt; 4],
    colour: PaperColour,
    round: bool,
    long: f32,
    aspect: f32,
}

/// Turns labelled regions into cards, dropping specks, slivers and irregular blobs.
pub(crate) fn cards(img: &Rgbf, seg: &Segmentation, scale: Scale) -> Vec<BoardCard> {
    let (w, h) = (img.w, img.h);
    let regions = gather(seg, w, h);
    let reference_lum = {
        let mut l: Vec<f32> = seg.bg.px.iter().step_by(7).map(|&p| lum(p)).collect();
        l.sort_by(f32::total_cmp);
        l.get(l.len() / 2).copied().unwrap_or(128.0)
    };
    let mut cands = Vec::new();
    for l in 1..=seg.count {
        let (Some(outline), Some(pixels), Some(inner)) = (
            regions.outline.get(l),
            regions.pixels.get(l),
            regions.inner.get(l),
        ) else {
            continue;
        };
        let area = pixels.len() as f32;
        if area < scale.area(45.0) {
            continue;
        }
        let hull = convex_hull(outline);
        let Some(quad) = min_area_rect(&hull) else {
            continue;
        };
        let (sa, sb) = (
            crate::pinboard::geom::dist(quad[0], quad[1]),
            crate::pinboard::geom::dist(quad[1], quad[2]),
        );
        let (long, short) = (sa.max(sb), sa.min(sb).max(1e-3));
        let fill = area / polygon_area(&quad).max(1.0);
        if short < scale.px(5.0) || fill < 0.6 || long > scale.px(60.0) {
            continue;
        }
        let corners = corner_fill(&quad, pixels, w);
        let empty = corners.iter().filter(|&&c| c < 0.35).count();
        let round = empty >= 3 || (empty >= 2 && fill < 0.86);
        let colour = nearest_colour(paper_colour(img, &seg.bg, inner, pixels, reference_lum));
        cands.push(Candidate {
            quad,
            colour,
            round,
            long,
            aspect: long / short,
        });
    }
    let mut rect_longs: Vec<f32> = cands
        .iter()
        .filter(|c| !c.round && c.aspect < 2.6)
        .map(|c| c.long)
        .collect();
    rect_longs.sort_by(f32::total_cmp);
    let median_long = rect_longs.get(rect_longs.len() / 2).copied();
    cands
        .into_iter()
        .map(|c| {
            let shape = if c.round {
                if c.aspect < 1.25 {
                    PaperShape::Circle
                } else {
                    PaperShape::Oval
                }
            } else if c.aspect > 2.65
                || (c.aspect > 2.35 && median_long.is_some_and(|m| c.long > 1.3 * m))
            {
                PaperShape::Header
            } else {
                PaperShape::Rectangle
            };
            let quad = if shape == PaperShape::Circle {
                axis_square(&c.quad)
            } else {
                c.quad
            };
            BoardCard {
                quad,
                colour: c.colour,
                shape,
            }
        })
        .collect()
}

/// A circle's square aligned with the board: its rectangle's orientation is arbitrary,
/// while cards are pinned nearly upright.
fn axis_square(q: &[Pt; 4]) -> [Pt; 4] {
    let c = crate::pinboard::geom::quad_centre(q);
    let side =
        (crate::pinboard::geom::dist(q[0], q[1]) + crate::pinboard::geom::dist(q[1], q[2])) / 4.0;
    [
        [c[0] - side, c[1] - side],
        [c[0] + side, c[1] - side],
        [c[0] + side, c[1] + side],
        [c[0] - side, c[1] + side],
    ]
}
