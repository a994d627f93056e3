use claimex::tagger::{Tagger, WordClasses};
use claimex::{Article, Pipeline};
use std::time::Instant;
fn main() {
    let t0 = Instant::now();
    let wc = WordClasses::from_bytes(&std::fs::read("models/wordclasses.bin").unwrap()).unwrap();
    let ner = Tagger::from_bytes(&std::fs::read("models/ner.bin").unwrap()).unwrap();
    let pos = Tagger::from_bytes(&std::fs::read("models/pos.bin").unwrap()).unwrap();
    let chunk = Tagger::from_bytes(&std::fs::read("models/chunk.bin").unwrap()).unwrap();
    println!(
        "load {:.3}s labels ner={:?} pos={} chunk={:?}",
        t0.elapsed().as_secs_f64(),
        ner.labels(),
        pos.labels().len(),
        chunk.labels()
    );
    let pipeline = Pipeline::default();
    let mut docs = Vec::new();
    for line in std::fs::read_to_string("../shared/data/polnear/polnear_dev.articles.jsonl")
        .unwrap()
        .lines()
    {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        docs.push(Article::new(
            v["id"].as_str().unwrap(),
            v["text"].as_str().unwrap(),
        ));
    }
    let analyses: Vec<_> = docs.iter().map(|a| pipeline.analyze(a)).collect();
    let sents: Vec<Vec<Vec<&str>>> = analyses
        .iter()
        .map(|d| {
            d.sentences
                .iter()
                .map(|s| s.tokens.clone().map(|i| d.token_text(i)).collect())
                .collect()
        })
        .collect();
    let ntok: usize = analyses.iter().map(|d| d.tokens.len()).sum();
    for (name, m) in [("ner", &ner), ("pos", &pos), ("chunk", &chunk)] {
        let t = Instant::now();
        let mut n = 0;
        for s in &sents {
            n += m.tag_document(s, &wc).len();
        }
        let el = t.elapsed().as_secs_f64();
        println!(
            "{name}: {ntok} tokens in {el:.3}s = {:.0} tok/s ({n})",
            ntok as f64 / el
        );
    }
}
