//! Training the antecedent ranker on hand-resolved speakers (`claimex speakers train`), with a
//! cross-validated accuracy per mention category.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::antecedents::{anaphor, Anaphor, AntecedentModel, Choice};
use super::{Names, RuleAttributor};
use crate::features::Strings;
use crate::ranker;
use crate::span::Span;
use crate::{Article, Pipeline};

/// One hand-resolved speaker mention: a row of `data/polnear_train.speakers.jsonl`.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct GoldMention {
    /// The article id.
    pub doc_id: String,
    /// The mention, in characters of the article text.
    pub start: usize,
    /// End of the mention, in characters.
    pub end: usize,
    /// `pronoun`, `nominal`, `honorific` or `surname`.
    pub category: String,
    /// The full name, `None` when the article never says who it is.
    pub name: Option<String>,
}

/// Cross-validated accuracy of the ranker on the gold mentions it handles.
#[derive(Clone, Debug, Default, Serialize)]
pub struct AntecedentReport {
    /// Gold mentions that are anaphors (pronouns and definite nominals).
    pub examples: usize,
    /// Of those, resolvable ones where no candidate holds the gold name (always wrong).
    pub unreachable: usize,
    /// Gold mentions that are no anaphor (names, indefinite nominals): not the ranker's.
    pub skipped: usize,
    /// Held-out accuracy per category, then `all`: (category, n, correct).
    pub accuracy: Vec<(String, usize, usize)>,
    /// The held-out mistakes, for error analysis on train.
    pub errors: Vec<AntecedentError>,
}

/// A gold mention the ranker got wrong when its article was held out.
#[derive(Clone, Debug, Serialize)]
pub struct AntecedentError {
    /// The gold mention.
    #[serde(flatten)]
    pub gold: GoldMention,
    /// The speaker the ranker chose (`None` for "nobody").
    pub predicted: Option<String>,
    /// The candidates' names, in order of first mention.
    pub candidates: Vec<Option<String>>,
}

/// A gold mention turned into a choice, with which candidates are right.
struct Example {
    choice: Choice,
    correct: Vec<bool>,
    gold: GoldMention,
    /// Index of the article, for folds.
    article: usize,
}

/// Trains the ranker on every gold mention of `articles` (see [`AntecedentModel::train`] for
/// `rounds` and `l2`), and reports its accuracy
/// when each of `folds` article folds is held out in turn.
pub fn train_antecedents(
    articles: &[Article],
    gold: &[GoldMention],
    rounds: usize,
    l2: f64,
    folds: usize,
) -> (AntecedentModel, AntecedentReport) {
    // Claims come from an attributor without a ranker, so that no feature depends on the
    // model in use: retraining gives the same model.
    let pipeline = Pipeline::default().with_attributor(RuleAttributor::with_antecedents(
        crate::lexicon::default_lexicon(),
        AntecedentModel::default(),
    ));
    let (examples, skipped) = examples(&pipeline, articles, gold);
    let mut counts = Counts::new();
    let mut errors = Vec::new();
    for fold in 0..folds {
        let train: Vec<ranker::Example> = examples
            .iter()
            .filter(|e| e.article % folds != fold)
            .map(|e| (&e.choice.features[..], &e.correct[..]))
            .collect();
        let model = AntecedentModel::train(&train, rounds, l2);
        for e in examples.iter().filter(|e| e.article % folds == fold) {
            let best = model.best(&e.choice.features);
            let right = e.correct[best] as usize;
            if right == 0 {
                errors.push(AntecedentError {
                    gold: e.gold.clone(),
                    predicted: best
                        .checked_sub(1)
                        .and_then(|k| e.choice.referents[k].name.clone()),
                    candidates: e.choice.referents.iter().map(|r| r.name.clone()).collect(),
                });
            }
            tally(&mut counts, e, right);
        }
    }
    let all: Vec<ranker::Example> = examples
        .iter()
        .map(|e| (&e.choice.features[..], &e.correct[..]))
        .collect();
    let report = AntecedentReport {
        examples: examples.len(),
        unreachable: unreachable(&examples),
        skipped,
        accuracy: counts.into_iter().map(|(g, (n, c))| (g, n, c)).collect(),
        errors,
    };
    (AntecedentModel::train(&all, rounds, l2), report)
}

/// The accuracy of `model` on the gold mentions of `articles` (a dev set: no mistakes are
/// listed, so that dev stays unseen).
pub fn evaluate_antecedents(
    model: &AntecedentModel,
    articles: &[Article],
    gold: &[GoldMention],
) -> AntecedentReport {
    let pipeline = Pipeline::default().with_attributor(RuleAttributor::with_antecedents(
        crate::lexicon::default_lexicon(),
        AntecedentModel::default(),
    ));
    let (examples, skipped) = examples(&pipeline, articles, gold);
    let mut counts = Counts::new();
    for e in &examples {
        tally(
            &mut counts,
            e,
            e.correct[model.best(&e.choice.features)] as usize,
        );
    }
    AntecedentReport {
        examples: examples.len(),
        unreachable: unreachable(&examples),
        skipped,
        accuracy: counts.into_iter().map(|(g, (n, c))| (g, n, c)).collect(),
        errors: Vec::new(),
    }
}

/// Examples and correct choices by group: category, resolvable or not, and `all`.
type Counts = BTreeMap<String, (usize, usize)>;

fn tally(counts: &mut Counts, e: &Example, right: usize) {
    let resolvable = if e.correct[0] {
        "unresolvable"
    } else {
        "resolvable"
    };
    for group in [e.gold.category.as_str(), resolvable, "all"] {
        let c = counts.entry(group.to_string()).or_default();
        c.0 += 1;
        c.1 += right;
    }
}

/// Resolvable examples where no candidate holds the gold name.
fn unreachable(examples: &[Example]) -> usize {
    examples
        .iter()
        .filter(|e| !e.correct.contains(&true))
        .count()
}

/// The examples of the gold mentions that are anaphors, in article then gold order, and how
/// many gold mentions were skipped.
fn examples(
    pipeline: &Pipeline,
    articles: &[Article],
    gold: &[GoldMention],
) -> (Vec<Example>, usize) {
    let attributor = RuleAttributor::default();
    let mut out = Vec::new();
    let mut skipped = 0;
    for (k, article) in articles.iter().enumerate() {
        let mentions: Vec<&GoldMention> = gold.iter().filter(|g| g.doc_id == article.id).collect();
        if mentions.is_empty() {
            continue;
        }
        let doc = pipeline.analyze(article);
        let (claims, _) = pipeline.claims(&doc);
        let mut names = Names::build(&attributor, &doc);
        attributor.mark_genders(&doc, &mut names);
        for g in mentions {
            let Some(span) = byte_span(&article.text, g.start, g.end) else {
                skipped += 1;
                continue;
            };
            // "I" outside quotations is the author (a rule), not the ranker's.
            let Some(a) = anaphor(&attributor, &doc, span).filter(|a| *a != Anaphor::Pronoun("i"))
            else {
                skipped += 1;
                continue;
            };
            let choice = attributor.choice::<Strings>(&doc, &names, &claims, span, &a);
            let correct = (0..choice.features.len())
                .map(|c| choice.is_correct(c, g.name.as_deref()))
                .collect();
            out.push(Example {
                choice,
                correct,
                gold: g.clone(),
                article: k,
            });
        }
    }
    (out, skipped)
}

/// The byte span of characters `start..end` of `text`, if both fall inside it.
fn byte_span(text: &str, start: usize, end: usize) -> Option<Span> {
    let mut offsets = text.char_indices().map(|(b, _)| b).chain([text.len()]);
    let from = offsets.nth(start)?;
    let to = if end == start {
        from
    } else {
        offsets.nth(end - start - 1)?
    };
    Some(Span::new(from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_spans_count_characters() {
        let text = "é he said";
        assert_eq!(byte_span(text, 2, 4).map(|s| s.slice(text)), Some("he"));
        assert_eq!(byte_span(text, 0, 1).map(|s| s.slice(text)), Some("é"));
        assert_eq!(byte_span(text, 8, 12), None);
    }
}
