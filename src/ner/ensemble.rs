//! Two recognizers' labels for one sentence combined: the primary model's entity spans stand,
//! and where the secondary model is sure of an entity it sets the type of the same span, or adds
//! the entity where the primary found none. With the perceptron as primary and a transformer as
//! secondary this is `--ner-ensemble`.

use super::{label_spans, Label};

/// The IOB2 label names of one sentence from the entities of `primary` (label names in IOB1,
/// IOB2 or BIOES) and those of `secondary` (label names with the probability the model gave
/// each) whose least probable token reaches `min_confidence`: a sure secondary entity with the
/// span of a primary one gives it its type; one that overlaps no primary entity is added.
pub fn combine(
    primary: &[&str],
    secondary: &[(&str, f32)],
    min_confidence: f32,
) -> Vec<&'static str> {
    let mut entities = label_spans(primary);
    let names: Vec<&str> = secondary.iter().map(|&(name, _)| name).collect();
    for (first, last, label) in label_spans(&names) {
        let confidence = secondary[first..=last]
            .iter()
            .map(|&(_, p)| p)
            .fold(f32::INFINITY, f32::min);
        if confidence < min_confidence {
            continue;
        }
        if let Some(same) = entities.iter_mut().find(|e| (e.0, e.1) == (first, last)) {
            same.2 = label;
        } else if entities.iter().all(|&(a, b, _)| last < a || b < first) {
            entities.push((first, last, label));
        }
    }
    let mut out = vec!["O"; primary.len().max(secondary.len())];
    for (first, last, label) in entities {
        out[first] = begin(label);
        for name in &mut out[first + 1..=last] {
            *name = inside(label);
        }
    }
    out
}

fn begin(label: Label) -> &'static str {
    match label {
        Label::Per => "B-PER",
        Label::Org => "B-ORG",
        Label::Loc => "B-LOC",
        Label::Misc => "B-MISC",
    }
}

fn inside(label: Label) -> &'static str {
    match label {
        Label::Per => "I-PER",
        Label::Org => "I-ORG",
        Label::Loc => "I-LOC",
        Label::Misc => "I-MISC",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primary_entities_stand_and_confident_secondary_ones_fill_gaps() {
        // "Tony Blair met Gordon Brown in Leeds ."
        let primary = ["B-PER", "I-PER", "O", "O", "O", "O", "I-LOC", "O"];
        let secondary = [
            ("O", 0.99),
            ("B-ORG", 0.99), // overlaps Tony Blair with another span: the primary entity stands
            ("O", 0.99),
            ("B-PER", 0.95), // Gordon Brown: no primary entity there, confident enough
            ("I-PER", 0.91),
            ("O", 0.99),
            ("O", 0.60),      // the primary's Leeds stands though the secondary saw none
            ("B-MISC", 0.50), // too unsure
        ];
        assert_eq!(
            combine(&primary, &secondary, 0.9),
            ["B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-LOC", "O"]
        );
        // The least probable token decides: Gordon Brown's 0.91 is below 0.92.
        assert_eq!(
            combine(&primary, &secondary, 0.92),
            ["B-PER", "I-PER", "O", "O", "O", "O", "B-LOC", "O"]
        );
    }

    #[test]
    fn a_sure_secondary_entity_with_the_same_span_gives_its_type() {
        // "Jordan won in Jordan"
        let primary = ["B-LOC", "O", "O", "B-LOC"];
        let secondary = [("B-PER", 0.97), ("O", 1.0), ("O", 1.0), ("B-LOC", 0.99)];
        assert_eq!(
            combine(&primary, &secondary, 0.95),
            ["B-PER", "O", "O", "B-LOC"]
        );
        assert_eq!(
            combine(&primary, &secondary, 0.98),
            ["B-LOC", "O", "O", "B-LOC"]
        );
    }

    #[test]
    fn a_secondary_entity_touching_a_primary_one_is_not_added() {
        let primary = ["O", "B-ORG", "O"];
        let secondary = [("B-ORG", 1.0), ("I-ORG", 1.0), ("I-ORG", 1.0)];
        assert_eq!(combine(&primary, &secondary, 0.5), ["O", "B-ORG", "O"]);
        assert!(combine(&[], &[], 0.5).is_empty());
    }
}
