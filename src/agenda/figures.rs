//! The agenda's figures as a reader sees them: minutes held per item, per day and in all,
//! and which items ran over. One rounding (to the nearest minute, half a minute up) and one
//! rule for "over time" (held minutes above planned minutes), so the Agenda screen, Review,
//! Compare, `moderato summary` and every export print the same numbers.

use jiff::{SignedDuration, Timestamp};

use super::model::{Agenda, AgendaDay, AgendaItem};
use super::timing::{ItemState, ItemTimer};

/// A duration in whole minutes, rounded to the nearest (half a minute up); negative
/// durations round symmetrically.
pub fn minutes(duration: SignedDuration) -> i64 {
    let secs = duration.as_secs();
    let rounded = (secs.unsigned_abs() + 30) / 60;
    let rounded = i64::try_from(rounded).unwrap_or(i64::MAX);
    if secs < 0 { -rounded } else { rounded }
}

/// What a finished item took, against its plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Held {
    /// Minutes held, rounded.
    pub minutes: i64,
    pub planned_minutes: u32,
}

impl Held {
    /// What a finished item's timer says.
    pub fn of(timer: &ItemTimer, planned_minutes: u32) -> Self {
        Self {
            minutes: minutes(timer.elapsed),
            planned_minutes,
        }
    }

    /// Held minus planned, in minutes.
    pub fn diff(&self) -> i64 {
        self.minutes - i64::from(self.planned_minutes)
    }

    /// Whether the item took more minutes than planned (as printed: an item 20 s over its
    /// plan held its planned minutes and is not over time).
    pub fn is_over(&self) -> bool {
        self.diff() > 0
    }
}

/// What an item took, once it is done; `None` while it is pending, running, paused,
/// interrupted or skipped.
pub fn held(item: &AgendaItem, now: Timestamp) -> Option<Held> {
    let timer = ItemTimer::of(item, now);
    (timer.state == ItemState::Done).then(|| Held::of(&timer, item.planned_minutes))
}

/// Minutes and counts of a set of items.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Planned minutes of every item, breaks included.
    pub planned_minutes: i64,
    /// Held minutes of the finished items: the sum of their printed minutes, so a column of
    /// held minutes adds up to its total.
    pub held_minutes: i64,
    /// Finished items.
    pub items_held: usize,
    /// Finished items that took more minutes than planned.
    pub items_over_time: usize,
}

impl Totals {
    fn of<'a>(items: impl Iterator<Item = &'a AgendaItem>, now: Timestamp) -> Self {
        let mut totals = Self::default();
        for item in items {
            totals.planned_minutes = totals
                .planned_minutes
                .saturating_add(i64::from(item.planned_minutes));
            if let Some(held) = held(item, now) {
                totals.held_minutes = totals.held_minutes.saturating_add(held.minutes);
                totals.items_held += 1;
                totals.items_over_time += usize::from(held.is_over());
            }
        }
        totals
    }
}

/// The figures of one day.
pub fn day(day: &AgendaDay, now: Timestamp) -> Totals {
    Totals::of(day.items.iter(), now)
}

/// The figures of the whole agenda.
pub fn agenda(agenda: &Agenda, now: Timestamp) -> Totals {
    Totals::of(agenda.items(), now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::TimingEvent;
    use crate::ids::AgendaItemId;

    fn at(secs: i64) -> Timestamp {
        Timestamp::from_second(1_511_427_600 + secs).expect("a valid time")
    }

    fn item(planned_minutes: u32, ran_secs: i64) -> AgendaItem {
        AgendaItem {
            id: AgendaItemId::generate(),
            planned_minutes,
            timing: vec![
                TimingEvent::Started(at(0)),
                TimingEvent::Ended(at(ran_secs)),
            ],
            ..AgendaItem::default()
        }
    }

    #[test]
    fn minutes_round_half_up_and_symmetrically() {
        assert_eq!(minutes(SignedDuration::from_secs(29)), 0);
        assert_eq!(minutes(SignedDuration::from_secs(30)), 1);
        assert_eq!(minutes(SignedDuration::from_secs(89)), 1);
        assert_eq!(minutes(SignedDuration::from_secs(-90)), -2);
        assert_eq!(
            minutes(SignedDuration::from_secs(i64::MIN)),
            -153_722_867_280_912_930
        );
    }

    #[test]
    fn an_item_twenty_seconds_over_is_not_over_time_as_printed() {
        let held = held(&item(30, 30 * 60 + 20), at(99_999)).expect("done");
        assert_eq!(held.minutes, 30);
        assert_eq!(held.diff(), 0);
        assert!(!held.is_over());
        let held = super::held(&item(30, 30 * 60 + 31), at(99_999)).expect("done");
        assert_eq!((held.minutes, held.diff(), held.is_over()), (31, 1, true));
    }

    #[test]
    fn totals_add_up_the_printed_column() {
        // 10:29 + 10:29 + 10:29 held: each prints as 10 min, the total as 30, not 31.
        let agenda = Agenda {
            days: vec![AgendaDay {
                items: vec![
                    item(10, 629),
                    item(10, 629),
                    item(10, 629),
                    AgendaItem {
                        planned_minutes: 15,
                        ..AgendaItem::default()
                    },
                ],
                ..AgendaDay::default()
            }],
        };
        let totals = super::agenda(&agenda, at(99_999));
        assert_eq!(totals.held_minutes, 30);
        assert_eq!(totals.planned_minutes, 45);
        assert_eq!((totals.items_held, totals.items_over_time), (3, 0));
        assert_eq!(day(&agenda.days[0], at(99_999)), totals);
    }
}
