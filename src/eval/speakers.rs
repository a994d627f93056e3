//! Canonical-speaker accuracy: of the gold claims that a prediction matched, how many name
//! their speaker in full — the predicted `speaker` holds every word of the gold full name
//! (titles ignored) and at most three other words.
//!
//! Gold full names come from the claims gold (`speaker.name`, as in `data/seeds.gold.jsonl`)
//! and, optionally, from a speakers gold file: hand-resolved speakers of gold claims
//! (`data/polnear_dev.speakers.jsonl`: `gold_id`, `category`, `name` or null when the article
//! never says who it is, `resolvable`). An unresolvable speaker is right when the prediction
//! leaves it a description (no entity type) rather than guessing a name.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::claims::{name_words, ClaimGold, ClaimPred, EvalError, Pair};

/// At most this many words of a predicted name may be outside the gold full name.
const MAX_OTHER_WORDS: usize = 3;

/// One hand-resolved speaker of a gold claim.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct SpeakerGold {
    /// The gold claim's `id`.
    pub gold_id: String,
    /// How the article mentions the speaker (`pronoun`, `nominal`, `honorific`, `surname`).
    pub category: String,
    /// The full name, or null when the article never says who it is.
    pub name: Option<String>,
}

/// Reads a speakers gold file (JSONL); a malformed line is an error naming it.
pub fn read_speaker_gold(path: &Path) -> Result<Vec<SpeakerGold>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|e| EvalError::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            serde_json::from_str(l).map_err(|e| EvalError::Parse {
                path: path.to_path_buf(),
                line: n + 1,
                msg: e.to_string(),
            })
        })
        .collect()
}

/// Whether `predicted` names `gold` in full: every word of `gold` (titles and determiners
/// ignored) and at most three other words.
pub fn names_in_full(gold: &str, predicted: &str) -> bool {
    let gold: BTreeSet<String> = name_words(gold).into_iter().collect();
    let predicted: BTreeSet<String> = name_words(predicted).into_iter().collect();
    !gold.is_empty()
        && gold.is_subset(&predicted)
        && predicted.difference(&gold).count() <= MAX_OTHER_WORDS
}

/// Accuracy on one group of matched gold claims.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CanonicalMetrics {
    /// The group: `named` (claims gold with a full name), a speakers-gold category, `resolved`
    /// (every category with a name) or `unresolvable`.
    pub group: String,
    /// Matched gold claims in the group.
    pub n: usize,
    /// Of those, predictions that name the speaker in full (or, unresolvable, do not guess).
    pub correct: usize,
    /// `correct / n`.
    pub accuracy: f64,
}

/// Canonical-speaker accuracy over the matched `pairs`: the `named` group from the claims
/// gold, then, for a speakers gold, one group per category, `resolved` and `unresolvable`.
pub fn canonical_accuracy(
    gold: &[ClaimGold],
    pred: &[ClaimPred],
    pairs: &[Pair],
    speakers: &[SpeakerGold],
) -> Vec<CanonicalMetrics> {
    let by_id: BTreeMap<&str, &SpeakerGold> =
        speakers.iter().map(|s| (s.gold_id.as_str(), s)).collect();
    let mut groups: BTreeMap<String, CanonicalMetrics> = BTreeMap::new();
    let mut count = |group: &str, correct: bool| {
        let m = groups.entry(group.to_string()).or_default();
        m.n += 1;
        m.correct += correct as usize;
    };
    for pair in pairs {
        let (g, p) = (&gold[pair.gold], &pred[pair.pred]);
        let predicted = p.speaker.as_deref().unwrap_or("");
        if let Some(name) = &g.speaker_name {
            count("named", names_in_full(name, predicted));
        }
        let Some(resolved) = g.id.as_deref().and_then(|id| by_id.get(id)) else {
            continue;
        };
        match &resolved.name {
            Some(name) => {
                let correct = names_in_full(name, predicted);
                count(&resolved.category, correct);
                count("resolved", correct);
            }
            None => count("unresolvable", p.speaker_type.is_none()),
        }
    }
    let order = |group: &str| match group {
        "named" => 0,
        "resolved" => 2,
        "unresolvable" => 3,
        _ => 1,
    };
    let mut rows: Vec<CanonicalMetrics> = groups
        .into_iter()
        .map(|(group, m)| CanonicalMetrics {
            accuracy: if m.n == 0 {
                0.0
            } else {
                m.correct as f64 / m.n as f64
            },
            group,
            ..m
        })
        .collect();
    rows.sort_by_key(|m| order(&m.group));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_name_needs_every_gold_word_and_few_others() {
        assert!(names_in_full("Tony Blair", "Tony Blair"));
        assert!(names_in_full("Tony Blair", "Prime Minister Tony Blair"));
        assert!(names_in_full("Mr Tony Blair", "Tony Blair"));
        assert!(!names_in_full("Tony Blair", "Blair"));
        assert!(!names_in_full("Tony Blair", "Mr Blair"));
        assert!(!names_in_full("Tony Blair", "he"));
        assert!(!names_in_full("Wang Yi", "Sergey Lavrov and Wang"));
        assert!(!names_in_full(
            "Tony Blair",
            "Tony Blair and the rest of the British cabinet"
        ));
    }
}
