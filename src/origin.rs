//! Where a card or a reflection entry came from: typed on the laptop, or sent from a
//! participant's phone. Saved as `source: phone` (the laptop is the default and not written),
//! never with anything that names the device.

use serde::{Deserialize, Serialize};

/// Where a contribution was written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Typed on the laptop (or imported): the default, not written to the file.
    #[default]
    Laptop,
    /// Sent from a participant's phone.
    Phone,
}

impl Origin {
    /// Whether this is the default (for `skip_serializing_if`).
    pub fn is_laptop(&self) -> bool {
        *self == Origin::Laptop
    }
}

/// Whether a count is zero (for `skip_serializing_if`).
pub fn is_zero(count: &u32) -> bool {
    *count == 0
}
