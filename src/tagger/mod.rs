//! Averaged-perceptron sequence tagger (NER, POS, chunking) with constrained Viterbi decoding,
//! vector-derived word classes, document hints, a cross-validated gazetteer and an optional
//! second pass with document-level label consistency.

pub mod conll;
mod features;
mod gazetteer;
mod hash;
mod io_util;
mod model;
pub mod score;
mod train;
mod wordclasses;

pub use features::FeatConfig;
pub use model::Tagger;
pub use train::{train, TrainConfig};
pub use wordclasses::WordClasses;

/// Errors when loading a model or word-class table.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("bad magic number (not a tagger file)")]
    BadMagic,
    #[error("unsupported model version {0}")]
    Version(u32),
    #[error("model file truncated")]
    Truncated,
    #[error("corrupt model: {0}")]
    Corrupt(String),
}
