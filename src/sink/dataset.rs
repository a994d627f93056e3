//! The output directory of `claimex run`: an accumulating, incremental, checkpointed and
//! crash-safe dataset.
//!
//! Layout of the directory:
//! - `claims.jsonl`, `claims.csv`, `entities.jsonl`, `errors.jsonl`, `run.json`: the dataset;
//!   `speakers.jsonl`, `speakers.csv`: the speakers table, made anew from all the claims.
//! - `manifest.jsonl`: a header (format, claimex version, model ids), one line per article (id,
//!   content hash, where its records sit in each record file, its counts), and a trailer with
//!   the record files' sizes.
//! - `.claimex/texts.jsonl`: every article's id, text and metadata (claimex's JSONL input
//!   format), so that articles kept from earlier runs can be processed again when claimex or
//!   its models change.
//! - `.claimex/partial/NNNNNN.seg`: checkpoints of a run in progress, one per batch, each
//!   written atomically. A run that is killed leaves them behind and the next run reuses them.
//! - `.claimex/commit.json`: exists only while a commit renames its files into place; a run
//!   that finds it finishes those renames first.
//!
//! A run writes this run's articles first, in input order, then the articles of earlier runs
//! that this run's input does not hold (unless pruning), in their earlier order. Unchanged
//! articles' records are copied, not recomputed. Every output is written under a temporary
//! name, synced, and renamed into place only when the whole run is done, so the directory
//! holds either the previous complete dataset or the new one.

use std::collections::{HashMap, HashSet};
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{csv, jsonl, parquet, temporary_path, AtomicFile, Counts, Sink};
use crate::article::Article;
use crate::claim::{ArticleRecord, DocOutput};
use crate::ingest::{self, InputError};
use crate::speakers::{ClaimSpeaker, SpeakerTable};

/// The per-article record files, in the order of the manifest's ranges.
const RECORD_FILES: [&str; N] = [
    "claims.jsonl",
    "claims.csv",
    "entities.jsonl",
    ".claimex/texts.jsonl",
    "articles.jsonl",
    "articles.csv",
];
/// How many record files there are.
const N: usize = 6;
/// Where the article texts are, in [`RECORD_FILES`].
const TEXTS: usize = 3;
const ERRORS_FILE: &str = "errors.jsonl";
const SPEAKERS_FILES: [&str; 2] = ["speakers.jsonl", "speakers.csv"];
const MANIFEST_FILE: &str = "manifest.jsonl";
const RUN_FILE: &str = "run.json";
const STATE_DIR: &str = ".claimex";
const PARTIAL_DIR: &str = "partial";
const JOURNAL_FILE: &str = "commit.json";
const MANIFEST_FORMAT: u32 = 2;

/// Byte ranges (offset, length) of one article's records in each of [`RECORD_FILES`].
type Ranges = [(u64, u64); N];

/// What makes outputs comparable between runs: the claimex version, the output schema and the
/// model ids.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunKey {
    /// claimex version.
    pub claimex_version: String,
    /// [`crate::claim::OUTPUT_SCHEMA`]; absent (0) in datasets written before it was recorded.
    #[serde(default)]
    pub output_schema: u32,
    /// Identifiers (with fingerprints) of every model and table used.
    pub models: Vec<String>,
}

/// How a run treats the dataset already in its output directory.
#[derive(Clone, Copy, Debug, Default)]
pub struct DatasetOptions {
    /// Process every article again instead of copying unchanged ones.
    pub force: bool,
    /// Keep only this run's articles (the dataset mirrors the input) instead of adding to it.
    pub prune: bool,
}

/// The content hash of an article: id, text and metadata (xxh3, 128 bits).
pub fn content_hash(article: &Article) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let mut field = |value: Option<&str>| match value {
        Some(s) => {
            h.update(&[1]);
            h.update(&(s.len() as u64).to_le_bytes());
            h.update(s.as_bytes());
        }
        None => h.update(&[0]),
    };
    field(Some(&article.id));
    field(Some(&article.text));
    field(article.meta.title.as_deref());
    field(article.meta.date.as_deref());
    field(article.meta.source.as_deref());
    field(article.meta.url.as_deref());
    h.digest128()
}

/// Where an earlier run left an article's records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Store {
    /// The committed record files.
    Outputs,
    /// A checkpoint segment of an interrupted run.
    Segment(u32),
}

/// An article's records from an earlier run, ready to be copied.
#[derive(Clone, Debug)]
pub struct Cached {
    id: String,
    hash: u128,
    store: Store,
    ranges: Ranges,
    counts: Counts,
}

/// Earlier results: what can be copied instead of processed, and the articles of earlier runs.
#[derive(Debug, Default)]
pub struct DatasetIndex {
    /// Articles processed by an interrupted run with the same version and models.
    checkpoints: HashMap<String, Cached>,
    /// The committed dataset's articles, in its order.
    earlier: Vec<Cached>,
    /// Positions in `earlier` by id.
    by_id: HashMap<String, usize>,
    /// Whether the committed records may be copied (same version and models, not forced).
    reusable: bool,
    /// Whether articles of earlier runs stay in the dataset (not pruning).
    keep: bool,
    /// Whether an earlier run into the directory was interrupted.
    interrupted: bool,
}

impl DatasetIndex {
    /// The earlier records of `article`, if it is unchanged.
    pub fn lookup(&self, article: &Article) -> Option<Cached> {
        self.lookup_hash(&article.id, content_hash(article))
    }

    fn lookup_hash(&self, id: &str, hash: u128) -> Option<Cached> {
        let unchanged = |c: &&Cached| c.hash == hash;
        if let Some(cached) = self.checkpoints.get(id).filter(unchanged) {
            return Some(cached.clone());
        }
        let earlier = &self.earlier[*self.by_id.get(id)?];
        (self.reusable && earlier.hash == hash).then(|| earlier.clone())
    }

    /// Articles with records from earlier runs.
    pub fn len(&self) -> usize {
        self.earlier.len()
    }

    /// True when the directory holds no earlier articles.
    pub fn is_empty(&self) -> bool {
        self.earlier.is_empty()
    }

    /// Articles already processed by an interrupted run that this run resumes.
    pub fn resumed(&self) -> usize {
        self.checkpoints.len()
    }

    /// Whether an earlier run into the directory was interrupted (its leftovers were cleared,
    /// or its checkpoints are resumed).
    pub fn interrupted(&self) -> bool {
        self.interrupted
    }
}

/// An article of an earlier run that this run keeps: its records to copy, or (when claimex or
/// its models changed) the article to process again.
pub enum Kept {
    /// Records that can be copied.
    Reuse(Cached),
    /// The article, read back from the dataset's texts.
    Reprocess(Article),
}

/// The articles of earlier runs, read back in their order (see [`Dataset::kept`]).
pub struct KeptArticles {
    index: Arc<DatasetIndex>,
    texts: Option<File>,
    texts_name: String,
}

impl KeptArticles {
    /// The earlier articles for which `in_input` is false, in their earlier order; nothing when
    /// pruning. `in_input` is asked only once this run's input is exhausted.
    pub fn remaining<F: Fn(&str) -> bool>(
        mut self,
        in_input: F,
    ) -> impl Iterator<Item = Result<Kept, InputError>> {
        let index = Arc::clone(&self.index);
        let count = if index.keep { index.earlier.len() } else { 0 };
        (0..count).filter_map(move |i| {
            let earlier = &index.earlier[i];
            if in_input(&earlier.id) {
                return None;
            }
            Some(match index.lookup_hash(&earlier.id, earlier.hash) {
                Some(cached) => Ok(Kept::Reuse(cached)),
                None => self.read(earlier).map(Kept::Reprocess),
            })
        })
    }

    /// Reads an earlier article back from the dataset's texts.
    fn read(&mut self, earlier: &Cached) -> Result<Article, InputError> {
        let (offset, len) = earlier.ranges[TEXTS];
        let fail = |reason: String| {
            InputError::error(&self.texts_name, None, Some(earlier.id.clone()), reason)
        };
        let file = self
            .texts
            .as_mut()
            .ok_or_else(|| fail("the dataset's article texts are missing".into()))?;
        let mut bytes = vec![0; len as usize];
        file.seek(SeekFrom::Start(offset))
            .and_then(|_| file.read_exact(&mut bytes))
            .map_err(|e| fail(format!("cannot read the article's text: {e}")))?;
        ingest::parse_record(&bytes, &self.texts_name, 0).map(|mut article| {
            article.origin.record = None;
            article
        })
    }
}

#[derive(Serialize, Deserialize)]
struct ManifestHeader {
    claimex_manifest: u32,
    #[serde(flatten)]
    key: RunKey,
}

/// The first line of any claimex manifest: enough to recognise one of any format.
#[derive(Deserialize)]
struct AnyManifestHeader {
    claimex_manifest: u32,
}

#[derive(Serialize, Deserialize)]
struct ManifestEntry {
    id: String,
    hash: String,
    at: Ranges,
    n: [u64; 3],
}

#[derive(Serialize, Deserialize)]
struct ManifestTrailer {
    articles: u64,
    sizes: [u64; N],
}

#[derive(Serialize, Deserialize)]
struct SegmentRecord {
    id: String,
    hash: String,
    len: [u64; N],
    n: [u64; 3],
}

/// The dataset directory being written by a run (see the module documentation).
pub struct Dataset {
    dir: PathBuf,
    key: RunKey,
    index: Arc<DatasetIndex>,
    outputs: [AtomicFile; N],
    sizes: [u64; N],
    errors: AtomicFile,
    /// `errors.jsonl` lines of earlier runs, for [`Dataset::commit`] to keep or drop.
    earlier_errors: Vec<(String, InputError)>,
    manifest: AtomicFile,
    speakers: SpeakerTable,
    /// Ids of the articles written so far.
    ids: HashSet<String>,
    /// This run's rejected inputs, for the articles table.
    rejected: Vec<InputError>,
    articles: u64,
    previous: Option<[File; N]>,
    segment: Option<(u32, File)>,
    checkpoint: Vec<u8>,
    next_segment: u32,
    scratch: [Vec<u8>; N],
}

impl Dataset {
    /// Opens `dir` for a run. Refuses a non-empty directory that holds no claimex dataset, and
    /// (unless pruning) a dataset whose earlier articles cannot be carried over; then finishes
    /// an interrupted commit, clears leftovers of a killed run, and indexes what can be reused.
    pub fn open(dir: &Path, key: RunKey, options: DatasetOptions) -> io::Result<Dataset> {
        check_ownership(dir)?;
        let recovered = dir.exists() && recover(dir)?;
        let committed = match read_manifest(dir)? {
            Earlier::Nothing => None,
            Earlier::Committed(committed) => Some(committed),
            Earlier::Unusable(_) if options.prune => None,
            Earlier::Unusable(reason) => {
                return Err(io::Error::other(format!(
                    "{reason}; to rebuild the dataset from this run's input alone, run again \
                     with --prune (articles not in the input are then dropped), or choose a \
                     new folder"
                )))
            }
        };
        let partial = dir.join(STATE_DIR).join(PARTIAL_DIR);
        fs::create_dir_all(&partial)
            .map_err(|e| with_path(e, "cannot create output directory", &partial))?;
        let previous = match &committed {
            Some(c) if !options.force && c.key == key => open_records(dir, &c.sizes)?,
            _ => None,
        };
        let earlier = committed.map(|c| c.articles).unwrap_or_default();
        let mut checkpoints = HashMap::new();
        let (next_segment, segments) =
            load_segments(&partial, &key, options.force, &mut checkpoints)?;
        let earlier_errors = if options.prune {
            Vec::new()
        } else {
            read_errors(&dir.join(ERRORS_FILE))
        };
        let by_id = earlier
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        let index = DatasetIndex {
            checkpoints,
            earlier,
            by_id,
            reusable: previous.is_some(),
            keep: !options.prune,
            interrupted: recovered || segments,
        };
        Dataset::create(dir, key, index, previous, earlier_errors, next_segment)
    }

    /// Creates the temporary outputs of a run.
    fn create(
        dir: &Path,
        key: RunKey,
        index: DatasetIndex,
        previous: Option<[File; N]>,
        earlier_errors: Vec<(String, InputError)>,
        next_segment: u32,
    ) -> io::Result<Dataset> {
        let mut outputs = Vec::with_capacity(N);
        for name in RECORD_FILES {
            outputs.push(AtomicFile::create(&dir.join(name))?);
        }
        let mut outputs: [AtomicFile; N] = outputs
            .try_into()
            .map_err(|_| io::Error::other("record files"))?;
        let mut sizes = [0; N];
        for (i, header) in [(1, csv::CSV_HEADER.as_slice()), (5, &csv::ARTICLES_HEADER)] {
            let mut line = Vec::new();
            csv::render_header(header, &mut line)?;
            outputs[i].writer().write_all(&line)?;
            sizes[i] = line.len() as u64;
        }
        let mut manifest = AtomicFile::create(&dir.join(MANIFEST_FILE))?;
        write_json_line(
            manifest.writer(),
            &ManifestHeader {
                claimex_manifest: MANIFEST_FORMAT,
                key: key.clone(),
            },
        )?;
        Ok(Dataset {
            dir: dir.to_path_buf(),
            key,
            index: Arc::new(index),
            outputs,
            sizes,
            errors: AtomicFile::create(&dir.join(ERRORS_FILE))?,
            earlier_errors,
            manifest,
            speakers: SpeakerTable::default(),
            ids: HashSet::new(),
            rejected: Vec::new(),
            articles: 0,
            previous,
            segment: None,
            checkpoint: Vec::new(),
            next_segment,
            scratch: Default::default(),
        })
    }

    /// The index of reusable records, for deciding which articles to process.
    pub fn index(&self) -> Arc<DatasetIndex> {
        Arc::clone(&self.index)
    }

    /// The articles of earlier runs, to follow this run's input (see [`KeptArticles`]).
    pub fn kept(&self) -> KeptArticles {
        let path = self.dir.join(RECORD_FILES[TEXTS]);
        KeptArticles {
            index: self.index(),
            texts: File::open(&path).ok(),
            texts_name: path.display().to_string(),
        }
    }

    /// Appends one article's records (in `self.scratch`) to the outputs and the manifest.
    fn append(&mut self, id: &str, hash: u128, counts: Counts) -> io::Result<()> {
        let mut at = [(0, 0); N];
        for (i, bytes) in self.scratch.iter().enumerate() {
            self.outputs[i].writer().write_all(bytes)?;
            at[i] = (self.sizes[i], bytes.len() as u64);
            self.sizes[i] += bytes.len() as u64;
        }
        self.articles += 1;
        self.ids.insert(id.to_string());
        write_json_line(
            self.manifest.writer(),
            &ManifestEntry {
                id: id.to_string(),
                hash: format!("{hash:032x}"),
                at,
                n: [counts.claims, counts.entities, counts.words],
            },
        )
    }

    /// Adds a row to the articles table for each rejected input whose id is not an article of
    /// the dataset (once per id).
    fn append_rejected(&mut self, rejected: &[InputError]) -> io::Result<()> {
        for error in rejected {
            let Some(row) = ArticleRecord::rejected(error) else {
                continue;
            };
            if !self.ids.insert(row.id.clone()) {
                continue;
            }
            let (mut json, mut csv_row) = (Vec::new(), Vec::new());
            jsonl::render_line(&row, &mut json)?;
            csv::render_article_row(&row, &mut csv_row)?;
            for (i, bytes) in [(4, json), (5, csv_row)] {
                self.outputs[i].writer().write_all(&bytes)?;
                self.sizes[i] += bytes.len() as u64;
            }
        }
        Ok(())
    }

    /// Reads an earlier run's records of one article into `self.scratch`.
    fn read_cached(&mut self, cached: &Cached) -> io::Result<()> {
        for (i, &(offset, len)) in cached.ranges.iter().enumerate() {
            let file = match cached.store {
                Store::Outputs => match self.previous.as_mut() {
                    Some(files) => &mut files[i],
                    None => return Err(io::Error::other("earlier outputs are not open")),
                },
                Store::Segment(n) => {
                    if !matches!(&self.segment, Some((open, _)) if *open == n) {
                        let path = segment_path(&self.dir.join(STATE_DIR).join(PARTIAL_DIR), n);
                        let file = File::open(&path)
                            .map_err(|e| with_path(e, "cannot reopen checkpoint", &path))?;
                        self.segment = Some((n, file));
                    }
                    let Some((_, file)) = self.segment.as_mut() else {
                        return Err(io::Error::other("checkpoint segment is not open"));
                    };
                    file
                }
            };
            let buf = &mut self.scratch[i];
            buf.clear();
            buf.resize(len as usize, 0);
            file.seek(SeekFrom::Start(offset))?;
            file.read_exact(buf)?;
        }
        Ok(())
    }

    /// Publishes the run: appends the earlier runs' `errors.jsonl` lines for which
    /// `keep_error` holds, writes the manifest trailer and `run.json` (from `stats`), syncs
    /// everything, then renames all outputs into place under a commit journal and removes
    /// every temporary file.
    pub fn commit<T: Serialize>(
        mut self,
        stats: &T,
        keep_error: impl Fn(&InputError) -> bool,
    ) -> io::Result<()> {
        let mut rejected = std::mem::take(&mut self.rejected);
        for (line, error) in &self.earlier_errors {
            if keep_error(error) {
                self.errors.writer().write_all(line.as_bytes())?;
                self.errors.writer().write_all(b"\n")?;
                if !error.is_warning() {
                    rejected.push(error.clone());
                }
            }
        }
        self.append_rejected(&rejected)?;
        write_json_line(
            self.manifest.writer(),
            &ManifestTrailer {
                articles: self.articles,
                sizes: self.sizes,
            },
        )?;
        let mut run = AtomicFile::create(&self.dir.join(RUN_FILE))?;
        serde_json::to_writer_pretty(run.writer(), stats)?;
        run.writer().write_all(b"\n")?;
        let mut speakers_jsonl = AtomicFile::create(&self.dir.join(SPEAKERS_FILES[0]))?;
        let mut speakers_csv = AtomicFile::create(&self.dir.join(SPEAKERS_FILES[1]))?;
        let rows: Vec<_> = self.speakers.records().collect();
        jsonl::render_speakers(&rows, speakers_jsonl.writer())?;
        csv::render_speakers(&rows, speakers_csv.writer())?;
        let mut renames = Vec::new();
        for file in self.outputs.into_iter().chain([
            self.errors,
            speakers_jsonl,
            speakers_csv,
            run,
            self.manifest,
        ]) {
            renames.push(file.sync()?);
        }
        renames.extend(write_parquet(&self.dir, &renames)?);
        let journal = self.dir.join(STATE_DIR).join(JOURNAL_FILE);
        let mut record = AtomicFile::create(&journal)?;
        serde_json::to_writer(record.writer(), &OUTPUT_NAMES)?;
        record.commit()?;
        sync_dir(&self.dir.join(STATE_DIR))?;
        for (tmp, dest) in &renames {
            fs::rename(tmp, dest)?;
        }
        sync_dir(&self.dir)?;
        sync_dir(&self.dir.join(STATE_DIR))?;
        fs::remove_file(&journal)?;
        clear_segments(&self.dir.join(STATE_DIR).join(PARTIAL_DIR))
    }
}

/// Writes the Parquet copy of each JSONL table from its synced temporary file (in `renames`,
/// as (temporary, destination) pairs); returns the Parquet files' own pairs.
fn write_parquet(
    dir: &Path,
    renames: &[(PathBuf, PathBuf)],
) -> io::Result<Vec<(PathBuf, PathBuf)>> {
    let convert = |(jsonl, name, columns): (&str, &str, &[parquet::Column])| {
        let source = renames
            .iter()
            .find(|(_, dest)| *dest == dir.join(jsonl))
            .map(|(tmp, _)| tmp)
            .ok_or_else(|| io::Error::other(format!("{jsonl} was not written")))?;
        let mut file = AtomicFile::create(&dir.join(name))?;
        parquet::write_table(source, columns, file.writer())?;
        file.sync()
    };
    // One thread per table: the conversions are independent and each parses a whole file.
    std::thread::scope(|scope| {
        let handles: Vec<_> = parquet::TABLES
            .into_iter()
            .map(|table| scope.spawn(move || convert(table)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .map_err(|_| io::Error::other("a Parquet writer panicked"))?
            })
            .collect()
    })
}

/// Every file a commit renames into place, relative to the dataset directory.
const OUTPUT_NAMES: [&str; 15] = [
    RECORD_FILES[0],
    RECORD_FILES[1],
    RECORD_FILES[2],
    RECORD_FILES[3],
    RECORD_FILES[4],
    RECORD_FILES[5],
    ERRORS_FILE,
    SPEAKERS_FILES[0],
    SPEAKERS_FILES[1],
    parquet::TABLES[0].1,
    parquet::TABLES[1].1,
    parquet::TABLES[2].1,
    parquet::TABLES[3].1,
    RUN_FILE,
    MANIFEST_FILE,
];

impl Sink for Dataset {
    type Reused = Cached;

    fn write(&mut self, article: &Article, doc: &DocOutput) -> io::Result<()> {
        for buf in &mut self.scratch {
            buf.clear();
        }
        jsonl::render_claims(doc, &mut self.scratch[0])?;
        csv::render_rows(doc, &mut self.scratch[1])?;
        jsonl::render_entities(doc, &mut self.scratch[2])?;
        jsonl::render_article(article, &mut self.scratch[TEXTS])?;
        let row = ArticleRecord::processed(article, doc);
        jsonl::render_line(&row, &mut self.scratch[4])?;
        csv::render_article_row(&row, &mut self.scratch[5])?;
        let hash = content_hash(article);
        let counts = Counts::of(doc);
        write_json_line(
            &mut self.checkpoint,
            &SegmentRecord {
                id: article.id.clone(),
                hash: format!("{hash:032x}"),
                len: self.scratch.each_ref().map(|b| b.len() as u64),
                n: [counts.claims, counts.entities, counts.words],
            },
        )?;
        for bytes in &self.scratch {
            self.checkpoint.extend_from_slice(bytes);
        }
        for claim in &doc.claims {
            self.speakers.add(claim.into());
        }
        self.append(&article.id, hash, counts)
    }

    fn reuse(&mut self, cached: Cached) -> io::Result<Counts> {
        self.read_cached(&cached)?;
        for line in self.scratch[0]
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
        {
            let claim: ClaimSpeaker = serde_json::from_slice(line)?;
            self.speakers.add(claim);
        }
        self.append(&cached.id, cached.hash, cached.counts)?;
        Ok(cached.counts)
    }

    fn report(&mut self, error: &InputError) -> io::Result<()> {
        if !error.is_warning() {
            self.rejected.push(error.clone());
        }
        jsonl::render_error(error, self.errors.writer())
    }

    /// Writes the batch's processed articles as one checkpoint segment.
    fn end_batch(&mut self) -> io::Result<()> {
        if self.checkpoint.is_empty() {
            return Ok(());
        }
        let path = segment_path(
            &self.dir.join(STATE_DIR).join(PARTIAL_DIR),
            self.next_segment,
        );
        let mut file = AtomicFile::create(&path)?;
        write_json_line(file.writer(), &self.key)?;
        file.writer().write_all(&self.checkpoint)?;
        file.commit()?;
        self.checkpoint.clear();
        self.next_segment += 1;
        Ok(())
    }
}

fn write_json_line<W: Write, T: Serialize>(w: &mut W, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *w, value)?;
    w.write_all(b"\n")
}

fn with_path(e: io::Error, what: &str, path: &Path) -> io::Error {
    io::Error::new(e.kind(), format!("{what} {}: {e}", path.display()))
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    // Directory fsync makes renames durable on Unix; elsewhere opening a directory fails and
    // the rename's own guarantees are all there is.
    match File::open(dir) {
        Ok(d) => d.sync_all().or(Ok(())),
        Err(_) => Ok(()),
    }
}

fn segment_path(partial: &Path, n: u32) -> PathBuf {
    partial.join(format!("{n:06}.seg"))
}

/// Refuses a directory that is not a claimex dataset and not empty (or missing): claimex never
/// overwrites files it does not own.
fn check_ownership(dir: &Path) -> io::Result<()> {
    let mut entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(with_path(e, "cannot read output directory", dir)),
    };
    let empty = entries.next().is_none();
    let ours = dir.join(STATE_DIR).is_dir() || manifest_format(dir).is_some();
    if empty || ours {
        return Ok(());
    }
    Err(io::Error::other(format!(
        "{} is not empty and holds no claimex dataset (no manifest.jsonl): claimex writes only \
         into a new or empty folder or one of its own datasets, so that it never overwrites \
         files it does not own",
        dir.display()
    )))
}

/// The format of the directory's manifest, if it has a claimex manifest.
fn manifest_format(dir: &Path) -> Option<u32> {
    let mut first = String::new();
    let file = File::open(dir.join(MANIFEST_FILE)).ok()?;
    BufReader::new(file).read_line(&mut first).ok()?;
    serde_json::from_str::<AnyManifestHeader>(&first)
        .ok()
        .map(|h| h.claimex_manifest)
}

/// Finishes the renames of an interrupted commit and deletes temporary files of a killed run;
/// true when it found either.
fn recover(dir: &Path) -> io::Result<bool> {
    let journal = dir.join(STATE_DIR).join(JOURNAL_FILE);
    let mut found = false;
    if let Ok(text) = fs::read_to_string(&journal) {
        found = true;
        let names: Vec<String> = serde_json::from_str(&text).map_err(|e| {
            io::Error::other(format!("corrupt commit journal {}: {e}", journal.display()))
        })?;
        // Only the names claimex writes: a journal never moves anything else.
        for name in names.iter().filter(|n| OUTPUT_NAMES.contains(&n.as_str())) {
            let dest = dir.join(name);
            let tmp = temporary_path(&dest);
            if tmp.exists() {
                fs::rename(&tmp, &dest)?;
            }
        }
        sync_dir(dir)?;
        fs::remove_file(&journal)?;
    }
    found |= remove_if_present(&temporary_path(&journal))?;
    for name in OUTPUT_NAMES {
        found |= remove_if_present(&temporary_path(&dir.join(name)))?;
    }
    Ok(found)
}

/// Removes a file; true when there was one.
fn remove_if_present(path: &Path) -> io::Result<bool> {
    match fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

/// What an earlier run left in the directory.
enum Earlier {
    /// Nothing: a new or empty directory.
    Nothing,
    /// A complete dataset whose articles can be carried over.
    Committed(Committed),
    /// A dataset whose articles cannot be carried over, and why.
    Unusable(String),
}

/// A complete dataset, as its manifest describes it.
struct Committed {
    key: RunKey,
    articles: Vec<Cached>,
    sizes: [u64; N],
}

/// Reads the directory's manifest: the earlier articles, provided their texts are intact (so
/// they can be copied or processed again).
fn read_manifest(dir: &Path) -> io::Result<Earlier> {
    let path = dir.join(MANIFEST_FILE);
    let unusable = |why: &str| Ok(Earlier::Unusable(format!("{}: {why}", dir.display())));
    let file = match File::open(&path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Earlier::Nothing),
        Err(e) => return Err(with_path(e, "cannot read", &path)),
    };
    let mut lines = BufReader::new(file).lines();
    let header = lines.next().transpose()?.unwrap_or_default();
    let key = match serde_json::from_str::<AnyManifestHeader>(&header) {
        Ok(h) if h.claimex_manifest < MANIFEST_FORMAT => {
            return unusable(&format!(
                "the dataset was written by an earlier claimex (manifest format {}) that kept \
                 no article texts, so its articles cannot be carried into this version's dataset",
                h.claimex_manifest
            ))
        }
        Ok(_) => match serde_json::from_str::<ManifestHeader>(&header) {
            Ok(h) if h.claimex_manifest == MANIFEST_FORMAT => h.key,
            _ => return unusable("the dataset was written by a newer claimex"),
        },
        Err(_) => return unusable("manifest.jsonl is damaged (no claimex manifest header)"),
    };
    let mut articles = Vec::new();
    for line in lines {
        let line = line?;
        if let Ok(entry) = serde_json::from_str::<ManifestEntry>(&line) {
            let Ok(hash) = u128::from_str_radix(&entry.hash, 16) else {
                return unusable("manifest.jsonl is damaged (a bad content hash)");
            };
            articles.push(Cached {
                id: entry.id,
                hash,
                store: Store::Outputs,
                ranges: entry.at,
                counts: counts_from(entry.n),
            });
        } else if let Ok(t) = serde_json::from_str::<ManifestTrailer>(&line) {
            if t.articles != articles.len() as u64 {
                return unusable("manifest.jsonl is damaged (its trailer disagrees with it)");
            }
            if !size_ok(dir, TEXTS, t.sizes[TEXTS]) {
                return unusable("the dataset's article texts (.claimex/texts.jsonl) are damaged");
            }
            return Ok(Earlier::Committed(Committed {
                key,
                articles,
                sizes: t.sizes,
            }));
        } else {
            return unusable("manifest.jsonl is damaged (a line that is no manifest record)");
        }
    }
    unusable("manifest.jsonl is damaged (it has no trailer)")
}

/// Whether record file `i` has the size the manifest trailer gives.
fn size_ok(dir: &Path, i: usize, size: u64) -> bool {
    fs::metadata(dir.join(RECORD_FILES[i])).is_ok_and(|m| m.len() == size)
}

/// Opens the committed record files for copying, if all of them have their manifest sizes.
fn open_records(dir: &Path, sizes: &[u64; N]) -> io::Result<Option<[File; N]>> {
    if !(0..N).all(|i| size_ok(dir, i, sizes[i])) {
        return Ok(None);
    }
    let mut files = Vec::with_capacity(N);
    for name in RECORD_FILES {
        files.push(File::open(dir.join(name))?);
    }
    Ok(files.try_into().ok())
}

/// The lines of an earlier `errors.jsonl`, each with its record (unreadable lines are dropped).
fn read_errors(path: &Path) -> Vec<(String, InputError)> {
    let Ok(file) = File::open(path) else {
        return Vec::new();
    };
    BufReader::new(file)
        .lines()
        .map_while(Result::ok)
        .filter_map(|line| {
            let error = serde_json::from_str(&line).ok()?;
            Some((line, error))
        })
        .collect()
}

/// Indexes the checkpoint segments of an interrupted run that used the same `key` (deleting
/// any others, or all of them when `force`); returns the next free segment number, and whether
/// there were any files.
fn load_segments(
    partial: &Path,
    key: &RunKey,
    force: bool,
    entries: &mut HashMap<String, Cached>,
) -> io::Result<(u32, bool)> {
    let mut numbers: Vec<u32> = Vec::new();
    let mut any = false;
    for entry in fs::read_dir(partial)? {
        any = true;
        let path = entry?.path();
        let number = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".seg"))
            .and_then(|n| n.parse().ok());
        match number {
            Some(n) if !force => numbers.push(n),
            _ => fs::remove_file(&path)?,
        }
    }
    numbers.sort_unstable();
    for &n in &numbers {
        let path = segment_path(partial, n);
        if !index_segment(&path, n, key, entries)? {
            fs::remove_file(&path)?;
        }
    }
    Ok((numbers.last().map_or(0, |n| n + 1), any))
}

/// Indexes one segment; false when it belongs to another version or model set.
fn index_segment(
    path: &Path,
    number: u32,
    key: &RunKey,
    entries: &mut HashMap<String, Cached>,
) -> io::Result<bool> {
    let mut reader = BufReader::new(File::open(path)?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    if serde_json::from_str::<RunKey>(&line).ok().as_ref() != Some(key) {
        return Ok(false);
    }
    let mut offset = line.len() as u64;
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(true);
        }
        offset += line.len() as u64;
        let Ok(record) = serde_json::from_str::<SegmentRecord>(&line) else {
            return Ok(true);
        };
        let Ok(hash) = u128::from_str_radix(&record.hash, 16) else {
            return Ok(true);
        };
        let mut ranges = [(0, 0); N];
        for (range, len) in ranges.iter_mut().zip(record.len) {
            *range = (offset, len);
            offset += len;
        }
        reader.seek(SeekFrom::Start(offset))?;
        let cached = Cached {
            id: record.id.clone(),
            hash,
            store: Store::Segment(number),
            ranges,
            counts: counts_from(record.n),
        };
        entries.insert(record.id, cached);
    }
}

/// Removes the checkpoints (and any temporary files) of a completed run.
fn clear_segments(partial: &Path) -> io::Result<()> {
    for entry in fs::read_dir(partial)? {
        fs::remove_file(entry?.path())?;
    }
    Ok(())
}

fn counts_from(n: [u64; 3]) -> Counts {
    Counts {
        claims: n[0],
        entities: n[1],
        words: n[2],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Pipeline;

    fn key(models: &str) -> RunKey {
        RunKey {
            claimex_version: "test".into(),
            output_schema: crate::claim::OUTPUT_SCHEMA,
            models: vec![models.into()],
        }
    }

    const ADD: DatasetOptions = DatasetOptions {
        force: false,
        prune: false,
    };

    fn publish(dir: &Path, key: RunKey, article: &Article) {
        let mut dataset = Dataset::open(dir, key, ADD).unwrap();
        let doc = Pipeline::default().process(article);
        dataset.write(article, &doc).unwrap();
        dataset.end_batch().unwrap();
        dataset.commit(&(), |_| true).unwrap();
    }

    #[test]
    fn a_different_model_set_or_force_reuses_nothing_but_keeps_the_articles() {
        let dir = tempfile::tempdir().unwrap();
        let article = Article::new("a", "“We are ready,” Lavrov said.");
        publish(dir.path(), key("ner@1"), &article);
        let reopen = |k: &str, force: bool| {
            let options = DatasetOptions {
                force,
                prune: false,
            };
            Dataset::open(dir.path(), key(k), options).unwrap()
        };
        assert!(reopen("ner@1", false).index().lookup(&article).is_some());
        for dataset in [reopen("ner@2", false), reopen("ner@1", true)] {
            assert!(dataset.index().lookup(&article).is_none());
            let kept: Vec<_> = dataset.kept().remaining(|_| false).collect();
            assert!(matches!(&kept[..], [Ok(Kept::Reprocess(a))] if a.text == article.text));
        }
        let changed = Article::new("a", "“We are ready,” Lavrov said again.");
        assert!(reopen("ner@1", false).index().lookup(&changed).is_none());
    }

    #[test]
    fn a_key_written_before_the_output_schema_was_recorded_differs_from_todays() {
        let old: RunKey =
            serde_json::from_str(r#"{"claimex_version":"test","models":["ner@1"]}"#).unwrap();
        assert_eq!(old.output_schema, 0);
        assert_ne!(old, key("ner@1"));
    }

    #[test]
    fn record_files_that_disagree_with_the_manifest_are_rebuilt_from_the_texts() {
        let dir = tempfile::tempdir().unwrap();
        let article = Article::new("a", "“We are ready,” Lavrov said.");
        publish(dir.path(), key("m"), &article);
        let claims = dir.path().join("claims.jsonl");
        let mut text = fs::read_to_string(&claims).unwrap();
        text.push('\n');
        fs::write(&claims, text).unwrap();
        let dataset = Dataset::open(dir.path(), key("m"), ADD).unwrap();
        assert!(dataset.index().lookup(&article).is_none());
        let kept: Vec<_> = dataset.kept().remaining(|_| false).collect();
        assert!(matches!(&kept[..], [Ok(Kept::Reprocess(_))]));
    }

    #[test]
    fn damaged_texts_are_refused_unless_pruning() {
        let dir = tempfile::tempdir().unwrap();
        publish(dir.path(), key("m"), &Article::new("a", "Pell said so."));
        fs::write(dir.path().join(RECORD_FILES[TEXTS]), "").unwrap();
        let error = Dataset::open(dir.path(), key("m"), ADD).err().unwrap();
        assert!(error.to_string().contains("--prune"), "{error}");
        let prune = DatasetOptions {
            force: false,
            prune: true,
        };
        assert!(Dataset::open(dir.path(), key("m"), prune).is_ok());
    }

    #[test]
    fn a_folder_of_other_files_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("claims.csv"), "mine").unwrap();
        let error = Dataset::open(dir.path(), key("m"), ADD).err().unwrap();
        assert!(error.to_string().contains("no claimex dataset"), "{error}");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
