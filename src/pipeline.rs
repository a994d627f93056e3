//! The pipeline: owns the stages, streams articles through them in bounded batches on a rayon
//! pool, and hands the outputs to the sinks in input order (so output is identical whatever
//! the thread count).

use std::cell::OnceCell;
use std::collections::HashSet;
use std::io::IsTerminal;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;

use crate::article::Article;
use crate::attribution::{Attributor, Claim, RuleAttributor};
use crate::claim::DocOutput;
use crate::clean::Cleaner;
use crate::confidence::ConfidenceModel;
use crate::document::{Analysis, ParserSource, Sentence};
use crate::ingest::InputError;
use crate::lexicon::Lexicon;
use crate::models;
use crate::ner::{Recognizer, TaggerRecognizer};
use crate::parse::ParseModel;
use crate::quote::{Candidate, CueLexicon, QuoteDetector, RuleQuoteDetector};
use crate::sentence::{Abbreviations, NewsSentenceSplitter, SentenceSplitter};
use crate::sink::{Counts, RunKey, Sink};
use crate::token::Tokenizer;

/// Articles per parallel batch: bounds memory while keeping both cores busy.
const BATCH_ARTICLES: usize = 256;
/// Text bytes per parallel batch.
const BATCH_BYTES: usize = 16 << 20;

/// Which sentences of an article the pipeline tags, lemmatises and parses (see
/// [`Analysis::syntax`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum SyntaxScope {
    /// None: [`Analysis::syntax`] answers `None` and the rules that read the parse step
    /// aside.
    None,
    /// A sentence when a stage first asks for its syntax (the parser model is loaded then).
    #[default]
    Lazy,
    /// The sentences the attribution stage looks at, after quote detection: those holding a
    /// candidate's cue, content or speaker mention.
    Candidates,
    /// Every sentence, before quote detection.
    All,
}

/// Beam width of the pipeline's parses. Width 2 gives the attribution stage the claims of the
/// model's own width 4 (byte-identical on PolNeAR dev; on train one more right speaker) for
/// about 5% more words per second (BENCHMARKS.md); `claimex parse` keeps the model's width.
pub const PIPELINE_BEAM: usize = 2;

/// The embedded parser model with the pipeline's beam width (loaded on first use).
fn embedded_parser() -> Option<&'static ParseModel> {
    static MODEL: OnceLock<Option<ParseModel>> = OnceLock::new();
    MODEL
        .get_or_init(|| {
            let mut model = ParseModel::from_bytes(crate::parse::PARSER_MODEL).ok()?;
            model.parser.set_beam(PIPELINE_BEAM);
            Some(model)
        })
        .as_ref()
}

/// Claims whose calibrated confidence is below this are left out of a run's output. Chosen
/// on PolNeAR dev (model selection): claim F1 is 0.685 with every claim, 0.689 from 0.2 and
/// 0.692 from 0.25 to 0.35, where quote F1 falls (0.739 with every claim, 0.738 at 0.25, 0.734
/// at 0.35); the lowest cut of the plateau drops 61 dev claims, 6 of them right.
pub const DEFAULT_MIN_CONFIDENCE: f32 = 0.25;

/// The stages of the claim pipeline.
pub struct Pipeline {
    cleaner: Cleaner,
    splitter: Box<dyn SentenceSplitter>,
    tokenizer: Tokenizer,
    recognizer: Box<dyn Recognizer>,
    syntax: SyntaxScope,
    detector: Box<dyn QuoteDetector>,
    attributor: Box<dyn Attributor>,
    /// Turns each claim's rule confidence into a calibrated probability; `None` keeps the
    /// rule confidence (what the confidence model is trained on).
    confidence: Option<&'static ConfidenceModel>,
    /// Calibrated confidence a claim needs to be output (with the confidence model only).
    min_confidence: f32,
    lexicon: Lexicon,
    /// First names (`models/first_names.tsv`): a name the tagger joined to a role is a person's.
    first_names: HashSet<String>,
}

impl Default for Pipeline {
    /// The pipeline with every model embedded in the binary.
    fn default() -> Self {
        let abbreviations = Abbreviations::default();
        let lexicon = crate::lexicon::default_lexicon();
        Pipeline {
            cleaner: Cleaner::default(),
            splitter: Box::new(NewsSentenceSplitter::new(abbreviations.clone())),
            tokenizer: Tokenizer::new(abbreviations),
            recognizer: Box::new(TaggerRecognizer::embedded()),
            syntax: SyntaxScope::default(),
            detector: Box::new(RuleQuoteDetector::new(
                CueLexicon::default(),
                lexicon.clone(),
            )),
            attributor: Box::new(RuleAttributor::new(lexicon.clone())),
            confidence: Some(crate::confidence::embedded()),
            min_confidence: DEFAULT_MIN_CONFIDENCE,
            lexicon,
            first_names: crate::attribution::first_names(crate::attribution::DEFAULT_FIRST_NAMES),
        }
    }
}

/// Options of a batch run.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// Show a progress bar on stderr (only drawn when stderr is a terminal).
    pub progress: bool,
    /// Total input bytes, when known, for the progress bar's ETA.
    pub total_bytes: Option<u64>,
}

/// What a run did, written to `run.json`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct RunStats {
    /// claimex version.
    pub claimex_version: String,
    /// Identifiers of the models used.
    pub models: Vec<String>,
    /// Worker threads used.
    pub threads: usize,
    /// Articles in the output (processed or reused).
    pub articles: u64,
    /// Of those, articles whose records were copied from an earlier run.
    pub reused: u64,
    /// Of those, articles of earlier runs that are not in this run's input.
    pub kept: u64,
    /// Inputs rejected (see `errors.jsonl`).
    pub rejected: u64,
    /// Inputs processed with a warning, e.g. decoded from Windows-1252 (see `errors.jsonl`).
    pub warnings: u64,
    /// Claims written.
    pub claims: u64,
    /// Entity mentions written.
    pub entities: u64,
    /// Whitespace-separated words of the articles processed (not reused) in this run.
    pub words: u64,
    /// Wall-clock seconds.
    pub wall_seconds: f64,
    /// Words per second of wall-clock time.
    pub words_per_second: f64,
    /// Articles per second of wall-clock time.
    pub articles_per_second: f64,
}

impl Pipeline {
    /// The same pipeline with another attributor (training the antecedent ranker uses one
    /// without it, so that its features never depend on the model being trained).
    pub fn with_attributor(mut self, attributor: RuleAttributor) -> Pipeline {
        self.attributor = Box::new(attributor);
        self
    }

    /// This pipeline with another named-entity recognizer.
    pub fn with_recognizer(mut self, recognizer: Box<dyn Recognizer>) -> Pipeline {
        self.recognizer = recognizer;
        self
    }

    /// Runs the analysis stages on one article.
    pub fn analyze<'a>(&self, article: &'a Article) -> Analysis<'a> {
        let text = &article.text;
        let mask = self.cleaner.mask(text);
        let spans = self.splitter.split(text, &mask);
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let mut sentences = Vec::with_capacity(spans.len());
        for span in spans {
            let start = tokens.len();
            self.tokenizer.tokenize_into(text, span, &mut tokens);
            if tokens.len() > start {
                sentences.push(Sentence {
                    span,
                    tokens: start..tokens.len(),
                });
            }
        }
        let mut doc = Analysis {
            article,
            mask,
            parser: (self.syntax != SyntaxScope::None).then_some(embedded_parser as ParserSource),
            parses: vec![OnceCell::new(); sentences.len()],
            sentences,
            tokens,
            entities: Vec::new(),
        };
        let mut entities = self.recognizer.recognize(&doc);
        crate::ner::split_offices(&doc, &self.lexicon, &mut entities);
        crate::ner::split_affiliations(&doc, &self.lexicon, &self.first_names, &mut entities);
        crate::ner::split_persons_of(&doc, &self.lexicon, &self.first_names, &mut entities);
        crate::ner::detach_opening_verbs(&doc, &self.lexicon, &mut entities);
        doc.entities = entities;
        if self.syntax == SyntaxScope::All {
            self.parse_sentences(&doc, (0..doc.sentences.len()).collect());
        }
        doc
    }

    /// The pipeline parsing the sentences of `scope`.
    pub fn with_syntax(mut self, scope: SyntaxScope) -> Pipeline {
        self.syntax = scope;
        self
    }

    /// Tags, lemmatises and parses the sentences `which` (ascending, distinct) of `doc`, all
    /// at once.
    fn parse_sentences(&self, doc: &Analysis, which: Vec<usize>) {
        let Some(model) = embedded_parser() else {
            return;
        };
        let forms: Vec<Vec<&str>> = which.iter().map(|&i| doc.sentence_forms(i)).collect();
        let parsed = model.syntax(&forms, models::word_classes());
        for (i, syntax) in which.into_iter().zip(parsed) {
            let _ = doc.parses[i].set(syntax);
        }
    }

    /// The sentences holding a candidate's cue, content or speaker mention, ascending.
    fn candidate_sentences(doc: &Analysis, candidates: &[Candidate]) -> Vec<usize> {
        let mut which: Vec<usize> = candidates
            .iter()
            .flat_map(|c| {
                let spans = c.fragments.iter().chain(&c.speaker);
                let spans = spans.chain(c.cue.as_ref().map(|q| &q.span));
                spans
                    .flat_map(|&s| doc.sentences_in(s))
                    .chain(std::iter::once(c.sentence))
            })
            .filter(|&i| i < doc.sentences.len())
            .collect();
        which.sort_unstable();
        which.dedup();
        which
    }

    /// Quote detection on an analysed article; with [`SyntaxScope::Candidates`] the
    /// candidates' sentences are then parsed.
    fn candidates(&self, doc: &Analysis) -> Vec<Candidate> {
        let candidates = self.detector.detect(doc);
        if self.syntax == SyntaxScope::Candidates {
            self.parse_sentences(doc, Self::candidate_sentences(doc, &candidates));
        }
        candidates
    }

    /// Runs the analysis stages and quote detection on one article; the sentences of the
    /// pipeline's [`SyntaxScope`] are parsed.
    pub fn detect<'a>(&self, article: &'a Article) -> (Analysis<'a>, Vec<Candidate>) {
        let doc = self.analyze(article);
        let candidates = self.candidates(&doc);
        (doc, candidates)
    }

    /// Runs every stage on one article and builds its output records, leaving out claims
    /// below the pipeline's minimum confidence.
    pub fn process(&self, article: &Article) -> DocOutput {
        let doc = self.analyze(article);
        let (mut claims, _) = self.claims(&doc);
        if self.confidence.is_some() {
            claims.retain(|c| c.confidence >= self.min_confidence);
        }
        DocOutput::build(article, &doc, &claims)
    }

    /// The pipeline outputting only claims of calibrated confidence `min` or more (0 keeps
    /// every claim).
    pub fn with_min_confidence(mut self, min: f32) -> Pipeline {
        self.min_confidence = min;
        self
    }

    /// The claims of an analysed article, with the detector's pattern strength of each (same
    /// order); confidences are calibrated unless [`Pipeline::without_confidence`].
    pub fn claims(&self, doc: &Analysis) -> (Vec<Claim>, Vec<f32>) {
        let candidates = self.candidates(doc);
        let evidence: Vec<f32> = candidates.iter().map(|c| c.evidence).collect();
        let mut claims = self.attributor.attribute(doc, candidates);
        if let Some(model) = self.confidence {
            model.apply(doc, &mut claims, &evidence, &self.lexicon);
        }
        (claims, evidence)
    }

    /// This pipeline with the rule confidence instead of the calibrated one.
    pub fn without_confidence(mut self) -> Pipeline {
        self.confidence = None;
        self
    }

    /// The lexicon the stages use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Model identifiers for provenance.
    pub fn model_ids(&self) -> Vec<String> {
        let table = |name: &str, text: &str| {
            format!("{name}:{}", &models::fingerprint(text.as_bytes())[..12])
        };
        let mut ids = vec![
            format!("ner:{}", self.recognizer.model_id()),
            table("cues", crate::quote::DEFAULT_CUES),
            table("lexicon", crate::lexicon::DEFAULT_LEXICON),
            table("grammar", crate::lexicon::DEFAULT_GRAMMAR),
            table("antecedents", crate::attribution::DEFAULT_ANTECEDENTS),
            table("first_names", crate::attribution::DEFAULT_FIRST_NAMES),
            table("boilerplate", crate::clean::DEFAULT_BOILERPLATE),
            table("abbreviations", crate::sentence::DEFAULT_ABBREVIATIONS),
            table("sentence_words", crate::sentence::DEFAULT_SENTENCE_WORDS),
        ];
        if self.confidence.is_some() {
            ids.push(table("confidence", crate::confidence::DEFAULT_CONFIDENCE));
            ids.push(format!("min_confidence:{}", self.min_confidence));
        }
        ids
    }

    /// What makes this pipeline's outputs comparable between runs: version and model ids.
    pub fn run_key(&self) -> RunKey {
        RunKey {
            claimex_version: env!("CARGO_PKG_VERSION").to_string(),
            output_schema: crate::claim::OUTPUT_SCHEMA,
            models: self.model_ids(),
        }
    }

    /// Processes one article, turning a panic (a bug, never expected) into a per-article error.
    fn process_isolated(&self, article: &Article) -> Result<DocOutput, InputError> {
        catch_unwind(AssertUnwindSafe(|| self.process(article))).map_err(|panic| {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            InputError::error(
                &article.origin.file,
                article.origin.record,
                Some(article.id.clone()),
                format!("internal error while processing this article: {what}"),
            )
        })
    }

    /// Streams `inputs` through the pipeline into `sink`, in input order.
    pub fn run<S: Sink>(
        &self,
        inputs: impl Iterator<Item = Work<S::Reused>>,
        consumed_bytes: impl Fn() -> u64,
        sink: &mut S,
        options: &RunOptions,
    ) -> anyhow::Result<RunStats> {
        let started = Instant::now();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(options.threads)
            .build()?;
        let progress = progress_bar(options);
        let key = self.run_key();
        let mut stats = RunStats {
            claimex_version: key.claimex_version,
            models: key.models,
            threads: pool.current_num_threads(),
            ..RunStats::default()
        };
        // Writing overlaps processing: a writer thread drains finished batches in order
        // while the pool works on the next one (a channel of one batch bounds memory).
        let (tx, rx) = std::sync::mpsc::sync_channel::<Batch<S::Reused>>(1);
        let bytes_known = options.total_bytes.is_some();
        std::thread::scope(|scope| -> anyhow::Result<()> {
            let writer =
                scope.spawn(|| write_batches(rx, sink, &progress, &mut stats, bytes_known));
            let mut inputs = inputs.peekable();
            while inputs.peek().is_some() {
                // One bounded batch, in input order; rejected inputs keep their place.
                let mut batch: Vec<Work<S::Reused>> = Vec::new();
                let mut bytes = 0;
                while batch.len() < BATCH_ARTICLES && bytes < BATCH_BYTES {
                    let Some(work) = inputs.next() else { break };
                    if let Work::Process(a) = &work {
                        bytes += a.text.len();
                    }
                    batch.push(work);
                }
                let outputs: Vec<Outcome<S::Reused>> = pool.install(|| {
                    batch
                        .into_par_iter()
                        .map(|work| match work {
                            Work::Process(article) => match self.process_isolated(&article) {
                                Ok(doc) => Outcome::Processed(article, doc),
                                Err(e) => Outcome::Reported(e),
                            },
                            Work::Reuse(reused) => Outcome::Reused(reused),
                            Work::Report(e) => Outcome::Reported(e),
                        })
                        .collect()
                });
                if tx.send((outputs, consumed_bytes())).is_err() {
                    break; // the writer stopped on an error, reported by join below
                }
            }
            drop(tx);
            writer
                .join()
                .map_err(|_| anyhow::anyhow!("the output writer panicked"))?
        })?;
        progress.finish_and_clear();
        let elapsed = started
            .elapsed()
            .max(Duration::from_micros(1))
            .as_secs_f64();
        stats.wall_seconds = (elapsed * 1000.0).round() / 1000.0;
        stats.words_per_second = (stats.words as f64 / elapsed).round();
        stats.articles_per_second = (stats.articles as f64 / elapsed * 10.0).round() / 10.0;
        Ok(stats)
    }
}

/// One input of a run, in input order, as the caller decided to handle it.
pub enum Work<R> {
    /// An article to process.
    Process(Article),
    /// An article whose records the sink can copy from an earlier run.
    Reuse(R),
    /// An input that was rejected while reading it, or a warning about one.
    Report(InputError),
}

/// What became of one [`Work`] item.
enum Outcome<R> {
    Processed(Article, DocOutput),
    Reused(R),
    Reported(InputError),
}

/// Outcomes of one batch, with the input bytes consumed so far.
type Batch<R> = (Vec<Outcome<R>>, u64);

/// Writes batches to the sink in the order they arrive and keeps the counts.
fn write_batches<S: Sink>(
    batches: std::sync::mpsc::Receiver<Batch<S::Reused>>,
    sink: &mut S,
    progress: &ProgressBar,
    stats: &mut RunStats,
    bytes_known: bool,
) -> anyhow::Result<()> {
    let add = |stats: &mut RunStats, counts: Counts| {
        stats.articles += 1;
        stats.claims += counts.claims;
        stats.entities += counts.entities;
    };
    for (outputs, consumed) in batches {
        for output in outputs {
            match output {
                Outcome::Processed(article, doc) => {
                    let counts = Counts::of(&doc);
                    add(stats, counts);
                    stats.words += counts.words;
                    sink.write(&article, &doc)?;
                }
                Outcome::Reused(reused) => {
                    add(stats, sink.reuse(reused)?);
                    stats.reused += 1;
                }
                Outcome::Reported(e) => {
                    if e.is_warning() {
                        stats.warnings += 1;
                        progress.suspend(|| eprintln!("claimex: warning: {e}"));
                    } else {
                        stats.rejected += 1;
                        progress.suspend(|| eprintln!("claimex: skipped {e}"));
                    }
                    sink.report(&e)?;
                }
            }
        }
        sink.end_batch()?;
        progress.set_position(if bytes_known {
            consumed
        } else {
            stats.articles + stats.rejected
        });
        progress.set_message(format!(
            "{} articles, {} claims",
            stats.articles, stats.claims
        ));
    }
    Ok(())
}

fn progress_bar(options: &RunOptions) -> ProgressBar {
    if !options.progress || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match options.total_bytes {
        Some(total) => ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {percent}% {msg} ({binary_bytes_per_sec}, ETA {eta})")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {msg} ({per_sec})").unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}
