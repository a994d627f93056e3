//! Walking a sentence's dependency parse ([`Syntax`]): heads, dependents, the top words of a
//! phrase. Word indices count from 0 within the sentence.

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

/// The head of word `k`, if it is in the sentence.
pub(super) fn head_of(syntax: &Syntax, k: usize) -> Option<usize> {
    (syntax.heads[k] as usize)
        .checked_sub(1)
        .filter(|&h| h < syntax.heads.len())
}

/// The words depending on word `k`.
pub(super) fn dependents<'s>(syntax: &'s Syntax, k: usize) -> impl Iterator<Item = usize> + 's {
    (0..syntax.heads.len()).filter(move |&d| head_of(syntax, d) == Some(k))
}

/// The words of `words` whose head is not among them.
pub(super) fn tops(syntax: &Syntax, words: &[usize]) -> Vec<usize> {
    words
        .iter()
        .copied()
        .filter(|&k| head_of(syntax, k).is_none_or(|h| !words.contains(&h)))
        .collect()
}

/// Word `k` and its heads up to `end` (excluded), at most the sentence's length of them.
pub(super) fn path<'s>(
    syntax: &'s Syntax,
    k: usize,
    end: usize,
) -> impl Iterator<Item = usize> + 's {
    std::iter::successors(Some(k), move |&x| head_of(syntax, x))
        .take(syntax.heads.len())
        .take_while(move |&x| x != end)
}
