//! The reflection round in numbers: per dimension the distribution, the mean, the share of
//! positive ratings, and a verdict in plain words. No GUI code here.

use crate::ids::DimensionId;
use crate::reflection::Reflection;

/// A verdict on one dimension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    NoRatings,
    MostlyPositive,
    MostlyNegative,
    Split,
    Mixed,
}

/// One dimension's ratings.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionStats {
    pub id: DimensionId,
    pub name: String,
    /// Count per scale value, from `min` to `max`.
    pub distribution: Vec<(i32, usize)>,
    pub count: usize,
    pub mean: Option<f64>,
    /// Share of ratings above the middle of the scale, and below it.
    pub positive_share: f64,
    pub negative_share: f64,
    pub verdict: Verdict,
}

/// Statistics for every dimension.
pub fn stats(reflection: &Reflection) -> Vec<DimensionStats> {
    let (min, max) = (
        reflection.scale.min.min(reflection.scale.max),
        reflection.scale.max.max(reflection.scale.min),
    );
    // Twice the middle, so that odd and even scales compare without fractions.
    let middle2 = i64::from(min) + i64::from(max);
    // A loaded scale has at most 21 steps; anything wider gets only the values that occur,
    // so a hostile scale never allocates per value.
    let is_small = crate::session::limits::scale_is_valid(min, max);
    reflection
        .dimensions
        .iter()
        .map(|dimension| {
            let values: Vec<i32> = reflection
                .entries
                .iter()
                .filter_map(|e| e.ratings.get(&dimension.id).copied())
                .filter(|v| (min..=max).contains(v))
                .collect();
            let count = values.len();
            let distribution = if is_small {
                (min..=max)
                    .map(|v| (v, values.iter().filter(|x| **x == v).count()))
                    .collect()
            } else {
                let mut counts = std::collections::BTreeMap::new();
                for v in &values {
                    *counts.entry(*v).or_insert(0) += 1;
                }
                counts.into_iter().collect()
            };
            let mean = (count > 0)
                .then(|| values.iter().map(|v| f64::from(*v)).sum::<f64>() / count as f64);
            let share = |f: &dyn Fn(i32) -> bool| {
                if count == 0 {
                    0.0
                } else {
                    values.iter().filter(|v| f(**v)).count() as f64 / count as f64
                }
            };
            let positive_share = share(&|v| i64::from(v) * 2 > middle2);
            let negative_share = share(&|v| i64::from(v) * 2 < middle2);
            let verdict = if count == 0 {
                Verdict::NoRatings
            } else if positive_share >= 0.3 && negative_share >= 0.3 {
                Verdict::Split
            } else if positive_share > 0.5 && negative_share < 0.25 {
                Verdict::MostlyPositive
            } else if negative_share > 0.5 && positive_share < 0.25 {
                Verdict::MostlyNegative
            } else {
                Verdict::Mixed
            };
            DimensionStats {
                id: dimension.id,
                name: dimension.name.clone(),
                distribution,
                count,
                mean,
                positive_share,
                negative_share,
                verdict,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::ReflectionEntryId;
    use crate::reflection::{Dimension, ReflectionEntry, Scale};

    fn reflection(values: &[&[i32]], scale: (i32, i32)) -> Reflection {
        let dimensions: Vec<Dimension> = (0..values[0].len())
            .map(|i| Dimension {
                id: DimensionId::generate(),
                name: format!("D{i}"),
            })
            .collect();
        let entries = values
            .iter()
            .map(|row| ReflectionEntry {
                id: ReflectionEntryId::generate(),
                ratings: dimensions
                    .iter()
                    .map(|d| d.id)
                    .zip(row.iter().copied())
                    .collect(),
                ..ReflectionEntry::default()
            })
            .collect();
        Reflection {
            dimensions,
            scale: Scale {
                min: scale.0,
                max: scale.1,
                ..Scale::default()
            },
            entries,
            ..Reflection::default()
        }
    }

    #[test]
    fn mean_distribution_share_and_verdict() {
        // Columns: mostly positive, split, mostly negative, mixed.
        let r = reflection(
            &[
                &[5, 5, 1, 3],
                &[4, 1, 2, 4],
                &[5, 5, 1, 3],
                &[4, 1, 2, 2],
                &[2, 5, 4, 3],
            ],
            (1, 5),
        );
        let s = stats(&r);
        assert_eq!(s[0].mean, Some(4.0));
        assert_eq!(
            s[0].distribution,
            vec![(1, 0), (2, 1), (3, 0), (4, 2), (5, 2)]
        );
        assert!((s[0].positive_share - 0.8).abs() < 1e-9);
        assert_eq!(s[0].verdict, Verdict::MostlyPositive);
        assert_eq!(s[1].verdict, Verdict::Split);
        assert_eq!(s[2].verdict, Verdict::MostlyNegative);
        assert_eq!(s[3].verdict, Verdict::Mixed);
    }

    #[test]
    fn a_hostile_scale_allocates_nothing_per_value_and_does_not_overflow() {
        let r = reflection(&[&[i32::MAX], &[i32::MIN], &[7]], (i32::MIN, i32::MAX));
        let s = &stats(&r)[0];
        assert_eq!(s.distribution, vec![(i32::MIN, 1), (7, 1), (i32::MAX, 1)]);
        assert_eq!(s.count, 3);
        let rings = crate::reflection::target::Rings {
            min: i32::MIN,
            max: i32::MAX,
        };
        assert_eq!(rings.rating_at(0.0), i32::MAX);
        assert!(rings.ring(7) < rings.count());
    }

    #[test]
    fn a_scale_around_zero_and_no_ratings() {
        let r = reflection(&[&[2], &[1], &[0]], (-2, 2));
        assert_eq!(stats(&r)[0].verdict, Verdict::MostlyPositive);
        let empty = Reflection {
            dimensions: vec![Dimension {
                id: DimensionId::generate(),
                name: "Inhalt".into(),
            }],
            ..Reflection::default()
        };
        assert_eq!(stats(&empty)[0].verdict, Verdict::NoRatings);
    }
}
