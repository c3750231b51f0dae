//! Phones in the room, the moderator's side: open, the QR code shown, a card from a phone in
//! the board's inbox, accepted as one undoable edit, closed again.

use super::*;
use crate::phones_client::join;
use moderato::origin::Origin;
use serde_json::json;

#[test]
fn phones_open_show_the_code_fill_the_inbox_and_close() {
    let (dir, folder) = sessions_with_example();
    let mut harness = start(dir.path(), Setup::on(folder));
    let board = harness.state().session().boards[0].clone();
    let cards_before = board.cards.len();

    harness.get_by_label("Phones").click();
    settle(&mut harness);
    // Loopback here; in a room the first network address is chosen in the same list.
    harness.state_mut().phones().address = Some(std::net::Ipv4Addr::LOCALHOST.into());
    harness.get_by_label("Open to phones").click();
    settle(&mut harness);
    assert!(harness.state_mut().phones().is_open());
    harness.get_by_role_and_label(egui::Role::Image, "QR code");
    let url = harness.state_mut().phones().join_url().unwrap();
    let short = harness.state_mut().phones().short_url().unwrap();
    harness.get_by_label(&short);

    harness.get_by_label("Write cards").click();
    settle(&mut harness);
    assert_eq!(
        harness.state_mut().phones().allow,
        moderato::phones::session::Allow::Cards
    );
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_once('/').unwrap();
    let addr: std::net::SocketAddr = host.parse().unwrap();
    let phone = join(addr, &format!("/{path}"));
    harness.step();
    let state = phone.state();
    assert_eq!(state["phase"]["kind"], "cards", "{state}");
    assert_eq!(state["phase"]["title"], board.title.as_str());
    let reply = phone.post(
        "/api/card",
        &json!({"board": board.id.uuid(), "text": "Mehr Sitzbänke am Fluss", "author": "Jürgen"}),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    harness.step();
    harness.run();
    assert_eq!(harness.state().phone_inbox().len(), 1);
    assert_eq!(
        harness.state().session().boards[0].cards.len(),
        cards_before,
        "nothing on the wall before the moderator accepts"
    );

    // The window aside (the server stays open), to see the board.
    harness.get_by_label_contains("Phones ●").click();
    settle(&mut harness);
    harness.get_by_label("Board").click();
    settle(&mut harness);
    harness.get_by_label("From phones (1)");
    harness.get_by_label("Accept").click();
    settle(&mut harness);
    let cards = &harness.state().session().boards[0].cards;
    assert_eq!(cards.len(), cards_before + 1);
    let card = cards.last().unwrap();
    assert_eq!(
        (card.text.as_str(), card.author.as_str(), card.source),
        ("Mehr Sitzbänke am Fluss", "Jürgen", Origin::Phone)
    );
    assert!(harness.state().phone_inbox().is_empty());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().session().boards[0].cards.len(),
        cards_before,
        "accepting is one undo step"
    );

    harness.get_by_label_contains("Phones ●").click();
    settle(&mut harness);
    harness.get_by_label("Close").click();
    settle(&mut harness);
    assert!(!harness.state_mut().phones().is_open());
    assert!(
        std::net::TcpStream::connect(addr).is_err(),
        "closed at once"
    );
}
