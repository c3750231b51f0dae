//! Splitting regions that still hold several cards: same-coloured cards that touch or
//! overlap merge into one region when the paper edge between them is too faint to cut the
//! mask. Such an edge is still a straight, continuous, slightly dark line right across the
//! region, which marker writing (dark, but broken up) is not. This module looks for the
//! straightest darkest line across each large region, nearly horizontal or nearly vertical
//! as cards hang nearly upright, and cuts along it when both parts look like cards.

use super::scale::Scale;
use crate::pinboard::geom::{Pt, convex_hull, min_area_rect, polygon_area};

/// A straight cut through a region: pixels with `offset(p) < at` go to one side.
#[derive(Clone, Copy, Debug)]
struct Cut {
    vertical: bool,
    slope: f32,
    centre: Pt,
    at: f32,
    score: f32,
}

impl Cut {
    /// Signed offset of a pixel from the cut's family of lines.
    fn offset(&self, x: f32, y: f32) -> f32 {
        let (dx, dy) = (x - self.centre[0], y - self.centre[1]);
        if self.vertical {
            dx - self.slope * dy
        } else {
            dy - self.slope * dx
        }
    }
}

/// Corner points of the pixels on the outline of a pixel set (enough for its convex hull,
/// far fewer than all pixels).
fn outline_points(pixels: &[usize], w: usize) -> Vec<Pt> {
    let w = w.max(1);
    let (mut x0, mut y0, mut x1, mut y1) = (usize::MAX, usize::MAX, 0, 0);
    for &i in pixels {
        let (x, y) = (i % w, i / w);
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    if pixels.is_empty() {
        return Vec::new();
    }
    let (bw, bh) = (x1 - x0 + 3, y1 - y0 + 3);
    let mut local = vec![false; bw * bh];
    for &i in pixels {
        if let Some(v) = local.get_mut((i / w - y0 + 1) * bw + (i % w - x0 + 1)) {
            *v = true;
        }
    }
    let mut pts = Vec::new();
    for &i in pixels {
        let (lx, ly) = (i % w - x0 + 1, i / w - y0 + 1);
        let j = ly * bw + lx;
        let inner = [j - 1, j + 1, j - bw, j + bw]
            .iter()
            .all(|&k| local.get(k) == Some(&true));
        if !inner {
            let (x, y) = ((i % w) as f32, (i / w) as f32);
            pts.extend([[x, y], [x + 1.0, y], [x + 1.0, y + 1.0], [x, y + 1.0]]);
        }
    }
    pts
}

/// Fill ratio of a pixel set in its minimum-area rectangle, and the rectangle's aspect ratio.
fn fill_of(pixels: &[usize], w: usize) -> (f32, f32) {
    let hull = convex_hull(&outline_points(pixels, w));
    match min_area_rect(&hull) {
        Some(q) => {
            let (a, b) = (
                crate::pinboard::geom::dist(q[0], q[1]),
                crate::pinboard::geom::dist(q[1], q[2]),
            );
            (
                pixels.len() as f32 / polygon_area(&q).max(1.0),
                a.max(b) / a.min(b).max(1.0),
            )
        }
        None => (0.0, 1.0),
    }
}

/// The best cut of a region: for each direction, the line whose 10th-percentile darkness
/// along its length is highest (a paper edge runs right across; writing leaves gaps and
/// never reaches the card's margins), leaving at least `min_part` pixels on both sides.
fn best_cut(pixels: &[usize], w: usize, dark: &[f32], min_part: usize) -> Option<Cut> {
    let n = pixels.len() as f32;
    let cx = pixels.iter().map(|&i| (i % w) as f32).sum::<f32>() / n;
    let cy = pixels.iter().map(|&i| (i / w) as f32).sum::<f32>() / n;
    let mut best: Option<Cut> = None;
    for vertical in [false, true] {
        for step in -8..=8 {
            let slope = (step as f32).to_radians().tan();
            let probe = Cut {
                vertical,
                slope,
                centre: [cx, cy],
                at: 0.0,
                score: 0.0,
            };
            let offs: Vec<i32> = pixels
                .iter()
                .map(|&i| {
                    probe
                        .offset((i % w) as f32 + 0.5, (i / w) as f32 + 0.5)
                        .floor() as i32
                })
                .collect();
            let (lo, hi) = (
                offs.iter().copied().min().unwrap_or(0),
                offs.iter().copied().max().unwrap_or(0),
            );
            let mut bins: Vec<Vec<f32>> = vec![Vec::new(); (hi - lo + 1).max(1) as usize];
            for (&o, &i) in offs.iter().zip(pixels) {
                if let Some(b) = bins.get_mut((o - lo) as usize) {
                    b.push(dark.get(i).copied().unwrap_or(0.0));
                }
            }
            let mut below = 0usize;
            for (k, bin) in bins.iter_mut().enumerate() {
                let above = pixels.len() - below - bin.len();
                if below >= min_part && above >= min_part && bin.len() >= 20 {
                    bin.sort_by(f32::total_cmp);
                    // Marker ink is far darker than a paper edge: a line along writing is
                    // not an edge even where the writing covers most of it.
                    let ink = bin.iter().filter(|&&d| d > 0.3).count();
                    let score = if ink * 10 > bin.len() {
                        0.0
                    } else {
                        bin.get(bin.len() / 10).copied().unwrap_or(0.0)
                    };
                    if best.is_none_or(|b| score > b.score) {
                        best = Some(Cut {
                            vertical,
                            slope,
                            centre: [cx, cy],
                            at: (k as i32 + lo) as f32,
                            score,
                        });
                    }
                }
                below += bin.len();
            }
        }
    }
    best
}

/// Whether a region may hold several cards: much larger than the typical region, square-ish
/// without being round, or filling its rectangle poorly.
fn suspicious(pixels: &[usize], w: usize, median: f32) -> bool {
    let (fill, aspect) = fill_of(pixels, w);
    pixels.len() as f32 > 1.5 * median || (aspect < 1.6 && fill > 0.9) || fill < 0.9
}

/// Splits regions holding several cards, giving the new parts fresh labels. `count` is the
/// number of labels before and after.
pub(crate) fn split_merged(
    labels: &mut [u32],
    count: &mut usize,
    dark: &[f32],
    w: usize,
    scale: Scale,
) {
    let mut pixels: Vec<Vec<usize>> = vec![Vec::new(); *count + 1];
    for (i, &l) in labels.iter().enumerate() {
        if let Some(p) = pixels.get_mut(l as usize)
            && l > 0
        {
            p.push(i);
        }
    }
    let min_part = scale.area(55.0) as usize;
    let mut sizes: Vec<usize> = pixels
        .iter()
        .skip(1)
        .map(Vec::len)
        .filter(|&n| n >= min_part)
        .collect();
    sizes.sort_unstable();
    let median = sizes.get(sizes.len() / 2).copied().unwrap_or(0) as f32;
    let mut queue: Vec<Vec<usize>> = pixels
        .into_iter()
        .skip(1)
        .filter(|p| p.len() >= 2 * min_part && suspicious(p, w, median))
        .collect();
    let mut rounds = 0;
    while let Some(region) = queue.pop() {
        rounds += 1;
        if rounds > 400 {
            break;
        }
        let Some(cut) = best_cut(&region, w, dark, min_part) else {
            continue;
        };
        if cut.score < 0.05 {
            continue;
        }
        let (a, b): (Vec<usize>, Vec<usize>) = region.iter().partition(|&&i| {
            cut.offset((i % w) as f32 + 0.5, (i / w) as f32 + 0.5)
                .floor()
                < cut.at
        });
        let ((fa, _), (fb, _)) = (fill_of(&a, w), fill_of(&b, w));
        // Both parts must be card-like (an ellipse fills 0.785 of its rectangle).
        if fa < 0.72 || fb < 0.72 {
            continue;
        }
        *count += 1;
        let new = *count as u32;
        for &i in &b {
            if let Some(l) = labels.get_mut(i) {
                *l = new;
            }
        }
        for part in [a, b] {
            if part.len() >= 2 * min_part && suspicious(&part, w, median) {
                queue.push(part);
            }
        }
    }
}
