//! The transformer recognizer (feature `transformer`): a local Hugging Face token-classification
//! model (BERT or RoBERTa) run with rust-bert on libtorch, tokenized with `tokenizers`.
//!
//! A model directory holds `config.json` (with `model_type` and `id2label`), `tokenizer.json`
//! or `vocab.txt` (WordPiece, lowercased when `tokenizer_config.json` says `do_lower_case`), and
//! the weights as `rust_model.ot` or `model.safetensors`. Nothing is ever downloaded.
//!
//! Each sentence's claimex tokens are fed to the tokenizer as pre-tokenized words, so every
//! word piece knows its token; a token takes the label of its first piece. Label names map to
//! PER/ORG/LOC/MISC through `models/ner_labels.tsv`; other types (dates, numbers…) become O.
//! libtorch runs on one intra-op thread per model replica, one replica per worker thread, so
//! the output does not depend on the thread count.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rust_bert::bert::{BertConfig, BertForTokenClassification};
use rust_bert::roberta::RobertaForTokenClassification;
use tch::{nn::VarStore, Device, Kind, Tensor};
use tokenizers::models::wordpiece::WordPiece;
use tokenizers::normalizers::bert::BertNormalizer;
use tokenizers::pre_tokenizers::bert::BertPreTokenizer;
use tokenizers::processors::bert::BertProcessing;
use tokenizers::{Model, Tokenizer};

use super::{combine, sentence_entities, Entity, Recognizer, TaggerRecognizer};
use crate::document::Analysis;

/// Entity type names of other tag sets and the CoNLL type each maps to.
const LABEL_MAP: &str = include_str!("../../models/ner_labels.tsv");

/// Errors while loading a model directory.
#[derive(Debug, thiserror::Error)]
pub enum TransformerError {
    /// A required file is missing.
    #[error("{dir}: no {what} (looked for {files})")]
    Missing {
        /// The model directory.
        dir: PathBuf,
        /// What was looked for.
        what: &'static str,
        /// The file names tried.
        files: String,
    },
    /// A file could not be read or parsed.
    #[error("{path}: {reason}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
}

fn invalid(path: &Path, reason: impl ToString) -> TransformerError {
    TransformerError::Invalid {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    }
}

/// The first of `names` that exists in `dir`.
fn find(dir: &Path, what: &'static str, names: &[&str]) -> Result<PathBuf, TransformerError> {
    names
        .iter()
        .map(|n| dir.join(n))
        .find(|p| p.is_file())
        .ok_or_else(|| TransformerError::Missing {
            dir: dir.to_path_buf(),
            what,
            files: names.join(", "),
        })
}

/// The token-classification networks this backend can run.
enum Network {
    Bert(BertForTokenClassification),
    Roberta(RobertaForTokenClassification),
}

impl Network {
    /// Logits `[1, pieces, labels]` of one encoded sequence.
    fn logits(&self, ids: &Tensor, mask: &Tensor) -> Tensor {
        match self {
            Network::Bert(m) => {
                m.forward_t(Some(ids), Some(mask), None, None, None, false)
                    .logits
            }
            Network::Roberta(m) => {
                m.forward_t(Some(ids), Some(mask), None, None, None, false)
                    .logits
            }
        }
    }
}

/// One copy of the network with the variables it reads (never used by two threads at once).
struct Replica {
    network: Network,
    _vars: VarStore,
}

/// The architectures this backend runs, by the `model_type` of `config.json`.
#[derive(Clone, Copy)]
enum Architecture {
    Bert,
    Roberta,
}

impl Architecture {
    fn of(model_type: &str) -> Option<Architecture> {
        match model_type {
            "bert" => Some(Architecture::Bert),
            "roberta" | "xlm-roberta" | "camembert" => Some(Architecture::Roberta),
            _ => None,
        }
    }
}

/// Builds one replica of the network described by `config` and loads `weights` into it.
fn load_replica(
    architecture: Architecture,
    config: &BertConfig,
    weights: &Path,
    device: Device,
) -> Result<Replica, TransformerError> {
    let mut vars = VarStore::new(device);
    let network = match architecture {
        Architecture::Bert => {
            BertForTokenClassification::new(vars.root(), config).map(Network::Bert)
        }
        Architecture::Roberta => {
            RobertaForTokenClassification::new(vars.root(), config).map(Network::Roberta)
        }
    }
    .map_err(|e| invalid(weights, e))?;
    vars.load(weights).map_err(|e| invalid(weights, e))?;
    // Weights stored in half precision run in single precision on the CPU.
    if device == Device::Cpu {
        vars.float();
    }
    Ok(Replica {
        network,
        _vars: vars,
    })
}

/// The tokenizer of the model: `tokenizer.json`, or a WordPiece `vocab.txt`.
fn load_tokenizer(dir: &Path) -> Result<(Tokenizer, String), TransformerError> {
    let path = find(dir, "tokenizer", &["tokenizer.json", "vocab.txt"])?;
    let mut tokenizer = if path.ends_with("tokenizer.json") {
        Tokenizer::from_file(&path).map_err(|e| invalid(&path, e))?
    } else {
        wordpiece_tokenizer(dir, &path)?
    };
    tokenizer.with_padding(None);
    tokenizer
        .with_truncation(None)
        .map_err(|e| invalid(&path, e))?;
    let bytes = std::fs::read(&path).map_err(|e| invalid(&path, e))?;
    Ok((tokenizer, crate::models::fingerprint(&bytes)))
}

/// A BERT WordPiece tokenizer over `vocab` (lowercasing unless `tokenizer_config.json` has
/// `"do_lower_case": false`).
fn wordpiece_tokenizer(dir: &Path, vocab: &Path) -> Result<Tokenizer, TransformerError> {
    let config_path = dir.join("tokenizer_config.json");
    let lowercase = match std::fs::read_to_string(&config_path) {
        Ok(text) => serde_json::from_str::<serde_json::Value>(&text)
            .map_err(|e| invalid(&config_path, e))?
            .get("do_lower_case")
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(true),
        Err(_) => true,
    };
    let wordpiece = WordPiece::from_file(&vocab.to_string_lossy())
        .unk_token("[UNK]".to_string())
        .build()
        .map_err(|e| invalid(vocab, e))?;
    let id = |token: &str| {
        wordpiece
            .token_to_id(token)
            .ok_or_else(|| invalid(vocab, format!("no {token} in the vocabulary")))
    };
    let (cls, sep) = (id("[CLS]")?, id("[SEP]")?);
    let mut tokenizer = Tokenizer::new(wordpiece);
    tokenizer
        .with_normalizer(Some(BertNormalizer::new(true, true, None, lowercase)))
        .with_pre_tokenizer(Some(BertPreTokenizer))
        .with_post_processor(Some(BertProcessing::new(
            ("[SEP]".to_string(), sep),
            ("[CLS]".to_string(), cls),
        )));
    Ok(tokenizer)
}

/// The CoNLL name ("B-PER", "I-LOC", "O"…) of each of the model's label names.
fn conll_names(id2label: &HashMap<i64, String>) -> Result<Vec<String>, String> {
    let types: HashMap<String, &str> = LABEL_MAP
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(from, to)| (from.to_uppercase(), to))
        .collect();
    (0..id2label.len() as i64)
        .map(|i| {
            let name = id2label
                .get(&i)
                .ok_or_else(|| format!("id2label has no label {i}"))?;
            let upper = name.to_uppercase();
            let (prefix, ty) = match upper.split_once(['-', '_']) {
                Some((p @ ("B" | "I" | "E" | "S"), ty)) => (p, ty),
                Some(("L", ty)) => ("E", ty),
                Some(("U", ty)) => ("S", ty),
                // IO tags: a bare type continues a same-type neighbour.
                _ => ("I", upper.as_str()),
            };
            Ok(types
                .get(ty)
                .map_or_else(|| "O".to_string(), |t| format!("{prefix}-{t}")))
        })
        .collect()
}

/// A token-classification model loaded from a local directory.
pub struct TransformerNer {
    replicas: Vec<Mutex<Replica>>,
    tokenizer: Tokenizer,
    names: Vec<String>,
    max_pieces: usize,
    device: Device,
    id: String,
}

impl TransformerNer {
    /// Loads the model in `dir` with `replicas` copies of the network (one per worker thread).
    pub fn load(dir: &Path, replicas: usize) -> Result<TransformerNer, TransformerError> {
        let config_path = find(dir, "model configuration", &["config.json"])?;
        let text = std::fs::read_to_string(&config_path).map_err(|e| invalid(&config_path, e))?;
        let json: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| invalid(&config_path, e))?;
        let model_type = json
            .get("model_type")
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_string();
        let architecture = Architecture::of(&model_type).ok_or_else(|| {
            invalid(
                &config_path,
                format!("model_type {model_type:?} is not supported (bert, roberta, xlm-roberta, camembert)"),
            )
        })?;
        let config: BertConfig =
            serde_json::from_value(json).map_err(|e| invalid(&config_path, e))?;
        let id2label = config
            .id2label
            .as_ref()
            .ok_or_else(|| invalid(&config_path, "no id2label"))?;
        let names = conll_names(id2label).map_err(|e| invalid(&config_path, e))?;
        let (tokenizer, tokenizer_fp) = load_tokenizer(dir)?;
        let weights = find(dir, "weights", &["rust_model.ot", "model.safetensors"])?;
        let weights_bytes = std::fs::read(&weights).map_err(|e| invalid(&weights, e))?;
        let device = Device::cuda_if_available();
        tch::set_num_threads(1);
        let replicas = (0..replicas.max(1))
            .map(|_| load_replica(architecture, &config, &weights, device).map(Mutex::new))
            .collect::<Result<Vec<_>, _>>()?;
        let fingerprint = crate::models::fingerprint(
            format!(
                "{}{tokenizer_fp}{}",
                crate::models::fingerprint(text.as_bytes()),
                crate::models::fingerprint(&weights_bytes)
            )
            .as_bytes(),
        );
        let name = dir
            .canonicalize()
            .ok()
            .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "model".to_string());
        Ok(TransformerNer {
            replicas,
            tokenizer,
            names,
            // Room for the special tokens at both ends.
            max_pieces: (config.max_position_embeddings.max(8) - 4) as usize,
            device,
            id: format!("ner-transformer-{model_type}-{name}@{}", &fingerprint[..12]),
        })
    }

    /// An identifier of the model (type, directory name and content fingerprint).
    pub fn model_id(&self) -> &str {
        &self.id
    }

    /// The CoNLL label name ("B-PER", "O"…) of each word of one sentence.
    pub fn label_words(&self, words: &[&str]) -> Result<Vec<&str>, String> {
        Ok(self
            .scored_labels(words)?
            .into_iter()
            .map(|(name, _)| name)
            .collect())
    }

    /// The CoNLL label name of each word of one sentence, with the probability the model gives it.
    pub fn scored_labels(&self, words: &[&str]) -> Result<Vec<(&str, f32)>, String> {
        let mut labels = Vec::with_capacity(words.len());
        self.label_into(words, &mut labels)?;
        Ok(labels)
    }

    /// Labels `words`, splitting the sentence in halves while it has too many pieces (a single
    /// token that alone is too long is labelled O).
    fn label_into<'a>(
        &'a self,
        words: &[&str],
        out: &mut Vec<(&'a str, f32)>,
    ) -> Result<(), String> {
        if words.is_empty() {
            return Ok(());
        }
        let encoding = self
            .tokenizer
            // `encode`, not `encode_fast`: the latter leaves out the word ids.
            .encode(words, true)
            .map_err(|e| e.to_string())?;
        if encoding.len() > self.max_pieces {
            if words.len() == 1 {
                // One token longer than the model's window (a URL, a run of symbols).
                out.push(("O", 1.0));
                return Ok(());
            }
            let (left, right) = words.split_at(words.len() / 2);
            self.label_into(left, out)?;
            return self.label_into(right, out);
        }
        let ids: Vec<i64> = encoding.get_ids().iter().map(|&i| i as i64).collect();
        let predicted = self.predict(&ids)?;
        let mut word_label = vec![("O", 1.0); words.len()];
        let mut seen = vec![false; words.len()];
        for (piece, word) in encoding.get_word_ids().iter().enumerate() {
            if let Some(w) = word.map(|w| w as usize).filter(|&w| w < words.len()) {
                if !seen[w] {
                    seen[w] = true;
                    let (label, p) = predicted[piece];
                    word_label[w] = (self.names[label as usize].as_str(), p);
                }
            }
        }
        out.extend(word_label);
        Ok(())
    }

    /// The arg-max label id of every piece of one sequence and its probability.
    fn predict(&self, ids: &[i64]) -> Result<Vec<(i64, f32)>, String> {
        let replica = self
            .replicas
            .iter()
            .find_map(|r| r.try_lock().ok())
            .map_or_else(|| self.replicas[0].lock(), Ok)
            .map_err(|_| "a model replica was poisoned by an earlier failure".to_string())?;
        let _guard = tch::no_grad_guard();
        let input = Tensor::from_slice(ids).view([1, -1]).to(self.device);
        let mask = Tensor::ones([1, ids.len() as i64], (Kind::Int64, self.device));
        let probabilities = replica
            .network
            .logits(&input, &mask)
            .softmax(-1, Kind::Float)
            .view([ids.len() as i64, -1]);
        let (best_p, best) = probabilities.max_dim(-1, false);
        let best = Vec::<i64>::try_from(best).map_err(|e| e.to_string())?;
        let best_p = Vec::<f32>::try_from(best_p).map_err(|e| e.to_string())?;
        if best.iter().all(|&b| (b as usize) < self.names.len()) {
            Ok(best.into_iter().zip(best_p).collect())
        } else {
            Err("the model predicted a label outside id2label".to_string())
        }
    }
}

/// The recognizer over a [`TransformerNer`] model.
pub struct TransformerRecognizer {
    model: TransformerNer,
}

impl TransformerRecognizer {
    /// A recognizer over `model`.
    pub fn new(model: TransformerNer) -> TransformerRecognizer {
        TransformerRecognizer { model }
    }
}

impl Recognizer for TransformerRecognizer {
    /// Panics (caught by the pipeline, reported as an error of this article) when libtorch
    /// fails, which no input text should cause.
    fn recognize(&self, doc: &Analysis) -> Vec<Entity> {
        let mut out = Vec::new();
        for sentence in &doc.sentences {
            let words: Vec<&str> = sentence.tokens.clone().map(|i| doc.token_text(i)).collect();
            match self.model.label_words(&words) {
                Ok(names) => sentence_entities(doc, sentence, &names, &mut out),
                Err(e) => panic!("the transformer NER model failed: {e}"),
            }
        }
        out
    }

    fn model_id(&self) -> String {
        self.model.model_id().to_string()
    }
}

/// The perceptron and a transformer together: the perceptron's entity spans, typed by the
/// transformer where it is sure, plus its sure entities where the perceptron has none (see
/// [`combine`]).
pub struct EnsembleRecognizer {
    perceptron: TaggerRecognizer,
    transformer: TransformerNer,
    min_confidence: f32,
}

impl EnsembleRecognizer {
    /// The embedded perceptron with `transformer` sure of entities of probability ≥ `min_confidence`.
    pub fn new(transformer: TransformerNer, min_confidence: f32) -> EnsembleRecognizer {
        EnsembleRecognizer {
            perceptron: TaggerRecognizer::embedded(),
            transformer,
            min_confidence,
        }
    }
}

impl Recognizer for EnsembleRecognizer {
    /// Panics like [`TransformerRecognizer`] when libtorch fails.
    fn recognize(&self, doc: &Analysis) -> Vec<Entity> {
        let mut out = Vec::new();
        let perceptron = self.perceptron.sentence_labels(doc);
        for (sentence, primary) in doc.sentences.iter().zip(&perceptron) {
            let words: Vec<&str> = sentence.tokens.clone().map(|i| doc.token_text(i)).collect();
            match self.transformer.scored_labels(&words) {
                Ok(secondary) => {
                    let names = combine(primary, &secondary, self.min_confidence);
                    sentence_entities(doc, sentence, &names, &mut out);
                }
                Err(e) => panic!("the transformer NER model failed: {e}"),
            }
        }
        out
    }

    fn model_id(&self) -> String {
        format!(
            "ner-ensemble({}+{}, min {})",
            self.perceptron.model_id(),
            self.transformer.model_id(),
            self.min_confidence
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transformer_label_names_map_to_conll_types() {
        let id2label: HashMap<i64, String> = [
            "O", "B-PER", "I-PER", "B-ORG", "U-LOC", "L-LOC", "PERSON", "B-DATE", "I-GPE",
        ]
        .iter()
        .enumerate()
        .map(|(i, n)| (i as i64, n.to_string()))
        .collect();
        assert_eq!(
            conll_names(&id2label).unwrap(),
            ["O", "B-PER", "I-PER", "B-ORG", "S-LOC", "E-LOC", "I-PER", "O", "I-LOC"]
        );
        let gap: HashMap<i64, String> = [(0, "O".to_string()), (2, "B-PER".to_string())].into();
        assert!(conll_names(&gap).is_err());
    }

    #[test]
    fn transformer_missing_files_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let error = TransformerNer::load(dir.path(), 1)
            .err()
            .unwrap()
            .to_string();
        assert!(error.contains("config.json"), "{error}");
        std::fs::write(
            dir.path().join("config.json"),
            r#"{"model_type":"bert","id2label":{"0":"O"}}"#,
        )
        .unwrap();
        let error = TransformerNer::load(dir.path(), 1)
            .err()
            .unwrap()
            .to_string();
        assert!(error.contains("config.json"), "{error}");
    }
}
