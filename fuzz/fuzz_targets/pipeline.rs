//! Fuzzes the per-article pipeline: any text must be processed without panicking, every span in
//! the output must slice back to its text (Unicode-character offsets), and processing must be
//! deterministic. The checks mirror `tests/properties.rs`.
#![no_main]

use std::sync::OnceLock;

use claimex::claim::DocOutput;
use claimex::pipeline::Pipeline;
use claimex::Article;
use libfuzzer_sys::fuzz_target;

/// Loading the embedded models is slow; do it once per fuzzing process.
static PIPELINE: OnceLock<Pipeline> = OnceLock::new();

/// `text[start..end]` in characters; panics (a finding) when the range is out of bounds.
fn char_slice(chars: &[char], start: usize, end: usize, what: &str) -> String {
    assert!(
        start <= end && end <= chars.len(),
        "{what}: span {start}..{end} outside text of {} chars",
        chars.len()
    );
    chars[start..end].iter().collect()
}

fn check_span(chars: &[char], start: usize, end: usize, text: &str, what: &str) {
    assert_eq!(
        char_slice(chars, start, end, what),
        text,
        "{what} {start}..{end}"
    );
}

/// The output as JSON lines, the form the sinks write.
fn serialized(out: &DocOutput) -> Vec<String> {
    let claims = out.claims.iter().map(|c| serde_json::to_string(c).unwrap());
    let entities = out
        .entities
        .iter()
        .map(|e| serde_json::to_string(e).unwrap());
    claims.chain(entities).collect()
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let pipeline = PIPELINE.get_or_init(Pipeline::default);
    let article = Article::new("fuzz", text.as_ref());
    let out = pipeline.process(&article);
    let chars: Vec<char> = article.text.chars().collect();

    for c in &out.claims {
        let q = &c.quote;
        check_span(&chars, q.start, q.end, &q.text, "quote");
        if let Some(fragments) = &q.fragments {
            for &[start, end] in fragments {
                assert!(
                    q.start <= start && start <= end && end <= q.end,
                    "fragment {start}..{end} outside quote {}..{}",
                    q.start,
                    q.end
                );
            }
        }
        for (span, what) in [(&c.speaker_mention, "speaker_mention"), (&c.cue, "cue")] {
            if let Some(s) = span {
                check_span(&chars, s.start, s.end, &s.text, what);
            }
        }
        for e in &c.entities {
            check_span(&chars, e.start, e.end, &e.text, "claim entity");
        }
        assert!(c.sentence.start <= c.sentence.end && c.sentence.end <= chars.len());
        assert!(
            (0.0..=1.0).contains(&c.confidence),
            "confidence {}",
            c.confidence
        );
    }
    for e in &out.entities {
        check_span(&chars, e.start, e.end, &e.text, "entity");
    }

    // Deterministic: the same article gives the same serialized output.
    assert_eq!(serialized(&out), serialized(&pipeline.process(&article)));
});
