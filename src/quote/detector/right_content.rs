//! Content on the right of a cue (`X said that …`, `X told reporters …`, `X announced the
//! decision on Thursday`), and the other right-hand shapes: an adverbial "As X noted, …", a
//! colon ending the sentence, a quotation after the cue's adjuncts.

use super::report::Report;
use super::MAX_OBJECT_TOKENS;
use super::THAT_WINDOW;
use super::{finite_tag, Candidate, Ctx, QuoteSpan, RuleQuoteDetector};
use crate::lexicon::WordClass;
use crate::parse::tree::{dominates, head_of};
use crate::quote::CueClass;
use crate::span::Span;
use crate::token::{is_currency_sign, TokenKind};

/// Where the right content starts, and whether it is a noun-phrase object.
struct RightStart {
    start: usize,
    np_object: bool,
    /// Where the content ends, when already known.
    clause_end: Option<usize>,
    evidence: f32,
}

/// Longest parenthesis between a cue and its "that", in words.
const MAX_PARENTHESIS_WORDS: usize = 9;

/// Longest prepositional adjunct between a cue and the clause it reports, in words after the
/// preposition.
const MAX_ADJUNCT_WORDS: usize = 4;

/// Most words of a clause's subject before its finite verb.
const MAX_SUBJECT_WORDS: usize = 5;

impl RuleQuoteDetector {
    /// "As the Ledger noted, the mayor has …": the attribution is an adverbial clause and
    /// the main clause is the content: after its comma when it opens the sentence (perhaps
    /// after a conjunction: "But as Clyburn noted, …"); around it when it follows a comma
    /// ("Republicans, as the Post observed, now control …"); before it when it ends the
    /// sentence ("…, as David Dayen noted in The Intercept."). Only reports: "As Avery
    /// spoke, …" and "As the city considered it, …" tell the time; past the sentence start
    /// only adjuncts may follow the cue ("as he announced his run, …" is a time).
    pub(super) fn as_clause(&self, r: &Report) -> Option<Option<Candidate>> {
        let (ctx, s0, s1, m, after) = (r.site.ctx, r.site.s0, r.site.s1, r.site.m, r.after);
        let reports = matches!(m.class, CueClass::Speech | CueClass::Report)
            && !matches!(m.lemma.as_str(), "speak" | "talk");
        let (a, b) = r
            .subject
            .filter(|&(a, _)| reports && a > s0 && ctx.lower_is(a - 1, &["as"]))?;
        // "But as …", "And, as …": a conjunction before it is no content.
        let conjunction = ctx.is(s0, WordClass::Coordinator);
        let opens =
            a - 1 == s0 || conjunction && (a - 2 == s0 || a - 3 == s0 && ctx.word(a - 2) == ",");
        let after_comma = !opens && a - 1 > s0 + 1 && ctx.word(a - 2) == ",";
        if !opens && !after_comma
            || after_comma
                && (!self.adjuncts_start(ctx, after, s1)
                    // "as the bill is called": a passive names, it reports nothing.
                    || (b + 1..r.site.i).any(|t| ctx.is(t, WordClass::PassiveBe))
                    // "“Quiet,” he demanded, as Bush continued to interject": the clause
                    // before has its own attribution.
                    || (s0..a - 2).any(|t| self.cue_at(ctx, t, t + 1).is_some()))
        {
            return None;
        }
        // "given that, as The Times reported, he has …": after a subordinator only the
        // clause that follows is the content.
        let subordinate = after_comma && ctx.is(a - 3, WordClass::ClauseLink);
        let c = (after..s1.min(after + MAX_OBJECT_TOKENS + 1))
            .take_while(|&t| !ctx.is_quote(t) && (ctx.word(t) == "," || !ctx.is_punct(t)))
            .find(|&t| ctx.word(t) == ",")
            .filter(|&c| !self.has_finite_verb(ctx, after, c));
        let speaker = Some(ctx.span(a, b));
        let cue = r.cue.clone();
        if after_comma && !(subordinate && c.is_some()) {
            return Some(match c {
                Some(c) => self.around_attribution(ctx, r.si, (a - 2, c + 1), cue, speaker, 0.8),
                None => self.left_content(ctx, r.si, a - 2, cue, speaker, 0.8),
            });
        }
        let c = c?;
        let end = self.content_end(ctx, c + 1, s1);
        Some(
            self.content(ctx, c + 1, end)
                .map(|content| self.one_fragment(ctx, content, cue, speaker, r.si, 0.8)),
        )
    }

    /// Whether only adjuncts stand from token `t` to the next comma or the sentence's end:
    /// nothing, a prepositional or time phrase or an adverb ("in The Intercept", "on
    /// Saturday", "previously"), without a finite verb.
    fn adjuncts_start(&self, ctx: &Ctx, t: usize, s1: usize) -> bool {
        let end = (t..s1).find(|&k| ctx.is_punct(k)).unwrap_or(s1);
        end == t
            || (ctx.is(t, WordClass::AdjunctPreposition)
                || ctx.is(t, WordClass::TimeWord)
                || ctx.is(t, WordClass::CueAdjunct)
                || ctx.word(t).len() > 4 && ctx.word(t).ends_with("ly"))
                && !self.has_finite_verb(ctx, t, end)
    }

    /// `X reports:` ending the sentence introduces the next one (often a block quotation);
    /// unquoted words run to the end of their paragraph, as after a colon mid-sentence.
    pub(super) fn colon_ending(&self, r: &Report) -> Option<Option<Candidate>> {
        let (ctx, si) = (r.site.ctx, r.si);
        if !(r.after + 1 == r.site.s1 && ctx.word(r.after) == ":") {
            return None;
        }
        let Some(next) = ctx.doc.sentences.get(si + 1) else {
            return Some(None);
        };
        let end = if next.tokens.start < next.tokens.end
            && !ctx.is_quote(next.tokens.start)
            && r.site.m.class == CueClass::Speech
        {
            self.paragraph_end(ctx, si + 1)
        } else {
            self.content_end(ctx, next.tokens.start, next.tokens.end)
        };
        Some(self.content(ctx, next.tokens.start, end).map(|content| {
            self.one_fragment(ctx, content, r.cue.clone(), r.subject_span(), si, 0.7)
        }))
    }

    /// `X replied evenly, “…”`, `X wrote to his followers, “…”`: a quotation introduced after
    /// the cue's adjuncts is its content. Right after the cue (`X said, “…” between …`) the
    /// content may run on past the quotation; that case is the general right content, and so
    /// is a complementizer right after the cue (`said that in 2009, “…”`: the content opens
    /// at "that").
    pub(super) fn quotation_after_cue_adjuncts(&self, r: &Report) -> Option<Option<Candidate>> {
        let (ctx, s1, after) = (r.site.ctx, r.site.s1, r.after);
        let open = self
            .quotation_after_adjuncts(ctx, after, s1)
            .filter(|&open| open > after + 1 && !ctx.lower_is(after, &["that"]))?;
        let form = r.form;
        let speaker = match r.subject {
            Some((a, b)) => Some(ctx.span(a, b)),
            None if form.participle || form.prepositional || form.reduced_relative => self
                .predicate_subject(ctx, r.site.s0, r.site.i)
                .map(|(a, b)| ctx.span(a, b)),
            None => None,
        }?;
        let quotation = ctx.quote_opened_at(open).filter(|q| q.close.is_some());
        let content = match quotation {
            Some(q) => Some(q.content),
            None => self.content(ctx, open, self.content_end(ctx, open, s1)),
        };
        Some(content.map(|content| {
            self.one_fragment(ctx, content, r.cue.clone(), Some(speaker), r.si, 0.75)
        }))
    }

    /// The content on the right of the cue, with the subject before it or the subject of
    /// the predicate the cue continues.
    pub(super) fn right_content(&self, r: &Report) -> Option<Candidate> {
        let (ctx, s1, m) = (r.site.ctx, r.site.s1, r.site.m);
        let start = self.right_start(r);
        let known = |start: usize, np_object: bool| RightStart {
            start,
            np_object,
            clause_end: None,
            evidence: 0.8,
        };
        let right = if r.preposition {
            known(start, true)
        } else if let Some(that) = self.free_complementizer(r) {
            // PolNeAR's convention: the complementizer belongs to the content.
            known(that, false)
        } else if let Some(to) = (m.class == CueClass::Intention || m.infinitive)
            .then(|| self.infinitive_after_adjuncts(ctx, r.after, s1))
            .flatten()
        {
            known(to, false)
        } else if m.class == CueClass::Intention {
            return None;
        } else if let Some(question) = m
            .asks_question
            .then(|| self.question_after_person_asked(ctx, r.after, s1))
            .flatten()
        {
            known(question, false)
        } else {
            match self.object_or_clause(r, start) {
                Ok(right) => right,
                Err(claim) => return claim,
            }
        };
        let RightStart {
            start,
            np_object,
            clause_end,
            mut evidence,
        } = right;
        // "maintained a lead", "spoke Spanish": these cues report only clauses.
        // "spoke out against …" keeps its particle phrase.
        if m.clause_only && !r.preposition && !ctx.lower_is(start, &["out"]) {
            let clause = ctx.lower_is(start, &["that"])
                || ctx.is(start, WordClass::QuestionWord)
                || ctx.quote_opened_at(start).is_some()
                || self.has_finite_verb(ctx, start, s1);
            if np_object || !clause {
                return None;
            }
        }
        let mut end = clause_end.unwrap_or_else(|| self.content_end(ctx, start, s1));
        // A relative clause ("Cruz, who says …, left", "Cruz — who says … — left") ends at
        // its closing comma or dash.
        if let Some((a, _)) = r.subject.filter(|&(a, _)| ctx.lower_is(a, &["who"])) {
            let dashed = a > 0 && ctx.is_dash(a - 1);
            let closes = |t: usize| {
                if dashed {
                    ctx.is_dash(t)
                } else {
                    ctx.word(t) == ","
                }
            };
            end = (start..end)
                .find(|&t| closes(t) && ctx.inside[t].is_none())
                .unwrap_or(end);
        }
        if np_object {
            end = self.object_end(r, start, end);
        } else if ctx.is_capitalised(start) && self.lexicon.is(WordClass::BareObject, &m.lemma) {
            end = self.parsed_object_end(r, start, end).unwrap_or(end);
        }
        end = self.predicate_after_quotation(ctx, r.si, start, end);
        let content = self.content(ctx, start, end)?;
        let speaker = match r.subject_span() {
            Some(span) => Some(span),
            None => {
                evidence -= 0.1;
                self.predicate_speaker(r)?
            }
        };
        Some(self.one_fragment(ctx, content, r.cue.clone(), speaker, r.si, evidence))
    }

    /// The first token of the right content: past a parenthesis before a clause (see
    /// [`Self::clause_after_parenthesis`]), time words ("Tuesday", "this week") and a
    /// prepositional adjunct up to the subject that opens the reported clause, a pronoun ("said
    /// in a statement Thursday night they …", "said after the meeting he …"; "after" with a
    /// noun phrase, not opening a clause of its own: "suggested after she won") or a noun
    /// phrase (see [`Self::subject_after_adjunct`]).
    fn right_start(&self, r: &Report) -> usize {
        let (ctx, s1) = (r.site.ctx, r.site.s1);
        if let Some(clause) = self.clause_after_parenthesis(r) {
            return clause;
        }
        let mut start = r.after;
        loop {
            if start < s1 && ctx.is(start, WordClass::TimeWord) {
                start += 1;
            } else if start + 1 < s1 && ctx.time_phrase(start) {
                start += 2;
            } else {
                break;
            }
        }
        let adjunct = start < s1 && ctx.is(start, WordClass::PlacePreposition)
            || start < s1
                && ctx.is(start, WordClass::SequencePreposition)
                && start + 1 < s1
                && ctx.is(start + 1, WordClass::SequenceDeterminer);
        if start < s1 && adjunct {
            if let Some(p) = (start + 1..s1.min(start + 10))
                .take_while(|&t| !ctx.is_punct(t) && !ctx.is_quote(t))
                .find(|&t| ctx.is(t, WordClass::Pronoun))
            {
                start = p;
            } else if let Some(subject) = self.subject_after_adjunct(r, start) {
                start = subject;
            }
        }
        start
    }

    /// Whether token `t`, past the first word after a cue, is the auxiliary of a clause the cue
    /// reports, not of a predicate coordinated with the cue's ("advised the campaign and is …").
    fn clause_auxiliary(ctx: &Ctx, after: usize, t: usize) -> bool {
        t > after && ctx.is(t, WordClass::Auxiliary) && !ctx.is(t - 1, WordClass::ClauseLink)
    }

    /// Rule: when an auxiliary follows a cue that takes the person told, the words before it
    /// hold the reported clause's subject, not only the person told: a name after a lowercase
    /// word ("told the crowd | Mexico would pay"), else all of them ("warned | profits would
    /// be lower", "warned | voters would suffer"). The subject's first token.
    fn subject_before_auxiliary(ctx: &Ctx, after: usize, aux: usize) -> usize {
        let name = (after..aux)
            .rev()
            .take_while(|&t| ctx.is_capitalised(t))
            .last()
            .unwrap_or(aux);
        if name > after && name < aux {
            name
        } else {
            after
        }
    }

    /// Whether cue `r` may report a clause set apart from it by an adjunct: a speech or report
    /// cue with a subject, or a participle ("a tweet saying, if elected, she would …"); not
    /// "say" as "for instance" (", say, single digits, …").
    fn reports_past_adjunct(r: &Report) -> bool {
        matches!(r.site.m.class, CueClass::Speech | CueClass::Report)
            && (r.subject.is_some() || r.form.participle)
    }

    /// Whether a clause opens at token `t`: an auxiliary among its next few words, before any
    /// punctuation, or an "-ed" verb right after a name ("Clinton tried to …"; not "the most
    /// pointed critiques", "a group tied to …").
    fn clause_at(&self, ctx: &Ctx, t: usize, s1: usize) -> bool {
        let end = (t + 1..s1.min(t + MAX_SUBJECT_WORDS + 1))
            .find(|&k| ctx.is_punct(k) || ctx.is_quote(k))
            .unwrap_or(s1.min(t + MAX_SUBJECT_WORDS + 1));
        let name_end = (t..end).find(|&k| !ctx.is_capitalised(k)).unwrap_or(end);
        (t + 1..end).any(|k| ctx.is(k, WordClass::Auxiliary))
            || name_end > t && name_end < end && self.has_finite_verb(ctx, name_end, name_end + 1)
    }

    /// Rule: a parenthesis of up to [`MAX_PARENTHESIS_WORDS`] words in commas or dashes right
    /// after the cue, then a clause ("said, however, the plan was dead", "said, in an
    /// interview on Fox, he is staying", "said — on Twitter — the vote was rigged"). The
    /// clause's first token.
    fn clause_after_parenthesis(&self, r: &Report) -> Option<usize> {
        let (ctx, s1, after) = (r.site.ctx, r.site.s1, r.after);
        if after >= s1 || !Self::reports_past_adjunct(r) {
            return None;
        }
        let mark = ctx.word(after);
        if !matches!(mark, "," | "—" | "–" | "--") {
            return None;
        }
        let close = (after + 1..s1.min(after + MAX_PARENTHESIS_WORDS + 2))
            .take_while(|&t| !ctx.is_quote(t) && (!ctx.is_punct(t) || ctx.word(t) == mark))
            .find(|&t| ctx.word(t) == mark)?;
        let clause = close + 1;
        (close > after + 1
            && clause < s1
            && (ctx.opens_clause(clause) || ctx.is_capitalised(clause))
            && self.clause_at(ctx, clause, s1))
        .then_some(clause)
    }

    /// Rule: the subject of a clause after the cue's prepositional adjunct of a few plain
    /// words ("said on Tuesday the plan was dead", "said in a statement the company would
    /// appeal", "reported on his disclosure forms a fee was …"). Its first token, an article
    /// or possessive.
    fn subject_after_adjunct(&self, r: &Report, preposition: usize) -> Option<usize> {
        let (ctx, s1) = (r.site.ctx, r.site.s1);
        if !Self::reports_past_adjunct(r) {
            return None;
        }
        // No second preposition, clause word or verb inside the adjunct ("in a call from the
        // scene", "in Virginia as the crowd roared").
        let plain = |t: usize| {
            ctx.doc.tokens[t].kind == TokenKind::Word
                && !ctx.is(t, WordClass::Preposition)
                && !ctx.is(t, WordClass::Subordinator)
                && !ctx.is(t, WordClass::ClauseLink)
                && !self.has_finite_verb(ctx, t, t + 1)
        };
        (preposition + 1..s1.min(preposition + MAX_ADJUNCT_WORDS + 2))
            .take_while(|&t| plain(t))
            .find(|&t| {
                Self::second_determiner(ctx, preposition + 1, t)
                    && (self.clause_at(ctx, t, s1)
                        || self.clause_after_time_adjunct(r, preposition, t))
            })
    }

    /// Rule: after a time adjunct ("on Sunday"), which no relative clause modifies, a noun
    /// phrase with any finite verb opens the reported clause ("said on Sunday the country
    /// faced a hard winter", "said on Monday the ferry runs at a loss"; the parse decides a
    /// verb without an ending). Not after another adjunct: "said in a statement the company
    /// released" holds a relative clause.
    fn clause_after_time_adjunct(&self, r: &Report, preposition: usize, t: usize) -> bool {
        let (ctx, s1) = (r.site.ctx, r.site.s1);
        let time = |k: usize| {
            ctx.is(k, WordClass::TimeWord)
                || ctx.is(k, WordClass::Month)
                || ctx.doc.tokens[k].kind == TokenKind::Number
        };
        let end = (t + 1..s1.min(t + MAX_SUBJECT_WORDS + 2))
            .find(|&k| ctx.is_punct(k) || ctx.is_quote(k))
            .unwrap_or(s1.min(t + MAX_SUBJECT_WORDS + 2));
        t > preposition + 1
            && (preposition + 1..t).all(time)
            && (self.has_finite_verb(ctx, t + 1, end)
                || self.parsed_finite_verb(ctx, r.si, t + 1, end))
    }

    /// The complementizer "that" of this cue (not of a clause further on: "said he had heard
    /// that"), unless punctuation or a quotation stands between them (another clause).
    fn free_complementizer(&self, r: &Report) -> Option<usize> {
        let (ctx, s1, i, after) = (r.site.ctx, r.site.s1, r.site.i, r.after);
        // Inside a prepositional adjunct an "-ed" word is a participle, no verb of a clause
        // ("said in an interview taped before the attacks that …").
        let adjunct = after < s1 && ctx.is(after, WordClass::AdjunctPreposition);
        let participle = |t: usize| adjunct && t > after + 1 && ctx.word(t).ends_with("ed");
        let that = (after..s1.min(after + THAT_WINDOW + 4))
            .take_while(|&t| {
                // "blamed the board for claiming that …": past a gerund the "that"
                // belongs to the accusation's noun phrase.
                let gerund = t > after
                    && ctx.lower_is(t, &["of", "for"])
                    && t + 1 < s1
                    && ctx.word(t + 1).ends_with("ing");
                !ctx.is(t, WordClass::SubjectWord)
                    && (r.takes_object || !self.has_finite_verb(ctx, t, t + 1) || participle(t))
                    && !gerund
            })
            .find(|&t| ctx.word(t).eq_ignore_ascii_case("that") && ctx.inside[t] == ctx.inside[i])
            // After a noun, "that" before a verb is a relative pronoun ("said the demands that
            // were made …", "said in a statement that was released …").
            .filter(|&t| t == after || t + 1 >= s1 || !self.verb_like(ctx, t + 1))
            // "said the long hours that the job brings …": a cue without an object followed by
            // a bare noun phrase has no complementizer; that noun phrase is the clause's subject.
            .filter(|&t| {
                r.takes_object
                    || !ctx.is(after, WordClass::ObjectDeterminer)
                    || (after..t).any(|u| {
                        ctx.is(u, WordClass::AdjunctPreposition)
                            || ctx.is(u, WordClass::ObjectPreposition)
                            || ctx.is(u, WordClass::TimeWord)
                    })
            })?;
        // A possessive apostrophe ("CBS News' Charlie Rose") does not block, nor does a quoted
        // title ("told “Morning Edition” that …").
        let title = |q: &QuoteSpan| ctx.quoted_title(q);
        // Nor do the commas of a place name ("in Eastbrook, Ohio, that …").
        let place_comma = |k: usize| {
            ctx.word(k) == ","
                && k > after
                && ctx.is_capitalised(k - 1)
                && (k + 1 < s1 && ctx.is_capitalised(k + 1)
                    || (after..k)
                        .rev()
                        .find(|&u| !ctx.is_capitalised(u))
                        .is_some_and(|u| {
                            ctx.word(u) == "," && u > after && ctx.is_capitalised(u - 1)
                        }))
        };
        // Nor do the marks around a parenthesis of up to nine words right before the "that",
        // after the cue or its object ("warned, however, that …", "said, on Twitter, that
        // …", "said — in an interview — that …", "said (in 2008) that …", "told POLITICO,
        // however, that …").
        let open = (after..that.saturating_sub(1))
            .rev()
            .find(|&u| ctx.is_punct(u) || ctx.is_quote(u));
        let parenthesis = open.is_some_and(|open| {
            let closes = match ctx.word(open) {
                "," | "—" | "–" | "--" => ctx.word(open),
                "(" => ")",
                _ => "",
            };
            that >= open + 3
                && that <= open + MAX_PARENTHESIS_WORDS + 2
                && !closes.is_empty()
                && ctx.word(that - 1) == closes
        });
        let parenthesis_comma = |k: usize| parenthesis && (Some(k) == open || k == that - 1);
        let blocked = that >= after + THAT_WINDOW && !(after..that).any(place_comma)
            || (after..that).any(|k| {
                let quoted_title = ctx.quote_opened_at(k).is_some_and(title)
                    || ctx.quote_closed_at(k).is_some_and(title);
                ctx.is_punct(k) && !place_comma(k) && !parenthesis_comma(k)
                    || ctx.is_quote(k) && !matches!(ctx.word(k), "'" | "’") && !quoted_title
            });
        (!blocked).then_some(that)
    }

    /// Whether token `t` is an article or possessive opening a second noun phrase after the
    /// person told, which starts the content ("told the BBC | the plan was dead", "told
    /// reporters | a deal was close", "told the AP | his firm worked …"); not inside the
    /// object ("the head of the party", "a spokesman for the council").
    fn second_determiner(ctx: &super::Ctx, after: usize, t: usize) -> bool {
        let possessive = ctx.is(t, WordClass::Possessive)
            // Not inside a phrase of the object ("told him and his aides", "told reporters at
            // his home").
            && !ctx.is(t - 1, WordClass::ObjectPhraseLink);
        t > after
            && (ctx.is(t, WordClass::Article) || possessive)
            && !ctx.is(t - 1, WordClass::NounPhraseInside)
    }

    /// Rule: "asked Rubio whether …", "asking him why …", "asked Clinton Friday how …": the
    /// person asked (capitalised words or an object pronoun, at most four) stands between the
    /// cue and the question, which alone is the content. The question's first token.
    fn question_after_person_asked(&self, ctx: &Ctx, after: usize, s1: usize) -> Option<usize> {
        let person = (after..s1.min(after + 4))
            .take_while(|&t| ctx.is_capitalised(t) || ctx.is(t, WordClass::ObjectPronoun))
            .count();
        let question = after + person;
        (person > 0
            && question < s1
            && (ctx.is(question, WordClass::QuestionWord) || ctx.lower_is(question, &["which"])))
        .then_some(question)
    }

    /// The right content of a cue without a complementizer or an infinitive: past the person
    /// told ("told reporters …"), a noun-phrase object ("claimed neutrality in the crisis") or
    /// a clause ("said listings are user generated"). `Err` when this decides the claim
    /// (none, or the paragraph after a colon).
    fn object_or_clause(&self, r: &Report, start: usize) -> Result<RightStart, Option<Candidate>> {
        let (ctx, s1, m, after) = (r.site.ctx, r.site.s1, r.site.m, r.after);
        let mut start = start;
        let mut np_object = false;
        let mut clause_end = None;
        if r.takes_object {
            // "told reporters …", "told Breitbart News Daily host Alex Marlow how …": skip
            // the object phrase (a few words) up to a clause opener.
            while start < s1
                && start < after + MAX_OBJECT_TOKENS
                && (self.np_word(ctx, start)
                    || ctx.doc.tokens[start].kind == TokenKind::Word
                        && !ctx.is(start, WordClass::NotObject)
                        && !ctx.is(start, WordClass::QuestionWord))
                && !ctx.is(start, WordClass::Pronoun)
                && (start == after
                    || !(ctx.is(start, WordClass::SubjectWord)
                        || ctx.is(start, WordClass::Demonstrative)))
                && !Self::second_determiner(ctx, after, start)
                && !Self::clause_auxiliary(ctx, after, start)
            {
                start += 1;
            }
            if start < s1 && Self::clause_auxiliary(ctx, after, start) {
                start = Self::subject_before_auxiliary(ctx, after, start);
            }
            if start > after && start < s1 && ctx.lower_is(start, &["against", "about", "of"]) {
                np_object = true;
            }
            // "told the host on Monday why …", "told reporters last week she …": a time
            // adjunct after the person told.
            if start > after
                && start + 2 < s1
                && ctx.lower_is(start, &["on", "last", "this"])
                && (ctx.is(start + 1, WordClass::TimeWord)
                    || ctx.is(start + 1, WordClass::TimeNoun))
                && (ctx.is(start + 2, WordClass::QuestionWord)
                    || ctx.lower_is(start + 2, &["that"])
                    || ctx.is(start + 2, WordClass::SubjectWord))
            {
                start += 2;
            }
            // A directive ("urged voters to turn out"): its addressee and the infinitive
            // are the content.
            if start > after && start < s1 && ctx.lower_is(start, &["to"]) {
                start = after;
            }
        }
        if start < s1
            && ctx.introduces_quotation(start)
            && start + 1 < s1
            && ctx.quote_opened_at(start + 1).is_some()
        {
            start += 1;
        }
        // "Pell added: The council never listens. …": unquoted words after a colon run to the
        // end of the paragraph.
        if start + 1 < s1
            && ctx.word(start) == ":"
            && m.class == CueClass::Speech
            && !ctx.is_quote(start + 1)
            && ctx.inside[start].is_none()
        {
            if let (Some(speaker), Some(content)) = (
                r.subject_span(),
                self.content(ctx, start + 1, self.paragraph_end(ctx, r.si)),
            ) {
                let cue = r.cue.clone();
                return Err(Some(self.one_fragment(
                    ctx,
                    content,
                    cue,
                    Some(speaker),
                    r.si,
                    0.75,
                )));
            }
        }
        // "claimed victory and was sworn in": a coordinated predicate after the object.
        // Not past a quotation ("called her “third-rate” and referred to …" keeps both).
        let coordinated = self
            .coordinated_predicate(ctx, start, s1)
            .filter(|&c| !(start..c).any(|t| ctx.is_quote(t) && !matches!(ctx.word(t), "'" | "’")));
        // "proposes scrapping the fee", "mentioned raising the budget": a gerund object.
        let gerund = start == after
            && start + 1 < s1
            && self.lexicon.is(WordClass::GerundTaker, &m.lemma)
            && ctx.word(start).ends_with("ing")
            && ctx.doc.tokens[start].kind == TokenKind::Word
            && !ctx.is_capitalised(start);
        let bare_object = start < s1
            && ctx.doc.tokens[start].kind == TokenKind::Word
            && !ctx.is_capitalised(start)
            && !ctx.is(start, WordClass::NotObject)
            && !ctx.opens_clause(start)
            && (!ctx.word(start).ends_with("ing") || gerund);
        if bare_object {
            // "claimed neutrality in the crisis"; "regards China as its rival" keeps its
            // predicate, and so do a subordinate clause ("said if Trump wins, …") and a clause
            // with a finite verb ("said listings are user generated").
            // A modal past an inserted phrase counts too ("said renters and owners
            // - young, old - would qualify").
            // A clause after a spaced dash is not the object's ("call them tales - the plan
            // …").
            let limit = (start + 1..s1)
                .find(|&t| ctx.is_spaced_dash(t))
                .unwrap_or(s1)
                .min(coordinated.unwrap_or(s1));
            np_object = !(start..s1.min(start + 6)).any(|t| ctx.lower_is(t, &["as"]))
                && !ctx.is(start, WordClass::QuestionWord)
                && !self.has_finite_verb(ctx, start, limit);
            if np_object {
                let end = *clause_end
                    .insert(coordinated.unwrap_or_else(|| self.content_end(ctx, start, s1)));
                np_object = !(start..end).any(|t| ctx.is(t, WordClass::Modal));
            }
        }
        let opener_ok = start < s1 && (np_object || bare_object || self.opens_content(r, start));
        if !opener_ok {
            return Err(None);
        }
        // A determiner-led complement without a finite verb is a noun-phrase object
        // ("announced the decision on Thursday"): it ends before its adjuncts.
        if ctx.is(start, WordClass::Determiner)
            && !self.has_finite_verb(ctx, start, coordinated.unwrap_or(s1))
            && !self.finite_after_parenthesis(ctx, start, s1)
        {
            if let Some(c) = coordinated {
                clause_end = Some(c);
            }
            np_object = true;
        }
        Ok(RightStart {
            start,
            np_object,
            clause_end,
            evidence: 0.75,
        })
    }

    /// Rule: a content that is no clause (no finite verb, by the parse) ends at a quotation
    /// followed by a predicate of the speaker's: a coordinated verb or a participle ("called
    /// the merger “a terrible deal” and ranked Fiorina …", "called Cruz the “ultimate
    /// hypocrite,” linking to …", "praised the plan as “the clearest solution”, reflecting
    /// …"). The end (exclusive) of a content from `start` to `end` in sentence `si`.
    fn predicate_after_quotation(&self, ctx: &Ctx, si: usize, start: usize, end: usize) -> usize {
        let first = ctx.doc.sentences[si].tokens.start;
        for t in start.max(1)..end.saturating_sub(2) {
            if ctx.quote_closed_at(t).is_none() {
                continue;
            }
            let next = if ctx.word(t + 1) == "," { t + 2 } else { t + 1 };
            let coordinated = ctx.lower_is(next, &["and", "but"]) && next + 1 < end;
            let participle =
                (next > t + 1 || ctx.word(t - 1) == ",") && ctx.word(next).ends_with("ing");
            if !(coordinated || participle) {
                continue;
            }
            // Only now the parse: most contents hold no such quotation.
            let Some(syntax) = ctx.doc.syntax(si) else {
                return end;
            };
            let tag = |t: usize| syntax.xpos.get(t - first).copied().unwrap_or("");
            if self.parsed_finite_verb(ctx, si, start, t) {
                return end;
            }
            // The parse may take the coordinated verb for a participle ("and ranked").
            if coordinated && (finite_tag(tag(next + 1)) || tag(next + 1) == "VBN")
                || participle && tag(next) == "VBG"
            {
                return t + 1;
            }
        }
        end
    }

    /// Whether the word at `start` may open a content right of a cue: a wh-word, a quotation,
    /// a capitalised word, a clause opener or a number, a quantifier ("says too many parents
    /// are torn"), an approximate count ("said about half of the cuts were wasted"), a focus
    /// word before a clause ("said only Congress can act") or a gerund subject ("says going
    /// through it has helped him", with a finite verb the parse may find).
    fn opens_content(&self, r: &Report, start: usize) -> bool {
        let (ctx, s1) = (r.site.ctx, r.site.s1);
        ctx.is(start, WordClass::QuestionWord)
            || ctx.quote_opened_at(start).is_some()
            || ctx.is_capitalised(start)
            || ctx.opens_clause(start)
            || ctx.doc.tokens[start].kind == TokenKind::Number
            || ctx.lower_is(start, &["too"])
                && start + 1 < s1
                && ctx.is(start + 1, WordClass::DegreeQuantifier)
            || self.approximate_count(ctx, start, s1)
            || self.focused_clause(ctx, start, s1)
            || ctx.word(start).ends_with("ing")
                && (self.has_finite_verb(ctx, start, s1)
                    || self.parsed_finite_verb(ctx, r.si, start, s1))
    }

    /// Whether a focus word at `start` opens a clause: "just because …", "only Congress can
    /// act", "even Republicans agree" — the next word could open one, and a finite verb follows.
    fn focused_clause(&self, ctx: &Ctx, start: usize, s1: usize) -> bool {
        let next = start + 1;
        ctx.is(start, WordClass::Focus)
            && next < s1
            && (ctx.opens_clause(next)
                || ctx.is_capitalised(next)
                || ctx.is(next, WordClass::Subordinator))
            && self.has_finite_verb(ctx, next, s1)
    }

    /// Whether "about" at `start` (before `end`) approximates a number ("about half", "about
    /// 40 percent") rather than opening a topic ("talked about the plan").
    fn approximate_count(&self, ctx: &Ctx, start: usize, end: usize) -> bool {
        start + 1 < end
            && ctx.lower_is(start, &["about"])
            && (ctx.doc.tokens[start + 1].kind == TokenKind::Number
                || ctx.lower_is(start + 1, &["half"])
                || ctx.is(start + 1, WordClass::Cardinal))
    }

    /// Whether the parse of sentence `si` has a finite verb among tokens `from..to`.
    fn parsed_finite_verb(&self, ctx: &Ctx, si: usize, from: usize, to: usize) -> bool {
        let first = ctx.doc.sentences[si].tokens.start;
        ctx.doc.syntax(si).is_some_and(|syntax| {
            (from..to)
                .any(|t| t >= first && syntax.xpos.get(t - first).is_some_and(|x| finite_tag(x)))
        })
    }

    /// Rule: after a cue whose content is a bare name (`bareobject`), a name the parse makes
    /// the cue verb's object is the whole content ("endorsed Mr. Trump at a news conference"
    /// → "Mr. Trump"; "endorsed Senator Ted Cruz of Texas"). The end (exclusive) of such a
    /// content from `start`, before `end`.
    fn parsed_object_end(&self, r: &Report, start: usize, end: usize) -> Option<usize> {
        let ctx = r.site.ctx;
        let first = ctx.doc.sentences[r.si].tokens.start;
        let syntax = ctx.doc.syntax(r.si)?;
        // Word indices within the sentence.
        let verb = ctx
            .doc
            .tokens
            .partition_point(|t| t.span.start < r.cue.span.start)
            .checked_sub(first)?;
        let (start, end) = (start - first, end - first);
        let object = (start..end).find(|&k| {
            syntax.relations.get(k) == Some(&"obj") && head_of(syntax, k) == Some(verb)
        })?;
        let last = (object..end)
            .take_while(|&k| dominates(syntax, object, k))
            .last()?;
        ((start..object).all(|k| dominates(syntax, object, k)) && last + 1 < end)
            .then_some(first + last + 1)
    }

    /// Where a noun-phrase object starting at `start` ends, before `end`: at punctuation, a
    /// spaced dash or a time adjunct; a short parenthesis belongs to the object ("Gov. Rick
    /// Snyder (R) to resign").
    fn object_end(&self, r: &Report, start: usize, end: usize) -> usize {
        let ctx = r.site.ctx;
        let mut parenthesis_end = 0;
        (start + 1..end)
            .find(|&t| {
                if t < parenthesis_end {
                    return false;
                }
                if ctx.word(t) == "(" {
                    if let Some(close) = (t + 1..end.min(t + 6)).find(|&u| ctx.word(u) == ")") {
                        parenthesis_end = close + 1;
                        return false;
                    }
                }
                // Not at a price or a hyphen ("$15 million", "so-called"), and not at a
                // preposition that belongs to the object ("blamed the delays on underfunding"),
                // only at one that opens a time adjunct ("on Thursday", "at the time").
                // "said as much in an interview": where the words were said.
                let venue = ctx.lower_is(t, &["in", "during"])
                    && t + 2 < end
                    && ctx.is(t + 1, WordClass::AdjunctDeterminer)
                    && ctx.is(t + 2, WordClass::Venue);
                let time_adjunct = venue
                    || ctx.is(t, WordClass::TimePreposition)
                        && t + 1 < end
                        && (ctx.is(t + 1, WordClass::TimeWord)
                            || ctx.is(t + 1, WordClass::TimeNoun)
                            || ctx.doc.tokens[t + 1].kind == TokenKind::Number
                            || ctx.is_capitalised(t + 1)
                            || ctx.lower_is(t + 1, &["the"])
                                && t + 2 < end
                                && ctx.is(t + 2, WordClass::PeriodPart));
                // Not at ", including …", ", such as …" or ", and a need to …": the object
                // goes on.
                let continues = ctx.word(t) == ","
                    && t + 2 < end
                    && (ctx.lower_is(t + 1, &["including", "such"])
                        || ctx.lower_is(t + 1, &["and", "or"])
                            && ctx.is(t + 2, WordClass::NounPhraseDeterminer)
                            && !self.has_finite_verb(ctx, t + 2, end));
                // A spaced dash ("… impulses - it has …") ends it; a hyphen does not.
                let dash = ctx.is_spaced_dash(t);
                ctx.is_punct(t)
                    && !matches!(ctx.word(t), "%" | "-" | "'" | "’")
                    && !ctx.word(t).chars().all(is_currency_sign)
                    && !continues
                    || dash
                    || time_adjunct
                    || ctx.is(t, WordClass::ContentEndAdjunct)
                    // "following the attack", not "the following picture".
                    || ctx.lower_is(t, &["following"])
                        && !ctx.is(t - 1, WordClass::NounMarker)
                        && !matches!(ctx.word(t - 1), "’s" | "'s")
                        && t + 1 < end
                        && !ctx.is_punct(t + 1)
            })
            .unwrap_or(end)
    }

    /// The source of a cue without a subject of its own: coordinated or interrupted
    /// predicates ("… but said", ", citing X, said", ", adding that") and participles ("…
    /// issued a statement saying that …") take the sentence subject. `None` when the cue is
    /// at no such boundary (no claim), `Some(None)` when the sentence has no subject.
    fn predicate_speaker(&self, r: &Report) -> Option<Option<Span>> {
        let (ctx, s0, i, form) = (r.site.ctx, r.site.s0, r.site.i, r.form);
        let mut k = i;
        while k > s0 && ctx.is(k - 1, WordClass::VerbGroup) {
            k -= 1;
        }
        let at_boundary = form.participle
            || form.prepositional
            || form.reduced_relative && ctx.word(i).ends_with("ing")
            || k > s0 && (ctx.word(k - 1) == "," || ctx.lower_is(k - 1, &["and", "but"]))
            // ", citing the “unique magic of the fair,” said …": a mid-sentence
            // quotation ending in its comma.
            || k > s0 + 1
                && ctx.quote_closed_at(k - 1).is_some_and(|q| q.open > s0)
                && ctx.word(k - 2) == ",";
        at_boundary.then(|| {
            self.predicate_subject(ctx, s0, i)
                .map(|(a, b)| ctx.span(a, b))
        })
    }
}
