//! Small raster tools for the detector: float images, box filters, projective warping,
//! connected components, hole filling and a chamfer distance transform.
//!
//! All loops run over the buffers' own dimensions, so no index can leave a buffer whatever
//! the photo's size.

use crate::pinboard::geom::Homography;
use image::RgbImage;

/// An RGB image with `f32` channels in 0..255.
#[derive(Clone, Debug, Default)]
pub(crate) struct Rgbf {
    pub w: usize,
    pub h: usize,
    pub px: Vec<[f32; 3]>,
}

impl Rgbf {
    /// A black image.
    pub fn new(w: usize, h: usize) -> Self {
        Self {
            w,
            h,
            px: vec![[0.0; 3]; w * h],
        }
    }

    /// The pixel at clamped integer coordinates (black for an empty image).
    pub fn at(&self, x: isize, y: isize) -> [f32; 3] {
        let xi = x.clamp(0, self.w as isize - 1).max(0) as usize;
        let yi = y.clamp(0, self.h as isize - 1).max(0) as usize;
        self.px.get(yi * self.w + xi).copied().unwrap_or([0.0; 3])
    }

    /// Converts to 8-bit RGB.
    pub fn to_image(&self) -> RgbImage {
        let raw: Vec<u8> = self
            .px
            .iter()
            .flat_map(|p| p.map(|v| v.clamp(0.0, 255.0).round() as u8))
            .collect();
        RgbImage::from_raw(self.w as u32, self.h as u32, raw).unwrap_or_default()
    }
}

/// Mean of channels, a cheap luminance that treats the colour channels alike.
pub(crate) fn lum(p: [f32; 3]) -> f32 {
    (p[0] + p[1] + p[2]) / 3.0
}

/// Chromaticity `(r, g)` of `r/(r+g+b)`, `g/(r+g+b)`: independent of brightness, so lighting
/// gradients and shadows hardly move it.
pub(crate) fn chroma(p: [f32; 3]) -> [f32; 2] {
    let s = (p[0] + p[1] + p[2]).max(1.0);
    [p[0] / s, p[1] / s]
}

/// Distance between two chromaticities (including the implied blue share).
pub(crate) fn chroma_dist(a: [f32; 2], b: [f32; 2]) -> f32 {
    let (dr, dg) = (a[0] - b[0], a[1] - b[1]);
    let db = dr + dg;
    (dr * dr + dg * dg + db * db).sqrt()
}

/// Output size of a downscale by `k`: `⌊w/k⌋ × ⌊h/k⌋`, at least 1×1 for a non-empty photo.
fn downscaled_size(photo: &RgbImage, k: usize) -> (usize, usize) {
    let (pw, ph) = (photo.width() as usize, photo.height() as usize);
    ((pw / k).max(1).min(pw), (ph / k).max(1).min(ph))
}

/// Box-filter averages of `k × k` blocks, handed to `emit(index, colour)` row by row.
/// Integer sums keep this pass over a 12-megapixel photo cheap.
fn downscale_into(photo: &RgbImage, k: usize, mut emit: impl FnMut(usize, [f32; 3])) {
    let (pw, ph) = (photo.width() as usize, photo.height() as usize);
    let (w, h) = downscaled_size(photo, k);
    let raw = photo.as_raw();
    let mut acc = vec![0u32; w * 3];
    for oy in 0..h {
        acc.iter_mut().for_each(|a| *a = 0);
        let rows = (((oy + 1) * k).min(ph)).saturating_sub(oy * k);
        for y in oy * k..oy * k + rows {
            let Some(row) = raw.get(y * pw * 3..(y + 1) * pw * 3) else {
                continue;
            };
            for (ox, a) in acc.chunks_exact_mut(3).enumerate() {
                let Some(block) = row.get(ox * k * 3..((ox + 1) * k).min(pw) * 3) else {
                    continue;
                };
                let (mut r, mut g, mut b) = (0u32, 0u32, 0u32);
                for p in block.chunks_exact(3) {
                    r += u32::from(p[0]);
                    g += u32::from(p[1]);
                    b += u32::from(p[2]);
                }
                a[0] += r;
                a[1] += g;
                a[2] += b;
            }
        }
        for (ox, a) in acc.chunks_exact(3).enumerate() {
            let cols = (((ox + 1) * k).min(pw)).saturating_sub(ox * k).max(1);
            let d = (rows * cols).max(1) as f32;
            emit(
                oy * w + ox,
                [a[0] as f32 / d, a[1] as f32 / d, a[2] as f32 / d],
            );
        }
    }
}

/// Box-filter downscale by an integer factor `k ≥ 1` into a float image.
/// Coordinates scale exactly by `1/k`.
pub(crate) fn downscale(photo: &RgbImage, k: usize) -> Rgbf {
    let k = k.max(1);
    let (w, h) = downscaled_size(photo, k);
    let mut out = Rgbf::new(w, h);
    downscale_into(photo, k, |i, c| {
        if let Some(p) = out.px.get_mut(i) {
            *p = c;
        }
    });
    out
}

/// Box-filter downscale by an integer factor `k ≥ 2` into an 8-bit image (a quarter of the
/// memory of a float copy). Coordinates scale exactly by `1/k`.
pub(crate) fn downscale_u8(photo: &RgbImage, k: usize) -> RgbImage {
    let k = k.max(1);
    let (w, h) = downscaled_size(photo, k);
    let mut raw = vec![0u8; w * h * 3];
    downscale_into(photo, k, |i, c| {
        if let Some(p) = raw.get_mut(i * 3..i * 3 + 3) {
            p.copy_from_slice(&c.map(|v| v.round().clamp(0.0, 255.0) as u8));
        }
    });
    RgbImage::from_raw(w as u32, h as u32, raw).unwrap_or_default()
}

/// Bilinear sample of an 8-bit RGB buffer at continuous coordinates (centres at `i + 0.5`),
/// clamped at the borders.
fn sample_u8(raw: &[u8], w: usize, h: usize, x: f32, y: f32) -> [f32; 3] {
    let fx = (x - 0.5).clamp(0.0, (w.max(1) - 1) as f32);
    let fy = (y - 0.5).clamp(0.0, (h.max(1) - 1) as f32);
    let (x0, y0) = (fx as usize, fy as usize);
    let (x1, y1) = (
        (x0 + 1).min(w.saturating_sub(1)),
        (y0 + 1).min(h.saturating_sub(1)),
    );
    let (tx, ty) = (fx - x0 as f32, fy - y0 as f32);
    let px = |xx: usize, yy: usize| {
        let i = (yy * w + xx) * 3;
        raw.get(i..i + 3).map_or([0.0; 3], |s| {
            [f32::from(s[0]), f32::from(s[1]), f32::from(s[2])]
        })
    };
    let (a, b, c, d) = (px(x0, y0), px(x1, y0), px(x0, y1), px(x1, y1));
    [0, 1, 2].map(|k| {
        let top = a[k] + (b[k] - a[k]) * tx;
        let bottom = c[k] + (d[k] - c[k]) * tx;
        top + (bottom - top) * ty
    })
}

/// Projective warp: output pixel `(u, v)` takes the photo's colour at `h(u + ½, v + ½)`.
/// With `taps = 2` each output pixel averages a 2×2 grid of samples, which removes most
/// aliasing when the output is smaller than the photo region it shows.
pub(crate) fn warp(photo: &RgbImage, h: &Homography, w: usize, hgt: usize, taps: usize) -> Rgbf {
    let (pw, ph) = (photo.width() as usize, photo.height() as usize);
    let raw = photo.as_raw();
    let mut out = Rgbf::new(w, hgt);
    if pw == 0 || ph == 0 || w == 0 {
        return out;
    }
    let taps = taps.clamp(1, 4);
    let step = 1.0 / taps as f64;
    let m = h.m;
    let norm = 1.0 / (taps * taps) as f32;
    for (v, row) in out.px.chunks_exact_mut(w).enumerate() {
        for sy in 0..taps {
            let y = v as f64 + (sy as f64 + 0.5) * step;
            // Numerators and denominator are linear in x along a row.
            let (bx, by, bw) = (
                m[0][1] * y + m[0][2],
                m[1][1] * y + m[1][2],
                m[2][1] * y + m[2][2],
            );
            for (u, p) in row.iter_mut().enumerate() {
                for sx in 0..taps {
                    let x = u as f64 + (sx as f64 + 0.5) * step;
                    let wd = m[2][0] * x + bw;
                    if wd.abs() < 1e-12 {
                        continue;
                    }
                    let (px, py) = ((m[0][0] * x + bx) / wd, (m[1][0] * x + by) / wd);
                    let c = sample_u8(raw, pw, ph, px as f32, py as f32);
                    *p = [p[0] + c[0] * norm, p[1] + c[1] * norm, p[2] + c[2] * norm];
                }
            }
        }
    }
    out
}

/// Separable box blur of radius `r` (window `2r+1`), clamped at the borders.
pub(crate) fn box_blur(img: &Rgbf, r: usize) -> Rgbf {
    let (w, h) = (img.w, img.h);
    if w == 0 || h == 0 || img.px.len() != w * h {
        return img.clone();
    }
    let norm = 1.0 / (2 * r + 1) as f32;
    let ri = r as isize;
    let add = |s: &mut [f32; 3], a: [f32; 3], b: [f32; 3]| {
        for k in 0..3 {
            s[k] += a[k] - b[k];
        }
    };
    let mut tmp = vec![[0.0f32; 3]; w * h];
    for (src, dst) in img.px.chunks_exact(w).zip(tmp.chunks_exact_mut(w)) {
        let at = |i: isize| src[i.clamp(0, w as isize - 1) as usize];
        let mut s = [0.0f32; 3];
        for i in -ri..=ri {
            add(&mut s, at(i), [0.0; 3]);
        }
        for (x, d) in dst.iter_mut().enumerate() {
            *d = s.map(|v| v * norm);
            add(&mut s, at(x as isize + ri + 1), at(x as isize - ri));
        }
    }
    let mut out = vec![[0.0f32; 3]; w * h];
    let row = |y: isize| {
        let y = y.clamp(0, h as isize - 1) as usize;
        &tmp[y * w..(y + 1) * w]
    };
    let mut s = vec![[0.0f32; 3]; w];
    for dy in -ri..=ri {
        for (a, b) in s.iter_mut().zip(row(dy)) {
            add(a, *b, [0.0; 3]);
        }
    }
    for (y, dst) in out.chunks_exact_mut(w).enumerate() {
        for (d, a) in dst.iter_mut().zip(s.iter()) {
            *d = a.map(|v| v * norm);
        }
        let (inc, dec) = (row(y as isize + ri + 1), row(y as isize - ri));
        for ((a, i), d) in s.iter_mut().zip(inc).zip(dec) {
            add(a, *i, *d);
        }
    }
    Rgbf { w, h, px: out }
}

/// Connected components of `mask` (4- or 8-connected). Returns labels (0 = background,
/// components numbered from 1 in the order a row-by-row scan meets them) and the number of
/// components. The labelling is imageproc's.
pub(crate) fn label(mask: &[bool], w: usize, h: usize, eight: bool) -> (Vec<u32>, usize) {
    use imageproc::region_labelling::{Connectivity, connected_components};
    let n = (w * h).min(mask.len());
    let mut labels = vec![0u32; mask.len()];
    let (Ok(width), Ok(height)) = (u32::try_from(w), u32::try_from(n / w.max(1))) else {
        return (labels, 0);
    };
    let pixels: Vec<u8> = mask[..(width as usize * height as usize)]
        .iter()
        .map(|&m| u8::from(m))
        .collect();
    let Some(image) = image::GrayImage::from_raw(width, height, pixels) else {
        return (labels, 0);
    };
    let connectivity = if eight {
        Connectivity::Eight
    } else {
        Connectivity::Four
    };
    let found = connected_components(&image, connectivity, image::Luma([0u8]));
    let raw = found.into_raw();
    let count = raw.iter().copied().max().unwrap_or(0) as usize;
    labels[..raw.len()].copy_from_slice(&raw);
    (labels, count)
}

/// Indices of the 4 or 8 neighbours of pixel `i` inside a `w × h` grid.
pub(crate) fn neighbours(i: usize, w: usize, h: usize, eight: bool) -> impl Iterator<Item = usize> {
    let (x, y) = (i % w.max(1), i / w.max(1));
    let (l, r, u, d) = (x > 0, x + 1 < w, y > 0, y + 1 < h);
    let cand = [
        (l, i.wrapping_sub(1)),
        (r, i + 1),
        (u, i.wrapping_sub(w)),
        (d, i + w),
        (eight && l && u, i.wrapping_sub(w + 1)),
        (eight && r && u, i.wrapping_sub(w).wrapping_add(1)),
        (eight && l && d, (i + w).wrapping_sub(1)),
        (eight && r && d, i + w + 1),
    ];
    cand.into_iter().filter_map(|(ok, j)| ok.then_some(j))
}

/// Sets to `true` every 4-connected region of `false` pixels that does not touch the image
/// border and has at most `max_hole` pixels.
pub(crate) fn fill_holes(mask: &mut [bool], w: usize, h: usize, max_hole: usize) {
    let inv: Vec<bool> = mask.iter().map(|&m| !m).collect();
    let (labels, n) = label(&inv, w, h, false);
    let mut size = vec![0usize; n + 1];
    let mut border = vec![false; n + 1];
    for (i, &l) in labels.iter().enumerate() {
        let l = l as usize;
        if l > 0 {
            size[l] += 1;
            let (x, y) = (i % w.max(1), i / w.max(1));
            if x == 0 || y == 0 || x + 1 == w || y + 1 == h {
                border[l] = true;
            }
        }
    }
    for (m, &l) in mask.iter_mut().zip(labels.iter()) {
        let l = l as usize;
        if l > 0 && !border[l] && size[l] <= max_hole {
            *m = true;
        }
    }
}

/// Chamfer (3-4) distance from each `true` pixel to the nearest `false` pixel or the image
/// border, in pixels (0 on `false` pixels).
pub(crate) fn distance(mask: &[bool], w: usize, h: usize) -> Vec<f32> {
    // A one-pixel frame of zeros stands for "outside", so the sweeps need no bounds tests.
    let (pw, ph) = (w + 2, h + 2);
    let big = (w + h) as f32 * 3.0;
    let mut d = vec![0.0f32; pw * ph];
    for y in 0..h {
        for x in 0..w {
            if mask.get(y * w + x) == Some(&true) {
                d[(y + 1) * pw + x + 1] = big;
            }
        }
    }
    for y in 1..=h {
        for x in 1..=w {
            let i = y * pw + x;
            if d[i] > 0.0 {
                let v = (d[i - 1] + 3.0)
                    .min(d[i - pw] + 3.0)
                    .min(d[i - pw - 1] + 4.0)
                    .min(d[i - pw + 1] + 4.0);
                d[i] = d[i].min(v);
            }
        }
    }
    for y in (1..=h).rev() {
        for x in (1..=w).rev() {
            let i = y * pw + x;
            if d[i] > 0.0 {
                let v = (d[i + 1] + 3.0)
                    .min(d[i + pw] + 3.0)
                    .min(d[i + pw + 1] + 4.0)
                    .min(d[i + pw - 1] + 4.0);
                d[i] = d[i].min(v);
            }
        }
    }
    let mut out = Vec::with_capacity(w * h);
    for y in 1..=h {
        out.extend(d[y * pw + 1..y * pw + 1 + w].iter().map(|v| v / 3.0));
    }
    out
}

/// Morphological opening with a disc of radius `r` px (via two distance transforms):
/// removes parts narrower than `2r` such as board legs.
pub(crate) fn open(mask: &[bool], w: usize, h: usize, r: f32) -> Vec<bool> {
    let core: Vec<bool> = distance(mask, w, h).iter().map(|&d| d > r).collect();
    let inv: Vec<bool> = core.iter().map(|&c| !c).collect();
    distance(&inv, w, h).iter().map(|&d| d <= r + 0.5).collect()
}

/// Multi-source breadth-first growth: every `allowed` pixel without a label takes the label
/// of the nearest labelled pixel (4-connected geodesic distance within `allowed`).
pub(crate) fn grow_labels(labels: &mut [u32], allowed: &[bool], w: usize, h: usize) {
    let mut queue: std::collections::VecDeque<usize> = labels
        .iter()
        .enumerate()
        .filter(|(_, l)| **l > 0)
        .map(|(i, _)| i)
        .collect();
    while let Some(i) = queue.pop_front() {
        let l = labels.get(i).copied().unwrap_or(0);
        for j in neighbours(i, w, h, false) {
            if allowed.get(j) == Some(&true) && labels.get(j) == Some(&0) {
                labels[j] = l;
                queue.push_back(j);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_holes() {
        let (w, h) = (6, 5);
        let mut m = vec![false; w * h];
        for y in 1..4 {
            for x in 1..4 {
                m[y * w + x] = true;
            }
        }
        m[2 * w + 2] = false;
        m[5] = true;
        let (_, n) = label(&m, w, h, false);
        assert_eq!(n, 2);
        fill_holes(&mut m, w, h, 4);
        assert!(m[2 * w + 2]);
        let d = distance(&m, w, h);
        assert!((d[2 * w + 2] - 2.0).abs() < 1e-4);
    }

    #[test]
    fn downscale_keeps_mean() {
        let img = RgbImage::from_fn(9, 7, |x, y| {
            image::Rgb([(x * 20) as u8, (y * 30) as u8, 100])
        });
        let d = downscale(&img, 3);
        assert_eq!((d.w, d.h), (3, 2));
        assert!((d.px[0][0] - 20.0).abs() < 1e-4);
        let one = downscale(&RgbImage::new(1, 1), 4);
        assert_eq!((one.w, one.h), (1, 1));
    }
}
