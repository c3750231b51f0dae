//! Where the target ("Zielscheibe") puts things: one sector per dimension, one ring per
//! rating (the best in the middle), each entry's dot inside its sector and its ring, and dots
//! of equal rating spread along the ring so that none hides another. No GUI code: the screen
//! scales these fractions to pixels, and a click is turned back into a rating here too.

use std::f32::consts::{FRAC_PI_2, TAU};

use super::model::Reflection;
use crate::ids::ReflectionEntryId;

/// A dot on the target, in fractions of the target's radius and in radians.
#[derive(Clone, Debug, PartialEq)]
pub struct Dot {
    pub entry: ReflectionEntryId,
    /// 1-based number of the entry (shown for anonymous entries as "#n").
    pub number: usize,
    pub dimension: usize,
    pub rating: i32,
    /// 0 centre … 1 rim.
    pub radius: f32,
    /// Screen angle: 0 to the right, growing clockwise (y down), as `atan2(y, x)` gives it.
    pub angle: f32,
    /// The dot's radius in the unit given to [`dots`]: smaller when many share a ring.
    pub size: f32,
}

impl Dot {
    /// Where the dot is for a target of `radius` pixels, relative to its centre.
    pub fn offset(&self, radius: f32) -> (f32, f32) {
        let r = self.radius * radius;
        (r * self.angle.cos(), r * self.angle.sin())
    }
}

/// The rings of a scale, and which ring a rating sits in.
#[derive(Clone, Copy, Debug)]
pub struct Rings {
    pub min: i32,
    pub max: i32,
}

impl Rings {
    /// How many ratings the scale has (at most 41 rings are drawn).
    pub fn count(self) -> usize {
        ((i64::from(self.max) - i64::from(self.min)).clamp(0, 40) + 1) as usize
    }

    /// The ring of a rating: 0 for the best (the centre).
    pub fn ring(self, rating: i32) -> usize {
        let ring = i64::from(self.max) - i64::from(rating);
        ring.clamp(0, self.count() as i64 - 1) as usize
    }

    /// The inner and outer edge of a ring, as fractions of the radius.
    pub fn band(self, ring: usize) -> (f32, f32) {
        let k = self.count() as f32;
        (ring as f32 / k, (ring as f32 + 1.0) / k)
    }

    /// The rating of a point at `radius` (0 centre … 1 rim): the ring it is in.
    pub fn rating_at(self, radius: f32) -> i32 {
        let ring = ((radius.max(0.0) * self.count() as f32) as usize).min(self.count() - 1);
        (i64::from(self.max) - ring as i64) as i32
    }
}

/// The screen angle where sector `i` of `n` begins (the first starts at the top).
pub fn sector_start(i: usize, n: usize) -> f32 {
    -FRAC_PI_2 + TAU * i as f32 / n.max(1) as f32
}

/// The sector a screen angle is in.
pub fn sector_at(angle: f32, n: usize) -> usize {
    let from_top = (angle + FRAC_PI_2).rem_euclid(TAU);
    ((from_top / (TAU / n.max(1) as f32)) as usize).min(n.max(1) - 1)
}

/// Every rating as a dot. `dot` is the dot's radius and `radius` the target's, in the same
/// unit (pixels): dots sharing a ring in a sector are spaced at least two and a half dot
/// radii apart along it, in more rows within the ring when one row would not hold them.
pub fn dots(reflection: &Reflection, radius: f32, dot: f32) -> Vec<Dot> {
    let n = reflection.dimensions.len();
    let rings = Rings {
        min: reflection.scale.min,
        max: reflection.scale.max,
    };
    let sector = TAU / n.max(1) as f32;
    let mut out = Vec::new();
    for (d, dimension) in reflection.dimensions.iter().enumerate() {
        let mut by_ring: Vec<Vec<(usize, ReflectionEntryId, i32)>> =
            vec![Vec::new(); rings.count()];
        for (e, entry) in reflection.entries.iter().enumerate() {
            if let Some(&rating) = entry.ratings.get(&dimension.id) {
                by_ring[rings.ring(rating)].push((e + 1, entry.id, rating));
            }
        }
        for (ring, members) in by_ring.iter().enumerate() {
            if members.is_empty() {
                continue;
            }
            let (inner, outer) = rings.band(ring);
            // The full dot size if the ring holds them all, else smaller, down to 40 %; past
            // that (dozens of equal ratings in a small ring) the last row takes the rest.
            let (rows, size, margin) = [1.0, 0.85, 0.7, 0.55, 0.4]
                .iter()
                .map(|f| {
                    let size = dot * f;
                    let (rows, fits) =
                        rows_in_ring(members.len(), inner, outer, sector, radius, size);
                    (rows, size, fits)
                })
                .find(|(_, _, fits)| *fits)
                .map(|(rows, size, _)| (rows, size, ring_margin(size, radius, inner, outer)))
                .unwrap_or_else(|| {
                    let size = dot * 0.4;
                    let (rows, _) = rows_in_ring(members.len(), inner, outer, sector, radius, size);
                    (rows, size, ring_margin(size, radius, inner, outer))
                });
            let mut members = members.iter();
            for (r, count) in rows {
                let margin_angle = (margin / r.max(1e-3)).min(sector / 4.0);
                let usable = sector - 2.0 * margin_angle;
                for i in 0..count {
                    let Some(&(number, entry, rating)) = members.next() else {
                        break;
                    };
                    let angle = sector_start(d, n)
                        + margin_angle
                        + usable * (i as f32 + 0.5) / count as f32;
                    out.push(Dot {
                        entry,
                        number,
                        dimension: d,
                        rating,
                        radius: r,
                        angle,
                        size,
                    });
                }
            }
        }
    }
    out
}

fn ring_margin(size: f32, radius: f32, inner: f32, outer: f32) -> f32 {
    (size * 1.3 / radius.max(1.0)).min((outer - inner) / 2.0)
}

/// Rows for `count` dots of radius `size` in a ring, from its outer edge inwards, each as full
/// as its arc allows (radius of the row, dots in it), and whether they all fit.
fn rows_in_ring(
    count: usize,
    inner: f32,
    outer: f32,
    sector: f32,
    radius: f32,
    size: f32,
) -> (Vec<(f32, usize)>, bool) {
    let spacing = 2.5 * size / radius.max(1.0);
    let margin = ring_margin(size, radius, inner, outer);
    let mut rows: Vec<(f32, usize)> = Vec::new();
    let mut placed = 0;
    let mut r = (outer - margin).max(inner + margin);
    let mut fits = true;
    while placed < count {
        let arc = (sector * r - 2.0 * margin).max(0.0);
        // Spread evenly over the arc, neighbours are arc / n apart.
        let room = ((arc / spacing) as usize).max(1);
        let take = room.min(count - placed);
        rows.push((r, take));
        placed += take;
        let next = r - spacing;
        if placed < count && next < inner + margin * 0.5 {
            if let Some(last) = rows.last_mut() {
                last.1 += count - placed;
            }
            fits = false;
            break;
        }
        r = next;
    }
    let middle = (inner + outer) / 2.0;
    if rows.len() == 1 && ((sector * middle - 2.0 * margin).max(0.0) / spacing) as usize >= count {
        // One row: in the middle of the ring, if it holds them there.
        rows[0].0 = middle;
    }
    (rows, fits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::DimensionId;
    use crate::reflection::{Dimension, ReflectionEntry, Scale};

    fn reflection(dimensions: usize, ratings: &[i32]) -> Reflection {
        let dims: Vec<Dimension> = (0..dimensions)
            .map(|i| Dimension {
                id: DimensionId::generate(),
                name: format!("D{i}"),
            })
            .collect();
        let entries = ratings
            .iter()
            .map(|&r| ReflectionEntry {
                id: ReflectionEntryId::generate(),
                who: String::new(),
                ratings: dims.iter().map(|d| (d.id, r)).collect(),
                comment: String::new(),
                ..ReflectionEntry::default()
            })
            .collect();
        Reflection {
            dimensions: dims,
            entries,
            scale: Scale {
                min: 1,
                max: 5,
                ..Scale::default()
            },
            ..Reflection::default()
        }
    }

    #[test]
    fn a_dot_sits_inside_its_sector_and_its_ring() {
        let r = reflection(4, &[1, 2, 3, 4, 5]);
        let rings = Rings { min: 1, max: 5 };
        for dot in dots(&r, 160.0, 5.0) {
            let (inner, outer) = rings.band(rings.ring(dot.rating));
            assert!(dot.radius > inner && dot.radius < outer, "{dot:?}");
            assert_eq!(sector_at(dot.angle, 4), dot.dimension, "{dot:?}");
            assert_eq!(rings.rating_at(dot.radius), dot.rating);
        }
    }

    #[test]
    fn a_click_reads_back_the_ring_it_hit() {
        let rings = Rings { min: 1, max: 5 };
        for rating in 1..=5 {
            let (inner, outer) = rings.band(rings.ring(rating));
            assert_eq!(rings.rating_at((inner + outer) / 2.0), rating);
        }
        assert_eq!(rings.rating_at(0.0), 5, "the centre is the best");
        assert_eq!(rings.rating_at(0.99), 1);
        assert_eq!(
            rings.rating_at(1.02),
            1,
            "just past the rim counts as the rim"
        );
        assert_eq!(Rings { min: -2, max: 2 }.rating_at(0.1), 2);
    }

    #[test]
    fn equal_ratings_never_hide_each_other() {
        // Twelve people all give the best rating: the smallest ring, in each of 5 sectors.
        let r = reflection(5, &[5; 12]);
        let all = dots(&r, 160.0, 5.0);
        assert_eq!(all.len(), 60);
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                let (ax, ay) = a.offset(160.0);
                let (bx, by) = b.offset(160.0);
                let d = ((ax - bx).powi(2) + (ay - by).powi(2)).sqrt();
                assert!(d >= a.size + b.size, "{a:?} and {b:?} are {d} px apart");
                assert!(a.size >= 2.0);
            }
        }
    }
}
