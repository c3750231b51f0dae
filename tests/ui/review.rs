//! Review and consolidation: the browser, read-only opening, comparison, the whole story.

use super::*;

#[test]
fn sessions_ticked_in_the_browser_are_consolidated_and_reviewed() {
    let (dir, example) = sessions_with_example();
    // A second session: a copy of the example with another title and id.
    let mut other = storage::load(&example).unwrap();
    other.id = moderato::ids::SessionId::generate();
    other.meta.title = "Open Government in Kommunen – 3. Workshop".into();
    // Its own photos (a copied session's photos would be the same photos, kept once).
    for photo in &mut other.photos {
        photo.id = moderato::ids::PhotoId::generate();
    }
    storage::save(&dir.path().join("workshop-3"), &other).unwrap();
    let mut harness = app_with_clock(dir.path(), example.clone(), Clock::System);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Browse sessions").click();
    settle(&mut harness);
    for name in ["open-government-2017", "workshop-3"] {
        harness
            .get_by_label(&format!("Consolidate selected: {name}"))
            .click();
        harness.run();
    }
    harness.get_by_label("Consolidate selected (2)").click();
    harness.run();
    let out = dir.path().join("konsolidierung");
    let field = harness.get_by_label(
        "Folder for the result (an existing result is updated; its decisions are kept):",
    );
    assert_eq!(
        field.value().as_deref(),
        Some(out.display().to_string().as_str())
    );
    harness.get_by_label("OK").click();
    harness.run();
    // The work runs on a thread; give it a moment.
    for _ in 0..200 {
        if harness.state().document().folder() == Some(out.as_path()) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run();
    assert_eq!(
        harness.state().document().folder(),
        Some(out.as_path()),
        "{:?}",
        harness.state().error_message()
    );
    // workshop-3 was saved without its photo files: that is said, and the rest is there.
    let warning = harness
        .state()
        .error_message()
        .expect("the missing photos are named")
        .to_owned();
    assert!(
        warning.contains("workshop-3/photos/verortung-achsenwand.png"),
        "{warning}"
    );
    harness.get_by_label("OK").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Review);
    let provenance = harness
        .state()
        .session()
        .provenance
        .clone()
        .expect("a consolidation");
    assert_eq!(provenance.sources.len(), 2);
    assert!(harness.query_by_label("Sources").is_some());
    assert!(
        harness
            .query_all_by_label("Agenda and times")
            .next()
            .is_some()
    );
    // The inputs were not written to.
    assert_eq!(
        storage::load(&example).unwrap().meta.title,
        "Open Government in Kommunen – 2. Workshop der Modellkommunen"
    );
}

#[test]
fn a_session_opened_from_the_browser_is_read_only_until_switched() {
    let (dir, example) = sessions_with_example();
    // Start on another session, then open the example from the browser.
    let mut other = storage::load(&example).unwrap();
    other.meta.title = "Andere Sitzung".into();
    let other_folder = dir.path().join("andere");
    storage::save(&other_folder, &other).unwrap();
    let mut harness = app_on(dir.path(), Some(other_folder), Lang::En);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Browse sessions").click();
    settle(&mut harness);
    harness
        .get_by_label("Open: Open Government in Kommunen – 2. Workshop der Modellkommunen")
        .click();
    settle(&mut harness);
    assert_eq!(harness.state().document().folder(), Some(example.as_path()));
    assert!(harness.state().is_read_only());
    harness.get_by_label("Results & next steps").click();
    harness.run();
    let before = harness.state().session().action_items.len();
    harness.get_by_label("+ Add action item").click();
    harness.run();
    assert_eq!(
        harness.state().session().action_items.len(),
        before,
        "read-only: no edit"
    );
    harness.key_press(Key::Space);
    harness.run();
    assert!(
        !harness.state().document().is_dirty(),
        "no timer started either"
    );

    harness.get_by_label("Read-only").click();
    harness.run();
    assert!(!harness.state().is_read_only());
    harness.get_by_label("+ Add action item").click();
    harness.run();
    assert_eq!(harness.state().session().action_items.len(), before + 1);
}

#[test]
fn two_sessions_side_by_side() {
    let (dir, example) = sessions_with_example();
    let mut other = storage::load(&example).unwrap();
    other.meta.title = "Zweite Werkstatt".into();
    other.action_items.truncate(1);
    let other_folder = dir.path().join("zweite");
    storage::save(&other_folder, &other).unwrap();
    let harness = compared_with(dir.path(), example, &other_folder);
    assert!(harness.query_by_label("Comparison").is_some());
    assert!(harness.query_by_label("Zweite Werkstatt").is_some());
    let titles = harness
        .query_all_by_label("Open Government in Kommunen – 2. Workshop der Modellkommunen")
        .count();
    assert!(
        titles >= 2,
        "the current session heads the left column as well as the top bar"
    );
}

/// From Review alone: who does what by when, what people said, the dissent, what is on the
/// boards; the table of contents jumps to a section.
#[test]
fn review_tells_the_whole_story() {
    let (dir, example) = sessions_with_example();
    let session = storage::load(&example).unwrap();
    let mut harness = app_with_clock(dir.path(), example, Clock::System);
    harness.get_by_label("Review").click();
    settle(&mut harness);
    let action = session
        .action_items
        .iter()
        .find(|a| !a.owner.is_empty())
        .expect("an action item with an owner");
    assert!(harness.query_by_label_contains(&action.title).is_some());
    assert!(
        harness.query_all_by_label(&action.owner).next().is_some(),
        "its owner"
    );
    let comment = session
        .reflection
        .entries
        .iter()
        .find(|e| !e.comment.is_empty())
        .expect("a reflection comment");
    assert!(harness.query_by_label_contains(&comment.comment).is_some());
    let dissent = &session.reflection.dissent[0];
    assert!(
        harness
            .query_by_label_contains(&dissent.statement)
            .is_some()
    );
    let (board, cluster) = session
        .boards
        .iter()
        .find_map(|b| b.clusters.first().map(|c| (b, c)))
        .expect("a cluster");
    for card in cluster.cards.iter().filter_map(|id| board.card(*id)) {
        assert!(
            harness.query_by_label_contains(&card.text).is_some(),
            "{} of {}",
            card.text,
            cluster.title
        );
    }
    // An item's notes, each photo by what it shows and who took it, never by its file.
    let noted = session
        .agenda
        .items()
        .find(|i| !i.notes.trim().is_empty())
        .expect("an item with notes");
    let notes = format!("Notes: {}", noted.notes.trim());
    assert!(harness.query_by_label_contains(&notes).is_some(), "{notes}");
    for photo in &session.photos {
        assert!(
            harness.query_by_label(&photo.path).is_none(),
            "{} is named by its file",
            photo.path
        );
        if !photo.photographer.trim().is_empty() {
            let by = format!("Photographer: {}", photo.photographer.trim());
            assert!(harness.query_all_by_label(&by).next().is_some(), "{by}");
        }
    }
    // The reflection's scale with its ends' words, each dimension's verdict, the publisher
    // and the report's introduction.
    let scale = &session.reflection.scale;
    let line = format!(
        "Scale from {} ({}) to {} ({})",
        scale.min, scale.low_label, scale.max, scale.high_label
    );
    assert!(harness.query_by_label(&line).is_some(), "{line}");
    for dimension in moderato::reflection::stats::stats(&session.reflection) {
        let verdict = moderato::i18n::verdict_text(dimension.verdict, Lang::En);
        let line = format!("{}: {verdict}", dimension.name);
        assert!(harness.query_by_label(&line).is_some(), "{line}");
    }
    let publisher = format!("Publisher: {}", session.meta.publisher);
    assert!(harness.query_by_label(&publisher).is_some(), "{publisher}");
    let opening: String = session.meta.introduction.chars().take(40).collect();
    assert!(harness.query_by_label_contains(&opening).is_some());
    // The contents jump to a section further down.
    let heading = |harness: &Harness<'static, ModeratoApp>| {
        harness
            .query_all_by_label("Results and action items")
            .filter(|n| n.accesskit_node().role() == egui::accesskit::Role::Label)
            .map(|n| n.rect())
            .next()
            .expect("the section heading")
    };
    let before = heading(&harness);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Results and action items")
        .click();
    harness.run();
    let after = heading(&harness);
    assert!(
        after.min.y < 200.0,
        "scrolled to the top: {before:?} -> {after:?}"
    );
    assert!(
        before.min.y > after.min.y + 300.0,
        "{before:?} -> {after:?}"
    );
}

/// The app on `example`, with Review comparing it with `other` (typed as a path).
fn compared_with(dir: &Path, example: PathBuf, other: &Path) -> Harness<'static, ModeratoApp> {
    let mut harness = app_with_clock(dir, example, Clock::System);
    harness.get_by_label("Review").click();
    harness.run();
    harness.get_by_label("Compare with…").click();
    harness.run();
    harness
        .get_by_label("A session folder or its session.ron:")
        .type_text(&other.display().to_string());
    harness.key_press(Key::Enter);
    settle(&mut harness);
    harness
}

/// A copy of the example whose one cluster gained dots and one action item is done: exactly
/// these two rows are marked.
#[test]
fn compare_marks_differences() {
    use moderato::results::ActionStatus;
    let (dir, example) = sessions_with_example();
    let mut other = storage::load(&example).unwrap();
    let board = other
        .boards
        .iter_mut()
        .find(|b| !b.clusters.is_empty())
        .unwrap();
    board.clusters[0].votes += 3;
    let cluster_title = board.clusters[0].title.clone();
    let item = other
        .action_items
        .iter_mut()
        .find(|a| a.status != ActionStatus::Done)
        .unwrap();
    item.status = ActionStatus::Done;
    let item_title = item.title.clone();
    let other_folder = dir.path().join("kopie");
    storage::save(&other_folder, &other).unwrap();
    let harness = compared_with(dir.path(), example, &other_folder);
    assert!(harness.query_by_label("2 differences").is_some());
    let marks: Vec<egui::Rect> = harness
        .query_all_by_label("≠ differs")
        .map(|n| n.rect())
        .collect();
    assert_eq!(marks.len(), 2);
    // Each mark sits on the row of what changed.
    for title in [&cluster_title, &item_title] {
        let row = harness
            .query_all_by_label(title)
            .map(|n| n.rect())
            .find(|r| {
                marks
                    .iter()
                    .any(|m| (m.center().y - r.center().y).abs() < r.height())
            })
            .unwrap_or_else(|| panic!("{title} is marked"));
        assert!(row.width() > 0.0);
    }
}

/// An edited copy whose one card was rewritten and another hung in another cluster: the
/// comparison names both cards and how each changed, its headers tell the two folders apart,
/// and "Differences only" hides the cards that did not change.
#[test]
fn compare_names_each_changed_card_and_hides_the_rest_on_request() {
    let (dir, example) = sessions_with_example();
    let mut other = storage::load(&example).unwrap();
    let board = other
        .boards
        .iter_mut()
        .find(|b| b.clusters.len() >= 2)
        .expect("a board with two clusters");
    let rewritten = board.clusters[0].cards[0];
    let moved = *board.clusters[0].cards.last().unwrap();
    assert_ne!(rewritten, moved);
    let card = board.cards.iter_mut().find(|c| c.id == rewritten).unwrap();
    card.text = "Ganz neu geschrieben".into();
    board.clusters[0].cards.retain(|&c| c != moved);
    board.clusters[1].cards.push(moved);
    let moved_text = board.card(moved).unwrap().text.clone();
    let unchanged = board
        .cards
        .iter()
        .find(|c| c.id != rewritten && c.id != moved)
        .unwrap()
        .text
        .clone();
    let other_folder = dir.path().join("bearbeitete-kopie");
    storage::save(&other_folder, &other).unwrap();
    let mut harness = compared_with(dir.path(), example, &other_folder);
    assert!(harness.query_by_label("2 differences").is_some());
    assert!(harness.query_by_label("≠ text changed").is_some());
    assert!(harness.query_by_label("≠ other cluster").is_some());
    assert!(
        harness
            .query_by_label_contains("“Ganz neu geschrieben”")
            .is_some(),
        "the new text stands in the other session's column"
    );
    assert!(
        harness
            .query_by_label("Folder: bearbeitete-kopie")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Folder: open-government-2017")
            .is_some()
    );
    let with_all = harness.query_all_by_label(&unchanged).count();
    let moved_all = harness.query_all_by_label(&moved_text).count();
    harness.get_by_label("Differences only").click();
    harness.run();
    assert_eq!(
        harness.query_all_by_label(&unchanged).count(),
        with_all - 1,
        "the unchanged card's row is hidden"
    );
    assert_eq!(
        harness.query_all_by_label(&moved_text).count(),
        moved_all,
        "the moved card's row stays"
    );
    assert!(harness.query_by_label("≠ other cluster").is_some());
}

/// A session consolidated with an edited copy of itself: Review names the sources apart and
/// every difference between them, each with its sources, and the status of the task the
/// copy finished says what each source says.
#[test]
fn review_names_the_conflicts_of_an_edited_copy() {
    let (dir, example) = sessions_with_example();
    let copy = dir.path().join("w2-kopie");
    common::copy_dir(&example, &copy);
    fs::remove_file(copy.join(".moderato.lock")).ok();
    let mut edited = storage::load(&copy).unwrap();
    let dimension = edited.reflection.dimensions[0].id;
    edited.reflection.entries[0].ratings.insert(dimension, 1);
    edited.action_items[0].status = moderato::results::ActionStatus::Done;
    let task = edited.action_items[0].title.clone();
    storage::save(&copy, &edited).unwrap();
    let out = dir.path().join("alle");
    moderato::consolidate::run::run(
        &[example, copy],
        &out,
        false,
        &moderato::jobs::Progress::default(),
    )
    .unwrap();
    let mut harness = app_with_clock(dir.path(), out, Clock::System);
    harness.get_by_label("Review").click();
    settle(&mut harness);
    assert!(
        harness
            .query_all_by(
                |n| text_of(n).is_some_and(|l| l.starts_with("Where the sources differ ("))
            )
            .next()
            .is_some(),
        "the differences are counted"
    );
    let lines: Vec<String> = harness
        .query_all_by(|n| text_of(n).is_some_and(|l| l.starts_with('\u{2022}')))
        .filter_map(|n| text_of(&n.accesskit_node()))
        .collect();
    let rating = lines
        .iter()
        .find(|l| l.contains("1 in W2"))
        .unwrap_or_else(|| panic!("the changed rating is named: {lines:#?}"));
    assert!(rating.contains("W1"), "{rating}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains(&task[..30]) && l.contains("done in W2")),
        "the task's status by source: {lines:#?}"
    );
    // The task's status in the story says what each source says.
    assert!(
        harness
            .query_all_by(|n| text_of(n)
                .is_some_and(|l| l.contains("in progress in W1") && l.contains("done in W2")))
            .next()
            .is_some()
    );
    // Both sources are named, told apart by their folders.
    assert!(
        harness
            .query_all_by(|n| text_of(n).is_some_and(|l| l.contains("folder w2-kopie")))
            .next()
            .is_some()
    );
}

/// What a node shows: a button's label or a label's text.
fn text_of(node: &egui_kittest::kittest::AccessKitNode<'_>) -> Option<String> {
    node.label().or_else(|| node.value())
}
