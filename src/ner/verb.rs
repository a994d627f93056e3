//! Rule: a verb the tagger joined to the name after it at a sentence's start. Features open
//! sentences with the verb ("Said Comey, …", "Added Pell: …"), and the tagger reads the
//! capitalised verb as a first name: "Said Comey" became a person. A sentence-initial entity of
//! two or more words followed by a comma or colon loses its first word when that is a past
//! form the article also writes in lowercase ("said", "added"), or an irregular past form.

use super::Entity;
use crate::document::Analysis;
use crate::lexicon::{Lexicon, WordClass};
use crate::span::Span;

/// Detaches the opening verb from every entity that joined it to a name.
pub fn detach_opening_verbs(doc: &Analysis, lexicon: &Lexicon, entities: &mut [Entity]) {
    for e in entities.iter_mut() {
        if let Some(name) = name_after_verb(doc, lexicon, e) {
            *e = name;
        }
    }
}

fn name_after_verb(doc: &Analysis, lexicon: &Lexicon, e: &Entity) -> Option<Entity> {
    let first = doc.tokens.partition_point(|t| t.span.start < e.span.start);
    let last = doc.tokens.partition_point(|t| t.span.end <= e.span.end);
    let opens = doc
        .sentences
        .get(doc.sentence_of(first))
        .is_some_and(|s| s.tokens.start == first);
    let introduces = last < doc.tokens.len() && matches!(doc.token_text(last), "," | ":");
    if !opens || !introduces || last < first + 2 || doc.tokens[first].span.start != e.span.start {
        return None;
    }
    let verb = doc.token_text(first);
    let lower = verb.to_lowercase();
    let written_lowercase = || (0..doc.tokens.len()).any(|t| doc.token_text(t) == lower);
    let past =
        lexicon.is(WordClass::PastForm, &lower) || lower.ends_with("ed") && written_lowercase();
    past.then(|| Entity {
        span: Span::new(doc.tokens[first + 1].span.start, e.span.end),
        label: e.label,
    })
}
