//! CSV tables (RFC 4180, UTF-8, comma-separated): action items; cards with positions,
//! clusters and votes; reflection entries.

use crate::board::layout;
use crate::model::{Due, Session};

/// The files of a CSV export, in the order action items, cards, reflection.
pub const CSV_FILES: [&str; 3] = ["action-items.csv", "cards.csv", "reflection.csv"];

fn field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

fn row(values: &[String]) -> String {
    let mut line = values
        .iter()
        .map(|v| field(v))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// Action items: title, owner, due, status.
pub fn action_items_csv(session: &Session) -> String {
    let mut out = row(&[
        "title".into(),
        "owner".into(),
        "due".into(),
        "status".into(),
    ]);
    for a in &session.action_items {
        let due = match a.due {
            Due::Open => String::new(),
            Due::On(date) => date.to_string(),
            Due::NextMeeting => "next meeting".into(),
        };
        out.push_str(&row(&[
            a.title.clone(),
            a.owner.clone(),
            due,
            format!("{:?}", a.status),
        ]));
    }
    out
}

/// Cards: board, text, author, colour, position along the axes (percent), cluster, votes.
pub fn cards_csv(session: &Session) -> String {
    let mut out = row(&[
        "board".into(),
        "text".into(),
        "author".into(),
        "colour".into(),
        "x_percent".into(),
        "y_percent".into(),
        "cluster".into(),
        "votes".into(),
    ]);
    for board in &session.boards {
        for card in &board.cards {
            let (x, y) = layout::axis_values(card);
            let cluster = board
                .cluster_of(card.id)
                .map(|c| c.title.clone())
                .unwrap_or_default();
            out.push_str(&row(&[
                board.title.clone(),
                card.text.clone(),
                card.author.clone(),
                format!("{:?}", card.colour),
                format!("{x:.1}"),
                format!("{y:.1}"),
                cluster,
                card.votes.to_string(),
            ]));
        }
    }
    out
}

/// Reflection entries: who (empty when anonymous), one column per dimension, comment.
pub fn reflection_csv(session: &Session) -> String {
    let r = &session.reflection;
    let mut header = vec!["who".to_owned()];
    header.extend(r.dimensions.iter().map(|d| d.name.clone()));
    header.push("comment".into());
    let mut out = row(&header);
    for entry in &r.entries {
        let mut values = vec![if r.is_anonymous {
            String::new()
        } else {
            entry.who.clone()
        }];
        values.extend(r.dimensions.iter().map(|d| {
            entry
                .ratings
                .get(&d.id)
                .map(ToString::to_string)
                .unwrap_or_default()
        }));
        values.push(entry.comment.clone());
        out.push_str(&row(&values));
    }
    out
}
