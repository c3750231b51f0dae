//! The camera and the room: a pinhole camera looking at the board at an angle, a wall
//! and floor around it, board legs or a frame, uneven light, sensor noise.

use super::layout::BoardKind;
use super::noise::Noise;
use super::texture::Canvas;
use crate::pinboard::geom::{Homography, Pt};
use fastrand::Rng;
use image::RgbImage;

fn uniform(rng: &mut Rng, lo: f32, hi: f32) -> f32 {
    lo + (hi - lo) * rng.f32()
}

/// Maps board centimetres (origin top left) to photo pixels for a camera with focal length
/// `f` px at the image centre, rotated by yaw/pitch/roll, at translation `t` (cm).
fn project(size: Pt, f: f64, centre: (f64, f64), rot: [f64; 3], t: [f64; 3]) -> Homography {
    let (sy, cy) = rot[0].sin_cos();
    let (sp, cp) = rot[1].sin_cos();
    let (sr, cr) = rot[2].sin_cos();
    // R = Rz(roll) · Rx(pitch) · Ry(yaw); only its first two columns matter for a plane.
    let ry = [[cy, 0.0, sy], [0.0, 1.0, 0.0], [-sy, 0.0, cy]];
    let rx = [[1.0, 0.0, 0.0], [0.0, cp, -sp], [0.0, sp, cp]];
    let rz = [[cr, -sr, 0.0], [sr, cr, 0.0], [0.0, 0.0, 1.0]];
    let mul = |a: [[f64; 3]; 3], b: [[f64; 3]; 3]| {
        let mut o = [[0.0; 3]; 3];
        for (i, row) in o.iter_mut().enumerate() {
            for (j, v) in row.iter_mut().enumerate() {
                *v = (0..3).map(|k| a[i][k] * b[k][j]).sum();
            }
        }
        o
    };
    let r = mul(rz, mul(rx, ry));
    let k = [[f, 0.0, centre.0], [0.0, f, centre.1], [0.0, 0.0, 1.0]];
    let ext = [
        [r[0][0], r[0][1], t[0]],
        [r[1][0], r[1][1], t[1]],
        [r[2][0], r[2][1], t[2]],
    ];
    let (hw, hh) = (f64::from(size[0]) / 2.0, f64::from(size[1]) / 2.0);
    let shift = [[1.0, 0.0, -hw], [0.0, 1.0, -hh], [0.0, 0.0, 1.0]];
    Homography {
        m: mul(mul(k, ext), shift),
    }
}

/// Bounding box (min x, min y, max x, max y) of the projected board corners.
fn bbox(h: &Homography, size: Pt) -> Option<[f32; 4]> {
    let q = h.apply_quad(&[
        [0.0, 0.0],
        [size[0], 0.0],
        [size[0], size[1]],
        [0.0, size[1]],
    ])?;
    let xs = q.iter().map(|p| p[0]);
    let ys = q.iter().map(|p| p[1]);
    Some([
        xs.clone().fold(f32::MAX, f32::min),
        ys.clone().fold(f32::MAX, f32::min),
        xs.fold(f32::MIN, f32::max),
        ys.fold(f32::MIN, f32::max),
    ])
}

/// A camera that sees the whole board at a moderate angle, filling a good part of the frame.
pub(crate) fn make_camera(rng: &mut Rng, size: Pt, w: u32, h: u32) -> Homography {
    let (wf, hf) = (f64::from(w), f64::from(h));
    let diag = wf.hypot(hf);
    let f = diag * f64::from(uniform(rng, 0.7, 1.0));
    let rot = [
        f64::from(uniform(rng, -22.0, 22.0)).to_radians(),
        f64::from(uniform(rng, -14.0, 10.0)).to_radians(),
        f64::from(uniform(rng, -4.0, 4.0)).to_radians(),
    ];
    let mut fill = f64::from(uniform(rng, 0.62, 0.86));
    let off = [
        f64::from(uniform(rng, -0.5, 0.5)),
        f64::from(uniform(rng, -0.5, 0.5)),
    ];
    let mut cam = fit(size, f, (wf, hf), rot, fill, off);
    // Strong keystone can push a corner out of the frame: zoom out until the whole board
    // and a margin of background are visible.
    for _ in 0..12 {
        let inside = bbox(&cam, size).is_some_and(|b| {
            let (mx, my) = (0.06 * wf as f32, 0.06 * hf as f32);
            b[0] > mx && b[1] > my && b[2] < wf as f32 - mx && b[3] < hf as f32 - my
        });
        if inside {
            break;
        }
        fill *= 0.92;
        cam = fit(size, f, (wf, hf), rot, fill, off);
    }
    cam
}

/// Places the board so that its bounding box fills `fill` of the frame, shifted by `off`
/// (fractions of the free margin), by moving the board in 3-D (distance and sideways).
fn fit(
    size: Pt,
    f: f64,
    (wf, hf): (f64, f64),
    rot: [f64; 3],
    fill: f64,
    off: [f64; 2],
) -> Homography {
    let mut t = [0.0, 0.0, f64::from(size[0].max(size[1])) * 2.0];
    let mut cam = project(size, f, (wf / 2.0, hf / 2.0), rot, t);
    for _ in 0..8 {
        let Some(b) = bbox(&cam, size) else { break };
        let (bw, bh) = (f64::from(b[2] - b[0]), f64::from(b[3] - b[1]));
        let ratio = (bw / (fill * wf)).max(bh / (fill * hf));
        t[2] *= ratio.clamp(0.5, 2.0);
        let (cx, cy) = (f64::from(b[0] + b[2]) / 2.0, f64::from(b[1] + b[3]) / 2.0);
        // Off-centre by up to half of the free space left beside the 6 % margins.
        let free = (1.0 - fill - 0.14).max(0.0);
        let want = (wf / 2.0 + off[0] * free * wf, hf / 2.0 + off[1] * free * hf);
        t[0] -= (cx - want.0) * t[2] / f;
        t[1] -= (cy - want.1) * t[2] / f;
        cam = project(size, f, (wf / 2.0, hf / 2.0), rot, t);
    }
    cam
}

/// The room around the board.
pub(crate) struct Room {
    wall: [f32; 3],
    floor: [f32; 3],
    floor_y: f32,
    floor_tilt: f32,
    wood: bool,
    door: Option<(f32, f32, [f32; 3])>,
    noise: Noise,
    frame: Option<(f32, [f32; 3])>,
    legs: bool,
    light: Light,
}

struct Light {
    base: f32,
    grad: (f32, f32),
    vignette: f32,
    cast: [f32; 3],
}

impl Room {
    /// A random room for a board of `kind` seen through `cam` (board cm → photo px).
    pub fn random(rng: &mut Rng, kind: BoardKind, cam: &Homography, size: Pt, w: u32) -> Self {
        let walls = [
            [205.0, 200.0, 190.0],
            [188.0, 194.0, 200.0],
            [182.0, 190.0, 168.0],
            [214.0, 204.0, 184.0],
            [168.0, 168.0, 172.0],
            [200.0, 184.0, 176.0],
            [158.0, 172.0, 190.0],
        ];
        let floors = [
            [105.0, 106.0, 112.0],
            [150.0, 112.0, 78.0],
            [78.0, 78.0, 84.0],
            [128.0, 120.0, 104.0],
        ];
        let wall = walls[rng.usize(0..walls.len())].map(|c| c * uniform(rng, 0.9, 1.05));
        let fi = rng.usize(0..floors.len());
        let legs = kind != BoardKind::White;
        // The floor starts below the board's legs (or well below a wall-mounted white board).
        let below = if legs { 62.0 } else { uniform(rng, 40.0, 80.0) };
        let foot = cam
            .apply([size[0] / 2.0, size[1] + below])
            .map_or(f32::MAX, |p| p[1]);
        let frame = match kind {
            BoardKind::White => Some((uniform(rng, 2.0, 3.0), [uniform(rng, 150.0, 175.0); 3])),
            _ if rng.bool() => Some((uniform(rng, 0.8, 1.5), [uniform(rng, 50.0, 70.0); 3])),
            _ => None,
        };
        let door = (rng.f32() < 0.35).then(|| {
            let left = rng.bool();
            let x = if left {
                uniform(rng, 0.0, 0.08)
            } else {
                uniform(rng, 0.92, 1.0)
            } * w as f32;
            let colour = [
                [235.0, 232.0, 225.0],
                [140.0, 100.0, 70.0],
                [90.0, 100.0, 110.0],
            ][rng.usize(0..3)];
            (x, if left { -1.0 } else { 1.0 }, colour)
        });
        let ang = uniform(rng, 0.0, std::f32::consts::TAU);
        let g = uniform(rng, 0.08, 0.28);
        let c = uniform(rng, -0.04, 0.04);
        Room {
            wall,
            floor: floors[fi],
            floor_y: foot,
            floor_tilt: uniform(rng, -0.03, 0.03),
            wood: fi == 1,
            door,
            noise: Noise::new(rng.u64(..)),
            frame,
            legs,
            light: Light {
                base: uniform(rng, 0.9, 1.02),
                grad: (ang.cos() * g, ang.sin() * g),
                vignette: uniform(rng, 0.08, 0.3),
                // Warm or cool light, never brighter than neutral.
                cast: if c > 0.0 {
                    [1.0, 1.0 - c, 1.0 - 2.0 * c]
                } else {
                    [1.0 + 2.0 * c, 1.0 + c, 1.0]
                },
            },
        }
    }

    /// Width in cm of the frame around the board surface (0 without a frame).
    pub fn frame_width(&self) -> f32 {
        self.frame.map_or(0.0, |f| f.0)
    }

    /// The wall, floor or door seen at photo pixel `(x, y)`.
    fn background(&self, x: f32, y: f32, w: f32) -> [f32; 3] {
        let n = self.noise.fbm(x / 400.0, y / 400.0, 2);
        let fy = self.floor_y + self.floor_tilt * (x - w / 2.0);
        if y > fy {
            let grain = if self.wood {
                0.08 * self.noise.at(x / 600.0, y / 6.0)
            } else {
                0.04 * self.noise.at(x / 5.0, y / 5.0)
            };
            return self.floor.map(|c| c * (1.0 + grain + 0.05 * n));
        }
        if y > fy - w * 0.02 {
            return [225.0, 222.0, 215.0];
        }
        if let Some((dx, side, colour)) = self.door
            && (x - dx) * side > 0.0
        {
            return colour.map(|c| c * (1.0 + 0.02 * n));
        }
        self.wall.map(|c| c * (1.0 + 0.04 * n))
    }

    /// Brightness and colour of the light at a photo pixel.
    fn light_at(&self, x: f32, y: f32, w: f32, h: f32) -> [f32; 3] {
        let (u, v) = ((x - w / 2.0) / w, (y - h / 2.0) / h);
        let r2 = (u * u + v * v) * 2.0;
        // The gradient is normalised so that its brightest corner gets `base`: the camera
        // exposes for the scene, and white paper does not clip.
        let (gx, gy) = self.light.grad;
        let grad = (1.0 + gx * u * 2.0 + gy * v * 2.0) / (1.0 + gx.abs() + gy.abs());
        let l = self.light.base * grad * (1.0 - self.light.vignette * r2);
        self.light.cast.map(|c| c * l)
    }
}

/// Renders the photo: board canvas through the camera, the room around it, light and noise.
pub(crate) fn render(
    canvas: &Canvas,
    room: &Room,
    cam: &Homography,
    size: Pt,
    w: u32,
    h: u32,
    rng: &mut Rng,
) -> RgbImage {
    let inv = cam.inverse().unwrap_or_else(Homography::identity);
    // Approximate photo px per board cm at the board centre, for antialiasing the edges.
    let pxcm = match (
        cam.apply([size[0] / 2.0, size[1] / 2.0]),
        cam.apply([size[0] / 2.0 + 1.0, size[1] / 2.0]),
    ) {
        (Some(a), Some(b)) => crate::pinboard::geom::dist(a, b).max(0.1),
        _ => 1.0,
    };
    let (wf, hf) = (w as f32, h as f32);
    let mut img = RgbImage::new(w, h);
    let sigma = uniform(rng, 1.5, 3.5);
    for (x, y, p) in img.enumerate_pixels_mut() {
        let (px, py) = (x as f32 + 0.5, y as f32 + 0.5);
        let [bx, by] = inv.apply([px, py]).unwrap_or([-1e6, -1e6]);
        // Signed distance to the board rectangle in photo px (negative inside).
        let d = (-bx).max(bx - size[0]).max(-by).max(by - size[1]) * pxcm;
        let mut c = if d < 1.0 {
            let inside = canvas.sample(bx * canvas.ppc, by * canvas.ppc);
            let outside = surround(room, bx, by, d / pxcm, size, px, py, wf);
            let a = (0.5 - d).clamp(0.0, 1.0);
            [0, 1, 2].map(|i| outside[i] + (inside[i] - outside[i]) * a)
        } else {
            surround(room, bx, by, d / pxcm, size, px, py, wf)
        };
        let l = room.light_at(px, py, wf, hf);
        let grain = (rng.f32() + rng.f32() + rng.f32() - 1.5) * 2.0 * sigma;
        for i in 0..3 {
            let chroma = (rng.f32() - 0.5) * sigma;
            c[i] = c[i] * l[i] + grain + chroma;
        }
        *p = image::Rgb(c.map(|v| v.clamp(0.0, 255.0).round() as u8));
    }
    img
}

/// What is seen outside the board surface: its frame, its legs, or the room.
#[allow(clippy::too_many_arguments)]
fn surround(
    room: &Room,
    bx: f32,
    by: f32,
    d_cm: f32,
    size: Pt,
    px: f32,
    py: f32,
    w: f32,
) -> [f32; 3] {
    if let Some((fw, colour)) = room.frame
        && d_cm < fw
    {
        // A bevelled frame: lighter on its outer half.
        return colour.map(|c| c * if d_cm > fw * 0.5 { 1.1 } else { 0.95 });
    }
    if room.legs && by > size[1] && by < size[1] + 62.0 {
        for lx in [size[0] * 0.12, size[0] * 0.88] {
            if (bx - lx).abs() < 2.0 {
                return [62.0, 64.0, 68.0];
            }
        }
    }
    room.background(px, py, w)
}
