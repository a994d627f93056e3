//! Named-entity recognition: the [`Recognizer`] role and the entity types it produces.

mod affiliation;
mod ensemble;
mod office;
mod person_of;
mod tagger;
#[cfg(feature = "transformer")]
mod transformer;
mod verb;

pub use affiliation::split_affiliations;
pub use ensemble::combine;
pub use office::split_offices;
pub use person_of::split_persons_of;
pub use tagger::{label_spans, TaggerRecognizer};
#[cfg(feature = "transformer")]
pub use transformer::{
    EnsembleRecognizer, TransformerError, TransformerNer, TransformerRecognizer,
};
pub use verb::detach_opening_verbs;

use serde::Serialize;

use crate::document::{Analysis, Sentence};
use crate::span::Span;

/// Entity types (CoNLL-2003 classes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Label {
    /// A person.
    #[serde(rename = "PER")]
    Per,
    /// An organisation, outlet or institution.
    #[serde(rename = "ORG")]
    Org,
    /// A place (country, city, region).
    #[serde(rename = "LOC")]
    Loc,
    /// Other names: nationalities, events, products.
    #[serde(rename = "MISC")]
    Misc,
}

impl Label {
    /// The CoNLL name of the label.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
        }
    }
}

/// One entity mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Byte span in the article text.
    pub span: Span,
    /// Entity type.
    pub label: Label,
}

/// Finds entity mentions in an analysed article (sentences and tokens already set).
pub trait Recognizer: Send + Sync {
    /// Entity mentions in text order, each covering whole tokens.
    fn recognize(&self, doc: &Analysis) -> Vec<Entity>;
    /// An identifier of the model, recorded in `run.json`.
    fn model_id(&self) -> String;
}

/// Appends the entities of one sentence, given the CoNLL label name of each of its tokens.
fn sentence_entities(doc: &Analysis, sentence: &Sentence, names: &[&str], out: &mut Vec<Entity>) {
    for (a, b, label) in label_spans(names) {
        let first = doc.tokens[sentence.tokens.start + a].span;
        let last = doc.tokens[sentence.tokens.start + b].span;
        push_joining_split_names(
            doc.text(),
            out,
            Entity {
                span: Span::new(first.start, last.end),
                label,
            },
        );
    }
}

/// Appends `entity` to `out`, or extends the last entity with it when both are persons with
/// only a space between: one name the tagger split, mostly at a middle initial ("John" + "R.
/// Kasich", "Blair" + "W. Effron").
fn push_joining_split_names(text: &str, out: &mut Vec<Entity>, entity: Entity) {
    if let Some(previous) = out.last_mut().filter(|p| {
        p.label == Label::Per
            && entity.label == Label::Per
            && p.span.end <= entity.span.start
            && text[p.span.end..entity.span.start] == *" "
    }) {
        previous.span.end = entity.span.end;
    } else {
        out.push(entity);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_split_at_a_middle_initial_is_one_name() {
        let text = "Blair W. Effron and Ann Pry, Tom Vance met.";
        let at = |w: &str| {
            let start = text.find(w).unwrap();
            Span::new(start, start + w.len())
        };
        let mut out = Vec::new();
        for (w, label) in [
            ("Blair", Label::Per),
            ("W. Effron", Label::Per),
            ("Ann Pry", Label::Per),
            ("Tom Vance", Label::Per),
        ] {
            push_joining_split_names(text, &mut out, Entity { span: at(w), label });
        }
        let names: Vec<&str> = out.iter().map(|e| e.span.slice(text)).collect();
        assert_eq!(names, ["Blair W. Effron", "Ann Pry", "Tom Vance"]);
    }
}
