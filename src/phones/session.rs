//! Between the phones and the session: what phones may do now, taken from the session, and
//! what each arrival changes in it. The app and `moderato serve` both call these, so a card,
//! a dot or a rating from a phone means the same in both.

use std::collections::HashMap;

use crate::board::edit::{BoardEdit, VoteTarget};
use crate::board::{Board, CardColour, CardShape};
use crate::ids::{BoardId, CardId, ClusterId, DimensionId, ReflectionEntryId};
use crate::origin::Origin;
use crate::reflection::ReflectionEntry;
use crate::reflection::edit::{EntryText, ReflectionEdit};
use crate::session::Session;
use crate::session::edit::Edit;

use super::{Arrival, DotTarget, Phase};

/// What the moderator lets phones do right now.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Allow {
    /// Nothing: phones show a waiting page.
    #[default]
    Nothing,
    /// Write cards for the chosen board.
    Cards,
    /// Place dots on the chosen board.
    Dots,
    /// Rate the reflection's dimensions.
    Ratings,
}

impl Allow {
    /// Every choice, in the order the app offers them.
    pub const ALL: [Allow; 4] = [Allow::Nothing, Allow::Cards, Allow::Dots, Allow::Ratings];

    /// The word on the command line (`--allow cards`, stdin `dots`).
    pub fn word(self) -> &'static str {
        match self {
            Allow::Nothing => "nothing",
            Allow::Cards => "cards",
            Allow::Dots => "dots",
            Allow::Ratings => "ratings",
        }
    }

    /// The choice a word names (`waiting` is another word for nothing).
    pub fn parse(word: &str) -> Option<Allow> {
        match word.trim().to_lowercase().as_str() {
            "nothing" | "waiting" | "none" => Some(Allow::Nothing),
            "cards" => Some(Allow::Cards),
            "dots" => Some(Allow::Dots),
            "ratings" => Some(Allow::Ratings),
            _ => None,
        }
    }

    /// Whether this choice needs a board.
    pub fn needs_board(self) -> bool {
        matches!(self, Allow::Cards | Allow::Dots)
    }
}

/// The phase phones see for `allow` on `board`: the board's title and question, its cards
/// and clusters to dot, the reflection's dimensions and scale. Waiting when what is allowed
/// has nothing to work on (no such board, no dimensions).
pub fn phase_for(session: &Session, allow: Allow, board: Option<BoardId>) -> Phase {
    let board = board.and_then(|id| session.boards.iter().find(|b| b.id == id));
    match (allow, board) {
        (Allow::Cards, Some(board)) => Phase::Cards {
            board: board.id.uuid(),
            title: board.title.clone(),
            question: board.question.clone(),
            max_cards: 0,
        },
        (Allow::Dots, Some(board)) => Phase::Dots {
            board: board.id.uuid(),
            title: board.title.clone(),
            budget: board.dots_per_person,
            targets: dot_targets(board),
        },
        (Allow::Ratings, _) if !session.reflection.dimensions.is_empty() => {
            let reflection = &session.reflection;
            Phase::Ratings {
                dimensions: reflection
                    .dimensions
                    .iter()
                    .map(|d| (d.id.uuid(), d.name.clone()))
                    .collect(),
                min: reflection.scale.min,
                max: reflection.scale.max,
                low_label: reflection.scale.low_label.clone(),
                high_label: reflection.scale.high_label.clone(),
                is_anonymous: reflection.is_anonymous,
            }
        }
        _ => Phase::Waiting,
    }
}

/// The clusters (by title) and the cards (headings left out) of a board, as phones dot them.
fn dot_targets(board: &Board) -> Vec<DotTarget> {
    let clusters = board.clusters.iter().map(|cluster| DotTarget {
        id: cluster.id.uuid(),
        text: cluster.title.clone(),
        is_cluster: true,
    });
    let cards = board
        .cards
        .iter()
        .filter(|card| card.shape != CardShape::Heading && !card.text.trim().is_empty())
        .map(|card| DotTarget {
            id: card.id.uuid(),
            text: card.text.clone(),
            is_cluster: false,
        });
    clusters.chain(cards).collect()
}

/// A card from a phone, waiting for the moderator to accept, edit or delete it.
#[derive(Clone, Debug, PartialEq)]
pub struct InboxCard {
    pub board: BoardId,
    pub text: String,
    /// The name the participant gave, or empty.
    pub author: String,
}

impl InboxCard {
    /// The edit that puts this card on its board's wall in free space (near a point when
    /// given), marked as written on a phone.
    pub fn accept(&self, board: &Board, id: CardId, near: Option<(f32, f32)>) -> BoardEdit {
        let look = (CardColour::Yellow, CardShape::Card);
        let mut card =
            crate::board::cards::new_card(board, id, &self.text, &self.author, look, near);
        card.source = Origin::Phone;
        BoardEdit::AddCard(board.id, card)
    }
}

/// Which reflection entry each phone's ratings went into, so that a phone that rates in
/// two requests stays one entry. Only in memory: device numbers are never saved.
#[derive(Clone, Debug, Default)]
pub struct PhoneEntries(HashMap<u32, ReflectionEntryId>);

/// What an arrival asks of the session.
#[derive(Clone, Debug, PartialEq)]
pub enum Received {
    /// A card for the inbox (or, where the moderator chose so, straight for the wall).
    Card(InboxCard),
    /// Edits to apply as they are (dots, ratings), in this order.
    Edits(Vec<Edit>),
    /// Nothing: the board or target is gone since the phone saw it.
    Nothing,
}

/// What `arrival` asks of `session`. Dots go to the card or cluster the phone chose (the
/// server already held the phone's budget); ratings go into the phone's own entry, new the
/// first time, marked as from a phone, with the name it gave (never its device number).
pub fn receive(session: &Session, arrival: Arrival, entries: &mut PhoneEntries) -> Received {
    match arrival {
        Arrival::Card {
            board,
            text,
            author,
            ..
        } => {
            let board = BoardId(board);
            if session.boards.iter().any(|b| b.id == board) {
                Received::Card(InboxCard {
                    board,
                    text,
                    author,
                })
            } else {
                Received::Nothing
            }
        }
        Arrival::Dot { board, target, .. } => dot(session, board, target, true),
        Arrival::DotTakenBack { board, target, .. } => dot(session, board, target, false),
        Arrival::Rating {
            device,
            ratings,
            name,
            comment,
        } => rating(session, device, ratings, name, comment, entries),
    }
}

fn dot(session: &Session, board: uuid::Uuid, target: uuid::Uuid, add: bool) -> Received {
    let Some(found) = session.boards.iter().find(|b| b.id.uuid() == board) else {
        return Received::Nothing;
    };
    let target = if found.card(CardId(target)).is_some() {
        VoteTarget::Card(CardId(target))
    } else if found.cluster(ClusterId(target)).is_some() {
        VoteTarget::Cluster(ClusterId(target))
    } else {
        return Received::Nothing;
    };
    Received::Edits(vec![
        BoardEdit::PhoneDot {
            board: found.id,
            target,
            add,
        }
        .into(),
    ])
}

fn rating(
    session: &Session,
    device: u32,
    ratings: Vec<(uuid::Uuid, i32)>,
    name: String,
    comment: String,
    entries: &mut PhoneEntries,
) -> Received {
    let reflection = &session.reflection;
    let known = |id: &DimensionId| reflection.dimensions.iter().any(|d| d.id == *id);
    let in_scale = |value: &i32| (reflection.scale.min..=reflection.scale.max).contains(value);
    let ratings: Vec<(DimensionId, i32)> = ratings
        .into_iter()
        .map(|(id, value)| (DimensionId(id), value))
        .filter(|(id, value)| known(id) && in_scale(value))
        .collect();
    if ratings.is_empty() {
        return Received::Nothing;
    }
    let existing = entries
        .0
        .get(&device)
        .copied()
        .filter(|id| reflection.entries.iter().any(|e| e.id == *id));
    let Some(entry) = existing else {
        let id = ReflectionEntryId::generate();
        entries.0.insert(device, id);
        let entry = ReflectionEntry {
            id,
            who: if reflection.is_anonymous {
                String::new()
            } else {
                name
            },
            ratings: ratings.into_iter().collect(),
            comment,
            source: Origin::Phone,
        };
        return Received::Edits(vec![ReflectionEdit::AddEntry(entry).into()]);
    };
    let mut edits: Vec<Edit> = ratings
        .into_iter()
        .map(|(dimension, value)| {
            ReflectionEdit::SetRating {
                entry,
                dimension,
                value: Some(value),
            }
            .into()
        })
        .collect();
    if !comment.is_empty() {
        edits.push(ReflectionEdit::SetEntryText(entry, EntryText::Comment, comment).into());
    }
    if !name.is_empty() && !reflection.is_anonymous {
        edits.push(ReflectionEdit::SetEntryText(entry, EntryText::Who, name).into());
    }
    Received::Edits(edits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::board::edit::BoardEdit;

    fn example() -> Session {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sessions/open-government-2017/session.ron");
        let text = std::fs::read_to_string(&path).unwrap();
        crate::storage::from_ron(&text, &path).unwrap()
    }

    fn apply(session: &mut Session, received: Received) {
        let Received::Edits(edits) = received else {
            panic!("expected edits, got {received:?}");
        };
        for edit in edits {
            assert!(edit.apply(session), "an edit that changes nothing");
        }
    }

    #[test]
    fn phases_come_from_the_session() {
        let session = example();
        let board = &session.boards[0];
        let Phase::Dots {
            targets, budget, ..
        } = phase_for(&session, Allow::Dots, Some(board.id))
        else {
            panic!("a dot phase");
        };
        assert_eq!(budget, board.dots_per_person);
        assert_eq!(
            targets.len(),
            board.clusters.len() + {
                let cards = board.cards.iter();
                cards
                    .filter(|c| c.shape != CardShape::Heading && !c.text.trim().is_empty())
                    .count()
            }
        );
        assert_eq!(phase_for(&session, Allow::Cards, None), Phase::Waiting);
        assert_eq!(
            phase_for(&session, Allow::Nothing, Some(board.id)),
            Phase::Waiting
        );
        assert!(matches!(
            phase_for(&session, Allow::Ratings, None),
            Phase::Ratings { dimensions, .. } if dimensions.len() == session.reflection.dimensions.len()
        ));
    }

    #[test]
    fn a_phone_dot_counts_and_is_marked_and_taken_back() {
        let mut session = example();
        let board = session.boards[0].id;
        let card = session.boards[0].cards[0].id;
        let before = session.boards[0].num_votes();
        let mut entries = PhoneEntries::default();
        let dot = |add| {
            let (board, target) = (board.uuid(), card.uuid());
            if add {
                Arrival::Dot {
                    device: 1,
                    board,
                    target,
                }
            } else {
                Arrival::DotTakenBack {
                    device: 1,
                    board,
                    target,
                }
            }
        };
        let received = receive(&session, dot(true), &mut entries);
        apply(&mut session, received);
        assert_eq!(session.boards[0].num_votes(), before + 1);
        assert_eq!(session.boards[0].cards[0].phone_votes, 1);
        let received = receive(&session, dot(false), &mut entries);
        apply(&mut session, received);
        assert_eq!(session.boards[0].num_votes(), before);
        assert_eq!(session.boards[0].cards[0].phone_votes, 0);
        // A dot given on the laptop is not a phone's to take back.
        let edit = BoardEdit::PhoneDot {
            board,
            target: VoteTarget::Card(card),
            add: false,
        };
        assert!(!edit.apply(&mut session));
    }

    #[test]
    fn one_phone_is_one_entry_even_over_two_requests() {
        let mut session = example();
        session.reflection.is_anonymous = false;
        let dims: Vec<_> = session.reflection.dimensions.iter().map(|d| d.id).collect();
        let before = session.reflection.entries.len();
        let mut entries = PhoneEntries::default();
        let first = Arrival::Rating {
            device: 7,
            ratings: vec![(dims[0].uuid(), 4)],
            name: "Stadt Jülich".into(),
            comment: String::new(),
        };
        let received = receive(&session, first, &mut entries);
        apply(&mut session, received);
        let second = Arrival::Rating {
            device: 7,
            ratings: vec![(dims[1].uuid(), 2)],
            name: String::new(),
            comment: "Gute Runde".into(),
        };
        let received = receive(&session, second, &mut entries);
        apply(&mut session, received);
        assert_eq!(session.reflection.entries.len(), before + 1);
        let entry = session.reflection.entries.last().unwrap();
        assert_eq!(entry.source, Origin::Phone);
        assert_eq!(entry.who, "Stadt Jülich");
        assert_eq!(entry.comment, "Gute Runde");
        assert_eq!(entry.ratings.get(&dims[0]), Some(&4));
        assert_eq!(entry.ratings.get(&dims[1]), Some(&2));
        // Out of scale or unknown: nothing changes.
        let wrong = Arrival::Rating {
            device: 8,
            ratings: vec![(dims[0].uuid(), 99), (uuid::Uuid::from_u128(5), 3)],
            name: String::new(),
            comment: String::new(),
        };
        assert_eq!(receive(&session, wrong, &mut entries), Received::Nothing);
    }

    #[test]
    fn an_accepted_card_is_marked_and_saved_as_from_a_phone() {
        let mut session = example();
        let board = session.boards[0].id;
        let mut entries = PhoneEntries::default();
        let arrival = Arrival::Card {
            device: 3,
            board: board.uuid(),
            text: "Mehr Bänke am Markt".into(),
            author: String::new(),
        };
        let Received::Card(card) = receive(&session, arrival, &mut entries) else {
            panic!("a card for the inbox");
        };
        let id = CardId::generate();
        let edit = card.accept(&session.boards[0], id, None);
        assert!(Edit::from(edit).apply(&mut session));
        let saved = crate::storage::to_ron(&session);
        assert!(saved.contains("source: phone"), "the file marks the card");
        assert!(!saved.contains("device"), "no device in the file");
        let back = crate::storage::from_ron(&saved, std::path::Path::new("x.ron")).unwrap();
        assert_eq!(back.boards[0].card(id).unwrap().source, Origin::Phone);
    }
}
