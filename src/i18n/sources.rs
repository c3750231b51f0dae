//! A consolidation's sources and their disagreements in words: each source's label with
//! what tells it apart from the others ("W2: Workshop Süd, 24.11.2017, Berlin, folder
//! w2-kopie"), each conflict as a sentence ("Aufgabe „Protokoll versenden“ – Status:
//! offen in W1, erledigt in W2; gilt als offen: erledigt erst, wenn jede Quelle es sagt"),
//! and an action item's status with what each source says. The Review screen, the reports
//! and the command line all use these.

use super::{Lang, date_range, due_text, status_text, texts};
use crate::results::ActionItem;
use crate::session::{
    Conflict, ConflictField, ConflictKind, Kept, Provenance, Session, SourceSession, Value,
};

texts! {
    /// Words about a consolidation's sources.
    K;
    Folder => "Ordner {}", "folder {}";
    Empty => "leer", "empty";
    NoRating => "keine", "none";
    In => "{} in {}", "{} in {}";
    AnEntry => "Eine Bewertung", "An entry";
    KindCard => "Karte", "Card";
    KindCluster => "Gruppe", "Cluster";
    KindBoard => "Pinnwand", "Board";
    KindEntry => "Bewertung von", "Entry by";
    KindScale => "Bewertungsskala", "Rating scale";
    KindAction => "Aufgabe", "Task";
    KindResult => "Ergebnis", "Result";
    KindDay => "Agenda-Tag", "Agenda day";
    KindPhoto => "Foto", "Photo";
    KindNext => "Nächstes Treffen", "Next meeting";
    FieldText => "Text", "text";
    FieldTitle => "Titel", "title";
    FieldPosition => "Position auf den Achsen", "position on the axes";
    FieldDots => "Punkte", "dots";
    FieldAuthor => "Von", "by";
    FieldColour => "Farbe", "colour";
    FieldQuestion => "Frage", "question";
    FieldAxes => "Achsen", "axes";
    FieldComment => "Kommentar", "comment";
    FieldWho => "Name", "name";
    FieldStatus => "Status", "status";
    FieldOwner => "Zuständig", "owner";
    FieldDue => "Fällig", "due";
    FieldCaption => "Bildunterschrift", "caption";
    FieldPhotographer => "Fotografin/Fotograf", "photographer";
    FieldSchedule => "Ablauf", "schedule";
    FieldDates => "Termin", "dates";
    FieldPlace => "Ort", "place";
    FieldScale => "Skala", "scale";
    KeptBoth => "beide Fassungen stehen im Ergebnis, jede mit ihrer Quelle", "both versions are in the result, each with its source";
    KeptFirst => "übernommen ist die Fassung aus {}", "the result takes the version of {}";
    KeptLast => "übernommen ist die Fassung der neuesten Quelle, {}", "the result takes the newest source's version, {}";
    KeptMost => "gezählt sind die meisten Punkte einer Kopie", "the result counts the most dots any copy has";
    KeptEarliest => "übernommen ist der früheste Termin", "the result takes the earliest date";
    KeptDoneOnlyWhenAll => "gilt als „{}“: erledigt erst, wenn jede Quelle es sagt", "counts as “{}”: done only when every source says so";
    KeptJoined => "übernommen sind alle", "the result takes them all";
    StatusBySource => "{} ({})", "{} ({})";
}

/// Each source's label with its title and date, and whatever else tells it apart from a
/// source of the same title and dates: the place, else the folder's name.
pub fn source_legend(provenance: &Provenance, lang: Lang) -> Vec<(String, String)> {
    let sources = &provenance.sources;
    sources
        .iter()
        .filter_map(|source| {
            let label = provenance.label(source.id)?;
            let mut parts = vec![source.title.trim().to_owned()];
            let dates = date_range(&source.dates, lang);
            if !dates.is_empty() {
                parts.push(dates);
            }
            let twins: Vec<&SourceSession> = sources
                .iter()
                .filter(|s| s.id != source.id && s.title.trim() == source.title.trim())
                .collect();
            let same_dates = twins.iter().any(|s| s.dates == source.dates);
            let same_place = twins
                .iter()
                .any(|s| s.dates == source.dates && s.location.trim() == source.location.trim());
            if same_dates && !source.location.trim().is_empty() {
                parts.push(source.location.trim().to_owned());
            }
            if same_place {
                parts.push(super::fill(K::Folder.get(lang), &[&folder_name(source)]));
            }
            Some((label, parts.join(", ")))
        })
        .collect()
}

/// The last part of a source's folder ("w2-kopie").
fn folder_name(source: &SourceSession) -> String {
    let path = if source.path.trim().is_empty() {
        &source.absolute
    } else {
        &source.path
    };
    path.trim_end_matches(['/', '\\'])
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(path)
        .to_owned()
}

/// A conflict as a sentence.
pub fn conflict_line(conflict: &Conflict, session: &Session, lang: Lang) -> String {
    let Some(provenance) = &session.provenance else {
        return String::new();
    };
    let is_anonymous = session.reflection.is_anonymous;
    let kind = kind_text(conflict.kind, lang);
    let name = conflict.name.trim();
    let subject = match conflict.kind {
        ConflictKind::ReflectionEntry if is_anonymous || name.is_empty() => {
            K::AnEntry.get(lang).to_owned()
        }
        ConflictKind::Scale | ConflictKind::NextMeeting => kind.to_owned(),
        ConflictKind::AgendaDay if name.is_empty() => kind.to_owned(),
        _ => format!("{kind} \u{201e}{}\u{201c}", shortened(name)),
    };
    let field = field_text(&conflict.field, lang);
    let values = values_text(conflict, provenance, lang);
    let kept = kept_text(conflict, provenance, lang);
    format!("{subject} \u{2013} {field}: {values}; {kept}")
}

/// The conflicts a reader should see: a name in an anonymous reflection stays unsaid.
pub fn shown_conflicts(session: &Session) -> Vec<&Conflict> {
    let Some(provenance) = &session.provenance else {
        return Vec::new();
    };
    provenance
        .conflicts
        .iter()
        .filter(|c| !(session.reflection.is_anonymous && c.field == ConflictField::Who))
        .collect()
}

/// An action item's status; for a consolidation whose sources disagree, with each
/// source's status: "offen (offen in W1, erledigt in W2)".
pub fn status_with_sources(item: &ActionItem, session: &Session, lang: Lang) -> String {
    let status = status_text(item.status, lang);
    let Some(provenance) = &session.provenance else {
        return status.to_owned();
    };
    match provenance.conflict(item.id.uuid(), &ConflictField::Status) {
        Some(conflict) => super::fill(
            K::StatusBySource.get(lang),
            &[status, &values_text(conflict, provenance, lang)],
        ),
        None => status.to_owned(),
    }
}

fn shortened(text: &str) -> String {
    const LONGEST: usize = 80;
    if text.chars().count() <= LONGEST {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(LONGEST).collect();
    short.push('\u{2026}');
    short
}

/// The values with the sources that have them, in the sources' order: "offen in W1,
/// erledigt in W2".
fn values_text(conflict: &Conflict, provenance: &Provenance, lang: Lang) -> String {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for value in &conflict.values {
        let text = value_text(&value.value, lang);
        let label = provenance.label(value.source).unwrap_or_default();
        match groups.iter_mut().find(|(t, _)| *t == text) {
            Some((_, labels)) => labels.push(label),
            None => groups.push((text, vec![label])),
        }
    }
    groups
        .iter()
        .map(|(text, labels)| super::fill(K::In.get(lang), &[text, &labels.join(", ")]))
        .collect::<Vec<_>>()
        .join(", ")
}

fn value_text(value: &Value, lang: Lang) -> String {
    match value {
        Value::Missing => "\u{2013}".to_owned(),
        Value::Text(text) if text.trim().is_empty() => K::Empty.get(lang).to_owned(),
        Value::Text(text) => format!("\u{201e}{}\u{201c}", shortened(text)),
        Value::Number(n) => n.to_string(),
        Value::Rating(Some(v)) => v.to_string(),
        Value::Rating(None) => K::NoRating.get(lang).to_owned(),
        Value::Position(x, y) => format!("{x:.0} % / {y:.0} %"),
        Value::Status(status) => status_text(*status, lang).to_owned(),
        Value::Colour(colour) => super::colour_name(*colour, lang).to_owned(),
        Value::Due(due) => due_text(*due, lang),
        Value::Dates(dates) => date_range(dates, lang),
    }
}

fn kept_text(conflict: &Conflict, provenance: &Provenance, lang: Lang) -> String {
    let first = conflict
        .values
        .first()
        .and_then(|v| provenance.label(v.source))
        .unwrap_or_default();
    let last = conflict
        .values
        .last()
        .and_then(|v| provenance.label(v.source))
        .unwrap_or_default();
    let lowest_status = conflict
        .values
        .iter()
        .filter_map(|v| match v.value {
            Value::Status(s) => Some(s),
            _ => None,
        })
        .min_by_key(|s| *s as u8);
    match conflict.kept {
        Kept::Both => K::KeptBoth.get(lang).to_owned(),
        Kept::First => super::fill(K::KeptFirst.get(lang), &[&first]),
        Kept::Last => super::fill(K::KeptLast.get(lang), &[&last]),
        Kept::Most => K::KeptMost.get(lang).to_owned(),
        Kept::Earliest => K::KeptEarliest.get(lang).to_owned(),
        Kept::DoneOnlyWhenAll => super::fill(
            K::KeptDoneOnlyWhenAll.get(lang),
            &[lowest_status.map_or("", |s| status_text(s, lang))],
        ),
        Kept::Joined => K::KeptJoined.get(lang).to_owned(),
    }
}

fn kind_text(kind: ConflictKind, lang: Lang) -> &'static str {
    match kind {
        ConflictKind::Card => K::KindCard,
        ConflictKind::Cluster => K::KindCluster,
        ConflictKind::Board => K::KindBoard,
        ConflictKind::ReflectionEntry => K::KindEntry,
        ConflictKind::Scale => K::KindScale,
        ConflictKind::ActionItem => K::KindAction,
        ConflictKind::Result => K::KindResult,
        ConflictKind::AgendaDay => K::KindDay,
        ConflictKind::Photo => K::KindPhoto,
        ConflictKind::NextMeeting => K::KindNext,
    }
    .get(lang)
}

fn field_text(field: &ConflictField, lang: Lang) -> String {
    let key = match field {
        ConflictField::Rating(dimension) => return dimension.clone(),
        ConflictField::Text => K::FieldText,
        ConflictField::Title => K::FieldTitle,
        ConflictField::Position => K::FieldPosition,
        ConflictField::Dots => K::FieldDots,
        ConflictField::Author => K::FieldAuthor,
        ConflictField::Colour => K::FieldColour,
        ConflictField::Question => K::FieldQuestion,
        ConflictField::Axes => K::FieldAxes,
        ConflictField::Comment => K::FieldComment,
        ConflictField::Who => K::FieldWho,
        ConflictField::Status => K::FieldStatus,
        ConflictField::Owner => K::FieldOwner,
        ConflictField::Due => K::FieldDue,
        ConflictField::Caption => K::FieldCaption,
        ConflictField::Photographer => K::FieldPhotographer,
        ConflictField::Schedule => K::FieldSchedule,
        ConflictField::Dates => K::FieldDates,
        ConflictField::Place => K::FieldPlace,
        ConflictField::Scale => K::FieldScale,
    };
    key.get(lang).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        super::super::assert_complete(K::ALL);
    }
}
