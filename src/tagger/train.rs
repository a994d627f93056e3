use crate::tagger::conll::{Corpus, Sentence};
use crate::tagger::features::{doc_features, normalize, FeatConfig, LabelInfo, SentFeats};
use crate::tagger::gazetteer::Gazetteer;
use crate::tagger::hash::hash_str;
use crate::tagger::hash::SplitMix64;
use crate::tagger::model::{label_info, sort_labels, viterbi, Lattice, Stage, Tagger};
use crate::tagger::wordclasses::WordClasses;
use rustc_hash::FxHashMap;
use std::time::Instant;

/// Training configuration.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// Maximum number of epochs (best epoch on dev is kept when a dev set is given).
    pub epochs: usize,
    /// Stop after this many epochs without dev improvement.
    pub patience: usize,
    /// Random seed for training-data shuffles.
    pub seed: u64,
    /// Feature groups the model uses.
    pub features: FeatConfig,
    /// Train a second pass with first-pass label consistency features (cross-validated).
    pub two_pass: bool,
    /// Number of folds (by document) for the training-time gazetteer and first-pass labels.
    pub folds: usize,
    /// Gazetteer: type fires when it covers at least this fraction of the string's occurrences.
    pub gaz_min_frac: f64,
    /// Quantised weights with |q| below this are dropped (weights are scaled so max |w| = 32000).
    pub prune_min_q: i16,
    /// Print training progress.
    pub verbose: bool,
    /// Train an auxiliary tagger on this column (e.g. POS = 0) and use its predictions as
    /// features (cross-validated predictions on the training documents). Saved inside the model.
    pub aux_column: Option<usize>,
    /// Folds for the auxiliary tagger's cross-validated predictions.
    pub aux_folds: usize,
    /// Use BIOES labels internally (output stays IOB2).
    pub bioes: bool,
    /// Number of perceptrons (different shuffles) whose averaged weights are averaged.
    pub ensemble: usize,
    /// When a dev set is given: after choosing the epoch counts by early stopping on it, train
    /// the final model (and its auxiliary tagger) again on train + dev for those epoch counts.
    pub refit: bool,
}

impl TrainConfig {
    /// Default configuration for named-entity recognition.
    pub fn ner() -> TrainConfig {
        TrainConfig {
            epochs: 15,
            patience: 4,
            seed: 1,
            features: FeatConfig {
                word_classes: true,
                doc_hints: true,
                gazetteer: true,
                consistency: false,
                aux: false,
                lexicon: false,
                extra: true,
            },
            two_pass: true,
            folds: 10,
            gaz_min_frac: 0.2,
            prune_min_q: 2,
            verbose: true,
            aux_column: None,
            aux_folds: 5,
            bioes: true,
            ensemble: 5,
            refit: false,
        }
    }
    /// Default configuration for part-of-speech tagging.
    pub fn pos() -> TrainConfig {
        TrainConfig {
            features: FeatConfig {
                word_classes: true,
                doc_hints: false,
                gazetteer: false,
                consistency: false,
                aux: false,
                lexicon: true,
                extra: true,
            },
            two_pass: false,
            epochs: 10,
            ensemble: 3,
            ..TrainConfig::ner()
        }
    }
    /// Chunking: uses a POS tagger (trained on column 0) as auxiliary.
    pub fn chunk() -> TrainConfig {
        let mut c = TrainConfig::pos();
        c.features.aux = true;
        c.aux_column = Some(0);
        c.bioes = false;
        c.epochs = 20;
        c.refit = true;
        c
    }
}

/// A document's sentences of tokens with their gold label ids.
type TaggedDoc<'a> = (Vec<Vec<&'a str>>, Vec<Vec<u16>>);

fn doc_tokens(doc: &[crate::tagger::conll::Sentence]) -> Vec<Vec<&str>> {
    doc.iter().map(|s| s.token_strs()).collect()
}

/// Convert an IOB2 sequence to BIOES.
pub(crate) fn to_bioes(col: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(col.len());
    for (i, l) in col.iter().enumerate() {
        let ty = crate::tagger::conll::tag_type(l);
        let next_cont = col
            .get(i + 1)
            .map(|x| x.starts_with("I-") && crate::tagger::conll::tag_type(x) == ty)
            .unwrap_or(false);
        out.push(if let Some(t) = l.strip_prefix("B-") {
            if next_cont {
                l.clone()
            } else {
                format!("S-{t}")
            }
        } else if let Some(t) = l.strip_prefix("I-") {
            if next_cont {
                l.clone()
            } else {
                format!("E-{t}")
            }
        } else {
            l.clone()
        });
    }
    out
}

fn build_gaz(
    docs: &[TaggedDoc],
    which: &dyn Fn(usize) -> bool,
    info: &LabelInfo,
    min_frac: f64,
) -> Gazetteer {
    let mut sents = Vec::new();
    for (d, (toks, gold)) in docs.iter().enumerate() {
        if !which(d) {
            continue;
        }
        for (s, g) in toks.iter().zip(gold) {
            let hs = s.iter().map(|w| hash_str(&normalize(w))).collect();
            let tg = g
                .iter()
                .map(|&l| (info.ty[l as usize], info.begin[l as usize]))
                .collect();
            sents.push((hs, tg));
        }
    }
    Gazetteer::build(&sents, min_frac)
}

fn build_lex(docs: &[TaggedDoc], which: &dyn Fn(usize) -> bool) -> rustc_hash::FxHashMap<u64, u64> {
    let mut sents = Vec::new();
    let mut lower = String::new();
    for (d, (toks, gold)) in docs.iter().enumerate() {
        if !which(d) {
            continue;
        }
        for (s, g) in toks.iter().zip(gold) {
            let mut hs = Vec::with_capacity(s.len());
            let mut ls = Vec::with_capacity(s.len());
            for w in s {
                let w = normalize(w);
                hs.push(hash_str(&w));
                crate::tagger::features::lower_into(&w, &mut lower);
                ls.push(hash_str(&lower));
            }
            sents.push((hs, ls, g.clone()));
        }
    }
    crate::tagger::gazetteer::build_lexicon(&sents)
}

/// Evaluate a tagger on a corpus column: span F1 for IOB columns, else token accuracy.
pub(crate) fn evaluate(
    t: &Tagger,
    corpus: &Corpus,
    column: usize,
    classes: &WordClasses,
    iob: bool,
) -> f64 {
    let mut gold: Vec<Vec<&str>> = Vec::new();
    let mut pred: Vec<Vec<&str>> = Vec::new();
    for doc in &corpus.documents {
        let toks = doc_tokens(doc);
        let p = t.tag_document(&toks, classes);
        for (s, ps) in doc.iter().zip(p) {
            gold.push(s.columns[column].iter().map(|x| x.as_str()).collect());
            pred.push(
                ps.iter()
                    .map(|&l| t.out_labels[l as usize].as_str())
                    .collect(),
            );
        }
    }
    if iob {
        crate::tagger::score::score(&gold, &pred).f1()
    } else {
        crate::tagger::score::token_accuracy(&gold, &pred)
    }
}

struct Trainer<'a> {
    n: usize,
    allowed: &'a [bool],
    final_ok: &'a [bool],
    index: FxHashMap<u64, u32>,
    w: Vec<i32>,
    u: Vec<i64>,
    tw: Vec<i32>,
    tu: Vec<i64>,
    c: i64,
}

impl<'a> Trainer<'a> {
    fn new(n: usize, allowed: &'a [bool], final_ok: &'a [bool]) -> Self {
        Trainer {
            n,
            allowed,
            final_ok,
            index: FxHashMap::default(),
            w: Vec::new(),
            u: Vec::new(),
            tw: vec![0; (n + 1) * n],
            tu: vec![0; (n + 1) * n],
            c: 1,
        }
    }

    fn step(&mut self, sf: &SentFeats, gold: &[u16], em: &mut Vec<i32>, pred: &mut Vec<u16>) {
        let n = self.n;
        let len = sf.len();
        em.clear();
        em.resize(len * n, 0);
        for i in 0..len {
            let row = &mut em[i * n..(i + 1) * n];
            for f in sf.token(i) {
                if let Some(&r) = self.index.get(f) {
                    for (a, &b) in row
                        .iter_mut()
                        .zip(&self.w[r as usize * n..(r as usize + 1) * n])
                    {
                        *a += b;
                    }
                }
            }
        }
        let lattice = Lattice {
            em,
            len,
            n,
            trans: &self.tw,
            allowed: self.allowed,
            final_ok: self.final_ok,
        };
        viterbi(&lattice, pred);
        if pred.as_slice() != gold {
            let c = self.c;
            for i in 0..len {
                let (g, p) = (gold[i] as usize, pred[i] as usize);
                if g != p {
                    for &f in sf.token(i) {
                        let r = match self.index.get(&f) {
                            Some(&r) => r as usize,
                            None => {
                                let r = self.index.len();
                                self.index.insert(f, r as u32);
                                self.w.resize((r + 1) * n, 0);
                                self.u.resize((r + 1) * n, 0);
                                r
                            }
                        };
                        self.w[r * n + g] += 1;
                        self.u[r * n + g] += c;
                        self.w[r * n + p] -= 1;
                        self.u[r * n + p] -= c;
                    }
                }
                let pg = if i == 0 { n } else { gold[i - 1] as usize };
                let pp = if i == 0 { n } else { pred[i - 1] as usize };
                if (pg, g) != (pp, p) {
                    self.tw[pg * n + g] += 1;
                    self.tu[pg * n + g] += c;
                    self.tw[pp * n + p] -= 1;
                    self.tu[pp * n + p] -= c;
                }
            }
        }
        self.c += 1;
    }
}

/// Average the averaged weights of several trainers (an ensemble of shuffles), quantise and prune.
fn combine(trs: &[Trainer], cfg: FeatConfig, gaz: Option<Gazetteer>, min_q: i16) -> Stage {
    let n = trs[0].n;
    let k = trs.len() as f64;
    let avg = |t: &Trainer, i: usize| t.w[i] as f64 - t.u[i] as f64 / t.c as f64;
    let tavg = |t: &Trainer, i: usize| t.tw[i] as f64 - t.tu[i] as f64 / t.c as f64;
    let mut keys: Vec<u64> = trs.iter().flat_map(|t| t.index.keys().copied()).collect();
    keys.sort_unstable();
    keys.dedup();
    let mut rows = vec![0f64; keys.len() * n];
    let mut maxabs = 1e-9f64;
    for (ki, key) in keys.iter().enumerate() {
        for t in trs {
            if let Some(&r) = t.index.get(key) {
                for l in 0..n {
                    rows[ki * n + l] += avg(t, r as usize * n + l) / k;
                }
            }
        }
        for l in 0..n {
            maxabs = maxabs.max(rows[ki * n + l].abs());
        }
    }
    let mut trans_f = vec![0f64; (n + 1) * n];
    for t in trs {
        for (i, x) in trans_f.iter_mut().enumerate() {
            *x += tavg(t, i) / k;
        }
    }
    for x in &trans_f {
        maxabs = maxabs.max(x.abs());
    }
    let scale = 32000.0 / maxabs;
    let mut kept: Vec<u64> = Vec::new();
    let mut wq: Vec<i16> = Vec::new();
    let mut row = vec![0i16; n];
    for (ki, &key) in keys.iter().enumerate() {
        let mut any = false;
        for l in 0..n {
            let q = (rows[ki * n + l] * scale).round() as i32;
            let q = if q.abs() < min_q as i32 {
                0
            } else {
                q.clamp(-32767, 32767) as i16
            };
            row[l] = q;
            any |= q != 0;
        }
        if any {
            kept.push(key);
            wq.extend_from_slice(&row);
        }
    }
    let trans = trans_f.iter().map(|x| (x * scale).round() as i32).collect();
    Stage::build(cfg, n, &kept, &wq, trans, gaz)
}

/// Trains one stage (an ensemble of averaged perceptrons) on prepared sentence features; with
/// `eval`, keeps the epoch that scores best (early stopping with `config.patience`).
#[allow(clippy::too_many_arguments)]
pub(crate) fn train_stage(
    config: &TrainConfig,
    cfg: FeatConfig,
    gaz: Option<Gazetteer>,
    n: usize,
    allowed: &[bool],
    final_ok: &[bool],
    sents: &[(&SentFeats, &[u16])],
    epochs: usize,
    mut eval: Option<&mut dyn FnMut(&Stage) -> f64>,
    tag: &str,
) -> (Stage, usize) {
    let k = config.ensemble.max(1);
    let mut trs: Vec<Trainer> = (0..k).map(|_| Trainer::new(n, allowed, final_ok)).collect();
    let mut orders: Vec<Vec<usize>> = vec![(0..sents.len()).collect(); k];
    let mut rngs: Vec<SplitMix64> = (0..k as u64)
        .map(|e| SplitMix64(config.seed.wrapping_add(e.wrapping_mul(0x1000_0001))))
        .collect();
    let mut best: Option<(f64, usize, Stage)> = None;
    let mut em = Vec::new();
    let mut pred = Vec::new();
    let t0 = Instant::now();
    for ep in 1..=epochs {
        for ((tr, order), rng) in trs.iter_mut().zip(orders.iter_mut()).zip(rngs.iter_mut()) {
            for i in (1..order.len()).rev() {
                let j = (rng.next() % (i as u64 + 1)) as usize;
                order.swap(i, j);
            }
            for &x in order.iter() {
                let (sf, g) = sents[x];
                tr.step(sf, g, &mut em, &mut pred);
            }
        }
        if let Some(ev) = eval.as_mut() {
            let st = combine(&trs, cfg, gaz.clone(), config.prune_min_q);
            let s = ev(&st);
            if config.verbose {
                eprintln!(
                    "[{tag}] epoch {ep}: dev {s:.4} ({} feats, {} kept) {:.1}s",
                    trs[0].index.len(),
                    st.index.len(),
                    t0.elapsed().as_secs_f64()
                );
            }
            let better = best.as_ref().map(|b| s > b.0).unwrap_or(true);
            if better {
                best = Some((s, ep, st));
            } else if ep - best.as_ref().unwrap().1 >= config.patience {
                break;
            }
        }
    }
    match best {
        Some((_, ep, st)) => (st, ep),
        None => {
            let st = combine(&trs, cfg, gaz, config.prune_min_q);
            if config.verbose {
                eprintln!(
                    "[{tag}] {epochs} epochs, {} kept feats, {:.1}s",
                    st.index.len(),
                    t0.elapsed().as_secs_f64()
                );
            }
            (st, epochs)
        }
    }
}

/// Epoch counts of a training run: chosen on the dev set, or fixed for a refit.
#[derive(Clone, Copy, Debug)]
struct Epochs {
    /// The auxiliary tagger's (first pass).
    aux: Option<usize>,
    /// First pass.
    pass1: usize,
    /// Second pass (if any).
    pass2: usize,
}

/// Train a tagger on `column` of `train` (index into `Sentence::columns`, e.g. for 4-column
/// CoNLL-2003: 0 = POS, 1 = chunk, 2 = NER). `dev` (same column) is used only to pick the epoch
/// counts; with [`TrainConfig::refit`] the model is then trained again on `train` + `dev`.
pub fn train(
    config: &TrainConfig,
    train: &Corpus,
    dev: Option<&Corpus>,
    classes: &WordClasses,
    column: usize,
) -> Tagger {
    let (tagger, epochs) = train_fit(config, train, dev, classes, column, None);
    match dev {
        Some(dev) if config.refit => {
            if config.verbose {
                eprintln!("refit on train + dev with {epochs:?}");
            }
            let mut all = train.clone();
            all.documents.extend(dev.documents.iter().cloned());
            train_fit(config, &all, None, classes, column, Some(epochs)).0
        }
        _ => tagger,
    }
}

/// One training run: epoch counts chosen by early stopping on `dev`, or `fixed` ones (then
/// `dev` should be `None`).
fn train_fit(
    config: &TrainConfig,
    train: &Corpus,
    dev: Option<&Corpus>,
    classes: &WordClasses,
    column: usize,
    fixed: Option<Epochs>,
) -> (Tagger, Epochs) {
    let space = LabelSpace::new(config, train, column);
    let docs: Vec<TaggedDoc> = train
        .documents
        .iter()
        .map(|d| (doc_tokens(d), space.gold(d, column)))
        .collect();
    let folds = Folds(config.folds.max(2).min(docs.len().max(2)));
    let mut cfg1 = config.features;
    cfg1.consistency = false;
    cfg1.gazetteer &= space.iob;
    let t_all = Instant::now();
    let aux = match (config.features.aux, config.aux_column) {
        (true, Some(ac)) => Some(train_auxiliary(
            config, train, dev, classes, ac, &docs, fixed, t_all,
        )),
        _ => {
            cfg1.aux = false;
            None
        }
    };
    let aux_of = |d: usize| aux.as_ref().map(|a| a.predictions[d].as_slice());
    let with_aux = |mut t: Tagger| -> Tagger {
        t.aux = aux.as_ref().map(|a| Box::new(a.tagger.clone()));
        t
    };
    let (full_gaz, fold_gaz) = gazetteers(&cfg1, config, &docs, &space.info, folds);
    let feats1 = pass_features(&cfg1, classes, &fold_gaz, folds, &docs, None, &aux_of);
    if config.verbose {
        eprintln!(
            "features for {} docs in {:.1}s",
            docs.len(),
            t_all.elapsed().as_secs_f64()
        );
    }
    let idx_all = nonempty_sentences(&feats1, &|_| true);
    let sents1 = with_gold(&idx_all, &feats1, &docs);
    let mut eval1 = |st: &Stage| -> f64 {
        let t = with_aux(Tagger::new(space.labels.clone(), vec![st.clone()]));
        evaluate(&t, dev.unwrap(), column, classes, space.iob)
    };
    let t1 = Instant::now();
    let (stage1, best_ep) = train_stage(
        config,
        cfg1,
        full_gaz.clone(),
        space.labels.len(),
        &space.allowed,
        &space.final_ok,
        &sents1,
        fixed.map_or(config.epochs, |e| e.pass1),
        dev.is_some()
            .then_some(&mut eval1 as &mut dyn FnMut(&Stage) -> f64),
        "pass1",
    );
    if config.verbose {
        eprintln!(
            "pass1: best epoch {best_ep}, {:.1}s",
            t1.elapsed().as_secs_f64()
        );
    }
    let mut epochs = Epochs {
        aux: aux.as_ref().map(|a| a.epochs),
        pass1: best_ep,
        pass2: 0,
    };
    if !(config.two_pass && space.iob) {
        return (with_aux(Tagger::new(space.labels, vec![stage1])), epochs);
    }

    let cv_labels = out_of_fold_labels(config, cfg1, &space, folds, (&feats1, &docs), best_ep);
    drop(sents1);
    let mut cfg2 = cfg1;
    cfg2.consistency = true;
    let labels = Some((cv_labels.as_slice(), &space.info));
    let feats2 = pass_features(&cfg2, classes, &fold_gaz, folds, &docs, labels, &aux_of);
    drop(feats1);
    let sents2 = with_gold(&idx_all, &feats2, &docs);
    let mut eval2 = |st: &Stage| -> f64 {
        let stages = vec![stage1.clone(), st.clone()];
        let t = with_aux(Tagger::new(space.labels.clone(), stages));
        evaluate(&t, dev.unwrap(), column, classes, space.iob)
    };
    let (stage2, best2) = train_stage(
        config,
        cfg2,
        full_gaz,
        space.labels.len(),
        &space.allowed,
        &space.final_ok,
        &sents2,
        fixed.map_or(config.epochs, |e| e.pass2),
        dev.is_some()
            .then_some(&mut eval2 as &mut dyn FnMut(&Stage) -> f64),
        "pass2",
    );
    if config.verbose {
        eprintln!(
            "pass2: best epoch {best2}, total {:.1}s",
            t_all.elapsed().as_secs_f64()
        );
    }
    epochs.pass2 = best2;
    (
        with_aux(Tagger::new(space.labels, vec![stage1, stage2])),
        epochs,
    )
}

/// A column's labels as the model sees them (BIOES inside when configured for an IOB column),
/// and what decoding needs to know of them.
struct LabelSpace {
    labels: Vec<String>,
    ids: FxHashMap<String, u16>,
    bioes: bool,
    info: LabelInfo,
    allowed: Vec<bool>,
    final_ok: Vec<bool>,
    /// The labels are IOB tags: span F1 on dev, gazetteers, a second pass.
    iob: bool,
}

impl LabelSpace {
    fn new(config: &TrainConfig, train: &Corpus, column: usize) -> LabelSpace {
        let iob_column = train
            .sentences()
            .filter_map(|s| s.columns.get(column))
            .flatten()
            .all(|l| crate::tagger::conll::is_iob_tag(l));
        let bioes = config.bioes && iob_column;
        let internal = |col: &[String]| if bioes { to_bioes(col) } else { col.to_vec() };
        let labels = sort_labels(
            train
                .sentences()
                .filter_map(|s| s.columns.get(column))
                .flat_map(|c| internal(c))
                .collect(),
        );
        assert!(
            !labels.is_empty() && labels.len() <= 255,
            "need 1..=255 labels"
        );
        let ids = labels
            .iter()
            .enumerate()
            .map(|(i, l)| (l.clone(), i as u16))
            .collect();
        let (info, allowed, final_ok, iob) = label_info(&labels);
        LabelSpace {
            labels,
            ids,
            bioes,
            info,
            allowed,
            final_ok,
            iob,
        }
    }

    /// The label ids of `column` in each sentence of `doc` (0 for a label not seen in
    /// training, all 0 for a sentence without the column).
    fn gold(&self, doc: &[Sentence], column: usize) -> Vec<Vec<u16>> {
        doc.iter()
            .map(|s| match s.columns.get(column) {
                Some(c) => {
                    let internal = if self.bioes { to_bioes(c) } else { c.to_vec() };
                    internal
                        .iter()
                        .map(|l| *self.ids.get(l.as_str()).unwrap_or(&0))
                        .collect()
                }
                None => vec![0; s.len()],
            })
            .collect()
    }
}

/// The k folds of the training documents: document `d` is in fold `d % k`.
#[derive(Clone, Copy)]
struct Folds(usize);

impl Folds {
    fn of(self, d: usize) -> usize {
        d % self.0
    }
}

/// An auxiliary tagger (e.g. POS for NER) trained on all training documents, its epoch
/// count, and each training document's out-of-fold predictions in its label ids.
struct Auxiliary {
    tagger: Tagger,
    epochs: usize,
    predictions: Vec<Vec<Vec<u16>>>,
}

/// Trains the auxiliary tagger on `column` of `train` with the POS settings, and tags each
/// document of `docs` with a tagger trained on the other `config.aux_folds` folds.
#[allow(clippy::too_many_arguments)]
fn train_auxiliary(
    config: &TrainConfig,
    train: &Corpus,
    dev: Option<&Corpus>,
    classes: &WordClasses,
    column: usize,
    docs: &[TaggedDoc],
    fixed: Option<Epochs>,
    started: Instant,
) -> Auxiliary {
    let mut acfg = TrainConfig::pos();
    acfg.seed = config.seed;
    acfg.ensemble = config.ensemble;
    acfg.verbose = config.verbose;
    let aux_fixed = fixed.and_then(|e| e.aux).map(|pass1| Epochs {
        aux: None,
        pass1,
        pass2: 0,
    });
    let (full, full_epochs) = train_fit(&acfg, train, dev, classes, column, aux_fixed);
    acfg.verbose = false;
    let folds = Folds(config.aux_folds.max(2).min(docs.len().max(2)));
    let mut predictions = vec![Vec::new(); docs.len()];
    for f in 0..folds.0 {
        let others = Corpus {
            documents: train
                .documents
                .iter()
                .enumerate()
                .filter(|&(d, _)| folds.of(d) != f)
                .map(|(_, x)| x.clone())
                .collect(),
        };
        let t = train_fit(&acfg, &others, dev, classes, column, aux_fixed).0;
        // The fold model's label ids, in the full model's label space.
        let to_full = |l: u16| {
            full.labels()
                .iter()
                .position(|x| *x == t.labels()[l as usize])
                .unwrap_or(0) as u16
        };
        for d in (0..docs.len()).filter(|&d| folds.of(d) == f) {
            predictions[d] = t
                .tag_document(&docs[d].0, classes)
                .into_iter()
                .map(|s| s.into_iter().map(to_full).collect())
                .collect();
        }
        if config.verbose {
            eprintln!(
                "  aux fold {f} done {:.1}s",
                started.elapsed().as_secs_f64()
            );
        }
    }
    Auxiliary {
        tagger: full,
        epochs: full_epochs.pass1,
        predictions,
    }
}

/// The gazetteer (and lexicon) of every training document, for the model, and one per fold
/// from the other folds' documents, for the training features; none when `cfg` uses neither.
fn gazetteers(
    cfg: &FeatConfig,
    config: &TrainConfig,
    docs: &[TaggedDoc],
    info: &LabelInfo,
    folds: Folds,
) -> (Option<Gazetteer>, Vec<Gazetteer>) {
    if !(cfg.gazetteer || cfg.lexicon) {
        return (None, Vec::new());
    }
    let build = |which: &dyn Fn(usize) -> bool| {
        let mut g = if cfg.gazetteer {
            build_gaz(docs, which, info, config.gaz_min_frac)
        } else {
            Gazetteer::default()
        };
        if cfg.lexicon {
            g.lex = build_lex(docs, which);
        }
        g
    };
    let full = build(&|_| true);
    let per_fold = (0..folds.0).map(|f| build(&|d| folds.of(d) != f)).collect();
    (Some(full), per_fold)
}

/// Each training document's sentence features for one pass, with its fold's gazetteer (if
/// any), its auxiliary predictions, and for a second pass the first pass's out-of-fold labels.
fn pass_features<'l>(
    cfg: &FeatConfig,
    classes: &WordClasses,
    fold_gaz: &[Gazetteer],
    folds: Folds,
    docs: &[TaggedDoc],
    labels: Option<(&'l [Vec<Vec<u16>>], &'l LabelInfo)>,
    aux_of: &dyn Fn(usize) -> Option<&'l [Vec<u16>]>,
) -> Vec<Vec<SentFeats>> {
    docs.iter()
        .enumerate()
        .map(|(d, (toks, _))| {
            let gaz = fold_gaz.get(folds.of(d));
            let labels = labels.map(|(l, info)| (l[d].as_slice(), info));
            let mut out = Vec::new();
            doc_features(cfg, classes, gaz, toks, labels, aux_of(d), false, &mut out);
            out
        })
        .collect()
}

/// The (document, sentence) indices of the non-empty sentences of the documents `which` keeps.
fn nonempty_sentences(
    feats: &[Vec<SentFeats>],
    which: &dyn Fn(usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut v = Vec::new();
    for (d, fs) in feats.iter().enumerate().filter(|&(d, _)| which(d)) {
        v.extend((0..fs.len()).filter(|&s| fs[s].len() > 0).map(|s| (d, s)));
    }
    v
}

/// The features of the sentences `idx`, each with its gold labels.
fn with_gold<'a>(
    idx: &[(usize, usize)],
    feats: &'a [Vec<SentFeats>],
    docs: &'a [TaggedDoc],
) -> Vec<(&'a SentFeats, &'a [u16])> {
    idx.iter()
        .map(|&(d, s)| (&feats[d][s], docs[d].1[s].as_slice()))
        .collect()
}

/// The first pass's labels of each training document, from a first-pass model trained for
/// `epochs` on the other folds (the consistency features of the second pass).
fn out_of_fold_labels(
    config: &TrainConfig,
    cfg: FeatConfig,
    space: &LabelSpace,
    folds: Folds,
    (feats, docs): (&[Vec<SentFeats>], &[TaggedDoc]),
    epochs: usize,
) -> Vec<Vec<Vec<u16>>> {
    let started = Instant::now();
    let quiet = TrainConfig {
        verbose: false,
        ..config.clone()
    };
    let mut labels = vec![Vec::new(); docs.len()];
    for f in 0..folds.0 {
        let idx = nonempty_sentences(feats, &|d| folds.of(d) != f);
        let sents = with_gold(&idx, feats, docs);
        let (stage, _) = train_stage(
            &quiet,
            cfg,
            None,
            space.labels.len(),
            &space.allowed,
            &space.final_ok,
            &sents,
            epochs,
            None,
            "fold",
        );
        let t = Tagger::new(space.labels.clone(), vec![stage]);
        for d in (0..docs.len()).filter(|&d| folds.of(d) == f) {
            // The held-out documents' features already use their fold's gazetteer.
            labels[d] = t.decode(&t.stages[0], &feats[d], None);
        }
        if config.verbose {
            eprintln!("  fold {f} done {:.1}s", started.elapsed().as_secs_f64());
        }
    }
    labels
}
