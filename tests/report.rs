//! `claimex report`: the page is self-contained and shows the dataset's numbers; rendered in
//! headless Chromium (skipped, with a message, where no browser is installed), its DOM shows
//! the claim count and highlighted spans.

use std::path::{Path, PathBuf};
use std::process::Command;

fn claimex(args: &[&str]) {
    let status = Command::new(env!("CARGO_BIN_EXE_claimex"))
        .args(args)
        .status()
        .unwrap();
    assert!(status.success(), "claimex {args:?}");
}

fn seeds_report(dir: &Path) -> PathBuf {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let out = dir.join("out");
    claimex(&[
        "run",
        seeds.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "-q",
    ]);
    claimex(&["report", out.to_str().unwrap()]);
    out
}

fn claims_in(out: &Path) -> usize {
    std::fs::read_to_string(out.join("claims.jsonl"))
        .unwrap()
        .lines()
        .count()
}

#[test]
fn the_report_is_self_contained_and_shows_the_totals() {
    let dir = tempfile::tempdir().unwrap();
    let out = seeds_report(dir.path());
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains(&format!("id=\"n-claims\">{}<", claims_in(&out))));
    assert!(html.contains("id=\"n-articles\">5<"));
    for external in ["src=\"http", "href=\"http", "@import", "url("] {
        assert!(!html.contains(external), "the page loads {external}…");
    }
    assert!(html.contains("Sergey Lavrov"), "top speakers");
}

#[test]
fn the_report_renders_in_a_headless_browser() {
    let Some(browser) = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
    else {
        eprintln!("skipped: no Chromium installed (apt-get install chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = seeds_report(dir.path());
    let page = format!("file://{}", out.join("report.html").display());
    let profile = dir.path().join("profile");
    let dom = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(["--dump-dom", &page])
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&dom.stdout);
    let n = claims_in(&out);
    assert!(
        dom.contains(&format!("{n} of {n} claims")),
        "the table script ran"
    );
    assert!(
        dom.contains("<mark class=\"speaker\">Lavrov</mark>"),
        "a highlighted speaker"
    );
    assert!(
        dom.contains("<mark class=\"quote\">"),
        "a highlighted content span"
    );
}
