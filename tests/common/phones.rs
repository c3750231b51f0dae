//! A tiny blocking HTTP/1.1 client over `TcpStream` (full control of `Host`, `Origin` and
//! the body), and a server on loopback to test against.
#![allow(dead_code, clippy::unwrap_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use moderato::phones::{Arrival, Limits, PhoneServer, Room};
use serde_json::Value;

/// A safety net against a hung test, not a timing assertion.
const READ_TIMEOUT: Duration = Duration::from_secs(20);

/// A request to send.
pub struct Req {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Req {
    pub fn get(path: &str) -> Req {
        Req {
            method: "GET".into(),
            path: path.into(),
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    pub fn post(path: &str, body: impl Into<Vec<u8>>) -> Req {
        Req {
            method: "POST".into(),
            path: path.into(),
            headers: Vec::new(),
            body: body.into(),
        }
    }

    /// A POST of JSON, as the page sends it.
    pub fn json(path: &str, body: &Value) -> Req {
        Req::post(path, body.to_string()).header("Content-Type", "application/json")
    }

    /// Another method (`DELETE`).
    pub fn method(mut self, method: &str) -> Req {
        self.method = method.into();
        self
    }

    /// Adds a header, or replaces a default one (`Host`, `Content-Length`).
    pub fn header(mut self, name: &str, value: &str) -> Req {
        self.headers.push((name.into(), value.into()));
        self
    }

    fn has(&self, name: &str) -> bool {
        self.headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(name))
    }

    fn head(&self, addr: SocketAddr) -> String {
        let mut head = format!("{} {} HTTP/1.1\r\n", self.method, self.path);
        if !self.has("Host") {
            head.push_str(&format!("Host: {addr}\r\n"));
        }
        if !self.has("Content-Length") && !self.has("Transfer-Encoding") && self.method == "POST" {
            head.push_str(&format!("Content-Length: {}\r\n", self.body.len()));
        }
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("Connection: close\r\n\r\n");
        head
    }

    /// Sends it and reads the whole answer.
    pub fn send(&self, addr: SocketAddr) -> Reply {
        let mut stream = TcpStream::connect(addr).expect("connect");
        stream.set_read_timeout(Some(READ_TIMEOUT)).unwrap();
        stream.write_all(self.head(addr).as_bytes()).unwrap();
        // The server may answer (and close) before reading a refused body.
        let _ = stream.write_all(&self.body);
        // To the end of the answer: its Content-Length when it has one (a server may keep
        // the connection open despite `Connection: close`), else until it closes.
        let mut raw = Vec::new();
        let mut chunk = [0_u8; 16 * 1024];
        loop {
            match stream.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => raw.extend_from_slice(&chunk[..n]),
            }
            if is_complete(&raw) {
                break;
            }
        }
        Reply::parse(&raw)
    }

    /// Sends it and leaves the connection open to read a stream.
    pub fn open(&self, addr: SocketAddr) -> BufReader<TcpStream> {
        let mut stream = TcpStream::connect(addr).expect("connect");
        stream.set_read_timeout(Some(READ_TIMEOUT)).unwrap();
        stream.write_all(self.head(addr).as_bytes()).unwrap();
        stream.write_all(&self.body).unwrap();
        BufReader::new(stream)
    }
}

/// Whether `raw` holds a whole answer with a `Content-Length` header.
fn is_complete(raw: &[u8]) -> bool {
    let Some(split) = raw.windows(4).position(|w| w == b"\r\n\r\n") else {
        return false;
    };
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    head.lines()
        .find_map(|line| line.strip_prefix("content-length:"))
        .and_then(|length| length.trim().parse::<usize>().ok())
        .is_some_and(|length| raw.len() >= split + 4 + length)
}

/// An answer.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    fn parse(raw: &[u8]) -> Reply {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a complete answer");
        let head = String::from_utf8_lossy(&raw[..split]).to_string();
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .expect("a status line");
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        let mut body = raw[split + 4..].to_vec();
        if headers
            .iter()
            .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"))
        {
            body = dechunk(&body);
        }
        Reply {
            status,
            headers,
            body: String::from_utf8(body).expect("UTF-8 body"),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    /// The refusal's code, or "" for an answer without one.
    pub fn code(&self) -> String {
        self.json()["code"].as_str().unwrap_or_default().to_string()
    }
}

fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = body.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(std::str::from_utf8(&body[..end]).unwrap().trim(), 16)
            .unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&body[end + 2..end + 2 + size]);
        body = &body[end + 2 + size + 2..];
    }
    out
}

/// Reads an event stream until an event of this name; its data line. `None` at its end.
pub fn next_event(stream: &mut BufReader<TcpStream>, name: &str) -> Option<String> {
    let mut current = String::new();
    let mut line = String::new();
    loop {
        line.clear();
        match stream.read_line(&mut line) {
            Ok(0) | Err(_) => return None,
            Ok(_) => {}
        }
        let text = line.trim_end();
        if let Some(event) = text.strip_prefix("event: ") {
            current = event.to_string();
        } else if let Some(data) = text.strip_prefix("data: ")
            && current == name
        {
            return Some(data.to_string());
        }
    }
}

/// A server on loopback with its room and arrivals.
pub struct Harness {
    pub server: PhoneServer,
    pub room: Arc<Room>,
    pub arrivals: Receiver<Arrival>,
    pub addr: SocketAddr,
    pub wakes: Arc<AtomicUsize>,
}

impl Harness {
    pub fn start() -> Harness {
        Harness::with_limits(Limits::default())
    }

    pub fn with_limits(limits: Limits) -> Harness {
        let room = Room::with_limits(limits);
        let (sender, arrivals) = channel();
        let wakes = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&wakes);
        let wake: moderato::phones::Wake = Arc::new(move || {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        let server = PhoneServer::start(
            Ipv4Addr::LOCALHOST.into(),
            Some(0),
            Arc::clone(&room),
            sender,
            wake,
        )
        .expect("server starts");
        let addr = server.address();
        Harness {
            server,
            room,
            arrivals,
            addr,
            wakes,
        }
    }

    /// The join URL's path (`/j/<token>`).
    pub fn join_path(&self) -> String {
        let url = self.server.join_url();
        url[url.find("/j/").expect("a join path")..].to_string()
    }

    /// A phone that scanned the code.
    pub fn phone(&self) -> Phone {
        join(self.addr, &self.join_path())
    }

    /// The arrivals so far, taken off the channel.
    pub fn take(&self) -> Vec<Arrival> {
        self.arrivals.try_iter().collect()
    }
}

/// A phone that scans the code of a server at `addr` (`join_path` is `/j/<token>`).
pub fn join(addr: SocketAddr, join_path: &str) -> Phone {
    let reply = Req::get(join_path).send(addr);
    assert_eq!(reply.status, 200, "{}", reply.body);
    let cookie = reply
        .header("set-cookie")
        .and_then(|c| c.split(';').next())
        .expect("a cookie")
        .to_string();
    Phone { addr, cookie }
}

/// A phone that joined: sends its cookie and the page's `Origin`.
pub struct Phone {
    pub addr: SocketAddr,
    pub cookie: String,
}

impl Phone {
    pub fn get(&self, path: &str) -> Reply {
        Req::get(path)
            .header("Cookie", &self.cookie)
            .send(self.addr)
    }

    pub fn post(&self, path: &str, body: &Value) -> Reply {
        self.req(Req::json(path, body)).send(self.addr)
    }

    /// A request with this phone's cookie and origin.
    pub fn req(&self, req: Req) -> Req {
        req.header("Cookie", &self.cookie)
            .header("Origin", &format!("http://{}", self.addr))
    }

    pub fn state(&self) -> Value {
        let reply = self.get("/api/state");
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()
    }
}

/// A fresh id for a board, target or dimension.
pub fn id() -> uuid::Uuid {
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    uuid::Uuid::from_u128(0x5eed_0000_0000_0000_0000 + NEXT.fetch_add(1, Ordering::SeqCst) as u128)
}
