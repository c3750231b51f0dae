//! The moderator's side of phones in the room: open and close the server, choose what phones
//! may do, show the QR code, and take in what phones send, each frame. The server runs on its
//! own thread; here nothing blocks but `Close`, which joins it in milliseconds.

use std::net::IpAddr;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use egui::{Color32, RichText, Ui};

use super::ModeratoApp;
use crate::i18n::{self, Lang, T, fill};
use crate::ids::{BoardId, CardId};
use crate::phones::session::{Allow, InboxCard, PhoneEntries, Received, phase_for, receive};
use crate::phones::{Arrival, PhoneServer, Room, StartError, local_addresses, qr_matrix};

/// Phones in the room: the server while open, what phones may do, what they sent.
pub struct Phones {
    server: Option<PhoneServer>,
    /// Kept across close and open: phones that joined stay joined until a new code.
    room: Arc<Room>,
    arrivals: Option<Receiver<Arrival>>,
    pub allow: Allow,
    /// The board phones write or dot for; the board screen's board when unset.
    pub board: Option<BoardId>,
    /// Cards from phones go straight onto the wall instead of the inbox.
    pub straight_to_wall: bool,
    entries: PhoneEntries,
    pub is_window_open: bool,
    /// The network address chosen to open on.
    pub address: Option<IpAddr>,
    error: Option<String>,
    /// The QR code of the join address, made once per address.
    qr: Option<(String, usize, Vec<bool>)>,
}

impl Default for Phones {
    fn default() -> Self {
        Self {
            server: None,
            room: Room::new(),
            arrivals: None,
            allow: Allow::Nothing,
            board: None,
            straight_to_wall: false,
            entries: PhoneEntries::default(),
            is_window_open: false,
            address: None,
            error: None,
            qr: None,
        }
    }
}

impl Phones {
    /// Whether the server is open.
    pub fn is_open(&self) -> bool {
        self.server.as_ref().is_some_and(PhoneServer::is_running)
    }

    /// The join address (with its token), while open.
    pub fn join_url(&self) -> Option<String> {
        self.server.as_ref().map(PhoneServer::join_url)
    }

    /// The address without the token, to type by hand, while open.
    pub fn short_url(&self) -> Option<String> {
        self.server.as_ref().map(PhoneServer::short_url)
    }

    /// The QR code of the join address: side length and modules, row by row.
    fn qr(&mut self) -> Option<(usize, &[bool])> {
        let url = self.join_url()?;
        if self.qr.as_ref().is_none_or(|(for_url, ..)| *for_url != url) {
            let (side, modules) = qr_matrix(&url)?;
            self.qr = Some((url, side, modules));
        }
        self.qr
            .as_ref()
            .map(|(_, side, modules)| (*side, modules.as_slice()))
    }

    /// Opens the server on the chosen address (the first of this computer's otherwise).
    pub fn open(&mut self, ctx: &egui::Context, lang: Lang) {
        let Some(address) = self
            .address
            .or_else(|| local_addresses().first().map(|(_, a)| *a))
        else {
            self.error = Some(T::PhonesNoAddress.get(lang).to_owned());
            return;
        };
        let (sender, receiver) = channel();
        let repaint = ctx.clone();
        let wake: crate::phones::Wake = Arc::new(move || repaint.request_repaint());
        match PhoneServer::start(address, None, Arc::clone(&self.room), sender, wake) {
            Ok(server) => {
                self.address = Some(address);
                self.server = Some(server);
                self.arrivals = Some(receiver);
                self.error = None;
            }
            Err(error) => self.error = Some(start_error(&error, lang)),
        }
    }

    /// Opens on a given address and port (tests open on loopback).
    pub fn open_on(&mut self, address: IpAddr, port: u16) -> Result<(), StartError> {
        let (sender, receiver) = channel();
        let wake: crate::phones::Wake = Arc::new(|| {});
        let server = PhoneServer::start(address, Some(port), Arc::clone(&self.room), sender, wake)?;
        self.server = Some(server);
        self.arrivals = Some(receiver);
        Ok(())
    }

    /// Closes the server at once; phones show "no connection".
    pub fn close(&mut self) {
        if let Some(mut server) = self.server.take() {
            server.stop();
        }
        self.arrivals = None;
    }

    /// How many phones are connected now.
    pub fn connected(&self) -> usize {
        self.server
            .as_ref()
            .map_or(0, PhoneServer::connected_phones)
    }

    /// A new join code: every phone so far is out and must scan again.
    pub fn rotate(&mut self) {
        self.room.rotate_token();
    }
}

/// A failure to open, in plain words in the UI language.
fn start_error(error: &StartError, lang: Lang) -> String {
    match error {
        StartError::PortInUse { port } => fill(T::PhonesPortInUse.get(lang), &[&port.to_string()]),
        StartError::AddressNotAvailable { addr } => {
            fill(T::PhonesAddressGone.get(lang), &[&addr.to_string()])
        }
        StartError::PermissionDenied { port } => {
            fill(T::PhonesPermission.get(lang), &[&port.to_string()])
        }
        other => fill(T::PhonesCannotOpen.get(lang), &[&other.to_string()]),
    }
}

impl ModeratoApp {
    /// Each frame: tell the phones what they may do now, and take in what they sent.
    pub(super) fn poll_phones(&mut self) {
        if !self.phones.is_open() {
            return;
        }
        let board = self.phones_board();
        let phase = phase_for(self.doc.session(), self.phones.allow, board);
        self.phones.room.set_phase(phase);
        let arrivals: Vec<Arrival> = match &self.phones.arrivals {
            Some(receiver) => receiver.try_iter().collect(),
            None => Vec::new(),
        };
        for arrival in arrivals {
            self.take_in(arrival);
        }
    }

    /// The board phones work on: the chosen one, else the one the board screen shows.
    pub(super) fn phones_board(&self) -> Option<BoardId> {
        let session = self.doc.session();
        self.phones
            .board
            .or(self.screens.board.selected)
            .filter(|id| session.board(*id).is_some())
            .or_else(|| session.boards.first().map(|b| b.id))
    }

    fn take_in(&mut self, arrival: Arrival) {
        if self.doc.is_read_only() {
            self.shell.status = Some(self.tr(T::PhonesReadOnly).to_owned());
            return;
        }
        match receive(self.doc.session(), arrival, &mut self.phones.entries) {
            Received::Card(card) if self.phones.straight_to_wall => self.accept_phone_card(&card),
            Received::Card(card) => self.screens.board.inbox.push(card),
            Received::Edits(edits) => {
                for edit in edits {
                    self.apply(edit);
                }
            }
            Received::Nothing => {}
        }
    }

    /// Puts a card from a phone on its board's wall: one undoable edit.
    pub(super) fn accept_phone_card(&mut self, card: &InboxCard) {
        let Some(board) = self.doc.session().board(card.board) else {
            return;
        };
        let edit = card.accept(board, CardId::generate(), None);
        self.apply(edit.into());
    }

    /// The "Phones in the room" window.
    pub(super) fn phones_ui(&mut self, ctx: &egui::Context) {
        if !self.phones.is_window_open {
            return;
        }
        let lang = self.lang();
        let mut is_open = true;
        egui::Window::new(T::PhonesTitle.get(lang))
            .id(egui::Id::unique("phones-window"))
            .open(&mut is_open)
            .default_size([440.0, 760.0])
            // At the right, below the tabs: the screens stay reachable while it is open.
            .pivot(egui::Align2::RIGHT_TOP)
            .default_pos(ctx.content_rect().right_top() + egui::vec2(-16.0, 80.0))
            .show(ctx, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| self.phones_window_ui(ui, lang));
            });
        if !is_open {
            self.phones.is_window_open = false;
        }
    }

    fn phones_window_ui(&mut self, ui: &mut Ui, lang: Lang) {
        let tr = |key: T| key.get(lang);
        ui.label(tr(T::PhonesIntro));
        ui.add_space(6.0);
        if !self.phones.is_open() {
            self.phones_closed_ui(ui, lang);
            return;
        }
        if let Some((side, modules)) = self.phones.qr() {
            qr_ui(ui, side, modules, 220.0);
        }
        if let Some(url) = self.phones.short_url() {
            ui.label(RichText::new(url).monospace().size(20.0).strong());
        }
        if let Some(url) = self.phones.join_url() {
            ui.add(
                egui::Label::new(RichText::new(url).monospace().small().weak()).selectable(true),
            );
        }
        let connected = self.phones.connected() as u64;
        ui.label(i18n::plural(
            connected,
            T::PhonesConnectedOne,
            T::PhonesConnected,
            lang,
        ));
        ui.separator();
        self.phones_allow_ui(ui, lang);
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr(T::PhonesRotate)).clicked() {
                self.phones.rotate();
            }
            if ui.button(tr(T::PhonesClose)).clicked() {
                self.phones.close();
            }
        });
        ui.label(RichText::new(tr(T::PhonesPlainHttp)).weak());
    }

    fn phones_closed_ui(&mut self, ui: &mut Ui, lang: Lang) {
        let tr = |key: T| key.get(lang);
        let addresses = local_addresses();
        if addresses.is_empty() {
            ui.label(RichText::new(tr(T::PhonesNoAddress)).color(ui.visuals().warn_fg_color));
        } else {
            let chosen = self.phones.address.unwrap_or(addresses[0].1);
            let shown = addresses
                .iter()
                .find(|(_, a)| *a == chosen)
                .map_or_else(|| chosen.to_string(), |(name, a)| format!("{a} ({name})"));
            egui::ComboBox::from_label(tr(T::PhonesNetwork))
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for (name, address) in &addresses {
                        let text = format!("{address} ({name})");
                        if ui.selectable_label(*address == chosen, text).clicked() {
                            self.phones.address = Some(*address);
                        }
                    }
                });
        }
        if ui
            .button(RichText::new(tr(T::PhonesOpen)).strong())
            .clicked()
        {
            let ctx = ui.ctx().clone();
            self.phones.open(&ctx, lang);
        }
        if let Some(error) = &self.phones.error {
            ui.label(RichText::new(error).color(ui.visuals().error_fg_color));
        }
        ui.label(RichText::new(tr(T::PhonesPlainHttp)).weak());
    }

    fn phones_allow_ui(&mut self, ui: &mut Ui, lang: Lang) {
        let tr = |key: T| key.get(lang);
        ui.label(RichText::new(tr(T::PhonesMayDo)).strong());
        for allow in Allow::ALL {
            let label = match allow {
                Allow::Nothing => T::PhonesAllowNothing,
                Allow::Cards => T::PhonesAllowCards,
                Allow::Dots => T::PhonesAllowDots,
                Allow::Ratings => T::PhonesAllowRatings,
            };
            ui.radio_value(&mut self.phones.allow, allow, tr(label));
        }
        if self.phones.allow.needs_board() {
            let session = self.doc.session();
            let current = self.phones_board();
            let title = current
                .and_then(|id| session.board(id))
                .map(|b| b.title.clone())
                .unwrap_or_default();
            let mut chosen = None;
            egui::ComboBox::from_label(tr(T::PhonesForBoard))
                .selected_text(title)
                .show_ui(ui, |ui| {
                    for board in &session.boards {
                        if ui
                            .selectable_label(Some(board.id) == current, &board.title)
                            .clicked()
                        {
                            chosen = Some(board.id);
                        }
                    }
                });
            if chosen.is_some() {
                self.phones.board = chosen;
            }
        }
        if self.phones.allow == Allow::Cards {
            ui.checkbox(
                &mut self.phones.straight_to_wall,
                tr(T::PhonesStraightToWall),
            );
        }
        let waiting = self.screens.board.inbox.len();
        if waiting > 0 {
            let board = self.screens.board.inbox[0].board;
            let title = self
                .doc
                .session()
                .board(board)
                .map(|b| b.title.clone())
                .unwrap_or_default();
            let text = fill(tr(T::PhonesWaiting), &[&waiting.to_string(), &title]);
            ui.label(RichText::new(text).color(ui.visuals().warn_fg_color));
        }
    }

    /// The join QR code and address in the projector window's bottom left corner, while
    /// phones are open.
    pub(super) fn phones_projector_ui(&mut self, ui: &mut Ui, area: egui::Rect) {
        if !self.phones.is_open() {
            return;
        }
        let lang = self.lang();
        let short = self.phones.short_url().unwrap_or_default();
        let side = (area.height() * 0.3).clamp(120.0, 360.0);
        let corner = egui::Rect::from_min_size(
            egui::pos2(area.left(), area.bottom() - side),
            egui::vec2(side, side),
        );
        if let Some((modules_side, modules)) = self.phones.qr() {
            qr_painted(ui, corner, modules_side, modules);
        }
        ui.painter().text(
            egui::pos2(corner.right() + 16.0, corner.bottom()),
            egui::Align2::LEFT_BOTTOM,
            fill(T::PhonesJoinAt.get(lang), &[&short]),
            egui::FontId::proportional((area.height() * 0.035).max(14.0)),
            Color32::WHITE,
        );
    }
}

/// Draws a QR code `size` points wide, dark on white with a quiet zone of four modules.
pub(super) fn qr_ui(ui: &mut Ui, side: usize, modules: &[bool], size: f32) {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "QR code"));
    qr_painted(ui, rect, side, modules);
}

/// Paints a QR code into `rect` (a square).
fn qr_painted(ui: &Ui, rect: egui::Rect, side: usize, modules: &[bool]) {
    let size = rect.width();
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    let cell = size / (side + 8) as f32;
    for (index, _) in modules.iter().enumerate().filter(|(_, dark)| **dark) {
        let (row, column) = (index / side, index % side);
        let min = rect.min + egui::vec2((column + 4) as f32 * cell, (row + 4) as f32 * cell);
        // A hair wider than the cell, so no seams show between dark modules.
        let module = egui::Rect::from_min_size(min, egui::vec2(cell + 0.3, cell + 0.3));
        painter.rect_filled(module, 0.0, Color32::BLACK);
    }
}
