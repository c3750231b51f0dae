//! Stable identifiers for everything a session holds.
//!
//! Every id wraps a UUID v7, so ids sort by creation time and never collide when sessions are
//! consolidated. `Default` gives the nil id on purpose: it never invents a random id, so a file
//! that lacks one is reported by validation instead of changing on every load.

use std::fmt;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id_type {
    ($($(#[$meta:meta])* $name:ident;)*) => {$(
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh, time-ordered id.
            pub fn generate() -> Self {
                Self(Uuid::now_v7())
            }

            /// The underlying UUID.
            pub fn uuid(self) -> Uuid {
                self.0
            }

            /// Whether this id was never set (the nil UUID).
            pub fn is_nil(self) -> bool {
                self.0.is_nil()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

id_type! {
    /// Identifies a session across copies and consolidations.
    SessionId;
    /// A participant of the workshop.
    ParticipantId;
    /// A day of the agenda.
    AgendaDayId;
    /// An item of the agenda.
    AgendaItemId;
    /// A board (pin wall).
    BoardId;
    /// A card on a board.
    CardId;
    /// A cluster of cards under a heading.
    ClusterId;
    /// A reflection entry.
    ReflectionEntryId;
    /// A reflection dimension (content, structure, …).
    DimensionId;
    /// A photo attachment.
    PhotoId;
    /// A result or decision.
    ResultId;
    /// An action item.
    ActionItemId;
}
