//! CoNLL-U reader and writer (the columns the parser uses).
//!
//! Comment lines (`#`), multiword-token lines (`1-2`) and empty nodes (`1.1`) are skipped; each
//! kept word has its form, lemma, UPOS, XPOS, head and relation. Columns the parser does not
//! use (FEATS, DEPS, MISC) are kept as read so a written file keeps them.

use std::io::{self, Write};
use std::path::Path;

/// One syntactic word of a sentence.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Word {
    /// The word form.
    pub form: String,
    /// Its lemma (`_` when unknown).
    pub lemma: String,
    /// Universal POS tag.
    pub upos: String,
    /// Language-specific (Penn) POS tag.
    pub xpos: String,
    /// FEATS column, as read.
    pub feats: String,
    /// Head: 0 for the root, otherwise the 1-based index of the head word.
    pub head: usize,
    /// Dependency relation (with subtype, e.g. `nmod:poss`).
    pub deprel: String,
    /// MISC column, as read.
    pub misc: String,
}

/// A sentence: its comment lines and words.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sentence {
    /// Comment lines, without the leading `# `.
    pub comments: Vec<String>,
    /// The words, in order (word `i` has id `i + 1`).
    pub words: Vec<Word>,
}

impl Sentence {
    /// A sentence of bare forms (every other column `_`, heads 0).
    pub fn from_forms<S: AsRef<str>>(forms: &[S]) -> Sentence {
        Sentence {
            comments: Vec::new(),
            words: forms
                .iter()
                .map(|f| Word {
                    form: f.as_ref().to_string(),
                    lemma: "_".into(),
                    upos: "_".into(),
                    xpos: "_".into(),
                    feats: "_".into(),
                    head: 0,
                    deprel: "_".into(),
                    misc: "_".into(),
                })
                .collect(),
        }
    }

    /// The forms as `&str`.
    pub fn forms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.form.as_str()).collect()
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the sentence has no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Errors in a CoNLL-U file.
#[derive(Debug, thiserror::Error)]
pub enum ConlluError {
    /// The file could not be read.
    #[error("{0}")]
    Io(#[from] io::Error),
    /// A line is malformed.
    #[error("line {line}: {message}")]
    Format {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Reads a CoNLL-U file.
pub fn read(path: &Path) -> Result<Vec<Sentence>, ConlluError> {
    parse(&std::fs::read_to_string(path)?)
}

/// Parses CoNLL-U text.
pub fn parse(text: &str) -> Result<Vec<Sentence>, ConlluError> {
    let mut out = Vec::new();
    let mut sent = Sentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !sent.words.is_empty() {
                out.push(std::mem::take(&mut sent));
            } else {
                sent.comments.clear();
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            sent.comments.push(c.trim_start().to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let err = |message: String| ConlluError::Format {
            line: n + 1,
            message,
        };
        if cols.len() != 10 {
            return Err(err(format!("{} columns, expected 10", cols.len())));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let id: usize = cols[0]
            .parse()
            .map_err(|_| err(format!("bad id {:?}", cols[0])))?;
        if id != sent.words.len() + 1 {
            return Err(err(format!("id {id} out of sequence")));
        }
        let head = if cols[6] == "_" {
            0
        } else {
            cols[6]
                .parse()
                .map_err(|_| err(format!("bad head {:?}", cols[6])))?
        };
        sent.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if !sent.words.is_empty() {
        out.push(sent);
    }
    for s in &out {
        if s.words.iter().any(|w| w.head > s.words.len()) {
            return Err(ConlluError::Format {
                line: 0,
                message: "a head points outside its sentence".into(),
            });
        }
    }
    Ok(out)
}

/// Writes sentences as CoNLL-U (DEPS written as `_`).
pub fn write(w: &mut dyn Write, sentences: &[Sentence]) -> io::Result<()> {
    for s in sentences {
        write_sentence(w, s)?;
    }
    Ok(())
}

/// Writes one sentence as CoNLL-U, followed by a blank line.
pub fn write_sentence(w: &mut dyn Write, s: &Sentence) -> io::Result<()> {
    for c in &s.comments {
        writeln!(w, "# {c}")?;
    }
    for (i, word) in s.words.iter().enumerate() {
        writeln!(
            w,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t{}",
            i + 1,
            field(&clean(&word.form)),
            field(&clean(&word.lemma)),
            field(&word.upos),
            field(&word.xpos),
            field(&word.feats),
            word.head,
            field(&word.deprel),
            field(&word.misc)
        )?;
    }
    writeln!(w)
}

/// A column's text, `_` when empty.
fn field(x: &str) -> &str {
    if x.is_empty() {
        "_"
    } else {
        x
    }
}

/// A form or lemma with tabs and line breaks replaced by spaces (they would break the format).
fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['\t', '\n', '\r']) {
        s.replace(['\t', '\n', '\r'], " ").into()
    } else {
        s.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# sent_id = a\n# text = Tom can't swim.\n1\tTom\tTom\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tca\tcan\tAUX\tMD\t_\t4\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n4\tswim\tswim\tVERB\tVB\t_\t0\troot\t_\t_\n4.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\tSpaceAfter=No\n\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n";

    #[test]
    fn reads_words_skipping_ranges_and_empty_nodes() {
        let s = parse(TEXT).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].comments, vec!["sent_id = a", "text = Tom can't swim."]);
        assert_eq!(s[0].forms(), vec!["Tom", "ca", "n't", "swim", "."]);
        assert_eq!(s[0].words[2].lemma, "not");
        assert_eq!(s[0].words[0].head, 4);
        assert_eq!(s[0].words[3].deprel, "root");
        assert_eq!(s[0].words[4].misc, "SpaceAfter=No");
        assert_eq!(s[1].words[0].upos, "INTJ");
    }

    #[test]
    fn write_read_round_trip() {
        let s = parse(TEXT).unwrap();
        let mut out = Vec::new();
        write(&mut out, &s).unwrap();
        assert_eq!(parse(std::str::from_utf8(&out).unwrap()).unwrap(), s);
    }

    #[test]
    fn rejects_bad_lines() {
        assert!(parse("1\tx\n").is_err());
        assert!(parse("1\ta\ta\tX\tX\t_\t5\tdep\t_\t_\n").is_err());
    }
}
