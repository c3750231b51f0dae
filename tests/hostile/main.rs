//! Damaged and hostile session folders, through the real `moderato` binary: every value that
//! would break a later step is refused on load with the file, the line and plain words;
//! what can be put right is, with a warning; nothing outside the folder is read.

#[path = "../common/mod.rs"]
mod common;
#[path = "../common/pdf.rs"]
mod pdf;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::EXAMPLE;

#[path = "../common/words.rs"]
mod words;
use words::PROGRAMMER_WORDS;

mod exports;
mod files;
mod writers;

fn moderato(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_moderato"))
        .args(args)
        .env("LANG", "en_GB.UTF-8")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The example session's text with the first `from` replaced by `to`, as a session folder.
fn hostile(dir: &Path, name: &str, from: &str, to: &str) -> PathBuf {
    let original = fs::read_to_string(Path::new(EXAMPLE).join("session.ron")).unwrap();
    assert!(original.contains(from), "the example has {from:?}");
    let folder = dir.join(name);
    fs::create_dir_all(&folder).unwrap();
    fs::write(folder.join("session.ron"), original.replacen(from, to, 1)).unwrap();
    folder
}

/// The line of the example's file on which `needle` first stands.
fn line_of(needle: &str) -> usize {
    let original = fs::read_to_string(Path::new(EXAMPLE).join("session.ron")).unwrap();
    let at = original.find(needle).expect("in the example");
    original[..at].lines().count() + usize::from(original[..at].ends_with('\n'))
}

/// The `x: …,` of the example's first card, as the file writes it.
fn first_card_x() -> String {
    let original = fs::read_to_string(Path::new(EXAMPLE).join("session.ron")).unwrap();
    let card = original
        .find("Ratsinformationssystem für alle geöffnet")
        .unwrap();
    let line = original[card..]
        .lines()
        .find(|l| l.trim_start().starts_with("x: "))
        .unwrap();
    line.trim().to_owned()
}

/// The id of the example's first card.
const CARD_ID: &str = "015fe7e4-88b8-7000-8000-000000000023";

fn check(folder: &Path) -> Output {
    moderato(&["check", &folder.display().to_string()])
}

fn assert_refused(output: &Output, expected: &[&str]) {
    let message = text(&output.stderr);
    assert!(
        !output.status.success(),
        "accepted: {}",
        text(&output.stdout)
    );
    for word in expected {
        assert!(message.contains(word), "{word:?} missing in: {message}");
    }
    for word in PROGRAMMER_WORDS {
        assert!(!message.contains(word), "{word:?} in: {message}");
    }
}

#[test]
fn scales_that_would_allocate_per_value_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let huge = hostile(
        dir.path(),
        "riesig",
        "min: 1,\n            max: 5,",
        "min: -2147483648,\n            max: 2147483647,",
    );
    assert_refused(&check(&huge), &["session.ron", "at most 21 steps"]);
    let wide = hostile(dir.path(), "breit", "max: 5,", "max: 10000000,");
    assert_refused(&check(&wide), &["at most 21 steps", "10,000,000"]);
    let upside_down = hostile(
        dir.path(),
        "verkehrt",
        "min: 1,\n            max: 5,",
        "min: 5,\n            max: 1,",
    );
    assert_refused(&check(&upside_down), &["lowest value must be below"]);
    // Exports are never reached, so they cannot allocate either.
    let out = dir.path().join("bericht.md");
    let export = moderato(&[
        "export-md",
        &huge.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert_refused(&export, &["at most 21 steps"]);
    assert!(!out.exists());
}

#[test]
fn positions_that_are_no_numbers_are_refused_with_their_line() {
    let dir = tempfile::tempdir().unwrap();
    for (n, value) in ["NaN", "inf", "-inf", "1e39"].into_iter().enumerate() {
        let folder = hostile(
            dir.path(),
            &format!("p{n}"),
            &first_card_x(),
            &format!("x: {value},"),
        );
        let output = check(&folder);
        assert_refused(&output, &["session.ron", "Ratsinformationssystem"]);
        assert!(
            text(&output.stderr).contains(&format!("line {}", line_of(CARD_ID))),
            "{value}: {}",
            text(&output.stderr)
        );
    }
    // A huge whole number is a finite position far off the board: moved to its edge.
    let folder = hostile(
        dir.path(),
        "ganz",
        &first_card_x(),
        "x: -9223372036854775809,",
    );
    let output = check(&folder);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("far outside the board"));
}

#[test]
fn a_card_far_off_the_board_is_moved_to_its_edge_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let folder = hostile(dir.path(), "weit", &first_card_x(), "x: 1e30,");
    let output = check(&folder);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let warning = text(&output.stderr);
    assert!(warning.contains("Warning"), "{warning}");
    assert!(warning.contains("far outside the board"), "{warning}");
    // The file itself is unchanged until someone saves.
    assert!(
        fs::read_to_string(folder.join("session.ron"))
            .unwrap()
            .contains("x: 1e30,")
    );
}

#[test]
fn numbers_that_would_wrap_a_sum_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let original = fs::read_to_string(Path::new(EXAMPLE).join("session.ron")).unwrap();
    let two_cards = original
        .replacen("votes: 0,", "votes: 4294967295,", 2)
        .to_owned();
    let folder = dir.path().join("punkte");
    fs::create_dir_all(&folder).unwrap();
    fs::write(folder.join("session.ron"), two_cards).unwrap();
    assert_refused(&check(&folder), &["4,294,967,295", "at most 1,000,000"]);
    let minutes = hostile(
        dir.path(),
        "minuten",
        "planned_minutes: 15,",
        "planned_minutes: 4294967295,",
    );
    assert_refused(
        &check(&minutes),
        &["planned time in minutes", "at most 1,440"],
    );
}

#[test]
fn overlong_texts_are_refused_and_named_short() {
    let dir = tempfile::tempdir().unwrap();
    let long = "Radweg ".repeat(500_000);
    let folder = hostile(
        dir.path(),
        "lang",
        "\"Ratsinformationssystem für alle geöffnet\"",
        &format!("\"{long}\""),
    );
    let output = check(&folder);
    assert_refused(&output, &["3,500,000 characters", "at most 2,000"]);
    assert!(
        text(&output.stderr).len() < 2_000,
        "the message does not repeat the text"
    );
}

#[test]
fn a_dimension_rated_twice_is_refused_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let folder = hostile(
        dir.path(),
        "doppelt",
        "\"015fe7e5-4050-7000-8000-000000000052\": 4,",
        "\"015fe7e5-3c68-7000-8000-000000000051\": 1,",
    );
    let output = check(&folder);
    let line = format!(
        "line {}",
        line_of("\"015fe7e5-4050-7000-8000-000000000052\": 4,")
    );
    assert_refused(&output, &[&line, "rates the same dimension twice"]);
}

#[test]
fn ratings_links_and_times_are_repaired_with_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let original = fs::read_to_string(Path::new(EXAMPLE).join("session.ron")).unwrap();
    let broken = original
        .replacen(
            "\"015fe7e5-3c68-7000-8000-000000000051\": 5,",
            "\"015fe7e5-3c68-7000-8000-000000000051\": 9,",
            1,
        )
        .replacen(
            "link: Some(Board(\"015fe7e4-84d0-7000-8000-000000000022\"))",
            "link: Some(Board(\"015fe7e4-84d0-7000-8000-00000000ffff\"))",
            1,
        )
        .replacen(
            "Ended(\"2017-11-23T09:25:00Z\")",
            "Ended(\"2017-11-23T08:00:00Z\")",
            1,
        );
    let folder = dir.path().join("reparatur");
    fs::create_dir_all(&folder).unwrap();
    fs::write(folder.join("session.ron"), broken).unwrap();
    let output = check(&folder);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let warnings = text(&output.stderr);
    assert!(warnings.contains("the rating 9"), "{warnings}");
    assert!(warnings.contains("outside the scale"), "{warnings}");
    assert!(
        warnings.contains("a link to something that does not exist"),
        "{warnings}"
    );
    assert!(warnings.contains("timing entries lay before"), "{warnings}");
}

#[test]
fn a_byte_order_mark_is_accepted_silently() {
    let dir = tempfile::tempdir().unwrap();
    let folder = common::example_copy(dir.path());
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(fs::read(Path::new(EXAMPLE).join("session.ron")).unwrap());
    fs::write(folder.join("session.ron"), bytes).unwrap();
    let output = check(&folder);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(text(&output.stderr), "");
}

#[test]
fn bad_bytes_and_programmer_errors_become_plain_sentences_at_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let original = fs::read(Path::new(EXAMPLE).join("session.ron")).unwrap();
    let mut latin1 = original.clone();
    let at = original.windows(4).position(|w| w == b"text").unwrap();
    latin1[at] = 0xE9;
    let folder = dir.path().join("latin1");
    fs::create_dir_all(&folder).unwrap();
    fs::write(folder.join("session.ron"), latin1).unwrap();
    let output = check(&folder);
    let line = format!("line {}, column 13", line_of("text: ["));
    assert_refused(&output, &[&line, "not text"]);

    let uuid = hostile(
        dir.path(),
        "uuid",
        "id: \"015fe7e4-88b8-7000-8000-000000000023\"",
        "id: \"kein-uuid\"",
    );
    let line = format!("line {}", line_of(CARD_ID));
    assert_refused(&check(&uuid), &[&line, "not a valid id"]);

    let deep = dir.path().join("tief");
    fs::create_dir_all(&deep).unwrap();
    let nested = format!("Session(notes: {}", "[".repeat(10_000));
    fs::write(deep.join("session.ron"), nested).unwrap();
    assert_refused(&check(&deep), &["session.ron"]);

    let raw = hostile(dir.path(), "roh", "colour: Yellow,", "colour: Gelb-Grün,");
    assert_refused(&check(&raw), &["line"]);
}

#[test]
fn damaged_photos_are_warnings_named_in_check_and_left_out_of_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let folder = common::example_copy(dir.path());
    let name = "photos/verortung-achsenwand.png";
    let whole = fs::read(folder.join(name)).unwrap();
    fs::write(folder.join(name), &whole[..whole.len() - 30]).unwrap();
    fs::write(folder.join("photos/bilanz-zielscheibe.png"), b"").unwrap();
    let output = check(&folder);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let warnings = text(&output.stderr);
    assert!(warnings.contains(name), "{warnings}");
    assert!(warnings.contains("damaged or cut off"), "{warnings}");
    assert!(
        warnings.contains("bilanz-zielscheibe.png is empty"),
        "{warnings}"
    );
    assert!(warnings.contains("placeholder"), "{warnings}");

    let pdf = dir.path().join("bericht.pdf");
    let export = moderato(&[
        "export-pdf",
        &folder.display().to_string(),
        "--out",
        &pdf.display().to_string(),
        "--lang",
        "en",
    ]);
    assert!(export.status.success(), "{}", text(&export.stderr));
    let said = text(&export.stderr);
    assert!(said.contains("left out of the report"), "{said}");
    assert!(said.contains(name), "{said}");
    let report = pdf_extract::extract_text_from_mem(&fs::read(&pdf).unwrap()).unwrap();
    // pdf-extract reads a hyphen in a file name as a soft hyphen between spaces.
    let report = report.replace(" \u{ad} ", "-");
    assert!(
        report.contains("Photos left out"),
        "the report's notes say so"
    );
    // pdf-extract also puts spaces where a word's parts are separate runs of text (the
    // template keeps hyphenated compounds unbroken); a PDF reader reads them as one.
    let joined: String = report.split_whitespace().collect();
    assert!(
        joined.contains("photos/verortung-achsenwand.png"),
        "{report}"
    );
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_folder_are_refused_everywhere() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("geheim.png");
    fs::write(
        &secret,
        fs::read(Path::new(EXAMPLE).join("photos/bilanz-zielscheibe.png")).unwrap(),
    )
    .unwrap();
    let folder = common::example_copy(dir.path());
    let photo = folder.join("photos/bilanz-zielscheibe.png");
    fs::remove_file(&photo).unwrap();
    symlink(&secret, &photo).unwrap();
    let passwd = folder.join("photos/naechste-schritte-flipchart.png");
    fs::remove_file(&passwd).unwrap();
    symlink("/etc/passwd", &passwd).unwrap();

    let output = check(&folder);
    let warnings = text(&output.stderr);
    assert!(
        warnings.contains("bilanz-zielscheibe.png lies outside"),
        "{warnings}"
    );
    assert!(
        warnings.contains("naechste-schritte-flipchart.png lies outside"),
        "{warnings}"
    );

    let pdf = dir.path().join("bericht.pdf");
    let export = moderato(&[
        "export-pdf",
        &folder.display().to_string(),
        "--out",
        &pdf.display().to_string(),
    ]);
    assert!(export.status.success());
    assert!(text(&export.stderr).contains("bilanz-zielscheibe.png"));

    // Consolidation copies nothing from outside.
    let other = dir.path().join("zweite");
    common::copy_dir(Path::new(EXAMPLE), &other);
    let out = dir.path().join("ergebnis");
    let run = moderato(&[
        "consolidate",
        &folder.display().to_string(),
        &other.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(text(&run.stderr).contains("lies outside"));
    for entry in fs::read_dir(out.join("photos")).unwrap() {
        let bytes = fs::read(entry.unwrap().path()).unwrap();
        assert!(!text(&bytes).contains("root:"), "/etc/passwd was copied");
    }

    // A `photos/` that is itself a link is refused as a whole.
    let linked = dir.path().join("verlinkt");
    fs::create_dir_all(&linked).unwrap();
    fs::copy(folder.join("session.ron"), linked.join("session.ron")).unwrap();
    symlink("/", linked.join("photos")).unwrap();
    let warnings = text(&check(&linked).stderr);
    assert!(warnings.contains("photos/ folder is a link"), "{warnings}");
}

#[cfg(unix)]
#[test]
fn a_hard_link_inside_the_folder_is_a_normal_photo() {
    let dir = tempfile::tempdir().unwrap();
    let folder = common::example_copy(dir.path());
    let original = dir.path().join("original.png");
    fs::rename(folder.join("photos/bilanz-zielscheibe.png"), &original).unwrap();
    fs::hard_link(&original, folder.join("photos/bilanz-zielscheibe.png")).unwrap();
    let output = check(&folder);
    assert!(output.status.success());
    assert!(
        !text(&output.stderr).contains("bilanz"),
        "{}",
        text(&output.stderr)
    );
}

/// A small valid JPEG.
fn jpeg() -> Vec<u8> {
    let image = image::RgbImage::from_fn(80, 60, |x, y| image::Rgb([x as u8 * 3, y as u8 * 4, 90]));
    let mut bytes = Vec::new();
    image
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    bytes
}

#[test]
fn attach_copies_good_photos_and_names_each_refused_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = common::example_copy(dir.path());
    let camera = dir.path().join("kamera");
    fs::create_dir_all(&camera).unwrap();
    let good = jpeg();
    let mut forged = good.clone();
    let sof = forged.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    forged[sof + 5..sof + 7].copy_from_slice(&60_000u16.to_be_bytes());
    forged[sof + 7..sof + 9].copy_from_slice(&60_000u16.to_be_bytes());
    let files: [(&str, &[u8]); 5] = [
        ("Wand 1.jpg", &good),
        ("leer.jpg", b""),
        ("abgeschnitten.jpg", &good[..good.len() - 20]),
        ("riesig.jpg", &forged),
        ("notiz.jpg", b"Nur eine Notiz"),
    ];
    let mut args = vec!["attach".to_owned(), folder.display().to_string()];
    for (name, bytes) in files {
        fs::write(camera.join(name), bytes).unwrap();
        args.push(camera.join(name).display().to_string());
    }
    // A crashed save's working file is cleared away when the session is taken.
    let litter = folder.join(".moderato-AbC123.tmp");
    fs::write(&litter, b"halb").unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3);
    fs::File::options()
        .write(true)
        .open(&litter)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = moderato(&argv);
    assert!(!output.status.success(), "a refused file fails the command");
    let said = text(&output.stdout);
    let refused = text(&output.stderr);
    assert!(said.contains("Attached: photos/Wand-1-"), "{said}");
    for (name, why) in [
        ("leer.jpg", "empty"),
        ("abgeschnitten.jpg", "damaged or cut off"),
        ("riesig.jpg", "60000 × 60000"),
        ("notiz.jpg", "not a JPEG or PNG"),
    ] {
        let line = refused
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} not named: {refused}"));
        assert!(
            line.contains("Not attached") && line.contains(why),
            "{line}"
        );
    }
    let session = moderato::storage::load(&folder).unwrap();
    assert_eq!(session.photos.len(), 4, "three before, one attached");
    assert!(folder.join(&session.photos[3].path).is_file());
    assert!(!litter.exists(), "the stale working file is gone");
    let names: Vec<String> = fs::read_dir(folder.join("photos"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 4, "{names:?}");
}

/// A speaking round with more events than any round has is refused like an overlong timing
/// log, naming the item; a round with an absurd turn length opens and shows an hour.
#[test]
fn a_hostile_speaking_round_is_refused_or_held_in_bounds() {
    use moderato::agenda::speaking::{RoundEvent, RoundLog};
    let dir = tempfile::tempdir().unwrap();
    let mut session = moderato::session::Session::create("Runde");
    let mut item = moderato::agenda::AgendaItem {
        id: moderato::ids::AgendaItemId::generate(),
        title: "Blitzlicht".into(),
        ..Default::default()
    };
    let at = jiff::Timestamp::UNIX_EPOCH;
    item.round = Some(RoundLog {
        turn_secs: u32::MAX,
        speakers: vec!["A".into(), "B".into()],
        events: vec![RoundEvent::Started(at)],
    });
    session.agenda.days.push(moderato::agenda::AgendaDay {
        id: moderato::ids::AgendaDayId::generate(),
        items: vec![item],
        ..Default::default()
    });
    moderato::storage::save(dir.path(), &session).unwrap();
    let loaded = moderato::storage::load(dir.path()).expect("an absurd turn still opens");
    let round = loaded.agenda.days[0].items[0].round.clone().unwrap();
    assert_eq!(round.turn().as_secs(), 3600);
    let turn = round.state(at).current.unwrap();
    assert_eq!(turn.remaining.as_secs(), 3600);

    let mut flood = session.clone();
    let round = flood.agenda.days[0].items[0].round.as_mut().unwrap();
    round.events = vec![RoundEvent::Next(at); 10_001];
    moderato::storage::save(dir.path(), &flood).unwrap();
    let error = moderato::storage::load(dir.path()).expect_err("refused");
    assert!(error.to_string().contains("Blitzlicht"), "{error}");
}
