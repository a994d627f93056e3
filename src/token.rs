//! Tokens: words, numbers, punctuation and quotation marks, each with its byte span.
//!
//! Splits like the CoNLL-2003 corpus the taggers are trained on: clitics (`’s`, `n’t`) and
//! punctuation become their own tokens, abbreviations (`U.S.`, `Mr.`) and hyphenated words stay
//! whole, and every quotation mark or apostrophe-like mark is a token of its own so the quote
//! detector can pair them.

use crate::sentence::Abbreviations;
use crate::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (possibly with digits, hyphens or inner apostrophes).
    Word,
    /// Digits, possibly with `.`/`,` separators or a unit suffix.
    Number,
    /// A quotation mark or a stand-alone apostrophe: `“ ” " ‘ ’ ' « »`.
    Quote,
    /// Any other punctuation or symbol.
    Punct,
}

/// One token of an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the article text.
    pub span: Span,
    /// Token class.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }
}

/// True for the characters treated as quotation marks.
pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '\'' | '‘' | '’' | '‚' | '‹' | '›'
    )
}

/// True for a currency sign (Unicode category Sc: "$", "£", "€", "¥", "₹", …), which opens an
/// amount rather than ending a phrase.
pub fn is_currency_sign(c: char) -> bool {
    matches!(
        c,
        '$' | '\u{a2}'..='\u{a5}'
            | '\u{58f}'
            | '\u{60b}'
            | '\u{7fe}'..='\u{7ff}'
            | '\u{9f2}'..='\u{9f3}'
            | '\u{9fb}'
            | '\u{af1}'
            | '\u{bf9}'
            | '\u{e3f}'
            | '\u{17db}'
            | '\u{20a0}'..='\u{20c0}'
            | '\u{a838}'
            | '\u{fdfc}'
            | '\u{fe69}'
            | '\u{ff04}'
            | '\u{ffe0}'..='\u{ffe1}'
            | '\u{ffe5}'..='\u{ffe6}'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Whether `rest`, after an opening single mark, is the two digits of an elided year ("‘08",
/// "‘90s", as word processors curl the apostrophe of "’08").
fn elided_year(rest: &str) -> bool {
    let mut chars = rest.chars();
    chars.next().is_some_and(|c| c.is_ascii_digit())
        && chars.next().is_some_and(|c| c.is_ascii_digit())
        && chars
            .next()
            .is_none_or(|c| !c.is_alphanumeric() || c == 's')
}

const CLITICS: [&str; 7] = ["s", "re", "ve", "ll", "d", "m", "t"];

/// Splits text into tokens.
#[derive(Clone, Debug, Default)]
pub struct Tokenizer {
    abbreviations: Abbreviations,
}

impl Tokenizer {
    /// A tokenizer that keeps the given abbreviations' periods.
    pub fn new(abbreviations: Abbreviations) -> Tokenizer {
        Tokenizer { abbreviations }
    }

    /// Tokenizes `span` of `text`, appending to `out`.
    pub fn tokenize_into(&self, text: &str, span: Span, out: &mut Vec<Token>) {
        let s = span.slice(text);
        for chunk in s.split(char::is_whitespace) {
            if !chunk.is_empty() {
                let start = span.start + (chunk.as_ptr() as usize - s.as_ptr() as usize);
                self.chunk(text, Span::new(start, start + chunk.len()), out);
            }
        }
    }

    /// Tokenizes a whole text (convenience for tests and tools).
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        self.tokenize_into(text, Span::new(0, text.len()), &mut out);
        out
    }

    /// Splits one whitespace-free chunk.
    fn chunk(&self, text: &str, span: Span, out: &mut Vec<Token>) {
        let mut start = span.start;
        let mut end = span.end;
        // Leading punctuation and quotes, one token each (but keep ’90s whole).
        while start < end {
            let c = text[start..end].chars().next().unwrap_or(' ');
            let rest = &text[start + c.len_utf8()..end];
            let leading_apostrophe = is_apostrophe(c)
                && rest.chars().next().is_some_and(|d| d.is_ascii_digit())
                || c == '‘' && elided_year(rest);
            if c.is_alphanumeric() || leading_apostrophe {
                break;
            }
            if c == '.' && rest.starts_with("..") {
                out.push(punct(start, start + 3));
                start += 3;
                continue;
            }
            // A run of hyphens ("--") is one dash.
            if c == '-' && rest.starts_with('-') {
                let run = 1 + rest.chars().take_while(|&d| d == '-').count();
                out.push(punct(start, start + run));
                start += run;
                continue;
            }
            // Doubled ASCII marks are one double quotation mark (``…'' and ''…'').
            if (c == '\'' && rest.starts_with('\'')) || (c == '`' && rest.starts_with('`')) {
                out.push(quote(start, start + 2));
                start += 2;
                continue;
            }
            out.push(single(text, start, c));
            start += c.len_utf8();
        }
        // Trailing punctuation, collected right to left.
        let mut trailing: Vec<Token> = Vec::new();
        while start < end {
            let c = text[start..end].chars().next_back().unwrap_or(' ');
            if c.is_alphanumeric() {
                break;
            }
            let cstart = end - c.len_utf8();
            if c == '-' && text[start..cstart].ends_with('-') {
                let run = 1 + text[start..cstart]
                    .chars()
                    .rev()
                    .take_while(|&d| d == '-')
                    .count();
                trailing.push(punct(end - run, end));
                end -= run;
                continue;
            }
            if c == '\'' && text[start..cstart].ends_with('\'') {
                trailing.push(quote(cstart - 1, end));
                end = cstart - 1;
                continue;
            }
            if c == '.' {
                let core = &text[start..end];
                if core.ends_with("...") && core.len() > 3 {
                    trailing.push(punct(end - 3, end));
                    end -= 3;
                    continue;
                }
                if self.keeps_period(&text[start..cstart]) {
                    break;
                }
            }
            trailing.push(single(text, cstart, c));
            end = cstart;
        }
        if start < end {
            self.core(text, Span::new(start, end), out);
        }
        out.extend(trailing.into_iter().rev());
    }

    /// True when the period after `word` belongs to it (`U.S.`, `Mr.`, `J.`).
    fn keeps_period(&self, word: &str) -> bool {
        if word.is_empty() {
            return false;
        }
        let initialism = word.contains('.')
            && word
                .split('.')
                .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        initialism || initial || self.abbreviations.class(word).is_some()
    }

    /// Splits a core (no leading/trailing punctuation) on dashes, slashes-free inner punctuation
    /// and clitics.
    fn core(&self, text: &str, span: Span, out: &mut Vec<Token>) {
        let s = span.slice(text);
        // Split on em/en dashes and other inner separators that never join words.
        let mut piece_start = span.start;
        for (i, c) in s.char_indices() {
            if matches!(
                c,
                '—' | '–' | '(' | ')' | '[' | ']' | ';' | '“' | '”' | '"' | '«' | '»' | '…'
            ) || c == '.' && missing_space(&s[..i], &s[i + 1..])
            {
                let at = span.start + i;
                if piece_start < at {
                    self.piece(text, Span::new(piece_start, at), out);
                }
                out.push(single(text, at, c));
                piece_start = at + c.len_utf8();
            }
        }
        if piece_start < span.end {
            self.piece(text, Span::new(piece_start, span.end), out);
        }
    }

    /// A word or number, with clitics split off.
    fn piece(&self, text: &str, span: Span, out: &mut Vec<Token>) {
        let s = span.slice(text);
        // n't
        let negation = ["n't", "n’t", "N'T", "N’T"]
            .into_iter()
            .find(|n| s.ends_with(n) && s.len() > n.len());
        if let Some(n) = negation {
            let split = span.end - n.len();
            out.push(word(text, Span::new(span.start, split)));
            out.push(word(text, Span::new(split, span.end)));
            return;
        }
        // ’s ’re ’ve ’ll ’d ’m
        if let Some((i, c)) = s.char_indices().rev().find(|&(_, c)| is_apostrophe(c)) {
            let tail = &s[i + c.len_utf8()..];
            if i > 0 && CLITICS.contains(&tail.to_lowercase().as_str()) && tail != "t" {
                let split = span.start + i;
                out.push(word(text, Span::new(span.start, split)));
                out.push(word(text, Span::new(split, span.end)));
                return;
            }
        }
        out.push(word(text, span));
    }
}

/// Whether a period between `left` and `right` ends a sentence whose space was lost
/// ("said.Trump claimed"): a lowercase word of two letters or more before it, a capitalised
/// word after it (not "Amazon.com", "U.S.Army", "e.g.").
fn missing_space(left: &str, right: &str) -> bool {
    let word = left
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let mut after = right.chars();
    word.chars().count() >= 2
        && word.len() == left.len()
        && word.chars().all(char::is_lowercase)
        && after.next().is_some_and(char::is_uppercase)
        && after.next().is_some_and(char::is_lowercase)
}

fn quote(start: usize, end: usize) -> Token {
    Token {
        span: Span::new(start, end),
        kind: TokenKind::Quote,
    }
}

fn punct(start: usize, end: usize) -> Token {
    Token {
        span: Span::new(start, end),
        kind: TokenKind::Punct,
    }
}

fn single(text: &str, start: usize, c: char) -> Token {
    let span = Span::new(start, start + c.len_utf8());
    let kind = if is_quote_char(c) {
        TokenKind::Quote
    } else if c.is_alphanumeric() {
        return word(text, span);
    } else {
        TokenKind::Punct
    };
    Token { span, kind }
}

fn word(text: &str, span: Span) -> Token {
    let s = span.slice(text);
    let kind = if s.chars().next().is_some_and(|c| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | '/' | '-'))
    {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    Token { span, kind }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        let tokens = Tokenizer::default().tokenize(text);
        for t in &tokens {
            assert!(!t.span.is_empty());
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
        tokens.iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn splits_news_text_like_conll() {
        assert_eq!(
            toks("“We have agreed,” Lavrov said, according to TASS."),
            [
                "“",
                "We",
                "have",
                "agreed",
                ",",
                "”",
                "Lavrov",
                "said",
                ",",
                "according",
                "to",
                "TASS",
                "."
            ]
        );
        assert_eq!(
            toks("Moscow’s invasion didn’t stop."),
            ["Moscow", "’s", "invasion", "did", "n’t", "stop", "."]
        );
        assert_eq!(
            toks("U.S. President Mr. J.D. Vance"),
            ["U.S.", "President", "Mr.", "J.D.", "Vance"]
        );
        assert_eq!(
            toks("in the ’90s, 3.5% of 1,000"),
            ["in", "the", "’90s", ",", "3.5", "%", "of", "1,000"]
        );
        assert_eq!(
            toks("Trump said.Trump claimed it, at Amazon.com and the U.S.Army."),
            [
                "Trump",
                "said",
                ".",
                "Trump",
                "claimed",
                "it",
                ",",
                "at",
                "Amazon.com",
                "and",
                "the",
                "U.S.Army",
                "."
            ]
        );
        assert_eq!(
            toks("in ‘08 and the ‘90s, ‘2008 rules’"),
            ["in", "‘08", "and", "the", "‘90s", ",", "‘", "2008", "rules", "’"]
        );
        assert_eq!(toks("nations’ relations"), ["nations", "’", "relations"]);
        assert_eq!(
            toks("war—and (peace)..."),
            ["war", "—", "and", "(", "peace", ")", "..."]
        );
        assert_eq!(
            toks("Ukraine-Russia ceasefire"),
            ["Ukraine-Russia", "ceasefire"]
        );
    }

    #[test]
    fn a_run_of_hyphens_is_one_dash() {
        assert_eq!(
            toks("The justice -- who spoke -- said it--and left---"),
            ["The", "justice", "--", "who", "spoke", "--", "said", "it--and", "left", "---"]
        );
        assert_eq!(toks("well-known - x"), ["well-known", "-", "x"]);
    }

    #[test]
    fn kinds() {
        let text = "“Hi” 42 ok !";
        let kinds: Vec<TokenKind> = Tokenizer::default()
            .tokenize(text)
            .iter()
            .map(|t| t.kind)
            .collect();
        use TokenKind::*;
        assert_eq!(kinds, [Quote, Word, Quote, Number, Word, Punct]);
    }

    #[test]
    fn odd_input_gives_valid_tokens() {
        for text in [
            "",
            "   ",
            "\"\"\"\"",
            "’’’",
            "....",
            "a’",
            "’",
            "x\u{301}y",
            "日本語です。",
            "n't",
            "’s",
        ] {
            toks(text);
        }
    }
}
