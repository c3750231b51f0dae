//! Photos at print size for the report: at most 1,000 pixels on the longer side (150 dpi on
//! a 16 cm figure), upright, as JPEG. A camera JPEG is decoded straight at a fraction of its
//! size (DCT scaling) rather than whole and then shrunk, the photos of a report are made in
//! parallel, and each print copy is kept in a cache inside the session folder, so the next
//! export of the same photos reads it instead. No GUI code here.

use std::hash::Hasher as _;
use std::path::{Path, PathBuf};

use super::guard::PhotoError;
use crate::storage;

/// The longer side of a print copy, in pixels.
pub const PRINT_SIDE: u32 = 1000;
/// Where print copies are kept, inside the session folder.
pub const CACHE_DIR: &str = ".moderato/print";
/// Changes when the way print copies are made changes, so old copies are not used.
const CACHE_VERSION: u64 = 1;

/// The cache file of a photo's bytes (a hash of the content: a changed photo gets a new one).
fn cache_name(bytes: &[u8]) -> String {
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write_u64(CACHE_VERSION);
    hasher.write(bytes);
    format!("{:016x}-{}.jpg", hasher.finish(), bytes.len())
}

/// A photo of a session at print size: from the cache when it has it, else made and kept
/// there (if the session's folder can take it; a read-only folder still gets its report).
pub fn print_copy(folder: &Path, relative: &str) -> Result<Vec<u8>, PhotoError> {
    let bytes = storage::read_inside(folder, relative)?;
    let cached = format!("{CACHE_DIR}/{}", cache_name(&bytes));
    if let Ok(copy) = storage::read_inside(folder, &cached) {
        return Ok(copy);
    }
    let copy = make_print_copy(&bytes, relative)?;
    let _ = keep(folder, &cached, &copy);
    Ok(copy)
}

/// Writes a print copy into the cache, only into a real folder inside the session.
fn keep(folder: &Path, cached: &str, copy: &[u8]) -> Option<()> {
    let dir = folder.join(CACHE_DIR);
    std::fs::create_dir_all(&dir).ok()?;
    // The cache folder itself must not lead out of the session (a link planted there).
    let real = storage::resolve_inside(folder, CACHE_DIR).ok()?;
    let name = Path::new(cached).file_name()?;
    storage::atomic_write(&real.join(name), |file| {
        std::io::Write::write_all(file, copy)
    })
    .ok()
}

/// Print copies of several photos, in parallel; each with its own result, in order.
pub fn print_copies(folder: &Path, relatives: &[String]) -> Vec<Result<Vec<u8>, PhotoError>> {
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
                    let result = print_copy(folder, relative);
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

/// Removes print copies the session's photos no longer need (photos removed or changed).
/// Returns how many were removed.
pub fn clean_cache(folder: &Path, keep: &[String]) -> usize {
    let Ok(dir) = storage::resolve_inside(folder, CACHE_DIR) else {
        return 0;
    };
    let wanted: std::collections::HashSet<String> = keep
        .iter()
        .filter_map(|relative| storage::read_inside(folder, relative).ok())
        .map(|bytes| cache_name(&bytes))
        .collect();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && name.ends_with(".jpg") && !wanted.contains(&name) {
            removed += usize::from(std::fs::remove_file(entry.path()).is_ok());
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

/// The cache folder of a session, for tests and for the consolidation's own files.
pub fn cache_dir(folder: &Path) -> PathBuf {
    folder.join(CACHE_DIR)
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
    fn a_print_copy_is_kept_and_a_removed_photo_s_copy_cleaned_away() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path();
        std::fs::create_dir_all(folder.join("photos")).unwrap();
        std::fs::write(folder.join("photos/a.jpg"), jpeg(2000, 1500)).unwrap();
        std::fs::write(folder.join("photos/b.jpg"), jpeg(1500, 2000)).unwrap();
        let names = vec!["photos/a.jpg".to_owned(), "photos/b.jpg".to_owned()];
        let first = print_copies(folder, &names);
        assert!(first.iter().all(Result::is_ok));
        assert_eq!(std::fs::read_dir(cache_dir(folder)).unwrap().count(), 2);
        // The second time comes from the cache: the same bytes.
        let second = print_copies(folder, &names);
        assert_eq!(first[0].as_ref().unwrap(), second[0].as_ref().unwrap());
        assert_eq!(clean_cache(folder, &names[..1]), 1);
        assert_eq!(std::fs::read_dir(cache_dir(folder)).unwrap().count(), 1);
    }

    #[test]
    fn a_cut_off_jpeg_gets_no_print_copy() {
        let whole = jpeg(800, 600);
        let error = make_print_copy(&whole[..whole.len() - 50], "halb.jpg").unwrap_err();
        assert_eq!(error, PhotoError::Damaged("halb.jpg".into()));
    }
}
