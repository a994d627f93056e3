//! A lemmatizer learned from a treebank: suffix-rewrite rules per UPOS (the most frequent rule
//! of the longest matching suffix) plus an exception table (lowercased form + UPOS → rule) for
//! the training forms the suffix rules get wrong.
//!
//! A rule turns a form into its lemma: optionally lowercase it, strip `n` characters, append a
//! string (`said` → lowercase, strip 3, append `ay`). Exceptions store rules too, so they carry
//! over to other capitalisations of the same form.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

/// Longest suffix (in characters) the rules look at.
const MAX_SUFFIX: usize = 7;

/// The `strip` value of a literal rule (the lemma is `append`, whatever the form).
const LITERAL: u8 = 255;

/// One rewrite: lowercase first or not, strip characters, append a string.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rule {
    /// Lowercase the form before rewriting.
    pub lower: bool,
    /// Characters stripped from the end.
    pub strip: u8,
    /// String appended.
    pub append: String,
}

impl Rule {
    /// The rule turning `form` into `lemma` (the one that strips least; ties keep the case for
    /// proper nouns and lowercase otherwise).
    pub fn derive(form: &str, lemma: &str, upos: &str) -> Rule {
        let make = |f: &str, lower: bool| {
            let fc: Vec<char> = f.chars().collect();
            let lc: Vec<char> = lemma.chars().collect();
            let common = fc.iter().zip(&lc).take_while(|(a, b)| a == b).count();
            let strip = (fc.len() - common).min(LITERAL as usize - 1);
            let append: String = lc[fc.len() - strip..].iter().collect();
            Rule {
                lower,
                strip: strip as u8,
                append,
            }
        };
        let keep = make(form, false);
        let lower = make(&form.to_lowercase(), true);
        let prefer_keep = upos == "PROPN";
        if keep.strip < lower.strip || (keep.strip == lower.strip && prefer_keep) {
            keep
        } else {
            lower
        }
    }

    /// A rule that ignores the form and gives `lemma`.
    pub fn literal(lemma: &str) -> Rule {
        Rule {
            lower: false,
            strip: LITERAL,
            append: lemma.to_string(),
        }
    }

    /// Applies the rule (None if it strips more characters than the form has).
    pub fn apply(&self, form: &str) -> Option<String> {
        if self.strip == LITERAL {
            return Some(self.append.clone());
        }
        let base = if self.lower {
            form.to_lowercase()
        } else {
            form.to_string()
        };
        let n = base.chars().count();
        if self.strip as usize > n {
            return None;
        }
        let cut = base
            .char_indices()
            .nth(n - self.strip as usize)
            .map_or(base.len(), |(i, _)| i);
        Some(format!("{}{}", &base[..cut], self.append))
    }

    fn encode(&self) -> String {
        format!(
            "{}{}\t{}",
            if self.lower { 'L' } else { 'K' },
            self.strip,
            self.append
        )
    }

    fn decode(s: &str) -> Option<Rule> {
        let (head, append) = s.split_once('\t')?;
        let lower = match head.as_bytes().first()? {
            b'L' => true,
            b'K' => false,
            _ => return None,
        };
        Some(Rule {
            lower,
            strip: head[1..].parse().ok()?,
            append: append.to_string(),
        })
    }
}

/// The learned lemmatizer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lemmatizer {
    /// (UPOS, lowercased suffix) → rule; only suffixes whose rule differs from the next
    /// shorter suffix's are kept (lookups give the same answers).
    suffixes: FxHashMap<(String, String), Rule>,
    /// (UPOS, lowercased form) → rule, for training forms the suffix rules get wrong.
    exceptions: FxHashMap<(String, String), Rule>,
}

fn best_lemma(m: &BTreeMap<String, usize>) -> String {
    let mut best: Option<(&String, usize)> = None;
    for (k, &c) in m {
        if best.is_none_or(|(_, b)| c > b) {
            best = Some((k, c));
        }
    }
    best.map(|(k, _)| k.clone()).unwrap_or_default()
}

fn suffix(chars: &[char], k: usize) -> String {
    chars[chars.len() - k..].iter().collect()
}

impl Lemmatizer {
    /// Learns from (form, UPOS, lemma) triples (`_` lemmas are skipped).
    pub fn train<'a>(examples: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Self {
        // Most frequent rule per (upos, lowercased form), counted over tokens, and the lemma
        // strings of each such type.
        let mut per_type: BTreeMap<(String, String), BTreeMap<Rule, usize>> = BTreeMap::new();
        let mut lemmas: BTreeMap<(String, String), BTreeMap<String, usize>> = BTreeMap::new();
        for (form, upos, lemma) in examples {
            if lemma == "_" && form != "_" {
                continue;
            }
            *lemmas
                .entry((upos.to_string(), form.to_lowercase()))
                .or_default()
                .entry(lemma.to_string())
                .or_default() += 1;
            let rule = Rule::derive(form, lemma, upos);
            *per_type
                .entry((upos.to_string(), form.to_lowercase()))
                .or_default()
                .entry(rule)
                .or_default() += 1;
        }
        let best = |m: &BTreeMap<Rule, usize>| -> Rule {
            // Highest count; ties go to the smallest rule (BTreeMap order), deterministic.
            let mut it = m.iter();
            let (mut r, mut c) = it.next().expect("non-empty");
            for (r2, c2) in it {
                if c2 > c {
                    r = r2;
                    c = c2;
                }
            }
            r.clone()
        };
        // Suffix statistics over types.
        let mut counts: BTreeMap<(String, String), BTreeMap<Rule, usize>> = BTreeMap::new();
        let mut type_rule = Vec::new();
        for ((upos, lower), rules) in &per_type {
            let rule = best(rules);
            let chars: Vec<char> = lower.chars().collect();
            for k in 0..=chars.len().min(MAX_SUFFIX) {
                *counts
                    .entry((upos.clone(), suffix(&chars, k)))
                    .or_default()
                    .entry(rule.clone())
                    .or_default() += 1;
            }
            type_rule.push((upos.clone(), lower.clone(), rule));
        }
        let full: FxHashMap<(String, String), Rule> =
            counts.iter().map(|(k, m)| (k.clone(), best(m))).collect();
        let mut suffixes = FxHashMap::default();
        for ((upos, suf), rule) in &full {
            let chars: Vec<char> = suf.chars().collect();
            let keep = if chars.is_empty() {
                true
            } else {
                full.get(&(upos.clone(), suffix(&chars, chars.len() - 1))) != Some(rule)
            };
            if keep {
                suffixes.insert((upos.clone(), suf.clone()), rule.clone());
            }
        }
        let mut lem = Lemmatizer {
            suffixes,
            exceptions: FxHashMap::default(),
        };
        // Exceptions: training forms whose rule the suffixes do not predict. The check uses
        // the lowercased form, which is how the rule would be looked up.
        // A type whose tokens (nearly) all have the same lemma string gets that string (so
        // `i` and `I` both give `I`); others get their most frequent rule.
        for (upos, lower, rule) in type_rule {
            let counts = &lemmas[&(upos.clone(), lower.clone())];
            let total: usize = counts.values().sum();
            let top = best_lemma(counts);
            let rule =
                if counts[&top] * 10 >= total * 9 && rule.apply(&lower).as_ref() != Some(&top) {
                    Rule::literal(&top)
                } else {
                    rule
                };
            if lem.suffix_rule(&lower, &upos).as_ref() != Some(&rule) {
                lem.exceptions.insert((upos, lower), rule);
            }
        }
        lem
    }

    fn suffix_rule(&self, lower: &str, upos: &str) -> Option<Rule> {
        let chars: Vec<char> = lower.chars().collect();
        let mut key = (upos.to_string(), String::new());
        for k in (0..=chars.len().min(MAX_SUFFIX)).rev() {
            key.1 = suffix(&chars, k);
            if let Some(r) = self.suffixes.get(&key) {
                if r.strip as usize <= chars.len() {
                    return Some(r.clone());
                }
            }
        }
        None
    }

    /// The lemma of `form` with tag `upos`.
    pub fn lemma(&self, form: &str, upos: &str) -> String {
        let lower = form.to_lowercase();
        let rule = self
            .exceptions
            .get(&(upos.to_string(), lower.clone()))
            .cloned()
            .or_else(|| self.suffix_rule(&lower, upos));
        rule.and_then(|r| r.apply(form))
            .unwrap_or_else(|| form.to_string())
    }

    /// Numbers of suffix entries and exceptions.
    pub fn sizes(&self) -> (usize, usize) {
        (self.suffixes.len(), self.exceptions.len())
    }

    /// Serialises as text lines (`S|E \t upos \t key \t rule`), sorted, so output is
    /// deterministic.
    pub fn to_text(&self) -> String {
        let mut lines: Vec<String> = Vec::new();
        for (tag, map) in [('S', &self.suffixes), ('E', &self.exceptions)] {
            for ((upos, key), rule) in map {
                lines.push(format!(
                    "{tag}\t{}\t{}\t{}",
                    esc(upos),
                    esc(key),
                    rule.encode_escaped()
                ));
            }
        }
        lines.sort();
        let mut s = lines.join("\n");
        s.push('\n');
        s
    }

    /// Reads what [`Lemmatizer::to_text`] wrote.
    pub fn from_text(text: &str) -> Option<Lemmatizer> {
        let mut lem = Lemmatizer::default();
        for line in text.lines().filter(|l| !l.is_empty()) {
            let mut parts = line.splitn(4, '\t');
            let tag = parts.next()?;
            let upos = unesc(parts.next()?);
            let key = unesc(parts.next()?);
            let rule_text = parts.next()?;
            let (head, append) = rule_text.split_once('\t')?;
            let rule = Rule::decode(&format!("{head}\t{}", unesc(append)))?;
            match tag {
                "S" => lem.suffixes.insert((upos, key), rule),
                "E" => lem.exceptions.insert((upos, key), rule),
                _ => return None,
            };
        }
        Some(lem)
    }
}

impl Rule {
    fn encode_escaped(&self) -> String {
        let e = self.encode();
        let (head, append) = e.split_once('\t').expect("encode has a tab");
        format!("{head}\t{}", esc(append))
    }
}

fn esc(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
}

fn unesc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some(o) => out.push(o),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_derive_and_apply() {
        let r = Rule::derive("Said", "say", "VERB");
        assert_eq!(r.apply("said").unwrap(), "say");
        assert_eq!(
            Rule::derive("Paris", "Paris", "PROPN")
                .apply("Rome")
                .unwrap(),
            "Rome"
        );
        assert_eq!(
            Rule::derive("walking", "walk", "VERB")
                .apply("talking")
                .unwrap(),
            "talk"
        );
        assert_eq!(Rule::derive("ö", "öö", "X").apply("ä").unwrap(), "äö");
        assert!(Rule::derive("abcd", "x", "X").apply("ab").is_none());
    }

    #[test]
    fn learns_suffixes_and_exceptions() {
        let data = [
            ("walked", "VERB", "walk"),
            ("talked", "VERB", "talk"),
            ("jumped", "VERB", "jump"),
            ("went", "VERB", "go"),
            ("cats", "NOUN", "cat"),
            ("dogs", "NOUN", "dog"),
            ("Anna", "PROPN", "Anna"),
        ];
        let lem = Lemmatizer::train(data.iter().copied());
        for (f, u, l) in data {
            assert_eq!(lem.lemma(f, u), l, "{f}");
        }
        assert_eq!(lem.lemma("Parked", "VERB"), "park");
        assert_eq!(lem.lemma("birds", "NOUN"), "bird");
        assert_eq!(lem.lemma("Went", "VERB"), "go");
        assert_eq!(lem.lemma("Zoe", "PROPN"), "Zoe");
        let pronoun =
            Lemmatizer::train([("I", "PRON", "I"), ("I", "PRON", "I"), ("i", "PRON", "I")]);
        assert_eq!(pronoun.lemma("i", "PRON"), "I");
        let back = Lemmatizer::from_text(&lem.to_text()).unwrap();
        assert_eq!(back, lem);
    }
}
