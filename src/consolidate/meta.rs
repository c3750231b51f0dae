//! The metadata of a consolidation: everything of its sessions joined, nothing invented.

use std::collections::BTreeSet;

use super::{Input, Sources, distinct};
use crate::session::{Credits, Metadata, Participant};
use crate::text::normalise;

/// The joined metadata of the inputs (in their order).
pub(super) fn merged_meta(inputs: &[&Input], sources: &mut Sources) -> Metadata {
    // Metadata: everything joined, nothing invented.
    let mut meta = Metadata::default();
    let titles = distinct(
        inputs
            .iter()
            .map(|i| i.session.meta.title.as_str())
            .collect(),
    );
    let series = distinct(
        inputs
            .iter()
            .map(|i| i.session.meta.series.as_str())
            .collect(),
    );
    // The series names what the workshops have in common; the report says it is a
    // consolidation.
    meta.title = match series.first() {
        Some(series) if !series.is_empty() => series.clone(),
        _ => titles.join(" / "),
    };
    meta.series = series.join(" / ");
    meta.publisher = distinct(
        inputs
            .iter()
            .map(|i| i.session.meta.publisher.as_str())
            .collect(),
    )
    .join(" / ");
    let mut introductions = Vec::new();
    for (n, input) in inputs.iter().enumerate() {
        super::outcomes::gather_text(&mut introductions, &input.session.meta.introduction, n);
    }
    let labels = |from: &[usize]| {
        from.iter()
            .map(|n| format!("W{}", n + 1))
            .collect::<Vec<_>>()
            .join(", ")
    };
    meta.introduction = super::outcomes::labelled_texts(&introductions, &labels);
    meta.organiser = distinct(
        inputs
            .iter()
            .map(|i| i.session.meta.organiser.as_str())
            .collect(),
    )
    .join(" / ");
    meta.location = distinct(
        inputs
            .iter()
            .map(|i| i.session.meta.location.as_str())
            .collect(),
    )
    .join(", ");
    meta.language = inputs
        .first()
        .map(|i| i.session.meta.language.clone())
        .unwrap_or_default();
    let mut dates: BTreeSet<jiff::civil::Date> = BTreeSet::new();
    let mut participants: Vec<Participant> = Vec::new();
    let mut seen_people: BTreeSet<(String, String)> = BTreeSet::new();
    let mut credits = Credits::default();
    for input in inputs {
        let s = &input.session;
        dates.extend(s.meta.dates.iter().copied());
        for p in &s.meta.participants {
            if seen_people.insert((normalise(&p.name), normalise(&p.organisation))) {
                participants.push(p.clone());
                sources.note(p.id.uuid(), s.id);
            }
        }
        credits.text.extend(s.meta.credits.text.iter().cloned());
        credits.photos.extend(s.meta.credits.photos.iter().cloned());
    }
    meta.dates = dates.into_iter().collect();
    meta.participants = participants;
    meta.moderators = distinct(
        inputs
            .iter()
            .flat_map(|i| i.session.meta.moderators.iter().map(String::as_str))
            .collect(),
    );
    meta.credits = Credits {
        text: distinct(credits.text.iter().map(String::as_str).collect()),
        photos: distinct(credits.photos.iter().map(String::as_str).collect()),
    };
    meta
}
