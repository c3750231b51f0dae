//! The agenda in time: the planned schedule, and the live timer derived from each item's
//! timing log and "now". Nothing here keeps running state: everything is computed from the
//! log, so a restarted app shows the right countdown. No GUI code here.

use jiff::civil::Time;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use crate::agenda::{Agenda, AgendaDay, AgendaItem, TimingEvent};
use crate::ids::AgendaItemId;

/// Where an item stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemState {
    Pending,
    Running,
    Paused,
    Done,
    Skipped,
    /// Interrupted by another item: its time is kept and it waits to be taken up again.
    Interrupted,
}

/// How urgent the countdown is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    /// More than 20 % of the timebox left.
    Calm,
    /// 20 % or less left.
    Warning,
    /// 5 % or less left.
    Critical,
    /// The timebox is used up; the timer counts the overtime.
    TimeUp,
}

/// An item's timer at one moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemTimer {
    pub state: ItemState,
    pub started: Option<Timestamp>,
    pub ended: Option<Timestamp>,
    /// Time the item has run, pauses excluded.
    pub elapsed: SignedDuration,
    /// Planned minutes plus extensions.
    pub allowed: SignedDuration,
}

/// A pause this long between an item's events begins a new sitting: its time is counted
/// afresh, never mixed with another day's.
const NEW_SITTING: SignedDuration = SignedDuration::from_hours(12);

impl ItemTimer {
    /// Reads an item's timing log as of `now`.
    pub fn of(item: &AgendaItem, now: Timestamp) -> Self {
        let mut timer = Self {
            state: ItemState::Pending,
            started: None,
            ended: None,
            elapsed: SignedDuration::ZERO,
            allowed: SignedDuration::from_mins(i64::from(item.planned_minutes)),
        };
        let mut running_since: Option<Timestamp> = None;
        let stop = |since: &mut Option<Timestamp>, at: Timestamp, elapsed: &mut SignedDuration| {
            if let Some(since) = since.take() {
                *elapsed += at.duration_since(since).max(SignedDuration::ZERO);
            }
        };
        let mut last_event: Option<Timestamp> = None;
        for event in &item.timing {
            let at = (*event).at();
            // Taken up again after a long break (another day: a held workshop continued,
            // a rehearsal last week): this sitting's time counts, not the earlier day's.
            if matches!(event, TimingEvent::Started(_) | TimingEvent::Resumed(_))
                && running_since.is_none()
                && last_event.is_some_and(|last| at.duration_since(last) > NEW_SITTING)
            {
                timer.elapsed = SignedDuration::ZERO;
                timer.allowed = SignedDuration::from_mins(i64::from(item.planned_minutes));
                timer.started = None;
            }
            last_event = Some(at);
            match *event {
                TimingEvent::Started(at) | TimingEvent::Resumed(at) => {
                    if running_since.is_none() {
                        running_since = Some(at);
                    }
                    timer.started.get_or_insert(at);
                    timer.ended = None;
                    timer.state = ItemState::Running;
                }
                TimingEvent::Paused(at) => {
                    stop(&mut running_since, at, &mut timer.elapsed);
                    timer.state = ItemState::Paused;
                }
                TimingEvent::Ended(at) => {
                    stop(&mut running_since, at, &mut timer.elapsed);
                    timer.ended = Some(at);
                    timer.state = ItemState::Done;
                }
                TimingEvent::Extended(_, secs) => {
                    timer.allowed += SignedDuration::from_secs(i64::from(secs));
                }
                TimingEvent::Skipped(_) => {
                    running_since = None;
                    timer.state = ItemState::Skipped;
                }
                TimingEvent::Interrupted(at) => {
                    stop(&mut running_since, at, &mut timer.elapsed);
                    timer.state = ItemState::Interrupted;
                }
                TimingEvent::Restarted(at) => {
                    running_since = Some(at);
                    timer.elapsed = SignedDuration::ZERO;
                    timer.allowed = SignedDuration::from_mins(i64::from(item.planned_minutes));
                    timer.started.get_or_insert(at);
                    timer.ended = None;
                    timer.state = ItemState::Running;
                }
            }
        }
        stop(&mut running_since, now, &mut timer.elapsed);
        timer
    }

    /// Time left in the timebox; negative once it is over.
    pub fn remaining(&self) -> SignedDuration {
        self.allowed - self.elapsed
    }

    /// How urgent: 20 % and 5 % of the timebox left, then time's up.
    pub fn urgency(&self) -> Urgency {
        let remaining = self.remaining();
        if remaining <= SignedDuration::ZERO {
            return Urgency::TimeUp;
        }
        let allowed_ms = self.allowed.as_millis().max(1);
        let left_ms = remaining.as_millis();
        if left_ms * 100 <= allowed_ms * 5 {
            Urgency::Critical
        } else if left_ms * 100 <= allowed_ms * 20 {
            Urgency::Warning
        } else {
            Urgency::Calm
        }
    }

    /// Whether the item is the one being worked on (running or paused).
    pub fn is_current(&self) -> bool {
        matches!(self.state, ItemState::Running | ItemState::Paused)
    }

    /// Whether the item still waits to be taken up (not started, or interrupted).
    pub fn is_waiting(&self) -> bool {
        matches!(self.state, ItemState::Pending | ItemState::Interrupted)
    }

    /// Time until the displayed seconds change, for repainting exactly then.
    pub fn until_next_second(&self) -> Option<std::time::Duration> {
        if self.state != ItemState::Running {
            return None;
        }
        let into_second = self.elapsed.subsec_millis();
        let wait_ms = 1000 - i64::from(into_second.rem_euclid(1000));
        Some(std::time::Duration::from_millis(wait_ms.unsigned_abs()))
    }
}

/// Formats a duration as `m:ss` or `h:mm:ss`, with a sign when negative.
pub fn format_clock(duration: SignedDuration) -> String {
    let secs = duration.as_secs();
    let sign = if secs < 0 { "\u{2212}" } else { "" };
    let secs = secs.unsigned_abs();
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{sign}{h}:{m:02}:{s:02}")
    } else {
        format!("{sign}{m}:{s:02}")
    }
}

/// Where an item sits in the agenda.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub day: usize,
    pub item: usize,
}

/// All item positions in agenda order.
pub(super) fn positions(agenda: &Agenda) -> impl Iterator<Item = Position> + '_ {
    agenda
        .days
        .iter()
        .enumerate()
        .flat_map(|(day, d)| (0..d.items.len()).map(move |item| Position { day, item }))
}

pub(super) fn item_at(agenda: &Agenda, at: Position) -> Option<&AgendaItem> {
    agenda.days.get(at.day)?.items.get(at.item)
}

pub(super) fn item_at_mut(agenda: &mut Agenda, at: Position) -> Option<&mut AgendaItem> {
    agenda.days.get_mut(at.day)?.items.get_mut(at.item)
}

/// Finds an item by id.
pub fn position_of(agenda: &Agenda, id: AgendaItemId) -> Option<Position> {
    positions(agenda).find(|&p| item_at(agenda, p).is_some_and(|item| item.id == id))
}

/// The item being worked on (running or paused), if any.
pub fn current(agenda: &Agenda, now: Timestamp) -> Option<Position> {
    positions(agenda)
        .find(|&p| item_at(agenda, p).is_some_and(|item| ItemTimer::of(item, now).is_current()))
}

/// The first waiting item (pending or interrupted) after `after` (or from the start).
pub fn next_pending(agenda: &Agenda, after: Option<Position>, now: Timestamp) -> Option<Position> {
    positions(agenda)
        .filter(|&p| after.is_none_or(|a| (p.day, p.item) > (a.day, a.item)))
        .find(|&p| item_at(agenda, p).is_some_and(|item| ItemTimer::of(item, now).is_waiting()))
}

/// An item's planned slot, in minutes after midnight of its day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    pub id: AgendaItemId,
    pub start_min: i64,
    pub end_min: i64,
}

/// The planned slots of a day, back to back from its start time (09:00 when unset).
pub fn day_slots(day: &AgendaDay) -> Vec<Slot> {
    let start = day.start_time.unwrap_or(Time::constant(9, 0, 0, 0));
    let mut at = i64::from(start.hour()) * 60 + i64::from(start.minute());
    day.items
        .iter()
        .map(|item| {
            let slot = Slot {
                id: item.id,
                start_min: at,
                end_min: at + i64::from(item.planned_minutes),
            };
            at = slot.end_min;
            slot
        })
        .collect()
}

/// `HH:MM` for minutes after midnight; `+1` marks the next day.
pub fn format_minutes(minutes: i64) -> String {
    let day = minutes.div_euclid(24 * 60);
    let of_day = minutes.rem_euclid(24 * 60);
    let text = format!("{:02}:{:02}", of_day / 60, of_day % 60);
    if day > 0 {
        format!("{text} (+{day})")
    } else {
        text
    }
}

/// A day's planned length against the time it has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayBudget {
    pub planned_minutes: i64,
    /// From start to end time, when both are set.
    pub available_minutes: Option<i64>,
}

impl DayBudget {
    pub fn of(day: &AgendaDay) -> Self {
        let planned_minutes = day.items.iter().map(|i| i64::from(i.planned_minutes)).sum();
        let minutes = |t: Time| i64::from(t.hour()) * 60 + i64::from(t.minute());
        let available_minutes = match (day.start_time, day.end_time) {
            (Some(start), Some(end)) => Some(minutes(end) - minutes(start)),
            _ => None,
        };
        Self {
            planned_minutes,
            available_minutes,
        }
    }

    /// Whether the plan needs more time than the day has.
    pub fn is_overbooked(&self) -> bool {
        self.available_minutes
            .is_some_and(|available| self.planned_minutes > available)
    }
}

/// How the running day compares with its plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Positive: behind schedule; negative: ahead.
    pub drift: SignedDuration,
    /// When the day will end if the rest goes as planned.
    pub projected_end: Timestamp,
    /// When it was planned to end.
    pub planned_end: Timestamp,
    /// The day's end time, if set.
    pub day_end: Option<Timestamp>,
}

impl Progress {
    /// Whether the rest of the day no longer fits before its end time.
    pub fn runs_short(&self) -> bool {
        self.day_end.is_some_and(|end| self.projected_end > end)
    }
}

/// When a day was first taken up: its earliest start.
pub fn first_start(day: &AgendaDay) -> Option<Timestamp> {
    day.items
        .iter()
        .flat_map(|item| item.timing.iter())
        .filter_map(|event| match event {
            TimingEvent::Started(at) | TimingEvent::Restarted(at) => Some(*at),
            _ => None,
        })
        .min()
}

/// The progress of today's sitting of the day holding the current item (or the item held
/// last today), in `tz`.
///
/// Only today's times count, so drift, projected end and overtime never mix times of
/// different days. The plan is anchored at the day's date and start time when the day runs
/// on its date from the beginning, so a late start counts as drift. A day run on another
/// date (the example of 2017, a workshop prepared last week), and a day continued today
/// after an earlier date, are measured from today's actual start, against what was still
/// to do then.
///
/// Projected end: now, plus what is left of the current item's timebox, plus the planned
/// minutes of the items still waiting that day. `None` when nothing of the day ran today.
pub fn progress(agenda: &Agenda, now: Timestamp, tz: &TimeZone) -> Option<Progress> {
    let today = now.to_zoned(tz.clone()).date();
    let on_today = |t: Timestamp| t.to_zoned(tz.clone()).date() == today;
    let anchor = current(agenda, now).or_else(|| {
        positions(agenda)
            .filter(|&p| {
                item_at(agenda, p).is_some_and(|i| {
                    let timer = ItemTimer::of(i, now);
                    timer.state == ItemState::Done && timer.ended.is_some_and(on_today)
                })
            })
            .last()
    })?;
    let day = agenda.days.get(anchor.day)?;
    let events = || day.items.iter().flat_map(|item| item.timing.iter());
    let sitting_start = events()
        .filter(|e| {
            matches!(
                e,
                TimingEvent::Started(_) | TimingEvent::Resumed(_) | TimingEvent::Restarted(_)
            )
        })
        .map(|e| e.at())
        .filter(|at| on_today(*at))
        .min()?;
    let ran_before = events().any(|e| e.at() < sitting_start && !on_today(e.at()));
    let start = day.start_time.unwrap_or(Time::constant(9, 0, 0, 0));
    let planned_start = if day.date == Some(today) && !ran_before {
        today
            .to_datetime(start)
            .to_zoned(tz.clone())
            .ok()?
            .timestamp()
    } else {
        sitting_start
    };
    let at = |minutes: SignedDuration| planned_start.checked_add(minutes).ok();
    // What today's sitting had to do: every item not finished on an earlier date, less what
    // items already had on their clocks before today.
    let midnight = today.to_zoned(tz.clone()).ok()?.timestamp();
    let mut planned = SignedDuration::ZERO;
    let mut rest = SignedDuration::ZERO;
    for item in &day.items {
        let before_today = ItemTimer::of(&truncated(item, midnight), midnight);
        if matches!(before_today.state, ItemState::Done | ItemState::Skipped) {
            continue;
        }
        planned += (before_today.allowed - before_today.elapsed).max(SignedDuration::ZERO);
        let timer = ItemTimer::of(item, now);
        match timer.state {
            ItemState::Running | ItemState::Paused | ItemState::Interrupted => {
                rest += timer.remaining().max(SignedDuration::ZERO);
            }
            ItemState::Pending => rest += timer.allowed,
            ItemState::Done | ItemState::Skipped => {}
        }
    }
    let planned_end = at(planned)?;
    let projected_end = now.checked_add(rest).ok()?;
    // The day's length keeps its place after the (actual or planned) start.
    let day_end = DayBudget::of(day)
        .available_minutes
        .and_then(|minutes| at(SignedDuration::from_mins(minutes)));
    Some(Progress {
        drift: projected_end.duration_since(planned_end),
        projected_end,
        planned_end,
        day_end,
    })
}

/// An item as it stood at `until`: its log without what came after.
fn truncated(item: &AgendaItem, until: Timestamp) -> AgendaItem {
    AgendaItem {
        timing: item
            .timing
            .iter()
            .copied()
            .filter(|e| e.at() < until)
            .collect(),
        round: None,
        ..item.clone()
    }
}

#[cfg(test)]
mod tests;
