//! Train-derived gazetteer: exact token sequences (1..=4 tokens) -> bitmask of entity types.

use crate::tagger::hash::pair;
use crate::tagger::io_util::{Reader, Writer};
use crate::tagger::ModelError;
use rustc_hash::FxHashMap;
use std::io;

pub const MAX_LEN: usize = 4;

/// A sentence's lowercase token hashes with, per token, its entity type and whether it begins a span.
pub type SentenceTypes = (Vec<u64>, Vec<(u8, bool)>);

#[derive(Clone, Debug, Default, PartialEq)]

pub struct Gazetteer {
    pub map: FxHashMap<u64, u32>,
    /// Tag lexicon: form hash (exact, or `pair(lower, LOWER_KEY)`) -> hash of the set of labels seen.
    pub lex: FxHashMap<u64, u64>,
}

pub const LOWER_KEY: u64 = 0x10e4_10e4;

/// Build a tag lexicon from (form hashes, lower hashes, label ids).
pub fn build_lexicon(sents: &[(Vec<u64>, Vec<u64>, Vec<u16>)]) -> FxHashMap<u64, u64> {
    let mut sets: FxHashMap<u64, [u64; 4]> = FxHashMap::default();
    for (hs, ls, labs) in sents {
        for i in 0..hs.len() {
            let l = labs[i] as usize;
            sets.entry(hs[i]).or_insert([0; 4])[l / 64] |= 1 << (l % 64);
            sets.entry(pair(ls[i], LOWER_KEY)).or_insert([0; 4])[l / 64] |= 1 << (l % 64);
        }
    }
    sets.into_iter()
        .map(|(k, v)| (k, pair(pair(v[0], v[1]), pair(v[2], v[3]))))
        .collect()
}

/// Hash key of a token sequence given per-token form hashes.
#[inline]
pub fn seq_key(hs: &[u64]) -> u64 {
    let mut k = 0x1234_5678_9abc_def1u64;
    for &h in hs {
        k = pair(k, h);
    }
    k
}

impl Gazetteer {
    /// Build from (sentence token form hashes, IOB2 label type ids per token (0 = O, t+1 = type t,
    /// plus begin flags)). `min_frac`: type fires when it covers >= min_frac of the string's
    /// occurrences (as a token n-gram anywhere in the data).
    pub fn build(sents: &[SentenceTypes], min_frac: f64) -> Gazetteer {
        // entity strings -> per-type counts
        let mut ent: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        for (hs, tags) in sents {
            let mut i = 0;
            while i < hs.len() {
                let (t, _) = tags[i];
                if t == 0 {
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                while j < hs.len() && tags[j].0 == t && !tags[j].1 {
                    j += 1;
                }
                if j - i <= MAX_LEN {
                    let k = seq_key(&hs[i..j]);
                    let v = ent.entry(k).or_insert_with(|| vec![0; 32]);
                    v[(t - 1) as usize] += 1;
                }
                i = j;
            }
        }
        let mut total: FxHashMap<u64, u32> = FxHashMap::default();
        for (hs, _) in sents {
            for i in 0..hs.len() {
                for l in 1..=MAX_LEN.min(hs.len() - i) {
                    let k = seq_key(&hs[i..i + l]);
                    if ent.contains_key(&k) {
                        *total.entry(k).or_insert(0) += 1;
                    }
                }
            }
        }
        let mut map = FxHashMap::default();
        for (k, counts) in &ent {
            let tot = (*total.get(k).unwrap_or(&1)).max(1) as f64;
            let mut mask = 0u32;
            for (t, &c) in counts.iter().enumerate() {
                if c > 0 && c as f64 >= min_frac * tot {
                    mask |= 1 << t;
                }
            }
            if mask != 0 {
                map.insert(*k, mask);
            }
        }
        Gazetteer {
            map,
            lex: FxHashMap::default(),
        }
    }

    pub fn write_to(&self, w: &mut impl io::Write) -> io::Result<()> {
        let mut wr = Writer::new(w);
        let mut pairs: Vec<(u64, u32)> = self.map.iter().map(|(&k, &v)| (k, v)).collect();
        pairs.sort_unstable();
        wr.u32(pairs.len() as u32)?;
        for (k, v) in pairs {
            wr.u64(k)?;
            wr.u32(v)?;
        }
        let mut lp: Vec<(u64, u64)> = self.lex.iter().map(|(&k, &v)| (k, v)).collect();
        lp.sort_unstable();
        wr.u32(lp.len() as u32)?;
        for (k, v) in lp {
            wr.u64(k)?;
            wr.u64(v)?;
        }
        Ok(())
    }

    pub fn read(r: &mut Reader) -> Result<Gazetteer, ModelError> {
        let n = r.u32()? as usize;
        let mut map = FxHashMap::with_capacity_and_hasher(n, Default::default());
        for _ in 0..n {
            let k = r.u64()?;
            let v = r.u32()?;
            map.insert(k, v);
        }
        let n = r.u32()? as usize;
        let mut lex = FxHashMap::with_capacity_and_hasher(n, Default::default());
        for _ in 0..n {
            let k = r.u64()?;
            let v = r.u64()?;
            lex.insert(k, v);
        }
        Ok(Gazetteer { map, lex })
    }
}
