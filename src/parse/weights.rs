//! Averaged-perceptron weight tables over hashed feature keys: a trainable table (rows created
//! on first update, lazy averaging) and a frozen, sparse table for decoding and for files.

use std::io::{self, Write};

use half::f16;
use rustc_hash::FxHashMap;

use crate::tagger::ModelError;

/// Weights being trained: one row of `n` classes per feature key, with the running sums that
/// give the averaged weights (`w - u / c`, the standard lazy-averaging trick).
pub struct Trainable {
    n: usize,
    rows: FxHashMap<u64, u32>,
    w: Vec<f32>,
    u: Vec<f32>,
}

impl Trainable {
    /// An empty table for `n` classes.
    pub fn new(n: usize) -> Trainable {
        Trainable {
            n,
            rows: FxHashMap::default(),
            w: Vec::new(),
            u: Vec::new(),
        }
    }

    /// Adds the (current) weights of `feats` into `scores` (length `n`).
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(&r) = self.rows.get(f) {
                let row = &self.w[r as usize * self.n..(r as usize + 1) * self.n];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }

    /// Adds `delta` to class `class` of every feature; `c` is the number of training
    /// instances seen so far (for averaging).
    pub fn update(&mut self, feats: &[u64], class: usize, delta: f32, c: f32) {
        for &f in feats {
            let next = self.rows.len() as u32;
            let r = *self.rows.entry(f).or_insert(next) as usize;
            if r == self.w.len() / self.n {
                self.w.resize(self.w.len() + self.n, 0.0);
                self.u.resize(self.u.len() + self.n, 0.0);
            }
            self.w[r * self.n + class] += delta;
            self.u[r * self.n + class] += c * delta;
        }
    }

    /// The averaged weights after `c` instances, as a frozen table keeping the entries whose
    /// magnitude is at least `prune`.
    pub fn freeze(&self, c: f32, prune: f32) -> Frozen {
        let mut keys: Vec<(u64, u32)> = self.rows.iter().map(|(&k, &r)| (k, r)).collect();
        keys.sort_unstable();
        let mut f = Frozen::new(self.n);
        for (k, r) in keys {
            let r = r as usize;
            let entries: Vec<(u8, f32)> = (0..self.n)
                .filter_map(|j| {
                    let i = r * self.n + j;
                    let avg = self.w[i] - self.u[i] / c.max(1.0);
                    (avg.abs() >= prune && avg != 0.0).then_some((j as u8, avg))
                })
                .collect();
            f.push(k, &entries);
        }
        f
    }

    /// Number of feature rows.
    pub fn n_rows(&self) -> usize {
        self.rows.len()
    }
}

/// Frozen sparse weights: key → its (class, weight) entries.
#[derive(Clone, Debug, PartialEq)]
pub struct Frozen {
    n: usize,
    rows: FxHashMap<u64, (u32, u32)>,
    entries: Vec<(u8, f32)>,
    order: Vec<u64>,
}

impl Frozen {
    fn new(n: usize) -> Frozen {
        Frozen {
            n,
            rows: FxHashMap::default(),
            entries: Vec::new(),
            order: Vec::new(),
        }
    }

    fn push(&mut self, key: u64, entries: &[(u8, f32)]) {
        if entries.is_empty() {
            return;
        }
        let start = self.entries.len() as u32;
        self.entries.extend_from_slice(entries);
        self.rows.insert(key, (start, entries.len() as u32));
        self.order.push(key);
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n
    }

    /// Number of stored weights.
    pub fn n_weights(&self) -> usize {
        self.entries.len()
    }

    /// Sets `scores` (length `n`) to the summed weights of `feats`.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(&(start, len)) = self.rows.get(f) {
                for &(j, w) in &self.entries[start as usize..(start + len) as usize] {
                    scores[j as usize] += w;
                }
            }
        }
    }

    /// Writes the table: class count, rows (key, entry count, entries as class + f16).
    pub fn write_to(&self, w: &mut dyn Write) -> io::Result<()> {
        w.write_all(&(self.n as u32).to_le_bytes())?;
        w.write_all(&(self.order.len() as u32).to_le_bytes())?;
        for k in &self.order {
            let (start, len) = self.rows[k];
            w.write_all(&k.to_le_bytes())?;
            w.write_all(&[len as u8])?;
            for &(j, x) in &self.entries[start as usize..(start + len) as usize] {
                w.write_all(&[j])?;
                w.write_all(&f16::from_f32(x).to_bits().to_le_bytes())?;
            }
        }
        Ok(())
    }

    /// Reads a table written by [`Frozen::write_to`], advancing `pos`.
    pub fn read(b: &[u8], pos: &mut usize) -> Result<Frozen, ModelError> {
        let n = read_u32(b, pos)? as usize;
        let rows = read_u32(b, pos)? as usize;
        let mut f = Frozen::new(n);
        let mut entries = Vec::new();
        for _ in 0..rows {
            let key = u64::from_le_bytes(take(b, pos, 8)?.try_into().expect("8 bytes"));
            let len = take(b, pos, 1)?[0] as usize;
            entries.clear();
            for _ in 0..len {
                let e = take(b, pos, 3)?;
                if e[0] as usize >= n {
                    return Err(ModelError::Corrupt("weight class out of range".into()));
                }
                let x = f16::from_bits(u16::from_le_bytes([e[1], e[2]])).to_f32();
                entries.push((e[0], x));
            }
            f.push(key, &entries);
        }
        Ok(f)
    }

    /// The table after a round trip through f16 (what a saved model holds).
    pub fn quantized(&self) -> Frozen {
        let mut f = self.clone();
        for e in &mut f.entries {
            e.1 = f16::from_f32(e.1).to_f32();
        }
        f
    }
}

/// `n` bytes at `pos`, advancing it.
pub fn take<'a>(b: &'a [u8], pos: &mut usize, n: usize) -> Result<&'a [u8], ModelError> {
    if b.len().saturating_sub(*pos) < n {
        return Err(ModelError::Truncated);
    }
    let s = &b[*pos..*pos + n];
    *pos += n;
    Ok(s)
}

/// A little-endian u32 at `pos`, advancing it.
pub fn read_u32(b: &[u8], pos: &mut usize) -> Result<u32, ModelError> {
    Ok(u32::from_le_bytes(
        take(b, pos, 4)?.try_into().expect("4 bytes"),
    ))
}

/// A length-prefixed UTF-8 string at `pos`, advancing it.
pub fn read_str(b: &[u8], pos: &mut usize) -> Result<String, ModelError> {
    let n = read_u32(b, pos)? as usize;
    String::from_utf8(take(b, pos, n)?.to_vec()).map_err(|_| ModelError::Corrupt("utf-8".into()))
}

/// Writes a length-prefixed string.
pub fn write_str(w: &mut dyn Write, s: &str) -> io::Result<()> {
    w.write_all(&(s.len() as u32).to_le_bytes())?;
    w.write_all(s.as_bytes())
}
