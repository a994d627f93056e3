//! Quote detection: finds attributed content (direct quotations, reported speech, source
//! attributions), its cue and the syntactic speaker mention. Resolving the mention to a
//! canonical speaker is the attributor's job.

mod cues;
mod detector;
mod marks;

pub use cues::{CueLexicon, CueMatch, DEFAULT_CUES};
pub use detector::RuleQuoteDetector;
pub use marks::{pair_quotes, QuoteSpan};

use serde::Serialize;

use crate::document::Analysis;
use crate::span::Span;

/// How the content is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Entirely a quotation.
    Direct,
    /// Reported speech without quotation marks.
    Indirect,
    /// Reported speech containing quoted fragments.
    Mixed,
}

impl Kind {
    /// The output name of the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Indirect => "indirect",
            Kind::Mixed => "mixed",
        }
    }
}

/// What the cue says about the content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CueClass {
    /// Said, told, announced…
    Speech,
    /// Believes, expects, thinks…
    Thought,
    /// Wants, plans, aims…
    Intention,
    /// Polls show, data suggest…
    Evidence,
    /// According to, reported, citing…
    Report,
}

impl CueClass {
    /// The output name of the class.
    pub fn as_str(self) -> &'static str {
        match self {
            CueClass::Speech => "speech",
            CueClass::Thought => "thought",
            CueClass::Intention => "intention",
            CueClass::Evidence => "evidence",
            CueClass::Report => "report",
        }
    }
}

/// The cue of a candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// Byte span of the cue words.
    pub span: Span,
    /// Lemma ("say", "according to").
    pub lemma: String,
    /// Cue class.
    pub class: CueClass,
}

/// A detected piece of attributed content, before speaker resolution.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Direct, indirect or mixed.
    pub kind: Kind,
    /// The content, one span or several when interrupted by its attribution.
    pub fragments: Vec<Span>,
    /// The attribution cue, when one was found.
    pub cue: Option<Cue>,
    /// The speaker mention as it stands in the text, when one was found.
    pub speaker: Option<Span>,
    /// Index of the sentence holding the cue (or the content's first sentence).
    pub sentence: usize,
    /// How strong the syntactic evidence is, 0..1 (pattern reliability).
    pub evidence: f32,
    /// No speaker is looked for beyond `speaker`: the writer is the source (a hedge, "Sanders
    /// appeared to …"), or the rule found the only one there is (a poll; the agent of "asked
    /// by", or no one).
    pub writer: bool,
}

impl Candidate {
    /// The span covering all fragments.
    pub fn content(&self) -> Span {
        let first = self.fragments.first().copied().unwrap_or_default();
        self.fragments.iter().fold(first, |acc, f| acc.cover(*f))
    }
}

/// Finds attributed content in an analysed article.
pub trait QuoteDetector: Send + Sync {
    /// Candidates in text order of their content.
    fn detect(&self, doc: &Analysis) -> Vec<Candidate>;
}
