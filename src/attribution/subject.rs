//! Rule: a verb cue the detector found no speaker for takes its subject from the dependency
//! parse. A passive cue's agent ("was asked by host Dana Pell whether …", "Asked by a
//! reporter if …"), else the cue's own subject ("nsubj"), else the subject of the verb it is
//! coordinated with or subordinate to ("some senators vented about the vote and said that
//! …", "Obama tried to help, noting that …", "refused to say whether …"), else the noun a
//! participle modifies ("a statement saying that …"). The cue's own passive subject is no
//! speaker ("he was told that …"), that of a verb it is coordinated with is ("the mayor was
//! forced into an apology and said …"); nor is a participle opening the sentence ("Asked
//! about the plan, Trump said …"), and a subject overlapping the content or the cue is
//! dropped. The rule also replaces a speaker that is an opening adverbial
//! ([`super::adverbial`]).

use super::syntax::{parse_around, Parsed};
use super::RuleAttributor;
use crate::document::Analysis;
use crate::parse::tree::{dependents, head_of};
use crate::quote::Candidate;
use crate::span::Span;

/// Relations through which a verb shares the subject of its head.
const SHARED_SUBJECT: [&str; 3] = ["conj", "advcl", "xcomp"];
/// Relations of the words right of a subject's head that belong to its name ("Hillary" +
/// "Clinton", "host" + "Dana Pell").
const NAME_PARTS: [&str; 5] = ["flat", "compound", "fixed", "nummod", "appos"];
/// Relations of the words left of a subject's head that belong to its phrase ("North
/// Carolina’s Ada Fisher", "the former senator"; and a possessive "’s").
const MODIFIERS: [&str; 6] = ["det", "amod", "compound", "nmod:poss", "nummod", "flat"];

impl RuleAttributor {
    /// The speaker mention the parse gives `c`'s verb cue, when the detector gave none.
    pub(super) fn parsed_subject(&self, doc: &Analysis, c: &Candidate) -> Option<Span> {
        let cue = c.cue.as_ref()?;
        let Parsed {
            first,
            syntax,
            words,
        } = parse_around(doc, cue.span)?;
        let verb = words
            .into_iter()
            .find(|&k| syntax.upos[k] == "VERB" && syntax.lemmas[k] != "accord")?;
        let agent = dependents(syntax, verb).find(|&d| syntax.relations[d] == "obl:agent");
        // A past participle is passive: "Asked about the plan, Trump said …" has the asker
        // as its source, not Trump (a participle opening the sentence, however tagged); the
        // asker is its agent when it names one ("was asked by host Dana Pell whether …").
        if agent.is_none() && (syntax.xpos[verb] == "VBN" || verb == 0) {
            return None;
        }
        let mut x = verb;
        let subject = agent.map_or_else(
            || loop {
                // A head's passive subject is the subject of a verb coordinated with it ("X was
                // forced into an apology and said …"), the cue's own never is.
                let subject = |d: usize| match syntax.relations[d] {
                    "nsubj" => true,
                    "nsubj:pass" => x != verb,
                    _ => false,
                };
                if let Some(s) = dependents(syntax, x).find(|&d| subject(d)) {
                    break Some(s);
                }
                let head = head_of(syntax, x)?;
                match syntax.relations[x] {
                    r if SHARED_SUBJECT.contains(&r) => x = head,
                    "acl" if matches!(syntax.upos[head], "NOUN" | "PROPN") => break Some(head),
                    _ => return None,
                }
            },
            Some,
        )?;
        let lo = (0..=subject)
            .rev()
            .take_while(|&k| {
                let possessive = || matches!(doc.token_text(first + k), "'s" | "’s");
                k == subject
                    || (MODIFIERS.contains(&syntax.relations[k])
                        || syntax.relations[k] == "case" && possessive())
                        && head_of(syntax, k).is_some_and(|h| h > k && h <= subject)
            })
            .last()
            .unwrap_or(subject);
        let hi = (subject + 1..syntax.heads.len())
            .take_while(|&k| name_part_of(syntax, k, subject))
            .last()
            .unwrap_or(subject);
        let span = Span::new(
            doc.tokens[first + lo].span.start,
            doc.tokens[first + hi].span.end,
        );
        let content = c.content();
        (!span.overlaps(content) && !span.overlaps(cue.span)).then_some(span)
    }
}

/// Whether word `k` hangs from `head` through name parts only ("Dana" in "host Dana Pell":
/// compound of "Pell", the apposition of "host").
fn name_part_of(syntax: &crate::parse::Syntax, k: usize, head: usize) -> bool {
    let mut x = k;
    for _ in 0..syntax.heads.len() {
        if !NAME_PARTS.contains(&syntax.relations[x]) {
            return false;
        }
        match head_of(syntax, x) {
            Some(h) if h == head => return true,
            Some(h) => x = h,
            None => return false,
        }
    }
    false
}
