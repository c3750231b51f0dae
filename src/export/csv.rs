//! CSV tables (RFC 4180, UTF-8, comma-separated): action items; cards with positions,
//! clusters and votes; reflection entries. Headers and values are in the words a person
//! reads in the report's language ("in Arbeit", "bis zum nächsten Treffen").

use crate::board::layout;
use crate::i18n::{self, Lang, R};
use crate::session::Session;

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

fn header(keys: &[R], lang: Lang) -> Vec<String> {
    keys.iter().map(|k| k.get(lang).to_owned()).collect()
}

/// Action items: task, owner, due, status.
pub fn action_items_csv(session: &Session, lang: Lang) -> String {
    let mut out = row(&header(&[R::Task, R::Owner, R::Due, R::Status], lang));
    for a in &session.action_items {
        out.push_str(&row(&[
            a.title.clone(),
            a.owner.clone(),
            i18n::due_text(a.due, lang),
            i18n::status_text(a.status, lang).to_owned(),
        ]));
    }
    out
}

/// Cards: board, text, author, colour, position along the axes (percent), cluster, votes.
pub fn cards_csv(session: &Session, lang: Lang) -> String {
    let mut out = row(&header(
        &[
            R::CsvBoard,
            R::CsvCard,
            R::CsvAuthor,
            R::CsvColour,
            R::CsvAlong,
            R::CsvUp,
            R::CsvCluster,
            R::CsvDots,
        ],
        lang,
    ));
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
                i18n::colour_name(card.colour, lang).to_owned(),
                i18n::decimal(f64::from(x), 1, lang),
                i18n::decimal(f64::from(y), 1, lang),
                cluster,
                card.votes.to_string(),
            ]));
        }
    }
    out
}

/// Reflection entries: who (empty when anonymous), one column per dimension, comment.
pub fn reflection_csv(session: &Session, lang: Lang) -> String {
    let r = &session.reflection;
    let mut header = vec![R::CsvWho.get(lang).to_owned()];
    header.extend(r.dimensions.iter().map(|d| d.name.clone()));
    header.push(R::CsvComment.get(lang).to_owned());
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
