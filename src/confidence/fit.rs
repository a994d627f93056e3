//! Fitting: L2-regularised logistic regression by AdaGrad over a fixed-seed shuffle, and
//! isotonic regression (pool adjacent violators). Single-threaded and in a fixed order, so the
//! same data always give the same weights, bit for bit.

use std::collections::{BTreeMap, HashMap};

/// One training example: its features and whether the claim was right.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    /// Feature strings.
    pub features: Vec<String>,
    /// True when the claim is a true positive.
    pub label: bool,
}

/// Settings of the logistic regression.
#[derive(Clone, Copy, Debug)]
pub struct FitConfig {
    /// Passes over the data.
    pub epochs: usize,
    /// AdaGrad base step.
    pub step: f64,
    /// L2 penalty per update.
    pub l2: f64,
    /// Features seen in fewer examples than this are dropped.
    pub min_count: usize,
    /// Shuffle seed.
    pub seed: u64,
}

impl Default for FitConfig {
    fn default() -> Self {
        FitConfig {
            epochs: 15,
            step: 0.1,
            l2: 1e-3,
            min_count: 3,
            seed: 1,
        }
    }
}

/// splitmix64: a small deterministic generator for the shuffle.
fn next_random(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Fits weights for `examples`; features below `min_count` get none.
pub fn logistic(examples: &[Example], config: &FitConfig) -> HashMap<String, f64> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for e in examples {
        for f in &e.features {
            *counts.entry(f.as_str()).or_default() += 1;
        }
    }
    let names: Vec<&str> = counts
        .into_iter()
        .filter(|&(_, n)| n >= config.min_count)
        .map(|(f, _)| f)
        .collect();
    let index: HashMap<&str, usize> = names.iter().enumerate().map(|(i, f)| (*f, i)).collect();
    let rows: Vec<(Vec<usize>, f64)> = examples
        .iter()
        .map(|e| {
            let ids = e
                .features
                .iter()
                .filter_map(|f| index.get(f.as_str()).copied());
            (ids.collect(), if e.label { 1.0 } else { 0.0 })
        })
        .collect();
    let mut w = vec![0.0f64; names.len()];
    let mut g2 = vec![1e-8f64; names.len()];
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let mut state = config.seed;
    for _ in 0..config.epochs {
        for k in (1..order.len()).rev() {
            let j = (next_random(&mut state) % (k as u64 + 1)) as usize;
            order.swap(k, j);
        }
        for &r in &order {
            let (ids, y) = &rows[r];
            let z: f64 = ids.iter().map(|&i| w[i]).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            for &i in ids {
                let g = (p - y) + config.l2 * w[i];
                g2[i] += g * g;
                w[i] -= config.step * g / g2[i].sqrt();
            }
        }
    }
    names
        .into_iter()
        .zip(w)
        .filter(|&(_, w)| w.abs() >= 5e-7)
        .map(|(f, w)| (f.to_string(), w))
        .collect()
}

/// Isotonic regression of labels on scores: the nondecreasing step function closest in
/// squared error, as `(mean score, probability)` of each block, scores increasing. A block's
/// probability is its share of right claims smoothed by Laplace's rule, `(k + 1) / (n + 2)`, so
/// that a small block at either end never claims certainty; blocks are pooled again where the
/// smoothing breaks the order.
pub fn isotonic(points: &[(f64, bool)]) -> Vec<(f64, f64)> {
    let mut sorted: Vec<(f64, f64)> = points
        .iter()
        .filter(|(s, _)| s.is_finite())
        .map(|&(s, y)| (s, if y { 1.0 } else { 0.0 }))
        .collect();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    // Blocks of (score sum, label sum, count); equal scores always share a block.
    let mut blocks: Vec<Block> = Vec::new();
    let mut last_score = f64::NAN;
    for (s, y) in sorted {
        match blocks.last_mut() {
            Some(b) if s == last_score => *b = (b.0 + s, b.1 + y, b.2 + 1.0),
            _ => blocks.push((s, y, 1.0)),
        }
        last_score = s;
        pool_violators(&mut blocks, |b| b.1 / b.2);
    }
    let laplace = |b: &Block| (b.1 + 1.0) / (b.2 + 2.0);
    let mut smoothed: Vec<Block> = Vec::with_capacity(blocks.len());
    for b in blocks {
        smoothed.push(b);
        pool_violators(&mut smoothed, laplace);
    }
    smoothed.iter().map(|b| (b.0 / b.2, laplace(b))).collect()
}

/// Score sum, label sum and count of a run of points.
type Block = (f64, f64, f64);

/// Merges the last block into its predecessor while their values are out of order.
fn pool_violators(blocks: &mut Vec<Block>, value: impl Fn(&Block) -> f64) {
    while blocks.len() >= 2 {
        let (a, b) = (blocks[blocks.len() - 2], blocks[blocks.len() - 1]);
        if value(&a) < value(&b) {
            break;
        }
        blocks.pop();
        *blocks.last_mut().expect("two blocks") = (a.0 + b.0, a.1 + b.1, a.2 + b.2);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(features: &[&str], label: bool) -> Example {
        Example {
            features: features.iter().map(|f| f.to_string()).collect(),
            label,
        }
    }

    /// 200 examples where `good` is right 90% of the time and `bad` 10%, and a noise feature
    /// on every other example: the fit must rank `good` far above `bad` and ignore the noise.
    #[test]
    fn logistic_regression_recovers_an_obvious_signal() {
        let mut data = Vec::new();
        for i in 0..200 {
            let good = i % 2 == 0;
            let label = if good { i % 20 != 0 } else { i % 20 == 1 };
            let noise = if (i / 2) % 2 == 0 {
                "noise=a"
            } else {
                "noise=b"
            };
            data.push(example(
                &["bias", if good { "good" } else { "bad" }, noise],
                label,
            ));
        }
        let w = logistic(&data, &FitConfig::default());
        assert!(w["good"] - w["bad"] > 2.5, "{w:?}");
        assert!((w["noise=a"] - w["noise=b"]).abs() < 0.5, "{w:?}");
        assert_eq!(w, logistic(&data, &FitConfig::default()), "deterministic");
    }

    #[test]
    fn rare_features_get_no_weight() {
        let data = vec![
            example(&["bias", "rare"], true),
            example(&["bias"], false),
            example(&["bias"], true),
        ];
        let w = logistic(&data, &FitConfig::default());
        assert!(w.contains_key("bias") && !w.contains_key("rare"));
    }

    #[test]
    fn isotonic_pools_violators_into_a_monotone_map() {
        let points = [
            (0.1, false),
            (0.2, true),
            (0.3, false),
            (0.4, true),
            (0.5, true),
            (0.5, false),
            (0.9, true),
        ];
        let map = isotonic(&points);
        // 0.2 and 0.3 pool (1, 0); then 0.4 with both 0.5s (equal scores share a block).
        assert_eq!(map.len(), 3, "{map:?}");
        // Probabilities (k + 1) / (n + 2): 0 of 1, 3 of 5, 1 of 1.
        assert_eq!(map[0], (0.1, 1.0 / 3.0));
        assert!((map[1].0 - 0.38).abs() < 1e-12 && (map[1].1 - 4.0 / 7.0).abs() < 1e-12);
        assert_eq!(map[2], (0.9, 2.0 / 3.0));
        assert!(map.windows(2).all(|p| p[0].0 < p[1].0 && p[0].1 <= p[1].1));
    }

    /// 9 of 10 right at one score (smoothed 10/12) then 1 of 1 at a higher score (smoothed
    /// 2/3): the raw means are in order (0.9 < 1), the smoothed ones are not, so the two blocks
    /// pool into 10 of 11 (11/13).
    #[test]
    fn smoothing_keeps_the_map_monotone() {
        let mut points: Vec<(f64, bool)> = (0..10).map(|i| (0.5, i != 0)).collect();
        points.push((0.9, true));
        let map = isotonic(&points);
        assert_eq!(map.len(), 1, "{map:?}");
        assert!((map[0].1 - 11.0 / 13.0).abs() < 1e-12);
    }
}
