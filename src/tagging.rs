//! Training, evaluating and applying the sequence taggers (NER, POS, chunks) on CoNLL-format
//! files: the library side of `claimex ner|pos|chunk train|eval|tag`.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::models::Task;
use crate::sink::AtomicFile;
use crate::tagger::conll::Corpus;
use crate::tagger::{score, train, Tagger, TrainConfig, WordClasses};

/// The label column of `task` in a CoNLL file (columns after the word): POS is the first, the
/// chunk the second, NER the last (so 2-column NER files such as wikigold work too).
pub fn label_column(task: Task, corpus: &Corpus) -> Result<usize, String> {
    let n = corpus.n_columns();
    let column = match task {
        Task::Pos => 0,
        Task::Chunk => 1,
        Task::Ner => n.saturating_sub(1),
    };
    if column >= n {
        return Err(format!(
            "the file has {n} label column(s); {} needs column {}",
            task.name(),
            column + 2
        ));
    }
    Ok(column)
}

/// Training settings of each task, with a fixed seed for reproducible models.
pub fn train_config(task: Task, seed: u64) -> TrainConfig {
    let mut config = match task {
        Task::Ner => TrainConfig::ner(),
        Task::Pos => TrainConfig::pos(),
        Task::Chunk => TrainConfig::chunk(),
    };
    config.seed = seed;
    config.verbose = false;
    config
}

/// Trains a model for `task` on `train` (with `dev` for epoch selection).
pub fn train_model(
    task: Task,
    train_set: &Corpus,
    dev: Option<&Corpus>,
    classes: &WordClasses,
    seed: u64,
) -> Result<Tagger, String> {
    let column = label_column(task, train_set)?;
    if let Some(dev) = dev {
        label_column(task, dev)?;
    }
    Ok(train(
        &train_config(task, seed),
        train_set,
        dev,
        classes,
        column,
    ))
}

/// Precision, recall and F1 of one span type (or overall).
#[derive(Clone, Debug, Serialize)]
pub struct Prf {
    /// Gold spans.
    pub gold: usize,
    /// Predicted spans.
    pub predicted: usize,
    /// Spans predicted exactly (same tokens and type).
    pub correct: usize,
    /// correct / predicted.
    pub precision: f64,
    /// correct / gold.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl From<&score::Prf> for Prf {
    fn from(p: &score::Prf) -> Prf {
        Prf {
            gold: p.n_gold,
            predicted: p.n_pred,
            correct: p.tp,
            precision: p.precision(),
            recall: p.recall(),
            f1: p.f1(),
        }
    }
}

/// A tagger evaluation: conlleval-compatible span scores and token accuracy.
#[derive(Clone, Debug, Serialize)]
pub struct EvalReport {
    /// ner, pos or chunk.
    pub task: &'static str,
    /// Sentences scored.
    pub sentences: usize,
    /// Tokens scored.
    pub tokens: usize,
    /// Share of tokens whose label is right.
    pub token_accuracy: f64,
    /// Span scores over all types.
    pub overall: Prf,
    /// Span scores per type.
    pub per_type: BTreeMap<String, Prf>,
}

impl EvalReport {
    /// A conlleval-style text table.
    pub fn to_text(&self) -> String {
        let mut s = format!(
            "{}: {} sentences, {} tokens; token accuracy {:.4}\n{:<8} {:>7} {:>7} {:>7} {:>9} {:>9} {:>9}\n",
            self.task, self.sentences, self.tokens, self.token_accuracy, "type", "gold", "pred", "correct", "precision", "recall", "F1"
        );
        let row = |name: &str, p: &Prf| {
            format!(
                "{:<8} {:>7} {:>7} {:>7} {:>9.4} {:>9.4} {:>9.4}\n",
                name, p.gold, p.predicted, p.correct, p.precision, p.recall, p.f1
            )
        };
        s += &row("overall", &self.overall);
        for (t, p) in &self.per_type {
            s += &row(t, p);
        }
        s
    }
}

/// Tags every document of `corpus` and scores the predictions against the `task` column;
/// optionally writes `token gold predicted` lines (blank line between sentences).
pub fn evaluate(
    model: &Tagger,
    classes: &WordClasses,
    task: Task,
    corpus: &Corpus,
    predictions: Option<&mut dyn Write>,
) -> Result<EvalReport, String> {
    evaluate_with(task, corpus, predictions, |sentences| {
        Ok(model.tag_document_labels(sentences, classes))
    })
}

/// Scores the NER labels of a transformer model on `corpus` (sentences tagged in parallel).
#[cfg(feature = "transformer")]
pub fn evaluate_transformer(
    model: &crate::ner::TransformerNer,
    corpus: &Corpus,
    predictions: Option<&mut dyn Write>,
) -> Result<EvalReport, String> {
    use rayon::prelude::*;
    evaluate_with(Task::Ner, corpus, predictions, |sentences| {
        sentences
            .par_iter()
            .map(|words| model.label_words(words))
            .collect()
    })
}

/// Scores the NER labels of the perceptron `model` and a transformer combined by
/// [`crate::ner::combine`] (the transformer sure of entities of probability ≥ `min_confidence`).
#[cfg(feature = "transformer")]
pub fn evaluate_ensemble(
    model: &Tagger,
    classes: &WordClasses,
    transformer: &crate::ner::TransformerNer,
    min_confidence: f32,
    corpus: &Corpus,
    predictions: Option<&mut dyn Write>,
) -> Result<EvalReport, String> {
    use rayon::prelude::*;
    evaluate_with(Task::Ner, corpus, predictions, |sentences| {
        let tags = model.tag_document_labels(sentences, classes);
        sentences
            .par_iter()
            .zip(&tags)
            .map(|(words, primary)| {
                let secondary = transformer.scored_labels(words)?;
                Ok(crate::ner::combine(primary, &secondary, min_confidence))
            })
            .collect()
    })
}

/// Labels every document of `corpus` with `tag` (one label name per token of each sentence)
/// and scores the labels against the `task` column.
fn evaluate_with<'m>(
    task: Task,
    corpus: &Corpus,
    mut predictions: Option<&mut dyn Write>,
    tag: impl Fn(&[Vec<&str>]) -> Result<Vec<Vec<&'m str>>, String>,
) -> Result<EvalReport, String> {
    let column = label_column(task, corpus)?;
    let mut gold: Vec<Vec<&str>> = Vec::new();
    let mut pred: Vec<Vec<&str>> = Vec::new();
    for document in &corpus.documents {
        let sentences: Vec<Vec<&str>> = document.iter().map(|s| s.token_strs()).collect();
        let tags = tag(&sentences)?;
        for (sentence, p) in document.iter().zip(tags) {
            let g: Vec<&str> = sentence.columns[column]
                .iter()
                .map(String::as_str)
                .collect();
            if let Some(w) = predictions.as_deref_mut() {
                for ((token, g), p) in sentence.tokens.iter().zip(&g).zip(&p) {
                    writeln!(w, "{token} {g} {p}").map_err(|e| e.to_string())?;
                }
                writeln!(w).map_err(|e| e.to_string())?;
            }
            gold.push(g);
            pred.push(p);
        }
    }
    let scores = score::score(&gold, &pred);
    Ok(EvalReport {
        task: task.name(),
        sentences: gold.len(),
        tokens: scores.token_total,
        token_accuracy: scores.token_accuracy(),
        overall: (&scores.overall).into(),
        per_type: scores
            .per_type
            .iter()
            .map(|(k, v)| (k.clone(), v.into()))
            .collect(),
    })
}

/// Writes a model to `out` under a temporary name, then renames it into place.
pub fn save_model(model: &Tagger, out: &std::path::Path) -> io::Result<()> {
    let mut file = AtomicFile::create(out)?;
    model.write_to(file.writer())?;
    file.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = "-DOCSTART- -X- -X- O\n\nAnna NNP B-NP B-PER\nSmith NNP I-NP I-PER\nvisited VBD B-VP O\nParis NNP B-NP B-LOC\n. . O O\n\n";

    #[test]
    fn columns_by_task() {
        let four = Corpus::parse(FIXTURE);
        assert_eq!(label_column(Task::Pos, &four), Ok(0));
        assert_eq!(label_column(Task::Chunk, &four), Ok(1));
        assert_eq!(label_column(Task::Ner, &four), Ok(2));
        let two = Corpus::parse("Anna B-PER\nSmith I-PER\n\n");
        assert_eq!(label_column(Task::Ner, &two), Ok(0));
        assert!(label_column(Task::Chunk, &two).is_err());
    }
}
