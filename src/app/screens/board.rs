//! The board screen: quick card entry, the canvas, and a side panel for the board's settings,
//! the selected cluster, suggestions and the ranking.

use std::collections::BTreeSet;

use egui::{ComboBox, Key, Modifiers, RichText, TextEdit, Ui};

use crate::app::ModeratoApp;
use crate::app::board_view::{self, BoardUiState, VoteRequest, paper};
use crate::app::widgets::{multiline_ui, text_edit_ui};
use crate::board::edit;
use crate::board::grouping::{self, CardText};
use crate::i18n::fill;
use crate::i18n::{Lang, T};
use crate::model::{Axes, AxisLabels, Board, BoardId, CardColour, CardShape, Session};

/// The quick entry line above the canvas.
#[derive(Clone, Debug, Default)]
pub struct CardEntry {
    pub text: String,
    pub author: String,
    pub colour: CardColour,
    pub shape: CardShape,
}

pub(crate) fn board_screen_ui(app: &mut ModeratoApp, ui: &mut Ui) {
    let lang = app.lang();
    let tr = |key: T| key.get(lang);
    let session = &mut app.doc.session;
    board_picker_ui(ui, session, &mut app.board_index, lang);
    let Some(board) = session.boards.get_mut(app.board_index) else {
        ui.label(tr(T::NoBoards));
        return;
    };
    let participants = session.meta.participants.len();
    let agenda_items: Vec<(crate::model::AgendaItemId, String)> = session
        .agenda
        .items()
        .map(|i| (i.id, i.title.clone()))
        .collect();
    let state = app.board_states.entry(board.id).or_default();
    if entry_ui(ui, board, &mut app.card_entry, state, lang) {
        app.commit_requested = true;
    }
    toolbar_ui(ui, board, state, participants, lang);
    egui::Panel::right(egui::Id::unique("board-side"))
        .resizable(true)
        .default_size(300.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                side_panel_ui(ui, board, state, &agenda_items, participants, lang);
            });
        });
    keys(ui, board, state, lang);
    let output = board_view::canvas_ui(ui, board, state);
    for request in output.votes {
        match request {
            VoteRequest::AddToCard(id) => {
                edit::vote_card(board, id, participants);
            }
            VoteRequest::RemoveFromCard(id) => edit::unvote_card(board, id),
            VoteRequest::AddToCluster(id) => {
                edit::vote_cluster(board, id, participants);
            }
            VoteRequest::RemoveFromCluster(id) => edit::unvote_cluster(board, id),
        }
    }
    if !output.dropped.is_empty() {
        edit::update_membership(board, &output.dropped);
    }
}

fn board_picker_ui(ui: &mut Ui, session: &mut Session, index: &mut usize, lang: Lang) {
    let tr = |key: T| key.get(lang);
    ui.horizontal(|ui| {
        let label = ui.label(tr(T::Board));
        let current = session
            .boards
            .get(*index)
            .map(|b| b.title.clone())
            .unwrap_or_default();
        ComboBox::from_id_salt("board-picker")
            .width(320.0)
            .selected_text(current)
            .show_ui(ui, |ui| {
                for (i, board) in session.boards.iter().enumerate() {
                    ui.selectable_value(index, i, &board.title);
                }
            })
            .response
            .labelled_by(label.id);
        if ui.button(format!("+ {}", tr(T::NewBoard))).clicked() {
            session.boards.push(Board {
                id: BoardId::generate(),
                title: fill(
                    tr(T::BoardNumber),
                    &[&(session.boards.len() + 1).to_string()],
                ),
                ..Board::default()
            });
            *index = session.boards.len() - 1;
        }
        if let Some(board) = session.boards.get(*index) {
            ui.label(RichText::new(&board.question).italics());
        }
    });
}

/// The quick entry line; returns whether a card was added.
fn entry_ui(
    ui: &mut Ui,
    board: &mut Board,
    entry: &mut CardEntry,
    state: &mut BoardUiState,
    lang: Lang,
) -> bool {
    let tr = |key: T| key.get(lang);
    let mut added = false;
    ui.horizontal(|ui| {
        let label = ui.label(tr(T::NewCard));
        let id = egui::Id::unique("new-card-text");
        let response = ui
            .add(
                TextEdit::singleline(&mut entry.text)
                    .id(id)
                    .desired_width(320.0)
                    .hint_text(tr(T::TypeAndEnter)),
            )
            .labelled_by(label.id);
        let author = ui.label(tr(T::Author));
        text_edit_ui(ui, &mut entry.author, author.id, 160.0);
        colour_picker_ui(ui, "entry-colour", &mut entry.colour, lang);
        ui.selectable_value(&mut entry.shape, CardShape::Card, tr(T::ShapeCard));
        ui.selectable_value(&mut entry.shape, CardShape::Heading, tr(T::ShapeHeading));
        let submitted = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if submitted {
            if !entry.text.trim().is_empty() {
                let id =
                    edit::add_card(board, &entry.text, &entry.author, entry.colour, entry.shape);
                state.selection = BTreeSet::from([id]);
                entry.text.clear();
                added = true;
            }
            // Keep typing the next card.
            response.request_focus();
        }
    });
    added
}

fn colour_picker_ui(ui: &mut Ui, id_salt: &str, colour: &mut CardColour, lang: Lang) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 2.0;
        for option in CardColour::ALL {
            let name = colour_name(option, lang);
            let selected = *colour == option;
            let button = egui::Button::new(if selected { "\u{2713}" } else { " " })
                .fill(paper(option))
                .min_size(egui::vec2(20.0, 20.0));
            let response = ui.add(button).on_hover_text(name);
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    selected,
                    format!("{id_salt}: {name}"),
                )
            });
            if response.clicked() {
                *colour = option;
                changed = true;
            }
        }
    });
    changed
}

fn colour_name(colour: CardColour, lang: Lang) -> &'static str {
    match colour {
        CardColour::White => T::ColourWhite,
        CardColour::Yellow => T::ColourYellow,
        CardColour::Orange => T::ColourOrange,
        CardColour::Pink => T::ColourPink,
        CardColour::Green => T::ColourGreen,
        CardColour::Blue => T::ColourBlue,
    }
    .get(lang)
}

fn toolbar_ui(
    ui: &mut Ui,
    board: &mut Board,
    state: &mut BoardUiState,
    participants: usize,
    lang: Lang,
) {
    let tr = |key: T| key.get(lang);
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr(T::FitAll)).on_hover_text("0").clicked() {
            state.needs_fit = true;
        }
        ui.label(RichText::new(format!("{:.0} %", state.zoom * 100.0)).weak());
        ui.separator();
        let has_selection = !state.selection.is_empty();
        if ui
            .add_enabled(state.selection.len() >= 2, egui::Button::new(tr(T::Group)))
            .on_hover_text("Ctrl+G")
            .clicked()
        {
            group_selection(board, state, lang);
        }
        if ui
            .add_enabled(has_selection, egui::Button::new(tr(T::Duplicate)))
            .on_hover_text("Ctrl+D")
            .clicked()
        {
            state.selection = edit::duplicate_cards(board, &state.selection);
        }
        if ui
            .add_enabled(has_selection, egui::Button::new(tr(T::Delete)))
            .on_hover_text("Del")
            .clicked()
        {
            edit::delete_cards(board, &state.selection);
            state.selection.clear();
        }
        if has_selection {
            let mut colour = board
                .cards
                .iter()
                .find(|c| state.selection.contains(&c.id))
                .map(|c| c.colour)
                .unwrap_or_default();
            if colour_picker_ui(ui, "selection-colour", &mut colour, lang) {
                for card in board
                    .cards
                    .iter_mut()
                    .filter(|c| state.selection.contains(&c.id))
                {
                    card.colour = colour;
                }
            }
        }
        ui.separator();
        ui.toggle_value(&mut state.is_voting, tr(T::DotVoting))
            .on_hover_text(tr(T::DotVotingHelp));
        match edit::dots_left(board, participants) {
            Some(left) => ui.label(fill(tr(T::DotsLeft), &[&left.to_string()])),
            None => ui.label(RichText::new(tr(T::NoDotLimit)).weak()),
        };
        ui.separator();
        let authors: BTreeSet<String> = board
            .cards
            .iter()
            .map(|c| c.author.clone())
            .filter(|a| !a.is_empty())
            .collect();
        let label = ui.label(tr(T::ShowBy));
        let shown = state
            .highlight_author
            .clone()
            .unwrap_or_else(|| tr(T::Everyone).to_owned());
        ComboBox::from_id_salt("highlight-author")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.highlight_author, None, tr(T::Everyone));
                for author in authors {
                    ui.selectable_value(&mut state.highlight_author, Some(author.clone()), author);
                }
            })
            .response
            .labelled_by(label.id);
    });
}

fn group_selection(board: &mut Board, state: &mut BoardUiState, lang: Lang) {
    let title = fill(
        T::ClusterNumber.get(lang),
        &[&(board.clusters.len() + 1).to_string()],
    );
    if let Some(id) = edit::group(board, &state.selection, &title) {
        state.selected_cluster = Some(id);
    }
}

/// Board keys, when no text field has the focus.
fn keys(ui: &mut Ui, board: &mut Board, state: &mut BoardUiState, lang: Lang) {
    if ui.ctx().text_edit_focused() {
        return;
    }
    let step = if ui.input(|i| i.modifiers.shift) {
        1.0
    } else {
        10.0
    };
    let canvas_centre = ui.available_rect_before_wrap().center();
    let origin = ui.available_rect_before_wrap().min;
    ui.input_mut(|i| {
        let mut press = |modifiers: Modifiers, key: Key| i.consume_key(modifiers, key);
        for (key, dx, dy) in [
            (Key::ArrowLeft, -1.0, 0.0),
            (Key::ArrowRight, 1.0, 0.0),
            (Key::ArrowUp, 0.0, -1.0),
            (Key::ArrowDown, 0.0, 1.0),
        ] {
            if press(Modifiers::NONE, key) || press(Modifiers::SHIFT, key) {
                edit::nudge(board, &state.selection, dx * step, dy * step);
            }
        }
        if press(Modifiers::NONE, Key::Delete) || press(Modifiers::NONE, Key::Backspace) {
            edit::delete_cards(board, &state.selection);
            state.selection.clear();
        }
        if press(Modifiers::COMMAND, Key::D) {
            state.selection = edit::duplicate_cards(board, &state.selection);
        }
        if press(Modifiers::COMMAND, Key::G) && state.selection.len() >= 2 {
            group_selection(board, state, lang);
        }
        if press(Modifiers::COMMAND, Key::A) {
            state.selection = board.cards.iter().map(|c| c.id).collect();
        }
        if press(Modifiers::NONE, Key::Escape) {
            state.selection.clear();
            state.selected_cluster = None;
        }
        if press(Modifiers::NONE, Key::Plus) || press(Modifiers::NONE, Key::Equals) {
            state.zoom_at(origin, canvas_centre, 1.25);
        }
        if press(Modifiers::NONE, Key::Minus) {
            state.zoom_at(origin, canvas_centre, 0.8);
        }
        if press(Modifiers::NONE, Key::Num0) {
            state.needs_fit = true;
        }
    });
}

#[allow(clippy::too_many_lines)]
fn side_panel_ui(
    ui: &mut Ui,
    board: &mut Board,
    state: &mut BoardUiState,
    agenda_items: &[(crate::model::AgendaItemId, String)],
    participants: usize,
    lang: Lang,
) {
    let tr = |key: T| key.get(lang);
    let has_axes = board.axes.is_some();
    if state.selection.len() == 1
        && let Some(id) = state.selection.first().copied()
        && let Some(card) = board.cards.iter_mut().find(|c| c.id == id)
    {
        ui.label(RichText::new(tr(T::SelectedCard)).strong());
        let label = ui.label(tr(T::CardText));
        multiline_ui(ui, &mut card.text, label.id, 2);
        let label = ui.label(tr(T::Author));
        text_edit_ui(ui, &mut card.author, label.id, ui.available_width());
        ui.horizontal(|ui| {
            ui.selectable_value(&mut card.shape, CardShape::Card, tr(T::ShapeCard));
            ui.selectable_value(&mut card.shape, CardShape::Heading, tr(T::ShapeHeading));
        });
        if has_axes {
            let (along, up) = crate::board::layout::axis_values(card);
            ui.label(
                RichText::new(format!("\u{2192} {along:.0} %   \u{2191} {up:.0} %"))
                    .monospace()
                    .weak(),
            );
        }
        ui.label(RichText::new(tr(T::DoubleClickToEdit)).weak().small());
        ui.separator();
    }
    if let Some(id) = state.selected_cluster
        && board.cluster(id).is_some()
    {
        ui.label(RichText::new(tr(T::Cluster)).strong());
        let mut dissolve = false;
        if let Some(cluster) = board.clusters.iter_mut().find(|c| c.id == id) {
            let label = ui.label(tr(T::Title));
            text_edit_ui(ui, &mut cluster.title, label.id, ui.available_width());
            colour_picker_ui(ui, "cluster-colour", &mut cluster.colour, lang);
            ui.checkbox(&mut cluster.is_collapsed, tr(T::Collapse));
            ui.label(fill(
                tr(T::ClusterSize),
                &[&cluster.cards.len().to_string(), &cluster.votes.to_string()],
            ));
            dissolve = ui.button(tr(T::Dissolve)).clicked();
        }
        if dissolve {
            edit::dissolve(board, id);
            state.selected_cluster = None;
        }
        ui.separator();
    }

    egui::CollapsingHeader::new(RichText::new(tr(T::Suggestions)).strong())
        .default_open(true)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let taken: BTreeSet<_> = board
                    .clusters
                    .iter()
                    .flat_map(|c| c.cards.iter().copied())
                    .collect();
                if ui.button(tr(T::ByPosition)).clicked() {
                    let cards: Vec<_> = board
                        .cards
                        .iter()
                        .map(|c| {
                            let (x, y) = crate::board::layout::centre(c);
                            (c.id, x, y)
                        })
                        .collect();
                    let gap = crate::board::layout::CARD_W * 1.25;
                    state.suggestions =
                        grouping::without_taken(grouping::suggest_by_position(&cards, gap), &taken);
                }
                if ui.button(tr(T::ByText)).clicked() {
                    let cards: Vec<_> = board
                        .cards
                        .iter()
                        .filter(|c| c.shape == CardShape::Card)
                        .map(|c| CardText {
                            key: c.id,
                            text: &c.text,
                        })
                        .collect();
                    state.suggestions =
                        grouping::without_taken(grouping::suggest_by_text(&cards), &taken);
                }
            });
            if state.suggestions.is_empty() {
                ui.label(RichText::new(tr(T::NoSuggestions)).weak().small());
            }
            let mut accept = None;
            let mut reject = None;
            for (index, group) in state.suggestions.iter().enumerate() {
                ui.group(|ui| {
                    for id in group.iter().take(6) {
                        if let Some(card) = board.card(*id) {
                            ui.label(RichText::new(format!("\u{2022} {}", card.text)).small());
                        }
                    }
                    if group.len() > 6 {
                        ui.label(RichText::new(format!("\u{2026} +{}", group.len() - 6)).small());
                    }
                    ui.horizontal(|ui| {
                        if ui.button(tr(T::Accept)).clicked() {
                            accept = Some(index);
                        }
                        if ui.button(tr(T::Reject)).clicked() {
                            reject = Some(index);
                        }
                    });
                });
            }
            if let Some(index) = accept {
                let group: BTreeSet<_> = state.suggestions.remove(index).into_iter().collect();
                let title = fill(
                    tr(T::ClusterNumber),
                    &[&(board.clusters.len() + 1).to_string()],
                );
                // The moderator's own clusters stay as they are: only free cards were suggested.
                state.selected_cluster = edit::group(board, &group, &title);
            } else if let Some(index) = reject {
                state.suggestions.remove(index);
            }
        });

    egui::CollapsingHeader::new(RichText::new(tr(T::Ranking)).strong())
        .default_open(true)
        .show(ui, |ui| {
            let ranking = edit::ranking(board);
            if ranking.is_empty() {
                ui.label(RichText::new(tr(T::NoVotesYet)).weak().small());
            }
            egui::Grid::new("ranking")
                .striped(true)
                .num_columns(2)
                .show(ui, |ui| {
                    for row in ranking {
                        ui.label(RichText::new(format!("\u{25cf} {}", row.votes)).strong());
                        let text = if row.is_cluster {
                            RichText::new(row.title).strong()
                        } else {
                            RichText::new(row.title)
                        };
                        ui.label(text);
                        ui.end_row();
                    }
                });
        });

    egui::CollapsingHeader::new(RichText::new(tr(T::BoardSettings)).strong())
        .default_open(false)
        .show(ui, |ui| {
            let label = ui.label(tr(T::Title));
            text_edit_ui(ui, &mut board.title, label.id, ui.available_width());
            let label = ui.label(tr(T::Question));
            multiline_ui(ui, &mut board.question, label.id, 2);
            let label = ui.label(tr(T::AgendaItem));
            let current = board
                .agenda_item
                .and_then(|id| agenda_items.iter().find(|(i, _)| *i == id))
                .map_or("\u{2013}", |(_, t)| t.as_str());
            ComboBox::from_id_salt("board-agenda-item")
                .width(ui.available_width() - 10.0)
                .selected_text(current)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut board.agenda_item, None, "\u{2013}");
                    for (id, title) in agenda_items {
                        ui.selectable_value(&mut board.agenda_item, Some(*id), title);
                    }
                })
                .response
                .labelled_by(label.id);
            let mut has_axes = board.axes.is_some();
            if ui.checkbox(&mut has_axes, tr(T::WithAxes)).changed() {
                board.axes = has_axes.then(|| Axes {
                    x: AxisLabels {
                        low: tr(T::AxisClosed).into(),
                        high: tr(T::AxisOpen).into(),
                    },
                    y: AxisLabels {
                        low: tr(T::AxisLow).into(),
                        high: tr(T::AxisHigh).into(),
                    },
                    quadrants: None,
                });
            }
            if let Some(axes) = &mut board.axes {
                egui::Grid::new("axes").num_columns(2).show(ui, |ui| {
                    for (key, value) in [
                        (T::AxisLeft, &mut axes.x.low),
                        (T::AxisRight, &mut axes.x.high),
                        (T::AxisBottom, &mut axes.y.low),
                        (T::AxisTop, &mut axes.y.high),
                    ] {
                        let label = ui.label(tr(key));
                        text_edit_ui(ui, value, label.id, 160.0);
                        ui.end_row();
                    }
                });
                let mut has_quadrants = axes.quadrants.is_some();
                if ui
                    .checkbox(&mut has_quadrants, tr(T::QuadrantLabels))
                    .changed()
                {
                    axes.quadrants = has_quadrants.then(Default::default);
                }
                if let Some(quadrants) = &mut axes.quadrants {
                    let label = ui.label(tr(T::QuadrantOrder));
                    for quadrant in quadrants.iter_mut() {
                        text_edit_ui(ui, quadrant, label.id, ui.available_width());
                    }
                }
            }
            let label = ui.label(tr(T::DotsPerPerson));
            crate::app::widgets::parsed_edit_ui(
                ui,
                "dots-per-person",
                (label.id, tr(T::WholeNumber)),
                &mut board.dots_per_person,
                50.0,
                ToString::to_string,
                |text| text.trim().parse().ok(),
            );
            ui.label(
                RichText::new(fill(tr(T::DotBudget), &[&participants.to_string()]))
                    .weak()
                    .small(),
            );
        });
}
