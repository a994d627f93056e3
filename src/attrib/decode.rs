//! Per-token marginal label probabilities of a linear-chain model by forward–backward over
//! its (integer) emission and transition scores divided by a temperature, respecting the
//! allowed transitions (an `I` never follows `O`).

/// Label marginals of one sentence: `out[i * n + l]` is the probability that token `i` has
/// label `l`. `em` is `len × n`, `trans` is `(n + 1) × n` (row `n` = start), `allowed` the
/// same shape.
pub fn marginals(
    em: &[i32],
    len: usize,
    n: usize,
    trans: &[i32],
    allowed: &[bool],
    temperature: f64,
) -> Vec<f64> {
    if len == 0 || n == 0 {
        return Vec::new();
    }
    let t = temperature.max(1e-9);
    let e = |i: usize, l: usize| em[i * n + l] as f64 / t;
    let tr = |p: usize, l: usize| {
        if allowed[p * n + l] {
            trans[p * n + l] as f64 / t
        } else {
            f64::NEG_INFINITY
        }
    };
    let mut alpha = vec![f64::NEG_INFINITY; len * n];
    for (l, a) in alpha[..n].iter_mut().enumerate() {
        *a = tr(n, l) + e(0, l);
    }
    let mut terms = vec![0f64; n];
    for i in 1..len {
        for l in 0..n {
            for (p, x) in terms.iter_mut().enumerate() {
                *x = alpha[(i - 1) * n + p] + tr(p, l);
            }
            alpha[i * n + l] = log_sum(&terms) + e(i, l);
        }
    }
    let mut beta = vec![0f64; len * n];
    for i in (0..len - 1).rev() {
        for p in 0..n {
            for (l, x) in terms.iter_mut().enumerate() {
                *x = tr(p, l) + e(i + 1, l) + beta[(i + 1) * n + l];
            }
            beta[i * n + p] = log_sum(&terms);
        }
    }
    let z = log_sum(&alpha[(len - 1) * n..]);
    alpha
        .iter()
        .zip(&beta)
        .map(|(a, b)| {
            let p = (a + b - z).exp();
            if p.is_finite() {
                p.clamp(0.0, 1.0)
            } else {
                0.0
            }
        })
        .collect()
}

/// `log Σ exp(x)`, `-∞` for an empty or all-`-∞` slice.
fn log_sum(xs: &[f64]) -> f64 {
    let m = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if m == f64::NEG_INFINITY {
        return m;
    }
    m + xs.iter().map(|x| (x - m).exp()).sum::<f64>().ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two labels, no transition scores: each token's marginal is its own softmax.
    #[test]
    fn independent_tokens_give_softmax() {
        let em = [0, 0, 2, 0];
        let m = marginals(&em, 2, 2, &[0; 6], &[true; 6], 1.0);
        assert!((m[0] - 0.5).abs() < 1e-12 && (m[1] - 0.5).abs() < 1e-12);
        let p = 1.0 / (1.0 + (-2f64).exp());
        assert!((m[2] - p).abs() < 1e-12 && (m[3] - (1.0 - p)).abs() < 1e-12);
    }

    /// Forbidden transitions get no mass: label 1 may not start nor follow label 0, so the
    /// only path is all 0 whatever the emissions.
    #[test]
    fn forbidden_transitions_have_no_mass() {
        let allowed = [true, false, true, true, true, false];
        let m = marginals(&[0, 50, 0, 50], 2, 2, &[0; 6], &allowed, 10.0);
        assert!((m[0] - 1.0).abs() < 1e-12 && m[1] == 0.0 && m[3] == 0.0);
    }
}
