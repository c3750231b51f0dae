//! The speaking round (Blitzlicht): everyone gets the same time, the next speaker comes on a
//! key press, a warning colour shows at 20 % and 5 % of a turn left, and overtime is counted.
//!
//! A round belongs to an agenda item and is recorded on it as a log of what happened
//! ([`RoundLog`]), like the item timers: who spoke, how long, who overran, and a running round
//! survives a restart. What the round shows at a moment is derived from the log
//! ([`RoundLog::state`]). The setup before a round starts ([`RoundSetup`]) is the app's.

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use super::timing::Urgency;

/// The longest turn a round allows, in seconds.
pub const MAX_TURN_SECS: u32 = 3600;
/// The most speakers a round takes.
pub const MAX_SPEAKERS: usize = 1000;

/// What the moderator prepares: the speakers, one per line, and the time per speaker.
#[derive(Clone, Debug)]
pub struct RoundSetup {
    pub speakers_text: String,
    pub turn_secs: u32,
}

impl Default for RoundSetup {
    fn default() -> Self {
        Self {
            speakers_text: String::new(),
            turn_secs: 60,
        }
    }
}

impl RoundSetup {
    /// The speakers as typed, blank lines left out.
    pub fn speakers(&self) -> Vec<String> {
        self.speakers_text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .take(MAX_SPEAKERS)
            .map(str::to_owned)
            .collect()
    }

    /// How long the round takes if everyone keeps to time.
    pub fn planned(&self) -> SignedDuration {
        SignedDuration::from_secs(i64::from(self.turn_secs) * self.speakers().len() as i64)
    }

    /// The speakers in a shuffled order (`seed` from the clock: a fair draw, not a secret).
    pub fn shuffle(&mut self, seed: u64) {
        let mut speakers = self.speakers();
        let mut state = seed | 1;
        for i in (1..speakers.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            speakers.swap(i, (state % (i as u64 + 1)) as usize);
        }
        self.speakers_text = speakers.join("\n");
    }

    /// The log of a round starting now, or `None` without speakers or time.
    pub fn start(&self, now: Timestamp) -> Option<RoundLog> {
        let speakers = self.speakers();
        if speakers.is_empty() || self.turn_secs == 0 {
            return None;
        }
        Some(RoundLog {
            turn_secs: self.turn_secs.min(MAX_TURN_SECS),
            speakers,
            events: vec![RoundEvent::Started(now)],
        })
    }
}

/// A speaking round as it happened, saved on its agenda item.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RoundLog {
    pub turn_secs: u32,
    /// The order planned at the start; late arrivals are added by events.
    pub speakers: Vec<String>,
    pub events: Vec<RoundEvent>,
}

/// What the moderator did, when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum RoundEvent {
    Started(Timestamp),
    /// The current speaker is done; the next one's turn begins.
    Next(Timestamp),
    /// Back to the previous speaker, whose turn begins again.
    Back(Timestamp),
    /// The current speaker passes.
    Skip(Timestamp),
    Paused(Timestamp),
    Resumed(Timestamp),
    /// A late arrival joins at the end.
    Added(Timestamp, String),
    /// The round ends before its last speaker.
    Stopped(Timestamp),
}

/// One finished turn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpokenTurn {
    pub speaker: String,
    pub spoken: SignedDuration,
    /// Passed without speaking.
    pub skipped: bool,
}

impl SpokenTurn {
    /// How far past the turn's time the speaker went (zero when in time).
    pub fn overtime(&self, turn: SignedDuration) -> SignedDuration {
        (self.spoken - turn).max(SignedDuration::ZERO)
    }
}

/// The turn being spoken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Turn {
    pub speaker: String,
    pub next: Option<String>,
    /// 1-based number of the speaker, and how many there are.
    pub number: usize,
    pub total: usize,
    /// Negative once the time is up: the overtime.
    pub remaining: SignedDuration,
    pub urgency: Urgency,
    pub is_paused: bool,
    /// When the round ends if everyone after this speaker keeps to time.
    pub projected_end: Timestamp,
}

/// A round at one moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundState {
    pub done: Vec<SpokenTurn>,
    /// `None` once the round is over.
    pub current: Option<Turn>,
}

impl RoundState {
    /// The turns spoken (not passed).
    pub fn spoken(&self) -> impl Iterator<Item = &SpokenTurn> {
        self.done.iter().filter(|t| !t.skipped)
    }

    /// The time of all spoken turns.
    pub fn total(&self) -> SignedDuration {
        self.spoken().map(|t| t.spoken).sum()
    }
}

impl RoundLog {
    /// The time per speaker (a file's absurd value is held to an hour).
    pub fn turn(&self) -> SignedDuration {
        SignedDuration::from_secs(i64::from(self.turn_secs.min(MAX_TURN_SECS)))
    }

    /// Whether the round is still going at `now`.
    pub fn is_running(&self, now: Timestamp) -> bool {
        self.state(now).current.is_some()
    }

    /// Replays the log up to `now`.
    pub fn state(&self, now: Timestamp) -> RoundState {
        let turn = self.turn();
        let mut queue: Vec<String> = self.speakers.iter().take(MAX_SPEAKERS).cloned().collect();
        let mut done: Vec<SpokenTurn> = Vec::new();
        let mut index = 0usize;
        let mut started: Option<Timestamp> = None;
        let mut paused_at: Option<Timestamp> = None;
        let mut paused_for = SignedDuration::ZERO;
        let mut over = false;
        let spoken =
            |at: Timestamp, started: Timestamp, paused_at: Option<Timestamp>, paused_for| {
                let end = paused_at.unwrap_or(at);
                (end.duration_since(started) - paused_for).max(SignedDuration::ZERO)
            };
        for event in &self.events {
            if over {
                break;
            }
            match event {
                RoundEvent::Started(t) => {
                    started = Some(*t);
                }
                RoundEvent::Added(_, name) => {
                    if queue.len() < MAX_SPEAKERS {
                        queue.push(name.clone());
                    }
                }
                RoundEvent::Paused(t) => {
                    if started.is_some() && paused_at.is_none() {
                        paused_at = Some(*t);
                    }
                }
                RoundEvent::Resumed(t) => {
                    if let Some(p) = paused_at.take() {
                        paused_for += t.duration_since(p).max(SignedDuration::ZERO);
                    }
                }
                RoundEvent::Next(t) | RoundEvent::Skip(t) | RoundEvent::Stopped(t) => {
                    let Some(s) = started else { continue };
                    if let Some(speaker) = queue.get(index) {
                        done.push(SpokenTurn {
                            speaker: speaker.clone(),
                            spoken: spoken(*t, s, paused_at, paused_for),
                            skipped: matches!(event, RoundEvent::Skip(_)),
                        });
                    }
                    index += 1;
                    started = Some(*t);
                    paused_at = None;
                    paused_for = SignedDuration::ZERO;
                    if matches!(event, RoundEvent::Stopped(_)) || index >= queue.len() {
                        over = true;
                    }
                }
                RoundEvent::Back(t) => {
                    if started.is_some() && index > 0 {
                        index -= 1;
                        done.pop();
                        started = Some(*t);
                        paused_at = None;
                        paused_for = SignedDuration::ZERO;
                    }
                }
            }
        }
        let current = match started {
            Some(s) if !over && index < queue.len() => {
                let remaining = turn - spoken(now, s, paused_at, paused_for);
                let left_after = (queue.len() - index - 1) as i64;
                let projected_end = now
                    .checked_add(remaining.max(SignedDuration::ZERO))
                    .and_then(|t| t.checked_add(turn * left_after as i32))
                    .unwrap_or(now);
                Some(Turn {
                    speaker: queue[index].clone(),
                    next: queue.get(index + 1).cloned(),
                    number: index + 1,
                    total: queue.len(),
                    remaining,
                    urgency: urgency(remaining, turn),
                    is_paused: paused_at.is_some(),
                    projected_end,
                })
            }
            _ => None,
        };
        RoundState { done, current }
    }

    /// The event that `action` records at `now`, if it applies to the round's state.
    pub fn event(&self, action: RoundAction, now: Timestamp) -> Option<RoundEvent> {
        let state = self.state(now);
        let turn = state.current.as_ref()?;
        Some(match action {
            RoundAction::Next => RoundEvent::Next(now),
            RoundAction::Skip => RoundEvent::Skip(now),
            RoundAction::Back if turn.number > 1 => RoundEvent::Back(now),
            RoundAction::Back => return None,
            RoundAction::Pause if !turn.is_paused => RoundEvent::Paused(now),
            RoundAction::Resume if turn.is_paused => RoundEvent::Resumed(now),
            RoundAction::Pause | RoundAction::Resume => return None,
            RoundAction::Stop => RoundEvent::Stopped(now),
            RoundAction::Add(name) => {
                let name = name.trim();
                if name.is_empty() || turn.total >= MAX_SPEAKERS {
                    return None;
                }
                RoundEvent::Added(now, name.chars().take(200).collect())
            }
        })
    }

    /// The moment the signal for the current turn is due (its time up), to give it once.
    pub fn signal_key(&self, now: Timestamp) -> Option<(usize, usize)> {
        let turn = self.state(now).current?;
        (turn.remaining <= SignedDuration::ZERO && !turn.is_paused)
            .then_some((turn.number, self.events.len()))
    }
}

/// A round in three numbers, for Review and the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoundTotals {
    pub speakers: usize,
    pub total: SignedDuration,
    pub overran: usize,
}

impl RoundLog {
    /// Who spoke, how long in all, how many went over their time.
    pub fn totals(&self, now: Timestamp) -> RoundTotals {
        let state = self.state(now);
        RoundTotals {
            speakers: state.spoken().count(),
            total: state.total(),
            overran: state
                .spoken()
                .filter(|t| t.overtime(self.turn()) > SignedDuration::ZERO)
                .count(),
        }
    }
}

/// The item whose speaking round is running at `now`, with the round.
pub fn running(
    agenda: &super::Agenda,
    now: Timestamp,
) -> Option<(&super::AgendaItem, &RoundLog, Turn)> {
    agenda.items().find_map(|item| {
        let round = item.round.as_ref()?;
        let turn = round.state(now).current?;
        Some((item, round, turn))
    })
}

/// What the moderator can do while a round runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoundAction {
    Next,
    Back,
    Skip,
    Pause,
    Resume,
    Stop,
    Add(String),
}

fn urgency(remaining: SignedDuration, turn: SignedDuration) -> Urgency {
    if remaining <= SignedDuration::ZERO {
        return Urgency::TimeUp;
    }
    let allowed = turn.as_millis().max(1);
    let left = remaining.as_millis();
    if left * 100 <= allowed * 5 {
        Urgency::Critical
    } else if left * 100 <= allowed * 20 {
        Urgency::Warning
    } else {
        Urgency::Calm
    }
}

/// Time until the shown seconds change.
pub fn until_next_second(turn: &Turn) -> std::time::Duration {
    let into = turn.remaining.subsec_millis().rem_euclid(1000);
    std::time::Duration::from_millis(u64::from(into.unsigned_abs()).max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> Timestamp {
        Timestamp::from_second(1_700_000_000 + secs).unwrap()
    }

    fn round(names: &str, turn_secs: u32) -> RoundLog {
        RoundSetup {
            speakers_text: names.to_owned(),
            turn_secs,
        }
        .start(at(0))
        .unwrap()
    }

    #[test]
    fn warnings_at_twenty_and_five_percent_then_overtime() {
        let log = round("Anna\nBen", 100);
        let urgency = |s| log.state(at(s)).current.unwrap().urgency;
        assert_eq!(urgency(79), Urgency::Calm);
        assert_eq!(urgency(80), Urgency::Warning);
        assert_eq!(urgency(95), Urgency::Critical);
        assert_eq!(urgency(100), Urgency::TimeUp);
        let turn = log.state(at(112)).current.unwrap();
        assert_eq!(turn.remaining, SignedDuration::from_secs(-12));
        assert_eq!(turn.projected_end, at(212), "Ben's 100 s after now");
    }

    #[test]
    fn pause_back_skip_add_and_stop_are_recorded() {
        let mut log = round("Anna\nBen\nCem", 60);
        let act = |log: &mut RoundLog, a, s| {
            let e = log.event(a, at(s)).expect("applies");
            log.events.push(e);
        };
        act(&mut log, RoundAction::Pause, 10);
        assert!(
            log.event(RoundAction::Pause, at(15)).is_none(),
            "paused already"
        );
        act(&mut log, RoundAction::Resume, 40);
        act(&mut log, RoundAction::Next, 90); // Anna: 60 s spoken, 30 s paused
        act(&mut log, RoundAction::Back, 95); // Anna again
        act(&mut log, RoundAction::Next, 165); // Anna: 70 s, 10 over
        act(&mut log, RoundAction::Skip, 170); // Ben passes
        act(&mut log, RoundAction::Add("Dora".into()), 171);
        act(&mut log, RoundAction::Next, 200); // Cem 30 s
        let state = log.state(at(205));
        let turn = state.current.as_ref().unwrap();
        assert_eq!(
            (turn.speaker.as_str(), turn.number, turn.total),
            ("Dora", 4, 4)
        );
        let done: Vec<(&str, i64, bool)> = state
            .done
            .iter()
            .map(|t| (t.speaker.as_str(), t.spoken.as_secs(), t.skipped))
            .collect();
        assert_eq!(
            done,
            [("Anna", 70, false), ("Ben", 5, true), ("Cem", 30, false)]
        );
        assert_eq!(
            state.done[0].overtime(log.turn()),
            SignedDuration::from_secs(10)
        );
        act(&mut log, RoundAction::Stop, 230);
        let state = log.state(at(300));
        assert!(state.current.is_none());
        assert_eq!(state.spoken().count(), 3);
        assert_eq!(state.total(), SignedDuration::from_secs(130));
        assert!(log.event(RoundAction::Next, at(301)).is_none(), "over");
    }

    #[test]
    fn the_setup_tells_the_length_and_shuffles_fairly() {
        let mut setup = RoundSetup {
            speakers_text: "A\nB\n\nC\nD\n".into(),
            turn_secs: 30,
        };
        assert_eq!(setup.planned(), SignedDuration::from_secs(120));
        setup.shuffle(42);
        let mut names = setup.speakers();
        assert_ne!(names, ["A", "B", "C", "D"]);
        names.sort();
        assert_eq!(names, ["A", "B", "C", "D"]);
    }
}
