//! Generates the fixed benchmark photos, detects cards in each (from JPEG bytes) and prints
//! per-photo and total figures with timings.
//!
//! `cargo bench --bench photo_board` (issue 27's figures: precision, recall, centre error,
//! colour accuracy and seconds per 12-megapixel photo, each printed).
//!
//! Usage: `photo_board [--seeds A..B] [--size WxH] [--overlay DIR] [--photos DIR]`
//! `--overlay` writes quarter-size PNGs with truth and detections drawn in; `--photos`
//! writes the JPEGs and a full-resolution 1000×750 crop from the middle of each photo.
//! Defaults: seeds 1..30 (inclusive), 4000×3000, JPEG quality 85, no overlays.

use moderato::pinboard::detect::{Detection, detect, propose_columns};
use moderato::pinboard::eval::{GroundTruth, Score, match_cards, score};
use moderato::pinboard::geom::Pt;
use moderato::pinboard::synthetic::{self, SynthOptions};
use std::time::Instant;

struct Args {
    seeds: Vec<u64>,
    opts: SynthOptions,
    overlay: Option<std::path::PathBuf>,
    photos: Option<std::path::PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        seeds: synthetic::BENCHMARK_SEEDS.collect(),
        opts: SynthOptions::default(),
        overlay: None,
        photos: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--seeds" => {
                let v = value()?;
                let (lo, hi) = v.split_once("..").ok_or("--seeds A..B")?;
                let (lo, hi) = (
                    lo.parse::<u64>().map_err(|e| e.to_string())?,
                    hi.trim_start_matches('=')
                        .parse::<u64>()
                        .map_err(|e| e.to_string())?,
                );
                args.seeds = (lo..=hi).collect();
            }
            "--size" => {
                let v = value()?;
                let (w, h) = v.split_once('x').ok_or("--size WxH")?;
                args.opts.width = w.parse().map_err(|_| "bad width")?;
                args.opts.height = h.parse().map_err(|_| "bad height")?;
            }
            "--overlay" => args.overlay = Some(value()?.into()),
            "--photos" => args.photos = Some(value()?.into()),
            // cargo bench passes this to every benchmark.
            "--bench" => {}
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(args)
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let mut total = Score::default();
    let (mut times, mut decodes, mut cpu) = (Vec::new(), Vec::new(), Vec::new());
    println!(
        "seed kind  cards found match  prec   rec  centre%(mean/max) colour shape cols  gen_s  dec_s  det_s  (cpu dec/det)"
    );
    for &seed in &args.seeds {
        let t0 = Instant::now();
        let synth = synthetic::generate_with(seed, &args.opts);
        let jpeg = match synthetic::encode_jpeg(&synth.photo, args.opts.jpeg_quality) {
            Ok(j) => j,
            Err(e) => {
                eprintln!("seed {seed}: encoding failed: {e}");
                continue;
            }
        };
        let gen_s = t0.elapsed().as_secs_f32();
        let (t1, c1) = (Instant::now(), cpu_seconds());
        let photo = match image::load_from_memory(&jpeg) {
            Ok(p) => p.to_rgb8(),
            Err(e) => {
                eprintln!("seed {seed}: decoding failed: {e}");
                continue;
            }
        };
        let dec_s = t1.elapsed().as_secs_f32();
        let dec_cpu = cpu_seconds() - c1;
        let (t2, c2) = (Instant::now(), cpu_seconds());
        let det = detect(&photo, &mut |_| true).unwrap_or_else(|_| Detection {
            board: synth.truth.board,
            cards: Vec::new(),
        });
        let proposals = propose_columns(&det.cards);
        let det_s = t2.elapsed().as_secs_f32();
        let det_cpu = cpu_seconds() - c2;
        let s = score(&synth.truth, &det, &proposals);
        println!(
            "{seed:>4} {:<5} {:>5} {:>5} {:>5} {:>5.3} {:>5.3}  {:>5.2} / {:>5.2}    {:>5.3} {:>5.3} {:>2}/{:<2} {gen_s:>5.2}  {dec_s:>5.2}  {det_s:>5.2}  ({dec_cpu:.2}/{det_cpu:.2} cpu)",
            synth.kind.name(),
            s.truth,
            s.found,
            s.matched,
            s.precision(),
            s.recall(),
            s.mean_centre_error() * 100.0,
            s.max_centre_error() * 100.0,
            s.colour_accuracy(),
            s.shape_accuracy(),
            s.columns_found,
            s.columns,
        );
        if let Some(dir) = &args.overlay {
            let path = dir.join(format!("seed{seed:02}.png"));
            if let Err(e) = overlay(&photo, &synth.truth, &det).save(&path) {
                eprintln!("cannot write {}: {e}", path.display());
            }
        }
        if let Some(dir) = &args.photos {
            save_photo(dir, seed, &jpeg, &photo);
        }
        total.add(&s);
        times.push(det_s);
        decodes.push(dec_s);
        cpu.push((dec_cpu, det_cpu));
    }
    print_totals(&total, &times, &decodes);
    let (dc, tc): (Vec<f32>, Vec<f32>) = cpu.into_iter().unzip();
    let mean = |v: &[f32]| v.iter().sum::<f32>() / v.len().max(1) as f32;
    let max = |v: &[f32]| v.iter().copied().fold(0.0, f32::max);
    println!(
        "CPU time of this thread (immune to other load on the machine): detect mean {:.3} max {:.3}; decode mean {:.3} max {:.3}",
        mean(&tc),
        max(&tc),
        mean(&dc),
        max(&dc)
    );
}

/// CPU time consumed by this thread so far (Linux `/proc/thread-self/schedstat`), or 0
/// where unavailable. Wall-clock times suffer when other jobs share the machine; this
/// does not.
fn cpu_seconds() -> f32 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .next()
                .and_then(|v| v.parse::<f64>().ok())
        })
        .map_or(0.0, |ns| (ns / 1e9) as f32)
}

fn print_totals(total: &Score, times: &[f32], decodes: &[f32]) {
    let mean = |v: &[f32]| v.iter().sum::<f32>() / v.len().max(1) as f32;
    let max = |v: &[f32]| v.iter().copied().fold(0.0, f32::max);
    println!(
        "\nTOTAL over {} photos: {} true cards, {} found, {} matched (IoU ≥ 0.5, mean IoU {:.3})",
        times.len(),
        total.truth,
        total.found,
        total.matched,
        total.iou_sum / total.matched.max(1) as f32
    );
    println!(
        "precision {:.4}  recall {:.4}",
        total.precision(),
        total.recall()
    );
    println!(
        "centre error: mean {:.3} %  max {:.3} % of board width",
        total.mean_centre_error() * 100.0,
        total.max_centre_error() * 100.0
    );
    println!(
        "colour accuracy {:.4}  shape accuracy {:.4}",
        total.colour_accuracy(),
        total.shape_accuracy()
    );
    println!(
        "columns proposed right: {}/{}",
        total.columns_found, total.columns
    );
    println!(
        "detect s/photo: mean {:.3}  max {:.3};  JPEG decode s/photo: mean {:.3}  max {:.3}",
        mean(times),
        max(times),
        mean(decodes),
        max(decodes)
    );
    let names = moderato::pinboard::PaperColour::ALL.map(|c| c.name());
    println!("colour confusion (rows truth, cols found): {names:?}");
    for (n, row) in names.iter().zip(total.colour_confusion.iter()) {
        println!("  {n:>7} {row:?}");
    }
    let shapes = moderato::pinboard::PaperShape::ALL.map(|s| s.name());
    println!("shape confusion (rows truth, cols found): {shapes:?}");
    for (n, row) in shapes.iter().zip(total.shape_confusion.iter()) {
        println!("  {n:>9} {row:?}");
    }
}

/// A quarter-size copy of the photo with the truth (green), matched detections (blue),
/// false detections (red) and missed cards (yellow).
fn overlay(photo: &image::RgbImage, truth: &GroundTruth, det: &Detection) -> image::RgbImage {
    let k = 4.0;
    let mut img = image::imageops::resize(
        photo,
        photo.width() / 4,
        photo.height() / 4,
        image::imageops::FilterType::Triangle,
    );
    let quads: Vec<[Pt; 4]> = det.cards.iter().map(|c| c.corners).collect();
    let m = match_cards(&truth.cards, &quads, 0.5);
    draw_quad(&mut img, &truth.board, k, [0, 255, 0], 1);
    draw_quad(&mut img, &det.board, k, [255, 0, 255], 1);
    for (i, t) in truth.cards.iter().enumerate() {
        let hit = m.iter().any(|x| x.truth == i);
        draw_quad(
            &mut img,
            &t.corners,
            k,
            if hit { [0, 200, 0] } else { [255, 255, 0] },
            if hit { 0 } else { 2 },
        );
    }
    for (i, c) in det.cards.iter().enumerate() {
        let hit = m.iter().find(|x| x.found == i);
        let wrong = hit
            .and_then(|h| truth.cards.get(h.truth))
            .is_some_and(|t| t.colour != c.colour || t.shape != c.shape);
        let colour = match (hit.is_some(), wrong) {
            (false, _) => [255, 0, 0],
            (true, true) => [255, 128, 0],
            (true, false) => [0, 80, 255],
        };
        draw_quad(
            &mut img,
            &c.corners,
            k,
            colour,
            if hit.is_some() { 0 } else { 2 },
        );
    }
    img
}

fn draw_quad(img: &mut image::RgbImage, q: &[Pt; 4], k: f32, colour: [u8; 3], thick: i32) {
    for i in 0..4 {
        let (a, b) = (q[i], q[(i + 1) % 4]);
        let n = ((b[0] - a[0]).abs().max((b[1] - a[1]).abs()) / k)
            .ceil()
            .max(1.0) as usize;
        for s in 0..=n {
            let t = s as f32 / n as f32;
            let (x, y) = (
                (a[0] + (b[0] - a[0]) * t) / k,
                (a[1] + (b[1] - a[1]) * t) / k,
            );
            for dy in -thick..=thick {
                for dx in -thick..=thick {
                    let (px, py) = (x as i32 + dx, y as i32 + dy);
                    if px >= 0 && py >= 0 && (px as u32) < img.width() && (py as u32) < img.height()
                    {
                        img.put_pixel(px as u32, py as u32, image::Rgb(colour));
                    }
                }
            }
        }
    }
}

fn save_photo(dir: &std::path::Path, seed: u64, jpeg: &[u8], photo: &image::RgbImage) {
    let crop = image::imageops::crop_imm(
        photo,
        photo.width().saturating_sub(1000) / 2,
        photo.height().saturating_sub(750) / 2,
        1000,
        750,
    )
    .to_image();
    let results = [
        std::fs::write(dir.join(format!("seed{seed:02}.jpg")), jpeg).map_err(|e| e.to_string()),
        crop.save(dir.join(format!("seed{seed:02}_crop.png")))
            .map_err(|e| e.to_string()),
    ];
    for r in results {
        if let Err(e) = r {
            eprintln!("cannot write photo for seed {seed}: {e}");
        }
    }
}
