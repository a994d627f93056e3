//! A log-linear ranker: of several candidates, each described by string features, it picks
//! the one whose features weigh most; the speaker antecedents ([`crate::attribution`]) are
//! such choices. Weights are kept by name for training and reading, and by [`feature_hash`]
//! for scoring the pipeline's hashed features ([`crate::features::Hashes`]) without
//! allocating.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::features::feature_hash;

/// A linear ranker over candidate features.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ranker {
    weights: FxHashMap<String, f32>,
    /// The weights by [`feature_hash`], for scoring at run time.
    by_hash: FxHashMap<u64, f32>,
}

/// A feature key the ranker has a weight for: the feature's string or its hash.
pub trait Key {
    /// The weight of this feature in `model` (0 if it has none).
    fn weight(&self, model: &Ranker) -> f32;
}

impl Key for String {
    fn weight(&self, model: &Ranker) -> f32 {
        model.weights.get(self.as_str()).copied().unwrap_or(0.0)
    }
}

impl Key for u64 {
    fn weight(&self, model: &Ranker) -> f32 {
        model.by_hash.get(self).copied().unwrap_or(0.0)
    }
}

/// One training example: each candidate's features, and which candidates are right.
pub type Example<'a> = (&'a [Vec<String>], &'a [bool]);

impl Ranker {
    /// Reads `feature<TAB>weight` lines; `#` starts a comment line.
    pub fn from_table(table: &str) -> Result<Ranker, String> {
        let mut weights = FxHashMap::default();
        for (n, line) in table.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (feature, weight) = line
                .split_once('\t')
                .ok_or_else(|| format!("line {}: expected feature<TAB>weight", n + 1))?;
            let weight: f32 = weight
                .trim()
                .parse()
                .map_err(|e| format!("line {}: {e}", n + 1))?;
            weights.insert(feature.to_string(), weight);
        }
        Ok(Ranker::new(weights))
    }

    fn new(weights: FxHashMap<String, f32>) -> Ranker {
        let by_hash = weights.iter().map(|(f, &w)| (feature_hash(f), w)).collect();
        Ranker { weights, by_hash }
    }

    /// The table `from_table` reads, under the comment line `# {header}`, features sorted,
    /// zero weights left out.
    pub fn to_table(&self, header: &str) -> String {
        let mut rows: Vec<(&String, &f32)> =
            self.weights.iter().filter(|(_, w)| **w != 0.0).collect();
        rows.sort_by(|a, b| a.0.cmp(b.0));
        let mut out = format!("# {header}\n");
        for (f, w) in rows {
            out.push_str(&format!("{f}\t{w}\n"));
        }
        out
    }

    /// The score of one candidate.
    pub fn score<K: Key>(&self, features: &[K]) -> f32 {
        features.iter().map(|f| f.weight(self)).sum()
    }

    /// The best candidate: the first of the highest scores, so the first candidate wins a tie.
    pub fn best<K: Key>(&self, candidates: &[Vec<K>]) -> usize {
        let mut best = (0, f32::NEG_INFINITY);
        for (k, features) in candidates.iter().enumerate() {
            let s = self.score(features);
            if s > best.1 {
                best = (k, s);
            }
        }
        best.0
    }

    /// Trains a log-linear ranker on choices with their correct candidates: maximises the
    /// probability of the correct candidates (softmax over each choice's candidates) minus an
    /// L2 penalty `l2`, by full-batch gradient ascent with AdaGrad steps, `rounds` times.
    /// Choices without a correct candidate teach nothing. Deterministic.
    pub fn train(examples: &[Example], rounds: usize, l2: f64) -> Ranker {
        // Features are numbered once, in order of first appearance, so rounds index arrays.
        let mut ids: HashMap<&str, usize> = HashMap::new();
        let usable: Vec<(Vec<Vec<usize>>, &[bool])> = examples
            .iter()
            .filter(|(_, c)| c.contains(&true))
            .map(|&(features, correct)| {
                let numbered = features
                    .iter()
                    .map(|f| {
                        f.iter()
                            .map(|x| {
                                let next = ids.len();
                                *ids.entry(x.as_str()).or_insert(next)
                            })
                            .collect()
                    })
                    .collect();
                (numbered, correct)
            })
            .collect();
        let mut w = vec![0.0f64; ids.len()];
        let mut squares = vec![0.0f64; ids.len()];
        let mut gradient = vec![0.0f64; ids.len()];
        for _ in 0..rounds {
            gradient.iter_mut().for_each(|g| *g = 0.0);
            for (features, correct) in &usable {
                let scores: Vec<f64> = features
                    .iter()
                    .map(|f| f.iter().map(|&x| w[x]).sum())
                    .collect();
                let top = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                let exp: Vec<f64> = scores.iter().map(|s| (s - top).exp()).collect();
                let all: f64 = exp.iter().sum();
                let right: f64 = exp
                    .iter()
                    .zip(correct.iter())
                    .filter(|(_, c)| **c)
                    .map(|(e, _)| e)
                    .sum();
                for (k, features) in features.iter().enumerate() {
                    let target = if correct[k] { exp[k] / right } else { 0.0 };
                    let step = target - exp[k] / all;
                    for &f in features {
                        gradient[f] += step;
                    }
                }
            }
            for f in 0..w.len() {
                let g = gradient[f] - l2 * w[f];
                squares[f] += g * g;
                w[f] += 0.5 * g / (squares[f].sqrt() + 1e-8);
            }
        }
        let weights: HashMap<String, f64> = ids
            .into_iter()
            .map(|(f, i)| (f.to_string(), w[i]))
            .collect();
        let weights = weights
            .into_iter()
            .map(|(f, w)| (f, ((w * 1e4).round() / 1e4) as f32))
            .filter(|(_, w)| *w != 0.0)
            .collect();
        Ranker::new(weights)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_table_round_trips() {
        let model = Ranker::from_table("# c\nhe|claim=0\t1.5\nnobody\t-0.25\n").unwrap();
        assert_eq!(Ranker::from_table(&model.to_table("t")).unwrap(), model);
        assert!(Ranker::from_table("no tab here").is_err());
    }

    /// Two features, one marking the right candidate: training must learn to pick it.
    #[test]
    fn training_learns_the_marking_feature() {
        let choice = |right: usize| -> Vec<Vec<String>> {
            (0..3)
                .map(|k| {
                    let mut f = vec![format!("slot{k}")];
                    if k == right {
                        f.push("right".to_string());
                    }
                    f
                })
                .collect()
        };
        let data: Vec<(Vec<Vec<String>>, Vec<bool>)> = (0..12)
            .map(|i| {
                let right = i % 3;
                (choice(right), (0..3).map(|k| k == right).collect())
            })
            .collect();
        let examples: Vec<Example> = data.iter().map(|(f, c)| (&f[..], &c[..])).collect();
        let model = Ranker::train(&examples, 50, 0.1);
        for right in 0..3 {
            assert_eq!(model.best(&choice(right)), right);
        }
    }
}
