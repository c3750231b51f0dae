//! Time to build one board frame headless: the egui pass (layout, hit tests, painting
//! commands) plus tessellation into triangles; no GPU. `cargo bench --bench board_frame`.
//!
//! Three views per size: "fit all" (every card on screen, tiny), 50 % (about 220 cards with
//! text on screen) and 100 % zoom (most cards off
//! screen). Prints the median and the slowest of 50 frames after 10 warm-up frames.

use std::time::{Duration, Instant};

use egui::{Pos2, RawInput, Rect, vec2};
use moderato::app::{BoardUiState, canvas_ui};
use moderato::board::cards::grid_of_cards;

fn frame_times(cards: usize, zoom: Option<f32>) -> (Duration, Duration) {
    let ctx = egui::Context::default();
    let board = grid_of_cards(cards);
    let mut state = BoardUiState::default();
    if let Some(zoom) = zoom {
        state.set_view(zoom, vec2(20.0, 20.0));
    }
    let input = || RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1600.0, 1000.0))),
        ..RawInput::default()
    };
    let mut times = Vec::new();
    for frame in 0..60 {
        let started = Instant::now();
        let output = ctx.run_ui(input(), |ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                canvas_ui(ui, &board, &mut state);
            });
        });
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        std::hint::black_box(primitives);
        if frame >= 10 {
            times.push(started.elapsed());
        }
    }
    times.sort();
    (
        times[times.len() / 2],
        *times.last().unwrap_or(&Duration::ZERO),
    )
}

fn main() {
    println!("board frame (egui pass + tessellation, 1600x1000 points, no GPU)");
    for cards in [200, 2_000, 10_000] {
        for (view, zoom) in [("fit all", None), ("50 %", Some(0.5)), ("100 %", Some(1.0))] {
            let (median, worst) = frame_times(cards, zoom);
            println!(
                "{cards:>6} cards, {view:<7}: median {:>7.3} ms, slowest {:>7.3} ms",
                median.as_secs_f64() * 1e3,
                worst.as_secs_f64() * 1e3
            );
        }
    }
}
