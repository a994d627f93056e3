//! conlleval-compatible span scoring and token accuracy.

use std::collections::BTreeMap;

/// Span counts with precision, recall and F1.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prf {
    /// Predicted spans that exactly match a gold span (true positives).
    pub tp: usize,
    /// Number of predicted spans.
    pub n_pred: usize,
    /// Number of gold spans.
    pub n_gold: usize,
}

impl Prf {
    /// Precision: `tp / n_pred` (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.n_pred == 0 {
            0.0
        } else {
            self.tp as f64 / self.n_pred as f64
        }
    }
    /// Recall: `tp / n_gold` (0 when there are no gold spans).
    pub fn recall(&self) -> f64 {
        if self.n_gold == 0 {
            0.0
        } else {
            self.tp as f64 / self.n_gold as f64
        }
    }
    /// F1: harmonic mean of precision and recall (0 when both are 0).
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Span scores (overall and per type) plus token accuracy.
#[derive(Clone, Debug, Default)]
pub struct SpanScores {
    /// Scores over all entity types.
    pub overall: Prf,
    /// Per entity type, sorted by type name.
    pub per_type: BTreeMap<String, Prf>,
    /// Tokens whose predicted tag equals the gold tag.
    pub token_correct: usize,
    /// Total number of scored tokens.
    pub token_total: usize,
}

impl SpanScores {
    /// Overall span F1.
    pub fn f1(&self) -> f64 {
        self.overall.f1()
    }
    /// Token accuracy: `token_correct / token_total` (0 when no tokens).
    pub fn token_accuracy(&self) -> f64 {
        if self.token_total == 0 {
            0.0
        } else {
            self.token_correct as f64 / self.token_total as f64
        }
    }
    /// conlleval-like text report.
    pub fn report(&self) -> String {
        let mut s = format!(
            "tokens {} acc {:.4}; spans gold {} pred {} tp {}; P {:.4} R {:.4} F1 {:.4}\n",
            self.token_total,
            self.token_accuracy(),
            self.overall.n_gold,
            self.overall.n_pred,
            self.overall.tp,
            self.overall.precision(),
            self.overall.recall(),
            self.overall.f1()
        );
        for (t, p) in &self.per_type {
            s += &format!(
                "  {:>6}: P {:.4} R {:.4} F1 {:.4} (gold {} pred {})\n",
                t,
                p.precision(),
                p.recall(),
                p.f1(),
                p.n_gold,
                p.n_pred
            );
        }
        s
    }
}

fn split(tag: &str) -> (char, &str) {
    if tag == "O" || tag.is_empty() {
        return ('O', "");
    }
    let b = tag.as_bytes();
    if b.len() >= 2 && b[1] == b'-' {
        (b[0] as char, &tag[2..])
    } else {
        ('I', tag)
    }
}

fn end_of_chunk(pt: char, pty: &str, t: char, ty: &str) -> bool {
    (pt == 'E' || pt == 'S')
        || (pt == 'B' && (t == 'B' || t == 'S' || t == 'O'))
        || (pt == 'I' && (t == 'B' || t == 'S' || t == 'O'))
        || (pt != 'O' && pty != ty)
}

fn start_of_chunk(pt: char, pty: &str, t: char, ty: &str) -> bool {
    t == 'B'
        || t == 'S'
        || (pt == 'E' && (t == 'E' || t == 'I'))
        || (pt == 'S' && (t == 'E' || t == 'I'))
        || (pt == 'O' && (t == 'E' || t == 'I'))
        || (t != 'O' && pty != ty)
}

/// Chunks (start, end exclusive, type) of one tag sequence, conlleval semantics.
pub fn chunks<S: AsRef<str>>(tags: &[S]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, String)> = None;
    let (mut pt, mut pty) = ('O', String::new());
    for (i, tag) in tags.iter().enumerate() {
        let (t, ty) = split(tag.as_ref());
        if start.is_some() && end_of_chunk(pt, &pty, t, ty) {
            let (s, sty) = start.take().unwrap();
            out.push((s, i, sty));
        }
        if start_of_chunk(pt, &pty, t, ty) {
            start = Some((i, ty.to_string()));
        }
        pt = t;
        pty = ty.to_string();
    }
    if let Some((s, sty)) = start {
        out.push((s, tags.len(), sty));
    }
    out
}

/// Score predicted against gold tag sequences (one Vec per sentence).
pub fn score<S: AsRef<str>, T: AsRef<str>>(gold: &[Vec<S>], pred: &[Vec<T>]) -> SpanScores {
    assert_eq!(gold.len(), pred.len(), "sentence count mismatch");
    let mut sc = SpanScores::default();
    for (g, p) in gold.iter().zip(pred) {
        assert_eq!(g.len(), p.len(), "token count mismatch");
        for (a, b) in g.iter().zip(p) {
            sc.token_total += 1;
            if a.as_ref() == b.as_ref() {
                sc.token_correct += 1;
            }
        }
        let gc = chunks(g);
        let pc = chunks(p);
        for c in &gc {
            sc.overall.n_gold += 1;
            sc.per_type.entry(c.2.clone()).or_default().n_gold += 1;
        }
        for c in &pc {
            sc.overall.n_pred += 1;
            sc.per_type.entry(c.2.clone()).or_default().n_pred += 1;
            if gc.contains(c) {
                sc.overall.tp += 1;
                sc.per_type.get_mut(&c.2).unwrap().tp += 1;
            }
        }
    }
    sc
}

/// Token accuracy only (for POS).
pub fn token_accuracy<S: AsRef<str>, T: AsRef<str>>(gold: &[Vec<S>], pred: &[Vec<T>]) -> f64 {
    let (mut c, mut n) = (0usize, 0usize);
    for (g, p) in gold.iter().zip(pred) {
        for (a, b) in g.iter().zip(p) {
            n += 1;
            c += (a.as_ref() == b.as_ref()) as usize;
        }
    }
    if n == 0 {
        0.0
    } else {
        c as f64 / n as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn hand_computed() {
        // gold: [Ann Lee](PER) visited [Paris](LOC) ; [EU](ORG)
        // pred: [Ann](PER) [Lee](PER) visited [Paris](LOC) ; [EU](LOC)
        let gold = vec![vec!["B-PER", "I-PER", "O", "B-LOC"], vec!["B-ORG"]];
        let pred = vec![vec!["B-PER", "B-PER", "O", "B-LOC"], vec!["B-LOC"]];
        let s = score(&gold, &pred);
        // gold 3 spans, pred 4 spans, tp 1 (Paris)
        assert_eq!(
            (s.overall.tp, s.overall.n_gold, s.overall.n_pred),
            (1, 3, 4)
        );
        let p = 1.0 / 4.0;
        let r = 1.0 / 3.0;
        let f = 2.0 * p * r / (p + r);
        assert!((s.f1() - f).abs() < 1e-12);
        assert_eq!(s.per_type["LOC"].tp, 1);
        assert_eq!(s.per_type["LOC"].n_pred, 2);
        assert_eq!(s.per_type["PER"].n_pred, 2);
        assert_eq!(s.per_type["ORG"].n_gold, 1);
        assert_eq!(s.token_correct, 3);
        assert_eq!(s.token_total, 5);
    }
    #[test]
    fn conlleval_i_after_o_starts_chunk() {
        let c = chunks(&["O", "I-PER", "I-PER", "I-LOC"]);
        assert_eq!(
            c,
            vec![(1, 3, "PER".to_string()), (3, 4, "LOC".to_string())]
        );
    }
}
