//! Who gets in: joining, cookies, rotation, the host and origin checks, the request checks,
//! the rate limit, starting and stopping.

use std::net::{Ipv4Addr, TcpStream};
use std::sync::Arc;
use std::sync::mpsc::channel;

use crate::common::{Harness, Req, id, next_event};
use moderato::phones::{Limits, Phase, PhoneServer, Room, StartError};
use serde_json::json;
use uuid::Uuid;

fn card_phase(board: Uuid) -> Phase {
    Phase::cards(board, "Verkehr", "Was brauchen wir?")
}

#[test]
fn joining_swaps_the_token_for_a_cookie() {
    let h = Harness::start();
    assert!(
        h.server
            .join_url()
            .starts_with(&format!("http://{}/j/", h.addr))
    );
    assert_eq!(h.server.short_url(), format!("http://{}", h.addr));
    let reply = Req::get(&h.join_path()).send(h.addr);
    assert_eq!(reply.status, 200);
    let cookie = reply.header("set-cookie").unwrap();
    assert!(cookie.starts_with("moderato_phone="), "{cookie}");
    for part in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(part), "{cookie}");
    }
    // 22 characters of base64: 128 bits, like the token.
    let value = cookie
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("moderato_phone=");
    assert_eq!(value.len(), 22);
    assert!(
        reply
            .body
            .contains("http-equiv=\"refresh\" content=\"0; url=/\"")
    );

    let phone = h.phone();
    let page = phone.get("/");
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("<script src=\"/app.js\" defer></script>")
    );
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.starts_with("default-src 'self'"), "{csp}");
    let state = phone.state();
    assert_eq!(state["phase"]["kind"], "waiting");
    assert_eq!(state["phone"], 2);
    assert_eq!(h.server.connected_phones(), 2);
}

#[test]
fn scanning_again_keeps_the_phone() {
    let h = Harness::start();
    let phone = h.phone();
    let again = Req::get(&h.join_path())
        .header("Cookie", &phone.cookie)
        .send(h.addr);
    assert_eq!(again.status, 200);
    assert!(
        again
            .header("set-cookie")
            .unwrap()
            .starts_with(&phone.cookie)
    );
    assert_eq!(h.server.connected_phones(), 1);
}

#[test]
fn without_token_or_cookie_it_is_403_in_the_phones_language() {
    let h = Harness::start();
    let page = Req::get("/")
        .header("Accept-Language", "de-DE,de;q=0.9")
        .send(h.addr);
    assert_eq!(page.status, 403);
    assert!(
        page.body.contains("Bitte den QR-Code noch einmal scannen"),
        "{}",
        page.body
    );
    assert!(page.body.contains("<html lang=\"de\">"));
    let page = Req::get("/")
        .header("Accept-Language", "en-GB")
        .send(h.addr);
    assert!(page.body.contains("Please scan the QR code again"));

    let api = Req::get("/api/state")
        .header("Accept-Language", "de")
        .send(h.addr);
    assert_eq!(api.status, 403);
    assert_eq!(api.code(), "not_joined");
    assert!(api.json()["error"].as_str().unwrap().contains("QR-Code"));

    let bad_token = Req::get("/j/AAAAAAAAAAAAAAAAAAAAAA").send(h.addr);
    assert_eq!(bad_token.status, 403);
    let garbage = Req::get("/j/%00%FF..").send(h.addr);
    assert_eq!(garbage.status, 403);
    let forged = Req::get("/api/state")
        .header("Cookie", "moderato_phone=AAAAAAAAAAAAAAAAAAAAAA")
        .send(h.addr);
    assert_eq!(forged.status, 403);
    let post = Req::json("/api/card", &json!({"board": Uuid::nil(), "text": "x"})).send(h.addr);
    assert_eq!(post.status, 403);
    assert_eq!(Req::get("/api/events").send(h.addr).status, 403);
    assert!(h.take().is_empty());
}

#[test]
fn the_page_files_are_public_and_load_nothing_from_outside() {
    let h = Harness::start();
    for (path, kind) in [
        ("/app.js", "text/javascript"),
        ("/style.css", "text/css"),
        ("/icon.svg", "image/svg+xml"),
    ] {
        let reply = Req::get(path).send(h.addr);
        assert_eq!(reply.status, 200, "{path}");
        assert!(reply.header("content-type").unwrap().starts_with(kind));
        assert!(!reply.body.contains("https://"), "{path}");
    }
    let missing = Req::get("/favicon.ico").send(h.addr);
    assert_eq!(missing.status, 404);
}

#[test]
fn rotating_the_token_locks_old_phones_out() {
    let h = Harness::start();
    let old_path = h.join_path();
    let phone = h.phone();
    let mut events = Req::get("/api/events")
        .header("Cookie", &phone.cookie)
        .open(h.addr);
    assert!(next_event(&mut events, "phase").is_some());
    assert_eq!(h.server.connected_phones(), 1);

    h.server.rotate_token();
    assert_eq!(next_event(&mut events, "gone").as_deref(), Some("{}"));
    assert_eq!(phone.get("/api/state").status, 403);
    assert_eq!(phone.get("/").status, 403);
    assert_eq!(Req::get(&old_path).send(h.addr).status, 403);
    assert_eq!(h.server.connected_phones(), 0);

    let new = h.phone();
    assert_ne!(new.cookie, phone.cookie);
    assert_eq!(new.state()["phone"], 2);
}

#[test]
fn events_follow_the_phase() {
    let h = Harness::start();
    let phone = h.phone();
    let mut events = Req::get("/api/events")
        .header("Cookie", &phone.cookie)
        .open(h.addr);
    assert_eq!(
        next_event(&mut events, "phase").as_deref(),
        Some("{\"generation\":0}")
    );
    h.room.set_phase(card_phase(id()));
    assert_eq!(
        next_event(&mut events, "phase").as_deref(),
        Some("{\"generation\":1}")
    );
    assert_eq!(phone.state()["phase"]["kind"], "cards");
}

#[test]
fn a_foreign_host_or_origin_is_refused() {
    let h = Harness::start();
    h.room.set_phase(card_phase(id()));
    let phone = h.phone();
    let evil_host = Req::get("/api/state")
        .header("Cookie", &phone.cookie)
        .header("Host", "evil.example:80")
        .send(h.addr);
    assert_eq!(evil_host.status, 403);
    assert_eq!(evil_host.code(), "wrong_host");
    let rebinding = Req::get("/").header("Host", "localhost").send(h.addr);
    assert_eq!(rebinding.status, 403);
    let join = Req::get(&h.join_path())
        .header("Host", "attacker.test")
        .send(h.addr);
    assert_eq!(join.status, 403);
    assert!(join.header("set-cookie").is_none());

    let body = json!({"board": Uuid::nil(), "text": "x"});
    for origin in [
        "http://evil.example",
        "null",
        &format!("https://{}", h.addr),
    ] {
        let reply = Req::json("/api/card", &body)
            .header("Cookie", &phone.cookie)
            .header("Origin", origin)
            .send(h.addr);
        assert_eq!(reply.status, 403, "{origin}");
        assert_eq!(reply.code(), "foreign_origin");
    }
    let cross = phone
        .req(Req::json("/api/card", &body))
        .header("Sec-Fetch-Site", "cross-site")
        .send(h.addr);
    assert_eq!(cross.status, 403);
    assert!(h.take().is_empty());
    // A link from another site may still open the page.
    let link = Req::get("/")
        .header("Cookie", &phone.cookie)
        .header("Sec-Fetch-Site", "cross-site")
        .send(h.addr);
    assert_eq!(link.status, 200);
}

#[test]
fn posts_must_be_small_json() {
    let h = Harness::start();
    let board = id();
    h.room.set_phase(card_phase(board));
    let phone = h.phone();
    let body = json!({"board": board, "text": "Radwege"}).to_string();
    for content_type in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
    ] {
        let mut req = Req::post("/api/card", body.clone());
        if let Some(t) = content_type {
            req = req.header("Content-Type", t);
        }
        let reply = phone.req(req).send(h.addr);
        assert_eq!(reply.status, 415, "{content_type:?}");
        assert_eq!(reply.code(), "wrong_content_type");
    }
    let big = json!({"board": board, "text": "x".repeat(40_000)});
    let reply = phone.post("/api/card", &big);
    assert_eq!(reply.status, 413);
    assert_eq!(reply.code(), "too_large");
    // A body larger than it says, sent in chunks.
    let chunked = phone
        .req(Req::post(
            "/api/card",
            format!("9c40\r\n{}\r\n0\r\n\r\n", "x".repeat(40_000)),
        ))
        .header("Content-Type", "application/json")
        .header("Transfer-Encoding", "chunked")
        .send(h.addr);
    assert_eq!(chunked.status, 413);

    for malformed in [
        "{",
        "[]",
        "null",
        "{\"board\": 1, \"text\": \"x\"}",
        "{\"text\": \"no board\"}",
        "{\"board\": \"not-a-uuid\", \"text\": \"x\"}",
    ] {
        let reply = phone
            .req(Req::post("/api/card", malformed).header("Content-Type", "application/json"))
            .send(h.addr);
        assert_eq!(reply.status, 400, "{malformed}");
        assert_eq!(reply.code(), "malformed");
    }
    let not_utf8 = phone
        .req(Req::post("/api/card", vec![b'{', 0xff, 0xfe, b'}']))
        .header("Content-Type", "application/json; charset=utf-8")
        .send(h.addr);
    assert_eq!(not_utf8.status, 400);
    let long_nonce = json!({"board": board, "text": "x", "nonce": "n".repeat(65)});
    assert_eq!(phone.post("/api/card", &long_nonce).status, 400);
    assert!(h.take().is_empty());
    assert_eq!(
        phone
            .post("/api/card", &json!({"board": board, "text": "ok"}))
            .status,
        200
    );
    assert_eq!(h.take().len(), 1);
}

#[test]
fn a_phone_sending_too_fast_is_slowed_down() {
    let h = Harness::with_limits(Limits {
        rate_burst: 5,
        rate_per_second: 0.0,
        ..Limits::default()
    });
    let phone = h.phone();
    let other = h.phone();
    for _ in 0..5 {
        assert_eq!(phone.get("/api/state").status, 200);
    }
    let reply = Req::get("/api/state")
        .header("Cookie", &phone.cookie)
        .header("Accept-Language", "de")
        .send(h.addr);
    assert_eq!(reply.status, 429);
    assert_eq!(reply.code(), "too_fast");
    assert!(reply.json()["error"].as_str().unwrap().contains("Moment"));
    assert_eq!(phone.post("/api/card", &json!({})).status, 429);
    // Another phone has its own budget.
    assert_eq!(other.get("/api/state").status, 200);
}

#[test]
fn a_full_room_refuses_more_phones() {
    let h = Harness::with_limits(Limits {
        max_devices: 2,
        ..Limits::default()
    });
    let _a = h.phone();
    let _b = h.phone();
    let reply = Req::get(&h.join_path()).send(h.addr);
    assert_eq!(reply.status, 503);
}

#[test]
fn errors_follow_the_language_switch() {
    let h = Harness::start();
    let phone = h.phone();
    let reply = phone
        .req(Req::json(
            "/api/card",
            &json!({"board": Uuid::nil(), "text": "x"}),
        ))
        .header("Accept-Language", "en")
        .send(h.addr);
    assert_eq!(reply.code(), "wrong_phase");
    assert!(
        reply.json()["error"]
            .as_str()
            .unwrap()
            .contains("moderator")
    );
    let cookies = format!("{}; lang=de", phone.cookie);
    let reply = Req::json("/api/card", &json!({"board": Uuid::nil(), "text": "x"}))
        .header("Cookie", &cookies)
        .header("Accept-Language", "en")
        .send(h.addr);
    assert!(
        reply.json()["error"]
            .as_str()
            .unwrap()
            .contains("Moderation")
    );
    let page = Req::get("/").header("Cookie", &cookies).send(h.addr);
    assert!(page.body.contains("<html lang=\"de\">"));
}

#[test]
fn stop_closes_the_socket_and_open_streams_at_once() {
    let mut h = Harness::start();
    let phone = h.phone();
    let mut events = Req::get("/api/events")
        .header("Cookie", &phone.cookie)
        .open(h.addr);
    assert!(next_event(&mut events, "phase").is_some());
    assert!(h.server.is_running());
    h.server.stop();
    assert!(!h.server.is_running());
    assert_eq!(next_event(&mut events, "phase"), None);
    assert!(TcpStream::connect(h.addr).is_err());
    assert_eq!(
        h.room.connected_phones(),
        1,
        "seen recently, though no stream is open"
    );
    h.server.stop();

    // Opening again on the same port: the same room, the phone still in.
    let (sender, _arrivals) = channel();
    let again = PhoneServer::start(
        h.addr.ip(),
        Some(h.addr.port()),
        Arc::clone(&h.room),
        sender,
        Arc::new(|| {}),
    )
    .expect("the port is free again");
    assert_eq!(phone.get("/api/state").status, 200);
    drop(again);
    assert!(TcpStream::connect(h.addr).is_err());
}

#[test]
fn start_errors_are_typed() {
    let h = Harness::start();
    let (sender, _arrivals) = channel();
    let wake: moderato::phones::Wake = Arc::new(|| {});
    let start = |ip: std::net::IpAddr, port| {
        PhoneServer::start(ip, port, Room::new(), sender.clone(), Arc::clone(&wake))
    };
    assert!(matches!(
        start(h.addr.ip(), Some(h.addr.port())),
        Err(StartError::PortInUse { port }) if port == h.addr.port()
    ));
    assert!(matches!(
        start(Ipv4Addr::UNSPECIFIED.into(), None),
        Err(StartError::Unspecified)
    ));
    // TEST-NET-1: never an address of this machine (binding sends nothing).
    let gone: std::net::IpAddr = "192.0.2.1".parse().unwrap();
    assert!(matches!(
        start(gone, Some(0)),
        Err(StartError::AddressNotAvailable { addr }) if addr == gone
    ));
    let any = start(Ipv4Addr::LOCALHOST.into(), None).expect("a free port");
    assert_ne!(any.address().port(), 0);
}

fn read_to_end(mut stream: TcpStream) -> std::io::Result<usize> {
    use std::io::Read;
    // Long: a connection that is not closed fails the test with WouldBlock.
    stream.set_read_timeout(Some(std::time::Duration::from_secs(20)))?;
    let mut rest = Vec::new();
    stream.read_to_end(&mut rest).map(|_| rest.len())
}

#[test]
fn connections_are_limited_per_address() {
    let h = Harness::with_limits(Limits {
        max_connections_per_address: 2,
        ..Limits::default()
    });
    let _first = TcpStream::connect(h.addr).unwrap();
    let _second = TcpStream::connect(h.addr).unwrap();
    // Both are accepted before the third: it is closed without an answer.
    let third = TcpStream::connect(h.addr).unwrap();
    assert_eq!(read_to_end(third).unwrap(), 0);
}

#[test]
fn idle_connections_are_closed() {
    let h = Harness::with_limits(Limits {
        max_connections_per_address: 1,
        idle_timeout: std::time::Duration::from_millis(300),
        ..Limits::default()
    });
    let silent = TcpStream::connect(h.addr).unwrap();
    assert_eq!(read_to_end(silent).unwrap(), 0);
    // Then there is room again.
    assert_eq!(Req::get("/style.css").send(h.addr).status, 200);
}
