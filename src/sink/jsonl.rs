//! JSON Lines sinks: claims, entities and rejected inputs, one JSON object per line.

use std::io::{self, Write};
use std::path::Path;

use super::{AtomicFile, Sink};
use crate::claim::DocOutput;
use crate::ingest::InputError;

fn write_line<W: Write, T: serde::Serialize>(w: &mut W, record: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *w, record)?;
    w.write_all(b"\n")
}

/// Writes `claims.jsonl`.
pub struct JsonlClaims(AtomicFile);

impl JsonlClaims {
    /// Creates the sink for the file at `path`.
    pub fn create(path: &Path) -> io::Result<JsonlClaims> {
        AtomicFile::create(path).map(JsonlClaims)
    }
}

impl Sink for JsonlClaims {
    fn write(&mut self, doc: &DocOutput) -> io::Result<()> {
        doc.claims
            .iter()
            .try_for_each(|c| write_line(self.0.writer(), c))
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        self.0.commit()
    }
}

/// Writes `entities.jsonl`.
pub struct JsonlEntities(AtomicFile);

impl JsonlEntities {
    /// Creates the sink for the file at `path`.
    pub fn create(path: &Path) -> io::Result<JsonlEntities> {
        AtomicFile::create(path).map(JsonlEntities)
    }
}

impl Sink for JsonlEntities {
    fn write(&mut self, doc: &DocOutput) -> io::Result<()> {
        doc.entities
            .iter()
            .try_for_each(|e| write_line(self.0.writer(), e))
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        self.0.commit()
    }
}

/// Writes `errors.jsonl`: one record per rejected input.
pub struct JsonlErrors(AtomicFile);

impl JsonlErrors {
    /// Creates the sink for the file at `path`.
    pub fn create(path: &Path) -> io::Result<JsonlErrors> {
        AtomicFile::create(path).map(JsonlErrors)
    }
}

impl Sink for JsonlErrors {
    fn write(&mut self, _doc: &DocOutput) -> io::Result<()> {
        Ok(())
    }

    fn reject(&mut self, error: &InputError) -> io::Result<()> {
        write_line(self.0.writer(), error)
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        self.0.commit()
    }
}
