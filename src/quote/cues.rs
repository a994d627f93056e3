//! The cue lexicon (`models/cues.tsv`): attribution verbs with their inflections and
//! multi-word source phrases, matched on tokens.

use std::collections::HashMap;

use super::{Cue, CueClass};
use crate::span::Span;

/// The cue table embedded in the binary.
pub const DEFAULT_CUES: &str = include_str!("../../models/cues.tsv");

/// How a cue relates to its speaker and content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueShape {
    /// A verb: speaker is its subject, content its complement (or the preceding clause).
    Verb {
        /// The verb takes a person object before the content ("told reporters that").
        takes_object: bool,
    },
    /// "according to X": the following noun phrase is the source.
    Source,
    /// "citing X": the sentence subject relays the following noun phrase.
    Citing,
    /// A noun whose possessor is the source and whose `that` clause the content ("his claim
    /// that …").
    Noun,
    /// A seeming verb: its own clause, subject included, is the content, and the writer the
    /// source ("Sanders appeared to dismiss the issue").
    Hedge,
}

/// One lexicon entry matched at a token position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CueMatch {
    /// Number of tokens the cue covers.
    pub len: usize,
    /// Lemma of the cue.
    pub lemma: String,
    /// Cue class.
    pub class: CueClass,
    /// Verb or phrase behaviour.
    pub shape: CueShape,
    /// Prepositions that join the verb as part of the cue ("boasted of").
    pub prepositions: Vec<String>,
    /// The verb is a cue only for a quotation ("she continued, “…”").
    pub quote_only: bool,
    /// The verb takes an infinitive as its content ("vowed to fight on").
    pub infinitive: bool,
    /// A cue only right before a `that` clause ("is confident that …", "pointed out that …").
    pub that_only: bool,
    /// A cue only with a clause or a prepositional object, never a bare noun phrase
    /// ("maintained that …", not "maintained a lead").
    pub clause_only: bool,
    /// The person asked stands before an embedded question, which alone is the content
    /// ("asked Rubio whether …").
    pub asks_question: bool,
    /// The base form is also a common noun ("an open question", "a conference call").
    pub noun_too: bool,
}

impl CueMatch {
    /// The cue this match makes over the words of `span`.
    pub fn cue(&self, span: Span) -> Cue {
        Cue {
            span,
            lemma: self.lemma.clone(),
            class: self.class,
        }
    }
}

#[derive(Clone, Debug)]
struct Entry {
    words: Vec<String>,
    lemma: String,
    class: CueClass,
    shape: CueShape,
    prepositions: Vec<String>,
    quote_only: bool,
    infinitive: bool,
    that_only: bool,
    clause_only: bool,
    asks_question: bool,
    noun_too: bool,
}

/// Cue words and phrases, indexed by their first (lowercased) word.
#[derive(Clone, Debug)]
pub struct CueLexicon {
    by_first: HashMap<String, Vec<Entry>>,
}

impl CueLexicon {
    /// Parses the cue table.
    pub fn from_table(table: &str) -> Result<CueLexicon, String> {
        let mut by_first: HashMap<String, Vec<Entry>> = HashMap::new();
        for (n, line) in table.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let err = |what: &str| format!("cue table line {}: {what}", n + 1);
            if cols.len() < 3 {
                return Err(err("expected at least kind, lemma and class"));
            }
            let class = match cols[2] {
                "speech" => CueClass::Speech,
                "thought" => CueClass::Thought,
                "intention" => CueClass::Intention,
                "evidence" => CueClass::Evidence,
                "report" => CueClass::Report,
                c => return Err(err(&format!("unknown class {c:?}"))),
            };
            let flags = cols.get(4).copied().unwrap_or("");
            let lemma = cols[1].trim().to_lowercase();
            let prepositions: Vec<String> = flags
                .split(',')
                .filter_map(|f| f.strip_prefix("prep="))
                .flat_map(|p| p.split('|'))
                .map(str::to_string)
                .collect();
            match cols[0] {
                "verb" => {
                    let shape = if flags.split(',').any(|f| f == "hedge") {
                        CueShape::Hedge
                    } else {
                        CueShape::Verb {
                            takes_object: flags.split(',').any(|f| f == "obj"),
                        }
                    };
                    let forms = cols.get(3).copied().unwrap_or("");
                    // `nobase`: the lemma itself is too ambiguous to be a cue ("state").
                    let base = (!flags.split(',').any(|f| f == "nobase")).then_some(lemma.as_str());
                    for form in base
                        .into_iter()
                        .chain(forms.split(',').map(str::trim).filter(|f| !f.is_empty()))
                    {
                        by_first.entry(form.to_string()).or_default().push(Entry {
                            words: vec![form.to_string()],
                            lemma: lemma.clone(),
                            class,
                            shape,
                            prepositions: prepositions.clone(),
                            quote_only: flags.split(',').any(|f| f == "quote"),
                            infinitive: flags.split(',').any(|f| f == "inf"),
                            that_only: flags.split(',').any(|f| f == "that"),
                            clause_only: flags.split(',').any(|f| f == "clause"),
                            asks_question: flags.split(',').any(|f| f == "ask"),
                            noun_too: flags.split(',').any(|f| f == "noun"),
                        });
                    }
                }
                "noun" => {
                    let forms = cols.get(3).copied().unwrap_or("");
                    for form in std::iter::once(lemma.as_str())
                        .chain(forms.split(',').map(str::trim).filter(|f| !f.is_empty()))
                    {
                        by_first.entry(form.to_string()).or_default().push(Entry {
                            words: vec![form.to_string()],
                            lemma: lemma.clone(),
                            class,
                            shape: CueShape::Noun,
                            prepositions: Vec::new(),
                            quote_only: false,
                            infinitive: false,
                            that_only: true,
                            clause_only: false,
                            asks_question: false,
                            noun_too: false,
                        });
                    }
                }
                "phrase" => {
                    let shape = match flags {
                        "src" => CueShape::Source,
                        "pre" => CueShape::Citing,
                        "hedge" => CueShape::Hedge,
                        f => {
                            return Err(err(&format!(
                                "phrase needs flag src, pre or hedge, got {f:?}"
                            )))
                        }
                    };
                    let words: Vec<String> = lemma.split_whitespace().map(str::to_string).collect();
                    by_first.entry(words[0].clone()).or_default().push(Entry {
                        words,
                        lemma: lemma.clone(),
                        class,
                        shape,
                        prepositions: Vec::new(),
                        quote_only: false,
                        infinitive: false,
                        that_only: false,
                        clause_only: false,
                        asks_question: false,
                        noun_too: false,
                    });
                }
                k => return Err(err(&format!("unknown kind {k:?}"))),
            }
        }
        for entries in by_first.values_mut() {
            entries.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        }
        Ok(CueLexicon { by_first })
    }

    /// The noun cue `word` is a form of, if any ("claims" is a verb and a noun).
    pub fn noun_at(&self, word: &str) -> Option<CueMatch> {
        self.by_first
            .get(&word.to_lowercase())?
            .iter()
            .find(|e| e.shape == CueShape::Noun)
            .map(Entry::to_match)
    }

    /// The longest cue starting at `words[0]`, if any (words compared lowercased).
    pub fn match_at(&self, words: &[&str]) -> Option<CueMatch> {
        let first = words.first()?.to_lowercase();
        let entries = self.by_first.get(&first)?;
        entries.iter().find_map(|e| {
            let fits = e.words.len() <= words.len()
                && e.words
                    .iter()
                    .zip(words)
                    .all(|(a, b)| a.eq_ignore_ascii_case(b));
            fits.then(|| e.to_match())
        })
    }
}

impl Entry {
    fn to_match(&self) -> CueMatch {
        CueMatch {
            len: self.words.len(),
            lemma: self.lemma.clone(),
            class: self.class,
            shape: self.shape,
            prepositions: self.prepositions.clone(),
            quote_only: self.quote_only,
            infinitive: self.infinitive,
            that_only: self.that_only,
            clause_only: self.clause_only,
            asks_question: self.asks_question,
            noun_too: self.noun_too,
        }
    }
}

impl Default for CueLexicon {
    fn default() -> Self {
        CueLexicon::from_table(DEFAULT_CUES).expect("embedded cue table is valid")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_forms_and_phrases() {
        let lex = CueLexicon::default();
        let m = lex.match_at(&["told", "reporters"]).unwrap();
        assert_eq!(
            (m.lemma.as_str(), m.class, m.shape),
            (
                "tell",
                CueClass::Speech,
                CueShape::Verb { takes_object: true }
            )
        );
        let m = lex.match_at(&["According", "to", "TASS"]).unwrap();
        assert_eq!((m.len, m.shape), (2, CueShape::Source));
        assert_eq!(lex.match_at(&["as", "per", "CNN"]).unwrap().lemma, "as per");
        assert!(lex.match_at(&["as", "well"]).is_none());
        assert_eq!(lex.match_at(&["wants"]).unwrap().class, CueClass::Intention);
        assert!(lex.match_at(&["table"]).is_none());
    }

    #[test]
    fn bad_tables_are_errors() {
        assert!(CueLexicon::from_table("verb\tsay\tnoise").is_err());
        assert!(CueLexicon::from_table("phrase\tas per\treport\t\tzzz").is_err());
    }
}
