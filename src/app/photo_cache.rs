//! Pictures of the session's photos on screen: thumbnails for the gallery and one large
//! preview, decoded by background jobs and turned into textures here. The preview's texture
//! is dropped when it closes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::i18n::{Describe as _, Lang};
use crate::ids::PhotoId;
use crate::photos::{Photo, PhotoError};

/// Longest side of a gallery thumbnail, in pixels.
pub const THUMB_SIDE: u32 = 320;
/// Longest side of a preview, in pixels: a full-HD screen's width (a full 12-megapixel
/// texture would cost 48 MB, and a camera JPEG decodes straight at half size for it).
pub const PREVIEW_SIDE: u32 = 1920;
/// Longest side of a card's picture on screen: as made (see `pinboard::crops::CROP_SIDE`).
pub const CARD_SIDE: u32 = crate::pinboard::crops::CROP_SIDE;

/// A thumbnail's state in the gallery.
pub enum Thumb {
    Loading,
    Ready(egui::TextureHandle),
    Failed(String),
}

/// The preview: which photo, and its texture once decoded.
pub struct Preview {
    pub id: PhotoId,
    pub picture: Option<Result<egui::TextureHandle, String>>,
}

/// A picture to decode: the photo (none for a card's picture), where it lies, and how large.
pub struct PictureRequest {
    pub id: Option<PhotoId>,
    pub path: String,
    pub folder: PathBuf,
    pub side: u32,
}

#[derive(Default)]
pub struct PhotoCache {
    pub thumbs: HashMap<(PhotoId, String), Thumb>,
    pub preview: Option<Preview>,
    /// Cards' pictures (a board made from a photo), by their path in the session folder.
    pub cards: HashMap<String, Thumb>,
    /// The preview's neighbours, decoded ahead so "Next" shows at once (none: on its way).
    preloaded: HashMap<PhotoId, Option<Result<egui::TextureHandle, String>>>,
    /// Pictures asked for this frame; the app starts their jobs after drawing.
    requests: Vec<PictureRequest>,
}

impl PhotoCache {
    /// Asks for a thumbnail unless it is known or on its way.
    pub fn want_thumbnail(&mut self, photo: &Photo, folder: &Path) {
        let key = (photo.id, photo.path.clone());
        if self.thumbs.contains_key(&key) {
            return;
        }
        self.thumbs.insert(key, Thumb::Loading);
        self.request(photo, folder, THUMB_SIDE);
    }

    /// The gallery's thumbnail of a photo, if it is decoded: the preview shows it enlarged
    /// at once while the large picture is on its way.
    pub fn thumbnail(&self, photo: &Photo) -> Option<&egui::TextureHandle> {
        match self.thumbs.get(&(photo.id, photo.path.clone())) {
            Some(Thumb::Ready(texture)) => Some(texture),
            _ => None,
        }
    }

    /// Opens the preview of a photo; its picture is decoded by a job.
    pub fn show_preview(&mut self, photo: &Photo, folder: &Path) {
        // Decoded ahead (or on its way: it arrives as the preview's).
        let ahead = self.preloaded.remove(&photo.id);
        let is_asked = ahead.is_some();
        self.preview = Some(Preview {
            id: photo.id,
            picture: ahead.flatten(),
        });
        if !is_asked {
            self.request(photo, folder, PREVIEW_SIDE);
        }
    }

    /// The preview closed: its texture and its neighbours' are dropped.
    pub fn close_preview(&mut self) {
        self.preview = None;
        self.preloaded.clear();
    }

    /// Decodes the photos next to the preview ahead, keeping only those (at most two
    /// textures of a screen's size besides the preview's).
    pub fn preload(&mut self, neighbours: &[&Photo], folder: &Path) {
        self.preloaded
            .retain(|id, _| neighbours.iter().any(|p| p.id == *id));
        for photo in neighbours {
            if let std::collections::hash_map::Entry::Vacant(slot) = self.preloaded.entry(photo.id)
            {
                slot.insert(None);
                self.request(photo, folder, PREVIEW_SIDE);
            }
        }
    }

    /// A card's picture: its texture once decoded; asked for the first time, its decoding
    /// begins.
    pub fn card_picture(
        &mut self,
        path: &str,
        folder: &Path,
    ) -> Option<(egui::TextureId, egui::Vec2)> {
        match self.cards.get(path) {
            Some(Thumb::Ready(texture)) => Some((texture.id(), texture.size_vec2())),
            Some(_) => None,
            None => {
                self.cards.insert(path.to_owned(), Thumb::Loading);
                self.requests.push(PictureRequest {
                    id: None,
                    path: path.to_owned(),
                    folder: folder.to_owned(),
                    side: CARD_SIDE,
                });
                None
            }
        }
    }

    fn request(&mut self, photo: &Photo, folder: &Path, side: u32) {
        self.requests.push(PictureRequest {
            id: Some(photo.id),
            path: photo.path.clone(),
            folder: folder.to_owned(),
            side,
        });
    }

    /// The pictures asked for since the last call.
    pub fn take_requests(&mut self) -> Vec<PictureRequest> {
        std::mem::take(&mut self.requests)
    }

    /// A thumbnail made while attaching.
    pub fn thumbnail_ready(&mut self, ctx: &egui::Context, photo: &Photo, image: egui::ColorImage) {
        let texture = ctx.load_texture(
            format!("photo-{}-{THUMB_SIDE}", photo.id),
            image,
            Default::default(),
        );
        self.thumbs
            .insert((photo.id, photo.path.clone()), Thumb::Ready(texture));
    }

    /// A decoded picture arrived.
    pub fn arrived(
        &mut self,
        ctx: &egui::Context,
        id: Option<PhotoId>,
        path: String,
        side: u32,
        result: Result<egui::ColorImage, PhotoError>,
        lang: Lang,
    ) {
        let Some(id) = id else {
            let thumb = match result {
                Ok(image) => Thumb::Ready(ctx.load_texture(
                    format!("card-{path}"),
                    image,
                    Default::default(),
                )),
                Err(e) => Thumb::Failed(e.describe(lang)),
            };
            self.cards.insert(path, thumb);
            return;
        };
        let texture =
            |image| ctx.load_texture(format!("photo-{id}-{side}"), image, Default::default());
        if side == PREVIEW_SIDE {
            if let Some(preview) = &mut self.preview
                && preview.id == id
            {
                preview.picture = Some(result.map(texture).map_err(|e| e.describe(lang)));
            } else if let Some(slot) = self.preloaded.get_mut(&id) {
                *slot = Some(result.map(texture).map_err(|e| e.describe(lang)));
            }
            return;
        }
        let key = (id, path);
        if self.thumbs.contains_key(&key) {
            let thumb = match result {
                Ok(image) => Thumb::Ready(texture(image)),
                Err(e) => Thumb::Failed(e.describe(lang)),
            };
            self.thumbs.insert(key, thumb);
        }
    }

    /// Forgets everything (another session was opened).
    pub fn clear(&mut self) {
        self.thumbs.clear();
        self.cards.clear();
        self.preloaded.clear();
        self.preview = None;
        self.requests.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn photo(name: &str) -> Photo {
        Photo {
            id: PhotoId::generate(),
            path: format!("photos/{name}.jpg"),
            ..Photo::default()
        }
    }

    fn picture() -> Result<egui::ColorImage, PhotoError> {
        Ok(egui::ColorImage::filled([4, 3], egui::Color32::WHITE))
    }

    #[test]
    fn next_shows_a_neighbour_decoded_ahead_at_once() {
        let ctx = egui::Context::default();
        let folder = Path::new("/sitzung");
        let (a, b, c) = (photo("a"), photo("b"), photo("c"));
        let mut cache = PhotoCache::default();
        cache.show_preview(&a, folder);
        assert_eq!(cache.take_requests().len(), 1);
        cache.preload(&[&b, &c], folder);
        let asked: Vec<_> = cache.take_requests().into_iter().map(|r| r.id).collect();
        assert_eq!(asked, [Some(b.id), Some(c.id)]);
        cache.arrived(
            &ctx,
            Some(b.id),
            b.path.clone(),
            PREVIEW_SIDE,
            picture(),
            Lang::En,
        );
        // Asked again while there or on its way: nothing is decoded twice.
        cache.preload(&[&b, &c], folder);
        assert!(cache.take_requests().is_empty());
        cache.show_preview(&b, folder);
        assert!(matches!(
            cache.preview.as_ref().and_then(|p| p.picture.as_ref()),
            Some(Ok(_))
        ));
        assert!(cache.take_requests().is_empty(), "shown without decoding");
        // One still on its way becomes the preview when it arrives, without a second job.
        cache.show_preview(&c, folder);
        assert!(cache.take_requests().is_empty());
        cache.arrived(
            &ctx,
            Some(c.id),
            c.path.clone(),
            PREVIEW_SIDE,
            picture(),
            Lang::En,
        );
        assert!(matches!(
            cache.preview.as_ref().and_then(|p| p.picture.as_ref()),
            Some(Ok(_))
        ));
        cache.close_preview();
        assert!(cache.preview.is_none() && cache.preloaded.is_empty());
    }
}
