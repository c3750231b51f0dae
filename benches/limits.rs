//! Every command at the documented limits (`session/limits.rs`, `storage::MAX_SESSION_BYTES`,
//! the photo guard): time and peak memory of the real `moderato` binary, each run a process
//! of its own. Goals (issue 23): every command on any session within the limits at most
//! 30 s and 1 GB; the report of 20,000 cards at most 5 s and 500 MB; importing 10,000 lines
//! at most 2 s; suggestions for 1,000 cards at most 10 s. `cargo bench --bench limits`.
//!
//! Peak memory is the process's high-water mark (`VmHWM`), read from `/proc` every 5 ms
//! while it runs: the last reading before it ends.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use moderato::board::{Board, Card, CardColour};
use moderato::ids::{BoardId, CardId};
use moderato::session::Session;
use moderato::session::limits;
use moderato::storage;

#[path = "common/mod.rs"]
mod common;

const BIN: &str = env!("CARGO_BIN_EXE_moderato");

struct Run {
    seconds: f64,
    peak_mb: u64,
    ok: bool,
    said: String,
}

/// Runs `moderato` with `args`, measuring wall time and the high-water mark of its memory.
fn measure(args: &[&str]) -> Run {
    let started = Instant::now();
    let mut child = Command::new(BIN)
        .args(args)
        .env("LANG", "en_GB.UTF-8")
        .env(
            "MODERATO_CACHE_DIR",
            std::env::temp_dir().join("moderato-limits-cache"),
        )
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("moderato runs");
    let status = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0;
    let exit = loop {
        if let Some(exit) = child.try_wait().expect("waits") {
            break exit;
        }
        if let Some(kb) = high_water_kb(&status) {
            peak_kb = peak_kb.max(kb);
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let seconds = started.elapsed().as_secs_f64();
    let mut said = String::new();
    if let Some(mut err) = child.stderr.take() {
        let _ = std::io::Read::read_to_string(&mut err, &mut said);
    }
    Run {
        seconds,
        peak_mb: peak_kb / 1024,
        ok: exit.success(),
        said: said
            .lines()
            .next()
            .unwrap_or_default()
            .chars()
            .take(120)
            .collect(),
    }
}

fn high_water_kb(status: &str) -> Option<u64> {
    let text = std::fs::read_to_string(status).ok()?;
    let line = text.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn report(case: &str, run: &Run) {
    let verdict = if run.seconds <= 30.0 && run.peak_mb <= 1024 {
        "within 30 s / 1 GB"
    } else {
        "OVER 30 s / 1 GB"
    };
    let refused = if run.ok {
        String::new()
    } else {
        format!(" — refused: {}", run.said)
    };
    println!(
        "{case:<58} {:>7.2} s {:>6} MB  {verdict}{refused}",
        run.seconds, run.peak_mb
    );
}

/// A session with `cards` cards of `chars` characters on `boards` boards, saved in `dir`.
fn session_of(dir: &Path, name: &str, cards: usize, chars: usize, boards: usize) -> PathBuf {
    let mut session = Session::create(name);
    let per_board = cards.div_ceil(boards.max(1));
    for b in 0..boards {
        let mut board = Board {
            id: BoardId::generate(),
            title: format!("Wand {b}"),
            ..Board::default()
        };
        for i in 0..per_board.min(cards - b * per_board) {
            let mut text = format!("Karte {i} der Wand {b}: Bürgerbeteiligung früh ansetzen ");
            while text.chars().count() < chars {
                text.push_str("Offene Daten für alle, gut auffindbar. ");
            }
            board.cards.push(Card {
                id: CardId::generate(),
                text: limits::clip(text, chars),
                colour: CardColour::ALL[i % CardColour::ALL.len()],
                x: (i % 200) as f32 / 200.0,
                y: (i / 200) as f32 / 50.0,
                votes: u32::try_from(i % 7).unwrap_or(0),
                ..Card::default()
            });
        }
        session.boards.push(board);
    }
    let folder = dir.join(name);
    storage::save(&folder, &session).expect("saved");
    folder
}

fn main() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let out = |name: &str| dir.path().join(name).display().to_string();
    println!(
        "limits: {} elements per list, {} characters per card, session file {} MB",
        limits::MAX_ELEMENTS,
        limits::CARD_TEXT,
        storage::MAX_SESSION_BYTES / 1024 / 1024
    );
    let sessions = [
        (
            "20000 cards, 1 board",
            session_of(dir.path(), "k20", 20_000, 40, 1),
        ),
        (
            "20000 cards, 40 boards",
            session_of(dir.path(), "k20b", 20_000, 40, 40),
        ),
        (
            "100000 cards (the most of a list)",
            session_of(dir.path(), "k100", limits::MAX_ELEMENTS, 40, 1),
        ),
        (
            "cards of 2000 characters up to the file limit",
            long_cards(dir.path()),
        ),
    ];
    for (what, folder) in &sessions {
        let folder = folder.display().to_string();
        report(&format!("check: {what}"), &measure(&["check", &folder]));
        for (export, file) in [
            ("export-pdf", "r.pdf"),
            ("export-md", "r.md"),
            ("export-csv", "tabellen"),
        ] {
            let _ = std::fs::remove_dir_all(out(file));
            let run = measure(&[export, &folder, "--out", &out(file)]);
            report(&format!("{export}: {what}"), &run);
        }
    }
    let (_, big) = &sessions[2];
    let (_, twenty) = &sessions[0];
    let run = measure(&[
        "consolidate",
        &big.display().to_string(),
        &twenty.display().to_string(),
        "--out",
        &out("gesamt"),
    ]);
    report("consolidate: 100000 + 20000 cards", &run);
    let run = measure(&[
        "consolidate",
        &twenty.display().to_string(),
        &sessions[1].1.display().to_string(),
        "--out",
        &out("gesamt2"),
    ]);
    report("consolidate: 20000 + 20000 cards", &run);

    let lines: String = (0..10_000)
        .map(|i| format!("Importierte Karte {i}: Sitzungsunterlagen online\n"))
        .collect();
    let input = dir.path().join("karten.txt");
    std::fs::write(&input, lines).expect("cards file");
    let target = session_of(dir.path(), "import", 0, 10, 1);
    let run = measure(&[
        "import-cards",
        &target.display().to_string(),
        "--board",
        "Import",
        &input.display().to_string(),
    ]);
    report("import-cards: 10000 lines", &run);

    let thousand = example_with_cards(dir.path(), 1000);
    let run = measure(&[
        "suggest",
        &thousand.display().to_string(),
        "--board",
        "Tausend",
    ]);
    report("suggest: 1000 cards", &run);

    let photo_session = session_of(dir.path(), "foto", 10, 10, 1);
    let largest = largest_photo(dir.path());
    let run = measure(&[
        "attach",
        &photo_session.display().to_string(),
        &largest.display().to_string(),
    ]);
    report("attach: the largest photo the guard admits", &run);
    let folder = photo_session.display().to_string();
    report("check: with that photo", &measure(&["check", &folder]));
    let run = measure(&["export-pdf", &folder, "--out", &out("foto.pdf")]);
    report("export-pdf: with that photo", &run);
}

/// Cards of 2,000 characters, as many as the session file's limit holds.
fn long_cards(dir: &Path) -> PathBuf {
    let per_card = limits::CARD_TEXT as u64 + 200;
    let cards = usize::try_from(storage::MAX_SESSION_BYTES / per_card)
        .unwrap_or(limits::MAX_ELEMENTS)
        .min(limits::MAX_ELEMENTS)
        * 95
        / 100;
    session_of(dir, "lang", cards, limits::CARD_TEXT, 1)
}

/// A session with `n` different cards on one board "Tausend", from the example's texts.
fn example_with_cards(dir: &Path, n: usize) -> PathBuf {
    let example = storage::load(Path::new("sessions/open-government-2017")).expect("the example");
    let texts: Vec<String> = example
        .boards
        .iter()
        .flat_map(|b| b.cards.iter().map(|c| c.text.clone()))
        .collect();
    let mut session = Session::create("Tausend Karten");
    let mut board = Board {
        id: BoardId::generate(),
        title: "Tausend".into(),
        ..Board::default()
    };
    for i in 0..n {
        board.cards.push(Card {
            id: CardId::generate(),
            text: format!("{} ({i})", texts[i % texts.len()]),
            x: (i % 40) as f32 / 40.0,
            y: (i / 40) as f32 / 25.0,
            ..Card::default()
        });
    }
    session.boards.push(board);
    let folder = dir.join("tausend");
    storage::save(&folder, &session).expect("saved");
    folder
}

/// A PNG with as many pixels as the photo guard admits (a square just under its limit).
fn largest_photo(dir: &Path) -> PathBuf {
    let pixels = moderato::photos::MAX_DECODED_BYTES / 4;
    let side = ((pixels as f64).sqrt() as u32).min(moderato::photos::MAX_SIDE) - 8;
    let image = image::RgbImage::from_fn(side, side, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x ^ y) % 256) as u8])
    });
    let path = dir.join("riesig.png");
    image.save(&path).expect("png");
    let _ = common::twelve_megapixels;
    path
}
