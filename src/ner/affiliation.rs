//! Rule: a person's name the tagger joined to the organisation and role before it. British
//! news writes "Labour MP Wes Streeting" and "Bank of England Governor Andrew Bailey", and the
//! tagger, not knowing the person, made each one organisation. An organisation or other name
//! (not a person, and not a place: "Prince William Sound") whose last words are a role word (`role` in `models/lexicon.tsv`) and two or three
//! capitalised words opening with a known first name (`models/first_names.tsv`) is split
//! there: the words after the role are a person, and the words before it stay an entity of the
//! tagger's type unless they are themselves role words ("Foreign Minister Sergei Lavrov").

use std::collections::HashSet;

use super::{Entity, Label};
use crate::document::Analysis;
use crate::lexicon::{Lexicon, WordClass};
use crate::span::Span;

/// Splits every entity that joined an affiliation and a role to a person's name.
pub fn split_affiliations(
    doc: &Analysis,
    lexicon: &Lexicon,
    first_names: &HashSet<String>,
    entities: &mut Vec<Entity>,
) {
    let mut k = 0;
    while k < entities.len() {
        if let Some((affiliation, person)) =
            person_after_role(doc, lexicon, first_names, &entities[k])
        {
            entities[k] = person;
            if let Some(a) = affiliation {
                entities.insert(k, a);
                k += 1;
            }
        }
        k += 1;
    }
}

/// The affiliation (if any) and the person of an entity that ends with a role and a name.
fn person_after_role(
    doc: &Analysis,
    lexicon: &Lexicon,
    first_names: &HashSet<String>,
    e: &Entity,
) -> Option<(Option<Entity>, Entity)> {
    if matches!(e.label, Label::Per | Label::Loc) {
        return None;
    }
    let first = doc.tokens.partition_point(|t| t.span.start < e.span.start);
    let last = doc.tokens.partition_point(|t| t.span.end <= e.span.end);
    let word = |t: usize| doc.token_text(t);
    let role = (first..last)
        .rev()
        .find(|&t| lexicon.is(WordClass::Role, word(t)))?;
    let name = role + 1..last;
    let capitalised = |t: usize| {
        let w = word(t);
        w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic)
    };
    if !(2..=3).contains(&name.len())
        || !name.clone().all(capitalised)
        || !first_names.contains(word(name.start))
        || name
            .clone()
            .any(|t| lexicon.is(WordClass::OrgHead, word(t)))
    {
        return None;
    }
    let person = Entity {
        span: Span::new(doc.tokens[name.start].span.start, e.span.end),
        label: Label::Per,
    };
    let office = |t: usize| {
        lexicon.is(WordClass::Role, word(t))
            || lexicon.is(WordClass::RoleModifier, word(t))
            || lexicon.is(WordClass::Title, word(t).trim_end_matches('.'))
    };
    let affiliation = (first < role && !(first..role).any(office)).then(|| Entity {
        span: Span::new(e.span.start, doc.tokens[role - 1].span.end),
        label: e.label,
    });
    Some((affiliation, person))
}
