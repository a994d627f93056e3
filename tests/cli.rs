//! Drives the real `claimex` binary end to end on the bundled seeds.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn claimex(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimex"))
        .args(args)
        .output()
        .expect("claimex runs")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

/// Python's `text[start:end]`: a slice in Unicode characters.
fn char_slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

fn seed_texts() -> std::collections::HashMap<String, String> {
    std::fs::read_dir(root().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

fn assert_span(text: &str, span: &Value, what: &str) {
    let start = span["start"].as_u64().unwrap() as usize;
    let end = span["end"].as_u64().unwrap() as usize;
    assert!(
        start <= end && end <= text.chars().count(),
        "{what}: bad range {span}"
    );
    if let Some(expected) = span.get("text") {
        assert_eq!(
            char_slice(text, start, end),
            expected.as_str().unwrap(),
            "{what}: {span}"
        );
    }
}

fn run_seeds(out: &Path, threads: &str) -> Output {
    let output = claimex(&[
        "run",
        root().join("seeds").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--threads",
        threads,
        "--quiet",
    ]);
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

#[test]
fn run_on_seeds_writes_five_files_with_exact_spans() {
    let dir = tempfile::tempdir().unwrap();
    run_seeds(dir.path(), "2");
    for f in [
        "claims.jsonl",
        "claims.csv",
        "entities.jsonl",
        "errors.jsonl",
        "run.json",
    ] {
        assert!(dir.path().join(f).is_file(), "{f} missing");
    }
    let texts = seed_texts();
    let claims = read_jsonl(&dir.path().join("claims.jsonl"));
    assert!(
        claims.len() >= 25,
        "only {} claims on the seeds",
        claims.len()
    );
    for c in &claims {
        let text = &texts[c["doc_id"].as_str().unwrap()];
        assert_span(text, &c["quote"], "quote");
        for key in ["speaker_mention", "cue"] {
            if !c[key].is_null() {
                assert_span(text, &c[key], key);
            }
        }
        assert_span(text, &c["sentence"], "sentence");
        for e in c["entities"].as_array().unwrap() {
            assert_span(text, e, "claim entity");
        }
        let content = c["quote"]["content"].as_str().unwrap();
        if let Some(fragments) = c["quote"]["fragments"].as_array() {
            let words: Vec<String> = fragments
                .iter()
                .map(|f| {
                    let (s, e) = (f[0].as_u64().unwrap(), f[1].as_u64().unwrap());
                    text.chars()
                        .skip(s as usize)
                        .take((e - s) as usize)
                        .collect()
                })
                .collect();
            assert_eq!(
                content,
                words.join(" ").as_str(),
                "content of {}",
                c["claim_id"]
            );
            for f in fragments {
                let (s, e) = (f[0].as_u64().unwrap(), f[1].as_u64().unwrap());
                assert!(
                    c["quote"]["start"].as_u64().unwrap() <= s
                        && e <= c["quote"]["end"].as_u64().unwrap()
                );
            }
        } else {
            assert_eq!(content, c["quote"]["text"].as_str().unwrap());
        }
        assert!(["direct", "indirect", "mixed"].contains(&c["kind"].as_str().unwrap()));
        let confidence = c["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&confidence));
    }
    let entities = read_jsonl(&dir.path().join("entities.jsonl"));
    assert!(!entities.is_empty());
    for e in &entities {
        assert_span(&texts[e["doc_id"].as_str().unwrap()], e, "entity");
    }
    // Boilerplate never yields claims or entities.
    for e in entities.iter().chain(claims.iter().map(|c| &c["quote"])) {
        let t = e["text"].as_str().unwrap();
        for junk in [
            "TELEGRAM",
            "Akismet",
            "Ctrl + Enter",
            "Related Posts",
            "data:image",
        ] {
            assert!(!t.contains(junk), "boilerplate in output: {t}");
        }
    }
    let run: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("run.json")).unwrap())
            .unwrap();
    assert_eq!(run["articles"], 5);
    assert_eq!(run["claims"].as_u64().unwrap() as usize, claims.len());
    assert!(run["words_per_second"].as_f64().unwrap() > 0.0);
    assert!(std::fs::read_to_string(dir.path().join("errors.jsonl"))
        .unwrap()
        .is_empty());
}

#[test]
fn every_speaker_id_is_in_the_speakers_table() {
    let dir = tempfile::tempdir().unwrap();
    run_seeds(dir.path(), "2");
    let table = read_jsonl(&dir.path().join("speakers.jsonl"));
    let ids: std::collections::BTreeSet<&str> = table
        .iter()
        .map(|s| s["speaker_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), table.len(), "one row per id");
    let claims = read_jsonl(&dir.path().join("claims.jsonl"));
    let mut counted = std::collections::BTreeMap::<&str, u64>::new();
    for c in &claims {
        match c["speaker"].as_str() {
            Some(_) => {
                let id = c["speaker_id"].as_str().expect("a speaker has an id");
                assert!(ids.contains(id), "{id} not in speakers.jsonl");
                *counted.entry(id).or_default() += 1;
            }
            None => assert!(c["speaker_id"].is_null()),
        }
    }
    for row in &table {
        let id = row["speaker_id"].as_str().unwrap();
        assert_eq!(row["claims"].as_u64(), counted.get(id).copied(), "{id}");
    }
    let csv_rows = std::fs::read_to_string(dir.path().join("speakers.csv")).unwrap();
    assert_eq!(csv_rows.lines().count(), table.len() + 1);
}

#[test]
fn csv_has_the_same_rows_as_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    run_seeds(dir.path(), "1");
    let claims = read_jsonl(&dir.path().join("claims.jsonl"));
    let mut reader = csv::Reader::from_path(dir.path().join("claims.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), claims.len());
    for (row, c) in rows.iter().zip(&claims) {
        assert_eq!(&row[col("claim_id")], c["claim_id"].as_str().unwrap());
        assert_eq!(
            &row[col("quote_text")],
            c["quote"]["text"].as_str().unwrap()
        );
        assert_eq!(
            row[col("quote_start")].parse::<u64>().unwrap(),
            c["quote"]["start"].as_u64().unwrap()
        );
        assert_eq!(&row[col("speaker")], c["speaker"].as_str().unwrap_or(""));
    }
}

#[test]
fn output_is_identical_at_any_thread_count() {
    let one = tempfile::tempdir().unwrap();
    let two = tempfile::tempdir().unwrap();
    run_seeds(one.path(), "1");
    run_seeds(two.path(), "2");
    for f in [
        "claims.jsonl",
        "claims.csv",
        "entities.jsonl",
        "errors.jsonl",
    ] {
        assert_eq!(
            std::fs::read(one.path().join(f)).unwrap(),
            std::fs::read(two.path().join(f)).unwrap(),
            "{f} differs"
        );
    }
}

#[test]
fn bad_inputs_are_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(
        input.join("good.txt"),
        "“We will win,” the minister said. Officials said talks would resume.",
    )
    .unwrap();
    std::fs::write(input.join("bad.txt"), [0xc3, 0x28, b'x']).unwrap();
    std::fs::write(input.join("empty.txt"), "").unwrap();
    let jsonl = dir.path().join("more.jsonl");
    std::fs::write(&jsonl, "{\"id\":\"a1\",\"text\":\"Lavrov said he was ready.\",\"source\":\"wire\"}\nnot json\n{\"id\":\"a2\"}\n").unwrap();
    let out = dir.path().join("out");
    let output = claimex(&[
        "run",
        input.to_str().unwrap(),
        jsonl.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "some inputs rejected → exit 2"
    );
    let errors = read_jsonl(&out.join("errors.jsonl"));
    assert_eq!(errors.len(), 4, "{errors:?}");
    assert!(errors
        .iter()
        .any(|e| e["file"].as_str().unwrap().ends_with("bad.txt")
            && e["level"] == "warning"
            && e["reason"].as_str().unwrap().contains("Windows-1252")));
    assert_eq!(errors.iter().filter(|e| e["level"] == "error").count(), 3);
    assert!(errors
        .iter()
        .any(|e| e["line"] == 2 && e["reason"].as_str().unwrap().contains("malformed JSON")));
    assert!(errors
        .iter()
        .any(|e| e["line"] == 3 && e["reason"].as_str().unwrap().contains("text")));
    let claims = read_jsonl(&out.join("claims.jsonl"));
    assert!(claims.iter().any(|c| c["doc_id"] == "good"));
    let a1: Vec<&Value> = claims.iter().filter(|c| c["doc_id"] == "a1").collect();
    assert_eq!(a1.len(), 1);
    assert_eq!(a1[0]["speaker"], "Lavrov");
    assert_eq!(a1[0]["source"], "wire");
    // Temporary files never remain.
    assert!(std::fs::read_dir(&out).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .ends_with(".tmp")));
}

#[test]
fn csv_input_with_embedded_quotes_and_newlines() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles.csv");
    std::fs::write(
        &input,
        "id,text,title\nc1,\"“It is over,” Smith said.\nThe end.\",Headline\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let output = claimex(&[
        "run",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "-q",
    ]);
    assert!(output.status.success());
    let claims = read_jsonl(&out.join("claims.jsonl"));
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0]["quote"]["text"], "It is over");
    assert_eq!(claims[0]["speaker"], "Smith");
    assert_eq!(claims[0]["title"], "Headline");
}

/// A claim in the headline (a title-case first paragraph, or one equal to the `title`) is
/// flagged in JSONL and CSV; a body claim, or the same first line without a title, is not.
#[test]
fn headline_claims_are_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles.jsonl");
    let okoro = "Okoro says the bridge will close.\n\nRavi Okoro, the mayor, said the bridge would close next week.\n";
    let rows = [
        serde_json::json!({"id": "quill", "text": "Quill Says: Harbour Will Close\n\nMayor Ann Quill said the harbour would close in May.\n"}),
        serde_json::json!({"id": "titled", "title": "Okoro says the bridge will close", "text": okoro}),
        serde_json::json!({"id": "untitled", "text": okoro}),
    ];
    let lines: Vec<String> = rows.iter().map(Value::to_string).collect();
    std::fs::write(&input, lines.join("\n")).unwrap();
    let out = dir.path().join("out");
    let output = claimex(&[
        "run",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "-q",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let claims = read_jsonl(&out.join("claims.jsonl"));
    let flags: Vec<(&str, bool)> = claims
        .iter()
        .map(|c| {
            (
                c["claim_id"].as_str().unwrap(),
                c["headline"].as_bool().unwrap(),
            )
        })
        .collect();
    let expected = [
        ("quill#1", true),
        ("quill#2", false),
        ("titled#1", true),
        ("titled#2", false),
        ("untitled#1", false),
        ("untitled#2", false),
    ];
    assert_eq!(flags, expected);
    assert_eq!(claims[0]["quote"]["text"], "Harbour Will Close");
    let mut reader = csv::Reader::from_path(out.join("claims.csv")).unwrap();
    let col = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "headline")
        .unwrap();
    let cells: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[col].to_string())
        .collect();
    assert_eq!(cells, expected.map(|(_, h)| h.to_string()));
}

#[test]
fn eval_scores_the_seeds_against_their_gold() {
    let dir = tempfile::tempdir().unwrap();
    run_seeds(dir.path(), "2");
    let pred = dir.path().join("claims.jsonl");
    let gold = root().join("data/seeds.gold.jsonl");
    let output = claimex(&[
        "eval",
        "--gold",
        gold.to_str().unwrap(),
        "--pred",
        pred.to_str().unwrap(),
        "--json",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let f1 = report["all"]["claim_f1"].as_f64().unwrap();
    assert!(f1 >= 0.90, "seeds claim F1 {f1} below 0.90");
}

#[test]
fn missing_input_is_a_fatal_error_that_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let output = claimex(&[
        "run",
        "/nonexistent/articles.txt",
        "--out",
        dir.path().to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("/nonexistent/articles.txt: no such file or directory"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// `ner train` then `ner eval` against a gold file that differs from the training labels in a
/// known way: the scores must be the hand-computed ones.
#[test]
fn ner_train_and_eval_match_a_hand_computed_case() {
    let dir = tempfile::tempdir().unwrap();
    let train = "-DOCSTART- O\n\nAnna B-PER\nLind I-PER\nvisited O\nOslo B-LOC\n. O\n\nShe O\njoined O\nNordvik B-ORG\nBank I-ORG\n. O\n\n\
                 -DOCSTART- O\n\nAnna B-PER\nLind I-PER\nleft O\nOslo B-LOC\n. O\n\nNordvik B-ORG\nBank I-ORG\ngrew O\n. O\n\n";
    std::fs::write(dir.path().join("train.txt"), train).unwrap();
    let model = dir.path().join("m.bin");
    let out = claimex(&[
        "ner",
        "train",
        "--train",
        dir.path().join("train.txt").to_str().unwrap(),
        "--out",
        model.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Gold: the first "Oslo" is called ORG and "Nordvik Bank" in the last sentence is unlabelled.
    // If the model reproduces its training labels: 6 predicted spans (its training spans), 5 gold
    // (one removed), 4 correct (the retyped Oslo and the removed bank are wrong).
    let gold = train
        .replacen("Oslo B-LOC", "Oslo B-ORG", 1)
        .replace("Nordvik B-ORG\nBank I-ORG\ngrew", "Nordvik O\nBank O\ngrew");
    std::fs::write(dir.path().join("gold.txt"), gold).unwrap();
    let predictions = dir.path().join("pred.txt");
    let out = claimex(&[
        "ner",
        "eval",
        dir.path().join("gold.txt").to_str().unwrap(),
        "--model",
        model.to_str().unwrap(),
        "--json",
        "--predictions",
        predictions.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let overall = &report["overall"];
    assert_eq!(
        (
            overall["gold"].as_u64(),
            overall["predicted"].as_u64(),
            overall["correct"].as_u64()
        ),
        (Some(5), Some(6), Some(4))
    );
    let f1 = overall["f1"].as_f64().unwrap();
    let expected = 2.0 * (4.0 / 6.0) * (4.0 / 5.0) / (4.0 / 6.0 + 4.0 / 5.0);
    assert!((f1 - expected).abs() < 1e-9, "{f1} vs {expected}");
    assert_eq!(report["per_type"]["LOC"]["gold"], 1);
    let lines = std::fs::read_to_string(predictions).unwrap();
    assert!(
        lines.starts_with("Anna B-PER B-PER\nLind I-PER I-PER\n"),
        "{lines}"
    );
    assert!(lines.contains("Oslo B-ORG B-LOC"));
}

#[test]
fn ner_tag_tags_raw_text_with_the_embedded_model() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(
        &input,
        "Russian Foreign Minister Sergey Lavrov met Wang Yi in Beijing.\nHe left.",
    )
    .unwrap();
    let out = claimex(&["ner", "tag", input.to_str().unwrap()]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Sergey\tB-PER\nLavrov\tI-PER\n"), "{text}");
    assert!(text.contains("Beijing\tB-LOC\n"), "{text}");
    assert_eq!(
        text.split("\n\n").filter(|s| !s.trim().is_empty()).count(),
        2,
        "two sentences"
    );
}

#[test]
fn jsonl_on_standard_input() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimex"))
        .args(["run", "-", "--out", out.to_str().unwrap(), "-q"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all("{\"id\":\"s1\",\"text\":\"“We will win,” Smith said.\"}\n{\"id\":\"s2\",\"text\":\"\"}\n".as_bytes()).unwrap();
    drop(stdin);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(2));
    let claims = read_jsonl(&out.join("claims.jsonl"));
    assert_eq!(claims.len(), 1);
    assert_eq!(
        (
            claims[0]["speaker"].as_str(),
            claims[0]["quote"]["text"].as_str()
        ),
        (Some("Smith"), Some("We will win"))
    );
    let errors = read_jsonl(&out.join("errors.jsonl"));
    assert_eq!(
        (errors[0]["file"].as_str(), errors[0]["line"].as_u64()),
        (Some("-"), Some(2))
    );
}
