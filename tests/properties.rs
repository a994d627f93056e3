//! Property tests: any text goes through the whole pipeline without panicking, every span in
//! the output slices back to its text, and output is deterministic whatever the thread count.

use claimex::pipeline::{RunOptions, Work};
use claimex::sink::ClaimStream;
use claimex::{Article, Pipeline};
use proptest::prelude::*;

fn char_slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn check(pipeline: &Pipeline, text: &str) {
    let article = Article::new("p", text);
    let out = pipeline.process(&article);
    let n = text.chars().count();
    for c in &out.claims {
        assert!(c.quote.start <= c.quote.end && c.quote.end <= n);
        assert_eq!(char_slice(text, c.quote.start, c.quote.end), c.quote.text);
        for span in [&c.speaker_mention, &c.cue].into_iter().flatten() {
            assert_eq!(char_slice(text, span.start, span.end), span.text);
        }
        for e in &c.entities {
            assert_eq!(char_slice(text, e.start, e.end), e.text);
        }
        assert!((0.0..=1.0).contains(&c.confidence));
    }
    for e in &out.entities {
        assert_eq!(char_slice(text, e.start, e.end), e.text);
    }
    // Deterministic: the same input gives the same output.
    assert_eq!(out, pipeline.process(&article));
}

/// Text built from news-like pieces, quotes and odd characters.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("’".to_string()),
        Just("'".to_string()),
        Just(" said ".to_string()),
        Just(", according to ".to_string()),
        Just(" told reporters that ".to_string()),
        Just("adding that ".to_string()),
        Just(" the retired presidential ".to_string()),
        Just(", figures show".to_string()),
        Just("Lavrov".to_string()),
        Just("He".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("U.S.".to_string()),
        Just("<image>data:x</image>".to_string()),
        "[a-zA-Z ]{0,12}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_unicode_is_processed(text in "\\PC{0,300}") {
        check(&Pipeline::default(), &text);
    }

    #[test]
    fn news_like_text_is_processed(text in newsy()) {
        check(&Pipeline::default(), &text);
    }
}

/// Claims JSONL of a batch run over `texts` with `threads` workers.
fn batch_output(pipeline: &Pipeline, texts: &[String], threads: usize) -> Vec<u8> {
    let work = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Work::Process(Article::new(format!("d{i}"), t.clone())));
    let mut sink = ClaimStream::new(Vec::new());
    let options = RunOptions {
        threads,
        ..RunOptions::default()
    };
    pipeline.run(work, || 0, &mut sink, &options).unwrap();
    sink.finish().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// A batch gives byte-identical output at one and at two threads.
    #[test]
    fn batch_output_does_not_depend_on_threads(texts in prop::collection::vec(newsy(), 1..600)) {
        let pipeline = Pipeline::default();
        prop_assert_eq!(batch_output(&pipeline, &texts, 1), batch_output(&pipeline, &texts, 2));
    }
}

#[test]
fn edge_cases() {
    let pipeline = Pipeline::default();
    let long_line = "x".repeat(1 << 20);
    let many_quotes = "“".repeat(10_000);
    let unbalanced = "He said “yes. And “no” and ” maybe “".repeat(50);
    for text in [
        "",
        " ",
        "\n\n\n",
        "“",
        "”",
        "\"\"\"",
        "’’",
        "“unclosed quote at the end",
        long_line.as_str(),
        many_quotes.as_str(),
        unbalanced.as_str(),
    ] {
        check(&pipeline, text);
    }
}
