//! Text as the features compare it: words with umlauts folded, a title normalised for
//! matching, light stemming, and a name fit for a folder. Grouping, consolidation, compare
//! and the exports all use these, so "Bürger-Beteiligung!" and "buerger beteiligung" are the
//! same everywhere. A leaf: it uses nothing of the crate.

/// Lower-case words; umlauts and ß folded so "Bürger" and "Buerger" meet.
pub fn words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        match fold(c) {
            Some(folded) => current.push_str(folded),
            None if c.is_alphanumeric() => current.push(c),
            None => {
                if !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
            }
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// Lower case, umlauts folded, punctuation dropped, spaces collapsed: "Offene  Daten!" and
/// "offene daten" are the same title.
pub fn normalise(title: &str) -> String {
    words(title).join(" ")
}

/// Strips common German and English inflection suffixes (longest first), keeping a stem of
/// at least four letters. Light, like a Porter "step 1", not a full Snowball stemmer.
pub fn stem(word: &str) -> String {
    const SUFFIXES: [&str; 24] = [
        "ungen", "ierung", "heiten", "keiten", "ations", "ation", "ingen", "ments", "ment", "ness",
        "ung", "heit", "keit", "ing", "ern", "em", "en", "er", "es", "ed", "ly", "e", "n", "s",
    ];
    for suffix in SUFFIXES {
        if let Some(stem) = word.strip_suffix(suffix)
            && stem.chars().count() >= 4
        {
            return stem.to_owned();
        }
    }
    word.to_owned()
}

/// A name for a folder or file from a title: lower case, umlauts spelled out, dashes between
/// words; `fallback` when nothing is left ("session").
pub fn slug(title: &str, fallback: &str) -> String {
    let mut name = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        match fold(c) {
            Some(folded) => name.push_str(folded),
            None if c.is_alphanumeric() => name.push(c),
            None if !name.ends_with('-') && !name.is_empty() => name.push('-'),
            None => {}
        }
    }
    let name = name.trim_end_matches('-');
    if name.is_empty() {
        fallback.to_owned()
    } else {
        name.to_owned()
    }
}

/// German letters spelled the way they are written without them.
fn fold(c: char) -> Option<&'static str> {
    match c {
        'ä' => Some("ae"),
        'ö' => Some("oe"),
        'ü' => Some("ue"),
        'ß' => Some("ss"),
        _ => None,
    }
}

/// Whether a character opens a bidirectional embedding, override or isolate.
fn bidi_opener(c: char) -> Option<char> {
    match c {
        // LRE, RLE, LRO, RLO close with PDF; LRI, RLI, FSI with PDI.
        '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' => Some('\u{202C}'),
        '\u{2066}' | '\u{2067}' | '\u{2068}' => Some('\u{2069}'),
        _ => None,
    }
}

/// Whether a character is a bidirectional formatting character (marks included).
fn is_bidi_control(c: char) -> bool {
    bidi_opener(c).is_some()
        || matches!(
            c,
            '\u{202C}' | '\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
        )
}

/// Whether a character is a control character other than a line break or a tab.
fn is_stray_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// A user's text for a document (the report, Markdown, CSV): control characters dropped,
/// and every right-to-left (or left-to-right) embedding, override or isolate closed at the
/// end of the text, so that an unclosed one cannot reverse what follows (a footer, the next
/// cell). Closers without an opener are dropped. Text without such characters is returned
/// as it is.
pub fn for_document(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .chars()
        .any(|c| is_stray_control(c) || is_bidi_control(c))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 4);
    let mut open: Vec<char> = Vec::new();
    for c in text.chars() {
        if is_stray_control(c) {
            continue;
        }
        if let Some(closer) = bidi_opener(c) {
            // Unicode allows 125 levels; deeper ones are ignored by renderers anyway.
            if open.len() < 125 {
                open.push(closer);
                out.push(c);
            }
        } else if c == '\u{202C}' || c == '\u{2069}' {
            if open.last() == Some(&c) {
                open.pop();
                out.push(c);
            }
        } else {
            out.push(c);
        }
    }
    while let Some(closer) = open.pop() {
        out.push(closer);
    }
    std::borrow::Cow::Owned(out)
}

/// A text for a terminal: control characters (an escape sequence could move the cursor and
/// erase a warning, a carriage return overwrite a line) shown as visible symbols, and
/// bidirectional formatting characters shown as `<U+202E>`, so what is printed is what the
/// text holds. Line breaks and tabs stay.
pub fn for_terminal(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .chars()
        .any(|c| is_stray_control(c) || is_bidi_control(c))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        let code = u32::from(c);
        if is_bidi_control(c) {
            out.push_str(&format!("<U+{code:04X}>"));
        } else if is_stray_control(c) {
            // C0 controls have pictures (␛ for ESC); DEL and C1 controls a replacement.
            match char::from_u32(0x2400 + code).filter(|_| code < 0x20) {
                Some(picture) => out.push(picture),
                None => out.push('\u{FFFD}'),
            }
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// JSON for a terminal: bidirectional formatting and control characters inside its strings
/// written as `\uXXXX` escapes, which a JSON reader turns back into the same text.
pub fn json_for_terminal(json: &str) -> std::borrow::Cow<'_, str> {
    if !json
        .chars()
        .any(|c| is_stray_control(c) || is_bidi_control(c))
    {
        return std::borrow::Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if is_stray_control(c) || is_bidi_control(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_normalise_alike() {
        assert_eq!(normalise("  Offene   Daten! "), "offene daten");
        assert_eq!(
            normalise("Bürgerbeteiligung"),
            normalise("Buergerbeteiligung")
        );
        assert_eq!(words("Straße, Öl"), vec!["strasse", "oel"]);
    }

    #[test]
    fn stems_keep_four_letters() {
        assert_eq!(stem("beteiligungen"), "beteilig");
        assert_eq!(stem("daten"), "date");
        assert_eq!(stem("rad"), "rad");
    }

    #[test]
    fn slugs_name_folders() {
        assert_eq!(
            slug("Open Government – Workshop Süd", "x"),
            "open-government-workshop-sued"
        );
        assert_eq!(slug("  !! ", "session"), "session");
    }

    #[test]
    fn an_unclosed_override_is_closed_and_controls_dropped_in_a_document() {
        let hostile = "Gruppe \u{202E}A\u{1b}[3A\u{202C}\u{202C} B \u{2067}C";
        assert_eq!(
            for_document(hostile),
            "Gruppe \u{202E}A[3A\u{202C} B \u{2067}C\u{2069}"
        );
        assert!(matches!(
            for_document("Bürger\tbeteiligung\n"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn a_terminal_shows_escapes_and_overrides_as_visible_symbols() {
        assert_eq!(
            for_terminal("Titel\u{1b}[3A\u{1b}[J\r\u{202E}x\u{9b}"),
            "Titel\u{241b}[3A\u{241b}[J\u{240d}<U+202E>x\u{FFFD}"
        );
        assert_eq!(for_terminal("Zeile 1\n\tZeile 2"), "Zeile 1\n\tZeile 2");
        let json = serde_json::to_string(&"A\u{202E}B\u{9b}").unwrap();
        let shown = json_for_terminal(&json);
        assert!(shown.is_ascii(), "{shown}");
        assert_eq!(
            serde_json::from_str::<String>(&shown).unwrap(),
            "A\u{202E}B\u{9b}"
        );
    }
}
