//! The `claimex` command line: a thin layer over the library.

use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use claimex::attribution::{
    evaluate_antecedents, train_antecedents, AntecedentModel, AntecedentReport, GoldMention,
};
use claimex::eval::claims as claim_eval;
use claimex::ingest::{self, Articles, IngestOptions, Shard, DEFAULT_MAX_ARTICLE_BYTES};
use claimex::models::{self, Task};
use claimex::pipeline::{
    Pipeline, RunOptions, RunStats, SyntaxScope, Work, DEFAULT_MIN_CONFIDENCE,
};
use claimex::sink::{AtomicFile, ClaimStream, Dataset, DatasetOptions, Kept};
use claimex::tagger::conll::Corpus;
use claimex::tagger::WordClasses;
use claimex::{tagging, Article};

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
    /// errors.jsonl, run.json and manifest.jsonl into the output directory.
    ///
    /// Runs accumulate: a run into an existing dataset adds new articles, replaces changed
    /// ones (same id, new content) and keeps the articles of earlier runs (--prune drops
    /// them). Unchanged articles are copied, not reprocessed. Outputs are renamed into place
    /// only when the run completes; a killed run resumes from its checkpoints.
    ///
    /// Exit status: 0 when every input was processed (warnings included), 2 when some inputs
    /// were rejected (see errors.jsonl), 1 on a fatal error (nothing is written).
    Run {
        /// Inputs: .txt files, directories (searched recursively for .txt), .jsonl/.ndjson files
        /// of {"id","text"} records (optional title, date, source, url), .csv files with id,text
        /// columns, or - for JSONL on standard input.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Output directory: new, empty, or a claimex dataset to add to; or - to write claims as
        /// JSON Lines to standard output (rejected inputs are reported on standard error).
        #[arg(long, short)]
        out: PathBuf,
        /// Reprocess every article, ignoring results of earlier runs.
        #[arg(long)]
        force: bool,
        /// Make the dataset exactly this run's input: drop articles of earlier runs that are
        /// not in it.
        #[arg(long)]
        prune: bool,
        /// Process only shard K of N (1 ≤ K ≤ N): the articles whose id hashes to it, so N
        /// independent runs together cover the input exactly once.
        #[arg(long, value_name = "K/N")]
        shard: Option<Shard>,
        /// Worker threads (default: one per core).
        #[arg(long, short = 'j', default_value_t = 0)]
        threads: usize,
        /// No progress bar.
        #[arg(long, short)]
        quiet: bool,
        /// Reject articles longer than this many bytes.
        #[arg(long, default_value_t = DEFAULT_MAX_ARTICLE_BYTES)]
        max_article_bytes: usize,
        /// Which sentences get tags, lemmas and a dependency parse. The attribution rules
        /// that read the parse ask for it where they need it, so `lazy`, `candidates` and
        /// `all` give the same output; `none` skips the parser (faster, less memory, a few
        /// speakers and contents fewer).
        #[arg(long, value_enum, default_value_t = SyntaxScope::default())]
        syntax: SyntaxScope,
        /// Leave out claims whose confidence (a calibrated probability that content and
        /// speaker are right) is below P; 0 keeps every claim.
        #[arg(long, value_name = "P", default_value_t = DEFAULT_MIN_CONFIDENCE, value_parser = probability)]
        min_confidence: f32,
        /// Find entities with this local Hugging Face token-classification model (a directory
        /// with config.json, tokenizer.json or vocab.txt, and rust_model.ot or
        /// model.safetensors) instead of the built-in perceptron.
        #[cfg(feature = "transformer")]
        #[arg(long, value_name = "DIR")]
        ner_model: Option<PathBuf>,
        /// Combine the built-in perceptron with the --ner-model: the perceptron's entity spans,
        /// typed by the model where it is sure (every token at probability MIN or more; MIN
        /// chosen on CoNLL-2003 eng.testa), plus the model's sure entities where the perceptron
        /// found none.
        #[cfg(feature = "transformer")]
        #[arg(long, value_name = "MIN", num_args = 0..=1, default_missing_value = ENSEMBLE_MIN_CONFIDENCE, requires = "ner_model")]
        ner_ensemble: Option<f32>,
    },
    /// Score predicted claims against gold annotations (quote, speaker and claim P/R/F1).
    Eval {
        /// Gold claims (JSONL: doc_id, quote, speaker, cue, kind).
        #[arg(long)]
        gold: PathBuf,
        /// Predicted claims (claimex's claims.jsonl).
        #[arg(long)]
        pred: PathBuf,
        /// Hand-resolved speakers of gold claims (JSONL: gold_id, category, name), for
        /// canonical-speaker accuracy by category.
        #[arg(long)]
        speakers: Option<PathBuf>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write DIR/report.html: one self-contained page with the dataset's totals, charts, a
    /// searchable claims table and an article view with highlighted spans.
    Report {
        /// A dataset directory written by `claimex run`.
        dir: PathBuf,
    },
    /// Named-entity tagger (PER/ORG/LOC/MISC): train, evaluate, tag.
    Ner {
        #[command(subcommand)]
        command: TagCommand,
    },
    /// Part-of-speech tagger (Penn Treebank tags): train, evaluate, tag.
    Pos {
        #[command(subcommand)]
        command: TagCommand,
    },
    /// Phrase chunker (NP, VP, PP, …): train, evaluate, tag.
    Chunk {
        #[command(subcommand)]
        command: TagCommand,
    },
    /// Dependency parser with tags and lemmas (UD English EWT): train, evaluate, tag.
    Parse {
        #[command(subcommand)]
        command: ParseCommand,
    },
    /// Speaker resolution: train the antecedent ranker of pronouns and definite nominals.
    Speakers {
        #[command(subcommand)]
        command: SpeakersCommand,
    },
    /// Learned attribution: train and score the cue tagger.
    Attrib {
        #[command(subcommand)]
        command: AttribCommand,
    },
    /// Calibrated claim confidence: fit the correctness model and its calibration map.
    Confidence {
        #[command(subcommand)]
        command: ConfidenceCommand,
    },
    /// Build the word-class table (the taggers' vector features) from word vectors.
    Classes {
        /// Directory holding vectors.f16.npy and vectors.words.txt.
        #[arg(long)]
        vectors: PathBuf,
        /// Output file.
        #[arg(long)]
        out: PathBuf,
        /// Seed for k-means.
        #[arg(long, default_value_t = 42)]
        seed: u64,
    },
}

#[derive(Subcommand)]
enum AttribCommand {
    /// Train the BIO cue tagger on a train corpus (dev only picks the epoch count), write the
    /// model and print cue P/R/F1 of the tagger and the rule detector.
    Train {
        /// Train articles (JSONL of {"id","text"}).
        #[arg(long)]
        train: PathBuf,
        /// Gold attributions of the train articles (with cue spans).
        #[arg(long)]
        train_gold: PathBuf,
        /// Dev articles, for the epoch count.
        #[arg(long, requires = "dev_gold")]
        dev: Option<PathBuf>,
        /// Gold attributions of the dev articles.
        #[arg(long, requires = "dev")]
        dev_gold: Option<PathBuf>,
        /// Seed of the training shuffles.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write the model (e.g. models/cue_tagger.bin).
        #[arg(long)]
        out: PathBuf,
    },
    /// Cue precision, recall and F1 (exact span, overlapping span, tokens) of the cue tagger
    /// and of the rule detector's claims on a corpus.
    Eval {
        /// Gold attributions (with cue spans).
        #[arg(long)]
        gold: PathBuf,
        /// The articles they annotate.
        #[arg(long)]
        articles: PathBuf,
        /// A cue model (default: the embedded one).
        #[arg(long)]
        model: Option<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ConfidenceCommand {
    /// Run the pipeline over a train and a dev corpus, label every claim right or wrong as
    /// `claimex eval` counts it, fit the correctness model on train and its isotonic
    /// calibration on dev, write the model and print reliability tables.
    Train {
        /// Train articles (JSONL of {"id","text"}).
        #[arg(long)]
        train: PathBuf,
        /// Gold claims of the train articles.
        #[arg(long)]
        train_gold: PathBuf,
        /// Dev articles, for the calibration map.
        #[arg(long)]
        dev: PathBuf,
        /// Gold claims of the dev articles.
        #[arg(long)]
        dev_gold: PathBuf,
        /// Folds (by article) for the cross-validated reports.
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Where to write the model (e.g. models/confidence.tsv).
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum TagCommand {
    /// Train a model on a CoNLL column file (IOB1 or IOB2, detected).
    Train {
        /// Training file.
        #[arg(long)]
        train: PathBuf,
        /// Development file, for choosing the number of epochs (the chunker is then trained
        /// again on train + dev for those epochs).
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Where to write the model.
        #[arg(long)]
        out: PathBuf,
        /// Word classes (default: the embedded table).
        #[arg(long)]
        classes: Option<PathBuf>,
        /// Random seed (training is deterministic for a given seed).
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Score a model on a CoNLL file: span precision/recall/F1 overall and per type
    /// (conlleval-compatible) and token accuracy.
    Eval {
        /// CoNLL file with gold labels.
        file: PathBuf,
        /// Model file (default: the embedded model).
        #[arg(long)]
        model: Option<PathBuf>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// Write `token gold predicted` lines here (blank line between sentences).
        #[arg(long)]
        predictions: Option<PathBuf>,
        /// NER only: score this local Hugging Face token-classification model (see `claimex
        /// run --ner-model`) instead of a perceptron model.
        #[cfg(feature = "transformer")]
        #[arg(long, value_name = "DIR", conflicts_with = "model")]
        ner_model: Option<PathBuf>,
        /// NER only: score the built-in perceptron combined with the --ner-model (see `claimex
        /// run --ner-ensemble`).
        #[cfg(feature = "transformer")]
        #[arg(long, value_name = "MIN", num_args = 0..=1, default_missing_value = ENSEMBLE_MIN_CONFIDENCE, requires = "ner_model")]
        ner_ensemble: Option<f32>,
    },
    /// Tag raw text (a file, or standard input): one `token<TAB>label` line per token, a blank
    /// line between sentences.
    Tag {
        /// Text file (default: standard input).
        input: Option<PathBuf>,
        /// Model file (default: the embedded model).
        #[arg(long)]
        model: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum SpeakersCommand {
    /// Train the antecedent ranker on hand-resolved speakers and print its cross-validated
    /// accuracy per mention category.
    Train {
        /// Articles (JSONL with `id` and `text`).
        #[arg(long)]
        articles: PathBuf,
        /// Hand-resolved speakers (JSONL: doc_id, start, end, category, name).
        #[arg(long)]
        speakers: PathBuf,
        /// Where to write the model (a TSV of feature weights).
        #[arg(long)]
        out: PathBuf,
        /// Gradient rounds.
        #[arg(long, default_value_t = 200)]
        rounds: usize,
        /// L2 penalty on the weights (chosen on PolNeAR dev mentions, models/README.md).
        #[arg(long, default_value_t = 30.0)]
        l2: f64,
        /// Folds of articles for the cross-validated accuracy.
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Also write the held-out mistakes here (JSONL: the gold mention, the chosen
        /// speaker, the candidates), for error analysis on train.
        #[arg(long)]
        errors: Option<PathBuf>,
    },
    /// Print the ranker's accuracy per mention category on hand-resolved speakers of other
    /// articles (a dev set), given the gold mentions.
    Eval {
        /// Articles (JSONL with `id` and `text`).
        #[arg(long)]
        articles: PathBuf,
        /// Hand-resolved speakers (JSONL: doc_id, start, end, category, name).
        #[arg(long)]
        speakers: PathBuf,
        /// The model (a TSV of feature weights); the shipped one if not given.
        #[arg(long)]
        model: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum ParseCommand {
    /// Train the tagger, lemmatizer and parser on a CoNLL-U treebank.
    Train {
        /// Training treebank (CoNLL-U).
        #[arg(long)]
        train: PathBuf,
        /// Development treebank, for choosing the parser's epoch (best LAS).
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Where to write the model.
        #[arg(long)]
        out: PathBuf,
        /// Parser epochs.
        #[arg(long, default_value_t = 15)]
        epochs: usize,
        /// Random seed (training is deterministic for a given seed).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Train on the first N sentences only (for quick experiments).
        #[arg(long)]
        max_sentences: Option<usize>,
        /// Beam width: 1 trains and parses greedily; more trains globally (max-violation
        /// structured perceptron) and parses with a beam of this width.
        #[arg(long, default_value_t = 1)]
        beam: usize,
        /// Beam width the trained model parses with (default: --beam).
        #[arg(long)]
        decode_beam: Option<usize>,
        /// Weight of each arc's label margin in the beam's scores (0: none).
        #[arg(long, default_value_t = 0.0)]
        label_weight: f32,
        /// Tagger epochs (default: the POS tagger's).
        #[arg(long, default_value_t = 0)]
        tagger_epochs: usize,
        /// Tagger ensemble size (default: the POS tagger's).
        #[arg(long, default_value_t = 0)]
        tagger_ensemble: usize,
        /// Drop averaged parser weights smaller than this.
        #[arg(long, default_value_t = 0.0)]
        prune: f32,
        /// Train the parser on tags predicted by taggers trained on the other folds (this
        /// many folds; 0 = on the gold tags).
        #[arg(long, default_value_t = 4)]
        jackknife: usize,
        /// No UPOS tagger: UPOS from the (XPOS, word) table learned on the training set.
        #[arg(long)]
        no_upos_tagger: bool,
    },
    /// Score on a CoNLL-U file with gold tokenization: predicts tags, lemmas, heads and
    /// relations from the word forms and prints UAS, LAS, UPOS, XPOS, lemma accuracy and
    /// per-relation scores.
    Eval {
        /// Gold CoNLL-U file.
        file: PathBuf,
        /// Model file (default: the embedded model).
        #[arg(long)]
        model: Option<PathBuf>,
        /// Write the predictions here as CoNLL-U.
        #[arg(long)]
        predictions: Option<PathBuf>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// Diagnostic: parse from the gold UPOS and XPOS instead of predicted tags.
        #[arg(long)]
        gold_tags: bool,
        /// Diagnostic: drop the parser weights below this magnitude before scoring, and
        /// write the pruned model here (with --pruned-out).
        #[arg(long)]
        prune: Option<f32>,
        /// Where to write the pruned model.
        #[arg(long, requires = "prune")]
        pruned_out: Option<PathBuf>,
        /// Diagnostic: decode with this beam width instead of the model's.
        #[arg(long)]
        beam: Option<usize>,
        /// Diagnostic: weigh arc label margins in the beam by this instead of the model's.
        #[arg(long)]
        label_weight: Option<f32>,
    },
    /// Parse raw text (a file, or standard input) into CoNLL-U.
    Tag {
        /// Text file (default: standard input).
        input: Option<PathBuf>,
        /// Model file (default: the embedded model).
        #[arg(long)]
        model: Option<PathBuf>,
    },
}

fn parse_model(
    path: &Option<PathBuf>,
) -> anyhow::Result<std::borrow::Cow<'static, claimex::parse::ParseModel>> {
    Ok(match path {
        Some(p) => std::borrow::Cow::Owned(
            claimex::parse::ParseModel::from_bytes(
                &std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?,
            )
            .with_context(|| format!("invalid model {}", p.display()))?,
        ),
        None => std::borrow::Cow::Borrowed(claimex::parse::embedded()?),
    })
}

fn read_treebank(path: &Path) -> anyhow::Result<Vec<claimex::parse::conllu::Sentence>> {
    claimex::parse::conllu::read(path).with_context(|| format!("cannot read {}", path.display()))
}

fn parse_command(command: ParseCommand) -> anyhow::Result<ExitCode> {
    use claimex::parse::{conllu, score, ParseModel, TrainOptions};
    let classes = models::word_classes();
    match command {
        ParseCommand::Train {
            train,
            dev,
            out,
            epochs,
            seed,
            max_sentences,
            beam,
            decode_beam,
            label_weight,
            tagger_epochs,
            tagger_ensemble,
            prune,
            jackknife,
            no_upos_tagger,
        } => {
            let started = std::time::Instant::now();
            let mut train_set = read_treebank(&train)?;
            if let Some(n) = max_sentences {
                train_set.truncate(n);
            }
            let dev_set = dev.as_deref().map(read_treebank).transpose()?;
            let mut options = TrainOptions {
                tagger_epochs,
                tagger_ensemble,
                jackknife,
                upos_tagger: !no_upos_tagger,
                ..TrainOptions::default()
            };
            options.parser.epochs = epochs;
            options.parser.seed = seed;
            options.parser.prune = prune;
            options.parser.beam = beam;
            options.parser.decode_beam = decode_beam.unwrap_or(0);
            options.parser.label_weight = label_weight;
            let model = ParseModel::train(&train_set, dev_set.as_deref(), classes, &options);
            let mut file = AtomicFile::create(&out)?;
            model.write_to(file.writer())?;
            file.commit()
                .with_context(|| format!("cannot write {}", out.display()))?;
            let (t, a) = model.parser.n_weights();
            eprintln!(
                "claimex: trained parser on {} sentences in {:.1}s ({t} transition and {a} label weights) -> {}",
                train_set.len(),
                started.elapsed().as_secs_f64(),
                out.display()
            );
        }
        ParseCommand::Eval {
            file,
            model,
            predictions,
            json,
            gold_tags,
            prune,
            pruned_out,
            beam,
            label_weight,
        } => {
            let mut model = parse_model(&model)?;
            if let Some(k) = beam {
                model.to_mut().parser.set_beam(k);
            }
            if let Some(w) = label_weight {
                model.to_mut().parser.set_label_weight(w);
            }
            if let Some(p) = prune {
                let m = model.to_mut();
                m.parser = m.parser.pruned(p);
                let (t, a) = m.parser.n_weights();
                eprintln!("claimex: pruned below {p}: {t} transition and {a} label weights");
                if let Some(out) = &pruned_out {
                    let mut f = AtomicFile::create(out)?;
                    m.write_to(f.writer())?;
                    f.commit()?;
                }
            }
            let gold = read_treebank(&file)?;
            let started = std::time::Instant::now();
            let pred = if gold_tags {
                model.predict_with_gold_tags(&gold, classes)
            } else {
                model.predict(&gold, classes)
            };
            let seconds = started.elapsed().as_secs_f64();
            if let Some(p) = predictions {
                let mut f = AtomicFile::create(&p)?;
                conllu::write(f.writer(), &pred)?;
                f.commit()
                    .with_context(|| format!("cannot write {}", p.display()))?;
            }
            let scores = score::score(&gold, &pred);
            if json {
                println!("{}", serde_json::to_string_pretty(&scores)?);
            } else {
                print!("{}", scores.to_text());
                eprintln!(
                    "claimex: {} words in {:.2}s ({:.0} words/s)",
                    scores.words,
                    seconds,
                    scores.words as f64 / seconds.max(1e-9)
                );
            }
        }
        ParseCommand::Tag { input, model } => {
            let model = parse_model(&model)?;
            let text = match &input {
                Some(p) => std::fs::read_to_string(p)
                    .with_context(|| format!("cannot read {}", p.display()))?,
                None => std::io::read_to_string(std::io::stdin())?,
            };
            let started = std::time::Instant::now();
            let sentences = claimex::parse::split_text(&text);
            let parsed = model.annotate_parallel(&sentences, classes);
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let words: usize = parsed.iter().map(|s| s.len()).sum();
            match conllu::write(&mut out, &parsed).and_then(|()| std::io::Write::flush(&mut out)) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                r => r?,
            }
            eprintln!(
                "claimex: {} sentences, {words} words in {:.2}s ({:.0} words/s)",
                parsed.len(),
                started.elapsed().as_secs_f64(),
                words as f64 / started.elapsed().as_secs_f64().max(1e-9)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// How `claimex run` was asked to run.
struct RunRequest {
    pipeline: Pipeline,
    inputs: Vec<PathBuf>,
    out: PathBuf,
    dataset: DatasetOptions,
    shard: Option<Shard>,
    options: RunOptions,
    ingest: IngestOptions,
}

fn run(request: RunRequest) -> anyhow::Result<ExitCode> {
    let problems = ingest::check_inputs(&request.inputs);
    if !problems.is_empty() {
        anyhow::bail!("nothing was run or written:\n  {}", problems.join("\n  "));
    }
    let stats = if request.out.as_os_str() == "-" {
        match stream(&request) {
            Err(e) if is_broken_pipe(&e) => return Ok(ExitCode::SUCCESS),
            result => result?,
        }
    } else {
        update_dataset(&request)?
    };
    if request.options.progress {
        eprintln!(
            "claimex: {} articles ({} reused, {} kept from earlier runs), {} claims, {} entities, {} rejected, {} warnings in {:.2}s ({:.0} words/s) -> {}",
            stats.articles,
            stats.reused,
            stats.kept,
            stats.claims,
            stats.entities,
            stats.rejected,
            stats.warnings,
            stats.wall_seconds,
            stats.words_per_second,
            request.out.display()
        );
    }
    Ok(if stats.rejected > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// The input stream of a run: articles or per-record errors, of this run's shard.
fn inputs<'a>(
    articles: &'a RefCell<Articles>,
    shard: Option<Shard>,
) -> impl Iterator<Item = ingest::Item> + 'a {
    std::iter::from_fn(move || articles.borrow_mut().next())
        .filter(move |item| shard.is_none_or(|s| s.contains(item)))
}

/// `--out -`: claims as JSON Lines on standard output.
fn stream(request: &RunRequest) -> anyhow::Result<RunStats> {
    let articles = RefCell::new(Articles::new(&request.inputs, request.ingest.clone()));
    let work = inputs(&articles, request.shard).map(|item| match item {
        Ok(article) => Work::Process(article),
        Err(e) => Work::Report(e),
    });
    let consumed = || articles.borrow().consumed_bytes();
    let mut sink = ClaimStream::new(std::io::BufWriter::with_capacity(
        1 << 16,
        std::io::stdout(),
    ));
    let stats = request
        .pipeline
        .run(work, consumed, &mut sink, &request.options)?;
    sink.finish()?;
    Ok(stats)
}

/// Whether `error` comes from writing to a closed pipe (the reader chose to stop).
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Runs into the output directory: this run's articles, then those kept from earlier runs.
fn update_dataset(request: &RunRequest) -> anyhow::Result<RunStats> {
    let out = &request.out;
    let pipeline = &request.pipeline;
    let mut dataset = Dataset::open(out, pipeline.run_key(), request.dataset)
        .with_context(|| format!("cannot use output directory {}", out.display()))?;
    let index = dataset.index();
    if index.resumed() > 0 {
        eprintln!(
            "claimex: resuming an interrupted run in {}: {} articles were already processed",
            out.display(),
            index.resumed()
        );
    } else if index.interrupted() {
        eprintln!(
            "claimex: an earlier run into {} was interrupted; its leftovers were removed and this run starts afresh",
            out.display()
        );
    }
    if request.options.progress && !index.is_empty() && !request.dataset.prune {
        eprintln!(
            "claimex: {} holds {} articles from earlier runs; this run adds to them (--prune keeps only this run's input)",
            out.display(),
            index.len()
        );
    }
    let articles = RefCell::new(Articles::new(&request.inputs, request.ingest.clone()));
    let fresh_ids = RefCell::new(HashSet::new());
    let fresh = inputs(&articles, request.shard).map(|item| match item {
        Ok(article) => {
            fresh_ids.borrow_mut().insert(article.id.clone());
            match index.lookup(&article) {
                Some(cached) => Work::Reuse(cached),
                None => Work::Process(article),
            }
        }
        Err(e) => Work::Report(e),
    });
    let kept_count = Cell::new(0);
    let kept = dataset
        .kept()
        .remaining(|id| fresh_ids.borrow().contains(id))
        .map(|kept| {
            kept_count.set(kept_count.get() + 1);
            match kept {
                Ok(Kept::Reuse(cached)) => Work::Reuse(cached),
                Ok(Kept::Reprocess(article)) => Work::Process(article),
                Err(e) => Work::Report(e),
            }
        });
    let consumed = || articles.borrow().consumed_bytes();
    let mut stats = pipeline.run(fresh.chain(kept), consumed, &mut dataset, &request.options)?;
    stats.kept = kept_count.get();
    let files = articles.borrow();
    let fresh_ids = fresh_ids.borrow();
    let keep_error = |e: &ingest::InputError| {
        !files.files().contains(&e.file) && e.id.as_ref().is_none_or(|id| !fresh_ids.contains(id))
    };
    dataset
        .commit(&stats, keep_error)
        .with_context(|| format!("cannot write the outputs in {}", out.display()))?;
    Ok(stats)
}

/// A probability argument: a number from 0 to 1.
fn probability(arg: &str) -> Result<f32, String> {
    match arg.parse::<f32>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(format!("expected a probability from 0 to 1, got {arg:?}")),
    }
}

fn eval(gold: &Path, pred: &Path, speakers: Option<&Path>, json: bool) -> anyhow::Result<ExitCode> {
    let report = claim_eval::eval_files(gold, pred, speakers)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report.to_text());
    }
    Ok(ExitCode::SUCCESS)
}

fn report(dir: &Path) -> anyhow::Result<ExitCode> {
    let summary = claimex::report::write_report(dir)
        .with_context(|| format!("cannot write a report for {}", dir.display()))?;
    eprintln!(
        "claimex: {} articles, {} claims, {} speakers -> {}",
        summary.articles,
        summary.claims,
        summary.speakers,
        dir.join("report.html").display()
    );
    Ok(ExitCode::SUCCESS)
}

fn model_for(
    task: Task,
    path: &Option<PathBuf>,
) -> anyhow::Result<std::borrow::Cow<'static, claimex::tagger::Tagger>> {
    Ok(match path {
        Some(p) => std::borrow::Cow::Owned(models::load_tagger(p)?),
        None => std::borrow::Cow::Borrowed(models::embedded(task)),
    })
}

fn read_corpus(path: &Path) -> anyhow::Result<Corpus> {
    Corpus::read(path).with_context(|| format!("cannot read {}", path.display()))
}

/// `--ner-ensemble`'s least token probability of a transformer entity that types or adds one.
#[cfg(feature = "transformer")]
const ENSEMBLE_MIN_CONFIDENCE: &str = "0.98";

/// The transformer NER model in `dir`, with one network replica per rayon thread.
#[cfg(feature = "transformer")]
fn load_transformer(task: Task, dir: &Path) -> anyhow::Result<claimex::ner::TransformerNer> {
    anyhow::ensure!(task == Task::Ner, "--ner-model scores NER models only");
    claimex::ner::TransformerNer::load(dir, rayon::current_num_threads())
        .with_context(|| format!("cannot load the NER model in {}", dir.display()))
}

/// The pipeline of `claimex run`: the default one, or with the transformer NER model in `dir`
/// (one network replica per worker thread), alone or in an ensemble with the perceptron.
#[cfg(feature = "transformer")]
fn transformer_pipeline(
    dir: Option<&Path>,
    ensemble: Option<f32>,
    threads: usize,
) -> anyhow::Result<Pipeline> {
    let Some(dir) = dir else {
        return Ok(Pipeline::default());
    };
    let replicas = match threads {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    };
    let model = claimex::ner::TransformerNer::load(dir, replicas)
        .with_context(|| format!("cannot load the NER model in {}", dir.display()))?;
    let recognizer: Box<dyn claimex::ner::Recognizer> = match ensemble {
        Some(min) => Box::new(claimex::ner::EnsembleRecognizer::new(model, min)),
        None => Box::new(claimex::ner::TransformerRecognizer::new(model)),
    };
    Ok(Pipeline::default().with_recognizer(recognizer))
}

fn tag_command(task: Task, command: TagCommand) -> anyhow::Result<ExitCode> {
    match command {
        TagCommand::Train {
            train,
            dev,
            out,
            classes,
            seed,
        } => {
            let started = std::time::Instant::now();
            let classes: &WordClasses = match classes {
                Some(p) => Box::leak(Box::new(WordClasses::from_bytes(
                    &std::fs::read(&p).with_context(|| format!("cannot read {}", p.display()))?,
                )?)),
                None => models::word_classes(),
            };
            let train_set = read_corpus(&train)?;
            let dev_set = dev.as_deref().map(read_corpus).transpose()?;
            let model = tagging::train_model(task, &train_set, dev_set.as_ref(), classes, seed)
                .map_err(anyhow::Error::msg)?;
            tagging::save_model(&model, &out)
                .with_context(|| format!("cannot write {}", out.display()))?;
            eprintln!(
                "claimex: trained {} model on {} sentences in {:.1}s -> {}",
                task.name(),
                train_set.sentences().count(),
                started.elapsed().as_secs_f64(),
                out.display()
            );
        }
        TagCommand::Eval {
            file,
            model,
            json,
            predictions,
            #[cfg(feature = "transformer")]
            ner_model,
            #[cfg(feature = "transformer")]
            ner_ensemble,
        } => {
            #[cfg(feature = "transformer")]
            let transformer = ner_model
                .map(|dir| load_transformer(task, &dir))
                .transpose()?;
            let model = model_for(task, &model)?;
            let corpus = read_corpus(&file)?;
            let mut writer = predictions
                .as_ref()
                .map(|p| std::fs::File::create(p).map(std::io::BufWriter::new))
                .transpose()
                .context("cannot create the predictions file")?;
            let sink = writer.as_mut().map(|w| w as &mut dyn std::io::Write);
            #[cfg(feature = "transformer")]
            let report = match &transformer {
                Some(t) => match ner_ensemble {
                    Some(min) => tagging::evaluate_ensemble(
                        &model,
                        models::word_classes(),
                        t,
                        min,
                        &corpus,
                        sink,
                    ),
                    None => tagging::evaluate_transformer(t, &corpus, sink),
                },
                None => tagging::evaluate(&model, models::word_classes(), task, &corpus, sink),
            };
            #[cfg(not(feature = "transformer"))]
            let report = tagging::evaluate(&model, models::word_classes(), task, &corpus, sink);
            let report = report.map_err(anyhow::Error::msg)?;
            if let Some(mut w) = writer {
                std::io::Write::flush(&mut w)?;
            }
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print!("{}", report.to_text());
            }
        }
        TagCommand::Tag { input, model } => {
            let model = model_for(task, &model)?;
            let text = match &input {
                Some(p) => std::fs::read_to_string(p)
                    .with_context(|| format!("cannot read {}", p.display()))?,
                None => std::io::read_to_string(std::io::stdin())?,
            };
            let article = Article::new("input", text);
            let doc = Pipeline::default().analyze(&article);
            let sentences: Vec<Vec<&str>> = doc
                .sentences
                .iter()
                .map(|s| s.tokens.clone().map(|i| doc.token_text(i)).collect())
                .collect();
            let tags = model.tag_document(&sentences, models::word_classes());
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for (tokens, ids) in sentences.iter().zip(tags) {
                for (token, id) in tokens.iter().zip(ids) {
                    std::io::Write::write_fmt(
                        &mut out,
                        format_args!("{token}\t{}\n", model.labels()[id as usize]),
                    )?;
                }
                std::io::Write::write_all(&mut out, b"\n")?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn speakers_command(command: SpeakersCommand) -> anyhow::Result<ExitCode> {
    match command {
        SpeakersCommand::Train {
            articles,
            speakers,
            out,
            rounds,
            l2,
            folds,
            errors,
        } => {
            let (docs, gold) = gold_speakers(&articles, &speakers)?;
            let (model, report) = train_antecedents(&docs, &gold, rounds, l2, folds.max(2));
            let mut file = AtomicFile::create(&out)?;
            std::io::Write::write_all(
                file.writer(),
                model
                    .to_table(claimex::attribution::ANTECEDENTS_HEADER)
                    .as_bytes(),
            )?;
            file.commit()?;
            if let Some(path) = errors {
                let mut file = AtomicFile::create(&path)?;
                for e in &report.errors {
                    serde_json::to_writer(file.writer(), e)?;
                    std::io::Write::write_all(file.writer(), b"\n")?;
                }
                file.commit()?;
            }
            print_antecedent_report(&report, docs.len());
        }
        SpeakersCommand::Eval {
            articles,
            speakers,
            model,
        } => {
            let (docs, gold) = gold_speakers(&articles, &speakers)?;
            let model = match model {
                Some(path) => AntecedentModel::from_table(&std::fs::read_to_string(&path)?)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?,
                None => claimex::attribution::default_antecedents(),
            };
            print_antecedent_report(&evaluate_antecedents(&model, &docs, &gold), docs.len());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The hand-resolved speakers in `speakers` and the articles of `articles` they are in.
fn gold_speakers(
    articles: &Path,
    speakers: &Path,
) -> anyhow::Result<(Vec<Article>, Vec<GoldMention>)> {
    let text = std::fs::read_to_string(speakers)
        .with_context(|| format!("cannot read {}", speakers.display()))?;
    let mut gold: Vec<GoldMention> = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        gold.push(
            serde_json::from_str(line)
                .with_context(|| format!("{} line {}", speakers.display(), n + 1))?,
        );
    }
    let mut docs: Vec<Article> = Vec::new();
    for article in Articles::new(&[articles.to_path_buf()], IngestOptions::default()) {
        let article = article.map_err(|e| anyhow::anyhow!("{e}"))?;
        if gold.iter().any(|g| g.doc_id == article.id) {
            docs.push(article);
        }
    }
    Ok((docs, gold))
}

fn print_antecedent_report(report: &AntecedentReport, articles: usize) {
    eprintln!(
        "claimex: {} anaphors in {articles} articles ({} unreachable), {} other mentions skipped",
        report.examples, report.unreachable, report.skipped
    );
    println!(
        "{:<10} {:>6} {:>8} {:>9}",
        "category", "n", "correct", "accuracy"
    );
    for (group, n, correct) in &report.accuracy {
        let accuracy = *correct as f64 / (*n).max(1) as f64;
        println!("{group:<10} {n:>6} {correct:>8} {accuracy:>9.3}");
    }
}

fn attrib_command(command: AttribCommand) -> anyhow::Result<ExitCode> {
    match command {
        AttribCommand::Train {
            train,
            train_gold,
            dev,
            dev_gold,
            seed,
            out,
        } => {
            let config = claimex::attrib::train::CueTrainConfig {
                seed,
                verbose: true,
                ..Default::default()
            };
            let dev = dev.as_deref().zip(dev_gold.as_deref());
            let (tagger, report) =
                claimex::attrib::train_files(&config, (&train, &train_gold), dev)?;
            let mut file = AtomicFile::create(&out)?;
            tagger.write_to(file.writer())?;
            file.commit()?;
            print!("{report}");
        }
        AttribCommand::Eval {
            gold,
            articles,
            model,
            json,
        } => {
            let tagger = match model {
                Some(path) => {
                    let bytes = std::fs::read(&path)
                        .with_context(|| format!("cannot read {}", path.display()))?;
                    claimex::attrib::CueTagger::from_bytes(&bytes)?
                }
                None => claimex::attrib::embedded().clone(),
            };
            let docs = claimex::attrib::load(&articles, &gold)?;
            let report = claimex::attrib::eval::evaluate(&tagger, &docs);
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print!("{}", report.to_text());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    // Usage errors are fatal (exit 1): exit status 2 means "some inputs were rejected".
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let result = match cli.command {
        Command::Run {
            inputs,
            out,
            force,
            prune,
            shard,
            threads,
            quiet,
            max_article_bytes,
            syntax,
            min_confidence,
            #[cfg(feature = "transformer")]
            ner_model,
            #[cfg(feature = "transformer")]
            ner_ensemble,
        } => {
            #[cfg(feature = "transformer")]
            let pipeline = transformer_pipeline(ner_model.as_deref(), ner_ensemble, threads);
            #[cfg(not(feature = "transformer"))]
            let pipeline = anyhow::Ok(Pipeline::default());
            pipeline.and_then(|pipeline| {
                run(RunRequest {
                    pipeline: pipeline
                        .with_syntax(syntax)
                        .with_min_confidence(min_confidence),
                    options: RunOptions {
                        threads,
                        progress: !quiet,
                        total_bytes: Articles::total_bytes(&inputs),
                    },
                    inputs,
                    out,
                    dataset: DatasetOptions { force, prune },
                    shard,
                    ingest: IngestOptions { max_article_bytes },
                })
            })
        }
        Command::Eval {
            gold,
            pred,
            speakers,
            json,
        } => eval(&gold, &pred, speakers.as_deref(), json),
        Command::Report { dir } => report(&dir),
        Command::Ner { command } => tag_command(Task::Ner, command),
        Command::Pos { command } => tag_command(Task::Pos, command),
        Command::Chunk { command } => tag_command(Task::Chunk, command),
        Command::Parse { command } => parse_command(command),
        Command::Speakers { command } => speakers_command(command),
        Command::Attrib { command } => attrib_command(command),
        Command::Confidence {
            command:
                ConfidenceCommand::Train {
                    train,
                    train_gold,
                    dev,
                    dev_gold,
                    folds,
                    out,
                },
        } => (|| {
            let pipeline = Pipeline::default().without_confidence();
            let corpora = [
                (train.as_path(), train_gold.as_path()),
                (dev.as_path(), dev_gold.as_path()),
            ];
            print!(
                "{}",
                claimex::confidence::train::train_files(&pipeline, corpora, folds, &out)?
            );
            Ok(ExitCode::SUCCESS)
        })(),
        Command::Classes { vectors, out, seed } => (|| {
            let started = std::time::Instant::now();
            let classes = WordClasses::build(
                &vectors.join("vectors.f16.npy"),
                &vectors.join("vectors.words.txt"),
                seed,
            )?;
            let mut file = AtomicFile::create(&out)?;
            classes.write_to(file.writer())?;
            file.commit()?;
            eprintln!(
                "claimex: {} word forms in {:.1}s -> {}",
                classes.n_forms(),
                started.elapsed().as_secs_f64(),
                out.display()
            );
            Ok(ExitCode::SUCCESS)
        })(),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("claimex: error: {e:#}");
            ExitCode::from(1)
        }
    }
}
