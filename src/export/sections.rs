//! Parts of the report built from the session: free texts as paragraphs and lists with their
//! links, the reflection in figures (per source too, for a consolidation), and where each
//! photo stands.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::agenda::Method;
use crate::i18n::{self, Lang, R, fill};
use crate::photos::PhotoLink;
use crate::reflection::stats;
use crate::results::SourceLink;
use crate::session::Session;

/// A paragraph or a list item of a free text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Block {
    pub item: bool,
    pub parts: Vec<Part>,
}

/// Text, or a link (printed as written, never hyphenated).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Part {
    pub text: String,
    pub url: Option<String>,
}

/// A free text as paragraphs (split at blank lines) and list items (lines starting with
/// "- " or "• "), with web addresses as links.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let mut plain = Vec::new();
        for line in paragraph.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let item = ["- ", "• ", "* ", "\u{2013} "]
                .iter()
                .find_map(|mark| line.strip_prefix(mark));
            match item {
                Some(rest) => {
                    if !plain.is_empty() {
                        blocks.push(block(&plain.join(" "), false));
                        plain.clear();
                    }
                    blocks.push(block(rest, true));
                }
                None => plain.push(line),
            }
        }
        if !plain.is_empty() {
            blocks.push(block(&plain.join(" "), false));
        }
    }
    blocks
}

fn block(text: &str, item: bool) -> Block {
    Block {
        item,
        parts: parts(text),
    }
}

/// A text cut into plain parts and web addresses (`https://…`, `www.…`).
pub fn parts(text: &str) -> Vec<Part> {
    let mut parts: Vec<Part> = Vec::new();
    let mut plain = String::new();
    for (i, word) in text.split(' ').enumerate() {
        let lead = word.len() - word.trim_start_matches(['(', '[', '„', '"']).len();
        let core = &word[lead..];
        let end = core
            .trim_end_matches(['.', ',', ';', ':', ')', ']', '“', '"', '!', '?'])
            .len();
        let address = &core[..end];
        let is_link = (address.starts_with("https://")
            || address.starts_with("http://")
            || address.starts_with("www."))
            && address.len() > 8;
        if i > 0 {
            plain.push(' ');
        }
        if is_link {
            plain.push_str(&word[..lead]);
            if !plain.is_empty() {
                parts.push(Part {
                    text: std::mem::take(&mut plain),
                    url: None,
                });
            }
            let url = if address.starts_with("www.") {
                format!("https://{address}")
            } else {
                address.to_owned()
            };
            parts.push(Part {
                text: address.to_owned(),
                url: Some(url),
            });
            plain.push_str(&core[end..]);
        } else {
            plain.push_str(word);
        }
    }
    if !plain.is_empty() {
        parts.push(Part {
            text: plain,
            url: None,
        });
    }
    parts
}

/// Where a photo stands in the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// With a board (by its place among the printed boards).
    Board(usize),
    /// After an agenda day's table.
    Day(usize),
    Results,
    Reflection,
    /// The closing photo section.
    End,
}

/// The place of a photo: with what it is linked to; a photo of an agenda item goes where
/// that item's work is reported (the reflection, the results, its board), else to its day.
pub fn place_of(
    session: &Session,
    printed_boards: &[crate::ids::BoardId],
    link: Option<PhotoLink>,
) -> Place {
    let board_place = |id| {
        printed_boards
            .iter()
            .position(|b| *b == id)
            .map_or(Place::End, Place::Board)
    };
    match link {
        None => Place::End,
        Some(PhotoLink::Board(id)) => board_place(id),
        Some(PhotoLink::Cluster(id)) => session
            .boards
            .iter()
            .find(|b| b.cluster(id).is_some())
            .map_or(Place::End, |b| board_place(b.id)),
        Some(PhotoLink::AgendaItem(id)) => {
            let Some(item) = session.agenda.item(id) else {
                return Place::End;
            };
            let source = Some(SourceLink::AgendaItem(id));
            if item.method == Method::Reflection {
                Place::Reflection
            } else if session.results.iter().any(|r| r.source == source)
                || session.action_items.iter().any(|a| a.source == source)
            {
                Place::Results
            } else if let Some(board) = session.boards.iter().find(|b| b.agenda_item == Some(id)) {
                board_place(board.id)
            } else {
                session
                    .agenda
                    .days
                    .iter()
                    .position(|d| d.items.iter().any(|i| i.id == id))
                    .map_or(Place::End, Place::Day)
            }
        }
    }
}

/// One dimension of the reflection in figures.
#[derive(Debug, Serialize)]
pub struct DimensionData {
    pub name: String,
    /// Value (as printed) and count.
    pub bars: Vec<(String, usize)>,
    pub line: String,
    pub verdict: String,
    /// For a consolidation: the same figures per source ("W1: Mittel 4,4 · n = 7").
    pub by_source: Vec<String>,
}

/// The figures of the reflection: every panel on one scale (`most`, the largest count of
/// any value on any dimension), the scale's ends in words, "positive" explained once.
#[derive(Debug, Serialize)]
pub struct Figures {
    pub dimensions: Vec<DimensionData>,
    pub most: usize,
    pub scale: String,
    pub positive: String,
    /// What n counts here: ratings, one per organisation or per person where they are.
    pub n_means: String,
}

/// What the n of the figures counts, in words: most entries name organisations, people, or
/// neither.
fn n_means(session: &Session, lang: Lang) -> String {
    let who: Vec<String> = session
        .reflection
        .entries
        .iter()
        .map(|e| crate::text::normalise(&e.who))
        .collect();
    // Most entries name one of them (an entry may stand for a member kept anonymous).
    let known = |names: Vec<String>| {
        let named = who
            .iter()
            .filter(|w| !w.is_empty() && names.contains(w))
            .count();
        named * 2 > who.len()
    };
    let organisations = session
        .organisations()
        .into_iter()
        .map(crate::text::normalise)
        .collect();
    let people = session
        .meta
        .participants
        .iter()
        .map(|p| crate::text::normalise(&p.name))
        .collect();
    let key = if session.reflection.is_anonymous {
        R::NRatings
    } else if known(organisations) {
        R::NPerOrganisation
    } else if known(people) {
        R::NPerPerson
    } else {
        R::NRatings
    };
    key.get(lang).to_owned()
}

/// The mean, the share above the middle and the count of one dimension, in words.
fn figure_line(s: &stats::DimensionStats, lang: Lang) -> String {
    fill(
        R::MeanLine.get(lang),
        &[
            &s.mean
                .map_or_else(|| "\u{2013}".to_owned(), |m| i18n::decimal(m, 1, lang)),
            &i18n::percent(s.positive_share, lang),
            &s.count.to_string(),
        ],
    )
}

/// The reflection's figures; for a consolidation each source's own figures beside the
/// pooled ones, which say what they pool.
pub fn figures(session: &Session, lang: Lang) -> Figures {
    let reflection = &session.reflection;
    let all = crate::reflection::figures::figures(session);
    let pooled = &all.pooled;
    let pooled_from = all.is_pooled().then(|| all.pooled_sources().join(", "));
    let most = pooled
        .iter()
        .flat_map(|s| s.distribution.iter().map(|(_, n)| *n))
        .max()
        .unwrap_or(0)
        .max(1);
    let dimensions = pooled
        .iter()
        .enumerate()
        .map(|(i, s)| DimensionData {
            name: s.name.clone(),
            bars: s
                .distribution
                .iter()
                .map(|(v, n)| (v.to_string(), *n))
                .collect(),
            line: match &pooled_from {
                Some(labels) => fill(
                    R::PooledLine.get(lang),
                    &[labels.as_str(), &figure_line(s, lang)],
                ),
                None => figure_line(s, lang),
            },
            verdict: if s.count > 0 && s.positive_share >= 0.999 {
                R::AllPositive.get(lang).to_owned()
            } else {
                i18n::verdict_text(s.verdict, lang).to_owned()
            },
            by_source: all
                .by_source
                .iter()
                .filter_map(|source| Some((&source.label, source.dimensions.get(i)?)))
                .filter(|(_, own)| own.count > 0)
                .map(|(label, own)| format!("{label}: {}", figure_line(own, lang)))
                .collect(),
        })
        .collect();
    let scale = &reflection.scale;
    let end = |value: i32, label: &str| {
        if label.trim().is_empty() {
            value.to_string()
        } else {
            format!("{value} ({})", label.trim())
        }
    };
    let middle = i18n::decimal((f64::from(scale.min) + f64::from(scale.max)) / 2.0, 1, lang);
    let middle = middle
        .trim_end_matches(['0'])
        .trim_end_matches([',', '.'])
        .to_owned();
    Figures {
        dimensions,
        most,
        scale: fill(
            R::ScaleLine.get(lang),
            &[
                &end(scale.min, &scale.low_label),
                &end(scale.max, &scale.high_label),
            ],
        ),
        positive: fill(R::PositiveMeans.get(lang), &[&middle]),
        n_means: n_means(session, lang),
    }
}

/// Texts that say the same once, with all their sources: `(text, labels)` in first order.
pub fn once_each(texts: impl IntoIterator<Item = (String, String)>) -> Vec<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for (text, label) in texts {
        let key = crate::text::normalise(&text);
        match seen.get(&key) {
            Some(&i) => {
                if !label.is_empty() && !out[i].1.contains(&label) {
                    out[i].1.push(label);
                }
            }
            None => {
                seen.insert(key, out.len());
                out.push((
                    text,
                    if label.is_empty() {
                        vec![]
                    } else {
                        vec![label]
                    },
                ));
            }
        }
    }
    out.into_iter()
        .map(|(text, labels)| {
            if labels.is_empty() {
                text
            } else {
                format!("{text} [{}]", labels.join(", "))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_text_becomes_paragraphs_lists_and_links() {
        let text = "Kanäle:\n- gemeinsame Plattform\n- E-Mail-Verteiler\n\nMehr unter (www.verwaltung-innovativ.de).";
        let b = blocks(text);
        assert_eq!(b.len(), 4);
        assert!(!b[0].item && b[1].item && b[2].item && !b[3].item);
        assert_eq!(b[1].parts[0].text, "gemeinsame Plattform");
        let link = b[3].parts.iter().find(|p| p.url.is_some()).unwrap();
        assert_eq!(link.text, "www.verwaltung-innovativ.de");
        assert_eq!(
            link.url.as_deref(),
            Some("https://www.verwaltung-innovativ.de")
        );
        let joined: String = b[3].parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, "Mehr unter (www.verwaltung-innovativ.de).");
    }

    #[test]
    fn the_same_text_is_printed_once_with_every_source() {
        let once = once_each([
            ("Gut moderiert.".to_owned(), "W1".to_owned()),
            ("gut moderiert".to_owned(), "W2".to_owned()),
            ("Zu lang.".to_owned(), "W2".to_owned()),
        ]);
        assert_eq!(once, vec!["Gut moderiert. [W1, W2]", "Zu lang. [W2]"]);
    }
}
