//! The straightened board's scale, shared by every step that measures in centimetres.

use super::raster::Rgbf;

/// Scale of the straightened board: nominal pixels per centimetre. Boards are 120–180 cm
/// on their long side, so this is right to within about ±25 %.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Scale {
    pub ppc: f32,
}

impl Scale {
    pub fn of(img: &Rgbf) -> Self {
        Self {
            ppc: (img.w.max(img.h) as f32 / 150.0).max(0.05),
        }
    }
    /// Pixels for a length in cm.
    pub fn px(&self, cm: f32) -> f32 {
        cm * self.ppc
    }
    /// Pixels for an area in cm².
    pub fn area(&self, cm2: f32) -> f32 {
        cm2 * self.ppc * self.ppc
    }
}
