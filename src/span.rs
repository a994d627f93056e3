//! Offsets: byte spans inside the library, Unicode-character offsets at the output boundary.
//!
//! Every stage works on [`Span`]s, half-open **byte** ranges into the original article text, so
//! that slicing is O(1). Sinks convert them once with a per-document [`CharIndex`] into
//! character offsets, which is what analysts' tools (Python's `text[start:end]`) expect.

use serde::Serialize;

/// A half-open byte range `start..end` into an article's original text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes); `end` is clamped to be at least `start`.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span with leading and trailing whitespace (and the given extra characters) removed.
    pub fn trim_matches(&self, text: &str, extra: &[char]) -> Span {
        let inner = self.slice(text);
        let trimmed_start =
            inner.trim_start_matches(|c: char| c.is_whitespace() || extra.contains(&c));
        let start = self.start + (inner.len() - trimmed_start.len());
        let trimmed =
            trimmed_start.trim_end_matches(|c: char| c.is_whitespace() || extra.contains(&c));
        Span::new(start, start + trimmed.len())
    }

    /// The span with leading and trailing whitespace removed.
    pub fn trim(&self, text: &str) -> Span {
        self.trim_matches(text, &[])
    }
}

/// Converts byte offsets of one text into Unicode-character (code point) offsets.
///
/// Stores only the positions of multi-byte characters, so an ASCII text costs nothing and a
/// lookup is a binary search.
#[derive(Clone, Debug)]
pub struct CharIndex {
    /// For each multi-byte character: (byte offset just after it, extra bytes so far).
    marks: Vec<(usize, usize)>,
}

impl CharIndex {
    /// Builds the index for `text`.
    pub fn new(text: &str) -> CharIndex {
        let mut marks = Vec::new();
        if !text.is_ascii() {
            let mut extra = 0;
            for (i, c) in text.char_indices() {
                let n = c.len_utf8();
                if n > 1 {
                    extra += n - 1;
                    marks.push((i + n, extra));
                }
            }
        }
        CharIndex { marks }
    }

    /// The character offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        let k = self.marks.partition_point(|&(after, _)| after <= byte);
        if k == 0 {
            byte
        } else {
            byte - self.marks[k - 1].1
        }
    }

    /// A byte span as an output span: character offsets plus the exact text.
    pub fn text_span(&self, text: &str, span: Span) -> TextSpan {
        TextSpan {
            start: self.char_offset(span.start),
            end: self.char_offset(span.end),
            text: span.slice(text).to_string(),
        }
    }

    /// A byte span as a bare character range.
    pub fn char_range(&self, span: Span) -> CharRange {
        CharRange {
            start: self.char_offset(span.start),
            end: self.char_offset(span.end),
        }
    }
}

/// An output span: Unicode-character offsets into the original article and the text they cover.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TextSpan {
    /// First character of the span.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// Exactly `text[start:end]` in character terms.
    pub text: String,
}

/// An output character range without text (used for sentences).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CharRange {
    /// First character of the range.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn char_slice(text: &str, start: usize, end: usize) -> String {
        text.chars().skip(start).take(end - start).collect()
    }

    #[test]
    fn ascii_offsets_are_identity() {
        let idx = CharIndex::new("hello world");
        assert_eq!(idx.char_offset(0), 0);
        assert_eq!(idx.char_offset(11), 11);
    }

    #[test]
    fn multibyte_offsets_slice_back() {
        let text = "“We agreed,” Lavrov said — 日本 😀 ok";
        let idx = CharIndex::new(text);
        for (b, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            let c = idx.char_offset(b);
            assert_eq!(c, text[..b].chars().count());
        }
        let said = text.find("said").unwrap();
        let span = Span::new(said, said + 4);
        let out = idx.text_span(text, span);
        assert_eq!(char_slice(text, out.start, out.end), out.text);
        assert_eq!(out.text, "said");
    }

    #[test]
    fn trim_removes_whitespace_and_extras() {
        let text = "  “hello,”  ";
        let s = Span::new(0, text.len()).trim_matches(text, &['“', '”', ',']);
        assert_eq!(s.slice(text), "hello");
    }

    #[test]
    fn span_relations() {
        let a = Span::new(0, 5);
        let b = Span::new(3, 8);
        assert!(a.overlaps(b));
        assert!(!a.contains(b));
        assert_eq!(a.cover(b), Span::new(0, 8));
        assert!(!Span::new(5, 8).overlaps(a));
        assert_eq!(Span::new(4, 2).len(), 0);
    }
}
