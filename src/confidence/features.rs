//! Run-time features of a claim for the correctness model: what the detector and the
//! attributor found (kind, cue, rule strength, speaker resolution), the content's shape and
//! where the claim stands in the article. Every feature is a string `name=value`; the model
//! learns which matter, so no word list is needed here.

use crate::attribution::Claim;
use crate::document::Analysis;
use crate::lexicon::{Lexicon, WordClass};
use crate::span::Span;
use crate::token::{is_quote_char, TokenKind};

/// What the features of one claim read besides the claim itself.
pub struct Context<'a, 'd> {
    /// The analysed article.
    pub doc: &'a Analysis<'d>,
    /// All claims of the article, in output order.
    pub claims: &'a [Claim],
    /// The detector's pattern strength of each claim (same order), before speaker resolution.
    pub evidence: &'a [f32],
    /// Word classes (roles, groups) for the speaker mention.
    pub lexicon: &'a Lexicon,
}

/// The features of claim `i`: base features, then conjunctions with the claim's kind.
pub fn claim_features(cx: &Context, i: usize) -> Vec<String> {
    let c = &cx.claims[i];
    let kind = c.kind.as_str();
    let mut base = Vec::with_capacity(40);
    base.push("bias".to_string());
    base.extend(detector_features(cx, i));
    base.extend(speaker_features(cx, c));
    base.extend(content_features(cx, c));
    base.extend(position_features(cx, i));
    let mut out = Vec::with_capacity(base.len() * 2);
    for f in base {
        if f != "bias" {
            out.push(format!("{kind}|{f}"));
        }
        out.push(f);
    }
    out
}

/// Cue, class, the detector's evidence and the attributor's certainty.
fn detector_features(cx: &Context, i: usize) -> Vec<String> {
    let c = &cx.claims[i];
    let text = cx.doc.text();
    let evidence = cx.evidence.get(i).copied().unwrap_or(0.0);
    let certainty = if evidence > 0.0 {
        c.confidence / evidence
    } else {
        0.0
    };
    let mut f = vec![
        format!("kind={}", c.kind.as_str()),
        format!("evidence={evidence:.2}"),
        format!("certainty={certainty:.1}"),
        format!("raw={:.1}", c.confidence),
    ];
    match &c.cue {
        None => f.push("cue=none".to_string()),
        Some(cue) => {
            let words = cue.span.slice(text).to_lowercase();
            let content = c.content();
            let side = if cue.span.end <= content.start {
                "before"
            } else if cue.span.start >= content.end {
                "after"
            } else {
                "inside"
            };
            f.push(format!("class={}", cue.class.as_str()));
            f.push(format!("lemma={}", cue.lemma.to_lowercase()));
            f.push(format!("cueword={words}"));
            f.push(format!(
                "cuelen={}",
                words.split_whitespace().count().min(3)
            ));
            f.push(format!("cueside={side}"));
            f.push(format!("class={}|cueside={side}", cue.class.as_str()));
        }
    }
    f
}

/// The speaker mention's shape and how it was resolved.
fn speaker_features(cx: &Context, c: &Claim) -> Vec<String> {
    let text = cx.doc.text();
    let label = c.speaker_type.map_or("none", |l| l.as_str());
    let mut f = vec![format!("spktype={label}")];
    let Some(mention) = c.speaker_mention else {
        f.push(format!(
            "mention=none|speaker={}",
            if c.speaker.is_some() {
                "carried"
            } else {
                "none"
            }
        ));
        return f;
    };
    let words: Vec<&str> = mention.slice(text).split_whitespace().collect();
    let first = words.first().map_or(String::new(), |w| w.to_lowercase());
    let head = words.last().map_or(String::new(), |w| w.to_lowercase());
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
    f.push(format!("mwords={}", words.len().min(5)));
    f.push(format!(
        "mcaps={}",
        (capitalised * 2).div_ceil(words.len().max(1))
    ));
    f.push(format!("mfirst={first}"));
    f.push(format!("mhead={head}"));
    f.push(format!("resolved={resolution}"));
    f.push(format!("resolved={resolution}|spktype={label}"));
    if cx.lexicon.is(WordClass::Role, &head) {
        f.push("mhead_role".to_string());
    }
    if cx.lexicon.is(WordClass::Group, &head) {
        f.push("mhead_group".to_string());
    }
    if let Some(cue) = &c.cue {
        let side = if mention.end <= cue.span.start {
            "before"
        } else {
            "after"
        };
        f.push(format!("mside={side}"));
        let gap = if side == "before" {
            Span::new(mention.end, cue.span.start)
        } else {
            Span::new(cue.span.end, mention.start.max(cue.span.end))
        };
        let between = gap.slice(text).split_whitespace().count();
        f.push(format!("mgap={}", between.min(4)));
    }
    f
}

/// Length, fragments, quotation marks and punctuation of the content.
fn content_features(cx: &Context, c: &Claim) -> Vec<String> {
    let text = cx.doc.text();
    let content = c.content();
    let body = content.slice(text);
    let words = body.split_whitespace().count();
    let marks = body.chars().filter(|&ch| is_quote_char(ch)).count();
    let before = text[..content.start].chars().next_back();
    let after = text[content.end..].chars().next();
    let quoted_edges =
        before.is_some_and(is_quote_char) as u8 + after.is_some_and(is_quote_char) as u8;
    let first = body
        .split_whitespace()
        .next()
        .map_or(String::new(), str::to_lowercase);
    let last = body.trim_end().chars().next_back().unwrap_or(' ');
    let sentences = cx
        .doc
        .sentences
        .iter()
        .filter(|s| s.span.overlaps(content))
        .count();
    vec![
        format!("len={}", usize::BITS - words.leading_zeros()),
        format!("frags={}", c.fragments.len().min(3)),
        format!("marks={}", marks.min(3)),
        format!("edges={quoted_edges}"),
        format!("first={}", if first == "that" { "that" } else { "other" }),
        format!(
            "endpunct={}",
            if last.is_ascii_punctuation() {
                last
            } else {
                'w'
            }
        ),
        format!("sentences={}", sentences.min(3)),
        format!("question={}", body.contains('?')),
    ]
}

/// Sentence and paragraph position, neighbouring claims and nesting.
fn position_features(cx: &Context, i: usize) -> Vec<String> {
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
    let content = c.content();
    let same_sentence = cx
        .claims
        .iter()
        .filter(|o| o.sentence == c.sentence)
        .count();
    let inside_other = cx
        .claims
        .iter()
        .enumerate()
        .any(|(j, o)| j != i && o.content().contains(content) && o.content() != content);
    let holds_other = cx
        .claims
        .iter()
        .enumerate()
        .any(|(j, o)| j != i && content.contains(o.content()) && o.content() != content);
    let previous_same =
        i > 0 && cx.claims[i - 1].speaker.is_some() && cx.claims[i - 1].speaker == c.speaker;
    let position = match c.sentence {
        0 => "0",
        1 => "1",
        2..=4 => "2-4",
        5..=14 => "5-14",
        _ => "15+",
    };
    vec![
        format!("sentence={position}"),
        format!("parastart={paragraph_start}"),
        format!("headline={headline}"),
        format!("insent={}", same_sentence.min(3)),
        format!("nested={inside_other}"),
        format!("holds={holds_other}"),
        format!("prevsame={previous_same}"),
    ]
}
