//! Boards with their cards, drawn where they were pinned (read-only until the interactive
//! positioning board lands).

use egui::{Align2, Color32, CornerRadius, FontId, Pos2, Rect, RichText, Sense, Stroke, Ui, vec2};

use super::read_only_note;
use crate::app::messages::fill;
use crate::i18n::{Lang, T};
use crate::model::{Board, CardShape, Session};

/// Width to height of the drawn pin wall.
const ASPECT: f32 = 0.5;

pub(super) fn board_ui(session: &Session, lang: Lang, ui: &mut Ui) {
    let tr = |key: T| key.get(lang);
    read_only_note(ui, lang);
    if session.boards.is_empty() {
        ui.label(tr(T::NoBoards));
        return;
    }
    for board in &session.boards {
        ui.label(RichText::new(&board.title).strong().size(17.0));
        if !board.question.is_empty() {
            ui.label(RichText::new(&board.question).italics());
        }
        ui.label(
            RichText::new(fill(
                tr(T::BoardCounts),
                &[
                    &board.cards.len().to_string(),
                    &board.clusters.len().to_string(),
                    &board.num_votes().to_string(),
                ],
            ))
            .weak(),
        );
        wall_ui(ui, board);
        ui.add_space(16.0);
    }
}

/// The pin wall: axes and quadrant labels if any, cards at their positions, dots as a count.
fn wall_ui(ui: &mut Ui, board: &Board) {
    let width = ui.available_width().min(1200.0);
    let (rect, _) = ui.allocate_exact_size(vec2(width, width * ASPECT), Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(
        rect,
        CornerRadius::same(4),
        Color32::from_rgb(214, 200, 170),
    );
    let inner = rect.shrink(28.0);
    let label_font = FontId::proportional(13.0);
    let ink = Color32::from_gray(40);

    if let Some(axes) = &board.axes {
        let stroke = Stroke::new(2.0, ink);
        let origin = inner.left_bottom();
        axis_arrow(&painter, origin, inner.right_bottom(), stroke);
        axis_arrow(&painter, origin, inner.left_top(), stroke);
        let below = origin.y + 14.0;
        painter.text(
            Pos2::new(inner.left(), below),
            Align2::LEFT_CENTER,
            &axes.x.low,
            label_font.clone(),
            ink,
        );
        painter.text(
            Pos2::new(inner.right(), below),
            Align2::RIGHT_CENTER,
            &axes.x.high,
            label_font.clone(),
            ink,
        );
        let left = inner.left() - 6.0;
        painter.text(
            Pos2::new(left, inner.top() - 14.0),
            Align2::LEFT_CENTER,
            &axes.y.high,
            label_font.clone(),
            ink,
        );
        painter.text(
            Pos2::new(left + 12.0, inner.bottom() - 12.0),
            Align2::LEFT_CENTER,
            &axes.y.low,
            label_font.clone(),
            ink,
        );
        if let Some(quadrants) = &axes.quadrants {
            let faint = Color32::from_rgba_unmultiplied(40, 40, 40, 120);
            let centre = inner.center();
            let dashed = Stroke::new(1.0, faint);
            painter.line_segment(
                [
                    Pos2::new(centre.x, inner.top()),
                    Pos2::new(centre.x, inner.bottom()),
                ],
                dashed,
            );
            painter.line_segment(
                [
                    Pos2::new(inner.left(), centre.y),
                    Pos2::new(inner.right(), centre.y),
                ],
                dashed,
            );
            let corners = [
                (inner.left_top() + vec2(10.0, 8.0), Align2::LEFT_TOP),
                (inner.right_top() + vec2(-10.0, 8.0), Align2::RIGHT_TOP),
                (inner.left_bottom() + vec2(10.0, -8.0), Align2::LEFT_BOTTOM),
                (
                    inner.right_bottom() + vec2(-10.0, -8.0),
                    Align2::RIGHT_BOTTOM,
                ),
            ];
            for ((pos, align), text) in corners.into_iter().zip(quadrants) {
                painter.text(pos, align, text, FontId::proportional(14.0), faint);
            }
        }
    }

    let card_size = vec2(
        (inner.width() * 0.14).max(90.0),
        (inner.width() * 0.065).max(44.0),
    );
    for card in &board.cards {
        let centre = Pos2::new(
            inner.left() + card.x.clamp(0.0, 1.0) * inner.width(),
            inner.top() + card.y.clamp(0.0, 1.0) * inner.height(),
        );
        let card_rect = Rect::from_center_size(centre, card_size);
        let [r, g, b] = card.colour.rgb();
        let radius = if card.shape == CardShape::Heading {
            12
        } else {
            2
        };
        painter.rect_filled(
            card_rect.translate(vec2(2.0, 2.0)),
            radius,
            Color32::from_black_alpha(50),
        );
        painter.rect_filled(card_rect, radius, Color32::from_rgb(r, g, b));
        let size = if card.shape == CardShape::Heading {
            14.0
        } else {
            12.0
        };
        let galley = painter.layout(
            card.text.clone(),
            FontId::proportional(size),
            Color32::BLACK,
            card_rect.width() - 10.0,
        );
        let text_pos = card_rect.left_top() + vec2(5.0, 4.0);
        painter
            .with_clip_rect(card_rect.shrink(2.0))
            .galley(text_pos, galley, Color32::BLACK);
        if card.votes > 0 {
            let dot = card_rect.right_top() + vec2(-2.0, 2.0);
            painter.circle_filled(dot, 9.0, Color32::from_rgb(200, 30, 40));
            painter.text(
                dot,
                Align2::CENTER_CENTER,
                card.votes.to_string(),
                FontId::proportional(11.0),
                Color32::WHITE,
            );
        }
    }
}

/// A line with a small, fixed-size arrow head (egui's `arrow` scales the head with the line).
fn axis_arrow(painter: &egui::Painter, from: Pos2, to: Pos2, stroke: Stroke) {
    painter.line_segment([from, to], stroke);
    let dir = (to - from).normalized();
    let normal = vec2(-dir.y, dir.x);
    let head = [
        to,
        to - dir * 12.0 + normal * 5.0,
        to - dir * 12.0 - normal * 5.0,
    ];
    painter.add(egui::Shape::convex_polygon(
        head.to_vec(),
        stroke.color,
        Stroke::NONE,
    ));
}
