//! Cue-tagger data: articles with their gold cue spans (from a PolNeAR-style gold file, as
//! `claimex eval` reads it), analysed by the pipeline's own splitter and tokenizer, turned into
//! per-sentence features and BIO labels.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use rayon::prelude::*;

use super::features::{doc_context, sentence_features};
use super::CueTagger;
use crate::document::Analysis;
use crate::eval::claims::read_gold;
use crate::ingest::{Articles, IngestOptions};
use crate::pipeline::Pipeline;
use crate::span::{CharIndex, Span};
use crate::tagger::SentFeats;
use crate::Article;

/// Label ids of the cue tagger (the order `sort_labels` of the tagger gives them).
pub const O: u16 = 0;
/// First token of a cue.
pub const B: u16 = 1;
/// Later token of a cue.
pub const I: u16 = 2;
/// Label names, indexed by id.
pub const LABELS: [&str; 3] = ["O", "B-CUE", "I-CUE"];

/// An article and the character ranges of its gold cues (sorted, without duplicates).
#[derive(Clone, Debug)]
pub struct CueDoc {
    /// The article.
    pub article: Article,
    /// Gold cue spans `[start, end)` in Unicode characters.
    pub gold: Vec<(usize, usize)>,
}

/// One analysed article, ready for training, tagging and scoring.
#[derive(Clone, Debug, Default)]
pub struct Prepared {
    /// Features of each sentence.
    pub feats: Vec<SentFeats>,
    /// Gold BIO label ids of each sentence's tokens.
    pub labels: Vec<Vec<u16>>,
    /// Character range of each token, per sentence.
    pub tokens: Vec<Vec<(usize, usize)>>,
    /// Gold cue spans (characters).
    pub gold: Vec<(usize, usize)>,
    /// Cue spans of the claims the rule detector finds (characters, sorted, unique).
    pub rule: Vec<(usize, usize)>,
}

/// Reads the articles of `articles` that `gold` annotates, with their gold cue spans, in the
/// order of the articles file.
pub fn read_corpus(articles: &Path, gold: &Path) -> anyhow::Result<Vec<CueDoc>> {
    let gold = read_gold(gold)?;
    let mut cues: HashMap<&str, BTreeSet<(usize, usize)>> = HashMap::new();
    for g in &gold {
        let entry = cues.entry(g.doc_id.as_str()).or_default();
        if let Some((Some(s), Some(e))) = g.cue.as_ref().map(|c| (c.start, c.end)) {
            if e > s {
                entry.insert((s, e));
            }
        }
    }
    let mut docs = Vec::new();
    for article in Articles::new(&[articles.to_path_buf()], IngestOptions::default()) {
        let article = article.map_err(|e| anyhow::anyhow!("{e}"))?;
        if let Some(spans) = cues.get(article.id.as_str()) {
            let gold = spans.iter().copied().collect();
            docs.push(CueDoc { article, gold });
        }
    }
    Ok(docs)
}

/// Analyses every document (in parallel, output in input order): features, gold labels and
/// the rule detector's cues. `pipeline` should keep rule confidences (it only runs the
/// detector and attributor here).
pub fn prepare(pipeline: &Pipeline, tagger: &CueTagger, docs: &[CueDoc]) -> Vec<Prepared> {
    docs.par_iter()
        .map(|d| prepare_doc(pipeline, tagger, d))
        .collect()
}

fn prepare_doc(pipeline: &Pipeline, tagger: &CueTagger, doc: &CueDoc) -> Prepared {
    let analysis = pipeline.analyze(&doc.article);
    let index = CharIndex::new(&doc.article.text);
    let context = doc_context(&analysis, tagger.lexicon());
    let mut out = Prepared {
        gold: doc.gold.clone(),
        ..Prepared::default()
    };
    for s in 0..analysis.sentences.len() {
        let mut sf = SentFeats::default();
        sentence_features(&analysis, &context, s, tagger.classes(), &mut sf);
        out.feats.push(sf);
        let range = analysis.sentences[s].tokens.clone();
        let chars: Vec<(usize, usize)> = analysis.tokens[range]
            .iter()
            .map(|t| {
                let r = index.char_range(t.span);
                (r.start, r.end)
            })
            .collect();
        out.labels.push(bio_labels(&chars, &doc.gold));
        out.tokens.push(chars);
    }
    out.rule = rule_cues(pipeline, &analysis, &index);
    out
}

/// BIO labels of tokens (character ranges) against cue spans: a token overlapping a cue is
/// inside it; the first such token of each cue (in each sentence) begins it.
pub fn bio_labels(tokens: &[(usize, usize)], cues: &[(usize, usize)]) -> Vec<u16> {
    let mut labels = vec![O; tokens.len()];
    let mut owner: Vec<Option<usize>> = vec![None; tokens.len()];
    for (c, &(cs, ce)) in cues.iter().enumerate() {
        let mut first = true;
        for (i, &(ts, te)) in tokens.iter().enumerate() {
            if ts < ce && cs < te && owner[i].is_none() {
                labels[i] = if first || i == 0 || owner[i - 1] != Some(c) {
                    B
                } else {
                    I
                };
                owner[i] = Some(c);
                first = false;
            }
        }
    }
    labels
}

/// The cue spans of the rule detector's claims, as character ranges (sorted, unique).
fn rule_cues(pipeline: &Pipeline, doc: &Analysis, index: &CharIndex) -> Vec<(usize, usize)> {
    let (claims, _) = pipeline.claims(doc);
    let spans: BTreeSet<(usize, usize)> = claims
        .iter()
        .filter_map(|c| c.cue.as_ref())
        .map(|cue| {
            let r = index.char_range(cue.span);
            (r.start, r.end)
        })
        .collect();
    spans.into_iter().collect()
}

/// Cue spans of a sentence's label ids, as `[first, last]` token ranges (end exclusive).
pub fn chunks(labels: &[u16]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, &l) in labels.iter().enumerate() {
        if l == B || (l == I && start.is_none()) || l == O {
            if let Some(s) = start.take() {
                out.push((s, i));
            }
        }
        if l != O && start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, labels.len()));
    }
    out
}

/// The byte span of tokens `[first, end)` of a sentence.
pub fn token_span(doc: &Analysis, sentence: usize, (first, end): (usize, usize)) -> Span {
    let base = doc.sentences[sentence].tokens.start;
    doc.tokens[base + first]
        .span
        .cover(doc.tokens[base + end - 1].span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_labels_mark_each_cue() {
        let tokens = [(0, 3), (4, 8), (9, 11), (12, 16), (17, 20)];
        let labels = bio_labels(&tokens, &[(4, 11), (12, 16)]);
        assert_eq!(labels, vec![O, B, I, B, O]);
        assert_eq!(chunks(&labels), vec![(1, 3), (3, 4)]);
        // a stray I without B still opens a chunk
        assert_eq!(chunks(&[I, I, O, B]), vec![(0, 2), (3, 4)]);
    }
}
