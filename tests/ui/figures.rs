//! One truth per figure: the Review screen, `summary --json`, the Markdown report and the CSV
//! tell the same held minutes, items over time, dots and reflection figures (each source's
//! own as well), for the example and for a consolidation of it with an edited copy.

use super::*;
use moderato::i18n::{T, decimal, fill};
use serde_json::Value;

fn moderato(args: &[&std::ffi::OsStr]) -> std::process::Output {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_moderato"))
        .args(args)
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env(
            "MODERATO_CACHE_DIR",
            std::env::temp_dir().join("moderato-figures-cache"),
        )
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn summary(folder: &Path) -> Value {
    let output = moderato(&["summary".as_ref(), folder.as_os_str(), "--json".as_ref()]);
    serde_json::from_slice(&output.stdout).unwrap()
}

fn markdown(dir: &Path, folder: &Path) -> String {
    let out = dir.join("figures.md");
    moderato(&[
        "export-md".as_ref(),
        folder.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
        "--lang".as_ref(),
        "en".as_ref(),
    ]);
    fs::read_to_string(out).unwrap()
}

/// The dots of every card and cluster in `cards.csv`.
fn csv_dots(dir: &Path, folder: &Path) -> u64 {
    let out = dir.join("figures-csv");
    moderato(&[
        "export-csv".as_ref(),
        folder.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
        "--lang".as_ref(),
        "en".as_ref(),
    ]);
    let text = fs::read_to_string(out.join("cards.csv")).unwrap();
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    let header = lines.next().unwrap();
    let separator = if header.contains(';') { ';' } else { ',' };
    let column = cells(header, separator)
        .iter()
        .position(|h| h == "Dots")
        .unwrap();
    lines
        .filter_map(|line| cells(line, separator).get(column)?.parse::<u64>().ok())
        .sum()
}

/// A CSV line's cells, quotes taken off (a quoted cell may hold the separator).
fn cells(line: &str, separator: char) -> Vec<String> {
    let (mut cells, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if c == separator && !quoted => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    cells.push(cell);
    cells
}

/// Each cluster's dots (its own and its cards') as Review shows them, against summary --json.
fn cluster_dots_agree(harness: &Harness<'static, ModeratoApp>, s: &Value) {
    let mut checked = 0;
    for board in s["board_dots"].as_array().unwrap() {
        for cluster in board["clusters"].as_array().unwrap() {
            let title = cluster["cluster"].as_str().unwrap();
            let dots = cluster["dots"].as_u64().unwrap();
            let label = format!("{title}  \u{25cf} {dots}");
            assert!(
                harness.query_all_by_label(&label).count() >= 1,
                "Review shows {label}"
            );
            checked += 1;
        }
    }
    assert!(checked > 0, "clusters with dots were compared");
}

fn figures_agree(dir: &Path, folder: PathBuf) {
    let s = summary(&folder);
    let md = markdown(dir, &folder);
    assert_eq!(csv_dots(dir, &folder), s["votes"].as_u64().unwrap(), "dots");

    let mut harness = start(dir, Setup::on(folder));
    harness.get_by_label("Review").click();
    settle(&mut harness);
    let number = |key: &str| s[key].as_u64().unwrap().to_string();
    let held = fill(
        T::HeldTotal.get(Lang::En),
        &[
            &number("actual_minutes"),
            &number("planned_minutes"),
            &number("items_over_time"),
        ],
    );
    harness.get_by_label(&held);
    cluster_dots_agree(&harness, &s);

    let dimensions = s["reflection"].as_array().unwrap();
    assert!(!dimensions.is_empty());
    for dimension in dimensions {
        let shown = |figures: &Value| {
            let mean = figures["mean"].as_f64().unwrap();
            (decimal(mean, 1, Lang::En), figures["n"].as_u64().unwrap())
        };
        let (mean, n) = shown(dimension);
        let in_review = format!("{mean} (n = {n})");
        assert!(
            harness.query_all_by_label(&in_review).count() >= 1,
            "Review shows {in_review}"
        );
        assert!(
            md.contains(&format!("Mean {mean} · ")),
            "Markdown: mean {mean}"
        );
        for source in dimension["sources"].as_array().unwrap() {
            let (mean, n) = shown(source);
            let label = source["source"].as_str().unwrap();
            assert!(
                harness
                    .query_all_by_label(&format!("{mean} (n = {n})"))
                    .count()
                    >= 1,
                "Review shows {label}'s own {mean}"
            );
            assert!(
                md.contains(&format!("{label}: Mean {mean} · ")),
                "Markdown: {label}'s own mean {mean}"
            );
        }
    }
}

#[test]
fn review_summary_and_exports_tell_the_same_figures_of_the_example() {
    let (dir, folder) = sessions_with_example();
    figures_agree(dir.path(), folder);
}

#[test]
fn review_summary_and_exports_tell_the_same_figures_of_a_consolidation() {
    let dir = tempfile::tempdir().unwrap();
    let original = common::example_copy(&dir.path().join("a"));
    let copy = common::example_copy(&dir.path().join("b"));
    // The copy: one rating lower, another title, so each source has figures of its own.
    let mut session = storage::load(&copy).unwrap();
    session.meta.title.push_str(" (Kopie)");
    let entry = &mut session.reflection.entries[0];
    let first = *entry.ratings.keys().next().unwrap();
    entry.ratings.insert(first, 2);
    storage::save(&copy, &session).unwrap();
    let out = dir.path().join("together");
    moderato(&[
        "consolidate".as_ref(),
        original.as_os_str(),
        copy.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    let s = summary(&out);
    assert!(
        s["reflection"][0]["sources"].as_array().unwrap().len() == 2,
        "each source's own figures: {}",
        s["reflection"][0]
    );
    figures_agree(dir.path(), out);
}
