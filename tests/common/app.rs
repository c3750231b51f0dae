//! The app in a headless harness, as the interaction tests start it.

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use moderato::app::{ModeratoApp, Preferences, StartWith, StartupOptions, Theme};
use moderato::clock::Clock;
use moderato::i18n::Lang;

use super::common::example_copy;

/// A temp sessions folder holding a copy of the example session.
pub fn sessions_with_example() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let folder = example_copy(dir.path());
    (dir, folder)
}

/// Steps until background work is done (opening, saving and photos run on worker
/// threads), then runs to a still frame.
pub fn settle(harness: &mut Harness<'static, ModeratoApp>) {
    // One frame handles the click, the next draws the screen it chose.
    harness.step();
    harness.step();
    for _ in 0..1000 {
        if !harness.state().is_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    harness.run();
}

/// How a test starts the app.
pub struct Setup {
    pub start: StartWith,
    pub lang: Lang,
    pub size: [f32; 2],
    pub theme: Theme,
    pub clock: Clock,
    /// Seconds between frames (kittest's default is a quarter of a second; a fast typist's
    /// keys come some 50 ms apart).
    pub step_dt: Option<f32>,
}

impl Setup {
    /// The app on a session, in English, in the light theme, with the system clock.
    pub fn on(folder: PathBuf) -> Self {
        Self {
            start: StartWith::Session(folder),
            lang: Lang::En,
            size: [1500.0, 1000.0],
            theme: Theme::Light,
            clock: Clock::System,
            step_dt: None,
        }
    }
}

/// Starts the app in a headless harness, with `dir` as its sessions folder, and lets it
/// settle.
pub fn start(dir: &Path, setup: Setup) -> Harness<'static, ModeratoApp> {
    let options = StartupOptions {
        start: setup.start,
        clock: setup.clock,
        ..StartupOptions::in_folder(dir)
    };
    let prefs = Preferences {
        language: Some(setup.lang),
        theme: setup.theme,
        ..Preferences::default()
    };
    let mut builder = Harness::builder();
    if let Some(step_dt) = setup.step_dt {
        builder = builder.with_step_dt(step_dt);
    }
    let mut harness = builder
        .with_size(setup.size)
        .with_max_steps(64)
        .build_eframe(move |cc| ModeratoApp::with_preferences(&cc.egui_ctx, options, prefs));
    settle(&mut harness);
    harness
}
