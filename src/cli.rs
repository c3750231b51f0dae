//! The command line: headless work over the same domain functions the GUI uses.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::storage;
use crate::summary::Summary;

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
}

/// Runs a headless command, writing to `out` and `err`. Returns the process exit code.
pub fn run_headless(command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let (path, as_json) = match command {
        Command::Open { .. } => return ExitCode::SUCCESS,
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
