//! Ingest: turns input paths (`.txt` files, directories, JSONL/NDJSON, CSV, `-` for stdin) into a
//! lazy, ordered stream of [`Article`]s or per-record [`InputError`]s.
//!
//! Nothing is loaded whole: JSONL and CSV are read record by record, directories are listed
//! (sorted, for determinism) and their files read one at a time. Text that is not UTF-8 is
//! decoded (see [`decode`]) and reported with a warning.

mod decode;

pub use self::decode::{decode, Decoded};

use std::collections::{HashSet, VecDeque};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::article::{Article, Meta, Origin};

/// Default largest article accepted, in bytes of UTF-8 text: far above any news article, and it
/// bounds the memory one article can take (the taggers need about 250 bytes per input byte).
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;

/// How serious an [`InputError`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The input was rejected.
    Error,
    /// The input was processed, with a caveat (e.g. it was decoded from Windows-1252).
    Warning,
}

/// Why one input (a file or one record of it) was rejected, or what to know about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputError {
    /// Rejected (`error`) or processed with a caveat (`warning`).
    pub level: Level,
    /// The input file, or `-` for standard input.
    pub file: String,
    /// 1-based line (JSONL) or line where the record starts (CSV), when relevant.
    pub line: Option<u64>,
    /// The article id, when it could be read.
    pub id: Option<String>,
    /// A human-readable reason.
    pub reason: String,
}

impl InputError {
    /// A rejected input.
    pub fn error(
        file: &str,
        line: Option<u64>,
        id: Option<String>,
        reason: impl Into<String>,
    ) -> Self {
        InputError {
            level: Level::Error,
            file: file.to_string(),
            line,
            id,
            reason: reason.into(),
        }
    }

    /// True for a warning about an input that was processed.
    pub fn is_warning(&self) -> bool {
        self.level == Level::Warning
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(id) = &self.id {
            write!(f, " (id {id})")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// One item of the input stream.
pub type Item = Result<Article, InputError>;

/// One of N deterministic shards of an input (`K/N`, 1 ≤ K ≤ N): an article belongs to the
/// shard its id hashes to, a rejected input without an id to the one its file and line hash
/// to. The N shards of an input are disjoint and together cover it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// This shard, 1-based.
    pub index: u64,
    /// Number of shards.
    pub count: u64,
}

impl Shard {
    /// Whether `item` belongs to this shard.
    pub fn contains(&self, item: &Item) -> bool {
        let hash = match item {
            Ok(article) => xxhash_rust::xxh3::xxh3_64(article.id.as_bytes()),
            Err(e) => match &e.id {
                Some(id) => xxhash_rust::xxh3::xxh3_64(id.as_bytes()),
                None => xxhash_rust::xxh3::xxh3_64(
                    format!("{}:{}", e.file, e.line.unwrap_or(0)).as_bytes(),
                ),
            },
        };
        hash % self.count == self.index - 1
    }
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Shard, String> {
        let invalid = || format!("invalid shard {s:?}: expected K/N with 1 <= K <= N");
        let (k, n) = s.split_once('/').ok_or_else(invalid)?;
        let index: u64 = k.trim().parse().map_err(|_| invalid())?;
        let count: u64 = n.trim().parse().map_err(|_| invalid())?;
        if index == 0 || index > count {
            return Err(invalid());
        }
        Ok(Shard { index, count })
    }
}

/// Options for reading inputs.
#[derive(Clone, Debug)]
pub struct IngestOptions {
    /// Articles longer than this (bytes) are rejected with an error record.
    pub max_article_bytes: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
        }
    }
}

/// The extensions of the file inputs claimex reads.
const SUPPORTED: &str =
    "a directory, a .txt, .jsonl, .ndjson or .csv file, or - for standard input";

/// Checks every input before a run touches its output: each must exist, be readable and have
/// a supported type. Returns one message per unusable input, naming it.
pub fn check_inputs(inputs: &[PathBuf]) -> Vec<String> {
    let mut problems = Vec::new();
    for path in inputs {
        if path.as_os_str() == "-" {
            continue;
        }
        let problem = match std::fs::metadata(path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                Some("no such file or directory".into())
            }
            Err(e) => Some(format!("cannot read: {e}")),
            Ok(meta) if meta.is_dir() => std::fs::read_dir(path)
                .err()
                .map(|e| format!("cannot list directory: {e}")),
            Ok(_) if input_kind(path).is_none() => {
                Some(format!("unsupported input type: expected {SUPPORTED}"))
            }
            Ok(_) => File::open(path).err().map(|e| format!("cannot open: {e}")),
        };
        if let Some(problem) = problem {
            problems.push(format!("input {}: {problem}", path.display()));
        }
    }
    problems
}

/// The file formats claimex reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum InputKind {
    Txt,
    Jsonl,
    Csv,
}

fn input_kind(path: &Path) -> Option<InputKind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" => Some(InputKind::Txt),
        "jsonl" | "ndjson" => Some(InputKind::Jsonl),
        "csv" => Some(InputKind::Csv),
        _ => None,
    }
}

/// An article's id from its path: relative to the directory given as input, without
/// extension, with `/` separators (`politics/001`); a file given directly keeps its stem.
pub fn article_id(path: &Path, root: Option<&Path>) -> String {
    let relative = root.and_then(|r| path.strip_prefix(r).ok()).unwrap_or(path);
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Some(parent) = relative.parent().filter(|_| root.is_some()) else {
        return stem;
    };
    let mut parts: Vec<String> = parent
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.push(stem);
    parts.join("/")
}

enum Source {
    /// An input as given (or found in a directory given as `root`, which ids are relative to).
    Path {
        path: PathBuf,
        root: Option<Arc<Path>>,
    },
    Stdin,
}

enum Open {
    Jsonl {
        name: String,
        reader: Box<dyn BufRead + Send>,
        line: u64,
    },
    Csv {
        name: String,
        reader: csv::Reader<Box<dyn Read + Send>>,
        columns: CsvColumns,
    },
}

struct CsvColumns {
    id: usize,
    text: usize,
    title: Option<usize>,
    date: Option<usize>,
    source: Option<usize>,
    url: Option<usize>,
}

/// A record read from a file, before it is admitted: the article, or why it was rejected, with
/// a warning when its text had to be decoded.
type Record = (Item, Option<String>);

/// The lazy stream of articles over all inputs, in input order.
pub struct Articles {
    pending: VecDeque<Source>,
    open: Option<Open>,
    /// Items ready to be returned (an article after its warning).
    ready: VecDeque<Item>,
    seen_ids: HashSet<String>,
    files: HashSet<String>,
    options: IngestOptions,
    consumed_bytes: u64,
}

impl Articles {
    /// Reads the given inputs in order; `-` means JSONL on standard input.
    pub fn new(inputs: &[PathBuf], options: IngestOptions) -> Articles {
        let pending = inputs
            .iter()
            .map(|p| {
                if p.as_os_str() == "-" {
                    Source::Stdin
                } else {
                    Source::Path {
                        path: p.clone(),
                        root: None,
                    }
                }
            })
            .collect();
        Articles {
            pending,
            open: None,
            ready: VecDeque::new(),
            seen_ids: HashSet::new(),
            files: HashSet::new(),
            options,
            consumed_bytes: 0,
        }
    }

    /// Bytes of input consumed so far (for progress reporting).
    pub fn consumed_bytes(&self) -> u64 {
        self.consumed_bytes
    }

    /// The files and directories read so far, as they are named in error records.
    pub fn files(&self) -> &HashSet<String> {
        &self.files
    }

    /// Total size in bytes of the file inputs (directories walked), for a progress bar.
    pub fn total_bytes(inputs: &[PathBuf]) -> Option<u64> {
        let mut total = 0;
        for p in inputs {
            if p.as_os_str() == "-" {
                return None;
            }
            total += path_bytes(p);
        }
        Some(total)
    }

    fn error(file: &str, line: Option<u64>, id: Option<String>, reason: impl Into<String>) -> Item {
        Err(InputError::error(file, line, id, reason))
    }

    /// Validates an article and registers its id; rejects empty, oversized and duplicate ones.
    fn admit(&mut self, article: Article) -> Item {
        let origin = article.origin.clone();
        let reject = |reason: String| {
            Articles::error(
                &origin.file,
                origin.record,
                Some(article.id.clone()),
                reason,
            )
        };
        if article.id.trim().is_empty() {
            return Articles::error(&origin.file, origin.record, None, "empty article id");
        }
        if article.text.len() > self.options.max_article_bytes {
            return reject(format!(
                "article is {} bytes, over the limit of {} bytes (--max-article-bytes)",
                article.text.len(),
                self.options.max_article_bytes
            ));
        }
        if article.text.trim().is_empty() {
            return reject("empty or whitespace-only text".into());
        }
        if article.text.contains('\0') {
            return reject("binary content: text contains NUL bytes".into());
        }
        if !self.seen_ids.insert(article.id.clone()) {
            return reject(format!(
                "duplicate article id {:?}; first occurrence kept",
                article.id
            ));
        }
        Ok(article)
    }

    /// Admits a record's article and queues it, after its decoding warning if it has one.
    fn queue(&mut self, (item, warning): Record) {
        let item = item.and_then(|article| self.admit(article));
        if let (Ok(article), Some(reason)) = (&item, warning) {
            self.ready.push_back(Err(InputError {
                level: Level::Warning,
                file: article.origin.file.clone(),
                line: article.origin.record,
                id: Some(article.id.clone()),
                reason,
            }));
        }
        self.ready.push_back(item);
    }

    /// Opens the next source: queues whole-file articles and failures, or lists a directory.
    fn open_next(&mut self, source: Source) {
        let (path, root) = match source {
            Source::Stdin => {
                self.files.insert("-".into());
                self.open = Some(Open::Jsonl {
                    name: "-".into(),
                    reader: Box::new(BufReader::new(io::stdin())),
                    line: 0,
                });
                return;
            }
            Source::Path { path, root } => (path, root),
        };
        let name = path.display().to_string();
        self.files.insert(name.clone());
        if path.is_dir() {
            let root = root.unwrap_or_else(|| Arc::from(path.as_path()));
            match list_dir(&path) {
                Ok(files) => {
                    for f in files.into_iter().rev() {
                        self.pending.push_front(Source::Path {
                            path: f,
                            root: Some(Arc::clone(&root)),
                        });
                    }
                }
                Err(e) => self.ready.push_back(Articles::error(
                    &name,
                    None,
                    None,
                    format!("cannot list directory: {e}"),
                )),
            }
            return;
        }
        let opened = match input_kind(&path) {
            Some(InputKind::Txt) => {
                let record = self.read_txt(&path, &name, article_id(&path, root.as_deref()));
                self.queue(record);
                return;
            }
            Some(InputKind::Jsonl) => File::open(&path)
                .map(|f| Open::Jsonl {
                    name: name.clone(),
                    reader: Box::new(BufReader::with_capacity(1 << 16, f)),
                    line: 0,
                })
                .map_err(|e| format!("cannot open: {e}")),
            Some(InputKind::Csv) => File::open(&path)
                .map_err(|e| format!("cannot open: {e}"))
                .and_then(|f| open_csv(f, &name)),
            None => Err(format!("unsupported input: expected {SUPPORTED}")),
        };
        match opened {
            Ok(open) => self.open = Some(open),
            Err(reason) => self
                .ready
                .push_back(Articles::error(&name, None, None, reason)),
        }
    }

    fn read_txt(&mut self, path: &Path, name: &str, id: String) -> Record {
        let limit = self.options.max_article_bytes as u64;
        let bytes = match File::open(path).and_then(|f| {
            let mut buf = Vec::new();
            // Read one byte past the limit so oversized files are detected without reading them whole.
            f.take(limit + 1).read_to_end(&mut buf).map(|_| buf)
        }) {
            Ok(b) => b,
            Err(e) => {
                return (
                    Articles::error(name, None, Some(id), format!("cannot read: {e}")),
                    None,
                )
            }
        };
        self.consumed_bytes += bytes.len() as u64;
        if bytes.len() as u64 > limit {
            let reason =
                format!("article is over the limit of {limit} bytes (--max-article-bytes)");
            return (Articles::error(name, None, Some(id), reason), None);
        }
        match decode(bytes) {
            Ok(Decoded { text, warning }) => {
                let article = Article {
                    id,
                    text,
                    meta: Meta::default(),
                    origin: Origin {
                        file: name.to_string(),
                        record: None,
                    },
                };
                (Ok(article), warning)
            }
            Err(reason) => (Articles::error(name, None, Some(id), reason), None),
        }
    }

    /// Reads the next record of the open JSONL/CSV file; `None` when it is exhausted.
    fn next_record(&mut self) -> Option<Record> {
        let limit = self.options.max_article_bytes;
        let (record, consumed) = match self.open.as_mut()? {
            Open::Jsonl { name, reader, line } => {
                let mut buf = Vec::new();
                loop {
                    buf.clear();
                    match reader.read_until(b'\n', &mut buf) {
                        Ok(0) => return None,
                        Ok(n) => {
                            *line += 1;
                            self.consumed_bytes += n as u64;
                            if buf.iter().all(|b| b.is_ascii_whitespace()) {
                                continue;
                            }
                            break;
                        }
                        Err(e) => {
                            let item = Articles::error(
                                name,
                                Some(*line + 1),
                                None,
                                format!("read error: {e}"),
                            );
                            self.open = None;
                            return Some((item, None));
                        }
                    }
                }
                (parse_json_record(buf, name, *line, limit), 0)
            }
            Open::Csv {
                name,
                reader,
                columns,
            } => {
                let mut record = csv::ByteRecord::new();
                match reader.read_byte_record(&mut record) {
                    Ok(false) => return None,
                    Ok(true) => {
                        let line = record.position().map(|p| p.line());
                        let consumed = record.as_slice().len() as u64;
                        (csv_article(&record, columns, name, line), consumed)
                    }
                    Err(e) => {
                        let line = e.position().map(|p| p.line());
                        let item = Articles::error(name, line, None, format!("malformed CSV: {e}"));
                        if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                            self.open = None;
                        }
                        return Some((item, None));
                    }
                }
            }
        };
        self.consumed_bytes += consumed;
        Some(record)
    }
}

impl Iterator for Articles {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.ready.pop_front() {
                return Some(item);
            }
            if self.open.is_some() {
                match self.next_record() {
                    Some(record) => self.queue(record),
                    None => self.open = None,
                }
                continue;
            }
            let source = self.pending.pop_front()?;
            self.open_next(source);
        }
    }
}

/// The `.txt` files and subdirectories of `dir`, sorted by name so runs are reproducible
/// whatever order the file system lists them in. Subdirectories are listed when their turn
/// comes, so an unreadable one is rejected on its own.
fn list_dir(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() || input_kind(&path) == Some(InputKind::Txt) {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

/// Bytes of the inputs under `path` (unreadable parts count as 0).
fn path_bytes(path: &Path) -> u64 {
    if path.is_dir() {
        list_dir(path)
            .map(|entries| entries.iter().map(|p| path_bytes(p)).sum())
            .unwrap_or(0)
    } else {
        std::fs::metadata(path).map_or(0, |m| m.len())
    }
}

fn json_string(value: Option<&serde_json::Value>) -> Option<String> {
    match value? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn parse_json_record(bytes: Vec<u8>, file: &str, line: u64, limit: usize) -> Record {
    if bytes.len() > limit.saturating_mul(2).saturating_add(4096) {
        let reason = format!("record is over the article limit of {limit} bytes");
        return (Articles::error(file, Some(line), None, reason), None);
    }
    let Decoded {
        text: json,
        warning,
    } = match decode(bytes) {
        Ok(decoded) => decoded,
        Err(reason) => return (Articles::error(file, Some(line), None, reason), None),
    };
    (parse_record(json.as_bytes(), file, line), warning)
}

/// Parses one JSONL record (`{"id", "text"}` with optional metadata) into an article.
pub fn parse_record(json: &[u8], file: &str, line: u64) -> Item {
    match serde_json::from_slice::<serde_json::Value>(json) {
        Ok(value) => json_article(&value, file, line),
        Err(e) => Articles::error(file, Some(line), None, format!("malformed JSON: {e}")),
    }
}

fn json_article(value: &serde_json::Value, file: &str, line: u64) -> Item {
    let Some(obj) = value.as_object() else {
        return Articles::error(file, Some(line), None, "record is not a JSON object");
    };
    let id = json_string(obj.get("id"));
    let Some(id) = id else {
        return Articles::error(
            file,
            Some(line),
            None,
            "record has no \"id\" (string or number)",
        );
    };
    let Some(text) = obj.get("text").and_then(|t| t.as_str()) else {
        return Articles::error(file, Some(line), Some(id), "record has no \"text\" string");
    };
    Ok(Article {
        id,
        text: text.to_string(),
        meta: Meta {
            title: json_string(obj.get("title")),
            date: json_string(obj.get("date")),
            source: json_string(obj.get("source")),
            url: json_string(obj.get("url")),
        },
        origin: Origin {
            file: file.to_string(),
            record: Some(line),
        },
    })
}

fn open_csv(file: File, name: &str) -> Result<Open, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(Box::new(BufReader::with_capacity(1 << 16, file)) as Box<dyn Read + Send>);
    let headers = reader
        .byte_headers()
        .map_err(|e| format!("malformed CSV header: {e}"))?
        .clone();
    let find = |col: &str| {
        headers.iter().position(|h| {
            String::from_utf8_lossy(h)
                .trim()
                .trim_start_matches('\u{feff}')
                .eq_ignore_ascii_case(col)
        })
    };
    let (Some(id), Some(text)) = (find("id"), find("text")) else {
        return Err("CSV header must have \"id\" and \"text\" columns".into());
    };
    Ok(Open::Csv {
        name: name.to_string(),
        reader,
        columns: CsvColumns {
            id,
            text,
            title: find("title"),
            date: find("date"),
            source: find("source"),
            url: find("url"),
        },
    })
}

fn csv_article(
    record: &csv::ByteRecord,
    columns: &CsvColumns,
    file: &str,
    line: Option<u64>,
) -> Record {
    let mut warning = None;
    let mut field = |i: usize| -> Result<Option<String>, String> {
        let Some(bytes) = record.get(i) else {
            return Ok(None);
        };
        let decoded = decode(bytes.to_vec()).map_err(|e| format!("column {}: {e}", i + 1))?;
        if let Some(w) = decoded.warning {
            warning.get_or_insert(format!("column {}: {w}", i + 1));
        }
        Ok(Some(decoded.text))
    };
    let id = match field(columns.id) {
        Ok(Some(id)) => id,
        Ok(None) => {
            return (
                Articles::error(file, line, None, "record has no id field"),
                None,
            )
        }
        Err(e) => return (Articles::error(file, line, None, e), None),
    };
    let text = match field(columns.text) {
        Ok(Some(t)) => t,
        Ok(None) => {
            return (
                Articles::error(file, line, Some(id), "record has no text field"),
                None,
            )
        }
        Err(e) => return (Articles::error(file, line, Some(id), e), None),
    };
    let mut optional = |i: Option<usize>| {
        i.and_then(|i| field(i).ok().flatten())
            .filter(|s| !s.is_empty())
    };
    let meta = Meta {
        title: optional(columns.title),
        date: optional(columns.date),
        source: optional(columns.source),
        url: optional(columns.url),
    };
    let article = Article {
        id,
        text,
        meta,
        origin: Origin {
            file: file.to_string(),
            record: line,
        },
    };
    (Ok(article), warning)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn collect(paths: &[PathBuf]) -> Vec<Item> {
        Articles::new(paths, IngestOptions::default()).collect()
    }

    #[test]
    fn reads_txt_dir_jsonl_and_csv_with_errors() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("nested");
        std::fs::create_dir(&sub).unwrap();
        std::fs::write(sub.join("b.txt"), "Second article.").unwrap();
        std::fs::write(dir.path().join("a.txt"), "First article.").unwrap();
        std::fs::write(dir.path().join("bad.txt"), [b'a', 0, 0xff, 0xfe]).unwrap();
        std::fs::write(dir.path().join("latin.txt"), b"It cost \xa3300.").unwrap();
        std::fs::write(dir.path().join("blank.txt"), "  \n ").unwrap();
        std::fs::write(dir.path().join("skip.md"), "not an input").unwrap();

        let jsonl = dir.path().join("in.jsonl");
        let mut f = File::create(&jsonl).unwrap();
        writeln!(
            f,
            r#"{{"id":"j1","text":"Hello.","title":"T","url":"http://x"}}"#
        )
        .unwrap();
        writeln!(f, "{{not json").unwrap();
        writeln!(f).unwrap();
        writeln!(f, r#"{{"text":"no id"}}"#).unwrap();
        writeln!(f, r#"{{"id":7,"text":"numeric id"}}"#).unwrap();
        writeln!(f, r#"{{"id":"j1","text":"duplicate"}}"#).unwrap();
        drop(f);

        let csv_path = dir.path().join("in.csv");
        std::fs::write(
            &csv_path,
            "id,text,source\nc1,\"He said, \"\"yes\"\"\nthen left.\",Wire\nc2,,\n",
        )
        .unwrap();

        let items = collect(&[dir.path().to_path_buf(), jsonl.clone(), csv_path.clone()]);
        let ok: Vec<&Article> = items.iter().filter_map(|i| i.as_ref().ok()).collect();
        let ids: Vec<&str> = ok.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "latin", "nested/b", "j1", "7", "c1"]);
        assert_eq!(ok[1].text, "It cost £300.");
        assert_eq!(ok[3].meta.title.as_deref(), Some("T"));
        assert_eq!(ok[5].text, "He said, \"yes\"\nthen left.");
        assert_eq!(ok[5].meta.source.as_deref(), Some("Wire"));

        let (warnings, errs): (Vec<&InputError>, Vec<&InputError>) = items
            .iter()
            .filter_map(|i| i.as_ref().err())
            .partition(|e| e.is_warning());
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0]
            .to_string()
            .contains("latin.txt (id latin): not valid UTF-8"));
        let reasons: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        assert_eq!(errs.len(), 6, "{reasons:#?}");
        assert!(reasons
            .iter()
            .any(|r| r.contains("bad.txt") && r.contains("binary")));
        assert!(reasons
            .iter()
            .any(|r| r.contains("blank.txt") && r.contains("empty")));
        assert!(reasons
            .iter()
            .any(|r| r.contains("in.jsonl:2") && r.contains("malformed JSON")));
        assert!(reasons
            .iter()
            .any(|r| r.contains("in.jsonl:4") && r.contains("no \"id\"")));
        assert!(reasons
            .iter()
            .any(|r| r.contains("in.jsonl:6") && r.contains("duplicate")));
        assert!(reasons
            .iter()
            .any(|r| r.contains("in.csv") && r.contains("c2") && r.contains("empty")));
    }

    #[test]
    fn rejects_oversized_and_missing_inputs() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.txt");
        std::fs::write(&big, "word ".repeat(100)).unwrap();
        let options = IngestOptions {
            max_article_bytes: 64,
        };
        let items: Vec<Item> =
            Articles::new(&[big, dir.path().join("missing.txt")], options).collect();
        assert_eq!(items.len(), 2);
        assert!(items[0]
            .as_ref()
            .unwrap_err()
            .reason
            .contains("over the limit"));
        assert!(items[1]
            .as_ref()
            .unwrap_err()
            .reason
            .contains("cannot read"));
    }

    #[test]
    fn ids_are_paths_relative_to_the_directory_given() {
        let root = Path::new("corpus");
        let id = |p: &str, root: Option<&Path>| article_id(Path::new(p), root);
        assert_eq!(id("corpus/politics/001.txt", Some(root)), "politics/001");
        assert_eq!(id("corpus/a.b.txt", Some(root)), "a.b");
        assert_eq!(id("corpus/politics/001.txt", None), "001");
    }

    #[test]
    fn missing_unreadable_and_unsupported_inputs_are_named_before_the_run() {
        let dir = tempfile::tempdir().unwrap();
        let typo = dir.path().join("bbc.jsnl");
        std::fs::write(&typo, "{}").unwrap();
        let good = dir.path().join("in.jsonl");
        std::fs::write(&good, "").unwrap();
        let inputs = [good, dir.path().join("missing"), typo, PathBuf::from("-")];
        let problems = check_inputs(&inputs);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("missing: no such file or directory"));
        assert!(problems[1].contains("bbc.jsnl: unsupported input type"));
    }

    #[test]
    fn csv_without_required_columns_is_one_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.csv");
        std::fs::write(&p, "name,body\na,b\n").unwrap();
        let items = collect(&[p]);
        assert_eq!(items.len(), 1);
        assert!(items[0]
            .as_ref()
            .unwrap_err()
            .reason
            .contains("\"id\" and \"text\""));
    }
}
