//! Painting the board: the wall with its axes, cards and dot badges.

use egui::{
    Align2, Color32, CornerRadius, FontId, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2,
};

use crate::board::layout::CARD_W;
use crate::model::{Board, Card, CardShape};

/// The ink of labels on the wall.
pub const INK: Color32 = Color32::from_gray(40);

/// The paper colour of a card.
pub fn paper(card_colour: crate::model::CardColour) -> Color32 {
    let [r, g, b] = card_colour.rgb();
    Color32::from_rgb(r, g, b)
}

/// The cork around the wall, the wall, and its axes with their labels.
pub fn wall(painter: &egui::Painter, canvas: Rect, wall: Rect, board: &Board, zoom: f32) {
    painter.rect_filled(canvas, CornerRadius::ZERO, Color32::from_rgb(222, 212, 190));
    painter.rect_filled(
        wall,
        CornerRadius::same(4),
        Color32::from_rgb(214, 200, 170),
    );
    let ink = INK;
    let label_font = FontId::proportional((14.0 * zoom.sqrt()).clamp(9.0, 22.0));
    if let Some(axes) = &board.axes {
        let stroke = Stroke::new(2.0, ink);
        axis_arrow(painter, wall.left_bottom(), wall.right_bottom(), stroke);
        axis_arrow(painter, wall.left_bottom(), wall.left_top(), stroke);
        painter.text(
            wall.left_bottom() + vec2(4.0, 6.0),
            Align2::LEFT_TOP,
            &axes.x.low,
            label_font.clone(),
            ink,
        );
        painter.text(
            wall.right_bottom() + vec2(0.0, 6.0),
            Align2::RIGHT_TOP,
            &axes.x.high,
            label_font.clone(),
            ink,
        );
        painter.text(
            wall.left_top() + vec2(8.0, -4.0),
            Align2::LEFT_BOTTOM,
            &axes.y.high,
            label_font.clone(),
            ink,
        );
        painter.text(
            wall.left_bottom() + vec2(8.0, -4.0),
            Align2::LEFT_BOTTOM,
            &axes.y.low,
            label_font.clone(),
            ink,
        );
        if let Some(quadrants) = &axes.quadrants {
            let faint = Color32::from_rgba_unmultiplied(40, 40, 40, 110);
            let c = wall.center();
            painter.line_segment(
                [pos2(c.x, wall.top()), pos2(c.x, wall.bottom())],
                Stroke::new(1.0, faint),
            );
            painter.line_segment(
                [pos2(wall.left(), c.y), pos2(wall.right(), c.y)],
                Stroke::new(1.0, faint),
            );
            let pad = 10.0;
            let corners = [
                (wall.left_top() + vec2(pad, pad), Align2::LEFT_TOP),
                (wall.right_top() + vec2(-pad, pad), Align2::RIGHT_TOP),
                (
                    wall.left_bottom() + vec2(pad, -pad - 22.0),
                    Align2::LEFT_BOTTOM,
                ),
                (wall.right_bottom() + vec2(-pad, -pad), Align2::RIGHT_BOTTOM),
            ];
            for ((pos, align), text) in corners.into_iter().zip(quadrants) {
                painter.text(pos, align, text, label_font.clone(), faint);
            }
        }
    }
}

pub fn card(
    painter: &egui::Painter,
    rect: Rect,
    card: &Card,
    is_selected: bool,
    is_dimmed: bool,
    text_size: f32,
) {
    let mut fill = paper(card.colour);
    if is_dimmed {
        fill = fill.gamma_multiply(0.35);
    }
    // Seen from afar, a card is a coloured square: no shadow, no rounded corners, no text,
    // so a wall of thousands of cards stays cheap to tessellate.
    if rect.width() < 40.0 {
        painter.rect_filled(rect, CornerRadius::ZERO, fill);
        if is_selected {
            painter.rect_stroke(
                rect,
                CornerRadius::ZERO,
                Stroke::new(2.0, Color32::from_rgb(30, 90, 200)),
                StrokeKind::Outside,
            );
        }
        return;
    }
    let radius = if card.shape == CardShape::Heading {
        CornerRadius::same(12)
    } else {
        CornerRadius::same(2)
    };
    painter.rect_filled(
        rect.translate(vec2(2.0, 2.0)),
        radius,
        Color32::from_black_alpha(45),
    );
    painter.rect_filled(rect, radius, fill);
    if is_selected {
        painter.rect_stroke(
            rect.expand(2.0),
            radius,
            Stroke::new(3.0, Color32::from_rgb(30, 90, 200)),
            StrokeKind::Outside,
        );
    }
    // Tiny cards are drawn as coloured rectangles only: no text layout when it can't be read.
    if text_size >= 4.0 {
        let size = if card.shape == CardShape::Heading {
            text_size * 1.2
        } else {
            text_size
        };
        let colour = if is_dimmed {
            Color32::from_gray(120)
        } else {
            Color32::BLACK
        };
        let galley = painter.layout(
            card.text.clone(),
            FontId::proportional(size),
            colour,
            rect.width() - size,
        );
        let pos = rect.left_top() + vec2(size * 0.45, size * 0.35);
        painter
            .with_clip_rect(rect.shrink(1.0).intersect(painter.clip_rect()))
            .galley(pos, galley, colour);
    }
    if card.votes > 0 {
        dots(
            painter,
            rect.right_top() + vec2(-4.0, 4.0),
            card.votes,
            rect.width() / CARD_W,
        );
    }
}

/// A red dot with the number of votes.
pub fn dots(painter: &egui::Painter, at: Pos2, votes: u32, zoom: f32) {
    let radius = (10.0 * zoom).clamp(4.0, 16.0);
    painter.circle_filled(at, radius, Color32::from_rgb(200, 30, 40));
    painter.text(
        at,
        Align2::CENTER_CENTER,
        votes.to_string(),
        FontId::proportional(radius * 1.1),
        Color32::WHITE,
    );
}

fn axis_arrow(painter: &egui::Painter, from: Pos2, to: Pos2, stroke: Stroke) {
    painter.line_segment([from, to], stroke);
    let dir = (to - from).normalized();
    let normal = vec2(-dir.y, dir.x);
    let head = vec![
        to,
        to - dir * 12.0 + normal * 5.0,
        to - dir * 12.0 - normal * 5.0,
    ];
    painter.add(Shape::convex_polygon(head, stroke.color, Stroke::NONE));
}
