//! Interaction tests: the real app, headless, driven through its labels like a user would.
//! One file per screen; the helpers every screen's tests share are here.

#[path = "../common/app.rs"]
mod app;
#[path = "../common/mod.rs"]
mod common;
#[path = "../common/phones.rs"]
mod phones_client;

use std::fs;
use std::path::{Path, PathBuf};

use app::{Setup, sessions_with_example, settle, start};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use moderato::app::{ModeratoApp, Screen, StartWith};
use moderato::clock::Clock;
use moderato::i18n::Lang;
use moderato::storage;

mod agenda;
mod board;
mod figures;
mod input;
mod phones;
mod photo_board;
mod photos;
mod reflection;
mod review;
mod shell;

fn app_on(dir: &Path, open: Option<PathBuf>, lang: Lang) -> Harness<'static, ModeratoApp> {
    let setup = Setup {
        start: open.map_or(StartWith::LastSession, StartWith::Session),
        lang,
        size: [1400.0, 1000.0],
        ..Setup::on(PathBuf::new())
    };
    start(dir, setup)
}

fn app_with_clock(dir: &Path, folder: PathBuf, clock: Clock) -> Harness<'static, ModeratoApp> {
    start(
        dir,
        Setup {
            clock,
            ..Setup::on(folder)
        },
    )
}

/// A session with one day of three pending items, 10 + 20 + 15 minutes, starting now.
fn pending_agenda_session(dir: &Path) -> PathBuf {
    use moderato::agenda::{AgendaDay, AgendaItem};
    use moderato::ids::{AgendaDayId, AgendaItemId};
    use moderato::session::Session;
    let mut session = Session::create("Zeitplan-Test");
    let items = [
        ("Begrüßung", 10),
        ("Diskussion über Öffnungszeiten", 20),
        ("Abschluss", 15),
    ]
    .into_iter()
    .map(|(title, planned_minutes)| AgendaItem {
        id: AgendaItemId::generate(),
        title: title.into(),
        planned_minutes,
        ..AgendaItem::default()
    })
    .collect();
    session.agenda.days.push(AgendaDay {
        id: AgendaDayId::generate(),
        items,
        ..AgendaDay::default()
    });
    let folder = dir.join("zeitplan");
    storage::save(&folder, &session).unwrap();
    folder
}

/// A session with two participants and an empty board allowing two dots each.
fn empty_board_session(dir: &Path) -> PathBuf {
    use moderato::board::Board;
    use moderato::ids::{BoardId, ParticipantId};
    use moderato::session::{Participant, Session};
    let mut session = Session::create("Ideenwerkstatt Mühlental");
    for name in ["Jürgen", "Ayşe"] {
        session.meta.participants.push(Participant {
            id: ParticipantId::generate(),
            name: name.into(),
            ..Participant::default()
        });
    }
    session.boards.push(Board {
        id: BoardId::generate(),
        title: "Ideen".into(),
        dots_per_person: 2,
        ..Board::default()
    });
    let folder = dir.join("ideen");
    storage::save(&folder, &session).unwrap();
    folder
}
