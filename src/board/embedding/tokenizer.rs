//! The XLM-RoBERTa SentencePiece unigram tokenizer, as the model file stores it: a
//! normalisation map per code point, runs of spaces collapsed, a leading "▁" and "▁" for
//! every space, then the most probable split into vocabulary pieces (Viterbi). A character
//! that no piece covers becomes the unknown token. Written here rather than through the
//! `tokenizers` crate, whose sentencepiece support needs C code (onig, esaxx) to build; this is
//! the whole algorithm, checked against the reference engine in the tests.

use rustc_hash::FxHashMap;

/// The metaspace marker U+2581 that stands for a space.
const META: char = '\u{2581}';

pub(super) struct Tokenizer {
    pub bos: u32,
    pub eos: u32,
    pub pad: u32,
    pub unk: u32,
    pieces: FxHashMap<Box<[u8]>, u32>,
    scores: Vec<f32>,
    unk_score: f32,
    longest_piece: usize,
    normalise: FxHashMap<char, Vec<char>>,
}

impl Tokenizer {
    pub fn new(
        specials: [u32; 4],
        pieces: Vec<&[u8]>,
        scores: Vec<f32>,
        normalise: FxHashMap<char, Vec<char>>,
    ) -> Self {
        let [bos, eos, pad, unk] = specials;
        let min = scores.iter().copied().fold(f32::INFINITY, f32::min);
        let longest_piece = pieces.iter().map(|p| p.len()).max().unwrap_or(1).max(1);
        let mut map = FxHashMap::default();
        map.reserve(pieces.len());
        for (id, piece) in pieces.into_iter().enumerate() {
            // The first piece with a spelling wins, as in the reference's hash table.
            if !piece.is_empty() {
                map.entry(Box::from(piece)).or_insert(id as u32);
            }
        }
        Tokenizer {
            bos,
            eos,
            pad,
            unk,
            pieces: map,
            scores,
            unk_score: if min.is_finite() { min - 10.0 } else { -10.0 },
            longest_piece,
            normalise,
        }
    }

    /// The content pieces of `text` (no begin or end marker), at most `limit` of them.
    pub fn encode(&self, text: &str, limit: usize) -> Vec<u32> {
        let mut chars: Vec<char> = Vec::with_capacity(text.len() + 1);
        for c in text.chars() {
            match self.normalise.get(&c) {
                Some(out) => chars.extend(out),
                None => chars.push(c),
            }
        }
        chars.dedup_by(|b, a| *a == ' ' && *b == ' ');
        let mut spelled = String::with_capacity(chars.len() * 3 + 3);
        let mut starts = Vec::with_capacity(chars.len() + 2);
        if chars.first() != Some(&' ') {
            starts.push(0);
            spelled.push(META);
        }
        for c in chars {
            starts.push(spelled.len());
            spelled.push(if c == ' ' { META } else { c });
        }
        starts.push(spelled.len());
        let bytes = spelled.as_bytes();
        let n = starts.len() - 1;
        let mut best = vec![f32::NEG_INFINITY; n + 1];
        let mut piece = vec![None::<u32>; n + 1];
        let mut from = vec![0usize; n + 1];
        best[0] = 0.0;
        for i in 0..n {
            if best[i] == f32::NEG_INFINITY {
                continue;
            }
            for e in i + 1..=n {
                let span = &bytes[starts[i]..starts[e]];
                if span.len() > self.longest_piece {
                    break;
                }
                if let Some(&id) = self.pieces.get(span)
                    && id != self.unk
                {
                    let score = best[i] + self.scores[id as usize];
                    if score > best[e] {
                        best[e] = score;
                        piece[e] = Some(id);
                        from[e] = i;
                    }
                }
            }
            let unknown = best[i] + self.unk_score;
            if unknown > best[i + 1] {
                best[i + 1] = unknown;
                piece[i + 1] = None;
                from[i + 1] = i;
            }
        }
        let mut ids = Vec::new();
        let mut at = n;
        while at > 0 {
            ids.push(piece[at].unwrap_or(self.unk));
            at = from[at];
        }
        ids.reverse();
        ids.truncate(limit);
        ids
    }
}
