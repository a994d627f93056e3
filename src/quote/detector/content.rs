//! Where a content ends and what kind it is: the end of a clause right of its cue, a
//! paragraph after a colon, a predicate coordinated with the cue's, and the content of a
//! candidate from its fragments.

use super::{
    Ctx, RuleQuoteDetector, MAX_APPOSITION_TOKENS, MAX_OBJECT_TOKENS, MAX_PARAGRAPH_SENTENCES,
};
use crate::lexicon::WordClass;
use crate::quote::cues::CueShape;
use crate::quote::Kind;
use crate::span::Span;
use crate::token::TokenKind;

/// Most parentheses in commas between a subject and its verb: an age, then another ("the
/// woman, 34, from Didcot, would appear").
const MAX_PARENTHESES: usize = 2;

impl RuleQuoteDetector {
    /// True when the phrase at `from` is a subject whose verb follows a parenthesis set off by
    /// commas ("the program, run by the state, has brought …"), or an age and another
    /// ("the woman, 34, from Didcot, would appear …").
    pub(super) fn finite_after_parenthesis(&self, ctx: &Ctx, from: usize, to: usize) -> bool {
        (from + 1..to.min(from + MAX_OBJECT_TOKENS))
            .find(|&t| ctx.word(t) == ",")
            .and_then(|open| self.verb_after_parenthesis(ctx, open, to))
            .is_some()
    }

    /// The closing comma of a parenthesis that the comma at `open` opens and a verb follows
    /// (", run by the state, has brought"; ", 34, from Didcot, would appear").
    pub(super) fn verb_after_parenthesis(
        &self,
        ctx: &Ctx,
        open: usize,
        to: usize,
    ) -> Option<usize> {
        let mut open = open;
        for _ in 0..MAX_PARENTHESES {
            let close =
                (open + 1..to.min(open + MAX_APPOSITION_TOKENS)).find(|&t| ctx.word(t) == ",")?;
            let opens = matches!(
                ctx.doc.tokens[open + 1].kind,
                TokenKind::Word | TokenKind::Number
            ) && !ctx.is(open + 1, WordClass::SubjectWord);
            if !opens || close + 1 >= to {
                return None;
            }
            if self.verb_like(ctx, close + 1) || ctx.is(close + 1, WordClass::Modal) {
                return Some(close);
            }
            // Only an age goes before another parenthesis.
            let age = close == open + 2 && ctx.doc.tokens[open + 1].kind == TokenKind::Number;
            if !age {
                return None;
            }
            open = close;
        }
        None
    }

    /// Token index (exclusive) where the paragraph holding sentence `si` ends, at most
    /// [`MAX_PARAGRAPH_SENTENCES`] sentences on.
    pub(super) fn paragraph_end(&self, ctx: &Ctx, si: usize) -> usize {
        let sentences = &ctx.doc.sentences;
        let text = ctx.doc.text();
        let mut sj = si;
        while sj + 1 < sentences.len().min(si + MAX_PARAGRAPH_SENTENCES) {
            let gap = text.get(sentences[sj].span.end..sentences[sj + 1].span.start);
            if gap.is_none_or(|g| g.contains('\n')) {
                break;
            }
            sj += 1;
        }
        sentences[sj].tokens.end
    }

    /// The "and"/"but" before the first comma after `from` that opens a predicate of the
    /// subject's own ("… and was sworn in", "… but later dropped it").
    pub(super) fn coordinated_predicate(&self, ctx: &Ctx, from: usize, to: usize) -> Option<usize> {
        (from + 1..to)
            .take_while(|&t| ctx.word(t) != ",")
            .filter(|&t| ctx.lower_is(t, &["and", "but"]) && ctx.inside[t].is_none())
            .find(|&t| {
                let mut v = t + 1;
                while v < to && ctx.is(v, WordClass::VerbGroup) {
                    v += 1;
                }
                // Not an adjective in a subject ("the wind and unsettled seas could last").
                let subject = (v + 1..to.min(v + 4))
                    .take_while(|&u| ctx.word(u) != ",")
                    .any(|u| ctx.is(u, WordClass::Modal) || ctx.is(u, WordClass::Copula));
                v < to
                    && !ctx.is_capitalised(v)
                    && !subject
                    && (ctx.word(v).ends_with("ed") && !ctx.word(v).contains('-')
                        || ctx.is(v, WordClass::FiniteAuxiliary)
                        || self
                            .cue_at(ctx, v, to)
                            .is_some_and(|m| matches!(m.shape, CueShape::Verb { .. })))
            })
    }

    /// Token index where right-hand content ends (exclusive): sentence end, or before a
    /// trailing attribution (", according to …", ", CNN said", ", and X said …").
    pub(super) fn content_end(&self, ctx: &Ctx, from: usize, sent_end: usize) -> usize {
        let mut i = from;
        while i < sent_end {
            // A coordinated predicate of the same speaker ends the content: "says she respects
            // them but argues that …".
            if i > from && ctx.lower_is(i, &["but", "and"]) && ctx.inside[i].is_none() {
                let mut k = i + 1;
                while k < sent_end && ctx.is(k, WordClass::VerbGroup) {
                    k += 1;
                }
                // Not a negated gerund ("supporting but not endorsing him").
                if k < sent_end
                    && !(ctx.word(k).ends_with("ing") && ctx.lower_is(k - 1, &["not"]))
                    && self
                        .cue_at(ctx, k, sent_end)
                        .is_some_and(|m| matches!(m.shape, CueShape::Verb { .. }))
                {
                    return if ctx.word(i - 1) == "," { i - 1 } else { i };
                }
                // "… and 14 percent said …": another share of a poll reports.
                if k < sent_end && self.counted_report(ctx, k, sent_end) {
                    return if ctx.word(i - 1) == "," { i - 1 } else { i };
                }
            }
            // A semicolon joins another clause ("he'll soften his tone; the rally …").
            if ctx.word(i) == ";" && ctx.inside[i].is_none() && i > from {
                return i;
            }
            // A comma inside a closing quotation mark (`“too slow,” but he …`) ends the
            // quoted words as well.
            let closing = i + 1 < sent_end && ctx.quote_closed_at(i + 1).is_some();
            if ctx.word(i) == "," && (ctx.inside[i].is_none() || closing) {
                // "said Trump, despite his wealth, is …": a parenthesis between the content's
                // subject and its verb.
                if i < from + MAX_OBJECT_TOKENS && !self.has_finite_verb(ctx, from, i) {
                    if let Some(close) = self.verb_after_parenthesis(ctx, i, sent_end) {
                        i = close + 1;
                        continue;
                    }
                }
                // A closing relative clause comments on the report ("…, who held a meeting
                // …", "…, which he denied"); it is not part of it.
                if i + 1 < sent_end
                    && ctx.is(i + 1, WordClass::ApposedRelative)
                    && !(i + 2..sent_end).any(|t| ctx.word(t) == "," || ctx.is_quote(t))
                {
                    return i;
                }
                let mut j = i + 1;
                while j < sent_end && ctx.is_quote(j) {
                    j += 1;
                }
                // ", while the board …", ", after meeting …": a subordinate clause or adjunct
                // about the report.
                if j < sent_end
                    && ctx.is(j, WordClass::ContentEnd)
                    && !(i == from + 1 && ctx.lower_is(from, &["that"]))
                {
                    return i;
                }
                // ", but the board …": a new clause with its own subject (not ", but not for
                // …", ", but that …", ", but rather …").
                if j + 1 < sent_end
                    && ctx.lower_is(j, &["but"])
                    && (ctx.is(j + 1, WordClass::Pronoun)
                        || ctx.is(j + 1, WordClass::NewSubject)
                        || ctx.is_capitalised(j + 1))
                {
                    return i;
                }
                if j < sent_end && ctx.lower_is(j, &["and", "but"]) {
                    j += 1;
                    // ", and he rallied the crowd": a new clause with its own subject.
                    if j < sent_end && ctx.is(j, WordClass::NewSubjectPronoun) {
                        return i;
                    }
                    // ", and has championed …": a coordinated predicate of the speaker's.
                    let mut k = j;
                    while k < sent_end && ctx.is(k, WordClass::VerbGroup) {
                        k += 1;
                    }
                    if k < sent_end
                        && ctx.word(k).ends_with("ed")
                        && !ctx.is_capitalised(k)
                        && !ctx.word(k).contains('-')
                    {
                        return i;
                    }
                }
                if let Some(m) = self.cue_at(ctx, j, sent_end) {
                    // ", according to X", ", citing X", and a participle report of its own
                    // (", saying …", ", calling it …").
                    let participle =
                        matches!(m.shape, CueShape::Verb { .. }) && ctx.word(j).ends_with("ing");
                    if participle || matches!(m.shape, CueShape::Source | CueShape::Citing) {
                        return i;
                    }
                }
                // ", NP said." / ", and NP said …" within ten tokens.
                let coordinated = j > i + 1 && ctx.lower_is(j - 1, &["and", "but"]);
                for k in j..sent_end.min(j + 10) {
                    if ctx.is_punct(k) {
                        break;
                    }
                    if let Some(m) = self.cue_at(ctx, k, sent_end) {
                        // "…, a spokesman announced Monday morning."
                        let closes = k + 1 >= sent_end
                            || ctx.is_punct(k + 1)
                            || ctx.is(k + 1, WordClass::TimeWord)
                                && (k + 2 >= sent_end
                                    || ctx.is_punct(k + 2)
                                    || ctx.is(k + 2, WordClass::TimeNoun)
                                        && (k + 3 >= sent_end || ctx.is_punct(k + 3)));
                        // ", Ortega also noted …": a new report with a named subject.
                        let mut h = k;
                        while h > j && ctx.is(h - 1, WordClass::VerbGroup) {
                            h -= 1;
                        }
                        // Not when the content so far is no clause ("that last month,
                        // Putin stated that …" nests one report in another).
                        let named = h > j
                            && !ctx.word(k).ends_with("ing")
                            && self.has_finite_verb(ctx, from, i)
                            && (j..h).all(|t| ctx.is_capitalised(t))
                            // ", 32% call themselves …": a share of a poll.
                            || self.counted_report(ctx, j, sent_end);
                        if matches!(m.shape, CueShape::Verb { .. })
                            && k > j
                            && (closes || coordinated || named)
                        {
                            return i;
                        }
                        break;
                    }
                }
            }
            i += 1;
        }
        sent_end
    }

    /// Kind of a content span: direct when it is exactly one quotation, mixed when it holds
    /// quotation marks, indirect otherwise.
    /// The kind of content in two fragments around its attribution: direct or indirect when
    /// both sides are, mixed otherwise.
    pub(super) fn kind_of_fragments(&self, ctx: &Ctx, left: Span, right: Span) -> Kind {
        match (self.kind_of(ctx, left), self.kind_of(ctx, right)) {
            (Kind::Indirect, Kind::Indirect) => Kind::Indirect,
            (Kind::Direct, Kind::Direct) => Kind::Direct,
            _ => Kind::Mixed,
        }
    }

    pub(super) fn kind_of(&self, ctx: &Ctx, content: Span) -> Kind {
        // The quotation whose opening mark is the last token before the content.
        let first = ctx
            .doc
            .tokens
            .partition_point(|t| t.span.end <= content.start);
        let quotation = (first.saturating_sub(2)..first.min(ctx.doc.tokens.len()))
            .rev()
            .find_map(|t| ctx.quote_opened_at(t));
        if quotation.is_some_and(|q| q.content == content) {
            return Kind::Direct;
        }
        let text = ctx.doc.text();
        let slice = content.slice(text);
        if slice.contains(['“', '”', '"', '«', '»']) || slice.contains("''") || slice.contains("``")
        {
            Kind::Mixed
        } else {
            Kind::Indirect
        }
    }

    /// Content from token `a` to token `b_excl` (exclusive), trimmed; a span that is exactly
    /// one quotation with its marks becomes the quotation's content, also when the quotation
    /// runs unclosed to its paragraph's end (news style for a quotation continued in the next
    /// paragraph).
    pub(super) fn content(&self, ctx: &Ctx, a: usize, b_excl: usize) -> Option<Span> {
        if a >= b_excl {
            return None;
        }
        let text = ctx.doc.text();
        let raw = ctx.span(a, b_excl - 1);
        if let Some(q) = ctx.quote_opened_at(a) {
            let rest = Span::new(q.outer.end, raw.end).trim_matches(text, &['.', ',', ';', ':']);
            if rest.is_empty() {
                return Some(q.content);
            }
        }
        let span = raw.trim_matches(text, &[',', ';', ':', '—', '–']);
        // A sentence's full stop ends no content, but an abbreviation keeps its dot ("the
        // U.S.", "John Smith Jr.").
        let last = ctx.doc.tokens[..b_excl].partition_point(|t| t.span.end < span.end);
        let abbreviation = ctx.doc.tokens.get(last).is_some_and(|t| {
            t.span.end == span.end && ctx.word(last).len() > 1 && !ctx.word(last).ends_with("..")
        });
        let span = if span.slice(text).ends_with('.')
            && !span.slice(text).ends_with("..")
            && !abbreviation
        {
            Span::new(span.start, span.end - 1)
        } else {
            span
        };
        let span = span.trim(text);
        (!span.is_empty()).then_some(span)
    }
}
