//! One phone's ledger, and the checks of what it sends against the phase and its limits.

use std::collections::{HashMap, VecDeque};
use std::time::Instant;

use serde::Deserialize;
use serde_json::{Value, json};
use uuid::Uuid;

use super::limits::Limits;
use super::phase::{Arrival, DEFAULT_CARDS_PER_PHASE, Phase};
use super::refusal::Refusal;
use super::text::{Kind, clean};

/// Cards a phone's page lists as its own (the oldest drop out).
const REMEMBERED_CARDS: usize = 200;
/// Request ids a phone's retries are recognised by.
const REMEMBERED_NONCES: usize = 32;
/// The longest request id.
const NONCE_CHARS: usize = 64;

/// A card as the phone sends it.
#[derive(Debug, Deserialize)]
pub(crate) struct CardRequest {
    board: Uuid,
    text: String,
    #[serde(default)]
    author: String,
    #[serde(default)]
    nonce: Option<String>,
}

/// A dot (or taking one back) as the phone sends it.
#[derive(Debug, Deserialize)]
pub(crate) struct DotRequest {
    board: Uuid,
    target: Uuid,
    #[serde(default)]
    nonce: Option<String>,
}

/// Ratings as the phone sends them.
#[derive(Debug, Deserialize)]
pub(crate) struct RatingRequest {
    ratings: Vec<RatingValue>,
    #[serde(default)]
    name: String,
    #[serde(default)]
    comment: String,
    #[serde(default)]
    nonce: Option<String>,
}

#[derive(Debug, Deserialize)]
struct RatingValue {
    dimension: Uuid,
    value: i32,
}

/// Something a phone sends.
#[derive(Debug)]
pub(crate) enum Contribution {
    Card(CardRequest),
    Dot(DotRequest),
    TakeBack(DotRequest),
    Rating(RatingRequest),
}

impl Contribution {
    /// Reads a request body; anything that isn't the expected JSON is `Malformed`.
    pub(crate) fn parse(
        make: fn(&[u8]) -> serde_json::Result<Contribution>,
        body: &[u8],
    ) -> Result<Contribution, Refusal> {
        let contribution = make(body).map_err(|_| Refusal::Malformed)?;
        match contribution.nonce() {
            Some(nonce) if nonce.chars().count() > NONCE_CHARS => Err(Refusal::Malformed),
            _ => Ok(contribution),
        }
    }

    /// A card from JSON.
    pub(crate) fn card(body: &[u8]) -> serde_json::Result<Contribution> {
        serde_json::from_slice(body).map(Contribution::Card)
    }

    /// A dot from JSON.
    pub(crate) fn dot(body: &[u8]) -> serde_json::Result<Contribution> {
        serde_json::from_slice(body).map(Contribution::Dot)
    }

    /// Taking back a dot, from JSON.
    pub(crate) fn take_back(body: &[u8]) -> serde_json::Result<Contribution> {
        serde_json::from_slice(body).map(Contribution::TakeBack)
    }

    /// Ratings from JSON.
    pub(crate) fn rating(body: &[u8]) -> serde_json::Result<Contribution> {
        serde_json::from_slice(body).map(Contribution::Rating)
    }

    /// The id the page gives a request so that a retry is accepted only once.
    pub(crate) fn nonce(&self) -> Option<&str> {
        match self {
            Contribution::Card(r) => r.nonce.as_deref(),
            Contribution::Dot(r) | Contribution::TakeBack(r) => r.nonce.as_deref(),
            Contribution::Rating(r) => r.nonce.as_deref(),
        }
    }
}

/// What an accepted contribution changes in the ledger.
pub(crate) enum Change {
    Card { board: Uuid, text: String },
    Dot { board: Uuid, target: Uuid },
    TakeBack { board: Uuid, target: Uuid },
    Rating(Vec<(Uuid, i32)>),
}

/// One phone: its number, what it gave, and its request budget.
pub(crate) struct Device {
    pub(crate) number: u32,
    pub(crate) cards_this_phase: u32,
    cards: VecDeque<(Uuid, String)>,
    cards_total: u32,
    /// Dots per board and target.
    dots: HashMap<Uuid, HashMap<Uuid, u32>>,
    /// Dimension and the value given.
    rated: HashMap<Uuid, i32>,
    pub(crate) bucket: Bucket,
    pub(crate) last_seen: Instant,
    pub(crate) streams: u32,
    nonces: VecDeque<String>,
}

impl Device {
    /// A phone that just joined.
    pub(crate) fn new(number: u32, limits: &Limits) -> Device {
        let now = Instant::now();
        Device {
            number,
            cards_this_phase: 0,
            cards: VecDeque::new(),
            cards_total: 0,
            dots: HashMap::new(),
            rated: HashMap::new(),
            bucket: Bucket::full(now, limits),
            last_seen: now,
            streams: 0,
            nonces: VecDeque::new(),
        }
    }

    /// Whether a request with this id was accepted already.
    pub(crate) fn has_nonce(&self, nonce: &str) -> bool {
        self.nonces.iter().any(|n| n == nonce)
    }

    /// Books an accepted contribution.
    pub(crate) fn book(&mut self, change: Change, nonce: Option<&str>) {
        match change {
            Change::Card { board, text } => {
                self.cards_this_phase += 1;
                self.cards_total = self.cards_total.saturating_add(1);
                if self.cards.len() >= REMEMBERED_CARDS {
                    self.cards.pop_front();
                }
                self.cards.push_back((board, text));
            }
            Change::Dot { board, target } => {
                *self
                    .dots
                    .entry(board)
                    .or_default()
                    .entry(target)
                    .or_default() += 1;
            }
            Change::TakeBack { board, target } => {
                if let Some(on_board) = self.dots.get_mut(&board)
                    && let Some(count) = on_board.get_mut(&target)
                {
                    *count = count.saturating_sub(1);
                    if *count == 0 {
                        on_board.remove(&target);
                    }
                }
            }
            Change::Rating(values) => self.rated.extend(values),
        }
        if let Some(nonce) = nonce {
            if self.nonces.len() >= REMEMBERED_NONCES {
                self.nonces.pop_front();
            }
            self.nonces.push_back(nonce.to_owned());
        }
    }

    fn dots_on(&self, board: Uuid) -> u32 {
        self.dots.get(&board).map_or(0, |m| m.values().sum())
    }
}

/// A token bucket: `rate_burst` requests at once, `rate_per_second` in the long run.
pub(crate) struct Bucket {
    tokens: f64,
    at: Instant,
}

impl Bucket {
    fn full(now: Instant, limits: &Limits) -> Bucket {
        Bucket {
            tokens: f64::from(limits.rate_burst),
            at: now,
        }
    }

    /// Takes a token if there is one.
    pub(crate) fn take(&mut self, now: Instant, limits: &Limits) -> bool {
        let elapsed = now.saturating_duration_since(self.at).as_secs_f64();
        let rate = limits.rate_per_second.max(0.0);
        self.tokens = (self.tokens + elapsed * rate).min(f64::from(limits.rate_burst));
        self.at = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// Whether two phases are the same step (same kind, same board), so that per-phase counts
/// carry over.
pub(crate) fn same_step(a: &Phase, b: &Phase) -> bool {
    match (a, b) {
        (Phase::Waiting, Phase::Waiting) | (Phase::Ratings { .. }, Phase::Ratings { .. }) => true,
        (Phase::Cards { board: x, .. }, Phase::Cards { board: y, .. })
        | (Phase::Dots { board: x, .. }, Phase::Dots { board: y, .. }) => x == y,
        _ => false,
    }
}

fn card_limit(max_cards: u32, limits: &Limits) -> u32 {
    let asked = if max_cards == 0 {
        DEFAULT_CARDS_PER_PHASE
    } else {
        max_cards
    };
    asked.min(limits.max_cards_per_phase)
}

fn dot_budget(budget: u32, limits: &Limits) -> u32 {
    if budget == 0 { limits.dot_cap } else { budget }
}

/// Checks a contribution: the change to book and the arrival to hand to the app.
pub(crate) fn check(
    phase: &Phase,
    device: &Device,
    contribution: &Contribution,
    limits: &Limits,
) -> Result<(Change, Arrival), Refusal> {
    match contribution {
        Contribution::Card(request) => check_card(phase, device, request, limits),
        Contribution::Dot(request) => check_dot(phase, device, request, limits),
        Contribution::TakeBack(request) => check_take_back(phase, device, request),
        Contribution::Rating(request) => check_rating(phase, device, request, limits),
    }
}

fn check_card(
    phase: &Phase,
    device: &Device,
    request: &CardRequest,
    limits: &Limits,
) -> Result<(Change, Arrival), Refusal> {
    let Phase::Cards {
        board, max_cards, ..
    } = phase
    else {
        return Err(Refusal::WrongPhase);
    };
    if *board != request.board {
        return Err(Refusal::WrongPhase);
    }
    let max = card_limit(*max_cards, limits);
    if device.cards_this_phase >= max {
        return Err(Refusal::CardLimit { max });
    }
    let text = clean(&request.text, Kind::Card, limits.card_chars)?;
    let author = clean(&request.author, Kind::Name, limits.name_chars)?;
    let arrival = Arrival::Card {
        device: device.number,
        board: *board,
        text: text.clone(),
        author,
    };
    Ok((
        Change::Card {
            board: *board,
            text,
        },
        arrival,
    ))
}

/// The board and whether the target is on it, for a dot or taking one back.
fn dot_phase(phase: &Phase, request: &DotRequest) -> Result<(Uuid, u32), Refusal> {
    let Phase::Dots {
        board,
        budget,
        targets,
        ..
    } = phase
    else {
        return Err(Refusal::WrongPhase);
    };
    if *board != request.board {
        return Err(Refusal::WrongPhase);
    }
    if !targets.iter().any(|t| t.id == request.target) {
        return Err(Refusal::UnknownTarget);
    }
    Ok((*board, *budget))
}

fn check_dot(
    phase: &Phase,
    device: &Device,
    request: &DotRequest,
    limits: &Limits,
) -> Result<(Change, Arrival), Refusal> {
    let (board, budget) = dot_phase(phase, request)?;
    let budget = dot_budget(budget, limits);
    if device.dots_on(board) >= budget {
        return Err(Refusal::BudgetUsed { budget });
    }
    let target = request.target;
    Ok((
        Change::Dot { board, target },
        Arrival::Dot {
            device: device.number,
            board,
            target,
        },
    ))
}

fn check_take_back(
    phase: &Phase,
    device: &Device,
    request: &DotRequest,
) -> Result<(Change, Arrival), Refusal> {
    let (board, _) = dot_phase(phase, request)?;
    let target = request.target;
    let mine = device
        .dots
        .get(&board)
        .and_then(|m| m.get(&target))
        .copied()
        .unwrap_or(0);
    if mine == 0 {
        return Err(Refusal::NothingToTakeBack);
    }
    Ok((
        Change::TakeBack { board, target },
        Arrival::DotTakenBack {
            device: device.number,
            board,
            target,
        },
    ))
}

fn check_rating(
    phase: &Phase,
    device: &Device,
    request: &RatingRequest,
    limits: &Limits,
) -> Result<(Change, Arrival), Refusal> {
    let Phase::Ratings {
        dimensions,
        min,
        max,
        is_anonymous,
        ..
    } = phase
    else {
        return Err(Refusal::WrongPhase);
    };
    if request.ratings.is_empty() {
        return Err(Refusal::NoRating);
    }
    let mut values: Vec<(Uuid, i32)> = Vec::with_capacity(request.ratings.len());
    for rating in &request.ratings {
        if !dimensions.iter().any(|(id, _)| *id == rating.dimension) {
            return Err(Refusal::UnknownDimension);
        }
        if device.rated.contains_key(&rating.dimension)
            || values.iter().any(|(id, _)| *id == rating.dimension)
        {
            return Err(Refusal::RatedTwice);
        }
        if rating.value < *min || rating.value > *max {
            return Err(Refusal::OutOfScale {
                min: *min,
                max: *max,
            });
        }
        values.push((rating.dimension, rating.value));
    }
    if *is_anonymous && !request.name.trim().is_empty() {
        return Err(Refusal::NameNotAsked);
    }
    let name = clean(&request.name, Kind::Name, limits.name_chars)?;
    let comment = clean(&request.comment, Kind::Comment, limits.comment_chars)?;
    let arrival = Arrival::Rating {
        device: device.number,
        ratings: values.clone(),
        name,
        comment,
    };
    Ok((Change::Rating(values), arrival))
}

/// What the phone's page shows (the answer of `GET /api/state` and of every accepted POST).
pub(crate) fn view(phase: &Phase, generation: u64, device: &Device, limits: &Limits) -> Value {
    let phase = match phase {
        Phase::Waiting => json!({ "kind": "waiting" }),
        Phase::Cards {
            board,
            title,
            question,
            max_cards,
        } => {
            let max = card_limit(*max_cards, limits);
            let mine: Vec<&str> = device
                .cards
                .iter()
                .filter(|(b, _)| b == board)
                .map(|(_, text)| text.as_str())
                .collect();
            json!({
                "kind": "cards", "board": board, "title": title, "question": question,
                "max_cards": max, "cards_left": max.saturating_sub(device.cards_this_phase),
                "my_cards": mine,
            })
        }
        Phase::Dots {
            board,
            title,
            budget,
            targets,
        } => {
            let effective = dot_budget(*budget, limits);
            let mine = device.dots.get(board);
            let targets: Vec<Value> = targets
                .iter()
                .map(|t| {
                    let count = mine.and_then(|m| m.get(&t.id)).copied().unwrap_or(0);
                    json!({ "id": t.id, "text": t.text, "is_cluster": t.is_cluster, "mine": count })
                })
                .collect();
            json!({
                "kind": "dots", "board": board, "title": title, "budget": effective,
                "unlimited": *budget == 0,
                "dots_left": effective.saturating_sub(device.dots_on(*board)),
                "targets": targets,
            })
        }
        Phase::Ratings {
            dimensions,
            min,
            max,
            low_label,
            high_label,
            is_anonymous,
        } => {
            let dimensions: Vec<Value> = dimensions
                .iter()
                .map(|(id, name)| json!({ "id": id, "name": name, "mine": device.rated.get(id) }))
                .collect();
            json!({
                "kind": "ratings", "min": min, "max": max, "low_label": low_label,
                "high_label": high_label, "is_anonymous": is_anonymous, "dimensions": dimensions,
            })
        }
    };
    let dots: u32 = device.dots.values().flat_map(|m| m.values()).sum();
    json!({
        "phone": device.number,
        "generation": generation,
        "phase": phase,
        "totals": { "cards": device.cards_total, "dots": dots, "ratings": device.rated.len() },
    })
}
