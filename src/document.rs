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

    /// Whether sentence `i` is title case ("Hillary Clinton Says Trump Is Unfit"): of its
    /// alphabetic words of four letters or more there are at least three, all capitalised.
    /// False when `i` is out of range.
    pub fn is_title_case(&self, i: usize) -> bool {
        let Some(sentence) = self.sentences.get(i) else {
            return false;
        };
        let mut long = 0;
        for w in sentence.tokens.clone().map(|t| self.token_text(t)) {
            if w.chars().nth(3).is_some() && w.chars().all(char::is_alphabetic) {
                if !w.chars().next().is_some_and(char::is_uppercase) {
                    return false;
                }
                long += 1;
            }
        }
        long >= 3
    }

    /// The indices of the sentences of the article's headline; empty when it has none. The
    /// headline is the text's first paragraph (up to the first blank line) when that paragraph
    /// equals the `title` metadata (ignoring spacing and final punctuation), all of its
    /// sentences are title case ([`Analysis::is_title_case`]), or it is one short line without
    /// a closing stop before more text (`Blair 'will not quit' over war`).
    pub fn headline(&self) -> Range<usize> {
        let text = self.text();
        let paragraph = first_paragraph(text);
        let sentences = self.sentences_in(paragraph);
        let is_title = (self.article.meta.title.as_deref())
            .is_some_and(|title| same_words(paragraph.slice(text), title));
        let line = paragraph.slice(text);
        let bare_line = !line.contains('\n')
            && line.split_whitespace().count() <= MAX_HEADLINE_WORDS
            && !line.ends_with(['.', '!', '?', ':'])
            && paragraph.end < text.trim_end().len();
        if !sentences.is_empty()
            && (is_title || bare_line || sentences.clone().all(|i| self.is_title_case(i)))
        {
            sentences
        } else {
            0..0
        }
    }
}

/// Most words of a headline recognised by its shape alone (one line, no closing stop).
const MAX_HEADLINE_WORDS: usize = 15;

/// The byte span of the first paragraph of `text`: from its first non-space character to the
/// end of the last non-blank line before the first blank line (or the end of the text).
fn first_paragraph(text: &str) -> Span {
    let start = text.len() - text.trim_start().len();
    let mut end = start;
    let mut at = start;
    for line in text[start..].split_inclusive('\n') {
        if line.trim().is_empty() {
            break;
        }
        end = at + line.trim_end().len();
        at += line.len();
    }
    Span::new(start, end)
}

/// Whether `a` and `b` have the same words, ignoring spacing and final punctuation; false
/// when they have none.
fn same_words(a: &str, b: &str) -> bool {
    let bare = |s: &str| {
        s.trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_string()
    };
    let (a, b) = (bare(a), bare(b));
    !a.is_empty() && a.split_whitespace().eq(b.split_whitespace())
}

#[cfg(test)]
mod tests {
    use crate::{Article, Pipeline};

    #[test]
    fn title_case_lines_are_headlines() {
        let article = Article::new(
            "h",
            "Ravi Okoro Says Bridge Will Close\n\nOkoro said the bridge would close.\n",
        );
        let doc = Pipeline::default().analyze(&article);
        assert!(doc.is_title_case(0));
        assert!(!doc.is_title_case(1));
        assert!(!doc.is_title_case(99));
        assert_eq!(doc.headline(), 0..1);
    }

    #[test]
    fn a_first_paragraph_equal_to_the_title_is_the_headline() {
        let text = "  Okoro says the bridge will close.\n\nOkoro said it would close.\n";
        let mut article = Article::new("t", text);
        let doc = Pipeline::default().analyze(&article);
        assert_eq!(doc.headline(), 0..0, "not title case and no title");
        article.meta.title = Some("Okoro says the bridge  will close".into());
        let doc = Pipeline::default().analyze(&article);
        assert_eq!(doc.headline(), 0..1);
        article.meta.title = Some("Okoro says the bridge will open".into());
        assert_eq!(Pipeline::default().analyze(&article).headline(), 0..0);
    }

    #[test]
    fn only_the_first_paragraph_can_be_a_headline() {
        let text = "Okoro said the bridge would close.\n\nRavi Okoro Says Bridge Will Close\n";
        let article = Article::new("b", text);
        let doc = Pipeline::default().analyze(&article);
        assert!(doc.is_title_case(1));
        assert_eq!(doc.headline(), 0..0);
        assert_eq!(
            super::first_paragraph(text).slice(text),
            "Okoro said the bridge would close."
        );
        let empty = Article::new("e", "");
        assert_eq!(Pipeline::default().analyze(&empty).headline(), 0..0);
        // One short line without a closing stop, before more text, is a headline.
        let british = Article::new("h", "Okoro 'will not sell' ferry\n\nOkoro spoke today.\n");
        assert_eq!(Pipeline::default().analyze(&british).headline(), 0..1);
        let alone = Article::new("a", "Okoro will not sell the ferry\n");
        assert_eq!(Pipeline::default().analyze(&alone).headline(), 0..0);
    }
}
