//! Boards with their cards (read-only until the positioning board lands).

use egui::{Color32, RichText, Ui};

use super::read_only_note;
use crate::i18n::{Lang, T};
use crate::model::Session;

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
        if let Some(axes) = &board.axes {
            ui.label(format!(
                "{}: \u{2190} {} / {} \u{2192}   \u{2193} {} / {} \u{2191}",
                tr(T::Axes),
                axes.x.low,
                axes.x.high,
                axes.y.low,
                axes.y.high
            ));
        }
        ui.label(format!(
            "{} {} \u{00b7} {} {} \u{00b7} {} {}",
            board.cards.len(),
            tr(T::Cards),
            board.clusters.len(),
            tr(T::Clusters),
            board.num_votes(),
            tr(T::Votes)
        ));
        ui.horizontal_wrapped(|ui| {
            for card in &board.cards {
                let [r, g, b] = card.colour.rgb();
                egui::Frame::new()
                    .fill(Color32::from_rgb(r, g, b))
                    .inner_margin(6.0)
                    .corner_radius(3.0)
                    .show(ui, |ui| {
                        ui.set_max_width(180.0);
                        ui.label(RichText::new(&card.text).color(Color32::BLACK));
                        if !card.author.is_empty() {
                            ui.label(
                                RichText::new(&card.author)
                                    .small()
                                    .color(Color32::DARK_GRAY),
                            );
                        }
                    });
            }
        });
        ui.add_space(12.0);
    }
}
