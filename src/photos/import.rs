//! Photos: checking, copying into the session folder, orientation, taken-at time, thumbnails.
//! Bad files are refused with a reason in plain words before anything is copied. No GUI code here.
//!
//! Decoding is guarded: the header's dimensions are checked against limits and the decoded
//! size is computed before any pixel buffer is allocated (a forged header can otherwise ask
//! for gigabytes; the orientation-aware decoder path does not apply `max_alloc` itself).

use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, RgbaImage};
use jiff::Timestamp;

use crate::model::{Photo, PhotoId};
use crate::storage::{self, PHOTOS_DIR};

/// Larger than any phone or camera photo of today (about 200 megapixels).
pub const MAX_SIDE: u32 = 20_000;
/// The most a decoded photo may take in memory.
pub const MAX_DECODED_BYTES: u64 = MAX_DECODED_MB * 1024 * 1024;
const MAX_DECODED_MB: u64 = 800;

/// Why a photo cannot be used; `i18n` puts it into words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhotoError {
    /// The file could not be read (the system's reason).
    Unreadable(String, std::io::ErrorKind),
    Empty(String),
    /// HEIC/HEIF, which Moderato cannot decode.
    Heic(String),
    NotAnImage(String),
    /// The header claims more pixels than Moderato accepts (width, height).
    TooLarge(String, u32, u32),
    /// The file is larger than any photo (in bytes).
    FileTooLarge(String, u64),
    /// The picture data does not decode completely.
    Damaged(String),
    Missing(String),
    /// The file lies outside the session folder.
    Outside(String),
    /// The session's `photos/` is a link to another place.
    PhotosFolderNotReal,
    NotAFile(String),
}

impl std::error::Error for PhotoError {}

impl From<storage::FileError> for PhotoError {
    fn from(error: storage::FileError) -> Self {
        use storage::FileProblem;
        let name = error.path;
        match error.problem {
            FileProblem::Missing => Self::Missing(name),
            FileProblem::Outside => Self::Outside(name),
            FileProblem::PhotosFolderNotReal => Self::PhotosFolderNotReal,
            FileProblem::NotAFile => Self::NotAFile(name),
            FileProblem::TooLarge { bytes } => Self::FileTooLarge(name, bytes),
            FileProblem::Unreadable(e) => Self::Unreadable(name, e.kind()),
        }
    }
}

fn name_of(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// What a photo file is, checked from its first bytes (not its name).
pub(super) fn sniff(bytes: &[u8], name: &str) -> Result<ImageFormat, PhotoError> {
    if bytes.is_empty() {
        return Err(PhotoError::Empty(name.to_owned()));
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let brand = &bytes[8..12];
        if [
            b"heic", b"heix", b"hevc", b"mif1", b"msf1", b"heim", b"heis",
        ]
        .iter()
        .any(|b| brand == *b)
        {
            return Err(PhotoError::Heic(name.to_owned()));
        }
    }
    match image::guess_format(bytes) {
        Ok(format @ (ImageFormat::Jpeg | ImageFormat::Png)) => Ok(format),
        _ => Err(PhotoError::NotAnImage(name.to_owned())),
    }
}

/// A decoder whose header passed the size checks, with the photo's orientation and EXIF.
pub(super) struct Checked<'a> {
    decoder: Box<dyn ImageDecoder + 'a>,
    orientation: image::metadata::Orientation,
    exif: Option<Vec<u8>>,
}

pub(super) fn open_checked<'a>(bytes: &'a [u8], name: &str) -> Result<Checked<'a>, PhotoError> {
    let format = sniff(bytes, name)?;
    if !super::check::is_complete(bytes, format) {
        return Err(PhotoError::Damaged(name.to_owned()));
    }
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODED_BYTES);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|e| match e {
        // Say what the header claims: reading the dimensions allocates nothing.
        image::ImageError::Limits(_) => {
            let mut header = ImageReader::with_format(Cursor::new(bytes), format);
            header.no_limits();
            let (width, height) = header.into_dimensions().unwrap_or((0, 0));
            PhotoError::TooLarge(name.to_owned(), width, height)
        }
        other => classify(other, name),
    })?;
    let (width, height) = decoder.dimensions();
    if width > MAX_SIDE || height > MAX_SIDE || decoder.total_bytes() > MAX_DECODED_BYTES {
        return Err(PhotoError::TooLarge(name.to_owned(), width, height));
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let exif = decoder.exif_metadata().ok().flatten();
    Ok(Checked {
        decoder: Box::new(decoder),
        orientation,
        exif,
    })
}

impl Checked<'_> {
    /// How the photo must be turned to stand upright.
    pub(super) fn orientation(&self) -> image::metadata::Orientation {
        self.orientation
    }
}

fn classify(error: image::ImageError, name: &str) -> PhotoError {
    match error {
        image::ImageError::Limits(_) => PhotoError::TooLarge(name.to_owned(), 0, 0),
        image::ImageError::Unsupported(_) => PhotoError::NotAnImage(name.to_owned()),
        _ => PhotoError::Damaged(name.to_owned()),
    }
}

/// Decodes a whole photo, upright.
pub fn decode(bytes: &[u8], name: &str) -> Result<DynamicImage, PhotoError> {
    let checked = open_checked(bytes, name)?;
    let orientation = checked.orientation;
    let mut image = DynamicImage::from_decoder(checked.decoder).map_err(|e| classify(e, name))?;
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
    Ok(decode(&bytes, &name)?
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
    Ok(decode(&bytes, &name)?
        .thumbnail(max_side, max_side)
        .to_rgba8())
}

/// Checks a photo and copies it into `folder/photos/` under a stable name (its file name,
/// made safe, plus a short content hash); the original is never touched. Returns the new
/// photo, with its taken-at time from EXIF when present.
pub fn import(folder: &Path, source: &Path) -> Result<Photo, PhotoError> {
    let name = name_of(source);
    let bytes = read_source(source, &name)?;
    let format = sniff(&bytes, &name)?;
    // Decode fully once: a truncated file fails here, not later in the gallery.
    let checked = open_checked(&bytes, &name)?;
    let taken_at = checked.exif.as_deref().and_then(exif_taken_at);
    DynamicImage::from_decoder(checked.decoder).map_err(|e| classify(e, &name))?;
    let extension = if format == ImageFormat::Png {
        "png"
    } else {
        "jpg"
    };
    let stem: String = Path::new(&name)
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
    let stem = if stem.trim_matches('-').is_empty() {
        "foto".to_owned()
    } else {
        stem
    };
    let relative = format!("{PHOTOS_DIR}/{stem}-{:08x}.{extension}", short_hash(&bytes));
    let target: PathBuf = folder.join(&relative);
    if !target.exists() {
        fs::create_dir_all(folder.join(PHOTOS_DIR))
            .map_err(|e| PhotoError::Unreadable(relative.clone(), e.kind()))?;
        storage::atomic_write(&target, |file| std::io::Write::write_all(file, &bytes)).map_err(
            |e| {
                let kind = match &e {
                    storage::StorageError::Io { source, .. } => source.kind(),
                    _ => std::io::ErrorKind::Other,
                };
                PhotoError::Unreadable(relative.clone(), kind)
            },
        )?;
    }
    Ok(Photo {
        id: PhotoId::generate(),
        path: relative,
        taken_at,
        ..Photo::default()
    })
}

/// Imports several files, in order; returns the photos copied in and the files refused, each
/// with its reason. `progress` hears (done, total) before each file.
pub fn import_all(
    folder: &Path,
    files: &[PathBuf],
    mut progress: impl FnMut(usize, usize),
) -> (Vec<Photo>, Vec<PhotoError>) {
    let mut photos = Vec::new();
    let mut refused = Vec::new();
    for (n, file) in files.iter().enumerate() {
        progress(n, files.len());
        match import(folder, file) {
            Ok(photo) => photos.push(photo),
            Err(error) => refused.push(error),
        }
    }
    (photos, refused)
}

/// Reads a file to import, refusing one larger than any photo before reading it.
fn read_source(source: &Path, name: &str) -> Result<Vec<u8>, PhotoError> {
    use std::io::Read as _;
    let unreadable = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => PhotoError::Missing(name.to_owned()),
        kind => PhotoError::Unreadable(name.to_owned(), kind),
    };
    let file = fs::File::open(source).map_err(unreadable)?;
    let metadata = file.metadata().map_err(unreadable)?;
    if !metadata.is_file() {
        return Err(PhotoError::NotAFile(name.to_owned()));
    }
    if metadata.len() > storage::MAX_FILE_BYTES {
        return Err(PhotoError::FileTooLarge(name.to_owned(), metadata.len()));
    }
    let mut bytes = Vec::new();
    file.take(storage::MAX_FILE_BYTES)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    Ok(bytes)
}

fn short_hash(bytes: &[u8]) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for &byte in bytes {
        hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
    }
    hash
}

/// DateTimeOriginal (or DateTime) from raw EXIF (a TIFF structure), read as local time of the
/// system's zone, since EXIF rarely says which zone it means.
pub fn exif_taken_at(exif: &[u8]) -> Option<Timestamp> {
    let exif = exif.strip_prefix(b"Exif\0\0").unwrap_or(exif);
    let little = match exif.get(..4)? {
        b"II*\0" => true,
        b"MM\0*" => false,
        _ => return None,
    };
    let u16_at = |at: usize| -> Option<u16> {
        let b = exif.get(at..at + 2)?;
        Some(if little {
            u16::from_le_bytes([b[0], b[1]])
        } else {
            u16::from_be_bytes([b[0], b[1]])
        })
    };
    let u32_at = |at: usize| -> Option<u32> {
        let b = exif.get(at..at + 4)?;
        let b = [b[0], b[1], b[2], b[3]];
        Some(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    let find = |ifd: usize, tag: u16| -> Option<(u16, u32, usize)> {
        let count = usize::from(u16_at(ifd)?);
        (0..count.min(512)).find_map(|i| {
            let entry = ifd + 2 + i * 12;
            (u16_at(entry)? == tag).then_some(())?;
            Some((u16_at(entry + 2)?, u32_at(entry + 4)?, entry + 8))
        })
    };
    let ifd0 = usize::try_from(u32_at(4)?).ok()?;
    let ascii = |(kind, count, value_at): (u16, u32, usize)| -> Option<String> {
        if kind != 2 || count < 19 {
            return None;
        }
        let offset = usize::try_from(u32_at(value_at)?).ok()?;
        let bytes = exif.get(offset..offset + 19)?;
        Some(String::from_utf8_lossy(bytes).into_owned())
    };
    let original = find(ifd0, 0x8769)
        .and_then(|(_, _, value_at)| u32_at(value_at))
        .and_then(|offset| usize::try_from(offset).ok())
        .and_then(|exif_ifd| find(exif_ifd, 0x9003))
        .and_then(ascii);
    let text = original.or_else(|| find(ifd0, 0x0132).and_then(ascii))?;
    // "2017:11:23 11:40:00"
    let (date, time) = text.split_once(' ')?;
    let iso = format!("{}T{time}", date.replace(':', "-"));
    let civil: jiff::civil::DateTime = iso.parse().ok()?;
    civil
        .to_zoned(jiff::tz::TimeZone::system())
        .ok()
        .map(|z| z.timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

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
