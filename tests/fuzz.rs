//! Mutated session files against everything that reads them: loading, the summary, every
//! export and consolidation. With a fixed seed, so a failure is found again.
//!
//! Each case is either refused, with a plain message, or accepted; an accepted session must
//! then work everywhere: its summary, Markdown, CSV and report data (and every so often the
//! PDF), a consolidation with the original, and saving and opening it again unchanged.
//!
//! `cargo test --test fuzz` runs a short round; `cargo test --release --test fuzz --
//! --ignored fuzz_long` runs 100,000 cases and prints its figures.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use moderato::consolidate::{Input, consolidate};
use moderato::export;
use moderato::i18n::{Describe as _, Lang};
use moderato::session::Session;
use moderato::session::summary::Summary;
use moderato::storage;

#[path = "common/words.rs"]
mod words;
use words::PROGRAMMER_WORDS;

const EXAMPLE: &str = "sessions/open-government-2017";

/// Where the fixtures of cases the audit found live: each must load or be refused cleanly.
const FIXTURES: &str = "tests/fixtures/hostile";

const NUMBERS: [&str; 22] = [
    "NaN",
    "inf",
    "-inf",
    "1e39",
    "-1e39",
    "4294967295",
    "4294967296",
    "-2147483648",
    "2147483647",
    "9223372036854775807",
    "-9223372036854775809",
    "0",
    "-1",
    "1e-45",
    "340282366920938463463374607431768211456",
    "0x10",
    "1_000",
    "00",
    "-0",
    "1.5",
    "10000000",
    "86401",
];

const IDENTIFIERS: [&str; 20] = [
    "Yellow",
    "Purple",
    "Card",
    "Heading",
    "Some",
    "None",
    "Board",
    "Cluster",
    "AgendaItem",
    "Started",
    "Ended",
    "Extended",
    "Skipped",
    "Restarted",
    "Interrupted",
    "r#Card",
    "true",
    "false",
    "()",
    "Session",
];

fn strings() -> Vec<String> {
    vec![
        String::new(),
        " ".into(),
        "../../etc/passwd".into(),
        "/etc/passwd".into(),
        "photos".into(),
        "photos/".into(),
        "C:\\Bilder\\a.jpg".into(),
        "#set page(width: 1pt)".into(),
        "$x^2$ *fett* _kursiv_ <label> @ref".into(),
        "\u{0}".into(),
        "x".repeat(2_001),
        "ä".repeat(1_500),
        "👩‍👩‍👧‍👦 Straße".into(),
        "\u{202e}rückwärts".into(),
        "\"".into(),
        "\\".into(),
        "\n\n".into(),
        "2017-11-23".into(),
        "015fe7e4-88b8-7000-8000-000000000023".into(),
    ]
}

/// Spans of the text that mutations aim at.
struct Spans {
    numbers: Vec<(usize, usize)>,
    strings: Vec<(usize, usize)>,
    identifiers: Vec<(usize, usize)>,
    lines: Vec<(usize, usize)>,
}

fn spans(text: &[u8]) -> Spans {
    let mut s = Spans {
        numbers: Vec::new(),
        strings: Vec::new(),
        identifiers: Vec::new(),
        lines: Vec::new(),
    };
    let mut i = 0;
    let mut line_start = 0;
    while i < text.len() {
        let c = text[i];
        if c == b'\n' {
            s.lines.push((line_start, i + 1));
            line_start = i + 1;
            i += 1;
        } else if c == b'"' {
            let start = i;
            i += 1;
            while i < text.len() && text[i] != b'"' {
                i += if text[i] == b'\\' { 2 } else { 1 };
            }
            i = (i + 1).min(text.len());
            s.strings.push((start, i));
        } else if c.is_ascii_digit()
            || (c == b'-' && text.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            let start = i;
            i += 1;
            while i < text.len() && (text[i].is_ascii_alphanumeric() || b"._+-".contains(&text[i]))
            {
                i += 1;
            }
            s.numbers.push((start, i));
        } else if c.is_ascii_uppercase() {
            let start = i;
            while i < text.len() && (text[i].is_ascii_alphanumeric() || text[i] == b'_') {
                i += 1;
            }
            s.identifiers.push((start, i));
        } else {
            i += 1;
        }
    }
    s
}

/// One change to the text, and its name for the figures.
fn mutate(rng: &mut fastrand::Rng, text: &mut Vec<u8>, strings: &[String]) -> &'static str {
    let s = spans(text);
    let pick = |rng: &mut fastrand::Rng, list: &[(usize, usize)]| {
        (!list.is_empty()).then(|| list[rng.usize(..list.len())])
    };
    let replace = |text: &mut Vec<u8>, (a, b): (usize, usize), with: &[u8]| {
        text.splice(a..b, with.iter().copied());
    };
    match rng.u8(..10) {
        0 | 1 => {
            if let Some(span) = pick(rng, &s.numbers) {
                let with = NUMBERS[rng.usize(..NUMBERS.len())];
                replace(text, span, with.as_bytes());
            }
            "number"
        }
        2 | 3 => {
            if let Some(span) = pick(rng, &s.strings) {
                let with = &strings[rng.usize(..strings.len())];
                // Mostly escaped as a file would hold it, sometimes raw.
                let with = if rng.bool() {
                    format!("{with:?}")
                } else {
                    format!("\"{with}\"")
                };
                replace(text, span, with.as_bytes());
            }
            "text"
        }
        4 => {
            if let Some(span) = pick(rng, &s.identifiers) {
                let with = IDENTIFIERS[rng.usize(..IDENTIFIERS.len())];
                replace(text, span, with.as_bytes());
            }
            "name"
        }
        5 => {
            // An id or a reference swapped for another one of the file: repeated ids,
            // dangling or crossed references.
            let ids: Vec<(usize, usize)> = s
                .strings
                .iter()
                .copied()
                .filter(|(a, b)| b - a == 38)
                .collect();
            if let (Some(from), Some(to)) = (pick(rng, &ids), pick(rng, &ids)) {
                let with = text[to.0..to.1].to_vec();
                replace(text, from, &with);
            }
            "id"
        }
        6 => {
            if let Some((a, b)) = pick(rng, &s.lines) {
                if rng.bool() {
                    text.drain(a..b);
                } else {
                    let line = text[a..b].to_vec();
                    text.splice(a..a, line);
                }
            }
            "line"
        }
        7 => {
            if !text.is_empty() {
                let at = rng.usize(..text.len());
                text[at] ^= 1 << rng.u8(..8);
            }
            "bit"
        }
        8 => {
            let at = rng.usize(..=text.len());
            text.truncate(at);
            "cut"
        }
        _ => {
            if let (Some((a, b)), Some((c, d))) = (pick(rng, &s.lines), pick(rng, &s.lines)) {
                let (first, second) = if a < c {
                    ((a, b), (c, d))
                } else {
                    ((c, d), (a, b))
                };
                if first.1 <= second.0 {
                    let one = text[first.0..first.1].to_vec();
                    let two = text[second.0..second.1].to_vec();
                    text.splice(second.0..second.1, one);
                    text.splice(first.0..first.1, two);
                }
            }
            "swap"
        }
    }
}

#[derive(Default)]
struct Figures {
    cases: usize,
    refused: usize,
    accepted: usize,
    repaired: usize,
    pdfs: usize,
    by_mutation: BTreeMap<&'static str, (usize, usize)>,
}

/// Loads a case and, if accepted, runs it through everything; panics name the case.
/// Every `pdf_every`-th accepted case also gets a PDF (a report takes a while to lay out).
fn exercise(bytes: &[u8], original: &Session, pdf_every: usize, figures: &mut Figures, case: &str) {
    let path = Path::new("session.ron");
    let now = jiff::Timestamp::from_second(1_800_000_000).unwrap();
    match storage::from_bytes_reporting(bytes, path) {
        Err(error) => {
            figures.refused += 1;
            for lang in [Lang::De, Lang::En] {
                let message = error.describe(lang);
                assert!(!message.trim().is_empty(), "{case}: empty message");
                assert!(
                    message.len() < 20_000,
                    "{case}: a message of {} bytes",
                    message.len()
                );
                for word in PROGRAMMER_WORDS {
                    assert!(!message.contains(word), "{case}: {word:?} in {message}");
                }
            }
        }
        Ok(loaded) => {
            figures.accepted += 1;
            if !loaded.repairs.is_empty() {
                figures.repaired += 1;
            }
            let session = loaded.session;
            let _ = Summary::of(&session, jiff::Timestamp::UNIX_EPOCH);
            for lang in [Lang::De, Lang::En] {
                let _ = export::markdown(&session, lang, now);
                let _ = serde_json::to_string(&export::report_data(&session, lang, now)).unwrap();
            }
            let _ = export::cards_csv(&session, Lang::De);
            let _ = export::action_items_csv(&session, Lang::En);
            let _ = export::reflection_csv(&session, Lang::De);
            if figures.accepted % pdf_every == 1 || pdf_every == 1 {
                figures.pdfs += 1;
                if let Err(e) = export::pdf(&session, None, Lang::De, now) {
                    panic!(
                        "{case}: accepted, but the PDF fails: {}",
                        e.describe(Lang::En)
                    );
                }
            }
            let inputs = [
                Input::new("/a", session.clone()),
                Input::new("/b", original.clone()),
            ];
            let merged = consolidate(&inputs, &[]).session;
            let repairs = merged.clone().repair();
            assert!(
                repairs.is_empty(),
                "{case}: the consolidation needs repairs: {repairs:?}"
            );
            if merged.problems().is_empty() {
                storage::from_ron(&storage::to_ron(&merged), path)
                    .unwrap_or_else(|e| panic!("{case}: a consolidation does not reopen: {e}"));
            }
            // What Moderato saves, it opens again: the same session, nothing left to repair.
            let saved = storage::to_ron(&session);
            let again = storage::from_ron_reporting(&saved, path)
                .unwrap_or_else(|e| panic!("{case}: saved but not reopened: {e}"));
            assert!(
                again.repairs.is_empty(),
                "{case}: repairs after saving: {:?}",
                again.repairs
            );
            assert_eq!(
                again.session, session,
                "{case}: changed by saving and opening"
            );
        }
    }
}

fn run(seed: u64, cases: usize, pdf_every: usize) -> Figures {
    let example = std::fs::read(Path::new(EXAMPLE).join("session.ron")).unwrap();
    let original = storage::load(Path::new(EXAMPLE)).unwrap();
    let strings = strings();
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut figures = Figures::default();
    for n in 0..cases {
        let mut text = example.clone();
        let mut names = Vec::new();
        // Mostly one change, so more cases get past the parser into the later steps.
        let changes = if rng.u8(..10) < 6 {
            1
        } else {
            rng.usize(2..=3)
        };
        for _ in 0..changes {
            names.push(mutate(&mut rng, &mut text, &strings));
        }
        let accepted_before = figures.accepted;
        let case = format!("case {n} (seed {seed:#x}, {})", names.join("+"));
        exercise(&text, &original, pdf_every, &mut figures, &case);
        let entry = figures.by_mutation.entry(names[0]).or_default();
        entry.0 += 1;
        entry.1 += figures.accepted - accepted_before;
        figures.cases += 1;
    }
    figures
}

fn report(figures: &Figures, started: Instant) {
    println!(
        "{} cases in {:.1} s: {} refused, {} accepted ({} of them repaired), {} PDFs",
        figures.cases,
        started.elapsed().as_secs_f64(),
        figures.refused,
        figures.accepted,
        figures.repaired,
        figures.pdfs
    );
    for (name, (count, accepted)) in &figures.by_mutation {
        println!("  first mutation {name:>6}: {count} cases, {accepted} accepted");
    }
}

#[test]
fn the_hostile_fixtures_load_or_are_refused_cleanly() {
    let original = storage::load(Path::new(EXAMPLE)).unwrap();
    let mut figures = Figures::default();
    let mut names: Vec<_> = std::fs::read_dir(FIXTURES)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    assert!(names.len() >= 10, "fixtures: {names:?}");
    for path in names {
        let bytes = std::fs::read(&path).unwrap();
        let case = path.display().to_string();
        exercise(&bytes, &original, 1, &mut figures, &case);
        let expected_refused = path.to_string_lossy().contains("refused");
        let loaded = storage::from_bytes_reporting(&bytes, &path).is_ok();
        assert_eq!(loaded, !expected_refused, "{case}");
    }
}

#[test]
fn mutated_sessions_are_refused_or_work_everywhere() {
    let started = Instant::now();
    let figures = run(0x4d6f_6465_7261_746f, 800, 50);
    report(&figures, started);
    assert!(figures.refused > 0 && figures.accepted > 0);
}

#[test]
#[ignore = "long: 100,000 cases; run with --release"]
fn fuzz_long() {
    let started = Instant::now();
    let figures = run(0x5745_4c4c_454e_0002, 100_000, 100);
    report(&figures, started);
}
