//! Outputs that would destroy inputs, and what a user typed that would become a formula,
//! markup or a terminal's command in an export.

use std::fs;
use std::path::Path;

use super::{assert_refused, common, moderato, pdf, text};

#[test]
fn an_export_never_writes_onto_its_input_or_into_a_session_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = common::example_copy(dir.path());
    let session = folder.display().to_string();
    let before = fs::read(folder.join("session.ron")).unwrap();
    let photo_before = fs::read(folder.join("photos/bilanz-zielscheibe.png")).unwrap();
    let spellings = [
        format!("{session}/session.ron"),
        format!("{session}/./session.ron"),
        format!("{session}/photos/../session.ron"),
        format!("{session}/photos/bilanz-zielscheibe.png"),
        format!("{session}/bericht.pdf"),
        format!("{session}/photos/neu/bericht.md"),
    ];
    for export in ["export-pdf", "export-md", "export-csv"] {
        for target in &spellings {
            let output = moderato(&[export, &session, "--out", target]);
            assert!(!output.status.success(), "{export} onto {target} accepted");
            let said = text(&output.stderr);
            assert!(
                said.contains("session folder") || said.contains("does not exist"),
                "{export} {target}: {said}"
            );
        }
    }
    // A link beside the session that points onto it is no way in either.
    let link = dir.path().join("bericht.md");
    std::os::unix::fs::symlink(folder.join("session.ron"), &link).unwrap();
    let output = moderato(&["export-md", &session, "--out", link.to_str().unwrap()]);
    assert_refused(&output, &["not a plain file"]);
    // Nor a device.
    let output = moderato(&["export-md", &session, "--out", "/dev/null"]);
    assert_refused(&output, &["not a plain file"]);

    assert_eq!(fs::read(folder.join("session.ron")).unwrap(), before);
    assert_eq!(
        fs::read(folder.join("photos/bilanz-zielscheibe.png")).unwrap(),
        photo_before
    );
    assert!(!folder.join("bericht.pdf").exists());
    assert_eq!(
        moderato::storage::load(&folder).unwrap().photos.len(),
        3,
        "the session opens as before"
    );
}

/// A session whose cards, intro and title hold what would be a formula in a spreadsheet,
/// markup or a link in Markdown, or a terminal's escape sequence.
fn hostile_session(dir: &Path) -> std::path::PathBuf {
    let folder = common::example_copy(dir);
    let mut session = moderato::storage::load(&folder).unwrap();
    session.meta.title = "Werkstatt \u{1b}[3A\u{1b}[J \u{202E}gnutiel".into();
    session.meta.introduction = "Siehe https://example.org/a>b) <script>alert(1)</script> und \
                          [hier](javascript:alert(1))"
        .into();
    let texts = [
        "=HYPERLINK(\"https://example.org\";\"Klick\")",
        "+49 30 123",
        "-Minus",
        "@SUMME(A1)",
        "\t=1+1",
        "\r=1+1",
        "Erste Zeile\n---\n- keine Liste",
        "<img src=x onerror=alert(1)>",
    ];
    let board = &mut session.boards[0];
    for (card, text) in board.cards.iter_mut().zip(texts) {
        card.text = text.into();
    }
    moderato::storage::save(&folder, &session).unwrap();
    folder
}

#[test]
fn typed_text_never_becomes_a_formula_in_the_tables() {
    let dir = tempfile::tempdir().unwrap();
    let folder = hostile_session(dir.path());
    let out = dir.path().join("tabellen");
    for lang in ["de", "en"] {
        let output = moderato(&[
            "export-csv",
            folder.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--lang",
            lang,
        ]);
        assert!(output.status.success(), "{}", text(&output.stderr));
        let mut cells = 0;
        for entry in fs::read_dir(&out).unwrap() {
            let bytes = fs::read(entry.unwrap().path()).unwrap();
            let table = String::from_utf8(bytes).unwrap();
            let separator = if lang == "de" { b';' } else { b',' };
            for cell in csv_cells(table.trim_start_matches('\u{feff}'), separator) {
                cells += 1;
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "a cell a spreadsheet would run: {cell:?}"
                );
            }
        }
        assert!(cells > 100, "{cells} cells read");
        let cards = fs::read_to_string(out.join("cards.csv")).unwrap();
        assert!(cards.contains("'=HYPERLINK"), "kept, neutralised");
        fs::remove_dir_all(&out).unwrap();
    }
}

/// The cells of a CSV text (quotes as RFC 4180 writes them).
fn csv_cells(table: &str, separator: u8) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = table.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if !quoted && (c == char::from(separator) || c == '\n') => {
                cells.push(std::mem::take(&mut cell).trim_end_matches('\r').to_owned());
            }
            c => cell.push(c),
        }
    }
    cells
}

#[test]
fn typed_text_is_text_in_markdown_never_markup() {
    let dir = tempfile::tempdir().unwrap();
    let folder = hostile_session(dir.path());
    let out = dir.path().join("bericht.md");
    let output = moderato(&[
        "export-md",
        folder.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let markdown = fs::read_to_string(&out).unwrap();
    // What Markdown reads as markup: the text without its escaped characters.
    let mut markup = String::new();
    let mut chars = markdown.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            chars.next();
            markup.push('_');
        } else {
            markup.push(c);
        }
    }
    for tag in [
        "<script",
        "<img",
        "](javascript:",
        "\n---\n- keine",
        "\u{1b}",
    ] {
        assert!(!markup.contains(tag), "{tag:?} in the Markdown");
    }
    assert!(markdown.contains("\\<script\\>"), "shown as text");
    // The override is closed within its own text.
    let title = markdown.lines().find(|l| l.contains("gnutiel")).unwrap();
    assert!(title.contains("gnutiel\u{202C}"), "{title:?}");
}

#[test]
fn control_characters_are_shown_safely_in_the_terminal_and_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let folder = hostile_session(dir.path());
    let output = moderato(&["check", folder.to_str().unwrap()]);
    assert!(output.status.success());
    let said = text(&output.stdout);
    assert!(
        !said.contains('\u{1b}') && !said.contains('\u{202E}'),
        "{said:?}"
    );
    assert!(said.contains("\u{241b}[3A"), "the escape shown: {said}");
    let json = moderato(&["summary", "--json", folder.to_str().unwrap()]);
    let shown = text(&json.stdout);
    assert!(!shown.contains('\u{202E}') && !shown.contains('\u{1b}'));
    let summary: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert!(summary.to_string().contains("gnutiel"));

    let pdf_file = dir.path().join("bericht.pdf");
    let output = moderato(&[
        "export-pdf",
        folder.to_str().unwrap(),
        "--out",
        pdf_file.to_str().unwrap(),
        "--lang",
        "de",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let pages = pdf::read(&fs::read(&pdf_file).unwrap());
    // The footer of page 2 reads "Seite 2 von N" (a reversed run would come out of the page
    // as "N nov 2 etieS"): the title's override ends with the title.
    let words: Vec<&str> = pages[1].words.iter().map(|(w, _)| w.as_str()).collect();
    let at = words
        .iter()
        .rposition(|w| *w == "Seite")
        .unwrap_or_else(|| panic!("no footer: {words:?}"));
    assert_eq!(&words[at..at + 3], ["Seite", "2", "von"]);
    assert!(!words.contains(&"etieS"));
    assert!(words.contains(&"[3A[J"), "the escape character left out");
}
