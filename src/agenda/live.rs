//! The live controls: start, pause, resume, next, back, skip, extend. Each changes only
//! timing logs, and each is one undoable edit in the app.

use jiff::Timestamp;

use super::timing::{
    ItemState, ItemTimer, Position, current, item_at_mut, next_pending, positions,
};
use super::{Agenda, TimingEvent};
use crate::session::AgendaItemId;

/// A live control, as the moderator presses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LiveAction {
    /// Start, pause or resume (Space).
    Toggle,
    Next,
    Back,
    Skip,
    /// Seconds to add (negative: take away).
    Extend(i32),
    /// Start this item now.
    Start(AgendaItemId),
}

/// Applies a live control at `now`.
pub fn apply(agenda: &mut Agenda, action: LiveAction, now: Timestamp) {
    match action {
        LiveAction::Toggle => toggle(agenda, now),
        LiveAction::Next => next(agenda, now),
        LiveAction::Back => back(agenda, now),
        LiveAction::Skip => skip(agenda, now),
        LiveAction::Extend(secs) => extend(agenda, secs, now),
        LiveAction::Start(id) => {
            if let Some(at) = super::timing::position_of(agenda, id) {
                start(agenda, at, now);
            }
        }
    }
}

/// Starts an item; a current item ends first.
pub fn start(agenda: &mut Agenda, at: Position, now: Timestamp) {
    if let Some(current) = current(agenda, now)
        && current != at
    {
        end(agenda, current, now);
    }
    let Some(item) = item_at_mut(agenda, at) else {
        return;
    };
    let event = match ItemTimer::of(item, now).state {
        ItemState::Running => return,
        ItemState::Pending | ItemState::Skipped => TimingEvent::Started(now),
        ItemState::Paused | ItemState::Done => TimingEvent::Resumed(now),
    };
    item.timing.push(event);
}

fn end(agenda: &mut Agenda, at: Position, now: Timestamp) {
    if let Some(item) = item_at_mut(agenda, at)
        && ItemTimer::of(item, now).is_current()
    {
        item.timing.push(TimingEvent::Ended(now));
    }
}

/// Space: pause the running item, resume a paused one, or start the next pending one.
pub fn toggle(agenda: &mut Agenda, now: Timestamp) {
    match current(agenda, now) {
        Some(at) => {
            let Some(item) = item_at_mut(agenda, at) else {
                return;
            };
            let event = match ItemTimer::of(item, now).state {
                ItemState::Running => TimingEvent::Paused(now),
                _ => TimingEvent::Resumed(now),
            };
            item.timing.push(event);
        }
        None => {
            if let Some(at) = next_pending(agenda, None, now) {
                start(agenda, at, now);
            }
        }
    }
}

/// Ends the current item and starts the next pending one.
pub fn next(agenda: &mut Agenda, now: Timestamp) {
    let current = current(agenda, now);
    if let Some(at) = current {
        end(agenda, at, now);
    }
    if let Some(at) = next_pending(agenda, current, now) {
        start(agenda, at, now);
    }
}

/// Goes back: ends the current item and reopens the one before it.
pub fn back(agenda: &mut Agenda, now: Timestamp) {
    let all: Vec<Position> = positions(agenda).collect();
    let reference = current(agenda, now).or_else(|| next_pending(agenda, None, now));
    let Some(index) = reference.and_then(|r| all.iter().position(|&p| p == r)) else {
        return;
    };
    let Some(&previous) = index.checked_sub(1).and_then(|i| all.get(i)) else {
        return;
    };
    start(agenda, previous, now);
}

/// Leaves out the next pending item, so that "next" goes past it.
pub fn skip(agenda: &mut Agenda, now: Timestamp) {
    let after = current(agenda, now);
    if let Some(at) = next_pending(agenda, after, now)
        && let Some(item) = item_at_mut(agenda, at)
    {
        item.timing.push(TimingEvent::Skipped(now));
    }
}

/// Adds (or, negative, takes away) time from the current item's timebox.
pub fn extend(agenda: &mut Agenda, secs: i32, now: Timestamp) {
    if let Some(at) = current(agenda, now)
        && let Some(item) = item_at_mut(agenda, at)
    {
        item.timing.push(TimingEvent::Extended(now, secs));
    }
}
