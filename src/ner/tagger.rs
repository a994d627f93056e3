//! The statistical recognizer: an averaged-perceptron tagger trained on CoNLL-2003.

use std::borrow::Cow;

use super::{sentence_entities, Entity, Label, Recognizer};
use crate::document::Analysis;
use crate::models::{self, Task};
use crate::tagger::{Tagger, WordClasses};

/// Tags each sentence's tokens with IOB/BIOES labels and turns them into entity spans.
pub struct TaggerRecognizer {
    model: Cow<'static, Tagger>,
    classes: &'static WordClasses,
    id: String,
}

impl TaggerRecognizer {
    /// A recognizer over `model` and the word classes it was trained with.
    pub fn new(
        model: Cow<'static, Tagger>,
        classes: &'static WordClasses,
        id: impl Into<String>,
    ) -> TaggerRecognizer {
        TaggerRecognizer {
            model,
            classes,
            id: id.into(),
        }
    }
}

impl TaggerRecognizer {
    /// The recognizer over the perceptron model embedded in the binary (CoNLL-2003).
    pub fn embedded() -> TaggerRecognizer {
        TaggerRecognizer::new(
            Cow::Borrowed(models::embedded(Task::Ner)),
            models::word_classes(),
            format!(
                "ner-perceptron-conll2003@{}",
                &models::fingerprint(models::NER_MODEL)[..12]
            ),
        )
    }

    /// The label name ("B-PER", "O"…) of every token, sentence by sentence.
    pub fn sentence_labels(&self, doc: &Analysis) -> Vec<Vec<&str>> {
        let sentences: Vec<Vec<&str>> = doc
            .sentences
            .iter()
            .map(|s| s.tokens.clone().map(|i| doc.token_text(i)).collect())
            .collect();
        self.model.tag_document_labels(&sentences, self.classes)
    }
}

/// The entity type of a CoNLL label name ("B-PER" → PER); `None` for O and unknown types.
fn label_type(name: &str) -> Option<Label> {
    match name.get(2..)? {
        "PER" => Some(Label::Per),
        "ORG" => Some(Label::Org),
        "LOC" => Some(Label::Loc),
        "MISC" => Some(Label::Misc),
        _ => None,
    }
}

/// Spans `(first, last_inclusive, label)` of token indices from IOB1, IOB2 or BIOES label names.
pub fn label_spans(names: &[&str]) -> Vec<(usize, usize, Label)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Label)> = None;
    for (i, name) in names.iter().enumerate() {
        let ty = label_type(name);
        let prefix = name.as_bytes().first().copied().unwrap_or(b'O');
        let continues = matches!(prefix, b'I' | b'E') && open.is_some_and(|(_, t)| Some(t) == ty);
        if !continues {
            if let Some((s, t)) = open.take() {
                out.push((s, i - 1, t));
            }
            if let Some(t) = ty {
                open = Some((i, t));
            }
        }
        if matches!(prefix, b'E' | b'S') {
            if let Some((s, t)) = open.take() {
                out.push((s, i, t));
            }
        }
    }
    if let Some((s, t)) = open {
        out.push((s, names.len() - 1, t));
    }
    out
}

impl Recognizer for TaggerRecognizer {
    fn recognize(&self, doc: &Analysis) -> Vec<Entity> {
        let mut out = Vec::new();
        for (sentence, names) in doc.sentences.iter().zip(self.sentence_labels(doc)) {
            sentence_entities(doc, sentence, &names, &mut out);
        }
        out
    }

    fn model_id(&self) -> String {
        self.id.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_iob2_iob1_and_bioes() {
        assert_eq!(
            label_spans(&["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG"]),
            [
                (0, 1, Label::Per),
                (3, 3, Label::Loc),
                (4, 4, Label::Loc),
                (5, 5, Label::Org)
            ]
        );
        assert_eq!(
            label_spans(&["I-PER", "I-PER", "I-LOC"]),
            [(0, 1, Label::Per), (2, 2, Label::Loc)]
        );
        assert_eq!(
            label_spans(&["S-ORG", "B-PER", "E-PER", "O"]),
            [(0, 0, Label::Org), (1, 2, Label::Per)]
        );
        assert!(label_spans(&[]).is_empty());
    }
}
