//! Batch-run guarantees, driven through the real binary: incremental runs, crash safety under
//! SIGKILL, sharding, streaming to standard output, and fault isolation.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;

mod common;
use common::{assert_same_files, claimex, kill_after_first_checkpoint, run_into, run_json, seeds};

/// The dataset files that must be identical between equivalent runs (run.json holds timings).
const DATASET: [&str; 5] = [
    "claims.jsonl",
    "claims.csv",
    "entities.jsonl",
    "errors.jsonl",
    "manifest.jsonl",
];

/// A JSONL corpus of `copies` × the seed articles under new ids.
fn corpus(path: &Path, copies: usize) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..copies {
        for (id, text) in seeds() {
            let record = serde_json::json!({"id": format!("{id}-{i}"), "text": text});
            writeln!(out, "{record}").unwrap();
        }
    }
}

fn assert_same_dataset(a: &Path, b: &Path) {
    assert_same_files(a, b, &DATASET);
}

#[test]
fn a_second_run_processes_only_new_or_changed_articles() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let seeds = seeds();
    for (id, text) in &seeds[..3] {
        std::fs::write(input.join(format!("{id}.txt")), text).unwrap();
    }
    let out = dir.path().join("out");
    assert!(run_into(&[&input], &out, &[]).status.success());
    assert_eq!(run_json(&out)["reused"], 0);

    // The corpus grows by two articles and one article changes.
    for (id, text) in &seeds[3..] {
        std::fs::write(input.join(format!("{id}.txt")), text).unwrap();
    }
    let changed = input.join(format!("{}.txt", seeds[0].0));
    std::fs::write(&changed, format!("{}\nMore news.", seeds[0].1)).unwrap();
    assert!(run_into(&[&input], &out, &[]).status.success());
    let stats = run_json(&out);
    assert_eq!(
        (stats["articles"].clone(), stats["reused"].clone()),
        (5.into(), 2.into())
    );

    let clean = dir.path().join("clean");
    assert!(run_into(&[&input], &clean, &[]).status.success());
    assert_same_dataset(&out, &clean);

    // Unchanged input: everything is reused; --force reprocesses everything.
    assert!(run_into(&[&input], &out, &[]).status.success());
    assert_eq!(run_json(&out)["reused"], 5);
    assert!(run_into(&[&input], &out, &["--force"]).status.success());
    assert_eq!(run_json(&out)["reused"], 0);
    assert_same_dataset(&out, &clean);

    // An article that disappears from the corpus stays in the dataset, unless pruning.
    std::fs::remove_file(&changed).unwrap();
    assert!(run_into(&[&input], &out, &[]).status.success());
    assert_eq!(
        (
            run_json(&out)["reused"].clone(),
            run_json(&out)["kept"].clone()
        ),
        (5.into(), 1.into())
    );
    assert!(run_into(&[&input], &out, &["--prune"]).status.success());
    assert_eq!(run_json(&out)["reused"], 4);
    let fresh = dir.path().join("fresh");
    assert!(run_into(&[&input], &fresh, &[]).status.success());
    assert_same_dataset(&out, &fresh);
}

#[test]
fn a_killed_run_leaves_the_old_dataset_and_the_next_run_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    corpus(&input, 400); // 2,000 articles, about 760,000 words
    let reference = dir.path().join("reference");
    assert!(run_into(&[&input], &reference, &["--threads", "2"])
        .status
        .success());

    let out = dir.path().join("out");
    let mut resumed_from_checkpoints = false;
    // Kill points spread over the run (a fixed pseudo-random sequence, for reproducibility).
    for delay_ms in [40, 700, 230, 1500, 90, 1100, 2600, 450] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimex"))
            .args(["run", input.to_str().unwrap(), "--out"])
            .arg(&out)
            .args(["-q", "--threads", "2"])
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        child.wait().unwrap();
        // Either nothing was published yet (the directory is as it was: no dataset), or the
        // run committed before the kill (perhaps before it could exit) and the dataset is
        // whole. A kill in the middle of the commit leaves its journal, which the next run
        // completes (below).
        let committing = out.join(".claimex/commit.json").exists();
        if out.join("claims.jsonl").exists() && !committing {
            assert_same_dataset(&out, &reference);
            std::fs::remove_dir_all(&out).unwrap();
            continue;
        }
        let partial = out.join(".claimex/partial");
        let checkpoints = std::fs::read_dir(&partial).map_or(0, |d| d.count());
        eprintln!("killed after {delay_ms} ms: {checkpoints} checkpoint files");
        if checkpoints > 0 || committing {
            let rerun = run_into(&[&input], &out, &["--threads", "1"]);
            assert!(rerun.status.success());
            assert_same_dataset(&out, &reference);
            resumed_from_checkpoints |= run_json(&out)["reused"].as_u64().unwrap() > 0;
            std::fs::remove_dir_all(&out).unwrap();
        }
    }
    // However busy the machine, one kill lands right after a checkpoint.
    if kill_after_first_checkpoint(&input, &out, &[]) > 0 {
        let rerun = run_into(&[&input], &out, &["--threads", "1"]);
        assert!(rerun.status.success());
        assert_same_dataset(&out, &reference);
        resumed_from_checkpoints |= run_json(&out)["reused"].as_u64().unwrap() > 0;
    }
    assert!(
        resumed_from_checkpoints,
        "no kill landed after a checkpoint; the corpus is too small for this machine"
    );
}

#[test]
fn a_run_killed_while_committing_is_completed_by_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    corpus(&input, 2);
    let out = dir.path().join("out");
    assert!(run_into(&[&input], &out, &[]).status.success());
    let reference = dir.path().join("reference");
    assert!(run_into(&[&input], &reference, &[]).status.success());
    // Simulate a kill between two renames of a commit: the journal lists the files, some of
    // them are still under their temporary names.
    let state = out.join(".claimex");
    std::fs::create_dir_all(&state).unwrap();
    for name in ["claims.jsonl", "manifest.jsonl"] {
        std::fs::rename(out.join(name), out.join(format!(".{name}.tmp"))).unwrap();
    }
    std::fs::write(
        state.join("commit.json"),
        serde_json::to_string(&DATASET).unwrap(),
    )
    .unwrap();
    let rerun = run_into(&[&input], &out, &[]);
    assert!(rerun.status.success());
    assert_eq!(
        run_json(&out)["reused"],
        10,
        "the journal's commit was finished first"
    );
    assert_same_dataset(&out, &reference);
}

#[test]
fn shards_partition_the_input_and_stream_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    corpus(&input, 6);
    let whole = claimex(&["run", input.to_str().unwrap(), "--out", "-", "-q"]);
    assert!(whole.status.success());
    let out = dir.path().join("out");
    assert!(run_into(&[&input], &out, &[]).status.success());
    assert_eq!(
        whole.stdout,
        std::fs::read(out.join("claims.jsonl")).unwrap(),
        "--out - writes what claims.jsonl holds"
    );

    let mut lines: Vec<String> = Vec::new();
    let mut docs_per_shard = Vec::new();
    for k in 1..=3 {
        let shard = format!("{k}/3");
        let part = claimex(&[
            "run",
            input.to_str().unwrap(),
            "--out",
            "-",
            "-q",
            "--shard",
            &shard,
        ]);
        assert!(part.status.success());
        let text = String::from_utf8(part.stdout).unwrap();
        let docs: std::collections::BTreeSet<String> = text
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap()["doc_id"].to_string())
            .collect();
        docs_per_shard.push(docs);
        lines.extend(text.lines().map(str::to_string));
    }
    for (i, a) in docs_per_shard.iter().enumerate() {
        assert!(!a.is_empty(), "shard {} is empty", i + 1);
        for b in &docs_per_shard[i + 1..] {
            assert!(a.is_disjoint(b), "an article is in two shards");
        }
    }
    let mut all: Vec<String> = String::from_utf8(whole.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    all.sort();
    lines.sort();
    assert_eq!(
        lines, all,
        "the shards together give the whole run's claims"
    );

    // JSONL in on stdin, claims out on stdout.
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimex"))
        .args(["run", "-", "--out", "-", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(&std::fs::read(&input).unwrap()).unwrap();
    drop(stdin);
    let piped = child.wait_with_output().unwrap();
    assert!(piped.status.success());
    assert_eq!(
        piped.stdout,
        std::fs::read(out.join("claims.jsonl")).unwrap()
    );
}

#[test]
fn hostile_inputs_are_rejected_one_by_one_and_the_batch_completes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    let good = "“We will win,” the minister said. Officials said talks would resume.";
    std::fs::write(input.join("good.txt"), good).unwrap();
    std::fs::write(input.join("sub/also-good.txt"), good).unwrap();
    std::fs::write(input.join("windows-1252.txt"), b"\x93Fine,\x94 Smith said.").unwrap();
    std::fs::write(input.join("empty.txt"), "").unwrap();
    std::fs::write(input.join("blank.txt"), " \n\t \r\n ").unwrap();
    let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 256) as u8).collect();
    std::fs::write(input.join("binary.txt"), &binary).unwrap();
    std::fs::write(input.join("huge.txt"), "word ".repeat(10 << 20)).unwrap(); // 50 MB
    std::fs::write(input.join("long-line.txt"), "x".repeat(1 << 20)).unwrap();
    std::fs::write(input.join("quotes.txt"), "He said “ it ".repeat(10_000)).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("missing"), input.join("dangling.txt")).unwrap();

    let jsonl = dir.path().join("records.jsonl");
    std::fs::write(
        &jsonl,
        [
            r#"{"id":"j1","text":"Lavrov said he was ready."}"#,
            r#"{"id":"j2","text":"trunc"#,
            r#"{"text":"No id here, the mayor said."}"#,
            r#"{"id":"j3"}"#,
            r#"{"id":"j1","text":"A duplicate id, she said."}"#,
            r#"["not", "an", "object"]"#,
            r#"{"id":"j4","text":"“Fine,” Smith said."}"#,
        ]
        .join("\n"),
    )
    .unwrap();
    let csv = dir.path().join("records.csv");
    std::fs::write(
        &csv,
        "id,text\nc1,\"“It is over,” Smith said.\nThe end, he said \"\"loudly\"\".\"\nc2\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let output = run_into(&[&input, &jsonl, &csv], &out, &[]);
    assert_eq!(output.status.code(), Some(2), "rejected inputs → exit 2");
    let errors: Vec<Value> = std::fs::read_to_string(out.join("errors.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let rejected = |file: &str, line: Option<u64>| {
        errors.iter().any(|e| {
            e["file"].as_str().unwrap().ends_with(file)
                && e["level"] == "error"
                && line.is_none_or(|l| e["line"] == l)
                && !e["reason"].as_str().unwrap().is_empty()
        })
    };
    let warned = |file: &str| {
        errors
            .iter()
            .any(|e| e["file"].as_str().unwrap().ends_with(file) && e["level"] == "warning")
    };
    assert!(warned("windows-1252.txt"), "{errors:?}");
    for file in ["empty.txt", "blank.txt", "binary.txt", "huge.txt"] {
        assert!(rejected(file, None), "{file} not rejected: {errors:?}");
    }
    #[cfg(unix)]
    assert!(rejected("dangling.txt", None), "{errors:?}");
    for line in [2, 3, 4, 5, 6] {
        assert!(
            rejected("records.jsonl", Some(line)),
            "line {line}: {errors:?}"
        );
    }
    assert!(rejected("records.csv", None), "{errors:?}");
    let claims: Vec<Value> = std::fs::read_to_string(out.join("claims.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let docs: std::collections::BTreeSet<&str> = claims
        .iter()
        .map(|c| c["doc_id"].as_str().unwrap())
        .collect();
    for doc in ["good", "sub/also-good", "windows-1252", "j1", "j4", "c1"] {
        assert!(docs.contains(doc), "{doc} missing from {docs:?}");
    }
    let stats = run_json(&out);
    assert_eq!(stats["rejected"].as_u64(), Some(errors.len() as u64 - 1));
    assert_eq!(stats["warnings"], 1);
}
