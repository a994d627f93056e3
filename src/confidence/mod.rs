//! Calibrated confidence: each claim's probability of being right (its content matched by a
//! gold claim and its speaker correct, as `claimex eval` counts a true positive).
//!
//! A logistic-regression correctness model over run-time features of the claim
//! ([`features`]) gives a score; a monotone map fitted by isotonic regression on held-out
//! predictions turns the score into a probability. Both live in `models/confidence.tsv`,
//! written by `claimex confidence train` ([`train`]).

pub mod features;
pub mod fit;
pub mod train;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::attribution::Claim;
use crate::document::Analysis;
use crate::lexicon::Lexicon;

pub use features::{claim_features, claim_hashes, feature_hash, Context};

/// The model embedded in the binary.
pub const DEFAULT_CONFIDENCE: &str = include_str!("../../models/confidence.tsv");

/// Weights of the correctness model and its calibration map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ConfidenceModel {
    /// Feature weights of the logistic regression (absent features weigh 0).
    pub weights: HashMap<String, f64>,
    /// Calibration points `(score, probability)`, both nondecreasing; interpolated linearly,
    /// constant beyond the ends.
    pub calibration: Vec<(f64, f64)>,
    /// Comment lines written at the top of the file (provenance), without `# `.
    pub notes: Vec<String>,
    /// The weights by [`feature_hash`], for scoring at run time.
    by_hash: FxHashMap<u64, f64>,
}

impl ConfidenceModel {
    /// A model of these weights and calibration points.
    pub fn new(
        weights: HashMap<String, f64>,
        calibration: Vec<(f64, f64)>,
        notes: Vec<String>,
    ) -> ConfidenceModel {
        let by_hash = weights.iter().map(|(f, &w)| (feature_hash(f), w)).collect();
        ConfidenceModel {
            weights,
            calibration,
            notes,
            by_hash,
        }
    }

    /// The uncalibrated probability `σ(w·x)` of a feature list.
    pub fn score(&self, features: &[String]) -> f64 {
        let z: f64 = features
            .iter()
            .filter_map(|f| self.weights.get(f.as_str()))
            .sum();
        1.0 / (1.0 + (-z).exp())
    }

    /// [`ConfidenceModel::score`] of the features with these hashes (same order, same sum).
    pub fn score_hashes(&self, features: &[u64]) -> f64 {
        let z: f64 = features.iter().filter_map(|h| self.by_hash.get(h)).sum();
        1.0 / (1.0 + (-z).exp())
    }

    /// The calibrated probability of a score.
    pub fn calibrate(&self, score: f64) -> f64 {
        let points = &self.calibration;
        let Some(&(x0, y0)) = points.first() else {
            return score.clamp(0.0, 1.0);
        };
        let (xn, yn) = points[points.len() - 1];
        if score.is_nan() || score <= x0 {
            return y0;
        }
        if score >= xn {
            return yn;
        }
        let i = points.partition_point(|&(x, _)| x <= score);
        let ((xa, ya), (xb, yb)) = (points[i - 1], points[i]);
        let t = if xb > xa {
            (score - xa) / (xb - xa)
        } else {
            1.0
        };
        (ya + t * (yb - ya)).clamp(0.0, 1.0)
    }

    /// Sets every claim's confidence to its calibrated probability, rounded to 3 decimals.
    /// `evidence` holds the detector's pattern strength of each claim, in the same order.
    pub fn apply(&self, doc: &Analysis, claims: &mut [Claim], evidence: &[f32], lexicon: &Lexicon) {
        let probabilities: Vec<f64> = {
            let cx = Context::new(doc, claims, evidence, lexicon);
            (0..claims.len())
                .map(|i| self.calibrate(self.score_hashes(&claim_hashes(&cx, i))))
                .collect()
        };
        for (claim, p) in claims.iter_mut().zip(probabilities) {
            claim.confidence = rounded(p) as f32;
        }
    }

    /// Parses the model file: `# ` comments, `w<TAB>feature<TAB>weight` and
    /// `cal<TAB>score<TAB>probability` lines (scores increasing, probabilities nondecreasing).
    pub fn parse(table: &str) -> Result<ConfidenceModel, String> {
        let mut model = ConfidenceModel::default();
        let mut weights = HashMap::new();
        for (n, line) in table.lines().enumerate() {
            let err = |what: &str| format!("confidence model line {}: {what}", n + 1);
            if let Some(note) = line.strip_prefix("# ") {
                model.notes.push(note.to_string());
                continue;
            }
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let [tag, key, value] = fields[..] else {
                return Err(err("expected three tab-separated fields"));
            };
            let value: f64 = value
                .parse()
                .ok()
                .filter(|v: &f64| v.is_finite())
                .ok_or_else(|| err("not a finite number"))?;
            match tag {
                "w" => {
                    weights.insert(key.to_string(), value);
                }
                "cal" => {
                    let x: f64 = key.parse().map_err(|_| err("bad calibration score"))?;
                    let ok = (0.0..=1.0).contains(&value)
                        && model
                            .calibration
                            .last()
                            .is_none_or(|&(px, py)| x > px && value >= py);
                    if !ok {
                        return Err(err("calibration must increase and stay in [0, 1]"));
                    }
                    model.calibration.push((x, value));
                }
                _ => return Err(err("unknown line type")),
            }
        }
        Ok(ConfidenceModel::new(
            weights,
            model.calibration,
            model.notes,
        ))
    }

    /// Writes the model file: notes, weights sorted by feature, then the calibration map.
    /// Numbers have fixed precision, so the same model always gives the same bytes.
    pub fn to_table(&self) -> String {
        let mut s = String::new();
        for note in &self.notes {
            let _ = writeln!(s, "# {note}");
        }
        let mut weights: Vec<(&String, &f64)> = self.weights.iter().collect();
        weights.sort_by(|a, b| a.0.cmp(b.0));
        for (feature, w) in weights {
            let _ = writeln!(s, "w\t{feature}\t{w:.6}");
        }
        for (x, y) in &self.calibration {
            let _ = writeln!(s, "cal\t{x:.6}\t{y:.6}");
        }
        s
    }
}

/// A probability at the precision claims carry (3 decimals).
pub fn rounded(p: f64) -> f64 {
    (p * 1000.0).round() / 1000.0
}

/// The embedded model, parsed once per process.
pub fn embedded() -> &'static ConfidenceModel {
    static MODEL: OnceLock<ConfidenceModel> = OnceLock::new();
    MODEL.get_or_init(|| {
        ConfidenceModel::parse(DEFAULT_CONFIDENCE).expect("embedded confidence model is valid")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_loads_with_a_monotone_map_into_unit_interval() {
        let m = embedded();
        assert!(m.weights.len() > 50, "{} weights", m.weights.len());
        assert!(m.calibration.len() >= 2);
        let mut last = 0.0;
        for k in 0..=1000 {
            let p = m.calibrate(k as f64 / 1000.0);
            assert!((0.0..=1.0).contains(&p) && p >= last, "{p} after {last}");
            last = p;
        }
    }

    #[test]
    fn model_file_round_trips_byte_for_byte() {
        let table = embedded().to_table();
        let again = ConfidenceModel::parse(&table).unwrap();
        assert_eq!(again.to_table(), table);
        assert_eq!(table, DEFAULT_CONFIDENCE);
    }

    #[test]
    fn calibration_interpolates_and_is_constant_beyond_the_ends() {
        let m = ConfidenceModel::parse("cal\t0.2\t0.1\ncal\t0.6\t0.5\ncal\t0.8\t0.9\n").unwrap();
        assert_eq!(m.calibrate(0.0), 0.1);
        assert!((m.calibrate(0.4) - 0.3).abs() < 1e-12);
        assert!((m.calibrate(0.7) - 0.7).abs() < 1e-12);
        assert_eq!(m.calibrate(1.0), 0.9);
        assert_eq!(m.calibrate(f64::NAN), 0.1);
    }

    #[test]
    fn malformed_files_are_refused() {
        assert!(ConfidenceModel::parse("w\tbias\tx\n").is_err());
        assert!(ConfidenceModel::parse("w\tbias\n").is_err());
        assert!(ConfidenceModel::parse("cal\t0.5\t0.6\ncal\t0.4\t0.7\n").is_err());
        assert!(ConfidenceModel::parse("cal\t0.5\t0.6\ncal\t0.6\t0.5\n").is_err());
        assert!(ConfidenceModel::parse("cal\t0.5\t1.5\n").is_err());
        assert!(ConfidenceModel::parse("z\ta\t1\n").is_err());
    }
}
