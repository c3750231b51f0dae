//! Segmenting cards on the straightened board.
//!
//! Cards are found by colour and brightness against a smooth model of the board's own
//! background (which absorbs uneven light), plus — on white boards, where white paper has
//! almost the board's colour — by the dark outline that a paper edge and its shadow draw.
//! Touching cards are separated along those dark outlines.

use super::background::{background, board_reference};
use super::raster::{Rgbf, box_blur, chroma, chroma_dist, fill_holes, grow_labels, label, lum};

pub(crate) use super::scale::Scale;

/// Pixels whose colour or brightness stands out from the local background.
pub(crate) fn colour_mask(smooth: &Rgbf, bg: &Rgbf) -> Vec<bool> {
    smooth
        .px
        .iter()
        .zip(bg.px.iter())
        .map(|(&p, &b)| chroma_dist(chroma(p), chroma(b)) > 0.035 || lum(p) > lum(b) * 1.2)
        .collect()
}

/// White paper on a white board: regions fully enclosed by dark outlines, card-sized,
/// compact and at least as bright as the board. Returns their pixels, slightly dilated to
/// cover the outline itself.
pub(crate) fn enclosed_paper(
    cut: &[bool],
    smooth: &Rgbf,
    bg: &Rgbf,
    colour: &[bool],
    scale: Scale,
) -> Vec<bool> {
    let (w, h) = (smooth.w, smooth.h);
    let open: Vec<bool> = cut.iter().map(|&c| !c).collect();
    let (labels, n) = label(&open, w, h, false);
    // Per component: count, border contact, pixels at least about as bright as the board
    // (paper; writing excluded), colour-mask count, bbox.
    let mut st = vec![
        (
            0usize,
            false,
            0.0f32,
            0usize,
            [usize::MAX, usize::MAX, 0usize, 0usize]
        );
        n + 1
    ];
    for (i, &l) in labels.iter().enumerate() {
        let (Some(s), Some(p), Some(b)) = (st.get_mut(l as usize), smooth.px.get(i), bg.px.get(i))
        else {
            continue;
        };
        if l == 0 {
            continue;
        }
        let (x, y) = (i % w, i / w);
        s.0 += 1;
        s.1 |= x == 0 || y == 0 || x + 1 == w || y + 1 == h;
        s.2 += f32::from(u8::from(lum(*p) > 0.95 * lum(*b)));
        s.3 += usize::from(colour.get(i) == Some(&true));
        s.4 = [s.4[0].min(x), s.4[1].min(y), s.4[2].max(x), s.4[3].max(y)];
    }
    // Writing takes a large bite out of the open paper, so judge sizes and compactness
    // only after the writing's holes are filled.
    let hi = scale.area(700.0);
    let keep: Vec<bool> = st
        .iter()
        .map(|s| {
            let a = s.0 as f32;
            a >= scale.area(15.0)
                && a <= hi
                && !s.1
                && s.2 / a.max(1.0) > 0.6
                && (s.3 as f32) < a * 0.5
        })
        .collect();
    let mut mask: Vec<bool> = labels
        .iter()
        .map(|&l| l > 0 && keep.get(l as usize) == Some(&true))
        .collect();
    fill_holes(&mut mask, w, h, hi as usize);
    let (filled, m) = label(&mask, w, h, false);
    let mut box_of = vec![(0usize, [usize::MAX, usize::MAX, 0usize, 0usize]); m + 1];
    for (i, &l) in filled.iter().enumerate() {
        if let Some(b) = box_of.get_mut(l as usize) {
            let (x, y) = (i % w, i / w);
            b.0 += 1;
            b.1 = [b.1[0].min(x), b.1[1].min(y), b.1[2].max(x), b.1[3].max(y)];
        }
    }
    let good: Vec<bool> = box_of
        .iter()
        .map(|(n, b)| {
            let (bw, bh) = (
                (b[2] + 1).saturating_sub(b[0]) as f32,
                (b[3] + 1).saturating_sub(b[1]) as f32,
            );
            let a = *n as f32;
            a >= scale.area(45.0) && a <= hi && a > 0.6 * bw * bh
        })
        .collect();
    let mask: Vec<bool> = filled
        .iter()
        .map(|&l| l > 0 && good.get(l as usize) == Some(&true))
        .collect();
    super::lines::dilate(&mask, w, h, scale.px(0.3))
}

/// Splits the card mask into one label per card: cut along dark outlines, keep the
/// sizeable pieces as seeds, and let every mask pixel join its nearest seed.
/// Returns (grown labels, seed labels, count).
pub(crate) fn split_cards(
    mask: &[bool],
    cut: &[bool],
    w: usize,
    h: usize,
    scale: Scale,
) -> (Vec<u32>, Vec<u32>, usize) {
    let inner: Vec<bool> = mask
        .iter()
        .zip(cut.iter())
        .map(|(&m, &c)| m && !c)
        .collect();
    let (mut labels, n) = label(&inner, w, h, false);
    let mut size = vec![0usize; n + 1];
    for &l in &labels {
        if let Some(s) = size.get_mut(l as usize) {
            *s += 1;
        }
    }
    let min_seed = scale.area(12.0) as usize;
    // Renumber the kept seeds densely.
    let mut map = vec![0u32; n + 1];
    let mut next = 0u32;
    for (l, &s) in size.iter().enumerate().skip(1) {
        if s >= min_seed {
            next += 1;
            map[l] = next;
        }
    }
    for l in labels.iter_mut() {
        *l = map.get(*l as usize).copied().unwrap_or(0);
    }
    let seeds = labels.clone();
    grow_labels(&mut labels, mask, w, h);
    (labels, seeds, next as usize)
}

/// Everything the card stage needs from the straightened board.
pub(crate) struct Segmentation {
    pub labels: Vec<u32>,
    pub seeds: Vec<u32>,
    pub count: usize,
    pub bg: Rgbf,
}

/// Runs the whole segmentation on the straightened board image.
pub(crate) fn segment(img: &Rgbf, scale: Scale) -> Segmentation {
    let (w, h) = (img.w, img.h);
    let smooth = box_blur(img, (scale.px(0.2).round() as usize).max(1));
    let reference = board_reference(&smooth);
    let bg = background(&smooth, reference, scale);
    let colour = colour_mask(&smooth, &bg);
    let lines = super::lines::find(img, &bg);
    let neutral = chroma_dist(chroma(reference), [1.0 / 3.0, 1.0 / 3.0]) < 0.04;
    let mut mask = colour.clone();
    if neutral {
        // On a white board nothing but ink is half as dark as its surroundings.
        let cut = super::lines::cuts(&lines, true, w, h);
        let paper = enclosed_paper(&cut, &smooth, &bg, &colour, scale);
        for (m, p) in mask.iter_mut().zip(paper) {
            *m |= p;
        }
    }
    fill_holes(&mut mask, w, h, scale.area(40.0) as usize);
    // Drop specks of texture (cork granules, fibres) narrower than about 8 mm.
    let mask = super::raster::open(&mask, w, h, scale.px(0.4));
    // Here ink keeps its outline: a shadow in a narrow gap between cards can look like ink,
    // and cutting there matters more than the rare card that writing walls off in two.
    let cut = super::lines::cuts(&lines, false, w, h);
    let (mut labels, seeds, mut count) = split_cards(&mask, &cut, w, h, scale);
    super::split::split_merged(&mut labels, &mut count, &lines.dark, w, scale);
    Segmentation {
        labels,
        seeds,
        count,
        bg,
    }
}
