//! Every change to the session's photos, as a named edit.

use super::{Photo, PhotoLink};
use crate::fields::{set, set_text};
use crate::ids::PhotoId;
use crate::session::Session;
use crate::session::limits::SHORT_TEXT;

/// A text field of a photo.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PhotoText {
    Caption,
    Photographer,
}

/// A change to the photos.
#[derive(Clone, Debug, PartialEq)]
pub enum PhotoEdit {
    /// Adds photos (copied into the folder already); a path the session has is skipped.
    Add(Vec<Photo>),
    /// Takes a photo out of the session (its file stays in `photos/`).
    Remove(PhotoId),
    SetText(PhotoId, PhotoText, String),
    SetLink(PhotoId, Option<PhotoLink>),
}

impl PhotoEdit {
    /// Adds newly imported photos, credited to the session's (first) photographer.
    pub fn attach(session: &Session, photos: Vec<Photo>) -> Self {
        let photographer = session.meta.credits.photos.first();
        let photos = photos
            .into_iter()
            .map(|mut photo| {
                if let Some(name) = photographer {
                    photo.photographer.clone_from(name);
                }
                photo
            })
            .collect();
        PhotoEdit::Add(photos)
    }

    /// Applies the edit; returns whether anything changed.
    pub fn apply(self, session: &mut Session) -> bool {
        let photos = &mut session.photos;
        match self {
            PhotoEdit::Add(new) => {
                let mut changed = false;
                for photo in new {
                    if !photos.iter().any(|p| p.path == photo.path) {
                        photos.push(photo);
                        changed = true;
                    }
                }
                changed
            }
            PhotoEdit::Remove(id) => {
                let before = photos.len();
                photos.retain(|p| p.id != id);
                photos.len() != before
            }
            PhotoEdit::SetText(id, field, text) => {
                let Some(photo) = photos.iter_mut().find(|p| p.id == id) else {
                    return false;
                };
                let slot = match field {
                    PhotoText::Caption => &mut photo.caption,
                    PhotoText::Photographer => &mut photo.photographer,
                };
                set_text(Some(slot), text, SHORT_TEXT)
            }
            PhotoEdit::SetLink(id, link) => set(
                photos.iter_mut().find(|p| p.id == id).map(|p| &mut p.link),
                link,
            ),
        }
    }
}
