//! A rule-based recognizer: capitalised token runs typed with the lexicon and document evidence.

use std::collections::HashSet;

use super::{Entity, Label, Recognizer};
use crate::document::Analysis;
use crate::lexicon::{Lexicon, WordClass};
use crate::span::Span;
use crate::token::TokenKind;

/// Lowercase words allowed inside a name between capitalised words ("Ministry of Foreign Affairs").
const CONNECTORS: [&str; 5] = ["of", "for", "and", "de", "the"];

/// Capitalised words that are not names when they open a sentence or stand alone.
const NON_NAMES: [&str; 46] = [
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "In",
    "On",
    "At",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "However",
    "Meanwhile",
    "Although",
    "Despite",
    "During",
    "According",
    "Prior",
    "Just",
    "Past",
    "State",
    "Western",
    "Therefore",
    "Additionally",
    "Chinese",
    "Russian",
];

/// Recognises capitalised runs and types them by lexicon, shape and context.
#[derive(Clone, Debug)]
pub struct RuleRecognizer {
    lexicon: Lexicon,
}

impl RuleRecognizer {
    /// A recognizer over the given lexicon.
    pub fn new(lexicon: Lexicon) -> RuleRecognizer {
        RuleRecognizer { lexicon }
    }

    fn is_capitalised(word: &str) -> bool {
        word.chars().next().is_some_and(char::is_uppercase)
    }

    fn label(&self, words: &[&str], after_role: bool, persons: &HashSet<String>) -> Label {
        let last = words.last().copied().unwrap_or("");
        if words
            .iter()
            .any(|w| self.lexicon.is(WordClass::OrgHead, w) || self.lexicon.is(WordClass::Org, w))
        {
            return Label::Org;
        }
        if words.len() == 1 {
            if self.lexicon.is(WordClass::Loc, last) {
                return Label::Loc;
            }
            if persons.contains(last) || after_role {
                return Label::Per;
            }
            if last.len() <= 5 && last.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()) {
                return Label::Org;
            }
            if ["ian", "ese", "ish", "an", "i"]
                .iter()
                .any(|s| last.ends_with(s))
            {
                return Label::Misc;
            }
            return Label::Loc;
        }
        if words.iter().any(|w| CONNECTORS.contains(w)) {
            return Label::Org;
        }
        if words
            .iter()
            .all(|w| self.lexicon.is(WordClass::Loc, w) || w.ends_with("ern"))
        {
            return Label::Loc;
        }
        Label::Per
    }
}

impl Recognizer for RuleRecognizer {
    fn recognize(&self, doc: &Analysis) -> Vec<Entity> {
        let text = doc.text();
        // Runs of capitalised words, with role words (titles) split off their front.
        let mut runs: Vec<(usize, usize, bool)> = Vec::new();
        for sentence in &doc.sentences {
            let mut i = sentence.tokens.start;
            while i < sentence.tokens.end {
                let t = doc.tokens[i];
                let w = t.text(text);
                let starts_run =
                    t.kind == TokenKind::Word && Self::is_capitalised(w) && !NON_NAMES.contains(&w);
                if !starts_run {
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                while j < sentence.tokens.end && doc.tokens[j].kind == TokenKind::Word {
                    let wj = doc.token_text(j);
                    let next_cap =
                        j + 1 < sentence.tokens.end && Self::is_capitalised(doc.token_text(j + 1));
                    if Self::is_capitalised(wj) || (CONNECTORS.contains(&wj) && next_cap) {
                        j += 1;
                    } else {
                        break;
                    }
                }
                // Split off role words and what precedes them ("U.S. President Donald Trump").
                let is_role = |t: usize| {
                    self.lexicon.is(WordClass::Role, doc.token_text(t))
                        || self.lexicon.is(WordClass::RoleModifier, doc.token_text(t))
                };
                let mut k = (i..j)
                    .rev()
                    .find(|&t| is_role(t) && t + 1 < j)
                    .map_or(i, |t| t + 1);
                while k < j && is_role(k) {
                    k += 1;
                }
                let after_role = k > i
                    || (i > sentence.tokens.start
                        && self.lexicon.is(WordClass::Role, doc.token_text(i - 1)));
                if k < j && !self.lexicon.is(WordClass::Role, doc.token_text(j - 1)) {
                    runs.push((k, j, after_role));
                }
                i = j;
            }
        }
        // Person names seen as multi-word runs lend their parts to single-word mentions.
        let mut persons: HashSet<String> = HashSet::new();
        for &(a, b, after_role) in &runs {
            let words: Vec<&str> = (a..b).map(|t| doc.token_text(t)).collect();
            if b - a >= 2 && self.label(&words, after_role, &HashSet::new()) == Label::Per {
                persons.extend(words.iter().map(|w| w.to_string()));
            }
        }
        runs.iter()
            .map(|&(a, b, after_role)| {
                let words: Vec<&str> = (a..b).map(|t| doc.token_text(t)).collect();
                Entity {
                    span: Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end),
                    label: self.label(&words, after_role, &persons),
                }
            })
            .collect()
    }

    fn model_id(&self) -> String {
        "rules-lexicon-v1".into()
    }
}
