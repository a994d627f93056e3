//! Claim-extraction scorer: `claimex eval --gold GOLD.jsonl --pred claims.jsonl`.
//!
//! Self-contained module (deps: serde, serde_json, thiserror) meant to live at
//! `crate::eval::claims`.
//!
//! Matching (per document, only documents present in gold are scored):
//! * content = quote text, or for discontinuous quotes the fragment texts
//!   (sliced from `quote.text` relative to `quote.start`, char offsets) joined
//!   by a space;
//! * words = runs of Unicode alphanumerics or `_`, lowercased;
//! * gold/pred contents are paired greedily one-to-one by descending token
//!   F1 (multiset overlap), ties by gold index then pred index; a pair counts
//!   when F1 >= 0.5;
//! * speaker correct = predicted mention span overlaps the gold speaker span,
//!   or the normalised names agree (same last word, or one word set contains
//!   the other);
//! * claim = matched pair with a correct speaker.

use super::calibration::Reliability;
use super::speakers::{canonical_accuracy, read_speaker_gold, CanonicalMetrics, SpeakerGold};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;

/// Minimum token-overlap F1 for a gold/pred content pair to count.
pub const MATCH_THRESHOLD: f64 = 0.5;

// ------------------------------------------------------------------ errors

/// Errors when reading gold or prediction files.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// File that failed.
        path: PathBuf,
        /// Underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A line is not a valid record.
    #[error("{path}:{line}: {msg}")]
    Parse {
        /// File containing the line.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the line.
        msg: String,
    },
}

// ------------------------------------------------------------------ records

/// A character-offset span (Unicode scalar values, end exclusive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Start offset, if given.
    pub start: Option<usize>,
    /// End offset (exclusive), if given.
    pub end: Option<usize>,
    /// Text covered by the span.
    pub text: String,
    /// Discontinuous pieces `[start, end)`, absolute char offsets.
    pub fragments: Option<Vec<(usize, usize)>>,
}

impl Span {
    /// A contiguous span `[start, end)` with its text.
    pub fn new(start: usize, end: usize, text: &str) -> Span {
        Span {
            start: Some(start),
            end: Some(end),
            text: text.to_string(),
            fragments: None,
        }
    }

    /// The same span with discontinuous fragments set.
    pub fn with_fragments(mut self, fragments: &[(usize, usize)]) -> Span {
        self.fragments = Some(fragments.to_vec());
        self
    }

    fn range(&self) -> Option<(usize, usize)> {
        match (self.start, self.end) {
            (Some(s), Some(e)) => Some((s, e)),
            _ => None,
        }
    }

    /// The content used for matching: the text, or (when fragments are present,
    /// all lie inside `[start, end)` and `text` has exactly `end - start` chars)
    /// the fragment texts joined with a space.
    pub fn content(&self) -> String {
        let (Some(start), Some(end)) = (self.start, self.end) else {
            return self.text.clone();
        };
        let Some(frags) = &self.fragments else {
            return self.text.clone();
        };
        if frags.is_empty() || (frags.len() == 1 && frags[0] == (start, end)) {
            return self.text.clone();
        }
        let chars: Vec<char> = self.text.chars().collect();
        if end < start || chars.len() != end - start {
            return self.text.clone();
        }
        if frags.iter().any(|&(s, e)| s < start || e > end || e < s) {
            return self.text.clone();
        }
        frags
            .iter()
            .map(|&(s, e)| chars[s - start..e - start].iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A gold claim record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimGold {
    /// Document the claim belongs to.
    pub doc_id: String,
    /// Record id, if given.
    pub id: Option<String>,
    /// The quoted content.
    pub quote: Span,
    /// Speaker mention in the text (absent when gold speaker is a plain string or null).
    pub speaker_span: Option<Span>,
    /// Canonical name (`speaker.name`, or a plain-string speaker).
    pub speaker_name: Option<String>,
    /// Speaker type (`speaker.type`), if given.
    pub speaker_type: Option<String>,
    /// Speaker role (`speaker.role`), if given.
    pub speaker_role: Option<String>,
    /// Cue (e.g. reporting verb) span, if given.
    pub cue: Option<Span>,
    /// Claim kind (lowercased, e.g. `direct`, `mixed`), if given; see [`typewriter_kind`].
    pub kind: Option<String>,
    /// The record said `indirect` and [`typewriter_kind`] found typewriter quotation marks.
    pub kind_from_marks: bool,
    /// Cue class (lowercased, e.g. `speech`), if given.
    pub cue_class: Option<String>,
}

impl ClaimGold {
    /// Name used for agreement: canonical name, else mention text.
    pub fn speaker_label(&self) -> Option<&str> {
        self.speaker_name
            .as_deref()
            .or(self.speaker_span.as_ref().map(|s| s.text.as_str()))
            .filter(|s| !s.trim().is_empty())
    }
}

/// A predicted claim record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimPred {
    /// Document the claim belongs to.
    pub doc_id: String,
    /// Predicted claim kind (lowercased), if given.
    pub kind: Option<String>,
    /// Predicted cue class (lowercased, e.g. `speech`), if given.
    pub cue_class: Option<String>,
    /// Canonical speaker name.
    pub speaker: Option<String>,
    /// Speaker entity type (`PER`, …), if given; none for a description.
    pub speaker_type: Option<String>,
    /// Speaker mention span in the text, if given.
    pub speaker_mention: Option<Span>,
    /// Cue (e.g. reporting verb) span, if given.
    pub cue: Option<Span>,
    /// The quoted content.
    pub quote: Span,
    /// Prediction confidence, if given.
    pub confidence: Option<f64>,
}

impl ClaimPred {
    /// Name used for agreement: `speaker`, else the mention text.
    pub fn speaker_label(&self) -> Option<&str> {
        self.speaker
            .as_deref()
            .or(self.speaker_mention.as_ref().map(|s| s.text.as_str()))
            .filter(|s| !s.trim().is_empty())
    }
}

impl From<&ClaimGold> for ClaimPred {
    /// A gold record seen as a (perfect, confidence 1) prediction.
    fn from(g: &ClaimGold) -> ClaimPred {
        ClaimPred {
            doc_id: g.doc_id.clone(),
            kind: g.kind.clone(),
            cue_class: g.cue_class.clone(),
            speaker: g.speaker_label().map(str::to_string),
            speaker_type: g.speaker_type.clone(),
            speaker_mention: g.speaker_span.clone(),
            cue: g.cue.clone(),
            quote: g.quote.clone(),
            confidence: Some(1.0),
        }
    }
}

// ------------------------------------------------------------------ parsing

fn perr(path: &Path, line: usize, msg: impl Into<String>) -> EvalError {
    EvalError::Parse {
        path: path.to_path_buf(),
        line,
        msg: msg.into(),
    }
}

fn read_lines(path: &Path) -> Result<Vec<(usize, Value)>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|e| EvalError::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line)
            .map_err(|e| perr(path, i + 1, format!("invalid JSON: {e}")))?;
        if !v.is_object() {
            return Err(perr(path, i + 1, "expected a JSON object"));
        }
        out.push((i + 1, v));
    }
    Ok(out)
}

fn opt_str(v: Option<&Value>) -> Option<String> {
    match v {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

fn opt_usize(v: Option<&Value>, what: &str) -> Result<Option<usize>, String> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_u64()
            .map(|x| Some(x as usize))
            .ok_or_else(|| format!("{what} must be a non-negative integer")),
        Some(_) => Err(format!("{what} must be a non-negative integer")),
    }
}

fn parse_fragments(v: Option<&Value>, what: &str) -> Result<Option<Vec<(usize, usize)>>, String> {
    let arr = match v {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Array(a)) => a,
        Some(_) => return Err(format!("{what}.fragments must be an array")),
    };
    let mut out = Vec::with_capacity(arr.len());
    for f in arr {
        let pair = f
            .as_array()
            .filter(|p| p.len() == 2)
            .ok_or_else(|| format!("{what}.fragments entries must be [start, end]"))?;
        let s = opt_usize(pair.first(), &format!("{what}.fragments start"))?;
        let e = opt_usize(pair.get(1), &format!("{what}.fragments end"))?;
        match (s, e) {
            (Some(s), Some(e)) if s <= e => out.push((s, e)),
            _ => {
                return Err(format!(
                    "{what}.fragments entries must be [start, end] with start <= end"
                ))
            }
        }
    }
    Ok(Some(out))
}

/// Parse a span object `{start, end, text, fragments?}`; a plain string is
/// accepted as text without offsets. `null`/missing gives `None`.
fn parse_span(v: Option<&Value>, what: &str, need_text: bool) -> Result<Option<Span>, String> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(Span {
            start: None,
            end: None,
            text: s.clone(),
            fragments: None,
        })),
        Some(Value::Object(o)) => {
            let text = match o.get("text") {
                Some(Value::String(s)) => s.clone(),
                None | Some(Value::Null) if !need_text => String::new(),
                _ => return Err(format!("{what}.text must be a string")),
            };
            let start = opt_usize(o.get("start"), &format!("{what}.start"))?;
            let end = opt_usize(o.get("end"), &format!("{what}.end"))?;
            if let (Some(s), Some(e)) = (start, end) {
                if e < s {
                    return Err(format!("{what}: end {e} < start {s}"));
                }
            }
            let fragments = parse_fragments(o.get("fragments"), what)?;
            Ok(Some(Span {
                start,
                end,
                text,
                fragments,
            }))
        }
        Some(_) => Err(format!("{what} must be an object, a string or null")),
    }
}

fn req_doc_id(v: &Value) -> Result<String, String> {
    opt_str(v.get("doc_id"))
        .filter(|s| !s.is_empty())
        .ok_or_else(|| "missing or empty \"doc_id\"".to_string())
}

fn parse_gold_value(v: &Value) -> Result<ClaimGold, String> {
    let doc_id = req_doc_id(v)?;
    let quote = parse_span(v.get("quote"), "quote", true)?
        .ok_or_else(|| "missing \"quote\"".to_string())?;
    let (speaker_span, speaker_name, speaker_type, speaker_role) = match v.get("speaker") {
        None | Some(Value::Null) => (None, None, None, None),
        Some(Value::String(s)) => (None, Some(s.clone()), None, None),
        Some(Value::Object(o)) => {
            let span = if o.get("text").is_some() || o.get("start").is_some() {
                parse_span(v.get("speaker"), "speaker", false)?
            } else {
                None
            };
            (
                span,
                opt_str(o.get("name")),
                opt_str(o.get("type")),
                opt_str(o.get("role")),
            )
        }
        Some(_) => return Err("speaker must be an object, a string or null".into()),
    };
    let given = opt_str(v.get("kind")).map(|k| k.to_lowercase());
    let from_marks = typewriter_kind(given.as_deref(), &quote.text);
    Ok(ClaimGold {
        doc_id,
        id: opt_str(v.get("id")),
        kind_from_marks: from_marks.is_some(),
        kind: from_marks.or(given),
        quote,
        speaker_span,
        speaker_name,
        speaker_type,
        speaker_role,
        cue: parse_span(v.get("cue"), "cue", false)?,
        cue_class: opt_str(v.get("cue_class")).map(|k| k.to_lowercase()),
    })
}

/// The kind of a content quoted with typewriter marks, `''…''` or ``` ``…'' ``` (as the New
/// York Times prints quotations), which its record calls `indirect`: PolNeAR's converted
/// gold derives kind from “ ” and " marks only, so 1,201 of train's and 86 of dev's quotations
/// would otherwise count as indirect. By the converter's own rule, a content that opens and
/// closes with marks (closing punctuation aside) is `direct`, one with marks elsewhere
/// `mixed`. Predictions go by the same rule, so a tool (or the gold read as predictions) is
/// judged as the gold is. `None` keeps the given kind.
fn typewriter_kind(given: Option<&str>, content: &str) -> Option<String> {
    if given != Some("indirect") || !(content.contains("''") || content.contains("``")) {
        return None;
    }
    let s = content.trim();
    let opens = s.starts_with("''") || s.starts_with("``");
    let closes = s
        .trim_end_matches(['.', ',', ';', ':', '!', '?'])
        .ends_with("''");
    let direct = opens && closes && s.chars().count() > 4;
    Some(if direct { "direct" } else { "mixed" }.to_string())
}

/// Reads one prediction record (a claimex claim, or a gold-shaped line).
pub fn parse_pred_value(v: &Value) -> Result<ClaimPred, String> {
    let doc_id = req_doc_id(v)?;
    let quote = parse_span(v.get("quote"), "quote", true)?
        .ok_or_else(|| "missing \"quote\"".to_string())?;
    let mut speaker_mention = parse_span(v.get("speaker_mention"), "speaker_mention", false)?;
    // `speaker` is normally a name string; a gold-shaped object is accepted too.
    let speaker = match v.get("speaker") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Object(o)) => {
            if speaker_mention.is_none() {
                speaker_mention = parse_span(v.get("speaker"), "speaker", false)?;
            }
            opt_str(o.get("name")).or_else(|| opt_str(o.get("text")))
        }
        Some(_) => return Err("speaker must be a string, an object or null".into()),
    };
    let confidence = match v.get("confidence") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => n.as_f64(),
        Some(_) => return Err("confidence must be a number".into()),
    };
    let kind = opt_str(v.get("kind")).map(|k| k.to_lowercase());
    Ok(ClaimPred {
        doc_id,
        kind: typewriter_kind(kind.as_deref(), &quote.text).or(kind),
        cue_class: opt_str(v.get("cue_class")).map(|k| k.to_lowercase()),
        speaker,
        speaker_type: opt_str(v.get("speaker_type")),
        speaker_mention,
        cue: parse_span(v.get("cue"), "cue", false)?,
        quote,
        confidence,
    })
}

/// Read a gold JSONL file. Blank lines are skipped; a malformed line is an
/// error naming the file and the 1-based line number.
pub fn read_gold(path: &Path) -> Result<Vec<ClaimGold>, EvalError> {
    read_lines(path)?
        .into_iter()
        .map(|(n, v)| parse_gold_value(&v).map_err(|m| perr(path, n, m)))
        .collect()
}

/// Read a prediction JSONL file (claimex output; gold-shaped lines are accepted).
pub fn read_pred(path: &Path) -> Result<Vec<ClaimPred>, EvalError> {
    read_lines(path)?
        .into_iter()
        .map(|(n, v)| parse_pred_value(&v).map_err(|m| perr(path, n, m)))
        .collect()
}

/// `read_gold` + `read_pred` (+ a speakers gold, see [`super::speakers`]) + `evaluate_with`.
pub fn eval_files(gold: &Path, pred: &Path, speakers: Option<&Path>) -> Result<Report, EvalError> {
    let speakers = match speakers {
        Some(path) => read_speaker_gold(path)?,
        None => Vec::new(),
    };
    Ok(evaluate_with(
        &read_gold(gold)?,
        &read_pred(pred)?,
        &speakers,
    ))
}

// ------------------------------------------------------------------ tokens & overlap

/// `\w+` runs (Unicode alphanumeric or `_`), lowercased.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' {
            cur.extend(c.to_lowercase());
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Token-overlap F1 as an exact fraction `(2 * common, |gold| + |pred|)`.
fn overlap_frac(gold: &[String], pred: &[String]) -> (usize, usize) {
    if gold.is_empty() || pred.is_empty() {
        return (0, 1);
    }
    let mut counts: HashMap<&str, isize> = HashMap::new();
    for w in gold {
        *counts.entry(w.as_str()).or_default() += 1;
    }
    let mut common = 0;
    for w in pred {
        if let Some(c) = counts.get_mut(w.as_str()) {
            if *c > 0 {
                *c -= 1;
                common += 1;
            }
        }
    }
    (2 * common, gold.len() + pred.len())
}

/// Multiset token-overlap F1 between two texts (0 when either has no words).
pub fn overlap_f1(gold: &str, pred: &str) -> f64 {
    let (n, d) = overlap_frac(&words(gold), &words(pred));
    n as f64 / d as f64
}

/// Greedy one-to-one matching by descending F1 (ties: gold index, then pred
/// index). Returns `(gold_idx, pred_idx, f1)` for pairs with F1 >= threshold,
/// in the order they were chosen.
pub fn greedy_match(gold: &[String], pred: &[String], threshold: f64) -> Vec<(usize, usize, f64)> {
    let gw: Vec<Vec<String>> = gold.iter().map(|t| words(t)).collect();
    let pw: Vec<Vec<String>> = pred.iter().map(|t| words(t)).collect();
    let mut cands: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (gi, g) in gw.iter().enumerate() {
        for (pi, p) in pw.iter().enumerate() {
            let (n, d) = overlap_frac(g, p);
            if n > 0 && n as f64 / d as f64 >= threshold {
                cands.push((gi, pi, n, d));
            }
        }
    }
    // exact comparison of fractions n1/d1 vs n2/d2, descending
    cands.sort_by(|a, b| {
        (b.2 * a.3)
            .cmp(&(a.2 * b.3))
            .then(a.0.cmp(&b.0))
            .then(a.1.cmp(&b.1))
    });
    let mut gused = vec![false; gold.len()];
    let mut pused = vec![false; pred.len()];
    let mut out = Vec::new();
    for (gi, pi, n, d) in cands {
        if !gused[gi] && !pused[pi] {
            gused[gi] = true;
            pused[pi] = true;
            out.push((gi, pi, n as f64 / d as f64));
        }
    }
    out
}

// ------------------------------------------------------------------ speakers

const DETERMINERS: &[&str] = &["the", "a", "an"];

/// Titles / role words dropped before comparing names.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "president",
    "vice",
    "minister",
    "foreign",
    "prime",
    "premier",
    "sen",
    "senator",
    "rep",
    "representative",
    "gen",
    "general",
    "secretary",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "chancellor",
    "gov",
    "governor",
    "mayor",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "ambassador",
    "deputy",
    "former",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "judge",
    "justice",
    "lt",
    "col",
    "capt",
    "sgt",
    "adm",
    "st",
    "jr",
    "sr",
];

/// Normalised name words: lowercased, possessive `'s`/`’s` dropped,
/// determiners and titles removed.
pub fn name_words(name: &str) -> Vec<String> {
    let mut s = String::with_capacity(name.len());
    let chars: Vec<char> = name.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c == '\'' || c == '’')
            && i > 0
            && chars[i - 1].is_alphanumeric()
            && matches!(chars.get(i + 1), Some('s') | Some('S'))
            && !chars
                .get(i + 2)
                .is_some_and(|c| c.is_alphanumeric() || *c == '_')
        {
            i += 2; // drop possessive
            continue;
        }
        s.push(c);
        i += 1;
    }
    words(&s)
        .into_iter()
        .filter(|w| !DETERMINERS.contains(&w.as_str()) && !TITLES.contains(&w.as_str()))
        .collect()
}

/// Names agree when (after normalisation) both are non-empty and they share
/// the last word, or one word set contains the other.
pub fn names_agree(a: &str, b: &str) -> bool {
    let wa = name_words(a);
    let wb = name_words(b);
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    if wa.last() == wb.last() {
        return true;
    }
    let sa: BTreeSet<&str> = wa.iter().map(String::as_str).collect();
    let sb: BTreeSet<&str> = wb.iter().map(String::as_str).collect();
    sa.is_subset(&sb) || sb.is_subset(&sa)
}

fn spans_overlap(a: &Span, b: &Span) -> bool {
    match (a.range(), b.range()) {
        (Some((as_, ae)), Some((bs, be))) => as_ < be && bs < ae && as_ < ae && bs < be,
        _ => false,
    }
}

/// Speaker correctness of a predicted claim against a gold claim.
/// A gold claim without any speaker is matched by a prediction without one.
pub fn speaker_correct(g: &ClaimGold, p: &ClaimPred) -> bool {
    if let (Some(gs), Some(pm)) = (&g.speaker_span, &p.speaker_mention) {
        if spans_overlap(gs, pm) {
            return true;
        }
    }
    match (g.speaker_label(), p.speaker_label()) {
        (Some(gn), Some(pn)) => {
            names_agree(gn, pn)
                || g.speaker_span
                    .as_ref()
                    .is_some_and(|s| !s.text.is_empty() && s.text != gn && names_agree(&s.text, pn))
        }
        (None, None) => true,
        _ => false,
    }
}

// ------------------------------------------------------------------ cue lemmas

/// Lemmas of speech-act verbs.
pub const SPEECH_LEMMAS: &[&str] = &[
    "say",
    "tell",
    "add",
    "note",
    "warn",
    "insist",
    "announce",
    "state",
    "claim",
    "write",
    "tweet",
    "post",
    "argue",
    "suggest",
    "reveal",
    "confirm",
    "deny",
    "urge",
    "assert",
    "emphasise",
    "emphasize",
    "stress",
    "reiterate",
    "acknowledge",
    "agree",
    "explain",
    "ask",
    "reply",
    "respond",
    "declare",
    "comment",
    "admit",
    "predict",
    "promise",
    "boast",
    "praise",
    "call",
    "criticize",
    "criticise",
    "allege",
    "inform",
    "describe",
    "speak",
    "mention",
    "repeat",
    "recall",
    "testify",
    "vow",
    "pledge",
    "threaten",
    "complain",
    "concede",
    "contend",
    "maintain",
    "accuse",
    "blame",
    "counter",
    "retort",
    "answer",
    "demand",
    "propose",
    "recommend",
    "advise",
    "caution",
    "allude",
    "remark",
    "disclose",
    "proclaim",
    "lament",
    "condemn",
    "dismiss",
    "quip",
    "joke",
    "brief",
    "assure",
    "affirm",
    "question",
    "describe",
    "label",
    "dub",
    "express",
];

const IRREGULAR: &[(&str, &str)] = &[
    ("said", "say"),
    ("says", "say"),
    ("told", "tell"),
    ("wrote", "write"),
    ("written", "write"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("thought", "think"),
    ("knew", "know"),
    ("known", "know"),
    ("felt", "feel"),
    ("meant", "mean"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("held", "hold"),
    ("saw", "see"),
    ("seen", "see"),
    ("took", "take"),
    ("taken", "take"),
    ("gave", "give"),
    ("given", "give"),
    ("made", "make"),
    ("found", "find"),
    ("shown", "show"),
    ("showed", "show"),
    ("taught", "teach"),
    ("understood", "understand"),
    ("foresaw", "foresee"),
    ("foreseen", "foresee"),
    ("forecast", "forecast"),
    ("forbade", "forbid"),
    ("bade", "bid"),
    ("did", "do"),
    ("done", "do"),
    ("went", "go"),
    ("gone", "go"),
    ("began", "begin"),
    ("begun", "begin"),
    ("led", "lead"),
    ("read", "read"),
    ("kept", "keep"),
    ("sought", "seek"),
    ("hoped", "hope"),
    ("stated", "state"),
    ("noted", "note"),
    ("agreed", "agree"),
];

fn undouble(s: &str) -> Option<String> {
    let b: Vec<char> = s.chars().collect();
    let n = b.len();
    if n >= 3 && b[n - 1] == b[n - 2] && !"aeiou".contains(b[n - 1]) {
        Some(b[..n - 1].iter().collect())
    } else {
        None
    }
}

/// Candidate lemmas of a (lowercased) word form: the form itself, the
/// irregular lemma, and suffix-stripped variants (-s, -es, -ies, -ed, -ied,
/// -ing, with e-restoration and consonant undoubling).
pub fn lemma_candidates(word: &str) -> Vec<String> {
    let w = word.to_lowercase();
    let mut c = vec![w.clone()];
    if let Some((_, l)) = IRREGULAR.iter().find(|(f, _)| *f == w) {
        c.push(l.to_string());
    }
    let stem_variants = |base: &str, c: &mut Vec<String>| {
        if base.len() >= 2 {
            c.push(base.to_string());
            c.push(format!("{base}e"));
            if let Some(u) = undouble(base) {
                c.push(u);
            }
        }
    };
    if let Some(b) = w.strip_suffix("ies").or_else(|| w.strip_suffix("ied")) {
        c.push(format!("{b}y"));
    }
    if let Some(b) = w.strip_suffix("ing") {
        stem_variants(b, &mut c);
    }
    if let Some(b) = w.strip_suffix("ed") {
        stem_variants(b, &mut c);
    }
    if let Some(b) = w.strip_suffix('d') {
        c.push(b.to_string());
    }
    if let Some(b) = w.strip_suffix("es") {
        c.push(b.to_string());
    }
    if let Some(b) = w.strip_suffix('s') {
        if !b.ends_with('s') {
            c.push(b.to_string());
        }
    }
    c.dedup();
    c
}

/// Lemma of a word form: the first candidate that is a known speech lemma,
/// else the irregular lemma or a conservative suffix-stripped form.
pub fn lemmatize(word: &str) -> String {
    let cands = lemma_candidates(word);
    if let Some(l) = cands.iter().find(|c| SPEECH_LEMMAS.contains(&c.as_str())) {
        return l.clone();
    }
    cands.get(1).cloned().unwrap_or_else(|| word.to_lowercase())
}

/// True if any word of the cue has a speech-verb lemma.
pub fn is_speech_cue(cue_text: &str) -> bool {
    words(cue_text).iter().any(|w| {
        lemma_candidates(w)
            .iter()
            .any(|c| SPEECH_LEMMAS.contains(&c.as_str()))
    })
}

fn gold_is_speech(g: &ClaimGold) -> bool {
    g.cue.as_ref().is_some_and(|c| is_speech_cue(&c.text))
}

/// The speech subset judges a prediction's cue by the same lemma rule as gold's, not by the
/// predicting tool's own `cue_class`: a tool that labels "blasted" or a signature dash as speech
/// must not be measured on a different subset than gold and peers.
fn pred_is_speech(p: &ClaimPred) -> bool {
    p.cue.as_ref().is_some_and(|c| is_speech_cue(&c.text))
}

fn is_quoted_kind(k: Option<&str>) -> bool {
    matches!(k, Some("direct") | Some("mixed"))
}

// ------------------------------------------------------------------ report

/// Counts and scores for one set of gold claims against predictions.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Metrics {
    /// Number of gold claims.
    pub gold: usize,
    /// Number of predictions (in scored documents).
    pub pred: usize,
    /// Content pairs with token F1 >= 0.5.
    pub matched: usize,
    /// Matched pairs whose speaker is also correct (= correct claims).
    pub speaker_correct: usize,
    /// Matched pairs whose contents are the same words in the same order.
    pub exact: usize,
    /// Exact-content precision: `exact / pred`.
    pub exact_p: f64,
    /// Exact-content recall: `exact / gold`.
    pub exact_r: f64,
    /// Exact-content F1: harmonic mean of `exact_p` and `exact_r`.
    pub exact_f1: f64,
    /// Quote precision: `matched / pred`.
    pub quote_p: f64,
    /// Quote recall: `matched / gold`.
    pub quote_r: f64,
    /// Quote F1: harmonic mean of `quote_p` and `quote_r`.
    pub quote_f1: f64,
    /// Claim precision: `speaker_correct / pred`.
    pub claim_p: f64,
    /// Claim recall: `speaker_correct / gold`.
    pub claim_r: f64,
    /// Claim F1: harmonic mean of `claim_p` and `claim_r`.
    pub claim_f1: f64,
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        n as f64 / d as f64
    }
}

fn prf(num_p: usize, den_p: usize, num_r: usize, den_r: usize) -> (f64, f64, f64) {
    let p = ratio(num_p, den_p);
    let r = ratio(num_r, den_r);
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

impl Metrics {
    fn finish(mut self) -> Metrics {
        (self.quote_p, self.quote_r, self.quote_f1) =
            prf(self.matched, self.pred, self.matched, self.gold);
        (self.exact_p, self.exact_r, self.exact_f1) =
            prf(self.exact, self.pred, self.exact, self.gold);
        (self.claim_p, self.claim_r, self.claim_f1) = prf(
            self.speaker_correct,
            self.pred,
            self.speaker_correct,
            self.gold,
        );
        self
    }
}

/// Per-kind results: recall over gold claims of the kind (pairs counted by
/// gold kind), precision over predictions of the kind (pairs counted by
/// predicted kind).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct KindMetrics {
    /// Claim kind (`unknown` when missing).
    pub kind: String,
    /// Gold claims of this kind.
    pub gold: usize,
    /// Predictions of this kind.
    pub pred: usize,
    /// Matched pairs whose gold kind is this kind.
    pub matched: usize,
    /// Matched pairs whose predicted kind is this kind.
    pub matched_pred_kind: usize,
    /// Matched pairs with correct speaker whose gold kind is this kind.
    pub speaker_correct: usize,
    /// Matched pairs with correct speaker whose predicted kind is this kind.
    pub speaker_correct_pred_kind: usize,
    /// Matched pairs (by gold kind) whose contents are the same words in the same order.
    pub exact: usize,
    /// Matched pairs where gold and predicted kind agree.
    pub kind_agree: usize,
    /// Quote precision: `matched_pred_kind / pred`.
    pub quote_p: f64,
    /// Quote recall: `matched / gold`.
    pub quote_r: f64,
    /// Quote F1: harmonic mean of `quote_p` and `quote_r`.
    pub quote_f1: f64,
    /// Claim precision: `speaker_correct_pred_kind / pred`.
    pub claim_p: f64,
    /// Claim recall: `speaker_correct / gold`.
    pub claim_r: f64,
    /// Claim F1: harmonic mean of `claim_p` and `claim_r`.
    pub claim_f1: f64,
}

/// Precision of predictions within one confidence range.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bucket {
    /// Range label, e.g. `[0.50,0.70)`.
    pub label: String,
    /// Nominal lower bound of the confidence range (inclusive).
    pub lo: f64,
    /// Nominal upper bound of the confidence range (exclusive, except for the last bucket).
    pub hi: f64,
    /// Predictions (in scored documents) with confidence in the bucket.
    pub n: usize,
    /// Of those, quote matched and speaker correct.
    pub correct: usize,
    /// Claim precision in the bucket: `correct / n`.
    pub precision: f64,
}

/// Counts for one gold document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocMetrics {
    /// Document id.
    pub doc_id: String,
    /// Gold claims in the document.
    pub gold: usize,
    /// Predictions in the document.
    pub pred: usize,
    /// Content pairs with token F1 >= the threshold.
    pub matched: usize,
    /// Matched pairs whose speaker is also correct.
    pub speaker_correct: usize,
}

/// Full evaluation result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Token-F1 threshold used for content matching.
    pub threshold: f64,
    /// Number of documents in gold (the scored documents).
    pub gold_docs: usize,
    /// Predictions whose doc_id is not in gold (not scored).
    pub pred_ignored: usize,
    /// Number of distinct predicted doc_ids not in gold.
    pub pred_ignored_docs: usize,
    /// Gold claims scored as quoted for their typewriter quotation marks (see [`typewriter_kind`]).
    pub gold_kind_from_marks: usize,
    /// Scores over all claims.
    pub all: Metrics,
    /// Gold direct/mixed vs predicted direct/mixed (re-matched).
    pub quoted: Metrics,
    /// Gold with a speech-verb cue vs predictions with a speech-verb cue (re-matched); one
    /// rule for both sides and for every tool, whatever cue class a tool assigns.
    pub speech: Metrics,
    /// Scores per claim kind, sorted by kind.
    pub per_kind: Vec<KindMetrics>,
    /// Claim precision by confidence range.
    pub buckets: Vec<Bucket>,
    /// Predictions without a confidence value (not in any bucket).
    pub no_confidence: usize,
    /// Reliability table and expected calibration error of the confidences.
    pub reliability: Reliability,
    /// Counts per gold document, sorted by doc_id.
    pub per_doc: Vec<DocMetrics>,
    /// Canonical-speaker accuracy of the matched claims (see [`super::speakers`]).
    pub canonical: Vec<CanonicalMetrics>,
}

/// One matched pair inside the scored documents (indices into the slices
/// given to `evaluate`).
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// Index of the gold claim.
    pub gold: usize,
    /// Index of the predicted claim.
    pub pred: usize,
    /// Token-overlap F1 of the contents.
    pub f1: f64,
    /// Whether the speaker is correct.
    pub speaker_correct: bool,
    /// Whether the content spans are identical.
    pub exact: bool,
}

/// Whether two contents are the same words in the same order: quotation marks, punctuation,
/// case and spacing aside (PolNeAR's direct quotes include their marks, claimex's do not).
fn exact_content(g: &Span, p: &Span) -> bool {
    words(&g.content()) == words(&p.content())
}

/// Match gold indices `gi` against pred indices `pi`, document by document.
pub fn match_pairs(
    gold: &[ClaimGold],
    pred: &[ClaimPred],
    gi: &[usize],
    pi: &[usize],
) -> Vec<Pair> {
    let mut docs: BTreeMap<&str, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for &i in gi {
        docs.entry(gold[i].doc_id.as_str()).or_default().0.push(i);
    }
    for &j in pi {
        if let Some(e) = docs.get_mut(pred[j].doc_id.as_str()) {
            e.1.push(j);
        }
    }
    let mut out = Vec::new();
    for (_, (gs, ps)) in docs {
        let gt: Vec<String> = gs.iter().map(|&i| gold[i].quote.content()).collect();
        let pt: Vec<String> = ps.iter().map(|&j| pred[j].quote.content()).collect();
        for (a, b, f1) in greedy_match(&gt, &pt, MATCH_THRESHOLD) {
            let (g, p) = (&gold[gs[a]], &pred[ps[b]]);
            out.push(Pair {
                gold: gs[a],
                pred: ps[b],
                f1,
                speaker_correct: speaker_correct(g, p),
                exact: exact_content(&g.quote, &p.quote),
            });
        }
    }
    out.sort_by_key(|p| (p.gold, p.pred));
    out
}

fn subset(
    gold: &[ClaimGold],
    pred: &[ClaimPred],
    gi: Vec<usize>,
    pi: Vec<usize>,
) -> (Metrics, Vec<Pair>) {
    let pairs = match_pairs(gold, pred, &gi, &pi);
    let m = Metrics {
        gold: gi.len(),
        pred: pi.len(),
        matched: pairs.len(),
        speaker_correct: pairs.iter().filter(|p| p.speaker_correct).count(),
        exact: pairs.iter().filter(|p| p.exact).count(),
        ..Default::default()
    }
    .finish();
    (m, pairs)
}

fn kind_key(k: Option<&str>) -> String {
    k.filter(|s| !s.is_empty()).unwrap_or("unknown").to_string()
}

/// Confidence buckets: `(label, lo, hi)`.
pub const BUCKETS: &[(&str, f64, f64)] = &[
    ("[0.00,0.50)", 0.0, 0.5),
    ("[0.50,0.70)", 0.5, 0.7),
    ("[0.70,0.85)", 0.7, 0.85),
    ("[0.85,1.00]", 0.85, 1.0),
];

fn bucket_index(c: f64) -> usize {
    if c < 0.5 {
        0
    } else if c < 0.7 {
        1
    } else if c < 0.85 {
        2
    } else {
        3
    }
}

/// Score predictions against gold. Only documents present in gold are scored.
pub fn evaluate(gold: &[ClaimGold], pred: &[ClaimPred]) -> Report {
    evaluate_with(gold, pred, &[])
}

/// [`evaluate`], with canonical-speaker accuracy on a speakers gold too.
pub fn evaluate_with(gold: &[ClaimGold], pred: &[ClaimPred], speakers: &[SpeakerGold]) -> Report {
    let gold_docs: BTreeSet<&str> = gold.iter().map(|g| g.doc_id.as_str()).collect();
    let gi_all: Vec<usize> = (0..gold.len()).collect();
    let pi_all: Vec<usize> = (0..pred.len())
        .filter(|&j| gold_docs.contains(pred[j].doc_id.as_str()))
        .collect();
    let ignored_docs: BTreeSet<&str> = pred
        .iter()
        .map(|p| p.doc_id.as_str())
        .filter(|d| !gold_docs.contains(d))
        .collect();
    let (all, pairs) = subset(gold, pred, gi_all.clone(), pi_all.clone());
    let scored = (gi_all.as_slice(), pi_all.as_slice());
    let quoted = subset_where(
        (gold, pred),
        scored,
        |g| is_quoted_kind(g.kind.as_deref()),
        |p| is_quoted_kind(p.kind.as_deref()),
    );
    let speech = subset_where((gold, pred), scored, gold_is_speech, pred_is_speech);
    let (buckets, no_confidence, reliability) = confidence_buckets(pred, &pi_all, &pairs);
    Report {
        threshold: MATCH_THRESHOLD,
        gold_docs: gold_docs.len(),
        pred_ignored: pred.len() - pi_all.len(),
        pred_ignored_docs: ignored_docs.len(),
        gold_kind_from_marks: gold.iter().filter(|g| g.kind_from_marks).count(),
        all,
        quoted,
        speech,
        per_kind: per_kind((gold, pred), scored, &pairs),
        buckets,
        no_confidence,
        reliability,
        per_doc: per_document(gold, pred, &pi_all, &pairs),
        canonical: canonical_accuracy(gold, pred, &pairs, speakers),
    }
}

/// The scores of the scored gold claims and predictions that pass the tests, matched anew.
fn subset_where(
    (gold, pred): (&[ClaimGold], &[ClaimPred]),
    (gi, pi): (&[usize], &[usize]),
    gold_in: impl Fn(&ClaimGold) -> bool,
    pred_in: impl Fn(&ClaimPred) -> bool,
) -> Metrics {
    let gi = gi.iter().copied().filter(|&i| gold_in(&gold[i])).collect();
    let pi = pi.iter().copied().filter(|&j| pred_in(&pred[j])).collect();
    subset(gold, pred, gi, pi).0
}

/// Scores per claim kind from the matching of all claims: recall by gold kind, precision by
/// predicted kind.
fn per_kind(
    (gold, pred): (&[ClaimGold], &[ClaimPred]),
    (gi, pi): (&[usize], &[usize]),
    pairs: &[Pair],
) -> Vec<KindMetrics> {
    let mut kinds: BTreeMap<String, KindMetrics> = BTreeMap::new();
    for &i in gi {
        kind_entry(&mut kinds, gold[i].kind.as_deref()).gold += 1;
    }
    for &j in pi {
        kind_entry(&mut kinds, pred[j].kind.as_deref()).pred += 1;
    }
    for p in pairs {
        let gk = kind_key(gold[p.gold].kind.as_deref());
        let pk = kind_key(pred[p.pred].kind.as_deref());
        let e = kinds.get_mut(&gk).expect("gold kind counted");
        e.matched += 1;
        e.speaker_correct += p.speaker_correct as usize;
        e.exact += p.exact as usize;
        e.kind_agree += (gk == pk) as usize;
        let e = kinds.get_mut(&pk).expect("pred kind counted");
        e.matched_pred_kind += 1;
        e.speaker_correct_pred_kind += p.speaker_correct as usize;
    }
    kinds
        .into_values()
        .map(|mut k| {
            (k.quote_p, k.quote_r, k.quote_f1) =
                prf(k.matched_pred_kind, k.pred, k.matched, k.gold);
            (k.claim_p, k.claim_r, k.claim_f1) = prf(
                k.speaker_correct_pred_kind,
                k.pred,
                k.speaker_correct,
                k.gold,
            );
            k
        })
        .collect()
}

/// The scores of `kind` in `kinds`, added empty if missing.
fn kind_entry<'k>(
    kinds: &'k mut BTreeMap<String, KindMetrics>,
    kind: Option<&str>,
) -> &'k mut KindMetrics {
    let k = kind_key(kind);
    kinds.entry(k.clone()).or_insert_with(|| KindMetrics {
        kind: k,
        ..Default::default()
    })
}

/// Claim precision by confidence bucket, the predictions without a confidence, and the
/// reliability table of the scored predictions `pi`.
fn confidence_buckets(
    pred: &[ClaimPred],
    pi: &[usize],
    pairs: &[Pair],
) -> (Vec<Bucket>, usize, Reliability) {
    let correct: BTreeSet<usize> = pairs
        .iter()
        .filter(|p| p.speaker_correct)
        .map(|p| p.pred)
        .collect();
    let mut buckets: Vec<Bucket> = BUCKETS
        .iter()
        .map(|&(l, lo, hi)| Bucket {
            label: l.to_string(),
            lo,
            hi,
            n: 0,
            correct: 0,
            precision: 0.0,
        })
        .collect();
    let mut no_confidence = 0;
    for &j in pi {
        match pred[j].confidence {
            Some(c) if c.is_finite() => {
                let b = &mut buckets[bucket_index(c)];
                b.n += 1;
                b.correct += correct.contains(&j) as usize;
            }
            _ => no_confidence += 1,
        }
    }
    for b in &mut buckets {
        b.precision = ratio(b.correct, b.n);
    }
    let reliability = super::calibration::reliability(
        pi.iter()
            .filter_map(|&j| Some((pred[j].confidence?, correct.contains(&j)))),
    );
    (buckets, no_confidence, reliability)
}

/// Counts per gold document, sorted by document id.
fn per_document(
    gold: &[ClaimGold],
    pred: &[ClaimPred],
    pi: &[usize],
    pairs: &[Pair],
) -> Vec<DocMetrics> {
    let mut per_doc: BTreeMap<&str, DocMetrics> = BTreeMap::new();
    for g in gold {
        per_doc
            .entry(g.doc_id.as_str())
            .or_insert_with(|| DocMetrics {
                doc_id: g.doc_id.clone(),
                gold: 0,
                pred: 0,
                matched: 0,
                speaker_correct: 0,
            })
            .gold += 1;
    }
    for &j in pi {
        per_doc
            .get_mut(pred[j].doc_id.as_str())
            .expect("scored doc")
            .pred += 1;
    }
    for p in pairs {
        let d = per_doc
            .get_mut(gold[p.gold].doc_id.as_str())
            .expect("scored doc");
        d.matched += 1;
        d.speaker_correct += p.speaker_correct as usize;
    }
    per_doc.into_values().collect()
}

impl Report {
    /// Aligned human-readable tables.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "claim eval: {} gold documents, {} gold claims, {} predictions scored (match: token F1 >= {})",
            self.gold_docs, self.all.gold, self.all.pred, self.threshold
        );
        if self.pred_ignored > 0 {
            let _ = writeln!(
                s,
                "note: {} predictions in {} documents not present in gold were ignored",
                self.pred_ignored, self.pred_ignored_docs
            );
        }
        if self.gold_kind_from_marks > 0 {
            let _ = writeln!(
                s,
                "note: {} gold claims labelled indirect are quoted with '' marks and count as direct or mixed",
                self.gold_kind_from_marks
            );
        }
        let head = format!(
            "{:<10} {:>5} {:>5} {:>6} {:>6} {:>6} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}",
            "subset",
            "gold",
            "pred",
            "match",
            "spk_ok",
            "exact",
            "exact_F1",
            "quote_P",
            "quote_R",
            "quote_F1",
            "claim_P",
            "claim_R",
            "claim_F1"
        );
        let _ = writeln!(s, "\n{head}\n{}", "-".repeat(head.len()));
        for (name, m) in [
            ("all", &self.all),
            ("quoted", &self.quoted),
            ("speech", &self.speech),
        ] {
            let _ = writeln!(
                s,
                "{:<10} {:>5} {:>5} {:>6} {:>6} {:>6} {:>8.3} {:>8.3} {:>8.3} {:>8.3} {:>8.3} {:>8.3} {:>8.3}",
                name, m.gold, m.pred, m.matched, m.speaker_correct, m.exact, m.exact_f1, m.quote_p, m.quote_r,
                m.quote_f1, m.claim_p, m.claim_r, m.claim_f1
            );
        }
        let _ = writeln!(
            s,
            "\nper kind (recall: pairs by gold kind; precision: pairs by predicted kind)"
        );
        let head = format!(
            "{:<10} {:>5} {:>5} {:>6} {:>6} {:>6} {:>6} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}",
            "kind",
            "gold",
            "pred",
            "m_gold",
            "m_pred",
            "kind=",
            "exact",
            "quote_P",
            "quote_R",
            "quote_F1",
            "claim_P",
            "claim_R",
            "claim_F1"
        );
        let _ = writeln!(s, "{head}\n{}", "-".repeat(head.len()));
        for k in &self.per_kind {
            let _ = writeln!(
                s,
                "{:<10} {:>5} {:>5} {:>6} {:>6} {:>6} {:>6} {:>8.3} {:>8.3} {:>8.3} {:>8.3} {:>8.3} {:>8.3}",
                k.kind, k.gold, k.pred, k.matched, k.matched_pred_kind, k.kind_agree, k.exact,
                k.quote_p, k.quote_r, k.quote_f1, k.claim_p, k.claim_r, k.claim_f1
            );
        }
        let _ = writeln!(
            s,
            "\nconfidence buckets (correct = quote matched and speaker correct)"
        );
        let head = format!(
            "{:<12} {:>5} {:>8} {:>9}",
            "confidence", "n", "correct", "precision"
        );
        let _ = writeln!(s, "{head}\n{}", "-".repeat(head.len()));
        for b in &self.buckets {
            let _ = writeln!(
                s,
                "{:<12} {:>5} {:>8} {:>9.3}",
                b.label, b.n, b.correct, b.precision
            );
        }
        if self.no_confidence > 0 {
            let _ = writeln!(s, "{:<12} {:>5}", "(none)", self.no_confidence);
        }
        if self.reliability.n > 0 {
            let _ = write!(s, "\n{}", self.reliability.to_text());
        }
        if !self.canonical.is_empty() {
            let _ = writeln!(
                s,
                "\ncanonical speaker (matched claims whose speaker holds the gold full name)"
            );
            let head = format!(
                "{:<14} {:>5} {:>8} {:>9}",
                "gold", "n", "correct", "accuracy"
            );
            let _ = writeln!(s, "{head}\n{}", "-".repeat(head.len()));
            for m in &self.canonical {
                let _ = writeln!(
                    s,
                    "{:<14} {:>5} {:>8} {:>9.3}",
                    m.group, m.n, m.correct, m.accuracy
                );
            }
        }
        s
    }
}

// ------------------------------------------------------------------ tests

#[cfg(test)]
mod tests {
    use super::*;

    fn g(
        doc: &str,
        s: usize,
        text: &str,
        spk: Option<(usize, &str, &str)>,
        kind: &str,
        cue: &str,
    ) -> ClaimGold {
        ClaimGold {
            doc_id: doc.into(),
            id: None,
            quote: Span::new(s, s + text.chars().count(), text),
            speaker_span: spk.map(|(st, t, _)| Span::new(st, st + t.chars().count(), t)),
            speaker_name: spk.map(|(_, _, n)| n.to_string()),
            speaker_type: None,
            speaker_role: None,
            cue: Some(Span::new(0, cue.chars().count(), cue)),
            kind: Some(kind.into()),
            kind_from_marks: false,
            cue_class: None,
        }
    }

    fn p(doc: &str, s: usize, text: &str, spk: Option<&str>, kind: &str, conf: f64) -> ClaimPred {
        ClaimPred {
            doc_id: doc.into(),
            kind: Some(kind.into()),
            cue_class: None,
            speaker: spk.map(str::to_string),
            speaker_type: None,
            speaker_mention: None,
            cue: Some(Span::new(0, 4, "said")),
            quote: Span::new(s, s + text.chars().count(), text),
            confidence: Some(conf),
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn typewriter_marks_make_an_indirect_gold_quoted() {
        let kind = |text: &str, given: &str| {
            let v = serde_json::json!({"doc_id": "d", "kind": given,
                "quote": {"start": 0, "end": text.chars().count(), "text": text}});
            let g = parse_gold_value(&v).unwrap();
            (g.kind.unwrap(), g.kind_from_marks)
        };
        let direct = ("direct".to_string(), true);
        let mixed = ("mixed".to_string(), true);
        assert_eq!(
            kind("''I mean, a raid is a combat operation.''", "indirect"),
            direct
        );
        assert_eq!(kind("``It is over,''", "indirect"), direct);
        assert_eq!(kind("''A,'' he said, ''B.''", "indirect"), direct);
        assert_eq!(kind("the ''good old days'' when", "indirect"), mixed);
        assert_eq!(kind("''We will win'' in the fall", "indirect"), mixed);
        // no typewriter marks, or another kind given: as given
        let plain = ("indirect".to_string(), false);
        assert_eq!(kind("that it's over", "indirect"), plain);
        assert_eq!(kind("'It is over'", "indirect"), plain);
        assert_eq!(kind("''x'' y", "mixed"), ("mixed".to_string(), false));
    }

    #[test]
    fn a_typewriter_quoted_gold_is_in_the_quoted_subset() {
        let text = "''We will win,''";
        let v = serde_json::json!({"doc_id": "d", "kind": "indirect",
            "quote": {"start": 0, "end": 16, "text": text}});
        let gold = vec![parse_gold_value(&v).unwrap()];
        let pred = vec![p("d", 1, "We will win", None, "direct", 0.9)];
        let r = evaluate_with(&gold, &pred, &[]);
        assert_eq!((r.quoted.gold, r.quoted.pred, r.quoted.matched), (1, 1, 1));
        assert!(r
            .to_text()
            .contains("note: 1 gold claims labelled indirect are quoted with '' marks"));
    }

    #[test]
    fn words_are_unicode_lowercased() {
        assert_eq!(
            words("Moscow’s “Über” x_y 2025!"),
            vec!["moscow", "s", "über", "x_y", "2025"]
        );
        assert!(words(" ,. ").is_empty());
    }

    #[test]
    fn overlap_f1_hand_computed() {
        // gold 4 words, pred 2 words, common 2 -> P=1, R=0.5, F1=2/3
        assert!(close(overlap_f1("the cat sat down", "cat sat"), 2.0 / 3.0));
        // multiset: gold {a,a,b}, pred {a,b,b}: common = a + b = 2 -> 4/6
        assert!(close(overlap_f1("a a b", "a b b"), 4.0 / 6.0));
        // case/punctuation-insensitive
        assert!(close(overlap_f1("We agreed.", "we AGREED"), 1.0));
        assert_eq!(overlap_f1("", "x"), 0.0);
        assert_eq!(overlap_f1("x", "y"), 0.0);
    }

    #[test]
    fn greedy_matching_is_one_to_one_and_deterministic() {
        let gold = vec!["a b c d".to_string(), "a b c e".to_string()];
        // pred0 = "a b c d" (F1 1.0 with gold0, 0.75 with gold1); pred1 = "a b c" (F1 6/7 both)
        let pred = vec!["a b c d".to_string(), "a b c".to_string()];
        let m = greedy_match(&gold, &pred, 0.5);
        assert_eq!(m.len(), 2);
        assert_eq!((m[0].0, m[0].1), (0, 0));
        assert!(close(m[0].2, 1.0));
        assert_eq!((m[1].0, m[1].1), (1, 1));
        assert!(close(m[1].2, 6.0 / 7.0));
        // ties: two identical golds, one pred -> lowest gold index wins
        let m = greedy_match(&["x y".into(), "x y".into()], &["x y".into()], 0.5);
        assert_eq!(
            m.iter().map(|t| (t.0, t.1)).collect::<Vec<_>>(),
            vec![(0, 0)]
        );
        // below threshold: 1 of 3 words -> F1 = 2/4 = 0.5 counts, 1 of 4 -> 2/5 does not
        assert_eq!(greedy_match(&["a b c".into()], &["a".into()], 0.5).len(), 1);
        assert_eq!(
            greedy_match(&["a b c d".into()], &["a".into()], 0.5).len(),
            0
        );
    }

    #[test]
    fn greedy_can_be_suboptimal_but_follows_spec() {
        // gold0 best with pred0 (1.0) blocks gold1 whose only candidate is pred0.
        let gold = vec!["a b".to_string(), "a b c".to_string()];
        let pred = vec!["a b".to_string()];
        let m = greedy_match(&gold, &pred, 0.5);
        assert_eq!(
            m.iter().map(|t| (t.0, t.1)).collect::<Vec<_>>(),
            vec![(0, 0)]
        );
    }

    #[test]
    fn speaker_names() {
        assert!(names_agree("Lavrov", "Sergey Lavrov"));
        assert!(names_agree(
            "Sergey Lavrov",
            "Russian Foreign Minister Lavrov"
        ));
        assert!(!names_agree("the minister", "Antonio Tajani"));
        assert!(names_agree("the Kremlin", "Kremlin"));
        assert!(names_agree("Italy’s", "Italy"));
        assert!(names_agree(
            "the Wall Street Journal",
            "Wall Street Journal"
        ));
        assert!(names_agree("Mr. Putin", "Vladimir Putin"));
        assert!(!names_agree("Wang Yi", "Xi Jinping"));
        assert!(!names_agree("the", "the"));
        assert_eq!(name_words("President Xi’s"), vec!["xi"]);
    }

    #[test]
    fn speaker_correct_by_span_or_name() {
        let gold = g(
            "d",
            10,
            "we agreed",
            Some((0, "He", "Sergey Lavrov")),
            "indirect",
            "said",
        );
        let mut pred = p("d", 10, "we agreed", Some("Wang Yi"), "indirect", 0.9);
        assert!(!speaker_correct(&gold, &pred));
        pred.speaker_mention = Some(Span::new(1, 2, "e"));
        assert!(speaker_correct(&gold, &pred)); // overlapping span wins
        pred.speaker_mention = Some(Span::new(2, 4, "xx")); // touching, not overlapping
        assert!(!speaker_correct(&gold, &pred));
        pred.speaker = None;
        pred.speaker_mention = Some(Span::new(50, 56, "Lavrov")); // mention text as name
        assert!(speaker_correct(&gold, &pred));
        // gold mention text also counts ("He" vs predicted "he")
        pred.speaker = Some("he".into());
        assert!(speaker_correct(&gold, &pred));
    }

    #[test]
    fn fragments_content() {
        // text: «“A b,” he said, “c d.”» quote covers 1..22 relative to doc start 100
        let text = "A b,” he said, “c d";
        let n = text.chars().count();
        let q = Span::new(100, 100 + n, text).with_fragments(&[(100, 103), (116, 100 + n)]);
        assert_eq!(q.content(), "A b c d");
        // single fragment equal to the span -> text
        let q1 = Span::new(100, 100 + n, text).with_fragments(&[(100, 100 + n)]);
        assert_eq!(q1.content(), text);
        // inconsistent text length -> fall back to text
        let q2 = Span::new(100, 200, text).with_fragments(&[(100, 103)]);
        assert_eq!(q2.content(), text);
        // fragments make the words "he said" disappear: F1 against "A b c d" is 1
        let gold = vec![g("d", 100, text, None, "direct", "said")];
        let mut gold = gold;
        gold[0].quote = q.clone();
        let pred = vec![p("d", 0, "a b c d", None, "direct", 0.9)];
        let r = evaluate(&gold, &pred);
        assert_eq!(r.all.matched, 1);
        assert_eq!(r.all.speaker_correct, 1); // both speakers absent
        assert_eq!(r.all.exact, 1); // the same words, fragments joined
        let pred = vec![p("d", 0, "a b c", None, "direct", 0.9)];
        assert_eq!(evaluate(&gold, &pred).all.exact, 0);
    }

    #[test]
    fn exact_content_ignores_quotation_marks_and_edge_punctuation() {
        let gold = vec![g("d", 10, "“We will win,”", None, "direct", "said")];
        let same = vec![p("d", 11, "We will win", None, "direct", 0.9)];
        let r = evaluate(&gold, &same);
        assert_eq!((r.all.matched, r.all.exact), (1, 1));
        assert!((r.all.exact_f1 - 1.0).abs() < 1e-9);
        let shorter = vec![p("d", 11, "We will", None, "direct", 0.9)];
        let r = evaluate(&gold, &shorter);
        assert_eq!((r.all.matched, r.all.exact, r.all.exact_f1), (1, 0, 0.0));
    }

    #[test]
    fn lemmas_and_speech_cues() {
        for (w, l) in [
            ("said", "say"),
            ("told", "tell"),
            ("stating", "state"),
            ("emphasized", "emphasize"),
            ("emphasised", "emphasise"),
            ("denied", "deny"),
            ("replies", "reply"),
            ("admitted", "admit"),
            ("adding", "add"),
            ("agreed", "agree"),
            ("stresses", "stress"),
            ("says", "say"),
            ("urging", "urge"),
            ("calls", "call"),
            ("wrote", "write"),
        ] {
            assert_eq!(lemmatize(w), l, "{w}");
        }
        assert!(is_speech_cue("said"));
        assert!(is_speech_cue("calls for"));
        assert!(is_speech_cue("has emphasised"));
        assert!(!is_speech_cue("according to"));
        assert!(!is_speech_cue("as per"));
        assert!(!is_speech_cue("reported"));
        assert!(!is_speech_cue("expects"));
        assert!(!is_speech_cue("wants"));
    }

    #[test]
    fn subsets_and_kinds() {
        let gold = vec![
            g(
                "d",
                0,
                "we have agreed on your visit",
                Some((40, "Lavrov", "Sergey Lavrov")),
                "direct",
                "said",
            ),
            g(
                "d",
                60,
                "beijing will deepen cooperation",
                Some((50, "Wang", "Wang Yi")),
                "indirect",
                "according to",
            ),
            g(
                "d",
                100,
                "a meeting with putin would be part of a push",
                Some((90, "people", "people familiar")),
                "mixed",
                "expects",
            ),
        ];
        let mut preds = vec![
            p(
                "d",
                0,
                "we have agreed on your visit",
                Some("Lavrov"),
                "direct",
                0.9,
            ), // ok, speech
            p(
                "d",
                60,
                "beijing will deepen cooperation today",
                Some("Sergey Lavrov"),
                "direct",
                0.6,
            ), // quote ok, speaker wrong
            p(
                "d",
                100,
                "something else entirely",
                Some("x"),
                "indirect",
                0.3,
            ), // no match
            p("other", 0, "ignored", None, "direct", 0.9),
        ];
        preds[1].cue = Some(Span::new(0, 12, "according to"));
        preds[2].cue = Some(Span::new(0, 8, "reported"));
        // The speech subset goes by the cue's words, whatever class the tool gave it.
        preds[0].cue_class = Some("thought".into());
        preds[2].cue_class = Some("speech".into());
        let r = evaluate(&gold, &preds);
        assert_eq!(r.pred_ignored, 1);
        assert_eq!(r.pred_ignored_docs, 1);
        assert_eq!(
            (r.all.gold, r.all.pred, r.all.matched, r.all.speaker_correct),
            (3, 3, 2, 1)
        );
        assert!(close(r.all.quote_p, 2.0 / 3.0) && close(r.all.quote_r, 2.0 / 3.0));
        assert!(close(r.all.claim_f1, 1.0 / 3.0));
        assert_eq!(r.all.exact, 1);
        // quoted: gold {0 direct, 2 mixed}; pred {0, 1} (direct) -> gold0-pred0 only
        assert_eq!(
            (
                r.quoted.gold,
                r.quoted.pred,
                r.quoted.matched,
                r.quoted.speaker_correct
            ),
            (2, 2, 1, 1)
        );
        assert!(close(r.quoted.claim_p, 0.5) && close(r.quoted.claim_r, 0.5));
        // speech: gold {0}; pred {0} (cue "said"); pred1 cue "according to"; pred2 cue "reported"
        assert_eq!((r.speech.gold, r.speech.pred, r.speech.matched), (1, 1, 1));
        assert!(close(r.speech.claim_f1, 1.0));
        // per kind
        let k = |n: &str| r.per_kind.iter().find(|k| k.kind == n).unwrap().clone();
        let d = k("direct");
        assert_eq!(
            (d.gold, d.pred, d.matched, d.matched_pred_kind, d.kind_agree),
            (1, 2, 1, 2, 1)
        );
        assert!(close(d.quote_p, 1.0) && close(d.quote_r, 1.0) && close(d.claim_p, 0.5));
        let i = k("indirect");
        assert_eq!(
            (i.gold, i.pred, i.matched, i.matched_pred_kind),
            (1, 1, 1, 0)
        );
        assert!(close(i.quote_r, 1.0) && close(i.quote_p, 0.0) && close(i.claim_r, 0.0));
        let m = k("mixed");
        assert_eq!((m.gold, m.pred, m.matched), (1, 0, 0));
        // buckets
        let b: Vec<(usize, usize)> = r.buckets.iter().map(|b| (b.n, b.correct)).collect();
        assert_eq!(b, vec![(1, 0), (1, 0), (0, 0), (1, 1)]);
        let txt = r.to_text();
        assert!(txt.contains("ignored") && txt.contains("quoted") && txt.contains("[0.85,1.00]"));
    }

    #[test]
    fn parsing_is_lenient_and_errors_name_line() {
        let dir = std::env::temp_dir().join(format!("claimeval-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let gp = dir.join("g.jsonl");
        std::fs::write(
            &gp,
            concat!(
                r#"{"doc_id":"d","quote":{"start":0,"end":3,"text":"abc"},"speaker":"Sergey Lavrov","cue":null,"kind":"Direct"}"#, "\n",
                "\n",
                r#"{"doc_id":"d","quote":{"start":5,"end":8,"text":"def","fragments":[[5,6],[7,8]]},"speaker":null}"#, "\n",
                r#"{"doc_id":"d","quote":{"start":9,"end":10,"text":"g"},"speaker":{"start":0,"end":2,"text":"He","fragments":[[0,2]]},"brat_type":"Attribution"}"#, "\n",
            ),
        )
        .unwrap();
        let gold = read_gold(&gp).unwrap();
        assert_eq!(gold.len(), 3);
        assert_eq!(gold[0].speaker_name.as_deref(), Some("Sergey Lavrov"));
        assert_eq!(gold[0].kind.as_deref(), Some("direct"));
        assert_eq!(gold[1].quote.content(), "d f");
        assert_eq!(gold[2].speaker_label(), Some("He"));

        let pp = dir.join("p.jsonl");
        std::fs::write(
            &pp,
            concat!(
                r#"{"doc_id":"d","kind":"direct","speaker":null,"speaker_mention":null,"cue":null,"quote":{"start":0,"end":3,"text":"abc"},"confidence":0.7}"#, "\n",
                r#"{"doc_id":"d","kind":"direct","quote":{"start":0,"end":3,"text":"abc"},"confidence":"high"}"#, "\n",
            ),
        )
        .unwrap();
        let err = read_pred(&pp).unwrap_err().to_string();
        assert!(
            err.contains("p.jsonl:2:") && err.contains("confidence"),
            "{err}"
        );
        std::fs::write(
            &pp,
            "{\"doc_id\":\"d\",\"quote\":{\"text\":\"x\"}}\n{not json\n",
        )
        .unwrap();
        let err = read_pred(&pp).unwrap_err().to_string();
        assert!(
            err.contains("p.jsonl:2:") && err.contains("invalid JSON"),
            "{err}"
        );
        std::fs::write(&pp, "{\"doc_id\":\"d\"}\n").unwrap();
        assert!(read_pred(&pp)
            .unwrap_err()
            .to_string()
            .contains(":1: missing \"quote\""));
        assert!(matches!(
            read_pred(&dir.join("missing.jsonl")),
            Err(EvalError::Io { .. })
        ));
        std::fs::remove_dir_all(&dir).ok();
    }

    fn assert_perfect(r: &Report) {
        assert!(
            r.canonical.iter().all(|m| m.correct == m.n),
            "{:?}",
            r.canonical
        );
        for m in [&r.all, &r.quoted, &r.speech] {
            assert!(m.gold > 0);
            assert_eq!(m.gold, m.pred);
            assert_eq!(m.matched, m.gold);
            assert_eq!(m.speaker_correct, m.gold);
            assert_eq!(m.exact, m.gold);
            for v in [
                m.quote_p, m.quote_r, m.quote_f1, m.claim_p, m.claim_r, m.claim_f1,
            ] {
                assert!(close(v, 1.0), "{m:?}");
            }
        }
        for k in &r.per_kind {
            assert!(close(k.quote_f1, 1.0) && close(k.claim_f1, 1.0), "{k:?}");
        }
    }

    #[test]
    fn speakers_gold_groups_resolved_and_unresolvable_speakers() {
        let mut gold = vec![
            g("d", 0, "we will win the vote", None, "direct", "said"),
            g("d", 40, "the plan is dead now", None, "direct", "said"),
        ];
        gold[0].id = Some("d#1".into());
        gold[1].id = Some("d#2".into());
        let mut pred = vec![
            p(
                "d",
                0,
                "we will win the vote",
                Some("Tobias Quill"),
                "direct",
                0.9,
            ),
            p(
                "d",
                40,
                "the plan is dead now",
                Some("Dana Pell"),
                "direct",
                0.9,
            ),
        ];
        pred[1].speaker_type = Some("PER".into());
        let speakers = [
            SpeakerGold {
                gold_id: "d#1".into(),
                category: "pronoun".into(),
                name: Some("Tobias Quill".into()),
            },
            SpeakerGold {
                gold_id: "d#2".into(),
                category: "nominal".into(),
                name: None,
            },
        ];
        let r = evaluate_with(&gold, &pred, &speakers);
        let row = |group: &str| r.canonical.iter().find(|m| m.group == group).cloned();
        assert_eq!(row("pronoun").map(|m| (m.n, m.correct)), Some((1, 1)));
        assert_eq!(row("resolved").map(|m| (m.n, m.correct)), Some((1, 1)));
        assert_eq!(
            row("unresolvable").map(|m| (m.n, m.correct)),
            Some((1, 0)),
            "a guessed name for an unresolvable speaker is wrong"
        );
    }

    #[test]
    fn seeds_gold_against_itself_is_perfect() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/seeds.gold.jsonl");
        let gold = read_gold(&path).unwrap();
        assert!(gold.len() >= 35, "{}", gold.len());
        // 1) gold converted in memory
        let pred: Vec<ClaimPred> = gold.iter().map(ClaimPred::from).collect();
        let r = evaluate(&gold, &pred);
        assert_perfect(&r);
        assert_eq!(r.gold_docs, 5);
        // 2) the gold file read as a prediction file (gold-shaped lines accepted)
        let pred2 = read_pred(&path).unwrap();
        let r2 = evaluate(&gold, &pred2);
        assert_perfect(&r2);
        assert_eq!(r2.buckets[3].n, 0); // no confidence in gold lines
        assert_eq!(r2.no_confidence, gold.len());
        // 3) serialises
        let js = serde_json::to_string(&r).unwrap();
        assert!(js.contains("\"quoted\""));
    }

    #[test]
    fn seeds_gold_offsets_are_char_offsets_into_seed_texts() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let gold = read_gold(&root.join("data/seeds.gold.jsonl")).unwrap();
        let seeds = root.join("seeds");
        if !seeds.is_dir() {
            eprintln!("skipping: {} not present", seeds.display());
            return;
        }
        for g in &gold {
            let text: Vec<char> = std::fs::read_to_string(seeds.join(format!("{}.txt", g.doc_id)))
                .unwrap()
                .chars()
                .collect();
            let spans = [Some(&g.quote), g.speaker_span.as_ref(), g.cue.as_ref()];
            for sp in spans.into_iter().flatten() {
                let (s, e) = sp.range().expect("gold spans have offsets");
                let got: String = text[s..e].iter().collect();
                assert_eq!(got, sp.text, "{:?}", g.id);
            }
            assert!(
                g.speaker_name.is_some() && g.cue_class.is_some() && g.kind.is_some(),
                "{:?}",
                g.id
            );
        }
    }

    #[test]
    fn polnear_dev_against_itself_is_perfect_if_present() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/data/polnear/polnear_dev.gold.jsonl");
        if !path.exists() {
            eprintln!("skipping: {} not present", path.display());
            return;
        }
        let gold = read_gold(&path).unwrap();
        let pred = read_pred(&path).unwrap();
        let r = evaluate(&gold, &pred);
        assert_eq!(r.all.matched, r.all.gold, "{}", r.to_text());
        assert!(close(r.all.claim_f1, 1.0), "{}", r.to_text());
        assert!(
            close(r.quoted.claim_f1, 1.0) && close(r.speech.claim_f1, 1.0),
            "{}",
            r.to_text()
        );
    }
}
