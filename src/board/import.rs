//! Cards from a file: one card per line of a text file, or a CSV/TSV table with a header
//! naming the columns `text` and optionally `author`, `colour` and `topic`. Every line is
//! checked before anything changes; a file with a bad row is refused whole, naming each bad
//! line. No GUI code, no disk access here: the caller reads the file and saves the session.

use std::collections::BTreeSet;

use super::edit::BoardEdit;
use super::layout;
use super::{Board, Card, CardColour, CardShape};
use crate::ids::{BoardId, CardId, ClusterId};
use crate::session::limits::{CARD_TEXT, MAX_ELEMENTS, SHORT_TEXT};
use crate::text::normalise;

/// A card as read from the file.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedCard {
    pub text: String,
    pub author: String,
    pub colour: CardColour,
    /// Cards with the same topic are gathered into a cluster titled with it.
    pub topic: String,
}

/// What is wrong with a line (numbered from 1, as an editor shows it).
#[derive(Clone, Debug, PartialEq)]
pub struct ImportProblem {
    pub line: usize,
    pub kind: ImportProblemKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ImportProblemKind {
    /// The header has no `text` column.
    NoTextColumn,
    /// A header column this import does not know.
    UnknownColumn(String),
    /// The row has a different number of fields than the header.
    Columns { expected: usize, found: usize },
    /// A quoted field is not closed on its line.
    OpenQuote,
    /// The card's text is empty.
    EmptyText,
    /// The card's text is longer than a card holds.
    TooLong { chars: usize, limit: usize },
    /// A colour that is not one of the card colours.
    UnknownColour(String),
    /// More cards than a board holds.
    TooMany { limit: usize },
    /// Nothing to import.
    NoCards,
}

#[derive(Clone, Copy, PartialEq)]
enum Column {
    Text,
    Author,
    Colour,
    Topic,
}

/// Reads the cards of a file's text. A first line naming a `text` column (separated by tabs,
/// semicolons or commas) makes the file a table; otherwise every non-empty line is a card.
pub fn parse(contents: &str) -> Result<Vec<ImportedCard>, Vec<ImportProblem>> {
    let contents = contents.strip_prefix('\u{feff}').unwrap_or(contents);
    let lines: Vec<&str> = contents.lines().collect();
    let header = lines.first().copied().unwrap_or("");
    let separator = ['\t', ';', ','].into_iter().find(|s| {
        split(header, *s)
            .ok()
            .is_some_and(|fields| fields.iter().any(|f| is_text_column(f)))
    });
    let mut problems = Vec::new();
    let mut cards = Vec::new();
    match separator {
        None => {
            for (i, line) in lines.iter().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                match card_text(line, i + 1) {
                    Ok(text) => cards.push(ImportedCard {
                        text,
                        author: String::new(),
                        colour: CardColour::default(),
                        topic: String::new(),
                    }),
                    Err(p) => problems.push(p),
                }
            }
        }
        Some(separator) => {
            let names = split(header, separator).unwrap_or_default();
            let mut columns = Vec::new();
            for name in &names {
                match column(name) {
                    Some(c) => columns.push(c),
                    None => problems.push(ImportProblem {
                        line: 1,
                        kind: ImportProblemKind::UnknownColumn(name.trim().to_owned()),
                    }),
                }
            }
            for (i, line) in lines.iter().enumerate().skip(1) {
                let number = i + 1;
                if line.trim().is_empty() {
                    continue;
                }
                let fields = match split(line, separator) {
                    Ok(fields) => fields,
                    Err(kind) => {
                        problems.push(ImportProblem { line: number, kind });
                        continue;
                    }
                };
                if fields.len() != names.len() {
                    problems.push(ImportProblem {
                        line: number,
                        kind: ImportProblemKind::Columns {
                            expected: names.len(),
                            found: fields.len(),
                        },
                    });
                    continue;
                }
                let mut card = ImportedCard {
                    text: String::new(),
                    author: String::new(),
                    colour: CardColour::default(),
                    topic: String::new(),
                };
                let mut ok = true;
                for (column, field) in columns.iter().zip(&fields) {
                    let field = field.trim();
                    match column {
                        Column::Text => match card_text(field, number) {
                            Ok(text) => card.text = text,
                            Err(p) => {
                                problems.push(p);
                                ok = false;
                            }
                        },
                        Column::Author => card.author = short(field),
                        Column::Topic => card.topic = short(field),
                        Column::Colour if field.is_empty() => {}
                        Column::Colour => match colour(field) {
                            Some(c) => card.colour = c,
                            None => {
                                problems.push(ImportProblem {
                                    line: number,
                                    kind: ImportProblemKind::UnknownColour(field.to_owned()),
                                });
                                ok = false;
                            }
                        },
                    }
                }
                if ok {
                    cards.push(card);
                }
            }
        }
    }
    if cards.len() > MAX_ELEMENTS {
        problems.push(ImportProblem {
            line: lines.len(),
            kind: ImportProblemKind::TooMany {
                limit: MAX_ELEMENTS,
            },
        });
    }
    if problems.is_empty() && cards.is_empty() {
        problems.push(ImportProblem {
            line: 1,
            kind: ImportProblemKind::NoCards,
        });
    }
    if problems.is_empty() {
        Ok(cards)
    } else {
        Err(problems)
    }
}

fn is_text_column(name: &str) -> bool {
    column(name) == Some(Column::Text)
}

fn column(name: &str) -> Option<Column> {
    match name.trim().to_lowercase().as_str() {
        "text" | "karte" | "kartentext" => Some(Column::Text),
        "author" | "autor" | "autorin" | "von" => Some(Column::Author),
        "colour" | "color" | "farbe" => Some(Column::Colour),
        "topic" | "thema" | "cluster" => Some(Column::Topic),
        _ => None,
    }
}

/// A colour by its English or German name, or as the app stores it.
pub fn colour(name: &str) -> Option<CardColour> {
    Some(match name.trim().to_lowercase().as_str() {
        "white" | "weiß" | "weiss" => CardColour::White,
        "yellow" | "gelb" => CardColour::Yellow,
        "orange" => CardColour::Orange,
        "pink" | "rosa" => CardColour::Pink,
        "green" | "grün" | "gruen" => CardColour::Green,
        "blue" | "blau" => CardColour::Blue,
        _ => return None,
    })
}

fn card_text(field: &str, line: usize) -> Result<String, ImportProblem> {
    let text = field.trim();
    let chars = text.chars().count();
    if text.is_empty() {
        Err(ImportProblem {
            line,
            kind: ImportProblemKind::EmptyText,
        })
    } else if chars > CARD_TEXT {
        Err(ImportProblem {
            line,
            kind: ImportProblemKind::TooLong {
                chars,
                limit: CARD_TEXT,
            },
        })
    } else {
        Ok(text.to_owned())
    }
}

fn short(field: &str) -> String {
    field.chars().take(SHORT_TEXT).collect()
}

/// The fields of one line; a field in double quotes may hold the separator, and `""` inside
/// quotes is one quote (as spreadsheets write CSV).
fn split(line: &str, separator: char) -> Result<Vec<String>, ImportProblemKind> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
        } else if c == separator {
            fields.push(std::mem::take(&mut field));
            at_start = true;
            continue;
        } else if c == '"' && at_start && field.trim().is_empty() {
            field.clear();
            quoted = true;
        } else {
            field.push(c);
        }
        at_start = false;
    }
    if quoted {
        return Err(ImportProblemKind::OpenQuote);
    }
    fields.push(field);
    Ok(fields)
}

/// The edits that put the cards on the board titled `title` (created when the session has no
/// board of that title): each card in free space on the wall (found for all cards at once),
/// and the cards of each topic in the board's cluster of that title, or gathered into a new
/// one. Apply them in order.
pub fn edits(boards: &[Board], title: &str, cards: &[ImportedCard]) -> (BoardId, Vec<BoardEdit>) {
    let mut edits = Vec::new();
    let existing = boards.iter().find(|b| b.title.trim() == title.trim());
    let board = match existing {
        Some(board) => board.clone(),
        None => {
            let board = Board {
                id: BoardId::generate(),
                title: title.trim().to_owned(),
                ..Board::default()
            };
            edits.push(BoardEdit::AddBoard(board.clone()));
            board
        }
    };
    let new: Vec<Card> = cards
        .iter()
        .map(|card| Card {
            id: CardId::generate(),
            text: card.text.trim().to_owned(),
            author: card.author.trim().to_owned(),
            colour: card.colour,
            shape: CardShape::Card,
            ..Card::default()
        })
        .collect();
    let sizes: Vec<(f32, f32)> = new.iter().map(layout::card_size).collect();
    let spots = super::spots::free_spots(&board, None, &sizes);
    let mut topics: Vec<(String, BTreeSet<CardId>)> = Vec::new();
    for ((mut card, (x, y)), imported) in new.into_iter().zip(spots).zip(cards) {
        (card.x, card.y) = (x, y);
        if !imported.topic.is_empty() {
            match topics.iter_mut().find(|(t, _)| *t == imported.topic) {
                Some((_, ids)) => {
                    ids.insert(card.id);
                }
                None => topics.push((imported.topic.clone(), BTreeSet::from([card.id]))),
            }
        }
        edits.push(BoardEdit::AddCard(board.id, card));
    }
    for (topic, ids) in topics {
        let known = board
            .clusters
            .iter()
            .find(|c| normalise(&c.title) == normalise(&topic));
        edits.push(match known {
            Some(cluster) => BoardEdit::JoinCluster {
                board: board.id,
                cluster: cluster.id,
                cards: ids,
            },
            None => BoardEdit::Group {
                board: board.id,
                cluster: ClusterId::generate(),
                cards: ids,
                fallback_title: topic,
            },
        });
    }
    (board.id, edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_lines_are_cards() {
        let cards = parse("Offene Daten\n\n  Bürgerhaushalt  \n").expect("parses");
        let texts: Vec<&str> = cards.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["Offene Daten", "Bürgerhaushalt"]);
    }

    #[test]
    fn tables_with_quotes_colours_and_topics() {
        let csv = "\u{feff}Text;Autor;Farbe;Thema\n\"Daten; offen\";Kiel;grün;Transparenz\n\"Sagt \"\"ja\"\"\";;;\n";
        let cards = parse(csv).expect("parses");
        assert_eq!(cards[0].text, "Daten; offen");
        assert_eq!(cards[0].author, "Kiel");
        assert_eq!(cards[0].colour, CardColour::Green);
        assert_eq!(cards[0].topic, "Transparenz");
        assert_eq!(cards[1].text, "Sagt \"ja\"");
        let tsv = parse("topic\ttext\nbeteiligung\tBürgerräte\n").expect("parses");
        assert_eq!(tsv[0].text, "Bürgerräte");
        assert_eq!(tsv[0].topic, "beteiligung");
    }

    #[test]
    fn every_bad_row_is_named_by_its_line() {
        let csv = "text,colour\nfine,blue\n,blue\nok,purple\n\"open,blue\na,b,c\n";
        let problems = parse(csv).expect_err("refused");
        let lines: Vec<(usize, &ImportProblemKind)> =
            problems.iter().map(|p| (p.line, &p.kind)).collect();
        assert_eq!(
            lines,
            [
                (3, &ImportProblemKind::EmptyText),
                (4, &ImportProblemKind::UnknownColour("purple".into())),
                (5, &ImportProblemKind::OpenQuote),
                (
                    6,
                    &ImportProblemKind::Columns {
                        expected: 2,
                        found: 3
                    }
                ),
            ]
        );
        assert_eq!(
            parse("").expect_err("empty")[0].kind,
            ImportProblemKind::NoCards
        );
        let long = "x".repeat(CARD_TEXT + 1);
        assert!(matches!(
            parse(&long).expect_err("too long")[0].kind,
            ImportProblemKind::TooLong { .. }
        ));
    }

    #[test]
    fn imported_cards_land_in_free_space_and_topics_become_clusters() {
        let cards = parse("text\ttopic\nA\tx\nB\tx\nC\t\n").expect("parses");
        let mut session = crate::session::Session::create("Test");
        let (board, edits) = edits(&session.boards, "Ideen", &cards);
        for edit in edits {
            assert!(edit.apply(&mut session), "every edit applies");
        }
        let board = session.board(board).expect("the board was created");
        assert_eq!(board.title, "Ideen");
        assert_eq!(board.cards.len(), 3);
        assert_eq!(board.clusters.len(), 1);
        assert_eq!(board.clusters[0].title, "x");
        assert_eq!(board.clusters[0].cards.len(), 2);
        for (i, a) in board.cards.iter().enumerate() {
            for b in &board.cards[i + 1..] {
                assert!(
                    (a.x - b.x).abs() > 0.01 || (a.y - b.y).abs() > 0.01,
                    "cards do not share a place"
                );
            }
        }
    }
}
