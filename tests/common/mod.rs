//! Helpers shared by the integration tests.

use std::fs;
use std::path::{Path, PathBuf};

/// The example session shipped in `sessions/`.
pub const EXAMPLE: &str = "sessions/open-government-2017";

/// Copies a folder with everything below it.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A copy of the example session in `dir`, so a test can change it.
pub fn example_copy(dir: &Path) -> PathBuf {
    let folder = dir.join("open-government-2017");
    copy_dir(Path::new(EXAMPLE), &folder);
    folder
}
