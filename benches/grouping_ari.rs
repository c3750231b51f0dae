//! Scores the text-similarity cluster suggestion against a moderator's grouping.
//!
//! `cargo bench --bench grouping_ari [-- PATH.tsv]`; the default file is the shared card set
//! `../shared/data/cards-open-government.tsv` (columns `topic<TAB>text`, header line first).
//! Prints the adjusted Rand index and the groups it found.

use moderato::board::grouping::{adjusted_rand_index, cluster_texts};

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
    let started = std::time::Instant::now();
    let labels = cluster_texts(&texts);
    let elapsed = started.elapsed();
    let ari = adjusted_rand_index(&labels, &truth);
    let groups = labels
        .iter()
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    println!(
        "{path}: {} cards, {} topics",
        texts.len(),
        truth
            .iter()
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    );
    println!(
        "text-similarity suggestion: {groups} groups (singletons included), ARI = {ari:.3}, {:.1} ms",
        elapsed.as_secs_f64() * 1000.0
    );
    let mut by_label: std::collections::BTreeMap<usize, Vec<(&str, &str)>> = Default::default();
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
