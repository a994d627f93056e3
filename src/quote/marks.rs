//! Quotation-mark pairing over tokens: curly, straight and guillemet double quotes, and single
//! quotes when they open at a word start and close before a non-letter. Apostrophes
//! (`nations’ relations`, `’90s`) are never taken for quote marks.

use crate::document::Analysis;
use crate::span::Span;
use crate::token::TokenKind;

/// A paired (or unclosed) quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when the quote runs to its sentence's end.
    pub close: Option<usize>,
    /// The quoted content, without marks, surrounding space or a trailing comma.
    pub content: Span,
    /// The content with its marks.
    pub outer: Span,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
}

/// Whether a double-quote mark token opens or closes.
fn double_role(text: &str, span: Span) -> Option<Role> {
    let mark = span.slice(text);
    let c = if mark == "''" {
        '"'
    } else if mark == "``" {
        '“'
    } else if mark.chars().count() == 1 {
        mark.chars().next()?
    } else {
        return None;
    };
    match c {
        '“' | '„' | '«' | '‟' => Some(Role::Open),
        '”' | '»' => Some(Role::Close),
        '"' => {
            let before = text[..span.start].chars().next_back();
            let after = text[span.end..].chars().next();
            // A markup tag's end is a boundary too (`<p>"It is …`).
            let space_before = before.is_none_or(|b| {
                b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–' | '‘' | '>')
            });
            let space_after = after.is_none_or(char::is_whitespace);
            Some(if space_before && !space_after {
                Role::Open
            } else {
                Role::Close
            })
        }
        _ => None,
    }
}

/// Whether a single-quote mark opens (`‘` or `'` at a word start before a letter).
/// True when a mark follows a word or punctuation and precedes a space, punctuation or the end.
fn closing_position(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    before.is_some_and(|b| !b.is_whitespace())
        && after.is_none_or(|a| a.is_whitespace() || matches!(a, ',' | '.' | ';' | ':' | ')'))
}

/// True when a mark starts a line or follows a space and precedes a word.
fn opening_position(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    before.is_none_or(char::is_whitespace) && after.is_some_and(char::is_alphanumeric)
}

fn single_opens(text: &str, span: Span) -> bool {
    let c = span.slice(text).chars().next();
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    matches!(c, Some('‘') | Some('\''))
        && before.is_none_or(|b| b.is_whitespace() || matches!(b, '“' | '"' | '(' | '—'))
        && after.is_some_and(char::is_alphanumeric)
}

fn single_closes(text: &str, span: Span) -> bool {
    let c = span.slice(text).chars().next();
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    matches!(c, Some('’') | Some('\''))
        && before.is_some_and(|b| b.is_alphanumeric() || matches!(b, '.' | ',' | '!' | '?'))
        && after.is_none_or(|a| !a.is_alphanumeric())
}

/// Pairs the quotation marks of a document, sentence structure permitting: double quotes may
/// span sentences; an unclosed one ends with the sentence where the next opener begins or with
/// its last sentence. Single quotes pair only inside one sentence and outside double quotes.
pub fn pair_quotes(doc: &Analysis) -> Vec<QuoteSpan> {
    let text = doc.text();
    let mut out = Vec::new();
    let mut open_double: Option<usize> = None;
    for sentence in &doc.sentences {
        let mut open_single: Option<usize> = None;
        for i in sentence.tokens.clone() {
            let tok = doc.tokens[i];
            if tok.kind != TokenKind::Quote {
                continue;
            }
            // A curly mark typed the wrong way round ("…,“ said X"; ”Worry. …”) takes the
            // role its position gives it.
            let role = match double_role(text, tok.span) {
                Some(Role::Open) if open_double.is_some() && closing_position(text, tok.span) => {
                    Some(Role::Close)
                }
                Some(Role::Close) if open_double.is_none() && opening_position(text, tok.span) => {
                    Some(Role::Open)
                }
                role => role,
            };
            match role {
                Some(Role::Open) => {
                    if let Some(o) = open_double.take() {
                        // A new opener while one is pending: the pending quote was never closed;
                        // end it at the sentence before this one (or right before this mark).
                        let sent = doc.sentence_of(i);
                        let end = if doc.sentence_of(o) < sent {
                            doc.sentences[sent - 1].span.end
                        } else {
                            tok.span.start
                        };
                        out.push(make(text, doc, o, None, end));
                    }
                    open_double = Some(i);
                }
                Some(Role::Close) => {
                    if let Some(o) = open_double.take() {
                        out.push(make(text, doc, o, Some(i), tok.span.start));
                    }
                }
                None if open_double.is_none() => {
                    if single_opens(text, tok.span) {
                        open_single = Some(i);
                    } else if let (Some(o), true) = (open_single, single_closes(text, tok.span)) {
                        out.push(make(text, doc, o, Some(i), tok.span.start));
                        open_single = None;
                    }
                }
                None => {}
            }
        }
        // An unclosed quote ends with its paragraph: close it at a blank line.
        if let Some(o) = open_double {
            let next_start = doc
                .sentences
                .get(doc.sentence_of(sentence.tokens.end))
                .map(|s| s.span.start);
            let gap = &text[sentence.span.end..next_start.unwrap_or(text.len())];
            if next_start.is_none() || gap.matches('\n').count() >= 2 {
                out.push(make(text, doc, o, None, sentence.span.end));
                open_double = None;
            }
        }
    }
    out.sort_by_key(|q| q.outer.start);
    out
}

fn make(text: &str, doc: &Analysis, open: usize, close: Option<usize>, end: usize) -> QuoteSpan {
    let start = doc.tokens[open].span.end;
    let content = Span::new(start, end).trim_matches(text, &[',']);
    let outer_end = close.map_or(end, |c| doc.tokens[c].span.end);
    QuoteSpan {
        open,
        close,
        content,
        outer: Span::new(doc.tokens[open].span.start, outer_end),
    }
}
