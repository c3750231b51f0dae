//! Every word Moderato shows or prints, in German and English: the app's screens ([`T`]),
//! the reports ([`R`]), the command line ([`C`]) and the messages about errors and problems
//! ([`M`]), from tables built
//! by one macro. The domain returns typed values (errors, verdicts, methods); they are put
//! into words here and nowhere else. No GUI code here.

mod cli;
mod describe;
mod format;
mod messages;
mod report;
mod sources;
mod ui;
mod words;

use serde::{Deserialize, Serialize};

pub use cli::C;
pub use describe::{Describe, io_reason, repair_lines};
pub use format::{count, date, date_range, decimal, long_date, percent, plural, signed};
pub use messages::M;
pub use report::R;
pub use sources::{K, conflict_line, shown_conflicts, source_legend, status_with_sources};
pub use ui::T;
pub use words::{colour_name, due_text, method_text, status_text, verdict_text};

/// A language of the app and of the reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    De,
    #[default]
    En,
}

impl Lang {
    /// German when the system's locale says so (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
    pub fn from_system() -> Self {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|var| std::env::var(var).ok())
            .find(|value| !value.is_empty());
        Self::from_locale(locale.as_deref().unwrap_or(""))
    }

    /// German for `de`, `de_DE.UTF-8`, `de-AT`, …; English otherwise.
    pub fn from_locale(locale: &str) -> Self {
        let lower = locale.to_ascii_lowercase();
        if lower == "de" || lower.starts_with("de_") || lower.starts_with("de-") {
            Lang::De
        } else {
            Lang::En
        }
    }

    /// The language a session's content is written in (its `language` field), German for
    /// `de…`, else English.
    pub fn of_content(language: &str) -> Self {
        Self::from_locale(language.trim())
    }

    /// From a command line value: `de` or `en`.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "de" => Some(Self::De),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The language's own name, for the language switch.
    pub fn name(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
            Lang::En => "English",
        }
    }
}

/// A key of a word table.
pub trait Text: Copy + std::fmt::Debug + 'static {
    /// The text in a language.
    fn get(self, lang: Lang) -> &'static str;
}

/// Builds a table: an enum of keys and its German and English texts.
macro_rules! texts {
    ($(#[$meta:meta])* $name:ident; $($key:ident => $de:literal, $en:literal;)*) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($key,)* }

        impl $name {
            /// Every key, for tests.
            pub const ALL: &[$name] = &[$($name::$key,)*];

            /// The text in a language.
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$key, Lang::De) => $de, ($name::$key, Lang::En) => $en,)*
                }
            }
        }

        impl $crate::i18n::Text for $name {
            fn get(self, lang: Lang) -> &'static str {
                $name::get(self, lang)
            }
        }
    };
}
pub(crate) use texts;

/// Fills the `{}` of a text in order.
pub fn fill(text: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    for value in values {
        match rest.split_once("{}") {
            Some((before, after)) => {
                out.push_str(before);
                out.push_str(value);
                rest = after;
            }
            None => break,
        }
    }
    out.push_str(rest);
    out
}

/// A table's text in a language with its `{}` filled in order.
pub fn say(key: impl Text, lang: Lang, values: &[&str]) -> String {
    fill(key.get(lang), values)
}

/// Checks a table: no text empty in either language, and the same placeholders in both, so a
/// translation never drops a number.
#[cfg(test)]
fn assert_complete<K: Text>(keys: &[K]) {
    for key in keys {
        for lang in [Lang::De, Lang::En] {
            assert!(
                !key.get(lang).trim().is_empty(),
                "{key:?} is empty in {lang:?}"
            );
        }
        assert_eq!(
            key.get(Lang::De).matches("{}").count(),
            key.get(Lang::En).matches("{}").count(),
            "{key:?} placeholders differ"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_locale_picks_german_only_for_german() {
        assert_eq!(Lang::from_locale("de_DE.UTF-8"), Lang::De);
        assert_eq!(Lang::from_locale("de-AT"), Lang::De);
        assert_eq!(Lang::from_locale("de"), Lang::De);
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("dexx"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
    }

    #[test]
    fn fill_puts_values_in_order_and_keeps_the_rest() {
        assert_eq!(
            fill("{}, Zeile {}: {}", &["a.ron", "3", "Fehler"]),
            "a.ron, Zeile 3: Fehler"
        );
        assert_eq!(fill("ohne", &["x"]), "ohne");
        assert_eq!(fill("{} und {}", &["eins"]), "eins und {}");
    }
}
