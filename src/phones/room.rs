//! The room: what phones may do now, the join token, and the ledger of every phone.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Instant;

use tokio::sync::watch;

use super::ledger::{self, Contribution, Device};
use super::limits::Limits;
use super::phase::{Arrival, Phase};
use super::refusal::Refusal;
use super::token::Secret;

/// What the event streams watch: the phase's and the token's generation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Signal {
    pub(crate) phase: u64,
    pub(crate) token: u64,
}

/// The room phones join: shared between the app and the server as `Arc<Room>`.
///
/// It outlives a [`super::PhoneServer`]: closing and opening again keeps the token, the
/// phones' cookies and the ledger (dots given, dimensions rated), unless the moderator
/// rotates the token.
pub struct Room {
    state: Mutex<State>,
    signal: watch::Sender<Signal>,
    limits: Limits,
}

struct State {
    phase: Phase,
    phase_generation: u64,
    /// `None` only if the operating system gave no randomness: then nobody can join.
    token: Option<Secret>,
    token_generation: u64,
    devices: HashMap<Secret, Device>,
    next_number: u32,
}

impl Room {
    /// A room with the default [`Limits`], waiting, with a fresh join token.
    pub fn new() -> Arc<Room> {
        Room::with_limits(Limits::default())
    }

    /// A room with the given limits.
    pub fn with_limits(limits: Limits) -> Arc<Room> {
        Arc::new(Room {
            state: Mutex::new(State {
                phase: Phase::Waiting,
                phase_generation: 0,
                token: Secret::random(),
                token_generation: 0,
                devices: HashMap::new(),
                next_number: 1,
            }),
            signal: watch::Sender::new(Signal::default()),
            limits,
        })
    }

    /// The limits phones are held to.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// What phones may do now; the open pages update at once.
    ///
    /// A new step (another kind of phase, or another board) resets each phone's count of
    /// cards in this phase; dots already given on a board and dimensions already rated stay.
    /// The same step with new content (a changed question, new cards to vote on) keeps the
    /// counts; setting the very same phase again does nothing.
    pub fn set_phase(&self, phase: Phase) {
        let mut state = self.lock();
        if state.phase == phase {
            return;
        }
        if !ledger::same_step(&state.phase, &phase) {
            for device in state.devices.values_mut() {
                device.cards_this_phase = 0;
            }
        }
        state.phase = phase;
        state.phase_generation += 1;
        let generation = state.phase_generation;
        drop(state);
        self.signal.send_modify(|s| s.phase = generation);
    }

    /// What phones may do now.
    pub fn phase(&self) -> Phase {
        self.lock().phase.clone()
    }

    /// A new join token: the old QR code stops working and every phone that joined is out
    /// (its cookie is refused and its event stream ends). Phones that scan the new code
    /// join as new phones, with new numbers and fresh budgets.
    pub fn rotate_token(&self) {
        let mut state = self.lock();
        state.token = Secret::random();
        state.devices.clear();
        state.token_generation += 1;
        let generation = state.token_generation;
        drop(state);
        self.signal.send_modify(|s| s.token = generation);
    }

    /// Phones seen in the last [`Limits::connected_window`] or with an open event stream.
    pub fn connected_phones(&self) -> usize {
        let now = Instant::now();
        let window = self.limits.connected_window;
        self.lock()
            .devices
            .values()
            .filter(|d| d.streams > 0 || now.saturating_duration_since(d.last_seen) < window)
            .count()
    }

    /// The join token as it goes into the QR code's URL.
    pub(crate) fn join_token(&self) -> Option<String> {
        self.lock().token.map(|t| t.encode())
    }

    /// Swaps a join token for a device cookie: the phone's existing one if it still holds,
    /// else a new device.
    pub(crate) fn join(&self, presented: &str, existing: Option<&str>) -> Result<Secret, Refusal> {
        let mut state = self.lock();
        let valid = match (Secret::decode(presented), state.token) {
            (Some(presented), Some(token)) => token.matches(&presented),
            _ => false,
        };
        if !valid {
            return Err(Refusal::NotJoined);
        }
        if let Some(key) = existing.and_then(Secret::decode)
            && let Some(device) = state.devices.get_mut(&key)
        {
            device.last_seen = Instant::now();
            return Ok(key);
        }
        if state.devices.len() >= self.limits.max_devices {
            return Err(Refusal::Full);
        }
        let key = Secret::random().ok_or(Refusal::Closed)?;
        let number = state.next_number;
        state.next_number = number.saturating_add(1);
        state.devices.insert(key, Device::new(number, &self.limits));
        Ok(key)
    }

    /// The phone behind a cookie, if it is in the room and not sending too fast.
    pub(crate) fn admit(&self, cookie: Option<&str>) -> Result<Secret, Refusal> {
        let key = cookie.and_then(Secret::decode).ok_or(Refusal::NotJoined)?;
        let mut state = self.lock();
        let device = state.devices.get_mut(&key).ok_or(Refusal::NotJoined)?;
        let now = Instant::now();
        device.last_seen = now;
        if !device.bucket.take(now, &self.limits) {
            return Err(Refusal::TooFast);
        }
        Ok(key)
    }

    /// Whether the phone is (still) in the room.
    pub(crate) fn is_member(&self, key: &Secret) -> bool {
        self.lock().devices.contains_key(key)
    }

    /// What the phone's page shows: the phase, its contributions, what is left.
    pub(crate) fn view(&self, key: &Secret) -> Result<serde_json::Value, Refusal> {
        let state = self.lock();
        let device = state.devices.get(key).ok_or(Refusal::NotJoined)?;
        Ok(ledger::view(
            &state.phase,
            state.phase_generation,
            device,
            &self.limits,
        ))
    }

    /// Checks a contribution against the phase and the phone's ledger, hands the arrival to
    /// `deliver` and, if delivered, books it. Answers the phone's new view.
    pub(crate) fn contribute(
        &self,
        key: &Secret,
        contribution: Contribution,
        deliver: impl FnOnce(Arrival) -> bool,
    ) -> Result<serde_json::Value, Refusal> {
        let mut guard = self.lock();
        let state = &mut *guard;
        let device = state.devices.get_mut(key).ok_or(Refusal::NotJoined)?;
        if let Some(nonce) = contribution.nonce()
            && device.has_nonce(nonce)
        {
            // A retry of a request that was accepted: accepted once, answered again.
            return Ok(ledger::view(
                &state.phase,
                state.phase_generation,
                device,
                &self.limits,
            ));
        }
        let (change, arrival) = ledger::check(&state.phase, device, &contribution, &self.limits)?;
        if !deliver(arrival) {
            return Err(Refusal::Closed);
        }
        device.book(change, contribution.nonce());
        Ok(ledger::view(
            &state.phase,
            state.phase_generation,
            device,
            &self.limits,
        ))
    }

    /// Counts an open event stream of the phone until the guard is dropped.
    pub(crate) fn open_stream(self: &Arc<Self>, key: Secret) -> Result<StreamGuard, Refusal> {
        let mut state = self.lock();
        let device = state.devices.get_mut(&key).ok_or(Refusal::NotJoined)?;
        if device.streams >= self.limits.max_streams_per_device {
            return Err(Refusal::TooFast);
        }
        device.streams += 1;
        Ok(StreamGuard {
            room: Arc::clone(self),
            key,
        })
    }

    /// A receiver of phase and token changes.
    pub(crate) fn subscribe(&self) -> watch::Receiver<Signal> {
        self.signal.subscribe()
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // The state is consistent after every statement that changes it: a panic elsewhere
        // while it was locked leaves nothing half-done.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// An open event stream, counted for [`Room::connected_phones`] while it lives.
pub(crate) struct StreamGuard {
    room: Arc<Room>,
    key: Secret,
}

impl StreamGuard {
    /// Whether the phone is still in the room.
    pub(crate) fn is_member(&self) -> bool {
        self.room.is_member(&self.key)
    }
}

impl Drop for StreamGuard {
    fn drop(&mut self) {
        let mut state = self.room.lock();
        if let Some(device) = state.devices.get_mut(&self.key) {
            device.streams = device.streams.saturating_sub(1);
            device.last_seen = Instant::now();
        }
    }
}
