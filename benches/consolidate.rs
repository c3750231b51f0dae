//! Consolidating 50 sessions of 300 cards each (20 clusters, 10 action items, 12 reflection
//! entries per session, titles overlapping between sessions). `cargo bench --bench consolidate`.

use std::time::Instant;

use moderato::consolidate::{Input, consolidate};
use moderato::model::*;

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
        });
    }
    s
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
}
