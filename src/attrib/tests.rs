//! Cue-tagger training on an invented fixture: it fits, round-trips, is deterministic, its
//! jackknife is out-of-fold, and its spans slice back to their text.

use super::data::{prepare, read_corpus, CueDoc, Prepared};
use super::eval::{predicted_spans, score};
use super::train::{fold_models, jackknife, train, CueTrainConfig};
use super::CueTagger;
use crate::pipeline::Pipeline;
use crate::Article;

/// Invented articles, with the cue of each marked `[like this]`.
const FIXTURE: [&str; 6] = [
    "The mayor [said] on Monday that the bridge would reopen. Traffic was heavy.",
    "“We will win,” the coach [told] reporters. [According to] the league, tickets sold out.",
    "Officials [warned] that storms could hit the coast. The roads stayed open.",
    "The senator [said] the bill was dead. Critics [argued] it never had a chance.",
    "Zorp zorp [zorp] the plan is fine. Nobody came.",
    "“It is over,” she [said]. The minister [pointed out] that prices fell.",
];

/// The fixture as articles with character-offset gold cues.
fn fixture() -> Vec<CueDoc> {
    FIXTURE
        .iter()
        .enumerate()
        .map(|(i, marked)| {
            let (mut text, mut gold) = (String::new(), Vec::new());
            let mut start = 0;
            for c in marked.chars() {
                match c {
                    '[' => start = text.chars().count(),
                    ']' => gold.push((start, text.chars().count())),
                    c => text.push(c),
                }
            }
            CueDoc {
                article: Article::new(format!("doc{i}"), text),
                gold,
            }
        })
        .collect()
}

fn prepared() -> Vec<Prepared> {
    let pipeline = Pipeline::default().without_confidence();
    prepare(&pipeline, &CueTagger::untrained(), &fixture())
}

fn config() -> CueTrainConfig {
    CueTrainConfig {
        epochs: 8,
        ensemble: 1,
        folds: 2,
        ..CueTrainConfig::default()
    }
}

fn bytes(t: &CueTagger) -> Vec<u8> {
    let mut b = Vec::new();
    t.write_to(&mut b).unwrap();
    b
}

#[test]
fn training_fits_the_fixture_round_trips_and_is_deterministic() {
    let docs = prepared();
    let tagger = train(&config(), &docs, None);
    let pred: Vec<_> = docs.iter().map(|d| predicted_spans(&tagger, d)).collect();
    assert_eq!(score(&docs, &pred).exact.f1, 1.0, "{pred:?}");
    let saved = bytes(&tagger);
    let loaded = CueTagger::from_bytes(&saved).unwrap();
    assert_eq!(bytes(&loaded), saved);
    assert_eq!(loaded.temperature, tagger.temperature);
    for d in &docs {
        assert_eq!(loaded.tag(&d.feats), tagger.tag(&d.feats));
    }
    assert_eq!(bytes(&train(&config(), &docs, None)), saved);
    assert!(CueTagger::from_bytes(&saved[..saved.len() - 1]).is_err());
    assert!(CueTagger::from_bytes(b"not a model at all").is_err());
}

/// "zorp" is a cue only in article 4: the full model learns it, but the jackknife tags
/// article 4 with the fold model that never saw it.
#[test]
fn jackknife_predictions_are_out_of_fold() {
    let docs = prepared();
    let config = config();
    let full = train(&config, &docs, None);
    let oof = jackknife(&config, &docs, config.epochs);
    let models = fold_models(&config, &docs, config.epochs);
    for (d, labels) in oof.iter().enumerate() {
        assert_eq!(labels, &models[d % 2].tag(&docs[d].feats));
    }
    let zorp = |labels: &[Vec<u16>]| labels[0][2];
    assert_ne!(zorp(&full.tag(&docs[4].feats)), super::data::O);
    assert_eq!(zorp(&oof[4]), super::data::O);
}

/// Cues found in raw text are byte spans of whole tokens; their character offsets (as scored)
/// slice back to the same text, also after multi-byte characters.
#[test]
fn spans_slice_back_to_their_text() {
    let docs = prepared();
    let tagger = train(&config(), &docs, None);
    let pipeline = Pipeline::default().without_confidence();
    for (doc, cue_doc) in docs.iter().zip(fixture()) {
        let text = &cue_doc.article.text;
        let analysis = pipeline.analyze(&cue_doc.article);
        let spans = tagger.cues(&analysis);
        let chars = predicted_spans(&tagger, doc);
        assert_eq!(spans.len(), chars.len());
        for (span, (s, e)) in spans.iter().zip(chars) {
            let by_chars: String = text.chars().skip(s).take(e - s).collect();
            assert_eq!(span.slice(text), by_chars);
        }
    }
}

/// The gold reader keeps only annotated articles and their cue spans, which slice to the
/// gold cue text.
#[test]
fn gold_cues_are_read_as_character_spans() {
    let dir = tempfile::tempdir().unwrap();
    let (articles, gold) = (dir.path().join("a.jsonl"), dir.path().join("g.jsonl"));
    std::fs::write(
        &articles,
        "{\"id\":\"a\",\"text\":\"“Yes,” Ms. Núñez said.\"}\n{\"id\":\"b\",\"text\":\"None.\"}\n",
    )
    .unwrap();
    std::fs::write(
        &gold,
        "{\"doc_id\":\"a\",\"quote\":{\"start\":1,\"end\":4,\"text\":\"Yes\"},\"cue\":{\"start\":17,\"end\":21,\"text\":\"said\"}}\n",
    )
    .unwrap();
    let docs = read_corpus(&articles, &gold).unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].gold, vec![(17, 21)]);
    let text: String = docs[0].article.text.chars().skip(17).take(4).collect();
    assert_eq!(text, "said");
}

/// The marginals of a fitted sentence are distributions that put the gold labels first.
#[test]
fn marginals_are_distributions_that_agree_with_the_fit() {
    let docs = prepared();
    let tagger = train(&config(), &docs, None);
    for doc in &docs {
        for (sf, gold) in doc.feats.iter().zip(&doc.labels) {
            let m = tagger.marginals(sf);
            assert_eq!(m.len(), gold.len());
            for (p, &g) in m.iter().zip(gold) {
                assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9, "{p:?}");
                assert!(p[g as usize] > 0.5, "{p:?} gold {g}");
            }
        }
    }
}

/// The shipped model loads and finds the cue of a plain reporting sentence.
#[test]
fn embedded_model_finds_a_plain_cue() {
    let article = Article::new("e", "The governor said on Tuesday that taxes would rise.");
    let analysis = Pipeline::default().without_confidence().analyze(&article);
    let cues = super::embedded().cues(&analysis);
    let texts: Vec<&str> = cues.iter().map(|s| s.slice(&article.text)).collect();
    assert_eq!(texts, vec!["said"]);
}
