//! Consolidating 50 sessions of 300 cards each (20 clusters, 10 action items, 12 reflection
//! entries per session, titles overlapping between sessions), and two copies of one session
//! with 10,000 cards (a folder copied for the second day: every id is shared, so every id of
//! the copy is renewed). `cargo bench --bench consolidate`.

use std::time::Instant;

use moderato::board::{Board, Card, Cluster};
use moderato::consolidate::{Input, consolidate};
use moderato::ids::{ActionItemId, BoardId, CardId, ClusterId, DimensionId, ReflectionEntryId};
use moderato::reflection::ReflectionEntry;
use moderato::results::ActionItem;
use moderato::session::Session;

const TOPICS: [&str; 24] = [
    "Transparenz",
    "Beteiligung",
    "Zusammenarbeit",
    "Offene Daten",
    "Kommunikation",
    "Haltung",
    "Digitalisierung",
    "Ressourcen",
    "Jugend",
    "Haushalt",
    "Stadtplanung",
    "Ehrenamt",
    "Bildung",
    "Verkehr",
    "Klima",
    "Kultur",
    "Sport",
    "Gesundheit",
    "Wohnen",
    "Wirtschaft",
    "Tourismus",
    "Sicherheit",
    "Integration",
    "Verwaltung",
];

fn session(n: usize) -> Session {
    let mut s = Session::create(&format!("Workshop {n}"));
    s.meta.dates = vec![jiff::civil::date(2018, 1, 1 + (n % 28) as i8)];
    let mut board = Board {
        id: BoardId::generate(),
        title: "Prinzipien".into(),
        ..Board::default()
    };
    for c in 0..20 {
        let topic = TOPICS[(n + c) % TOPICS.len()];
        let title = if c % 3 == 0 {
            format!("{topic} in der Kommune")
        } else {
            topic.to_owned()
        };
        let mut members = Vec::new();
        for k in 0..15 {
            let card = Card {
                id: CardId::generate(),
                text: format!("{topic}: Idee {k} aus Workshop {n}"),
                author: format!("Kommune {}", n % 7),
                x: k as f32 / 15.0,
                y: c as f32 / 20.0,
                ..Card::default()
            };
            members.push(card.id);
            board.cards.push(card);
        }
        board.clusters.push(Cluster {
            id: ClusterId::generate(),
            title,
            cards: members,
            ..Cluster::default()
        });
    }
    s.boards.push(board);
    for a in 0..10 {
        s.action_items.push(ActionItem {
            id: ActionItemId::generate(),
            title: format!("Aufgabe {}", (n + a) % 30),
            owner: format!("Kommune {}", n % 7),
            ..ActionItem::default()
        });
    }
    let dims: Vec<DimensionId> = s.reflection.dimensions.iter().map(|d| d.id).collect();
    for e in 0..12 {
        s.reflection.entries.push(ReflectionEntry {
            id: ReflectionEntryId::generate(),
            who: format!("Person {e}"),
            ratings: dims.iter().map(|d| (*d, 1 + (e % 5))).collect(),
            comment: String::new(),
            ..ReflectionEntry::default()
        });
    }
    s
}

/// One large session: 10,000 cards in 100 clusters, as a long series of workshops might
/// collect on one board.
fn big_session(cards: usize) -> Session {
    let mut s = Session::create("Großer Workshop");
    s.meta.dates = vec![jiff::civil::date(2018, 3, 1)];
    let mut board = Board {
        id: BoardId::generate(),
        title: "Sammlung".into(),
        ..Board::default()
    };
    let per_cluster = 100;
    for c in 0..cards.div_ceil(per_cluster) {
        let mut members = Vec::new();
        for k in 0..per_cluster.min(cards - c * per_cluster) {
            let card = Card {
                id: CardId::generate(),
                text: format!("{}: Karte {k}", TOPICS[c % TOPICS.len()]),
                x: k as f32 / per_cluster as f32,
                y: c as f32 / 100.0,
                ..Card::default()
            };
            members.push(card.id);
            board.cards.push(card);
        }
        board.clusters.push(Cluster {
            id: ClusterId::generate(),
            title: format!("{} {c}", TOPICS[c % TOPICS.len()]),
            cards: members,
            ..Cluster::default()
        });
    }
    s.boards.push(board);
    s
}

fn two_copies_of_a_big_session() {
    let original = big_session(10_000);
    let inputs = vec![
        Input::new("/sessions/tag-1", original.clone()),
        Input::new("/sessions/tag-2", original),
    ];
    let mut times = Vec::new();
    let mut cards = 0;
    for _ in 0..5 {
        let started = Instant::now();
        let result = consolidate(&inputs, &[]);
        times.push(started.elapsed());
        cards = result.session.boards.iter().map(|b| b.cards.len()).sum();
    }
    times.sort();
    println!(
        "consolidate 2 copies of a 10,000-card session: median {:.1} ms, slowest {:.1} ms ({cards} cards)",
        times[2].as_secs_f64() * 1e3,
        times[4].as_secs_f64() * 1e3
    );
    // The same from disk to disk, as `moderato consolidate` does it: reading both folders,
    // checking, writing the result into place.
    let dir = tempfile::tempdir().expect("a temp folder");
    let original = &inputs[0].session;
    let folders: Vec<std::path::PathBuf> = ["tag-1", "tag-2"]
        .iter()
        .map(|name| {
            let folder = dir.path().join(name);
            moderato::storage::save(&folder, original).expect("saved");
            folder
        })
        .collect();
    let mut times = Vec::new();
    for n in 0..5 {
        let out = dir.path().join(format!("ergebnis-{n}"));
        let progress = moderato::jobs::Progress::default();
        let started = Instant::now();
        moderato::consolidate::run::run(&folders, &out, false, &progress).expect("consolidated");
        times.push(started.elapsed());
    }
    times.sort();
    println!(
        "  from disk to disk (read, check, write): median {:.1} ms, slowest {:.1} ms",
        times[2].as_secs_f64() * 1e3,
        times[4].as_secs_f64() * 1e3
    );
}

fn main() {
    let inputs: Vec<Input> = (0..50)
        .map(|n| Input::new(format!("/sessions/{n}"), session(n)))
        .collect();
    let mut times = Vec::new();
    let mut result = None;
    for _ in 0..5 {
        let started = Instant::now();
        result = Some(consolidate(&inputs, &[]));
        times.push(started.elapsed());
    }
    times.sort();
    let result = result.expect("ran");
    let cards: usize = result.session.boards.iter().map(|b| b.cards.len()).sum();
    let clusters: usize = result.session.boards.iter().map(|b| b.clusters.len()).sum();
    let decisions = result
        .session
        .provenance
        .as_ref()
        .map_or(0, |p| p.decisions.len());
    println!(
        "consolidate 50 sessions x 300 cards: median {:.1} ms, slowest {:.1} ms",
        times[2].as_secs_f64() * 1e3,
        times[4].as_secs_f64() * 1e3
    );
    println!(
        "  result: {cards} cards, {clusters} clusters, {} action items, {decisions} merge decisions",
        result.session.action_items.len()
    );
    two_copies_of_a_big_session();
}
