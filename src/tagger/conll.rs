//! CoNLL-style column reader.
//!
//! Files hold one token per line (`word col1 col2 ...`, separated by spaces or tabs), blank lines
//! between sentences and `-DOCSTART-` lines between documents. Columns that look like IOB tag
//! columns (`O`, `B-X`, `I-X`) are converted to IOB2 if the file uses IOB1.

use std::io;
use std::path::Path;

/// One sentence: the token strings and the extra columns.
/// `columns[c][i]` is column `c` (0 = first column after the word) of token `i`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sentence {
    /// Token strings (first column).
    pub tokens: Vec<String>,
    /// Label columns after the word, one `Vec` per column, each with one entry per token.
    pub columns: Vec<Vec<String>>,
}

impl Sentence {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }
    /// Whether the sentence has no tokens.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
    /// Token strings as `&str`.
    pub fn token_strs(&self) -> Vec<&str> {
        self.tokens.iter().map(|s| s.as_str()).collect()
    }
}

/// A corpus: documents made of sentences.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Corpus {
    /// Documents, each a list of sentences.
    pub documents: Vec<Vec<Sentence>>,
}

impl Corpus {
    /// Read and parse a CoNLL file.
    pub fn read(path: &Path) -> io::Result<Corpus> {
        let text = std::fs::read_to_string(path)?;
        Ok(Corpus::parse(&text))
    }

    /// Parse CoNLL text. Number of columns is taken from the first token line.
    pub fn parse(text: &str) -> Corpus {
        let mut docs: Vec<Vec<Sentence>> = Vec::new();
        let mut doc: Vec<Sentence> = Vec::new();
        let mut sent = Sentence::default();
        let mut ncols: Option<usize> = None;
        let flush_sent = |sent: &mut Sentence, doc: &mut Vec<Sentence>| {
            if !sent.tokens.is_empty() {
                doc.push(std::mem::take(sent));
            }
        };
        for line in text.lines() {
            let line = line.trim_end_matches(['\r', '\n']);
            let mut fields = line.split_whitespace();
            let Some(word) = fields.next() else {
                flush_sent(&mut sent, &mut doc);
                continue;
            };
            if word == "-DOCSTART-" {
                flush_sent(&mut sent, &mut doc);
                if !doc.is_empty() {
                    docs.push(std::mem::take(&mut doc));
                }
                continue;
            }
            let rest: Vec<&str> = fields.collect();
            let n = *ncols.get_or_insert(rest.len());
            if sent.columns.len() < n {
                sent.columns.resize(n, Vec::new());
            }
            sent.tokens.push(word.to_string());
            for c in 0..n {
                let v = rest.get(c).copied().unwrap_or("O");
                sent.columns[c].push(v.to_string());
            }
        }
        flush_sent(&mut sent, &mut doc);
        if !doc.is_empty() {
            docs.push(doc);
        }
        let mut corpus = Corpus { documents: docs };
        corpus.normalize_tag_columns();
        corpus
    }

    /// Number of label columns (taken from the first sentence; 0 if empty).
    pub fn n_columns(&self) -> usize {
        self.sentences()
            .next()
            .map(|s| s.columns.len())
            .unwrap_or(0)
    }

    /// All sentences of all documents, in order.
    pub fn sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.documents.iter().flat_map(|d| d.iter())
    }

    /// Total number of tokens.
    pub fn n_tokens(&self) -> usize {
        self.sentences().map(|s| s.len()).sum()
    }

    /// Detect IOB-like columns; convert IOB1 columns to IOB2.
    fn normalize_tag_columns(&mut self) {
        let n = self.n_columns();
        for c in 0..n {
            let mut is_tag = true;
            let mut is_iob1 = false;
            let mut any = false;
            'outer: for s in self.sentences() {
                let col = match s.columns.get(c) {
                    Some(col) => col,
                    None => continue,
                };
                let mut prev: &str = "O";
                for t in col {
                    any = true;
                    if !is_iob_tag(t) {
                        is_tag = false;
                        break 'outer;
                    }
                    if let Some(ty) = t.strip_prefix("I-") {
                        if prev == "O" || tag_type(prev) != ty {
                            is_iob1 = true;
                        }
                    }
                    prev = t;
                }
            }
            if any && is_tag && is_iob1 {
                for d in &mut self.documents {
                    for s in d.iter_mut() {
                        if let Some(col) = s.columns.get_mut(c) {
                            iob1_to_iob2(col);
                        }
                    }
                }
            }
        }
    }
}

/// Whether `t` is an IOB tag (`O`, `B-X` or `I-X`).
pub fn is_iob_tag(t: &str) -> bool {
    t == "O" || ((t.starts_with("B-") || t.starts_with("I-")) && t.len() > 2)
}

/// Entity type of an IOB tag ("" for O).
pub fn tag_type(t: &str) -> &str {
    if t.len() > 2 && t.as_bytes()[1] == b'-' {
        &t[2..]
    } else {
        ""
    }
}

/// Convert one IOB1 sequence to IOB2 in place.
pub fn iob1_to_iob2(tags: &mut [String]) {
    let mut prev = String::from("O");
    for t in tags.iter_mut() {
        if let Some(ty) = t.strip_prefix("I-") {
            if prev == "O" || tag_type(&prev) != ty {
                let nt = format!("B-{ty}");
                *t = nt;
            }
        }
        prev = t.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn parse_iob1_converts() {
        let text = "Foo NN I-NP I-ORG\nBar NN I-NP I-ORG\nbaz VB I-VP O\nQux NN I-NP I-PER\nQuux NN B-NP B-PER\n\n-DOCSTART- -X- -X- O\n\nA DT I-NP O\n";
        let c = Corpus::parse(text);
        assert_eq!(c.documents.len(), 2);
        let s = &c.documents[0][0];
        assert_eq!(s.columns[2], vec!["B-ORG", "I-ORG", "O", "B-PER", "B-PER"]);
        assert_eq!(s.columns[1], vec!["B-NP", "I-NP", "B-VP", "B-NP", "B-NP"]);
        assert_eq!(s.columns[0][0], "NN");
    }
    #[test]
    fn parse_two_columns_tabs() {
        let c = Corpus::parse("Ann\tB-PER\nsaw\tO\n\nBob\tB-PER\n");
        assert_eq!(c.documents.len(), 1);
        assert_eq!(c.documents[0].len(), 2);
        assert_eq!(c.documents[0][1].columns[0], vec!["B-PER"]);
    }
}
