//! The output contract: claim and entity records as written to JSONL and CSV, in
//! Unicode-character offsets of the original article text.

use serde::Serialize;

use crate::article::{Article, Meta};
use crate::attribution::Claim;
use crate::document::Analysis;
use crate::ingest::InputError;
use crate::ner::{Entity, Label};
use crate::span::{CharIndex, CharRange, TextSpan};
use crate::speakers;

/// The version of the output tables' columns, part of the run key: a dataset written with
/// another one is processed again. 2: `quote.content` (`quote_content` in CSV and Parquet).
pub const OUTPUT_SCHEMA: u32 = 2;

/// An entity mention inside a claim's content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntityRef {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The mention text.
    pub text: String,
    /// Entity type.
    pub label: Label,
}

/// The claim content: its covering span and, when discontinuous, its fragments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Content {
    /// First character of the content.
    pub start: usize,
    /// One past its last character.
    pub end: usize,
    /// `text[start:end]`.
    pub text: String,
    /// `[[start, end], …]` when the content is interrupted (e.g. by its attribution).
    pub fragments: Option<Vec<[usize; 2]>>,
    /// The reported words alone: `text`, or when in fragments, the fragments joined by a space
    /// (`“We are done,” she said, “and it shows.”` → `We are done and it shows.`).
    pub content: String,
}

/// One attributed claim, as written to `claims.jsonl` (and flattened into `claims.csv`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimRecord {
    /// `doc_id#n`, numbered in text order from 1.
    pub claim_id: String,
    /// The article id.
    pub doc_id: String,
    /// `direct`, `indirect` or `mixed`.
    pub kind: &'static str,
    /// `speech`, `thought`, `intention`, `evidence` or `report`; null for unattributed quotes.
    pub cue_class: Option<&'static str>,
    /// Whether the claim's sentence is the article's headline ([`Analysis::headline`]).
    pub headline: bool,
    /// Canonical speaker name.
    pub speaker: Option<String>,
    /// The speaker's id, the same in every article for the same named speaker (see
    /// [`crate::speakers`]).
    pub speaker_id: Option<String>,
    /// Speaker type (PER/ORG/LOC/MISC).
    pub speaker_type: Option<Label>,
    /// Speaker role or title.
    pub speaker_role: Option<String>,
    /// The speaker as mentioned at the cue.
    pub speaker_mention: Option<TextSpan>,
    /// The attribution cue.
    pub cue: Option<TextSpan>,
    /// The content.
    pub quote: Content,
    /// The sentence holding the cue.
    pub sentence: CharRange,
    /// Entities inside the content.
    pub entities: Vec<EntityRef>,
    /// 0..1.
    pub confidence: f32,
    /// The article's optional metadata.
    #[serde(flatten)]
    pub meta: Meta,
}

/// One entity mention, as written to `entities.jsonl`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntityRecord {
    /// The article id.
    pub doc_id: String,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The mention text.
    pub text: String,
    /// Entity type.
    pub label: Label,
}

/// One row of the articles table (`articles.jsonl`, `articles.csv`): every article of the
/// dataset, and every rejected input that had an id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ArticleRecord {
    /// The article id.
    pub id: String,
    /// Metadata from the input, null when absent.
    pub title: Option<String>,
    /// Publication date as given.
    pub date: Option<String>,
    /// Publisher or feed.
    pub source: Option<String>,
    /// Address.
    pub url: Option<String>,
    /// Unicode characters of the text (null when rejected).
    pub chars: Option<u64>,
    /// Whitespace-separated words (null when rejected).
    pub words: Option<u64>,
    /// Claims found (null when rejected).
    pub claims: Option<u64>,
    /// Entity mentions found (null when rejected).
    pub entities: Option<u64>,
    /// `ok` or `rejected`.
    pub status: &'static str,
    /// Why it was rejected.
    pub reason: Option<String>,
}

impl ArticleRecord {
    /// The row of a processed article.
    pub fn processed(article: &Article, doc: &DocOutput) -> ArticleRecord {
        let meta = &article.meta;
        ArticleRecord {
            id: article.id.clone(),
            title: meta.title.clone(),
            date: meta.date.clone(),
            source: meta.source.clone(),
            url: meta.url.clone(),
            chars: Some(article.text.chars().count() as u64),
            words: Some(doc.words as u64),
            claims: Some(doc.claims.len() as u64),
            entities: Some(doc.entities.len() as u64),
            status: "ok",
            reason: None,
        }
    }

    /// The row of a rejected input, if it had an id.
    pub fn rejected(error: &InputError) -> Option<ArticleRecord> {
        Some(ArticleRecord {
            id: error.id.clone()?,
            title: None,
            date: None,
            source: None,
            url: None,
            chars: None,
            words: None,
            claims: None,
            entities: None,
            status: "rejected",
            reason: Some(error.reason.clone()),
        })
    }
}

/// Everything written for one article.
#[derive(Clone, Debug, PartialEq)]
pub struct DocOutput {
    /// The article id.
    pub doc_id: String,
    /// Whitespace-separated words in the article.
    pub words: usize,
    /// Claims in text order.
    pub claims: Vec<ClaimRecord>,
    /// Entity mentions in text order.
    pub entities: Vec<EntityRecord>,
}

impl DocOutput {
    /// Converts an analysed article and its claims into output records.
    pub fn build(article: &Article, doc: &Analysis, claims: &[Claim]) -> DocOutput {
        let text = &article.text;
        let index = CharIndex::new(text);
        let entity_ref = |e: &Entity| EntityRef {
            start: index.char_offset(e.span.start),
            end: index.char_offset(e.span.end),
            text: e.span.slice(text).to_string(),
            label: e.label,
        };
        let headline = doc.headline();
        let records = claims
            .iter()
            .enumerate()
            .map(|(n, c)| {
                let content = c.content();
                let fragments = (c.fragments.len() > 1).then(|| {
                    c.fragments
                        .iter()
                        .map(|f| [index.char_offset(f.start), index.char_offset(f.end)])
                        .collect()
                });
                let sentence = doc.sentences.get(c.sentence).map_or(content, |s| s.span);
                ClaimRecord {
                    claim_id: format!("{}#{}", article.id, n + 1),
                    doc_id: article.id.clone(),
                    kind: c.kind.as_str(),
                    cue_class: c.cue_class().map(|k| k.as_str()),
                    headline: headline.contains(&c.sentence),
                    speaker: c.speaker.clone(),
                    speaker_id: c
                        .speaker
                        .as_deref()
                        .map(|name| speakers::speaker_id(&article.id, name, c.speaker_type)),
                    speaker_type: c.speaker_type,
                    speaker_role: c.speaker_role.clone(),
                    speaker_mention: c.speaker_mention.map(|m| index.text_span(text, m)),
                    cue: c.cue.as_ref().map(|cue| index.text_span(text, cue.span)),
                    quote: Content {
                        start: index.char_offset(content.start),
                        end: index.char_offset(content.end),
                        text: content.slice(text).to_string(),
                        fragments,
                        content: c
                            .fragments
                            .iter()
                            .map(|f| f.slice(text).trim())
                            .collect::<Vec<_>>()
                            .join(" "),
                    },
                    sentence: index.char_range(sentence),
                    entities: c
                        .fragments
                        .iter()
                        .flat_map(|f| {
                            let from = doc.entities.partition_point(|e| e.span.start < f.start);
                            doc.entities[from..]
                                .iter()
                                .take_while(|e| e.span.start < f.end)
                                .filter(|e| f.contains(e.span))
                        })
                        .map(entity_ref)
                        .collect(),
                    confidence: c.confidence,
                    meta: article.meta.clone(),
                }
            })
            .collect();
        let entities = doc
            .entities
            .iter()
            .map(|e| {
                let r = entity_ref(e);
                EntityRecord {
                    doc_id: article.id.clone(),
                    start: r.start,
                    end: r.end,
                    text: r.text,
                    label: r.label,
                }
            })
            .collect();
        DocOutput {
            doc_id: article.id.clone(),
            words: article.word_count(),
            claims: records,
            entities,
        }
    }
}
