//! Sinks: where output records go. One module per format behind the [`Sink`] role.
//!
//! File sinks write to a hidden temporary file in the output directory and rename it into
//! place only when the run finishes, so a reader never sees a half-written dataset.

mod csv;
mod jsonl;

pub use self::csv::CsvClaims;
pub use self::jsonl::{JsonlClaims, JsonlEntities, JsonlErrors};

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::claim::DocOutput;
use crate::ingest::InputError;

/// Receives each article's output, in input order.
pub trait Sink: Send {
    /// Writes one article's records.
    fn write(&mut self, doc: &DocOutput) -> io::Result<()>;
    /// Records an input that was rejected (most sinks ignore it).
    fn reject(&mut self, _error: &InputError) -> io::Result<()> {
        Ok(())
    }
    /// Flushes and publishes the output.
    fn finish(self: Box<Self>) -> io::Result<()>;
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
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = dest.with_file_name(format!(".{name}.tmp"));
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

    /// Flushes, syncs and renames the file into place.
    pub fn commit(self) -> io::Result<()> {
        let file = self.writer.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&self.tmp, &self.dest)
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
