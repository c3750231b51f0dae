//! Shared by the tests of messages: what a message must never say.

/// Words of programmers' error messages that no moderator should ever read.
pub const PROGRAMMER_WORDS: [&str; 7] = [
    "uUID",
    "recursion_limit",
    "serde_stacker",
    "r#",
    "Error(",
    "invalid type",
    "cannot multiply",
];
