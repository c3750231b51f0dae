//! Dark lines on the straightened board: the thin darker edge of paper and the shadow next
//! to it, which outline every card (even white paper on a white board) and separate touching
//! cards; and marker ink, which must not be taken for such an outline.

use super::raster::{Rgbf, chroma, chroma_dist, distance, lum};

/// The line maps the segmentation needs.
pub(crate) struct Lines {
    /// Outline pixels (paper edges, shadows).
    pub raw: Vec<bool>,
    /// Marker ink: pixels less than half as bright as the brightest within 4 px and not of
    /// the board's hue.
    pub ink: Vec<bool>,
    /// How much darker than the brightest pixel within 2 px each pixel is (relative), spread
    /// by a pixel: the evidence the region splitter measures along candidate cuts.
    pub dark: Vec<f32>,
}

/// Square maximum filter of radius `r` (separable; clamped at the borders).
fn max_square(p: &[f32], w: usize, h: usize, r: usize) -> Vec<f32> {
    if w == 0 || h == 0 || p.len() != w * h {
        return p.to_vec();
    }
    let mut tmp = vec![0.0f32; p.len()];
    for (src, dst) in p.chunks_exact(w).zip(tmp.chunks_exact_mut(w)) {
        for (x, d) in dst.iter_mut().enumerate() {
            let (lo, hi) = (x.saturating_sub(r), (x + r + 1).min(w));
            *d = src[lo..hi].iter().fold(f32::MIN, |a, &b| a.max(b));
        }
    }
    // Vertical pass row by row, so that memory is read in order.
    let mut out = vec![f32::MIN; p.len()];
    for (y, dst) in out.chunks_exact_mut(w).enumerate() {
        for src in tmp
            .chunks_exact(w)
            .take((y + r + 1).min(h))
            .skip(y.saturating_sub(r))
        {
            for (d, &v) in dst.iter_mut().zip(src) {
                *d = d.max(v);
            }
        }
    }
    out
}

/// Mean over `2r+1` pixels along rows (`horizontal`) or columns (clamped at the ends).
fn mean_filter(p: &[f32], w: usize, h: usize, r: usize, horizontal: bool) -> Vec<f32> {
    if w == 0 || h == 0 || p.len() != w * h {
        return p.to_vec();
    }
    let norm = 1.0 / (2 * r + 1) as f32;
    let mut out = vec![0.0f32; p.len()];
    if horizontal {
        for (src, dst) in p.chunks_exact(w).zip(out.chunks_exact_mut(w)) {
            let at = |i: isize| src[i.clamp(0, w as isize - 1) as usize];
            let ri = r as isize;
            let mut s: f32 = (-ri..=ri).map(at).sum();
            for (x, d) in dst.iter_mut().enumerate() {
                *d = s * norm;
                s += at(x as isize + ri + 1) - at(x as isize - ri);
            }
        }
    } else {
        let row = |y: isize| {
            let y = y.clamp(0, h as isize - 1) as usize;
            &p[y * w..(y + 1) * w]
        };
        let ri = r as isize;
        let mut s = vec![0.0f32; w];
        for dy in -ri..=ri {
            for (a, &v) in s.iter_mut().zip(row(dy)) {
                *a += v;
            }
        }
        for (y, dst) in out.chunks_exact_mut(w).enumerate() {
            for (d, &a) in dst.iter_mut().zip(s.iter()) {
                *d = a * norm;
            }
            let (inc, dec) = (row(y as isize + ri + 1), row(y as isize - ri));
            for ((a, &i), &d) in s.iter_mut().zip(inc).zip(dec) {
                *a += i - d;
            }
        }
    }
    out
}

/// Second difference across nearly horizontal (`across_rows`) or nearly vertical lines at
/// ±2 px, relative to the brightest of the three samples, averaged over 7 px along the
/// line. Averaging along the line lets a paper edge a few percent darker than the paper
/// stand out from noise; cards hang nearly upright, so their edges run nearly horizontally
/// or vertically.
fn straight_valley(y: &[f32], w: usize, h: usize, across_rows: bool) -> Vec<f32> {
    let mut d = vec![0.0f32; y.len()];
    if w == 0 || h == 0 || y.len() != w * h {
        return d;
    }
    for yy in 0..h {
        let row = &y[yy * w..(yy + 1) * w];
        let (up, down) = (
            &y[yy.saturating_sub(2) * w..][..w],
            &y[(yy + 2).min(h - 1) * w..][..w],
        );
        let out = &mut d[yy * w..(yy + 1) * w];
        for x in 0..w {
            let c = row[x];
            let (a, b) = if across_rows {
                (up[x], down[x])
            } else {
                (row[x.saturating_sub(2)], row[(x + 2).min(w - 1)])
            };
            out[x] = ((a + b) / 2.0 - c) / c.max(a).max(b).max(1.0);
        }
    }
    mean_filter(&d, w, h, 3, across_rows)
}

/// Builds the line maps for a straightened board image.
pub(crate) fn find(img: &Rgbf, bg: &Rgbf) -> Lines {
    let (w, h) = (img.w, img.h);
    let y: Vec<f32> = img.px.iter().map(|&p| lum(p)).collect();
    let near_max = max_square(&y, w, h, 2);
    let rel: Vec<f32> = y
        .iter()
        .zip(near_max.iter())
        .map(|(&v, &m)| (m - v) / m.max(1.0))
        .collect();
    let valley_h = straight_valley(&y, w, h, true);
    let valley_v = straight_valley(&y, w, h, false);
    // Marker ink is far darker than a paper edge or a shadow on paper (at most a third
    // darker).
    let wide_max = max_square(&y, w, h, 4);
    // A shadow in a narrow gap between cards on a dark board is as dark, but keeps the
    // board's hue; ink (blue or black) does not.
    let ink: Vec<bool> = (0..y.len())
        .map(
            |i| match (y.get(i), wide_max.get(i), img.px.get(i), bg.px.get(i)) {
                (Some(&v), Some(&m), Some(&p), Some(&b)) => {
                    v < 0.5 * m && chroma_dist(chroma(p), chroma(b)) > 0.04
                }
                _ => false,
            },
        )
        .collect();
    let raw: Vec<bool> = (0..y.len())
        .map(|i| {
            // Relative to the bare board's brightness: on a dark board the paper edges
            // between bright cards count as strongly as on a white board.
            let edge = match (y.get(i), near_max.get(i), bg.px.get(i)) {
                (Some(&v), Some(&m), Some(&b)) => m - v > 0.06 * lum(b).max(1.0),
                _ => false,
            };
            edge || valley_h.get(i).is_some_and(|&v| v > 0.025)
                || valley_v.get(i).is_some_and(|&v| v > 0.025)
        })
        .collect();
    let dark = max_square(&rel, w, h, 1);
    Lines { raw, ink, dark }
}

/// The outline pixels that separate cards, thickened by a pixel so that small gaps in a
/// paper edge still separate two cards. With `skip_ink`, lines within 2 px of ink are left
/// out, so that writing never walls off part of a card; that is only safe on a light board,
/// where a shadow in a narrow gap between cards never looks like ink.
pub(crate) fn cuts(lines: &Lines, skip_ink: bool, w: usize, h: usize) -> Vec<bool> {
    let kept: Vec<bool> = if skip_ink {
        let zone = dilate(&lines.ink, w, h, 2.0);
        lines
            .raw
            .iter()
            .zip(zone.iter())
            .map(|(&r, &z)| r && !z)
            .collect()
    } else {
        lines.raw.clone()
    };
    dilate_cross(&kept, w, h)
}

/// Dilation by one pixel in the four axis directions.
fn dilate_cross(mask: &[bool], w: usize, h: usize) -> Vec<bool> {
    let mut out = mask.to_vec();
    if mask.len() != w * h {
        return out;
    }
    for y in 0..h {
        for x in 0..w {
            let i = y * w + x;
            if !mask[i] {
                out[i] = (x > 0 && mask[i - 1])
                    || (x + 1 < w && mask[i + 1])
                    || (y > 0 && mask[i - w])
                    || (y + 1 < h && mask[i + w]);
            }
        }
    }
    out
}

/// Morphological dilation by a disc of radius `r` px.
pub(crate) fn dilate(mask: &[bool], w: usize, h: usize, r: f32) -> Vec<bool> {
    let inv: Vec<bool> = mask.iter().map(|&m| !m).collect();
    distance(&inv, w, h).iter().map(|&d| d <= r).collect()
}
