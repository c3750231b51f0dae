//! Participants' phones in the room, without a cloud.
//!
//! The moderator's laptop serves a small page on the room's local network: participants scan
//! a QR code and, from their phones, write cards, place dots and rate the reflection. Nothing
//! leaves the laptop and nobody needs an account.
//!
//! The pieces:
//! - [`Room`] (shared as `Arc<Room>`): what phones may do now ([`Phase`]), the join token,
//!   and the ledger of every phone (cards this phase, dots per board, dimensions rated).
//! - [`PhoneServer`]: the HTTP server on its own thread and tokio runtime, open on one
//!   interface address; [`PhoneServer::stop`] (or dropping it) closes it at once.
//! - [`Arrival`]: each accepted contribution, sent once on a `std::sync::mpsc` channel,
//!   followed by a call of the app's [`Wake`] callback (to request a repaint).
//! - [`local_addresses`] and [`qr_matrix`]: what the "Open to phones" dialog shows.
//!
//! Everything a phone sends is checked on the server (see [`Limits`]); a refusal is a 4xx
//! answer with `{"error": "…", "code": "…"}` in the phone's language, never a panic.

mod ctx;
mod events;
mod http;
mod lang;
mod ledger;
mod limits;
mod listener;
mod net;
mod page;
mod phase;
mod refusal;
mod room;
mod server;
pub mod session;
mod text;
mod token;

pub use limits::Limits;
pub use net::{local_addresses, qr_matrix};
pub use phase::{Arrival, DEFAULT_CARDS_PER_PHASE, DotTarget, Phase, Wake};
pub use room::Room;
pub use server::{PhoneServer, StartError};
