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
}
