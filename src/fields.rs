//! How a named edit changes one field: it sets the value only when it differs (so an edit
//! that changes nothing is no undo step) and clips text to its limit. Every feature's edits
//! use these; a leaf that knows nothing of the features.

/// Sets a text, cut to `limit` characters, if it differs; returns whether it did.
pub fn set_text(slot: Option<&mut String>, text: String, limit: usize) -> bool {
    set(slot, crate::session::limits::clip(text, limit))
}

/// Sets a value if it differs; returns whether it did.
pub fn set<V: PartialEq>(slot: Option<&mut V>, value: V) -> bool {
    match slot {
        Some(slot) if *slot != value => {
            *slot = value;
            true
        }
        _ => false,
    }
}
