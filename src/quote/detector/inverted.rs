//! The source after an inverted cue (`“…,” said X.`): a name or a described noun phrase
//! that ends the clause.

use super::MAX_APPOSITION_TOKENS;
use super::{Ctx, RuleQuoteDetector, MAX_SPEAKER_TOKENS};
use crate::lexicon::WordClass;
use crate::token::TokenKind;

impl RuleQuoteDetector {
    /// Whether the word at `after` (in a sentence ending at `s1`) may open the source of an
    /// inverted cue: a name, a determiner, a role ("said pollster Frank Luntz", "said former
    /// governor Howard Dean") or another word opening a described name ("said undecided voter
    /// Jane Roe", checked by [`RuleQuoteDetector::inverted_source`]); not a clause opener, an
    /// adjunct or a time word.
    pub(super) fn source_may_follow(&self, ctx: &Ctx, after: usize, s1: usize) -> bool {
        after < s1
            && (ctx.is_capitalised(after)
                || self.source_determiner(ctx, after)
                || ctx.is(after, WordClass::Role)
                || ctx.is(after, WordClass::RoleModifier)
                || ctx.doc.tokens[after].kind == TokenKind::Word
                    && !ctx.opens_clause(after)
                    && !ctx.is(after, WordClass::NotObject)
                    && !ctx.is(after, WordClass::QuestionWord)
                    && !ctx.lower_is(after, &["that", "to"]))
            && !ctx.is(after, WordClass::TimeWord)
    }

    /// The source phrase right after an inverted cue, starting at token `after` of a sentence
    /// ending at `s1`, as first and last token.
    pub(super) fn inverted_source(
        &self,
        ctx: &Ctx,
        after: usize,
        s1: usize,
    ) -> Option<(usize, usize)> {
        let (a, b) = self.right_phrase(ctx, after, s1)?;
        let short = |n: usize| b + 1 - a <= n;
        // "said Tom John", "said the company's chief executive", "said one longtime friend".
        // "said Pell’s deputy campaign manager": a possessor leads the phrase too.
        let possessed = ctx.is_capitalised(a)
            && a + 1 < b
            && matches!(ctx.word(a + 1), "’s" | "'s")
            && ctx.is(b, WordClass::Role);
        // A participle before a preposition ends the phrase as a reduced relative clause
        // ("says a source involved in the super-PAC’s creation"), which belongs to it.
        let reduced_relative = b > a + 1
            && ctx.word(b).ends_with("ed")
            && b + 1 < s1
            && ctx.is(b + 1, WordClass::Preposition);
        // A participle right after the determiner is an adjective ("said the printed slate
        // card", "said one unaligned strategist").
        let determined = (self.source_determiner(ctx, a) || possessed)
            && short(8)
            && !self.has_finite_verb(ctx, (a + 2).min(b + 1), b + usize::from(!reduced_relative));
        // "said Huckabee campaign spokesman Hogan Gidley", "said undecided voter Jane
        // Roe": a few descriptive words before a capitalised name, maybe with its affiliation
        // ("… voter Jane Roe of Derry"); a participle opening them is an adjective
        // ("undecided", "retired").
        let affiliation = |k: usize| {
            (k + 1..=b).all(|t| ctx.is_capitalised(t) || ctx.lower_is(t, &["of", "from"]))
        };
        let described = short(MAX_SPEAKER_TOKENS)
            && (a + 1..=b)
                .any(|k| ctx.is_capitalised(k) && ctx.is_capitalised(k - 1) && affiliation(k))
            && ctx.is_capitalised(b)
            && (a..=b).all(|t| ctx.doc.tokens[t].kind == TokenKind::Word || self.np_word(ctx, t))
            && !self.has_finite_verb(ctx, a + 1, b + 1);
        let lead = ctx.is_capitalised(a) || self.np_word(ctx, a) || self.source_determiner(ctx, a);
        // "said Tom Vance of the University of Ohio School of Law": a name with its
        // affiliation.
        let affiliated = ctx.is_capitalised(a)
            && short(MAX_SPEAKER_TOKENS)
            && (a..=b).all(|t| self.np_word(ctx, t) || ctx.lower_is(t, &["at", "from"]));
        // "reply Burton and Nick", "said Pell, Vance and Quill": names joined by "and".
        let coordinated = ctx.is_capitalised(a)
            && ctx.is_capitalised(b)
            && short(MAX_SPEAKER_TOKENS)
            && (a..=b).any(|t| ctx.lower_is(t, &["and"]))
            && (a..=b)
                .all(|t| self.np_word(ctx, t) || ctx.lower_is(t, &["and"]) || ctx.word(t) == ",");
        // A described name needs no capitalised or noun lead: "said conservative activist Bob
        // Klaus", "said longtime Republican strategist Rick Tyler".
        let name_like = described
            || lead
                && (determined
                    || affiliated
                    || coordinated
                    || short(6) && (a..=b).all(|t| self.np_word(ctx, t)));
        // The phrase may carry a relative clause ("said Sen. Jim Whelan, who …", "said one
        // owner of a shop that sells shoes") or an adjunct ("said Ryan on Tuesday", "said Ryan
        // in a statement").
        let ends = b + 1 >= s1 || ctx.is_punct(b + 1) || ctx.is(b + 1, WordClass::SourceEnd);
        if !(name_like && ends) {
            return None;
        }
        if reduced_relative && determined {
            let end = (b + 1..s1.min(b + 1 + MAX_SPEAKER_TOKENS))
                .take_while(|&t| !ctx.is_punct(t) && !ctx.is_quote(t))
                .last();
            return Some((a, end.unwrap_or(b)));
        }
        // "said another pollster, David Woodard of Clemson University": the described source's
        // name in apposition belongs to the phrase.
        Some((a, self.apposed_name(ctx, b, s1).unwrap_or(b)))
    }

    /// The comma closing an inverted attribution set inside its content, `A, said X, B` ("Any
    /// fair reading of the deal, said Ann Roe, an expert on Russia, would see it as a
    /// retreat."): the cue at `cue` follows a comma after a subject with no verb, the source
    /// ends at `b`, maybe with an apposition, and the predicate resumes with a verb.
    pub(super) fn inverted_parenthesis_end(
        &self,
        ctx: &Ctx,
        (s0, s1): (usize, usize),
        cue: usize,
        b: usize,
    ) -> Option<usize> {
        let subject_only = cue > s0 + 1
            && ctx.word(cue - 1) == ","
            && ctx.quote_closed_at(cue - 2).is_none()
            && (s0..cue - 1).all(|t| !self.has_finite_verb(ctx, t, t + 1));
        if !subject_only {
            return None;
        }
        (b + 1..s1.min(b + 1 + MAX_APPOSITION_TOKENS))
            .take_while(|&t| !ctx.is_quote(t) && !ctx.is(t, WordClass::RelativeWord))
            .take_while(|&t| t == b + 1 || !self.has_finite_verb(ctx, t, t + 1))
            .filter(|&t| ctx.word(t) == "," && t + 2 < s1)
            .find(|&t| self.verb_like(ctx, t + 1))
    }

    /// Whether token `t` opens a described source: a `sourcedeterminer` word of `models/grammar.tsv` or a number
    /// word.
    fn source_determiner(&self, ctx: &Ctx, t: usize) -> bool {
        ctx.is(t, WordClass::SourceDeterminer) || ctx.is(t, WordClass::Cardinal)
    }

    /// The last token of a name of two capitalised words or more set off by a comma right
    /// after token `b` (maybe with an "of" affiliation: "Michael Brown of Washington"), ending
    /// the clause at `s1`, a comma or a "who".
    fn apposed_name(&self, ctx: &Ctx, b: usize, s1: usize) -> Option<usize> {
        let start = b + 2;
        if start >= s1 || ctx.word(b + 1) != "," || ctx.is_capitalised(b) {
            return None;
        }
        let run = |from: usize| (from..s1).take_while(|&t| ctx.is_capitalised(t)).count();
        let name = run(start);
        let mut end = start + name;
        if name >= 2 && end + 1 < s1 && ctx.lower_is(end, &["of"]) && run(end + 1) > 0 {
            end += 1 + run(end + 1);
        }
        let closes = end >= s1 || ctx.is_punct(end) || ctx.lower_is(end, &["who"]);
        (name >= 2 && closes).then(|| end - 1)
    }
}
