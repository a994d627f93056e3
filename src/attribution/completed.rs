//! Rule: a speaker mention cut right after its article is completed to the article's noun.
//! "The judges who ruled that …, for instance, said" and "A campaign aide later clarified …
//! and intended to say" had the speakers "The" and "A"; the parse's head of the article,
//! after it in the same sentence with no verb or punctuation between, ends the mention.

use super::syntax::{parse_around, Parsed};
use super::RuleAttributor;
use crate::document::Analysis;
use crate::parse::tree::head_of;
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
        let Some(Parsed {
            first,
            syntax,
            words,
        }) = parse_around(doc, mention)
        else {
            return mention;
        };
        let Some(&article) = words.last() else {
            return mention;
        };
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
