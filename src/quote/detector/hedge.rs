//! The writer's hedge: "Sanders appeared to dismiss the email issue", "Clinton seemed
//! irritated", "it seems likely that …", "The FBI is reportedly making arrangements …".
//! PolNeAR annotates the clause of a seeming verb or a hedging adverb as an evidential with no
//! source; the parse gives the clause.

use super::{Candidate, Ctx, RuleQuoteDetector};
use crate::parse::tree::{dependents, dominates, head_of};
use crate::quote::CueMatch;

/// Relations whose subtree is no part of the hedged clause: a parenthetical report ("…, he
/// said"), punctuation, and the conjunction or subordinator before the clause.
const OUTSIDE_CLAUSE: [&str; 4] = ["parataxis", "punct", "cc", "mark"];

impl RuleQuoteDetector {
    /// The hedged clause of the seeming verb at token `i` (sentence `si`): the verb's subtree
    /// in the parse, when it takes a complement ("to …", an adjective, "like …"). After an
    /// expletive "it" ("it seems likely that …") the content is what follows the verb. A
    /// hedging adverb ("reportedly") hedges the clause of the verb it modifies.
    pub(super) fn hedged_clause(
        &self,
        ctx: &Ctx,
        si: usize,
        i: usize,
        m: &CueMatch,
    ) -> Option<Candidate> {
        if ctx.inside[i].is_some() {
            return None;
        }
        let first = ctx.doc.sentences[si].tokens.start;
        let syntax = ctx.doc.syntax(si)?;
        let n = syntax.heads.len();
        let at = i - first;
        let adverb = syntax.relations[at] == "advmod" && syntax.xpos[at].starts_with("RB");
        let verb = if adverb { head_of(syntax, at)? } else { at };
        let children: Vec<usize> = dependents(syntax, verb).collect();
        // A participle in -ing right after the verb describes an appearance ("first appeared
        // wearing fatigues"; not "seemed to be shrinking").
        let next_is = |words: &[&str]| at + 1 < n && ctx.lower_is(i + 1, words);
        let complement = children.iter().any(|&d| {
            syntax.relations[d] == "xcomp" && !(d == verb + 1 && syntax.xpos[d] == "VBG")
        }) || next_is(&["like", "as"]);
        if !(adverb || complement) {
            return None;
        }
        let subject =
            |h: usize| dependents(syntax, h).find(|&d| syntax.relations[d].starts_with("nsubj"));
        // A coordinated clause with its own subject is another statement ("…, but that could
        // change").
        let outside = |d: usize| {
            OUTSIDE_CLAUSE.contains(&syntax.relations[d])
                || syntax.relations[d] == "conj" && subject(d).is_some()
        };
        let in_clause = |d: usize| {
            dominates(syntax, verb, d)
                && !children
                    .iter()
                    .any(|&c| outside(c) && dominates(syntax, c, d))
        };
        let expletive = !adverb
            && children
                .iter()
                .any(|&d| d < verb && ctx.lower_is(first + d, &["it"]))
            && !next_is(&["to"]);
        // The clause opens with its subject: adjuncts before it are the writer's framing ("In
        // the past few days, the politician … seemed to be shrinking").
        let from = match subject(verb).filter(|&d| d < verb) {
            _ if expletive => verb + 1,
            Some(d) => (0..=d).find(|&t| dominates(syntax, d, t)).unwrap_or(d),
            None => 0,
        };
        let start = (from..n).find(|&d| in_clause(d))?;
        let end = (start..n).rev().find(|&d| in_clause(d))?;
        let end = (start..=end)
            .rev()
            .find(|&d| !ctx.is_punct(first + d))
            .filter(|&d| d > at)?;
        let cue = m.cue(ctx.span(i, i));
        if start >= at {
            let content = ctx.span(first + start.max(at + 1), first + end);
            return Some(Candidate {
                writer: true,
                ..self.one_fragment(ctx, content, cue, None, si, 0.4)
            });
        }
        // PolNeAR's content leaves the cue out: "Melania | seems | to have vanished".
        let left = ctx.span(first + start, i - 1);
        let right = ctx.span(i + 1, first + end);
        Some(Candidate {
            kind: self.kind_of_fragments(ctx, left, right),
            fragments: vec![left, right],
            cue: Some(cue),
            speaker: None,
            sentence: si,
            evidence: 0.4,
            writer: true,
        })
    }
}
