//! Rule: a speaker the detector took from an adverbial that opens the sentence gives way to
//! the cue's subject in the parse. "By the end of the day, Mr. Trump was forced … and said",
//! "A month later, he paid a visit … and explained", "Therefore, Gulf sources … admit" had
//! the speakers "By the end", "A month" and "Therefore". Only a mention that opens its
//! sentence, names no entity, is no pronoun and has a comma between it and the cue is
//! parsed; the parse must attach it as an adverbial and find the subject after it.

use super::antecedents::is_pronoun;
use super::syntax::{parse_around, Parsed};
use super::RuleAttributor;
use crate::document::Analysis;
use crate::parse::tree::{head_of, tops};
use crate::quote::Candidate;
use crate::span::Span;

/// Relations of a phrase that modifies its clause rather than naming anyone: obliques
/// ("By the end", "A month later"), adverbs ("Therefore"), an expletive ("There have been …"),
/// a discourse word ("Well").
const ADVERBIAL: [&str; 7] = [
    "obl",
    "obl:tmod",
    "obl:unmarked",
    "obl:npmod",
    "advmod",
    "expl",
    "discourse",
];

impl RuleAttributor {
    /// The detector's speaker `mention` of `c`, or the cue's parse subject when the mention is
    /// an opening adverbial.
    pub(super) fn past_adverbial(&self, doc: &Analysis, c: &Candidate, mention: Span) -> Span {
        self.subject_past_adverbial(doc, c, mention)
            .unwrap_or(mention)
    }

    fn subject_past_adverbial(&self, doc: &Analysis, c: &Candidate, mention: Span) -> Option<Span> {
        let cue = c.cue.as_ref()?;
        let text = doc.text();
        let sentence = doc.sentences.get(doc.sentences_in(mention).start)?;
        let opens = doc.tokens.get(sentence.tokens.start)?.span.start == mention.start;
        let comma = text
            .get(mention.end..cue.span.start)
            .is_some_and(|between| between.contains(','));
        let from = doc
            .entities
            .partition_point(|e| e.span.end <= mention.start);
        let named = doc.entities[from..]
            .iter()
            .take_while(|e| e.span.start < mention.end)
            .any(|e| e.span.overlaps(mention));
        if !opens || !comma || named || is_pronoun(mention.slice(text)) {
            return None;
        }
        let Parsed { syntax, words, .. } = parse_around(doc, mention)?;
        // A mention cut inside its phrase ("By the", "A") stands for the phrase's head.
        let phrase_head = |k: usize| match syntax.relations[k] {
            "case" | "det" | "amod" | "nummod" | "compound" => head_of(syntax, k),
            _ => Some(k),
        };
        // A proper noun is a name, whatever relation the parse gives it ("Pell, who ran the
        // ferry, said …" parsed with "Pell" as a discourse word and "who" as the subject).
        let heads = tops(syntax, &words);
        let adverbial = !heads.is_empty()
            && heads.iter().all(|&k| {
                phrase_head(k).is_some_and(|h| {
                    ADVERBIAL.contains(&syntax.relations[h]) && syntax.upos[h] != "PROPN"
                })
            });
        let relative = |s: &Span| matches!(s.slice(text), "who" | "which" | "that");
        adverbial
            .then(|| self.parsed_subject(doc, c))?
            .filter(|s| s.start >= mention.end && !relative(s))
    }
}
