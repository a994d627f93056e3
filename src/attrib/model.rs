//! The cue tagger model: one perceptron stage of the tagger engine over the cue features,
//! with the temperature that turns its scores into marginal probabilities.

use std::io;
use std::sync::OnceLock;

use super::data::{chunks, LABELS};
use super::decode::marginals;
use super::features::{doc_context, sentence_features};
use crate::document::Analysis;
use crate::quote::CueLexicon;
use crate::span::Span;
use crate::tagger::{FeatConfig, ModelError, SentFeats, Stage, Tagger, WordClasses};

const MAGIC: &[u8; 8] = b"CUETAG01";

/// The embedded cue model (`models/cue_tagger.bin`).
pub const CUE_MODEL: &[u8] = include_bytes!("../../models/cue_tagger.bin");

/// A BIO tagger of attribution cues ("said", "according to", "reserved his passion for").
#[derive(Clone)]
pub struct CueTagger {
    tagger: Tagger,
    /// Divides the scores before forward–backward (fitted on out-of-fold predictions).
    pub temperature: f64,
    /// Training epochs (chosen on dev); fold models for jackknifing use the same.
    pub epochs: u32,
    lexicon: CueLexicon,
    classes: &'static WordClasses,
}

impl CueTagger {
    /// A tagger of one trained stage.
    pub(crate) fn new(stage: Stage, temperature: f64, epochs: u32) -> CueTagger {
        let labels = LABELS.iter().map(|l| l.to_string()).collect();
        CueTagger {
            tagger: Tagger::new(labels, vec![stage]),
            temperature,
            epochs,
            lexicon: CueLexicon::default(),
            classes: crate::models::word_classes(),
        }
    }

    /// A model with no weights (every token `O`): what features are computed with before
    /// any model exists.
    pub fn untrained() -> CueTagger {
        let stage = Stage::build(
            FeatConfig::from_bits(0),
            LABELS.len(),
            &[],
            &[],
            vec![0; 12],
            None,
        );
        CueTagger::new(stage, 1.0, 0)
    }

    /// The cue lexicon its soft features read.
    pub fn lexicon(&self) -> &CueLexicon {
        &self.lexicon
    }

    /// The word classes its features read.
    pub fn classes(&self) -> &WordClasses {
        self.classes
    }

    /// Number of stored feature rows.
    pub fn n_features(&self) -> usize {
        self.tagger.n_features()
    }

    pub(crate) fn stage(&self) -> &Stage {
        &self.tagger.stages[0]
    }

    /// Viterbi label ids of each sentence.
    pub fn tag(&self, feats: &[SentFeats]) -> Vec<Vec<u16>> {
        self.tagger.decode(self.stage(), feats, None)
    }

    /// Per-token marginals `[P(O), P(B), P(I)]` of one sentence.
    pub fn marginals(&self, sf: &SentFeats) -> Vec<[f64; 3]> {
        let st = self.stage();
        let mut em = Vec::new();
        st.emissions(sf, &mut em);
        let m = marginals(
            &em,
            sf.len(),
            st.n,
            &st.trans,
            &self.tagger.allowed,
            self.temperature,
        );
        m.chunks_exact(3).map(|c| [c[0], c[1], c[2]]).collect()
    }

    /// The cue spans (bytes) the tagger finds in an analysed article.
    pub fn cues(&self, doc: &Analysis) -> Vec<Span> {
        let cx = doc_context(doc, &self.lexicon);
        let mut sf = SentFeats::default();
        let mut out = Vec::new();
        for s in 0..doc.sentences.len() {
            sentence_features(doc, &cx, s, self.classes, &mut sf);
            let labels = self
                .tag(std::slice::from_ref(&sf))
                .pop()
                .unwrap_or_default();
            for chunk in chunks(&labels) {
                out.push(super::data::token_span(doc, s, chunk));
            }
        }
        out
    }

    /// Serialises the model.
    pub fn write_to(&self, w: &mut impl io::Write) -> io::Result<()> {
        w.write_all(MAGIC)?;
        w.write_all(&self.temperature.to_le_bytes())?;
        w.write_all(&self.epochs.to_le_bytes())?;
        self.tagger.write_to(w)
    }

    /// Reads a model written by [`CueTagger::write_to`].
    pub fn from_bytes(bytes: &[u8]) -> Result<CueTagger, ModelError> {
        if bytes.len() < 20 {
            return Err(ModelError::Truncated);
        }
        if &bytes[..8] != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let temperature = f64::from_le_bytes(bytes[8..16].try_into().unwrap_or_default());
        let epochs = u32::from_le_bytes(bytes[16..20].try_into().unwrap_or_default());
        let tagger = Tagger::from_bytes(&bytes[20..])?;
        if tagger.labels() != LABELS || tagger.n_stages() != 1 || tagger.aux.is_some() {
            return Err(ModelError::Corrupt("not a cue tagger".into()));
        }
        if !(temperature.is_finite() && temperature > 0.0) {
            return Err(ModelError::Corrupt("temperature".into()));
        }
        let stage = tagger.stages[0].clone();
        Ok(CueTagger::new(stage, temperature, epochs))
    }
}

/// The embedded cue tagger, parsed once per process.
pub fn embedded() -> &'static CueTagger {
    static MODEL: OnceLock<CueTagger> = OnceLock::new();
    MODEL.get_or_init(|| CueTagger::from_bytes(CUE_MODEL).expect("embedded cue model is valid"))
}
