//! The `claimex` command line: a thin layer over the library.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use claimex::eval::claims as claim_eval;
use claimex::ingest::{Articles, IngestOptions, DEFAULT_MAX_ARTICLE_BYTES};
use claimex::pipeline::{Pipeline, RunOptions};
use claimex::sink::{CsvClaims, JsonlClaims, JsonlEntities, JsonlErrors, Sink};

/// Extract attributed claims (who said what, how, where) from news articles.
#[derive(Parser)]
#[command(name = "claimex", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the pipeline over articles and write claims.jsonl, claims.csv, entities.jsonl,
    /// errors.jsonl and run.json into the output directory.
    ///
    /// Exit status: 0 when every input was processed, 2 when some inputs were rejected (see
    /// errors.jsonl), 1 on a fatal error.
    Run {
        /// Inputs: .txt files, directories (searched recursively for .txt), .jsonl/.ndjson files
        /// of {"id","text"} records (optional title, date, source, url), .csv files with id,text
        /// columns, or - for JSONL on standard input.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Output directory (created if missing).
        #[arg(long, short)]
        out: PathBuf,
        /// Worker threads (default: one per core).
        #[arg(long, short = 'j', default_value_t = 0)]
        threads: usize,
        /// No progress bar.
        #[arg(long, short)]
        quiet: bool,
        /// Reject articles longer than this many bytes.
        #[arg(long, default_value_t = DEFAULT_MAX_ARTICLE_BYTES)]
        max_article_bytes: usize,
    },
    /// Score predicted claims against gold annotations (quote, speaker and claim P/R/F1).
    Eval {
        /// Gold claims (JSONL: doc_id, quote, speaker, cue, kind).
        #[arg(long)]
        gold: PathBuf,
        /// Predicted claims (claimex's claims.jsonl).
        #[arg(long)]
        pred: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
}

fn run(
    inputs: &[PathBuf],
    out: &Path,
    threads: usize,
    quiet: bool,
    max_article_bytes: usize,
) -> anyhow::Result<ExitCode> {
    std::fs::create_dir_all(out)
        .with_context(|| format!("cannot create output directory {}", out.display()))?;
    let mut sinks: Vec<Box<dyn Sink>> = vec![
        Box::new(JsonlClaims::create(&out.join("claims.jsonl"))?),
        Box::new(CsvClaims::create(&out.join("claims.csv"))?),
        Box::new(JsonlEntities::create(&out.join("entities.jsonl"))?),
        Box::new(JsonlErrors::create(&out.join("errors.jsonl"))?),
    ];
    let pipeline = Pipeline::default();
    let articles =
        std::cell::RefCell::new(Articles::new(inputs, IngestOptions { max_article_bytes }));
    let options = RunOptions {
        threads,
        progress: !quiet,
        total_bytes: Articles::total_bytes(inputs),
    };
    let stream = std::iter::from_fn(|| articles.borrow_mut().next());
    let stats = pipeline.run(
        stream,
        || articles.borrow().consumed_bytes(),
        &mut sinks,
        &options,
    )?;
    for sink in sinks {
        sink.finish()?;
    }
    let summary = serde_json::to_string_pretty(&stats)? + "\n";
    let tmp = out.join(".run.json.tmp");
    std::fs::write(&tmp, summary)?;
    std::fs::rename(&tmp, out.join("run.json"))?;
    if !quiet {
        eprintln!(
            "claimex: {} articles, {} claims, {} entities, {} rejected in {:.2}s ({:.0} words/s) -> {}",
            stats.articles,
            stats.claims,
            stats.entities,
            stats.rejected,
            stats.wall_seconds,
            stats.words_per_second,
            out.display()
        );
    }
    Ok(if stats.rejected > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn eval(gold: &Path, pred: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let report = claim_eval::eval_files(gold, pred)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report.to_text());
    }
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Run {
            inputs,
            out,
            threads,
            quiet,
            max_article_bytes,
        } => run(&inputs, &out, threads, quiet, max_article_bytes),
        Command::Eval { gold, pred, json } => eval(&gold, &pred, json),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("claimex: error: {e:#}");
            ExitCode::from(1)
        }
    }
}
