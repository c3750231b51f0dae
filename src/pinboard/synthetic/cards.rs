//! Paints cards onto the board canvas: drop shadow, paper with a darker cut edge,
//! handwriting-like marker scribbles and sometimes a pin.

use super::layout::CardSpec;
use super::noise::Noise;
use super::texture::Canvas;
use crate::pinboard::geom::Pt;
use crate::pinboard::paper::{PaperColour, PaperShape};
use fastrand::Rng;

fn uniform(rng: &mut Rng, lo: f32, hi: f32) -> f32 {
    lo + (hi - lo) * rng.f32()
}

/// Paper tint of a Metaplan colour under neutral light (sRGB), before per-card variation.
fn tint(colour: PaperColour) -> [f32; 3] {
    match colour {
        PaperColour::White => [247.0, 246.0, 238.0],
        PaperColour::Yellow => [252.0, 236.0, 120.0],
        PaperColour::Orange => [250.0, 172.0, 88.0],
        PaperColour::Pink => [246.0, 168.0, 196.0],
        PaperColour::Green => [162.0, 214.0, 148.0],
        PaperColour::Blue => [142.0, 190.0, 232.0],
    }
}

/// Signed distance in cm from a card-local point to the card outline (negative inside).
fn sdf(shape: PaperShape, half: Pt, u: f32, v: f32) -> f32 {
    match shape {
        PaperShape::Rectangle | PaperShape::Header => {
            let r = 0.15;
            let (qx, qy) = (u.abs() - half[0] + r, v.abs() - half[1] + r);
            let outside = (qx.max(0.0).powi(2) + qy.max(0.0).powi(2)).sqrt();
            outside + qx.max(qy).min(0.0) - r
        }
        PaperShape::Oval | PaperShape::Circle => {
            let (a, b) = (half[0].max(1e-3), half[1].max(1e-3));
            let k = ((u / a).powi(2) + (v / b).powi(2)).sqrt();
            let grad = ((u / (a * a)).powi(2) + (v / (b * b)).powi(2)).sqrt() / k.max(1e-6);
            if grad < 1e-6 {
                -a.min(b)
            } else {
                (k - 1.0) / grad
            }
        }
    }
}

/// Light direction and shadow look shared by all cards of a board.
#[derive(Clone, Copy)]
pub(crate) struct ShadowStyle {
    pub offset: Pt,
    pub blur: f32,
    pub strength: f32,
}

impl ShadowStyle {
    /// A random light from the upper left or upper right.
    pub fn random(rng: &mut Rng) -> Self {
        let sx = if rng.bool() { 1.0 } else { -1.0 };
        Self {
            offset: [sx * uniform(rng, 0.1, 0.3), uniform(rng, 0.2, 0.45)],
            blur: uniform(rng, 0.25, 0.5),
            strength: uniform(rng, 0.22, 0.38),
        }
    }
}

/// The card-local frame: pixel bounds on the canvas and a mapping canvas px → local cm.
struct Frame {
    x0: usize,
    x1: usize,
    y0: usize,
    y1: usize,
    centre: Pt,
    sin: f32,
    cos: f32,
    ppc: f32,
}

impl Frame {
    fn new(canvas: &Canvas, card: &CardSpec, grow: f32) -> Self {
        let r = (card.size[0].hypot(card.size[1]) / 2.0 + grow) * canvas.ppc;
        let (cx, cy) = (card.centre[0] * canvas.ppc, card.centre[1] * canvas.ppc);
        let (sin, cos) = card.angle.sin_cos();
        Self {
            x0: (cx - r).max(0.0) as usize,
            x1: ((cx + r).max(0.0) as usize).min(canvas.w),
            y0: (cy - r).max(0.0) as usize,
            y1: ((cy + r).max(0.0) as usize).min(canvas.h),
            centre: card.centre,
            sin,
            cos,
            ppc: canvas.ppc,
        }
    }

    /// Card-local cm of a canvas pixel's centre, shifted by `off` cm on the board.
    fn local(&self, x: usize, y: usize, off: Pt) -> Pt {
        let bx = (x as f32 + 0.5) / self.ppc - self.centre[0] - off[0];
        let by = (y as f32 + 0.5) / self.ppc - self.centre[1] - off[1];
        [
            bx * self.cos + by * self.sin,
            -bx * self.sin + by * self.cos,
        ]
    }

    /// Canvas px of a card-local point.
    fn to_canvas(&self, p: Pt) -> Pt {
        let bx = p[0] * self.cos - p[1] * self.sin + self.centre[0];
        let by = p[0] * self.sin + p[1] * self.cos + self.centre[1];
        [bx * self.ppc, by * self.ppc]
    }
}

/// Paints one card with shadow, paper, edge, writing and maybe a pin.
pub(crate) fn paint_card(canvas: &mut Canvas, card: &CardSpec, shadow: ShadowStyle, rng: &mut Rng) {
    let half = [card.size[0] / 2.0, card.size[1] / 2.0];
    let frame = Frame::new(canvas, card, 1.5);
    // Drop shadow: the outline shifted away from the light and softened.
    for y in frame.y0..frame.y1 {
        for x in frame.x0..frame.x1 {
            let [u, v] = frame.local(x, y, shadow.offset);
            let d = sdf(card.shape, half, u, v);
            let a = 1.0 - smoothstep(-shadow.blur, shadow.blur, d);
            if a > 0.0 {
                canvas.scale(x, y, 1.0 - shadow.strength * a);
            }
        }
    }
    let base = tint(card.colour);
    let jitter = uniform(rng, 0.96, 1.02);
    let colour = base.map(|c| (c + uniform(rng, -4.0, 4.0)) * jitter);
    let rim_w = uniform(rng, 0.1, 0.18);
    let rim_k = uniform(rng, 0.12, 0.22);
    let curl = uniform(rng, -0.04, 0.04);
    let grain = Noise::new(rng.u64(..));
    let px = 1.0 / canvas.ppc;
    for y in frame.y0..frame.y1 {
        for x in frame.x0..frame.x1 {
            let [u, v] = frame.local(x, y, [0.0, 0.0]);
            let d = sdf(card.shape, half, u, v);
            let cover = (0.5 - d / px).clamp(0.0, 1.0);
            if cover <= 0.0 {
                continue;
            }
            let rim = 1.0 - rim_k * (1.0 - smoothstep(0.0, rim_w, -d));
            let f = rim
                * (1.0 + curl * v / half[1].max(1.0))
                * (1.0 + 0.012 * grain.at(u * 12.0, v * 12.0));
            canvas.blend(x, y, colour.map(|c| c * f), cover);
        }
    }
    write_scribbles(canvas, card, &frame, rng);
    if card.pin {
        paint_pin(canvas, card, &frame, shadow, rng);
    }
}

fn smoothstep(e0: f32, e1: f32, x: f32) -> f32 {
    let t = ((x - e0) / (e1 - e0)).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// Marker "handwriting": a few words of cursive-like loops in dark blue or black.
fn write_scribbles(canvas: &mut Canvas, card: &CardSpec, frame: &Frame, rng: &mut Rng) {
    let half = [card.size[0] / 2.0, card.size[1] / 2.0];
    // Usable text box: inset more for round shapes.
    let round = matches!(card.shape, PaperShape::Oval | PaperShape::Circle);
    let (bx, by) = if round {
        (half[0] * 0.62, half[1] * 0.55)
    } else {
        (half[0] - 1.5, half[1] - 1.4)
    };
    let xh = uniform(rng, 0.9, 1.3).min(by * 0.6);
    let line_h = xh * 2.3;
    let lines = ((2.0 * by / line_h).floor() as usize).clamp(1, 3);
    let lines = rng.usize(1..=lines);
    let ink = if rng.bool() {
        [35.0, 45.0, 120.0]
    } else {
        [30.0, 30.0, 36.0]
    };
    let r = uniform(rng, 0.12, 0.2) * canvas.ppc;
    let (w, h) = (
        frame.x1.saturating_sub(frame.x0),
        frame.y1.saturating_sub(frame.y0),
    );
    let mut cov = vec![0.0f32; w * h];
    let top = -(lines as f32 * line_h) / 2.0 + line_h * 0.7;
    for l in 0..lines {
        let baseline = top + l as f32 * line_h;
        let mut x = -bx + uniform(rng, 0.0, 1.0);
        let end = bx - uniform(rng, 0.0, bx * 0.6);
        while x < end - 2.0 * xh {
            let word_end = (x + uniform(rng, 3.0, 8.0) * xh * 0.8).min(end);
            let pts = word_path(rng, x, word_end, baseline, xh);
            let canvas_pts: Vec<Pt> = pts.iter().map(|p| frame.to_canvas(*p)).collect();
            stroke(&mut cov, w, h, frame, &canvas_pts, r);
            x = word_end + xh * uniform(rng, 0.8, 1.4);
        }
    }
    let px = 1.0 / canvas.ppc;
    for (i, &c) in cov.iter().enumerate() {
        if c > 0.0 {
            let (x, y) = (frame.x0 + i % w.max(1), frame.y0 + i / w.max(1));
            let [u, v] = frame.local(x, y, [0.0, 0.0]);
            let inside = (0.5 - sdf(card.shape, half, u, v) / px).clamp(0.0, 1.0);
            canvas.blend(x, y, ink, c * inside * 0.92);
        }
    }
}

/// Control points of one word: loops, humps, ascenders and descenders, slanted and smoothed.
fn word_path(rng: &mut Rng, x0: f32, x1: f32, base: f32, xh: f32) -> Vec<Pt> {
    let slant = uniform(rng, -0.1, 0.35);
    let mut ctrl: Vec<Pt> = vec![[x0, base]];
    let mut x = x0;
    while x < x1 {
        let lw = xh * uniform(rng, 0.6, 1.0);
        let jitter = |rng: &mut Rng| uniform(rng, -0.12, 0.12) * xh;
        match rng.usize(0..5) {
            0 => ctrl.extend([
                [x + lw * 0.8, base - xh],
                [x + lw * 0.2, base - xh * 0.9],
                [x + lw * 0.3, base],
                [x + lw, base - xh * 0.3],
            ]),
            1 => ctrl.extend([
                [x, base - xh],
                [x + lw * 0.5, base - xh * 1.05],
                [x + lw * 0.7, base],
                [x + lw, base - xh * 0.1],
            ]),
            2 => ctrl.extend([
                [x + lw * 0.6, base - xh * 2.0],
                [x + lw * 0.3, base - xh * 1.9],
                [x + lw * 0.5, base],
                [x + lw, base - xh * 0.2],
            ]),
            3 => ctrl.extend([
                [x + lw * 0.6, base - xh * 0.9],
                [x + lw * 0.6, base + xh * 0.9],
                [x + lw * 0.2, base + xh * 0.7],
                [x + lw, base - xh * 0.2],
            ]),
            _ => ctrl.extend([
                [x + lw * 0.3, base - xh * 0.9],
                [x + lw * 0.6, base - xh * 0.2],
                [x + lw, base - xh * 0.8],
            ]),
        }
        let n = ctrl.len();
        for p in ctrl.iter_mut().skip(n.saturating_sub(4)) {
            p[0] += jitter(rng);
            p[1] += jitter(rng);
        }
        x += lw;
    }
    for p in &mut ctrl {
        p[0] += slant * (base - p[1]);
    }
    catmull_rom(&ctrl, 6)
}

/// Catmull–Rom spline through the control points, `steps` samples per segment.
fn catmull_rom(ctrl: &[Pt], steps: usize) -> Vec<Pt> {
    let n = ctrl.len();
    let at = |i: isize| {
        ctrl.get(i.clamp(0, n as isize - 1) as usize)
            .copied()
            .unwrap_or([0.0, 0.0])
    };
    let mut out = Vec::with_capacity(n * steps);
    for i in 0..n.saturating_sub(1) as isize {
        let (p0, p1, p2, p3) = (at(i - 1), at(i), at(i + 1), at(i + 2));
        for s in 0..steps {
            let t = s as f32 / steps as f32;
            let (t2, t3) = (t * t, t * t * t);
            let f = |k: usize| {
                0.5 * (2.0 * p1[k]
                    + (-p0[k] + p2[k]) * t
                    + (2.0 * p0[k] - 5.0 * p1[k] + 4.0 * p2[k] - p3[k]) * t2
                    + (-p0[k] + 3.0 * p1[k] - 3.0 * p2[k] + p3[k]) * t3)
            };
            out.push([f(0), f(1)]);
        }
    }
    out
}

/// Stamps antialiased discs of radius `r` px along the polyline into the coverage buffer.
fn stroke(cov: &mut [f32], w: usize, h: usize, frame: &Frame, pts: &[Pt], r: f32) {
    for seg in pts.windows(2) {
        let (a, b) = (seg[0], seg[1]);
        let len = ((b[0] - a[0]).powi(2) + (b[1] - a[1]).powi(2)).sqrt();
        let n = (len / 0.7).ceil().max(1.0) as usize;
        for s in 0..n {
            let t = s as f32 / n as f32;
            let (cx, cy) = (
                a[0] + (b[0] - a[0]) * t - frame.x0 as f32,
                a[1] + (b[1] - a[1]) * t - frame.y0 as f32,
            );
            let (xa, xb) = (
                (cx - r - 1.0).max(0.0) as usize,
                ((cx + r + 2.0).max(0.0) as usize).min(w),
            );
            let (ya, yb) = (
                (cy - r - 1.0).max(0.0) as usize,
                ((cy + r + 2.0).max(0.0) as usize).min(h),
            );
            for y in ya..yb {
                for x in xa..xb {
                    let d = ((x as f32 + 0.5 - cx).powi(2) + (y as f32 + 0.5 - cy).powi(2)).sqrt();
                    let c = (r + 0.5 - d).clamp(0.0, 1.0);
                    if let Some(v) = cov.get_mut(y * w + x) {
                        *v = v.max(c);
                    }
                }
            }
        }
    }
}

/// A round pin head near the top of the card, with its own small shadow and highlight.
fn paint_pin(
    canvas: &mut Canvas,
    card: &CardSpec,
    frame: &Frame,
    shadow: ShadowStyle,
    rng: &mut Rng,
) {
    let half = [card.size[0] / 2.0, card.size[1] / 2.0];
    let centre = frame.to_canvas([
        uniform(rng, -0.3, 0.3) * half[0],
        -half[1] + uniform(rng, 0.9, 1.5),
    ]);
    let colours = [
        [200.0, 30.0, 40.0],
        [40.0, 70.0, 190.0],
        [40.0, 150.0, 60.0],
        [230.0, 200.0, 30.0],
        [235.0, 235.0, 235.0],
    ];
    let colour = colours[rng.usize(0..colours.len())];
    let r = uniform(rng, 0.4, 0.55) * canvas.ppc;
    let off = [
        shadow.offset[0] * 2.0 * canvas.ppc,
        shadow.offset[1] * 2.0 * canvas.ppc,
    ];
    let reach = r * 2.5;
    let (x0, x1) = (
        (centre[0] - reach).max(0.0) as usize,
        ((centre[0] + reach).max(0.0) as usize).min(canvas.w),
    );
    let (y0, y1) = (
        (centre[1] - reach).max(0.0) as usize,
        ((centre[1] + reach).max(0.0) as usize).min(canvas.h),
    );
    for y in y0..y1 {
        for x in x0..x1 {
            let (dx, dy) = (x as f32 + 0.5 - centre[0], y as f32 + 0.5 - centre[1]);
            let ds = ((dx - off[0]).powi(2) + (dy - off[1]).powi(2)).sqrt();
            canvas.scale(x, y, 1.0 - 0.35 * (1.0 - smoothstep(r * 0.6, r * 1.3, ds)));
            let d = (dx * dx + dy * dy).sqrt();
            let cover = (r + 0.5 - d).clamp(0.0, 1.0);
            let hl = 1.0
                + 0.5
                    * (1.0
                        - smoothstep(
                            0.0,
                            r * 0.5,
                            ((dx + r * 0.35).powi(2) + (dy + r * 0.35).powi(2)).sqrt(),
                        ));
            let shade = 1.0 - 0.3 * (d / r).min(1.0);
            canvas.blend(x, y, colour.map(|c| (c * shade * hl).min(255.0)), cover);
        }
    }
}
