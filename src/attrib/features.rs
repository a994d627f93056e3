//! Cue-tagger features of a token: its form, lowercase, shape, affixes, vector word classes,
//! the ±2 window, the quotation-mark state (inside a quotation, distance to the nearest mark),
//! named entities around it, and whether `models/cues.tsv` lists a cue there — a soft feature
//! the perceptron weighs like any other, never a gate.

use crate::document::Analysis;
use crate::quote::{pair_quotes, CueLexicon};
use crate::tagger::{feat, hash_str, lower_into, normalize, pair, SentFeats, WordClasses};
use crate::token::TokenKind;

/// Quotation state of a token: outside every quotation.
const OUTSIDE: u8 = 0;
/// Inside a quotation's content.
const INSIDE: u8 = 1;
/// An opening mark.
const OPEN: u8 = 2;
/// A closing mark.
const CLOSE: u8 = 3;

/// Boundary values for positions before the sentence start and after its end.
const BOS: u64 = 0x0b05_0b05_0b05_0b05;
const EOS: u64 = 0x0e05_0e05_0e05_0e05;

/// What the features of every sentence read from the whole article.
pub struct DocContext<'l> {
    /// Quotation state of every token of the article.
    quote: Vec<u8>,
    /// Entity label of every token (0 = none, else the label's index + 1).
    entity: Vec<u8>,
    lexicon: &'l CueLexicon,
}

/// Quotation state and entity labels of every token of `doc`.
pub fn doc_context<'l>(doc: &Analysis, lexicon: &'l CueLexicon) -> DocContext<'l> {
    let n = doc.tokens.len();
    let mut quote = vec![OUTSIDE; n];
    for q in pair_quotes(doc) {
        quote[q.open] = OPEN;
        let mut i = q.open + 1;
        while i < n && doc.tokens[i].span.start < q.outer.end {
            quote[i] = if Some(i) == q.close { CLOSE } else { INSIDE };
            i += 1;
        }
    }
    let mut entity = vec![0u8; n];
    let mut t = 0;
    for e in &doc.entities {
        while t < n && doc.tokens[t].span.end <= e.span.start {
            t += 1;
        }
        let mut k = t;
        while k < n && doc.tokens[k].span.start < e.span.end {
            entity[k] = e.label as u8 + 1;
            k += 1;
        }
    }
    DocContext {
        quote,
        entity,
        lexicon,
    }
}

/// The embedded POS tagger's tag ids of a sentence's words (its features read only the
/// sentence, so only the sentences being tagged for cues pay for it).
fn pos_tags(words: &[&str]) -> Vec<u16> {
    let tagger = crate::models::embedded(crate::models::Task::Pos);
    let sentence = [words.to_vec()];
    let mut tags = tagger
        .tag_document(&sentence, crate::models::word_classes())
        .pop()
        .unwrap_or_default();
    tags.resize(words.len(), u16::MAX);
    tags
}

/// Per-token values the templates combine.
#[derive(Clone, Copy, Default)]
struct Tok {
    word: u64,
    lower: u64,
    shape: u64,
    suffix3: u64,
    classes: [u16; 3],
    quote: u8,
    entity: u8,
    pos: u64,
    /// Cue-lexicon tag: 0 none, else position (1 first, 2 later) + 4 × class.
    lex: u8,
}

/// The features of sentence `s` of `doc` into `out`.
pub fn sentence_features(
    doc: &Analysis,
    cx: &DocContext,
    s: usize,
    classes: &WordClasses,
    out: &mut SentFeats,
) {
    let range = doc.sentences[s].tokens.clone();
    let words: Vec<&str> = range.clone().map(|i| doc.token_text(i)).collect();
    let lex = lexicon_tags(cx.lexicon, &words);
    let pos = pos_tags(&words);
    let mut lower = String::new();
    let mut toks = Vec::with_capacity(words.len());
    for (k, i) in range.clone().enumerate() {
        let form = normalize(words[k]);
        lower_into(&form, &mut lower);
        let (word, lw) = (hash_str(&form), hash_str(&lower));
        let row = classes.row_hash(word).or_else(|| classes.row_hash(lw));
        let start = lower.char_indices().rev().nth(2).map_or(0, |(b, _)| b);
        toks.push(Tok {
            word,
            lower: lw,
            shape: shape(&form),
            suffix3: hash_str(&lower[start..]),
            classes: row.map_or([u16::MAX; 3], |r| classes.clusters(r)),
            quote: cx.quote[i],
            entity: cx.entity[i],
            pos: pos[k] as u64,
            lex: lex[k],
        });
    }
    out.feats.clear();
    out.offs.clear();
    out.offs.push(0);
    for (k, w) in words.iter().enumerate() {
        let kind = doc.tokens[range.start + k].kind;
        token_features(&toks, k, w, kind, &mut lower, &mut out.feats);
        out.offs.push(out.feats.len() as u32);
    }
}

/// Templates of token `k`.
fn token_features(
    toks: &[Tok],
    k: usize,
    word: &str,
    kind: TokenKind,
    lower: &mut String,
    f: &mut Vec<u64>,
) {
    let t = toks[k];
    let at = |d: isize| -> Option<&Tok> { toks.get(usize::try_from(k as isize + d).ok()?) };
    let lw = |d: isize| at(d).map_or(if d < 0 { BOS } else { EOS }, |x| x.lower);
    let cl = |d: isize, g: usize| at(d).map_or(70_000 + (d > 0) as u64, |x| x.classes[g] as u64);
    let qs = |d: isize| at(d).map_or(9, |x| x.quote as u64);
    let ent = |d: isize| at(d).map_or(9, |x| x.entity as u64);
    let lex = |d: isize| at(d).map_or(99, |x| x.lex as u64);
    f.push(feat(200, 0));
    f.push(feat(201, t.word));
    f.push(feat(202, t.lower));
    f.push(feat(203, t.shape));
    lower_into(&normalize(word), lower);
    for (n, (b, _)) in lower.char_indices().rev().take(4).enumerate() {
        f.push(feat(204 + n as u32, hash_str(&lower[b..])));
    }
    f.push(feat(210, lw(-1)));
    f.push(feat(211, lw(1)));
    f.push(feat(212, lw(-2)));
    f.push(feat(213, lw(2)));
    f.push(feat(214, pair(lw(-1), t.lower)));
    f.push(feat(215, pair(t.lower, lw(1))));
    f.push(feat(216, pair(lw(1), lw(2))));
    f.push(feat(217, pair(lw(-2), lw(-1))));
    f.push(feat(218, at(-1).map_or(BOS, |x| x.suffix3)));
    f.push(feat(219, at(1).map_or(EOS, |x| x.suffix3)));
    f.push(feat(220, t.classes[0] as u64));
    f.push(feat(221, t.classes[1] as u64));
    f.push(feat(222, t.classes[2] as u64));
    f.push(feat(223, cl(-1, 1)));
    f.push(feat(224, cl(1, 1)));
    f.push(feat(225, pair(cl(-1, 2), t.classes[2] as u64)));
    f.push(feat(226, pair(t.classes[2] as u64, cl(1, 2))));
    f.push(feat(227, pair(t.lower, cl(1, 1))));
    f.push(feat(230, qs(0)));
    f.push(feat(231, pair(qs(-1), qs(1))));
    f.push(feat(232, pair(qs(0), t.lower)));
    f.push(feat(233, pair(qs(-1), t.lower)));
    f.push(feat(234, pair(qs(1), t.lower)));
    f.push(feat(235, pair(qs(-1), t.classes[1] as u64)));
    let (back, ahead) = mark_distances(toks, k);
    f.push(feat(236, pair(back, ahead)));
    f.push(feat(237, pair(pair(back, ahead), t.classes[1] as u64)));
    f.push(feat(240, lex(0)));
    f.push(feat(241, pair(lex(-1), lex(0))));
    f.push(feat(242, pair(lex(0), lex(1))));
    f.push(feat(243, pair(lex(0), t.lower)));
    f.push(feat(244, pair(lex(0), qs(-1))));
    f.push(feat(250, ent(0)));
    f.push(feat(251, pair(ent(-1), ent(1))));
    f.push(feat(252, pair(ent(-1), t.lower)));
    f.push(feat(253, pair(ent(-1), t.classes[1] as u64)));
    let pos = |d: isize| at(d).map_or(999, |x| x.pos);
    f.push(feat(270, pos(0)));
    f.push(feat(271, pair(pos(-1), pos(0))));
    f.push(feat(272, pair(pos(0), pos(1))));
    f.push(feat(273, pair(pos(0), t.lower)));
    f.push(feat(274, pair(pair(pos(-1), pos(0)), pos(1))));
    f.push(feat(275, pair(pos(0), qs(-1))));
    f.push(feat(276, pair(pos(-2), pos(-1))));
    f.push(feat(277, pair(pos(0), lex(0))));
    f.push(feat(260, pair(k.min(3) as u64, kind as u64)));
    f.push(feat(261, pair(k.min(3) as u64, t.shape)));
}

/// Tokens back to the nearest closing mark and ahead to the nearest opening mark in the
/// sentence, each capped at 4 (5 = none).
fn mark_distances(toks: &[Tok], k: usize) -> (u64, u64) {
    let back = (1..=4)
        .find(|&d| k >= d && toks[k - d].quote == CLOSE)
        .unwrap_or(5);
    let ahead = (1..=4)
        .find(|&d| toks.get(k + d).is_some_and(|t| t.quote == OPEN))
        .unwrap_or(5);
    (back as u64, ahead as u64)
}

/// Cue-lexicon tag of each word: the longest listed cue starting at the leftmost position
/// claims its words (1 = first word, 2 = later, plus 4 × the cue class).
fn lexicon_tags(lexicon: &CueLexicon, words: &[&str]) -> Vec<u8> {
    let mut tags = vec![0u8; words.len()];
    let mut k = 0;
    while k < words.len() {
        let end = (k + 4).min(words.len());
        match lexicon.match_at(&words[k..end]) {
            Some(m) => {
                let class = 4 * (m.class as u8 + 1);
                for (j, tag) in tags.iter_mut().skip(k).take(m.len).enumerate() {
                    *tag = class + if j == 0 { 1 } else { 2 };
                }
                k += m.len.max(1);
            }
            None => k += 1,
        }
    }
    tags
}

/// The word's shape: X, x, d or the character itself, runs longer than 2 collapsed.
fn shape(form: &str) -> u64 {
    let mut buf = [0u8; 16];
    let (mut n, mut run, mut prev) = (0, 0, 0u8);
    for c in form.chars() {
        let m = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'u'
        };
        run = if m == prev { run + 1 } else { 1 };
        prev = m;
        if run <= 2 && n < buf.len() {
            buf[n] = m;
            n += 1;
        }
    }
    hash_str(std::str::from_utf8(&buf[..n]).unwrap_or(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_tags_cover_phrases() {
        let lexicon = CueLexicon::default();
        let tags = lexicon_tags(&lexicon, &["He", "said", "according", "to", "TASS"]);
        assert_eq!(tags[0], 0);
        assert_eq!(tags[1] % 4, 1);
        assert_eq!((tags[2] % 4, tags[3] % 4, tags[4]), (1, 2, 0));
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Washington"), shape("Wxx"));
        assert_ne!(shape("USA"), shape("Usa"));
    }
}
