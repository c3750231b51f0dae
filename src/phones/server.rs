//! The server: its own thread and tokio runtime beside the GUI, open on one address.

use std::fmt;
use std::io;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::thread::JoinHandle;

use futures_util::future::{self, Either};
use tokio::sync::oneshot;

use super::ctx::Ctx;
use super::http::router;
use super::listener::LimitedListener;
use super::phase::{Arrival, Wake};
use super::room::Room;

/// The ports tried, in order, when none is asked for (then any free one).
const PREFERRED_PORTS: std::ops::RangeInclusive<u16> = 8080..=8090;

/// Why the server could not open.
#[derive(Debug)]
pub enum StartError {
    /// The address is 0.0.0.0 or `::`: the server opens on one interface only.
    Unspecified,
    /// The port is taken by another program.
    PortInUse {
        /// The port asked for.
        port: u16,
    },
    /// The address is not (or no longer) one of this computer's: the network changed.
    AddressNotAvailable {
        /// The address asked for.
        addr: IpAddr,
    },
    /// The system does not allow this port (below 1024 on Unix).
    PermissionDenied {
        /// The port asked for.
        port: u16,
    },
    /// The system gave no random numbers for the join token.
    NoRandomness,
    /// Any other failure of the system.
    Io(io::Error),
}

impl fmt::Display for StartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StartError::Unspecified => f.write_str("choose one network address, not all"),
            StartError::PortInUse { port } => write!(f, "port {port} is used by another program"),
            StartError::AddressNotAvailable { addr } => {
                write!(f, "{addr} is not an address of this computer (any more)")
            }
            StartError::PermissionDenied { port } => {
                write!(f, "the system does not allow port {port}")
            }
            StartError::NoRandomness => f.write_str("the system gave no random numbers"),
            StartError::Io(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for StartError {}

/// The phone server, open while it lives.
///
/// It runs a single-threaded tokio runtime on a thread of its own ("moderato-phones");
/// the app talks to it only through the [`Room`], the arrivals channel and this handle.
pub struct PhoneServer {
    address: SocketAddr,
    room: Arc<Room>,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl PhoneServer {
    /// Opens the server on `addr`: on `port` (`Some(0)`: any free port), or (`None`) on the
    /// first free of 8080..=8090, else any free port. Returns once the socket is bound, so a port in use or an address
    /// gone comes back here. Accepted contributions go to `arrivals`, each followed by
    /// `wake()`.
    pub fn start(
        addr: IpAddr,
        port: Option<u16>,
        room: Arc<Room>,
        arrivals: Sender<Arrival>,
        wake: Wake,
    ) -> Result<PhoneServer, StartError> {
        if addr.is_unspecified() {
            return Err(StartError::Unspecified);
        }
        if room.join_token().is_none() {
            room.rotate_token();
            if room.join_token().is_none() {
                return Err(StartError::NoRandomness);
            }
        }
        let listener = bind(addr, port)?;
        listener.set_nonblocking(true).map_err(StartError::Io)?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .build()
            .map_err(StartError::Io)?;
        let listener = {
            let _entered = runtime.enter();
            tokio::net::TcpListener::from_std(listener).map_err(StartError::Io)?
        };
        let address = listener.local_addr().map_err(StartError::Io)?;
        let app = router(Arc::new(Ctx::new(
            Arc::clone(&room),
            address,
            arrivals,
            wake,
        )));
        let listener = LimitedListener::new(listener, room.limits());
        let (stop, stopped) = oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("moderato-phones".into())
            .spawn(move || {
                runtime.block_on(async move {
                    let serve = std::pin::pin!(axum::serve(listener, app).into_future());
                    // Either the stop signal (or the handle dropped) or the server failing.
                    if let Either::Right(..) = future::select(stopped, serve).await {
                        eprintln!("moderato: the phone server stopped by itself");
                    }
                });
                // Dropping the runtime drops every connection task: open requests and event
                // streams end here, their sockets closed.
                drop(runtime);
            })
            .map_err(StartError::Io)?;
        Ok(PhoneServer {
            address,
            room,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// The address and port the server is open on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The room it serves.
    pub fn room(&self) -> &Arc<Room> {
        &self.room
    }

    /// The URL for the QR code: `http://192.168.1.20:8080/j/<token>` (22 characters of
    /// token, 128 random bits).
    pub fn join_url(&self) -> String {
        let token = self.room.join_token().unwrap_or_default();
        format!("http://{}/j/{token}", self.address)
    }

    /// The URL to show beside the QR code, without the token: `http://192.168.1.20:8080`.
    /// A phone that opens it is told to scan the code.
    pub fn short_url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// A new join token: see [`Room::rotate_token`]. Read [`Self::join_url`] again after.
    pub fn rotate_token(&self) {
        self.room.rotate_token();
    }

    /// Phones connected now: see [`Room::connected_phones`].
    pub fn connected_phones(&self) -> usize {
        self.room.connected_phones()
    }

    /// Whether the server is still running (it stops by itself only on a system failure).
    pub fn is_running(&self) -> bool {
        self.thread.as_ref().is_some_and(|t| !t.is_finished())
    }

    /// Stops at once: the socket is closed and every open connection and event stream
    /// dropped when this returns. Stopping again does nothing.
    pub fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for PhoneServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Binds the listening socket, the asked-for port or the first free preferred one.
fn bind(addr: IpAddr, port: Option<u16>) -> Result<TcpListener, StartError> {
    if let Some(port) = port {
        return TcpListener::bind((addr, port)).map_err(|e| start_error(e, addr, port));
    }
    for port in PREFERRED_PORTS {
        match TcpListener::bind((addr, port)) {
            Ok(listener) => return Ok(listener),
            Err(e) if e.kind() == io::ErrorKind::AddrInUse => continue,
            Err(e) => return Err(start_error(e, addr, port)),
        }
    }
    TcpListener::bind((addr, 0)).map_err(|e| start_error(e, addr, 0))
}

fn start_error(error: io::Error, addr: IpAddr, port: u16) -> StartError {
    match error.kind() {
        io::ErrorKind::AddrInUse => StartError::PortInUse { port },
        io::ErrorKind::AddrNotAvailable => StartError::AddressNotAvailable { addr },
        io::ErrorKind::PermissionDenied => StartError::PermissionDenied { port },
        _ => StartError::Io(error),
    }
}
