//! Rule: a speaker the detector took from inside a modifier of the cue's subject gives way
//! to the subject. "Workers who spoke to the BBC said …", "Residents who were evacuated from
//! their homes said …", "People briefed on the talks said …" had the speakers "the BBC",
//! "evacuated from their homes" and "on the talks": the words right before the cue, which
//! belong to a relative clause or a participle phrase of the subject. Only a mention after a
//! lowercase word that opens no clause ("after", "and") is parsed; the parse must put the
//! whole mention inside the cue's subject phrase, below its head, after (or opening with) a
//! preposition, verb or pronoun: a noun before the mention may be the parser misreading one
//! phrase ("One protest organizer says").

use super::antecedents::is_pronoun;
use super::syntax::{parse_around, Parsed};
use super::RuleAttributor;
use crate::document::Analysis;
use crate::lexicon::WordClass;
use crate::parse::tree::{head_of, path, tops};
use crate::quote::Candidate;
use crate::span::Span;

impl RuleAttributor {
    /// The cue's parse subject of `c` when the detector's `mention` lies inside a modifier of
    /// that subject.
    pub(super) fn subject_past_modifier(
        &self,
        doc: &Analysis,
        c: &Candidate,
        mention: Span,
    ) -> Option<Span> {
        let cue = c.cue.as_ref()?;
        // A pronoun ("he", "who") is the subject of its own clause.
        let word = mention.slice(doc.text()).to_lowercase();
        let pronoun = is_pronoun(&word) || self.lexicon.is(WordClass::RelativeWord, &word);
        if pronoun || mention.end > cue.span.start || !self.may_be_embedded(doc, mention) {
            return None;
        }
        // Mention and cue in one sentence, parsed once.
        let Parsed {
            first,
            syntax,
            words,
        } = parse_around(doc, Span::new(mention.start, cue.span.end))?;
        let within = |span: Span| move |k: &usize| span.contains(doc.tokens[first + *k].span);
        let verb = words
            .iter()
            .copied()
            .filter(within(cue.span))
            .find(|&k| syntax.upos[k] == "VERB")?;
        let words: Vec<usize> = words.into_iter().filter(within(mention)).collect();
        let subject = (0..syntax.heads.len())
            .find(|&d| head_of(syntax, d) == Some(verb) && syntax.relations[d] == "nsubj")?;
        let inside = |k: usize| k != subject && path(syntax, k, usize::MAX).any(|x| x == subject);
        let heads = tops(syntax, &words);
        // A preposition, verb or pronoun embeds the mention; a noun before it may be the
        // parser's misreading of one phrase ("One protest organizer says").
        let embedding = |k: usize| matches!(syntax.upos[k], "ADP" | "VERB" | "AUX" | "PRON");
        let embedded = words
            .first()
            .is_some_and(|&k| embedding(k) || k.checked_sub(1).is_some_and(embedding));
        let below = embedded && !heads.is_empty() && heads.iter().all(|&k| inside(k));
        let subject_start = doc.tokens[first + subject].span.start;
        below
            .then(|| self.parsed_subject(doc, c))?
            .filter(|s| s.start <= subject_start && s.end <= mention.start)
    }

    /// Whether `mention` may sit inside a modifier (the cheap test before parsing): a
    /// lowercase word that opens no clause right before it, and a relative pronoun or a
    /// participle-like word ("-ed", "-en", "-ing") before it in its sentence.
    fn may_be_embedded(&self, doc: &Analysis, mention: Span) -> bool {
        let Some(sentence) = doc.sentences.get(doc.sentences_in(mention).start) else {
            return false;
        };
        let words: Vec<&str> = sentence
            .tokens
            .clone()
            .take_while(|&t| doc.tokens[t].span.end <= mention.start)
            .map(|t| doc.token_text(t))
            .collect();
        let Some(last) = words.last() else {
            return false;
        };
        let lowercase = |w: &str| w.chars().all(char::is_lowercase);
        let participle = |w: &&str| {
            lowercase(w)
                && ["ed", "en", "ing"]
                    .iter()
                    .any(|end| w.len() > 4 && w.ends_with(end))
        };
        lowercase(last)
            && !self.lexicon.is(WordClass::OwnClause, last)
            && words
                .iter()
                .any(|w| self.lexicon.is(WordClass::RelativeWord, w) || participle(w))
    }
}
