//! The parser on a tiny invented treebank: training fits it, models round-trip, output is the
//! same on any number of threads, and arbitrary Unicode never panics.

use claimex::models;
use claimex::parse::{conllu, score, ParseModel, TrainOptions};
use proptest::prelude::*;
use std::sync::OnceLock;

fn fixture() -> Vec<conllu::Sentence> {
    conllu::read(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/tiny.conllu"
    )))
    .unwrap()
}

fn model() -> &'static ParseModel {
    static MODEL: OnceLock<ParseModel> = OnceLock::new();
    MODEL.get_or_init(|| {
        let mut options = TrainOptions::default();
        options.parser.epochs = 80;
        options.parser.verbose = false;
        options.tagger_epochs = 10;
        options.tagger_ensemble = 1;
        options.jackknife = 0;
        ParseModel::train(&fixture(), None, models::word_classes(), &options)
    })
}

#[test]
fn training_fits_the_fixture_exactly() {
    let gold = fixture();
    let pred = model().predict(&gold, models::word_classes());
    let s = score::score(&gold, &pred);
    assert_eq!(s.words, 47);
    assert_eq!((s.uas, s.las), (1.0, 1.0), "{}", s.to_text());
    assert_eq!(
        (s.upos, s.xpos, s.lemma),
        (1.0, 1.0, 1.0),
        "{}",
        s.to_text()
    );
    // Predictions never copy the gold columns: blanking them changes nothing.
    let blank: Vec<conllu::Sentence> = gold
        .iter()
        .map(|s| conllu::Sentence::from_forms(&s.forms()))
        .collect();
    let again = model().predict(&blank, models::word_classes());
    for (a, b) in again.iter().zip(&pred) {
        assert_eq!(a.words, b.words);
    }
}

#[test]
fn model_round_trip() {
    let mut bytes = Vec::new();
    model().write_to(&mut bytes).unwrap();
    let back = ParseModel::from_bytes(&bytes).unwrap();
    let mut again = Vec::new();
    back.write_to(&mut again).unwrap();
    assert_eq!(bytes, again);
    let gold = fixture();
    let classes = models::word_classes();
    assert_eq!(
        model().predict(&gold, classes),
        back.predict(&gold, classes)
    );
    assert!(ParseModel::from_bytes(&bytes[..bytes.len() - 3]).is_err());
    assert!(ParseModel::from_bytes(b"not a model").is_err());
}

#[test]
fn training_is_deterministic() {
    let mut options = TrainOptions::default();
    options.parser.epochs = 3;
    options.parser.verbose = false;
    options.tagger_epochs = 2;
    options.tagger_ensemble = 1;
    let train = |_| {
        let m = ParseModel::train(&fixture(), None, models::word_classes(), &options);
        let mut b = Vec::new();
        m.write_to(&mut b).unwrap();
        b
    };
    assert_eq!(train(0), train(1));
}

#[test]
fn beam_training_fits_the_fixture_deterministically() {
    let mut options = TrainOptions::default();
    options.parser.epochs = 40;
    options.parser.verbose = false;
    options.parser.beam = 4;
    options.parser.label_weight = 0.75;
    options.tagger_epochs = 10;
    options.tagger_ensemble = 1;
    options.jackknife = 0;
    let classes = models::word_classes();
    let train = || {
        let m = ParseModel::train(&fixture(), None, classes, &options);
        let mut b = Vec::new();
        m.write_to(&mut b).unwrap();
        (m, b)
    };
    let (m, bytes) = train();
    assert_eq!(m.parser.beam(), 4);
    let gold = fixture();
    let s = score::score(&gold, &m.predict(&gold, classes));
    assert_eq!((s.uas, s.las), (1.0, 1.0), "{}", s.to_text());
    assert_eq!(bytes, train().1);
    let back = ParseModel::from_bytes(&bytes).unwrap();
    assert_eq!(back.parser.beam(), 4);
    assert_eq!(back.parser.label_weight(), 0.75);
    assert_eq!(back.predict(&gold, classes), m.predict(&gold, classes));
}

#[test]
fn same_output_on_one_or_two_threads() {
    let text = "Mira said the bridge was safe. The council wants to build new parks, officials said.\n\nTomas denied it.";
    let sentences = claimex::parse::split_text(text);
    let many: Vec<Vec<&str>> = sentences.iter().cycle().take(300).cloned().collect();
    let classes = models::word_classes();
    let run = |threads| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| model().annotate_parallel(&many, classes))
    };
    let one = run(1);
    assert_eq!(one, run(2));
    assert_eq!(one, model().annotate(&many, classes));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn arbitrary_unicode_never_panics(tokens in proptest::collection::vec("\\PC{0,12}", 0..40)) {
        let tokens: Vec<String> = tokens.into_iter().filter(|t| !t.is_empty()).collect();
        let out = model().annotate(std::slice::from_ref(&tokens), models::word_classes());
        prop_assert_eq!(out[0].len(), tokens.len());
        let roots = out[0].words.iter().filter(|w| w.head == 0).count();
        prop_assert_eq!(roots, usize::from(!tokens.is_empty()));
        for w in &out[0].words {
            prop_assert!(w.head <= tokens.len());
        }
        let text: String = tokens.join(" ");
        let _ = model().annotate_parallel(&claimex::parse::split_text(&text), models::word_classes());
    }
}

#[test]
fn embedded_model_parses_text() {
    let model = claimex::parse::embedded().unwrap();
    let sentences =
        claimex::parse::split_text("The minister said the plan would fail. Nobody agreed.");
    let parsed = model.annotate(&sentences, models::word_classes());
    assert_eq!(parsed.len(), 2);
    for s in &parsed {
        assert_eq!(s.words.iter().filter(|w| w.head == 0).count(), 1);
        assert!(s
            .words
            .iter()
            .all(|w| w.head <= s.len() && !w.deprel.is_empty()));
    }
    assert_eq!(parsed[0].words[2].lemma, "say");
}

#[test]
fn embedded_model_same_output_on_one_or_two_threads() {
    let text = "“We will not pay,” the minister told reporters on Monday, adding that talks \
                would resume. Critics say the plan, which costs $3 billion, can't work. \
                According to the agency, prices rose 4% in May.";
    let sentences = claimex::parse::split_text(text);
    let many: Vec<Vec<&str>> = sentences.iter().cycle().take(400).cloned().collect();
    let model = claimex::parse::embedded().unwrap();
    let classes = models::word_classes();
    let run = |threads| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| model.annotate_parallel(&many, classes))
    };
    let one = run(1);
    assert_eq!(one, run(2));
    // Each sentence is analysed on its own: alone it gets the same analysis.
    for (i, s) in sentences.iter().enumerate() {
        let alone = model.syntax(std::slice::from_ref(s), classes);
        assert_eq!(alone.len(), 1);
        assert_eq!(alone[0].heads.len(), s.len());
        assert!(one[i]
            .words
            .iter()
            .zip(&alone[0].heads)
            .all(|(w, &h)| w.head == h as usize));
    }
}

#[test]
fn pipeline_parses_the_sentences_attribution_looks_at() {
    use claimex::article::Article;
    use claimex::pipeline::{Pipeline, SyntaxScope};
    let text = "The weather was mild. “We will rebuild,” Mayor Ana Ruiz said on Monday. \
                Traffic was light. Officials said the bridge would reopen in May.";
    let article = Article::new("a", text);
    // The pipeline parses with its own beam width.
    let mut model = claimex::parse::embedded().unwrap().clone();
    model.parser.set_beam(claimex::pipeline::PIPELINE_BEAM);
    let forms = |doc: &claimex::document::Analysis, i: usize| -> Vec<String> {
        doc.sentences[i]
            .tokens
            .clone()
            .map(|t| doc.token_text(t).to_string())
            .collect()
    };
    let eager = Pipeline::default().with_syntax(SyntaxScope::Candidates);
    let (doc, candidates) = eager.detect(&article);
    assert_eq!(doc.parses.len(), doc.sentences.len());
    assert!(!candidates.is_empty());
    for c in &candidates {
        assert!(doc.is_parsed(c.sentence), "sentence {}", c.sentence);
    }
    assert!(!doc.is_parsed(0), "no candidate in the first sentence");
    for i in 0..doc.sentences.len() {
        let expected = model.syntax(&[forms(&doc, i)], models::word_classes());
        assert_eq!(doc.syntax(i), Some(&expected[0]));
        assert!(doc.is_parsed(i));
    }
    assert_eq!(doc.syntax(doc.sentences.len()), None);
    // The default parses a sentence when it is first asked for, with the same result.
    let (lazy, _) = Pipeline::default().detect(&article);
    assert!((0..lazy.sentences.len()).all(|i| !lazy.is_parsed(i)));
    assert_eq!(lazy.syntax(1), doc.syntax(1));
    assert!(lazy.is_parsed(1) && !lazy.is_parsed(2));
    let all = Pipeline::default()
        .with_syntax(SyntaxScope::All)
        .analyze(&article);
    assert!((0..all.sentences.len()).all(|i| all.is_parsed(i)));
    let (none, _) = Pipeline::default()
        .with_syntax(SyntaxScope::None)
        .detect(&article);
    assert_eq!(none.syntax(1), None);
    // What is parsed does not change the output.
    let out = |scope| Pipeline::default().with_syntax(scope).process(&article);
    for scope in [SyntaxScope::Lazy, SyntaxScope::Candidates, SyntaxScope::All] {
        assert_eq!(out(SyntaxScope::None), out(scope));
    }
}

#[test]
fn embedded_parser_sums_weights_exactly() {
    // The beam sums each feature group's weights apart (`src/parse/memo.rs`): the same
    // scores as one sum per configuration only while every sum is exact in f32.
    assert!(claimex::parse::embedded().unwrap().parser.sums_exact());
}
