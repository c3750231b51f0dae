//! Photos at print size for the report: at most 1,000 pixels on the longer side (150 dpi on
//! a 16 cm figure), upright, as JPEG. A camera JPEG is decoded straight at a fraction of its
//! size (DCT scaling) rather than whole and then shrunk, the photos of a report are made in
//! parallel, and each print copy is kept in the user's cache folder (never inside a session
//! folder: a folder someone sent may plant links there, and a read-only folder still gets its
//! report), so the next export of the same photos reads it instead. No GUI code here.

use std::hash::Hasher as _;
use std::path::{Path, PathBuf};

use super::guard::PhotoError;
use crate::storage;

/// The longer side of a print copy, in pixels.
pub const PRINT_SIDE: u32 = 1000;
/// Changes when the way print copies are made changes, so old copies are not used.
const CACHE_VERSION: u64 = 1;
/// The cache is trimmed, oldest copies first, when it holds more than this.
const CACHE_BUDGET: u64 = 256 * 1024 * 1024;
/// A print copy is never larger than this (1,000 × 1,000 pixels at quality 82).
const MAX_COPY_BYTES: u64 = 8 * 1024 * 1024;
/// Names the cache folder in place of the platform's (tests, a portable install).
pub const CACHE_ENV: &str = "MODERATO_CACHE_DIR";

/// Where print copies are kept: `$MODERATO_CACHE_DIR`, else `print` in the platform's cache
/// folder; `None` when the system names none (then nothing is kept).
pub fn cache_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CACHE_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir).join("print"));
    }
    directories::ProjectDirs::from("org", "Moderato", "Moderato")
        .map(|d| d.cache_dir().join("print"))
}

/// The cache file of a photo's bytes (a hash of the content: a changed photo gets a new one).
fn cache_name(bytes: &[u8]) -> String {
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write_u64(CACHE_VERSION);
    hasher.write(bytes);
    format!("{:016x}-{}.jpg", hasher.finish(), bytes.len())
}

/// A photo of a session at print size: from the cache folder `cache` when it has it, else
/// made and kept there.
pub fn print_copy(
    folder: &Path,
    relative: &str,
    cache: Option<&Path>,
) -> Result<Vec<u8>, PhotoError> {
    let bytes = storage::read_inside(folder, relative)?;
    let cached = cache.map(|dir| dir.join(cache_name(&bytes)));
    if let Some(copy) = cached.as_ref().and_then(|path| read_copy(path)) {
        return Ok(copy);
    }
    let copy = make_print_copy(&bytes, relative)?;
    if let Some(path) = cached {
        let _ = keep(&path, &copy);
    }
    Ok(copy)
}

/// A kept print copy: a regular file of a print copy's size, else none.
fn read_copy(path: &Path) -> Option<Vec<u8>> {
    let copy = storage::files::read_regular(path, MAX_COPY_BYTES).ok()?;
    // Touched, so trimming removes the copies no report asked for the longest.
    if let Ok(file) = std::fs::File::options().append(true).open(path) {
        let _ = file.set_modified(std::time::SystemTime::now());
    }
    Some(copy)
}

/// Writes a print copy into the cache.
fn keep(path: &Path, copy: &[u8]) -> Option<()> {
    std::fs::create_dir_all(path.parent()?).ok()?;
    storage::atomic_write(path, |file| std::io::Write::write_all(file, copy)).ok()
}

/// Print copies of several photos, in parallel; each with its own result, in order.
pub fn print_copies(
    folder: &Path,
    relatives: &[String],
    cache: Option<&Path>,
) -> Vec<Result<Vec<u8>, PhotoError>> {
    let workers = std::thread::available_parallelism()
        .map_or(2, std::num::NonZero::get)
        .clamp(1, 4);
    let mut results: Vec<Option<Result<Vec<u8>, PhotoError>>> =
        relatives.iter().map(|_| None).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let done = std::sync::Mutex::new(&mut results);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(relative) = relatives.get(i) else {
                        break;
                    };
                    let result = print_copy(folder, relative, cache);
                    if let Ok(mut done) = done.lock() {
                        done[i] = Some(result);
                    }
                }
            });
        }
    });
    results
        .into_iter()
        .zip(relatives)
        .map(|(result, relative)| {
            result.unwrap_or_else(|| Err(PhotoError::Damaged(relative.clone())))
        })
        .collect()
}

/// Trims the cache to its budget, removing the copies used longest ago first. Returns how
/// many were removed.
pub fn trim_cache() -> usize {
    cache_dir().map_or(0, |dir| trim(&dir, CACHE_BUDGET))
}

fn trim(dir: &Path, budget: u64) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut copies: Vec<(std::time::SystemTime, u64, PathBuf)> = entries
        .flatten()
        .filter_map(|entry| {
            let meta = entry.metadata().ok()?;
            let name = entry.file_name();
            (meta.is_file() && name.to_string_lossy().ends_with(".jpg")).then(|| {
                let used = meta.modified().unwrap_or(std::time::UNIX_EPOCH);
                (used, meta.len(), entry.path())
            })
        })
        .collect();
    let mut total: u64 = copies
        .iter()
        .map(|(_, len, _)| *len)
        .fold(0, u64::saturating_add);
    copies.sort();
    let mut removed = 0;
    for (_, len, path) in copies {
        if total <= budget {
            break;
        }
        if std::fs::remove_file(&path).is_ok() {
            total = total.saturating_sub(len);
            removed += 1;
        }
    }
    removed
}

/// Makes a print copy from a photo's bytes.
pub fn make_print_copy(bytes: &[u8], name: &str) -> Result<Vec<u8>, PhotoError> {
    let image = super::import::decode_at_least(bytes, name, PRINT_SIDE)?;
    let small = image.thumbnail(PRINT_SIDE, PRINT_SIDE).to_rgb8();
    let mut out = Vec::new();
    let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 82);
    encoder
        .encode_image(&small)
        .map_err(|_| PhotoError::Damaged(name.to_owned()))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageFormat, RgbImage};
    use std::io::Cursor;

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let image = RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 251) as u8, (y % 241) as u8, 90])
        });
        let mut bytes = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Jpeg)
            .unwrap();
        bytes
    }

    #[test]
    fn a_large_jpeg_becomes_a_print_copy_of_print_size() {
        let copy = make_print_copy(&jpeg(4000, 3000), "gross.jpg").unwrap();
        let image = image::load_from_memory(&copy).unwrap();
        assert_eq!((image.width(), image.height()), (1000, 750));
    }

    #[test]
    fn a_print_copy_is_kept_outside_the_session_and_trimmed_oldest_first() {
        let dir = tempfile::tempdir().unwrap();
        let cache_root = tempfile::tempdir().unwrap();
        let cache = cache_root.path().join("print");
        let folder = dir.path();
        std::fs::create_dir_all(folder.join("photos")).unwrap();
        std::fs::write(folder.join("photos/a.jpg"), jpeg(2000, 1500)).unwrap();
        std::fs::write(folder.join("photos/b.jpg"), jpeg(1500, 2000)).unwrap();
        let names = vec!["photos/a.jpg".to_owned(), "photos/b.jpg".to_owned()];
        let first = print_copies(folder, &names, Some(&cache));
        assert!(first.iter().all(Result::is_ok));
        assert_eq!(std::fs::read_dir(&cache).unwrap().count(), 2);
        assert_eq!(
            std::fs::read_dir(folder).unwrap().count(),
            1,
            "only photos/"
        );
        // The second time comes from the cache: the same bytes.
        let second = print_copies(folder, &names, Some(&cache));
        assert_eq!(first[0].as_ref().unwrap(), second[0].as_ref().unwrap());
        // Over budget, the copy used longest ago goes first.
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        let a = cache.join(cache_name(
            &std::fs::read(folder.join("photos/a.jpg")).unwrap(),
        ));
        std::fs::File::options()
            .append(true)
            .open(&a)
            .unwrap()
            .set_modified(old)
            .unwrap();
        let len_b = std::fs::read_dir(&cache)
            .unwrap()
            .map(|e| e.unwrap())
            .find(|e| e.path() != a)
            .unwrap()
            .metadata()
            .unwrap()
            .len();
        assert_eq!(trim(&cache, len_b), 1);
        assert!(!a.exists());
        assert_eq!(std::fs::read_dir(&cache).unwrap().count(), 1);
        // Without a cache folder the copy is still made.
        assert!(print_copy(folder, "photos/a.jpg", None).is_ok());
    }

    #[test]
    fn a_cut_off_jpeg_gets_no_print_copy() {
        let whole = jpeg(800, 600);
        let error = make_print_copy(&whole[..whole.len() - 50], "halb.jpg").unwrap_err();
        assert_eq!(error, PhotoError::Damaged("halb.jpg".into()));
    }
}
