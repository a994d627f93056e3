//! Helpers shared by the integration tests that drive the `claimex` binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// Runs the binary with `args`.
pub fn claimex(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimex"))
        .args(args)
        .output()
        .expect("claimex runs")
}

/// `claimex run INPUTS… --out OUT -q EXTRA…`.
pub fn run_into(inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["run"];
    args.extend(inputs.iter().map(|p| p.to_str().unwrap()));
    args.extend(["--out", out.to_str().unwrap(), "-q"]);
    args.extend(extra);
    claimex(&args)
}

/// The bundled seed articles as (id, text), in id order.
pub fn seeds() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            (id, std::fs::read_to_string(p).unwrap())
        })
        .collect()
}

/// The run.json of a dataset.
pub fn run_json(out: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).unwrap()).unwrap()
}

/// Asserts that the files `names` are byte-identical in datasets `a` and `b`.
pub fn assert_same_files<'n>(a: &Path, b: &Path, names: impl IntoIterator<Item = &'n &'n str>) {
    for name in names {
        let left = std::fs::read(a.join(name)).unwrap();
        let right = std::fs::read(b.join(name)).unwrap();
        assert!(left == right, "{name} differs between {a:?} and {b:?}");
    }
}

/// Starts `claimex run INPUT --out OUT -q --threads 2 EXTRA…`, waits until the run has written
/// its first checkpoint in full (a second one is begun) or ended, then kills it (SIGKILL).
/// Returns the checkpoint files left.
/// Waiting for the checkpoint, not for a fixed time, keeps the test meaningful on a busy machine.
#[allow(dead_code)]
pub fn kill_after_first_checkpoint(input: &Path, out: &Path, extra: &[&str]) -> usize {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimex"))
        .args(["run", input.to_str().unwrap(), "--out"])
        .arg(out)
        .args(["-q", "--threads", "2"])
        .args(extra)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let partial = out.join(".claimex/partial");
    let count = || std::fs::read_dir(&partial).map_or(0, |d| d.count());
    let started = std::time::Instant::now();
    while count() < 2
        && child.try_wait().unwrap().is_none()
        && started.elapsed() < std::time::Duration::from_secs(300)
    {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let _ = child.kill();
    child.wait().unwrap();
    count()
}
