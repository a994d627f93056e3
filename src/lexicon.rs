//! Word lists shared by the quote detector and the attributor, loaded from `models/lexicon.tsv`.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

/// The lexicon embedded in the binary.
pub const DEFAULT_LEXICON: &str = include_str!("../models/lexicon.tsv");

/// The nouns for kinds of persons, derived from corpora by `scripts/person_nouns.py`.
pub const DEFAULT_PERSON_NOUNS: &str = include_str!("../models/person_nouns.tsv");

/// The nouns for kinds of organisations, derived from corpora by `scripts/org_nouns.py`.
pub const DEFAULT_ORG_NOUNS: &str = include_str!("../models/org_nouns.tsv");

/// Irregular past tenses and participles, derived from UD English EWT by
/// `scripts/past_forms.py`.
pub const DEFAULT_PAST_FORMS: &str = include_str!("../models/past_forms.tsv");

/// The adjectives inside roles, derived from corpora by `scripts/role_modifiers.py`.
pub const DEFAULT_ROLE_MODIFIERS: &str = include_str!("../models/role_modifiers.tsv");

/// A word class of the lexicon.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WordClass {
    /// Names a position ("minister").
    Role,
    /// May modify a role ("foreign").
    RoleModifier,
    /// Makes a capitalised name an organisation ("Ministry").
    OrgHead,
    /// A plural noun for a group that can be a source ("officials").
    Group,
    /// A number word that can head a plural noun phrase ("the two said").
    Cardinal,
    /// A preposition: a name right after one is no subject ("a call from Trump").
    Preposition,
    /// A courtesy title before a name, dropped from canonical names ("Mr", "Dr").
    Honorific,
    /// A position title before a name, moved into the role ("Sen.", "President").
    Title,
    /// A lowercase word inside a person's name ("de" in "Bill de Blasio").
    Particle,
    /// A generational suffix ending a person's name ("Jr.", "III").
    Suffix,
    /// Letters after a person's name for an office or honour, dropped from the canonical name
    /// ("QC", "MP").
    Postnominal,
    /// A word before a name that says the person is a man ("Mr", "spokesman").
    Masculine,
    /// A word before a name that says the person is a woman ("Mrs", "spokeswoman").
    Feminine,
    /// A body formed around a named person or organisation, which `X's <word>` or `the X
    /// <word>` names ("campaign", "administration").
    Following,
    /// A sentence's first word that opens a phrase before its main clause ("According to
    /// TASS, …", "When he spoke, …"): the subject comes after that phrase's comma.
    Opener,
    /// A word that joins a sentence to the one before ("But", "And", "So", "Well"): it opens
    /// no name or role after it.
    Connective,
    /// A relative pronoun right before a report's speaker, which opens its content ("a wall,
    /// which he said Mexico would pay for").
    Relative,
    /// A word that makes a speaker mention a clause or an adverbial phrase rather than a
    /// clean noun phrase ("has", "often", "following").
    Clausal,
    /// A month's name or abbreviation ("December", "Dec."): with a day after a cue it is a
    /// time adjunct ("said Dec. 6 on CNN").
    Month,
    /// A conjunction opening an adverbial clause mid-sentence ("when", "after", "because"):
    /// verbs coordinated inside the clause share its subject ("… when Rubio thanked Miami and
    /// said …").
    Subordinator,
    /// An irregular past tense or participle ("went", "told"), from `models/past_forms.tsv`.
    PastForm,
    /// A noun for a kind of person ("businessman", "nominee"), from `models/person_nouns.tsv`.
    Person,
    /// A noun for a kind of organisation ("firm", "retailer"), from `models/org_nouns.tsv`.
    Organisation,
}

/// Word lists by class; lookups are case-insensitive.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    /// Each lowercase word with the bit set of its classes (bit `class as u32`).
    words: FxHashMap<String, u32>,
}

impl Lexicon {
    /// Parses `class<TAB>word` lines (`#` comments).
    pub fn from_table(table: &str) -> Result<Lexicon, String> {
        let mut words: FxHashMap<String, u32> = FxHashMap::default();
        for (n, line) in table.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (class, word) = line
                .split_once('\t')
                .ok_or_else(|| format!("lexicon line {}: expected class<TAB>word", n + 1))?;
            let class = match class {
                "role" => WordClass::Role,
                "rolemod" => WordClass::RoleModifier,
                "orghead" => WordClass::OrgHead,
                "group" => WordClass::Group,
                "cardinal" => WordClass::Cardinal,
                "preposition" => WordClass::Preposition,
                "honorific" => WordClass::Honorific,
                "title" => WordClass::Title,
                "particle" => WordClass::Particle,
                "suffix" => WordClass::Suffix,
                "postnominal" => WordClass::Postnominal,
                "masculine" => WordClass::Masculine,
                "feminine" => WordClass::Feminine,
                "following" => WordClass::Following,
                "opener" => WordClass::Opener,
                "connective" => WordClass::Connective,
                "relative" => WordClass::Relative,
                "clausal" => WordClass::Clausal,
                "month" => WordClass::Month,
                "subordinator" => WordClass::Subordinator,
                c => return Err(format!("lexicon line {}: unknown class {c:?}", n + 1)),
            };
            *words.entry(word.trim().to_lowercase()).or_default() |= 1 << class as u32;
        }
        Ok(Lexicon { words })
    }

    /// This lexicon with the nouns of a `noun<TAB>…` table (`#` comments) in [`WordClass::Person`].
    pub fn with_person_nouns(self, table: &str) -> Lexicon {
        self.with_nouns(table, WordClass::Person)
    }

    /// This lexicon with the nouns of a `noun<TAB>…` table (`#` comments) in `class`.
    pub fn with_nouns(mut self, table: &str, class: WordClass) -> Lexicon {
        let nouns = table.lines().filter(|l| !l.starts_with('#'));
        for noun in nouns.filter_map(|l| l.split('\t').next().filter(|w| !w.is_empty())) {
            *self.words.entry(noun.to_lowercase()).or_default() |= 1 << class as u32;
        }
        self
    }

    /// True when `word` (any case) is in `class`.
    pub fn is(&self, class: WordClass, word: &str) -> bool {
        // Lowercase words, the common case, are looked up without an allocation.
        let lower = if word.chars().any(char::is_uppercase) {
            Cow::Owned(word.to_lowercase())
        } else {
            Cow::Borrowed(word)
        };
        self.words
            .get(lower.as_ref())
            .is_some_and(|classes| classes & (1 << class as u32) != 0)
    }
}

/// The embedded lexicon.
pub fn default_lexicon() -> Lexicon {
    Lexicon::from_table(DEFAULT_LEXICON)
        .expect("embedded lexicon is valid")
        .with_person_nouns(DEFAULT_PERSON_NOUNS)
        .with_nouns(DEFAULT_ORG_NOUNS, WordClass::Organisation)
        .with_nouns(DEFAULT_ROLE_MODIFIERS, WordClass::RoleModifier)
        .with_nouns(DEFAULT_PAST_FORMS, WordClass::PastForm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_loads_and_matches_any_case() {
        let lex = default_lexicon();
        assert!(lex.is(WordClass::Role, "Minister"));
        assert!(lex.is(WordClass::OrgHead, "ministry"));
        assert!(!lex.is(WordClass::Group, "minister"));
        assert!(lex.is(WordClass::Honorific, "Mrs"));
        assert!(lex.is(WordClass::Organisation, "retailer"));
        assert!(!lex.is(WordClass::Organisation, "front-runner"));
        assert!(lex.is(WordClass::Title, "Sen"));
        assert!(lex.is(WordClass::RoleModifier, "presidential"));
        assert!(Lexicon::from_table("nope\tx").is_err());
    }

    #[test]
    fn person_nouns_come_from_their_table() {
        assert!(default_lexicon().is(WordClass::Person, "Businessman"));
        assert!(default_lexicon().is(WordClass::Cardinal, "two"));
        let lex = Lexicon::default().with_person_nouns("# c\ntycoon\t7\t9\n");
        assert!(lex.is(WordClass::Person, "tycoon"));
        assert!(!lex.is(WordClass::Person, "c"));
    }
}
