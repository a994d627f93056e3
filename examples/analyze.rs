//! Prints sentences, entities and claims of one article: `cargo run --example analyze -- FILE`.
use claimex::{Article, Pipeline};

fn main() {
    let path = std::env::args().nth(1).expect("usage: analyze FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let article = Article::new("doc", text);
    let pipeline = Pipeline::default();
    let doc = pipeline.analyze(&article);
    for (i, s) in doc.sentences.iter().enumerate() {
        println!("S{i}: {:?}", s.span.slice(&article.text));
    }
    for e in &doc.entities {
        println!("  {} {:?}", e.label.as_str(), e.span.slice(&article.text));
    }
    for c in pipeline.process(&article).claims {
        let mention = c.speaker_mention.map(|m| m.text).unwrap_or_default();
        let cue = c.cue.map(|m| m.text).unwrap_or_default();
        println!(
            "CLAIM {} [{}] {:?} <{}> cue={:?} :: {:?}",
            c.kind,
            c.speaker.unwrap_or_default(),
            mention,
            c.confidence,
            cue,
            c.quote.text
        );
    }
}
