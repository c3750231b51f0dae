//! CSV tables that open correctly by double-click: action items; cards and clusters with
//! positions and dots; reflection entries. UTF-8 with a byte-order mark (so a spreadsheet
//! reads umlauts right), and the separator and decimal mark a spreadsheet in the report's
//! language expects: `;` and `23,5` for German, `,` and `23.5` for English. Headers and
//! values are in the words a person reads ("in Arbeit", "bis zum nächsten Treffen"); due
//! dates are dates a spreadsheet reads as dates, with the words for "no date" in a column
//! of their own. A consolidation's rows say which sources they came from.
//!
//! What a user typed is never a formula: a cell that would start with `=`, `+`, `-`, `@`, a
//! tab or a carriage return gets a leading apostrophe, as OWASP recommends against CSV
//! injection.

use crate::board::{Board, CardShape, layout};
use crate::i18n::{self, Lang, R};
use crate::results::Due;
use crate::session::Session;

/// The files of a CSV export, in the order action items, cards, reflection.
pub const CSV_FILES: [&str; 3] = ["action-items.csv", "cards.csv", "reflection.csv"];

/// The byte-order mark every file starts with.
const BOM: &str = "\u{feff}";

/// How a table is written for a language.
#[derive(Clone, Copy)]
struct Dialect {
    lang: Lang,
    separator: char,
}

impl Dialect {
    fn of(lang: Lang) -> Self {
        Self {
            lang,
            separator: match lang {
                Lang::De => ';',
                Lang::En => ',',
            },
        }
    }

    /// A cell of text a user typed: neutralised, quoted where needed.
    fn text(self, value: &str) -> String {
        let value = crate::text::for_document(value);
        let neutral = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{value}")
        } else {
            value.into_owned()
        };
        self.quoted(&neutral)
    }

    /// A cell Moderato wrote itself (a number, a date, a word of its own).
    fn own(self, value: &str) -> String {
        self.quoted(value)
    }

    fn quoted(self, value: &str) -> String {
        if value.contains([self.separator, '"', '\n', '\r']) {
            format!("\"{}\"", value.replace('"', "\"\""))
        } else {
            value.to_owned()
        }
    }

    fn decimal(self, value: f64) -> String {
        i18n::decimal(value, 1, self.lang)
    }

    fn row(self, cells: Vec<String>) -> String {
        let mut line = cells.join(&self.separator.to_string());
        line.push_str("\r\n");
        line
    }

    fn header(self, keys: &[R]) -> Vec<String> {
        keys.iter().map(|k| self.own(k.get(self.lang))).collect()
    }
}

/// The labels of the sources a row came from ("W1, W2"), for a consolidation.
fn sources(session: &Session, id: uuid::Uuid) -> Option<String> {
    session.provenance.as_ref().map(|p| p.labels_of(id))
}

/// Action items: task, owner, due date, due in words, status (and each source's status
/// where they differ), source.
pub fn action_items_csv(session: &Session, lang: Lang) -> String {
    let d = Dialect::of(lang);
    let is_consolidation = session.provenance.is_some();
    let mut header = d.header(&[R::Task, R::Owner, R::CsvDueDate, R::Due, R::Status]);
    if is_consolidation {
        header.extend(d.header(&[R::CsvStatusBySource, R::CsvSource]));
    }
    let mut out = String::from(BOM);
    out.push_str(&d.row(header));
    for a in &session.action_items {
        let (date, words) = match a.due {
            Due::On(date) => (i18n::date(date, lang), String::new()),
            other => (String::new(), i18n::due_text(other, lang)),
        };
        let mut cells = vec![
            d.text(&a.title),
            d.text(&a.owner),
            d.own(&date),
            d.own(&words),
            d.own(i18n::status_text(a.status, lang)),
        ];
        if is_consolidation {
            let by_source = i18n::status_with_sources(a, session, lang);
            let differs = by_source != i18n::status_text(a.status, lang);
            cells.push(d.own(if differs { &by_source } else { "" }));
            cells.push(d.own(&sources(session, a.id.uuid()).unwrap_or_default()));
        }
        out.push_str(&d.row(cells));
    }
    out
}

/// Cards and clusters: board, kind (card, heading card, cluster), text, author, colour,
/// position along the axes (percent), cluster, dots (a cluster's own dots on its row, so
/// the column adds up to the board's dots), source.
pub fn cards_csv(session: &Session, lang: Lang) -> String {
    let d = Dialect::of(lang);
    let mut keys = vec![
        R::CsvBoard,
        R::CsvKind,
        R::CsvCard,
        R::CsvAuthor,
        R::CsvColour,
        R::CsvAlong,
        R::CsvUp,
        R::CsvCluster,
        R::CsvDots,
    ];
    if session.provenance.is_some() {
        keys.push(R::CsvSource);
    }
    let mut out = String::from(BOM);
    out.push_str(&d.row(d.header(&keys)));
    for board in &session.boards {
        card_rows(&mut out, session, board, d);
    }
    out
}

fn card_rows(out: &mut String, session: &Session, board: &Board, d: Dialect) {
    let lang = d.lang;
    let cluster_of: std::collections::HashMap<_, _> = board
        .clusters
        .iter()
        .flat_map(|c| c.cards.iter().map(move |id| (*id, c.title.as_str())))
        .collect();
    for card in &board.cards {
        let (x, y) = layout::axis_values(card);
        let kind = match card.shape {
            CardShape::Heading => R::CsvHeadingCard,
            _ => R::CsvPlainCard,
        };
        let mut cells = vec![
            d.text(&board.title),
            d.own(kind.get(lang)),
            d.text(&card.text),
            d.text(&card.author),
            d.own(i18n::colour_name(card.colour, lang)),
            d.own(&d.decimal(f64::from(x))),
            d.own(&d.decimal(f64::from(y))),
            d.text(cluster_of.get(&card.id).copied().unwrap_or_default()),
            d.own(&card.votes.to_string()),
        ];
        if let Some(labels) = sources(session, card.id.uuid()) {
            cells.push(d.own(&labels));
        }
        out.push_str(&d.row(cells));
    }
    for cluster in &board.clusters {
        let mut cells = vec![
            d.text(&board.title),
            d.own(R::CsvClusterRow.get(lang)),
            d.text(&cluster.title),
            String::new(),
            d.own(i18n::colour_name(cluster.colour, lang)),
            String::new(),
            String::new(),
            d.text(&cluster.title),
            d.own(&cluster.votes.to_string()),
        ];
        if let Some(labels) = sources(session, cluster.id.uuid()) {
            cells.push(d.own(&labels));
        }
        out.push_str(&d.row(cells));
    }
}

/// Reflection entries: who (empty when anonymous), one column per dimension, comment,
/// source.
pub fn reflection_csv(session: &Session, lang: Lang) -> String {
    let d = Dialect::of(lang);
    let r = &session.reflection;
    let mut header = vec![d.own(R::CsvWho.get(lang))];
    header.extend(r.dimensions.iter().map(|dim| d.text(&dim.name)));
    header.push(d.own(R::CsvComment.get(lang)));
    if session.provenance.is_some() {
        header.push(d.own(R::CsvSource.get(lang)));
    }
    let mut out = String::from(BOM);
    out.push_str(&d.row(header));
    for entry in &r.entries {
        let mut cells = vec![if r.is_anonymous {
            String::new()
        } else {
            d.text(&entry.who)
        }];
        cells.extend(r.dimensions.iter().map(|dim| {
            entry
                .ratings
                .get(&dim.id)
                .map(|v| d.own(&v.to_string()))
                .unwrap_or_default()
        }));
        cells.push(d.text(&entry.comment));
        if let Some(labels) = sources(session, entry.id.uuid()) {
            cells.push(d.own(&labels));
        }
        out.push_str(&d.row(cells));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_formulas_stay_text() {
        let d = Dialect::of(Lang::De);
        assert_eq!(d.text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(d.text("+49 30"), "'+49 30");
        assert_eq!(d.text("-Punkt"), "'-Punkt");
        assert_eq!(d.text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(d.text("\tx"), "'\tx");
        assert_eq!(d.text("a;b"), "\"a;b\"");
        assert_eq!(d.own("-2"), "-2", "a rating Moderato wrote stays a number");
    }
}
