//! Boards (pin walls) with cards, axes and clusters.

use serde::{Deserialize, Serialize};

use crate::ids::{AgendaItemId, BoardId, CardId, ClusterId};
use crate::origin::Origin;

/// A pin wall: a question, cards on it, optionally axes for positioning.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Board {
    pub id: BoardId,
    pub title: String,
    pub question: String,
    pub agenda_item: Option<AgendaItemId>,
    pub axes: Option<Axes>,
    pub cards: Vec<Card>,
    pub clusters: Vec<Cluster>,
    /// Dots each participant may give in dot voting; 0 means no limit.
    pub dots_per_person: u32,
}

impl Board {
    /// The card with this id, if any.
    pub fn card(&self, id: CardId) -> Option<&Card> {
        self.cards.iter().find(|card| card.id == id)
    }

    /// The cluster with this id, if any.
    pub fn cluster(&self, id: ClusterId) -> Option<&Cluster> {
        self.clusters.iter().find(|cluster| cluster.id == id)
    }

    /// Sum of all dots on this board's cards and clusters.
    pub fn num_votes(&self) -> u64 {
        let clusters = self.clusters.iter().map(|cluster| cluster.votes);
        dots_total(0, self.cards.iter().map(|card| card.votes).chain(clusters))
    }

    /// A cluster's dots and its cards' dots together.
    pub fn cluster_votes(&self, cluster: &Cluster) -> u64 {
        let cards = cluster.cards.iter().filter_map(|id| self.card(*id));
        dots_total(cluster.votes, cards.map(|c| c.votes))
    }

    /// The cluster a card belongs to, if any.
    pub fn cluster_of(&self, card: CardId) -> Option<&Cluster> {
        self.clusters
            .iter()
            .find(|cluster| cluster.cards.contains(&card))
    }
}

/// Dots added up: a cluster's own dots and its cards', or a whole board's. Every count of
/// dots goes through here. In 64 bits, which no number of elements within the limits can
/// fill (saturating all the same: a sum of user numbers never wraps), so 100,000 cards of a
/// million dots each are counted, not cut.
pub fn dots_total(own: u32, more: impl Iterator<Item = u32>) -> u64 {
    more.map(u64::from)
        .fold(u64::from(own), u64::saturating_add)
}

/// Two axes for positioning ("Verortung"), each with a label at both ends.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Axes {
    /// Left and right end of the horizontal axis.
    pub x: AxisLabels,
    /// Bottom and top end of the vertical axis.
    pub y: AxisLabels,
    /// Labels of the four quadrants: top left, top right, bottom left, bottom right.
    pub quadrants: Option<[String; 4]>,
}

/// The labels at the two ends of one axis.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AxisLabels {
    pub low: String,
    pub high: String,
}

/// A card written by a participant, or a heading.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Card {
    pub id: CardId,
    pub text: String,
    /// Who wrote it: a person or an organisation such as a municipality.
    pub author: String,
    pub colour: CardColour,
    pub shape: CardShape,
    /// Centre of the card in board coordinates: 0..1 on both axes, (0, 0) top left.
    pub x: f32,
    pub y: f32,
    /// Dots from dot voting.
    pub votes: u32,
    /// Of those dots, how many came from participants' phones.
    #[serde(skip_serializing_if = "crate::origin::is_zero")]
    pub phone_votes: u32,
    /// Typed on the laptop or sent from a phone.
    #[serde(skip_serializing_if = "Origin::is_laptop")]
    pub source: Origin,
    /// The card as it hung on a photographed pinboard: a picture in the session's
    /// `photos/` (e.g. `photos/cards/wand-1-07.jpg`), shown while the card has no text yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub picture: Option<String>,
}

/// The paper colours of a Metaplan case.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum CardColour {
    #[default]
    White,
    Yellow,
    Orange,
    Pink,
    Green,
    Blue,
}

impl CardColour {
    /// Every colour, in picker order.
    pub const ALL: [CardColour; 6] = [
        CardColour::White,
        CardColour::Yellow,
        CardColour::Orange,
        CardColour::Pink,
        CardColour::Green,
        CardColour::Blue,
    ];

    /// The paper colour as sRGB.
    pub fn rgb(self) -> [u8; 3] {
        match self {
            CardColour::White => [250, 250, 246],
            CardColour::Yellow => [255, 236, 140],
            CardColour::Orange => [255, 196, 128],
            CardColour::Pink => [250, 180, 200],
            CardColour::Green => [180, 226, 170],
            CardColour::Blue => [170, 205, 240],
        }
    }
}

/// A normal card, or a heading card above a cluster.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CardShape {
    #[default]
    Card,
    Heading,
    /// An oval card (Metaplan's "Oval"), often for a statement or a question.
    Oval,
    /// A round card ("Kreis"), often a marker or a number.
    Circle,
}

impl CardShape {
    /// Whether it is drawn round (an oval or a circle).
    pub fn is_round(self) -> bool {
        matches!(self, CardShape::Oval | CardShape::Circle)
    }
}

/// Cards grouped under a heading.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Cluster {
    pub id: ClusterId,
    pub title: String,
    pub colour: CardColour,
    pub cards: Vec<CardId>,
    /// Dots given to the cluster as a whole.
    pub votes: u32,
    /// Of those dots, how many came from participants' phones.
    #[serde(skip_serializing_if = "crate::origin::is_zero")]
    pub phone_votes: u32,
    /// Drawn as its heading only.
    pub is_collapsed: bool,
}
