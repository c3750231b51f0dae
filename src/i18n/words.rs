//! The words for the domain's own values (methods, statuses, colours, verdicts), shared by
//! the screens and the reports.

use super::{Lang, T, format};
use crate::agenda::Method;
use crate::board::CardColour;
use crate::reflection::stats::Verdict;
use crate::results::{ActionStatus, Due};

/// An agenda method in words.
pub fn method_text(method: Method, lang: Lang) -> &'static str {
    match method {
        Method::Input => T::MethodInput,
        Method::Discussion => T::MethodDiscussion,
        Method::GroupWork => T::MethodGroupWork,
        Method::Positioning => T::MethodPositioning,
        Method::Clustering => T::MethodClustering,
        Method::Voting => T::MethodVoting,
        Method::Reflection => T::MethodReflection,
        Method::Break => T::MethodBreak,
        Method::Other => T::MethodOther,
    }
    .get(lang)
}

/// An action item's status in words.
pub fn status_text(status: ActionStatus, lang: Lang) -> &'static str {
    match status {
        ActionStatus::Open => T::StatusOpen,
        ActionStatus::InProgress => T::StatusInProgress,
        ActionStatus::Done => T::StatusDone,
        ActionStatus::Dropped => T::StatusDropped,
    }
    .get(lang)
}

/// When an action item is due, in words (a date as the language writes it).
pub fn due_text(due: Due, lang: Lang) -> String {
    match due {
        Due::Open => T::DueOpen.get(lang).to_owned(),
        Due::On(date) => format::date(date, lang),
        Due::NextMeeting => T::DueNextMeeting.get(lang).to_owned(),
    }
}

/// A reflection verdict in words.
pub fn verdict_text(verdict: Verdict, lang: Lang) -> &'static str {
    match verdict {
        Verdict::NoRatings => T::VerdictNone,
        Verdict::MostlyPositive => T::VerdictPositive,
        Verdict::MostlyNegative => T::VerdictNegative,
        Verdict::Split => T::VerdictSplit,
        Verdict::Mixed => T::VerdictMixed,
    }
    .get(lang)
}

/// A card colour's name.
pub fn colour_name(colour: CardColour, lang: Lang) -> &'static str {
    match colour {
        CardColour::White => T::ColourWhite,
        CardColour::Yellow => T::ColourYellow,
        CardColour::Orange => T::ColourOrange,
        CardColour::Pink => T::ColourPink,
        CardColour::Green => T::ColourGreen,
        CardColour::Blue => T::ColourBlue,
    }
    .get(lang)
}
