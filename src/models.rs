//! Model loading: the tagger models and word classes embedded in the binary (loaded once per
//! process, on first use), or read from files given by path.

use std::path::Path;
use std::sync::OnceLock;

use crate::tagger::{ModelError, Tagger, WordClasses};

/// The embedded NER model (CoNLL-2003 English, PER/ORG/LOC/MISC).
pub const NER_MODEL: &[u8] = include_bytes!("../models/ner.bin");
/// The embedded POS model (Penn Treebank tags, CoNLL-2003 column).
pub const POS_MODEL: &[u8] = include_bytes!("../models/pos.bin");
/// The embedded NP/VP chunk model (CoNLL-2003 chunk column).
pub const CHUNK_MODEL: &[u8] = include_bytes!("../models/chunk.bin");
/// The embedded word classes derived from the MIT-licensed spaCy vectors.
pub const WORD_CLASSES: &[u8] = include_bytes!("../models/wordclasses.bin");

/// Errors while loading a model.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("cannot read model {path}: {source}")]
    Io {
        /// The model file.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is not a valid model.
    #[error("invalid model {path}: {source}")]
    Model {
        /// The model file.
        path: String,
        /// What is wrong with it.
        source: ModelError,
    },
}

/// Which embedded tagger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task {
    /// Named entities.
    Ner,
    /// Part-of-speech tags.
    Pos,
    /// Phrase chunks.
    Chunk,
}

impl Task {
    /// The task's name, as in model ids.
    pub fn name(self) -> &'static str {
        match self {
            Task::Ner => "ner",
            Task::Pos => "pos",
            Task::Chunk => "chunk",
        }
    }
}

/// The embedded model for `task`, parsed once per process.
pub fn embedded(task: Task) -> &'static Tagger {
    static NER: OnceLock<Tagger> = OnceLock::new();
    static POS: OnceLock<Tagger> = OnceLock::new();
    static CHUNK: OnceLock<Tagger> = OnceLock::new();
    let (cell, bytes) = match task {
        Task::Ner => (&NER, NER_MODEL),
        Task::Pos => (&POS, POS_MODEL),
        Task::Chunk => (&CHUNK, CHUNK_MODEL),
    };
    cell.get_or_init(|| Tagger::from_bytes(bytes).expect("embedded tagger model is valid"))
}

/// The embedded word classes, parsed once per process.
pub fn word_classes() -> &'static WordClasses {
    static CLASSES: OnceLock<WordClasses> = OnceLock::new();
    CLASSES.get_or_init(|| {
        WordClasses::from_bytes(WORD_CLASSES).expect("embedded word classes are valid")
    })
}

/// Reads a tagger model from a file.
pub fn load_tagger(path: &Path) -> Result<Tagger, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.display().to_string(),
        source,
    })?;
    Tagger::from_bytes(&bytes).map_err(|source| LoadError::Model {
        path: path.display().to_string(),
        source,
    })
}

/// A short content fingerprint of a model (FNV-1a of its bytes), for model ids in `run.json`.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
    }
    format!("{:016x}", h)
}
