//! Image snapshots where the picture is the point: screens in the projector theme at a
//! projector's 1280×720, where large text must not be cut off or overlap. Rendered on the
//! CPU (Mesa's llvmpipe through wgpu's GL backend); `UPDATE_SNAPSHOTS=1 cargo test --test
//! snapshots` writes new ones into tests/snapshots/ after a deliberate change.

mod common;

use egui_kittest::{Harness, SnapshotError, SnapshotOptions};
use moderato::app::{ModeratoApp, Preferences, Screen, StartWith, StartupOptions, Theme};
use moderato::clock::Clock;
use moderato::i18n::Lang;

/// The example in the projector theme at 1280×720. The clock stands at `at`, else at the
/// file's time ("saved just now", whatever the machine's speed).
fn projector_app(
    dir: &std::path::Path,
    lang: Lang,
    at: Option<jiff::Timestamp>,
) -> Harness<'static, ModeratoApp> {
    let folder = common::example_copy(dir);
    let saved = std::fs::metadata(folder.join("session.ron"))
        .and_then(|m| m.modified())
        .unwrap();
    let clock = Clock::manual(at.unwrap_or_else(|| jiff::Timestamp::try_from(saved).unwrap()));
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

/// The moderator's case in front of a room: the example's held day begun anew, its first
/// item running, at a projector's 1280×720 in German. The live panel is one compact band; the
/// agenda's titles, times and status are readable, nothing cut off. Review too.
#[test]
fn projector_theme_running_agenda_and_review_fit_a_projector() {
    use egui_kittest::kittest::Queryable as _;
    let dir = fixed_dir("running-and-review");
    // A fixed morning, so the projected end reads the same on every run.
    let morning = "2026-12-02T09:00:00Z".parse().unwrap();
    let mut harness = projector_app(&dir, Lang::De, Some(morning));
    harness
        .get_all_by_label("Diesen Punkt jetzt starten")
        .next()
        .unwrap()
        .click();
    harness.run();
    harness.get_by_label("Neuen Durchlauf beginnen").click();
    harness.run();
    assert!(
        harness.state().session().agenda.days[0].items[0]
            .timing
            .len()
            == 1,
        "the first item runs"
    );
    // The live panel is one band: its controls end in the upper third of the window.
    let more = harness.get_by_label("Mehr \u{25be}").rect();
    assert!(
        more.bottom() < 720.0 / 3.0,
        "live panel ends at {}",
        more.bottom()
    );
    // At least ten items are in view, each title field wide enough for about 25 characters.
    let in_view = harness
        .get_all_by_label("Titel")
        .filter(|n| n.value().is_some() && n.rect().bottom() <= 720.0)
        .map(|n| n.rect())
        .collect::<Vec<_>>();
    assert!(in_view.len() >= 10, "{} items in view", in_view.len());
    assert!(in_view.iter().all(|r| r.width() >= 260.0), "{in_view:?}");
    // Nothing the row holds runs under the scrollbar: the remove buttons end inside.
    for remove in harness.get_all_by_label("Entfernen") {
        assert!(remove.rect().right() <= 1270.0, "{:?}", remove.rect());
    }
    check(&mut harness, "projector_agenda_running_de");
    harness.state_mut().show(Screen::Review);
    harness.run();
    check(&mut harness, "projector_review_de");
}

/// A folder whose path is the same on every run: Review shows the session's folder, and a
/// random temporary name would differ from the snapshot's.
fn fixed_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join("moderato-snapshots").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn projector_theme_agenda_and_results_fit_a_projector() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = projector_app(dir.path(), Lang::De, None);
    check(&mut harness, "projector_agenda_de");
    harness.state_mut().show(Screen::Results);
    harness.run();
    check(&mut harness, "projector_results_de");
}
