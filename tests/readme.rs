//! The README's pandas and DuckDB snippets run on a seeds dataset (through
//! `scripts/readme_snippets.py`). Skipped, with a message, where Python lacks pandas or duckdb;
//! `CLAIMEX_SNIPPETS_PYTHON` names the Python to use (default `python3`).

use std::process::Command;

#[test]
fn the_readme_snippets_run() {
    let python = std::env::var("CLAIMEX_SNIPPETS_PYTHON").unwrap_or_else(|_| "python3".into());
    let ready = Command::new(&python)
        .args(["-c", "import pandas, duckdb"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ready {
        eprintln!("skipped: {python} has no pandas or duckdb (pip install pandas duckdb)");
        return;
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/readme_snippets.py");
    let output = Command::new(&python)
        .args([script, env!("CARGO_BIN_EXE_claimex")])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("2 snippets passed"), "{stdout}");
    assert!(stdout.contains("Sergey Lavrov"), "{stdout}");
}
