//! Attribution: resolves each candidate's speaker mention to a canonical speaker (fullest name
//! in the article, pronouns and role nominals linked to their antecedents), with type, role and
//! a confidence.

use std::collections::{HashMap, HashSet};

use crate::document::Analysis;
use crate::lexicon::{Lexicon, WordClass};
use crate::ner::{Entity, Label};
use crate::quote::{pair_quotes, Candidate, Cue, CueClass, Kind};
use crate::span::Span;

mod adverbial;
mod antecedents;
mod completed;
mod modifier;
mod subject;
mod syntax;
mod training;
mod unnamed;

pub use antecedents::{AntecedentModel, ANTECEDENTS_HEADER, DEFAULT_ANTECEDENTS};
pub use training::{evaluate_antecedents, train_antecedents, AntecedentReport, GoldMention};

/// An attributed claim, in byte spans; sinks turn it into an output record.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Direct, indirect or mixed.
    pub kind: Kind,
    /// Content fragments (one unless interrupted by the attribution).
    pub fragments: Vec<Span>,
    /// The cue, when one was found.
    pub cue: Option<Cue>,
    /// The speaker mention in the text.
    pub speaker_mention: Option<Span>,
    /// Canonical speaker name.
    pub speaker: Option<String>,
    /// Speaker type.
    pub speaker_type: Option<Label>,
    /// Speaker role ("Russian Foreign Minister").
    pub speaker_role: Option<String>,
    /// Index of the sentence holding the cue.
    pub sentence: usize,
    /// 0..1: how much to trust the claim and its speaker.
    pub confidence: f32,
}

impl Claim {
    /// The span covering all content fragments.
    pub fn content(&self) -> Span {
        let first = self.fragments.first().copied().unwrap_or_default();
        self.fragments.iter().fold(first, |acc, f| acc.cover(*f))
    }

    /// The cue class, `None` for unattributed quotations.
    pub fn cue_class(&self) -> Option<CueClass> {
        self.cue.as_ref().map(|c| c.class)
    }
}

/// Turns candidates into claims with resolved speakers.
pub trait Attributor: Send + Sync {
    /// One claim per candidate, in the candidates' order.
    fn attribute(&self, doc: &Analysis, candidates: Vec<Candidate>) -> Vec<Claim>;
}

/// A resolved speaker.
#[derive(Clone, Debug, Default, PartialEq)]
struct Speaker {
    name: Option<String>,
    label: Option<Label>,
    role: Option<String>,
    /// How sure the resolution is (1 for a name in the mention).
    certainty: f32,
}

/// Whether place `e` is what `mention` names, not a modifier of its head or an oblique in it:
/// at most an article before it and a possessive after ("The United States", "Russia's"; not
/// "the Kentucky Republican", "Polls in New Hampshire", "Half of Vermont Democrats").
fn place_heads(lexicon: &Lexicon, text: &str, mention: Span, e: &Entity) -> bool {
    let before = words(&text[mention.start..e.span.start]);
    let after = text[e.span.end..mention.end].trim();
    before.iter().all(|w| lexicon.is(WordClass::Article, w))
        && matches!(after, "" | "’s" | "'s" | "’" | "'")
}
/// Whether a word opens a noun phrase without being part of a role: an article or a
/// possessive determiner, any case ("Its spokesman, Dmitry Peskov" has the role "spokesman").
fn opens_phrase(lexicon: &Lexicon, w: &str) -> bool {
    lexicon.is(WordClass::Article, w) || lexicon.is(WordClass::RolePossessive, w)
}
/// Sentences before a "they" searched for a coordinated pair of persons ("X and Y").
const PAIR_WINDOW: usize = 3;
/// Longest role in apposition after a name, in words: longer phrases are clauses.
const MAX_APPOSITION_WORDS: usize = 16;
/// Bytes around a role nominal searched for the person it names.
const NOMINAL_WINDOW: usize = 3000;
/// Longest name (in words, titles removed) taken as a person's full name: longer capitalised
/// runs are headlines ("Hillary Clinton Just Got Some News").
const MAX_NAME_WORDS: usize = 4;

/// Longest opening phrase before a sentence's main clause, in tokens up to its comma: "As
/// President Barack Obama lectured the nation about Muslims and defended his record against
/// ISIS on Sunday night, Donald Trump responded" opens its main clause at "Donald Trump"
/// (18 tokens; 16 cut it off; 24 and 32 gave the same cross-validated count).
const MAX_OPENER_TOKENS: usize = 24;

/// A name mention that can give a shorter mention its full name.
struct FullName<'d> {
    /// The name without leading honorifics and titles ("Ted Cruz" for "Sen. Ted Cruz").
    words: Vec<&'d str>,
    /// Byte offset of the mention.
    start: usize,
    /// Index of the sentence holding the mention.
    sentence: usize,
    /// Whether the name ends in a generational suffix ("Jr.").
    suffixed: bool,
    /// Whether the mention lies inside a quotation.
    quoted: bool,
    /// Whether the mention is a person's (see [`RuleAttributor::is_person`]); other names only
    /// lend given names to a surname ("Barack Obama" tagged ORG for "Obama").
    person: bool,
}

/// Per-article lookups, built once so that resolving every claim stays linear in the article.
pub struct Names<'d> {
    /// Name mentions, in text order.
    full_names: Vec<FullName<'d>>,
    /// Indices into `full_names` by each word of the name.
    by_word: HashMap<&'d str, Vec<usize>>,
    /// Quotations with their marks, in text order: no speaker is taken from inside one.
    quoted: Vec<Span>,
    /// Where each sentence ends, in text order.
    sentence_ends: Vec<usize>,
    /// Where each paragraph (a line with text) after the first starts, in text order.
    paragraph_starts: Vec<usize>,
    /// Where each sentence's main clause starts: past an opening prepositional phrase and
    /// its comma ("According to TASS, Lavrov and Wang discussed …"); computed on first use by
    /// the antecedent ranker ([`RuleAttributor::clause_starts`]).
    clause_starts: std::cell::OnceCell<Vec<usize>>,
    /// The first role the article gives each person, by canonical name.
    roles: HashMap<String, String>,
    /// The first role in apposition after each person ("Andy Clarke, chief executive of the
    /// Refugee Council"), by canonical name, for the claims' `speaker_role` only: as evidence
    /// for the antecedent ranker it did not help (data/ERROR-ANALYSIS.md).
    appositive_roles: HashMap<String, String>,
    /// Persons introduced with a role ("Italian FM, Antonio Tajani"), in text order.
    with_roles: Vec<(&'d Entity, String)>,
    /// Each person's gender where the article marks it ("Mrs Pell", "spokeswoman Dana Pell"),
    /// by canonical name: true for a man.
    genders: HashMap<String, bool>,
    /// Genders that sentence-opening "He"/"She" give the one person of the sentence before
    /// (see [`RuleAttributor::opener_genders`]).
    opener_genders: Vec<(usize, String, bool)>,
    /// Organisations' full names by the acronym their initials spell, where one organisation
    /// of the article spells it ("RNC" → "Republican National Committee").
    acronyms: HashMap<String, String>,
    /// Names the article calls an organisation somewhere ("retail giant Tesco", "Oxfam, the
    /// charity,"), whatever the tagger made of each mention.
    organisations: HashSet<&'d str>,
    /// Each entity as a speaker (`None` in a headline), resolved on first use by the
    /// antecedent ranker.
    entity_speakers: std::cell::OnceCell<Vec<(Option<Speaker>, Option<Speaker>)>>,
}

/// The gender an honorific marks ("Mrs", "Mr"; true for a man), with the first-name table
/// that tells which full names agree with it.
#[derive(Clone, Copy)]
struct Gender<'a> {
    man: bool,
    first_names: &'a HashMap<String, bool>,
}

impl Gender<'_> {
    /// Whether the table gives the name's first word the other gender ("Bill Clinton" for
    /// "Mrs. Clinton").
    fn clashes(self, name: &[&str]) -> bool {
        name.first()
            .and_then(|f| self.first_names.get(*f))
            .is_some_and(|&man| man != self.man)
    }

    /// The one name whose first word the table gives this gender, when the table gives every
    /// other name the other gender (an unknown first name decides nothing).
    fn only_fit<'n>(self, names: &[&'n [&str]]) -> Option<&'n [&'n str]> {
        let man = |n: &[&str]| n.first().and_then(|f| self.first_names.get(*f)).copied();
        let mut fits = names.iter().filter(|n| man(n) == Some(self.man));
        let others_clash = names
            .iter()
            .all(|n| man(n).is_some_and(|m| m == self.man) || man(n) == Some(!self.man));
        match (fits.next(), fits.next(), others_clash) {
            (Some(one), None, true) => Some(one),
            _ => None,
        }
    }
}

impl<'d> Names<'d> {
    fn build(attributor: &RuleAttributor, doc: &'d Analysis) -> Names<'d> {
        let text = doc.text();
        let mut names = Names {
            full_names: Vec::new(),
            by_word: HashMap::new(),
            quoted: pair_quotes(doc).iter().map(|q| q.outer).collect(),
            sentence_ends: doc.sentences.iter().map(|s| s.span.end).collect(),
            paragraph_starts: paragraph_starts(doc.text()),
            clause_starts: std::cell::OnceCell::new(),
            roles: HashMap::new(),
            appositive_roles: HashMap::new(),
            with_roles: Vec::new(),
            genders: HashMap::new(),
            opener_genders: Vec::new(),
            acronyms: organisation_acronyms(doc),
            organisations: HashSet::new(),
            entity_speakers: std::cell::OnceCell::new(),
        };
        names.organisations = doc
            .entities
            .iter()
            .filter(|e| attributor.described_as_organisation(doc, e))
            .map(|e| e.span.slice(text))
            .collect();
        // A name the article calls an organisation once is none in any other mention.
        let person: Vec<bool> = doc
            .entities
            .iter()
            .map(|e| {
                attributor.is_person(doc, e) && !names.organisations.contains(e.span.slice(text))
            })
            .collect();
        for (e, &person) in doc.entities.iter().zip(&person) {
            let ws = words(e.span.slice(text));
            let bare = attributor.bare_words(&ws);
            let sentence = names
                .sentence_ends
                .partition_point(|&end| end <= e.span.start);
            let quote = names.quote_of(e.span);
            // A quotation of little more than a name is a title ("The Rachel Maddow Show").
            let title = quote.is_some_and(|q| words(q.slice(text)).len() <= bare.len() + 2);
            if !attributor.name_like(bare) || title || doc.is_title_case(sentence) {
                continue;
            }
            for w in bare {
                names
                    .by_word
                    .entry(*w)
                    .or_default()
                    .push(names.full_names.len());
            }
            names.full_names.push(FullName {
                words: bare.to_vec(),
                start: e.span.start,
                sentence,
                suffixed: bare
                    .last()
                    .is_some_and(|w| attributor.is_word(WordClass::Suffix, w)),
                quoted: quote.is_some(),
                person,
            });
        }
        attributor.add_initials(doc, &mut names);
        attributor.add_first_names(doc, &mut names);
        for (e, _) in doc.entities.iter().zip(&person).filter(|(_, &p)| p) {
            let ws = words(e.span.slice(text));
            let titles = ws[..attributor.title_words(&ws)]
                .iter()
                .filter(|w| !attributor.is_word(WordClass::Honorific, w))
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            // A fuller description in apposition before the name wins over the role words
            // right before it ("Labour's shadow health secretary, Wes Streeting" over
            // "secretary").
            let role = attributor
                .role_before(doc, e)
                .map(|r| match attributor.description_before(doc, e) {
                    Some(d) if ends_with_words(&d, &r) => d,
                    _ => r,
                })
                .or_else(|| (!titles.is_empty()).then_some(titles));
            if role.is_none() {
                let role = attributor
                    .appositive_role(doc, e)
                    .or_else(|| attributor.description_before(doc, e));
                if let Some(role) = role {
                    let name = attributor.person_name(doc, &names, e);
                    names.appositive_roles.entry(name).or_insert(role);
                }
            }
            if let Some(role) = role {
                let name = attributor.person_name(doc, &names, e);
                names.roles.entry(name).or_insert_with(|| role.clone());
                names.with_roles.push((e, role));
            }
        }
        names
    }

    /// Full name `i` when it is a person's lone surname and no longer name of the article
    /// holds it: a name the tagger cut from its first name or initials.
    fn lone_surname(&self, i: usize) -> Option<&'d str> {
        let ([surname], true) = (
            self.full_names[i].words.as_slice(),
            self.full_names[i].person,
        ) else {
            return None;
        };
        let longer = self.by_word[surname]
            .iter()
            .any(|&k| self.full_names[k].words.len() > 1);
        (!longer).then_some(*surname)
    }

    /// Whether the article names a person with a longer name holding these words ("Trump"
    /// tagged ORG beside "Donald Trump" tagged PER; not "NBC" beside "NBC" tagged PER once).
    fn person_named(&self, bare: &[&str]) -> bool {
        bare.first()
            .and_then(|w| self.by_word.get(w))
            .is_some_and(|ids| {
                ids.iter().map(|&i| &self.full_names[i]).any(|m| {
                    m.person && m.words.len() > bare.len() && contains_words(&m.words, bare)
                })
            })
    }

    /// Whether a name of two words or more ends in a surname the article gives a person alone
    /// ("JK Rowling" tagged ORG beside "Ms Rowling"; not "Judicial Watch" beside a "Watch" the
    /// tagger split from "Judicial Watch").
    fn surname_of_a_person(&self, bare: &[&str], text: &str) -> bool {
        let [.., before, surname] = bare else {
            return false;
        };
        self.by_word.get(surname).is_some_and(|ids| {
            ids.iter().map(|&i| &self.full_names[i]).any(|m| {
                m.person && m.words == [*surname] && !text[..m.start].trim_end().ends_with(before)
            })
        })
    }

    /// Whether the article names a person, outside quotations, with exactly these words (a
    /// title-case headline's "Donald Trump", which the tagger may miss, after the text's).
    fn person_named_so(&self, bare: &[&str]) -> bool {
        bare.first()
            .and_then(|w| self.by_word.get(w))
            .is_some_and(|ids| {
                ids.iter()
                    .map(|&i| &self.full_names[i])
                    .any(|m| m.person && !m.quoted && m.words == bare)
            })
    }

    /// Whether `span` lies inside a quotation.
    fn in_quote(&self, span: Span) -> bool {
        self.quote_of(span).is_some()
    }

    /// The quotation (with its marks) holding `span`.
    fn quote_of(&self, span: Span) -> Option<Span> {
        let k = self.quoted.partition_point(|q| q.end <= span.start);
        self.quoted.get(k).filter(|q| q.contains(span)).copied()
    }

    /// The full name of the person called `bare` (honorifics and titles removed) at byte `at`:
    /// the one longer name outside quotations containing it ("Wang" → "Wang Yi", "Blair" →
    /// "Tony Blair"), else the one inside quotations. When the article names several people so
    /// ("Michael Howard", "John Howard") outside quotations, the one named in this or the
    /// previous sentence, else the one whose first name has the gender an honorific gives
    /// (`gender`: "Mrs. Clinton" beside "Hillary Clinton" and "Bill Clinton"; the one just named
    /// only if it does not clash with it), else the one
    /// named most often; none on a tie or inside quotations.
    fn full_name(&self, bare: &[&str], at: usize, gender: Option<Gender>) -> Option<String> {
        let variant = self.fuller_variant(bare);
        let bare = variant.unwrap_or(bare);
        let mut found = self.longer_names(bare, false);
        let quoted = found.is_empty();
        if quoted {
            found = self.longer_names(bare, true);
        }
        let fullest = |m: &&&FullName| {
            !found
                .iter()
                .any(|o| o.words.len() > m.words.len() && contains_words(&o.words, &m.words))
        };
        let mut maximal: Vec<&[&str]> = found
            .iter()
            .filter(fullest)
            .map(|m| self.fuller_variant(&m.words).unwrap_or(&m.words))
            .collect();
        maximal.sort();
        maximal.dedup();
        if maximal.iter().any(|m| !self.partners_name(m)) {
            maximal.retain(|m| !self.partners_name(m));
        }
        let chosen = match maximal.as_slice() {
            [] => return variant.map(|v| v.join(" ")),
            [one] => *one,
            _ if quoted => return None,
            _ => self
                .just_named(&found, at)
                .filter(|n| !gender.is_some_and(|g| g.clashes(n)))
                .or_else(|| gender.and_then(|g| g.only_fit(&maximal)))
                .or_else(|| self.most_named(&maximal))?,
        };
        Some(chosen.join(" "))
    }

    /// Rule: a name of two persons' surnames is a firm named after its partners ("Davis
    /// Manafort" beside "Rick Davis" and "Paul Manafort"), no person's full name while the
    /// article gives another ("Manafort said" → "Paul Manafort"; "John Kasich" beside "Tom
    /// John" stays a person's, as no one else is called Kasich).
    fn partners_name(&self, name: &[&str]) -> bool {
        let [first, .., last] = name else {
            return false;
        };
        let surname_of_another = |word: &&str| {
            let named = self.by_word.get(word).into_iter().flatten();
            named.map(|&i| &self.full_names[i]).any(|m| {
                m.person && m.words.len() > 1 && m.words.last() == Some(word) && m.words != name
            })
        };
        surname_of_another(first) && surname_of_another(last)
    }

    /// The one longer spelling of a person's name that the article also uses, outside
    /// quotations, where the name's first word is a short form of at least three letters of
    /// that spelling's and the other words are the same ("Ken Starr" → "Kenneth Starr", "Chris
    /// Van Hollen" → "Christopher Van Hollen"; not "Al" for "Albert", too short to tell).
    fn fuller_variant(&self, name: &[&str]) -> Option<&[&'d str]> {
        let [first, rest @ ..] = name else {
            return None;
        };
        if rest.is_empty() || first.chars().count() < 3 {
            return None;
        }
        let mut longer = self
            .by_word
            .get(rest[0])
            .into_iter()
            .flatten()
            .map(|&i| &self.full_names[i])
            .filter(|m| m.person && !m.quoted && m.words.len() == name.len())
            .filter(|m| m.words[1..] == *rest)
            .filter(|m| m.words[0].len() > first.len() && m.words[0].starts_with(*first))
            .map(|m| &m.words[..]);
        let one = longer.next()?;
        longer.all(|o| o == one).then_some(one)
    }

    /// The mentions of longer names holding `bare`, inside quotations or not: persons' names,
    /// else (none of them, outside quotations) names that end in it ("Barack Obama" tagged ORG
    /// for "Obama"; a quoted "Judicial Watch" is no full name of "Watch"). A
    /// suffixed name ("Donald Trump Jr.") is left out when another name holding `bare` is not
    /// part of it ("Donald J. Trump"): the plain name is the father's.
    fn longer_names(&self, bare: &[&str], quoted: bool) -> Vec<&FullName<'d>> {
        let mentions = || {
            bare.first()
                .and_then(|w| self.by_word.get(w))
                .into_iter()
                .flatten()
                .map(|&i| &self.full_names[i])
                .filter(|m| m.quoted == quoted)
                .filter(|m| m.words.len() > bare.len() && contains_words(&m.words, bare))
        };
        let mut found: Vec<&FullName> = mentions().filter(|m| m.person).collect();
        if found.is_empty() && !quoted {
            found = mentions().filter(|m| m.words.ends_with(bare)).collect();
        }
        let fathers: Vec<&FullName> = found.iter().filter(|m| !m.suffixed).copied().collect();
        found.retain(|son| {
            !son.suffixed || fathers.iter().all(|f| contains_words(&son.words, &f.words))
        });
        found
    }

    /// The name among `found` mentioned last before byte `at`, in the same or the previous
    /// sentence ("John Howard arrived. Mr Howard said …" → "John Howard").
    fn just_named<'n>(&self, found: &[&'n FullName<'d>], at: usize) -> Option<&'n [&'d str]> {
        let sentence = self.sentence_ends.partition_point(|&end| end <= at);
        let last = found
            .iter()
            .filter(|m| m.start < at)
            .max_by_key(|m| m.start)?;
        (last.sentence + 1 >= sentence).then_some(&last.words[..])
    }

    /// The name of `maximal` that the article's name mentions point at most often, counting
    /// mentions that fit it alone ("Hillary" but not "Clinton" for "Hillary Clinton" beside
    /// "Bill Clinton"); on a tie, the one named in an earlier sentence (the article's subject
    /// comes first); none when they are first named in the same sentence too.
    fn most_named<'n>(&self, maximal: &[&'n [&'d str]]) -> Option<&'n [&'d str]> {
        let salience = |name: &[&str]| {
            let alone: Vec<&FullName> = self
                .full_names
                .iter()
                .filter(|m| {
                    !m.quoted
                        && contains_words(name, &m.words)
                        && maximal
                            .iter()
                            .all(|o| *o == name || !contains_words(o, &m.words))
                })
                .collect();
            let first = alone.iter().map(|m| m.sentence).min().unwrap_or(usize::MAX);
            (alone.len(), std::cmp::Reverse(first))
        };
        let mut ranked: Vec<_> = maximal.iter().map(|n| (salience(n), *n)).collect();
        ranked.sort_by_key(|(s, _)| std::cmp::Reverse(*s));
        match ranked.as_slice() {
            [(first, name), (second, _), ..] if first > second => Some(name),
            _ => None,
        }
    }
}

/// Whether the words of `short` occur in `long` in order, maybe with words between them
/// ("Wang" in "Wang Yi", "Hillary Clinton" in "Hillary Rodham Clinton").
fn contains_words(long: &[&str], short: &[&str]) -> bool {
    let mut rest = long.iter();
    !short.is_empty() && short.iter().all(|w| rest.any(|l| l == w))
}

/// The entities of `doc` that start inside `span`.
/// The byte offset of the space before a participle phrase that modifies a mention's noun
/// phrase ("Democrats supporting Mrs. Clinton", "activists hoping to block Trump", "lawyers
/// representing the firm"): a lowercase "-ing" word after a lowercase word that is no
/// determiner or preposition (or after an opening plural), before "to", a determiner or a
/// capitalised word.
fn participle_modifier(lexicon: &Lexicon, mention: &str) -> Option<usize> {
    let spaces: Vec<usize> = mention.match_indices(' ').map(|(k, _)| k).collect();
    spaces.windows(2).find_map(|w| {
        let before = mention[..w[0]].rsplit(' ').next()?;
        let ing = &mention[w[0] + 1..w[1]];
        let after = mention[w[1] + 1..].split(' ').next()?;
        let lowercase = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_lowercase());
        let participle = lowercase(ing)
            && ing.len() > 5
            && ing.ends_with("ing")
            && !ing.ends_with("thing")
            && !lexicon.is(WordClass::IngPreposition, ing);
        // A capitalised plural opening the mention too ("Lawyers representing …").
        let opening_plural = before.len() == w[0]
            && before.ends_with('s')
            && before.chars().skip(1).all(|c| c.is_lowercase());
        let modifies = (lowercase(before) || opening_plural)
            && !(before.starts_with(char::is_lowercase)
                && lexicon.is(WordClass::NotParticipleHead, before));
        let takes = after.starts_with(char::is_lowercase)
            && lexicon.is(WordClass::ParticipleObject, after)
            || after.starts_with(char::is_uppercase);
        (participle && modifies && takes).then_some(w[0])
    })
}

/// The share of those polled that `text` ends with: "18%", "12 percent".
fn share_before(text: &str) -> Option<&str> {
    let unit = text
        .strip_suffix('%')
        .or_else(|| text.strip_suffix(" percent"))?;
    let number = unit.rsplit(' ').next()?;
    let numeric = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit() || c == '.');
    numeric.then(|| &text[unit.len() - number.len()..])
}

fn entities_in<'d>(doc: &'d Analysis, span: Span) -> &'d [Entity] {
    let from = doc.entities.partition_point(|e| e.span.start < span.start);
    let to = doc.entities.partition_point(|e| e.span.start < span.end);
    &doc.entities[from..to.max(from)]
}

/// A subject that opens with a nominative personal pronoun is that pronoun: "he", "she",
/// "they", "we" and "I" take no modifiers, so the words after them are the clause ("He soon"
/// → "He", "he expanded upon his calls for" → "he"). Coordinations ("He and his aides") and
/// reflexives ("they themselves") stay whole.
fn pronoun_subject(text: &str, mention: Span) -> Span {
    let slice = mention.slice(text);
    let Some((first, rest)) = slice.split_once(' ') else {
        return mention;
    };
    let second = rest.split(' ').next().unwrap_or("").to_lowercase();
    let nominative = matches!(
        first.to_lowercase().as_str(),
        "he" | "she" | "they" | "we" | "i"
    );
    let joined = matches!(second.as_str(), "and" | "or" | "&")
        || second.ends_with("self")
        || second.ends_with("selves");
    if nominative && !joined {
        Span::new(mention.start, mention.start + first.len())
    } else {
        mention
    }
}

/// The attributor: named speakers by rule, pronouns and definite nominals by a learned ranker.
#[derive(Clone, Debug)]
pub struct RuleAttributor {
    lexicon: Lexicon,
    antecedents: AntecedentModel,
    /// Gender of first names (true for a man), from `models/first_names.tsv`.
    first_names: HashMap<String, bool>,
    /// The first names of that table that news text itself gives a gender (source `polnear`),
    /// not only the census: evidence that a name is a person's.
    news_first_names: HashSet<String>,
    /// The first names of that table of at least 0.005% of the census.
    common_first_names: HashSet<String>,
}

/// The shipped first-name gender table (`scripts/first_name_gender.py`).
pub const DEFAULT_FIRST_NAMES: &str = include_str!("../../models/first_names.tsv");

/// The names of `name<TAB>…<TAB>polnear` lines: first names attested in news text.
fn news_first_names(table: &str) -> HashSet<String> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && l.ends_with("\tpolnear"))
        .filter_map(|l| l.split('\t').next())
        .map(str::to_string)
        .collect()
}

/// The names of census lines of the table whose share of the census (the larger of the
/// masculine and feminine columns, in percent) is at least 0.005%.
fn common_first_names(table: &str) -> HashSet<String> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && l.ends_with("\tcensus"))
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let share = |k: usize| cols.get(k)?.parse::<f64>().ok();
            let common = share(2)?.max(share(3)?) >= 0.005;
            common.then(|| cols[0].to_string())
        })
        .collect()
}

/// The first names of a `name<TAB>m|f<TAB>…` table.
pub fn first_names(table: &str) -> HashSet<String> {
    first_name_genders(table).into_keys().collect()
}

/// Reads `name<TAB>m|f<TAB>…` lines; `#` starts a comment, other genders are skipped.
fn first_name_genders(table: &str) -> HashMap<String, bool> {
    table
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let name = cols.next()?;
            match cols.next()? {
                "m" => Some((name.to_string(), true)),
                "f" => Some((name.to_string(), false)),
                _ => None,
            }
        })
        .collect()
}

impl Default for RuleAttributor {
    fn default() -> Self {
        RuleAttributor::new(crate::lexicon::default_lexicon())
    }
}

/// The embedded antecedent ranker.
pub fn default_antecedents() -> AntecedentModel {
    AntecedentModel::from_table(DEFAULT_ANTECEDENTS).expect("models/antecedents.tsv is valid")
}

/// Words of a text span, split on whitespace with possessives and punctuation kept attached.
/// Grammatical gender of a personal pronoun: `Some(true)` for he/him/his, `Some(false)` for
/// she/her.
fn pronoun_gender(word: &str) -> Option<bool> {
    match word.to_lowercase().as_str() {
        "he" | "him" | "his" => Some(true),
        "she" | "her" => Some(false),
        _ => None,
    }
}

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

/// Strips a possessive ending ("Italy’s" → "Italy").
fn strip_possessive(w: &str) -> &str {
    w.trim_end_matches("’s")
        .trim_end_matches("'s")
        .trim_end_matches(['’', '\''])
}

/// Whether two words both have at least four characters and share the first four ("minister",
/// "ministry"). Compares characters, not bytes: a byte offset of 4 can fall inside a multi-byte
/// character ("ru\u{FFFD}sian") and slicing there panics.
fn same_prefix(a: &str, b: &str) -> bool {
    let (mut a, mut b) = (a.chars(), b.chars());
    (0..4).all(|_| matches!((a.next(), b.next()), (Some(x), Some(y)) if x == y))
}

impl RuleAttributor {
    /// An attributor over the given word lists, with the embedded antecedent ranker.
    pub fn new(lexicon: Lexicon) -> RuleAttributor {
        RuleAttributor::with_antecedents(lexicon, default_antecedents())
    }

    /// An attributor over the given word lists and antecedent ranker.
    pub fn with_antecedents(lexicon: Lexicon, antecedents: AntecedentModel) -> RuleAttributor {
        RuleAttributor {
            lexicon,
            antecedents,
            first_names: first_name_genders(DEFAULT_FIRST_NAMES),
            news_first_names: news_first_names(DEFAULT_FIRST_NAMES),
            common_first_names: common_first_names(DEFAULT_FIRST_NAMES),
        }
    }

    fn is_role_word(&self, w: &str) -> bool {
        let w = strip_possessive(w);
        self.lexicon.is(WordClass::Role, w) || self.lexicon.is(WordClass::RoleModifier, w)
    }

    /// Whether `w` (any case, a trailing dot ignored: "Mr.") is in `class`.
    fn is_word(&self, class: WordClass, w: &str) -> bool {
        self.lexicon.is(class, w.trim_end_matches('.'))
    }

    /// Whether `w` is a courtesy title or a determiner ("Mr.", "Sir", "the"): words that end
    /// no role.
    fn courtesy_or_determiner(&self, w: &str) -> bool {
        self.is_word(WordClass::Honorific, w) || self.lexicon.is(WordClass::Article, w)
    }

    /// Whether `w` is a title or role word ("Sen.", "minister", "foreign").
    fn is_title(&self, w: &str) -> bool {
        self.is_word(WordClass::Title, w) || self.is_role_word(w)
    }

    /// How many leading words of a name are honorifics, titles or role words ("Sen. Ted Cruz"
    /// → 1, "Prime Minister Tony Blair" → 2); the last word always stays.
    fn title_words(&self, name: &[&str]) -> usize {
        let titles = name
            .iter()
            .take(name.len().saturating_sub(1))
            .take_while(|w| self.is_word(WordClass::Honorific, w) || self.is_title(w))
            .count();
        // A sentence's first word may be a capitalised person noun ("Comedian Bono", "Actor
        // Tom Cruise").
        match name {
            [first, _, ..] if titles == 0 && self.lexicon.is(WordClass::Person, first) => 1,
            _ => titles,
        }
    }

    /// Initials the tagger left out of a lone surname open its name when the article gives no
    /// longer name with it ("JK Rowling" tagged "Rowling"; not "AG Mukasey" beside "Michael
    /// Mukasey").
    fn add_initials<'d>(&self, doc: &'d Analysis, names: &mut Names<'d>) {
        for i in 0..names.full_names.len() {
            if names.lone_surname(i).is_none() {
                continue;
            }
            let start = names.full_names[i].start;
            let t = doc.tokens.partition_point(|t| t.span.start < start);
            let Some(initials) = t.checked_sub(1).map(|b| doc.token_text(b)) else {
                continue;
            };
            if !self.initials(doc, t - 1) {
                continue;
            }
            names.full_names[i].words.insert(0, initials);
            names.by_word.entry(initials).or_default().push(i);
        }
    }

    /// A first name the tagger left out of a lone surname opens its name when the article
    /// writes the surname after one first name of the table, and after no other ("South
    /// Korean-born Monte Haines" tagged "Haines"; "John “Tig” Tiegen" past its quoted
    /// nickname; "Ruth Bader Ginsburg" with its middle name; not "Podesta" where the text has
    /// "Tony Podesta" and "John Podesta").
    fn add_first_names<'d>(&self, doc: &'d Analysis, names: &mut Names<'d>) {
        // Each word's places, indexed once, and each surname's first name, found once: a scan
        // of the text per name is quadratic in a long article naming many people.
        let mut places: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut first_names: HashMap<&str, Option<Vec<&str>>> = HashMap::new();
        for i in 0..names.full_names.len() {
            let Some(surname) = names.lone_surname(i) else {
                continue;
            };
            if places.is_empty() {
                for t in 1..doc.tokens.len() {
                    places.entry(doc.token_text(t)).or_default().push(t);
                }
            }
            let before = first_names.entry(surname).or_insert_with(|| {
                let mut found: Vec<Vec<&str>> = places
                    .get(surname)
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|&t| !names.in_quote(doc.tokens[t].span))
                    .filter_map(|t| self.first_names_before(doc, t))
                    .collect();
                found.sort_unstable();
                found.dedup();
                (found.len() == 1).then(|| found.remove(0))
            });
            if let Some(before) = before {
                for (k, &w) in before.iter().enumerate() {
                    names.full_names[i].words.insert(k, w);
                    names.by_word.entry(w).or_default().push(i);
                }
            }
        }
    }

    /// The first name of the table right before token `t` in its sentence, with a middle
    /// name or initial after it ("Ruth Bader Ginsburg", "Mary J. Blige"), or past a quoted
    /// nickname ("John “Tig” Tiegen").
    fn first_names_before<'d>(&self, doc: &'d Analysis<'_>, t: usize) -> Option<Vec<&'d str>> {
        let quote = |k: usize| matches!(doc.token_text(k), "“" | "”" | "\"" | "‘" | "’");
        let middle = |w: &str| {
            let initial = w.len() == 2 && w.ends_with('.');
            let word = w.len() > 2 && w.chars().all(char::is_alphabetic);
            w.starts_with(char::is_uppercase) && (initial || word) && !self.is_title(w)
        };
        let mut b = t.checked_sub(1)?;
        let mut words = Vec::new();
        if quote(b) && b >= 3 && quote(b - 2) {
            b -= 3;
        } else if middle(doc.token_text(b)) && !self.first_names.contains_key(doc.token_text(b)) {
            words.push(doc.token_text(b));
            b = b.checked_sub(1)?;
        }
        words.insert(0, doc.token_text(b));
        if doc.sentence_of(b) != doc.sentence_of(t) || !self.first_name_at(doc, b) {
            return None;
        }
        // A first name the tagger put in a place or organisation without the surname is
        // none ("Madison" + "Garden" in "Madison Square Garden").
        let word = doc.tokens[b].span;
        let from = doc.entities.partition_point(|e| e.span.end <= word.start);
        let elsewhere = doc.entities[from..]
            .iter()
            .take_while(|e| e.span.start <= word.start)
            .any(|e| {
                e.label != Label::Per
                    && e.span.contains(word)
                    && !e.span.contains(doc.tokens[t].span)
            });
        (!elsewhere).then_some(words)
    }

    /// Whether token `b` is a first name of the table. A sentence's first word is capitalised
    /// anyway ("So Clinton"): there it must be a name news text gives a gender, or a name of
    /// at least 0.005% of the census the article never writes in lowercase.
    fn first_name_at(&self, doc: &Analysis, b: usize) -> bool {
        let w = doc.token_text(b);
        let opens = b == 0 || doc.sentence_of(b - 1) != doc.sentence_of(b);
        let lowercase = || {
            let lower = w.to_lowercase();
            (0..doc.tokens.len()).any(|k| doc.token_text(k) == lower)
        };
        self.first_names.contains_key(w)
            && (!opens
                || self.news_first_names.contains(w)
                || self.common_first_names.contains(w) && !lowercase())
    }

    /// Whether token `b` is initials right before a name in its sentence: two or three
    /// capitals, dotted or not ("JK", "J.K."), no title or role ("PM"), tagged as no name.
    fn initials(&self, doc: &Analysis, b: usize) -> bool {
        let w = doc.token_text(b);
        let letters: Vec<char> = w.chars().filter(|&c| c != '.').collect();
        (2..=3).contains(&letters.len())
            && letters.iter().all(char::is_ascii_uppercase)
            && (w.len() == letters.len() || w.len() == 2 * letters.len() && w.ends_with('.'))
            && b + 1 < doc.tokens.len()
            && doc.sentence_of(b) == doc.sentence_of(b + 1)
            && !self.is_title(w)
            && !doc
                .entities
                .iter()
                .any(|e| e.span.contains(doc.tokens[b].span))
    }

    /// A name's words without its leading honorifics and titles ([`Self::title_words`]) and its
    /// trailing post-nominals ("Det Ch Insp Mark Roberts" → "Mark Roberts", "Richard Ferguson
    /// QC" → "Richard Ferguson"); one word always stays.
    fn bare_words<'w, 't>(&self, ws: &'w [&'t str]) -> &'w [&'t str] {
        let bare = &ws[self.title_words(ws)..];
        let post = bare
            .iter()
            .skip(1)
            .rev()
            .take_while(|w| self.is_word(WordClass::Postnominal, w))
            .count();
        &bare[..bare.len() - post]
    }

    /// Whether an entity names a person: tagged PER, led by an honorific ("Mr. Obama" tagged
    /// ORG), or a name of two words or more right after a role or before one in apposition
    /// ("China’s top diplomat Wang Yi" tagged LOC). One word next to a role is as often an
    /// organisation or a place ("fellow Democrats", "a rebel leader turned president, Eritrea").
    fn is_person(&self, doc: &Analysis, e: &Entity) -> bool {
        let ws = words(e.span.slice(doc.text()));
        let role_before = || {
            self.role_before(doc, e)
                .is_some_and(|r| words(&r).last().is_some_and(|w| self.is_title(w)))
        };
        e.label == Label::Per && !self.described_as_organisation(doc, e)
            || ws
                .first()
                .is_some_and(|w| self.is_word(WordClass::Honorific, w))
            || ws.len() >= 2
                && (role_before()
                    || self.appositive_role(doc, e).is_some()
                    || self.lexicon.is(WordClass::Person, ws[0]))
            || self.first_name_first(&ws)
            || self.titled(doc, e)
    }

    /// Whether a capitalised title stands right before an entity, in its sentence ("Pres.
    /// Obama", "Justice Sotomayor" tagged ORG or LOC): one word is enough here, unlike a role
    /// further off ("a rebel leader turned president, Eritrea").
    fn titled(&self, doc: &Analysis, e: &Entity) -> bool {
        let t = doc.tokens.partition_point(|t| t.span.start < e.span.start);
        let Some(before) = t.checked_sub(1) else {
            return false;
        };
        let w = doc.token_text(before);
        doc.sentence_of(before) == doc.sentence_of(t.min(doc.tokens.len() - 1))
            && w.starts_with(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase)
            && self.is_word(WordClass::Title, w)
    }

    /// Whether a name of two or three words opens with a first name that news text gives a
    /// gender ("Donald Trump", "George W. Bush" tagged ORG or LOC), with no word heading an
    /// organisation (not "Bill Clinton Foundation").
    fn first_name_first(&self, ws: &[&str]) -> bool {
        (2..=3).contains(&ws.len()) && self.news_first_names.contains(ws[0]) && self.name_like(ws)
    }

    /// Whether the article calls the entity an organisation right before or after it:
    /// "retail giant Tesco", "Tesco, the UK's biggest retailer," (see
    /// [`Self::apposed_as_organisation`]).
    fn described_as_organisation(&self, doc: &Analysis, e: &Entity) -> bool {
        self.premodified_as_organisation(doc, e) || self.apposed_as_organisation(doc, e)
    }

    /// Whether a lowercase noun for a kind of organisation (`org_nouns.tsv`) stands right
    /// before the entity, in its sentence ("electronics giant Sony" with "Sony" tagged LOC;
    /// "retailer Tesco" tagged PER; not "news Russians").
    fn premodified_as_organisation(&self, doc: &Analysis, e: &Entity) -> bool {
        let t = doc.tokens.partition_point(|t| t.span.start < e.span.start);
        t.checked_sub(1).is_some_and(|b| {
            let w = doc.token_text(b);
            t < doc.tokens.len()
                && doc.sentence_of(b) == doc.sentence_of(t)
                && w.starts_with(char::is_lowercase)
                && self.lexicon.is(WordClass::Organisation, w)
        })
    }

    /// Whether an apposition right after the entity calls it an organisation: a short
    /// phrase with an article whose head noun, before its comma or a prepositional phrase, is
    /// an organisation noun ("Tesco, the UK's biggest retailer," with "Tesco" tagged PER;
    /// "Teck, the Canadian mining company,"; not "X, the owner of a shopping center,").
    fn apposed_as_organisation(&self, doc: &Analysis, e: &Entity) -> bool {
        let t = doc.tokens.partition_point(|t| t.span.start < e.span.end);
        if t + 2 >= doc.tokens.len() || doc.token_text(t) != "," {
            return false;
        }
        let end = doc.sentences[doc.sentence_of(t)].tokens.end;
        let Some(close) = (t + 1..end.min(t + 10)).find(|&i| doc.token_text(i) == ",") else {
            return false;
        };
        if close <= t + 2 || !self.lexicon.is(WordClass::Article, doc.token_text(t + 1)) {
            return false;
        }
        // Without the article, whose word would be the head of "the, …".
        let phrase = Span::new(doc.tokens[t + 2].span.start, doc.tokens[close - 1].span.end);
        self.head_noun(phrase.slice(doc.text()))
            .is_some_and(|head| {
                head.starts_with(char::is_lowercase) && self.organisation_noun(head)
            })
    }

    /// The head noun of a noun phrase: its last word before a preposition, without a
    /// possessive ending ("A spokeswoman for the group" → "spokeswoman", "the owner of a
    /// shopping center" → "owner").
    pub(super) fn head_noun<'p>(&self, phrase: &'p str) -> Option<&'p str> {
        let ws = words(phrase);
        let end = ws
            .iter()
            .position(|w| self.lexicon.is(WordClass::Preposition, w))
            .unwrap_or(ws.len());
        ws[..end].last().map(|w| strip_possessive(w))
    }

    /// Whether a noun names a kind of organisation: a mined one ("firm", "retailer") or an
    /// organisation's head word ("union", "committee").
    pub(super) fn organisation_noun(&self, w: &str) -> bool {
        self.lexicon.is(WordClass::Organisation, w) || self.lexicon.is(WordClass::OrgHead, w)
    }

    /// A role in apposition right after an entity: the phrase up to the next comma or the
    /// sentence's end when it has at most [`MAX_APPOSITION_WORDS`] words, else its leading
    /// role and name words; with a role noun among its first words ("Wang Yi, the foreign
    /// minister of China," → "foreign minister of China"; "Jenna Golden, Twitter’s director of
    /// political advertising, said"). A predicate after "is" or "was" gives its leading role
    /// and name words ("Mara Quill is the mayor of Dunmore and …" → "mayor of Dunmore").
    fn appositive_role(&self, doc: &Analysis, e: &Entity) -> Option<String> {
        let t = doc.tokens.partition_point(|t| t.span.start < e.span.end);
        if t >= doc.tokens.len() || !matches!(doc.token_text(t), "," | "is" | "was") {
            return None;
        }
        let predicate = doc.token_text(t) != ",";
        let end = doc.sentences[doc.sentence_of(t)].tokens.end;
        let first = (t + 1..end).find(|&i| !opens_phrase(&self.lexicon, doc.token_text(i)))?;
        let possessive = |w: &str| matches!(w, "’s" | "'s");
        let stop = (first..end)
            .find(|&i| {
                let w = doc.token_text(i);
                !(w.starts_with(char::is_alphanumeric) || possessive(w) || matches!(w, "&" | "-"))
                    || matches!(w, "who" | "whose" | "which" | "that" | "where")
            })
            .unwrap_or(end);
        let words: Vec<&str> = (first..stop).map(|i| doc.token_text(i)).collect();
        let name_or_role =
            |w: &&str| self.is_role_word(w) || w.starts_with(char::is_uppercase) || possessive(w);
        let role = |w: &&str| self.lexicon.is(WordClass::Role, strip_possessive(w));
        // A role word among the first names and roles, or by the third word past lowercase
        // modifiers ("Ban Ki-moon, the globe-trotting secretary general of the United
        // Nations"; not "Lee Epstein, along with a professor").
        let among_names = words
            .iter()
            .take(5)
            .take_while(|w| name_or_role(w))
            .any(role);
        let modifier = |w: &&str| {
            w.starts_with(char::is_lowercase) && !self.lexicon.is(WordClass::Preposition, w)
        };
        let past_modifiers = words
            .iter()
            .take(3)
            .position(role)
            .filter(|&k| words[..k].iter().all(modifier));
        if !among_names && past_modifiers.is_none() || words.is_empty() {
            return None;
        }
        let closed = !predicate && (stop == end || doc.token_text(stop) != "(");
        let last = if closed && words.len() <= MAX_APPOSITION_WORDS {
            words.len() - 1
        } else {
            // The leading role and name words, with "of"/"at"/"for" phrases of names.
            let mut last = 0;
            for (k, w) in words.iter().enumerate() {
                let joins = matches!(*w, "of" | "at" | "for" | "to")
                    || opens_phrase(&self.lexicon, w)
                        && k > 0
                        && matches!(words[k - 1], "of" | "at" | "for" | "to");
                if name_or_role(w) {
                    last = k;
                } else if !joins {
                    break;
                }
            }
            last
        };
        if !among_names && past_modifiers.is_some_and(|k| last < k) {
            return None;
        }
        // A predicate describes as often as it names an office ("is the leader in the polls",
        // "is the candidate Republican voters …"): only an office tied to a name counts ("the
        // mayor of Dunmore", "the Republican governor of Florida", "a Democratic consultant").
        let kept = &words[..=last];
        let tied = kept.iter().any(|w| w.starts_with(char::is_uppercase))
            && (role(&kept[last]) || kept.iter().any(|w| matches!(*w, "of" | "at" | "for")));
        if predicate && !tied {
            return None;
        }
        Some(
            Span::new(
                doc.tokens[first].span.start,
                doc.tokens[first + last].span.end,
            )
            .slice(doc.text())
            .to_string(),
        )
    }

    /// Whether words can be a person's name: at most [`MAX_NAME_WORDS`], each capitalised or a
    /// name particle, none heading an organisation ("Bill de Blasio"; not "Census Bureau says
    /// Millennials", nor "State Department" tagged PER).
    fn name_like(&self, name: &[&str]) -> bool {
        name.len() <= MAX_NAME_WORDS
            && name.iter().all(|w| {
                (w.chars().next().is_some_and(|c| !c.is_lowercase())
                    || self.lexicon.is(WordClass::Particle, w))
                    && !self.lexicon.is(WordClass::OrgHead, w)
            })
    }

    /// An entity's words without leading honorifics and titles ("Sen. Ted Cruz" → "Ted Cruz").
    fn bare_name<'t>(&self, doc: &Analysis<'t>, e: &Entity) -> Vec<&'t str> {
        let ws = words(e.span.slice(doc.text()));
        self.bare_words(&ws).to_vec()
    }

    /// A person's canonical name: the article's full name for the mention ("Mr Blair" → "Tony
    /// Blair"), else the mention without titles ("Sen. Ted Cruz" → "Ted Cruz"), keeping a
    /// courtesy honorific before a lone surname ("Mr. Pell").
    fn person_name(&self, doc: &Analysis, names: &Names, e: &Entity) -> String {
        let ws = words(e.span.slice(doc.text()));
        let k = self.title_words(&ws);
        let bare = self.bare_words(&ws);
        // The honorific may lead the entity or stand right before it ("Mrs." + "Clinton").
        let t = doc.tokens.partition_point(|t| t.span.start < e.span.start);
        let before = (t > 0).then(|| doc.token_text(t - 1));
        let titles: Vec<&str> = before.into_iter().chain(ws[..k].iter().copied()).collect();
        if let Some(full) = names.full_name(bare, e.span.start, self.honorific_gender(&titles)) {
            return full;
        }
        let honorific = ws[..k]
            .iter()
            .rposition(|w| self.is_word(WordClass::Honorific, w));
        match honorific {
            Some(h) if bare.len() == 1 => format!("{} {}", ws[h], bare[0]),
            _ => bare.join(" "),
        }
    }

    /// The gender a word before a name marks ("Mrs", "spokesman"): true for a man.
    fn gender_word(&self, w: &str) -> Option<bool> {
        if self.is_word(WordClass::Masculine, w) {
            Some(true)
        } else if self.is_word(WordClass::Feminine, w) {
            Some(false)
        } else {
            None
        }
    }

    /// The gender that the last gendered word of a name's titles marks ("Mrs." in "Mrs.
    /// Clinton"), with the first-name table to match full names against.
    fn honorific_gender(&self, titles: &[&str]) -> Option<Gender<'_>> {
        let man = titles.iter().rev().find_map(|w| self.gender_word(w))?;
        Some(Gender {
            man,
            first_names: &self.first_names,
        })
    }

    /// A definite description in apposition before a name set off by commas ("The force's
    /// deputy chief constable, Tim Hollis, said"; "The chief constable of Humberside Police,
    /// David Westwood, has resigned"): the phrase from its article or possessor to the comma,
    /// without the article, when its head is a lowercase noun and it holds at most
    /// [`MAX_APPOSITION_WORDS`] words.
    fn description_before(&self, doc: &Analysis, e: &Entity) -> Option<String> {
        let t = doc.tokens.partition_point(|t| t.span.start < e.span.start);
        let first = doc.sentences[doc.sentence_of(t.min(doc.tokens.len().saturating_sub(1)))]
            .tokens
            .start;
        let t = self.past_honorifics(doc, t, first);
        let after = doc.tokens.partition_point(|t| t.span.start < e.span.end);
        let comma = t.checked_sub(1)?;
        let sentence = doc.sentences[doc.sentence_of(comma)].tokens.clone();
        if doc.token_text(comma) != "," || after >= sentence.end || doc.token_text(after) != "," {
            return None;
        }
        let opening = (sentence.start..comma)
            .rev()
            .take(MAX_APPOSITION_WORDS)
            .take_while(|&i| {
                doc.token_text(i)
                    .starts_with(|c: char| c.is_alphanumeric() || c == '’' || c == '\'')
            })
            .last()?;
        // Past a connective ("And Florida's attorney general, Pam Bondi,"); a description
        // holds no other person but as a possessor ("Clinton's campaign chairman, John
        // Podesta"; not "the anger of Senator Ted Cruz of Texas, Mr. Trump").
        let connective = self.is_word(WordClass::Connective, doc.token_text(opening));
        let start = opening + usize::from(connective);
        if start >= comma || (start..comma).any(|i| self.names_other_person(doc, i)) {
            return None;
        }
        let first = doc.token_text(start);
        // An article, or a possessor of up to three words ("NHS England's medical director").
        let opens = opens_phrase(&self.lexicon, first)
            || (start + 1..comma.min(start + 4)).any(|i| matches!(doc.token_text(i), "’s" | "'s"));
        // The head noun ends the phrase or comes before its "of" ("chief constable of
        // Humberside Police").
        let head_end = (start + 1..comma)
            .find(|&i| doc.token_text(i) == "of")
            .unwrap_or(comma);
        let noun =
            head_end > start + 1 && doc.token_text(head_end - 1).starts_with(char::is_lowercase);
        let from = if opens_phrase(&self.lexicon, first) {
            start + 1
        } else {
            start
        };
        // A role noun in it, or two or three words without "and" ("Israeli blogger"; not
        // "The other,", nor "The company and France’s secretary of state").
        let phrase: Vec<&str> = (from..comma).map(|i| doc.token_text(i)).collect();
        let role = phrase
            .iter()
            .any(|w| self.lexicon.is(WordClass::Role, w) || self.lexicon.is(WordClass::Person, w));
        let described = !phrase.contains(&"and") && (role || (2..=3).contains(&phrase.len()));
        (opening == sentence.start && opens && noun && described).then(|| {
            Span::new(doc.tokens[from].span.start, doc.tokens[comma - 1].span.end)
                .slice(doc.text())
                .to_string()
        })
    }

    /// Token `t` (a name's first) moved back past the courtesy titles before it, not before
    /// `first`: a title belongs to neither the name nor a role before it ("NHS England's
    /// medical director, Sir Stephen Powis").
    fn past_honorifics(&self, doc: &Analysis, mut t: usize, first: usize) -> usize {
        while t > first && self.is_word(WordClass::Honorific, doc.token_text(t - 1)) {
            t -= 1;
        }
        t
    }

    /// Whether token `i` ends a person's full name that is not a possessor ("Ted Cruz", not
    /// "Clinton's", nor "Twitter" tagged PER): another person than the one a role describes.
    fn names_other_person(&self, doc: &Analysis, i: usize) -> bool {
        let end = doc.tokens[i].span.end;
        let k = doc.entities.partition_point(|e| e.span.end < end);
        let full_name = doc.entities.get(k).is_some_and(|e| {
            e.span.end == end && e.label == Label::Per && words(e.span.slice(doc.text())).len() >= 2
        });
        let possessor = doc
            .tokens
            .get(i + 1)
            .is_some_and(|t| matches!(t.span.slice(doc.text()), "’s" | "'s"));
        full_name && !possessor
    }

    /// A role phrase right before a person entity ("Russian Foreign Minister" Sergey Lavrov) or
    /// in apposition before it ("Italian FM, Antonio Tajani").
    fn role_before(&self, doc: &Analysis, entity: &Entity) -> Option<String> {
        let text = doc.text();
        let t = doc
            .tokens
            .partition_point(|t| t.span.start < entity.span.start);
        let sentence = &doc.sentences[doc.sentence_of(t.min(doc.tokens.len().saturating_sub(1)))];
        let t = self.past_honorifics(doc, t, sentence.tokens.start);
        let mut a = t;
        let mut has_role = false;
        let mut comma = false;
        while a > sentence.tokens.start {
            let w = doc.token_text(a - 1);
            if w == "," && a == t && !comma {
                comma = true;
                a -= 1;
                continue;
            }
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            // A person in apposition is another one, not a role ("the anger of Senator Ted
            // Cruz, Mr. Bush's values").
            if comma && self.names_other_person(doc, a - 1) {
                return None;
            }
            if self.is_word(WordClass::Connective, w) || self.is_word(WordClass::Opener, w) {
                // "But Home Secretary", "When Prime Minister": the role starts after it.
                break;
            }
            if self.is_role_word(w) {
                has_role |= self.lexicon.is(WordClass::Role, strip_possessive(w));
            } else if a == t
                && !capital
                && self.lexicon.is(WordClass::Person, w)
                && a >= 2
                && doc.token_text(a - 2).starts_with(char::is_uppercase)
            {
                // A noun for a kind of person after a name heads a role too ("Manchester
                // United boss Sir Alex Ferguson"; not "rival Bernie Sanders").
                has_role = true;
            } else if self.is_word(WordClass::Title, w) {
                has_role = true;
            } else if !(capital
                || matches!(
                    w,
                    "’s" | "'s" | "of" | "state" | "media" | "news" | "agency"
                ))
            {
                break;
            }
            a -= 1;
        }
        // A role never opens with a possessive ending: its possessor belongs to it ("The
        // family's lawyer, Priya Shah" → "family's lawyer").
        if a > sentence.tokens.start && a < t && matches!(doc.token_text(a), "’s" | "'s") {
            a -= 1;
        }
        // Drop leading determiners and an "of" that the walk passed: no part of the role
        // ("the endorsement of Gov. Mike Pence" → "Gov.").
        while a < t && (opens_phrase(&self.lexicon, doc.token_text(a)) || doc.token_text(a) == "of")
        {
            a += 1;
        }
        let mut end = if comma { t - 1 } else { t };
        // A courtesy title before the name is no part of the role ("chief executive Sir").
        while end > a && self.is_word(WordClass::Honorific, doc.token_text(end - 1)) {
            end -= 1;
        }
        if !has_role || a >= end {
            return None;
        }
        let span = Span::new(doc.tokens[a].span.start, doc.tokens[end - 1].span.end);
        Some(span.slice(text).to_string())
    }

    /// The type of a speaker named `name` that is no person: an organisation's when the tagger
    /// said PER ("Tesco, the UK's biggest retailer,") or MISC or LOC with an organisation's head
    /// word ("the Times", "American Legion" are no nationality; "African Union" no place), else
    /// the tagger's.
    fn non_person_label(&self, name: &str, tagged: Label) -> Label {
        let org_head = || {
            words(name)
                .iter()
                .any(|w| self.lexicon.is(WordClass::OrgHead, w))
        };
        match tagged {
            Label::Per => Label::Org,
            Label::Misc | Label::Loc if org_head() => Label::Org,
            other => other,
        }
    }

    /// Whether `entity` names a person: the article never calls it an organisation, and it
    /// looks like a person ([`Self::is_person`]) or the article names a person with a longer
    /// name holding it ("Trump" tagged ORG).
    fn names_person(&self, doc: &Analysis, names: &Names, entity: &Entity) -> bool {
        if names.organisations.contains(entity.span.slice(doc.text())) {
            return false;
        }
        let bare = self.bare_name(doc, entity);
        self.is_person(doc, entity)
            || self.name_like(&bare)
                && (names.person_named(&bare) || names.surname_of_a_person(&bare, doc.text()))
    }

    /// The gender the article marks for each person, by canonical name: a gendered word leading
    /// the name or right before it ("Mrs. Pell", "Mr Quill", "spokeswoman Dana Pell"). The first
    /// mark wins.
    fn person_genders(&self, doc: &Analysis, names: &Names) -> HashMap<String, bool> {
        let text = doc.text();
        let mut genders = HashMap::new();
        for e in &doc.entities {
            let ws = words(e.span.slice(text));
            let t = doc.tokens.partition_point(|t| t.span.start < e.span.start);
            let before = (t > 0).then(|| doc.token_text(t - 1));
            let leading = ws[..self.title_words(&ws)].iter().copied();
            let Some(gender) = leading.chain(before).find_map(|w| self.gender_word(w)) else {
                continue;
            };
            if self.names_person(doc, names, e) {
                genders
                    .entry(self.person_name(doc, names, e))
                    .or_insert(gender);
            }
        }
        // Unmarked persons: the gender news text gives their first name.
        for e in &doc.entities {
            let bare = self.bare_name(doc, e);
            let known = bare
                .first()
                .is_some_and(|f| self.first_names.contains_key(*f));
            if !known || !self.names_person(doc, names, e) {
                continue;
            }
            let name = self.person_name(doc, names, e);
            let first = words(&name).first().and_then(|f| self.first_names.get(*f));
            if let Some(&gender) = first {
                genders.entry(name).or_insert(gender);
            }
        }
        genders
    }

    /// Sentences that open with "He" or "She" right after a sentence naming one person outside
    /// quotations: (the pronoun's sentence, that person, true for "He"). A mention later than
    /// such a sentence may take the gender for a person the article marks no other way.
    fn opener_genders(&self, doc: &Analysis, names: &Names) -> Vec<(usize, String, bool)> {
        let mut votes = Vec::new();
        for (i, s) in doc.sentences.iter().enumerate().skip(1) {
            let opener =
                (s.tokens.start < doc.tokens.len()).then(|| doc.token_text(s.tokens.start));
            let gender = match opener {
                Some("He") => true,
                Some("She") => false,
                _ => continue,
            };
            let mut persons: Vec<String> = entities_in(doc, doc.sentences[i - 1].span)
                .iter()
                .filter(|e| !names.in_quote(e.span) && self.names_person(doc, names, e))
                .map(|e| self.person_name(doc, names, e))
                .collect();
            persons.dedup();
            if let [name] = &persons[..] {
                votes.push((i, name.clone(), gender));
            }
        }
        votes
    }

    /// Fills the gender tables of `names` ([`Self::person_genders`], [`Self::opener_genders`]).
    fn mark_genders(&self, doc: &Analysis, names: &mut Names) {
        names.genders = self.person_genders(doc, names);
        names.opener_genders = self.opener_genders(doc, names);
    }

    /// A speaker named by `entity`: a person under their canonical name with the first role the
    /// article gives them, anything else as written.
    fn resolve_entity(
        &self,
        doc: &Analysis,
        names: &Names,
        entity: &Entity,
        certainty: f32,
    ) -> Speaker {
        if !self.names_person(doc, names, entity) {
            let text = entity.span.slice(doc.text());
            if let Some(full) = names.acronyms.get(text) {
                return Speaker {
                    name: Some(full.clone()),
                    label: Some(Label::Org),
                    role: None,
                    certainty,
                };
            }
            let label = if names.organisations.contains(text) {
                Label::Org
            } else {
                self.non_person_label(text, entity.label)
            };
            return Speaker {
                name: Some(text.to_string()),
                label: Some(label),
                role: None,
                certainty,
            };
        }
        let name = self.person_name(doc, names, entity);
        Speaker {
            role: names.roles.get(&name).cloned(),
            name: Some(name),
            label: Some(Label::Per),
            certainty,
        }
    }

    /// Where each sentence's main clause starts, computed once per article.
    fn clause_starts<'n>(&self, doc: &Analysis, names: &'n Names) -> &'n [usize] {
        names.clause_starts.get_or_init(|| {
            (0..doc.sentences.len())
                .map(|si| self.clause_start(doc, si))
                .collect()
        })
    }

    /// Where sentence `si`'s main clause starts (a char offset): after the comma that closes
    /// an opening prepositional phrase or subordinate clause, else at the sentence start.
    fn clause_start(&self, doc: &Analysis, si: usize) -> usize {
        let sent = &doc.sentences[si];
        let text = doc.text();
        let tokens = &doc.tokens[sent.tokens.clone()];
        let opens = tokens
            .first()
            .is_some_and(|t| self.lexicon.is(WordClass::Opener, t.span.slice(text)));
        let comma = tokens
            .iter()
            .take(MAX_OPENER_TOKENS)
            .position(|t| t.span.slice(text) == ",");
        match (opens, comma.and_then(|c| tokens.get(c + 1))) {
            (true, Some(next)) => next.span.start,
            _ => sent.span.start,
        }
    }

    /// "They" after "X and Y …" or "X, Y and Z …": the persons, or the organisations ("the
    /// Teamsters, the Firefighters and UNITE HERE"), of the latest such list, by their fullest
    /// names, from the same or one of the [`PAIR_WINDOW`] sentences before, with the sentence
    /// they are named in and whether they open its main clause.
    fn coordinated_referents(
        &self,
        doc: &Analysis,
        names: &Names,
        mention: Span,
    ) -> Option<(Speaker, usize, bool)> {
        let text = doc.text();
        let sentence = doc
            .sentences
            .partition_point(|s| s.span.end <= mention.start);
        let from = doc
            .sentences
            .get(sentence.saturating_sub(PAIR_WINDOW))
            .map_or(0, |s| s.span.start);
        let named: Vec<&Entity> = entities_in(doc, Span::new(from, mention.start))
            .iter()
            .filter(|e| {
                matches!(e.label, Label::Per | Label::Org)
                    && e.span.end <= mention.start
                    && !names.in_quote(e.span)
            })
            .collect();
        // The latest list of one kind joined by commas and a final "and" ("X and Y", "X, Y
        // and Z", "X, Y, and Z"; each may open with "the").
        let joined = |a: &Entity, b: &Entity| {
            let between = text[a.span.end..b.span.start].trim();
            let between = between.strip_suffix(" the").unwrap_or(between);
            if a.label == b.label {
                between
            } else {
                ""
            }
        };
        let last = (1..named.len())
            .rev()
            .find(|&k| matches!(joined(named[k - 1], named[k]), "and" | ", and"))?;
        let mut first = last - 1;
        while first > 0 && joined(named[first - 1], named[first]) == "," {
            first -= 1;
        }
        let list = &named[first..=last];
        let named_in = names
            .sentence_ends
            .partition_point(|&end| end <= list[0].span.start);
        let speaker = if list[0].label == Label::Per {
            self.group_of(doc, names, list, 0.7)
        } else {
            let each: Option<Vec<String>> = list
                .iter()
                .map(|e| self.resolve_entity(doc, names, e, 0.7).name)
                .collect();
            Speaker {
                name: Some(each?.join(" and ")),
                label: Some(Label::Org),
                role: None,
                certainty: 0.7,
            }
        };
        // The list opens its sentence's main clause ("…, Lavrov and Wang discussed").
        let clause = Span::new(self.clause_starts(doc, names)[named_in], list[0].span.start);
        let subject = !entities_in(doc, clause)
            .iter()
            .any(|e| clause.contains(e.span) && !names.in_quote(e.span));
        Some((speaker, named_in, subject))
    }

    /// A role nominal ("Italy’s foreign minister") linked to a nearby person introduced with a
    /// matching role ("Italian FM, Antonio Tajani").
    fn nominal(&self, doc: &Analysis, names: &Names, mention: Span) -> Option<Speaker> {
        let lower = |w: &&str| strip_possessive(w).to_lowercase();
        let expand = |w: String| -> Vec<String> {
            match w.as_str() {
                "fm" => vec!["foreign".into(), "minister".into()],
                _ => vec![w],
            }
        };
        let mention_words: Vec<String> =
            words(mention.slice(doc.text())).iter().map(lower).collect();
        let head = mention_words.last()?;
        // "A British Foreign Office spokesman" is someone new, not the spokesman named before.
        if matches!(
            mention_words.first().map(String::as_str),
            Some("a" | "an" | "another")
        ) {
            return None;
        }

        let from = names
            .with_roles
            .partition_point(|(e, _)| e.span.start + NOMINAL_WINDOW < mention.start);
        let nearby = names.with_roles[from..]
            .iter()
            .take_while(|(e, _)| e.span.start <= mention.start + NOMINAL_WINDOW);
        // Persons whose role has the mention's head noun, scored by the mention's other words
        // that the role shares, or shares the first four letters of ("Italy’s foreign minister"
        // and "Italian FM": 2; and "Russian Foreign Minister": 1).
        // A name in the mention that is in someone's role must be in the role: "The United
        // manager" is not the "Arsenal manager" when another is the "Manchester United boss".
        let role_words = |role: &str| -> Vec<String> {
            words(role).iter().map(lower).flat_map(expand).collect()
        };
        let named: Vec<String> = antecedents::name_words(mention.slice(doc.text()))
            .iter()
            .map(|w| w.to_lowercase())
            .filter(|w| nearby.clone().any(|(_, role)| role_words(role).contains(w)))
            .collect();
        let mut best: Option<(usize, String, &Entity)> = None;
        let mut tied = false;
        for (e, role) in nearby {
            let role_words = role_words(role);
            let role_head = role_words.last().map(String::as_str).unwrap_or("");
            let in_role = |m: &String| role_words.iter().any(|r| r == m || same_prefix(r, m));
            if !(role_head == head || same_prefix(role_head, head))
                || !named.is_empty() && !named.iter().any(in_role)
            {
                continue;
            }
            let score = mention_words[..mention_words.len() - 1]
                .iter()
                .filter(|m| in_role(m))
                .count();
            let person = self.person_name(doc, names, e);
            match &best {
                Some((b, p, _)) if score < *b || score == *b && *p == person => {}
                Some((b, _, _)) if score == *b => tied = true,
                _ => {
                    best = Some((score, person, e));
                    tied = false;
                }
            }
        }
        // Two people fit as well: the article does not say which, so no guess.
        match best {
            Some((_, _, e)) if !tied => Some(self.resolve_entity(doc, names, e, 0.75)),
            _ => None,
        }
    }

    /// An organisation's name with an "of" phrase joined to its head noun, within the mention
    /// ("the Russian Ministry of Foreign Affairs" with only "Foreign Affairs" tagged → "Russian
    /// Ministry of Foreign Affairs"; "Public Policy Institute" + "of California").
    fn org_name(&self, text: &str, mention: Span, org: Span) -> String {
        let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
        let mut start = org.start;
        if let Some(head) = text[mention.start..org.start].strip_suffix(" of ") {
            let run: Vec<&str> = head.split(' ').rev().take_while(capitalised).collect();
            if run
                .first()
                .is_some_and(|w| self.lexicon.is(WordClass::OrgHead, w))
            {
                start =
                    org.start - " of ".len() - run.iter().map(|w| w.len() + 1).sum::<usize>() + 1;
            }
        }
        let mut end = org.end;
        let head = words(org.slice(text)).last().copied().unwrap_or("");
        if let Some(rest) = text[org.end..mention.end].strip_prefix(" of ") {
            let run: usize = rest
                .split(' ')
                .take_while(capitalised)
                .map(|w| w.len() + 1)
                .sum();
            if run > 0 && self.lexicon.is(WordClass::OrgHead, head) {
                end = org.end + " of ".len() + run - 1;
            }
        }
        text[start..end].to_string()
    }

    /// A speaker mention holding no entity: a person's name the tagger missed
    /// ([`Self::untagged_name`]) or a name it tagged elsewhere ("Liberty said" after "civil
    /// rights group Liberty"): the same words name the same entity, unless they open with a
    /// first name ("Maria Hinojosa" tagged ORG elsewhere).
    fn untagged_mention(&self, doc: &Analysis, names: &Names, mention: Span) -> Option<Speaker> {
        let mention_text = mention.slice(doc.text());
        if let Some(s) = self.untagged_name(names, mention_text, mention.start) {
            return Some(s);
        }
        let ws = words(mention_text);
        if ws.len() >= 2 && self.first_names.contains_key(ws[0]) {
            return None;
        }
        let tagged = doc
            .entities
            .iter()
            .find(|e| e.span.slice(doc.text()) == mention_text && e.label != Label::Misc)?;
        Some(self.resolve_entity(doc, names, tagged, 0.8))
    }

    /// A person's name the tagger missed ("Wang said …" after "Wang Yi"): a mention of
    /// capitalised words only, under the full name the article gives it.
    fn untagged_name(&self, names: &Names, mention: &str, at: usize) -> Option<Speaker> {
        let ws = words(mention);
        let capitalised = |w: &&str| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !self.lexicon.is(WordClass::Article, w)
        };
        let bare = self.bare_words(&ws);
        if ws.is_empty() || !ws.iter().all(capitalised) || !self.name_like(bare) {
            return None;
        }
        let gender = self.honorific_gender(&ws[..ws.len() - bare.len()]);
        let name = names
            .full_name(bare, at, gender)
            .or_else(|| names.person_named_so(bare).then(|| bare.join(" ")))?;
        Some(Speaker {
            role: names.roles.get(&name).cloned(),
            name: Some(name),
            label: Some(Label::Per),
            certainty: 0.8,
        })
    }

    /// The first person the article names by a full name outside quotations (the subject of
    /// an interview, of a profile), as a speaker.
    fn first_person_named(&self, doc: &Analysis, names: &Names) -> Option<Speaker> {
        let text = doc.text();
        let e = doc.entities.iter().find(|e| {
            e.label == Label::Per && words(e.span.slice(text)).len() >= 2 && !names.in_quote(e.span)
        })?;
        Some(self.resolve_entity(doc, names, e, 0.7))
    }

    fn resolve(&self, doc: &Analysis, names: &Names, claims: &[Claim], mention: Span) -> Speaker {
        let text = doc.text();
        let mention_text = mention.slice(text);
        let lower = mention_text.to_lowercase();
        let mention_words = words(&lower);
        if matches!(mention_words.as_slice(), ["who"] | ["which"]) {
            return self.relative_antecedent(doc, names, mention);
        }
        if interview_answer(doc, mention) {
            if let Some(interviewee) = self.first_person_named(doc, names) {
                return interviewee;
            }
        }
        // "people who have battled online threats": the noun phrase before a relative clause
        // is the speaker, not a name inside the clause.
        // "Democrats supporting Mrs. Clinton", "activists hoping to block Trump": so is the
        // noun phrase before a participle phrase.
        let modifier = mention_text
            .find(" who ")
            .or_else(|| participle_modifier(&self.lexicon, mention_text));
        if let Some(k) = modifier.filter(|&k| k > 0) {
            let head = mention_text[..k].trim_end_matches(',').len();
            return self.resolve(
                doc,
                names,
                claims,
                Span::new(mention.start, mention.start + head),
            );
        }
        if let Some(possessor) = self.venue_possessor(mention_text, mention) {
            let speaker = self.resolve(doc, names, claims, possessor);
            if speaker.label.is_some() {
                return speaker;
            }
        }
        if let [quantifier, "of", "whom"] = mention_words.as_slice() {
            if *quantifier != "one" {
                if let Some(group) = self.listed_before(doc, names, mention) {
                    return group;
                }
            }
        }
        let anaphor = antecedents::anaphor(self, doc, mention);
        if let Some(pronoun @ (antecedents::Anaphor::Pronoun(_) | antecedents::Anaphor::Body(..))) =
            &anaphor
        {
            return self
                .speaker_just_described(doc, names, claims, mention, pronoun)
                .or_else(|| self.ranked(doc, names, claims, mention, pronoun))
                .or_else(|| self.described_speaker_before(doc, claims, mention, pronoun))
                .unwrap_or(Speaker {
                    certainty: 0.6,
                    ..Speaker::default()
                });
        }
        let inside: Vec<&Entity> = entities_in(doc, mention)
            .iter()
            .filter(|e| mention.contains(e.span))
            .collect();
        // The head noun: a role or group word after every entity means the speaker is the
        // nominal ("Italy’s foreign minister", "officials from China"), not the entity.
        let last_word = strip_possessive(mention_words.last().copied().unwrap_or(""));
        // Not a person's name ending the mention: "Justin King", "Mr King" name a person.
        let ends_in_person = inside
            .iter()
            .any(|e| e.label == Label::Per && e.span.end == mention.end);
        // Nor a role inside a post-modifier: "Sources close to the chancellor", "aides to the
        // minister" are not the chancellor or the minister.
        let post_modified = mention_words.len() > 2
            && mention_words[1..mention_words.len() - 1]
                .iter()
                .any(|w| self.lexicon.is(WordClass::Preposition, w));
        let head_is_role =
            self.lexicon.is(WordClass::Role, last_word) && !ends_in_person && !post_modified;
        if self.unnamed_description(doc, mention, &inside) {
            return description(&self.lexicon, mention_text, head_is_role);
        }
        let group_head = self.group_head(text, mention, &mention_words, &inside);
        let titled_person = self.titled_person(text, mention, &inside, group_head);
        let group_head = group_head.filter(|_| !titled_person);
        let definite = matches!(anaphor, Some(antecedents::Anaphor::Nominal { .. }));
        if definite {
            if let Some(s) = self.ranked(doc, names, claims, mention, anaphor.as_ref().unwrap()) {
                return s;
            }
        }
        if head_is_role {
            if let Some(s) = self.nominal(doc, names, mention) {
                return s;
            }
        }
        if let Some(named) = self.named_after_organisation_noun(mention, text, &inside) {
            return named;
        }
        if let Some(named) = self.noun_after_name(doc, names, mention, &inside) {
            return named;
        }
        let common_head = self.common_head(doc, mention, &mention_words, &inside);
        if group_head.is_none() && !head_is_role && !common_head {
            if let Some(named) = self.named_speaker(doc, names, mention, &inside, titled_person) {
                return named;
            }
        }
        if inside.is_empty() {
            if let Some(s) = self.untagged_mention(doc, names, mention) {
                return s;
            }
        }
        let description = description(&self.lexicon, mention_text, head_is_role);
        if head_is_role {
            if let Some(person) = self.apposed_person(doc, names, mention) {
                return Speaker {
                    role: description.role,
                    ..person
                };
            }
        }
        description
    }

    /// Rule: what someone wrote or said in (a `venue` of `grammar.tsv` owned by a possessor)
    /// is theirs: "Ms Fenn's statement said …" is Mary Fenn's, "His letter said …" is the
    /// man's. The possessor's span: a possessive pronoun, or the words before "'s", with at
    /// most two words between it and the venue ("Trump's latest tweet", "his remarks").
    fn venue_possessor(&self, mention_text: &str, mention: Span) -> Option<Span> {
        let ws = words(mention_text);
        let (head, before) = ws.split_last()?;
        if !head.starts_with(char::is_lowercase) || !self.lexicon.is(WordClass::Venue, head) {
            return None;
        }
        let owner = before.iter().rposition(|w| {
            strip_possessive(w).len() < w.len()
                || matches!(w.to_lowercase().as_str(), "his" | "her" | "its" | "their")
        })?;
        // The owner opens the mention, after at most a name or an article ("Ms Fenn's", "The
        // campaign's"; not "a Democrat familiar with his remarks").
        let opens = before[..owner]
            .iter()
            .all(|w| w.starts_with(char::is_uppercase));
        if !opens
            || before.len() - owner > 3
            || before[owner + 1..]
                .iter()
                .any(|w| !w.starts_with(char::is_lowercase))
        {
            return None;
        }
        let word = before[owner];
        let start = word.as_ptr() as usize - mention_text.as_ptr() as usize;
        // A name's possessive keeps the words before it ("Ms Fenn's"); a pronoun stands alone.
        let owned = strip_possessive(word);
        let (first, end) = if owned.len() < word.len() {
            (0, start + owned.len())
        } else {
            (start, start + word.len())
        };
        Some(Span::new(mention.start + first, mention.start + end))
    }

    /// The word that heads a mention as a group: a group noun, or a role noun followed by a
    /// modifier ("official familiar with the investigation"), before every entity inside it
    /// (`mention_words` lowercase).
    fn group_head(
        &self,
        text: &str,
        mention: Span,
        mention_words: &[&str],
        inside: &[&Entity],
    ) -> Option<usize> {
        let original_words = words(mention.slice(text));
        let post_modified = |k: usize| {
            original_words
                .get(k + 1)
                .is_some_and(|w| w.chars().all(char::is_lowercase))
        };
        mention_words
            .iter()
            .enumerate()
            .position(|(k, w)| {
                // A role word in a person's name is the name ("Mr. King and …").
                let name = original_words.get(k).is_some_and(|o| {
                    inside
                        .iter()
                        .any(|e| e.label == Label::Per && words(e.span.slice(text)).contains(o))
                });
                self.lexicon.is(WordClass::Group, w)
                    || self.lexicon.is(WordClass::Role, w) && post_modified(k) && !name
            })
            .filter(|&g| {
                post_modified(g) && self.lexicon.is(WordClass::Role, mention_words[g])
                    || inside
                        .iter()
                        .all(|e| words(&text[mention.start..e.span.start]).len() > g)
            })
    }

    /// Whether the mention ends in a person whom the words before the name give a title:
    /// "Former Secretary of State Mara Quill" (a capitalised title), "Chelsea boss Jose
    /// Mourinho" (a role word or person noun), "BCC director general David Frost" (a run of
    /// role words from the group head).
    fn titled_person(
        &self,
        text: &str,
        mention: Span,
        inside: &[&Entity],
        group_head: Option<usize>,
    ) -> bool {
        inside.last().is_some_and(|e| {
            let before = words(&text[mention.start..e.span.start]);
            let of_someone = self.title_of_someone_else(&before);
            let role_run =
                |g: usize| g < before.len() && before[g..].iter().all(|w| self.is_role_word(w));
            // Not the last of coordinated names ("Toomey and Sen. Kelly Ayotte").
            let coordinated = before.iter().any(|w| matches!(*w, "and" | "&"));
            e.label == Label::Per
                && e.span.end == mention.end
                && !of_someone
                && !coordinated
                && (before.last().is_some_and(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        || self.is_role_word(w)
                        || self.lexicon.is(WordClass::Person, w)
                }) || group_head.is_some_and(role_run))
        })
    }

    /// Whether a lowercase common noun heads a clean noun phrase ("Most Green voters",
    /// "voters in Oregon", "Members of the Labour Party", capitalised only as the sentence's
    /// first word): the speaker is then the phrase, not a place or group named inside it, nor
    /// a person named after a plural ("Supporters of Mr Pell", "lawyers for Quill"). A
    /// mention holding a clause or an adverb (a `clausal` word of `lexicon.tsv`, a word in
    /// "-ed" or "-ing") keeps the named entity as the better guess.
    fn common_head(
        &self,
        doc: &Analysis,
        mention: Span,
        mention_words: &[&str],
        inside: &[&Entity],
    ) -> bool {
        let text = doc.text();
        let plural = |head: &str| head.len() > 3 && head.ends_with('s');
        let ending = inside.last().filter(|e| e.span.end == mention.end);
        let head = match ending {
            Some(e) => {
                let before = words(&text[mention.start..e.span.start]);
                // Past an article only after a plural: "Members of the Labour Party", not
                // "the release of the F.B.I.".
                let (before, article) = match before.as_slice() {
                    [rest @ .., a] if self.lexicon.is(WordClass::Article, a) => (rest, true),
                    all => (all, false),
                };
                let person = e.label == Label::Per;
                match before {
                    [.., head, "of" | "in" | "from" | "at" | "for" | "across"]
                        if !(person || article) || plural(head) =>
                    {
                        Some(*head)
                    }
                    _ => None,
                }
            }
            None => words(mention.slice(text)).last().copied(),
        };
        // A plural's people may be counted out at length ("At least a dozen members of
        // Congress").
        let name_words = ending
            .filter(|_| head.is_some_and(plural))
            .map_or(0, |e| words(e.span.slice(text)).len());
        let first = doc.tokens.partition_point(|t| t.span.start < mention.start);
        let opens_sentence = ending.is_some()
            && first < doc.tokens.len()
            && doc.tokens[first].span.start == mention.start
            && doc.sentences[doc.sentence_of(first)].tokens.start == first;
        let lowercase = |h: &str| {
            h.chars().next().is_some_and(char::is_lowercase)
                || opens_sentence && h.as_ptr() == mention.slice(text).as_ptr()
        };
        !self.clause_like(mention_words)
            && mention_words.len() <= 6 + name_words
            && head.is_some_and(|h| {
                lowercase(h) && !self.lexicon.is(WordClass::Article, h) && !h.ends_with("ly")
            })
    }

    /// Whether a mention's words (lowercase) hold a `clausal` word of the lexicon or a
    /// participle: no clean noun phrase ("Protesters following Greenpeace"). A participle
    /// right after an article is an adjective ("a retired teacher").
    fn clause_like(&self, mention_words: &[&str]) -> bool {
        let adjective = |k: usize| {
            k > 0
                && mention_words[k - 1].starts_with(char::is_lowercase)
                && self.lexicon.is(WordClass::Article, mention_words[k - 1])
        };
        mention_words.iter().enumerate().any(|(k, w)| {
            self.lexicon.is(WordClass::Clausal, w)
                || w.ends_with("ed") && !adjective(k)
                || w.ends_with("ing")
        })
    }

    /// The named speaker of a mention that entities inside name: coordinated names as a
    /// group, else the titled person heading the phrase ("Chelsea manager Jose Mourinho",
    /// with "Chelsea" tagged PER), a person in apposition ending it ("another Twitter user,
    /// Johanna Bayer"), or the first person, the last organisation, the last place when it is
    /// what the phrase names (see [`place_heads`]; "the Kentucky Republican" is no place). A
    /// nationality, a party's members or an event (MISC: "Republicans", "the Saudis") names
    /// no one unless it is a person's name ("Cuban" for Mark Cuban) or an acronym: `None`, so
    /// the mention stays a description, which never merges across articles.
    fn named_speaker(
        &self,
        doc: &Analysis,
        names: &Names,
        mention: Span,
        inside: &[&Entity],
        titled_person: bool,
    ) -> Option<Speaker> {
        if let Some(group) = self.coordinated_names(doc, names, mention, inside) {
            return Some(group);
        }
        let text = doc.text();
        let titled = inside.last().filter(|e| {
            titled_person
                || e.label == Label::Per
                    && e.span.end == mention.end
                    && text[mention.start..e.span.start].trim_end().ends_with(',')
        });
        // A place ending the mention right after a role or title is a person the tagger took
        // for a place ("former Mexico leader Calderon", "Pres. Obama").
        let after_role = |e: &Entity| {
            e.span.end == mention.end
                && words(&text[mention.start..e.span.start])
                    .last()
                    .is_some_and(|w| self.is_title(w))
        };
        // In a phrase that is no clean noun phrase, the place stays the better guess.
        let lower = mention.slice(text).to_lowercase();
        let clause_like = self.clause_like(&words(&lower));
        let named = |e: &&&Entity| {
            e.label != Label::Loc
                || clause_like
                || place_heads(&self.lexicon, text, mention, e)
                || after_role(e)
        };
        let pick = titled
            .or_else(|| inside.iter().find(|e| e.label == Label::Per))
            .or_else(|| inside.iter().rev().find(|e| e.label == Label::Org))
            .or_else(|| {
                inside
                    .iter()
                    .rev()
                    .find(|e| e.label == Label::Loc)
                    .filter(named)
            })
            .or_else(|| inside.last().filter(named))?;
        let speaker = self.named_in_mention(doc, names, mention, pick);
        if let Some(body) = self.body_in_mention(doc, mention, pick, &speaker) {
            return Some(body);
        }
        (speaker.label != Some(Label::Misc)).then_some(speaker)
    }

    /// Rule: a person or organisation picked inside a mention and followed there by a body
    /// noun, past a possessive, names that body, as "the Clinton campaign" alone does ("A
    /// statement issued by the Clinton campaign" → the organisation "Hillary Clinton
    /// campaign", not the person).
    fn body_in_mention(
        &self,
        doc: &Analysis,
        mention: Span,
        pick: &Entity,
        speaker: &Speaker,
    ) -> Option<Speaker> {
        if !matches!(pick.label, Label::Per | Label::Org) {
            return None;
        }
        let (span, word) = self.following_body(doc, pick.span.end)?;
        mention
            .contains(span)
            .then(|| antecedents::body_of(speaker, word))
            .flatten()
    }

    /// Whether the words before a person's name end in a courtesy title or a position after
    /// a preposition that follows a common noun: the title is someone else's ("A spokesman for
    /// Mr. Clinton", "a spokesman for House Speaker Paul Ryan" are the spokesman, "the former
    /// aide to President George W. Bush" the aide; not "Secretary of State John Kerry").
    fn title_of_someone_else(&self, before: &[&str]) -> bool {
        let preposition = before
            .iter()
            .rposition(|w| self.lexicon.is(WordClass::Preposition, &w.to_lowercase()));
        preposition.is_some_and(|p| {
            let title = &before[p + 1..];
            p > 0
                && before[p - 1].starts_with(char::is_lowercase)
                && title.iter().all(|w| w.starts_with(char::is_uppercase))
                && title
                    .last()
                    .is_some_and(|w| self.is_word(WordClass::Honorific, w) || self.is_title(w))
        })
    }

    /// The organisation a speaker phrase names after a noun for a kind of organisation, when
    /// the tagger missed or split the name ("Oil giant BP", "Retailer Marks and Spencer" with
    /// "Spencer" tagged PER): capitalised words, with "and" or "&" between them, ending the
    /// phrase.
    fn named_after_organisation_noun(
        &self,
        mention: Span,
        text: &str,
        inside: &[&Entity],
    ) -> Option<Speaker> {
        let mention_text = mention.slice(text);
        let ws = words(mention_text);
        let noun = ws
            .iter()
            .rposition(|w| self.lexicon.is(WordClass::Organisation, w))?;
        let run = &ws[noun + 1..];
        let capitalised = |w: &&str| w.starts_with(char::is_uppercase);
        // The noun heads the phrase ("star of the reality TV" is a person).
        let headed = !ws[..noun]
            .iter()
            .any(|w| self.lexicon.is(WordClass::Preposition, w) || strip_possessive(w) != *w);
        if !headed
            || run.is_empty()
            || !run.first().is_some_and(capitalised)
            || !run.last().is_some_and(capitalised)
            || !run
                .iter()
                .all(|w| capitalised(w) || matches!(*w, "and" | "&"))
        {
            return None;
        }
        let name = &mention_text[mention_text.len() - run.join(" ").len()..];
        let start = mention.end - name.len();
        // A name the tagger got whole is resolved as tagged (acronyms, persons).
        let whole = inside
            .iter()
            .any(|e| e.span == Span::new(start, mention.end) && e.label != Label::Per);
        (!whole && name == run.join(" ")).then(|| Speaker {
            name: Some(name.to_string()),
            label: Some(Label::Org),
            role: None,
            certainty: 0.8,
        })
    }

    /// The person named in apposition right after a role mention, between commas ("Italian
    /// FM, Antonio Tajani, said"), perhaps behind titles the tagger leaves out of the name
    /// ("Its president, Sheikh Ahmad al-Sabah, said"): the mention is that person's role.
    fn apposed_person(&self, doc: &Analysis, names: &Names, mention: Span) -> Option<Speaker> {
        let text = doc.text();
        let comma = doc.tokens.partition_point(|t| t.span.start < mention.end);
        if comma >= doc.tokens.len() || doc.token_text(comma) != "," {
            return None;
        }
        let first = (comma + 1..doc.tokens.len())
            .find(|&t| !self.is_word(WordClass::Title, doc.token_text(t)))?;
        let name_start = doc.tokens[first].span.start;
        let k = doc.entities.partition_point(|e| e.span.start < name_start);
        let e = doc.entities.get(k).filter(|e| e.span.start == name_start)?;
        let after = doc.tokens.partition_point(|t| t.span.start < e.span.end);
        let closed = doc
            .tokens
            .get(after)
            .is_some_and(|t| t.span.slice(text) == ",");
        (closed && e.label == Label::Per && words(e.span.slice(text)).len() >= 2)
            .then(|| self.resolve_entity(doc, names, e, 0.9))
    }

    /// The mention's last name followed by the noun that ends it, not after a preposition
    /// ("others in the Obama administration", "star of the TLC reality show" name someone
    /// else): a body named after it, past a possessive and at most one modifier ("The Clinton
    /// campaign", "Sanders’ campaign", "John Kasich’s presidential campaign") is the
    /// organisation "Hillary Clinton campaign", as "her campaign" resolves; an organisation's
    /// kind noun right after it ("The Public and Commercial Services union", "the BLM group")
    /// leaves that organisation, as its acronym or name alone would resolve.
    fn noun_after_name(
        &self,
        doc: &Analysis,
        names: &Names,
        mention: Span,
        inside: &[&Entity],
    ) -> Option<Speaker> {
        let e = inside
            .last()
            .filter(|e| matches!(e.label, Label::Per | Label::Org))?;
        let text = doc.text();
        if words(&text[mention.start..e.span.start])
            .iter()
            .any(|w| self.lexicon.is(WordClass::Preposition, w))
        {
            return None;
        }
        let after = words(&text[e.span.end..mention.end]);
        let (word, before) = after.split_last()?;
        let lowercase = |w: &str| w.starts_with(char::is_lowercase);
        if !lowercase(word) {
            return None;
        }
        let modifiers = match before {
            [possessive, rest @ ..] if matches!(*possessive, "’s" | "'s" | "’" | "'") => rest,
            _ => before,
        };
        if self.lexicon.is(WordClass::Following, word)
            && modifiers.len() <= 1
            && modifiers.iter().all(|w| lowercase(w))
        {
            return antecedents::body_of(&self.resolve_entity(doc, names, e, 1.0), word);
        }
        (e.label == Label::Org && before.is_empty() && self.organisation_noun(word))
            .then(|| self.named_in_mention(doc, names, mention, e))
    }

    /// Several persons as one speaker: their fullest names joined by "and".
    fn group_of(
        &self,
        doc: &Analysis,
        names: &Names,
        persons: &[&Entity],
        certainty: f32,
    ) -> Speaker {
        let each: Vec<String> = persons
            .iter()
            .map(|e| self.person_name(doc, names, e))
            .collect();
        Speaker {
            name: Some(each.join(" and ")),
            label: Some(Label::Per),
            role: None,
            certainty,
        }
    }

    /// Persons named together in one mention ("Tom Burton and Nick Vance", "Burton, Vance
    /// and Pell"): all of them, joined by "and", as one speaker, with the plural role right
    /// before them.
    fn coordinated_names(
        &self,
        doc: &Analysis,
        names: &Names,
        mention: Span,
        inside: &[&Entity],
    ) -> Option<Speaker> {
        let text = doc.text();
        let persons: Vec<&Entity> = inside
            .iter()
            .copied()
            .filter(|e| e.label == Label::Per)
            .collect();
        // Titles of the next name may stand between ("Donald J. Trump and Senator Ted Cruz").
        let untitled = |between: &str| {
            let ws = words(between);
            let titles = ws
                .iter()
                .rev()
                .take_while(|w| self.is_title(w) || self.is_word(WordClass::Honorific, w))
                .count();
            ws[..ws.len() - titles].join(" ")
        };
        let joined = persons.len() >= 2
            && persons.windows(2).enumerate().all(|(k, pair)| {
                let between = untitled(text[pair[0].span.end..pair[1].span.start].trim());
                let last = k + 2 == persons.len();
                between == "," && !last || matches!(between.as_str(), "and" | ", and") && last
            });
        if !joined {
            return None;
        }
        let mut group = self.group_of(doc, names, &persons, 0.9);
        // Their role, a plural role word right before them ("Labour MPs Frank Dobson and Kate
        // Hoey"; not "candidates like Trump and Sanders").
        let plural_role = |w: &str| {
            w.strip_suffix('s')
                .is_some_and(|one| self.is_role_word(one))
        };
        let first = persons[0].span.start;
        if words(&text[mention.start..first])
            .last()
            .is_some_and(|w| plural_role(w))
        {
            group.role = self.role_in_mention(text, mention, first, plural_role);
        }
        Some(group)
    }

    /// The persons listed right before a mention and its comma ("Robert Menendez and Joe
    /// Manchin, both of whom said …"), as a group; `None` unless two or more persons are
    /// joined by commas and a final "and". Titles and roles before a name ("and scholar Dick
    /// Howard"), a parenthesis after it ("Robert Menendez (D-N.J.)") and a place or
    /// organisation after "at", "of" or "from" ("Dick Howard at the University of Virginia")
    /// belong to the name.
    fn listed_before(&self, doc: &Analysis, names: &Names, mention: Span) -> Option<Speaker> {
        let text = doc.text();
        let mut end = text[..mention.start].trim_end().strip_suffix(',')?.len();
        let mut persons: Vec<&Entity> = Vec::new();
        let before = doc.entities.partition_point(|e| e.span.end <= end);
        for e in doc.entities[..before].iter().rev() {
            if text[..e.span.start].trim_end().ends_with('(') {
                continue;
            }
            let between = self.list_separator(&text[e.span.end..end]);
            let joined = match persons.len() {
                0 => between.is_empty(),
                1 => matches!(between, "and" | ", and"),
                _ => between == ",",
            };
            if !joined {
                break;
            }
            if e.label == Label::Per {
                persons.push(e);
                end = e.span.start;
                continue;
            }
            let head = text[..e.span.start].trim_end();
            let head = head.strip_suffix(" the").unwrap_or(head);
            let owner = [" at", " of", " from"]
                .iter()
                .find_map(|p| head.strip_suffix(p))
                .filter(|_| persons.is_empty())?;
            end = owner.trim_end().len();
        }
        persons.reverse();
        (persons.len() >= 2).then(|| self.group_of(doc, names, &persons, 0.85))
    }

    /// The separator between two names of a list, without a parenthesis after the first
    /// name and titles or roles before the second: "(D-N.J.), and Sen." → ", and".
    fn list_separator<'t>(&self, between: &'t str) -> &'t str {
        let mut between = between.trim();
        if let Some((_, after)) = between.strip_prefix('(').and_then(|r| r.split_once(')')) {
            between = after.trim();
        }
        while let Some((rest, last)) = between.rsplit_once(' ') {
            let titled = self.is_role_word(last)
                || self.is_word(WordClass::Title, last)
                || self.is_word(WordClass::Honorific, last)
                || self.lexicon.is(WordClass::Person, last);
            if !titled {
                break;
            }
            between = rest.trim_end();
        }
        between
    }

    /// The persons a common noun names right before byte `end`, for "who" after it
    /// ("criticised by environmental campaigners, who said …" → "environmental campaigners",
    /// "a spokesman, who said" → "spokesman"): the noun with its lowercase modifiers up to a
    /// preposition or determiner, when it is lowercase and plural, a group noun, or a role or
    /// person noun; else no speaker.
    fn described_group_before(&self, text: &str, end: usize) -> Speaker {
        if let Some(share) = share_before(&text[..end]) {
            return description(&self.lexicon, share, false);
        }
        let before = words(&text[..end]);
        let Some(&head) = before.last() else {
            return Speaker::default();
        };
        let persons = head.len() > 3 && head.ends_with('s')
            || [WordClass::Group, WordClass::Role, WordClass::Person]
                .iter()
                .any(|&c| self.lexicon.is(c, head));
        let verb_like = ["ed", "ing", "ly"].iter().any(|end| head.ends_with(end));
        if !persons || verb_like || !head.chars().all(|c| c.is_lowercase()) {
            return Speaker::default();
        }
        let modifiers = before[..before.len() - 1]
            .iter()
            .rev()
            .take(3)
            .take_while(|w| {
                // Adjectives and nouns, not a verb, adverb or pronoun before the phrase
                // ("passionately rebuked critics", "will their editors").
                w.chars().all(|c| c.is_lowercase() || c == '-')
                    && !self.lexicon.is(WordClass::Preposition, w)
                    && !self.lexicon.is(WordClass::Clausal, w)
                    && !self.lexicon.is(WordClass::Article, w)
                    && !self.lexicon.is(WordClass::RolePossessive, w)
                    && !["ed", "ing", "ly"].iter().any(|end| w.ends_with(end))
                    && !matches!(
                        **w,
                        "and" | "or" | "but" | "as" | "are" | "were" | "will" | "them"
                    )
            })
            .count();
        description(
            &self.lexicon,
            &before[before.len() - 1 - modifiers..].join(" "),
            false,
        )
    }

    /// A relative pronoun ("Cruz, who says …") stands for the name right before it.
    fn relative_antecedent(&self, doc: &Analysis, names: &Names, mention: Span) -> Speaker {
        let text = doc.text();
        // After a comma or a dash: "Cruz, who", "Cruz — who", "Cruz - who".
        let before = text[..mention.start]
            .trim_end()
            .trim_end_matches([',', '—', '–', '-'])
            .trim_end()
            .len();
        let k = doc.entities.partition_point(|e| e.span.end <= before);
        let Some(k) = k
            .checked_sub(1)
            .filter(|&k| before - doc.entities[k].span.end <= 2)
        else {
            return self.described_group_before(text, before);
        };
        let mut antecedent = &doc.entities[k];
        // A place or organisation in an "of"/"from" phrase after a person's name modifies the
        // name: "Sen. Bernie Sanders of Vermont, who" is Sanders.
        let head_end = text[..antecedent.span.start].trim_end();
        let modifies = head_end
            .strip_suffix(" of")
            .or_else(|| head_end.strip_suffix(" from"))
            .filter(|_| antecedent.label != Label::Per);
        if let Some(head) = modifies {
            let head = head.trim_end().len();
            if let Some(person) = k
                .checked_sub(1)
                .map(|j| &doc.entities[j])
                .filter(|e| e.span.end == head && e.label == Label::Per)
            {
                antecedent = person;
            }
        }
        // A nationality or party ("Republicans, who") is a group, not a named speaker.
        if antecedent.label == Label::Misc {
            return Speaker::default();
        }
        self.resolve_entity(doc, names, antecedent, 0.9)
    }

    /// The speaker a mention names by entity `e` inside it: an organisation with its "of"
    /// phrase, a person with the role words before the name ("BCC director general David
    /// Frost" → role "BCC director general").
    fn named_in_mention(
        &self,
        doc: &Analysis,
        names: &Names,
        mention: Span,
        e: &Entity,
    ) -> Speaker {
        let text = doc.text();
        let mut speaker = self.resolve_entity(doc, names, e, 1.0);
        if speaker.label == Some(Label::Org) && !names.acronyms.contains_key(e.span.slice(text)) {
            speaker.name = Some(self.org_name(text, mention, e.span));
        }
        if speaker.label == Some(Label::Per) {
            let role = self.role_in_mention(text, mention, e.span.start, |w| self.is_role_word(w));
            if role.is_some() {
                speaker.role = role;
            }
        }
        speaker
    }

    /// The role words of a mention before the name starting at byte `name`, when one of them
    /// is a role word by `is_role`, without determiners before them and courtesy titles after
    /// them ("the chief executive Sir" → "chief executive").
    fn role_in_mention(
        &self,
        text: &str,
        mention: Span,
        name: usize,
        is_role: impl Fn(&str) -> bool,
    ) -> Option<String> {
        let role = Span::new(mention.start, name).trim_matches(text, &[',']);
        let role_text = role.slice(text);
        if !words(role_text).iter().any(|w| is_role(w)) {
            return None;
        }
        let mut role_words: Vec<&str> = words(role_text)
            .into_iter()
            .skip_while(|w| opens_phrase(&self.lexicon, w))
            .collect();
        while role_words
            .last()
            .is_some_and(|w| self.courtesy_or_determiner(w))
        {
            role_words.pop();
        }
        let trimmed = role_words.join(" ");
        Some(if trimmed.is_empty() {
            role_text.to_string()
        } else {
            trimmed
        })
    }
}

/// Whether `mention` is the "A" that labels an answer in an interview transcript: it opens a
/// line, a colon follows, and a line of the article opens with "Q:" (`Q: Why now?` ¶ `A:
/// Because …`).
fn interview_answer(doc: &Analysis, mention: Span) -> bool {
    let text = doc.text();
    let line_start = text[..mention.start].trim_end_matches([' ', '\t']);
    let opens_line = line_start.is_empty() || line_start.ends_with('\n');
    let labelled = mention.slice(text) == "A" && text[mention.end..].starts_with(':');
    let questions = text.starts_with("Q:") || text.contains("\nQ:");
    opens_line && labelled && questions
}

/// Where each line holding text starts, after the text's first line.
fn paragraph_starts(text: &str) -> Vec<usize> {
    let mut at = 0;
    let mut starts = Vec::new();
    for line in text.split_inclusive('\n') {
        if at > 0 && !line.trim().is_empty() {
            starts.push(at);
        }
        at += line.len();
    }
    starts
}

/// The letters an organisation's name abbreviates to: the initials of its words, hyphenated
/// parts counted apart and "of", "and", "the", "for" skipped ("Federal Bureau of
/// Investigation" → "FBI", "Anti-Defamation League" → "ADL").
fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| !matches!(*w, "" | "of" | "and" | "the" | "The" | "for" | "&"))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether a word is an acronym: two to six capital letters ("FBI", "RNC").
fn is_acronym(w: &str) -> bool {
    (2..=6).contains(&w.chars().count()) && w.chars().all(|c| c.is_ascii_uppercase())
}

/// Each acronym named in the article that the initials of exactly one organisation of two or
/// more words spell, with that organisation's name ("the Republican National Committee" and
/// "the RNC" → "RNC" → "Republican National Committee"). The tagger often calls the long
/// name MISC ("Democratic National Committee", "Black Lives Matter"), so MISC names count.
fn organisation_acronyms(doc: &Analysis) -> HashMap<String, String> {
    let text = doc.text();
    let mut spelled: HashMap<String, Vec<&str>> = HashMap::new();
    let long_forms = doc
        .entities
        .iter()
        .filter(|e| matches!(e.label, Label::Org | Label::Misc));
    for e in long_forms {
        let name = e.span.slice(text);
        let name = name
            .strip_prefix("the ")
            .or_else(|| name.strip_prefix("The "))
            .unwrap_or(name);
        if name.contains(' ') && !is_acronym(name) {
            let names = spelled.entry(initials(name)).or_default();
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    doc.entities
        .iter()
        .map(|e| e.span.slice(text))
        .filter(|w| is_acronym(w))
        .filter_map(|w| match spelled.get(w)?.as_slice() {
            [one] => Some((w.to_string(), one.to_string())),
            _ => None,
        })
        .collect()
}

/// A nominal source without a resolvable name: the phrase itself, minus determiners, as a
/// description (no entity type, so it never merges with another article's "minister").
fn description(lexicon: &Lexicon, mention_text: &str, head_is_role: bool) -> Speaker {
    let name = mention_text
        .split_whitespace()
        .skip_while(|w| lexicon.is(WordClass::Article, w))
        .collect::<Vec<_>>()
        .join(" ");
    Speaker {
        name: (!name.is_empty()).then_some(name),
        label: None,
        // Without its article or possessive: "A Downing Street spokeswoman" has the role
        // "Downing Street spokeswoman", as a name's role does.
        role: head_is_role.then(|| {
            words(mention_text)
                .into_iter()
                .skip_while(|w| opens_phrase(lexicon, w))
                .collect::<Vec<_>>()
                .join(" ")
        }),
        certainty: 0.7,
    }
}

/// The unnamed speaker of `claim`, as a pronoun after it stands for it.
fn described_speaker(claim: &Claim) -> Speaker {
    Speaker {
        name: claim.speaker.clone(),
        label: None,
        role: claim.speaker_role.clone(),
        certainty: 0.6,
    }
}

/// Sentences back a pronoun may reach for the unnamed speaker of the claim before it.
const DESCRIBED_SPEAKER_SENTENCES: usize = 2;
/// Longest description a pronoun takes, in words: its last word is then its head ("police
/// spokesman", "the victim's mother"; not "person close to the secretive process").
const MAX_DESCRIPTION_WORDS: usize = 4;

impl RuleAttributor {
    /// The unnamed speaker of the claim right before a pronoun that no named referent takes
    /// ("A police spokesman said … “…,” he said." → "police spokesman"), by
    /// [`RuleAttributor::described_before`].
    fn described_speaker_before(
        &self,
        doc: &Analysis,
        claims: &[Claim],
        mention: Span,
        pronoun: &antecedents::Anaphor,
    ) -> Option<Speaker> {
        self.described_before(doc, claims, mention, pronoun)
            .map(described_speaker)
    }

    /// Rule (salience): a pronoun right after an unnamed person's claim, with no person or
    /// organisation named in between outside quotations, is that person ("Economist Roger
    /// Bootle said … A Treasury spokesman said … “…,” he added." → "Treasury spokesman", not
    /// Bootle; "Union leaders said … They warned …"). The description's head must name
    /// persons: a role or person noun ("spokesman"), or a group noun for "they" ("leaders"),
    /// not "The book accuses Bob … He said".
    fn speaker_just_described(
        &self,
        doc: &Analysis,
        names: &Names,
        claims: &[Claim],
        mention: Span,
        pronoun: &antecedents::Anaphor,
    ) -> Option<Speaker> {
        let previous = self.described_before(doc, claims, mention, pronoun)?;
        let name = previous.speaker.as_deref()?.to_lowercase();
        let head = words(&name).last().copied()?;
        let singular = |w: &str| w.strip_suffix('s').unwrap_or(w).to_string();
        let person = |w: &str| self.is_role_word(w) || self.lexicon.is(WordClass::Person, w);
        let names_persons =
            person(head) || self.lexicon.is(WordClass::Group, head) || person(&singular(head));
        let previous_mention = previous.speaker_mention?;
        // Only a description that names no one: indefinite ("A Treasury spokesman"), with a
        // possessor ("The prime minister's official spokesman") or a bare plural ("Union
        // leaders"). "the “Avatar” star" stands for someone named before, whom the ranker
        // missed, and a bare singular ("star posted") is a cut mention.
        let mention_words = words(previous_mention.slice(doc.text()));
        let opener = mention_words.first().map(|w| w.to_lowercase());
        let indefinite = opener.is_some_and(|w| self.lexicon.is(WordClass::IndefiniteOpener, &w));
        let possessed = mention_words
            .iter()
            .any(|w| strip_possessive(w).len() < w.len());
        let bare_plural = head.ends_with('s')
            && !mention_words
                .first()
                .is_some_and(|w| w.eq_ignore_ascii_case("the"));
        let names_no_one = indefinite || possessed || bare_plural;
        let from = previous_mention.end;
        let named_between = doc.entities.iter().any(|e| {
            e.span.start >= from
                && e.span.end <= mention.start
                && matches!(e.label, Label::Per | Label::Org)
                && !names.in_quote(e.span)
        });
        (names_persons && names_no_one && !named_between).then(|| described_speaker(previous))
    }

    /// The claim attributed right before `mention`, when its speaker is a
    /// description the pronoun can stand for: a claim with a speech cue within
    /// [`DESCRIBED_SPEAKER_SENTENCES`], "he" or "she" for a singular description whose gender
    /// words (`masculine`, `feminine` in `lexicon.tsv`) do not contradict it, "they" for a
    /// plural one.
    fn described_before<'c>(
        &self,
        doc: &Analysis,
        claims: &'c [Claim],
        mention: Span,
        pronoun: &antecedents::Anaphor,
    ) -> Option<&'c Claim> {
        let antecedents::Anaphor::Pronoun(form) = pronoun else {
            return None;
        };
        let previous = claims.last()?;
        let name = previous.speaker.as_deref()?;
        let sentence = doc.sentences_in(mention).start;
        let near = sentence.saturating_sub(previous.sentence) <= DESCRIBED_SPEAKER_SENTENCES;
        // A short description a speech verb reported (not "Polls show", not a headline).
        let spoken = previous
            .cue
            .as_ref()
            .is_some_and(|c| c.class == CueClass::Speech)
            && !doc.is_title_case(previous.sentence);
        let words = words(name);
        let described = previous.speaker_type.is_none()
            && words.len() <= MAX_DESCRIPTION_WORDS
            && previous
                .speaker_mention
                .is_some_and(|m| !antecedents::is_pronoun(&m.slice(doc.text()).to_lowercase()));
        if !near || !spoken || !described {
            return None;
        }
        let head = words.last()?;
        let gendered = |class: WordClass| words.iter().any(|w| self.lexicon.is(class, w));
        let agrees = match *form {
            "he" => !head.ends_with('s') && !gendered(WordClass::Feminine),
            "she" => !head.ends_with('s') && !gendered(WordClass::Masculine),
            "they" => head.ends_with('s'),
            _ => false,
        };
        agrees.then_some(previous)
    }
}

/// Longest role another role of the same speaker is widened to, in words.
const MAX_WIDENED_ROLE_WORDS: usize = 7;

impl RuleAttributor {
    /// Rule: one role per speaker in an article. A claim's role that ends another, longer role
    /// the article gives the same speaker takes that role ("manager" → "Trump campaign
    /// manager", "prosecutor" → "former federal prosecutor"), the longest when several do. A
    /// role that holds "and", a pronoun or a preposition other than "of" is a subject phrase
    /// read too far ("He and House Judiciary Committee Chairman") and widens nothing.
    fn harmonise_roles(&self, claims: &mut [Claim]) {
        let clean = |role: &str| {
            let words = words(role);
            words.len() <= MAX_WIDENED_ROLE_WORDS
                && words.iter().all(|w| {
                    let w = w.to_lowercase();
                    w == "of"
                        || !(w == "and"
                            || self.lexicon.is(WordClass::Preposition, &w)
                            || antecedents::is_pronoun(&w))
                })
        };
        let mut widest: HashMap<&str, Vec<&str>> = HashMap::new();
        for c in claims.iter() {
            if let (Some(name), Some(role)) = (&c.speaker, &c.speaker_role) {
                if clean(role) {
                    widest.entry(name).or_default().push(role);
                }
            }
        }
        let widened: Vec<Option<String>> = claims
            .iter()
            .map(|c| {
                let role = c.speaker_role.as_deref()?;
                let roles = widest.get(c.speaker.as_deref()?)?;
                roles
                    .iter()
                    .filter(|r| ends_with_words(r, role))
                    .max_by_key(|r| (r.len(), **r))
                    .map(|r| r.to_string())
            })
            .collect();
        for (c, role) in claims.iter_mut().zip(widened) {
            if role.is_some() {
                c.speaker_role = role;
            }
        }
    }
}

/// Whether `long` ends with the words of `short`, case aside ("Trump campaign manager",
/// "manager"; not "Trump campaign manager", "anager").
fn ends_with_words(long: &str, short: &str) -> bool {
    let (long, short) = (words(long), words(short));
    long.len() > short.len()
        && long[long.len() - short.len()..]
            .iter()
            .zip(&short)
            .all(|(a, b)| a.eq_ignore_ascii_case(b))
}

impl Attributor for RuleAttributor {
    fn attribute(&self, doc: &Analysis, candidates: Vec<Candidate>) -> Vec<Claim> {
        let mut names = Names::build(self, doc);
        self.mark_genders(doc, &mut names);
        let names = &names;
        let mut claims: Vec<Claim> = Vec::with_capacity(candidates.len());
        for c in candidates {
            let hedge = c.writer;
            let found = c
                .speaker
                .map(|m| {
                    let m = self.past_adverbial(doc, &c, m);
                    self.subject_past_modifier(doc, &c, m).unwrap_or(m)
                })
                .or_else(|| (!hedge).then(|| self.parsed_subject(doc, &c)).flatten());
            let (speaker, mention) = match found {
                Some(m) => {
                    let m = self.completed_mention(doc, pronoun_subject(doc.text(), m));
                    (self.resolve(doc, names, &claims, m), Some(m))
                }
                None => {
                    // An unattributed quotation continues the previous speaker's turn.
                    let content = c.content();
                    let near = claims.iter().rev().find(|p| {
                        !hedge
                            && p.speaker.is_some()
                            && p.content().end <= content.start
                            && c.sentence.saturating_sub(p.sentence) <= 2
                    });
                    match near {
                        Some(p) => (
                            Speaker {
                                name: p.speaker.clone(),
                                label: p.speaker_type,
                                role: p.speaker_role.clone(),
                                certainty: 0.6,
                            },
                            None,
                        ),
                        None => (Speaker::default(), None),
                    }
                }
            };
            let certainty = if speaker.name.is_some() {
                speaker.certainty
            } else {
                0.4
            };
            let confidence = (c.evidence * certainty).clamp(0.0, 1.0);
            let speaker_role = speaker.role.or_else(|| {
                let name = speaker.name.as_ref()?;
                let person = speaker.label == Some(Label::Per);
                person.then(|| names.appositive_roles.get(name).cloned())?
            });
            claims.push(Claim {
                kind: c.kind,
                fragments: c.fragments,
                cue: c.cue,
                speaker_mention: mention,
                speaker: speaker.name,
                speaker_type: speaker.label,
                speaker_role,
                sentence: c.sentence,
                confidence: (confidence * 1000.0).round() / 1000.0,
            });
        }
        self.harmonise_roles(&mut claims);
        claims
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, Pipeline};

    #[test]
    fn roles_widen_to_a_clean_longer_role_of_the_same_speaker() {
        let claim = |speaker: &str, role: &str| Claim {
            kind: Kind::Indirect,
            fragments: Vec::new(),
            cue: None,
            speaker_mention: None,
            speaker: Some(speaker.to_string()),
            speaker_type: Some(Label::Per),
            speaker_role: Some(role.to_string()),
            sentence: 0,
            confidence: 1.0,
        };
        let mut claims = vec![
            claim("Robby Mook", "manager"),
            claim("Robby Mook", "campaign manager"),
            claim("Robby Mook", "Clinton campaign manager"),
            claim("Jeff Weaver", "manager"),
            claim("Bob Goodlatte", "Chairman"),
            claim("Bob Goodlatte", "He and House Judiciary Committee Chairman"),
        ];
        RuleAttributor::default().harmonise_roles(&mut claims);
        let roles: Vec<&str> = claims
            .iter()
            .map(|c| c.speaker_role.as_deref().unwrap_or(""))
            .collect();
        assert_eq!(
            roles,
            [
                "Clinton campaign manager",
                "Clinton campaign manager",
                "Clinton campaign manager",
                "manager",
                "Chairman",
                "He and House Judiciary Committee Chairman",
            ]
        );
        assert!(ends_with_words("Trump campaign manager", "Manager"));
        assert!(!ends_with_words("Trump campaign manager", "anager"));
        assert!(!ends_with_words("manager", "manager"));
    }

    #[test]
    fn a_head_noun_ends_before_a_preposition() {
        let a = RuleAttributor::default();
        let head = |phrase: &'static str| a.head_noun(phrase);
        assert_eq!(head("A spokeswoman for the group"), Some("spokeswoman"));
        assert_eq!(head("the prime minister's spokesman"), Some("spokesman"));
        assert_eq!(head("The union's"), Some("union"));
        assert_eq!(head("the owner of a shopping center"), Some("owner"));
        assert_eq!(head(""), None);
    }

    #[test]
    fn a_non_person_tagged_per_or_misc_with_an_organisation_head_is_an_organisation() {
        let a = RuleAttributor::default();
        assert_eq!(a.non_person_label("Tesco", Label::Per), Label::Org);
        assert_eq!(a.non_person_label("Times", Label::Misc), Label::Org);
        assert_eq!(
            a.non_person_label("Republican National Committee", Label::Misc),
            Label::Org
        );
        assert_eq!(a.non_person_label("Republicans", Label::Misc), Label::Misc);
        assert_eq!(a.non_person_label("Russia", Label::Loc), Label::Loc);
        assert_eq!(a.non_person_label("African Union", Label::Loc), Label::Org);
    }

    #[test]
    fn paragraphs_start_at_lines_with_text() {
        assert_eq!(paragraph_starts("One.\n\nTwo.\n \nThree"), [6, 13]);
        assert!(paragraph_starts("One line.").is_empty());
    }

    #[test]
    fn initials_skip_function_words_and_split_hyphens() {
        assert_eq!(initials("Federal Bureau of Investigation"), "FBI");
        assert_eq!(initials("Anti-Defamation League"), "ADL");
        assert_eq!(initials("Confederation of British Industry"), "CBI");
        assert!(is_acronym("RNC") && !is_acronym("Rnc") && !is_acronym("A"));
    }

    #[test]
    fn a_pronoun_subject_is_the_pronoun_alone() {
        let cases = [
            ("He soon learned", "He soon", "He"),
            (
                "then he expanded upon his calls for",
                "he expanded upon his calls for",
                "he",
            ),
            (
                "He and his aides said",
                "He and his aides",
                "He and his aides",
            ),
            ("they themselves said", "they themselves", "they themselves"),
            ("Hello, she said", "she", "she"),
            (
                "The Hebrew press said",
                "The Hebrew press",
                "The Hebrew press",
            ),
        ];
        for (text, mention, subject) in cases {
            let start = text.find(mention).unwrap();
            let span = Span::new(start, start + mention.len());
            assert_eq!(pronoun_subject(text, span).slice(text), subject, "{text}");
        }
    }

    #[test]
    fn same_prefix_compares_characters() {
        assert!(same_prefix("minister", "ministry"));
        assert!(!same_prefix("min", "min"));
        assert!(!same_prefix("perú", "peruvian"));
        assert!(same_prefix("perú", "perú’s"));
        assert!(!same_prefix("ru\u{FFFD}sian", "russian"));
    }

    #[test]
    fn name_shapes() {
        let a = RuleAttributor::default();
        assert!(a.name_like(&["Bill", "de", "Blasio"]));
        assert!(!a.name_like(&["Census", "Bureau", "says", "Millennials"]));
        assert!(!a.name_like(&["Ravi", "Okoro", "Says", "Bridge", "Will"]));
        assert!(!a.name_like(&["State", "Department"]));
        assert_eq!(a.title_words(&["Sen.", "Ted", "Cruz"]), 1);
        assert_eq!(a.title_words(&["Prime", "Minister", "Tony", "Blair"]), 2);
        assert_eq!(a.title_words(&["Mr", "Blair"]), 1);
        assert_eq!(a.title_words(&["President"]), 0);
        assert_eq!(a.title_words(&["Comedian", "Bono"]), 1);
        assert_eq!(a.title_words(&["Comedian"]), 0);
        assert_eq!(
            a.bare_words(&["Det", "Ch", "Insp", "Mark", "Roberts"]),
            ["Mark", "Roberts"]
        );
        assert_eq!(
            a.bare_words(&["Richard", "Ferguson", "QC"]),
            ["Richard", "Ferguson"]
        );
        assert_eq!(a.bare_words(&["Tony", "Lloyd", "MP"]), ["Tony", "Lloyd"]);
        assert_eq!(a.bare_words(&["Mr", "MP"]), ["MP"]);
        assert!(contains_words(&["Wang", "Yi"], &["Wang"]));
        assert!(!contains_words(&["Wang", "Yi"], &["Yi", "Wang"]));
        assert!(contains_words(&["Paul", "D.", "Ryan"], &["Paul", "Ryan"]));
    }

    #[test]
    fn a_first_name_news_gives_a_gender_opens_a_persons_name() {
        let a = RuleAttributor::default();
        assert!(a.first_name_first(&["Donald", "Trump"]));
        assert!(a.first_name_first(&["George", "W.", "Bush"]));
        // "Rose" is a census name only; one word is no full name; an organisation head.
        assert!(!a.first_name_first(&["Rose", "Bowl"]));
        assert!(!a.first_name_first(&["Donald"]));
        assert!(!a.first_name_first(&["Donald", "Trump", "Council"]));
    }

    /// Found by `cargo fuzz run pipeline`: a role nominal whose word has a multi-byte character
    /// across byte 4 ("Perú") panicked when compared with a nearby person's role.
    #[test]
    fn role_nominal_with_multibyte_word() {
        let text = "Peruvian Foreign Minister Elmer Schialer met Wang Yi.\n\n\
                    “We agreed,” the Perú minister said.\n";
        let out = Pipeline::default().process(&Article::new("peru", text));
        assert_eq!(out.claims.len(), 1);
        assert_eq!(out.claims[0].quote.text, "We agreed");
    }

    #[test]
    fn an_honorific_picks_the_namesake_of_its_gender() {
        let text = "Hillary Clinton and Bill Clinton toured the plant.\n\n\
                    The tour lasted an hour. Workers cheered.\n\n\
                    Mrs. Clinton said the plant would grow.\n\n\
                    The weather was fine. Buses left at noon.\n\n\
                    Mr. Clinton said the food was good.\n";
        let out = Pipeline::default().process(&Article::new("namesakes", text));
        let speakers: Vec<_> = out.claims.iter().map(|c| c.speaker.as_deref()).collect();
        assert_eq!(speakers, [Some("Hillary Clinton"), Some("Bill Clinton")]);
    }

    #[test]
    fn the_main_clause_starts_after_an_opening_phrase() {
        let a = RuleAttributor::default();
        for (text, clause) in [
            (
                "According to TASS, Lavrov and Wang met.",
                "Lavrov and Wang met.",
            ),
            ("When he spoke, Pell left.", "Pell left."),
            ("Pell, the mayor, left.", "Pell, the mayor, left."),
            ("In 2019 Pell left.", "In 2019 Pell left."),
        ] {
            let article = Article::new("t", text);
            let doc = Pipeline::default().analyze(&article);
            let start = a.clause_start(&doc, 0);
            assert_eq!(
                Span::new(start, doc.sentences[0].span.end).slice(text),
                clause
            );
        }
    }

    #[test]
    fn a_plural_pronoun_after_an_opening_source_is_the_pair_it_introduces() {
        let text = "Lavrov met Wang Yi in Beijing.\n\nAccording to the news agency TASS, Lavrov \
                    and Wang met for talks. They both said “ties are strong.”\n";
        let out = Pipeline::default().process(&Article::new("pair", text));
        let said = out
            .claims
            .iter()
            .find(|c| c.cue.as_ref().unwrap().text == "said");
        let speaker = said.and_then(|c| c.speaker.as_deref());
        assert!(
            speaker.is_some_and(|s| s.starts_with("Lavrov and Wang")),
            "{speaker:?}"
        );
    }
}
