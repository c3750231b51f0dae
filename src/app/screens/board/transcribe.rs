//! Typing the cards read off a photo: each card without text shown large as its picture,
//! a field beside it. Enter keeps the text and goes on to the next card without text; Escape
//! (or "End") ends, and what was typed stays. Each card's text is one undo step.
//!
//! A fast typist runs ahead of the frames: what is typed after an Enter within one frame
//! reaches the next card's field because the app's input pacer (`app::input`) ends a frame's
//! input at the Enter.

use egui::{Key, RichText, Ui};

use crate::app::command::Cx;
use crate::app::photo_cache::{PhotoCache, Thumb};
use crate::board::edit::BoardEdit;
use crate::board::{Board, Card};
use crate::i18n::{T, fill};
use crate::ids::{BoardId, CardId};

/// The typing under way.
#[derive(Debug)]
pub struct Transcribe {
    pub board: BoardId,
    pub card: CardId,
    pub text: String,
    /// Cards given their text so far.
    pub typed: usize,
}

impl Transcribe {
    /// Begins with the board's first card without text; none when every card has one.
    pub fn start(board: &Board) -> Option<Self> {
        let first = *reading_order(board).first()?;
        Some(Self {
            board: board.id,
            card: first,
            text: String::new(),
            typed: 0,
        })
    }
}

/// The cards still without text, in the board's order.
pub fn untyped(board: &Board) -> impl Iterator<Item = &Card> {
    board.cards.iter().filter(|c| c.text.trim().is_empty())
}

/// The cards without text in reading order (see [`crate::board::cards::reading_order`]).
fn reading_order(board: &Board) -> Vec<CardId> {
    let mut order = crate::board::cards::reading_order(board);
    order.retain(|id| board.card(*id).is_some_and(|c| c.text.trim().is_empty()));
    order
}

/// The next card without text after `current` in reading order, from the top again; never
/// `current` itself.
fn next_after(board: &Board, current: CardId) -> Option<CardId> {
    let order = reading_order(board);
    let at = order
        .iter()
        .position(|id| *id == current)
        .map_or(0, |n| n + 1);
    let (before, after) = order.split_at(at.min(order.len()));
    after
        .iter()
        .chain(before)
        .find(|id| **id != current)
        .copied()
}

/// The dialog, while typing is under way; returns what to say when it ends.
pub(super) fn transcribe_ui(
    ui: &mut Ui,
    cx: &Cx,
    board: &Board,
    slot: &mut Option<Transcribe>,
    photos: &mut PhotoCache,
    edits: &mut Vec<BoardEdit>,
) -> Option<String> {
    let t = slot.as_mut().filter(|t| t.board == board.id)?;
    let Some(card) = board.card(t.card).filter(|_| !cx.is_read_only) else {
        *slot = None;
        return None;
    };
    let (enter, escape) = ui.input(|i| (i.key_pressed(Key::Enter), i.key_pressed(Key::Escape)));
    let left = untyped(board).count();
    let place = reading_order(board)
        .iter()
        .position(|id| *id == card.id)
        .map_or(1, |n| n + 1);
    let mut next = enter;
    let mut end = escape;
    egui::Modal::new(egui::Id::unique("transcribe")).show(ui.ctx(), |ui| {
        ui.set_max_width(640.0);
        ui.heading(cx.tr(T::TranscribeTitle));
        ui.label(fill(
            cx.tr(T::TranscribeProgress),
            &[&place.to_string(), &left.to_string()],
        ));
        ui.add_space(6.0);
        picture_ui(ui, cx, card, photos);
        ui.add_space(6.0);
        let label = ui.label(cx.tr(T::TranscribeText));
        let field = egui::Id::unique(("transcribe-text", card.id));
        if !end {
            ui.memory_mut(|m| m.request_focus(field));
        }
        ui.add(
            egui::TextEdit::singleline(&mut t.text)
                .id(field)
                .char_limit(crate::session::limits::CARD_TEXT)
                .desired_width(620.0),
        )
        .labelled_by(label.id);
        ui.label(RichText::new(cx.tr(T::TranscribeKeys)).weak().small());
        ui.horizontal(|ui| {
            next |= ui.button(cx.tr(T::TranscribeNext)).clicked();
            end |= ui.button(cx.tr(T::TranscribeDone)).clicked();
        });
    });
    if !(next || end) {
        return None;
    }
    // What was typed is kept, whether the card is left with Enter or the typing ends.
    let text = t.text.trim().to_owned();
    if !text.is_empty() {
        edits.push(BoardEdit::SetCardText(board.id, card.id, text));
        t.typed += 1;
    }
    let following = next_after(board, card.id).filter(|_| !end);
    let Some(following) = following else {
        let (typed, still) = (t.typed, untyped(board).filter(|c| c.id != card.id).count());
        let still = if t.text.trim().is_empty() {
            still + 1
        } else {
            still
        };
        *slot = None;
        let typed = typed.to_string();
        return Some(if still == 0 {
            fill(cx.tr(T::TranscribeAllDone), &[&typed])
        } else {
            fill(cx.tr(T::TranscribeEnded), &[&typed, &still.to_string()])
        });
    };
    t.card = following;
    t.text.clear();
    None
}

/// The card's picture as large as the dialog allows, or why there is none.
fn picture_ui(ui: &mut Ui, cx: &Cx, card: &Card, photos: &mut PhotoCache) {
    let (Some(path), Some(folder)) = (card.picture.as_deref(), cx.folder) else {
        ui.label(RichText::new(cx.tr(T::TranscribeNoPicture)).weak());
        return;
    };
    if let Some((texture, size)) = photos.card_picture(path, folder) {
        let scale = (620.0 / size.x.max(1.0)).min(380.0 / size.y.max(1.0));
        ui.add(
            egui::Image::new((texture, size * scale))
                .alt_text(cx.tr(T::UntypedCard))
                .corner_radius(4),
        );
    } else if let Some(Thumb::Failed(why)) = photos.cards.get(path) {
        let text = fill(cx.tr(T::TranscribePictureMissing), &[why]);
        ui.label(RichText::new(text).color(ui.visuals().error_fg_color));
    } else {
        ui.add_sized([620.0, 200.0], egui::Spinner::new());
    }
}
