//! Scores predicted CoNLL-U against gold on the same words (CoNLL 2018 shared-task
//! definitions with gold tokenization): UAS, LAS over universal relations (the part before
//! `:`), punctuation included; UPOS, XPOS and lemma accuracy; per-relation scores.

use std::collections::BTreeMap;

use serde::Serialize;

use super::conllu::Sentence;

/// Counts and scores of one universal relation.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct RelationScore {
    /// Gold words with this relation.
    pub gold: usize,
    /// Predicted words with this relation.
    pub predicted: usize,
    /// Words with the right head and this relation in both.
    pub correct: usize,
    /// LAS of the gold words with this relation (correct / gold).
    pub las: f64,
    /// correct / predicted.
    pub precision: f64,
    /// Harmonic mean of `las` (recall) and precision.
    pub f1: f64,
}

/// A parse evaluation.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Scores {
    /// Sentences scored.
    pub sentences: usize,
    /// Words scored.
    pub words: usize,
    /// Unlabelled attachment score.
    pub uas: f64,
    /// Labelled attachment score (universal relations).
    pub las: f64,
    /// Universal POS accuracy.
    pub upos: f64,
    /// Language-specific POS accuracy.
    pub xpos: f64,
    /// Lemma accuracy.
    pub lemma: f64,
    /// Per universal relation.
    pub per_relation: BTreeMap<String, RelationScore>,
}

/// The universal part of a relation (`nmod:poss` → `nmod`).
pub fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores `pred` against `gold` (sentence by sentence, word by word; extra words on either side
/// are ignored but counted in `words` from gold).
pub fn score(gold: &[Sentence], pred: &[Sentence]) -> Scores {
    let (mut n, mut uas, mut las, mut upos, mut xpos, mut lemma) = (0, 0, 0, 0, 0, 0);
    let mut rel: BTreeMap<String, RelationScore> = BTreeMap::new();
    for (i, g) in gold.iter().enumerate() {
        let p = pred.get(i);
        for (j, gw) in g.words.iter().enumerate() {
            n += 1;
            let grel = universal(&gw.deprel);
            rel.entry(grel.to_string()).or_default().gold += 1;
            let Some(pw) = p.and_then(|p| p.words.get(j)) else {
                continue;
            };
            let prel = universal(&pw.deprel);
            rel.entry(prel.to_string()).or_default().predicted += 1;
            upos += (pw.upos == gw.upos) as usize;
            xpos += (pw.xpos == gw.xpos) as usize;
            lemma += (pw.lemma == gw.lemma) as usize;
            if pw.head == gw.head {
                uas += 1;
                if prel == grel {
                    las += 1;
                    rel.get_mut(grel).expect("entry").correct += 1;
                }
            }
        }
    }
    for r in rel.values_mut() {
        r.las = ratio(r.correct, r.gold);
        r.precision = ratio(r.correct, r.predicted);
        r.f1 = if r.las + r.precision > 0.0 {
            2.0 * r.las * r.precision / (r.las + r.precision)
        } else {
            0.0
        };
    }
    Scores {
        sentences: gold.len(),
        words: n,
        uas: ratio(uas, n),
        las: ratio(las, n),
        upos: ratio(upos, n),
        xpos: ratio(xpos, n),
        lemma: ratio(lemma, n),
        per_relation: rel,
    }
}

impl Scores {
    /// A text report.
    pub fn to_text(&self) -> String {
        let mut s = format!(
            "{} sentences, {} words\nUAS    {:.4}\nLAS    {:.4}\nUPOS   {:.4}\nXPOS   {:.4}\nLemma  {:.4}\n\n{:<12} {:>7} {:>7} {:>7} {:>7} {:>9} {:>7}\n",
            self.sentences, self.words, self.uas, self.las, self.upos, self.xpos, self.lemma,
            "relation", "gold", "pred", "correct", "LAS", "precision", "F1"
        );
        for (r, x) in &self.per_relation {
            s += &format!(
                "{:<12} {:>7} {:>7} {:>7} {:>7.4} {:>9.4} {:>7.4}\n",
                r, x.gold, x.predicted, x.correct, x.las, x.precision, x.f1
            );
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::super::conllu::parse;
    use super::*;

    #[test]
    fn hand_computed() {
        let gold = parse(
            "1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tit\tit\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n4\trained\train\tVERB\tVBD\t_\t2\tccomp\t_\t_\n5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n",
        )
        .unwrap();
        // Word 3: right head, wrong relation; word 4: wrong head; word 1: subtype only
        // differs (counts as right); word 5: lemma and XPOS wrong.
        let pred = parse(
            "1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj:pass\t_\t_\n2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tit\tit\tPRON\tPRP\t_\t4\tobj\t_\t_\n4\trained\train\tNOUN\tVBD\t_\t3\tccomp\t_\t_\n5\t.\tx\tPUNCT\t,\t_\t2\tpunct\t_\t_\n",
        )
        .unwrap();
        let s = score(&gold, &pred);
        assert_eq!(s.words, 5);
        assert!((s.uas - 4.0 / 5.0).abs() < 1e-12);
        assert!((s.las - 3.0 / 5.0).abs() < 1e-12);
        assert!((s.upos - 4.0 / 5.0).abs() < 1e-12);
        assert!((s.xpos - 4.0 / 5.0).abs() < 1e-12);
        assert!((s.lemma - 4.0 / 5.0).abs() < 1e-12);
        let nsubj = &s.per_relation["nsubj"];
        assert_eq!((nsubj.gold, nsubj.predicted, nsubj.correct), (2, 1, 1));
        assert_eq!(s.per_relation["ccomp"].correct, 0);
        assert_eq!(s.per_relation["obj"].predicted, 1);
        assert!((s.per_relation["nsubj"].las - 0.5).abs() < 1e-12);
    }
}
