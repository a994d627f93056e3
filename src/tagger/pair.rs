//! A two-stage model's weights under one index. The second stage (document label consistency)
//! scores every feature of the first stage again with its own weights, plus a few consistency
//! features; with both stages' rows side by side, one lookup of a feature serves both stages,
//! and the second stage's share of the rows is read from the same cache lines.

use crate::huge_pages;
use crate::tagger::features::SentFeats;
use crate::tagger::model::{prefetch_ptr, FeatIndex, Stage};

/// Rows of both stages' weights: the first stage's `stride` lanes, then the second's.
#[derive(Clone, Debug)]
pub(crate) struct StagePair {
    index: FeatIndex,
    w: Vec<i16>,
    /// one stage's row stride (both stages have the same labels)
    stride: usize,
    n: usize,
}

impl StagePair {
    /// Both stages' rows for every feature key either stage has (zeros where one has none).
    pub(crate) fn new(first: &Stage, second: &Stage) -> StagePair {
        let (n, stride) = (first.n, first.stride);
        // Both stages' (key, row) pairs sorted by key, merged: each key once, with its row
        // in either stage.
        let (a, b) = (first.index.sorted_pairs(), second.index.sorted_pairs());
        let mut keys = Vec::with_capacity(a.len().max(b.len()));
        let mut rows: Vec<[Option<u32>; 2]> = Vec::with_capacity(keys.capacity());
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            let (ka, kb) = (a.get(i).map(|p| p.0), b.get(j).map(|p| p.0));
            let key = ka.min(kb).or(ka.max(kb)).expect("a key is left");
            let from_a = (ka == Some(key)).then(|| a[i].1);
            let from_b = (kb == Some(key)).then(|| b[j].1);
            i += usize::from(from_a.is_some());
            j += usize::from(from_b.is_some());
            keys.push(key);
            rows.push([from_a, from_b]);
        }
        let mut w = huge_pages::filled(keys.len() * 2 * stride, 0i16);
        for (row, halves) in rows.iter().enumerate() {
            for (half, (stage, r)) in [first, second].into_iter().zip(halves).enumerate() {
                if let Some(r) = *r {
                    let from = &stage.w[r as usize * stride..(r as usize + 1) * stride];
                    let at = (2 * row + half) * stride;
                    w[at..at + stride].copy_from_slice(from);
                }
            }
        }
        StagePair {
            index: FeatIndex::from_keys(&keys),
            w,
            stride,
            n,
        }
    }

    /// Each token's emissions under the first stage into `first` and under the second into
    /// `second` (`len` x `n` each), from the same features: exactly the sums of
    /// [`Stage::emissions`] of either stage.
    pub(crate) fn emissions(&self, sf: &SentFeats, first: &mut Vec<i32>, second: &mut Vec<i32>) {
        let rows = self.rows(sf);
        first.clear();
        first.resize(sf.len() * self.n, 0);
        second.clear();
        second.resize(sf.len() * self.n, 0);
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2, checked on the line above.
            unsafe { self.sum_both_avx2(sf, &rows, first, second) };
            return;
        }
        self.sum_both(sf, &rows, first, second);
    }

    /// Adds the second stage's weights of `sf`'s features to `second`.
    pub(crate) fn add_second(&self, sf: &SentFeats, second: &mut [i32]) {
        let rows = self.rows(sf);
        let (n, st) = (self.n, self.stride);
        for i in 0..sf.len() {
            let em = &mut second[i * n..(i + 1) * n];
            for &r in &rows[sf.offs[i] as usize..sf.offs[i + 1] as usize] {
                if r != u32::MAX {
                    let at = (2 * r as usize + 1) * st;
                    for (e, &x) in em.iter_mut().zip(&self.w[at..at + n]) {
                        *e += x as i32;
                    }
                }
            }
        }
    }

    /// Each feature's row (`u32::MAX`: none), its weights prefetched.
    fn rows(&self, sf: &SentFeats) -> Vec<u32> {
        for &f in &sf.feats {
            self.index.prefetch(f);
        }
        let row_len = 2 * self.stride;
        sf.feats
            .iter()
            .map(|&f| {
                let r = self.index.get(f).unwrap_or(u32::MAX);
                if r != u32::MAX {
                    let p = self.w.as_ptr().wrapping_add(r as usize * row_len);
                    prefetch_ptr(p as *const u8);
                    prefetch_ptr(p.wrapping_add(self.stride) as *const u8);
                }
                r
            })
            .collect()
    }

    /// [`StagePair::sum_both`] compiled for AVX2: the same integer sums, in wider registers.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn sum_both_avx2(&self, sf: &SentFeats, rows: &[u32], first: &mut [i32], second: &mut [i32]) {
        self.sum_both(sf, rows, first, second);
    }

    #[inline(always)]
    fn sum_both(&self, sf: &SentFeats, rows: &[u32], first: &mut [i32], second: &mut [i32]) {
        let (n, st) = (self.n, self.stride);
        let mut acc = [0i32; 512];
        for i in 0..sf.len() {
            let acc = &mut acc[..2 * st];
            acc.fill(0);
            for &r in &rows[sf.offs[i] as usize..sf.offs[i + 1] as usize] {
                if r != u32::MAX {
                    let w = &self.w[2 * r as usize * st..2 * (r as usize + 1) * st];
                    for (a, b) in acc.chunks_exact_mut(8).zip(w.chunks_exact(8)) {
                        for j in 0..8 {
                            a[j] += b[j] as i32;
                        }
                    }
                }
            }
            first[i * n..(i + 1) * n].copy_from_slice(&acc[..n]);
            second[i * n..(i + 1) * n].copy_from_slice(&acc[st..st + n]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::features::FeatConfig;
    use crate::tagger::hash::SplitMix64;

    /// A stage of `n` labels over random weights for `keys`.
    fn stage(rng: &mut SplitMix64, n: usize, keys: &[u64]) -> Stage {
        let w: Vec<i16> = (0..keys.len() * n).map(|_| rng.next() as i16).collect();
        let cfg = FeatConfig::from_bits(0);
        Stage::build(cfg, n, keys, &w, vec![0; (n + 1) * n], None)
    }

    #[test]
    fn both_stages_score_as_each_stage_alone() {
        let mut rng = SplitMix64(5);
        let n = 17;
        let keys: Vec<u64> = (0..300).map(|_| rng.next() | 1).collect();
        // Overlapping key sets: some keys only the first stage has, some only the second.
        let first = stage(&mut rng, n, &keys[..200]);
        let second = stage(&mut rng, n, &keys[100..]);
        let pair = StagePair::new(&first, &second);
        // Tokens with keys of the first stage only, of both, of the second only, unknown, none.
        let feats: Vec<u64> = [&keys[..30], &keys[120..150], &keys[250..280], &[2, 4, 6]].concat();
        let sf = SentFeats {
            feats,
            offs: vec![0, 30, 60, 90, 93, 93],
        };
        let (mut both1, mut both2, mut alone1, mut alone2) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        pair.emissions(&sf, &mut both1, &mut both2);
        first.emissions(&sf, &mut alone1);
        second.emissions(&sf, &mut alone2);
        assert_eq!(both1, alone1);
        assert_eq!(both2, alone2);
        assert!(both1[n..].iter().any(|&x| x != 0) && both1[3 * n..].iter().all(|&x| x == 0));
        // The second stage's extra features add its weights alone.
        let mut added = both2.clone();
        pair.add_second(&sf, &mut added);
        let twice: Vec<i32> = alone2.iter().map(|&x| 2 * x).collect();
        assert_eq!(added, twice);
    }
}
