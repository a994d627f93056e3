//! Feature extraction: every feature is a u64 hash (template id + value).

use crate::tagger::gazetteer::{seq_key, Gazetteer, LOWER_KEY, MAX_LEN};
use crate::tagger::hash::{feat, hash_bytes, hash_str, pair};
use crate::tagger::wordclasses::{WordClasses, NO_ROW};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;

/// Which feature groups a model uses (saved with the model).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeatConfig {
    /// Features from vector-derived word classes (row ids and k-means clusters).
    pub word_classes: bool,
    /// Document hints: how the word's lowercase form is used elsewhere in the document.
    pub doc_hints: bool,
    /// Gazetteer features from entity strings seen in training data.
    pub gazetteer: bool,
    /// Second-pass model: features from first-pass predictions (document label consistency).
    pub consistency: bool,
    /// Features from an auxiliary tagger's predictions (e.g. POS tags for chunking/NER).
    pub aux: bool,
    /// Tag-lexicon (ambiguity class) features, cross-validated at training time.
    pub lexicon: bool,
    /// Extra context templates (word -1/+1 pair, neighbour suffixes, word x neighbour shape).
    pub extra: bool,
}

impl FeatConfig {
    /// Pack the flags into a bit set (for saving with the model).
    pub fn to_bits(&self) -> u32 {
        (self.word_classes as u32)
            | (self.doc_hints as u32) << 1
            | (self.gazetteer as u32) << 2
            | (self.consistency as u32) << 3
            | (self.aux as u32) << 4
            | (self.lexicon as u32) << 5
            | (self.extra as u32) << 6
    }
    /// Unpack flags from a bit set produced by [`FeatConfig::to_bits`].
    pub fn from_bits(b: u32) -> FeatConfig {
        FeatConfig {
            word_classes: b & 1 != 0,
            doc_hints: b & 2 != 0,
            gazetteer: b & 4 != 0,
            consistency: b & 8 != 0,
            aux: b & 16 != 0,
            lexicon: b & 32 != 0,
            extra: b & 64 != 0,
        }
    }
}

/// Features of one sentence: `feats[offs[i]..offs[i+1]]` belong to token i.
#[derive(Clone, Debug, Default)]
pub struct SentFeats {
    pub feats: Vec<u64>,
    pub offs: Vec<u32>,
}

impl SentFeats {
    pub fn len(&self) -> usize {
        self.offs.len().saturating_sub(1)
    }
    #[inline]
    pub fn token(&self, i: usize) -> &[u64] {
        &self.feats[self.offs[i] as usize..self.offs[i + 1] as usize]
    }
}

/// Label meta-information used by consistency features: type id (0 = O / none, t+1) and begin flag.
#[derive(Clone, Debug, Default)]
pub struct LabelInfo {
    pub ty: Vec<u8>,
    pub begin: Vec<bool>,
}

/// Normalise curly quotes to ASCII.
pub fn normalize(s: &str) -> Cow<'_, str> {
    if s.is_ascii()
        || !s.contains([
            '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{201B}', '\u{201F}', '\u{2032}',
        ])
    {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
                '\u{201C}' | '\u{201D}' | '\u{201F}' => '"',
                c => c,
            })
            .collect(),
    )
}

pub fn lower_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        out.push_str(s);
        out.make_ascii_lowercase();
    } else {
        for c in s.chars() {
            out.extend(c.to_lowercase());
        }
    }
}

#[derive(Clone, Copy, Debug, Default)]
struct Tok {
    h_word: u64,
    h_lower: u64,
    h_shape: u64,
    h_sshape: u64,
    h_suf3: u64,
    /// word classes of the title-cased form, for all-caps tokens
    trow: u16,
    tcl: [u16; 3],
    /// hash of the title-cased form for all-caps tokens (else the form hash)
    h_title: u64,
    row: u16,
    lrow: u16,
    cl: [u16; 3],
    cap: bool,
    has_alpha: bool,
    has_lower: bool,
    all_lower: bool,
}

fn shapes(s: &str, buf: &mut Vec<u8>, sbuf: &mut Vec<u8>) -> (u64, u64, bool, bool, bool, bool) {
    buf.clear();
    sbuf.clear();
    let mut run = 0usize;
    let mut prev = 0u8;
    let (mut cap, mut has_alpha, mut has_lower, mut has_upper) = (false, false, false, false);
    for (i, c) in s.chars().enumerate() {
        let m = if c.is_uppercase() {
            has_alpha = true;
            has_upper = true;
            if i == 0 {
                cap = true;
            }
            b'X'
        } else if c.is_lowercase() {
            has_alpha = true;
            has_lower = true;
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else if c.is_alphabetic() {
            has_alpha = true;
            b'a'
        } else {
            b'u'
        };
        if m == prev {
            run += 1;
        } else {
            run = 1;
            sbuf.push(m);
        }
        if run <= 4 {
            buf.push(m);
        }
        prev = m;
    }
    let all_lower = has_alpha && !has_upper;
    (
        hash_bytes(buf),
        hash_bytes(sbuf),
        cap,
        has_alpha,
        has_lower,
        all_lower,
    )
}

const BOS: u64 = 0x0b05_0b05_0b05_0b05;
const EOS: u64 = 0x0e05_0e05_0e05_0e05;

/// Per-document scratch information for document hints.
#[derive(Default)]
struct DocInfo {
    cap_mid: FxHashSet<u64>,
    lower: FxHashSet<u64>,
    runs: FxHashMap<u64, u8>,
}

/// Document-level info derived from first-pass labels.
#[derive(Default)]
struct DocPred {
    /// lower-form hash -> counts per type (index 0 = O)
    form_types: FxHashMap<u64, [u16; 8]>,
    /// predicted entity string key (lowercase forms) -> counts per type
    ent_types: FxHashMap<u64, [u16; 8]>,
    /// lower form -> bitmask of (type,pos) inside multi-token predicted entities
    in_multi: FxHashMap<u64, u32>,
}

fn argmax_type(c: &[u16; 8]) -> (usize, u16, u16) {
    let mut best = 0;
    let mut tot = 0u16;
    for (i, &x) in c.iter().enumerate() {
        tot += x;
        if x > c[best] {
            best = i;
        }
    }
    (best, c[best], tot)
}

/// Compute features for every sentence of a document.
#[allow(clippy::too_many_arguments)]
pub fn doc_features(
    cfg: &FeatConfig,
    classes: &WordClasses,
    gaz: Option<&Gazetteer>,
    sentences: &[Vec<&str>],
    stage1: Option<(&[Vec<u16>], &LabelInfo)>,
    aux: Option<&[Vec<u16>]>,
    only_consistency: bool,
    out: &mut Vec<SentFeats>,
) {
    let tokens = DocTokens::new(cfg, classes, sentences);
    tokens.features(cfg, gaz, stage1, aux, only_consistency, out);
}

/// What the features of a document's tokens are built from (hashes, shapes, word classes),
/// computed once however many stages take features from it.
pub(crate) struct DocTokens<'a> {
    toks: Vec<Vec<Tok>>,
    sent_allcaps: Vec<bool>,
    norm_doc: Vec<Vec<Cow<'a, str>>>,
    /// the feature groups of `cfg` the token information depends on
    word_classes: bool,
    extra: bool,
}

impl<'a> DocTokens<'a> {
    /// The token information of `sentences` for a model of feature groups `cfg`.
    pub(crate) fn new(
        cfg: &FeatConfig,
        classes: &WordClasses,
        sentences: &'a [Vec<&'a str>],
    ) -> DocTokens<'a> {
        let mut buf = Vec::with_capacity(32);
        let mut sbuf = Vec::with_capacity(32);
        let mut lower = String::new();
        let mut toks: Vec<Vec<Tok>> = Vec::with_capacity(sentences.len());
        let mut sent_allcaps: Vec<bool> = Vec::with_capacity(sentences.len());
        let mut norm_doc: Vec<Vec<Cow<str>>> = Vec::with_capacity(sentences.len());
        for s in sentences {
            let norms: Vec<Cow<str>> = s.iter().map(|w| normalize(w)).collect();
            let mut v = Vec::with_capacity(s.len());
            let (mut any_alpha, mut any_lower) = (false, false);
            for w in &norms {
                let w: &str = w;
                let (h_shape, h_sshape, cap, has_alpha, has_lower, all_lower) =
                    shapes(w, &mut buf, &mut sbuf);
                lower_into(w, &mut lower);
                let h_word = hash_str(w);
                let h_lower = hash_str(&lower);
                let h_suf3 = {
                    let mut it = lower.char_indices().rev();
                    let start = it.nth(2).map(|(i, _)| i).unwrap_or(0);
                    hash_str(&lower[start..])
                };
                let (mut row, mut lrow, mut cl) = (NO_ROW, NO_ROW, [NO_ROW; 3]);
                if cfg.word_classes {
                    row = classes.row_hash(h_word).unwrap_or(NO_ROW);
                    lrow = classes.row_hash(h_lower).unwrap_or(NO_ROW);
                    let r = if row != NO_ROW { row } else { lrow };
                    if r != NO_ROW {
                        cl = classes.clusters(r);
                    }
                }
                let (mut trow, mut tcl) = (NO_ROW, [NO_ROW; 3]);
                let mut h_title = h_word;
                if cfg.extra && has_alpha && !has_lower && w.chars().nth(1).is_some() {
                    let mut title = String::with_capacity(lower.len());
                    let mut ch = lower.chars();
                    if let Some(c0) = ch.next() {
                        title.extend(c0.to_uppercase());
                        title.push_str(ch.as_str());
                    }
                    h_title = hash_str(&title);
                    trow = if cfg.word_classes {
                        classes.row_hash(h_title).unwrap_or(NO_ROW)
                    } else {
                        NO_ROW
                    };
                    if trow != NO_ROW {
                        tcl = classes.clusters(trow);
                    }
                }
                any_alpha |= has_alpha;
                any_lower |= has_lower;
                v.push(Tok {
                    h_word,
                    h_lower,
                    h_shape,
                    h_sshape,
                    h_suf3,
                    trow,
                    tcl,
                    h_title,
                    row,
                    lrow,
                    cl,
                    cap,
                    has_alpha,
                    has_lower,
                    all_lower,
                });
            }
            sent_allcaps.push(any_alpha && !any_lower && s.len() > 1);
            toks.push(v);
            norm_doc.push(norms);
        }
        DocTokens {
            toks,
            sent_allcaps,
            norm_doc,
            word_classes: cfg.word_classes,
            extra: cfg.extra,
        }
    }

    /// Whether a model of feature groups `cfg` takes its features from this information.
    pub(crate) fn fits(&self, cfg: &FeatConfig) -> bool {
        (self.word_classes, self.extra) == (cfg.word_classes, cfg.extra)
    }

    /// The features of every sentence for a stage of feature groups `cfg` (see [`doc_features`]).
    pub(crate) fn features(
        &self,
        cfg: &FeatConfig,
        gaz: Option<&Gazetteer>,
        stage1: Option<(&[Vec<u16>], &LabelInfo)>,
        aux: Option<&[Vec<u16>]>,
        only_consistency: bool,
        out: &mut Vec<SentFeats>,
    ) {
        let base = !only_consistency;
        out.clear();
        let doc = if cfg.doc_hints && base {
            DocInfo::of(&self.toks, &self.sent_allcaps)
        } else {
            DocInfo::default()
        };
        let dp = match (cfg.consistency, stage1) {
            (true, Some((labs, info))) => DocPred::of(&self.toks, labs, info),
            _ => DocPred::default(),
        };
        let mut lower = String::new();
        let mut keys = SpanKeys::default();
        for (si, ts) in self.toks.iter().enumerate() {
            let n = ts.len();
            let mut sf = SentFeats {
                feats: Vec::with_capacity(n * 56),
                offs: Vec::with_capacity(n + 1),
            };
            sf.offs.push(0);
            let allcaps = self.sent_allcaps[si];
            let span_feats = keys.span_features(cfg, gaz.filter(|_| base), ts, allcaps, &dp);
            let amb = match (cfg.lexicon && base, gaz) {
                (true, Some(g)) => ambiguity_classes(g, ts),
                _ => Vec::new(),
            };
            let mut sp = 0usize;
            for i in 0..n {
                let w = Window { ts, i };
                let f = &mut sf.feats;
                if base {
                    let hints = (cfg.doc_hints, &doc);
                    base_features(
                        cfg,
                        w,
                        (&self.norm_doc[si][i], &mut lower),
                        allcaps,
                        hints,
                        f,
                    );
                }
                if let (true, Some((labs, _))) = (cfg.consistency, stage1) {
                    consistency_features(w, &labs[si], &dp, f);
                }
                if !amb.is_empty() {
                    ambiguity_features(w, &amb, f);
                }
                if let (true, Some(a)) = (cfg.aux && base, aux) {
                    aux_features(w, &a[si], f);
                }
                while sp < span_feats.len() && span_feats[sp].0 as usize == i {
                    f.push(span_feats[sp].1);
                    sp += 1;
                }
                sf.offs.push(f.len() as u32);
            }
            out.push(sf);
        }
    }
}

impl DocInfo {
    /// Document hints: lowercase forms, forms capitalised mid-sentence, and each form's
    /// positions in runs of capitalised words (1 first, 2 inside, 4 last); all-caps
    /// sentences are skipped.
    fn of(toks: &[Vec<Tok>], sent_allcaps: &[bool]) -> DocInfo {
        let mut doc = DocInfo::default();
        for (ts, _) in toks.iter().zip(sent_allcaps).filter(|(_, &caps)| !caps) {
            let mut i = 0;
            while i < ts.len() {
                let t = &ts[i];
                if t.all_lower {
                    doc.lower.insert(t.h_lower);
                }
                if t.cap && t.has_lower && i > 0 {
                    doc.cap_mid.insert(t.h_lower);
                }
                if !t.cap {
                    i += 1;
                    continue;
                }
                let j = (i + 1..ts.len()).find(|&j| !ts[j].cap).unwrap_or(ts.len());
                if j - i >= 2 {
                    for (k, tk) in ts.iter().enumerate().take(j).skip(i) {
                        *doc.runs.entry(tk.h_lower).or_insert(0) |= 1 << run_position(k, i, j);
                    }
                }
                i = j;
            }
        }
        doc
    }
}

impl DocPred {
    /// What the first pass's labels `labs` say of each form and entity string of the
    /// document.
    fn of(toks: &[Vec<Tok>], labs: &[Vec<u16>], info: &LabelInfo) -> DocPred {
        let mut dp = DocPred::default();
        for (ts, l) in toks.iter().zip(labs) {
            let mut i = 0;
            while i < ts.len() {
                let ty = info.ty[l[i] as usize] as usize;
                dp.form_types.entry(ts[i].h_lower).or_insert([0; 8])[ty.min(7)] += 1;
                if ty == 0 {
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                while j < ts.len()
                    && info.ty[l[j] as usize] as usize == ty
                    && !info.begin[l[j] as usize]
                {
                    dp.form_types.entry(ts[j].h_lower).or_insert([0; 8])[ty.min(7)] += 1;
                    j += 1;
                }
                let hs: Vec<u64> = ts[i..j].iter().map(|t| t.h_lower).collect();
                if hs.len() <= MAX_LEN {
                    dp.ent_types.entry(seq_key(&hs)).or_insert([0; 8])[ty.min(7)] += 1;
                }
                if j - i >= 2 {
                    for (k, tk) in ts.iter().enumerate().take(j).skip(i) {
                        *dp.in_multi.entry(tk.h_lower).or_insert(0) |=
                            1 << (ty.min(7) * 3 + run_position(k, i, j));
                    }
                }
                i = j;
            }
        }
        dp
    }
}

/// Where token `k` stands in the run of tokens `i..j` (two or more): 0 first, 1 inside, 2 last.
fn run_position(k: usize, i: usize, j: usize) -> usize {
    if k == i {
        0
    } else if k + 1 == j {
        2
    } else {
        1
    }
}

/// Token `i` of a sentence and its neighbours; a neighbour past either end reads as a
/// sentence boundary.
#[derive(Clone, Copy)]
struct Window<'t> {
    ts: &'t [Tok],
    i: usize,
}

impl<'t> Window<'t> {
    fn token(&self) -> &'t Tok {
        &self.ts[self.i]
    }

    /// The token `d` places away, if inside the sentence.
    fn at(&self, d: isize) -> Option<&'t Tok> {
        let j = self.i as isize + d;
        (0..self.ts.len() as isize)
            .contains(&j)
            .then(|| &self.ts[j as usize])
    }

    /// `value` of the token `d` places away, or a boundary marker.
    fn get(&self, d: isize, value: impl Fn(&Tok) -> u64) -> u64 {
        self.at(d)
            .map(value)
            .unwrap_or(if d < 0 { BOS } else { EOS })
    }

    fn lower(&self, d: isize) -> u64 {
        self.get(d, |t| t.h_lower)
    }

    fn shape(&self, d: isize) -> u64 {
        self.get(d, |t| t.h_shape)
    }

    fn short_shape(&self, d: isize) -> u64 {
        self.get(d, |t| t.h_sshape)
    }

    /// Word class `g` of the token `d` places away (70000 before the sentence, 70001 after).
    fn class(&self, d: isize, g: usize) -> u64 {
        self.at(d)
            .map(|x| x.cl[g] as u64)
            .unwrap_or(if d < 0 { 70000 } else { 70001 })
    }

    /// `values[j]` of the token `d` places away, or `before` / `after` past the ends.
    fn of<T: Copy + Into<u64>>(&self, values: &[T], d: isize, (before, after): (u64, u64)) -> u64 {
        let j = self.i as isize + d;
        if j < 0 {
            before
        } else if j >= self.ts.len() as isize {
            after
        } else {
            values[j as usize].into()
        }
    }
}

/// The word, affix, window, shape, word-class and document-hint features of a token;
/// `normalized` is its normalised form with a buffer for its lowercase.
#[inline]
fn base_features(
    cfg: &FeatConfig,
    w: Window,
    (normalized, lower): (&str, &mut String),
    allcaps: bool,
    (doc_hints, doc): (bool, &DocInfo),
    f: &mut Vec<u64>,
) {
    let t = w.token();
    f.push(feat(0, 0));
    f.push(feat(1, t.h_word));
    f.push(feat(2, t.h_lower));
    f.push(feat(3, t.h_shape));
    f.push(feat(4, t.h_sshape));
    // prefixes and suffixes of 1–4 characters of the lowercase form
    lower_into(normalized, lower);
    let mut ends = lower
        .char_indices()
        .skip(1)
        .map(|(b, _)| b)
        .chain(std::iter::once(lower.len()));
    let mut starts = lower.char_indices().rev().map(|(b, _)| b);
    for k in 1..=4u32 {
        match (ends.next(), starts.next()) {
            (Some(end), Some(start)) => {
                f.push(feat(4 + k, hash_str(&lower[..end])));
                f.push(feat(8 + k, hash_str(&lower[start..])));
            }
            _ => break,
        }
    }
    f.push(feat(13, w.lower(-1)));
    f.push(feat(14, w.lower(1)));
    f.push(feat(15, w.lower(-2)));
    f.push(feat(16, w.lower(2)));
    f.push(feat(17, w.shape(-1)));
    f.push(feat(18, w.shape(1)));
    f.push(feat(19, w.short_shape(-2)));
    f.push(feat(20, w.short_shape(2)));
    f.push(feat(21, pair(w.lower(-1), t.h_lower)));
    f.push(feat(22, pair(t.h_lower, w.lower(1))));
    f.push(feat(
        23,
        pair(pair(w.short_shape(-1), t.h_sshape), w.short_shape(1)),
    ));
    if cfg.extra {
        f.push(feat(38, pair(w.lower(-1), w.lower(1))));
        f.push(feat(39, w.get(-1, |x| x.h_suf3)));
        f.push(feat(44, w.get(1, |x| x.h_suf3)));
        f.push(feat(45, pair(t.h_lower, w.shape(1))));
        f.push(feat(46, pair(w.shape(-1), t.h_lower)));
    }
    let ctx = (w.i == 0) as u64 | (allcaps as u64) << 1;
    f.push(feat(24, pair(ctx, t.h_sshape)));
    if allcaps {
        f.push(feat(25, t.h_lower));
    }
    if cfg.word_classes {
        f.push(feat(26, t.row as u64));
        f.push(feat(27, t.lrow as u64));
        f.push(feat(28, t.cl[0] as u64));
        f.push(feat(29, t.cl[1] as u64));
        f.push(feat(30, t.cl[2] as u64));
        f.push(feat(31, w.class(-1, 1)));
        f.push(feat(32, w.class(1, 1)));
        f.push(feat(33, w.class(-1, 2)));
        f.push(feat(34, w.class(1, 2)));
        f.push(feat(35, pair(w.class(-1, 0), t.cl[0] as u64)));
        f.push(feat(36, pair(t.cl[0] as u64, w.class(1, 0))));
        f.push(feat(37, pair(t.cl[2] as u64, ctx | (t.cap as u64) << 2)));
        if t.trow != NO_ROW {
            f.push(feat(47, t.trow as u64));
            f.push(feat(48, t.tcl[1] as u64));
            f.push(feat(49, t.tcl[2] as u64));
        }
    }
    if doc_hints && t.has_alpha {
        let capv = (t.cap as u64) | ctx << 1;
        if doc.cap_mid.contains(&t.h_lower) {
            f.push(feat(40, capv));
        }
        if doc.lower.contains(&t.h_lower) {
            f.push(feat(41, capv));
        }
        if let Some(&p) = doc.runs.get(&t.h_lower) {
            f.push(feat(42, p as u64 | capv << 3));
        }
        if allcaps {
            f.push(feat(43, t.has_alpha as u64));
        }
    }
}

/// The first pass's labels around a token (`labels`, its sentence's), and what the first
/// pass said of its form elsewhere in the document.
#[inline]
fn consistency_features(w: Window, labels: &[u16], dp: &DocPred, f: &mut Vec<u64>) {
    let (t, i) = (w.token(), w.i);
    f.push(feat(60, labels[i] as u64));
    f.push(feat(61, w.of(labels, -1, (999, 999))));
    f.push(feat(62, w.of(labels, 1, (999, 999))));
    if let Some(c) = dp.form_types.get(&t.h_lower) {
        let (best, bc, tot) = argmax_type(c);
        let best_entity = (1..8).fold(1, |b, k| if c[k] > c[b] { k } else { b });
        f.push(feat(
            63,
            best as u64 * 4 + ((bc as u32 * 2 > tot as u32) as u64) * 2 + (tot > 1) as u64,
        ));
        if c[best_entity] > 0 {
            f.push(feat(64, best_entity as u64 * 2 + (t.cap as u64)));
        }
    }
    if let Some(&m) = dp.in_multi.get(&t.h_lower) {
        f.extend(
            (0..24u64)
                .filter(|b| m & (1 << b) != 0)
                .map(|b| feat(67, b)),
        );
    }
}

/// The lexicon's ambiguity class of each token of a sentence (its form's, else its
/// lowercase form's, else an unknown marker).
fn ambiguity_classes(g: &Gazetteer, ts: &[Tok]) -> Vec<u64> {
    ts.iter()
        .map(|t| {
            g.lex.get(&t.h_word).copied().unwrap_or_else(|| {
                g.lex
                    .get(&pair(t.h_lower, LOWER_KEY))
                    .map(|&v| v ^ 0x5555)
                    .unwrap_or(0x0bad)
            })
        })
        .collect()
}

/// The ambiguity classes around a token (`amb`, its sentence's).
#[inline]
fn ambiguity_features(w: Window, amb: &[u64], f: &mut Vec<u64>) {
    let am = |d: isize| w.of(amb, d, (7, 8));
    f.push(feat(100, am(0)));
    f.push(feat(101, am(-1)));
    f.push(feat(102, am(1)));
    f.push(feat(103, am(2)));
    f.push(feat(104, am(-2)));
    f.push(feat(105, pair(am(-1), am(0))));
    f.push(feat(106, pair(am(0), am(1))));
    f.push(feat(107, pair(am(0), w.token().h_sshape)));
}

/// The auxiliary tagger's labels around a token (`aux`, its sentence's).
#[inline]
fn aux_features(w: Window, aux: &[u16], f: &mut Vec<u64>) {
    let t = w.token();
    let at = |d: isize| w.of(aux, d, (1000, 1001));
    let p0 = at(0);
    f.push(feat(80, p0));
    f.push(feat(81, at(-1)));
    f.push(feat(82, at(1)));
    f.push(feat(83, pair(at(-1), p0)));
    f.push(feat(84, pair(p0, at(1))));
    f.push(feat(85, pair(pair(at(-1), p0), at(1))));
    f.push(feat(86, pair(at(-2), at(-1))));
    f.push(feat(87, pair(at(1), at(2))));
    f.push(feat(88, pair(p0, t.h_lower)));
    f.push(feat(89, pair(pair(at(-2), at(-1)), p0)));
    f.push(feat(90, pair(p0, pair(at(1), at(2)))));
    f.push(feat(91, pair(p0, w.lower(-1))));
    f.push(feat(92, pair(p0, w.lower(1))));
    f.push(feat(93, pair(at(-1), t.h_lower)));
    f.push(feat(94, pair(at(1), t.h_lower)));
}

/// Buffers of a sentence's hashes for matching spans against the gazetteer and the first
/// pass's entity strings.
#[derive(Default)]
struct SpanKeys {
    words: Vec<u64>,
    titles: Vec<u64>,
    lowers: Vec<u64>,
}

impl SpanKeys {
    /// The features of every span of up to [`MAX_LEN`] tokens that `gaz` (none: no
    /// gazetteer features) or the first pass's entity strings know, as (token, feature),
    /// sorted by token.
    fn span_features(
        &mut self,
        cfg: &FeatConfig,
        gaz: Option<&Gazetteer>,
        ts: &[Tok],
        allcaps: bool,
        dp: &DocPred,
    ) -> Vec<(u32, u64)> {
        let mut span_feats: Vec<(u32, u64)> = Vec::new();
        let gaz = gaz.filter(|_| cfg.gazetteer);
        if gaz.is_none() && !cfg.consistency {
            return span_feats;
        }
        let n = ts.len();
        self.words.clear();
        self.words.extend(ts.iter().map(|t| t.h_word));
        // in all-caps sentences, also look up title-cased forms ("JAPAN" -> "Japan")
        let title_too = allcaps && cfg.extra;
        self.titles.clear();
        if title_too {
            self.titles.extend(ts.iter().map(|t| t.h_title));
        }
        self.lowers.clear();
        self.lowers.extend(ts.iter().map(|t| t.h_lower));
        let mut on_tokens =
            |span: std::ops::Range<usize>, f1: u64, f2: u64, len: u64, (a, b): (u32, u32)| {
                for k in span.clone() {
                    let pos = if k == span.start { 0 } else { 1 };
                    span_feats.push((k as u32, feat(a, f1 * 64 + pos * 8 + len)));
                    span_feats.push((k as u32, feat(b, f2)));
                }
            };
        for i in 0..n {
            for l in 1..=MAX_LEN.min(n - i) {
                if let Some(g) = gaz {
                    let mut mask = g
                        .map
                        .get(&seq_key(&self.words[i..i + l]))
                        .copied()
                        .unwrap_or(0);
                    if title_too {
                        mask |= g
                            .map
                            .get(&seq_key(&self.titles[i..i + l]))
                            .copied()
                            .unwrap_or(0);
                    }
                    // the types whose bit is set, in increasing order
                    while mask != 0 {
                        let t = mask.trailing_zeros() as u64;
                        mask &= mask - 1;
                        on_tokens(i..i + l, t, t, l as u64, (50, 51));
                    }
                }
                if cfg.consistency {
                    if let Some(c) = dp.ent_types.get(&seq_key(&self.lowers[i..i + l])) {
                        let (best, _, tot) = argmax_type(c);
                        let best = best as u64;
                        on_tokens(
                            i..i + l,
                            best,
                            best * 2 + (tot > 1) as u64,
                            l as u64,
                            (65, 66),
                        );
                    }
                }
            }
        }
        span_feats.sort_by_key(|x| x.0);
        span_feats
    }
}
