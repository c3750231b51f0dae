//! Plane geometry shared by the generator, the detector and the evaluation: homographies,
//! convex hulls, minimum-area rectangles and convex polygon clipping.
//!
//! Coordinates are continuous pixel coordinates: pixel `(i, j)` covers `[i, i+1) × [j, j+1)`,
//! so its centre is `(i + 0.5, j + 0.5)`. With that convention a downscale by an integer
//! factor `k` is an exact scaling of coordinates by `1/k`, which keeps the mapping between
//! the working copies and the full photo free of half-pixel offsets.

/// A point `[x, y]` in continuous pixel coordinates (y grows downwards).
pub type Pt = [f32; 2];

/// A projective transform of the plane, stored as a row-major 3×3 matrix in `f64`
/// (the products of a 12-megapixel photo's coordinates lose precision in `f32`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Homography {
    /// Row-major matrix; `m[2][2]` is normalised to 1 where possible.
    pub m: [[f64; 3]; 3],
}

impl Homography {
    /// The identity transform.
    pub fn identity() -> Self {
        Self {
            m: [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
        }
    }

    /// A pure scaling `(x, y) ↦ (sx·x, sy·y)`.
    pub fn scale(sx: f64, sy: f64) -> Self {
        Self {
            m: [[sx, 0.0, 0.0], [0.0, sy, 0.0], [0.0, 0.0, 1.0]],
        }
    }

    /// The transform mapping the four `src` points onto the four `dst` points, or `None`
    /// when three of them are collinear (the linear system is singular).
    pub fn from_points(src: &[Pt; 4], dst: &[Pt; 4]) -> Option<Self> {
        // Unknowns h0..h7 with h8 = 1; two equations per correspondence.
        let mut a = [[0.0f64; 9]; 8];
        for (i, (s, d)) in src.iter().zip(dst.iter()).enumerate() {
            let (x, y) = (f64::from(s[0]), f64::from(s[1]));
            let (u, v) = (f64::from(d[0]), f64::from(d[1]));
            a[2 * i] = [x, y, 1.0, 0.0, 0.0, 0.0, -u * x, -u * y, u];
            a[2 * i + 1] = [0.0, 0.0, 0.0, x, y, 1.0, -v * x, -v * y, v];
        }
        let h = solve8(&mut a)?;
        let m = [[h[0], h[1], h[2]], [h[3], h[4], h[5]], [h[6], h[7], 1.0]];
        Some(Self { m })
    }

    /// The transform mapping the unit square's corners (clockwise from `(0,0)`) onto `quad`.
    pub fn unit_square_to(quad: &[Pt; 4]) -> Option<Self> {
        Self::from_points(&[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]], quad)
    }

    /// The inverse transform, or `None` if the matrix is (numerically) singular.
    pub fn inverse(&self) -> Option<Self> {
        let m = &self.m;
        let c00 = m[1][1] * m[2][2] - m[1][2] * m[2][1];
        let c01 = m[1][2] * m[2][0] - m[1][0] * m[2][2];
        let c02 = m[1][0] * m[2][1] - m[1][1] * m[2][0];
        let det = m[0][0] * c00 + m[0][1] * c01 + m[0][2] * c02;
        let scale = m.iter().flatten().fold(0.0f64, |a, v| a.max(v.abs()));
        if !det.is_finite() || det.abs() <= 1e-14 * scale.powi(3).max(1e-300) {
            return None;
        }
        let inv = [
            [
                c00,
                m[0][2] * m[2][1] - m[0][1] * m[2][2],
                m[0][1] * m[1][2] - m[0][2] * m[1][1],
            ],
            [
                c01,
                m[0][0] * m[2][2] - m[0][2] * m[2][0],
                m[0][2] * m[1][0] - m[0][0] * m[1][2],
            ],
            [
                c02,
                m[0][1] * m[2][0] - m[0][0] * m[2][1],
                m[0][0] * m[1][1] - m[0][1] * m[1][0],
            ],
        ];
        let mut out = [[0.0; 3]; 3];
        for (o, r) in out.iter_mut().zip(inv.iter()) {
            for (ov, rv) in o.iter_mut().zip(r.iter()) {
                *ov = rv / det;
            }
        }
        Some(Self { m: out })
    }

    /// `other ∘ self`: first apply `self`, then `other`.
    pub fn then(&self, other: &Self) -> Self {
        let (a, b) = (&other.m, &self.m);
        let mut out = [[0.0; 3]; 3];
        for (i, row) in out.iter_mut().enumerate() {
            for (j, v) in row.iter_mut().enumerate() {
                *v = (0..3).map(|k| a[i][k] * b[k][j]).sum();
            }
        }
        Self { m: out }
    }

    /// Maps a point in `f64`; `None` on the line at infinity.
    pub fn apply64(&self, x: f64, y: f64) -> Option<(f64, f64)> {
        let m = &self.m;
        let w = m[2][0] * x + m[2][1] * y + m[2][2];
        if w.abs() < 1e-12 || !w.is_finite() {
            return None;
        }
        let u = (m[0][0] * x + m[0][1] * y + m[0][2]) / w;
        let v = (m[1][0] * x + m[1][1] * y + m[1][2]) / w;
        (u.is_finite() && v.is_finite()).then_some((u, v))
    }

    /// Maps a point; `None` on the line at infinity.
    pub fn apply(&self, p: Pt) -> Option<Pt> {
        self.apply64(f64::from(p[0]), f64::from(p[1]))
            .map(|(u, v)| [u as f32, v as f32])
    }

    /// Maps all four corners of a quadrilateral, or `None` if any lands at infinity.
    pub fn apply_quad(&self, q: &[Pt; 4]) -> Option<[Pt; 4]> {
        Some([
            self.apply(q[0])?,
            self.apply(q[1])?,
            self.apply(q[2])?,
            self.apply(q[3])?,
        ])
    }
}

/// Gaussian elimination with partial pivoting on an 8×9 augmented matrix.
fn solve8(a: &mut [[f64; 9]; 8]) -> Option<[f64; 8]> {
    for col in 0..8 {
        let pivot = (col..8).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 || !a[pivot][col].is_finite() {
            return None;
        }
        a.swap(col, pivot);
        for row in 0..8 {
            if row != col {
                let f = a[row][col] / a[col][col];
                let pivot_row = a[col];
                for (v, p) in a[row].iter_mut().zip(pivot_row.iter()).skip(col) {
                    *v -= f * p;
                }
            }
        }
    }
    let mut h = [0.0; 8];
    for (i, v) in h.iter_mut().enumerate() {
        *v = a[i][8] / a[i][i];
    }
    h.iter().all(|v| v.is_finite()).then_some(h)
}

/// Cross product of `(b - a)` and `(c - a)`; positive when `a, b, c` turn clockwise on screen
/// (y down), i.e. counter-clockwise in mathematical orientation.
fn cross(a: Pt, b: Pt, c: Pt) -> f32 {
    (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
}

/// Convex hull (Andrew's monotone chain), vertices in positive `cross` order.
/// Collinear points are dropped. Fewer than three distinct points give them back as they are.
pub fn convex_hull(points: &[Pt]) -> Vec<Pt> {
    let mut pts: Vec<Pt> = points
        .iter()
        .copied()
        .filter(|p| p[0].is_finite() && p[1].is_finite())
        .collect();
    pts.sort_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
    pts.dedup();
    if pts.len() < 3 {
        return pts;
    }
    let mut hull: Vec<Pt> = Vec::with_capacity(pts.len() + 1);
    for pass in 0..2 {
        let start = hull.len();
        let iter: Box<dyn Iterator<Item = &Pt>> = if pass == 0 {
            Box::new(pts.iter())
        } else {
            Box::new(pts.iter().rev())
        };
        for &p in iter {
            while hull.len() >= start + 2
                && cross(hull[hull.len() - 2], hull[hull.len() - 1], p) <= 0.0
            {
                hull.pop();
            }
            hull.push(p);
        }
        hull.pop();
    }
    hull
}

/// Area of a simple polygon (absolute value of the shoelace sum).
pub fn polygon_area(poly: &[Pt]) -> f32 {
    let n = poly.len();
    if n < 3 {
        return 0.0;
    }
    let mut s = 0.0f64;
    for i in 0..n {
        let (a, b) = (poly[i], poly[(i + 1) % n]);
        s += f64::from(a[0]) * f64::from(b[1]) - f64::from(b[0]) * f64::from(a[1]);
    }
    (s.abs() * 0.5) as f32
}

/// Minimum-area enclosing rectangle of a convex hull (rotating calipers over hull edges),
/// corners ordered clockwise on screen from the top-left one. `None` for fewer than 3 points.
pub fn min_area_rect(hull: &[Pt]) -> Option<[Pt; 4]> {
    if hull.len() < 3 {
        return None;
    }
    let mut best: Option<(f32, [Pt; 4])> = None;
    for i in 0..hull.len() {
        let (a, b) = (hull[i], hull[(i + 1) % hull.len()]);
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let len = (dx * dx + dy * dy).sqrt();
        if len < 1e-6 {
            continue;
        }
        let (ux, uy) = (dx / len, dy / len);
        let (mut lo_u, mut hi_u, mut lo_v, mut hi_v) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
        for p in hull {
            let u = p[0] * ux + p[1] * uy;
            let v = -p[0] * uy + p[1] * ux;
            lo_u = lo_u.min(u);
            hi_u = hi_u.max(u);
            lo_v = lo_v.min(v);
            hi_v = hi_v.max(v);
        }
        let area = (hi_u - lo_u) * (hi_v - lo_v);
        if best.as_ref().is_none_or(|(b, _)| area < *b) {
            let at = |u: f32, v: f32| [u * ux - v * uy, u * uy + v * ux];
            let q = [
                at(lo_u, lo_v),
                at(hi_u, lo_v),
                at(hi_u, hi_v),
                at(lo_u, hi_v),
            ];
            best = Some((area, q));
        }
    }
    best.map(|(_, q)| order_quad(q))
}

/// Orders four corners clockwise on screen, starting with the top-left one (the corner
/// with the smallest `x + y` after sorting by angle around the centroid).
pub fn order_quad(q: [Pt; 4]) -> [Pt; 4] {
    let cx = q.iter().map(|p| p[0]).sum::<f32>() / 4.0;
    let cy = q.iter().map(|p| p[1]).sum::<f32>() / 4.0;
    let mut v = q;
    // atan2 with y down grows clockwise on screen.
    v.sort_by(|a, b| {
        (a[1] - cy)
            .atan2(a[0] - cx)
            .total_cmp(&(b[1] - cy).atan2(b[0] - cx))
    });
    let start = (0..4)
        .min_by(|&i, &j| (v[i][0] + v[i][1]).total_cmp(&(v[j][0] + v[j][1])))
        .unwrap_or(0);
    [
        v[start],
        v[(start + 1) % 4],
        v[(start + 2) % 4],
        v[(start + 3) % 4],
    ]
}

/// Sutherland–Hodgman clipping of `subject` by the convex polygon `clip`.
/// Works for either orientation of `clip`.
pub fn clip_convex(subject: &[Pt], clip: &[Pt]) -> Vec<Pt> {
    if clip.len() < 3 {
        return Vec::new();
    }
    let orient = if signed_area(clip) >= 0.0 { 1.0 } else { -1.0 };
    let mut out: Vec<Pt> = subject.to_vec();
    for i in 0..clip.len() {
        if out.is_empty() {
            break;
        }
        let (a, b) = (clip[i], clip[(i + 1) % clip.len()]);
        let inside = |p: Pt| cross(a, b, p) * orient >= 0.0;
        let input = std::mem::take(&mut out);
        for j in 0..input.len() {
            let (p, q) = (input[j], input[(j + 1) % input.len()]);
            let (pi, qi) = (inside(p), inside(q));
            if pi {
                out.push(p);
            }
            if pi != qi {
                let (cp, cq) = (cross(a, b, p), cross(a, b, q));
                let t = cp / (cp - cq);
                out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
            }
        }
    }
    out
}

/// Shoelace sum with sign (positive for positive `cross` orientation).
fn signed_area(poly: &[Pt]) -> f32 {
    let n = poly.len();
    (0..n)
        .map(|i| {
            let (a, b) = (poly[i], poly[(i + 1) % n]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum::<f32>()
        * 0.5
}

/// Intersection-over-union of two convex polygons (0 when either is degenerate).
pub fn convex_iou(a: &[Pt], b: &[Pt]) -> f32 {
    let (aa, ab) = (polygon_area(a), polygon_area(b));
    if aa <= 0.0 || ab <= 0.0 {
        return 0.0;
    }
    let inter = polygon_area(&clip_convex(a, b));
    let union = aa + ab - inter;
    if union <= 0.0 {
        0.0
    } else {
        (inter / union).clamp(0.0, 1.0)
    }
}

/// Centroid of the four corners (the centre of a parallelogram; close enough for the
/// near-rectangular quads used here).
pub fn quad_centre(q: &[Pt; 4]) -> Pt {
    [
        q.iter().map(|p| p[0]).sum::<f32>() / 4.0,
        q.iter().map(|p| p[1]).sum::<f32>() / 4.0,
    ]
}

/// Euclidean distance between two points.
pub fn dist(a: Pt, b: Pt) -> f32 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn homography_round_trip() {
        let src = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]];
        let dst = [
            [100.0, 120.0],
            [900.0, 80.0],
            [1000.0, 700.0],
            [60.0, 650.0],
        ];
        let h = Homography::from_points(&src, &dst).unwrap();
        for (s, d) in src.iter().zip(dst.iter()) {
            let p = h.apply(*s).unwrap();
            assert!(dist(p, *d) < 1e-3, "{p:?} vs {d:?}");
        }
        let inv = h.inverse().unwrap();
        for p in [[0.3f32, 0.7f32], [0.5, 0.5], [0.9, 0.1]] {
            let q = inv.apply(h.apply(p).unwrap()).unwrap();
            assert!(dist(p, q) < 1e-5);
        }
        let id = h.then(&inv);
        assert!(dist(id.apply([0.25, 0.75]).unwrap(), [0.25, 0.75]) < 1e-6);
    }

    #[test]
    fn degenerate_homography_is_none() {
        let src = [[0.0, 0.0], [1.0, 0.0], [2.0, 0.0], [0.0, 1.0]];
        let dst = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]];
        assert!(Homography::from_points(&src, &dst).is_none());
    }

    #[test]
    fn iou_of_known_polygons() {
        let a = [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]];
        let b = [[1.0, 0.0], [3.0, 0.0], [3.0, 2.0], [1.0, 2.0]];
        assert!((convex_iou(&a, &b) - 2.0 / 6.0).abs() < 1e-5);
        assert!((convex_iou(&a, &a) - 1.0).abs() < 1e-5);
        let far = [[10.0, 10.0], [11.0, 10.0], [11.0, 11.0], [10.0, 11.0]];
        assert_eq!(convex_iou(&a, &far), 0.0);
        // A square and its 45° rotated copy: a regular octagon, IoU = 0.828/1.172.
        let s = 2.0f32.sqrt();
        let d = [
            [1.0, 1.0 - s],
            [1.0 + s, 1.0],
            [1.0, 1.0 + s],
            [1.0 - s, 1.0],
        ];
        let expected = (2.0 * (2.0f32.sqrt() - 1.0)) / (2.0 - 2.0 * (2.0f32.sqrt() - 1.0));
        assert!(
            (convex_iou(&a, &d) - expected).abs() < 1e-3,
            "{}",
            convex_iou(&a, &d)
        );
        // Orientation of the polygons does not matter.
        let rev: Vec<Pt> = b.iter().rev().copied().collect();
        assert!((convex_iou(&a, &rev) - 2.0 / 6.0).abs() < 1e-5);
    }

    #[test]
    fn hull_and_min_rect() {
        let pts = [
            [0.0, 0.0],
            [4.0, 0.0],
            [4.0, 2.0],
            [0.0, 2.0],
            [2.0, 1.0],
            [1.0, 1.5],
        ];
        let hull = convex_hull(&pts);
        assert_eq!(hull.len(), 4);
        let r = min_area_rect(&hull).unwrap();
        assert!((polygon_area(&r) - 8.0).abs() < 1e-3);
        assert!(dist(r[0], [0.0, 0.0]) < 1e-4);
        assert!(dist(r[2], [4.0, 2.0]) < 1e-4);
        assert!(min_area_rect(&hull[..2]).is_none());
    }
}
