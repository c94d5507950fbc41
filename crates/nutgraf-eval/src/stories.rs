//! Stories and cross-document entities on ECB+ (`ecbplus/dev.jsonl`).
//!
//! Every document is parsed (layout on, as a user would) and added to one
//! [`nutgraf::Corpus`]. Stories are scored against the gold `story` with
//! B-cubed, pairwise precision/recall/F1 and the adjusted Rand index;
//! entities by B-cubed over the gold chains of capitalized participant and
//! place mentions (`HUMAN_PART_*`, `LOC_*`), a gold mention that no corpus
//! entity's mention overlaps being a singleton. Online clustering depends on
//! the order documents arrive in, so the figures are given for the file's
//! order and for `--orders N` seeded shuffles (default 3), with their mean;
//! and per half of the topics (topic numbers 1, 5, 9... against 3, 7, 11...),
//! so that a change that helps one half only shows.

use std::collections::HashMap;

use nutgraf::{CharOffsets, Corpus, Document, Meta, Options, Parser};
use rayon::prelude::*;
use serde_json::Value;

use crate::jsonl;

/// What to print besides the figures (for the first order scored only).
#[derive(Debug, Clone, Copy, Default)]
pub struct Show {
    /// Each predicted story that mixes gold stories, with the reasons of
    /// the merges that mixed them.
    pub stories: bool,
    /// The N gold entity chains that lose the most B-cubed recall, with the
    /// corpus entities their mentions went to.
    pub chains: usize,
}

/// Which topics a part of the report keeps.
type Keep = fn(u64) -> bool;

/// One gold document.
struct Gold {
    id: String,
    topic: u64,
    story: String,
    /// Gold entity mentions scored: (start, end) in characters, chain.
    mentions: Vec<(usize, usize, String)>,
}

/// Precision, recall, F1.
#[derive(Debug, Clone, Copy, Default)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f: f64,
}

impl Prf {
    fn new(p: f64, r: f64) -> Prf {
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf { p, r, f }
    }
}

/// The figures of one order of the documents.
#[derive(Debug, Clone, Copy, Default)]
pub struct Figures {
    /// Stories found.
    pub stories: usize,
    /// B-cubed over documents.
    pub b3: Prf,
    /// Pairs of documents put together.
    pub pairwise: Prf,
    /// Adjusted Rand index.
    pub ari: f64,
    /// B-cubed of cross-document entities over the gold mentions.
    pub entities: Prf,
}

/// B-cubed of a predicted clustering against a gold one (labels per item).
pub fn b_cubed<P: Eq + std::hash::Hash, G: Eq + std::hash::Hash>(pred: &[P], gold: &[G]) -> Prf {
    let n = pred.len();
    if n == 0 {
        return Prf::default();
    }
    let mut joint: HashMap<(&P, &G), usize> = HashMap::new();
    let mut ps: HashMap<&P, usize> = HashMap::new();
    let mut gs: HashMap<&G, usize> = HashMap::new();
    for (p, g) in pred.iter().zip(gold) {
        *joint.entry((p, g)).or_default() += 1;
        *ps.entry(p).or_default() += 1;
        *gs.entry(g).or_default() += 1;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for (&(pc, gc), &c) in &joint {
        let c = c as f64;
        p += c * c / ps[pc] as f64;
        r += c * c / gs[gc] as f64;
    }
    Prf::new(p / n as f64, r / n as f64)
}

fn pairs(c: usize) -> f64 {
    (c * c.saturating_sub(1) / 2) as f64
}

/// Pairwise precision/recall/F1 and the adjusted Rand index.
pub fn pairwise_and_ari<P: Eq + std::hash::Hash, G: Eq + std::hash::Hash>(
    pred: &[P],
    gold: &[G],
) -> (Prf, f64) {
    let mut joint: HashMap<(&P, &G), usize> = HashMap::new();
    let mut ps: HashMap<&P, usize> = HashMap::new();
    let mut gs: HashMap<&G, usize> = HashMap::new();
    for (p, g) in pred.iter().zip(gold) {
        *joint.entry((p, g)).or_default() += 1;
        *ps.entry(p).or_default() += 1;
        *gs.entry(g).or_default() += 1;
    }
    let same: f64 = joint.values().map(|&c| pairs(c)).sum();
    let pp: f64 = ps.values().map(|&c| pairs(c)).sum();
    let gp: f64 = gs.values().map(|&c| pairs(c)).sum();
    let prf = Prf::new(
        if pp > 0.0 { same / pp } else { 1.0 },
        if gp > 0.0 { same / gp } else { 1.0 },
    );
    let total = pairs(pred.len());
    let expected = if total > 0.0 { pp * gp / total } else { 0.0 };
    let max = f64::midpoint(pp, gp);
    let ari = if (max - expected).abs() < f64::EPSILON {
        1.0
    } else {
        (same - expected) / (max - expected)
    };
    (prf, ari)
}

fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).collect();
    let mut rng = crate::SplitMix(seed);
    for i in (1..n).rev() {
        let j = rng.below(i + 1);
        v.swap(i, j);
    }
    v
}

/// Cluster the documents `which` in `order` and score them.
fn run(docs: &[Document], gold: &[Gold], order: &[usize], show: Show) -> Figures {
    let mut corpus = Corpus::new();
    for &i in order {
        // Ids are unique in the file: a repeat would shift every later
        // document against its gold story.
        if let Err(e) = corpus.add(gold[i].id.clone(), &docs[i]) {
            panic!("ECB+ document {:?} not added: {e}", gold[i].id);
        }
    }
    let story_of: Vec<usize> = order
        .iter()
        .enumerate()
        .map(|(k, _)| corpus.story_of(k).unwrap_or(usize::MAX))
        .collect();
    let gold_story: Vec<&str> = order.iter().map(|&i| gold[i].story.as_str()).collect();
    if show.stories {
        let stories = corpus.stories();
        for st in &stories {
            let mut counts: std::collections::BTreeMap<&str, usize> =
                std::collections::BTreeMap::new();
            for &d in &st.docs {
                *counts.entry(gold_story[d]).or_default() += 1;
            }
            if counts.len() > 1 {
                eprintln!("story {} {:?}: {counts:?}", st.index, st.title);
                for m in &st.merges {
                    if gold_story[m.doc] != gold_story[st.docs[0]] {
                        eprintln!(
                            "   {} <- {}: {}",
                            gold_story[st.docs[0]],
                            gold_story[m.doc],
                            m.reason()
                        );
                    }
                }
            }
        }
    }
    let b3 = b_cubed(&story_of, &gold_story);
    let (pairwise, ari) = pairwise_and_ari(&story_of, &gold_story);

    // Entities: each gold mention's predicted entity (or itself alone).
    let entities = corpus.entities();
    let mut spans: HashMap<usize, Vec<(usize, usize, usize)>> = HashMap::new();
    for e in &entities {
        for m in &e.mentions {
            spans
                .entry(m.doc)
                .or_default()
                .push((m.span.start, m.span.end, e.id));
        }
    }
    let mut pred: Vec<String> = Vec::new();
    let mut chains: Vec<&str> = Vec::new();
    for (k, &i) in order.iter().enumerate() {
        let co = CharOffsets::new(&docs[i].text);
        let ours: Vec<((usize, usize), usize)> = spans
            .get(&k)
            .map(|v| {
                v.iter()
                    .map(|&(s, e, id)| (co.span(nutgraf::Span::new(s, e)), id))
                    .collect()
            })
            .unwrap_or_default();
        for (gi, (s, e, chain)) in gold[i].mentions.iter().enumerate() {
            // The mention that overlaps it most ("Oklahoma man" is the
            // person's descriptor rather than the place inside it), then the
            // shortest ("Oklahoma" is the place); of equals, the first listed.
            let hit = ours
                .iter()
                .filter(|((a, b), _)| *a < *e && *s < *b)
                .min_by_key(|((a, b), _)| (std::cmp::Reverse((*b).min(*e) - (*a).max(*s)), b - a))
                .map(|(_, id)| *id);
            pred.push(hit.map_or_else(|| format!("single {k} {gi}"), |id| format!("e{id}")));
            chains.push(chain);
        }
    }
    if show.chains > 0 {
        let names: HashMap<String, &str> = entities
            .iter()
            .map(|e| (format!("e{}", e.id), e.name.as_str()))
            .collect();
        let mut by_chain: HashMap<&str, Vec<(String, String, &str)>> = HashMap::new();
        let mut k = 0;
        for &i in order {
            for (s, e, chain) in &gold[i].mentions {
                let text: String = docs[i].text.chars().skip(*s).take(e - s).collect();
                let p = names.get(&pred[k]).map_or("-", |n| n).to_owned();
                by_chain
                    .entry(chain)
                    .or_default()
                    .push((text, p, pred[k].as_str()));
                k += 1;
            }
        }
        // Largest B-cubed recall lost first: n - sum of the squared sizes of
        // the chain's parts over n.
        let loss = |ms: &[(String, String, &str)]| {
            let mut parts: HashMap<&str, usize> = HashMap::new();
            for (_, _, id) in ms {
                *parts.entry(id).or_default() += 1;
            }
            let n = ms.len() as f64;
            n - parts.values().map(|&c| (c * c) as f64).sum::<f64>() / n
        };
        let mut chains: Vec<_> = by_chain.into_iter().collect();
        chains.sort_by(|a, b| loss(&b.1).total_cmp(&loss(&a.1)).then(a.0.cmp(b.0)));
        for (chain, ms) in chains.iter().take(show.chains) {
            let mut groups: HashMap<&str, Vec<&str>> = HashMap::new();
            for (t, p, _) in ms {
                groups.entry(p).or_default().push(t);
            }
            let mut g: Vec<_> = groups
                .into_iter()
                .map(|(p, ts)| {
                    let mut u = ts.clone();
                    u.sort_unstable();
                    u.dedup();
                    format!("{p} x{} {:?}", ts.len(), &u[..u.len().min(4)])
                })
                .collect();
            g.sort();
            eprintln!(
                "{chain} ({}, recall lost {:.1}): {}",
                ms.len(),
                loss(ms),
                g.join(" | ")
            );
        }
    }
    Figures {
        stories: corpus.stories().len(),
        b3,
        pairwise,
        ari,
        entities: b_cubed(&pred, &chains),
    }
}

fn gold_of(row: &Value) -> Gold {
    let mentions = row["mentions"]
        .as_array()
        .map(|ms| {
            ms.iter()
                .filter_map(|m| {
                    let chain = m["chain"].as_str().unwrap_or("");
                    let kind = m["type"].as_str().unwrap_or("");
                    let text = m["text"].as_str().unwrap_or("");
                    let scored = !chain.is_empty()
                        && (kind.starts_with("HUMAN_PART") || kind.starts_with("LOC_"))
                        && text.chars().next().is_some_and(char::is_uppercase);
                    if !scored {
                        return None;
                    }
                    let (s, e) = jsonl::span_of(m)?;
                    Some((s, e, chain.to_owned()))
                })
                .collect()
        })
        .unwrap_or_default();
    Gold {
        id: row["id"].as_str().unwrap_or("").to_owned(),
        topic: row["topic"].as_u64().unwrap_or(0),
        story: row["story"].as_str().unwrap_or("").to_owned(),
        mentions,
    }
}

/// The figures of every order (the file's, then the shuffles), for all
/// documents and for each half of the topics.
pub struct Report {
    /// Documents read.
    pub documents: usize,
    /// Gold stories.
    pub gold_stories: usize,
    /// ("all" | "half A" | "half B", figures per order).
    pub parts: Vec<(&'static str, Vec<Figures>)>,
}

/// Score the file at `path` over the file's order and `orders` shuffles.
///
/// # Errors
/// When the file cannot be read or a line is not JSON.
pub fn score(path: &str, orders: usize, show: Show) -> Result<Report, String> {
    let rows = jsonl::read(path)?;
    let parser = Parser::new(Options::new());
    let docs: Vec<Document> = rows
        .par_iter()
        .map(|r| {
            parser
                .parse(r["text"].as_str().unwrap_or(""), &Meta::new())
                .map_err(|e| e.to_string())
        })
        .collect::<Result<_, _>>()?;
    let gold: Vec<Gold> = rows.iter().map(gold_of).collect();
    let mut stories: Vec<&str> = gold.iter().map(|g| g.story.as_str()).collect();
    stories.sort_unstable();
    stories.dedup();
    let halves: [(&'static str, Keep); 3] = [
        ("all", |_| true),
        ("half A", |t| (t / 2) % 2 == 0),
        ("half B", |t| (t / 2) % 2 == 1),
    ];
    let mut parts = Vec::new();
    for (name, keep) in halves {
        let mut figs = Vec::new();
        for o in 0..=orders {
            let order: Vec<usize> = if o == 0 {
                (0..docs.len()).collect()
            } else {
                shuffled(docs.len(), o as u64)
            };
            let order: Vec<usize> = order.into_iter().filter(|&i| keep(gold[i].topic)).collect();
            let first = name == "all" && o == 0;
            figs.push(run(
                &docs,
                &gold,
                &order,
                if first { show } else { Show::default() },
            ));
        }
        parts.push((name, figs));
    }
    Ok(Report {
        documents: docs.len(),
        gold_stories: stories.len(),
        parts,
    })
}

/// `nutgraf-eval stories FILE [--orders N] [--story-errors] [--chain-errors N]`.
///
/// # Errors
/// On bad arguments or an unreadable file.
pub fn run_cli(args: &[String]) -> Result<(), String> {
    let path = jsonl::positional(args).ok_or("stories: FILE expected")?;
    let orders = jsonl::opt_usize(args, "--orders")?.unwrap_or(3);
    let show = Show {
        stories: jsonl::flag(args, "--story-errors"),
        chains: jsonl::opt_usize(args, "--chain-errors")?.unwrap_or(0),
    };
    let report = score(path, orders, show)?;
    println!(
        "{} documents, {} gold stories; orders: the file's, then {orders} seeded shuffles",
        report.documents, report.gold_stories
    );
    println!(
        "{:<7} {:>5} {:>7} {:>7} {:>7} | {:>7} {:>7} {:>7} | {:>6} | {:>7} {:>7} {:>7}",
        "part",
        "order",
        "B3 P",
        "B3 R",
        "B3 F1",
        "pair P",
        "pair R",
        "pair F1",
        "ARI",
        "ent P",
        "ent R",
        "ent F1"
    );
    for (name, figs) in &report.parts {
        let mut mean = [0f64; 10];
        for (o, f) in figs.iter().enumerate() {
            let row = [
                f.b3.p,
                f.b3.r,
                f.b3.f,
                f.pairwise.p,
                f.pairwise.r,
                f.pairwise.f,
                f.ari,
                f.entities.p,
                f.entities.r,
                f.entities.f,
            ];
            for (m, v) in mean.iter_mut().zip(row) {
                *m += v / figs.len() as f64;
            }
            let label = if o == 0 {
                "file".to_owned()
            } else {
                format!("s{o}")
            };
            print_row(name, &label, &row, Some(f.stories));
        }
        print_row(name, "mean", &mean, None);
    }
    Ok(())
}

fn print_row(part: &str, order: &str, v: &[f64; 10], stories: Option<usize>) {
    println!(
        "{part:<7} {order:>5} {:>7.3} {:>7.3} {:>7.3} | {:>7.3} {:>7.3} {:>7.3} | {:>6.3} | {:>7.3} {:>7.3} {:>7.3}{}",
        v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9],
        stories.map_or(String::new(), |s| format!("  ({s} stories)"))
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_of_known_clusterings() {
        let gold = ["a", "a", "b", "b"];
        let perfect = b_cubed(&[1, 1, 2, 2], &gold);
        assert!((perfect.f - 1.0).abs() < 1e-9);
        let one = b_cubed(&[1, 1, 1, 1], &gold);
        assert!((one.p - 0.5).abs() < 1e-9 && (one.r - 1.0).abs() < 1e-9);
        let (pw, ari) = pairwise_and_ari(&[1, 1, 2, 2], &gold);
        assert!((pw.f - 1.0).abs() < 1e-9 && (ari - 1.0).abs() < 1e-9);
        let (_, ari) = pairwise_and_ari(&[1, 2, 1, 2], &gold);
        assert!(ari < 0.0);
    }

    #[test]
    fn shuffles_are_permutations() {
        let mut v = shuffled(100, 3);
        assert_ne!(v, (0..100).collect::<Vec<_>>());
        v.sort_unstable();
        assert_eq!(v, (0..100).collect::<Vec<_>>());
    }
}
