//! The board screen: quick card entry, the canvas, and a side panel for the selected card or
//! cluster, suggestions, the ranking and the board's settings.

pub mod canvas;
mod paint;
mod side;
pub mod transcribe;

use std::collections::{BTreeMap, BTreeSet};

use egui::{ComboBox, Key, RichText, Ui, vec2};

use crate::app::command::{Command, Cx};
use crate::app::keys::Keyed;
use crate::app::widgets::TextField;
use crate::board::edit::BoardEdit;
use crate::board::votes;
use crate::board::{Board, CardColour, CardShape};
use crate::i18n::{self, T, fill};
use crate::ids::{BoardId, CardId, ClusterId};
use canvas::{BoardUiState, canvas_ui};
use paint::paper;

/// The quick entry line above the canvas.
#[derive(Clone, Debug, Default)]
pub struct CardEntry {
    pub text: String,
    pub author: String,
    pub colour: CardColour,
    pub shape: CardShape,
}

/// What the board screen remembers between frames.
#[derive(Default)]
pub struct BoardScreen {
    /// The board shown (the first when unset or gone).
    pub selected: Option<BoardId>,
    /// View, selection and suggestions per board.
    pub boards: BTreeMap<BoardId, BoardUiState>,
    pub entry: CardEntry,
    /// Card embeddings computed so far, by text: a second suggestion is instant.
    pub meanings: crate::board::embedding::Cache,
    /// Cards from phones waiting for the moderator (all boards).
    pub inbox: Vec<crate::phones::session::InboxCard>,
    /// Typing the texts of cards read off a photo.
    pub transcribe: Option<transcribe::Transcribe>,
}

pub(in crate::app) fn board_screen_ui(
    ui: &mut Ui,
    cx: &mut Cx,
    screen: &mut BoardScreen,
    photos: &mut crate::app::photo_cache::PhotoCache,
) {
    let session = cx.session;
    let board = screen
        .selected
        .and_then(|id| session.board(id))
        .or_else(|| session.boards.first());
    let mut edits = Vec::new();
    board_picker_ui(ui, cx, board.map(|b| b.id), screen, &mut edits);
    let Some(board) = board else {
        ui.label(cx.tr(T::NoBoards));
        finish(cx, edits);
        return;
    };
    let state = screen.boards.entry(board.id).or_default();
    let inbox = &mut screen.inbox;
    ui.add_enabled_ui(!cx.is_read_only, |ui| {
        entry_ui(ui, cx, board, &mut screen.entry, state, &mut edits);
    });
    if let Some(said) = toolbar_ui(ui, cx, board, state, &mut edits) {
        cx.command(Command::Say(said));
    }
    transcribe_button_ui(ui, cx, board, &mut screen.transcribe);
    let typing = &mut screen.transcribe;
    if let Some(said) = transcribe::transcribe_ui(ui, cx, board, typing, photos, &mut edits) {
        cx.command(Command::Say(said));
    }
    egui::Panel::right(egui::Id::unique("board-side"))
        .resizable(true)
        .default_size(300.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                side::inbox_ui(ui, cx, board, inbox, &mut edits);
                side::side_panel_ui(ui, cx, board, state, &mut edits);
            });
        });
    keys(ui, cx, board, state, &mut edits);
    state.untyped_card = cx.tr(T::UntypedCard);
    // Cards read off a photo show their picture until their text is typed.
    state.pictures.clear();
    if let Some(folder) = cx.folder {
        for card in board.cards.iter().filter(|c| c.text.trim().is_empty()) {
            if let Some(picture) = card.picture.as_deref()
                && let Some(texture) = photos.card_picture(picture, folder)
            {
                state.pictures.insert(card.id, texture);
            }
        }
    }
    let output = canvas_ui(ui, board, state);
    for (target, add) in output.votes {
        edits.push(BoardEdit::Vote {
            board: board.id,
            target,
            add,
        });
    }
    if let Some((cards, offset)) = output.dropped {
        edits.push(BoardEdit::MoveCards {
            board: board.id,
            cards,
            dx: offset.x,
            dy: offset.y,
            regroup: true,
        });
    }
    if let Some((card, text)) = output.edited {
        edits.push(BoardEdit::SetCardText(board.id, card, text));
    }
    finish(cx, edits);
}

fn finish(cx: &mut Cx, edits: Vec<BoardEdit>) {
    for edit in edits {
        cx.edit(edit);
    }
}

fn board_picker_ui(
    ui: &mut Ui,
    cx: &Cx,
    current: Option<BoardId>,
    screen: &mut BoardScreen,
    edits: &mut Vec<BoardEdit>,
) {
    let boards = &cx.session.boards;
    ui.horizontal(|ui| {
        let label = ui.label(cx.tr(T::Board));
        let title = current
            .and_then(|id| cx.session.board(id))
            .map(|b| b.title.clone())
            .unwrap_or_default();
        let mut chosen = current;
        ComboBox::from_id_salt("board-picker")
            .width(320.0)
            .selected_text(title)
            .show_ui(ui, |ui| {
                for board in boards {
                    ui.selectable_value(&mut chosen, Some(board.id), &board.title);
                }
            })
            .response
            .labelled_by(label.id);
        if chosen != current {
            screen.selected = chosen;
        }
        let add = ui.add_enabled(
            !cx.is_read_only,
            egui::Button::new(format!("+ {}", cx.tr(T::NewBoard))),
        );
        if add.clicked() {
            let id = BoardId::generate();
            edits.push(BoardEdit::AddBoard(Board {
                id,
                title: fill(cx.tr(T::BoardNumber), &[&(boards.len() + 1).to_string()]),
                ..Board::default()
            }));
            screen.selected = Some(id);
        }
    });
    if let Some(board) = current.and_then(|id| cx.session.board(id))
        && !board.question.is_empty()
    {
        ui.label(RichText::new(&board.question).italics());
    }
}

/// The quick entry line: type, Enter, type the next card.
fn entry_ui(
    ui: &mut Ui,
    cx: &Cx,
    board: &Board,
    entry: &mut CardEntry,
    state: &mut BoardUiState,
    edits: &mut Vec<BoardEdit>,
) {
    ui.horizontal(|ui| {
        let label = ui.label(cx.tr(T::NewCard));
        let id = egui::Id::unique("new-card-text");
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut entry.text)
                    .id(id)
                    .char_limit(crate::session::limits::CARD_TEXT)
                    .desired_width(320.0)
                    .hint_text(cx.tr(T::TypeAndEnter)),
            )
            .labelled_by(label.id);
        let author = ui.label(cx.tr(T::Author));
        let field = TextField::new(&entry.author, author.id)
            .width(160.0)
            .show(ui);
        if let Some(text) = field.changed {
            entry.author = text;
        }
        if let Some(colour) = colour_picker_ui(ui, cx, "entry-colour", entry.colour) {
            entry.colour = colour;
        }
        ui.selectable_value(&mut entry.shape, CardShape::Card, cx.tr(T::ShapeCard));
        ui.selectable_value(&mut entry.shape, CardShape::Heading, cx.tr(T::ShapeHeading));
        let submitted = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if submitted {
            if !entry.text.trim().is_empty() {
                let id = CardId::generate();
                // Where the moderator is looking: new cards land in free space there.
                edits.push(BoardEdit::add_card(
                    board,
                    id,
                    &entry.text,
                    &entry.author,
                    (entry.colour, entry.shape),
                    state.view_centre,
                ));
                state.selection = BTreeSet::from([id]);
                entry.text.clear();
            }
            // Keep typing the next card.
            response.request_focus();
        }
    });
}

/// Tidies a free board and says what it did; on a positioning board nothing moves (a card's
/// place is its answer), and it says so.
fn tidy_up(cx: &Cx, board: &Board, edits: &mut Vec<BoardEdit>) -> String {
    if board.axes.is_some() {
        cx.tr(T::TidyPositioning).to_owned()
    } else {
        let moves = crate::board::tidy::tidy(board).len();
        if moves > 0 {
            edits.push(BoardEdit::Tidy(board.id));
            i18n::plural(moves as u64, T::OneCardMoved, T::CardsMoved, cx.lang)
        } else {
            cx.tr(T::NothingOverlaps).to_owned()
        }
    }
}

/// A row of paper colours; returns the colour clicked.
fn colour_picker_ui(ui: &mut Ui, cx: &Cx, id_salt: &str, colour: CardColour) -> Option<CardColour> {
    let mut clicked = None;
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 2.0;
        for option in CardColour::ALL {
            let name = i18n::colour_name(option, cx.lang);
            let selected = colour == option;
            let button = egui::Button::new(if selected { "\u{2713}" } else { " " })
                .fill(paper(option))
                .min_size(vec2(20.0, 20.0));
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
                clicked = Some(option);
            }
        }
    });
    clicked
}

/// "Type cards (n)" while the board has cards without text (read off a photo).
fn transcribe_button_ui(
    ui: &mut Ui,
    cx: &Cx,
    board: &Board,
    typing: &mut Option<transcribe::Transcribe>,
) {
    let untyped = transcribe::untyped(board).count();
    if untyped == 0 || cx.is_read_only {
        return;
    }
    let text = crate::i18n::fill(cx.tr(T::TranscribeButton), &[&untyped.to_string()]);
    if ui
        .button(text)
        .on_hover_text(cx.tr(T::TranscribeButtonHelp))
        .clicked()
    {
        *typing = transcribe::Transcribe::start(board);
    }
}

fn toolbar_ui(
    ui: &mut Ui,
    cx: &mut Cx,
    board: &Board,
    state: &mut BoardUiState,
    edits: &mut Vec<BoardEdit>,
) -> Option<String> {
    let mut said = None;
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(cx.tr(T::FitAll))
            .on_hover_text(Keyed::FitAll.hint(ui.ctx(), cx.lang))
            .clicked()
        {
            state.needs_fit = true;
        }
        ui.label(RichText::new(format!("{:.0} %", state.zoom * 100.0)).weak());
        if state.fit_left_out {
            // Said, not silently cut: at a readable size the board is larger than the window.
            ui.label(RichText::new(cx.tr(T::BoardLargerThanView)).weak())
                .on_hover_text(cx.tr(T::BoardLargerThanViewHelp));
        }
        ui.separator();
        let from_photo = ui.add_enabled(
            !cx.is_read_only,
            egui::Button::new(cx.tr(T::PhotoBoardButton)),
        );
        if from_photo
            .on_hover_text(cx.tr(T::PhotoBoardButtonHelp))
            .clicked()
        {
            cx.command(Command::ChoosePath(
                crate::app::command::PathPurpose::PhotoBoard,
            ));
        }
        ui.separator();
        ui.add_enabled_ui(!cx.is_read_only, |ui| {
            let has_selection = !state.selection.is_empty();
            let group = ui.add_enabled(
                state.selection.len() >= 2,
                egui::Button::new(cx.tr(T::Group)),
            );
            if group
                .on_hover_text(Keyed::GroupCards.hint(ui.ctx(), cx.lang))
                .clicked()
            {
                group_selection(cx, board, state, edits);
            }
            let duplicate = ui.add_enabled(has_selection, egui::Button::new(cx.tr(T::Duplicate)));
            if duplicate
                .on_hover_text(Keyed::DuplicateCards.hint(ui.ctx(), cx.lang))
                .clicked()
            {
                duplicate_selection(board, state, edits);
            }
            let delete = ui.add_enabled(has_selection, egui::Button::new(cx.tr(T::Delete)));
            if delete
                .on_hover_text(Keyed::DeleteCards.hint(ui.ctx(), cx.lang))
                .clicked()
            {
                edits.push(BoardEdit::DeleteCards(board.id, state.selection.clone()));
                state.selection.clear();
            }
            let tidy = ui.add_enabled(!board.cards.is_empty(), egui::Button::new(cx.tr(T::TidyUp)));
            let help = if board.axes.is_some() {
                T::TidyUpPositioningHelp
            } else {
                T::TidyUpHelp
            };
            if tidy.on_hover_text(cx.tr(help)).clicked() {
                said = Some(tidy_up(cx, board, edits));
            }
            // Always there, so the buttons after it never move with the selection.
            let colour = board
                .cards
                .iter()
                .find(|c| state.selection.contains(&c.id))
                .map(|c| c.colour)
                .unwrap_or_default();
            ui.add_enabled_ui(has_selection, |ui| {
                if let Some(colour) = colour_picker_ui(ui, cx, "selection-colour", colour) {
                    edits.push(BoardEdit::SetCardColour(
                        board.id,
                        state.selection.clone(),
                        colour,
                    ));
                }
            });
        });
        ui.separator();
        voting_ui(ui, cx, board, state);
        ui.separator();
        highlight_ui(ui, cx, board, state);
    });
    said
}

/// Dot voting on or off, and how many dots are left.
fn voting_ui(ui: &mut Ui, cx: &Cx, board: &Board, state: &mut BoardUiState) {
    let participants = cx.session.meta.participants.len();
    ui.toggle_value(&mut state.is_voting, cx.tr(T::DotVoting))
        .on_hover_text(cx.tr(T::DotVotingHelp));
    match votes::dots_left(board, participants) {
        Some(left) => {
            ui.label(i18n::plural(
                u64::from(left),
                T::DotLeft,
                T::DotsLeft,
                cx.lang,
            ));
            let budget = u64::from(board.dots_per_person) * participants as u64;
            let whose = fill(
                cx.tr(T::DotsBudget),
                &[&budget.to_string(), &board.dots_per_person.to_string()],
            );
            // Moves to the next line as a whole when the row is full.
            let text = RichText::new(format!("({whose})")).weak();
            ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend));
        }
        None => {
            ui.label(RichText::new(cx.tr(T::NoDotLimit)).weak());
        }
    }
}

/// Whose cards stand out: everyone's, or one author's (organisation's).
fn highlight_ui(ui: &mut Ui, cx: &Cx, board: &Board, state: &mut BoardUiState) {
    let authors: BTreeSet<String> = board
        .cards
        .iter()
        .map(|c| c.author.clone())
        .filter(|a| !a.is_empty())
        .collect();
    let label = ui.label(cx.tr(T::ShowBy));
    let shown = state
        .highlight_author
        .clone()
        .unwrap_or_else(|| cx.tr(T::Everyone).to_owned());
    ComboBox::from_id_salt("highlight-author")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut state.highlight_author, None, cx.tr(T::Everyone));
            for author in authors {
                ui.selectable_value(&mut state.highlight_author, Some(author.clone()), author);
            }
        })
        .response
        .labelled_by(label.id);
}

fn group_selection(cx: &Cx, board: &Board, state: &mut BoardUiState, edits: &mut Vec<BoardEdit>) {
    let cluster = ClusterId::generate();
    edits.push(BoardEdit::Group {
        board: board.id,
        cluster,
        cards: state.selection.clone(),
        fallback_title: fill(
            cx.tr(T::ClusterNumber),
            &[&(board.clusters.len() + 1).to_string()],
        ),
    });
    state.selected_cluster = Some(cluster);
}

fn duplicate_selection(board: &Board, state: &mut BoardUiState, edits: &mut Vec<BoardEdit>) {
    let pairs: Vec<(CardId, CardId)> = state
        .selection
        .iter()
        .map(|id| (*id, CardId::generate()))
        .collect();
    state.selection = pairs.iter().map(|(_, copy)| *copy).collect();
    edits.push(BoardEdit::DuplicateCards(board.id, pairs));
}

/// Board keys, when no text field has the focus.
fn keys(ui: &mut Ui, cx: &Cx, board: &Board, state: &mut BoardUiState, edits: &mut Vec<BoardEdit>) {
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
    let may_edit = !cx.is_read_only;
    ui.input_mut(|i| {
        // Nudge: ←, →, ↑, ↓ in the table's order.
        while let Some(direction) = Keyed::Nudge.consume(i) {
            let (dx, dy) = [(-1.0, 0.0), (1.0, 0.0), (0.0, -1.0), (0.0, 1.0)][direction];
            if may_edit && !state.selection.is_empty() {
                edits.push(BoardEdit::MoveCards {
                    board: board.id,
                    cards: state.selection.clone(),
                    dx: dx * step,
                    dy: dy * step,
                    regroup: false,
                });
            }
        }
        if Keyed::DeleteCards.consume(i).is_some() && may_edit && !state.selection.is_empty() {
            edits.push(BoardEdit::DeleteCards(board.id, state.selection.clone()));
            state.selection.clear();
        }
        if Keyed::DuplicateCards.consume(i).is_some() && may_edit && !state.selection.is_empty() {
            duplicate_selection(board, state, edits);
        }
        if Keyed::GroupCards.consume(i).is_some() && may_edit && state.selection.len() >= 2 {
            group_selection(cx, board, state, edits);
        }
        if Keyed::SelectAll.consume(i).is_some() {
            state.selection = board.cards.iter().map(|c| c.id).collect();
        }
        if Keyed::Deselect.consume(i).is_some() {
            state.selection.clear();
            state.selected_cluster = None;
        }
        if Keyed::ZoomIn.consume(i).is_some() {
            state.zoom_at(origin, canvas_centre, 1.25);
        }
        if Keyed::ZoomOut.consume(i).is_some() {
            state.zoom_at(origin, canvas_centre, 0.8);
        }
        if Keyed::FitAll.consume(i).is_some() {
            state.needs_fit = true;
        }
    });
}
