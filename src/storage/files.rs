//! Opening files without surprises. A folder travels between people, and a file named in it
//! (or given on the command line) may be a named pipe that never ends, a device that never
//! stops, a symlink to a file of the user's elsewhere, or far larger than any session. So a
//! file is opened without waiting for a writer (a pipe answers at once), checked on the
//! opened handle (not on the path, which can change between check and use) to be a plain
//! file of acceptable size, and read through that handle only up to that size. Files Moderato
//! writes of its own (the lock) are never opened through a symlink.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read as _};
use std::path::Path;

/// Why a file is not read.
#[derive(Debug)]
pub enum FileProblem {
    /// No such file.
    Missing,
    /// It resolves to a place outside the session folder (a symlink, `..`, an absolute path).
    Outside,
    /// The session's `photos/` is a symlink or not a folder.
    PhotosFolderNotReal,
    /// A folder or something else that is not a plain file.
    NotAFile,
    /// Larger than any photo Moderato reads.
    TooLarge { bytes: u64 },
    /// The operating system refused.
    Unreadable(io::Error),
}

/// Opens a file for reading: a plain file of at most `max_bytes` (checked on the handle).
pub fn open_regular(path: &Path, max_bytes: u64) -> Result<(File, Metadata), FileProblem> {
    let file = reading(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => FileProblem::Missing,
        _ => FileProblem::Unreadable(e),
    })?;
    let metadata = file.metadata().map_err(FileProblem::Unreadable)?;
    if !metadata.is_file() {
        return Err(FileProblem::NotAFile);
    }
    if metadata.len() > max_bytes {
        return Err(FileProblem::TooLarge {
            bytes: metadata.len(),
        });
    }
    Ok((file, metadata))
}

/// Reads a whole plain file of at most `max_bytes`; a file that grows while it is read is
/// cut off at the limit and refused.
pub fn read_regular(path: &Path, max_bytes: u64) -> Result<Vec<u8>, FileProblem> {
    let (file, metadata) = open_regular(path, max_bytes)?;
    read_handle(file, metadata.len(), max_bytes)
}

/// Reads an opened file up to `max_bytes`.
pub fn read_handle(file: File, expected: u64, max_bytes: u64) -> Result<Vec<u8>, FileProblem> {
    let mut bytes = Vec::with_capacity(usize::try_from(expected.min(max_bytes)).unwrap_or(0));
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(FileProblem::Unreadable)?;
    if bytes.len() as u64 > max_bytes {
        return Err(FileProblem::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// Opens (or creates) a file of Moderato's own for reading and writing, never through a
/// symlink and never anything but a plain file; nothing is truncated.
pub fn open_own(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    no_follow(&mut options);
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a plain file",
        ));
    }
    Ok(file)
}

#[cfg(unix)]
fn reading(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    // Without O_NONBLOCK, opening a named pipe waits for a writer: for ever.
    let nonblocking = rustix::fs::OFlags::NONBLOCK.bits();
    OpenOptions::new()
        .read(true)
        .custom_flags(i32::try_from(nonblocking).unwrap_or(0))
        .open(path)
}

#[cfg(not(unix))]
fn reading(path: &Path) -> io::Result<File> {
    File::open(path)
}

#[cfg(unix)]
fn no_follow(options: &mut OpenOptions) {
    use std::os::unix::fs::OpenOptionsExt as _;
    let flags = (rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK).bits();
    options.custom_flags(i32::try_from(flags).unwrap_or(0));
}

#[cfg(not(unix))]
fn no_follow(_options: &mut OpenOptions) {}

/// Swaps two existing paths in one step (Linux: `renameat2` with `RENAME_EXCHANGE`), so that
/// at no moment either name is missing. `Unsupported` where the system or file system has no
/// such step; the caller then renames one after the other.
#[cfg(target_os = "linux")]
pub fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(|e| {
        if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS {
            io::Error::from(io::ErrorKind::Unsupported)
        } else {
            io::Error::from(e)
        }
    })
}

#[cfg(not(target_os = "linux"))]
pub fn exchange(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// Whether a path names a symlink (itself, not what it points to).
pub fn is_symlink(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_named_pipe_is_refused_at_once_and_a_link_of_ours_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("session.ron");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &pipe,
            rustix::fs::Mode::from_raw_mode(0o600),
        )
        .unwrap();
        assert!(matches!(
            read_regular(&pipe, 1024),
            Err(FileProblem::NotAFile)
        ));
        let precious = dir.path().join("precious.txt");
        std::fs::write(&precious, "keep me").unwrap();
        let link = dir.path().join(".moderato.lock");
        std::os::unix::fs::symlink(&precious, &link).unwrap();
        assert!(open_own(&link).is_err());
        assert_eq!(std::fs::read_to_string(&precious).unwrap(), "keep me");
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 1024),
            Err(FileProblem::NotAFile)
        ));
        let big = dir.path().join("big");
        std::fs::write(&big, vec![b'x'; 2048]).unwrap();
        assert!(matches!(
            read_regular(&big, 1024),
            Err(FileProblem::TooLarge { .. })
        ));
    }
}
