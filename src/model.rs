//! Every type of the session document in one place, for code that works across features
//! (storage, consolidation, export). Each type is defined in its feature's folder.

pub use crate::agenda::{Agenda, AgendaDay, AgendaItem, Method, TimingEvent};
pub use crate::board::{Axes, AxisLabels, Board, Card, CardColour, CardShape, Cluster};
pub use crate::photos::{Photo, PhotoLink, PhotoPathProblem, check_photo_path};
pub use crate::reflection::{Dimension, Dissent, Reflection, ReflectionEntry, Scale};
pub use crate::results::{ActionItem, ActionStatus, Decision, Due, NextMeeting, SourceLink};
pub use crate::session::{
    ActionItemId, AgendaDayId, AgendaItemId, BoardId, CardId, ClusterId, Credits, DecisionState,
    DimensionId, MergeDecision, MergeKind, Metadata, Participant, ParticipantId, PhotoId,
    Provenance, ReflectionEntryId, ResultId, SCHEMA_VERSION, Session, SessionId, SourceSession,
};
