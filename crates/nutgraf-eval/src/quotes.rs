//! Quote and attribution evaluation on PolNeAR-style data.
//!
//! `nutgraf-eval quotes FILE` parses each document's `text` (layout off, the
//! `publication_date` as published) and compares `Document::quotes` with the gold
//! `quotes` (every attribution: direct and reported speech, paraphrase, beliefs).
//!
//! * Direct quotes: gold attributions whose content is in quote marks (it starts
//!   with an opening mark and ends with a closing one). Each content part is a
//!   unit; predicted units are the parts of `direct` quotes. Precision, recall and
//!   F1 for exact spans and for overlapping ones (matched one to one), and speaker
//!   accuracy on matched quotes: the predicted speaker span overlaps the gold one
//!   (or both are absent).
//! * All attributions: a gold attribution is found when a predicted quote of any
//!   kind overlaps its content (one to one); overlap precision and recall, and cue
//!   accuracy on matches (the predicted cue overlaps the gold cue).

use nutgraf::{CharOffsets, Meta, Options, Parser, QuoteKind};
use rayon::prelude::*;
use serde_json::Value;

use crate::jsonl::{self, overlaps, span_of};
use crate::{prf_split, ratio};

/// Counts over a corpus.
#[derive(Debug, Clone, Default)]
pub struct QuoteReport {
    /// Documents scored.
    pub documents: usize,
    /// Gold direct-quote parts.
    pub direct_gold: usize,
    /// Predicted direct-quote parts.
    pub direct_pred: usize,
    /// Parts with exactly a gold part's span.
    pub direct_exact: usize,
    /// Parts overlapping a gold part (one to one).
    pub direct_overlap: usize,
    /// Gold direct quotes matched by a predicted one.
    pub speaker_total: usize,
    /// ... whose speaker is right.
    pub speaker_ok: usize,
    /// Gold attributions.
    pub all_gold: usize,
    /// Predicted quotes of any kind.
    pub all_pred: usize,
    /// Gold attributions overlapped by a predicted quote (one to one).
    pub all_overlap: usize,
    /// Matched attributions with a gold cue.
    pub cue_total: usize,
    /// ... whose predicted cue overlaps it.
    pub cue_ok: usize,
    /// Error lines: (doc id, kind, detail).
    pub errors: Vec<(String, &'static str, String)>,
}

impl QuoteReport {
    /// Direct quotes, exact spans: (P, R, F1).
    pub fn direct_exact(&self) -> (f64, f64, f64) {
        prf_split(
            self.direct_exact,
            self.direct_pred,
            self.direct_exact,
            self.direct_gold,
        )
    }
    /// Direct quotes, overlapping spans: (P, R, F1).
    pub fn direct_overlap(&self) -> (f64, f64, f64) {
        prf_split(
            self.direct_overlap,
            self.direct_pred,
            self.direct_overlap,
            self.direct_gold,
        )
    }
    /// Speaker accuracy on matched direct quotes.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_ok, self.speaker_total)
    }
    /// All attributions, overlap: (P, R, F1).
    pub fn all_overlap(&self) -> (f64, f64, f64) {
        prf_split(
            self.all_overlap,
            self.all_pred,
            self.all_overlap,
            self.all_gold,
        )
    }
    /// Cue accuracy on matched attributions.
    pub fn cue_accuracy(&self) -> f64 {
        ratio(self.cue_ok, self.cue_total)
    }
}

type S = (usize, usize);

struct GoldQuote {
    parts: Vec<S>,
    direct: bool,
    speaker: Option<S>,
    cue: Option<S>,
}

fn gold_of(row: &Value) -> Vec<GoldQuote> {
    let text: Vec<char> = row["text"].as_str().unwrap_or("").chars().collect();
    let open = |c: char| matches!(c, '"' | '\u{201c}' | '\u{ab}' | '\u{201e}');
    let close = |c: char| matches!(c, '"' | '\u{201d}' | '\u{bb}');
    row["quotes"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|q| {
                    let mut parts: Vec<S> = q["content_spans"]
                        .as_array()?
                        .iter()
                        .filter_map(|p| {
                            Some((p.get(0)?.as_u64()? as usize, p.get(1)?.as_u64()? as usize))
                        })
                        .collect();
                    parts.sort_unstable();
                    let first = parts.first()?;
                    let last = parts.last()?;
                    let trimmed_end = (first.0..last.1.min(text.len()))
                        .rev()
                        .find(|&i| !text[i].is_whitespace() && !matches!(text[i], '.' | ','))?;
                    // Quote marks, also written as two apostrophes or backquotes.
                    let doubled = |i: usize| {
                        i + 1 < text.len()
                            && matches!(text[i], '\'' | '`')
                            && text[i + 1] == text[i]
                    };
                    let opens = text.get(first.0).is_some_and(|&c| open(c)) || doubled(first.0);
                    let closes = close(text[trimmed_end])
                        || text
                            .get(last.1.saturating_sub(1))
                            .is_some_and(|&c| close(c))
                        || (trimmed_end > 0 && doubled(trimmed_end - 1));
                    let direct = opens && closes;
                    Some(GoldQuote {
                        parts,
                        direct,
                        speaker: q.get("speaker").and_then(span_of),
                        cue: q.get("cue").and_then(span_of),
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

fn score_doc(parser: &Parser, row: &Value, errors: bool) -> Result<QuoteReport, String> {
    let id = row["id"].as_str().unwrap_or("?").to_owned();
    let text = row["text"]
        .as_str()
        .ok_or_else(|| format!("{id}: no text"))?;
    let mut meta = Meta::new();
    if let Some(d) = row["publication_date"].as_str().and_then(|d| d.get(..10)) {
        if let Ok(date) = nutgraf::parse_date(d) {
            meta = meta.with_published(date);
        }
    }
    let doc = parser
        .parse(text, &meta)
        .map_err(|e| format!("{id}: {e}"))?;
    let co = CharOffsets::new(&doc.text);
    let gold = gold_of(row);
    let mut r = QuoteReport {
        documents: 1,
        ..QuoteReport::default()
    };

    // Direct quotes, part by part.
    let gold_parts: Vec<S> = gold
        .iter()
        .filter(|g| g.direct)
        .flat_map(|g| g.parts.iter().copied())
        .collect();
    let pred_direct: Vec<&nutgraf::Quote> = doc
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .collect();
    let pred_parts: Vec<S> = pred_direct
        .iter()
        .flat_map(|q| q.parts.iter().map(|&p| co.span(p)))
        .collect();
    r.direct_gold = gold_parts.len();
    r.direct_pred = pred_parts.len();
    let trim = |s: S| -> S {
        // Exact up to spaces and a final full stop or comma outside the marks.
        let chars: Vec<char> = text.chars().skip(s.0).take(s.1 - s.0).collect();
        let mut e = chars.len();
        while e > 0 && (chars[e - 1].is_whitespace() || matches!(chars[e - 1], '.' | ',')) {
            e -= 1;
        }
        (s.0, s.0 + e)
    };
    let mut used = vec![false; gold_parts.len()];
    for &p in &pred_parts {
        if let Some(k) = (0..gold_parts.len()).find(|&k| !used[k] && overlaps(p, gold_parts[k])) {
            used[k] = true;
            r.direct_overlap += 1;
            if trim(p) == trim(gold_parts[k]) {
                r.direct_exact += 1;
            } else if errors {
                r.errors.push((
                    id.clone(),
                    "SPAN",
                    format!("{:?} want {:?}", slice(text, p), slice(text, gold_parts[k])),
                ));
            }
        } else if errors {
            r.errors.push((id.clone(), "FP", slice(text, p)));
        }
    }
    if errors {
        for (k, &g) in gold_parts.iter().enumerate() {
            if !used[k] {
                r.errors.push((id.clone(), "FN", slice(text, g)));
            }
        }
    }
    // Speakers of matched direct quotes.
    for g in gold.iter().filter(|g| g.direct) {
        let hit = pred_direct.iter().find(|q| {
            q.parts
                .iter()
                .any(|&p| g.parts.iter().any(|&gp| overlaps(co.span(p), gp)))
        });
        if let Some(q) = hit {
            r.speaker_total += 1;
            let ok = match (q.speaker.as_ref().map(|s| co.span(s.span)), g.speaker) {
                (Some(p), Some(gs)) => overlaps(p, gs),
                (None, None) => true,
                _ => false,
            };
            if ok {
                r.speaker_ok += 1;
            } else if errors {
                r.errors.push((
                    id.clone(),
                    "SPEAKER",
                    format!(
                        "{:?}: got {:?} want {:?}",
                        slice(text, g.parts[0]).chars().take(50).collect::<String>(),
                        q.speaker.as_ref().map(|s| slice(text, co.span(s.span))),
                        g.speaker.map(|s| slice(text, s))
                    ),
                ));
            }
        }
    }
    // All attributions.
    r.all_gold = gold.len();
    r.all_pred = doc.quotes.len();
    let mut taken = vec![false; doc.quotes.len()];
    for g in &gold {
        let hit = (0..doc.quotes.len()).find(|&k| {
            !taken[k]
                && doc.quotes[k]
                    .parts
                    .iter()
                    .any(|&p| g.parts.iter().any(|&gp| overlaps(co.span(p), gp)))
        });
        if hit.is_none() && errors {
            let cue = g.cue.map(|c| slice(text, c)).unwrap_or_default();
            r.errors.push((
                id.clone(),
                "MISS",
                format!("[{cue}] {}", slice(text, g.parts[0])),
            ));
        }
        if let Some(k) = hit {
            taken[k] = true;
            r.all_overlap += 1;
            if let Some(gc) = g.cue {
                r.cue_total += 1;
                if doc.quotes[k].cue.is_some_and(|c| overlaps(co.span(c), gc)) {
                    r.cue_ok += 1;
                }
            }
        }
    }
    if errors {
        for (k, q) in doc.quotes.iter().enumerate() {
            if !taken[k] {
                let cue = q.cue.map(|c| slice(text, co.span(c))).unwrap_or_default();
                r.errors.push((
                    id.clone(),
                    "EXTRA",
                    format!("[{cue}] {:?} {}", q.kind, slice(text, co.span(q.span))),
                ));
            }
        }
    }
    Ok(r)
}

fn slice(text: &str, s: S) -> String {
    text.chars()
        .skip(s.0)
        .take(s.1.saturating_sub(s.0))
        .collect::<String>()
        .replace('\n', " ")
}

/// Score the quotes of a PolNeAR-style JSONL file, with or without the
/// syntax stage (the tree's reported clauses need it).
pub fn score(path: &str, errors: bool, syntax: bool) -> Result<QuoteReport, String> {
    let rows = jsonl::read(path)?;
    let parser = Parser::new(
        Options::new()
            .layout(false)
            .times(false)
            .quantities(false)
            .syntax(syntax),
    );
    let parts: Vec<Result<QuoteReport, String>> = rows
        .par_iter()
        .map(|row| score_doc(&parser, row, errors))
        .collect();
    let mut t = QuoteReport::default();
    for p in parts {
        let p = p?;
        t.documents += p.documents;
        t.direct_gold += p.direct_gold;
        t.direct_pred += p.direct_pred;
        t.direct_exact += p.direct_exact;
        t.direct_overlap += p.direct_overlap;
        t.speaker_total += p.speaker_total;
        t.speaker_ok += p.speaker_ok;
        t.all_gold += p.all_gold;
        t.all_pred += p.all_pred;
        t.all_overlap += p.all_overlap;
        t.cue_total += p.cue_total;
        t.cue_ok += p.cue_ok;
        t.errors.extend(p.errors);
    }
    Ok(t)
}

/// `nutgraf-eval quotes FILE [--errors N] [--no-syntax]`.
pub fn run(args: &[String]) -> Result<(), String> {
    let path = jsonl::positional(args).ok_or("quotes: give a PolNeAR-style JSONL file")?;
    let show = jsonl::opt_usize(args, "--errors")?.unwrap_or(0);
    let syntax = !jsonl::flag(args, "--no-syntax");
    let r = score(path, show > 0, syntax)?;
    let (ep, er, ef) = r.direct_exact();
    let (op, or, of) = r.direct_overlap();
    let (ap, ar, af) = r.all_overlap();
    crate::print_header(r.documents, syntax);
    println!(
        "direct quotes ({} gold parts, {} predicted):",
        r.direct_gold, r.direct_pred
    );
    println!("  exact   P {ep:.3} R {er:.3} F1 {ef:.3}");
    println!("  overlap P {op:.3} R {or:.3} F1 {of:.3}");
    println!(
        "  speaker accuracy {:.3} ({} matched quotes)",
        r.speaker_accuracy(),
        r.speaker_total
    );
    println!(
        "all attributions ({} gold, {} predicted):",
        r.all_gold, r.all_pred
    );
    println!(
        "  overlap P {ap:.3} R {ar:.3} F1 {af:.3}; cue accuracy {:.3}",
        r.cue_accuracy()
    );
    if show > 0 {
        for kind in ["FN", "FP", "SPAN", "SPEAKER", "MISS", "EXTRA"] {
            println!("\n{kind}:");
            for e in r.errors.iter().filter(|e| e.1 == kind).take(show) {
                println!(
                    "  {:<20} {}",
                    e.0,
                    e.2.chars().take(200).collect::<String>()
                );
            }
        }
    }
    Ok(())
}
