//! The board surface in board space: kraft paper with fibres and creases, cork with
//! granules, or a white board with ghosting and a glossy reflection.

use super::layout::BoardKind;
use super::noise::Noise;
use fastrand::Rng;

/// An RGB raster in board space, `ppc` pixels per centimetre.
pub(crate) struct Canvas {
    pub w: usize,
    pub h: usize,
    pub ppc: f32,
    pub px: Vec<[u8; 3]>,
}

impl Canvas {
    /// A canvas of the given size in pixels.
    pub fn new(w: usize, h: usize, ppc: f32) -> Self {
        Self {
            w,
            h,
            ppc,
            px: vec![[0; 3]; w * h],
        }
    }

    /// Reads a pixel as floats; black outside.
    pub fn get(&self, x: usize, y: usize) -> [f32; 3] {
        if x >= self.w {
            return [0.0; 3];
        }
        self.px
            .get(y * self.w + x)
            .map_or([0.0; 3], |p| p.map(f32::from))
    }

    /// Writes a pixel (clamped to 0..255); ignored outside.
    pub fn set(&mut self, x: usize, y: usize, c: [f32; 3]) {
        if x < self.w
            && let Some(p) = self.px.get_mut(y * self.w + x)
        {
            *p = c.map(|v| v.clamp(0.0, 255.0).round() as u8);
        }
    }

    /// Blends `c` over the pixel with opacity `a`.
    pub fn blend(&mut self, x: usize, y: usize, c: [f32; 3], a: f32) {
        if a <= 0.0 {
            return;
        }
        let p = self.get(x, y);
        let a = a.min(1.0);
        self.set(x, y, [0, 1, 2].map(|i| p[i] + (c[i] - p[i]) * a));
    }

    /// Multiplies the pixel by `f`.
    pub fn scale(&mut self, x: usize, y: usize, f: f32) {
        let p = self.get(x, y);
        self.set(x, y, p.map(|v| v * f));
    }

    /// Bilinear sample at continuous pixel coordinates (pixel centres at `i + 0.5`).
    pub fn sample(&self, x: f32, y: f32) -> [f32; 3] {
        let (fx, fy) = ((x - 0.5).max(0.0), (y - 0.5).max(0.0));
        let (x0, y0) = (fx.floor() as usize, fy.floor() as usize);
        let (tx, ty) = (fx - x0 as f32, fy - y0 as f32);
        let (x1, y1) = (
            (x0 + 1).min(self.w.saturating_sub(1)),
            (y0 + 1).min(self.h.saturating_sub(1)),
        );
        let (x0, y0) = (
            x0.min(self.w.saturating_sub(1)),
            y0.min(self.h.saturating_sub(1)),
        );
        let (a, b, c, d) = (
            self.get(x0, y0),
            self.get(x1, y0),
            self.get(x0, y1),
            self.get(x1, y1),
        );
        [0, 1, 2].map(|i| {
            let top = a[i] + (b[i] - a[i]) * tx;
            let bottom = c[i] + (d[i] - c[i]) * tx;
            top + (bottom - top) * ty
        })
    }
}

fn uniform(rng: &mut Rng, lo: f32, hi: f32) -> f32 {
    lo + (hi - lo) * rng.f32()
}

/// Paints the whole board surface.
pub(crate) fn paint_surface(canvas: &mut Canvas, kind: BoardKind, rng: &mut Rng) {
    let noise = Noise::new(rng.u64(..));
    match kind {
        BoardKind::Kraft => kraft(canvas, rng, noise),
        BoardKind::Cork => cork(canvas, rng, noise),
        BoardKind::White => whiteboard(canvas, rng, noise),
    }
}

/// Brown paper: blotchy tone, many short fibres, a few fold creases.
fn kraft(canvas: &mut Canvas, rng: &mut Rng, noise: Noise) {
    let base = [
        uniform(rng, 168.0, 188.0),
        uniform(rng, 126.0, 140.0),
        uniform(rng, 84.0, 100.0),
    ];
    let ppc = canvas.ppc;
    let fine = Noise::new(rng.u64(..));
    for y in 0..canvas.h {
        for x in 0..canvas.w {
            let (u, v) = (x as f32 / ppc, y as f32 / ppc);
            let f =
                1.0 + 0.05 * noise.fbm(u / 18.0, v / 18.0, 3) + 0.025 * fine.at(u / 0.7, v / 0.5);
            canvas.set(x, y, base.map(|c| c * f));
        }
    }
    let fibres = (canvas.w * canvas.h) as f32 / (ppc * ppc) * 0.5;
    for _ in 0..fibres as usize {
        let (x, y) = (rng.f32() * canvas.w as f32, rng.f32() * canvas.h as f32);
        let len = uniform(rng, 0.3, 2.5) * ppc;
        let ang = rng.f32() * std::f32::consts::TAU;
        let bend = uniform(rng, -0.6, 0.6);
        let tone = if rng.bool() {
            uniform(rng, 1.05, 1.12)
        } else {
            uniform(rng, 0.86, 0.95)
        };
        let steps = len as usize;
        for s in 0..steps {
            let t = s as f32 / len.max(1.0);
            let a = ang + bend * t;
            let (px, py) = (x + a.cos() * s as f32, y + a.sin() * s as f32);
            if px >= 0.0 && py >= 0.0 {
                let c = canvas.get(px as usize, py as usize);
                canvas.blend(px as usize, py as usize, c.map(|v| v * tone), 0.7);
            }
        }
    }
    for _ in 0..rng.usize(1..=4) {
        crease(canvas, rng);
    }
}

/// A fold line across the paper: lit on one side, shaded on the other.
fn crease(canvas: &mut Canvas, rng: &mut Rng) {
    let (x0, y0) = (rng.f32() * canvas.w as f32, rng.f32() * canvas.h as f32);
    let ang = rng.f32() * std::f32::consts::PI;
    let (nx, ny) = (-ang.sin(), ang.cos());
    let width = uniform(rng, 0.3, 0.8) * canvas.ppc;
    let depth = uniform(rng, 0.03, 0.07);
    for y in 0..canvas.h {
        for x in 0..canvas.w {
            let d = (x as f32 - x0) * nx + (y as f32 - y0) * ny;
            if d.abs() < width {
                let f = 1.0 + depth * (d / width) * (1.0 - (d / width).abs());
                canvas.scale(x, y, f);
            }
        }
    }
}

/// Cork: brown with light and dark granules of a few millimetres.
fn cork(canvas: &mut Canvas, rng: &mut Rng, noise: Noise) {
    let base = [
        uniform(rng, 150.0, 170.0),
        uniform(rng, 104.0, 118.0),
        uniform(rng, 60.0, 74.0),
    ];
    let light = [base[0] + 42.0, base[1] + 40.0, base[2] + 34.0];
    let dark = [base[0] - 62.0, base[1] - 46.0, base[2] - 30.0];
    let gran = Noise::new(rng.u64(..));
    let gran2 = Noise::new(rng.u64(..));
    let ppc = canvas.ppc;
    for y in 0..canvas.h {
        for x in 0..canvas.w {
            let (u, v) = (x as f32 / ppc, y as f32 / ppc);
            let f = 1.0 + 0.05 * noise.fbm(u / 25.0, v / 25.0, 2);
            let g = gran.at(u / 0.22, v / 0.22) + 0.5 * gran2.at(u / 0.09, v / 0.09);
            let mut c = base.map(|c| c * f);
            if g > 0.45 {
                let a = ((g - 0.45) * 2.5).min(0.9);
                c = [0, 1, 2].map(|i| c[i] + (light[i] - c[i]) * a);
            } else if g < -0.5 {
                let a = ((-0.5 - g) * 2.5).min(0.9);
                c = [0, 1, 2].map(|i| c[i] + (dark[i] - c[i]) * a);
            }
            canvas.set(x, y, c);
        }
    }
}

/// A white board: cool white with a faint gradient, old marker ghosts and a soft
/// reflection band.
fn whiteboard(canvas: &mut Canvas, rng: &mut Rng, noise: Noise) {
    let b = uniform(rng, 228.0, 238.0);
    let base = [b - 3.0, b - 1.0, b + 1.0];
    let ppc = canvas.ppc;
    let (gx, gy) = (uniform(rng, -0.04, 0.04), uniform(rng, -0.04, 0.04));
    let band_ang = uniform(rng, 0.6, 1.2);
    let band_pos = uniform(rng, 0.2, 0.8) * canvas.w as f32;
    let band_w = uniform(rng, 0.1, 0.2) * canvas.w as f32;
    for y in 0..canvas.h {
        for x in 0..canvas.w {
            let (u, v) = (x as f32 / canvas.w as f32, y as f32 / canvas.h as f32);
            let d = (x as f32 * band_ang.cos() + y as f32 * band_ang.sin() - band_pos) / band_w;
            let gloss = 0.03 * (-d * d).exp();
            let f = 1.0
                + gx * (u - 0.5)
                + gy * (v - 0.5)
                + 0.012 * noise.fbm(u * 8.0, v * 8.0, 2)
                + gloss;
            canvas.set(x, y, base.map(|c| c * f));
        }
    }
    // Ghosts of wiped-off marker: faint grey smudges along random strokes.
    for _ in 0..rng.usize(2..8) {
        let (mut x, mut y) = (rng.f32() * canvas.w as f32, rng.f32() * canvas.h as f32);
        let mut ang = rng.f32() * std::f32::consts::TAU;
        let r = uniform(rng, 0.4, 1.2) * ppc;
        for _ in 0..(uniform(rng, 20.0, 60.0) * ppc / r) as usize {
            ang += uniform(rng, -0.4, 0.4);
            x += ang.cos() * r * 0.5;
            y += ang.sin() * r * 0.5;
            stamp_darken(canvas, x, y, r, 0.015);
        }
    }
}

/// Darkens a soft disc by up to `k`.
fn stamp_darken(canvas: &mut Canvas, cx: f32, cy: f32, r: f32, k: f32) {
    let (x0, x1) = (
        (cx - r).max(0.0) as usize,
        ((cx + r) as usize).min(canvas.w),
    );
    let (y0, y1) = (
        (cy - r).max(0.0) as usize,
        ((cy + r) as usize).min(canvas.h),
    );
    for y in y0..y1 {
        for x in x0..x1 {
            let d = ((x as f32 - cx).powi(2) + (y as f32 - cy).powi(2)).sqrt() / r;
            if d < 1.0 {
                canvas.scale(x, y, 1.0 - k * (1.0 - d));
            }
        }
    }
}
