//! `was criticised by X for “…”`, `were praised by the board for …`: a passive cue's source
//! is its "by" agent and its content the "for" phrase, not the subject (who is the target).

use super::vetoes::Site;
use super::{Candidate, RuleQuoteDetector, MAX_SPEAKER_TOKENS};
use crate::lexicon::WordClass;

impl RuleQuoteDetector {
    /// The claim of a passive cue with a "by" agent and a "for" phrase: `None` when the cue
    /// at `site` (sentence `si`) is no such passive, `Some(None)` when its content is empty.
    pub(super) fn passive_agent(&self, site: &Site, si: usize) -> Option<Option<Candidate>> {
        let (ctx, i, s0, s1, m) = (site.ctx, site.i, site.s0, site.s1, site.m);
        let passive = m.len == 1
            && i > s0
            && ctx.word(i).ends_with("ed")
            && ctx.is(i - 1, WordClass::PassiveAuxiliary)
            && i + 2 < s1
            && ctx.lower_is(i + 1, &["by"]);
        if !passive {
            return None;
        }
        let agent = i + 2;
        let for_at = (agent..s1.min(agent + MAX_SPEAKER_TOKENS))
            .take_while(|&t| ctx.lower_is(t, &["for"]) || self.np_word(ctx, t))
            .find(|&t| ctx.lower_is(t, &["for"]))
            .filter(|&f| f > agent && f + 1 < s1)?;
        let end = self.content_end(ctx, for_at + 1, s1);
        let cue = m.cue(ctx.span(i, i));
        let speaker = Some(ctx.span(agent, for_at - 1));
        Some(
            self.content(ctx, for_at + 1, end)
                .map(|content| self.one_fragment(ctx, content, cue, speaker, si, 0.75)),
        )
    }
}
