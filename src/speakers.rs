//! Speakers: a stable `speaker_id` for every claim's speaker, and the speakers table of a
//! dataset.
//!
//! An id depends only on the claim itself (its canonical speaker, type and article), never on
//! which other articles are in a run, so incremental runs and shards agree:
//! - a named speaker (one with an entity type) gets the key of its name, the same in every
//!   article whatever type the entity recognizer gave it there: `tony-blair`,
//!   `european-commission`. The key is the name lowercased, without diacritics and
//!   punctuation, words joined by `-`; in a name of two or more words the endings `ei`, `ey`,
//!   `ii`, `iy` and `yi` of the first word are one spelling (`Sergei`/`Sergey Lavrov` →
//!   `sergei-lavrov`), and a leading `the` is dropped when two or more words follow (`The
//!   Washington Post` → `washington-post`; `The Hill` stays `the-hill`). Nothing else merges:
//!   `Michael Howard` and `John Howard` are two people, and so are `Howard` (in an article that
//!   gives no first name) and `Michael Howard`.
//! - an unnamed source (`a spokesman`, `analysts`) gets `desc:DOC_ID:key`: one per article and
//!   description (case variants are one), never merged across articles.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

use crate::claim::ClaimRecord;
use crate::ner::Label;

/// The id of a speaker named `name`, of entity type `label` (none for a description), in the
/// article `doc_id`.
pub fn speaker_id(doc_id: &str, name: &str, label: Option<Label>) -> String {
    match label {
        Some(_) => name_key(name),
        None => format!("desc:{doc_id}:{}", name_key(name)),
    }
}

/// `name` lowercased, without diacritics, its words (letters and digits) joined by `-`, without
/// a leading `the` before two or more words; the first of two or more words ends in `ei` for
/// any of `ei`, `ey`, `ii`, `iy`, `yi`.
fn name_key(name: &str) -> String {
    let plain: String = name
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    let mut words: Vec<String> = plain
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if words.is_empty() {
        return plain.trim().to_string();
    }
    if words.len() >= 3 && words[0] == "the" {
        words.remove(0);
    }
    if words.len() >= 2 {
        let first = &mut words[0];
        if ["ei", "ey", "ii", "iy", "yi"]
            .iter()
            .any(|e| first.ends_with(e))
            && first.len() > 3
        {
            first.truncate(first.len() - 2);
            first.push_str("ei");
        }
    }
    words.join("-")
}

/// The speaker fields of one claim record, as the speakers table reads them (from a record, or
/// from a `claims.jsonl` line).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ClaimSpeaker {
    doc_id: String,
    speaker_id: Option<String>,
    speaker: Option<String>,
    speaker_type: Option<String>,
    speaker_role: Option<String>,
    speaker_mention: Option<Mention>,
}

/// The text of a speaker mention.
#[derive(Clone, Debug, Default, Deserialize)]
struct Mention {
    text: String,
}

impl From<&ClaimRecord> for ClaimSpeaker {
    fn from(c: &ClaimRecord) -> Self {
        ClaimSpeaker {
            doc_id: c.doc_id.clone(),
            speaker_id: c.speaker_id.clone(),
            speaker: c.speaker.clone(),
            speaker_type: c.speaker_type.map(|l| l.as_str().to_string()),
            speaker_role: c.speaker_role.clone(),
            speaker_mention: c.speaker_mention.as_ref().map(|m| Mention {
                text: m.text.clone(),
            }),
        }
    }
}

/// One row of `speakers.jsonl` / `speakers.csv`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SpeakerRecord {
    /// The id claims refer to.
    pub speaker_id: String,
    /// The name (the most frequent canonical form; the longest, then the first in alphabetical
    /// order, on ties).
    pub name: String,
    /// PER, ORG or LOC (the most frequent); null for a description.
    #[serde(rename = "type")]
    pub label: Option<String>,
    /// True for a named entity, false for a description ("analysts").
    pub named: bool,
    /// Every canonical form, and every mention that shares a word with one (so not pronouns
    /// or bare roles), in alphabetical order.
    pub aliases: Vec<String>,
    /// Every role seen, in alphabetical order.
    pub roles: Vec<String>,
    /// Claims by this speaker.
    pub claims: u64,
    /// Articles with at least one of them.
    pub articles: u64,
}

/// What the table knows of one speaker so far.
#[derive(Default)]
struct Tally {
    names: BTreeMap<String, u64>,
    labels: BTreeMap<String, u64>,
    mentions: BTreeSet<String>,
    roles: BTreeSet<String>,
    claims: u64,
    articles: u64,
    last_doc: String,
}

/// The speakers table of a dataset, built from its claims in any order.
#[derive(Default)]
pub struct SpeakerTable {
    tallies: BTreeMap<String, Tally>,
}

impl SpeakerTable {
    /// Counts one claim (claims without a speaker are not in the table).
    pub fn add(&mut self, claim: ClaimSpeaker) {
        let (Some(id), Some(name)) = (claim.speaker_id, claim.speaker) else {
            return;
        };
        let tally = self.tallies.entry(id).or_default();
        *tally.names.entry(name).or_default() += 1;
        if let Some(label) = claim.speaker_type {
            *tally.labels.entry(label).or_default() += 1;
        }
        tally.mentions.extend(claim.speaker_mention.map(|m| m.text));
        tally.roles.extend(claim.speaker_role);
        tally.claims += 1;
        if tally.last_doc != claim.doc_id {
            tally.articles += 1;
            tally.last_doc = claim.doc_id;
        }
    }

    /// The rows, ordered by `speaker_id`.
    pub fn records(&self) -> impl Iterator<Item = SpeakerRecord> + '_ {
        self.tallies.iter().map(|(id, t)| {
            let name = most_frequent(&t.names).unwrap_or_default();
            let label = most_frequent(&t.labels);
            let named_words: BTreeSet<String> = t
                .names
                .keys()
                .flat_map(|n| n.split_whitespace().map(str::to_lowercase))
                .collect();
            let shares_a_word = |m: &String| {
                m.split_whitespace()
                    .any(|w| named_words.contains(&w.to_lowercase()))
            };
            let mut aliases: BTreeSet<String> = t.names.keys().cloned().collect();
            aliases.extend(t.mentions.iter().filter(|m| shares_a_word(m)).cloned());
            SpeakerRecord {
                speaker_id: id.clone(),
                name,
                named: label.is_some(),
                label,
                aliases: aliases.into_iter().collect(),
                roles: t.roles.iter().cloned().collect(),
                claims: t.claims,
                articles: t.articles,
            }
        })
    }
}

/// The most frequent value; on ties the longest, then the first in alphabetical order.
fn most_frequent(counts: &BTreeMap<String, u64>) -> Option<String> {
    counts
        .iter()
        .max_by(|a, b| {
            (a.1, a.0.chars().count())
                .cmp(&(b.1, b.0.chars().count()))
                .then_with(|| b.0.cmp(a.0))
        })
        .map(|(value, _)| value.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_speakers_get_one_id_in_every_article() {
        let id = |doc: &str, name: &str| speaker_id(doc, name, Some(Label::Per));
        assert_eq!(id("a", "Tony Blair"), "tony-blair");
        assert_eq!(id("a", "Tony Blair"), id("b", "tony blair"));
        assert_eq!(id("a", "Sergei Lavrov"), id("b", "Sergey Lavrov"));
        assert_eq!(id("a", "José Martí"), id("b", "Jose Marti"));
        assert_ne!(id("a", "Michael Howard"), id("a", "John Howard"));
        assert_ne!(id("a", "Andy Clarke"), id("a", "Charles Clarke"));
        assert_ne!(id("a", "Howard"), id("a", "Michael Howard"));
        assert_eq!(id("a", "The Washington Post"), id("b", "Washington Post"));
        assert_eq!(id("a", "The Washington Post"), "washington-post");
        assert_ne!(id("a", "The Hill"), id("b", "Hill"));
        // The entity type is not part of the id: a mistyped mention stays the same speaker.
        assert_eq!(
            id("a", "Wang Yi"),
            speaker_id("b", "Wang Yi", Some(Label::Loc))
        );
    }

    #[test]
    fn descriptions_merge_case_variants_within_an_article_only() {
        assert_eq!(
            speaker_id("a", "Analysts", None),
            speaker_id("a", "analysts", None)
        );
        assert_ne!(
            speaker_id("a", "a spokesman", None),
            speaker_id("b", "a spokesman", None)
        );
    }

    fn claim(doc: &str, name: &str, mention: &str, role: Option<&str>) -> ClaimSpeaker {
        ClaimSpeaker {
            doc_id: doc.into(),
            speaker_id: Some(speaker_id(doc, name, Some(Label::Per))),
            speaker: Some(name.into()),
            speaker_type: Some("PER".into()),
            speaker_role: role.map(str::to_string),
            speaker_mention: Some(Mention {
                text: mention.into(),
            }),
        }
    }

    #[test]
    fn the_table_counts_claims_articles_aliases_and_roles() {
        let mut table = SpeakerTable::default();
        table.add(claim(
            "a",
            "Sergei Lavrov",
            "Lavrov",
            Some("foreign minister"),
        ));
        table.add(claim("a", "Sergei Lavrov", "he", None));
        table.add(claim("b", "Sergey Lavrov", "Mr Lavrov", None));
        table.add(claim("b", "Sergey Lavrov", "Sergey Lavrov", None));
        table.add(ClaimSpeaker::default());
        let rows: Vec<SpeakerRecord> = table.records().collect();
        assert_eq!(rows.len(), 1);
        let row = &rows[0];
        assert_eq!(row.speaker_id, "sergei-lavrov");
        assert_eq!((row.claims, row.articles), (4, 2));
        assert_eq!(
            row.name, "Sergei Lavrov",
            "two each: the first alphabetically"
        );
        assert_eq!(
            row.aliases,
            ["Lavrov", "Mr Lavrov", "Sergei Lavrov", "Sergey Lavrov"]
        );
        assert_eq!(row.roles, ["foreign minister"]);
        assert!(row.named);
    }
}
