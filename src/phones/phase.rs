//! What phones may do now, and what they hand to the app.

use std::sync::Arc;

use uuid::Uuid;

/// Cards one phone may write in one phase, unless the app says otherwise.
pub const DEFAULT_CARDS_PER_PHASE: u32 = 10;

/// What phones may do right now; the app sets it with [`super::Room::set_phase`].
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Phase {
    /// Nothing: the phones show a waiting page.
    #[default]
    Waiting,
    /// Write cards for a board, answering its question.
    Cards {
        /// The board the cards are for.
        board: Uuid,
        /// The board's title.
        title: String,
        /// The question the cards answer (may be empty).
        question: String,
        /// Cards one phone may write in this phase (0 counts as
        /// [`DEFAULT_CARDS_PER_PHASE`]; at most [`super::Limits::max_cards_per_phase`]).
        max_cards: u32,
    },
    /// Place dots on the cards and clusters of a board.
    Dots {
        /// The board being voted on.
        board: Uuid,
        /// The board's title.
        title: String,
        /// Dots per person on this board; 0 = no limit (then [`super::Limits::dot_cap`]).
        budget: u32,
        /// The cards and clusters that can take a dot.
        targets: Vec<DotTarget>,
    },
    /// Rate the reflection's dimensions on a scale.
    Ratings {
        /// Each dimension's id and name.
        dimensions: Vec<(Uuid, String)>,
        /// The lowest step of the scale.
        min: i32,
        /// The highest step of the scale.
        max: i32,
        /// What the lowest step means (may be empty).
        low_label: String,
        /// What the highest step means (may be empty).
        high_label: String,
        /// When true, phones send no name; otherwise they may give an organisation's name.
        is_anonymous: bool,
    },
}

impl Phase {
    /// A card phase with the default number of cards per phone.
    pub fn cards(board: Uuid, title: impl Into<String>, question: impl Into<String>) -> Self {
        Phase::Cards {
            board,
            title: title.into(),
            question: question.into(),
            max_cards: DEFAULT_CARDS_PER_PHASE,
        }
    }
}

/// A card or cluster that can take a dot.
#[derive(Clone, Debug, PartialEq)]
pub struct DotTarget {
    /// The card's or cluster's id.
    pub id: Uuid,
    /// Its text (a cluster: its title).
    pub text: String,
    /// Whether it is a cluster.
    pub is_cluster: bool,
}

/// A contribution the server accepted, sent to the app exactly once.
///
/// `device` is the phone's small number in this room (1, 2, 3, …) so the app can show
/// "phone 3"; it identifies nothing outside the room and is not meant to be saved.
#[derive(Clone, Debug, PartialEq)]
pub enum Arrival {
    /// A card for the inbox of the board of the current [`Phase::Cards`].
    Card {
        /// The phone's number.
        device: u32,
        /// The board the card was written for.
        board: Uuid,
        /// The card's text: trimmed, NFC, `\n` line breaks, 1..=2,000 characters.
        text: String,
        /// The name the participant gave, or empty.
        author: String,
    },
    /// One dot on a card or cluster.
    Dot {
        /// The phone's number.
        device: u32,
        /// The board.
        board: Uuid,
        /// The card or cluster.
        target: Uuid,
    },
    /// The phone took back one of its own dots from a card or cluster.
    DotTakenBack {
        /// The phone's number.
        device: u32,
        /// The board.
        board: Uuid,
        /// The card or cluster.
        target: Uuid,
    },
    /// Ratings of one or more dimensions (each dimension at most once per phone).
    Rating {
        /// The phone's number.
        device: u32,
        /// Dimension id and value, within the scale.
        ratings: Vec<(Uuid, i32)>,
        /// An organisation's name, or empty (always empty when anonymous).
        name: String,
        /// A comment, or empty.
        comment: String,
    },
}

impl Arrival {
    /// The number of the phone it came from.
    pub fn device(&self) -> u32 {
        match self {
            Arrival::Card { device, .. }
            | Arrival::Dot { device, .. }
            | Arrival::DotTakenBack { device, .. }
            | Arrival::Rating { device, .. } => *device,
        }
    }
}

/// Called after each accepted contribution is on the channel, e.g. to request a repaint.
/// Called on the server's thread: it must return quickly and must not block.
pub type Wake = Arc<dyn Fn() + Send + Sync>;
