//! Body extraction from HTML: `Parser::parse_html` on the raw pages of the
//! article extraction benchmark, scored as the text task (`body.rs`), and its
//! speed on one thread with every extractor on and with extraction alone.

use std::time::Instant;

use nutgraf::{Meta, Options, Parser};

use crate::body::{self, BodyReport};
use crate::jsonl;

/// Figures of one run.
#[derive(Debug, Clone, Copy)]
pub struct HtmlBodyReport {
    /// The body scores (mean per page, and pooled).
    pub body: BodyReport,
    /// Pages per second on one thread, every extractor on (a full parse).
    pub pages_per_sec_full: f64,
    /// Pages per second on one thread, layout and body only (no extractor).
    pub pages_per_sec_extract: f64,
    /// Megabytes of HTML per second on one thread, full parse.
    pub mb_per_sec_full: f64,
}

/// Options with every extractor off: the article and its layout only.
fn extraction_only() -> Options {
    Options::new()
        .entities(false)
        .times(false)
        .quantities(false)
        .quotes(false)
        .events(false)
}

fn html_of(row: &serde_json::Value) -> &str {
    row["html"].as_str().unwrap_or("")
}

/// Seconds to parse every row once, in order, on this thread.
fn time_one_thread(rows: &[serde_json::Value], parser: &Parser) -> f64 {
    let start = Instant::now();
    for row in rows {
        let doc = parser.parse_html(html_of(row), &Meta::new());
        std::hint::black_box(doc.map_or(0, |d| d.body.len()));
    }
    start.elapsed().as_secs_f64()
}

fn score_rows(rows: &[serde_json::Value], worst: usize) -> Vec<body::Score> {
    let parser = Parser::default();
    body::score_with(rows, worst, |row| {
        parser
            .parse_html(html_of(row), &Meta::new())
            .map(|d| d.body)
            .unwrap_or_default()
    })
}

/// Score body extraction from HTML on an `article_extraction_html` JSONL file,
/// and time it on one thread (`timing`: off, the speeds are 0).
pub fn score(path: &str, timing: bool) -> Result<HtmlBodyReport, String> {
    let rows = jsonl::read(path)?;
    let scores = score_rows(&rows, 0);
    Ok(report(&rows, &scores, timing))
}

fn report(rows: &[serde_json::Value], scores: &[body::Score], timing: bool) -> HtmlBodyReport {
    let (mut full, mut extract, mut mb) = (0.0, 0.0, 0.0);
    if timing {
        let bytes: usize = rows.iter().map(|r| html_of(r).len()).sum();
        let t_full = time_one_thread(rows, &Parser::default());
        let t_extract = time_one_thread(rows, &Parser::new(extraction_only()));
        full = rows.len() as f64 / t_full.max(1e-9);
        extract = rows.len() as f64 / t_extract.max(1e-9);
        mb = bytes as f64 / 1e6 / t_full.max(1e-9);
    }
    HtmlBodyReport {
        body: body::report(scores),
        pages_per_sec_full: full,
        pages_per_sec_extract: extract,
        mb_per_sec_full: mb,
    }
}

/// The `body-html` subcommand.
pub fn run(args: &[String]) -> Result<(), String> {
    let path =
        jsonl::positional(args).ok_or("body-html: give the article_extraction_html JSONL path")?;
    let details = jsonl::flag(args, "--details");
    let worst = jsonl::opt_usize(args, "--worst")?.unwrap_or(0);
    let timing = !jsonl::flag(args, "--no-timing");
    let rows = jsonl::read(path)?;
    let scores = score_rows(&rows, worst);
    body::print_scores(&scores, path, details, worst);
    let rep = report(&rows, &scores, timing);
    if timing {
        println!(
            "  speed on one thread: {:.1} pages/s every extractor on ({:.1} MB of HTML/s), {:.1} pages/s extraction only",
            rep.pages_per_sec_full, rep.mb_per_sec_full, rep.pages_per_sec_extract
        );
    }
    Ok(())
}
