//! The transformer NER backend (feature `transformer`) end to end with the tiny fixture model in
//! tests/fixtures/ner-tiny-bert: `claimex run --ner-model` and `claimex ner eval --ner-model`.
#![cfg(feature = "transformer")]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture_model() -> PathBuf {
    root().join("tests/fixtures/ner-tiny-bert")
}

fn claimex(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimex"))
        .args(args)
        .output()
        .expect("claimex runs")
}

fn succeeded(output: &Output) {
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn run_seeds(out: &Path, threads: &str, model: Option<&Path>) {
    run_seeds_with(out, threads, model, &[]);
}

fn run_seeds_with(out: &Path, threads: &str, model: Option<&Path>, extra: &[&str]) {
    let mut args = vec![
        "run".to_string(),
        root().join("seeds").display().to_string(),
        "--out".to_string(),
        out.display().to_string(),
        "--threads".to_string(),
        threads.to_string(),
        "--quiet".to_string(),
    ];
    if let Some(model) = model {
        args.extend(["--ner-model".to_string(), model.display().to_string()]);
    }
    let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
    args.extend(extra);
    succeeded(&claimex(&args));
}

fn read_jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

/// File name → the sorted key sets of its JSON Lines records.
fn schema(dir: &Path) -> BTreeMap<String, BTreeSet<Vec<String>>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let keys = match path.extension().and_then(|e| e.to_str()) {
            Some("jsonl") => read_jsonl(&path)
                .iter()
                .skip(usize::from(name == "manifest.jsonl"))
                .map(|r| r.as_object().unwrap().keys().cloned().collect())
                .collect(),
            _ => BTreeSet::new(),
        };
        out.insert(name, keys);
    }
    out
}

fn seed_texts() -> BTreeMap<String, String> {
    std::fs::read_dir(root().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            (id, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// Every entity's character offsets slice its seed article back to its text; its label is a
/// CoNLL type.
fn assert_seed_entities_slice(entities: &[Value]) {
    let texts = seed_texts();
    for e in entities {
        let text = &texts[e["doc_id"].as_str().unwrap()];
        let (start, end) = (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap());
        let slice: String = text
            .chars()
            .skip(start as usize)
            .take((end - start) as usize)
            .collect();
        assert_eq!(slice, e["text"].as_str().unwrap(), "{e}");
        assert!(["PER", "ORG", "LOC", "MISC"].contains(&e["label"].as_str().unwrap()));
    }
}

#[test]
fn transformer_run_on_seeds_gives_exact_spans_and_the_default_schema() {
    let dir = tempfile::tempdir().unwrap();
    let (default, transformer) = (dir.path().join("default"), dir.path().join("transformer"));
    run_seeds(&default, "2", None);
    run_seeds(&transformer, "2", Some(&fixture_model()));
    assert_eq!(schema(&default), schema(&transformer));

    let entities = read_jsonl(&transformer.join("entities.jsonl"));
    assert!(!entities.is_empty(), "the fixture model finds no entity");
    assert_seed_entities_slice(&entities);

    let run: Value =
        serde_json::from_str(&std::fs::read_to_string(transformer.join("run.json")).unwrap())
            .unwrap();
    let ner = run["models"][0].as_str().unwrap();
    assert!(
        ner.starts_with("ner:ner-transformer-bert-ner-tiny-bert@"),
        "{ner}"
    );
    let manifest = read_jsonl(&transformer.join("manifest.jsonl"));
    assert_eq!(manifest[0]["models"][0], run["models"][0]);
}

#[test]
fn transformer_ensemble_keeps_the_perceptron_entities_and_adds_sure_ones() {
    let dir = tempfile::tempdir().unwrap();
    let entities = |name: &str, extra: &[&str]| {
        let out = dir.path().join(name);
        run_seeds_with(&out, "2", Some(&fixture_model()), extra);
        read_jsonl(&out.join("entities.jsonl"))
    };
    let default = dir.path().join("default");
    run_seeds(&default, "2", None);
    let perceptron = read_jsonl(&default.join("entities.jsonl"));
    // No transformer entity is sure enough: the perceptron's entities, unchanged.
    assert_eq!(entities("never", &["--ner-ensemble", "1.01"]), perceptron);
    // Every transformer entity where the perceptron has none is added.
    let all = entities("always", &["--ner-ensemble", "0"]);
    assert!(all.len() > perceptron.len(), "{} entities", all.len());
    assert_seed_entities_slice(&all);
}

#[test]
fn transformer_output_does_not_depend_on_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    run_seeds(&one, "1", Some(&fixture_model()));
    run_seeds(&two, "2", Some(&fixture_model()));
    for file in ["entities.jsonl", "claims.jsonl"] {
        assert_eq!(
            std::fs::read(one.join(file)).unwrap(),
            std::fs::read(two.join(file)).unwrap(),
            "{file}"
        );
    }
}

/// A small CoNLL file written here (no corpus text in the repository).
const CONLL: &str = "-DOCSTART- O\n\nAnna B-PER\nSmith I-PER\nvisited O\nParis B-LOC\nfor O\nthe O\nUnited B-ORG\nNations I-ORG\n. O\n\nThe O\nGerman B-MISC\nminister O\nspoke O\nin O\nBerlin B-LOC\non O\nMonday O\n. O\n\n";

#[test]
fn transformer_ner_eval_scores_a_conll_file() {
    let dir = tempfile::tempdir().unwrap();
    let (file, predictions) = (dir.path().join("tiny.conll"), dir.path().join("pred.txt"));
    std::fs::write(&file, CONLL).unwrap();
    let model = fixture_model();
    let output = claimex(&[
        "ner",
        "eval",
        file.to_str().unwrap(),
        "--ner-model",
        model.to_str().unwrap(),
        "--json",
        "--predictions",
        predictions.to_str().unwrap(),
    ]);
    succeeded(&output);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["sentences"], 2);
    assert_eq!(report["tokens"], 18);
    assert_eq!(report["overall"]["gold"], 5);
    let f1 = report["overall"]["f1"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&f1));
    let lines = std::fs::read_to_string(&predictions).unwrap();
    let labels: Vec<&str> = lines.lines().filter_map(|l| l.split(' ').nth(2)).collect();
    assert_eq!(labels.len(), 18);
    assert!(labels
        .iter()
        .all(|l| *l == "O" || ["B-", "I-", "E-", "S-"].contains(&&l[..2])));
}

#[test]
fn transformer_ensemble_eval_without_sure_entities_scores_as_the_perceptron() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tiny.conll");
    std::fs::write(&file, CONLL).unwrap();
    let model = fixture_model();
    let eval = |extra: &[&str]| {
        let mut args = vec!["ner", "eval", file.to_str().unwrap(), "--json"];
        args.extend(extra);
        let output = claimex(&args);
        succeeded(&output);
        serde_json::from_slice::<Value>(&output.stdout).unwrap()
    };
    let perceptron = eval(&[]);
    let never = [
        "--ner-model",
        model.to_str().unwrap(),
        "--ner-ensemble",
        "1.01",
    ];
    assert_eq!(eval(&never), perceptron);
    let always = [
        "--ner-model",
        model.to_str().unwrap(),
        "--ner-ensemble",
        "0",
    ];
    assert_eq!(eval(&always)["overall"]["gold"], 5);
}

#[test]
fn transformer_model_with_vocab_txt_only_gives_the_same_labels() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("ner-tiny-bert");
    std::fs::create_dir(&copy).unwrap();
    for name in [
        "config.json",
        "model.safetensors",
        "vocab.txt",
        "tokenizer_config.json",
    ] {
        std::fs::copy(fixture_model().join(name), copy.join(name)).unwrap();
    }
    let file = dir.path().join("tiny.conll");
    std::fs::write(&file, CONLL).unwrap();
    let eval = |model: &Path| {
        let output = claimex(&[
            "ner",
            "eval",
            file.to_str().unwrap(),
            "--ner-model",
            model.to_str().unwrap(),
            "--json",
        ]);
        succeeded(&output);
        output.stdout
    };
    assert_eq!(eval(&fixture_model()), eval(&copy));
}

#[test]
fn transformer_missing_files_are_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture_model().join("config.json"),
        dir.path().join("config.json"),
    )
    .unwrap();
    std::fs::copy(
        fixture_model().join("tokenizer.json"),
        dir.path().join("tokenizer.json"),
    )
    .unwrap();
    let out = dir.path().join("out");
    let output = claimex(&[
        "run",
        root().join("seeds").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--ner-model",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no weights") && stderr.contains("rust_model.ot"),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn transformer_handles_sentences_and_tokens_longer_than_the_model_window() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("long.txt");
    let text = format!(
        "Anna Smith said {} and {} in Paris. \"We will stay,\" Smith told reporters in London.",
        "x".repeat(3000),
        "the talks went on ".repeat(100)
    );
    std::fs::write(&input, &text).unwrap();
    let out = dir.path().join("out");
    let model = fixture_model();
    succeeded(&claimex(&[
        "run",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
        "--ner-model",
        model.to_str().unwrap(),
    ]));
    assert!(read_jsonl(&out.join("errors.jsonl")).is_empty());
    for e in read_jsonl(&out.join("entities.jsonl")) {
        let (start, end) = (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap());
        let slice: String = text
            .chars()
            .skip(start as usize)
            .take((end - start) as usize)
            .collect();
        assert_eq!(slice, e["text"].as_str().unwrap(), "{e}");
    }
}
