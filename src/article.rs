//! The unit of work: one article with its id, text and optional metadata.

use serde::Serialize;

/// Optional article metadata carried unchanged into every claim record.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Meta {
    /// Headline, when the input gives one separately from the text.
    pub title: Option<String>,
    /// Publication date as given in the input.
    pub date: Option<String>,
    /// Publisher or feed name.
    pub source: Option<String>,
    /// Address of the article.
    pub url: Option<String>,
}

/// Where an article came from, for error messages and provenance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The input file (or `-` for standard input).
    pub file: String,
    /// 1-based line (JSONL) or record (CSV) number, when the file holds many articles.
    pub record: Option<u64>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.record {
            Some(n) => write!(f, "{}:{}", self.file, n),
            None => write!(f, "{}", self.file),
        }
    }
}

/// One input article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Stable identifier: the file stem for `.txt`, the record's `id` otherwise.
    pub id: String,
    /// The original text; every output offset refers to it.
    pub text: String,
    /// Optional metadata from the input record.
    pub meta: Meta,
    /// Where it was read from.
    pub origin: Origin,
}

impl Article {
    /// An article with no metadata, e.g. for tests and benchmarks.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            text: text.into(),
            meta: Meta::default(),
            origin: Origin {
                file: String::from("<memory>"),
                record: None,
            },
        }
    }

    /// Number of whitespace-separated words, the unit of throughput figures.
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}
