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

fn read_jsonl(path: &Path) -> io::Result<Vec<Value>> {
    let file = std::fs::File::open(path)
        .map_err(|e| io::Error::new(e.kind(), format!("cannot read {}: {e}", path.display())))?;
    let mut records = Vec::new();
    for line in BufReader::new(file).lines() {
        let line = line?;
        if !line.trim().is_empty() {
            records.push(serde_json::from_str(&line)?);
        }
    }
    Ok(records)
}

fn text_of(value: &Value) -> String {
    value.as_str().unwrap_or("").to_string()
}

impl Summary {
    /// Reads the dataset in `dir` (claims, articles, speakers and the kept article texts).
    pub fn read(dir: &Path) -> io::Result<Summary> {
        let claims = read_jsonl(&dir.join("claims.jsonl"))?;
        let articles = read_jsonl(&dir.join("articles.jsonl"))?;
        let speakers = read_jsonl(&dir.join("speakers.jsonl"))?;
        let mut summary = Summary {
            claims: claims.len() as u64,
            speakers: speakers.len() as u64,
            ..Summary::default()
        };
        let mut dates = BTreeMap::new();
        for a in &articles {
            if a["status"] == "ok" {
                summary.articles += 1;
                summary.entities += a["entities"].as_u64().unwrap_or(0);
            } else {
                summary.rejected += 1;
            }
            if let Some(month) = a["date"].as_str().and_then(month_of) {
                dates.insert(text_of(&a["id"]), month);
            }
        }
        for c in &claims {
            *summary.by_kind.entry(text_of(&c["kind"])).or_default() += 1;
            let class = c["cue_class"].as_str().unwrap_or("(none)").to_string();
            *summary.by_cue_class.entry(class).or_default() += 1;
            let confidence = c["confidence"].as_f64().unwrap_or(0.0);
            summary.by_confidence[((confidence * 10.0) as usize).min(9)] += 1;
            if let Some(month) = dates.get(c["doc_id"].as_str().unwrap_or("")) {
                *summary.by_month.entry(month.clone()).or_default() += 1;
            }
        }
        let mut named: Vec<(String, u64)> = speakers
            .iter()
            .filter(|s| s["named"] == true)
            .map(|s| (text_of(&s["name"]), s["claims"].as_u64().unwrap_or(0)))
            .collect();
        named.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        named.truncate(TOP_SPEAKERS);
        summary.top_speakers = named;
        summary.table = table_rows(&claims);
        summary.articles_view = article_views(dir, &claims)?;
        Ok(summary)
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

/// The claims of the table: all of them, or an evenly spaced sample of [`MAX_CLAIMS`].
fn table_rows(claims: &[Value]) -> Vec<Value> {
    let step = claims.len().div_ceil(MAX_CLAIMS).max(1);
    claims
        .iter()
        .step_by(step)
        .map(|c| {
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
        })
        .collect()
}

/// The first [`MAX_ARTICLES`] articles with claims, with their texts from the dataset's store.
fn article_views(dir: &Path, claims: &[Value]) -> io::Result<Vec<ArticleView>> {
    let mut spans: BTreeMap<String, Vec<(u64, u64, &'static str, String)>> = BTreeMap::new();
    let mut order = Vec::new();
    for c in claims {
        let doc = text_of(&c["doc_id"]);
        if !spans.contains_key(&doc) {
            if order.len() == MAX_ARTICLES {
                continue;
            }
            order.push(doc.clone());
        }
        let id = text_of(&c["claim_id"]);
        let list = spans.entry(doc).or_default();
        let mut add = |span: &Value, class: &'static str| {
            if let (Some(s), Some(e)) = (span["start"].as_u64(), span["end"].as_u64()) {
                list.push((s, e, class, id.clone()));
            }
        };
        add(&c["quote"], "quote");
        add(&c["cue"], "cue");
        add(&c["speaker_mention"], "speaker");
    }
    let texts_path = dir.join(".claimex/texts.jsonl");
    let mut views = Vec::new();
    if let Ok(texts) = read_jsonl(&texts_path) {
        let mut by_id: BTreeMap<String, Value> = texts
            .into_iter()
            .filter(|t| spans.contains_key(t["id"].as_str().unwrap_or("")))
            .map(|t| (text_of(&t["id"]), t))
            .collect();
        for doc in order {
            if let Some(t) = by_id.remove(&doc) {
                views.push(ArticleView {
                    title: t["title"].as_str().map(str::to_string),
                    text: text_of(&t["text"]),
                    spans: spans.remove(&doc).unwrap_or_default(),
                    id: doc,
                });
            }
        }
    }
    Ok(views)
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
        let claims: Vec<Value> = (0..MAX_CLAIMS * 2 + 1)
            .map(|i| serde_json::json!({"claim_id": i.to_string(), "quote": {"text": "x"}}))
            .collect();
        let rows = table_rows(&claims);
        assert!(rows.len() <= MAX_CLAIMS);
        assert_eq!(rows[1]["id"], "3");
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
