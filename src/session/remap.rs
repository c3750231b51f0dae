//! Replacing ids throughout a session: every element's own id and every reference to it,
//! in one pass over the data.

use std::collections::{BTreeMap, HashMap};

use uuid::Uuid;

use crate::photos::PhotoLink;
use crate::results::SourceLink;
use crate::session::Session;

impl Session {
    /// Replaces every id found in `map` wherever it occurs: the elements' own ids, the
    /// references between them (cluster members, links, sources, ratings), and the
    /// provenance of an earlier consolidation. Linear in the session's size.
    pub fn remap_ids(&mut self, map: &HashMap<Uuid, Uuid>) {
        if map.is_empty() {
            return;
        }
        let swap = |id: &mut Uuid| {
            if let Some(new) = map.get(id) {
                *id = *new;
            }
        };
        swap(&mut self.id.0);
        for p in &mut self.meta.participants {
            swap(&mut p.id.0);
        }
        for day in &mut self.agenda.days {
            swap(&mut day.id.0);
            for item in &mut day.items {
                swap(&mut item.id.0);
            }
        }
        for board in &mut self.boards {
            swap(&mut board.id.0);
            if let Some(item) = &mut board.agenda_item {
                swap(&mut item.0);
            }
            for card in &mut board.cards {
                swap(&mut card.id.0);
            }
            for cluster in &mut board.clusters {
                swap(&mut cluster.id.0);
                for card in &mut cluster.cards {
                    swap(&mut card.0);
                }
            }
        }
        let reflection = &mut self.reflection;
        for dimension in &mut reflection.dimensions {
            swap(&mut dimension.id.0);
        }
        for entry in &mut reflection.entries {
            swap(&mut entry.id.0);
            entry.ratings = std::mem::take(&mut entry.ratings)
                .into_iter()
                .map(|(mut dimension, value)| {
                    swap(&mut dimension.0);
                    (dimension, value)
                })
                .collect();
        }
        for dissent in &mut reflection.dissent {
            if let Some(item) = &mut dissent.agenda_item {
                swap(&mut item.0);
            }
        }
        for photo in &mut self.photos {
            swap(&mut photo.id.0);
            match &mut photo.link {
                Some(PhotoLink::AgendaItem(id)) => swap(&mut id.0),
                Some(PhotoLink::Board(id)) => swap(&mut id.0),
                Some(PhotoLink::Cluster(id)) => swap(&mut id.0),
                None => {}
            }
        }
        let swap_source = |source: &mut Option<SourceLink>| match source {
            Some(SourceLink::AgendaItem(id)) => swap(&mut id.0),
            Some(SourceLink::Board(id)) => swap(&mut id.0),
            Some(SourceLink::Cluster(id)) => swap(&mut id.0),
            None => {}
        };
        for result in &mut self.results {
            swap(&mut result.id.0);
            swap_source(&mut result.source);
        }
        for item in &mut self.action_items {
            swap(&mut item.id.0);
            swap_source(&mut item.source);
        }
        if let Some(provenance) = &mut self.provenance {
            for source in &mut provenance.sources {
                swap(&mut source.id.0);
            }
            provenance.origins = std::mem::take(&mut provenance.origins)
                .into_iter()
                .map(|(mut element, mut session)| {
                    swap(&mut element);
                    swap(&mut session.0);
                    (element, session)
                })
                .collect::<BTreeMap<_, _>>();
            provenance.also = std::mem::take(&mut provenance.also)
                .into_iter()
                .map(|(mut element, mut sessions)| {
                    swap(&mut element);
                    for session in &mut sessions {
                        swap(&mut session.0);
                    }
                    (element, sessions)
                })
                .collect::<BTreeMap<_, _>>();
            for decision in &mut provenance.decisions {
                for member in &mut decision.members {
                    swap(member);
                }
                decision.members.sort();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::{AgendaDay, AgendaItem};
    use crate::board::{Board, Card, Cluster};
    use crate::ids::{
        ActionItemId, AgendaDayId, AgendaItemId, BoardId, CardId, ClusterId, PhotoId,
        ReflectionEntryId,
    };
    use crate::photos::{Photo, PhotoLink};
    use crate::reflection::ReflectionEntry;
    use crate::results::{ActionItem, SourceLink};
    use crate::session::Session;

    #[test]
    fn every_id_and_every_reference_moves_together() {
        let mut s = Session::create("Werkstatt");
        let item = AgendaItemId::generate();
        s.agenda.days.push(AgendaDay {
            id: AgendaDayId::generate(),
            items: vec![AgendaItem {
                id: item,
                ..AgendaItem::default()
            }],
            ..AgendaDay::default()
        });
        let card = CardId::generate();
        let cluster = ClusterId::generate();
        let board = BoardId::generate();
        s.boards.push(Board {
            id: board,
            agenda_item: Some(item),
            cards: vec![Card {
                id: card,
                ..Card::default()
            }],
            clusters: vec![Cluster {
                id: cluster,
                cards: vec![card],
                ..Cluster::default()
            }],
            ..Board::default()
        });
        let dimension = s.reflection.dimensions[0].id;
        s.reflection.entries.push(ReflectionEntry {
            id: ReflectionEntryId::generate(),
            ratings: [(dimension, 4)].into(),
            ..ReflectionEntry::default()
        });
        s.photos.push(Photo {
            id: PhotoId::generate(),
            path: "photos/a.jpg".into(),
            link: Some(PhotoLink::Cluster(cluster)),
            ..Photo::default()
        });
        s.action_items.push(ActionItem {
            id: ActionItemId::generate(),
            source: Some(SourceLink::Board(board)),
            ..ActionItem::default()
        });
        let map: HashMap<Uuid, Uuid> = s
            .element_ids()
            .into_iter()
            .map(|id| (id, Uuid::now_v7()))
            .collect();
        let before = s.clone();
        s.remap_ids(&map);
        let new = |id: Uuid| map[&id];
        assert_eq!(s.id.uuid(), new(before.id.uuid()));
        let b = &s.boards[0];
        assert_eq!(b.agenda_item.map(|i| i.uuid()), Some(new(item.uuid())));
        assert_eq!(b.clusters[0].cards[0].uuid(), new(card.uuid()));
        assert_eq!(b.cards[0].id.uuid(), new(card.uuid()));
        let rated = *s.reflection.entries[0].ratings.keys().next().unwrap();
        assert_eq!(rated, s.reflection.dimensions[0].id);
        assert_eq!(
            s.photos[0].link,
            Some(PhotoLink::Cluster(ClusterId(new(cluster.uuid()))))
        );
        assert_eq!(
            s.action_items[0].source,
            Some(SourceLink::Board(BoardId(new(board.uuid()))))
        );
        assert!(s.problems().is_empty(), "{:?}", s.problems());
        assert!(
            before
                .element_ids()
                .iter()
                .all(|old| !s.element_ids().contains(old)),
            "no old id is left"
        );
    }
}
