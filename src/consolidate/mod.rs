//! Several sessions become one result. Every element keeps its id and remembers the session
//! it came from; boards with the same title become one board; clusters, action items and
//! results with equal titles (after normalisation) merge by rule, similar ones are proposed
//! to the facilitator, whose decisions are kept for the next run. The same inputs always give
//! the same output. No egui here, and no IO: the caller reads the inputs and writes the result.

use std::collections::{BTreeMap, BTreeSet};

use uuid::Uuid;

use crate::model::{
    ActionItem, ActionStatus, Agenda, Board, BoardId, Card, Cluster, ClusterId, Credits, Decision,
    DecisionState, Dimension, DimensionId, Due, MergeDecision, MergeKind, Metadata, Participant,
    Photo, Provenance, Reflection, ReflectionEntry, SCHEMA_VERSION, Session, SessionId,
    SourceSession,
};

/// One input: the session and the folder it was read from.
#[derive(Clone, Debug)]
pub struct Input {
    pub folder: String,
    pub session: Session,
}

/// A photo to copy into the result's folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhotoCopy {
    /// Folder of the source session, and the photo's path inside it.
    pub from_folder: String,
    pub from_path: String,
    /// Path inside the result's folder.
    pub to_path: String,
}

/// The consolidated session and the photos to copy.
#[derive(Clone, Debug)]
pub struct Consolidation {
    pub session: Session,
    pub photos: Vec<PhotoCopy>,
}

/// Lower case, umlauts folded, punctuation dropped, spaces collapsed: "Offene  Daten!" and
/// "offene daten" are the same title.
pub fn normalise(title: &str) -> String {
    crate::board::grouping::words(title).join(" ")
}

/// Whether two titles are alike without being equal: they share most of their word stems,
/// or one contains the other.
pub fn similar(a: &str, b: &str) -> bool {
    let (na, nb) = (normalise(a), normalise(b));
    if na.is_empty() || nb.is_empty() || na == nb {
        return false;
    }
    if na.contains(&nb) || nb.contains(&na) {
        return true;
    }
    let stems = |t: &str| -> BTreeSet<String> {
        crate::board::grouping::words(t)
            .iter()
            .filter(|w| w.len() > 2)
            .map(|w| crate::board::grouping::stem(w))
            .collect()
    };
    let (sa, sb) = (stems(a), stems(b));
    let shared = sa.intersection(&sb).count();
    let union = sa.union(&sb).count();
    union > 0 && shared * 2 >= union
}

/// A deterministic id from other ids (so the same inputs give the same output).
fn derived_id(parts: impl IntoIterator<Item = Uuid>, salt: &str) -> Uuid {
    // Two FNV-1a streams make 128 bits; not cryptographic, only stable.
    let mut a: u64 = 0xcbf2_9ce4_8422_2325;
    let mut b: u64 = 0x8422_2325_cbf2_9ce4;
    let mut feed = |bytes: &[u8]| {
        for &byte in bytes {
            a = (a ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
            b = (b ^ u64::from(byte.rotate_left(3))).wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    feed(salt.as_bytes());
    for part in parts {
        feed(part.as_bytes());
    }
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&a.to_be_bytes());
    bytes[8..].copy_from_slice(&b.to_be_bytes());
    uuid::Builder::from_custom_bytes(bytes).into_uuid()
}

/// An element that may merge: its id, a scope it must share with its partners (the board,
/// for clusters) and its title.
type Mergeable = (Uuid, usize, String);

/// Groups of element ids that become one: accepted decisions, equal titles (unless a
/// decision rejected that group), plus proposals for similar titles in the same scope.
#[allow(clippy::too_many_lines)]
fn plan_merges(
    kind: MergeKind,
    items: &[Mergeable],
    previous: &[MergeDecision],
) -> (Vec<Vec<Uuid>>, Vec<MergeDecision>) {
    {
        let previous: Vec<&MergeDecision> = previous.iter().filter(|d| d.kind == kind).collect();
        let index: BTreeMap<Uuid, usize> = items
            .iter()
            .enumerate()
            .map(|(i, (id, _, _))| (*id, i))
            .collect();
        let mut parent: Vec<usize> = (0..items.len()).collect();
        fn root(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        let union = |parent: &mut Vec<usize>, a: usize, b: usize| {
            let (ra, rb) = (root(parent, a), root(parent, b));
            parent[ra.max(rb)] = ra.min(rb);
        };
        let mut decisions: Vec<MergeDecision> = Vec::new();
        let rejected = |members: &[Uuid]| {
            previous.iter().any(|d| {
                d.state == DecisionState::Rejected && members.iter().all(|m| d.members.contains(m))
            })
        };
        // Earlier accepted merges hold, as far as their members are still there.
        for decision in previous
            .iter()
            .filter(|d| d.state == DecisionState::Accepted)
        {
            let present: Vec<usize> = decision
                .members
                .iter()
                .filter_map(|m| index.get(m).copied())
                .collect();
            for pair in present.windows(2) {
                union(&mut parent, pair[0], pair[1]);
            }
        }
        // Equal titles merge by rule, unless the facilitator split them before.
        let mut by_title: BTreeMap<(usize, String), Vec<usize>> = BTreeMap::new();
        for (i, (_, scope, title)) in items.iter().enumerate() {
            let key = normalise(title);
            if !key.is_empty() {
                by_title.entry((*scope, key)).or_default().push(i);
            }
        }
        for members in by_title.values().filter(|m| m.len() > 1) {
            let mut ids: Vec<Uuid> = members.iter().map(|&i| items[i].0).collect();
            ids.sort();
            if rejected(&ids) {
                continue;
            }
            for pair in members.windows(2) {
                union(&mut parent, pair[0], pair[1]);
            }
        }
        // The groups as they stand now; accepted decisions record them.
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..items.len() {
            let r = root(&mut parent, i);
            groups.entry(r).or_default().push(i);
        }
        for members in groups.values().filter(|m| m.len() > 1) {
            let mut ids: Vec<Uuid> = members.iter().map(|&i| items[i].0).collect();
            ids.sort();
            decisions.push(MergeDecision {
                kind,
                members: ids,
                state: DecisionState::Accepted,
            });
        }
        // Similar titles in different groups: proposals (kept if already decided).
        let roots: Vec<usize> = groups.keys().copied().collect();
        for (x, &ra) in roots.iter().enumerate() {
            for &rb in &roots[x + 1..] {
                let (a, b) = (&groups[&ra], &groups[&rb]);
                let is_similar = a.iter().any(|&i| {
                    b.iter()
                        .any(|&j| items[i].1 == items[j].1 && similar(&items[i].2, &items[j].2))
                });
                if !is_similar {
                    continue;
                }
                let mut ids: Vec<Uuid> = a.iter().chain(b).map(|&i| items[i].0).collect();
                ids.sort();
                let state = if rejected(&ids) {
                    DecisionState::Rejected
                } else {
                    DecisionState::Proposed
                };
                decisions.push(MergeDecision {
                    kind,
                    members: ids,
                    state,
                });
            }
        }
        // Rejections that no longer show up above are kept, so they hold next time too.
        for decision in previous
            .iter()
            .filter(|d| d.state == DecisionState::Rejected)
        {
            if !decisions.iter().any(|d| d.members == decision.members) {
                decisions.push((*decision).clone());
            }
        }
        let merged = groups
            .into_values()
            .map(|m| m.into_iter().map(|i| items[i].0).collect())
            .collect();
        (merged, decisions)
    }
}

/// Sessions copied from one another (a folder copied for the second day) share ids. Ids
/// already used by an earlier input (in the sorted order) are replaced by ids derived from
/// the session and the old id, everywhere they occur, so the result stays valid and stable.
fn with_unique_ids(inputs: &[Input]) -> Vec<Input> {
    let mut order: Vec<&Input> = inputs.iter().collect();
    order.sort_by(|a, b| {
        (
            a.session.meta.dates.first(),
            &a.session.meta.title,
            a.session.id,
            &a.folder,
        )
            .cmp(&(
                b.session.meta.dates.first(),
                &b.session.meta.title,
                b.session.id,
                &b.folder,
            ))
    });
    let mut seen: BTreeSet<Uuid> = BTreeSet::new();
    let mut out = Vec::with_capacity(inputs.len());
    for (n, input) in order.into_iter().enumerate() {
        let ids = input.session.element_ids();
        let taken: Vec<Uuid> = ids.iter().copied().filter(|id| seen.contains(id)).collect();
        if taken.is_empty() {
            seen.extend(ids);
            out.push(input.clone());
            continue;
        }
        // Every id is written as a quoted UUID in the RON text, references included.
        let mut text = crate::storage::to_ron(&input.session);
        for old in &taken {
            let new = derived_id([*old, Uuid::from_u128(n as u128)], "copy");
            text = text.replace(&format!("\"{old}\""), &format!("\"{new}\""));
        }
        let session: Session =
            ron::from_str(&text).expect("re-reading a session written a moment ago");
        seen.extend(session.element_ids());
        out.push(Input {
            folder: input.folder.clone(),
            session,
        });
    }
    out
}

/// Consolidates sessions. `previous` holds the decisions of an earlier run (or is empty).
#[allow(clippy::too_many_lines)]
pub fn consolidate(inputs: &[Input], previous: &[MergeDecision]) -> Consolidation {
    let owned = with_unique_ids(inputs);
    let mut inputs: Vec<&Input> = owned.iter().collect();
    inputs.sort_by(|a, b| {
        (
            a.session.meta.dates.first(),
            &a.session.meta.title,
            a.session.id,
        )
            .cmp(&(
                b.session.meta.dates.first(),
                &b.session.meta.title,
                b.session.id,
            ))
    });
    let mut origins: BTreeMap<Uuid, SessionId> = BTreeMap::new();
    let mut note = |id: Uuid, from: SessionId| {
        origins.insert(id, from);
    };

    // Metadata: everything joined, nothing invented.
    let mut meta = Metadata::default();
    let distinct = |values: Vec<&str>| -> Vec<String> {
        let mut seen = BTreeSet::new();
        values
            .into_iter()
            .map(str::trim)
            .filter(|v| !v.is_empty() && seen.insert(v.to_owned()))
            .map(str::to_owned)
            .collect()
    };
    let titles = distinct(
        inputs
            .iter()
            .map(|i| i.session.meta.title.as_str())
            .collect(),
    );
    let series = distinct(
        inputs
            .iter()
            .map(|i| i.session.meta.series.as_str())
            .collect(),
    );
    meta.title = match series.first() {
        Some(series) if !series.is_empty() => format!("{series} \u{2013} Konsolidierung"),
        _ => format!("Konsolidierung: {}", titles.join(" / ")),
    };
    meta.series = series.join(" / ");
    meta.organiser = distinct(
        inputs
            .iter()
            .map(|i| i.session.meta.organiser.as_str())
            .collect(),
    )
    .join(" / ");
    meta.location = distinct(
        inputs
            .iter()
            .map(|i| i.session.meta.location.as_str())
            .collect(),
    )
    .join(", ");
    meta.language = inputs
        .first()
        .map(|i| i.session.meta.language.clone())
        .unwrap_or_default();
    let mut dates: BTreeSet<jiff::civil::Date> = BTreeSet::new();
    let mut participants: Vec<Participant> = Vec::new();
    let mut seen_people: BTreeSet<(String, String)> = BTreeSet::new();
    let mut credits = Credits::default();
    for input in &inputs {
        let s = &input.session;
        dates.extend(s.meta.dates.iter().copied());
        for p in &s.meta.participants {
            if seen_people.insert((normalise(&p.name), normalise(&p.organisation))) {
                participants.push(p.clone());
                note(p.id.uuid(), s.id);
            }
        }
        credits.text.extend(s.meta.credits.text.iter().cloned());
        credits.photos.extend(s.meta.credits.photos.iter().cloned());
    }
    meta.dates = dates.into_iter().collect();
    meta.participants = participants;
    meta.moderators = distinct(
        inputs
            .iter()
            .flat_map(|i| i.session.meta.moderators.iter().map(String::as_str))
            .collect(),
    );
    meta.credits = Credits {
        text: distinct(credits.text.iter().map(String::as_str).collect()),
        photos: distinct(credits.photos.iter().map(String::as_str).collect()),
    };

    // Agenda: the days of every session, in order.
    let mut agenda = Agenda::default();
    for input in &inputs {
        for day in &input.session.agenda.days {
            note(day.id.uuid(), input.session.id);
            for item in &day.items {
                note(item.id.uuid(), input.session.id);
            }
            agenda.days.push(day.clone());
        }
    }

    // Boards: same title, one board. Clusters merge by the plan.
    let mut boards: Vec<Board> = Vec::new();
    let mut all_clusters: Vec<Mergeable> = Vec::new();
    let mut cluster_source: BTreeMap<Uuid, (usize, Cluster)> = BTreeMap::new();
    for input in &inputs {
        for board in &input.session.boards {
            let key = normalise(&board.title);
            let index = match boards.iter().position(|b| normalise(&b.title) == key) {
                Some(index) => index,
                None => {
                    boards.push(Board {
                        id: BoardId(derived_id([board.id.uuid()], "board")),
                        title: board.title.clone(),
                        question: board.question.clone(),
                        agenda_item: board.agenda_item,
                        axes: board.axes.clone(),
                        dots_per_person: board.dots_per_person,
                        ..Board::default()
                    });
                    boards.len() - 1
                }
            };
            note(board.id.uuid(), input.session.id);
            for card in &board.cards {
                boards[index].cards.push(Card { ..card.clone() });
                note(card.id.uuid(), input.session.id);
            }
            for cluster in &board.clusters {
                note(cluster.id.uuid(), input.session.id);
                all_clusters.push((cluster.id.uuid(), index, cluster.title.clone()));
                cluster_source.insert(cluster.id.uuid(), (index, cluster.clone()));
            }
        }
    }
    // The board is the scope: clusters only merge within one board.
    let (cluster_groups, mut decisions) = plan_merges(MergeKind::Cluster, &all_clusters, previous);
    for group in cluster_groups {
        let members: Vec<&(usize, Cluster)> = group
            .iter()
            .filter_map(|id| cluster_source.get(id))
            .collect();
        let Some((board_index, first)) = members.first().map(|(b, c)| (*b, c)) else {
            continue;
        };
        let id = if members.len() == 1 {
            first.id
        } else {
            ClusterId(derived_id(group.iter().copied(), "cluster"))
        };
        let mut cards = Vec::new();
        for (_, cluster) in &members {
            for card in &cluster.cards {
                if !cards.contains(card) {
                    cards.push(*card);
                }
            }
        }
        boards[board_index].clusters.push(Cluster {
            id,
            title: first.title.clone(),
            colour: first.colour,
            cards,
            votes: members.iter().map(|(_, c)| c.votes).sum(),
            is_collapsed: false,
        });
    }

    // Reflection: dimensions by name; entries keep their session through provenance.
    let mut reflection = Reflection::default();
    let mut dimension_ids: BTreeMap<String, DimensionId> = BTreeMap::new();
    for input in &inputs {
        let r = &input.session.reflection;
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
            note(entry.id.uuid(), input.session.id);
        }
        reflection.dissent.extend(r.dissent.iter().cloned());
        if !r.summary.trim().is_empty() {
            if !reflection.summary.is_empty() {
                reflection.summary.push_str("\n\n");
            }
            reflection.summary.push_str(&format!(
                "{}: {}",
                input.session.meta.title,
                r.summary.trim()
            ));
        }
    }

    // Photos: copied into photos/<n>-<name>, with their credits.
    let mut photos: Vec<Photo> = Vec::new();
    let mut copies = Vec::new();
    for (n, input) in inputs.iter().enumerate() {
        for photo in &input.session.photos {
            let name = photo.path.rsplit(['/', '\\']).next().unwrap_or(&photo.path);
            let to_path = format!("photos/{}-{name}", n + 1);
            copies.push(PhotoCopy {
                from_folder: input.folder.clone(),
                from_path: photo.path.clone(),
                to_path: to_path.clone(),
            });
            photos.push(Photo {
                path: to_path,
                ..photo.clone()
            });
            note(photo.id.uuid(), input.session.id);
        }
    }

    // Results and action items: equal titles merge, similar ones are proposed.
    let mut results_in: Vec<Decision> = Vec::new();
    let mut actions_in: Vec<ActionItem> = Vec::new();
    for input in &inputs {
        for result in &input.session.results {
            results_in.push(result.clone());
            note(result.id.uuid(), input.session.id);
        }
        for item in &input.session.action_items {
            actions_in.push(item.clone());
            note(item.id.uuid(), input.session.id);
        }
    }
    let result_keys: Vec<Mergeable> = results_in
        .iter()
        .map(|r| (r.id.uuid(), 0, r.text.clone()))
        .collect();
    let (result_groups, result_decisions) = plan_merges(MergeKind::Result, &result_keys, previous);
    decisions.extend(result_decisions);
    let results = result_groups
        .iter()
        .filter_map(|group| {
            let first = results_in.iter().find(|r| group.contains(&r.id.uuid()))?;
            Some(first.clone())
        })
        .collect();
    let action_keys: Vec<Mergeable> = actions_in
        .iter()
        .map(|a| (a.id.uuid(), 0, a.title.clone()))
        .collect();
    let (action_groups, action_decisions) =
        plan_merges(MergeKind::ActionItem, &action_keys, previous);
    decisions.extend(action_decisions);
    let action_items = action_groups
        .iter()
        .filter_map(|group| {
            let members: Vec<&ActionItem> = actions_in
                .iter()
                .filter(|a| group.contains(&a.id.uuid()))
                .collect();
            let first = *members.first()?;
            let owners: Vec<&str> = members.iter().map(|a| a.owner.as_str()).collect();
            Some(ActionItem {
                owner: distinct(owners).join(", "),
                // The earliest date wins; "by the next meeting" over "open".
                due: members
                    .iter()
                    .map(|a| a.due)
                    .min_by_key(|due| match due {
                        Due::On(date) => (0, Some(*date)),
                        Due::NextMeeting => (1, None),
                        Due::Open => (2, None),
                    })
                    .unwrap_or_default(),
                // Done only when every copy is done.
                status: members
                    .iter()
                    .map(|a| a.status)
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

    let next_meeting = inputs
        .iter()
        .rev()
        .find_map(|i| i.session.next_meeting.clone());
    let notes = inputs
        .iter()
        .filter(|i| !i.session.notes.trim().is_empty())
        .map(|i| format!("{}:\n{}", i.session.meta.title, i.session.notes.trim()))
        .collect::<Vec<_>>()
        .join("\n\n");
    let sources = inputs
        .iter()
        .map(|i| SourceSession {
            id: i.session.id,
            title: i.session.meta.title.clone(),
            dates: i.session.meta.dates.clone(),
            path: i.folder.clone(),
        })
        .collect();
    let session = Session {
        schema_version: SCHEMA_VERSION,
        id: SessionId(derived_id(
            inputs.iter().map(|i| i.session.id.uuid()),
            "consolidation",
        )),
        meta,
        agenda,
        boards,
        reflection,
        photos,
        results,
        action_items,
        next_meeting,
        notes,
        provenance: Some(Provenance {
            sources,
            origins,
            decisions,
        }),
    };
    Consolidation {
        session,
        photos: copies,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_normalise_and_compare() {
        assert_eq!(normalise("  Offene   Daten! "), "offene daten");
        assert_eq!(
            normalise("Bürgerbeteiligung"),
            normalise("Buergerbeteiligung")
        );
        assert!(similar("Beteiligung", "Beteiligung von Jugendlichen"));
        assert!(similar(
            "Offene Daten bereitstellen",
            "offene Daten veröffentlichen"
        ));
        assert!(!similar("Transparenz", "Zusammenarbeit"));
        assert!(
            !similar("Offene Daten", "offene daten"),
            "equal is not 'similar'"
        );
    }

    #[test]
    fn derived_ids_are_stable_and_differ_by_input() {
        let a = Uuid::from_u128(1);
        let b = Uuid::from_u128(2);
        assert_eq!(derived_id([a, b], "x"), derived_id([a, b], "x"));
        assert_ne!(derived_id([a, b], "x"), derived_id([b, a], "x"));
        assert_ne!(derived_id([a], "x"), derived_id([a], "y"));
    }
}
