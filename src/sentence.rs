//! Sentence splitting fit for news: abbreviations and initials, decimals, sentence-final quotes,
//! headlines and short lines without final punctuation as their own segments, and sentences
//! that continue across a single line break.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use crate::span::Span;

/// Splits an article into sentence spans.
pub trait SentenceSplitter: Send + Sync {
    /// Sentence spans of `text`, in order, skipping the masked (boilerplate) spans.
    fn split(&self, text: &str, mask: &[Span]) -> Vec<Span>;
}

/// How an abbreviation's period behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbreviationClass {
    /// Never ends a sentence (`Mr.`, `Gen.`).
    Title,
    /// Ends one only before a typical opener, never before a number (`Jan. 5`).
    Month,
    /// Ends one only before a typical sentence opener (`Inc.`).
    Other,
}

/// Known abbreviations, from `models/abbreviations.tsv`.
#[derive(Clone, Debug)]
pub struct Abbreviations {
    classes: Arc<HashMap<String, AbbreviationClass>>,
}

/// The abbreviation table embedded in the binary.
pub const DEFAULT_ABBREVIATIONS: &str = include_str!("../models/abbreviations.tsv");

impl Abbreviations {
    /// Parses `word<TAB>class` lines (`#` comments).
    pub fn from_table(table: &str) -> Result<Abbreviations, String> {
        let mut classes = HashMap::new();
        for (n, line) in table.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (word, class) = line.split_once('\t').ok_or_else(|| {
                format!("abbreviation table line {}: expected word<TAB>class", n + 1)
            })?;
            let class = match class.trim() {
                "title" => AbbreviationClass::Title,
                "month" => AbbreviationClass::Month,
                "other" => AbbreviationClass::Other,
                c => {
                    return Err(format!(
                        "abbreviation table line {}: unknown class {c:?}",
                        n + 1
                    ))
                }
            };
            classes.insert(word.trim().to_string(), class);
        }
        Ok(Abbreviations {
            classes: Arc::new(classes),
        })
    }

    /// The class of `word` (without its final period), if it is a known abbreviation.
    /// Titles and months match capitalised as listed; all-lowercase entries match any case.
    pub fn class(&self, word: &str) -> Option<AbbreviationClass> {
        self.classes.get(word).copied().or_else(|| {
            let lower = word.to_lowercase();
            self.classes.get(&lower).copied()
        })
    }
}

impl Default for Abbreviations {
    fn default() -> Self {
        Abbreviations::from_table(DEFAULT_ABBREVIATIONS)
            .expect("embedded abbreviation table is valid")
    }
}

/// The word table embedded in the binary: sentence openers and line-continuing words.
pub const DEFAULT_SENTENCE_WORDS: &str = include_str!("../models/sentence_words.tsv");

/// The words of [`DEFAULT_SENTENCE_WORDS`] in `class`, matched exactly.
fn sentence_words(class: &str) -> HashSet<&'static str> {
    DEFAULT_SENTENCE_WORDS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|&(c, _)| c == class)
        .map(|(_, w)| w)
        .collect()
}

/// Words that typically open a sentence; after an ambiguous abbreviation they signal a break.
fn is_opener(word: &str) -> bool {
    static OPENERS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    OPENERS
        .get_or_init(|| sentence_words("opener"))
        .contains(word)
}

/// Lowercase words that, ending a line, show the sentence goes on in the next line.
fn is_continuing(word: &str) -> bool {
    static CONTINUING: OnceLock<HashSet<&'static str>> = OnceLock::new();
    CONTINUING
        .get_or_init(|| sentence_words("continuing"))
        .contains(word)
}

/// Lines of at least this many words without final punctuation are not headlines.
const HEADLINE_MAX_WORDS: usize = 9;

/// The news sentence splitter.
#[derive(Clone, Debug, Default)]
pub struct NewsSentenceSplitter {
    abbreviations: Abbreviations,
}

impl NewsSentenceSplitter {
    /// A splitter that uses the given abbreviations.
    pub fn new(abbreviations: Abbreviations) -> NewsSentenceSplitter {
        NewsSentenceSplitter { abbreviations }
    }

    /// Splits one block (lines already joined) at sentence-final punctuation.
    fn split_block(&self, text: &str, block: Span, out: &mut Vec<Span>) {
        let s = block.slice(text);
        let mut sent_start = 0;
        let mut iter = s.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if !matches!(c, '.' | '!' | '?' | '…') {
                continue;
            }
            // Absorb more final punctuation and closing quotes/brackets.
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if matches!(
                    d,
                    '.' | '!' | '?' | '…' | '”' | '"' | '’' | '\'' | ')' | ']' | '»'
                ) {
                    end = j + d.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            let rest = &s[end..];
            let Some(next) = rest.trim_start().chars().next() else {
                continue;
            };
            if !rest.starts_with(char::is_whitespace) {
                continue;
            }
            if !(next.is_uppercase()
                || next.is_ascii_digit()
                || matches!(
                    next,
                    '“' | '"' | '‘' | '«' | '(' | '[' | '—' | '–' | '\'' | '`'
                ))
            {
                continue;
            }
            if c == '.' && !self.period_ends_sentence(&s[sent_start..i], rest.trim_start()) {
                continue;
            }
            push_trimmed(
                text,
                Span::new(block.start + sent_start, block.start + end),
                out,
            );
            sent_start = end;
        }
        push_trimmed(text, Span::new(block.start + sent_start, block.end), out);
    }

    /// Decides whether the period after `before` (the sentence so far) ends the sentence,
    /// given the text that follows it.
    fn period_ends_sentence(&self, before: &str, after: &str) -> bool {
        let word = before
            .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"' | '‘' | '—'))
            .next()
            .unwrap_or("");
        if word.is_empty() {
            return true;
        }
        let next_word: &str = after
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'))
            .next()
            .unwrap_or("");
        let opener = is_opener(next_word);
        let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        let initialism = word.contains('.')
            && word
                .split('.')
                .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
        if single_initial {
            return false;
        }
        if initialism {
            return opener;
        }
        match self.abbreviations.class(word) {
            Some(AbbreviationClass::Title) => false,
            Some(AbbreviationClass::Month) => {
                opener && !next_word.starts_with(|c: char| c.is_ascii_digit())
            }
            Some(AbbreviationClass::Other) => opener,
            None => true,
        }
    }
}

impl SentenceSplitter for NewsSentenceSplitter {
    fn split(&self, text: &str, mask: &[Span]) -> Vec<Span> {
        let mut out = Vec::new();
        for block in blocks(text, mask) {
            self.split_block(text, block, &mut out);
        }
        out
    }
}

/// Longest sentence kept whole, in bytes. Longer runs without a sentence end (tables, lists,
/// hostile input) are cut at a space, so the work and output per sentence stay bounded: a
/// claim's sentence and indirect content never exceed it.
const MAX_SENTENCE_BYTES: usize = 2_000;

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let mut rest = span.trim(text);
    while rest.len() > MAX_SENTENCE_BYTES {
        let mut limit = rest.start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let cut = text[rest.start..limit]
            .rfind(char::is_whitespace)
            .filter(|&i| i > 0)
            .map_or(limit, |i| rest.start + i);
        let head = Span::new(rest.start, cut).trim(text);
        if !head.is_empty() {
            out.push(head);
        }
        rest = Span::new(cut, rest.end).trim(text);
    }
    if !rest.is_empty() {
        out.push(rest);
    }
}

/// Unmasked lines grouped into blocks: a line is joined to the next (single line break between)
/// when the sentence visibly goes on.
fn blocks(text: &str, mask: &[Span]) -> Vec<Span> {
    // Non-blank lines of the unmasked regions, each with whether a hard break (blank line,
    // masked boilerplate, start of text) precedes it.
    let mut lines: Vec<(Span, bool)> = Vec::new();
    let mut region_start = 0;
    let regions = mask
        .iter()
        .map(|m| (m.start, m.end))
        .chain(std::iter::once((text.len(), text.len())));
    for (region_end, next_start) in regions {
        let region_end = region_end.clamp(region_start, text.len());
        let mut hard = true;
        let mut pos = region_start;
        while pos < region_end {
            let end = text[pos..region_end]
                .find('\n')
                .map_or(region_end, |i| pos + i);
            let line = Span::new(pos, end).trim(text);
            if line.is_empty() {
                hard = true;
            } else {
                lines.push((line, hard));
                hard = false;
            }
            pos = end + 1;
        }
        region_start = next_start.clamp(region_end, text.len());
    }

    let mut out: Vec<Span> = Vec::new();
    for (i, &(line, blank_before)) in lines.iter().enumerate() {
        let join = i > 0 && !blank_before && continues(text, lines[i - 1].0, line);
        match out.last_mut() {
            Some(last) if join => last.end = line.end,
            _ => out.push(line),
        }
    }
    out
}

/// True when line `b` continues the sentence of the previous line `a`.
fn continues(text: &str, a: Span, b: Span) -> bool {
    let a = a.slice(text);
    let b = b.slice(text);
    let last = a.chars().next_back().unwrap_or('.');
    let first = b.chars().next().unwrap_or('A');
    if first.is_lowercase() {
        return true;
    }
    if matches!(last, ',' | ';' | ':' | '—' | '–' | '(' | '“' | '‘') {
        return true;
    }
    let ends_sentence = a
        .trim_end_matches(['”', '"', '’', '\'', ')', ']'])
        .ends_with(['.', '!', '?', '…']);
    if ends_sentence {
        return false;
    }
    let last_word = a.rsplit(char::is_whitespace).next().unwrap_or("");
    if is_continuing(last_word) {
        return true;
    }
    // A long line without final punctuation followed by a quotation is a sentence broken
    // before its quote; a short one is a headline.
    matches!(first, '“' | '"' | '«') && a.split_whitespace().count() > HEADLINE_MAX_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        let spans = NewsSentenceSplitter::default().split(text, &[]);
        spans.iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn abbreviations_initials_and_decimals() {
        assert_eq!(
            sents("U.S. President Donald Trump met Sen. J.D. Vance on Jan. 5. Growth was 3.5 percent. It fell."),
            ["U.S. President Donald Trump met Sen. J.D. Vance on Jan. 5.", "Growth was 3.5 percent.", "It fell."]
        );
        assert_eq!(
            sents("He moved to the U.S. The move was news."),
            ["He moved to the U.S.", "The move was news."]
        );
        assert_eq!(
            sents("Mr. Smith left. Dr. Jones came."),
            ["Mr. Smith left.", "Dr. Jones came."]
        );
        // A state abbreviation in a dateline, and at a real sentence end.
        assert_eq!(
            sents("RENO, Nev. (AP) — Trump spoke. He moved to Austin, Tex. He left."),
            [
                "RENO, Nev. (AP) — Trump spoke.",
                "He moved to Austin, Tex.",
                "He left."
            ]
        );
    }

    #[test]
    fn sentence_final_quotes() {
        assert_eq!(
            sents(
                "“We agreed,” Lavrov said. “It is done.” Wang said he was “happy.” Then he left?"
            ),
            [
                "“We agreed,” Lavrov said.",
                "“It is done.”",
                "Wang said he was “happy.”",
                "Then he left?"
            ]
        );
        assert_eq!(sents("“Why?” he asked."), ["“Why?” he asked."]);
    }

    #[test]
    fn headlines_and_lines() {
        let text = "Xi Jinping to visit Moscow\nChinese leader Xi Jinping is preparing a visit.\n\nPeace speech\n\n“Hello,” he said.";
        assert_eq!(
            sents(text),
            [
                "Xi Jinping to visit Moscow",
                "Chinese leader Xi Jinping is preparing a visit.",
                "Peace speech",
                "“Hello,” he said."
            ]
        );
    }

    #[test]
    fn sentence_across_line_breaks() {
        let text = "Trump articulated a sense of frustration on Sunday, stating,\n“There’s tremendous hatred”\nbetween Zelenskyy and Putin. He expressed his displeasure.";
        assert_eq!(
            sents(text),
            [
                "Trump articulated a sense of frustration on Sunday, stating,\n“There’s tremendous hatred”\nbetween Zelenskyy and Putin.",
                "He expressed his displeasure."
            ]
        );
        let text = "Guo Jiakun reiterated this position during a press briefing, asserting that China’s partnership with Russia\n“does not target a third party.”\nHe emphasized dialogue.";
        assert_eq!(sents(text).len(), 2);
    }

    #[test]
    fn overlong_runs_are_cut_at_spaces() {
        let text = "He said “ it ".repeat(1_000);
        let spans = NewsSentenceSplitter::default().split(&text, &[]);
        assert!(spans.len() > 1);
        assert!(spans.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES));
        for pair in spans.windows(2) {
            assert_eq!(text[pair[0].end..pair[1].start].trim(), "");
        }
        let unbroken = "x".repeat(5_000);
        let spans = NewsSentenceSplitter::default().split(&unbroken, &[]);
        assert_eq!(spans.iter().map(|s| s.len()).sum::<usize>(), 5_000);
    }

    #[test]
    fn masked_text_is_skipped() {
        let text = "First line.\nJOIN US\nSecond line.";
        let mask = [Span::new(12, 19)];
        assert_eq!(
            NewsSentenceSplitter::default()
                .split(text, &mask)
                .iter()
                .map(|s| s.slice(text))
                .collect::<Vec<_>>(),
            ["First line.", "Second line."]
        );
    }
}
