//! The command line: headless work over the same domain functions the GUI uses.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::session::summary::Summary;
use crate::storage;

/// Moderate workshops on one laptop, offline. Without a command, opens the app.
#[derive(Debug, Parser)]
#[command(name = "moderato", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the app on a session folder (or its session.ron).
    Open { path: PathBuf },
    /// Check that a session can be opened safely and print a short summary.
    Check { path: PathBuf },
    /// Print the counts of a session.
    Summary {
        path: PathBuf,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write the PDF report of a session (or a consolidation).
    ExportPdf {
        path: PathBuf,
        /// The PDF file to write.
        #[arg(long)]
        out: PathBuf,
        /// Language of the report: de or en (default: the session's language).
        #[arg(long)]
        lang: Option<String>,
    },
    /// Write the session as Markdown.
    ExportMd {
        path: PathBuf,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        lang: Option<String>,
    },
    /// Write action items, cards and reflection entries as CSV files into a folder.
    ExportCsv {
        path: PathBuf,
        /// The folder for action-items.csv, cards.csv and reflection.csv.
        #[arg(long)]
        out: PathBuf,
    },
    /// Consolidate several sessions into one new session folder.
    ///
    /// Clusters, action items and results with equal titles (after normalisation) are merged;
    /// the inputs are never written to. Run it again on the same output (with --force) to add
    /// a session: earlier merge decisions are kept.
    Consolidate {
        /// Session folders (or their session.ron files).
        #[arg(required = true, num_args = 2..)]
        inputs: Vec<PathBuf>,
        /// The folder for the result.
        #[arg(long)]
        out: PathBuf,
        /// Replace an existing result.
        #[arg(long)]
        force: bool,
    },
}

/// Runs a headless command, writing to `out` and `err`. Returns the process exit code.
pub fn run_headless(command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let (path, as_json) = match command {
        Command::Open { .. } => return ExitCode::SUCCESS,
        Command::Consolidate {
            inputs,
            out: folder,
            force,
        } => {
            return consolidate(inputs, folder, *force, out, err);
        }
        Command::ExportPdf {
            path,
            out: file,
            lang,
        }
        | Command::ExportMd {
            path,
            out: file,
            lang,
        } => {
            return export(command, path, file, lang.as_deref(), out, err);
        }
        Command::ExportCsv { path, out: folder } => {
            return export(command, path, folder, None, out, err);
        }
        Command::Check { path } => (path, false),
        Command::Summary { path, json } => (path, *json),
    };
    let session = match storage::load(path) {
        Ok(session) => session,
        Err(e) => {
            let _ = writeln!(err, "moderato: {e}");
            return ExitCode::FAILURE;
        }
    };
    let summary = Summary::of(&session);
    let written = if as_json {
        serde_json::to_string_pretty(&summary)
            .map_err(std::io::Error::other)
            .and_then(|json| writeln!(out, "{json}"))
    } else {
        let mut result = Ok(());
        if matches!(command, Command::Check { .. }) {
            result = writeln!(out, "OK: {} is a valid session.", path.display());
        }
        result.and_then(|()| {
            summary
                .lines()
                .iter()
                .try_for_each(|line| writeln!(out, "{line}"))
        })
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not the session's fault; report other failures.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "moderato: could not write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `moderato consolidate`: reads every input (naming each one that fails), keeps the decisions
/// of an earlier result in `out`, writes the result.
fn consolidate(
    inputs: &[PathBuf],
    out_folder: &std::path::Path,
    force: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    use crate::consolidate::{Input, consolidate};
    let existing = out_folder.join(storage::SESSION_FILE);
    if existing.exists() && !force {
        let _ = writeln!(
            err,
            "moderato: {} already holds a session; add --force to replace it (earlier merge decisions are kept).",
            out_folder.display()
        );
        return ExitCode::FAILURE;
    }
    let previous = if existing.exists() {
        match storage::load(out_folder) {
            Ok(session) => session.provenance.map(|p| p.decisions).unwrap_or_default(),
            Err(e) => {
                let _ = writeln!(
                    err,
                    "moderato: the existing result cannot be read, so it is left alone: {e}"
                );
                return ExitCode::FAILURE;
            }
        }
    } else {
        Vec::new()
    };
    let mut sessions = Vec::new();
    let mut failures = 0;
    let total = inputs.len();
    for (n, path) in inputs.iter().enumerate() {
        if total > 5 {
            let _ = write!(err, "\rReading {}/{total} \u{2026}", n + 1);
        }
        let folder = storage::SessionPaths::resolve(path).folder;
        if folder == out_folder {
            let _ = writeln!(
                err,
                "moderato: {} is the output folder; it cannot be an input too.",
                path.display()
            );
            failures += 1;
            continue;
        }
        match storage::load(path) {
            Ok(session) => sessions.push(Input {
                folder: folder.display().to_string(),
                session,
            }),
            Err(e) => {
                let _ = writeln!(err, "moderato: {e}");
                failures += 1;
            }
        }
    }
    if total > 5 {
        let _ = writeln!(err);
    }
    if failures > 0 {
        let _ = writeln!(
            err,
            "moderato: {failures} of {total} inputs could not be read; nothing was written."
        );
        return ExitCode::FAILURE;
    }
    let result = consolidate(&sessions, &previous);
    match storage::write_consolidation(out_folder, &result) {
        Ok(warnings) => {
            for warning in warnings {
                let _ = writeln!(err, "moderato: {warning}");
            }
            let summary = Summary::of(&result.session);
            let proposed = result.session.provenance.as_ref().map_or(0, |p| {
                p.decisions
                    .iter()
                    .filter(|d| d.state == crate::model::DecisionState::Proposed)
                    .count()
            });
            let _ = writeln!(
                out,
                "Consolidated {total} sessions into {}",
                out_folder.display()
            );
            for line in summary.lines() {
                let _ = writeln!(out, "{line}");
            }
            if proposed > 0 {
                let _ = writeln!(
                    out,
                    "{proposed} similar titles are proposed for merging; decide in the app (Review)."
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = writeln!(err, "moderato: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `export-pdf`, `export-md`, `export-csv`.
fn export(
    command: &Command,
    path: &std::path::Path,
    target: &std::path::Path,
    lang: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    use crate::export::{self, ReportLang};
    let session = match storage::load(path) {
        Ok(session) => session,
        Err(e) => {
            let _ = writeln!(err, "moderato: {e}");
            return ExitCode::FAILURE;
        }
    };
    let lang = match lang {
        None => ReportLang::of(&session),
        Some(text) => match ReportLang::parse(text) {
            Some(lang) => lang,
            None => {
                let _ = writeln!(err, "moderato: --lang takes de or en, not \"{text}\".");
                return ExitCode::FAILURE;
            }
        },
    };
    let folder = storage::SessionPaths::resolve(path).folder;
    let now = jiff::Timestamp::now();
    let files: Vec<(std::path::PathBuf, Vec<u8>)> = match command {
        Command::ExportPdf { .. } => match export::pdf(&session, Some(&folder), lang, now) {
            Ok(bytes) => vec![(target.to_owned(), bytes)],
            Err(e) => {
                let _ = writeln!(err, "moderato: {e}");
                return ExitCode::FAILURE;
            }
        },
        Command::ExportMd { .. } => vec![(
            target.to_owned(),
            export::markdown(&session, lang, now).into_bytes(),
        )],
        _ => {
            if let Err(e) = std::fs::create_dir_all(target) {
                let _ = writeln!(err, "moderato: could not create {}: {e}", target.display());
                return ExitCode::FAILURE;
            }
            vec![
                (
                    target.join("action-items.csv"),
                    export::action_items_csv(&session).into_bytes(),
                ),
                (
                    target.join("cards.csv"),
                    export::cards_csv(&session).into_bytes(),
                ),
                (
                    target.join("reflection.csv"),
                    export::reflection_csv(&session).into_bytes(),
                ),
            ]
        }
    };
    for (file, bytes) in files {
        if let Err(e) = storage::atomic_write(&file, |f| f.write_all(&bytes)) {
            let _ = writeln!(err, "moderato: {e}");
            return ExitCode::FAILURE;
        }
        let _ = writeln!(
            out,
            "Wrote {} ({} KB)",
            file.display(),
            bytes.len().div_ceil(1024)
        );
    }
    ExitCode::SUCCESS
}
