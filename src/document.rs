//! The analysed document that flows between stages: the article plus its boilerplate mask,
//! sentences, tokens, entities and the sentences' syntax (parsed on demand).

use std::cell::OnceCell;
use std::ops::Range;

use crate::article::Article;
use crate::ner::Entity;
use crate::parse::{ParseModel, Syntax};
use crate::span::Span;
use crate::token::Token;

/// One sentence: its span and the range of its tokens in [`Analysis::tokens`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span in the article text.
    pub span: Span,
    /// Indices of the sentence's tokens.
    pub tokens: Range<usize>,
}

/// Everything the stages have found in one article.
#[derive(Clone, Debug)]
pub struct Analysis<'a> {
    /// The article being analysed.
    pub article: &'a Article,
    /// Boilerplate spans (sorted, disjoint).
    pub mask: Vec<Span>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// All tokens in text order.
    pub tokens: Vec<Token>,
    /// Entity mentions in text order.
    pub entities: Vec<Entity>,
    /// Where [`Analysis::syntax`] gets its parser from (`None`: the pipeline does not parse).
    pub parser: Option<ParserSource>,
    /// Per sentence, its tags, lemmas and dependency parse once made (by the pipeline, see
    /// [`crate::pipeline::SyntaxScope`], or on the first [`Analysis::syntax`] call).
    pub parses: Vec<OnceCell<Syntax<'static>>>,
}

/// How an analysis gets its parser: called on the first parse, so the model is loaded only
/// when something asks for syntax.
pub type ParserSource = fn() -> Option<&'static ParseModel>;

impl<'a> Analysis<'a> {
    /// The article text.
    pub fn text(&self) -> &'a str {
        &self.article.text
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &'a str {
        self.tokens[i].span.slice(&self.article.text)
    }

    /// The index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences.partition_point(|s| s.tokens.end <= i)
    }

    /// The indices of the sentences that overlap the byte span `span`.
    pub fn sentences_in(&self, span: Span) -> Range<usize> {
        let first = self.sentences.partition_point(|s| s.span.end <= span.start);
        let end = first + self.sentences[first..].partition_point(|s| s.span.start < span.end);
        first..end
    }

    /// The forms of sentence `i`'s tokens.
    pub fn sentence_forms(&self, i: usize) -> Vec<&'a str> {
        self.sentences[i]
            .tokens
            .clone()
            .map(|t| self.token_text(t))
            .collect()
    }

    /// The tags, lemmas and dependency parse of sentence `i` (token `k` of the sentence is
    /// entry `k`), parsed now if the pipeline has not yet; `None` when the pipeline does not
    /// parse or `i` is out of range. A sentence's parse does not depend on other sentences.
    pub fn syntax(&self, i: usize) -> Option<&Syntax<'static>> {
        let cell = self.parses.get(i)?;
        if let Some(s) = cell.get() {
            return Some(s);
        }
        let model = (self.parser?)()?;
        let forms = [self.sentence_forms(i)];
        let parsed = model.syntax(&forms, crate::models::word_classes()).pop()?;
        Some(cell.get_or_init(|| parsed))
    }

    /// Whether sentence `i` has been parsed.
    pub fn is_parsed(&self, i: usize) -> bool {
        self.parses.get(i).is_some_and(|c| c.get().is_some())
    }
}
