//! Consolidating several sessions: merges, provenance, determinism, kept decisions, and the
//! command line on real folders.

// Only the app's start is used here.
#[allow(dead_code)]
#[path = "common/app.rs"]
mod app;
#[allow(dead_code)]
mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use jiff::civil::date;
use moderato::board::{Board, Card, Cluster};
use moderato::consolidate::{Input, consolidate};
use moderato::ids::{
    ActionItemId, BoardId, CardId, ClusterId, DimensionId, ParticipantId, PhotoId,
    ReflectionEntryId, ResultId,
};
use moderato::photos::{Photo, PhotoLink};
use moderato::reflection::ReflectionEntry;
use moderato::reflection::figures::figures;
use moderato::results::{ActionItem, Decision, Due};
use moderato::session::{DecisionState, MergeDecision, MergeKind, Participant, Session};
use moderato::storage;
use moderato::text::normalise;

struct Spec {
    title: &'static str,
    day: i8,
    org: &'static str,
    clusters: &'static [(&'static str, &'static [&'static str])],
    actions: &'static [(&'static str, &'static str)],
    rating: i32,
}

fn session(spec: &Spec) -> Session {
    let mut s = Session::create(spec.title);
    s.meta.series = "Modellkommunen Open Government".into();
    s.meta.dates = vec![date(2018, 1, spec.day)];
    s.meta.participants.push(Participant {
        id: ParticipantId::generate(),
        name: format!("Person aus {}", spec.org),
        organisation: spec.org.into(),
        ..Participant::default()
    });
    let mut board = Board {
        id: BoardId::generate(),
        title: "Prinzipien".into(),
        ..Board::default()
    };
    for (title, cards) in spec.clusters {
        let mut members = Vec::new();
        for text in *cards {
            let card = Card {
                id: CardId::generate(),
                text: (*text).into(),
                author: spec.org.into(),
                x: 0.5,
                y: 0.5,
                votes: 1,
                ..Card::default()
            };
            members.push(card.id);
            board.cards.push(card);
        }
        board.clusters.push(Cluster {
            id: ClusterId::generate(),
            title: (*title).into(),
            cards: members,
            ..Cluster::default()
        });
    }
    s.boards.push(board);
    for (title, owner) in spec.actions {
        s.action_items.push(ActionItem {
            id: ActionItemId::generate(),
            title: (*title).into(),
            owner: (*owner).into(),
            due: Due::NextMeeting,
            ..ActionItem::default()
        });
    }
    let dims: Vec<DimensionId> = s.reflection.dimensions.iter().map(|d| d.id).collect();
    s.reflection.entries.push(ReflectionEntry {
        id: ReflectionEntryId::generate(),
        who: spec.org.into(),
        ratings: dims.iter().map(|d| (*d, spec.rating)).collect(),
        comment: String::new(),
        ..ReflectionEntry::default()
    });
    s.results.push(Decision {
        id: ResultId::generate(),
        text: "Nächster Workshop im Juni".into(),
        source: None,
    });
    s
}

const SPECS: [Spec; 4] = [
    Spec {
        title: "Workshop Nordheim",
        day: 10,
        org: "Stadt Nordheim",
        clusters: &[
            ("Transparenz", &["Offene Daten", "Ratsinfo online"]),
            ("Beteiligung", &["Bürgerhaushalt"]),
        ],
        actions: &[
            ("Protokoll verschicken", "Projektteam"),
            ("Termine abstimmen", "Nordheim"),
        ],
        rating: 5,
    },
    Spec {
        title: "Workshop Südtal",
        day: 12,
        org: "Landkreis Südtal",
        clusters: &[
            ("transparenz!", &["Haushalt als Open Data"]),
            ("Zusammenarbeit", &["Austausch der Kommunen"]),
        ],
        actions: &[
            ("Protokoll  verschicken", "Südtal"),
            ("Termine abstimmen mit den Kommunen", "Südtal"),
        ],
        rating: 3,
    },
    Spec {
        title: "Workshop Westerau",
        day: 15,
        org: "Gemeinde Westerau",
        clusters: &[("Beteiligung von Jugendlichen", &["Jugendbeirat"])],
        actions: &[],
        rating: 4,
    },
    Spec {
        title: "Workshop Mittelberg",
        day: 20,
        org: "Stadt Mittelberg",
        clusters: &[
            ("Transparenz", &["Gutachten veröffentlichen"]),
            ("Beteiligung", &["Leitlinien"]),
        ],
        actions: &[("Protokoll verschicken", "Mittelberg")],
        rating: 2,
    },
];

fn inputs(sessions: &[Session]) -> Vec<Input> {
    sessions
        .iter()
        .map(|s| Input::new(format!("/workshops/{}", s.meta.title), s.clone()))
        .collect()
}

fn cluster<'a>(s: &'a Session, title: &str) -> Vec<&'a Cluster> {
    s.boards[0]
        .clusters
        .iter()
        .filter(|c| c.title == title)
        .collect()
}

#[test]
fn three_sessions_merge_equal_titles_propose_similar_ones_and_keep_provenance() {
    let sessions: Vec<Session> = SPECS[..3].iter().map(session).collect();
    let result = consolidate(&inputs(&sessions), &[]).session;
    assert_eq!(result.boards.len(), 1, "boards with one title become one");
    let transparency = cluster(&result, "Transparenz");
    assert_eq!(transparency.len(), 1);
    assert_eq!(
        transparency[0].cards.len(),
        3,
        "equal titles after normalisation merge"
    );
    assert_eq!(result.boards[0].cards.len(), 6, "every card is kept");
    let provenance = result.provenance.as_ref().unwrap();
    for (input, s) in sessions.iter().enumerate() {
        for card in &s.boards[0].cards {
            assert_eq!(
                provenance.origins.get(&card.id.uuid()),
                Some(&sessions[input].id),
                "{}",
                card.text
            );
        }
    }
    let card = result.boards[0]
        .cards
        .iter()
        .find(|c| c.text == "Jugendbeirat")
        .unwrap();
    assert_eq!(card.author, "Gemeinde Westerau", "cards keep their author");

    // "Beteiligung" and "Beteiligung von Jugendlichen" are only proposed.
    assert_eq!(cluster(&result, "Beteiligung").len(), 1);
    assert_eq!(cluster(&result, "Beteiligung von Jugendlichen").len(), 1);
    let proposed: Vec<&MergeDecision> = provenance
        .decisions
        .iter()
        .filter(|d| d.state == DecisionState::Proposed)
        .collect();
    assert!(
        proposed
            .iter()
            .any(|d| d.kind == MergeKind::Cluster && d.members.len() == 2)
    );
    assert!(
        proposed.iter().any(|d| d.kind == MergeKind::ActionItem),
        "'Termine abstimmen' twice, worded differently"
    );

    let protocol: Vec<&ActionItem> = result
        .action_items
        .iter()
        .filter(|a| a.title.starts_with("Protokoll"))
        .collect();
    assert_eq!(protocol.len(), 1, "duplicate action items merge");
    assert_eq!(protocol[0].owner, "Projektteam, Südtal");
    assert_eq!(
        result.results.len(),
        1,
        "the same result from three sessions is listed once"
    );
    assert_eq!(result.meta.dates.len(), 3);
    assert_eq!(result.meta.participants.len(), 3);

    let breakdown = figures(&result);
    assert_eq!(breakdown.pooled.len(), 4);
    assert_eq!(breakdown.pooled[0].mean, Some(4.0));
    let per_source: Vec<Option<f64>> = breakdown
        .by_source
        .iter()
        .map(|source| source.dimensions[0].mean)
        .collect();
    assert_eq!(per_source, [Some(5.0), Some(3.0), Some(4.0)]);
}

#[test]
fn the_same_inputs_give_byte_identical_output_in_any_order() {
    let sessions: Vec<Session> = SPECS[..3].iter().map(session).collect();
    let first = storage::to_ron(&consolidate(&inputs(&sessions), &[]).session);
    let mut reversed = sessions.clone();
    reversed.reverse();
    let second = storage::to_ron(&consolidate(&inputs(&reversed), &[]).session);
    assert_eq!(first, second);
}

#[test]
fn adding_a_session_later_keeps_the_facilitators_decisions() {
    let sessions: Vec<Session> = SPECS.iter().map(session).collect();
    let first = consolidate(&inputs(&sessions[..3]), &[]).session;
    let mut decisions = first.provenance.unwrap().decisions;
    // Accept the cluster proposal, reject the action-item proposal.
    for decision in &mut decisions {
        if decision.state == DecisionState::Proposed {
            decision.state = match decision.kind {
                MergeKind::Cluster => DecisionState::Accepted,
                _ => DecisionState::Rejected,
            };
        }
    }
    let second = consolidate(&inputs(&sessions), &decisions).session;
    let participation = cluster(&second, "Beteiligung");
    assert_eq!(participation.len(), 1);
    assert_eq!(
        participation[0].cards.len(),
        3,
        "accepted merge kept, and the fourth session's 'Beteiligung' joins"
    );
    assert!(cluster(&second, "Beteiligung von Jugendlichen").is_empty());
    assert_eq!(cluster(&second, "Transparenz")[0].cards.len(), 4);
    let appointments = second
        .action_items
        .iter()
        .filter(|a| a.title.starts_with("Termine"))
        .count();
    assert_eq!(appointments, 2, "the rejected merge stays rejected");
    let still_rejected = second
        .provenance
        .unwrap()
        .decisions
        .iter()
        .any(|d| d.kind == MergeKind::ActionItem && d.state == DecisionState::Rejected);
    assert!(still_rejected);
}

fn save_specs(dir: &Path, count: usize) -> Vec<PathBuf> {
    SPECS[..count]
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            let mut s = session(spec);
            let folder = dir.join(format!("s{i}"));
            fs::create_dir_all(folder.join("photos")).unwrap();
            fs::write(folder.join("photos/wand.png"), format!("png {i}")).unwrap();
            s.photos.push(Photo {
                id: PhotoId::generate(),
                path: "photos/wand.png".into(),
                caption: "Pinnwand".into(),
                photographer: format!("Fotograf {i}"),
                ..Photo::default()
            });
            storage::save(&folder, &s).unwrap();
            folder
        })
        .collect()
}

fn moderato(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_moderato"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_command_line_consolidates_without_touching_its_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let folders = save_specs(dir.path(), 3);
    let before: Vec<Vec<u8>> = folders
        .iter()
        .map(|f| fs::read(f.join("session.ron")).unwrap())
        .collect();
    let out = dir.path().join("ergebnis");
    let mut args: Vec<String> = vec!["consolidate".into()];
    args.extend(folders.iter().map(|f| f.display().to_string()));
    args.extend(["--out".into(), out.display().to_string()]);
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = moderato(&argv);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("Consolidated 3 sessions"));
    let result = storage::load(&out).unwrap();
    assert_eq!(result.photos.len(), 3);
    for photo in &result.photos {
        assert!(out.join(&photo.path).is_file(), "{} copied", photo.path);
    }
    assert_eq!(
        fs::read_to_string(out.join("photos/2-wand.png")).unwrap(),
        "png 1"
    );
    let after: Vec<Vec<u8>> = folders
        .iter()
        .map(|f| fs::read(f.join("session.ron")).unwrap())
        .collect();
    assert_eq!(before, after, "inputs are never written to");

    // An existing result is not overwritten without --force.
    let again = moderato(&argv);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    let first = fs::read(out.join("session.ron")).unwrap();
    let mut forced = argv.clone();
    forced.push("--force");
    assert!(moderato(&forced).status.success());
    assert_eq!(
        fs::read(out.join("session.ron")).unwrap(),
        first,
        "same inputs, same bytes"
    );
}

#[test]
fn unreadable_inputs_are_each_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let folders = save_specs(dir.path(), 1);
    let broken = dir.path().join("kaputt");
    fs::create_dir_all(&broken).unwrap();
    fs::write(broken.join("session.ron"), "Session(schema_version: 1,").unwrap();
    let missing = dir.path().join("fehlt");
    let out = dir.path().join("ergebnis");
    let output = moderato(&[
        "consolidate",
        &folders[0].display().to_string(),
        &broken.display().to_string(),
        &missing.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("kaputt"), "{message}");
    assert!(message.contains("fehlt"), "{message}");
    assert!(message.contains("2 of 3 inputs"), "{message}");
    assert!(!out.exists(), "nothing written");
}

#[test]
fn a_session_copied_for_the_second_day_consolidates_into_a_valid_result() {
    // Moderators copy the first day's folder for the second day: the ids are the same.
    let day1 = session(&SPECS[0]);
    let mut day2 = day1.clone();
    day2.meta.title = "Workshop Nordheim, Tag 2".into();
    day2.meta.dates = vec![date(2018, 1, 11)];
    let result = consolidate(&inputs(&[day1.clone(), day2.clone()]), &[]).session;
    assert!(result.problems().is_empty(), "{:?}", result.problems());
    // The copied cards are the same cards: once each, with their dots once.
    assert_eq!(result.boards[0].cards.len(), day1.boards[0].cards.len());
    let dots = |s: &Session| s.boards[0].cards.iter().map(|c| c.votes).sum::<u32>();
    assert_eq!(dots(&result), dots(&day1));
    let provenance = result.provenance.as_ref().unwrap();
    for card in &result.boards[0].cards {
        assert_eq!(
            provenance.labels_of(card.id.uuid()),
            "W1, W2",
            "{}",
            card.text
        );
    }
    // Clusters still hold their own cards after the ids were renewed.
    for cluster in &result.boards[0].clusters {
        for card in &cluster.cards {
            assert!(result.boards[0].card(*card).is_some());
        }
    }
    let again = consolidate(&inputs(&[day2, day1]), &[]).session;
    assert_eq!(storage::to_ron(&result), storage::to_ron(&again));
}

/// `moderato consolidate` run in `cwd`, so relative spellings mean what a user typed.
fn consolidate_in(cwd: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_moderato"))
        .arg("consolidate")
        .args(args)
        .current_dir(cwd)
        .env("LANG", "en_GB.UTF-8")
        .output()
        .unwrap()
}

#[test]
fn no_spelling_of_an_input_is_accepted_as_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let folders = save_specs(dir.path(), 2);
    fs::create_dir_all(dir.path().join("sub")).unwrap();
    let a = &folders[0];
    let before = fs::read(a.join("session.ron")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(a, dir.path().join("link-to-s0")).unwrap();
    let absolute = a.display().to_string();
    let inside = a.join("ergebnis").display().to_string();
    let mut outs = vec![
        "./s0",
        absolute.as_str(),
        "sub/../s0",
        "s0/",
        inside.as_str(),
        ".",
    ];
    if cfg!(unix) {
        outs.push("link-to-s0");
    }
    for out in outs {
        let output = consolidate_in(dir.path(), &["s0", "s1", "--out", out, "--force"]);
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "--out {out} was accepted");
        assert!(
            message.contains("s0") && message.contains("choose"),
            "--out {out}: {message}"
        );
        assert_eq!(
            fs::read(a.join("session.ron")).unwrap(),
            before,
            "--out {out}"
        );
    }
    assert!(!a.join("ergebnis").exists());
}

#[test]
fn the_same_input_twice_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    save_specs(dir.path(), 2);
    for inputs in [["s0", "s0"], ["s0", "./s0"], ["s0", "s0/session.ron"]] {
        let output = consolidate_in(dir.path(), &[inputs[0], inputs[1], "--out", "ergebnis"]);
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{inputs:?} accepted");
        assert!(message.contains("same session"), "{inputs:?}: {message}");
        assert!(message.contains(inputs[1]), "{inputs:?}: {message}");
        assert!(!dir.path().join("ergebnis").exists());
    }
}

#[test]
fn a_folder_with_someone_elses_files_is_never_written_into() {
    let dir = tempfile::tempdir().unwrap();
    save_specs(dir.path(), 2);
    let out = dir.path().join("ablage");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("notizen.txt"), "Meine Notizen").unwrap();
    let plain = consolidate_in(dir.path(), &["s0", "s1", "--out", "ablage"]);
    assert!(!plain.status.success());
    assert!(String::from_utf8_lossy(&plain.stderr).contains("is not empty"));
    let forced = consolidate_in(dir.path(), &["s0", "s1", "--out", "ablage", "--force"]);
    assert!(!forced.status.success());
    assert!(String::from_utf8_lossy(&forced.stderr).contains("no consolidation to update"));
    assert_eq!(
        fs::read_to_string(out.join("notizen.txt")).unwrap(),
        "Meine Notizen"
    );
    assert_eq!(fs::read_dir(&out).unwrap().count(), 1, "nothing was added");

    // A result that is updated keeps a file the user put beside it.
    let first = consolidate_in(dir.path(), &["s0", "s1", "--out", "neu"]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    fs::write(dir.path().join("neu/brief.txt"), "Anschreiben").unwrap();
    let again = consolidate_in(dir.path(), &["s0", "s1", "--out", "neu", "--force"]);
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("neu/brief.txt")).unwrap(),
        "Anschreiben"
    );
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary folders left: {leftovers:?}"
    );
}

#[test]
fn the_same_words_on_two_walls_are_one_card_with_both_dots_and_authors() {
    let mut a = session(&SPECS[0]);
    let mut b = session(&SPECS[1]);
    b.boards[0].title = a.boards[0].title.clone();
    let card = |text: &str, author: &str, votes: u32| Card {
        id: CardId::generate(),
        text: text.into(),
        author: author.into(),
        votes,
        ..Card::default()
    };
    a.boards[0]
        .cards
        .push(card("Mehr  Radwege!", "Nordheim", 3));
    b.boards[0].cards.push(card("mehr Radwege", "Südtal", 2));
    let result = consolidate(&inputs(&[a, b]), &[]).session;
    let merged: Vec<&Card> = result.boards[0]
        .cards
        .iter()
        .filter(|c| normalise(&c.text) == "mehr radwege")
        .collect();
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].votes, 5, "different workshops' dots add up");
    assert_eq!(merged[0].author, "Nordheim, Südtal");
}

#[test]
fn links_follow_boards_and_clusters_into_the_merged_ones() {
    let example = storage::load(Path::new("sessions/open-government-2017")).unwrap();
    let mut copy = example.clone();
    copy.meta.title = "Open Government in Kommunen – 3. Workshop".into();
    let result = consolidate(&inputs(&[example.clone(), copy]), &[]).session;
    assert_eq!(result.clone().repair(), vec![], "no link points nowhere");
    // The example's wall photo still belongs to the positioning board.
    let wall = result
        .photos
        .iter()
        .find(|p| p.path.ends_with("verortung-achsenwand.png"))
        .unwrap();
    let Some(PhotoLink::Board(board)) = wall.link else {
        panic!("the photo lost its board: {:?}", wall.link);
    };
    assert_eq!(result.board(board).unwrap().title, example.boards[0].title);
}

/// A consolidation made on the command line with relative paths, in another working
/// directory, is opened in the app; its decisions are made there and applied, and the app
/// says what it changed.
#[test]
fn decisions_reapply_from_relative_sources() {
    use egui_kittest::kittest::Queryable as _;
    let dir = tempfile::tempdir().unwrap();
    save_specs(dir.path(), 3);
    let output = Command::new(env!("CARGO_BIN_EXE_moderato"))
        .current_dir(dir.path())
        .args(["consolidate", "s0", "s1", "s2", "--out", "alle"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The test process runs in the crate's folder, not in `dir`.
    assert_ne!(std::env::current_dir().unwrap(), dir.path());
    let folder = dir.path().join("alle");
    let mut harness = app::start(dir.path(), app::Setup::on(folder.clone()));
    harness.get_by_label("Review").click();
    app::settle(&mut harness);
    assert!(
        harness
            .query_by_label_contains("merge proposals open")
            .is_some()
    );
    // Merge the clusters, keep the action items apart: each row keeps its place and says
    // what was chosen.
    let merge = harness
        .query_all_by_label("Merge")
        .next()
        .expect("a proposal to merge");
    merge.click();
    harness.run();
    // The first row now offers to change its mind; the second row is the action items.
    harness
        .query_all_by_label("Keep apart")
        .last()
        .expect("the second proposal")
        .click();
    harness.run();
    assert!(harness.query_by_label("to be merged").is_some());
    assert!(harness.query_by_label("kept apart").is_some());
    harness.get_by_label("Apply decisions").click();
    app::settle(&mut harness);
    assert!(
        harness.query_by_label_contains("nothing at").is_none(),
        "the sources are found from the consolidation's folder"
    );
    assert!(
        harness
            .query_by_label_contains("1 cluster merged, 1 kept apart")
            .is_some(),
        "the app says what it changed"
    );
    let session = harness.state().session();
    assert_eq!(cluster(session, "Beteiligung von Jugendlichen").len(), 0);
    assert_eq!(cluster(session, "Beteiligung")[0].cards.len(), 2);
}

/// Dots given from phones stay phone dots in a consolidation: a card's and a cluster's phone
/// dots are counted like all its dots (a copy's once, different sessions' added up), never
/// more than its dots.
#[test]
fn phone_dots_survive_a_consolidation() {
    let mut day1 = session(&SPECS[0]);
    let board = &mut day1.boards[0];
    board.cards[0].votes = 3;
    board.cards[0].phone_votes = 2;
    board.clusters[0].votes = 4;
    board.clusters[0].phone_votes = 4;
    let (card, cluster_title) = (board.cards[0].id, board.clusters[0].title.clone());
    // The copy for day 2: the same card with the same dots, once.
    let mut day2 = day1.clone();
    day2.meta.title = "Workshop Nordheim, Tag 2".into();
    day2.meta.dates = vec![date(2018, 1, 11)];
    let result = consolidate(&inputs(&[day1.clone(), day2]), &[]).session;
    let board = &result.boards[0];
    let kept = board.card(card).expect("the card is kept with its id");
    assert_eq!((kept.votes, kept.phone_votes), (3, 2));
    let cluster = board
        .clusters
        .iter()
        .find(|c| c.title == cluster_title)
        .unwrap();
    assert_eq!((cluster.votes, cluster.phone_votes), (4, 4));
    // Another session's phone dots on its own cards are its own.
    let other = session(&SPECS[1]);
    let result = consolidate(&inputs(&[day1, other.clone()]), &[]).session;
    let phone: u32 = result.boards[0].cards.iter().map(|c| c.phone_votes).sum();
    let others: u32 = other.boards[0].cards.iter().map(|c| c.phone_votes).sum();
    assert_eq!(phone, 2 + others);
}
