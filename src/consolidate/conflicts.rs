//! Where sources disagree. Sessions copied from one another (a copy edited afterwards, a
//! template used twice) share element ids; the consolidation files each source's version
//! of such an element here, keeps equal versions once (with every source), and records a
//! [`Conflict`] for every field the versions disagree about, with each source's value and
//! what was kept.

use std::collections::HashMap;

use uuid::Uuid;

use crate::ids::SessionId;
use crate::session::{Conflict, ConflictField, ConflictKind, Kept, SourceValue, Value};

/// One version of a shared element: the element the result keeps for it, its content, and
/// the sources that have exactly this version.
pub(super) struct Version<C> {
    pub id: Uuid,
    pub content: C,
    pub sources: Vec<SessionId>,
}

/// The versions of shared elements, by the id they had in the session they were copied
/// from.
pub(super) struct Versions<C> {
    by_original: HashMap<Uuid, Vec<Version<C>>>,
    /// Originals in the order they were first seen, so conflicts come out in a stable order.
    order: Vec<Uuid>,
}

impl<C> Default for Versions<C> {
    fn default() -> Self {
        Self {
            by_original: HashMap::new(),
            order: Vec::new(),
        }
    }
}

impl<C> Versions<C> {
    /// Files a source's version; when an equal version is kept already (`same`), returns
    /// its id and adds the source to it; otherwise files it as a version of its own, kept
    /// as `id`.
    pub fn file(
        &mut self,
        original: Uuid,
        id: Uuid,
        content: C,
        source: SessionId,
        same: impl Fn(&C, &C) -> bool,
    ) -> Option<Uuid> {
        let versions = self.by_original.entry(original).or_insert_with(|| {
            self.order.push(original);
            Vec::new()
        });
        if let Some(version) = versions.iter_mut().find(|v| same(&v.content, &content)) {
            if !version.sources.contains(&source) {
                version.sources.push(source);
            }
            return Some(version.id);
        }
        versions.push(Version {
            id,
            content,
            sources: vec![source],
        });
        None
    }

    /// Every element that more than one source had, with all its versions (one or more).
    pub fn shared(&self) -> impl Iterator<Item = &[Version<C>]> {
        self.order
            .iter()
            .filter_map(|original| self.by_original.get(original))
            .filter(|versions| versions.iter().map(|v| v.sources.len()).sum::<usize>() > 1)
            .map(Vec::as_slice)
    }
}

/// Builds conflicts in the order of the sources.
pub(super) struct Recorder<'a> {
    /// The sources in the consolidation's order.
    pub order: &'a [SessionId],
    pub conflicts: Vec<Conflict>,
}

impl Recorder<'_> {
    /// Records a conflict when the sources' values of a field differ.
    pub fn field<C>(
        &mut self,
        (kind, name): (ConflictKind, &str),
        versions: &[Version<C>],
        field: ConflictField,
        kept: Kept,
        value: impl Fn(&C) -> Value,
    ) {
        let Some(first) = versions.first() else {
            return;
        };
        let mut values: Vec<SourceValue> = versions
            .iter()
            .flat_map(|v| {
                let value = value(&v.content);
                v.sources.iter().map(move |source| SourceValue {
                    source: *source,
                    value: value.clone(),
                })
            })
            .collect();
        values.sort_by_key(|v| self.rank(v.source));
        let differs = values.windows(2).any(|w| w[0].value != w[1].value);
        if differs {
            self.conflicts.push(Conflict {
                kind,
                element: first.id,
                name: name.to_owned(),
                field,
                values,
                kept,
            });
        }
    }

    /// Records a conflict from values gathered by hand (members of a merged group).
    pub fn values(
        &mut self,
        (kind, element, name): (ConflictKind, Uuid, &str),
        field: ConflictField,
        kept: Kept,
        mut values: Vec<SourceValue>,
    ) {
        values.sort_by_key(|v| self.rank(v.source));
        if values.windows(2).any(|w| w[0].value != w[1].value) {
            self.conflicts.push(Conflict {
                kind,
                element,
                name: name.to_owned(),
                field,
                values,
                kept,
            });
        }
    }

    fn rank(&self, source: SessionId) -> usize {
        self.order
            .iter()
            .position(|s| *s == source)
            .unwrap_or(usize::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_versions_are_one_and_different_ones_a_conflict() {
        let (a, b, c) = (
            SessionId(Uuid::from_u128(1)),
            SessionId(Uuid::from_u128(2)),
            SessionId(Uuid::from_u128(3)),
        );
        let original = Uuid::from_u128(10);
        let mut versions: Versions<i32> = Versions::default();
        let same = |x: &i32, y: &i32| x == y;
        assert_eq!(
            versions.file(original, Uuid::from_u128(11), 4, a, same),
            None
        );
        assert_eq!(
            versions.file(original, Uuid::from_u128(12), 4, b, same),
            Some(Uuid::from_u128(11)),
            "an equal copy is the same element"
        );
        assert_eq!(
            versions.file(original, Uuid::from_u128(13), 3, c, same),
            None
        );
        let order = [a, b, c];
        let mut recorder = Recorder {
            order: &order,
            conflicts: Vec::new(),
        };
        for shared in versions.shared() {
            recorder.field(
                (ConflictKind::ReflectionEntry, "Nordheim"),
                shared,
                ConflictField::Rating("Inhalt".into()),
                Kept::Both,
                |v| Value::Rating(Some(*v)),
            );
        }
        let conflict = &recorder.conflicts[0];
        assert_eq!(conflict.element, Uuid::from_u128(11));
        let values: Vec<(SessionId, Value)> = conflict
            .values
            .iter()
            .map(|v| (v.source, v.value.clone()))
            .collect();
        assert_eq!(
            values,
            [
                (a, Value::Rating(Some(4))),
                (b, Value::Rating(Some(4))),
                (c, Value::Rating(Some(3)))
            ]
        );
    }
}
