//! Batch runs never lose an analyst's data, driven through the real binary: inputs are checked
//! before anything is touched, batches accumulate (`--prune` mirrors), ids come from paths,
//! non-UTF-8 text is decoded with a warning, a closed pipe ends a run quietly, and claimex
//! writes only into folders it owns and leaves no temporary files behind.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

mod common;
use common::{assert_same_files, claimex, kill_after_first_checkpoint, run_into, run_json, seeds};

/// The dataset files whose records must match between equivalent runs.
const RECORDS: [&str; 9] = [
    "claims.jsonl",
    "claims.csv",
    "entities.jsonl",
    "errors.jsonl",
    "articles.jsonl",
    "articles.csv",
    "speakers.jsonl",
    "speakers.csv",
    "manifest.jsonl",
];

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Writes `articles` as `.txt` files into a new directory `dir`.
fn txt_dir(dir: &Path, articles: &[(String, String)]) {
    std::fs::create_dir_all(dir).unwrap();
    for (id, text) in articles {
        std::fs::write(dir.join(format!("{id}.txt")), text).unwrap();
    }
}

/// Every file under `dir` (hidden ones included) with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                files.insert(path.strip_prefix(dir).unwrap().to_path_buf(), bytes);
            }
        }
    }
    files
}

fn lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// The Parquet copies of the tables, compared byte for byte too.
const PARQUET: [&str; 4] = [
    "claims.parquet",
    "entities.parquet",
    "articles.parquet",
    "speakers.parquet",
];

fn same_files(a: &Path, b: &Path) {
    assert_same_files(a, b, RECORDS.iter().chain(&PARQUET));
}

fn same_record_sets(a: &Path, b: &Path) {
    for name in [
        "claims.jsonl",
        "claims.csv",
        "entities.jsonl",
        "errors.jsonl",
    ] {
        let set = |dir: &Path| lines(&dir.join(name)).into_iter().collect::<BTreeSet<_>>();
        assert_eq!(set(a), set(b), "{name}: different records");
    }
}

fn doc_ids(out: &Path) -> BTreeSet<String> {
    lines(&out.join("manifest.jsonl"))
        .iter()
        .filter_map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .map(str::to_string)
        })
        .collect()
}

#[test]
fn a_mistyped_or_missing_input_is_fatal_and_leaves_the_dataset_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("day1");
    txt_dir(&input, &seeds());
    let out = dir.path().join("out");
    assert!(run_into(&[&input], &out, &[]).status.success());
    let before = snapshot(&out);

    std::fs::write(dir.path().join("bbc.jsnl"), "{}").unwrap();
    for bad in ["bbc.jsonl", "bbc.jsnl", "no-such-folder"] {
        let path = dir.path().join(bad);
        for extra in [&[][..], &["--prune"], &["--force"]] {
            let output = run_into(&[&input, &path], &out, extra);
            assert_eq!(output.status.code(), Some(1), "{bad} {extra:?}");
            assert!(
                stderr(&output).contains(&*path.to_string_lossy()),
                "{}",
                stderr(&output)
            );
            assert_eq!(
                snapshot(&out),
                before,
                "{bad} {extra:?} touched the dataset"
            );
        }
    }
    // Streaming to standard output checks its inputs the same way.
    let output = claimex(&["run", "bbc.jsonl", "--out", "-"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
}

#[test]
fn batches_accumulate_and_equal_one_run_over_all_of_them() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = seeds();
    let (day1, day2) = (dir.path().join("day1"), dir.path().join("day2"));
    txt_dir(&day1, &seeds[..3]);
    txt_dir(&day2, &seeds[3..]);
    let out = dir.path().join("out");
    assert!(run_into(&[&day1], &out, &[]).status.success());
    let second = run_into(&[&day2], &out, &[]);
    assert!(second.status.success(), "{}", stderr(&second));
    assert_eq!(run_json(&out)["kept"], 3);
    assert_eq!(doc_ids(&out).len(), 5);

    // Rows: this run's articles in input order, then the earlier ones in their order — so
    // byte for byte what one run over day2 then day1 gives, and as sets one over day1, day2.
    let later_first = dir.path().join("later-first");
    assert!(run_into(&[&day2, &day1], &later_first, &[])
        .status
        .success());
    same_files(&out, &later_first);
    let in_order = dir.path().join("in-order");
    assert!(run_into(&[&day1, &day2], &in_order, &[]).status.success());
    same_record_sets(&out, &in_order);

    // A changed article (same id) replaces its earlier version.
    let (id, text) = &seeds[0];
    let day3 = dir.path().join("day3");
    txt_dir(
        &day3,
        &[(id.clone(), format!("{text}\n“Enough,” Pell said."))],
    );
    assert!(run_into(&[&day3], &out, &[]).status.success());
    assert_eq!(run_json(&out)["kept"], 4);
    let of_doc = |dir: &Path| -> BTreeSet<String> {
        let needle = format!("\"doc_id\":\"{id}\"");
        lines(&dir.join("claims.jsonl"))
            .into_iter()
            .filter(|c| c.contains(&needle))
            .collect()
    };
    let day3_only = dir.path().join("day3-only");
    assert!(run_into(&[&day3], &day3_only, &[]).status.success());
    assert_eq!(of_doc(&out), of_doc(&day3_only));
    assert!(of_doc(&out).iter().any(|c| c.contains("Enough")));

    // --prune mirrors: the dataset becomes exactly this run's input.
    assert!(run_into(&[&day2], &out, &["--prune"]).status.success());
    let day2_only = dir.path().join("day2-only");
    assert!(run_into(&[&day2], &day2_only, &[]).status.success());
    same_files(&out, &day2_only);
}

#[test]
fn ids_are_paths_relative_to_the_directory_given() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let seeds = seeds();
    txt_dir(
        &corpus.join("politics"),
        &[("001".into(), seeds[0].1.clone())],
    );
    txt_dir(
        &corpus.join("business"),
        &[("001".into(), seeds[1].1.clone())],
    );
    let single = dir.path().join("002.txt");
    std::fs::write(&single, &seeds[2].1).unwrap();
    let out = dir.path().join("out");
    let output = run_into(&[&corpus, &single], &out, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let ids: Vec<String> = doc_ids(&out).into_iter().collect();
    assert_eq!(ids, ["002", "business/001", "politics/001"]);
}

#[test]
fn windows_1252_text_is_decoded_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let text = b"\x93The fare rises to \xa32.50 next month,\x94 the mayor said on Monday.";
    std::fs::write(input.join("fare.txt"), text).unwrap();
    let out = dir.path().join("out");
    let output = run_into(&[&input], &out, &[]);
    assert_eq!(output.status.code(), Some(0), "warnings alone keep exit 0");
    let errors = lines(&out.join("errors.jsonl"));
    assert_eq!(errors.len(), 1, "{errors:?}");
    let warning: Value = serde_json::from_str(&errors[0]).unwrap();
    assert_eq!(warning["level"], "warning");
    assert_eq!(warning["id"], "fare");
    let claims = lines(&out.join("claims.jsonl"));
    assert_eq!(claims.len(), 1, "{claims:?}");
    let claim: Value = serde_json::from_str(&claims[0]).unwrap();
    assert_eq!(claim["quote"]["text"], "The fare rises to £2.50 next month");
    assert_eq!(
        claim["quote"]["start"], 1,
        "offsets count characters of the decoded text"
    );
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let copies: Vec<(String, String)> = (0..100)
        .flat_map(|i| {
            seeds()
                .into_iter()
                .map(move |(id, text)| (format!("{id}-{i}"), text))
        })
        .collect();
    txt_dir(&input, &copies);
    let err = dir.path().join("stderr");
    let status = Command::new("bash")
        .args([
            "-c",
            r#"set -o pipefail; "$0" run "$1" --out - 2>"$2" | head -1 >/dev/null"#,
            env!("CARGO_BIN_EXE_claimex"),
            input.to_str().unwrap(),
            err.to_str().unwrap(),
        ])
        .status()
        .unwrap();
    assert!(status.success(), "exit {status}");
    assert_eq!(std::fs::read_to_string(&err).unwrap(), "");
}

#[test]
fn a_folder_of_other_files_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    txt_dir(&input, &seeds()[..1]);
    let folder = dir.path().join("analysis");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("claims.csv"), "my own notes\n").unwrap();
    let output = run_into(&[&input], &folder, &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("no claimex dataset"),
        "{}",
        stderr(&output)
    );
    let files = snapshot(&folder);
    assert_eq!(files.len(), 1);
    assert_eq!(files[Path::new("claims.csv")], b"my own notes\n");
}

#[test]
fn a_dataset_of_the_previous_format_is_rebuilt_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    txt_dir(&input, &seeds()[..2]);
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    // What claimex 0.1 left: a format-1 manifest, and no article texts.
    std::fs::write(
        out.join("manifest.jsonl"),
        "{\"claimex_manifest\":1,\"claimex_version\":\"0.1.0\",\"models\":[]}\n\
         {\"id\":\"x\",\"hash\":\"00\",\"at\":[[0,0],[0,0],[0,0]],\"n\":[0,0,0]}\n\
         {\"articles\":1,\"sizes\":[0,0,0]}\n",
    )
    .unwrap();
    std::fs::write(out.join("claims.jsonl"), "").unwrap();
    let before = snapshot(&out);
    let output = run_into(&[&input], &out, &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("--prune"), "{}", stderr(&output));
    assert_eq!(snapshot(&out), before);

    let output = run_into(&[&input], &out, &["--prune"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let clean = dir.path().join("clean");
    assert!(run_into(&[&input], &clean, &[]).status.success());
    same_files(&out, &clean);
}

#[test]
fn a_run_after_a_killed_one_says_it_resumes_and_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    let mut corpus = String::new();
    for i in 0..300 {
        for (id, text) in seeds() {
            corpus += &serde_json::json!({"id": format!("{id}-{i}"), "text": text}).to_string();
            corpus.push('\n');
        }
    }
    std::fs::write(&input, corpus).unwrap();
    let out = dir.path().join("out");
    let mut resumed = false;
    for round in 0..3 {
        let checkpoints = kill_after_first_checkpoint(&input, &out, &["--force"]);
        let next = run_into(&[&input], &out, &[]);
        assert!(next.status.success());
        if checkpoints > 0 {
            resumed = true;
            assert!(
                stderr(&next).contains("resuming an interrupted run"),
                "{}",
                stderr(&next)
            );
        }
        let leftovers: Vec<PathBuf> = snapshot(&out)
            .into_keys()
            .filter(|p| p.to_string_lossy().ends_with(".tmp") || p.starts_with(".claimex/partial"))
            .collect();
        assert!(leftovers.is_empty(), "after kill {round}: {leftovers:?}");
    }
    assert!(resumed, "no kill landed after a checkpoint");
}
