//! What phones send: cards, dots and ratings, each limit, and each arrival exactly once.

use std::sync::atomic::Ordering;

use crate::common::{Harness, Phone, id};
use moderato::phones::{Arrival, DotTarget, Limits, Phase};
use serde_json::{Value, json};
use uuid::Uuid;

fn cards(board: Uuid, max_cards: u32) -> Phase {
    Phase::Cards {
        board,
        title: "Verkehr".into(),
        question: "Was brauchen wir?".into(),
        max_cards,
    }
}

fn dots(board: Uuid, budget: u32, targets: &[Uuid]) -> Phase {
    Phase::Dots {
        board,
        title: "Verkehr".into(),
        budget,
        targets: targets
            .iter()
            .enumerate()
            .map(|(i, id)| DotTarget {
                id: *id,
                text: format!("Karte {i}"),
                is_cluster: i == 0,
            })
            .collect(),
    }
}

fn ratings(dimensions: &[Uuid], is_anonymous: bool) -> Phase {
    Phase::Ratings {
        dimensions: dimensions
            .iter()
            .map(|id| (*id, "Ergebnis".to_string()))
            .collect(),
        min: 1,
        max: 5,
        low_label: "schlecht".into(),
        high_label: "gut".into(),
        is_anonymous,
    }
}

/// Posts and expects a refusal with this status and code, and no arrival.
fn refused(h: &Harness, phone: &Phone, path: &str, body: Value, status: u16, code: &str) {
    let reply = phone.post(path, &body);
    assert_eq!(
        (reply.status, reply.code().as_str()),
        (status, code),
        "{body}"
    );
    assert!(
        reply.json()["error"]
            .as_str()
            .is_some_and(|e| !e.is_empty())
    );
    assert!(h.take().is_empty(), "a refusal arrived: {body}");
}

/// Posts and expects acceptance and exactly one arrival; returns it and the new view.
fn accepted(h: &Harness, phone: &Phone, path: &str, body: Value) -> (Arrival, Value) {
    let reply = phone.post(path, &body);
    assert_eq!(reply.status, 200, "{body}: {}", reply.body);
    let mut arrivals = h.take();
    assert_eq!(arrivals.len(), 1, "{body}");
    (arrivals.remove(0), reply.json())
}

#[test]
fn cards_are_cleaned_and_limited() {
    let h = Harness::start();
    let board = id();
    h.room.set_phase(cards(board, 4));
    let phone = h.phone();
    let card = |text: &str| json!({"board": board, "text": text, "author": " Eva "});

    let (arrival, view) = accepted(&h, &phone, "/api/card", card("  Gru\u{308}ne\r\nWelle \n"));
    assert_eq!(
        arrival,
        Arrival::Card {
            device: 1,
            board,
            text: "Grüne\nWelle".into(),
            author: "Eva".into()
        }
    );
    assert_eq!(view["phase"]["cards_left"], 3);
    assert_eq!(view["phase"]["my_cards"], json!(["Grüne\nWelle"]));

    refused(&h, &phone, "/api/card", card(" \n "), 422, "card_empty");
    refused(
        &h,
        &phone,
        "/api/card",
        card(&"x".repeat(2_001)),
        422,
        "card_too_long",
    );
    refused(
        &h,
        &phone,
        "/api/card",
        card("a\tb"),
        422,
        "control_character",
    );
    refused(
        &h,
        &phone,
        "/api/card",
        card("a\u{7}b"),
        422,
        "control_character",
    );
    refused(
        &h,
        &phone,
        "/api/card",
        card("\u{1b}[2J"),
        422,
        "control_character",
    );
    let bad_author = json!({"board": board, "text": "x", "author": "a\nb"});
    refused(
        &h,
        &phone,
        "/api/card",
        bad_author,
        422,
        "control_character",
    );
    let long_author = json!({"board": board, "text": "x", "author": "e".repeat(101)});
    refused(&h, &phone, "/api/card", long_author, 422, "name_too_long");
    refused(
        &h,
        &phone,
        "/api/card",
        json!({"board": id(), "text": "x"}),
        409,
        "wrong_phase",
    );

    // 2,000 characters of two bytes each are a card.
    accepted(&h, &phone, "/api/card", card(&"ü".repeat(2_000)));
    accepted(&h, &phone, "/api/card", card("drei"));
    accepted(&h, &phone, "/api/card", card("vier"));
    refused(&h, &phone, "/api/card", card("fünf"), 409, "card_limit");

    // The same step with a new question keeps the count; a new step resets it.
    h.room.set_phase(Phase::Cards {
        board,
        title: "Verkehr".into(),
        question: "Anders gefragt".into(),
        max_cards: 4,
    });
    refused(&h, &phone, "/api/card", card("fünf"), 409, "card_limit");
    h.room.set_phase(Phase::Waiting);
    refused(&h, &phone, "/api/card", card("fünf"), 409, "wrong_phase");
    h.room.set_phase(cards(board, 0));
    let view = phone.state();
    assert_eq!(view["phase"]["max_cards"], 10);
    assert_eq!(view["phase"]["cards_left"], 10);
    assert_eq!(view["totals"]["cards"], 4);
    accepted(&h, &phone, "/api/card", card("fünf"));

    // Another phone has its own count and number.
    let other = h.phone();
    let (arrival, _) = accepted(&h, &other, "/api/card", card("Tempo 30"));
    assert_eq!(arrival.device(), 2);
}

#[test]
fn the_dot_budget_holds_across_phases() {
    let h = Harness::start();
    let board = id();
    let targets = [id(), id()];
    h.room.set_phase(dots(board, 2, &targets));
    let phone = h.phone();
    let dot = |target: Uuid| json!({"board": board, "target": target});

    let (arrival, view) = accepted(&h, &phone, "/api/dot", dot(targets[0]));
    assert_eq!(
        arrival,
        Arrival::Dot {
            device: 1,
            board,
            target: targets[0]
        }
    );
    assert_eq!(view["phase"]["dots_left"], 1);
    assert_eq!(view["phase"]["targets"][0]["mine"], 1);
    assert_eq!(view["phase"]["targets"][0]["is_cluster"], true);
    refused(&h, &phone, "/api/dot", dot(id()), 422, "unknown_target");
    refused(
        &h,
        &phone,
        "/api/dot",
        json!({"board": id(), "target": targets[0]}),
        409,
        "wrong_phase",
    );
    refused(
        &h,
        &phone,
        "/api/undot",
        dot(targets[1]),
        409,
        "nothing_to_take_back",
    );
    accepted(&h, &phone, "/api/dot", dot(targets[0]));
    refused(&h, &phone, "/api/dot", dot(targets[1]), 409, "budget_used");

    // Leaving and coming back to the board: the dots given still count.
    h.room.set_phase(Phase::Waiting);
    refused(&h, &phone, "/api/dot", dot(targets[1]), 409, "wrong_phase");
    h.room.set_phase(dots(board, 2, &targets));
    refused(&h, &phone, "/api/dot", dot(targets[1]), 409, "budget_used");

    let (arrival, view) = accepted(&h, &phone, "/api/undot", dot(targets[0]));
    assert_eq!(
        arrival,
        Arrival::DotTakenBack {
            device: 1,
            board,
            target: targets[0]
        }
    );
    assert_eq!(view["phase"]["dots_left"], 1);
    accepted(&h, &phone, "/api/dot", dot(targets[1]));

    // Another board has its own budget.
    let other_board = id();
    h.room.set_phase(dots(other_board, 1, &targets));
    accepted(
        &h,
        &phone,
        "/api/dot",
        json!({"board": other_board, "target": targets[1]}),
    );
}

#[test]
fn no_budget_means_the_cap() {
    let h = Harness::with_limits(Limits {
        dot_cap: 3,
        ..Limits::default()
    });
    let board = id();
    let target = id();
    h.room.set_phase(dots(board, 0, &[target]));
    let phone = h.phone();
    let view = phone.state();
    assert_eq!(
        (
            view["phase"]["budget"].as_u64(),
            view["phase"]["unlimited"].as_bool()
        ),
        (Some(3), Some(true))
    );
    for _ in 0..3 {
        accepted(
            &h,
            &phone,
            "/api/dot",
            json!({"board": board, "target": target}),
        );
    }
    refused(
        &h,
        &phone,
        "/api/dot",
        json!({"board": board, "target": target}),
        409,
        "budget_used",
    );
}

#[test]
fn each_dimension_is_rated_once_within_the_scale() {
    let h = Harness::start();
    let dims = [id(), id(), id()];
    h.room.set_phase(ratings(&dims, false));
    let phone = h.phone();
    let rate = |pairs: &[(Uuid, i64)]| {
        let ratings: Vec<Value> = pairs
            .iter()
            .map(|(d, v)| json!({"dimension": d, "value": v}))
            .collect();
        json!({"ratings": ratings, "name": " Stadtwerke ", "comment": "Gut\r\ngemacht"})
    };
    refused(&h, &phone, "/api/rating", rate(&[]), 422, "no_rating");
    refused(
        &h,
        &phone,
        "/api/rating",
        rate(&[(dims[0], 6)]),
        422,
        "out_of_scale",
    );
    refused(
        &h,
        &phone,
        "/api/rating",
        rate(&[(dims[0], 0)]),
        422,
        "out_of_scale",
    );
    refused(
        &h,
        &phone,
        "/api/rating",
        rate(&[(id(), 3)]),
        422,
        "unknown_dimension",
    );
    refused(
        &h,
        &phone,
        "/api/rating",
        rate(&[(dims[0], 3), (dims[0], 4)]),
        409,
        "rated_twice",
    );
    let malformed = phone.post("/api/rating", &rate(&[(dims[0], 1 << 40)]));
    assert_eq!(malformed.status, 400);
    let float = phone.post(
        "/api/rating",
        &json!({"ratings": [{"dimension": dims[0], "value": 2.5}]}),
    );
    assert_eq!(float.status, 400);

    let (arrival, view) = accepted(
        &h,
        &phone,
        "/api/rating",
        rate(&[(dims[0], 5), (dims[1], 1)]),
    );
    assert_eq!(
        arrival,
        Arrival::Rating {
            device: 1,
            ratings: vec![(dims[0], 5), (dims[1], 1)],
            name: "Stadtwerke".into(),
            comment: "Gut\ngemacht".into()
        }
    );
    assert_eq!(view["phase"]["dimensions"][0]["mine"], 5);
    assert_eq!(view["phase"]["dimensions"][2]["mine"], Value::Null);
    refused(
        &h,
        &phone,
        "/api/rating",
        rate(&[(dims[0], 4)]),
        409,
        "rated_twice",
    );
    refused(
        &h,
        &phone,
        "/api/rating",
        rate(&[(dims[2], 4), (dims[1], 2)]),
        409,
        "rated_twice",
    );

    // Ratings stay given when the phase comes back; an anonymous round takes no name.
    h.room.set_phase(Phase::Waiting);
    h.room.set_phase(ratings(&dims, true));
    refused(
        &h,
        &phone,
        "/api/rating",
        rate(&[(dims[1], 4)]),
        409,
        "rated_twice",
    );
    refused(
        &h,
        &phone,
        "/api/rating",
        rate(&[(dims[2], 4)]),
        422,
        "name_not_asked",
    );
    let anonymous = json!({"ratings": [{"dimension": dims[2], "value": 4}]});
    let (arrival, _) = accepted(&h, &phone, "/api/rating", anonymous);
    assert!(
        matches!(arrival, Arrival::Rating { name, comment, .. } if name.is_empty() && comment.is_empty())
    );
}

#[test]
fn a_retry_is_accepted_once() {
    let h = Harness::start();
    let board = id();
    h.room.set_phase(cards(board, 10));
    let phone = h.phone();
    let body = json!({"board": board, "text": "Radwege", "nonce": "abc123"});
    accepted(&h, &phone, "/api/card", body.clone());
    let again = phone.post("/api/card", &body);
    assert_eq!(again.status, 200);
    assert_eq!(again.json()["phase"]["cards_left"], 9);
    assert!(h.take().is_empty());
    // The same id from another phone is that phone's own.
    let other = h.phone();
    accepted(&h, &other, "/api/card", body);
}

#[test]
fn every_accepted_contribution_arrives_once_and_wakes_the_app() {
    let h = Harness::start();
    let board = id();
    let target = id();
    let dim = id();
    let phones: Vec<Phone> = (0..3).map(|_| h.phone()).collect();
    h.room.set_phase(cards(board, 2));
    for phone in &phones {
        for n in 0..3 {
            phone.post(
                "/api/card",
                &json!({"board": board, "text": format!("Karte {n}")}),
            );
        }
    }
    h.room.set_phase(dots(board, 1, &[target]));
    for phone in &phones {
        phone.post("/api/dot", &json!({"board": board, "target": target}));
        phone.post("/api/dot", &json!({"board": board, "target": target}));
    }
    h.room.set_phase(ratings(&[dim], true));
    for phone in &phones {
        for _ in 0..2 {
            phone.post(
                "/api/rating",
                &json!({"ratings": [{"dimension": dim, "value": 3}]}),
            );
        }
    }
    let arrivals = h.take();
    let count = |f: fn(&Arrival) -> bool| arrivals.iter().filter(|a| f(a)).count();
    assert_eq!(count(|a| matches!(a, Arrival::Card { .. })), 6);
    assert_eq!(count(|a| matches!(a, Arrival::Dot { .. })), 3);
    assert_eq!(count(|a| matches!(a, Arrival::Rating { .. })), 3);
    assert_eq!(arrivals.len(), 12);
    assert_eq!(h.wakes.load(Ordering::SeqCst), 12);
    let mut devices: Vec<u32> = arrivals.iter().map(Arrival::device).collect();
    devices.sort_unstable();
    devices.dedup();
    assert_eq!(devices, vec![1, 2, 3]);
}

#[test]
fn when_the_app_is_gone_nothing_is_booked() {
    let h = Harness::start();
    let board = id();
    h.room.set_phase(cards(board, 1));
    let phone = h.phone();
    let crate::common::Harness {
        arrivals, server, ..
    } = h;
    drop(arrivals);
    let reply = phone.post("/api/card", &json!({"board": board, "text": "x"}));
    assert_eq!(reply.status, 503);
    assert_eq!(reply.code(), "closed");
    assert_eq!(phone.state()["phase"]["cards_left"], 1);
    drop(server);
}
