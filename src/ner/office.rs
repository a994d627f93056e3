//! Rule: a person's name the tagger joined to the office before it. "Secretary of State
//! Condoleezza Rice" and "Chancellor of the Exchequer Gordon Brown" came out as the
//! organisations "State Condoleezza Rice" and "Exchequer Gordon Brown". An entity of three
//! capitalised words right after a title and "of" (or "of the") holds the office's last word
//! and then the person: the office word leaves it, and the two words left are a person.

use super::{Entity, Label};
use crate::document::Analysis;
use crate::lexicon::{Lexicon, WordClass};
use crate::span::Span;

/// Splits the office word off every entity that joined it to a person's name.
pub fn split_offices(doc: &Analysis, lexicon: &Lexicon, entities: &mut [Entity]) {
    for e in entities.iter_mut() {
        if let Some(person) = person_after_office(doc, lexicon, e) {
            *e = person;
        }
    }
}

fn person_after_office(doc: &Analysis, lexicon: &Lexicon, e: &Entity) -> Option<Entity> {
    if e.label == Label::Per {
        return None;
    }
    let first = doc.tokens.partition_point(|t| t.span.start < e.span.start);
    let last = doc.tokens.partition_point(|t| t.span.end <= e.span.end);
    let words: Vec<&str> = (first..last).map(|t| doc.token_text(t)).collect();
    let capitalised = |w: &&str| {
        w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '.')
    };
    if words.len() != 3 || !words.iter().all(capitalised) {
        return None;
    }
    let before = |k: usize| first.checked_sub(k).map(|t| doc.token_text(t));
    let title_at = match (before(1), before(2)) {
        (Some("of"), _) => 2,
        (Some("the"), Some("of")) => 3,
        _ => return None,
    };
    let title = before(title_at)?;
    let titled = title.starts_with(char::is_uppercase)
        && lexicon.is(WordClass::Title, title.trim_end_matches('.'));
    titled.then(|| Entity {
        span: Span::new(doc.tokens[first + 1].span.start, e.span.end),
        label: Label::Per,
    })
}
