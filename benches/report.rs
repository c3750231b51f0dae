//! Report export times and sizes (release): the example session, and a session with 30
//! twelve-megapixel photos. `cargo bench --bench report`.

use std::path::Path;
use std::time::Instant;

use moderato::export;
use moderato::i18n::Lang;
use moderato::model::{Photo, PhotoId};
use moderato::storage;

#[path = "common/mod.rs"]
mod common;
use common::twelve_megapixels;

fn main() {
    let example = Path::new("sessions/open-government-2017");
    let session = storage::load(example).expect("the example session");
    let now = jiff::Timestamp::now();
    // The first run also loads the fonts; report the second.
    let _ = export::pdf(&session, Some(example), Lang::De, now);
    let started = Instant::now();
    let bytes = export::pdf(&session, Some(example), Lang::De, now).expect("a report");
    println!(
        "example session: {:.0} ms, {} KB",
        started.elapsed().as_secs_f64() * 1e3,
        bytes.len() / 1024
    );

    let dir = tempfile::tempdir().expect("a temp dir");
    let mut with_photos = session.clone();
    with_photos.photos.clear();
    std::fs::create_dir_all(dir.path().join("photos")).expect("photos folder");
    for n in 0..30u32 {
        let path = format!("photos/IMG_{n:04}.jpg");
        std::fs::write(dir.path().join(&path), twelve_megapixels(n)).expect("a photo");
        with_photos.photos.push(Photo {
            id: PhotoId::generate(),
            path,
            caption: format!("Foto {n}"),
            photographer: "Kalinowski".into(),
            ..Photo::default()
        });
    }
    let started = Instant::now();
    let bytes = export::pdf(&with_photos, Some(dir.path()), Lang::De, now).expect("a report");
    println!(
        "with 30 twelve-megapixel photos: {:.1} s, {:.1} MB",
        started.elapsed().as_secs_f64(),
        bytes.len() as f64 / 1024.0 / 1024.0
    );
}
