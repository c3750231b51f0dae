//! Errors and problems in words: every typed error of the domain becomes one plain sentence
//! (or a few) in a language. `Display` gives the English words, for logs and tests.

use std::fmt;
use std::io;
use std::path::Path;

use super::{Lang, M, fill};
use crate::consolidate::run::{ConsolidateError, ConsolidationWarning, Overlap};
use crate::jobs::JobFailure;
use crate::photos::PhotoError;
use crate::photos::PhotoPathProblem;
use crate::session::{
    Element, NumberField, Problem, ProblemKind, Repair, RepairKind, SCHEMA_VERSION,
};
use crate::storage::{
    Expected, FileError, FileProblem, IoAction, LockError, StorageError, SyntaxProblem,
};

/// Something that can be put into words.
pub trait Describe {
    /// The message in a language.
    fn describe(&self, lang: Lang) -> String;
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

fn say(key: M, lang: Lang, values: &[&str]) -> String {
    fill(key.get(lang), values)
}

/// Why the system refused, in words; the system's own words only when there are no others.
pub fn io_reason(error: &io::Error, lang: Lang) -> String {
    use io::ErrorKind as K;
    let key = match error.kind() {
        K::NotFound => M::WhyNotFound,
        K::PermissionDenied => M::WhyPermission,
        K::StorageFull | K::QuotaExceeded => M::WhyDiskFull,
        K::ReadOnlyFilesystem => M::WhyReadOnly,
        K::AlreadyExists => M::WhyExists,
        K::NotADirectory => M::WhyNotAFolder,
        K::IsADirectory => M::WhyIsAFolder,
        K::DirectoryNotEmpty => M::WhyFolderNotEmpty,
        K::InvalidFilename => M::WhyBadName,
        K::CrossesDevices => M::WhyOtherDisk,
        K::Interrupted => M::WhyInterrupted,
        _ => {
            // "No space left on device (os error 28)": the number means nothing to a person.
            let text = error.to_string();
            let plain = text.split(" (os error").next().unwrap_or(&text).to_owned();
            return say(M::WhySystem, lang, &[&plain]);
        }
    };
    key.get(lang).to_owned()
}

impl Describe for StorageError {
    fn describe(&self, lang: Lang) -> String {
        match self {
            StorageError::Io {
                action,
                path,
                source,
            } => {
                let key = match action {
                    IoAction::Read => M::IoRead,
                    IoAction::Write => M::IoWrite,
                    IoAction::Replace => M::IoReplace,
                    IoAction::Remove => M::IoRemove,
                    IoAction::CreateFolder => M::IoCreateFolder,
                    IoAction::CreateTemp => M::IoCreateTemp,
                    IoAction::SyncFolder => M::IoSyncFolder,
                    IoAction::ListFolder => M::IoListFolder,
                    IoAction::Rename => M::IoRename,
                };
                say(key, lang, &[&shown(path), &io_reason(source, lang)])
            }
            StorageError::NotASession { path } => say(M::NotASession, lang, &[&shown(path)]),
            StorageError::Missing { path } => say(M::Missing, lang, &[&shown(path)]),
            StorageError::TooLarge { path, bytes } => say(
                M::SessionTooLarge,
                lang,
                &[&shown(path), &(bytes / (1024 * 1024)).to_string()],
            ),
            StorageError::Syntax {
                path,
                line,
                column,
                problem,
            } => say(
                M::SyntaxAt,
                lang,
                &[
                    &shown(path),
                    &line.to_string(),
                    &column.to_string(),
                    &problem.describe(lang),
                ],
            ),
            StorageError::TooNew { path, found } => say(
                M::TooNew,
                lang,
                &[
                    &shown(path),
                    &found.to_string(),
                    &SCHEMA_VERSION.to_string(),
                ],
            ),
            StorageError::Invalid { path, problems } => {
                let mut text = say(M::Invalid, lang, &[&shown(path)]);
                for problem in problems {
                    text.push_str("\n\u{2022} ");
                    text.push_str(&problem.describe(lang));
                }
                text
            }
            StorageError::NoFolder => M::NoFolder.get(lang).to_owned(),
            StorageError::NotAFile { path } => say(M::NotAFile, lang, &[&shown(path)]),
            StorageError::WriteProtected { path } => say(M::WriteProtected, lang, &[&shown(path)]),
            StorageError::NotSessionFile { path } => say(M::NotSessionFile, lang, &[&shown(path)]),
            StorageError::Busy { path, holder } => {
                let who = if holder.trim().is_empty() {
                    M::AnotherProgram.get(lang).to_owned()
                } else {
                    say(M::ProcessNumber, lang, &[holder.trim()])
                };
                say(M::SessionBusy, lang, &[&shown(path), &who])
            }
        }
    }
}

impl Describe for SyntaxProblem {
    fn describe(&self, lang: Lang) -> String {
        match self {
            SyntaxProblem::CutOff => M::CutOff.get(lang).to_owned(),
            SyntaxProblem::NotText => M::NotText.get(lang).to_owned(),
            SyntaxProblem::Expected(expected) => {
                let what = match expected {
                    Expected::List => M::ExpList,
                    Expected::ListEnd => M::ExpListEnd,
                    Expected::Group => M::ExpGroup,
                    Expected::GroupEnd => M::ExpGroupEnd,
                    Expected::Map => M::ExpMap,
                    Expected::MapEnd => M::ExpMapEnd,
                    Expected::Colon => M::ExpColon,
                    Expected::Comma => M::ExpComma,
                    Expected::Text => M::ExpText,
                    Expected::TextEnd => M::ExpTextEnd,
                    Expected::WholeNumber => M::ExpWholeNumber,
                    Expected::Number => M::ExpNumber,
                    Expected::YesNo => M::ExpYesNo,
                    Expected::Optional => M::ExpOptional,
                    Expected::Name => M::ExpName,
                    Expected::Character => M::ExpCharacter,
                    Expected::Value => M::ExpValue,
                };
                say(M::ExpectedHere, lang, &[what.get(lang)])
            }
            SyntaxProblem::UnknownField { field } => say(M::UnknownField, lang, &[field]),
            SyntaxProblem::RepeatedField { field } => say(M::RepeatedField, lang, &[field]),
            SyntaxProblem::MissingField { field } => say(M::MissingField, lang, &[field]),
            SyntaxProblem::UnknownChoice { found, choices } => {
                say(M::UnknownChoice, lang, &[found, &choices.join(", ")])
            }
            SyntaxProblem::NumberOutOfRange => M::NumberOutOfRange.get(lang).to_owned(),
            SyntaxProblem::WrongKind => M::WrongKind.get(lang).to_owned(),
            SyntaxProblem::WrongLength { expected, found } if !expected.is_empty() => {
                say(M::WrongLength, lang, &[expected, &found.to_string()])
            }
            SyntaxProblem::WrongLength { .. } => M::WrongLengthPlain.get(lang).to_owned(),
            SyntaxProblem::BadId => M::BadId.get(lang).to_owned(),
            SyntaxProblem::BadDate => M::BadDate.get(lang).to_owned(),
            SyntaxProblem::BadEscape => M::BadEscape.get(lang).to_owned(),
            SyntaxProblem::UnexpectedChar(c) => say(M::UnexpectedChar, lang, &[&c.to_string()]),
            SyntaxProblem::TrailingText => M::TrailingText.get(lang).to_owned(),
            SyntaxProblem::UnclosedComment => M::UnclosedComment.get(lang).to_owned(),
            SyntaxProblem::TooDeep => M::TooDeep.get(lang).to_owned(),
            SyntaxProblem::WrongName { expected, found } => {
                say(M::WrongName, lang, &[expected, found])
            }
            SyntaxProblem::RepeatedRating => M::RepeatedRating.get(lang).to_owned(),
            SyntaxProblem::Unreadable => M::Unreadable.get(lang).to_owned(),
        }
    }
}

fn element_word(element: Element) -> M {
    match element {
        Element::Session => M::ElementSession,
        Element::Participant => M::ElementParticipant,
        Element::AgendaDay => M::ElementAgendaDay,
        Element::AgendaItem => M::ElementAgendaItem,
        Element::Board => M::ElementBoard,
        Element::Card => M::ElementCard,
        Element::Cluster => M::ElementCluster,
        Element::Dimension => M::ElementDimension,
        Element::ReflectionEntry => M::ElementReflectionEntry,
        Element::Photo => M::ElementPhoto,
        Element::Result => M::ElementResult,
        Element::ActionItem => M::ElementActionItem,
        Element::Reflection => M::ElementReflection,
        Element::Dissent => M::ElementDissent,
        Element::TimingEvent => M::ElementTimingEvent,
        Element::NextMeeting => M::ElementNextMeeting,
    }
}

fn field_word(field: NumberField) -> M {
    match field {
        NumberField::Votes => M::FieldVotes,
        NumberField::DotsPerPerson => M::FieldDotsPerPerson,
        NumberField::PlannedMinutes => M::FieldPlannedMinutes,
        NumberField::Extension => M::FieldExtension,
        NumberField::Position => M::FieldPosition,
    }
}

impl Describe for Problem {
    fn describe(&self, lang: Lang) -> String {
        let element = element_word(self.element).get(lang);
        let label = self.label.as_str();
        let number = |n: i64| super::count(n, lang);
        let text = match &self.kind {
            ProblemKind::NoId => say(M::ProblemNoId, lang, &[element, label]),
            ProblemKind::RepeatedId(id) => say(
                M::ProblemRepeatedId,
                lang,
                &[element, label, &id.to_string()],
            ),
            ProblemKind::PhotoPath(why) => {
                let key = match why {
                    PhotoPathProblem::Empty => M::ProblemPhotoEmpty,
                    PhotoPathProblem::Absolute => M::ProblemPhotoAbsolute,
                    PhotoPathProblem::LeavesFolder => M::ProblemPhotoLeaves,
                };
                say(key, lang, &[label])
            }
            ProblemKind::TextTooLong { chars, limit } => say(
                M::ProblemTextTooLong,
                lang,
                &[
                    element,
                    label,
                    &number(to_i64(*chars)),
                    &number(to_i64(*limit)),
                ],
            ),
            ProblemKind::NotFinite(field) => say(
                M::ProblemNotFinite,
                lang,
                &[element, label, field_word(*field).get(lang)],
            ),
            ProblemKind::TooLarge {
                field,
                value,
                limit,
            } => say(
                M::ProblemTooLarge,
                lang,
                &[
                    element,
                    label,
                    field_word(*field).get(lang),
                    &number(*value),
                    &number(*limit),
                ],
            ),
            ProblemKind::ScaleEmpty { min, max } => say(
                M::ProblemScaleEmpty,
                lang,
                &[&number((*min).into()), &number((*max).into())],
            ),
            ProblemKind::ScaleTooLong { min, max } => say(
                M::ProblemScaleTooLong,
                lang,
                &[&number((*min).into()), &number((*max).into())],
            ),
            ProblemKind::TooMany { count, limit } => say(
                M::ProblemTooMany,
                lang,
                &[
                    element,
                    label,
                    &number(to_i64(*count)),
                    &number(to_i64(*limit)),
                ],
            ),
        };
        match self.line {
            Some(line) => say(M::ProblemAtLine, lang, &[&line.to_string(), &text]),
            None => text,
        }
    }
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl Describe for Repair {
    fn describe(&self, lang: Lang) -> String {
        let element = element_word(self.element).get(lang);
        let label = self.label.as_str();
        match &self.kind {
            RepairKind::RatingOutsideScale { dimension, value } => say(
                M::RepairRatingOutside,
                lang,
                &[element, label, &value.to_string(), dimension],
            ),
            RepairKind::RatingUnknownDimension => {
                say(M::RepairRatingUnknown, lang, &[element, label])
            }
            RepairKind::MembersMissing { count } => say(
                M::RepairMembersMissing,
                lang,
                &[element, label, &count.to_string()],
            ),
            RepairKind::CardInTwoClusters { first } => {
                say(M::RepairCardInTwoClusters, lang, &[element, label, first])
            }
            RepairKind::LinkMissing => say(M::RepairLinkMissing, lang, &[element, label]),
            RepairKind::TimingBackwards { count } => say(
                M::RepairTimingBackwards,
                lang,
                &[element, label, &count.to_string()],
            ),
            RepairKind::PositionMoved => say(M::RepairPositionMoved, lang, &[element, label]),
        }
    }
}

/// What loading put right, as lines: the first `shown`, then how many more.
pub fn repair_lines(repairs: &[Repair], shown: usize, lang: Lang) -> Vec<String> {
    let mut lines: Vec<String> = repairs
        .iter()
        .take(shown)
        .map(|r| r.describe(lang))
        .collect();
    if repairs.len() > shown {
        let more = (repairs.len() - shown).to_string();
        lines.push(say(M::RepairsMore, lang, &[&more]));
    }
    lines
}

impl Describe for FileError {
    fn describe(&self, lang: Lang) -> String {
        file_problem(&self.path, &self.problem, lang)
    }
}

/// A file's problem in words, with the file named as given.
fn file_problem(path: &str, problem: &FileProblem, lang: Lang) -> String {
    {
        match problem {
            FileProblem::Missing => say(M::FileMissing, lang, &[path]),
            FileProblem::Outside => say(M::FileOutside, lang, &[path]),
            FileProblem::PhotosFolderNotReal => M::FilePhotosFolder.get(lang).to_owned(),
            FileProblem::NotAFile => say(M::FileNotAFile, lang, &[path]),
            FileProblem::TooLarge { bytes } => say(
                M::FileTooLarge,
                lang,
                &[path, &(bytes / (1024 * 1024)).to_string()],
            ),
            FileProblem::Unreadable(e) => {
                say(M::FileUnreadable, lang, &[path, &io_reason(e, lang)])
            }
        }
    }
}

impl Describe for PhotoError {
    fn describe(&self, lang: Lang) -> String {
        match self {
            PhotoError::Unreadable(name, kind) => say(
                M::PhotoUnreadable,
                lang,
                &[name, &io_reason(&io::Error::from(*kind), lang)],
            ),
            PhotoError::Empty(name) => say(M::PhotoEmpty, lang, &[name]),
            PhotoError::Heic(name) => say(M::PhotoHeic, lang, &[name]),
            PhotoError::NotAnImage(name) => say(M::PhotoNotAnImage, lang, &[name]),
            PhotoError::FileTooLarge(name, bytes) => say(
                M::FileTooLarge,
                lang,
                &[name, &(bytes / (1024 * 1024)).to_string()],
            ),
            PhotoError::TooLarge(name, w, h) => say(
                M::PhotoTooLarge,
                lang,
                &[name, &w.to_string(), &h.to_string()],
            ),
            PhotoError::Damaged(name) => say(M::PhotoDamaged, lang, &[name]),
            PhotoError::Missing(name) => say(M::PhotoMissing, lang, &[name]),
            PhotoError::Outside(name) => say(M::FileOutside, lang, &[name]),
            PhotoError::PhotosFolderNotReal => M::FilePhotosFolder.get(lang).to_owned(),
            PhotoError::NotAFile(name) => say(M::FileNotAFile, lang, &[name]),
            PhotoError::NoPhotosInFolder(name) => say(M::NoPhotosInFolder, lang, &[name]),
        }
    }
}

impl Describe for crate::board::import::ImportProblem {
    fn describe(&self, lang: Lang) -> String {
        use crate::board::import::ImportProblemKind as K;
        let what = match &self.kind {
            K::NoTextColumn => M::ImportNoTextColumn.get(lang).to_owned(),
            K::UnknownColumn(name) => say(M::ImportUnknownColumn, lang, &[name]),
            K::Columns { expected, found } => say(
                M::ImportColumns,
                lang,
                &[&found.to_string(), &expected.to_string()],
            ),
            K::OpenQuote => M::ImportOpenQuote.get(lang).to_owned(),
            K::EmptyText => M::ImportEmptyText.get(lang).to_owned(),
            K::TooLong { chars, limit } => say(
                M::ImportTooLong,
                lang,
                &[&chars.to_string(), &limit.to_string()],
            ),
            K::UnknownColour(name) => say(M::ImportUnknownColour, lang, &[name]),
            K::TooMany { limit } => say(M::ImportTooMany, lang, &[&limit.to_string()]),
            K::NoCards => M::ImportNoCards.get(lang).to_owned(),
        };
        say(M::ImportLine, lang, &[&self.line.to_string(), &what])
    }
}

impl Describe for LockError {
    fn describe(&self, lang: Lang) -> String {
        match self {
            LockError::HeldElsewhere { holder } => {
                let holder = if holder.is_empty() {
                    M::LockHolderUnknown.get(lang)
                } else {
                    holder
                };
                say(M::LockHeld, lang, &[holder])
            }
            LockError::Io { path, source } => {
                say(M::LockIo, lang, &[&shown(path), &io_reason(source, lang)])
            }
        }
    }
}

impl Describe for ConsolidateError {
    fn describe(&self, lang: Lang) -> String {
        match self {
            ConsolidateError::TooFewInputs => M::ConsolidateTooFew.get(lang).to_owned(),
            ConsolidateError::SourcesMoved(moved) => {
                let mut text = M::SourcesMoved.get(lang).to_owned();
                for (title, looked) in moved {
                    let places: Vec<String> = looked.iter().map(|p| shown(p)).collect();
                    text.push_str("\n\u{2022} ");
                    text.push_str(&say(M::SourceMoved, lang, &[title, &places.join(", ")]));
                }
                text
            }
            ConsolidateError::Unreadable { failures, total } => {
                let mut text = say(
                    M::ConsolidateUnreadable,
                    lang,
                    &[&failures.len().to_string(), &total.to_string()],
                );
                for error in failures {
                    text.push_str("\n\u{2022} ");
                    text.push_str(&error.describe(lang));
                }
                text
            }
            ConsolidateError::SameInputTwice { input, same_as } => {
                say(M::ConsolidateTwice, lang, &[&shown(input), &shown(same_as)])
            }
            ConsolidateError::OutputOverlapsInput {
                out,
                input,
                overlap,
            } => {
                let key = match overlap {
                    Overlap::Same => M::ConsolidateOutSame,
                    Overlap::Inside => M::ConsolidateOutInside,
                    Overlap::Contains => M::ConsolidateOutContains,
                };
                say(key, lang, &[&shown(out), &shown(input)])
            }
            ConsolidateError::OutputNotEmpty { out, holds_session } => {
                let key = if *holds_session {
                    M::ConsolidateOutHoldsSession
                } else {
                    M::ConsolidateOutNotEmpty
                };
                say(key, lang, &[&shown(out)])
            }
            ConsolidateError::OutputNotAConsolidation { out } => {
                say(M::ConsolidateOutNotConsolidation, lang, &[&shown(out)])
            }
            ConsolidateError::ForeignFileInTheWay { out, file } => {
                say(M::ConsolidateForeign, lang, &[&shown(out), file])
            }
            ConsolidateError::OutputUnreadable(e) => format!(
                "{}\n{}",
                M::ConsolidateOutUnreadable.get(lang),
                e.describe(lang)
            ),
            ConsolidateError::Storage(e) => e.describe(lang),
            ConsolidateError::ResultInvalid(problems) => {
                let mut text = M::ConsolidateResultInvalid.get(lang).to_owned();
                for problem in problems {
                    text.push_str("\n\u{2022} ");
                    text.push_str(&problem.describe(lang));
                }
                text
            }
            ConsolidateError::Cancelled => M::ConsolidateCancelled.get(lang).to_owned(),
        }
    }
}

impl Describe for ConsolidationWarning {
    fn describe(&self, lang: Lang) -> String {
        match self {
            ConsolidationWarning::PhotoNotCopied { source, error } => {
                let file = shown(&source.join(&error.path));
                say(
                    M::ConsolidatePhotoNotCopied,
                    lang,
                    &[&file_problem(&file, &error.problem, lang)],
                )
            }
        }
    }
}

impl Describe for JobFailure {
    fn describe(&self, lang: Lang) -> String {
        match self {
            JobFailure::Panicked(message) => say(M::JobPanicked, lang, &[message]),
            JobFailure::WorkerGone => M::JobGone.get(lang).to_owned(),
        }
    }
}

/// `Display` in English, for logs, tests and `?` in scripts.
macro_rules! display_in_english {
    ($($type:ty),* $(,)?) => {$(
        impl fmt::Display for $type {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.describe(Lang::En))
            }
        }
    )*};
}

display_in_english!(
    StorageError,
    SyntaxProblem,
    Problem,
    FileError,
    PhotoError,
    LockError,
    ConsolidateError,
    ConsolidationWarning,
    JobFailure,
);
