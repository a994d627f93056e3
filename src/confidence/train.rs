//! `claimex confidence train`: runs the pipeline (with rule confidences) over a train and a
//! dev corpus, labels each claim right or wrong with `claimex eval`'s matching, fits the
//! correctness model on train, the calibration map on dev, and reports reliability.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context as _;
use rayon::prelude::*;

use super::fit::{isotonic, logistic, Example, FitConfig};
use super::{claim_features, rounded, ConfidenceModel, Context};
use crate::claim::DocOutput;
use crate::eval::calibration::{reliability, Reliability};
use crate::eval::claims::{match_pairs, parse_pred_value, read_gold, ClaimPred};
use crate::ingest::{Articles, IngestOptions};
use crate::pipeline::Pipeline;
use crate::Article;

/// One predicted claim of a corpus, labelled against its gold.
#[derive(Clone, Debug)]
pub struct Labelled {
    /// Index of its article in the corpus (for folds).
    pub article: usize,
    /// Features and whether it is right.
    pub example: Example,
    /// The rule confidence the pipeline gave it, as written to `claims.jsonl`.
    pub rule_confidence: f64,
}

/// The predicted claims of `articles` (in articles scored by `gold`), labelled right when
/// `claimex eval` pairs them with a gold claim and their speaker is correct.
pub fn label_corpus(
    pipeline: &Pipeline,
    articles: &Path,
    gold: &Path,
) -> anyhow::Result<Vec<Labelled>> {
    let gold = read_gold(gold)?;
    let gold_docs: BTreeSet<&str> = gold.iter().map(|g| g.doc_id.as_str()).collect();
    let articles: Vec<Article> = Articles::new(&[articles.to_path_buf()], IngestOptions::default())
        .collect::<Result<_, _>>()
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let per_article: Vec<Vec<(Example, ClaimPred, f64)>> = articles
        .par_iter()
        .filter(|a| gold_docs.contains(a.id.as_str()))
        .map(|a| article_claims(pipeline, a))
        .collect::<anyhow::Result<_>>()?;
    let mut labelled = Vec::new();
    let mut preds = Vec::new();
    for (article, claims) in per_article.into_iter().enumerate() {
        for (example, pred, rule_confidence) in claims {
            labelled.push(Labelled {
                article,
                example,
                rule_confidence,
            });
            preds.push(pred);
        }
    }
    let all_gold: Vec<usize> = (0..gold.len()).collect();
    let all_pred: Vec<usize> = (0..preds.len()).collect();
    for pair in match_pairs(&gold, &preds, &all_gold, &all_pred) {
        labelled[pair.pred].example.label = pair.speaker_correct;
    }
    Ok(labelled)
}

/// Features, eval record and rule confidence of each claim of one article (labels unset).
fn article_claims(
    pipeline: &Pipeline,
    article: &Article,
) -> anyhow::Result<Vec<(Example, ClaimPred, f64)>> {
    let doc = pipeline.analyze(article);
    let (claims, evidence) = pipeline.claims(&doc);
    let output = DocOutput::build(article, &doc, &claims);
    let cx = Context::new(&doc, &claims, &evidence, pipeline.lexicon());
    output
        .claims
        .iter()
        .enumerate()
        .map(|(i, record)| {
            let pred = parse_pred_value(&serde_json::to_value(record)?)
                .map_err(|e| anyhow::anyhow!("claim {}: {e}", record.claim_id))?;
            let example = Example {
                features: claim_features(&cx, i),
                label: false,
            };
            let rule_confidence = pred.confidence.unwrap_or(f64::NAN);
            Ok((example, pred, rule_confidence))
        })
        .collect()
}

/// Out-of-fold scores: each article's claims scored by a model fitted on the other folds
/// (articles assigned round-robin).
pub fn cross_validated_scores(data: &[Labelled], folds: usize, config: &FitConfig) -> Vec<f64> {
    let folds = folds.max(2);
    let mut scores = vec![f64::NAN; data.len()];
    for fold in 0..folds {
        let train: Vec<Example> = data
            .iter()
            .filter(|d| d.article % folds != fold)
            .map(|d| d.example.clone())
            .collect();
        let model = ConfidenceModel::new(logistic(&train, config), Vec::new(), Vec::new());
        for (score, d) in scores.iter_mut().zip(data) {
            if d.article % folds == fold {
                *score = model.score(&d.example.features);
            }
        }
    }
    scores
}

/// The calibration map of `(score, right)` points, at the precision the model file keeps
/// (points whose rounded scores coincide are merged, keeping the later probability).
pub fn calibration_map(points: &[(f64, bool)]) -> Vec<(f64, f64)> {
    let mut map: Vec<(f64, f64)> = Vec::new();
    for (x, y) in isotonic(points) {
        let round = |v: f64| (v * 1e6).round() / 1e6;
        let (x, y) = (round(x), round(y));
        match map.last_mut() {
            Some(last) if last.0 == x => last.1 = y,
            _ => map.push((x, y)),
        }
    }
    map
}

/// Dev confidences when each article's calibration map is fitted on the other dev folds:
/// an honest estimate of the shipped map on unseen text.
fn cross_fitted(dev: &[Labelled], scores: &[f64], folds: usize) -> Vec<f64> {
    let mut out = vec![f64::NAN; dev.len()];
    for fold in 0..folds {
        let points: Vec<(f64, bool)> = dev
            .iter()
            .zip(scores)
            .filter(|(d, _)| d.article % folds != fold)
            .map(|(d, &s)| (s, d.example.label))
            .collect();
        let map = ConfidenceModel::new(HashMap::new(), calibration_map(&points), Vec::new());
        for ((p, d), &s) in out.iter_mut().zip(dev).zip(scores) {
            if d.article % folds == fold {
                *p = rounded(map.calibrate(s));
            }
        }
    }
    out
}

/// Fits the model on `train`, the calibration on `dev`; returns it with a report.
pub fn train(
    train: &[Labelled],
    dev: &[Labelled],
    folds: usize,
    notes: Vec<String>,
) -> anyhow::Result<(ConfidenceModel, String)> {
    let folds = folds.max(2);
    let config = FitConfig::default();
    let examples: Vec<Example> = train.iter().map(|d| d.example.clone()).collect();
    let mut model = ConfidenceModel::new(logistic(&examples, &config), Vec::new(), notes);
    // Round-trip through the file format so the report describes exactly what ships.
    let shipped = ConfidenceModel::parse(&model.to_table()).map_err(anyhow::Error::msg)?;
    let dev_scores: Vec<f64> = dev
        .iter()
        .map(|d| shipped.score(&d.example.features))
        .collect();
    let points: Vec<(f64, bool)> = dev_scores
        .iter()
        .zip(dev)
        .map(|(&s, d)| (s, d.example.label))
        .collect();
    model.calibration = calibration_map(&points);
    let model = ConfidenceModel::parse(&model.to_table()).map_err(anyhow::Error::msg)?;

    let oof = cross_validated_scores(train, folds, &config);
    let table = |title: &str, r: Reliability| format!("\n{title}\n{}", r.to_text());
    let mut report = String::new();
    let _ = writeln!(
        report,
        "confidence model: {} weights, {} calibration points; train {} claims ({} right), dev {} claims ({} right)",
        model.weights.len(),
        model.calibration.len(),
        train.len(),
        train.iter().filter(|d| d.example.label).count(),
        dev.len(),
        dev.iter().filter(|d| d.example.label).count(),
    );
    let rows = |data: &[Labelled], conf: &[f64]| -> Vec<(f64, bool)> {
        conf.iter()
            .zip(data)
            .map(|(&c, d)| (c, d.example.label))
            .collect()
    };
    let rule = |data: &[Labelled]| data.iter().map(|d| d.rule_confidence).collect::<Vec<_>>();
    let calibrated = |scores: &[f64]| {
        scores
            .iter()
            .map(|&s| rounded(model.calibrate(s)))
            .collect::<Vec<_>>()
    };
    report += &table(
        "dev, rule confidence (before)",
        reliability(rows(dev, &rule(dev))),
    );
    report += &table(
        "dev, calibrated (map fitted on dev itself)",
        reliability(rows(dev, &calibrated(&dev_scores))),
    );
    report += &table(
        &format!("dev, calibrated with the map cross-fitted on dev ({folds} folds by article)"),
        reliability(rows(dev, &cross_fitted(dev, &dev_scores, folds))),
    );
    report += &table(
        "train, rule confidence",
        reliability(rows(train, &rule(train))),
    );
    report += &table(
        &format!("train, {folds}-fold cross-validated model through the dev map"),
        reliability(rows(train, &calibrated(&oof))),
    );
    Ok((model, report))
}

/// Labels both corpora with `pipeline` (which must keep rule confidences), trains, writes the
/// model to `out` and returns the report.
pub fn train_files(
    pipeline: &Pipeline,
    corpora: [(&Path, &Path); 2],
    folds: usize,
    out: &Path,
) -> anyhow::Result<String> {
    let [(train_articles, train_gold), (dev_articles, dev_gold)] = corpora;
    let train_data = label_corpus(pipeline, train_articles, train_gold)
        .with_context(|| format!("labelling {}", train_articles.display()))?;
    let dev_data = label_corpus(pipeline, dev_articles, dev_gold)
        .with_context(|| format!("labelling {}", dev_articles.display()))?;
    let name = |p: &Path| {
        p.file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned())
    };
    let notes = vec![
        "claimex confidence model: the probability that a claim is right (content matched by a gold claim, speaker correct).".to_string(),
        format!("w: logistic-regression weights over src/confidence/features.rs, fitted on the claims of {} against {}.", name(train_articles), name(train_gold)),
        format!("cal: isotonic calibration map (score, probability), fitted on {} against {}.", name(dev_articles), name(dev_gold)),
        "Regenerate with models/train.sh (claimex confidence train); see models/README.md.".to_string(),
    ];
    let (model, report) = train(&train_data, &dev_data, folds, notes)?;
    std::fs::write(out, model.to_table()).with_context(|| format!("writing {}", out.display()))?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seed articles against their gold: labels agree with `claimex eval` (51 of 53 claims
    /// right: claim F1 0.962 in BENCHMARKS.md), and training on them is deterministic and
    /// round-trips through the model file.
    #[test]
    fn seeds_are_labelled_as_eval_counts_them_and_training_is_deterministic() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let (seeds, gold) = (root.join("seeds"), root.join("data/seeds.gold.jsonl"));
        let pipeline = Pipeline::default().without_confidence();
        let data = label_corpus(&pipeline, &seeds, &gold).unwrap();
        let right = data.iter().filter(|d| d.example.label).count();
        assert_eq!((data.len(), right), (53, 51));
        assert!(data
            .iter()
            .all(|d| (0.0..=1.0).contains(&d.rule_confidence)));
        let (model, report) = train(&data, &data, 2, vec!["fixture".into()]).unwrap();
        let (again, _) = train(&data, &data, 2, vec!["fixture".into()]).unwrap();
        assert_eq!(model.to_table(), again.to_table());
        assert!(report.contains("ECE") && model.to_table().starts_with("# fixture\n"));
        assert_eq!(ConfidenceModel::parse(&model.to_table()).unwrap(), model);
        // Fitted on its own claims, the map is calibrated in the large: mean confidence within
        // 0.05 of the share of right claims.
        let mean: f64 = data
            .iter()
            .map(|d| model.calibrate(model.score(&d.example.features)))
            .sum::<f64>()
            / data.len() as f64;
        assert!(
            (mean - right as f64 / data.len() as f64).abs() < 0.05,
            "{mean}"
        );
    }
}
