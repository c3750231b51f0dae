//! The agenda: live timers with a mock clock, reordering, the projector view, the speaking
//! round.

use super::*;

#[test]
fn a_running_item_warns_then_counts_overtime_with_a_mock_clock() {
    let dir = tempfile::tempdir().unwrap();
    let folder = pending_agenda_session(dir.path());
    let clock = Clock::manual("2026-11-26T09:00:00Z".parse().unwrap());
    let mut harness = app_with_clock(dir.path(), folder, clock.clone());
    harness.get_by_label("Start").click();
    harness.run();
    let first = &harness.state().session().agenda.days[0].items[0];
    assert!(matches!(
        first.timing.as_slice(),
        [moderato::agenda::TimingEvent::Started(_)]
    ));
    assert!(
        harness.query_by_label("10:00").is_some(),
        "the full timebox is shown"
    );

    clock.advance(jiff::SignedDuration::from_secs(8 * 60 + 5));
    harness.run();
    assert!(harness.query_by_label("1:55").is_some());
    assert!(
        harness.query_by_label("time is running out").is_some(),
        "under 20 % left"
    );

    clock.advance(jiff::SignedDuration::from_secs(2 * 60 + 30));
    harness.run();
    assert!(harness.query_by_label("Time's up").is_some());
    assert!(
        harness.query_by_label("+0:35").is_some(),
        "overtime keeps counting"
    );

    // Space pauses: the countdown stands still.
    harness.key_press(Key::Space);
    harness.run();
    clock.advance(jiff::SignedDuration::from_mins(5));
    harness.run();
    assert!(harness.query_by_label("+0:35").is_some());
    assert!(harness.query_all_by_label("paused").next().is_some());

    // N ends it and starts the next one.
    harness.key_press(Key::N);
    harness.run();
    assert!(harness.query_by_label("20:00").is_some());
    let totals = moderato::agenda::figures::agenda(&harness.state().session().agenda, clock.now());
    assert_eq!(
        (totals.held_minutes, totals.items_over_time),
        (11, 1),
        "10:35 held, over its 10 minutes"
    );
}

#[test]
fn reorder_items_and_type_a_duration() {
    let dir = tempfile::tempdir().unwrap();
    let folder = pending_agenda_session(dir.path());
    let mut harness = app_with_clock(dir.path(), folder, Clock::System);
    let titles = |h: &Harness<'_, ModeratoApp>| -> Vec<String> {
        h.state().session().agenda.days[0]
            .items
            .iter()
            .map(|i| i.title.clone())
            .collect()
    };
    // Move the last item up with its button.
    harness.get_all_by_label("Move up").last().unwrap().click();
    harness.run();
    assert_eq!(
        titles(&harness),
        ["Begrüßung", "Abschluss", "Diskussion über Öffnungszeiten"]
    );
    // And the first one down with Alt+↓ from its title field.
    harness.get_all_by_label("Title").next().unwrap().click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::ALT, Key::ArrowDown);
    harness.run();
    assert_eq!(
        titles(&harness),
        ["Abschluss", "Begrüßung", "Diskussion über Öffnungszeiten"]
    );
    harness.key_press(Key::Escape);
    harness.run();

    // Type 95 minutes: any length, no slider.
    let minutes = harness.get_all_by_label("min").last().unwrap();
    minutes.click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness
        .get_all_by_label("min")
        .last()
        .unwrap()
        .type_text("95");
    harness.key_press(Key::Enter);
    harness.run();
    let day = &harness.state().session().agenda.days[0];
    assert_eq!(day.items[2].planned_minutes, 95);
    assert_eq!(
        moderato::agenda::timing::DayBudget::of(day).planned_minutes,
        15 + 10 + 95
    );
    // The computed times follow: 09:00 start, so the last item runs 09:25–11:00.
    assert!(harness.query_by_label("09:25\u{2013}11:00").is_some());
}

#[test]
fn the_projector_view_shows_the_countdown_and_the_next_item() {
    let dir = tempfile::tempdir().unwrap();
    let folder = pending_agenda_session(dir.path());
    let clock = Clock::manual("2026-11-26T09:00:00Z".parse().unwrap());
    let mut harness = app_with_clock(dir.path(), folder, clock.clone());
    harness.key_press(Key::Space);
    harness.run();
    clock.advance(jiff::SignedDuration::from_secs(90));
    harness.key_press(Key::P);
    harness.run();
    assert!(harness.state().is_projector_open());
    // Headless, the second window is embedded; its countdown is the second "8:30".
    assert_eq!(harness.query_all_by_label("8:30").count(), 2);
    assert!(
        harness
            .query_by_label("Next up: Diskussion über Öffnungszeiten")
            .is_some()
    );
    harness.key_press(Key::P);
    harness.run();
    assert!(!harness.state().is_projector_open());
}

#[test]
fn a_speaking_round_gives_equal_turns_and_enter_moves_on() {
    let (dir, folder) = sessions_with_example();
    let clock = Clock::manual("2026-11-26T09:00:00Z".parse().unwrap());
    let mut harness = app_with_clock(dir.path(), folder, clock.clone());
    harness.get_by_label_contains("Speaking round").click();
    harness.run();
    harness.get_by_label("Use the participants").click();
    harness.run();
    harness.get_by_label("Start the round").click();
    harness.run();
    assert!(harness.query_by_label("Katrin Müller").is_some());
    assert!(
        harness.query_by_label("1:00").is_some(),
        "60 s per speaker by default"
    );
    clock.advance(jiff::SignedDuration::from_secs(61));
    harness.run();
    assert!(harness.query_by_label("Time is up").is_some());
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.query_by_label("Jörg Weißenbach").is_some());
    assert!(
        harness.query_by_label("1:00").is_some(),
        "the next speaker gets the same time"
    );
}

#[test]
fn a_running_timer_repaints_at_the_next_second_and_an_idle_app_does_not_tick() {
    let dir = tempfile::tempdir().unwrap();
    let folder = pending_agenda_session(dir.path());
    let clock = Clock::manual("2026-11-26T09:00:00Z".parse().unwrap());
    let mut harness = app_with_clock(dir.path(), folder, clock.clone());
    let delay = |h: &Harness<'_, ModeratoApp>| {
        h.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay
    };
    assert!(
        delay(&harness) >= std::time::Duration::from_secs(1),
        "idle: {:?}",
        delay(&harness)
    );

    harness.key_press(Key::Space);
    harness.run();
    clock.advance(jiff::SignedDuration::from_millis(300));
    harness.step();
    assert_eq!(
        delay(&harness),
        std::time::Duration::from_millis(700),
        "exactly at the next second"
    );

    harness.key_press(Key::Space); // Pause.
    harness.run();
    assert!(
        delay(&harness) >= std::time::Duration::from_secs(1),
        "paused: {:?}",
        delay(&harness)
    );
}

#[test]
fn agenda_items_are_reordered_by_dragging_their_handle() {
    let dir = tempfile::tempdir().unwrap();
    let folder = pending_agenda_session(dir.path());
    let mut harness = app_with_clock(dir.path(), folder, Clock::System);
    let titles = |h: &Harness<'_, ModeratoApp>| -> Vec<String> {
        h.state().session().agenda.days[0]
            .items
            .iter()
            .map(|i| i.title.clone())
            .collect()
    };
    let handles: Vec<egui::Rect> = harness
        .get_all_by_label("\u{2630}")
        .map(|n| n.rect())
        .collect();
    assert_eq!(handles.len(), 3);
    // Drag the last item's handle onto the upper half of the first row.
    let from = handles[2].center();
    let to = handles[0].center() - egui::vec2(0.0, 4.0);
    harness.hover_at(from);
    harness.step();
    harness.drag_at(from);
    harness.step();
    for step in 1..=6 {
        harness.hover_at(from + (to - from) * (step as f32 / 6.0));
        harness.step();
    }
    harness.drop_at(to);
    harness.run();
    assert_eq!(
        titles(&harness),
        ["Abschluss", "Begrüßung", "Diskussion über Öffnungszeiten"]
    );
}

/// The speaking round warns before a turn ends, counts the overtime on the laptop and the
/// projector, records who spoke how long on its agenda item, and survives a restart.
#[test]
fn speaking_round_warns_and_counts_overtime() {
    use moderato::agenda::speaking::RoundAction;
    use moderato::agenda::timing::Urgency;
    let (dir, folder) = sessions_with_example();
    let clock = Clock::manual("2026-11-26T09:00:00Z".parse().unwrap());
    let mut harness = app_with_clock(dir.path(), folder.clone(), clock.clone());
    harness.get_by_label_contains("Speaking round").click();
    harness.run();
    harness.get_by_label("Use the participants").click();
    harness.run();
    let speakers = harness.state().session().meta.participants.len();
    assert!(
        harness
            .query_by_label(&format!("{speakers} × 60 s = {speakers} min"))
            .is_some(),
        "the round's length before it starts"
    );
    harness.get_by_label("Start the round").click();
    harness.run();
    let round = |h: &Harness<'static, ModeratoApp>| {
        let agenda = &h.state().session().agenda;
        let item = agenda
            .items()
            .find(|i| i.round.is_some())
            .expect("a round is recorded");
        (item.title.clone(), item.round.clone().unwrap())
    };
    let (title, _) = round(&harness);
    assert!(
        title.starts_with("Blitzlicht"),
        "the Blitzlicht item by default: {title}"
    );
    let now = || clock.now();
    let urgency = |h: &Harness<'static, ModeratoApp>| {
        round(h).1.state(now()).current.expect("running").urgency
    };
    assert_eq!(urgency(&harness), Urgency::Calm);
    clock.advance(jiff::SignedDuration::from_secs(48));
    harness.run();
    assert_eq!(urgency(&harness), Urgency::Warning, "20 % left");
    assert!(harness.query_by_label("0:12").is_some());
    clock.advance(jiff::SignedDuration::from_secs(9));
    harness.run();
    assert_eq!(urgency(&harness), Urgency::Critical, "5 % left");
    harness.key_press(Key::P);
    harness.run();
    clock.advance(jiff::SignedDuration::from_secs(15));
    harness.run();
    assert_eq!(
        harness.query_all_by_label("+0:12").count(),
        2,
        "the overtime on the laptop and on the projector"
    );
    harness.key_press(Key::P);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let (_, log) = round(&harness);
    let state = log.state(now());
    assert_eq!(state.done[0].spoken.as_secs(), 72);
    assert_eq!(state.done[0].overtime(log.turn()).as_secs(), 12);
    assert_eq!(state.current.as_ref().unwrap().number, 2);

    // Pause, back to the previous speaker, skip, a late arrival.
    harness.get_by_label("Pause the round").click();
    harness.run();
    assert!(round(&harness).1.state(now()).current.unwrap().is_paused);
    harness.get_by_label("Resume the round").click();
    harness.run();
    harness.get_by_label("Previous speaker").click();
    harness.run();
    assert_eq!(round(&harness).1.state(now()).current.unwrap().number, 1);
    harness.get_by_label("Skip speaker").click();
    harness.run();
    harness.get_by_label("Late arrival:").click();
    harness
        .get_by_label("Late arrival:")
        .type_text("Zoë Nachzügler");
    harness.run();
    harness.get_by_label("Add to the round").click();
    harness.run();
    let turn = round(&harness).1.state(now()).current.unwrap();
    assert_eq!(turn.total, speakers + 1);

    // On another screen, a compact line and Enter for the next speaker.
    harness.get_by_label("Board").click();
    harness.run();
    assert!(harness.query_by_label_contains(&turn.speaker).is_some());
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        round(&harness).1.state(now()).current.unwrap().number,
        turn.number + 1
    );

    // Saved and opened again, the round goes on where it was.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    settle(&mut harness);
    drop(harness);
    let harness = app_with_clock(dir.path(), folder, clock.clone());
    let again = round(&harness).1.state(now());
    assert_eq!(again.current.unwrap().number, turn.number + 1);
    assert!(round(&harness).1.event(RoundAction::Next, now()).is_some());
}

/// The drift the live panel would show now: never more than a day, whatever the record says.
fn drift_minutes(harness: &Harness<'static, ModeratoApp>, clock: &Clock) -> i64 {
    let progress = moderato::agenda::timing::progress(
        &harness.state().session().agenda,
        clock.now(),
        &jiff::tz::TimeZone::system(),
    )
    .expect("a day is running");
    progress.drift.as_secs() / 60
}

#[test]
fn restarting_a_held_day_asks_and_never_mixes_days() {
    // The example: a workshop held on 23–24 November 2017, with its timing log; today is in
    // 2026.
    for begin_new_run in [true, false] {
        let (dir, folder) = sessions_with_example();
        let clock = Clock::manual("2026-12-02T09:00:00Z".parse().unwrap());
        let mut harness = app_with_clock(dir.path(), folder, clock.clone());
        let recorded = harness.state().session().agenda.days[0].clone();
        harness
            .get_all_by_label("Start this item now")
            .next()
            .unwrap()
            .click();
        harness.run();
        // It asks once, naming what was recorded.
        harness.get_by_label("This day has already run");
        let answer = if begin_new_run {
            "Begin a new run"
        } else {
            "Continue the recorded run"
        };
        harness.get_by_label(answer).click();
        harness.run();
        let day = harness.state().session().agenda.days[0].clone();
        let first = &day.items[0];
        assert!(
            matches!(
                first.timing.last(),
                Some(
                    moderato::agenda::TimingEvent::Started(at)
                        | moderato::agenda::TimingEvent::Resumed(at)
                ) if *at == clock.now()
            ),
            "the first item runs from now: {:?}",
            first.timing
        );
        if begin_new_run {
            assert_eq!(day.previous_runs.len(), 1, "the 2017 record is kept");
            assert_eq!(first.timing.len(), 1, "today's run starts clean");
        } else {
            assert!(day.previous_runs.is_empty());
            assert!(first.timing.len() > 1, "the record goes on");
        }
        // Drift, projected end and overtime count today's times only.
        let drift = drift_minutes(&harness, &clock);
        assert!(drift.abs() < 24 * 60, "drift {drift} min");
        assert!(harness.query_by_label("Time's up").is_none());
        for label in harness.query_all_by_label_contains("min behind") {
            let text = label.accesskit_node().label().unwrap_or_default();
            let minutes: i64 = text.split(' ').next().unwrap().parse().unwrap();
            assert!(minutes < 24 * 60, "{text}");
        }
        // Five minutes on: still today's figures.
        clock.advance(jiff::SignedDuration::from_mins(5));
        harness.run();
        assert!(drift_minutes(&harness, &clock).abs() < 24 * 60);
        // One undo brings the held day back as it was recorded.
        harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
        harness.run();
        assert_eq!(harness.state().session().agenda.days[0], recorded);
    }
}

#[test]
fn letters_without_focus_never_end_the_running_item() {
    let dir = tempfile::tempdir().unwrap();
    let folder = pending_agenda_session(dir.path());
    let clock = Clock::manual("2026-11-26T09:00:00Z".parse().unwrap());
    // Frames 1/60 s apart: the burst's keys land some 50 ms apart, as a fast typist's do.
    let mut harness = start(
        dir.path(),
        Setup {
            clock: clock.clone(),
            step_dt: Some(1.0 / 60.0),
            ..Setup::on(folder)
        },
    );
    harness.get_by_label("Start").click();
    harness.run();
    let running = harness.state().session().agenda.days[0].clone();
    // On another screen, with no field focused, a burst of letters (someone typing where
    // they thought a field was), N, P and Space among them, in one frame: the text and the
    // key presses egui gets for it.
    harness.get_by_label("Reflection").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Reflection);
    harness.event(egui::Event::Text("Neu pn n".into()));
    for key in [
        Key::N,
        Key::E,
        Key::U,
        Key::Space,
        Key::P,
        Key::N,
        Key::Space,
        Key::N,
    ] {
        for pressed in [true, false] {
            harness.event(egui::Event::Key {
                key,
                physical_key: None,
                pressed,
                repeat: false,
                modifiers: egui::Modifiers::NONE,
            });
        }
    }
    harness.run();
    assert_eq!(
        harness.state().session().agenda.days[0],
        running,
        "nothing ended, nothing skipped"
    );
    assert!(
        !harness.state().is_projector_open(),
        "P did not open the projector"
    );
    // On the agenda, a moment later, a single N still ends the item, and one undo brings it
    // back running.
    harness.get_by_label("Agenda").click();
    harness.run();
    for _ in 0..60 {
        harness.step();
    }
    harness.key_press(Key::N);
    harness.run();
    assert_ne!(harness.state().session().agenda.days[0], running);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().session().agenda.days[0], running);
}

#[test]
fn tab_from_a_title_goes_to_the_minutes_and_typing_replaces_them() {
    let dir = tempfile::tempdir().unwrap();
    let folder = pending_agenda_session(dir.path());
    let mut harness = app_with_clock(dir.path(), folder, Clock::System);
    let first = harness.state().session().agenda.days[0].items[0].clone();
    harness
        .get_all_by_label("Title")
        .find(|node| node.value().as_deref() == Some(first.title.as_str()))
        .expect("the first item's title field")
        .focus();
    harness.run();
    // Tab, then a fast typist's "45" in the same frame.
    harness.key_press(Key::Tab);
    harness.step();
    harness.event(egui::Event::Text("45".into()));
    harness.run();
    harness.key_press(Key::Tab);
    harness.run();
    let item = &harness.state().session().agenda.days[0].items[0];
    assert_eq!(item.planned_minutes, 45, "not {}45", first.planned_minutes);
    assert_eq!(item.method, first.method, "the method is not in the way");
}

#[test]
fn a_day_that_does_not_exist_is_named_and_the_date_kept() {
    let (dir, folder) = sessions_with_example();
    let mut harness = app_on(dir.path(), Some(folder), Lang::En);
    let before = harness.state().session().agenda.days[0].date;
    let field = harness
        .get_all_by_label("Date")
        .find(|node| node.value().is_some())
        .expect("the first day's date field");
    field.focus();
    harness.run();
    let start_field = |harness: &Harness<'static, ModeratoApp>| {
        harness
            .get_all_by_label("Start time")
            .find(|node| node.value().is_some())
            .expect("the first day's start time field")
            .rect()
    };
    let start_before = start_field(&harness);
    // Reached without the mouse, the field's date is selected: typing replaces it.
    harness
        .get_all_by_label("Date")
        .find(|node| node.value().is_some())
        .unwrap()
        .type_text("31.02.2026");
    harness.run();
    harness.get_by_label("There is no 31 February 2026.");
    assert_eq!(
        start_field(&harness),
        start_before,
        "the message does not push the row's other fields aside"
    );
    assert_eq!(
        harness.state().session().agenda.days[0].date,
        before,
        "the date that was there stays until a real one is typed"
    );
    // Saved now, the file keeps the old date, and the status says so instead of "Saved".
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    settle(&mut harness);
    let status = harness.state().status().unwrap_or_default().to_owned();
    assert!(
        status.contains("“31.02.2026” not saved") && status.contains("There is no 31 February"),
        "{status}"
    );
    // The save state beside the title keeps saying so.
    assert!(
        harness
            .query_all_by_label_contains("“31.02.2026” not saved")
            .any(|n| n.value().as_deref() == Some("saved just now · “31.02.2026” not saved"))
    );
    // A real date typed over it is saved, and the warning goes.
    harness
        .get_all_by_label("Date")
        .find(|node| node.value().is_some())
        .unwrap()
        .focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness
        .get_all_by_label("Date")
        .find(|node| node.value().is_some())
        .unwrap()
        .type_text("27.02.2026");
    harness.key_press(Key::Tab);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    settle(&mut harness);
    assert_eq!(harness.state().status(), Some("Saved"));
    assert_eq!(
        harness.state().session().agenda.days[0].date,
        jiff::civil::Date::new(2026, 2, 27).ok()
    );
}

/// An item's outcome: ✎ opens a line under the row with the cursor in it, what is typed lands
/// in the session, and the line stays once it holds text. Held items without an outcome keep
/// to one row; a new item adds no line.
#[test]
fn an_items_outcome_is_written_under_its_row() {
    let (dir, folder) = sessions_with_example();
    let mut harness = app_on(dir.path(), Some(folder), Lang::En);
    let outcomes = |harness: &Harness<'static, ModeratoApp>| {
        harness
            .query_all_by_label("Outcome")
            .filter(|node| node.value().is_some())
            .count()
    };
    assert_eq!(
        outcomes(&harness),
        0,
        "no item runs and none has an outcome"
    );
    harness
        .get_all_by_label("Write down the outcome")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(outcomes(&harness), 1);
    // The cursor is in it: typing goes straight there.
    harness.event(egui::Event::Text("Pilot in Nordheim beschlossen".into()));
    harness.run();
    let written: Vec<(String, String)> = harness
        .state()
        .session()
        .agenda
        .items()
        .filter(|item| !item.outcome.is_empty())
        .map(|item| (item.title.clone(), item.outcome.clone()))
        .collect();
    let first = harness.state().session().agenda.days[0].items[0]
        .title
        .clone();
    assert_eq!(written, [(first, "Pilot in Nordheim beschlossen".into())]);
    harness
        .get_all_by_label("+ Add item")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(outcomes(&harness), 1, "a new item has no outcome line");
}

/// An item interrupted by another says so within its column: every row's buttons stay in one
/// column, however long a status reads.
#[test]
fn a_long_status_never_pushes_the_row_buttons_aside() {
    let (dir, folder) = sessions_with_example();
    let clock = Clock::manual("2026-12-02T09:00:00Z".parse().unwrap());
    let mut harness = app_with_clock(dir.path(), folder, clock);
    let start = |harness: &mut Harness<'static, ModeratoApp>, n: usize| {
        harness
            .get_all_by_label("Start this item now")
            .nth(n)
            .unwrap()
            .click();
        harness.run();
    };
    start(&mut harness, 0);
    harness.get_by_label("Begin a new run").click();
    harness.run();
    start(&mut harness, 2);
    assert!(
        harness
            .query_by_label_contains("interrupted (0 min)")
            .is_some(),
        "the first item waits, interrupted"
    );
    let lefts: Vec<f32> = harness
        .get_all_by_label("Remove")
        .map(|n| n.rect().left())
        .collect();
    assert!(lefts.len() > 10);
    assert!(
        lefts.iter().all(|x| (x - lefts[0]).abs() < 0.5),
        "remove buttons at {lefts:?}"
    );
}
