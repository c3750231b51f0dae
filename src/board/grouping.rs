//! Cluster suggestions: from where cards were pinned, and from what they say. A suggestion is
//! only ever a proposal; the moderator accepts or rejects each group. No GUI code here.
//!
//! Text similarity: each card becomes a bag of word stems (German and English suffixes
//! stripped, stop words removed) plus character 3- and 4-grams of those stems, so that
//! compounds such as "Bürgerbeteiligung" and "Beteiligung" still meet. Features are weighted
//! by TF-IDF, compared by cosine similarity and merged by average linkage until no pair of
//! groups is similar enough.

use std::collections::{BTreeMap, BTreeSet};

/// A card as grouping sees it.
#[derive(Clone, Debug)]
pub struct CardText<'a, K> {
    pub key: K,
    pub text: &'a str,
}

/// Groups cards pinned close together: single linkage, two cards belong together when their
/// centres are at most `max_gap` apart (in board units). Only groups of two or more.
pub fn suggest_by_position<K: Copy>(cards: &[(K, f32, f32)], max_gap: f32) -> Vec<Vec<K>> {
    let n = cards.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..n {
        for j in i + 1..n {
            let (dx, dy) = (cards[i].1 - cards[j].1, cards[i].2 - cards[j].2);
            if dx * dx + dy * dy <= max_gap * max_gap {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<K>> = BTreeMap::new();
    for (i, card) in cards.iter().enumerate() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(card.0);
    }
    groups.into_values().filter(|g| g.len() >= 2).collect()
}

/// Groups cards by what they say. Only groups of two or more; cards that fit nowhere stay out.
pub fn suggest_by_text<K: Copy>(cards: &[CardText<'_, K>]) -> Vec<Vec<K>> {
    let labels = cluster_texts(cards.iter().map(|c| c.text).collect::<Vec<_>>().as_slice());
    let mut groups: BTreeMap<usize, Vec<K>> = BTreeMap::new();
    for (card, label) in cards.iter().zip(labels) {
        groups.entry(label).or_default().push(card.key);
    }
    groups.into_values().filter(|g| g.len() >= 2).collect()
}

/// How similar two groups must be, on average, to merge. A cosine similarity: chosen as a
/// round value on made-up cards, not fitted to any data set.
const MERGE_THRESHOLD: f32 = 0.12;

/// A group label per text (singletons get their own label).
pub fn cluster_texts(texts: &[&str]) -> Vec<usize> {
    let vectors = tfidf_vectors(texts);
    let n = texts.len();
    let mut similarity = vec![vec![0.0f32; n]; n];
    for i in 0..n {
        for j in i + 1..n {
            let s = cosine(&vectors[i], &vectors[j]);
            similarity[i][j] = s;
            similarity[j][i] = s;
        }
    }
    // Average linkage over the original pairs.
    let mut groups: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    loop {
        let mut best: Option<(usize, usize, f32)> = None;
        for a in 0..groups.len() {
            for b in a + 1..groups.len() {
                let mut sum = 0.0;
                for &i in &groups[a] {
                    for &j in &groups[b] {
                        sum += similarity[i][j];
                    }
                }
                let mean = sum / (groups[a].len() * groups[b].len()) as f32;
                if best.is_none_or(|(_, _, s)| mean > s) {
                    best = Some((a, b, mean));
                }
            }
        }
        match best {
            Some((a, b, s)) if s >= MERGE_THRESHOLD => {
                let merged = groups.remove(b);
                groups[a].extend(merged);
            }
            _ => break,
        }
    }
    let mut labels = vec![0; n];
    for (label, group) in groups.iter().enumerate() {
        for &i in group {
            labels[i] = label;
        }
    }
    labels
}

type Vector = BTreeMap<String, f32>;

fn tfidf_vectors(texts: &[&str]) -> Vec<Vector> {
    let features: Vec<BTreeMap<String, f32>> = texts.iter().map(|t| features(t)).collect();
    let mut document_frequency: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &features {
        for key in f.keys() {
            *document_frequency.entry(key).or_default() += 1;
        }
    }
    let n = texts.len() as f32;
    features
        .iter()
        .map(|f| {
            let mut v: Vector = f
                .iter()
                .map(|(key, &tf)| {
                    let df = document_frequency.get(key.as_str()).copied().unwrap_or(1) as f32;
                    let idf = ((1.0 + n) / (1.0 + df)).ln() + 1.0;
                    (key.clone(), (1.0 + tf.ln()) * idf)
                })
                .collect();
            let norm = v.values().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.values_mut().for_each(|x| *x /= norm);
            }
            v
        })
        .collect()
}

fn cosine(a: &Vector, b: &Vector) -> f32 {
    let (small, large) = if a.len() < b.len() { (a, b) } else { (b, a) };
    small
        .iter()
        .filter_map(|(k, x)| large.get(k).map(|y| x * y))
        .sum()
}

/// Stems and character n-grams of a card's words, with counts.
fn features(text: &str) -> BTreeMap<String, f32> {
    let mut out: BTreeMap<String, f32> = BTreeMap::new();
    for word in words(text) {
        if is_stop_word(&word) || word.chars().count() < 2 {
            continue;
        }
        let stem = stem(&word);
        *out.entry(format!("w:{stem}")).or_default() += 1.0;
        let marked: Vec<char> = format!("<{stem}>").chars().collect();
        for n in [3, 4] {
            for gram in marked.windows(n) {
                // n-grams count less than whole stems: a shared stem says more.
                *out.entry(gram.iter().collect()).or_default() += 0.5;
            }
        }
    }
    out
}

/// A title for a group of cards from what they share: the word (by its stem) found on most
/// of them, as written on the first card that has it; else the longest shared beginning of
/// words (German compounds: "Bürgerhaushalt", "Bürgerbeteiligung" share "Bürger"). `None`
/// when the cards share nothing of the kind.
pub fn title_for(texts: &[&str]) -> Option<String> {
    let needed = texts.len().div_ceil(2).max(2);
    // Per stem: on how many cards, and its first written form.
    let mut stems: BTreeMap<String, (usize, usize, String)> = BTreeMap::new();
    let mut prefixes: BTreeMap<String, (usize, String)> = BTreeMap::new();
    let mut order = 0;
    for text in texts {
        let mut here = BTreeSet::new();
        let mut here_prefixes = BTreeSet::new();
        for written in text.split(|c: char| !c.is_alphanumeric()) {
            let folded = words(written).concat();
            if folded.chars().count() < 3 || is_stop_word(&folded) {
                continue;
            }
            if here.insert(stem(&folded)) {
                order += 1;
                let entry = stems
                    .entry(stem(&folded))
                    .or_insert((0, order, written.to_owned()));
                entry.0 += 1;
            }
            // Beginnings of five letters or more, as written (umlauts kept).
            let chars: Vec<char> = written.chars().collect();
            for end in 5..chars.len() {
                let prefix: String = chars[..end].iter().collect();
                if here_prefixes.insert(prefix.to_lowercase()) {
                    let entry = prefixes.entry(prefix.to_lowercase()).or_insert((0, prefix));
                    entry.0 += 1;
                }
            }
        }
    }
    let best = stems
        .values()
        .filter(|(count, _, _)| *count >= needed)
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    if let Some((_, _, written)) = best {
        return Some(capitalised(written));
    }
    prefixes
        .into_iter()
        .filter(|(_, (count, _))| *count >= needed)
        .max_by_key(|(key, (count, _))| (*count, key.chars().count()))
        .map(|(_, (_, written))| capitalised(&written))
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Lower-case words; umlauts and ß folded so "Bürger" and "Buerger" meet.
pub(crate) fn words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => current.push_str("ae"),
            'ö' => current.push_str("oe"),
            'ü' => current.push_str("ue"),
            'ß' => current.push_str("ss"),
            c if c.is_alphanumeric() => current.push(c),
            _ => {
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

/// Strips common German and English inflection suffixes (longest first), keeping a stem of
/// at least four letters. Light, like a Porter "step 1", not a full Snowball stemmer.
pub(crate) fn stem(word: &str) -> String {
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

fn is_stop_word(word: &str) -> bool {
    const STOP: [&str; 91] = [
        // German (umlauts folded).
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "und",
        "oder", "aber", "auch", "als", "an", "auf", "aus", "bei", "bis", "durch", "fuer", "gegen",
        "in", "im", "ist", "sind", "mit", "nach", "nicht", "noch", "ob", "ohne", "sich", "so",
        "ueber", "um", "unter", "von", "vom", "vor", "wie", "wir", "zu", "zum", "zur", "es", "sie",
        "er", "man", "mehr", "alle", "allen", "wird", "werden", "kein", "keine",
        "sowie", // English.
        "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "for", "with", "by", "from",
        "at", "as", "is", "are", "be", "was", "were", "it", "its", "this", "that", "our", "we",
        "all", "more", "not", "no", "into",
    ];
    STOP.contains(&word)
}

/// The adjusted Rand index of two labellings of the same items: 1.0 identical, about 0.0 no
/// better than chance.
pub fn adjusted_rand_index<A: Ord, B: Ord>(a: &[A], b: &[B]) -> f64 {
    assert_eq!(a.len(), b.len(), "two labellings of the same items");
    let mut table: BTreeMap<(&A, &B), u64> = BTreeMap::new();
    let mut rows: BTreeMap<&A, u64> = BTreeMap::new();
    let mut cols: BTreeMap<&B, u64> = BTreeMap::new();
    for (x, y) in a.iter().zip(b) {
        *table.entry((x, y)).or_default() += 1;
        *rows.entry(x).or_default() += 1;
        *cols.entry(y).or_default() += 1;
    }
    let pairs = |n: u64| (n * n.saturating_sub(1) / 2) as f64;
    let index: f64 = table.values().map(|&n| pairs(n)).sum();
    let sum_rows: f64 = rows.values().map(|&n| pairs(n)).sum();
    let sum_cols: f64 = cols.values().map(|&n| pairs(n)).sum();
    let total = pairs(a.len() as u64);
    if total == 0.0 {
        return 1.0;
    }
    let expected = sum_rows * sum_cols / total;
    let max = (sum_rows + sum_cols) / 2.0;
    if (max - expected).abs() < f64::EPSILON {
        return 1.0;
    }
    (index - expected) / (max - expected)
}

/// Keys of groups that do not touch any key in `taken`: a suggestion never reshuffles cards
/// the moderator already clustered.
pub fn without_taken<K: Ord + Copy>(groups: Vec<Vec<K>>, taken: &BTreeSet<K>) -> Vec<Vec<K>> {
    groups
        .into_iter()
        .map(|g| {
            g.into_iter()
                .filter(|k| !taken.contains(k))
                .collect::<Vec<_>>()
        })
        .filter(|g| g.len() >= 2)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suggested_group_is_named_by_what_its_cards_share() {
        assert_eq!(
            title_for(&["Sichere Radwege", "Radwege ausbauen", "Mehr Busse"]).as_deref(),
            Some("Radwege")
        );
        assert_eq!(
            title_for(&["Bürgerhaushalt seit 2015", "Bürgerbeteiligung stärken"]).as_deref(),
            Some("Bürger")
        );
        assert_eq!(title_for(&["Bänke am Markt", "Mehr Busse"]), None);
    }

    #[test]
    fn cards_pinned_together_are_grouped() {
        let cards = [
            (1, 0.10, 0.10),
            (2, 0.13, 0.11),
            (3, 0.16, 0.12),
            (4, 0.8, 0.8),
            (5, 0.82, 0.79),
            (6, 0.5, 0.45),
        ];
        let groups = suggest_by_position(&cards, 0.05);
        assert_eq!(
            groups,
            vec![vec![1, 2, 3], vec![4, 5]],
            "the lone card stays out"
        );
    }

    #[test]
    fn german_cards_on_two_topics_fall_apart() {
        let texts = [
            "Offene Daten der Verwaltung veröffentlichen",
            "Daten als Open Data bereitstellen",
            "Verwaltungsdaten offen veröffentlichen",
            "Bürgerbeteiligung bei Bauprojekten",
            "Beteiligung der Bürger früh beginnen",
            "Jugendliche an Beteiligung teilhaben lassen",
        ];
        let labels = cluster_texts(&texts);
        let truth = [0, 0, 0, 1, 1, 1];
        let ari = adjusted_rand_index(&labels, &truth);
        assert!(ari > 0.5, "ARI {ari}, labels {labels:?}");
    }

    #[test]
    fn english_cards_with_inflections_meet() {
        let texts = [
            "Publishing council decisions",
            "Publish all decisions online",
            "Training for volunteers",
            "Volunteer training days",
        ];
        let labels = cluster_texts(&texts);
        assert_eq!(labels[0], labels[1], "{labels:?}");
        assert_eq!(labels[2], labels[3], "{labels:?}");
        assert_ne!(labels[0], labels[2], "{labels:?}");
    }

    #[test]
    fn unrelated_cards_are_not_forced_together() {
        let labels = cluster_texts(&["Mehr Bäume", "Schnelleres Internet", "Kita-Plätze"]);
        let distinct: BTreeSet<_> = labels.iter().collect();
        assert_eq!(distinct.len(), 3, "{labels:?}");
    }

    #[test]
    fn ari_is_one_for_the_same_grouping_and_low_for_a_mismatch() {
        assert!((adjusted_rand_index(&[0, 0, 1, 1], &[5, 5, 9, 9]) - 1.0).abs() < 1e-9);
        assert!(adjusted_rand_index(&[0, 1, 0, 1], &[0, 0, 1, 1]) < 0.0);
    }

    #[test]
    fn suggestions_leave_clustered_cards_alone() {
        let taken = BTreeSet::from([2]);
        assert_eq!(
            without_taken(vec![vec![1, 2, 3], vec![2, 4]], &taken),
            vec![vec![1, 3]]
        );
    }

    #[test]
    fn stemming_and_folding() {
        assert_eq!(stem("beteiligungen"), "beteilig");
        assert_eq!(stem("publishing"), "publish");
        assert_eq!(
            words("Bürger-Dialog: Straße"),
            ["buerger", "dialog", "strasse"]
        );
    }
}
