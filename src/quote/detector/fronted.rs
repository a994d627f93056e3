//! "While Ramos said that journalists cannot have any political affiliation, he appears
//! uneasy …", "When the moderator pointed out that Trump hadn't answered, the candidate
//! said …": a report inside an adverbial clause opening its sentence ends with that clause,
//! at its comma; the main clause after it is the writer's.

use super::{Candidate, Ctx, RuleQuoteDetector};
use crate::lexicon::WordClass;
use crate::quote::Kind;
use crate::span::Span;

impl RuleQuoteDetector {
    /// Rule: cuts the content of `c` at the comma closing the adverbial clause that opens its
    /// sentence and holds its cue (a subordinator first, perhaps behind "But" or "Even", and
    /// no comma before the cue), when the content follows the cue unquoted in one fragment.
    pub(super) fn close_with_fronted_clause(&self, ctx: &Ctx, c: &mut Candidate) {
        let (Some(cue), [content]) = (c.cue.as_ref(), &c.fragments[..]) else {
            return;
        };
        if c.kind == Kind::Direct || cue.span.end > content.start {
            return;
        }
        let tokens = &ctx.doc.tokens;
        let cue_at = tokens.partition_point(|t| t.span.start < cue.span.start);
        let s0 = ctx.doc.sentences[ctx.doc.sentence_of(cue_at)].tokens.start;
        let mut first = s0;
        while first < cue_at
            && (ctx.is(first, WordClass::Coordinator) || ctx.is(first, WordClass::Focus))
        {
            first += 1;
        }
        let fronted = first < cue_at
            && (ctx.is(first, WordClass::Subordinator) || ctx.is(first, WordClass::AskedOpener))
            && !(first..cue_at).any(|t| ctx.word(t) == ",");
        if !fronted {
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
