//! Scores the cluster suggestions against a moderator's grouping: the embedding model and the
//! lexical fallback side by side, with the time per card, and the embedding's score across
//! thresholds (how `grouping::MEANING_THRESHOLD` was chosen).
//!
//! `cargo bench --bench grouping_ari [-- PATH.tsv]`; the default file is the shared card set
//! `../shared/data/cards-open-government.tsv` (columns `topic<TAB>text`, header line first).

use moderato::board::embedding;
use moderato::board::grouping::{
    LEXICAL_WEIGHT, MEANING_THRESHOLD, adjusted_rand_index, average_linkage, cluster_cards,
    cluster_texts, meaning_similarity,
};
use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

/// The resident memory of this process in MB (Linux), or 0.
fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// A 200-card board (the dev set's cards, with places and organisations added so that no two
/// texts are the same), suggested twice as the app does it: the second time from the cache.
fn board_of_200(texts: &[&str], rss_before: f64) {
    use moderato::board::grouping::{CardText, suggest_by_meaning};
    let places = ["", " in Kiel", " im Landkreis", " (Verwaltung)"];
    let owned: Vec<String> = (0..200)
        .map(|i| format!("{}{}", texts[i % texts.len()], places[i / texts.len() % 4]))
        .collect();
    let cards: Vec<CardText<'_, usize>> = owned
        .iter()
        .enumerate()
        .map(|(key, text)| CardText { key, text })
        .collect();
    let cache = embedding::Cache::default();
    let started = Instant::now();
    let first = suggest_by_meaning(&cards, 0.0, &cache, &mut |_, _| {});
    let first_time = started.elapsed();
    let started = Instant::now();
    let second = suggest_by_meaning(&cards, 0.0, &cache, &mut |_, _| {});
    let second_time = started.elapsed();
    assert_eq!(first.groups, second.groups);
    println!(
        "200 cards: first suggestion {:.2} s ({:.1} ms per card), second {:.3} s, {} groups",
        first_time.as_secs_f64(),
        first_time.as_secs_f64() * 1000.0 / 200.0,
        second_time.as_secs_f64(),
        first.groups.len()
    );
    println!(
        "memory: {:.0} MB before the model, {:.0} MB with it and 263 cards embedded (+{:.0} MB)",
        rss_before,
        rss_mb(),
        rss_mb() - rss_before
    );
}

fn main() {
    let path = std::env::args()
        .skip(1)
        .find(|arg| arg.ends_with(".tsv"))
        .unwrap_or_else(|| "../shared/data/cards-open-government.tsv".to_owned());
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("grouping_ari: cannot read {path}; pass a TSV file with topic<TAB>text");
        return;
    };
    let rows: Vec<(&str, &str)> = data
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .collect();
    let texts: Vec<&str> = rows.iter().map(|(_, text)| *text).collect();
    let truth: Vec<&str> = rows.iter().map(|(topic, _)| *topic).collect();
    let n = texts.len();
    println!(
        "{path}: {n} cards, {} topics",
        truth.iter().collect::<BTreeSet<_>>().len()
    );

    let started = Instant::now();
    let lexical = cluster_texts(&texts);
    let lexical_time = started.elapsed();
    println!(
        "lexical:   ARI = {:.3}, {} groups, {:.2} ms per card",
        adjusted_rand_index(&lexical, &truth),
        lexical.iter().collect::<BTreeSet<_>>().len(),
        lexical_time.as_secs_f64() * 1000.0 / n as f64
    );

    let rss_before = rss_mb();
    let started = Instant::now();
    let Some(model) = embedding::shared() else {
        println!("embedding: no model in this build (feature `embedding` off)");
        return;
    };
    let load = started.elapsed();
    let started = Instant::now();
    let vectors = embedding::embed(model, &texts, &mut |_, _| {}).expect("embeds");
    let embed_time = started.elapsed();
    let refs: Vec<&[f32]> = vectors.iter().map(|v| &v[..]).collect();
    let started = Instant::now();
    let labels = cluster_cards(&refs, &texts, MEANING_THRESHOLD);
    let cluster_time = started.elapsed();
    println!(
        "embedding: ARI = {:.3}, {} groups, {:.2} ms per card (model load {:.0} ms, clustering {:.1} ms)",
        adjusted_rand_index(&labels, &truth),
        labels.iter().collect::<BTreeSet<_>>().len(),
        embed_time.as_secs_f64() * 1000.0 / n as f64,
        load.as_secs_f64() * 1000.0,
        cluster_time.as_secs_f64() * 1000.0,
    );
    let weights = [0.0, 0.1, LEXICAL_WEIGHT, 0.3, 0.5];
    println!("ARI by threshold (rows) and weight of shared words (columns):");
    println!(
        "  threshold {}",
        weights.map(|w| format!("{w:>7.1}")).join("")
    );
    let similarities = weights.map(|w| meaning_similarity(&refs, &texts, w));
    for step in 0..=12 {
        let threshold = 0.02 + 0.015 * step as f32;
        let scores = similarities.iter().map(|s| {
            let labels = average_linkage(s.clone(), threshold);
            format!("{:>7.3}", adjusted_rand_index(&labels, &truth))
        });
        println!(
            "  {threshold:>9.3} {}{}",
            scores.collect::<String>(),
            if (threshold - MEANING_THRESHOLD).abs() < 0.001 {
                "  <- MEANING_THRESHOLD"
            } else {
                ""
            }
        );
    }
    board_of_200(&texts, rss_before);
    let mut by_label: BTreeMap<usize, Vec<(&str, &str)>> = BTreeMap::new();
    for (label, row) in labels.iter().zip(&rows) {
        by_label.entry(*label).or_default().push(*row);
    }
    for (label, members) in by_label.iter().filter(|(_, m)| m.len() > 1) {
        println!("group {label}:");
        for (topic, text) in members {
            println!("  [{topic}] {text}");
        }
    }
}
