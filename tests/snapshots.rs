//! Image snapshots where the picture is the point: screens in the projector theme at a
//! projector's 1280×720, where large text must not be cut off or overlap. Rendered on the
//! CPU (Mesa's llvmpipe through wgpu's GL backend); `UPDATE_SNAPSHOTS=1 cargo test --test
//! snapshots` writes new ones into tests/snapshots/ after a deliberate change.

mod common;

use egui_kittest::{Harness, SnapshotError, SnapshotOptions};
use moderato::app::{ModeratoApp, Preferences, Screen, StartWith, StartupOptions, Theme};
use moderato::clock::Clock;
use moderato::i18n::Lang;

fn projector_app(dir: &std::path::Path, lang: Lang) -> Harness<'static, ModeratoApp> {
    let folder = common::example_copy(dir);
    // "saved just now", whatever the machine's speed: the clock stands at the file's time.
    let saved = std::fs::metadata(folder.join("session.ron"))
        .and_then(|m| m.modified())
        .unwrap();
    let clock = Clock::manual(jiff::Timestamp::try_from(saved).unwrap());
    let options = StartupOptions {
        start: StartWith::Session(folder),
        clock,
        ..StartupOptions::in_folder(dir)
    };
    let prefs = Preferences {
        language: Some(lang),
        theme: Theme::Projector,
        ..Preferences::default()
    };
    let mut harness = Harness::builder()
        .with_size([1280.0, 720.0])
        .with_max_steps(64)
        .build_eframe(move |cc| ModeratoApp::with_preferences(&cc.egui_ctx, options, prefs));
    for _ in 0..500 {
        harness.step();
        if !harness.state().is_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
    harness
}

/// Compares a screen with its snapshot. Without a renderer on this machine (no Mesa: wgpu
/// finds no adapter and egui_kittest panics creating one) the test fails, unless
/// `MODERATO_SKIP_SNAPSHOTS=1` says that this machine cannot render (`.ci/run` installs
/// Mesa's renderer where it is missing, so CI always compares).
fn check(harness: &mut Harness<'static, ModeratoApp>, name: &str) {
    let options = SnapshotOptions::default()
        .threshold(2.0)
        .max_failed_pixels(400);
    let attempt = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        harness.try_snapshot_options(name, &options)
    }));
    match attempt {
        Ok(Ok(())) => {}
        Ok(Err(SnapshotError::RenderError { err })) => no_renderer(name, &err.to_string()),
        Ok(Err(e)) => panic!("{e}"),
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            assert!(
                message.contains("render state"),
                "snapshot {name} panicked: {message}"
            );
            no_renderer(name, &message);
        }
    }
}

/// No renderer: a failure, unless the machine is declared unable to render.
fn no_renderer(name: &str, why: &str) {
    let skip = std::env::var_os("MODERATO_SKIP_SNAPSHOTS").is_some_and(|v| v == "1");
    assert!(
        skip,
        "snapshot {name} could not be rendered ({why}); install Mesa (libegl-mesa0, \
         libgl1-mesa-dri) or set MODERATO_SKIP_SNAPSHOTS=1 on a machine that cannot render"
    );
    eprintln!("snapshot {name} not compared: no renderer here ({why})");
}

#[test]
fn projector_theme_agenda_and_results_fit_a_projector() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = projector_app(dir.path(), Lang::De);
    check(&mut harness, "projector_agenda_de");
    harness.state_mut().show(Screen::Results);
    harness.run();
    check(&mut harness, "projector_results_de");
}
