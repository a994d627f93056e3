//! Decoding's memo of scores by feature group: a beam scores many configurations that share
//! their stack top, buffer front or those words' children, and each feature group
//! ([`group`], [`label_group`]) reads one such part. Each group's summed weights are kept per
//! sentence and part, so a configuration looks up only the features of the groups not seen
//! yet (in one batch, whose cache misses overlap) and of those reading several parts.
//!
//! Summing by group adds the same weights in another order. For the shipped parser every
//! sum is exact in f32 ([`super::weights::Frozen::sums_exact`], tested), so the scores are
//! those of summing all features in one list; for any model they are the same at any thread
//! count, since the groups are added in a fixed order and a group's sum never depends on
//! which configuration computed it first.

use rustc_hash::FxHashMap;

use super::beam::Scorer;
use super::parser::{group, group_features, label_group, label_group_features, State, Tokens};

/// The transition groups kept in the memo ([`group::OTHER`] is not: it reads too much).
const TRANSITION_GROUPS: [u16; 10] = [
    group::FRONT,
    group::TOP,
    group::SECOND,
    group::THIRD,
    group::TOP_FRONT,
    group::TOP_SECOND,
    group::TOP_LEFT,
    group::TOP_RIGHT,
    group::FRONT_LEFT,
    group::SECOND_ARCS,
];

/// The label groups kept in the memo ([`label_group::HEAD_DEPENDENT`] is not).
const LABEL_GROUPS: [u16; 3] = [label_group::ARC, label_group::DEPENDENT, label_group::HEAD];

/// A group and everything its features read of a configuration.
type Key = (u16, [u64; 4]);

/// Per-sentence group scores, and buffers.
#[derive(Default)]
pub(super) struct GroupMemo {
    transitions: FxHashMap<Key, [f32; 3]>,
    /// Label score rows by key: the row's index in `label_rows` (`n` labels each).
    labels: FxHashMap<Key, u32>,
    label_rows: Vec<f32>,
    ends: Vec<usize>,
    scores: Vec<f32>,
}

impl GroupMemo {
    /// Forgets the last sentence.
    pub(super) fn start(&mut self) {
        self.transitions.clear();
        self.labels.clear();
        self.label_rows.clear();
    }

    /// The transition scores of `st`.
    pub(super) fn transitions(
        &mut self,
        model: &impl Scorer,
        (st, tk): (&State, &Tokens),
        feats: &mut Vec<u64>,
    ) -> [f32; 3] {
        let keys = TRANSITION_GROUPS.map(|g| (g, transition_key(st, g)));
        let mut parts = [None; TRANSITION_GROUPS.len()];
        feats.clear();
        self.ends.clear();
        for (part, key) in parts.iter_mut().zip(&keys) {
            *part = self.transitions.get(key).copied();
            if part.is_none() {
                append_transition_group(key.0, st, tk, feats);
                self.ends.push(feats.len());
            }
        }
        group_features::<{ group::OTHER }>(st, tk, feats);
        self.ends.push(feats.len());
        self.scores.resize(3 * self.ends.len(), 0.0);
        model.transition_segments(feats, &self.ends, &mut self.scores);
        let mut computed = self.scores.chunks_exact(3);
        let mut total = [0f32; 3];
        for (part, key) in parts.iter().zip(keys) {
            let part = part.unwrap_or_else(|| {
                let s: [f32; 3] = computed.next().expect("a segment").try_into().expect("3");
                self.transitions.insert(key, s);
                s
            });
            add(&mut total, &part);
        }
        add(&mut total, computed.next().expect("the last segment"));
        total
    }

    /// Sets `scores` to the label scores of the arc `h → d` made by transition `t` in `st`.
    pub(super) fn labels(
        &mut self,
        model: &impl Scorer,
        (st, tk): (&State, &Tokens),
        (h, d, t): (usize, usize, usize),
        feats: &mut Vec<u64>,
        scores: &mut [f32],
    ) {
        let n = scores.len();
        let arc = (h as u64) << 34 | (d as u64) << 2 | t as u64;
        let keys = [
            (label_group::ARC, [arc, 0, 0, 0]),
            (label_group::DEPENDENT, st.dependent_key(d)),
            (label_group::HEAD, st.head_key(h, d, t)),
        ];
        let mut rows = [None; LABEL_GROUPS.len()];
        feats.clear();
        self.ends.clear();
        for (row, key) in rows.iter_mut().zip(&keys) {
            *row = self.labels.get(key).map(|&r| r as usize);
            if row.is_none() {
                append_label_group(key.0, (st, tk), (h, d, t), feats);
                self.ends.push(feats.len());
            }
        }
        label_group_features::<{ label_group::HEAD_DEPENDENT }>(st, tk, h, d, t, feats);
        self.ends.push(feats.len());
        self.scores.resize(n * self.ends.len(), 0.0);
        model.label_segments(feats, &self.ends, &mut self.scores);
        let mut computed = self.scores.chunks_exact(n);
        for (row, key) in rows.iter_mut().zip(keys) {
            if row.is_none() {
                let r = self.labels.len();
                self.labels.insert(key, r as u32);
                self.label_rows
                    .extend_from_slice(computed.next().expect("a segment"));
                *row = Some(r);
            }
        }
        scores.fill(0.0);
        for r in rows.into_iter().flatten() {
            add(scores, &self.label_rows[r * n..(r + 1) * n]);
        }
        add(scores, computed.next().expect("the last segment"));
    }
}

/// Everything the features of transition group `g` read of `st`.
fn transition_key(st: &State, g: u16) -> [u64; 4] {
    let [s0, s1, s2, b0] = st.positions();
    let one = |a: usize| [a as u64, 0, 0, 0];
    let pair = |a: usize, b: usize| [(a as u64) << 32 | b as u64, 0, 0, 0];
    match g {
        group::FRONT => one(b0),
        group::TOP => one(s0),
        group::SECOND => one(s1),
        group::THIRD => one(s2),
        group::TOP_FRONT => pair(s0, b0),
        group::TOP_SECOND => pair(s1, s0),
        group::TOP_LEFT => st.arcs_key(s0, true),
        group::TOP_RIGHT => st.arcs_key(s0, false),
        group::FRONT_LEFT => st.arcs_key(b0, true),
        _ => st.second_arcs_key(),
    }
}

/// Appends the features of transition group `g` of `st` to `out`.
fn append_transition_group(g: u16, st: &State, tk: &Tokens, out: &mut Vec<u64>) {
    match g {
        group::FRONT => group_features::<{ group::FRONT }>(st, tk, out),
        group::TOP => group_features::<{ group::TOP }>(st, tk, out),
        group::SECOND => group_features::<{ group::SECOND }>(st, tk, out),
        group::THIRD => group_features::<{ group::THIRD }>(st, tk, out),
        group::TOP_FRONT => group_features::<{ group::TOP_FRONT }>(st, tk, out),
        group::TOP_SECOND => group_features::<{ group::TOP_SECOND }>(st, tk, out),
        group::TOP_LEFT => group_features::<{ group::TOP_LEFT }>(st, tk, out),
        group::TOP_RIGHT => group_features::<{ group::TOP_RIGHT }>(st, tk, out),
        group::FRONT_LEFT => group_features::<{ group::FRONT_LEFT }>(st, tk, out),
        _ => group_features::<{ group::SECOND_ARCS }>(st, tk, out),
    }
}

/// Appends the features of label group `g` of the arc `h → d` made by `t` to `out`.
fn append_label_group(
    g: u16,
    (st, tk): (&State, &Tokens),
    (h, d, t): (usize, usize, usize),
    out: &mut Vec<u64>,
) {
    match g {
        label_group::ARC => label_group_features::<{ label_group::ARC }>(st, tk, h, d, t, out),
        label_group::DEPENDENT => {
            label_group_features::<{ label_group::DEPENDENT }>(st, tk, h, d, t, out)
        }
        _ => label_group_features::<{ label_group::HEAD }>(st, tk, h, d, t, out),
    }
}

/// Adds `part` into `total`.
fn add(total: &mut [f32], part: &[f32]) {
    for (t, x) in total.iter_mut().zip(part) {
        *t += x;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parser::{label_features, transition_features};
    use crate::parse::weights::{Trainable, Weights};

    /// A pseudo-random weight in units of 2^-10, below 1/16 in magnitude: the sums stay
    /// exact.
    fn weight(x: &mut u64) -> f32 {
        *x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((*x >> 40) % 128) as f32 / 1024.0 - 0.0625
    }

    #[test]
    fn group_sums_equal_one_list_sums() {
        let words = "“ We will not pay , ” the minister told reporters on Monday .";
        let words: Vec<&str> = words.split(' ').collect();
        let xpos = "`` PRP MD RB VB , '' DT NN VBD NNS IN NNP .";
        let xpos: Vec<&str> = xpos.split(' ').collect();
        let upos = "PUNCT PRON AUX PART VERB PUNCT PUNCT DET NOUN VERB NOUN ADP PROPN PUNCT";
        let upos: Vec<&str> = upos.split(' ').collect();
        let tk = Tokens::new(&words, &xpos, &upos, crate::models::word_classes());
        let (mut transitions, mut labels) = (Trainable::new(3), Trainable::new(5));
        let (mut feats, mut x) = (Vec::new(), 1u64);
        // Walk several random parses of the sentence twice (one memo for all of them, as
        // for a beam's items): first giving every feature seen a weight, then comparing the
        // memo's scores of every configuration and possible arc with one sum of all features.
        for check in [false, true] {
            let mut memo = GroupMemo::default();
            memo.start();
            for parse in 0..8u64 {
                let mut st = State::new(words.len());
                let mut pick = parse;
                while !st.terminal() {
                    transition_features(&st, &tk, &mut feats);
                    let mut one = [0f32; 3];
                    transitions.score(&feats, &mut one);
                    let model = (&transitions, &labels);
                    if check {
                        let grouped = memo.transitions(&model, (&st, &tk), &mut feats);
                        assert_eq!(grouped, one);
                    } else {
                        for t in 0..3 {
                            transitions.update(&feats, t, weight(&mut x), 1.0);
                        }
                    }
                    for t in (0..3).filter(|&t| st.valid(t)) {
                        let Some((h, d)) = st.arc(t) else { continue };
                        label_features(&st, &tk, h, d, t, &mut feats);
                        let mut one = [0f32; 5];
                        labels.score(&feats, &mut one);
                        if check {
                            let mut grouped = [0f32; 5];
                            let model = (&transitions, &labels);
                            memo.labels(&model, (&st, &tk), (h, d, t), &mut feats, &mut grouped);
                            assert_eq!(grouped, one);
                        } else {
                            for l in 0..5 {
                                labels.update(&feats, l, weight(&mut x), 1.0);
                            }
                        }
                    }
                    let valid: Vec<usize> = (0..3).filter(|&t| st.valid(t)).collect();
                    pick = pick.wrapping_mul(31).wrapping_add(7);
                    let t = valid[pick as usize % valid.len()];
                    st.apply(t, (pick % 5) as u16);
                }
            }
        }
    }
}
