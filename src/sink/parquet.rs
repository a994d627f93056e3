//! Parquet copies of the dataset's tables (`claims`, `entities`, `articles`, `speakers`), with
//! real types: integer offsets (nullable), float confidence, booleans, and list/struct columns
//! for fragments, claim entities, aliases and roles. Each table is declared as rows of
//! (column, where it is in the JSONL record, type), and filled by streaming the JSONL file, so
//! the Parquet file holds exactly the JSONL records, in order.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::Path;
use std::sync::Arc;

use arrow_array::builder::{
    ArrayBuilder, BooleanBuilder, Float64Builder, Int64Builder, ListBuilder, StringBuilder,
    StructBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Fields, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use serde_json::Value;

/// Rows per record batch.
const BATCH_ROWS: usize = 8192;
/// Rows per Parquet row group: the writer holds one group in memory.
const GROUP_ROWS: usize = 16_384;

/// A column's type, and how to read it from a JSONL record.
#[derive(Clone, Copy)]
pub(crate) enum Kind {
    /// A string (null when absent).
    Text,
    /// A 64-bit integer (null when absent).
    Int,
    /// A 64-bit float.
    Float,
    /// A boolean.
    Bool,
    /// A list of strings.
    TextList,
    /// `[[start, end], …]` → a list of `{start, end}`.
    Ranges,
    /// `[{start, end, text, label}, …]` → a list of those structs.
    Mentions,
}

/// One column: its name, the JSON pointer of its value in a record, its type.
pub(crate) type Column = (&'static str, &'static str, Kind);

/// The claims table, in the order of `claims.csv`.
const CLAIMS: &[Column] = &[
    ("claim_id", "/claim_id", Kind::Text),
    ("doc_id", "/doc_id", Kind::Text),
    ("kind", "/kind", Kind::Text),
    ("cue_class", "/cue_class", Kind::Text),
    ("headline", "/headline", Kind::Bool),
    ("speaker", "/speaker", Kind::Text),
    ("speaker_id", "/speaker_id", Kind::Text),
    ("speaker_type", "/speaker_type", Kind::Text),
    ("speaker_role", "/speaker_role", Kind::Text),
    ("speaker_start", "/speaker_mention/start", Kind::Int),
    ("speaker_end", "/speaker_mention/end", Kind::Int),
    ("speaker_text", "/speaker_mention/text", Kind::Text),
    ("cue_start", "/cue/start", Kind::Int),
    ("cue_end", "/cue/end", Kind::Int),
    ("cue_text", "/cue/text", Kind::Text),
    ("quote_start", "/quote/start", Kind::Int),
    ("quote_end", "/quote/end", Kind::Int),
    ("quote_text", "/quote/text", Kind::Text),
    ("quote_fragments", "/quote/fragments", Kind::Ranges),
    ("quote_content", "/quote/content", Kind::Text),
    ("sentence_start", "/sentence/start", Kind::Int),
    ("sentence_end", "/sentence/end", Kind::Int),
    ("entities", "/entities", Kind::Mentions),
    ("confidence", "/confidence", Kind::Float),
    ("title", "/title", Kind::Text),
    ("date", "/date", Kind::Text),
    ("source", "/source", Kind::Text),
    ("url", "/url", Kind::Text),
];

/// The entity mentions table.
const ENTITIES: &[Column] = &[
    ("doc_id", "/doc_id", Kind::Text),
    ("start", "/start", Kind::Int),
    ("end", "/end", Kind::Int),
    ("text", "/text", Kind::Text),
    ("label", "/label", Kind::Text),
];

/// The articles table, in the order of `articles.csv`.
const ARTICLES: &[Column] = &[
    ("id", "/id", Kind::Text),
    ("title", "/title", Kind::Text),
    ("date", "/date", Kind::Text),
    ("source", "/source", Kind::Text),
    ("url", "/url", Kind::Text),
    ("chars", "/chars", Kind::Int),
    ("words", "/words", Kind::Int),
    ("claims", "/claims", Kind::Int),
    ("entities", "/entities", Kind::Int),
    ("status", "/status", Kind::Text),
    ("reason", "/reason", Kind::Text),
];

/// The speakers table, in the order of `speakers.csv`.
const SPEAKERS: &[Column] = &[
    ("speaker_id", "/speaker_id", Kind::Text),
    ("name", "/name", Kind::Text),
    ("type", "/type", Kind::Text),
    ("named", "/named", Kind::Bool),
    ("aliases", "/aliases", Kind::TextList),
    ("roles", "/roles", Kind::TextList),
    ("claims", "/claims", Kind::Int),
    ("articles", "/articles", Kind::Int),
];

/// The Parquet file of each JSONL table, with its columns.
pub(crate) const TABLES: [(&str, &str, &[Column]); 4] = [
    ("claims.jsonl", "claims.parquet", CLAIMS),
    ("entities.jsonl", "entities.parquet", ENTITIES),
    ("articles.jsonl", "articles.parquet", ARTICLES),
    ("speakers.jsonl", "speakers.parquet", SPEAKERS),
];

fn range_fields() -> Fields {
    Fields::from(vec![
        Field::new("start", DataType::Int64, false),
        Field::new("end", DataType::Int64, false),
    ])
}

fn mention_fields() -> Fields {
    Fields::from(vec![
        Field::new("start", DataType::Int64, false),
        Field::new("end", DataType::Int64, false),
        Field::new("text", DataType::Utf8, false),
        Field::new("label", DataType::Utf8, false),
    ])
}

/// A builder for one column of a record batch.
fn builder(kind: Kind) -> Box<dyn ArrayBuilder> {
    match kind {
        Kind::Text => Box::new(StringBuilder::new()),
        Kind::Int => Box::new(Int64Builder::new()),
        Kind::Float => Box::new(Float64Builder::new()),
        Kind::Bool => Box::new(BooleanBuilder::new()),
        Kind::TextList => Box::new(ListBuilder::new(StringBuilder::new())),
        Kind::Ranges => Box::new(ListBuilder::new(StructBuilder::from_fields(
            range_fields(),
            0,
        ))),
        Kind::Mentions => Box::new(ListBuilder::new(StructBuilder::from_fields(
            mention_fields(),
            0,
        ))),
    }
}

fn downcast<T: 'static>(b: &mut Box<dyn ArrayBuilder>) -> io::Result<&mut T> {
    b.as_any_mut()
        .downcast_mut::<T>()
        .ok_or_else(|| io::Error::other("Parquet column builder of the wrong type"))
}

/// Appends a record's value (or null) to a column's builder.
fn append(b: &mut Box<dyn ArrayBuilder>, kind: Kind, value: Option<&Value>) -> io::Result<()> {
    let value = value.filter(|v| !v.is_null());
    match kind {
        Kind::Text => downcast::<StringBuilder>(b)?.append_option(value.and_then(Value::as_str)),
        Kind::Int => downcast::<Int64Builder>(b)?.append_option(value.and_then(Value::as_i64)),
        Kind::Float => downcast::<Float64Builder>(b)?.append_option(value.and_then(Value::as_f64)),
        Kind::Bool => downcast::<BooleanBuilder>(b)?.append_option(value.and_then(Value::as_bool)),
        Kind::TextList => {
            let list = downcast::<ListBuilder<StringBuilder>>(b)?;
            for item in value.and_then(Value::as_array).into_iter().flatten() {
                list.values().append_option(item.as_str());
            }
            list.append(value.is_some());
        }
        Kind::Ranges | Kind::Mentions => {
            let list = downcast::<ListBuilder<StructBuilder>>(b)?;
            for item in value.and_then(Value::as_array).into_iter().flatten() {
                append_struct(list.values(), kind, item)?;
            }
            list.append(value.is_some());
        }
    }
    Ok(())
}

/// Appends one `[start, end]` range or `{start, end, text, label}` mention.
fn append_struct(s: &mut StructBuilder, kind: Kind, item: &Value) -> io::Result<()> {
    let missing = || io::Error::other("Parquet struct field builder missing");
    let (start, end) = match kind {
        Kind::Ranges => (&item[0], &item[1]),
        _ => (&item["start"], &item["end"]),
    };
    for (i, v) in [start, end].into_iter().enumerate() {
        let field = s.field_builder::<Int64Builder>(i).ok_or_else(missing)?;
        field.append_value(v.as_i64().unwrap_or(0));
    }
    if let Kind::Mentions = kind {
        for (i, key) in [(2, "text"), (3, "label")] {
            let field = s.field_builder::<StringBuilder>(i).ok_or_else(missing)?;
            field.append_value(item[key].as_str().unwrap_or(""));
        }
    }
    s.append(true);
    Ok(())
}

fn schema(columns: &[Column]) -> Arc<Schema> {
    let field = |(name, _, kind): &Column| {
        let item = |t: DataType| Arc::new(Field::new("item", t, true));
        let data_type = match kind {
            Kind::Text => DataType::Utf8,
            Kind::Int => DataType::Int64,
            Kind::Float => DataType::Float64,
            Kind::Bool => DataType::Boolean,
            Kind::TextList => DataType::List(item(DataType::Utf8)),
            Kind::Ranges => DataType::List(item(DataType::Struct(range_fields()))),
            Kind::Mentions => DataType::List(item(DataType::Struct(mention_fields()))),
        };
        Field::new(*name, data_type, true)
    };
    Arc::new(Schema::new(columns.iter().map(field).collect::<Vec<_>>()))
}

/// Converts the JSONL table at `jsonl` into Parquet on `out`; returns the rows written.
pub(crate) fn write_table<W: Write + Send>(
    jsonl: &Path,
    columns: &[Column],
    out: W,
) -> io::Result<u64> {
    let schema = schema(columns);
    let properties = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_row_count(Some(GROUP_ROWS))
        .set_created_by(format!("claimex {}", env!("CARGO_PKG_VERSION")))
        .build();
    let mut writer = ArrowWriter::try_new(out, Arc::clone(&schema), Some(properties))
        .map_err(io::Error::other)?;
    let mut builders: Vec<Box<dyn ArrayBuilder>> =
        columns.iter().map(|(_, _, kind)| builder(*kind)).collect();
    let mut rows = 0;
    let mut pending = 0;
    for line in BufReader::new(File::open(jsonl)?).lines() {
        let record: Value = serde_json::from_str(&line?)?;
        for ((_, pointer, kind), b) in columns.iter().zip(&mut builders) {
            append(b, *kind, field(&record, pointer))?;
        }
        rows += 1;
        pending += 1;
        if pending == BATCH_ROWS {
            flush(&mut writer, &schema, &mut builders)?;
            pending = 0;
        }
    }
    if pending > 0 {
        flush(&mut writer, &schema, &mut builders)?;
    }
    writer.close().map_err(io::Error::other)?;
    Ok(rows)
}

/// The value at a column's pointer ("/cue/start"): object keys only, so unlike
/// `Value::pointer` no key is unescaped into a new string on every lookup.
fn field<'v>(record: &'v Value, pointer: &str) -> Option<&'v Value> {
    pointer
        .split('/')
        .skip(1)
        .try_fold(record, |value, key| value.get(key))
}

fn flush<W: Write + Send>(
    writer: &mut ArrowWriter<W>,
    schema: &Arc<Schema>,
    builders: &mut [Box<dyn ArrayBuilder>],
) -> io::Result<()> {
    let arrays: Vec<ArrayRef> = builders.iter_mut().map(|b| b.finish()).collect();
    let batch = RecordBatch::try_new(Arc::clone(schema), arrays).map_err(io::Error::other)?;
    writer.write(&batch).map_err(io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};

    #[test]
    fn a_jsonl_table_becomes_typed_parquet_with_the_same_rows() {
        let dir = tempfile::tempdir().unwrap();
        let jsonl = dir.path().join("claims.jsonl");
        let record = serde_json::json!({
            "claim_id": "a#1", "doc_id": "a", "kind": "direct", "cue_class": null,
            "headline": true, "speaker": null, "speaker_id": null, "speaker_type": null, "speaker_role": null,
            "speaker_mention": null, "cue": null,
            "quote": {"start": 1, "end": 9, "text": "=1+2 now", "fragments": [[1, 3], [5, 9]]},
            "sentence": {"start": 0, "end": 10},
            "entities": [{"start": 1, "end": 3, "text": "=1", "label": "MISC"}],
            "confidence": 0.5, "title": null, "date": null, "source": null, "url": null,
        });
        std::fs::write(&jsonl, format!("{record}\n{record}\n")).unwrap();
        let path = dir.path().join("claims.parquet");
        let rows = write_table(&jsonl, CLAIMS, File::create(&path).unwrap()).unwrap();
        assert_eq!(rows, 2);
        let reader = SerializedFileReader::new(File::open(&path).unwrap()).unwrap();
        assert_eq!(reader.metadata().file_metadata().num_rows(), 2);
        let schema = reader.metadata().file_metadata().schema_descr();
        let column = |name: &str| {
            (0..schema.num_columns())
                .map(|i| schema.column(i))
                .find(|c| c.path().string() == name)
                .map(|c| c.physical_type())
        };
        assert_eq!(column("quote_start"), Some(parquet::basic::Type::INT64));
        assert_eq!(column("confidence"), Some(parquet::basic::Type::DOUBLE));
        assert_eq!(column("headline"), Some(parquet::basic::Type::BOOLEAN));
        assert_eq!(column("speaker_start"), Some(parquet::basic::Type::INT64));
        assert!(column("quote_fragments.list.item.start").is_some());
        assert!(column("entities.list.item.label").is_some());
    }
}
