//! `moderato serve` on a copy of the example: phones join through the printed address, write
//! a card, place a dot and rate; each lands in the session file, marked as from a phone.

use std::io::{BufRead, BufReader, Write};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use moderato::origin::Origin;
use moderato::storage;
use serde_json::json;

use crate::common::{Phone, join};

/// A running `moderato serve` with its input and its output lines.
pub struct Served {
    pub child: Child,
    stdin: ChildStdin,
    lines: Receiver<String>,
    pub addr: SocketAddr,
    pub join_path: String,
}

impl Served {
    /// Starts `serve` on loopback with these extra arguments and reads the join address
    /// from its first line.
    pub fn start(folder: &Path, args: &[&str]) -> Served {
        let mut child = Command::new(env!("CARGO_BIN_EXE_moderato"))
            .arg("serve")
            .arg(folder)
            .args(["--address", "127.0.0.1", "--port", "0"])
            .args(args)
            .env("LANG", "en_GB.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("moderato serve starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        let first = lines
            .recv_timeout(Duration::from_secs(30))
            .expect("the join address on the first line");
        let rest = first.strip_prefix("http://").expect("an http address");
        let (host, path) = rest.split_once('/').expect("a path");
        Served {
            child,
            stdin,
            lines,
            addr: host.parse().expect("host:port"),
            join_path: format!("/{path}"),
        }
    }

    pub fn phone(&self) -> Phone {
        join(self.addr, &self.join_path)
    }

    pub fn say(&mut self, line: &str) {
        writeln!(self.stdin, "{line}").unwrap();
        self.stdin.flush().unwrap();
    }

    /// Waits for an output line that contains `text` (a safety net of 30 s, not a timing
    /// assertion) and returns it.
    pub fn wait_for(&self, text: &str) -> String {
        loop {
            match self.lines.recv_timeout(Duration::from_secs(30)) {
                Ok(line) if line.contains(text) => return line,
                Ok(_) => {}
                Err(e) => panic!("no line with {text:?}: {e}"),
            }
        }
    }
}

#[test]
fn serve_takes_cards_dots_and_ratings_into_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = crate::sessions::example_copy(dir.path());
    let before = storage::load(&folder).unwrap();
    let board = before
        .boards
        .iter()
        .find(|b| b.title == "Prinzipien von Offenheit")
        .unwrap();
    let mut served = Served::start(&folder, &["--allow", "cards", "--board", &board.title]);
    let phone = served.phone();

    let state = phone.state();
    assert_eq!(state["phase"]["kind"], "cards", "{state}");
    assert_eq!(state["phase"]["question"], board.question.as_str());
    let reply = phone.post(
        "/api/card",
        &json!({"board": board.id.uuid(), "text": "Mehr Bänke am Markt", "author": "Stadt Nordheim"}),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    served.wait_for("Mehr Bänke am Markt");
    let saved = storage::load(&folder).unwrap();
    let card = saved
        .board(board.id)
        .unwrap()
        .cards
        .iter()
        .find(|c| c.text == "Mehr Bänke am Markt")
        .expect("the card is saved on its board");
    assert_eq!(card.source, Origin::Phone);
    assert_eq!(card.author, "Stadt Nordheim");

    served.say("dots");
    served.wait_for("Phones may now: dots");
    let state = phone.state();
    assert_eq!(state["phase"]["kind"], "dots", "{state}");
    let target = state["phase"]["targets"][1]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let reply = phone.post(
        "/api/dot",
        &json!({"board": board.id.uuid(), "target": target}),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    served.wait_for("Dot from phone");
    let saved = storage::load(&folder).unwrap();
    let dotted = saved.board(board.id).unwrap();
    assert_eq!(dotted.num_votes(), board.num_votes() + 1);
    let phone_dots: u32 = dotted.cards.iter().map(|c| c.phone_votes).sum::<u32>()
        + dotted.clusters.iter().map(|c| c.phone_votes).sum::<u32>();
    assert_eq!(phone_dots, 1);

    served.say("ratings");
    served.wait_for("Phones may now: ratings");
    let dimension = before.reflection.dimensions[0].id.uuid();
    let reply = phone.post(
        "/api/rating",
        &json!({"ratings": [{"dimension": dimension, "value": 4}], "name": "Gemeinde Westerau", "comment": "Gut so"}),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    served.wait_for("Rating from phone");
    let saved = storage::load(&folder).unwrap();
    assert_eq!(
        saved.reflection.entries.len(),
        before.reflection.entries.len() + 1
    );
    let entry = saved.reflection.entries.last().unwrap();
    assert_eq!(entry.source, Origin::Phone);
    assert_eq!(
        (entry.who.as_str(), entry.comment.as_str()),
        ("Gemeinde Westerau", "Gut so")
    );

    served.say("quit");
    served.wait_for("Closed; 3 contributions saved.");
    assert!(served.child.wait().unwrap().success());
    let text = std::fs::read_to_string(folder.join("session.ron")).unwrap();
    assert!(text.contains("source: phone"));
    assert!(
        !text.to_lowercase().contains("device"),
        "no device in the file"
    );
}

#[test]
fn serve_stops_cleanly_on_ctrl_c_and_closes_the_port() {
    let dir = tempfile::tempdir().unwrap();
    let folder = crate::sessions::example_copy(dir.path());
    let mut served = Served::start(&folder, &[]);
    let phone = served.phone();
    assert_eq!(phone.state()["phase"]["kind"], "waiting");
    let status = Command::new("kill")
        .args(["-INT", &served.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    served.wait_for("Closed; 0 contributions saved.");
    assert!(served.child.wait().unwrap().success());
    assert!(
        std::net::TcpStream::connect(served.addr).is_err(),
        "the port is closed"
    );
    // The lock is gone with it: the session can be changed again at once.
    let lock = storage::SessionLock::acquire_for_change(&folder, Duration::ZERO);
    assert!(lock.is_ok(), "{:?}", lock.err());
}

#[test]
fn serve_refuses_a_session_another_program_has_open() {
    let dir = tempfile::tempdir().unwrap();
    let folder = crate::sessions::example_copy(dir.path());
    let _held = storage::SessionLock::acquire_for_change(&folder, Duration::ZERO).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_moderato"))
        .arg("serve")
        .arg(&folder)
        .args(["--address", "127.0.0.1", "--port", "0"])
        .env("LANG", "en_GB.UTF-8")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(output.stdout.is_empty(), "no address handed out");
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("moderato:"), "{said}");
}

#[test]
fn serve_says_plainly_what_it_cannot_do() {
    let dir = tempfile::tempdir().unwrap();
    let folder = crate::sessions::example_copy(dir.path());
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_moderato"))
            .arg("serve")
            .arg(&folder)
            .args(["--address", "127.0.0.1", "--port", "0"])
            .args(args)
            .env("LANG", "en_GB.UTF-8")
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    let wrong = run(&["--allow", "everything"]);
    assert!(!wrong.status.success());
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("\"everything\" is not a choice"));
    let missing = run(&["--allow", "cards", "--board", "Gibt es nicht"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("has no board"));
}
