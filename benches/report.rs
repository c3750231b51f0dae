//! Report export times and sizes (release): the example session, and a session with 30
//! twelve-megapixel photos. `cargo bench --bench report`.

use std::path::Path;
use std::time::Instant;

use moderato::export;
use moderato::i18n::Lang;
use moderato::ids::PhotoId;
use moderato::photos::Photo;
use moderato::storage;

#[path = "common/mod.rs"]
mod common;
use common::twelve_megapixels;

fn main() {
    let example = Path::new("sessions/open-government-2017");
    let session = storage::load(example).expect("the example session");
    let now = jiff::Timestamp::now();
    // Many cards: time and memory must grow linearly (goal for 20,000: at most 5 s and
    // 500 MB). Each size runs in a process of its own, so its peak memory is its own.
    if let Some(case) = std::env::args().find_map(|a| a.strip_prefix("cards=").map(str::to_owned)) {
        let (cards, boards) = case.split_once('/').expect("cards=N/BOARDS");
        many_cards(
            &session,
            cards.parse().expect("N"),
            boards.parse().expect("BOARDS"),
            now,
        );
        return;
    }
    // The first run also loads the fonts; report the second.
    let _ = export::pdf(&session, Some(example), Lang::De, now);
    let started = Instant::now();
    let bytes = export::pdf(&session, Some(example), Lang::De, now)
        .expect("a report")
        .bytes;
    println!(
        "example session: {:.0} ms, {} KB",
        started.elapsed().as_secs_f64() * 1e3,
        bytes.len() / 1024
    );
    for case in [
        "cards=5000/1",
        "cards=10000/1",
        "cards=20000/1",
        "cards=20000/40",
        "cards=20000/100",
    ] {
        let output = std::process::Command::new(std::env::current_exe().expect("this bench"))
            .arg(case)
            .output()
            .expect("the bench again");
        print!("{}", String::from_utf8_lossy(&output.stdout));
    }

    let dir = tempfile::tempdir().expect("a temp dir");
    let mut with_photos = session.clone();
    with_photos.photos.clear();
    std::fs::create_dir_all(dir.path().join("photos")).expect("photos folder");
    for n in 0..30u32 {
        let path = format!("photos/IMG_{n:04}.jpg");
        std::fs::write(dir.path().join(&path), twelve_megapixels(n)).expect("a photo");
        with_photos.photos.push(Photo {
            id: PhotoId::generate(),
            path,
            caption: format!("Foto {n}"),
            photographer: "Kalinowski".into(),
            ..Photo::default()
        });
    }
    // The first export makes print-size copies (and keeps them in the session's cache);
    // the second reads them from there.
    for run in ["first", "again"] {
        let started = Instant::now();
        let bytes = export::pdf(&with_photos, Some(dir.path()), Lang::De, now)
            .expect("a report")
            .bytes;
        println!(
            "with 30 twelve-megapixel photos ({run}): {:.2} s, {:.1} MB",
            started.elapsed().as_secs_f64(),
            bytes.len() as f64 / 1024.0 / 1024.0
        );
    }
}

/// The report of `cards` cards spread over `boards` boards, with the example's other parts.
fn many_cards(
    session: &moderato::session::Session,
    cards: usize,
    boards: usize,
    now: jiff::Timestamp,
) {
    let mut many = session.clone();
    many.boards = (0..boards)
        .map(|_| moderato::board::cards::grid_of_cards(cards / boards))
        .collect();
    let started = Instant::now();
    let bytes = export::pdf(&many, None, Lang::De, now)
        .expect("a report")
        .bytes;
    println!(
        "{cards} cards on {boards} board(s): {:.1} s, {:.1} MB PDF, peak memory {} MB",
        started.elapsed().as_secs_f64(),
        bytes.len() as f64 / 1024.0 / 1024.0,
        peak_memory_mb().map_or("?".into(), |mb| mb.to_string())
    );
}

/// The most memory this process has held, from Linux's `/proc`.
fn peak_memory_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}
