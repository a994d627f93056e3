//! The rule-based detector: cue-centred patterns over tokens and paired quotation marks.
//!
//! Patterns, per sentence:
//! - `SPEAKER (aux/adverbs) CUE (object) (that) CONTENT` and participles (`, adding that …`)
//! - `CONTENT, SPEAKER CUE.` / `“CONTENT,” SPEAKER CUE.` / `“CONTENT,” CUE SPEAKER.`
//! - `SPEAKER CUE: “CONTENT”` and mixed content with quoted fragments
//! - `according to / as per / as reported by SOURCE, CONTENT` (either order)
//! - quotations interrupted by their attribution become one candidate with two fragments;
//!   remaining quotations of four words or more become unattributed direct candidates.
//!
//! This file holds the per-document state (`Ctx`), the cue lookup, the shared word tests and
//! the passes over a document's candidates; the patterns live in its modules:
//! - `candidates`: a candidate from a verb cue, a noun cue or a source phrase;
//! - `subject`, `inverted`, `passive`, `asked`: the speaker mention, left or right of the cue;
//! - `left_subject`, `right_content`, `content`, `relative`, `adverbial_clause`: the content
//!   on either side of the cue, where it ends and its kind;
//! - `signed`, `headline_quote`: quotations attributed without a verb cue;
//! - `hedge`: the writer's hedge, a clause whose seeming verb is its cue;
//! - `poll`: a poll's finding, "In a … poll, CLAUSE";
//! - `verb_form`, `vetoes`: how a cue verb stands, and the named rules that veto one;
//! - `report`: a cue verb with what was found around it.
//!
//! Every word test reads a class of `models/grammar.tsv` or `models/lexicon.tsv`.

mod adverbial_clause;
mod asked;
mod candidates;
mod content;
mod headline_quote;
mod hedge;
mod inverted;
mod left_subject;
mod passive;
mod poll;
mod relative;
mod report;
mod right_content;
mod signed;
mod subject;
mod verb_form;
mod vetoes;

use super::cues::CueShape;
use super::{
    pair_quotes, Candidate, Cue, CueClass, CueLexicon, CueMatch, Kind, QuoteDetector, QuoteSpan,
};
use crate::document::Analysis;
use crate::lexicon::{Classes, Lexicon, WordClass};
use crate::span::Span;
use crate::token::TokenKind;

/// Longest apposition between a subject and its cue (`Ki Hong, 33, said`).
const MAX_APPOSITION_TOKENS: usize = 20;

/// Longest object skipped between a cue and its content ("told reporters on Monday").
const MAX_OBJECT_TOKENS: usize = 7;

/// Longest left phrase taken whole as a speaker mention.
const MAX_SPEAKER_TOKENS: usize = 10;
/// How far after a cue a "that" is looked for.
const THAT_WINDOW: usize = 12;

/// Most sentences an unquoted report after a colon runs to ("Pell added: …").
const MAX_PARAGRAPH_SENTENCES: usize = 8;
/// How far (tokens) a quotation may follow its cue behind adjuncts ("replied evenly, “…”").
const MAX_ADJUNCT_TOKENS: usize = 16;
/// Fewest words after "Name:" that make a statement, unless quoted.
const MIN_COLON_WORDS: usize = 3;
/// Shortest unattributed quotation (in words) reported as a claim; shorter ones are scare quotes.
const MIN_UNATTRIBUTED_WORDS: usize = 4;
/// An unattributed quotation inside a sentence is a claim from this length on.
const MIN_LONG_QUOTE_WORDS: usize = 10;

/// Cue-centred rule detector.
#[derive(Clone, Debug)]
pub struct RuleQuoteDetector {
    cues: CueLexicon,
    lexicon: Lexicon,
}

/// Per-document working state.
struct Ctx<'d, 'a> {
    doc: &'d Analysis<'a>,
    quotes: Vec<QuoteSpan>,
    /// For each token: index into `quotes` of the quotation whose content holds it.
    inside: Vec<Option<usize>>,
    /// For each token: the quotation whose opening (`true`) or closing mark it is.
    marks: Vec<Option<(usize, bool)>>,
    /// For each token: its word classes in the lexicon and grammar.
    classes: Vec<Classes>,
}

impl<'d, 'a> Ctx<'d, 'a> {
    fn word(&self, i: usize) -> &'a str {
        self.doc.token_text(i)
    }

    /// Whether token `i` is in `class` of the lexicon or grammar.
    fn is(&self, i: usize, class: WordClass) -> bool {
        class.in_set(self.classes[i])
    }

    /// Whether token `i` may open a content clause right after a cue: a subject word or a
    /// determiner ("said he …", "said the plan …").
    fn opens_clause(&self, i: usize) -> bool {
        self.is(i, WordClass::SubjectWord) || self.is(i, WordClass::Determiner)
    }

    fn lower_is(&self, i: usize, set: &[&str]) -> bool {
        let w = self.word(i);
        set.iter().any(|s| s.eq_ignore_ascii_case(w))
    }

    fn is_punct(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Punct
    }

    /// Whether tokens `i`, `i + 1` are a time adjunct of a demonstrative and a noun of time
    /// ("this week", "that night", "last month"; not "this week's"): no clause, and its "that"
    /// no complementizer.
    fn time_phrase(&self, i: usize) -> bool {
        i + 1 < self.doc.tokens.len()
            && self.is(i, WordClass::TimeDeterminer)
            && self.is(i + 1, WordClass::TimeNoun)
            && !(i + 2 < self.doc.tokens.len() && matches!(self.word(i + 2), "’s" | "'s"))
    }

    /// True for a hyphen or slash joining two words without spaces ("self-described",
    /// "Smith/Jones").
    fn is_joiner(&self, i: usize) -> bool {
        let t = &self.doc.tokens;
        matches!(self.word(i), "-" | "/")
            && i > 0
            && i + 1 < t.len()
            && t[i - 1].span.end == t[i].span.start
            && t[i].span.end == t[i + 1].span.start
    }

    /// Whether token `i` may introduce a quotation after a cue: a comma, a colon or a dash
    /// (`X said, “…”`, `X said: “…”`, `she added - “…”`).
    fn introduces_quotation(&self, i: usize) -> bool {
        matches!(self.word(i), "," | ":") || self.is_dash(i)
    }

    /// A dash setting off a parenthesis: "—", "–", "--", or a hyphen spaced on both sides.
    fn is_dash(&self, i: usize) -> bool {
        matches!(self.word(i), "—" | "–" | "--") || self.is_spaced_dash(i)
    }

    /// A hyphen standing between spaces as a dash ("tales - the plan"), not joining words
    /// ("low- and middle-income").
    fn is_spaced_dash(&self, i: usize) -> bool {
        let t = &self.doc.tokens;
        self.word(i) == "-"
            && i > 0
            && i + 1 < t.len()
            && t[i - 1].span.end < t[i].span.start
            && t[i].span.end < t[i + 1].span.start
    }

    /// A contracted auxiliary: "’ve", "’d", "’ll", "’re", and "’s" after a pronoun ("she’s
    /// said", "who’s argued"; not the possessive of "Trump’s").
    fn is_clitic_auxiliary(&self, i: usize) -> bool {
        match self.word(i) {
            "'ve" | "'d" | "'ll" | "'re" | "’ve" | "’d" | "’ll" | "’re" => true,
            "'s" | "’s" => i > 0 && self.is(i - 1, WordClass::CliticHost),
            _ => false,
        }
    }

    fn is_quote(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Quote
    }

    fn is_capitalised(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Word
            && self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// The quotation whose closing mark is token `i`.
    fn quote_closed_at(&self, i: usize) -> Option<&QuoteSpan> {
        self.marks[i]
            .filter(|&(_, opens)| !opens)
            .map(|(q, _)| &self.quotes[q])
    }

    /// Rule: the quotation `q` is a title ("told “Morning Edition”", "told "Fox and Friends,"",
    /// "BBC Radio 4's "Today" programme"), not a statement: at most five words, the first and
    /// last capitalised, those between capitalised or of three letters at most, no question or
    /// exclamation mark, and one word alone only when a word follows the quotation.
    fn quoted_title(&self, q: &QuoteSpan) -> bool {
        let Some(close) = q.close else {
            return false;
        };
        let words: Vec<usize> = (q.open + 1..close).filter(|&k| !self.is_punct(k)).collect();
        let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
            return false;
        };
        let inner = |k: &usize| self.is_capitalised(*k) || self.word(*k).chars().count() <= 3;
        let marks_ok =
            (q.open + 1..close).all(|k| !self.is_punct(k) || matches!(self.word(k), "," | "."));
        let word_follows =
            close + 1 < self.doc.tokens.len() && self.doc.tokens[close + 1].kind == TokenKind::Word;
        words.len() <= 5
            && self.is_capitalised(first)
            && self.is_capitalised(last)
            && words.iter().all(inner)
            && marks_ok
            && (words.len() > 1 || word_follows)
    }

    /// The quotation whose opening mark is token `i`.
    fn quote_opened_at(&self, i: usize) -> Option<&QuoteSpan> {
        self.marks[i]
            .filter(|&(_, opens)| opens)
            .map(|(q, _)| &self.quotes[q])
    }

    fn span(&self, from: usize, to_inclusive: usize) -> Span {
        Span::new(
            self.doc.tokens[from].span.start,
            self.doc.tokens[to_inclusive].span.end,
        )
    }
}

impl RuleQuoteDetector {
    /// A detector over the given cue lexicon and word lists.
    pub fn new(cues: CueLexicon, lexicon: Lexicon) -> RuleQuoteDetector {
        RuleQuoteDetector { cues, lexicon }
    }

    /// The cue starting at token `i`, looking no further than token `end` (exclusive).
    fn cue_at(&self, ctx: &Ctx, i: usize, end: usize) -> Option<CueMatch> {
        if i >= end.min(ctx.doc.tokens.len()) || ctx.doc.tokens[i].kind != TokenKind::Word {
            return None;
        }
        let words: Vec<&str> = (i..end.min(i + 4)).map(|t| ctx.word(t)).collect();
        let m = self.cues.match_at(&words)?;
        // "known as Jo": a name, not an attribution.
        if m.lemma == "know" && words.get(m.len) == Some(&"as") {
            return None;
        }
        // A capitalised verb form is a name ("United States", "Says Who"), except phrases that
        // open a sentence ("According to …").
        let capitalised = ctx.is_capitalised(i);
        let sentence_initial = ctx.doc.sentences[ctx.doc.sentence_of(i)].tokens.start == i;
        // "Asked whether …, she said": a sentence-initial participle of "ask" is a cue too.
        let opens_sentence = sentence_initial
            && (matches!(m.shape, CueShape::Source | CueShape::Citing)
                || m.lemma == "ask" && ctx.word(i) == "Asked");
        if capitalised
            && !opens_sentence
            && !(i > 0 && self.is_headline(ctx, ctx.doc.sentence_of(i)))
        {
            return None;
        }
        Some(m)
    }

    /// True for a title-case headline ("Clinton Says Russians Hacked DNC"), where verbs are
    /// capitalised too.
    fn is_headline(&self, ctx: &Ctx, si: usize) -> bool {
        let s = &ctx.doc.sentences[si];
        let words: Vec<usize> = s
            .tokens
            .clone()
            .filter(|&t| ctx.doc.tokens[t].kind == TokenKind::Word)
            .collect();
        let capitalised = words.iter().filter(|&&t| ctx.is_capitalised(t)).count();
        words.len() >= 3 && capitalised * 10 >= words.len() * 8
    }

    /// True for words that may stand inside a noun phrase naming a source.
    fn np_word(&self, ctx: &Ctx, i: usize) -> bool {
        let w = ctx.word(i);
        ctx.is_capitalised(i)
            || ctx.is(i, WordClass::NounPhraseInside)
            || ctx.is(i, WordClass::Role)
            || ctx.is(i, WordClass::RoleModifier)
            || ctx.is(i, WordClass::Group)
            || ctx.is(i, WordClass::Person)
            || ctx.is(i, WordClass::Organisation)
            || ctx.doc.tokens[i].kind == TokenKind::Number
            || self.plural_of_person(w)
            // A body formed around a name ("The Sanders campaign", "the Obama administration",
            // "Rubio’s campaign").
            || ctx.is(i, WordClass::Following)
                && i > 0
                && (ctx.is_capitalised(i - 1)
                    || i > 1
                        && matches!(ctx.word(i - 1), "’s" | "'s")
                        && ctx.is_capitalised(i - 2))
    }

    /// Whether `w` is the plural of a role or person noun ("judges", "senators").
    fn plural_of_person(&self, w: &str) -> bool {
        w.strip_suffix('s').is_some_and(|one| {
            self.lexicon.is(WordClass::Role, one) || self.lexicon.is(WordClass::Person, one)
        })
    }

    /// True for a lowercase word that only modifies a role ("presidential", "retired"): it
    /// never ends a noun phrase ("The retired neurosurgeon" is no source "The retired").
    fn modifier_only(&self, ctx: &Ctx, i: usize) -> bool {
        let w = ctx.word(i);
        !ctx.is_capitalised(i)
            && self.lexicon.is(WordClass::RoleModifier, w)
            && !self.lexicon.is(WordClass::Role, w)
    }

    /// The quotation ending sentence `si - 1` with a question or exclamation mark inside it
    /// (`“Why?”`, or inside a nested quotation it ends with: `“She asked, ‘Why?’”`), which may
    /// be attributed by the sentence that follows.
    fn question_before<'c>(&self, ctx: &'c Ctx, si: usize) -> Option<&'c QuoteSpan> {
        let s0 = ctx.doc.sentences[si].tokens.start;
        let q = ctx.quote_closed_at(s0.checked_sub(1)?)?;
        let close = q.close?;
        let mark = (q.open + 1..close).rev().find(|&t| !ctx.is_quote(t))?;
        matches!(ctx.word(mark), "?" | "!").then_some(q)
    }

    /// The `to` of an infinitive right after a cue or behind its time and place adjuncts
    /// ("vowed to fight", "promised Sunday at a rally to end …").
    fn infinitive_after_adjuncts(&self, ctx: &Ctx, from: usize, sent_end: usize) -> Option<usize> {
        (from..sent_end.min(from + MAX_ADJUNCT_TOKENS))
            .take_while(|&t| {
                t == from
                    || !ctx.is_punct(t)
                        && !ctx.is_quote(t)
                        && !ctx.is(t, WordClass::InfinitiveStop)
                        && !self.has_finite_verb(ctx, t, t + 1)
                        && self.cue_at(ctx, t, sent_end).is_none()
            })
            .find(|&t| {
                ctx.lower_is(t, &["to"])
                    && (t == from
                        || ctx.is(from, WordClass::TimeWord)
                        || ctx.is(from, WordClass::InfinitiveAdjunct))
            })
    }

    /// The opening mark of a quotation that follows a cue's adjuncts after a comma or colon
    /// (`replied evenly, “`, `wrote to her readers, “`), when no clause starts
    /// between.
    fn quotation_after_adjuncts(&self, ctx: &Ctx, from: usize, sent_end: usize) -> Option<usize> {
        for t in from + 1..sent_end.min(from + MAX_ADJUNCT_TOKENS) {
            if ctx.quote_opened_at(t).is_some() {
                return ctx.introduces_quotation(t - 1).then_some(t);
            }
            let apostrophe = matches!(ctx.word(t), "'" | "’");
            if ctx.is_quote(t) && !apostrophe
                || matches!(ctx.word(t), ";" | "." | "?" | "!" | "(" | ")")
                || ctx.is(t, WordClass::QuotationStop)
                || ctx.is(t, WordClass::Auxiliary)
                || ctx.is(t, WordClass::QuestionWord)
                // Another report, but not a noun or modifier among the adjuncts ("in a
                // written statement:").
                || self.cue_at(ctx, t, sent_end).is_some_and(|m| {
                    !matches!(m.shape, CueShape::Noun) && !ctx.is(t - 1, WordClass::NounMarker)
                })
            {
                return None;
            }
        }
        None
    }

    /// A count opening a report of its own ("14 percent said", "39 have said", "nearly four in
    /// 10 say"): a number, then a verb cue within a few words.
    fn counted_report(&self, ctx: &Ctx, at: usize, sent_end: usize) -> bool {
        let mut n = at;
        if n < sent_end && ctx.is(n, WordClass::Approximator) {
            n += 1;
        }
        n < sent_end
            && ctx.doc.tokens[n].kind == TokenKind::Number
            && (n + 1..sent_end.min(n + 6))
                .take_while(|&t| !ctx.is_punct(t) || ctx.word(t) == "%")
                .any(|t| {
                    self.cue_at(ctx, t, sent_end).is_some_and(|m| {
                        matches!(m.shape, CueShape::Verb { .. }) && !ctx.word(t).ends_with("ing")
                    })
                })
    }

    /// A word that reads as a verb opening a predicate: an auxiliary or modal, or a lowercase
    /// `-ed` form ("was", "would", "helped").
    fn verb_like(&self, ctx: &Ctx, i: usize) -> bool {
        let w = ctx.word(i);
        !ctx.is_capitalised(i)
            && ctx.doc.tokens[i].kind == TokenKind::Word
            && !ctx.opens_clause(i)
            && !ctx.is(i, WordClass::NotObject)
            && (self.has_finite_verb(ctx, i, i + 1) && !w.contains('-')
                || ctx.is(i, WordClass::Modal))
    }

    /// True when tokens `from..to` (up to the first comma) hold a finite-verb signal: an
    /// auxiliary or modal, or an `-ed` form.
    fn has_finite_verb(&self, ctx: &Ctx, from: usize, to: usize) -> bool {
        (from..to).take_while(|&t| ctx.word(t) != ",").any(|t| {
            // A hyphenated participle is an adjective ("self-described", "so-called").
            let compound = ctx.word(t).contains('-') || t > 0 && ctx.is_joiner(t - 1);
            ctx.is(t, WordClass::Auxiliary)
                || ctx.word(t).ends_with("ed") && !ctx.is_capitalised(t) && !compound
        })
    }
}

impl RuleQuoteDetector {
    /// Attaches each quotation no candidate covers to the claim of the same speaker's turn, as
    /// PolNeAR-style fragments: `“A,” said X. “B.”`, `“A.” X added. He paused. “B.”`, and a
    /// quotation right before `“C,” X said.` Quotations left over become unattributed claims
    /// when they read as speech (a whole sentence, or a long passage).
    fn join_quotations(&self, ctx: &Ctx, out: &mut Vec<Candidate>) {
        let doc = ctx.doc;
        let text = doc.text();
        out.sort_by_key(|c| (c.content().start, c.content().end));
        let mut covered = vec![false; doc.tokens.len()];
        for c in out.iter() {
            for f in &c.fragments {
                let from = doc.tokens.partition_point(|t| t.span.end <= f.start);
                for slot in covered[from..]
                    .iter_mut()
                    .zip(&doc.tokens[from..])
                    .take_while(|(_, t)| t.span.start < f.end)
                {
                    *slot.0 = true;
                }
            }
        }
        let words = |s: &str| {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .count()
        };
        // Cue spans in text order, to ask "is there another attribution in this gap?" quickly.
        let mut cues: Vec<Span> = out
            .iter()
            .filter_map(|c| c.cue.as_ref().map(|cue| cue.span))
            .collect();
        cues.sort();
        let mut unattributed = Vec::new();
        for q in &ctx.quotes {
            let first_inside = (q.open + 1).min(doc.tokens.len() - 1);
            if q.content.is_empty() || covered[first_inside] {
                continue;
            }
            let q_sentence = doc.sentence_of(q.open);
            let first = doc.sentences[q_sentence].tokens.start;
            // Also after one opening adverb: "Now, “…”", "Still, “…”".
            let opens_sentence = q.open == first
                || q.open > 0 && ctx.word(q.open - 1) == ":"
                || q.open == first + 2
                    && ctx.word(first + 1) == ","
                    && ctx.is(first, WordClass::QuotationAdverb);
            let k = out.partition_point(|c| c.content().start < q.outer.start);
            // A quotation followed by its own attribution belongs to that one, not to a turn.
            let own_attribution = q.close.is_some_and(|c| {
                let end = doc.sentences[doc.sentence_of(c)].tokens.end;
                c + 1 < end
                    && (ctx.word(c + 1) == "," || ctx.is_capitalised(c + 1))
                    && (c + 1..end.min(c + 8)).any(|t| self.cue_at(ctx, t, end).is_some())
            });
            // A title within a sentence ("he told “Good Morning America”") is no one's turn.
            let introduced = q.open > 0 && ctx.introduces_quotation(q.open - 1);
            if own_attribution || !opens_sentence && !introduced && ctx.quoted_title(q) {
                continue;
            }
            // The claim before: its turn goes on when only its own attribution, or at most one
            // short sentence of narration, stands between.
            // A report within the previous quotation's attribution sentence (`…,” said X,
            // speaking of Y. “…”`) is narration: the quotation before it is the turn.
            let mut before = k.checked_sub(1);
            if let Some(i) = before.filter(|&i| i > 0) {
                let (earlier, narrated) = (&out[i - 1], &out[i]);
                if earlier.kind == Kind::Direct
                    && earlier.sentence == narrated.sentence
                    && earlier.content().end <= narrated.content().start
                    && earlier
                        .cue
                        .as_ref()
                        .is_some_and(|c| c.span.end <= narrated.content().start)
                {
                    before = Some(i - 1);
                }
            }
            if let Some(prev) = before
                .map(|i| &out[i])
                .filter(|p| p.content().end <= q.outer.start)
            {
                let gap = Span::new(prev.content().end, q.outer.start);
                let own_cue = prev.cue.as_ref().filter(|c| gap.contains(c.span));
                let narration = own_cue.map_or(gap, |c| Span::new(c.span.end, gap.end));
                let first = cues.partition_point(|c| c.start < narration.start);
                // Cues later in the attribution's own sentence ("…,” X said, speaking as …)
                // belong to its narration, not to another speaker's turn.
                let sentence_at = |at: usize| doc.sentences.partition_point(|s| s.span.end <= at);
                let own_sentence = own_cue.map(|c| sentence_at(c.span.start));
                let other_cue = cues[first..]
                    .iter()
                    .take_while(|c| c.start < narration.end)
                    .any(|c| narration.contains(*c) && Some(sentence_at(c.start)) != own_sentence);
                let last_sentence = doc
                    .sentences
                    .partition_point(|s| s.span.end <= prev.content().end.saturating_sub(1));
                let narration_words = words(narration.slice(text));
                let joins = !other_cue
                    && (own_cue.is_some()
                        && prev.speaker.is_some_and(|s| gap.contains(s))
                        && (opens_sentence
                            || narration_words <= 4
                            || apposition_only(ctx, prev, q.open))
                        || prev.kind != Kind::Indirect
                            && opens_sentence
                            && q_sentence <= last_sentence + 2
                            && narration_words <= 12);
                if joins && (opens_sentence || !gap.slice(text).contains("\n\n")) {
                    let prev = &mut out[before.unwrap_or(k - 1)];
                    prev.fragments.push(q.content);
                    if prev.kind == Kind::Indirect {
                        prev.kind = Kind::Mixed;
                    }
                    continue;
                }
            }
            // The claim after: a quotation opening the next sentence, `“A.” “B,” X said.`
            if let Some(next) = out.get_mut(k) {
                let gap = Span::new(q.outer.end, next.content().start.max(q.outer.end));
                let next_opens = ctx.quotes.iter().any(|n| {
                    n.content == next.fragments[0]
                        && doc.tokens[n.open].span.start == doc.sentences[next.sentence].span.start
                });
                if opens_sentence
                    && next.kind == Kind::Direct
                    && next_opens
                    && next.sentence <= q_sentence + 2
                    && words(gap.slice(text)) <= 3
                {
                    next.fragments.insert(0, q.content);
                    continue;
                }
            }
            let n = words(q.content.slice(text));
            if n >= MIN_UNATTRIBUTED_WORDS && opens_sentence || n >= MIN_LONG_QUOTE_WORDS {
                unattributed.push(Candidate {
                    kind: Kind::Direct,
                    fragments: vec![q.content],
                    cue: None,
                    speaker: None,
                    sentence: q_sentence,
                    evidence: 0.3,
                    writer: false,
                });
            }
        }
        out.extend(unattributed);
    }
}

/// Whether only the speaker's apposition, in the sentence of its cue, stands between a claim's
/// speaker and the quotation opening at token `open`: `“A,” said X, director of Y, “B.”`.
fn apposition_only(ctx: &Ctx, claim: &Candidate, open: usize) -> bool {
    let Some(speaker) = claim.speaker else {
        return false;
    };
    let doc = ctx.doc;
    let after = doc.tokens.partition_point(|t| t.span.start < speaker.end);
    after + 1 < open
        && open - after <= MAX_APPOSITION_TOKENS
        && ctx.word(after) == ","
        && ctx.word(open - 1) == ","
        && doc.sentence_of(after) == doc.sentence_of(open)
        && (after..open).all(|t| !ctx.is_quote(t) && !ctx.is(t, WordClass::RelativeWord))
}

/// A direct quotation `q` with a speech cue and a speaker of its own, as token ranges (a
/// signature's dash, a colon after a name, "put it"), in the sentence of its cue.
fn introduced_quotation(
    ctx: &Ctx,
    q: &QuoteSpan,
    (cue_start, cue_end): (usize, usize),
    lemma: &str,
    (first, last): (usize, usize),
    evidence: f32,
) -> Candidate {
    Candidate {
        kind: Kind::Direct,
        fragments: vec![q.content],
        cue: Some(Cue {
            span: ctx.span(cue_start, cue_end),
            lemma: lemma.into(),
            class: CueClass::Speech,
        }),
        speaker: Some(ctx.span(first, last)),
        sentence: ctx.doc.sentence_of(cue_start),
        evidence,
        writer: false,
    }
}

/// Whether the Penn tag `xpos` marks a finite verb or a modal.
fn finite_tag(xpos: &str) -> bool {
    matches!(xpos, "VBZ" | "VBD" | "VBP" | "MD")
}

/// A direct claim for a question or exclamation attributed by the next sentence.
fn question_claim(q: &QuoteSpan, cue: Cue, speaker: Span, si: usize) -> Candidate {
    Candidate {
        kind: Kind::Direct,
        fragments: vec![q.content],
        cue: Some(cue),
        speaker: Some(speaker),
        sentence: si,
        evidence: 0.8,
        writer: false,
    }
}

impl Default for RuleQuoteDetector {
    fn default() -> Self {
        RuleQuoteDetector::new(CueLexicon::default(), crate::lexicon::default_lexicon())
    }
}

impl QuoteDetector for RuleQuoteDetector {
    fn detect(&self, doc: &Analysis) -> Vec<Candidate> {
        let quotes = pair_quotes(doc);
        let mut inside = vec![None; doc.tokens.len()];
        let mut marks = vec![None; doc.tokens.len()];
        for (qi, q) in quotes.iter().enumerate() {
            marks[q.open] = Some((qi, true));
            if let Some(c) = q.close {
                marks[c] = Some((qi, false));
            }
            let end = q
                .close
                .unwrap_or_else(|| doc.tokens.partition_point(|t| t.span.start < q.outer.end));
            for slot in inside.iter_mut().take(end).skip(q.open + 1) {
                *slot = Some(qi);
            }
        }
        let classes = (0..doc.tokens.len())
            .map(|i| self.lexicon.classes(doc.token_text(i)))
            .collect();
        let ctx = Ctx {
            doc,
            quotes,
            inside,
            marks,
            classes,
        };

        let mut out: Vec<Candidate> = Vec::new();
        // Claims relayed by "citing Y": they share their content with the relaying claim.
        let mut relays: Vec<Candidate> = Vec::new();
        let mut hedges: Vec<Candidate> = Vec::new();
        for (si, sent) in doc.sentences.iter().enumerate() {
            if let Some(c) = self
                .headline_candidate(&ctx, si)
                .or_else(|| self.headline_quotation(&ctx, si))
                .or_else(|| self.cue_first_quotation(&ctx, si))
                .or_else(|| self.poll_finding(&ctx, si))
            {
                out.push(c);
            }
            let mut i = sent.tokens.start;
            let mut citing = Vec::new();
            while i < sent.tokens.end {
                let Some(m) = self.cue_at(&ctx, i, sent.tokens.end) else {
                    i += 1;
                    continue;
                };
                // Verbs inside quotations are examined too ("He told me that …"; `drop_nested`
                // keeps only the nested quotations of a closed one).
                let candidate = match m.shape {
                    // "claims by X that …" is a noun with its agent, not a verb.
                    CueShape::Verb { .. } if self.noun_with_agent(&ctx, i, sent.tokens.end) => self
                        .cues
                        .noun_at(ctx.word(i))
                        .and_then(|noun| self.noun_candidate(&ctx, si, i, &noun)),
                    CueShape::Verb { takes_object } => self
                        .verb_candidate(&ctx, si, i, &m, takes_object)
                        .filter(|c| !m.quote_only || c.kind == Kind::Direct)
                        .or_else(|| {
                            let noun = self.cues.noun_at(ctx.word(i))?;
                            self.noun_candidate(&ctx, si, i, &noun)
                        }),
                    CueShape::Noun => self.noun_candidate(&ctx, si, i, &m),
                    // The writer's hedge: "Sanders appeared to …".
                    CueShape::Hedge => {
                        hedges.extend(self.hedged_clause(&ctx, si, i, &m));
                        None
                    }
                    CueShape::Source if ctx.inside[i].is_none() => {
                        self.source_candidate(&ctx, si, i, &m)
                    }
                    CueShape::Citing if ctx.inside[i].is_none() => {
                        citing.push((i, m.clone()));
                        None
                    }
                    _ => None,
                };
                out.extend(candidate);
                i += m.len;
            }
            // "X, citing Y, said CONTENT": Y is a source of X's content too; "X said CONTENT,
            // citing low growth": what X cites is the content of a report of X's.
            for (i, m) in citing {
                relays.extend(
                    self.relayed_by_citation(&ctx, si, i, &m, &out)
                        .or_else(|| self.cited_claim(&ctx, si, i, &m, &out)),
                );
            }
        }

        out.extend(outermost_hedges(hedges, &out));
        for c in &mut out {
            self.open_with_relative_pronoun(&ctx, c);
            self.end_with_adverbial_clause(&ctx, c);
        }
        out.extend(self.signed_quotations(&ctx));
        out.extend(self.named_colon_quotations(&ctx));
        let introduced = self.subject_colon_quotations(&ctx, &out);
        out.extend(introduced);
        let reported = self.unknown_verb_quotations(&ctx, &out);
        out.extend(reported);
        out.extend(self.as_put_it_quotations(&ctx));
        close_open_quotations(&ctx, &mut out);
        drop_nested(&ctx, &mut out);
        self.join_quotations(&ctx, &mut out);
        let by_content = |c: &Candidate| {
            (
                c.content().start,
                c.content().end,
                c.cue.as_ref().map(|cue| cue.span.start),
            )
        };
        out.sort_by_key(by_content);
        out.dedup_by(|b, a| a.fragments == b.fragments && a.cue == b.cue);
        drop_rival_cues(&mut out);
        out.extend(relays);
        out.sort_by_key(by_content);
        out
    }
}

/// The hedges that neither hold nor share another report's cue ("Paul Ryan seems to feel the
/// case will …" is Ryan's report) nor stand inside another report's content.
fn outermost_hedges(hedges: Vec<Candidate>, reports: &[Candidate]) -> Vec<Candidate> {
    hedges
        .into_iter()
        .filter(|h| {
            let clause = h.content();
            reports.iter().all(|r| {
                let cue_inside = r.cue.as_ref().is_some_and(|c| {
                    clause.contains(c.span)
                        || h.cue.as_ref().is_some_and(|o| o.span.overlaps(c.span))
                });
                !cue_inside && !r.content().contains(clause)
            })
        })
        .collect()
}

/// One content, one report: of candidates claiming the same fragments through different cues
/// ("said in a statement that …", "expressed concern that …"), keeps the one with a speaker,
/// then a speech cue, then the strongest evidence, then the cue nearest the content. `out` is
/// sorted by content.
fn drop_rival_cues(out: &mut Vec<Candidate>) {
    let rank = |c: &Candidate| {
        let start = c.content().start;
        let distance = c.cue.as_ref().map_or(usize::MAX, |cue| {
            if cue.span.end <= start {
                start - cue.span.end
            } else {
                cue.span.start.saturating_sub(c.content().end)
            }
        });
        (
            c.speaker.is_some(),
            c.cue
                .as_ref()
                .is_some_and(|cue| cue.class == super::CueClass::Speech),
            (c.evidence * 100.0).round() as i32,
            std::cmp::Reverse(distance),
        )
    };
    let mut kept: Vec<Candidate> = Vec::with_capacity(out.len());
    for c in out.drain(..) {
        match kept.last_mut() {
            Some(last) if last.fragments == c.fragments => {
                if rank(&c) > rank(last) {
                    *last = c;
                }
            }
            _ => kept.push(c),
        }
    }
    *out = kept;
}

/// Sorted content fragments with the running maximum of their ends, for "is this byte inside
/// some fragment" queries in logarithmic time.
struct Coverage {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl Coverage {
    fn new<'c>(fragments: impl Iterator<Item = &'c Span>) -> Coverage {
        let mut spans: Vec<(usize, usize)> = fragments.map(|f| (f.start, f.end)).collect();
        spans.sort_unstable();
        let mut max_end = Vec::with_capacity(spans.len());
        let mut m = 0;
        for &(_, e) in &spans {
            m = m.max(e);
            max_end.push(m);
        }
        Coverage {
            starts: spans.into_iter().map(|(s, _)| s).collect(),
            max_end,
        }
    }

    fn covers(&self, at: usize) -> bool {
        let n = self.starts.partition_point(|&s| s <= at);
        n > 0 && self.max_end[n - 1] > at
    }
}

/// Runs mixed content that stops inside a quotation it opens (at a comma or a sentence end
/// within the quoted words) on to the quotation's closing mark: 'called it "a step, but a small
/// one" in …' and 'said that "we can win. We will win."' keep the whole quotation.
fn close_open_quotations(ctx: &Ctx, out: &mut [Candidate]) {
    let tokens = &ctx.doc.tokens;
    for c in out.iter_mut().filter(|c| c.kind == Kind::Mixed) {
        let Some(last) = c.fragments.last_mut() else {
            continue;
        };
        let end_tok = tokens.partition_point(|t| t.span.end <= last.end.saturating_sub(1));
        let Some(q) = ctx
            .inside
            .get(end_tok)
            .copied()
            .flatten()
            .map(|q| ctx.quotes[q])
        else {
            continue;
        };
        let Some(close) = q.close else { continue };
        if tokens[q.open].span.start >= last.start && tokens[close].span.end > last.end {
            last.end = tokens[close].span.end;
        }
    }
}

/// Drops reports nested in another report's content, which are the outer speaker's words
/// rather than attributions of their own: a belief or intention inside reported content ("said
/// he thinks …", "says she wants …") and reported speech inside a closed quotation.
fn drop_nested(ctx: &Ctx, out: &mut Vec<Candidate>) {
    let reported = Coverage::new(
        out.iter()
            .filter(|c| c.cue.is_some())
            .flat_map(|c| &c.fragments),
    );
    let quoted = Coverage::new(
        ctx.quotes
            .iter()
            .filter(|q| q.close.is_some())
            .map(|q| &q.content),
    );
    out.retain(|c| {
        let Some(cue) = &c.cue else { return true };
        let attitude = matches!(cue.class, CueClass::Thought | CueClass::Intention);
        !(attitude && reported.covers(cue.span.start)
            || c.kind != Kind::Direct && quoted.covers(cue.span.start))
    });
}
