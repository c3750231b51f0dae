//! The command line: headless work over the same library functions the app uses. Messages
//! are in the system's language.

mod commands;
mod photo_board;
mod serve;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::i18n::{C, Lang, fill};

/// Moderate workshops on one laptop, offline. Without a command, opens the app.
#[derive(Debug, Parser)]
#[command(name = "moderato", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Open the app on the built-in example session (as a copy in your sessions folder).
    #[arg(long)]
    pub example: bool,
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
        #[arg(long)]
        lang: Option<String>,
    },
    /// Copy photos into a session (JPEG or PNG), with the checks the app makes.
    ///
    /// Each file is checked completely before it is copied into the session's photos/
    /// folder; a refused file is named with the reason. The session is saved atomically.
    Attach {
        /// The session folder (or its session.ron).
        session: PathBuf,
        /// The photo files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Put cards from a file onto a board (created if the session has none of that title).
    ///
    /// FILE is a text file with one card per line, or a CSV/TSV table with a header naming
    /// the columns text and optionally author, colour and topic (cards of a topic are
    /// gathered into a cluster of that title). Every line is checked first: if one is bad,
    /// each bad line is named and nothing is saved. Cards land in free space; the session is
    /// saved atomically.
    ImportCards {
        /// The session folder (or its session.ron).
        session: PathBuf,
        /// The board's title.
        #[arg(long)]
        board: String,
        /// The cards.
        file: PathBuf,
    },
    /// Suggest groups of a board's free cards by what they mean, without changing anything.
    ///
    /// Uses the multilingual language model built into Moderato (shared words without it).
    Suggest {
        /// The session folder (or its session.ron).
        session: PathBuf,
        /// The board's title.
        #[arg(long)]
        board: String,
        /// Print {"method": "embedding"|"lexical", "groups": [[card_id, ...], ...]}.
        #[arg(long)]
        json: bool,
        /// From -1 (looser, larger groups) to 1 (tighter, smaller groups); 0 as in the app.
        #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
        tightness: f32,
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
        /// Update an existing result.
        #[arg(long)]
        force: bool,
    },
    /// Find the board and the cards in a photo of a pinboard, without a session.
    ///
    /// Prints each card's colour, shape and place on the board; with --json
    /// {"board": [[x,y],…], "cards": [{"corners": [[x,y],…], "colour", "shape"}, …]} with
    /// corners in the photo's pixels, clockwise from the top left.
    DetectCards {
        /// The photo (JPEG or PNG).
        photo: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Make a board from a photo of a pinboard: one card per paper card where it hung, in
    /// its colour and shape, columns under a header as clusters; the photo is attached to
    /// the board. The texts are left to type.
    ImportPhoto {
        /// The session folder (or its session.ron).
        session: PathBuf,
        /// The board to fill (a new board when the session has none of that title).
        #[arg(long)]
        board: String,
        /// The photo (JPEG or PNG).
        photo: PathBuf,
    },
    /// Open a session to participants' phones on the local network, without the window.
    ///
    /// Prints the join address on its first line and its QR code; phones then write cards
    /// (straight onto the board), place dots and rate, as the moderator allows. Each
    /// contribution is saved at once. Type `cards [BOARD]`, `dots [BOARD]`, `ratings`,
    /// `nothing`, `rotate`, `phones` or `quit`; Ctrl+C stops too.
    Serve {
        /// The session folder (or its session.ron).
        session: PathBuf,
        /// The port (the first free of 8080 to 8090 when left out; 0 for any free port).
        #[arg(long)]
        port: Option<u16>,
        /// What phones may do at first: cards, dots, ratings or nothing.
        #[arg(long, default_value = "nothing")]
        allow: String,
        /// The board for cards and dots (the first board when left out).
        #[arg(long)]
        board: Option<String>,
        /// The network address to open on (the first of this computer's when left out).
        #[arg(long)]
        address: Option<std::net::IpAddr>,
    },
}

/// Where a command writes, and in which language.
pub struct Output<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    pub lang: Lang,
}

impl Output<'_> {
    /// A line on standard output, flushed (a program reading `serve` sees it at once).
    fn line(&mut self, text: &str) -> std::io::Result<()> {
        writeln!(self.out, "{}", crate::text::for_terminal(text))?;
        self.out.flush()
    }

    /// JSON on standard output, its strings' control characters escaped.
    fn json_line(&mut self, json: &str) -> std::io::Result<()> {
        writeln!(self.out, "{}", crate::text::json_for_terminal(json))
    }

    /// A message on standard error, after the program's name.
    fn fail(&mut self, text: &str) {
        let _ = writeln!(self.err, "moderato: {}", crate::text::for_terminal(text));
    }

    fn say(&self, key: C, values: &[&str]) -> String {
        fill(key.get(self.lang), values)
    }
}

/// Runs a headless command, writing to `out` and `err` in the system's language. Returns the
/// process exit code.
pub fn run_headless(command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let mut output = Output {
        out,
        err,
        lang: Lang::from_system(),
    };
    let result = match command {
        Command::Open { .. } => Ok(()),
        Command::Check { path } => commands::summary(path, false, true, &mut output),
        Command::Summary { path, json } => commands::summary(path, *json, false, &mut output),
        Command::ExportPdf { path, out, lang }
        | Command::ExportMd { path, out, lang }
        | Command::ExportCsv { path, out, lang } => {
            commands::export(command, path, out, lang.as_deref(), &mut output)
        }
        Command::Attach { session, files } => commands::attach(session, files, &mut output),
        Command::ImportCards {
            session,
            board,
            file,
        } => commands::import_cards(session, board, file, &mut output),
        Command::Suggest {
            session,
            board,
            json,
            tightness,
        } => commands::suggest(session, board, *json, *tightness, &mut output),
        Command::Consolidate { inputs, out, force } => {
            commands::consolidate(inputs, out, *force, &mut output)
        }
        Command::DetectCards { photo, json } => {
            photo_board::detect_cards(photo, *json, &mut output)
        }
        Command::ImportPhoto {
            session,
            board,
            photo,
        } => photo_board::import_photo(session, board, photo, &mut output),
        Command::Serve {
            session,
            port,
            allow,
            board,
            address,
        } => serve::serve(
            session,
            serve::Options {
                port: *port,
                allow,
                board: board.as_deref(),
                address: *address,
            },
            &mut output,
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(()) => ExitCode::FAILURE,
    }
}
