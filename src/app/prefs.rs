//! UI preferences kept in eframe's storage. Session data never goes here: eframe writes its
//! file non-atomically.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// The eframe storage key.
pub const STORAGE_KEY: &str = "moderato-preferences";
const MAX_RECENT: usize = 8;

/// The state we persist between runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// `None` follows the system language.
    pub language: Option<Lang>,
    pub theme: Theme,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// The folder new sessions go to, when the user chose one.
    pub sessions_dir: Option<PathBuf>,
    /// More folders the session browser lists.
    pub browse_folders: Vec<PathBuf>,
}

impl Preferences {
    pub fn lang(&self) -> Lang {
        self.language.unwrap_or_else(Lang::from_system)
    }

    /// Moves a session folder to the front of the recent list.
    pub fn remember(&mut self, folder: &Path) {
        let folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_owned());
        self.recent.retain(|p| p != &folder);
        self.recent.insert(0, folder);
        self.recent.truncate(MAX_RECENT);
    }

    /// The session opened last.
    pub fn last_session(&self) -> Option<&Path> {
        self.recent.first().map(PathBuf::as_path)
    }
}

/// Light, dark, or the high-contrast projector theme with large text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    Projector,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_keeps_the_newest_first_without_repeats() {
        let mut prefs = Preferences::default();
        for name in ["a", "b", "a", "c"] {
            prefs.remember(Path::new(name));
        }
        let names: Vec<_> = prefs
            .recent
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["c", "a", "b"]);
        assert_eq!(prefs.last_session(), Some(Path::new("c")));
    }
}
