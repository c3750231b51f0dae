//! The board's own colour and the light on it, so that cards can be told from bare board
//! anywhere on it, in a bright middle as in a dark corner.

use super::raster::{Rgbf, box_blur, chroma, chroma_dist, label, lum};
use super::scale::Scale;

/// The board's typical surface colour: the chromaticity whose largest connected patch
/// spans the most of the board (the "sea" between the cards), and that patch's mean colour.
pub(crate) fn board_reference(smooth: &Rgbf) -> [f32; 3] {
    let coarse = super::raster::downscale(&smooth.to_image(), 4);
    let (w, h) = (coarse.w, coarse.h);
    const N: usize = 50;
    let bin = |p: [f32; 3]| {
        let c = chroma(p);
        (
            (c[0] * N as f32).clamp(0.0, N as f32 - 1.0) as usize,
            (c[1] * N as f32).clamp(0.0, N as f32 - 1.0) as usize,
        )
    };
    let mut hist = vec![0usize; N * N];
    for &p in &coarse.px {
        let (x, y) = bin(p);
        if let Some(v) = hist.get_mut(y * N + x) {
            *v += 1;
        }
    }
    let mut peaks: Vec<(usize, usize)> = hist
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0)
        .map(|(i, c)| (*c, i))
        .collect();
    peaks.sort_by(|a, b| b.cmp(a));
    let mut best: Option<(f32, [f32; 3])> = None;
    for &(_, i) in peaks.iter().take(6) {
        let centre = [
            ((i % N) as f32 + 0.5) / N as f32,
            ((i / N) as f32 + 0.5) / N as f32,
        ];
        let mask: Vec<bool> = coarse
            .px
            .iter()
            .map(|&p| chroma_dist(chroma(p), centre) < 0.03)
            .collect();
        let (labels, n) = label(&mask, w, h, false);
        let mut stats = vec![(0usize, usize::MAX, usize::MAX, 0usize, 0usize, [0.0f32; 3]); n + 1];
        for (k, &l) in labels.iter().enumerate() {
            if let (Some(s), Some(p)) = (stats.get_mut(l as usize), coarse.px.get(k))
                && l > 0
            {
                let (x, y) = (k % w, k / w);
                *s = (
                    s.0 + 1,
                    s.1.min(x),
                    s.2.min(y),
                    s.3.max(x),
                    s.4.max(y),
                    [s.5[0] + p[0], s.5[1] + p[1], s.5[2] + p[2]],
                );
            }
        }
        for s in stats.iter().skip(1) {
            let span = ((s.3 + 1).saturating_sub(s.1) * (s.4 + 1).saturating_sub(s.2)) as f32
                / (w * h).max(1) as f32;
            let score = span * s.0 as f32 / (w * h).max(1) as f32;
            if s.0 > 0 && best.as_ref().is_none_or(|b| score > b.0) {
                best = Some((score, s.5.map(|v| v / s.0 as f32)));
            }
        }
    }
    best.map_or_else(|| mean(&smooth.px), |b| b.1)
}

fn mean(px: &[[f32; 3]]) -> [f32; 3] {
    let n = px.len().max(1) as f32;
    let s = px
        .iter()
        .fold([0.0; 3], |a, p| [a[0] + p[0], a[1] + p[1], a[2] + p[2]]);
    s.map(|v| v / n)
}

/// A smooth model of the light falling on the board: log-brightness as a quadratic in the
/// board coordinates (normalised to −1..1), which represents a gradient times a vignette.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Light {
    c: [f32; 6],
    w: f32,
    h: f32,
}

impl Light {
    fn terms(&self, x: f32, y: f32) -> [f32; 6] {
        let (u, v) = (
            2.0 * x / self.w.max(1.0) - 1.0,
            2.0 * y / self.h.max(1.0) - 1.0,
        );
        [1.0, u, v, u * u, u * v, v * v]
    }

    /// Expected brightness of bare board at pixel `(x, y)`.
    pub fn at(&self, x: f32, y: f32) -> f32 {
        let t = self.terms(x, y);
        t.iter()
            .zip(self.c.iter())
            .map(|(a, b)| a * b)
            .sum::<f32>()
            .clamp(-2.0, 7.0)
            .exp()
    }

    /// Robust fit to the pixels with the board's chromaticity: cards of a similar hue
    /// (orange on cork) are brighter than the board under the same light, so pixels well
    /// above the current fit are dropped and the fit repeated.
    fn fit(img: &Rgbf, reference: [f32; 3]) -> Self {
        let mut light = Self {
            c: [lum(reference).max(1.0).ln(), 0.0, 0.0, 0.0, 0.0, 0.0],
            w: img.w as f32,
            h: img.h as f32,
        };
        let rc = chroma(reference);
        let step = (img.w.max(img.h) / 300).max(1);
        let mut samples = Vec::new();
        for y in (0..img.h).step_by(step) {
            for x in (0..img.w).step_by(step) {
                if let Some(&p) = img.px.get(y * img.w + x)
                    && chroma_dist(chroma(p), rc) < 0.03
                    && lum(p) > 1.0
                {
                    samples.push((x as f32 + 0.5, y as f32 + 0.5, lum(p).ln()));
                }
            }
        }
        for (hi, lo) in [(0.5, -0.7), (0.25, -0.4), (0.15, -0.3), (0.12, -0.25)] {
            let mut ata = [[0.0f64; 7]; 6];
            let mut n = 0;
            for &(x, y, l) in &samples {
                let r = l - light.at(x, y).ln();
                if r > hi || r < lo {
                    continue;
                }
                n += 1;
                let t = light.terms(x, y);
                for i in 0..6 {
                    for j in 0..6 {
                        ata[i][j] += f64::from(t[i] * t[j]);
                    }
                    ata[i][6] += f64::from(t[i] * l);
                }
            }
            if n < 12 {
                break;
            }
            if let Some(c) = solve6(ata) {
                light.c = c.map(|v| v as f32);
            }
        }
        light
    }
}

/// Gaussian elimination on a 6×7 augmented matrix (normal equations of the light fit).
fn solve6(mut a: [[f64; 7]; 6]) -> Option<[f64; 6]> {
    for col in 0..6 {
        let pivot = (col..6).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-9 {
            return None;
        }
        a.swap(col, pivot);
        for row in 0..6 {
            if row != col {
                let f = a[row][col] / a[col][col];
                let pivot_row = a[col];
                for (v, p) in a[row].iter_mut().zip(pivot_row.iter()).skip(col) {
                    *v -= f * p;
                }
            }
        }
    }
    let mut x = [0.0; 6];
    for (i, v) in x.iter_mut().enumerate() {
        *v = a[i][6] / a[i][i];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}

/// A smooth estimate of the bare board's colour everywhere: the mean board-like colour in
/// cells of about 4 cm, where "board-like" means the board's chromaticity at about the
/// brightness the fitted light predicts; cells covered by cards take the fitted value.
pub(crate) fn background(smooth: &Rgbf, reference: [f32; 3], scale: Scale) -> Rgbf {
    let light = Light::fit(smooth, reference);
    let rc = chroma(reference);
    let board_like = |p: [f32; 3], x: usize, y: usize| {
        let ratio = lum(p) / light.at(x as f32 + 0.5, y as f32 + 0.5);
        chroma_dist(chroma(p), rc) < 0.03 && (0.8..1.17).contains(&ratio)
    };
    let cell = scale.px(4.0).round().max(4.0) as usize;
    let (gw, gh) = (
        smooth.w.div_ceil(cell).max(1),
        smooth.h.div_ceil(cell).max(1),
    );
    let mut sum = vec![([0.0f32; 3], 0usize, 0usize); gw * gh];
    for (i, &p) in smooth.px.iter().enumerate() {
        let (x, y) = (i % smooth.w.max(1), i / smooth.w.max(1));
        if let Some(s) = sum.get_mut((y / cell) * gw + x / cell) {
            s.2 += 1;
            if board_like(p, x, y) {
                s.0 = [s.0[0] + p[0], s.0[1] + p[1], s.0[2] + p[2]];
                s.1 += 1;
            }
        }
    }
    let grid: Vec<Option<[f32; 3]>> = sum
        .iter()
        .map(|(s, n, total)| (*n * 12 >= *total && *n > 0).then(|| s.map(|v| v / *n as f32)))
        .collect();
    // Cells covered by cards take the board's colour under the fitted light.
    let albedo = reference.map(|c| c / lum(reference).max(1.0));
    let grid: Vec<[f32; 3]> = grid
        .into_iter()
        .enumerate()
        .map(|(i, g)| {
            g.unwrap_or_else(|| {
                let (cx, cy) = (
                    ((i % gw) * cell + cell / 2) as f32,
                    ((i / gw) * cell + cell / 2) as f32,
                );
                let l = light.at(cx, cy);
                albedo.map(|a| a * l)
            })
        })
        .collect();
    let coarse = Rgbf {
        w: gw,
        h: gh,
        px: grid,
    };
    let coarse = box_blur(&coarse, 1);
    upsample(&coarse, cell, smooth.w, smooth.h)
}

/// Bilinear upsampling of a cell grid (values at cell centres) to `w × h` pixels.
fn upsample(grid: &Rgbf, cell: usize, w: usize, h: usize) -> Rgbf {
    let mut out = Rgbf::new(w, h);
    let c = cell as f32;
    for y in 0..h {
        let gy = ((y as f32 + 0.5) / c - 0.5).max(0.0);
        let (y0, ty) = (gy.floor() as isize, gy.fract());
        for x in 0..w {
            let gx = ((x as f32 + 0.5) / c - 0.5).max(0.0);
            let (x0, tx) = (gx.floor() as isize, gx.fract());
            let (a, b) = (grid.at(x0, y0), grid.at(x0 + 1, y0));
            let (d, e) = (grid.at(x0, y0 + 1), grid.at(x0 + 1, y0 + 1));
            if let Some(p) = out.px.get_mut(y * w + x) {
                *p = [0, 1, 2].map(|k| {
                    let top = a[k] + (b[k] - a[k]) * tx;
                    let bottom = d[k] + (e[k] - d[k]) * tx;
                    top + (bottom - top) * ty
                });
            }
        }
    }
    out
}
