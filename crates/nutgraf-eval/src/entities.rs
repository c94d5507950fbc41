//! Named-entity evaluation of the whole pipeline: typed exact-match P/R/F1.
//!
//! `nutgraf-eval ner FILE --scheme conll|ontonotes` parses each document's `text`
//! with layout analysis off (the texts are already clean) and compares
//! `Document::mentions` with the gold `entities` (code-point offsets, end
//! exclusive). With `--scheme conll` predicted OntoNotes labels are mapped to
//! CoNLL's four (PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC, the rest→MISC).

use std::collections::HashSet;
use std::time::Instant;

use nutgraf::{CharOffsets, EntityLabel, Meta, Options, Parser};
use rayon::prelude::*;
use serde_json::Value;

use crate::jsonl;
use crate::ner::{score as score_doc, Scores};

/// How predicted labels are compared with gold ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// CoNLL-2003: PER, ORG, LOC, MISC.
    Conll,
    /// OntoNotes name types, compared as they are.
    OntoNotes,
}

/// The gold label a predicted label is compared with.
pub fn map_label(label: EntityLabel, scheme: Scheme) -> &'static str {
    match scheme {
        Scheme::OntoNotes => label.as_str(),
        Scheme::Conll => match label {
            EntityLabel::Person => "PER",
            EntityLabel::Org => "ORG",
            EntityLabel::Gpe | EntityLabel::Loc | EntityLabel::Fac => "LOC",
            _ => "MISC",
        },
    }
}

/// A scored corpus: counts per label (see [`crate::ner::Scores`]), with speed.
#[derive(Debug, Clone, Default)]
pub struct NerReport {
    /// Documents scored.
    pub documents: usize,
    /// Counts per gold/predicted label.
    pub scores: Scores,
    /// Words per second of the whole `parse` (one thread).
    pub words_per_second: f64,
    /// Up to a few errors per document (see [`score_with`]).
    pub errors: Vec<ErrorRow>,
}

type Mentions = HashSet<(usize, usize, String)>;

/// Errors shown for a document: (doc id, "FN"/"FP", text, label).
type ErrorRow = (String, &'static str, String, String);

/// Scores and errors of one document.
type DocResult = (Scores, Vec<ErrorRow>);

fn gold_of(row: &Value) -> Mentions {
    row["entities"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|e| {
                    Some((
                        usize::try_from(e["start"].as_u64()?).ok()?,
                        usize::try_from(e["end"].as_u64()?).ok()?,
                        e["label"].as_str()?.to_owned(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Score the pipeline's mentions on an annotated JSONL file (keeping up to five
/// errors of each kind per document).
pub fn score(path: &str, scheme: Scheme) -> Result<NerReport, String> {
    score_with(path, scheme, 5)
}

/// [`score`], keeping up to `per_doc` missed and `per_doc` extra mentions per document.
pub fn score_with(path: &str, scheme: Scheme, per_doc: usize) -> Result<NerReport, String> {
    let rows = jsonl::read(path)?;
    let parser = Parser::new(Options::new().layout(false));
    // Speed: one thread, whole parse.
    let started = Instant::now();
    let docs: Vec<nutgraf::Document> = rows
        .iter()
        .map(|r| parser.parse(r["text"].as_str().unwrap_or(""), &Meta::new()))
        .collect::<Result<_, _>>()
        .map_err(|e| e.to_string())?;
    let secs = started.elapsed().as_secs_f64();
    let words: usize = rows
        .iter()
        .map(|r| r["text"].as_str().unwrap_or("").split_whitespace().count())
        .sum();
    let results: Vec<DocResult> = rows
        .par_iter()
        .zip(docs.par_iter())
        .map(|(row, doc)| {
            let gold = gold_of(row);
            let co = CharOffsets::new(&doc.text);
            let pred: Mentions = doc
                .mentions
                .iter()
                .map(|m| {
                    let (s, e) = co.span(m.span);
                    (s, e, map_label(m.label, scheme).to_owned())
                })
                .collect();
            let gold_v: Vec<(usize, usize, String)> = gold.iter().cloned().collect();
            let pred_v: Vec<(usize, usize, String)> = pred.iter().cloned().collect();
            let per = score_doc(&gold_v, &pred_v);
            let id = row["id"]
                .as_str()
                .unwrap_or("?")
                .chars()
                .take(16)
                .collect::<String>();
            let chars: Vec<char> = doc.text.chars().collect();
            let slice = |s: usize, e: usize| {
                chars
                    .get(s..e)
                    .map(|c| c.iter().collect())
                    .unwrap_or_default()
            };
            let mut errors = Vec::new();
            let mut fns: Vec<_> = gold.difference(&pred).collect();
            fns.sort();
            for g in fns.into_iter().take(per_doc) {
                errors.push((id.clone(), "FN", slice(g.0, g.1), g.2.clone()));
            }
            let mut fps: Vec<_> = pred.difference(&gold).collect();
            fps.sort();
            for p in fps.into_iter().take(per_doc) {
                errors.push((id.clone(), "FP", slice(p.0, p.1), p.2.clone()));
            }
            (per, errors)
        })
        .collect();
    let mut report = NerReport {
        documents: rows.len(),
        words_per_second: if secs > 0.0 { words as f64 / secs } else { 0.0 },
        ..NerReport::default()
    };
    for (per, errors) in results {
        report.scores.merge(&per);
        report.errors.extend(errors);
    }
    Ok(report)
}

/// The `ner` subcommand.
pub fn run(args: &[String]) -> Result<(), String> {
    let path = jsonl::positional(args).ok_or("ner: give an annotated JSONL path")?;
    let scheme = match args
        .iter()
        .position(|a| a == "--scheme")
        .and_then(|i| args.get(i + 1))
    {
        Some(s) if s == "conll" => Scheme::Conll,
        Some(s) if s == "ontonotes" => Scheme::OntoNotes,
        None => {
            if path.contains("conll") {
                Scheme::Conll
            } else {
                Scheme::OntoNotes
            }
        }
        Some(other) => return Err(format!("unknown scheme {other:?} (conll or ontonotes)")),
    };
    let show = jsonl::opt_usize(args, "--errors")?.unwrap_or(0);
    let per_doc = jsonl::opt_usize(args, "--per-doc")?.unwrap_or(5);
    let report = score_with(path, scheme, per_doc)?;
    println!(
        "named entities on {} documents ({path}), scheme {scheme:?}",
        report.documents
    );
    report.scores.print();
    if scheme == Scheme::Conll {
        let (p, r, f) = report.scores.subset(&["PER", "LOC", "ORG"]).prf();
        println!("  {:<12} {p:>6.3} {r:>6.3} {f:>6.3}", "PER+LOC+ORG");
    }
    println!(
        "  speed: {:.0} words/s (whole parse, one thread)",
        report.words_per_second
    );
    for (id, kind, text, label) in report.errors.iter().take(show) {
        println!("  {kind} {id} {label:<8} {text}");
    }
    Ok(())
}
