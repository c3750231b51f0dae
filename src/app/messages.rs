//! Domain errors in the UI's language. The details that come from elsewhere (the operating
//! system's reason, the RON parser's description) stay as they are.

use crate::i18n::{Lang, T};
use crate::model::SCHEMA_VERSION;
use crate::storage::{LockError, StorageError};

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

/// A storage error in words, in the UI language.
pub fn storage_error(error: &StorageError, lang: Lang) -> String {
    let shown = |path: &std::path::Path| path.display().to_string();
    match error {
        StorageError::Io {
            action,
            path,
            source,
        } => match lang {
            Lang::En => error.to_string(),
            Lang::De => fill(
                T::ErrCouldNot.get(lang),
                &[&shown(path), german_action(action), &source.to_string()],
            ),
        },
        StorageError::NotASession { path } => fill(T::ErrNotASession.get(lang), &[&shown(path)]),
        StorageError::Missing { path } => fill(T::ErrMissing.get(lang), &[&shown(path)]),
        StorageError::Syntax {
            path,
            line,
            column,
            message,
        } => fill(
            T::ErrSyntax.get(lang),
            &[
                &shown(path),
                &line.to_string(),
                &column.to_string(),
                message,
            ],
        ),
        StorageError::TooNew { path, found } => fill(
            T::ErrTooNew.get(lang),
            &[
                &shown(path),
                &found.to_string(),
                &SCHEMA_VERSION.to_string(),
            ],
        ),
        StorageError::Invalid { path, problems } => {
            let mut text = fill(T::ErrInvalid.get(lang), &[&shown(path)]);
            for problem in problems {
                text.push_str("\n\u{2022} ");
                text.push_str(problem);
            }
            text
        }
        StorageError::NoFolder => T::ErrNewSessionNeedsFolder.get(lang).to_owned(),
    }
}

/// The storage layer's verbs, in German word order ("Konnte X nicht lesen").
fn german_action(action: &str) -> &str {
    match action {
        "read" => "lesen",
        "write" => "schreiben",
        "replace" => "ersetzen",
        "remove" => "entfernen",
        "create the folder" => "als Ordner anlegen",
        "create a temporary file in" => "für eine temporäre Datei nutzen",
        "sync the folder" => "auf die Platte schreiben",
        other => other,
    }
}

/// A lock error in words, in the UI language.
pub fn lock_error(error: &LockError, lang: Lang) -> String {
    match error {
        LockError::HeldElsewhere { holder } => fill(T::ErrLockHeld.get(lang), &[holder]),
        LockError::Io { .. } => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_values_in_order_and_keeps_the_rest() {
        assert_eq!(
            fill("{}, Zeile {}: {}", &["a.ron", "3", "Fehler"]),
            "a.ron, Zeile 3: Fehler"
        );
        assert_eq!(fill("ohne", &["x"]), "ohne");
        assert_eq!(fill("{} und {}", &["eins"]), "eins und {}");
    }

    #[test]
    fn a_syntax_error_reads_in_german() {
        let error = StorageError::Syntax {
            path: "s/session.ron".into(),
            line: 4,
            column: 12,
            message: "expected a string".into(),
        };
        assert_eq!(
            storage_error(&error, Lang::De),
            "s/session.ron, Zeile 4, Spalte 12: expected a string"
        );
        assert_eq!(storage_error(&error, Lang::En), error.to_string());
    }
}
