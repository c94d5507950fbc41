//! Events on M2E2 (`m2e2/dev.jsonl`: Voice of America news, every sentence
//! annotated with ACE events), scored as the shared evaluation README says.
//!
//! Each text is parsed with layout off and its `published` date. nutgraf's
//! types map to ACE: VISIT and TRAVEL to `Movement:Transport`; MEET and TALK to
//! `Contact:Meet`, but TALK with CAMEO `041` (a phone call) to
//! `Contact:Phone-Write`; ATTACK to `Conflict:Attack`; PROTEST to
//! `Conflict:Demonstrate`; ARREST to `Justice:Arrest-Jail`; DIE and KILL to
//! `Life:Die`. Other types, and gold `Transaction:Transfer-Money`, are not
//! scored. A predicted event is right when its trigger overlaps a gold trigger
//! of the mapped type (one to one). An argument (actor, target or place; one
//! per distinct span) is right when its event is right and it overlaps a gold
//! argument of a role it may fill ([`fills`]); precision is over every argument
//! of the scored predicted events, recall over the gold arguments of the roles
//! that can be filled.

use std::collections::BTreeMap;

use nutgraf::{CharOffsets, Meta, Options, Parser};
use rayon::prelude::*;
use serde_json::Value;

use crate::jsonl::{self, overlaps, span_of};
use crate::Tally;

/// The ACE type a nutgraf event is scored as (`None`: not scored).
pub fn ace_type(kind: &str, cameo: Option<&str>) -> Option<&'static str> {
    Some(match kind {
        "VISIT" | "TRAVEL" => "Movement:Transport",
        "TALK" if cameo == Some("041") => "Contact:Phone-Write",
        "MEET" | "TALK" => "Contact:Meet",
        "ATTACK" => "Conflict:Attack",
        "PROTEST" => "Conflict:Demonstrate",
        "ARREST" => "Justice:Arrest-Jail",
        "DIE" | "KILL" => "Life:Die",
        _ => return None,
    })
}

/// What a predicted argument is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Slot {
    /// Who acts.
    Actor,
    /// Who or what is acted on.
    Target,
    /// Where.
    Place,
}

/// Whether an argument in `slot` of an event of ACE type `ace` may fill the
/// gold role `role`.
pub fn fills(ace: &str, slot: Slot, role: &str) -> bool {
    match slot {
        Slot::Actor => match ace {
            "Movement:Transport" => matches!(role, "Artifact" | "Agent"),
            "Contact:Meet" | "Contact:Phone-Write" | "Conflict:Demonstrate" => role == "Entity",
            "Conflict:Attack" => role == "Attacker",
            "Justice:Arrest-Jail" | "Life:Die" => role == "Agent",
            _ => false,
        },
        Slot::Target => match ace {
            "Movement:Transport" => role == "Destination",
            "Contact:Meet" | "Contact:Phone-Write" | "Conflict:Demonstrate" => role == "Entity",
            "Conflict:Attack" => role == "Target",
            "Justice:Arrest-Jail" => role == "Person",
            "Life:Die" => role == "Victim",
            _ => false,
        },
        Slot::Place => {
            role == "Place"
                || (ace == "Movement:Transport" && matches!(role, "Destination" | "Origin"))
        }
    }
}

/// Whether some slot may fill gold role `role` of ACE type `ace` (the roles
/// recall counts).
fn fillable(ace: &str, role: &str) -> bool {
    [Slot::Actor, Slot::Target, Slot::Place]
        .iter()
        .any(|&s| fills(ace, s, role))
}

/// Counts of one ACE type (or all).
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    /// Triggers.
    pub triggers: Tally,
    /// Arguments: gold ones of fillable roles, those of the scored predicted
    /// events, and the right ones.
    pub arguments: Tally,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.triggers.add(&o.triggers);
        self.arguments.add(&o.arguments);
    }
}

/// The figures of a file: per ACE type, and in all.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Documents read.
    pub documents: usize,
    /// Per ACE type.
    pub types: BTreeMap<&'static str, Counts>,
    /// All types.
    pub all: Counts,
    /// Per trigger form (the trigger's text, lower case) and nutgraf type:
    /// events predicted of a scored type, and how many were right: the hits
    /// and precision of the lexicon's rows, form by form ("kill" and
    /// "killed" apart).
    pub rules: BTreeMap<(String, &'static str), (usize, usize)>,
    /// Wrong and missed triggers (`FP`, `FN`), and the wrong and missed
    /// arguments of right ones (`ARG`), when asked for: document id, kind,
    /// ACE type, trigger text and the sentence around it with the gold
    /// triggers of that sentence.
    pub errors: Vec<String>,
}

const SCORED: &[&str] = &[
    "Movement:Transport",
    "Contact:Meet",
    "Contact:Phone-Write",
    "Conflict:Attack",
    "Conflict:Demonstrate",
    "Justice:Arrest-Jail",
    "Life:Die",
];

struct GoldEvent {
    ace: &'static str,
    trigger: (usize, usize),
    args: Vec<(String, usize, usize)>,
}

/// Score the M2E2 file at `path`, with or without the syntax stage.
///
/// # Errors
/// When the file cannot be read or a line is not JSON.
pub fn score(path: &str, syntax: bool, errors: bool) -> Result<Report, String> {
    let rows = jsonl::read(path)?;
    let parser = Parser::new(Options::new().layout(false).syntax(syntax));
    let per_doc: Vec<Doc> = rows
        .par_iter()
        .map(|row| score_doc(&parser, row, errors))
        .collect();
    let mut report = Report {
        documents: rows.len(),
        ..Report::default()
    };
    for (d, rules, errs) in per_doc {
        report.errors.extend(errs);
        for (t, c) in &d {
            report.types.entry(t).or_default().add(c);
            report.all.add(c);
        }
        for (key, right) in rules {
            let r = report.rules.entry(key).or_default();
            r.0 += 1;
            r.1 += usize::from(right);
        }
    }
    Ok(report)
}

/// One document's counts per ACE type, each scored prediction's trigger
/// word, type and whether it was right, and its error lines.
type Doc = (
    BTreeMap<&'static str, Counts>,
    Vec<((String, &'static str), bool)>,
    Vec<String>,
);

fn score_doc(parser: &Parser, row: &Value, errors: bool) -> Doc {
    let mut out: BTreeMap<&'static str, Counts> = BTreeMap::new();
    let mut rules = Vec::new();
    let mut errs = Vec::new();
    let text = row["text"].as_str().unwrap_or("");
    let meta = row["published"]
        .as_str()
        .and_then(|d| Meta::new().with_published_str(d).ok())
        .unwrap_or_default();
    let gold: Vec<GoldEvent> = row["events"]
        .as_array()
        .map(|evs| {
            evs.iter()
                .filter_map(|e| {
                    let ace = SCORED.iter().find(|t| Some(**t) == e["type"].as_str())?;
                    let args = e["arguments"]
                        .as_array()
                        .map(|a| {
                            a.iter()
                                .filter_map(|x| {
                                    let role = x["role"].as_str()?;
                                    let (s, t) = span_of(x)?;
                                    fillable(ace, role).then(|| (role.to_owned(), s, t))
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    Some(GoldEvent {
                        ace,
                        trigger: span_of(&e["trigger"])?,
                        args,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    for g in &gold {
        let c = out.entry(g.ace).or_default();
        c.triggers.gold += 1;
        c.arguments.gold += g.args.len();
    }
    let Ok(doc) = parser.parse(text, &meta) else {
        return (out, rules, errs);
    };
    let co = CharOffsets::new(&doc.text);
    let mut taken = vec![false; gold.len()];
    for e in &doc.events {
        let Some(ace) = ace_type(e.kind.as_str(), e.cameo) else {
            continue;
        };
        let trigger = co.span(e.trigger);
        // One argument per distinct span, in slot order.
        let mut args: Vec<(Slot, (usize, usize))> = Vec::new();
        let slots = e
            .actors
            .iter()
            .map(|p| (Slot::Actor, p))
            .chain(e.targets.iter().map(|p| (Slot::Target, p)))
            .chain(e.place.iter().map(|p| (Slot::Place, p)));
        for (slot, p) in slots {
            let span = co.span(p.span);
            if !args.iter().any(|(_, s)| *s == span) {
                args.push((slot, span));
            }
        }
        let c = out.entry(ace).or_default();
        c.triggers.predicted += 1;
        c.arguments.predicted += args.len();
        let word = (doc.slice(e.trigger).to_lowercase(), e.kind.as_str());
        let Some(g) = (0..gold.len())
            .find(|&g| !taken[g] && gold[g].ace == ace && overlaps(gold[g].trigger, trigger))
        else {
            if errors {
                errs.push(error_line(row, text, &gold, "FP", ace, trigger));
            }
            rules.push((word, false));
            continue;
        };
        rules.push((word, true));
        taken[g] = true;
        c.triggers.right += 1;
        let mut used = vec![false; gold[g].args.len()];
        let mut wrong = Vec::new();
        for (slot, span) in args {
            let hit = gold[g].args.iter().enumerate().find(|(k, (role, s, t))| {
                !used[*k] && fills(ace, slot, role) && overlaps((*s, *t), span)
            });
            if let Some((k, _)) = hit {
                used[k] = true;
                c.arguments.right += 1;
            } else if errors {
                wrong.push(format!("{slot:?}={:?}", char_slice(text, span)));
            }
        }
        if errors {
            let missed: Vec<String> = gold[g]
                .args
                .iter()
                .zip(&used)
                .filter(|(_, u)| !**u)
                .map(|((role, s, t), _)| format!("{role}={:?}", char_slice(text, (*s, *t))))
                .collect();
            if !wrong.is_empty() || !missed.is_empty() {
                let what = format!(
                    "ARG wrong [{}] missed [{}]",
                    wrong.join(", "),
                    missed.join(", ")
                );
                errs.push(error_line(row, text, &gold, &what, ace, gold[g].trigger));
            }
        }
    }
    if errors {
        for (g, t) in gold.iter().zip(&taken) {
            if !t {
                errs.push(error_line(row, text, &gold, "FN", g.ace, g.trigger));
            }
        }
    }
    (out, rules, errs)
}

/// The characters `s..e` of `text`, runs of white space as one space.
fn char_slice(text: &str, (s, e): (usize, usize)) -> String {
    text.chars()
        .skip(s)
        .take(e.saturating_sub(s))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// One error line: the document, the kind of error, the type, the trigger and
/// its sentence (character offsets of the gold file) with the sentence's gold
/// triggers.
fn error_line(
    row: &Value,
    text: &str,
    gold: &[GoldEvent],
    what: &str,
    ace: &str,
    trigger: (usize, usize),
) -> String {
    let sentence = row["sentences"]
        .as_array()
        .and_then(|ss| {
            ss.iter()
                .filter_map(span_of)
                .find(|&(s, e)| s <= trigger.0 && trigger.0 < e)
        })
        .unwrap_or(trigger);
    let chars = |span| char_slice(text, span);
    let in_sentence: Vec<String> = gold
        .iter()
        .filter(|g| sentence.0 <= g.trigger.0 && g.trigger.0 < sentence.1)
        .map(|g| format!("{}={}", chars(g.trigger), g.ace))
        .collect();
    format!(
        "{} {what} {ace} {:?} | gold: [{}] | {}",
        row["id"].as_str().unwrap_or(""),
        chars(trigger),
        in_sentence.join(", "),
        chars(sentence)
    )
}

/// The `n` trigger forms predicted most often, with their hits and
/// precision, then every form that was never right.
pub fn print_rules(rules: &BTreeMap<(String, &'static str), (usize, usize)>, n: usize) {
    let mut by_hits: Vec<_> = rules.iter().collect();
    by_hits.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
    println!("trigger forms (lexicon rows by form): predicted, right, precision");
    for ((word, kind), (pred, right)) in by_hits.iter().take(n) {
        let p = crate::ratio(*right, *pred);
        println!("  {word:<18} {kind:<8} {pred:>4} {right:>4} {p:.3}");
    }
    let never: Vec<String> = by_hits
        .iter()
        .filter(|(_, (_, right))| *right == 0)
        .map(|((w, k), (pred, _))| format!("{w} {k} {pred}"))
        .collect();
    println!("never right ({}): {}", never.len(), never.join(", "));
}

/// `nutgraf-eval events FILE [--no-syntax] [--rules N] [--errors N]`: with the syntax stage (events
/// read from the dependency tree) unless told otherwise.
///
/// # Errors
/// When the file cannot be read.
pub fn run(args: &[String]) -> Result<(), String> {
    let path = jsonl::positional(args).ok_or("events: give the M2E2 JSONL file")?;
    let syntax = !jsonl::flag(args, "--no-syntax");
    let errors = jsonl::opt_usize(args, "--errors")?;
    let r = score(path, syntax, errors.is_some())?;
    crate::print_header(r.documents, syntax);
    let line = |name: &str, c: &Counts| {
        let (tp, tr, tf) = c.triggers.prf();
        let (ap, ar, af) = c.arguments.prf();
        println!(
            "  {name:<22} triggers gold {:>4} pred {:>4} right {:>4} P {tp:.3} R {tr:.3} F1 {tf:.3} | \
             arguments gold {:>4} pred {:>4} right {:>4} P {ap:.3} R {ar:.3} F1 {af:.3}",
            c.triggers.gold,
            c.triggers.predicted,
            c.triggers.right,
            c.arguments.gold,
            c.arguments.predicted,
            c.arguments.right
        );
    };
    for (t, c) in &r.types {
        line(t, c);
    }
    line("all", &r.all);
    if let Some(n) = jsonl::opt_usize(args, "--rules")? {
        print_rules(&r.rules, n);
    }
    if let Some(n) = errors {
        for e in r.errors.iter().take(n) {
            println!("{e}");
        }
    }
    Ok(())
}
