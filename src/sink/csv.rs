//! CSV rendering: the claim records flattened into one RFC 4180 row each, with a header.

use crate::claim::{ArticleRecord, ClaimRecord, DocOutput};
use crate::span::TextSpan;
use crate::speakers::SpeakerRecord;
use std::io;

/// Column names of `claims.csv`, in order.
pub const CSV_HEADER: [&str; 28] = [
    "claim_id",
    "doc_id",
    "kind",
    "cue_class",
    "headline",
    "speaker",
    "speaker_id",
    "speaker_type",
    "speaker_role",
    "speaker_start",
    "speaker_end",
    "speaker_text",
    "cue_start",
    "cue_end",
    "cue_text",
    "quote_start",
    "quote_end",
    "quote_text",
    "quote_fragments",
    "quote_content",
    "sentence_start",
    "sentence_end",
    "entities",
    "confidence",
    "title",
    "date",
    "source",
    "url",
];

/// Column names of `articles.csv`, in order.
pub const ARTICLES_HEADER: [&str; 11] = [
    "id", "title", "date", "source", "url", "chars", "words", "claims", "entities", "status",
    "reason",
];

/// A CSV header line.
pub fn render_header(columns: &[&str], out: &mut Vec<u8>) -> io::Result<()> {
    let mut writer = csv::WriterBuilder::new().from_writer(out);
    writer.write_record(columns)?;
    writer.flush()
}

/// A text cell that a spreadsheet will not run as a formula: one that begins with `=`, `+`,
/// `-`, `@`, a tab or a carriage return gets a leading apostrophe (OWASP's CSV-injection
/// advice). `=1+2` → `'=1+2`; numbers and other text are unchanged.
pub fn spreadsheet_safe(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}

/// Appends an article's `articles.csv` row to `out`.
pub fn render_article_row(row: &ArticleRecord, out: &mut Vec<u8>) -> io::Result<()> {
    let number = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    writer.write_record([
        spreadsheet_safe(row.id.clone()),
        spreadsheet_safe(opt(&row.title)),
        spreadsheet_safe(opt(&row.date)),
        spreadsheet_safe(opt(&row.source)),
        spreadsheet_safe(opt(&row.url)),
        number(row.chars),
        number(row.words),
        number(row.claims),
        number(row.entities),
        row.status.to_string(),
        spreadsheet_safe(opt(&row.reason)),
    ])?;
    writer.flush()
}

/// Appends an article's `claims.csv` rows to `out`.
pub fn render_rows(doc: &DocOutput, out: &mut Vec<u8>) -> io::Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    for c in &doc.claims {
        writer.write_record(csv_row(c).into_iter().map(spreadsheet_safe))?;
    }
    writer.flush()
}

fn span_fields(span: &Option<TextSpan>) -> [String; 3] {
    match span {
        Some(s) => [s.start.to_string(), s.end.to_string(), s.text.clone()],
        None => Default::default(),
    }
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

/// One CSV row for a claim, in [`CSV_HEADER`] order. Fragments are `start-end` joined by `;`,
/// entities `text|LABEL|start|end` joined by `; `.
pub fn csv_row(c: &ClaimRecord) -> Vec<String> {
    let [speaker_start, speaker_end, speaker_text] = span_fields(&c.speaker_mention);
    let [cue_start, cue_end, cue_text] = span_fields(&c.cue);
    let fragments = c
        .quote
        .fragments
        .as_ref()
        .map(|f| {
            f.iter()
                .map(|[s, e]| format!("{s}-{e}"))
                .collect::<Vec<_>>()
                .join(";")
        })
        .unwrap_or_default();
    let entities = c
        .entities
        .iter()
        .map(|e| format!("{}|{}|{}|{}", e.text, e.label.as_str(), e.start, e.end))
        .collect::<Vec<_>>()
        .join("; ");
    vec![
        c.claim_id.clone(),
        c.doc_id.clone(),
        c.kind.to_string(),
        c.cue_class.unwrap_or_default().to_string(),
        c.headline.to_string(),
        opt(&c.speaker),
        opt(&c.speaker_id),
        c.speaker_type
            .map(|l| l.as_str().to_string())
            .unwrap_or_default(),
        opt(&c.speaker_role),
        speaker_start,
        speaker_end,
        speaker_text,
        cue_start,
        cue_end,
        cue_text,
        c.quote.start.to_string(),
        c.quote.end.to_string(),
        c.quote.text.clone(),
        fragments,
        c.quote.content.clone(),
        c.sentence.start.to_string(),
        c.sentence.end.to_string(),
        entities,
        c.confidence.to_string(),
        opt(&c.meta.title),
        opt(&c.meta.date),
        opt(&c.meta.source),
        opt(&c.meta.url),
    ]
}

/// Column names of `speakers.csv`, in order.
pub const SPEAKERS_HEADER: [&str; 8] = [
    "speaker_id",
    "name",
    "type",
    "named",
    "aliases",
    "roles",
    "claims",
    "articles",
];

/// Writes the speakers table as CSV with a header; aliases and roles are joined by `; `.
pub fn render_speakers<W: io::Write>(rows: &[SpeakerRecord], out: W) -> io::Result<()> {
    let mut writer = csv::WriterBuilder::new().from_writer(out);
    writer.write_record(SPEAKERS_HEADER)?;
    for r in rows {
        writer.write_record(
            [
                r.speaker_id.clone(),
                r.name.clone(),
                r.label.clone().unwrap_or_default(),
                r.named.to_string(),
                r.aliases.join("; "),
                r.roles.join("; "),
                r.claims.to_string(),
                r.articles.to_string(),
            ]
            .map(spreadsheet_safe),
        )?;
    }
    writer.flush()
}
