//! Dependency parsing with tags and lemmas, trained on a Universal Dependencies treebank (UD
//! English EWT): a Penn-tag (XPOS) tagger on the project's tagger engine, UPOS derived from
//! (XPOS, lowercased word), a learned lemmatizer, and an arc-hybrid parser. The library side of
//! `claimex parse train|eval|tag`.

mod beam;
pub mod conllu;
pub mod lemma;
mod memo;
pub mod parser;
pub mod score;
pub mod tree;
mod weights;

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::tagger::conll::{Corpus, Sentence as ConllSentence};
use crate::tagger::{ModelError, Tagger, TrainConfig, WordClasses};

use conllu::{Sentence, Word};
use lemma::Lemmatizer;
use parser::{Parser, ParserConfig, TrainSentence, Training};

const MAGIC: &[u8; 8] = b"CXPARSE3";

/// UPOS from (XPOS, lowercased word), falling back to the most frequent UPOS of the XPOS.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UposTable {
    by_word: BTreeMap<(String, String), String>,
    by_tag: BTreeMap<String, String>,
}

fn most_frequent(m: &BTreeMap<String, usize>) -> String {
    let mut best: Option<(&String, usize)> = None;
    for (k, &c) in m {
        if best.is_none_or(|(_, b)| c > b) {
            best = Some((k, c));
        }
    }
    best.map_or_else(|| "X".to_string(), |(k, _)| k.clone())
}

impl UposTable {
    /// Learns the table from (word, xpos, upos) triples.
    pub fn train<'a>(examples: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Self {
        let mut words: BTreeMap<(String, String), BTreeMap<String, usize>> = BTreeMap::new();
        let mut tags: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        for (w, x, u) in examples {
            *words
                .entry((x.to_string(), w.to_lowercase()))
                .or_default()
                .entry(u.to_string())
                .or_default() += 1;
            *tags
                .entry(x.to_string())
                .or_default()
                .entry(u.to_string())
                .or_default() += 1;
        }
        let by_tag: BTreeMap<String, String> = tags
            .iter()
            .map(|(k, m)| (k.clone(), most_frequent(m)))
            .collect();
        // Only the words whose UPOS differs from their tag's default are stored.
        let by_word = words
            .iter()
            .map(|(k, m)| (k.clone(), most_frequent(m)))
            .filter(|(k, u)| by_tag.get(&k.0) != Some(u))
            .collect();
        UposTable { by_word, by_tag }
    }

    /// The UPOS of `word` tagged `xpos`.
    pub fn upos(&self, word: &str, xpos: &str) -> &str {
        if let Some(u) = self.by_word.get(&(xpos.to_string(), word.to_lowercase())) {
            return u;
        }
        self.by_tag.get(xpos).map_or("X", String::as_str)
    }

    fn to_text(&self) -> String {
        let mut s = String::new();
        for (x, u) in &self.by_tag {
            s += &format!("T\t{x}\t{u}\n");
        }
        for ((x, w), u) in &self.by_word {
            if !w.contains(['\t', '\n']) {
                s += &format!("W\t{x}\t{u}\t{w}\n");
            }
        }
        s
    }

    fn from_text(text: &str) -> Option<UposTable> {
        let mut t = UposTable::default();
        for line in text.lines().filter(|l| !l.is_empty()) {
            let mut p = line.splitn(4, '\t');
            match (p.next()?, p.next()?, p.next()?) {
                ("T", x, u) => {
                    t.by_tag.insert(x.into(), u.into());
                }
                ("W", x, u) => {
                    t.by_word.insert((x.into(), p.next()?.into()), u.into());
                }
                _ => return None,
            }
        }
        Some(t)
    }
}

/// The whole model: tagger, UPOS table, lemmatizer and parser.
#[derive(Clone)]
pub struct ParseModel {
    /// Penn-tag tagger.
    pub tagger: Tagger,
    /// UPOS tagger (when absent, UPOS comes from the table alone).
    pub upos_tagger: Option<Tagger>,
    /// UPOS from XPOS and word.
    pub upos: UposTable,
    /// Lemmatizer.
    pub lemmatizer: Lemmatizer,
    /// Dependency parser.
    pub parser: Parser,
}

/// A sentence's XPOS and UPOS tags.
type SentenceTags<'m> = (Vec<&'m str>, Vec<&'m str>);

/// What the model finds in one sentence, one entry per token; the names borrow the model's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Syntax<'m> {
    /// Penn tags.
    pub xpos: Vec<&'m str>,
    /// Universal tags.
    pub upos: Vec<&'m str>,
    /// Lemmas.
    pub lemmas: Vec<String>,
    /// Heads: 0 for the root, otherwise the 1-based position of the head in the sentence.
    pub heads: Vec<u32>,
    /// Universal dependency relations.
    pub relations: Vec<&'m str>,
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Parser settings (epochs, seed, ...).
    pub parser: ParserConfig,
    /// Tagger epochs (0 = the POS default).
    pub tagger_epochs: usize,
    /// Tagger ensemble size (0 = the POS default).
    pub tagger_ensemble: usize,
    /// Train the parser on tags predicted by taggers trained on the other folds of the
    /// training set (this many folds; 0 = on the gold tags).
    pub jackknife: usize,
    /// Train a UPOS tagger too (otherwise UPOS comes from the (XPOS, word) table).
    pub upos_tagger: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            parser: ParserConfig::default(),
            tagger_epochs: 0,
            tagger_ensemble: 0,
            jackknife: 4,
            upos_tagger: true,
        }
    }
}

/// Sentences as a tagger corpus (XPOS column), 50 sentences per document.
pub fn xpos_corpus(sentences: &[Sentence]) -> Corpus {
    tag_corpus(sentences, |w| &w.xpos)
}

/// Sentences as a tagger corpus of one column, 50 sentences per document.
fn tag_corpus(sentences: &[Sentence], column: impl Fn(&Word) -> &String) -> Corpus {
    let docs = sentences
        .chunks(50)
        .map(|chunk| {
            chunk
                .iter()
                .map(|s| ConllSentence {
                    tokens: s.words.iter().map(|w| w.form.clone()).collect(),
                    columns: vec![s.words.iter().map(|w| column(w).clone()).collect()],
                })
                .collect()
        })
        .collect();
    Corpus { documents: docs }
}

fn train_sentences(sentences: &[Sentence]) -> Vec<TrainSentence<'_>> {
    sentences
        .iter()
        .map(|s| TrainSentence {
            words: s.words.iter().map(|w| w.form.as_str()).collect(),
            xpos: s.words.iter().map(|w| w.xpos.as_str()).collect(),
            upos: s.words.iter().map(|w| w.upos.as_str()).collect(),
            heads: s.words.iter().map(|w| w.head).collect(),
            deprels: s.words.iter().map(|w| w.deprel.as_str()).collect(),
        })
        .collect()
}

impl ParseModel {
    /// Trains every part on `train`; `dev` picks the parser's epoch (best LAS with predicted
    /// tags). Progress goes to standard error when `options.parser.verbose`.
    pub fn train(
        train: &[Sentence],
        dev: Option<&[Sentence]>,
        classes: &WordClasses,
        options: &TrainOptions,
    ) -> ParseModel {
        let verbose = options.parser.verbose;
        let started = std::time::Instant::now();
        let mut tc = TrainConfig::pos();
        tc.seed = options.parser.seed;
        tc.verbose = false;
        if options.tagger_epochs > 0 {
            tc.epochs = options.tagger_epochs;
        }
        if options.tagger_ensemble > 0 {
            tc.ensemble = options.tagger_ensemble;
        }
        let dev_corpus = dev.map(xpos_corpus);
        let tagger =
            crate::tagger::train(&tc, &xpos_corpus(train), dev_corpus.as_ref(), classes, 0);
        let upos_tagger = options.upos_tagger.then(|| {
            let dev_corpus = dev.map(|d| tag_corpus(d, |w| &w.upos));
            crate::tagger::train(
                &tc,
                &tag_corpus(train, |w| &w.upos),
                dev_corpus.as_ref(),
                classes,
                0,
            )
        });
        let words = || train.iter().flat_map(|s| s.words.iter());
        let upos =
            UposTable::train(words().map(|w| (w.form.as_str(), w.xpos.as_str(), w.upos.as_str())));
        let lemmatizer = Lemmatizer::train(
            words().map(|w| (w.form.as_str(), w.upos.as_str(), w.lemma.as_str())),
        );
        if verbose {
            eprintln!(
                "tagger, UPOS table and lemmatizer trained in {:.1}s",
                started.elapsed().as_secs_f64()
            );
        }
        let mut model = ParseModel {
            tagger,
            upos_tagger,
            upos,
            lemmatizer,
            parser: Training::new(&[], options.parser.clone()).model(),
        };
        // Dev with predicted tags, tagged once.
        let dev_tagged: Option<Vec<Sentence>> = dev.map(|d| {
            d.iter()
                .map(|s| {
                    let mut t = s.clone();
                    model.tag_sentences(std::slice::from_mut(&mut t), classes);
                    t
                })
                .collect()
        });
        let jackknifed;
        let train = if options.jackknife >= 2 && train.len() >= options.jackknife {
            let t0 = std::time::Instant::now();
            jackknifed = model.jackknife(train, classes, &tc, options.jackknife);
            if verbose {
                let (right, all) = train
                    .iter()
                    .zip(&jackknifed)
                    .flat_map(|(g, p)| g.words.iter().zip(&p.words))
                    .fold((0, 0), |(r, a), (g, p)| {
                        (r + (g.xpos == p.xpos) as usize, a + 1)
                    });
                eprintln!(
                    "jackknifed tags ({} folds) in {:.1}s: training XPOS accuracy {:.4}",
                    options.jackknife,
                    t0.elapsed().as_secs_f64(),
                    right as f64 / all.max(1) as f64
                );
            }
            &jackknifed[..]
        } else {
            train
        };
        let sents = train_sentences(train);
        let mut training = Training::new(&sents, options.parser.clone());
        let mut best: Option<(f64, usize, Parser)> = None;
        for epoch in 1..=options.parser.epochs {
            let t0 = std::time::Instant::now();
            let acc = training.epoch(&sents, classes);
            let parser = training.model();
            let mut line = format!(
                "epoch {epoch}: train transition accuracy {acc:.4}, {:.1}s",
                t0.elapsed().as_secs_f64()
            );
            match (&dev_tagged, dev) {
                (Some(tagged), Some(gold)) => {
                    model.parser = parser;
                    let mut pred = tagged.clone();
                    for s in &mut pred {
                        model.parse_tagged(s, classes);
                    }
                    let scores = score::score(gold, &pred);
                    line += &format!("; dev UAS {:.4} LAS {:.4}", scores.uas, scores.las);
                    if best.as_ref().is_none_or(|b| scores.las > b.0) {
                        best = Some((scores.las, epoch, model.parser.clone()));
                    }
                }
                _ => best = Some((0.0, epoch, parser)),
            }
            if verbose {
                let (t, a) = training.sizes();
                eprintln!("{line} ({t} transition rows, {a} label rows)");
            }
        }
        if let Some((las, epoch, parser)) = best {
            if verbose && dev.is_some() {
                eprintln!("best epoch {epoch} (dev LAS {las:.4})");
            }
            model.parser = parser;
        }
        model
    }

    /// Copies of `train` whose XPOS and UPOS come from taggers trained on the other folds
    /// (one tagger per fold, a single perceptron each, folds by sentence index modulo `k`).
    fn jackknife(
        &self,
        train: &[Sentence],
        classes: &WordClasses,
        config: &TrainConfig,
        k: usize,
    ) -> Vec<Sentence> {
        use rayon::prelude::*;
        let mut fold_config = config.clone();
        fold_config.ensemble = 1;
        fold_config.epochs = fold_config.epochs.min(6);
        let tagged: Vec<Vec<(usize, Sentence)>> = (0..k)
            .into_par_iter()
            .map(|fold| {
                let rest: Vec<Sentence> = train
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % k != fold)
                    .map(|(_, s)| s.clone())
                    .collect();
                let tagger =
                    crate::tagger::train(&fold_config, &xpos_corpus(&rest), None, classes, 0);
                let part = ParseModel {
                    tagger,
                    upos_tagger: None,
                    upos: self.upos.clone(),
                    lemmatizer: self.lemmatizer.clone(),
                    parser: self.parser.clone(),
                };
                let mut held: Vec<(usize, Sentence)> = train
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % k == fold)
                    .map(|(i, s)| (i, s.clone()))
                    .collect();
                for chunk in held.chunks_mut(50) {
                    let mut sents: Vec<Sentence> = chunk.iter().map(|c| c.1.clone()).collect();
                    part.tag_sentences(&mut sents, classes);
                    for (c, t) in chunk.iter_mut().zip(sents) {
                        for (w, tw) in c.1.words.iter_mut().zip(t.words) {
                            w.xpos = tw.xpos;
                            w.upos = tw.upos;
                        }
                    }
                }
                held
            })
            .collect();
        let mut out: Vec<Option<Sentence>> = vec![None; train.len()];
        for (i, s) in tagged.into_iter().flatten() {
            out[i] = Some(s);
        }
        out.into_iter()
            .map(|s| s.expect("every fold tagged"))
            .collect()
    }

    /// The XPOS and UPOS tags of sentences of forms (the sentences are tagged independently).
    fn tags(&self, forms: &[Vec<&str>], classes: &WordClasses) -> Vec<SentenceTags<'_>> {
        let labels = self.tagger.labels();
        let xpos = self
            .tagger
            .tag_document(forms, classes)
            .into_iter()
            .map(|ids| {
                ids.into_iter()
                    .map(|i| labels.get(i as usize).map_or("NN", String::as_str))
                    .collect::<Vec<_>>()
            });
        match &self.upos_tagger {
            Some(t) => xpos.zip(t.tag_document_labels(forms, classes)).collect(),
            None => xpos
                .zip(forms)
                .map(|(x, f)| {
                    let u = f
                        .iter()
                        .zip(&x)
                        .map(|(f, x)| self.upos.upos(f, x))
                        .collect();
                    (x, u)
                })
                .collect(),
        }
    }

    /// Fills XPOS, UPOS and lemma of every word (never reading those columns).
    pub fn tag_sentences(&self, sentences: &mut [Sentence], classes: &WordClasses) {
        let forms: Vec<Vec<&str>> = sentences.iter().map(|s| s.forms()).collect();
        let tags = self.tags(&forms, classes);
        drop(forms);
        for (s, (xs, us)) in sentences.iter_mut().zip(tags) {
            for ((w, x), u) in s.words.iter_mut().zip(xs).zip(us) {
                w.upos = u.to_string();
                w.lemma = self.lemmatizer.lemma(&w.form, u);
                w.xpos = x.to_string();
            }
        }
    }

    /// Tags, lemmas, heads and relations of sentences of forms, each sentence analysed on its
    /// own (so the result for a sentence does not depend on its neighbours).
    pub fn syntax<S: AsRef<str>>(
        &self,
        sentences: &[Vec<S>],
        classes: &WordClasses,
    ) -> Vec<Syntax<'_>> {
        let forms: Vec<Vec<&str>> = sentences
            .iter()
            .map(|s| s.iter().map(AsRef::as_ref).collect())
            .collect();
        self.tags(&forms, classes)
            .into_iter()
            .zip(&forms)
            .map(|((xpos, upos), f)| {
                let (heads, relations) = self.parser.parse(f, &xpos, &upos, classes);
                Syntax {
                    lemmas: f
                        .iter()
                        .zip(&upos)
                        .map(|(w, u)| self.lemmatizer.lemma(w, u))
                        .collect(),
                    heads: heads.into_iter().map(|h| h as u32).collect(),
                    relations,
                    xpos,
                    upos,
                }
            })
            .collect()
    }

    /// Fills heads and relations from the words' forms and (predicted) tags.
    pub fn parse_tagged(&self, s: &mut Sentence, classes: &WordClasses) {
        let forms = s.forms();
        let xpos: Vec<&str> = s.words.iter().map(|w| w.xpos.as_str()).collect();
        let upos: Vec<&str> = s.words.iter().map(|w| w.upos.as_str()).collect();
        let (heads, rels) = self.parser.parse(&forms, &xpos, &upos, classes);
        let rels: Vec<String> = rels.into_iter().map(str::to_string).collect();
        for ((w, h), r) in s.words.iter_mut().zip(heads).zip(rels) {
            w.head = h;
            w.deprel = r;
        }
    }

    /// Sentences of forms, fully annotated (tags, lemmas, heads, relations).
    pub fn annotate<S: AsRef<str>>(
        &self,
        sentences: &[Vec<S>],
        classes: &WordClasses,
    ) -> Vec<Sentence> {
        sentences
            .iter()
            .zip(self.syntax(sentences, classes))
            .map(|(forms, syn)| {
                let mut s = Sentence::from_forms(forms);
                for (i, w) in s.words.iter_mut().enumerate() {
                    w.xpos = syn.xpos[i].to_string();
                    w.upos = syn.upos[i].to_string();
                    w.head = syn.heads[i] as usize;
                    w.deprel = syn.relations[i].to_string();
                }
                for (w, lemma) in s.words.iter_mut().zip(syn.lemmas) {
                    w.lemma = lemma;
                }
                s
            })
            .collect()
    }

    /// Copies of `gold` with every predicted column blanked and then predicted.
    pub fn predict(&self, gold: &[Sentence], classes: &WordClasses) -> Vec<Sentence> {
        let mut pred: Vec<Sentence> = gold
            .iter()
            .map(|s| {
                let mut p = Sentence::from_forms(&s.forms());
                p.comments = s.comments.clone();
                for (pw, gw) in p.words.iter_mut().zip(&s.words) {
                    pw.misc = gw.misc.clone();
                }
                p
            })
            .collect();
        for chunk in pred.chunks_mut(50) {
            self.tag_sentences(chunk, classes);
            for s in chunk.iter_mut() {
                self.parse_tagged(s, classes);
            }
        }
        pred
    }

    /// Diagnostic: heads and relations predicted from the gold tags (lemmas predicted from
    /// the gold UPOS), to separate parser errors from tagger errors.
    pub fn predict_with_gold_tags(
        &self,
        gold: &[Sentence],
        classes: &WordClasses,
    ) -> Vec<Sentence> {
        gold.iter()
            .map(|g| {
                let mut s = g.clone();
                for w in &mut s.words {
                    w.lemma = self.lemmatizer.lemma(&w.form, &w.upos);
                }
                self.parse_tagged(&mut s, classes);
                s
            })
            .collect()
    }

    /// Writes the model.
    pub fn write_to(&self, w: &mut dyn Write) -> io::Result<()> {
        w.write_all(MAGIC)?;
        let mut tagger = Vec::new();
        self.tagger.write_to(&mut tagger)?;
        w.write_all(&(tagger.len() as u64).to_le_bytes())?;
        w.write_all(&tagger)?;
        let mut upos_tagger = Vec::new();
        if let Some(t) = &self.upos_tagger {
            t.write_to(&mut upos_tagger)?;
        }
        w.write_all(&(upos_tagger.len() as u64).to_le_bytes())?;
        w.write_all(&upos_tagger)?;
        weights::write_str(w, &self.upos.to_text())?;
        weights::write_str(w, &self.lemmatizer.to_text())?;
        self.parser.write_to(w)
    }

    /// Reads a model written by [`ParseModel::write_to`].
    pub fn from_bytes(b: &[u8]) -> Result<ParseModel, ModelError> {
        if b.len() < 8 || &b[..8] != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let mut pos = 8;
        let n = u64::from_le_bytes(weights::take(b, &mut pos, 8)?.try_into().expect("8"));
        let n = usize::try_from(n).map_err(|_| ModelError::Truncated)?;
        let tagger = Tagger::from_bytes(weights::take(b, &mut pos, n)?)?;
        let n = u64::from_le_bytes(weights::take(b, &mut pos, 8)?.try_into().expect("8"));
        let n = usize::try_from(n).map_err(|_| ModelError::Truncated)?;
        let upos_tagger = if n == 0 {
            None
        } else {
            Some(Tagger::from_bytes(weights::take(b, &mut pos, n)?)?)
        };
        let upos = UposTable::from_text(&weights::read_str(b, &mut pos)?)
            .ok_or_else(|| ModelError::Corrupt("UPOS table".into()))?;
        let lemmatizer = Lemmatizer::from_text(&weights::read_str(b, &mut pos)?)
            .ok_or_else(|| ModelError::Corrupt("lemmatizer".into()))?;
        let parser = Parser::read(b, &mut pos)?;
        if pos != b.len() {
            return Err(ModelError::Corrupt("trailing bytes".into()));
        }
        Ok(ParseModel {
            tagger,
            upos_tagger,
            upos,
            lemmatizer,
            parser,
        })
    }
}

/// A word with only its form set, for callers building sentences.
pub fn word(form: &str) -> Word {
    Sentence::from_forms(&[form]).words.remove(0)
}

/// Raw text split into sentences of tokens by the project's cleaner, sentence splitter and
/// tokenizer (as the pipeline does).
pub fn split_text(text: &str) -> Vec<Vec<&str>> {
    use crate::sentence::SentenceSplitter;
    let abbreviations = crate::sentence::Abbreviations::default();
    let cleaner = crate::clean::Cleaner::default();
    let splitter = crate::sentence::NewsSentenceSplitter::new(abbreviations.clone());
    let tokenizer = crate::token::Tokenizer::new(abbreviations);
    let mask = cleaner.mask(text);
    let mut tokens = Vec::new();
    let mut out = Vec::new();
    for span in splitter.split(text, &mask) {
        tokens.clear();
        tokenizer.tokenize_into(text, span, &mut tokens);
        if !tokens.is_empty() {
            out.push(tokens.iter().map(|t| t.text(text)).collect());
        }
    }
    out
}

impl ParseModel {
    /// [`ParseModel::annotate`] on the rayon thread pool, 64 sentences per task; the output is
    /// the same for any number of threads.
    pub fn annotate_parallel<S: AsRef<str> + Sync>(
        &self,
        sentences: &[Vec<S>],
        classes: &WordClasses,
    ) -> Vec<Sentence> {
        use rayon::prelude::*;
        sentences
            .par_chunks(64)
            .flat_map_iter(|chunk| self.annotate(chunk, classes))
            .collect()
    }
}

/// The embedded parser model (tagger, lemmatizer and parser trained on UD English EWT,
/// CC BY-SA 4.0; see models/README.md).
pub const PARSER_MODEL: &[u8] = include_bytes!("../../models/parser.bin");

/// The embedded model, parsed once per process.
pub fn embedded() -> Result<&'static ParseModel, ModelError> {
    static MODEL: std::sync::OnceLock<ParseModel> = std::sync::OnceLock::new();
    if let Some(m) = MODEL.get() {
        return Ok(m);
    }
    let m = ParseModel::from_bytes(PARSER_MODEL)?;
    Ok(MODEL.get_or_init(|| m))
}
