use super::*;
use crate::agenda::Method;
use crate::agenda::live;
use crate::ids::AgendaDayId;
use jiff::civil::date;

fn t(hh: i8, mm: i8, ss: i8) -> Timestamp {
    date(2017, 11, 23)
        .at(hh, mm, ss, 0)
        .to_zoned(TimeZone::UTC)
        .unwrap()
        .timestamp()
}

fn mins(m: i64) -> SignedDuration {
    SignedDuration::from_mins(m)
}

fn agenda(minutes: &[u32]) -> Agenda {
    let items = minutes
        .iter()
        .enumerate()
        .map(|(i, &planned_minutes)| AgendaItem {
            id: AgendaItemId::generate(),
            title: format!("Punkt {}", i + 1),
            method: Method::Discussion,
            planned_minutes,
            ..AgendaItem::default()
        })
        .collect();
    Agenda {
        days: vec![AgendaDay {
            id: AgendaDayId::generate(),
            date: Some(date(2017, 11, 23)),
            start_time: Some(Time::constant(10, 0, 0, 0)),
            end_time: Some(Time::constant(11, 0, 0, 0)),
            items,
            ..AgendaDay::default()
        }],
    }
}

fn first(agenda: &Agenda) -> &AgendaItem {
    &agenda.days[0].items[0]
}

#[test]
fn pause_and_resume_leave_out_the_paused_time() {
    let mut a = agenda(&[10, 20]);
    live::apply(&mut a, live::LiveAction::Toggle, t(10, 0, 0)); // Start.
    live::apply(&mut a, live::LiveAction::Toggle, t(10, 4, 0)); // Pause after 4 min.
    let timer = ItemTimer::of(first(&a), t(10, 30, 0));
    assert_eq!(timer.state, ItemState::Paused);
    assert_eq!(timer.elapsed, mins(4), "a paused timer stands still");
    live::apply(&mut a, live::LiveAction::Toggle, t(10, 30, 0)); // Resume.
    let timer = ItemTimer::of(first(&a), t(10, 33, 30));
    assert_eq!(timer.state, ItemState::Running);
    assert_eq!(timer.elapsed, mins(7) + SignedDuration::from_secs(30));
    assert_eq!(timer.remaining(), mins(2) + SignedDuration::from_secs(30));
}

#[test]
fn urgency_follows_the_share_left_and_overtime_keeps_counting() {
    let mut a = agenda(&[10]);
    live::apply(&mut a, live::LiveAction::Toggle, t(10, 0, 0));
    let at = |m, s| ItemTimer::of(first(&a), t(10, m, s));
    assert_eq!(at(7, 59).urgency(), Urgency::Calm);
    assert_eq!(at(8, 0).urgency(), Urgency::Warning, "20 % left");
    assert_eq!(at(9, 29).urgency(), Urgency::Warning);
    assert_eq!(at(9, 30).urgency(), Urgency::Critical, "5 % left");
    assert_eq!(at(10, 0).urgency(), Urgency::TimeUp);
    assert_eq!(
        at(12, 5).remaining(),
        -(mins(2) + SignedDuration::from_secs(5))
    );
    assert_eq!(format_clock(at(12, 5).remaining()), "\u{2212}2:05");
}

#[test]
fn extending_moves_the_thresholds() {
    let mut a = agenda(&[10]);
    live::apply(&mut a, live::LiveAction::Toggle, t(10, 0, 0));
    live::apply(&mut a, live::LiveAction::Extend(5 * 60), t(10, 9, 0));
    let timer = ItemTimer::of(first(&a), t(10, 11, 0));
    assert_eq!(timer.allowed, mins(15));
    assert_eq!(timer.remaining(), mins(4));
    assert_eq!(timer.urgency(), Urgency::Calm, "4 of 15 min left is 27 %");
    live::apply(&mut a, live::LiveAction::Extend(-60), t(10, 11, 0));
    assert_eq!(ItemTimer::of(first(&a), t(10, 11, 0)).remaining(), mins(3));
}

#[test]
fn drift_and_projected_end_of_a_late_day() {
    // Planned 10:00–10:45 (10 + 20 + 15 min), the day ends at 11:00.
    let mut a = agenda(&[10, 20, 15]);
    live::apply(&mut a, live::LiveAction::Toggle, t(10, 5, 0)); // Started 5 min late.
    live::apply(&mut a, live::LiveAction::Next, t(10, 22, 0)); // First item took 17 min.
    let p = progress(&a, t(10, 30, 0), &TimeZone::UTC).unwrap();
    // Now 10:30, second item has 12 min left, then 15 planned: 10:57.
    assert_eq!(p.projected_end, t(10, 57, 0));
    assert_eq!(p.planned_end, t(10, 45, 0));
    assert_eq!(p.drift, mins(12), "12 min behind");
    assert!(!p.runs_short());
    // The second item overruns by 10 min: the day no longer fits.
    let p = progress(&a, t(10, 52, 0), &TimeZone::UTC).unwrap();
    assert_eq!(p.projected_end, t(11, 7, 0));
    assert!(p.runs_short());
}

#[test]
fn a_day_run_on_another_date_is_measured_from_its_actual_start() {
    // Planned for 2017-11-23 at 10:00, run years later at 14:30.
    let mut a = agenda(&[10, 20, 15]);
    let later = |m: i64| {
        date(2026, 11, 26)
            .at(14, 30, 0, 0)
            .to_zoned(TimeZone::UTC)
            .unwrap()
            .timestamp()
            .checked_add(mins(m))
            .unwrap()
    };
    live::apply(&mut a, live::LiveAction::Toggle, later(0));
    let p = progress(&a, later(4), &TimeZone::UTC).unwrap();
    assert_eq!(
        p.drift,
        SignedDuration::ZERO,
        "no nonsense drift at the start"
    );
    assert_eq!(p.planned_end, later(45));
    assert_eq!(p.projected_end, later(45));
    assert_eq!(
        p.day_end,
        Some(later(60)),
        "the day's hour keeps its length"
    );
    live::apply(&mut a, live::LiveAction::Next, later(15));
    let p = progress(&a, later(15), &TimeZone::UTC).unwrap();
    assert_eq!(p.drift, mins(5), "the first item ran 5 min over");
}

#[test]
fn a_day_ahead_of_plan_has_negative_drift() {
    let mut a = agenda(&[30, 30]);
    live::apply(&mut a, live::LiveAction::Toggle, t(10, 0, 0));
    live::apply(&mut a, live::LiveAction::Next, t(10, 20, 0));
    let p = progress(&a, t(10, 20, 0), &TimeZone::UTC).unwrap();
    assert_eq!(p.drift, -mins(10));
}

#[test]
fn a_restarted_app_continues_the_countdown_from_wall_clock() {
    let mut a = agenda(&[30]);
    live::apply(&mut a, live::LiveAction::Toggle, t(10, 0, 0));
    // Saved, app closed at 10:05, reopened at 10:20: the log alone gives the state.
    let reloaded = a.clone();
    let timer = ItemTimer::of(&reloaded.days[0].items[0], t(10, 20, 0));
    assert_eq!(timer.state, ItemState::Running);
    assert_eq!(timer.remaining(), mins(10));
}

#[test]
fn a_day_long_over_shows_no_drift() {
    let mut a = agenda(&[10, 20]);
    live::apply(&mut a, live::LiveAction::Toggle, t(10, 0, 0));
    live::apply(&mut a, live::LiveAction::Next, t(10, 10, 0));
    live::apply(&mut a, live::LiveAction::Next, t(10, 30, 0));
    assert!(
        progress(&a, t(10, 31, 0), &TimeZone::UTC).is_some(),
        "same day: still shown"
    );
    let years_later = t(10, 31, 0)
        .checked_add(SignedDuration::from_hours(24 * 365 * 9))
        .unwrap();
    assert_eq!(progress(&a, years_later, &TimeZone::UTC), None);
}

#[test]
fn held_counts_finished_items_and_their_overtime() {
    let mut a = agenda(&[10, 20, 15]);
    live::apply(&mut a, live::LiveAction::Toggle, t(10, 0, 0));
    live::apply(&mut a, live::LiveAction::Next, t(10, 12, 0)); // 12 of 10: over.
    live::apply(&mut a, live::LiveAction::Next, t(10, 30, 0)); // 18 of 20.
    let totals = crate::agenda::figures::agenda(&a, t(10, 40, 0));
    assert_eq!(
        (totals.held_minutes, totals.items_over_time),
        (30, 1),
        "the running third item is not held yet"
    );
}

#[test]
fn slots_and_budget() {
    let a = agenda(&[10, 20, 45]);
    let slots = day_slots(&a.days[0]);
    let shown: Vec<_> = slots
        .iter()
        .map(|s| (format_minutes(s.start_min), format_minutes(s.end_min)))
        .collect();
    assert_eq!(shown[2], ("10:30".to_owned(), "11:15".to_owned()));
    let budget = DayBudget::of(&a.days[0]);
    assert_eq!(budget.planned_minutes, 75);
    assert_eq!(budget.available_minutes, Some(60));
    assert!(budget.is_overbooked());
    assert_eq!(format_minutes(23 * 60 + 50 + 20), "00:10 (+1)");
}

#[test]
fn repaint_waits_for_the_next_whole_second() {
    let mut a = agenda(&[10]);
    live::apply(&mut a, live::LiveAction::Toggle, t(10, 0, 0));
    let now = t(10, 0, 3)
        .checked_add(SignedDuration::from_millis(250))
        .unwrap();
    let timer = ItemTimer::of(first(&a), now);
    assert_eq!(
        timer.until_next_second(),
        Some(std::time::Duration::from_millis(750))
    );
    live::apply(&mut a, live::LiveAction::Toggle, now);
    assert_eq!(
        ItemTimer::of(first(&a), now).until_next_second(),
        None,
        "paused: no ticking"
    );
}

#[test]
fn an_item_taken_up_on_another_day_counts_that_sitting_only() {
    let mut a = agenda(&[15]);
    a.days[0].items[0].timing = vec![
        TimingEvent::Started(t(10, 0, 0)),
        TimingEvent::Extended(t(10, 10, 0), 300),
        TimingEvent::Ended(t(10, 18, 0)),
        // Nine years later, the record continued.
        TimingEvent::Resumed(t(10, 0, 0) + SignedDuration::from_hours(9 * 365 * 24)),
    ];
    let now = t(10, 5, 0) + SignedDuration::from_hours(9 * 365 * 24);
    let timer = ItemTimer::of(first(&a), now);
    assert_eq!(timer.state, ItemState::Running);
    assert_eq!(
        timer.elapsed,
        mins(5),
        "today's five minutes, not 2017's eighteen"
    );
    assert_eq!(timer.remaining(), mins(10), "the old extension is gone too");
    // A pause of an hour within a day is still one sitting.
    let mut b = agenda(&[15]);
    b.days[0].items[0].timing = vec![
        TimingEvent::Started(t(10, 0, 0)),
        TimingEvent::Paused(t(10, 10, 0)),
        TimingEvent::Resumed(t(11, 10, 0)),
    ];
    assert_eq!(ItemTimer::of(first(&b), t(11, 12, 0)).elapsed, mins(12));
}
