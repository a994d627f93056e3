//! Content for a cue whose subject stands before it (`“Q,” X said.`, `Q, X said, R`,
//! `“A,” he said, “B.”`): which side of the attribution the content is on.

use super::report::Report;
use super::THAT_WINDOW;
use super::{Candidate, Ctx, Kind, RuleQuoteDetector};
use super::{MAX_OBJECT_TOKENS, MAX_SPEAKER_TOKENS, MIN_UNATTRIBUTED_WORDS};
use crate::lexicon::WordClass;
use crate::quote::CueClass;
use crate::token::TokenKind;

/// Fewest tokens before a comma (exclusive) that make a clause the attribution after it may
/// report when only an adjunct or an object follows the cue ("Profits rose, the firm said in
/// a statement."; "In July, the company said" is an adjunct by its first word).
const MIN_CLAUSE_BEFORE_TOKENS: usize = 2;

/// What follows the cue, seen from a subject at token `a`.
struct RightSide {
    /// The attribution follows a closing quotation mark.
    after_quote: bool,
    /// The first token of the attribution (the head of an appositive subject).
    lead: usize,
    /// A prepositional phrase or an object follows, not a clause.
    pp: bool,
    /// Only time words follow ("…, Hollande said Tuesday in Paris.").
    adjuncts_only: bool,
    /// Only the person told follows ("…, a spokesman told the Millbrook Ledger.").
    object_only: bool,
    /// Only a prepositional adjunct follows ("…, he said in an interview on Sunday.").
    adjunct_phrase_only: bool,
}

impl RuleQuoteDetector {
    /// The claim of a cue whose subject spans tokens `a..=b`: `None` when none of these rules
    /// decides (the right content is tried next), `Some(None)` when one decides on no claim.
    pub(super) fn subject_first(
        &self,
        r: &Report,
        (a, b): (usize, usize),
    ) -> Option<Option<Candidate>> {
        let (ctx, s0, si) = (r.site.ctx, r.site.s0, r.si);
        let right = self.right_side(r, (a, b));
        // The subject opens the sentence, perhaps after an appositive head ("the
        // challenger, Paul Brandt, wrote").
        let opens = a == s0
            || ctx.word(a - 1) == ","
                && a - s0 <= MAX_SPEAKER_TOKENS
                && (s0..a).all(|t| !ctx.is_quote(t) && self.cue_at(ctx, t, r.site.s1).is_none());
        if let (true, Some(q)) = (opens, r.question) {
            if r.right_is_end || right.pp || right.adjuncts_only {
                return Some(Some(super::question_claim(
                    q,
                    r.cue.clone(),
                    ctx.span(a, b),
                    si,
                )));
            }
        }
        if let Some(c) = self.interrupted_quotation(r, &right, (a, b)) {
            return Some(Some(c));
        }
        if let Some(c) = self.told_parenthetical(r, &right, (a, b)) {
            return Some(Some(c));
        }
        if !(a > s0
            && (right.after_quote && (r.right_is_end || right.pp)
                || (r.right_is_end
                    || right.adjuncts_only
                    || right.adjunct_phrase_only
                    || right.object_only)
                    && ctx.word(a - 1) == ","))
        {
            return None;
        }
        if let Some(c) = self.parenthetical(r, &right, (a, b)) {
            return Some(Some(c));
        }
        Some(self.left_content(
            ctx,
            si,
            right.lead,
            r.cue.clone(),
            Some(ctx.span(a, b)),
            0.85,
        ))
    }

    fn right_side(&self, r: &Report, (a, b): (usize, usize)) -> RightSide {
        let (ctx, s0, s1, after) = (r.site.ctx, r.site.s0, r.site.s1, r.after);
        // `“…” the challenger, Paul Brandt, wrote`, `…, a spokeswoman, Anna White, said`: the
        // attribution starts at the head of the appositive.
        let lead = if a > s0 + 1 && ctx.word(a - 1) == "," {
            (s0 + 1..a - 1)
                .rev()
                .take(MAX_SPEAKER_TOKENS)
                .take_while(|&t| !ctx.is_punct(t) && !ctx.is_quote(t))
                .last()
                .filter(|&h| {
                    ctx.quote_closed_at(h - 1).is_some()
                        || h > s0 + 1
                            && a - h <= 5
                            && ctx.word(h - 1) == ","
                            && ctx.is(h, WordClass::NounPhraseDeterminer)
                            && (a..=b).all(|t| ctx.is_capitalised(t))
                            && !self.has_finite_verb(ctx, h, a)
                })
                .unwrap_or(a)
        } else {
            a
        };
        let after_quote = lead > s0
            && (ctx.quote_closed_at(lead - 1).is_some()
                || lead > s0 + 1
                    && ctx.word(lead - 1) == ","
                    && ctx.quote_closed_at(lead - 2).is_some());
        // After a closing quotation, anything but a complement clause is an adjunct or
        // an object ("… ,” Trump told CNN then.").
        // A "that" past a comma belongs to another clause ("…,” X told CNN, noting that …").
        let no_complementizer = !(after..s1.min(after + THAT_WINDOW))
            .take_while(|&t| {
                // "said at a news conference announcing that …": that "that" is the
                // participle's.
                ctx.word(t) != "," && !(t > after && self.participle_ing(ctx, t))
            })
            // After the object, "that" before a verb is a relative pronoun ("…,” X told a
            // crowd that spilled onto the street.").
            .any(|t| {
                ctx.lower_is(t, &["that"])
                    && !ctx.time_phrase(t)
                    && !(t > after && t + 1 < s1 && self.verb_like(ctx, t + 1))
            });
        // "… 30 minutes into the meeting": a counted time adjunct.
        let counted_time = after + 1 < s1
            && ctx.doc.tokens[after].kind == TokenKind::Number
            && ctx.is(after + 1, WordClass::TimeSpan);
        // "said Dec. 6 on CNN"
        let date_end = self.date_end(ctx, after, s1);
        // "…,” Fiorina told “Fox and Friends.”": the programme told is an object too.
        let told_title = after_quote
            && r.takes_object
            && ctx
                .quote_opened_at(after)
                .is_some_and(|q| ctx.quoted_title(q));
        let pp = after < s1
            && !r.preposition
            && (ctx.doc.tokens[after].kind == TokenKind::Word || counted_time || told_title)
            && no_complementizer
            && (after_quote && r.takes_object
                || ctx.time_phrase(after)
                || date_end.is_some()
                || (!ctx.is_capitalised(after) || ctx.is(after, WordClass::TimeWord))
                    && !ctx.opens_clause(after));
        // "said Tuesday.", "said this week.", "announced Monday morning."
        let time_end = if ctx.time_phrase(after) {
            after + 2
        } else {
            date_end.unwrap_or(after + 1)
        };
        let adjuncts_only = after < s1
            && no_complementizer
            && (ctx.is(after, WordClass::TimeWord) || ctx.time_phrase(after) || date_end.is_some())
            && (time_end >= s1
                || ctx.is_punct(time_end)
                || ctx.is(time_end, WordClass::NotObject)
                || ctx.is(time_end, WordClass::TimeNoun)
                    && (time_end + 1 >= s1 || ctx.is_punct(time_end + 1)));
        // What precedes is a clause, not an adjunct ("On Thursday, …", "As the mayor
        // spoke, …", "Appearing at the fair, …").
        // A short one must not be an adjunct ("Last week, …", "Earlier, …") nor a name ("Sam
        // Lau, the party's spokesman, said").
        let short_clause = a > s0 + MIN_CLAUSE_BEFORE_TOKENS
            && !ctx.is(s0, WordClass::TimeWord)
            && !ctx.is(s0, WordClass::AdverbialOpener)
            && (s0..a - 1)
                .any(|t| ctx.doc.tokens[t].kind == TokenKind::Word && !ctx.is_capitalised(t))
            && !(s0..a - 1).any(|t| ctx.is(t, WordClass::TimeNoun));
        let clause_before = (a > s0 + MIN_UNATTRIBUTED_WORDS || short_clause)
            && !ctx.is(s0, WordClass::AdjunctPreposition)
            && !ctx.is(s0, WordClass::ClauseLink)
            // "Appearing at the fair, …", not a gerund subject ("Rising costs could …").
            && (!ctx.word(s0).ends_with("ing") || self.has_finite_verb(ctx, s0, a));
        // "…, Obama told his advisers as he labored over it": an adverbial clause after the
        // cue (and its object or adjunct) is no content; what precedes it is the tail.
        // Not "was seen as a …": the clause has a pronoun or name for its subject. Not
        // before a quotation ("said as he introduced her, “…”"), which is the content.
        let clause = (after..s1)
            .find(|&t| {
                ctx.is(t, WordClass::AdverbialSubordinator)
                    && t + 1 < s1
                    && (ctx.is(t + 1, WordClass::SubjectWord)
                        || ctx.is_capitalised(t + 1)
                            && self.has_finite_verb(ctx, t + 2, s1.min(t + 5)))
            })
            .filter(|&t| (t..s1).all(|u| !ctx.is_quote(u) || matches!(ctx.word(u), "'" | "’")));
        let s1 = clause.unwrap_or(s1);
        // The subject must read as a source when only an object or an adjunct follows.
        let object_only = r.takes_object
            && after < s1
            && s1 - after <= MAX_OBJECT_TOKENS
            && no_complementizer
            && self.source_phrase(ctx, a, b)
            && clause_before
            && (after..s1).all(|t| {
                ctx.doc.tokens[t].kind == TokenKind::Word || self.np_word(ctx, t) || t + 1 == s1
            })
            && !self.has_finite_verb(ctx, after, s1);
        // "…, he said (Wednesday morning) on MSNBC."
        let mut preposition = date_end.unwrap_or(after);
        while preposition < s1
            && (ctx.is(preposition, WordClass::TimeWord)
                || ctx.is(preposition, WordClass::TimeNoun))
        {
            preposition += 1;
        }
        let adjunct_phrase_only = preposition < s1
            && r.site.m.class == CueClass::Speech
            && self.source_phrase(ctx, a, b)
            && clause_before
            && no_complementizer
            && ctx.is(preposition, WordClass::AdjunctPreposition)
            && !self.has_finite_verb(ctx, after, s1)
            && (after..s1).all(|t| ctx.word(t) != ",");
        RightSide {
            after_quote,
            lead,
            pp,
            adjuncts_only: adjuncts_only || clause == Some(after) && no_complementizer,
            object_only,
            adjunct_phrase_only,
        }
    }

    /// `“A,” he said, “B.”`: one quotation interrupted by its attribution, also behind
    /// adjuncts (`“A,” he said during a visit to Millbrook, “B.”`).
    fn interrupted_quotation(
        &self,
        r: &Report,
        right: &RightSide,
        (a, b): (usize, usize),
    ) -> Option<Candidate> {
        let (ctx, s0) = (r.site.ctx, r.site.s0);
        if !right.after_quote {
            return None;
        }
        // "…,” he told BBC Radio 4's “Today” programme": a title told does not resume it.
        let resumes = self
            .quotation_after_adjuncts(ctx, r.after, r.site.s1)
            .and_then(|open| ctx.quote_opened_at(open))
            .filter(|q| !(r.takes_object && ctx.quoted_title(q)))?;
        let mut k = right.lead;
        while k > s0 && ctx.word(k - 1) == "," {
            k -= 1;
        }
        let left = k.checked_sub(1).and_then(|c| ctx.quote_closed_at(c))?;
        Some(Candidate {
            kind: Kind::Direct,
            fragments: vec![left.content, resumes.content],
            cue: Some(r.cue.clone()),
            speaker: Some(ctx.span(a, b)),
            sentence: r.si,
            evidence: 0.85,
            writer: false,
        })
    }

    /// "In any case, Pell told the Ledger, the fares …", "The problem, the captain said then,
    /// was …": a parenthetical attribution with the person told or a time word.
    fn told_parenthetical(
        &self,
        r: &Report,
        right: &RightSide,
        (a, b): (usize, usize),
    ) -> Option<Candidate> {
        let (ctx, s0, s1, after) = (r.site.ctx, r.site.s0, r.site.s1, r.after);
        let time_word = |t: usize| ctx.is(t, WordClass::TimeWord) || ctx.is(t, WordClass::TailTime);
        let told = |t: usize| {
            r.takes_object && (self.np_word(ctx, t) || ctx.is(t, WordClass::ObjectPronoun))
        };
        // A source set off by a comma, not a relative clause or an adjunct.
        let set_off = a > s0 + 1
            && ctx.word(a - 1) == ","
            && !right.after_quote
            && !ctx.lower_is(a, &["who", "which"])
            && !ctx.is(a, WordClass::CircumstancePreposition)
            && self.source_phrase(ctx, a, b);
        if !set_off {
            return None;
        }
        let comma = (after..s1.min(after + MAX_OBJECT_TOKENS))
            .find(|&t| ctx.word(t) == ",")
            .filter(|&c| {
                c > after
                    && c + 3 < s1
                    && ((after..c).all(|t| told(t) || time_word(t))
                        // "…, Pell noted earlier in the meeting, were …"
                        || r.site.m.class == CueClass::Speech
                            && (time_word(after) || ctx.is(after, WordClass::AdjunctPreposition))
                            && (after..c).all(|t| ctx.doc.tokens[t].kind == TokenKind::Word)
                            && !self.has_finite_verb(ctx, after, c))
                    // `X said at a news conference, “…”` introduces a quotation instead.
                    && !ctx.is_quote(c + 1)
                    && !ctx.is(c + 1, WordClass::NotObject)
                    && !ctx.is(c + 1, WordClass::AdverbialOpener)
                    && !ctx.word(c + 1).ends_with("ing")
                    && self.cue_at(ctx, c + 1, s1).is_none()
            })?;
        let speaker = Some(ctx.span(a, b));
        let gap = (right.lead.min(a) - 1, comma + 1);
        self.around_attribution(ctx, r.si, gap, r.cue.clone(), speaker, 0.8)
    }

    /// "Back then, Ms. Ripert said, she found …": content on both sides. Not when what
    /// follows is an adjunct (", the Kremlin said, after …").
    fn parenthetical(
        &self,
        r: &Report,
        right: &RightSide,
        (a, b): (usize, usize),
    ) -> Option<Candidate> {
        let (ctx, s1, after) = (r.site.ctx, r.site.s1, r.after);
        let parenthetical = !right.after_quote
            && after + 3 < s1
            && ctx.word(after) == ","
            && ctx.word(a - 1) == ","
            // Not an adjunct, except the subject of an infinitive ("it would be wise,
            // engineers said, for the town to act") or an infinitive ("it is his job, he
            // said, to warn Congress").
            && (!ctx.is(after + 1, WordClass::NotObject)
                || ctx.lower_is(after + 1, &["for"])
                    && (after + 2..s1.min(after + 6)).any(|t| ctx.lower_is(t, &["to"]))
                || ctx.lower_is(after + 1, &["to"]) && self.base_verb(ctx, r.si, after + 2))
            && !ctx.is(after + 1, WordClass::AdverbialOpener)
            // A participle adjunct (", speaking at a rally"), unless it is a gerund
            // subject ("…, he said, replacing the board would be …").
            && (!ctx.word(after + 1).ends_with("ing") || self.has_finite_verb(ctx, after + 2, s1))
            && self.cue_at(ctx, after + 1, s1).is_none();
        if !parenthetical {
            return None;
        }
        let speaker = Some(ctx.span(a, b));
        let gap = (right.lead.min(a) - 1, after + 1);
        self.around_attribution(ctx, r.si, gap, r.cue.clone(), speaker, 0.8)
    }

    /// Whether the parse of sentence `si` tags token `t` a verb's base form (`VB`).
    fn base_verb(&self, ctx: &Ctx, si: usize, t: usize) -> bool {
        let first = ctx.doc.sentences[si].tokens.start;
        t >= first
            && ctx
                .doc
                .syntax(si)
                .and_then(|syntax| syntax.xpos.get(t - first))
                .is_some_and(|x| *x == "VB")
    }
}
