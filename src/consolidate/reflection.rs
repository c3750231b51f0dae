//! The reflections of the inputs pooled: dimensions by name, each entry once with every
//! source that has it. An entry two sources share but rate differently (a copy edited
//! afterwards) is kept in both versions, each with its source, so each source's figures are
//! its own; the difference is recorded as a conflict.

use std::collections::{BTreeMap, HashMap};

use uuid::Uuid;

use super::conflicts::{Recorder, Versions};
use super::{Input, Sources};
use crate::ids::DimensionId;
use crate::reflection::{Dimension, Reflection, ReflectionEntry};
use crate::session::{ConflictField, ConflictKind, Kept, Value};
use crate::text::normalise;

/// What an entry says, independent of ids: who, the comment, the ratings by dimension name.
#[derive(Clone, PartialEq)]
struct Said {
    who: String,
    comment: String,
    ratings: BTreeMap<String, i32>,
}

/// The reflections pooled (see the module's text).
pub(super) fn merge_reflection(
    inputs: &[&Input],
    originals: &HashMap<Uuid, Uuid>,
    sources: &mut Sources,
    recorder: &mut Recorder<'_>,
    labels: &dyn Fn(&[usize]) -> String,
) -> Reflection {
    let original = |id: Uuid| originals.get(&id).copied().unwrap_or(id);
    let mut reflection = Reflection::default();
    let mut dimension_ids: BTreeMap<String, DimensionId> = BTreeMap::new();
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let mut versions: Versions<Said> = Versions::default();
    let mut summaries: Vec<(String, Vec<usize>)> = Vec::new();
    let mut scales = Vec::new();
    for (n, input) in inputs.iter().enumerate() {
        let r = &input.session.reflection;
        let session = input.session.id;
        if reflection.dimensions.is_empty() {
            reflection.scale = r.scale.clone();
        }
        scales.push((session, r.scale.clone()));
        reflection.is_anonymous |= r.is_anonymous;
        for dimension in &r.dimensions {
            let key = normalise(&dimension.name);
            names
                .entry(key.clone())
                .or_insert_with(|| dimension.name.clone());
            dimension_ids.entry(key).or_insert_with(|| {
                reflection.dimensions.push(Dimension {
                    id: dimension.id,
                    name: dimension.name.clone(),
                });
                dimension.id
            });
        }
        let name_of = |id: DimensionId| {
            r.dimensions
                .iter()
                .find(|d| d.id == id)
                .map(|d| normalise(&d.name))
        };
        for entry in &r.entries {
            let said = Said {
                who: entry.who.trim().to_owned(),
                comment: entry.comment.trim().to_owned(),
                ratings: entry
                    .ratings
                    .iter()
                    .filter_map(|(dim, value)| Some((name_of(*dim)?, *value)))
                    .collect(),
            };
            let same = |a: &Said, b: &Said| a == b;
            let id = entry.id.uuid();
            if let Some(kept) = versions.file(original(id), id, said.clone(), session, same) {
                sources.also(kept, session);
                continue;
            }
            let ratings = said
                .ratings
                .iter()
                .filter_map(|(name, value)| Some((*dimension_ids.get(name)?, *value)))
                .collect();
            reflection.entries.push(ReflectionEntry {
                ratings,
                ..entry.clone()
            });
            sources.note(id, session);
        }
        for dissent in &r.dissent {
            let known = reflection
                .dissent
                .iter()
                .any(|d| normalise(&d.statement) == normalise(&dissent.statement));
            if !known {
                reflection.dissent.push(dissent.clone());
            }
        }
        super::outcomes::gather_text(&mut summaries, &r.summary, n);
    }
    record_entry_conflicts(&versions, &names, recorder);
    record_scale_conflict(&scales, recorder);
    reflection.summary = super::outcomes::labelled_texts(&summaries, labels);
    reflection
}

/// Every rating, comment and name that copies of one entry disagree about.
fn record_entry_conflicts(
    versions: &Versions<Said>,
    names: &BTreeMap<String, String>,
    recorder: &mut Recorder<'_>,
) {
    for shared in versions.shared() {
        let Some(first) = shared.first() else {
            continue;
        };
        let name = first.content.who.clone();
        let what = (ConflictKind::ReflectionEntry, name.as_str());
        for (key, dimension) in names {
            recorder.field(
                what,
                shared,
                ConflictField::Rating(dimension.clone()),
                Kept::Both,
                |said| Value::Rating(said.ratings.get(key).copied()),
            );
        }
        recorder.field(what, shared, ConflictField::Comment, Kept::Both, |said| {
            Value::Text(said.comment.clone())
        });
        recorder.field(what, shared, ConflictField::Who, Kept::Both, |said| {
            Value::Text(said.who.clone())
        });
    }
}

/// Sources rating on different scales: the first source's scale is kept, and said so.
fn record_scale_conflict(
    scales: &[(crate::ids::SessionId, crate::reflection::Scale)],
    recorder: &mut Recorder<'_>,
) {
    let values: Vec<crate::session::SourceValue> = scales
        .iter()
        .map(|(source, scale)| crate::session::SourceValue {
            source: *source,
            value: Value::Text(format!("{}\u{2013}{}", scale.min, scale.max)),
        })
        .collect();
    recorder.values(
        (ConflictKind::Scale, Uuid::nil(), ""),
        ConflictField::Scale,
        Kept::First,
        values,
    );
}
