//! The tagging engine on a small hand-written fixture (not CoNLL text): training converges,
//! models round-trip, odd input never panics.
use claimex::tagger::{conll::Corpus, score, train, Tagger, TrainConfig, WordClasses};
use std::io::Write;

const FIXTURE: &str = "\
-DOCSTART- O

Marta B-PER
Kowalski I-PER
visited O
Lisbon B-LOC
on O
Tuesday O
. O

She O
met O
officials O
from O
Acme B-ORG
Robotics I-ORG
in O
Lisbon B-LOC
. O

-DOCSTART- O

The O
Zorblat B-MISC
festival O
opened O
in O
Quito B-LOC
. O

Pedro B-PER
Alvarez I-PER
runs O
Acme B-ORG
Robotics I-ORG
. O

Kowalski B-PER
said O
Quito B-LOC
was O
sunny O
. O
";

fn fixture() -> Corpus {
    Corpus::parse(FIXTURE)
}

fn small_config() -> TrainConfig {
    let mut c = TrainConfig::ner();
    c.epochs = 30;
    c.patience = 30;
    c.folds = 2;
    c.verbose = false;
    c
}

/// A tiny vectors file + words list, written to a temp dir, to exercise WordClasses::build.
fn tiny_classes() -> WordClasses {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let k = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("tagger_test_{}_{k}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (n, d) = (6usize, 4usize);
    let header = format!("{{'descr': '<f2', 'fortran_order': False, 'shape': ({n}, {d}), }}");
    let mut h = header.into_bytes();
    while (10 + h.len() + 1) % 64 != 0 {
        h.push(b' ');
    }
    h.push(b'\n');
    let mut npy = b"\x93NUMPY\x01\x00".to_vec();
    npy.extend_from_slice(&(h.len() as u16).to_le_bytes());
    npy.extend_from_slice(&h);
    for i in 0..n * d {
        let v = half::f16::from_f32(((i * 7 % 11) as f32 - 5.0) / 3.0);
        npy.extend_from_slice(&v.to_le_bytes());
    }
    std::fs::write(dir.join("v.npy"), npy).unwrap();
    let mut f = std::fs::File::create(dir.join("w.txt")).unwrap();
    for (i, w) in ["Lisbon", "Quito", "Marta", "Pedro", "said", "the"]
        .iter()
        .enumerate()
    {
        writeln!(f, "{w}\t{i}").unwrap();
    }
    drop(f);
    let wc = WordClasses::build(&dir.join("v.npy"), &dir.join("w.txt"), 7).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    wc
}

fn tag_corpus(t: &Tagger, c: &Corpus, wc: &WordClasses) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let mut gold = Vec::new();
    let mut pred = Vec::new();
    for doc in &c.documents {
        let toks: Vec<Vec<&str>> = doc.iter().map(|s| s.token_strs()).collect();
        let p = t.tag_document(&toks, wc);
        for (s, ps) in doc.iter().zip(p) {
            gold.push(s.columns[0].clone());
            pred.push(ps.iter().map(|&l| t.labels()[l as usize].clone()).collect());
        }
    }
    (gold, pred)
}

#[test]
fn training_converges_on_fixture() {
    let c = fixture();
    let wc = tiny_classes();
    for two_pass in [false, true] {
        let mut cfg = small_config();
        cfg.two_pass = two_pass;
        let t = train(&cfg, &c, None, &wc, 0);
        assert_eq!(t.labels()[0], "O");
        assert!(t
            .labels()
            .iter()
            .all(|l| l == "O" || l.starts_with("B-") || l.starts_with("I-")));
        let (gold, pred) = tag_corpus(&t, &c, &wc);
        let s = score::score(&gold, &pred);
        assert!(s.f1() > 0.99, "two_pass={two_pass}: {}", s.report());
    }
}

#[test]
fn training_with_dev_and_iob2_labels() {
    let c = fixture();
    let wc = WordClasses::empty();
    let mut cfg = small_config();
    cfg.bioes = false;
    cfg.two_pass = false;
    let t = train(&cfg, &c, Some(&c), &wc, 0);
    let (gold, pred) = tag_corpus(&t, &c, &wc);
    assert!(score::score(&gold, &pred).f1() > 0.99);
}

#[test]
fn refit_trains_again_on_train_plus_dev() {
    let c = fixture();
    let split = |d: usize| Corpus {
        documents: vec![c.documents[d].clone()],
    };
    let (train_set, dev) = (split(0), split(1));
    let wc = WordClasses::empty();
    let mut cfg = small_config();
    cfg.two_pass = false;
    cfg.refit = true;
    let t = train(&cfg, &train_set, Some(&dev), &wc, 0);
    // "B-MISC" occurs only in the dev document, so only the refit model knows it.
    assert!(t.labels().iter().any(|l| l == "B-MISC"));
    let (gold, pred) = tag_corpus(&t, &dev, &wc);
    assert!(score::score(&gold, &pred).f1() > 0.99);
    let bytes = |t: &Tagger| {
        let mut b = Vec::new();
        t.write_to(&mut b).unwrap();
        b
    };
    let again = train(&cfg, &train_set, Some(&dev), &wc, 0);
    assert_eq!(bytes(&t), bytes(&again));
}

#[test]
fn model_and_classes_round_trip() {
    let c = fixture();
    let wc = tiny_classes();
    let t = train(&small_config(), &c, None, &wc, 0);
    let mut buf = Vec::new();
    t.write_to(&mut buf).unwrap();
    let t2 = Tagger::from_bytes(&buf).unwrap();
    let mut wbuf = Vec::new();
    wc.write_to(&mut wbuf).unwrap();
    let wc2 = WordClasses::from_bytes(&wbuf).unwrap();
    // deterministic serialisation
    let mut buf2 = Vec::new();
    t2.write_to(&mut buf2).unwrap();
    assert_eq!(buf, buf2);
    let mut wbuf2 = Vec::new();
    wc2.write_to(&mut wbuf2).unwrap();
    assert_eq!(wbuf, wbuf2);
    assert_eq!(t.labels(), t2.labels());
    let extra: Vec<Vec<&str>> = vec![
        vec![
            "Marta", "flew", "to", "Quito", "with", "Acme", "Robotics", ".",
        ],
        vec!["Pedro", "Kowalski"],
    ];
    for doc in c
        .documents
        .iter()
        .map(|d| d.iter().map(|s| s.token_strs()).collect::<Vec<_>>())
        .chain([extra])
    {
        assert_eq!(t.tag_document(&doc, &wc), t2.tag_document(&doc, &wc2));
    }
    // training is deterministic
    let t3 = train(&small_config(), &c, None, &wc, 0);
    let mut buf3 = Vec::new();
    t3.write_to(&mut buf3).unwrap();
    assert_eq!(buf, buf3);
    // corrupt input is an error, not a panic
    assert!(Tagger::from_bytes(&buf[..buf.len() / 2]).is_err());
    assert!(Tagger::from_bytes(b"nonsense").is_err());
    assert!(WordClasses::from_bytes(&wbuf[..10]).is_err());
}

#[test]
fn odd_input_never_panics() {
    let c = fixture();
    let wc = tiny_classes();
    let t = train(&small_config(), &c, None, &wc, 0);
    let docs: Vec<Vec<Vec<&str>>> = vec![
        vec![],
        vec![vec![]],
        vec![vec![], vec!["x"], vec![]],
        vec![vec![
            "",
            " ",
            "\u{0}",
            "\u{200b}",
            "\u{1F600}",
            "İstanbul",
            "ß",
            "ǅ",
            "\u{301}",
            "‘",
            "’",
            "“Marta”",
            "O’Neil",
        ]],
        vec![
            vec!["MARTA", "KOWALSKI", "VISITED", "LISBON"],
            vec!["marta", "kowalski"],
        ],
        vec![vec!["a"; 500]],
    ];
    for d in &docs {
        let out = t.tag_document(d, &wc);
        assert_eq!(out.len(), d.len());
        for (s, o) in d.iter().zip(&out) {
            assert_eq!(s.len(), o.len());
            assert!(o.iter().all(|&l| (l as usize) < t.labels().len()));
        }
        let _ = t.tag_document(d, &WordClasses::empty());
    }
    // curly quotes are normalised: same tags as ASCII
    let a = t.tag_document(&[vec!["O’Neil", "said", "“", "hi", "”"]], &wc);
    let b = t.tag_document(&[vec!["O'Neil", "said", "\"", "hi", "\""]], &wc);
    assert_eq!(a, b);
}

#[test]
fn pos_style_column_without_iob() {
    let text = "The DT\ncat NN\nsat VBD\n.\t.\n\nA DT\ndog NN\nran VBD\n. .\n";
    let c = Corpus::parse(text);
    let mut cfg = TrainConfig::pos();
    cfg.verbose = false;
    cfg.epochs = 10;
    let t = train(&cfg, &c, None, &WordClasses::empty(), 0);
    let out = t.tag_document_labels(&[vec!["The", "dog", "sat", "."]], &WordClasses::empty());
    assert_eq!(out[0], vec!["DT", "NN", "VBD", "."]);
}
