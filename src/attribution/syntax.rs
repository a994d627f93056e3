//! The dependency parse ([`Syntax`]) around a span of the text; the tree walkers are in
//! [`crate::parse::tree`]. Word indices count from 0 within the sentence.

use crate::document::Analysis;
use crate::parse::Syntax;
use crate::span::Span;

/// The parse of the sentence that holds a span, and the span's words in it.
pub(super) struct Parsed<'d> {
    /// Index of the sentence's first token in the document.
    pub(super) first: usize,
    pub(super) syntax: &'d Syntax<'static>,
    /// The words inside the span, counted from the sentence's first.
    pub(super) words: Vec<usize>,
}

/// The parse around `span`, when one sentence holds all of it (the sentence is parsed now if
/// it was not).
pub(super) fn parse_around<'d>(doc: &'d Analysis, span: Span) -> Option<Parsed<'d>> {
    let i = doc.sentences_in(span).start;
    let sentence = doc.sentences.get(i).filter(|s| s.span.contains(span))?;
    let syntax = doc.syntax(i)?;
    let first = sentence.tokens.start;
    let words = sentence
        .tokens
        .clone()
        .filter(|&t| span.contains(doc.tokens[t].span))
        .map(|t| t - first)
        .collect();
    Some(Parsed {
        first,
        syntax,
        words,
    })
}
