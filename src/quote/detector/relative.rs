//! A report inside a relative clause — `a wall, which he said Mexico would pay for`, `Rubio,
//! who he dubbed “the little senator”` — reports the relative pronoun too: the content opens
//! with it, as a fragment before the attribution (`which` + `Mexico would pay for`), as
//! PolNeAR annotates it.

use super::{Candidate, Ctx, RuleQuoteDetector};
use crate::lexicon::WordClass;

/// Most words of a speaker between a relative pronoun and its cue ("which Senate leaders say").
const MAX_SPEAKER_WORDS: usize = 3;

impl RuleQuoteDetector {
    /// Opens the content of `c` with the relative pronoun (`lexicon.tsv` class `relative`)
    /// right before its speaker, when the content follows the cue in one fragment, the speaker
    /// is short (a pronoun or a name: "which many feel", not "people who have battled other
    /// threats say"), and the pronoun neither opens the sentence ("What he said surprised us")
    /// nor follows a preposition ("an interview in which he said": the interview is no
    /// content).
    pub(super) fn open_with_relative_pronoun(&self, ctx: &Ctx, c: &mut Candidate) {
        let (Some(speaker), Some(cue), [content]) = (c.speaker, c.cue.as_ref(), &c.fragments[..])
        else {
            return;
        };
        if !(speaker.end <= cue.span.start && cue.span.end <= content.start) {
            return;
        }
        let tokens = &ctx.doc.tokens;
        let first = tokens.partition_point(|t| t.span.start < speaker.start);
        let Some(pronoun) = first.checked_sub(1) else {
            return;
        };
        let sentence = &ctx.doc.sentences[ctx.doc.sentence_of(first)];
        let last = tokens.partition_point(|t| t.span.start < speaker.end);
        if pronoun <= sentence.tokens.start
            || last - first > MAX_SPEAKER_WORDS
            || !ctx.is(pronoun, WordClass::Relative)
            || self
                .lexicon
                .is(WordClass::Preposition, ctx.word(pronoun - 1))
        {
            return;
        }
        c.fragments.insert(0, tokens[pronoun].span);
    }
}
