//! Candidates from cues: a verb cue with its speaker and content on either side, a noun cue
//! ("his claim that …"), a source phrase ("according to X, …"), and claims relayed by
//! "citing X".

use super::report::Report;
use super::{question_claim, vetoes, Ctx, RuleQuoteDetector};
use crate::lexicon::WordClass;
use crate::quote::cues::CueShape;
use crate::quote::{Candidate, Cue, CueMatch, Kind};
use crate::span::Span;
use crate::token::TokenKind;

/// Longest agent phrase of a report noun, in tokens ("by Republican presidential candidate
/// Donald Trump" has 5 after "by").
const MAX_AGENT_TOKENS: usize = 10;

impl RuleQuoteDetector {
    /// "X, citing Y, said CONTENT": when the cited phrase `Y` after the citing cue at token
    /// `i` names a source (a name or a person noun), the claim of the report after it is
    /// relayed with `Y` for its speaker.
    pub(super) fn relayed_by_citation(
        &self,
        ctx: &Ctx,
        si: usize,
        i: usize,
        m: &CueMatch,
        out: &[Candidate],
    ) -> Option<Candidate> {
        let doc = ctx.doc;
        let sent = &doc.sentences[si];
        let cue_start = doc.tokens[i].span.start;
        let relayed = out.iter().find(|c| {
            c.sentence == si && c.cue.as_ref().is_some_and(|cue| cue.span.start > cue_start)
        })?;
        let (a, b) = self
            .right_phrase(ctx, i + m.len, sent.tokens.end)
            .filter(|&(a, b)| ctx.is_capitalised(a) || self.source_phrase(ctx, a, b))?;
        // "citing the “magic of the fair”": a quotation cited is no source.
        let cited_end = (b + 1).min(sent.tokens.end - 1);
        if (i + m.len..=cited_end).any(|t| ctx.is_quote(t) && !matches!(ctx.word(t), "'" | "’")) {
            return None;
        }
        Some(Candidate {
            cue: Some(m.cue(ctx.span(i, i + m.len - 1))),
            speaker: Some(ctx.span(a, b)),
            evidence: 0.7,
            writer: false,
            ..relayed.clone()
        })
    }

    /// "McCain said …, citing low economic growth and unemployment", "The Journal, citing
    /// internal documents, reported …", "The company cut jobs, citing weak demand": what is
    /// cited (no source) is the content of a report by the speaker of the sentence's claim, or
    /// by its subject (PolNeAR's convention). Before the clause it modifies, the cited phrase
    /// ends at its comma; after it, with the sentence.
    pub(super) fn cited_claim(
        &self,
        ctx: &Ctx,
        si: usize,
        i: usize,
        m: &CueMatch,
        out: &[Candidate],
    ) -> Option<Candidate> {
        let sent = &ctx.doc.sentences[si];
        let (s0, s1) = (sent.tokens.start, sent.tokens.end);
        let start = i + m.len;
        let cue_start = ctx.doc.tokens[i].span.start;
        let main = out
            .iter()
            .filter(|c| c.sentence == si && c.cue.is_some() && c.speaker.is_some())
            .min_by_key(|c| {
                c.cue
                    .as_ref()
                    .map_or(0, |cue| cue.span.start.abs_diff(cue_start))
            });
        let before_clause = i == s0
            || main.is_some_and(|c| c.cue.as_ref().is_some_and(|q| q.span.start > cue_start));
        let end = if before_clause {
            match ctx.quote_opened_at(start).and_then(|q| q.close) {
                Some(close) => close + 1,
                // At a comma outside quotation marks, or after a quotation it closes
                // ("citing the “strong sales,” said").
                None => (start..s1).find_map(|t| {
                    if ctx.word(t) == "," && ctx.inside[t].is_none() {
                        Some(t)
                    } else {
                        (ctx.word(t - 1) == "," && ctx.quote_closed_at(t).is_some())
                            .then_some(t + 1)
                    }
                })?,
            }
        } else {
            self.content_end(ctx, start, s1)
        };
        let content = self.content(ctx, start, end)?;
        let speaker = match main {
            Some(c) => c.speaker,
            None => self
                .sentence_subject(ctx, s0, i)
                .map(|(a, b)| ctx.span(a, b)),
        }?;
        Some(Candidate {
            kind: self.kind_of(ctx, content),
            fragments: vec![content],
            cue: Some(m.cue(ctx.span(i, i + m.len - 1))),
            speaker: Some(speaker),
            sentence: si,
            evidence: 0.6,
            writer: false,
        })
    }

    /// A candidate for the cue verb at token `i` of sentence `si`.
    pub(super) fn verb_candidate(
        &self,
        ctx: &Ctx,
        si: usize,
        i: usize,
        m: &CueMatch,
        takes_object: bool,
    ) -> Option<Candidate> {
        let sent = &ctx.doc.sentences[si];
        let (s0, s1) = (sent.tokens.start, sent.tokens.end);
        let site = vetoes::Site {
            detector: self,
            ctx,
            s0,
            s1,
            i,
            m,
        };
        let (goes_on, raised) = (site.goes_on(), site.raised());
        if site.vetoed_early() {
            return None;
        }
        if let Some(claim) = self
            .asked_question(&site, si)
            .or_else(|| self.passive_agent(&site, si))
        {
            return claim;
        }
        if site.vetoed_late() {
            return None;
        }
        let form = site.verb_form();
        if !form.reports(&site) {
            return None;
        }
        // Inside a quotation only third-person reports count ("He told me that …"); in news,
        // first- and second-person thoughts ("I think") are the quoted speaker's voice. Of
        // those, only quotations within a closed quotation survive `drop_nested`.
        let first_person = i > s0 && ctx.is(i - 1, WordClass::FirstOrSecondPerson);
        let third_person =
            i > s0 && (ctx.lower_is(i - 1, &["he", "she"]) || ctx.is_capitalised(i - 1));
        if ctx.inside[i].is_some() && (!third_person || first_person) {
            return None;
        }
        let mut after = i + m.len;
        let mut cue_end = i + m.len - 1;
        // Prepositional cues: "boasted of", "calls for", "alluded to", also behind an adverb
        // ("spoke briefly about").
        let joins = |t: usize| {
            t < s1
                && m.prepositions
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(ctx.word(t)))
        };
        // Also behind a time word ("called Friday for …").
        let at = if after < s1
            && (ctx.word(after).ends_with("ly") || ctx.is(after, WordClass::TimeWord))
            && after + 1 < s1
            && joins(after + 1)
        {
            after + 1
        } else {
            after
        };
        let preposition = joins(at);
        if preposition {
            cue_end = at;
            after = at + 1;
        }
        let cue_start = if goes_on {
            i - 3
        } else if raised {
            i - 2
        } else if let Some(aspect) = form.aspect_verb {
            aspect
        } else {
            i
        };
        let cue = m.cue(ctx.span(cue_start, cue_end));
        // A participle after a noun phrase ("a flyer stating, “…”") reports for
        // that phrase only when it reads as a source ("Hillary Clinton asking, “…”").
        let subject = if let Some(w) = form.absolute {
            Some((w + 1, i - 1))
        } else if form.participle || form.prepositional {
            None
        } else {
            self.left_subject(ctx, s0, cue_start)
                .or_else(|| self.appositive_subject(ctx, s0, cue_start))
                .filter(|&(a, _)| !ctx.word(i).ends_with("ing") || self.source_like(ctx, a))
        };

        // Left content (`“Q,” X said.` / `Q, X said.` / `“Q,” said X.`): see `subject_first`.
        // `X said, “…”` and `X said: “…”` take the quotation on the right.
        let quote_follows = after + 1 < s1
            && ctx.introduces_quotation(after)
            && ctx.quote_opened_at(after + 1).is_some();
        let right_is_end =
            after >= s1 || ctx.is_punct(after) && ctx.word(after) != ":" && !quote_follows;
        // `“Why?” asked X.` / `“Why?” X asked.`: the sentence splitter ends a sentence at the
        // question mark, so the quotation is the previous sentence's last token.
        let question = self.question_before(ctx, si);
        let inverted = !form.participle
            && subject.is_none()
            && (i > s0 && (ctx.word(i - 1) == "," || ctx.is_quote(i - 1))
                || i == s0 && question.is_some())
            && self.source_may_follow(ctx, after, s1);
        if let Some((a, b)) = inverted
            .then(|| self.inverted_source(ctx, after, s1))
            .flatten()
        {
            if let (true, Some(q)) = (i == s0, question) {
                return Some(question_claim(q, cue, ctx.span(a, b), si));
            }
            if let Some(close) = self.inverted_parenthesis_end(ctx, (s0, s1), i, b) {
                let speaker = Some(ctx.span(a, b));
                return self.around_attribution(ctx, si, (i - 1, close + 1), cue, speaker, 0.85);
            }
            return self.left_content(ctx, si, i, cue, Some(ctx.span(a, b)), 0.9);
        }
        let report = Report {
            site: &site,
            si,
            cue: &cue,
            form: &form,
            subject,
            after,
            preposition,
            takes_object,
            question,
            right_is_end,
        };
        if let Some(subject) = subject {
            if let Some(claim) = self.subject_first(&report, subject) {
                return claim;
            }
        }
        if let Some(claim) = self
            .as_clause(&report)
            .or_else(|| self.colon_ending(&report))
            .or_else(|| self.quotation_after_cue_adjuncts(&report))
        {
            return claim;
        }
        self.right_content(&report)
    }

    /// A claim whose content is the one span `content` of sentence `si`.
    pub(super) fn one_fragment(
        &self,
        ctx: &Ctx,
        content: Span,
        cue: Cue,
        speaker: Option<Span>,
        si: usize,
        evidence: f32,
    ) -> Candidate {
        Candidate {
            kind: self.kind_of(ctx, content),
            fragments: vec![content],
            cue: Some(cue),
            speaker,
            sentence: si,
            evidence,
            writer: false,
        }
    }

    /// Content to the left of an attribution at token `end` (exclusive): the quotation that
    /// closes there, or the clause from the sentence start (or the quotation's opening mark
    /// when it opened in an earlier sentence).
    pub(super) fn left_content(
        &self,
        ctx: &Ctx,
        si: usize,
        end: usize,
        cue: Cue,
        speaker: Option<Span>,
        evidence: f32,
    ) -> Option<Candidate> {
        let s0 = ctx.doc.sentences[si].tokens.start;
        let mut e = end;
        while e > s0
            && (ctx.word(e - 1) == ","
                || ctx.is_quote(e - 1) && ctx.quote_closed_at(e - 1).is_none())
        {
            e -= 1;
        }
        let mut start = s0;
        // A quotation closing right before the attribution (after an optional comma).
        let mut k = e;
        while k > s0 && ctx.word(k - 1) == "," {
            k -= 1;
        }
        if k > s0 {
            if let Some(q) = ctx.quote_closed_at(k - 1) {
                // Also after a comma closing another attribution ("…, telling a host,
                // “A,” she said").
                let introduced = q.open > s0
                    && matches!(ctx.word(q.open - 1), ":" | "—" | "–" | "--")
                    || q.open > s0 + 1
                        && ctx.word(q.open - 1) == ","
                        && (s0..q.open - 1).any(|t| {
                            self.cue_at(ctx, t, q.open).is_some_and(|m| {
                                matches!(m.shape, CueShape::Verb { .. })
                                    && m.class == super::CueClass::Speech
                            })
                        });
                if ctx.doc.tokens[q.open].span.start <= ctx.doc.sentences[si].span.start
                    || q.open == s0
                    || introduced
                {
                    return Some(Candidate {
                        kind: Kind::Direct,
                        fragments: vec![q.content],
                        cue: Some(cue),
                        speaker,
                        sentence: si,
                        evidence,
                        writer: false,
                    });
                }
                start = q.open.min(start);
            }
        }
        // A quotation opened in an earlier sentence and closed in this one belongs to the content.
        if let Some(q) = (s0..end)
            .filter_map(|t| ctx.quote_closed_at(t))
            .find(|q| q.open < s0)
        {
            start = q.open;
        }
        let content = self.content(ctx, start, e)?;
        Some(self.one_fragment(ctx, content, cue, speaker, si, evidence))
    }

    /// The possessor ending in `s` before the apostrophe at `mark`, as first and last token: a
    /// name ("Sanders’ warnings") or a plural noun with one modifier ("budget hawks’
    /// warnings").
    pub(super) fn plural_possessor(
        &self,
        ctx: &Ctx,
        s0: usize,
        mark: usize,
    ) -> Option<(usize, usize)> {
        let b = mark
            .checked_sub(1)
            .filter(|&b| b >= s0 && ctx.word(b).ends_with('s'))?;
        let mut a = b;
        if ctx.is_capitalised(b) {
            while a > s0 && b - a < 3 && (ctx.is_capitalised(a - 1) || ctx.word(a - 1) == ".") {
                a -= 1;
            }
        } else if a > s0
            && ctx.doc.tokens[a - 1].kind == TokenKind::Word
            && !ctx.is_capitalised(a - 1)
            && !ctx.is(a - 1, WordClass::NounMarker)
            && !ctx.word(a - 1).ends_with("ing")
            && !ctx.word(a - 1).ends_with("ed")
        {
            a -= 1;
        }
        Some((a, b))
    }

    /// A nominal report with its possessor or agent as the source: `his claim that …`,
    /// `Trump’s repeated assertion that …`, `allegations by opposition MPs that …`.
    pub(super) fn noun_candidate(
        &self,
        ctx: &Ctx,
        si: usize,
        i: usize,
        m: &CueMatch,
    ) -> Option<Candidate> {
        let sent = &ctx.doc.sentences[si];
        let (s0, s1) = (sent.tokens.start, sent.tokens.end);
        if let Some((agent, that)) = self.agent_phrase(ctx, i, s1) {
            let end = self.content_end(ctx, that, s1);
            let content = self.content(ctx, that, end)?;
            let speaker = ctx.span(agent.0, agent.1);
            return Some(self.one_fragment(
                ctx,
                content,
                m.cue(ctx.span(i, i)),
                Some(speaker),
                si,
                0.8,
            ));
        }
        let that = i + 1;
        // A complement clause, not a relative one ("the claims that were made").
        if ctx.inside[i].is_some()
            || that + 1 >= s1
            || !ctx.lower_is(that, &["that"])
            || self.has_finite_verb(ctx, that + 1, that + 2)
            || ctx.is_punct(that + 1)
        {
            return None;
        }
        // Up to two modifiers between the possessor and the noun ("his repeated claim").
        let mut p = i;
        while p > s0
            && i - p < 2
            && ctx.doc.tokens[p - 1].kind == TokenKind::Word
            && !ctx.is_capitalised(p - 1)
            && !ctx.is(p - 1, WordClass::NounMarker)
            && !matches!(ctx.word(p - 1), "’s" | "'s")
        {
            p -= 1;
        }
        // The possessor speaks ("his claim that", "Ruiz’s assertion that"); without one the
        // content is reported with its source unnamed ("complaints that", "the belief that").
        let speaker = if p == s0 {
            None
        } else if ctx.is(p - 1, WordClass::PossessiveSpeaker) {
            Some((p - 1, p - 1))
        } else if matches!(ctx.word(p - 1), "’s" | "'s") {
            let b = p
                .checked_sub(2)
                .filter(|&b| b >= s0 && ctx.is_capitalised(b))?;
            let mut a = b;
            while a > s0 && b - a < 3 && (ctx.is_capitalised(a - 1) || ctx.word(a - 1) == ".") {
                a -= 1;
            }
            Some((a, b))
        } else if matches!(ctx.word(p - 1), "’" | "'") && ctx.quote_closed_at(p - 1).is_none() {
            self.plural_possessor(ctx, s0, p - 1)
        } else {
            None
        };
        let end = self.content_end(ctx, that, s1);
        let content = self.content(ctx, that, end)?;
        Some(self.one_fragment(
            ctx,
            content,
            m.cue(ctx.span(i, i)),
            speaker.map(|(a, b)| ctx.span(a, b)),
            si,
            if speaker.is_some() { 0.6 } else { 0.4 },
        ))
    }

    /// Whether the verb cue at `i` is a report noun with its agent ("claims by X that …"): a
    /// form of a noun cue, then "by" ("from" follows verbs too: "notes from experience that").
    pub(super) fn noun_with_agent(&self, ctx: &Ctx, i: usize, s1: usize) -> bool {
        i + 2 < s1
            && ctx.lower_is(i + 1, &["by"])
            && self.cues.noun_at(ctx.word(i)).is_some()
            && self.agent_phrase(ctx, i, s1).is_some()
    }

    /// Rule: the agent of a report noun speaks, and the "that" clause after it is the report's
    /// content, not the content of the verb before the noun ("The minister denied allegations
    /// by opposition MPs that he misled parliament": the MPs allege; "complaints from his
    /// American counterpart that …"). The agent is at most [`MAX_AGENT_TOKENS`] words after
    /// "by" or "from", with no finite verb, up to a preposition; of a name in apposition ("an
    /// allegation from his first wife, Ivana Trump, that …") the name. Returns the agent's
    /// first and last token and the "that".
    fn agent_phrase(&self, ctx: &Ctx, i: usize, s1: usize) -> Option<((usize, usize), usize)> {
        let a = i + 2;
        if ctx.inside[i].is_some() || a >= s1 || !ctx.lower_is(i + 1, &["by", "from"]) {
            return None;
        }
        let mut first = a;
        // A preposition after the agent's first word ends it ("by chief prosecutor Michel
        // Bourlet on Belgian television that …").
        let mut cut = None;
        let mut t = a;
        while t < s1.min(a + MAX_AGENT_TOKENS) && !ctx.lower_is(t, &["that"]) {
            if t > first && cut.is_none() && ctx.is(t, WordClass::Preposition) {
                cut = Some(t);
            }
            let word = ctx.doc.tokens[t].kind == TokenKind::Word;
            // A comma opens an apposition, a name ("the secretary of the Treasury, Jacob J.
            // Lew, that …"), not a phrase about the report ("…, inserted in the flyleaf, …").
            let apposition = ctx.word(t) == "," && t + 1 < s1 && ctx.is_capitalised(t + 1);
            // "promises from X to support the volumes that …": the report's content is the
            // infinitive, and "that" opens a relative clause.
            if !word && !apposition && ctx.word(t) != "," || ctx.lower_is(t, &["to"]) {
                return None;
            }
            if apposition && first == a {
                first = t + 1;
                cut = None;
            } else if ctx.word(t) == ","
                && !apposition
                && !(t + 1 < s1 && ctx.lower_is(t + 1, &["that"]))
            {
                return None;
            }
            t += 1;
        }
        let that = t;
        let b = match cut {
            Some(c) => c - 1,
            None if ctx.word(that - 1) == "," => that - 2,
            None => that - 1,
        };
        let found = that < s1 && ctx.lower_is(that, &["that"]);
        let content_opens = that + 1 < s1 && !ctx.is_punct(that + 1);
        (found && b >= first && content_opens && !self.has_finite_verb(ctx, a, that))
            .then_some(((first, b), that))
    }

    /// Rule: after a parenthetical source the text goes on describing the source, not the
    /// content, when it opens with a relative pronoun, an indefinite article, "including" or
    /// a role or person noun ("…, according to Jason Delisle, who was an adviser …", "…,
    /// according to Andy Smith, director of the Survey Center"; not "…, according to aides,
    /// is ready to …").
    fn describes_source(&self, ctx: &Ctx, t: usize) -> bool {
        ctx.is(t, WordClass::SourceModifier)
            || ctx.is(t, WordClass::Role)
            || ctx.is(t, WordClass::Person)
    }

    /// "according to X, CONTENT" or "CONTENT, according to X".
    pub(super) fn source_candidate(
        &self,
        ctx: &Ctx,
        si: usize,
        i: usize,
        m: &CueMatch,
    ) -> Option<Candidate> {
        let sent = &ctx.doc.sentences[si];
        let (s0, s1) = (sent.tokens.start, sent.tokens.end);
        let cue = m.cue(ctx.span(i, i + m.len - 1));
        let from = i + m.len;
        let (a, mut b) = self.right_phrase(ctx, from, s1)?;
        // "news released by the Ministry": the source is the agent after "by"/"from".
        let mut a2 = a;
        for t in a..=b {
            let group_head =
                (a..t).any(|h| ctx.is(h, WordClass::Group) || ctx.is(h, WordClass::Role));
            if ctx.lower_is(t, &["by", "from"]) && t < b && !group_head {
                a2 = t + 1;
            }
        }
        while b > a2 && ctx.lower_is(b, &["on", "in"]) {
            b -= 1;
        }
        let speaker = Some(ctx.span(a2, b));
        let starts_sentence =
            i == s0 || (i > s0 && ctx.lower_is(s0, &["and", "but"]) && i == s0 + 1);
        if starts_sentence {
            let mut c = (b + 1..s1).find(|&t| ctx.word(t) == ",").unwrap_or(b);
            while c < s1 && ctx.word(c) == "," {
                c += 1;
            }
            let end = self.content_end(ctx, c, s1);
            let content = self.content(ctx, c, end)?;
            return Some(self.one_fragment(ctx, content, cue, speaker, si, 0.8));
        }
        // A parenthetical source inside its content: "One of the decisions, according to a
        // person close to the process, is to …" — the content is on both sides.
        let dash_or_comma = |t: usize| matches!(ctx.word(t), "," | "—" | "–" | "-" | "--");
        if i > s0 + 1 && dash_or_comma(i - 1) && ctx.inside[i].is_none() {
            let close = (b + 1..s1.min(b + 16)).find(|&t| ctx.is_punct(t) || ctx.is_quote(t));
            let content_resumes = |t: usize| t + 1 < s1 && !self.describes_source(ctx, t + 1);
            if let Some(close) = close.filter(|&t| dash_or_comma(t) && content_resumes(t)) {
                let both = self.around_attribution(
                    ctx,
                    si,
                    (i - 1, close + 1),
                    cue.clone(),
                    speaker,
                    0.75,
                );
                if both.is_some() {
                    return both;
                }
            }
        }
        self.left_content(ctx, si, i, cue, speaker, 0.75)
    }
}
