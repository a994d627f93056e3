//! Training the cue tagger on the tagger engine: an averaged-perceptron stage whose epoch count
//! is chosen on dev (exact cue-span F1), a temperature fitted on out-of-fold predictions, and
//! the jackknife (k-fold over articles) that gives later stages cue predictions as noisy on
//! train as at run time.

use super::data::{Prepared, LABELS};
use super::decode::marginals;
use super::eval::{predicted_spans, score};
use super::CueTagger;
use crate::tagger::{label_info, train_stage, FeatConfig, SentFeats, Stage, TrainConfig};

/// Settings of a cue-tagger training run.
#[derive(Clone, Debug)]
pub struct CueTrainConfig {
    /// Maximum epochs (the best on dev is kept).
    pub epochs: usize,
    /// Stop after this many epochs without dev improvement.
    pub patience: usize,
    /// Seed of the training shuffles.
    pub seed: u64,
    /// Perceptrons (different shuffles) averaged into the model.
    pub ensemble: usize,
    /// Folds (articles round-robin) of the jackknife and of the temperature fit.
    pub folds: usize,
    /// Print progress on stderr.
    pub verbose: bool,
}

impl Default for CueTrainConfig {
    fn default() -> Self {
        CueTrainConfig {
            epochs: 12,
            patience: 3,
            seed: 1,
            ensemble: 2,
            folds: 5,
            verbose: false,
        }
    }
}

impl CueTrainConfig {
    fn engine(&self) -> TrainConfig {
        TrainConfig {
            epochs: self.epochs,
            patience: self.patience,
            seed: self.seed,
            ensemble: self.ensemble,
            prune_min_q: 2,
            verbose: self.verbose,
            ..TrainConfig::pos()
        }
    }
}

/// One stage trained on `docs`: for `epochs` epochs, or with early stopping on `dev`.
fn fit(
    config: &CueTrainConfig,
    docs: &[&Prepared],
    dev: Option<&[Prepared]>,
    epochs: usize,
) -> (Stage, usize) {
    let labels: Vec<String> = LABELS.iter().map(|l| l.to_string()).collect();
    let (_, allowed, final_ok, _) = label_info(&labels);
    let sents: Vec<(&SentFeats, &[u16])> = docs
        .iter()
        .flat_map(|d| d.feats.iter().zip(&d.labels))
        .filter(|(f, _)| f.len() > 0)
        .map(|(f, l)| (f, l.as_slice()))
        .collect();
    let mut eval = |st: &Stage| -> f64 {
        let tagger = CueTagger::new(st.clone(), 1.0, 0);
        let dev = dev.unwrap_or_default();
        let pred: Vec<_> = dev.iter().map(|d| predicted_spans(&tagger, d)).collect();
        score(dev, &pred).exact.f1
    };
    train_stage(
        &config.engine(),
        FeatConfig::from_bits(0),
        None,
        labels.len(),
        &allowed,
        &final_ok,
        &sents,
        epochs,
        dev.map(|_| &mut eval as &mut dyn FnMut(&Stage) -> f64),
        "cue",
    )
}

/// Trains the cue tagger on `train` (`dev` only picks the epoch count); the temperature is
/// fitted on the jackknifed marginals of `train`.
pub fn train(config: &CueTrainConfig, train: &[Prepared], dev: Option<&[Prepared]>) -> CueTagger {
    let all: Vec<&Prepared> = train.iter().collect();
    let (stage, epochs) = fit(config, &all, dev, config.epochs);
    let folds = fold_models(config, train, epochs);
    let temperature = fit_temperature(&folds, train, config.folds);
    if config.verbose {
        eprintln!("cue tagger: {epochs} epochs, temperature {temperature}");
    }
    CueTagger::new(stage, temperature, epochs as u32)
}

/// The fold models of the jackknife: model `f` is trained for `epochs` epochs on the articles
/// `d` with `d % folds != f`.
pub fn fold_models(config: &CueTrainConfig, train: &[Prepared], epochs: usize) -> Vec<CueTagger> {
    let k = config.folds.max(2);
    (0..k)
        .map(|f| {
            let docs: Vec<&Prepared> = train
                .iter()
                .enumerate()
                .filter(|(d, _)| d % k != f)
                .map(|(_, p)| p)
                .collect();
            let quiet = CueTrainConfig {
                verbose: false,
                ..config.clone()
            };
            CueTagger::new(fit(&quiet, &docs, None, epochs).0, 1.0, epochs as u32)
        })
        .collect()
}

/// Out-of-fold cue labels of every training article (each tagged by the fold model that did
/// not see it), for training later stages on predictions as noisy as at run time.
pub fn jackknife(config: &CueTrainConfig, train: &[Prepared], epochs: usize) -> Vec<Vec<Vec<u16>>> {
    let models = fold_models(config, train, epochs);
    let k = models.len();
    train
        .iter()
        .enumerate()
        .map(|(d, p)| models[d % k].tag(&p.feats))
        .collect()
}

/// The temperature (on a geometric grid) that maximises the log-likelihood of the gold labels
/// under the out-of-fold marginals.
fn fit_temperature(models: &[CueTagger], train: &[Prepared], folds: usize) -> f64 {
    let k = folds.max(2);
    let labels: Vec<String> = LABELS.iter().map(|l| l.to_string()).collect();
    let (_, allowed, _, _) = label_info(&labels);
    let mut scored: Vec<(Vec<i32>, &[u16], &Stage)> = Vec::new();
    for (d, p) in train.iter().enumerate() {
        let stage = models[d % k].stage();
        for (sf, gold) in p.feats.iter().zip(&p.labels) {
            let mut em = Vec::new();
            stage.emissions(sf, &mut em);
            scored.push((em, gold, stage));
        }
    }
    let likelihood = |t: f64| -> f64 {
        let mut ll = 0.0;
        for (em, gold, st) in &scored {
            let m = marginals(em, gold.len(), st.n, &st.trans, &allowed, t);
            for (i, &g) in gold.iter().enumerate() {
                ll += m[i * st.n + g as usize].max(1e-12).ln();
            }
        }
        ll
    };
    let grid = (0..32).map(|i| 64.0 * 2f64.powf(i as f64 / 2.0));
    let mut best = (f64::NEG_INFINITY, 1.0);
    for t in grid {
        let ll = likelihood(t);
        if ll > best.0 {
            best = (ll, t);
        }
    }
    best.1
}
