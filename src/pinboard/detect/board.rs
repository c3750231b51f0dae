//! Finding the board in a downscaled photo: flood the background in from the photo's
//! border (stopping at strong edges), keep the largest remaining region, cut off thin parts
//! such as legs, and fit four straight sides to its outline.

use super::raster::{Rgbf, box_blur, chroma, chroma_dist, fill_holes, label, open};
use crate::pinboard::geom::{Homography, Pt};

/// Per-pixel colour gradient: sum over channels of the absolute central differences in x
/// and y. Strong at the board's edge, weak over walls and inside the board surface.
fn gradient(img: &Rgbf) -> Vec<f32> {
    let mut g = vec![0.0; img.w * img.h];
    for y in 0..img.h as isize {
        for x in 0..img.w as isize {
            let (l, r, u, d) = (
                img.at(x - 1, y),
                img.at(x + 1, y),
                img.at(x, y - 1),
                img.at(x, y + 1),
            );
            let s: f32 = (0..3)
                .map(|c| (r[c] - l[c]).abs() + (d[c] - u[c]).abs())
                .sum();
            if let Some(v) = g.get_mut(y as usize * img.w + x as usize) {
                *v = s;
            }
        }
    }
    g
}

/// A lookup table over chromaticity: which colours lie near any of a set of samples.
struct ChromaTable {
    bins: Vec<bool>,
}

impl ChromaTable {
    const N: usize = 100;

    fn bin(c: [f32; 2]) -> (usize, usize) {
        let n = Self::N as f32;
        (
            (c[0] * n).clamp(0.0, n - 1.0) as usize,
            (c[1] * n).clamp(0.0, n - 1.0) as usize,
        )
    }

    /// Marks every bin whose centre lies within `radius` (plus a bin's slack) of a sample.
    fn from_samples(samples: impl Iterator<Item = [f32; 2]>, radius: f32) -> Self {
        let n = Self::N;
        let mut bins = vec![false; n * n];
        let reach = (radius * n as f32).ceil() as isize + 1;
        for s in samples {
            let (bx, by) = Self::bin(s);
            for dy in -reach..=reach {
                for dx in -reach..=reach {
                    let (x, y) = (bx as isize + dx, by as isize + dy);
                    if x < 0 || y < 0 || x as usize >= n || y as usize >= n {
                        continue;
                    }
                    let centre = [(x as f32 + 0.5) / n as f32, (y as f32 + 0.5) / n as f32];
                    if chroma_dist(centre, s) < radius + 1.0 / n as f32
                        && let Some(b) = bins.get_mut(y as usize * n + x as usize)
                    {
                        *b = true;
                    }
                }
            }
        }
        Self { bins }
    }

    fn contains(&self, c: [f32; 2]) -> bool {
        let (x, y) = Self::bin(c);
        self.bins.get(y * Self::N + x).copied().unwrap_or(false)
    }
}

/// Pixels reachable from the photo border through low-gradient, background-coloured pixels.
fn flood_background(img: &Rgbf, grad: &[f32], threshold: f32) -> Vec<bool> {
    let (w, h) = (img.w, img.h);
    // Background colours: the chromaticities met along the border (the wall, floor, door).
    let mut border = Vec::new();
    for x in 0..w {
        border.push(x);
        border.push((h - 1) * w + x);
    }
    for y in 0..h {
        border.push(y * w);
        border.push(y * w + w - 1);
    }
    let table = ChromaTable::from_samples(
        border
            .iter()
            .filter_map(|&i| img.px.get(i))
            .map(|&p| chroma(p)),
        0.06,
    );
    let bg_like = |p: [f32; 3]| table.contains(chroma(p));
    let mut bg = vec![false; w * h];
    let mut stack: Vec<usize> = border
        .into_iter()
        .filter(|&i| grad.get(i).is_some_and(|&g| g < threshold))
        .collect();
    for &i in &stack {
        if let Some(b) = bg.get_mut(i) {
            *b = true;
        }
    }
    while let Some(i) = stack.pop() {
        for j in super::raster::neighbours(i, w, h, false) {
            if bg.get(j) == Some(&false)
                && grad.get(j).is_some_and(|&g| g < threshold)
                && img.px.get(j).is_some_and(|&p| bg_like(p))
            {
                bg[j] = true;
                stack.push(j);
            }
        }
    }
    bg
}

/// The board's corners in the coordinates of `small`, clockwise from top left, or `None`
/// when no plausible board region stands out from the background.
pub(crate) fn find_board(small: &Rgbf) -> Option<[Pt; 4]> {
    let (w, h) = (small.w, small.h);
    if w < 16 || h < 16 {
        return None;
    }
    let smooth = box_blur(small, 1);
    let grad = gradient(&smooth);
    // Edges must stand out from the background's own texture (sampled along the border).
    let mut border_grad: Vec<f32> = (0..w)
        .map(|x| grad.get(x).copied().unwrap_or(0.0))
        .collect();
    border_grad.extend((0..h).map(|y| grad.get(y * w).copied().unwrap_or(0.0)));
    border_grad.sort_by(f32::total_cmp);
    let p80 = border_grad
        .get(border_grad.len() * 4 / 5)
        .copied()
        .unwrap_or(0.0);
    let threshold = (p80 * 3.0).clamp(24.0, 60.0);
    let bg = flood_background(&smooth, &grad, threshold);
    let mut fg: Vec<bool> = bg.iter().map(|&b| !b).collect();
    keep_largest(&mut fg, w, h);
    fill_holes(&mut fg, w, h, usize::MAX);
    let r = (w.max(h) as f32 * 0.015).max(2.0);
    let mut region = open(&fg, w, h, r);
    keep_largest(&mut region, w, h);
    let area = region.iter().filter(|&&m| m).count();
    if area < w * h / 12 {
        return None;
    }
    let outline = boundary(&region, w, h);
    let initial = extreme_corners(&outline)?;
    let refined = refine_sides(&initial, &outline).unwrap_or(initial);
    let quad_area = crate::pinboard::geom::polygon_area(&refined);
    // A fit far from the region's own area means the outline was not a quadrilateral.
    (quad_area > area as f32 * 0.85 && quad_area < area as f32 * 1.2).then_some(refined)
}

/// Keeps only the largest 4-connected component of `mask`.
fn keep_largest(mask: &mut [bool], w: usize, h: usize) {
    let (labels, n) = label(mask, w, h, false);
    let mut size = vec![0usize; n + 1];
    for &l in &labels {
        if let Some(s) = size.get_mut(l as usize) {
            *s += 1;
        }
    }
    let best = (1..=n)
        .max_by_key(|&l| size.get(l).copied().unwrap_or(0))
        .unwrap_or(0) as u32;
    for (m, &l) in mask.iter_mut().zip(labels.iter()) {
        *m = l == best && best > 0;
    }
}

/// Centres of the region's pixels that have a 4-neighbour outside it (or touch the border).
fn boundary(mask: &[bool], w: usize, h: usize) -> Vec<Pt> {
    let mut out = Vec::new();
    for (i, &m) in mask.iter().enumerate() {
        if m && (super::raster::neighbours(i, w, h, false).count() < 4
            || super::raster::neighbours(i, w, h, false).any(|j| mask.get(j) == Some(&false)))
        {
            out.push([(i % w) as f32 + 0.5, (i / w) as f32 + 0.5]);
        }
    }
    out
}

/// The outline points that are extreme along the four diagonals: the corners of a
/// quadrilateral seen at a moderate angle.
fn extreme_corners(pts: &[Pt]) -> Option<[Pt; 4]> {
    let pick = |f: &dyn Fn(&Pt) -> f32| pts.iter().copied().max_by(|a, b| f(a).total_cmp(&f(b)));
    Some([
        pick(&|p| -p[0] - p[1])?,
        pick(&|p| p[0] - p[1])?,
        pick(&|p| p[0] + p[1])?,
        pick(&|p| p[1] - p[0])?,
    ])
}

/// A line `n·p = d` with unit normal `n`.
#[derive(Clone, Copy, Debug)]
struct Line {
    n: [f32; 2],
    d: f32,
}

/// Total-least-squares line through the points.
fn fit_line(pts: &[Pt]) -> Option<Line> {
    if pts.len() < 2 {
        return None;
    }
    let n = pts.len() as f32;
    let (mx, my) = (
        pts.iter().map(|p| p[0]).sum::<f32>() / n,
        pts.iter().map(|p| p[1]).sum::<f32>() / n,
    );
    let (mut sxx, mut sxy, mut syy) = (0.0, 0.0, 0.0);
    for p in pts {
        let (dx, dy) = (p[0] - mx, p[1] - my);
        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
    }
    // Direction of the largest eigenvector; the normal is perpendicular to it.
    let theta = 0.5 * (2.0 * sxy).atan2(sxx - syy);
    let nrm = [-theta.sin(), theta.cos()];
    Some(Line {
        n: nrm,
        d: nrm[0] * mx + nrm[1] * my,
    })
}

fn intersect(a: Line, b: Line) -> Option<Pt> {
    let det = a.n[0] * b.n[1] - a.n[1] * b.n[0];
    if det.abs() < 1e-6 {
        return None;
    }
    Some([
        (a.d * b.n[1] - b.d * a.n[1]) / det,
        (a.n[0] * b.d - b.n[0] * a.d) / det,
    ])
}

/// Refits each side to the outline points near it (away from the corners, outliers
/// dropped) and intersects neighbouring sides for sub-pixel corners.
fn refine_sides(q: &[Pt; 4], outline: &[Pt]) -> Option<[Pt; 4]> {
    let mut lines = Vec::with_capacity(4);
    for i in 0..4 {
        let (a, b) = (q[i], q[(i + 1) % 4]);
        let len = crate::pinboard::geom::dist(a, b).max(1.0);
        let (ux, uy) = ((b[0] - a[0]) / len, (b[1] - a[1]) / len);
        let band = (len * 0.04).max(3.0);
        let mut near: Vec<Pt> = outline
            .iter()
            .copied()
            .filter(|p| {
                let (dx, dy) = (p[0] - a[0], p[1] - a[1]);
                let t = (dx * ux + dy * uy) / len;
                let off = (dx * uy - dy * ux).abs();
                (0.1..0.9).contains(&t) && off < band
            })
            .collect();
        let mut line = fit_line(&near)?;
        for keep in [3.0f32, 1.5] {
            near.retain(|p| (line.n[0] * p[0] + line.n[1] * p[1] - line.d).abs() < keep);
            line = fit_line(&near)?;
        }
        lines.push(line);
    }
    let mut out = [[0.0; 2]; 4];
    for (i, o) in out.iter_mut().enumerate() {
        *o = intersect(lines[(i + 3) % 4], lines[i])?;
    }
    let moved = out
        .iter()
        .zip(q.iter())
        .map(|(a, b)| crate::pinboard::geom::dist(*a, *b))
        .fold(0.0, f32::max);
    let scale = crate::pinboard::geom::dist(q[0], q[2]);
    (moved < scale * 0.1).then_some(out)
}

/// The board's width/height ratio from its corners in a photo of size `w × h`, assuming a
/// pinhole camera centred on the photo. The focal length comes from the orthogonality of
/// the board's sides where the perspective is strong enough to measure it; otherwise a
/// typical phone focal length is used (then the estimate hardly depends on it).
pub fn board_aspect(quad: &[Pt; 4], w: f32, h: f32) -> f32 {
    let fallback = {
        let top = crate::pinboard::geom::dist(quad[0], quad[1])
            + crate::pinboard::geom::dist(quad[3], quad[2]);
        let side = crate::pinboard::geom::dist(quad[0], quad[3])
            + crate::pinboard::geom::dist(quad[1], quad[2]);
        if side > 0.0 { top / side } else { 1.0 }
    };
    let centred = quad.map(|p| [p[0] - w / 2.0, p[1] - h / 2.0]);
    let Some(hm) = Homography::unit_square_to(&centred) else {
        return fallback.clamp(0.1, 10.0);
    };
    let m = hm.m;
    let diag = f64::from(w.hypot(h)).max(1.0);
    let f2 = -(m[0][0] * m[0][1] + m[1][0] * m[1][1]) / (m[2][0] * m[2][1]);
    let f2 = if f2.is_finite() && f2 > (0.3 * diag).powi(2) && f2 < (3.0 * diag).powi(2) {
        f2
    } else {
        (0.85 * diag).powi(2)
    };
    let norm = |c: usize| ((m[0][c] * m[0][c] + m[1][c] * m[1][c]) / f2 + m[2][c] * m[2][c]).sqrt();
    let (a, b) = (norm(0), norm(1));
    let aspect = if b > 0.0 { (a / b) as f32 } else { fallback };
    if aspect.is_finite() && aspect > 0.1 && aspect < 10.0 {
        aspect
    } else {
        fallback.clamp(0.1, 10.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aspect_of_a_square_on_view() {
        let q = [
            [100.0, 100.0],
            [500.0, 100.0],
            [500.0, 300.0],
            [100.0, 300.0],
        ];
        assert!((board_aspect(&q, 600.0, 400.0) - 2.0).abs() < 0.01);
    }
}
