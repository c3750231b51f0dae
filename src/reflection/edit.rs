//! Every change to the reflection round, as a named edit.

use super::{Dimension, Dissent, ReflectionEntry};
use crate::fields::{set, set_text};
use crate::ids::{AgendaItemId, DimensionId, ReflectionEntryId};
use crate::session::Session;
use crate::session::limits::{LONG_TEXT, SHORT_TEXT};
use crate::session::references::Gone;

pub use crate::session::limits::{MAX_SCALE_STEPS, scale_is_valid};

/// A text field of a recorded dissent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DissentText {
    Who,
    Statement,
    Response,
}

/// A text field of an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntryText {
    Who,
    Comment,
}

/// A change to the reflection round.
#[derive(Clone, Debug, PartialEq)]
pub enum ReflectionEdit {
    AddDimension(Dimension),
    /// Removes a dimension and every rating on it.
    RemoveDimension(DimensionId),
    RenameDimension(DimensionId, String),
    /// A new scale; refused unless `min < max` and at most [`MAX_SCALE_STEPS`] steps.
    SetScale {
        min: i32,
        max: i32,
    },
    SetAnonymous(bool),
    AddEntry(ReflectionEntry),
    RemoveEntry(ReflectionEntryId),
    SetEntryText(ReflectionEntryId, EntryText, String),
    /// A rating within the scale, or none.
    SetRating {
        entry: ReflectionEntryId,
        dimension: DimensionId,
        value: Option<i32>,
    },
    AddDissent(Dissent),
    /// Dissent is addressed by its place in the list.
    RemoveDissent(usize),
    SetDissentText(usize, DissentText, String),
    SetDissentItem(usize, Option<AgendaItemId>),
    SetSummary(String),
}

impl ReflectionEdit {
    /// Applies the edit; returns whether anything changed.
    pub fn apply(self, session: &mut Session) -> bool {
        let reflection = &mut session.reflection;
        match self {
            ReflectionEdit::AddDimension(dimension) => {
                reflection.dimensions.push(dimension);
                true
            }
            ReflectionEdit::RemoveDimension(id) => {
                let before = reflection.dimensions.len();
                reflection.dimensions.retain(|d| d.id != id);
                let changed = reflection.dimensions.len() != before;
                if changed {
                    session.forget(Gone::Dimension(id));
                }
                changed
            }
            ReflectionEdit::RenameDimension(id, name) => set_text(
                reflection
                    .dimensions
                    .iter_mut()
                    .find(|d| d.id == id)
                    .map(|d| &mut d.name),
                name,
                SHORT_TEXT,
            ),
            ReflectionEdit::SetScale { min, max } => {
                if !scale_is_valid(min, max) {
                    return false;
                }
                let scale = &mut reflection.scale;
                let changed = set(Some(&mut scale.min), min) | set(Some(&mut scale.max), max);
                // Ratings outside the new scale no longer mean anything.
                for entry in &mut reflection.entries {
                    entry.ratings.retain(|_, v| (min..=max).contains(v));
                }
                changed
            }
            ReflectionEdit::SetAnonymous(on) => set(Some(&mut reflection.is_anonymous), on),
            ReflectionEdit::AddEntry(entry) => {
                reflection.entries.push(entry);
                true
            }
            ReflectionEdit::RemoveEntry(id) => {
                let before = reflection.entries.len();
                reflection.entries.retain(|e| e.id != id);
                reflection.entries.len() != before
            }
            ReflectionEdit::SetEntryText(id, field, text) => {
                let Some(entry) = reflection.entries.iter_mut().find(|e| e.id == id) else {
                    return false;
                };
                let (slot, limit) = match field {
                    EntryText::Who => (&mut entry.who, SHORT_TEXT),
                    EntryText::Comment => (&mut entry.comment, LONG_TEXT),
                };
                set_text(Some(slot), text, limit)
            }
            ReflectionEdit::SetRating {
                entry,
                dimension,
                value,
            } => {
                let (min, max) = (reflection.scale.min, reflection.scale.max);
                if value.is_some_and(|v| !(min..=max).contains(&v))
                    || !reflection.dimensions.iter().any(|d| d.id == dimension)
                {
                    return false;
                }
                let Some(entry) = reflection.entries.iter_mut().find(|e| e.id == entry) else {
                    return false;
                };
                let old = entry.ratings.get(&dimension).copied();
                match value {
                    Some(value) => entry.ratings.insert(dimension, value),
                    None => entry.ratings.remove(&dimension),
                };
                old != value
            }
            ReflectionEdit::AddDissent(dissent) => {
                reflection.dissent.push(dissent);
                true
            }
            ReflectionEdit::RemoveDissent(index) => {
                if index < reflection.dissent.len() {
                    reflection.dissent.remove(index);
                    true
                } else {
                    false
                }
            }
            ReflectionEdit::SetDissentText(index, field, text) => {
                let Some(dissent) = reflection.dissent.get_mut(index) else {
                    return false;
                };
                let (slot, limit) = match field {
                    DissentText::Who => (&mut dissent.who, SHORT_TEXT),
                    DissentText::Statement => (&mut dissent.statement, LONG_TEXT),
                    DissentText::Response => (&mut dissent.response, LONG_TEXT),
                };
                set_text(Some(slot), text, limit)
            }
            ReflectionEdit::SetDissentItem(index, item) => set(
                reflection
                    .dissent
                    .get_mut(index)
                    .map(|d| &mut d.agenda_item),
                item,
            ),
            ReflectionEdit::SetSummary(text) => {
                set_text(Some(&mut reflection.summary), text, LONG_TEXT)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removing_a_dimension_removes_its_ratings() {
        let mut s = Session::create("Bilanz");
        let (first, second) = (s.reflection.dimensions[0].id, s.reflection.dimensions[1].id);
        let entry = ReflectionEntryId::generate();
        s.reflection.entries.push(ReflectionEntry {
            id: entry,
            ratings: [(first, 4), (second, 2)].into(),
            ..ReflectionEntry::default()
        });
        assert!(ReflectionEdit::RemoveDimension(first).apply(&mut s));
        assert_eq!(
            s.reflection.entries[0].ratings,
            [(second, 2)].into(),
            "no rating on a dimension that is gone"
        );
    }

    #[test]
    fn ratings_stay_within_the_scale_and_the_scale_within_reason() {
        let mut s = Session::create("Bilanz");
        let dimension = s.reflection.dimensions[0].id;
        let entry = ReflectionEntryId::generate();
        s.reflection.entries.push(ReflectionEntry {
            id: entry,
            ..ReflectionEntry::default()
        });
        let rate = |value| ReflectionEdit::SetRating {
            entry,
            dimension,
            value,
        };
        assert!(!rate(Some(9)).apply(&mut s), "9 is outside 1–5");
        assert!(rate(Some(5)).apply(&mut s));
        assert!(
            !ReflectionEdit::SetScale {
                min: i32::MIN,
                max: i32::MAX
            }
            .apply(&mut s)
        );
        assert!(!ReflectionEdit::SetScale { min: 3, max: 3 }.apply(&mut s));
        assert!(ReflectionEdit::SetScale { min: -2, max: 2 }.apply(&mut s));
        assert!(
            s.reflection.entries[0].ratings.is_empty(),
            "5 is no longer on the scale"
        );
    }
}
