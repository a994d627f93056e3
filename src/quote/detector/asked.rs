//! "Asked whether …, X said" / "When asked about …": the question, its asker unnamed, runs
//! to the clause's comma. Also mid-sentence ("…, Haddad said when asked how …"), behind an
//! adjunct ("Asked on Monday whether …", "Asked by the host if …") and in the passive ("was
//! asked about …", "were also asked to pick …"). The asker is the agent of "by" ("Asked by
//! Matt Lauer whether …") or no one: the person asked, who answers, is not its source.

use super::vetoes::Site;
use super::{Candidate, RuleQuoteDetector};
use crate::lexicon::WordClass;
use crate::span::Span;

impl RuleQuoteDetector {
    /// The question an "asked" cue at `site` (sentence `si`) reports: `None` when the cue is
    /// no such "asked", `Some(None)` when it is but its content is empty.
    pub(super) fn asked_question(&self, site: &Site, si: usize) -> Option<Option<Candidate>> {
        let (ctx, i, s0, s1, m) = (site.ctx, site.i, site.s0, site.s1, site.m);
        let mut k = i;
        while k > s0
            && ctx.is(k - 1, WordClass::VerbGroup)
            && !ctx.is(k - 1, WordClass::PassiveAuxiliary)
        {
            k -= 1;
        }
        let passive = k > s0 && ctx.is(k - 1, WordClass::PassiveAuxiliary);
        let opens_sentence = i == s0 || i > s0 && ctx.is(i - 1, WordClass::AskedOpener) || passive;
        if !(opens_sentence && ctx.word(i).eq_ignore_ascii_case("asked")) {
            return None;
        }
        let q = (i + 1..s1.min(i + 6))
            .take_while(|&t| !ctx.is_punct(t) && !ctx.is_quote(t))
            .find(|&t| {
                ctx.is(t, WordClass::QuestionWord)
                    || ctx.lower_is(t, &["about", "if", "which"])
                    || passive && t == i + 1 && ctx.lower_is(t, &["to"])
            })
            .filter(|&t| {
                t == i + 1
                    || ctx.is(i + 1, WordClass::AskedAdjunct)
                    || ctx.word(i + 1).ends_with("ly")
            })?;
        let about = ctx.lower_is(q, &["about"]);
        let start = if about { q + 1 } else { q };
        let end = (start..s1)
            .find(|&t| ctx.word(t) == "," && ctx.inside[t].is_none())
            .unwrap_or(s1);
        let Some(content) = self.content(ctx, start, end) else {
            return Some(None);
        };
        // "asked about" is one cue; "asked by Ingraham on Thursday about" is not.
        let cue_end = if about && q == i + 1 { q } else { i };
        let cue = m.cue(ctx.span(i, cue_end));
        let asker = self.asker(site, q);
        Some(Some(Candidate {
            writer: true,
            ..self.one_fragment(ctx, content, cue, asker, si, 0.7)
        }))
    }

    /// The agent of "asked by X …" before the question at token `q`, up to the next adjunct
    /// ("by Ingraham on Thursday about …" → "Ingraham").
    fn asker(&self, site: &Site, q: usize) -> Option<Span> {
        let (ctx, i) = (site.ctx, site.i);
        if !ctx.lower_is(i + 1, &["by"]) {
            return None;
        }
        let end = (i + 2..q)
            .find(|&t| ctx.is(t, WordClass::AskedAdjunct) || ctx.is_punct(t))
            .unwrap_or(q);
        (end > i + 2).then(|| ctx.span(i + 2, end - 1))
    }
}
