use crate::huge_pages;
use crate::tagger::features::{doc_features, DocTokens, FeatConfig, LabelInfo, SentFeats};
use crate::tagger::gazetteer::Gazetteer;
use crate::tagger::io_util::{Reader, Writer};
use crate::tagger::pair::StagePair;
use crate::tagger::wordclasses::WordClasses;
use crate::tagger::ModelError;
use std::io;

/// Open-addressing table from (already well-mixed, non-zero) feature hashes to row numbers.
#[derive(Clone, Debug, Default)]
pub(crate) struct FeatIndex {
    slots: Vec<(u64, u32)>,
    mask: usize,
    len: usize,
}

impl FeatIndex {
    pub fn from_keys(keys: &[u64]) -> FeatIndex {
        let cap = (keys.len() * 2).next_power_of_two().max(16);
        let mut t = FeatIndex {
            slots: huge_pages::filled(cap, (0, 0)),
            mask: cap - 1,
            len: 0,
        };
        for (r, &k) in keys.iter().enumerate() {
            t.insert(k, r as u32);
        }
        t
    }
    fn insert(&mut self, k: u64, v: u32) {
        let mut i = (k as usize) & self.mask;
        loop {
            let s = &mut self.slots[i];
            if s.0 == 0 {
                *s = (k, v);
                self.len += 1;
                return;
            }
            if s.0 == k {
                s.1 = v;
                return;
            }
            i = (i + 1) & self.mask;
        }
    }
    /// Hint the CPU to load the home slot of key `k`.
    #[inline]
    pub fn prefetch(&self, k: u64) {
        let i = (k as usize) & self.mask;
        prefetch_ptr(self.slots.as_ptr().wrapping_add(i) as *const u8);
    }

    #[inline]
    pub fn get(&self, k: u64) -> Option<u32> {
        let mut i = (k as usize) & self.mask;
        loop {
            let s = self.slots[i];
            if s.0 == k {
                return Some(s.1);
            }
            if s.0 == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
    pub fn len(&self) -> usize {
        self.len
    }
    /// (key, row) pairs sorted by key.
    pub fn sorted_pairs(&self) -> Vec<(u64, u32)> {
        let mut v: Vec<(u64, u32)> = self.slots.iter().copied().filter(|s| s.0 != 0).collect();
        v.sort_unstable();
        v
    }
}

#[inline(always)]
pub(crate) fn prefetch_ptr(p: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetch is a hint and never faults, whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch(p as *const i8, std::arch::x86_64::_MM_HINT_T0);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// One decoding stage: feature config, weights (quantised i16), transitions.
#[derive(Clone, Debug)]
pub(crate) struct Stage {
    pub cfg: FeatConfig,
    pub n: usize,
    /// row stride of `w` (n rounded up to a multiple of 8)
    pub stride: usize,
    pub index: FeatIndex,
    pub w: Vec<i16>,
    /// (n+1) x n: trans[p*n + l], row n = start
    pub trans: Vec<i32>,
    pub gaz: Option<Gazetteer>,
}

/// A document being tagged: its sentences, their token information and the auxiliary
/// tagger's labels.
struct Doc<'a> {
    sentences: &'a [Vec<&'a str>],
    classes: &'a WordClasses,
    tokens: DocTokens<'a>,
    aux: Option<&'a [Vec<u16>]>,
}

/// One tagging model (NER, POS or chunk): feature config + label set + averaged weights.
#[derive(Clone, Debug)]
pub struct Tagger {
    /// Internal labels (IOB2, or BIOES when trained so).
    pub(crate) labels: Vec<String>,
    /// Output labels (IOB2 names) and internal -> output map.
    pub(crate) out_labels: Vec<String>,
    pub(crate) out_map: Vec<u16>,
    pub(crate) final_ok: Vec<bool>,
    pub(crate) info: LabelInfo,
    /// (n+1) x n allowed transitions (row n = start)
    pub(crate) allowed: Vec<bool>,
    pub(crate) stages: Vec<Stage>,
    /// Auxiliary tagger whose predictions feed the features (e.g. POS for chunking).
    pub(crate) aux: Option<Box<Tagger>>,
    /// A two-stage model's weights under one index, for decoding.
    pair: Option<StagePair>,
}

const MAGIC: &[u8; 8] = b"TGMODEL1";
const VERSION: u32 = 1;

pub(crate) fn label_info(labels: &[String]) -> (LabelInfo, Vec<bool>, Vec<bool>, bool) {
    let n = labels.len();
    let iob = labels.iter().all(|l| is_tag(l));
    let mut types: Vec<&str> = labels
        .iter()
        .map(|l| crate::tagger::conll::tag_type(l))
        .filter(|t| !t.is_empty())
        .collect();
    types.sort_unstable();
    types.dedup();
    let mut info = LabelInfo::default();
    for l in labels {
        let t = crate::tagger::conll::tag_type(l);
        let ty = if iob && !t.is_empty() {
            types.iter().position(|x| *x == t).unwrap() + 1
        } else {
            0
        };
        info.ty.push(ty.min(255) as u8);
        info.begin.push(l.starts_with("B-") || l.starts_with("S-"));
    }
    let bioes = iob
        && labels
            .iter()
            .any(|l| l.starts_with("E-") || l.starts_with("S-"));
    let mut allowed = vec![true; (n + 1) * n];
    let mut final_ok = vec![true; n];
    if iob {
        let pre = |l: &str| l.as_bytes()[0];
        for p in 0..=n {
            for (c, l) in labels.iter().enumerate() {
                let cont = pre(l) == b'I' || pre(l) == b'E';
                let ok = if p == n {
                    !cont
                } else {
                    let pl = &labels[p];
                    let p_open = bioes && (pre(pl) == b'B' || pre(pl) == b'I');
                    if cont {
                        let same =
                            crate::tagger::conll::tag_type(pl) == crate::tagger::conll::tag_type(l);
                        same && (pre(pl) == b'B' || pre(pl) == b'I')
                    } else {
                        !p_open
                    }
                };
                allowed[p * n + c] = ok;
            }
        }
        if bioes {
            for (c, l) in labels.iter().enumerate() {
                final_ok[c] = !(pre(l) == b'B' || pre(l) == b'I');
            }
        }
    }
    (info, allowed, final_ok, iob)
}

fn is_tag(t: &str) -> bool {
    t == "O"
        || (t.len() > 2
            && t.as_bytes()[1] == b'-'
            && matches!(t.as_bytes()[0], b'B' | b'I' | b'E' | b'S'))
}

/// Output (IOB2) name of an internal label (BIOES S-/E- map to B-/I-).
pub(crate) fn out_name(l: &str) -> String {
    if let Some(t) = l.strip_prefix("S-") {
        format!("B-{t}")
    } else if let Some(t) = l.strip_prefix("E-") {
        format!("I-{t}")
    } else {
        l.to_string()
    }
}

/// Sort labels: "O" first, then lexicographic.
pub(crate) fn sort_labels(mut v: Vec<String>) -> Vec<String> {
    v.sort_unstable();
    v.dedup();
    let mut out: Vec<String> = v.iter().filter(|l| *l == "O").cloned().collect();
    out.extend(v.into_iter().filter(|l| l != "O"));
    out
}

/// A sentence's scores for [`viterbi`]: emissions (`len` x `n`), transitions ((`n` + 1) x
/// `n`, the last row from the start), the allowed transitions and the labels that may end it.
pub(crate) struct Lattice<'a> {
    pub em: &'a [i32],
    pub len: usize,
    pub n: usize,
    pub trans: &'a [i32],
    pub allowed: &'a [bool],
    pub final_ok: &'a [bool],
}

/// Constrained first-order Viterbi: the best allowed label path into `out`.
pub(crate) fn viterbi(lattice: &Lattice, out: &mut Vec<u16>) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, checked on the line above.
        unsafe { viterbi_avx2(lattice, out) };
        return;
    }
    viterbi_any(lattice, out);
}

/// [`viterbi`] compiled for AVX2: the same integer arithmetic, in wider registers.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn viterbi_avx2(lattice: &Lattice, out: &mut Vec<u16>) {
    viterbi_any(lattice, out);
}

/// [`viterbi`] for any CPU.
#[inline(always)]
fn viterbi_any(lattice: &Lattice, out: &mut Vec<u16>) {
    let &Lattice {
        em,
        len,
        n,
        trans,
        allowed,
        final_ok,
    } = lattice;
    out.clear();
    if len == 0 {
        return;
    }
    if allowed.iter().all(|&a| a) && trans.iter().all(|t| t.abs() <= DENSE_LIMIT) {
        return viterbi_dense(em, len, n, trans, final_ok, out);
    }
    const NEG: i64 = i64::MIN / 4;
    // Each label's allowed predecessors with their transition weights, in ascending order so
    // ties resolve exactly as a scan over all labels would. Constrained label sets (BIOES,
    // IOB) allow only a few predecessors per label, so this skips most of the n² pairs.
    let mut preds: Vec<(u16, i64)> = Vec::with_capacity(n * n);
    let mut starts = Vec::with_capacity(n + 1);
    for l in 0..n {
        starts.push(preds.len());
        for p in 0..n {
            if allowed[p * n + l] {
                preds.push((p as u16, trans[p * n + l] as i64));
            }
        }
    }
    starts.push(preds.len());
    let mut score = vec![NEG; len * n];
    let mut back = vec![0u16; len * n];
    for l in 0..n {
        if allowed[n * n + l] {
            score[l] = trans[n * n + l] as i64 + em[l] as i64;
        }
    }
    for i in 1..len {
        let (done, rest) = score.split_at_mut(i * n);
        let prev = &done[(i - 1) * n..];
        let cur = &mut rest[..n];
        let emissions = &em[i * n..(i + 1) * n];
        let pointers = &mut back[i * n..(i + 1) * n];
        for l in 0..n {
            let mut best = NEG;
            let mut bp = 0u16;
            // An unreachable predecessor (NEG) is summed like the others, without a branch:
            // sums of i32 weights stay far from NEG, so it never wins over a reachable one.
            for &(p, t) in &preds[starts[l]..starts[l + 1]] {
                let s = prev[p as usize] + t;
                if s > best {
                    best = s;
                    bp = p;
                }
            }
            if best != NEG {
                cur[l] = best + emissions[l] as i64;
            }
            pointers[l] = bp;
        }
    }
    let mut best = 0usize;
    let mut bs = NEG;
    for l in 0..n {
        let s = score[(len - 1) * n + l];
        if final_ok[l] && s > bs {
            bs = s;
            best = l;
        }
    }
    out.resize(len, 0);
    out[len - 1] = best as u16;
    for i in (1..len).rev() {
        out[i - 1] = back[i * n + out[i] as usize];
    }
}

/// Transition weights up to this magnitude let [`viterbi_dense`] work in `i32`.
const DENSE_LIMIT: i32 = 1 << 29;

/// [`viterbi`] when every transition is allowed (POS-like label sets) and the transition
/// weights are within [`DENSE_LIMIT`]: the same result (ties go to the lowest predecessor),
/// vectorisable. Predecessors are the outer loop, so the labels' running maxima are
/// independent; scores are kept relative to the previous position's best and clamped just
/// below `-2 * DENSE_LIMIT`, where a predecessor can never win or tie against the best one.
#[inline(always)]
fn viterbi_dense(
    em: &[i32],
    len: usize,
    n: usize,
    trans: &[i32],
    final_ok: &[bool],
    out: &mut Vec<u16>,
) {
    let floor = -2 * DENSE_LIMIT as i64 - 1;
    let mut score: Vec<i64> = (0..n)
        .map(|l| trans[n * n + l] as i64 + em[l] as i64)
        .collect();
    let mut prev = vec![0i32; n];
    let mut best = vec![0i32; n];
    let mut bp = vec![0i32; n];
    let mut back = vec![0u16; len * n];
    for i in 1..len {
        let m = *score.iter().max().expect("at least one label");
        for (p, &s) in prev.iter_mut().zip(&score) {
            *p = (s - m).max(floor) as i32;
        }
        for (b, &t) in best.iter_mut().zip(&trans[..n]) {
            *b = prev[0] + t;
        }
        bp.fill(0);
        for (p, &sp) in prev.iter().enumerate().skip(1) {
            let row = &trans[p * n..(p + 1) * n];
            for ((c, b), &t) in best.iter_mut().zip(bp.iter_mut()).zip(row) {
                let s = sp + t;
                let mask = -((s > *c) as i32);
                *c = (*c).max(s);
                *b = (*b & !mask) | (p as i32 & mask);
            }
        }
        let emissions = &em[i * n..(i + 1) * n];
        for l in 0..n {
            score[l] = best[l] as i64 + m + emissions[l] as i64;
            back[i * n + l] = bp[l] as u16;
        }
    }
    let mut top = 0usize;
    let mut bs = i64::MIN;
    for l in 0..n {
        if final_ok[l] && score[l] > bs {
            bs = score[l];
            top = l;
        }
    }
    out.resize(len, 0);
    out[len - 1] = top as u16;
    for i in (1..len).rev() {
        out[i - 1] = back[i * n + out[i] as usize];
    }
}

impl Stage {
    /// Build from feature keys and their weight rows (`w` has stride n, row i for keys[i]).
    pub(crate) fn build(
        cfg: FeatConfig,
        n: usize,
        keys: &[u64],
        w: &[i16],
        trans: Vec<i32>,
        gaz: Option<Gazetteer>,
    ) -> Stage {
        let stride = n.div_ceil(8) * 8;
        let mut wp = huge_pages::filled(keys.len() * stride, 0i16);
        for r in 0..keys.len() {
            wp[r * stride..r * stride + n].copy_from_slice(&w[r * n..(r + 1) * n]);
        }
        Stage {
            cfg,
            n,
            stride,
            index: FeatIndex::from_keys(keys),
            w: wp,
            trans,
            gaz,
        }
    }

    pub(crate) fn emissions(&self, sf: &SentFeats, em: &mut Vec<i32>) {
        let n = self.n;
        let st = self.stride;
        let len = sf.len();
        em.clear();
        em.resize(len * n, 0);
        // Three phases for memory-level parallelism: prefetch key slots, resolve rows and
        // prefetch weights, then sum.
        for &f in &sf.feats {
            self.index.prefetch(f);
        }
        let mut rows: Vec<u32> = Vec::with_capacity(sf.feats.len());
        for &f in &sf.feats {
            let r = self.index.get(f).unwrap_or(u32::MAX);
            if r != u32::MAX {
                prefetch_ptr(self.w.as_ptr().wrapping_add(r as usize * st) as *const u8);
            }
            rows.push(r);
        }
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2, checked on the line above.
            unsafe { self.sum_rows_avx2(sf, &rows, em) };
            return;
        }
        self.sum_rows(sf, &rows, em);
    }

    /// [`Stage::sum_rows`] compiled for AVX2: the same integer sums, in wider registers.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn sum_rows_avx2(&self, sf: &SentFeats, rows: &[u32], em: &mut [i32]) {
        self.sum_rows(sf, rows, em);
    }

    /// Sums each token's weight rows (`u32::MAX`: a feature without one) into `em`.
    #[inline(always)]
    fn sum_rows(&self, sf: &SentFeats, rows: &[u32], em: &mut [i32]) {
        let (n, st) = (self.n, self.stride);
        let mut acc = [0i32; 256];
        for i in 0..sf.len() {
            let acc = &mut acc[..st];
            acc.fill(0);
            for &r in &rows[sf.offs[i] as usize..sf.offs[i + 1] as usize] {
                if r != u32::MAX {
                    let w = &self.w[r as usize * st..(r as usize + 1) * st];
                    for (a, b) in acc.chunks_exact_mut(8).zip(w.chunks_exact(8)) {
                        for j in 0..8 {
                            a[j] += b[j] as i32;
                        }
                    }
                }
            }
            em[i * n..(i + 1) * n].copy_from_slice(&acc[..n]);
        }
    }

    fn write(&self, wr: &mut Writer<impl io::Write>) -> io::Result<()> {
        wr.u32(self.cfg.to_bits())?;
        for &t in &self.trans {
            wr.i32(t)?;
        }
        match &self.gaz {
            Some(g) => {
                wr.u8(1)?;
                g.write_to(wr.0)?;
            }
            None => wr.u8(0)?,
        }
        let rows = self.index.sorted_pairs();
        wr.u32(rows.len() as u32)?;
        let n = self.n;
        let st = self.stride;
        for (k, r) in rows {
            wr.u64(k)?;
            let w = &self.w[r as usize * st..r as usize * st + n];
            let nnz = w.iter().filter(|&&x| x != 0).count();
            wr.u8(nnz as u8)?;
            for (l, &x) in w.iter().enumerate() {
                if x != 0 {
                    wr.u8(l as u8)?;
                    wr.bytes(&x.to_le_bytes())?;
                }
            }
        }
        Ok(())
    }

    fn read(r: &mut Reader, n: usize) -> Result<Stage, ModelError> {
        let cfg = FeatConfig::from_bits(r.u32()?);
        let mut trans = Vec::with_capacity((n + 1) * n);
        for _ in 0..(n + 1) * n {
            trans.push(r.i32()?);
        }
        let gaz = if r.u8()? == 1 {
            Some(Gazetteer::read(r)?)
        } else {
            None
        };
        let rows = r.u32()? as usize;
        let mut keys = Vec::with_capacity(rows);
        let mut w = vec![0i16; rows * n];
        for i in 0..rows {
            let k = r.u64()?;
            if k == 0 {
                return Err(ModelError::Corrupt("zero key".into()));
            }
            let nnz = r.u8()? as usize;
            let b = r.bytes(nnz * 3)?;
            for j in 0..nnz {
                let l = b[j * 3] as usize;
                if l >= n {
                    return Err(ModelError::Corrupt("label index".into()));
                }
                w[i * n + l] = i16::from_le_bytes([b[j * 3 + 1], b[j * 3 + 2]]);
            }
            keys.push(k);
        }
        Ok(Stage::build(cfg, n, &keys, &w, trans, gaz))
    }
}

impl Tagger {
    pub(crate) fn new(labels: Vec<String>, stages: Vec<Stage>) -> Tagger {
        let (info, allowed, final_ok, _) = label_info(&labels);
        let out_labels = sort_labels(labels.iter().map(|l| out_name(l)).collect());
        let out_map = labels
            .iter()
            .map(|l| out_labels.iter().position(|o| *o == out_name(l)).unwrap() as u16)
            .collect();
        Tagger {
            labels,
            out_labels,
            out_map,
            final_ok,
            info,
            allowed,
            pair: (stages.len() == 2).then(|| StagePair::new(&stages[0], &stages[1])),
            stages,
            aux: None,
        }
    }

    /// Output label names (IOB2 for tag columns); ids returned by `tag_document` index this.
    // The public labels are the output labels (IOB2), not the internal (BIOES) ones.
    #[allow(clippy::misnamed_getters)]
    pub fn labels(&self) -> &[String] {
        &self.out_labels
    }

    /// Number of stored feature rows (all stages).
    pub fn n_features(&self) -> usize {
        self.stages.iter().map(|s| s.index.len()).sum::<usize>()
            + self.aux.as_ref().map(|a| a.n_features()).unwrap_or(0)
    }

    /// Number of decoding stages (passes).
    pub fn n_stages(&self) -> usize {
        self.stages.len()
    }

    /// Keep only the first `k` stages (e.g. to measure the one-pass model).
    pub fn truncated(&self, k: usize) -> Tagger {
        let mut t = self.clone();
        t.stages.truncate(k.max(1));
        if t.stages.len() < 2 {
            t.pair = None;
        }
        t
    }

    /// Serialise the model (including any auxiliary tagger).
    pub fn write_to(&self, w: &mut impl io::Write) -> io::Result<()> {
        let mut wr = Writer::new(w);
        wr.bytes(MAGIC)?;
        wr.u32(VERSION)?;
        wr.u32(self.labels.len() as u32)?;
        for l in &self.labels {
            wr.str(l)?;
        }
        wr.u32(self.stages.len() as u32)?;
        for s in &self.stages {
            s.write(&mut wr)?;
        }
        match &self.aux {
            Some(a) => {
                wr.u8(1)?;
                a.write_to(wr.0)?;
            }
            None => wr.u8(0)?,
        }
        Ok(())
    }

    /// Deserialise a model written by [`Tagger::write_to`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let mut r = Reader::new(bytes);
        let t = Tagger::read_from(&mut r, 0)?;
        if !r.at_end() {
            return Err(ModelError::Corrupt("trailing bytes".into()));
        }
        Ok(t)
    }

    fn read_from(r: &mut Reader, depth: usize) -> Result<Tagger, ModelError> {
        if depth > 2 {
            return Err(ModelError::Corrupt("nesting".into()));
        }
        if r.bytes(8)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let v = r.u32()?;
        if v != VERSION {
            return Err(ModelError::Version(v));
        }
        let n = r.u32()? as usize;
        if n == 0 || n > 255 {
            return Err(ModelError::Corrupt("label count".into()));
        }
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            labels.push(r.str()?);
        }
        let ns = r.u32()? as usize;
        if ns == 0 || ns > 4 {
            return Err(ModelError::Corrupt("stage count".into()));
        }
        let mut stages = Vec::new();
        for _ in 0..ns {
            stages.push(Stage::read(r, n)?);
        }
        let mut t = Tagger::new(labels, stages);
        if r.u8()? == 1 {
            t.aux = Some(Box::new(Tagger::read_from(r, depth + 1)?));
        }
        Ok(t)
    }

    /// Tag one document given as sentences of token strings (raw surface forms; curly quotes are
    /// normalised internally). Returns output label ids (index `labels()`) per token.
    pub fn tag_document(&self, sentences: &[Vec<&str>], classes: &WordClasses) -> Vec<Vec<u16>> {
        let mut out = self.tag_internal(sentences, classes);
        for s in &mut out {
            for l in s.iter_mut() {
                *l = self.out_map[*l as usize];
            }
        }
        out
    }

    pub(crate) fn tag_internal(
        &self,
        sentences: &[Vec<&str>],
        classes: &WordClasses,
    ) -> Vec<Vec<u16>> {
        let st0 = &self.stages[0];
        let aux = self
            .aux
            .as_ref()
            .map(|a| a.tag_document(sentences, classes));
        let doc = Doc {
            sentences,
            classes,
            tokens: DocTokens::new(&st0.cfg, classes, sentences),
            aux: aux.as_deref(),
        };
        let mut base = Vec::new();
        doc.tokens
            .features(&st0.cfg, st0.gaz.as_ref(), None, doc.aux, false, &mut base);
        match &self.pair {
            Some(pair) => self.decode_pair(pair, &doc, &base),
            None => self.decode_stages(&doc, &base),
        }
    }

    /// Decodes every stage: the first from `base`, later ones with label-consistency features
    /// from the previous stage's labels.
    fn decode_stages(&self, doc: &Doc, base: &[SentFeats]) -> Vec<Vec<u16>> {
        let mut labels = self.decode(&self.stages[0], base, None);
        for st in &self.stages[1..] {
            let cons = self.consistency_features(st, doc, &labels);
            labels = self.decode(st, base, Some(&cons));
        }
        labels
    }

    /// The consistency features of stage `st` from the previous stage's `labels`.
    fn consistency_features(&self, st: &Stage, doc: &Doc, labels: &[Vec<u16>]) -> Vec<SentFeats> {
        let mut cons = Vec::new();
        let labels = Some((labels, &self.info));
        if doc.tokens.fits(&st.cfg) {
            let gaz = st.gaz.as_ref();
            doc.tokens
                .features(&st.cfg, gaz, labels, doc.aux, true, &mut cons);
        } else {
            let (gaz, sentences) = (st.gaz.as_ref(), doc.sentences);
            doc_features(
                &st.cfg,
                doc.classes,
                gaz,
                sentences,
                labels,
                doc.aux,
                true,
                &mut cons,
            );
        }
        cons
    }

    /// Tag and return label strings.
    pub fn tag_document_labels(
        &self,
        sentences: &[Vec<&str>],
        classes: &WordClasses,
    ) -> Vec<Vec<&str>> {
        self.tag_document(sentences, classes)
            .into_iter()
            .map(|s| {
                s.into_iter()
                    .map(|l| self.out_labels[l as usize].as_str())
                    .collect()
            })
            .collect()
    }

    pub(crate) fn decode(
        &self,
        st: &Stage,
        feats: &[SentFeats],
        extra: Option<&[SentFeats]>,
    ) -> Vec<Vec<u16>> {
        let mut em = Vec::new();
        let mut em2 = Vec::new();
        let mut out = Vec::with_capacity(feats.len());
        for (k, sf) in feats.iter().enumerate() {
            st.emissions(sf, &mut em);
            if let Some(x) = extra {
                st.emissions(&x[k], &mut em2);
                for (a, b) in em.iter_mut().zip(&em2) {
                    *a += *b;
                }
            }
            out.push(self.best_path(st, &em, sf.len()));
        }
        out
    }

    /// [`Tagger::decode_stages`] of a two-stage model through its [`StagePair`]: the same
    /// labels, each base feature looked up once for both stages.
    fn decode_pair(&self, pair: &StagePair, doc: &Doc, base: &[SentFeats]) -> Vec<Vec<u16>> {
        let (first, second) = (&self.stages[0], &self.stages[1]);
        let mut em = Vec::new();
        let mut labels = Vec::with_capacity(base.len());
        let mut later = Vec::with_capacity(base.len());
        for sf in base {
            let mut em2 = Vec::new();
            pair.emissions(sf, &mut em, &mut em2);
            labels.push(self.best_path(first, &em, sf.len()));
            later.push(em2);
        }
        let cons = self.consistency_features(second, doc, &labels);
        later
            .iter_mut()
            .zip(&cons)
            .map(|(em2, sf)| {
                pair.add_second(sf, em2);
                self.best_path(second, em2, sf.len())
            })
            .collect()
    }

    /// The best allowed label path of one sentence's emissions under `st`'s transitions.
    fn best_path(&self, st: &Stage, em: &[i32], len: usize) -> Vec<u16> {
        let mut out = Vec::new();
        let lattice = Lattice {
            em,
            len,
            n: st.n,
            trans: &st.trans,
            allowed: &self.allowed,
            final_ok: &self.final_ok,
        };
        viterbi(&lattice, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::hash::SplitMix64;

    /// Random emissions, and transitions with every third pair disallowed unless `dense`.
    fn random_lattice(rng: &mut SplitMix64, len: usize, n: usize, dense: bool) -> Scores {
        let mut small = || (rng.next() % 2001) as i32 - 1000;
        let em = (0..len * n).map(|_| small()).collect();
        let trans = (0..(n + 1) * n).map(|_| small()).collect();
        let allowed = (0..(n + 1) * n).map(|k| dense || k % 3 != 1).collect();
        Scores {
            em,
            trans,
            allowed,
            final_ok: vec![true; n],
        }
    }

    struct Scores {
        em: Vec<i32>,
        trans: Vec<i32>,
        allowed: Vec<bool>,
        final_ok: Vec<bool>,
    }

    impl Scores {
        fn lattice(&self, len: usize, n: usize) -> Lattice<'_> {
            Lattice {
                em: &self.em,
                len,
                n,
                trans: &self.trans,
                allowed: &self.allowed,
                final_ok: &self.final_ok,
            }
        }
    }

    #[test]
    fn viterbi_on_this_cpu_decodes_as_the_portable_code() {
        let mut rng = SplitMix64(7);
        for (len, n, dense) in [(1, 3, true), (9, 17, false), (30, 50, true), (12, 5, false)] {
            let l = random_lattice(&mut rng, len, n, dense);
            let (mut fast, mut portable) = (Vec::new(), Vec::new());
            viterbi(&l.lattice(len, n), &mut fast);
            viterbi_any(&l.lattice(len, n), &mut portable);
            assert_eq!(fast, portable, "len {len}, {n} labels");
            assert_eq!(fast.len(), len);
        }
    }

    /// The score of `path`, or `None` if a transition on it is not allowed.
    fn path_score(l: &Scores, n: usize, path: &[usize]) -> Option<i64> {
        let mut score = 0i64;
        let mut from = n;
        for (i, &to) in path.iter().enumerate() {
            if !l.allowed[from * n + to] {
                return None;
            }
            score += l.trans[from * n + to] as i64 + l.em[i * n + to] as i64;
            from = to;
        }
        l.final_ok[from].then_some(score)
    }

    #[test]
    fn viterbi_finds_the_best_allowed_path() {
        let mut rng = SplitMix64(3);
        for (len, n, dense) in [(1, 4, false), (3, 5, false), (4, 5, true), (5, 4, false)] {
            let l = random_lattice(&mut rng, len, n, dense);
            let mut best = None;
            for code in 0..n.pow(len as u32) {
                let path: Vec<usize> = (0..len).map(|i| code / n.pow(i as u32) % n).collect();
                best = best.max(path_score(&l, n, &path));
            }
            let mut out = Vec::new();
            viterbi(&l.lattice(len, n), &mut out);
            let path: Vec<usize> = out.iter().map(|&x| x as usize).collect();
            assert!(best.is_some());
            assert_eq!(path_score(&l, n, &path), best, "len {len}, {n} labels");
        }
    }

    #[test]
    fn emissions_on_this_cpu_sum_as_the_portable_code() {
        let mut rng = SplitMix64(11);
        let (n, rows) = (17, 200);
        let keys: Vec<u64> = (0..rows).map(|_| rng.next() | 1).collect();
        let w: Vec<i16> = (0..rows * n).map(|_| rng.next() as i16).collect();
        let cfg = FeatConfig::from_bits(0);
        let stage = Stage::build(cfg, n, &keys, &w, vec![0; (n + 1) * n], None);
        // Three tokens: known keys, unknown keys, and none at all.
        let feats: Vec<u64> = keys[..40].iter().copied().chain([2, 4, 6]).collect();
        let sf = SentFeats {
            feats,
            offs: vec![0, 40, 43, 43],
        };
        let mut fast = Vec::new();
        stage.emissions(&sf, &mut fast);
        let rows: Vec<u32> = sf
            .feats
            .iter()
            .map(|&f| stage.index.get(f).unwrap_or(u32::MAX))
            .collect();
        let mut portable = vec![0; fast.len()];
        stage.sum_rows(&sf, &rows, &mut portable);
        assert_eq!(fast, portable);
        let first: i32 = (0..40).map(|r| w[r * n] as i32).sum();
        assert_eq!(fast[0], first);
        assert!(fast[n..].iter().all(|&x| x == 0));
    }
}
