//! Learned attribution (issue 16), trained on PolNeAR with the tagger engine. Its first part is
//! the cue tagger: a BIO sequence tagger of attribution cues, including multi-word ones and
//! the many cue strings `models/cues.tsv` does not list, whose lexicon is only a soft feature.
//! `claimex attrib train|eval` trains and scores it; its jackknifed predictions
//! ([`train::jackknife`]) are what later stages train on.

pub mod data;
mod decode;
pub mod eval;
mod features;
mod model;
pub mod train;

pub use model::{embedded, CueTagger, CUE_MODEL};

use std::path::Path;

use crate::pipeline::Pipeline;

/// Reads and prepares a corpus (articles file and its gold) for the cue tagger.
pub fn load(articles: &Path, gold: &Path) -> anyhow::Result<Vec<data::Prepared>> {
    let docs = data::read_corpus(articles, gold)?;
    let pipeline = Pipeline::default().without_confidence();
    Ok(data::prepare(&pipeline, &CueTagger::untrained(), &docs))
}

/// Trains the cue tagger on a train corpus, with an optional dev corpus for the epoch count;
/// returns the model and its report on train (in-sample) and dev.
pub fn train_files(
    config: &train::CueTrainConfig,
    train_set: (&Path, &Path),
    dev: Option<(&Path, &Path)>,
) -> anyhow::Result<(CueTagger, String)> {
    let train_docs = load(train_set.0, train_set.1)?;
    let dev_docs = dev.map(|(a, g)| load(a, g)).transpose()?;
    let tagger = train::train(config, &train_docs, dev_docs.as_deref());
    let mut report = format!(
        "cue tagger: {} epochs, temperature {}, {} feature rows\n\ntrain (in-sample) {}",
        tagger.epochs,
        tagger.temperature,
        tagger.n_features(),
        eval::evaluate(&tagger, &train_docs).to_text()
    );
    if let Some(dev_docs) = &dev_docs {
        report += &format!("\ndev {}", eval::evaluate(&tagger, dev_docs).to_text());
    }
    Ok((tagger, report))
}

#[cfg(test)]
mod tests;
