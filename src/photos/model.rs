//! Photo attachments (flipcharts, pin walls), stored beside the session file.

use std::path::{Component, Path};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::ids::{AgendaItemId, BoardId, ClusterId, PhotoId};

/// A photo in the session folder.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Photo {
    pub id: PhotoId,
    /// Relative to the session folder, with `/` separators, e.g. `photos/wall-1.jpg`.
    pub path: String,
    pub caption: String,
    pub photographer: String,
    pub taken_at: Option<Timestamp>,
    pub link: Option<PhotoLink>,
}

/// What a photo shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PhotoLink {
    AgendaItem(AgendaItemId),
    Board(BoardId),
    Cluster(ClusterId),
}

/// Why a photo path is not allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhotoPathProblem {
    Empty,
    Absolute,
    LeavesFolder,
}

/// Checks that a photo path stays inside the session folder.
pub fn check_photo_path(path: &str) -> Result<(), PhotoPathProblem> {
    if path.trim().is_empty() {
        return Err(PhotoPathProblem::Empty);
    }
    // A leading slash or backslash, or a drive letter, is absolute on some platform.
    let bytes = path.as_bytes();
    if path.starts_with('/')
        || path.starts_with('\\')
        || (bytes.len() >= 2 && bytes[1] == b':' && bytes[0].is_ascii_alphabetic())
    {
        return Err(PhotoPathProblem::Absolute);
    }
    for part in path.split(['/', '\\']) {
        if part == ".." {
            return Err(PhotoPathProblem::LeavesFolder);
        }
    }
    for component in Path::new(path).components() {
        match component {
            Component::Normal(_) | Component::CurDir => {}
            Component::ParentDir => return Err(PhotoPathProblem::LeavesFolder),
            Component::RootDir | Component::Prefix(_) => return Err(PhotoPathProblem::Absolute),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_inside_the_folder_are_fine() {
        assert_eq!(check_photo_path("photos/wand-1.jpg"), Ok(()));
        assert_eq!(check_photo_path("./photos/Flipchart Übersicht.png"), Ok(()));
    }

    #[test]
    fn absolute_and_escaping_paths_are_refused() {
        assert_eq!(
            check_photo_path("/etc/passwd"),
            Err(PhotoPathProblem::Absolute)
        );
        assert_eq!(
            check_photo_path("C:\\Bilder\\a.jpg"),
            Err(PhotoPathProblem::Absolute)
        );
        assert_eq!(
            check_photo_path("\\\\server\\a.jpg"),
            Err(PhotoPathProblem::Absolute)
        );
        assert_eq!(
            check_photo_path("../other/a.jpg"),
            Err(PhotoPathProblem::LeavesFolder)
        );
        assert_eq!(
            check_photo_path("photos/../../a.jpg"),
            Err(PhotoPathProblem::LeavesFolder)
        );
        assert_eq!(
            check_photo_path("photos\\..\\..\\a.jpg"),
            Err(PhotoPathProblem::LeavesFolder)
        );
        assert_eq!(check_photo_path("  "), Err(PhotoPathProblem::Empty));
    }
}
