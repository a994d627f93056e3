//! Quotations attributed without a verb cue: headlines (`Pell: …`), quotations around an
//! attribution, a name and a colon or a dash (`Pell: “…”`, `“…” — Pell`), and "as X put it".

use super::{
    finite_tag, introduced_quotation, Ctx, QuoteSpan, RuleQuoteDetector, MAX_APPOSITION_TOKENS,
    MAX_SPEAKER_TOKENS, MIN_COLON_WORDS,
};
use crate::lexicon::WordClass;
use crate::ner::Label;
use crate::quote::cues::{CueMatch, CueShape};
use crate::quote::CueClass;
use crate::quote::{Candidate, Cue};
use crate::span::Span;
use crate::token::TokenKind;

/// Most tokens of the verb phrase between a subject and the colon introducing its quotation
/// (`delivered a blunt message to the board:`).
const MAX_COLON_CUE_TOKENS: usize = 10;

/// Fewest letters of each word of a label in capitals that names no one ("BREAKING:"); shorter
/// ones are acronyms ("AP:", "UN:").
const MIN_LABEL_CAPITALS: usize = 4;

/// Longest label in capitals that opens a transcript's line ("KATE BOULDUAN:").
const MAX_LABEL_CHARS: usize = 40;

impl RuleQuoteDetector {
    /// A headline attribution: `Rubio: I Still Believe …` — a short name, a colon, content.
    pub(super) fn headline_candidate(&self, ctx: &Ctx, si: usize) -> Option<Candidate> {
        let sent = &ctx.doc.sentences[si];
        let (s0, s1) = (sent.tokens.start, sent.tokens.end);
        let colon = (s0..s1.min(s0 + 10)).find(|&t| ctx.word(t) == ":")?;
        // "Quill Says: …" (a short capitalised name), or a longer headline introducing a
        // quotation ("Advice from Judge Ortega: ‘Read the whole file.’").
        let quoted = colon + 1 < s1
            && ctx.quote_opened_at(colon + 1).is_some()
            && ctx.is_capitalised(s0)
            && (s0..colon).all(|t| self.cue_at(ctx, t, colon).is_none());
        let name_like = colon > s0
            && (colon <= s0 + 5 || quoted)
            && (quoted
                || (s0..colon)
                    .all(|t| ctx.is_capitalised(t) || matches!(ctx.word(t), "’s" | "'s")));
        // Editorial labels ("Correction:", "Editor's Note:", "UPDATE:") introduce no one's words.
        let label = ctx.is(s0, WordClass::Caption) || self.section_label(ctx, s0, colon);
        // A tally, an address or a note is no statement ("Clinton: 1,769", "Email:
        // desk@example.com", "Rubio: Finish second"); a quotation is ("Pell: “Vote early.”").
        let words = (colon + 1..s1)
            .filter(|&t| ctx.doc.tokens[t].kind == TokenKind::Word)
            .count();
        if !name_like
            || label
            || self.cue_first_verb(ctx, s0).is_some()
            || colon + 2 >= s1
            || words < MIN_COLON_WORDS && ctx.quote_opened_at(colon + 1).is_none()
            || self.cue_at(ctx, colon - 1, colon).is_some()
        {
            return None;
        }
        let content = self.content(ctx, colon + 1, s1)?;
        Some(self.one_fragment(
            ctx,
            content,
            Cue {
                span: ctx.span(colon, colon),
                lemma: ":".into(),
                class: super::CueClass::Speech,
            },
            Some(ctx.span(s0, colon - 1)),
            si,
            0.6,
        ))
    }

    /// Rule: a speech verb in the past opening its sentence, before its source and a
    /// quotation, as features write (`Said Comey, "…"`, `Added Pell: “…”`, `Said Ana Ruiz,
    /// who grew up there: “…”`): the words up to the first comma or colon speak.
    pub(super) fn cue_first_quotation(&self, ctx: &Ctx, si: usize) -> Option<Candidate> {
        let sent = &ctx.doc.sentences[si];
        let (s0, s1) = (sent.tokens.start, sent.tokens.end);
        let m = self.cue_first_verb(ctx, s0)?;
        let source = s0 + m.len;
        let source_end = (source..s1.min(source + MAX_SPEAKER_TOKENS))
            .take_while(|&t| !ctx.is_quote(t))
            .find(|&t| matches!(ctx.word(t), "," | ":"))?;
        if source_end == source || !ctx.is_capitalised(source) {
            return None;
        }
        let q = (source_end..s1.min(source_end + MAX_APPOSITION_TOKENS))
            .filter(|&t| matches!(ctx.word(t), "," | ":"))
            .find_map(|t| ctx.quote_opened_at(t + 1))?;
        Some(introduced_quotation(
            ctx,
            q,
            (s0, source - 1),
            &m.lemma,
            (source, source_end - 1),
            0.8,
        ))
    }

    /// The speech verb in the past ("Said", "Added", "Wrote") capitalised at token `s0`, a
    /// sentence's first.
    fn cue_first_verb(&self, ctx: &Ctx, s0: usize) -> Option<CueMatch> {
        let word = ctx.word(s0);
        let past = word.ends_with("ed") || ctx.is(s0, WordClass::PastForm);
        let m = self.cues.match_at(&[word])?;
        (ctx.is_capitalised(s0)
            && past
            && m.class == CueClass::Speech
            && matches!(m.shape, CueShape::Verb { .. }))
        .then_some(m)
    }

    /// A label before a colon that names no one by its form ("The Latest:", "BREAKING:",
    /// "EXCLUSIVE:"): no person or organisation is tagged in it, and it is an article and one
    /// word, or words in capitals that the article names no one by, outside a transcript.
    /// Acronyms and single letters stay ("AP:", "Q:", "A:").
    fn section_label(&self, ctx: &Ctx, s0: usize, colon: usize) -> bool {
        if colon <= s0 {
            return false;
        }
        let doc = ctx.doc;
        let label = ctx.span(s0, colon - 1);
        let tagged = doc
            .entities
            .iter()
            .any(|e| e.span.overlaps(label) && matches!(e.label, Label::Per | Label::Org));
        if tagged {
            return false;
        }
        if colon == s0 + 2 && ctx.lower_is(s0, &["the"]) {
            return true;
        }
        let capitals = (s0..colon).all(|t| {
            let w = ctx.word(t);
            w.chars().filter(|c| c.is_alphabetic()).count() >= MIN_LABEL_CAPITALS
                && !w.chars().any(char::is_lowercase)
        });
        // A speaker in capitals is a name the article spells otherwise elsewhere ("FALLIN:"
        // for Mary Fallin), or one of a transcript's, whose lines open with speakers in
        // capitals ("KATE BOULDUAN: …" ¶ "BENENSON: …").
        let named_elsewhere = |w: &str| {
            doc.entities
                .iter()
                .filter(|e| matches!(e.label, Label::Per | Label::Org))
                .any(|e| {
                    e.span
                        .slice(doc.text())
                        .split_whitespace()
                        .any(|n| n.eq_ignore_ascii_case(w))
                })
        };
        let transcript = || {
            doc.text()
                .lines()
                .filter(|l| opens_with_capitals_label(l))
                .take(2)
                .count()
                == 2
        };
        capitals && !(s0..colon).any(|t| named_elsewhere(ctx.word(t))) && !transcript()
    }

    /// A claim whose content stands on both sides of its attribution in sentence `si`
    /// ("A, X said, B"; "A, according to X, B"): from the sentence start to `gap.0`
    /// (exclusive) and from `gap.1` to the content's end.
    pub(super) fn around_attribution(
        &self,
        ctx: &Ctx,
        si: usize,
        gap: (usize, usize),
        cue: Cue,
        speaker: Option<Span>,
        evidence: f32,
    ) -> Option<Candidate> {
        let sent = &ctx.doc.sentences[si];
        let (s0, s1) = (sent.tokens.start, sent.tokens.end);
        let left = self.content(ctx, s0, gap.0)?;
        let right = self.content(ctx, gap.1, self.content_end(ctx, gap.1, s1))?;
        Some(Candidate {
            kind: self.kind_of_fragments(ctx, left, right),
            fragments: vec![left, right],
            cue: Some(cue),
            speaker,
            sentence: si,
            evidence,
            writer: false,
        })
    }

    /// Quotations signed with a dash and a name (`“…” ― Lena Park.`), as in collected
    /// reader comments and epigraphs, or by a line of their own under a quotation that is a
    /// paragraph (`"…"` ¶ `- Sanders.`, as fact-checks list the claims they check).
    pub(super) fn signed_quotations(&self, ctx: &Ctx) -> Vec<Candidate> {
        let doc = ctx.doc;
        let text = doc.text();
        let mut out = Vec::new();
        for q in &ctx.quotes {
            let Some(close) = q.close else { continue };
            let dash = close + 1;
            if dash + 1 >= doc.tokens.len() {
                continue;
            }
            let gap = Span::new(doc.tokens[close].span.end, doc.tokens[dash].span.start);
            let next_line = gap.slice(text).contains('\n');
            let signed = match ctx.word(dash) {
                "―" | "—" | "–" | "--" => true,
                "-" => next_line,
                _ => false,
            };
            if !signed || next_line && !self.opens_line(ctx, q.open) {
                continue;
            }
            // The name: capitalised words (and initials) up to the end of the line.
            let name_end = (dash + 1..doc.tokens.len().min(dash + 7))
                .take_while(|&t| {
                    let between = Span::new(doc.tokens[t - 1].span.end, doc.tokens[t].span.start);
                    !between.slice(text).contains('\n')
                        && (ctx.is_capitalised(t) || ctx.word(t) == "." && t > dash + 1)
                })
                .last();
            let Some(end) = name_end.filter(|&e| ctx.is_capitalised(dash + 1) && e > dash) else {
                continue;
            };
            // The name ends its line, or a comma ends it before a description ("— Lena Park,
            // Philadelphia").
            let line_ends = end + 1 >= doc.tokens.len() || ctx.word(end + 1) == "," || {
                let next = Span::new(doc.tokens[end].span.end, doc.tokens[end + 1].span.start);
                next.slice(text).contains('\n')
            };
            if !line_ends {
                continue;
            }
            let last = if ctx.word(end) == "." { end - 1 } else { end };
            out.push(introduced_quotation(
                ctx,
                q,
                (dash, dash),
                "―",
                (dash + 1, last),
                0.7,
            ));
        }
        out
    }

    /// Quotations introduced by a name and a colon that open their clause, as digests and
    /// transcripts quote (`STATES SHIFT - Jeffrey M. Jones: “…”`, `More from Jones: “…”`, a
    /// line opening `Mark Blumenthal and Jon Cohen: “…”`): the person or organisation named
    /// right before the colon speaks.
    pub(super) fn named_colon_quotations(&self, ctx: &Ctx) -> Vec<Candidate> {
        let doc = ctx.doc;
        let mut out = Vec::new();
        for (q, colon) in colon_quotations(ctx) {
            let name_end = doc.tokens[colon - 1].span.end;
            let Some(e) = doc
                .entities
                .iter()
                .find(|e| e.span.end == name_end && matches!(e.label, Label::Per | Label::Org))
            else {
                continue;
            };
            let mut first = doc.tokens.partition_point(|t| t.span.start < e.span.start);
            // "Mark Blumenthal and Jon Cohen": a person joined by "and" before.
            if first >= 2 && ctx.lower_is(first - 1, &["and"]) {
                let before = doc.tokens[first - 2].span.end;
                if let Some(other) = doc
                    .entities
                    .iter()
                    .find(|o| o.span.end == before && o.label == Label::Per)
                {
                    first = doc
                        .tokens
                        .partition_point(|t| t.span.start < other.span.start);
                }
            }
            let opens_clause = self.opens_line(ctx, first)
                || matches!(ctx.word(first - 1), "—" | "–" | "-" | "--")
                || ctx.lower_is(first - 1, &["from"]);
            if !opens_clause {
                continue;
            }
            out.push(introduced_quotation(
                ctx,
                q,
                (colon, colon),
                ":",
                (first, colon - 1),
                0.6,
            ));
        }
        out
    }

    /// Quotations no claim in `found` has, introduced by a short clause and a colon whose
    /// subject names someone (`Vance delivered a blunt message to the board: “…”`, `Trump
    /// went even further: “…”`): the subject speaks, the verb phrase is the cue. The parse
    /// finds the verb whose subject it is; a cue verb is left to the verb rules ("He adds that
    /// voters have two choices: “…”" reports a clause the quotation goes on).
    pub(super) fn subject_colon_quotations(
        &self,
        ctx: &Ctx,
        found: &[Candidate],
    ) -> Vec<Candidate> {
        let doc = ctx.doc;
        let mut out = Vec::new();
        for (q, colon) in colon_quotations(ctx) {
            let si = doc.sentence_of(colon);
            let s0 = doc.sentences[si].tokens.start;
            if doc.sentence_of(q.open) != si
                || (s0..colon).any(|t| ctx.is_quote(t))
                || held(found, q)
            {
                continue;
            }
            let Some((a, b)) = self.sentence_subject(ctx, s0, colon) else {
                continue;
            };
            let names = a == b && ctx.is(a, WordClass::Personal)
                || doc.entities.iter().any(|e| {
                    matches!(e.label, Label::Per | Label::Org)
                        && e.span.start < doc.tokens[b].span.end
                        && doc.tokens[b].span.end <= e.span.end
                });
            if !names {
                continue;
            }
            let Some(verb) = self.subject_verb(ctx, si, (a, b), colon) else {
                continue;
            };
            // "…, said Mr. Trump was …: “…”", "reported, his wife whispered: “…”": one clause.
            if colon - verb > MAX_COLON_CUE_TOKENS
                || self.cue_at(ctx, verb, colon).is_some()
                || (verb..colon).any(|t| ctx.word(t) == ",")
            {
                continue;
            }
            out.push(introduced_quotation(
                ctx,
                q,
                (verb, colon - 1),
                ":",
                (a, b),
                0.6,
            ));
        }
        out
    }

    /// Rule: a quotation no claim in `found` holds, reported by a verb the cue list does not
    /// know, with a speaker that is a personal pronoun or proper nouns whom the parse makes the
    /// verb's subject: after the quotation, when it ends in a comma, question or exclamation
    /// mark and the verb ends the clause (`“Go back,” Trump barked.`, `“Quiet,” she shot
    /// back.`), or opening the sentence before a comma and the quotation (`Sanders shot back,
    /// “…”`, `She smiled, “…”`).
    pub(super) fn unknown_verb_quotations(&self, ctx: &Ctx, found: &[Candidate]) -> Vec<Candidate> {
        let doc = ctx.doc;
        let after = |q: &QuoteSpan| {
            let close = q.close?;
            let a = close + 1;
            (a + 1 < doc.tokens.len() && matches!(ctx.word(close - 1), "," | "?" | "!"))
                .then(|| self.unknown_verb_report(ctx, q, a, None))
                .flatten()
        };
        let before = |q: &QuoteSpan| {
            let a = doc.sentences[doc.sentence_of(q.open)].tokens.start;
            (q.open >= 3 && ctx.word(q.open - 1) == ",")
                .then(|| self.unknown_verb_report(ctx, q, a, Some(q.open - 2)))
                .flatten()
        };
        ctx.quotes
            .iter()
            .filter(|q| !held(found, q))
            .filter_map(|q| after(q).or_else(|| before(q)))
            .collect()
    }

    /// The claim of quotation `q` when a speaker opens at token `a` and a verb the cue list
    /// does not know ends its clause right after it (at token `end` when given): the words'
    /// shapes first, the parse only for what they leave.
    fn unknown_verb_report(
        &self,
        ctx: &Ctx,
        q: &QuoteSpan,
        a: usize,
        end: Option<usize>,
    ) -> Option<Candidate> {
        let si = ctx.doc.sentence_of(a);
        let s1 = ctx.doc.sentences[si].tokens.end;
        let b = Self::speaker_words(ctx, a, s1)?;
        let verb = b + 1;
        let last = self
            .closing_verb(ctx, verb, s1)
            .filter(|&last| end.is_none_or(|end| last == end))?;
        let lemma = ctx.word(verb).to_lowercase();
        self.parsed_speaker_verb(ctx, si, (a, b), verb, last)
            .then(|| introduced_quotation(ctx, q, (verb, last), &lemma, (a, b), 0.6))
    }

    /// The last token of a speaker opening at token `a` by the words' shapes: a personal
    /// pronoun, or up to four capitalised words.
    fn speaker_words(ctx: &Ctx, a: usize, s1: usize) -> Option<usize> {
        if ctx.is(a, WordClass::Personal) {
            return Some(a);
        }
        (a..s1.min(a + 4))
            .take_while(|&t| ctx.is_capitalised(t))
            .last()
    }

    /// The last token of a verb at `verb` that ends its clause, perhaps with one more word
    /// ("barked.", "shot back,", "went on and"); `None` for a cue the list knows.
    fn closing_verb(&self, ctx: &Ctx, verb: usize, s1: usize) -> Option<usize> {
        let word = |t: usize| (t < s1).then(|| ctx.word(t));
        let lowercase = |t: usize| word(t).is_some_and(|w| w.starts_with(char::is_lowercase));
        let verb_like = lowercase(verb)
            && !ctx.is(verb, WordClass::Auxiliary)
            && self.cue_at(ctx, verb, s1).is_none();
        let ends = |t: usize| matches!(word(t), None | Some("." | "," | "and"));
        if !verb_like {
            None
        } else if ends(verb + 1) {
            Some(verb)
        } else if lowercase(verb + 1) && ends(verb + 2) {
            Some(verb + 1)
        } else {
            None
        }
    }

    /// Whether the parse of sentence `si` makes `a..=b` (a personal pronoun or proper nouns)
    /// the subject of the verb at `verb`, and a word after it up to `end` a particle or adverb
    /// ("shot back"; not "escalates debate").
    fn parsed_speaker_verb(
        &self,
        ctx: &Ctx,
        si: usize,
        (a, b): (usize, usize),
        verb: usize,
        end: usize,
    ) -> bool {
        let first = ctx.doc.sentences[si].tokens.start;
        let Some(syntax) = ctx.doc.syntax(si) else {
            return false;
        };
        let tag_is =
            |t: usize, test: fn(&str) -> bool| syntax.xpos.get(t - first).is_some_and(|x| test(x));
        let proper = a == b && ctx.is(a, WordClass::Personal)
            || (a..=b).all(|t| tag_is(t, |x| x.starts_with("NNP")));
        proper
            && (verb + 1..=end).all(|t| tag_is(t, |x| matches!(x, "RP" | "RB")))
            && self.subject_verb(ctx, si, (a, b), verb + 1) == Some(verb)
    }

    /// The finite verb between the subject `a..=b` and token `limit` of which the parse of
    /// sentence `si` makes a word of the subject the subject.
    fn subject_verb(
        &self,
        ctx: &Ctx,
        si: usize,
        (a, b): (usize, usize),
        limit: usize,
    ) -> Option<usize> {
        let first = ctx.doc.sentences[si].tokens.start;
        let syntax = ctx.doc.syntax(si)?;
        (b + 1..limit).find(|&v| {
            syntax.xpos.get(v - first).is_some_and(|x| finite_tag(x))
                && (a..=b).any(|t| {
                    syntax.heads.get(t - first) == Some(&((v - first + 1) as u32))
                        && syntax
                            .relations
                            .get(t - first)
                            .is_some_and(|r| r.starts_with("nsubj"))
                })
        })
    }

    /// Quotations introduced by "as X put it" (`As Akhil Amar put it, “…”`, `as one voter put
    /// it: “…”`): X speaks. The whole idiom is required ("He put the plan on hold, “…”" is
    /// none).
    pub(super) fn as_put_it_quotations(&self, ctx: &Ctx) -> Vec<Candidate> {
        let doc = ctx.doc;
        let mut out = Vec::new();
        for q in ctx
            .quotes
            .iter()
            .filter(|q| q.close.is_some() && q.open >= 5)
        {
            let o = q.open;
            if !matches!(ctx.word(o - 1), "," | ":")
                || !ctx.lower_is(o - 2, &["it"])
                || !ctx.lower_is(o - 3, &["put"])
            {
                continue;
            }
            let s0 = doc.sentences[doc.sentence_of(o - 3)].tokens.start;
            let Some(as_at) = (s0..o - 3)
                .rev()
                .take(MAX_APPOSITION_TOKENS)
                .take_while(|&t| !ctx.is_quote(t) && ctx.word(t) != ";")
                .find(|&t| ctx.lower_is(t, &["as"]))
            else {
                continue;
            };
            // The source may carry an apposition set off by commas ("As John Cornyn, the No. 2
            // in the GOP leadership, put it").
            let mut last = o - 4;
            if ctx.word(last) == "," {
                last -= 1;
            }
            if as_at + 1 > last {
                continue;
            }
            // A name before the apposition is the source ("Akhil Amar, professor of law").
            if let Some(comma) = (as_at + 1..last).find(|&t| ctx.word(t) == ",") {
                if comma > as_at + 1 && (as_at + 1..comma).all(|t| ctx.is_capitalised(t)) {
                    last = comma - 1;
                }
            }
            out.push(introduced_quotation(
                ctx,
                q,
                (o - 3, o - 2),
                "put",
                (as_at + 1, last),
                0.7,
            ));
        }
        out
    }

    /// The first token after a dateline opening a line at `start` ("WASHINGTON —", "RENO,
    /// Nev. (AP) —", "Washington (AFP) –"): a place in capitals, or any place with a news
    /// agency in parentheses, then a dash; `start` itself when there is none ("Jason Sims — a
    /// teacher — says" names the subject).
    pub(super) fn after_dateline(&self, ctx: &Ctx, start: usize, limit: usize) -> usize {
        if !self.opens_line(ctx, start) {
            return start;
        }
        let Some(dash) = (start + 1..limit.min(start + 10))
            .find(|&t| matches!(ctx.word(t), "—" | "–" | "-" | "--"))
        else {
            return start;
        };
        let place = (start..dash)
            .all(|t| ctx.is_capitalised(t) || matches!(ctx.word(t), "," | "." | "(" | ")"));
        let capitals = ctx.word(start).len() >= 2
            && ctx
                .word(start)
                .chars()
                .all(|c| c.is_uppercase() || !c.is_alphabetic());
        let agency = dash > start + 2 && ctx.word(dash - 1) == ")";
        // "WASHINGTON -- President Obama": a doubled hyphen may be two tokens.
        let mut after = dash + 1;
        while after < limit && ctx.word(after) == "-" {
            after += 1;
        }
        if place && (capitals || agency) && after < limit {
            after
        } else {
            start
        }
    }

    /// Whether token `t` is the first of its line.
    pub(super) fn opens_line(&self, ctx: &Ctx, t: usize) -> bool {
        let tokens = &ctx.doc.tokens;
        t == 0 || {
            let gap = Span::new(tokens[t - 1].span.end, tokens[t].span.start);
            gap.slice(ctx.doc.text()).contains('\n')
        }
    }
}

/// Whether `line` opens with a label in capitals and a colon ("BENENSON: …").
fn opens_with_capitals_label(line: &str) -> bool {
    line.split_once(':').is_some_and(|(label, _)| {
        label.chars().count() <= MAX_LABEL_CHARS
            && label.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !label.chars().any(char::is_lowercase)
    })
}

/// Whether a claim in `found` holds some of quotation `q`; not one reported inside it
/// ("“Secretary Clinton called them out”" is the quotation's, not its report).
fn held(found: &[Candidate], q: &QuoteSpan) -> bool {
    found.iter().any(|c| {
        c.fragments.iter().any(|f| f.overlaps(q.content))
            && !c
                .cue
                .as_ref()
                .is_some_and(|cue| q.content.contains(cue.span))
    })
}

/// The closed quotations opened right after a colon that stands outside any quotation, with
/// the colon's token (`…: “…”`).
fn colon_quotations<'c>(ctx: &'c Ctx) -> impl Iterator<Item = (&'c QuoteSpan, usize)> + 'c {
    ctx.quotes
        .iter()
        .filter(|q| q.close.is_some() && q.open >= 2)
        .map(|q| (q, q.open - 1))
        .filter(|&(_, colon)| ctx.word(colon) == ":" && ctx.inside[colon].is_none())
}
