//! Rule: a person's name the tagger joined to the organisation after it. Business and sport
//! copy writes "said Nigel Black of Shore Capital", and the tagger made the whole phrase one
//! organisation, so the analyst was the speaker "Nigel Black of Shore Capital" and the next
//! "the retailer" resolved to him. An organisation or other name whose first two or three
//! words are capitalised, open with a known first name (`models/first_names.tsv`) and are
//! followed by "of" and a capitalised word is split there: the name is a person, the words
//! after "of" an entity of the tagger's type. "Bank of England", "University of Iowa" open
//! with no first name and stay whole, and so does a name ending in an organisation's head
//! word (`orghead` in `models/lexicon.tsv`: "Royal College of Nursing").

use std::collections::HashSet;

use super::{Entity, Label};
use crate::document::Analysis;
use crate::lexicon::{Lexicon, WordClass};
use crate::span::Span;

/// Splits every entity that joined a person's name to the organisation after "of".
pub fn split_persons_of(
    doc: &Analysis,
    lexicon: &Lexicon,
    first_names: &HashSet<String>,
    entities: &mut Vec<Entity>,
) {
    let places = places(doc, entities);
    let mut k = 0;
    while k < entities.len() {
        let e = &entities[k];
        if let Some((person, organisation)) = person_of(doc, lexicon, first_names, &places, e) {
            entities[k] = organisation;
            entities.insert(k, person);
            k += 1;
        }
        k += 1;
    }
}

/// The person and the organisation of an entity "First Last of Organisation".
fn person_of(
    doc: &Analysis,
    lexicon: &Lexicon,
    first_names: &HashSet<String>,
    places: &HashSet<&str>,
    e: &Entity,
) -> Option<(Entity, Entity)> {
    if matches!(e.label, Label::Per | Label::Loc) {
        return None;
    }
    let first = doc.tokens.partition_point(|t| t.span.start < e.span.start);
    let last = doc.tokens.partition_point(|t| t.span.end <= e.span.end);
    let word = |t: usize| doc.token_text(t);
    let of = (first..last).find(|&t| word(t) == "of")?;
    let capitalised = |t: usize| {
        let w = word(t);
        w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '.')
    };
    let name = first..of;
    let person_name = (2..=3).contains(&name.len())
        && name.clone().all(capitalised)
        && first_names.contains(word(first))
        && !places.contains(word(first))
        // "Royal College of Nursing": a name ending in an organisation's head is no person's.
        && !lexicon.is(WordClass::OrgHead, word(of - 1));
    if !person_name || of + 1 >= last || !capitalised(of + 1) {
        return None;
    }
    let person = Entity {
        span: Span::new(e.span.start, doc.tokens[of - 1].span.end),
        label: Label::Per,
    };
    let organisation = Entity {
        span: Span::new(doc.tokens[of + 1].span.start, e.span.end),
        label: e.label,
    };
    Some((person, organisation))
}

/// The first words of the places the tagger found: "Florida House of Representatives" opens
/// with a first name of the census lists, but the article names "Florida" as a state.
fn places<'d>(doc: &'d Analysis, entities: &[Entity]) -> HashSet<&'d str> {
    let text = doc.text();
    entities
        .iter()
        .filter(|e| e.label == Label::Loc)
        .filter_map(|e| e.span.slice(text).split(' ').next())
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::ner::Label;
    use crate::{Article, Pipeline};

    /// The entities of `text`, as (text, label).
    fn entities(text: &str) -> Vec<(String, Label)> {
        let article = Article::new("t", text);
        let doc = Pipeline::default().analyze(&article);
        doc.entities
            .iter()
            .map(|e| (e.span.slice(text).to_string(), e.label))
            .collect()
    }

    #[test]
    fn a_name_before_of_and_an_organisation_is_a_person() {
        let found =
            entities("\"The numbers show the pressure,\" said Nigel Black of Shore Capital.");
        assert!(
            found.contains(&("Nigel Black".to_string(), Label::Per)),
            "{found:?}"
        );
        assert!(found.iter().any(|(t, _)| t == "Shore Capital"), "{found:?}");
    }

    #[test]
    fn an_organisation_named_with_of_stays_whole() {
        let found =
            entities("The Bank of England raised rates, and the University of Iowa agreed.");
        assert!(
            found.iter().any(|(t, _)| t == "Bank of England"),
            "{found:?}"
        );
        assert!(
            found.iter().any(|(t, _)| t == "University of Iowa"),
            "{found:?}"
        );
        // "Florida" is a first name of the census lists, and a place here.
        let found = entities(
            "Voters in Florida were angry, and the Florida House of Representatives voted.",
        );
        assert!(
            !found
                .iter()
                .any(|(t, l)| t == "Florida House" && *l == Label::Per),
            "{found:?}"
        );
        // "Royal" is a first name of the census lists, "College" an organisation's head.
        let found = entities(
            "Steve Barclay said the figures were bad.\n\n\
             The Royal College of Nursing said its members were exhausted.",
        );
        assert!(
            !found
                .iter()
                .any(|(t, l)| t == "Royal College" && *l == Label::Per),
            "{found:?}"
        );
    }
}
