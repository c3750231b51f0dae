//! Attaching photos: the time from "attach a 12-megapixel JPEG" until its thumbnail is ready
//! (check and copy into the session folder, then decode and shrink, as the app's worker
//! does), and the process memory after 30 such photos have thumbnails.
//! `cargo bench --bench photos` (release). Reads VmRSS / VmHWM from /proc on Linux.

use std::time::Instant;

use moderato::photos::import;

#[path = "common/mod.rs"]
mod common;
use common::twelve_megapixels;

fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .filter(|l| l.starts_with("VmRSS") || l.starts_with("VmHWM"))
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join(", ")
}

fn main() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let session = dir.path().join("session");
    println!("memory at start: {}", memory());
    let mut times = Vec::new();
    let mut previews = Vec::new();
    let mut thumbnails = Vec::new();
    for n in 0..30u32 {
        let source = dir.path().join(format!("IMG_{n:04}.jpg"));
        std::fs::write(&source, twelve_megapixels(n)).expect("write");
        let started = Instant::now();
        let (photo, thumb) =
            import::import_with_thumbnail(&session, &source, 320).expect("a good photo");
        times.push(started.elapsed());
        let started = Instant::now();
        let preview = import::thumbnail_inside(&session, &photo.path, 1920).expect("a preview");
        previews.push(started.elapsed());
        assert!(preview.width().max(preview.height()) <= 1920);
        // The app keeps the thumbnail's pixels until they are uploaded as a texture.
        thumbnails.push(thumb);
        if n == 0 {
            println!(
                "first 12 MP JPEG ({} KB): attach + thumbnail {:.0} ms",
                std::fs::metadata(&source)
                    .map(|m| m.len() / 1024)
                    .unwrap_or(0),
                times[0].as_secs_f64() * 1e3
            );
        }
    }
    times.sort();
    previews.sort();
    println!(
        "attach one photo (check, copy, thumbnail): median {:.0} ms, slowest {:.0} ms",
        times[15].as_secs_f64() * 1e3,
        times[29].as_secs_f64() * 1e3
    );
    println!(
        "preview (1920 px, from the session folder): median {:.0} ms, slowest {:.0} ms",
        previews[15].as_secs_f64() * 1e3,
        previews[29].as_secs_f64() * 1e3
    );
    // A folder of 30 photos attached at once, as the app's worker does it (two threads).
    let files: Vec<std::path::PathBuf> = (0..30u32)
        .map(|n| dir.path().join(format!("IMG_{n:04}.jpg")))
        .collect();
    let again = dir.path().join("again");
    let started = Instant::now();
    let (attached, refused) = import::import_all_with_thumbnails(&again, &files, 320, |_, _| {});
    println!(
        "a folder of 30 photos attached with thumbnails: {:.2} s ({} attached, {} refused)",
        started.elapsed().as_secs_f64(),
        attached.len(),
        refused.len()
    );
    let pixels: usize = thumbnails.iter().map(|t| t.as_raw().len()).sum();
    println!("30 thumbnails hold {} KB of pixels", pixels / 1024);
    println!("memory after 30 photos: {}", memory());
}
