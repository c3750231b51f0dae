//! Photos: attached, checked, dropped, shown as thumbnails.

use super::*;

#[test]
fn photos_are_attached_checked_and_shown_as_thumbnails() {
    use moderato::session::Session;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("fotos");
    let mut session = Session::create("Fotoprotokoll");
    session.meta.credits.photos.push("Kalinowski".into());
    session.photos.push(moderato::photos::Photo {
        id: moderato::ids::PhotoId::generate(),
        path: "photos/verschwunden.jpg".into(),
        caption: "Verschwunden".into(),
        ..Default::default()
    });
    storage::save(&folder, &session).unwrap();
    let picture = dir.path().join("Pinnwand.png");
    image::RgbaImage::from_pixel(64, 48, image::Rgba([250, 220, 120, 255]))
        .save(&picture)
        .unwrap();
    let not_a_picture = dir.path().join("notiz.jpg");
    fs::write(&not_a_picture, "kein Bild").unwrap();

    let mut harness = app_with_clock(dir.path(), folder.clone(), Clock::System);
    harness.get_by_label("Photos").click();
    settle(&mut harness);
    for file in [&picture, &not_a_picture] {
        harness.get_by_label("Type a path…").click();
        harness.run();
        harness
            .get_by_label("Path of a photo (JPEG or PNG) or of a folder of photos:")
            .type_text(&file.display().to_string());
        harness.key_press(Key::Enter);
        settle(&mut harness);
    }
    let message = harness
        .state()
        .error_message()
        .expect("the bad file is named")
        .to_owned();
    assert!(
        message.contains("notiz.jpg") && message.contains("not a JPEG or PNG"),
        "{message}"
    );
    harness.get_by_label("OK").click();
    harness.run();
    let photos = harness.state().session().photos.clone();
    assert_eq!(photos.len(), 2, "the good one is attached, the bad one not");
    let attached = &photos[1];
    assert!(
        folder.join(&attached.path).is_file(),
        "copied into the session folder"
    );
    assert_eq!(attached.photographer, "Kalinowski");
    assert!(picture.is_file(), "the original stays");
    // The missing one shows a placeholder that names the file.
    assert!(
        harness
            .query_by_label_contains("verschwunden.jpg is missing")
            .is_some()
    );
    // The attached one, large, with a way to the previous one.
    harness.get_by_label("Show large").click();
    settle(&mut harness);
    assert!(harness.query_by_label("2 / 2").is_some());
    harness.get_by_label("\u{2190} Previous").click();
    settle(&mut harness);
    assert!(harness.query_by_label("1 / 2").is_some());
    // Uncaptioned photos are named by their place in the photos, not by their file.
    assert!(harness.query_all_by_label("Photo 2").next().is_some());
}

#[test]
fn a_typed_folder_attaches_all_its_photos_and_names_what_it_cannot() {
    let dir = tempfile::tempdir().unwrap();
    let folder = empty_board_session(dir.path());
    let shots = dir.path().join("Fotos vom Workshop");
    fs::create_dir(&shots).unwrap();
    for (name, colour) in [
        ("02-Wand.png", [120, 200, 90, 255]),
        ("01-Flipchart.PNG", [250, 220, 120, 255]),
    ] {
        image::RgbaImage::from_pixel(40, 30, image::Rgba(colour))
            .save_with_format(shots.join(name), image::ImageFormat::Png)
            .unwrap();
    }
    fs::write(shots.join("03-kaputt.jpg"), "kein Bild").unwrap();
    fs::write(shots.join("Liste.txt"), "keins").unwrap();
    let empty = dir.path().join("leer");
    fs::create_dir(&empty).unwrap();
    let mut harness = app_with_clock(dir.path(), folder.clone(), Clock::System);
    harness.get_by_label("Photos").click();
    settle(&mut harness);
    for typed in [&shots, &empty] {
        harness.get_by_label("Type a path…").click();
        harness.run();
        harness
            .get_by_label("Path of a photo (JPEG or PNG) or of a folder of photos:")
            .type_text(&typed.display().to_string());
        harness.key_press(Key::Enter);
        settle(&mut harness);
        let message = harness
            .state()
            .error_message()
            .unwrap_or_default()
            .to_owned();
        if typed == &shots {
            assert!(message.contains("03-kaputt.jpg"), "{message}");
        } else {
            assert!(message.contains("holds no photo"), "{message}");
        }
        harness.get_by_label("OK").click();
        harness.run();
    }
    let photos = harness.state().session().photos.clone();
    assert_eq!(
        photos.len(),
        2,
        "both good photos, in the order of their names"
    );
    assert!(
        photos[0].path.contains("01-Flipchart"),
        "{:?}",
        photos[0].path
    );
    assert!(photos[1].path.contains("02-Wand"));
    for photo in &photos {
        assert!(folder.join(&photo.path).is_file());
    }
}

/// A file dropped on the window, as the platform hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Several photos dropped at once are attached each on its own (each appears when it is
/// ready, each is one undo step), and the refused ones are listed under one heading.
#[test]
fn dropped_photos_arrive_one_by_one_and_refusals_are_listed_once() {
    use moderato::session::Session;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("fotos");
    storage::save(&folder, &Session::create("Fotoprotokoll")).unwrap();
    let mut files = Vec::new();
    for n in 0..4u8 {
        let path = dir.path().join(format!("wand-{n}.png"));
        image::RgbaImage::from_pixel(64, 48, image::Rgba([250, 220, 40 * n, 255]))
            .save(&path)
            .unwrap();
        files.push(path);
    }
    for name in ["notiz.jpg", "leer.png"] {
        let path = dir.path().join(name);
        fs::write(&path, if name == "leer.png" { "" } else { "kein Bild" }).unwrap();
        files.push(path);
    }
    let mut harness = app_with_clock(dir.path(), folder, Clock::System);
    harness.get_by_label("Photos").click();
    settle(&mut harness);
    for file in &files {
        let handle: egui::DroppedFileHandle = std::sync::Arc::new(Dropped(file.clone()));
        harness.input_mut().dropped_files.push(handle);
    }
    settle(&mut harness);
    assert_eq!(harness.state().session().photos.len(), 4);
    let message = harness
        .state()
        .error_message()
        .expect("the refused files are named")
        .to_owned();
    assert!(
        message.contains("notiz.jpg") && message.contains("leer.png"),
        "{message}"
    );
    assert_eq!(message.matches("not attached").count(), 1, "{message}");
    harness.get_by_label("OK").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().session().photos.len(),
        3,
        "each photo is one undo step"
    );
}
