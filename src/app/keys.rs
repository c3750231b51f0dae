//! The one table of what the keyboard does: every keyed action with its shortcuts, where it
//! acts and what it is called. The input handling, the board's keys, the projector window,
//! the help overlay and every tooltip read their keys from here and format them for the
//! platform and language ("Strg+S" in German, "Ctrl+S" in English, "⌘S" on a Mac).

use egui::{Key, KeyboardShortcut, Modifiers};

use super::command::{Command, Screen};
use crate::agenda::live::LiveAction;
use crate::agenda::speaking::RoundAction;
use crate::i18n::{Lang, T};

/// Where a keyed action acts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere, also while typing (the shortcuts carry Ctrl or ⌘).
    Anywhere,
    /// Anywhere, when no text field has the cursor.
    NoTyping,
    /// The live timer: on the Agenda screen and in the projector window, where the
    /// moderator sees what the key does, and when no text field has the cursor.
    Live,
    /// While a speaking round runs, when no text field has the cursor.
    Round,
    /// On the board, when no text field has the cursor.
    Board,
    /// In an agenda item's title field.
    AgendaTitle,
    /// In the projector window.
    Projector,
}

/// A keyed action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keyed {
    Save,
    Open,
    NewSession,
    Undo,
    Redo,
    Screens,
    StartPause,
    NextItem,
    MinuteMore,
    MinuteLess,
    Projector,
    Help,
    NextSpeaker,
    MoveItem,
    FitAll,
    ZoomIn,
    ZoomOut,
    Nudge,
    DeleteCards,
    DuplicateCards,
    GroupCards,
    SelectAll,
    Deselect,
    Fullscreen,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

/// A static list of shortcuts (const, so it lives as long as the program).
macro_rules! keys {
    ($($shortcut:expr),* $(,)?) => {{
        const KEYS: &[KeyboardShortcut] = &[$($shortcut),*];
        KEYS
    }};
}

const NONE: Modifiers = Modifiers::NONE;
const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

impl Keyed {
    /// Every keyed action, in the order the help overlay lists them.
    pub const ALL: [Keyed; 24] = [
        Keyed::StartPause,
        Keyed::NextItem,
        Keyed::MinuteMore,
        Keyed::MinuteLess,
        Keyed::Projector,
        Keyed::Fullscreen,
        Keyed::NextSpeaker,
        Keyed::MoveItem,
        Keyed::FitAll,
        Keyed::ZoomIn,
        Keyed::ZoomOut,
        Keyed::Nudge,
        Keyed::DeleteCards,
        Keyed::DuplicateCards,
        Keyed::GroupCards,
        Keyed::SelectAll,
        Keyed::Deselect,
        // Redo before undo: egui matches Ctrl+Z "logically" (Shift ignored), so Ctrl+Shift+Z
        // would otherwise be taken as undo.
        Keyed::Redo,
        Keyed::Undo,
        Keyed::Save,
        Keyed::Open,
        Keyed::NewSession,
        Keyed::Screens,
        Keyed::Help,
    ];

    /// Its shortcuts, the usual one first.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Keyed::Save => keys![key(CMD, Key::S)],
            Keyed::Open => keys![key(CMD, Key::O)],
            Keyed::NewSession => keys![key(CMD, Key::N)],
            Keyed::Undo => keys![key(CMD, Key::Z)],
            Keyed::Redo => keys![key(CMD_SHIFT, Key::Z), key(CMD, Key::Y)],
            Keyed::Screens => keys![
                key(CMD, Key::Num1),
                key(CMD, Key::Num2),
                key(CMD, Key::Num3),
                key(CMD, Key::Num4),
                key(CMD, Key::Num5),
                key(CMD, Key::Num6),
            ],
            Keyed::StartPause => keys![key(NONE, Key::Space)],
            Keyed::NextItem => keys![key(NONE, Key::N)],
            Keyed::MinuteMore => keys![key(NONE, Key::Plus), key(NONE, Key::Equals)],
            Keyed::MinuteLess => keys![key(NONE, Key::Minus)],
            Keyed::Projector => keys![key(NONE, Key::P)],
            Keyed::Help => keys![key(NONE, Key::F1), key(NONE, Key::Questionmark)],
            Keyed::NextSpeaker => keys![key(NONE, Key::Enter)],
            Keyed::MoveItem => keys![
                key(Modifiers::ALT, Key::ArrowUp),
                key(Modifiers::ALT, Key::ArrowDown),
            ],
            Keyed::FitAll => keys![key(NONE, Key::Num0)],
            Keyed::ZoomIn => keys![key(NONE, Key::Plus), key(NONE, Key::Equals)],
            Keyed::ZoomOut => keys![key(NONE, Key::Minus)],
            Keyed::Nudge => keys![
                key(NONE, Key::ArrowLeft),
                key(NONE, Key::ArrowRight),
                key(NONE, Key::ArrowUp),
                key(NONE, Key::ArrowDown),
            ],
            Keyed::DeleteCards => keys![key(NONE, Key::Delete), key(NONE, Key::Backspace)],
            Keyed::DuplicateCards => keys![key(CMD, Key::D)],
            Keyed::GroupCards => keys![key(CMD, Key::G)],
            Keyed::SelectAll => keys![key(CMD, Key::A)],
            Keyed::Deselect => keys![key(NONE, Key::Escape)],
            Keyed::Fullscreen => keys![key(NONE, Key::F11)],
        }
    }

    /// Where it acts.
    pub fn scope(self) -> Scope {
        match self {
            Keyed::Save
            | Keyed::Open
            | Keyed::NewSession
            | Keyed::Undo
            | Keyed::Redo
            | Keyed::Screens => Scope::Anywhere,
            Keyed::StartPause | Keyed::NextItem | Keyed::MinuteMore | Keyed::MinuteLess => {
                Scope::Live
            }
            Keyed::Projector | Keyed::Help => Scope::NoTyping,
            Keyed::NextSpeaker => Scope::Round,
            Keyed::MoveItem => Scope::AgendaTitle,
            Keyed::FitAll
            | Keyed::ZoomIn
            | Keyed::ZoomOut
            | Keyed::Nudge
            | Keyed::DeleteCards
            | Keyed::DuplicateCards
            | Keyed::GroupCards
            | Keyed::SelectAll
            | Keyed::Deselect => Scope::Board,
            Keyed::Fullscreen => Scope::Projector,
        }
    }

    /// What it does, in words (the help overlay's second column).
    pub fn what(self) -> T {
        match self {
            Keyed::Save => T::KeySave,
            Keyed::Open => T::KeyOpen,
            Keyed::NewSession => T::KeyNewSession,
            Keyed::Undo => T::KeyUndo,
            Keyed::Redo => T::KeyRedo,
            Keyed::Screens => T::KeyScreens,
            Keyed::StartPause => T::KeyStartPause,
            Keyed::NextItem => T::KeyNextItem,
            Keyed::MinuteMore => T::KeyMinuteMore,
            Keyed::MinuteLess => T::KeyMinuteLess,
            Keyed::Projector => T::KeyProjector,
            Keyed::Help => T::KeyHelp,
            Keyed::NextSpeaker => T::KeyNextSpeaker,
            Keyed::MoveItem => T::KeyMoveItem,
            Keyed::FitAll => T::KeyFitAll,
            Keyed::ZoomIn => T::KeyZoomIn,
            Keyed::ZoomOut => T::KeyZoomOut,
            Keyed::Nudge => T::KeyNudge,
            Keyed::DeleteCards => T::KeyDeleteCards,
            Keyed::DuplicateCards => T::KeyDuplicateCards,
            Keyed::GroupCards => T::KeyGroupCards,
            Keyed::SelectAll => T::KeySelectAll,
            Keyed::Deselect => T::KeyDeselect,
            Keyed::Fullscreen => T::KeyFullscreen,
        }
    }

    /// The command of the main window's own shortcuts; the board, the agenda's title
    /// fields and the projector window handle theirs where they are.
    pub fn command(self, index: usize) -> Option<Command> {
        Some(match self {
            Keyed::Save => Command::Save,
            Keyed::Open => Command::ChoosePath(super::PathPurpose::Open),
            Keyed::NewSession => Command::NewSession,
            Keyed::Undo => Command::Undo,
            Keyed::Redo => Command::Redo,
            Keyed::Screens => Command::Show(*Screen::ALL.get(index)?),
            Keyed::StartPause => Command::Live(LiveAction::Toggle),
            Keyed::NextItem => Command::Live(LiveAction::Next),
            Keyed::MinuteMore => Command::Live(LiveAction::Extend(60)),
            Keyed::MinuteLess => Command::Live(LiveAction::Extend(-60)),
            Keyed::Projector => Command::ToggleProjector,
            Keyed::Help => Command::ToggleHelp,
            Keyed::NextSpeaker => Command::Round(RoundAction::Next),
            _ => return None,
        })
    }

    /// Takes this action's key press out of the frame's input; with several shortcuts,
    /// says which one (its index).
    pub fn consume(self, input: &mut egui::InputState) -> Option<usize> {
        self.shortcuts()
            .iter()
            .position(|shortcut| consume_one(input, shortcut))
    }

    /// Its usual shortcut in the platform's and the language's words, for a tooltip.
    pub fn hint(self, ctx: &egui::Context, lang: Lang) -> String {
        self.shortcuts()
            .first()
            .map(|s| format(s, lang, ctx.os() == egui::os::OperatingSystem::Mac))
            .unwrap_or_default()
    }

    /// Every shortcut, joined, for the help overlay ("Strg+1 … Strg+6" for the screens).
    pub fn all_hints(self, ctx: &egui::Context, lang: Lang) -> String {
        let is_mac = ctx.os() == egui::os::OperatingSystem::Mac;
        let shortcuts = self.shortcuts();
        if let (Keyed::Screens, Some(first), Some(last)) =
            (self, shortcuts.first(), shortcuts.last())
        {
            return format!(
                "{} \u{2026} {}",
                format(first, lang, is_mac),
                format(last, lang, is_mac)
            );
        }
        shortcuts
            .iter()
            .map(|s| format(s, lang, is_mac))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A shortcut's press, taken out of the input; a `?` comes with Shift on most layouts.
fn consume_one(input: &mut egui::InputState, shortcut: &KeyboardShortcut) -> bool {
    if shortcut.modifiers.is_none() {
        input.consume_key(Modifiers::NONE, shortcut.logical_key)
            || (shortcut.logical_key == Key::Questionmark
                && input.consume_key(Modifiers::SHIFT, shortcut.logical_key))
            || (matches!(
                shortcut.logical_key,
                Key::ArrowLeft | Key::ArrowRight | Key::ArrowUp | Key::ArrowDown
            ) && input.consume_key(Modifiers::SHIFT, shortcut.logical_key))
    } else {
        input.consume_shortcut(shortcut)
    }
}

/// A shortcut in words: the language's names of keys and modifiers, or the Mac's symbols.
pub fn format(shortcut: &KeyboardShortcut, lang: Lang, is_mac: bool) -> String {
    let m = shortcut.modifiers;
    let mut parts: Vec<&str> = Vec::new();
    if is_mac {
        let mut out = String::new();
        for (on, symbol) in [
            (m.ctrl, "\u{2303}"),
            (m.alt, "\u{2325}"),
            (m.shift, "\u{21e7}"),
            (m.mac_cmd || m.command, "\u{2318}"),
        ] {
            if on {
                out.push_str(symbol);
            }
        }
        out.push_str(&key_name(shortcut.logical_key, lang));
        return out;
    }
    let german = lang == Lang::De;
    if m.ctrl || m.command {
        parts.push(if german { "Strg" } else { "Ctrl" });
    }
    if m.alt {
        parts.push("Alt");
    }
    if m.shift {
        parts.push(if german { "Umschalt" } else { "Shift" });
    }
    let name = key_name(shortcut.logical_key, lang);
    parts.push(&name);
    parts.join("+")
}

/// A key's name as printed on German and English keyboards.
fn key_name(key: Key, lang: Lang) -> String {
    let german = lang == Lang::De;
    match key {
        Key::Space if german => "Leertaste".to_owned(),
        Key::Delete if german => "Entf".to_owned(),
        Key::Backspace if german => "Rücktaste".to_owned(),
        Key::Escape => "Esc".to_owned(),
        Key::Delete => "Del".to_owned(),
        Key::Minus => "\u{2212}".to_owned(),
        Key::ArrowUp => "\u{2191}".to_owned(),
        Key::ArrowDown => "\u{2193}".to_owned(),
        Key::ArrowLeft => "\u{2190}".to_owned(),
        Key::ArrowRight => "\u{2192}".to_owned(),
        other => other.symbol_or_name().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_read_in_the_language_and_on_a_mac() {
        let save = Keyed::Save.shortcuts()[0];
        assert_eq!(format(&save, Lang::De, false), "Strg+S");
        assert_eq!(format(&save, Lang::En, false), "Ctrl+S");
        assert_eq!(format(&save, Lang::En, true), "\u{2318}S");
        let redo = Keyed::Redo.shortcuts()[0];
        assert_eq!(format(&redo, Lang::De, false), "Strg+Umschalt+Z");
        let space = Keyed::StartPause.shortcuts()[0];
        assert_eq!(format(&space, Lang::De, false), "Leertaste");
        assert_eq!(format(&space, Lang::En, false), "Space");
    }

    #[test]
    fn no_two_actions_of_one_place_share_a_key() {
        let overlap = |a: Scope, b: Scope| {
            a == b
                || matches!((a, b), (Scope::Anywhere, _) | (_, Scope::Anywhere))
                || matches!(
                    (a, b),
                    (Scope::NoTyping, Scope::Live | Scope::Round)
                        | (Scope::Live | Scope::Round, Scope::NoTyping)
                )
        };
        for (i, a) in Keyed::ALL.iter().enumerate() {
            for b in &Keyed::ALL[i + 1..] {
                if !overlap(a.scope(), b.scope()) {
                    continue;
                }
                for sa in a.shortcuts() {
                    assert!(!b.shortcuts().contains(sa), "{a:?} and {b:?} share {sa:?}");
                }
            }
        }
    }
}
