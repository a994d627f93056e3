//! A poll's findings: "In a Des Moines Register poll last month, Mr. Cruz had a 10-point
//! lead." PolNeAR annotates the clause after the comma as the poll's, with "In" as its cue
//! and the poll's phrase as its source (14 of 17 such sentences on PolNeAR train).

use super::{Candidate, Ctx, RuleQuoteDetector, MIN_COLON_WORDS};
use crate::lexicon::WordClass;
use crate::quote::{Cue, CueClass};
use crate::token::TokenKind;

/// Most tokens from "In" to the poll's noun ("In a New York Times/CBS News survey").
const MAX_POLL_NAME_TOKENS: usize = 10;

/// Most tokens from the poll's noun to the comma closing its phrase ("poll conducted by the
/// New York Times and ABC News,").
const MAX_POLL_MODIFIER_TOKENS: usize = 12;

impl RuleQuoteDetector {
    /// Rule: a sentence opening "In … poll, CLAUSE": the clause reports the poll's finding.
    pub(super) fn poll_finding(&self, ctx: &Ctx, si: usize) -> Option<Candidate> {
        let sent = &ctx.doc.sentences[si];
        let (s0, s1) = (sent.tokens.start, sent.tokens.end);
        if ctx.word(s0) != "In" || ctx.inside[s0].is_some() {
            return None;
        }
        // The poll heads the phrase: no clause or prepositional phrase before it ("In eight of
        // nine states where exit polls …", "In a memo released as polls closed …").
        let participle = |t: usize| {
            !ctx.is_capitalised(t)
                && (ctx.word(t).ends_with("ed") || ctx.is(t, WordClass::PastForm))
        };
        let poll = (s0 + 1..s1.min(s0 + 1 + MAX_POLL_NAME_TOKENS))
            .take_while(|&t| {
                !(ctx.word(t) == ","
                    || ctx.is_quote(t)
                    || ctx.is(t, WordClass::Preposition)
                    || ctx.is(t, WordClass::RelativeWord)
                    || participle(t))
            })
            .find(|&t| ctx.is(t, WordClass::PollNoun))?;
        let comma_after = |from: usize| {
            (from..s1.min(from + MAX_POLL_MODIFIER_TOKENS))
                .take_while(|&t| !ctx.is_quote(t))
                .find(|&t| ctx.word(t) == ",")
        };
        let mut comma = comma_after(poll + 1)?;
        // "the new Morning Consult poll, conducted March 11-13, 40 percent …"
        if comma + 1 < s1 && participle(comma + 1) {
            comma = comma_after(comma + 2)?;
        }
        let words = (comma + 1..s1)
            .filter(|&t| ctx.doc.tokens[t].kind == TokenKind::Word)
            .count();
        if words < MIN_COLON_WORDS {
            return None;
        }
        let content = self.content(ctx, comma + 1, s1)?;
        let cue = Cue {
            span: ctx.span(s0, s0),
            lemma: "in".into(),
            class: CueClass::Evidence,
        };
        let poll_phrase = ctx.span(s0 + 1, comma - 1);
        Some(Candidate {
            writer: true,
            ..self.one_fragment(ctx, content, cue, Some(poll_phrase), si, 0.6)
        })
    }
}
