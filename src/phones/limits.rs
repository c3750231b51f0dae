//! The limits the server holds phones to.

use std::time::Duration;

/// The limits the server holds phones to, whatever their page does.
#[derive(Clone, Debug, PartialEq)]
pub struct Limits {
    /// Largest request body in bytes (default 32 KiB: a 2,000-character card fits even
    /// with every character escaped in JSON).
    pub body_bytes: usize,
    /// Longest card, in characters after normalisation (default 2,000, as typed cards).
    pub card_chars: usize,
    /// Longest name (a card's author, an organisation), in characters (default 100).
    pub name_chars: usize,
    /// Longest reflection comment, in characters (default 2,000).
    pub comment_chars: usize,
    /// Most cards per phone in one phase, whatever the phase asks for (default 100).
    pub max_cards_per_phase: u32,
    /// Dots per phone on a board whose budget is 0 (= no limit) (default 100).
    pub dot_cap: u32,
    /// Requests a phone may send at once (the token bucket's size; default 20).
    pub rate_burst: u32,
    /// Requests per second a phone may send in the long run (default 5).
    pub rate_per_second: f64,
    /// Most phones in the room; a further join is refused (default 300).
    pub max_devices: usize,
    /// Most open event streams per phone (tabs; default 4).
    pub max_streams_per_device: u32,
    /// A phone counts as connected this long after its last request (default 2 minutes).
    pub connected_window: Duration,
    /// Most open connections to the server (default 256).
    pub max_connections: usize,
    /// Most open connections from one address (default 32).
    pub max_connections_per_address: usize,
    /// A connection with no traffic for this long is closed (default 2 minutes; event
    /// streams send a keep-alive every 15 s).
    pub idle_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            body_bytes: 32 * 1024,
            card_chars: 2_000,
            name_chars: 100,
            comment_chars: 2_000,
            max_cards_per_phase: 100,
            dot_cap: 100,
            rate_burst: 20,
            rate_per_second: 5.0,
            max_devices: 300,
            max_streams_per_device: 4,
            connected_window: Duration::from_secs(120),
            max_connections: 256,
            max_connections_per_address: 32,
            idle_timeout: Duration::from_secs(120),
        }
    }
}
