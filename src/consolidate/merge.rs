//! Which clusters, action items and results of different sessions are one: equal titles by
//! rule, similar titles as proposals, and the facilitator's earlier decisions.

use std::collections::{BTreeMap, BTreeSet};

use uuid::Uuid;

use crate::text::{normalise, stem, words};

use crate::session::{DecisionState, MergeDecision, MergeKind};

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
        words(t)
            .iter()
            .filter(|w| w.len() > 2)
            .map(|w| stem(w))
            .collect()
    };
    let (sa, sb) = (stems(a), stems(b));
    let shared = sa.intersection(&sb).count();
    let union = sa.union(&sb).count();
    union > 0 && shared * 2 >= union
}

/// Decisions with each member named: its title and the session it came from (members that
/// are not in this consolidation any more keep the names they had).
pub(super) fn named(
    decisions: Vec<MergeDecision>,
    name_of: &dyn Fn(&Uuid) -> Option<(String, crate::ids::SessionId)>,
) -> Vec<MergeDecision> {
    decisions
        .into_iter()
        .map(|mut decision| {
            let known = std::mem::take(&mut decision.names);
            decision.names = decision
                .members
                .iter()
                .filter_map(|id| match name_of(id) {
                    Some((title, source)) => Some(crate::session::MemberName {
                        id: *id,
                        title,
                        source,
                    }),
                    None => known.iter().find(|n| n.id == *id).cloned(),
                })
                .collect();
            decision
        })
        .collect()
}

/// A deterministic id from other ids (so the same inputs give the same output).
pub(super) fn derived_id(parts: impl IntoIterator<Item = Uuid>, salt: &str) -> Uuid {
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
pub(super) type Mergeable = (Uuid, usize, String);

/// Groups of element ids that become one: accepted decisions, equal titles (unless a
/// decision rejected that group), plus proposals for similar titles in the same scope.
pub(super) fn plan_merges(
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
                names: Vec::new(),
            });
        }
        // Similar titles in different groups: proposals (kept if already decided).
        decisions.extend(proposals(kind, items, &groups, &rejected));
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

/// Groups with similar titles in the same scope, proposed to the facilitator to merge (or
/// kept apart, where an earlier decision rejected them).
fn proposals(
    kind: MergeKind,
    items: &[Mergeable],
    groups: &BTreeMap<usize, Vec<usize>>,
    rejected: &dyn Fn(&[Uuid]) -> bool,
) -> Vec<MergeDecision> {
    let mut decisions = Vec::new();
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
                names: Vec::new(),
            });
        }
    }
    decisions
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
