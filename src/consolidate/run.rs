//! Consolidation on disk, for the command line and the app alike: reads the inputs, checks
//! that the output can neither overwrite an input nor a file consolidation did not write,
//! builds the whole result (session and photos) in a temporary folder beside the target and
//! moves it into place only when it is complete. This is the only part of `consolidate` that
//! does IO.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Component, Path, PathBuf};

use super::place::Workspace;
use super::{Consolidation, Input, consolidate};
use crate::jobs::Progress;
use crate::session::Problem;
use crate::session::{DecisionState, MergeDecision, Provenance, Session};
use crate::storage::{
    self, AUTOSAVE_FILE, BACKUP_FILE, FileError, IoAction, PHOTOS_DIR, SESSION_FILE, SessionPaths,
    StorageError,
};

/// How an output folder relates to an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlap {
    /// The output is the input (under another spelling, or through a symlink).
    Same,
    /// The output lies inside the input.
    Inside,
    /// The input lies inside the output.
    Contains,
}

/// Why a consolidation was not written. Nothing was changed on disk.
#[derive(Debug)]
pub enum ConsolidateError {
    /// Fewer than two inputs.
    TooFewInputs,
    /// Inputs that cannot be read, each with its reason, of how many.
    Unreadable {
        failures: Vec<StorageError>,
        total: usize,
    },
    /// The same session given twice.
    SameInputTwice { input: PathBuf, same_as: PathBuf },
    /// The output would overwrite or sit inside an input.
    OutputOverlapsInput {
        out: PathBuf,
        input: PathBuf,
        overlap: Overlap,
    },
    /// The output folder holds something and `force` was not given.
    OutputNotEmpty { out: PathBuf, holds_session: bool },
    /// The output holds files but no consolidation to update.
    OutputNotAConsolidation { out: PathBuf },
    /// A file in the output that consolidation did not write would be replaced.
    ForeignFileInTheWay { out: PathBuf, file: String },
    /// The output's existing result cannot be read, so it is left alone.
    OutputUnreadable(StorageError),
    /// Reading or writing failed.
    Storage(StorageError),
    /// The result would exceed a limit of a session (see `session::limits`).
    ResultInvalid(Vec<Problem>),
    /// The user cancelled.
    Cancelled,
    /// Sources of a consolidation that are no longer where they were: (title, where looked).
    SourcesMoved(Vec<(String, Vec<PathBuf>)>),
}

impl std::error::Error for ConsolidateError {}

/// Something that did not stop the consolidation but is worth saying.
#[derive(Debug)]
pub enum ConsolidationWarning {
    /// A photo of a source could not be copied (missing, outside its folder, unreadable).
    PhotoNotCopied { source: PathBuf, error: FileError },
}

/// A consolidation written to disk.
#[derive(Debug)]
pub struct Outcome {
    pub out: PathBuf,
    pub session: Session,
    pub warnings: Vec<ConsolidationWarning>,
    /// How many merges wait for the facilitator's decision.
    pub num_proposals: usize,
}

/// Consolidates the sessions in `inputs` into the folder `out`. An existing consolidation in
/// `out` is updated only with `force`, and keeps its decisions.
pub fn run(
    inputs: &[PathBuf],
    out: &Path,
    force: bool,
    progress: &Progress,
) -> Result<Outcome, ConsolidateError> {
    if inputs.len() < 2 {
        return Err(ConsolidateError::TooFewInputs);
    }
    let (folders, mut failures) = distinct_inputs(inputs)?;
    let out_parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(out_parent).map_err(|e| {
        ConsolidateError::Storage(StorageError::io(IoAction::CreateFolder, out_parent, e))
    })?;
    let out_canonical = canonical_target(out)?;
    for (given, canonical) in &folders {
        if let Some(overlap) = overlap(&out_canonical, canonical, out) {
            return Err(ConsolidateError::OutputOverlapsInput {
                out: out.to_owned(),
                input: given.clone(),
                overlap,
            });
        }
    }
    // A result open in a window (or updated by another run) is not changed under it.
    let _out_lock = if out.join(SESSION_FILE).is_file() {
        Some(
            storage::SessionLock::acquire_for_change(out, storage::WAIT_FOR_WRITER)
                .map_err(ConsolidateError::Storage)?,
        )
    } else {
        None
    };
    let existing = existing_result(out, force)?;
    let previous = existing
        .as_ref()
        .and_then(|s| s.provenance.as_ref())
        .map(|p| p.decisions.clone())
        .unwrap_or_default();
    let mut sessions = Vec::new();
    for (n, (given, canonical)) in folders.iter().enumerate() {
        if progress.is_cancelled() {
            return Err(ConsolidateError::Cancelled);
        }
        progress.set(n as u64, folders.len() as u64 + 1);
        match storage::load(given) {
            Ok(session) => sessions.push(Input {
                folder: source_path(canonical, &out_canonical),
                absolute: canonical.display().to_string(),
                session,
            }),
            Err(e) => failures.push(e),
        }
    }
    if !failures.is_empty() {
        return Err(ConsolidateError::Unreadable {
            failures,
            total: inputs.len(),
        });
    }
    let result = consolidate(&sessions, &previous);
    // Many sessions together can exceed what one session may hold; such a result would be
    // refused when opened, so it is not written.
    let problems = result.session.problems();
    if !problems.is_empty() {
        return Err(ConsolidateError::ResultInvalid(problems));
    }
    if progress.is_cancelled() {
        return Err(ConsolidateError::Cancelled);
    }
    let warnings = write(out, out_parent, &result, existing.as_ref())?;
    progress.set(1, 1);
    let num_proposals = proposals(result.session.provenance.as_ref());
    Ok(Outcome {
        out: out.to_owned(),
        session: result.session,
        warnings,
        num_proposals,
    })
}

/// Reads the sources of a consolidation again, to apply the facilitator's decisions. Sources
/// are found relative to the consolidation's folder first, then by their absolute path.
pub fn reconsolidate(folder: &Path, provenance: &Provenance) -> Result<Session, ConsolidateError> {
    let mut sessions = Vec::new();
    let mut failures = Vec::new();
    let mut moved = Vec::new();
    // A folder opened by a relative path is taken from here, once: later lookups do not
    // depend on where the program was started.
    let folder = fs::canonicalize(folder).unwrap_or_else(|_| folder.to_owned());
    for source in &provenance.sources {
        let candidates = [folder.join(&source.path), PathBuf::from(&source.absolute)];
        let found = candidates
            .iter()
            .find(|c| !c.as_os_str().is_empty() && c.join(SESSION_FILE).is_file());
        let Some(found) = found else {
            let looked = candidates
                .iter()
                .filter(|c| !c.as_os_str().is_empty())
                .cloned()
                .collect();
            moved.push((source.title.clone(), looked));
            continue;
        };
        match storage::load(found) {
            Ok(session) => sessions.push(Input {
                folder: source.path.clone(),
                absolute: fs::canonicalize(found)
                    .unwrap_or_else(|_| found.clone())
                    .display()
                    .to_string(),
                session,
            }),
            Err(e) => failures.push(e),
        }
    }
    if !moved.is_empty() {
        return Err(ConsolidateError::SourcesMoved(moved));
    }
    if !failures.is_empty() {
        return Err(ConsolidateError::Unreadable {
            failures,
            total: provenance.sources.len(),
        });
    }
    Ok(consolidate(&sessions, &provenance.decisions).session)
}

fn proposals(provenance: Option<&Provenance>) -> usize {
    provenance.map_or(0, |p| {
        p.decisions
            .iter()
            .filter(|d: &&MergeDecision| d.state == DecisionState::Proposed)
            .count()
    })
}

/// Folders given, with their canonical paths.
type Folders = Vec<(PathBuf, PathBuf)>;

/// The inputs' folders, canonical, and those that are missing; the same session twice is
/// refused.
fn distinct_inputs(inputs: &[PathBuf]) -> Result<(Folders, Vec<StorageError>), ConsolidateError> {
    let mut folders: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut failures = Vec::new();
    for input in inputs {
        let folder = SessionPaths::resolve(input).folder;
        let canonical = match fs::canonicalize(&folder) {
            Ok(canonical) => canonical,
            Err(_) => {
                failures.push(StorageError::Missing {
                    path: input.clone(),
                });
                continue;
            }
        };
        if let Some((first, _)) = folders
            .iter()
            .find(|(_, c)| *c == canonical || same_inode(c, &canonical))
        {
            return Err(ConsolidateError::SameInputTwice {
                input: input.clone(),
                same_as: first.clone(),
            });
        }
        folders.push((folder, canonical));
    }
    Ok((folders, failures))
}

/// The canonical path the output will have: itself if it exists, else its canonical parent
/// with its name.
fn canonical_target(out: &Path) -> Result<PathBuf, ConsolidateError> {
    if let Ok(canonical) = fs::canonicalize(out) {
        return Ok(canonical);
    }
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let parent = fs::canonicalize(parent)
        .map_err(|e| ConsolidateError::Storage(StorageError::io(IoAction::Read, parent, e)))?;
    let name = out
        .file_name()
        .ok_or_else(|| ConsolidateError::OutputNotAConsolidation {
            out: out.to_owned(),
        })?;
    Ok(parent.join(name))
}

fn overlap(out: &Path, input: &Path, out_as_given: &Path) -> Option<Overlap> {
    if out == input || same_inode(out_as_given, input) {
        Some(Overlap::Same)
    } else if out.starts_with(input) {
        Some(Overlap::Inside)
    } else if input.starts_with(out) {
        Some(Overlap::Contains)
    } else {
        None
    }
}

#[cfg(unix)]
fn same_inode(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_inode(_a: &Path, _b: &Path) -> bool {
    false
}

/// A source as the consolidation remembers it: relative to the output folder, so that the
/// two can move together.
fn source_path(input: &Path, out: &Path) -> String {
    relative_path(out, input)
        .unwrap_or_else(|| input.to_owned())
        .display()
        .to_string()
}

/// The path from folder `from` to `to` (both canonical), with `..` where needed.
fn relative_path(from: &Path, to: &Path) -> Option<PathBuf> {
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = to.components().collect();
    if from.first() != to.first() {
        return None;
    }
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut path = PathBuf::new();
    for _ in common..from.len() {
        path.push("..");
    }
    for part in &to[common..] {
        path.push(part);
    }
    Some(path)
}

/// The session in an existing output, if it is a consolidation that may be updated.
fn existing_result(out: &Path, force: bool) -> Result<Option<Session>, ConsolidateError> {
    let entries: Vec<_> = match fs::read_dir(out) {
        Ok(entries) => entries.filter_map(Result::ok).collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(ConsolidateError::Storage(StorageError::io(
                IoAction::ListFolder,
                out,
                e,
            )));
        }
    };
    if entries.is_empty() {
        return Ok(None);
    }
    let holds_session = out.join(SESSION_FILE).is_file();
    if !force {
        return Err(ConsolidateError::OutputNotEmpty {
            out: out.to_owned(),
            holds_session,
        });
    }
    if !holds_session {
        return Err(ConsolidateError::OutputNotAConsolidation {
            out: out.to_owned(),
        });
    }
    let session = storage::load(out).map_err(ConsolidateError::OutputUnreadable)?;
    if session.provenance.is_none() {
        return Err(ConsolidateError::OutputNotAConsolidation {
            out: out.to_owned(),
        });
    }
    Ok(Some(session))
}

/// Files of an existing result that consolidation wrote (or that belong to the open session).
fn written_by_us(previous: &Session) -> BTreeSet<PathBuf> {
    let mut ours: BTreeSet<PathBuf> = [
        SESSION_FILE,
        BACKUP_FILE,
        AUTOSAVE_FILE,
        storage::LOCK_FILE,
        PHOTOS_DIR,
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    ours.extend(previous.photos.iter().map(|p| PathBuf::from(&p.path)));
    ours
}

/// Every file below `folder`, relative to it (folders themselves are not listed).
fn files_below(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(relative) = pending.pop() {
        let Ok(entries) = fs::read_dir(folder.join(&relative)) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let path = relative.join(entry.file_name());
            match entry.file_type() {
                Ok(kind) if kind.is_dir() => pending.push(path),
                _ => files.push(path),
            }
        }
    }
    files.sort();
    files
}

/// Writes the result into a temporary folder beside `out`, then moves it into place. With an
/// existing result, files it holds that consolidation did not write are moved over to the
/// new one; none of them is ever replaced.
fn write(
    out: &Path,
    parent: &Path,
    result: &Consolidation,
    existing: Option<&Session>,
) -> Result<Vec<ConsolidationWarning>, ConsolidateError> {
    let storage_error = ConsolidateError::Storage;
    let foreign: Vec<PathBuf> = match existing {
        Some(previous) => {
            let ours = written_by_us(previous);
            files_below(out)
                .into_iter()
                .filter(|f| !ours.contains(f))
                .collect()
        }
        None => Vec::new(),
    };
    for file in &foreign {
        if result.photos.iter().any(|c| Path::new(&c.to_path) == file) {
            return Err(ConsolidateError::ForeignFileInTheWay {
                out: out.to_owned(),
                file: file.display().to_string(),
            });
        }
    }
    let work = Workspace::beside(out, parent).map_err(storage_error)?;
    let staging = &work.staging();
    fs::create_dir_all(staging)
        .map_err(|e| storage_error(StorageError::io(IoAction::CreateFolder, staging, e)))?;
    storage::save(staging, &result.session).map_err(storage_error)?;
    let mut warnings = Vec::new();
    for copy in &result.photos {
        let input = PathBuf::from(&copy.from_folder);
        let bytes = match storage::read_inside(&input, &copy.from_path) {
            Ok(bytes) => bytes,
            Err(error) => {
                warnings.push(ConsolidationWarning::PhotoNotCopied {
                    source: input,
                    error,
                });
                continue;
            }
        };
        let to = staging.join(&copy.to_path);
        if let Some(folder) = to.parent() {
            fs::create_dir_all(folder)
                .map_err(|e| storage_error(StorageError::io(IoAction::CreateFolder, folder, e)))?;
        }
        storage::atomic_write(&to, |file| std::io::Write::write_all(file, &bytes))
            .map_err(storage_error)?;
    }
    // Everything is written: now the result takes the output's place.
    work.put_in_place(&foreign).map_err(storage_error)?;
    Ok(warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_and_descend() {
        assert_eq!(
            relative_path(Path::new("/a/b/out"), Path::new("/a/c/s1")),
            Some(PathBuf::from("../../c/s1"))
        );
        assert_eq!(
            relative_path(Path::new("/a/out"), Path::new("/a/out/in")),
            Some(PathBuf::from("in"))
        );
    }
}
