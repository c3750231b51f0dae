//! What a loaded session gets wrong in a way that can be put right without losing anything a
//! person wrote: a rating outside the scale, a link to something that is gone, times that run
//! backwards, a card far off the board. Loading repairs these and says what it did; the file
//! itself changes only when the moderator saves.

use std::collections::BTreeSet;

use super::Session;
use super::limits;
use super::problems::Element;
use crate::ids::{AgendaItemId, BoardId, ClusterId};
use crate::photos::PhotoLink;
use crate::results::SourceLink;

/// What was put right.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RepairKind {
    /// A rating outside the scale was removed.
    RatingOutsideScale { dimension: String, value: i32 },
    /// A rating of a dimension the session does not have was removed.
    RatingUnknownDimension,
    /// Cards the cluster lists but the board does not have (or lists twice) were taken out.
    MembersMissing { count: usize },
    /// A card listed in two clusters stays in the first, `first`.
    CardInTwoClusters { first: String },
    /// A link to an agenda item, board or cluster that does not exist was removed.
    LinkMissing,
    /// Times that ran backwards were set to the time of the event before.
    TimingBackwards { count: usize },
    /// A position far outside the board was moved to its edge.
    PositionMoved,
}

/// One repair, with the element it was made on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repair {
    pub element: Element,
    /// The element's title or text, shortened.
    pub label: String,
    pub kind: RepairKind,
}

/// The ids links may point to.
struct Targets {
    items: BTreeSet<AgendaItemId>,
    boards: BTreeSet<BoardId>,
    clusters: BTreeSet<ClusterId>,
}

impl Targets {
    fn of(session: &Session) -> Self {
        Self {
            items: session.agenda.items().map(|i| i.id).collect(),
            boards: session.boards.iter().map(|b| b.id).collect(),
            clusters: session
                .boards
                .iter()
                .flat_map(|b| b.clusters.iter().map(|c| c.id))
                .collect(),
        }
    }

    fn photo_link(&self, link: PhotoLink) -> bool {
        match link {
            PhotoLink::AgendaItem(id) => self.items.contains(&id),
            PhotoLink::Board(id) => self.boards.contains(&id),
            PhotoLink::Cluster(id) => self.clusters.contains(&id),
        }
    }

    fn source(&self, link: SourceLink) -> bool {
        match link {
            SourceLink::AgendaItem(id) => self.items.contains(&id),
            SourceLink::Board(id) => self.boards.contains(&id),
            SourceLink::Cluster(id) => self.clusters.contains(&id),
        }
    }
}

fn note(repairs: &mut Vec<Repair>, element: Element, label: &str, kind: RepairKind) {
    repairs.push(Repair {
        element,
        label: limits::label(label),
        kind,
    });
}

impl Session {
    /// Puts right what can be put right without losing what a person wrote, and says what.
    /// Run on a session without [`Session::problems`]; a session the app saved needs none.
    pub fn repair(&mut self) -> Vec<Repair> {
        let mut repairs = Vec::new();
        self.repair_ratings(&mut repairs);
        self.repair_boards(&mut repairs);
        self.repair_links(&mut repairs);
        self.repair_timing(&mut repairs);
        repairs
    }

    fn repair_ratings(&mut self, repairs: &mut Vec<Repair>) {
        let reflection = &mut self.reflection;
        let (min, max) = (reflection.scale.min, reflection.scale.max);
        let dimensions = &reflection.dimensions;
        for entry in &mut reflection.entries {
            let who = entry.who.clone();
            entry.ratings.retain(|id, value| {
                let Some(dimension) = dimensions.iter().find(|d| d.id == *id) else {
                    let kind = RepairKind::RatingUnknownDimension;
                    note(repairs, Element::ReflectionEntry, &who, kind);
                    return false;
                };
                if (min..=max).contains(value) {
                    return true;
                }
                let kind = RepairKind::RatingOutsideScale {
                    dimension: limits::label(&dimension.name),
                    value: *value,
                };
                note(repairs, Element::ReflectionEntry, &who, kind);
                false
            });
        }
    }

    fn repair_boards(&mut self, repairs: &mut Vec<Repair>) {
        for board in &mut self.boards {
            for card in &mut board.cards {
                let (x, y) = (
                    limits::clamp_position(card.x),
                    limits::clamp_position(card.y),
                );
                // Non-finite positions are refused as problems before this runs.
                if (x, y) != (card.x, card.y) && card.x.is_finite() && card.y.is_finite() {
                    card.x = x;
                    card.y = y;
                    note(
                        repairs,
                        Element::Card,
                        &card.text,
                        RepairKind::PositionMoved,
                    );
                }
            }
            let on_board: BTreeSet<_> = board.cards.iter().map(|c| c.id).collect();
            let mut placed = std::collections::BTreeMap::new();
            for cluster in &mut board.clusters {
                let mut listed = BTreeSet::new();
                let before = cluster.cards.len();
                cluster
                    .cards
                    .retain(|card| on_board.contains(card) && listed.insert(*card));
                let dropped = before - cluster.cards.len();
                if dropped > 0 {
                    let kind = RepairKind::MembersMissing { count: dropped };
                    note(repairs, Element::Cluster, &cluster.title, kind);
                }
                cluster.cards.retain(|card| match placed.entry(*card) {
                    std::collections::btree_map::Entry::Vacant(slot) => {
                        slot.insert(cluster.title.clone());
                        true
                    }
                    std::collections::btree_map::Entry::Occupied(first) => {
                        let text = on_board_text(&board.cards, *card);
                        let kind = RepairKind::CardInTwoClusters {
                            first: limits::label(first.get()),
                        };
                        note(repairs, Element::Card, text, kind);
                        false
                    }
                });
            }
        }
    }

    fn repair_links(&mut self, repairs: &mut Vec<Repair>) {
        let targets = Targets::of(self);
        for board in &mut self.boards {
            if board
                .agenda_item
                .is_some_and(|id| !targets.items.contains(&id))
            {
                board.agenda_item = None;
                note(
                    repairs,
                    Element::Board,
                    &board.title,
                    RepairKind::LinkMissing,
                );
            }
        }
        for dissent in &mut self.reflection.dissent {
            if dissent
                .agenda_item
                .is_some_and(|id| !targets.items.contains(&id))
            {
                dissent.agenda_item = None;
                let kind = RepairKind::LinkMissing;
                note(repairs, Element::Dissent, &dissent.statement, kind);
            }
        }
        for photo in &mut self.photos {
            if photo.link.is_some_and(|link| !targets.photo_link(link)) {
                photo.link = None;
                note(
                    repairs,
                    Element::Photo,
                    &photo.path,
                    RepairKind::LinkMissing,
                );
            }
        }
        for result in &mut self.results {
            if result.source.is_some_and(|link| !targets.source(link)) {
                result.source = None;
                note(
                    repairs,
                    Element::Result,
                    &result.text,
                    RepairKind::LinkMissing,
                );
            }
        }
        for item in &mut self.action_items {
            if item.source.is_some_and(|link| !targets.source(link)) {
                item.source = None;
                note(
                    repairs,
                    Element::ActionItem,
                    &item.title,
                    RepairKind::LinkMissing,
                );
            }
        }
    }

    fn repair_timing(&mut self, repairs: &mut Vec<Repair>) {
        for day in &mut self.agenda.days {
            for item in &mut day.items {
                let mut count = 0;
                for i in 1..item.timing.len() {
                    let before = item.timing[i - 1].at();
                    if item.timing[i].at() < before {
                        item.timing[i] = item.timing[i].at_time(before);
                        count += 1;
                    }
                }
                if count > 0 {
                    let kind = RepairKind::TimingBackwards { count };
                    note(repairs, Element::AgendaItem, &item.title, kind);
                }
            }
        }
    }
}

fn on_board_text(cards: &[crate::board::Card], id: crate::ids::CardId) -> &str {
    cards
        .iter()
        .find(|c| c.id == id)
        .map_or("", |c| c.text.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::{AgendaDay, AgendaItem, TimingEvent};
    use crate::board::{Board, Card, Cluster};
    use crate::ids::{AgendaDayId, CardId, ReflectionEntryId, ResultId};
    use crate::reflection::ReflectionEntry;
    use crate::results::Decision;

    fn ts(minute: i64) -> jiff::Timestamp {
        jiff::Timestamp::from_second(1_800_000_000 + minute * 60).unwrap()
    }

    #[test]
    fn a_saved_session_needs_no_repair() {
        let mut session = Session::create("Werkstatt");
        assert!(session.repair().is_empty());
    }

    #[test]
    fn ratings_outside_the_scale_or_of_unknown_dimensions_are_removed() {
        let mut session = Session::create("Werkstatt");
        let inhalt = session.reflection.dimensions[0].id;
        let struktur = session.reflection.dimensions[1].id;
        session.reflection.entries.push(ReflectionEntry {
            id: ReflectionEntryId::generate(),
            who: "Ana".into(),
            ratings: [
                (inhalt, 9),
                (struktur, 4),
                (crate::ids::DimensionId::generate(), 3),
            ]
            .into(),
            ..ReflectionEntry::default()
        });
        let repairs = session.repair();
        assert_eq!(repairs.len(), 2, "{repairs:?}");
        assert!(repairs.iter().any(|r| r.kind
            == RepairKind::RatingOutsideScale {
                dimension: "Inhalt".into(),
                value: 9
            }));
        let ratings = &session.reflection.entries[0].ratings;
        assert_eq!(ratings.len(), 1);
        assert_eq!(ratings[&struktur], 4);
    }

    #[test]
    fn clusters_keep_only_cards_of_their_board_once() {
        let mut session = Session::create("Werkstatt");
        let card = |text: &str| Card {
            id: CardId::generate(),
            text: text.into(),
            x: 0.2,
            y: 0.3,
            ..Card::default()
        };
        let (a, b) = (card("Radwege"), card("Bänke"));
        let cluster = |title: &str, cards: Vec<CardId>| Cluster {
            id: ClusterId::generate(),
            title: title.into(),
            cards,
            ..Cluster::default()
        };
        let stranger = CardId::generate();
        session.boards.push(Board {
            id: BoardId::generate(),
            clusters: vec![
                cluster("Verkehr", vec![a.id, a.id, stranger]),
                cluster("Stadt", vec![a.id, b.id]),
            ],
            cards: vec![a.clone(), b.clone()],
            ..Board::default()
        });
        let repairs = session.repair();
        let clusters = &session.boards[0].clusters;
        assert_eq!(clusters[0].cards, vec![a.id]);
        assert_eq!(clusters[1].cards, vec![b.id]);
        assert!(repairs.contains(&Repair {
            element: Element::Cluster,
            label: "Verkehr".into(),
            kind: RepairKind::MembersMissing { count: 2 },
        }));
        assert!(repairs.contains(&Repair {
            element: Element::Card,
            label: "Radwege".into(),
            kind: RepairKind::CardInTwoClusters {
                first: "Verkehr".into()
            },
        }));
    }

    #[test]
    fn links_to_missing_elements_are_removed_and_far_cards_moved() {
        let mut session = Session::create("Werkstatt");
        session.results.push(Decision {
            id: ResultId::generate(),
            text: "Mehr Bänke".into(),
            source: Some(SourceLink::Cluster(ClusterId::generate())),
        });
        session.boards.push(Board {
            id: BoardId::generate(),
            agenda_item: Some(AgendaItemId::generate()),
            cards: vec![Card {
                id: CardId::generate(),
                x: 1e30,
                y: 0.5,
                ..Card::default()
            }],
            ..Board::default()
        });
        let repairs = session.repair();
        assert_eq!(repairs.len(), 3, "{repairs:?}");
        assert_eq!(session.results[0].source, None);
        assert_eq!(session.boards[0].agenda_item, None);
        assert_eq!(session.boards[0].cards[0].x, limits::POSITION_MAX);
        assert_eq!(session.boards[0].cards[0].y, 0.5);
    }

    #[test]
    fn times_running_backwards_take_the_time_before() {
        let mut session = Session::create("Werkstatt");
        session.agenda.days.push(AgendaDay {
            id: AgendaDayId::generate(),
            items: vec![AgendaItem {
                id: AgendaItemId::generate(),
                title: "Einstieg".into(),
                timing: vec![TimingEvent::Started(ts(30)), TimingEvent::Ended(ts(10))],
                ..AgendaItem::default()
            }],
            ..AgendaDay::default()
        });
        let repairs = session.repair();
        assert_eq!(repairs.len(), 1);
        assert_eq!(
            session.agenda.days[0].items[0].timing,
            vec![TimingEvent::Started(ts(30)), TimingEvent::Ended(ts(30))]
        );
    }
}
