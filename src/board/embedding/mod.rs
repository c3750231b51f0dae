//! What a card means, as a vector: the multilingual-e5-small model, run on the laptop. Cards
//! that say the same thing in other words (or in the other language) get vectors that point
//! the same way, which the cluster suggestion uses (`grouping::suggest_by_meaning`).
//!
//! The model file is compiled into the program (cargo feature `embedding`, on by default), so
//! nothing is downloaded at build or run time. Without the feature, or if the file were
//! damaged, grouping falls back to the lexical method and says so.

mod model;
mod tokenizer;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

pub use model::{Model, ModelError};

/// The model file, made by `tools/make-embedding-model` (see README, "Suggest by meaning").
#[cfg(feature = "embedding")]
static MODEL_FILE: &[u8] = include_bytes!("../../../assets/embedding/e5-small-de-en.bin");
#[cfg(not(feature = "embedding"))]
static MODEL_FILE: &[u8] = &[];

/// The prefix e5 models expect before a text that is compared with others of its kind.
const PREFIX: &str = "query: ";

/// Texts embedded in one pass: large enough that the matrix products run on both cores,
/// small enough that progress is reported often and padding stays short (sorted by length).
const BATCH: usize = 16;
/// Threads that embed batches side by side.
const WORKERS: usize = 2;

/// The model compiled into this program, loaded on first use (about a tenth of a second).
/// `None` when this build has no model or its file cannot be read.
pub fn shared() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| {
            if MODEL_FILE.is_empty() {
                return None;
            }
            match Model::from_bytes(MODEL_FILE) {
                Ok(model) => Some(model),
                Err(e) => {
                    eprintln!("moderato: {e}; suggestions use shared words instead");
                    None
                }
            }
        })
        .as_ref()
}

/// One embedding per text, L2-normalised, in the order given. `progress(done, total)` is called
/// after each batch.
pub fn embed(
    model: &Model,
    texts: &[&str],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<Vec<f32>>, ModelError> {
    let ids: Vec<Vec<u32>> = texts
        .iter()
        .map(|t| model.token_ids(&format!("{PREFIX}{}", t.trim())))
        .collect();
    let mut order: Vec<usize> = (0..texts.len()).collect();
    order.sort_by_key(|&i| ids[i].len());
    // Batches go to two workers: the matrix products alone keep only one core busy.
    let batches: Vec<&[usize]> = order.chunks(BATCH).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new(Vec::with_capacity(batches.len()));
    let failed = std::sync::Mutex::new(None);
    let (sender, receiver) = std::sync::mpsc::channel::<usize>();
    std::thread::scope(|scope| {
        for _ in 0..WORKERS {
            let sender = sender.clone();
            let (batches, next, results, failed, ids) = (&batches, &next, &results, &failed, &ids);
            scope.spawn(move || {
                loop {
                    let at = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(chunk) = batches.get(at) else { break };
                    let batch: Vec<Vec<u32>> = chunk.iter().map(|&i| ids[i].clone()).collect();
                    match model.embed_ids(&batch) {
                        Ok(vectors) => {
                            if let Ok(mut results) = results.lock() {
                                results.push((at, vectors));
                            }
                            let _ = sender.send(chunk.len());
                        }
                        Err(error) => {
                            if let Ok(mut failed) = failed.lock() {
                                *failed = Some(error);
                            }
                            break;
                        }
                    }
                }
            });
        }
        drop(sender);
        let mut done = 0;
        for n in receiver {
            done += n;
            progress(done, texts.len());
        }
    });
    if let Some(error) = failed.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(error);
    }
    let mut out = vec![Vec::new(); texts.len()];
    for (at, vectors) in results.into_inner().unwrap_or_else(|e| e.into_inner()) {
        for (&i, vector) in batches[at].iter().zip(vectors) {
            out[i] = vector;
        }
    }
    Ok(out)
}

/// Embeddings already computed, by card text: a second suggestion on the same board costs
/// nothing, and an edited card is embedded again on its own. Shared with the worker thread.
#[derive(Clone, Default)]
pub struct Cache {
    vectors: Arc<Mutex<HashMap<String, Arc<[f32]>>>>,
}

impl Cache {
    /// The embedding of every text, computing only those not seen before.
    pub fn embed_all(
        &self,
        model: &Model,
        texts: &[&str],
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Vec<Arc<[f32]>>, ModelError> {
        let known = |map: &HashMap<String, Arc<[f32]>>, t: &str| map.get(t.trim()).cloned();
        let missing: Vec<&str> = {
            let map = self.vectors.lock().unwrap_or_else(|e| e.into_inner());
            let mut seen = std::collections::HashSet::new();
            texts
                .iter()
                .copied()
                .filter(|t| known(&map, t).is_none() && seen.insert(t.trim()))
                .collect()
        };
        let fresh = embed(model, &missing, progress)?;
        let mut map = self.vectors.lock().unwrap_or_else(|e| e.into_inner());
        for (text, vector) in missing.iter().zip(fresh) {
            map.insert(text.trim().to_owned(), vector.into());
        }
        progress(texts.len(), texts.len());
        Ok(texts
            .iter()
            .map(|t| known(&map, t).unwrap_or_else(|| Arc::from(Vec::new())))
            .collect())
    }

    /// How many of the texts (each once) are not cached yet.
    pub fn missing(&self, texts: &[&str]) -> usize {
        let map = self.vectors.lock().unwrap_or_else(|e| e.into_inner());
        let mut seen = std::collections::HashSet::new();
        texts
            .iter()
            .filter(|t| !map.contains_key(t.trim()) && seen.insert(t.trim()))
            .count()
    }

    /// How many texts are cached.
    pub fn len(&self) -> usize {
        self.vectors.lock().map(|m| m.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
