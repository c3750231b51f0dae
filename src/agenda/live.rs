//! The live controls. Each changes only timing logs, and each is one undoable edit in the
//! app. At most one item is *current* (running or paused); items that are *waiting* are
//! pending or interrupted (taken up before, their time kept).
//!
//! | Control            | Nothing current                     | An item current (running or paused)               |
//! |--------------------|-------------------------------------|---------------------------------------------------|
//! | Toggle (Space)     | starts the first waiting item       | running: pauses it; paused: resumes it             |
//! | Next (N)           | starts the first waiting item       | ends it, starts the first waiting item after it    |
//! | Back               | reopens the item before the first waiting one | interrupts it (it waits again, its time kept) and reopens the item before it |
//! | Skip               | the first waiting item is skipped   | the first waiting item after it is skipped         |
//! | Extend (±s)        | nothing                             | its timebox grows or shrinks                       |
//! | Restart            | nothing                             | its clock starts again from zero, running; extensions are dropped |
//! | Start a row (▶)    | starts the row                      | the row itself: resumes it if paused; another row: interrupts the current one and starts the row |
//!
//! To start or reopen an item: a pending or skipped one starts, one with time on it
//! (done, interrupted, paused) resumes and its time runs on. Nothing is ever lost: an item
//! left by Back or by starting another row is interrupted, not ended, so Next comes back to
//! it in agenda order.

use jiff::Timestamp;

use super::timing::{
    ItemState, ItemTimer, Position, current, item_at, item_at_mut, next_pending, positions,
};
use super::{Agenda, TimingEvent};
use crate::ids::AgendaItemId;

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
    /// The current item's clock from zero again.
    Restart,
    /// Start this item now.
    Start(AgendaItemId),
}

/// Applies a live control at `now`.
pub fn apply(agenda: &mut Agenda, action: LiveAction, now: Timestamp) {
    let current = current(agenda, now);
    match action {
        LiveAction::Toggle => toggle(agenda, current, now),
        LiveAction::Next => next(agenda, current, now),
        LiveAction::Back => back(agenda, current, now),
        LiveAction::Skip => {
            if let Some(at) = next_pending(agenda, current, now) {
                push(agenda, at, TimingEvent::Skipped(now));
            }
        }
        LiveAction::Extend(secs) => {
            let max = crate::session::limits::MAX_EXTENSION_SECONDS;
            let secs = secs.clamp(-max, max);
            if let Some(at) = current {
                push(agenda, at, TimingEvent::Extended(now, secs));
            }
        }
        LiveAction::Restart => {
            if let Some(at) = current {
                push(agenda, at, TimingEvent::Restarted(now));
            }
        }
        LiveAction::Start(id) => {
            if let Some(at) = super::timing::position_of(agenda, id) {
                start(agenda, current, at, now);
            }
        }
    }
}

/// The item a control would start or reopen, if any: the app asks before the first item of
/// a day that is not today.
pub fn would_start(agenda: &Agenda, action: LiveAction, now: Timestamp) -> Option<AgendaItemId> {
    let current = current(agenda, now);
    let at = match action {
        LiveAction::Toggle if current.is_none() => next_pending(agenda, None, now),
        LiveAction::Next => next_pending(agenda, current, now),
        LiveAction::Back => previous(agenda, current, now),
        LiveAction::Start(id) => {
            super::timing::position_of(agenda, id).filter(|p| Some(*p) != current)
        }
        _ => None,
    }?;
    item_at(agenda, at).map(|item| item.id)
}

fn push(agenda: &mut Agenda, at: Position, event: TimingEvent) {
    if let Some(item) = item_at_mut(agenda, at) {
        item.timing.push(event);
    }
}

fn state(agenda: &Agenda, at: Position, now: Timestamp) -> Option<ItemState> {
    item_at(agenda, at).map(|item| ItemTimer::of(item, now).state)
}

/// Starts or reopens an item that is not current.
fn take_up(agenda: &mut Agenda, at: Position, now: Timestamp) {
    let event = match state(agenda, at, now) {
        Some(ItemState::Pending | ItemState::Skipped) => TimingEvent::Started(now),
        Some(ItemState::Paused | ItemState::Done | ItemState::Interrupted) => {
            TimingEvent::Resumed(now)
        }
        Some(ItemState::Running) | None => return,
    };
    push(agenda, at, event);
}

fn toggle(agenda: &mut Agenda, current: Option<Position>, now: Timestamp) {
    match current {
        Some(at) => {
            let event = match state(agenda, at, now) {
                Some(ItemState::Running) => TimingEvent::Paused(now),
                _ => TimingEvent::Resumed(now),
            };
            push(agenda, at, event);
        }
        None => {
            if let Some(at) = next_pending(agenda, None, now) {
                take_up(agenda, at, now);
            }
        }
    }
}

fn next(agenda: &mut Agenda, current: Option<Position>, now: Timestamp) {
    let following = next_pending(agenda, current, now);
    if let Some(at) = current {
        push(agenda, at, TimingEvent::Ended(now));
    }
    if let Some(at) = following {
        take_up(agenda, at, now);
    }
}

/// The item before the current one, or before the first waiting one, or the last item
/// when nothing waits any more.
fn previous(agenda: &Agenda, current: Option<Position>, now: Timestamp) -> Option<Position> {
    let all: Vec<Position> = positions(agenda).collect();
    let index = match current.or_else(|| next_pending(agenda, None, now)) {
        Some(reference) => all.iter().position(|&p| p == reference)?,
        None => all.len(),
    };
    all.get(index.checked_sub(1)?).copied()
}

fn back(agenda: &mut Agenda, current: Option<Position>, now: Timestamp) {
    let Some(before) = previous(agenda, current, now) else {
        return;
    };
    if let Some(at) = current {
        push(agenda, at, TimingEvent::Interrupted(now));
    }
    take_up(agenda, before, now);
}

fn start(agenda: &mut Agenda, current: Option<Position>, at: Position, now: Timestamp) {
    if current == Some(at) {
        if state(agenda, at, now) == Some(ItemState::Paused) {
            push(agenda, at, TimingEvent::Resumed(now));
        }
        return;
    }
    if let Some(current) = current {
        push(agenda, current, TimingEvent::Interrupted(now));
    }
    take_up(agenda, at, now);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::{AgendaDay, AgendaItem};
    use crate::ids::AgendaDayId;
    use jiff::SignedDuration;
    use jiff::civil::date;
    use jiff::tz::TimeZone;

    fn t(mm: i8, ss: i8) -> Timestamp {
        date(2017, 11, 23)
            .at(10, mm, ss, 0)
            .to_zoned(TimeZone::UTC)
            .unwrap()
            .timestamp()
    }

    fn agenda(minutes: &[u32]) -> Agenda {
        Agenda {
            days: vec![AgendaDay {
                id: AgendaDayId::generate(),
                date: Some(date(2017, 11, 23)),
                items: minutes
                    .iter()
                    .enumerate()
                    .map(|(n, &planned_minutes)| AgendaItem {
                        id: AgendaItemId::generate(),
                        title: format!("Punkt {n}"),
                        planned_minutes,
                        ..AgendaItem::default()
                    })
                    .collect(),
                ..AgendaDay::default()
            }],
        }
    }

    fn states(a: &Agenda, now: Timestamp) -> Vec<ItemState> {
        a.items().map(|i| ItemTimer::of(i, now).state).collect()
    }

    fn elapsed(a: &Agenda, n: usize, now: Timestamp) -> SignedDuration {
        ItemTimer::of(&a.days[0].items[n], now).elapsed
    }

    fn mins(m: i64) -> SignedDuration {
        SignedDuration::from_mins(m)
    }

    use ItemState::{Done, Interrupted, Paused, Pending, Running, Skipped};

    #[test]
    fn toggle_starts_the_first_waiting_pauses_and_resumes() {
        let mut a = agenda(&[10, 20]);
        apply(&mut a, LiveAction::Toggle, t(0, 0));
        assert_eq!(states(&a, t(1, 0)), [Running, Pending]);
        apply(&mut a, LiveAction::Toggle, t(2, 0));
        assert_eq!(states(&a, t(5, 0)), [Paused, Pending]);
        assert_eq!(elapsed(&a, 0, t(5, 0)), mins(2), "a paused clock stands");
        apply(&mut a, LiveAction::Toggle, t(5, 0));
        assert_eq!(states(&a, t(6, 0)), [Running, Pending]);
        assert_eq!(elapsed(&a, 0, t(6, 0)), mins(3));
    }

    #[test]
    fn next_ends_the_current_and_starts_the_following_or_the_first() {
        let mut a = agenda(&[10, 20, 5]);
        apply(&mut a, LiveAction::Next, t(0, 0));
        assert_eq!(states(&a, t(0, 1)), [Running, Pending, Pending]);
        apply(&mut a, LiveAction::Toggle, t(4, 0)); // Paused: Next still ends it.
        apply(&mut a, LiveAction::Next, t(5, 0));
        assert_eq!(states(&a, t(6, 0)), [Done, Running, Pending]);
        assert_eq!(elapsed(&a, 0, t(9, 0)), mins(4));
        apply(&mut a, LiveAction::Next, t(10, 0));
        apply(&mut a, LiveAction::Next, t(12, 0));
        assert_eq!(
            states(&a, t(13, 0)),
            [Done, Done, Done],
            "after the last: all done"
        );
        apply(&mut a, LiveAction::Next, t(14, 0));
        assert_eq!(
            states(&a, t(15, 0)),
            [Done, Done, Done],
            "nothing left to start"
        );
    }

    #[test]
    fn back_then_next_comes_back_to_the_interrupted_item() {
        let mut a = agenda(&[10, 20, 5]);
        apply(&mut a, LiveAction::Toggle, t(0, 0));
        apply(&mut a, LiveAction::Next, t(10, 0)); // First took 10 min.
        apply(&mut a, LiveAction::Back, t(13, 0)); // Second interrupted after 3 min.
        assert_eq!(states(&a, t(14, 0)), [Running, Interrupted, Pending]);
        assert_eq!(
            elapsed(&a, 0, t(14, 0)),
            mins(11),
            "the first's time runs on"
        );
        apply(&mut a, LiveAction::Next, t(15, 0));
        assert_eq!(
            states(&a, t(16, 0)),
            [Done, Running, Pending],
            "Next goes to the interrupted item, not past it"
        );
        assert_eq!(elapsed(&a, 1, t(16, 0)), mins(4), "3 min before, 1 min now");
    }

    #[test]
    fn back_without_a_current_item_reopens_the_last_done() {
        let mut a = agenda(&[10, 20]);
        apply(&mut a, LiveAction::Next, t(0, 0));
        apply(&mut a, LiveAction::Toggle, t(5, 0));
        apply(&mut a, LiveAction::Next, t(6, 0)); // Ends the paused first, starts the second.
        apply(&mut a, LiveAction::Next, t(8, 0)); // Ends the second.
        apply(&mut a, LiveAction::Back, t(9, 0));
        assert_eq!(states(&a, t(9, 1)), [Done, Running], "the last one reopens");
        let mut b = agenda(&[10]);
        apply(&mut b, LiveAction::Back, t(0, 0));
        assert_eq!(states(&b, t(1, 0)), [Pending], "nothing before the first");
    }

    #[test]
    fn skip_leaves_out_the_next_waiting_item() {
        let mut a = agenda(&[10, 20, 5]);
        apply(&mut a, LiveAction::Skip, t(0, 0));
        assert_eq!(states(&a, t(0, 1)), [Skipped, Pending, Pending]);
        apply(&mut a, LiveAction::Toggle, t(1, 0));
        assert_eq!(states(&a, t(1, 1)), [Skipped, Running, Pending]);
        apply(&mut a, LiveAction::Skip, t(2, 0));
        apply(&mut a, LiveAction::Next, t(3, 0));
        assert_eq!(
            states(&a, t(3, 1)),
            [Skipped, Done, Skipped],
            "nothing waits"
        );
    }

    #[test]
    fn extend_and_restart_act_on_the_current_item_only() {
        let mut a = agenda(&[10, 20]);
        apply(&mut a, LiveAction::Extend(300), t(0, 0));
        assert!(a.items().all(|i| i.timing.is_empty()), "nothing current");
        apply(&mut a, LiveAction::Toggle, t(0, 0));
        apply(&mut a, LiveAction::Extend(300), t(8, 0));
        let timer = ItemTimer::of(&a.days[0].items[0], t(9, 0));
        assert_eq!(timer.allowed, mins(15));
        apply(&mut a, LiveAction::Extend(-60), t(9, 0));
        assert_eq!(
            ItemTimer::of(&a.days[0].items[0], t(9, 0)).allowed,
            mins(14)
        );
        apply(&mut a, LiveAction::Toggle, t(9, 0)); // Paused.
        apply(&mut a, LiveAction::Restart, t(12, 0));
        let timer = ItemTimer::of(&a.days[0].items[0], t(13, 0));
        assert_eq!(timer.state, Running, "a restart runs");
        assert_eq!(timer.elapsed, mins(1), "from zero");
        assert_eq!(timer.allowed, mins(10), "extensions dropped");
    }

    #[test]
    fn starting_a_row_interrupts_the_current_one_and_resumes_its_own_time() {
        let mut a = agenda(&[10, 20, 5]);
        let third = a.days[0].items[2].id;
        let first = a.days[0].items[0].id;
        apply(&mut a, LiveAction::Toggle, t(0, 0));
        apply(&mut a, LiveAction::Start(third), t(4, 0));
        assert_eq!(states(&a, t(5, 0)), [Interrupted, Pending, Running]);
        apply(&mut a, LiveAction::Start(third), t(5, 0));
        assert_eq!(
            states(&a, t(5, 1)),
            [Interrupted, Pending, Running],
            "already running"
        );
        apply(&mut a, LiveAction::Toggle, t(6, 0));
        apply(&mut a, LiveAction::Start(third), t(7, 0));
        assert_eq!(
            states(&a, t(7, 1)),
            [Interrupted, Pending, Running],
            "paused: resumed"
        );
        apply(&mut a, LiveAction::Start(first), t(8, 0));
        assert_eq!(states(&a, t(9, 0)), [Running, Pending, Interrupted]);
        assert_eq!(elapsed(&a, 0, t(9, 0)), mins(5), "4 min before, 1 min now");
        apply(&mut a, LiveAction::Next, t(10, 0));
        assert_eq!(states(&a, t(10, 1)), [Done, Running, Interrupted]);
    }

    #[test]
    fn would_start_names_the_item_a_control_takes_up() {
        let mut a = agenda(&[10, 20]);
        let ids: Vec<AgendaItemId> = a.items().map(|i| i.id).collect();
        assert_eq!(would_start(&a, LiveAction::Toggle, t(0, 0)), Some(ids[0]));
        apply(&mut a, LiveAction::Toggle, t(0, 0));
        assert_eq!(
            would_start(&a, LiveAction::Toggle, t(1, 0)),
            None,
            "a pause"
        );
        assert_eq!(would_start(&a, LiveAction::Next, t(1, 0)), Some(ids[1]));
        assert_eq!(would_start(&a, LiveAction::Extend(60), t(1, 0)), None);
    }
}
