//! Run-time features of a claim for the correctness model: what the detector and the
//! attributor found (kind, cue, rule strength, speaker resolution), the content's shape and
//! where the claim stands in the article. Every feature is a string `name=value`, also
//! conjoined with the claim's kind (`direct|name=value`); the model learns which matter, so no
//! word list is needed here. Training collects the strings ([`Strings`]); the pipeline hashes
//! them as they are formatted ([`Hashes`]), without allocating, to the same values as
//! [`feature_hash`] of the strings.

use std::collections::HashMap;
use std::fmt::{self, Write as _};

use crate::attribution::Claim;
use crate::document::Analysis;
use crate::lexicon::{Lexicon, WordClass};
use crate::span::Span;
use crate::token::{is_quote_char, TokenKind};

/// What the features of one claim read besides the claim itself, with what is computed once
/// per article.
pub struct Context<'a, 'd> {
    doc: &'a Analysis<'d>,
    claims: &'a [Claim],
    evidence: &'a [f32],
    lexicon: &'a Lexicon,
    /// Claims per cue sentence.
    per_sentence: HashMap<usize, usize>,
    /// Per claim: its content lies inside another claim's, and holds another claim's.
    nesting: Vec<(bool, bool)>,
}

impl<'a, 'd> Context<'a, 'd> {
    /// The context of an article's `claims`; `evidence` holds the detector's pattern strength of
    /// each (same order), `lexicon` the word classes read from speaker mentions.
    pub fn new(
        doc: &'a Analysis<'d>,
        claims: &'a [Claim],
        evidence: &'a [f32],
        lexicon: &'a Lexicon,
    ) -> Context<'a, 'd> {
        let mut per_sentence = HashMap::new();
        for c in claims {
            *per_sentence.entry(c.sentence).or_default() += 1;
        }
        let spans: Vec<Span> = claims.iter().map(Claim::content).collect();
        Context {
            doc,
            claims,
            evidence,
            lexicon,
            per_sentence,
            nesting: nesting(&spans),
        }
    }
}

/// For each span: whether another, different span contains it, and whether it contains
/// another, different span. O(n log n): a sweep in (start, longest first) order keeps the
/// furthest end seen before, one in (start descending, shortest first) the nearest end.
fn nesting(spans: &[Span]) -> Vec<(bool, bool)> {
    let mut out = vec![(false, false); spans.len()];
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| (spans[i].start, std::cmp::Reverse(spans[i].end)));
    let mut max_end = None;
    for group in order.chunk_by(|&a, &b| spans[a] == spans[b]) {
        let end = spans[group[0]].end;
        for &i in group {
            out[i].0 = max_end.is_some_and(|m| m >= end);
        }
        max_end = max_end.max(Some(end));
    }
    order.sort_by_key(|&i| (std::cmp::Reverse(spans[i].start), spans[i].end));
    let mut min_end: Option<usize> = None;
    for group in order.chunk_by(|&a, &b| spans[a] == spans[b]) {
        let end = spans[group[0]].end;
        for &i in group {
            out[i].1 = min_end.is_some_and(|m| m <= end);
        }
        min_end = Some(min_end.map_or(end, |m| m.min(end)));
    }
    out
}

/// Where the features of a claim go.
pub trait Features {
    /// Adds a feature and its conjunction with the claim's kind.
    fn add(&mut self, feature: fmt::Arguments);
}

/// Features as strings (for training and for reading).
pub struct Strings {
    kind: &'static str,
    /// The features, each conjunction right before its feature.
    pub out: Vec<String>,
}

impl Features for Strings {
    fn add(&mut self, feature: fmt::Arguments) {
        let f = feature.to_string();
        self.out.push(format!("{}|{f}", self.kind));
        self.out.push(f);
    }
}

/// 64-bit FNV-1a, fed incrementally.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    const START: Fnv = Fnv(0xcbf2_9ce4_8422_2325);
}

impl fmt::Write for Fnv {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for b in s.bytes() {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        Ok(())
    }
}

/// The hash of a feature string, as [`Hashes`] computes it.
pub fn feature_hash(feature: &str) -> u64 {
    let mut h = Fnv::START;
    let _ = h.write_str(feature);
    h.0
}

/// Feature hashes (at run time).
pub struct Hashes {
    /// The hash state after `kind|`.
    prefix: Fnv,
    /// The hashes, each conjunction right before its feature.
    pub out: Vec<u64>,
}

/// Writes the same text into two hashes.
struct Both(Fnv, Fnv);

impl fmt::Write for Both {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.write_str(s)?;
        self.1.write_str(s)
    }
}

impl Features for Hashes {
    fn add(&mut self, feature: fmt::Arguments) {
        let mut both = Both(self.prefix, Fnv::START);
        let _ = both.write_fmt(feature);
        self.out.push(both.0 .0);
        self.out.push(both.1 .0);
    }
}

/// The features of claim `i` as strings: `bias`, then each feature after its conjunction.
pub fn claim_features(cx: &Context, i: usize) -> Vec<String> {
    let kind = cx.claims[i].kind.as_str();
    let mut f = Strings {
        kind,
        out: vec!["bias".to_string()],
    };
    all_features(cx, i, &mut f);
    f.out
}

/// The hashes of [`claim_features`], computed without building the strings.
pub fn claim_hashes(cx: &Context, i: usize) -> Vec<u64> {
    let mut prefix = Fnv::START;
    let _ = write!(prefix, "{}|", cx.claims[i].kind.as_str());
    let mut f = Hashes {
        prefix,
        out: Vec::with_capacity(96),
    };
    f.out.push(feature_hash("bias"));
    all_features(cx, i, &mut f);
    f.out
}

fn all_features(cx: &Context, i: usize, f: &mut impl Features) {
    let c = &cx.claims[i];
    detector_features(cx, i, f);
    speaker_features(cx, c, f);
    content_features(cx, c, f);
    position_features(cx, i, f);
}

/// Cue, class, the detector's evidence and the attributor's certainty.
fn detector_features(cx: &Context, i: usize, f: &mut impl Features) {
    let c = &cx.claims[i];
    let text = cx.doc.text();
    let evidence = cx.evidence.get(i).copied().unwrap_or(0.0);
    let certainty = if evidence > 0.0 {
        c.confidence / evidence
    } else {
        0.0
    };
    f.add(format_args!("kind={}", c.kind.as_str()));
    f.add(format_args!("evidence={evidence:.2}"));
    f.add(format_args!("certainty={certainty:.1}"));
    f.add(format_args!("raw={:.1}", c.confidence));
    let Some(cue) = &c.cue else {
        f.add(format_args!("cue=none"));
        return;
    };
    let words = cue.span.slice(text).to_lowercase();
    let content = c.content();
    let side = if cue.span.end <= content.start {
        "before"
    } else if cue.span.start >= content.end {
        "after"
    } else {
        "inside"
    };
    let class = cue.class.as_str();
    f.add(format_args!("class={class}"));
    f.add(format_args!("lemma={}", cue.lemma.to_lowercase()));
    f.add(format_args!("cueword={words}"));
    f.add(format_args!(
        "cuelen={}",
        words.split_whitespace().count().min(3)
    ));
    f.add(format_args!("cueside={side}"));
    f.add(format_args!("class={class}|cueside={side}"));
}

/// The speaker mention's shape and how it was resolved.
fn speaker_features(cx: &Context, c: &Claim, f: &mut impl Features) {
    let text = cx.doc.text();
    let label = c.speaker_type.map_or("none", |l| l.as_str());
    f.add(format_args!("spktype={label}"));
    let Some(mention) = c.speaker_mention else {
        let carried = if c.speaker.is_some() {
            "carried"
        } else {
            "none"
        };
        f.add(format_args!("mention=none|speaker={carried}"));
        return;
    };
    let words: Vec<&str> = mention.slice(text).split_whitespace().collect();
    let first = words
        .first()
        .map_or(String::new(), |w| word_value(cx.lexicon, w));
    let head = words
        .last()
        .map_or(String::new(), |w| word_value(cx.lexicon, w));
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let resolution = match c.speaker.as_deref() {
        None => "none",
        Some(s) if s == mention.slice(text) => "same",
        Some(s) if words.iter().all(|w| s.contains(w)) => "fuller",
        Some(_) => "other",
    };
    f.add(format_args!("mwords={}", words.len().min(5)));
    f.add(format_args!(
        "mcaps={}",
        (capitalised * 2).div_ceil(words.len().max(1))
    ));
    f.add(format_args!("mfirst={first}"));
    f.add(format_args!("mhead={head}"));
    f.add(format_args!("resolved={resolution}"));
    f.add(format_args!("resolved={resolution}|spktype={label}"));
    if cx.lexicon.is(WordClass::Role, &head) {
        f.add(format_args!("mhead_role"));
    }
    if cx.lexicon.is(WordClass::Group, &head) {
        f.add(format_args!("mhead_group"));
    }
    if let Some(cue) = &c.cue {
        let before = mention.end <= cue.span.start;
        let gap = if before {
            Span::new(mention.end, cue.span.start)
        } else {
            Span::new(cue.span.end, mention.start.max(cue.span.end))
        };
        let between = gap.slice(text).split_whitespace().count();
        f.add(format_args!(
            "mside={}",
            if before { "before" } else { "after" }
        ));
        f.add(format_args!("mgap={}", between.min(4)));
    }
}

/// A mention word as a feature value: lowercased when it is a common word (lowercase in the
/// text, or a title, honorific, role or group word), else `Name`, so that the model learns
/// how sources are described rather than who the corpus's speakers were.
fn word_value(lexicon: &Lexicon, word: &str) -> String {
    let common = !word.chars().next().is_some_and(char::is_uppercase)
        || [
            WordClass::Title,
            WordClass::Honorific,
            WordClass::Role,
            WordClass::Group,
        ]
        .iter()
        .any(|&class| lexicon.is(class, word.trim_end_matches('.')));
    if common {
        word.to_lowercase()
    } else {
        "Name".to_string()
    }
}

/// Length, fragments, quotation marks and punctuation of the content.
fn content_features(cx: &Context, c: &Claim, f: &mut impl Features) {
    let text = cx.doc.text();
    let content = c.content();
    let body = content.slice(text);
    let words = body.split_whitespace().count();
    let marks = body.chars().filter(|&ch| is_quote_char(ch)).count();
    let before = text[..content.start].chars().next_back();
    let after = text[content.end..].chars().next();
    let edges =
        u8::from(before.is_some_and(is_quote_char)) + u8::from(after.is_some_and(is_quote_char));
    let that = body
        .split_whitespace()
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("that"));
    let last = body.trim_end().chars().next_back().unwrap_or(' ');
    let sentences = &cx.doc.sentences;
    let first_sentence = sentences.partition_point(|s| s.span.end <= content.start);
    let end_sentence = sentences.partition_point(|s| s.span.start < content.end);
    f.add(format_args!("len={}", usize::BITS - words.leading_zeros()));
    f.add(format_args!("frags={}", c.fragments.len().min(3)));
    f.add(format_args!("marks={}", marks.min(3)));
    f.add(format_args!("edges={edges}"));
    f.add(format_args!(
        "first={}",
        if that { "that" } else { "other" }
    ));
    f.add(format_args!(
        "endpunct={}",
        if last.is_ascii_punctuation() {
            last
        } else {
            'w'
        }
    ));
    f.add(format_args!(
        "sentences={}",
        end_sentence.saturating_sub(first_sentence).min(3)
    ));
    f.add(format_args!("question={}", body.contains('?')));
}

/// Sentence and paragraph position, neighbouring claims and nesting.
fn position_features(cx: &Context, i: usize, f: &mut impl Features) {
    let c = &cx.claims[i];
    let doc = cx.doc;
    let text = doc.text();
    let sentence = doc.sentences.get(c.sentence);
    let paragraph_start = sentence.is_some_and(|s| {
        let before = text[..s.span.start].trim_end_matches([' ', '\t']);
        before.is_empty() || before.ends_with('\n')
    });
    let headline = sentence.is_some_and(|s| {
        let tokens = &doc.tokens[s.tokens.clone()];
        c.sentence == 0 && tokens.last().is_some_and(|t| t.kind == TokenKind::Word)
    });
    let same_sentence = cx.per_sentence.get(&c.sentence).copied().unwrap_or(0);
    let (inside_other, holds_other) = cx.nesting[i];
    let previous_same =
        i > 0 && cx.claims[i - 1].speaker.is_some() && cx.claims[i - 1].speaker == c.speaker;
    let position = match c.sentence {
        0 => "0",
        1 => "1",
        2..=4 => "2-4",
        5..=14 => "5-14",
        _ => "15+",
    };
    f.add(format_args!("sentence={position}"));
    f.add(format_args!("parastart={paragraph_start}"));
    f.add(format_args!("headline={headline}"));
    f.add(format_args!("insent={}", same_sentence.min(3)));
    f.add(format_args!("nested={inside_other}"));
    f.add(format_args!("holds={holds_other}"));
    f.add(format_args!("prevsame={previous_same}"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, Pipeline};

    #[test]
    fn hashes_are_the_hashes_of_the_strings() {
        let text = "Chinese Foreign Minister Wang Yi arrived in Moscow. Wang said relations were \
                    strong. “We agreed,” he said, adding that talks would continue.";
        let pipeline = Pipeline::default();
        let article = Article::new("a", text);
        let doc = pipeline.analyze(&article);
        let (claims, evidence) = pipeline.claims(&doc);
        assert!(claims.len() >= 2);
        let cx = Context::new(&doc, &claims, &evidence, pipeline.lexicon());
        for i in 0..claims.len() {
            let strings = claim_features(&cx, i);
            assert!(strings.len() > 40 && strings[0] == "bias");
            let hashed: Vec<u64> = strings.iter().map(|s| feature_hash(s)).collect();
            assert_eq!(claim_hashes(&cx, i), hashed);
        }
    }

    #[test]
    fn nesting_of_spans() {
        let s = |a, b| Span::new(a, b);
        let spans = [s(0, 10), s(2, 5), s(2, 5), s(12, 20), s(12, 14), s(30, 40)];
        let got = nesting(&spans);
        assert_eq!(
            got,
            vec![
                (false, true),
                (true, false),
                (true, false),
                (false, true),
                (true, false),
                (false, false)
            ]
        );
    }
}
