//! Ids in a consolidation: derived deterministically from the inputs' ids, and renewed where
//! copied sessions share them.

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use super::Input;
use super::merge::derived_id;

/// Sessions copied from one another (a folder copied for the second day) share ids. Ids
/// already used by an earlier input (in the sorted order) are replaced by ids derived from
/// the old id and the input's position, everywhere they occur, so the result stays valid and
/// stable. Linear in the size of the inputs.
/// Also returns, for every renewed id, the id it had in its session: two copies of one card
/// are one card.
pub(super) fn with_unique_ids(inputs: &[Input]) -> (Vec<Input>, HashMap<Uuid, Uuid>) {
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
    let mut seen: HashSet<Uuid> = HashSet::new();
    let mut out = Vec::with_capacity(inputs.len());
    let mut originals = HashMap::new();
    for (n, input) in order.into_iter().enumerate() {
        let ids = input.session.element_ids();
        let position = Uuid::from_u128(n as u128);
        let map: HashMap<Uuid, Uuid> = ids
            .iter()
            .filter(|id| seen.contains(id))
            .map(|old| (*old, derived_id([*old, position], "copy")))
            .collect();
        let mut input = input.clone();
        input.session.remap_ids(&map);
        originals.extend(map.iter().map(|(old, new)| (*new, *old)));
        seen.extend(input.session.element_ids());
        out.push(input);
    }
    (out, originals)
}
