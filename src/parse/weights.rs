//! Averaged-perceptron weight tables over hashed feature keys: a trainable table (rows created
//! on first update, lazy averaging) and a frozen, sparse table for decoding and for files.

use std::io::{self, Write};

use half::f16;
use rustc_hash::FxHashMap;

use crate::huge_pages;
use crate::tagger::ModelError;

/// A table of weight rows by feature hash, as the beam scores with it in training and in
/// decoding.
pub trait Weights {
    /// Adds the weights of `feats` into `scores`, one feature after another.
    fn add(&self, feats: &[u64], scores: &mut [f32]);

    /// Sets `scores` to the summed weights of `feats`.
    #[inline]
    fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        self.add(feats, scores);
    }

    /// Number of classes (of a row of scores).
    fn classes(&self) -> usize;

    /// Sets the `i`th row of `scores` ([`Weights::classes`] each) to the summed weights of
    /// the `i`th segment of `feats`, which ends at `ends[i]`.
    fn score_segments(&self, feats: &[u64], ends: &[usize], scores: &mut [f32]) {
        let mut start = 0;
        for (&end, row) in ends.iter().zip(scores.chunks_exact_mut(self.classes())) {
            self.score(&feats[start..end], row);
            start = end;
        }
    }
}

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
        let rows: Vec<(u64, Vec<(u8, f32)>)> = keys
            .into_iter()
            .map(|(k, r)| {
                let r = r as usize;
                let entries = (0..self.n)
                    .filter_map(|j| {
                        let i = r * self.n + j;
                        let avg = self.w[i] - self.u[i] / c.max(1.0);
                        (avg.abs() >= prune && avg != 0.0).then_some((j as u8, avg))
                    })
                    .collect::<Vec<_>>();
                (k, entries)
            })
            .filter(|(_, e)| !e.is_empty())
            .collect();
        Frozen::from_rows(self.n, &rows)
    }

    /// Number of feature rows.
    pub fn n_rows(&self) -> usize {
        self.rows.len()
    }
}

/// A slot of a table with up to three classes stored inline: a 32-bit fingerprint of the key
/// (never 0; the slot index comes from other bits) and the weights, 16 bytes, four slots per
/// cache line. The full keys are kept apart, for writing.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Dense {
    fp: u32,
    w: [f32; 3],
}

#[inline]
fn fingerprint(key: u64) -> u32 {
    ((key >> 32) as u32) | 1
}

/// A slot of a table with many classes: the key and its range in `entries`, or (a row with
/// at least [`WIDE_MIN`] entries, `len` with its [`WIDE`] bit set) its row in `wide`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Sparse {
    key: u64,
    start: u32,
    len: u32,
}

/// The bit of [`Sparse::len`] marking a wide row.
const WIDE: u32 = 1 << 31;

/// Rows with at least this many entries are also kept as all `n` weights (zeros included):
/// adding a whole row is a few vector instructions, where each sparse entry costs a scalar
/// load, add and store. Adding a zero leaves a sum unchanged (sums never are -0), so the
/// scores are the same either way.
const WIDE_MIN: usize = 6;

/// Frozen weights in an open-addressing table (linear probing; keys are never 0): up to four
/// classes inline in the slot, more as sparse (class, weight) entries (and the rows with many
/// entries also as all their weights).
#[derive(Clone, Debug, PartialEq)]
pub struct Frozen {
    n: usize,
    mask: usize,
    rows: usize,
    dense: Vec<Dense>,
    dense_keys: Vec<u64>,
    sparse: Vec<Sparse>,
    entries: Vec<(u8, f32)>,
    /// The wide rows' weights, `n` each.
    wide: Vec<f32>,
    /// The wide rows' ranges in `entries`.
    wide_entries: Vec<(u32, u32)>,
}

#[inline]
fn slot_of(key: u64, mask: usize) -> usize {
    (key >> 1) as usize & mask
}

impl Frozen {
    fn with_rows(n: usize, rows: usize) -> Frozen {
        // Dense slots at up to 4/5 load: half the memory of a sparser table, so more of it
        // stays in cache; probes stay within a cache line or two. Sparse slots (the label
        // table, a tenth the rows) at up to 1/3: a third of its lookups miss, and a miss
        // probes to the next empty slot (2.9 probes a lookup at 2/3 load).
        let cap = if n <= 3 {
            rows * 5 / 4 + 16
        } else {
            rows * 3 + 16
        }
        .next_power_of_two();
        let (dense, dense_keys, sparse) = if n <= 3 {
            (
                huge_pages::filled(cap, Dense::default()),
                vec![0; cap],
                Vec::new(),
            )
        } else {
            (
                Vec::new(),
                Vec::new(),
                huge_pages::filled(cap, Sparse::default()),
            )
        };
        Frozen {
            n,
            mask: cap - 1,
            rows: 0,
            dense,
            dense_keys,
            sparse,
            entries: Vec::new(),
            wide: Vec::new(),
            wide_entries: Vec::new(),
        }
    }

    fn push(&mut self, key: u64, entries: &[(u8, f32)]) {
        if entries.is_empty() || key == 0 {
            return;
        }
        let mut i = slot_of(key, self.mask);
        if self.n <= 3 {
            let fp = fingerprint(key);
            while self.dense[i].fp != 0 && self.dense_keys[i] != key {
                i = (i + 1) & self.mask;
            }
            self.dense_keys[i] = key;
            let slot = &mut self.dense[i];
            slot.fp = fp;
            slot.w = [0.0; 3];
            for &(j, x) in entries {
                slot.w[j as usize] = x;
            }
        } else {
            while self.sparse[i].key != 0 && self.sparse[i].key != key {
                i = (i + 1) & self.mask;
            }
            let start = self.entries.len() as u32;
            self.entries.extend_from_slice(entries);
            let len = entries.len() as u32;
            let distinct = entries.windows(2).all(|w| w[0].0 < w[1].0);
            self.sparse[i] = if entries.len() >= WIDE_MIN && distinct {
                let r = self.wide_entries.len();
                self.wide_entries.push((start, len));
                self.wide.resize(self.wide.len() + self.n, 0.0);
                let row = &mut self.wide[r * self.n..];
                for &(j, x) in entries {
                    row[j as usize] = x;
                }
                Sparse {
                    key,
                    start: r as u32,
                    len: WIDE,
                }
            } else {
                Sparse { key, start, len }
            };
        }
        self.rows += 1;
    }

    /// Number of stored (non-zero) weights.
    pub fn n_weights(&self) -> usize {
        if self.n <= 3 {
            self.dense
                .iter()
                .filter(|s| s.fp != 0)
                .map(|s| s.w.iter().filter(|&&x| x != 0.0).count())
                .sum()
        } else {
            self.entries.len()
        }
    }

    /// Whether sums of up to `terms` stored weights are exact in f32, so the same in any
    /// order: every partial sum is a multiple of the weights' common power-of-two unit `q`,
    /// and below `2^24 q` in magnitude (the shipped parser: 103 weights of at most 156, all
    /// multiples of 2^-10).
    pub fn sums_exact(&self, terms: usize) -> bool {
        let weights: Box<dyn Iterator<Item = f32>> = if self.n <= 3 {
            Box::new(self.dense.iter().flat_map(|s| s.w))
        } else {
            Box::new(self.entries.iter().map(|e| e.1))
        };
        let (mut unit, mut max) = (i32::MAX, 0f32);
        for x in weights.filter(|&x| x != 0.0) {
            if !x.is_finite() {
                return false;
            }
            unit = unit.min(lowest_bit_exponent(x));
            max = max.max(x.abs());
        }
        unit == i32::MAX || (terms as f64) * f64::from(max) < 2f64.powi(24 + unit)
    }

    /// The sparse slot of `key`, if stored.
    #[inline]
    fn sparse_slot(&self, key: u64) -> Option<&Sparse> {
        let sparse = &self.sparse[..=self.mask];
        let mut i = slot_of(key, self.mask);
        loop {
            let s = &sparse[i];
            if s.key == key {
                return Some(s);
            }
            if s.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Adds the rows of the (start, len) slots into `scores`, in order.
    #[inline]
    fn add_entries(&self, ranges: &[(u32, u32)], scores: &mut [f32]) {
        // Classes are below `n` (checked when read), and `n` at most 256: summing in an
        // array indexed by u8 needs no bounds checks.
        let n = self.n;
        let mut acc = [0f32; 256];
        acc[..n].copy_from_slice(&scores[..n]);
        for &(start, len) in ranges {
            if len == WIDE {
                let row = &self.wide[start as usize * n..(start as usize + 1) * n];
                for (a, w) in acc[..n].iter_mut().zip(row) {
                    *a += w;
                }
            } else {
                for &(j, w) in &self.entries[start as usize..(start + len) as usize] {
                    acc[j as usize] += w;
                }
            }
        }
        scores[..n].copy_from_slice(&acc[..n]);
    }

    /// The rows sorted by key, each with its non-zero (class, weight) entries.
    fn sorted_rows(&self) -> Vec<(u64, Vec<(u8, f32)>)> {
        let mut rows: Vec<(u64, Vec<(u8, f32)>)> = if self.n <= 3 {
            self.dense
                .iter()
                .zip(&self.dense_keys)
                .filter(|(s, _)| s.fp != 0)
                .map(|(s, &key)| {
                    let e = (0..self.n)
                        .filter(|&j| s.w[j] != 0.0)
                        .map(|j| (j as u8, s.w[j]))
                        .collect();
                    (key, e)
                })
                .collect()
        } else {
            self.sparse
                .iter()
                .filter(|s| s.key != 0)
                .map(|s| {
                    let (start, len) = if s.len == WIDE {
                        self.wide_entries[s.start as usize]
                    } else {
                        (s.start, s.len)
                    };
                    let e = self.entries[start as usize..(start + len) as usize].to_vec();
                    (s.key, e)
                })
                .collect()
        };
        rows.sort_unstable_by_key(|r| r.0);
        rows
    }

    fn from_rows(n: usize, rows: &[(u64, Vec<(u8, f32)>)]) -> Frozen {
        let mut f = Frozen::with_rows(n, rows.len());
        if n > 3 {
            let entries = rows.iter().map(|(_, e)| e.len()).sum();
            let wide = rows.iter().filter(|(_, e)| e.len() >= WIDE_MIN).count();
            f.entries = huge_pages::with_capacity(entries);
            f.wide = huge_pages::with_capacity(wide * n);
        }
        for (k, e) in rows {
            f.push(*k, e);
        }
        f
    }

    /// Writes the table: class count, rows sorted by key (key, entry count, entries as class
    /// + f16).
    pub fn write_to(&self, w: &mut dyn Write) -> io::Result<()> {
        let rows = self.sorted_rows();
        w.write_all(&(self.n as u32).to_le_bytes())?;
        w.write_all(&(rows.len() as u32).to_le_bytes())?;
        for (k, entries) in &rows {
            w.write_all(&k.to_le_bytes())?;
            w.write_all(&[entries.len() as u8])?;
            for &(j, x) in entries {
                w.write_all(&[j])?;
                w.write_all(&f16::from_f32(x).to_bits().to_le_bytes())?;
            }
        }
        Ok(())
    }

    /// Reads a table written by [`Frozen::write_to`], advancing `pos`. The rows go straight
    /// into the table (one scratch row, no allocation per row): a first pass over the bytes
    /// checks them and sizes the entry arrays.
    pub fn read(b: &[u8], pos: &mut usize) -> Result<Frozen, ModelError> {
        let n = read_u32(b, pos)? as usize;
        let count = read_u32(b, pos)? as usize;
        if n == 0 || n > 256 || count > b.len() / 9 + 1 {
            return Err(ModelError::Corrupt("weight table header".into()));
        }
        let (entries, wide) = Frozen::check_rows(b, *pos, n, count)?;
        let mut f = Frozen::with_rows(n, count);
        if n > 3 {
            f.entries = huge_pages::with_capacity(entries);
            f.wide = huge_pages::with_capacity(wide * n);
        }
        let mut row = Vec::with_capacity(256);
        for _ in 0..count {
            let key = u64::from_le_bytes(take(b, pos, 8)?.try_into().expect("8 bytes"));
            let len = take(b, pos, 1)?[0] as usize;
            row.clear();
            row.extend(take(b, pos, 3 * len)?.chunks_exact(3).map(|e| {
                let x = f16::from_bits(u16::from_le_bytes([e[1], e[2]])).to_f32();
                (e[0], x)
            }));
            f.push(key, &row);
        }
        Ok(f)
    }

    /// Checks the `count` rows written from `pos` (no zero key, classes below `n`) and counts
    /// their entries and wide rows.
    fn check_rows(
        b: &[u8],
        mut pos: usize,
        n: usize,
        count: usize,
    ) -> Result<(usize, usize), ModelError> {
        let (mut entries, mut wide) = (0, 0);
        for _ in 0..count {
            if take(b, &mut pos, 8)?.iter().all(|&x| x == 0) {
                return Err(ModelError::Corrupt("zero key".into()));
            }
            let len = take(b, &mut pos, 1)?[0] as usize;
            if take(b, &mut pos, 3 * len)?
                .chunks_exact(3)
                .any(|e| e[0] as usize >= n)
            {
                return Err(ModelError::Corrupt("weight class out of range".into()));
            }
            entries += len;
            wide += usize::from(len >= WIDE_MIN);
        }
        Ok((entries, wide))
    }

    /// The table after a round trip through f16 (what a saved model holds), without the
    /// weights whose magnitude is below `prune`.
    pub fn quantized(&self, prune: f32) -> Frozen {
        let rows: Vec<(u64, Vec<(u8, f32)>)> = self
            .sorted_rows()
            .into_iter()
            .map(|(k, e)| {
                let e = e
                    .into_iter()
                    .map(|(j, x)| (j, f16::from_f32(x).to_f32()))
                    .filter(|&(_, x)| x != 0.0 && x.abs() >= prune)
                    .collect();
                (k, e)
            })
            .collect();
        Frozen::from_rows(self.n, &rows)
    }
}

/// The exponent `e` of a non-zero finite `x = m 2^e` with `m` odd.
fn lowest_bit_exponent(x: f32) -> i32 {
    let b = x.to_bits();
    let (e, m) = ((b >> 23 & 0xff) as i32, b & 0x7f_ffff);
    let (e, m) = if e == 0 { (1, m) } else { (e, m | 0x80_0000) };
    e - 150 + m.trailing_zeros() as i32
}

/// Hints the CPU to load the cache line at `p`.
#[inline(always)]
fn prefetch(p: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is a hint and never faults, whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch(p as *const i8, std::arch::x86_64::_MM_HINT_T0);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
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

impl Weights for Trainable {
    fn classes(&self) -> usize {
        self.n
    }

    /// Adds the (current) weights of `feats` into `scores` (length `n`), one feature after
    /// another.
    fn add(&self, feats: &[u64], scores: &mut [f32]) {
        for f in feats {
            if let Some(&r) = self.rows.get(f) {
                let row = &self.w[r as usize * self.n..(r as usize + 1) * self.n];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }
}

impl Weights for Frozen {
    fn classes(&self) -> usize {
        self.n
    }

    /// Adds the weights of `feats` into `scores` (length `n`), one feature after another (so
    /// adding a list in two parts gives the same sums as adding it at once).
    #[inline]
    fn add(&self, feats: &[u64], scores: &mut [f32]) {
        self.prefetch_slots(feats);
        self.add_prefetched(feats, scores);
    }

    /// Sets the scores of each segment; all the segments' slots are fetched at once, so
    /// their cache misses overlap.
    fn score_segments(&self, feats: &[u64], ends: &[usize], scores: &mut [f32]) {
        self.prefetch_slots(feats);
        let mut start = 0;
        for (&end, row) in ends.iter().zip(scores.chunks_exact_mut(self.n)) {
            row.fill(0.0);
            self.add_prefetched(&feats[start..end], row);
            start = end;
        }
    }
}

impl Frozen {
    /// Hints the CPU to load the first slot of each key.
    #[inline]
    fn prefetch_slots(&self, feats: &[u64]) {
        for &f in feats {
            let i = slot_of(f, self.mask);
            let p = if self.n <= 3 {
                self.dense.as_ptr().wrapping_add(i) as *const u8
            } else {
                self.sparse.as_ptr().wrapping_add(i) as *const u8
            };
            prefetch(p);
        }
    }

    /// [`Weights::add`] without the prefetching.
    #[inline]
    fn add_prefetched(&self, feats: &[u64], scores: &mut [f32]) {
        if self.n <= 3 {
            let mut acc = [0f32; 3];
            for (a, s) in acc.iter_mut().zip(scores.iter()) {
                *a = *s;
            }
            // Sliced to `mask + 1` slots, so indices masked by `mask` need no bounds checks.
            let dense = &self.dense[..=self.mask];
            for &f in feats {
                let mut i = slot_of(f, self.mask);
                let fp = fingerprint(f);
                loop {
                    let s = &dense[i];
                    if s.fp == fp {
                        for (a, w) in acc.iter_mut().zip(&s.w) {
                            *a += w;
                        }
                        break;
                    }
                    if s.fp == 0 {
                        break;
                    }
                    i = (i + 1) & self.mask;
                }
            }
            for (s, a) in scores.iter_mut().zip(acc) {
                *s = a;
            }
        } else {
            // Resolve every slot first (prefetching the entries), then sum: the entries'
            // cache misses overlap instead of following one another.
            let mut found = [(0u32, 0u32); 64];
            let mut k = 0;
            for &f in feats {
                if let Some(s) = self.sparse_slot(f) {
                    prefetch(self.entries.as_ptr().wrapping_add(s.start as usize) as *const u8);
                    if k == found.len() {
                        self.add_entries(&found, scores);
                        k = 0;
                    }
                    found[k] = (s.start, s.len);
                    k += 1;
                }
            }
            self.add_entries(&found[..k], scores);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowest_bit_exponents() {
        assert_eq!(lowest_bit_exponent(1.0), 0);
        assert_eq!(lowest_bit_exponent(1.5), -1);
        assert_eq!(lowest_bit_exponent(-6.0), 1);
        assert_eq!(lowest_bit_exponent(156.0 + 1.0 / 1024.0), -10);
        assert_eq!(lowest_bit_exponent(f32::from_bits(1)), -149);
    }

    #[test]
    fn sums_are_exact_while_below_two_to_the_24_units() {
        // Units of 2^-10: exact below 2^14 in magnitude.
        let unit = 1.0 + 1.0 / 1024.0;
        let table = |w: f32, n| Frozen::from_rows(n, &[(7, vec![(0, w), (1, unit)])]);
        assert!(table(156.0, 3).sums_exact(103));
        assert!(!table(160.0, 3).sums_exact(103));
        assert!(table(156.0, 8).sums_exact(103));
        assert!(!table(1.5, 8).sums_exact(16384));
        assert!(table(1.5, 8).sums_exact(10922));
        assert!(!table(f32::INFINITY, 3).sums_exact(1));
    }
}
