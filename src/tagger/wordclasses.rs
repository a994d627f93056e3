//! Word classes derived from the word vectors: form -> fine row id, plus k-means clusters.

use crate::tagger::hash::SplitMix64;

use crate::tagger::hash::hash_str;
use crate::tagger::io_util::{Reader, Writer};
use crate::tagger::ModelError;
use rustc_hash::FxHashMap;
use std::io;
use std::path::Path;

pub const NO_ROW: u16 = u16::MAX;

/// Word-class table shared by all models.
pub struct WordClasses {
    /// hash(form) -> row
    map: FxHashMap<u64, u16>,
    /// clusters[row] = ids at each granularity (e.g. k = 64, 256, 1024)
    clusters: Vec<[u16; 3]>,
    ks: [u16; 3],
}

const MAGIC: &[u8; 8] = b"TGWCLS01";

impl WordClasses {
    /// An empty table (every lookup misses).
    pub fn empty() -> WordClasses {
        WordClasses {
            map: FxHashMap::default(),
            clusters: Vec::new(),
            ks: [0; 3],
        }
    }

    /// Row id of a word form, if it is in the table.
    #[inline]
    pub fn row(&self, form: &str) -> Option<u16> {
        self.map.get(&hash_str(form)).copied()
    }

    /// Row id for a precomputed word-form hash, if present.
    #[inline]
    pub fn row_hash(&self, h: u64) -> Option<u16> {
        self.map.get(&h).copied()
    }

    /// Cluster ids of a row at the three granularities, coarse to fine (`NO_ROW` if unknown).
    #[inline]
    pub fn clusters(&self, row: u16) -> [u16; 3] {
        self.clusters
            .get(row as usize)
            .copied()
            .unwrap_or([NO_ROW; 3])
    }

    /// Number of word forms in the table.
    pub fn n_forms(&self) -> usize {
        self.map.len()
    }

    /// Cluster counts of the three granularities, coarse to fine.
    pub fn ks(&self) -> [u16; 3] {
        self.ks
    }

    /// Serialise the table.
    pub fn write_to(&self, w: &mut impl io::Write) -> io::Result<()> {
        let mut wr = Writer::new(w);
        wr.bytes(MAGIC)?;
        for k in self.ks {
            wr.u16(k)?;
        }
        wr.u32(self.clusters.len() as u32)?;
        for c in &self.clusters {
            for &x in c {
                wr.u16(x)?;
            }
        }
        let mut pairs: Vec<(u64, u16)> = self.map.iter().map(|(&k, &v)| (k, v)).collect();
        pairs.sort_unstable();
        wr.u32(pairs.len() as u32)?;
        for (k, _) in &pairs {
            wr.u64(*k)?;
        }
        for (_, v) in &pairs {
            wr.u16(*v)?;
        }
        Ok(())
    }

    /// Deserialise a table written by [`WordClasses::write_to`].
    pub fn from_bytes(b: &[u8]) -> Result<WordClasses, ModelError> {
        let mut r = Reader::new(b);
        if r.bytes(8)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let ks = [r.u16()?, r.u16()?, r.u16()?];
        let nrows = r.u32()? as usize;
        let mut clusters = Vec::with_capacity(nrows);
        for _ in 0..nrows {
            clusters.push([r.u16()?, r.u16()?, r.u16()?]);
        }
        let n = r.u32()? as usize;
        let keys = r.bytes(n * 8)?;
        let vals = r.bytes(n * 2)?;
        let mut map = FxHashMap::with_capacity_and_hasher(n, Default::default());
        for i in 0..n {
            let k = u64::from_le_bytes(keys[i * 8..i * 8 + 8].try_into().unwrap());
            let v = u16::from_le_bytes([vals[i * 2], vals[i * 2 + 1]]);
            if (v as usize) >= nrows && v != NO_ROW {
                return Err(ModelError::Corrupt("row out of range".into()));
            }
            map.insert(k, v);
        }
        Ok(WordClasses { map, clusters, ks })
    }

    /// Build from the vectors (.npy float16 matrix) and `word<TAB>row` list.
    /// K-means with k=1024 over L2-normalised rows, then 256 and 64 by clustering the centroids.
    pub fn build(vectors_npy: &Path, words_txt: &Path, seed: u64) -> io::Result<WordClasses> {
        let (nrows, dim, data) = read_npy_f16(vectors_npy)?;
        let text = std::fs::read_to_string(words_txt)?;
        let mut map = FxHashMap::default();
        for line in text.lines() {
            let Some((w, r)) = line.rsplit_once('\t') else {
                continue;
            };
            let Ok(r) = r.trim().parse::<usize>() else {
                continue;
            };
            if r < nrows && r < NO_ROW as usize {
                map.insert(hash_str(w), r as u16);
            }
        }
        let mut pts = data;
        for i in 0..nrows {
            normalize(&mut pts[i * dim..(i + 1) * dim]);
        }
        let w1 = vec![1.0f32; nrows];
        let (c1024, cent1024, cnt1024) = kmeans(&pts, &w1, nrows, dim, 1024, 12, seed);
        let wc: Vec<f32> = cnt1024.iter().map(|&c| c as f32).collect();
        let k1 = cnt1024.len();
        let (c256_of, cent256, cnt256) = kmeans(&cent1024, &wc, k1, dim, 256, 15, seed ^ 0x256);
        let k2 = cnt256.len();
        let (c64_of, _, _) = kmeans(&cent256, &vec![1.0; k2], k2, dim, 64, 15, seed ^ 0x64);
        let clusters = (0..nrows)
            .map(|i| {
                let a = c1024[i];
                let b = c256_of[a as usize];
                let c = c64_of[b as usize];
                [c as u16, b as u16, a as u16]
            })
            .collect();
        Ok(WordClasses {
            map,
            clusters,
            ks: [64, 256, 1024],
        })
    }
}

fn normalize(v: &mut [f32]) {
    let n: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if n > 0.0 {
        for x in v {
            *x /= n;
        }
    }
}

#[inline]
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let ca = a.chunks_exact(8);
    let cb = b.chunks_exact(8);
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for j in 0..8 {
            acc[j] += x[j] * y[j];
        }
    }
    let mut s: f32 = acc.iter().sum();
    for (x, y) in ra.iter().zip(rb) {
        s += x * y;
    }
    s
}

/// Spherical k-means (cosine). Returns (assignment, centroids, counts).
fn kmeans(
    pts: &[f32],
    weights: &[f32],
    n: usize,
    dim: usize,
    k: usize,
    iters: usize,
    seed: u64,
) -> (Vec<u32>, Vec<f32>, Vec<usize>) {
    let k = k.min(n);
    let mut rng = SplitMix64(seed);
    let mut idx: Vec<usize> = (0..n).collect();
    for i in 0..k {
        let j = i + (rng.next() % (n - i) as u64) as usize;
        idx.swap(i, j);
    }
    let mut cent = vec![0f32; k * dim];
    for c in 0..k {
        cent[c * dim..(c + 1) * dim].copy_from_slice(&pts[idx[c] * dim..(idx[c] + 1) * dim]);
    }
    let mut assign = vec![0u32; n];
    let mut counts = vec![0usize; k];
    for it in 0..iters {
        let mut changed = 0usize;
        for i in 0..n {
            let p = &pts[i * dim..(i + 1) * dim];
            let mut best = 0usize;
            let mut bs = f32::NEG_INFINITY;
            for c in 0..k {
                let s = dot(p, &cent[c * dim..(c + 1) * dim]);
                if s > bs {
                    bs = s;
                    best = c;
                }
            }
            if assign[i] != best as u32 || it == 0 {
                changed += 1;
            }
            assign[i] = best as u32;
        }
        let mut sum = vec![0f32; k * dim];
        counts.iter_mut().for_each(|c| *c = 0);
        let mut wsum = vec![0f32; k];
        for i in 0..n {
            let c = assign[i] as usize;
            counts[c] += 1;
            wsum[c] += weights[i];
            let w = weights[i];
            for (s, x) in sum[c * dim..(c + 1) * dim]
                .iter_mut()
                .zip(&pts[i * dim..(i + 1) * dim])
            {
                *s += w * x;
            }
        }
        for c in 0..k {
            if counts[c] == 0 {
                let j = (rng.next() % n as u64) as usize;
                sum[c * dim..(c + 1) * dim].copy_from_slice(&pts[j * dim..(j + 1) * dim]);
            }
            normalize(&mut sum[c * dim..(c + 1) * dim]);
        }
        cent = sum;
        if changed == 0 {
            break;
        }
    }
    (assign, cent, counts)
}

/// Read a 2-D little-endian float16 .npy file into f32.
pub fn read_npy_f16(path: &Path) -> io::Result<(usize, usize, Vec<f32>)> {
    let b = std::fs::read(path)?;
    let bad = |m: &str| io::Error::new(io::ErrorKind::InvalidData, m.to_string());
    if b.len() < 10 || &b[..6] != b"\x93NUMPY" {
        return Err(bad("not an npy file"));
    }
    let (hlen, hstart) = if b[6] == 1 {
        (u16::from_le_bytes([b[8], b[9]]) as usize, 10)
    } else {
        (u32::from_le_bytes([b[8], b[9], b[10], b[11]]) as usize, 12)
    };
    let header = std::str::from_utf8(&b[hstart..hstart + hlen]).map_err(|_| bad("header"))?;
    if !header.contains("<f2") {
        return Err(bad("expected <f2 dtype"));
    }
    if header.contains("'fortran_order': True") {
        return Err(bad("fortran order unsupported"));
    }
    let sh = header
        .split("'shape':")
        .nth(1)
        .ok_or_else(|| bad("no shape"))?;
    let sh = &sh[sh.find('(').ok_or_else(|| bad("shape"))? + 1
        ..sh.find(')').ok_or_else(|| bad("shape"))?];
    let dims: Vec<usize> = sh
        .split(',')
        .filter_map(|x| x.trim().parse().ok())
        .collect();
    if dims.len() != 2 {
        return Err(bad("expected 2-D"));
    }
    let (n, d) = (dims[0], dims[1]);
    let data = &b[hstart + hlen..];
    if data.len() < n * d * 2 {
        return Err(bad("truncated"));
    }
    let v = (0..n * d)
        .map(|i| half::f16::from_le_bytes([data[2 * i], data[2 * i + 1]]).to_f32())
        .collect();
    Ok((n, d, v))
}
