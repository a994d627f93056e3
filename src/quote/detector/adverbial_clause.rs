//! "While Ramos said that journalists cannot have any political affiliation, he appears
//! uneasy …", "When the moderator pointed out that Trump hadn't answered, the candidate
//! said …", "…, and while he said he'd hold a hearing, it's unlikely to …": a report inside
//! an adverbial clause ends with that clause, at its comma; the main clause after it is the
//! writer's.

use super::{Candidate, Ctx, RuleQuoteDetector};
use crate::lexicon::WordClass;
use crate::quote::Kind;
use crate::span::Span;

impl RuleQuoteDetector {
    /// Rule: cuts the content of `c` at the comma closing the adverbial clause that holds its
    /// cue (a subordinator opening the sentence or following its last comma before the cue,
    /// perhaps behind "But" or "Even"), when the content follows the cue unquoted in one
    /// fragment.
    pub(super) fn end_with_adverbial_clause(&self, ctx: &Ctx, c: &mut Candidate) {
        let (Some(cue), [content]) = (c.cue.as_ref(), &c.fragments[..]) else {
            return;
        };
        if c.kind == Kind::Direct || cue.span.end > content.start {
            return;
        }
        let tokens = &ctx.doc.tokens;
        let cue_at = tokens.partition_point(|t| t.span.start < cue.span.start);
        let s0 = ctx.doc.sentences[ctx.doc.sentence_of(cue_at)].tokens.start;
        // The clause holding the cue opens after the last comma before it.
        let mut first = (s0..cue_at)
            .rev()
            .find(|&t| ctx.word(t) == ",")
            .map_or(s0, |comma| comma + 1);
        while first < cue_at
            && (ctx.is(first, WordClass::Coordinator) || ctx.is(first, WordClass::Focus))
        {
            first += 1;
        }
        let adverbial = first < cue_at
            && (ctx.is(first, WordClass::Subordinator) || ctx.is(first, WordClass::AskedOpener));
        if !adverbial {
            return;
        }
        let from = tokens.partition_point(|t| t.span.start < content.start);
        let comma = (from + 1..tokens.len())
            .take_while(|&t| tokens[t].span.end <= content.end)
            .find(|&t| ctx.word(t) == "," && ctx.inside[t].is_none());
        if let Some(t) = comma {
            c.fragments[0] = Span::new(content.start, tokens[t - 1].span.end);
        }
    }
}
