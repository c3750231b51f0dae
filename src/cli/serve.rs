//! `serve`: a session open to participants' phones without the window (a second laptop at
//! the door, and the tests). The same server, phases and edits as the app's; cards go
//! straight onto the board, since nobody sits at an inbox, and every contribution is saved
//! at once, atomically, under the session's lock.

use std::io::BufRead;
use std::net::IpAddr;
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use super::Output;
use super::commands::{board_titled, for_change};
use crate::i18n::{C, Describe as _};
use crate::ids::{BoardId, CardId};
use crate::phones::session::{Allow, PhoneEntries, Received, phase_for, receive};
use crate::phones::{Arrival, PhoneServer, Room, local_addresses, qr_matrix};
use crate::session::Session;
use crate::storage;

/// What `serve` was asked for on its command line.
pub(super) struct Options<'a> {
    pub port: Option<u16>,
    pub allow: &'a str,
    pub board: Option<&'a str>,
    pub address: Option<IpAddr>,
}

/// A line typed on standard input, or a signal to stop.
enum Said {
    Line(String),
    Stop,
}

pub(super) fn serve(path: &Path, options: Options, o: &mut Output) -> Result<(), ()> {
    let Some(mut allow) = Allow::parse(options.allow) else {
        o.fail(&o.say(C::BadAllow, &[options.allow]));
        return Err(());
    };
    let (folder, _lock, mut session) = for_change(path, o)?;
    let mut board = match options.board {
        Some(title) => Some(board_titled(&session, title, o)?.id),
        None => session.boards.first().map(|b| b.id),
    };
    let Some(address) = options
        .address
        .or_else(|| local_addresses().first().map(|(_, a)| *a))
    else {
        o.fail(&o.say(C::ServeNoAddress, &[]));
        return Err(());
    };
    // Ctrl+C is caught from here on: before anyone can join, nothing ends half-way.
    let said = listen();
    let room = Room::new();
    // What phones may do is set before the address is printed: the first phone to join
    // sees it at once.
    room.set_phase(phase_for(&session, allow, board));
    let (sender, arrivals) = channel();
    let wake: crate::phones::Wake = Arc::new(|| {});
    let mut server = PhoneServer::start(address, options.port, Arc::clone(&room), sender, wake)
        .map_err(|e| o.fail(&e.to_string()))?;
    // The join address first, alone on its line: a script (or a test) reads it from there.
    let _ = o.line(&server.join_url());
    for row in terminal_qr(&server.join_url()) {
        let _ = o.line(&row);
    }
    let _ = o.line(&o.say(C::ServeOpen, &[&server.short_url()]));
    let _ = o.line(&o.say(C::ServeCommands, &[]));
    let mut entries = PhoneEntries::default();
    let mut saved = 0_u64;
    say_allowed(o, &session, allow, board);
    loop {
        room.set_phase(phase_for(&session, allow, board));
        match said.try_recv() {
            Ok(Said::Stop) => break,
            Ok(Said::Line(line)) => {
                if !command(o, &session, &line, (&mut allow, &mut board), &server) {
                    break;
                }
                continue;
            }
            Err(_) => {}
        }
        match next_arrival(&arrivals) {
            Some(arrival) => {
                // Said once it is saved: whoever reads the line finds it in the file.
                if let Some(line) = take_in(o, &mut session, arrival, &mut entries) {
                    match storage::save(&folder, &session) {
                        Ok(()) => {
                            saved += 1;
                            let _ = o.line(&line);
                        }
                        Err(error) => o.fail(&error.describe(o.lang)),
                    }
                }
            }
            None if !server.is_running() => break,
            None => {}
        }
    }
    server.stop();
    let _ = o.line(&o.say(C::ServeClosed, &[&saved.to_string()]));
    Ok(())
}

fn next_arrival(arrivals: &Receiver<Arrival>) -> Option<Arrival> {
    arrivals.recv_timeout(Duration::from_millis(100)).ok()
}

/// Lines from standard input, and Ctrl+C (or a request to terminate) as a stop, on threads
/// of their own. The end of standard input is not a stop: `serve` may run without a terminal.
fn listen() -> Receiver<Said> {
    let (sender, said) = channel();
    let lines = sender.clone();
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines().map_while(Result::ok) {
            if lines.send(Said::Line(line)).is_err() {
                break;
            }
        }
    });
    if let Some(stop) = signals() {
        std::thread::spawn(move || {
            stop();
            let _ = sender.send(Said::Stop);
        });
    }
    said
}

/// Ctrl+C and a request to terminate, caught from the moment this returns; the function
/// returned waits for either.
fn signals() -> Option<impl FnOnce() + Send> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .ok()?;
    #[cfg(unix)]
    let (mut interrupt, mut terminate) = {
        use tokio::signal::unix::{SignalKind, signal};
        let _entered = runtime.enter();
        (
            signal(SignalKind::interrupt()).ok()?,
            signal(SignalKind::terminate()).ok()?,
        )
    };
    Some(move || {
        runtime.block_on(async {
            #[cfg(unix)]
            {
                let interrupted = std::pin::pin!(interrupt.recv());
                let terminated = std::pin::pin!(terminate.recv());
                futures_util::future::select(interrupted, terminated).await;
            }
            #[cfg(not(unix))]
            {
                let _ = tokio::signal::ctrl_c().await;
            }
        });
    })
}

/// A typed command; returns false for `quit`.
fn command(
    o: &mut Output,
    session: &Session,
    line: &str,
    (allow, board): (&mut Allow, &mut Option<BoardId>),
    server: &PhoneServer,
) -> bool {
    let line = line.trim();
    let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
    match word {
        "" => {}
        "quit" | "exit" | "stop" => return false,
        "rotate" => {
            server.rotate_token();
            let _ = o.line(&o.say(C::ServeRotated, &[&server.join_url()]));
        }
        "phones" => {
            let connected = server.connected_phones().to_string();
            let _ = o.line(&o.say(C::ServeConnected, &[&connected]));
        }
        word => match Allow::parse(word) {
            Some(chosen) => {
                if !rest.trim().is_empty() {
                    match board_titled(session, rest, o) {
                        Ok(found) => *board = Some(found.id),
                        Err(()) => return true,
                    }
                }
                *allow = chosen;
                // In force before it is said: whoever reads the line finds phones allowed.
                server.room().set_phase(phase_for(session, *allow, *board));
                say_allowed(o, session, *allow, *board);
            }
            None => o.fail(&o.say(C::ServeUnknown, &[word])),
        },
    }
    true
}

fn say_allowed(o: &mut Output, session: &Session, allow: Allow, board: Option<BoardId>) {
    let title = board
        .and_then(|id| session.board(id))
        .filter(|_| allow.needs_board())
        .map(|b| format!(" ({})", b.title))
        .unwrap_or_default();
    let _ = o.line(&o.say(C::ServeAllows, &[&format!("{}{title}", allow.word())]));
}

/// Applies one arrival to the session; returns the line that says what came, when it
/// changed anything.
fn take_in(
    o: &mut Output,
    session: &mut Session,
    arrival: Arrival,
    entries: &mut PhoneEntries,
) -> Option<String> {
    let device = arrival.device().to_string();
    let line = match &arrival {
        Arrival::Card { text, .. } => o.say(C::ServeCard, &[&device, text]),
        Arrival::Dot { .. } => o.say(C::ServeDot, &[&device]),
        Arrival::DotTakenBack { .. } => o.say(C::ServeDotBack, &[&device]),
        Arrival::Rating { .. } => o.say(C::ServeRating, &[&device]),
    };
    let changed = match receive(session, arrival, entries) {
        Received::Card(card) => match session.board(card.board) {
            Some(board) => card.accept(board, CardId::generate(), None).apply(session),
            None => false,
        },
        Received::Edits(edits) => {
            // Every edit applied, not only up to the first that changes something.
            let mut changed = false;
            for edit in edits {
                changed |= edit.apply(session);
            }
            changed
        }
        Received::Nothing => false,
    };
    changed.then_some(line)
}

/// The QR code in a terminal: two rows of modules per line with half blocks, light on dark
/// inverted so that it scans on a dark terminal too (a quiet zone of light around it).
fn terminal_qr(text: &str) -> Vec<String> {
    let Some((side, modules)) = qr_matrix(text) else {
        return Vec::new();
    };
    let quiet = 2;
    let full = side + 2 * quiet;
    let dark = |row: usize, column: usize| {
        let inside = |v: usize| (quiet..quiet + side).contains(&v);
        inside(row) && inside(column) && modules[(row - quiet) * side + (column - quiet)]
    };
    (0..full)
        .step_by(2)
        .map(|row| {
            (0..full)
                .map(|column| match (dark(row, column), dark(row + 1, column)) {
                    (false, false) => '\u{2588}',
                    (false, true) => '\u{2580}',
                    (true, false) => '\u{2584}',
                    (true, true) => ' ',
                })
                .collect()
        })
        .collect()
}
