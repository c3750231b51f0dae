//! Deterministic lattice ("value") noise for paper, cork and wall textures.
//!
//! A hash of the lattice coordinates instead of a random-number stream makes a texture
//! value depend only on the position and the seed, so any part of a surface can be
//! rendered in any order and still match.

/// A 2-D value-noise field with its own seed.
#[derive(Clone, Copy, Debug)]
pub struct Noise {
    seed: u64,
}

impl Noise {
    /// A noise field; different seeds give unrelated fields.
    pub fn new(seed: u64) -> Self {
        Self { seed }
    }

    /// Hash of a lattice point to `[-1, 1]`.
    fn lattice(&self, x: i64, y: i64) -> f32 {
        let mut h = self.seed ^ (x as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        h ^= (y as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
        h = (h ^ (h >> 31)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        h = (h ^ (h >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        h ^= h >> 33;
        ((h >> 40) as f32 / (1u64 << 24) as f32) * 2.0 - 1.0
    }

    /// Smoothly interpolated noise in `[-1, 1]` with features about one unit apart.
    pub fn at(&self, x: f32, y: f32) -> f32 {
        let (fx, fy) = (x.floor(), y.floor());
        let (ix, iy) = (fx as i64, fy as i64);
        let (tx, ty) = (x - fx, y - fy);
        let (sx, sy) = (tx * tx * (3.0 - 2.0 * tx), ty * ty * (3.0 - 2.0 * ty));
        let a = self.lattice(ix, iy);
        let b = self.lattice(ix + 1, iy);
        let c = self.lattice(ix, iy + 1);
        let d = self.lattice(ix + 1, iy + 1);
        let top = a + (b - a) * sx;
        let bottom = c + (d - c) * sx;
        top + (bottom - top) * sy
    }

    /// Fractal sum of `octaves` layers, each at twice the frequency and half the amplitude;
    /// roughly in `[-1, 1]`.
    pub fn fbm(&self, x: f32, y: f32, octaves: u32) -> f32 {
        let (mut sum, mut amp, mut freq, mut norm) = (0.0, 1.0, 1.0, 0.0);
        for o in 0..octaves {
            let shifted = Noise::new(self.seed.wrapping_add(u64::from(o) * 7919));
            sum += amp * shifted.at(x * freq, y * freq);
            norm += amp;
            amp *= 0.5;
            freq *= 2.0;
        }
        if norm > 0.0 { sum / norm } else { 0.0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noise_is_deterministic_and_bounded() {
        let n = Noise::new(42);
        for i in 0..200 {
            let (x, y) = (i as f32 * 0.37, i as f32 * -0.61);
            let v = n.fbm(x, y, 3);
            assert!((-1.0..=1.0).contains(&v));
            assert_eq!(v, Noise::new(42).fbm(x, y, 3));
        }
    }
}
