//! Photos: checking, copying into the session folder, orientation, taken-at time, thumbnails.
//! Bad files are refused with a reason in plain words before anything is copied. No GUI code here.
//!
//! Decoding is guarded: the header's dimensions are checked against limits and the decoded
//! size is computed before any pixel buffer is allocated (a forged header can otherwise ask
//! for gigabytes; the orientation-aware decoder path does not apply `max_alloc` itself).

use std::fs;
use std::path::{Path, PathBuf};

use image::{DynamicImage, ImageFormat, RgbImage, RgbaImage};
use jiff::Timestamp;

use super::guard::{MAX_DECODED_BYTES, PhotoError, classify, open_checked, sniff};
use crate::ids::PhotoId;
use crate::photos::Photo;
use crate::storage::{self, PHOTOS_DIR};

fn name_of(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Reads and decodes a whole photo file, upright, with every check of attaching: a regular
/// file of a photo's size, a real JPEG or PNG, within the decoded-size limit.
pub fn decode_file(path: &Path) -> Result<DynamicImage, PhotoError> {
    let name = name_of(path);
    let bytes = read_source(path, &name)?;
    decode(&bytes, &name)
}

/// Decodes a whole photo, upright.
pub fn decode(bytes: &[u8], name: &str) -> Result<DynamicImage, PhotoError> {
    let checked = open_checked(bytes, name)?;
    let orientation = checked.orientation;
    let mut image = DynamicImage::from_decoder(checked.decoder).map_err(|e| classify(e, name))?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// A photo decoded at the smallest size that still has `side` pixels on its longer side (or
/// its full size), upright. JPEGs are decoded straight at 1/2, 1/4 or 1/8 of their size
/// (DCT scaling): a twelve-megapixel photo for a 320-pixel thumbnail costs a few
/// milliseconds, not a full decode. Every byte is still read and checked, with the same
/// limits as everywhere else, so a damaged file fails here too.
pub fn decode_at_least(bytes: &[u8], name: &str, side: u32) -> Result<DynamicImage, PhotoError> {
    let checked = open_checked(bytes, name)?;
    if sniff(bytes, name)? != ImageFormat::Jpeg {
        let orientation = checked.orientation;
        let mut image =
            DynamicImage::from_decoder(checked.decoder).map_err(|e| classify(e, name))?;
        image.apply_orientation(orientation);
        return Ok(image);
    }
    let orientation = checked.orientation();
    drop(checked);
    let damaged = || PhotoError::Damaged(name.to_owned());
    let mut decoder = jpeg_decoder::Decoder::new(bytes);
    decoder.set_max_decoding_buffer_size(MAX_DECODED_BYTES as usize);
    decoder.read_info().map_err(|_| damaged())?;
    let info = decoder.info().ok_or_else(damaged)?;
    let (w, h) = (u32::from(info.width), u32::from(info.height));
    let longer = w.max(h).max(1);
    let want = |length: u32| {
        u16::try_from(
            (u64::from(length) * u64::from(side.max(1)))
                .div_ceil(u64::from(longer))
                .max(1),
        )
        .unwrap_or(u16::MAX)
    };
    let (sw, sh) = decoder.scale(want(w), want(h)).map_err(|_| damaged())?;
    let pixels = decoder.decode().map_err(|_| damaged())?;
    let (sw, sh) = (u32::from(sw), u32::from(sh));
    let image = match info.pixel_format {
        jpeg_decoder::PixelFormat::RGB24 => {
            RgbImage::from_raw(sw, sh, pixels).map(DynamicImage::ImageRgb8)
        }
        jpeg_decoder::PixelFormat::L8 => {
            image::GrayImage::from_raw(sw, sh, pixels).map(DynamicImage::ImageLuma8)
        }
        // Rare in photos (CMYK): the full decoder handles them.
        _ => return decode(bytes, name),
    };
    let mut image = image.ok_or_else(damaged)?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// A thumbnail no larger than `max_side` on its longer side, upright, as RGBA.
pub fn thumbnail(path: &Path, max_side: u32) -> Result<RgbaImage, PhotoError> {
    let name = name_of(path);
    let bytes = fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => PhotoError::Missing(name.clone()),
        _ => PhotoError::Unreadable(name.clone(), e.kind()),
    })?;
    Ok(decode_at_least(&bytes, &name, max_side)?
        .thumbnail(max_side, max_side)
        .to_rgba8())
}

/// A thumbnail of a photo named by a session; the file is read only if it lies inside the
/// session folder.
pub fn thumbnail_inside(
    folder: &Path,
    relative: &str,
    max_side: u32,
) -> Result<RgbaImage, PhotoError> {
    let bytes = storage::read_inside(folder, relative)?;
    let name = relative.to_owned();
    Ok(decode_at_least(&bytes, &name, max_side)?
        .thumbnail(max_side, max_side)
        .to_rgba8())
}

/// Checks a photo and copies it into `folder/photos/` under a stable name (its file name,
/// made safe, plus a short content hash); the original is never touched. Returns the new
/// photo, with its taken-at time from EXIF when present.
pub fn import(folder: &Path, source: &Path) -> Result<Photo, PhotoError> {
    import_with_thumbnail(folder, source, 1).map(|(photo, _)| photo)
}

/// [`import`], and the photo's thumbnail (`side` pixels) from the same single decode.
pub fn import_with_thumbnail(
    folder: &Path,
    source: &Path,
    side: u32,
) -> Result<(Photo, RgbaImage), PhotoError> {
    let name = name_of(source);
    let bytes = read_source(source, &name)?;
    let format = sniff(&bytes, &name)?;
    let taken_at = open_checked(&bytes, &name)?
        .exif
        .as_deref()
        .and_then(exif_taken_at);
    // Decoded once, at thumbnail size: a truncated file fails here, not later in the gallery.
    let thumbnail = decode_at_least(&bytes, &name, side)?
        .thumbnail(side, side)
        .to_rgba8();
    let extension = if format == ImageFormat::Png {
        "png"
    } else {
        "jpg"
    };
    let stem = safe_stem(&name);
    let relative = format!("{PHOTOS_DIR}/{stem}-{:08x}.{extension}", short_hash(&bytes));
    write_into_photos(folder, &relative, &bytes)?;
    let photo = Photo {
        id: PhotoId::generate(),
        path: relative,
        taken_at,
        ..Photo::default()
    };
    Ok((photo, thumbnail))
}

/// The photos in a folder (its JPEG and PNG files by their names, not its subfolders), in
/// the order of their names; a folder without any is said to be one.
pub fn photos_in(dir: &Path) -> Result<Vec<PathBuf>, PhotoError> {
    let shown = dir.display().to_string();
    let entries = fs::read_dir(dir).map_err(|e| PhotoError::Unreadable(shown.clone(), e.kind()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|t| !t.is_dir()))
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ["jpg", "jpeg", "png"].contains(&e.to_ascii_lowercase().as_str()))
        })
        .collect();
    if files.is_empty() {
        return Err(PhotoError::NoPhotosInFolder(shown));
    }
    files.sort_by_key(|p| p.file_name().map(|n| n.to_string_lossy().to_lowercase()));
    Ok(files)
}

/// Imports several files, in order; returns the photos copied in and the files refused, each
/// with its reason. `progress` hears (done, total) before each file.
pub fn import_all(
    folder: &Path,
    files: &[PathBuf],
    progress: impl FnMut(usize, usize),
) -> (Vec<Photo>, Vec<PhotoError>) {
    let (photos, refused) = import_all_with_thumbnails(folder, files, 1, progress);
    (photos.into_iter().map(|(p, _)| p).collect(), refused)
}

/// [`import_all`] with each photo's thumbnail, the files checked and decoded on two threads
/// (the order of the result is the order of `files`).
pub fn import_all_with_thumbnails(
    folder: &Path,
    files: &[PathBuf],
    side: u32,
    mut progress: impl FnMut(usize, usize),
) -> (Vec<(Photo, RgbaImage)>, Vec<PhotoError>) {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (sender, receiver) = std::sync::mpsc::channel();
    let mut results: Vec<Option<Result<(Photo, RgbaImage), PhotoError>>> =
        (0..files.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        for _ in 0..threads.min(files.len()) {
            let sender = sender.clone();
            let next = &next;
            scope.spawn(move || {
                loop {
                    let n = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(file) = files.get(n) else { break };
                    if sender
                        .send((n, import_with_thumbnail(folder, file, side)))
                        .is_err()
                    {
                        break;
                    }
                }
            });
        }
        drop(sender);
        progress(0, files.len());
        for (done, (n, result)) in receiver.iter().enumerate() {
            results[n] = Some(result);
            progress(done + 1, files.len());
        }
    });
    let mut photos = Vec::new();
    let mut refused = Vec::new();
    for result in results.into_iter().flatten() {
        match result {
            Ok(photo) => photos.push(photo),
            Err(error) => refused.push(error),
        }
    }
    (photos, refused)
}

/// Reads a file to import, refusing one larger than any photo before reading it.
/// A photo file given to attach: a plain file (a pipe or a device is refused at once, never
/// read), of at most the size of any photo.
fn read_source(source: &Path, name: &str) -> Result<Vec<u8>, PhotoError> {
    storage::files::read_regular(source, storage::MAX_FILE_BYTES).map_err(|problem| {
        PhotoError::from(storage::FileError {
            path: name.to_owned(),
            problem,
        })
    })
}

/// A file name's stem made safe for a name in `photos/` (letters, digits, `-`, `_`),
/// "foto" when nothing is left.
pub fn safe_stem(name: &str) -> String {
    let stem: String = Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if stem.trim_matches('-').is_empty() {
        "foto".to_owned()
    } else {
        stem
    }
}

/// Writes `bytes` as `relative` (a name under `photos/`, perhaps in a folder of its own such
/// as `photos/cards/`) into the session folder, unless that file is there already: never
/// through a link out of the folder, all or nothing.
pub fn write_into_photos(folder: &Path, relative: &str, bytes: &[u8]) -> Result<(), PhotoError> {
    let target: PathBuf = folder.join(relative);
    let unreadable = |kind| PhotoError::Unreadable(relative.to_owned(), kind);
    // Every folder on the way is a real folder inside the session, never a link elsewhere.
    let real_folders = |target: &Path| -> Result<(), PhotoError> {
        storage::check_photos_folder(folder)?;
        let mut dir = target.parent();
        while let Some(d) = dir.filter(|d| *d != folder && d.starts_with(folder)) {
            if let Ok(meta) = fs::symlink_metadata(d)
                && (meta.file_type().is_symlink() || !meta.is_dir())
            {
                return Err(PhotoError::PhotosFolderNotReal);
            }
            dir = d.parent();
        }
        Ok(())
    };
    real_folders(&target)?;
    if fs::symlink_metadata(&target).is_ok() {
        return Ok(());
    }
    let parent = target.parent().unwrap_or(folder);
    fs::create_dir_all(parent).map_err(|e| unreadable(e.kind()))?;
    real_folders(&target)?;
    storage::atomic_write(&target, |file| std::io::Write::write_all(file, bytes)).map_err(|e| {
        let kind = match &e {
            storage::StorageError::Io { source, .. } => source.kind(),
            _ => std::io::ErrorKind::Other,
        };
        unreadable(kind)
    })
}

pub fn short_hash(bytes: &[u8]) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for &byte in bytes {
        hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
    }
    hash
}

/// DateTimeOriginal (or DateTime) from raw EXIF (a TIFF structure), read as local time of the
/// system's zone, since EXIF rarely says which zone it means.
pub fn exif_taken_at(exif: &[u8]) -> Option<Timestamp> {
    let raw = exif.strip_prefix(b"Exif\0\0").unwrap_or(exif);
    let exif = exif::Reader::new().read_raw(raw.to_vec()).ok()?;
    let field = [exif::Tag::DateTimeOriginal, exif::Tag::DateTime]
        .into_iter()
        .find_map(|tag| exif.get_field(tag, exif::In::PRIMARY))?;
    let exif::Value::Ascii(parts) = &field.value else {
        return None;
    };
    let when = exif::DateTime::from_ascii(parts.first()?).ok()?;
    let civil = jiff::civil::DateTime::new(
        i16::try_from(when.year).ok()?,
        i8::try_from(when.month).ok()?,
        i8::try_from(when.day).ok()?,
        i8::try_from(when.hour).ok()?,
        i8::try_from(when.minute).ok()?,
        i8::try_from(when.second).ok()?,
        0,
    )
    .ok()?;
    civil
        .to_zoned(jiff::tz::TimeZone::system())
        .ok()
        .map(|z| z.timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = RgbaImage::from_pixel(width, height, image::Rgba([200, 120, 40, 255]));
        let mut bytes = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
            .unwrap();
        bytes
    }

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let image =
            image::RgbImage::from_fn(width, height, |x, _| image::Rgb([(x % 255) as u8, 90, 160]));
        let mut bytes = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Jpeg)
            .unwrap();
        bytes
    }

    #[test]
    fn a_folder_gives_its_photos_by_name_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::write(d.join("b-Wand.JPG"), jpeg(8, 8)).unwrap();
        fs::write(d.join("a-Flipchart.png"), png(8, 8)).unwrap();
        fs::write(d.join("Notizen.txt"), "kein Foto").unwrap();
        fs::create_dir(d.join("unterordner.jpg")).unwrap();
        let names: Vec<_> = photos_in(d)
            .unwrap()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a-Flipchart.png", "b-Wand.JPG"]);
        let empty = tempfile::tempdir().unwrap();
        assert!(matches!(
            photos_in(empty.path()),
            Err(PhotoError::NoPhotosInFolder(_))
        ));
        assert!(matches!(
            photos_in(&d.join("fehlt")),
            Err(PhotoError::Unreadable(..))
        ));
    }

    #[test]
    fn a_good_photo_is_copied_under_a_stable_name_and_the_original_kept() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("Flipchart Übersicht.png");
        fs::write(&source, png(40, 30)).unwrap();
        let session = dir.path().join("sitzung");
        let photo = import(&session, &source).unwrap();
        assert!(
            photo.path.starts_with("photos/Flipchart-Übersicht-"),
            "{}",
            photo.path
        );
        assert!(session.join(&photo.path).is_file());
        assert_eq!(
            fs::read(&source).unwrap(),
            png(40, 30),
            "the original is untouched"
        );
        let again = import(&session, &source).unwrap();
        assert_eq!(again.path, photo.path, "same content, same name");
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("sitzung");
        let write = |name: &str, bytes: &[u8]| {
            let path = dir.path().join(name);
            fs::write(&path, bytes).unwrap();
            path
        };
        let empty = write("leer.jpg", b"");
        assert!(matches!(
            import(&session, &empty),
            Err(PhotoError::Empty(_))
        ));
        let text = write("notiz.jpg", b"Das ist kein Bild, sondern eine Notiz.");
        assert!(matches!(
            import(&session, &text),
            Err(PhotoError::NotAnImage(_))
        ));
        let mut heic = vec![0, 0, 0, 24];
        heic.extend_from_slice(b"ftypheic\0\0\0\0mif1heic");
        let heic = write("IMG_0001.HEIC", &heic);
        let error = import(&session, &heic).unwrap_err();
        assert!(error.to_string().contains("export it as JPEG"), "{error}");
        let full = jpeg(64, 48);
        let truncated = write("abgeschnitten.jpg", &full[..full.len() / 2]);
        assert!(
            matches!(import(&session, &truncated), Err(PhotoError::Damaged(..))),
            "{:?}",
            import(&session, &truncated)
        );
        // A PNG named .jpg is read as what it is.
        let mislabelled = write("eigentlich-png.jpg", &png(8, 8));
        assert!(
            import(&session, &mislabelled)
                .unwrap()
                .path
                .ends_with(".png")
        );
        assert!(
            !session.join("photos").read_dir().unwrap().any(|e| e
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("leer"))
        );
    }

    #[test]
    fn a_forged_giant_header_is_refused_before_allocating() {
        // A valid JPEG whose frame header claims 60000 × 60000 pixels (21 GB decoded).
        let mut bytes = jpeg(16, 16);
        let sof = bytes
            .windows(2)
            .position(|w| w == [0xFF, 0xC0])
            .expect("a baseline frame");
        bytes[sof + 5..sof + 7].copy_from_slice(&60_000u16.to_be_bytes());
        bytes[sof + 7..sof + 9].copy_from_slice(&60_000u16.to_be_bytes());
        let error = decode(&bytes, "bombe.jpg").unwrap_err();
        assert!(matches!(error, PhotoError::TooLarge(..)), "{error:?}");
    }

    #[test]
    fn thumbnails_are_small_and_a_missing_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gross.jpg");
        fs::write(&path, jpeg(1200, 800)).unwrap();
        let thumb = thumbnail(&path, 256).unwrap();
        assert_eq!((thumb.width(), thumb.height()), (256, 171));
        let missing = thumbnail(&dir.path().join("weg.jpg"), 256).unwrap_err();
        assert_eq!(missing, PhotoError::Missing("weg.jpg".into()));
        assert!(missing.to_string().contains("weg.jpg"));
    }

    #[test]
    fn exif_orientation_and_date_are_applied() {
        // A little-endian TIFF with IFD0 { Orientation = 6 (rotate 90°), ExifIFD -> { DateTimeOriginal } }.
        let mut tiff: Vec<u8> = b"II*\0".to_vec();
        tiff.extend_from_slice(&8u32.to_le_bytes());
        tiff.extend_from_slice(&2u16.to_le_bytes());
        tiff.extend_from_slice(&[0x12, 0x01, 3, 0]); // Orientation, SHORT
        tiff.extend_from_slice(&1u32.to_le_bytes());
        tiff.extend_from_slice(&[6, 0, 0, 0]);
        tiff.extend_from_slice(&[0x69, 0x87, 4, 0]); // ExifIFD pointer, LONG
        tiff.extend_from_slice(&1u32.to_le_bytes());
        tiff.extend_from_slice(&38u32.to_le_bytes());
        tiff.extend_from_slice(&0u32.to_le_bytes()); // next IFD
        assert_eq!(tiff.len(), 38);
        tiff.extend_from_slice(&1u16.to_le_bytes());
        tiff.extend_from_slice(&[0x03, 0x90, 2, 0]); // DateTimeOriginal, ASCII
        tiff.extend_from_slice(&20u32.to_le_bytes());
        tiff.extend_from_slice(&56u32.to_le_bytes());
        tiff.extend_from_slice(&0u32.to_le_bytes());
        assert_eq!(tiff.len(), 56);
        tiff.extend_from_slice(b"2017:11:23 11:40:00\0");
        let taken = exif_taken_at(&tiff).expect("a date");
        let local = taken.to_zoned(jiff::tz::TimeZone::system());
        assert_eq!(
            local.strftime("%Y-%m-%d %H:%M").to_string(),
            "2017-11-23 11:40"
        );

        // The same EXIF inside a JPEG (APP1) turns a 40×20 photo upright: 20×40.
        let plain = jpeg(40, 20);
        let mut app1 = vec![0xFF, 0xE1];
        let payload: Vec<u8> = b"Exif\0\0"
            .iter()
            .copied()
            .chain(tiff.iter().copied())
            .collect();
        app1.extend_from_slice(&u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
        app1.extend_from_slice(&payload);
        let mut with_exif = plain[..2].to_vec();
        with_exif.extend_from_slice(&app1);
        with_exif.extend_from_slice(&plain[2..]);
        let upright = decode(&with_exif, "hochkant.jpg").unwrap();
        assert_eq!((upright.width(), upright.height()), (20, 40));
    }
}
