//! The reflection round at the end of a workshop.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ids::{DimensionId, ReflectionEntryId};
use crate::origin::Origin;

/// How participants rated the workshop, and what they said.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Reflection {
    pub dimensions: Vec<Dimension>,
    pub scale: Scale,
    /// When true, entries are recorded without naming who gave them.
    pub is_anonymous: bool,
    pub entries: Vec<ReflectionEntry>,
    /// Dissent that was voiced and is worth recording as such.
    pub dissent: Vec<Dissent>,
    /// A short summary written by the moderators.
    pub summary: String,
}

impl Reflection {
    /// The four dimensions of the seed workshop: content, structure, methods, moderation.
    ///
    /// Ids are passed in so that `Default` stays free of invented ids.
    pub fn with_default_dimensions(ids: [DimensionId; 4]) -> Self {
        let names = ["Inhalt", "Struktur", "Methoden", "Moderation"];
        Self {
            dimensions: ids
                .into_iter()
                .zip(names)
                .map(|(id, name)| Dimension {
                    id,
                    name: name.to_owned(),
                })
                .collect(),
            ..Self::default()
        }
    }
}

/// One thing the workshop is rated on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Dimension {
    pub id: DimensionId,
    pub name: String,
}

/// The rating scale, inclusive on both ends.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scale {
    pub min: i32,
    pub max: i32,
    pub low_label: String,
    pub high_label: String,
}

impl Default for Scale {
    fn default() -> Self {
        Self {
            min: 1,
            max: 5,
            low_label: String::new(),
            high_label: String::new(),
        }
    }
}

/// What one participant or organisation said.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReflectionEntry {
    pub id: ReflectionEntryId,
    /// A participant's name or an organisation; empty when anonymous.
    pub who: String,
    /// A file that rates a dimension twice in one entry is refused (the last would win).
    #[serde(deserialize_with = "unique_ratings")]
    pub ratings: BTreeMap<DimensionId, i32>,
    pub comment: String,
    /// Given on the laptop or sent from a phone.
    #[serde(skip_serializing_if = "Origin::is_laptop")]
    pub source: Origin,
}

/// The message of the error for a dimension rated twice in one entry; `storage` recognises it.
pub const REPEATED_RATING: &str = "a dimension is rated twice in one entry";

fn unique_ratings<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<DimensionId, i32>, D::Error> {
    struct Ratings;
    impl<'de> serde::de::Visitor<'de> for Ratings {
        type Value = BTreeMap<DimensionId, i32>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a map from dimension ids to ratings")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut ratings = BTreeMap::new();
            while let Some((dimension, value)) = map.next_entry()? {
                if ratings.insert(dimension, value).is_some() {
                    return Err(serde::de::Error::custom(REPEATED_RATING));
                }
            }
            Ok(ratings)
        }
    }
    deserializer.deserialize_map(Ratings)
}

/// A recorded disagreement.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Dissent {
    pub who: String,
    pub statement: String,
    /// How others responded to it.
    pub response: String,
    /// The agenda item it is about, if any.
    pub agenda_item: Option<crate::ids::AgendaItemId>,
}
