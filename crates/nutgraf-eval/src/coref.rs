//! Pronoun resolution on ECB+ (`ecbplus/dev.jsonl`).
//!
//! ECB+ annotates the participants of its news events, pronouns included, with
//! coreference chains. A third-person pronoun ("he", "her", "it", "they"...)
//! with a chain is *resolvable* when a mention of the same chain that is not a
//! pronoun (a name or a noun phrase) comes before it in the document. A
//! resolution nutgraf gives it ([`nutgraf::Entity::pronouns`]) is *right* when
//! every entity it names has a mention overlapping a gold mention of the
//! pronoun's chain. Precision is right over resolved (among the annotated
//! pronouns; unannotated ones cannot be judged), recall right over resolvable.
//!
//! The baseline is the rule the quote stage used before the resolver: a
//! pronoun is the last person named before it (for "he" and "she" forms).

use std::collections::HashMap;

use nutgraf::{CharOffsets, EntityLabel, Meta, Options, Parser};
use rayon::prelude::*;
use serde_json::Value;

use crate::{jsonl, Tally};

const PRONOUNS: &[(&str, Class)] = &[
    ("he", Class::HeShe),
    ("him", Class::HeShe),
    ("his", Class::HeShe),
    ("himself", Class::HeShe),
    ("she", Class::HeShe),
    ("her", Class::HeShe),
    ("hers", Class::HeShe),
    ("herself", Class::HeShe),
    ("it", Class::It),
    ("its", Class::It),
    ("itself", Class::It),
    ("they", Class::They),
    ("them", Class::They),
    ("their", Class::They),
    ("themselves", Class::They),
];

/// The pronoun classes reported apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    /// "he", "she" and their forms.
    HeShe,
    /// "it", "its".
    It,
    /// "they", "them", "their".
    They,
}

/// Counts for one class of pronouns (or all).
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    /// Annotated pronouns with a chain.
    pub annotated: usize,
    /// nutgraf's resolutions: gold are the resolvable pronouns (a mention of
    /// their chain that is no pronoun comes before them), predicted those
    /// resolved, right those resolved right.
    pub ours: Tally,
    /// The baseline's ("he"/"she" forms: the last person named), over the
    /// same resolvable pronouns.
    pub baseline: Tally,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.annotated += o.annotated;
        self.ours.add(&o.ours);
        self.baseline.add(&o.baseline);
    }
}

/// The figures of a file, per pronoun class and in all.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Documents read.
    pub documents: usize,
    /// Per class.
    pub classes: Vec<(Class, Counts)>,
    /// All classes.
    pub all: Counts,
}

struct Gold {
    start: usize,
    end: usize,
    chain: String,
    pronoun: Option<Class>,
}

fn class_of(text: &str) -> Option<Class> {
    let low = text.to_lowercase();
    PRONOUNS.iter().find(|(p, _)| *p == low).map(|&(_, c)| c)
}

/// Score the ECB+ file at `path`, with or without the syntax stage.
///
/// # Errors
/// When the file cannot be read or a line is not JSON.
pub fn score(path: &str, syntax: bool) -> Result<Report, String> {
    Ok(score_with_errors(path, syntax)?.0)
}

/// [`score`], with a line for each pronoun resolved to an entity outside its
/// chain: the pronoun in its context, the entities given, the chain's names.
fn score_with_errors(path: &str, syntax: bool) -> Result<(Report, Vec<String>), String> {
    let rows = jsonl::read(path)?;
    let parser = Parser::new(Options::new().layout(false).syntax(syntax));
    let per_doc: Vec<(HashMap<Class, Counts>, Vec<String>)> =
        rows.par_iter().map(|row| score_doc(&parser, row)).collect();
    let mut by_class: HashMap<Class, Counts> = HashMap::new();
    let errors: Vec<String> = per_doc.iter().flat_map(|(_, e)| e.clone()).collect();
    for (d, _) in &per_doc {
        for (c, counts) in d {
            by_class.entry(*c).or_default().add(counts);
        }
    }
    let mut classes: Vec<(Class, Counts)> = by_class.into_iter().collect();
    classes.sort_by_key(|(c, _)| *c);
    let mut all = Counts::default();
    for (_, c) in &classes {
        all.add(c);
    }
    Ok((
        Report {
            documents: rows.len(),
            classes,
            all,
        },
        errors,
    ))
}

fn score_doc(parser: &Parser, row: &Value) -> (HashMap<Class, Counts>, Vec<String>) {
    let mut out: HashMap<Class, Counts> = HashMap::new();
    let mut errors = Vec::new();
    let text = row["text"].as_str().unwrap_or("");
    let Ok(doc) = parser.parse(text, &Meta::new()) else {
        return (out, errors);
    };
    let co = CharOffsets::new(&doc.text);
    let gold: Vec<Gold> = row["mentions"]
        .as_array()
        .map(|ms| {
            ms.iter()
                .filter_map(|m| {
                    let chain = m["chain"].as_str().unwrap_or("");
                    Some(Gold {
                        start: usize::try_from(m["start"].as_u64()?).ok()?,
                        end: usize::try_from(m["end"].as_u64()?).ok()?,
                        chain: chain.to_owned(),
                        pronoun: class_of(m["text"].as_str().unwrap_or("")),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    // Each entity's mentions, in characters; each pronoun's resolution.
    let entity_spans: Vec<Vec<(usize, usize)>> = doc
        .entities
        .iter()
        .map(|e| {
            e.mentions
                .iter()
                .map(|&m| co.span(doc.mentions[m].span))
                .collect()
        })
        .collect();
    let mut resolved: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (i, e) in doc.entities.iter().enumerate() {
        for &p in &e.pronouns {
            resolved.entry(co.span(p)).or_default().push(i);
        }
    }
    // Person mentions in characters, in order, for the baseline.
    let persons: Vec<((usize, usize), usize)> = doc
        .mentions
        .iter()
        .filter(|m| m.label == EntityLabel::Person && m.entity != usize::MAX)
        .map(|m| (co.span(m.span), m.entity))
        .collect();
    let in_chain = |e: usize, chain: &str| {
        entity_spans[e].iter().any(|&(s, t)| {
            gold.iter()
                .any(|g| g.chain == chain && g.pronoun.is_none() && s < g.end && g.start < t)
        })
    };
    // Characters of the text (offsets are in characters), for error lines.
    let chars: Vec<char> = text.chars().collect();
    let cut = |a: usize, b: usize| -> String {
        chars[a.min(chars.len())..b.min(chars.len())]
            .iter()
            .collect::<String>()
            .replace('\n', " ")
    };
    for g in &gold {
        let Some(class) = g.pronoun else { continue };
        if g.chain.is_empty() {
            continue;
        }
        let c = out.entry(class).or_default();
        c.annotated += 1;
        if gold
            .iter()
            .any(|o| o.chain == g.chain && o.pronoun.is_none() && o.start < g.start)
        {
            c.ours.gold += 1;
            c.baseline.gold += 1;
        }
        if let Some(es) = resolved.get(&(g.start, g.end)) {
            c.ours.predicted += 1;
            if es.iter().all(|&e| in_chain(e, &g.chain)) {
                c.ours.right += 1;
            } else {
                let names: Vec<&str> = es.iter().map(|&e| doc.entities[e].name.as_str()).collect();
                let mut chain: Vec<String> = gold
                    .iter()
                    .filter(|o| o.chain == g.chain && o.pronoun.is_none())
                    .map(|o| cut(o.start, o.end))
                    .collect();
                chain.sort();
                chain.dedup();
                errors.push(format!(
                    "{}: ...{}[{}]{}... -> {names:?}; chain {chain:?}",
                    row["id"].as_str().unwrap_or("?"),
                    cut(g.start.saturating_sub(120), g.start),
                    cut(g.start, g.end),
                    cut(g.end, g.end + 40),
                ));
            }
        }
        if class == Class::HeShe {
            if let Some(&(_, e)) = persons.iter().rev().find(|((_, end), _)| *end <= g.start) {
                c.baseline.predicted += 1;
                if in_chain(e, &g.chain) {
                    c.baseline.right += 1;
                }
            }
        }
    }
    (out, errors)
}

/// `nutgraf-eval coref FILE [--syntax] [--errors N]`.
///
/// # Errors
/// When the file cannot be read.
pub fn run(args: &[String]) -> Result<(), String> {
    let path = jsonl::positional(args).ok_or("coref: give the ECB+ JSONL file")?;
    let syntax = jsonl::flag(args, "--syntax");
    let show = jsonl::opt_usize(args, "--errors")?.unwrap_or(0);
    let (r, errors) = score_with_errors(path, syntax)?;
    for e in errors.iter().take(show) {
        eprintln!("{e}");
    }
    crate::print_header(r.documents, syntax);
    let line = |name: &str, c: &Counts| {
        let (p, rc, f) = c.ours.prf();
        println!(
            "  {name:<8} annotated {:>4} resolvable {:>4} resolved {:>4} right {:>4}  P {p:.3} R {rc:.3} F1 {f:.3}",
            c.annotated, c.ours.gold, c.ours.predicted, c.ours.right
        );
    };
    for (class, c) in &r.classes {
        line(&format!("{class:?}"), c);
    }
    line("all", &r.all);
    for (class, c) in &r.classes {
        if *class == Class::HeShe {
            let (p, rc, f) = c.baseline.prf();
            println!(
                "  baseline (he/she: the last person named) resolved {} right {}  P {p:.3} R {rc:.3} F1 {f:.3}",
                c.baseline.predicted, c.baseline.right
            );
        }
    }
    Ok(())
}
