//! Two sessions compared row by row: agenda items matched by title (held against held),
//! clusters matched by title with their dots, reflection means per dimension, action items
//! (new, done, still open) and the next meeting. Each row says whether the two differ. No GUI
//! code: the Review's compare window shows the rows.

use jiff::Timestamp;

use crate::results::ActionStatus;
use crate::session::Session;
use crate::text::normalise;

/// Which part of the sessions a row compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Agenda,
    Clusters,
    Reflection,
    ActionItems,
    NextMeeting,
}

/// One side of a row.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Not in this session.
    Missing,
    /// An agenda item: planned minutes, and held minutes once done.
    Held {
        planned: u32,
        held: Option<i64>,
    },
    Dots(u64),
    /// A dimension's mean, and how many rated it.
    Mean(Option<f64>, usize),
    Status(ActionStatus),
    Text(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub part: Part,
    /// The title as the first session has it (else the second).
    pub what: String,
    pub left: Value,
    pub right: Value,
    pub differs: bool,
}

/// Rows of one part: values by normalised title, the first session's order first.
fn matched(
    part: Part,
    left: Vec<(String, Value)>,
    right: Vec<(String, Value)>,
    differs: impl Fn(&Value, &Value) -> bool,
) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let key = |t: &str| {
        let n = normalise(t);
        if n.is_empty() {
            t.trim().to_lowercase()
        } else {
            n
        }
    };
    let mut right: Vec<Option<(String, Value)>> = right.into_iter().map(Some).collect();
    for (title, value) in left {
        let k = key(&title);
        let other = right
            .iter_mut()
            .find(|r| r.as_ref().is_some_and(|(t, _)| key(t) == k))
            .and_then(Option::take)
            .map_or(Value::Missing, |(_, v)| v);
        let differs = differs(&value, &other);
        rows.push(Row {
            part,
            what: title,
            left: value,
            right: other,
            differs,
        });
    }
    for (title, value) in right.into_iter().flatten() {
        rows.push(Row {
            part,
            what: title,
            left: Value::Missing,
            differs: true,
            right: value,
        });
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
    rows.extend(matched(Part::Clusters, clusters(a), clusters(b), |l, r| {
        l != r
    }));
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
        differs: left != right,
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
        assert!(compare(&a, &a, now).iter().all(|r| !r.differs));
        let mut b = a.clone();
        b.action_items[0].status = ActionStatus::Done;
        b.action_items[0].title = "Protokoll  verschicken!".into();
        let rows = compare(&a, &b, now);
        let changed: Vec<&Row> = rows.iter().filter(|r| r.differs).collect();
        assert_eq!(changed.len(), 1, "matched by normalised title");
        assert_eq!(changed[0].right, Value::Status(ActionStatus::Done));
    }
}
