//! The rule-based detector: cue-centred patterns over tokens and paired quotation marks.
//!
//! Patterns, per sentence:
//! - `SPEAKER (aux/adverbs) CUE (object) (that) CONTENT` and participles (`, adding that …`)
//! - `CONTENT, SPEAKER CUE.` / `“CONTENT,” SPEAKER CUE.` / `“CONTENT,” CUE SPEAKER.`
//! - `SPEAKER CUE: “CONTENT”` and mixed content with quoted fragments
//! - `according to / as per / as reported by SOURCE, CONTENT` (either order)
//! - quotations interrupted by their attribution become one candidate with two fragments;
//!   remaining quotations of four words or more become unattributed direct candidates.

mod asked;
mod headline_quote;
mod inverted;
mod left_subject;
mod passive;
mod relative;
mod report;
mod right_content;
mod verb_form;
mod vetoes;

use report::Report;

use super::cues::CueShape;
use super::{
    pair_quotes, Candidate, Cue, CueClass, CueLexicon, CueMatch, Kind, QuoteDetector, QuoteSpan,
};
use crate::document::Analysis;
use crate::lexicon::{Classes, Lexicon, WordClass};
use crate::ner::Label;
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
            // A body formed around a name ("The Sanders campaign", "the Obama administration").
            || ctx.is(i, WordClass::Following) && i > 0 && ctx.is_capitalised(i - 1)
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

    /// Token index where the subject before the cue at `cue` ends (exclusive): auxiliaries,
    /// adverbs, time adjuncts ("on Thursday evening", "last week") and a parenthesis ("Dianne
    /// Feinstein (D-Calif.) said") are skipped.
    fn subject_end(&self, ctx: &Ctx, sent_start: usize, cue: usize) -> usize {
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
    fn left_subject(&self, ctx: &Ctx, sent_start: usize, cue: usize) -> Option<(usize, usize)> {
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
    fn trailing_participle(&self, ctx: &Ctx, sent_start: usize, b: usize, adjunct: bool) -> bool {
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
    fn article_led_noun(&self, ctx: &Ctx, sent_start: usize, n: usize) -> bool {
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
    fn relative_head(&self, ctx: &Ctx, sent_start: usize, a: usize) -> Option<usize> {
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
    fn phrase_start(&self, ctx: &Ctx, sent_start: usize, b: usize) -> usize {
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
                    matches!(m.shape, CueShape::Verb { .. }) && m.class == super::CueClass::Speech
                }) && !(t > sent_start && ctx.is(t - 1, WordClass::NounMarker))
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

    /// Whether token `t` is a sentence's opening "That" before a lowercase noun phrase ("That
    /// person said"): a determiner, not a complementizer ("That he said it is clear").
    fn opening_demonstrative(&self, ctx: &Ctx, sent_start: usize, t: usize) -> bool {
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
    fn participle_ing(&self, ctx: &Ctx, t: usize) -> bool {
        let after_determiner = t > 0 && ctx.is(t - 1, WordClass::NounMarker);
        ctx.word(t).ends_with("ing")
            && !ctx.lower_is(t, &["during"])
            && !ctx.is(t, WordClass::TimeNoun)
            && !after_determiner
    }

    /// Where a date starting at token `t` ends, before `s1` ("Dec. 6", "December 6, 2015"):
    /// a month and a day number, perhaps a year after a comma.
    fn date_end(&self, ctx: &Ctx, t: usize, s1: usize) -> Option<usize> {
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
    fn ends_like_subject(&self, ctx: &Ctx, sent_start: usize, a: usize, b: usize) -> bool {
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

    /// A subject followed by an apposition, `“…,” Ki Hong, 33, said` / `Tom John, chairman of
    /// the party, said`: the name before the apposition's opening comma.
    fn appositive_subject(&self, ctx: &Ctx, s0: usize, cue: usize) -> Option<(usize, usize)> {
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
        // said", "A spokesman, however, said").
        (b > a && ctx.is(a, WordClass::Article)).then_some((a, b))
    }

    /// Where the main clause starts at or after token `a` (a sentence's first word past any
    /// dateline): past an opening subordinate clause or adverbial phrase and its comma
    /// ("During the conference, Wang said"); `None` when an adverbial's end is unknown.
    fn past_opening_adverbial(&self, ctx: &Ctx, a: usize, limit: usize) -> Option<usize> {
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
                // "Eight years ago, he …"
                || (a + 1..limit.min(a + 5))
                    .any(|t| ctx.lower_is(t, &["ago"]) && t + 1 < limit && ctx.word(t + 1) == ",")
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
    fn opens_main_clause(&self, ctx: &Ctx, sent_start: usize, a: usize, cue: usize) -> bool {
        a == sent_start
            || a > sent_start
                && self.past_opening_adverbial(ctx, self.after_dateline(ctx, sent_start, cue), cue)
                    == Some(a)
    }

    /// The sentence's grammatical subject: the noun phrase at its start, after an opening
    /// adverbial phrase ("During the conference, Wang said …").
    fn sentence_subject(
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
    fn source_like(&self, ctx: &Ctx, a: usize) -> bool {
        ctx.is(a, WordClass::Personal)
            || self.np_word(ctx, a)
            || ctx.is(a, WordClass::CountSubject)
            || ctx.is(a, WordClass::Determiner)
    }

    /// A subject `a..=b` that reads as a source: its first word does ([`Self::source_like`]),
    /// or up to two lowercase modifiers stand before a role, group or person noun ("union
    /// officials", "campaign aides").
    fn source_phrase(&self, ctx: &Ctx, a: usize, b: usize) -> bool {
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
    fn predicate_subject(&self, ctx: &Ctx, s0: usize, cue: usize) -> Option<(usize, usize)> {
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
    fn subordinate_clause_subject(&self, ctx: &Ctx, s0: usize, k: usize) -> Option<(usize, usize)> {
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
    fn right_phrase(&self, ctx: &Ctx, from: usize, sent_end: usize) -> Option<(usize, usize)> {
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

    /// True when the phrase at `from` is a subject whose verb follows a parenthesis set off by
    /// commas ("the program, run by the state, has brought …").
    fn finite_after_parenthesis(&self, ctx: &Ctx, from: usize, to: usize) -> bool {
        let Some(open) = (from + 1..to.min(from + MAX_OBJECT_TOKENS)).find(|&t| ctx.word(t) == ",")
        else {
            return false;
        };
        let Some(close) =
            (open + 1..to.min(open + MAX_APPOSITION_TOKENS)).find(|&t| ctx.word(t) == ",")
        else {
            return false;
        };
        close + 1 < to
            && ctx.doc.tokens[open + 1].kind == TokenKind::Word
            && !ctx.is(open + 1, WordClass::SubjectWord)
            && (self.verb_like(ctx, close + 1) || ctx.is(close + 1, WordClass::Modal))
    }

    /// Token index (exclusive) where the paragraph holding sentence `si` ends, at most
    /// [`MAX_PARAGRAPH_SENTENCES`] sentences on.
    fn paragraph_end(&self, ctx: &Ctx, si: usize) -> usize {
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
    fn coordinated_predicate(&self, ctx: &Ctx, from: usize, to: usize) -> Option<usize> {
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
    fn content_end(&self, ctx: &Ctx, from: usize, sent_end: usize) -> usize {
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
    fn kind_of_fragments(&self, ctx: &Ctx, left: Span, right: Span) -> Kind {
        match (self.kind_of(ctx, left), self.kind_of(ctx, right)) {
            (Kind::Indirect, Kind::Indirect) => Kind::Indirect,
            (Kind::Direct, Kind::Direct) => Kind::Direct,
            _ => Kind::Mixed,
        }
    }

    fn kind_of(&self, ctx: &Ctx, content: Span) -> Kind {
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
    /// one quotation with its marks becomes the quotation's content.
    fn content(&self, ctx: &Ctx, a: usize, b_excl: usize) -> Option<Span> {
        if a >= b_excl {
            return None;
        }
        let text = ctx.doc.text();
        let raw = ctx.span(a, b_excl - 1);
        if let Some(q) = ctx.quote_opened_at(a) {
            let rest = Span::new(q.outer.end, raw.end).trim_matches(text, &['.', ',', ';', ':']);
            if q.close.is_some() && rest.is_empty() {
                return Some(q.content);
            }
        }
        let span = raw.trim_matches(text, &[',', ';', ':', '—', '–']);
        let span = if span.slice(text).ends_with('.') && !span.slice(text).ends_with("..") {
            Span::new(span.start, span.end - 1)
        } else {
            span
        };
        let span = span.trim(text);
        (!span.is_empty()).then_some(span)
    }

    /// "X, citing Y, said CONTENT": when the cited phrase `Y` after the citing cue at token
    /// `i` names a source (a name or a person noun), the claim of the report after it is
    /// relayed with `Y` for its speaker.
    fn relayed_by_citation(
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
            ..relayed.clone()
        })
    }

    /// "McCain said …, citing low economic growth and unemployment", "The Journal, citing
    /// internal documents, reported …", "The company cut jobs, citing weak demand": what is
    /// cited (no source) is the content of a report by the speaker of the sentence's claim, or
    /// by its subject (PolNeAR's convention). Before the clause it modifies, the cited phrase
    /// ends at its comma; after it, with the sentence.
    fn cited_claim(
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
        })
    }

    /// A candidate for the cue verb at token `i` of sentence `si`.
    fn verb_candidate(
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
    fn one_fragment(
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
        }
    }

    /// Content to the left of an attribution at token `end` (exclusive): the quotation that
    /// closes there, or the clause from the sentence start (or the quotation's opening mark
    /// when it opened in an earlier sentence).
    fn left_content(
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
    fn plural_possessor(&self, ctx: &Ctx, s0: usize, mark: usize) -> Option<(usize, usize)> {
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

    /// A nominal report with its possessor as the source: `his claim that …`, `Trump’s
    /// repeated assertion that …`.
    fn noun_candidate(&self, ctx: &Ctx, si: usize, i: usize, m: &CueMatch) -> Option<Candidate> {
        let sent = &ctx.doc.sentences[si];
        let (s0, s1) = (sent.tokens.start, sent.tokens.end);
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

    /// A headline attribution: `Rubio: I Still Believe …` — a short name, a colon, content.
    fn headline_candidate(&self, ctx: &Ctx, si: usize) -> Option<Candidate> {
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
        let label = ctx.is(s0, WordClass::Caption);
        // A tally, an address or a note is no statement ("Clinton: 1,769", "Email:
        // desk@example.com", "Rubio: Finish second"); a quotation is ("Pell: “Vote early.”").
        let words = (colon + 1..s1)
            .filter(|&t| ctx.doc.tokens[t].kind == TokenKind::Word)
            .count();
        if !name_like
            || label
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

    /// A claim whose content stands on both sides of its attribution in sentence `si`
    /// ("A, X said, B"; "A, according to X, B"): from the sentence start to `gap.0`
    /// (exclusive) and from `gap.1` to the content's end.
    fn around_attribution(
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
        })
    }

    /// Quotations signed with a dash and a name (`“…” ― Lena Park.`), as in collected
    /// reader comments and epigraphs, or by a line of their own under a quotation that is a
    /// paragraph (`"…"` ¶ `- Sanders.`, as fact-checks list the claims they check).
    fn signed_quotations(&self, ctx: &Ctx) -> Vec<Candidate> {
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
    fn named_colon_quotations(&self, ctx: &Ctx) -> Vec<Candidate> {
        let doc = ctx.doc;
        let mut out = Vec::new();
        for q in ctx
            .quotes
            .iter()
            .filter(|q| q.close.is_some() && q.open >= 2)
        {
            if ctx.word(q.open - 1) != ":" || ctx.inside[q.open - 1].is_some() {
                continue;
            }
            let name_end = doc.tokens[q.open - 2].span.end;
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
            let colon = q.open - 1;
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

    /// Quotations introduced by "as X put it" (`As Akhil Amar put it, “…”`, `as one voter put
    /// it: “…”`): X speaks. The whole idiom is required ("He put the plan on hold, “…”" is
    /// none).
    fn as_put_it_quotations(&self, ctx: &Ctx) -> Vec<Candidate> {
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
    fn after_dateline(&self, ctx: &Ctx, start: usize, limit: usize) -> usize {
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
    fn opens_line(&self, ctx: &Ctx, t: usize) -> bool {
        let tokens = &ctx.doc.tokens;
        t == 0 || {
            let gap = Span::new(tokens[t - 1].span.end, tokens[t].span.start);
            gap.slice(ctx.doc.text()).contains('\n')
        }
    }

    /// "according to X, CONTENT" or "CONTENT, according to X".
    fn source_candidate(&self, ctx: &Ctx, si: usize, i: usize, m: &CueMatch) -> Option<Candidate> {
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
            if let Some(close) = close.filter(|&t| dash_or_comma(t) && t + 1 < s1) {
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
            if own_attribution {
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
    }
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
        for (si, sent) in doc.sentences.iter().enumerate() {
            if let Some(c) = self
                .headline_candidate(&ctx, si)
                .or_else(|| self.headline_quotation(&ctx, si))
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
                    CueShape::Verb { takes_object } => self
                        .verb_candidate(&ctx, si, i, &m, takes_object)
                        .filter(|c| !m.quote_only || c.kind == Kind::Direct)
                        .or_else(|| {
                            let noun = self.cues.noun_at(ctx.word(i))?;
                            self.noun_candidate(&ctx, si, i, &noun)
                        }),
                    CueShape::Noun => self.noun_candidate(&ctx, si, i, &m),
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

        for c in &mut out {
            self.open_with_relative_pronoun(&ctx, c);
        }
        out.extend(self.signed_quotations(&ctx));
        out.extend(self.named_colon_quotations(&ctx));
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
