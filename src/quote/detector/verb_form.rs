//! How a cue verb stands in its sentence when it is not a plain finite verb: a participle
//! after a comma, a progressive or aspectual form, a reduced relative, a gerund after a
//! preposition, or the verb of an absolute construction. Each form decides who the source
//! is and whether an "-ing" cue reports at all.

use super::vetoes::Site;
use super::MAX_SPEAKER_TOKENS;
use crate::lexicon::WordClass;
use crate::token::TokenKind;

/// The form of the cue verb at a [`Site`].
pub(super) struct VerbForm {
    /// ", saying …", also after a dash, a closing quotation mark (`called it “odd,” saying
    /// …`), an adverb (", falsely suggesting …") and the written words it describes
    /// ("issued a statement Tuesday saying …").
    pub(super) participle: bool,
    /// The aspect verb that joins the cue: "keeps saying", "began calling".
    pub(super) aspect_verb: Option<usize>,
    /// "was hoping", "was still hoping", "is now saying", "keeps saying".
    pub(super) progressive: bool,
    /// "… saying that …", "Hillary Clinton asking, “Why …”", "footage of Pell saying during
    /// the meeting, “…”".
    pub(super) reduced_relative: bool,
    /// "responded by saying …", "began the speech after thanking …", "was quoted as saying
    /// …": a gerund after a preposition reports for the sentence subject.
    pub(super) prepositional: bool,
    /// "…, with 38 percent of riders saying they …": the "with" of an absolute construction
    /// whose noun phrase reports.
    pub(super) absolute: Option<usize>,
}

impl VerbForm {
    /// An "-ing" cue in none of the forms that report is a noun or an adjective.
    pub(super) fn reports(&self, site: &Site) -> bool {
        !site.ctx.word(site.i).ends_with("ing")
            || self.participle
            || self.progressive
            || self.reduced_relative
            || self.prepositional
            || self.absolute.is_some()
    }
}

impl Site<'_, '_, '_> {
    /// The form of the cue verb here.
    pub(super) fn verb_form(&self) -> VerbForm {
        let (ctx, i, s0, s1) = (self.ctx, self.i, self.s0, self.s1);
        let ing = ctx.word(i).ends_with("ing");
        let mut p = i;
        while p > s0 + 1
            && (ctx.word(p - 1).ends_with("ly") && !ctx.is_capitalised(p - 1)
                || ctx.is(p - 1, WordClass::PreverbAdverb))
        {
            p -= 1;
        }
        let written = self.issued_writing(p).is_some();
        let participle = ing
            && p > s0
            && (ctx.word(p - 1) == ","
                || ctx.is_dash(p - 1)
                || ctx.quote_closed_at(p - 1).is_some()
                || written);
        let b = self.before_adverbs();
        let aspectual = ing
            && b > s0 + 1
            && ctx.is(b - 1, WordClass::Aspectual)
            && !ctx.is(b - 2, WordClass::NounMarker);
        let progressive = ing
            && b > s0
            && (ctx.is(b - 1, WordClass::ProgressiveBe)
                || ctx.is_clitic_auxiliary(b - 1)
                || aspectual);
        let reduced_relative = i + 1 < s1 && ctx.lower_is(i + 1, &["that"])
            || i + 2 < s1
                && ctx.introduces_quotation(i + 1)
                && ctx.quote_opened_at(i + 2).is_some()
            || i > s0
                && i + 1 < s1
                && ctx.is_capitalised(i - 1)
                && ctx.is(i + 1, WordClass::AdjunctPreposition)
                && self
                    .detector
                    .quotation_after_adjuncts(ctx, i + 1, s1)
                    .is_some();
        // "was quoted as saying …" reports for the subject too.
        let quoted_as =
            i > s0 + 2 && ctx.lower_is(i - 1, &["as"]) && ctx.lower_is(i - 2, &["quoted"]);
        let prepositional =
            ing && i > s0 + 1 && (ctx.is(i - 1, WordClass::GerundPreposition) || quoted_as);
        let absolute = (ing && !participle && i + 1 < s1)
            .then(|| self.absolute_with())
            .flatten();
        VerbForm {
            participle,
            aspect_verb: aspectual.then(|| b - 1),
            progressive,
            reduced_relative,
            prepositional,
            absolute,
        }
    }

    /// The determiner of the written words issued right before token `p` (a participle cue):
    /// "issued a statement saying", "released a brief statement Tuesday saying"; not the
    /// object of a preposition ("pointed to statements saying": whose they are is unsaid).
    fn issued_writing(&self, p: usize) -> Option<usize> {
        let (ctx, s0) = (self.ctx, self.s0);
        let lexicon = &self.detector.lexicon;
        let venue = |t: usize| {
            ctx.is(t, WordClass::Venue)
                || ctx
                    .word(t)
                    .strip_suffix('s')
                    .is_some_and(|one| lexicon.is(WordClass::Venue, one))
        };
        let v = (p.saturating_sub(2).max(s0)..p)
            .rev()
            .find(|&t| venue(t))
            .filter(|&v| v + 1 == p || ctx.is(v + 1, WordClass::TimeWord))?;
        let d = (v.saturating_sub(3).max(s0)..v)
            .rev()
            .find(|&t| ctx.is(t, WordClass::Determiner))?;
        let words_between = (d + 1..v).all(|t| ctx.doc.tokens[t].kind == TokenKind::Word);
        let after_preposition =
            d > s0 && lexicon.is(WordClass::Preposition, &ctx.word(d - 1).to_lowercase());
        (words_between && !after_preposition).then_some(d)
    }

    /// The first token of the adverbs right before the cue ("still", "now", "-ly" words).
    fn before_adverbs(&self) -> usize {
        let (ctx, s0) = (self.ctx, self.s0);
        let mut b = self.i;
        while b > s0 + 1
            && (ctx.is(b - 1, WordClass::CueAdverb)
                || ctx.word(b - 1).ends_with("ly") && !ctx.is_capitalised(b - 1))
        {
            b -= 1;
        }
        b
    }

    /// The "with" opening an absolute construction before the cue, if its words are a noun
    /// phrase without a finite verb and a clause or a name follows the cue.
    fn absolute_with(&self) -> Option<usize> {
        let (ctx, i, s0) = (self.ctx, self.i, self.s0);
        let detector = self.detector;
        (s0..i)
            .rev()
            .take(MAX_SPEAKER_TOKENS)
            .take_while(|&t| !ctx.is_punct(t) && !ctx.is_quote(t))
            .find(|&t| ctx.lower_is(t, &["with"]))
            .filter(|&w| {
                w + 1 < i
                    && (w + 1..i).all(|t| {
                        (detector.np_word(ctx, t) || ctx.doc.tokens[t].kind == TokenKind::Word)
                            && !ctx.is(t, WordClass::ClauseLink)
                    })
                    && !detector.has_finite_verb(ctx, w + 1, i)
                    && (ctx.opens_clause(i + 1) || ctx.is_capitalised(i + 1))
            })
    }
}
