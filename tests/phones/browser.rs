//! A real phone browser: headless Chromium (Debian's `chromium`, driven through
//! `chromedriver`'s WebDriver protocol, JSON over HTTP on loopback) joins `moderato serve`
//! through the join address, writes a card, places a dot and rates on the page itself; the
//! test reads the session file. `.ci/run` installs both packages where they are missing.

use std::net::{SocketAddr, TcpListener};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use moderato::origin::Origin;
use moderato::storage;
use serde_json::{Value, json};

use super::serve::Served;
use crate::common::Req;

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";
/// The W3C name of an element reference in WebDriver answers.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// chromedriver on a free port of loopback, stopped when dropped.
struct Driver {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    fn start() -> Driver {
        assert!(
            Path::new(CHROMEDRIVER).exists() && Path::new(CHROMIUM).exists(),
            "this test needs Debian's chromium and chromium-driver \
             (`apt-get install chromium chromium-driver`; .ci/run installs them)"
        );
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
        let driver = Driver { child, addr };
        let started = Instant::now();
        while std::net::TcpStream::connect(addr).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "chromedriver listens"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        driver
    }

    fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        let req = match body {
            Some(body) => Req::json(path, body),
            None if method == "DELETE" => Req::get(path).method("DELETE"),
            None => Req::get(path),
        };
        let reply = req.send(self.addr);
        let value: Value = serde_json::from_str(&reply.body).unwrap_or(Value::Null);
        assert_eq!(reply.status, 200, "{method} {path}: {}", reply.body);
        value["value"].clone()
    }
}

/// One browser session: a 360-pixel-wide German phone.
struct Browser<'d> {
    driver: &'d Driver,
    session: String,
}

impl Drop for Browser<'_> {
    fn drop(&mut self) {
        // Only when the driver still listens: a second panic here would abort the test run.
        if std::net::TcpStream::connect(self.driver.addr).is_ok() {
            let path = format!("/session/{}", self.session);
            let _ = Req::get(&path).method("DELETE").send(self.driver.addr);
        }
    }
}

impl<'d> Browser<'d> {
    fn open(driver: &'d Driver, profile: &Path) -> Browser<'d> {
        let args = [
            "--headless=new".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-quic".to_owned(),
            "--no-first-run".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--lang=de-DE".to_owned(),
            "--window-size=360,740".to_owned(),
            format!("--user-data-dir={}", profile.display()),
        ];
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": args,
                "prefs": {"intl.accept_languages": "de-DE,de"}
            }
        }}});
        let value = driver.call("POST", "/session", Some(&capabilities));
        let session = value["sessionId"].as_str().expect("a session").to_owned();
        Browser { driver, session }
    }

    fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        let path = format!("/session/{}{path}", self.session);
        self.driver.call(method, &path, body)
    }

    fn go(&self, url: &str) {
        self.call("POST", "/url", Some(&json!({"url": url})));
    }

    fn script(&self, script: &str) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(&json!({"script": script, "args": []})),
        )
    }

    /// Waits until a script returns true (a safety net of 20 s, not a timing assertion).
    fn wait(&self, what: &str, script: &str) {
        let started = Instant::now();
        while self.script(script) != Value::Bool(true) {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "waited for {what}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Like `visible`, with what the page said before when it does not come.
    fn wait_or_say(&self, selector: &str, before: &Value) {
        let script =
            format!("const e = document.querySelector('{selector}'); return !!e && !e.hidden;");
        let started = Instant::now();
        while self.script(&script) != Value::Bool(true) {
            let now = self.script("return document.body.innerText;");
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "waited for {selector}; before: {before}; now: {now}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn visible(&self, selector: &str) {
        let script =
            format!("const e = document.querySelector('{selector}'); return !!e && !e.hidden;");
        self.wait(selector, &script);
    }

    /// The element a selector finds, once it is there and shown.
    fn element(&self, selector: &str) -> String {
        let script = format!(
            "const e = document.querySelector('{selector}'); return !!e && e.offsetParent !== null;"
        );
        self.wait(selector, &script);
        let found = self.call(
            "POST",
            "/element",
            Some(&json!({"using": "css selector", "value": selector})),
        );
        found[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {selector}: {found}"))
            .to_owned()
    }

    fn click(&self, selector: &str) {
        let element = self.element(selector);
        self.call(
            "POST",
            &format!("/element/{element}/click"),
            Some(&json!({})),
        );
    }

    fn type_into(&self, selector: &str, text: &str) {
        let element = self.element(selector);
        self.call(
            "POST",
            &format!("/element/{element}/value"),
            Some(&json!({"text": text})),
        );
    }
}

#[test]
fn phones_join_write_vote_rate_in_a_real_browser() {
    let dir = tempfile::tempdir().unwrap();
    let folder = crate::sessions::example_copy(dir.path());
    let before = storage::load(&folder).unwrap();
    let board = before
        .boards
        .iter()
        .find(|b| b.title == "Prinzipien von Offenheit")
        .unwrap();
    let mut served = Served::start(&folder, &["--allow", "cards", "--board", &board.title]);
    let driver = Driver::start();
    let browser = Browser::open(&driver, &dir.path().join("profile"));
    let origin = format!("http://{}", served.addr);

    // Scanning the code: the join address leads to the page, which asks for cards.
    browser.go(&format!("{origin}{}", served.join_path));
    browser.visible("#cards");
    let question = browser.script("return document.querySelector('#cards-question').textContent;");
    assert_eq!(question, board.question.as_str());
    assert_eq!(
        browser.script("return document.documentElement.lang;"),
        "de"
    );
    browser.type_into(
        "#card-text",
        "Sichere Radwege zur Schule – für Kinder & Ältere",
    );
    browser.type_into("#card-author", "Jürgen");
    browser.click("#card-send");
    browser.wait(
        "the card in the list of my cards",
        "return document.querySelectorAll('#my-cards li:not(.empty)').length === 1;",
    );
    served.wait_for("Sichere Radwege");

    served.say("dots");
    served.wait_for("Phones may now: dots");
    let state = browser.script("return document.body.innerText;");
    browser.wait_or_say("#dots", &state);
    browser.click("#targets .plus");
    browser.wait(
        "the dot counted as mine",
        "return !document.querySelector('#targets .minus').disabled;",
    );
    served.wait_for("Dot from phone");

    served.say("ratings");
    browser.visible("#ratings");
    // Every dimension of the example's round: 4, 5, 3, 4.
    for (dimension, value) in [4, 5, 3, 4].iter().enumerate() {
        let script = format!(
            "document.querySelector('input[name=dim-{dimension}][value=\"{value}\"]').click(); return true;"
        );
        browser.script(&script);
    }
    browser.type_into("#rating-comment", "Gut moderiert, danke!");
    browser.click("#rating-send");
    browser.visible("#ratings-done");
    served.wait_for("Rating from phone");

    // Everything the page loaded came from the laptop.
    let loaded = browser.script(
        "return [location.href].concat(performance.getEntriesByType('resource').map(e => e.name));",
    );
    let loaded: Vec<&str> = loaded
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(loaded.len() >= 2, "{loaded:?}");
    for url in &loaded {
        assert!(
            url.starts_with(&origin),
            "loaded from outside the laptop: {url}"
        );
    }

    served.say("quit");
    served.wait_for("Closed; 3 contributions saved.");
    assert!(served.child.wait().unwrap().success());
    let saved = storage::load(&folder).unwrap();
    let saved_board = saved.board(board.id).unwrap();
    let card = saved_board
        .cards
        .iter()
        .find(|c| c.text == "Sichere Radwege zur Schule – für Kinder & Ältere")
        .expect("the card typed on the phone, umlauts and all");
    assert_eq!(
        (card.author.as_str(), card.source),
        ("Jürgen", Origin::Phone)
    );
    assert_eq!(saved_board.num_votes(), board.num_votes() + 1);
    let entry = saved.reflection.entries.last().unwrap();
    assert_eq!(entry.source, Origin::Phone);
    assert_eq!(entry.comment, "Gut moderiert, danke!");
    let given: Vec<i32> = before
        .reflection
        .dimensions
        .iter()
        .map(|d| entry.ratings[&d.id])
        .collect();
    assert_eq!(given, [4, 5, 3, 4]);
}
