//! Texts from phones: normalised like typed cards, refused when they can't be one.

use unicode_normalization::UnicodeNormalization;

use super::refusal::Refusal;

/// What kind of text, for the limits and the refusal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A card: several lines, must not be empty.
    Card,
    /// A name: one line, may be empty.
    Name,
    /// A comment: several lines, may be empty.
    Comment,
}

/// The text trimmed, in NFC, with `\n` line breaks; refused when empty (a card), too long
/// (more than `limit` characters), or holding a control character other than a line break
/// (any line break in a name).
pub(crate) fn clean(raw: &str, kind: Kind, limit: usize) -> Result<String, Refusal> {
    let too_long = || match kind {
        Kind::Card => Refusal::CardTooLong { max: limit },
        Kind::Name => Refusal::NameTooLong { max: limit },
        Kind::Comment => Refusal::CommentTooLong { max: limit },
    };
    // A hostile text may be long: bytes bound characters from above, and NFC at most
    // triples them, so a text this long in bytes can't come back under the limit.
    if raw.len() > limit.saturating_mul(4).saturating_mul(3) {
        return Err(too_long());
    }
    let unified = raw.replace("\r\n", "\n").replace('\r', "\n");
    if let Some(c) = unified
        .chars()
        .find(|&c| c.is_control() && (c != '\n' || kind == Kind::Name))
    {
        return Err(Refusal::ControlCharacter {
            code: u32::from(c),
            in_name: kind == Kind::Name,
        });
    }
    let text: String = unified.trim().nfc().collect();
    if text.is_empty() && kind == Kind::Card {
        return Err(Refusal::CardEmpty);
    }
    if text.len() > limit && text.chars().count() > limit {
        return Err(too_long());
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_are_trimmed_unified_and_composed() {
        assert_eq!(clean("  Radwege \r\n", Kind::Card, 10).unwrap(), "Radwege");
        assert_eq!(clean("a\r\nb\rc", Kind::Card, 10).unwrap(), "a\nb\nc");
        // "u" + combining diaeresis becomes one "ü".
        assert_eq!(clean("Gru\u{308}n", Kind::Card, 10).unwrap(), "Grün");
        assert_eq!(
            clean("ü".repeat(10).as_str(), Kind::Card, 10)
                .unwrap()
                .len(),
            20
        );
    }

    #[test]
    fn refusals() {
        assert_eq!(
            clean(" \n\t", Kind::Card, 10),
            Err(Refusal::ControlCharacter {
                code: 9,
                in_name: false
            })
        );
        assert_eq!(clean(" \n ", Kind::Card, 10), Err(Refusal::CardEmpty));
        assert_eq!(clean("", Kind::Comment, 10), Ok(String::new()));
        assert_eq!(
            clean(&"x".repeat(11), Kind::Card, 10),
            Err(Refusal::CardTooLong { max: 10 })
        );
        assert_eq!(
            clean("a\u{0}b", Kind::Card, 10),
            Err(Refusal::ControlCharacter {
                code: 0,
                in_name: false
            })
        );
        assert_eq!(
            clean("a\nb", Kind::Name, 10),
            Err(Refusal::ControlCharacter {
                code: 10,
                in_name: true
            })
        );
        assert_eq!(
            clean("a\u{1b}[31m", Kind::Comment, 10),
            Err(Refusal::ControlCharacter {
                code: 27,
                in_name: false
            })
        );
        assert_eq!(
            clean(&"x".repeat(1_000), Kind::Name, 10),
            Err(Refusal::NameTooLong { max: 10 })
        );
    }
}
