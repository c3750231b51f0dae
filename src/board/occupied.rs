//! Which parts of a wall are taken: rectangles in buckets, so a test for overlap looks at
//! neighbours only. Finding free space for ten thousand imported cards, or drawing a
//! crowded positioning board, stays near linear in the number of cards.

use super::layout::UnitRect;

/// The side of a bucket, in wall units (about half a card).
const BUCKET: f32 = 100.0;
/// A rectangle is filed in at most this many buckets along each side; a far larger one (a
/// card a hundred walls away, repaired on load) is still tested exactly, among fewer.
const MOST_BUCKETS: i32 = 64;

/// Taken rectangles, by bucket.
#[derive(Default)]
pub struct Occupied {
    rects: Vec<UnitRect>,
    buckets: std::collections::HashMap<(i32, i32), Vec<usize>>,
    /// Rectangles too large for buckets, tested against everything.
    large: Vec<usize>,
}

impl Occupied {
    /// The rectangles given, taken.
    pub fn of(rects: impl IntoIterator<Item = UnitRect>) -> Self {
        let mut occupied = Self::default();
        for rect in rects {
            occupied.add(rect);
        }
        occupied
    }

    fn cells(rect: &UnitRect) -> Option<impl Iterator<Item = (i32, i32)>> {
        let cell = |v: f32| (v / BUCKET).floor().clamp(-1.0e6, 1.0e6) as i32;
        let (x0, x1) = (cell(rect.min.0), cell(rect.max.0));
        let (y0, y1) = (cell(rect.min.1), cell(rect.max.1));
        if x1 - x0 > MOST_BUCKETS || y1 - y0 > MOST_BUCKETS {
            return None;
        }
        Some((x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y))))
    }

    /// Takes a rectangle.
    pub fn add(&mut self, rect: UnitRect) {
        let index = self.rects.len();
        match Self::cells(&rect) {
            Some(cells) => {
                for cell in cells {
                    self.buckets.entry(cell).or_default().push(index);
                }
            }
            None => self.large.push(index),
        }
        self.rects.push(rect);
    }

    /// Whether a rectangle meets a taken one.
    pub fn hits(&self, rect: &UnitRect) -> bool {
        if self.large.iter().any(|&i| self.rects[i].intersects(rect)) {
            return true;
        }
        match Self::cells(rect) {
            Some(mut cells) => cells.any(|cell| {
                self.buckets
                    .get(&cell)
                    .is_some_and(|indices| indices.iter().any(|&i| self.rects[i].intersects(rect)))
            }),
            None => self.rects.iter().any(|r| r.intersects(rect)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(x0: f32, y0: f32, x1: f32, y1: f32) -> UnitRect {
        UnitRect {
            min: (x0, y0),
            max: (x1, y1),
        }
    }

    #[test]
    fn overlap_is_found_across_buckets_and_for_huge_rectangles() {
        let mut taken = Occupied::of([r(90.0, 90.0, 110.0, 110.0)]);
        assert!(taken.hits(&r(105.0, 105.0, 120.0, 120.0)));
        assert!(!taken.hits(&r(111.0, 0.0, 200.0, 89.0)));
        taken.add(r(-1.0e7, 500.0, 1.0e7, 510.0));
        assert!(taken.hits(&r(3000.0, 505.0, 3010.0, 506.0)));
        assert!(taken.hits(&r(-1.0e8, -1.0e8, 1.0e8, 1.0e8)));
    }
}
