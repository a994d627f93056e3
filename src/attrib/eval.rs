//! Cue precision, recall and F1 of the cue tagger and of the rule detector against gold cue
//! spans: exact spans, overlapping spans, and tokens.

use std::fmt::Write as _;

use serde::Serialize;

use super::data::{chunks, Prepared};
use super::CueTagger;

/// Precision, recall and F1 with their counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Predictions counted right.
    pub right_predicted: usize,
    /// Predictions.
    pub predicted: usize,
    /// Gold items found.
    pub found_gold: usize,
    /// Gold items.
    pub gold: usize,
    /// right_predicted / predicted.
    pub precision: f64,
    /// found_gold / gold.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl Prf {
    fn new(right_predicted: usize, predicted: usize, found_gold: usize, gold: usize) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (precision, recall) = (ratio(right_predicted, predicted), ratio(found_gold, gold));
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            right_predicted,
            predicted,
            found_gold,
            gold,
            precision,
            recall,
            f1,
        }
    }
}

/// Cue scores of one system.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct CueScores {
    /// A predicted span is right when a gold span has exactly its characters.
    pub exact: Prf,
    /// A predicted span is right when it overlaps a gold span; a gold span is found when a
    /// predicted one overlaps it.
    pub overlap: Prf,
    /// Tokens inside predicted spans against tokens inside gold spans.
    pub tokens: Prf,
}

/// The cue tagger's spans of one article (characters, in text order).
pub fn predicted_spans(tagger: &CueTagger, doc: &Prepared) -> Vec<(usize, usize)> {
    let labels = tagger.tag(&doc.feats);
    let mut out = Vec::new();
    for (tokens, labels) in doc.tokens.iter().zip(&labels) {
        for (a, b) in chunks(labels) {
            out.push((tokens[a].0, tokens[b - 1].1));
        }
    }
    out
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Scores predicted cue spans (characters, per article) against each article's gold.
pub fn score(docs: &[Prepared], predicted: &[Vec<(usize, usize)>]) -> CueScores {
    let mut c = [[0usize; 4]; 3];
    for (doc, pred) in docs.iter().zip(predicted) {
        let gold = &doc.gold;
        let exact = |s: &(usize, usize), set: &[(usize, usize)]| set.contains(s);
        let any = |s: &(usize, usize), set: &[(usize, usize)]| set.iter().any(|x| overlaps(*x, *s));
        c[0][0] += pred.iter().filter(|s| exact(s, gold)).count();
        c[0][2] += gold.iter().filter(|s| exact(s, pred)).count();
        c[1][0] += pred.iter().filter(|s| any(s, gold)).count();
        c[1][2] += gold.iter().filter(|s| any(s, pred)).count();
        for counts in &mut c[..2] {
            counts[1] += pred.len();
            counts[3] += gold.len();
        }
        for &token in doc.tokens.iter().flatten() {
            let (g, p) = (any(&token, gold), any(&token, pred));
            c[2][0] += usize::from(g && p);
            c[2][1] += usize::from(p);
            c[2][3] += usize::from(g);
        }
    }
    c[2][2] = c[2][0];
    let prf = |x: [usize; 4]| Prf::new(x[0], x[1], x[2], x[3]);
    CueScores {
        exact: prf(c[0]),
        overlap: prf(c[1]),
        tokens: prf(c[2]),
    }
}

/// The cue tagger's and the rule detector's scores on prepared articles.
#[derive(Clone, Debug, Serialize)]
pub struct CueReport {
    /// Articles scored.
    pub articles: usize,
    /// The cue tagger.
    pub tagger: CueScores,
    /// The cues of the rule detector's claims (`claimex run`).
    pub rules: CueScores,
}

/// Scores `tagger` and the rule detector's cues on `docs`.
pub fn evaluate(tagger: &CueTagger, docs: &[Prepared]) -> CueReport {
    let pred: Vec<_> = docs.iter().map(|d| predicted_spans(tagger, d)).collect();
    let rule: Vec<_> = docs.iter().map(|d| d.rule.clone()).collect();
    CueReport {
        articles: docs.len(),
        tagger: score(docs, &pred),
        rules: score(docs, &rule),
    }
}

impl CueReport {
    /// A plain-text table.
    pub fn to_text(&self) -> String {
        let mut out = format!("cues of {} articles\n", self.articles);
        let _ = writeln!(
            out,
            "{:<14} {:<8} {:>7} {:>7} {:>7} {:>8} {:>8}",
            "system", "match", "P", "R", "F1", "pred", "gold"
        );
        for (name, s) in [("cue tagger", &self.tagger), ("rule detector", &self.rules)] {
            for (m, p) in [
                ("exact", s.exact),
                ("overlap", s.overlap),
                ("tokens", s.tokens),
            ] {
                let _ = writeln!(
                    out,
                    "{name:<14} {m:<8} {:>7.4} {:>7.4} {:>7.4} {:>8} {:>8}",
                    p.precision, p.recall, p.f1, p.predicted, p.gold
                );
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_count_exact_overlap_and_tokens() {
        let doc = Prepared {
            tokens: vec![vec![(0, 2), (3, 7), (8, 10), (11, 13), (14, 20)]],
            gold: vec![(3, 7), (11, 20)],
            ..Prepared::default()
        };
        let s = score(&[doc], &[vec![(3, 7), (14, 20), (0, 2)]]);
        assert_eq!((s.exact.right_predicted, s.exact.found_gold), (1, 1));
        assert_eq!((s.overlap.right_predicted, s.overlap.found_gold), (2, 2));
        // gold tokens 1, 3, 4; predicted 0, 1, 4
        assert_eq!(
            (s.tokens.right_predicted, s.tokens.predicted, s.tokens.gold),
            (2, 3, 3)
        );
        assert!((s.exact.precision - 1.0 / 3.0).abs() < 1e-12);
    }
}
