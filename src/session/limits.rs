//! The limits of a session: how long a text, how large a number, how many elements. Loading
//! refuses a file beyond them (it would break a later step: an export, a sum, the board), and
//! the edits and the app's fields keep within them, so whatever Moderato saves it also opens.

/// A card's text or a cluster's title: what fits on a card, and more.
pub const CARD_TEXT: usize = 2_000;
/// A title, a name, a label, a caption: one line.
pub const SHORT_TEXT: usize = 1_000;
/// Notes, an outcome, a comment, a summary, a decision: several paragraphs.
pub const LONG_TEXT: usize = 50_000;

/// Dots on one card or cluster (a consolidation adds up the dots of many workshops).
pub const MAX_VOTES: u32 = 1_000_000;
/// Dots each person may give on a board.
pub const MAX_DOTS_PER_PERSON: u32 = 100;
/// The planned time of one agenda item: a whole day.
pub const MAX_PLANNED_MINUTES: u32 = 1_440;
/// One extension (or shortening) of an item's time, in seconds: a day.
pub const MAX_EXTENSION_SECONDS: i32 = 86_400;
/// Elements of one kind in one list (cards on a board, entries, photos, …).
pub const MAX_ELEMENTS: usize = 100_000;
/// Timing events of one agenda item.
pub const MAX_TIMING_EVENTS: usize = 10_000;
/// Steps of the reflection scale (`max - min + 1`).
pub const MAX_SCALE_STEPS: i64 = 21;

/// Card positions, in walls (0..1 is the wall): a free pinboard may spread over many walls
/// (10,000 cards in rows reach 25 walls down); a position further out is moved to this edge.
pub const POSITION_MIN: f32 = -100.0;
pub const POSITION_MAX: f32 = 100.0;

/// Whether `min..=max` is a usable reflection scale.
pub fn scale_is_valid(min: i32, max: i32) -> bool {
    min < max && i64::from(max) - i64::from(min) < MAX_SCALE_STEPS
}

/// The text cut to at most `limit` characters (at a character boundary).
pub fn clip(mut text: String, limit: usize) -> String {
    // Most texts are short: bytes bound characters from above.
    if text.len() > limit
        && let Some((at, _)) = text.char_indices().nth(limit)
    {
        text.truncate(at);
    }
    text
}

/// The length of a text in characters, counted only when it could exceed `limit`.
pub fn exceeds(text: &str, limit: usize) -> Option<usize> {
    if text.len() <= limit {
        return None;
    }
    let chars = text.chars().count();
    (chars > limit).then_some(chars)
}

/// The beginning of a text, to name an element in a message (a hostile file may hold a
/// text of megabytes).
pub fn label(text: &str) -> String {
    const SHOWN: usize = 40;
    let line = text.lines().next().unwrap_or_default().trim();
    let mut shown: String = line.chars().take(SHOWN).collect();
    if shown.len() < text.trim().len() {
        shown.push('\u{2026}');
    }
    shown
}

/// A position moved onto the part of the plane a board can show; `NaN` goes to the middle.
pub fn clamp_position(value: f32) -> f32 {
    if value.is_nan() {
        0.5
    } else {
        value.clamp(POSITION_MIN, POSITION_MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_cuts_at_a_character_not_a_byte() {
        assert_eq!(clip("Größe".into(), 3), "Grö");
        assert_eq!(clip("Grö".into(), 3), "Grö");
        assert_eq!(clip("ä".repeat(10), 20), "ä".repeat(10));
    }

    #[test]
    fn exceeds_counts_characters() {
        assert_eq!(exceeds(&"ü".repeat(1_500), 2_000), None);
        assert_eq!(exceeds(&"x".repeat(2_001), 2_000), Some(2_001));
    }

    #[test]
    fn labels_are_short_and_say_when_cut() {
        assert_eq!(label("Radwege"), "Radwege");
        assert_eq!(label("a\nb"), "a\u{2026}");
        let long = label(&"Bürgerbeteiligung ".repeat(1_000));
        assert_eq!(long.chars().count(), 41);
        assert!(long.ends_with('\u{2026}'));
    }

    #[test]
    fn scales_need_two_to_twenty_one_steps() {
        assert!(scale_is_valid(1, 5));
        assert!(scale_is_valid(-10, 10));
        assert!(!scale_is_valid(-10, 11));
        assert!(!scale_is_valid(5, 5));
        assert!(!scale_is_valid(5, 1));
        assert!(!scale_is_valid(i32::MIN, i32::MAX));
    }
}
