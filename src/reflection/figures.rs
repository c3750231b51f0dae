//! The reflection's figures for a reader: per dimension the pooled figures (every entry the
//! session holds), and for a consolidation each source's own figures, counted from the
//! entries that source had, so the figures beside "W2" are the ones W2's own report prints.
//! The Review screen, Compare, `moderato summary`, the PDF, Markdown and CSV all use these.

use super::model::Reflection;
use super::stats::{DimensionStats, stats};
use crate::ids::SessionId;
use crate::session::Session;

/// One source's figures in a consolidation.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceFigures {
    pub source: SessionId,
    /// The source's short label ("W2").
    pub label: String,
    /// Per dimension of the session, in its order.
    pub dimensions: Vec<DimensionStats>,
}

/// The reflection's figures, pooled and per source.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    /// Every entry of the session, per dimension.
    pub pooled: Vec<DimensionStats>,
    /// For a consolidation: each source's own entries (an entry that several sources had
    /// counts for each of them); empty otherwise.
    pub by_source: Vec<SourceFigures>,
}

impl Figures {
    /// Whether the pooled figures stand for several sources.
    pub fn is_pooled(&self) -> bool {
        self.by_source.len() > 1
    }

    /// The labels of the sources with ratings, joined ("W1, W2"): what the pooled figures
    /// pool.
    pub fn pooled_sources(&self) -> Vec<&str> {
        self.by_source
            .iter()
            .filter(|s| s.dimensions.iter().any(|d| d.count > 0))
            .map(|s| s.label.as_str())
            .collect()
    }
}

/// The figures of a session's reflection.
pub fn figures(session: &Session) -> Figures {
    let reflection = &session.reflection;
    let pooled = stats(reflection);
    let Some(provenance) = &session.provenance else {
        return Figures {
            pooled,
            by_source: Vec::new(),
        };
    };
    let by_source = provenance
        .sources
        .iter()
        .filter_map(|source| {
            let label = provenance.label(source.id)?;
            let own = Reflection {
                entries: reflection
                    .entries
                    .iter()
                    .filter(|e| provenance.sessions_of(e.id.uuid()).contains(&source.id))
                    .cloned()
                    .collect(),
                dimensions: reflection.dimensions.clone(),
                scale: reflection.scale.clone(),
                ..Reflection::default()
            };
            Some(SourceFigures {
                source: source.id,
                label,
                dimensions: stats(&own),
            })
        })
        .collect();
    Figures { pooled, by_source }
}
