use super::*;

/// Average linkage the slow way: the mean similarity of every pair of groups, every time.
fn naive_average_linkage(similarity: &[Vec<f32>], threshold: f32) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = (0..similarity.len()).map(|i| vec![i]).collect();
    loop {
        let mut best: Option<(usize, usize, f32)> = None;
        for a in 0..groups.len() {
            for b in a + 1..groups.len() {
                let sum: f32 = groups[a]
                    .iter()
                    .flat_map(|&i| groups[b].iter().map(move |&j| similarity[i][j]))
                    .sum();
                let mean = sum / (groups[a].len() * groups[b].len()) as f32;
                if best.is_none_or(|(_, _, s)| mean > s) {
                    best = Some((a, b, mean));
                }
            }
        }
        match best {
            Some((a, b, s)) if s >= threshold => {
                let merged = groups.remove(b);
                groups[a].extend(merged);
            }
            _ => break,
        }
    }
    let mut groups: Vec<Vec<usize>> = groups
        .into_iter()
        .map(|mut g| {
            g.sort();
            g
        })
        .collect();
    groups.sort();
    groups
}

#[test]
fn fast_average_linkage_merges_like_the_definition() {
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng >> 40) as f32 / (1u64 << 24) as f32
    };
    for n in [2, 5, 17, 40] {
        let mut similarity = vec![vec![0.0f32; n]; n];
        for (i, j) in (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j))) {
            let s = next() * 2.0 - 1.0;
            similarity[i][j] = s;
            similarity[j][i] = s;
        }
        for threshold in [-0.5, 0.0, 0.2, 0.5] {
            let labels = average_linkage(similarity.clone(), threshold);
            let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
            for (i, l) in labels.iter().enumerate() {
                groups.entry(*l).or_default().push(i);
            }
            let mut fast: Vec<Vec<usize>> = groups.into_values().collect();
            fast.sort();
            assert_eq!(
                fast,
                naive_average_linkage(&similarity, threshold),
                "n {n}, threshold {threshold}"
            );
        }
    }
}

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

#[test]
fn more_new_cards_than_the_model_groups_quickly_are_grouped_by_words_and_say_so() {
    let texts: Vec<String> = (0..=MEANING_MAX_NEW_CARDS)
        .map(|i| format!("Offene Daten im Portal {} (Karte {i})", i % 7))
        .collect();
    let cards: Vec<CardText<'_, usize>> = texts
        .iter()
        .enumerate()
        .map(|(key, text)| CardText { key, text })
        .collect();
    let mut reported = Vec::new();
    let suggestion = suggest_by_meaning(
        &cards,
        0.0,
        &crate::board::embedding::Cache::default(),
        &mut |done, total| reported.push((done, total)),
    );
    if crate::board::embedding::shared().is_some() {
        assert_eq!(suggestion.method, Method::LexicalManyCards);
    }
    assert_eq!(suggestion.method.name(), "lexical");
    assert!(
        !suggestion.groups.is_empty(),
        "the shared words still group them"
    );
    assert_eq!(reported.last(), Some(&(cards.len(), cards.len())));
}
