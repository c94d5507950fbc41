//! Time-expression evaluation in the TempEval-3 way.
//!
//! `nutgraf-eval timex FILE` parses each document's `text` (layout off, entities
//! off) with its `dct` as the publication date, and compares `Document::times`
//! with the gold `timexes`: span precision, recall and F1, strict (same span) and
//! relaxed (overlapping spans, matched one to one in text order), then the type
//! and value accuracy on relaxed matches. TempEval-3 reports value and type as
//! F1 too: accuracy × relaxed F1.

use std::time::Instant;

use nutgraf::{CharOffsets, Meta, Options, Parser};
use rayon::prelude::*;
use serde_json::Value;

use crate::jsonl;

/// Counts over a corpus.
#[derive(Debug, Clone, Default)]
pub struct TimexReport {
    /// Documents scored.
    pub documents: usize,
    /// Gold expressions.
    pub gold: usize,
    /// Predicted expressions.
    pub predicted: usize,
    /// Predictions with exactly a gold span.
    pub strict: usize,
    /// Predictions overlapping a gold span (one to one).
    pub relaxed: usize,
    /// Relaxed matches with the gold type.
    pub type_ok: usize,
    /// Relaxed matches with the gold value.
    pub value_ok: usize,
    /// Megabytes of text per second of the whole `parse` (times only, one thread).
    pub mb_per_second: f64,
    /// Error lines: (doc id, kind, text, detail).
    pub errors: Vec<(String, &'static str, String, String)>,
}

impl TimexReport {
    /// Strict span (precision, recall, F1).
    pub fn strict_prf(&self) -> (f64, f64, f64) {
        crate::prf(self.strict, self.predicted, self.gold)
    }

    /// Relaxed span (precision, recall, F1).
    pub fn relaxed_prf(&self) -> (f64, f64, f64) {
        crate::prf(self.relaxed, self.predicted, self.gold)
    }

    /// Type accuracy on relaxed matches.
    pub fn type_accuracy(&self) -> f64 {
        crate::ratio(self.type_ok, self.relaxed)
    }

    /// Value accuracy on relaxed matches.
    pub fn value_accuracy(&self) -> f64 {
        crate::ratio(self.value_ok, self.relaxed)
    }
}

struct Gold {
    start: usize,
    end: usize,
    kind: String,
    value: String,
    text: String,
}

fn gold_of(row: &Value) -> Vec<Gold> {
    let mut out: Vec<Gold> = row["timexes"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|t| {
                    Some(Gold {
                        start: usize::try_from(t["start"].as_u64()?).ok()?,
                        end: usize::try_from(t["end"].as_u64()?).ok()?,
                        kind: t["type"].as_str()?.to_owned(),
                        value: t["value"].as_str().unwrap_or("").to_owned(),
                        text: t["text"].as_str().unwrap_or("").to_owned(),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort_by_key(|g| (g.start, g.end));
    out
}

/// The text around code points `start..end`, on one line.
fn context(text: &str, start: usize, end: usize) -> String {
    let lo = start.saturating_sub(50);
    let s: String = text.chars().skip(lo).take(end - lo + 25).collect();
    s.replace('\n', " ")
}

/// Score one document.
fn score_doc(parser: &Parser, row: &Value, errors: bool) -> Result<TimexReport, String> {
    let id = row["id"].as_str().unwrap_or("?").to_owned();
    let text = row["text"]
        .as_str()
        .ok_or_else(|| format!("{id}: no text"))?;
    let mut meta = Meta::new();
    if let Some(dct) = row["dct"].as_str() {
        meta = meta.with_published(nutgraf::parse_date(dct).map_err(|e| format!("{id}: {e}"))?);
    }
    let doc = parser
        .parse(text, &meta)
        .map_err(|e| format!("{id}: {e}"))?;
    let co = CharOffsets::new(&doc.text);
    let gold = gold_of(row);
    let pred: Vec<(usize, usize, &str, String, String)> = doc
        .times
        .iter()
        .map(|t| {
            let (s, e) = co.span(t.span);
            (
                s,
                e,
                t.kind.as_str(),
                t.value.clone().unwrap_or_default(),
                doc.slice(t.span).to_owned(),
            )
        })
        .collect();
    let mut r = TimexReport {
        documents: 1,
        gold: gold.len(),
        predicted: pred.len(),
        ..TimexReport::default()
    };
    let mut used = vec![false; gold.len()];
    for p in &pred {
        let hit = gold
            .iter()
            .enumerate()
            .find(|(k, g)| !used[*k] && g.start < p.1 && p.0 < g.end);
        match hit {
            Some((k, g)) => {
                used[k] = true;
                r.relaxed += 1;
                if g.start == p.0 && g.end == p.1 {
                    r.strict += 1;
                }
                if g.kind == p.2 {
                    r.type_ok += 1;
                }
                if g.value == p.3 {
                    r.value_ok += 1;
                } else if errors {
                    r.errors.push((
                        id.clone(),
                        "VALUE",
                        p.4.clone(),
                        format!(
                            "{} {} want {} {} (dct {}) | {}",
                            p.2,
                            p.3,
                            g.kind,
                            g.value,
                            row["dct"],
                            context(text, g.start, g.end)
                        ),
                    ));
                }
            }
            None => {
                if errors {
                    r.errors
                        .push((id.clone(), "FP", p.4.clone(), format!("{} {}", p.2, p.3)));
                }
            }
        }
    }
    if errors {
        for (k, g) in gold.iter().enumerate() {
            if !used[k] {
                let ctx_lo = g.start.saturating_sub(30);
                let ctx: String = text
                    .chars()
                    .skip(ctx_lo)
                    .take(g.end - ctx_lo + 20)
                    .collect();
                r.errors.push((
                    id.clone(),
                    "FN",
                    g.text.clone(),
                    format!("{} {} | {}", g.kind, g.value, ctx.replace('\n', " ")),
                ));
            }
        }
    }
    Ok(r)
}

/// Score the time expressions of a TempEval-style JSONL file.
pub fn score(path: &str, errors: bool) -> Result<TimexReport, String> {
    let rows = jsonl::read(path)?;
    let parser = Parser::new(Options::new().layout(false).entities(false));
    let t0 = Instant::now();
    let bytes: usize = rows
        .iter()
        .map(|r| r["text"].as_str().map_or(0, str::len))
        .sum();
    let parts: Vec<Result<TimexReport, String>> = rows
        .par_iter()
        .map(|row| score_doc(&parser, row, errors))
        .collect();
    let elapsed = t0.elapsed().as_secs_f64();
    let mut total = TimexReport::default();
    for p in parts {
        let p = p?;
        total.documents += p.documents;
        total.gold += p.gold;
        total.predicted += p.predicted;
        total.strict += p.strict;
        total.relaxed += p.relaxed;
        total.type_ok += p.type_ok;
        total.value_ok += p.value_ok;
        total.errors.extend(p.errors);
    }
    let threads = rayon::current_num_threads().max(1) as f64;
    total.mb_per_second = bytes as f64 / 1e6 / (elapsed * threads).max(1e-9);
    Ok(total)
}

/// `nutgraf-eval timex FILE [--errors N]`.
pub fn run(args: &[String]) -> Result<(), String> {
    let path = jsonl::positional(args).ok_or("timex: give a TempEval-style JSONL file")?;
    let show = jsonl::opt_usize(args, "--errors")?.unwrap_or(0);
    let r = score(path, show > 0)?;
    let (sp, sr, sf) = r.strict_prf();
    let (rp, rr, rf) = r.relaxed_prf();
    println!(
        "{} documents, {} gold, {} predicted",
        r.documents, r.gold, r.predicted
    );
    println!("strict  span P {sp:.3} R {sr:.3} F1 {sf:.3}");
    println!("relaxed span P {rp:.3} R {rr:.3} F1 {rf:.3}");
    println!(
        "type accuracy {:.3} (F1 {:.3}); value accuracy {:.3} (F1 {:.3}) on relaxed matches",
        r.type_accuracy(),
        r.type_accuracy() * rf,
        r.value_accuracy(),
        r.value_accuracy() * rf
    );
    println!(
        "parse speed (layout and entities off): {:.1} MB/s per thread",
        r.mb_per_second
    );
    if show > 0 {
        for kind in ["FN", "FP", "VALUE"] {
            println!("\n{kind}:");
            for e in r.errors.iter().filter(|e| e.1 == kind).take(show) {
                println!("  {:<24} {:<28} {}", e.0, format!("{:?}", e.2), e.3);
            }
        }
    }
    Ok(())
}
