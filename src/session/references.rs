//! When something is deleted, every reference to it goes too: a board's agenda item, a
//! dissent's agenda item, a photo's link, the source of a result or an action item, a
//! cluster's cards, the ratings on a dimension.

use crate::ids::{AgendaItemId, BoardId, CardId, ClusterId, DimensionId};
use crate::photos::PhotoLink;
use crate::results::SourceLink;
use crate::session::Session;

/// Something that was deleted and may still be referred to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gone {
    AgendaItem(AgendaItemId),
    Board(BoardId),
    Cluster(ClusterId),
    Card(CardId),
    Dimension(DimensionId),
}

impl Session {
    /// Removes every reference to something deleted.
    pub fn forget(&mut self, gone: Gone) {
        match gone {
            Gone::AgendaItem(id) => {
                for board in &mut self.boards {
                    if board.agenda_item == Some(id) {
                        board.agenda_item = None;
                    }
                }
                for dissent in &mut self.reflection.dissent {
                    if dissent.agenda_item == Some(id) {
                        dissent.agenda_item = None;
                    }
                }
                self.forget_link(|link| link == PhotoLink::AgendaItem(id));
                self.forget_source(|source| source == SourceLink::AgendaItem(id));
            }
            Gone::Board(id) => {
                self.forget_link(|link| link == PhotoLink::Board(id));
                self.forget_source(|source| source == SourceLink::Board(id));
            }
            Gone::Cluster(id) => {
                self.forget_link(|link| link == PhotoLink::Cluster(id));
                self.forget_source(|source| source == SourceLink::Cluster(id));
            }
            Gone::Card(id) => {
                for board in &mut self.boards {
                    for cluster in &mut board.clusters {
                        cluster.cards.retain(|card| *card != id);
                    }
                }
            }
            Gone::Dimension(id) => {
                for entry in &mut self.reflection.entries {
                    entry.ratings.remove(&id);
                }
            }
        }
    }

    fn forget_link(&mut self, matches: impl Fn(PhotoLink) -> bool) {
        for photo in &mut self.photos {
            if photo.link.is_some_and(&matches) {
                photo.link = None;
            }
        }
    }

    fn forget_source(&mut self, matches: impl Fn(SourceLink) -> bool) {
        for result in &mut self.results {
            if result.source.is_some_and(&matches) {
                result.source = None;
            }
        }
        for item in &mut self.action_items {
            if item.source.is_some_and(&matches) {
                item.source = None;
            }
        }
    }
}
