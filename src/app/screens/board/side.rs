//! The board's side panel: the selected card or cluster, suggestions, the ranking by dots
//! and the board's settings.

use std::collections::BTreeSet;

use egui::{ComboBox, RichText, Ui};

use super::canvas::BoardUiState;
use super::colour_picker_ui;
use crate::app::command::Cx;
use crate::app::widgets::{TextField, parsed_field};
use crate::board::edit::{AxisText, BoardEdit, BoardText};
use crate::board::grouping;
use crate::board::{Axes, AxisLabels, Board, CardShape};
use crate::board::{layout, votes};
use crate::i18n::{T, fill};
use crate::ids::ClusterId;

pub(super) fn side_panel_ui(
    ui: &mut Ui,
    cx: &mut Cx,
    board: &Board,
    state: &mut BoardUiState,
    edits: &mut Vec<BoardEdit>,
) {
    ui.add_enabled_ui(!cx.is_read_only, |ui| {
        selected_card_ui(ui, cx, board, state, edits);
        selected_cluster_ui(ui, cx, board, state, edits);
        suggestions_ui(ui, cx, board, state, edits);
    });
    ranking_ui(ui, cx, board);
    ui.add_enabled_ui(!cx.is_read_only, |ui| settings_ui(ui, cx, board, edits));
}

fn selected_card_ui(
    ui: &mut Ui,
    cx: &Cx,
    board: &Board,
    state: &BoardUiState,
    edits: &mut Vec<BoardEdit>,
) {
    if state.selection.len() != 1 {
        return;
    }
    let Some(card) = state.selection.first().and_then(|id| board.card(*id)) else {
        return;
    };
    ui.label(RichText::new(cx.tr(T::SelectedCard)).strong());
    let label = ui.label(cx.tr(T::CardText));
    let text = TextField::new(&card.text, label.id)
        .multiline(2)
        .limit(crate::session::limits::CARD_TEXT)
        .show(ui);
    if let Some(text) = text.changed {
        edits.push(BoardEdit::SetCardText(board.id, card.id, text));
    }
    let label = ui.label(cx.tr(T::Author));
    let author = TextField::new(&card.author, label.id)
        .absolute_width(ui.available_width())
        .show(ui);
    if let Some(author) = author.changed {
        edits.push(BoardEdit::SetCardAuthor(board.id, card.id, author));
    }
    ui.horizontal(|ui| {
        let mut shape = card.shape;
        ui.selectable_value(&mut shape, CardShape::Card, cx.tr(T::ShapeCard));
        ui.selectable_value(&mut shape, CardShape::Heading, cx.tr(T::ShapeHeading));
        ui.selectable_value(&mut shape, CardShape::Oval, cx.tr(T::ShapeOval));
        ui.selectable_value(&mut shape, CardShape::Circle, cx.tr(T::ShapeCircle));
        if shape != card.shape {
            edits.push(BoardEdit::SetCardShape(board.id, card.id, shape));
        }
    });
    if board.axes.is_some() {
        let (along, up) = layout::axis_values(card);
        ui.label(
            RichText::new(format!("\u{2192} {along:.0} %   \u{2191} {up:.0} %"))
                .monospace()
                .weak(),
        );
    }
    ui.label(RichText::new(cx.tr(T::DoubleClickToEdit)).weak().small());
    ui.separator();
}

fn selected_cluster_ui(
    ui: &mut Ui,
    cx: &Cx,
    board: &Board,
    state: &mut BoardUiState,
    edits: &mut Vec<BoardEdit>,
) {
    let Some(cluster) = state.selected_cluster.and_then(|id| board.cluster(id)) else {
        return;
    };
    ui.label(RichText::new(cx.tr(T::Cluster)).strong());
    let label = ui.label(cx.tr(T::Title));
    let title = TextField::new(&cluster.title, label.id)
        .absolute_width(ui.available_width())
        .show(ui);
    if let Some(title) = title.changed {
        edits.push(BoardEdit::SetClusterTitle(board.id, cluster.id, title));
    }
    if let Some(colour) = colour_picker_ui(ui, cx, "cluster-colour", cluster.colour) {
        edits.push(BoardEdit::SetClusterColour(board.id, cluster.id, colour));
    }
    let mut is_collapsed = cluster.is_collapsed;
    if ui.checkbox(&mut is_collapsed, cx.tr(T::Collapse)).changed() {
        edits.push(BoardEdit::SetClusterCollapsed(
            board.id,
            cluster.id,
            is_collapsed,
        ));
    }
    ui.label(fill(
        cx.tr(T::ClusterSize),
        &[&cluster.cards.len().to_string(), &cluster.votes.to_string()],
    ));
    if ui.button(cx.tr(T::Dissolve)).clicked() {
        edits.push(BoardEdit::Dissolve(board.id, cluster.id));
        state.selected_cluster = None;
    }
    ui.separator();
}

fn suggestions_ui(
    ui: &mut Ui,
    cx: &mut Cx,
    board: &Board,
    state: &mut BoardUiState,
    edits: &mut Vec<BoardEdit>,
) {
    egui::CollapsingHeader::new(RichText::new(cx.tr(T::Suggestions)).strong())
        .default_open(true)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let taken: BTreeSet<_> = board
                    .clusters
                    .iter()
                    .flat_map(|c| c.cards.iter().copied())
                    .collect();
                if ui.button(cx.tr(T::ByPosition)).clicked() {
                    let cards: Vec<_> = board
                        .cards
                        .iter()
                        .map(|c| {
                            let (x, y) = layout::centre(c);
                            (c.id, x, y)
                        })
                        .collect();
                    let gap = layout::CARD_W * 1.25;
                    state.suggested_by = None;
                    state.suggestions =
                        grouping::without_taken(grouping::suggest_by_position(&cards, gap), &taken);
                }
                if ui.button(cx.tr(T::ByText)).clicked() {
                    suggest_by_meaning(cx, board, state);
                }
            });
            // Tighter or looser: the next suggestion by content uses it; once one was made,
            // letting go of the slider suggests again (instant, the embeddings are cached).
            ui.horizontal(|ui| {
                ui.label(RichText::new(cx.tr(T::Looser)).small());
                let slider = ui
                    .add(egui::Slider::new(&mut state.tightness, -1.0..=1.0).show_value(false))
                    .on_hover_text(cx.tr(T::GroupingTightness));
                ui.label(RichText::new(cx.tr(T::Tighter)).small());
                let let_go = slider.drag_stopped() || (slider.changed() && !slider.dragged());
                if let_go && state.suggested_by.is_some() {
                    suggest_by_meaning(cx, board, state);
                }
            });
            method_note(ui, cx, state.suggested_by);
            if state.suggestions.is_empty() {
                ui.label(RichText::new(cx.tr(T::NoSuggestions)).weak().small());
            }
            let mut accept = None;
            let mut reject = None;
            for (index, group) in state.suggestions.iter().enumerate() {
                ui.group(|ui| {
                    let texts: Vec<&str> = group
                        .iter()
                        .filter_map(|id| board.card(*id))
                        .map(|c| c.text.as_str())
                        .collect();
                    if let Some(title) = grouping::title_for(&texts) {
                        ui.label(RichText::new(title).strong());
                    }
                    for id in group.iter().take(6) {
                        if let Some(card) = board.card(*id) {
                            ui.label(RichText::new(format!("\u{2022} {}", card.text)).small());
                        }
                    }
                    if group.len() > 6 {
                        ui.label(RichText::new(format!("\u{2026} +{}", group.len() - 6)).small());
                    }
                    ui.horizontal(|ui| {
                        if ui.button(cx.tr(T::Accept)).clicked() {
                            accept = Some(index);
                        }
                        if ui.button(cx.tr(T::Reject)).clicked() {
                            reject = Some(index);
                        }
                    });
                });
            }
            if let Some(index) = accept {
                let group: BTreeSet<_> = state.suggestions.remove(index).into_iter().collect();
                let cluster = ClusterId::generate();
                // A title from what the cards share, else a number.
                let texts: Vec<&str> = group
                    .iter()
                    .filter_map(|id| board.card(*id))
                    .map(|c| c.text.as_str())
                    .collect();
                let title = grouping::title_for(&texts).unwrap_or_else(|| {
                    fill(
                        cx.tr(T::ClusterNumber),
                        &[&(board.clusters.len() + 1).to_string()],
                    )
                });
                // The moderator's own clusters stay as they are: only free cards were suggested.
                edits.push(BoardEdit::Group {
                    board: board.id,
                    cluster,
                    cards: group,
                    fallback_title: title,
                });
                state.selected_cluster = Some(cluster);
            } else if let Some(index) = reject {
                state.suggestions.remove(index);
            }
        });
}

/// Asks for groups of the board's free cards by what they mean; the answer arrives in
/// `state.suggestions` (see `app::work`).
fn suggest_by_meaning(cx: &mut Cx, board: &Board, state: &BoardUiState) {
    let cards = board
        .cards
        .iter()
        .filter(|c| c.shape == CardShape::Card && !c.text.trim().is_empty())
        .map(|c| (c.id, c.text.clone()))
        .collect();
    cx.command(crate::app::command::Command::SuggestGroups {
        board: board.id,
        cards,
        tightness: state.tightness,
    });
}

fn ranking_ui(ui: &mut Ui, cx: &Cx, board: &Board) {
    egui::CollapsingHeader::new(RichText::new(cx.tr(T::Ranking)).strong())
        .default_open(true)
        .show(ui, |ui| {
            let ranking = votes::ranking(board);
            if ranking.is_empty() {
                ui.label(RichText::new(cx.tr(T::NoVotesYet)).weak().small());
            }
            // Rows rather than a grid: long titles wrap within the panel.
            for row in ranking {
                ui.horizontal_top(|ui| {
                    ui.label(RichText::new(format!("\u{25cf} {}", row.votes)).strong());
                    let text = if row.is_cluster {
                        RichText::new(row.title).strong()
                    } else {
                        RichText::new(row.title)
                    };
                    ui.add(egui::Label::new(text).wrap());
                });
            }
        });
}

fn settings_ui(ui: &mut Ui, cx: &Cx, board: &Board, edits: &mut Vec<BoardEdit>) {
    egui::CollapsingHeader::new(RichText::new(cx.tr(T::BoardSettings)).strong())
        .default_open(false)
        .show(ui, |ui| {
            let label = ui.label(cx.tr(T::Title));
            let title = TextField::new(&board.title, label.id)
                .absolute_width(ui.available_width())
                .show(ui);
            if let Some(text) = title.changed {
                edits.push(BoardEdit::SetText(board.id, BoardText::Title, text));
            }
            let label = ui.label(cx.tr(T::Question));
            let question = TextField::new(&board.question, label.id)
                .multiline(2)
                .show(ui);
            if let Some(text) = question.changed {
                edits.push(BoardEdit::SetText(board.id, BoardText::Question, text));
            }
            agenda_item_ui(ui, cx, board, edits);
            axes_ui(ui, cx, board, edits);
            let label = ui.label(cx.tr(T::DotsPerPerson));
            let dots = parsed_field(
                ui,
                "dots-per-person",
                label.id,
                cx.tr(T::WholeNumber),
                &board.dots_per_person,
                50.0,
                ToString::to_string,
                |text| {
                    let max = crate::session::limits::MAX_DOTS_PER_PERSON;
                    text.trim().parse().ok().filter(|d: &u32| *d <= max)
                },
            );
            if let Some(value) = dots.changed {
                edits.push(BoardEdit::SetDotsPerPerson(board.id, value));
            }
            let participants = cx.session.meta.participants.len();
            ui.label(
                RichText::new(fill(cx.tr(T::DotBudget), &[&participants.to_string()]))
                    .weak()
                    .small(),
            );
        });
}

fn agenda_item_ui(ui: &mut Ui, cx: &Cx, board: &Board, edits: &mut Vec<BoardEdit>) {
    let label = ui.label(cx.tr(T::AgendaItem));
    let items: Vec<_> = cx.session.agenda.items().collect();
    let current = board
        .agenda_item
        .and_then(|id| items.iter().find(|i| i.id == id))
        .map_or("\u{2013}", |i| i.title.as_str());
    let mut chosen = board.agenda_item;
    ComboBox::from_id_salt("board-agenda-item")
        .width(ui.available_width() - 10.0)
        .selected_text(current)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, "\u{2013}");
            for item in &items {
                ui.selectable_value(&mut chosen, Some(item.id), &item.title);
            }
        })
        .response
        .labelled_by(label.id);
    if chosen != board.agenda_item {
        edits.push(BoardEdit::SetAgendaItem(board.id, chosen));
    }
}

fn axes_ui(ui: &mut Ui, cx: &Cx, board: &Board, edits: &mut Vec<BoardEdit>) {
    let mut has_axes = board.axes.is_some();
    if ui.checkbox(&mut has_axes, cx.tr(T::WithAxes)).changed() {
        let axes = has_axes.then(|| Axes {
            x: AxisLabels {
                low: cx.tr(T::AxisClosed).into(),
                high: cx.tr(T::AxisOpen).into(),
            },
            y: AxisLabels {
                low: cx.tr(T::AxisLow).into(),
                high: cx.tr(T::AxisHigh).into(),
            },
            quadrants: None,
        });
        edits.push(BoardEdit::SetAxes(board.id, axes));
    }
    let Some(axes) = &board.axes else {
        return;
    };
    egui::Grid::new("axes").num_columns(2).show(ui, |ui| {
        for (key, which, value) in [
            (T::AxisLeft, AxisText::XLow, &axes.x.low),
            (T::AxisRight, AxisText::XHigh, &axes.x.high),
            (T::AxisBottom, AxisText::YLow, &axes.y.low),
            (T::AxisTop, AxisText::YHigh, &axes.y.high),
        ] {
            let label = ui.label(cx.tr(key));
            let text = TextField::new(value, label.id).width(160.0).show(ui);
            if let Some(text) = text.changed {
                edits.push(BoardEdit::SetAxisText(board.id, which, text));
            }
            ui.end_row();
        }
    });
    let mut has_quadrants = axes.quadrants.is_some();
    if ui
        .checkbox(&mut has_quadrants, cx.tr(T::QuadrantLabels))
        .changed()
    {
        let mut new = axes.clone();
        new.quadrants = has_quadrants.then(Default::default);
        edits.push(BoardEdit::SetAxes(board.id, Some(new)));
    }
    if let Some(quadrants) = &axes.quadrants {
        let label = ui.label(cx.tr(T::QuadrantOrder));
        for (n, quadrant) in quadrants.iter().enumerate() {
            let text = TextField::new(quadrant, label.id)
                .absolute_width(ui.available_width())
                .show(ui);
            if let Some(text) = text.changed {
                edits.push(BoardEdit::SetAxisText(
                    board.id,
                    AxisText::Quadrant(n),
                    text,
                ));
            }
        }
    }
}

/// How the suggestions were found, in a small line under the slider.
fn method_note(ui: &mut egui::Ui, cx: &Cx, method: Option<grouping::Method>) {
    let said = match method {
        Some(grouping::Method::Embedding) => cx.tr(T::SuggestedByMeaning).to_owned(),
        Some(grouping::Method::Lexical) => cx.tr(T::SuggestedByWords).to_owned(),
        Some(grouping::Method::LexicalManyCards) => {
            let limit = grouping::MEANING_MAX_NEW_CARDS.to_string();
            crate::i18n::fill(cx.tr(T::SuggestedByWordsMany), &[&limit])
        }
        None => return,
    };
    ui.label(RichText::new(said).weak().small());
}

/// Cards from phones for this board: each can be edited, accepted onto the wall (one undoable
/// edit, like a typed card) or deleted; "Accept all" takes them all.
pub(super) fn inbox_ui(
    ui: &mut Ui,
    cx: &Cx,
    board: &Board,
    inbox: &mut Vec<crate::phones::session::InboxCard>,
    edits: &mut Vec<BoardEdit>,
) {
    let waiting = inbox.iter().filter(|card| card.board == board.id).count();
    if waiting == 0 {
        return;
    }
    let heading = fill(cx.tr(T::PhonesInbox), &[&waiting.to_string()]);
    ui.label(RichText::new(heading).strong());
    ui.label(RichText::new(cx.tr(T::PhonesInboxHelp)).weak().small());
    let mut accepted = Vec::new();
    let mut deleted = Vec::new();
    let width = ui.available_width();
    for (index, card) in inbox.iter_mut().enumerate() {
        if card.board != board.id {
            continue;
        }
        egui::Frame::group(ui.style()).show(ui, |ui| {
            let label = ui.label(RichText::new(cx.tr(T::CardText)).small());
            ui.add(
                egui::TextEdit::multiline(&mut card.text)
                    .id_salt(("phone-card", index))
                    .desired_rows(2)
                    .char_limit(crate::session::limits::CARD_TEXT)
                    .desired_width(width - 16.0),
            )
            .labelled_by(label.id);
            if !card.author.is_empty() {
                ui.label(RichText::new(&card.author).weak().small());
            }
            ui.horizontal(|ui| {
                let can_accept = !cx.is_read_only && !card.text.trim().is_empty();
                if ui
                    .add_enabled(can_accept, egui::Button::new(cx.tr(T::PhonesAccept)))
                    .clicked()
                {
                    accepted.push(index);
                }
                if ui
                    .add_enabled(!cx.is_read_only, egui::Button::new(cx.tr(T::Delete)))
                    .clicked()
                {
                    deleted.push(index);
                }
            });
        });
    }
    if waiting > 1
        && ui
            .add_enabled(
                !cx.is_read_only,
                egui::Button::new(cx.tr(T::PhonesAcceptAll)),
            )
            .clicked()
    {
        accepted = (0..inbox.len())
            .filter(|i| inbox[*i].board == board.id && !inbox[*i].text.trim().is_empty())
            .collect();
    }
    // Each new card finds its free place with the cards accepted before it on the wall.
    let mut wall = board.clone();
    for index in &accepted {
        let edit = inbox[*index].accept(&wall, crate::ids::CardId::generate(), None);
        if let BoardEdit::AddCard(_, card) = &edit {
            wall.cards.push(card.clone());
        }
        edits.push(edit);
    }
    let mut gone: Vec<usize> = accepted.into_iter().chain(deleted).collect();
    gone.sort_unstable();
    gone.dedup();
    for index in gone.into_iter().rev() {
        inbox.remove(index);
    }
    ui.separator();
}
