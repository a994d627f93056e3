//! claimex: turns news articles into a dataset of attributed claims — who said what, how, and
//! where in the text.
//!
//! The pipeline runs `ingest → clean → sentence → token → ner → quote → attribution → claim →
//! sink`, one module per stage, each stage behind a trait so it can be swapped. Spans are byte
//! ranges inside the library ([`span::Span`]) and Unicode-character offsets in every output.

#![warn(missing_docs)]

pub mod article;
pub mod attrib;
pub mod attribution;
pub mod claim;
pub mod clean;
pub mod confidence;
pub mod document;
pub mod eval;
pub mod features;
pub mod huge_pages;
pub mod ingest;
pub mod lexicon;
pub mod models;
pub mod ner;
pub mod parse;
pub mod pipeline;
pub mod quote;
pub mod ranker;
pub mod report;
pub mod sentence;
pub mod sink;
pub mod span;
pub mod speakers;
pub mod tagger;
pub mod tagging;
pub mod token;

pub use article::Article;
pub use pipeline::Pipeline;
