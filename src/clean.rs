//! Cleaning: finds web boilerplate (share widgets, comment forms, breadcrumbs, inline image
//! blobs) and returns it as a *mask* of byte spans. The text itself is never changed, so every
//! offset downstream still points into the original article.

use crate::span::Span;

/// How a boilerplate pattern is matched against one trimmed line (case-insensitively).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rule {
    Line,
    Prefix,
    Contains,
    /// The line and everything after it (comment sections).
    Tail,
}

/// Masks boilerplate; built from the pattern table in `models/boilerplate.tsv`.
#[derive(Clone, Debug)]
pub struct Cleaner {
    patterns: Vec<(Rule, String)>,
}

/// The boilerplate table embedded in the binary.
pub const DEFAULT_BOILERPLATE: &str = include_str!("../models/boilerplate.tsv");

impl Cleaner {
    /// Parses a pattern table (`kind<TAB>pattern` lines, `#` comments).
    pub fn from_table(table: &str) -> Result<Cleaner, String> {
        let mut patterns = Vec::new();
        for (n, line) in table.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (kind, pattern) = line.split_once('\t').ok_or_else(|| {
                format!(
                    "boilerplate table line {}: expected kind<TAB>pattern",
                    n + 1
                )
            })?;
            let rule = match kind {
                "line" => Rule::Line,
                "prefix" => Rule::Prefix,
                "contains" => Rule::Contains,
                "tail" => Rule::Tail,
                other => {
                    return Err(format!(
                        "boilerplate table line {}: unknown kind {other:?}",
                        n + 1
                    ))
                }
            };
            patterns.push((rule, pattern.trim().to_lowercase()));
        }
        Ok(Cleaner { patterns })
    }

    /// Returns the sorted, non-overlapping byte spans of `text` that are boilerplate.
    pub fn mask(&self, text: &str) -> Vec<Span> {
        let mut mask = image_blobs(text);
        mask.extend(markup_tags(text));
        let mut start = 0;
        let mut lower = String::new();
        while start < text.len() {
            let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            let line = Span::new(start, end).trim(text);
            if !line.is_empty() {
                let s = line.slice(text);
                lower.clear();
                lower.extend(s.chars().flat_map(char::to_lowercase));
                let hit = self.patterns.iter().find(|(rule, p)| match rule {
                    Rule::Line | Rule::Tail => {
                        lower.trim_end_matches([':', '.']) == p.trim_end_matches([':', '.'])
                    }
                    Rule::Prefix => lower.starts_with(p.as_str()),
                    Rule::Contains => lower.contains(p.as_str()),
                });
                match hit {
                    Some((Rule::Tail, _)) => {
                        mask.push(Span::new(line.start, text.len()));
                        break;
                    }
                    Some(_) => mask.push(line),
                    None if is_breadcrumb(s) => mask.push(line),
                    None => {}
                }
            }
            start = end + 1;
        }
        merge(mask)
    }
}

impl Default for Cleaner {
    fn default() -> Self {
        Cleaner::from_table(DEFAULT_BOILERPLATE).expect("embedded boilerplate table is valid")
    }
}

/// True when `span` overlaps any masked span (`mask` sorted, as [`Cleaner::mask`] returns it).
pub fn is_masked(mask: &[Span], span: Span) -> bool {
    let k = mask.partition_point(|m| m.end <= span.start);
    mask.get(k).is_some_and(|m| m.overlaps(span))
}

/// `Home > News > Headline`: a short line of two or more ` > ` separated crumbs.
fn is_breadcrumb(line: &str) -> bool {
    let crumbs = line.split(" > ").count();
    crumbs >= 3 || (crumbs == 2 && line.len() < 200 && line.to_lowercase().starts_with("home"))
}

/// Inline `<image>…</image>` blobs (base64 data URIs and the like).
fn image_blobs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("<image>") {
        let start = from + i;
        let end = match text[start..].find("</image>") {
            Some(j) => start + j + "</image>".len(),
            None => text[start..].find('\n').map_or(text.len(), |j| start + j),
        };
        out.push(Span::new(start, end));
        from = end;
    }
    out
}

/// Longest markup tag masked, in bytes.
const MAX_TAG_BYTES: usize = 300;

/// HTML or XML tags left in the text (`</p>`, `<p class="lead">`, `<tweet
/// tweet-author="@x">`, `<br/>`): a `<`, a letter (or `/` and a letter), then anything but
/// `<`, `>` or a line break up to the closing `>`. Their attribute values would otherwise
/// read as quotations.
fn markup_tags(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find('<') {
        let start = from + i;
        from = start + 1;
        let name = match bytes.get(start + 1) {
            Some(b'/') => start + 2,
            _ => start + 1,
        };
        if !bytes.get(name).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let close = bytes[name..]
            .iter()
            .take(MAX_TAG_BYTES)
            .position(|b| matches!(b, b'<' | b'>' | b'\n'));
        if let Some(close) = close.filter(|&c| bytes[name + c] == b'>') {
            let end = name + close + 1;
            out.push(Span::new(start, end));
            from = end;
        }
    }
    out
}

fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked_text(text: &str) -> Vec<&str> {
        Cleaner::default()
            .mask(text)
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn masks_widgets_breadcrumbs_and_images() {
        let text = "You are here\nHome > News > Big story\n\nWang said it.\nJOIN US ON TELEGRAM\n\
                    A <image>data:image/png;base64,AAAA</image> caption.\n\
                    You can also highlight the text and press Ctrl + Enter";
        assert_eq!(
            masked_text(text),
            [
                "You are here",
                "Home > News > Big story",
                "JOIN US ON TELEGRAM",
                "<image>data:image/png;base64,AAAA</image>",
                "You can also highlight the text and press Ctrl + Enter"
            ]
        );
    }

    #[test]
    fn comment_section_is_masked_to_the_end() {
        let text = "Body text.\n\nLeave a Reply\n\nYour email address will not be published. Required fields";
        let mask = Cleaner::default().mask(text);
        assert_eq!(mask.len(), 1);
        assert_eq!(mask[0].end, text.len());
        assert!(is_masked(&mask, Span::new(text.len() - 3, text.len())));
        assert!(!is_masked(&mask, Span::new(0, 4)));
    }

    #[test]
    fn markup_tags_are_masked() {
        let text = "The mayor spoke.</p>\n<p class=\"lead\">“It is open,” she said.<br/> \
                    <tweet tweet-author=\"@x\">Go</tweet> 3 < 4 and a <b";
        assert_eq!(
            masked_text(text),
            [
                "</p>",
                "<p class=\"lead\">",
                "<br/>",
                "<tweet tweet-author=\"@x\">",
                "</tweet>"
            ]
        );
    }

    #[test]
    fn article_text_is_not_masked() {
        let text = "The minister said prices > costs.\nFollowers of the leader said so.";
        assert!(masked_text(text).is_empty());
    }

    #[test]
    fn bad_table_is_an_error() {
        assert!(Cleaner::from_table("bogus\tx").is_err());
        assert!(Cleaner::from_table("no tab").is_err());
    }
}
