//! `Blair 'will not quit' over war`: a headline (a line of its own without a closing period)
//! quotes the name that opens it between single marks, with no cue. The quoted words are that
//! name's.

use super::{Candidate, Ctx, RuleQuoteDetector};
use crate::token::TokenKind;

/// Most words of the name before the quotation.
const MAX_NAME_WORDS: usize = 3;
/// Fewest words inside the quotation.
const MIN_QUOTED_WORDS: usize = 2;

impl RuleQuoteDetector {
    /// The claim of headline `si` whose opening name is followed by a quotation in single
    /// marks, when the headline has no cue of its own.
    pub(super) fn headline_quotation(&self, ctx: &Ctx, si: usize) -> Option<Candidate> {
        let sent = &ctx.doc.sentences[si];
        let (s0, s1) = (sent.tokens.start, sent.tokens.end);
        let last = s1.checked_sub(1)?;
        let own_line = self.opens_line(ctx, s0)
            && (s1 == ctx.doc.tokens.len() || self.opens_line(ctx, s1))
            && !matches!(ctx.word(last), "." | "!" | "?");
        if !own_line || (s0..s1).any(|t| self.cue_at(ctx, t, s1).is_some()) {
            return None;
        }
        let open = (s0 + 1..s1.min(s0 + MAX_NAME_WORDS + 1)).find(|&t| ctx.is_quote(t))?;
        let q = ctx
            .quote_opened_at(open)
            .filter(|q| matches!(ctx.word(q.open), "'" | "‘"))?;
        let close = q.close?;
        let quoted_words = (open + 1..close)
            .filter(|&t| ctx.doc.tokens[t].kind == TokenKind::Word)
            .count();
        let named = (s0..open).all(|t| ctx.is_capitalised(t));
        (named && quoted_words >= MIN_QUOTED_WORDS).then(|| Candidate {
            kind: super::Kind::Direct,
            fragments: vec![q.content],
            cue: None,
            speaker: Some(ctx.span(s0, open - 1)),
            sentence: si,
            evidence: 0.6,
            writer: false,
        })
    }
}
