//! Keyboard input a moderator can trust. Two rules:
//!
//! 1. One focus change per frame. egui hands a frame all of its input at once, and a field
//!    that loses the focus during the frame (Escape, Tab, Enter, a click elsewhere) does not
//!    see the keys that came before the boundary in the same frame: typed quickly, or on a
//!    slow laptop, they were dropped or reached the screen as shortcuts. [`InputPacer`]
//!    ends the frame's input at such a boundary and hands the rest to the next frame (it
//!    asks for that frame at once), so every event is handled in the focus state it was
//!    typed in. The price is a frame's delay for the held-back events, not their loss. It
//!    is a workaround for how egui orders focus and input, tested by the burst tests in
//!    `tests/ui.rs`; a later egui may make it unnecessary.
//! 2. Single-key shortcuts (Space, N, P, + / −, ?, Enter) act only when no text field has
//!    the focus, the timer's only on the Agenda screen, and of a burst of keys that no field
//!    took (typing that missed its field) only the first acts.

use std::collections::HashMap;

use egui::{Event, Key, RawInput, ViewportId};

use super::ModeratoApp;
use super::command::Screen;
use super::keys::{Keyed, Scope};

/// Holds back input after a focus boundary until the next frame (see the module's text).
#[derive(Default)]
pub struct InputPacer {
    pending: HashMap<ViewportId, Vec<Event>>,
}

/// Registers the pacer with the context.
pub fn install(ctx: &egui::Context) {
    ctx.add_plugin(InputPacer::default());
}

/// Whether an event can move the keyboard focus: before it (a press, an Escape) the
/// frame must end, and after it (a release, Tab, Enter, Escape) too.
fn boundary(event: &Event) -> (bool, bool) {
    match event {
        Event::Key {
            key: Key::Escape,
            pressed: true,
            ..
        } => (true, true),
        Event::Key {
            key: Key::Tab | Key::Enter,
            pressed: true,
            ..
        } => (false, true),
        Event::PointerButton { pressed: true, .. } => (true, false),
        Event::PointerButton { pressed: false, .. } => (false, true),
        _ => (false, false),
    }
}

/// Events that change nothing about focus or text (moves, releases of keys).
fn is_neutral(event: &Event) -> bool {
    matches!(
        event,
        Event::PointerMoved(_) | Event::MouseMoved(_) | Event::Key { pressed: false, .. }
    )
}

/// Splits events into those of this frame and those held back for the next.
pub fn pace(events: Vec<Event>) -> (Vec<Event>, Vec<Event>) {
    let mut now = Vec::with_capacity(events.len());
    let mut rest = events.into_iter();
    while let Some(event) = rest.next() {
        let (before, after) = boundary(&event);
        if before && now.iter().any(|e| !is_neutral(e)) {
            let mut later = vec![event];
            later.extend(rest);
            return (now, later);
        }
        now.push(event);
        if after {
            // The release of the key or button that ends the frame may come along.
            let mut later: Vec<Event> = rest.collect();
            if let Some(first) = later.first()
                && is_release_of(first, now.last())
            {
                now.push(later.remove(0));
            }
            return (now, later);
        }
    }
    (now, Vec::new())
}

fn is_release_of(event: &Event, pressed: Option<&Event>) -> bool {
    match (event, pressed) {
        (
            Event::Key {
                key,
                pressed: false,
                ..
            },
            Some(Event::Key { key: down, .. }),
        ) => key == down,
        _ => false,
    }
}

impl egui::Plugin for InputPacer {
    fn debug_name(&self) -> &'static str {
        "moderato-input-pacer"
    }

    fn input_hook(&mut self, ctx: &egui::Context, input: &mut RawInput) {
        let viewport = input.viewport_id;
        let mut events = self.pending.remove(&viewport).unwrap_or_default();
        events.append(&mut input.events);
        let (now, later) = pace(events);
        input.events = now;
        if !later.is_empty() {
            self.pending.insert(viewport, later);
            ctx.request_repaint_of(viewport);
        }
    }
}

/// Keys typed within this many seconds of the last key that no field took are a burst of
/// typing that missed its field, not commands: only the first acts.
const BURST_GAP_SECS: f64 = 0.4;

impl ModeratoApp {
    /// The main window's shortcuts, read from the table in `keys.rs`: with Ctrl always,
    /// single keys only when no text field has the focus, and the timer's keys only on the
    /// Agenda screen (the projector window has its own).
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        let is_typing = ctx.text_edit_focused();
        // A field that was only just focused (a new row) has nothing of its own to undo:
        // Ctrl+Z then undoes the last edit, such as adding the row.
        let field_has_undo = is_typing && self.doc.is_typing();
        let screen = self.shell.screen;
        let is_round_running =
            crate::agenda::speaking::running(&self.doc.session().agenda, self.options.clock.now())
                .is_some();
        let is_burst = !is_typing && self.loose_keys(ctx);
        let commands = &mut self.intents.commands;
        ctx.input_mut(|input| {
            for keyed in Keyed::ALL {
                let acts = match keyed.scope() {
                    // While typing, the text field's own undo handles Ctrl+Z.
                    Scope::Anywhere => {
                        !(field_has_undo && matches!(keyed, Keyed::Undo | Keyed::Redo))
                    }
                    Scope::NoTyping => !is_typing && !is_burst,
                    Scope::Live => !is_typing && !is_burst && screen == Screen::Agenda,
                    Scope::Round => !is_typing && !is_burst && is_round_running,
                    Scope::Board | Scope::AgendaTitle | Scope::Projector => false,
                };
                if !acts {
                    continue;
                }
                if let Some(index) = keyed.consume(input)
                    && let Some(command) = keyed.command(index)
                {
                    commands.push(command);
                }
            }
        });
    }

    /// Whether this frame's keys, which no text field takes, follow others closely: a burst
    /// of typing that missed its field.
    fn loose_keys(&mut self, ctx: &egui::Context) -> bool {
        let (typed, time) = ctx.input(|i| {
            let text: usize = i
                .events
                .iter()
                .map(|e| match e {
                    Event::Text(text) => text.chars().count(),
                    _ => 0,
                })
                .sum();
            // A key's press may reach a frame without its text (or the other way round):
            // presses of plain keys count too, once per keystroke.
            let presses = i
                .events
                .iter()
                .filter(|e| {
                    matches!(e, Event::Key { pressed: true, repeat: false, modifiers, .. }
                        if !modifiers.ctrl && !modifiers.command && !modifiers.alt)
                })
                .count();
            (text.max(presses), i.time)
        });
        if typed == 0 {
            return false;
        }
        let follows = self
            .shell
            .last_loose_key
            .is_some_and(|last| time - last < BURST_GAP_SECS);
        self.shell.last_loose_key = Some(time);
        typed > 1 || follows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Modifiers, PointerButton};

    fn press_at(pos: egui::Pos2) -> Event {
        Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed: true,
            modifiers: Modifiers::NONE,
        }
    }

    fn key(key: Key, pressed: bool) -> Event {
        Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: Modifiers::NONE,
        }
    }

    #[test]
    fn text_before_an_escape_is_handled_before_the_escape() {
        let burst = vec![
            Event::Text(" Pn".into()),
            key(Key::P, true),
            key(Key::Escape, true),
            key(Key::Escape, false),
            Event::Text("x".into()),
        ];
        let (now, later) = pace(burst);
        assert_eq!(now, vec![Event::Text(" Pn".into()), key(Key::P, true)]);
        let (now, later) = pace(later);
        assert_eq!(now, vec![key(Key::Escape, true), key(Key::Escape, false)]);
        assert_eq!(later, vec![Event::Text("x".into())]);
    }

    #[test]
    fn enter_ends_a_frame_after_it() {
        let (now, later) = pace(vec![
            Event::Text("Radwege".into()),
            key(Key::Enter, true),
            key(Key::Enter, false),
            Event::Text("Bänke".into()),
        ]);
        assert_eq!(now.len(), 3);
        assert_eq!(later, vec![Event::Text("Bänke".into())]);
    }

    #[test]
    fn a_click_waits_for_the_text_typed_before_it() {
        let pos = egui::pos2(10.0, 10.0);
        let (now, later) = pace(vec![Event::Text("abc".into()), press_at(pos)]);
        assert_eq!(now, vec![Event::Text("abc".into())]);
        assert_eq!(later, vec![press_at(pos)]);
        let (now, later) = pace(vec![Event::PointerMoved(pos), press_at(pos)]);
        assert_eq!(now.len(), 2, "a move before a press is no reason to wait");
        assert!(later.is_empty());
    }
}
