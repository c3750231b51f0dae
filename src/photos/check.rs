//! Whether a photo file is whole and usable, checked cheaply from its bytes: the picture
//! data must end properly (a JPEG cut off while copying often decodes to a grey image
//! without complaint), and the header must be within the size limits. `check` runs this
//! on every photo of a session; importing and decoding run it too.

use std::path::Path;

use super::guard::{PhotoError, open_checked};
use crate::session::Session;
use crate::storage;

/// A file a session names that cannot be read is a photo that cannot be used.
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

/// Checks a photo named by a session: inside the folder, a plain file, a JPEG or PNG whose
/// header is within the limits and whose data is complete. Does not decode the pixels.
pub fn inspect_inside(folder: &Path, relative: &str) -> Result<(), PhotoError> {
    let bytes = storage::read_inside(folder, relative)?;
    open_checked(&bytes, relative).map(|_| ())
}

/// Every photo of a session that cannot be used, with the reason, in the session's order.
pub fn damaged_photos(session: &Session, folder: &Path) -> Vec<PhotoError> {
    if let Err(error) = storage::check_photos_folder(folder) {
        return vec![error.into()];
    }
    session
        .photos
        .iter()
        .filter_map(|photo| inspect_inside(folder, &photo.path).err())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::guard::is_complete;
    use super::*;
    use image::ImageFormat;
    use std::fs;
    use std::io::Cursor;

    fn encoded(format: ImageFormat) -> Vec<u8> {
        let image = image::RgbImage::from_fn(64, 48, |x, y| image::Rgb([x as u8 * 3, y as u8, 90]));
        let mut bytes = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut bytes), format)
            .unwrap();
        bytes
    }

    #[test]
    fn whole_files_are_complete_and_cut_ones_are_not() {
        for format in [ImageFormat::Jpeg, ImageFormat::Png] {
            let whole = encoded(format);
            assert!(is_complete(&whole, format), "{format:?}");
            for keep in [whole.len() - 2, whole.len() * 9 / 10, whole.len() / 2] {
                assert!(
                    !is_complete(&whole[..keep], format),
                    "{format:?} cut at {keep}"
                );
            }
        }
    }

    #[test]
    fn data_after_a_jpeg_end_is_fine() {
        let mut bytes = encoded(ImageFormat::Jpeg);
        bytes.extend_from_slice(b"SEFT trailer of a phone camera");
        assert!(is_complete(&bytes, ImageFormat::Jpeg));
    }

    #[test]
    fn a_session_names_each_unusable_photo() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path();
        fs::create_dir_all(folder.join("photos/ordner.jpg")).unwrap();
        let jpeg = encoded(ImageFormat::Jpeg);
        let files: [(&str, &[u8]); 5] = [
            ("photos/gut.jpg", &jpeg),
            ("photos/leer.jpg", b""),
            ("photos/halb.jpg", &jpeg[..jpeg.len() - 40]),
            (
                "photos/notiz.jpg",
                b"Einkaufsliste: Moderationskarten, Pinnnadeln",
            ),
            ("photos/fehlt.jpg", b""),
        ];
        let mut session = Session::create("Fotos");
        for (path, bytes) in files {
            if !path.contains("fehlt") {
                fs::write(folder.join(path), bytes).unwrap();
            }
            session.photos.push(crate::photos::Photo {
                id: crate::ids::PhotoId::generate(),
                path: path.into(),
                ..Default::default()
            });
        }
        session.photos.push(crate::photos::Photo {
            id: crate::ids::PhotoId::generate(),
            path: "photos/ordner.jpg".into(),
            ..Default::default()
        });
        let damaged = damaged_photos(&session, folder);
        assert_eq!(
            damaged,
            vec![
                PhotoError::Empty("photos/leer.jpg".into()),
                PhotoError::Damaged("photos/halb.jpg".into()),
                PhotoError::NotAnImage("photos/notiz.jpg".into()),
                PhotoError::Missing("photos/fehlt.jpg".into()),
                PhotoError::NotAFile("photos/ordner.jpg".into()),
            ]
        );
    }
}
