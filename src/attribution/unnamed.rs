//! Rule: an indefinite description whose head is no name names no one. "A spokesman for
//! Hillary Clinton", "a source familiar with Cruz’s thinking", "some miffed Sanders
//! supporters" are unnamed sources, not Clinton, Cruz or Sanders; "a teary-eyed Bush" is Bush, "a report by the Brookings
//! Institution" the institution, "a CNN poll" CNN. The head is read from the dependency
//! parse: the mention's word the others hang from.

use super::syntax::{parse_around, Parsed};
use super::RuleAttributor;
use crate::document::Analysis;
use crate::lexicon::WordClass;
use crate::ner::Entity;
use crate::parse::tree::{dependents, head_of, path, tops};
use crate::span::Span;

/// Relations by which a name modifies the head before it ("Sanders supporters", "CNN’s
/// poll").
const PREMODIFIERS: [&str; 4] = ["compound", "nmod:poss", "amod", "flat"];

impl RuleAttributor {
    /// Whether `mention`, an indefinite description with the entities `inside`, stands for
    /// no one named: its head is no name, no name is its agent ("by X", "from X") or in
    /// apposition, and a name follows the head ("a spokesman for X") or modifies a head
    /// for persons ("Sanders supporters").
    pub(super) fn unnamed_description(
        &self,
        doc: &Analysis,
        mention: Span,
        inside: &[&Entity],
    ) -> bool {
        let text = mention.slice(doc.text());
        let first = text.split_whitespace().next().unwrap_or("").to_lowercase();
        let indefinite = self.lexicon.is(WordClass::IndefiniteOpener, &first)
            || self.lexicon.is(WordClass::Cardinal, &first);
        // A name ending the mention with no preposition or participle before it heads the
        // phrase ("a teary-eyed Bush"): no need to parse.
        let ends_in_name = inside.iter().any(|e| e.span.end == mention.end);
        let post_modified = text.split_whitespace().skip(1).any(|w| {
            self.lexicon.is(WordClass::Preposition, &w.to_lowercase())
                || w.starts_with(char::is_lowercase) && w.ends_with("ing")
        });
        if inside.is_empty() || !indefinite || ends_in_name && !post_modified {
            return false;
        }
        let Some(Parsed {
            first: first_token,
            syntax,
            words,
        }) = parse_around(doc, mention)
        else {
            return false;
        };
        // The parse must read the mention as one phrase.
        let [head] = tops(syntax, &words)[..] else {
            return false;
        };
        let span_of = |k: usize| doc.tokens[first_token + k].span;
        let in_entity = |k: usize, e: &Entity| e.span.contains(span_of(k));
        if inside.iter().any(|e| in_entity(head, e)) {
            return false;
        }
        let head_word = doc.token_text(first_token + head);
        let mut follows = false;
        let mut modifies = false;
        for e in inside {
            let ks: Vec<usize> = words.iter().copied().filter(|&k| in_entity(k, e)).collect();
            let Some(&e_top) = tops(syntax, &ks).first() else {
                continue;
            };
            let relation = syntax.relations[e_top];
            // "by X", "from X", or by or from someone X is in apposition to ("a survey by
            // independent analyst Elena Sadovskaya").
            let agent = path(syntax, e_top, head).any(|k| {
                dependents(syntax, k).any(|d| {
                    syntax.relations[d] == "case"
                        && matches!(doc.token_text(first_token + d), "by" | "from")
                })
            });
            let on_head = head_of(syntax, e_top) == Some(head);
            if agent || on_head && relation == "appos" {
                return false;
            }
            if on_head && PREMODIFIERS.contains(&relation) {
                modifies |= self.names_persons(head_word);
            } else {
                follows = true;
            }
        }
        follows || modifies
    }

    /// Whether a head noun stands for persons: a role, person or group noun, or its plural.
    fn names_persons(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        let one = lower.strip_suffix('s').unwrap_or(&lower);
        [WordClass::Role, WordClass::Person, WordClass::Group]
            .iter()
            .any(|&c| self.lexicon.is(c, &lower) || self.lexicon.is(c, one))
    }
}
