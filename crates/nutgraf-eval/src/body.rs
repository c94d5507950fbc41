//! Body extraction score: bag-of-tokens precision, recall and F1 per document.

use std::collections::HashMap;

use nutgraf::{Meta, Parser};
use rayon::prelude::*;

use crate::{jsonl, prf};

/// Lowercased word tokens (maximal runs of alphanumeric characters).
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Multiset overlap of two token lists.
fn overlap(pred: &[String], gold: &[String]) -> usize {
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for t in gold {
        *counts.entry(t).or_default() += 1;
    }
    let mut hit = 0;
    for t in pred {
        if let Some(c) = counts.get_mut(t.as_str()) {
            if *c > 0 {
                *c -= 1;
                hit += 1;
            }
        }
    }
    hit
}

/// One document's score.
pub(crate) struct Score {
    id: String,
    p: f64,
    r: f64,
    f: f64,
    hit: usize,
    npred: usize,
    ngold: usize,
    missing: Vec<String>,
    extra: Vec<String>,
}

/// Lines of `a` (as paragraphs) whose tokens mostly do not occur in `b`.
fn unmatched_paragraphs(a: &str, b: &str) -> Vec<String> {
    let btoks: std::collections::HashSet<String> = tokens(b).into_iter().collect();
    a.split('\n')
        .filter(|l| !l.trim().is_empty())
        .filter(|l| {
            let t = tokens(l);
            !t.is_empty() && t.iter().filter(|x| btoks.contains(*x)).count() * 2 < t.len()
        })
        .map(|l| l.chars().take(110).collect())
        .collect()
}

/// Corpus-level body extraction figures.
#[derive(Debug, Clone, Copy)]
pub struct BodyReport {
    /// Documents scored.
    pub documents: usize,
    /// Mean per-document precision, recall and F1.
    pub macro_prf: (f64, f64, f64),
    /// Precision, recall and F1 over all tokens pooled.
    pub micro_prf: (f64, f64, f64),
}

/// Score body extraction on an `article_extraction` JSONL file.
pub fn score(path: &str) -> Result<BodyReport, String> {
    let rows = jsonl::read(path)?;
    let scores = score_rows(&rows, 0);
    Ok(report(&scores))
}

pub(crate) fn report(scores: &[Score]) -> BodyReport {
    let n = scores.len().max(1) as f64;
    let (hit, npred, ngold) = scores.iter().fold((0, 0, 0), |acc, s| {
        (acc.0 + s.hit, acc.1 + s.npred, acc.2 + s.ngold)
    });
    BodyReport {
        documents: scores.len(),
        macro_prf: (
            scores.iter().map(|s| s.p).sum::<f64>() / n,
            scores.iter().map(|s| s.r).sum::<f64>() / n,
            scores.iter().map(|s| s.f).sum::<f64>() / n,
        ),
        micro_prf: prf(hit, npred, ngold),
    }
}

/// The `body` subcommand.
pub fn run(args: &[String]) -> Result<(), String> {
    let path = jsonl::positional(args).ok_or("body: give the article_extraction JSONL path")?;
    let details = jsonl::flag(args, "--details");
    let worst = jsonl::opt_usize(args, "--worst")?.unwrap_or(0);
    let rows = jsonl::read(path)?;
    let scores = score_rows(&rows, worst);
    print_scores(&scores, path, details, worst);
    Ok(())
}

fn score_rows(rows: &[serde_json::Value], worst: usize) -> Vec<Score> {
    let parser = Parser::default();
    score_with(rows, worst, |row| {
        let raw = row["raw_text"].as_str().unwrap_or("");
        parser
            .parse(raw, &Meta::new())
            .map(|d| d.body)
            .unwrap_or_default()
    })
}

/// Score each row's body, as `body_of` extracts it, against its `gold.body`,
/// in parallel. With `worst` above 0, the paragraphs missed and added are kept.
pub(crate) fn score_with<F>(rows: &[serde_json::Value], worst: usize, body_of: F) -> Vec<Score>
where
    F: Fn(&serde_json::Value) -> String + Sync,
{
    rows.par_iter()
        .map(|row| {
            let id = row["id"]
                .as_str()
                .unwrap_or("?")
                .chars()
                .take(12)
                .collect::<String>();
            let gold = row["gold"]["body"].as_str().unwrap_or("");
            let body = body_of(row);
            let (pt, gt) = (tokens(&body), tokens(gold));
            let hit = overlap(&pt, &gt);
            let (p, r, f) = prf(hit, pt.len(), gt.len());
            let (missing, extra) = if worst > 0 {
                (
                    unmatched_paragraphs(gold, &body),
                    unmatched_paragraphs(&body, gold),
                )
            } else {
                (Vec::new(), Vec::new())
            };
            Score {
                id,
                p,
                r,
                f,
                hit,
                npred: pt.len(),
                ngold: gt.len(),
                missing,
                extra,
            }
        })
        .collect()
}

pub(crate) fn print_scores(scores: &[Score], path: &str, details: bool, worst: usize) {
    let rep = report(scores);
    let ((mp, mr, mf), (up, ur, uf)) = (rep.macro_prf, rep.micro_prf);
    if details {
        for s in scores {
            println!("{}  P {:.3}  R {:.3}  F1 {:.3}", s.id, s.p, s.r, s.f);
        }
    }
    if worst > 0 {
        let mut order: Vec<&Score> = scores.iter().collect();
        order.sort_by(|a, b| a.f.total_cmp(&b.f));
        for s in order.into_iter().take(worst) {
            println!("== {}  P {:.3}  R {:.3}  F1 {:.3}", s.id, s.p, s.r, s.f);
            for m in s.missing.iter().take(8) {
                println!("   missing: {m}");
            }
            for e in s.extra.iter().take(8) {
                println!("   extra:   {e}");
            }
        }
    }
    println!("body extraction on {} documents ({path})", scores.len());
    println!("  macro  P {mp:.3}  R {mr:.3}  F1 {mf:.3}   (mean of per-document scores)");
    println!("  micro  P {up:.3}  R {ur:.3}  F1 {uf:.3}   (all tokens pooled)");
}
