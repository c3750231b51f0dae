//! Putting a finished consolidation in place. The result is built in a work folder beside the
//! output (`.moderato-consolidation-…`), which the running consolidation holds locked. An
//! earlier result is swapped with the new one in one step where the system can (Linux), else
//! moved into the work folder first and put back if the new one cannot take its place. A
//! consolidation killed at any moment leaves either the earlier or the new result at the
//! output, never neither; the next run finds the work folders no process holds, puts back an
//! earlier result that is missing at its output, and removes the rest.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::storage::{self, IoAction, SessionLock, StorageError};

/// Names the work folders of consolidations.
const PREFIX: &str = ".moderato-consolidation-";
/// Inside a work folder: the result being built.
const NEW: &str = "new";
/// Inside a work folder: an earlier result, moved aside while the new one takes its place.
const PREVIOUS: &str = "previous";
/// Inside a work folder: the name of the output it is for.
const TARGET: &str = "target";

/// A locked work folder beside an output.
pub struct Workspace {
    dir: PathBuf,
    out: PathBuf,
    lock: Option<SessionLock>,
}

impl Workspace {
    /// Clears what killed consolidations left in `parent`, then makes a work folder for `out`.
    pub fn beside(out: &Path, parent: &Path) -> Result<Self, StorageError> {
        clear_debris(parent);
        let dir = tempfile::Builder::new()
            .prefix(PREFIX)
            .tempdir_in(parent)
            .map_err(|e| StorageError::io(IoAction::CreateTemp, parent, e))?
            .keep();
        let lock = SessionLock::acquire(&dir).ok();
        let name = out.file_name().unwrap_or_default().to_string_lossy();
        storage::atomic_write(&dir.join(TARGET), |file| file.write_all(name.as_bytes()))?;
        Ok(Self {
            dir,
            out: out.to_owned(),
            lock,
        })
    }

    /// Where the new result is built.
    pub fn staging(&self) -> PathBuf {
        self.dir.join(NEW)
    }

    /// Moves the new result to the output. `carried` are files of an earlier result that
    /// consolidation did not write (a person's notes): they go over to the new result.
    pub fn put_in_place(mut self, carried: &[PathBuf]) -> Result<(), StorageError> {
        let staging = self.staging();
        let placed = place(&self.out, &staging, &self.dir.join(PREVIOUS), carried);
        self.lock.take();
        if placed.is_ok() {
            let _ = fs::remove_dir_all(&self.dir);
        }
        placed
    }
}

impl Drop for Workspace {
    /// A run that fails or is cancelled leaves nothing behind (a kill is cleared next time).
    fn drop(&mut self) {
        if self.lock.take().is_some() && self.dir.exists() {
            let previous = self.dir.join(PREVIOUS);
            if previous.exists() && !self.out.exists() {
                let _ = fs::rename(&previous, &self.out);
            }
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

fn rename(from: &Path, to: &Path) -> Result<(), StorageError> {
    fs::rename(from, to).map_err(|e| StorageError::io(IoAction::Rename, to, e))
}

fn place(
    out: &Path,
    staging: &Path,
    previous: &Path,
    carried: &[PathBuf],
) -> Result<(), StorageError> {
    match fs::symlink_metadata(out) {
        Err(_) => return rename(staging, out),
        Ok(meta) if meta.is_dir() && fs::read_dir(out).is_ok_and(|mut e| e.next().is_none()) => {
            fs::remove_dir(out).map_err(|e| StorageError::io(IoAction::Remove, out, e))?;
            return rename(staging, out);
        }
        Ok(_) => {}
    }
    // The person's files join the new result as links to the same bytes (copies where the
    // file system has no links): the earlier result stays whole until it is replaced.
    for file in carried {
        let (from, to) = (out.join(file), staging.join(file));
        if let Some(folder) = to.parent() {
            fs::create_dir_all(folder)
                .map_err(|e| StorageError::io(IoAction::CreateFolder, folder, e))?;
        }
        if fs::hard_link(&from, &to).is_err() {
            fs::copy(&from, &to).map_err(|e| StorageError::io(IoAction::Write, &to, e))?;
        }
    }
    match storage::files::exchange(staging, out) {
        Ok(()) => return Ok(()),
        Err(e) if e.kind() != std::io::ErrorKind::Unsupported => {
            return Err(StorageError::io(IoAction::Rename, out, e));
        }
        Err(_) => {}
    }
    rename(out, previous)?;
    if let Err(e) = rename(staging, out) {
        let _ = fs::rename(previous, out);
        return Err(e);
    }
    Ok(())
}

/// Removes the work folders in `parent` that no running consolidation holds, first putting
/// back an earlier result whose output is missing (a kill between two renames).
pub fn clear_debris(parent: &Path) -> usize {
    let Ok(entries) = fs::read_dir(parent) else {
        return 0;
    };
    let mut cleared = 0;
    for entry in entries.flatten() {
        let is_ours = entry.file_name().to_string_lossy().starts_with(PREFIX);
        // Never followed: a link of that name is someone else's.
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if !is_ours || !is_dir {
            continue;
        }
        let dir = entry.path();
        let Ok(lock) = SessionLock::acquire(&dir) else {
            continue;
        };
        restore_previous(parent, &dir);
        drop(lock);
        cleared += usize::from(fs::remove_dir_all(&dir).is_ok());
    }
    cleared
}

fn restore_previous(parent: &Path, dir: &Path) {
    let previous = dir.join(PREVIOUS);
    if !previous.is_dir() {
        return;
    }
    let Ok(name) = storage::files::read_regular(&dir.join(TARGET), 4096) else {
        return;
    };
    let name = String::from_utf8_lossy(&name);
    let is_plain_name = Path::new(name.as_ref())
        .components()
        .eq([std::path::Component::Normal(name.as_ref().as_ref())]);
    let out = parent.join(name.as_ref());
    if is_plain_name && fs::symlink_metadata(&out).is_err() {
        let _ = fs::rename(&previous, &out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(dir: &Path, text: &str) {
        fs::create_dir_all(dir).unwrap();
        fs::write(dir.join("session.ron"), text).unwrap();
    }

    #[test]
    fn a_new_result_replaces_the_earlier_one_and_carries_a_person_s_notes() {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("ergebnis");
        result(&out, "alt");
        fs::write(out.join("notizen.txt"), "meine Notizen").unwrap();
        let work = Workspace::beside(&out, parent.path()).unwrap();
        result(&work.staging(), "neu");
        work.put_in_place(&[PathBuf::from("notizen.txt")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("session.ron")).unwrap(), "neu");
        assert_eq!(
            fs::read_to_string(out.join("notizen.txt")).unwrap(),
            "meine Notizen"
        );
        let left: Vec<_> = fs::read_dir(parent.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "only the result: {left:?}");
    }

    #[test]
    fn a_run_killed_between_two_renames_gets_its_earlier_result_back() {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("ergebnis");
        // What a kill after moving the earlier result aside leaves: no output, a work folder
        // with the earlier result and a half-built new one, held by no process.
        let dir = parent.path().join(format!("{PREFIX}x1"));
        result(&dir.join(PREVIOUS), "alt");
        result(&dir.join(NEW), "neu, halb");
        fs::write(dir.join(TARGET), "ergebnis").unwrap();
        let other = parent.path().join(format!("{PREFIX}x2"));
        result(&other.join(NEW), "abgebrochen");
        assert_eq!(clear_debris(parent.path()), 2);
        assert_eq!(fs::read_to_string(out.join("session.ron")).unwrap(), "alt");
        assert!(!dir.exists() && !other.exists());
    }

    #[test]
    fn a_running_consolidation_s_work_folder_is_left_alone() {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("ergebnis");
        let work = Workspace::beside(&out, parent.path()).unwrap();
        result(&work.staging(), "neu");
        // Another process would be refused the lock; in one process the OS lock is per
        // handle, so a second handle stands for the other run here.
        assert!(SessionLock::acquire(&work.dir).is_err());
        drop(work);
        assert_eq!(fs::read_dir(parent.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_target_name_that_climbs_out_is_not_restored() {
        let parent = tempfile::tempdir().unwrap();
        let dir = parent.path().join(format!("{PREFIX}x3"));
        result(&dir.join(PREVIOUS), "alt");
        fs::write(dir.join(TARGET), "../woanders").unwrap();
        clear_debris(parent.path());
        assert!(!parent.path().join("../woanders").exists());
    }
}
