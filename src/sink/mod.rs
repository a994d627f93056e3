//! Sinks: where output records go, behind the [`Sink`] role.
//!
//! The formats (JSON Lines in [`jsonl`], CSV in [`csv`]) only render records to bytes; the sinks
//! decide where the bytes go: [`Dataset`] keeps an output directory that is incremental and
//! crash-safe, [`ClaimStream`] writes claims to a stream such as standard output.

pub mod csv;
mod dataset;
pub mod jsonl;
mod parquet;

pub use self::dataset::{
    content_hash, Cached, Dataset, DatasetIndex, DatasetOptions, Kept, KeptArticles, RunKey,
};

use std::convert::Infallible;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::article::Article;
use crate::claim::DocOutput;
use crate::ingest::InputError;

/// How many records an article contributed, for run statistics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Claims.
    pub claims: u64,
    /// Entity mentions.
    pub entities: u64,
    /// Whitespace-separated words of the article.
    pub words: u64,
}

impl Counts {
    /// The counts of one processed article.
    pub fn of(doc: &DocOutput) -> Counts {
        Counts {
            claims: doc.claims.len() as u64,
            entities: doc.entities.len() as u64,
            words: doc.words as u64,
        }
    }
}

/// Receives each input's outcome, in input order.
pub trait Sink: Send {
    /// An earlier run's output that the sink can copy instead of reprocessing the article.
    type Reused: Send;
    /// Writes one processed article's records.
    fn write(&mut self, article: &Article, doc: &DocOutput) -> io::Result<()>;
    /// Copies an article's records from an earlier run; returns what they hold.
    fn reuse(&mut self, reused: Self::Reused) -> io::Result<Counts>;
    /// Records an input that was rejected, or a warning about one.
    fn report(&mut self, error: &InputError) -> io::Result<()>;
    /// Called after each batch: a chance to checkpoint or flush.
    fn end_batch(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Writes claims as JSON Lines to any stream (e.g. standard output, for `--out -`); rejected
/// inputs are reported on standard error by the pipeline. Flushes after every batch, so a
/// downstream reader sees complete lines as soon as they are ready.
pub struct ClaimStream<W: Write + Send> {
    writer: W,
}

impl<W: Write + Send> ClaimStream<W> {
    /// A sink writing to `writer`.
    pub fn new(writer: W) -> Self {
        ClaimStream { writer }
    }

    /// Flushes and returns the stream.
    pub fn finish(mut self) -> io::Result<W> {
        self.writer.flush()?;
        Ok(self.writer)
    }
}

impl<W: Write + Send> Sink for ClaimStream<W> {
    type Reused = Infallible;

    fn write(&mut self, _article: &Article, doc: &DocOutput) -> io::Result<()> {
        jsonl::render_claims(doc, &mut self.writer)
    }

    fn reuse(&mut self, reused: Infallible) -> io::Result<Counts> {
        match reused {}
    }

    fn report(&mut self, _error: &InputError) -> io::Result<()> {
        Ok(())
    }

    fn end_batch(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

/// A buffered file written under a temporary name and renamed into place by [`AtomicFile::commit`].
pub struct AtomicFile {
    tmp: PathBuf,
    dest: PathBuf,
    writer: BufWriter<File>,
}

impl AtomicFile {
    /// Creates `DIR/.NAME.tmp`, to become `DIR/NAME` on commit.
    pub fn create(dest: &Path) -> io::Result<AtomicFile> {
        let tmp = temporary_path(dest);
        let file = File::create(&tmp).map_err(|e| {
            io::Error::new(e.kind(), format!("cannot create {}: {e}", tmp.display()))
        })?;
        Ok(AtomicFile {
            tmp,
            dest: dest.to_path_buf(),
            writer: BufWriter::with_capacity(1 << 16, file),
        })
    }

    /// The writer for the file's contents.
    pub fn writer(&mut self) -> &mut BufWriter<File> {
        &mut self.writer
    }

    /// Flushes and syncs the temporary file, and returns the paths to rename (temporary,
    /// destination): the first half of a commit that spans several files.
    pub fn sync(self) -> io::Result<(PathBuf, PathBuf)> {
        let file = self.writer.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        Ok((self.tmp, self.dest))
    }

    /// Flushes, syncs and renames the file into place.
    pub fn commit(self) -> io::Result<()> {
        let (tmp, dest) = self.sync()?;
        std::fs::rename(tmp, dest)
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

/// Where [`AtomicFile`] writes `dest` before it is committed: `DIR/.NAME.tmp`.
pub fn temporary_path(dest: &Path) -> PathBuf {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dest.with_file_name(format!(".{name}.tmp"))
}
