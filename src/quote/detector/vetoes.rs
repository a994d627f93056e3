//! Named rules that veto a cue verb: each says why the word at a cue position is not a
//! reporting verb there (a noun, an adjective, an idiom, a negation), with its examples.
//! Checked by `tests/patterns.rs` and the examples below.

use super::{Ctx, RuleQuoteDetector};
use crate::lexicon::WordClass;
use crate::quote::cues::CueMatch;
use crate::token::TokenKind;

/// A cue match at token `i` of a sentence spanning tokens `s0..s1`.
pub(super) struct Site<'c, 'd, 'a> {
    pub(super) detector: &'c RuleQuoteDetector,
    pub(super) ctx: &'c Ctx<'d, 'a>,
    pub(super) s0: usize,
    pub(super) s1: usize,
    pub(super) i: usize,
    pub(super) m: &'c CueMatch,
}

impl Site<'_, '_, '_> {
    /// "went on to say" reports; other infinitives ("to say") do not.
    pub(super) fn goes_on(&self) -> bool {
        let (ctx, i) = (self.ctx, self.i);
        i >= self.s0 + 3 && ctx.is(i - 3, WordClass::GoForm) && ctx.lower_is(i - 2, &["on"])
    }

    /// "continued to question", "appeared to suggest": the infinitive carries the report of
    /// the raising verb's subject.
    pub(super) fn raised(&self) -> bool {
        let (ctx, i) = (self.ctx, self.i);
        i >= self.s0 + 3
            && ctx.lower_is(i - 1, &["to"])
            && ctx.is(i - 2, WordClass::Raising)
            && !ctx.is(i - 3, WordClass::NounMarker)
    }

    /// Whether a rule that applies before the "asked" question vetoes the cue.
    pub(super) fn vetoed_early(&self) -> bool {
        self.counted_noun()
            || self.modified_noun()
            || self.participle_after_preposition()
            || self.idiom_or_imperative()
            || self.participle_after_count()
            || self.nominal_context()
            || self.compound_after_indefinite()
            || self.subject_of_next_cue()
            || self.participle_before_cue()
            || self.naming_participle()
            || self.noun_before_auxiliary()
            || self.gerund_noun()
    }

    /// Whether a rule that applies after the "asked" question vetoes the cue.
    pub(super) fn vetoed_late(&self) -> bool {
        self.no_complementizer() || self.adverb_modified_participle() || self.negated()
    }

    /// "One Tweet Settles It": a noun-like base form after "one" (not "no one").
    fn counted_noun(&self) -> bool {
        let (ctx, i, s0, m) = (self.ctx, self.i, self.s0, self.m);
        m.noun_too
            && i > s0
            && ctx.word(i).eq_ignore_ascii_case(&m.lemma)
            && ctx.lower_is(i - 1, &["one"])
            && !(i > s0 + 1 && ctx.lower_is(i - 2, &["no"]))
    }

    /// "an open question", "a conference call": a noun-like base form after a modifier.
    /// Subjects before a verb are pronouns, names, plurals and quantifiers ("many say"); "his
    /// full comment: “…”" introduces a quotation all the same.
    fn modified_noun(&self) -> bool {
        let (ctx, i, s0, s1, m) = (self.ctx, self.i, self.s0, self.s1, self.m);
        m.noun_too
            && i > s0
            && ctx.word(i).eq_ignore_ascii_case(&m.lemma)
            && ctx.doc.tokens[i - 1].kind == TokenKind::Word
            && !ctx.is_capitalised(i - 1)
            && !ctx.word(i - 1).ends_with('s')
            && !ctx.word(i - 1).ends_with("ly")
            && !ctx.is(i - 1, WordClass::VerbSubject)
            && !ctx.is(i - 1, WordClass::CountWord)
            && !ctx.is(i - 1, WordClass::Modal)
            && !ctx.is(i - 1, WordClass::VerbGroup)
            && !(i + 1 < s1 && ctx.word(i + 1) == ":")
    }

    /// "a health think tank", "a talk show host": a base form after "a" + one lowercase word,
    /// before another lowercase word that opens no clause, is inside a noun compound (a
    /// singular subject would take "thinks"; "a third say they …" reports).
    fn compound_after_indefinite(&self) -> bool {
        let (ctx, i, s0, s1) = (self.ctx, self.i, self.s0, self.s1);
        let compound_next = i + 1 < s1
            && ctx.doc.tokens[i + 1].kind == TokenKind::Word
            && ctx.word(i + 1).chars().all(char::is_lowercase)
            && !ctx.opens_clause(i + 1)
            && !ctx.lower_is(i + 1, &["that", "to"]);
        compound_next
            && i > s0 + 1
            && ctx.word(i).eq_ignore_ascii_case(&self.m.lemma)
            && ctx.lower_is(i - 2, &["a", "an"])
            && ctx.doc.tokens[i - 1].kind == TokenKind::Word
            && ctx.word(i - 1).chars().all(char::is_lowercase)
            && !ctx.is(i - 1, WordClass::Modal)
            && !ctx.is(i - 1, WordClass::VerbGroup)
    }

    /// "a group called Black Votes Matter", "a consulting firm called “Gavekal”": a participle
    /// after an indefinite noun phrase (up to three lowercase words after "a") that a name
    /// follows gives the thing its name; nobody is quoted ("one lawmaker called Trump …",
    /// "Sanders' campaign called the report …" still report).
    fn naming_participle(&self) -> bool {
        let (ctx, i, s0, s1) = (self.ctx, self.i, self.s0, self.s1);
        if ctx.word(i) != "called" {
            return false;
        }
        let article = |t: usize| ctx.lower_is(t, &["a", "an"]);
        let noun_word = |t: usize| {
            ctx.doc.tokens[t].kind == TokenKind::Word
                && !article(t)
                && ctx.word(t).chars().all(|c| c.is_lowercase() || c == '-')
        };
        // The lowercase words of the noun phrase before the participle, then its article.
        let mut k = i;
        while k > s0 && i - k < 3 && noun_word(k - 1) {
            k -= 1;
        }
        k < i
            && k > s0
            && article(k - 1)
            && i + 1 < s1
            && (ctx.is_capitalised(i + 1) || ctx.is_quote(i + 1))
    }

    /// "told a regular news briefing that …": an -ing form heading a noun phrase that an
    /// article opens (up to three lowercase words before it), with a "that" after it, is a
    /// noun when the parser tags it one, and no report unless it is a report noun (`noun` in
    /// `models/cues.tsv`: "a warning that …"); "a flyer stating that …" is a participle,
    /// tagged so.
    fn gerund_noun(&self) -> bool {
        let (ctx, i, s0, s1) = (self.ctx, self.i, self.s0, self.s1);
        let word = ctx.word(i);
        if !word.ends_with("ing")
            || ctx.is_capitalised(i)
            || self.detector.cues.noun_at(word).is_some()
        {
            return false;
        }
        let lowercase = |t: usize| {
            ctx.doc.tokens[t].kind == TokenKind::Word
                && ctx.word(t).chars().all(|c| c.is_lowercase() || c == '-')
        };
        let article = (i.saturating_sub(4).max(s0)..i)
            .rev()
            .take_while(|&t| lowercase(t))
            .any(|t| ctx.is(t, WordClass::Article));
        // Only where a "that" follows, whose clause the noun would take: the parse is asked
        // for no other sentence.
        let that = (i + 1..s1.min(i + 5))
            .take_while(|&t| !ctx.is_punct(t))
            .any(|t| ctx.lower_is(t, &["that"]));
        article && that && {
            let si = ctx.doc.sentence_of(i);
            let first = ctx.doc.sentences[si].tokens.start;
            ctx.doc
                .syntax(si)
                .and_then(|syntax| syntax.xpos.get(i - first).copied())
                .is_some_and(|x| x == "NN")
        }
    }

    /// "the AP report is misleading", "the claim was false", "the jobs report will …": a
    /// noun-like base form right before a finite auxiliary or copula is a noun (a verb's base
    /// form takes an object or a clause there, never an auxiliary).
    fn noun_before_auxiliary(&self) -> bool {
        let (ctx, i, s1, m) = (self.ctx, self.i, self.s1, self.m);
        m.noun_too
            && ctx.word(i).eq_ignore_ascii_case(&m.lemma)
            && i + 1 < s1
            && (ctx.is(i + 1, WordClass::Copula)
                || ctx.is(i + 1, WordClass::Modal)
                || ctx.lower_is(i + 1, &["has", "had"]))
    }

    /// "figures show", "new reports suggest": a plural with no subject of its own (not after a
    /// name or pronoun: "Trump says praise …") right before another cue verb is that verb's
    /// subject, not a verb itself.
    fn subject_of_next_cue(&self) -> bool {
        let (ctx, i, s0, s1) = (self.ctx, self.i, self.s0, self.s1);
        let subject_before =
            i > s0 && (ctx.is_capitalised(i - 1) || ctx.is(i - 1, WordClass::NamedSubject));
        i + 1 < s1
            && ctx.word(i).ends_with('s')
            && !ctx.is_capitalised(i)
            && !ctx.is_capitalised(i + 1)
            && !subject_before
            && self.detector.cue_at(ctx, i + 1, i + 2).is_some()
    }

    /// "Voters questioned said …", "the analysts surveyed told …": a participle right before
    /// a cue verb in the past tense modifies that verb's subject (not "questioned claims",
    /// where the second word is a noun).
    fn participle_before_cue(&self) -> bool {
        let (ctx, i, s1) = (self.ctx, self.i, self.s1);
        let past = |t: usize| {
            self.detector.cue_at(ctx, t, t + 1).is_some_and(|m| {
                let w = ctx.word(t);
                !w.eq_ignore_ascii_case(&m.lemma) && !w.ends_with('s') && !w.ends_with("ing")
            })
        };
        i + 1 < s1 && ctx.word(i).ends_with("ed") && !ctx.is_capitalised(i + 1) && past(i + 1)
    }

    /// "despite repeated warnings": a participle after a preposition is an adjective.
    fn participle_after_preposition(&self) -> bool {
        let (ctx, i) = (self.ctx, self.i);
        i > self.s0 && ctx.word(i).ends_with("ed") && ctx.is(i - 1, WordClass::AdjectivePreposition)
    }

    /// "Having said that, …", "That said, …", "please ask": idioms and imperatives.
    fn idiom_or_imperative(&self) -> bool {
        let (ctx, i, s0, s1) = (self.ctx, self.i, self.s0, self.s1);
        i > s0
            && (ctx.lower_is(i - 1, &["having"])
                && i + 2 < s1
                && ctx.lower_is(i + 1, &["that", "this"])
                && ctx.word(i + 2) == ","
                || ctx.lower_is(i - 1, &["that", "this"])
                    && i - 1 == s0
                    && i + 1 < s1
                    && ctx.word(i + 1) == ","
                || ctx.lower_is(i - 1, &["please"]))
    }

    /// "40 pledged donors": a participle after a count (not a year: "in 2009 agreed")
    /// modifies a noun.
    fn participle_after_count(&self) -> bool {
        let (ctx, i) = (self.ctx, self.i);
        let year = |w: &str| w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
        i > self.s0
            && ctx.doc.tokens[i - 1].kind == TokenKind::Number
            && !year(ctx.word(i - 1))
            && ctx.word(i).ends_with("ed")
    }

    /// "the claim", "to say" (but "went on to say", "continued to question"), "the league's
    /// recommended 3 percent": after a determiner, an infinitive marker or a possessive the
    /// word is no finite verb. An irregular past is one after a name ending in "'s"
    /// ("McDonald's said", "Sainsbury's told").
    fn nominal_context(&self) -> bool {
        let (ctx, i, m) = (self.ctx, self.i, self.m);
        let word = ctx.word(i);
        // An irregular past ("said", "told", "wrote"): not the base form, nor a form that can
        // be a plural noun ("plans", "views") or an adjective ("recommended", "leading").
        let only_verb = !m.noun_too
            && !word.eq_ignore_ascii_case(&m.lemma)
            && !["ed", "ing", "s"].iter().any(|end| word.ends_with(end));
        let possessed = i > self.s0
            && matches!(ctx.word(i - 1), "’s" | "'s")
            && !ctx.is_clitic_auxiliary(i - 1)
            && !only_verb;
        // "Sources close to her said": "her" is an object before a verb that is only one.
        let object_her = only_verb && i > self.s0 && ctx.lower_is(i - 1, &["her"]);
        i > self.s0
            && (ctx.is(i - 1, WordClass::NounMarker) && !object_her
                || ctx.lower_is(i - 1, &["to"]) && !self.goes_on() && !self.raised()
                || possessed)
    }

    /// "confident that …", "pointed out that …": without its complementizer (or a quotation
    /// after its adjuncts) the cue reports nothing.
    fn no_complementizer(&self) -> bool {
        let (ctx, i, s1, m) = (self.ctx, self.i, self.s1, self.m);
        // "pointed to the polls": a joined preposition brings its object as the content.
        let joined = i + m.len < s1
            && m.prepositions
                .iter()
                .any(|p| p.eq_ignore_ascii_case(ctx.word(i + m.len)));
        m.that_only
            && !joined
            && !(i + m.len..s1.min(i + m.len + 2)).any(|t| ctx.lower_is(t, &["that"]))
            && self
                .detector
                .quotation_after_adjuncts(ctx, i + m.len, s1)
                .is_none()
    }

    /// An adverb-modified participle inside a noun phrase: "a broadly criticized plan". Before
    /// a lowercase cue a capitalised word in -ly is a name ("Sons of Shankly said"); in a
    /// headline it may be an adverb ("The Daily Takes A Closer Look").
    fn adverb_modified_participle(&self) -> bool {
        let (ctx, i, s0) = (self.ctx, self.i, self.s0);
        let name = |t: usize| ctx.is_capitalised(t) && !ctx.is_capitalised(i);
        let mut k = i;
        while k > s0 && ctx.word(k - 1).ends_with("ly") && !name(k - 1) {
            k -= 1;
        }
        k < i && k > s0 && ctx.is(k - 1, WordClass::NounMarker)
    }

    /// Negated cues ("did not disclose", "never said", "didn’t say") report nothing.
    fn negated(&self) -> bool {
        let (ctx, i, s0) = (self.ctx, self.i, self.s0);
        let mut k = i;
        while k > s0 && ctx.is(k - 1, WordClass::VerbGroup) {
            k -= 1;
            if ctx.lower_is(k, &["not", "never"]) {
                return true;
            }
        }
        i > s0 && (ctx.word(i - 1).ends_with("n’t") || ctx.word(i - 1).ends_with("n't"))
    }
}

#[cfg(test)]
mod tests {
    use crate::{Article, Pipeline};

    /// The cue texts of the claims found in `text`.
    fn cues(text: &str) -> Vec<String> {
        Pipeline::default()
            .process(&Article::new("t", text))
            .claims
            .into_iter()
            .filter_map(|c| c.cue.map(|cue| cue.text))
            .collect()
    }

    #[test]
    fn each_veto_keeps_its_examples_from_being_cues() {
        let examples = [
            // compound_after_indefinite
            (
                "The King's Fund, a health think tank, said the cuts were real.",
                "think",
            ),
            // subject_of_next_cue
            (
                "Waiting lists have reached a record 7.8 million, figures show.",
                "figures",
            ),
            // participle_after_preposition
            (
                "Despite repeated warnings the council went ahead with the plan.",
                "warnings",
            ),
            // idiom_or_imperative
            (
                "Having said that, the council went ahead with the plan.",
                "said",
            ),
            ("That said, the council went ahead with the plan.", "said"),
            // participle_after_count
            (
                "The campaign counted 40 pledged donors in the state.",
                "pledged",
            ),
            // nominal_context
            (
                "The league's recommended 3 percent rise was approved.",
                "recommended",
            ),
            // negated
            (
                "The mayor did not disclose that the bridge was unsafe.",
                "disclose",
            ),
            ("The mayor didn't say that the bridge was unsafe.", "say"),
        ];
        for (text, word) in examples {
            let found = cues(text);
            assert!(
                !found
                    .iter()
                    .any(|c| c.split_whitespace().any(|w| w == word)),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn the_same_cues_report_without_the_veto() {
        let examples = [
            ("The mayor said that the bridge was unsafe.", "said"),
            (
                "The mayor disclosed that the bridge was unsafe.",
                "disclosed",
            ),
            (
                "Lars Berg went on to say that the bridge was unsafe.",
                "say",
            ),
            ("Of the voters, a third say they do not know.", "say"),
            (
                "Waiting lists have reached a record 7.8 million, figures show.",
                "show",
            ),
            ("Trump says praise from Putin helps him.", "says"),
        ];
        for (text, word) in examples {
            let found = cues(text);
            assert!(found.iter().any(|c| c.contains(word)), "{text}: {found:?}");
        }
    }
}
