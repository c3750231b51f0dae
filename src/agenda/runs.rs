//! Runs of a day: a day's timing logs are one run, held on one or more dates. A day whose
//! recorded times are not from today (a workshop held in 2017, a rehearsal last week, a
//! template copied from last year, a day that ran yesterday) is not simply resumed: the
//! moderator is asked whether to continue the recorded run or start a new run now, and a
//! new run keeps the old record as the day's previous run. Continuing closes what was left
//! running on an earlier date at its last plausible moment, so no clock counts the night.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use super::live::{self, LiveAction};
use super::model::{Agenda, AgendaDay, DayRun, ItemRun, TimingEvent};
use super::timing::{ItemState, ItemTimer};
use crate::ids::{AgendaDayId, AgendaItemId};

/// What the moderator is asked before a control takes up an item of a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayQuestion {
    /// The day never ran and is planned for another date: run it now?
    NeverRan { planned: Date },
    /// The day has recorded times, none of them from today: continue that run, or begin a
    /// new one now?
    RanBefore {
        /// The last date it ran on.
        last: Date,
        /// Items held in the recorded run.
        held: usize,
    },
}

/// The local dates a day's recorded times fall on, earliest first.
pub fn run_dates(day: &AgendaDay, tz: &TimeZone) -> Vec<Date> {
    let mut dates: Vec<Date> = day
        .items
        .iter()
        .flat_map(|item| item.timing.iter())
        .map(|event| event.at().to_zoned(tz.clone()).date())
        .collect();
    dates.sort();
    dates.dedup();
    dates
}

/// Whether `action` at `now` would take up an item of a day that needs the moderator's
/// answer first, and which day and question.
pub fn question(
    agenda: &Agenda,
    action: LiveAction,
    now: Timestamp,
    tz: &TimeZone,
) -> Option<(AgendaDayId, DayQuestion)> {
    let item = live::would_start(agenda, action, now)?;
    let day = agenda
        .days
        .iter()
        .find(|d| d.items.iter().any(|i| i.id == item))?;
    let today = now.to_zoned(tz.clone()).date();
    let dates = run_dates(day, tz);
    match dates.last() {
        None => {
            let planned = day.date?;
            (planned != today).then_some((day.id, DayQuestion::NeverRan { planned }))
        }
        Some(&last) if last != today => {
            let held = day
                .items
                .iter()
                .filter(|i| ItemTimer::of(i, now).state == ItemState::Done)
                .count();
            Some((day.id, DayQuestion::RanBefore { last, held }))
        }
        Some(_) => None,
    }
}

/// Keeps the day's recorded run as its previous run and clears the logs for a new one.
pub fn begin_new_run(day: &mut AgendaDay) -> bool {
    let has_record = day
        .items
        .iter()
        .any(|i| !i.timing.is_empty() || i.round.is_some());
    if !has_record {
        return false;
    }
    let started = super::timing::first_start(day);
    let items = day
        .items
        .iter_mut()
        .filter(|i| !i.timing.is_empty() || i.round.is_some())
        .map(|i| ItemRun {
            item: i.id,
            timing: std::mem::take(&mut i.timing),
            round: i.round.take(),
        })
        .collect();
    day.previous_runs.push(DayRun { started, items });
    true
}

/// What continuing a recorded run must close first: an item left running (or paused) on an
/// earlier date is interrupted where its clock plausibly stopped, at the end of its timebox
/// or at midnight of that date, whichever came first, so its time does not count the night.
pub fn stale_closings(
    day: &AgendaDay,
    now: Timestamp,
    tz: &TimeZone,
) -> Vec<(AgendaItemId, TimingEvent)> {
    let today = now.to_zoned(tz.clone()).date();
    let mut closings = Vec::new();
    for item in &day.items {
        let Some(last) = item.timing.last() else {
            continue;
        };
        let last_at = last.at();
        if last_at.to_zoned(tz.clone()).date() >= today {
            continue;
        }
        let timer = ItemTimer::of(item, last_at);
        let at = match timer.state {
            ItemState::Running => {
                let left = timer.remaining().max(SignedDuration::ZERO);
                let timebox_end = last_at.checked_add(left).unwrap_or(last_at);
                let midnight = last_at
                    .to_zoned(tz.clone())
                    .date()
                    .tomorrow()
                    .ok()
                    .and_then(|d| d.to_zoned(tz.clone()).ok())
                    .map_or(timebox_end, |z| z.timestamp());
                timebox_end.min(midnight)
            }
            ItemState::Paused => last_at,
            _ => continue,
        };
        closings.push((item.id, TimingEvent::Interrupted(at)));
    }
    closings
}

/// Applies closings computed by [`stale_closings`].
pub fn close(day: &mut AgendaDay, closings: &[(AgendaItemId, TimingEvent)]) -> bool {
    let mut changed = false;
    for (id, event) in closings {
        if let Some(item) = day.items.iter_mut().find(|i| i.id == *id) {
            item.timing.push(*event);
            changed = true;
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::AgendaItem;
    use jiff::civil::date;

    fn at(y: i16, m: i8, d: i8, h: i8, min: i8) -> Timestamp {
        date(y, m, d)
            .at(h, min, 0, 0)
            .to_zoned(TimeZone::UTC)
            .expect("valid")
            .timestamp()
    }

    fn day(on: Date, logs: Vec<Vec<TimingEvent>>) -> AgendaDay {
        AgendaDay {
            id: AgendaDayId::generate(),
            date: Some(on),
            items: logs
                .into_iter()
                .map(|timing| AgendaItem {
                    id: AgendaItemId::generate(),
                    planned_minutes: 30,
                    timing,
                    ..AgendaItem::default()
                })
                .collect(),
            ..AgendaDay::default()
        }
    }

    #[test]
    fn a_day_held_years_ago_asks_to_continue_or_begin_anew() {
        let held = day(
            date(2017, 11, 23),
            vec![
                vec![
                    TimingEvent::Started(at(2017, 11, 23, 9, 10)),
                    TimingEvent::Ended(at(2017, 11, 23, 9, 45)),
                ],
                vec![],
            ],
        );
        let first = held.items[0].id;
        let agenda = Agenda { days: vec![held] };
        let now = at(2026, 12, 2, 10, 0);
        let (_, asked) =
            question(&agenda, LiveAction::Start(first), now, &TimeZone::UTC).expect("asked");
        assert_eq!(
            asked,
            DayQuestion::RanBefore {
                last: date(2017, 11, 23),
                held: 1
            }
        );
    }

    #[test]
    fn a_day_never_run_asks_only_when_it_is_planned_for_another_date() {
        let planned = day(date(2026, 12, 3), vec![vec![]]);
        let item = planned.items[0].id;
        let agenda = Agenda {
            days: vec![planned],
        };
        let now = at(2026, 12, 2, 10, 0);
        assert_eq!(
            question(&agenda, LiveAction::Start(item), now, &TimeZone::UTC).map(|q| q.1),
            Some(DayQuestion::NeverRan {
                planned: date(2026, 12, 3)
            })
        );
        let tomorrow = at(2026, 12, 3, 9, 0);
        assert_eq!(
            question(&agenda, LiveAction::Start(item), tomorrow, &TimeZone::UTC),
            None
        );
    }

    #[test]
    fn a_day_that_ran_today_asks_nothing() {
        let today = day(
            date(2026, 12, 2),
            vec![vec![TimingEvent::Started(at(2026, 12, 2, 9, 0))], vec![]],
        );
        let second = today.items[1].id;
        let agenda = Agenda { days: vec![today] };
        let now = at(2026, 12, 2, 10, 0);
        assert_eq!(
            question(&agenda, LiveAction::Start(second), now, &TimeZone::UTC),
            None
        );
    }

    #[test]
    fn a_new_run_keeps_the_record_and_clears_the_logs() {
        let mut held = day(
            date(2017, 11, 23),
            vec![vec![
                TimingEvent::Started(at(2017, 11, 23, 9, 10)),
                TimingEvent::Ended(at(2017, 11, 23, 9, 45)),
            ]],
        );
        assert!(begin_new_run(&mut held));
        assert!(held.items[0].timing.is_empty());
        assert_eq!(held.previous_runs.len(), 1);
        assert_eq!(held.previous_runs[0].started, Some(at(2017, 11, 23, 9, 10)));
        assert_eq!(held.previous_runs[0].items[0].timing.len(), 2);
        assert!(!begin_new_run(&mut held), "nothing left to keep");
    }

    #[test]
    fn continuing_yesterday_closes_the_clock_left_running_at_its_timebox() {
        let yesterday = day(
            date(2026, 12, 1),
            vec![vec![TimingEvent::Started(at(2026, 12, 1, 16, 0))]],
        );
        let now = at(2026, 12, 2, 9, 0);
        let closings = stale_closings(&yesterday, now, &TimeZone::UTC);
        assert_eq!(
            closings,
            vec![(
                yesterday.items[0].id,
                TimingEvent::Interrupted(at(2026, 12, 1, 16, 30))
            )]
        );
        let late = day(
            date(2026, 12, 1),
            vec![vec![TimingEvent::Started(at(2026, 12, 1, 23, 50))]],
        );
        let closings = stale_closings(&late, now, &TimeZone::UTC);
        assert_eq!(
            closings[0].1,
            TimingEvent::Interrupted(at(2026, 12, 2, 0, 0)),
            "not past midnight"
        );
    }
}
