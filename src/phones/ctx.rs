//! What every handler needs: the room, the address the server is open on, the way out to
//! the app.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::mpsc::Sender;

use super::phase::{Arrival, Wake};
use super::room::Room;

/// The name of the device cookie.
pub(crate) const DEVICE_COOKIE: &str = "moderato_phone";

/// What every handler needs.
pub(crate) struct Ctx {
    pub(crate) room: Arc<Room>,
    /// The `Host` phones use: the address the server was opened on.
    pub(crate) host: String,
    /// The `Origin` of the page: `http://` and the host.
    pub(crate) origin: String,
    /// Where accepted contributions go.
    pub(crate) arrivals: Sender<Arrival>,
    /// Called after each arrival.
    pub(crate) wake: Wake,
}

impl Ctx {
    /// The context of a server open on `address`.
    pub(crate) fn new(
        room: Arc<Room>,
        address: SocketAddr,
        arrivals: Sender<Arrival>,
        wake: Wake,
    ) -> Ctx {
        let host = address.to_string();
        Ctx {
            room,
            origin: format!("http://{host}"),
            host,
            arrivals,
            wake,
        }
    }
}
