//! Files a session refers to (its photos) are read only when they lie inside the session
//! folder, with symlinks followed: a check on the path's text is not enough, because a
//! symlink, `./`, `..` or an absolute spelling can all name a file elsewhere. The file is
//! opened once after the check and read through that handle.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use super::PHOTOS_DIR;
use super::files::FileProblem;

/// A file of a session that cannot be read, named as the session names it.
#[derive(Debug)]
pub struct FileError {
    /// The path as written in the session (relative to its folder).
    pub path: String,
    pub problem: FileProblem,
}

impl std::error::Error for FileError {}

/// The largest file read as a photo (a 200-megapixel JPEG is about 100 MB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Checks that the session's `photos/` folder, if there is one, is a real folder inside it.
pub fn check_photos_folder(folder: &Path) -> Result<(), FileError> {
    let photos = folder.join(PHOTOS_DIR);
    match fs::symlink_metadata(&photos) {
        Ok(meta) if meta.file_type().is_symlink() || !meta.is_dir() => Err(FileError {
            path: format!("{PHOTOS_DIR}/"),
            problem: FileProblem::PhotosFolderNotReal,
        }),
        _ => Ok(()),
    }
}

/// Resolves a path named by a session: the canonical file, which must lie inside the
/// canonical session folder.
pub fn resolve_inside(folder: &Path, relative: &str) -> Result<PathBuf, FileError> {
    let error = |problem| FileError {
        path: relative.to_owned(),
        problem,
    };
    if relative.starts_with(&format!("{PHOTOS_DIR}/"))
        || relative.starts_with(&format!("./{PHOTOS_DIR}/"))
    {
        check_photos_folder(folder)?;
    }
    let root = fs::canonicalize(folder).map_err(|e| error(FileProblem::Unreadable(e)))?;
    let target = folder.join(relative);
    let resolved = match fs::canonicalize(&target) {
        Ok(resolved) => resolved,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            // A dangling symlink is missing too, but one that points outside says so.
            return Err(error(match fs::read_link(&target) {
                Ok(link) if !link_stays_inside(&root, &target, &link) => FileProblem::Outside,
                _ => FileProblem::Missing,
            }));
        }
        Err(e) => return Err(error(FileProblem::Unreadable(e))),
    };
    if !resolved.starts_with(&root) || resolved == root {
        return Err(error(FileProblem::Outside));
    }
    Ok(resolved)
}

fn link_stays_inside(root: &Path, link_path: &Path, link: &Path) -> bool {
    let base = link_path.parent().unwrap_or(root);
    let joined = base.join(link);
    let mut normal = PathBuf::new();
    for part in joined.components() {
        match part {
            std::path::Component::ParentDir => {
                normal.pop();
            }
            std::path::Component::CurDir => {}
            other => normal.push(other),
        }
    }
    normal.starts_with(root)
}

/// Opens a file named by a session after checking it lies inside the session folder, and
/// checks that the opened handle is that file and a plain file.
pub fn open_inside(folder: &Path, relative: &str) -> Result<File, FileError> {
    let error = |problem| FileError {
        path: relative.to_owned(),
        problem,
    };
    let resolved = resolve_inside(folder, relative)?;
    // A plain file of a photo's size at most, checked on the handle (a pipe answers at once).
    let (file, opened) = super::files::open_regular(&resolved, MAX_FILE_BYTES).map_err(error)?;
    // The handle must be the file that was checked, not one swapped in since.
    let checked = fs::metadata(&resolved).map_err(|e| error(FileProblem::Unreadable(e)))?;
    if !same_file(&opened, &checked) {
        return Err(error(FileProblem::Outside));
    }
    Ok(file)
}

/// Reads a whole file named by a session, through the checked handle.
pub fn read_inside(folder: &Path, relative: &str) -> Result<Vec<u8>, FileError> {
    let file = open_inside(folder, relative)?;
    let expected = file.metadata().map_or(0, |m| m.len());
    super::files::read_handle(file, expected, MAX_FILE_BYTES).map_err(|problem| FileError {
        path: relative.to_owned(),
        problem,
    })
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    a.len() == b.len() && a.modified().ok() == b.modified().ok()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn session_with_photo() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("s");
        fs::create_dir_all(folder.join("photos")).unwrap();
        fs::write(folder.join("photos/a.jpg"), b"bild").unwrap();
        (dir, folder)
    }

    #[test]
    fn a_file_inside_is_read() {
        let (_dir, folder) = session_with_photo();
        assert_eq!(read_inside(&folder, "photos/a.jpg").unwrap(), b"bild");
        assert_eq!(read_inside(&folder, "./photos/a.jpg").unwrap(), b"bild");
    }

    #[test]
    fn a_hard_link_is_fine() {
        let (dir, folder) = session_with_photo();
        let outside = dir.path().join("original.jpg");
        fs::write(&outside, b"original").unwrap();
        fs::hard_link(&outside, folder.join("photos/b.jpg")).unwrap();
        assert_eq!(read_inside(&folder, "photos/b.jpg").unwrap(), b"original");
    }

    #[test]
    fn a_symlink_to_a_file_outside_is_refused() {
        let (dir, folder) = session_with_photo();
        let secret = dir.path().join("secret.txt");
        fs::write(&secret, b"geheim").unwrap();
        symlink(&secret, folder.join("photos/b.jpg")).unwrap();
        symlink("/etc/passwd", folder.join("photos/passwd.jpg")).unwrap();
        for name in ["photos/b.jpg", "photos/passwd.jpg"] {
            let error = read_inside(&folder, name).unwrap_err();
            assert!(
                matches!(error.problem, FileProblem::Outside),
                "{name}: {error:?}"
            );
            assert_eq!(error.path, name);
        }
    }

    #[test]
    fn a_symlinked_photos_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("s");
        fs::create_dir_all(&folder).unwrap();
        symlink("/", folder.join("photos")).unwrap();
        let error = read_inside(&folder, "photos/etc/passwd").unwrap_err();
        assert!(matches!(error.problem, FileProblem::PhotosFolderNotReal));
    }

    #[test]
    fn parent_and_absolute_spellings_are_refused() {
        let (dir, folder) = session_with_photo();
        fs::write(dir.path().join("x.jpg"), b"x").unwrap();
        for name in ["photos/../../x.jpg", "../x.jpg"] {
            let error = read_inside(&folder, name).unwrap_err();
            assert!(matches!(error.problem, FileProblem::Outside), "{name}");
        }
        let absolute = dir.path().join("x.jpg").display().to_string();
        assert!(matches!(
            read_inside(&folder, &absolute).unwrap_err().problem,
            FileProblem::Outside
        ));
    }

    #[test]
    fn a_folder_is_not_a_photo_and_a_missing_file_is_missing() {
        let (_dir, folder) = session_with_photo();
        fs::create_dir_all(folder.join("photos/sub")).unwrap();
        assert!(matches!(
            read_inside(&folder, "photos/sub").unwrap_err().problem,
            FileProblem::NotAFile
        ));
        assert!(matches!(
            read_inside(&folder, "photos/none.jpg").unwrap_err().problem,
            FileProblem::Missing
        ));
    }
}
