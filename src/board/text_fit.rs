//! A card's text laid out to fit its card, the same on screen and in print: whole words,
//! long words hyphenated by their language (German compounds are common), the font shrunk
//! down to a readable minimum, and the card grown when the text is longer still. Never a
//! break inside a word without a hyphen, never clipped text.
//!
//! Sizes are in wall units (see `layout`), so a text is laid out once, whatever the zoom:
//! the screen and the report only scale it. Widths come from DejaVu Sans, the font both draw
//! with. Layouts are remembered per text, so asking again costs a hash.

use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::rc::Rc;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHasher};

use crate::board::CardShape;

/// A card's width and its height before its text needs more, in wall units.
pub const CARD_W: f32 = 200.0;
pub const CARD_H: f32 = 100.0;
/// A heading card: wider and flatter.
pub const HEADING_W: f32 = 240.0;
pub const HEADING_H: f32 = 76.0;
/// Space between the card's edge and its text (a dot badge sits in the corner, inside it).
pub const PAD: f32 = 12.0;
/// The text size a card starts with, and the least it shrinks to, in wall units.
pub const TEXT_MAX: f32 = 22.0;
pub const TEXT_MIN: f32 = 20.0;
/// Line height in text sizes.
pub const LINE_HEIGHT: f32 = 1.22;
/// Widths are measured a little generously, so a renderer with slightly different
/// rounding or kerning never needs a line more than the layout gave it.
const WIDTH_MARGIN: f32 = 1.04;

/// A card's text, laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    /// The lines, with a hyphen where a word was broken.
    pub lines: Vec<String>,
    /// The lines joined by line breaks, as a renderer wants them.
    pub joined: String,
    /// Text size in wall units.
    pub size: f32,
    /// The card's height in wall units (at least its shape's height).
    pub height: f32,
    pub width: f32,
}

/// The advance widths of DejaVu Sans, in ems.
struct Metrics {
    face: ttf_parser::Face<'static>,
    /// Latin, Latin-1 and Latin Extended-A, looked up directly.
    common: Vec<f32>,
    units_per_em: f32,
}

static FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

fn metrics() -> &'static Metrics {
    static METRICS: OnceLock<Metrics> = OnceLock::new();
    METRICS.get_or_init(|| {
        let face = ttf_parser::Face::parse(FONT, 0).expect("the bundled DejaVu Sans parses");
        let units_per_em = f32::from(face.units_per_em());
        let mut metrics = Metrics {
            face,
            common: Vec::new(),
            units_per_em,
        };
        metrics.common = (0u32..0x180)
            .map(|c| char::from_u32(c).map_or(0.0, |c| metrics.slow_width(c)))
            .collect();
        metrics
    })
}

impl Metrics {
    fn slow_width(&self, c: char) -> f32 {
        let glyph = self
            .face
            .glyph_index(c)
            .or_else(|| self.face.glyph_index('?'));
        let advance = glyph
            .and_then(|g| self.face.glyph_hor_advance(g))
            .unwrap_or(0);
        f32::from(advance) / self.units_per_em
    }

    fn width(&self, c: char) -> f32 {
        match self.common.get(c as usize) {
            Some(w) => *w,
            None => self.slow_width(c),
        }
    }
}

/// The width of a text in ems of DejaVu Sans.
pub fn width_em(text: &str) -> f32 {
    let m = metrics();
    text.chars().map(|c| m.width(c)).sum::<f32>() * WIDTH_MARGIN
}

/// The hyphenation patterns for a text: German unless it looks English. A card's language
/// is told from its own words, so a board may mix both.
pub fn language_of(text: &str) -> hypher::Lang {
    const ENGLISH: [&str; 12] = [
        "the", "and", "of", "for", "with", "to", "is", "are", "our", "we", "more", "on",
    ];
    const GERMAN: [&str; 12] = [
        "und", "der", "die", "das", "für", "mit", "im", "von", "zu", "auf", "ist", "wir",
    ];
    let mut score = 0i32;
    for word in text.split(|c: char| !c.is_alphabetic()) {
        let word = word.to_lowercase();
        if word.contains(['ä', 'ö', 'ü', 'ß']) || GERMAN.contains(&word.as_str()) {
            score -= 1;
        } else if ENGLISH.contains(&word.as_str()) {
            score += 1;
        }
    }
    if score > 0 {
        hypher::Lang::English
    } else {
        hypher::Lang::German
    }
}

/// The size of a card of this shape before its text needs more.
pub fn base_size(shape: CardShape) -> (f32, f32) {
    match shape {
        CardShape::Card | CardShape::Oval => (CARD_W, CARD_H),
        CardShape::Heading => (HEADING_W, HEADING_H),
        CardShape::Circle => (CARD_H * 1.4, CARD_H * 1.4),
    }
}

/// Lays out a card's text (remembered: a text is laid out once per thread).
pub fn fit(text: &str, shape: CardShape) -> Rc<Fit> {
    thread_local! {
        static MEMO: RefCell<FxHashMap<(u64, CardShape), Rc<Fit>>> = RefCell::default();
    }
    let mut hasher = FxHasher::default();
    text.hash(&mut hasher);
    let key = (hasher.finish(), shape);
    MEMO.with(|memo| {
        if let Some(fit) = memo.borrow().get(&key) {
            return Rc::clone(fit);
        }
        let fit = Rc::new(lay_out(text, shape));
        let mut memo = memo.borrow_mut();
        // Bounded: a long session of typing leaves many texts behind.
        if memo.len() > 200_000 {
            memo.clear();
        }
        memo.insert(key, Rc::clone(&fit));
        fit
    })
}

/// Lays out a text without the memo.
pub fn lay_out(text: &str, shape: CardShape) -> Fit {
    let (width, base_height) = base_size(shape);
    let scale = if shape == CardShape::Heading {
        1.1
    } else {
        1.0
    };
    let inner = width - 2.0 * PAD;
    let lang = language_of(text);
    // From the largest size down: the first that fits the card without breaking a word,
    // else the one that fits with the fewest broken words, else the smallest, and the card
    // grows.
    let mut best: Option<(usize, f32, Vec<String>)> = None;
    let mut size = TEXT_MAX * scale;
    let smallest = TEXT_MIN * scale;
    loop {
        let lines = wrap(text, inner / size, lang);
        let height = lines.len() as f32 * size * LINE_HEIGHT + 2.0 * PAD;
        if height <= base_height {
            let broken = lines.iter().filter(|l| l.ends_with('-')).count();
            if broken == 0 {
                best = Some((0, size, lines));
                break;
            }
            if best.as_ref().is_none_or(|(b, _, _)| broken < *b) {
                best = Some((broken, size, lines));
            }
        }
        if size <= smallest {
            break;
        }
        size = (size - 1.0).max(smallest);
    }
    let (size, lines) = match best {
        Some((_, size, lines)) => (size, lines),
        None => (smallest, wrap(text, inner / smallest, lang)),
    };
    let height = lines.len() as f32 * size * LINE_HEIGHT + 2.0 * PAD;
    Fit {
        joined: lines.join("\n"),
        lines,
        size,
        height: height.max(base_height),
        width,
    }
}

/// Breaks a text into lines no wider than `width_em` ems.
pub fn wrap(text: &str, width_em: f32, lang: hypher::Lang) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.trim().split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            place_word(word, &mut line, &mut lines, width_em, lang);
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// Adds a word to the current line, or starts a new one, or breaks the word with hyphens.
fn place_word(
    word: &str,
    line: &mut String,
    lines: &mut Vec<String>,
    width: f32,
    lang: hypher::Lang,
) {
    let with_space = if line.is_empty() {
        word.to_owned()
    } else {
        format!("{line} {word}")
    };
    if width_em(&with_space) <= width {
        *line = with_space;
        return;
    }
    if !line.is_empty() && width_em(word) <= width {
        lines.push(std::mem::take(line));
        *line = word.to_owned();
        return;
    }
    // Too long for a line: break at syllables (and after a word's own hyphens), filling
    // the current line first.
    let mut rest: &str = word;
    while !rest.is_empty() {
        let prefix = if line.is_empty() {
            String::new()
        } else {
            format!("{line} ")
        };
        let room = width - width_em(&prefix);
        let (head, tail) = split_to_fit(rest, room, lang);
        if head.is_empty() {
            if line.is_empty() {
                // Not even one piece fits an empty line: break between characters.
                let (head, tail) = split_chars(rest, width);
                lines.push(format!("{head}-"));
                rest = tail;
            } else {
                lines.push(std::mem::take(line));
            }
            continue;
        }
        if tail.is_empty() {
            *line = format!("{prefix}{head}");
            return;
        }
        let hyphen = if head.ends_with('-') { "" } else { "-" };
        lines.push(format!("{prefix}{head}{hyphen}"));
        line.clear();
        rest = tail;
    }
}

/// The longest front of `word` that fits `room` (with a hyphen after it), and the rest. A
/// compound with its own hyphens ("Open-Data-Portal") breaks only after them, unless a part
/// is wider than a whole line; a syllable break keeps three letters on each side of it
/// ("Projektorganisa-tion", never "Projektorganisati-on").
fn split_to_fit(word: &str, room: f32, lang: hypher::Lang) -> (&str, &str) {
    let breaks = break_points(word, lang);
    let fits = |at: usize| {
        let hyphen = if word[..at].ends_with('-') { "" } else { "-" };
        width_em(&format!("{}{hyphen}", &word[..at])) <= room
    };
    if width_em(word) <= room {
        return (word, "");
    }
    let own = breaks.iter().copied().filter(|(_, own)| *own);
    let best_own = own.map(|(at, _)| at).take_while(|&at| fits(at)).last();
    // A part too wide for a whole line is broken at its syllables after all.
    let part_end = breaks
        .iter()
        .find(|(_, own)| *own)
        .map_or(word.len(), |(at, _)| *at);
    let part_fits_a_line = width_em(&word[..part_end]) <= room.max(0.0) || best_own.is_some();
    let best = if part_fits_a_line {
        best_own
    } else {
        breaks
            .iter()
            .map(|(at, _)| *at)
            .take_while(|&at| fits(at))
            .last()
    };
    word.split_at(best.unwrap_or(0))
}

/// Where a word may break (byte offsets, in order), each marked whether it is after the
/// word's own hyphen.
fn break_points(word: &str, lang: hypher::Lang) -> Vec<(usize, bool)> {
    const LEAST: usize = 3;
    let mut points = Vec::new();
    let mut at = 0;
    for part in word.split_inclusive('-') {
        let letters = part.trim_end_matches('-').chars().count();
        let mut within = 0;
        for syllable in hypher::hyphenate(part, lang) {
            let (left, right) = (within, letters.saturating_sub(within));
            if within > 0 && left >= LEAST && right >= LEAST {
                points.push((at, false));
            }
            at += syllable.len();
            within += syllable.chars().count();
        }
        if at < word.len() {
            points.push((at, true));
        }
    }
    points
}

/// At least one character of `word` and as many more as fit `width` with a hyphen.
fn split_chars(word: &str, width: f32) -> (&str, &str) {
    let mut end = word.chars().next().map_or(0, char::len_utf8);
    for (i, c) in word.char_indices().skip(1) {
        let candidate = i + c.len_utf8();
        if candidate == word.len() || width_em(&format!("{}-", &word[..candidate])) > width {
            break;
        }
        end = candidate;
    }
    word.split_at(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(size: f32) -> f32 {
        (CARD_W - 2.0 * PAD) / size
    }

    #[test]
    fn short_texts_keep_the_large_size_and_the_base_height() {
        let fit = lay_out("Amtsblatt auch digital", CardShape::Card);
        assert_eq!(fit.size, TEXT_MAX);
        assert_eq!(fit.height, CARD_H);
        assert_eq!(fit.lines, vec!["Amtsblatt auch", "digital"]);
    }

    #[test]
    fn a_smaller_size_is_taken_before_a_word_is_broken() {
        // A word too wide for the largest size but not for the smallest.
        let inner = CARD_W - 2.0 * PAD;
        let word = [
            "Haushaltsdaten",
            "Bürgerhaushalte",
            "Transparenzsatzung",
            "Stadtteilbüros",
        ]
        .into_iter()
        .find(|w| width_em(w) * TEXT_MAX > inner && width_em(w) * TEXT_MIN <= inner)
        .expect("one of the words");
        let fit = lay_out(&format!("{word} als Open Data"), CardShape::Card);
        assert!(fit.size < TEXT_MAX, "{fit:?}");
        assert_eq!(fit.lines[0], word, "{fit:?}");
        // A compound too long for any size breaks where German breaks it.
        let fit = lay_out("Beteiligungsplattform für Stadtplanung", CardShape::Card);
        assert_eq!(fit.lines[0], "Beteiligungs-", "{fit:?}");
    }

    #[test]
    fn a_long_compound_is_hyphenated_never_cut() {
        let fit = lay_out("Ratsinformationssystem für alle geöffnet", CardShape::Card);
        for line in &fit.lines {
            assert!(
                width_em(line) <= inner(fit.size) + 1e-3,
                "{line:?} is too wide"
            );
        }
        assert!(fit.lines[0].ends_with('-'), "{:?}", fit.lines);
        assert_eq!(fit.height, CARD_H);
        let mut joined = String::new();
        for line in &fit.lines {
            match line.strip_suffix('-') {
                Some(front) => joined.push_str(front),
                None => {
                    joined.push_str(line);
                    joined.push(' ');
                }
            }
        }
        assert_eq!(
            joined.trim_end(),
            "Ratsinformationssystem für alle geöffnet"
        );
    }

    #[test]
    fn a_words_own_hyphen_is_a_break_without_another() {
        let lines = wrap(
            "Open-Data-Portal-Beteiligungsplattform",
            inner(TEXT_MAX),
            hypher::Lang::German,
        );
        assert!(lines.iter().all(|l| !l.ends_with("--")), "{lines:?}");
        assert!(lines[0].ends_with('-'));
    }

    #[test]
    fn a_compound_with_hyphens_breaks_only_at_them_and_syllables_keep_three_letters() {
        for text in [
            "Open-Data-Portal der Stadt",
            "Verteiler per E-Mail-Verteiler",
            "Diskussion zur Projektorganisation",
        ] {
            let fit = lay_out(text, CardShape::Card);
            for line in &fit.lines {
                let word = line.split(' ').next_back().unwrap_or_default();
                if let Some(front) = word.strip_suffix('-') {
                    let own = text.contains(&format!("{front}-"));
                    let tail_letters = front.chars().rev().take_while(|c| c.is_alphabetic());
                    assert!(
                        own || tail_letters.count() >= 3,
                        "{line:?} in {:?}",
                        fit.lines
                    );
                }
            }
            assert!(
                !fit.lines
                    .iter()
                    .any(|l| l.starts_with("on") || l.starts_with("tal")),
                "{:?}",
                fit.lines
            );
            assert!(
                !fit.lines.iter().any(|l| l.ends_with("Por-")),
                "{:?}",
                fit.lines
            );
        }
    }

    #[test]
    fn long_texts_shrink_then_grow_the_card() {
        let medium = lay_out(
            "Leitbild „Offene Stadt“ vom Rat beschlossen und veröffentlicht",
            CardShape::Card,
        );
        assert!(
            medium.size < TEXT_MAX && medium.size >= TEXT_MIN,
            "{medium:?}"
        );
        let long = lay_out(&"Beteiligung früh ansetzen ".repeat(8), CardShape::Card);
        assert_eq!(long.size, TEXT_MIN);
        assert!(long.height > CARD_H);
        let needed = long.lines.len() as f32 * long.size * LINE_HEIGHT + 2.0 * PAD;
        assert!(long.height >= needed);
    }

    #[test]
    fn a_word_without_syllables_is_broken_with_a_hyphen() {
        let lines = wrap(&"X".repeat(60), inner(TEXT_MIN), hypher::Lang::German);
        assert!(lines.len() > 1);
        for line in &lines[..lines.len() - 1] {
            assert!(line.ends_with('-'), "{line}");
        }
    }

    #[test]
    fn english_cards_are_hyphenated_as_english() {
        assert_eq!(
            language_of("More transparency for the council"),
            hypher::Lang::English
        );
        assert_eq!(
            language_of("Mehr Transparenz für den Rat"),
            hypher::Lang::German
        );
        assert_eq!(language_of("Bürgerhaushalt"), hypher::Lang::German);
    }

    #[test]
    fn the_memo_gives_the_same_layout() {
        let a = fit("Dorfgespräche in allen Ortsteilen", CardShape::Card);
        let b = fit("Dorfgespräche in allen Ortsteilen", CardShape::Card);
        assert!(Rc::ptr_eq(&a, &b));
        assert_eq!(
            *a,
            lay_out("Dorfgespräche in allen Ortsteilen", CardShape::Card)
        );
    }

    #[test]
    fn empty_and_newline_texts() {
        assert_eq!(wrap("", 10.0, hypher::Lang::German), vec![String::new()]);
        assert_eq!(wrap("a\nb", 10.0, hypher::Lang::German), vec!["a", "b"]);
    }
}
