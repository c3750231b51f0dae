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
//!    the focus.

use std::collections::HashMap;

use egui::{Event, Key, KeyboardShortcut, Modifiers, RawInput, ViewportId};

use super::ModeratoApp;
use super::command::{Command, Screen};
use crate::agenda::live::LiveAction;

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

impl ModeratoApp {
    /// Shortcuts with Ctrl (always) and single keys (only when no text field has the focus).
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        let shortcut = KeyboardShortcut::new;
        let is_typing = ctx.text_edit_focused();
        // A field that was only just focused (a new row) has nothing of its own to undo:
        // Ctrl+Z then undoes the last edit, such as adding the row.
        let field_has_undo = is_typing && self.doc.is_typing();
        let screen = self.shell.screen;
        let is_round_running =
            crate::agenda::speaking::running(&self.doc.session().agenda, self.options.clock.now())
                .is_some();
        let commands = &mut self.intents.commands;
        ctx.input_mut(|input| {
            if input.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::S)) {
                commands.push(Command::Save);
            }
            if input.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::O)) {
                commands.push(Command::ChoosePath(super::PathPurpose::Open));
            }
            if input.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::N)) {
                commands.push(Command::NewSession);
            }
            // Ctrl+1 … Ctrl+6: the screens, in the order of their tabs.
            let digits = [
                Key::Num1,
                Key::Num2,
                Key::Num3,
                Key::Num4,
                Key::Num5,
                Key::Num6,
            ];
            for (key, screen) in digits.into_iter().zip(Screen::ALL) {
                if input.consume_shortcut(&shortcut(Modifiers::COMMAND, key)) {
                    commands.push(Command::Show(screen));
                }
            }
            // While typing, the text field's own undo handles Ctrl+Z.
            if !field_has_undo {
                let redo = shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
                if input.consume_shortcut(&redo)
                    || input.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::Y))
                {
                    commands.push(Command::Redo);
                }
                if input.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::Z)) {
                    commands.push(Command::Undo);
                }
            }
            // While typing, letters are text.
            if is_typing {
                return;
            }
            let keys = [
                (Key::Space, Command::Live(LiveAction::Toggle)),
                (Key::N, Command::Live(LiveAction::Next)),
                (Key::Plus, Command::Live(LiveAction::Extend(60))),
                (Key::Equals, Command::Live(LiveAction::Extend(60))),
                (Key::Minus, Command::Live(LiveAction::Extend(-60))),
                (Key::P, Command::ToggleProjector),
                (Key::F1, Command::ToggleHelp),
                (Key::Questionmark, Command::ToggleHelp),
                (
                    Key::Enter,
                    Command::Round(crate::agenda::speaking::RoundAction::Next),
                ),
            ];
            for (key, command) in keys {
                if key == Key::Enter && !is_round_running {
                    continue;
                }
                // On the board, + and − zoom.
                let is_zoom_key = matches!(key, Key::Plus | Key::Equals | Key::Minus);
                if is_zoom_key && screen == Screen::Board {
                    continue;
                }
                if input.consume_key(Modifiers::NONE, key)
                    || (key == Key::Questionmark && input.consume_key(Modifiers::SHIFT, key))
                {
                    commands.push(command);
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::PointerButton;

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
