//! The reflection round: rows typed, ratings on the target.

use super::*;

#[test]
fn a_reflection_round_is_typed_row_by_row_and_rated_on_the_target() {
    use moderato::session::Session;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("bilanz");
    storage::save(&folder, &Session::create("Bilanz")).unwrap();
    let mut harness = app_with_clock(dir.path(), folder, Clock::System);
    harness.get_by_label("Reflection").click();
    harness.run();
    harness.get_by_label("+ Entry").click();
    harness.run();
    // The new row's name field has the focus: type straight away.
    harness
        .get_all_by_label("Who")
        .last()
        .unwrap()
        .type_text("Stadt Nordheim");
    harness.run();
    for (dimension, rating) in [("Inhalt", "5"), ("Struktur", "4"), ("Methoden", "2")] {
        harness
            .get_all_by_role_and_label(egui::Role::TextInput, dimension)
            .last()
            .unwrap()
            .click();
        harness.run();
        harness
            .get_all_by_role_and_label(egui::Role::TextInput, dimension)
            .last()
            .unwrap()
            .type_text(rating);
        harness.run();
    }
    // A value outside the scale is not taken.
    harness
        .get_all_by_role_and_label(egui::Role::TextInput, "Moderation")
        .last()
        .unwrap()
        .click();
    harness.run();
    harness
        .get_all_by_role_and_label(egui::Role::TextInput, "Moderation")
        .last()
        .unwrap()
        .type_text("9");
    harness.run();
    harness.get_all_by_label("Comment").last().unwrap().click();
    harness.run();
    harness
        .get_all_by_label("Comment")
        .last()
        .unwrap()
        .type_text("Gute Struktur");
    harness.key_press(Key::Enter);
    harness.run();
    let reflection = harness.state().session().reflection.clone();
    assert_eq!(
        reflection.entries.len(),
        2,
        "Enter in the last comment adds the next row"
    );
    let first = &reflection.entries[0];
    assert_eq!(first.who, "Stadt Nordheim");
    let by_name = |name: &str| {
        reflection
            .dimensions
            .iter()
            .find(|d| d.name == name)
            .unwrap()
            .id
    };
    assert_eq!(first.ratings.get(&by_name("Inhalt")), Some(&5));
    assert_eq!(first.ratings.get(&by_name("Methoden")), Some(&2));
    assert_eq!(
        first.ratings.get(&by_name("Moderation")),
        None,
        "9 is outside 1–5"
    );
    assert!(
        harness.query_by_label("split").is_some()
            || harness
                .query_all_by_label("mostly positive")
                .next()
                .is_some()
    );

    // The new, second row is marked; a click near the centre of the first sector (Inhalt,
    // at twelve o'clock to three) rates it best.
    let target = harness
        .get_by_role_and_label(egui::Role::Image, "Target")
        .rect();
    let centre = target.center();
    let radius = target.width() / 2.0 - 30.0;
    let angle = std::f32::consts::FRAC_PI_4 * 0.5 - std::f32::consts::FRAC_PI_2;
    let at = centre + egui::vec2(angle.cos(), angle.sin()) * radius * 0.05;
    harness.hover_at(at);
    harness.drag_at(at);
    harness.drop_at(at);
    harness.run();
    let second = &harness.state().session().reflection.entries[1];
    assert_eq!(
        second.ratings.get(&by_name("Inhalt")),
        Some(&5),
        "{:?}",
        second.ratings
    );
}

/// Ten entries that all give the best rating on four dimensions: forty dots, each inside its
/// sector and its ring, none on another, each telling whose it is on hover.
#[test]
fn target_dots_stay_visible() {
    use moderato::ids::{DimensionId, ReflectionEntryId};
    use moderato::reflection::target::{Rings, sector_at};
    use moderato::reflection::{Dimension, ReflectionEntry};
    use moderato::session::Session;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("ziel");
    let mut session = Session::create("Zielscheibe");
    let names = ["Inhalt", "Methoden", "Moderation", "Ergebnis"];
    session.reflection.dimensions = names
        .iter()
        .map(|n| Dimension {
            id: DimensionId::generate(),
            name: (*n).to_owned(),
        })
        .collect();
    for i in 0..10 {
        let rating = if i == 9 { 3 } else { 5 };
        session.reflection.entries.push(ReflectionEntry {
            id: ReflectionEntryId::generate(),
            who: if i % 2 == 0 {
                format!("Person {i}")
            } else {
                String::new()
            },
            ratings: session
                .reflection
                .dimensions
                .iter()
                .map(|d| (d.id, rating))
                .collect(),
            comment: String::new(),
            ..ReflectionEntry::default()
        });
    }
    storage::save(&folder, &session).unwrap();
    let mut harness = start(dir.path(), Setup::on(folder));
    harness.get_by_label("Reflection").click();
    settle(&mut harness);
    let target = harness
        .get_by_role_and_label(egui::Role::Image, "Target")
        .rect();
    let centre = target.center();
    let radius = target.width() / 2.0 - 30.0;
    let dots: Vec<(String, egui::Rect)> = harness
        .query_all_by_role(egui::Role::Image)
        .filter_map(|node| {
            let label = node.accesskit_node().label()?;
            label.contains(": ").then(|| (label, node.rect()))
        })
        .collect();
    assert_eq!(dots.len(), 40, "every rating is a dot");
    let rings = Rings { min: 1, max: 5 };
    for (label, rect) in &dots {
        let offset = rect.center() - centre;
        let dimension = names
            .iter()
            .position(|n| label.contains(&format!(": {n} ")))
            .unwrap();
        assert_eq!(sector_at(offset.y.atan2(offset.x), 4), dimension, "{label}");
        let rating: i32 = label.rsplit(' ').next().unwrap().parse().unwrap();
        assert_eq!(
            rings.rating_at(offset.length() / radius),
            rating,
            "{label} sits in its ring"
        );
    }
    for (i, (a, ra)) in dots.iter().enumerate() {
        for (b, rb) in &dots[i + 1..] {
            let apart = (ra.center() - rb.center()).length();
            assert!(
                apart >= (ra.width() + rb.width()) / 2.0,
                "{a} and {b} overlap ({apart} px)"
            );
        }
    }
    assert!(
        dots.iter().any(|(l, _)| l == "#2: Inhalt 5"),
        "anonymous entries by number"
    );
    assert!(dots.iter().any(|(l, _)| l == "Person 0: Inhalt 5"));
    let (label, rect) = dots.iter().find(|(l, _)| l == "#2: Inhalt 5").unwrap();
    harness.hover_at(rect.center());
    harness.run();
    assert!(
        harness.query_all_by_label(label).count() >= 2,
        "the hover tells whose dot it is"
    );
}
