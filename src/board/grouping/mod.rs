//! Cluster suggestions: from where cards were pinned, and from what they say. A suggestion is
//! only ever a proposal; the moderator accepts or rejects each group. No GUI code here.
//!
//! Text similarity: each card becomes a bag of word stems (German and English suffixes
//! stripped, stop words removed) plus character 3- and 4-grams of those stems, so that
//! compounds such as "Bürgerbeteiligung" and "Beteiligung" still meet. Features are weighted
//! by TF-IDF, compared by cosine similarity and merged by average linkage until no pair of
//! groups is similar enough.

use crate::text::{stem, words};
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

/// Groups cards by the words they share (`tightness` as in [`suggest_by_meaning`]). Only
/// groups of two or more; cards that fit nowhere stay out. The fallback without the model.
fn suggest_by_words<K: Copy>(cards: &[CardText<'_, K>], tightness: f32) -> Vec<Vec<K>> {
    let texts: Vec<&str> = cards.iter().map(|c| c.text).collect();
    let threshold = MERGE_THRESHOLD * (1.0 + 0.5 * tightness.clamp(-1.0, 1.0));
    groups_of(cards, average_linkage(text_similarity(&texts), threshold))
}

fn groups_of<K: Copy>(cards: &[CardText<'_, K>], labels: Vec<usize>) -> Vec<Vec<K>> {
    let mut groups: BTreeMap<usize, Vec<K>> = BTreeMap::new();
    for (card, label) in cards.iter().zip(labels) {
        groups.entry(label).or_default().push(card.key);
    }
    groups.into_values().filter(|g| g.len() >= 2).collect()
}

/// Which method a suggestion came from, so that the screen and the command line can say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// The multilingual embedding model: cards that mean the same.
    Embedding,
    /// Shared word stems: the fallback without the model.
    Lexical,
    /// Shared word stems, because the model would take too long for this many new cards
    /// (more than `MEANING_MAX_NEW_CARDS`).
    LexicalManyCards,
}

/// The most cards the model embeds for one suggestion: about 18 ms a card on a two-core
/// laptop, so a suggestion stays under ten seconds. Cards embedded before (the cache) do not
/// count.
pub const MEANING_MAX_NEW_CARDS: usize = 400;

impl Method {
    /// The name in `moderato suggest --json`.
    pub fn name(self) -> &'static str {
        match self {
            Method::Embedding => "embedding",
            Method::Lexical | Method::LexicalManyCards => "lexical",
        }
    }
}

/// Groups of two or more cards, and how they were found.
#[derive(Clone, Debug)]
pub struct Suggestion<K> {
    pub method: Method,
    pub groups: Vec<Vec<K>>,
}

/// Groups cards by what they mean: embeddings of the card texts (cached in `cache`),
/// centred, compared by cosine and merged by average linkage. `tightness` in `-1.0..=1.0` is
/// the slider (0 = the threshold set on the dev set). Falls back to shared words when this
/// build has no model. `progress(done, total)` reports embedding progress. Runs for seconds
/// on a large board the first time: call it off the UI thread.
pub fn suggest_by_meaning<K: Copy>(
    cards: &[CardText<'_, K>],
    tightness: f32,
    cache: &super::embedding::Cache,
    progress: &mut dyn FnMut(usize, usize),
) -> Suggestion<K> {
    let texts: Vec<&str> = cards.iter().map(|c| c.text).collect();
    let too_many = cache.missing(&texts) > MEANING_MAX_NEW_CARDS;
    if let Some(model) = super::embedding::shared().filter(|_| !too_many)
        && let Ok(vectors) = cache.embed_all(model, &texts, progress)
    {
        let refs: Vec<&[f32]> = vectors.iter().map(|v| &v[..]).collect();
        let labels = cluster_cards(&refs, &texts, meaning_threshold(tightness));
        return Suggestion {
            method: Method::Embedding,
            groups: groups_of(cards, labels),
        };
    }
    progress(cards.len(), cards.len());
    let has_model = super::embedding::shared().is_some();
    Suggestion {
        method: if too_many && has_model {
            Method::LexicalManyCards
        } else {
            Method::Lexical
        },
        groups: suggest_by_words(cards, tightness),
    }
}

/// How similar two groups must be, on average, to merge. A cosine similarity: chosen as a
/// round value on made-up cards, not fitted to any data set.
const MERGE_THRESHOLD: f32 = 0.12;

/// A group label per text (singletons get their own label).
pub fn cluster_texts(texts: &[&str]) -> Vec<usize> {
    average_linkage(text_similarity(texts), MERGE_THRESHOLD)
}

pub fn text_similarity(texts: &[&str]) -> Vec<Vec<f32>> {
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
    similarity
}

/// The similarity at which the embedding suggestion merges two groups, at the slider's middle
/// position. Set on the dev set only (`../shared/data/cards-open-government.tsv`, 63 cards in
/// 7 topics as a moderator grouped them): the `grouping_ari` bench sweeps thresholds from
/// 0.02 to 0.20, and every threshold from 0.035 to 0.125 scores ARI 0.41 to 0.50; this one
/// sits in the middle of that plateau rather than on its single best value.
pub const MEANING_THRESHOLD: f32 = 0.08;

/// How much shared words add to the similarity of meaning. The embedding of a short card
/// blurs rare, telling words ("Haushalt", "Beteiligung"); adding a fifth of the lexical
/// similarity brings them back. Chosen on the same dev set, from 0, 0.1, 0.2, 0.3 and 0.5:
/// embeddings alone peaked at ARI 0.41 on a narrow range of thresholds, 0.2 gave the widest
/// plateau (see the bench).
pub const LEXICAL_WEIGHT: f32 = 0.2;

/// How far the "tighter / looser" slider moves the threshold either way.
pub const MEANING_SPAN: f32 = 0.06;

/// The threshold for a slider position in `-1.0..=1.0` (negative: looser, larger groups).
pub fn meaning_threshold(tightness: f32) -> f32 {
    MEANING_THRESHOLD + MEANING_SPAN * tightness.clamp(-1.0, 1.0)
}

/// A group label per card (singletons get their own label), from the cards' embeddings and
/// texts: `meaning_similarity`, then average linkage down to `threshold`.
pub fn cluster_cards(vectors: &[&[f32]], texts: &[&str], threshold: f32) -> Vec<usize> {
    average_linkage(
        meaning_similarity(vectors, texts, LEXICAL_WEIGHT),
        threshold,
    )
}

/// The similarity of every pair of cards: the cosine of their centred embeddings plus
/// `lexical_weight` times the cosine of their word features.
pub fn meaning_similarity(
    vectors: &[&[f32]],
    texts: &[&str],
    lexical_weight: f32,
) -> Vec<Vec<f32>> {
    let mut similarity = embedding_similarity(vectors);
    if lexical_weight != 0.0 {
        for (row, words) in similarity.iter_mut().zip(text_similarity(texts)) {
            for (s, w) in row.iter_mut().zip(words) {
                *s += lexical_weight * w;
            }
        }
    }
    similarity
}

/// Cosine similarities of embeddings centred on the board's mean: embeddings of short texts
/// all point roughly the same way, and what tells cards apart is how each differs from the
/// board as a whole (without centring the dev-set score fell by about a third).
pub fn embedding_similarity(vectors: &[&[f32]]) -> Vec<Vec<f32>> {
    let n = vectors.len();
    let dims = vectors.iter().map(|v| v.len()).max().unwrap_or(0);
    let mut mean = vec![0.0f32; dims];
    for v in vectors {
        for (m, x) in mean.iter_mut().zip(v.iter()) {
            *m += x / n as f32;
        }
    }
    let centred: Vec<Vec<f32>> = vectors
        .iter()
        .map(|v| {
            let mut c: Vec<f32> = v.iter().zip(&mean).map(|(x, m)| x - m).collect();
            let norm = c.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 1e-6 {
                c.iter_mut().for_each(|x| *x /= norm);
            }
            c
        })
        .collect();
    let mut similarity = vec![vec![0.0f32; n]; n];
    for i in 0..n {
        for j in i + 1..n {
            let s: f32 = centred[i].iter().zip(&centred[j]).map(|(a, b)| a * b).sum();
            similarity[i][j] = s;
            similarity[j][i] = s;
        }
    }
    similarity
}

/// Average-linkage clustering: repeatedly merges the two groups whose members are most similar
/// on average, until no pair reaches `threshold`. The similarity between a merged group and
/// the others is updated in place (Lance–Williams), and each group remembers its most similar
/// partner, so a board of a thousand cards is grouped in well under a second.
pub fn average_linkage(mut similarity: Vec<Vec<f32>>, threshold: f32) -> Vec<usize> {
    let n = similarity.len();
    let mut size = vec![1usize; n];
    let mut alive = vec![true; n];
    let mut parent: Vec<usize> = (0..n).collect();
    let best_of = |similarity: &[Vec<f32>], alive: &[bool], a: usize| -> Option<(usize, f32)> {
        let mut best: Option<(usize, f32)> = None;
        for (b, &s) in similarity[a].iter().enumerate() {
            if b != a && alive[b] && best.is_none_or(|(_, t)| s > t) {
                best = Some((b, s));
            }
        }
        best
    };
    let mut best: Vec<Option<(usize, f32)>> =
        (0..n).map(|a| best_of(&similarity, &alive, a)).collect();
    loop {
        let mut pick: Option<(usize, usize, f32)> = None;
        for a in (0..n).filter(|&a| alive[a]) {
            if let Some((b, s)) = best[a]
                && pick.is_none_or(|(_, _, t)| s > t)
            {
                pick = Some((a, b, s));
            }
        }
        let Some((a, b, s)) = pick else { break };
        if s < threshold {
            break;
        }
        let (a, b) = (a.min(b), a.max(b));
        let (na, nb) = (size[a] as f32, size[b] as f32);
        for k in 0..n {
            if alive[k] && k != a && k != b {
                let merged = (na * similarity[a][k] + nb * similarity[b][k]) / (na + nb);
                similarity[a][k] = merged;
                similarity[k][a] = merged;
            }
        }
        alive[b] = false;
        size[a] += size[b];
        parent[b] = a;
        best[b] = None;
        for k in (0..n).filter(|&k| alive[k]) {
            let stale = k == a || best[k].is_some_and(|(p, _)| p == a || p == b);
            if stale {
                best[k] = best_of(&similarity, &alive, k);
            } else if let Some((_, t)) = best[k]
                && similarity[k][a] > t
            {
                best[k] = Some((a, similarity[k][a]));
            }
        }
    }
    let root = |mut i: usize| {
        while parent[i] != i {
            i = parent[i];
        }
        i
    };
    let mut labels_of_roots = BTreeMap::new();
    (0..n)
        .map(|i| {
            let next = labels_of_roots.len();
            *labels_of_roots.entry(root(i)).or_insert(next)
        })
        .collect()
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
        .map(|(_, (_, written))| capitalised(without_linking_s(&written)))
}

/// The beginning of German compounds without its linking "s": "Beteiligungs(plattform)"
/// names the group as "Beteiligung".
fn without_linking_s(prefix: &str) -> &str {
    let lower = prefix.to_lowercase();
    let linked = ["ungs", "heits", "keits", "ions", "täts", "schafts", "ings"];
    if linked.iter().any(|ending| lower.ends_with(ending)) {
        &prefix[..prefix.len() - 1]
    } else {
        prefix
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
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
mod tests;
