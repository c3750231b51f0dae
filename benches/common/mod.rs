//! What the benchmarks share.

/// A 4000 × 3000 JPEG with enough texture to decode like a phone photo; `seed` varies it.
pub fn twelve_megapixels(seed: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(4000, 3000, |x, y| {
        let noise = (x.wrapping_mul(7919) ^ y.wrapping_mul(104_729) ^ seed.wrapping_mul(31)) % 23;
        image::Rgb([
            ((x / 16 + seed) % 256) as u8,
            ((y / 12) % 256) as u8,
            (noise * 11) as u8,
        ])
    });
    let mut bytes = Vec::new();
    image
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Jpeg,
        )
        .expect("encode");
    bytes
}
