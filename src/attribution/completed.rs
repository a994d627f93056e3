//! Rule: a speaker mention cut right after its article is completed to the article's noun.
//! "The judges who ruled that …, for instance, said" and "A campaign aide later clarified …
//! and intended to say" had the speakers "The" and "A"; the parse's head of the article,
//! after it in the same sentence with no verb or punctuation between, ends the mention.

use super::syntax::head_of;
use super::RuleAttributor;
use crate::document::Analysis;
use crate::span::Span;

impl RuleAttributor {
    /// `mention`, or when its last word is an article, the mention up to the article's noun.
    pub(super) fn completed_mention(&self, doc: &Analysis, mention: Span) -> Span {
        let text = mention.slice(doc.text());
        let last = text.rsplit(char::is_whitespace).next().unwrap_or("");
        if !["a", "an", "the"]
            .iter()
            .any(|d| last.eq_ignore_ascii_case(d))
        {
            return mention;
        }
        let i = doc.sentences_in(mention).start;
        let Some(sentence) = doc.sentences.get(i).filter(|s| s.span.contains(mention)) else {
            return mention;
        };
        let Some(syntax) = doc.syntax(i) else {
            return mention;
        };
        let first = sentence.tokens.start;
        let article = sentence
            .tokens
            .clone()
            .rfind(|&t| doc.tokens[t].span.end <= mention.end)
            .map_or(0, |t| t - first);
        let Some(noun) = head_of(syntax, article).filter(|&h| h > article) else {
            return mention;
        };
        let nominal = matches!(syntax.upos[noun], "NOUN" | "PROPN" | "NUM");
        let clean = (article + 1..noun)
            .all(|k| !matches!(syntax.upos[k], "VERB" | "AUX" | "PUNCT" | "PRON" | "ADP"));
        if syntax.relations[article] != "det" || !nominal || !clean {
            return mention;
        }
        Span::new(mention.start, doc.tokens[first + noun].span.end)
    }
}
