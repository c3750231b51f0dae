//! 30 simulated phones on loopback: each writes 3 cards, places 5 dots (budget 5) and sends
//! 1 rating, spread over a minute (PHONES_BENCH_SECONDS, default 60), all at once. Prints
//! the p95 time from sending a request to its arrival at the channel's consumer, and the
//! process's memory growth.
#![allow(missing_docs)]

#[path = "../tests/common/phones.rs"]
mod common;

use std::collections::HashMap;
use std::io::BufRead;
use std::sync::mpsc::channel;
use std::sync::{Arc, Barrier, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use common::{Phone, Req};
use moderato::phones::{Arrival, DotTarget, Limits, Phase, PhoneServer, Room};
use serde_json::json;
use uuid::Uuid;

const PHONES: usize = 30;
const CARDS: usize = 3;
const DOTS: usize = 5;
const TARGETS: usize = 10;

type Sent = Arc<Mutex<HashMap<String, Instant>>>;

fn main() {
    let seconds: u64 = std::env::var("PHONES_BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let window = Duration::from_secs(seconds) / 3;
    let before = memory();

    // All phones share 127.0.0.1 here; in the room each has its own address.
    let room = Room::with_limits(Limits {
        max_connections_per_address: 256,
        ..Limits::default()
    });
    let (sender, arrivals) = channel::<Arrival>();
    let wake: moderato::phones::Wake = Arc::new(|| {});
    let mut server = PhoneServer::start(
        std::net::Ipv4Addr::LOCALHOST.into(),
        Some(0),
        Arc::clone(&room),
        sender,
        wake,
    )
    .expect("server starts");
    let addr = server.address();
    let join = server.join_url();
    let join = join[join.find("/j/").expect("join path")..].to_string();

    // The app's side: takes each arrival off the channel and notes when.
    let consumer = thread::spawn(move || {
        let mut received = Vec::new();
        while let Ok(arrival) = arrivals.recv() {
            received.push((key(&arrival), Instant::now()));
        }
        received
    });

    let board = Uuid::from_u128(1);
    let targets: Vec<Uuid> = (0..TARGETS as u128)
        .map(|i| Uuid::from_u128(100 + i))
        .collect();
    let dims: Vec<Uuid> = (0..3u128).map(|i| Uuid::from_u128(200 + i)).collect();
    let sent: Sent = Arc::default();
    let barrier = Arc::new(Barrier::new(PHONES + 1));
    let started = Instant::now();
    let phones: Vec<_> = (0..PHONES)
        .map(|i| {
            let (sent, barrier, join, targets, dims) = (
                Arc::clone(&sent),
                Arc::clone(&barrier),
                join.clone(),
                targets.clone(),
                dims.clone(),
            );
            thread::spawn(move || {
                run_phone(
                    i, addr, &join, board, &targets, &dims, window, &sent, &barrier,
                )
            })
        })
        .collect();

    barrier.wait(); // all joined
    room.set_phase(Phase::cards(board, "Verkehr", "Was brauchen wir?"));
    barrier.wait();
    barrier.wait(); // cards done
    room.set_phase(Phase::Dots {
        board,
        title: "Verkehr".into(),
        budget: DOTS as u32,
        targets: targets
            .iter()
            .map(|id| DotTarget {
                id: *id,
                text: format!("Karte {id}"),
                is_cluster: false,
            })
            .collect(),
    });
    barrier.wait();
    barrier.wait(); // dots done
    room.set_phase(Phase::Ratings {
        dimensions: dims.iter().map(|d| (*d, "Ergebnis".to_string())).collect(),
        min: 1,
        max: 5,
        low_label: "schlecht".into(),
        high_label: "gut".into(),
        is_anonymous: true,
    });
    barrier.wait();
    barrier.wait(); // ratings done
    let connected = server.connected_phones();
    let during = memory();

    let mut refused = 0;
    let mut streams = Vec::new();
    for phone in phones {
        let (refusals, events) = phone.join().expect("phone thread");
        refused += refusals;
        streams.push(events);
    }
    // Stop while the event streams are open: their readers see the end.
    server.stop();
    drop(server);
    let counts: Vec<usize> = streams
        .into_iter()
        .map(|s| s.join().expect("events"))
        .collect();
    assert!(
        counts.iter().all(|&n| n == 4),
        "each stream: the first phase and 3 changes: {counts:?}"
    );
    let phase_events: usize = counts.iter().sum();
    let received = consumer.join().expect("consumer");
    let after = memory();
    report(&sent, &received, refused, phase_events, connected, started);
    println!(
        "memory: VmRSS {} kB before, {} kB at the end of the run (+{} kB), {} kB after stop; \
         VmHWM {} kB (+{} kB over the RSS before)",
        before.0,
        during.0,
        during.0.saturating_sub(before.0),
        after.0,
        after.1,
        after.1.saturating_sub(before.0),
    );
}

/// One phone: joins, listens to events, and sends its contributions spread over each window.
#[allow(clippy::too_many_arguments)]
fn run_phone(
    i: usize,
    addr: std::net::SocketAddr,
    join: &str,
    board: Uuid,
    targets: &[Uuid],
    dims: &[Uuid],
    window: Duration,
    sent: &Sent,
    barrier: &Barrier,
) -> (usize, thread::JoinHandle<usize>) {
    let reply = Req::get(join).send(addr);
    let cookie = reply
        .header("set-cookie")
        .and_then(|c| c.split(';').next())
        .expect("cookie")
        .to_string();
    let phone = Phone { addr, cookie };
    assert_eq!(phone.get("/").status, 200);
    let number = phone.state()["phone"].as_u64().expect("phone number");
    let mut stream = Req::get("/api/events")
        .header("Cookie", &phone.cookie)
        .open(addr);
    // The stream's first event, before the moderator moves on.
    let mut line = String::new();
    while stream.read_line(&mut line).is_ok_and(|n| n > 0) && line.trim_end() != "event: phase" {
        line.clear();
    }
    let events = thread::spawn(move || {
        let mut line = String::new();
        let mut count = 1;
        while stream.read_line(&mut line).is_ok_and(|n| n > 0) {
            count += usize::from(line.trim_end() == "event: phase");
            line.clear();
        }
        count
    });
    let mut rng = 0x9e37_79b9_7f4a_7c15u64 ^ (i as u64 + 1).wrapping_mul(0x2545_f491_4f6c_dd1d);
    let mut refused = 0;
    let mut post = |key: String, path: &str, body: serde_json::Value| {
        sent.lock().expect("sent").insert(key, Instant::now());
        if phone.post(path, &body).status != 200 {
            refused += 1;
        }
    };
    barrier.wait();
    barrier.wait(); // cards open
    for (n, at) in spread(&mut rng, CARDS, window).into_iter().enumerate() {
        sleep_until(at);
        let text = format!("Telefon {number}: Karte {n} – Grünflächen & Radwege");
        post(
            text.clone(),
            "/api/card",
            json!({"board": board, "text": text}),
        );
    }
    barrier.wait();
    barrier.wait(); // dots open
    let first = (i * 3) % targets.len();
    for (n, at) in spread(&mut rng, DOTS, window).into_iter().enumerate() {
        sleep_until(at);
        let target = targets[(first + n) % targets.len()];
        let body = json!({"board": board, "target": target});
        post(format!("dot {number} {target}"), "/api/dot", body);
    }
    barrier.wait();
    barrier.wait(); // ratings open
    let at = spread(&mut rng, 1, window)[0];
    sleep_until(at);
    let ratings: Vec<_> = dims
        .iter()
        .map(|d| json!({"dimension": d, "value": 1 + (i % 5)}))
        .collect();
    post(
        format!("rating {number}"),
        "/api/rating",
        json!({"ratings": ratings, "comment": "Gut moderiert, danke!"}),
    );
    barrier.wait();
    (refused, events)
}

/// `count` moments in the next 90 % of `window`, in order.
fn spread(rng: &mut u64, count: usize, window: Duration) -> Vec<Instant> {
    let start = Instant::now();
    let mut offsets: Vec<f64> = (0..count)
        .map(|_| {
            *rng ^= *rng << 13;
            *rng ^= *rng >> 7;
            *rng ^= *rng << 17;
            (*rng % 10_000) as f64 / 10_000.0 * 0.9
        })
        .collect();
    offsets.sort_by(f64::total_cmp);
    offsets
        .into_iter()
        .map(|f| start + window.mul_f64(f))
        .collect()
}

fn sleep_until(at: Instant) {
    let now = Instant::now();
    if at > now {
        thread::sleep(at - now);
    }
}

/// The key an arrival is matched to its request by.
fn key(arrival: &Arrival) -> String {
    match arrival {
        Arrival::Card { text, .. } => text.clone(),
        Arrival::Dot { device, target, .. } => format!("dot {device} {target}"),
        Arrival::Rating { device, .. } => format!("rating {device}"),
        Arrival::DotTakenBack { .. } => "taken back".into(),
    }
}

fn report(
    sent: &Sent,
    received: &[(String, Instant)],
    refused: usize,
    phase_events: usize,
    connected: usize,
    started: Instant,
) {
    let sent = sent.lock().expect("sent");
    let mut latencies: Vec<Duration> = received
        .iter()
        .filter_map(|(key, at)| sent.get(key).map(|s| at.saturating_duration_since(*s)))
        .collect();
    latencies.sort();
    let expected = PHONES * (CARDS + DOTS + 1);
    let p = |q: f64| {
        let at = ((latencies.len() as f64 * q).ceil() as usize).clamp(1, latencies.len().max(1));
        latencies.get(at - 1).copied().unwrap_or_default()
    };
    println!(
        "{PHONES} phones, {} s: {} requests sent, {} arrivals received ({expected} expected), \
         {} matched, {refused} refused; {phase_events} phase events on the streams; \
         {connected} phones connected",
        started.elapsed().as_secs(),
        sent.len(),
        received.len(),
        latencies.len(),
    );
    println!(
        "send → arrival: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        p(0.5).as_secs_f64() * 1e3,
        p(0.95).as_secs_f64() * 1e3,
        p(1.0).as_secs_f64() * 1e3,
    );
    println!("p95 {:.2} ms", p(0.95).as_secs_f64() * 1e3);
    assert_eq!(received.len(), expected, "every contribution arrives once");
    assert_eq!(latencies.len(), expected);
    assert_eq!(refused, 0, "all within their limits");
}

/// (VmRSS, VmHWM) of this process in kB.
fn memory() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}
