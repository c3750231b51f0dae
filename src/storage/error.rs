//! What can go wrong reading or writing a session, as typed values. `i18n` puts them into
//! words a moderator understands, in the UI's language.

use std::io;
use std::path::{Path, PathBuf};

use crate::session::Problem;

/// What a storage error was trying to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IoAction {
    Read,
    Write,
    Replace,
    Remove,
    CreateFolder,
    CreateTemp,
    SyncFolder,
    ListFolder,
    Rename,
}

/// Why a session could not be read or written.
#[derive(Debug)]
pub enum StorageError {
    /// The operating system refused (disk full, no permission, no such folder …).
    Io {
        action: IoAction,
        path: PathBuf,
        source: io::Error,
    },
    /// A folder without `session.ron`.
    NotASession { path: PathBuf },
    /// Nothing at that path.
    Missing { path: PathBuf },
    /// A session file larger than any session (bytes).
    TooLarge { path: PathBuf, bytes: u64 },
    /// The text of the file cannot be read as a session.
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        problem: SyntaxProblem,
    },
    /// Written by a newer Moderato.
    TooNew { path: PathBuf, found: u32 },
    /// Readable, but unsafe to work with.
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },
    /// A new session has no folder yet.
    NoFolder,
    /// A pipe, a device or a folder where a file was expected: never read or written.
    NotAFile { path: PathBuf },
    /// The saved file is write-protected: it is not replaced behind its owner's back.
    WriteProtected { path: PathBuf },
    /// A path that names a file other than a session's `session.ron`, given where a session
    /// is changed: its folder's `session.ron` would be written instead.
    NotSessionFile { path: PathBuf },
    /// Another program (a Moderato window, another command) is changing the session.
    Busy { path: PathBuf, holder: String },
}

impl StorageError {
    pub fn io(action: IoAction, path: &Path, source: io::Error) -> Self {
        Self::Io {
            action,
            path: path.to_owned(),
            source,
        }
    }

    /// The file or folder the error is about, if any.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Self::Io { path, .. }
            | Self::NotASession { path }
            | Self::Missing { path }
            | Self::TooLarge { path, .. }
            | Self::Syntax { path, .. }
            | Self::TooNew { path, .. }
            | Self::Invalid { path, .. }
            | Self::NotAFile { path }
            | Self::WriteProtected { path }
            | Self::NotSessionFile { path }
            | Self::Busy { path, .. } => Some(path),
            Self::NoFolder => None,
        }
    }
}

impl std::error::Error for StorageError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// What was expected where the file has something else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// `[`, a list.
    List,
    /// `]` or `,`: the end of a list.
    ListEnd,
    /// `(` or a name followed by `(`: a group of fields.
    Group,
    /// `)`: the end of a group of fields.
    GroupEnd,
    /// `{`, a map.
    Map,
    /// `}` or `,`: the end of a map.
    MapEnd,
    /// `:` between a key and its value.
    Colon,
    Comma,
    /// Text in double quotes.
    Text,
    /// The closing double quote of a text.
    TextEnd,
    /// A whole number.
    WholeNumber,
    /// A number, possibly with a decimal point.
    Number,
    /// `true` or `false`.
    YesNo,
    /// `Some(…)` or `None`.
    Optional,
    /// A name (of a field or a choice).
    Name,
    /// A single character in single quotes.
    Character,
    /// Anything else a value could be.
    Value,
}

/// Why the text of a session file cannot be read, in categories a person can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxProblem {
    /// The file ends before the session does (cut off while copying?).
    CutOff,
    /// Bytes that are not UTF-8 text.
    NotText,
    /// Something else stands where this was expected.
    Expected(Expected),
    /// A field name this version does not know (misspelt?).
    UnknownField { field: String },
    /// A field given twice.
    RepeatedField { field: String },
    /// A required field is missing.
    MissingField { field: String },
    /// A choice (such as a colour or a method) that does not exist.
    UnknownChoice { found: String, choices: Vec<String> },
    /// A number too large or too small, or with a stray digit.
    NumberOutOfRange,
    /// A value of the wrong kind (text where a number belongs …).
    WrongKind,
    /// A list of the wrong length (the four quadrant labels).
    WrongLength { expected: String, found: usize },
    /// An id that is not a UUID.
    BadId,
    /// A date, time or timestamp that cannot be read.
    BadDate,
    /// An escape such as `\q` in a text.
    BadEscape,
    /// A character that does not belong here.
    UnexpectedChar(char),
    /// Text after the end of the session.
    TrailingText,
    /// A comment `/* …` that never ends.
    UnclosedComment,
    /// Nested more deeply than any session can be.
    TooDeep,
    /// The wrong name before a group (such as `Card(` where a `Board(` belongs).
    WrongName { expected: String, found: String },
    /// A reflection entry rates one dimension twice.
    RepeatedRating,
    /// The file cannot be read as a session for another reason.
    Unreadable,
}

impl SyntaxProblem {
    /// Sorts RON's errors, written for programmers, into plain categories.
    pub fn of(error: &ron::Error) -> Self {
        use ron::Error as E;
        match error {
            E::Eof => Self::CutOff,
            E::Utf8Error(_) => Self::NotText,
            E::ExpectedArray => Self::Expected(Expected::List),
            E::ExpectedArrayEnd => Self::Expected(Expected::ListEnd),
            E::ExpectedStructLike | E::ExpectedNamedStructLike(_) | E::ExpectedUnit => {
                Self::Expected(Expected::Group)
            }
            E::ExpectedStructLikeEnd | E::ExpectedOptionEnd | E::ExpectedAttributeEnd => {
                Self::Expected(Expected::GroupEnd)
            }
            E::ExpectedMap => Self::Expected(Expected::Map),
            E::ExpectedMapEnd => Self::Expected(Expected::MapEnd),
            E::ExpectedMapColon => Self::Expected(Expected::Colon),
            E::ExpectedComma => Self::Expected(Expected::Comma),
            E::ExpectedString | E::ExpectedByteString | E::ExpectedByteLiteral => {
                Self::Expected(Expected::Text)
            }
            E::ExpectedStringEnd => Self::Expected(Expected::TextEnd),
            E::ExpectedInteger => Self::Expected(Expected::WholeNumber),
            E::ExpectedFloat => Self::Expected(Expected::Number),
            E::ExpectedBoolean => Self::Expected(Expected::YesNo),
            E::ExpectedOption => Self::Expected(Expected::Optional),
            E::ExpectedIdentifier | E::ExpectedStructName(_) => Self::Expected(Expected::Name),
            E::ExpectedChar => Self::Expected(Expected::Character),
            E::ExpectedAttribute | E::ExpectedRawValue | E::ExpectedRangeSyntax => {
                Self::Expected(Expected::Value)
            }
            E::ExpectedDifferentStructName { expected, found } => Self::WrongName {
                expected: (*expected).to_owned(),
                found: found.clone(),
            },
            E::NoSuchStructField { found, .. } => Self::UnknownField {
                field: found.clone(),
            },
            E::DuplicateStructField { field, .. } => Self::RepeatedField {
                field: (*field).to_owned(),
            },
            E::MissingStructField { field, .. } => Self::MissingField {
                field: (*field).to_owned(),
            },
            E::NoSuchEnumVariant {
                expected, found, ..
            } => Self::UnknownChoice {
                found: found.clone(),
                choices: expected.iter().map(|c| (*c).to_owned()).collect(),
            },
            E::IntegerOutOfBounds | E::InvalidIntegerDigit { .. } | E::FloatUnderscore => {
                Self::NumberOutOfRange
            }
            E::InvalidValueForType { .. } => Self::WrongKind,
            E::ExpectedDifferentLength { expected, found } => Self::WrongLength {
                expected: expected.clone(),
                found: *found,
            },
            E::InvalidEscape(_) => Self::BadEscape,
            E::UnexpectedChar(c) => Self::UnexpectedChar(*c),
            E::TrailingCharacters => Self::TrailingText,
            E::UnclosedBlockComment | E::UnclosedLineComment => Self::UnclosedComment,
            E::ExceededRecursionLimit => Self::TooDeep,
            E::Message(message) => Self::of_message(message),
            E::UnderscoreAtBeginning
            | E::InvalidIdentifier(_)
            | E::SuggestRawIdentifier(_)
            | E::NoSuchExtension(_) => Self::Expected(Expected::Value),
            E::Fmt | E::Io(_) => Self::Unreadable,
            // A kind of error added to RON after this was written.
            _ => Self::Unreadable,
        }
    }

    /// A value's own parser (an id, a date) said no; its words are for programmers.
    fn of_message(message: &str) -> Self {
        let lower = message.to_ascii_lowercase();
        if message == crate::reflection::REPEATED_RATING {
            Self::RepeatedRating
        } else if lower.contains("uuid") {
            Self::BadId
        } else if [
            "date",
            "time",
            "timestamp",
            "civil",
            "month",
            "year",
            "hour",
        ]
        .iter()
        .any(|word| lower.contains(word))
        {
            Self::BadDate
        } else if lower.contains("invalid length") {
            Self::WrongLength {
                expected: String::new(),
                found: 0,
            }
        } else if lower.contains("invalid type") || lower.contains("invalid value") {
            Self::WrongKind
        } else {
            Self::Unreadable
        }
    }
}

/// Line and column (1-based, in characters) of a byte offset in a text that is valid up to
/// that offset.
pub fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_byte_is_found_on_its_line_and_column() {
        let text: &[u8] = b"Session(\n    title: \"Caf\xe9\",\n)";
        let offset = String::from_utf8(text.to_vec())
            .unwrap_err()
            .utf8_error()
            .valid_up_to();
        assert_eq!(line_column(text, offset), (2, 16));
    }

    #[test]
    fn programmer_messages_become_categories() {
        assert_eq!(
            SyntaxProblem::of(&ron::Error::Message(
                "UUID parsing failed: invalid character".into()
            )),
            SyntaxProblem::BadId
        );
        assert_eq!(
            SyntaxProblem::of(&ron::Error::ExceededRecursionLimit),
            SyntaxProblem::TooDeep
        );
        assert_eq!(
            SyntaxProblem::of(&ron::Error::SuggestRawIdentifier("r#x".into())),
            SyntaxProblem::Expected(Expected::Value)
        );
    }
}
