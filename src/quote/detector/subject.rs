//! A cue's speaker mention: the subject left of the cue (`Pell said`, `The mayor, Dana Pell,
//! said`), the subject of a sentence or clause the cue's verb shares, an apposed name, a
//! source phrase right of the cue (`said Pell on Monday`), and the word tests they share.

use super::{Ctx, RuleQuoteDetector, MAX_APPOSITION_TOKENS, MAX_SPEAKER_TOKENS};
use crate::lexicon::WordClass;
use crate::ner::Label;
use crate::quote::cues::{CueMatch, CueShape};
use crate::token::TokenKind;

impl RuleQuoteDetector {
    /// Token index where the subject before the cue at `cue` ends (exclusive): auxiliaries,
    /// adverbs, time adjuncts ("on Thursday evening", "last week") and a parenthesis ("Dianne
    /// Feinstein (D-Calif.) said") are skipped.
    pub(super) fn subject_end(&self, ctx: &Ctx, sent_start: usize, cue: usize) -> usize {
        let mut k = cue;
        loop {
            // An adverb in -ly ("fiercely opposed"), unless a determiner makes it a noun ("the
            // family said").
            let adverb = |t: usize| {
                ctx.word(t).len() > 4
                    && ctx.word(t).ends_with("ly")
                    && !ctx.is_capitalised(t)
                    && !(t > sent_start && ctx.is(t - 1, WordClass::NounMarker))
            };
            // "She has since stressed": "since" as an adverb after a perfect auxiliary.
            let perfect_since = k > sent_start + 1
                && ctx.lower_is(k - 1, &["since"])
                && ctx.is(k - 2, WordClass::Have);
            if k > sent_start
                && (ctx.is(k - 1, WordClass::VerbGroup)
                    || perfect_since
                    || ctx.is_clitic_auxiliary(k - 1)
                    || ctx.is(k - 1, WordClass::TimeWord)
                    || adverb(k - 1))
            {
                k -= 1;
                // "Brandt, …, on Friday said": the preposition of a time adjunct.
                if ctx.is(k, WordClass::TimeWord) && k > sent_start && ctx.lower_is(k - 1, &["on"])
                {
                    k -= 1;
                }
            } else if k > sent_start + 1
                && ctx.lower_is(k - 2, &["in"])
                && ctx.word(k - 1).len() == 4
                && ctx.word(k - 1).starts_with(['1', '2'])
                && ctx.doc.tokens[k - 1].kind == TokenKind::Number
            {
                // "who in 2010 said": a year.
                k -= 2;
            } else if k > sent_start + 1
                && ctx.is(k - 1, WordClass::TimeNoun)
                && (ctx.is(k - 2, WordClass::TimeOpener) || ctx.is(k - 2, WordClass::TimeWord))
            {
                k -= 2;
                if k > sent_start && ctx.is(k - 1, WordClass::TimeOpener) {
                    k -= 1;
                }
            } else if let Some(p) = (k.saturating_sub(6).max(sent_start + 1)..k.saturating_sub(2))
                .rev()
                .find(|&p| {
                    // "Avery in a blog post said": a prepositional adjunct after a name.
                    ctx.is(p, WordClass::NameAdjunctPreposition)
                        && ctx.is(p + 1, WordClass::AdjunctDeterminer)
                        && ctx.is_capitalised(p - 1)
                        && (p + 2..k).all(|t| ctx.doc.tokens[t].kind == TokenKind::Word)
                })
            {
                k = p;
            } else if k > sent_start + 1 && ctx.word(k - 1) == ")" {
                match (sent_start..k - 1)
                    .rev()
                    .take(MAX_APPOSITION_TOKENS)
                    .find(|&t| ctx.word(t) == "(")
                {
                    Some(open) => k = open,
                    None => break,
                }
            } else {
                break;
            }
        }
        k
    }

    /// The subject phrase ending right before the cue at `cue` (auxiliaries skipped), as token
    /// range `a..=b`; `None` when a boundary comes first.
    pub(super) fn left_subject(
        &self,
        ctx: &Ctx,
        sent_start: usize,
        cue: usize,
    ) -> Option<(usize, usize)> {
        let k = self.subject_end(ctx, sent_start, cue);
        if k == sent_start {
            return None;
        }
        // "Cruz, who says …": the relative pronoun is the mention (PolNeAR's convention); the
        // attributor resolves it to the noun phrase before it.
        if ctx.lower_is(k - 1, &["who"])
            && k >= sent_start + 2
            && (ctx.word(k - 2) == ","
                || ctx.is_dash(k - 2)
                || ctx.doc.tokens[k - 2].kind == TokenKind::Word
                    && (ctx.is_capitalised(k - 2)
                        || ctx.word(k - 2).ends_with('s')
                        || self.np_word(ctx, k - 2))
                // A share of those polled: "18% who say", "12 percent who say".
                || matches!(ctx.word(k - 2), "%" | "percent"))
        {
            // Also without a comma: "voters who said …".
            return Some((k - 1, k - 1));
        }
        // "The Washington Post, which argued that …": a named organisation's relative clause.
        if ctx.lower_is(k - 1, &["which"])
            && k >= sent_start + 3
            && ctx.word(k - 2) == ","
            && ctx.is_capitalised(k - 3)
        {
            return Some((k - 1, k - 1));
        }
        let b = k - 1;
        // A personal pronoun is the whole subject ("Yet they say", "Right now we are seeing").
        if ctx.is(b, WordClass::Personal) {
            return Some((b, b));
        }
        // The participle of "Voters questioned said" is no boundary of its own phrase.
        let participle = self.trailing_participle(ctx, sent_start, b, k < cue);
        let mut a = self.phrase_start(ctx, sent_start, b - usize::from(participle));
        // Not when the clause is only auxiliaries ("the judge who has been confirmed").
        let verb_ends = !ctx.is(b, WordClass::VerbGroup)
            && !ctx.is(b, WordClass::Modal)
            && ctx.word(b) != "been";
        if let Some(head) = (a <= b && verb_ends)
            .then(|| self.relative_head(ctx, sent_start, a))
            .flatten()
        {
            return Some((head, b));
        }
        // "Experts on tides and river safety said": a coordinated noun phrase opening its sentence.
        let mut coordinated = false;
        if a > sent_start + 1 && ctx.lower_is(a - 1, &["and"]) && a <= b {
            // A list of names may come before "and" ("Dana Pell, Tom Reed and Mara Quill").
            let first = (sent_start..a - 1)
                .rev()
                .take(MAX_SPEAKER_TOKENS)
                .take_while(|&t| {
                    ctx.doc.tokens[t].kind == TokenKind::Word
                        || ctx.word(t) == "," && ctx.is_capitalised(t + 1)
                })
                .last();
            // Every listed word in a person's or organisation's name the tagger found (not
            // "Yesterday, Pell and Reed", "In Dunmore, Pell and Reed").
            let named = |t: usize| {
                let span = ctx.doc.tokens[t].span;
                ctx.doc
                    .entities
                    .iter()
                    .any(|e| e.span.contains(span) && matches!(e.label, Label::Per | Label::Org))
            };
            let names_only = |f: usize| (f..a - 1).all(|t| ctx.word(t) == "," || named(t));
            let listed = |f: usize| (f..a - 1).any(|t| ctx.word(t) == ",");
            if let Some(f) = first.filter(|&f| {
                f == sent_start
                    && (!listed(f) || names_only(f))
                    && (ctx.is_capitalised(f) || ctx.is(f, WordClass::NounMarker))
                    && !self.has_finite_verb(ctx, f, b + 1)
                    && !(f..a - 1).any(|t| self.cue_at(ctx, t, t + 1).is_some())
            }) {
                // "But Richards and Menendez", "Both Democrats and Republicans".
                a = if ctx.is(f, WordClass::ListOpener) {
                    f + 1
                } else {
                    f
                };
                coordinated = true;
            }
        }
        // "Recently she said": a sentence adverb before a pronoun or determiner is no part of
        // the subject.
        if a < b && ctx.word(a).len() > 5 && ctx.word(a).ends_with("ly") && ctx.opens_clause(a + 1)
        {
            a += 1;
        }
        if a > b {
            return None;
        }
        // "More than half of the riders in the Ledger survey said": a long noun phrase
        // opening its sentence, without a verb.
        let long_opener = b + 1 - a <= 2 * MAX_SPEAKER_TOKENS
            && (ctx.is_capitalised(a)
                || ctx.is(a, WordClass::NounMarker)
                || self.np_word(ctx, a) && ctx.word(a).starts_with(char::is_alphabetic))
            // "This follows reports that …": a demonstrative subject with its verb.
            && !ctx.is(a, WordClass::PronounSubject)
            && (a..=b).all(|t| !ctx.is_punct(t) || ctx.is_joiner(t))
            && !(a..=b).any(|t| ctx.is(t, WordClass::Pronoun))
            && !self.has_finite_verb(ctx, a, b + 1)
            && self.opens_main_clause(ctx, sent_start, a, cue);
        if b + 1 - a > MAX_SPEAKER_TOKENS && !long_opener {
            // Too long to be one noun phrase: keep its trailing name-like part.
            let mut s = b + 1;
            while s > a && self.np_word(ctx, s - 1) {
                s -= 1;
            }
            if s > b {
                return None;
            }
            a = s;
        }
        // A pronoun or name must end the phrase; a lowercase non-noun means it is no subject.
        // A participle right before the cue modifies the subject ("those surveyed say").
        let head_end = if participle && a < b && !self.has_finite_verb(ctx, a, b) {
            b - 1
        } else {
            b
        };
        let ok = coordinated || long_opener || self.ends_like_subject(ctx, sent_start, a, head_end);
        ok.then_some((a, b))
    }

    /// Whether token `b`, the last before a cue, is a past participle modifying the noun
    /// phrase before it ("those surveyed say", "Some 56 percent of Cuban-Americans polled
    /// said", "Voters questioned said"): a finite verb never stands right before the finite
    /// cue, so an "-ed" word there after a plural or a name is a reduced relative clause
    /// (not "helped", whose bare infinitive may be the cue: "Roger Ailes helped found …").
    /// After an article-led noun it takes an adjunct between it and the cue (`adjunct`: "A
    /// report published Wednesday said"; not "The move stoked fears").
    pub(super) fn trailing_participle(
        &self,
        ctx: &Ctx,
        sent_start: usize,
        b: usize,
        adjunct: bool,
    ) -> bool {
        let word = ctx.word(b);
        b > sent_start
            && word.len() > 4
            && !ctx.lower_is(b, &["helped"])
            && word.ends_with("ed")
            && word.chars().all(char::is_lowercase)
            && (ctx.is_capitalised(b - 1)
                || ctx.word(b - 1).ends_with('s') && !ctx.is_punct(b - 1)
                || ctx.lower_is(b - 1, &["those"])
                || self.np_word(ctx, b - 1)
                || adjunct && self.article_led_noun(ctx, sent_start, b - 1))
    }

    /// Whether token `n` ends a short lowercase noun phrase opened by an article ("A news
    /// report published Wednesday said", "A court document filed Thursday says").
    pub(super) fn article_led_noun(&self, ctx: &Ctx, sent_start: usize, n: usize) -> bool {
        let lowercase = |t: usize| ctx.word(t).chars().all(|c| c.is_ascii_lowercase());
        (n.saturating_sub(3).max(sent_start)..n)
            .rev()
            .take_while(|&t| lowercase(t) || ctx.is_capitalised(t) && t == sent_start)
            .any(|t| ctx.is(t, WordClass::Article))
            && lowercase(n)
            && !ctx.is(n, WordClass::NounMarker)
    }

    /// Where the noun phrase starts that a relative clause opening at token `a` modifies
    /// ("people who have battled online threats said" is spoken by "people who …"): `None`
    /// after a comma ("Cruz, who has …, said", where PolNeAR's mention is the pronoun) or
    /// when a capitalised word opens the clause.
    pub(super) fn relative_head(&self, ctx: &Ctx, sent_start: usize, a: usize) -> Option<usize> {
        if a < sent_start + 2 || !ctx.lower_is(a - 1, &["who"]) || ctx.is_capitalised(a) {
            return None;
        }
        let head = a - 2;
        if ctx.doc.tokens[head].kind != TokenKind::Word {
            return None;
        }
        let start = self.phrase_start(ctx, sent_start, head);
        (start <= head && head + 1 - start <= MAX_SPEAKER_TOKENS).then_some(start)
    }

    /// Where the phrase ending at token `b` starts, walking left from it: at punctuation, a
    /// quotation mark, a boundary word, a copula or a speech verb (not after a noun marker),
    /// or where a quotation the phrase is outside of ends.
    pub(super) fn phrase_start(&self, ctx: &Ctx, sent_start: usize, b: usize) -> usize {
        let mut a = b + 1;
        while a > sent_start {
            let t = a - 1;
            if ctx.is_punct(t) && ctx.word(t) != "%" && !ctx.is_joiner(t)
                || ctx.is_quote(t) && !matches!(ctx.word(t), "’" | "'")
                || ctx.is(t, WordClass::ClauseLink)
                    && !self.opening_demonstrative(ctx, sent_start, t)
                || ctx.is(t, WordClass::WhBoundary)
                || ctx.is(t, WordClass::Copula) && !ctx.is_capitalised(t)
                || self.cue_at(ctx, t, t + 1).is_some_and(|m| {
                    matches!(m.shape, CueShape::Verb { .. })
                        && m.class == super::CueClass::Speech
                        && !self.speech_noun(ctx, sent_start, t, &m, t == b)
                })
            {
                break;
            }
            if ctx.inside[t].is_some() && ctx.inside[b].is_none() {
                break;
            }
            a -= 1;
        }
        a
    }

    /// Whether the speech verb `m` at token `t` is a noun in a subject: after a noun marker or
    /// a possessive ("the report said", "Trump's tweet said"), or, as a base form that is also
    /// a noun and the `head` of the subject, after one lowercase modifier that follows one
    /// ("The latest tweet said"; not "about the jobs report, Bill McInturff said").
    fn speech_noun(
        &self,
        ctx: &Ctx,
        sent_start: usize,
        t: usize,
        m: &CueMatch,
        head: bool,
    ) -> bool {
        let determiner =
            |k: usize| ctx.is(k, WordClass::NounMarker) || matches!(ctx.word(k), "’s" | "'s");
        t > sent_start && determiner(t - 1)
            || head
                && t > sent_start + 1
                && m.noun_too
                && ctx.word(t).eq_ignore_ascii_case(&m.lemma)
                && ctx.word(t - 1).chars().all(char::is_lowercase)
                && determiner(t - 2)
    }

    /// Whether token `t` is a sentence's opening "That" before a lowercase noun phrase ("That
    /// person said"): a determiner, not a complementizer ("That he said it is clear").
    pub(super) fn opening_demonstrative(&self, ctx: &Ctx, sent_start: usize, t: usize) -> bool {
        t == sent_start
            && ctx.word(t) == "That"
            && t + 1 < ctx.doc.tokens.len()
            && ctx.word(t + 1).chars().all(|c| c.is_ascii_lowercase())
            && !ctx.word(t + 1).ends_with("ed")
            && !ctx.opens_clause(t + 1)
    }

    /// Whether token `t` is an "-ing" participle or gerund opening a phrase of its own
    /// ("announcing that …", "after hinting that …"), not a preposition ("during"), a noun of
    /// time ("evening") or a noun after a determiner ("at a news briefing").
    pub(super) fn participle_ing(&self, ctx: &Ctx, t: usize) -> bool {
        let after_determiner = t > 0 && ctx.is(t - 1, WordClass::NounMarker);
        ctx.word(t).ends_with("ing")
            && !ctx.lower_is(t, &["during"])
            && !ctx.is(t, WordClass::TimeNoun)
            && !after_determiner
    }

    /// Where a date starting at token `t` ends, before `s1` ("Dec. 6", "December 6, 2015"):
    /// a month and a day number, perhaps a year after a comma.
    pub(super) fn date_end(&self, ctx: &Ctx, t: usize, s1: usize) -> Option<usize> {
        let day = t + 1;
        let number = |i: usize| i < s1 && ctx.doc.tokens[i].kind == TokenKind::Number;
        (number(day) && ctx.is(t, WordClass::Month)).then(|| {
            if ctx.word(day + 1) == "," && number(day + 2) && ctx.word(day + 2).len() == 4 {
                day + 3
            } else {
                day + 1
            }
        })
    }

    /// Whether tokens `a..=b` end like a subject: a pronoun, a name, a noun or a quantity, a
    /// determiner-led or plural-headed noun phrase without a verb, or a short verbless phrase
    /// opening its sentence or clause.
    pub(super) fn ends_like_subject(
        &self,
        ctx: &Ctx,
        sent_start: usize,
        a: usize,
        b: usize,
    ) -> bool {
        let last = ctx.word(b);
        ctx.is_capitalised(b)
            || self.np_word(ctx, b)
            || matches!(
                last,
                "%" | "percent"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "ten"
                    | "half"
                    | "majority"
                    | "third"
                    | "quarter"
                    | "dozen"
            )
            || ["he", "she", "they", "it", "we", "i", "people", "both"]
                .contains(&last.to_lowercase().as_str())
            || last.ends_with('s')
            // "the admiral said", "his team believes": a short determiner-led noun phrase.
            // "the admiral said", "A U.S. law enforcement official familiar with the
            // investigation said": a determiner-led noun phrase without a verb; a participle
            // right after the determiner is an adjective ("the retired neurosurgeon said").
            || ctx.is(a, WordClass::PhraseDeterminer) && !self.has_finite_verb(ctx, (a + 2).min(b + 1), b + 1)
            // "lawyers for the county said": a plural head with its modifier.
            || b > a
                && ctx.word(a).len() > 3
                && ctx.word(a).ends_with('s')
                && !ctx.is_capitalised(a)
                && ctx.is(a + 1, WordClass::HeadModifierPreposition)
                && !self.has_finite_verb(ctx, a, b + 1)
            // "Many in the crowd said": a short phrase opening its sentence or clause.
            || (a == sent_start || matches!(ctx.word(a - 1), "," | ";" | "—" | "―" | "–" | "--"))
                && !ctx.is(a, WordClass::PhrasePreposition)
                && b + 1 - a <= 5
                && ctx.doc.tokens[b].kind == TokenKind::Word
                && !self.has_finite_verb(ctx, a, b + 1)
                // "This follows intelligence reports": no present-tense verb inside.
                && !(a..b).any(|t| {
                    ctx.word(t).ends_with('s')
                        && !ctx.is_capitalised(t)
                        && !matches!(ctx.word(t), "’s" | "'s")
                })
    }

    /// A subject followed by an apposition, `“…,” Ki Hong, 33, said` / `Tom John, chairman of
    /// the party, said`: the name before the apposition's opening comma.
    pub(super) fn appositive_subject(
        &self,
        ctx: &Ctx,
        s0: usize,
        cue: usize,
    ) -> Option<(usize, usize)> {
        let k = self.subject_end(ctx, s0, cue);
        // Set off by commas, or by dashes ("The justice — who has … — said").
        let mark = if k > s0 { ctx.word(k - 1) } else { "" };
        let dash = k > s0 && ctx.is_dash(k - 1);
        if mark != "," && !dash {
            return None;
        }
        let close = k - 1;
        // The opening mark of the apposition; a second apposition may precede it ("Dana Pell,
        // the mayor of Eastbrook, one of the towns suing, said").
        let mut open = close;
        let limit = if dash {
            2 * MAX_APPOSITION_TOKENS
        } else {
            MAX_APPOSITION_TOKENS
        };
        let (a, b) = loop {
            // Between dashes the apposition may be longer and quote ("Donald Trump - who
            // said he would "bomb" the fields - said").
            open = (s0..open)
                .rev()
                .take(limit)
                // A possessive apostrophe ("Sanders' campaign manager") is not a quotation.
                .take_while(|&t| {
                    dash || !ctx.is_quote(t) || ctx.marks[t].is_none() && ctx.inside[t].is_none()
                })
                .find(|&t| ctx.word(t) == mark && (mark != "-" || ctx.is_spaced_dash(t)))?;
            let subject = self.left_subject(ctx, s0, open).filter(|&(_, b)| {
                b + 1 == open || ctx.word(b + 1) == "(" && ctx.word(open - 1) == ")"
            });
            // The name must open its clause: sentence start, or right after a quotation.
            // Also after an opening adjunct ("In a statement, one of the lawyers, …") and
            // after a conjunction that opens a second clause ("…, but Digby Jones, its
            // director general, warned").
            // "…, a spokeswoman, Anna White, said": a name of two words or more apposed.
            let described_name =
                |open: usize| close > open + 2 && (open + 1..close).all(|t| ctx.is_capitalised(t));
            let starts_clause = |a: usize| {
                a == s0
                    || ctx.is_quote(a - 1)
                    // "But Asa Khalif, an organizer with the coalition, said"
                    || a == s0 + 1 && ctx.is(s0, WordClass::Connective)
                    || a >= s0 + 2
                        && ctx.is(a - 1, WordClass::ContrastLink)
                        && ctx.word(a - 2) == ","
                        && ctx.is_capitalised(a)
                    || a >= s0 + 2 && ctx.word(a - 1) == "," && ctx.is_quote(a - 2)
                    || a >= s0 + 2
                        && ctx.word(a - 1) == ","
                        && (ctx.is(s0, WordClass::AdjunctPreposition)
                            || ctx.is(s0, WordClass::AdverbialOpener)
                            || ctx.is(s0, WordClass::TimeWord))
                        && !(s0..a - 1).any(|t| ctx.word(t) == "," || ctx.is_quote(t))
                    // "Reached by phone on Tuesday, Joyce — who … — told"
                    || a > s0 && self.opens_main_clause(ctx, s0, a, cue)
                    // An adverbial clause's subject: "…, as Peña Nieto, contradicting Trump,
                    // said …".
                    || a > s0
                        && ctx.is(a - 1, WordClass::Subordinator)
                        && (ctx.is_capitalised(a) || ctx.is(a, WordClass::Article))
                    // After the content it reports: "The plan is dead, Mara Quill, the mayor,
                    // said."
                    // Not when a prepositional phrase follows the name: "Obama warned the
                    // leader, Xi Jinping, during their meeting not to …, said an official".
                    || a >= s0 + 2
                        && ctx.word(a - 1) == ","
                        && (ctx.is_capitalised(a) || described_name(open))
                        && self.has_finite_verb(ctx, s0, a - 1)
                        && !(s0..a - 1).any(|t| ctx.is_quote(t))
                        && !ctx.is(open + 1, WordClass::AdjunctPreposition)
            };
            // Before a second apposition only a name of two words or more ("Dana Pell"), not
            // an opener ("However,", "In July,").
            let first = open + 1 + limit > close && !(open + 1..close).any(|t| ctx.word(t) == mark);
            let name = |a: usize, b: usize| {
                b > a
                    && (a..=b).all(|t| ctx.is_capitalised(t) || ctx.word(t) == ".")
                    && !ctx.is(a, WordClass::AdverbialOpener)
                    && !ctx.is(a, WordClass::NotObject)
            };
            match subject {
                Some((a, b)) if starts_clause(a) && (first || name(a, b)) => break (a, b),
                Some(_) if !dash && close - open < MAX_APPOSITION_TOKENS => continue,
                _ => return None,
            }
        };
        // "The director of the European Centre, Ina Kirsch, told": a capitalised word ends
        // the phrase, but a lowercase noun heads it; the name in the apposition speaks.
        let noun_headed = ctx.is(a, WordClass::Article)
            && (a + 2..b)
                .find(|&t| ctx.lower_is(t, &["of"]))
                .is_some_and(|of| !ctx.is_capitalised(of - 1) || ctx.is(of - 1, WordClass::Role));
        // "The two leading Republicans, Donald J. Trump and Senator Ted Cruz, have": after an
        // article, a capitalised head is still a description when a name is apposed.
        let article = ctx.is(a, WordClass::Article);
        if dash || ctx.is_capitalised(b) && !noun_headed && !article {
            return Some((a, b));
        }
        // "the challenger, Paul Brandt, said", "Drogba's agent, Pape Diouf, said", "Dr
        // Johnson's colleague, Dr Sarah Johnson, said", "His spokesman, Tim Hollis, said": a
        // described name; the name speaks.
        // The name may follow lowercase nouns of its own ("One investor, pensioner Margaret
        // Hill, said"; not "The aides, led by manager Terry Sullivan, told"): then only a
        // name of two words or more.
        let first = (open + 1..close)
            .find(|&t| ctx.is_capitalised(t))
            .unwrap_or(close);
        let nouns = (open + 1..first).all(|t| {
            let w = ctx.word(t);
            w.chars().all(char::is_alphabetic)
                && !w.ends_with("ed")
                && !w.ends_with("ing")
                && !ctx.is(t, WordClass::AdjunctPreposition)
        });
        // The name may carry an affiliation ("Michael Brown of Washington").
        let name_end = (first + 2..close)
            .find(|&t| ctx.lower_is(t, &["of"]))
            .filter(|&t| (t + 1..close).all(|u| ctx.is_capitalised(u) || ctx.word(u) == ","))
            .unwrap_or(close);
        // Coordinated names too ("the two leading Republicans, Donald J. Trump and Senator Ted
        // Cruz, have questioned").
        let name = (first..name_end)
            .all(|t| ctx.is_capitalised(t) || ctx.word(t) == "." || ctx.lower_is(t, &["and"]))
            && ctx.is_capitalised(name_end - 1)
            && (first == open + 1 || nouns && name_end > first + 1);
        let described = ctx.is(a, WordClass::DescribedOpener)
            || (a + 1..b).any(|t| matches!(ctx.word(t), "’s" | "'s"));
        if name && name_end > first && described {
            return Some((first, name_end - 1));
        }
        if ctx.is_capitalised(b) && !noun_headed {
            return Some((a, b));
        }
        // A described subject across an interruption ("The administration, for its part,
        // said", "A spokesman, however, said", "One teacher, who asked not to be named, said",
        // "Two residents, both in their 80s, said").
        let determiner = ctx.is(a, WordClass::PhraseDeterminer) || ctx.is(a, WordClass::Cardinal);
        (b > a && determiner).then_some((a, b))
    }

    /// Where the main clause starts at or after token `a` (a sentence's first word past any
    /// dateline): past an opening subordinate clause or adverbial phrase and its comma
    /// ("During the conference, Wang said"); `None` when an adverbial's end is unknown.
    pub(super) fn past_opening_adverbial(
        &self,
        ctx: &Ctx,
        a: usize,
        limit: usize,
    ) -> Option<usize> {
        // "Though she called …": a subordinator before the subject; "When the host asked
        // about it, Quill seized on it, repeating …": the main clause follows its comma.
        let mut a = a;
        // "Even if …", "Only when …": a focus word before the subordinator.
        if a + 1 < limit
            && ctx.is(a, WordClass::Focus)
            && ctx.is(a + 1, WordClass::FocussedSubordinator)
        {
            a += 1;
        }
        if a < limit && ctx.is(a, WordClass::ClauseLink) && !ctx.is(a, WordClass::AdverbialOpener) {
            a = (a + 1..limit)
                .find(|&t| ctx.word(t) == "," && ctx.inside[t].is_none())
                .map_or(a + 1, |comma| comma + 1);
        }
        // An opening adverbial phrase ("During the conference,", "Earlier Wednesday,",
        // "Similarly,", "Like Mr. Sanders,", "Speaking at a rally,") ends at its comma.
        let adverbial = a < limit
            && (ctx.is(a, WordClass::AdverbialOpener)
                || ctx.is(a, WordClass::TimeWord)
                || ctx.is(a, WordClass::CommaAdverbial)
                || ctx.lower_is(a, &["asked", "when", "to"])
                // "Eight years ago, he …", "Minutes later, the campaign …"
                || (a + 1..limit.min(a + 5))
                    .any(|t| ctx.is(t, WordClass::TimeShift) && t + 1 < limit && ctx.word(t + 1) == ",")
                || ctx.word(a).ends_with("ly")
                || ctx.word(a).ends_with("ing")
                // "Alarmed by the audit, Brandt …"
                || ctx.word(a).ends_with("ed") && a + 1 < limit && ctx.lower_is(a + 1, &["by"]));
        if adverbial {
            if let Some(comma) = (a..limit.min(a + 16)).find(|&t| ctx.word(t) == ",") {
                a = comma + 1;
            } else if ctx.is(a, WordClass::SentenceAdverb) {
                // "Perhaps they …": a one-word adverb without a comma.
                a += 1;
            } else {
                // An adverbial whose end is unknown ("For years she led …") hides the subject.
                return None;
            }
        }
        Some(a)
    }

    /// Whether token `a` starts its sentence's main clause: the sentence's first word, or the
    /// first after an opening adverbial and its comma ("Indeed, aides to Clinton say") or a
    /// conjunction ("But Cologne police say").
    pub(super) fn opens_main_clause(
        &self,
        ctx: &Ctx,
        sent_start: usize,
        a: usize,
        cue: usize,
    ) -> bool {
        a == sent_start
            || a > sent_start
                && self.past_opening_adverbial(ctx, self.after_dateline(ctx, sent_start, cue), cue)
                    == Some(a)
    }

    /// The sentence's grammatical subject: the noun phrase at its start, after an opening
    /// adverbial phrase ("During the conference, Wang said …").
    pub(super) fn sentence_subject(
        &self,
        ctx: &Ctx,
        sent_start: usize,
        limit: usize,
    ) -> Option<(usize, usize)> {
        let mut a = self.after_dateline(ctx, sent_start, limit);
        // `“…,” Avery said, adding …`: the subject follows the opening quotation, or the
        // quotation the sentence starts inside (`“… a hater. He’s a hater,” Trump said, adding
        // …`): a subject is never taken from quoted words.
        let quote = ctx
            .quote_opened_at(a)
            .or_else(|| ctx.inside.get(a).copied().flatten().map(|q| &ctx.quotes[q]));
        if let Some(close) = quote.and_then(|q| q.close) {
            if close + 1 >= limit {
                return None;
            }
            a = close + 1;
            if ctx.word(a) == "," {
                a += 1;
            }
            if let Some(m) = self.cue_at(ctx, a, limit) {
                return self.right_phrase(ctx, a + m.len, limit);
            }
        }
        let a = self.past_opening_adverbial(ctx, a, limit)?;
        let mut b = a;
        while b < limit && (self.np_word(ctx, b) || ctx.is(b, WordClass::Pronoun)) {
            if b > a && ctx.is(b, WordClass::Pronoun) {
                break;
            }
            b += 1;
            if ctx.is(b - 1, WordClass::Pronoun) {
                break;
            }
        }
        // A role modifier ends no subject ("The retired neurosurgeon": not "The retired"),
        // unless it is the object of "of" ("The former secretary of state"); a possessive left
        // ending it would name its possessor ("Clinton's top challenger, Sen. Bernie Sanders").
        let mut end = b;
        while end > a + 1 && self.modifier_only(ctx, end - 1) && !ctx.lower_is(end - 2, &["of"]) {
            end -= 1;
        }
        if end < b && !matches!(ctx.word(end - 1), "’s" | "'s") {
            b = end;
        }
        if b == a + 1 && ctx.is(a, WordClass::DemonstrativePronoun) {
            return None;
        }
        (b > a).then(|| (a, b - 1))
    }

    /// A subject that reads as a source ("he", "Avery", "the mayor", "his aides"), not as the
    /// tail of another clause ("made no comment on").
    pub(super) fn source_like(&self, ctx: &Ctx, a: usize) -> bool {
        ctx.is(a, WordClass::Personal)
            || self.np_word(ctx, a)
            || ctx.is(a, WordClass::CountSubject)
            || ctx.is(a, WordClass::Determiner)
    }

    /// A subject `a..=b` that reads as a source: its first word does ([`Self::source_like`]),
    /// or up to two lowercase modifiers stand before a role, group or person noun ("union
    /// officials", "campaign aides").
    pub(super) fn source_phrase(&self, ctx: &Ctx, a: usize, b: usize) -> bool {
        let modified_noun = b > a
            && b - a <= 2
            && (a..b).all(|t| {
                ctx.doc.tokens[t].kind == TokenKind::Word
                    && !ctx.is_capitalised(t)
                    && !ctx.opens_clause(t)
            })
            && [WordClass::Role, WordClass::Group, WordClass::Person]
                .iter()
                .any(|&c| self.lexicon.is(c, ctx.word(b)));
        self.source_like(ctx, a) || modified_noun
    }

    /// The subject of a cue at `cue` that has none of its own: the speaker of an attribution
    /// right before its comma (`…, Haddad said, adding …`, `…, said Haddad, adding …`), else
    /// the sentence subject.
    pub(super) fn predicate_subject(
        &self,
        ctx: &Ctx,
        s0: usize,
        cue: usize,
    ) -> Option<(usize, usize)> {
        let mut k = cue;
        while k > s0 && (ctx.is(k - 1, WordClass::VerbGroup) || ctx.word(k - 1).ends_with("ly")) {
            k -= 1;
        }
        if k > s0 + 1 && ctx.word(k - 1) == "," {
            let comma = k - 1;
            let mut j = comma;
            while j > s0 && ctx.is(j - 1, WordClass::TimeWord) {
                j -= 1;
            }
            // A verb, not a noun ("walked back the comments,", "Ryan’s remarks,").
            let verb_cue = |t: usize| {
                self.cue_at(ctx, t, comma)
                    .is_some_and(|m| matches!(m.shape, CueShape::Verb { .. }))
                    && !(t > s0
                        && (ctx.is(t - 1, WordClass::NounMarker)
                            || matches!(ctx.word(t - 1), "’s" | "'s")))
            };
            // A finite report ("Haddad said,"), not a gerund ("during a press briefing,").
            if j > s0 && verb_cue(j - 1) && !ctx.word(j - 1).ends_with("ing") {
                if let Some((a, b)) = self
                    .left_subject(ctx, s0, j - 1)
                    .filter(|&(a, _)| self.source_like(ctx, a))
                {
                    return Some((a, b));
                }
            }
            // ", said Haddad, adding …": the source after an inverted report (not the object
            // of another verb: "endorsed Clinton, saying …" is the subject's).
            let inverted_report = |t: usize| {
                verb_cue(t)
                    && t > s0
                    && (ctx.word(t - 1) == "," || ctx.quote_closed_at(t - 1).is_some())
            };
            if let Some(c) = (s0..j)
                .rev()
                .take(MAX_SPEAKER_TOKENS)
                .take_while(|&t| !ctx.is_punct(t) && !ctx.is_quote(t))
                .find(|&t| inverted_report(t))
            {
                if c + 1 < j && (c + 1..j).all(|t| self.np_word(ctx, t)) {
                    return Some((c + 1, j - 1));
                }
            }
            // "a former captain filed a lawsuit, claiming …", "Pell was equally direct,
            // claiming …": the subject of the finite verb of the clause before the comma.
            // The nearest verb with a subject decides, within the comma's clause, which may
            // be coordinated (", and the ACLU has sued the city, saying …").
            let finite = (s0..j)
                .rev()
                .take_while(|&t| !ctx.is_quote(t) && !matches!(ctx.word(t), ";" | ","))
                .filter(|&t| {
                    verb_cue(t) && !ctx.word(t).ends_with("ing")
                        || self.verb_like(ctx, t)
                        // An irregular past ("Trump went after Bush, calling him …").
                        || !ctx.is_capitalised(t) && ctx.is(t, WordClass::PastForm)
                })
                .find_map(|t| self.left_subject(ctx, s0, t))
                .filter(|&(a, _)| {
                    self.source_like(ctx, a)
                        && (a == self.after_dateline(ctx, s0, cue)
                            || ctx.word(a - 1) == ","
                            || ctx.lower_is(a - 1, &["and", "but"]) && ctx.word(a - 2) == ",")
                });
            if finite.is_some() {
                return finite;
            }
        }
        if let Some(subject) = self.subordinate_clause_subject(ctx, s0, k) {
            return Some(subject);
        }
        self.sentence_subject(ctx, s0, cue)
    }

    /// Rule: a cue coordinated after "and" inside an adverbial clause reports for that
    /// clause's subject, not the sentence's ("Some booed, and when Rubio thanked Miami and
    /// said …" → Rubio; "… after some of her followers attacked her and even questioned …").
    /// `k` is the cue's first token after its adverbs; the clause runs back to its
    /// subordinator without punctuation between.
    pub(super) fn subordinate_clause_subject(
        &self,
        ctx: &Ctx,
        s0: usize,
        k: usize,
    ) -> Option<(usize, usize)> {
        if !(k > s0 + 1 && ctx.lower_is(k - 1, &["and"])) {
            return None;
        }
        let subordinator = (s0..k - 1)
            .rev()
            .take_while(|&t| !ctx.is_punct(t) && !ctx.is_quote(t))
            .find(|&t| ctx.is(t, WordClass::Subordinator))?;
        let a = subordinator + 1;
        let verb =
            (a + 1..(k - 1).min(a + MAX_SPEAKER_TOKENS)).find(|&t| self.verb_like(ctx, t))?;
        let mut b = verb - 1;
        while b > a && ctx.is(b, WordClass::VerbGroup) {
            b -= 1;
        }
        let pronoun = b == a && ctx.is(a, WordClass::Personal);
        // A noun ends the subject ("some of her followers"), not an adjective ("as the most
        // qualified person").
        let noun_end = self.np_word(ctx, b) || ctx.word(b).ends_with('s');
        (pronoun || noun_end && self.source_phrase(ctx, a, b)).then_some((a, b))
    }

    /// The noun phrase right after a cue ("said Caddell", "according to X"), stopping at
    /// punctuation or the end of the sentence; temporal tails ("on Sunday") are cut.
    pub(super) fn right_phrase(
        &self,
        ctx: &Ctx,
        from: usize,
        sent_end: usize,
    ) -> Option<(usize, usize)> {
        let mut b = from;
        while b < sent_end
            && !ctx.is_punct(b)
            && (!ctx.is_quote(b) || matches!(ctx.word(b), "’" | "'"))
        {
            if b > from && ctx.is(b, WordClass::RightPhraseEnd) {
                break;
            }
            b += 1;
        }
        (b > from).then(|| (from, b - 1))
    }
}
