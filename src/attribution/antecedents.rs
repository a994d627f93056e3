//! Antecedents of pronoun and definite-nominal speaker mentions ("he said", "the minister
//! said"), chosen by a ranker learned from hand-resolved speakers of PolNeAR train
//! (`claimex speakers train`, `models/antecedents.tsv`).
//!
//! The candidates are every person or organisation named before the mention outside
//! quotations, by canonical name, and "nobody" (the mention stays an unresolved description).
//! Each is described by agreement, recency and salience features conjoined with the mention's
//! form, and scored by a linear model; the best wins, "nobody" on a tie.

use std::collections::HashMap;
use std::fmt;

use super::{
    entities_in, pronoun_gender, same_prefix, strip_possessive, words, Claim, Names,
    RuleAttributor, Speaker,
};
use crate::document::Analysis;
use crate::features::{Features, Keys};
use crate::lexicon::WordClass;
use crate::ner::{Entity, Label};
use crate::quote::Kind;
use crate::ranker::Ranker;
use crate::span::Span;

/// The ranker of antecedents.
pub type AntecedentModel = Ranker;

/// The header line of its table.
pub const ANTECEDENTS_HEADER: &str =
    "Antecedent ranker weights (claimex speakers train; see models/README.md)";

/// The shipped ranker weights.
pub const DEFAULT_ANTECEDENTS: &str = include_str!("../../models/antecedents.tsv");

/// How a speaker mention refers to someone named elsewhere.
#[derive(Clone, Debug, PartialEq)]
pub enum Anaphor {
    /// A personal pronoun, by its nominative form ("he" for he/him/his).
    Pronoun(&'static str),
    /// A definite noun phrase without a name ("the foreign minister"), by its head word.
    Nominal {
        /// The head noun, lowercased, possessive stripped.
        head: String,
        /// The head is an organisation noun ("company", "court").
        organisation: bool,
        /// The head is a body a person forms ("campaign", "team").
        personal_body: bool,
        /// The head is a role word ("minister") or a noun for a kind of person ("businessman").
        role: bool,
        /// The head is a group noun ("officials").
        group: bool,
        /// A number word in the mention ("the two", "the three candidates") or a head that is
        /// the plural of a person noun ("the candidates"): a group of named persons may be
        /// meant.
        several: bool,
        /// The head's gender, for a gendered noun ("businessman", "spokeswoman"; true for a
        /// man).
        gender: Option<bool>,
    },
    /// A possessive pronoun before a body noun ("his campaign", "their team"): the body of
    /// whom the pronoun stands for, by the pronoun's nominative form and the body's word.
    Body(&'static str, String),
}

impl Anaphor {
    /// The form features are conjoined with: the pronoun, or `nom`.
    fn form(&self) -> &'static str {
        match self {
            Anaphor::Pronoun(p) | Anaphor::Body(p, _) => p,
            Anaphor::Nominal { .. } => "nom",
        }
    }
}

/// Personal pronouns by nominative form.
const PRONOUN_FORMS: [(&str, &[&str]); 6] = [
    ("he", &["he", "him", "his", "himself"]),
    ("she", &["she", "her", "hers", "herself"]),
    ("it", &["it", "its", "itself"]),
    ("they", &["they", "them", "their", "themselves"]),
    ("we", &["we", "us", "our"]),
    ("i", &["i", "me", "my"]),
];

/// Whether `w` (lowercase) is a form of a personal pronoun ("he", "their").
pub(super) fn is_pronoun(w: &str) -> bool {
    PRONOUN_FORMS.iter().any(|(_, forms)| forms.contains(&w))
}

/// Longest definite nominal handed to the ranker, in words.
const MAX_NOMINAL_WORDS: usize = 5;

/// A person or organisation the mention may stand for.
#[derive(Clone, Debug)]
pub struct Referent {
    speaker: Speaker,
    /// Sentence of the latest mention before the anaphor.
    last_sentence: usize,
    /// Byte offset of that mention.
    last_start: usize,
    /// Sentence of the first mention.
    first_sentence: usize,
    /// Mentions before the anaphor.
    mentions: usize,
    /// The latest mention is the first name of its sentence (a subject, mostly).
    subject: bool,
    /// How the latest mention is used (see [`RuleAttributor::mention_use`]), set once all
    /// mentions are collected.
    usage: &'static str,
    /// Gender the article marks (true for a man).
    gender: Option<bool>,
    /// 0 for the speaker of the latest claim naming its speaker, 1 for the one before, …
    claim_rank: Option<usize>,
    /// A pair of coordinated persons ("X and Y").
    pair: bool,
    /// A body named after someone ("Cruz’s campaign"): never "he", "she" or "I".
    body: bool,
    /// Every mention is the one an earlier claim's cue addresses ("told the BBC").
    addressed_only: bool,
    /// The head noun of the role the article gives the referent in apposition or as a
    /// predicate ("mayor" for "Mara Quill, the mayor of Dunmore," or "… is the mayor of
    /// Dunmore"), lowercase.
    described_as: Option<String>,
    /// A body formed here around a person named before, which the article never names so
    /// ("the campaign" → "Hillary Clinton campaign").
    derived: bool,
}

/// One mention to resolve, with its candidates; the first candidate is "nobody". `K` is a
/// feature key: its string in training, its hash at run time ([`crate::features`]).
#[derive(Clone, Debug)]
pub(super) struct Choice<K = String> {
    /// Each candidate's features, alone and conjoined with the mention's form (see
    /// [`Anaphor`]): the model's keys.
    pub(super) features: Vec<Vec<K>>,
    /// The speakers of the candidates after "nobody".
    pub(super) referents: Vec<Speaker>,
}

impl<K> Choice<K> {
    /// Whether candidate `k` names `gold` (a full name, or `None` for "nobody").
    pub(super) fn is_correct(&self, k: usize, gold: Option<&str>) -> bool {
        match (k, gold) {
            (0, None) => true,
            (0, Some(_)) | (_, None) => false,
            (k, Some(g)) => self.referents[k - 1]
                .name
                .as_deref()
                .is_some_and(|n| crate::eval::speakers::names_in_full(g, n)),
        }
    }
}

/// The anaphor a speaker mention is, if any: a personal pronoun (alone, or "he himself"; "his
/// wife" is someone else), a possessive pronoun before a body noun ("his campaign"), or "the" +
/// up to four words ending in a lowercase noun, capitalised only inside a place or a
/// miscellaneous name ("the Republican presidential candidate", "the New York businessman";
/// not "the Clinton campaign", which names someone).
pub fn anaphor(attributor: &RuleAttributor, doc: &Analysis, mention: Span) -> Option<Anaphor> {
    let mention_text = mention.slice(doc.text());
    let original = words(mention_text);
    let lower: Vec<String> = original.iter().map(|w| w.to_lowercase()).collect();
    let first = lower.first()?.clone();
    let alone = match lower.as_slice() {
        [_] => true,
        [_, second] => second.ends_with("self") || second.ends_with("selves"),
        _ => false,
    };
    if alone {
        if let Some((form, _)) = PRONOUN_FORMS
            .iter()
            .find(|(_, forms)| forms.contains(&first.as_str()))
        {
            return Some(Anaphor::Pronoun(form));
        }
    }
    if let [_, word] = lower.as_slice() {
        let possessor = ["his", "her", "its", "their"]
            .iter()
            .position(|p| *p == first);
        if let Some(k) = possessor.filter(|_| attributor.lexicon.is(WordClass::Following, word)) {
            return Some(Anaphor::Body(["he", "she", "it", "they"][k], word.clone()));
        }
    }
    if first == "both" && lower.len() <= 2 {
        // "Both", "both candidates", "Both campaigns": two named before, by the ranker.
        return Some(Anaphor::Nominal {
            head: strip_possessive(lower.last()?).to_string(),
            organisation: false,
            personal_body: false,
            role: false,
            group: false,
            several: true,
            gender: None,
        });
    }
    // A post-modifier does not head the phrase: "the former CEO of Hewlett-Packard" is a CEO,
    // "the spokesman for the campaign" a spokesman.
    let full_mention = mention;
    let (mention, original, lower) = match head_phrase_end(attributor, &lower) {
        Some(k) => {
            let end = original[k - 1].as_ptr() as usize - mention_text.as_ptr() as usize
                + original[k - 1].len();
            let head_phrase = Span::new(mention.start, mention.start + end);
            (head_phrase, original[..k].to_vec(), lower[..k].to_vec())
        }
        None => (mention, original, lower),
    };
    // "the player himself" is "the player".
    let reflexive = |w: &String| w.ends_with("self") || w.ends_with("selves");
    let kept = lower.len() - usize::from(lower.len() > 2 && lower.last().is_some_and(reflexive));
    let (original, lower) = (&original[..kept], &lower[..kept]);
    let head = strip_possessive(lower.last()?).to_string();
    // A role written in capitals is still a common noun: "the former CEO".
    let lowercase_head = original
        .last()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
        || is_acronym_role(attributor, original.last()?);
    // An age is said of a person: "the 24-year-old", "the 61-year-old film-maker".
    let aged = lower.iter().any(|w| is_age(w)) && !attributor.organisation_noun(&head);
    // A person's role may name its organisation: "the Labour MP", "the Fox News host".
    let affiliated = attributor.lexicon.is(WordClass::Role, &head)
        || attributor.lexicon.is(WordClass::Person, &head);
    if first != "the"
        || lower.len() < 2
        || lower.len() > MAX_NOMINAL_WORDS
        || !((lowercase_head || aged) && capitalised_only_in_names(doc, mention, affiliated)
            || title_case_role(attributor, doc, mention, original))
    {
        return None;
    }
    // "The government of Costa Rica" names whose government it is.
    let owned = mention.end < full_mention.end
        && !super::entities_in(doc, Span::new(mention.end, full_mention.end)).is_empty();
    // A body formed around someone ("the government", "the campaign") is that body, which
    // only a referent named so fits ("Turkish government", "Clinton campaign"), not any
    // organisation.
    let body = attributor.lexicon.is(WordClass::Following, &head);
    // A body or organisation with a named owner is no anaphor.
    if owned && (body || attributor.organisation_noun(&head)) {
        return None;
    }
    // "the prime minister's spokesman" and "the president of Judicial Watch" hold a role
    // relative to someone else: only a person given that role by name may be meant (see
    // [`agrees`]), not any person.
    let possessed = lower[..lower.len() - 1]
        .iter()
        .any(|w| strip_possessive(w).len() < w.len());
    Some(Anaphor::Nominal {
        organisation: !body && attributor.organisation_noun(&head),
        personal_body: body && attributor.lexicon.is(WordClass::PersonalBody, &head),
        role: !possessed
            && (aged
                || attributor.lexicon.is(WordClass::Role, &head)
                || attributor.lexicon.is(WordClass::Person, &head)),
        group: attributor.lexicon.is(WordClass::Group, &head),
        several: lower
            .iter()
            .any(|w| attributor.lexicon.is(WordClass::Cardinal, w))
            || head.strip_suffix('s').is_some_and(|one| {
                attributor.lexicon.is(WordClass::Person, one)
                    || attributor.lexicon.is(WordClass::Role, one)
            }),
        gender: gender_of(attributor, &head),
        head,
    })
}

/// The gender a noun gives its person ("businessman", "spokeswoman"; true for a man).
fn gender_of(attributor: &RuleAttributor, noun: &str) -> Option<bool> {
    if attributor.lexicon.is(WordClass::Masculine, noun) {
        Some(true)
    } else if attributor.lexicon.is(WordClass::Feminine, noun) {
        Some(false)
    } else {
        None
    }
}

impl RuleAttributor {
    /// The speaker `anaphor` at `mention` stands for: by the named rules for "it" and "I",
    /// else by the ranker; `None` for "nobody".
    pub(super) fn ranked(
        &self,
        doc: &Analysis,
        names: &Names,
        claims: &[Claim],
        mention: Span,
        anaphor: &Anaphor,
    ) -> Option<Speaker> {
        if *anaphor == Anaphor::Pronoun("it") {
            if let Some(subject) = self.clause_subject(doc, names, mention) {
                return Some(subject);
            }
        }
        if *anaphor == Anaphor::Pronoun("i") {
            return self.op_ed_author(doc, names);
        }
        if let Anaphor::Nominal { head, .. } = anaphor {
            if let Some(unnamed) = self.unnamed_source(doc, names, claims, mention, head) {
                return Some(unnamed);
            }
        }
        let choice = self.choice::<crate::features::Hashes>(doc, names, claims, mention, anaphor);
        let k = self.antecedents.best(&choice.features);
        let certainty = match anaphor {
            Anaphor::Pronoun(_) => 0.85,
            Anaphor::Nominal { .. } | Anaphor::Body(..) => 0.75,
        };
        (k > 0).then(|| Speaker {
            certainty,
            ..choice.referents[k - 1].clone()
        })
    }

    /// Rule for a definite nominal that no named referent's role or name fits: the unnamed
    /// source of the claim before, when its head noun is the same, as that description ("the prime
    /// minister's spokesman said … the spokesman said" → "prime minister's spokesman", not the
    /// prime minister; "A spokeswoman for the group said … The spokeswoman added").
    fn unnamed_source(
        &self,
        doc: &Analysis,
        names: &Names,
        claims: &[Claim],
        mention: Span,
        head: &str,
    ) -> Option<Speaker> {
        let text = doc.text();
        let earlier = claims
            .iter()
            .rev()
            .find(|c| c.speaker_mention.is_some_and(|m| m.end <= mention.start))
            .filter(|c| {
                c.speaker_type.is_none()
                    && c.speaker.is_some()
                    && c.speaker_mention.is_some_and(|m| {
                        self.head_noun(m.slice(text))
                            .is_some_and(|h| h.to_lowercase() == head)
                    })
            })?;
        let fits = self
            .referents(doc, names, claims, mention)
            .iter()
            .any(|r| head_fits(head, r));
        (!fits).then(|| Speaker {
            name: earlier.speaker.clone(),
            label: None,
            role: earlier.speaker_role.clone(),
            certainty: 0.6,
        })
    }

    /// Rule for "it", which the training sample barely has (its "it" are mostly documents): the
    /// first organisation or place of the pronoun's sentence, outside quotations ("Beijing has
    /// emerged as a partner for Russia, even though it has claimed neutrality" → Beijing).
    fn clause_subject(&self, doc: &Analysis, names: &Names, mention: Span) -> Option<Speaker> {
        let sentence = names.sentence_ends.partition_point(|&e| e <= mention.start);
        let start = doc.sentences.get(sentence)?.span.start;
        let first = doc
            .entities
            .iter()
            .filter(|e| e.span.start >= start && e.span.end <= mention.start)
            .find(|e| !names.in_quote(e.span) && matches!(e.label, Label::Org | Label::Loc))?;
        (!self.names_person(doc, names, first))
            .then(|| self.resolve_entity(doc, names, first, 0.85))
    }

    /// Rule for "I" outside quotations, which is the writer: an opinion piece's author, named
    /// by the closing bio line — a last paragraph of one sentence that opens with a person's
    /// full name followed by "is" or a comma ("Rick Scott is the Republican governor of
    /// Florida.", "Glenn Harlan Reynolds, a law professor, is a member of USA TODAY's Board of
    /// Contributors.", "Gaudiano is a reporter for …") — or by a columnist's headline, a full
    /// name and a colon opening the article ("Ann Coulter: And Then There Was One"); without
    /// either, nobody (the ranker got none of the train sample's "I").
    fn op_ed_author(&self, doc: &Analysis, names: &Names) -> Option<Speaker> {
        self.bio_line_author(doc, names)
            .or_else(|| self.headline_author(doc, names))
    }

    /// The columnist a headline names before its colon, at the very start of the article.
    fn headline_author(&self, doc: &Analysis, names: &Names) -> Option<Speaker> {
        let text = doc.text();
        let first = doc.entities.first().filter(|e| e.span.start == 0)?;
        let full = words(first.span.slice(text)).len() >= 2;
        let labelled = text[first.span.end..].starts_with(':');
        (first.label == Label::Per && full && labelled)
            .then(|| self.resolve_entity(doc, names, first, 0.7))
    }

    /// The author a closing bio line names.
    fn bio_line_author(&self, doc: &Analysis, names: &Names) -> Option<Speaker> {
        let text = doc.text();
        let last = doc.sentences.last()?;
        let before = text[..last.span.start].trim_end_matches([' ', '\t']);
        if !before.ends_with('\n') {
            return None;
        }
        let first = doc.tokens.get(last.tokens.start)?;
        let entity = doc
            .entities
            .iter()
            .rev()
            .find(|e| e.span.start == first.span.start)?;
        let after = text[entity.span.end..].trim_start();
        let bio = after.starts_with(',') || after.starts_with("is ");
        // A surname alone is the writer when described ("Gaudiano is a Washington-based
        // reporter for …"), not merely the subject of a closing sentence.
        let described = after.starts_with("is a ") || after.starts_with("is an ");
        let full = words(entity.span.slice(text)).len() >= 2;
        (bio && entity.label == Label::Per && (full || described))
            .then(|| self.resolve_entity(doc, names, entity, 0.85))
    }

    /// The candidates for `anaphor` at `mention`, with their features as `S` keys.
    pub(super) fn choice<S: Keys>(
        &self,
        doc: &Analysis,
        names: &Names,
        claims: &[Claim],
        mention: Span,
        anaphor: &Anaphor,
    ) -> Choice<S::Key> {
        let sentence = names.sentence_ends.partition_point(|&e| e <= mention.start);
        let mut referents = self.referents(doc, names, claims, mention);
        let groups = match anaphor {
            Anaphor::Nominal { several: true, .. } => words(mention.slice(doc.text()))
                .iter()
                .find_map(|w| number_word(w))
                .map(|n| latest_groups(&referents, n))
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let derived = derived_bodies(anaphor, &referents);
        let object = self.named_after_verb(doc, names, mention);
        let mention_words: Vec<String> = words(mention.slice(doc.text()))
            .iter()
            .map(|w| w.to_lowercase())
            .collect();
        let head = match anaphor {
            Anaphor::Nominal { head, .. } => Some(head.as_str()),
            _ => None,
        };
        referents.retain(|r| {
            agrees(anaphor, r)
                && (object.is_none() || r.speaker.name.as_ref() != object)
                && !head.is_some_and(|h| self.holds_another_office(r, h, &mention_words))
        });
        if matches!(anaphor, Anaphor::Nominal { .. }) {
            keep_affiliated(mention.slice(doc.text()), &mut referents);
        }
        if let Anaphor::Nominal { head, .. } = anaphor {
            // A referent whose role or name has the head ("the court" → "Supreme Court") wins
            // over one that only agrees in type.
            if referents.iter().any(|r| head_fits(head, r)) {
                referents.retain(|r| head_fits(head, r));
            } else {
                referents.extend(derived);
            }
        }
        if matches!(
            anaphor,
            Anaphor::Pronoun("they" | "we") | Anaphor::Nominal { several: true, .. }
        ) {
            if let Some((pair, named_in, subject)) = self.coordinated_referents(doc, names, mention)
            {
                referents.push(Referent {
                    last_sentence: named_in,
                    last_start: mention.start,
                    first_sentence: named_in,
                    mentions: 1,
                    subject,
                    usage: "plain",
                    gender: None,
                    claim_rank: None,
                    pair: true,
                    body: false,
                    addressed_only: false,
                    speaker: pair,
                    described_as: None,
                    derived: false,
                });
            }
        }
        referents.extend(groups);
        let initial = doc.sentences.get(sentence).is_some_and(|s| {
            doc.tokens
                .get(s.tokens.start)
                .is_some_and(|t| t.span.start == mention.start)
        });
        let mut nobody = S::with_prefix(anaphor.form());
        nobody_features(anaphor, &referents, &mut nobody);
        let mut features = vec![nobody.into_keys()];
        for r in &referents {
            let mut f = S::with_prefix(anaphor.form());
            referent_features(anaphor, r, &referents, sentence, initial, &mut f);
            // News writes a paragraph about one person: a referent named in the mention's
            // paragraph is likelier.
            let breaks = names
                .paragraph_starts
                .partition_point(|&p| p <= mention.start)
                - names
                    .paragraph_starts
                    .partition_point(|&p| p <= r.last_start);
            f.add(format_args!("paragraphs={}", bucket(breaks, &[0, 1])));
            // Named last inside what an earlier claim reports ("X said Sharapova had a great
            // future. '…,' she said" is X).
            let reported = claims.iter().any(|c| {
                c.kind == Kind::Indirect
                    && c.content()
                        .contains(Span::new(r.last_start, r.last_start + 1))
            });
            f.add(format_args!("reported={reported}"));
            features.push(f.into_keys());
        }
        let referents = referents.into_iter().map(|r| match anaphor {
            Anaphor::Body(_, word) => body_of(&r.speaker, word),
            _ => Some(r.speaker),
        });
        Choice {
            features,
            referents: referents.map(Option::unwrap_or_default).collect(),
        }
    }

    /// Rule: a role modifier that makes another office (`otheroffice` in `lexicon.tsv`) must be
    /// in a nominal that stands for the role's holder: "the president" is not Vice President
    /// Joe Biden or Former President George W. Bush, "the chancellor" not Shadow chancellor
    /// Oliver Letwin; "the vice president" is Biden. Only a role with the nominal's head is
    /// read ("the Vermont senator" may be a former candidate).
    fn holds_another_office(&self, r: &Referent, head: &str, mention_words: &[String]) -> bool {
        let Some(role) = r.speaker.role.as_deref() else {
            return false;
        };
        let role_words = words(role);
        let Some((role_head, modifiers)) = role_words.split_last() else {
            return false;
        };
        let role_head = strip_possessive(role_head).to_lowercase();
        if !word_fits_head(&role_head, head) {
            return false;
        }
        modifiers.iter().any(|w| {
            let w = w.to_lowercase();
            self.lexicon.is(WordClass::OtherOffice, &w) && !mention_words.contains(&w)
        })
    }

    /// Rule (binding): the name right after the mention's verb, which the mention cannot stand
    /// for ("he told Hannity", "she asked Richards", "he said Clinton lied": none of them is
    /// the one named); at most two lowercase words between.
    fn named_after_verb<'n>(
        &self,
        doc: &Analysis,
        names: &'n Names,
        mention: Span,
    ) -> Option<&'n String> {
        let next = doc.tokens.partition_point(|t| t.span.start < mention.end);
        let e = doc.entities.partition_point(|e| e.span.start < mention.end);
        let entity = doc.entities.get(e)?;
        let gap = doc.tokens[next..]
            .iter()
            .take_while(|t| t.span.start < entity.span.start);
        let words: Vec<&str> = gap.map(|t| t.span.slice(doc.text())).collect();
        let lowercase = |w: &&str| w.chars().all(char::is_lowercase);
        if words.is_empty() || words.len() > 2 || !words.iter().all(lowercase) {
            return None;
        }
        let speakers = names
            .entity_speakers
            .get_or_init(|| self.entity_speakers(doc, names));
        speakers.get(e)?.0.as_ref()?.name.as_ref()
    }

    /// Whether a personal subject pronoun ("he", "they", …) lies between char offsets `from`
    /// and `to`.
    fn pronoun_between(&self, doc: &Analysis, from: usize, to: usize) -> bool {
        let first = doc.tokens.partition_point(|t| t.span.start < from);
        doc.tokens[first..]
            .iter()
            .take_while(|t| t.span.start < to)
            .any(|t| {
                self.lexicon
                    .is(WordClass::Personal, t.span.slice(doc.text()))
            })
    }

    /// Persons and organisations named before `mention` outside quotations, by canonical name,
    /// in order of first mention.
    fn referents(
        &self,
        doc: &Analysis,
        names: &Names,
        claims: &[Claim],
        mention: Span,
    ) -> Vec<Referent> {
        let mut referents: Vec<Referent> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut last_sentence_seen = usize::MAX;
        let speakers = names
            .entity_speakers
            .get_or_init(|| self.entity_speakers(doc, names));
        let clause_starts = self.clause_starts(doc, names);
        // Each referent's latest mention.
        let mut latest: Vec<&Entity> = Vec::new();
        let before = doc
            .entities
            .partition_point(|e| e.span.end <= mention.start);
        let text = doc.text();
        let addressed = addressed(doc, claims);
        for ((e, (speaker, body)), &told) in
            doc.entities[..before].iter().zip(speakers).zip(&addressed)
        {
            if names.in_quote(e.span) || e.label == Label::Misc {
                continue;
            }
            let Some(speaker) = speaker else {
                continue;
            };
            let sentence = names
                .sentence_ends
                .partition_point(|&end| end <= e.span.start);
            // The first name of its sentence's main clause, unless a personal pronoun is
            // that clause's subject ("Then he turned to Marco Rubio").
            let in_clause = e.span.start >= clause_starts[sentence];
            let subject = in_clause
                && sentence != last_sentence_seen
                && !self.pronoun_between(doc, clause_starts[sentence], e.span.start);
            if in_clause {
                last_sentence_seen = sentence;
            }
            for (speaker, is_body) in [(Some(speaker), false), (body.as_ref(), true)] {
                let Some(name) = speaker.and_then(|s| s.name.as_deref()) else {
                    continue;
                };
                let k = *index.entry(name).or_insert_with(|| {
                    referents.push(Referent {
                        gender: names.genders.get(name).copied(),
                        speaker: speaker.cloned().unwrap_or_default(),
                        last_sentence: sentence,
                        last_start: e.span.start,
                        first_sentence: sentence,
                        mentions: 0,
                        subject: subject && !is_body,
                        usage: "plain",
                        claim_rank: None,
                        pair: false,
                        body: is_body,
                        addressed_only: true,
                        described_as: (!is_body)
                            .then(|| names.appositive_roles.get(name))
                            .flatten()
                            .map(|role| self.role_head(role)),
                        derived: false,
                    });
                    referents.len() - 1
                });
                // A mention right after the one before ("the Confederation of British
                // Industry (CBI) said") keeps the subject that one was.
                let gap = latest
                    .get(k)
                    .and_then(|p| text.get(p.span.end..e.span.start))
                    .map(str::trim);
                let r = &mut referents[k];
                r.mentions += 1;
                r.addressed_only &= told;
                let subject_before = r.subject && matches!(gap, Some("" | "(" | ","));
                r.last_sentence = sentence;
                r.last_start = e.span.start;
                r.subject = (subject || subject_before) && !is_body;
                latest.resize(referents.len(), e);
                latest[k] = e;
            }
        }
        for (r, e) in referents.iter_mut().zip(latest) {
            r.usage = self.mention_use(doc, e);
        }
        // Earlier claims whose speaker was called "he" or "she" tell an unmarked gender.
        for c in claims {
            let mention_gender = c
                .speaker_mention
                .filter(|m| m.end <= mention.start)
                .and_then(|m| pronoun_gender(m.slice(doc.text())));
            let k = c.speaker.as_deref().and_then(|n| index.get(n));
            if let (Some(g), Some(&k)) = (mention_gender, k) {
                referents[k].gender.get_or_insert(g);
            }
        }
        // Sentences before the mention that open with "He"/"She" after naming one person.
        let sentence = names.sentence_ends.partition_point(|&e| e <= mention.start);
        for (_, name, g) in names.opener_genders.iter().filter(|v| v.0 < sentence) {
            if let Some(&k) = index.get(name.as_str()) {
                referents[k].gender.get_or_insert(*g);
            }
        }
        // Speakers of earlier claims that name their speaker, latest first.
        let named_claims = claims.iter().rev().filter(|c| {
            c.speaker_mention.is_some_and(|m| {
                m.end <= mention.start && entities_in(doc, m).iter().any(|e| m.contains(e.span))
            })
        });
        let mut rank = 0;
        for c in named_claims {
            let Some(&k) = c.speaker.as_deref().and_then(|n| index.get(n)) else {
                continue;
            };
            if referents[k].claim_rank.is_none() {
                referents[k].claim_rank = Some(rank);
                rank += 1;
            }
        }
        referents
    }

    /// Each entity's speaker (`None` in a headline), and the body its name forms with a
    /// following word (`Cruz’s campaign`, `the Obama administration` → "Ted Cruz campaign",
    /// "Barack Obama administration", an organisation).
    fn entity_speakers(
        &self,
        doc: &Analysis,
        names: &Names,
    ) -> Vec<(Option<Speaker>, Option<Speaker>)> {
        // Entities come in text order, so each sentence is tested for a headline once.
        let mut last: Option<(usize, bool)> = None;
        doc.entities
            .iter()
            .map(|e| {
                let sentence = names
                    .sentence_ends
                    .partition_point(|&end| end <= e.span.start);
                let headline = match last {
                    Some((s, h)) if s == sentence => h,
                    _ => doc.is_title_case(sentence),
                };
                last = Some((sentence, headline));
                if headline {
                    return (None, None);
                }
                let speaker = self.resolve_entity(doc, names, e, 0.8);
                let body = self
                    .following_body(doc, e.span.end)
                    .map(|(_, word)| word)
                    .and_then(|word| body_of(&speaker, word));
                (Some(speaker), body)
            })
            .collect()
    }

    /// How a name is used, by its neighbours: `possessive` ("Trump's"), `modifier` before a
    /// person or body noun ("Trump aides", "Bush speechwriter"), `oblique` after a preposition
    /// ("a call from Trump"), else `plain`.
    fn mention_use(&self, doc: &Analysis, e: &Entity) -> &'static str {
        let after = doc.tokens.partition_point(|t| t.span.start < e.span.end);
        let next = doc.tokens.get(after).map(|t| t.span.slice(doc.text()));
        let person_or_body = |w: &str| {
            let one = w.strip_suffix('s').unwrap_or(w);
            [WordClass::Person, WordClass::Role, WordClass::Following]
                .iter()
                .any(|&c| self.lexicon.is(c, w) || self.lexicon.is(c, one))
        };
        let before = doc.tokens.partition_point(|t| t.span.start < e.span.start);
        match next {
            Some("’s" | "'s") => "possessive",
            Some(w) if w.starts_with(char::is_lowercase) && person_or_body(w) => "modifier",
            _ if before
                .checked_sub(1)
                .is_some_and(|b| self.lexicon.is(WordClass::Preposition, doc.token_text(b))) =>
            {
                "oblique"
            }
            _ => "plain",
        }
    }

    /// The word for a body right after a name ending at `end`, past a possessive ("’s
    /// campaign", "Sanders’ campaign"), with its span, if the lexicon has it.
    pub(super) fn following_body<'d>(
        &self,
        doc: &'d Analysis,
        end: usize,
    ) -> Option<(Span, &'d str)> {
        let mut i = doc.tokens.partition_point(|t| t.span.start < end);
        if doc
            .tokens
            .get(i)
            .is_some_and(|t| matches!(t.span.slice(doc.text()), "’s" | "'s" | "’" | "'"))
        {
            i += 1;
        }
        let span = doc.tokens.get(i)?.span;
        let word = span.slice(doc.text());
        (word.starts_with(|c: char| c.is_lowercase())
            && self.lexicon.is(WordClass::Following, word))
        .then_some((span, word))
    }
}

/// The body named after `speaker` by `word` ("Ted Cruz" and "campaign" → the organisation
/// "Ted Cruz campaign"), if the speaker has a name.
pub(super) fn body_of(speaker: &Speaker, word: &str) -> Option<Speaker> {
    Some(Speaker {
        name: Some(format!("{} {word}", speaker.name.as_deref()?)),
        label: Some(Label::Org),
        role: None,
        certainty: speaker.certainty,
    })
}

/// Whether `word` is a role written as an acronym ("CEO", "CFO").
fn is_acronym_role(attributor: &RuleAttributor, word: &str) -> bool {
    word.len() >= 2
        && word.chars().all(|c| c.is_ascii_uppercase())
        && attributor.lexicon.is(WordClass::Role, word)
}

/// Where a nominal's head phrase ends: before its first preposition after "the" and a word
/// ("the former CEO | of Hewlett-Packard", "the nominee | for the Nov. 8 election").
fn head_phrase_end(attributor: &RuleAttributor, lower: &[String]) -> Option<usize> {
    (2..lower.len()).find(|&k| attributor.lexicon.is(WordClass::Preposition, &lower[k]))
}

impl RuleAttributor {
    /// The head noun of a role phrase, lowercase: its last word before a preposition ("mayor"
    /// for "mayor of Dunmore", "secretary" for "Labour's shadow health secretary").
    fn role_head(&self, role: &str) -> String {
        let ws = words(role);
        let end = (1..ws.len())
            .find(|&k| self.lexicon.is(WordClass::Preposition, ws[k]))
            .unwrap_or(ws.len());
        strip_possessive(ws[end - 1]).to_lowercase()
    }
}

/// Whether every capitalised word of `mention` after its first lies inside a place or a
/// miscellaneous name ("Republican", "New York") — or, for an `affiliated` role, an
/// organisation's ("the Labour MP") — or is no word of a person's name in the article
/// ("Conservative" the tagger missed; not "Cruz" of Ted Cruz), and no person (nor, unless
/// `affiliated`, organisation) is named in it.
fn capitalised_only_in_names(doc: &Analysis, mention: Span, affiliated: bool) -> bool {
    let entities = super::entities_in(doc, mention);
    let names = |e: &Entity| match e.label {
        Label::Per => true,
        Label::Org => !affiliated,
        Label::Loc | Label::Misc => false,
    };
    if entities.iter().any(names) {
        return false;
    }
    let rest = mention
        .slice(doc.text())
        .split_once(' ')
        .map_or("", |(_, r)| r);
    let rest_start = mention.end - rest.len();
    rest.split(' ')
        .scan(rest_start, |at, w| {
            let span = Span::new(*at, *at + w.len());
            *at += w.len() + 1;
            Some((w, span))
        })
        .filter(|(w, _)| w.chars().next().is_some_and(char::is_uppercase))
        .all(|(w, span)| {
            entities
                .iter()
                .any(|e| e.span.contains(span) && e.label != Label::Per)
                || !in_a_person_name(doc, w)
        })
}

/// Whether `word` gives an age in the news style "24-year-old" ("the 24-year-old", "the
/// 61-year-old film-maker"), which is said of a person.
fn is_age(word: &str) -> bool {
    word.strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Whether `word` is a word of a person's name the article tags.
fn in_a_person_name(doc: &Analysis, word: &str) -> bool {
    let word = strip_possessive(word);
    doc.entities
        .iter()
        .filter(|e| e.label == Label::Per)
        .any(|e| {
            words(e.span.slice(doc.text()))
                .iter()
                .any(|n| strip_possessive(n) == word)
        })
}

/// Whether a mention is "the" and a role in title case, as British news writes a position
/// ("the Prime Minister", "the Home Secretary", "the Chancellor"): every word after "the"
/// capitalised but joining prepositions ("the Secretary of State"), its last a role word or
/// title, and no person or organisation named in it.
fn title_case_role(
    attributor: &RuleAttributor,
    doc: &Analysis,
    mention: Span,
    original: &[&str],
) -> bool {
    let Some(head) = original.last() else {
        return false;
    };
    let role_or_title =
        |w: &str| attributor.is_role_word(w) || attributor.is_word(WordClass::Title, w);
    let role = attributor
        .lexicon
        .is(WordClass::Role, strip_possessive(head))
        || attributor.is_word(WordClass::Title, head);
    let title_case = original
        .iter()
        .skip(1)
        .all(|w| matches!(*w, "of" | "for") || w.chars().next().is_some_and(char::is_uppercase));
    // A role word the tagger took for a name ("Chancellor" as ORG) names nobody.
    let names_someone = |e: &Entity| {
        matches!(e.label, Label::Per | Label::Org)
            && !words(e.span.slice(doc.text()))
                .into_iter()
                .all(role_or_title)
    };
    role && title_case && !super::entities_in(doc, mention).iter().any(names_someone)
}

/// How many a word counts ("both", "two", … "five"), for "both candidates", "the three".
fn number_word(word: &str) -> Option<usize> {
    match word.to_lowercase().as_str() {
        "both" | "two" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        "five" => Some(5),
        _ => None,
    }
}

/// The latest `n` persons, and the latest `n` organisations, named before the mention, each as
/// one group ("both candidates" after Clinton and then Sanders → "Hillary Clinton and Bernie
/// Sanders"), in order of their latest mention; for the ranker to weigh like a pair.
fn latest_groups(referents: &[Referent], n: usize) -> Vec<Referent> {
    [Label::Per, Label::Org]
        .into_iter()
        .filter_map(|label| {
            let mut members: Vec<&Referent> = referents
                .iter()
                .filter(|r| r.speaker.label == Some(label) && !r.pair)
                .collect();
            members.sort_by_key(|r| std::cmp::Reverse(r.last_start));
            members.truncate(n);
            members.reverse();
            if members.len() < n {
                return None;
            }
            let names: Option<Vec<&str>> =
                members.iter().map(|r| r.speaker.name.as_deref()).collect();
            Some(Referent {
                speaker: Speaker {
                    name: Some(names?.join(" and ")),
                    label: Some(label),
                    role: None,
                    certainty: 0.7,
                },
                last_sentence: members.iter().map(|r| r.last_sentence).min()?,
                last_start: members.iter().map(|r| r.last_start).max()?,
                first_sentence: members.iter().map(|r| r.first_sentence).min()?,
                mentions: members.iter().map(|r| r.mentions).min()?,
                subject: false,
                usage: "plain",
                gender: None,
                claim_rank: None,
                pair: true,
                body: false,
                addressed_only: false,
                described_as: None,
                derived: false,
            })
        })
        .collect()
}

/// Rule for a nominal of a body a person forms ("the campaign" where the article never
/// writes "the Clinton campaign"; the caller adds them only when no referent's name fits):
/// the body of each person named before, for the ranker to choose among by the person's
/// features, or nobody.
fn derived_bodies(anaphor: &Anaphor, referents: &[Referent]) -> Vec<Referent> {
    let Anaphor::Nominal {
        head,
        personal_body: true,
        ..
    } = anaphor
    else {
        return Vec::new();
    };
    if plural(head) {
        return Vec::new();
    }
    referents
        .iter()
        .filter(|r| r.speaker.label == Some(Label::Per) && !r.pair && !r.body)
        .filter_map(|r| {
            Some(Referent {
                speaker: body_of(&r.speaker, head)?,
                body: true,
                derived: true,
                ..r.clone()
            })
        })
        .collect()
}

/// Whether a referent can be called so: never "he" or "she" if the article, the first-name
/// table or an earlier claim gives it the other gender; "it" is an organisation or a place, "they" and "we"
/// too ("China") or a pair of persons, "he", "she" and "I" are persons or organisations (the tagger
/// mistypes persons, "Trump" as ORG). A nominal only stands for a referent the article links
/// to it, by the referent's role or name ("the minister" for "Foreign Minister Wang Yi", "the
/// court" for "Supreme Court"), or an organisation noun an organisation ("the company"):
/// otherwise it stays a description, never a guess.
fn agrees(anaphor: &Anaphor, r: &Referent) -> bool {
    let label = r.speaker.label;
    let gender = match anaphor {
        Anaphor::Pronoun(p) | Anaphor::Body(p, _) => pronoun_gender(p),
        Anaphor::Nominal { gender, .. } => *gender,
    };
    if gender.is_some_and(|g| r.gender.is_some_and(|m| m != g)) {
        return false;
    }
    match anaphor {
        Anaphor::Pronoun("it") => matches!(label, Some(Label::Org | Label::Loc)),
        Anaphor::Pronoun("they" | "we") => r.pair || matches!(label, Some(Label::Org | Label::Loc)),
        Anaphor::Pronoun(_) => !r.body && matches!(label, Some(Label::Per | Label::Org)),
        Anaphor::Body(p, _) => agrees(&Anaphor::Pronoun(p), r),
        Anaphor::Nominal {
            head,
            organisation,
            role,
            group,
            ..
        } => {
            head_fits(head, r) && !(plural(head) && label == Some(Label::Per) && !r.pair)
                || *organisation && label == Some(Label::Org) && !r.addressed_only
                || *role && !*group && !plural(head) && label == Some(Label::Per) && !r.body
        }
    }
}

/// Features of "nobody": the mention's shape, and whether any candidate fits a nominal's head.
fn nobody_features(anaphor: &Anaphor, referents: &[Referent], f: &mut impl Features) {
    f.add(format_args!("nobody"));
    if let Anaphor::Nominal {
        head,
        role,
        group,
        organisation,
        several,
        ..
    } = anaphor
    {
        f.add(format_args!("nobody&role={role}"));
        f.add(format_args!("nobody&organisation={organisation}"));
        f.add(format_args!("nobody&group={group}"));
        f.add(format_args!("nobody&several={several}"));
        let fits = referents.iter().any(|r| head_fits(head, r));
        f.add(format_args!("nobody&fits={fits}"));
    }
    if !referents
        .iter()
        .any(|r| r.speaker.label == Some(Label::Per))
    {
        f.add(format_args!("nobody&no_person"));
    }
}

/// Features of one referent: type, gender agreement, recency, salience, earlier claims, and
/// for a nominal, whether the referent's role or name has its head.
fn referent_features(
    anaphor: &Anaphor,
    r: &Referent,
    all: &[Referent],
    sentence: usize,
    initial: bool,
    f: &mut impl Features,
) {
    let label = r.speaker.label.map_or("none", Label::as_str);
    let later = |test: &dyn Fn(&Referent) -> bool| {
        all.iter()
            .filter(|o| test(o) && o.last_start > r.last_start)
            .count()
    };
    let recent = later(&|_| true);
    let recent_same = later(&|o| o.speaker.label == r.speaker.label);
    let salience = all.iter().filter(|o| o.mentions > r.mentions).count();
    let distance = sentence.saturating_sub(r.last_sentence);
    let claim = Bucket(r.claim_rank, &[0, 1]);
    f.add(format_args!("type={label}"));
    f.add(format_args!("dist={}", bucket(distance, &[0, 1, 2, 3, 6])));
    f.add(format_args!("recent={}", bucket(recent, &[0, 1, 2])));
    f.add(format_args!("recent_type={}", bucket(recent_same, &[0, 1])));
    f.add(format_args!("mentions={}", bucket(r.mentions, &[1, 2, 4])));
    f.add(format_args!("salience={}", bucket(salience, &[0, 1])));
    f.add(format_args!("claim={claim}"));
    f.add(format_args!(
        "claim={claim}&recent_type={}",
        bucket(recent_same, &[0, 1])
    ));
    f.add(format_args!(
        "subject={}&dist={}",
        r.subject,
        bucket(distance, &[0, 1, 2])
    ));
    f.add(format_args!(
        "first={}",
        r.first_sentence == all.iter().map(|o| o.first_sentence).min().unwrap_or(0)
    ));
    f.add(format_args!("pair={}", r.pair));
    f.add(format_args!("usage={}", r.usage));
    f.add(format_args!(
        "initial={initial}&subject={}&dist={}",
        r.subject,
        bucket(distance, &[0, 1, 2])
    ));
    f.add(format_args!(
        "claim={claim}&dist={}",
        bucket(distance, &[0, 1, 2])
    ));
    f.add(format_args!(
        "recent_type={}&dist={}",
        bucket(recent_same, &[0, 1]),
        bucket(distance, &[0, 1, 2])
    ));
    if let Anaphor::Pronoun(p) | Anaphor::Body(p, _) = anaphor {
        if let Some(g) = pronoun_gender(p) {
            let agreement = match r.gender {
                Some(m) if m == g => "match",
                Some(_) => "clash",
                None => "unknown",
            };
            f.add(format_args!("gender={agreement}"));
            // The last named person of the pronoun's gender.
            let last_of_gender = r.gender == Some(g) && later(&|o| o.gender == Some(g)) == 0;
            f.add(format_args!("last_of_gender={last_of_gender}"));
            f.add(format_args!("gender={agreement}&type={label}"));
            f.add(format_args!(
                "subject={}&recent_type={}&dist={}",
                r.subject,
                bucket(recent_same, &[0, 1]),
                bucket(distance, &[0, 1])
            ));
        }
    }
    if let Anaphor::Nominal {
        head, role, group, ..
    } = anaphor
    {
        f.add(format_args!("fits={}&type={label}", head_fits(head, r)));
        f.add(format_args!("head={head}&type={label}"));
        f.add(format_args!("role={role}&group={group}&type={label}"));
        f.add(format_args!(
            "fits={}&recent_type={}",
            head_fits(head, r),
            bucket(recent_same, &[0, 1])
        ));
        f.add(format_args!("has_role={}", r.speaker.role.is_some()));
        f.add(format_args!("derived={}", r.derived));
    }
}

/// Which entities an earlier claim's cue is right before, which the claim has neither as its
/// speaker nor in its content: the ones told, not the ones telling ("told the BBC", "told
/// Reuters"; not "said Tesco", "a group called Oxfam"). One flag per entity of `doc`.
fn addressed(doc: &Analysis, claims: &[Claim]) -> Vec<bool> {
    let text = doc.text();
    let mut flags = vec![false; doc.entities.len()];
    for c in claims {
        let Some(cue) = &c.cue else { continue };
        let first = doc
            .entities
            .partition_point(|e| e.span.start < cue.span.end);
        // Only a gap trimmed to a prefix of "the" can grow into "" or "the".
        for (k, e) in doc.entities.iter().enumerate().skip(first) {
            let Some(gap) = text.get(cue.span.end..e.span.start).map(str::trim) else {
                continue;
            };
            if !"the".starts_with(gap) {
                break;
            }
            flags[k] |= matches!(gap, "" | "the")
                && !c.speaker_mention.is_some_and(|m| m.overlaps(e.span))
                && !c.content().overlaps(e.span);
        }
    }
    flags
}

/// Rule: a name in a nominal that a candidate's role has must be in the referent's role: "the
/// United manager" is Manchester United boss Alex Ferguson, not Arsenal manager Arsene
/// Wenger; "the Labour MP" is not Conservative MP Jo Vance when the article gives Labour to
/// someone's role. A name no candidate's role has ("the Republican candidate") keeps them all.
fn keep_affiliated(nominal: &str, referents: &mut Vec<Referent>) {
    let role_words = |r: &Referent| -> Vec<String> {
        r.speaker.role.as_deref().map_or_else(Vec::new, |role| {
            words(role)
                .iter()
                .map(|w| strip_possessive(w).to_lowercase())
                .collect()
        })
    };
    let in_role = |r: &Referent, name: &str| {
        role_words(r)
            .iter()
            .any(|w| w == name || super::same_prefix(w, name))
    };
    let named: Vec<String> = name_words(nominal)
        .iter()
        .map(|w| w.to_lowercase())
        .filter(|w| referents.iter().any(|r| in_role(r, w)))
        .collect();
    if !named.is_empty() {
        referents.retain(|r| named.iter().any(|w| in_role(r, w)));
    }
}

/// Whether a nominal's head is the head of the referent's role ("minister" for "foreign
/// minister", or "mayor" for a person described as "the mayor of Dunmore") or a word of its
/// name ("campaign" for "Clinton campaign").
fn head_fits(head: &str, r: &Referent) -> bool {
    let fits = |h: &str| word_fits_head(h, head);
    if r.described_as.as_deref().is_some_and(fits) {
        return true;
    }
    let role_head = r.speaker.role.as_deref().and_then(|role| {
        words(role)
            .last()
            .map(|w| strip_possessive(w).to_lowercase())
    });
    role_head.is_some_and(|h| fits(&h))
        || r.speaker
            .name
            .as_deref()
            .is_some_and(|n| words(n).iter().any(|w| w.to_lowercase() == head))
}

/// Whether a role's or description's word stands for a nominal's head: the same word, the same
/// first letters ("minister", "ministry") or its abbreviation ("sen.", "senator").
fn word_fits_head(word: &str, head: &str) -> bool {
    word == head || same_prefix(word, head) || abbreviates(word, head)
}

/// The capitalised words of a nominal between its article and its head, possessives stripped
/// ("The United manager" → "United").
pub(super) fn name_words(nominal: &str) -> Vec<&str> {
    let ws = words(nominal);
    ws.get(1..ws.len().saturating_sub(1))
        .unwrap_or_default()
        .iter()
        .map(|w| strip_possessive(w))
        .filter(|w| w.starts_with(char::is_uppercase))
        .collect()
}

/// Whether a title abbreviates a head noun ("sen." for "senator", "gov." for "governor").
fn abbreviates(title: &str, head: &str) -> bool {
    title
        .strip_suffix('.')
        .is_some_and(|t| t.chars().count() >= 2 && head.len() > t.len() && head.starts_with(t))
}

/// Whether a head noun looks plural ("officials"; not "press").
fn plural(head: &str) -> bool {
    head.ends_with('s') && !head.ends_with("ss")
}

/// `n` as the first threshold it does not exceed, or the last one with `+`; `none` for no `n`.
struct Bucket(Option<usize>, &'static [usize]);

impl fmt::Display for Bucket {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let Bucket(Some(n), thresholds) = *self else {
            return f.write_str("none");
        };
        match thresholds.iter().find(|&&t| n <= t) {
            Some(t) => write!(f, "{t}"),
            None => write!(f, "{}+", thresholds.last().map_or(0, |t| t + 1)),
        }
    }
}

fn bucket(n: usize, thresholds: &'static [usize]) -> Bucket {
    Bucket(Some(n), thresholds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_abbreviate_their_nouns() {
        assert!(abbreviates("sen.", "senator"));
        assert!(abbreviates("gov.", "governor"));
        assert!(!abbreviates("sen", "senator"));
        assert!(!abbreviates("s.", "senator"));
        assert!(!abbreviates("sen.", "sen"));
    }

    #[test]
    fn buckets() {
        assert_eq!(bucket(0, &[0, 1, 2]).to_string(), "0");
        assert_eq!(bucket(2, &[0, 1, 2]).to_string(), "2");
        assert_eq!(bucket(5, &[0, 1, 2]).to_string(), "3+");
        assert_eq!(bucket(4, &[1, 2, 4]).to_string(), "4");
        assert_eq!(Bucket(None, &[0]).to_string(), "none");
    }

    #[test]
    fn a_nominals_name_words_lie_between_article_and_head() {
        assert_eq!(name_words("The United manager"), ["United"]);
        assert_eq!(name_words("the New York businessman's"), ["New", "York"]);
        assert_eq!(name_words("the Clinton's aide"), ["Clinton"]);
        assert!(name_words("the minister").is_empty());
        assert!(name_words("the").is_empty());
    }

    #[test]
    fn an_age_is_a_number_of_years_old() {
        assert!(is_age("24-year-old"));
        assert!(is_age("101-year-old"));
        assert!(!is_age("-year-old"));
        assert!(!is_age("two-year-old"));
        assert!(!is_age("24-years-old"));
    }

    /// The anaphor of the mention `mention` in `text`, with the tagger's entities.
    fn anaphor_in(text: &str, mention: &str) -> Option<Anaphor> {
        let article = crate::Article::new("t", text);
        let doc = crate::Pipeline::default().analyze(&article);
        let start = text.find(mention).unwrap();
        let span = Span::new(start, start + mention.len());
        anaphor(&RuleAttributor::default(), &doc, span)
    }

    /// The names of the candidates the ranker weighs for `mention` (after "nobody").
    fn candidates_in(text: &str, mention: &str) -> Vec<Option<String>> {
        let article = crate::Article::new("t", text);
        let pipeline = crate::Pipeline::default();
        let doc = pipeline.analyze(&article);
        let (claims, _) = pipeline.claims(&doc);
        let attributor = RuleAttributor::default();
        let mut names = super::Names::build(&attributor, &doc);
        attributor.mark_genders(&doc, &mut names);
        let start = text.find(mention).unwrap();
        let span = Span::new(start, start + mention.len());
        let anaphor = anaphor(&attributor, &doc, span).unwrap();
        let choice =
            attributor.choice::<crate::features::Strings>(&doc, &names, &claims, span, &anaphor);
        choice.referents.into_iter().map(|r| r.name).collect()
    }

    /// The candidates for `mention`, each with its features.
    fn features_in(text: &str, mention: &str) -> Vec<(Option<String>, Vec<String>)> {
        let article = crate::Article::new("t", text);
        let pipeline = crate::Pipeline::default();
        let doc = pipeline.analyze(&article);
        let (claims, _) = pipeline.claims(&doc);
        let attributor = RuleAttributor::default();
        let names = super::Names::build(&attributor, &doc);
        let start = text.find(mention).unwrap();
        let span = Span::new(start, start + mention.len());
        let anaphor = anaphor(&attributor, &doc, span).unwrap();
        let choice =
            attributor.choice::<crate::features::Strings>(&doc, &names, &claims, span, &anaphor);
        let names = choice.referents.into_iter().map(|r| r.name);
        names.zip(choice.features.into_iter().skip(1)).collect()
    }

    /// Rule: a name after a personal pronoun in its clause is no subject ("Then he turned to
    /// Piet Olsen"); the name opening the sentence before is.
    #[test]
    fn a_name_after_a_pronoun_subject_is_no_subject() {
        let text = "Tobias Quill attacked the harbour plan. Then he turned to Piet Olsen. \
                    He said the wall would fail.";
        let features = features_in(text, "He");
        let subject = |name: &str| {
            let (_, f) = features
                .iter()
                .find(|(n, _)| n.as_deref() == Some(name))
                .unwrap_or_else(|| panic!("{name} in {features:?}"));
            f.iter().any(|f| f.starts_with("subject=true"))
        };
        assert!(subject("Tobias Quill"));
        assert!(!subject("Piet Olsen"));
    }

    #[test]
    fn they_after_a_list_of_organisations_may_be_the_list() {
        let text = "The Transport Workers Union and the National Farmers Union welcomed the plan \
                    on Monday, but they said it would not help rural bus routes.";
        let names = candidates_in(text, "they");
        let list = Some("Transport Workers Union and National Farmers Union".to_string());
        assert!(names.contains(&list), "{names:?}");
    }

    /// "The campaign" in an article that never writes whose: any person's named before, not
    /// an organisation's; "the administration", an office's, is left alone.
    #[test]
    fn a_campaign_nobody_owns_by_name_may_be_a_persons() {
        let text = "Mara Quill toured Dunmore with the Harbour Trust on Monday. \
                    The campaign said the tour would go on.";
        let names = candidates_in(text, "The campaign");
        assert!(
            names.contains(&Some("Mara Quill campaign".to_string())),
            "{names:?}"
        );
        assert!(
            !names.contains(&Some("Harbour Trust campaign".to_string())),
            "{names:?}"
        );
        let text = "Mara Quill toured Dunmore on Monday. The administration said so.";
        let names = candidates_in(text, "The administration");
        assert!(names
            .iter()
            .all(|n| n.as_deref() != Some("Mara Quill administration")));
        // A campaign the article names is the only candidate.
        let text = "The Quill campaign met Mara Quill on Monday. The campaign said so.";
        let names = candidates_in(text, "The campaign");
        assert_eq!(names, [Some("Mara Quill campaign".to_string())]);
    }

    #[test]
    fn a_nominal_is_headed_before_its_prepositional_phrase() {
        let text = "Then the former CEO of Hewlett-Packard said so.";
        assert!(matches!(
            anaphor_in(text, "the former CEO of Hewlett-Packard"),
            Some(Anaphor::Nominal { role: true, ref head, .. }) if head == "ceo"
        ));
        let text = "Then the government of Norway said so.";
        assert_eq!(anaphor_in(text, "the government of Norway"), None);
    }

    #[test]
    fn pronouns_and_definite_nominals_are_anaphors() {
        assert_eq!(
            anaphor_in("He said so.", "He"),
            Some(Anaphor::Pronoun("he"))
        );
        assert_eq!(
            anaphor_in("To their aides.", "their"),
            Some(Anaphor::Pronoun("they"))
        );
        assert!(matches!(
            anaphor_in("Then the foreign minister said so.", "the foreign minister"),
            Some(Anaphor::Nominal { role: true, .. })
        ));
        assert_eq!(anaphor_in("Then the Kremlin said so.", "the Kremlin"), None);
        assert_eq!(anaphor_in("Then a spokesman said so.", "a spokesman"), None);
        assert_eq!(anaphor_in("Then Tony Blair said so.", "Tony Blair"), None);
    }

    #[test]
    fn a_role_nominal_may_carry_a_party_or_place() {
        let text = "Ted Cruz spoke in Iowa. Later the Republican presidential candidate said so.";
        assert!(matches!(
            anaphor_in(text, "the Republican presidential candidate"),
            Some(Anaphor::Nominal { role: true, .. })
        ));
        let text = "Hillary Clinton spoke. Then the Clinton campaign said so.";
        assert_eq!(anaphor_in(text, "the Clinton campaign"), None);
    }

    #[test]
    fn a_role_nominal_may_carry_its_organisation() {
        let text = "Wes Streeting spoke. The Labour MP told the BBC that it was wrong.";
        assert!(matches!(
            anaphor_in(text, "The Labour MP"),
            Some(Anaphor::Nominal { role: true, .. })
        ));
        let text = "Tesco spoke. Then the Tesco statement said so.";
        assert_eq!(anaphor_in(text, "the Tesco statement"), None);
    }

    #[test]
    fn a_role_in_title_case_is_a_role_nominal() {
        let text = "Tony Blair spoke. Later the Prime Minister said so, and the Home Secretary \
                    agreed. The Democratic Party did not.";
        for (mention, head) in [
            ("the Prime Minister", "minister"),
            ("the Home Secretary", "secretary"),
        ] {
            let a = anaphor_in(text, mention);
            assert!(
                matches!(&a, Some(Anaphor::Nominal { role: true, head: h, .. }) if h == head),
                "{mention}: {a:?}"
            );
        }
        assert_eq!(anaphor_in(text, "The Democratic Party"), None);
        let text =
            "Bill Clinton spoke. The Clinton Foundation Chairman said the charity would close.";
        assert_eq!(anaphor_in(text, "The Clinton Foundation Chairman"), None);
    }

    #[test]
    fn a_possessive_before_a_body_noun_is_a_body() {
        let text = "Marco Rubio won. Then his campaign said so.";
        assert_eq!(
            anaphor_in(text, "his campaign"),
            Some(Anaphor::Body("he", "campaign".into()))
        );
        assert_eq!(anaphor_in("Then his wife said so.", "his wife"), None);
    }

    /// Nouns for kinds of persons come from `models/person_nouns.tsv`, not only the role list.
    #[test]
    fn a_person_noun_nominal_may_stand_for_a_person() {
        let text = "Donald Trump spoke. Later the New York businessman said so.";
        assert!(matches!(
            anaphor_in(text, "the New York businessman"),
            Some(Anaphor::Nominal {
                role: true,
                several: false,
                ..
            })
        ));
    }

    #[test]
    fn a_number_or_plural_person_noun_may_stand_for_a_pair() {
        let text = "Bob Goodlatte and Trey Gowdy wrote. Then the two said so.";
        assert!(matches!(
            anaphor_in(text, "the two"),
            Some(Anaphor::Nominal { several: true, .. })
        ));
        let text = "Hillary Clinton and Bernie Sanders met. Then the candidates said so.";
        assert!(matches!(
            anaphor_in(text, "the candidates"),
            Some(Anaphor::Nominal { several: true, .. })
        ));
        let text = "Then the board of elections said so.";
        assert!(matches!(
            anaphor_in(text, "the board of elections"),
            Some(Anaphor::Nominal { several: false, .. })
        ));
        for mention in ["Both", "Both campaigns"] {
            let text = format!("{mention} said so.");
            assert!(matches!(
                anaphor_in(&text, mention),
                Some(Anaphor::Nominal { several: true, .. })
            ));
        }
    }

    #[test]
    fn number_words_count() {
        let counts: Vec<_> = ["Both", "two", "three", "five", "six", "many"]
            .map(number_word)
            .into();
        assert_eq!(counts, [Some(2), Some(2), Some(3), Some(5), None, None]);
    }

    #[test]
    fn a_name_is_used_as_possessive_modifier_oblique_or_plain() {
        let text = "Donald Trump spoke. Donald Trump's aides left. Donald Trump aides left. \
                    A call from Donald Trump came.";
        let article = crate::Article::new("t", text);
        let doc = crate::Pipeline::default().analyze(&article);
        let attributor = RuleAttributor::default();
        let uses: Vec<&str> = doc
            .entities
            .iter()
            .map(|e| attributor.mention_use(&doc, e))
            .collect();
        assert_eq!(uses, ["plain", "possessive", "modifier", "oblique"]);
    }
}
