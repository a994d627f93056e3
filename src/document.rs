//! The analysed document that flows between stages: the article plus its boilerplate mask,
//! sentences, tokens and entities.

use std::ops::Range;

use crate::article::Article;
use crate::ner::Entity;
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
}

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
}
