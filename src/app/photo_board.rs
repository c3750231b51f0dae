//! "Board from photo…": a photo of a pinboard read off the UI thread (with progress and
//! Cancel), then reviewed over the photo: the board's corners can be dragged, a card clicked
//! out (or back in), a missed card drawn with a drag; "Create cards" puts them on a new board
//! (or the current one) as one undoable step, with the photo attached to the board.

use std::collections::BTreeSet;
use std::path::PathBuf;

use egui::{Color32, Pos2, Rect, RichText, Sense, Stroke, Ui, vec2};

use super::ModeratoApp;
use super::command::Command;
use crate::i18n::{Lang, T, fill};
use crate::ids::{BoardId, PhotoId};
use crate::jobs::JobId;
use crate::pinboard::{Detection, PaperColour, PaperShape};

/// The photo's preview is at most this wide or high (pixels of the texture).
pub const PREVIEW_SIDE: u32 = 1600;

/// What the review shows.
pub enum Stage {
    Detecting,
    Failed(String),
    Ready(Box<Review>),
}

/// A detection under review.
pub struct Review {
    pub detection: Detection,
    /// The photo, scaled down, and its full size in pixels.
    pub picture: egui::TextureHandle,
    pub photo_size: [f32; 2],
    /// Cards clicked out (indices into the detection).
    pub removed: BTreeSet<usize>,
    /// A board corner being dragged.
    dragging: Option<usize>,
    /// A card being drawn: where the drag began (photo pixels).
    drawing: Option<[f32; 2]>,
}

/// The "Board from photo" dialog.
pub struct PhotoBoard {
    pub path: PathBuf,
    /// An attached photo of the session (from the gallery): not copied again.
    pub photo: Option<PhotoId>,
    pub title: String,
    /// Fill this board instead of making a new one.
    pub fill: Option<BoardId>,
    pub stage: Stage,
    /// "Create cards" was pressed: the photo is being copied into the session.
    pub creating: bool,
}

impl PhotoBoard {
    pub fn new(path: PathBuf, photo: Option<PhotoId>, lang: Lang) -> Self {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().replace(['-', '_'], " "))
            .filter(|s| !s.trim().is_empty());
        let title = stem.unwrap_or_else(|| T::PhotoBoardDefaultTitle.get(lang).to_owned());
        Self {
            path,
            photo,
            title,
            fill: None,
            stage: Stage::Detecting,
            creating: false,
        }
    }

    /// The detection with the cards clicked out left out.
    pub fn kept(&self) -> Option<Detection> {
        let Stage::Ready(review) = &self.stage else {
            return None;
        };
        let mut detection = review.detection.clone();
        let mut index = 0;
        detection.cards.retain(|_| {
            let keep = !review.removed.contains(&index);
            index += 1;
            keep
        });
        Some(detection)
    }
}

impl Review {
    pub fn new(detection: Detection, picture: egui::TextureHandle, photo_size: [f32; 2]) -> Self {
        Self {
            detection,
            picture,
            photo_size,
            removed: BTreeSet::new(),
            dragging: None,
            drawing: None,
        }
    }
}

fn paper_colour(colour: PaperColour) -> Color32 {
    let [r, g, b] = crate::pinboard::import::colour(colour).rgb();
    Color32::from_rgb(r, g, b)
}

impl ModeratoApp {
    /// The dialog, while there is one.
    pub(super) fn photo_board_ui(&mut self, ctx: &egui::Context) {
        if self.photo_board.is_none() {
            return;
        }
        let lang = self.lang();
        let mut is_open = true;
        let mut commands = Vec::new();
        let boards: Vec<(BoardId, String)> = self
            .doc
            .session()
            .boards
            .iter()
            .map(|b| (b.id, b.title.clone()))
            .collect();
        let current = self.screens.board.selected.or(boards.first().map(|b| b.0));
        let progress = match self.photo_board.as_ref().map(|p| &p.stage) {
            Some(Stage::Detecting) => self.work.running(super::work::JobKind::PhotoBoard),
            _ => None,
        };
        let Some(dialog) = self.photo_board.as_mut() else {
            return;
        };
        egui::Window::new(T::PhotoBoardTitle.get(lang))
            .id(egui::Id::unique("photo-board"))
            .open(&mut is_open)
            .default_size([980.0, 800.0])
            .default_pos(ctx.content_rect().left_top() + egui::vec2(16.0, 80.0))
            .show(ctx, |ui| {
                dialog_ui(ui, dialog, lang, &boards, current, progress, &mut commands);
            });
        if !is_open {
            if let Some((job, _)) = progress {
                commands.push(Command::CancelJob(job));
            }
            self.photo_board = None;
        }
        self.intents.commands.extend(commands);
    }
}

fn dialog_ui(
    ui: &mut Ui,
    dialog: &mut PhotoBoard,
    lang: Lang,
    boards: &[(BoardId, String)],
    current: Option<BoardId>,
    progress: Option<(JobId, Option<f32>)>,
    commands: &mut Vec<Command>,
) {
    let tr = |key: T| key.get(lang);
    ui.label(RichText::new(dialog.path.display().to_string()).weak());
    if dialog.creating {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(tr(T::PhotoBoardCreating));
        });
        return;
    }
    match &mut dialog.stage {
        Stage::Detecting => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr(T::PhotoBoardFinding));
            });
            if let Some((job, fraction)) = progress {
                ui.add(egui::ProgressBar::new(fraction.unwrap_or(0.0)).show_percentage());
                if ui.button(tr(T::Cancel)).clicked() {
                    commands.push(Command::CancelJob(job));
                    commands.push(Command::ClosePhotoBoard);
                }
            }
        }
        Stage::Failed(message) => {
            ui.label(RichText::new(message.as_str()).color(ui.visuals().error_fg_color));
        }
        Stage::Ready(review) => {
            let (found, removed) = (review.detection.cards.len(), review.removed.len());
            ui.label(fill(
                tr(T::PhotoBoardFound),
                &[&found.to_string(), &removed.to_string()],
            ));
            // What to make, and the button, above the photo: always in view.
            target_ui(ui, dialog, lang, boards, current);
            let can_create =
                found > removed && (dialog.fill.is_some() || !dialog.title.trim().is_empty());
            if ui
                .add_enabled(
                    can_create,
                    egui::Button::new(RichText::new(tr(T::PhotoBoardCreate)).strong()),
                )
                .clicked()
            {
                commands.push(Command::CreatePhotoBoard);
            }
            ui.separator();
            ui.label(RichText::new(tr(T::PhotoBoardHelp)).weak().small());
            if let Stage::Ready(review) = &mut dialog.stage {
                review_ui(ui, review);
            }
        }
    }
}

/// A new board with a title, or the current board.
fn target_ui(
    ui: &mut Ui,
    dialog: &mut PhotoBoard,
    lang: Lang,
    boards: &[(BoardId, String)],
    current: Option<BoardId>,
) {
    let tr = |key: T| key.get(lang);
    ui.horizontal(|ui| {
        if ui
            .radio(dialog.fill.is_none(), tr(T::PhotoBoardNewBoard))
            .clicked()
        {
            dialog.fill = None;
        }
        let label = ui.label(tr(T::BoardTitle));
        ui.add_enabled(
            dialog.fill.is_none(),
            egui::TextEdit::singleline(&mut dialog.title).desired_width(280.0),
        )
        .labelled_by(label.id);
    });
    if let Some((id, title)) = current.and_then(|c| boards.iter().find(|(id, _)| *id == c)) {
        let text = fill(tr(T::PhotoBoardFillBoard), &[title]);
        if ui.radio(dialog.fill == Some(*id), text).clicked() {
            dialog.fill = Some(*id);
        }
    }
}

/// The photo with the board's corners and every card's outline; clicks, drags.
fn review_ui(ui: &mut Ui, review: &mut Review) {
    let [w, h] = review.photo_size;
    // The whole photo in view: as wide as there is room, no higher than the window has left.
    let room = ui.available_height().max(320.0);
    let width = ui.available_width().min(940.0).min(room * w / h.max(1.0));
    let scale = width / w.max(1.0);
    let (rect, response) = ui.allocate_exact_size(vec2(width, h * scale), Sense::click_and_drag());
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Photo of the board"));
    let to_screen = |p: [f32; 2]| rect.min + vec2(p[0] * scale, p[1] * scale);
    let to_photo = |p: Pos2| [(p.x - rect.min.x) / scale, (p.y - rect.min.y) / scale];
    let painter = ui.painter_at(rect);
    painter.image(
        review.picture.id(),
        rect,
        Rect::from_min_max(Pos2::ZERO, egui::pos2(1.0, 1.0)),
        Color32::WHITE,
    );
    let corners = review.detection.board.map(to_screen);
    let magenta = Color32::from_rgb(220, 0, 200);
    painter.add(egui::Shape::closed_line(
        corners.to_vec(),
        Stroke::new(2.5, magenta),
    ));
    for corner in corners {
        painter.circle(
            corner,
            8.0,
            magenta.gamma_multiply(0.4),
            Stroke::new(2.0, magenta),
        );
    }
    for (index, card) in review.detection.cards.iter().enumerate() {
        let outline: Vec<Pos2> = card.corners.iter().map(|p| to_screen(*p)).collect();
        let stroke = if review.removed.contains(&index) {
            Stroke::new(2.0, Color32::from_rgb(200, 30, 30))
        } else {
            Stroke::new(3.0, paper_colour(card.colour))
        };
        painter.add(egui::Shape::closed_line(
            outline.clone(),
            Stroke::new(5.0, Color32::BLACK),
        ));
        painter.add(egui::Shape::closed_line(outline, stroke));
        if review.removed.contains(&index) {
            let centre = to_screen(crate::pinboard::geom::quad_centre(&card.corners));
            painter.text(
                centre,
                egui::Align2::CENTER_CENTER,
                "\u{2715}",
                egui::FontId::proportional(22.0),
                Color32::from_rgb(200, 30, 30),
            );
        }
    }
    interact(ui, review, &response, corners, &to_photo);
    if let (Some(start), Some(pointer)) = (review.drawing, response.interact_pointer_pos()) {
        let band = Rect::from_two_pos(to_screen(start), pointer);
        painter.rect_stroke(
            band,
            0.0,
            Stroke::new(2.0, Color32::YELLOW),
            egui::StrokeKind::Outside,
        );
    }
}

/// Dragging a corner moves the board; a click on a card takes it out or back; a drag on free
/// photo draws a card that was missed.
fn interact(
    ui: &Ui,
    review: &mut Review,
    response: &egui::Response,
    corners: [Pos2; 4],
    to_photo: &dyn Fn(Pos2) -> [f32; 2],
) {
    let pointer = response.interact_pointer_pos();
    if response.drag_started()
        && let Some(at) = pointer
    {
        review.dragging = corners.iter().position(|c| c.distance(at) < 14.0);
        if review.dragging.is_none() && card_at(review, to_photo(at)).is_none() {
            review.drawing = Some(to_photo(at));
        }
    }
    if let (Some(corner), Some(at)) = (review.dragging, pointer)
        && response.dragged()
    {
        let mut board = review.detection.board;
        board[corner] = to_photo(at);
        crate::pinboard::import::move_board(&mut review.detection, board);
    }
    if response.drag_stopped() {
        if let (Some(start), Some(at)) = (review.drawing, pointer) {
            let end = to_photo(at);
            let (x0, x1) = (start[0].min(end[0]), start[0].max(end[0]));
            let (y0, y1) = (start[1].min(end[1]), start[1].max(end[1]));
            // A drag of a few pixels is a click, not a card.
            if (x1 - x0) * (y1 - y0) > 400.0 {
                let quad = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
                if let Some(card) = crate::pinboard::import::drawn_card(
                    &review.detection,
                    quad,
                    PaperColour::Yellow,
                    PaperShape::Rectangle,
                ) {
                    review.detection.cards.push(card);
                }
            }
        }
        review.drawing = None;
        review.dragging = None;
    }
    if response.clicked()
        && let Some(index) = pointer.and_then(|at| card_at(review, to_photo(at)))
        && !review.removed.remove(&index)
    {
        review.removed.insert(index);
    }
    let _ = ui;
}

/// The card whose outline holds a point of the photo (the smallest, where outlines overlap).
fn card_at(review: &Review, point: [f32; 2]) -> Option<usize> {
    let inside = |quad: &[[f32; 2]; 4]| {
        (0..4).all(|i| {
            let (a, b) = (quad[i], quad[(i + 1) % 4]);
            (b[0] - a[0]) * (point[1] - a[1]) - (b[1] - a[1]) * (point[0] - a[0]) >= 0.0
        })
    };
    review
        .detection
        .cards
        .iter()
        .enumerate()
        .filter(|(_, card)| inside(&card.corners))
        .min_by(|(_, a), (_, b)| {
            let area = |q: &[[f32; 2]; 4]| crate::pinboard::geom::polygon_area(q).abs();
            area(&a.corners).total_cmp(&area(&b.corners))
        })
        .map(|(index, _)| index)
}
