//! Work that runs beside the window: comparing, consolidating, attaching photos, exports,
//! suggestions by meaning, decoding pictures, and opening a file with the system's program.

use std::path::{Path, PathBuf};

use crate::app::ModeratoApp;
use crate::app::work::{JobKind, Output};
use crate::export::Kind as ExportKind;
use crate::i18n::{Describe as _, T, fill};
use crate::photos::import;

impl ModeratoApp {
    pub(super) fn compare(&mut self, path: PathBuf) {
        self.work.spawn(JobKind::Compare, move |_| {
            Output::Compared(Box::new(crate::storage::load(&path)), path)
        });
    }

    pub(super) fn consolidate_into(&mut self, out: PathBuf) {
        let inputs: Vec<PathBuf> = self.shell.browser_selected.iter().cloned().collect();
        self.shell.is_browser_open = false;
        self.shell.browser = None;
        // An existing consolidation in `out` is updated: the app's way of --force.
        self.work.spawn(JobKind::Consolidate, move |progress| {
            let result = crate::consolidate::run::run(&inputs, &out, true, progress);
            Output::Consolidated(Box::new(result))
        });
    }

    pub(super) fn preview(&mut self, id: crate::ids::PhotoId) {
        let folder = self.doc.folder().map(Path::to_owned);
        let photo = self.doc.session().photos.iter().find(|p| p.id == id);
        if let (Some(folder), Some(photo)) = (folder, photo) {
            self.photos.show_preview(photo, &folder);
        }
        self.start_picture_jobs();
    }

    /// Decodes the pictures screens asked for since the last frame.
    pub(in crate::app) fn start_picture_jobs(&mut self) {
        for request in self.photos.take_requests() {
            self.work.spawn(JobKind::Picture, move |_| {
                let crate::app::photo_cache::PictureRequest {
                    id,
                    path,
                    folder,
                    side,
                } = request;
                let result = import::thumbnail_inside(&folder, &path, side).map(|rgba| {
                    let size = [rgba.width() as usize, rgba.height() as usize];
                    egui::ColorImage::from_rgba_unmultiplied(size, rgba.as_raw())
                });
                Output::Picture {
                    id,
                    path,
                    side,
                    result,
                }
            });
        }
    }

    pub(super) fn suggest_groups(
        &mut self,
        board: crate::ids::BoardId,
        cards: Vec<(crate::ids::CardId, String)>,
        tightness: f32,
    ) {
        let cache = self.screens.board.meanings.clone();
        self.work.spawn(JobKind::Suggest, move |progress| {
            let texts: Vec<crate::board::grouping::CardText<'_, _>> = cards
                .iter()
                .map(|(id, text)| crate::board::grouping::CardText { key: *id, text })
                .collect();
            let suggestion = crate::board::grouping::suggest_by_meaning(
                &texts,
                tightness,
                &cache,
                &mut |done, total| progress.set(done as u64, total as u64),
            );
            Output::Suggested { board, suggestion }
        });
    }

    /// Finds the board and the cards in a photo, off the UI thread, with progress and Cancel;
    /// the photo is checked as when attaching it.
    pub(super) fn detect_photo_board(&mut self, path: PathBuf, photo: Option<crate::ids::PhotoId>) {
        use crate::app::photo_board::{PREVIEW_SIDE, PhotoBoard};
        let lang = self.lang();
        let source = path.clone();
        // An attached photo is read as the gallery reads it: only inside the session folder,
        // never through a link out of it.
        let inside = photo.and_then(|id| {
            let folder = self.doc.folder()?.to_owned();
            let relative = self
                .doc
                .session()
                .photos
                .iter()
                .find(|p| p.id == id)?
                .path
                .clone();
            Some((folder, relative))
        });
        self.work.spawn(JobKind::PhotoBoard, move |progress| {
            let image = match &inside {
                Some((folder, relative)) => crate::storage::read_inside(folder, relative)
                    .map_err(crate::photos::PhotoError::from)
                    .and_then(|bytes| crate::photos::import::decode(&bytes, relative)),
                None => crate::photos::import::decode_file(&source),
            };
            let found = image.map_err(|e| e.describe(lang)).and_then(|image| {
                let rgb = image.to_rgb8();
                let size = [rgb.width() as f32, rgb.height() as f32];
                let detection = crate::pinboard::detect(&rgb, &mut |done| {
                    progress.set((done * 100.0) as u64, 100);
                    !progress.is_cancelled()
                })
                .map_err(|e| fill(T::PhotoBoardNotFound.get(lang), &[&e.to_string()]))?;
                let preview = image::imageops::thumbnail(
                    &rgb,
                    PREVIEW_SIDE.min(rgb.width()),
                    (PREVIEW_SIDE * rgb.height() / rgb.width().max(1)).min(rgb.height()),
                );
                let preview = egui::ColorImage::from_rgb(
                    [preview.width() as usize, preview.height() as usize],
                    preview.as_raw(),
                );
                Ok((detection, preview, size))
            });
            Output::PhotoBoardFound(found)
        });
        self.photo_board = Some(PhotoBoard::new(path, photo, lang));
    }

    /// The session folder photos go into, or why there is none now (read-only, never
    /// saved), said to the moderator.
    fn photo_folder(&mut self) -> Option<PathBuf> {
        if self.doc.is_read_only() {
            self.shell.status = Some(self.tr(T::ReadOnlyRefused).to_owned());
            return None;
        }
        let folder = self.doc.folder().map(Path::to_owned);
        if folder.is_none() {
            self.shell
                .show_error(self.tr(T::SaveBeforePhotos).to_owned());
        }
        folder
    }

    /// Copies the photo of a reviewed board into the session (an attached one stays as it
    /// is) and cuts out each kept card's picture; the cards follow when they are there.
    pub(super) fn create_photo_board(&mut self) {
        let Some(folder) = self.photo_folder() else {
            return;
        };
        let Some(dialog) = self.photo_board.as_mut() else {
            return;
        };
        let Some(kept) = dialog.kept() else {
            return;
        };
        dialog.creating = true;
        let path = dialog.path.clone();
        let attached = dialog.photo.and_then(|id| {
            self.doc
                .session()
                .photos
                .iter()
                .find(|p| p.id == id)
                .cloned()
        });
        self.work.spawn(JobKind::PhotoBoard, move |progress| {
            let made = attached
                .map_or_else(|| import::import(&folder, &path), Ok)
                .and_then(|photo| {
                    let bytes = crate::storage::read_inside(&folder, &photo.path)?;
                    let image = import::decode(&bytes, &photo.path)?.to_rgb8();
                    drop(bytes);
                    let pictures = crate::pinboard::crops::write_crops(
                        &folder,
                        &photo.path,
                        &image,
                        &kept,
                        &mut |done| {
                            progress.set((done * 100.0) as u64, 100);
                            !progress.is_cancelled()
                        },
                    )?;
                    Ok((photo, pictures.unwrap_or_default()))
                });
            Output::PhotoBoardPhoto(made)
        });
    }

    pub(super) fn attach(&mut self, files: Vec<PathBuf>) {
        let Some(folder) = self.photo_folder() else {
            return;
        };
        // One job per file, on the workers side by side: each photo appears in the gallery
        // with its thumbnail as soon as it is checked and copied (decoded once, at thumbnail
        // size), and each is one undoable step.
        for file in files {
            let folder = folder.clone();
            self.work.spawn(JobKind::Attach, move |progress| {
                let side = crate::app::photo_cache::THUMB_SIDE;
                // A folder: all its photos, each checked as a file given alone.
                if file.is_dir() {
                    let (photos, problems) = match import::photos_in(&file) {
                        Ok(files) => import::import_all_with_thumbnails(
                            &folder,
                            &files,
                            side,
                            |done, total| progress.set(done as u64, total as u64),
                        ),
                        Err(problem) => (Vec::new(), vec![problem]),
                    };
                    let photos = photos
                        .into_iter()
                        .map(|(photo, rgba)| {
                            let size = [rgba.width() as usize, rgba.height() as usize];
                            (
                                photo,
                                egui::ColorImage::from_rgba_unmultiplied(size, rgba.as_raw()),
                            )
                        })
                        .collect();
                    return Output::Attached { photos, problems };
                }
                match import::import_with_thumbnail(&folder, &file, side) {
                    Ok((photo, rgba)) => {
                        let size = [rgba.width() as usize, rgba.height() as usize];
                        let image = egui::ColorImage::from_rgba_unmultiplied(size, rgba.as_raw());
                        Output::Attached {
                            photos: vec![(photo, image)],
                            problems: Vec::new(),
                        }
                    }
                    Err(problem) => Output::Attached {
                        photos: Vec::new(),
                        problems: vec![problem],
                    },
                }
            });
        }
    }

    /// Runs the open consolidation again from its sources with the decisions made so far;
    /// the result is one undoable edit.
    pub(super) fn reconsolidate(&mut self) {
        let Some(provenance) = self.doc.session().provenance.clone() else {
            return;
        };
        let Some(folder) = self.doc.folder().map(Path::to_owned) else {
            return;
        };
        self.work.spawn(JobKind::Reconsolidate, move |_| {
            let result = crate::consolidate::run::reconsolidate(&folder, &provenance);
            Output::Reconsolidated(Box::new(result))
        });
    }

    /// Writes an export as a job (a PDF takes a moment to lay out).
    pub(super) fn export(&mut self, kind: ExportKind, target: PathBuf) {
        let session = self.doc.session().clone();
        let folder = self.doc.folder().map(Path::to_owned);
        let lang = self.report_lang();
        let now = self.options.clock.now();
        self.work.spawn(JobKind::Export, move |_| {
            let result =
                crate::export::write(kind, &session, folder.as_deref(), &target, lang, now);
            Output::Exported(result, target, kind)
        });
    }
}

/// Opens a file or folder with the desktop's program for it.
pub(super) fn open_with_system(path: &Path) -> std::io::Result<()> {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    command.arg(path).spawn().map(|_| ())
}
