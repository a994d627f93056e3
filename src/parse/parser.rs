//! A transition-based arc-hybrid dependency parser: averaged perceptron, either greedy
//! decoding trained with a dynamic oracle (Goldberg & Nivre 2013) and exploration after the
//! first epoch, or beam search trained globally (`beam.rs`), and a second perceptron that
//! labels each arc when it is made (the dependent's subtree is complete then).
//!
//! The root is the bottom of the stack; `RIGHT` onto it is allowed only once the buffer is
//! empty, so every parse has exactly one root. Features follow Zhang & Nivre (2011): words,
//! tags, word classes and suffixes of s0–s2 and b0–b2, the leftmost and rightmost children of
//! s0, s1 and b0 with their labels, distance, valency, label sets, and pair/triple conjunctions.

use crate::tagger::WordClasses;

use super::beam::{train_sentence, Beam, Gold};
use super::weights::{Frozen, Trainable, Weights};

const SHIFT: usize = 0;
const LEFT: usize = 1;
const RIGHT: usize = 2;

#[inline]
fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^= k >> 33;
    k
}

/// A stable hash of a string (independent of Rust versions).
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
    }
    fmix64(h)
}

#[inline]
fn mix(a: u64, b: u64) -> u64 {
    fmix64(a.rotate_left(23) ^ b.wrapping_mul(0x517c_c1b7_2722_0a95))
}

/// The hashed attributes of each position: 0 is the root, 1..=n the words, n+1 "none".
pub(super) struct Tokens {
    w: Vec<u64>,
    p: Vec<u64>,
    u: Vec<u64>,
    c: Vec<u64>,
    s: Vec<u64>,
    wp: Vec<u64>,
}

impl Tokens {
    pub(super) fn new(
        words: &[&str],
        xpos: &[&str],
        upos: &[&str],
        classes: &WordClasses,
    ) -> Tokens {
        let n = words.len();
        let mut t = Tokens {
            w: Vec::with_capacity(n + 2),
            p: Vec::with_capacity(n + 2),
            u: Vec::with_capacity(n + 2),
            c: Vec::with_capacity(n + 2),
            s: Vec::with_capacity(n + 2),
            wp: Vec::with_capacity(n + 2),
        };
        let mut push = |w: u64, p: u64, u: u64, c: u64, s: u64| {
            t.w.push(w);
            t.p.push(p);
            t.u.push(u);
            t.c.push(c);
            t.s.push(s);
            t.wp.push(mix(w, p));
        };
        let root = hash_str("<ROOT>");
        push(root, root, root, root, root);
        for i in 0..n {
            let lower = words[i].to_lowercase();
            let row = classes.row(words[i]).or_else(|| classes.row(&lower));
            let c = row.map_or(1, |r| classes.clusters(r)[2] as u64 + 2);
            let chars: Vec<char> = lower.chars().collect();
            let suf: String = chars[chars.len().saturating_sub(3)..].iter().collect();
            push(
                hash_str(&lower),
                hash_str(xpos[i]),
                hash_str(upos[i]),
                c,
                hash_str(&suf) ^ 0x5555,
            );
        }
        let none = hash_str("<NONE>");
        push(none, none, none, none, none);
        t
    }
}

/// A parser configuration.
#[derive(Clone)]
pub(super) struct State {
    n: usize,
    stack: Vec<usize>,
    b: usize,
    pub(super) heads: Vec<usize>,
    labels: Vec<u16>,
    lc1: Vec<usize>,
    lc2: Vec<usize>,
    rc1: Vec<usize>,
    rc2: Vec<usize>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
    in_stack: Vec<bool>,
}

impl State {
    pub(super) fn new(n: usize) -> State {
        let none = n + 1;
        let mut in_stack = vec![false; n + 2];
        in_stack[0] = true;
        State {
            n,
            stack: vec![0],
            b: 1,
            heads: vec![usize::MAX; n + 2],
            labels: vec![0; n + 2],
            lc1: vec![none; n + 2],
            lc2: vec![none; n + 2],
            rc1: vec![none; n + 2],
            rc2: vec![none; n + 2],
            nl: vec![0; n + 2],
            nr: vec![0; n + 2],
            lset: vec![0; n + 2],
            rset: vec![0; n + 2],
            in_stack,
        }
    }

    /// Becomes the initial configuration of a sentence of `n` words (reusing the buffers).
    pub(super) fn reset(&mut self, n: usize) {
        let none = n + 1;
        self.n = n;
        self.stack.clear();
        self.stack.push(0);
        self.b = 1;
        let fill = |v: &mut Vec<usize>, x: usize| {
            v.clear();
            v.resize(n + 2, x);
        };
        fill(&mut self.heads, usize::MAX);
        fill(&mut self.lc1, none);
        fill(&mut self.lc2, none);
        fill(&mut self.rc1, none);
        fill(&mut self.rc2, none);
        for v in [&mut self.lset, &mut self.rset] {
            v.clear();
            v.resize(n + 2, 0);
        }
        for v in [&mut self.nl, &mut self.nr] {
            v.clear();
            v.resize(n + 2, 0);
        }
        self.labels.clear();
        self.labels.resize(n + 2, 0);
        self.in_stack.clear();
        self.in_stack.resize(n + 2, false);
        self.in_stack[0] = true;
    }

    /// Becomes `from` (reusing this state's buffers).
    pub(super) fn copy_from(&mut self, from: &State) {
        self.n = from.n;
        self.stack.clone_from(&from.stack);
        self.b = from.b;
        self.heads.clone_from(&from.heads);
        self.labels.clone_from(&from.labels);
        self.lc1.clone_from(&from.lc1);
        self.lc2.clone_from(&from.lc2);
        self.rc1.clone_from(&from.rc1);
        self.rc2.clone_from(&from.rc2);
        self.nl.clone_from(&from.nl);
        self.nr.clone_from(&from.nr);
        self.lset.clone_from(&from.lset);
        self.rset.clone_from(&from.rset);
        self.in_stack.clone_from(&from.in_stack);
    }

    /// Everything [`label_features`] reads of the configuration for the arc `h → d` made
    /// by transition `t` (the sentence's tokens aside): equal keys, equal features.
    pub(super) fn label_key(&self, h: usize, d: usize, t: usize) -> [u64; 8] {
        let (dl1, dr1) = (self.lc1[d], self.rc1[d]);
        let lab = |i: usize| self.labels[i] as u64;
        [
            (h as u64) << 32 | d as u64,
            (dl1 as u64) << 32 | dr1 as u64,
            lab(dl1) | lab(dr1) << 16 | lab(self.lc1[h]) << 32 | (t as u64) << 48,
            self.nl[h] as u64 | (self.nr[h] as u64) << 8,
            self.lset[d],
            self.rset[d],
            self.lset[h],
            self.rset[h],
        ]
    }

    /// Everything [`transition_features`] reads of the configuration (the sentence's tokens
    /// aside): equal keys, equal features.
    pub(super) fn transition_key(&self) -> [u64; 12] {
        let (s0, s1, s2, b0) = (self.s(0), self.s(1), self.s(2), self.bf(0));
        let pair = |a: usize, b: usize| (a as u64) << 32 | b as u64;
        let lab = |i: usize| self.labels[i] as u64 & 0xff;
        let labs = lab(self.lc1[s0])
            | lab(self.rc1[s0]) << 8
            | lab(self.lc1[b0]) << 16
            | lab(self.lc2[s0]) << 24
            | lab(self.rc2[s0]) << 32
            | lab(self.lc2[b0]) << 40
            | lab(self.rc1[s1]) << 48;
        let counts = self.nr[s0] as u64
            | (self.nl[s0] as u64) << 8
            | (self.nl[b0] as u64) << 16
            | (self.nr[s1] as u64) << 24;
        [
            pair(s0, s1),
            pair(s2, b0),
            pair(self.lc1[s0], self.lc2[s0]),
            pair(self.rc1[s0], self.rc2[s0]),
            pair(self.lc1[b0], self.lc2[b0]),
            pair(self.rc1[s1], self.lc1[s1]),
            labs,
            counts,
            self.rset[s0],
            self.lset[s0],
            self.lset[b0],
            self.rset[s1],
        ]
    }

    fn none(&self) -> usize {
        self.n + 1
    }

    /// s0, s1, s2 and b0 (`n + 1` where there is none).
    pub(super) fn positions(&self) -> [usize; 4] {
        [self.s(0), self.s(1), self.s(2), self.bf(0)]
    }

    /// Everything the arc groups of [`group`] read of word `i`: its two leftmost
    /// (`left`) or rightmost children, their labels, its count and set of labels of
    /// children on that side.
    pub(super) fn arcs_key(&self, i: usize, left: bool) -> [u64; 4] {
        let (c1, c2, count, set) = if left {
            (self.lc1[i], self.lc2[i], self.nl[i], self.lset[i])
        } else {
            (self.rc1[i], self.rc2[i], self.nr[i], self.rset[i])
        };
        let lab = |j: usize| self.labels[j] as u64;
        [
            (i as u64) << 32 | c1 as u64,
            (c2 as u64) << 32 | lab(c1) << 16 | lab(c2),
            count as u64,
            set,
        ]
    }

    /// Everything [`label_group::DEPENDENT`] reads of the configuration for dependent `d`.
    pub(super) fn dependent_key(&self, d: usize) -> [u64; 4] {
        let (l1, r1) = (self.lc1[d], self.rc1[d]);
        let lab = |j: usize| self.labels[j] as u64;
        [
            (d as u64) << 32 | l1 as u64,
            (r1 as u64) << 32 | lab(l1) << 16 | lab(r1),
            self.lset[d],
            self.rset[d],
        ]
    }

    /// Everything [`label_group::HEAD`] reads of the configuration for the arc `h → d` made
    /// by transition `t`.
    pub(super) fn head_key(&self, h: usize, d: usize, t: usize) -> [u64; 4] {
        let counts = (self.nl[h] as u64) << 24 | (self.nr[h] as u64) << 16;
        [
            (h as u64) << 32 | d as u64,
            (t as u64) << 40 | counts | self.labels[self.lc1[h]] as u64,
            self.lset[h],
            self.rset[h],
        ]
    }

    /// Everything [`group::SECOND_ARCS`] reads of s1.
    pub(super) fn second_arcs_key(&self) -> [u64; 4] {
        let s1 = self.s(1);
        let (r1, l1) = (self.rc1[s1], self.lc1[s1]);
        [
            (s1 as u64) << 32 | r1 as u64,
            (l1 as u64) << 32 | self.labels[r1] as u64,
            self.nr[s1] as u64,
            self.rset[s1],
        ]
    }

    pub(super) fn terminal(&self) -> bool {
        self.b > self.n && self.stack.len() == 1
    }

    pub(super) fn valid(&self, t: usize) -> bool {
        match t {
            SHIFT => self.b <= self.n,
            LEFT => self.stack.len() >= 2 && self.b <= self.n,
            _ => self.stack.len() >= 3 || (self.stack.len() == 2 && self.b > self.n),
        }
    }

    fn s(&self, i: usize) -> usize {
        let l = self.stack.len();
        if i < l {
            self.stack[l - 1 - i]
        } else {
            self.none()
        }
    }

    fn bf(&self, i: usize) -> usize {
        if self.b + i <= self.n {
            self.b + i
        } else {
            self.none()
        }
    }

    /// The (head, dependent) of the arc `t` would add.
    pub(super) fn arc(&self, t: usize) -> Option<(usize, usize)> {
        match t {
            LEFT => Some((self.b, self.s(0))),
            RIGHT => Some((self.s(1), self.s(0))),
            _ => None,
        }
    }

    pub(super) fn apply(&mut self, t: usize, label: u16) {
        match t {
            SHIFT => {
                self.stack.push(self.b);
                self.in_stack[self.b] = true;
                self.b += 1;
            }
            _ => {
                let (h, d) = self.arc(t).expect("arc transition");
                self.stack.pop();
                self.in_stack[d] = false;
                self.heads[d] = h;
                self.labels[d] = label;
                let bit = 1u64 << (label % 64);
                if d < h {
                    self.lc2[h] = self.lc1[h];
                    self.lc1[h] = d;
                    self.nl[h] = self.nl[h].saturating_add(1);
                    self.lset[h] |= bit;
                } else {
                    self.rc2[h] = self.rc1[h];
                    self.rc1[h] = d;
                    self.nr[h] = self.nr[h].saturating_add(1);
                    self.rset[h] |= bit;
                }
            }
        }
    }

    /// Dynamic-oracle costs (gold arcs made unreachable) of the three transitions.
    pub(super) fn costs(&self, gold: &[usize], children: &[Vec<usize>]) -> [u32; 3] {
        let mut c = [u32::MAX; 3];
        let b = self.b;
        if self.valid(SHIFT) {
            let mut k = 0;
            let h = gold[b];
            if self.in_stack[h] && h != self.s(0) {
                k += 1;
            }
            k += children[b].iter().filter(|&&d| self.in_stack[d]).count() as u32;
            c[SHIFT] = k;
        }
        let s0 = self.s(0);
        let lost_children = || {
            if s0 > self.n {
                0
            } else {
                children[s0].iter().filter(|&&d| d >= b).count() as u32
            }
        };
        if self.valid(LEFT) {
            let h = gold[s0];
            let mut k = lost_children();
            if h == self.s(1) || h > b {
                k += 1;
            }
            c[LEFT] = k;
        }
        if self.valid(RIGHT) {
            let h = gold[s0];
            let mut k = lost_children();
            if h >= b && h <= self.n {
                k += 1;
            }
            c[RIGHT] = k;
        }
        c
    }
}

fn dist_bucket(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// The transition features' groups: which part of the configuration a feature reads.
/// Decoding sums each group's weights once per sentence and part ([`super::memo`]): beam
/// items and steps share most parts. Position groups read only the words at their positions;
/// arc groups read a word's children (in arc-hybrid parsing, a word's left children are
/// final once it is on the stack); `OTHER` features read several parts.
pub(super) mod group {
    /// b0, b1 and b2 (the buffer is contiguous: b0 fixes the others).
    pub const FRONT: u16 = 1;
    /// s0.
    pub const TOP: u16 = 1 << 1;
    /// s1.
    pub const SECOND: u16 = 1 << 2;
    /// s2.
    pub const THIRD: u16 = 1 << 3;
    /// s0 and b0 (and b1).
    pub const TOP_FRONT: u16 = 1 << 4;
    /// s1 and s0.
    pub const TOP_SECOND: u16 = 1 << 5;
    /// s0 with its left children: the two leftmost, their labels, count and label set.
    pub const TOP_LEFT: u16 = 1 << 6;
    /// s0 with its right children, as `TOP_LEFT`.
    pub const TOP_RIGHT: u16 = 1 << 7;
    /// b0 with its left children, as `TOP_LEFT`.
    pub const FRONT_LEFT: u16 = 1 << 8;
    /// s1 with its rightmost and leftmost children, right count and label set.
    pub const SECOND_ARCS: u16 = 1 << 9;
    /// Features reading several of these parts.
    pub const OTHER: u16 = 1 << 10;
    /// Every feature.
    pub const ALL: u16 = (1 << 11) - 1;
}

/// Transition features of a configuration.
pub(super) fn transition_features(st: &State, t: &Tokens, out: &mut Vec<u64>) {
    out.clear();
    group_features::<{ group::ALL }>(st, t, out);
}

/// Appends the transition features of the groups in `G` (a set of [`group`] bits) to `out`,
/// each with the key it has among all features.
pub(super) fn group_features<const G: u16>(st: &State, t: &Tokens, out: &mut Vec<u64>) {
    use group::*;
    let s0 = st.s(0);
    let s1 = st.s(1);
    let s2 = st.s(2);
    let b0 = st.bf(0);
    let b1 = st.bf(1);
    let b2 = st.bf(2);
    let s0l1 = st.lc1[s0];
    let s0l2 = st.lc2[s0];
    let s0r1 = st.rc1[s0];
    let s0r2 = st.rc2[s0];
    let b0l1 = st.lc1[b0];
    let b0l2 = st.lc2[b0];
    let s1r1 = st.rc1[s1];
    let s1l1 = st.lc1[s1];
    let lab = |i: usize| st.labels[i] as u64 + 1;
    let (w, p, u, c, wp) = (&t.w, &t.p, &t.u, &t.c, &t.wp);
    let d = if s0 <= st.n && b0 <= st.n {
        dist_bucket(b0 - s0)
    } else {
        15
    };
    let d2 = if s1 <= st.n && s0 <= st.n {
        dist_bucket(s0 - s1)
    } else {
        15
    };
    // Written to an array (the feature numbers and positions are constants once inlined),
    // then copied out. A feature's number (from 1) is its line's, whatever `G` selects.
    let mut keys = [0u64; TRANSITION_FEATURES];
    let mut k = 0usize;
    let mut id = 0u64;
    macro_rules! f {
        ($g:expr, $v:expr) => {{
            id += 1;
            if G & $g != 0 {
                keys[k] = fmix64($v ^ id.wrapping_mul(0x9e37_79b9_7f4a_7c15)) | 1;
                k += 1;
            }
        }};
    }
    let m3 = |a: u64, b: u64, c: u64| mix(mix(a, b), c);
    // Single positions.
    f!(TOP, w[s0]);
    f!(TOP, p[s0]);
    f!(TOP, wp[s0]);
    f!(FRONT, w[b0]);
    f!(FRONT, p[b0]);
    f!(FRONT, wp[b0]);
    f!(FRONT, w[b1]);
    f!(FRONT, p[b1]);
    f!(FRONT, wp[b1]);
    f!(FRONT, w[b2]);
    f!(FRONT, p[b2]);
    f!(SECOND, w[s1]);
    f!(SECOND, p[s1]);
    f!(SECOND, wp[s1]);
    f!(THIRD, w[s2]);
    f!(THIRD, p[s2]);
    f!(TOP, c[s0]);
    f!(FRONT, c[b0]);
    f!(SECOND, c[s1]);
    f!(FRONT, c[b1]);
    f!(TOP, t.s[s0]);
    f!(FRONT, t.s[b0]);
    // Pairs.
    f!(TOP_FRONT, mix(wp[s0], wp[b0]));
    f!(TOP_FRONT, mix(wp[s0], w[b0]));
    f!(TOP_FRONT, mix(w[s0], wp[b0]));
    f!(TOP_FRONT, mix(wp[s0], p[b0]));
    f!(TOP_FRONT, mix(p[s0], wp[b0]));
    f!(TOP_FRONT, mix(w[s0], w[b0]));
    f!(TOP_FRONT, mix(p[s0], p[b0]));
    f!(FRONT, mix(p[b0], p[b1]));
    f!(TOP_FRONT, mix(c[s0], c[b0]));
    f!(TOP_FRONT, mix(c[s0], p[b0]));
    f!(TOP_FRONT, mix(p[s0], c[b0]));
    f!(TOP_SECOND, mix(p[s1], p[s0]));
    f!(TOP_SECOND, mix(w[s1], w[s0]));
    f!(TOP_SECOND, mix(wp[s1], p[s0]));
    f!(TOP_SECOND, mix(p[s1], wp[s0]));
    f!(OTHER, mix(p[s1], p[b0]));
    f!(TOP_SECOND, mix(c[s1], c[s0]));
    f!(TOP_FRONT, mix(u[s0], u[b0]));
    f!(FRONT, mix(w[b0], p[b1]));
    f!(FRONT, mix(p[b0], w[b1]));
    // Triples.
    f!(FRONT, m3(p[b0], p[b1], p[b2]));
    f!(TOP_FRONT, m3(p[s0], p[b0], p[b1]));
    f!(OTHER, m3(p[s1], p[s0], p[b0]));
    f!(OTHER, m3(p[s0], p[s0l1], p[b0]));
    f!(OTHER, m3(p[s0], p[s0r1], p[b0]));
    f!(OTHER, m3(p[s0], p[b0], p[b0l1]));
    f!(OTHER, m3(p[s1], p[s1r1], p[s0]));
    f!(OTHER, m3(p[s1], p[s1l1], p[s0]));
    f!(OTHER, m3(p[s2], p[s1], p[s0]));
    f!(OTHER, m3(u[s1], u[s0], u[b0]));
    f!(TOP_FRONT, m3(w[s0], p[s0], p[b1]));
    // Distance.
    f!(TOP_FRONT, mix(w[s0], d));
    f!(TOP_FRONT, mix(p[s0], d));
    f!(TOP_FRONT, mix(w[b0], d));
    f!(TOP_FRONT, mix(p[b0], d));
    f!(TOP_FRONT, m3(w[s0], w[b0], d));
    f!(TOP_FRONT, m3(p[s0], p[b0], d));
    f!(TOP_SECOND, m3(p[s1], p[s0], d2));
    f!(TOP_SECOND, m3(w[s1], w[s0], d2));
    // Valency.
    f!(TOP_RIGHT, mix(w[s0], st.nr[s0] as u64));
    f!(TOP_RIGHT, mix(p[s0], st.nr[s0] as u64));
    f!(TOP_LEFT, mix(w[s0], st.nl[s0] as u64 + 100));
    f!(TOP_LEFT, mix(p[s0], st.nl[s0] as u64 + 100));
    f!(FRONT_LEFT, mix(w[b0], st.nl[b0] as u64 + 100));
    f!(FRONT_LEFT, mix(p[b0], st.nl[b0] as u64 + 100));
    f!(SECOND_ARCS, mix(p[s1], st.nr[s1] as u64));
    // Children.
    f!(TOP_LEFT, w[s0l1]);
    f!(TOP_LEFT, p[s0l1]);
    f!(TOP_LEFT, lab(s0l1));
    f!(TOP_RIGHT, w[s0r1]);
    f!(TOP_RIGHT, p[s0r1]);
    f!(TOP_RIGHT, lab(s0r1));
    f!(FRONT_LEFT, w[b0l1]);
    f!(FRONT_LEFT, p[b0l1]);
    f!(FRONT_LEFT, lab(b0l1));
    f!(TOP_LEFT, w[s0l2]);
    f!(TOP_LEFT, p[s0l2]);
    f!(TOP_LEFT, lab(s0l2));
    f!(TOP_RIGHT, w[s0r2]);
    f!(TOP_RIGHT, p[s0r2]);
    f!(TOP_RIGHT, lab(s0r2));
    f!(FRONT_LEFT, w[b0l2]);
    f!(FRONT_LEFT, p[b0l2]);
    f!(FRONT_LEFT, lab(b0l2));
    f!(SECOND_ARCS, p[s1r1]);
    f!(SECOND_ARCS, lab(s1r1));
    f!(SECOND_ARCS, p[s1l1]);
    f!(TOP_LEFT, m3(p[s0], p[s0l1], p[s0l2]));
    f!(TOP_RIGHT, m3(p[s0], p[s0r1], p[s0r2]));
    f!(FRONT_LEFT, m3(p[b0], p[b0l1], p[b0l2]));
    f!(TOP_LEFT, m3(p[s0], lab(s0l1), lab(s0l2)));
    f!(TOP_RIGHT, m3(p[s0], lab(s0r1), lab(s0r2)));
    f!(OTHER, m3(p[b0], lab(b0l1), p[s0]));
    // Label sets.
    f!(TOP_RIGHT, mix(w[s0], st.rset[s0]));
    f!(TOP_RIGHT, mix(p[s0], st.rset[s0]));
    f!(TOP_LEFT, mix(w[s0], st.lset[s0] ^ 0xabcd));
    f!(TOP_LEFT, mix(p[s0], st.lset[s0] ^ 0xabcd));
    f!(FRONT_LEFT, mix(w[b0], st.lset[b0] ^ 0xabcd));
    f!(FRONT_LEFT, mix(p[b0], st.lset[b0] ^ 0xabcd));
    f!(SECOND_ARCS, mix(p[s1], st.rset[s1]));
    f!(OTHER, m3(p[s0], p[b0], st.lset[s0] ^ 0xabcd));
    out.extend_from_slice(&keys[..k]);
}

/// Number of transition features.
const TRANSITION_FEATURES: usize = 103;

/// Label features of the arc `h → d` made by transition `t`.
pub(super) fn label_features(
    st: &State,
    tk: &Tokens,
    h: usize,
    d: usize,
    tr: usize,
    out: &mut Vec<u64>,
) {
    out.clear();
    label_group_features::<{ label_group::ALL }>(st, tk, h, d, tr, out);
}

/// The label features' groups, as [`group`]'s for transitions: which part of the
/// configuration a feature reads, so decoding sums each group once per sentence and part.
pub(super) mod label_group {
    /// The arc's words (head, dependent, direction, distance, the dependent's neighbours).
    pub const ARC: u16 = 1;
    /// The dependent with its leftmost and rightmost children and label sets.
    pub const DEPENDENT: u16 = 1 << 1;
    /// The head's words with the dependent's children.
    pub const HEAD_DEPENDENT: u16 = 1 << 2;
    /// The arc with the head's children: label sets, counts, leftmost child's label.
    pub const HEAD: u16 = 1 << 3;
    /// Every feature.
    pub const ALL: u16 = (1 << 4) - 1;
}

/// A label feature's key: `v` hashed with the feature's number `id` (from 1).
#[inline]
fn label_feature(id: u64, v: u64) -> u64 {
    fmix64(v ^ (1000 + id).wrapping_mul(0x9e37_79b9_7f4a_7c15)) | 1
}

/// Appends the label features of the groups in `G` (a set of [`label_group`] bits) of the
/// arc `h → d` made by transition `tr` to `out`, each with the key it has among all features.
pub(super) fn label_group_features<const G: u16>(
    st: &State,
    tk: &Tokens,
    h: usize,
    d: usize,
    tr: usize,
    out: &mut Vec<u64>,
) {
    use label_group::*;
    let (w, p, u, c, wp) = (&tk.w, &tk.p, &tk.u, &tk.c, &tk.wp);
    let dir = tr as u64;
    let dist = dist_bucket(h.abs_diff(d)) + 16 * dir;
    let dl1 = st.lc1[d];
    let dr1 = st.rc1[d];
    let lab = |i: usize| st.labels[i] as u64 + 1;
    let prev = if d > 1 { d - 1 } else { st.none() };
    let next = if d < st.n { d + 1 } else { st.none() };
    let mut keys = [0u64; LABEL_FEATURES];
    let mut k = 0usize;
    let mut id = 0u64;
    macro_rules! f {
        ($g:expr, $v:expr) => {{
            id += 1;
            if G & $g != 0 {
                keys[k] = label_feature(id, $v);
                k += 1;
            }
        }};
    }
    let m3 = |a: u64, b: u64, c: u64| mix(mix(a, b), c);
    f!(ARC, dir);
    f!(ARC, w[d]);
    f!(ARC, p[d]);
    f!(ARC, wp[d]);
    f!(ARC, u[d]);
    f!(ARC, c[d]);
    f!(ARC, tk.s[d]);
    f!(ARC, w[h]);
    f!(ARC, p[h]);
    f!(ARC, wp[h]);
    f!(ARC, c[h]);
    f!(ARC, mix(p[h], p[d]));
    f!(ARC, mix(w[h], p[d]));
    f!(ARC, mix(p[h], w[d]));
    f!(ARC, mix(w[h], w[d]));
    f!(ARC, mix(c[h], c[d]));
    f!(ARC, mix(u[h], u[d]));
    f!(ARC, m3(p[h], p[d], dist));
    f!(ARC, m3(w[h], p[d], dist));
    f!(ARC, m3(p[h], w[d], dist));
    f!(ARC, mix(p[d], dist));
    f!(ARC, mix(w[d], dist));
    f!(DEPENDENT, lab(dl1));
    f!(DEPENDENT, mix(w[dl1], p[d]));
    f!(DEPENDENT, mix(lab(dl1), p[d]));
    f!(HEAD_DEPENDENT, m3(lab(dl1), w[dl1], p[h]));
    f!(DEPENDENT, mix(lab(dr1), p[d]));
    f!(DEPENDENT, mix(w[dr1], p[d]));
    f!(DEPENDENT, mix(p[d], st.lset[d]));
    f!(DEPENDENT, mix(p[d], st.rset[d] ^ 0xabcd));
    f!(HEAD_DEPENDENT, m3(p[h], p[d], st.lset[d]));
    f!(HEAD_DEPENDENT, m3(p[h], p[d], st.rset[d] ^ 0xabcd));
    f!(HEAD, m3(p[h], st.lset[h], dir));
    f!(HEAD, m3(p[h], st.rset[h] ^ 0xabcd, dir));
    f!(HEAD, m3(p[h], p[d], st.nl[h] as u64 * 16 + st.nr[h] as u64));
    f!(ARC, m3(p[prev], p[d], dir));
    f!(ARC, m3(p[d], p[next], dir));
    f!(ARC, m3(w[prev], p[d], p[h]));
    f!(HEAD, m3(p[d], w[h], lab(st.lc1[h])));
    f!(HEAD, m3(u[d], u[h], lab(st.lc1[h])));
    out.extend_from_slice(&keys[..k]);
}

/// Number of label features.
pub(super) const LABEL_FEATURES: usize = 40;

/// A label weight in hundredths, as the model keeps it (0 to 655.35).
fn hundredths(w: f32) -> u16 {
    (w * 100.0).round().clamp(0.0, f32::from(u16::MAX)) as u16
}

/// A trained parser: transition and label weights and the label names.
#[derive(Clone, Debug, PartialEq)]
pub struct Parser {
    labels: Vec<String>,
    /// Beam width of decoding (1: greedy).
    beam: usize,
    /// Weight of arc label margins in the beam's scores (see [`ParserConfig`]).
    label_weight: f32,
    transitions: Frozen,
    arcs: Frozen,
}

/// A sentence for training: words, tags, gold heads (0 = root) and relation names.
pub struct TrainSentence<'a> {
    /// Word forms.
    pub words: Vec<&'a str>,
    /// Penn tags.
    pub xpos: Vec<&'a str>,
    /// Universal tags.
    pub upos: Vec<&'a str>,
    /// Gold heads.
    pub heads: Vec<usize>,
    /// Gold relations.
    pub deprels: Vec<&'a str>,
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct ParserConfig {
    /// Epochs.
    pub epochs: usize,
    /// Shuffle seed.
    pub seed: u64,
    /// Probability of following the model's (wrong) prediction from epoch 2 on.
    pub explore: f64,
    /// Averaged weights smaller than this are dropped from the model.
    pub prune: f32,
    /// Print progress to standard error.
    pub verbose: bool,
    /// Beam width: 1 trains and decodes greedily, more trains globally (max-violation).
    pub beam: usize,
    /// Beam width of the trained model's decoding (0: the training beam).
    pub decode_beam: usize,
    /// Weight of each arc's label margin in the beam's scores, in training and decoding
    /// (0: labels play no part in the search); kept to hundredths in the model.
    pub label_weight: f32,
}

impl Default for ParserConfig {
    fn default() -> Self {
        ParserConfig {
            epochs: 15,
            seed: 1,
            explore: 0.9,
            prune: 0.0,
            verbose: true,
            beam: 1,
            decode_beam: 0,
            label_weight: 0.0,
        }
    }
}

struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn argmax_valid(st: &State, scores: &[f32], allowed: impl Fn(usize) -> bool) -> usize {
    let mut best = usize::MAX;
    for t in 0..3 {
        if st.valid(t) && allowed(t) && (best == usize::MAX || scores[t] > scores[best]) {
            best = t;
        }
    }
    best
}

pub(super) fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// A training-in-progress parser.
pub struct Training {
    labels: Vec<String>,
    label_ids: rustc_hash::FxHashMap<String, u16>,
    transitions: Trainable,
    arcs: Trainable,
    c: f32,
    rng: SplitMix64,
    config: ParserConfig,
    epoch: usize,
}

impl Training {
    /// Starts training with the relations of `sentences` as the label set.
    pub fn new(sentences: &[TrainSentence], config: ParserConfig) -> Training {
        let mut labels: Vec<String> = sentences
            .iter()
            .flat_map(|s| s.deprels.iter().map(|d| d.to_string()))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        if labels.is_empty() {
            labels.push("dep".into());
        }
        labels.truncate(255);
        let label_ids = labels
            .iter()
            .enumerate()
            .map(|(i, l)| (l.clone(), i as u16))
            .collect();
        Training {
            arcs: Trainable::new(labels.len()),
            labels,
            label_ids,
            transitions: Trainable::new(3),
            c: 1.0,
            rng: SplitMix64(config.seed),
            config,
            epoch: 0,
        }
    }

    /// One epoch over `sentences` (shuffled); returns the share of correct transitions
    /// (greedy) or of correct heads in the beam's best parses.
    pub fn epoch(&mut self, sentences: &[TrainSentence], classes: &WordClasses) -> f64 {
        let mut order: Vec<usize> = (0..sentences.len()).collect();
        for i in (1..order.len()).rev() {
            let j = (self.rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let (mut right, mut total) = (0usize, 0usize);
        let mut beam = Beam::new(
            self.config.beam,
            self.labels.len(),
            self.config.label_weight,
        );
        for &i in &order {
            let s = &sentences[i];
            let n = s.words.len();
            if n == 0 || s.heads.iter().any(|&h| h > n) {
                continue;
            }
            let tk = Tokens::new(&s.words, &s.xpos, &s.upos, classes);
            let mut gold = vec![0usize; n + 2];
            let mut children = vec![Vec::new(); n + 2];
            for (j, &h) in s.heads.iter().enumerate() {
                gold[j + 1] = h;
                children[h].push(j + 1);
            }
            gold[0] = n + 1;
            gold[n + 1] = n + 1;
            let glabel: Vec<u16> = std::iter::once(0)
                .chain(
                    s.deprels
                        .iter()
                        .map(|d| self.label_ids.get(*d).copied().unwrap_or(0)),
                )
                .collect();
            let gold = Gold {
                heads: &gold,
                children: &children,
            };
            let (r, t) = if self.config.beam > 1 {
                let weights = (&mut self.transitions, &mut self.arcs);
                train_sentence(&mut beam, weights, &mut self.c, &tk, &gold, &glabel)
            } else {
                self.greedy_sentence(&tk, &gold, &glabel)
            };
            right += r;
            total += t;
        }
        self.epoch += 1;
        right as f64 / total.max(1) as f64
    }

    /// Greedy training on one sentence with the dynamic oracle; returns (correct
    /// transitions, transitions).
    fn greedy_sentence(&mut self, tk: &Tokens, gold: &Gold, glabel: &[u16]) -> (usize, usize) {
        let explore = self.epoch > 0 && self.config.explore > 0.0;
        let (mut right, mut total) = (0usize, 0usize);
        let mut feats = Vec::with_capacity(160);
        let mut lfeats = Vec::with_capacity(64);
        let mut scores = [0f32; 3];
        let mut lscores = vec![0f32; self.labels.len()];
        let mut st = State::new(gold.heads.len() - 2);
        while !st.terminal() {
            transition_features(&st, tk, &mut feats);
            self.transitions.score(&feats, &mut scores);
            let costs = st.costs(gold.heads, gold.children);
            let min = *costs.iter().min().expect("three costs");
            let pred = argmax_valid(&st, &scores, |_| true);
            let best_gold = argmax_valid(&st, &scores, |t| costs[t] == min);
            let best_wrong = argmax_valid(&st, &scores, |t| costs[t] != min);
            total += 1;
            if costs[pred] == min {
                right += 1;
            }
            // A tie counts as a mistake: the decoder breaks ties by index, which the
            // averaged weights need not reproduce.
            if best_wrong != usize::MAX && scores[best_wrong] >= scores[best_gold] {
                self.transitions.update(&feats, best_gold, 1.0, self.c);
                self.transitions.update(&feats, best_wrong, -1.0, self.c);
            }
            self.c += 1.0;
            let next = if costs[pred] == min || (explore && self.rng.unit() < self.config.explore) {
                pred
            } else {
                best_gold
            };
            let mut label = 0;
            if let Some((h, d)) = st.arc(next) {
                label_features(&st, tk, h, d, next, &mut lfeats);
                self.arcs.score(&lfeats, &mut lscores);
                label = argmax(&lscores) as u16;
                if gold.heads[d] == h {
                    let g = glabel[d] as usize;
                    let rival =
                        (0..lscores.len())
                            .filter(|&l| l != g)
                            .fold(None, |b: Option<usize>, l| match b {
                                Some(b) if lscores[b] >= lscores[l] => Some(b),
                                _ => Some(l),
                            });
                    if let Some(r) = rival {
                        if lscores[r] >= lscores[g] {
                            self.arcs.update(&lfeats, g, 1.0, self.c);
                            self.arcs.update(&lfeats, r, -1.0, self.c);
                        }
                    }
                    label = g as u16;
                }
            }
            st.apply(next, label);
        }
        (right, total)
    }

    /// The averaged model so far.
    pub fn model(&self) -> Parser {
        Parser::new(
            self.labels.clone(),
            match self.config.decode_beam {
                0 => self.config.beam,
                k => k,
            }
            .clamp(1, 64),
            hundredths(self.config.label_weight) as f32 / 100.0,
            self.transitions
                .freeze(self.c, self.config.prune)
                .quantized(self.config.prune),
            self.arcs
                .freeze(self.c, self.config.prune)
                .quantized(self.config.prune),
        )
    }

    /// Numbers of transition and label feature rows.
    pub fn sizes(&self) -> (usize, usize) {
        (self.transitions.n_rows(), self.arcs.n_rows())
    }
}

impl Parser {
    fn new(
        labels: Vec<String>,
        beam: usize,
        label_weight: f32,
        transitions: Frozen,
        arcs: Frozen,
    ) -> Parser {
        Parser {
            labels,
            beam,
            label_weight,
            transitions,
            arcs,
        }
    }

    /// Heads (0 = root) and relations of a tagged sentence.
    pub fn parse(
        &self,
        words: &[&str],
        xpos: &[&str],
        upos: &[&str],
        classes: &WordClasses,
    ) -> (Vec<usize>, Vec<&str>) {
        let n = words.len();
        if n == 0 {
            return (Vec::new(), Vec::new());
        }
        let tk = Tokens::new(words, xpos, upos, classes);
        if self.beam > 1 {
            thread_local! {
                // The beam's buffers and caches, reused from sentence to sentence.
                static BEAM: std::cell::RefCell<Option<Beam>> = const { std::cell::RefCell::new(None) };
            }
            BEAM.with_borrow_mut(|cached| {
                let (width, n_labels) = (self.beam, self.labels.len());
                let beam = match cached {
                    Some(b) if b.fits(width, n_labels, self.label_weight) => b,
                    _ => cached.insert(Beam::new(width, n_labels, self.label_weight)),
                };
                let st = beam.decode(&(&self.transitions, &self.arcs), &tk, n);
                self.heads_and_labels(st, n)
            })
        } else {
            let st = self.greedy(&tk, n);
            self.heads_and_labels(&st, n)
        }
    }

    /// The heads (0 = root) and relation names of a final configuration.
    fn heads_and_labels(&self, st: &State, n: usize) -> (Vec<usize>, Vec<&str>) {
        let heads = st.heads[1..=n].to_vec();
        let labels = st.labels[1..=n]
            .iter()
            .zip(&heads)
            .map(|(&l, &h)| {
                if h == 0 {
                    "root"
                } else {
                    self.labels[l as usize].as_str()
                }
            })
            .collect();
        (heads, labels)
    }

    /// The configuration the greedy decoder reaches on a sentence of `n` words.
    fn greedy(&self, tk: &Tokens, n: usize) -> State {
        let mut st = State::new(n);
        let mut feats = Vec::with_capacity(160);
        let mut lfeats = Vec::with_capacity(64);
        let mut scores = [0f32; 3];
        let mut lscores = vec![0f32; self.labels.len()];
        while !st.terminal() {
            transition_features(&st, tk, &mut feats);
            self.transitions.score(&feats, &mut scores);
            let t = argmax_valid(&st, &scores, |_| true);
            let mut label = 0;
            if let Some((h, d)) = st.arc(t) {
                label_features(&st, tk, h, d, t, &mut lfeats);
                self.arcs.score(&lfeats, &mut lscores);
                label = argmax(&lscores) as u16;
            }
            st.apply(t, label);
        }
        st
    }

    /// The relation names.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Whether the beam's sums of weights by feature group ([`group`], [`label_group`]) are
    /// exact, so its scores are those of summing each configuration's features in one list.
    pub fn sums_exact(&self) -> bool {
        self.transitions.sums_exact(TRANSITION_FEATURES) && self.arcs.sums_exact(LABEL_FEATURES)
    }

    /// Numbers of stored transition and label weights.
    pub fn n_weights(&self) -> (usize, usize) {
        (self.transitions.n_weights(), self.arcs.n_weights())
    }

    /// Decodes with a beam of `width` (1: greedily) from now on.
    pub fn set_beam(&mut self, width: usize) {
        self.beam = width.clamp(1, 64);
    }

    /// Weighs arc label margins by `w` in the beam's scores from now on.
    pub fn set_label_weight(&mut self, w: f32) {
        self.label_weight = hundredths(w) as f32 / 100.0;
    }

    /// Weight of arc label margins in the beam's scores.
    pub fn label_weight(&self) -> f32 {
        self.label_weight
    }

    /// Beam width of decoding (1: greedy).
    pub fn beam(&self) -> usize {
        self.beam
    }

    /// The parser without the weights whose magnitude is below `prune`.
    pub fn pruned(&self, prune: f32) -> Parser {
        Parser::new(
            self.labels.clone(),
            self.beam,
            self.label_weight,
            self.transitions.quantized(prune),
            self.arcs.quantized(prune),
        )
    }

    /// Writes the parser.
    pub fn write_to(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        w.write_all(&(self.labels.len() as u32).to_le_bytes())?;
        for l in &self.labels {
            super::weights::write_str(w, l)?;
        }
        // The label weight shares the beam width's word (bits 8 to 23), so models written
        // before it existed read with weight 0.
        let word = self.beam as u32 | (hundredths(self.label_weight) as u32) << 8;
        w.write_all(&word.to_le_bytes())?;
        self.transitions.write_to(w)?;
        self.arcs.write_to(w)
    }

    /// Reads a parser written by [`Parser::write_to`], advancing `pos`.
    pub fn read(b: &[u8], pos: &mut usize) -> Result<Parser, crate::tagger::ModelError> {
        use crate::tagger::ModelError;
        let n = super::weights::read_u32(b, pos)? as usize;
        if n == 0 || n > 255 {
            return Err(ModelError::Corrupt("label count".into()));
        }
        let labels = (0..n)
            .map(|_| super::weights::read_str(b, pos))
            .collect::<Result<Vec<_>, _>>()?;
        let word = super::weights::read_u32(b, pos)?;
        let beam = (word & 0xff) as usize;
        if !(1..=64).contains(&beam) || word >> 24 != 0 {
            return Err(ModelError::Corrupt("beam width".into()));
        }
        let label_weight = (word >> 8) as f32 / 100.0;
        let transitions = Frozen::read(b, pos)?;
        let arcs = Frozen::read(b, pos)?;
        if transitions.classes() != 3 || arcs.classes() != n {
            return Err(ModelError::Corrupt("class counts".into()));
        }
        Ok(Parser::new(labels, beam, label_weight, transitions, arcs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oracle_reaches_gold_projective_tree() {
        // heads: 1<-2, 2 root, 3<-2, 4<-3
        let gold_heads = [2usize, 0, 2, 3];
        let n = gold_heads.len();
        let mut gold = vec![0usize; n + 2];
        let mut children = vec![Vec::new(); n + 2];
        for (j, &h) in gold_heads.iter().enumerate() {
            gold[j + 1] = h;
            children[h].push(j + 1);
        }
        gold[0] = n + 1;
        gold[n + 1] = n + 1;
        let mut st = State::new(n);
        while !st.terminal() {
            let c = st.costs(&gold, &children);
            let t = (0..3).find(|&t| c[t] == 0).expect("a zero-cost transition");
            st.apply(t, 0);
        }
        assert_eq!(&st.heads[1..=n], &gold_heads);
    }
}
