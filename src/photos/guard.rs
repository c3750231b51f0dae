//! Guarded opening of a photo's bytes: the format read from the bytes (not the name),
//! the picture data complete, the header's dimensions within the limits, all before any
//! pixel buffer is allocated (a forged header can otherwise ask for gigabytes; the
//! orientation-aware decoder path does not apply `max_alloc` itself). Importing, checking,
//! thumbnails and print copies all open photos through here.

use std::io::Cursor;

use image::{ImageDecoder, ImageFormat, ImageReader};

/// Larger than any phone or camera photo of today (about 200 megapixels).
pub const MAX_SIDE: u32 = 20_000;
/// The most a decoded photo may take in memory: about 110 megapixels in colour, more than
/// any phone's photo (48 MP: 144 MB). Checking, thumbnails and print copies hold the decoded
/// picture and a smaller copy at once, so the limit keeps every command on such a photo
/// under 1 GB (measured in `cargo bench --bench limits`).
pub const MAX_DECODED_BYTES: u64 = MAX_DECODED_MB * 1024 * 1024;
const MAX_DECODED_MB: u64 = 320;

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
    /// A folder given to attach holds no JPEG or PNG file.
    NoPhotosInFolder(String),
}

impl std::error::Error for PhotoError {}

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
    pub(super) decoder: Box<dyn ImageDecoder + 'a>,
    pub(super) orientation: image::metadata::Orientation,
    pub(super) exif: Option<Vec<u8>>,
}

pub(super) fn open_checked<'a>(bytes: &'a [u8], name: &str) -> Result<Checked<'a>, PhotoError> {
    let format = sniff(bytes, name)?;
    if !is_complete(bytes, format) {
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

pub(super) fn classify(error: image::ImageError, name: &str) -> PhotoError {
    match error {
        image::ImageError::Limits(_) => PhotoError::TooLarge(name.to_owned(), 0, 0),
        image::ImageError::Unsupported(_) => PhotoError::NotAnImage(name.to_owned()),
        _ => PhotoError::Damaged(name.to_owned()),
    }
}

/// Whether the picture data ends as its format requires: a JPEG's end-of-image marker after
/// its last scan, a PNG's `IEND` chunk.
pub(super) fn is_complete(bytes: &[u8], format: ImageFormat) -> bool {
    match format {
        ImageFormat::Jpeg => {
            // Markers cannot occur inside entropy-coded data (0xFF is stuffed there), so the
            // last start-of-scan is the main image's last scan, even when an EXIF thumbnail
            // with its own markers comes first; some cameras append data after the end.
            let last = |marker: u8| bytes.windows(2).rposition(|w| w == [0xFF, marker]);
            match (last(0xDA), last(0xD9)) {
                (Some(scan), Some(end)) => end > scan,
                _ => false,
            }
        }
        ImageFormat::Png => {
            // The `IEND` chunk type and its 4-byte checksum, near the end.
            let tail = &bytes[bytes.len().saturating_sub(64 * 1024)..];
            tail.windows(4)
                .rposition(|w| w == b"IEND")
                .is_some_and(|at| at + 8 <= tail.len())
        }
        _ => true,
    }
}
