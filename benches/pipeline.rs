//! Per-stage and end-to-end throughput on the bundled seed articles (and PolNeAR's article texts
//! from ../shared when present). Run: `cargo bench --bench pipeline`.

use std::path::Path;

use claimex::attribution::{Attributor, RuleAttributor};
use claimex::clean::Cleaner;
use claimex::document::Analysis;
use claimex::models::{self, Task};
use claimex::ner::{Recognizer, TaggerRecognizer};
use claimex::quote::{QuoteDetector, RuleQuoteDetector};
use claimex::sentence::{NewsSentenceSplitter, SentenceSplitter};
use claimex::sink::{Dataset, DatasetOptions, Sink};
use claimex::token::Tokenizer;
use claimex::{Article, Pipeline};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus() -> Vec<Article> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut articles: Vec<Article> = std::fs::read_dir(root.join("seeds"))
        .expect("seeds/")
        .map(|e| e.unwrap().path())
        .map(|p| {
            Article::new(
                p.file_stem().unwrap().to_string_lossy(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    articles.sort_by(|a, b| a.id.cmp(&b.id));
    let polnear = root.join("../shared/data/polnear/polnear_dev.articles.jsonl");
    match std::fs::read_to_string(&polnear) {
        Ok(text) => {
            for line in text.lines() {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                articles.push(Article::new(
                    v["id"].as_str().unwrap(),
                    v["text"].as_str().unwrap(),
                ));
            }
        }
        Err(_) => eprintln!(
            "note: {} absent; benchmarking the seeds only",
            polnear.display()
        ),
    }
    articles
}

fn stages(c: &mut Criterion) {
    let articles = corpus();
    let words: u64 = articles.iter().map(|a| a.word_count() as u64).sum();
    let pipeline = Pipeline::default();
    let cleaner = Cleaner::default();
    let splitter = NewsSentenceSplitter::default();
    let tokenizer = Tokenizer::default();
    let recognizer = TaggerRecognizer::new(
        std::borrow::Cow::Borrowed(models::embedded(Task::Ner)),
        models::word_classes(),
        "ner",
    );
    let detector = RuleQuoteDetector::default();
    let attributor = RuleAttributor::default();
    let analyses: Vec<Analysis> = articles.iter().map(|a| pipeline.analyze(a)).collect();

    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Elements(words));
    group.bench_function("clean+sentences", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| splitter.split(&a.text, &cleaner.mask(&a.text)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("tokens", |b| {
        b.iter(|| {
            analyses
                .iter()
                .map(|d| {
                    d.sentences
                        .iter()
                        .map(|s| {
                            let mut out = Vec::new();
                            tokenizer.tokenize_into(d.text(), s.span, &mut out);
                            out.len()
                        })
                        .sum::<usize>()
                })
                .sum::<usize>()
        })
    });
    group.bench_function("ner", |b| {
        b.iter(|| {
            analyses
                .iter()
                .map(|d| recognizer.recognize(d).len())
                .sum::<usize>()
        })
    });
    // The taggers alone, per token (the NER target is ≥ 300,000 tokens/s on one core).
    let tokens: u64 = analyses.iter().map(|d| d.tokens.len() as u64).sum();
    let sentences: Vec<Vec<Vec<&str>>> = analyses
        .iter()
        .map(|d| {
            d.sentences
                .iter()
                .map(|s| s.tokens.clone().map(|i| d.token_text(i)).collect())
                .collect()
        })
        .collect();
    group.throughput(Throughput::Elements(tokens));
    for task in [Task::Ner, Task::Pos, Task::Chunk] {
        let model = models::embedded(task);
        group.bench_function(format!("{} tagger, tokens", task.name()), |b| {
            b.iter(|| {
                sentences
                    .iter()
                    .map(|s| model.tag_document(s, models::word_classes()).len())
                    .sum::<usize>()
            })
        });
    }
    group.throughput(Throughput::Elements(words));
    group.bench_function("quotes+attribution", |b| {
        b.iter(|| {
            analyses
                .iter()
                .map(|d| attributor.attribute(d, detector.detect(d)).len())
                .sum::<usize>()
        })
    });
    let outputs: Vec<_> = articles.iter().map(|a| pipeline.process(a)).collect();
    let dir = tempfile::tempdir().unwrap();
    group.bench_function("sinks (dataset: jsonl+csv+texts+manifest)", |b| {
        b.iter(|| {
            let options = DatasetOptions {
                force: true,
                prune: true,
            };
            let mut sink = Dataset::open(dir.path(), pipeline.run_key(), options).unwrap();
            for (a, o) in articles.iter().zip(&outputs) {
                sink.write(a, o).unwrap();
            }
            sink.end_batch().unwrap();
            sink.commit(&(), |_| false).unwrap();
        })
    });
    group.bench_function("end-to-end (1 thread)", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| pipeline.process(a).claims.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

/// Hostile articles at two sizes: the time per byte must stay flat (no quadratic stage).
fn linearity(c: &mut Criterion) {
    let pipeline = Pipeline::default();
    let mut group = c.benchmark_group("linearity");
    let shapes = [
        (
            "dense claims",
            "Lavrov said that Moscow, according to TASS, would respond. ",
        ),
        ("quotations", "“We will not give up on this,” he said. "),
        ("unbalanced quotes", "He said “yes. "),
        ("no sentence end", "He said “ it "),
        ("one long word", "xxxxxxxxxxxxxxxxxxxx"),
    ];
    for (name, unit) in shapes {
        for copies in [5_000, 10_000] {
            let article = Article::new("hostile", unit.repeat(copies));
            group.throughput(Throughput::Bytes(article.text.len() as u64));
            group.bench_function(format!("{name} x{copies}"), |b| {
                b.iter(|| pipeline.process(&article).claims.len())
            });
        }
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = stages, linearity
}
criterion_main!(benches);
