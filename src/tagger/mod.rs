//! Averaged-perceptron sequence tagger (NER, POS, chunking) with constrained Viterbi decoding,
//! vector-derived word classes, document hints, a cross-validated gazetteer and an optional
//! second pass with document-level label consistency.

pub mod conll;
mod features;
mod gazetteer;
mod hash;
mod io_util;
mod model;
mod pair;
pub mod score;
mod train;
mod wordclasses;

pub use features::FeatConfig;
pub(crate) use features::{lower_into, normalize, SentFeats};
pub(crate) use hash::{feat, hash_str, pair};
pub use model::Tagger;
pub(crate) use model::{label_info, Stage};
pub(crate) use train::train_stage;
pub use train::{train, TrainConfig};
pub use wordclasses::WordClasses;

/// Errors when loading a model or word-class table.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The file does not start with the expected magic bytes.
    #[error("bad magic number (not a tagger file)")]
    BadMagic,
    /// The file has a format version this build cannot read.
    #[error("unsupported model version {0}")]
    Version(u32),
    /// The file ends before all expected data was read.
    #[error("model file truncated")]
    Truncated,
    /// The file content is inconsistent (reason given).
    #[error("corrupt model: {0}")]
    Corrupt(String),
}
