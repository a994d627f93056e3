//! The output directory of `claimex run`: incremental, checkpointed and crash-safe.
//!
//! Layout of the directory:
//! - `claims.jsonl`, `claims.csv`, `entities.jsonl`, `errors.jsonl`, `run.json`: the dataset.
//! - `manifest.jsonl`: a header (format, claimex version, model ids), one line per article (id,
//!   content hash, where its records sit in each output, its counts), and a trailer with the
//!   outputs' sizes. A later run copies the records of unchanged articles instead of
//!   reprocessing them; a different version or model set invalidates the whole manifest.
//! - `.claimex/partial/NNNNNN.seg`: checkpoints of a run in progress, one per batch, each
//!   written atomically. A run that is killed leaves them behind and the next run reuses them.
//! - `.claimex/commit.json`: exists only while a commit renames its files into place; a run
//!   that finds it finishes those renames first.
//!
//! Every output is written under a temporary name, synced, and renamed into place only when
//! the whole run is done, so the directory holds either the previous complete dataset or the
//! new one.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{csv, jsonl, temporary_path, AtomicFile, Counts, Sink};
use crate::article::Article;
use crate::claim::DocOutput;
use crate::ingest::InputError;

/// The per-article outputs, in the order of the manifest's ranges.
const RECORD_FILES: [&str; 3] = ["claims.jsonl", "claims.csv", "entities.jsonl"];
const ERRORS_FILE: &str = "errors.jsonl";
const MANIFEST_FILE: &str = "manifest.jsonl";
const RUN_FILE: &str = "run.json";
const STATE_DIR: &str = ".claimex";
const PARTIAL_DIR: &str = "partial";
const JOURNAL_FILE: &str = "commit.json";
const MANIFEST_FORMAT: u32 = 1;

/// What makes outputs comparable between runs: the claimex version and the model ids.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunKey {
    /// claimex version.
    pub claimex_version: String,
    /// Identifiers (with fingerprints) of every model and table used.
    pub models: Vec<String>,
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
    /// The committed outputs (ranges in each of [`RECORD_FILES`]).
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
    /// (offset, length) in each record file, or in the segment.
    ranges: [(u64, u64); 3],
    counts: Counts,
}

/// Lookup of earlier results by article; shared read-only with the input stage.
#[derive(Debug, Default)]
pub struct DatasetIndex {
    entries: HashMap<String, Cached>,
}

impl DatasetIndex {
    /// The earlier records of `article`, if it is unchanged.
    pub fn lookup(&self, article: &Article) -> Option<Cached> {
        let cached = self.entries.get(&article.id)?;
        (cached.hash == content_hash(article)).then(|| cached.clone())
    }

    /// Articles with reusable records.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing can be reused.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[derive(Serialize, Deserialize)]
struct ManifestHeader {
    claimex_manifest: u32,
    #[serde(flatten)]
    key: RunKey,
}

#[derive(Serialize, Deserialize)]
struct ManifestEntry {
    id: String,
    hash: String,
    at: [(u64, u64); 3],
    n: [u64; 3],
}

#[derive(Serialize, Deserialize)]
struct ManifestTrailer {
    articles: u64,
    sizes: [u64; 3],
}

#[derive(Serialize, Deserialize)]
struct SegmentRecord {
    id: String,
    hash: String,
    len: [u64; 3],
    n: [u64; 3],
}

/// The dataset directory being written by a run (see the module documentation).
pub struct Dataset {
    dir: PathBuf,
    key: RunKey,
    index: Arc<DatasetIndex>,
    outputs: [AtomicFile; 3],
    sizes: [u64; 3],
    errors: AtomicFile,
    manifest: AtomicFile,
    articles: u64,
    previous: Option<[File; 3]>,
    segment: Option<(u32, File)>,
    checkpoint: Vec<u8>,
    next_segment: u32,
    scratch: [Vec<u8>; 3],
}

impl Dataset {
    /// Opens `dir` for a run: finishes an interrupted commit, clears leftovers of a killed run,
    /// and indexes what can be reused (nothing when `force`, or when the version or models
    /// differ from `key`).
    pub fn open(dir: &Path, key: RunKey, force: bool) -> io::Result<Dataset> {
        let partial = dir.join(STATE_DIR).join(PARTIAL_DIR);
        fs::create_dir_all(&partial)
            .map_err(|e| with_path(e, "cannot create output directory", &partial))?;
        recover(dir)?;
        let mut entries = HashMap::new();
        let mut previous = None;
        if !force {
            if let Some(files) = load_manifest(dir, &key, &mut entries)? {
                previous = Some(files);
            }
        }
        let next_segment = load_segments(&partial, &key, force, &mut entries)?;
        let mut outputs = [
            AtomicFile::create(&dir.join(RECORD_FILES[0]))?,
            AtomicFile::create(&dir.join(RECORD_FILES[1]))?,
            AtomicFile::create(&dir.join(RECORD_FILES[2]))?,
        ];
        let mut header = Vec::new();
        csv::render_header(&mut header)?;
        outputs[1].writer().write_all(&header)?;
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
            index: Arc::new(DatasetIndex { entries }),
            outputs,
            sizes: [0, header.len() as u64, 0],
            errors: AtomicFile::create(&dir.join(ERRORS_FILE))?,
            manifest,
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

    /// Appends one article's records (in `self.scratch`) to the outputs and the manifest.
    fn append(&mut self, id: &str, hash: u128, counts: Counts) -> io::Result<()> {
        let mut at = [(0, 0); 3];
        for (i, bytes) in self.scratch.iter().enumerate() {
            self.outputs[i].writer().write_all(bytes)?;
            at[i] = (self.sizes[i], bytes.len() as u64);
            self.sizes[i] += bytes.len() as u64;
        }
        self.articles += 1;
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

    /// Publishes the run: writes the manifest trailer and `run.json` (from `stats`), syncs
    /// everything, then renames all outputs into place under a commit journal.
    pub fn commit<T: Serialize>(mut self, stats: &T) -> io::Result<()> {
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
        let [claims, csv, entities] = self.outputs;
        let mut renames = Vec::new();
        for file in [claims, csv, entities, self.errors, run, self.manifest] {
            renames.push(file.sync()?);
        }
        let journal = self.dir.join(STATE_DIR).join(JOURNAL_FILE);
        let names: Vec<String> = renames.iter().map(|(_, dest)| file_name(dest)).collect();
        let mut record = AtomicFile::create(&journal)?;
        serde_json::to_writer(record.writer(), &names)?;
        record.commit()?;
        sync_dir(&self.dir.join(STATE_DIR))?;
        for (tmp, dest) in &renames {
            fs::rename(tmp, dest)?;
        }
        sync_dir(&self.dir)?;
        fs::remove_file(&journal)?;
        let partial = self.dir.join(STATE_DIR).join(PARTIAL_DIR);
        clear_segments(&partial)?;
        // Leaves no state behind once the run is complete (fails harmlessly if in use).
        let _ = fs::remove_dir(&partial).and_then(|_| fs::remove_dir(self.dir.join(STATE_DIR)));
        Ok(())
    }
}

impl Sink for Dataset {
    type Reused = Cached;

    fn write(&mut self, article: &Article, doc: &DocOutput) -> io::Result<()> {
        for buf in &mut self.scratch {
            buf.clear();
        }
        jsonl::render_claims(doc, &mut self.scratch[0])?;
        csv::render_rows(doc, &mut self.scratch[1])?;
        jsonl::render_entities(doc, &mut self.scratch[2])?;
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
        self.append(&article.id, hash, counts)
    }

    fn reuse(&mut self, cached: Cached) -> io::Result<Counts> {
        self.read_cached(&cached)?;
        self.append(&cached.id, cached.hash, cached.counts)?;
        Ok(cached.counts)
    }

    fn reject(&mut self, error: &InputError) -> io::Result<()> {
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

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
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

/// Finishes the renames of an interrupted commit and deletes temporary files of a killed run.
fn recover(dir: &Path) -> io::Result<()> {
    let journal = dir.join(STATE_DIR).join(JOURNAL_FILE);
    if let Ok(text) = fs::read_to_string(&journal) {
        let names: Vec<String> = serde_json::from_str(&text).map_err(|e| {
            io::Error::other(format!("corrupt commit journal {}: {e}", journal.display()))
        })?;
        for name in names {
            let dest = dir.join(&name);
            let tmp = temporary_path(&dest);
            if tmp.exists() {
                fs::rename(&tmp, &dest)?;
            }
        }
        sync_dir(dir)?;
        fs::remove_file(&journal)?;
    }
    let _ = fs::remove_file(temporary_path(&journal));
    for name in RECORD_FILES
        .iter()
        .chain(&[ERRORS_FILE, MANIFEST_FILE, RUN_FILE])
    {
        let tmp = temporary_path(&dir.join(name));
        if tmp.exists() {
            fs::remove_file(&tmp)?;
        }
    }
    Ok(())
}

/// Indexes the committed outputs through their manifest, if it is complete, matches `key` and
/// agrees with the files' sizes; returns the files opened for copying.
fn load_manifest(
    dir: &Path,
    key: &RunKey,
    entries: &mut HashMap<String, Cached>,
) -> io::Result<Option<[File; 3]>> {
    let Ok(file) = File::open(dir.join(MANIFEST_FILE)) else {
        return Ok(None);
    };
    let mut lines = BufReader::new(file).lines();
    let header: Option<ManifestHeader> = lines
        .next()
        .and_then(|l| l.ok())
        .and_then(|l| serde_json::from_str(&l).ok());
    match header {
        Some(h) if h.claimex_manifest == MANIFEST_FORMAT && h.key == *key => {}
        _ => return Ok(None),
    }
    let mut found = HashMap::new();
    let mut trailer = None;
    for line in lines {
        let line = line?;
        if let Ok(entry) = serde_json::from_str::<ManifestEntry>(&line) {
            let Ok(hash) = u128::from_str_radix(&entry.hash, 16) else {
                return Ok(None);
            };
            let cached = Cached {
                id: entry.id.clone(),
                hash,
                store: Store::Outputs,
                ranges: entry.at,
                counts: counts_from(entry.n),
            };
            found.insert(entry.id, cached);
        } else if let Ok(t) = serde_json::from_str::<ManifestTrailer>(&line) {
            trailer = Some(t);
        } else {
            return Ok(None);
        }
    }
    let Some(trailer) = trailer else {
        return Ok(None);
    };
    let mut files = Vec::with_capacity(3);
    for (name, size) in RECORD_FILES.iter().zip(trailer.sizes) {
        match File::open(dir.join(name)) {
            Ok(f) if f.metadata()?.len() == size => files.push(f),
            _ => return Ok(None),
        }
    }
    entries.extend(found);
    Ok(files.try_into().ok())
}

/// Indexes the checkpoint segments of an interrupted run that used the same `key` (deleting
/// any others, or all of them when `force`); returns the next free segment number.
fn load_segments(
    partial: &Path,
    key: &RunKey,
    force: bool,
    entries: &mut HashMap<String, Cached>,
) -> io::Result<u32> {
    let mut numbers: Vec<u32> = Vec::new();
    for entry in fs::read_dir(partial)? {
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
    Ok(numbers.last().map_or(0, |n| n + 1))
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
        let mut ranges = [(0, 0); 3];
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
            models: vec![models.into()],
        }
    }

    fn publish(dir: &Path, key: RunKey, article: &Article) {
        let mut dataset = Dataset::open(dir, key, false).unwrap();
        let doc = Pipeline::default().process(article);
        dataset.write(article, &doc).unwrap();
        dataset.end_batch().unwrap();
        dataset.commit(&()).unwrap();
    }

    #[test]
    fn a_different_model_set_or_force_reuses_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let article = Article::new("a", "“We are ready,” Lavrov said.");
        publish(dir.path(), key("ner@1"), &article);
        let reopen = |k: &str, force: bool| Dataset::open(dir.path(), key(k), force).unwrap();
        assert!(reopen("ner@1", false).index().lookup(&article).is_some());
        assert!(reopen("ner@2", false).index().is_empty());
        assert!(reopen("ner@1", true).index().is_empty());
        let changed = Article::new("a", "“We are ready,” Lavrov said again.");
        assert!(reopen("ner@1", false).index().lookup(&changed).is_none());
    }

    #[test]
    fn a_manifest_that_disagrees_with_the_outputs_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let article = Article::new("a", "“We are ready,” Lavrov said.");
        publish(dir.path(), key("m"), &article);
        let claims = dir.path().join("claims.jsonl");
        let mut text = fs::read_to_string(&claims).unwrap();
        text.push('\n');
        fs::write(&claims, text).unwrap();
        let dataset = Dataset::open(dir.path(), key("m"), false).unwrap();
        assert!(dataset.index().is_empty());
    }
}
