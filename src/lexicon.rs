//! Word lists shared by the quote detector and the attributor, loaded from `models/lexicon.tsv`.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

/// The lexicon embedded in the binary.
pub const DEFAULT_LEXICON: &str = include_str!("../models/lexicon.tsv");

/// The function-word classes the quote detector's and the attributor's rules test words against.
pub const DEFAULT_GRAMMAR: &str = include_str!("../models/grammar.tsv");

/// The nouns for kinds of persons, derived from corpora by `scripts/person_nouns.py`.
pub const DEFAULT_PERSON_NOUNS: &str = include_str!("../models/person_nouns.tsv");

/// The nouns for kinds of organisations, derived from corpora by `scripts/org_nouns.py`.
pub const DEFAULT_ORG_NOUNS: &str = include_str!("../models/org_nouns.tsv");

/// Irregular past tenses and participles, derived from UD English EWT by
/// `scripts/past_forms.py`.
pub const DEFAULT_PAST_FORMS: &str = include_str!("../models/past_forms.tsv");

/// The adjectives inside roles, derived from corpora by `scripts/role_modifiers.py`.
pub const DEFAULT_ROLE_MODIFIERS: &str = include_str!("../models/role_modifiers.tsv");

/// A bit set of word classes ([`WordClass::bit`]).
pub type Classes = u128;

/// A word class of the lexicon.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WordClass {
    /// Names a position ("minister").
    Role,
    /// May modify a role ("foreign").
    RoleModifier,
    /// A role modifier that makes another office ("vice", "shadow"): "the president" is not
    /// the vice president.
    OtherOffice,
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
    /// A body a person forms, not an office or a country ("campaign", "team"): "the campaign"
    /// of an article that never names it may be a person's named before.
    PersonalBody,
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
    // The grammar of the quote detector, from `models/grammar.tsv`.
    /// An auxiliary or adverb that may stand between a subject and its cue ("has also said").
    VerbGroup,
    /// An adverb right before a cue, part of the cue's verb group ("still", "reportedly").
    CueAdverb,
    /// An auxiliary or modal verb; a participle after one is a verb, not an adjective.
    Auxiliary,
    /// A finite form of "be"; lowercase only where the detector says so ("That is why critics
    /// say").
    Copula,
    /// An auxiliary of a passive report ("was asked about …").
    PassiveAuxiliary,
    /// A modal verb: a clause, not a noun phrase, follows ("said renters … would qualify").
    Modal,
    /// A conjunction or relative word that ends a subject phrase read leftwards from its cue ("…,
    /// and Pell said").
    ClauseLink,
    /// A wh-word that also ends a subject read leftwards ("in what officials called").
    WhBoundary,
    /// A personal subject pronoun that opens a clause ("said he would").
    Pronoun,
    /// A pronoun or expletive that opens a clause as its subject (the pronouns, "I", "you",
    /// "there").
    SubjectWord,
    /// A demonstrative determiner ("this", "these", "those").
    Demonstrative,
    /// A determiner that opens a noun phrase, which may begin a clause ("said the plan …").
    Determiner,
    /// A word before a cue word that shows it is a noun ("the call", "his plans").
    NounMarker,
    /// A lowercase word after a cue that opens an adjunct, not an object ("said in a statement").
    NotObject,
    /// A preposition opening an adjunct that closes an attribution ("…, he said in an interview").
    AdjunctPreposition,
    /// A word that opens an embedded question as content ("explained why …").
    QuestionWord,
    /// A noun of time making an adjunct with "last"/"this"/"on" ("last week", "Thursday evening").
    TimeNoun,
    /// A time adjunct that may follow a cue ("said Tuesday that …").
    TimeWord,
    /// A sentence's first word opening an adverbial phrase before the subject ("During the debate,
    /// …").
    AdverbialOpener,
    /// A subordinator opening an adverbial clause, never a reported one ("as he left").
    AdverbialSubordinator,
    /// A subordinator that ends reported content after a comma ("…, while others …").
    ContentEnd,
    /// A word opening a new clause's subject after ", but" ("…, but the board …").
    NewSubject,
    /// A determiner that opens an inverted source after a quotation and its cue ("said one longtime
    /// friend").
    SourceDeterminer,
    /// A report verb (lemma) whose object may be a gerund ("proposes scrapping …").
    GerundTaker,
    /// Where words are said or written ("said as much in an interview").
    Venue,
    /// A verb whose gerund reports for its subject ("keeps saying", "began calling").
    Aspectual,
    /// A verb whose subject reports through a following infinitive ("continued to question").
    Raising,
    // The word tests of single rules of the detector, from `models/grammar.tsv`.
    /// A determiner of a noun of time in a time adjunct ("this week", "last month").
    TimeDeterminer,
    /// A word after which "’s" is an auxiliary, not a possessive ("she’s said").
    CliticHost,
    /// A word opening a time adjunct before a noun of time ("last week", "on Monday").
    TimeOpener,
    /// A preposition opening an adjunct between a name and its cue ("Avery in a blog post said").
    NameAdjunctPreposition,
    /// A determiner after such a preposition ("in a blog post", "in his statement").
    AdjunctDeterminer,
    /// A personal pronoun that is the whole subject ("Yet they say").
    Personal,
    /// A conjunction before a coordinated subject ("But Richards and Menendez", "Both Democrats and
    /// Republicans").
    ListOpener,
    /// A pronoun subject that is never a source ("This follows reports that …").
    PronounSubject,
    /// An article.
    Article,
    /// A determiner opening a short noun-phrase subject ("the admiral said", "his team believes").
    PhraseDeterminer,
    /// A preposition opening the modifier of a plural head ("lawyers for the county said").
    HeadModifierPreposition,
    /// A preposition that keeps a short phrase after a comma from being a subject ("Many in the
    /// crowd said").
    PhrasePreposition,
    /// A word that ends the adjuncts between a cue and its infinitive ("promised Sunday at a rally
    /// to end …").
    InfinitiveStop,
    /// A word opening an adjunct between a cue and its infinitive.
    InfinitiveAdjunct,
    /// A word that ends the adjuncts between a cue and its quotation.
    QuotationStop,
    /// A word before a count opening a report ("nearly 40 percent said").
    Approximator,
    /// A conjunction after a comma before a new subject (", but Pell said").
    ContrastLink,
    /// A determiner opening a described subject with a name apposed ("A spokesman, Dana Pell,
    /// said").
    DescribedOpener,
    /// A focus word before a subordinator ("Even if …", "Only when …").
    Focus,
    /// A subordinator after a focus word.
    FocussedSubordinator,
    /// A sentence's first word opening an adverbial phrase that ends at its comma ("Similarly, …",
    /// "Like Mr. Sanders, …").
    CommaAdverbial,
    /// A word ending a time phrase that opens a sentence ("Eight years ago, …", "Minutes later,
    /// …").
    TimeShift,
    /// An adverb before a sentence's subject, not a comma phrase ("Perhaps Pell said").
    SentenceAdverb,
    /// A demonstrative that alone is no source ("This shows").
    DemonstrativePronoun,
    /// A count that may open a source ("two aides", "several observers").
    CountSubject,
    /// A word that ends a source phrase right of its cue ("said Pell on Monday").
    RightPhraseEnd,
    /// A finite auxiliary after a participle's noun: it is a verb ("the plan was").
    FiniteAuxiliary,
    /// A relative pronoun after a speaker that opens a clause about them (", who …").
    ApposedRelative,
    /// A word opening a phrase that describes the source before it rather than continuing the
    /// content around it (", according to X, who …", ", a former …", ", including …").
    SourceModifier,
    /// A pronoun opening a new clause after ", and" (", and he rallied the crowd").
    NewSubjectPronoun,
    /// A first- or second-person pronoun: a quoted speaker's own voice ("I think").
    FirstOrSecondPerson,
    /// A possessive that names the speaker of a nominal cue ("his claim that …").
    PossessiveSpeaker,
    /// A word opening an editorial label, not a statement ("Correction: …", "Watch: …").
    Caption,
    /// An adverb set off by a comma before a quotation ("Now, “…”").
    QuotationAdverb,
    /// A relative pronoun.
    RelativeWord,
    /// A subordinator before "asked" opening a sentence ("When asked, …").
    AskedOpener,
    /// A word opening an adjunct right after "asked" ("asked on Monday").
    AskedAdjunct,
    /// A word after an inverted source that ends it ("said Pell, who …", "said Pell on Monday").
    SourceEnd,
    /// An article or possessive opening a noun phrase.
    NounPhraseDeterminer,
    /// A plural unit of time ("days later").
    TimeSpan,
    /// A noun for an opinion poll, whose findings "In a … poll, …" reports ("survey").
    PollNoun,
    /// A cue verb (lemma) whose content, when a name follows it, is the name alone
    /// ("endorsed Mr. Trump at a news conference").
    BareObject,
    /// An object pronoun: the person told ("told him").
    ObjectPronoun,
    /// A preposition opening an adjunct of circumstance, no subject ("despite the warnings").
    CircumstancePreposition,
    /// A coordinating conjunction opening a sentence ("But as …").
    Coordinator,
    /// A form of "be" making a passive ("as the bill is called").
    PassiveBe,
    /// A form of "be" making a progressive ("is saying").
    ProgressiveBe,
    /// A word opening a time adjunct after a cue ("said last week", "said repeatedly").
    CueAdjunct,
    /// A preposition opening a place or occasion adjunct after a cue ("said in an interview").
    PlacePreposition,
    /// A preposition of sequence ("said after the vote").
    SequencePreposition,
    /// A determiner after a preposition of sequence ("after the vote", "before last week").
    SequenceDeterminer,
    /// A determiner opening a noun-phrase object after a cue ("said the demands that …").
    ObjectDeterminer,
    /// A preposition inside a noun-phrase object ("the head of the party").
    ObjectPreposition,
    /// A possessive determiner.
    Possessive,
    /// A word inside the phrase of an object, before a determiner ("told him and his aides").
    ObjectPhraseLink,
    /// A preposition opening a time adjunct ("on Monday", "at the end").
    TimePreposition,
    /// A part of a period after "the" ("at the end").
    PeriodPart,
    /// A word opening an adjunct after a comma that ends content (", during the debate").
    ContentEndAdjunct,
    /// An adverb before a verb ("then said").
    PreverbAdverb,
    /// A preposition before a gerund, making it an adverbial ("by saying").
    GerundPreposition,
    /// A form of "go" ("went on to say").
    GoForm,
    /// A word before a cue word that makes it a verb, not a noun ("they plan", "to plan").
    VerbSubject,
    /// A word of quantity before a cue word that makes it a verb ("many believe").
    CountWord,
    /// A pronoun subject before a plural and a cue ("Trump says praise …").
    NamedSubject,
    /// A preposition before a participle that makes it an adjective ("despite repeated warnings").
    AdjectivePreposition,
    /// A quantifier after "too" ("too many").
    DegreeQuantifier,
    /// A form of "have" before "since" ("has since said").
    Have,
    /// A word opening a time adjunct in an attribution's tail ("told reporters then").
    TailTime,
    /// A word inside a noun phrase before a determiner: that determiner opens no second object
    /// ("the head of the party").
    NounPhraseInside,
    // The attributor's single-rule word tests, from `models/grammar.tsv`.
    /// A word that opens an indefinite description ("a spokesman", "several aides"); numbers too,
    /// by `cardinal`.
    IndefiniteOpener,
    /// A word before a mention that opens a clause of its own or joins it to what precedes, rather
    /// than embeds it ("Years after Bill Clinton claimed", "said that the firm").
    OwnClause,
    /// A word before an "-ing" word that is no noun it could modify ("the", "of").
    NotParticipleHead,
    /// A word after an "-ing" word that opens its object ("lawyers representing the firm").
    ParticipleObject,
    /// An "-ing" word that is a preposition ("following", "regarding").
    IngPreposition,
    /// A possessive determiner that opens a noun phrase before a role ("Its spokesman, Dmitry
    /// Peskov").
    RolePossessive,
}

impl WordClass {
    /// The class's bit in a [`Classes`] set.
    pub fn bit(self) -> Classes {
        1 << self as u32
    }

    /// Whether the set `classes` holds this class.
    pub fn in_set(self, classes: Classes) -> bool {
        classes & self.bit() != 0
    }
}

/// The classes of `models/lexicon.tsv` and `models/grammar.tsv` by their names there.
const CLASS_NAMES: &[(&str, WordClass)] = &[
    ("role", WordClass::Role),
    ("rolemod", WordClass::RoleModifier),
    ("otheroffice", WordClass::OtherOffice),
    ("orghead", WordClass::OrgHead),
    ("group", WordClass::Group),
    ("cardinal", WordClass::Cardinal),
    ("preposition", WordClass::Preposition),
    ("honorific", WordClass::Honorific),
    ("title", WordClass::Title),
    ("particle", WordClass::Particle),
    ("suffix", WordClass::Suffix),
    ("postnominal", WordClass::Postnominal),
    ("masculine", WordClass::Masculine),
    ("feminine", WordClass::Feminine),
    ("following", WordClass::Following),
    ("personalbody", WordClass::PersonalBody),
    ("opener", WordClass::Opener),
    ("connective", WordClass::Connective),
    ("relative", WordClass::Relative),
    ("clausal", WordClass::Clausal),
    ("month", WordClass::Month),
    ("subordinator", WordClass::Subordinator),
    ("verbgroup", WordClass::VerbGroup),
    ("cueadverb", WordClass::CueAdverb),
    ("auxiliary", WordClass::Auxiliary),
    ("copula", WordClass::Copula),
    ("passiveaux", WordClass::PassiveAuxiliary),
    ("modal", WordClass::Modal),
    ("clauselink", WordClass::ClauseLink),
    ("whboundary", WordClass::WhBoundary),
    ("pronoun", WordClass::Pronoun),
    ("subject", WordClass::SubjectWord),
    ("demonstrative", WordClass::Demonstrative),
    ("determiner", WordClass::Determiner),
    ("nounmarker", WordClass::NounMarker),
    ("notobject", WordClass::NotObject),
    ("adjunctprep", WordClass::AdjunctPreposition),
    ("question", WordClass::QuestionWord),
    ("timenoun", WordClass::TimeNoun),
    ("timeword", WordClass::TimeWord),
    ("adverbialopener", WordClass::AdverbialOpener),
    ("adverbialsub", WordClass::AdverbialSubordinator),
    ("contentend", WordClass::ContentEnd),
    ("newsubject", WordClass::NewSubject),
    ("sourcedeterminer", WordClass::SourceDeterminer),
    ("gerundtaker", WordClass::GerundTaker),
    ("venue", WordClass::Venue),
    ("aspectual", WordClass::Aspectual),
    ("raising", WordClass::Raising),
    ("timedeterminer", WordClass::TimeDeterminer),
    ("clitichost", WordClass::CliticHost),
    ("timeopener", WordClass::TimeOpener),
    ("nameadjunctprep", WordClass::NameAdjunctPreposition),
    ("adjunctdeterminer", WordClass::AdjunctDeterminer),
    ("personal", WordClass::Personal),
    ("listopener", WordClass::ListOpener),
    ("pronounsubject", WordClass::PronounSubject),
    ("article", WordClass::Article),
    ("phrasedeterminer", WordClass::PhraseDeterminer),
    ("headmodifierprep", WordClass::HeadModifierPreposition),
    ("phrasepreposition", WordClass::PhrasePreposition),
    ("infinitivestop", WordClass::InfinitiveStop),
    ("infinitiveadjunct", WordClass::InfinitiveAdjunct),
    ("quotationstop", WordClass::QuotationStop),
    ("approximator", WordClass::Approximator),
    ("contrastlink", WordClass::ContrastLink),
    ("describedopener", WordClass::DescribedOpener),
    ("focus", WordClass::Focus),
    ("focussedsubordinator", WordClass::FocussedSubordinator),
    ("commaadverbial", WordClass::CommaAdverbial),
    ("timeshift", WordClass::TimeShift),
    ("sentenceadverb", WordClass::SentenceAdverb),
    ("demonstrativepronoun", WordClass::DemonstrativePronoun),
    ("countsubject", WordClass::CountSubject),
    ("rightphraseend", WordClass::RightPhraseEnd),
    ("finiteauxiliary", WordClass::FiniteAuxiliary),
    ("apposedrelative", WordClass::ApposedRelative),
    ("sourcemodifier", WordClass::SourceModifier),
    ("newsubjectpronoun", WordClass::NewSubjectPronoun),
    ("firstsecond", WordClass::FirstOrSecondPerson),
    ("possessivespeaker", WordClass::PossessiveSpeaker),
    ("caption", WordClass::Caption),
    ("quotationadverb", WordClass::QuotationAdverb),
    ("relativeword", WordClass::RelativeWord),
    ("askedopener", WordClass::AskedOpener),
    ("askedadjunct", WordClass::AskedAdjunct),
    ("sourceend", WordClass::SourceEnd),
    ("nounphrasedeterminer", WordClass::NounPhraseDeterminer),
    ("timespan", WordClass::TimeSpan),
    ("pollnoun", WordClass::PollNoun),
    ("bareobject", WordClass::BareObject),
    ("objectpronoun", WordClass::ObjectPronoun),
    ("circumstanceprep", WordClass::CircumstancePreposition),
    ("coordinator", WordClass::Coordinator),
    ("passivebe", WordClass::PassiveBe),
    ("progressivebe", WordClass::ProgressiveBe),
    ("cueadjunct", WordClass::CueAdjunct),
    ("placepreposition", WordClass::PlacePreposition),
    ("sequencepreposition", WordClass::SequencePreposition),
    ("sequencedeterminer", WordClass::SequenceDeterminer),
    ("objectdeterminer", WordClass::ObjectDeterminer),
    ("objectpreposition", WordClass::ObjectPreposition),
    ("possessive", WordClass::Possessive),
    ("objectphraselink", WordClass::ObjectPhraseLink),
    ("timepreposition", WordClass::TimePreposition),
    ("periodpart", WordClass::PeriodPart),
    ("contentendadjunct", WordClass::ContentEndAdjunct),
    ("preverbadverb", WordClass::PreverbAdverb),
    ("gerundpreposition", WordClass::GerundPreposition),
    ("goform", WordClass::GoForm),
    ("verbsubject", WordClass::VerbSubject),
    ("countword", WordClass::CountWord),
    ("namedsubject", WordClass::NamedSubject),
    ("adjectivepreposition", WordClass::AdjectivePreposition),
    ("degreequantifier", WordClass::DegreeQuantifier),
    ("have", WordClass::Have),
    ("tailtime", WordClass::TailTime),
    ("nounphraseinside", WordClass::NounPhraseInside),
    ("indefiniteopener", WordClass::IndefiniteOpener),
    ("ownclause", WordClass::OwnClause),
    ("notparticiplehead", WordClass::NotParticipleHead),
    ("participleobject", WordClass::ParticipleObject),
    ("ingpreposition", WordClass::IngPreposition),
    ("rolepossessive", WordClass::RolePossessive),
];

/// Word lists by class; lookups are case-insensitive.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    /// Each lowercase word with the bit set of its classes.
    words: FxHashMap<String, Classes>,
}

impl Lexicon {
    /// Parses `class<TAB>word` lines (`#` comments).
    pub fn from_table(table: &str) -> Result<Lexicon, String> {
        let mut words: FxHashMap<String, Classes> = FxHashMap::default();
        for (n, line) in table.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (class, word) = line
                .split_once('\t')
                .ok_or_else(|| format!("lexicon line {}: expected class<TAB>word", n + 1))?;
            let class = CLASS_NAMES
                .iter()
                .find(|(name, _)| *name == class)
                .map(|&(_, c)| c)
                .ok_or_else(|| format!("lexicon line {}: unknown class {class:?}", n + 1))?;
            *words.entry(word.trim().to_lowercase()).or_default() |= class.bit();
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
            *self.words.entry(noun.to_lowercase()).or_default() |= class.bit();
        }
        self
    }

    /// True when `word` (any case) is in `class`.
    pub fn is(&self, class: WordClass, word: &str) -> bool {
        self.classes(word) & class.bit() != 0
    }

    /// The bit set of `word`'s classes (any case), for tests of a word against many classes.
    pub fn classes(&self, word: &str) -> Classes {
        // Lowercase words, the common case, are looked up without an allocation.
        let lower = if word.chars().any(char::is_uppercase) {
            Cow::Owned(word.to_lowercase())
        } else {
            Cow::Borrowed(word)
        };
        self.words.get(lower.as_ref()).copied().unwrap_or(0)
    }
}

/// The embedded lexicon and grammar.
pub fn default_lexicon() -> Lexicon {
    Lexicon::from_table(&format!("{DEFAULT_LEXICON}{DEFAULT_GRAMMAR}"))
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
    fn every_named_class_has_words_in_the_embedded_tables() {
        let tables = format!("{DEFAULT_LEXICON}{DEFAULT_GRAMMAR}");
        for &(name, class) in CLASS_NAMES {
            assert!(
                (class as u32) < Classes::BITS,
                "{name} has no bit in a class set"
            );
            let prefix = format!("{name}\t");
            assert!(
                tables.lines().any(|l| l.starts_with(&prefix)),
                "no words in {name}"
            );
        }
        let lex = default_lexicon();
        assert!(lex.is(WordClass::Modal, "Would"));
        assert!(lex.is(WordClass::SubjectWord, "there"));
        assert!(!lex.is(WordClass::Pronoun, "there"));
        assert!(lex.is(WordClass::Venue, "op-ed"));
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
