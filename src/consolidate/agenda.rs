//! The agenda of a consolidation: the days of every source, each distinct day once. A day
//! that several sources have alike (a copy, the same template run the same way) is one day
//! with all of them; days that differ are kept per source, and where copies of one day
//! differ, the difference is recorded.

use std::collections::HashMap;

use uuid::Uuid;

use super::conflicts::{Recorder, Versions};
use super::{Input, Sources};
use crate::agenda::{Agenda, AgendaDay, AgendaItem};
use crate::ids::AgendaItemId;
use crate::session::{ConflictField, ConflictKind, Kept, Value};

/// A day without its ids: what makes two days the same day.
#[derive(Clone, PartialEq)]
struct Shape {
    day: AgendaDay,
}

impl Shape {
    fn of(day: &AgendaDay) -> Self {
        Self {
            day: AgendaDay {
                id: Default::default(),
                items: day
                    .items
                    .iter()
                    .map(|item| AgendaItem {
                        id: Default::default(),
                        ..item.clone()
                    })
                    .collect(),
                ..day.clone()
            },
        }
    }

    /// "8 Punkte, 480 min" in numbers: items and planned minutes, for telling versions apart.
    fn summary(&self) -> Value {
        let minutes: u64 = self
            .day
            .items
            .iter()
            .map(|i| u64::from(i.planned_minutes))
            .sum();
        let titles: Vec<&str> = self.day.items.iter().map(|i| i.title.as_str()).collect();
        Value::Text(format!(
            "{} \u{b7} {minutes} min \u{b7} {}",
            self.day.items.len(),
            titles.join(" / ")
        ))
    }
}

/// The days of every source, each distinct day once (see the module's text).
pub(super) fn merge_agenda(
    inputs: &[&Input],
    originals: &HashMap<Uuid, Uuid>,
    sources: &mut Sources,
    recorder: &mut Recorder<'_>,
    items: &mut HashMap<AgendaItemId, AgendaItemId>,
) -> Agenda {
    let original = |id: Uuid| originals.get(&id).copied().unwrap_or(id);
    let mut agenda = Agenda::default();
    let mut versions: Versions<Shape> = Versions::default();
    // Alike days need not share an id (two sources made from one template).
    let mut alike: Vec<(Shape, usize)> = Vec::new();
    for input in inputs {
        let session = input.session.id;
        for day in &input.session.agenda.days {
            let shape = Shape::of(day);
            let id = day.id.uuid();
            let same = |a: &Shape, b: &Shape| a == b;
            let kept = versions
                .file(original(id), id, shape.clone(), session, same)
                .or_else(|| {
                    let (_, index) = alike.iter().find(|(s, _)| *s == shape)?;
                    agenda.days.get(*index).map(|d| d.id.uuid())
                });
            match kept.and_then(|kept| agenda.days.iter().find(|d| d.id.uuid() == kept)) {
                Some(kept_day) => {
                    // The day is shown once: what pointed at this source's items (photos,
                    // boards, results) points at the items it is shown as.
                    for (item, kept_item) in day.items.iter().zip(&kept_day.items) {
                        if item.id != kept_item.id {
                            items.insert(item.id, kept_item.id);
                        }
                    }
                    sources.also(kept_day.id.uuid(), session);
                    for kept_item in &kept_day.items {
                        sources.also(kept_item.id.uuid(), session);
                    }
                }
                None => {
                    sources.note(id, session);
                    for item in &day.items {
                        sources.note(item.id.uuid(), session);
                    }
                    alike.push((shape, agenda.days.len()));
                    agenda.days.push(day.clone());
                }
            }
        }
    }
    for shared in versions.shared() {
        let name = shared
            .first()
            .and_then(|v| v.content.day.date)
            .map(|d| d.to_string())
            .unwrap_or_default();
        recorder.field(
            (ConflictKind::AgendaDay, &name),
            shared,
            ConflictField::Schedule,
            Kept::Both,
            Shape::summary,
        );
    }
    agenda
}
