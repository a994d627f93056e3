//! JSON Lines rendering: claims, entities and rejected inputs, one JSON object per line.

use std::io::{self, Write};

use crate::article::{Article, Meta};
use crate::claim::DocOutput;
use crate::ingest::InputError;
use crate::speakers::SpeakerRecord;

/// Appends one record as a JSON line to `w`.
pub fn render_line<W: Write, T: serde::Serialize>(record: &T, w: &mut W) -> io::Result<()> {
    write_line(w, record)
}

fn write_line<W: Write, T: serde::Serialize>(w: &mut W, record: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *w, record)?;
    w.write_all(b"\n")
}

/// Appends an article's `claims.jsonl` lines to `out`.
pub fn render_claims<W: Write>(doc: &DocOutput, out: &mut W) -> io::Result<()> {
    doc.claims.iter().try_for_each(|c| write_line(out, c))
}

/// Appends an article's `entities.jsonl` lines to `out`.
pub fn render_entities<W: Write>(doc: &DocOutput, out: &mut W) -> io::Result<()> {
    doc.entities.iter().try_for_each(|e| write_line(out, e))
}

/// Appends the `errors.jsonl` line of a rejected input to `out`.
pub fn render_error<W: Write>(error: &InputError, out: &mut W) -> io::Result<()> {
    write_line(out, error)
}

/// An article as the dataset keeps it: a record of claimex's JSONL input format.
#[derive(serde::Serialize)]
struct ArticleRecord<'a> {
    id: &'a str,
    text: &'a str,
    #[serde(flatten)]
    meta: &'a Meta,
}

/// Appends an article's id, text and metadata as one JSONL input record to `out`.
pub fn render_article<W: Write>(article: &Article, out: &mut W) -> io::Result<()> {
    write_line(
        out,
        &ArticleRecord {
            id: &article.id,
            text: &article.text,
            meta: &article.meta,
        },
    )
}

/// Writes the speakers table as JSON Lines.
pub fn render_speakers<W: Write>(rows: &[SpeakerRecord], out: &mut W) -> io::Result<()> {
    rows.iter().try_for_each(|r| write_line(out, r))
}
