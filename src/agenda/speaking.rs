//! The speaking round (Blitzlicht): everyone gets the same time, the next speaker comes on a
//! key press, and a gentle signal marks the end of a turn. Runtime state only: a round is
//! not part of the session document.

use jiff::{SignedDuration, Timestamp};

/// Setup and, while it runs, the round.
#[derive(Clone, Debug)]
pub struct SpeakingRound {
    /// One speaker per line, as the moderator typed or took them from the participants.
    pub speakers_text: String,
    pub turn_secs: u32,
    running: Option<Running>,
}

#[derive(Clone, Debug)]
struct Running {
    speakers: Vec<String>,
    index: usize,
    turn_started: Timestamp,
    /// Whether the end-of-turn signal was given for this turn.
    has_signalled: bool,
}

/// What a running round shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Turn {
    pub speaker: String,
    pub next: Option<String>,
    /// 1-based number of the speaker, and how many there are.
    pub number: usize,
    pub total: usize,
    pub remaining: SignedDuration,
}

impl Default for SpeakingRound {
    fn default() -> Self {
        Self {
            speakers_text: String::new(),
            turn_secs: 60,
            running: None,
        }
    }
}

impl SpeakingRound {
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// The speakers as typed, blank lines left out.
    pub fn speakers(&self) -> Vec<String> {
        self.speakers_text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// Starts with the first speaker; does nothing without speakers or time.
    pub fn start(&mut self, now: Timestamp) {
        let speakers = self.speakers();
        if speakers.is_empty() || self.turn_secs == 0 {
            return;
        }
        self.running = Some(Running {
            speakers,
            index: 0,
            turn_started: now,
            has_signalled: false,
        });
    }

    /// The next speaker; after the last one the round ends.
    pub fn next(&mut self, now: Timestamp) {
        let Some(running) = &mut self.running else {
            return;
        };
        running.index += 1;
        running.turn_started = now;
        running.has_signalled = false;
        if running.index >= running.speakers.len() {
            self.running = None;
        }
    }

    pub fn stop(&mut self) {
        self.running = None;
    }

    /// The current turn at `now`.
    pub fn turn(&self, now: Timestamp) -> Option<Turn> {
        let running = self.running.as_ref()?;
        let spoken = now.duration_since(running.turn_started);
        Some(Turn {
            speaker: running.speakers.get(running.index)?.clone(),
            next: running.speakers.get(running.index + 1).cloned(),
            number: running.index + 1,
            total: running.speakers.len(),
            remaining: SignedDuration::from_secs(i64::from(self.turn_secs)) - spoken,
        })
    }

    /// True once per turn, when its time is up: the moment for the gentle signal.
    pub fn take_signal(&mut self, now: Timestamp) -> bool {
        let is_up = self
            .turn(now)
            .is_some_and(|turn| turn.remaining <= SignedDuration::ZERO);
        match &mut self.running {
            Some(running) if is_up && !running.has_signalled => {
                running.has_signalled = true;
                true
            }
            _ => false,
        }
    }

    /// Time until the displayed seconds change, while a round runs.
    pub fn until_next_second(&self, now: Timestamp) -> Option<std::time::Duration> {
        let running = self.running.as_ref()?;
        let into = now
            .duration_since(running.turn_started)
            .subsec_millis()
            .rem_euclid(1000);
        Some(std::time::Duration::from_millis(u64::from(
            (1000 - into).unsigned_abs(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> Timestamp {
        Timestamp::from_second(1_511_424_000 + secs).unwrap()
    }

    #[test]
    fn equal_turns_next_on_demand_and_one_signal_per_turn() {
        let mut round = SpeakingRound {
            speakers_text: "Stadt Nordheim\n\n  Landkreis Südtal \nGemeinde Westerau".into(),
            turn_secs: 45,
            ..SpeakingRound::default()
        };
        round.start(at(0));
        let turn = round.turn(at(10)).unwrap();
        assert_eq!(
            (turn.speaker.as_str(), turn.number, turn.total),
            ("Stadt Nordheim", 1, 3)
        );
        assert_eq!(turn.next.as_deref(), Some("Landkreis Südtal"));
        assert_eq!(turn.remaining, SignedDuration::from_secs(35));
        assert!(!round.take_signal(at(44)));
        assert!(round.take_signal(at(45)), "the turn is up");
        assert!(!round.take_signal(at(50)), "only once");
        round.next(at(52));
        let turn = round.turn(at(52)).unwrap();
        assert_eq!(turn.speaker, "Landkreis Südtal");
        assert_eq!(
            turn.remaining,
            SignedDuration::from_secs(45),
            "everyone gets the same time"
        );
        round.next(at(90));
        round.next(at(130));
        assert!(!round.is_running(), "the round ends after the last speaker");
    }

    #[test]
    fn no_speakers_no_round() {
        let mut round = SpeakingRound::default();
        round.start(at(0));
        assert!(!round.is_running());
    }
}
