//! `claimex report DIR`: one self-contained HTML file (`DIR/report.html`) to look at a
//! dataset: totals, charts (inline SVG), a searchable and filterable claims table, and an
//! article view with the speaker, cue and content spans highlighted. No network: the page has
//! no external resource. Large datasets stay fast: the table holds at most [`MAX_CLAIMS`]
//! claims (an evenly spaced sample beyond that) and the article view the first
//! [`MAX_ARTICLES`] articles that have claims; the page says when it samples.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, BufRead, BufReader};
use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use crate::sink::AtomicFile;

/// Most claims embedded in the table.
pub const MAX_CLAIMS: usize = 20_000;
/// Most articles embedded for the article view.
pub const MAX_ARTICLES: usize = 300;
/// Speakers shown in the top-speakers chart.
const TOP_SPEAKERS: usize = 20;
/// Characters of a chart label shown (the whole label is its tooltip).
const LABEL_CHARS: usize = 26;
/// Characters of a quote kept in the table.
const QUOTE_CHARS: usize = 400;

/// What the report shows, read from a dataset directory.
#[derive(Debug, Default)]
pub struct Summary {
    /// Articles in the dataset (`status` ok).
    pub articles: u64,
    /// Rejected inputs listed in the articles table.
    pub rejected: u64,
    /// Claims in the dataset.
    pub claims: u64,
    /// Entity mentions.
    pub entities: u64,
    /// Distinct speakers.
    pub speakers: u64,
    by_kind: BTreeMap<String, u64>,
    by_cue_class: BTreeMap<String, u64>,
    /// Claims per confidence tenth (0.0–0.1, …, 0.9–1.0).
    by_confidence: [u64; 10],
    /// Claims per month (`YYYY-MM` of the article date), when articles have dates.
    by_month: BTreeMap<String, u64>,
    top_speakers: Vec<(String, u64)>,
    table: Vec<Value>,
    articles_view: Vec<ArticleView>,
}

/// An article with its claims' spans, for the article view.
#[derive(Debug, Serialize)]
struct ArticleView {
    id: String,
    title: Option<String>,
    text: String,
    /// `[start, end, class, claim_id]` spans in Unicode characters.
    spans: Vec<(u64, u64, &'static str, String)>,
}

/// Calls `each` with every record of a JSONL file, one at a time.
fn for_each_record(path: &Path, mut each: impl FnMut(Value)) -> io::Result<()> {
    let file = std::fs::File::open(path)
        .map_err(|e| io::Error::new(e.kind(), format!("cannot read {}: {e}", path.display())))?;
    for line in BufReader::new(file).lines() {
        let line = line?;
        if !line.trim().is_empty() {
            each(serde_json::from_str(&line)?);
        }
    }
    Ok(())
}

fn text_of(value: &Value) -> String {
    value.as_str().unwrap_or("").to_string()
}

impl Summary {
    /// Reads the dataset in `dir` (articles, speakers, then claims and the kept article texts,
    /// streamed: memory stays bounded by what the page shows).
    pub fn read(dir: &Path) -> io::Result<Summary> {
        let mut summary = Summary::default();
        let mut dates = BTreeMap::new();
        let mut total_claims = 0;
        for_each_record(&dir.join("articles.jsonl"), |a| {
            if a["status"] == "ok" {
                summary.articles += 1;
                summary.entities += a["entities"].as_u64().unwrap_or(0);
                total_claims += a["claims"].as_u64().unwrap_or(0);
            } else {
                summary.rejected += 1;
            }
            if let Some(month) = a["date"].as_str().and_then(month_of) {
                dates.insert(text_of(&a["id"]), month);
            }
        })?;
        let mut named = Vec::new();
        for_each_record(&dir.join("speakers.jsonl"), |s| {
            summary.speakers += 1;
            if s["named"] == true {
                named.push((text_of(&s["name"]), s["claims"].as_u64().unwrap_or(0)));
            }
        })?;
        named.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        named.truncate(TOP_SPEAKERS);
        summary.top_speakers = named;
        let step = (total_claims as usize).div_ceil(MAX_CLAIMS).max(1);
        let mut spans = ArticleSpans::default();
        for_each_record(&dir.join("claims.jsonl"), |c| {
            if summary.claims % step as u64 == 0 {
                summary.table.push(table_row(&c));
            }
            summary.claims += 1;
            summary.count(&c, &dates);
            spans.add(&c);
        })?;
        summary.articles_view = spans.views(&dir.join(".claimex/texts.jsonl"))?;
        Ok(summary)
    }

    /// Counts one claim in the charts.
    fn count(&mut self, c: &Value, dates: &BTreeMap<String, String>) {
        *self.by_kind.entry(text_of(&c["kind"])).or_default() += 1;
        let class = c["cue_class"].as_str().unwrap_or("(none)").to_string();
        *self.by_cue_class.entry(class).or_default() += 1;
        let confidence = c["confidence"].as_f64().unwrap_or(0.0);
        self.by_confidence[((confidence * 10.0) as usize).min(9)] += 1;
        if let Some(month) = dates.get(c["doc_id"].as_str().unwrap_or("")) {
            *self.by_month.entry(month.clone()).or_default() += 1;
        }
    }
}

/// `YYYY-MM` of a date that starts with a year and a month (`2016-09-12…`).
fn month_of(date: &str) -> Option<String> {
    let month = date.get(..7)?;
    let ok = month.as_bytes().iter().enumerate().all(|(i, b)| {
        if i == 4 {
            *b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    ok.then(|| month.to_string())
}

/// A claim as the table shows it.
fn table_row(c: &Value) -> Value {
    let quote: String = c["quote"]["text"]
        .as_str()
        .unwrap_or("")
        .chars()
        .take(QUOTE_CHARS)
        .collect();
    serde_json::json!({
        "id": c["claim_id"], "doc": c["doc_id"], "kind": c["kind"],
        "cue_class": c["cue_class"], "speaker": c["speaker"], "cue": c["cue"]["text"],
        "confidence": c["confidence"], "quote": quote,
    })
}

/// The highlighted spans of the first [`MAX_ARTICLES`] articles with claims.
#[derive(Default)]
struct ArticleSpans {
    order: Vec<String>,
    spans: BTreeMap<String, Vec<(u64, u64, &'static str, String)>>,
}

impl ArticleSpans {
    fn add(&mut self, c: &Value) {
        let doc = text_of(&c["doc_id"]);
        if !self.spans.contains_key(&doc) {
            if self.order.len() == MAX_ARTICLES {
                return;
            }
            self.order.push(doc.clone());
        }
        let id = text_of(&c["claim_id"]);
        let list = self.spans.entry(doc).or_default();
        for (span, class) in [
            (&c["quote"], "quote"),
            (&c["cue"], "cue"),
            (&c["speaker_mention"], "speaker"),
        ] {
            if let (Some(s), Some(e)) = (span["start"].as_u64(), span["end"].as_u64()) {
                list.push((s, e, class, id.clone()));
            }
        }
    }

    /// The articles, with their texts from the dataset's store (none if it is missing).
    fn views(mut self, texts: &Path) -> io::Result<Vec<ArticleView>> {
        let mut found: BTreeMap<String, Value> = BTreeMap::new();
        if texts.exists() {
            for_each_record(texts, |t| {
                let id = text_of(&t["id"]);
                if self.spans.contains_key(&id) {
                    found.insert(id, t);
                }
            })?;
        }
        let mut views = Vec::new();
        for doc in self.order {
            if let Some(t) = found.remove(&doc) {
                views.push(ArticleView {
                    title: t["title"].as_str().map(str::to_string),
                    text: text_of(&t["text"]),
                    spans: self.spans.remove(&doc).unwrap_or_default(),
                    id: doc,
                });
            }
        }
        Ok(views)
    }
}

/// Escapes text for HTML.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A horizontal bar chart as inline SVG.
fn bar_chart(title: &str, bars: &[(String, u64)]) -> String {
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let (label_w, bar_w, row_h) = (170, 260, 22);
    let height = row_h * bars.len().max(1) + 8;
    let mut svg = format!(
        "<figure><figcaption>{}</figcaption><svg role=\"img\" width=\"{}\" height=\"{height}\" viewBox=\"0 0 {} {height}\">",
        escape(title),
        label_w + bar_w + 70,
        label_w + bar_w + 70
    );
    for (i, (label, n)) in bars.iter().enumerate() {
        let y = i * row_h + 4;
        let w = (*n as f64 / max as f64 * bar_w as f64).round() as usize;
        let short: String = if label.chars().count() > LABEL_CHARS {
            label.chars().take(LABEL_CHARS - 1).chain(['…']).collect()
        } else {
            label.clone()
        };
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\"><title>{}</title>{}</text><rect x=\"{}\" y=\"{y}\" width=\"{w}\" height=\"{}\"/><text x=\"{}\" y=\"{}\">{n}</text>",
            label_w - 6,
            y + 15,
            escape(label),
            escape(&short),
            label_w,
            row_h - 6,
            label_w + w + 4,
            y + 15
        );
    }
    svg.push_str("</svg></figure>");
    svg
}

/// The report page.
pub fn render(summary: &Summary) -> io::Result<String> {
    let count = |m: &BTreeMap<String, u64>| -> Vec<(String, u64)> {
        m.iter().map(|(k, v)| (k.clone(), *v)).collect()
    };
    let confidence: Vec<(String, u64)> = summary
        .by_confidence
        .iter()
        .enumerate()
        .map(|(i, n)| {
            (
                format!("{:.1}–{:.1}", i as f64 / 10.0, (i + 1) as f64 / 10.0),
                *n,
            )
        })
        .collect();
    let mut charts = vec![
        bar_chart("Claims by kind", &count(&summary.by_kind)),
        bar_chart("Claims by cue class", &count(&summary.by_cue_class)),
        bar_chart("Claims by confidence", &confidence),
        bar_chart("Top speakers (named)", &summary.top_speakers),
    ];
    if !summary.by_month.is_empty() {
        charts.push(bar_chart("Claims by month", &count(&summary.by_month)));
    }
    let sampled = if (summary.table.len() as u64) < summary.claims {
        format!(
            "<p class=\"note\">The table shows an evenly spaced sample of {} of the {} claims; claims.jsonl has them all.</p>",
            summary.table.len(),
            summary.claims
        )
    } else {
        String::new()
    };
    let data = serde_json::to_string(&serde_json::json!({
        "claims": summary.table,
        "articles": summary.articles_view,
    }))?
    .replace("</", "<\\/");
    let totals = format!(
        "<div class=\"totals\"><div><b id=\"n-articles\">{}</b> articles</div><div><b id=\"n-claims\">{}</b> claims</div><div><b>{}</b> speakers</div><div><b>{}</b> entity mentions</div><div><b>{}</b> rejected inputs</div></div>",
        summary.articles, summary.claims, summary.speakers, summary.entities, summary.rejected
    );
    Ok(fill(
        TEMPLATE,
        &[
            ("totals", &totals),
            ("charts", &charts.concat()),
            ("sampled", &sampled),
            ("max_articles", &MAX_ARTICLES.to_string()),
            ("data", &data),
        ],
    ))
}

/// The template with each `{{key}}` replaced by its value, in one pass (so a value that
/// holds `{{…}}` is never expanded).
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let key = after.find("}}").map(|close| &after[..close]);
        match key.and_then(|k| values.iter().find(|(name, _)| *name == k)) {
            Some((name, value)) => {
                out.push_str(value);
                rest = &after[name.len() + 2..];
            }
            None => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Writes `dir/report.html` (atomically) and returns the summary it shows.
pub fn write_report(dir: &Path) -> io::Result<Summary> {
    let summary = Summary::read(dir)?;
    let html = render(&summary)?;
    let mut file = AtomicFile::create(&dir.join("report.html"))?;
    io::Write::write_all(file.writer(), html.as_bytes())?;
    file.commit()?;
    Ok(summary)
}

const TEMPLATE: &str = include_str!("report.html");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_come_from_iso_like_dates_only() {
        assert_eq!(month_of("2016-09-12").as_deref(), Some("2016-09"));
        assert_eq!(month_of("2016-09"), Some("2016-09".into()));
        assert_eq!(month_of("12 Sep 2016"), None);
        assert_eq!(month_of("2016"), None);
    }

    #[test]
    fn the_table_samples_evenly_beyond_its_limit() {
        let dir = tempfile::tempdir().unwrap();
        let n = MAX_CLAIMS * 2 + 1;
        let article =
            serde_json::json!({"id": "a", "status": "ok", "claims": n, "date": "2016-09-12"});
        std::fs::write(dir.path().join("articles.jsonl"), format!("{article}\n")).unwrap();
        std::fs::write(dir.path().join("speakers.jsonl"), "").unwrap();
        let claims: String = (0..n)
            .map(|i| {
                let c = serde_json::json!({"claim_id": i.to_string(), "doc_id": "a",
                    "kind": "direct", "confidence": 0.5, "quote": {"text": "x", "start": 0, "end": 1}});
                format!("{c}\n")
            })
            .collect();
        std::fs::write(dir.path().join("claims.jsonl"), claims).unwrap();
        let summary = Summary::read(dir.path()).unwrap();
        assert_eq!(summary.claims, n as u64);
        assert!(summary.table.len() <= MAX_CLAIMS);
        assert_eq!(summary.table[1]["id"], "3");
        assert_eq!(summary.by_month["2016-09"], n as u64);
        assert!(render(&summary).unwrap().contains("evenly spaced sample"));
    }

    #[test]
    fn the_template_is_filled_in_one_pass() {
        let page = fill("a {{x}} b {{y}} {{z}}", &[("x", "{{y}}"), ("y", "2")]);
        assert_eq!(page, "a {{y}} b 2 {{z}}");
    }

    #[test]
    fn chart_labels_are_escaped() {
        let svg = bar_chart("<t>", &[("a<b".into(), 3)]);
        assert!(svg.contains("a&lt;b") && svg.contains("&lt;t&gt;") && !svg.contains("<t>"));
    }
}
