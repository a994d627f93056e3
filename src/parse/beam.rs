//! Beam-search decoding of the arc-hybrid parser and its global training: a structured
//! perceptron with max-violation updates (Huang, Fayong & Guo 2012) over the transition
//! sequence. Every complete sequence of a sentence of n words has 2n transitions, so the beam
//! advances in lock step. Each arc's label is chosen greedily when the arc is made, as in the
//! greedy parser; with a label weight, the chosen label's margin over the runner-up also
//! counts in the hypothesis' score, so the beam prefers arcs whose label is clear.

use rustc_hash::FxHashMap;

use super::memo::GroupMemo;
use super::parser::{label_features, transition_features, State, Tokens};
use super::weights::{Trainable, Weights};

/// A partial parse in the beam: its configuration, the summed transition scores, the
/// (transition, label) history, and whether every transition so far was optimal (training).
#[derive(Clone)]
pub(super) struct Item {
    st: State,
    score: f32,
    hist: Vec<(u8, u16)>,
    correct: bool,
}

impl Item {
    fn new(n: usize) -> Item {
        Item {
            st: State::new(n),
            score: 0.0,
            hist: Vec::with_capacity(2 * n),
            correct: true,
        }
    }

    /// Becomes `from` (reusing this item's buffers); the history only with `hist`.
    fn copy_from(&mut self, from: &Item, hist: bool) {
        self.st.copy_from(&from.st);
        self.score = from.score;
        if hist {
            self.hist.clone_from(&from.hist);
        }
        self.correct = from.correct;
    }

    /// Becomes the initial item of a sentence of `n` words (reusing its buffers).
    fn reset(&mut self, n: usize) {
        self.st.reset(n);
        self.score = 0.0;
        self.hist.clear();
        self.correct = true;
    }
}

/// What the beam needs from a model: transition and label scores.
pub(super) trait Scorer {
    fn transitions(&self, feats: &[u64], scores: &mut [f32]);
    fn labels(&self, feats: &[u64], scores: &mut [f32]);
    /// Transition scores of each segment of `feats` ([`Weights::score_segments`]).
    fn transition_segments(&self, feats: &[u64], ends: &[usize], scores: &mut [f32]);
    /// Label scores of each segment of `feats` ([`Weights::score_segments`]).
    fn label_segments(&self, feats: &[u64], ends: &[usize], scores: &mut [f32]);
}

impl<W: Weights> Scorer for (&W, &W) {
    fn transitions(&self, feats: &[u64], scores: &mut [f32]) {
        self.0.score(feats, scores);
    }
    fn labels(&self, feats: &[u64], scores: &mut [f32]) {
        self.1.score(feats, scores);
    }
    fn transition_segments(&self, feats: &[u64], ends: &[usize], scores: &mut [f32]) {
        self.0.score_segments(feats, ends, scores);
    }
    fn label_segments(&self, feats: &[u64], ends: &[usize], scores: &mut [f32]) {
        self.1.score_segments(feats, ends, scores);
    }
}

/// Reusable buffers of a beam search.
pub(super) struct Beam {
    width: usize,
    /// The items; the first `live` are the beam, the others spare buffers.
    items: Vec<Item>,
    live: usize,
    next: Vec<Item>,
    /// Each live item's last successor in `cands` (which takes over its buffers).
    last_use: Vec<usize>,
    cands: Vec<(f32, usize, usize, u16)>,
    /// Weight of an arc's label margin (best label score minus the runner-up's) in its
    /// hypothesis' score (0: labels are chosen after the beam is pruned).
    label_weight: f32,
    /// The label bonus of the gold path's last transition (training only).
    gold_bonus: f32,
    feats: Vec<u64>,
    lfeats: Vec<u64>,
    lscores: Vec<f32>,
    /// Dynamic-oracle costs of each item's transitions (training only).
    costs: Vec<[u32; 3]>,
    /// Decoding (the weights are fixed, no history is kept), not training.
    decoding: bool,
    /// Decoding only: the chosen label and its margin of each arc scored so far in the
    /// sentence, by everything its label features read ([`State::label_key`]). Beam items
    /// often share the arc on top of their stacks.
    lcache: FxHashMap<[u64; 8], (u16, f32)>,
    /// Decoding only: the transition scores of each configuration scored so far in the
    /// sentence, by everything [`transition_features`] reads ([`State::transition_key`]).
    tcache: FxHashMap<[u64; 12], [f32; 3]>,
    /// Decoding only: scores by feature group ([`GroupMemo`]).
    groups: GroupMemo,
}

/// The gold tree of a training sentence, as the oracle reads it.
pub(super) struct Gold<'a> {
    pub heads: &'a [usize],
    pub children: &'a [Vec<usize>],
}

impl Beam {
    pub(super) fn new(width: usize, n_labels: usize, label_weight: f32) -> Beam {
        Beam {
            width: width.max(1),
            items: Vec::new(),
            live: 0,
            next: Vec::new(),
            last_use: Vec::new(),
            cands: Vec::new(),
            gold_bonus: 0.0,
            label_weight,
            feats: Vec::with_capacity(160),
            lfeats: Vec::with_capacity(64),
            lscores: vec![0.0; n_labels],
            costs: Vec::new(),
            lcache: FxHashMap::default(),
            decoding: false,
            tcache: FxHashMap::default(),
            groups: GroupMemo::default(),
        }
    }

    /// Whether this beam decodes as `new(width, n_labels, label_weight)` would.
    pub(super) fn fits(&self, width: usize, n_labels: usize, label_weight: f32) -> bool {
        self.width == width.max(1)
            && self.lscores.len() == n_labels
            && self.label_weight.to_bits() == label_weight.to_bits()
    }

    /// Starts a sentence of `n` words.
    fn start(&mut self, n: usize) {
        match self.items.first_mut() {
            Some(item) => item.reset(n),
            None => self.items.push(Item::new(n)),
        }
        self.live = 1;
    }

    /// One step: every item's valid transitions, the best `width` successors kept (ties
    /// broken by item and transition order, so decoding is deterministic). With `gold`, each
    /// successor's `correct` says whether the transition was optimal for the gold tree.
    fn step(&mut self, model: &impl Scorer, tk: &Tokens, gold: Option<&Gold>) {
        self.cands.clear();
        self.costs.clear();
        let mut scores = [0f32; 3];
        for (i, item) in self.items[..self.live].iter().enumerate() {
            if self.decoding {
                let key = item.st.transition_key();
                match self.tcache.get(&key) {
                    Some(&s) => scores = s,
                    None => {
                        scores = self
                            .groups
                            .transitions(model, (&item.st, tk), &mut self.feats);
                        self.tcache.insert(key, scores);
                    }
                }
            } else {
                transition_features(&item.st, tk, &mut self.feats);
                model.transitions(&self.feats, &mut scores);
            }
            for (t, &s) in scores.iter().enumerate() {
                if !item.st.valid(t) {
                    continue;
                }
                match item.st.arc(t).filter(|_| self.label_weight != 0.0) {
                    Some((h, d)) => {
                        let (l, m) = if !self.decoding {
                            label_features(&item.st, tk, h, d, t, &mut self.lfeats);
                            model.labels(&self.lfeats, &mut self.lscores);
                            let l = super::parser::argmax(&self.lscores);
                            (l as u16, margin(&self.lscores, l))
                        } else {
                            let key = item.st.label_key(h, d, t);
                            match self.lcache.get(&key) {
                                Some(&v) => v,
                                None => {
                                    self.groups.labels(
                                        model,
                                        (&item.st, tk),
                                        (h, d, t),
                                        &mut self.lfeats,
                                        &mut self.lscores,
                                    );
                                    let l = super::parser::argmax(&self.lscores);
                                    let v = (l as u16, margin(&self.lscores, l));
                                    self.lcache.insert(key, v);
                                    v
                                }
                            }
                        };
                        let bonus = self.label_weight * m;
                        self.cands.push((item.score + s + bonus, i, t, l));
                    }
                    None => self.cands.push((item.score + s, i, t, u16::MAX)),
                }
            }
            if let Some(g) = gold {
                self.costs.push(item.st.costs(g.heads, g.children));
            }
        }
        self.cands
            .sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        self.cands.truncate(self.width);
        while self.next.len() < self.cands.len() {
            self.next.push(self.items[0].clone());
        }
        self.last_use.clear();
        self.last_use.resize(self.live, usize::MAX);
        for (k, c) in self.cands.iter().enumerate() {
            self.last_use[c.1] = k;
        }
        for k in 0..self.cands.len() {
            let (score, i, t, chosen) = self.cands[k];
            let from = &self.items[i];
            let optimal = self.costs.get(i).is_none_or(|c| {
                let min = *c.iter().min().expect("three costs");
                c[t] == min
            });
            let label = match from.st.arc(t) {
                Some(_) if chosen != u16::MAX => chosen,
                Some((h, d)) => {
                    label_features(&from.st, tk, h, d, t, &mut self.lfeats);
                    model.labels(&self.lfeats, &mut self.lscores);
                    super::parser::argmax(&self.lscores) as u16
                }
                None => 0,
            };
            let to = &mut self.next[k];
            if self.last_use[i] == k {
                // The parent's last successor takes its buffers.
                std::mem::swap(&mut self.items[i], to);
            } else {
                to.copy_from(from, !self.decoding);
            }
            to.score = score;
            to.correct &= optimal;
            to.st.apply(t, label);
            if !self.decoding {
                to.hist.push((t as u8, label));
            }
        }
        self.live = self.cands.len();
        std::mem::swap(&mut self.items, &mut self.next);
    }

    /// The best complete parse of a sentence of `n` words.
    pub(super) fn decode(&mut self, model: &impl Scorer, tk: &Tokens, n: usize) -> &State {
        self.start(n);
        self.decoding = true;
        self.groups.start();
        self.lcache.clear();
        self.tcache.clear();
        while !self.items[0].st.terminal() {
            self.step(model, tk, None);
        }
        &self.items[0].st
    }
}

/// One sentence of max-violation training: the beam and the gold path (the best-scoring
/// optimal transition at each step, gold labels on gold arcs) advance together; the prefix
/// pair where the best beam item is not optimal and outscores the gold path by most is
/// updated. Returns (words whose head the final best item got right, words).
pub(super) fn train_sentence(
    beam: &mut Beam,
    weights: (&mut Trainable, &mut Trainable),
    c: &mut f32,
    tk: &Tokens,
    gold: &Gold,
    glabel: &[u16],
) -> (usize, usize) {
    let n = gold.heads.len() - 2;
    beam.start(n);
    beam.decoding = false;
    let mut g = Item::new(n);
    let mut worst: Option<(f32, Vec<(u8, u16)>)> = None;
    let mut scores = [0f32; 3];
    while !g.st.terminal() {
        beam.step(&(&*weights.0, &*weights.1), tk, Some(gold));
        transition_features(&g.st, tk, &mut beam.feats);
        weights.0.score(&beam.feats, &mut scores);
        let costs = g.st.costs(gold.heads, gold.children);
        let min = *costs.iter().min().expect("three costs");
        let t = (0..3)
            .filter(|&t| g.st.valid(t) && costs[t] == min)
            .fold(None, |b: Option<usize>, t| match b {
                Some(b) if scores[b] >= scores[t] => Some(b),
                _ => Some(t),
            })
            .expect("an optimal transition");
        let label = gold_path_label(beam, &mut *weights.1, *c, tk, &g.st, t, gold, glabel);
        g.score += scores[t] + beam.gold_bonus;
        g.st.apply(t, label);
        g.hist.push((t as u8, label));
        *c += 1.0;
        let best = &beam.items[0];
        if !best.correct && worst.as_ref().is_none_or(|w| best.score - g.score > w.0) {
            worst = Some((best.score - g.score, best.hist.clone()));
        }
    }
    if let Some((_, pred)) = worst.filter(|w| w.0 >= 0.0) {
        update_prefixes(
            &mut *weights.0,
            *c,
            tk,
            n,
            &g.hist[..pred.len()],
            &pred,
            &mut beam.feats,
        );
    }
    let best = &beam.items[0].st;
    let right = (1..=n).filter(|&d| best.heads[d] == gold.heads[d]).count();
    (right, n)
}

/// How far label `l`'s score is above the best other label's.
fn margin(scores: &[f32], l: usize) -> f32 {
    let other = (0..scores.len())
        .filter(|&k| k != l)
        .map(|k| scores[k])
        .fold(f32::NEG_INFINITY, f32::max);
    if other.is_finite() {
        scores[l] - other
    } else {
        0.0
    }
}

/// The label of the gold path's arc `t` (the gold label on a gold arc, the model's guess
/// otherwise), training the label perceptron on gold arcs as the greedy parser does.
#[allow(clippy::too_many_arguments)]
fn gold_path_label(
    beam: &mut Beam,
    arcs: &mut Trainable,
    c: f32,
    tk: &Tokens,
    st: &State,
    t: usize,
    gold: &Gold,
    glabel: &[u16],
) -> u16 {
    beam.gold_bonus = 0.0;
    let Some((h, d)) = st.arc(t) else {
        return 0;
    };
    label_features(st, tk, h, d, t, &mut beam.lfeats);
    arcs.score(&beam.lfeats, &mut beam.lscores);
    if gold.heads[d] != h {
        let l = super::parser::argmax(&beam.lscores);
        beam.gold_bonus = beam.label_weight * margin(&beam.lscores, l);
        return l as u16;
    }
    let g = glabel[d] as usize;
    beam.gold_bonus = beam.label_weight * margin(&beam.lscores, g);
    let l = &beam.lscores;
    let rival = (0..l.len())
        .filter(|&k| k != g)
        .fold(None, |b: Option<usize>, k| match b {
            Some(b) if l[b] >= l[k] => Some(b),
            _ => Some(k),
        });
    if let Some(r) = rival.filter(|&r| l[r] >= l[g]) {
        arcs.update(&beam.lfeats, g, 1.0, c);
        arcs.update(&beam.lfeats, r, -1.0, c);
    }
    g as u16
}

/// Adds the features of the `good` transition sequence and subtracts those of `bad` (both
/// replayed from the initial configuration), after their common prefix.
fn update_prefixes(
    weights: &mut Trainable,
    c: f32,
    tk: &Tokens,
    n: usize,
    good: &[(u8, u16)],
    bad: &[(u8, u16)],
    feats: &mut Vec<u64>,
) {
    let common = good.iter().zip(bad).take_while(|(a, b)| a == b).count();
    for (path, delta) in [(good, 1.0), (bad, -1.0)] {
        let mut st = State::new(n);
        for (k, &(t, label)) in path.iter().enumerate() {
            if k >= common {
                transition_features(&st, tk, feats);
                weights.update(feats, t as usize, delta, c);
            }
            st.apply(t as usize, label);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::margin;

    #[test]
    fn margin_over_the_runner_up() {
        assert_eq!(margin(&[1.0, 3.0, 2.0], 1), 1.0);
        assert_eq!(margin(&[1.0, 3.0, 2.0], 0), -2.0);
        assert_eq!(margin(&[5.0], 0), 0.0);
    }
}
