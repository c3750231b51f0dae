//! Painting the board: the wall with its axes, cards and dot badges.

use egui::{
    Align2, Color32, CornerRadius, FontId, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2,
};

use crate::board::{Board, Card, CardShape};
use crate::board::{layout, text_fit};

/// The ink of labels on the wall.
pub const INK: Color32 = Color32::from_gray(40);

/// The paper colour of a card.
pub fn paper(card_colour: crate::board::CardColour) -> Color32 {
    let [r, g, b] = card_colour.rgb();
    Color32::from_rgb(r, g, b)
}

/// The cork around the wall, the wall, and its axes with their labels (placed in wall
/// units by `layout::wall_labels`, so cards are never put on them).
pub fn wall(
    painter: &egui::Painter,
    canvas: Rect,
    wall: Rect,
    board: &Board,
    to_screen: &dyn Fn((f32, f32)) -> Pos2,
    zoom: f32,
) {
    painter.rect_filled(canvas, CornerRadius::ZERO, Color32::from_rgb(222, 212, 190));
    painter.rect_filled(
        wall,
        CornerRadius::same(4),
        Color32::from_rgb(214, 200, 170),
    );
    let Some(axes) = &board.axes else {
        return;
    };
    let ink = INK;
    let stroke = Stroke::new(2.0, ink);
    axis_arrow(painter, wall.left_bottom(), wall.right_bottom(), stroke);
    axis_arrow(painter, wall.left_bottom(), wall.left_top(), stroke);
    let faint = Color32::from_rgba_unmultiplied(40, 40, 40, 130);
    if axes.quadrants.is_some() {
        let c = wall.center();
        painter.line_segment(
            [pos2(c.x, wall.top()), pos2(c.x, wall.bottom())],
            Stroke::new(1.0, faint),
        );
        painter.line_segment(
            [pos2(wall.left(), c.y), pos2(wall.right(), c.y)],
            Stroke::new(1.0, faint),
        );
    }
    let size = layout::LABEL_SIZE * zoom;
    if size < 4.0 {
        return;
    }
    for label in layout::wall_labels(board) {
        let (pos, align) = if label.is_right {
            (
                to_screen((label.rect.max.0, label.rect.min.1)),
                Align2::RIGHT_TOP,
            )
        } else {
            (to_screen(label.rect.min), Align2::LEFT_TOP)
        };
        let colour = if label.is_quadrant { faint } else { ink };
        painter.text(pos, align, &label.text, FontId::proportional(size), colour);
    }
}

/// A card: its paper, its text laid out to fit (see `text_fit`), its dots in the corner.
pub fn card(
    painter: &egui::Painter,
    rect: Rect,
    card: &Card,
    is_selected: bool,
    is_dimmed: bool,
    zoom: f32,
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
    let radius = match card.shape {
        CardShape::Heading => CornerRadius::same(12),
        // Half the shorter side: a stadium for an oval, a circle for a round card.
        shape if shape.is_round() => {
            CornerRadius::same((rect.width().min(rect.height()) / 2.0).min(255.0) as u8)
        }
        _ => CornerRadius::same(2),
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
    // The lines are laid out once per text in wall units; here they are only scaled.
    let fit = text_fit::fit(&card.text, card.shape);
    let size = fit.size * zoom;
    if size >= 4.0 {
        let colour = if is_dimmed {
            Color32::from_gray(120)
        } else {
            Color32::BLACK
        };
        let mut job = egui::text::LayoutJob::simple(
            fit.joined.clone(),
            FontId::proportional(size),
            colour,
            f32::INFINITY,
        );
        job.sections[0].format.line_height = Some(size * text_fit::LINE_HEIGHT);
        let galley = painter.layout_job(job);
        let pos = rect.left_top() + vec2(text_fit::PAD, text_fit::PAD) * zoom;
        painter.galley(pos, galley, colour);
    }
    if card.votes > 0 {
        dots(painter, rect.right_top(), card.votes, zoom);
    }
}

/// A card's picture (the card as it hung on a photographed board) on its paper, as large as
/// fits with its proportions kept; a round card's picture is round too. Not drawn on a card
/// seen from afar.
pub fn picture(
    painter: &egui::Painter,
    rect: Rect,
    card: &Card,
    texture: (egui::TextureId, egui::Vec2),
    is_dimmed: bool,
) {
    let (texture, size) = texture;
    if rect.width() < 40.0 || size.x <= 0.0 || size.y <= 0.0 {
        return;
    }
    let room = if card.shape.is_round() {
        rect
    } else {
        rect.shrink(rect.width().min(rect.height()) * 0.06)
    };
    let scale = (room.width() / size.x).min(room.height() / size.y);
    let shown = Rect::from_center_size(room.center(), size * scale);
    let radius = if card.shape.is_round() {
        (shown.width().min(shown.height()) / 2.0).min(255.0) as u8
    } else {
        2
    };
    let tint = if is_dimmed {
        Color32::from_gray(110)
    } else {
        Color32::WHITE
    };
    let uv = Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
    painter.add(
        egui::epaint::RectShape::filled(shown, CornerRadius::same(radius), tint)
            .with_texture(texture, uv),
    );
}

/// A red dot with the number of votes, centred on a card's corner: it stays inside the
/// card's padding, never on its text.
pub fn dots(painter: &egui::Painter, at: Pos2, votes: u32, zoom: f32) {
    let radius = (text_fit::PAD * 0.9 * zoom).max(4.0);
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
