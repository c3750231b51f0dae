//! One full app frame of every screen, headless: the app's logic and drawing, egui's pass
//! and tessellation; no GPU. With the example session, and with a session of 10,000 cards
//! (on its board). `cargo bench --bench app_frame`.
//!
//! Prints the median and the slowest of 40 frames after 10 warm-up frames, per screen. Idle
//! frames: nothing changes between them, as when a moderator looks at a screen.

use std::time::{Duration, Instant};

use egui::{Pos2, RawInput, Rect, vec2};
use moderato::app::{ModeratoApp, Preferences, Screen, StartWith, StartupOptions};
use moderato::board::cards::grid_of_cards;
use moderato::i18n::Lang;
use moderato::storage;

fn frame(ctx: &egui::Context, app: &mut ModeratoApp, frame: &mut eframe::Frame) -> Duration {
    let input = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1280.0, 800.0))),
        ..RawInput::default()
    };
    let started = Instant::now();
    let output = ctx.run_ui(input, |ui| {
        eframe::App::logic(app, ui.ctx(), frame);
        eframe::App::ui(app, ui, frame);
    });
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    std::hint::black_box(primitives);
    started.elapsed()
}

fn open(folder: &std::path::Path, dir: &std::path::Path) -> (egui::Context, ModeratoApp) {
    let ctx = egui::Context::default();
    let options = StartupOptions {
        start: StartWith::Session(folder.to_owned()),
        ..StartupOptions::in_folder(dir)
    };
    let prefs = Preferences {
        language: Some(Lang::De),
        ..Preferences::default()
    };
    let mut app = ModeratoApp::with_preferences(&ctx, options, prefs);
    let mut f = eframe::Frame::_new_kittest();
    for _ in 0..2000 {
        frame(&ctx, &mut app, &mut f);
        if !app.is_busy() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    (ctx, app)
}

fn measure(label: &str, folder: &std::path::Path, dir: &std::path::Path) {
    let (ctx, mut app) = open(folder, dir);
    let mut f = eframe::Frame::_new_kittest();
    for screen in Screen::ALL {
        app.show(screen);
        // Thumbnails and the like settle first.
        for _ in 0..200 {
            frame(&ctx, &mut app, &mut f);
            if !app.is_busy() {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let mut times: Vec<Duration> = (0..50).map(|_| frame(&ctx, &mut app, &mut f)).collect();
        let times = times.split_off(10);
        let mut sorted = times.clone();
        sorted.sort();
        println!(
            "{label:<22} {:<10} median {:>7.3} ms, slowest {:>7.3} ms",
            format!("{screen:?}"),
            sorted[sorted.len() / 2].as_secs_f64() * 1e3,
            sorted[sorted.len() - 1].as_secs_f64() * 1e3
        );
    }
}

fn main() {
    let dir = tempfile::tempdir().expect("a temp folder");
    let example = storage::places::write_example(dir.path()).expect("the example");
    let mut big = storage::load(&example).expect("the example loads");
    big.id = moderato::ids::SessionId::generate();
    let mut board = grid_of_cards(10_000);
    board.title = "10.000 Karten".into();
    big.boards.insert(0, board);
    let big_folder = dir.path().join("gross");
    storage::save(&big_folder, &big).expect("saved");
    println!("one app frame (logic, drawing, egui pass, tessellation; 1280x800, no GPU)");
    measure("example", &example, dir.path());
    measure("10,000 cards", &big_folder, dir.path());
}
