//! Two sessions compared row by row: agenda items matched by title (held against held),
//! clusters matched by title with their dots, every card (added, removed, moved to another
//! cluster or place on the axes, its text or dots changed), reflection means per dimension,
//! action items (new, done, still open) and the next meeting. Each row says how the two
//! differ. No GUI code: the Review's compare window shows the rows.

use jiff::Timestamp;

use crate::results::ActionStatus;
use crate::session::Session;
use crate::text::normalise;

/// Which part of the sessions a row compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Agenda,
    Clusters,
    Cards,
    Reflection,
    ActionItems,
    NextMeeting,
}

/// One side of a row.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Not in this session.
    Missing,
    /// An agenda item: planned minutes, held minutes once done, and what came out of it.
    Held {
        planned: u32,
        held: Option<i64>,
        outcome: String,
    },
    Dots(u64),
    /// A dimension's mean, and how many rated it.
    Mean(Option<f64>, usize),
    Status(ActionStatus),
    Text(String),
    /// A card: its text, the cluster it hangs in (`None`: in none) and its dots.
    Card {
        text: String,
        cluster: Option<String>,
        dots: u32,
    },
}

/// How the two sides of a row differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Difference {
    /// Only in the second session.
    Added,
    /// Only in the first session.
    Removed,
    /// The value differs (time held, dots, mean, status, date).
    Value,
    /// A card hangs in another cluster.
    Moved,
    /// A card sits elsewhere on a positioning board's axes: its answer changed.
    Placed,
    /// A card's text was changed.
    Text,
    /// A card has other dots.
    Dots,
    /// An agenda item's outcome reads differently.
    Outcome,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub part: Part,
    /// The title as the first session has it (else the second).
    pub what: String,
    /// For cards: the board they are on (as the first session names it).
    pub board: String,
    pub left: Value,
    pub right: Value,
    /// Empty where the two sides agree.
    pub how: Vec<Difference>,
}

impl Row {
    pub fn differs(&self) -> bool {
        !self.how.is_empty()
    }
}

/// `Added` or `Removed` where one side is missing, else `Value` if `differs`.
fn difference(left: &Value, right: &Value, differs: bool) -> Vec<Difference> {
    match (left, right) {
        (Value::Missing, Value::Missing) => Vec::new(),
        (Value::Missing, _) => vec![Difference::Added],
        (_, Value::Missing) => vec![Difference::Removed],
        _ if differs => vec![Difference::Value],
        _ => Vec::new(),
    }
}

/// A title as rows match it: normalised, or trimmed and lower-cased where normalising
/// leaves nothing (a title of only digits or signs).
fn key(title: &str) -> String {
    let n = normalise(title);
    if n.is_empty() {
        title.trim().to_lowercase()
    } else {
        n
    }
}

/// Rows of one part: values by normalised title, the first session's order first.
fn matched(
    part: Part,
    left: Vec<(String, Value)>,
    right: Vec<(String, Value)>,
    differs: impl Fn(&Value, &Value) -> bool,
) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let mut right: Vec<Option<(String, Value)>> = right.into_iter().map(Some).collect();
    for (title, value) in left {
        let k = key(&title);
        let other = right
            .iter_mut()
            .find(|r| r.as_ref().is_some_and(|(t, _)| key(t) == k))
            .and_then(Option::take)
            .map_or(Value::Missing, |(_, v)| v);
        let how = difference(&value, &other, differs(&value, &other));
        rows.push(Row {
            part,
            what: title,
            board: String::new(),
            left: value,
            right: other,
            how,
        });
    }
    for (title, value) in right.into_iter().flatten() {
        rows.push(Row {
            part,
            what: title,
            board: String::new(),
            left: Value::Missing,
            how: vec![Difference::Added],
            right: value,
        });
    }
    rows
}

/// A positioning board's card counts as placed elsewhere once its centre moved this far (a
/// fraction of the board's width or height), more than a nudge while reading it.
const PLACED_ELSEWHERE: f32 = 0.02;

/// The first element not `used` yet that is the same (by id), else the first that reads the
/// same; it is marked used.
fn take_match<E>(
    elements: &[E],
    used: &mut [bool],
    same: impl Fn(&E) -> bool,
    reads_same: impl Fn(&E) -> bool,
) -> Option<usize> {
    let free = |i: &usize| !used[*i];
    let i = (0..elements.len())
        .filter(free)
        .find(|&i| same(&elements[i]))
        .or_else(|| {
            (0..elements.len())
                .filter(free)
                .find(|&i| reads_same(&elements[i]))
        })?;
    used[i] = true;
    Some(i)
}

/// One row per card of `a`'s and `b`'s boards. Boards are matched by id (an edited copy), else
/// by title; cards by id, else by their text on the matched board.
fn card_rows(a: &Session, b: &Session) -> Vec<Row> {
    use crate::board::{Board, Card};
    let value = |board: &Board, card: &Card| Value::Card {
        text: card.text.clone(),
        cluster: board
            .clusters
            .iter()
            .find(|c| c.cards.contains(&card.id))
            .map(|c| c.title.clone()),
        dots: card.votes,
    };
    let mut rows = Vec::new();
    let mut used_boards = vec![false; b.boards.len()];
    for left in &a.boards {
        let right = take_match(
            &b.boards,
            &mut used_boards,
            |r| r.id == left.id,
            |r| key(&r.title) == key(&left.title),
        )
        .map(|i| &b.boards[i]);
        let mut used_cards = vec![false; right.map_or(0, |r| r.cards.len())];
        for card in &left.cards {
            let other = right.and_then(|r| {
                let i = take_match(
                    &r.cards,
                    &mut used_cards,
                    |c| c.id == card.id,
                    |c| !card.text.trim().is_empty() && key(&c.text) == key(&card.text),
                )?;
                Some((r, &r.cards[i]))
            });
            let l = value(left, card);
            let (r, how) = match other {
                None => (Value::Missing, vec![Difference::Removed]),
                Some((rb, rc)) => {
                    let r = value(rb, rc);
                    let mut how = Vec::new();
                    if let (
                        Value::Card {
                            text: lt,
                            cluster: lc,
                            dots: ld,
                        },
                        Value::Card {
                            text: rt,
                            cluster: rcl,
                            dots: rd,
                        },
                    ) = (&l, &r)
                    {
                        if lt.trim() != rt.trim() {
                            how.push(Difference::Text);
                        }
                        if lc.as_deref().map(key) != rcl.as_deref().map(key) {
                            how.push(Difference::Moved);
                        }
                        if left.axes.is_some()
                            && rb.axes.is_some()
                            && ((card.x - rc.x).abs() > PLACED_ELSEWHERE
                                || (card.y - rc.y).abs() > PLACED_ELSEWHERE)
                        {
                            how.push(Difference::Placed);
                        }
                        if ld != rd {
                            how.push(Difference::Dots);
                        }
                    }
                    (r, how)
                }
            };
            rows.push(Row {
                part: Part::Cards,
                what: card.text.clone(),
                board: left.title.clone(),
                left: l,
                right: r,
                how,
            });
        }
        if let Some(right) = right {
            for (card, _) in right.cards.iter().zip(&used_cards).filter(|(_, u)| !**u) {
                rows.push(Row {
                    part: Part::Cards,
                    what: card.text.clone(),
                    board: left.title.clone(),
                    left: Value::Missing,
                    right: value(right, card),
                    how: vec![Difference::Added],
                });
            }
        }
    }
    for (right, _) in b.boards.iter().zip(&used_boards).filter(|(_, u)| !**u) {
        for card in &right.cards {
            rows.push(Row {
                part: Part::Cards,
                what: card.text.clone(),
                board: right.title.clone(),
                left: Value::Missing,
                right: value(right, card),
                how: vec![Difference::Added],
            });
        }
    }
    rows
}

/// Every row of the comparison of `a` (left) with `b` (right).
pub fn compare(a: &Session, b: &Session, now: Timestamp) -> Vec<Row> {
    let agenda = |s: &Session| -> Vec<(String, Value)> {
        s.agenda
            .items()
            .map(|item| {
                let held = crate::agenda::figures::held(item, now).map(|h| h.minutes);
                (
                    item.title.clone(),
                    Value::Held {
                        planned: item.planned_minutes,
                        held,
                        outcome: item.outcome.trim().to_owned(),
                    },
                )
            })
            .collect()
    };
    let clusters = |s: &Session| -> Vec<(String, Value)> {
        s.boards
            .iter()
            .flat_map(|board| {
                board.clusters.iter().map(move |cluster| {
                    (
                        cluster.title.clone(),
                        Value::Dots(board.cluster_votes(cluster)),
                    )
                })
            })
            .collect()
    };
    let reflection = |s: &Session| -> Vec<(String, Value)> {
        crate::reflection::figures::figures(s)
            .pooled
            .into_iter()
            .map(|d| (d.name, Value::Mean(d.mean, d.count)))
            .collect()
    };
    let actions = |s: &Session| -> Vec<(String, Value)> {
        s.action_items
            .iter()
            .map(|a| (a.title.clone(), Value::Status(a.status)))
            .collect()
    };
    let next = |s: &Session| -> Value {
        match &s.next_meeting {
            Some(n) if !n.dates.is_empty() || !n.place.trim().is_empty() => {
                let dates: Vec<String> = n.dates.iter().map(|d| d.to_string()).collect();
                Value::Text(format!("{} {}", dates.join(", "), n.place.trim()))
            }
            _ => Value::Missing,
        }
    };
    let mut rows = matched(Part::Agenda, agenda(a), agenda(b), |l, r| match (l, r) {
        (Value::Held { held: x, .. }, Value::Held { held: y, .. }) => x != y,
        _ => true,
    });
    for row in &mut rows {
        if let (Value::Held { outcome: l, .. }, Value::Held { outcome: r, .. }) =
            (&row.left, &row.right)
            && normalise(l) != normalise(r)
        {
            row.how.push(Difference::Outcome);
        }
    }
    rows.extend(matched(Part::Clusters, clusters(a), clusters(b), |l, r| {
        l != r
    }));
    rows.extend(card_rows(a, b));
    rows.extend(matched(
        Part::Reflection,
        reflection(a),
        reflection(b),
        |l, r| match (l, r) {
            (Value::Mean(Some(x), _), Value::Mean(Some(y), _)) => (x - y).abs() >= 0.05,
            (Value::Mean(x, _), Value::Mean(y, _)) => x.is_some() != y.is_some(),
            _ => true,
        },
    ));
    rows.extend(matched(
        Part::ActionItems,
        actions(a),
        actions(b),
        |l, r| l != r,
    ));
    let (left, right) = (next(a), next(b));
    rows.push(Row {
        part: Part::NextMeeting,
        what: String::new(),
        board: String::new(),
        how: difference(&left, &right, left != right),
        left,
        right,
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_compared_with_itself_differs_nowhere_and_a_change_shows() {
        let mut a = Session::create("A");
        a.action_items.push(crate::results::ActionItem {
            title: "Protokoll verschicken".into(),
            ..Default::default()
        });
        let now = Timestamp::UNIX_EPOCH;
        assert!(compare(&a, &a, now).iter().all(|r| !r.differs()));
        let mut b = a.clone();
        b.action_items[0].status = ActionStatus::Done;
        b.action_items[0].title = "Protokoll  verschicken!".into();
        let rows = compare(&a, &b, now);
        let changed: Vec<&Row> = rows.iter().filter(|r| r.differs()).collect();
        assert_eq!(changed.len(), 1, "matched by normalised title");
        assert_eq!(changed[0].right, Value::Status(ActionStatus::Done));
    }

    /// The case a facilitator meets: a session and its edited copy. Every kind of card change
    /// shows on its own row, and unchanged cards do not differ.
    #[test]
    fn an_edited_copy_shows_each_card_added_removed_moved_placed_and_rewritten() {
        use crate::board::cards::add_card;
        use crate::board::{Axes, Board, CardColour, CardShape, Cluster};
        use crate::ids::{BoardId, ClusterId};
        let mut a = Session::create("A");
        let mut board = Board {
            id: BoardId::generate(),
            title: "Verortung".into(),
            axes: Some(Axes::default()),
            ..Board::default()
        };
        for text in [
            "Offene Daten",
            "Transparenz",
            "Beteiligung",
            "Haushalt",
            "Kita",
        ] {
            add_card(&mut board, text, "", CardColour::Yellow, CardShape::Card);
        }
        for (i, card) in board.cards.iter_mut().enumerate() {
            card.x = 0.1 + 0.1 * i as f32;
            card.y = 0.5;
        }
        let ids: Vec<_> = board.cards.iter().map(|c| c.id).collect();
        board.clusters = vec![
            Cluster {
                id: ClusterId::generate(),
                title: "Daten".into(),
                cards: vec![ids[0], ids[1]],
                ..Cluster::default()
            },
            Cluster {
                id: ClusterId::generate(),
                title: "Geld".into(),
                cards: vec![ids[3]],
                ..Cluster::default()
            },
        ];
        a.boards.push(board);
        let now = Timestamp::UNIX_EPOCH;
        assert!(
            compare(&a, &a, now)
                .iter()
                .filter(|r| r.part == Part::Cards)
                .all(|r| !r.differs())
        );

        let mut b = a.clone();
        let board = &mut b.boards[0];
        board.cards[0].text = "Offene Daten für alle".into();
        board.clusters[0].cards.retain(|&id| id != ids[1]);
        board.clusters[1].cards.push(ids[1]);
        board.cards[2].x += 0.3;
        board.cards[3].x += 0.005;
        board.cards[3].votes = 2;
        board.cards.remove(4);
        add_card(board, "Radwege", "", CardColour::Blue, CardShape::Card);

        let rows: Vec<Row> = compare(&a, &b, now)
            .into_iter()
            .filter(|r| r.part == Part::Cards)
            .collect();
        let how = |what: &str| {
            rows.iter()
                .find(|r| r.what == what)
                .unwrap_or_else(|| panic!("no row for {what}"))
                .how
                .clone()
        };
        assert_eq!(how("Offene Daten"), vec![Difference::Text]);
        assert_eq!(how("Transparenz"), vec![Difference::Moved]);
        assert_eq!(how("Beteiligung"), vec![Difference::Placed]);
        assert_eq!(
            how("Haushalt"),
            vec![Difference::Dots],
            "a nudge is not a move"
        );
        assert_eq!(how("Kita"), vec![Difference::Removed]);
        assert_eq!(how("Radwege"), vec![Difference::Added]);
        assert!(rows.iter().all(|r| r.board == "Verortung"));
        let moved = rows.iter().find(|r| r.what == "Transparenz").unwrap();
        assert!(matches!(&moved.right, Value::Card { cluster: Some(c), .. } if c == "Geld"));

        // Two sessions made apart (new ids) still match cards by their text.
        let mut c = a.clone();
        c.boards[0].id = BoardId::generate();
        for card in &mut c.boards[0].cards {
            card.id = crate::ids::CardId::generate();
        }
        let ids: Vec<_> = c.boards[0].cards.iter().map(|c| c.id).collect();
        c.boards[0].clusters[0].cards = vec![ids[0], ids[1]];
        c.boards[0].clusters[1].cards = vec![ids[3]];
        assert!(
            compare(&a, &c, now)
                .iter()
                .filter(|r| r.part == Part::Cards)
                .all(|r| !r.differs())
        );
    }

    /// An outcome written in one copy is a difference of its item, and the row names it.
    #[test]
    fn an_outcome_written_in_one_copy_differs() {
        use crate::agenda::{AgendaDay, AgendaItem};
        let mut a = Session::create("A");
        a.agenda.days.push(AgendaDay {
            items: vec![AgendaItem {
                title: "Verortung".into(),
                planned_minutes: 45,
                ..AgendaItem::default()
            }],
            ..AgendaDay::default()
        });
        let mut b = a.clone();
        b.agenda.days[0].items[0].outcome = "Drei Kommunen verorten sich oben rechts".into();
        let now = Timestamp::UNIX_EPOCH;
        let rows = compare(&a, &b, now);
        let row = rows.iter().find(|r| r.part == Part::Agenda).unwrap();
        assert_eq!(row.how, vec![Difference::Outcome]);
        b.agenda.days[0].items[0].outcome = String::new();
        assert!(compare(&a, &b, now).iter().all(|r| !r.differs()));
    }
}
