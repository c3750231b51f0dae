//! What the workshops of a consolidation produced besides their boards: reflection, photos,
//! results, action items and free texts. Elements two sessions share (a copied session's
//! entries and photos, the same note) are kept once, with every source.

use std::collections::{BTreeMap, HashMap};

use uuid::Uuid;

use super::merge::{Mergeable, plan_merges};
use super::{Input, PhotoCopy, Sources};
use crate::ids::DimensionId;
use crate::photos::Photo;
use crate::reflection::{Dimension, Reflection, ReflectionEntry};
use crate::results::{ActionItem, ActionStatus, Decision, Due};
use crate::session::{MergeDecision, MergeKind};
use crate::text::normalise;

/// The reflections of the inputs pooled: dimensions by name, each entry once (copies of the
/// same entry are one), identical dissent and summaries once.
pub(super) fn merge_reflection(
    inputs: &[&Input],
    originals: &HashMap<Uuid, Uuid>,
    sources: &mut Sources,
    labels: &dyn Fn(&[usize]) -> String,
) -> Reflection {
    let original = |id: Uuid| originals.get(&id).copied().unwrap_or(id);
    let mut reflection = Reflection::default();
    let mut dimension_ids: BTreeMap<String, DimensionId> = BTreeMap::new();
    let mut entries_by_original: HashMap<Uuid, Uuid> = HashMap::new();
    let mut summaries: Vec<(String, Vec<usize>)> = Vec::new();
    for (n, input) in inputs.iter().enumerate() {
        let r = &input.session.reflection;
        let session = input.session.id;
        if reflection.dimensions.is_empty() {
            reflection.scale = r.scale.clone();
        }
        reflection.is_anonymous |= r.is_anonymous;
        for dimension in &r.dimensions {
            dimension_ids
                .entry(normalise(&dimension.name))
                .or_insert_with(|| {
                    reflection.dimensions.push(Dimension {
                        id: dimension.id,
                        name: dimension.name.clone(),
                    });
                    dimension.id
                });
        }
        for entry in &r.entries {
            if let Some(kept) = entries_by_original.get(&original(entry.id.uuid())) {
                sources.also(*kept, session);
                continue;
            }
            entries_by_original.insert(original(entry.id.uuid()), entry.id.uuid());
            let ratings = entry
                .ratings
                .iter()
                .filter_map(|(dim, value)| {
                    let name = r.dimensions.iter().find(|d| d.id == *dim)?.name.as_str();
                    Some((*dimension_ids.get(&normalise(name))?, *value))
                })
                .collect();
            reflection.entries.push(ReflectionEntry {
                ratings,
                ..entry.clone()
            });
            sources.note(entry.id.uuid(), session);
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
        gather_text(&mut summaries, &r.summary, n);
    }
    reflection.summary = labelled_texts(&summaries, labels);
    reflection
}

/// Adds a text to those gathered so far: the same text from another source is one text
/// with both sources.
pub(super) fn gather_text(texts: &mut Vec<(String, Vec<usize>)>, text: &str, source: usize) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    match texts
        .iter_mut()
        .find(|(known, _)| normalise(known) == normalise(text))
    {
        Some((_, from)) => from.push(source),
        None => texts.push((text.to_owned(), vec![source])),
    }
}

/// Gathered texts, each once, headed by the labels of its sources when there is more than
/// one source in all ("W1, W2:").
pub(super) fn labelled_texts(
    texts: &[(String, Vec<usize>)],
    labels: &dyn Fn(&[usize]) -> String,
) -> String {
    if texts.len() == 1 {
        return texts[0].0.clone();
    }
    texts
        .iter()
        .map(|(text, from)| format!("{}:\n{text}", labels(from)))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The photos of the inputs, each once (a copied session's photo is the same photo), with
/// the copies to make into the result's folder.
pub(super) fn merge_photos(
    inputs: &[&Input],
    originals: &HashMap<Uuid, Uuid>,
    sources: &mut Sources,
) -> (Vec<Photo>, Vec<PhotoCopy>) {
    let original = |id: Uuid| originals.get(&id).copied().unwrap_or(id);
    let mut photos: Vec<Photo> = Vec::new();
    let mut copies = Vec::new();
    let mut by_original: HashMap<Uuid, Uuid> = HashMap::new();
    for (n, input) in inputs.iter().enumerate() {
        for photo in &input.session.photos {
            if let Some(kept) = by_original.get(&original(photo.id.uuid())) {
                sources.also(*kept, input.session.id);
                continue;
            }
            by_original.insert(original(photo.id.uuid()), photo.id.uuid());
            let name = photo.path.rsplit(['/', '\\']).next().unwrap_or(&photo.path);
            let to_path = format!("photos/{}-{name}", n + 1);
            copies.push(PhotoCopy {
                from_folder: input.absolute.clone(),
                from_path: photo.path.clone(),
                to_path: to_path.clone(),
            });
            photos.push(Photo {
                path: to_path,
                ..photo.clone()
            });
            sources.note(photo.id.uuid(), input.session.id);
        }
    }
    (photos, copies)
}

/// Results and action items: equal titles merge, similar ones are proposed; a merged one
/// credits every session it came from.
pub(super) fn merge_outcomes(
    inputs: &[&Input],
    previous: &[MergeDecision],
    sources: &mut Sources,
) -> (Vec<Decision>, Vec<ActionItem>, Vec<MergeDecision>) {
    let mut results_in: Vec<(Decision, crate::ids::SessionId)> = Vec::new();
    let mut actions_in: Vec<(ActionItem, crate::ids::SessionId)> = Vec::new();
    for input in inputs {
        for result in &input.session.results {
            results_in.push((result.clone(), input.session.id));
            sources.note(result.id.uuid(), input.session.id);
        }
        for item in &input.session.action_items {
            actions_in.push((item.clone(), input.session.id));
            sources.note(item.id.uuid(), input.session.id);
        }
    }
    let result_keys: Vec<Mergeable> = results_in
        .iter()
        .map(|(r, _)| (r.id.uuid(), 0, r.text.clone()))
        .collect();
    let (result_groups, mut decisions) = plan_merges(MergeKind::Result, &result_keys, previous);
    let results = result_groups
        .iter()
        .filter_map(|group| {
            let members: Vec<&(Decision, _)> = results_in
                .iter()
                .filter(|(r, _)| group.contains(&r.id.uuid()))
                .collect();
            let (first, _) = members.first()?;
            for (_, from) in &members[1..] {
                sources.also(first.id.uuid(), *from);
            }
            Some(first.clone())
        })
        .collect();
    let action_keys: Vec<Mergeable> = actions_in
        .iter()
        .map(|(a, _)| (a.id.uuid(), 0, a.title.clone()))
        .collect();
    let (action_groups, action_decisions) =
        plan_merges(MergeKind::ActionItem, &action_keys, previous);
    decisions.extend(action_decisions);
    let action_items = action_groups
        .iter()
        .filter_map(|group| {
            let members: Vec<&(ActionItem, _)> = actions_in
                .iter()
                .filter(|(a, _)| group.contains(&a.id.uuid()))
                .collect();
            let (first, _) = members.first()?;
            for (_, from) in &members[1..] {
                sources.also(first.id.uuid(), *from);
            }
            let owners: Vec<&str> = members.iter().map(|(a, _)| a.owner.as_str()).collect();
            Some(ActionItem {
                owner: super::distinct(owners).join(", "),
                // The earliest date wins; "by the next meeting" over "open".
                due: members
                    .iter()
                    .map(|(a, _)| a.due)
                    .min_by_key(|due| match due {
                        Due::On(date) => (0, Some(*date)),
                        Due::NextMeeting => (1, None),
                        Due::Open => (2, None),
                    })
                    .unwrap_or_default(),
                // Done only when every copy is done.
                status: members
                    .iter()
                    .map(|(a, _)| a.status)
                    .min_by_key(|s| match s {
                        ActionStatus::Open => 0,
                        ActionStatus::InProgress => 1,
                        ActionStatus::Done => 2,
                        ActionStatus::Dropped => 3,
                    })
                    .unwrap_or_default(),
                ..first.clone()
            })
        })
        .collect();
    (results, action_items, decisions)
}
