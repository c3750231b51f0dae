//! What the workshops of a consolidation produced besides their boards, agenda and
//! reflection: photos, results, action items, the next meeting and free texts. Elements two
//! sessions share (a copied session's photos, the same note) are kept once, with every
//! source; where they disagree, each source's value is recorded with what was kept.

use std::collections::HashMap;

use uuid::Uuid;

use super::conflicts::{Recorder, Versions};
use super::merge::{Mergeable, plan_merges};
use super::{Input, PhotoCopy, Sources};
use crate::ids::SessionId;
use crate::photos::Photo;
use crate::results::{ActionItem, ActionStatus, Decision, Due};
use crate::session::{
    ConflictField, ConflictKind, Kept, MergeDecision, MergeKind, SourceValue, Value,
};
use crate::text::normalise;

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
/// the copies to make into the result's folder; where copies of a photo carry another
/// caption or photographer, the first source's is kept and the difference recorded.
pub(super) fn merge_photos(
    inputs: &[&Input],
    originals: &HashMap<Uuid, Uuid>,
    sources: &mut Sources,
    recorder: &mut Recorder<'_>,
) -> (Vec<Photo>, Vec<PhotoCopy>) {
    let original = |id: Uuid| originals.get(&id).copied().unwrap_or(id);
    let mut photos: Vec<Photo> = Vec::new();
    let mut copies = Vec::new();
    let mut by_original: HashMap<Uuid, Uuid> = HashMap::new();
    let mut versions: Versions<(String, String)> = Versions::default();
    for (n, input) in inputs.iter().enumerate() {
        for photo in &input.session.photos {
            let id = photo.id.uuid();
            let kept = *by_original.entry(original(id)).or_insert(id);
            let said = (
                photo.caption.trim().to_owned(),
                photo.photographer.trim().to_owned(),
            );
            versions.file(original(id), kept, said, input.session.id, |_, _| false);
            if kept != id {
                sources.also(kept, input.session.id);
                continue;
            }
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
            sources.note(id, input.session.id);
        }
    }
    for shared in versions.shared() {
        let Some(first) = shared.first() else {
            continue;
        };
        let what = (ConflictKind::Photo, first.content.0.as_str());
        recorder.field(what, shared, ConflictField::Caption, Kept::First, |c| {
            Value::Text(c.0.clone())
        });
        recorder.field(
            what,
            shared,
            ConflictField::Photographer,
            Kept::First,
            |c| Value::Text(c.1.clone()),
        );
    }
    (photos, copies)
}

/// Results: equal texts merge, similar ones are proposed; a merged one credits every
/// session it came from. A result a copy reworded stays in both words, and says so.
pub(super) fn merge_results(
    inputs: &[&Input],
    previous: &[MergeDecision],
    originals: &HashMap<Uuid, Uuid>,
    sources: &mut Sources,
    recorder: &mut Recorder<'_>,
) -> (Vec<Decision>, Vec<MergeDecision>) {
    let mut results_in: Vec<(Decision, SessionId)> = Vec::new();
    for input in inputs {
        for result in &input.session.results {
            results_in.push((result.clone(), input.session.id));
            sources.note(result.id.uuid(), input.session.id);
        }
    }
    let keys: Vec<Mergeable> = results_in
        .iter()
        .map(|(r, _)| (r.id.uuid(), 0, r.text.clone()))
        .collect();
    let (groups, decisions) = plan_merges(MergeKind::Result, &keys, previous);
    let name_of = |id: &Uuid| {
        results_in
            .iter()
            .find(|(r, _)| r.id.uuid() == *id)
            .map(|(r, s)| (r.text.clone(), *s))
    };
    let decisions = super::merge::named(decisions, &name_of);
    let mut kept_in: HashMap<Uuid, Uuid> = HashMap::new();
    let results = groups
        .iter()
        .filter_map(|group| {
            let members: Vec<&(Decision, SessionId)> = results_in
                .iter()
                .filter(|(r, _)| group.contains(&r.id.uuid()))
                .collect();
            let (first, _) = members.first()?;
            for (member, from) in &members {
                kept_in.insert(member.id.uuid(), first.id.uuid());
                if member.id != first.id {
                    sources.also(first.id.uuid(), *from);
                }
            }
            Some(first.clone())
        })
        .collect();
    let original = |id: Uuid| originals.get(&id).copied().unwrap_or(id);
    let mut versions: Versions<String> = Versions::default();
    for (result, from) in &results_in {
        let id = result.id.uuid();
        let kept = kept_in.get(&id).copied().unwrap_or(id);
        let text = result.text.trim().to_owned();
        versions.file(original(id), kept, text, *from, |_, _| false);
    }
    for shared in versions.shared() {
        let Some(first) = shared.first() else {
            continue;
        };
        if shared.iter().all(|v| v.id == first.id) {
            continue;
        }
        let what = (ConflictKind::Result, first.content.as_str());
        recorder.field(what, shared, ConflictField::Text, Kept::Both, |t| {
            Value::Text(t.clone())
        });
    }
    (results, decisions)
}

/// Action items: equal titles merge, similar ones are proposed. A merged item credits every
/// session it came from and joins their owners; its due date is the earliest, and it is
/// done only when every source says so. Where the sources disagree, each one's value is
/// recorded with the rule that decided.
pub(super) fn merge_actions(
    inputs: &[&Input],
    previous: &[MergeDecision],
    sources: &mut Sources,
    recorder: &mut Recorder<'_>,
) -> (Vec<ActionItem>, Vec<MergeDecision>) {
    let mut actions_in: Vec<(ActionItem, SessionId)> = Vec::new();
    for input in inputs {
        for item in &input.session.action_items {
            actions_in.push((item.clone(), input.session.id));
            sources.note(item.id.uuid(), input.session.id);
        }
    }
    let keys: Vec<Mergeable> = actions_in
        .iter()
        .map(|(a, _)| (a.id.uuid(), 0, a.title.clone()))
        .collect();
    let (groups, decisions) = plan_merges(MergeKind::ActionItem, &keys, previous);
    let name_of = |id: &Uuid| {
        actions_in
            .iter()
            .find(|(a, _)| a.id.uuid() == *id)
            .map(|(a, s)| (a.title.clone(), *s))
    };
    let decisions = super::merge::named(decisions, &name_of);
    let items = groups
        .iter()
        .filter_map(|group| {
            let members: Vec<&(ActionItem, SessionId)> = actions_in
                .iter()
                .filter(|(a, _)| group.contains(&a.id.uuid()))
                .collect();
            let (first, _) = members.first()?;
            for (member, from) in &members {
                if member.id != first.id {
                    sources.also(first.id.uuid(), *from);
                }
            }
            record_action_conflicts(first, &members, recorder);
            Some(merged_action(first, &members))
        })
        .collect();
    (items, decisions)
}

/// One action item for a group of equal ones.
fn merged_action(first: &ActionItem, members: &[&(ActionItem, SessionId)]) -> ActionItem {
    let owners: Vec<&str> = members.iter().map(|(a, _)| a.owner.as_str()).collect();
    ActionItem {
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
    }
}

/// What the sources of a merged action item disagree about.
fn record_action_conflicts(
    first: &ActionItem,
    members: &[&(ActionItem, SessionId)],
    recorder: &mut Recorder<'_>,
) {
    let what = (
        ConflictKind::ActionItem,
        first.id.uuid(),
        first.title.as_str(),
    );
    let values = |value: &dyn Fn(&ActionItem) -> Value| -> Vec<SourceValue> {
        members
            .iter()
            .map(|(item, source)| SourceValue {
                source: *source,
                value: value(item),
            })
            .collect()
    };
    recorder.values(
        what,
        ConflictField::Status,
        Kept::DoneOnlyWhenAll,
        values(&|a| Value::Status(a.status)),
    );
    recorder.values(
        what,
        ConflictField::Owner,
        Kept::Joined,
        values(&|a| Value::Text(a.owner.trim().to_owned())),
    );
    recorder.values(
        what,
        ConflictField::Due,
        Kept::Earliest,
        values(&|a| Value::Due(a.due)),
    );
}

/// The next meeting: the newest source's; where sources name different ones, each is
/// recorded.
pub(super) fn next_meeting(
    inputs: &[&Input],
    recorder: &mut Recorder<'_>,
) -> Option<crate::results::NextMeeting> {
    let named: Vec<(&crate::results::NextMeeting, SessionId)> = inputs
        .iter()
        .filter_map(|i| Some((i.session.next_meeting.as_ref()?, i.session.id)))
        .collect();
    let values = |value: &dyn Fn(&crate::results::NextMeeting) -> Value| -> Vec<SourceValue> {
        named
            .iter()
            .map(|(next, source)| SourceValue {
                source: *source,
                value: value(next),
            })
            .collect()
    };
    let what = (ConflictKind::NextMeeting, Uuid::nil(), "");
    recorder.values(
        what,
        ConflictField::Dates,
        Kept::Last,
        values(&|n| Value::Dates(n.dates.clone())),
    );
    recorder.values(
        what,
        ConflictField::Place,
        Kept::Last,
        values(&|n| Value::Text(n.place.trim().to_owned())),
    );
    named.last().map(|(next, _)| (*next).clone())
}
