//! Analyst-ready outputs, driven through the binary: the articles table lists every article
//! (with or without claims, and rejected ones), every JSONL record of a file has the same keys,
//! and no CSV cell can run as a spreadsheet formula.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn read_jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn keys(record: &Value) -> Vec<String> {
    record.as_object().unwrap().keys().cloned().collect()
}

/// Runs the seeds plus three articles of our own into a fresh dataset.
fn dataset(dir: &Path) -> PathBuf {
    let input = dir.join("in");
    std::fs::create_dir(&input).unwrap();
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, input.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(
        input.join("quiet.txt"),
        "The river rose by two metres overnight.",
    )
    .unwrap();
    std::fs::write(
        input.join("formulas.txt"),
        "“=1+2 is the answer,” Dana Pell said. “@everyone should vote,” she added. \
         “-5 degrees is normal here,” the mayor said on Monday.",
    )
    .unwrap();
    std::fs::write(input.join("empty.txt"), "").unwrap();
    let out = dir.join("out");
    let status = run_quietly(&input, &out, &[]);
    assert_eq!(status.code(), Some(2), "empty.txt is rejected");
    out
}

/// `claimex run INPUT --out OUT -q` with `extra` arguments.
fn run_quietly(input: &Path, out: &Path, extra: &[&str]) -> std::process::ExitStatus {
    Command::new(env!("CARGO_BIN_EXE_claimex"))
        .args([
            "run",
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "-q",
        ])
        .args(extra)
        .status()
        .unwrap()
}

#[test]
fn the_articles_table_lists_every_article_and_every_rejected_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = dataset(dir.path());
    let rows = read_jsonl(&out.join("articles.jsonl"));
    let status = |id: &str| {
        rows.iter().find(|r| r["id"] == id).map(|r| {
            (
                r["status"].as_str().unwrap().to_string(),
                r["claims"].clone(),
            )
        })
    };
    assert_eq!(rows.len(), 8, "{rows:?}");
    assert_eq!(status("quiet"), Some(("ok".into(), 0.into())));
    assert_eq!(status("formulas").map(|s| s.0), Some("ok".into()));
    assert_eq!(status("empty").map(|s| s.0), Some("rejected".into()));
    let claims = read_jsonl(&out.join("claims.jsonl"));
    for row in rows.iter().filter(|r| r["status"] == "ok") {
        let n = claims.iter().filter(|c| c["doc_id"] == row["id"]).count();
        assert_eq!(row["claims"].as_u64(), Some(n as u64), "{row}");
    }
    let csv = std::fs::read_to_string(out.join("articles.csv")).unwrap();
    assert_eq!(csv.lines().count(), rows.len() + 1);
}

#[test]
fn every_jsonl_record_of_a_file_has_the_same_keys() {
    let dir = tempfile::tempdir().unwrap();
    let out = dataset(dir.path());
    for name in [
        "claims.jsonl",
        "entities.jsonl",
        "articles.jsonl",
        "speakers.jsonl",
        "errors.jsonl",
    ] {
        let records = read_jsonl(&out.join(name));
        assert!(!records.is_empty(), "{name} is empty");
        let shapes: BTreeSet<Vec<String>> = records.iter().map(keys).collect();
        assert_eq!(
            shapes.len(),
            1,
            "{name} has records of different shapes: {shapes:?}"
        );
    }
}

#[test]
fn no_csv_cell_can_run_as_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    let out = dataset(dir.path());
    let quotes: Vec<String> = read_jsonl(&out.join("claims.jsonl"))
        .iter()
        .filter(|c| c["doc_id"] == "formulas")
        .map(|c| c["quote"]["text"].as_str().unwrap().to_string())
        .collect();
    for start in ["=1+2", "@everyone", "-5 degrees"] {
        assert!(
            quotes.iter().any(|q| q.starts_with(start)),
            "JSONL keeps {start:?} exact: {quotes:?}"
        );
    }
    for name in ["claims.csv", "articles.csv", "speakers.csv"] {
        let mut reader = csv::Reader::from_path(out.join(name)).unwrap();
        let mut guarded = 0;
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{name}: unguarded cell {cell:?}"
                );
                guarded += cell.starts_with("'=") as usize + cell.starts_with("'@") as usize;
            }
        }
        if name == "claims.csv" {
            assert!(guarded >= 2, "the formula-like quotes are guarded");
        }
    }
}

#[test]
fn parquet_tables_hold_the_jsonl_rows_with_integer_offsets() {
    use parquet::basic::Type;
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let dir = tempfile::tempdir().unwrap();
    let out = dataset(dir.path());
    for table in ["claims", "entities", "articles", "speakers"] {
        let jsonl = read_jsonl(&out.join(format!("{table}.jsonl")));
        let file = std::fs::File::open(out.join(format!("{table}.parquet"))).unwrap();
        let reader = SerializedFileReader::new(file).unwrap();
        let rows = reader.metadata().file_metadata().num_rows();
        assert_eq!(rows as usize, jsonl.len(), "{table}.parquet rows");
    }
    let file = std::fs::File::open(out.join("claims.parquet")).unwrap();
    let reader = SerializedFileReader::new(file).unwrap();
    let schema = reader.metadata().file_metadata().schema_descr();
    let columns: Vec<(String, Type)> = (0..schema.num_columns())
        .map(|i| {
            (
                schema.column(i).path().string(),
                schema.column(i).physical_type(),
            )
        })
        .collect();
    for offset in ["speaker_start", "cue_end", "quote_start", "sentence_end"] {
        assert!(
            columns.contains(&(offset.to_string(), Type::INT64)),
            "{offset}: {columns:?}"
        );
    }
    assert!(columns.contains(&("confidence".to_string(), Type::DOUBLE)));
    let csv_header = std::fs::read_to_string(out.join("claims.csv")).unwrap();
    let csv_columns: Vec<&str> = csv_header.lines().next().unwrap().split(',').collect();
    let top_level: Vec<String> = columns
        .iter()
        .map(|(path, _)| path.split('.').next().unwrap().to_string())
        .fold(Vec::new(), |mut names, name| {
            if names.last() != Some(&name) {
                names.push(name);
            }
            names
        });
    assert_eq!(
        top_level, csv_columns,
        "the Parquet and CSV columns are the same, in order"
    );
}

#[test]
fn claims_below_the_minimum_confidence_are_left_out_unless_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("unsure.txt");
    std::fs::write(
        &input,
        "The group issued a statement that, while condemning violence, accused the Democratic \
         leadership in Nevada of using ''its power to prevent a fair process from taking place.''",
    )
    .unwrap();
    let confidences = |min: &str| {
        let out = dir.path().join(format!("out{min}"));
        assert!(run_quietly(&input, &out, &["--min-confidence", min]).success());
        read_jsonl(&out.join("claims.jsonl"))
            .iter()
            .map(|c| c["confidence"].as_f64().unwrap())
            .collect::<Vec<f64>>()
    };
    let all = confidences("0");
    assert!(all.iter().any(|&p| p < 0.2), "{all:?}");
    let kept = confidences("0.2");
    assert!(kept.iter().all(|&p| p >= 0.2), "{kept:?}");
    assert_eq!(kept.len(), all.iter().filter(|&&p| p >= 0.2).count());
}
