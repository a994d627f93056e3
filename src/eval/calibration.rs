//! Calibration of predicted confidences: the reliability table over 10 equal-width bins,
//! the expected calibration error (ECE), and the share and precision of confident claims.

use std::fmt::Write as _;

use serde::Serialize;

/// Number of equal-width confidence bins.
pub const BINS: usize = 10;
/// The confidence from which a claim counts as confident.
pub const HIGH: f64 = 0.85;

/// One bin of the reliability table.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Bin {
    /// Lower bound (inclusive).
    pub lo: f64,
    /// Upper bound (exclusive; the last bin includes 1).
    pub hi: f64,
    /// Predictions in the bin.
    pub n: usize,
    /// Mean confidence of those predictions (0 when empty).
    pub confidence: f64,
    /// Share of them that are right (0 when empty).
    pub accuracy: f64,
}

/// Reliability of a set of `(confidence, right)` predictions.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Reliability {
    /// Predictions with a confidence.
    pub n: usize,
    /// The 10 bins, from `[0, 0.1)` to `[0.9, 1]`.
    pub bins: Vec<Bin>,
    /// Expected calibration error: `Σ n_b / n · |accuracy_b − confidence_b|`.
    pub ece: f64,
    /// Share of predictions with confidence ≥ 0.85.
    pub high_share: f64,
    /// Share of those that are right.
    pub high_precision: f64,
}

/// The bin of a confidence (values outside `[0, 1]` go to the nearest end).
fn bin_of(c: f64) -> usize {
    ((c * BINS as f64).floor().max(0.0) as usize).min(BINS - 1)
}

/// Computes the reliability table of `(confidence, right)` pairs; non-finite ones are skipped.
pub fn reliability(predictions: impl IntoIterator<Item = (f64, bool)>) -> Reliability {
    let mut sums = [(0usize, 0.0f64, 0usize); BINS];
    let (mut high, mut high_right) = (0usize, 0usize);
    for (c, right) in predictions.into_iter().filter(|(c, _)| c.is_finite()) {
        let b = &mut sums[bin_of(c)];
        *b = (b.0 + 1, b.1 + c, b.2 + right as usize);
        if c >= HIGH {
            high += 1;
            high_right += right as usize;
        }
    }
    let n: usize = sums.iter().map(|b| b.0).sum();
    let ratio = |a: f64, b: usize| if b == 0 { 0.0 } else { a / b as f64 };
    let bins: Vec<Bin> = sums
        .iter()
        .enumerate()
        .map(|(i, &(count, conf, right))| Bin {
            lo: i as f64 / BINS as f64,
            hi: (i + 1) as f64 / BINS as f64,
            n: count,
            confidence: ratio(conf, count),
            accuracy: ratio(right as f64, count),
        })
        .collect();
    let ece = bins
        .iter()
        .map(|b| ratio(b.n as f64, n) * (b.accuracy - b.confidence).abs())
        .sum();
    Reliability {
        n,
        bins,
        ece,
        high_share: ratio(high as f64, n),
        high_precision: ratio(high_right as f64, high),
    }
}

impl Reliability {
    /// The reliability table as aligned text.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "reliability (right = quote matched and speaker correct; 10 equal-width bins)"
        );
        let head = format!(
            "{:<12} {:>5} {:>10} {:>9}",
            "confidence", "n", "mean_conf", "accuracy"
        );
        let _ = writeln!(s, "{head}\n{}", "-".repeat(head.len()));
        for b in &self.bins {
            let close = if b.hi >= 1.0 { ']' } else { ')' };
            let _ = writeln!(
                s,
                "[{:.1},{:.1}{close}   {:>5} {:>10.3} {:>9.3}",
                b.lo, b.hi, b.n, b.confidence, b.accuracy
            );
        }
        let _ = writeln!(
            s,
            "ECE {:.4} over {} predictions; confidence >= {HIGH}: {:.1}% of them, precision {:.3}",
            self.ece,
            self.n,
            100.0 * self.high_share,
            self.high_precision
        );
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Four claims at 0.95 (three right) and two at 0.25 (one right): bins 9 and 2,
    /// ECE = 4/6·|0.75−0.95| + 2/6·|0.5−0.25| = 0.1333 + 0.0833.
    #[test]
    fn ece_of_a_hand_case() {
        let r = reliability([
            (0.95, true),
            (0.95, true),
            (0.95, false),
            (0.95, true),
            (0.25, true),
            (0.25, false),
            (f64::NAN, true),
        ]);
        assert_eq!(r.n, 6);
        assert_eq!(r.bins.len(), 10);
        assert_eq!((r.bins[9].n, r.bins[2].n), (4, 2));
        assert!((r.bins[9].accuracy - 0.75).abs() < 1e-12);
        assert!(
            (r.ece - (4.0 / 6.0 * 0.2 + 2.0 / 6.0 * 0.25)).abs() < 1e-12,
            "{}",
            r.ece
        );
        assert!((r.high_share - 4.0 / 6.0).abs() < 1e-12);
        assert!((r.high_precision - 0.75).abs() < 1e-12);
    }

    #[test]
    fn bins_cover_the_ends() {
        assert_eq!(bin_of(0.0), 0);
        assert_eq!(bin_of(0.1), 1);
        assert_eq!(bin_of(1.0), 9);
        assert_eq!(bin_of(-0.5), 0);
        assert_eq!(bin_of(7.0), 9);
        let perfect = reliability([(1.0, true), (0.0, false)]);
        assert_eq!(perfect.ece, 0.0);
        assert_eq!(reliability([]).ece, 0.0);
    }
}
