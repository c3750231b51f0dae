//! Photo work off the UI thread: thumbnails and previews are decoded by a worker and arrive
//! as pixels; attaching (check, copy) runs there too. The UI only turns pixels into textures.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::model::{Photo, PhotoId};
use crate::photos::import::{self, PhotoError};

/// Longest side of a gallery thumbnail, in pixels.
pub const THUMB_SIDE: u32 = 320;
/// Longest side of a preview, in pixels (a full 12-megapixel texture would cost 48 MB).
pub const PREVIEW_SIDE: u32 = 2048;

enum Job {
    Picture {
        id: PhotoId,
        path: PathBuf,
        side: u32,
    },
    Attach {
        folder: PathBuf,
        files: Vec<PathBuf>,
    },
}

/// What the worker sends back.
pub enum Done {
    Picture {
        id: PhotoId,
        side: u32,
        result: Result<egui::ColorImage, String>,
    },
    Attached {
        photos: Vec<Photo>,
        problems: Vec<String>,
    },
}

/// A thumbnail's state in the gallery.
pub enum Thumb {
    Loading,
    Ready(egui::TextureHandle),
    Failed(String),
}

/// The worker, the thumbnails it made, and the preview on screen.
pub struct PhotoWorker {
    jobs: Sender<Job>,
    done: Receiver<Done>,
    pub thumbs: HashMap<(PhotoId, String), Thumb>,
    /// The photo shown large, and its texture once decoded (dropped when the preview closes).
    pub preview: Option<(PhotoId, Option<Result<egui::TextureHandle, String>>)>,
    pub is_attaching: bool,
}

impl PhotoWorker {
    /// Starts the worker thread; `repaint` wakes the UI when something is done.
    pub fn start(ctx: &egui::Context) -> Self {
        let (jobs, job_rx) = channel::<Job>();
        let (done_tx, done) = channel::<Done>();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("moderato-photos".into())
            .spawn(move || {
                for job in job_rx {
                    let message = match job {
                        Job::Picture { id, path, side } => {
                            let result = import::thumbnail(&path, side)
                                .map(|rgba| {
                                    let size = [rgba.width() as usize, rgba.height() as usize];
                                    egui::ColorImage::from_rgba_unmultiplied(size, rgba.as_raw())
                                })
                                .map_err(|e: PhotoError| e.to_string());
                            Done::Picture { id, side, result }
                        }
                        Job::Attach { folder, files } => {
                            let mut photos = Vec::new();
                            let mut problems = Vec::new();
                            for file in files {
                                match import::import(&folder, &file) {
                                    Ok(photo) => photos.push(photo),
                                    Err(e) => problems.push(e.to_string()),
                                }
                            }
                            Done::Attached { photos, problems }
                        }
                    };
                    if done_tx.send(message).is_err() {
                        break;
                    }
                    ctx.request_repaint();
                }
            })
            .expect("a thread for photo work");
        Self {
            jobs,
            done,
            thumbs: HashMap::new(),
            preview: None,
            is_attaching: false,
        }
    }

    /// Asks for a thumbnail unless it is known or on its way.
    pub fn want_thumbnail(&mut self, photo: &Photo, folder: &std::path::Path) {
        let key = (photo.id, photo.path.clone());
        if self.thumbs.contains_key(&key) {
            return;
        }
        self.thumbs.insert(key, Thumb::Loading);
        let _ = self.jobs.send(Job::Picture {
            id: photo.id,
            path: folder.join(&photo.path),
            side: THUMB_SIDE,
        });
    }

    /// Opens the preview of a photo; its picture is decoded on the worker.
    pub fn show_preview(&mut self, photo: &Photo, folder: &std::path::Path) {
        self.preview = Some((photo.id, None));
        let _ = self.jobs.send(Job::Picture {
            id: photo.id,
            path: folder.join(&photo.path),
            side: PREVIEW_SIDE,
        });
    }

    /// Checks and copies files into the session folder, on the worker.
    pub fn attach(&mut self, folder: PathBuf, files: Vec<PathBuf>) {
        self.is_attaching = true;
        let _ = self.jobs.send(Job::Attach { folder, files });
    }

    /// Collects finished work: textures for pictures; attached photos and problems are
    /// returned for the caller to put into the session.
    pub fn poll(
        &mut self,
        ctx: &egui::Context,
        photos: &[Photo],
    ) -> Option<(Vec<Photo>, Vec<String>)> {
        let mut attached = None;
        while let Ok(done) = self.done.try_recv() {
            match done {
                Done::Picture { id, side, result } if side == PREVIEW_SIDE => {
                    if let Some((shown, picture)) = &mut self.preview
                        && *shown == id
                    {
                        *picture = Some(result.map(|image| {
                            ctx.load_texture(
                                format!("preview-{id}"),
                                image,
                                egui::TextureOptions::LINEAR,
                            )
                        }));
                    }
                }
                Done::Picture { id, result, .. } => {
                    let Some(photo) = photos.iter().find(|p| p.id == id) else {
                        continue;
                    };
                    let thumb = match result {
                        Ok(image) => Thumb::Ready(ctx.load_texture(
                            format!("thumb-{id}"),
                            image,
                            egui::TextureOptions::LINEAR,
                        )),
                        Err(message) => Thumb::Failed(message),
                    };
                    self.thumbs.insert((id, photo.path.clone()), thumb);
                }
                Done::Attached { photos, problems } => {
                    self.is_attaching = false;
                    attached = Some((photos, problems));
                }
            }
        }
        attached
    }

    /// Forgets thumbnails (e.g. after another session was opened).
    pub fn clear(&mut self) {
        self.thumbs.clear();
        self.preview = None;
    }

    /// Whether work is under way (for tests and the status line).
    pub fn is_busy(&self) -> bool {
        self.is_attaching
            || self.thumbs.values().any(|t| matches!(t, Thumb::Loading))
            || matches!(self.preview, Some((_, None)))
    }
}
