//! The reflection across the sources of a consolidation: per dimension the mean and count
//! overall and per source session.

use uuid::Uuid;

use crate::ids::SessionId;
use crate::session::Session;

/// A reflection dimension across sources: the mean and count overall and per session.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionBreakdown {
    pub name: String,
    pub mean: Option<f64>,
    pub count: usize,
    pub per_source: Vec<(String, Option<f64>, usize)>,
}

/// Ratings per dimension, with a breakdown by source session (for a consolidation).
pub fn reflection_breakdown(session: &Session) -> Vec<DimensionBreakdown> {
    let sources: Vec<(SessionId, String)> = session
        .provenance
        .as_ref()
        .map(|p| p.sources.iter().map(|s| (s.id, s.title.clone())).collect())
        .unwrap_or_default();
    let origin = |id: Uuid| {
        session
            .provenance
            .as_ref()
            .and_then(|p| p.origins.get(&id).copied())
    };
    let mean = |values: &[i32]| {
        (!values.is_empty())
            .then(|| values.iter().map(|v| f64::from(*v)).sum::<f64>() / values.len() as f64)
    };
    session
        .reflection
        .dimensions
        .iter()
        .map(|dim| {
            let rated: Vec<(Option<SessionId>, i32)> = session
                .reflection
                .entries
                .iter()
                .filter_map(|e| e.ratings.get(&dim.id).map(|v| (origin(e.id.uuid()), *v)))
                .collect();
            let all: Vec<i32> = rated.iter().map(|(_, v)| *v).collect();
            let per_source = sources
                .iter()
                .map(|(id, title)| {
                    let values: Vec<i32> = rated
                        .iter()
                        .filter(|(o, _)| *o == Some(*id))
                        .map(|(_, v)| *v)
                        .collect();
                    (title.clone(), mean(&values), values.len())
                })
                .collect();
            DimensionBreakdown {
                name: dim.name.clone(),
                mean: mean(&all),
                count: all.len(),
                per_source,
            }
        })
        .collect()
}
